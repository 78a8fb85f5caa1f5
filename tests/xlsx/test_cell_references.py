"""Cells and rows written without their ``r=``, and part names differing in case: what the
xlsx layer hands openpyxl and the formulas package (``openpyxl_cells.for_openpyxl``), and
what ``Package`` resolves (rt29 r1 16, 41–57, 90)."""

from __future__ import annotations

import io
import zipfile

import pytest
from openpyxl import load_workbook
from workbooks import raw_package

from jixiao.recalc.workbook import recalculate
from jixiao.xlsx.openpyxl_cells import for_openpyxl, with_cell_references
from jixiao.xlsx.package import Package
from jixiao.xlsx.placing import with_references

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

# A1=2 B1=3 C1=A1*B1, A2=4 B2=5 C2 the shared formula moved down: A2*B2; no r= anywhere
SHARED = ('<row><c><v>2</v></c><c><v>3</v></c><c><f t="shared" ref="C1:C2" si="0">A1*B1</f>'
          '<v>0</v></c></row><row><c><v>4</v></c><c><v>5</v></c><c><f t="shared" si="0"/>'
          "<v>0</v></c></row>")
STYLES = (f'<styleSheet xmlns="{MAIN}"><numFmts count="1"><numFmt numFmtId="164" '
          'formatCode="0.000"/></numFmts><fonts count="1"><font/></fonts><fills count="1">'
          '<fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellXfs count="2"><xf/>'
          '<xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>')


def workbook(path, rows, names=None, styles=None):
    """A package of one sheet 表 holding ``rows`` (sheetData's content), its parts referred
    to as Excel writes them; ``names``: part → the zip member name it is stored under."""
    return raw_package(path, rows, styles=styles, names=names)


def test_every_row_and_cell_is_given_the_reference_it_stands_at():
    """A row without r= follows the row before, a cell the cell before in its row (after
    one with its own r=, from there); a comment is no row; a prefix is kept."""
    sheet = ('<x:worksheet xmlns:x="m"><x:sheetData><x:row><x:c><x:v>1</x:v></x:c><x:c t="s"/>'
             '</x:row><!-- <x:row> --><x:row r="5"><x:c r="C5"/><x:c s="1"/></x:row>'
             "<x:row/><x:row><x:c/></x:row></x:sheetData></x:worksheet>")
    assert with_references(sheet) == (
        '<x:worksheet xmlns:x="m"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c>'
        '<x:c r="B1" t="s"/></x:row><!-- <x:row> --><x:row r="5"><x:c r="C5"/><x:c r="D5" '
        's="1"/></x:row><x:row r="6"/><x:row r="7"><x:c r="A7"/></x:row></x:sheetData>'
        "</x:worksheet>")


def test_a_sheet_whose_cells_have_their_references_is_left_as_it_is():
    sheet = f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1"/></row></sheetData></worksheet>'
    content = sheet.encode()
    assert with_cell_references(content) is content


def test_a_shared_formula_without_cell_references_is_recalculated(tmp_path):
    """Before: the formulas package refused the file (TypeError in openpyxl's Translator,
    which moves a shared formula from its cell's r=). C1 = 2 × 3, C2 = 4 × 5."""
    path = workbook(tmp_path / "t.xlsx", SHARED)
    assert recalculate(path, engine="formulas").values == {"表": {"C1": 6, "C2": 20}}
    book = load_workbook(Package(path).source())  # what openpyxl is handed
    assert [[cell.value for cell in row] for row in book["表"].iter_rows()] == [
        [2, 3, "=A1*B1"], [4, 5, "=A2*B2"]]


def test_part_names_are_compared_ignoring_case(tmp_path):
    """A sheet stored as xl/worksheets/Sheet1.xml, its relationship naming sheet1.xml (Excel
    opens it; before, jixiao found no sheet there: KeyError, a recalculation of nothing)."""
    path = workbook(tmp_path / "t.xlsx", SHARED,
                    names={"xl/worksheets/sheet1.xml": "xl/worksheets/Sheet1.xml"})
    package = Package(path)
    assert [(sheet.name, sheet.part) for sheet in package.sheets] == [
        ("表", "xl/worksheets/Sheet1.xml")]
    assert [cell.value for cell in package.cells(package.sheets[0])] == [2, 3, 0, 4, 5, 0]
    assert recalculate(path, engine="formulas").values == {"表": {"C1": 6, "C2": 20}}
    with zipfile.ZipFile(package.source()) as archive:  # openpyxl's names are exact
        assert "xl/worksheets/sheet1.xml" in archive.namelist()


def test_an_upper_case_stylesheet_is_read_by_jixiao_and_by_openpyxl(tmp_path):
    """A stylesheet stored as XL/STYLES.XML (a package written in capitals): openpyxl reads
    xl/styles.xml only (before, a cell of style 1 was past its default list: IndexError)."""
    rows = '<row r="1"><c r="A1" s="1"><v>2</v></c></row>'
    path = workbook(tmp_path / "t.xlsx", rows, styles=STYLES,
                    names={"xl/styles.xml": "XL/STYLES.XML"})
    assert Package(path).styles().formats == ["General", "0.000"]
    with zipfile.ZipFile(path) as archive:
        data = for_openpyxl(archive)
    assert data is not None
    assert load_workbook(io.BytesIO(data))["表"]["A1"].number_format == "0.000"


@pytest.mark.parametrize("rows", [SHARED.replace("<row>", '<row r="1">', 1)])
def test_nothing_is_copied_where_openpyxl_reads_the_package_as_it_is(tmp_path, rows):
    placed = with_references(f'<worksheet xmlns="{MAIN}"><sheetData>{rows}</sheetData></worksheet>')
    inner = placed.split("<sheetData>")[1].split("</sheetData>")[0]
    path = workbook(tmp_path / "t.xlsx", inner)
    with zipfile.ZipFile(path) as archive:
        assert for_openpyxl(archive) is None
