"""The summary of jixiao batch at a province's scale: memory flat in the number of files,
every row written, nothing left behind. (tests/batch/test_batch.py checks its contents.)"""

import os
import re
import subprocess
import sys
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

import jixiao.batch.summary_book as batch_summary
from jixiao.batch.run import BatchRun, Outcome
from jixiao.batch.summary_book import GRADES, Summary, write_summary
from jixiao.rules import grade_name, round2

ROOT = Path(__file__).resolve().parents[2]


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


def path(row) -> str:
    """A 汇总 row's file: its 文件夹 and 文件名."""
    return f"{row[12]}/{row[0]}" if row[12] else row[0]


def summarise(count: int, output: Path) -> tuple[int, int]:
    """Add ``count`` outcomes and write the summary under tracemalloc: the heap's peak
    while adding, and over the whole (adding and writing)."""
    files = [synthetic(number).file for number in range(count)]  # the run's lists, not ours
    run = BatchRun(files, files, {})
    tracemalloc.start()
    try:
        with Summary(output, files) as summary:  # as jixiao batch: rows written as they come
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

    few_adding, few = summarise(1_000, folder / "few.xlsx")
    many_adding, many = summarise(7_000, folder / "many.xlsx")
    # 6,000 files more, 19,000 rows more: not 160 bytes more for each file. (Keeping the
    # rows in memory, as before, the peak grew by 126 MB over 18,000 files, with three
    # findings a file: 42 MB over these 6,000.)
    assert many_adding - few_adding < 1_000_000, (few_adding, many_adding)
    assert many - few < 1_000_000, (few, many)

    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(folder / "many.xlsx"))
    table = book.get_sheet_by_name("汇总").to_python()
    assert [path(row) for row in table[1:]] == [synthetic(number).file for number in range(7_000)]
    findings = book.get_sheet_by_name("问题明细").to_python()
    assert len(findings) == 1 + 2 * (7_000 - 140)
    assert findings[-1][:3] == [synthetic(6_999).file, "项目6999", "JX101"]
    stats = {row[0]: row[1] for row in book.get_sheet_by_name("统计").to_python() if row[0]}
    assert stats["读出的自评表"] == 6_860 and stats["无法读取的文件"] == 140


def test_rows_are_written_as_they_come(tmp_path):
    """Each file's rows go to the sheets the moment its turn in path order comes: nothing
    waits in memory while the files come in order, and one file late holds back only
    the files after it. (What a row costs is measured with the whole batch, in
    BENCHMARKS.md, not here.)"""
    outcomes = [synthetic(number, findings=4) for number in range(2_000)]
    files = [outcome.file for outcome in outcomes]
    with Summary(tmp_path / "s.xlsx", files) as summary:
        for number, outcome in enumerate(outcomes):
            summary.add(outcome)
            assert summary._next == number + 1 and not summary._waiting
    assert summary.counts()["无法读取"] == 40 and summary.finding_count == 4 * 1_960
    with Summary(tmp_path / "late.xlsx", files) as summary:
        for outcome in outcomes[1:]:
            summary.add(outcome)
        assert summary._next == 0 and len(summary._waiting) == 1_999
        summary.add(outcomes[0])
        assert summary._next == 2_000 and not summary._waiting


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
import jixiao.batch.summary_book as batch_summary
from jixiao.batch.run import BatchRun
from jixiao.batch.summary_book import Summary, write_summary
sys.path.insert(0, {tests!r})
from test_batch_summary import synthetic

scratch, output = Path({scratch!r}), Path({output!r})
files = [synthetic(number).file for number in range(1000)]
with Summary(output, files) as summary:  # stopped before it was written: nothing is left
    for number in range(500):
        summary.add(synthetic(number))
    assert list(scratch.iterdir()) and not output.exists()  # XlsxWriter's scratch folder
assert not output.exists() and not list(scratch.iterdir()), list(scratch.iterdir())

with Summary(output, files) as summary:
    for number in range(1000):  # 3,000 rows, written as they come
        summary.add(synthetic(number))
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

with Summary(output, files) as summary:
    for number in reversed(range(1000)):  # in any order: written in path order
        summary.add(synthetic(number))
    write_summary(output, summary, BatchRun(files, files, {{}}))
print("ok")
"""


def test_scratch_files_are_removed_and_a_stopped_summary_leaves_nothing(tmp_path):
    """XlsxWriter's scratch files go in a folder removed even on an error or when the
    summary is never written; the summary's file is made only when it is written."""
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    output = tmp_path / "汇总.xlsx"
    code = _LEAVES_NOTHING.format(tests=str(ROOT / "tests" / "batch"), scratch=str(scratch),
                                  output=str(output))
    env = {**os.environ, "TMPDIR": str(scratch), "TEMP": str(scratch), "TMP": str(scratch),
           "SQLITE_TMPDIR": str(scratch),
           "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr
    assert output.is_file() and not list(scratch.iterdir())
    from python_calamine import CalamineWorkbook

    table = CalamineWorkbook.from_path(str(output)).get_sheet_by_name("汇总").to_python()
    assert [path(row) for row in table[1:]] == sorted(synthetic(number).file
                                                   for number in range(1000))


def test_rows_come_out_of_order_and_some_never(tmp_path):
    """Outcomes arrive as workers finish; a stopped run lacks some: the rows are in path
    order all the same, each file once, the missing ones left out."""
    files = [synthetic(number).file for number in range(40)]
    arrival = [*range(8, 16), *range(0, 8), *range(30, 40), *range(16, 24)]  # 24–29 never
    with Summary(tmp_path / "s.xlsx", files) as summary:
        for number in arrival:
            summary.add(synthetic(number))
        write_summary(tmp_path / "s.xlsx", summary, BatchRun(files, files[:34], {}))
    table = load_workbook(tmp_path / "s.xlsx")["汇总"]
    assert [path(row) for row in table.iter_rows(min_row=2, values_only=True)] == \
        [synthetic(number).file for number in sorted(arrival)]


@pytest.mark.parametrize("count", [0, 1])
def test_an_empty_or_tiny_batch(tmp_path, count):
    files = [synthetic(number).file for number in range(count)]
    with Summary() as summary:
        for number in range(count):
            summary.add(synthetic(number))
        write_summary(tmp_path / "s.xlsx", summary, BatchRun(files, files, {}))
        assert summary.exit_code() == (1 if count else 0)
    book = load_workbook(tmp_path / "s.xlsx")
    assert book["汇总"].max_row == 1 + count and book["汇总"].auto_filter.ref == f"A1:P{1 + count}"


def varied(number: int) -> Outcome:
    """Outcomes of every shape the 统计 sheet counts: several tables in a file, no
    department, no computed total or grade, a declared grade outside 优良中差, a form
    not filled in whose template wrote 9.98 and 差 (neither counted)."""
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
            table["grade_declared"] = "优秀"  # 优, as the table names it
        if number % 13 == 4:
            table["grade_declared"] = "√优 □良 □中 □差"  # ticked: 优
        if number % 17 == 5:
            table["grade_declared"] = "A"  # no grade
        if number % 19 == 6:
            table.update(not_filled_in=True, total_declared=9.98, grade_declared="差",
                         total_computed=9.98, grade_computed=None, findings=[
                             {"code": "JX001", "severity": "error", "sheet": "自评表",
                              "cell": "D10", "message": "自评表未填写：没有填写任何三级指标，是空表"}])
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

    from jixiao.batch.summary_book import FINDING_COLUMNS, SUMMARY_COLUMNS

    outcomes = [varied(number) for number in range(400)]
    files = [outcome.file for outcome in outcomes]
    with Summary() as summary:
        for outcome in outcomes:
            summary.add(outcome)
        write_summary(tmp_path / "s.xlsx", summary, BatchRun(files, files, {}))
    book = load_workbook(tmp_path / "s.xlsx")
    table = pd.DataFrame(list(book["汇总"].iter_rows(min_row=2, values_only=True)),
                         columns=list(SUMMARY_COLUMNS))
    table["文件"] = [path(row) for row in table.itertuples(index=False)]
    details = pd.DataFrame(list(book["问题明细"].iter_rows(min_row=2, values_only=True)),
                           columns=list(FINDING_COLUMNS))
    got = blocks([tuple(row) for row in book["统计"].iter_rows(values_only=True)])

    # What the summary computed with pandas from all its rows, before it kept only counts.
    readable = table[table["状态"] != "无法读取"]
    computed = readable["计算等级"].fillna("无法计算").value_counts()
    filled = readable["状态"] != "未填写"  # a form not filled in: its 9.98 and 差 are no result
    declared = (readable["填报等级"].where(filled).map(grade_name)  # 优秀 is 优
                .fillna("未填写").value_counts())
    assert got["评分等级分布"] == [
        (grade, int(computed.get(grade, 0)), int(declared.get(grade, 0))) for grade in GRADES
    ] + [("无法计算/未填写", int(computed.get("无法计算", 0)),
          int(declared[~declared.index.isin(GRADES)].sum()))]
    # by code and the severity each finding was given (JX306: 警告 under sichuan, else 提示)
    codes = (details.groupby(["代码", "级别"])
             .agg(次数=("文件", "size"), 涉及文件数=("文件", "nunique"))
             .reset_index().sort_values(["次数", "代码", "级别"], ascending=[False, True, True]))
    assert [(row[0], row[1], row[3], row[4]) for row in got["问题代码统计（按次数）"]] == list(
        codes.itertuples(index=False, name=None))
    departments = (readable.assign(部门=readable["主管部门"].fillna("（未写主管部门）"),
                                   有错误=readable["状态"] == "有错误", 未填写=~filled,
                                   总分=pd.to_numeric(readable["计算总分"], errors="coerce")
                                   .where(filled))
                   .groupby("部门")
                   .agg(表数=("文件", "size"), 平均计算总分=("总分", "mean"),
                        有错误的表=("有错误", "sum"), 错误数=("错误数", "sum"),
                        警告数=("警告数", "sum"), 未填写的表=("未填写", "sum"))
                   .reset_index())
    # the most tables first; ties in natural order, as the 汇总 rows (部门3 before 部门12)
    natural = [tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name))
               for name in departments["部门"]]
    departments = departments.iloc[sorted(range(len(departments)), key=lambda at: (
        -departments["表数"].iloc[at], natural[at]))]
    # half-up, as Excel's ROUND and jixiao's rules.round2 (部门23: 95.625 → 95.63, where
    # pandas' round gives 95.62)
    departments["平均计算总分"] = departments["平均计算总分"].map(round2)
    assert got["按主管部门"] == [tuple(value.item() if hasattr(value, "item") else value
                                     for value in row)
                                for row in departments.itertuples(index=False, name=None)]
    overview = dict(got["概况"])
    assert overview["读出的自评表"] == len(readable) and summary.row_count == len(table)
    assert overview["无法读取的文件"] == table.loc[table["状态"] == "无法读取", "文件"].nunique()
    assert (overview["未填写的表（应整表退回重填）"], overview["有错误的表"], overview["只有警告的表"],
            overview["通过的表"]) == tuple(int((table["状态"] == status).sum())
                                        for status in ("未填写", "有错误", "有警告", "通过")) \
        and overview["未填写的表（应整表退回重填）"] > 10


# ---------------------------------------------------------------- rows written by hand

def awkward_values(count: int) -> list[list]:
    """Rows of every kind of value a list sheet may be given, mixed at random."""
    import random

    texts = ["", " ", "  两端有空格  ", "\t制表符", "行末换行\n", "第一行\n第二行", "\u3000全角空格",
             "不换行空格\xa0", "&<>\"'", "A & B <c> \"d\"", "=SUM(A1:A9)", "=1/0", "+1", "-1",
             "http://example.com/a?b=1&c=2", "'收件'!F5", "控制\x00\x01\x08\x0b\x0c\x0e\x1f字符",
             "回车\r\n", "_x0041_ 像转义", "_x00ff_", "_x004G_", "\ufffe\uffff", "仅\uffff",
             "\x0b开头", "结尾\x1f",
             "emoji 😀 在此", "é ü ß", "<r><t>富文本?</t></r>", "<r>", "</r>", "]]>", "x" * 40_000,
             "😀" * 17_000, "自" * 33_000, "0123", "1e5", "TRUE", "#N/A"]
    numbers = [0, 1, -1, 7, 10**15, 10**16 + 1, -(2**62), 0.1, 1 / 3, 95.5, -0.0, 1e-300,
               1.7976931348623157e308, 5e-324, 123456789.123456789, True, False,
               float("inf"), float("-inf"), float("nan")]
    others = [None, None, None, b"bytes", Path("a/b.xlsx")]
    every = texts + numbers + others
    pick = random.Random(20240).choice
    # each value once in every column, then at random
    return [[every[(row + column) % len(every)] if row < len(every)
             else pick(pick((texts, numbers, others, texts))) for column in range(9)]
            for row in range(count)]


def write_with(path: Path, rows: list[list], by_hand: bool) -> None:
    """A list sheet, its rows written by ``append_row`` or by XlsxWriter's own calls with
    the meaning ``append_row`` gives its values; a few rows linked, a few not."""
    import math

    from jixiao.xlsx.stream_writer import LinkedSheet, StreamingWorkbook

    book = StreamingWorkbook(str(path), {
        "constant_memory": True, "tmpdir": str(path.parent), "strings_to_numbers": False,
        "strings_to_formulas": False, "strings_to_urls": False})
    header = book.add_format({"bold": True, "bottom": 1})
    link = book.add_format({"font_color": "#0563C1", "underline": 1})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    number = book.add_format({"num_format": "0.00"})
    ws = book.add_worksheet("列表", LinkedSheet)
    ws.freeze_panes(1, 1)
    ws.autofilter(0, 0, len(rows), 8)
    ws.write_row(0, 0, [f"列{column}" for column in range(9)], header)
    formats = [None, None, number, None, None, number, None, None, wrap]
    for row, values in enumerate(rows, start=1):
        if row % 3:
            ws.link(row, 0, f"../收件/{row}.xlsx", f"'表'!A{row}" if row % 2 else None, "打开文件")
        formats[0] = link if row % 3 else None
        if by_hand:
            ws.append_row(row, values, formats)
            continue
        for column, (value, cell_format) in enumerate(zip(values, formats, strict=True)):
            if value is None or isinstance(value, float) and not math.isfinite(value):
                continue
            if isinstance(value, (int, float)) and not isinstance(value, str):
                ws.write_number(row, column, value, cell_format)
            else:
                ws.write_string(row, column, value if isinstance(value, str) else str(value),
                                cell_format)
    ws.set_column(0, 8, 20)
    book.close()


def test_rows_written_by_hand_are_the_bytes_xlsxwriter_writes(tmp_path):
    """``append_row`` writes a row's XML itself: exactly what ``write_string`` and
    ``write_number`` write, for texts that need escaping, control characters, long
    texts, texts that look like formulas or links, numbers of every size, empty cells."""
    rows = awkward_values(400)
    rows = [[None if isinstance(value, str) and value.startswith("<r>") and value.endswith("</r>")
             else value for value in values] for values in rows]  # see the next test
    rows[5] = [None] * 9           # a row with no cells at all
    rows[6] = [None] * 8 + ["末列"]  # a row with its only cell last
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    write_with(tmp_path / "a" / "s.xlsx", rows, by_hand=False)
    write_with(tmp_path / "b" / "s.xlsx", rows, by_hand=True)
    with zipfile.ZipFile(tmp_path / "a" / "s.xlsx") as a, \
            zipfile.ZipFile(tmp_path / "b" / "s.xlsx") as b:
        assert a.namelist() == b.namelist()
        for name in a.namelist():
            if name != "docProps/core.xml":  # the time it was written
                assert a.read(name) == b.read(name), name
    sheet = load_workbook(tmp_path / "b" / "s.xlsx")["列表"]
    assert sheet.max_row == 401 and sheet["A2"].hyperlink is not None


def test_a_text_that_looks_like_rich_text_stays_text(tmp_path):
    # XlsxWriter copies "<r>…</r>" into the sheet as XML; a workbook's own text could
    # then break the summary. append_row escapes it like any text.
    text = '<r><rPr><b/></rPr><t>粗体</t></r><r><t x="</t>">'
    write_with(tmp_path / "s.xlsx", [[text, "<r>", None, None, None, None, None, None, "</r>"]],
               by_hand=True)
    sheet = load_workbook(tmp_path / "s.xlsx")["列表"]
    assert [sheet["A2"].value, sheet["B2"].value, sheet["I2"].value] == [text, "<r>", "</r>"]


def test_rows_by_hand_go_below_those_written_and_xlsxwriter_can_go_on(tmp_path):
    from jixiao.xlsx.stream_writer import LinkedSheet, StreamingWorkbook

    book = StreamingWorkbook(str(tmp_path / "s.xlsx"), {"constant_memory": True,
                                                        "tmpdir": str(tmp_path)})
    ws = book.add_worksheet("列表", LinkedSheet)
    ws.write_string(0, 0, "表头")
    ws.append_row(1, ["甲", 1], [None, None])
    with pytest.raises(ValueError):
        ws.append_row(1, ["again"], [None])
    ws.write_string(2, 1, "XlsxWriter 接着写")
    with pytest.raises(ValueError):
        ws.append_row(2, ["同一行"], [None])
    ws.append_row(4, ["乙", None, 2.5], [None, None, None])
    book.close()
    sheet = load_workbook(tmp_path / "s.xlsx")["列表"]
    assert [list(row) for row in sheet.iter_rows(values_only=True)] == [
        ["表头", None, None], ["甲", 1, None], [None, "XlsxWriter 接着写", None],
        [None, None, None], ["乙", None, 2.5]]
    assert sheet.dimensions == "A1:C5"


def test_a_folder_without_workbooks_is_said_so(tmp_path, capsys):
    """A reviewer pointing at the wrong folder: a message naming it and the formats looked
    for, exit 2, no summary written (before: exit 0 and “没有找到 .xlsx/.xlsm 文件”)."""
    from jixiao.cli.main import main

    (tmp_path / "收件").mkdir()
    assert main(["batch", str(tmp_path / "收件"), "-o", str(tmp_path / "汇总.xlsx")]) == 2
    error = capsys.readouterr().err
    assert "收件" in error and ".ods" in error and not (tmp_path / "汇总.xlsx").exists()


def _project_file(file: str, name: str | None, errors: int = 0, content: str = ""):
    from dataclasses import replace

    from jixiao.batch.summary import FileSummary

    report = {"file": file, "sheet": "自评表", "project": {
        "name": name, "department": "某局", "unit": "甲单位"},
        "findings": [{"code": "JX405", "severity": "error", "sheet": "自评表", "cell": "H12",
                      "message": "x"}] * errors,
        "total_declared": 95, "total_computed": 95, "grade_declared": "优", "grade_computed": "优"}
    return replace(FileSummary.from_report(file, report), content=content)


def test_versions_of_one_project_say_so_and_are_counted_as_one_project(tmp_path):
    """rt21 #2: 自评表.xlsx (with an error), 自评表(修改版).xlsx and 最终.xlsx of one project
    were three independent rows. Each still has its row and is counted as a table; 原因
    names the other files (those of its folder by name, the others below the inbox), 统计 says how many
    projects there are and which were sent in several files. A duplicate (same bytes)
    stays a duplicate; tables without a 项目名称 are never grouped."""
    files = [_project_file("收件/乙/最终.xlsx", "重点项目甲"),
             _project_file("收件/甲/自评表 - 副本.xlsx", "重点项目甲", 1, "ab" * 32),
             _project_file("收件/甲/无名.xlsx", None),
             _project_file("收件/甲/无名2.xlsx", None),
             _project_file("收件/甲/自评表(修改版).xlsx", "重点项目　甲"),  # 全角空格: the same
             _project_file("收件/甲/自评表.xlsx", "重点项目甲", 1, "ab" * 32)]
    order = sorted(item.file for item in files)
    summary = Summary()
    for item in reversed(files):
        summary.add(item)
    output = write_summary(tmp_path / "汇总.xlsx", summary, BatchRun(order, order, {}))
    book = load_workbook(output)
    reasons = {row[0]: row[11] for row in book["汇总"].iter_rows(min_row=2, values_only=True)}
    assert reasons == {
        "最终.xlsx": "同一项目共 3 个文件：另见“收件/甲/自评表.xlsx”、“收件/甲/自评表(修改版).xlsx”"
                   "（项目名称和单位相同，内容不同）",  # before the others, in another folder
        "自评表 - 副本.xlsx": "与“收件/甲/自评表.xlsx”内容相同",
        "无名.xlsx": None, "无名2.xlsx": None,
        "自评表(修改版).xlsx": "同一项目共 3 个文件：另见“收件/乙/最终.xlsx”、“自评表.xlsx”"
                            "（项目名称和单位相同，内容不同）",
        "自评表.xlsx": "同一项目共 3 个文件：另见“收件/乙/最终.xlsx”、“自评表(修改版).xlsx”"
                     "（项目名称和单位相同，内容不同）"}
    stats = [row for row in book["统计"].iter_rows(values_only=True) if row[0]]
    labels = {row[0]: row[1] for row in stats}
    assert (labels["读出的自评表"], labels["其中不同的项目（项目名称和单位相同的算一个）"],
            labels["有错误的表"], labels["重复提交的文件（与另一文件内容相同，不重复计数）"]) == (5, 3, 1, 1)
    assert ("注意", "1 个项目各有多份内容不同的表（项目名称和单位相同，可能是修改后重新提交的版本），"
                   "各自计数，请确认以哪一份为准：“重点项目甲”：“收件/乙/最终.xlsx”、“收件/甲/自评表.xlsx”、"
                   "“收件/甲/自评表(修改版).xlsx”") in [row[:2] for row in stats]


def test_a_project_sent_many_times_names_only_its_first_files(tmp_path):
    files = [_project_file(f"收件/甲/v{number}.xlsx", "重点项目甲") for number in range(8)]
    order = [item.file for item in files]
    summary = Summary()
    for item in files:
        summary.add(item)
    output = write_summary(tmp_path / "汇总.xlsx", summary, BatchRun(order, order, {}))
    reasons = [row[11] for row in load_workbook(output)["汇总"].iter_rows(min_row=2, values_only=True)]
    assert reasons[7] == ("同一项目共 8 个文件：另见“v0.xlsx”、“v1.xlsx”、“v2.xlsx”、“v3.xlsx”、"
                          "“v4.xlsx”、“v5.xlsx”等（项目名称和单位相同，内容不同）")
    assert reasons[0] == ("同一项目共 8 个文件：另见“v1.xlsx”、“v2.xlsx”、“v3.xlsx”、“v4.xlsx”、"
                          "“v5.xlsx”等（项目名称和单位相同，内容不同）")


def test_a_project_sent_many_times_tells_which_declare_the_same(tmp_path):
    """Versions compared table by table (JSON ``content``): v0 and v7 declare the same,
    the others each something else — each row says which of its project's others are
    alike, those beyond the first six named by their number."""
    from dataclasses import replace

    files = []
    for number in range(8):
        item = _project_file(f"收件/甲/v{number}.xlsx", "重点项目甲")
        table = replace(item.tables[0], content="a" * 16 if number in (0, 7) else f"{number:016x}")
        files.append(replace(item, tables=(table,)))
    order = [item.file for item in files]
    summary = Summary()
    for item in files:
        summary.add(item)
    output = write_summary(tmp_path / "汇总.xlsx", summary, BatchRun(order, order, {}))
    reasons = [row[11] for row in load_workbook(output)["汇总"].iter_rows(min_row=2, values_only=True)]
    assert reasons[0] == ("同一项目共 8 个文件（项目名称和单位相同）：与另外 1 个文件内容相同，与“v1.xlsx”、"
                          "“v2.xlsx”、“v3.xlsx”、“v4.xlsx”、“v5.xlsx”等内容不同")
    assert reasons[7] == ("同一项目共 8 个文件（项目名称和单位相同）：与“v0.xlsx”内容相同，与“v1.xlsx”、"
                          "“v2.xlsx”、“v3.xlsx”、“v4.xlsx”、“v5.xlsx”等内容不同")
    assert reasons[1] == ("同一项目共 8 个文件：另见“v0.xlsx”、“v2.xlsx”、“v3.xlsx”、“v4.xlsx”、"
                          "“v5.xlsx”等（项目名称和单位相同，内容不同）")


def test_a_summary_row_s_columns_are_taken_by_their_names():
    """The 汇总 row's 状态, 原因 and project columns are read by name (``SUMMARY_COLUMNS``),
    not by a position written twice: a note joins the 原因 in the order given, an empty
    one left out; the project is 项目名称, 主管部门, 实施单位 (an attachment's, its folder)."""
    from jixiao.batch import summary_book as book

    row = tuple(f"<{name}>" for name in book.SUMMARY_COLUMNS)
    row = tuple({"状态": book.UNFILLED, "原因": "", "主管部门": None, "实施单位": None,
                 "文件名": "县统计局/a.xlsx", "项目名称": "办公设备购置项目"}.get(name, value)
                for name, value in zip(book.SUMMARY_COLUMNS, row, strict=True))
    noted = book._reason_with(row, "与“b.xlsx”内容相同", row[book._REASON], "另见 c.xlsx")
    assert dict(zip(book.SUMMARY_COLUMNS, noted, strict=True)) == {
        **dict(zip(book.SUMMARY_COLUMNS, row, strict=True)),
        "原因": "与“b.xlsx”内容相同；另见 c.xlsx"}
    assert row[book._STATUS] == book.UNFILLED
    assert book._project_key(row)[-1] == "县统计局"
