"""The unit of work of a batch, the same whichever engine runs it: ``check_one``.

``check_one`` calls ``pipeline.check_workbook`` — the function behind ``jixiao check`` —
and returns ``Outcome``: the JSON ``jixiao check --json`` prints for that file, plus
notes. In a local worker process, ``_check_chunk`` also reads and hashes the file
(its cache key), skips what the cache holds, and hands back ``Checked``: the JSON
texts, their cache seals and the typed ``FileSummary``, so the main process has no
JSON to parse and nothing to hash.
"""

from __future__ import annotations

import dataclasses
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jixiao.batch.cache import (
    content_key,
    given_up_key,
    hashed_content,
    in_transit_key,
    is_known,
    row_key,
    seal,
)
from jixiao.batch.outcome import Outcome, shown_name
from jixiao.batch.summary import FileSummary, plain_pickle
from jixiao.errors import in_transit
from jixiao.report.result import ANNOTATION_FAILED
from jixiao.xlsx.limits import Limits

DEFAULT_TIMEOUT = 60.0  # seconds one file may take before it is abandoned
Job = tuple[str, "str | None", "str | None", "float | None"]  # file, rules, annotate_to, timeout


def check_one(file: str, rules: str | None = None, annotate_to: str | None = None,
              timeout: float | None = DEFAULT_TIMEOUT, data: bytes | None = None,
              limits: Limits | None = None) -> Outcome:
    """Check one file as ``jixiao check FILE --json [--annotate …]`` does; never raises.

    The annotated copy goes to ``annotate_to`` as ``jixiao check --annotate FOLDER`` writes
    it: a file there that is not jixiao's own unedited copy is kept, the copy written to
    NAME (2).xlsx … (``outcome.annotated`` names it). Nothing replaces it (``batch --force``
    only skips the cache: a copy the reviewer edited stays theirs).

    A file still being checked after ``timeout`` seconds is abandoned: its row
    says so (``given_up``) and the batch goes on. ``data``: its content, read already;
    ``limits``: the ``Limits`` in force (read once for a chunk of files).
    """
    from jixiao.errors import TimedOut
    from jixiao.timeouts import time_limit

    try:
        with time_limit(timeout, os.path.basename(file)) as expiry:
            outcome = _check_and_annotate(file, rules, annotate_to, data, limits)
    except TimedOut as error:
        return Outcome(file, {"file": file, "findings": [], "error": str(error)}, given_up=True)
    outcome.given_up = expiry.expired  # its TimedOut made the file's error (check_workbook)
    return outcome


def _check_and_annotate(file: str, rules: str | None, annotate_to: str | None,
                        data: bytes | None = None, limits: Limits | None = None) -> Outcome:
    from jixiao.errors import JixiaoError
    from jixiao.pipeline import check_workbook
    from jixiao.report.json import json_objects

    result = check_workbook(file, rules, data=data, limits=limits)
    objects = json_objects([result])
    outcome = Outcome(file, objects[0] if len(objects) == 1 else objects, list(result.notes))
    if annotate_to and not result.error:
        from jixiao.report.annotate import annotate

        try:
            Path(annotate_to).parent.mkdir(parents=True, exist_ok=True)
            written = annotate(result.path, annotate_to, result.findings, derived=True,
                               notes=outcome.notes, result=result, keep=True,
                               own_replaced=True)
            outcome.annotated = annotate_to if written == Path(annotate_to) else str(written)
            _written()
        except JixiaoError as error:
            outcome.notes.append(f"{ANNOTATION_FAILED}：{error}")
        except OSError as error:
            from jixiao.fileio import os_error_text

            outcome.notes.append(f"{ANNOTATION_FAILED}：无法写入“{error.filename or annotate_to}”："
                                 f"{os_error_text(error)}")
    return outcome


def copy_failure(note: str) -> str | None:
    """Why a file's annotated copy was not written, from its note (``ANNOTATION_FAILED``),
    without the path: "磁盘空间不足", "所在磁盘是只读的"; None for another note."""
    if not note.startswith(ANNOTATION_FAILED):
        return None
    cause = note[len(ANNOTATION_FAILED):].removeprefix("：")
    if cause.startswith("无法写入“") and "”：" in cause:  # fileio's OutputError, an OSError
        cause = cause.split("”：", 1)[1]
    return cause


def _check_job(job: Job) -> Outcome:
    return check_one(*job)


@dataclass(frozen=True)
class RunSettings:
    """What every worker of one run knows: how to key and seal a cache row (the salt
    and the user's secret — this machine's own processes only), and which contents
    the cache holds (``ResultCache.known``)."""

    salt: str = ""
    secret: bytes = b""
    known: dict[str, bool] = field(default_factory=dict)


_SETTINGS = RunSettings()  # in a worker: its run's (``_start_worker``)


@plain_pickle
@dataclass(slots=True)
class Checked:
    """One file as a worker hands it back: small, plain, no JSON to parse.

    ``texts`` None: the cache holds this content (the main process takes the row).
    Otherwise the outcome's JSON in full and in brief (what the cache stores), its
    ``summary`` for the summary workbook, and its row's key and seals when the worker
    could seal it."""

    file: str
    content: str                         # content_key; "" when unread or not keyed
    texts: tuple[str, str] | None = None
    summary: FileSummary | None = None
    error: bool = False
    sealed: tuple[str, float, str, str] | None = None  # key, time, seals of the texts

    @classmethod
    def of(cls, outcome: Outcome, content: str = "", settings: RunSettings | None = None,
           indicators: bool = False) -> Checked:
        """``outcome`` as handed back; ``indicators``: its summary keeps the indicator rows.
        A file perhaps still being copied is keyed so that no later run takes its result
        from the cache (``in_transit_key``)."""
        if in_transit(outcome.error):
            content = in_transit_key(content)
        texts = outcome.texts()
        sealed = None
        if settings is not None and settings.secret:
            key = row_key(outcome.file, content)
            sealed = (key, time.time(), seal(settings.secret, key, texts[0]),
                      seal(settings.secret, key, texts[1]))
        summary = FileSummary.from_report(outcome.file, outcome.report, outcome.notes,
                                          indicators)
        if outcome.annotated is not None:  # the name written: NAME (2).xlsx where one was kept
            summary = dataclasses.replace(summary, annotated=outcome.annotated)
        return cls(outcome.file, content, texts, summary, outcome.error is not None, sealed)

    def row(self, key: str, secret: bytes) -> tuple[object, ...]:
        """Its cache row (``ResultCache.put_rows``)."""
        assert self.texts is not None
        full, brief = self.texts
        if self.sealed is not None and self.sealed[0] == key:
            _, used, full_seal, brief_seal = self.sealed
        else:
            used, full_seal, brief_seal = time.time(), seal(secret, key, full), seal(secret, key,
                                                                                    brief)
        return (key, self.content, int(self.error), shown_name(self.file), full, brief, used,
                full_seal, brief_seal)


def _check_chunk(jobs: list[Job]) -> list[Checked]:
    """Several jobs in one round trip to a worker process. Each file is read and hashed
    here; a content the cache holds is not checked; otherwise the outcome comes back with
    what the main process needs — its JSON texts, their seals, its summary — made where
    the work is spread over the CPUs.

    Once the batch is stopping (``stop_asked``), the files of the chunk finished so far
    come back — the first ones, in order: the main process checks the rest again
    elsewhere if it is not stopping after all — and a later chunk comes back empty."""
    global _CHECKING
    limits = Limits.from_environment()  # once for the chunk
    done = []
    for job in jobs:
        if _STOPPING:
            break
        try:
            _CHECKING = True
            checked = _check_here(job, _SETTINGS, limits)
            _CHECKING = False
        except KeyboardInterrupt:
            if not _STOPPING:  # the main process's own Ctrl-C (``--workers 1``)
                raise
            break  # its annotated copy, if begun, was not finished: no temporary file left
        finally:
            _CHECKING = False
        done.append(checked)
    return done


_STOPPING = False  # in a worker: the batch is stopping (``stop_asked``)
_CHECKING = False  # in a worker: a file is being checked now


def _written() -> None:
    """The file's annotated copy is written: a Ctrl-C now lets the file finish (it is
    handed back, so the summary lists the copy) rather than abandon it."""
    global _CHECKING
    _CHECKING = False


def stop_asked(number: int, frame: object) -> None:
    """A worker's SIGINT (the terminal's Ctrl-C, or the main process asking it to stop):
    the file being checked is abandoned at once — the ``KeyboardInterrupt`` unwinds
    through the writing of its annotated copy, which removes its temporary file — and
    ``_check_chunk`` hands back the files already finished. A file whose copy is
    written already is finished first (``_written``). Only the first signal counts."""
    global _STOPPING
    if _STOPPING:
        return
    _STOPPING = True
    if _CHECKING:
        raise KeyboardInterrupt


def _check_here(job: Job | tuple[Any, ...], settings: RunSettings,
                limits: Limits | None = None) -> Checked:
    file, rules, target, timeout = job[:4]
    again = len(job) > 4 and job[4]  # the cache's row would not do: check it
    # The bytes hashed are the bytes checked: the file is read once (up to the size
    # limit; a larger one is hashed as it streams past and refused by the check).
    limits = limits or Limits.from_environment()
    digest, data = (hashed_content(file, limits.max_file_bytes) if settings.salt
                    else ("", None))
    content = content_key(settings.salt, file, digest) if settings.salt else ""
    if not again:  # a result given up on at this time limit is stored under its own key
        for key in (content, given_up_key(content, timeout)):
            unreadable = is_known(settings.known, key)
            if unreadable is not None and (target is None or unreadable
                                           or os.path.exists(target)):
                return Checked(file, key)
    outcome = check_one(file, rules, target, timeout, data, limits)
    return Checked.of(outcome, given_up_key(content, timeout) if outcome.given_up else content,
                      settings)


def _check_sent(job: Job, content: bytes, modified: int | None = None) -> Outcome:
    """``check_one`` on a file's bytes sent along with the job, for a Dask worker that
    cannot read the reviewer's folder: written under the same name into a private
    folder of its own, checked there, and reported under the original path. ``modified``:
    the file's mtime (ns), given to the copy — a file cut short is said to be perhaps
    still being copied only if the file itself, not the copy, was modified just now."""
    import tempfile

    file = job[0]
    with tempfile.TemporaryDirectory(prefix="jixiao-") as folder:
        copy = str(Path(folder) / Path(file).name)
        with open(copy, "wb") as stream:
            stream.write(content)
        if modified is not None:
            os.utime(copy, ns=(modified, modified))
        outcome = check_one(copy, *job[1:])
    outcome.file = file
    outcome.notes = [note.replace(copy, file) for note in outcome.notes]
    for table in outcome.tables:
        for key, value in table.items():
            if isinstance(value, str) and copy in value:  # "file", a message naming the path
                table[key] = value.replace(copy, file)
    return outcome


def modified_ns(file: str) -> int | None:
    """The file's mtime in nanoseconds, sent with its bytes (``_check_sent``); None if unknown."""
    try:
        return os.stat(file).st_mtime_ns
    except OSError:
        return None


def _sendable(job: Job) -> bytes | None:
    """A job's file content, to send to a Dask worker; None: let the worker read the path
    (an annotated copy is written there; a file that cannot be read or is over the size
    limit is refused by the worker as it would be here, without sending it)."""
    from jixiao.xlsx.limits import Limits

    if job[2] is not None:
        return None
    try:
        with open(job[0], "rb") as stream:
            if os.fstat(stream.fileno()).st_size > Limits.from_environment().max_file_bytes:
                return None
            return stream.read()
    except OSError:
        return None


def _failed(job: Job, why: str) -> Outcome:
    """The outcome of a job that did not come back: the file is a row that says why."""
    return Outcome(job[0], {"file": job[0], "findings": [], "error": (
        f"“{Path(job[0]).name}”{why}，请将此文件反馈给 jixiao 维护者")})



@dataclass
class BatchOptions:
    rules: str | None = None
    workers: int | None = None          # None: one per CPU
    engine: str = "local"               # "local" (processes) or "dask"
    scheduler: str | None = None        # a Dask scheduler address; None: a LocalCluster
    annotate_dir: Path | None = None
    force: bool = False                 # check again even what the cache holds
    timeout: float | None = DEFAULT_TIMEOUT  # seconds per file; None: no limit



__all__ = ["ANNOTATION_FAILED", "DEFAULT_TIMEOUT", "BatchOptions", "Checked", "Job", "RunSettings",
           "check_one", "copy_failure"]
