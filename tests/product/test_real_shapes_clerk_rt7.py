"""A clerk's edits of jixiao's template found by red-team rt7.

The filled form is test_real_shapes_clerk's 濉溪县 临时救助 2019 table (98.84 优)."""

from __future__ import annotations

import re
import zipfile

import openpyxl
import pytest
from test_real_shapes_clerk import (
    copy_formulas,
    filled,
    findings,
    insert_row,
    recalculated,
    shown,
)

from jixiao.recalc.workbook import recalc_file, recalculate


def _row_at_the_top(book, sheet) -> None:
    """A row inserted at 13 (the first indicator row), row 14's formulas copied up into it:
    its group range becomes $C$14:$C13."""
    insert_row(book, sheet, 13)
    copy_formulas(sheet, 14, 13)
    sheet["D13"], sheet["E13"], sheet["F13"], sheet["G13"] = "培训班期数", "≥10期", "12期", 5


def test_a_reversed_group_range_is_read_as_excel_reads_it(tmp_path):
    """Before: the general engine gave H13 and K13 #NULL! (区域不相交), and check said
    JX504 "2 个公式单元格（H13、K13）显示 #NULL!：文件由没有 jixiao 函数的软件保存"."""
    path = filled(tmp_path, _row_at_the_top)
    assert openpyxl.load_workbook(path)["自评表"]["K13"].value == "=JX_MET(E13,F13,$C$14:$C13,G13)"
    for engine in ("core", "formulas"):
        result = recalculate(path, engine=engine)
        assert (result.engine, result.failures) == (engine, [])
        assert [result.values["自评表"][ref] for ref in ("H13", "K13")] == [5, "是"]
    written, _ = recalc_file(path, tmp_path / "out.xlsx")
    assert shown(written, "H13", "K13") == [5, "是"]
    assert [item for item in findings(written) if "H13" in item or "#NULL!" in item] == []


def _rate_typed_over(rate):
    def change(book, sheet) -> None:
        """The 执行率 formula H6 (100 %: 30 of 30) overwritten by a rate typed in."""
        sheet["H6"] = rate
    return change


@pytest.mark.parametrize("rate", [0.95, "95%"])  # typed 95% in Excel, and pasted as text
def test_a_rate_typed_over_its_formula_is_not_also_a_stale_result(tmp_path, rate):
    """Before: besides JX301 and JX503, JX504 "执行率得分公式保存的结果为“9.5”，按财政部
    规则重新计算应为“10”" and the same for the 总分 — though 9.5 is what the formula gives
    from the 95 % typed: the difference from the rules is JX301's and JX503's."""
    path = recalculated(filled(tmp_path, _rate_typed_over(rate)))
    assert shown(path, "I6", "H43") == [9.5, 98.34]
    assert [item.split(" ", 3)[:3] for item in findings(path)] == [
        ["JX301", "error", "H6"], ["JX503", "error", "H6"]]  # rt27: a typed rate not the rules'


def test_a_typed_rate_changed_after_the_recalculation_is_a_stale_result(tmp_path):
    path = recalculated(filled(tmp_path, _rate_typed_over(0.95)))
    with zipfile.ZipFile(path) as package:  # typed again, not recalculated: the formulas
        parts = {name: package.read(name) for name in package.namelist()}  # now give 9
    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet], changed = re.subn(rb'(<c r="H6"[^>]*><v>)0\.95(</v>)', rb"\g<1>0.9\2",
                                    parts[sheet])
    assert changed == 1
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    stale = [item for item in findings(path) if item.startswith("JX504")]
    assert stale == ["JX504 warning None 执行率得分公式保存的结果为“9.5”，按财政部规则重新计算应为“9”",
                     "JX504 warning None 总分公式保存的结果为“98.34”，按财政部规则重新计算应为“97.84”"]


def _no_level1(book, sheet) -> None:
    """The 一级 heading 产出指标 (merged B13 down, locked) lost, as deleting row 13 loses it."""
    sheet["B13"] = None


def test_a_level1_told_by_the_level2_points_at_an_input_cell_of_the_template(tmp_path):
    """Before: JX107 at C13, C17, C21 — the merged 二级 headings, locked in the template;
    now each group's first 三级指标 cell (成本指标 has no indicator in this form)."""
    path = recalculated(filled(tmp_path, _no_level1))
    told = [item for item in findings(path) if item.startswith("JX107")]
    assert told == [f"JX107 info {cell} “{level2}”所在行一级指标为空，按二级指标归入“产出指标”"
                    "（上方没有一级指标）" for cell, level2 in (
                        ("D13", "数量指标"), ("D17", "质量指标"), ("D21", "时效指标"))]
    sheet = openpyxl.load_workbook(path)["自评表"]
    assert [sheet[item.split(" ")[2]].protection.locked for item in told] == [False] * 3
