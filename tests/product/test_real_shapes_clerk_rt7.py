"""A clerk's edits of jixiao's template found by red-team rt7.

The filled form is test_real_shapes_clerk's 濉溪县 临时救助 2019 table (98.84 优)."""

from __future__ import annotations

import openpyxl
from openpyxl.formula.translate import Translator
from test_real_shapes_clerk import filled, findings, insert_row, shown

from jixiao.recalc.workbook import recalc_file, recalculate


def _row_at_the_top(book, sheet) -> None:
    """A row inserted at 13 (the first indicator row), row 14's formulas copied up into it:
    its group range becomes $C$14:$C13."""
    insert_row(book, sheet, 13)
    for cell in sheet[14]:
        if isinstance(cell.value, str) and cell.value.startswith("="):
            sheet.cell(13, cell.column, Translator(cell.value, origin=cell.coordinate)
                       .translate_formula(f"{cell.column_letter}13"))
    sheet["D13"], sheet["E13"], sheet["F13"], sheet["G13"] = "培训班期数", "≥10期", "12期", 5


def test_a_reversed_group_range_is_read_as_excel_reads_it(tmp_path):
    """Before: the general engine gave H13 and K13 #NULL! (区域不相交), and check said
    JX504 "2 个公式单元格（H13、K13）显示 #NULL!：文件由没有 jixiao 函数的软件保存"."""
    path = filled(tmp_path, _row_at_the_top)
    assert openpyxl.load_workbook(path)["自评表"]["K13"].value == "=JX_MET(E13,F13,$C$14:$C13)"
    for engine in ("core", "formulas"):
        result = recalculate(path, engine=engine)
        assert (result.engine, result.failures) == (engine, [])
        assert [result.values["自评表"][ref] for ref in ("H13", "K13")] == [5, "是"]
    written, _ = recalc_file(path, tmp_path / "out.xlsx")
    assert shown(written, "H13", "K13") == [5, "是"]
    assert [item for item in findings(written) if "H13" in item or "#NULL!" in item] == []
