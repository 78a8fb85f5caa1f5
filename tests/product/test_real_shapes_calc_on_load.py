"""Files that ask to be recalculated on opening (``<calcPr fullCalcOnLoad="1"/>``), as export
libraries write them (red team rt25-e 1): xlsxwriter stores 0 as every formula's result,
Apache POI / NPOI template exports keep the template's old results. Excel, WPS and
LibreOffice recompute on opening and show the right numbers; before, jixiao took the stored
results as the unit's and gave a correct table 3–6 false errors (执行率写为 0% …)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
import xlsxwriter
from openpyxl import load_workbook
from workbooks import PUTUO_1_MONEY, PUTUO_1_ROWS, Formula, standard

from jixiao.pipeline import check_workbook
from jixiao.read.workbook import read_workbook

NOTE = "文件要求打开时重新计算（fullCalcOnLoad），已按公式算出的值校验"

# The standard table's computed cells (tests/workbooks.standard: money in row 6, 总分 row 16)
FORMULAS = {"G6": "=ROUND(E6/D6*100,2)", "H6": "=ROUND(F6*G6/100,2)", "G7": "=ROUND(E7/D7*100,2)",
            "G16": "=F6+SUM(G11:G15)", "H16": "=H6+SUM(H11:H15)",
            "B17": '=IF(H16>=90,"优",IF(H16>=80,"良",IF(H16>=60,"中","差")))'}


def xlsxwriter_export(tmp_path, formulas=FORMULAS):
    """The Putuo table written by xlsxwriter with its formulas and no results given:
    xlsxwriter stores 0 for each and asks for a recalculation on opening."""
    plain = load_workbook(standard(tmp_path / "plain.xlsx")).active
    path = tmp_path / "export.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("自评表")
    merged = {str(area).split(":")[0]: str(area) for area in plain.merged_cells.ranges}
    for row in plain.iter_rows():
        for cell in row:
            if cell.coordinate in formulas:
                sheet.write_formula(cell.coordinate, formulas[cell.coordinate])
            elif cell.coordinate in merged:
                sheet.merge_range(merged[cell.coordinate], cell.value)
            elif cell.value is not None:
                sheet.write(cell.coordinate, cell.value)
    book.close()
    return path


def template_export(tmp_path, full_calc=True):
    """A POI/NPOI export: the system filled a template whose formulas keep the template's
    old results (95 %, 9.5, 99.48), and set the flag (setForceFormulaRecalculation)."""
    money = [list(line) for line in PUTUO_1_MONEY]
    money[0][5:7] = [Formula(FORMULAS["G6"], 95), Formula(FORMULAS["H6"], 9.5)]
    money[1][5] = Formula(FORMULAS["G7"], 95)
    path = standard(tmp_path / "poi.xlsx", money=[tuple(line) for line in money],
                    total=(100, Formula(FORMULAS["H16"], 99.5)))
    if full_calc:
        _ask_full_calculation(path)
    return path


def _ask_full_calculation(path):
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    workbook = parts["xl/workbook.xml"].decode()
    workbook = re.sub(r"<calcPr[^>]*/>", "", workbook).replace(
        "</workbook>", '<calcPr calcId="0" fullCalcOnLoad="1"/></workbook>')
    parts["xl/workbook.xml"] = workbook.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def found(result):
    return [(item.code, item.cell) for item in result.findings]


def test_an_xlsxwriter_export_is_checked_as_excel_shows_it(tmp_path):
    """Before: JX101 F16 分值合计写为 0, JX301 G6/G7 执行率写为 0%, JX302 H6, JX501 总分写为 0,
    JX502 评分等级“0” — on a table Excel shows as 99.81 % / 9.98 / 99.98 / 优."""
    path = xlsxwriter_export(tmp_path)
    before = path.read_bytes()
    result = check_workbook(path)
    assert result.error is None and found(result) == []
    assert result.notes == [f"{NOTE}（6 个公式保存的结果与打开后显示的不同，如 自评表!G6、"
                            "自评表!H6、自评表!G7）"]
    table = result.tables[0].table
    assert (table.funds.total.rate_declared, table.funds.score_declared, table.total_declared,
            table.grade_declared) == (99.81, 9.98, 99.98, "优")
    assert path.read_bytes() == before  # the input is never written
    # what read_workbook alone gives: the stored zeros, and the flag that they are stale
    assert read_workbook(path).calculate_on_load


def test_a_template_export_with_old_results_is_checked_as_excel_shows_it(tmp_path):
    """Before: JX301 G6/G7 执行率写为 95%, JX302 H6 执行率得分写为 9.5 (the template's)."""
    result = check_workbook(template_export(tmp_path))
    assert found(result) == []
    assert result.notes == [f"{NOTE}（4 个公式保存的结果与打开后显示的不同，如 自评表!G6、"
                            "自评表!H6、自评表!G7）"]


def test_the_same_results_without_the_flag_are_what_the_unit_saw(tmp_path):
    """Saved by Excel (no fullCalcOnLoad), the stored results are what the unit sees:
    95 % and 9.5 are the unit's mistakes, as before, and nothing is recalculated."""
    result = check_workbook(template_export(tmp_path, full_calc=False))
    assert found(result) == [("JX301", "G6"), ("JX301", "G7"), ("JX302", "H6")]
    assert result.notes == []


def test_formulas_saved_without_results_still_ask_to_recalculate(tmp_path):
    """openpyxl sets the flag too, but stores no results: nothing stored is stale, JX504
    asks to recalculate as for any such file, and jixiao computes nothing."""
    rows = [(*row[:6], Formula(f"=G{11 + i}"), row[7]) for i, row in enumerate(PUTUO_1_ROWS)]
    path = standard(tmp_path / "t.xlsx", rows=rows, total=(100, Formula("=SUM(H11:H15)+H6")))
    assert b'fullCalcOnLoad="1"' in zipfile.ZipFile(path).read("xl/workbook.xml")
    result = check_workbook(path)
    assert found(result) == [("JX504", "H11")]
    assert result.notes == []


def test_a_formula_jixiao_cannot_compute_keeps_its_stored_result(tmp_path):
    """A 总分 using a function the engine lacks, in a template export that stores its
    results: the stored 99.98 is the best evidence of what the unit saw — checked as
    stored, the formulas computed as computed (rt25-k 2: before, its result was dropped, a
    false JX504 “没有计算结果” and no 总分)."""
    path = template_export(tmp_path)
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet], count = re.subn(rb"<f>H6\+SUM\(H11:H15\)</f><v>[^<]*</v>",
                                  b"<f>H6+SUM(H11:H15)+0*NOSUCHFUNCTION(1)</f><v>99.98</v>",
                                  parts[sheet])
    assert count == 1
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    result = check_workbook(path)
    assert found(result) == []
    assert result.tables[0].table.total_declared == 99.98
    [note] = result.notes
    assert note.endswith("；其中 1 个公式 jixiao 无法计算（如 自评表!H16：计算引擎没有函数 "
                         "NOSUCHFUNCTION），按文件保存的结果校验")


def _native_with_a_formula_of_its_own(tmp_path, full_calc):
    """putuo-1 in the native template, every result stored (jixiao recalc, as LibreOffice
    saves it), its first 分值 typed as a formula (=2+3, 5 stored) — a formula the template
    has not, so jixiao cannot compute the workbook; ``full_calc``: asking to be recalculated
    on opening, as jixiao's annotated copy of it did."""
    from jixiao.recalc.workbook import recalc_file
    from jixiao.samples import sample
    from jixiao.template.build import build_template

    tmp_path.mkdir(exist_ok=True)
    build_template(tmp_path / "native.xlsx", year=2024, table=sample("putuo-1"), formulas="native")
    path, _ = recalc_file(tmp_path / "native.xlsx", tmp_path / "stored.xlsx")
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet], count = re.subn(rb'<c r="G13"( s="[0-9]+")? t="n"><v>5</v></c>',
                                  rb'<c r="G13"\1><f>2+3</f><v>5</v></c>', parts[sheet])
    assert count == 1
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    if full_calc:
        _ask_full_calculation(path)
    return path


def test_a_native_template_jixiao_cannot_compute_keeps_its_stored_results(tmp_path):
    """A native template jixiao cannot compute (a formula of the unit's own), asking to be
    recalculated on opening: checked by its stored results, as without the flag (rt25-k 2:
    before, all 549 were dropped — JX504 “14 个公式单元格没有计算结果”, a JX102 for the
    分值 5 lost, no 总分)."""
    path = _native_with_a_formula_of_its_own(tmp_path, full_calc=True)
    result = check_workbook(path)
    assert found(result) == []
    evaluation = result.tables[0].evaluation
    assert (result.tables[0].table.total_declared, evaluation.total) == (99.98, 99.98)
    [note] = result.notes
    assert note.startswith("文件要求打开时重新计算（fullCalcOnLoad）；但 jixiao 无法计算本文件的公式"
                           "（“stored.xlsx”是原生公式模板，另有 1 个其他公式（如 自评表!G13）")
    assert re.search("）， *[0-9]+ 个公式按文件保存的结果校验$", note), note
    plain = check_workbook(_native_with_a_formula_of_its_own(tmp_path / "plain", False))
    assert (found(plain), plain.notes) == ([], [])


def test_the_content_given_is_recalculated_in_memory(tmp_path):
    """A batch worker passes the content it read (a workbook embedded in a document has no
    file of its own): the engine reads that content, not a file of the name."""
    data = xlsxwriter_export(tmp_path).read_bytes()
    result = check_workbook(tmp_path / "nowhere" / "export.xlsx", data=data)
    assert result.error is None and found(result) == []
    assert result.notes[0].startswith(NOTE)


@pytest.mark.parametrize("writer", ["package", "openpyxl"])
def test_the_annotated_copy_is_recalculated_on_opening_as_its_input(tmp_path, writer):
    """Before, the copy lost fullCalcOnLoad (its stored results taken for Excel's): Excel
    showed 执行率 0% and 总分 0 beside a 校验结果 sheet that found nothing wrong."""
    from jixiao.report.annotate import annotate

    path = xlsxwriter_export(tmp_path)
    if writer == "openpyxl":  # an XML comment: the package editor leaves it to openpyxl
        with zipfile.ZipFile(path) as archive:
            parts = {info.filename: archive.read(info) for info in archive.infolist()}
        sheet = "xl/worksheets/sheet1.xml"
        parts[sheet] = parts[sheet].replace(b"<sheetData>", b"<!-- x --><sheetData>", 1)
        path = tmp_path / "odd.xlsx"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in parts.items():
                archive.writestr(name, data)
    notes = []
    copy = annotate(path, tmp_path / "copy.xlsx", check_workbook(path).findings, notes=notes)
    assert bool(notes) == (writer == "openpyxl")  # (the openpyxl path says it simplified)
    workbook = zipfile.ZipFile(copy).read("xl/workbook.xml").decode()
    assert re.search(r'<calcPr[^>]*fullCalcOnLoad="1"', workbook), workbook


@pytest.mark.parametrize("writer", ["package", "openpyxl"])
def test_a_text_result_saved_empty_is_a_result_the_copy_keeps(tmp_path, writer):
    """=IF(D9=0,"",…) over a budget of 0, saved as the text "" (t="str", an empty <v>) by
    Excel or LibreOffice, in a file not asking to be recalculated: a result, not a formula
    left without one — the annotated copy keeps every stored result and asks no
    recalculation on opening either (rt25-k 2: before, it asked, and jixiao, checking the
    copy again, recomputed a native template it cannot compute)."""
    from jixiao.report.annotate import annotate
    from jixiao.xlsx.package import Package

    money = [list(line) for line in PUTUO_1_MONEY]
    money[3][5] = Formula('=IF(D9=0,"",ROUND(E9/D9*100,2))', "")
    path = standard(tmp_path / "t.xlsx", money=[tuple(line) for line in money], grade="良")
    if writer == "openpyxl":  # an XML comment: the package editor leaves it to openpyxl
        with zipfile.ZipFile(path) as archive:
            parts = {info.filename: archive.read(info) for info in archive.infolist()}
        sheet = "xl/worksheets/sheet1.xml"
        parts[sheet] = parts[sheet].replace(b"<sheetData>", b"<!-- x --><sheetData>", 1)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in parts.items():
                archive.writestr(name, data)
    package = Package(path)
    [cell] = [cell for cell in package.cells(package.sheets[0]) if cell.ref == "G9"]
    assert (cell.formula is not None, cell.value) == (True, "")
    result = check_workbook(path)
    assert (found(result), result.notes) == ([("JX502", "B17")], [])  # 良 for 99.98: a mark
    notes = []
    copy = annotate(path, tmp_path / "copy.xlsx", result.findings, notes=notes)
    assert bool(notes) == (writer == "openpyxl")
    workbook = zipfile.ZipFile(copy).read("xl/workbook.xml").decode()
    assert "fullCalcOnLoad" not in workbook, workbook
    again = check_workbook(copy)
    assert (found(again), again.notes) == ([("JX502", "B17")], [])


def test_a_strict_workbook_asking_to_recalculate_is_checked_with_its_stored_results(tmp_path):
    """Strict Open XML with the flag: jixiao cannot write results into a strict package to
    recompute it, so it checks the stored results and says so (before: refused, exit 2,
    “不能按这种格式写出重算结果或标注副本” — though check writes nothing)."""
    import importlib.util

    from jixiao.pipeline import STRICT_NOT_RECALCULATED

    spec = importlib.util.spec_from_file_location(
        "strict_helpers", Path(__file__).parents[1] / "xlsx" / "test_strict.py")
    strict = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(strict)
    path = strict._as_strict(template_export(tmp_path), tmp_path / "strict.xlsx")
    result = check_workbook(path)
    assert result.error is None
    assert result.notes == [STRICT_NOT_RECALCULATED]
    assert ("JX301", "G6") in found(result)  # the stale 95 %, as the note warns


def test_a_flagged_workbook_jixiao_cannot_recompute_is_checked_with_its_stored_results(
        tmp_path, monkeypatch):
    """The recalculation refusing the file (a sheet over the limits the reader only skips,
    review of rt25): the workbook as read stands, with a note saying why — not the whole
    file refused (“超出安全上限”, 0 tables)."""
    import jixiao.recalc.on_load as on_load
    from jixiao.errors import UnreadableWorkbook
    from jixiao.pipeline import NOT_RECALCULATED

    def refuse(path, data=None):
        raise UnreadableWorkbook("“poi.xlsx”超出安全上限")

    monkeypatch.setattr(on_load, "as_opened", refuse)
    result = check_workbook(template_export(tmp_path))
    assert result.error is None and len(result.tables) == 1
    assert result.notes == [f"{NOT_RECALCULATED}（“poi.xlsx”超出安全上限）"]
    assert ("JX301", "G6") in found(result)  # the stale 95 %, as the note warns
