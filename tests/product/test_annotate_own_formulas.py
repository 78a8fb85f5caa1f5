"""The annotated copy of jixiao's template holding formulas of the unit's own besides the
JX_ calls (red team rt27-r4 1): 年度资金总额 written as =E7+E8+E9, a target written as
=90%. Sent back saved by LibreOffice (every JX_ result #NAME?, its own formulas' results
right) or by openpyxl (no results at all), the copy kept the #NAME? (or nothing) in every
执行率, 得分, 总分 and 等级 cell, while the report and ``jixiao recalc`` gave the numbers:
the copy took recalc's results only where the core alone computes every formula. It now
stores what ``jixiao recalc`` stores for the same file."""

from __future__ import annotations

import re
import zipfile

import openpyxl
import pytest

from jixiao.cli.main import main
from jixiao.layout import SHEET
from jixiao.recalc.workbook import recalc_file
from jixiao.report.annotate import RESTATED, RESULT_SHEET
from jixiao.samples import sample
from jixiao.template.build import build_template
from jixiao.xlsx.package import ExcelError, Package
from jixiao.xlsx.writeback import write_cached_values

# putuo-1: 全年预算数 31.56 = 31.56 + 0 + 0, 执行数 31.50 = 31.50 + 0 + 0, 年初 30.03
OWN = {"D6": ("=D7+D8+D9", 30.03), "E6": ("=E7+E8+E9", 31.56), "F6": ("=F7+F8+F9", 31.5)}


def _formulas(path):
    package = Package(path)
    return {(sheet.name, cell.ref): cell for sheet in package.sheets
            for cell in package.cells(sheet) if cell.formula is not None}


def _submitted(tmp_path, how, money_formulas, target_formula):
    filled = tmp_path / "filled.xlsx"
    build_template(filled, year=2024, table=sample("putuo-1"))
    book = openpyxl.load_workbook(filled)
    form = book[SHEET]
    for ref, (formula, _) in OWN.items() if money_formulas else ():
        form[ref] = formula
    if target_formula:
        form["E13"] = "=90%"  # was ≥90.00(%): 99.80% achieved either way, full 5 points
    book.save(filled)
    submitted = tmp_path / f"{how}.xlsx"
    if how == "none":  # openpyxl: no result stored at all
        filled.rename(submitted)
        return submitted
    # LibreOffice: its own formulas computed, every JX_ call #NAME?; no fullCalcOnLoad
    own = {ref: value for ref, (_, value) in OWN.items()} if money_formulas else {}
    if target_formula:
        own["E13"] = 0.9
    write_cached_values(Package(filled), submitted, {SHEET: {
        ref: own.get(ref, ExcelError("#NAME?")) for (_, ref) in _formulas(filled)}},
        keep_calculation=True)
    with zipfile.ZipFile(submitted) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    parts["xl/workbook.xml"] = re.sub(rb'\s*fullCalcOnLoad="1"', b"", parts["xl/workbook.xml"])
    with zipfile.ZipFile(submitted, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return submitted


@pytest.mark.parametrize(("how", "money_formulas", "target_formula"), [
    ("name", True, False), ("name", True, True), ("none", False, True), ("none", True, False)])
def test_the_copy_stores_what_recalc_stores(tmp_path, how, money_formulas, target_formula,
                                            capsys):
    submitted = _submitted(tmp_path, how, money_formulas, target_formula)
    before = submitted.read_bytes()
    copy = tmp_path / "annotated.xlsx"
    assert main(["check", str(submitted), "--annotate", str(copy)]) in (0, 1)
    if how == "name":  # (check reads no value of a formula of the unit's never computed)
        assert "总分 填报 — / 计算 99.98" in capsys.readouterr().out
    assert submitted.read_bytes() == before

    form = openpyxl.load_workbook(copy, data_only=True)[SHEET]
    # 31.50 / 31.56 = 99.81% → 10 × 0.9981 = 9.98; every indicator met (90 points):
    # 总分 9.98 + 90 = 99.98, 优
    assert round(form["H6"].value, 4) == 0.9981 and form["I6"].value == 9.98
    assert form["E6"].value == 31.56 and form["F6"].value == 31.5
    assert form["E13"].value == (0.9 if target_formula else "≥90.00(%)")
    assert form["H13"].value == 5 and form["K13"].value == "是"
    assert form["H43"].value == 99.98 and form["H44"].value == "优"
    recalculated, _ = recalc_file(submitted, tmp_path / "recalc.xlsx")
    assert {ref: cell.value for ref, cell in _formulas(copy).items() if ref[0] != RESULT_SHEET} \
        == {ref: cell.value for ref, cell in _formulas(recalculated).items()}

    rows = list(openpyxl.load_workbook(copy)[RESULT_SHEET].iter_rows(values_only=True))
    told = [row[3] for row in rows if row[0] == "JX504"]
    assert len(told) == 1 and told[0].endswith(RESTATED)
