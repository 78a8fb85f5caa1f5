"""rt30: a deadline row of the native-formula template whose 完成值 the formulas cannot
read — a date typed into a date cell (2024/8/25), or 按时完成 — shows ⚠; JX406 pointed at
the 年度指标值 (which they read: 2024年8月31日前) and advised “改用常见写法（如“≥95%”
“≤3 小时”）”. It now points at the cell they cannot read and says how to write it."""

from __future__ import annotations

import datetime

import openpyxl
import pytest

from jixiao import native
from jixiao.pipeline import check_workbook
from jixiao.recalc.workbook import recalc_file
from jixiao.template.build import build_template


def test_the_side_the_formulas_read_no_date_in():
    assert native.unread_date("2024年8月31日前", datetime.datetime(2024, 8, 25), "时效指标") == \
        ("actual", datetime.date(2024, 8, 25))
    assert native.unread_date("2024年12月底前", "按时完成") == ("actual", None)
    assert native.unread_date(datetime.datetime(2024, 12, 31), datetime.datetime(2024, 12, 20),
                              "时效指标") == ("target", datetime.date(2024, 12, 31))
    assert native.unread_date("12月底前", "2024年11月25日") == ("target", None)
    assert native.unread_date("2024年12月底前", "2024年11月25日") is None  # scored


def _native(tmp_path, target, actual):
    """The native template: 执行率 100 % (10) + 培训人次 40 + 完工时间 (row 21, 10)
    + 受益人数 30 + 满意度 10."""
    path = tmp_path / "n.xlsx"
    build_template(path, year=2024, formulas="native")
    wb = openpyxl.load_workbook(path)
    ws = wb["自评表"]
    ws["D3"], ws["D4"], ws["G4"] = "道路改造工程", "某县交通局", "某县公路中心"
    for cell in ("D6", "E6", "F6", "D7", "E7", "F7"):
        ws[cell] = 100
    rows = [(13, "培训人次", "≥500人次", "500人次", 40), (21, "完工时间", target, actual, 10),
            (30, "受益人数", "≥1000人", "1000人", 30), (40, "满意度", "≥90%", "95%", 10)]
    for row, name, goal, done, weight in rows:
        ws[f"D{row}"], ws[f"E{row}"], ws[f"F{row}"], ws[f"G{row}"] = name, goal, done, weight
    for cell in ("E21", "F21"):
        if isinstance(ws[cell].value, datetime.datetime):
            ws[cell].number_format = "yyyy/m/d"
    wb.save(path)
    out, _ = recalc_file(path, tmp_path / "r.xlsx")
    return out


ON_TIME = "按时完成"
IN_WORDS = "定量指标的完成值“按时完成”按文字读作达成"


@pytest.mark.parametrize(("target", "actual", "cell", "said", "why"), [
    ("2024年8月31日前", datetime.datetime(2024, 8, 25), "F21",
     "的完成值是日期格式的日期，表格公式不能把它当作日期比较：请写成“2024年8月25日”这样的文字日期",
     ON_TIME),
    ("2024年12月底前", "按时完成", "F21",
     "的完成值“按时完成”表格公式不能与指标值的期限比较：请写明实际完成的日期，"
     "写成“2024年12月31日”这样的文字日期", IN_WORDS),
    (datetime.datetime(2024, 12, 31), datetime.datetime(2024, 12, 20), "E21",
     "的指标值是日期格式的日期，表格公式不能把它当作日期比较：请写成“2024年12月31日前”这样的文字日期",
     ON_TIME),
])
def test_jx406_points_at_the_date_the_formulas_cannot_read(tmp_path, target, actual, cell, said,
                                                           why):
    out = _native(tmp_path, target, actual)
    ws = openpyxl.load_workbook(out, data_only=True)["自评表"]
    assert ws["H21"].value == native.WARN_INPUT
    found = [(f.code, f.cell, f.message) for f in check_workbook(out).findings]
    # by hand: done before the deadline, or 按时完成 → the full 10
    assert found == [("JX406", cell, f"“完工时间”{said}，表格即可自行计分；"
                                     f"按财政部规则得分为 10（{why}）")], found
