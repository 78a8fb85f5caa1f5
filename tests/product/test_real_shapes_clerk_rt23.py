"""A clerk inserts a row just above the 总分 row of jixiao's template (red-team rt23): below
the last 满意度 row, its formulas copied down from the row above.

Excel grows a range only for a row inserted within it, so an older template's
=JX_TOTAL(I6,H13:H42) left the new row 43 out: the printed 总分 was 5 short, the 评分等级
said the 分值 total 95, and check said only "stale result" (JX504) with exit 0. The template
now reads down to the row above its own (H13:INDEX(H:H,ROW()-1)); an older one's formula is
a JX501 error at the 总分 cell.

The filled form is test_real_shapes_clerk's 濉溪县 临时救助 2019 table (98.84 优)."""

from __future__ import annotations

import shutil

import pytest
from libreoffice import sheets_as_shown
from openpyxl.formula.translate import Translator
from test_real_shapes_clerk import filled, findings, insert_row, recalculated, shown

from jixiao.cli.main import main

OLD_FORMULAS = {"G43": "=JX_WEIGHT_TOTAL(JX_POINTS(G6),JX_POINTS(G13:G42))",
                "H43": "=JX_TOTAL(I6,H13:H42)"}  # the template's before rt23


def _row_above_total(book, sheet, old: bool = False) -> None:
    """A 满意度 row inserted at 43 (above the 总分), row 42's formulas copied into it; the
    受助对象满意度 row's 分值 10 → 5 to keep 100."""
    if old:
        for ref, formula in OLD_FORMULAS.items():
            sheet[ref] = formula
    insert_row(book, sheet, 43)
    for cell in sheet[42]:
        if isinstance(cell.value, str) and cell.value.startswith("="):
            sheet.cell(43, cell.column, Translator(cell.value, origin=cell.coordinate)
                       .translate_formula(f"{cell.column_letter}43"))
    sheet["D43"], sheet["E43"], sheet["F43"], sheet["G43"] = "群众满意度", "≥90%", "93%", 5
    sheet["G40"] = 5


def test_the_template_counts_a_row_inserted_above_the_total(tmp_path):
    """Before: 总分 93.84 without row 43, 等级 "⚠ 分值合计 95，不是 100"; check exit 0."""
    path = recalculated(filled(tmp_path, _row_above_total))
    assert shown(path, "H43", "G44", "H44", "H45") == [5, 100, 98.84, "优"]
    assert findings(path) == []


def test_the_native_template_counts_a_row_inserted_above_the_total(tmp_path):
    if not (shutil.which("soffice") or shutil.which("libreoffice")):
        pytest.skip("LibreOffice (soffice) is not installed: .ci/run installs libreoffice-calc")
    path = filled(tmp_path, _row_above_total, formulas="native")
    rows = sheets_as_shown(path, tmp_path / "lo")["自评表"]
    assert [rows[42][7], rows[43][6], rows[43][7], rows[44][7]] == ["5", "100", "98.84", "优"]


def test_an_older_template_total_leaving_out_the_row_is_an_error_at_the_total(tmp_path,
                                                                               capsys):
    """Before: only JX504 "总分公式保存的结果为“93.84”，按财政部规则重新计算应为“98.84”"
    without a cell, and exit 0; recalculating gave 93.84 again."""
    path = recalculated(filled(tmp_path, lambda book, sheet: _row_above_total(book, sheet, True)))
    assert shown(path, "G44", "H44", "H45") == [95, 93.84, "⚠ 分值合计 95，不是 100，不评等级"]
    assert findings(path) == [
        "JX501 error H44 总分公式 =JX_TOTAL(I6,H13:H42) 不含第 43 行（“群众满意度”，得分 5）："
        "总分为 93.84，各项得分之和为 98.84；分值合计公式（G44）同样不含这些行，显示 95；"
        "重算也不会计入。请把公式中的区域扩到第 43 行，或从 jixiao new 新建的模板中复制总分和"
        "分值合计的公式（新模板合计到总分的上一行，在其上插入的行自动计入）"]
    assert main(["check", str(path)]) == 1
    assert "自评表!H44" in capsys.readouterr().out


def test_an_older_template_without_an_inserted_row_is_clean(tmp_path):
    """Its H13:H42 reads every indicator row: nothing to say."""
    def old(book, sheet):
        for ref, formula in OLD_FORMULAS.items():
            sheet[ref] = formula
    path = recalculated(filled(tmp_path, old))
    assert shown(path, "G43", "H43", "H44") == [100, 98.84, "优"]
    assert findings(path) == []
