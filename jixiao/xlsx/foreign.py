"""Workbooks jixiao reads by their values only: .xls, .xlsb and .ods (and the web pages
and Excel 2003 XML files saved as .xls, ``webtable``; the tables of a Word .docx,
``wordtable``, and of a Word 97-2003 .doc, ``doctable``).

The central 预算项目库 system and WPS export .xls. ``foreign_format`` tells such a
file by its bytes (never its name); ``foreign_sheets`` reads its values and merged
ranges with python-calamine, and the reader checks them like an .xlsx. They have
no formulas jixiao could write back: recalculation and annotated copies refuse
them with ``foreign_refusal``'s line. What calamine does not tell — an .ods's merged
ranges, the rows and columns a sheet hides, the cells it shows as a percentage — is
read from the file's own records by ``foreign_layout``.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

from jixiao.errors import UnreadableWorkbook, damage_text
from jixiao.xlsx.foreign_layout import Names, SheetLayout, foreign_layout
from jixiao.xlsx.sheet import SheetCells

CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE2 compound file: .xls, or an encrypted .xlsx

FOREIGN_FORMATS = {"xls": "旧版 Excel 97-2003（.xls）", "xlsb": "Excel 二进制（.xlsb）",
                   "ods": "OpenDocument（.ods）", "html": "网页格式（HTML）的 Excel 表",
                   "xml2003": "XML 表格 2003（SpreadsheetML）", "docx": "Word 文档（.docx）",
                   "doc": "Word 97-2003 文档（.doc）", "rtf": "RTF 格式的文档（Word 另存为 RTF）"}
_ODS_MIME = b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet"


def foreign_refusal(name: str, kind: str, action: str) -> str:
    """Why ``action`` (重新计算, 制作标注副本) is refused for an .xls/.xlsb/.ods file."""
    if kind in ("xls", "xlsb", "ods"):  # a workbook (jixiao's template too): saved as .xlsx
        return (f"“{name}”是{FOREIGN_FORMATS[kind]}文件，不是 .xlsx 或 .xlsm 工作簿：jixiao 可以"
                f"校验它，但不能{action}；请在 Excel、WPS 或 LibreOffice 中打开它，另存为 .xlsx "
                f"后再{action}（或用 jixiao convert “{name}” -o 新文件.xlsx 转换为模板）")
    return (f"“{name}”是{FOREIGN_FORMATS[kind]}文件，不是 .xlsx 或 .xlsm 工作簿：jixiao 可以"
            f"校验它，但不能{action}；"
            f"请先用 jixiao convert “{name}” -o 新文件.xlsx 转换为模板（或在 Excel/WPS 中"
            f"{'粘贴其中的表格并' if kind in ('docx', 'doc') else ''}另存为 .xlsx）后再{action}")


def unidentified_compound(name: str, data: bytes) -> str | None:
    """The one line for an OLE2 file that ``foreign_format`` can only guess is an .xls: it
    names neither an Excel workbook's stream nor a Word document's (a Microsoft Works .wps,
    or a file damaged or cut short) — what check and recalc both say of it; None for any
    other file."""
    if not data.startswith(CFB) or foreign_format(data) != "xls" or is_excel_97(data):
        return None
    if name.lower().endswith(".wps"):  # Microsoft Works' .wps (its CONTENTS stream), not WPS 文字's
        return (f"“{name}”不是 WPS 文字能另存的 Word 兼容格式（可能是 Microsoft Works 文档或已损坏），"
                "无法读取：请在 WPS 或 Word 中打开后另存为 .docx 再试")
    return (f"“{name}”是旧版 Office 复合文档（旧版 Excel 97-2003 的 .xls 或 Word 97-2003 的 .doc），"
            "但已损坏或不完整（看不出是哪一种），无法读取；请向填报单位重新索取原文件（若能在 Excel 或 "
            "Word 中打开，另存为 .xlsx 或 .docx 再试）")


def foreign_format_of(path: str | Path) -> str | None:
    """``foreign_format`` of a file, from its first and last bytes; None if unreadable."""
    try:
        head, tail = file_ends(path)
        if head.startswith(CFB):
            return foreign_format(head)
    except OSError:
        return None
    if foreign_format(head) in ("ods", "html", "xml2003"):
        return foreign_format(head)
    if not head.startswith(b"PK"):
        return None
    return "xlsb" if b"xl/workbook.bin" in tail else "docx" if _is_docx(tail) else None


_HEAD = 4096  # a file's first bytes: its signature, an .ods's mimetype, a web page's tags
_DIRECTORY = 65536  # a zip's last bytes: its central directory, naming its members


def file_ends(path: str | Path) -> tuple[bytes, bytes]:
    """What tells a file's kind, read at one opening: its first bytes and, of a zip, its
    last (``_DIRECTORY``; else b""); an OLE2 compound file whole as its first bytes (its
    streams' names lie anywhere in it). Raises OSError."""
    with open(path, "rb") as stream:
        head = stream.read(_HEAD)
        if head.startswith(CFB):
            return head + stream.read(), b""
        if not head.startswith(b"PK"):
            return head, b""
        stream.seek(0, os.SEEK_END)
        stream.seek(max(0, stream.tell() - _DIRECTORY))
        return head, stream.read()


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
    directory = max(0, len(data) - _DIRECTORY)  # where the central directory is
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
                   ) -> tuple[list[SheetCells], list[str], frozenset[str], bool, Names]:
    """Every sheet's cells, merged ranges and (a document's) tables, notes on sheets
    skipped, the names of the sheets the workbook hides, whether a sheet was skipped for its
    length (over ``max_rows`` rows with content), and an .xls's or .ods's defined names:
    the values (and merged ranges where the format keeps them) by python-calamine, and
    what it does not tell — the rows and columns hidden, the cells shown as a percentage,
    an .ods's merges, the names — from the file's own records (``foreign_layout``), read
    once."""
    what = FOREIGN_FORMATS[kind]
    if kind == "rtf":
        raise UnreadableWorkbook(f"“{name}”是{what}，jixiao 无法读取：请在 Word 或 WPS 中打开后"
                                 "另存为 .docx 或 .doc 再试，或把自评表复制到 Excel 中另存为 .xlsx")
    if kind in ("html", "xml2003", "docx", "doc"):
        return *_text_sheets(name, data, kind, max_rows), {}
    try:
        from python_calamine import CalamineWorkbook
    except ImportError:
        raise UnreadableWorkbook(f"“{name}”是{what}文件，读取它需要 python-calamine；"
                                 "请另存为 .xlsx 后再试") from None
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception:  # calamine refuses: damaged, or encrypted
        said = unidentified_compound(name, data)
        if said is not None:
            raise UnreadableWorkbook(said) from None
        raise UnreadableWorkbook(f"“{name}”是{what}文件，但已损坏或设置了密码，无法读取；"
                                 "请在 Excel 或 WPS 中打开后另存为 .xlsx 再试") from None
    sheets = []
    notes: list[str] = []
    too_long = False
    try:
        hidden = frozenset(_hidden_sheets(book))
        records = foreign_layout(data, kind)
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
                layout = records.sheets.get(sheet_name) or SheetLayout()
                merges = sheet.merged_cell_ranges or layout.merges
            except Exception as error:  # a chart sheet, a damaged sheet: skip it, say why
                notes.append(f"工作表“{sheet_name}”无法读取（{damage_text(error)}），已跳过")
                continue
            percent, results = layout.percent, layout.results
            cells = [(row, column, shown, percent.get((row, column), "General")
                      if percent and not isinstance(shown, str) else "General")
                     for row, values in enumerate(rows, start=1)
                     for column, value in enumerate(values, start=1)
                     if (shown := _as_xlsx(results.get((row, column), value)))
                     not in (None, "")]
            sheets.append(SheetCells(sheet_name, cells,
                                     [(top + 1, left + 1, bottom + 1, right + 1)
                                      for (top, left), (bottom, right) in merges],
                                     layout.formulas,
                                     hidden_rows=layout.hidden_rows,
                                     hidden_columns=layout.hidden_columns))
    finally:
        book.close()
    return sheets, notes, hidden, too_long, records.names


def _as_xlsx(value: Any) -> Any:
    """A cell's value as an .xlsx's reader gives it: a whole number as an int (calamine
    gives an .ods's 2024 as 2024.0, which no year or count reads as written)."""
    if type(value) is float and value.is_integer() and abs(value) < 2 ** 53:
        return int(value)
    return value


def _text_sheets(name: str, data: bytes, kind: str, max_rows: int
                 ) -> tuple[list[SheetCells], list[str], frozenset[str], bool]:
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
                                 f"无法读取（{damage_text(error)}）；请在 Excel 或 WPS 中打开后"
                                 "另存为 .xlsx 再试") from None
    kept, notes, too_long = [], [], False
    for sheet_name, cells, merges in sheets:
        if len({row for row, _, _, _ in cells}) > max_rows:
            too_long = True
            notes.append(f"工作表“{sheet_name}”有内容的行超过 {max_rows} 行的上限，"
                         "已跳过（可设置环境变量 JIXIAO_MAX_ROWS 调高）")
            continue
        kept.append(SheetCells(sheet_name, cells, merges, {},
                               tables if len(sheets) == 1 else []))
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


def _hidden_sheets(book: Any) -> list[str]:
    """The sheets a workbook hides (hidden or very hidden), as calamine says; none if
    it cannot say."""
    try:
        return [sheet.name for sheet in book.sheets_metadata
                if str(sheet.visible).rsplit(".", 1)[-1] != "Visible"]
    except Exception:  # an older calamine without the metadata: every sheet is shown
        return []
