"""Checking a whole folder of submissions: ``jixiao batch``.

    folders, globs ──discover──▶ files ──▶ local worker processes (or a Dask cluster)
    (discover.py; the workers'          read the bytes, hash them: content in the cache?
     fork server starts meanwhile)        │ no: check_one(file) ──▶ outcome, its cache
                                          │     row sealed and its FileSummary
                                          │ yes: say so; the main process takes the row
                                          ▼
           cache (SQLite beside the summary, one transaction per chunk) ◀── every file
                                          │
             FileSummary ──▶ 汇总.xlsx (summary_book.py); the cache ──▶ JSONL

``check_one`` is the unit of work, the same whichever engine runs it: it calls
``pipeline.check_workbook`` — the function behind ``jixiao check`` — and returns
``Outcome``: the JSON ``jixiao check --json`` prints for that file, plus notes.
An outcome is small and plain, so it travels between processes and machines,
and it is all the summary needs. One bad file is an outcome with ``error``;
nothing a file holds stops the batch. Results are ordered by path, so every
engine and every number of workers gives the same summary, byte for byte in
its data.
"""

from __future__ import annotations

import collections
import contextlib
import itertools
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jixiao.batch.cache import (
    CACHE_NAME,
    ResultCache,
    code_fingerprint,
    content_hash,
    content_key,
    is_known,
    seal,
)
from jixiao.batch.discover import SUFFIXES
from jixiao.batch.discover import discover as _discover
from jixiao.batch.outcome import BatchRun, Outcome, _is_unicode, shown_name
from jixiao.batch.summary import FileSummary

_IN_FLIGHT_PER_WORKER = 3  # chunks handed out ahead: workers never wait, memory stays flat


# ================================================================ the unit of work

DEFAULT_TIMEOUT = 60.0  # seconds one file may take before it is abandoned
Job = tuple[str, "str | None", "str | None", "float | None"]  # file, rules, annotate_to, timeout


def check_one(file: str, rules: str | None = None, annotate_to: str | None = None,
              timeout: float | None = DEFAULT_TIMEOUT) -> Outcome:
    """Check one file as ``jixiao check FILE --json [--annotate …]`` does; never raises.

    A file still being checked after ``timeout`` seconds is abandoned: its row
    says so and the batch goes on.
    """
    from jixiao.errors import TimedOut
    from jixiao.xlsx.guard import time_limit

    try:
        with time_limit(timeout, Path(file).name):
            return _check_and_annotate(file, rules, annotate_to)
    except TimedOut as error:
        return Outcome(file, {"file": file, "findings": [], "error": str(error)})


def _check_and_annotate(file: str, rules: str | None, annotate_to: str | None) -> Outcome:
    from jixiao.errors import JixiaoError
    from jixiao.pipeline import check_workbook
    from jixiao.report.check import json_objects

    result = check_workbook(file, rules)
    objects = json_objects([result])
    outcome = Outcome(file, objects[0] if len(objects) == 1 else objects, list(result.notes))
    if annotate_to and not result.error:
        from jixiao.report.annotate import annotate

        try:
            Path(annotate_to).parent.mkdir(parents=True, exist_ok=True)
            annotate(result.path, annotate_to, result.findings, derived=True)
            outcome.annotated = annotate_to
        except (JixiaoError, OSError) as error:
            outcome.notes.append(f"未能写出标注副本：{error}")
    return outcome


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
        """``outcome`` as handed back; ``indicators``: its summary keeps the indicator rows."""
        texts = outcome.texts()
        sealed = None
        if settings is not None and settings.secret:
            from jixiao.batch.cache import row_key

            key = row_key(outcome.file, content)
            sealed = (key, time.time(), seal(settings.secret, key, texts[0]),
                      seal(settings.secret, key, texts[1]))
        return cls(outcome.file, content, texts,
                   FileSummary.from_report(outcome.file, outcome.report, outcome.notes,
                                           indicators),
                   outcome.error is not None, sealed)

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
    the work is spread over the CPUs."""
    return [_check_here(job, _SETTINGS) for job in jobs]


def _check_here(job: Job | tuple[Any, ...], settings: RunSettings) -> Checked:
    file, rules, target, timeout = job[:4]
    again = len(job) > 4 and job[4]  # the cache's row would not do: check it
    content = content_key(settings.salt, file, content_hash(file)) if settings.salt else ""
    if not again:
        unreadable = is_known(settings.known, content)
        if unreadable is not None and (target is None or unreadable or os.path.exists(target)):
            return Checked(file, content)
    return Checked.of(check_one(file, rules, target, timeout), content, settings)


def _check_sent(job: Job, content: bytes) -> Outcome:
    """``check_one`` on a file's bytes sent along with the job, for a Dask worker that
    cannot read the reviewer's folder: written under the same name into a private
    folder of its own, checked there, and reported under the original path."""
    import tempfile

    file = job[0]
    with tempfile.TemporaryDirectory(prefix="jixiao-") as folder:
        copy = str(Path(folder) / Path(file).name)
        with open(copy, "wb") as stream:
            stream.write(content)
        outcome = check_one(copy, *job[1:])
    outcome.file = file
    outcome.notes = [note.replace(copy, file) for note in outcome.notes]
    for table in outcome.tables:
        for key, value in table.items():
            if isinstance(value, str) and copy in value:  # "file", a message naming the path
                table[key] = value.replace(copy, file)
    return outcome


def _sendable(job: Job) -> bytes | None:
    """A job's file content, to send to a Dask worker; None: let the worker read the path
    (an annotated copy is written there; a file that cannot be read or is over the size
    limit is refused by the worker as it would be here, without sending it)."""
    from jixiao.xlsx.guard import Limits

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


def _start_worker(environment: dict[str, str], parent: int,
                  settings: RunSettings | None = None) -> None:
    """A worker process leaves Ctrl-C to the main process, which stops it cleanly, dies
    with the main process (``_die_with``), takes the main process's environment
    (``JIXIAO_MAX_*``: a fork server's may be older) and its run's ``settings``."""
    import signal

    global _SETTINGS
    if settings is not None:
        _SETTINGS = settings
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with(parent)
    if os.environ != environment:
        os.environ.clear()
        os.environ.update(environment)


def _die_with(parent: int) -> None:
    """End this worker when the batch's main process ``parent`` ends, however it ends
    (kill -9 included), instead of checking files for no one: on Linux the kernel
    sends SIGKILL when the process that forked it (the fork server, which itself ends
    with the main process) exits; everywhere, a thread watches the main process."""
    import signal
    import threading

    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if not _alive(parent):  # it ended before the line above took effect
        os._exit(1)
    threading.Thread(target=_watch, args=(parent,), daemon=True,
                     name="jixiao-parent-watch").start()


_PR_SET_PDEATHSIG = 1


def _watch(parent: int) -> None:
    while _alive(parent):
        time.sleep(1.0)
    os._exit(1)


def _alive(pid: int) -> bool:
    if os.name != "posix":
        return True  # os.kill would end it there; the pool's pipes stop the worker instead
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    try:  # Linux: a killed process not yet reaped by its own parent is a zombie
        with open(f"/proc/{pid}/stat", "rb") as stat:
            return stat.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except (OSError, IndexError):
        return True


# ================================================================ running

@dataclass
class BatchOptions:
    rules: str | None = None
    workers: int | None = None          # None: one per CPU
    engine: str = "local"               # "local" (processes) or "dask"
    scheduler: str | None = None        # a Dask scheduler address; None: a LocalCluster
    annotate_dir: Path | None = None
    force: bool = False                 # check again even what the cache holds
    timeout: float | None = DEFAULT_TIMEOUT  # seconds per file; None: no limit


def annotation_targets(files: Iterable[str], roots: list[Path], folder: Path) -> dict[str, str]:
    """Where the annotated copy of each file goes: the same sub-folders under ``folder``,
    ``NAME-校验.xlsx``. Every copy gets its own name — ``a/x.xlsx`` under two folders,
    or ``x.xlsx`` beside ``x.XLSX``, would otherwise overwrite each other: a later one
    is ``NAME-校验-2.xlsx`` (names compared ignoring case, as Windows and macOS do).
    A long name is shortened to fit the 255 bytes a file system allows."""
    here = os.getcwd()
    bases = [str(root) for root in roots] + [here]
    taken: set[str] = set()
    targets = {}
    for file in files:
        path = os.path.realpath(file)
        base = next((root for root in bases if path.startswith(root.rstrip(os.sep) + os.sep)),
                    None)
        relative = os.path.dirname(os.path.relpath(path, base)) if base else ""
        stem, extension = os.path.splitext(os.path.basename(path))
        suffix = ".xlsm" if extension.lower() == ".xlsm" else ".xlsx"
        stem = _shortened_name(stem, _NAME_BYTES - len("-校验-9999.xlsx".encode()))
        number = 1
        while True:
            name = f"{stem}-校验{suffix}" if number == 1 else f"{stem}-校验-{number}{suffix}"
            target = os.path.join(folder, relative, name)
            if target.casefold() not in taken:
                break
            number += 1
        taken.add(target.casefold())
        targets[file] = target
    return targets


_NAME_BYTES = 255


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


def discover(arguments: Iterable[str], skip: Iterable[str | Path] = (),
             odd: dict[str, str] | None = None,
             outputs: Iterable[str | Path] = ()) -> list[str]:
    """``discover.discover``, while the workers' fork server starts: it imports jixiao
    (a few tenths of a second) as the folders are walked, so the first worker is ready
    when the first file is."""
    start_workers_early()
    return _discover(arguments, skip, odd, outputs)


def start_workers_early() -> None:
    """Start the fork server the worker processes are forked from, in the background."""
    context = _process_context()
    if context.get_start_method() == "forkserver":
        from multiprocessing import forkserver

        with contextlib.suppress(Exception):
            forkserver.ensure_running()


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

    def record(summary: FileSummary, key: str, row: tuple[object, ...] | None = None) -> None:
        """A file's summary; ``row``: its new cache row."""
        with stop.deferred():  # a file is in the summary, the cache and done, or in none
            done.add(summary.file)
            keys[summary.file] = key
            if row is not None:
                rows.append(row)
                if len(rows) >= _LARGEST_CHUNK:
                    flush()
            if on_outcome is not None:
                if summary.file in astray:
                    summary = FileSummary(summary.file, summary.tables,
                                          (*summary.notes, astray[summary.file]))
                on_outcome(summary if _is_unicode(summary.file) else summary.shown(shown_name))
            progress.advance()

    def flush() -> None:  # one transaction
        cache.put_rows(rows)
        cache.commit()
        rows.clear()

    def from_cache(file: str, content: str, target: str | None) -> bool:
        """Record ``file`` from the cache if it holds a result for its content."""
        outcome = cache.find(file, content)
        if outcome is None or not (target is None or outcome.error or Path(target).exists()):
            return False
        key = cache.key(file, content)
        hits.append(key)
        record(FileSummary.from_report(file, outcome.report, outcome.notes), key)
        return True

    keys: dict[str, str] = {}
    hits: list[str] = []
    odd = odd or {}
    targets = (annotation_targets([file for file in files if file not in odd], roots or [],
                                  options.annotate_dir) if options.annotate_dir else {})
    astray = _astray(targets, options.annotate_dir) if targets else {}

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
                        if options.force or not content or not from_cache(
                                item[0], content, item[2]):
                            yield item

                contents: dict[str, str] = {}
                for outcome in _run_dask(list(unknown()), options):
                    checked = Checked.of(outcome, contents.get(outcome.file, ""))
                    key = cache.key(outcome.file, checked.content)
                    record(checked.summary, key, checked.row(key, secret))  # type: ignore[arg-type]
            else:
                again: collections.deque[Job | tuple[Any, ...]] = collections.deque()
                with contextlib.closing(_run_local(jobs(), options, expected=len(files),
                                                   settings=settings, again=again)) as results:
                    for checked in results:
                        key = cache.key(checked.file, checked.content)
                        if checked.texts is not None:
                            record(checked.summary, key,  # type: ignore[arg-type]
                                   checked.row(key, secret))
                        elif not from_cache(checked.file, checked.content,
                                            job(checked.file)[2]):
                            again.append((*job(checked.file), True))  # check it after all
            cache.touch(hits)
    except KeyboardInterrupt:
        stop.received = stop.received or _SIGINT
    finally:
        with stop.deferred(raising=False):
            if rows:
                flush()
            cache.commit()
        progress.close()
    return BatchRun(files, [file for file in files if file in done], keys, len(hits),
                    stop.received is not None, time.monotonic() - started, stop.received)


_SIGINT = 2


class Stop:
    """Ctrl-C (SIGINT), SIGTERM (a service stopped, ``kill``) and SIGHUP (the terminal
    closed) all end a batch the same way: a ``KeyboardInterrupt`` in the main process,
    which then writes the summary of the files done. Inside ``deferred`` a signal
    takes effect only at the block's end, so a file is never half recorded."""

    SIGNALS = ("SIGINT", "SIGTERM", "SIGHUP")

    def __init__(self) -> None:
        self.received: int | None = None
        self._deferring = False
        self._pending = False

    def _handle(self, number: int, frame: object) -> None:
        self.received = self.received or number
        if self._deferring:
            self._pending = True
        else:
            raise KeyboardInterrupt

    @contextlib.contextmanager
    def installed(self) -> Iterator[None]:
        import signal

        previous = {}
        try:
            for name in self.SIGNALS:
                if hasattr(signal, name):
                    number = getattr(signal, name)
                    previous[number] = signal.signal(number, self._handle)
        except ValueError:  # not the main thread: signals go elsewhere anyway
            pass
        try:
            yield
        finally:
            for number, handler in previous.items():
                signal.signal(number, handler if handler is not None else signal.SIG_DFL)

    @contextlib.contextmanager
    def deferred(self, *, raising: bool = True) -> Iterator[None]:
        """Signals in the block wait for its end; then, if ``raising``, they interrupt
        (otherwise only ``received`` tells)."""
        self._deferring = True
        try:
            yield
        finally:
            self._deferring = False
            if self._pending:
                self._pending = False
                if raising:
                    raise KeyboardInterrupt


def _workers(options: BatchOptions) -> int:
    return max(1, options.workers or os.cpu_count() or 1)


def _run_local(jobs: Iterable[Job], options: BatchOptions,
               work: Callable[[list[Job]], list[Checked]] = _check_chunk,
               expected: int | None = None, settings: RunSettings | None = None,
               again: collections.deque[Any] | None = None) -> Iterator[Checked]:
    """Worker processes on this machine; ``--workers 1`` checks in this process.

    Yields each file as ``Checked``. ``jobs`` may be a lazy iterator of about
    ``expected`` jobs: the pool starts with the first. Jobs travel in small chunks
    (one round trip per chunk, not per file), a few chunks per worker ahead, so the
    workers never wait and the main process's memory stays flat. ``work`` is the
    function the workers run (tests give one that crashes); ``settings``, the run's
    (``RunSettings``); ``again``: jobs the caller adds while it reads the results
    (a file the worker found in the cache, whose row would not do after all).
    """
    global _SETTINGS
    if expected is None:
        jobs = list(jobs)
        expected = len(jobs)
    again = collections.deque() if again is None else again
    source = iter(jobs)
    first = next(source, None)
    if first is None:
        return
    source = itertools.chain([first], source)
    workers = max(1, min(_workers(options), expected))
    if workers == 1:
        previous, _SETTINGS = _SETTINGS, settings or RunSettings()
        try:
            for job in itertools.chain(source, _drained(again)):
                yield from work([job])
        finally:
            _SETTINGS = previous
        return
    from concurrent.futures import FIRST_COMPLETED, wait
    from concurrent.futures.process import BrokenProcessPool

    context = _process_context()
    size = _chunk_size(expected, workers)
    suspects: list[Job] = []
    pool = _pool(workers, context, settings)
    running: dict[Any, list[Job]] = {}
    more = True
    finished_normally = False
    try:
        while more or running or suspects or again:
            while (more or again) and not suspects and \
                    len(running) < workers * _IN_FLIGHT_PER_WORKER:
                chunk = list(itertools.islice(source, size)) if more else []
                if not chunk:
                    more = False
                    chunk = [again.popleft() for _ in range(min(size, len(again)))]
                    if not chunk:
                        break
                try:
                    running[pool.submit(work, chunk)] = chunk
                except BrokenProcessPool:  # a worker died before its futures said so
                    suspects.extend(chunk)
            finished = wait(running, return_when=FIRST_COMPLETED)[0] if running else set()
            for future in finished:
                chunk = running.pop(future)
                try:
                    texts = future.result()
                except BrokenProcessPool:
                    suspects.extend(chunk)
                    continue
                except Exception as error:  # e.g. a result that cannot be sent back
                    texts = [Checked.of(_failed(job, f"校验时出现内部错误（{type(error).__name__}）"))
                             for job in chunk]
                yield from texts
            if suspects and not any(future.running() for future in running):
                # A worker died (a crash in a library, or killed for memory): the pool is
                # gone. Every job it held is retried alone, so only the culprit is marked.
                for chunk in running.values():
                    suspects.extend(chunk)
                running.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                yield from _one_by_one(suspects, context, work, settings)
                suspects.clear()
                pool = _pool(workers, context, settings)
        finished_normally = True
    finally:
        if not finished_normally:  # stopped (Ctrl-C, SIGTERM …): no file is waited for
            _kill_workers(pool)
        pool.shutdown(wait=False, cancel_futures=True)


def _kill_workers(pool: Any) -> None:
    """End a pool's worker processes now, not after the file each is checking.

    A worker killed while sending its result leaves part of a message in the result
    pipe; the pool's manager thread then waits for the rest forever, and the interpreter
    waits for that thread at exit (a Ctrl-C'd batch that never ends). Once the workers
    are gone, the parent's own writing end is closed: the pipe ends, the thread's read
    fails and it stops."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        with contextlib.suppress(Exception):
            process.kill()
    for process in processes:
        with contextlib.suppress(Exception):
            process.join(timeout=5)
    writer = getattr(getattr(pool, "_result_queue", None), "_writer", None)
    with contextlib.suppress(Exception):
        writer.close()


# What a worker imports to check a file: the fork server imports it once for all workers.
_WORKER_MODULES = ["jixiao.batch.run", "jixiao.pipeline", "jixiao.report.check",
                   "jixiao.read.reader", "jixiao.xlsx.cells", "jixiao.xlsx.guard"]


def _drained(items: collections.deque[Any]) -> Iterator[Any]:
    while items:
        yield items.popleft()


def _pool(workers: int, context: Any, settings: RunSettings | None = None) -> Any:
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker,
                               initargs=(dict(os.environ), os.getpid(), settings))


def _process_context() -> Any:
    """How worker processes start: never a plain fork of this process, which may have
    threads (rich's refresh thread). Where there is one (not on Windows), a fork server:
    a fresh, single-threaded process that imports jixiao once and forks each worker from
    itself, ready at once; a spawned worker starts a new interpreter and imports jixiao
    itself (about 0.2 s of CPU each). Python before 3.10.9 / 3.11.1 had a fork server
    others on the machine could talk to (CVE-2022-42919): there, spawn."""
    import multiprocessing

    fixed = sys.version_info >= (3, 11, 1) or (3, 10, 9) <= sys.version_info < (3, 11)
    if fixed and "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(_WORKER_MODULES)
        return context
    return multiprocessing.get_context("spawn")


_LARGEST_CHUNK = 16


def _chunk_size(jobs: int, workers: int) -> int:
    """Files per round trip: up to 16, but small enough that the last chunks spread
    over all workers (about 8 chunks per worker at least)."""
    return max(1, min(_LARGEST_CHUNK, jobs // (workers * 8)))


def _one_by_one(jobs: list[Job], context: Any, work: Callable[[list[Job]], list[Checked]],
                settings: RunSettings | None) -> Iterator[Checked]:
    """The jobs of a broken pool again, one at a time in one fresh worker: if it dies
    now, the job it held is the culprit, and only that file is marked."""
    from concurrent.futures.process import BrokenProcessPool

    pool = None
    try:
        for job in jobs:
            if pool is None:
                pool = _pool(1, context, settings)
            try:
                yield pool.submit(work, [job]).result()[0]
            except BrokenProcessPool:
                pool.shutdown(wait=False, cancel_futures=True)
                pool = None
                yield Checked.of(_failed(job, "校验时校验进程意外退出（可能是文件异常或内存不足）"))
            except Exception as error:
                yield Checked.of(_failed(job, f"校验时出现内部错误（{type(error).__name__}）"))
    finally:
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)


def _run_dask(jobs: list[Job],
              options: BatchOptions) -> Iterator[Outcome]:
    """The same jobs on a Dask cluster: the one at ``--scheduler``, or a LocalCluster on
    127.0.0.1. Each file's content travels with its job, so the workers need not share
    the folder; only ``--annotate-dir`` needs the same paths on every worker."""
    from jixiao.errors import JixiaoError

    if not jobs:
        return
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise JixiaoError("--engine dask 需要 dask.distributed：pip install "
                          "\"jixiao[dask]\"（或 pip install \"dask[distributed]\"）") from None
    cluster = None
    if options.scheduler:
        try:
            client = Client(options.scheduler, timeout="20s")
        except (OSError, TimeoutError, ValueError) as error:
            raise JixiaoError(f"无法连接 Dask 调度器“{options.scheduler}”："
                              f"{error or type(error).__name__}") from None
    else:
        # Loopback only; no dashboard, and the scheduler's health endpoint on a free
        # loopback port rather than 0.0.0.0:8787.
        cluster = LocalCluster(n_workers=_workers(options), threads_per_worker=1,
                               processes=True, host="127.0.0.1", dashboard_address=None,
                               scheduler_kwargs={"dashboard_address": "127.0.0.1:0"})
        client = Client(cluster)
    try:
        pending = list(reversed(jobs))
        window = _workers(options) * _IN_FLIGHT_PER_WORKER
        if options.scheduler:
            window = max(window, sum(client.nthreads().values()) * _IN_FLIGHT_PER_WORKER)
        futures = as_completed()
        job_of: dict[str, Job] = {}

        def submit() -> None:
            job = pending.pop()
            content = _sendable(job)  # the workers need not see this folder
            future = (client.submit(_check_job, job, pure=False) if content is None
                      else client.submit(_check_sent, job, content, pure=False))
            job_of[future.key] = job
            futures.add(future)

        while pending and futures.count() < window:
            submit()
        for future in futures:
            job = job_of.pop(future.key)
            try:
                outcome = future.result()
            except Exception as error:  # a worker lost, a result that could not travel
                outcome = _failed(job, f"在 Dask 集群上校验时出错（{type(error).__name__}）")
            future.release()
            if pending:
                submit()
            yield outcome
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


# ================================================================ progress

class Progress:
    """Files done, rate and time left on stderr: a rich bar on a terminal, otherwise a
    plain line every few seconds (for logs and CI)."""

    def __init__(self, total: int, *, quiet: bool = False, interval: float = 5.0) -> None:
        self.total, self.done = total, 0
        self.quiet, self.interval = quiet, interval
        self.started = self._last = time.monotonic()
        self._printed = False
        self._bar: Any = None
        if not quiet and sys.stderr.isatty():
            self._bar = _rich_bar(total)

    def advance(self) -> None:
        self.done += 1
        if self._bar is not None:
            self._bar.advance(self._bar.task_ids[0])
        elif not self.quiet and time.monotonic() - self._last >= self.interval:
            self._last = time.monotonic()
            self._printed = True
            print(f"jixiao batch：{self.line()}", file=sys.stderr, flush=True)

    def line(self) -> str:
        elapsed = max(time.monotonic() - self.started, 1e-9)
        rate = self.done / elapsed
        left = f"，预计还需 {(self.total - self.done) / rate:.0f} 秒" if rate and \
            self.done < self.total else ""
        return f"已完成 {self.done}/{self.total} 个文件（{rate:.0f} 个/秒{left}）"

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
        elif self._printed and self.done != self.total:
            print(f"jixiao batch：{self.line()}", file=sys.stderr, flush=True)


def _rich_bar(total: int) -> Any:
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        TextColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    from jixiao.terminal import raw_stream

    class Rate(ProgressColumn):
        def render(self, task: Any) -> Text:
            return Text(f"{task.speed or 0:.0f} 个/秒", style="progress.data.speed")

    # The bar's own escape sequences go to the terminal itself; anything else printed
    # meanwhile still goes through sys.stderr, which escapes control characters (terminal.py).
    bar = Progress(TextColumn("校验"), BarColumn(), MofNCompleteColumn(), Rate(),
                   TextColumn("剩余"), TimeRemainingColumn(),
                   console=Console(file=raw_stream(sys.stderr)), transient=False,
                   redirect_stdout=False, redirect_stderr=False)
    bar.add_task("校验", total=total)
    bar.start()
    return bar


def write_jsonl(target: Path, cache: ResultCache, run: BatchRun) -> None:
    """One line per file done, in path order: the JSON ``jixiao check FILE --json``
    prints for it, on one line. Read back from the cache one outcome at a time."""
    from jixiao.fileio import atomic_output
    from jixiao.report.check import json_text

    with atomic_output(target) as temporary, open(temporary, "w", encoding="utf-8") as out:
        for file in run.done:
            outcome = cache.get(run.keys[file])
            if outcome is not None:  # strict JSON, even for a file name that is not UTF-8
                out.write(json_text(outcome.report) + "\n")


__all__ = ["CACHE_NAME", "SUFFIXES", "BatchOptions", "BatchRun", "Checked", "Outcome",
           "Progress", "ResultCache", "RunSettings", "Stop", "check_one", "code_fingerprint",
           "content_hash", "discover", "run_batch", "write_jsonl"]
