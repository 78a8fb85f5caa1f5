"""Who checks the files: worker processes on this machine, or a Dask cluster.

Jobs travel in small chunks, a few per worker ahead; a worker that dies takes only
its own file down (its chunk is retried one by one); workers die with the batch;
Ctrl-C asks them to stop and hand back what they finished. (Over 400 lines: the
process pool's failure handling and its winding down, and the Dask engine's.)
"""

from __future__ import annotations

import collections
import contextlib
import itertools
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from jixiao.batch import work as _work
from jixiao.batch.outcome import Outcome
from jixiao.batch.progress import Stop
from jixiao.batch.work import (
    BatchOptions,
    Checked,
    Job,
    RunSettings,
    _check_chunk,
    _check_job,
    _check_sent,
    _failed,
    _sendable,
    modified_ns,
)

_IN_FLIGHT_PER_WORKER = 3  # chunks handed out ahead: workers never wait, memory stays flat


def start_workers_early() -> None:
    """Start the fork server the worker processes are forked from, in the background."""
    context = _process_context()
    if context.get_start_method() == "forkserver":
        from multiprocessing import forkserver

        with contextlib.suppress(Exception):
            forkserver.ensure_running()



def _start_worker(environment: dict[str, str], parent: int,
                  settings: RunSettings | None = None) -> None:
    """A worker process leaves Ctrl-C to the main process, which stops it cleanly, dies
    with the main process (``_die_with``), takes the main process's environment
    (``JIXIAO_MAX_*``: a fork server's may be older) and its run's ``settings``."""

    if settings is not None:
        _work._SETTINGS = settings
    _worker_signals()
    _die_with(parent)
    if os.environ != environment:
        os.environ.clear()
        os.environ.update(environment)


def _worker_signals() -> None:
    """Ctrl-C stops a worker cleanly (``work.stop_asked``: the file being checked is
    abandoned, those finished go back to the main process, which writes the summary).
    SIGTERM and SIGHUP end a worker as they end any process, once it has removed the
    temporary file it was writing (a worker forked from the CLI has the CLI's handlers,
    which would make it write a summary it has none of)."""
    import signal

    signal.signal(signal.SIGINT, _work.stop_asked)
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _end_worker)


def _end_worker(number: int, frame: object) -> None:
    """SIGTERM, SIGHUP in a worker: no temporary file left behind, then the default."""
    import signal

    from jixiao.fileio import remove_live_temporaries

    remove_live_temporaries()
    signal.signal(number, signal.SIG_DFL)
    os.kill(os.getpid(), number)


def _die_with(parent: int) -> None:
    """End this worker when the batch's main process ``parent`` ends, however it ends
    (kill -9 included), instead of checking files for no one: on Linux the kernel
    sends SIGKILL when the process that forked it (the main process, or the fork server,
    which itself ends with the main process) exits; everywhere, a thread watches the
    main process."""
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
    from jixiao.fileio import remove_live_temporaries

    remove_live_temporaries()
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




def _workers(options: BatchOptions) -> int:
    return max(1, options.workers or os.cpu_count() or 1)


def _run_local(jobs: Iterable[Job], options: BatchOptions,
               work: Callable[[list[Job]], list[Checked]] = _check_chunk,
               expected: int | None = None, settings: RunSettings | None = None,
               again: collections.deque[Any] | None = None,
               stop: Stop | None = None) -> Iterator[Checked]:
    """Worker processes on this machine; ``--workers 1`` checks in this process.

    Yields each file as ``Checked``. ``jobs`` may be a lazy iterator of about
    ``expected`` jobs: the pool starts with the first. Jobs travel in small chunks
    (one round trip per chunk, not per file), a few chunks per worker ahead, so the
    workers never wait and the main process's memory stays flat. ``work`` is the
    function the workers run (tests give one that crashes); ``settings``, the run's
    (``RunSettings``); ``again``: jobs the caller adds while it reads the results
    (a file the worker found in the cache, whose row would not do after all).

    ``stop``: the batch's ``Stop``. With worker processes, a signal then only marks it
    (``deferred``): the pool is wound down (``_wind_down``) so that every file whose
    annotated copy a worker finished comes back and is in the summary.
    """
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
    context = _process_context() if workers > 1 else None
    if context is None or not _workers_can_start(context):
        previous, _work._SETTINGS = _work._SETTINGS, settings or RunSettings()
        try:
            for job in itertools.chain(source, _drained(again)):
                yield from work([job])
        finally:
            _work._SETTINGS = previous
        return
    from concurrent.futures import FIRST_COMPLETED, wait
    from concurrent.futures.process import BrokenProcessPool

    size = _chunk_size(expected, workers)
    suspects: list[Job] = []
    pool = _pool(workers, context, settings)
    running: dict[Any, list[Job]] = {}
    more = True
    finished_normally = False
    poll = None if stop is None else _POLL_SECONDS  # how often a signal is looked for
    try:
        with stop.deferred(raising=False) if stop is not None else contextlib.nullcontext():
            while more or running or suspects or again:
                if stop is not None and stop.received is not None:
                    yield from _wind_down(pool, running)
                    return
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
                finished = (wait(running, timeout=poll, return_when=FIRST_COMPLETED)[0]
                            if running else set())
                for future in finished:
                    chunk = running.pop(future)
                    try:
                        texts = future.result()
                    except BrokenProcessPool:
                        suspects.extend(chunk)
                        continue
                    except Exception as error:  # e.g. a result that cannot be sent back
                        texts = [Checked.of(_failed(job, "校验时出现内部错误"
                                                         f"（{type(error).__name__}）"))
                                 for job in chunk]
                    # A worker that was sent Ctrl-C by itself hands back only the first
                    # files: the rest are checked again, by fresh workers.
                    suspects.extend(chunk[len(texts):])
                    yield from texts
                if suspects and not any(future.running() for future in running):
                    # A worker died (a crash in a library, or killed for memory): the pool
                    # is gone. Every job it held is retried alone, so only the culprit is
                    # marked.
                    for chunk in running.values():
                        suspects.extend(chunk)
                    running.clear()
                    pool.shutdown(wait=False, cancel_futures=True)
                    context = _process_context()  # this process has threads now: no fork
                    yield from _one_by_one(suspects, context, work, settings, stop)
                    suspects.clear()
                    pool = _pool(workers, context, settings)
            finished_normally = True
    finally:
        if not finished_normally:  # stopped (Ctrl-C, SIGTERM …): no file is waited for
            _kill_workers(pool)
        pool.shutdown(wait=False, cancel_futures=True)


_POLL_SECONDS = 0.2
_GRACE_SECONDS = 5.0  # a worker asked to stop hands back what it finished within this


def _wind_down(pool: Any, running: dict[Any, list[Job]]) -> Iterator[Checked]:
    """The batch is stopping: each worker is asked to stop (SIGINT: ``work.stop_asked``):
    it abandons the file it is checking — leaving no temporary file — and hands back
    those it finished, and each chunk not begun comes back empty. They are yielded, so
    every annotated copy a worker finished is in the summary. A worker that has not
    answered within ``_GRACE_SECONDS`` (stuck in C code) is killed; the caller removes
    what it leaves (``run._tidy_interrupted``).

    The chunks not begun are not cancelled here: the pool's own thread marks every chunk
    it holds as failed when a worker dies (as all do when the whole process group is
    stopped), and before Python 3.12 it fails with a traceback on one cancelled from
    this thread meanwhile (``InvalidStateError: CANCELLED``)."""
    from concurrent.futures import FIRST_COMPLETED, wait

    _interrupt_workers(pool)
    deadline = time.monotonic() + _GRACE_SECONDS
    while running:
        finished = wait(running, timeout=max(0.0, deadline - time.monotonic()),
                        return_when=FIRST_COMPLETED)[0]
        if not finished:
            return
        for future in finished:
            del running[future]
            try:
                texts = future.result()
            except Exception:  # a worker that died: its files are not done
                continue
            yield from texts


def _interrupt_workers(pool: Any) -> None:
    """Send each of a pool's workers SIGINT (again, if the terminal's Ctrl-C reached them:
    only the first counts). On Windows the console's Ctrl-C reaches every process."""
    import signal

    if os.name != "posix":
        return
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        with contextlib.suppress(Exception):
            os.kill(process.pid, signal.SIGINT)


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


# What a worker imports to check a file: a fork server imports it once for all workers
# (a worker forked from the CLI imports it with its first file).
_WORKER_MODULES = ["jixiao.batch.work", "jixiao.batch.engines", "jixiao.pipeline", "jixiao.report.json",
                   "jixiao.read.workbook", "jixiao.xlsx.cells", "jixiao.xlsx.guard"]


def _drained(items: collections.deque[Any]) -> Iterator[Any]:
    while items:
        yield items.popleft()


def _pool(workers: int, context: Any, settings: RunSettings | None = None) -> Any:
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker,
                               initargs=(dict(os.environ), os.getpid(), settings))


def _process_context() -> Any:
    """How worker processes start. On Linux, while this process has a single thread (as
    the CLI has when its pool starts: the progress bar's thread starts with the first
    result), a plain fork of it: the workers start at once, with what it has imported
    (about 70 ms sooner than through a fork server, which must start an interpreter,
    import jixiao and start its resource tracker first). Never a fork of a process with
    threads (a lock held by another thread stays held in the child forever), nor on
    macOS (its system libraries do not survive a fork). Otherwise, where there is one
    (not on Windows), a fork server: a fresh, single-threaded process that imports jixiao
    once and forks each worker from itself; a spawned worker starts a new interpreter and
    imports jixiao itself (about 0.2 s of CPU each). Python before 3.10.9 / 3.11.1 had a
    fork server others on the machine could talk to (CVE-2022-42919): there, spawn."""
    import multiprocessing

    if _single_threaded_linux():
        return multiprocessing.get_context("fork")
    fixed = sys.version_info >= (3, 11, 1) or (3, 10, 9) <= sys.version_info < (3, 11)
    if fixed and "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(_WORKER_MODULES)
        return context
    return multiprocessing.get_context("spawn")


def _workers_can_start(context: Any) -> bool:
    """Whether worker processes can start: a worker started afresh (spawn, fork server)
    imports the main module again, from its file; a script read on stdin (``python -
    <<EOF``, ``__file__`` "<stdin>") has none, and every worker would die of it. Then
    the files are checked in this process (a fork of a process with threads is never
    made: ``_process_context``)."""
    if context.get_start_method() == "fork":
        return True
    main = sys.modules.get("__main__")
    if main is None or getattr(main, "__spec__", None) is not None:
        return True  # python -m …: imported by its name; Jupyter, python -c: nothing to import
    path = getattr(main, "__file__", None)
    if path is None:
        return True
    from multiprocessing import process

    if not os.path.isabs(path) and process.ORIGINAL_DIR is not None:
        path = os.path.join(process.ORIGINAL_DIR, path)  # as multiprocessing.spawn finds it
    return os.path.isfile(path)


def _single_threaded_linux() -> bool:
    """Linux, and this process has one thread: the kernel's count (/proc/self/task), which
    also sees threads that C libraries started without telling Python."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return False


_LARGEST_CHUNK = 16


def _chunk_size(jobs: int, workers: int) -> int:
    """Files per round trip: up to 16, but small enough that the last chunks spread
    over all workers (about 8 chunks per worker at least)."""
    return max(1, min(_LARGEST_CHUNK, jobs // (workers * 8)))


def _one_by_one(jobs: list[Job], context: Any, work: Callable[[list[Job]], list[Checked]],
                settings: RunSettings | None, stop: Stop | None = None) -> Iterator[Checked]:
    """The jobs of a broken pool again, one at a time in one fresh worker: if it dies
    now, the job it held is the culprit, and only that file is marked."""
    from concurrent.futures import TimeoutError as Pending
    from concurrent.futures.process import BrokenProcessPool

    pool = None
    poll = None if stop is None else _POLL_SECONDS
    try:
        for job in jobs:
            if stop is not None and stop.received is not None:
                return
            if pool is None:
                pool = _pool(1, context, settings)
            future = pool.submit(work, [job])
            try:
                while True:
                    try:
                        texts = future.result(timeout=poll)
                        break
                    except Pending:
                        if stop is not None and stop.received is not None:
                            yield from _wind_down(pool, {future: [job]})
                            return
                yield from texts
            except BrokenProcessPool:
                pool.shutdown(wait=False, cancel_futures=True)
                pool = None
                yield Checked.of(_failed(job, "校验时校验进程意外退出（可能是文件异常或内存不足）"))
            except Exception as error:
                yield Checked.of(_failed(job, f"校验时出现内部错误（{type(error).__name__}）"))
    finally:
        if pool is not None:
            if stop is not None and stop.received is not None:
                _kill_workers(pool)
            pool.shutdown(wait=False, cancel_futures=True)


def _run_dask(jobs: list[Job], options: BatchOptions,
              stop: Stop | None = None) -> Iterator[Outcome]:
    """The same jobs on a Dask cluster: the one at ``--scheduler``, or a LocalCluster on
    127.0.0.1. Each file's content travels with its job, so the workers need not share
    the folder; only ``--annotate-dir`` needs the same paths on every worker.

    ``stop``: the batch's ``Stop``, as for ``_run_local``: a signal only marks it, and
    the run winds down (``_dask_wind_down``): the files finished come back, the rest are
    cancelled. A Dask task cannot be interrupted: a file being checked is dropped, not
    abandoned midway (its annotated copy, if written, is removed: ``run._tidy_interrupted``;
    on a remote cluster one may still be written after). The LocalCluster's workers
    leave the terminal's Ctrl-C to this process (``dask_worker``): they would die with a
    traceback each instead of being closed."""
    from jixiao.errors import JixiaoError

    if not jobs:
        return
    try:
        from distributed import Client, LocalCluster, wait
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
                               scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
                               preload=["jixiao.batch.dask_worker"])
        client = Client(cluster)
    poll = None if stop is None else _POLL_SECONDS  # how often a signal is looked for
    running: dict[Any, Job] = {}
    try:
        with stop.deferred(raising=False) if stop is not None else contextlib.nullcontext():
            pending = list(reversed(jobs))
            window = _workers(options) * _IN_FLIGHT_PER_WORKER
            if options.scheduler:
                window = max(window, sum(client.nthreads().values()) * _IN_FLIGHT_PER_WORKER)

            def submit() -> None:
                job = pending.pop()
                content = _sendable(job)  # the workers need not see this folder
                future = (client.submit(_check_job, job, pure=False) if content is None
                          else client.submit(_check_sent, job, content, modified_ns(job[0]),
                                             pure=False))
                running[future] = job

            while pending and len(running) < window:
                submit()
            while running:
                if stop is not None and stop.received is not None:
                    yield from _dask_wind_down(client, running)
                    return
                try:
                    wait(list(running), timeout=poll, return_when="FIRST_COMPLETED")
                except TimeoutError:
                    continue
                for future in [future for future in running if future.done()]:
                    outcome = _dask_outcome(future, running.pop(future))
                    if pending:
                        submit()
                    yield outcome
    finally:
        with contextlib.suppress(Exception):
            client.cancel(list(running))
        client.close()
        if cluster is not None:
            cluster.close()


def _dask_outcome(future: Any, job: Job) -> Outcome:
    try:
        outcome: Outcome = future.result()
    except Exception as error:  # a worker lost, a result that could not travel
        outcome = _failed(job, f"在 Dask 集群上校验时出错（{type(error).__name__}）")
    future.release()
    return outcome


def _dask_wind_down(client: Any, running: dict[Any, Job]) -> Iterator[Outcome]:
    """The batch is stopping: the files whose tasks finished come back (so every
    annotated copy written for them is in the summary); the others are cancelled."""
    finished = [future for future in running if future.status == "finished"]
    client.cancel([future for future in running if future.status != "finished"])
    for future in finished:
        yield _dask_outcome(future, running.pop(future))
    running.clear()

