"""Benchmark ``jixiao recalc`` on a filled template with 30 indicators.

    python benchmarks/recalc.py            # print the results
    python benchmarks/recalc.py --write    # also update the section in BENCHMARKS.md

In one run, on the same workbook:
- jixiao in-process: ``recalc_file`` (read, evaluate, write the copy), median;
- formulas alone: ``ExcelModel().loads(path).finish().calculate()`` with the JX_
  functions registered (otherwise half the cells are #NAME?), median, import excluded;
- LibreOffice: ``soffice --headless --convert-to csv`` (warm profile), median;
- the whole process ``python -m jixiao recalc IN -o OUT``: wall time and peak
  memory (maximum resident set size), median over runs; also with
  ``--engine formulas`` for comparison.
"""

from __future__ import annotations

import argparse
import contextlib
import io
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
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_md  # noqa: E402  (beside this script)

from jixiao.layout import GROUPS  # noqa: E402
from jixiao.model import FundLine, Funds, Indicator, Project, SelfEvaluation  # noqa: E402
from jixiao.template.build import build_template  # noqa: E402

TARGETS = {  # 二级指标 → (指标值, 完成值) examples; cycled over a group's rows
    "数量指标": [("≥95%", "98%"), ("≥200 人次", "180 人次"), ("=100%", "100%"), ("≥12 次", "12 次")],
    "质量指标": [("≥90%", "85%"), ("合格", "达成"), ("≤2%", "1.5%"), ("100%", "100%")],
    "时效指标": [("及时", "达成"), ("≤3 个工作日", "4 个工作日"), ("2024年12月31日前", "达成")],
    "成本指标": [("≤30 万元", "28.5 万元"), ("≤1200 元/人", "1350 元/人"), ("≤5 万元", "5 万元")],
    "经济效益指标": [("≥10%", "12%"), ("有效", "部分达成"), ("≥50 万元", "42 万元")],
    "社会效益指标": [("显著", "达成"), ("≥85%", "90%"), ("稳步提升", "达成"), ("≥3 项", "3 项")],
    "生态效益指标": [("≤5%", "4%"), ("改善", "达成"), ("≥20 吨", "18 吨")],
    "可持续影响指标": [("长效", "达成"), ("≥3 年", "3 年"), ("健全", "部分达成")],
    "服务对象满意度指标": [("≥95%", "85%"), ("≥90%", "96%"), ("满意", "达成")],
}


def thirty_indicators() -> SelfEvaluation:
    indicators = []
    for level1, level2, rows in GROUPS:
        for row in range(rows):
            target, actual = TARGETS[level2][row % len(TARGETS[level2])]
            judged = 2.2 if actual == "部分达成" else None
            indicators.append(Indicator(level1, level2, f"{level2}{row + 1}", target, actual,
                                        3.0, judged=judged))
    return SelfEvaluation(
        project=Project("基准测试项目", "某局", "某中心", 2024),
        funds=Funds(total=FundLine("年度资金总额", 120.0, 118.6, 117.25),
                    parts=[FundLine("当年财政拨款", 120.0, 118.6, 117.25)], weight=10.0),
        indicators=indicators)


def median_ms(action, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def process(args: list[str], runs: int) -> tuple[float, float | None]:
    """(median wall ms, median peak memory MB) of ``python -m jixiao …args``.

    The peak is the child's own VmHWM, read at its end: the rusage of a child
    counts the pages it shared with this (much larger) process before exec.
    """
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    walls, peaks = [], []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "jixiao", *args], env=env,
                              capture_output=True)
        walls.append((time.perf_counter() - start) * 1000)
        if done.returncode not in (0, 1):
            raise SystemExit(f"jixiao {' '.join(args)} failed: {done.stderr.decode()}")
    if Path("/proc/self/status").exists():
        for _ in range(3):
            done = subprocess.run([sys.executable, "-c", bench_md.MEASURED, "jixiao", *args],
                                  env=env,
                                  capture_output=True, text=True)
            found = re.search(r"PEAK (\d+)", done.stderr)
            if found:
                peaks.append(int(found.group(1)) / 1024)
    return statistics.median(walls), statistics.median(peaks) if peaks else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="update BENCHMARKS.md")
    parser.add_argument("--runs", type=int, default=20, help="runs of the fast measurements")
    options = parser.parse_args()

    from jixiao.recalc.workbook import recalc_file, recalculate

    work = Path(tempfile.mkdtemp(prefix="jixiao-bench-"))
    try:
        source = work / "自评表30.xlsx"
        build_template(source, table=thirty_indicators())
        output = work / "out.xlsx"
        result = recalculate(source)
        assert result.engine == "core" and not result.failures, result.failures
        cells = result.cell_count

        jixiao_ms = median_ms(lambda: recalc_file(source, output), options.runs)
        evaluate_ms = median_ms(lambda: recalculate(source), options.runs)

        import formulas  # noqa: F401 — import time is not part of the measurement

        from jixiao.recalc.general import register_functions

        register_functions()

        def formulas_only() -> None:
            with contextlib.redirect_stderr(io.StringIO()):  # its progress bars
                formulas.ExcelModel().loads(str(source)).finish().calculate()

        formulas_ms = median_ms(formulas_only, 5)
        general_ms = median_ms(lambda: recalc_file(source, output, engine="formulas"), 5)

        whole_ms, whole_mb = process(["recalc", str(source), "-o", str(output)], 10)
        general_whole_ms, general_whole_mb = process(
            ["recalc", str(source), "-o", str(output), "--engine", "formulas"], 3)

        libreoffice_ms = libreoffice(source, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    lines = [
        f"Workbook: the template filled with 30 indicators ({cells} formula cells), "
        f"{platform.python_implementation()} {platform.python_version()}, "
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs.",
        "",
        "| measurement | median | target |",
        "|---|---:|---|",
        f"| jixiao recalc in-process (`recalc_file`: read, evaluate, write) | "
        f"{jixiao_ms:.1f} ms | ≤ 50 ms |",
        f"| … evaluation only (`recalculate`, fast path) | {evaluate_ms:.1f} ms | |",
        f"| formulas alone: `ExcelModel().loads().finish().calculate()` | "
        f"{formulas_ms:.0f} ms | jixiao ≥ 10× faster: **{formulas_ms / jixiao_ms:.0f}×** |",
        f"| jixiao recalc in-process, general engine (`--engine formulas`) | "
        f"{general_ms:.0f} ms | |",
        "| LibreOffice headless `--convert-to csv` (warm profile) | "
        + (f"{libreoffice_ms:.0f} ms" if libreoffice_ms is not None else "not installed")
        + " | |",
        f"| whole process `python -m jixiao recalc IN -o OUT` | {whole_ms:.0f} ms, "
        f"{bench_md.megabytes(whole_mb)} peak memory | ≤ 0.5 s, ≤ 150 MB |",
        f"| whole process with `--engine formulas` | {general_whole_ms:.0f} ms, "
        f"{bench_md.megabytes(general_whole_mb)} peak memory | |",
    ]
    text = "\n".join(lines)
    print(text)
    if options.write:
        write_section(text)
    return 0



def libreoffice(source: Path, work: Path) -> float | None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    profile = (work / "profile").as_uri()
    env = {**os.environ, "HOME": str(work)}

    def convert() -> None:
        subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless",
                        "--convert-to", "csv", "--outdir", str(work / "lo"), str(source)],
                       capture_output=True, timeout=120, env=env, check=True)

    convert()  # the first run creates the profile
    return median_ms(convert, 3)


def write_section(text: str) -> None:
    bench_md.write_section("recalc", "`jixiao recalc`", text, "")


if __name__ == "__main__":
    sys.exit(main())
