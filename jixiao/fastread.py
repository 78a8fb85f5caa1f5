"""The fast cell source of the reader: python-calamine and one pass over the sheet XML.

``calamine_sheets`` gives, for the worksheets of an opened package, the same
``SheetCells`` that the openpyxl source gives, an order of magnitude faster:

    shared and inline strings, merged ranges     python-calamine (Rust)
    numbers, booleans, errors, formula results   the sheet XML, cast as openpyxl casts
    formulas, number formats, dates              the sheet XML and xl/styles.xml

It returns ``None`` — the reader then uses openpyxl — for anything where the two
could differ: an escaped character (``_x000D_``), a carriage return or an
untrimmed text run (calamine decodes, normalises or trims them, openpyxl does
not), a cell without its reference, an ISO date cell, a DTD, a style or string
that does not exist, a sheet too wide for a grid, or any error at all (openpyxl
then says, in the usual words, what is wrong with the file). The equality is
tested on every test workbook and on random grids (tests/test_fastread.py).
"""

from __future__ import annotations

import functools
import io
import re
import zipfile
from collections.abc import Mapping
from typing import Any

from .ooxml import _unescape
from .reader import SheetCells

MAX_GRID_CELLS = 500_000  # calamine gives a sheet as a full grid from A1

_SHEET_DATA = re.compile(rb"<((?:[\w.-]+:)?)sheetData(?=[\s/>])[^>]*?(/?)>")
_CELL = re.compile(rb"<((?:[\w.-]+:)?)c(?=[\s/>])([^>]*?)(?:/>|>(.*?)</\1c\s*>)", re.S)
_PLAIN_CELL = re.compile(rb'<c r="([A-Z]{1,3})([0-9]+)"(?: s="([0-9]+)")?(?: t="([A-Za-z]+)")?'
                         rb'(?:\s*/>|><v>([^<]*)</v></c>|>(.*?)</c>)', re.S)
_ATTRIBUTE = re.compile(rb"""\s([rst])\s*=\s*["']([^"']*)["']""")
_REF = re.compile(rb"([A-Z]{1,3})([0-9]+)")
_FORMULA = re.compile(rb"<((?:[\w.-]+:)?)f(?=[\s/>])[^>]*?(?:/>|>(.*?)</\1f\s*>)", re.S)
_VALUE = re.compile(rb"<((?:[\w.-]+:)?)v(?=[\s/>])[^>]*?(?:/>|>(.*?)</\1v\s*>)", re.S)
_MERGE = re.compile(rb"<(?:[\w.-]+:)?mergeCell(?=[\s/>])")
# What calamine reads differently from openpyxl: it decodes _xHHHH_ escapes (openpyxl
# keeps them, and drops "x005F_" in shared strings), trims a text run that has no
# xml:space="preserve", and keeps the \r that an XML parser turns into \n.
_UNSURE_TEXT = re.compile(rb"_x[0-9A-Fa-f]{4}_|x005F_|\r|<!|purl\.oclc\.org"
                          rb"|<(?:[\w.-]+:)?t>(?:[ \t\n][^<]*|[^<]*[ \t\n])</")
_UNSURE_HINTS = (b"_x", b"x005F_", b"\r", b"<!", b"purl.oclc.org")
_UNTRIMMED = re.compile(rb"<(?:[\w.-]+:)?t>(?:[ \t\n][^<]*|[^<]*[ \t\n])</")


def _unsure_text(xml: bytes) -> bool:
    """``_UNSURE_TEXT.search``, quicker: plain substring tests first."""
    if any(hint in xml for hint in _UNSURE_HINTS):
        return _UNSURE_TEXT.search(xml) is not None
    return (b"t> " in xml or b"t>\t" in xml or b"t>\n" in xml or b" </" in xml
            or b"\t</" in xml or b"\n</" in xml) and _UNTRIMMED.search(xml) is not None


_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_BUILTIN_LIMIT = 164  # numFmtId below it are built in (openpyxl BUILTIN_FORMATS_MAX_SIZE)


class _Unsure(Exception):
    """The fast source cannot promise openpyxl's result for this file."""


def calamine_sheets(data: bytes, archive: zipfile.ZipFile,
                    parts: Mapping[str, str]) -> list[SheetCells] | None:
    """``SheetCells`` of the named worksheets (name → zip member), or ``None``."""
    try:
        from python_calamine import CalamineWorkbook
    except ImportError:
        return None
    try:
        names = set(archive.namelist())
        for member in names:
            if member.lower().endswith("sharedstrings.xml") and _unsure_text(
                    archive.read(member)):
                return None
        styles = _styles(archive, names)
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        try:
            return [_sheet(name, archive.read(part), book, styles) for name, part in parts.items()]
        finally:
            book.close()
    except Exception:  # _Unsure, or calamine refusing the file: openpyxl decides
        return None


def _sheet(name: str, xml: bytes, book: Any, styles: _Styles) -> SheetCells:
    if xml.startswith((b"\xff\xfe", b"\xfe\xff")) or _unsure_text(xml):
        raise _Unsure(name)
    opening = _SHEET_DATA.search(xml)
    start = opening.end() if opening is not None else len(xml)
    stop = len(xml)
    if opening is not None and not opening.group(2):
        stop = xml.find(b"</" + opening.group(1) + b"sheetData>", start)
        stop = len(xml) if stop < 0 else stop
    cells: list[tuple[int, int, Any, str]] = []
    formulas: dict[str, tuple[str, bool]] = {}
    strings: list[tuple[int, int, int]] = []  # (index in cells, row, column) read by calamine
    formats, columns = styles.formats, _COLUMNS
    region = xml[start:stop] if opening is not None else b""
    for letters, digits, style, kind, simple, body in _cell_items(region, opening):
        if not body and not simple:  # no value: a cell kept for its style only
            continue
        row = int(digits)
        reference = letters.decode()
        column = columns.get(reference) or _column_number(reference)
        data_type = kind.decode() if kind else "n"
        style_id = int(style) if style else 0
        raw = simple or None
        if body:
            value_tag = _VALUE.search(body)
            raw = value_tag.group(2) if value_tag is not None else None
            if b"f" in body:
                formula = _FORMULA.search(body)
                if formula is not None:
                    cached = value_tag is not None and (
                        bool(raw) or data_type in ("str", "s", "inlineStr"))
                    text = formula.group(2)
                    formulas[reference + digits.decode()] = (
                        "=" + (_unescape(text.decode()) if text else ""), cached)
        value: Any = None
        text_value = _unescape(raw.decode()) if raw else None  # openpyxl: findtext() or None
        if data_type == "inlineStr" or (data_type == "s" and text_value is not None):
            strings.append((len(cells), row, column))
        elif text_value is None:
            pass
        elif data_type == "n":
            value = styles.number(text_value, style_id)
        elif data_type == "b":
            value = bool(int(text_value))
        elif data_type in ("e", "str"):
            value = text_value
        else:  # "d" (an ISO 8601 date) and types no spreadsheet writes
            raise _Unsure(f"t={data_type}")
        cells.append((row, column, value, formats[style_id]))  # IndexError as in openpyxl
    sheet = book.get_sheet_by_name(name)
    merges = [(top + 1, left + 1, bottom + 1, right + 1)
              for (top, left), (bottom, right) in sheet.merged_cell_ranges or []]
    if len(merges) != len(_MERGE.findall(xml)):
        raise _Unsure("merged ranges")
    if strings:
        end = sheet.end
        if end is None or (end[0] + 1) * (end[1] + 1) > MAX_GRID_CELLS:
            raise _Unsure("grid too large")
        grid = sheet.to_python(skip_empty_area=False)
        for index, row, column in strings:
            text = grid[row - 1][column - 1]  # IndexError: a string calamine did not read
            if not isinstance(text, str):
                raise _Unsure("not a string")
            cells[index] = (row, column, text, cells[index][3])
    if merges:
        cells = _outside_merges(cells, merges)
    return SheetCells(name, cells, merges, formulas)


def _cell_items(region: bytes, opening: re.Match[bytes] | None) -> list[tuple[bytes, ...]]:
    """(column letters, row digits, s=, t=, plain <v> text, body) of every ``<c>`` of the
    sheet data; the plain text or the body is b"" when absent.

    Excel, WPS, LibreOffice and openpyxl write ``<c r="A1" s="1" t="s"><v>…</v></c>``:
    one regular expression reads all of those at once — if it matched every cell.
    Anything else (a prefix, other attributes, another order) takes the general path.
    """
    if opening is not None and not opening.group(1) and b":c" not in region:
        items = _PLAIN_CELL.findall(region)
        if len(items) == region.count(b"<c ") + region.count(b"<c>"):
            return items
    items = []
    for match in _CELL.finditer(region):
        attrs, body = match.group(2), match.group(3)
        if not body and b"r=" in attrs:
            continue
        found = dict(_ATTRIBUTE.findall(attrs))
        ref = _REF.fullmatch(found.get(b"r", b""))
        if ref is None:
            raise _Unsure("a cell without r=")
        items.append((ref.group(1), ref.group(2), found.get(b"s", b""), found.get(b"t", b""),
                      b"", body or b""))
    return items


def _outside_merges(cells: list[tuple[int, int, Any, str]],
                    merges: list[tuple[int, int, int, int]]) -> list[tuple[int, int, Any, str]]:
    """The cells without those a merge covers besides its top-left one: openpyxl
    replaces them by empty ``MergedCell``s."""
    present = {(cell[0], cell[1]) for cell in cells}
    covered: set[tuple[int, int]] = set()
    for top, left, bottom, right in merges:
        if (bottom - top + 1) * (right - left + 1) <= len(present):
            inside = ((row, column) for row in range(top, bottom + 1)
                      for column in range(left, right + 1))
            covered.update(where for where in inside if where in present)
        else:
            covered.update((row, column) for row, column in present
                           if top <= row <= bottom and left <= column <= right)
        covered.discard((top, left))
    return [cell for cell in cells if (cell[0], cell[1]) not in covered] if covered else cells


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


_COLUMNS = {chr(64 + number): number for number in range(1, 27)}


def _styles(archive: zipfile.ZipFile, names: set[str]) -> _Styles:
    # openpyxl reads this path only
    xml = archive.read("xl/styles.xml") if "xl/styles.xml" in names else None
    return _styles_of(xml, _date1904(archive, names))


@functools.lru_cache(maxsize=32)
def _styles_of(xml: bytes | None, date1904: bool) -> _Styles:
    """Parsed once per distinct stylesheet: a folder of copies of one template shares it."""
    return _Styles(xml, date1904)


class _Styles:
    """Number formats of the cell styles (xl/styles.xml, as openpyxl reads it)."""

    def __init__(self, xml: bytes | None, date1904: bool) -> None:
        from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format
        from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900

        self.formats: list[str] = ["General"]  # openpyxl's default stylesheet has one style
        self.dates: set[int] = set()
        self.timedeltas: set[int] = set()
        self.epoch = CALENDAR_MAC_1904 if date1904 else CALENDAR_WINDOWS_1900
        if xml is None:
            return
        root = _parse(xml)
        custom = {int(item.get("numFmtId")): item.get("formatCode")
                  for numbers in root.findall(f"{{{_MAIN}}}numFmts")
                  for item in numbers.findall(f"{{{_MAIN}}}numFmt")}
        self.formats = []
        for xfs in root.findall(f"{{{_MAIN}}}cellXfs"):
            for index, xf in enumerate(xfs.findall(f"{{{_MAIN}}}xf")):
                number = int(xf.get("numFmtId", 0))
                if number in custom:
                    code = custom[number]
                elif number < _BUILTIN_LIMIT:
                    code = BUILTIN_FORMATS.get(number)
                else:
                    raise _Unsure("numFmtId without a format")
                self.formats.append(code if code is not None else "General")
                if is_date_format(code):
                    self.dates.add(index)
                if is_timedelta_format(code):
                    self.timedeltas.add(index)

    def number(self, text: str, style_id: int) -> Any:
        """A numeric cell's value as openpyxl gives it: int, float or a date."""
        value = float(text) if "." in text or "E" in text or "e" in text else int(text)
        if style_id not in self.dates:
            return value
        from openpyxl.utils.datetime import from_excel

        try:
            return from_excel(value, self.epoch, timedelta=style_id in self.timedeltas)
        except (OverflowError, ValueError):
            return "#VALUE!"


def _date1904(archive: zipfile.ZipFile, names: set[str]) -> bool:
    """Whether the workbook counts dates from 1904 (workbookPr date1904)."""
    for member in names:
        if member.endswith("workbook.xml"):
            found = re.search(rb"""date1904\s*=\s*["']([^"']*)["']""", archive.read(member))
            if found is not None:
                return found.group(1).strip().lower() in (b"1", b"true")
    return False


def _parse(xml: bytes) -> Any:
    from defusedxml import ElementTree

    return ElementTree.fromstring(xml)


__all__ = ["calamine_sheets"]
