"""jixiao batch's worker processes: chunks of files per round trip, and a worker that
dies takes only its own file down."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from workbooks import standard

from jixiao.batch import work as batch
from jixiao.batch.engines import _chunk_size, _run_local
from jixiao.batch.run import BatchOptions, Outcome

ROOT = Path(__file__).resolve().parents[2]
CRASH_MARK = "崩溃"


def crash_on_marked(jobs):
    """The workers' function in these tests: a file whose name holds CRASH_MARK kills its
    process on the spot, as a crash inside a library would (spawned workers import
    this module by name, so it must live at module level)."""
    for job in jobs:
        if CRASH_MARK in Path(job[0]).name:
            os._exit(70)
    return batch._check_chunk(jobs)


def folder_of(tmp_path, count, crash=()):
    first = standard(tmp_path / "model.xlsx")
    files = []
    for number in range(count):
        name = f"{CRASH_MARK if number in crash else '自评表'}{number:03d}.xlsx"
        shutil.copyfile(first, tmp_path / name)
        files.append(str(tmp_path / name))
    return files


def jobs_of(files):
    return [(file, None, None, None) for file in files]


def test_a_crashing_worker_marks_only_its_own_files(tmp_path):
    files = folder_of(tmp_path, 40, crash={5, 31})
    texts = [checked.texts for checked in _run_local(jobs_of(files), BatchOptions(workers=2),
                                                     work=crash_on_marked)]
    reports = {json.loads(text)["file"]: json.loads(text)["report"] for text, _ in texts}
    assert all(brief == Outcome.from_json(text).brief().to_json() for text, brief in texts)
    assert sorted(reports) == sorted(files)  # every file once: none lost, none twice
    assert len(texts) == len(files)
    failed = {Path(file).name for file, report in reports.items() if "error" in report}
    assert failed == {f"{CRASH_MARK}005.xlsx", f"{CRASH_MARK}031.xlsx"}
    healthy = batch.check_one(files[0], None, None, None).report
    for file, report in reports.items():
        if "error" in report:
            assert "校验进程意外退出" in report["error"] and Path(file).name in report["error"]
        else:  # the others checked in full, as if nothing had happened
            assert report == {**healthy, "file": file}


def test_chunked_results_equal_one_file_at_a_time(tmp_path):
    files = folder_of(tmp_path, 24)
    together = list(_run_local(jobs_of(files), BatchOptions(workers=2)))
    alone = [batch.check_one(file, None, None, None).texts() for file in files]
    assert sorted(checked.texts for checked in together) == sorted(alone)
    assert all(checked.summary == batch.FileSummary.from_report(
        checked.file, json.loads(checked.texts[0])["report"]) for checked in together)


def test_what_a_worker_hands_back_travels_as_plain_fields(tmp_path):
    """Checked and its summaries pickle as class + fields (no per-attribute state) and
    come back equal, findings and indicator rows included."""
    import pickle

    from jixiao.batch.summary import FindingSummary, IndicatorSummary

    file = standard(tmp_path / "自评表.xlsx", total=(100, 90))  # a wrong total: a finding
    settings = batch.RunSettings(salt="s", secret=b"k")
    checked = batch._check_here((str(file), None, None, None), settings)
    rows = batch.Checked.of(batch.check_one(str(file)), "c", settings, indicators=True)
    assert checked.summary.tables[0].findings and rows.summary.tables[0].indicators
    for item in (checked, rows):
        assert pickle.loads(pickle.dumps(item, pickle.HIGHEST_PROTOCOL)) == item
    for item in (checked, checked.summary, checked.summary.tables[0],
                 checked.summary.tables[0].findings[0], rows.summary.tables[0].indicators[0]):
        rebuilt, fields = item.__reduce__()
        assert rebuilt is type(item) and rebuilt(*fields) == item
    assert isinstance(rows.summary.tables[0].indicators[0], IndicatorSummary)
    assert isinstance(checked.summary.tables[0].findings[0], FindingSummary)


def test_workers_take_the_environment_of_the_moment(tmp_path, monkeypatch):
    """Workers forked from a fork server, started by an earlier batch, still see the
    limits (JIXIAO_MAX_*) set since, as spawned workers would."""
    files = folder_of(tmp_path, 4)
    first = [json.loads(checked.texts[0])["report"]
             for checked in _run_local(jobs_of(files), BatchOptions(workers=2))]
    assert all("error" not in report for report in first)
    monkeypatch.setenv("JIXIAO_MAX_FILE_MB", "0.001")
    again = [json.loads(checked.texts[0])["report"]
             for checked in _run_local(jobs_of(files), BatchOptions(workers=2))]
    assert all("JIXIAO_MAX_FILE_MB" in report.get("error", "") for report in again), again


def test_chunks_are_small_enough_to_spread_over_the_workers():
    assert _chunk_size(1, 2) == 1
    assert _chunk_size(40, 2) == 2           # 20 chunks: every worker busy to the end
    assert _chunk_size(2000, 2) == 16        # at most 16 files per round trip
    assert _chunk_size(2000, 16) == 15
    for jobs in range(1, 500, 7):
        for workers in (1, 2, 3, 8):
            size = _chunk_size(jobs, workers)
            assert 1 <= size <= 16
            assert size == 1 or -(-jobs // size) >= workers * 8


def test_the_summary_folder_is_made_when_missing(tmp_path, capsys):
    from jixiao.cli.main import main

    inbox = tmp_path / "收件"
    inbox.mkdir()
    folder_of(inbox, 2)
    output = tmp_path / "结果" / "2026" / "汇总.xlsx"
    assert main(["batch", str(inbox), "-o", str(output), "--workers", "1"]) == 0
    assert output.is_file()
    blocked = tmp_path / "一个文件"  # a file where the folder should be
    blocked.write_text("x")
    assert main(["batch", str(inbox), "-o", str(blocked / "汇总.xlsx")]) == 2
    error = capsys.readouterr().err
    assert "无法创建目录" in error and "Traceback" not in error


def test_killing_the_workers_mid_message_lets_the_pool_end(tmp_path):
    """A worker killed while sending its result leaves half a message in the pipe: the
    pool's manager thread must still end, or the interpreter hangs at exit after Ctrl-C
    (seen: a SIGINT'd batch waiting in concurrent.futures' _python_exit for minutes)."""
    import multiprocessing
    import struct

    from jixiao.batch.engines import _kill_workers, _pool

    pool = _pool(1, multiprocessing.get_context("fork"))
    assert pool.submit(len, "abc").result(timeout=60) == 3
    writer = pool._result_queue._writer
    # a header announcing 1,000 bytes, then only 10 of them: what a killed sender leaves
    os.write(writer.fileno(), struct.pack("!i", 1000) + b"x" * 10)
    manager = pool._executor_manager_thread
    manager.join(timeout=1)
    assert manager.is_alive()  # stuck in the read, as in the hang
    _kill_workers(pool)
    pool.shutdown(wait=False, cancel_futures=True)
    manager.join(timeout=10)
    assert not manager.is_alive()


_START_METHOD = """
import threading, time
from jixiao.batch.engines import _process_context
alone = _process_context().get_start_method()
stop = threading.Event()
thread = threading.Thread(target=stop.wait)
thread.start()
with_thread = _process_context().get_start_method()
stop.set()
thread.join()
print(alone, with_thread)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork only on Linux")
def test_workers_are_forked_only_from_a_process_with_one_thread():
    """The CLI forks its workers from itself (they start at once); a process with another
    thread (a progress bar's, a notebook's) uses a fork server: a fork would copy a lock
    another thread holds."""
    done = subprocess.run([sys.executable, "-c", _START_METHOD], capture_output=True,
                          text=True, timeout=60, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["fork", "forkserver"]


def test_a_forked_worker_dies_by_sigterm_not_by_the_batchs_handler():
    """A worker forked from the CLI inherits its SIGTERM/SIGHUP handlers (which end the
    batch with a summary): the worker's own start puts its own back — SIGTERM removes
    the temporary file being written, then ends the worker; SIGINT stops it cleanly."""
    import signal

    from jixiao.batch import engines, work

    saved = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        signal.signal(signal.SIGTERM, lambda *args: None)
        engines._worker_signals()
        assert signal.getsignal(signal.SIGTERM) is engines._end_worker
        assert signal.getsignal(signal.SIGINT) is work.stop_asked
    finally:
        for number, handler in saved.items():
            signal.signal(number, handler)


def test_a_worker_asked_to_stop_hands_back_the_files_it_finished(tmp_path, monkeypatch):
    """rt19 #2: Ctrl-C in a worker: the file being checked is abandoned (its copy's
    temporary file removed), those of the chunk already finished come back — their
    annotated copies are written, so the summary must list them — and a later chunk
    comes back empty."""
    from jixiao.batch import work

    files = [standard(tmp_path / f"{name}.xlsx") for name in "abc"]
    jobs = [(str(file), None, str(tmp_path / "标注" / f"{file.stem}-校验.xlsx"), None)
            for file in files]
    real = work._check_here
    seen = []

    def check(job, settings, limits=None):
        seen.append(job[0])
        if len(seen) == 2:  # Ctrl-C arrives while the second file is being written
            from jixiao.fileio import atomic_output

            with atomic_output(job[2], derived=True) as temporary:
                temporary.write_bytes(b"half")
                work.stop_asked(2, None)
        return real(job, settings, limits)

    monkeypatch.setattr(work, "_check_here", check)
    monkeypatch.setattr(work, "_STOPPING", False)
    done = work._check_chunk(jobs)
    assert [checked.file for checked in done] == [str(files[0])]
    assert sorted(path.name for path in (tmp_path / "标注").iterdir()) == ["a-校验.xlsx"]
    assert work._check_chunk(jobs) == [] and len(seen) == 2


def _dies_when_stopped(chunk, marker):
    """A worker's chunk that waits, and ends its worker when the batch stops it (as the
    SIGTERM of ``kill -- -PGID`` or a closed terminal ends every worker at once)."""
    import signal
    import time

    signal.signal(signal.SIGINT, lambda *args: os._exit(1))
    Path(marker).write_text("started")
    time.sleep(60)
    return chunk


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork only on Linux")
def test_workers_dying_as_the_batch_stops_leave_no_traceback(tmp_path, monkeypatch):
    """rt32 #1: when the whole process group was stopped, the pool's manager thread printed
    "Exception in thread … InvalidStateError: CANCELLED" (~5 of 77 runs): the stopping
    batch cancelled the chunks not begun, then the dying workers broke the pool, whose
    thread marks every chunk it still holds as failed — a cancelled one included
    (CPython before 3.12 does not expect that). The chunks not begun are left to the
    pool: a worker asked to stop hands them back empty."""
    import functools
    import multiprocessing
    import threading
    import time

    from jixiao.batch.engines import _kill_workers, _pool, _wind_down

    errors = []
    monkeypatch.setattr(threading, "excepthook", errors.append)
    marker = tmp_path / "started"
    pool = _pool(1, multiprocessing.get_context("fork"))
    try:
        work = functools.partial(_dies_when_stopped, marker=str(marker))
        running = {pool.submit(work, [number]): [number] for number in range(6)}
        deadline = time.monotonic() + 60
        while not marker.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(0.3)  # the pool's thread has moved what it can to the worker: it waits
        assert list(_wind_down(pool, running)) == []
        manager = pool._executor_manager_thread
        manager.join(timeout=10)
        assert not manager.is_alive()
        assert [str(error.exc_value) for error in errors] == []
    finally:
        _kill_workers(pool)
        pool.shutdown(wait=False, cancel_futures=True)
