"""Benchmark ``jixiao batch`` against the python-calamine floor on distinct workbooks.

    python benchmarks/batch.py                    # 2,000 distinct files, memory at 100…10,000
    python benchmarks/batch.py --write            # also update the section in BENCHMARKS.md
    python benchmarks/batch.py --files 200 --memory 100,200 --repeat 2   # a quick smoke run

The corpus (``corpus.py``): distinct workbooks of one table of 4–9 indicators each,
generated from a seed, cached under the temp dir by generator version, so a second
run does not generate them again. No two share their content (checked by hash).
Generating costs about 12 ms of CPU per file: the 10,000 of the default memory runs
take 1–2 minutes on two idle CPUs (about 8 minutes on a 2-CPU machine at load 7),
once; ``--distinct N`` caps it, and larger memory runs then use copies.

The headline, in one run over the same files, both timed the same way (wall time
of a child process, from start to exit, output captured), paired and alternated
(floor, batch, floor, batch …) after one warm-up of each:
- the floor: ``python floor.py DIR``: interpreter start, the files found, 2 worker
  processes, python-calamine reading every sheet's values (and merged ranges) of
  every file, exit;
- ``python -m jixiao batch DIR -o 汇总.xlsx --workers 2 --force``.
The ratio of each pair is printed, and their median is the headline (target ≤ 6×,
long-term ≤ 5×). Secondary rows: the checking phase the command reports, a re-run
with the cache, ``--workers 1``, one file checked in-process, the floor as a plain
loop, openpyxl loading a sample, and the old mix (16 files copied round robin,
``--no-mix`` leaves it out). Peak memory against the number of files: the main
process's own high-water mark (VmHWM) and the largest worker's (RUSAGE_CHILDREN),
on distinct files up to ``--distinct``, beyond it on round-robin copies of them.

The load average is printed before and after; a busy machine is said so.

(Over 400 lines: the old 16-file mix and the report's text live here too.)
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_md  # noqa: E402  (beside this script)
import corpus  # noqa: E402

BUSY_LOAD = 1.0  # 1-minute load average before the run at which the machine counts as busy
BUSY_SPREAD = 1.25  # largest / smallest paired ratio beyond which the pairs were disturbed

# The floor as a whole process: ``python floor.py DIR WORKERS START_METHOD``, this text
# written to a file (so that spawned workers can import it too). The files
# are found as the batch finds them (every .xlsx under DIR), split evenly over the
# workers, and every sheet's values and merged ranges read.
FLOOR = """
import multiprocessing, os, sys

def read(paths):
    from python_calamine import CalamineWorkbook
    cells = 0
    for path in paths:
        book = CalamineWorkbook.from_path(path)
        for name in book.sheet_names:
            sheet = book.get_sheet_by_name(name)
            cells += sum(len(row) for row in sheet.to_python(skip_empty_area=False))
            sheet.merged_cell_ranges
        book.close()
    return cells

if __name__ == "__main__":
    folder, workers, method = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    paths = sorted(os.path.join(top, name) for top, _, names in os.walk(folder)
                   for name in names if name.endswith(".xlsx"))
    with multiprocessing.get_context(method).Pool(workers) as pool:
        cells = sum(pool.map(read, [paths[index::workers] for index in range(workers)]))
    print(len(paths), cells)
"""

# The old mix: the filled template (30 indicators, the heaviest), the published Putuo tables
# in their own layout, 子洲, 四川, 评分附件表, a plain standard table — copied round robin.
BASES = ("template", "template", "template", "template", "putuo-1", "putuo-2", "putuo-3",
         "putuo-4", "putuo-5", "putuo-6", "putuo-7", "zizhou", "sichuan", "sichuan-reason",
         "attachment", "standard")


def make_bases(folder: Path) -> list[Path]:
    import workbooks as W
    from recalc import thirty_indicators

    from jixiao.template.build import build_template

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


def view(folder: Path, sources: list[Path], count: int) -> list[Path]:
    """``count`` files in sub-folders of 100: the sources in order, round robin beyond
    them; hard links where the file system allows (same bytes, nothing copied)."""
    files = []
    for number in range(count):
        target = folder / corpus.relative_path(number)
        target.parent.mkdir(parents=True, exist_ok=True)
        source = sources[number % len(sources)]
        try:
            os.link(source, target)
        except OSError:
            shutil.copyfile(source, target)
        files.append(target)
    return files


def calamine_read(paths: list[str]) -> int:
    namespace: dict = {"__name__": "floor"}
    exec(FLOOR, namespace)  # the floor's own reading function, in this process
    return namespace["read"](paths)


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
    from jixiao.batch.run import check_one

    memos = _memos() if forget else []
    start = time.perf_counter()
    for path in paths:
        for memo in memos:
            memo.cache_clear()
        check_one(path, None, None, None)
    return (time.perf_counter() - start) / len(paths)


def _memos() -> list:
    import jixiao.batch.run  # noqa: F401  (imports what a worker imports)
    from jixiao.batch.run import check_one

    check_one(str(ROOT / "workbook_templates" / "自评表.xlsx"), None, None, None)
    return [value for name, module in sorted(sys.modules.items()) if name.startswith("jixiao")
            for value in vars(module).values()
            if hasattr(value, "cache_clear") and not isinstance(value, type)]  # not classes


def compile_sources() -> int:
    """Compile jixiao's sources to bytecode beside them, as ``pip install`` does for the
    wheel a user installs: otherwise every measured process (the main one and each
    worker start) would compile the sources again, which no installed copy does (and
    ``PYTHONDONTWRITEBYTECODE``, set on some machines, would make every run pay for it).
    Returns the number of modules. The floor's own imports (python-calamine) come
    compiled from site-packages."""
    import compileall
    import py_compile

    sources = sorted((ROOT / "jixiao").rglob("*.py"))
    if not compileall.compile_dir(str(ROOT / "jixiao"), quiet=1,
                                  invalidation_mode=py_compile.PycInvalidationMode.TIMESTAMP):
        raise SystemExit("compiling jixiao's sources failed")
    return len(sources)


def timed(function, *args) -> float:
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


def whole_process(args: list[str], ok: tuple[int, ...] = (0,)) -> tuple[float, str, str]:
    """Wall seconds of one child process, start to exit, output captured; (s, out, err)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    done = subprocess.run(args, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if done.returncode not in ok:
        raise SystemExit(f"{' '.join(args[:4])} … failed ({done.returncode}): "
                         f"{done.stderr[-2000:]}")
    return wall, done.stdout, done.stderr


def floor_args(folder: Path, workers: int, method: str) -> list[str]:
    script = folder.parent / "floor.py"
    if not script.exists():
        script.write_text(FLOOR, encoding="utf-8")
    return [sys.executable, str(script), str(folder), str(workers), method]


def batch_args(folder: Path, output: Path, workers: int, force: bool = True,
               measured: bool = False) -> list[str]:
    """``python -m jixiao batch …``; ``measured``: through bench_md.MEASURED, which also
    reports the peak memory."""
    head = [sys.executable, "-c", bench_md.MEASURED] if measured else [sys.executable, "-m"]
    args = [*head, "jixiao", "batch", str(folder), "-o", str(output), "--workers", str(workers)]
    return [*args, "--force"] if force else args


def run_batch(folder: Path, output: Path, workers: int, force: bool = True,
              measured: bool = False) -> dict:
    """Wall seconds, checking seconds (as the command reports them), peak MB."""
    wall, out, err = whole_process(batch_args(folder, output, workers, force, measured),
                                   ok=(0, 1, 2))
    checking = float(re.search(r"用时 ([\d.]+) 秒", out).group(1))
    found = re.search(r"PEAK (\d+) (\d+)", err)
    main_mb, worker_mb = (int(found.group(1)) / 1024, int(found.group(2)) / 1024) if found \
        else (None, None)
    return {"wall": wall, "checking": checking, "main_mb": main_mb, "worker_mb": worker_mb}


def paired(folder: Path, output: Path, workers: int, method: str, pairs: int) -> dict:
    """Floor and batch as whole processes, one warm-up each, then A B A B …"""
    whole_process(floor_args(folder, workers, method))  # warm: page cache, imports
    run_batch(folder, output, workers)
    floors, batches = [], []
    for _ in range(pairs):
        floors.append(whole_process(floor_args(folder, workers, method))[0])
        batches.append(run_batch(folder, output, workers))
    ratios = [batch["wall"] / floor for floor, batch in zip(floors, batches, strict=True)]
    return {"floors": floors, "batches": batches, "ratios": ratios,
            "ratio": statistics.median(ratios),
            "floor": statistics.median(floors),
            "batch": statistics.median(batch["wall"] for batch in batches),
            "checking": statistics.median(batch["checking"] for batch in batches)}


def load() -> float | None:
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2000, help="distinct files of the headline")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--memory", default="100,1000,2000,5000,10000",
                        help="numbers of files for the peak-memory runs")
    parser.add_argument("--distinct", type=int, default=10000,
                        help="distinct files at most; larger memory runs copy them round robin")
    parser.add_argument("--repeat", type=int, default=5, help="pairs (floor, batch) timed")
    parser.add_argument("--seed", type=int, default=corpus.DEFAULT_SEED)
    parser.add_argument("--corpus-dir", help="where the corpus is cached (default: temp dir)")
    parser.add_argument("--floor-start", default="fork", choices=("fork", "forkserver", "spawn"),
                        help="how the floor starts its workers")
    parser.add_argument("--no-mix", action="store_true", help="leave out the old 16-file mix")
    parser.add_argument("--write", action="store_true", help="update BENCHMARKS.md")
    options = parser.parse_args()
    workers, method, repeat = options.workers, options.floor_start, options.repeat
    sizes = [int(item) for item in options.memory.split(",") if item]
    distinct = min(options.distinct, max([options.files, *sizes]))
    if options.files > distinct:
        parser.error("--files must not exceed --distinct")

    load_start = load()
    start = time.perf_counter()
    directory = Path(options.corpus_dir) if options.corpus_dir else \
        corpus.default_directory(options.seed)
    cached_before = sum(1 for index in range(distinct)
                        if (directory / corpus.relative_path(index)).exists())
    sources = corpus.ensure_corpus(distinct, directory, options.seed, workers)
    generated = time.perf_counter() - start
    start = time.perf_counter()
    corpus.assert_distinct(sources)
    hashed = time.perf_counter() - start
    layouts = {name: sum(1 for index in range(options.files) if corpus.layout_of(index) == name)
               for name in corpus.LAYOUTS.values()}

    compiled = compile_sources()
    work = Path(tempfile.mkdtemp(prefix="jixiao-batch-bench-"))
    try:
        folder = work / "inbox"
        files = [str(path) for path in view(folder, sources, options.files)]
        count = len(files)
        total_bytes = sum(Path(file).stat().st_size for file in files)
        output = work / "out" / "汇总.xlsx"
        output.parent.mkdir()
        load_before = load()
        head = paired(folder, output, workers, method, repeat)
        cached = run_batch(folder, output, workers, force=False)
        single = run_batch(folder, work / "out1" / "汇总.xlsx", 1)

        floor_one = timed(calamine_read, files)
        sample = files[:100]
        openpyxl_one = timed(openpyxl_load, sample) / len(sample)
        check_sample = files[:400]
        check_loop(check_sample[:20])
        per_file = check_loop(check_sample)
        per_file_cold = check_loop(check_sample, forget=True)

        mix = None
        if not options.no_mix:
            bases = make_bases(work / "bases")
            view(work / "mix", bases, count)
            mix = paired(work / "mix", work / "out-mix" / "汇总.xlsx", workers, method,
                         min(2, repeat))

        memory = []
        for size in sizes:
            target = work / f"mem{size}"
            view(target, sources[:distinct], size)
            result = run_batch(target, work / f"out-mem{size}" / "汇总.xlsx", workers,
                               measured=True)
            memory.append((size, result))
            shutil.rmtree(target, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    load_after = load()

    def rate(seconds: float, files: int = count) -> str:
        return f"{files / seconds:,.0f} 个/秒"

    spread = max(head["ratios"]) / min(head["ratios"])
    busy = []
    generated_now = cached_before < distinct
    if (load_start or 0) >= BUSY_LOAD or (not generated_now and (load_before or 0) >= BUSY_LOAD):
        busy.append(f"the load average was {max(load_start, load_before):.1f} before the "
                    f"measurements (≥ {BUSY_LOAD} with {os.cpu_count()} CPUs)")
    if spread > BUSY_SPREAD:
        busy.append(f"the paired ratios spread by {spread:.2f}× (> {BUSY_SPREAD}×)")
    generation = (f"all {distinct:,} taken from the cache" if not generated_now else
                  f"{distinct - cached_before:,} of {distinct:,} generated in {generated:.0f} s "
                  f"with {workers} processes, the rest from the cache")
    copies = [size for size in sizes if size > distinct]
    lines = [
        f"{count:,} distinct workbooks (`benchmarks/corpus.py`, seed {options.seed}, generator "
        f"{directory.name}; {total_bytes / count / 1024:.1f} KB on average; one table of "
        "4–9 indicators each, about one in seven with a mistake; layouts: "
        f"{', '.join(f'{name} {number}' for name, number in layouts.items())}; "
        f"folders of 100; {generation}; no two share their content: "
        f"{distinct:,} hashes checked in {hashed:.1f} s), "
        f"{platform.python_implementation()} {platform.python_version()}, "
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, "
        f"--workers {workers}; load average (1-minute) {load_start:.1f} at the start, "
        f"{load_before:.1f} before the measurements"
        + (" (after generating the corpus)" if generated_now else "")
        + f", {load_after:.1f} after them (the one after includes the benchmark's own "
        "processes; the one at the start shows anything else running).",
        "",
        ("**The machine was busy**: " + "; ".join(busy) + ". Other work shared the CPUs: "
         "the times below are longer and the ratios less reliable than on a quiet machine."
         if busy else "The machine was quiet (load average below "
         f"{BUSY_LOAD} before the run, paired ratios within {BUSY_SPREAD}× of each other)."),
        "",
        f"jixiao's {compiled} modules compiled to bytecode first, as `pip install` does for "
        "the wheel a user installs. Both whole processes timed the same way (a child "
        "process, start to exit), "
        f"{repeat} pair{'s' if repeat != 1 else ''} alternated after one warm-up of each; the floor's {workers} workers started "
        f"by `{method}`. Ratios of the pairs: "
        + ", ".join(f"{ratio:.1f}×" for ratio in head["ratios"]) + ".",
        "",
        "| measurement | time (median) | throughput | target |",
        "|---|---:|---:|---|",
        f"| calamine-read-only floor as a whole process (start, find, {workers} processes, "
        f"read every sheet, exit) | {head['floor']:.2f} s | {rate(head['floor'])} | |",
        f"| **`jixiao batch DIR -o 汇总.xlsx --workers {workers} --force`**, whole process | "
        f"{head['batch']:.2f} s | **{rate(head['batch'])}** | ≥ 150 个/秒 |",
        f"| **… against the floor, paired** | | **{head['ratio']:.1f}× slower** | "
        "≤ 6× (long-term ≤ 5×) |",
        f"| … its checking phase alone (as it reports it) | {head['checking']:.1f} s | "
        f"{rate(head['checking'])} | |",
        f"| `jixiao batch` again, nothing changed (cache) | {cached['wall']:.2f} s | "
        f"{rate(cached['wall'])} | |",
        f"| `jixiao batch --workers 1`, whole process | {single['wall']:.2f} s | "
        f"{rate(single['wall'])} | |",
        f"| calamine-read-only floor, plain loop in this process | {floor_one:.2f} s | "
        f"{rate(floor_one)} | |",
        f"| openpyxl `load_workbook(data_only=True)`, plain loop, {len(sample)} files | "
        f"{openpyxl_one * 1000:.1f} ms per file | {1 / openpyxl_one:,.0f} 个/秒 | |",
    ]
    if mix:
        lines += [
            f"| old mix ({len(BASES)} files copied round robin to {count:,}): floor, whole "
            f"process | {mix['floor']:.2f} s | {rate(mix['floor'])} | |",
            f"| old mix: `jixiao batch`, whole process | {mix['batch']:.2f} s | "
            f"{rate(mix['batch'])} | |",
            f"| old mix: against its floor, paired ({len(mix['ratios'])} pairs) | | "
            f"{mix['ratio']:.1f}× slower | (not the target: copies keep memos warm) |",
        ]
    lines += [
        "",
        f"One file checked in this process (`check_one`, a plain loop over {len(check_sample)} "
        f"of the files): **{per_file * 1000:.2f} ms** per file; {per_file_cold * 1000:.2f} ms "
        "with every memo of jixiao's pure functions emptied before each file.",
        "",
        f"Peak memory against the number of files (`--workers {workers}`; distinct files up to "
        f"{distinct:,}"
        + (f", beyond that round-robin copies of them: {', '.join(f'{s:,}' for s in copies)}"
           if copies else "") + "):",
        "",
        "| files | whole process | main process peak | largest worker peak | target |",
        "|---:|---:|---:|---:|---|",
    ]
    for size, result in memory:
        lines.append(f"| {size:,} | {result['wall']:.1f} s | {bench_md.megabytes(result['main_mb'])} | "
                     f"{bench_md.megabytes(result['worker_mb'])} | ≤ 300 MB, flat |")
    text = "\n".join(lines)
    print(text)
    if options.write:
        write_section(text)
    return 0



def write_section(text: str) -> None:
    bench_md.write_section("batch", "`jixiao batch`", text, _INTRO)


_INTRO = """`python benchmarks/batch.py --write` rebuilds the tables below in one run on one
machine, on a corpus of distinct workbooks (`benchmarks/corpus.py`: one table of 4–9
indicators each, names, targets, actuals, weights and money varied, some with
mistakes; mostly the standard table, some `jixiao new` forms, 四川 and 评分附件表).
The floor is what reading alone costs with python-calamine (every sheet's values and
merged ranges, nothing else) as a whole process: interpreter start, the files found,
2 worker processes, reading, exit. `jixiao batch` is timed as a user runs it, as a
whole process: interpreter start, discovery, content hashes, the worker processes,
reading, evaluating and checking every table, the cache, the summary workbook, exit.
Both are timed the same way, in pairs alternated (floor, batch, floor, batch …); the
headline is the median ratio of the pairs. Peak memory is the main process's own
high-water mark (`VmHWM`) and the largest worker's (`RUSAGE_CHILDREN`).

"""


if __name__ == "__main__":
    sys.exit(main())
