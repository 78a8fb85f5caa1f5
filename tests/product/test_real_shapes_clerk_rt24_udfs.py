"""The JX_ functions at their edges, found by red-team rt24: a merged 二级 column given to
JX_SCORES, a 无/无 row's 是否达成, and arguments no cell holds.

The filled form is test_real_shapes_clerk's 濉溪县 临时救助 2019 table (98.84 优)."""

from __future__ import annotations

import openpyxl
from openpyxl.worksheet.formula import ArrayFormula
from test_real_shapes_clerk import filled, recalculated, shown

from jixiao import cellfuncs
from jixiao.pipeline import check_workbook


def _cost_rows_and_a_scores_column(book, sheet) -> None:
    """Two 成本指标 rows (C24:C26 merged: Excel passes 成本指标, None, None) in place of row
    19's 10 points, and README §3's JX_SCORES over the whole column in M13:M42."""
    for column in "DEFGI":
        sheet[f"{column}19"] = None
    sheet["D24"], sheet["E24"], sheet["F24"], sheet["G24"] = "人均救助成本", "300元/人", "280元/人", 5
    sheet["D25"], sheet["E25"], sheet["F25"], sheet["G25"] = "发放手续费", "50元/次", "45元/次", 5
    sheet["M13"] = ArrayFormula(
        "M13:M42", "=JX_SCORES(E13:E42,F13:F42,G13:G42,JX_Rules,J13:J42,C13:C42)")
    for row in range(14, 43):
        sheet[f"M{row}"] = 0  # Excel stores each cell an array formula covers with its value


def test_jx_scores_reads_a_merged_level2_column_as_jx_score_does(tmp_path):
    """Before: M25 was 4.5 — JX_SCORES gave the group's second row no 二级, so 50元/次 was
    read as “=” and 45元/次 fell short — while H25 (JX_SCORE) and check gave 5."""
    path = recalculated(filled(tmp_path, _cost_rows_and_a_scores_column))
    assert shown(path, "H24", "H25", "M24", "M25") == [5, 5, 5, 5]
    rows = range(13, 43)
    assert shown(path, *(f"M{row}" for row in rows)) == shown(path, *(f"H{row}" for row in rows))
    result = check_workbook(path)
    assert result.error is None and result.findings == []


def _zero_target_rows(book, sheet) -> None:
    """Row 16 a 无/无 row with its 10 points; row 20, unused, holds 无/无 and no points."""
    sheet["D16"], sheet["E16"], sheet["F16"] = "重大安全事故", "无", "无"
    sheet["E20"], sheet["F20"] = "无", "无"


def test_a_zero_target_row_with_points_is_met_as_it_is_scored(tmp_path):
    """Before: K16 (JX_MET) was blank beside H16 = 10 and check's met — it took 无/无 for
    an unused row without looking at the 分值."""
    path = filled(tmp_path, _zero_target_rows)
    assert openpyxl.load_workbook(path)["自评表"]["K16"].value == "=JX_MET(E16,F16,$C$13:$C16,G16)"
    path = recalculated(path)
    assert shown(path, "H16", "K16") == [10, "是"]
    assert [cell if cell != "\xa0" else "" for cell in shown(path, "H20", "K20")] == ["", ""]
    result = check_workbook(path)
    checked = result.tables[0]
    assert [(indicator.name, score.value, score.met)
            for indicator, score in zip(checked.table.indicators, checked.evaluation.scores,
                                        strict=True) if indicator.name == "重大安全事故"] \
        == [("重大安全事故", 10.0, True)]


def test_the_row_rule_is_the_scores_own():
    """JX_MET is blank exactly where JX_SCORE is (``unused_row``), or where both are blank."""
    assert [cellfuncs.met("无", "无", None, weight) for weight in (10, None, 0, "/")] \
        == ["是", "", "", ""]
    assert [cellfuncs.score("无", "无", weight) for weight in (10, None, 0, "/")] \
        == [10.0, "", "", ""]
    assert cellfuncs.met("无", "无") == ""  # a formula without the 分值: as a blank 分值
    assert cellfuncs.met(None, None, None, 10) == ""
    assert cellfuncs.met("/", "/", None, 10) == "未知"
