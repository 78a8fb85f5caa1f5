"""The workbook package (.xlsx / .xlsm) at the level of its XML parts.

``Package`` reads what recalculation needs — the worksheets, the defined
names, each cell's constant or formula — straight from the zip, without
openpyxl. ``write_cached_values`` copies the package and changes only the
cached values of the given cells (their ``<v>`` and ``t=``) and the calc
properties; every other member and every other byte of a sheet stay as they
were: styles, merged cells, comments, validation, images, a VBA project.

Cell values, as a spreadsheet stores them: ``float``, ``str``, ``bool``,
``ExcelError`` (#VALUE! …) or ``None`` for a blank.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from jixiao.errors import UnreadableWorkbook, missing_file
from jixiao.xlsx.guard import check_package, column_letters, parse_xml

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_DOCUMENT = _REL + "/officeDocument"
_WORKSHEET = _REL + "/worksheet"
_SHARED_STRINGS = _REL + "/sharedStrings"
_STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main"

ERROR_CODES = ("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A",
               "#GETTING_DATA", "#SPILL!", "#CALC!")


class ExcelError(str):
    """An Excel error value such as ``#VALUE!``; a ``str`` so it prints as itself."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"ExcelError({str(self)!r})"


CellValue = float | str | bool | ExcelError | None


@dataclass(frozen=True)
class Formula:
    """The ``<f>`` of a cell, as stored.

    kind: "normal", "shared", "array" or "dataTable". ``text`` is without the
    leading "="; a shared formula's followers store no text, only ``shared_index``.
    ``area`` is the ``ref=`` of an array formula (the cells it fills) or of a
    shared formula's master.
    """

    kind: str
    text: str | None
    area: str | None = None
    shared_index: str | None = None


@dataclass(frozen=True)
class Cell:
    ref: str               # "H13"
    row: int
    column: int
    value: CellValue       # the constant, or a formula's cached result
    data_type: str         # the t= attribute as stored ("n" when absent)
    formula: Formula | None


@dataclass(frozen=True)
class DefinedName:
    name: str
    text: str                     # what it refers to: "'自评表'!$K$2"
    local_sheet: int | None = None  # index of the sheet it belongs to; None: workbook scope
    hidden: bool = False


@dataclass(frozen=True)
class Sheet:
    name: str
    part: str  # zip member name, "xl/worksheets/sheet1.xml"


class Package:
    """An .xlsx/.xlsm file opened for reading its parts; nothing is written to it."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise missing_file(self.path)
        self.inspection = check_package(self.path)  # zip bombs, DTDs, cells: before reading
        try:
            with zipfile.ZipFile(self.path) as archive:
                self.infos = archive.infolist()
                self.members = {info.filename: archive.read(info) for info in self.infos}
        except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError,
                zipfile.LargeZipFile) as error:
            raise _unreadable(self.path, error) from None
        try:
            self.workbook_part = self._workbook_part()
            self.sheets, self.defined_names = self._read_workbook()
            self._shared_strings_part = self._related(self.workbook_part, _SHARED_STRINGS)
        except (ElementTree.ParseError, KeyError, UnicodeDecodeError, ValueError) as error:
            raise _unreadable(self.path, error) from None
        self._strings: list[str] | None = None
        self._cells: dict[str, list[Cell]] = {}
        self._spans: dict[str, list[_CellSpan]] = {}

    # ------------------------------------------------------------ parts

    def text(self, part: str) -> str:
        """A part decoded as UTF-8, byte order mark kept so encoding back is exact."""
        try:
            return self.members[part].decode("utf-8")
        except (KeyError, UnicodeDecodeError) as error:
            raise _unreadable(self.path, error) from None

    def _workbook_part(self) -> str:
        found = self._related("", _OFFICE_DOCUMENT)
        if found is None:
            raise KeyError("officeDocument")
        return found

    def _relationships(self, part: str) -> list[tuple[str, str, str]]:
        """(type, target part, id) of each internal relationship of ``part`` ("" = package)."""
        folder, name = posixpath.split(part)
        rels = posixpath.join(folder, "_rels", name + ".rels")
        if rels not in self.members:
            return []
        out = []
        for rel in parse_xml(self.members[rels]).iter(f"{{{_PKG_REL}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            resolved = (target.lstrip("/") if target.startswith("/")
                        else posixpath.normpath(posixpath.join(folder, target)))
            out.append((rel.get("Type", ""), resolved, rel.get("Id", "")))
        return out

    def _related(self, part: str, kind: str) -> str | None:
        return next((target for rel_kind, target, _ in self._relationships(part)
                     if rel_kind == kind), None)

    def _read_workbook(self) -> tuple[list[Sheet], list[DefinedName]]:
        root = parse_xml(self.members[self.workbook_part])
        ns = _STRICT if root.tag.startswith(f"{{{_STRICT}}}") else _MAIN
        if root.find(f"{{{ns}}}sheets") is None:
            raise KeyError("sheets")  # no workbook: Excel needs at least the list of sheets
        targets = {rid: target for kind, target, rid in self._relationships(self.workbook_part)
                   if kind == _WORKSHEET}
        sheets = []
        for sheet in root.iter(f"{{{ns}}}sheet"):
            rid = sheet.get(f"{{{_REL}}}id")
            if rid in targets:  # chart sheets and dialog sheets hold no cells
                sheets.append(Sheet(sheet.get("name", ""), targets[rid]))
        if len({sheet.name.upper() for sheet in sheets}) < len(sheets):
            raise KeyError("two sheets of one name")  # Excel refuses such a file too
        names = []
        for defined in root.iter(f"{{{ns}}}definedName"):
            local = defined.get("localSheetId")
            names.append(DefinedName(defined.get("name", ""), defined.text or "",
                                     int(local) if local is not None else None,
                                     defined.get("hidden") in ("1", "true")))
        return sheets, names

    @property
    def is_macro_enabled(self) -> bool:
        return any(name.lower().endswith("vbaproject.bin") for name in self.members)

    # ------------------------------------------------------------ cells

    def shared_strings(self) -> list[str]:
        if self._strings is None:
            self._strings = []
            if self._shared_strings_part in self.members:
                root = parse_xml(self.members[self._shared_strings_part])
                self._strings = [_unescape_hex(_rich_text(item)) for item in root
                                 if item.tag.endswith("}si")]
        return self._strings

    def cells(self, sheet: Sheet) -> list[Cell]:
        """Every ``<c>`` of the sheet's data, in file order."""
        if sheet.part not in self._cells:
            try:
                self._cells[sheet.part] = [self._cell(span) for span in self.spans(sheet)]
            except (ValueError, IndexError) as error:
                raise _unreadable(self.path, error) from None
        return self._cells[sheet.part]

    def spans(self, sheet: Sheet) -> list[_CellSpan]:
        """Where each ``<c>`` of the sheet sits in its XML text."""
        if sheet.part not in self._spans:
            try:
                self._spans[sheet.part] = list(_cell_spans(self.text(sheet.part)))
            except ValueError as error:
                raise _unreadable(self.path, error) from None
        return self._spans[sheet.part]

    def may_hold_formulas(self, sheet: Sheet) -> bool:
        """False when the sheet surely has no formula (a quick look at its bytes)."""
        return b"<f" in self.members.get(sheet.part, b"") or b":f" in self.members.get(
            sheet.part, b"")

    def _cell(self, span: _CellSpan) -> Cell:
        data_type = span.data_type
        children = _children(span.body) if span.body else {}
        formula = None
        if "f" in children:
            f_attrs, f_body = children["f"]
            kind = _attributes(f_attrs).get("t", "normal")
            formula = Formula(kind, _unescape(f_body) if f_body else None,
                              _attributes(f_attrs).get("ref"),
                              _attributes(f_attrs).get("si"))
        raw = _unescape(children["v"][1]) if "v" in children and children["v"][1] else None
        value: CellValue
        if data_type == "inlineStr":
            value = _inline_text(children["is"][1]) if "is" in children else None
        elif raw is None:
            value = None
        elif data_type == "s":
            value = self.shared_strings()[int(raw)]
        elif data_type == "b":
            value = raw.strip() in ("1", "true")
        elif data_type == "e":
            value = ExcelError(raw)
        elif data_type in ("str", "d"):
            value = raw
        else:
            try:
                value = float(raw)
            except ValueError:
                if formula is None:
                    raise
                value = None  # a formula's stale cached value does not matter
        return Cell(span.ref, span.row, span.column, value, data_type, formula)


# ---------------------------------------------------------------- scanning

@dataclass(frozen=True)
class _CellSpan:
    """Where one ``<c>`` element sits in the sheet text, and its raw parts."""

    ref: str
    row: int
    column: int
    start: int        # "<c"
    end: int          # after "</c>" or "/>"
    attrs: str        # the start tag's attributes, as written
    prefix: str       # namespace prefix with colon, usually ""
    body: str | None  # between <c …> and </c>; None for <c …/>
    data_type: str    # t=, "n" when absent


# Every pattern below is linear in the text, whatever it holds: none can run past the
# next "<" of a tag or the next start of its own element (XML allows no "<" in an attribute
# value and no <c> inside a <c>), and comments, processing instructions and CDATA sections
# are skipped whole — so 60,000 unclosed <c r=…> in a comment are passed over once, not
# searched from each of them to the end of the sheet.
#
# A start tag's attributes; a value may hold ">" (XML allows it, Excel never writes it).
_ATTRS = r"""(?:[^<>"']|"[^"<]*"|'[^'<]*')*?"""


def _content(*tags: str) -> str:
    """An element's content up to its end tag: anything but a start of ``tags``."""
    return rf"(?:[^<]++|<(?!(?:[\w.-]+:)?(?:{'|'.join(tags)})[\s/>]))*?"


_SKIPPED = r"!--.*?(?:-->|\Z)|\?.*?(?:\?>|\Z)|!\[CDATA\[.*?(?:\]\]>|\Z)"
_SHEET_DATA = re.compile(rf"<((?:[\w.-]+:)?)sheetData(?=[\s/>]){_ATTRS}(/?)>")
_ITEM = re.compile(rf"<(?:{_SKIPPED}|((?:[\w.-]+:)?)(?:row(?=[\s/>])({_ATTRS})>"
                   rf"|c(?=[\s/>])({_ATTRS})(?:/>|>({_content('c', 'row')})</\1c\s*>)))", re.S)
_R = re.compile(r"""\sr\s*=\s*["']([^"']*)["']""")
_TYPE = re.compile(r"""\st\s*=\s*["']([^"']*)["']""")
_ATTR = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_CHILD = re.compile(rf"<((?:[\w.-]+:)?)(f|v|is)(?=[\s/>])({_ATTRS})"
                    rf"(?:/>|>({_content('f', 'v', 'is')})</\1\2\s*>)", re.S)
_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d+)")


def _cell_spans(text: str) -> Iterator[_CellSpan]:
    opening = _SHEET_DATA.search(text)
    if opening is None or opening.group(2):
        return
    closing = text.find(f"</{opening.group(1)}sheetData>", opening.end())
    end = closing if closing >= 0 else len(text)
    row = column = 0
    for match in _ITEM.finditer(text, opening.end(), end):
        prefix, row_attrs, attrs, body = match.groups()
        if prefix is None:
            continue  # a comment, processing instruction or CDATA section
        if row_attrs is not None:
            given = _R.search(row_attrs)
            row, column = (int(given.group(1)) if given else row + 1), 0
            continue
        given = _R.search(attrs)
        if given:
            ref = given.group(1)
            row, column = split_ref(ref)
        else:
            column += 1
            ref = f"{column_letters(column)}{row}"
        data_type = _TYPE.search(attrs)
        yield _CellSpan(ref, row, column, match.start(), match.end(), attrs, prefix, body,
                        data_type.group(1) if data_type else "n")


def _attributes(attrs: str) -> dict[str, str]:
    return {name: _unescape(double or single) for name, double, single in _ATTR.findall(attrs)}


def _children(inner: str) -> dict[str, tuple[str, str | None]]:
    """tag → (attributes, body) of a cell's f, v and is children."""
    return {tag: (attrs, body) for _, tag, attrs, body in _CHILD.findall(inner)
            } if "<" in inner else {}


_ENTITY = re.compile(r"&(#x[0-9A-Fa-f]+|#\d+|lt|gt|amp|quot|apos);")
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}


def _unescape(text: str) -> str:
    if "&" not in text:
        return text

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name.startswith("#"):
            code = int(name[2:], 16) if name.startswith("#x") else int(name[1:])
            if code > 0x10FFFF:
                raise ValueError(f"not a character: &{name};")  # XML does not allow it either
            return chr(code)
        return _NAMED[name]

    return _ENTITY.sub(replace, text)


_T = re.compile(rf"<((?:[\w.-]+:)?)t(?=[\s/>]){_ATTRS}(?:/>|>({_content('t')})</\1t\s*>)", re.S)
_PHONETIC = re.compile(rf"<((?:[\w.-]+:)?)rPh(?=[\s/>]){_content('rPh')}</\1rPh\s*>", re.S)


def _inline_text(body: str | None) -> str:
    """The text of an ``<is>``: its runs joined, phonetic hints left out."""
    if not body:
        return ""
    body = _PHONETIC.sub("", body)
    return "".join(_unescape(part or "") for _, part in _T.findall(body))


def _rich_text(item: ElementTree.Element) -> str:
    parts = []
    for child in item:
        local = child.tag.rsplit("}", 1)[-1]
        if local == "t":
            parts.append(child.text or "")
        elif local == "r":
            parts.extend(t.text or "" for t in child if t.tag.rsplit("}", 1)[-1] == "t")
    return "".join(parts)


_HEX = re.compile("_x([0-9A-Z]{4})_")


def _unescape_hex(text: str) -> str:
    """Shared strings' ``_xHHHH_`` escapes, decoded exactly as the formulas package does."""
    if "_x" in text:
        text = _HEX.sub(lambda match: chr(int(match.group(1), 16)), text)
    return text.replace("x005F_", "")


def split_ref(ref: str) -> tuple[int, int]:
    """"H13" or "$H$13" → (row 13, column 8)."""
    match = _REF.fullmatch(ref.strip())
    if match is None:
        raise ValueError(f"not a cell reference: {ref!r}")
    return int(match.group(2)), column_number(match.group(1))


def column_number(letters: str) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


def area_cells(area: str) -> list[list[str]]:
    """"D13:E14" → [["D13", "E13"], ["D14", "E14"]]."""
    first, _, last = area.partition(":")
    top, left = split_ref(first)
    bottom, right = split_ref(last) if last else (top, left)
    return [[f"{column_letters(column)}{row}" for column in range(left, right + 1)]
            for row in range(top, bottom + 1)]


def _unreadable(path: Path, error: BaseException) -> UnreadableWorkbook:
    head = b""
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
    except OSError:
        pass
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return UnreadableWorkbook(f"“{path.name}”已加密或是旧版 .xls 文件；请在 Excel 中取消密码或"
                                  "另存为 .xlsx 后再试")
    return UnreadableWorkbook(f"无法读取“{path.name}”：不是有效的 .xlsx/.xlsm 工作簿"
                              f"（{type(error).__name__}）")


# ---------------------------------------------------------------- writing

def write_cached_values(package: Package, target: str | Path,
                        values: Mapping[str, Mapping[str, CellValue]]) -> None:
    """Copy ``package`` to ``target`` with new cached values that programs keep on opening.

    ``values``: sheet name → {cell ref → value}. Only those cells' ``<v>`` and
    ``t=`` change. A cell without an element in the sheet XML is left out (a
    formula cell always has one; Excel writes every cell an array formula fills).
    """
    by_part = {sheet.part: (sheet, values[sheet.name]) for sheet in package.sheets
               if values.get(sheet.name)}
    written: set[str] = set()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as out:
        for info in package.infos:
            if info.filename in written:
                continue  # a name twice in the input: once, with the content readers take
            written.add(info.filename)
            data = package.members[info.filename]
            if info.filename in by_part:
                sheet, cells = by_part[info.filename]
                data = _patch_sheet(package.text(info.filename), package.spans(sheet),
                                    cells).encode("utf-8")
            elif info.filename == package.workbook_part:
                try:
                    data = keep_cached_results(package.text(info.filename)).encode("utf-8")
                except ValueError:
                    pass  # no place for <calcPr> found: the cached values are right all the same
            out.writestr(_fresh_info(info), data)


def _fresh_info(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    """The member's name, time, compression and permissions; sizes and CRC are recomputed."""
    fresh = zipfile.ZipInfo(info.filename, info.date_time)
    fresh.compress_type = info.compress_type
    fresh.external_attr = info.external_attr
    fresh.create_system = info.create_system
    fresh.comment = info.comment
    return fresh


def _patch_sheet(text: str, spans: list[_CellSpan], values: Mapping[str, CellValue]) -> str:
    pieces, position = [], 0
    for span in spans:
        if span.ref not in values:
            continue
        pieces.append(text[position:span.start])
        pieces.append(_patched_cell(span, values[span.ref]))
        position = span.end
    pieces.append(text[position:])
    return "".join(pieces)


_T_ATTR = re.compile(r"""(\s)t\s*=\s*(?:"[^"]*"|'[^']*')""")
_V_OR_IS = re.compile(rf"<((?:[\w.-]+:)?)(v|is)(?=[\s/>]){_ATTRS}"
                      rf"(?:/>|>{_content('f', 'v', 'is')}</\1\2\s*>)", re.S)
_F_END = re.compile(rf"<((?:[\w.-]+:)?)f(?=[\s/>]){_ATTRS}(?:/>|>{_content('f', 'v', 'is')}"
                    rf"</\1f\s*>)", re.S)


def _patched_cell(span: _CellSpan, value: CellValue) -> str:
    data_type, stored = cached_text(value)
    attrs = _T_ATTR.sub("", span.attrs) if data_type is None else (
        _T_ATTR.sub(lambda m: f'{m.group(1)}t="{data_type}"', span.attrs)
        if _T_ATTR.search(span.attrs) else f'{span.attrs.rstrip()} t="{data_type}"')
    inner = span.body or ""
    space = ' xml:space="preserve"' if stored and stored != stored.strip() else ""
    new_v = "" if stored is None else f"<{span.prefix}v{space}>{stored}</{span.prefix}v>"
    replaced = False

    def replace(match: re.Match[str]) -> str:
        nonlocal replaced
        if match.group(2) == "v" and not replaced:
            replaced = True
            return new_v
        return ""  # an inline string of a computed cell, or a second <v>

    inner = _V_OR_IS.sub(replace, inner)
    if not replaced and new_v:
        formula = _F_END.search(inner)
        at = formula.end() if formula else 0
        inner = inner[:at] + new_v + inner[at:]
    return f"<{span.prefix}c{attrs}>{inner}</{span.prefix}c>"


_HEX_ANY_CASE = re.compile("_x[0-9A-Fa-f]{4}_")
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def cached_text(value: CellValue) -> tuple[str | None, str | None]:
    """(t= attribute or None for a number, text of ``<v>``) of a computed value."""
    if value is None:
        return None, None
    if isinstance(value, ExcelError):
        return "e", value if value in ERROR_CODES else "#VALUE!"
    if isinstance(value, bool):
        return "b", "1" if value else "0"
    if isinstance(value, (int, float)):
        number = float(value)
        if number != number or number in (float("inf"), float("-inf")):
            return "e", "#NUM!"
        if number.is_integer() and abs(number) < 1e15:
            return None, str(int(number))
        return None, repr(number).replace("e", "E")
    if value == "":
        # LibreOffice keeps a cached text result only when it is not empty and
        # recalculates the cell otherwise (showing #NAME? for a JX_ function); a
        # single space (written with xml:space="preserve", as Excel does) shows
        # the same blank cell, and jixiao's functions and readers take it as blank.
        return "str", " "
    text = _HEX_ANY_CASE.sub(lambda match: "_x005F" + match.group(0), str(value))
    text = _ILLEGAL.sub(lambda match: f"_x{ord(match.group(0)):04X}_", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return "str", text


_CALC_PR = re.compile(rf"<((?:[\w.-]+:)?)calcPr(?=[\s/>])({_ATTRS})(/?)>")
_FULL_CALC = re.compile(r"""\sfullCalcOnLoad\s*=\s*(?:"[^"]*"|'[^']*')""")
_CALC_ID = re.compile(r"""(\s)calcId\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_BEFORE_CALC_PR = ("definedNames", "externalReferences", "functionGroups", "sheets")
# Excel recalculates every formula on opening a file whose calcId is *less than* its
# own engine's id ([MS-XLS] 2.4.215 RecalcId; ECMA-376 Part 1 §18.2.2 calcPr): Excel
# 2010 145621, 2013 152511, 2016 162913, Microsoft 365 191029 so far. An id above
# every released one keeps the stored results in an Excel without the add-in.
KEEP_CALC_ID = 999999


def keep_cached_results(workbook_xml: str) -> str:
    """workbook.xml whose <calcPr> asks no program to recalculate on opening.

    Drops ``fullCalcOnLoad`` and raises ``calcId`` to ``KEEP_CALC_ID`` (see
    docs/recalc.md); every other attribute stays.
    """
    found = _CALC_PR.search(workbook_xml)
    if found:
        prefix, attrs, empty = found.groups()
        attrs = _FULL_CALC.sub("", attrs)
        current = _CALC_ID.search(attrs)
        stated = (current.group(2) or current.group(3) or "").strip() if current else ""
        if not (stated.isdigit() and int(stated) >= KEEP_CALC_ID):
            attrs = _CALC_ID.sub("", attrs)
            attrs = f' calcId="{KEEP_CALC_ID}"{attrs}' if attrs.strip() else \
                f' calcId="{KEEP_CALC_ID}"'
        tag = f"<{prefix}calcPr{attrs}{empty}>"
        return workbook_xml[:found.start()] + tag + workbook_xml[found.end():]
    root = re.search(r"<((?:[\w.-]+:)?)workbook(?=[\s/>])", workbook_xml)
    prefix = root.group(1) if root else ""
    for element in _BEFORE_CALC_PR:
        close = re.search(rf"</{re.escape(prefix)}{element}\s*>|<{re.escape(prefix)}{element}"
                          r"(?=[\s/])[^>]*/>", workbook_xml)
        if close:
            at = close.end()
            return (workbook_xml[:at] + f'<{prefix}calcPr calcId="{KEEP_CALC_ID}"/>'
                    + workbook_xml[at:])
    raise ValueError("workbook.xml has no <sheets>")


__all__ = ["Cell", "CellValue", "DefinedName", "ExcelError", "Formula", "Package", "Sheet",
           "area_cells", "cached_text", "column_letters", "column_number",
           "KEEP_CALC_ID", "keep_cached_results", "split_ref", "write_cached_values"]
