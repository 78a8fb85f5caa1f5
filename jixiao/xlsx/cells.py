"""The fast cell source of the reader: regular expressions over the package's XML,
python-calamine only for what they do not read. (~480 lines, one job: a sheet's cells
exactly as openpyxl gives them; the pieces share the patterns and the casts.)

``calamine_sheets`` gives, for the worksheets of an opened package, the same
``SheetCells`` that the openpyxl source gives, an order of magnitude faster:

    values, formulas, plain strings, merges     the sheet XML, cast as openpyxl casts
    shared strings of one text run              xl/sharedStrings.xml
    number formats, dates                       xl/styles.xml (xlsx/styles.py, numformats.py)
    rich text, unusual merges or sheets         python-calamine (Rust)

Excel, WPS, LibreOffice and openpyxl write ``<c r="A1" s="1" t="s"><v>…</v></c>``
in the spreadsheet namespace without a prefix: one regular expression reads such
cells. A sheet written otherwise takes a general, slower pattern, and calamine
parses it. Nothing here imports openpyxl. Whether a regex may read a part at all is
xlsx/plainxml.py's question.

It returns ``None`` — the reader then uses openpyxl — for anything where the two
could differ: a carriage return in the text (an XML parser turns it into \n), a
comment, CDATA or DTD, a character or entity an XML parser refuses, an escaped
character (``_x000D_``), an encoding other than UTF-8, a part cut short, a
workbook, relationship or stylesheet part an XML parser refuses, a workbook
openpyxl would not find or whose sheets it would rename, an ISO date cell, a cell
without its reference, a style or string that does not exist, a reversed merge;
where python-calamine reads the strings, also an untrimmed text run (calamine trims
it) or a sheet too wide for its grid; and any error at all (openpyxl then says, in
the usual words, what is wrong with the file). The equality is tested on every
test workbook and on random grids (tests/xlsx/test_fastread.py,
tests/xlsx/test_fastread_strings.py). A sheet that is not well-formed in the middle is
not noticed (parsing every sheet would cost as much as the rest): such damage
may be read here where openpyxl refuses the file.
"""

from __future__ import annotations

import functools
import io
import itertools
import re
import zipfile
from collections.abc import Iterable, Mapping
from typing import Any

from jixiao.xlsx.plainxml import Unsure, document, plain_part, unsure_text, well_formed
from jixiao.xlsx.refs import column_number
from jixiao.xlsx.sheet import SheetCells, hidden_for_good, merge_corners, unfiltered
from jixiao.xlsx.styles import (
    BOOL,
    DATE,
    DURATION,
    ERROR,
    INLINE,
    NUMBER,
    SHARED,
    TEXT,
    Styles,
    read_styles,
)
from jixiao.xlsx.xml import unescape

MAX_GRID_CELLS = 500_000  # calamine gives a sheet as a full grid from A1

# ------------------------------------------------------------ the workbook

def calamine_sheets(data: bytes, archive: zipfile.ZipFile,
                    parts: Mapping[str, str]) -> list[SheetCells] | None:
    """``SheetCells`` of the named worksheets (name → zip member), or ``None``."""
    try:
        names = set(archive.namelist())
        manifest = archive.read("[Content_Types].xml")
        styles = read_styles(archive, names, _date1904(archive, manifest, parts))
        strings = _shared_strings(archive, names, manifest)
        book = _Calamine(data)
        try:
            return [_sheet(name, archive.read(part), styles, strings, book)
                    for name, part in parts.items()]
        finally:
            book.close()
    except Exception:  # Unsure, or calamine refusing the file: openpyxl decides
        return None


class _Calamine:
    """python-calamine's reading of the workbook, opened when a sheet first needs it."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.book: Any = None

    def sheet(self, name: str) -> Any:
        if self.book is None:
            try:
                from python_calamine import CalamineWorkbook
            except ImportError:
                raise Unsure("python-calamine is not installed") from None
            self.book = CalamineWorkbook.from_filelike(io.BytesIO(self.data))
        return self.book.get_sheet_by_name(name)

    def close(self) -> None:
        if self.book is not None:
            self.book.close()


_STRINGS_TYPE = b"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
_OVERRIDE = re.compile(rb"<(?:[\w.-]+:)?Override\s[^>]*>")
_CONTENT_TYPE = re.compile(rb"""\sContentType\s*=\s*["']([^"']*)["']""")
_PART_NAME = re.compile(rb"""\sPartName\s*=\s*["']/([^"'&]*)["']""")
# One text run, maybe the phonetic properties Excel adds in a Chinese or Japanese locale.
_PLAIN_STRING = re.compile(
    r'<si><t(?: xml:space="preserve")?>([^<]*)</t>(?:<phoneticPr fontId="[0-9]+"'
    r'(?: type="(?:noConversion|Hiragana|halfwidthKatakana|fullwidthKatakana)")?/>)?</si>')


def _shared_strings(archive: zipfile.ZipFile, names: set[str],
                    manifest: bytes) -> list[str] | None:
    """The shared strings as openpyxl reads them, or ``None``: python-calamine reads them.

    openpyxl takes the part the manifest names first (none if it names none, an error
    if it is missing); this reads xl/sharedStrings.xml when each string is one plain
    text run."""
    members = [member for member in names if member.lower().endswith("sharedstrings.xml")]
    part = _first_part(manifest, (_STRINGS_TYPE,))
    if part is not None and part not in names:
        raise Unsure("the shared strings are missing")  # openpyxl fails
    if part == "xl/sharedStrings.xml" and members == [part]:
        strings = _plain_strings(archive.read(part))
        if strings is not None:
            return strings
    for member in members:
        if unsure_text(archive.read(member)):
            raise Unsure(member)
    return None if part is not None else []


@functools.lru_cache(maxsize=32)
def _first_part(manifest: bytes, types: tuple[bytes, ...]) -> str | None:
    """The part the manifest names first with the first of these content types that it
    names (openpyxl's choice)."""
    if not any(content_type in manifest for content_type in types):
        return None
    overrides = [(_CONTENT_TYPE.search(override), _PART_NAME.search(override))
                 for override in _OVERRIDE.findall(manifest)]
    for wanted in types:
        for content_type, part in overrides:
            if content_type is not None and content_type.group(1) == wanted:
                if part is None:
                    raise Unsure("a part without a plain name")
                return part.group(1).decode()
    return None


def _plain_strings(xml: bytes) -> list[str] | None:
    """Every ``<si>`` of the part, if each is one plain text run; else ``None``."""
    text = document(xml)
    if not plain_part(xml, b"sst"):
        return None
    found = _PLAIN_STRING.findall(text)
    if len(found) != text.count("<si"):
        return None
    return [unescape(string).replace("x005F_", "") for string in found]


# ------------------------------------------------------------ a sheet

_SHEET_DATA = re.compile(r"<((?:[\w.-]+:)?)sheetData(?=[\s/>])[^>]*?(/?)>")
# A cell with content, written the usual way: reference, attributes (s and t, in this
# order), then the text of an inline string, or a formula and its value (kept as written
# where ``xml:space="preserve"``: the " " openpyxl writes for a formula's empty text
# result), or any other content. (Possessive repeats: no backtracking; the reference is checked by _where.)
_PLAIN_CELL = re.compile(
    r'<c r="([^"]++)"((?: s="[0-9]++")?+(?: t="[A-Za-z]++")?+)>'
    r'(?:<is><t(?: xml:space="preserve")?+>([^<]*+)</t></is></c>'
    r'|(<f>[^<]*+</f>(?:<v ?/>)?+)?+(?:<v(?: xml:space="preserve")?+>([^<]++)</v>)?+</c>'
    r'|((?:[^<]++|<(?!/c>|c[\s/>]))*+)</c>)')
# (Each content stops at the next start of its own element, which it cannot hold: an
# unclosed tag repeated 60,000 times is searched past once, not once for each.)
_CELL = re.compile(r"<((?:[\w.-]+:)?)c(?=[\s/>])([^<>]*?)(?:/>|>((?:[^<]++|<(?!(?:[\w.-]+:)?c"
                   r"[\s/>]))*?)</\1c\s*>)", re.S)
_ATTRIBUTE = re.compile(r"""\s([rst])\s*=\s*["']([^"']*)["']""")
_REF = re.compile(r"([A-Z]{1,3})([1-9][0-9]*)")
_PLAIN_FORMULA = re.compile(r'<f(?: [^>]*)?(?:/>|>([^<]*)</f>)(?:<v>([^<]*)</v>|(<v ?/>))?')
_FORMULA = re.compile(r"<((?:[\w.-]+:)?)f(?=[\s/>])[^<>]*?(?:/>|>((?:[^<]++|<(?!(?:[\w.-]+:)?f"
                      r"[\s/>]))*?)</\1f\s*>)", re.S)
_VALUE = re.compile(r"<((?:[\w.-]+:)?)v(?=[\s/>])[^<>]*?(?:/>|>((?:[^<]++|<(?!(?:[\w.-]+:)?v"
                    r"[\s/>]))*?)</\1v\s*>)", re.S)
_PLAIN_MERGE = re.compile(r'<mergeCell ref="([A-Z]{1,3}[0-9]+):([A-Z]{1,3}[0-9]+)"\s*/>')
_ANY_MERGE = re.compile(r"<mergeCell[\s/>]")
_MERGE = re.compile(rb"<(?:[\w.-]+:)?mergeCell(?=[\s/>])")

_CACHED_WHEN_EMPTY = (SHARED, INLINE, TEXT)  # an empty result is a result (text "")


def _sheet(name: str, xml: bytes, styles: Styles, strings: list[str] | None,
           book: _Calamine) -> SheetCells:
    text = document(xml)
    items = _PLAIN_CELL.findall(text) if plain_part(xml, b"worksheet") else None
    if items is not None and len(items) == text.count("</c>"):
        merges = _plain_merges(text)
    else:  # written some other way
        if b"purl.oclc.org" in xml:  # strict OOXML: openpyxl reads no cells
            raise Unsure("strict namespace")
        items, merges = _general_cells(_sheet_data(text)), None
    if merges is None:
        # python-calamine parses the sheet: an error if it is not well-formed
        merges = [(top + 1, left + 1, bottom + 1, right + 1)
                  for (top, left), (bottom, right) in book.sheet(name).merged_cell_ranges or []]
        if len(merges) != len(_MERGE.findall(xml)):
            raise Unsure("merged ranges")
    covered, large = _covered(tuple(merges))

    cells: list[tuple[int, int, Any, str]] = []
    formulas: dict[str, tuple[str, bool]] = {}
    calamine: list[tuple[int, int, int]] = []  # (index in cells, row, column) of its strings
    known_styles, where, append = styles.cell_styles, _WHERE, cells.append
    for ref, attributes, inline, formula, raw, body in items:
        number_format, kind = known_styles.get(attributes) or styles.cell_style(attributes)
        if formula:  # a covered cell's formula counts too
            _plain_formula(ref, kind, formula, raw, formulas)
        elif body:
            raw = _content(ref, kind, body, formulas)
        position = where.get(ref) or _where(ref)
        if position in covered:
            continue
        if kind == NUMBER:
            if not raw:
                continue
            value: Any = int(raw) if raw.isdigit() else _number(raw) if raw[0] != "#" \
                else _error(raw)
        elif kind == SHARED:
            if not raw:
                continue
            if strings is None:
                calamine.append((len(cells), *position))
                value = None
            else:
                value = strings[int(raw)]  # IndexError: openpyxl fails too
        elif kind == INLINE:
            if body:
                calamine.append((len(cells), *position))
                value = None
            elif inline:
                value = unescape(inline) if "&" in inline else inline
            else:
                continue
        elif kind == DATE or kind == DURATION:
            if not raw:
                continue
            value = styles.date(_number(raw), kind == DURATION) if raw[0] != "#" \
                else _error(raw)
        elif kind == TEXT or kind == ERROR:
            if not raw:
                continue
            value = unescape(raw)
        elif kind == BOOL:
            if not raw:
                continue
            value = bool(int(raw))
        elif raw:  # "d" (an ISO 8601 date) and types no spreadsheet writes
            raise Unsure(f"a cell with {attributes.strip()}")
        else:
            continue
        row, column = position
        append((row, column, value, number_format))

    if calamine:
        _read_strings(book.sheet(name), xml, cells, calamine)
    if large:
        corners = merge_corners(merges)
        cells = [cell for cell in cells if (cell[0], cell[1]) in corners or not any(
            top <= cell[0] <= bottom and left <= cell[1] <= right
            for top, left, bottom, right in large)]
    hidden, grouped = _hidden_rows(text) if 'hidden="' in text else (frozenset(), frozenset())
    if hidden:
        applied = _applied_filter(text) if "filterColumn" in text else None
        hidden = hidden_for_good(hidden, filter_ref=applied, grouped=grouped,
                                 table_filtered=applied is None and "tablePart" in text
                                 and _FILTER_MODE.search(text) is not None)
    columns = _hidden_columns(text) if "<cols" in text and 'hidden="' in text else frozenset()
    return SheetCells(name, cells, merges, formulas, hidden_rows=hidden, hidden_columns=columns)


_COL_TAG = re.compile(r"<(?:[\w.-]+:)?col(?=[\s/>])([^>]*)>")
_COL_SPAN = re.compile(r'\smin="([0-9]+)"\s+max="([0-9]+)"')


def _hidden_columns(text: str) -> frozenset[int]:
    """The columns a sheet hides (``<col min="6" max="6" hidden="1"/>``), as openpyxl
    reads them."""
    hidden: set[int] = set()
    for attributes in _COL_TAG.findall(text):
        if _ROW_HIDDEN.search(attributes):
            span = _COL_SPAN.search(attributes)
            if span is None:
                raise Unsure("a hidden column without min= max=")
            hidden.update(range(int(span.group(1)), int(span.group(2)) + 1))
    return frozenset(hidden)


_AUTO_FILTER = re.compile(r'<(?:[\w.-]+:)?autoFilter\s[^>]*?\bref="([^"]+)"[^>]*?(?<!/)>'
                          r'(.*?)</(?:[\w.-]+:)?autoFilter>', re.DOTALL)


def _applied_filter(text: str) -> str | None:
    """The range of the sheet's AutoFilter when a filter is applied (it has a
    <filterColumn>), as openpyxl reads ``ws.auto_filter``; else None."""
    match = _AUTO_FILTER.search(text)
    if match is None or "filterColumn" not in match.group(2):
        return None
    return match.group(1)


_ROW_TAG = re.compile(r"<(?:[\w.-]+:)?row(?=[\s/>])([^>]*)>")
_ROW_HIDDEN = re.compile(r'\shidden="(?:1|true)"')
_ROW_NUMBER = re.compile(r'\sr="([0-9]+)"')


_OUTLINED = re.compile(r'\soutlineLevel="[1-9]')
_FILTER_MODE = re.compile(r'<(?:[\w.-]+:)?sheetPr\s[^>]*\bfilterMode="(?:1|true)"')


def _hidden_rows(text: str) -> tuple[frozenset[int], frozenset[int]]:
    """The rows a sheet hides (``<row r="14" hidden="1">``), as openpyxl reads them, and
    those of them in an outline group (``outlineLevel="1"``: a collapsed group)."""
    hidden, grouped = set(), set()
    for attributes in _ROW_TAG.findall(text):
        if _ROW_HIDDEN.search(attributes):
            number = _ROW_NUMBER.search(attributes)
            if number is None:
                raise Unsure("a hidden row without r=")
            hidden.add(int(number.group(1)))
            if _OUTLINED.search(attributes):
                grouped.add(int(number.group(1)))
    return frozenset(hidden), frozenset(grouped)


def rows_out_of_view(text: str) -> tuple[frozenset[int], frozenset[int]]:
    """(every row a sheet's XML hides, those of them an applied AutoFilter hides): what
    Excel's SUBTOTAL 101–111 and 1–11 leave out (``recalc.excel_subtotals``)."""
    hidden = _hidden_rows(text)[0] if 'hidden="' in text else frozenset()
    applied = _applied_filter(text) if hidden and "filterColumn" in text else None
    return hidden, hidden - unfiltered(hidden, applied)


def _error(text: str) -> str:
    """An error value stored in a cell typed as a number (``<c><v>#NAME?</v></c>``): the
    error, as openpyxl reads it once ``openpyxl_cells.with_error_types`` has typed it."""
    from jixiao.model import ERROR_CODES

    if text not in ERROR_CODES:
        raise Unsure(f"a number cell holding {text!r}")  # openpyxl fails too
    return text


def _number(text: str) -> int | float:
    """A number's text as openpyxl casts it."""
    return float(text) if "." in text or "E" in text or "e" in text else int(text)


def _sheet_data(text: str) -> str:
    """The inside of ``<sheetData>``."""
    opening = _SHEET_DATA.search(text)
    if opening is None or opening.group(2):
        return ""
    stop = text.find(f"</{opening.group(1)}sheetData>", opening.end())
    return text[opening.end():stop if stop >= 0 else len(text)]


def _general_cells(region: str) -> list[tuple[str, str, str, str, str, str]]:
    """What ``_PLAIN_CELL`` finds, for cells written some other way (a namespace prefix,
    other attributes, another order): the content always as the body."""
    items = []
    for match in _CELL.finditer(region):
        attributes, body = match.group(2), match.group(3)
        if not body and "r=" in attributes:
            continue  # a cell kept for its style only
        found = dict(_ATTRIBUTE.findall(attributes))
        if _REF.fullmatch(found.get("r", "")) is None:
            raise Unsure("a cell without r=")
        style = f' s="{found["s"]}"' if "s" in found else ""
        kind = f' t="{found["t"]}"' if "t" in found else ""
        items.append((found["r"], style + kind, "", "", "", body or ""))  # as _PLAIN_CELL
    return items


def _plain_formula(ref: str, kind: int, formula: str, raw: str,
                   formulas: dict[str, tuple[str, bool]]) -> None:
    """``<f>…</f>``, maybe with an empty ``<v/>``, into ``formulas`` as the openpyxl
    source reads it."""
    text, _, empty_value = formula[3:].partition("</f>")
    if empty_value and raw:
        raise Unsure("two values")  # openpyxl takes the first, the empty one
    cached = bool(raw) or (bool(empty_value) and kind in _CACHED_WHEN_EMPTY)
    formulas[ref] = ("=" + (unescape(text) if text else ""), cached)


def _content(ref: str, kind: int, body: str, formulas: dict[str, tuple[str, bool]]) -> str:
    """The value text of a cell's content other than a lone ``<v>`` or ``<is><t>``; its
    formula, if any, goes to ``formulas`` as the openpyxl source reads it."""
    plain = _PLAIN_FORMULA.fullmatch(body)
    if plain is not None:
        formula, raw, empty_value = plain.groups()
        has_value = raw is not None or empty_value is not None
    else:
        value_tag = _VALUE.search(body)
        has_value = value_tag is not None
        raw = value_tag.group(2) if value_tag is not None else None
        found = _FORMULA.search(body) if "f" in body else None
        if found is None:
            return raw or ""
        formula = found.group(2)
    cached = has_value and (bool(raw) or kind in _CACHED_WHEN_EMPTY)
    formulas[ref] = ("=" + (unescape(formula) if formula else ""), cached)
    return raw or ""


def _read_strings(sheet: Any, xml: bytes, cells: list[tuple[int, int, Any, str]],
                  wanted: list[tuple[int, int, int]]) -> None:
    """Fill in the strings python-calamine reads (rich text, or shared strings it parsed)."""
    if unsure_text(xml):
        raise Unsure("text calamine reads differently")
    end = sheet.end
    if end is None or (end[0] + 1) * (end[1] + 1) > MAX_GRID_CELLS:
        raise Unsure("grid too large")
    grid = sheet.to_python(skip_empty_area=False)
    for index, row, column in wanted:
        text = grid[row - 1][column - 1]  # IndexError: a string calamine did not read
        if not isinstance(text, str):
            raise Unsure("not a string")
        cells[index] = (row, column, text, cells[index][3])


def _plain_merges(text: str) -> list[tuple[int, int, int, int]] | None:
    """The merged ranges, if all are written the usual way; ``None``: calamine reads them."""
    start = text.find("<mergeCell")
    if start < 0:
        return []
    end = text.find("</mergeCells>", start)
    if end < 0 or text.find("<mergeCell", end) >= 0:
        return None
    merges = _merges_of(text[start:end])
    return list(merges) if merges is not None else None


@functools.lru_cache(maxsize=64)
def _merges_of(section: str) -> tuple[tuple[int, int, int, int], ...] | None:
    """Parsed once per distinct ``<mergeCells>``: copies of one template share it."""
    found = _PLAIN_MERGE.findall(section)
    if len(found) != len(_ANY_MERGE.findall(section)):
        return None
    merges = []
    for first, last in found:
        (top, left), (bottom, right) = _where(first), _where(last)
        if top > bottom or left > right:
            raise Unsure("a reversed merge")  # openpyxl refuses it
        merges.append((top, left, bottom, right))
    return tuple(merges)


_LARGE_MERGE = 4096  # cells; a larger merge is checked as a range, not listed cell by cell


def _covered(merges: tuple[tuple[int, int, int, int], ...]
             ) -> tuple[frozenset[tuple[int, int]], list[tuple[int, int, int, int]]]:
    """The cells a merge covers besides the merges' top-left ones: openpyxl replaces them
    by empty ``MergedCell``s (a top-left cell that another merge covers keeps its value:
    ``sheet.merge_corners``, which the openpyxl source restores). Large merges are given
    apart, as ranges."""
    large = [merge for merge in merges
             if (merge[2] - merge[0] + 1) * (merge[3] - merge[1] + 1) > _LARGE_MERGE]
    if large or len(merges) > 1000:
        return _listed_cells([merge for merge in merges if merge not in large],
                             merge_corners(merges)), large
    return _listed_cells_of(merges), []  # copies of one template have the same merges


def _listed_cells(merges: Iterable[tuple[int, int, int, int]],
                  corners: frozenset[tuple[int, int]] | None = None
                  ) -> frozenset[tuple[int, int]]:
    """``corners``: the top-left cells of all the sheet's merges (None: of ``merges``)."""
    merges = list(merges)
    covered: set[tuple[int, int]] = set()
    for top, left, bottom, right in merges:
        covered.update(itertools.product(range(top, bottom + 1), range(left, right + 1)))
    return frozenset(covered - (merge_corners(merges) if corners is None else corners))


_listed_cells_of = functools.lru_cache(maxsize=64)(_listed_cells)


# Cell reference → (row, column), remembered: a batch reads the same few hundred cells of
# thousands of copies of one template.
_WHERE: dict[str, tuple[int, int]] = {}
_WHERE_LIMIT = 100_000


def _where(ref: str) -> tuple[int, int]:
    known = _WHERE.get(ref)
    if known is not None:
        return known
    found = _REF.fullmatch(ref)
    if found is None:
        raise Unsure(f"cell reference {ref}")  # row 0, or beyond ZZZ: openpyxl refuses it
    letters, digits = found.groups()
    where = (int(digits), column_number(letters))
    if len(_WHERE) < _WHERE_LIMIT:
        _WHERE[ref] = where
    return where


_WORKBOOK_TYPES = (  # in the order openpyxl looks for them
    b"application/vnd.ms-excel.template.macroEnabled.main+xml",
    b"application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
    b"application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")


def _date1904(archive: zipfile.ZipFile, manifest: bytes, parts: Mapping[str, str]) -> bool:
    """Whether the workbook counts dates from 1904 (workbookPr date1904).

    The workbook must be as openpyxl finds it (or openpyxl refuses the file): named
    in the manifest as xl/workbook.xml, with a relationship for each sheet. Its sheet
    names must be fit for the reader's name → part map: openpyxl renames a second
    sheet of the same name (ignoring case). A name it refuses (“自评表2024/12”) or
    renames (an empty one) is read as written: the reference reads that sheet under a
    stand-in name (``openpyxl_cells.with_stand_in_titles``)."""
    if _first_part(manifest, _WORKBOOK_TYPES) != "xl/workbook.xml":
        raise Unsure("the workbook part is not the usual one")
    date1904, sheets = _workbook_of(archive.read("xl/workbook.xml"))
    if not set(parts) <= {name for name, _ in sheets}:
        raise Unsure("the reader read another workbook part")
    missing = {relation for name, relation in sheets if relation and name not in parts}
    if missing:  # the reader found no worksheet there: a chart sheet, a large one, or damage
        known = _relation_ids(archive.read("xl/_rels/workbook.xml.rels"))  # KeyError: openpyxl too
        if not missing <= known:
            raise Unsure("a sheet without its relationship")  # openpyxl fails
    return date1904


_SHEET = re.compile(r"<(?:[\w.-]+:)?sheet\s[^>]*>")
_SHEET_NAME = re.compile(r"""\sname\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_SHEET_RELATION = re.compile(r"""\s[\w.-]+:id\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_RELATION_ID = re.compile(r"""\sId\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_DATE1904 = re.compile(r"""date1904\s*=\s*["']([^"']*)["']""")


@functools.lru_cache(maxsize=32)
def _workbook_of(workbook: bytes) -> tuple[bool, tuple[tuple[str, str], ...]]:
    """(date1904, (name, relationship id) of each sheet) of a well-formed workbook part."""
    well_formed(workbook)
    xml = workbook.decode()
    sheets = []
    for sheet in _SHEET.findall(xml):
        name, relation = _SHEET_NAME.search(sheet), _SHEET_RELATION.search(sheet)
        sheets.append((_value(name) if name is not None else "",
                       _value(relation) if relation is not None else ""))
    titles = [title.lower() for title, _ in sheets]
    if len(set(titles)) != len(titles):
        raise Unsure("two sheets of one name")  # openpyxl renames the second
    found = _DATE1904.search(xml)
    return found is not None and found.group(1).strip().lower() in ("1", "true"), tuple(sheets)


def _value(attribute: re.Match[str]) -> str:
    """An attribute's value, matched in double quotes or in single ones (maybe empty)."""
    double, single = attribute.groups()
    return unescape(double if double is not None else single)


def _relation_ids(relations: bytes) -> set[str]:
    well_formed(relations)
    return {double or single for double, single in _RELATION_ID.findall(relations.decode())}


__all__ = ["calamine_sheets", "rows_out_of_view"]
