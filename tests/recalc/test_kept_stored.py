"""rt29 r1: a formula jixiao cannot compute that the table does not read keeps the value the
file stores and does not fail the run; a WPS cell picture (DISPIMG) is never touched.
Before, 73_wps_dispimg.xlsx (a stamp in J3) exited 1 and its cell became #NAME?."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from jixiao.cli.main import main
from jixiao.recalc.kept_stored import is_cell_picture
from jixiao.recalc.workbook import recalc_file
from jixiao.samples import sample
from jixiao.template.build import build_template
from jixiao.xlsx.package import Package
from jixiao.xlsx.writeback import write_cached_values

SHEET = "自评表"
PICTURE = '_xlfn.DISPIMG("ID_5F3A",1)'
PICTURE_SHOWN = '=DISPIMG("ID_5F3A",1)'  # what WPS stores as the picture cell's value


def _putuo(path: Path, formulas: dict[tuple[str, str], tuple[str, object]]) -> Path:
    """The putuo sample in jixiao's template, its formulas without results (as a program
    that computes nothing saves it), plus ``formulas``: (sheet, cell) → (formula, stored)."""
    build_template(path, table=sample("putuo-1"))
    wb = openpyxl.load_workbook(path)
    for (sheet, ref), (formula, _) in formulas.items():
        if sheet not in wb.sheetnames:
            wb.create_sheet(sheet)
        wb[sheet][ref] = f"={formula}"
    wb.save(path)
    package = Package(path)
    stored: dict[str, dict[str, object]] = {}
    for sheet in package.sheets:
        for cell in package.cells(sheet):
            if cell.formula is not None:
                stored.setdefault(sheet.name, {})[cell.ref] = formulas.get(
                    (sheet.name, cell.ref), (None, None))[1]
    write_cached_values(package, path, stored)
    return path


def _cached(path: Path, sheet: str) -> dict[str, object]:
    ws = openpyxl.load_workbook(path, data_only=True)[sheet]
    return {cell.coordinate: cell.value for row in ws.iter_rows() for cell in row}


def test_a_cell_picture_is_told():
    assert is_cell_picture(PICTURE) and is_cell_picture('DISPIMG("ID_1", 1)')
    assert not is_cell_picture('IF(A1,DISPIMG("ID_1",1),"")') and not is_cell_picture(None)


def test_a_picture_in_the_table_is_left_as_it_is_and_the_core_engine_still_computes(tmp_path):
    path = _putuo(tmp_path / "p.xlsx", {(SHEET, "J3"): (PICTURE, PICTURE_SHOWN)})
    written, result = recalc_file(path, tmp_path / "r.xlsx")
    assert result.engine == "core" and not result.failures and not result.left
    assert "J3" not in result.values[SHEET]
    assert _cached(written, SHEET)["J3"] == PICTURE_SHOWN
    assert _cached(written, SHEET)["H43"] == 99.98
    assert openpyxl.load_workbook(written)[SHEET]["J3"].value == f"={PICTURE}"


def test_the_general_engine_leaves_a_picture_too(tmp_path):
    path = _putuo(tmp_path / "p.xlsx", {(SHEET, "J3"): (PICTURE, PICTURE_SHOWN),
                                        ("附件", "A1"): ("SUM(1,2)", None)})
    written, result = recalc_file(path, tmp_path / "r.xlsx", engine="formulas")
    assert not result.failures and not result.left and "J3" not in result.values[SHEET]
    assert _cached(written, SHEET)["J3"] == PICTURE_SHOWN
    assert _cached(written, "附件")["A1"] == 3


def test_an_unknown_function_keeps_its_stored_value_and_the_cells_reading_it_compute(
        tmp_path, capsys):
    # rt30 r6: the stored 12 is what Excel (or the add-in that has NOSUCH) computed; A2
    # reads it and is computed from it, 24; A3 stores nothing: #NAME?, named for what it is
    path = _putuo(tmp_path / "p.xlsx", {("附件", "A1"): ("NOSUCH(1)", 12),
                                        ("附件", "A2"): ("A1*2", None),
                                        ("附件", "A3"): ("NOSUCH(2)", None)})
    assert main(["recalc", str(path), "-o", str(tmp_path / "r.xlsx")]) == 1  # A3: no value
    out = capsys.readouterr().out
    assert "有 1 个单元格 jixiao 无法计算，未重算：公式和文件保存的值原样保留" in out
    assert "Excel 或 WPS" not in out  # the file may come from an export library
    assert "附件!A1  计算引擎没有函数 NOSUCH，保留 12\n" in out
    assert "附件!A3  #NAME?  计算引擎没有函数 NOSUCH  =NOSUCH(2)" in out and "未知" not in out
    values = _cached(tmp_path / "r.xlsx", "附件")
    assert (values["A1"], values["A2"], values["A3"]) == (12, 24, "#NAME?")
    assert _cached(tmp_path / "r.xlsx", SHEET)["H43"] == 99.98


def test_with_a_value_stored_everywhere_the_run_succeeds(tmp_path):
    path = _putuo(tmp_path / "p.xlsx", {("附件", "A1"): ("NOSUCH(1)", 12),
                                        ("附件", "A2"): ("A1*2", 24)})
    _, result = recalc_file(path, tmp_path / "r.xlsx")
    assert not result.failures and not result.left
    assert [(str(kept.source), kept.stored) for kept in result.stood] == [("附件!A1", 12)]
    assert result.values["附件"]["A2"] == 24


def test_a_formula_it_cannot_parse_keeps_its_stored_value_too(tmp_path):
    path = _putuo(tmp_path / "p.xlsx", {("附件", "A1"): ("SUM(1,", 3)})
    _, result = recalc_file(path, tmp_path / "r.xlsx")
    assert not result.failures and [str(kept.source) for kept in result.stood] == ["附件!A1"]
    assert result.stood[0].reason.startswith("公式无法解析")


def test_an_unknown_function_the_table_reads_still_fails(tmp_path):
    # rev30 C p3/p5: F13 is the first indicator's 实际完成值; the value stored for it may be
    # stale (fullCalcOnLoad, or computed from inputs since changed), so it never scores
    # the table: #NAME? named for what it is, H13 and the 总分 fail with it (exit 1)
    path = _putuo(tmp_path / "p.xlsx", {(SHEET, "F13"): ("NOSUCH(1)", 95)})
    _, result = recalc_file(path, tmp_path / "r.xlsx")
    failed = {failure.source.cell: failure for failure in result.failures}
    assert failed["F13"].value == "#NAME?" and failed["F13"].reason == "计算引擎没有函数 NOSUCH"
    assert "H13" in failed and "H43" in failed and not result.stood and not result.left


def test_an_unknown_function_feeding_the_table_still_fails(tmp_path):
    # 附件!A1 is not read, but F13 reads it: kept, its stored 95 would score the row
    path = _putuo(tmp_path / "p.xlsx", {("附件", "A1"): ("NOSUCH(1)", 95),
                                        ("附件", "A2"): ("NOSUCH(2)", 7),
                                        (SHEET, "F13"): ("附件!A1", 95)})
    _, result = recalc_file(path, tmp_path / "r.xlsx")
    failed = {str(failure.source): failure for failure in result.failures}
    assert failed["附件!A1"].reason == "计算引擎没有函数 NOSUCH"
    assert failed["自评表!F13"].reason == "依赖未算出的单元格 附件!A1" and "自评表!H13" in failed
    # A2 feeds nothing the table reads: kept as before
    assert [(str(kept.source), kept.stored) for kept in result.stood] == [("附件!A2", 7)]


def test_an_unknown_function_without_a_stored_value_the_table_reads_still_fails(tmp_path):
    path = _putuo(tmp_path / "p.xlsx", {(SHEET, "F13"): ("NOSUCH(1)", None)})
    _, result = recalc_file(path, tmp_path / "r.xlsx")
    failed = {failure.source.cell: failure for failure in result.failures}
    assert failed["F13"].value == "#NAME?" and "H13" in failed and not result.stood
    assert failed["F13"].reason == "计算引擎没有函数 NOSUCH"


def test_a_file_recalculated_on_opening_names_why_a_kept_cell_stands(tmp_path):
    # rev30 C p4: check's note on a fullCalcOnLoad file names the reason of a cell the
    # general engine kept (Recalculation.stood), as it does for one it failed
    from jixiao.recalc.on_load import as_opened

    path = _putuo(tmp_path / "p.xlsx", {("附件", "A1"): ("NOSUCH(1)", 12)})
    assert as_opened(path).note.endswith(
        "；其中 1 个公式 jixiao 无法计算（如 附件!A1：计算引擎没有函数 NOSUCH），按文件保存的结果校验")


@pytest.mark.parametrize("formula", ["'[预算台账.xlsx]Sheet1'!$B$2", "NOSUCH(1)"])
def test_a_stored_error_value_is_no_stored_value_on_the_second_run_either(tmp_path, capsys,
                                                                          formula):
    """rt35 r9 #3: a side cell reading another workbook (or a function the engine lacks)
    with no stored value failed the first recalc --in-place (#REF! written, exit 1); the
    second run found that #REF! stored, kept it and exited 0. A stored error value is no
    value (docs/recalc.md): both runs write the error, list it, exit 1."""
    path = _putuo(tmp_path / "p.xlsx", {("附件", "A1"): (formula, None)})
    for _run in range(2):
        assert main(["recalc", str(path), "--in-place"]) == 1
        out = capsys.readouterr().out
        assert "有 1 个单元格无法计算，已写入错误值，公式保留：\n  附件!A1  #" in out
        assert "保留 #" not in out and "计算成功" not in out
    assert _cached(path, "附件")["A1"] in ("#REF!", "#NAME?")
