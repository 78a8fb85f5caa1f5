"""rt30 (r6 merged_w): on jixiao's template a clerk unprotected the sheet and merged the
分值 of 数量指标's two rows (G13:G14 = 40). The template's formulas read each row's own
分值 cell, so G14 reads blank: recalc shows “⚠ 分值为空” in H14 and no 总分. check split
the 40 as 20 + 20 (JX109) — 计算 97.57 — but JX504 compared the cells with 40 for *each*
row: H14 “应为 40”, 分值合计 “应为 140”, 总分 “应为 136.77” (over 100), and told the
clerk to recalculate, which gives ⚠ again: a loop. Now the formulas' cells are computed
from what the formulas read (G14 blank), and JX109 tells the clerk the way out: unmerge
and fill each row."""

from __future__ import annotations

import openpyxl

from jixiao.pipeline import check_workbook
from jixiao.recalc.workbook import recalc_file
from jixiao.template.build import build_template


def _merged(tmp_path):
    """执行率 100 % (10) + 数量指标 G13:G14 merged 40 (≥5000册 | 4800册; ≥12场 | 12场)
    + 满意度 (50, met): 10 + 40 + 50 = 100."""
    path = tmp_path / "t.xlsx"
    build_template(path, year=2024)
    wb = openpyxl.load_workbook(path)
    ws = wb["自评表"]
    ws.protection.sheet = False
    ws["D3"], ws["D4"], ws["G4"] = "宣传经费", "某区医保局", "某区医保中心"
    for cell in ("D6", "E6", "F6", "D7", "E7", "F7"):
        ws[cell] = 100
    ws["D13"], ws["E13"], ws["F13"], ws["G13"] = "宣传册印制数量", "≥5000册", "4800册", 40
    ws["I13"] = "印刷厂交付延迟"
    ws["D14"], ws["E14"], ws["F14"] = "宣传活动场次", "≥12场", "12场"
    ws.merge_cells("G13:G14")
    ws["D40"], ws["E40"], ws["F40"], ws["G40"] = "满意度", "≥90%", "95%", 50
    wb.save(path)
    out, result = recalc_file(path, tmp_path / "r.xlsx")
    return path, out, result


def test_a_merged_weight_on_the_template_is_told_as_the_formulas_see_it(tmp_path):
    path, out, result = _merged(tmp_path)
    shown = openpyxl.load_workbook(out, data_only=True)["自评表"]
    assert shown["H13"].value == 38.4  # 40 × 4800 / 5000: the first row reads the 40
    assert shown["H14"].value == "⚠ 分值为空"  # the second reads its own blank cell
    for checked in (out, path):  # recalculated, or saved without results
        findings = check_workbook(checked).findings
        stale = [f.message for f in findings if f.code == "JX504" and "应为" in f.message]
        assert stale == []  # no 应为 40 / 140 / 136.77 for what recalc cannot give
        assert not [f for f in findings if f.code == "JX406"]  # not a 写法 jixiao must score
        (told,) = [f for f in findings if f.code == "JX109"]
        assert (told.severity, told.cell) == ("warning", "G13")
        assert "取消合并" in told.message and "每行" in told.message
        assert "G13:G14" in told.message and "各 20 分" in told.message
    (checked,) = check_workbook(out).tables  # 10 + 20 × 4800/5000 + 20 + 50, split 20 + 20
    assert checked.evaluation.total == 99.2
