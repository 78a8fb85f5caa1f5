"""Sheets whose rows and cells are written without their ``r=`` (ECMA-376 §18.3.1.73,
§18.3.1.4: each follows the one before), as the .NET Open XML SDK and some exporters write
them (rt29 r1 41–57). Their values were read; their formulas were not: a shared formula
failed the calculation engine (“TypeError”, so a fullCalcOnLoad file was checked against
its stale stored 0s: 7 false errors), and formulas saved without results were keyed by no
cell (JX406 执行率得分未填写 instead of JX504)."""

from __future__ import annotations

from xml.sax.saxutils import escape

import pytest
from openpyxl import load_workbook
from workbooks import raw_package, standard

from jixiao.pipeline import check_workbook

# The standard table's computed cells (tests/workbooks.standard: money in row 6, 总分 row 16);
# G7 is G6's shared formula, stored as <f t="shared" si="0"/> with no text of its own.
MASTER = '<f t="shared" ref="G6:G7" si="0">ROUND(E6/D6*100,2)</f>'
FORMULAS = {"G6": MASTER, "G7": '<f t="shared" si="0"/>', "H6": "<f>ROUND(F6*G6/100,2)</f>",
            "G16": "<f>F6+SUM(G11:G15)</f>", "H16": "<f>H6+SUM(H11:H15)</f>",
            "B17": '<f>IF(H16&gt;=90,"优",IF(H16&gt;=80,"良",IF(H16&gt;=60,"中","差")))</f>'}


def dotnet_export(tmp_path, stored=True, full_calc=True):
    """The Putuo table as an Open XML SDK export writes it: no r= on rows or cells (an
    empty <c/> holds each gap), inline strings, each formula stored with 0 (``stored``)
    or without a result, and (``full_calc``) the flag asking for recalculation on opening."""
    plain = load_workbook(standard(tmp_path / "plain.xlsx")).active
    rows = []
    for row in plain.iter_rows():
        cells = []
        for cell in row:
            if cell.coordinate in FORMULAS:
                kind = ' t="str"' if cell.coordinate == "B17" else ""
                cells.append(f"<c{kind}>{FORMULAS[cell.coordinate]}"
                             f"{'<v>0</v>' if stored else ''}</c>")
            elif isinstance(cell.value, str):
                cells.append(f'<c t="inlineStr"><is><t>{escape(cell.value)}</t></is></c>')
            elif cell.value is not None:
                cells.append(f"<c><v>{cell.value}</v></c>")
            else:
                cells.append("<c/>")
        rows.append(f"<row>{''.join(cells)}</row>")
    merges = "".join(f'<mergeCell ref="{area}"/>' for area in plain.merged_cells.ranges)
    calc = '<calcPr fullCalcOnLoad="1"/>' if full_calc else ""
    return raw_package(tmp_path / "dotnet.xlsx", "".join(rows), sheet="自评表", calc=calc,
                       after_data=f"<mergeCells>{merges}</mergeCells>")


def found(result):
    return [(item.code, item.cell) for item in result.findings]


def test_stale_results_of_shared_formulas_without_cell_references_are_recalculated(tmp_path):
    """Before: “jixiao 无法计算本文件的公式（…TypeError：'NoneType' object is not
    iterable）”, the stored 0s checked: JX101, JX301 G6/G7, JX302, JX501, JX502. Excel shows
    99.81 % (31.50 ÷ 31.56), 9.98, 总分 99.98 (9.98 + 5 + 25 + 20 + 30 + 10), 优."""
    result = check_workbook(dotnet_export(tmp_path))
    assert result.error is None and found(result) == []
    assert result.notes[0].startswith("文件要求打开时重新计算（fullCalcOnLoad），已按公式算出的值校验")
    table = result.tables[0].table
    assert (table.funds.total.rate_declared, table.funds.score_declared, table.total_declared,
            table.grade_declared) == (99.81, 9.98, 99.98, "优")


def test_formulas_without_results_or_cell_references_ask_to_recalculate(tmp_path):
    """Before: the formulas were keyed by no cell, the blank 执行率得分 read as not filled
    in (JX406 H6). As with r= written: JX504 on the first of them, in reading order."""
    result = check_workbook(dotnet_export(tmp_path, stored=False, full_calc=False))
    assert found(result) == [("JX504", "G6")]
    assert "6 个公式单元格" in result.findings[0].message


def _opened(path):
    """A package as openpyxl reads it once each cell has its r= (``for_openpyxl``): the
    package path keeps the cells of the copy as the exporter wrote them, without."""
    import io
    import zipfile

    from jixiao.xlsx.openpyxl_cells import for_openpyxl

    with zipfile.ZipFile(path) as archive:
        placed = for_openpyxl(archive)
    return load_workbook(io.BytesIO(placed) if placed else path)


@pytest.mark.parametrize("through_openpyxl", [False, True])
def test_the_annotated_copy_marks_the_cells_the_findings_name(tmp_path, monkeypatch,
                                                              through_openpyxl):
    """left30: the stored 0s of a file that does not ask to be recalculated are checked
    (JX101 G16, JX301 G6 and G7, JX302 H6, JX501 H16, JX502 B17); each finding's note sits
    on its own cell in the copy, written in place or through openpyxl. Before, openpyxl
    refused the copy of the shared formula G6:G7 without its r= (“无法打开…（TypeError）”)."""
    from jixiao.report import annotate as annotate_module
    from jixiao.xlsx.xmledit import CannotEdit

    source = dotnet_export(tmp_path, full_calc=False)
    findings = check_workbook(source).findings
    assert found(check_workbook(source)) == [("JX101", "G16"), ("JX301", "G6"), ("JX301", "G7"),
                                             ("JX302", "H6"), ("JX501", "H16"), ("JX502", "B17")]
    if through_openpyxl:
        def refuse(*args, **kwargs):
            raise CannotEdit("forced")

        monkeypatch.setattr(annotate_module, "write_annotated", refuse)
    notes = []
    copy = _opened(annotate_module.annotate(source, tmp_path / "copy.xlsx", findings, notes=notes))
    assert bool(notes) == through_openpyxl
    sheet = copy["自评表"]
    noted = {cell.coordinate: cell.comment.text for row in sheet.iter_rows() for cell in row
             if cell.comment is not None}
    assert {ref: text.split("]")[0] for ref, text in noted.items()} == {
        "G16": "[JX101 错误", "G6": "[JX301 错误", "G7": "[JX301 错误", "H6": "[JX302 错误",
        "H16": "[JX501 错误", "B17": "[JX502 错误"}
    assert (sheet["B6"].value, sheet["D6"].value, sheet["E6"].value) == ("年度资金总额", 31.56, 31.5)
    assert (sheet["G6"].value, sheet["G7"].value) == ("=ROUND(E6/D6*100,2)", "=ROUND(E7/D7*100,2)")
