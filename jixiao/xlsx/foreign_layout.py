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
  number and their XF: Number, RK, MulRk, Formula. Each Formula record is a formula
  cell, its result as calamine misses it: a text (in the String record after it), an
  error (#NAME?), an empty text; its text is not kept (parsed tokens; a function the
  writer did not know is saved as #N/A).
- .ods (content.xml, parsed with the defused parser): table:visibility="collapse" on
  table:table-row and table:table-column ("filter": a filter's, the sheet's data),
  office:value-type="percentage" on table:table-cell, and each cell's
  number-columns-spanned × number-rows-spanned; rows, columns and cells count as often
  as they are repeated. Each table:formula is a formula cell (written as Excel writes
  it), its error (calcext:value-type="error") or empty text (no value type, an empty
  <text:p/>) its result. A formula with neither is one saved without its result
  (written by a program, never calculated): calamine gives it as empty; it is kept as
  an .xlsx's formula without a cached value, so the checks say it was never calculated
  (JX504), not unfilled.
- Both: the defined names (Lbl records, table:named-expressions): jixiao's template's
  JX_ names and the cell its JX_Rules names, kept by LibreOffice's 另存为.

Over 400 lines: one job, the records of two formats calamine does not read, each reader
beside the other's for the same facts.

A stream or part it cannot follow tells nothing: the sheet is read as calamine gives it.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

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
    # A1 → (its formula, whether a result is saved) of each formula cell, as an .xlsx's
    # cell source gives them (``SheetCells.formulas``)
    formulas: dict[str, tuple[str, bool]] = field(default_factory=dict)
    # (row, column) → what a formula cell shows where calamine gives otherwise: its text
    # result (an .xls's: calamine gives 0), its error (#NAME?: calamine gives ""), ""
    # for its empty text result (a result, not a cell never calculated)
    results: dict[tuple[int, int], Any] = field(default_factory=dict)


Names = dict[str, tuple[str, str] | None]  # each defined name → the one cell (sheet, A1) it names


@dataclass
class ForeignLayout:
    """What an .xls's or an .ods's own records tell of it, from one read of the file (its
    Workbook stream, its content.xml): each sheet's ``SheetLayout`` by name (only sheets
    with something to tell), and the workbook's defined names (Lbl records,
    table:named-expressions), each with the one cell it refers to, else None."""

    sheets: dict[str, SheetLayout] = field(default_factory=dict)
    names: Names = field(default_factory=dict)


def template_names(names: Names) -> tuple[frozenset[str], tuple[str, str] | None]:
    """The sheets an .xls's or .ods's defined ``names`` of jixiao's template (JX_…, kept by
    LibreOffice's 另存为) refer to, as ``book.jx_name_sheets`` tells of an .xlsx, and the
    (sheet, cell) its JX_Rules names (``book.defined_cell``)."""
    return frozenset(place[0] for name, place in names.items()
                     if name.upper().startswith("JX_") and place), names.get(_RULES_NAME)


def foreign_layout(data: bytes, kind: str) -> ForeignLayout:
    """The ``ForeignLayout`` of an .xls or an .ods; an empty one for other formats (a web
    page, a document: their readers see it all)."""
    if kind == "xls":
        return _xls_records(data)
    if kind == "ods":
        return _ods_records(data)
    return ForeignLayout()


# ------------------------------------------------------------------------------- .xls

_BOUNDSHEET, _EOF, _ROW, _COLINFO, _FILTERMODE = 0x0085, 0x000A, 0x0208, 0x007D, 0x009B
_FORMAT, _XF = 0x041E, 0x00E0
_NUMBER, _RK, _MULRK, _FORMULA, _STRING = 0x0203, 0x027E, 0x00BD, 0x0006, 0x0207
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
    return _xls_records(data).sheets


def _xls_records(data: bytes) -> ForeignLayout:
    """``xls_layout``'s sheets and the defined names (``_xls_names``), from one read of
    the Workbook stream."""
    import olefile

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            stream = next((name for name in ("Workbook", "Book") if ole.exists(name)), None)
            if stream is None:
                return ForeignLayout()
            book = ole.openstream(stream).read()
    except Exception:  # noqa: BLE001 — a file it cannot follow tells nothing
        return ForeignLayout()
    try:
        names = _xls_names(book)
    except Exception:  # noqa: BLE001 — records it cannot follow tell nothing
        names = {}
    try:
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
            if layout.hidden_rows or layout.hidden_columns or layout.percent or layout.formulas:
                found[name] = layout
        return ForeignLayout(found, names)
    except Exception:  # noqa: BLE001 — a stream it cannot follow tells nothing
        return ForeignLayout({}, names)


def _xls_sheet(book: bytes, start: int, percent_xfs: list[str | None]) -> SheetLayout:
    rows: set[int] = set()
    columns: set[int] = set()
    percent: dict[tuple[int, int], str] = {}
    filtered = False

    def formatted(row: int, column: int, xf: int) -> None:
        if xf < len(percent_xfs) and (code := percent_xfs[xf]) is not None:
            percent[(row + 1, column + 1)] = code

    formulas: dict[str, tuple[str, bool]] = {}
    results: dict[tuple[int, int], Any] = {}
    string_of: tuple[int, int] | None = None  # the cell whose text result a String record holds
    for kind, body in _records(book, start):
        if kind == _STRING and string_of is not None and len(body) >= 3:
            results[string_of] = _long_string(body)
            string_of = None
        if kind in (_NUMBER, _RK, _FORMULA) and len(body) >= 6:
            formatted(*(int.from_bytes(body[i:i + 2], "little") for i in (0, 2, 4)))
        if kind == _FORMULA and len(body) >= 14:
            row, column = (int.from_bytes(body[i:i + 2], "little") + 1 for i in (0, 2))
            formulas[f"{column_letters(column)}{row}"] = (_XLS_FORMULA, True)
            if body[12:14] == b"\xff\xff":  # FormulaValue: not a number ([MS-XLS] 2.5.133)
                shown = _formula_result(body[6], body[8])
                if shown is _STRING_FOLLOWS:
                    string_of = (row, column)
                elif shown is not None:
                    results[(row, column)] = shown
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
    return SheetLayout(frozenset() if filtered else frozenset(rows), frozenset(columns), percent,
                       formulas=formulas, results=results)


# An .xls keeps a formula as parsed tokens ([MS-XLS] 2.5.198), not as its text, and a
# LibreOffice that does not know a function (jixiao's JX_) saves it as #N/A: the cell is a
# formula, its text is not known. (Its cached result is: ``_formula_result``.)
_XLS_FORMULA = "="
_STRING_FOLLOWS = object()
_ERRORS = {0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!", 0x1D: "#NAME?",
           0x24: "#NUM!", 0x2A: "#N/A", 0x2B: "#GETTING_DATA"}


def _formula_result(kind: int, value: int) -> Any:
    """What a Formula record's non-numeric result shows: its text (in the String record that
    follows: ``_STRING_FOLLOWS``), TRUE/FALSE, its error, or "" (an empty text)."""
    if kind == 0:
        return _STRING_FOLLOWS
    if kind == 1:
        return bool(value)
    if kind == 2:
        return _ERRORS.get(value, "#VALUE!")
    return "" if kind == 3 else None


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
    return _ods_records(data).sheets


def _ods_records(data: bytes) -> ForeignLayout:
    """``ods_layout``'s sheets and the named ranges and expressions (``_ods_name``), from
    one parse of content.xml."""
    import zipfile
    from xml.etree.ElementTree import ParseError

    from defusedxml.ElementTree import iterparse

    table, row_tag, column_tag = (f"{{{_TABLE}}}table", f"{{{_TABLE}}}table-row",
                                  f"{{{_TABLE}}}table-column")
    cell_tags = (f"{{{_TABLE}}}table-cell", f"{{{_TABLE}}}covered-table-cell")
    name_key, shown_key = f"{{{_TABLE}}}name", f"{{{_TABLE}}}visibility"
    formula_key = f"{{{_TABLE}}}formula"
    repeated_rows, repeated_columns = (f"{{{_TABLE}}}number-rows-repeated",
                                       f"{{{_TABLE}}}number-columns-repeated")
    spanned_rows, spanned_columns = (f"{{{_TABLE}}}number-rows-spanned",
                                     f"{{{_TABLE}}}number-columns-spanned")
    found: dict[str, SheetLayout] = {}
    names: Names = {}
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open("content.xml") as part:
            depth, name, row, column, columns = 0, "", 0, 0, 0
            pending: tuple[int, int, int, str] | None = None  # a formula cell's place
            layout = SheetLayout()
            rows_hidden: set[int] = set()
            columns_hidden: set[int] = set()
            for event, element in iterparse(part, ("start", "end"), forbid_dtd=True):
                tag = element.tag
                if tag in _NAME_TAGS:
                    if event == "start":
                        _ods_name(element, names)
                elif tag == table:
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
                    if formula and repeat <= _MOST_HIDDEN:
                        pending = (row, column, repeat, formula)
                    if element.get(_VALUE_TYPE) == "percentage" and repeat <= _MOST_HIDDEN:
                        layout.percent.update(((row + 1, column + 1 + offset), "0%")
                                              for offset in range(repeat))
                    column += repeat
                elif tag in cell_tags and pending is not None:  # its end: its result is read
                    _ods_formula(element, pending, layout)
                    pending = None
    except (KeyError, ValueError, ParseError, zipfile.BadZipFile, OSError, EOFError):
        return ForeignLayout()  # (defusedxml's refusals are ValueErrors: check_package refused such files)
    return ForeignLayout(found, names)


# ------------------------------------------------------------------- defined names

_NAME, _EXTERNSHEET, _REF3D = 0x0018, 0x0017, (0x3A, 0x5A, 0x7A)
_RULES_NAME = "JX_Rules"  # jixiao's template: its 评分规则 cell (xlsx/book.defined_cell)


def _xls_names(book: bytes) -> Names:
    """The defined names ([MS-XLS] Lbl) in the globals of a Workbook stream, each with the
    one cell it refers to (a PtgRef3d through ExternSheet to a BoundSheet8), else None."""
    sheets: list[str] = []
    sheet_of: list[int] = []  # each XTI's first sheet
    found: dict[str, tuple[int, int, int] | None] = {}
    for kind, body in _records(book, 0):
        if kind == _BOUNDSHEET and len(body) >= 8:
            sheets.append(_short_string(body[6:]))
        elif kind == _EXTERNSHEET and len(body) >= 2:
            count = int.from_bytes(body[:2], "little")
            sheet_of = [int.from_bytes(body[at + 2:at + 4], "little")
                        for at in range(2, min(len(body), 2 + 6 * count), 6)]
        elif kind == _NAME and len(body) >= 15 and not body[0] & 0x20:  # not a built-in
            length, size, wide = body[3], int.from_bytes(body[4:6], "little"), body[14] & 1
            end = 15 + length * (2 if wide else 1)
            name = body[15:end].decode("utf-16-le" if wide else "latin-1")
            formula = body[end:end + size]
            found[name] = (int.from_bytes(formula[1:3], "little"),
                           int.from_bytes(formula[3:5], "little") + 1,
                           (int.from_bytes(formula[5:7], "little") & 0x3FFF) + 1) \
                if size == 7 and formula[0] in _REF3D else None
        elif kind == _EOF:
            break
    return {name: (sheets[sheet_of[at[0]]], f"{column_letters(at[2])}{at[1]}")
            if at is not None and at[0] < len(sheet_of) and sheet_of[at[0]] < len(sheets) else None
            for name, at in found.items()}


_NAME_TAGS = (f"{{{_TABLE}}}named-range", f"{{{_TABLE}}}named-expression")


def _ods_name(element: Any, names: Names) -> None:
    """An .ods's named range or expression (table:named-expressions) into ``names``, with
    the one cell it refers to ($自评表.$K$2), else None."""
    where = element.get(f"{{{_TABLE}}}cell-range-address") or ""
    sheet, _, cell = where.rpartition(".")
    cell = cell.replace("$", "")
    plain = sheet and ":" not in where and re.fullmatch(r"[A-Z]+[0-9]+", cell)
    names[element.get(f"{{{_TABLE}}}name", "")] = \
        (sheet.lstrip("$").strip("'"), cell) if plain else None


_VALUE_TYPE = f"{{{_OFFICE}}}value-type"
_CALC_TYPE = "{urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0}value-type"
_PARAGRAPH = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}p"


def _ods_formula(element: Any, place: tuple[int, int, int, str], layout: SheetLayout) -> None:
    """A formula cell of an .ods (``place``: its row and column from 0, how often repeated,
    its table:formula) into ``layout``, as an .xlsx's reads: its formula, whether a result
    is saved, and what it shows where calamine gives otherwise. LibreOffice saves a text
    result with office:value-type="string" — or, when it is empty, none but an empty
    <text:p/> — and an error (#NAME?, Err:502) as calcext:value-type="error", its text in
    <text:p> (calamine gives ""). A formula with neither a value type nor a paragraph was
    saved without a result (written by a program, never calculated): JX504's."""
    row, column, repeat, formula = place
    paragraphs = element.findall(_PARAGRAPH)
    cached = element.get(_VALUE_TYPE) is not None or bool(paragraphs)
    shown: Any = None
    if element.get(_CALC_TYPE) == "error":
        shown = "\n".join("".join(paragraph.itertext()) for paragraph in paragraphs) or "#VALUE!"
    elif element.get(_VALUE_TYPE) is None and cached:
        shown = ""  # an empty text result
    text = excel_formula(formula)
    for offset in range(repeat):
        layout.formulas[f"{column_letters(column + 1 + offset)}{row + 1}"] = (text, cached)
        if shown is not None:
            layout.results[(row + 1, column + 1 + offset)] = shown


_ODF_PARTS = re.compile(r'("(?:[^"]|"")*")|\[([^\]]*)\]|;')


def excel_formula(formula: str) -> str:
    """An .ods's formula (OpenFormula, of:=IF([.U21]="";"";[$自评表.K2])) as Excel writes
    it (=IF(U21="","",自评表!K2)): its references unbracketed, a sheet named with "!", its
    arguments parted by commas; its texts as written."""
    namespace, equals, rest = formula.partition(":=")
    text = rest if equals and namespace.isalpha() else formula.lstrip("=")

    def replaced(found: re.Match[str]) -> str:
        if found.group(1) is not None:
            return found.group(1)
        if found.group(2) is None:
            return ","
        return ":".join(_excel_reference(part) for part in found.group(2).split(":"))

    return "=" + _ODF_PARTS.sub(replaced, text)


def _excel_reference(part: str) -> str:
    """One end of an OpenFormula reference ($自评表.$K$2, .H, .12) as Excel writes it."""
    sheet, _, cell = part.rpartition(".")
    sheet = sheet.lstrip("$")
    if not sheet:
        return cell
    if sheet.startswith("'") and sheet.endswith("'"):
        return f"{sheet}!{cell}"
    plain = re.fullmatch(r"[^\W\d]\w*", sheet) is not None
    return f"{sheet}!{cell}" if plain else "'" + sheet.replace("'", "''") + f"'!{cell}"


__all__ = ["ForeignLayout", "SheetLayout", "excel_formula", "foreign_layout", "ods_layout",
           "template_names", "xls_layout"]
