"""Cells whose number format hides part of what they hold (round 16, clerk habits): a
date typed without its year (Excel keeps the year it was typed in), a month typed as
a date (the 1st is stored), a percentage stored unrounded and printed rounded. The
table is read as it is shown and printed — what the reviewer and the clerk see."""

import datetime
import json

import pytest
from test_real_shapes import checked, codes
from workbooks import Book, standard_sheet

# 9.98 (执行率, the Putuo money) + 90 = 99.98
ROWS = [
    ("产出指标", "数量指标", "培训人次", "≥500人次", "520人次", 30, 30, None),
    ("产出指标", "时效指标", "完成时间", "2024年12月31日前", "2024年12月20日", 20, 20, None),
    ("效益指标", "社会效益指标", "政策知晓率", "≥85%", "90%", 30, 30, None),
    ("满意度指标", "服务对象满意度指标", "参训人员满意度", "≥95%", "96%", 10, 10, None),
]


def table_with(path, name, role, value, number_format):
    """The table of ROWS with the 指标值 (``role`` "年度指标值") or 完成值 ("实际完成值")
    of indicator ``name`` a cell holding ``value`` in ``number_format``."""
    book = Book()
    sheet = standard_sheet(book.sheet(), rows=ROWS)
    row = next(cell.row for cell in sheet.ws[chr(ord("A") + sheet.columns["三级指标"] - 1)]
               if cell.value == name)
    cell = sheet.ws.cell(row, sheet.columns[role])
    cell.value, cell.number_format = value, number_format
    return book.save(path), cell.coordinate


@pytest.mark.parametrize("number_format", ['m"月"d"日"', "mm-dd", "m/d"])
def test_a_date_typed_without_its_year_is_a_day_of_the_tables_year(tmp_path, number_format):
    """12月20日 typed into the 2024 table in 2025: Excel stores 2025-12-20 and shows
    12月20日. Before: read as 2025, a year late — JX402 (未达到却得满分), JX408, no total."""
    path, _ = table_with(tmp_path / "t.xlsx", "完成时间", "实际完成值",
                         datetime.datetime(2025, 12, 20), number_format)
    table, data = checked(path)
    assert codes(data) == []
    assert data["total_computed"] == 99.98
    assert table.indicators[1].actual == "12月20日"


def test_a_date_shown_with_its_year_keeps_it(tmp_path):
    """The same cell shown as 2025-01-10: that day, after the deadline — late."""
    path, _ = table_with(tmp_path / "t.xlsx", "完成时间", "实际完成值",
                         datetime.datetime(2025, 1, 10), "yyyy-mm-dd")
    table, data = checked(path)
    assert "JX402" in codes(data)
    assert table.indicators[1].actual == datetime.datetime(2025, 1, 10)


def test_a_month_typed_as_a_date_is_the_whole_month(tmp_path):
    """2024年12月 typed into a cell: Excel stores 2024-12-01 (shown yyyy"年"m"月"). As the
    deadline it is the month's end, as the text 2024年12月 is; 12月20日 is on time.
    Before: the 1st — 逾期完成, JX402 and JX408."""
    path, _ = table_with(tmp_path / "t.xlsx", "完成时间", "年度指标值",
                         datetime.datetime(2024, 12, 1), 'yyyy"年"m"月"')
    table, data = checked(path)
    assert codes(data) == []
    assert table.indicators[1].target == "2024年12月"


@pytest.mark.parametrize(("number_format", "met"), [("0%", True), ("0.0%", True),
                                                    ("0.00%", False)])
def test_a_percentage_is_read_as_it_is_shown(tmp_path, number_format, met):
    """满意度 0.9496 (a formula's result, or typed) shown as 95% against ≥95% at full
    marks: the printed table says 95% — met. Shown as 94.96%, it is not; its full marks
    are still no JX402: 10 × 94.96 ÷ 95 = 9.9958 rounds to 10.00, the rules' own score."""
    path, _ = table_with(tmp_path / "t.xlsx", "参训人员满意度", "实际完成值", 0.9496,
                         number_format)
    _, data = checked(path)
    assert codes(data) == []
    row = next(item for item in data["indicators"] if item["name"] == "参训人员满意度")
    assert (row["met"], row["score_computed"]) == (met, 10.0)


def test_a_date_without_its_year_in_an_xls(tmp_path):
    """The same 12月20日 (2025 stored) in an Excel 97-2003 .xls, as WPS and the budget
    system save them: the format is read from the file's own records (built-in 58, or
    the FORMAT record LibreOffice writes)."""
    from libreoffice import convert

    path, _ = table_with(tmp_path / "t.xlsx", "完成时间", "实际完成值",
                         datetime.datetime(2025, 12, 20), 'm"月"d"日"')
    old = convert(path, tmp_path, "xls") / "t.xls"
    if not old.exists():
        pytest.skip("LibreOffice wrote no .xls")
    _, data = checked(old)
    assert codes(data) == []


def test_the_template_scores_its_cells_as_stored_and_so_does_its_checker(tmp_path):
    """On jixiao's own template the JX_ formulas score the value a cell holds (0.9496 in a
    "0%" cell is 94.96 %): the checker reads it so too, and never argues with the
    formulas (no JX504 on a filled, recalculated template)."""
    import openpyxl

    from jixiao.layout import SHEET
    from jixiao.pipeline import check_workbook
    from jixiao.recalc.workbook import recalc_file
    from jixiao.report.json import json_report
    from jixiao.template.build import build_template

    build_template(tmp_path / "blank.xlsx")
    book = openpyxl.load_workbook(tmp_path / "blank.xlsx")
    sheet = book[SHEET]
    sheet["D3"], sheet["E6"], sheet["F6"] = "测试项目", 100, 100
    for row, name, target, actual, weight in [
            (13, "培训人次", "≥500人次", "520人次", 40), (17, "满意度", "≥95%", 0.9496, 10),
            (27, "知晓率", "≥85%", "90%", 30), (40, "服务对象满意度", "≥85%", "90%", 10)]:
        for column, value in zip("DEFGI", (name, target, actual, weight, "原因"), strict=True):
            sheet[f"{column}{row}"] = value
    sheet["F17"].number_format = "0%"
    book.save(tmp_path / "filled.xlsx")
    recalc_file(tmp_path / "filled.xlsx", tmp_path / "done.xlsx")
    data = json.loads(json_report([check_workbook(tmp_path / "done.xlsx")]))
    assert "JX504" not in codes(data) and "JX403" not in codes(data)
    row = next(item for item in data["indicators"] if item["name"] == "满意度")
    assert row["score_computed"] == row["score_declared"] == 9.99  # 10 × 94.96 / 95
