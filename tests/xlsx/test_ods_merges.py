"""An .ods's merged ranges, read from its content.xml (python-calamine gives none)."""

import io
import zipfile

from jixiao.xlsx.foreign_layout import ods_layout

_HEAD = ('<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
         'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
         'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body>'
         '<office:spreadsheet>')
_TAIL = "</office:spreadsheet></office:body></office:document-content>"


def _ods(content: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", _HEAD + content + _TAIL)
    return buffer.getvalue()


def test_spans_count_repeated_rows_and_cells_and_skip_a_table_inside_a_cell():
    content = (
        '<table:table table:name="自评表">'
        '<table:table-row table:number-rows-repeated="2"><table:table-cell/></table:table-row>'
        '<table:table-header-rows><table:table-row>'
        '<table:table-cell table:number-columns-repeated="3"/>'
        '<table:table-cell table:number-columns-spanned="2" table:number-rows-spanned="3">'
        '<text:p>偏差原因</text:p></table:table-cell><table:covered-table-cell/>'
        '<table:table-cell table:number-columns-spanned="1" table:number-rows-spanned="1"/>'
        '</table:table-row></table:table-header-rows>'
        '<table:table-row><table:table-cell><table:table table:name="inner"><table:table-row>'
        '<table:table-cell table:number-columns-spanned="4"/></table:table-row></table:table>'
        '</table:table-cell><table:table-cell table:number-rows-spanned="2"/></table:table-row>'
        '</table:table>'
        '<table:table table:name="说明"><table:table-row><table:table-cell/></table:table-row>'
        '</table:table>')
    assert ods_layout(_ods(content))["自评表"].merges == [((2, 3), (4, 4)), ((3, 1), (4, 1))]


def test_a_part_that_cannot_be_read_gives_no_merges():
    assert ods_layout(_ods("<table:table>")) == {}
    assert ods_layout(b"PK not a zip") == {}
