"""The annotated copy edits the package: every part it does not need is copied byte for
byte, so text boxes, sparklines, Excel 2010 dropdown lists and rich text survive (rt20:
before, openpyxl's round trip dropped them); openpyxl stays the reference path for what
cannot be edited safely."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from hostile import macro, member, rezip
from openpyxl import load_workbook
from openpyxl.comments import Comment
from workbooks import zizhou

from jixiao.pipeline import check_workbook
from jixiao.report import annotate as annotate_module
from jixiao.report.annotate import annotate
from jixiao.xlsx.xml import parse_xml

SHEET = "xl/worksheets/sheet1.xml"
MARKED = {"F12": "FFEB9C", "H17": "FFEB9C", "I17": "FFC7CE"}  # zizhou: JX204, JX404, JX405
TEXT_BOX = (
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor>'
    "<xdr:from><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>18</xdr:row>"
    "<xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>13</xdr:col><xdr:colOff>0</xdr:colOff>"
    '<xdr:row>21</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:sp macro="" textlink="">'
    '<xdr:nvSpPr><xdr:cNvPr id="5" name="文本框 4"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr>'
    '<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1800000" cy="500000"/></a:xfrm>'
    '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr><xdr:txBody><a:bodyPr/>'
    '<a:lstStyle/><a:p><a:r><a:rPr lang="zh-CN"/><a:t>单位负责人签字：王某（单位盖章）</a:t></a:r>'
    "</a:p></xdr:txBody></xdr:sp><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>")
DRAWING_ELEMENT = ('<drawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
                   'relationships" r:id="rIdBox"/>')
EXTENSIONS = (
    '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" '
    'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
    '<x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">'
    '<x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1">'
    "<x14:formula1><xm:f>选项!$A$1:$A$4</xm:f></x14:formula1><xm:sqref>G21</xm:sqref>"
    "</x14:dataValidation></x14:dataValidations></ext>"
    '<ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" '
    'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
    '<x14:sparklineGroups xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">'
    '<x14:sparklineGroup displayEmptyCellsAs="gap"><x14:colorSeries rgb="FF376092"/><x14:sparklines>'
    "<x14:sparkline><xm:f>自评表!G12:H12</xm:f><xm:sqref>J12</xm:sqref></x14:sparkline>"
    "</x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext></extLst>")
RICH_CELL = ('<c r="K3" t="inlineStr"><is><r><rPr><b/><color rgb="FFFF0000"/></rPr><t>粗体</t></r>'
             "<r><t>与常规</t></r></is></c>")


def rich(tmp_path: Path) -> Path:
    """The 子洲 table with a text box, an Excel 2010 dropdown list, a sparkline and a
    rich-text cell, written as Excel writes them (openpyxl keeps none of them)."""
    source = zizhou(tmp_path / "plain.xlsx")
    sheet = member(source, SHEET).decode()
    row3 = re.search(r'<row r="3"[^>]*>.*?</row>', sheet).group(0)
    sheet = sheet.replace(row3, row3[:-len("</row>")] + RICH_CELL + "</row>")
    sheet = sheet.replace("</worksheet>", DRAWING_ELEMENT + EXTENSIONS + "</worksheet>")
    types = member(source, "[Content_Types].xml").decode().replace("</Types>", (
        '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.drawing+xml"/></Types>'))
    rels = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rIdBox" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/drawing" Target="../drawings/drawing1.xml"/></Relationships>')
    return rezip(source, tmp_path / "rich.xlsx", replace={
        SHEET: sheet.encode(), "[Content_Types].xml": types.encode()}, add={
        "xl/drawings/drawing1.xml": TEXT_BOX.encode(),
        "xl/worksheets/_rels/sheet1.xml.rels": rels.encode()})


def annotated(source: Path, tmp_path: Path, name: str = "copy.xlsx") -> Path:
    return annotate(source, tmp_path / name, check_workbook(source).findings)


def contents(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_text_boxes_sparklines_dropdowns_and_rich_text_survive_byte_for_byte(tmp_path):
    source = rich(tmp_path)
    before, after = contents(source), contents(annotated(source, tmp_path))
    assert after["xl/drawings/drawing1.xml"] == before["xl/drawings/drawing1.xml"]
    sheet = after[SHEET].decode()
    for piece in (DRAWING_ELEMENT, EXTENSIONS, RICH_CELL):
        assert piece in sheet
    # the notes' drawing goes between the text box's drawing and the extensions
    assert sheet.index("<drawing ") < sheet.index("<legacyDrawing ") < sheet.index("<extLst>")
    # the sheet keeps its relationship to the text box and gains the notes'
    assert 'Id="rIdBox"' in after["xl/worksheets/_rels/sheet1.xml.rels"].decode()


def test_every_part_the_annotation_does_not_need_is_byte_identical(tmp_path):
    source = rich(tmp_path)
    before, after = contents(source), contents(annotated(source, tmp_path))
    changed = {name for name in before if after[name] != before[name]}
    assert changed == {SHEET, "xl/styles.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                       "[Content_Types].xml", "_rels/.rels", "xl/worksheets/_rels/sheet1.xml.rels"}
    assert set(after) - set(before) == {"xl/comments1.xml", "xl/drawings/vmlDrawing1.vml",
                                        "xl/worksheets/sheet2.xml", "docProps/custom.xml"}
    # in the marked sheet only the marked cells' start tags and the new element differ; the
    # empty I17 had no <c>: one is made, in its place in the row
    old, new = before[SHEET].decode(), after[SHEET].decode()
    assert '<c r="H17" t="inlineStr" s="1"><is><t>7 分</t></is></c><c r="I17" s="2"/></row>' in new
    new = new.replace('<c r="I17" s="2"/>', "")
    for ref in MARKED:
        new = re.sub(rf'(<c r="{ref}"[^>]*?) s="\d+"', r"\1", new, count=1)
        old = re.sub(rf'(<c r="{ref}"[^>]*?) s="\d+"', r"\1", old, count=1)
    assert re.sub(r"<legacyDrawing [^>]*/>", "", new) == old


def test_the_copy_opens_in_openpyxl_with_fills_notes_links_and_findings(tmp_path):
    book = load_workbook(annotated(rich(tmp_path), tmp_path))
    sheet = book["自评表"]
    for ref, colour in MARKED.items():
        assert sheet[ref].fill.fill_type == "solid" and sheet[ref].fill.fgColor.rgb == "FF" + colour
        assert sheet[ref].comment.author == "jixiao"
    assert sheet["I17"].comment.text.startswith("[JX405 错误] ")
    assert sheet["D12"].value == "全县 25 万城乡居民医保工作"
    results = book["校验结果"]
    assert book.sheetnames == ["自评表", "校验结果"] and book.active.title == "校验结果"
    assert [[cell.value for cell in row] for row in results.iter_rows(max_col=3)] == [
        ["代码", "级别", "位置"], ["JX204", "警告", "自评表!F12"], ["JX404", "警告", "自评表!H17"],
        ["JX405", "错误", "自评表!I17"]]
    assert [results.cell(row, 3).hyperlink.location for row in (2, 3, 4)] == [
        "'自评表'!F12", "'自评表'!H17", "'自评表'!I17"]
    assert results["A1"].font.b and results["A4"].fill.fgColor.rgb == "FFFFC7CE"
    assert results["D2"].alignment.wrap_text and results.freeze_panes == "A2"
    assert results.print_title_rows == "$1:$1" and results.page_setup.orientation == "landscape"
    assert results.page_setup.paperSize == 9 and results.page_setup.fitToHeight == 0
    assert [column.width for column in map(results.column_dimensions.__getitem__, "ABCD")] == [
        8, 6, 16, 90]
    assert not sheet.sheet_view.tabSelected and results.sheet_view.tabSelected


def test_every_written_part_is_well_formed_and_sheets_in_schema_order(tmp_path):
    from jixiao.xlsx.annotate_sheet import in_schema_order

    for copy in (annotated(rich(tmp_path), tmp_path), annotated(_commented(tmp_path), tmp_path,
                                                                 "commented-copy.xlsx")):
        for name, data in contents(copy).items():
            if name.endswith((".xml", ".rels", ".vml")):
                parse_xml(data)
            if name.startswith("xl/worksheets/sheet"):
                assert in_schema_order(data.decode()), name


def _commented(tmp_path: Path) -> Path:
    source = zizhou(tmp_path / "commented.xlsx")
    book = load_workbook(source)
    book["自评表"]["A1"].comment = Comment("表头请勿改动", "张三")
    book["自评表"]["I17"].comment = Comment("得分已复核", "李四")
    book.save(source)
    return source


def test_a_sheet_with_notes_keeps_them_and_gets_ours(tmp_path):
    source = _commented(tmp_path)
    before, after = contents(source), contents(annotated(source, tmp_path))
    [comments] = [name for name in before if name.startswith("xl/comments")]
    assert not [name for name in after if name.startswith("xl/comments") and name != comments]
    sheet = load_workbook(tmp_path / "copy.xlsx")["自评表"]
    assert (sheet["A1"].comment.author, sheet["A1"].comment.text) == ("张三", "表头请勿改动")
    assert sheet["I17"].comment.text.startswith("得分已复核\n—\n[JX405 错误] ")
    assert sheet["H17"].comment.author == "jixiao" and "JX404" in sheet["H17"].comment.text
    [vml] = [name for name in after if name.endswith(".vml")]
    assert len(re.findall(r"<\w+:shape ", after[vml].decode())) == 4  # A1, I17 kept; F12, H17 added
    # annotating the copy again replaces jixiao's notes, it does not stack them
    again = load_workbook(annotated(tmp_path / "copy.xlsx", tmp_path, "again.xlsx"))["自评表"]
    assert again["I17"].comment.text.count("[JX405") == 1
    assert again["H17"].comment.text.count("[JX404") == 1


def test_a_sheet_written_with_a_prefix_is_marked_in_its_namespace(tmp_path):
    source = zizhou(tmp_path / "plain.xlsx")
    sheet = member(source, SHEET).decode()
    body = sheet[sheet.index("<worksheet"):]
    prefixed = re.sub(r"<(/?)(?!x:)([A-Za-z]\w*)", r"<\1x:\2", body).replace(
        'xmlns="http://schemas', 'xmlns:x="http://schemas', 1)
    source = rezip(source, tmp_path / "prefixed.xlsx", replace={SHEET: prefixed.encode()})
    copy = annotated(source, tmp_path)
    text = member(copy, SHEET).decode()
    assert "<x:legacyDrawing " in text and "<legacyDrawing" not in text
    marked = load_workbook(copy)["自评表"]
    assert marked["I17"].fill.fgColor.rgb == "FFFFC7CE" and marked["I17"].comment.author == "jixiao"


def test_a_package_that_cannot_be_edited_safely_goes_through_openpyxl(tmp_path, monkeypatch):
    """An XML comment in the sheet: the scan cannot promise to read it right, so the
    reference path writes the copy (and says the same)."""
    source = zizhou(tmp_path / "plain.xlsx")
    sheet = member(source, SHEET).decode().replace("<sheetData>", "<!-- 审核 --><sheetData>", 1)
    source = rezip(source, tmp_path / "odd.xlsx", replace={SHEET: sheet.encode()})
    from jixiao.report import annotate_openpyxl

    calls = []
    original = annotate_openpyxl.write_with_openpyxl
    monkeypatch.setattr(annotate_openpyxl, "write_with_openpyxl",
                        lambda *args, **kwargs: calls.append(1) or original(*args, **kwargs))
    notes = []
    book = load_workbook(annotate(source, tmp_path / "copy.xlsx",
                                  check_workbook(source).findings, notes=notes))
    assert calls == [1]
    assert notes == ["“odd.xlsx”的结构无法逐项保留，标注副本经 openpyxl 重写：文本框、迷你图、"
                     "单元格内的富文本等内容可能被简化，请以原文件为准"]
    assert book["自评表"]["I17"].fill.fgColor.rgb.endswith("FFC7CE")
    assert book["自评表"]["I17"].comment.author == "jixiao"
    assert book.sheetnames == ["自评表", "校验结果"] and book.active.title == "校验结果"


def _seen(path: Path) -> dict[str, object]:
    book = load_workbook(path)
    sheet, results = book["自评表"], book["校验结果"]
    return {"fills": {ref: sheet[ref].fill.fgColor.rgb[-6:] for ref in MARKED},
            "notes": {ref: (sheet[ref].comment.author, sheet[ref].comment.text) for ref in MARKED},
            "rows": [[cell.value for cell in row] for row in results.iter_rows()],
            "links": [cell.hyperlink.location for cell in results["C"] if cell.hyperlink],
            "active": book.active.title, "names": book.sheetnames,
            "values": [[cell.value for cell in row] for row in sheet.iter_rows()],
            "custom": {item.name: item.value for item in book.custom_doc_props.props
                       if item.name not in ("jixiao-xf", "jixiao-sheets", "jixiao-notes")}}
    # the package path's records of the formats it cloned, the sheets it wrote and the note
    # boxes it grew


def test_the_package_path_shows_what_the_openpyxl_reference_path_shows(tmp_path, monkeypatch):
    from jixiao.xlsx.xmledit import CannotEdit

    source = _commented(tmp_path)
    edited = _seen(annotated(source, tmp_path, "edited.xlsx"))

    def refuse(*args, **kwargs):
        raise CannotEdit("forced")

    monkeypatch.setattr(annotate_module, "write_annotated", refuse)
    assert _seen(annotated(source, tmp_path, "reference.xlsx")) == edited


def test_macros_are_kept_byte_for_byte_in_an_xlsm_copy(tmp_path):
    source = macro(tmp_path)
    copy = annotate(source, tmp_path / "copy.xlsm", [])
    before, after = contents(source), contents(copy)
    assert after["xl/vbaProject.bin"] == before["xl/vbaProject.bin"]
    assert "macroEnabled.main+xml" in after["[Content_Types].xml"].decode()
    assert "vbaProject" in after["xl/_rels/workbook.xml.rels"].decode()
    assert load_workbook(copy)["校验结果"]["D2"].value == "未发现问题。"


@pytest.mark.parametrize("edited", [True, False])
def test_an_xlsm_renamed_xls_keeps_its_macros_in_its_xlsm_copy(tmp_path, monkeypatch, edited):
    """jixiao batch names the copy of an .xlsm renamed x.xls (its bytes a package with a
    VBA project) x-校验.xlsm: the copy keeps the macros, on the openpyxl path too (which
    dropped them: it kept macros only of a source named .xlsm)."""
    from jixiao.xlsx.xmledit import CannotEdit

    source = macro(tmp_path).rename(tmp_path / "macro.xls")
    if not edited:
        def refuse(*args, **kwargs):
            raise CannotEdit("forced")

        monkeypatch.setattr(annotate_module, "write_annotated", refuse)
    copy = annotate(source, tmp_path / "copy.xlsm", [])
    after = contents(copy)
    assert after["xl/vbaProject.bin"] == contents(source)["xl/vbaProject.bin"]
    assert "macroEnabled.main+xml" in after["[Content_Types].xml"].decode()
    assert load_workbook(copy)["校验结果"]["D2"].value == "未发现问题。"


def test_libreoffice_opens_the_copy_and_lists_the_findings(tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    copy = annotated(rich(tmp_path), tmp_path)
    out = tmp_path / "lo"
    out.mkdir()
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                    "--headless", "--convert-to", "xlsx", "--outdir", str(out), str(copy)],
                   capture_output=True, timeout=180, env={**os.environ, "HOME": str(tmp_path)},
                   check=False)
    book = load_workbook(out / "copy.xlsx")
    assert book.sheetnames == ["自评表", "校验结果"]
    assert [row[0].value for row in book["校验结果"].iter_rows()] == ["代码", "JX204", "JX404",
                                                                   "JX405"]
    sheet = book["自评表"]
    assert sheet["I17"].fill.fgColor.rgb == "FFFFC7CE" and "JX405" in sheet["I17"].comment.text
    assert sheet["D12"].value == "全县 25 万城乡居民医保工作"


def test_a_units_note_keeps_its_author_and_text_through_two_annotations(tmp_path):
    """rt20 #1: the note's author became jixiao, and the next annotation replaced its text."""
    source = _commented(tmp_path)
    first_copy = annotated(source, tmp_path)
    line = next(item for item in check_workbook(source).findings if item.code == "JX405")
    expected = f"得分已复核\n—\n[JX405 错误] {line.message}"
    for copy in (first_copy, annotated(first_copy, tmp_path, "again.xlsx")):
        note = load_workbook(copy)["自评表"]["I17"].comment
        assert (note.author, note.text) == ("李四", expected)


def _filled_cells(path: Path) -> dict[str, tuple[str | None, str | None]]:
    sheet = load_workbook(path)["自评表"]
    return {cell.coordinate: (cell.fill.fgColor.rgb if cell.fill.fill_type else None,
                              cell.comment.text if cell.comment else None)
            for row in sheet.iter_rows() for cell in row
            if cell.fill.fill_type == "solid" or cell.comment}


@pytest.mark.parametrize("recorded", [True, False])
def test_a_corrected_copy_annotated_again_loses_the_old_marks(tmp_path, recorded):
    """rt20 #2: a copy annotated again after the unit corrected it kept the old fills and
    notes. Without the copy's record of the formats it cloned (an older copy), a clone's
    source is the one format that differs from it only in its fill."""
    source = _commented(tmp_path)
    copy = annotated(source, tmp_path)
    if not recorded:
        custom = re.sub(r'<property [^>]*name="jixiao-xf".*?</property>', "",
                        member(copy, "docProps/custom.xml").decode())
        copy = rezip(copy, tmp_path / "older.xlsx", replace={"docProps/custom.xml": custom.encode()})
    again = annotate(copy, tmp_path / "again.xlsx", [])  # the unit corrected every finding
    assert _filled_cells(again) == {"A1": (None, "表头请勿改动"), "I17": (None, "得分已复核")}
    from jixiao.xlsx.annotate_sheet import SheetEditor

    # each cell has the format it had (I17 had no <c>: the copy made one, with the format
    # the cell was shown with)
    before, after = (SheetEditor(member(path, SHEET).decode()) for path in (source, again))
    assert [after.style_of(ref) for ref in MARKED] == [before.style_of(ref) for ref in MARKED]
    assert [before.style_of(ref) for ref in MARKED] == [0, 0, 0]
    assert [SheetEditor(member(copy, SHEET).decode()).style_of(ref) for ref in MARKED] == [1, 1, 2]
    assert re.findall(r'<comment ref="(\w+)"', member(again, "xl/comments/comment1.xml").decode()) == [
        "A1", "I17"]
    vml = next(name for name in contents(again) if name.endswith(".vml"))
    assert len(re.findall(r"<\w+:shape ", member(again, vml).decode())) == 2  # A1, I17


def test_a_threaded_comments_placeholder_is_left_as_it_is(tmp_path):
    """rt20 #6: jixiao's note in the placeholder of a threaded comment is not shown by
    Excel 365 and broke the thread's link (its author "tc={id}"). The cell is filled; the
    findings sheet lists the finding."""
    source = _commented(tmp_path)
    [part] = [name for name in contents(source) if name.startswith("xl/comments")]
    thread = "tc={8A6F2B4C-1D2E-4F3A-9B8C-7D6E5F4A3B2C}"
    text = member(source, part).decode().replace("李四", thread)
    source = rezip(source, tmp_path / "threaded.xlsx", replace={part: text.encode()})
    copy = annotated(source, tmp_path)
    placeholder = re.search(r'<comment ref="I17".*?</comment>', text).group(0)
    assert placeholder in member(copy, part).decode()
    sheet = load_workbook(copy)["自评表"]
    assert (sheet["I17"].comment.author, sheet["I17"].comment.text) == (thread, "得分已复核")
    assert sheet["I17"].fill.fgColor.rgb == "FFFFC7CE"
    assert [row[0].value for row in load_workbook(copy)["校验结果"].iter_rows()][-1] == "JX405"


def test_a_sheet_in_its_own_element_order_is_edited_not_rewritten(tmp_path, monkeypatch):
    """rt20 #4: <pageMargins> before <mergeCells> (LibreOffice and Excel open it) sent the
    copy through openpyxl, which dropped the rich text. The input's own order is kept; the
    notes' drawing goes where the schema puts it among its neighbours."""
    source = rich(tmp_path)
    sheet = member(source, SHEET).decode()
    margins = re.search(r"<pageMargins [^>]*/>", sheet).group(0)
    moved = sheet.replace(margins, "").replace("</sheetData>", "</sheetData>" + margins, 1)
    assert "<mergeCells" in moved and moved.index(margins) < moved.index("<mergeCells")
    source = rezip(source, tmp_path / "order.xlsx", replace={SHEET: moved.encode()})
    from jixiao.report import annotate_openpyxl

    monkeypatch.setattr(annotate_openpyxl, "write_with_openpyxl", None)  # not called
    notes = []
    copy = annotate(source, tmp_path / "copy.xlsx", check_workbook(source).findings, notes=notes)
    text = member(copy, SHEET).decode()
    assert notes == [] and RICH_CELL in text and text.index(margins) < text.index("<mergeCells")
    assert text.index("<drawing ") < text.index("<legacyDrawing ") < text.index("<extLst>")
    assert member(copy, "xl/drawings/drawing1.xml") == TEXT_BOX.encode()


def test_the_command_says_when_the_copy_was_written_through_openpyxl(tmp_path, capsys):
    from jixiao.cli.main import main

    source = zizhou(tmp_path / "plain.xlsx")
    sheet = member(source, SHEET).decode().replace("<sheetData>", "<!-- 审核 --><sheetData>", 1)
    source = rezip(source, tmp_path / "odd.xlsx", replace={SHEET: sheet.encode()})
    main(["check", str(source), "--annotate", str(tmp_path / "copy.xlsx")])
    assert capsys.readouterr().err == (
        "jixiao：“odd.xlsx”的结构无法逐项保留，标注副本经 openpyxl 重写：文本框、迷你图、"
        "单元格内的富文本等内容可能被简化，请以原文件为准\n")


_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml."
_MACRO_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"


def _typed(source: Path, target: Path, kind: str) -> Path:
    types = re.sub(r'(PartName="/xl/workbook.xml" ContentType=")[^"]*"', rf'\g<1>{kind}"',
                   member(source, "[Content_Types].xml").decode())
    return rezip(source, target, replace={"[Content_Types].xml": types.encode()})


def _main_type(path: Path) -> str:
    return re.search(r'PartName="/xl/workbook.xml" ContentType="([^"]*)"',
                     member(path, "[Content_Types].xml").decode()).group(1)


@pytest.mark.parametrize(("kind", "suffix", "name", "expected", "vba"), [
    ("plain", ".xlsx", "copy.xlsm", _MACRO_MAIN, False),
    ("template", ".xltx", "copy.xlsx", _MAIN + "sheet.main+xml", False),
    ("macro template", ".xltm", "copy.xlsm", _MACRO_MAIN, True),
    ("macro", ".xlsm", "copy.xlsm", _MACRO_MAIN, True)])
def test_the_copys_content_type_follows_its_extension(tmp_path, kind, suffix, name, expected, vba):
    """rt20 #5: an .xlsx copied to .xlsm stayed typed as an .xlsx, a template's copy as a
    template (Excel refuses a file whose type and extension differ)."""
    source = {"plain": lambda: zizhou(tmp_path / "plain.xlsx"),
              "template": lambda: _typed(zizhou(tmp_path / "plain.xlsx"), tmp_path / "t.xltx",
                                         _MAIN + "template.main+xml"),
              "macro template": lambda: _typed(macro(tmp_path), tmp_path / "m.xltm",
                                               "application/vnd.ms-excel.template.macroEnabled."
                                               "main+xml"),
              "macro": lambda: macro(tmp_path)}[kind]()
    assert source.suffix == suffix
    copy = annotate(source, tmp_path / name, [])
    assert _main_type(copy) == expected
    assert ("xl/vbaProject.bin" in contents(copy)) is vba


def test_a_macro_template_is_not_copied_to_an_xlsx(tmp_path):
    from jixiao.errors import OutputError

    source = _typed(macro(tmp_path), tmp_path / "m.xltm",
                    "application/vnd.ms-excel.template.macroEnabled.main+xml")
    with pytest.raises(OutputError) as error:
        annotate(source, tmp_path / "copy.xlsx", [])
    assert str(error.value) == "“m.xltm”含宏，标注副本也须以 .xlsm 结尾"
    assert not (tmp_path / "copy.xlsx").exists()
