"""Workbooks jixiao reads by their values only: .xls, .xlsb and .ods (and the web pages
and Excel 2003 XML files saved as .xls, ``webtable``; the tables of a Word .docx,
``wordtable``, and of a Word 97-2003 .doc, ``doctable``).

The central 预算项目库 system and WPS export .xls. ``foreign_format`` tells such a
file by its bytes (never its name); ``foreign_sheets`` reads its values and merged
ranges with python-calamine, and the reader checks them like an .xlsx. They have
no formulas jixiao could write back: recalculation and annotated copies refuse
them with ``foreign_refusal``'s line. What calamine does not tell — an .ods's merged
ranges, the rows and columns an .xls or .ods hides — is read here from the file's own
records, so one module knows each format.

(A little over 400 lines: the formats' sniffing, their values and those few records of
their own belong to one job, reading what is not an .xlsx.)
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from jixiao.errors import UnreadableWorkbook

CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE2 compound file: .xls, or an encrypted .xlsx

FOREIGN_FORMATS = {"xls": "旧版 Excel 97-2003（.xls）", "xlsb": "Excel 二进制（.xlsb）",
                   "ods": "OpenDocument（.ods）", "html": "网页格式（HTML）的 Excel 表",
                   "xml2003": "XML 表格 2003（SpreadsheetML）", "docx": "Word 文档（.docx）",
                   "doc": "Word 97-2003 文档（.doc）", "rtf": "RTF 格式的文档（Word 另存为 RTF）"}
# (name, cells, merged ranges, the document's tables: a Word document's, a web page's)
ForeignSheet = tuple[str, list[tuple[int, int, Any, str]], list[tuple[int, int, int, int]],
                     list[Any]]
_ODS_MIME = b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet"


def foreign_refusal(name: str, kind: str, action: str) -> str:
    """Why ``action`` (重新计算, 制作标注副本) is refused for an .xls/.xlsb/.ods file."""
    return (f"“{name}”是{FOREIGN_FORMATS[kind]}文件，不是 .xlsx 或 .xlsm 工作簿：jixiao 可以"
            f"校验它，但不能{action}；"
            f"请先用 jixiao convert “{name}” -o 新文件.xlsx 转换为模板（或在 Excel/WPS 中"
            f"{'粘贴其中的表格并' if kind in ('docx', 'doc') else ''}另存为 .xlsx）后再{action}")


def foreign_format_of(path: str | Path) -> str | None:
    """``foreign_format`` of a file, from its first and last bytes; None if unreadable."""
    try:
        with open(path, "rb") as stream:
            head = stream.read(4096)
            if head.startswith(CFB):
                return foreign_format(head + stream.read())
            stream.seek(0, os.SEEK_END)
            size = stream.tell()
            stream.seek(max(0, size - 65536))
            tail = stream.read()
    except OSError:
        return None
    if foreign_format(head) in ("ods", "html", "xml2003"):
        return foreign_format(head)
    if not head.startswith(b"PK"):
        return None
    return "xlsb" if b"xl/workbook.bin" in tail else "docx" if _is_docx(tail) else None


def foreign_format(data: bytes) -> str | None:
    """"xls", "xlsb", "ods", "html", "xml2003", "docx" or "doc" (Word 97-2003) for a file
    jixiao reads by its values only, else None.

    Told by the bytes, not the name: an OLE2 file without encryption is a .xls (a .doc
    if it holds a WordDocument stream at its root), a zip whose first member is an ODF spreadsheet
    mimetype an .ods, one listing xl/workbook.bin an .xlsb, one listing
    word/document.xml (and no workbook) a Word document."""
    if data.startswith(CFB):
        if "EncryptionInfo".encode("utf-16-le") in data:
            return None
        if _WORD_STREAM not in data:
            return "xls"
        if not any(stream in data for stream in _WORKBOOK_STREAMS):
            return "doc"
        return _compound_kind(data)
    if data.startswith(b"{\\rtf"):  # Word's 另存为 RTF, often named .doc
        return "rtf"
    if not data.startswith(b"PK"):  # a web page or Excel 2003's XML, named .xls?
        from jixiao.xlsx.webtable import text_format  # (html.parser: only for such files)

        return text_format(data)
    if data[30:30 + len(_ODS_MIME)] == _ODS_MIME:
        return "ods"
    directory = max(0, len(data) - 65536)  # where the central directory is
    if data.find(b"xl/workbook.bin", directory) >= 0:
        return "xlsb"
    return "docx" if _is_docx(data, directory) else None


_WORD_STREAM = "WordDocument".encode("utf-16-le")  # the main stream of a .doc
# An .xls's own stream (Workbook; Book in Excel 5), beside a Word object embedded in it.
_WORKBOOK_STREAMS = ("Workbook".encode("utf-16-le"), "Book\0".encode("utf-16-le"))


def _compound_kind(data: bytes) -> str:
    """"doc" or "xls" for a compound file naming both a WordDocument and a Workbook
    stream (a table embedded as an object in the other): the one at its root."""
    import olefile

    try:
        with olefile.OleFileIO(data) as compound:
            return "doc" if compound.exists("WordDocument") else "xls"
    except Exception:  # damaged: calamine's refusal says so
        return "xls"


def is_excel_97(data: bytes) -> bool:
    """Whether ``data`` is an OLE2 file holding an Excel workbook's stream (an .xls; an
    Excel 97 object embedded in a document) — not any other OLE2 object."""
    return data.startswith(CFB) and any(stream in data for stream in _WORKBOOK_STREAMS)


def _is_docx(data: bytes, directory: int = 0) -> bool:
    """A zip's central directory (from ``directory`` on) lists word/document.xml, and no
    workbook part."""
    return data.find(b"word/document.xml", directory) >= 0 and \
        data.find(b"xl/workbook", directory) < 0


def foreign_sheets(name: str, data: bytes, kind: str, max_rows: int
                   ) -> tuple[list[ForeignSheet], list[str], frozenset[str], bool]:
    """(sheet name, cells, merged ranges, document tables) of every sheet, notes on sheets
    skipped, the names of the sheets the workbook hides, and whether a sheet was skipped for its
    length (over ``max_rows`` rows with content): the values (and merged ranges where the
    format keeps them), by python-calamine. Cells are (row, column, value, number
    format) as ``SheetCells`` holds them."""
    what = FOREIGN_FORMATS[kind]
    if kind == "rtf":
        raise UnreadableWorkbook(f"“{name}”是{what}，jixiao 无法读取：请在 Word 或 WPS 中打开后"
                                 "另存为 .docx 或 .doc 再试，或把自评表复制到 Excel 中另存为 .xlsx")
    if kind in ("html", "xml2003", "docx", "doc"):
        return _text_sheets(name, data, kind, max_rows)
    try:
        from python_calamine import CalamineWorkbook
    except ImportError:
        raise UnreadableWorkbook(f"“{name}”是{what}文件，读取它需要 python-calamine；"
                                 "请另存为 .xlsx 后再试") from None
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as error:  # calamine refuses: damaged, or encrypted
        if kind == "xls" and not is_excel_97(data) and name.lower().endswith(".wps"):
            raise UnreadableWorkbook(  # Microsoft Works' .wps (its CONTENTS stream), not WPS 文字's
                f"“{name}”不是 WPS 文字能另存的 Word 兼容格式（可能是 Microsoft Works 文档或已损坏），"
                "无法读取：请在 WPS 或 Word 中打开后另存为 .docx 再试") from None
        if kind == "xls" and not is_excel_97(data):  # no Workbook stream named: cut short?
            raise UnreadableWorkbook(
                f"“{name}”是旧版 Office 复合文档（旧版 Excel 97-2003 的 .xls 或 Word 97-2003 的 .doc），"
                "但已损坏或不完整（看不出是哪一种），"
                f"无法读取（{type(error).__name__}）；请向填报单位重新索取原文件（若能在 Excel 或 Word 中"
                "打开，另存为 .xlsx 或 .docx 再试）") from None
        raise UnreadableWorkbook(f"“{name}”是{what}文件，但已损坏或设置了密码，无法读取"
                                 f"（{type(error).__name__}）；请在 Excel 或 WPS 中打开后另存为"
                                 " .xlsx 再试") from None
    sheets = []
    notes: list[str] = []
    too_long = False
    try:
        hidden = frozenset(_hidden_sheets(book))
        ods_merges = _ods_merges(data) if kind == "ods" else {}
        for sheet_name in book.sheet_names:
            try:
                sheet = book.get_sheet_by_name(sheet_name)
                if sheet.total_height > max_rows:  # rows only formatted, or a stray cell far down?
                    filled = _filled_rows(sheet, max_rows)
                    if filled > max_rows:
                        too_long = True
                        notes.append(f"工作表“{sheet_name}”有内容的行超过 {max_rows} 行的上限，"
                                     "已跳过（可设置环境变量 JIXIAO_MAX_ROWS 调高）")
                        continue
                rows = sheet.to_python(skip_empty_area=False)
                merges = sheet.merged_cell_ranges or ods_merges.get(sheet_name, [])
            except Exception as error:  # a chart sheet, a damaged sheet: skip it, say why
                notes.append(f"工作表“{sheet_name}”无法读取（{type(error).__name__}），已跳过")
                continue
            cells = [(row, column, value, "General")
                     for row, values in enumerate(rows, start=1)
                     for column, value in enumerate(values, start=1)
                     if value is not None and value != ""]
            sheets.append((sheet_name, cells, [(top + 1, left + 1, bottom + 1, right + 1)
                                               for (top, left), (bottom, right) in merges], []))
    finally:
        book.close()
    return sheets, notes, hidden, too_long


def _text_sheets(name: str, data: bytes, kind: str, max_rows: int
                 ) -> tuple[list[ForeignSheet], list[str], frozenset[str], bool]:
    """``foreign_sheets`` of a web page or an Excel 2003 XML workbook (``webtable``)."""
    from xml.etree.ElementTree import ParseError

    from jixiao.xlsx.limits import Limits, over_limit
    from jixiao.xlsx.sheet import DocumentTable
    from jixiao.xlsx.webtable import TooManyCells, html_sheets, spreadsheetml_sheets

    hidden: frozenset[str] = frozenset()
    limits = Limits.from_environment()
    max_cells = limits.max_cells
    tables: list[DocumentTable] = []  # a document's own tables: its one sheet's
    try:
        if kind == "docx":
            from jixiao.xlsx.wordtable import docx_sheets

            sheets = docx_sheets(name, data, max_cells, tables)
        elif kind == "doc":
            from jixiao.xlsx.doctable import doc_document
            from jixiao.xlsx.wordtable import document_sheets

            sheets = document_sheets(name, doc_document(name, data), max_cells, tables)
        elif kind == "html":
            sheets = html_sheets(name, data, max_cells, tables)
        else:
            sheets, hidden = spreadsheetml_sheets(data, max_cells)
    except TooManyCells:
        raise over_limit(name, f"单元格（含合并区域）超过 {max_cells:,} 个", "max_cells") from None
    except (ParseError, ValueError) as error:  # (defusedxml's refusals are ValueErrors)
        raise UnreadableWorkbook(f"“{name}”是{FOREIGN_FORMATS[kind]}文件，但已损坏或格式异常，"
                                 f"无法读取（{type(error).__name__}）；请在 Excel 或 WPS 中打开后"
                                 "另存为 .xlsx 再试") from None
    kept, notes, too_long = [], [], False
    for sheet_name, cells, merges in sheets:
        if len({row for row, _, _, _ in cells}) > max_rows:
            too_long = True
            notes.append(f"工作表“{sheet_name}”有内容的行超过 {max_rows} 行的上限，"
                         "已跳过（可设置环境变量 JIXIAO_MAX_ROWS 调高）")
            continue
        kept.append((sheet_name, cells, merges, tables if len(sheets) == 1 else []))
    return kept, notes, hidden, too_long


def _filled_rows(sheet: Any, limit: int) -> int:
    """The rows of a sheet holding a value, counted up to ``limit`` + 1."""
    filled = 0
    for values in sheet.iter_rows():
        if any(value is not None and value != "" for value in values):
            filled += 1
            if filled > limit:
                break
    return filled


_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"


Merges = list[tuple[tuple[int, int], tuple[int, int]]]
Hidden = tuple[frozenset[int], frozenset[int]]  # a sheet's hidden rows and columns, from 1


def _ods_merges(data: bytes) -> dict[str, Merges]:
    """Each sheet's merged ranges in an .ods (python-calamine gives none there), as
    calamine gives them for an .xls: ((top, left), (bottom, right)) from 0."""
    return {name: merges for name, (merges, _) in _ods_layout(data).items() if merges}


def ods_hidden(data: bytes) -> dict[str, Hidden]:
    """The rows and columns each sheet of an .ods hides (``table:visibility="collapse"``),
    from 1 — what python-calamine does not tell. Rows a filter hides (``"filter"``) are
    the sheet's data, as ``sheet.unfiltered`` reads an .xlsx's."""
    return {name: hidden for name, (_, hidden) in _ods_layout(data).items()
            if hidden[0] or hidden[1]}


def _ods_layout(data: bytes) -> dict[str, tuple[Merges, Hidden]]:
    """Each sheet's merged ranges and hidden rows and columns in an .ods's content.xml. A
    cell spans ``table:number-columns-spanned`` × ``table:number-rows-spanned``; rows,
    columns and cells count as often as they are repeated. Nothing when the part cannot
    be read. The package was checked before (check_package: size, DTD): the parse
    refuses DTDs too."""
    import zipfile
    from xml.etree.ElementTree import ParseError

    from defusedxml.ElementTree import iterparse

    table, row_tag, column_tag = (f"{{{_TABLE}}}table", f"{{{_TABLE}}}table-row",
                                  f"{{{_TABLE}}}table-column")
    cell_tags = (f"{{{_TABLE}}}table-cell", f"{{{_TABLE}}}covered-table-cell")
    name_key, shown_key = f"{{{_TABLE}}}name", f"{{{_TABLE}}}visibility"
    repeated_rows, repeated_columns = (f"{{{_TABLE}}}number-rows-repeated",
                                       f"{{{_TABLE}}}number-columns-repeated")
    spanned_rows, spanned_columns = (f"{{{_TABLE}}}number-rows-spanned",
                                     f"{{{_TABLE}}}number-columns-spanned")
    found: dict[str, tuple[Merges, Hidden]] = {}
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open("content.xml") as part:
            depth, name, row, column, columns = 0, "", 0, 0, 0
            merges: Merges = []
            rows_hidden: set[int] = set()
            columns_hidden: set[int] = set()
            for event, element in iterparse(part, ("start", "end"), forbid_dtd=True):
                tag = element.tag
                if tag == table:
                    if event == "start":
                        depth += 1
                        if depth == 1:
                            name, row, columns, merges = element.get(name_key, ""), 0, 0, []
                            rows_hidden, columns_hidden = set(), set()
                    else:
                        depth -= 1
                        if depth == 0:
                            found[name] = (merges, (frozenset(rows_hidden),
                                                    frozenset(columns_hidden)))
                        element.clear()
                elif depth != 1:
                    continue  # a table inside a cell: not the sheet's grid
                elif tag == row_tag:
                    if event == "start":
                        column = 0
                    else:
                        repeat = int(element.get(repeated_rows) or 1)
                        if element.get(shown_key) == "collapse" and row < _MOST_HIDDEN:
                            rows_hidden.update(range(row + 1, min(row + repeat, _MOST_HIDDEN) + 1))
                        row += repeat
                        element.clear()
                elif tag == column_tag and event == "start":
                    repeat = int(element.get(repeated_columns) or 1)
                    if element.get(shown_key) == "collapse" and columns < _MOST_HIDDEN:
                        columns_hidden.update(range(columns + 1,
                                                    min(columns + repeat, _MOST_HIDDEN) + 1))
                    columns += repeat
                elif tag in cell_tags and event == "start":
                    repeat = int(element.get(repeated_columns) or 1)
                    wide = int(element.get(spanned_columns) or 1)
                    high = int(element.get(spanned_rows) or 1)
                    if tag == cell_tags[0] and (wide > 1 or high > 1):  # its covered cells follow
                        merges.append(((row, column), (row + high - 1, column + wide - 1)))
                    column += repeat
    except (KeyError, ValueError, ParseError, zipfile.BadZipFile, OSError, EOFError):
        return {}  # (defusedxml's refusals are ValueErrors: check_package refused such files)
    return found


_MOST_HIDDEN = 65_536  # a hidden run repeated to the sheet's end: its rows past this are empty


def _hidden_sheets(book: Any) -> list[str]:
    """The sheets a workbook hides (hidden or very hidden), as calamine says; none if
    it cannot say."""
    try:
        return [sheet.name for sheet in book.sheets_metadata
                if str(sheet.visible).rsplit(".", 1)[-1] != "Visible"]
    except Exception:  # an older calamine without the metadata: every sheet is shown
        return []


_BOUNDSHEET, _BOF, _EOF, _ROW, _COLINFO, _FILTERMODE = 0x0085, 0x0809, 0x000A, 0x0208, 0x007D, 0x009B
_ROW_HIDDEN = 0x20  # Row.fDyZero: the row's height is zero, hidden ([MS-XLS] 2.4.221)
_COLUMN_HIDDEN = 0x01  # ColInfo.fHidden ([MS-XLS] 2.4.53)


def foreign_hidden(data: bytes, kind: str) -> dict[str, Hidden]:
    """The rows and columns each sheet of an .xls or .ods hides, by sheet name; {} for
    other formats (a web page, a document hide none that is read)."""
    if kind == "xls":
        return xls_hidden(data)
    if kind == "ods":
        return ods_hidden(data)
    return {}


def xls_hidden(data: bytes) -> dict[str, Hidden]:
    """The rows and the columns each worksheet of an Excel 97-2003 .xls hides (1-based),
    by sheet name — what python-calamine does not tell. Read from the Workbook stream's
    records: each BoundSheet8 names a sheet and where its substream starts; in it each
    Row record says whether the row is hidden, each ColInfo whether its columns are. A
    sheet with an applied AutoFilter (a FilterMode record) hides its rows for a while,
    not for good: they are its data, as ``sheet.unfiltered`` reads an .xlsx's (an .xls
    names the filter's range elsewhere, so all of them). {} for anything else, or a
    stream it cannot follow."""
    import olefile

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            stream = next((name for name in ("Workbook", "Book") if ole.exists(name)), None)
            if stream is None:
                return {}
            book = ole.openstream(stream).read()
        sheets: list[tuple[int, str]] = []
        for kind, body in _records(book, 0):
            if kind == _BOUNDSHEET and len(body) >= 8 and body[5] == 0:  # a worksheet
                count, wide = body[6], body[7] & 1
                raw = body[8:8 + count * (2 if wide else 1)]
                sheets.append((int.from_bytes(body[:4], "little"),
                               raw.decode("utf-16-le" if wide else "latin-1")))
            elif kind == _EOF:
                break  # the globals end: the sheets' substreams follow
        hidden: dict[str, Hidden] = {}
        for start, name in sheets:
            rows: set[int] = set()
            columns: set[int] = set()
            filtered = False
            for kind, body in _records(book, start):
                if kind == _ROW and len(body) >= 14 and body[12] & _ROW_HIDDEN:
                    rows.add(int.from_bytes(body[:2], "little") + 1)
                elif kind == _COLINFO and len(body) >= 10 and body[8] & _COLUMN_HIDDEN:
                    first, last = (int.from_bytes(body[i:i + 2], "little") for i in (0, 2))
                    columns.update(range(first + 1, min(last, 255) + 2))
                elif kind == _FILTERMODE:
                    filtered = True
                elif kind == _EOF:
                    break
            if filtered:
                rows.clear()
            if rows or columns:
                hidden[name] = (frozenset(rows), frozenset(columns))
        return hidden
    except Exception:  # noqa: BLE001 — a stream it cannot follow hides nothing it knows of
        return {}


def _records(book: bytes, position: int) -> Iterator[tuple[int, bytes]]:
    """The BIFF records of a Workbook stream from ``position``: (type, body)."""
    while position + 4 <= len(book):
        kind = int.from_bytes(book[position:position + 2], "little")
        size = int.from_bytes(book[position + 2:position + 4], "little")
        yield kind, book[position + 4:position + 4 + size]
        position += 4 + size
