"""A sheet of jixiao's template copied for a second project (rt26 d s1c/s1d).

Excel and LibreOffice give the copy its own names (JX_Rules → 自评表_2!$K$2, scoped to
the copy by ``localSheetId``), so the copy's formulas read the copy's 评分规则 cell. Check
and recalc read the same cell: the copy's K2 says ratio, its cost row is scored by the
比例法 (10 × 2500 ÷ 3000 = 8.33), the first sheet's by the 财政部 rule. Before, both read
only the workbook's names: check scored the copy by mof2020 (false JX504 “应为8” against
LibreOffice's correct 8.33) and recalc stored 8 and 94.
"""

from __future__ import annotations

import openpyxl
import pytest
from openpyxl.workbook.defined_name import DefinedName

from jixiao.pipeline import check_workbook
from jixiao.recalc.workbook import recalc_file
from jixiao.template.build import build_template
from jixiao.xlsx.package import Package

SHEET, COPY = "自评表", "自评表_2"


def _fill(ws, name: str) -> None:
    ws["E2"], ws["D3"], ws["D4"], ws["G4"] = 2024, name, "某县交通运输局", "某县公路养护站"
    ws["D6"], ws["E6"], ws["F6"], ws["E7"], ws["F7"] = 50, 50, 50, 50, 50
    for row, (indicator, target, actual, weight) in {
            13: ("养护里程", "≥200公里", "200公里", 40),
            24: ("每公里养护成本", "≤2500元/公里", "3000元/公里", 10),
            30: ("群众出行便利度提升", "明显", "达成", 30),
            40: ("群众满意度", "≥85%", "88%", 10)}.items():
        ws[f"D{row}"], ws[f"E{row}"], ws[f"F{row}"], ws[f"G{row}"] = indicator, target, actual, weight
    ws["I24"] = "材料涨价，单位成本超出"


def _two_projects(tmp_path, *, own_names: bool):
    """The template filled, its sheet copied and the copy filled with K2 = ratio; the copy
    given its own JX_ names as Excel's and LibreOffice's sheet copy gives them (or not: an
    openpyxl copy keeps the workbook's names, which point at the first sheet)."""
    path = tmp_path / "两个项目.xlsx"
    build_template(path)
    wb = openpyxl.load_workbook(path)
    _fill(wb[SHEET], "农村公路养护项目")
    copy = wb.copy_worksheet(wb[SHEET])
    copy.title = COPY
    wb.move_sheet(copy, offset=-(len(wb.sheetnames) - 2))
    _fill(copy, "县道养护项目")
    copy["K2"] = "ratio"
    if own_names:
        for name, defined in wb.defined_names.items():
            if name.startswith("JX_"):
                copy.defined_names[name] = DefinedName(
                    name, attr_text=defined.attr_text.replace(f"'{SHEET}'!", f"{COPY}!")
                    .replace(f"{SHEET}!", f"{COPY}!"))
    wb.save(path)
    return path


def _cached(path, sheet, *refs):
    ws = openpyxl.load_workbook(path, data_only=True)[sheet]
    return [ws[ref].value for ref in refs]


def test_the_copy_s_own_names_carry_its_sheet(tmp_path):
    names = Package(_two_projects(tmp_path, own_names=True)).defined_names
    rules = sorted((item.scope or "", item.text) for item in names if item.name == "JX_Rules")
    assert rules == [("", "'自评表'!$K$2"), (COPY, f"{COPY}!$K$2")]


@pytest.mark.parametrize("engine", ["auto", "formulas"])
def test_recalc_scores_the_copy_by_its_own_rules_cell(tmp_path, engine):
    written, result = recalc_file(_two_projects(tmp_path, own_names=True),
                                  tmp_path / f"out_{engine}.xlsx", engine=engine)
    assert not result.failures
    assert _cached(written, SHEET, "H24", "H43") == [8, 98]  # 10 × (1 − 500 ÷ 2500)
    assert _cached(written, COPY, "H24", "H43") == [8.33, 98.33]  # 10 × 2500 ÷ 3000


def test_check_reads_the_copy_s_rules_cell_and_agrees_with_the_formulas(tmp_path):
    written, _ = recalc_file(_two_projects(tmp_path, own_names=True), tmp_path / "out.xlsx")
    result = check_workbook(written)
    by_sheet = {checked.table.sources["header"].sheet: checked.table for checked in result.tables}
    assert by_sheet[SHEET].rules.name == "mof2020"
    assert by_sheet[COPY].rules.name == "ratio"
    assert by_sheet[COPY].sources["rules"].cell == "K2"
    assert by_sheet[COPY].sources["rules"].sheet == COPY
    assert [(f.code, f.sheet, f.cell) for f in result.findings if f.severity != "info"] == []


def test_a_copy_without_names_of_its_own_is_scored_by_the_first_sheet_s_rules(tmp_path):
    """Neighbour that must not change: an openpyxl copy keeps the workbook's names; its
    formulas read the first sheet's K2 (mof2020), and check reads that cell too."""
    written, result = recalc_file(_two_projects(tmp_path, own_names=False), tmp_path / "o.xlsx")
    assert not result.failures
    assert _cached(written, COPY, "H24", "H43") == [8, 98]
    tables = check_workbook(written).tables
    assert [checked.table.rules.name for checked in tables] == ["mof2020", "mof2020"]
