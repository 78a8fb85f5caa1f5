"""``jixiao convert`` keeps the unit's number format on a date it copies (red team rt27-r4 2):
a 完成值 typed 2024/11/30 shown as 2024年11月30日 (yyyy"年"m"月"d"日"), a 指标值 and a 完成值
shown as 2024/3/31 (yyyy/m/d) came out as 2024-11-30 00:00:00 (openpyxl's default for a
date and time) in the converted form."""

from __future__ import annotations

import datetime as dt

import openpyxl
from workbooks import PUTUO_1_ROWS, standard

from jixiao.cli.main import main
from jixiao.layout import SHEET

CHINESE = 'yyyy"年"m"月"d"日"'
SLASHES = "yyyy/m/d"


def _dated(path):
    rows = [list(row) for row in PUTUO_1_ROWS]
    rows[2][2:5] = ["完工时间", "2024年12月31日前完成", "x-actual"]  # 时效指标
    rows.insert(3, ["产出指标", "时效指标", "开工时间", "x-start", "x-started", 0, 0, None])
    standard(path, rows=[tuple(row) for row in rows])
    book = openpyxl.load_workbook(path)
    sheet = book.active
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value in ("x-actual", "x-start", "x-started"):
                cell.value, cell.number_format = {
                    "x-actual": (dt.datetime(2024, 11, 30), CHINESE),
                    "x-start": (dt.datetime(2024, 3, 31), SLASHES),
                    "x-started": (dt.datetime(2024, 4, 20), SLASHES)}[cell.value]
    book.save(path)
    return path


def test_a_copied_date_keeps_its_format(tmp_path, capsys):
    source = _dated(tmp_path / "dates.xlsx")
    target = tmp_path / "converted.xlsx"
    assert main(["convert", str(source), "-o", str(target)]) == 0
    form = openpyxl.load_workbook(target)[SHEET]
    dated = {(cell.value, cell.number_format) for row in form.iter_rows() for cell in row
             if isinstance(cell.value, dt.datetime)}
    assert dated == {(dt.datetime(2024, 11, 30), CHINESE), (dt.datetime(2024, 3, 31), SLASHES),
                     (dt.datetime(2024, 4, 20), SLASHES)}


def test_a_new_years_form_leaves_the_cleared_completion_unformatted(tmp_path, capsys):
    """--year clears the 完成值: the clerk's new one (95%, 120人) is not shown as a date."""
    source = _dated(tmp_path / "dates.xlsx")
    target = tmp_path / "2025.xlsx"
    assert main(["convert", str(source), "-o", str(target), "--year", "2025"]) == 0
    form = openpyxl.load_workbook(target)[SHEET]
    started = next(row for row in form.iter_rows() if row[3].value == "开工时间")
    assert (started[4].value, started[4].number_format) == (dt.datetime(2024, 3, 31), SLASHES)
    assert started[5].value is None and started[5].number_format == "@"  # the form's own
