"""The annotated copy's details a reviewer sees in Excel: a note jixiao adds lines to grows
to hold them, the findings sheet's links have Excel's Hyperlink style, docProps/app.xml
lists the findings sheet, and a copy's type follows its extension on both paths."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from hostile import member, rezip
from libreoffice import convert
from openpyxl import load_workbook
from openpyxl.comments import Comment
from workbooks import zizhou

from jixiao.checks.base import Finding
from jixiao.pipeline import check_workbook
from jixiao.report.annotate import annotate

SHEET = "xl/worksheets/sheet1.xml"
VML = "xl/drawings/commentsDrawing1.vml"
# A note as Excel draws it: sized in points, placed by its anchor (I17's box: from column
# J 15 px in, row 16 2 px down, to column L 15 px in, row 20 16 px down)
EXCEL_STYLE = ("position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;"
               "height:59.25pt;z-index:2;visibility:hidden")
EXCEL_ANCHOR = "<ns2:Anchor>\n    9, 15, 15, 2, 11, 15, 19, 16</ns2:Anchor>"


def _noted(tmp_path: Path) -> Path:
    """子洲 with 李四's note on I17 (JX405's cell) drawn as Excel draws it, and row 21
    30 pt tall (40 px)."""
    source = zizhou(tmp_path / "commented.xlsx")
    book = load_workbook(source)
    book["自评表"]["I17"].comment = Comment("得分已复核", "李四")
    book.save(source)
    vml = member(source, VML).decode()
    vml = vml.replace("width:144px;height:79px;z-index:1", "width:108pt;height:59.25pt;z-index:2")
    vml = vml.replace("position:absolute; margin-left", "position:absolute;margin-left")
    vml = vml.replace("<ns2:AutoFill>", EXCEL_ANCHOR + "<ns2:AutoFill>")
    assert EXCEL_STYLE in vml
    sheet = member(source, SHEET).decode().replace(
        "</sheetData>", '<row r="21" ht="30" customHeight="1"/></sheetData>')
    return rezip(source, tmp_path / "noted.xlsx", replace={VML: vml.encode(),
                                                           SHEET: sheet.encode()})


def _box(path: Path, row: int, column: int) -> tuple[str, str | None]:
    """(style, anchor) of the note box of the cell at 0-based ``row``, ``column``."""
    vml = member(path, VML).decode()
    for shape in re.findall(r"<ns1:shape .*?</ns1:shape>", vml, re.S):
        if f"<ns2:Row>{row}</ns2:Row><ns2:Column>{column}</ns2:Column>" in shape:
            anchor = re.search(r"<ns2:Anchor>([^<]*)</ns2:Anchor>", shape)
            return re.search(r'style="([^"]*)"', shape).group(1), \
                anchor.group(1).strip() if anchor else None
    raise AssertionError(f"no note box at {row},{column}")


def test_a_note_jixiao_adds_lines_to_grows_by_what_a_new_note_of_them_takes(tmp_path):
    """A new note of one finding is 320 px wide and 40 + 40 px tall; 李四's note (144 x 79
    px) with JX405 added is as wide and 80 px taller. Its anchor's right edge moves 176 px
    through 64 px columns (L+15 → N+63), its bottom 80 px through rows 20, 40 (row 21),
    20 px tall (row 20 +16 → row 23 +16, 0-based 19 → 22)."""
    source = _noted(tmp_path)
    copy = annotate(source, tmp_path / "copy.xlsx", check_workbook(source).findings)
    style, anchor = _box(copy, 16, 8)
    assert style == EXCEL_STYLE.replace("width:108pt;height:59.25pt", "width:240pt;height:119.25pt")
    assert anchor == "9, 15, 15, 2, 13, 63, 22, 16"
    assert _box(copy, 16, 7) == (  # H17: jixiao's own note of one finding
        "position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:320px;height:80px;"
        "z-index:1;visibility:hidden", None)
    note = load_workbook(copy)["自评表"]["I17"].comment
    assert (note.author, note.text.split("\n—\n")[0]) == ("李四", "得分已复核")
    # annotated again, the box is shrunk by what the copy grew it, then grown: as it was
    again = annotate(copy, tmp_path / "again.xlsx", check_workbook(copy).findings)
    assert _box(again, 16, 8) == (style, anchor)
    # the unit corrected everything: the box is 李四's again
    corrected = annotate(again, tmp_path / "corrected.xlsx", [])
    assert _box(corrected, 16, 8) == (EXCEL_STYLE, "9, 15, 15, 2, 11, 15, 19, 16")


def test_jixiaos_own_note_given_more_lines_gets_the_height_of_a_new_note_of_them(tmp_path):
    source = zizhou(tmp_path / "plain.xlsx")
    findings = check_workbook(source).findings
    copy = annotate(source, tmp_path / "copy.xlsx", findings)
    assert _box_of(copy, "H17") == ("320px", "80px")
    extra = Finding("JX999", "info", "自评表", "H17", "测试")
    again = annotate(copy, tmp_path / "again.xlsx", [*findings, extra])
    assert _box_of(again, "H17") == ("320px", "120px")  # 40 + 40 x 2
    assert load_workbook(again)["自评表"]["H17"].comment.text.count("\n") == 1


def _box_of(path: Path, ref: str) -> tuple[str, str]:
    from jixiao.xlsx.refs import split_ref

    row, column = split_ref(ref)
    with zipfile.ZipFile(path) as archive:
        [vml] = [name for name in archive.namelist() if name.endswith(".vml")]
        text = archive.read(vml).decode()
    for shape in re.findall(r"<v:shape .*?</v:shape>", text, re.S):
        if f"<x:Row>{row - 1}</x:Row><x:Column>{column - 1}</x:Column>" in shape:
            found = re.search(r"width:([^;]*);height:([^;]*);", shape)
            return found.group(1), found.group(2)
    raise AssertionError(f"no note box of {ref}")


def _lo_box(path: Path, work: Path, text: str) -> tuple[int, int]:
    """(width, height) in px of the note holding ``text`` as LibreOffice places it (saved
    as .ods)."""
    out = convert(path, work, "ods")
    content = zipfile.ZipFile(out / f"{path.stem}.ods").read("content.xml").decode()
    for found in re.finditer(r"<office:annotation [^>]*>", content):
        if text in content[found.end():content.index("</office:annotation>", found.end())]:
            tag = found.group(0)
            return tuple(round(float(re.search(rf'svg:{name}="([\d.]+)in"', tag).group(1)) * 96)
                         for name in ("width", "height"))  # type: ignore[return-value]
    raise AssertionError(f"no note with {text}")


def test_libreoffice_shows_the_grown_note_box(tmp_path):
    """LibreOffice places the box by its anchor: 李四's note box is 80 px taller (its rows
    are 20 px tall as Excel's: 18 + 3 x 20 + 16 = 94 px, then 18 + 4 x 20 + 40 + 20 + 16 =
    174 px) and wider than 320 px (LibreOffice's columns are 80 px wide, not 64)."""
    source = _noted(tmp_path)
    copy = annotate(source, tmp_path / "copy.xlsx", check_workbook(source).findings)
    width, height = _lo_box(source, tmp_path, "得分已复核")
    assert height == 94 and width == 159
    grown_width, grown_height = _lo_box(copy, tmp_path, "得分已复核")
    assert grown_height == 174 and grown_width >= 320
    assert _lo_box(copy, tmp_path, "JX404") == (320, 80)  # H17: jixiao's own note


def test_the_openpyxl_path_grows_the_note_by_the_same_rule(tmp_path, monkeypatch):
    """openpyxl reads no note's box (each is its 144 x 79 px): 李四's grows to 320 x 159."""
    from jixiao.report import annotate as annotate_module
    from jixiao.xlsx.xmledit import CannotEdit

    def refuse(*args, **kwargs):
        raise CannotEdit("forced")

    monkeypatch.setattr(annotate_module, "write_annotated", refuse)
    source = _noted(tmp_path)
    copy = annotate(source, tmp_path / "copy.xlsx", check_workbook(source).findings)
    assert _box(copy, 16, 8)[0] == ("position:absolute; margin-left:59.25pt;margin-top:1.5pt;"
                                    "width:320px;height:159px;z-index:1;visibility:hidden")
    assert _box(copy, 16, 7)[0].count("width:320px;height:80px;") == 1


def _cell_styles(path: Path) -> list[str]:
    return re.findall(r"<cellStyle [^>]*>", member(path, "xl/styles.xml").decode())


def test_the_findings_links_have_excels_hyperlink_cell_style(tmp_path):
    source = zizhou(tmp_path / "plain.xlsx")
    copy = annotate(source, tmp_path / "copy.xlsx", check_workbook(source).findings)
    results = load_workbook(copy)["校验结果"]
    assert [results.cell(row, 3).style for row in (1, 2, 3, 4)] == [
        "Normal", "Hyperlink", "Hyperlink", "Hyperlink"]
    assert (results["C2"].font.u, results["C2"].font.color.rgb) == ("single", "FF0563C1")
    assert _cell_styles(copy) == ['<cellStyle name="Normal" xfId="0" builtinId="0" hidden="0" />',
                                  '<cellStyle name="Hyperlink" xfId="1" builtinId="8"/>']
    styles = member(copy, "xl/styles.xml").decode()
    assert '<cellStyleXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" />' \
        '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" applyNumberFormat="0" ' \
        'applyFill="0" applyBorder="0" applyAlignment="0" applyProtection="0"/></cellStyleXfs>' \
        in styles
    # annotated again (the old findings sheet replaced): the style is there, not added twice
    again = annotate(copy, tmp_path / "again.xlsx", check_workbook(copy).findings)
    assert _cell_styles(again) == _cell_styles(copy)
    assert load_workbook(again)["校验结果"]["C2"].style == "Hyperlink"


def test_a_workbooks_own_hyperlink_style_is_the_one_used(tmp_path):
    source = zizhou(tmp_path / "plain.xlsx")
    book = load_workbook(source)
    book["自评表"]["K1"].value = "链接"
    book["自评表"]["K1"].style = "Hyperlink"
    book.save(source)
    before = _cell_styles(source)
    copy = annotate(source, tmp_path / "copy.xlsx", check_workbook(source).findings)
    assert _cell_styles(copy) == before and sum('builtinId="8"' in tag for tag in before) == 1
    assert load_workbook(copy)["校验结果"]["C2"].style == "Hyperlink"


def test_a_styles_part_without_named_styles_gets_a_link_font_only():
    from jixiao.xlsx.annotate_styles import StyleEditor

    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    styles = StyleEditor(f'<styleSheet xmlns="{main}"><fonts count="1"><font/></fonts>'
                         '<fills count="1"><fill/></fills><cellXfs count="1"><xf/></cellXfs>'
                         "</styleSheet>")
    assert styles.plain(font="link") == 1
    assert styles.result() == (
        f'<styleSheet xmlns="{main}"><fonts count="2"><font/><font><u/><color rgb="FF0563C1"/>'
        '</font></fonts><fills count="1"><fill/></fills><cellXfs count="2"><xf/><xf numFmtId="0" '
        'fontId="1" fillId="0" borderId="0" applyFont="1"/></cellXfs></styleSheet>')


def test_libreoffice_shows_the_links_in_excels_hyperlink_style(tmp_path):
    source = zizhou(tmp_path / "plain.xlsx")
    copy = annotate(source, tmp_path / "copy.xlsx", check_workbook(source).findings)
    content = zipfile.ZipFile(convert(copy, tmp_path, "ods") / "copy.ods").read(
        "content.xml").decode()
    link = re.search(r'<table:table-cell table:style-name="(ce\d+)"[^>]*><text:p><text:a '
                     r'[^>]*>自评表!F12<', content)
    parent = re.search(rf'<style:style style:name="{link.group(1)}" [^>]*'
                       r'style:parent-style-name="([^"]*)"', content)
    assert parent.group(1) == "Excel_20_Built-in_20_Hyperlink"


APP = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
       '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
       ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
       "<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity>"
       '<HeadingPairs><vt:vector size="4" baseType="variant"><vt:variant><vt:lpstr>工作表</vt:lpstr>'
       "</vt:variant><vt:variant><vt:i4>{sheets}</vt:i4></vt:variant><vt:variant><vt:lpstr>命名范围"
       "</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs>"
       '<TitlesOfParts><vt:vector size="{size}" baseType="lpstr">{titles}'
       "<vt:lpstr>自评表!Print_Titles</vt:lpstr></vt:vector></TitlesOfParts>"
       "<AppVersion>16.0300</AppVersion></Properties>")


def _app(titles: list[str]) -> str:
    return APP.format(sheets=len(titles), size=len(titles) + 1,
                      titles="".join(f"<vt:lpstr>{title}</vt:lpstr>" for title in titles))


def test_app_xml_lists_the_findings_sheet_once(tmp_path):
    """As Excel saves it: the group 工作表 (1) then 命名范围 (1); the findings sheet goes
    after the last worksheet, 工作表 counts 2, the titles 3. Annotated again (the old
    findings sheet replaced), it is not listed twice."""
    source = rezip(zizhou(tmp_path / "plain.xlsx"), tmp_path / "excel.xlsx",
                   replace={"docProps/app.xml": _app(["自评表"]).encode()})
    copy = annotate(source, tmp_path / "copy.xlsx", check_workbook(source).findings)
    assert member(copy, "docProps/app.xml").decode() == _app(["自评表", "校验结果"])
    again = annotate(copy, tmp_path / "again.xlsx", check_workbook(copy).findings)
    assert member(again, "docProps/app.xml") == member(copy, "docProps/app.xml")
    assert load_workbook(again).sheetnames == ["自评表", "校验结果"]
    from libreoffice import sheets_as_shown

    assert sorted(sheets_as_shown(again, tmp_path)) == ["校验结果", "自评表"]


def test_app_xml_names_the_unit_s_own_sheet_and_jixiaos_beside_it(tmp_path):
    """The unit's own 校验结果 (not jixiao's: its first row differs) is kept; the findings go
    to 校验结果2, listed after it."""
    source = zizhou(tmp_path / "plain.xlsx")
    book = load_workbook(source)
    book.create_sheet("校验结果")["A1"] = "审核记录"
    book.save(source)
    source = rezip(source, tmp_path / "excel.xlsx",
                   replace={"docProps/app.xml": _app(["自评表", "校验结果"]).encode()})
    copy = annotate(source, tmp_path / "copy.xlsx", [])
    assert member(copy, "docProps/app.xml").decode() == _app(["自评表", "校验结果", "校验结果2"])


def test_app_xml_absent_or_unreadable_is_left_as_it_is(tmp_path):
    source = zizhou(tmp_path / "plain.xlsx")
    plain_app = member(source, "docProps/app.xml")  # openpyxl's: no list of sheets
    assert member(annotate(source, tmp_path / "copy.xlsx", []), "docProps/app.xml") == plain_app
    odd = _app(["自评表"]).replace("<vt:i4>1</vt:i4></vt:variant></vt:vector>",
                                    "<vt:i4>x</vt:i4></vt:variant></vt:vector>")
    source = rezip(source, tmp_path / "odd.xlsx", replace={"docProps/app.xml": odd.encode()})
    assert member(annotate(source, tmp_path / "odd-copy.xlsx", []), "docProps/app.xml") == \
        odd.encode()
    source = rezip(source, tmp_path / "none.xlsx", drop=["docProps/app.xml"])
    copy = annotate(source, tmp_path / "none-copy.xlsx", [])
    assert "docProps/app.xml" not in zipfile.ZipFile(copy).namelist()
    assert load_workbook(copy).sheetnames == ["自评表", "校验结果"]


_MACRO_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
_PLAIN_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"


def _main_type(path: Path) -> str:
    return re.search(r'PartName="/xl/workbook.xml" ContentType="([^"]*)"',
                     member(path, "[Content_Types].xml").decode()).group(1)


def test_the_openpyxl_path_types_the_copy_by_its_extension_too(tmp_path, monkeypatch):
    """An .xlsx without macros copied to .xlsm: the package path types it macro-enabled;
    openpyxl typed it a plain workbook (it goes by the VBA project), which Excel refuses."""
    from hostile import macro

    from jixiao.report import annotate as annotate_module
    from jixiao.xlsx.xmledit import CannotEdit

    def refuse(*args, **kwargs):
        raise CannotEdit("forced")

    source = zizhou(tmp_path / "plain.xlsx")
    findings = check_workbook(source).findings
    edited = annotate(source, tmp_path / "edited.xlsm", findings)
    monkeypatch.setattr(annotate_module, "write_annotated", refuse)
    copies = {name: annotate(source, tmp_path / name, findings)
              for name in ("copy.xlsm", "copy.xlsx")}
    assert _main_type(edited) == _main_type(copies["copy.xlsm"]) == _MACRO_MAIN
    assert _main_type(copies["copy.xlsx"]) == _PLAIN_MAIN
    assert "xl/vbaProject.bin" not in zipfile.ZipFile(copies["copy.xlsm"]).namelist()
    book = load_workbook(copies["copy.xlsm"])
    assert book.sheetnames == ["自评表", "校验结果"]
    assert book["自评表"]["I17"].comment.text.startswith("[JX405 错误] ")
    with_vba = annotate(macro(tmp_path), tmp_path / "vba.xlsm", [])
    assert _main_type(with_vba) == _MACRO_MAIN
    assert "xl/vbaProject.bin" in zipfile.ZipFile(with_vba).namelist()
    from libreoffice import sheets_as_shown

    shown = sheets_as_shown(copies["copy.xlsm"], tmp_path)
    assert [row[0] for row in shown["校验结果"]] == ["代码", "JX204", "JX404", "JX405"]
