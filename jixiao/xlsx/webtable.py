"""Workbooks that are text: a web page's tables named .xls, and Excel 2003's XML.

Budget systems (the 预算管理一体化 system's exports among them) and older tools save a
"网页格式" .xls — an HTML page whose tables Excel opens as one sheet — or an
"XML 表格 2003" (SpreadsheetML). Excel opens both; so does jixiao, by their values:
``html_sheets`` lays a page's tables out as Excel does (one under the other, each cell
where its ``rowspan``/``colspan`` puts it, merged over what it spans, text outside the
tables a row of its own), ``spreadsheetml_sheets`` reads each worksheet's cells (with
``ss:Index``, ``ss:MergeAcross``/``ss:MergeDown`` and the number format of its style).
Cells are (row, column, value, number format) from 1, as ``foreign_sheets`` gives them.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

from jixiao.xlsx.sheet import DocumentTable

Cell = tuple[int, int, Any, str]
Merge = tuple[int, int, int, int]
Sheet = tuple[str, list[Cell], list[Merge]]

_SPREADSHEET_NS = b"urn:schemas-microsoft-com:office:spreadsheet"


def text_format(data: bytes) -> str | None:
    """"html" for a web page, "xml2003" for SpreadsheetML, else None — by the bytes."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 (Excel's "Unicode" web page)
        head = head.decode("utf-16", "ignore").encode("utf-8", "ignore").lstrip()
    lower = head[:512].lower()
    if lower.startswith(b"<?xml") and _SPREADSHEET_NS in head and b"<html" not in lower:
        return "xml2003"
    if lower.startswith((b"<html", b"<!doctype html", b"<table", b"<meta", b"<head",
                         b"<body")) or (lower.startswith(b"<") and b"<table" in head.lower()):
        return "html"
    return None


def decode(data: bytes) -> str:
    """A page's text: by its byte order mark, else its declared charset (gb2312, gbk …
    read as GB18030, which covers them), else UTF-8 — or GB18030 where UTF-8 fails."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16", "replace")
    declared = re.search(rb"""charset\s*=\s*["']?([\w-]+)""", data[:4096], re.IGNORECASE)
    name = declared.group(1).decode("ascii").lower() if declared else "utf-8"
    if name in ("gb2312", "gbk", "gb18030", "x-gbk", "cp936"):
        name = "gb18030"
    try:
        return data.decode(name)
    except (LookupError, UnicodeDecodeError):
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return data.decode("gb18030", "replace")


_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def _value(text: str) -> Any:
    """A cell's text as Excel takes it from a page: a plain number is a number (not a
    code written with a leading zero, "0833")."""
    text = text.strip()
    plain = text.replace(",", "")
    if _NUMBER.fullmatch(plain) and re.match(r"-?0\d", plain) is None:
        return float(plain)
    return text


# What a page holds that is no cell's text: styles, scripts, and the comments of cells
# (LibreOffice writes each in a <comment> inside its cell; Excel anchors it with "[1]").
_SKIPPED = ("style", "script", "comment")


class _Page(HTMLParser):
    """Collects a page's rows: (cells of (text, rowspan, colspan)) per table row, and
    lines of text outside the tables."""

    _BLOCKS = frozenset(("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "caption", "title"))

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[tuple[str, int, int]] | str | None] = []  # None: a table ends
        self._depth = 0  # tables open
        self._cell: list[str] | None = None
        self._span = (1, 1)
        self._row: list[tuple[str, int, int]] | None = None
        self._text: list[str] = []  # outside the tables
        self._skip = 0  # inside <style>, <script>, <head>'s <title>, a cell's comment
        self._anchors = 0  # comment anchors open (Excel's [1] in a commented cell)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skip += 1
        elif tag == "a" and "msocomanchor" in (dict(attrs).get("class") or "").lower():
            self._anchors += 1
            self._skip += 1
        elif tag == "table":
            if self._depth == 0:
                self._flush_text()
            self._depth += 1
        elif self._depth == 1 and tag == "tr":
            self._row = []
        elif self._depth == 1 and tag in ("td", "th"):
            values = dict(attrs)
            self._cell = []
            self._span = (_span(values.get("rowspan")), _span(values.get("colspan")))
        elif tag == "br":
            (self._cell if self._cell is not None else self._text).append("\n")
        elif self._depth == 0 and tag in self._BLOCKS:
            self._flush_text()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED or (tag == "a" and self._anchors):
            if tag == "a":
                self._anchors -= 1
            self._skip = max(0, self._skip - 1)
        elif tag == "table":
            self._depth = max(0, self._depth - 1)
            if self._depth == 0:
                self._end_cell()
                self._end_row()
                self.rows.append(None)
        elif self._depth == 1 and tag in ("td", "th"):
            self._end_cell()
        elif self._depth == 1 and tag == "tr":
            self._end_cell()
            self._end_row()
        elif self._depth == 0 and tag in self._BLOCKS:
            self._flush_text()

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._cell is not None:
            self._cell.append(data)
        elif self._depth == 0:
            self._text.append(data)

    def close(self) -> None:
        super().close()
        self._end_cell()
        self._end_row()
        self._flush_text()

    def _end_cell(self) -> None:
        if self._cell is not None:
            text = "\n".join(" ".join(line.split()) for line in "".join(self._cell).split("\n"))
            if self._row is None:
                self._row = []
            self._row.append((text.strip("\n"), *self._span))
            self._cell = None

    def _end_row(self) -> None:
        if self._row is not None:
            self.rows.append(self._row)
            self._row = None

    def _flush_text(self) -> None:
        text = " ".join("".join(self._text).split())
        self._text = []
        if text:
            self.rows.append(text)


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 1000))
    except ValueError:
        return 1


class TooManyCells(Exception):
    """The cells and merged areas of a text workbook pass the cell limit."""


def html_sheets(name: str, data: bytes, max_cells: int,
                tables: list[DocumentTable] | None = None) -> list[Sheet]:
    """The page's tables laid out on one sheet as Excel opens them (a blank row after
    each table). ``max_cells``: the cells and merged areas allowed (``TooManyCells``);
    ``tables``, if given, gets the rows and columns of each table (where its <table> ends)."""
    page = _Page()
    page.feed(decode(data))
    page.close()
    cells: list[Cell] = []
    merges: list[Merge] = []
    # covered by a span from a row above → that span's first column (a cell of the row as
    # the reader sees it, counted in ``starts`` as a Word table's vMerge cell is)
    taken: dict[tuple[int, int], int] = {}
    area = 0
    row = 0
    first, widest = 0, 0  # the open table's first row, its widest row's last column
    starts: list[tuple[int, ...]] = []  # its rows' cells' first columns
    for item in page.rows:
        if item is None:  # a table ended
            if first and tables is not None:
                tables.append(DocumentTable(first, row, widest, (), tuple(starts)))
            first, widest, starts = 0, 0, []
            row += 1
            taken.clear()
            continue
        row += 1
        if isinstance(item, str):
            cells.append((row, 1, item, "General"))
            continue
        first = first or row
        column = 1
        begins: list[int] = []
        for text, high, wide in item:
            while (row, column) in taken:
                if taken[row, column] == column:
                    begins.append(column)
                column += 1
            begins.append(column)
            if text:
                cells.append((row, column, _value(text), "General"))
            area += high * wide
            if area > max_cells:
                raise TooManyCells
            if high > 1 or wide > 1:
                merges.append((row, column, row + high - 1, column + wide - 1))
                taken.update(((r, c), column) for r in range(row + 1, row + high)
                             for c in range(column, column + wide))
            column += wide
        while (row, column) in taken:  # spans from above right of the row's last cell
            if taken[row, column] == column:
                begins.append(column)
            column += 1
        widest = max(widest, column - 1)
        starts.append(tuple(begins))
    stem = name.rsplit(".", 1)[0][:31] or "Sheet1"
    return [(stem, cells, merges)]


_SS = "{urn:schemas-microsoft-com:office:spreadsheet}"
_BUILT_IN_FORMATS = {"percent": "0.00%", "fixed": "0.00", "standard": "#,##0.00",
                     "general number": "General", "short date": "yyyy-mm-dd",
                     "medium date": "yyyy-mm-dd", "long date": "yyyy-mm-dd"}


def spreadsheetml_sheets(data: bytes, max_cells: int) -> tuple[list[Sheet], frozenset[str]]:
    """Each worksheet of an Excel 2003 XML workbook, and the names of the hidden ones.
    Parsed with defusedxml (no DTD, no entities); ``max_cells`` as for ``html_sheets``."""
    from defusedxml.ElementTree import fromstring

    root = fromstring(data, forbid_dtd=True)
    formats: dict[str, str] = {}
    for style in root.iter(f"{_SS}Style"):
        number = style.find(f"{_SS}NumberFormat")
        if number is not None:
            shown = number.get(f"{_SS}Format", "General")
            formats[style.get(f"{_SS}ID", "")] = _BUILT_IN_FORMATS.get(shown.lower(), shown)
    sheets: list[Sheet] = []
    hidden: set[str] = set()
    area = 0
    for sheet in root.iter(f"{_SS}Worksheet"):
        name = sheet.get(f"{_SS}Name", f"Sheet{len(sheets) + 1}")
        options = sheet.find("{urn:schemas-microsoft-com:office:excel}WorksheetOptions")
        if options is not None and options.find(
                "{urn:schemas-microsoft-com:office:excel}Visible") is not None:
            hidden.add(name)
        cells: list[Cell] = []
        merges: list[Merge] = []
        table = sheet.find(f"{_SS}Table")
        row = 0
        for element in [] if table is None else table.findall(f"{_SS}Row"):
            row = _index(element, row + 1)
            column = 0
            for cell in element.findall(f"{_SS}Cell"):
                column = _index(cell, column + 1)
                across = _index(cell, 0, "MergeAcross")
                down = _index(cell, 0, "MergeDown")
                area += (across + 1) * (down + 1)
                if area > max_cells:
                    raise TooManyCells
                if across or down:
                    merges.append((row, column, row + down, column + across))
                found = cell.find(f"{_SS}Data")
                if found is not None:
                    value = _data(found)
                    if value is not None and value != "":
                        cells.append((row, column, value,
                                      formats.get(cell.get(f"{_SS}StyleID", ""), "General")))
                column += across
        sheets.append((name, cells, merges))
    return sheets, frozenset(hidden)


def _index(element: Any, default: int, key: str = "Index") -> int:
    try:
        return max(0, min(int(element.get(f"{_SS}{key}", default)), 1_048_576))
    except ValueError:
        return default


def _data(element: Any) -> Any:
    """A <Data> element's value by its ss:Type: a number, a date, a boolean, or text."""
    text = "".join(element.itertext())
    kind = element.get(f"{_SS}Type", "String")
    if kind == "Number":
        try:
            return float(text)
        except ValueError:
            return text
    if kind == "Boolean":
        return text.strip() == "1"
    if kind == "DateTime":
        import datetime as _dt

        try:
            return _dt.datetime.fromisoformat(text.strip().rstrip("Z"))
        except ValueError:
            return text
    return text
