"""Benchmark ``jixiao batch`` on a folder of filled workbooks.

    python benchmarks/batch.py                    # 2,000 files, memory at 100…10,000
    python benchmarks/batch.py --write            # also update the section in BENCHMARKS.md
    python benchmarks/batch.py --files 500 --memory 100,1000

In one run, over the same files (a mix of layouts, see ``BASES``):
- calamine-read-only, the floor: every sheet's values and merged ranges through
  python-calamine, nothing else — a plain loop in one process, the same loop
  split over the workers like the batch, and that split as a whole process
  (interpreter start, workers spawned, exit), counted as the batch's whole process is;
- openpyxl-load-only: ``load_workbook(data_only=True)`` in a plain loop, one process
  (what reading cost before the fast cell source);
- ``python -m jixiao batch DIR -o 汇总.xlsx --workers N --force``: the whole process
  (start, discovery, hashing, checking, summary and JSONL written); the checking
  phase alone is the time the command reports; then the same again with the cache
  (nothing changed);
- peak memory against the number of files: the main process's own high-water mark
  (VmHWM) and the largest worker's (``RUSAGE_CHILDREN``), copies of the same mix.

Throughputs are the best of ``--repeat`` runs: the machine may be shared, and the
best run is the one least disturbed. The load average is printed with the results.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_md  # noqa: E402  (beside this script)

# The mix: the filled template (30 indicators, the heaviest), the published Putuo tables
# in their own layout, 子洲, 四川, 评分附件表, 第三方 and a plain standard table.
BASES = ("template", "template", "template", "template", "putuo-1", "putuo-2", "putuo-3",
         "putuo-4", "putuo-5", "putuo-6", "putuo-7", "zizhou", "sichuan", "sichuan-reason",
         "attachment", "standard")


def make_bases(folder: Path) -> list[Path]:
    import workbooks as W
    from recalc import thirty_indicators

    from jixiao.template import build_template

    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for number, kind in enumerate(BASES):
        path = folder / f"base{number:02d}-{kind}.xlsx"
        if kind == "template":
            table = thirty_indicators()
            table.project.name = f"基准测试项目{number}"
            table.indicators[number].actual = "50%"  # each one differs a little
            build_template(path, table=table)
        elif kind.startswith("putuo"):
            W.putuo(path, kind)
        elif kind == "zizhou":
            W.zizhou(path)
        elif kind == "sichuan":
            W.sichuan(path)
        elif kind == "sichuan-reason":
            W.sichuan(path, reason="设备到货延期")
        elif kind == "attachment":
            book = W.Book()
            money = book.sheet("资金情况")
            money.project("某某项目", "某县农业农村局")
            money.money([("年度资金总额", 50, 48, W.Percent(0.96))],
                        header=("全年预算数", "全年执行数", "执行率"), label="资金")
            sheet = book.sheet("评分附件表")
            sheet.indicators([("预算执行率", "预算执行率", 10, "100%", "96%", 9.6, "尾款"),
                              ("产出指标", "完成数量", 50, "≥100 户", "100 户", 50, None),
                              ("效益指标", "群众受益", 30, "明显", "达成", 30, None),
                              ("满意度指标", "满意度", 10, "≥90%", "90%", 10, None)],
                             header=W.ATTACHMENT, lead=None)
            sheet.total(100, 99.6, label="合计")
            book.save(path)
        else:
            W.standard(path)
        made.append(path)
    return made


def fill(folder: Path, bases: list[Path], count: int) -> list[Path]:
    """``count`` files in sub-folders of 100, copies of the bases round robin."""
    files = []
    for number in range(count):
        target = folder / f"单位{number // 100:03d}" / f"自评表{number:05d}.xlsx"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(bases[number % len(bases)], target)
        files.append(target)
    return files


def calamine_read(paths: list[str]) -> int:
    from python_calamine import CalamineWorkbook

    cells = 0
    for path in paths:
        book = CalamineWorkbook.from_path(path)
        for name in book.sheet_names:
            sheet = book.get_sheet_by_name(name)
            cells += sum(len(row) for row in sheet.to_python(skip_empty_area=False))
            sheet.merged_cell_ranges  # noqa: B018 — read, like the reader does
        book.close()
    return cells


def openpyxl_load(paths: list[str]) -> int:
    import warnings

    from openpyxl import load_workbook

    sheets = 0
    for path in paths:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = load_workbook(path, data_only=True, keep_links=False)
        sheets += len(book.worksheets)
        book.close()
    return sheets


def check_loop(paths: list[str], forget: bool = False) -> float:
    """Seconds per file of ``check_one`` in this process; ``forget``: every memo of
    jixiao's pure functions (text → measure, header → role, styles …) emptied before
    each file, as if no two files shared a text."""
    from jixiao.batch import check_one

    memos = _memos() if forget else []
    start = time.perf_counter()
    for path in paths:
        for memo in memos:
            memo.cache_clear()
        check_one(path, None, None, None)
    return (time.perf_counter() - start) / len(paths)


def _memos() -> list:
    import jixiao.batch  # noqa: F401  (imports what a worker imports)
    from jixiao.batch import check_one

    check_one(str(ROOT / "workbook_templates" / "自评表.xlsx"), None, None, None)
    return [value for name, module in sorted(sys.modules.items()) if name.startswith("jixiao")
            for value in vars(module).values()
            if hasattr(value, "cache_clear") and not isinstance(value, type)]  # not classes


def timed(function, *args) -> float:
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


def split_loop(function, paths: list[str], workers: int) -> float:
    """The loop over the workers, chunks as even as the batch's: wall time, pool started."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        list(pool.map(function, [[]] * workers))  # start and import first
        start = time.perf_counter()
        chunks = [paths[index::workers] for index in range(workers)]
        list(pool.map(function, chunks))
        return time.perf_counter() - start


def floor_process(paths: list[str], workers: int, scratch: Path) -> float:
    """The floor counted as ``jixiao batch`` is: a whole process (interpreter start,
    imports, ``workers`` spawned processes, the reading, exit), wall seconds."""
    listing = scratch / "floor-files.txt"
    listing.write_text("\n".join(paths), encoding="utf-8")
    start = time.perf_counter()
    subprocess.run([sys.executable, __file__, "--floor-run", str(listing),
                    "--workers", str(workers)], check=True)
    return time.perf_counter() - start


def _floor_run(listing: str, workers: int) -> None:
    import multiprocessing

    paths = Path(listing).read_text(encoding="utf-8").splitlines()
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        list(pool.map(calamine_read, [paths[index::workers] for index in range(workers)]))


def run_batch(folder: Path, output: Path, workers: int, force: bool = True) -> dict:
    """``python -m jixiao batch``: wall seconds, checking seconds, peak MB (main, worker)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    args = ["jixiao", "batch", str(folder), "-o", str(output), "--workers", str(workers)]
    if force:
        args.append("--force")
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", bench_md.MEASURED, *args], env=env,
                          capture_output=True, text=True)
    wall = time.perf_counter() - start
    if done.returncode not in (0, 1, 2):
        raise SystemExit(f"jixiao batch failed ({done.returncode}): {done.stderr[-2000:]}")
    checking = float(re.search(r"用时 ([\d.]+) 秒", done.stdout).group(1))
    found = re.search(r"PEAK (\d+) (\d+)", done.stderr)
    main_mb, worker_mb = (int(found.group(1)) / 1024, int(found.group(2)) / 1024) if found \
        else (None, None)
    return {"wall": wall, "checking": checking, "main_mb": main_mb, "worker_mb": worker_mb}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--memory", default="100,1000,2000,5000,10000",
                        help="numbers of files for the peak-memory runs")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of each throughput measurement; the best is kept")
    parser.add_argument("--write", action="store_true", help="update BENCHMARKS.md")
    parser.add_argument("--floor-run", help=argparse.SUPPRESS)  # one floor_process run
    options = parser.parse_args()
    workers = options.workers
    if options.floor_run:
        _floor_run(options.floor_run, workers)
        return 0

    load_before = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    work = Path(tempfile.mkdtemp(prefix="jixiao-batch-bench-"))
    try:
        bases = make_bases(work / "bases")
        folder = work / "inbox"
        files = [str(path) for path in fill(folder, bases, options.files)]
        count = len(files)
        total_bytes = sum(Path(file).stat().st_size for file in files)

        calamine_read(files[:50])  # warm the page cache and the imports
        openpyxl_load(files[:20])
        repeat = options.repeat
        floor_one = min(timed(calamine_read, files) for _ in range(repeat))
        floor_split = min(split_loop(calamine_read, files, workers) for _ in range(repeat))
        floor_whole = min(floor_process(files, workers, work) for _ in range(repeat))
        openpyxl_one = timed(openpyxl_load, files)
        sample = files[:400]
        check_loop(sample[:50])
        per_file = min(check_loop(sample) for _ in range(repeat))
        per_file_cold = min(check_loop(sample, forget=True) for _ in range(repeat))

        output = work / "out" / "汇总.xlsx"
        output.parent.mkdir()
        batch = min((run_batch(folder, output, workers) for _ in range(repeat)),
                    key=lambda result: result["wall"])
        cached = min((run_batch(folder, output, workers, force=False) for _ in range(repeat)),
                     key=lambda result: result["wall"])
        single = min((run_batch(folder, work / "out" / "单进程.xlsx", 1)
                      for _ in range(max(1, repeat - 1))), key=lambda result: result["wall"])

        memory = []
        for size in [int(item) for item in options.memory.split(",") if item]:
            target = work / f"mem{size}"
            fill(target, bases, size)
            result = run_batch(target, work / "out" / f"mem{size}.xlsx", workers)
            memory.append((size, result))
            shutil.rmtree(target, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    def rate(seconds: float) -> str:
        return f"{count / seconds:,.0f} 个/秒"

    ratio = batch["wall"] / floor_split
    ratio_whole = batch["wall"] / floor_whole
    ratio_checking = batch["checking"] / floor_split
    load_after = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    lines = [
        f"{count:,} workbooks ({total_bytes / count / 1024:.0f} KB on average; the mix: "
        f"{', '.join(BASES)}, copied round robin into folders of 100), "
        f"{platform.python_implementation()} {platform.python_version()}, "
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, "
        f"--workers {workers}; best of {options.repeat} runs (of {max(1, options.repeat - 1)} "
        f"for `--workers 1`); load average {load_before:.1f} before the run, "
        f"{load_after:.1f} after (1-minute; the one after includes the benchmark's own "
        "processes, the one before shows anything else running).",
        *([""] + [f"The machine was not idle (load average ≥ {BUSY_LOAD} with "
                   f"{os.cpu_count()} CPUs): other work shared the CPUs, so the throughputs "
                   "below are lower than on an idle machine, and `--workers 2` gains little "
                   "over `--workers 1`."] if (load_before or 0) >= BUSY_LOAD
          else []),
        "",
        "| measurement | time | throughput | target |",
        "|---|---:|---:|---|",
        f"| calamine-read-only floor, plain loop, 1 process | {floor_one:.1f} s | "
        f"{rate(floor_one)} | |",
        f"| calamine-read-only floor, split over {workers} processes | {floor_split:.1f} s | "
        f"{rate(floor_split)} | |",
        f"| calamine-read-only floor as a whole process (start, {workers} processes "
        f"spawned, read, exit) | {floor_whole:.1f} s | {rate(floor_whole)} | |",
        f"| openpyxl-load-only, plain loop, 1 process | {openpyxl_one:.1f} s | "
        f"{rate(openpyxl_one)} | |",
        f"| **`jixiao batch --workers {workers}`**, whole process (start, hash, check, "
        f"summary, exit) | {batch['wall']:.1f} s | **{rate(batch['wall'])}** | ≥ 150 个/秒 |",
        f"| … its checking phase alone | {batch['checking']:.1f} s | "
        f"{rate(batch['checking'])} | |",
        f"| … whole process against the floor split over {workers} processes | | "
        f"**{ratio:.1f}×** slower | ≤ 5× |",
        f"| … checking phase against the same floor | | {ratio_checking:.1f}× slower | |",
        f"| … whole process against the floor as a whole process | | "
        f"{ratio_whole:.1f}× slower | |",
        f"| `jixiao batch --workers 1`, whole process | {single['wall']:.1f} s | "
        f"{rate(single['wall'])} | |",
        f"| `jixiao batch` again, nothing changed (cache) | {cached['wall']:.1f} s | "
        f"{rate(cached['wall'])} | |",
        "",
        f"One file checked in one process (`check_one`, a plain loop over {len(sample)} of "
        f"the files): **{per_file * 1000:.2f} ms** per file; {per_file_cold * 1000:.2f} ms "
        "with every memo of jixiao's pure functions emptied before each file (the copies "
        "above share every text; real folders share most — headers, ≥95%, 达成 — not all).",
        "",
        "Peak memory against the number of files (`--workers "
        f"{workers}`; the main process keeps only counts: outcomes go to the cache, summary rows to a temporary database):",
        "",
        "| files | whole process | main process peak | largest worker peak | target |",
        "|---:|---:|---:|---:|---|",
    ]
    for size, result in memory:
        lines.append(f"| {size:,} | {result['wall']:.1f} s | {megabytes(result['main_mb'])} | "
                     f"{megabytes(result['worker_mb'])} | ≤ 300 MB, flat |")
    text = "\n".join(lines)
    print(text)
    if options.write:
        write_section(text)
    return 0


BUSY_LOAD = 1.0


def megabytes(value: float | None) -> str:
    return "?" if value is None else f"{value:.0f} MB"


def write_section(text: str) -> None:
    bench_md.write_section("batch", "`jixiao batch`", text, _INTRO)


_INTRO = """`python benchmarks/batch.py --write` rebuilds the tables below in one run on one
machine. The floor is what reading alone costs with python-calamine (every sheet's
values and merged ranges, nothing else); openpyxl-load-only is what reading cost
before the fast cell source. `jixiao batch` is timed as a user runs it, as a whole
process: interpreter start, discovery, content hashes, the worker processes (forked
from a fork server that imports jixiao once), reading, evaluating and checking every
table, the cache, the summary workbook with its charts, exit. Its checking phase alone
is the time it reports. The floor is also timed the same way, as a whole process
(interpreter start, worker processes spawned, reading, exit), to compare like with like.
Throughputs are the best of three runs (the machine is shared; the load average
is printed). Peak memory is the main process's own high-water mark (`VmHWM`) and
the largest worker's (`RUSAGE_CHILDREN`).

"""


if __name__ == "__main__":
    sys.exit(main())
