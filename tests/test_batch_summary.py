"""The summary of jixiao batch at a province's scale: memory flat in the number of files,
every row written, nothing left behind. (tests/test_batch.py checks its contents.)"""

import os
import subprocess
import sys
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

import jixiao.batch_summary as batch_summary
from jixiao.batch import BatchRun, Outcome
from jixiao.batch_summary import GRADES, Summary, write_summary

ROOT = Path(__file__).resolve().parents[1]


def synthetic(number: int, findings: int = 2) -> Outcome:
    """A checked file: one table with ``findings`` findings; every 50th unreadable."""
    file = f"收件/单位{number // 100:04d}/自评表{number:06d}.xlsx"
    if number % 50 == 7:
        return Outcome(file, {"file": file, "findings": [], "error": f"“{file}”已损坏"})
    items = [{"code": f"JX{101 + (number + k) % 7}", "severity": ("error", "warning", "info")[k % 3],
              "sheet": "自评表", "cell": f"F{5 + k}",
              "message": f"第 {k + 1} 个问题：预算执行率得分应为 9.60，表中填的是 10"}
             for k in range(findings)]
    return Outcome(file, {
        "file": file, "sheet": "自评表", "findings": items,
        "project": {"name": f"项目{number}", "department": f"部门{number % 37}", "unit": "某中心"},
        "total_declared": 95.5, "total_computed": 90.0 + number % 10, "grade_declared": "优",
        "grade_computed": GRADES[number % 4]})


def summarise(count: int, output: Path) -> tuple[int, int]:
    """Add ``count`` outcomes and write the summary under tracemalloc: the heap's peak
    while adding, and over the whole (adding and writing)."""
    files = [synthetic(number).file for number in range(count)]  # the run's lists, not ours
    run = BatchRun(files, files, {})
    tracemalloc.start()
    try:
        with Summary() as summary:
            for number in range(count):
                summary.add(synthetic(number))
            adding = tracemalloc.get_traced_memory()[1]
            write_summary(output, summary, run)
        return adding, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_does_not_grow_with_the_number_of_files(tmp_path_factory):
    # Not tmp_path: the reader need not check these big summaries (conftest.py).
    folder = tmp_path_factory.mktemp("summary")
    summarise(10, folder / "warm.xlsx")  # what is imported or cached once, is, before measuring

    few_adding, few = summarise(2_000, folder / "few.xlsx")
    many_adding, many = summarise(20_000, folder / "many.xlsx")
    # 18,000 files more, 58,000 rows more: not 56 bytes more for each file. (Keeping the
    # rows in memory, as before, the peak grew by 126 MB, with three findings a file.)
    assert many_adding - few_adding < 1_000_000, (few_adding, many_adding)
    assert many - few < 1_000_000, (few, many)

    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(folder / "many.xlsx"))
    table = book.get_sheet_by_name("汇总").to_python()
    assert [row[0] for row in table[1:]] == [synthetic(number).file for number in range(20_000)]
    findings = book.get_sheet_by_name("问题明细").to_python()
    assert len(findings) == 1 + 2 * (20_000 - 400)
    assert findings[-1][:3] == [synthetic(19_999).file, "项目19999", "JX102"]
    stats = {row[0]: row[1] for row in book.get_sheet_by_name("统计").to_python() if row[0]}
    assert stats["读出的自评表"] == 19_600 and stats["无法读取的文件"] == 400


def test_adding_is_cheap():
    import time

    outcomes = [synthetic(number, findings=4) for number in range(5_000)]
    with Summary() as summary:
        started = time.process_time()
        for outcome in outcomes:
            summary.add(outcome)
        seconds = time.process_time() - started
    assert summary.counts()["无法读取"] == 100 and summary.finding_count == 4 * 4_900
    assert seconds / len(outcomes) < 200e-6  # measured ~20 µs; the CPUs are shared


def test_rows_past_the_hyperlink_and_row_limits(tmp_path, monkeypatch):
    monkeypatch.setattr(batch_summary, "_MAX_LINKS", 5)
    monkeypatch.setattr(batch_summary, "_MAX_FINDING_ROWS", 7)
    output = tmp_path / "s.xlsx"
    files = [synthetic(number).file for number in range(10)]
    with Summary() as summary:
        for number in range(10):
            summary.add(synthetic(number))
        write_summary(output, summary, BatchRun(files, files, {}))
    book = load_workbook(output)
    table, details = book["汇总"], book["问题明细"]
    assert [cell.hyperlink is not None for cell in table["A"][1:]] == [True] * 5 + [False] * 5
    assert table.max_row == 11 and details.max_row == 8  # 18 findings, the first 7 listed
    assert [cell.hyperlink is not None for cell in details["A"][1:]] == [True] * 5 + [False] * 2
    assert details["A7"].value == synthetic(2).file and details["A7"].font.u is None
    notes = [row[1] for row in book["统计"].iter_rows(values_only=True) if row[0] == "注意"]
    assert any("问题明细只列出前 7 条" in note for note in notes)
    assert any("汇总第 7 行起" in note for note in notes)
    assert any("问题明细第 7 行起" in note for note in notes)


def test_links_are_relative_uris(tmp_path):
    folder = tmp_path / "收件 2024" / "#1"
    folder.mkdir(parents=True)
    file = str(folder / "a b.xlsx")
    (tmp_path / "out").mkdir()
    with Summary() as summary:
        summary.add(Outcome(file, {**synthetic(1).report, "file": file}))
        write_summary(tmp_path / "out" / "s.xlsx", summary, BatchRun([file], [file], {}))
    with zipfile.ZipFile(tmp_path / "out" / "s.xlsx") as archive:
        rels = archive.read("xl/worksheets/_rels/sheet1.xml.rels").decode()
    assert 'Target="../%E6' not in rels  # Chinese stays readable, as Excel writes it
    assert 'Target="../收件%202024/%231/a%20b.xlsx"' in rels
    link = load_workbook(tmp_path / "out" / "s.xlsx")["汇总"]["A2"].hyperlink
    assert link.target == "../收件%202024/%231/a%20b.xlsx" and link.tooltip == "打开文件"


_LEAVES_NOTHING = """
import os, sys
from pathlib import Path
import jixiao.batch_summary as batch_summary
from jixiao.batch import BatchRun
from jixiao.batch_summary import Summary, write_summary
sys.path.insert(0, {tests!r})
from test_batch_summary import synthetic

scratch, output = Path({scratch!r}), Path({output!r})
files = [synthetic(number).file for number in range(1000)]
with Summary() as summary:
    for number in range(1000):  # 3,000 rows: more than one chunk
        summary.add(synthetic(number))
    assert len(list(summary.rows())) == 1000  # in the database now
    if os.name == "posix":  # the database's file has no name left (Windows: until closed)
        assert not list(scratch.iterdir()), list(scratch.iterdir())

    def ctrl_c(*args):
        raise KeyboardInterrupt
    statistics, batch_summary._write_statistics = batch_summary._write_statistics, ctrl_c
    try:
        write_summary(output, summary, BatchRun(files, files, {{}}))
    except KeyboardInterrupt:  # Ctrl-C after both lists were written
        assert not output.exists() and not list(scratch.iterdir()), list(scratch.iterdir())
    else:
        raise AssertionError("not interrupted")
    batch_summary._write_statistics = statistics
    write_summary(output, summary, BatchRun(files, files, {{}}))
print("ok")
"""


def test_the_temporary_database_and_scratch_files_are_removed(tmp_path):
    """SQLite deletes its temporary database itself (at once on POSIX, at close on
    Windows); XlsxWriter's scratch files go in a folder removed even on an error."""
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    output = tmp_path / "汇总.xlsx"
    code = _LEAVES_NOTHING.format(tests=str(ROOT / "tests"), scratch=str(scratch),
                                  output=str(output))
    env = {**os.environ, "TMPDIR": str(scratch), "TEMP": str(scratch), "TMP": str(scratch),
           "SQLITE_TMPDIR": str(scratch),
           "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr
    assert output.is_file() and not list(scratch.iterdir())


@pytest.mark.parametrize("count", [0, 1])
def test_an_empty_or_tiny_batch(tmp_path, count):
    files = [synthetic(number).file for number in range(count)]
    with Summary() as summary:
        for number in range(count):
            summary.add(synthetic(number))
        write_summary(tmp_path / "s.xlsx", summary, BatchRun(files, files, {}))
        assert summary.exit_code() == (1 if count else 0)
    book = load_workbook(tmp_path / "s.xlsx")
    assert book["汇总"].max_row == 1 + count and book["汇总"].auto_filter.ref == f"A1:L{1 + count}"


def varied(number: int) -> Outcome:
    """Outcomes of every shape the 统计 sheet counts: several tables in a file, no
    department, no computed total or grade, a declared grade outside 优良中差."""
    outcome = synthetic(number, findings=number % 4)
    if number % 9 == 4 and outcome.error is None:  # two tables in one file
        second = {**outcome.report, "sheet": "第二张", "findings": [], "grade_declared": None}
        outcome.report = [outcome.report, second]
    for table in outcome.tables:
        if "error" in table:
            continue
        if number % 5 == 1:
            table["project"] = {**table["project"], "department": None}
        if number % 7 == 2:
            table["total_computed"], table["grade_computed"] = None, None
        if number % 11 == 3:
            table["grade_declared"] = "优秀"
    return outcome


def blocks(rows: list[tuple]) -> dict[str, list[tuple]]:
    """The 统计 sheet's blocks: title → data rows (header left out)."""
    found: dict[str, list[tuple]] = {}
    title = None
    for row in rows:
        if row[0] is not None and all(value is None for value in row[1:]):
            title = row[0]
            found[title] = []
        elif row[0] is None:
            title = None
        elif title is not None:
            found[title].append(row)
    widths = {name: sum(value is not None for value in data[0]) for name, data in found.items()}
    return {name: [row[:widths[name]] for row in data[1:]] for name, data in found.items()}


def test_statistics_are_those_pandas_computes_from_the_rows(tmp_path):
    import pandas as pd

    from jixiao.batch_summary import FINDING_COLUMNS, SUMMARY_COLUMNS

    outcomes = [varied(number) for number in range(400)]
    files = [outcome.file for outcome in outcomes]
    with Summary() as summary:
        for outcome in outcomes:
            summary.add(outcome)
        write_summary(tmp_path / "s.xlsx", summary, BatchRun(files, files, {}))
    book = load_workbook(tmp_path / "s.xlsx")
    table = pd.DataFrame(list(book["汇总"].iter_rows(min_row=2, values_only=True)),
                         columns=list(SUMMARY_COLUMNS))
    details = pd.DataFrame(list(book["问题明细"].iter_rows(min_row=2, values_only=True)),
                           columns=list(FINDING_COLUMNS))
    got = blocks([tuple(row) for row in book["统计"].iter_rows(values_only=True)])

    # What the summary computed with pandas from all its rows, before it kept only counts.
    readable = table[table["状态"] != "无法读取"]
    computed = readable["计算等级"].fillna("无法计算").value_counts()
    declared = readable["填报等级"].fillna("未填写").value_counts()
    assert got["评分等级分布"] == [
        (grade, int(computed.get(grade, 0)), int(declared.get(grade, 0))) for grade in GRADES
    ] + [("无法计算/未填写", int(computed.get("无法计算", 0)),
          int(declared[~declared.index.isin(GRADES)].sum()))]
    codes = (details.groupby("代码").agg(次数=("文件", "size"), 涉及文件数=("文件", "nunique"))
             .reset_index().sort_values(["次数", "代码"], ascending=[False, True]))
    assert [(row[0], row[3], row[4]) for row in got["问题代码统计（按次数）"]] == list(
        codes.itertuples(index=False, name=None))
    departments = (readable.assign(部门=readable["主管部门"].fillna("（未填写）"),
                                   有错误=readable["状态"] == "有错误",
                                   总分=pd.to_numeric(readable["计算总分"], errors="coerce"))
                   .groupby("部门")
                   .agg(表数=("文件", "size"), 平均计算总分=("总分", "mean"),
                        有错误的表=("有错误", "sum"), 错误数=("错误数", "sum"),
                        警告数=("警告数", "sum"))
                   .reset_index().sort_values(["表数", "部门"], ascending=[False, True]))
    departments["平均计算总分"] = departments["平均计算总分"].round(2)
    assert got["按主管部门"] == [tuple(value.item() if hasattr(value, "item") else value
                                     for value in row)
                                for row in departments.itertuples(index=False, name=None)]
    overview = dict(got["概况"])
    assert overview["读出的自评表"] == len(readable) and summary.row_count == len(table)
    assert overview["无法读取的文件"] == table.loc[table["状态"] == "无法读取", "文件"].nunique()
    assert (overview["有错误的表"], overview["只有警告的表"], overview["通过的表"]) == tuple(
        int((table["状态"] == status).sum()) for status in ("有错误", "有警告", "通过"))
