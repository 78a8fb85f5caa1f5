"""What python-calamine does not tell of an .xls's or an .ods's sheets, read from the
file's own records: the rows and columns a sheet hides, the cells it shows as a
percentage or as a date without its year or day, and (an .ods's) merged ranges.

calamine gives a foreign workbook's values only. A clerk's sheet says more: last year's
row or column kept hidden (not the table's), 权重 typed as 10% (0.1 in the cell, 10 on the
screen), 完成值 typed as 95%. Without these, a hidden row was read as an indicator and a
10% 权重 as a tenth of a point — false errors on every row of a correct table; a date
typed as 12月20日 keeps the year it was typed in, which the sheet never shows.

- .xls ([MS-XLS], the compound file's Workbook stream, by olefile [MS-CFB]): in the
  globals, BoundSheet8 (each worksheet's name and where its substream starts), Format
  (a custom number format's code) and XF (each cell format's number format); in each
  sheet's substream, Row (fDyZero: hidden), ColInfo (fHidden), FilterMode (an applied
  AutoFilter: the rows it hides are the sheet's data), and the cells that carry a
  number and their XF: Number, RK, MulRk, Formula.
- .ods (content.xml, parsed with the defused parser): table:visibility="collapse" on
  table:table-row and table:table-column ("filter": a filter's, the sheet's data),
  office:value-type="percentage" on table:table-cell, and each cell's
  number-columns-spanned × number-rows-spanned; rows, columns and cells count as often
  as they are repeated. A cell with a table:formula but no office:value-type is a
  formula saved without its result (written by a program, never calculated): calamine
  gives it as empty; it is kept as an .xlsx's formula without a cached value, so the
  checks say it was never calculated (JX504), not unfilled.

A stream or part it cannot follow tells nothing: the sheet is read as calamine gives it.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field

from jixiao.xlsx.numformats import EAST_ASIAN_FORMATS, date_shown, is_date_format, shows_percent
from jixiao.xlsx.refs import column_letters

Merges = list[tuple[tuple[int, int], tuple[int, int]]]  # ((top, left), (bottom, right)) from 0


@dataclass
class SheetLayout:
    """What calamine does not tell of one sheet (rows and columns from 1)."""

    hidden_rows: frozenset[int] = frozenset()
    hidden_columns: frozenset[int] = frozenset()
    # (row, column) → the number format of a cell shown as a percentage (0.1 shown 10%)
    # or as a date without its year or day (12月20日, 2024年12月): ``shown_apart``
    percent: dict[tuple[int, int], str] = field(default_factory=dict)
    merges: Merges = field(default_factory=list)  # an .ods's (an .xls's calamine gives)
    # A1 → the formula (as the file writes it, of:=…) of each cell saved without a result
    uncalculated: dict[str, str] = field(default_factory=dict)


def foreign_layout(data: bytes, kind: str) -> dict[str, SheetLayout]:
    """Each sheet's ``SheetLayout`` by name for an .xls or an .ods; {} for other formats
    (a web page, a document: their readers see it all)."""
    if kind == "xls":
        return xls_layout(data)
    if kind == "ods":
        return ods_layout(data)
    return {}


# ------------------------------------------------------------------------------- .xls

_BOUNDSHEET, _EOF, _ROW, _COLINFO, _FILTERMODE = 0x0085, 0x000A, 0x0208, 0x007D, 0x009B
_FORMAT, _XF = 0x041E, 0x00E0
_NUMBER, _RK, _MULRK, _FORMULA = 0x0203, 0x027E, 0x00BD, 0x0006
_ROW_HIDDEN = 0x20  # Row.fDyZero: the row's height is zero, hidden ([MS-XLS] 2.4.221)
_COLUMN_HIDDEN = 0x01  # ColInfo.fHidden ([MS-XLS] 2.4.53)
# The built-in number formats that show a value apart from calamine's ([MS-XLS] 2.4.126:
# 9, 10 percent; 16 d-mmm, 17 mmm-yy; the East Asian dates, numformats)
_BUILT_IN_APART = {9: "0%", 10: "0.00%", 16: "d-mmm", 17: "mmm-yy",
                   **{number: code for number, code in EAST_ASIAN_FORMATS.items()
                      if is_date_format(code) and "h" not in code}}


def shown_apart(code: str) -> bool:
    """Whether a format shows its cell otherwise than calamine's value: a percentage (0.1
    shown 10%), a date without its year (m"月"d"日") or its day (yyyy"年"m"月")."""
    return shows_percent(code) or is_date_format(code) and date_shown(code) != (True, True)


def xls_layout(data: bytes) -> dict[str, SheetLayout]:
    """The ``SheetLayout`` of each worksheet of an Excel 97-2003 .xls, by name. A sheet
    with an applied AutoFilter (FilterMode) hides its rows for a while, not for good:
    they are its data, as ``sheet.unfiltered`` reads an .xlsx's (an .xls names the
    filter's range elsewhere, so all of them). Only sheets with something to tell."""
    import olefile

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            stream = next((name for name in ("Workbook", "Book") if ole.exists(name)), None)
            if stream is None:
                return {}
            book = ole.openstream(stream).read()
        sheets: list[tuple[int, str]] = []
        codes = {number: code for number, code in _BUILT_IN_APART.items()
                 if shown_apart(code)}  # ifmt → its code, where ``shown_apart``
        percent_xfs: list[str | None] = []  # each XF's such code, or None
        for kind, body in _records(book, 0):
            if kind == _BOUNDSHEET and len(body) >= 8 and body[5] == 0:  # a worksheet
                sheets.append((int.from_bytes(body[:4], "little"), _short_string(body[6:])))
            elif kind == _FORMAT and len(body) >= 5:
                code = _long_string(body[2:])
                if shown_apart(code):
                    codes[int.from_bytes(body[:2], "little")] = code
            elif kind == _XF and len(body) >= 4:
                percent_xfs.append(codes.get(int.from_bytes(body[2:4], "little")))
            elif kind == _EOF:
                break  # the globals end: the sheets' substreams follow
        found: dict[str, SheetLayout] = {}
        for start, name in sheets:
            layout = _xls_sheet(book, start, percent_xfs)
            if layout.hidden_rows or layout.hidden_columns or layout.percent:
                found[name] = layout
        return found
    except Exception:  # noqa: BLE001 — a stream it cannot follow tells nothing
        return {}


def _xls_sheet(book: bytes, start: int, percent_xfs: list[str | None]) -> SheetLayout:
    rows: set[int] = set()
    columns: set[int] = set()
    percent: dict[tuple[int, int], str] = {}
    filtered = False

    def formatted(row: int, column: int, xf: int) -> None:
        if xf < len(percent_xfs) and (code := percent_xfs[xf]) is not None:
            percent[(row + 1, column + 1)] = code

    for kind, body in _records(book, start):
        if kind in (_NUMBER, _RK, _FORMULA) and len(body) >= 6:
            formatted(*(int.from_bytes(body[i:i + 2], "little") for i in (0, 2, 4)))
        elif kind == _MULRK and len(body) >= 10:
            row, first = (int.from_bytes(body[i:i + 2], "little") for i in (0, 2))
            for index, at in enumerate(range(4, len(body) - 2, 6)):
                formatted(row, first + index, int.from_bytes(body[at:at + 2], "little"))
        elif kind == _ROW and len(body) >= 14 and body[12] & _ROW_HIDDEN:
            rows.add(int.from_bytes(body[:2], "little") + 1)
        elif kind == _COLINFO and len(body) >= 10 and body[8] & _COLUMN_HIDDEN:
            first, last = (int.from_bytes(body[i:i + 2], "little") for i in (0, 2))
            columns.update(range(first + 1, min(last, 255) + 2))
        elif kind == _FILTERMODE:
            filtered = True
        elif kind == _EOF:
            break
    return SheetLayout(frozenset() if filtered else frozenset(rows), frozenset(columns), percent)


def _records(book: bytes, position: int) -> Iterator[tuple[int, bytes]]:
    """The BIFF records of a Workbook stream from ``position``: (type, body)."""
    while position + 4 <= len(book):
        kind = int.from_bytes(book[position:position + 2], "little")
        size = int.from_bytes(book[position + 2:position + 4], "little")
        yield kind, book[position + 4:position + 4 + size]
        position += 4 + size


def _short_string(body: bytes) -> str:
    """A ShortXLUnicodeString: its length in one byte, a flags byte, the characters."""
    count, wide = body[0], body[1] & 1
    return body[2:2 + count * (2 if wide else 1)].decode("utf-16-le" if wide else "latin-1")


def _long_string(body: bytes) -> str:
    """An XLUnicodeString: its length in two bytes, a flags byte, the characters."""
    count, wide = int.from_bytes(body[:2], "little"), body[2] & 1
    return body[3:3 + count * (2 if wide else 1)].decode("utf-16-le" if wide else "latin-1")


# ------------------------------------------------------------------------------- .ods

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_MOST_HIDDEN = 65_536  # a hidden run repeated to the sheet's end: its rows past this are empty


def ods_layout(data: bytes) -> dict[str, SheetLayout]:
    """The ``SheetLayout`` of each sheet of an .ods's content.xml, by name. The package
    was checked before (check_package: size, DTD): the parse refuses DTDs too."""
    import zipfile
    from xml.etree.ElementTree import ParseError

    from defusedxml.ElementTree import iterparse

    table, row_tag, column_tag = (f"{{{_TABLE}}}table", f"{{{_TABLE}}}table-row",
                                  f"{{{_TABLE}}}table-column")
    cell_tags = (f"{{{_TABLE}}}table-cell", f"{{{_TABLE}}}covered-table-cell")
    name_key, shown_key = f"{{{_TABLE}}}name", f"{{{_TABLE}}}visibility"
    kind_key = f"{{{_OFFICE}}}value-type"
    formula_key = f"{{{_TABLE}}}formula"
    repeated_rows, repeated_columns = (f"{{{_TABLE}}}number-rows-repeated",
                                       f"{{{_TABLE}}}number-columns-repeated")
    spanned_rows, spanned_columns = (f"{{{_TABLE}}}number-rows-spanned",
                                     f"{{{_TABLE}}}number-columns-spanned")
    found: dict[str, SheetLayout] = {}
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open("content.xml") as part:
            depth, name, row, column, columns = 0, "", 0, 0, 0
            layout = SheetLayout()
            rows_hidden: set[int] = set()
            columns_hidden: set[int] = set()
            for event, element in iterparse(part, ("start", "end"), forbid_dtd=True):
                tag = element.tag
                if tag == table:
                    if event == "start":
                        depth += 1
                        if depth == 1:
                            name, row, columns, layout = element.get(name_key, ""), 0, 0, \
                                SheetLayout()
                            rows_hidden, columns_hidden = set(), set()
                    else:
                        depth -= 1
                        if depth == 0:
                            layout.hidden_rows = frozenset(rows_hidden)
                            layout.hidden_columns = frozenset(columns_hidden)
                            found[name] = layout
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
                        layout.merges.append(((row, column), (row + high - 1, column + wide - 1)))
                    formula = element.get(formula_key)
                    if formula and element.get(kind_key) is None and repeat <= _MOST_HIDDEN:
                        layout.uncalculated.update(
                            (f"{column_letters(column + 1 + offset)}{row + 1}", formula)
                            for offset in range(repeat))
                    if element.get(kind_key) == "percentage" and repeat <= _MOST_HIDDEN:
                        layout.percent.update(((row + 1, column + 1 + offset), "0%")
                                              for offset in range(repeat))
                    column += repeat
    except (KeyError, ValueError, ParseError, zipfile.BadZipFile, OSError, EOFError):
        return {}  # (defusedxml's refusals are ValueErrors: check_package refused such files)
    return found


__all__ = ["SheetLayout", "foreign_layout", "ods_layout", "xls_layout"]
