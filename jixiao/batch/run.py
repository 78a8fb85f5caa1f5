"""Checking a whole folder of submissions: ``jixiao batch``.

    folders, globs ──discover──▶ files ──▶ local worker processes (or a Dask cluster),
    (discover.py)                         forked from the CLI (engines.py): each reads a
                                          file once and hashes those bytes: in the cache?
                                          │ no: check_one(file, data) ──▶ outcome, its
                                          │     cache row sealed and its FileSummary
                                          │ yes: say so; the main process takes the row
                                          ▼
           cache (SQLite beside the summary, one transaction per chunk) ◀── every file
                                          │
             FileSummary ──▶ 汇总.xlsx, its 问题明细 rows written as the files come, in
             path order, its 汇总 rows at the end (summary_book.py); the cache ──▶ JSONL

``check_one`` (work.py) is the unit of work, the same whichever engine (engines.py)
runs it: it calls ``pipeline.check_workbook`` — the function behind ``jixiao check`` —
and returns ``Outcome``: the JSON ``jixiao check --json`` prints for that file, plus
notes. An outcome is small and plain, so it travels between processes and machines. One bad file is an outcome with ``error``;
nothing a file holds stops the batch. Results are ordered by path (``path_order``), so every
engine and every number of workers gives the same summary, byte for byte in
its data.

(Over 400 lines: the run itself and its annotated copies — their names, folders, and
what is tidied after a stop or a failure — which only a run knows.)
"""

from __future__ import annotations

import collections
import contextlib
import dataclasses
import os
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from jixiao.batch.cache import (
    CACHE_NAME,
    ResultCache,
    code_fingerprint,
    content_hash,
    given_up_key,
)
from jixiao.batch.discover import SUFFIXES
from jixiao.batch.engines import _LARGEST_CHUNK, _run_dask, _run_local
from jixiao.batch.outcome import BatchRun, Outcome, shown_name
from jixiao.batch.progress import _SIGINT, Progress, Stop
from jixiao.batch.summary import FileSummary
from jixiao.batch.work import (
    ANNOTATION_FAILED,
    BatchOptions,
    Checked,
    Job,
    RunSettings,
    check_one,
    copy_failure,
)
from jixiao.xlsx.marks import annotated_name, is_annotated_name

# ================================================================ running


ANNOTATABLE = (".xlsx", ".xlsm")  # what an annotated copy can be made of (the rest is read
# by value: annotate refuses it)
# The 原因 of a file read by value when copies were asked for: why it has none
NO_COPY_BY_VALUE = ("未写出标注副本：此格式（.xls、.ods、Word 等）按数值读取，不能标注；"
                    "可先用 jixiao convert 转入标准模板")


def annotation_targets(files: Iterable[str], roots: list[Path], folder: Path) -> dict[str, str]:
    """Where the annotated copy of each file goes: the same sub-folders under ``folder``,
    ``NAME-校验.xlsx``. Every copy gets its own name — ``a/x.xlsx`` under two folders,
    or ``x.xlsx`` beside ``x.XLSX``, would otherwise overwrite each other: a later one
    is ``NAME-校验-2.xlsx`` (names compared ignoring case, as Windows and macOS do).
    Only a file a copy can be made of takes a name, as its bytes say: ``x.xls`` beside
    ``x.xlsx`` gets no copy, so ``x.xlsx``'s is ``x-校验.xlsx``; nor does an .xls saved
    under an .xlsx name (``foreign.foreign_format_of``). An .xlsx renamed ``x.xls`` (its bytes an
    .xlsx package, ``_renamed_package``) gets one, named as an .xlsx (or, holding macros,
    an .xlsm) is, after the files whose names say what they are.
    A long name is shortened to fit the 255 bytes a file system allows."""
    here = os.getcwd()
    bases = [str(root) for root in roots] + [here]
    files = list(files)
    # a copy never takes the name of a file being checked (--annotate-dir 收件 itself,
    # where a unit sent x-校验.xlsx beside x.xlsx): nothing submitted is overwritten
    taken = {os.path.realpath(file).casefold() for file in files}
    targets = {}
    # None: .xlsm or not, as its real name says. An .xls (or a Word document) saved under
    # an .xlsx name is read by value as its bytes say: no copy, no name (NO_COPY_BY_VALUE)
    from jixiao.xlsx.foreign import foreign_format_of

    named: list[tuple[str, bool | None]] = [
        (file, None) for file in files if file.lower().endswith(ANNOTATABLE)
        and foreign_format_of(file) is None]
    # read by value (.xls, .ods, Word): no copy, so no name, unless it is an .xlsx renamed
    renamed = [(file, kind == ".xlsm") for file in files
               if not file.lower().endswith(ANNOTATABLE)
               and (kind := _renamed_package(file)) is not None]
    for file, xlsm in named + renamed:
        path = os.path.realpath(file)
        base = next((root for root in bases if path.startswith(root.rstrip(os.sep) + os.sep)),
                    None)
        relative = os.path.dirname(os.path.relpath(path, base)) if base else ""
        stem, extension = os.path.splitext(os.path.basename(path))
        if xlsm is None:
            xlsm = extension.lower() == ".xlsm"
        targets[file] = copy_target(os.path.join(folder, relative), stem, xlsm, taken)
    return targets


def copy_target(folder: str | Path, stem: str, xlsm: bool, taken: set[str]) -> str:
    """The annotated copy's name in ``folder`` of a file named ``stem``: NAME-校验.xlsx, or
    the first NAME-校验-2.xlsx … that is none of ``taken`` (case-folded paths, real or as
    given: the copies named already, the files checked), which it joins. A long name is
    shortened to fit the 255 bytes a file system allows. ``jixiao check --annotate FOLDER``
    names its copies so too."""
    stem = _shortened_name(stem, _NAME_BYTES - len(annotated_name("", xlsm, 9999).encode()))
    number = 1
    while True:
        target = os.path.join(folder, annotated_name(stem, xlsm, number))
        if target.casefold() not in taken and os.path.realpath(target).casefold() not in taken:
            break
        number += 1
    taken.add(target.casefold())
    return target


_NAME_BYTES = 255


def read_by_value(file: str) -> bool:
    """Whether no annotated copy can be made of ``file``: it is read by value (an .xls, .ods,
    a Word document, as its bytes say), not an .xlsx renamed (``_renamed_package``). A
    folder of copies gives such a file ``NO_COPY_BY_VALUE``, not a failure."""
    from jixiao.xlsx.foreign import foreign_format_of

    if file.lower().endswith(ANNOTATABLE):
        return foreign_format_of(file) is not None
    return _renamed_package(file) is None


def _renamed_package(file: str) -> str | None:
    """The suffix of the annotated copy of a file whose name says it is read by value
    (``x.xls``, ``x.et``) but whose bytes are an .xlsx or .xlsm package (renamed, or
    saved so by WPS): ".xlsx", or ".xlsm" for one holding macros. None for what is
    read by value (``foreign.foreign_format_of``: an .xls, .xlsb, .ods, a Word
    document) or is no workbook at all (the check says why; no copy is made)."""
    import zipfile

    from jixiao.xlsx.foreign import foreign_format_of

    try:
        with open(file, "rb") as stream:
            if stream.read(2) != b"PK":
                return None
        if foreign_format_of(file) is not None:
            return None
        with zipfile.ZipFile(file) as archive:
            names = [name.lower() for name in archive.namelist()]
    except (OSError, zipfile.BadZipFile, ValueError):
        return None
    if "xl/workbook.xml" not in names:
        return None
    return ".xlsm" if any(name.endswith("vbaproject.bin") for name in names) else ".xlsx"


def _astray(targets: dict[str, str], folder: Path | None) -> dict[str, str]:
    """The annotated copies that would land outside ``folder`` because a sub-folder in
    it is a link planted to point elsewhere: not written, a note says why. Each
    folder's real path is found once."""
    real_folder = os.path.realpath(folder or ".")
    inside: dict[str, bool] = {}
    astray = {}
    for file, target in targets.items():
        here = os.path.dirname(target)
        if here not in inside:
            real = os.path.realpath(here)
            inside[here] = real == real_folder or real.startswith(real_folder.rstrip(os.sep)
                                                                  + os.sep)
        if not inside[here]:
            astray[file] = (f"未写出标注副本：标注目录中的“{here}”是指向别处的符号链接，"
                            "jixiao 不会写到标注目录之外")
    return astray


def _shortened_name(stem: str, limit: int) -> str:
    raw = stem.encode("utf-8", "surrogateescape")
    if len(raw) <= limit:
        return stem
    return raw[:limit].decode("utf-8", "ignore").rstrip() or "文件"


def run_batch(files: list[str], cache: ResultCache, options: BatchOptions,
              on_outcome: Callable[[FileSummary], None] | None = None,
              progress: Progress | None = None, roots: list[Path] | None = None,
              odd: dict[str, str] | None = None, stop: Stop | None = None) -> BatchRun:
    """Check ``files`` (the cache first, then the engine); Ctrl-C, SIGTERM or SIGHUP end
    it with what is done. ``on_outcome`` is given each file's ``FileSummary``.
    ``odd``: the entries discovery found unreadable (``discover``), each a row saying why.
    ``stop``: the caller's ``Stop``, already installed (to defer signals after the run).
    """
    started = time.monotonic()
    progress = progress or Progress(len(files), quiet=True)
    done: set[str] = set()
    own = stop is None
    stop = stop or Stop()
    rows: list[tuple[object, ...]] = []  # new cache rows, written a chunk at a time
    secret = cache.sealing()[1]

    def record(summary: FileSummary, key: str, row: tuple[object, ...] | None = None,
               content: str = "") -> None:
        """A file's summary; ``row``: its new cache row; ``content``: its content's key."""
        with stop.deferred():  # a file is in the summary, the cache and done, or in none
            done.add(summary.file)
            keys[summary.file] = key
            copy = _annotated(summary, None if summary.file in astray
                              else targets.get(summary.file))
            if copy is not None:
                annotated[summary.file] = copy
                if row is not None:  # checked now, not found in the cache: written now
                    written.add(summary.file)
            summary = dataclasses.replace(summary, annotated=copy, content=content)
            if row is not None:
                rows.append(row)
                if len(rows) >= _LARGEST_CHUNK:
                    flush()
            failed = (_ASTRAY if summary.file in astray else next(
                (cause for note in summary.notes if (cause := copy_failure(note))), None))
            if failed is not None:
                copies_failed[summary.file] = failed
            if on_outcome is not None:
                if summary.file in astray:
                    summary = dataclasses.replace(
                        summary, notes=(*summary.notes, astray[summary.file]))
                elif options.annotate_dir and summary.file not in targets \
                        and not summary.unreadable and not summary.document_without_table:
                    summary = dataclasses.replace(
                        summary, notes=(*summary.notes, NO_COPY_BY_VALUE))
                on_outcome(summary)  # names as read: the summary book shows them readable
            progress.advance()

    def flush() -> None:  # one statement per chunk; committed every 2 s and at the end
        cache.put_rows(rows)
        rows.clear()

    def from_cache(file: str, content: str, target: str | None) -> bool:
        """Record ``file`` from the cache if it holds a result for its content (and, with
        copies asked for, the copy of it is where this run would write it)."""
        outcome = cache.find(file, content)
        if outcome is None:
            return False
        summary = FileSummary.from_report(file, outcome.report, outcome.notes)
        if target is not None and not outcome.error:
            copy = _found_copy(target, file, content, cache)
            if copy is None:
                return False
            summary = dataclasses.replace(summary, annotated=copy)
        key = cache.key(file, content)
        hits.append(key)
        record(summary, key, content=content)
        return True

    keys: dict[str, str] = {}
    hits: list[str] = []
    copies_failed: dict[str, str] = {}
    annotated: dict[str, str] = {}  # file → its annotated copy, written or found made
    written: set[str] = set()  # the files whose copy this run wrote
    odd = odd or {}
    unopened: list[str] = []  # the odd entries recorded: never opened, so never cached
    targets = (annotation_targets([file for file in files if file not in odd], roots or [],
                                  options.annotate_dir) if options.annotate_dir else {})
    astray = _astray(targets, options.annotate_dir) if targets else {}
    _remove_stale_temporaries(targets)
    before = {target: _stamp(target) for target in targets.values()}  # copies made earlier
    new_folders = _missing_folders(targets, options.annotate_dir)  # made by this run, if any

    def job(file: str) -> Job:
        return (file, options.rules, None if file in astray else targets.get(file),
                options.timeout)

    def jobs() -> Iterator[Job]:
        """What is left to check, found lazily: the workers start on the first file."""
        for file in files:
            if file in odd:
                checked = Checked.of(Outcome(file, {"file": file, "findings": [],
                                                    "error": f"“{Path(file).name}”{odd[file]}"}))
                key = cache.key(file, "")
                record(checked.summary, key, checked.row(key, secret))  # type: ignore[arg-type]
                unopened.append(file)
            else:
                yield job(file)

    settings = RunSettings(cache.salt, secret, cache.known(options.force))
    try:
        with stop.installed() if own else contextlib.nullcontext():
            if options.engine == "dask":
                def unknown() -> Iterator[Job]:  # the main process reads what it sends
                    for item in jobs():
                        content = cache.content_key(item[0], content_hash(item[0]))
                        contents[item[0]] = content
                        if options.force or not content or not any(
                                from_cache(item[0], key, item[2]) for key in
                                (content, given_up_key(content, options.timeout))):
                            yield item

                contents: dict[str, str] = {}
                for outcome in _run_dask(list(unknown()), options, stop):
                    content = contents.get(outcome.file, "")
                    checked = Checked.of(outcome, given_up_key(content, options.timeout)
                                         if outcome.given_up else content)
                    key = cache.key(outcome.file, checked.content)
                    record(checked.summary, key, checked.row(key, secret),  # type: ignore[arg-type]
                           checked.content)
            else:
                again: collections.deque[Job | tuple[Any, ...]] = collections.deque()
                with contextlib.closing(_run_local(jobs(), options, expected=len(files),
                                                   settings=settings, again=again,
                                                   stop=stop)) as results:
                    for checked in results:
                        key = cache.key(checked.file, checked.content)
                        if checked.texts is not None:
                            record(checked.summary, key,  # type: ignore[arg-type]
                                   checked.row(key, secret), checked.content)
                        elif not from_cache(checked.file, checked.content,
                                            job(checked.file)[2]) and stop.received is None:
                            again.append((*job(checked.file), True))  # check it after all
            cache.touch(hits)
    except KeyboardInterrupt:
        stop.received = stop.received or _SIGINT
    finally:
        with stop.deferred(raising=False):
            if rows:
                flush()
            cache.commit()
            if stop.received is not None:
                _tidy_interrupted({file: target for file, target in targets.items()
                                   if file not in done}, before)
            _remove_empty(new_folders)
        progress.close()
    return BatchRun(files, [file for file in files if file in done], keys, len(hits),
                    stop.received is not None, time.monotonic() - started, stop.received,
                    annotated, targets, copies_failed, len(unopened), written)


# why a copy is not written where a folder of the 标注 folder links elsewhere (``_astray``)
_ASTRAY = "标注目录中有指向别处的符号链接"


def _missing_folders(targets: dict[str, str], folder: Path | None) -> list[str]:
    """The folders of the annotated copies (up to the 标注 folder itself) not there yet:
    those the workers will make."""
    if folder is None:
        return []
    top = os.path.abspath(folder)
    missing = set()
    for target in targets.values():
        here = os.path.abspath(os.path.dirname(target))
        while here not in missing and not os.path.lexists(here):
            missing.add(here)
            if here == top or os.path.dirname(here) == here:
                break
            here = os.path.dirname(here)
    return sorted(missing, key=len, reverse=True)  # the deepest first


def _remove_empty(folders: list[str]) -> None:
    """Of ``folders`` (deepest first), those this run made and left empty — no copy could
    be written in them (a full disk) — removed: jixiao leaves no empty 标注 folders."""
    for here in folders:
        with contextlib.suppress(OSError):  # not empty, or gone: kept as it is
            os.rmdir(here)



def _stamp(path: str) -> tuple[int, int, int] | None:
    """What tells a file replaced from the one there before: inode, size, time written."""
    try:
        info = os.lstat(path)
    except OSError:
        return None
    return info.st_ino, info.st_size, info.st_mtime_ns


def _tidy_interrupted(left: dict[str, str], before: dict[str, tuple[int, int, int] | None]
                      ) -> None:
    """After a stopped run, the annotated copies of the files ``left`` undone (file →
    its copy's path): the temporary file of one being written when its worker was killed
    is removed, and so is a copy this run wrote whose result never came back (a worker
    killed after writing it) — the 标注 folder holds no copy the summary does not list.
    A copy an earlier run made is kept."""
    from jixiao.fileio import remove_stale_temporaries, temporary_name

    by_folder: dict[str, set[str]] = collections.defaultdict(set)
    for target in left.values():
        by_folder[os.path.dirname(target)].add(temporary_name(os.path.basename(target)))
        if before.get(target) != _stamp(target) and _stamp(target) is not None:
            with contextlib.suppress(OSError):
                os.unlink(target)
    for folder, names in by_folder.items():
        remove_stale_temporaries(folder, names.__contains__)


def _remove_stale_temporaries(targets: dict[str, str]) -> None:
    """The temporary files of annotated copies an earlier run was killed while writing
    (kill -9, a power cut), in each folder this run writes copies to: removed."""
    from jixiao.fileio import remove_stale_temporaries, temporary_name

    by_folder: dict[str, set[str]] = collections.defaultdict(set)
    for target in targets.values():
        by_folder[os.path.dirname(target)].add(temporary_name(os.path.basename(target)))
    for folder, names in by_folder.items():
        remove_stale_temporaries(
            folder, lambda name, names=names: name in names or is_annotated_name(name))


def _found_copy(target: str, file: str, content: str, cache: ResultCache) -> str | None:
    """The annotated copy an earlier run made of ``file`` as it is now, where this run
    would write it (``report.annotate.copy_name``: ``target``, or NAME (2).xlsx … where
    a file not jixiao's was kept there); None if none is (a file changed back, or two
    files' names swapped, must not keep another content's copy: the source the copy
    names, keyed as the cache keys contents, is ``content``)."""
    from jixiao.report.annotate import copy_name
    from jixiao.xlsx.marks import annotated_from

    copy = copy_name(target)
    made_of = annotated_from(str(copy)) if copy is not None else None
    if made_of is None or cache.content_key(file, made_of) != content:
        return None
    return target if copy == Path(target) else str(copy)


def _annotated(summary: FileSummary, target: str | None) -> str | None:
    """The annotated copy of a file: the name written (``target``, or NAME (2).xlsx where
    a file there was kept) or, from the cache, found; None when the file got none
    (unreadable, or writing it failed)."""
    if target is None or summary.unreadable or summary.document_without_table:
        return None
    if any(note.startswith(ANNOTATION_FAILED) for note in summary.notes):
        return None
    return summary.annotated or target


def write_jsonl(target: Path, cache: ResultCache, run: BatchRun) -> None:
    """One line per file done, in path order: the JSON ``jixiao check FILE --json``
    prints for it, on one line. Read back from the cache one outcome at a time."""
    from jixiao.fileio import atomic_output
    from jixiao.report.json import json_text

    with atomic_output(target) as temporary, open(temporary, "w", encoding="utf-8") as out:
        for file in run.done:
            outcome = cache.get(run.keys[file])
            if outcome is not None:  # strict JSON, even for a file name that is not UTF-8
                report = outcome.report
                if file in run.annotated:  # the copy this run made (or found): each table
                    for table in report if isinstance(report, list) else [report]:
                        table["annotated"] = run.annotated[file]
                out.write(json_text(report) + "\n")


# The batch's face: the CLI and the tests take these names from here.
__all__ = ["CACHE_NAME", "SUFFIXES", "BatchOptions", "BatchRun", "Checked", "Outcome",
           "Progress", "ResultCache", "RunSettings", "Stop", "check_one", "code_fingerprint",
           "content_hash", "run_batch", "shown_name", "write_jsonl"]
