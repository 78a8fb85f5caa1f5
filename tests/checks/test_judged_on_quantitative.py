"""rt32 r2 J1/J3: the 人工评分 column (J) of jixiao's templates scores only a 定性 row's
部分达成/未达成. On a quantitative row (≥500册, 450册: 10 × 450 ÷ 500 = 9) a number typed
there (8) was ignored without a word, and a reason typed there made the 得分 show ⚠ while
JX406 said to type a number there — a number then ignored. Both now say J is not used on
this row: clear it, the reason goes in the 偏差原因 column."""

from __future__ import annotations

import openpyxl
import pytest

from jixiao.pipeline import check_workbook
from jixiao.recalc.workbook import recalc_file
from jixiao.template.build import build_template


def _template(tmp_path, formulas, judged, reason=None):
    """A template (JX_ or native): 执行率 100 % (10) + 发放手册 ≥500册 450册 (row 14, 40:
    36 by the rules) + 受益人数 40 + 满意度 10; ``judged`` typed into J14."""
    path = tmp_path / "t.xlsx"
    build_template(path, year=2024, formulas=formulas)
    book = openpyxl.load_workbook(path)
    sheet = book["自评表"]
    sheet["D3"], sheet["D4"], sheet["G4"] = "农村公路养护", "某县交通局", "某县公路中心"
    for cell in ("D6", "E6", "F6", "D7", "E7", "F7"):
        sheet[cell] = 100
    rows = [(14, "发放手册", "≥500册", "450册", 40), (30, "受益人数", "≥1000人", "1000人", 40),
            (40, "满意度", "≥90%", "95%", 10)]
    for row, name, goal, done, weight in rows:
        sheet[f"D{row}"], sheet[f"E{row}"], sheet[f"F{row}"], sheet[f"G{row}"] = \
            name, goal, done, weight
    sheet["J14"], sheet["I14"] = judged, reason
    book.save(path)
    out, _ = recalc_file(path, tmp_path / "r.xlsx")
    return out


def _said(path, *codes):
    return [f"{f.code} {f.severity} {f.cell} {f.message}"
            for f in check_workbook(path).findings if f.code in codes]


UNUSED = ("人工评分列只用于定性指标部分达成、未达成时评分，本行不用：请清空该格，扣分原因写在"
          "偏差原因列")


@pytest.mark.parametrize("formulas", ["addin", "native"])
def test_a_number_in_the_judged_column_of_a_quantitative_row_is_said_unused(tmp_path, formulas):
    path = _template(tmp_path, formulas, 30, "印刷延误，部分手册未发放")
    assert _said(path, "JX413", "JX404", "JX406") == [
        f"JX413 info J14 “发放手册”是定量指标，得分按规则计算为 36（正向指标：分值 × 实际完成值 ÷ "
        f"年度指标值），人工评分 30 不计入；{UNUSED}"]
    same = _template(tmp_path, formulas, 36, "印刷延误，部分手册未发放")
    assert _said(same, "JX413", "JX404", "JX406") == []  # the rules' score: nothing to say


@pytest.mark.parametrize("formulas", ["addin", "native"])
def test_a_reason_in_the_judged_column_of_a_quantitative_row_is_sent_to_the_reason_column(
        tmp_path, formulas):
    path = _template(tmp_path, formulas, "印刷延误")
    assert _said(path, "JX413", "JX406") == [
        f"JX406 warning J14 “发放手册”是定量指标，人工评分“印刷延误”使表格公式不能计分；{UNUSED}；"
        "按财政部规则得分为 36（正向指标：分值 × 实际完成值 ÷ 年度指标值）"]
