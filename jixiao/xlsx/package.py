"""The workbook package (.xlsx / .xlsm) at the level of its XML parts, for recalculation.

``Package`` reads what recalculation needs — the worksheets, the defined
names, each cell's constant or formula — straight from the zip, without
openpyxl; ``writeback.write_cached_values`` writes the results back into a copy.

Cell values, as a spreadsheet stores them: ``float``, ``str``, ``bool``,
``ExcelError`` (#VALUE! …) or ``None`` for a blank.

(Over 400 lines: one job, a package's parts read as recalculation needs them; the
refusals of a damaged package — which part, what is wrong — belong with the reading.)
"""

from __future__ import annotations

import datetime
import functools
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree import ElementTree

from jixiao.errors import UnreadableWorkbook, damage_text, missing_file, sheet_part_missing
from jixiao.model import ERROR_CODES
from jixiao.xlsx.book import (
    DefinedName,
    calculates_on_load,
    defined_names,
    member_of,
    read_relationships,
    relationships_part,
)
from jixiao.xlsx.foreign import CFB
from jixiao.xlsx.guard import check_package
from jixiao.xlsx.placing import placed
from jixiao.xlsx.refs import column_letters
from jixiao.xlsx.strict import is_strict, strict_refusal
from jixiao.xlsx.xml import (
    ATTRIBUTES,
    MAIN,
    RELATIONSHIPS,
    element_content,
    parse_xml,
    unescape,
)

if TYPE_CHECKING:
    from jixiao.xlsx.styles import Styles

_OFFICE_DOCUMENT = RELATIONSHIPS + "/officeDocument"
_WORKSHEET = RELATIONSHIPS + "/worksheet"
_SHARED_STRINGS = RELATIONSHIPS + "/sharedStrings"

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
class Sheet:
    name: str
    part: str  # zip member name, "xl/worksheets/sheet1.xml"


class Package:
    """An .xlsx/.xlsm file opened for reading its parts; nothing is written to it."""

    def __init__(self, path: str | Path, data: bytes | None = None) -> None:
        """``data``: the file's content, when the caller has read it already (or made it:
        then ``path`` only names it, and nothing is read from there)."""
        self.path = Path(path)
        self.data = data
        if data is None and not self.path.is_file():
            raise missing_file(self.path)
        self.inspection = check_package(self.path, data)  # zip bombs, DTDs, cells: before reading
        try:
            with zipfile.ZipFile(self.path if data is None else io.BytesIO(data)) as archive:
                self.infos = archive.infolist()
                self.members = {info.filename: archive.read(info) for info in self.infos}
        except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError,
                zipfile.LargeZipFile) as error:
            raise _unreadable(self.path, error) from None
        if is_strict(self.members, self.members.__getitem__):
            raise strict_refusal(self.path.name)  # written back as it is read: never strict
        try:
            self.workbook_part = self._workbook_part()
            self.sheets, self.defined_names = self._read_workbook()
            self._shared_strings_part = self._related(self.workbook_part, _SHARED_STRINGS)
        except (ElementTree.ParseError, KeyError, UnicodeDecodeError, ValueError) as error:
            raise _unreadable(self.path, error) from None
        self._strings: list[str] | None = None
        self._for_openpyxl: bytes | None = None
        self._cells: dict[str, list[Cell]] = {}
        self._spans: dict[str, list[CellSpan]] = {}

    @property
    def calculates_on_load(self) -> bool:
        """Whether the workbook asks to be recalculated in full on opening (fullCalcOnLoad)."""
        return calculates_on_load(self.members.get(self.workbook_part, b""))

    def source(self) -> Path | io.BytesIO:
        """The file for a reader that opens it whole (openpyxl): ``opened_whole()`` in
        memory, else its path."""
        data = self.opened_whole()
        return self.path if data is None else io.BytesIO(data)

    def opened_whole(self) -> bytes | None:
        """The content for a reader that opens the file whole (openpyxl, the formulas
        package), None where that is the file at ``path`` as it is: the package as
        ``openpyxl_cells.for_openpyxl`` gives it, else as the caller gave it."""
        if self._for_openpyxl is None:
            from jixiao.xlsx.openpyxl_cells import for_openpyxl

            with zipfile.ZipFile(self.path if self.data is None else io.BytesIO(self.data)
                                 ) as archive:
                self._for_openpyxl = for_openpyxl(archive) or b""
        return self._for_openpyxl or self.data

    # ------------------------------------------------------------ parts

    def text(self, part: str) -> str:
        """A part decoded as UTF-8, byte order mark kept so encoding back is exact."""
        try:
            return self.members[part].decode("utf-8")
        except (KeyError, UnicodeDecodeError) as error:
            raise _unreadable(self.path, error, part) from None

    def _workbook_part(self) -> str:
        found = self._related("", _OFFICE_DOCUMENT)
        if found is None:
            raise UnreadableWorkbook(f"“{self.path.name}”已损坏：_rels/.rels 中没有指向工作簿部件的关系"
                                     "（officeDocument），找不到工作簿")
        return found

    def _relationships(self, part: str) -> list[tuple[str, str, str]]:
        """(type, target part, id) of each internal relationship of ``part`` ("" = package)."""
        rels = member_of(relationships_part(part), self.members)
        if rels is None:
            return []
        return [(rel.type, member_of(rel.target, self.members) or rel.target, rel.id)
                for rel in read_relationships(rels, self.members[rels])
                if rel.standard and rel.mode != "External"]

    def _related(self, part: str, kind: str) -> str | None:
        return next((target for rel_kind, target, _ in self._relationships(part)
                     if rel_kind == kind), None)

    def _read_workbook(self) -> tuple[list[Sheet], list[DefinedName]]:
        root = parse_xml(self.members[self.workbook_part])
        if root.find(f"{{{MAIN}}}sheets") is None:
            # no workbook: Excel needs at least the list of sheets
            raise UnreadableWorkbook(f"“{self.path.name}”已损坏：工作簿部件 {self.workbook_part} "
                                     "中没有工作表列表（<sheets>）")
        targets = {rid: target for kind, target, rid in self._relationships(self.workbook_part)
                   if kind == _WORKSHEET}
        sheets = []
        for sheet in root.iter(f"{{{MAIN}}}sheet"):
            rid = sheet.get(f"{{{RELATIONSHIPS}}}id")
            if rid in targets:  # chart sheets and dialog sheets hold no cells
                sheets.append(Sheet(sheet.get("name", ""), targets[rid]))
        missing = next((sheet for sheet in sheets if sheet.part not in self.members), None)
        if missing is not None:  # nothing is written into a damaged package
            raise sheet_part_missing(self.path.name, missing.name, missing.part)
        if len({sheet.name.upper() for sheet in sheets}) < len(sheets):
            twice = next(sheet.name for index, sheet in enumerate(sheets) if sheet.name.upper()
                         in {other.name.upper() for other in sheets[:index]})
            raise UnreadableWorkbook(  # Excel refuses such a file too
                f"“{self.path.name}”已损坏：有两张工作表同名“{twice}”（Excel 也打不开这样的文件）")
        return sheets, defined_names(root)

    @functools.cached_property
    def date1904(self) -> bool:
        """Whether the workbook counts its day serials from 1904-01-01 (workbookPr date1904:
        Excel for Mac before 2011, or Excel's option 使用 1904 日期系统), not from 1900. Asked
        for every date a formula reads: the workbook part is parsed once."""
        root = parse_xml(self.members[self.workbook_part])
        found = root.find(f"{{{MAIN}}}workbookPr")
        return found is not None and found.get("date1904", "").strip().lower() in ("1", "true")

    @property
    def epoch(self) -> datetime.datetime:
        """Day 0 of the workbook's date system (``numformats.from_excel``)."""
        from jixiao.xlsx.numformats import MAC_EPOCH, WINDOWS_EPOCH

        return MAC_EPOCH if self.date1904 else WINDOWS_EPOCH

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

    def spans(self, sheet: Sheet) -> list[CellSpan]:
        """Where each ``<c>`` of the sheet sits in its XML text."""
        if sheet.part not in self._spans:
            try:
                self._spans[sheet.part] = list(_cell_spans(self.text(sheet.part)))
            except ValueError as error:
                raise _unreadable(self.path, error) from None
        return self._spans[sheet.part]

    def styles(self) -> Styles:
        """The stylesheet's cell formats (``xlsx.styles.Styles``); a stylesheet that is not
        well-formed XML refuses the file as an unreadable part does. ``Unsure`` (a form the
        plain reader leaves to openpyxl) is the caller's to handle."""
        from xml.etree.ElementTree import ParseError

        from jixiao.xlsx.styles import Styles

        try:
            # openpyxl reads this name only (``openpyxl_cells.for_openpyxl`` gives it that)
            part = member_of("xl/styles.xml", self.members)
            return Styles(self.members[part] if part else None, self.date1904)
        except ParseError as error:
            raise _unreadable(self.path, error, part) from None

    def may_hold_formulas(self, sheet: Sheet) -> bool:
        """False when the sheet surely has no formula (a quick look at its bytes)."""
        return b"<f" in self.members.get(sheet.part, b"") or b":f" in self.members.get(
            sheet.part, b"")

    def _cell(self, span: CellSpan) -> Cell:
        data_type = span.data_type
        children = _children(span.body) if span.body else {}
        formula = None
        if "f" in children:
            f_attrs, f_body = children["f"]
            kind = _attributes(f_attrs).get("t", "normal")
            formula = Formula(kind, unescape(f_body) if f_body else None,
                              _attributes(f_attrs).get("ref"),
                              _attributes(f_attrs).get("si"))
        raw = unescape(children["v"][1]) if "v" in children and children["v"][1] else None
        value: CellValue
        if data_type == "inlineStr":
            value = _inline_text(children["is"][1]) if "is" in children else None
        elif raw is None:
            # an empty <v> of a text result is the text "" (=IF(D7=0,"",…) over a budget of
            # 0, as LibreOffice and Excel save it), as the reader takes it — not a formula
            # left without a result
            value = "" if data_type == "str" and formula is not None and "v" in children \
                else None
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
                if raw.strip() in ERROR_CODES:  # an error stored in a cell typed as a number
                    value = ExcelError(raw.strip())
                elif formula is None:
                    raise
                else:
                    value = None  # a formula's stale cached value does not matter
        return Cell(span.ref, span.row, span.column, value, data_type, formula)


# ---------------------------------------------------------------- scanning

@dataclass(frozen=True)
class CellSpan:
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

    @property
    def style(self) -> int | None:
        """The cell format's index (s=), None when absent or not a number."""
        style = _attributes(self.attrs).get("s", "").strip()
        return int(style) if style.isdigit() else None


# Linear in the text, whatever it holds (see ``xlsx.xml.ATTRIBUTES``)
_TYPE = re.compile(r"""\st\s*=\s*["']([^"']*)["']""")
_ATTR = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_CHILD = re.compile(rf"<((?:[\w.-]+:)?)(f|v|is)(?=[\s/>])({ATTRIBUTES})"
                    rf"(?:/>|>({element_content('f', 'v', 'is')})</\1\2\s*>)", re.S)


def _cell_spans(text: str) -> Iterator[CellSpan]:
    for match, row, column, _ in placed(text):
        prefix, row_attrs, attrs, body = match.groups()
        if row_attrs is not None:
            continue
        data_type = _TYPE.search(attrs)
        yield CellSpan(f"{column_letters(column)}{row}", row, column, match.start(),
                       match.end(), attrs, prefix, body,
                       data_type.group(1) if data_type else "n")


def _attributes(attrs: str) -> dict[str, str]:
    return {name: unescape(double or single) for name, double, single in _ATTR.findall(attrs)}


def _children(inner: str) -> dict[str, tuple[str, str | None]]:
    """tag → (attributes, body) of a cell's f, v and is children."""
    return {tag: (attrs, body) for _, tag, attrs, body in _CHILD.findall(inner)
            } if "<" in inner else {}


_T = re.compile(rf"<((?:[\w.-]+:)?)t(?=[\s/>]){ATTRIBUTES}(?:/>|>({element_content('t')})</\1t\s*>)", re.S)
_PHONETIC = re.compile(rf"<((?:[\w.-]+:)?)rPh(?=[\s/>]){element_content('rPh')}</\1rPh\s*>", re.S)


def _inline_text(body: str | None) -> str:
    """The text of an ``<is>``: its runs joined, phonetic hints left out."""
    if not body:
        return ""
    body = _PHONETIC.sub("", body)
    return "".join(unescape(part or "") for _, part in _T.findall(body))


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


def _unreadable(path: Path, error: BaseException, part: str | None = None) -> UnreadableWorkbook:
    """The refusal of a package a part of which (``part``, where known) cannot be read."""
    head = b""
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
    except OSError:
        pass
    if head.startswith(CFB[:4]):  # an OLE2 file, even one cut short: .xls or encrypted
        return UnreadableWorkbook(f"“{path.name}”已加密或是旧版 .xls 文件；请在 Excel 中取消密码或"
                                  "另存为 .xlsx 后再试")
    where = f"{part}：" if part and not isinstance(error, KeyError) else ""
    return UnreadableWorkbook(f"无法读取“{path.name}”：不是有效的 .xlsx/.xlsm 工作簿"
                              f"（{where}{damage_text(error)}）")


__all__ = ["Cell", "CellSpan", "CellValue", "DefinedName", "ExcelError", "Formula",
           "Package", "Sheet"]
