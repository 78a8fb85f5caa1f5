"""A mark on a cell under overlapping merges (LibreOffice saves 绩效指标 A12:A43 over the
总分 row's A43:F43) goes to the top-left cell the reader reads it from
(``sheet.merge_origin``): 总分's A43, not 绩效指标's A12 — in both annotate paths."""

from openpyxl import Workbook

from jixiao.report.annotate_openpyxl import _writable
from jixiao.xlsx.annotate_sheet import SheetEditor

_MERGES = ["A12:A43", "A43:F43", "B13:B27", "B27:B39"]


def test_the_package_path_marks_the_cell_the_reader_reads():
    text = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            '<sheetData/><mergeCells count="4">'
            + "".join(f'<mergeCell ref="{ref}"/>' for ref in _MERGES)
            + "</mergeCells></worksheet>")
    editor = SheetEditor(text)
    merges = editor.merged()
    assert [editor.writable(ref, merges) for ref in ("A43", "E43", "A42", "B27", "B30", "B20",
                                                     "G43")] == \
        ["A43", "A43", "A12", "B27", "B27", "B13", "G43"]


def test_the_openpyxl_path_marks_the_cell_the_reader_reads():
    ws = Workbook().active
    for ref in _MERGES:
        ws.merge_cells(ref)
    assert [_writable(ws, ref).coordinate for ref in ("A43", "E43", "A42", "B27", "B30", "G43")] \
        == ["A43", "A43", "A12", "B27", "B27", "G43"]
