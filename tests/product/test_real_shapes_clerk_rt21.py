"""A clerk in jixiao's own template, filled and edited in LibreOffice (user test rt21):
``jixiao recalc``, ``jixiao check`` and the spreadsheet program compute one result.

The filled form is test_real_shapes_clerk's 濉溪县 临时救助 2019 table (98.84 优)."""

from __future__ import annotations

import pytest
from test_real_shapes_clerk import filled, findings, recalculated, shown

from jixiao.pipeline import check_workbook

# ---------------------------------------------------------------- 1: a blank 评分规则 cell


@pytest.mark.parametrize("formulas", ["addin", "native"])
def test_a_blank_rules_cell_is_the_default_rule_set_for_check_as_for_recalc(tmp_path, formulas):
    """Before: check read the 填写说明 sheet's line "在“评分规则”单元格选择：mof2020 …；ratio
    比例法…" as the rule (ratio) and said JX504 at the scores and total recalc wrote."""
    path = recalculated(filled(tmp_path, lambda book, sheet: sheet.__setitem__("K2", None),
                               formulas))
    assert shown(path, "H43", "H44") == [98.84, "优"]
    [checked] = check_workbook(path).tables
    assert checked.table.rules.name == "mof2020"
    assert findings(path) == []


# ---------------------------------------------------------------- 2: a row copied into another block

def _paste_row_13_at_24(book, sheet):
    """What a clerk does in LibreOffice: row 13 (数量指标) copied over the first row of the
    成本指标 block, every column but 一级/二级, then its inputs typed over."""
    from openpyxl.formula.translate import Translator

    for cell in sheet[13][3:]:
        value = cell.value
        if isinstance(value, str) and value.startswith("="):
            value = Translator(value, origin=cell.coordinate).translate_formula(
                f"{cell.column_letter}24")
        sheet.cell(24, cell.column, value)
    sheet["D24"], sheet["E24"], sheet["F24"], sheet["G24"] = "人均救助成本", "200元", "180元", 5
    sheet["G16"] = 5  # still 100 points


@pytest.mark.parametrize("formulas", ["addin", "native"])
def test_a_row_copied_into_the_cost_block_scores_as_a_cost(tmp_path, formulas):
    """Before: the copied formula read 二级 from $C$13 (数量指标): 180元 against 200元
    scored 4.5 as a goal, check read the row under 成本指标 (≤, met: 5) and said
    JX403, JX405 and JX504 — an error recalc could not clear."""
    path = recalculated(filled(tmp_path, _paste_row_13_at_24, formulas))
    assert shown(path, "H24", "H43", "H44") == [5, 98.84, "优"]
    assert findings(path) == []


def test_libreoffice_scores_the_copied_native_row_as_jixiao_does(tmp_path):
    from libreoffice import sheets_as_shown

    from jixiao.layout import SHEET

    path = recalculated(filled(tmp_path, _paste_row_13_at_24, "native"))
    computed = sheets_as_shown(path, tmp_path, recalculate=True)[SHEET]
    assert [computed[row - 1][7].strip() for row in (24, 43)] == ["5", "98.84"]


# ---------------------------------------------------------------- 4: formulas as LibreOffice saves them

def test_formulas_saved_by_libreoffice_are_computed_by_the_fast_path(tmp_path):
    """LibreOffice saves =jx_rate(E6,F6,TRUE()) and =jx_score(…). Before: TRUE() sent the
    whole workbook to the slow general engine."""
    import re

    from jixiao.recalc.workbook import recalculate

    def as_libreoffice_saves(book, sheet):
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    text = re.sub(r"JX_[A-Z_]+\(", lambda match: match.group().lower(),
                                  cell.value)
                    cell.value = text.replace(",TRUE)", ",TRUE())")

    (tmp_path / "plain").mkdir()
    plain = recalculate(filled(tmp_path / "plain"))
    saved = recalculate(filled(tmp_path, as_libreoffice_saves))
    assert (plain.engine, saved.engine) == ("core", "core")
    assert saved.values == plain.values
    assert saved.values["自评表"]["H6"] == 1.0 and saved.values["自评表"]["H43"] == 98.84


# ---------------------------------------------------------------- 5: JX406's level, as README says

def test_readme_gives_jx406_both_levels_check_gives_it(tmp_path):
    """A 指标值 the native formulas cannot score (满意度≥90%) is JX406 as a warning, a blank
    score JX406 as an error. Before: README's table said 错误 only."""
    from pathlib import Path

    path = recalculated(filled(tmp_path, lambda book, sheet: sheet.__setitem__("E40", "满意度≥90%"),
                               "native"))
    assert [item.split(" ", 3)[:3] for item in findings(path)
            if item.startswith("JX406")] == [["JX406", "warning", "E40"]]
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    [row] = [line for line in readme.splitlines() if line.startswith("| JX406 |")]
    assert row.split("|")[2].strip() == "错误/警告"
