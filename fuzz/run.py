"""The long fuzz run: many mutated workbooks through ``jixiao check`` and ``jixiao recalc``.

    python fuzz/run.py                       # 100,000 cases on 2 processes
    python fuzz/run.py --cases 2000          # a short run
    python fuzz/run.py --replay 4711         # one case again, with its traceback
    python fuzz/run.py --write               # also update the section in BENCHMARKS.md

Case ``n`` is ``mutate(base, RandomChoices(n))`` (fuzz/mutate.py), so every case
is reproduced from its number. Each worker process runs cases in-process
(fuzz/harness.py ``exercise``) and measures each case's peak memory (the
kernel's high-water mark, reset before every case). A case that takes longer
than ``--case-seconds`` is interrupted in the worker; one that does not come
back within three times that is killed by the parent: both count as hangs. The
workers' address space is capped (``--memory-mb``), so a runaway case fails
instead of taking the machine.
"""

from __future__ import annotations

import argparse
import collections
import json
import multiprocessing
import os
import platform
import resource
import shutil
import signal
import sys
import tempfile
import time
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(HERE)]

from harness import base_workbooks, exercise  # noqa: E402
from mutate import RandomChoices, mutate  # noqa: E402

MB = 1024 * 1024
LIMIT_MB = 500  # the figure the issue asks to stay under


class CaseTimeout(BaseException):
    """Raised in a worker when a case runs past its time (BaseException: no except catches it)."""


def _on_alarm(signum: int, frame: object) -> None:
    raise CaseTimeout()


def case_input(seed: int, bases: dict[str, bytes]) -> tuple[str, bytes]:
    choices = RandomChoices(seed)
    name = choices.pick(sorted(bases))
    return name, mutate(bases[name], choices)


def _peak_kb() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _reset_peak() -> None:
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as clear:
            clear.write("5")  # the high-water mark starts again from the current size
    except OSError:
        pass


def worker(number: int, seeds: list[int], bases: dict[str, bytes], results: object,
           current: object, case_seconds: float, memory_mb: int) -> None:
    warnings.simplefilter("ignore")
    resource.setrlimit(resource.RLIMIT_AS, (memory_mb * MB, memory_mb * MB))
    signal.signal(signal.SIGALRM, _on_alarm)
    from jixiao.recalc.general import register_functions

    register_functions()  # importing the engine (1-6 s, once per process) is no case's time
    workdir = Path(tempfile.mkdtemp(prefix=f"jixiao-fuzz-{number}-",
                                    dir="/dev/shm" if os.path.isdir("/dev/shm") else None))
    try:
        _run_cases(number, seeds, bases, results, current, case_seconds, memory_mb, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    current[number] = -1  # type: ignore[index]


def _run_cases(number: int, seeds: list[int], bases: dict[str, bytes], results: object,
               current: object, case_seconds: float, memory_mb: int, workdir: Path) -> None:
    for seed in seeds:
        current[number] = seed  # type: ignore[index]
        name, data = case_input(seed, bases)
        path = workdir / f"case{Path(name).suffix}"
        path.write_bytes(data)
        _reset_peak()
        started = time.perf_counter()
        signal.setitimer(signal.ITIMER_REAL, case_seconds)
        try:
            problems = exercise(path, workdir)
        except CaseTimeout:
            problems = [f"hang: over {case_seconds:g} s"]
        except MemoryError:
            problems = [f"memory: over {memory_mb} MB of address space"]
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        elapsed = time.perf_counter() - started
        results.put((seed, name, problems, elapsed, _peak_kb()))  # type: ignore[attr-defined]


def run(cases: int, workers: int, first: int, case_seconds: float, memory_mb: int,
        progress: bool = True) -> dict[str, object]:
    bases = base_workbooks()
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    current = context.Array("q", [-2] * workers)
    plan = {number: list(range(first + number, first + cases, workers))
            for number in range(workers)}
    processes: dict[int, multiprocessing.process.BaseProcess] = {}
    started_case: dict[int, tuple[int, float]] = {}

    def start(number: int, seeds: list[int]) -> None:
        process = context.Process(target=worker, daemon=True,
                                  args=(number, seeds, bases, results, current, case_seconds,
                                        memory_mb))
        process.start()
        processes[number] = process

    for number, seeds in plan.items():
        start(number, seeds)
    problems: dict[str, list[int]] = collections.defaultdict(list)
    hangs: list[int] = []
    peaks: list[tuple[int, int]] = []  # (kB, seed)
    over_limit: list[int] = []
    slowest: tuple[float, int] = (0.0, -1)
    wall = time.perf_counter()
    total = 0
    by_base: dict[str, int] = collections.Counter()
    while total < cases:
        try:
            seed, name, found, elapsed, peak = results.get(timeout=1)
        except Exception:  # noqa: BLE001 — queue.Empty: look at the workers
            seed = None
        if seed is not None:
            total += 1
            by_base[name] += 1
            peaks.append((peak, seed))
            peaks = sorted(peaks, reverse=True)[:5]
            if peak > LIMIT_MB * 1024:
                over_limit.append(seed)
            slowest = max(slowest, (elapsed, seed))
            for problem in found:
                if problem.startswith("hang"):
                    hangs.append(seed)
                problems[_signature(problem)].append(seed)
            if progress and total % 1000 == 0:
                rate = total / (time.perf_counter() - wall)
                print(f"{total:>7} cases  {rate:6.1f}/s  problems {sum(map(len, problems.values()))}"
                      f"  peak {peaks[0][0] // 1024} MB", flush=True)
        elif all(not process.is_alive() for process in processes.values()):
            break  # every worker has finished (or died before saying which case)
        now = time.monotonic()
        for number, process in list(processes.items()):
            seed_now = current[number]
            if seed_now < 0:
                continue
            previous = started_case.get(number)
            if previous is None or previous[0] != seed_now:
                started_case[number] = (seed_now, now)
            elif now - previous[1] > 3 * case_seconds:  # stuck past its own alarm: kill it
                process.kill()
                process.join()
                total += 1
                hangs.append(seed_now)
                problems[f"hang: killed after {3 * case_seconds:g} s"].append(seed_now)
                remaining = [s for s in plan[number] if s > seed_now]
                plan[number] = remaining
                current[number] = -2
                started_case.pop(number, None)
                start(number, remaining)
            elif not process.is_alive() and process.exitcode not in (0, None):
                total += 1
                problems[f"worker died: exit {process.exitcode}"].append(seed_now)
                remaining = [s for s in plan[number] if s > seed_now]
                plan[number] = remaining
                start(number, remaining)
    for process in processes.values():
        process.join(timeout=10)
    seconds = time.perf_counter() - wall
    crashes = {signature: seeds for signature, seeds in problems.items()
               if not signature.startswith("hang")}
    return {
        "cases": total,
        "workers": workers,
        "seconds": round(seconds, 1),
        "cases_per_second": round(total / seconds, 1),
        "crashes": sum(map(len, crashes.values())),
        "crash_kinds": {signature: seeds[:5] for signature, seeds in crashes.items()},
        "hangs": len(hangs),
        "hang_seeds": hangs[:10],
        "peak_mb": round(peaks[0][0] / 1024) if peaks else 0,
        "peak_seeds": [seed for _, seed in peaks],
        "over_500_mb": len(over_limit),
        "slowest_seconds": round(slowest[0], 2),
        "slowest_seed": slowest[1],
        "by_base": dict(by_base),
        "first": first,
        "case_seconds": case_seconds,
        "memory_mb": memory_mb,
    }


def _signature(problem: str) -> str:
    """A problem without the details that differ from case to case."""
    return ": ".join(problem.split(": ", 2)[:2]) if " at " in problem else problem[:120]


def replay(seed: int) -> int:
    """Run one case in this process and show what it does."""
    import traceback

    bases = base_workbooks()
    name, data = case_input(seed, bases)
    with tempfile.TemporaryDirectory(prefix="jixiao-replay-") as folder:
        path = Path(folder) / f"case{Path(name).suffix}"
        path.write_bytes(data)
        print(f"case {seed}: {name} mutated, {len(data)} bytes -> {path}")
        from jixiao.checks import run_checks
        from jixiao.errors import JixiaoError
        from jixiao.model import evaluate
        from jixiao.read.workbook import read_workbook
        from jixiao.recalc.workbook import recalc_file

        for step in ("check", "recalc"):
            try:
                if step == "check":
                    for table in read_workbook(path).tables:
                        run_checks(table, evaluate(table))
                else:
                    recalc_file(path, Path(folder) / f"out{path.suffix}", force=True)
                print(f"{step}: ok")
            except JixiaoError as error:
                print(f"{step}: refused: {error}")
            except Exception:  # noqa: BLE001
                print(f"{step}: CRASH")
                traceback.print_exc()
        keep = Path(tempfile.gettempdir()) / f"jixiao-fuzz-case-{seed}{path.suffix}"
        keep.write_bytes(data)
        print(f"saved as {keep}")
    return 0


def markdown(summary: dict[str, object]) -> str:
    crashes = summary["crashes"]
    kinds = summary["crash_kinds"]
    lines = [
        f"Run: `python fuzz/run.py --cases {summary['cases']} --workers {summary['workers']}` "
        f"(cases {summary['first']}…), CPython {platform.python_version()}, "
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs.",
        "",
        "| measurement | figure | target |",
        "|---|---:|---|",
        f"| mutated workbooks run (check + recalc each) | {summary['cases']:,} | ≥ 100,000 |",
        f"| uncaught exceptions (crashes) | {crashes} | 0 |",
        f"| hangs (over {summary['case_seconds']:g} s) | {summary['hangs']} | 0 |",
        f"| highest peak memory of a case (process high-water mark) | "
        f"{summary['peak_mb']} MB | ≤ 500 MB |",
        f"| cases over 500 MB | {summary['over_500_mb']} | 0 |",
        f"| slowest case | {summary['slowest_seconds']} s | |",
        f"| wall time, 2 processes | {float(summary['seconds']) / 60:.0f} min "
        f"({summary['cases_per_second']} cases/s) | |",
    ]
    if kinds:
        lines += ["", "Crash kinds (seeds to replay):", ""]
        lines += [f"- `{kind}`: {seeds}" for kind, seeds in kinds.items()]  # type: ignore[union-attr]
    return "\n".join(lines) + "\n"


def write_benchmarks(summary: dict[str, object]) -> None:
    path = ROOT / "BENCHMARKS.md"
    text = path.read_text(encoding="utf-8")
    start, end = "<!-- fuzz:start -->\n", "<!-- fuzz:end -->"
    text = text[:text.index(start) + len(start)] + markdown(summary) + text[text.index(end):]
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--first", type=int, default=0, help="number of the first case")
    parser.add_argument("--case-seconds", type=float, default=20.0)
    parser.add_argument("--memory-mb", type=int, default=2048,
                        help="address-space cap of a worker (not its resident memory)")
    parser.add_argument("--replay", type=int, default=None, metavar="CASE")
    parser.add_argument("--json", metavar="FILE", help="also write the summary as JSON")
    parser.add_argument("--write", action="store_true", help="update BENCHMARKS.md")
    args = parser.parse_args(argv)
    if args.replay is not None:
        return replay(args.replay)
    summary = run(args.cases, args.workers, args.first, args.case_seconds, args.memory_mb)
    print(json.dumps(summary, ensure_ascii=False, indent=1))
    print(markdown(summary))
    if args.json:
        Path(args.json).write_text(json.dumps(summary, ensure_ascii=False, indent=1),
                                   encoding="utf-8")
    if args.write:
        write_benchmarks(summary)
    return 1 if summary["crashes"] or summary["hangs"] else 0


if __name__ == "__main__":
    sys.exit(main())
