"""The number formats of a workbook's cell styles (xl/styles.xml) as openpyxl reads them,
and what a cell's ``t=`` and style make of its text (``KINDS``), for the fast cell source."""

from __future__ import annotations

import functools
import re
import zipfile
from typing import Any

from jixiao.xlsx.numformats import (
    BUILTIN_FORMATS,
    BUILTIN_LIMIT,
    EAST_ASIAN_FORMATS,
    MAC_EPOCH,
    WINDOWS_EPOCH,
    from_excel,
    is_date_format,
    is_timedelta_format,
)
from jixiao.xlsx.plainxml import Unsure, document, plain_part, well_formed
from jixiao.xlsx.xml import MAIN, parse_xml, unescape

# What a cell's t= (and, for numbers, its style) makes of its text, as openpyxl casts it.
NUMBER, DATE, DURATION, SHARED, INLINE, TEXT, ERROR, BOOL, OTHER = range(9)
KINDS = {None: NUMBER, "n": NUMBER, "s": SHARED, "inlineStr": INLINE, "str": TEXT,
         "e": ERROR, "b": BOOL}


def read_styles(archive: zipfile.ZipFile, names: set[str], date1904: bool) -> Styles:
    # openpyxl reads this path only
    xml = archive.read("xl/styles.xml") if "xl/styles.xml" in names else None
    return _styles_of(xml, date1904)


@functools.lru_cache(maxsize=32)
def _styles_of(xml: bytes | None, date1904: bool) -> Styles:
    """Parsed once per distinct stylesheet: a folder of copies of one template shares it."""
    return Styles(xml, date1904)


class Styles:
    """Number formats of the cell styles (xl/styles.xml, as openpyxl reads it)."""

    def __init__(self, xml: bytes | None, date1904: bool) -> None:
        self.formats: list[str] = ["General"]  # openpyxl's default stylesheet has one style
        self.dates: set[int] = set()
        self.timedeltas: set[int] = set()
        self.epoch = MAC_EPOCH if date1904 else WINDOWS_EPOCH
        # a cell's s= and t= attributes, as written → (number format, kind)
        self.cell_styles: dict[str, tuple[str, int]] = {}
        if xml is None:
            return
        custom, numbers = _plain_styles(xml) or _parsed_styles(xml)
        codes = []
        for number in numbers:
            if number in custom:
                codes.append(custom[number])
            elif number < BUILTIN_LIMIT:
                codes.append(BUILTIN_FORMATS.get(number) or EAST_ASIAN_FORMATS.get(number))
            else:
                raise Unsure("numFmtId without a format")
        shows = {code: (is_date_format(code), is_timedelta_format(code)) for code in set(codes)}
        self.formats = [code if code is not None else "General" for code in codes]
        self.dates = {index for index, code in enumerate(codes) if shows[code][0]}
        self.timedeltas = {index for index, code in enumerate(codes) if shows[code][1]}

    def cell_style(self, attributes: str) -> tuple[str, int]:
        """(number format, kind) of a cell with these ``s=`` and ``t=`` attributes."""
        style, kind = _STYLE_ATTRIBUTES.fullmatch(attributes).groups()
        index = int(style) if style is not None else 0  # s="": ValueError, openpyxl fails too
        found = (self.formats[index], KINDS.get(kind, OTHER))  # IndexError as in openpyxl
        if found[1] == NUMBER and index in self.dates:
            found = (found[0], DURATION if index in self.timedeltas else DATE)
        if len(self.cell_styles) < 1000:
            self.cell_styles[attributes] = found
        return found

    def date(self, serial: float, duration: bool) -> Any:
        """A number in a date style, as openpyxl gives it."""
        try:
            return from_excel(serial, self.epoch, timedelta=duration)
        except (OverflowError, ValueError):
            return "#VALUE!"


_STYLE_ATTRIBUTES = re.compile(r'(?: s="([^"]*)")?(?: t="([^"]*)")?')
_NUMBER_FORMAT = re.compile(r'<numFmt numFmtId="([0-9]+)" formatCode="([^"]*)"\s*/>')
_ANY_NUMBER_FORMAT = re.compile(r"<numFmt(?=[\s/>])")
_CELL_FORMAT = re.compile(r"<xf(?=[\s/>])([^>]*)>")
_NUMBER_FORMAT_ID = re.compile(r'\snumFmtId="([0-9]+)"')

StyleNumbers = tuple[dict[int, "str | None"], list[int]]  # numFmtId → code; numFmtId per cell style


def _plain_styles(xml: bytes) -> StyleNumbers | None:
    """What ``_parsed_styles`` gives, read with regular expressions from a stylesheet
    written the usual way (a parser builds thousands of elements for a few numbers);
    ``None`` for any other."""
    if not plain_part(xml, b"styleSheet"):
        return None
    try:
        text = document(xml)
    except Unsure:
        return None
    well_formed(xml)
    numbers, cells = _section(text, "numFmts"), _section(text, "cellXfs")
    if numbers is None or not cells:
        return None
    found = _NUMBER_FORMAT.findall(numbers)
    if len(found) != len(_ANY_NUMBER_FORMAT.findall(numbers)):
        return None
    # an XML parser makes each tab or line break of an attribute a space
    custom: dict[int, str | None] = {
        int(number): unescape(code.replace("\t", " ").replace("\n", " "))
        for number, code in found}
    formats = []
    for attributes in _CELL_FORMAT.findall(cells):
        given = _NUMBER_FORMAT_ID.search(attributes)
        if given is None and "numFmtId" in attributes:
            return None
        formats.append(int(given.group(1)) if given is not None else 0)
    if len(formats) != cells.count("<xf"):
        return None
    return custom, formats


def _section(text: str, tag: str) -> str | None:
    """The element ``tag`` of the stylesheet, "" if there is none or it is empty, ``None``
    if there are two or it is not closed."""
    start = text.find(f"<{tag}")
    if start < 0:
        return ""
    if text.find(f"<{tag}", start + 1) >= 0:
        return None
    opening = text.find(">", start)
    if opening < 0 or text[opening - 1] == "/":
        return "" if opening >= 0 else None
    end = text.find(f"</{tag}>", opening)
    return text[start:end] if end >= 0 else None


def _parsed_styles(xml: bytes) -> StyleNumbers:
    """The custom number formats and each cell style's numFmtId, as openpyxl reads them."""
    root = parse_xml(xml)
    lists = root.findall(f"{{{MAIN}}}numFmts")
    cells = root.findall(f"{{{MAIN}}}cellXfs")
    if len(lists) > 1 or len(cells) > 1:
        raise Unsure("two lists of formats")  # openpyxl takes the last
    custom = {int(item.get("numFmtId")): item.get("formatCode")
              for numbers in lists for item in numbers.findall(f"{{{MAIN}}}numFmt")}
    return custom, [int(xf.get("numFmtId", 0))
                    for xfs in cells for xf in xfs.findall(f"{{{MAIN}}}xf")]


__all__ = ["BOOL", "DATE", "DURATION", "ERROR", "INLINE", "KINDS", "NUMBER", "OTHER",
           "SHARED", "TEXT", "Styles", "read_styles"]
