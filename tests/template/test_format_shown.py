"""A number pasted into jixiao's template with its number format (rt26 d s2b): 30 shown
“≤30天” by "≤"0"天" beside 35 shown “35天”. The JX_ functions (xlwings passes values only)
and the native formulas score the number 30 — full 5 — while the table shows a missed
≤30天 target at full marks. Check keeps the formulas' reading (one rule with them) and
says, at the 指标值 cell, what the shown text earns and to type it as text (before:
nothing; a hand-built table with the same cells gives JX402 … 应为 4.17)."""

from __future__ import annotations

import openpyxl

from jixiao.pipeline import check_workbook
from jixiao.recalc.workbook import recalc_file
from jixiao.template.build import build_template


def _filled(tmp_path, rows):
    path = tmp_path / "t.xlsx"
    build_template(path)
    wb = openpyxl.load_workbook(path)
    ws = wb["自评表"]
    ws["E2"], ws["D3"], ws["D4"], ws["G4"] = 2024, "养老服务补助", "某县民政局", "某县养老服务中心"
    ws["D6"], ws["E6"], ws["F6"], ws["E7"], ws["F7"] = 100, 100, 100, 100, 100
    base = {13: ("培训人次", "≥500人次", "520人次", 40, None, None),
            30: ("受益老年人数", "≥2万人", "2.1万人", 30, None, None),
            40: ("服务对象满意度", "≥90%", "92%", 10, None, None)}
    for row, (name, target, actual, weight, target_format, actual_format) in {**base, **rows}.items():
        ws[f"D{row}"], ws[f"E{row}"], ws[f"F{row}"], ws[f"G{row}"] = name, target, actual, weight
        if target_format:
            ws[f"E{row}"].number_format = target_format
        if actual_format:
            ws[f"F{row}"].number_format = actual_format
        ws[f"I{row}"] = "审核环节增加，发放延后"
    wb.save(path)
    written, result = recalc_file(path, tmp_path / "r.xlsx")
    assert not result.failures
    return written


def _found(path):
    return [(f.code, f.severity, f.cell, f.message) for f in check_workbook(path).findings
            if f.severity != "info"]


def test_a_ceiling_shown_only_by_the_number_format_is_told_at_the_target(tmp_path):
    path = _filled(tmp_path, {21: ("补贴发放时限", 30, 35, 10, '"≤"0"天"', '0"天"')})
    assert openpyxl.load_workbook(path, data_only=True)["自评表"]["H21"].value == 10
    assert _found(path) == [(
        "JX203", "error", "E21",
        "“补贴发放时限”的年度指标值单元格存的是数 30，数字格式把它显示为“≤30天”：表格公式只读到 "
        "30，得分 10；按显示的“≤30天”，按财政部规则得分应为 8.33。请把“≤30天”作为文字输入"
        "（单元格格式改为“常规”或“文本”后重新输入）")]


def test_the_same_text_typed_as_text_is_scored_by_the_formulas_without_a_finding(tmp_path):
    path = _filled(tmp_path, {21: ("补贴发放时限", "≤30天", "35天", 10, None, None)})
    assert openpyxl.load_workbook(path, data_only=True)["自评表"]["H21"].value == 8.33
    assert _found(path) == []


def test_a_format_that_does_not_change_the_score_is_left_alone(tmp_path):
    """Neighbour: 300 in "≤"0"元/人" beside 280 under 成本指标 (scored ≤ either way) and
    95 in 0"人次" beside 96: the same score read either way, nothing said."""
    path = _filled(tmp_path, {24: ("人均服务成本", 300, 280, 5, '"≤"0"元/人"', '0"元/人"'),
                              14: ("入户走访人次", 95, 96, 5, '0"人次"', '0"人次"')})
    assert _found(path) == []
