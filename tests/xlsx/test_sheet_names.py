"""Sheet names Excel's dialog refuses but export tools write (“自评表2024/12”, “自评表:等保”,
“[自评表]”, an empty name): LibreOffice opens such a file and shows the table. To jixiao a
sheet name is a label: the table is read and the findings name the sheet as written. Before,
“已损坏或格式异常，无法读取（ValueError）” (openpyxl refuses the name), and for an empty
name “没有找到项目支出绩效自评表” (openpyxl renamed the sheet, so its cells were dropped)."""

from __future__ import annotations

import json
import re
import zipfile

import pytest
from engines import assert_engines_agree
from workbooks import _replace_member, standard

from jixiao.cli.main import main
from jixiao.read.workbook import read_workbook
from jixiao.xlsx.book import sheet_parts
from jixiao.xlsx.cells import calamine_sheets

NAMES = ["自评表2024/12", "自评表:等保", "[自评表]", "表\\1", "自评表*", "自评表?", ""]


def _named(path, name, comment=False):
    """The standard table (总分 written 90 against 99.98: JX501 at H16) on a sheet named
    ``name``; ``comment``: an XML comment in the sheet, which the fast reader leaves to
    openpyxl and the annotated copy cannot edit in place (it is written through openpyxl)."""
    from xml.sax.saxutils import quoteattr

    standard(path, total=(100, 90))
    with zipfile.ZipFile(path) as archive:
        workbook = archive.read("xl/workbook.xml").decode()
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    _replace_member(path, "xl/workbook.xml",
                    workbook.replace('name="自评表"', f"name={quoteattr(name)}").encode())
    if comment:
        _replace_member(path, "xl/worksheets/sheet1.xml",
                        sheet.replace("<sheetData>", "<!-- 导出 --><sheetData>").encode())
    return path


def _fast(path) -> bool:
    data = path.read_bytes()
    with zipfile.ZipFile(path) as archive:
        return calamine_sheets(data, archive, sheet_parts(path, archive)) is not None


@pytest.mark.parametrize("name", NAMES)
def test_a_sheet_name_excel_refuses_is_read_and_shown_as_written(tmp_path, capsys, name):
    path = _named(tmp_path / "t.xlsx", name)
    assert _fast(path)  # read fast, as any other name
    assert_engines_agree(path)  # openpyxl (the reference) reads it under a stand-in name
    assert main(["check", "--json", str(path)]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["sheet"] == name
    assert [(item["code"], item["sheet"], item["cell"]) for item in data["findings"]] == [
        ("JX501", name, "H16")]
    assert main(["check", str(path)]) == 1
    text = capsys.readouterr().out
    assert f"  JX501  {name + '!' if name else ''}H16  总分写为 90，各项得分之和为 99.98" in text
    assert f"  位置 {name or '（工作表名称为空）'} · 标准格式" in text


@pytest.mark.parametrize("name", ["自评表2024/12", ""])
def test_the_reference_reader_gives_the_sheet_its_own_name(tmp_path, name):
    path = _named(tmp_path / "t.xlsx", name, comment=True)
    assert not _fast(path)  # the comment: openpyxl reads it
    sheets = [table.sources["header"].sheet for table in read_workbook(path).tables]
    assert sheets == [name]
    assert [table.sources["header"].sheet
            for table in read_workbook(path, engine="openpyxl").tables] == [name]


def test_a_stand_in_name_is_one_no_other_sheet_has(tmp_path):
    """The stand-in openpyxl reads the sheet under (Sheet1, Sheet2 …) is not the name of
    another sheet of the workbook, whatever its case."""
    from jixiao.xlsx.openpyxl_cells import with_stand_in_titles

    workbook = ('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                'xmlns:r="r"><sheets><sheet name="SHEET1" sheetId="1" r:id="rId1"/>'
                '<sheet name="a/b" sheetId="2" r:id="rId2"/><sheet name=\'\' sheetId="3" '
                'r:id="rId3"/><sheet name="Sheet3" sheetId="4" r:id="rId4"/></sheets></workbook>')
    renamed, titles = with_stand_in_titles(workbook.encode())
    assert titles == {"Sheet2": "a/b", "Sheet4": ""}
    assert renamed.decode() == workbook.replace('name="a/b" sheetId="2" r:id="rId2"',
                                                'sheetId="2" r:id="rId2" name="Sheet2"').replace(
        "name='' sheetId=\"3\" r:id=\"rId3\"", 'sheetId="3" r:id="rId3" name="Sheet4"')
    assert with_stand_in_titles(workbook.replace("a/b", "ab").replace("''", "'x'")
                                .encode()) is None


def test_two_names_differing_in_case_are_still_left_to_openpyxl(tmp_path):
    """Not changed: openpyxl renames the second of two sheets whose names differ only in
    case, so the fast reader still hands such a workbook to openpyxl."""
    from openpyxl import load_workbook

    path = standard(tmp_path / "t.xlsx")
    book = load_workbook(path)
    book.create_sheet("说明")
    book.save(path)
    with zipfile.ZipFile(path) as archive:
        workbook = archive.read("xl/workbook.xml").decode()
    _replace_member(path, "xl/workbook.xml", workbook.replace('name="自评表"', 'name="Table"')
                    .replace('name="说明"', 'name="TABLE"').encode())
    assert not _fast(path)


@pytest.mark.parametrize("name", ["自评表2024/12", ""])
def test_the_annotated_copy_keeps_the_name_and_marks_the_cell(tmp_path, capsys, name):
    from jixiao.xlsx.package import Package

    path = _named(tmp_path / "t.xlsx", name)
    copy = tmp_path / "标注.xlsx"
    assert main(["check", "--annotate", str(copy), str(path)]) == 1
    assert "已写入标注副本" in capsys.readouterr().out
    package = Package(copy)
    assert [sheet.name for sheet in package.sheets] == [name, "校验结果"]
    comments = [member for member in package.members if member.startswith("xl/comments")]
    assert len(comments) == 1
    assert "[JX501 错误] 总分写为 90，各项得分之和为 99.98" in package.text(comments[0])


def _copy_names(copy) -> str:
    with zipfile.ZipFile(copy) as archive:
        workbook = archive.read("xl/workbook.xml").decode()
    return re.search(r"<sheets>.*?</sheets>(<definedNames>.*?</definedNames>)?", workbook).group(1)


@pytest.mark.parametrize("name", ["自评表2024/12", "自评表:等保", "[自评表]", "自评表*"])
def test_no_print_titles_in_a_copy_after_a_sheet_libreoffice_leaves_out(tmp_path, capsys, name):
    """LibreOffice opens such a file without the oddly named sheet, so it has one sheet
    fewer than the file: the findings sheet's print titles (``localSheetId`` 1, the index
    among all the file's sheets) named a sheet it does not have, and it refused the whole
    copy (“source file could not be loaded”). The copy goes without them."""
    path = _named(tmp_path / "t.xlsx", name)
    copy = tmp_path / "标注.xlsx"
    assert main(["check", "--annotate", str(copy), str(path)]) == 1
    assert "已写入标注副本" in capsys.readouterr().out
    assert _copy_names(copy) is None


@pytest.mark.parametrize("name", ["自评表", "自评表（2024）", ""])
def test_print_titles_kept_in_a_copy_after_sheets_libreoffice_opens(tmp_path, capsys, name):
    """The neighbour that must not change: any other name (an empty one LibreOffice
    renames) keeps the findings sheet's first row printed on every page."""
    path = _named(tmp_path / "t.xlsx", name)
    copy = tmp_path / "标注.xlsx"
    assert main(["check", "--annotate", str(copy), str(path)]) == 1
    assert "已写入标注副本" in capsys.readouterr().out
    assert _copy_names(copy) == ('<definedNames><definedName name="_xlnm.Print_Titles" '
                                 "localSheetId=\"1\">'校验结果'!$1:$1</definedName></definedNames>")


@pytest.mark.parametrize(("name", "said"), [
    ("自评表2024/12", "的工作表名“自评表2024/12”含有 Excel 不允许的字符“/”"),
    ("", "中有一个工作表没有名称")])
def test_a_copy_openpyxl_must_write_is_refused_in_words_when_it_cannot_keep_the_name(
        tmp_path, capsys, name, said):
    """A sheet the annotation cannot edit in place is written through openpyxl, which
    refuses such a name (or renames the sheet and drops its marks): the copy is not made,
    and the user is told why; the check itself is reported."""
    path = _named(tmp_path / "t.xlsx", name, comment=True)
    before = path.read_bytes()
    copy = tmp_path / "标注.xlsx"
    assert main(["check", "--annotate", str(copy), str(path)]) == 2  # a copy not made
    out, err = capsys.readouterr()
    assert "JX501" in out and "已写入标注副本" not in out and err == ""
    assert (f"注意：未能写出标注副本：“t.xlsx”{said}：这个文件须经 openpyxl 重写才能制作标注副本，"
            "而 openpyxl 保留不了这个名称，故未制作标注副本（校验结果不受影响）；请在 Excel、"
            "WPS 或 LibreOffice 中给该工作表改名后再试\n") in out
    assert not copy.exists()
    assert path.read_bytes() == before
