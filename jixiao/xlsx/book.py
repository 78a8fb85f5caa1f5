"""Opening a submitted file: its bytes (within the size limit), a clear refusal of what is
not a zip (encrypted, HTML; ``check_package`` then refuses a zip that is no workbook and
keeps the one that is), the relationships of the package — read here and nowhere else
(``read_relationships``: the guard's scan, this reader and ``package.Package`` all use
it) — and the worksheets listed in workbook.xml with their parts, parsed with the same
refusals as defusedxml. The file is read once: the reader takes the zip, its XML parts
and its relationships from ``check_package(keep=True)``.

Over 400 lines: one job, opening the file up to its workbook part (bytes, what it is,
relationships, sheets, calculation, defined names), all read through the one expat parser
with defusedxml's refusals (``_collect``); split, each half would import that parser."""

from __future__ import annotations

import functools
import os
import posixpath
import re
import zipfile
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jixiao.errors import (
    EmptyWorkbook,
    UnreadableWorkbook,
    damage_text,
    encrypted,
    folder_given,
    missing_file,
)
from jixiao.fileio import os_error_text
from jixiao.xlsx.foreign import CFB as _CFB
from jixiao.xlsx.limits import Limits


def read_bytes(path: Path, data: bytes | None = None,
               limits: Limits | None = None) -> tuple[bytes, Limits]:
    """The file's content, and the limits (from the environment, read once per file).
    ``data``: the content as the caller read it already (a batch worker, which hashed it);
    ``limits``: as the caller read them (once for many files)."""
    if data is not None:
        limits = limits or Limits.from_environment()
        _within(path, len(data), limits)
        return data, limits
    if not path.is_file():
        if not path.exists():
            raise missing_file(path)
        if path.is_dir():
            raise folder_given(path, kind=UnreadableWorkbook)
        raise UnreadableWorkbook(f"“{path}”不是文件")
    try:
        with path.open("rb") as stream:
            limits = limits or Limits.from_environment()
            _within(path, os.fstat(stream.fileno()).st_size, limits)
            return stream.read(), limits
    except OSError as error:
        raise UnreadableWorkbook(f"无法读取“{path.name}”：{os_error_text(error)}") from None


def _within(path: Path, size: int, limits: Limits) -> None:
    if size == 0:  # a failed upload: sent again, as a blank workbook
        raise EmptyWorkbook(f"“{path.name}”是空文件（0 字节）")
    limit = limits.max_file_bytes  # one limit, raisable by JIXIAO_MAX_FILE_MB
    if size > limit:
        raise UnreadableWorkbook(
            f"“{path.name}”过大（{size / 1024 / 1024:.0f} MB），"
            f"超过 {limit // 1024 // 1024} MB 的上限"
            "（确属正常的大文件可设环境变量 JIXIAO_MAX_FILE_MB 调高）")


def refuse_lock_file(path: Path, data: bytes, verb: str = "校验") -> None:
    """Refuse the lock file an office program keeps beside a document it has open:
    ``~$x.xlsx`` (Excel, WPS, Word; about 165 bytes holding the user's name) or
    ``.~lock.x.xlsx#`` (LibreOffice). Told by its name and a size no workbook has;
    a real workbook a clerk named ``~$…`` is a zip or an OLE2 file and is read. ``verb``:
    what the command does with the real file (校验, 重算)."""
    name = path.name
    if len(data) > 4096 or data.startswith((b"PK", _CFB)):
        return
    if name.startswith(".~lock.") and name.endswith("#"):
        real, program = name[len(".~lock."):-1], "LibreOffice"
    elif name.startswith("~$") and len(name) > 2:
        real = name[2:]
        program = "Word（或 WPS）" if real.lower().endswith((".docx", ".doc", ".rtf")) \
            else "Excel（或 WPS）"
        if program.startswith("Word"):  # Word shortens a long name: the document is unsure
            raise UnreadableWorkbook(f"“{name}”是 {program}打开文档时生成的临时锁定文件"
                                     f"（只记着打开者的名字），不是提交的文件：请{verb}文档本身")
    else:
        return
    raise UnreadableWorkbook(f"“{name}”是 {program}{' ' if program[-1].isascii() else ''}打开“{real}”时生成的临时锁定文件"
                             f"（只记着打开者的名字），不是提交的自评表：请{verb}“{real}”本身")


def sniff(path: Path, data: bytes) -> None:
    """Refuse, with the reason a clerk can act on, what is not an OOXML zip."""
    name = path.name
    if data.startswith(_CFB):  # an OLE2 file that foreign_format did not take: encrypted
        raise encrypted(f"“{name}”设置了打开密码（已加密），{_unlock(name)}后再试")
    if data.startswith(b"PK"):
        other = next((what for part, what in _OTHER_OFFICE if part in data[-65536:]), None)
        if other is not None and b"xl/workbook" not in data[-65536:]:  # (central directory)
            raise UnreadableWorkbook(f"“{name}”是{other}，只是扩展名改成了 Excel 的，"
                                     "请提交自评表的 Excel 文件")
        return
    kind = next((what for magic, what in _NOT_TABLES if data.startswith(magic)), None)
    if kind is not None:
        raise UnreadableWorkbook(f"“{name}”是{' ' if kind[0].isascii() else ''}{kind}，"
                                 f"{NOT_A_TABLE_ASK}"
                                 if kind != _ARCHIVE else
                                 f"“{name}”是{kind}：请先解压，再校验其中的自评表"
                                 "（jixiao batch 可校验解压后的整个文件夹）")
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<html", b"<!doctype", b"<?xml", b"<table", b"<meta")):
        raise UnreadableWorkbook(f"“{name}”是网页（HTML/XML）文件，只是扩展名像 Excel，"
                                 "请在 Excel 中打开后另存为 .xlsx 再试")
    text = _text_kind(name, data)
    if text is not None:
        raise UnreadableWorkbook(f"“{name}”{text}")
    raise UnreadableWorkbook(f"“{name}”不是 Excel 工作簿（.xlsx/.xlsm），或文件已损坏")


def _unlock(name: str) -> str:
    """How the clerk takes the opening password off, in the program the file's name says
    it is from (Office encrypts a Word document and a workbook alike)."""
    suffix = os.path.splitext(name)[1].lower()
    if suffix in (".docx", ".docm", ".doc", ".dotx", ".dotm", ".dot"):
        return "请在 Word 中取消密码（文件 → 信息 → 保护文档 → 用密码进行加密，清空）"
    if suffix in (".et", ".ett"):
        return "请在 WPS 表格中取消打开密码"
    if suffix in (".wps", ".wpt"):
        return "请在 WPS 文字中取消打开密码"
    return "请在 Excel 中取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空）"


def _text_kind(name: str, data: bytes) -> str | None:
    """What a text file is said to be (a table exported as CSV, a note renamed .xlsx):
    its first 4 KB are UTF-8 or GB18030 text without control characters."""
    import unicodedata

    sample = data[:4096]
    text = None
    for encoding in ("utf-8-sig", "gb18030"):
        for cut in range(4 if len(data) > len(sample) else 1):  # a character cut at 4 KB
            try:
                text = sample[:len(sample) - cut].decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        if text is not None:
            break
    if not text or any(unicodedata.category(character) == "Cc" and character not in "\t\r\n"
                       for character in text):
        return None
    if name.lower().endswith(".csv"):
        return "是 CSV 文本文件，不是 Excel 工作簿：请在 Excel 中打开后另存为 .xlsx 再试"
    first = text.splitlines()[0] if text.splitlines() else ""
    csv = "," in first or "\t" in first or "，" in first
    suffix = Path(name).suffix.lower()
    if suffix not in _EXCEL_SUFFIXES:  # report.txt: a text file as named, not a renamed one
        kind = f"扩展名 {suffix}" if suffix else "没有扩展名"
        if csv:
            return (f"是文本文件（CSV 表格，{kind}），不是 Excel 工作簿："
                    "请在 Excel 中打开后另存为 .xlsx 再试")
        return (f"是文本文件（{kind}），不是表格文件：jixiao 读取 Excel（.xlsx、.xls）、"
                "WPS（.et）、LibreOffice（.ods）和 Word（.docx、.doc）中的自评表，"
                "请提交自评表的 Excel 文件")
    if csv:
        return ("是文本文件（CSV 表格），只是扩展名改成了 Excel 的，不是 Excel 工作簿："
                "请在 Excel 中打开后另存为 .xlsx 再试")
    return "是文本文件，只是扩展名改成了 Excel 的，不是 Excel 工作簿：请提交自评表的 Excel 文件"


# The extensions of a workbook Excel (or WPS) opens: a text file so named was renamed
_EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm", ".xls", ".xlsb", ".et")


# Files a folder of submissions holds that are no table jixiao can read, by their first
# bytes: a printed page (PDF, a scan or a photo) or an archive of a unit's files.
_ARCHIVE = "压缩包（rar/7z）"
_NOT_TABLES = ((b"%PDF", "PDF 文件（打印的版面）"), (b"\x89PNG", "图片（扫描件或截图）"),
               (b"\xff\xd8\xff", "图片（扫描件或截图）"), (b"GIF8", "图片（扫描件或截图）"),
               (b"II*\x00", "图片（扫描件）"), (b"MM\x00*", "图片（扫描件）"),
               (b"Rar!", _ARCHIVE), (b"7z\xbc\xaf\x27\x1c", _ARCHIVE))
NOT_A_TABLE_ASK = "其中的表格无法读取：请向填报单位索取自评表的 Excel（或 Word）原文件"

# Other Office files are zips too: known by a part's name in the central directory.
_OTHER_OFFICE = ((b"word/document.xml", "Word 文档"), (b"ppt/presentation.xml", "PowerPoint 演示文稿"))

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_NS_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def _elements(xml: bytes, tag: str) -> list[dict[str, str]]:
    """The attributes of every ``tag`` ("{namespace}name") element, in document order.

    What ``defusedxml.ElementTree.fromstring(xml).iter(tag)`` gives, without the
    tree: the same expat parser, the same refusals (entities, external references,
    undefined entities) and ``ParseError`` for what is not well-formed.
    """
    wanted = tag[1:] if tag.startswith("{") else tag  # expat: "namespace}name"
    return [attributes for _, attributes in _collect(xml, lambda name: name == wanted)]


def _collect(xml: bytes, wanted: Callable[[str], bool]) -> list[tuple[str, dict[str, str]]]:
    """(tag as "namespace}name", attributes) of every element whose tag is ``wanted``
    (``_elements``)."""
    from xml.etree.ElementTree import ParseError
    from xml.parsers import expat

    from defusedxml.common import EntitiesForbidden, ExternalReferenceForbidden

    found: list[tuple[str, dict[str, str]]] = []

    def start(name: str, attributes: dict[str, str]) -> None:
        if wanted(name):
            found.append((name, {"{" + key if "}" in key else key: value
                                 for key, value in attributes.items()}))

    def entity(name: str, is_parameter: bool, value: str | None, base: str | None,
               system: str | None, public: str | None, notation: str | None) -> None:
        raise EntitiesForbidden(name, value, base, system, public, notation)

    def unparsed_entity(name: str, base: str | None, system: str | None,
                        public: str | None, notation: str | None) -> None:
        raise EntitiesForbidden(name, None, base, system, public, notation)

    def external(context: str, base: str | None, system: str | None,
                 public: str | None) -> None:
        raise ExternalReferenceForbidden(context, base, system, public)

    def skipped(name: str, is_parameter: bool) -> None:
        if not is_parameter:  # as ElementTree: an entity it does not know is an error
            error = expat.ExpatError(f"undefined entity &{name};: line {parser.ErrorLineNumber}, "
                                     f"column {parser.ErrorColumnNumber}")
            error.code, error.lineno, error.offset = (  # type: ignore[attr-defined]
                11, parser.ErrorLineNumber, parser.ErrorColumnNumber)
            raise error

    parser = expat.ParserCreate(None, "}")
    parser.StartElementHandler = start
    parser.EntityDeclHandler = entity
    parser.UnparsedEntityDeclHandler = unparsed_entity
    parser.ExternalEntityRefHandler = external
    parser.SkippedEntityHandler = skipped
    try:
        parser.Parse(xml, True)
    except expat.ExpatError as error:
        failure = ParseError(error)
        failure.code, failure.position = error.code, (error.lineno, error.offset)
        raise failure from None
    return found


@dataclass(frozen=True)
class Relationship:
    """One ``<Relationship>`` of a ``.rels`` part, as written but for its target."""

    id: str
    type: str
    target: str     # the part it leads to, resolved against the source part's folder
                    # (as written when it leads outside)
    mode: str       # TargetMode as written: "External" leads outside the package
    standard: bool  # in the package-relationships namespace, as Excel writes it


def relationships_part(part: str) -> str:
    """The ``.rels`` part of a part ("" is the package): xl/workbook.xml → xl/_rels/workbook.xml.rels."""
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def member_of(part: str, names: Collection[str]) -> str | None:
    """The zip member that holds ``part``: the one of its name, else one whose name differs
    in case only (part names compare ignoring case, ECMA-376-2 §9.1.1.1: Excel opens
    xl/worksheets/Sheet1.xml as the relationship's worksheets/sheet1.xml); None if none."""
    if part in names:
        return part
    wanted = part.lower()
    return next((name for name in names if name.lower() == wanted), None)


def read_relationships(rels_part: str, xml: bytes) -> tuple[Relationship, ...]:
    """Every relationship of a ``.rels`` part (in any namespace), in document order; the one
    reading of relationships in jixiao. ``ParseError``, or ``ValueError`` for entities, as
    ``_elements``."""
    folder = posixpath.dirname(posixpath.dirname(rels_part))  # a/_rels/b.xml.rels → a
    found = []
    for tag, rel in _collect(xml, lambda name: name.endswith("}Relationship")):
        target, mode = rel.get("Target", ""), rel.get("TargetMode", "")
        resolved = (target if mode == "External" else target.lstrip("/") if target.startswith("/")
                    else posixpath.normpath(posixpath.join(folder, target)))
        found.append(Relationship(rel.get("Id", ""), rel.get("Type", ""), resolved, mode,
                                  tag == _STANDARD_RELATIONSHIP))
    return tuple(found)


_STANDARD_RELATIONSHIP = f"{_NS_PKG}}}Relationship"


def _relationships(archive: zipfile.ZipFile, part: str,
                   known: Mapping[str, tuple[Relationship, ...]]) -> dict[str, tuple[str, str]]:
    """Id → (type, target member) of a part's relationships; ``known``: the ``.rels`` parts
    read already (``check_package``)."""
    names = archive.namelist()
    rels_member = member_of(relationships_part(part), names)
    if rels_member is None:
        return {}
    found = known.get(rels_member)
    if found is None:
        found = read_relationships(rels_member, archive.read(rels_member))
    return {rel.id: (rel.type, member_of(rel.target, names) or rel.target) for rel in found
            if rel.standard and rel.mode != "External"}


class SheetParts(dict[str, str]):
    """Worksheet name → its XML member, in workbook order; ``hidden``: the names of the
    sheets the workbook hides (state hidden or veryHidden); ``calculate_on_load``: whether
    the workbook asks to be recalculated in full on opening (``<calcPr
    fullCalcOnLoad="1"/>``: written by xlsxwriter, Apache POI, openpyxl …); ``workbook``:
    the workbook part that lists them."""

    hidden: frozenset[str] = frozenset()
    calculate_on_load: bool = False
    workbook: str = "xl/workbook.xml"
    # (name, member) of each worksheet the workbook lists whose part is not in the zip
    missing: tuple[tuple[str, str], ...] = ()


def sheet_parts(path: Path, archive: zipfile.ZipFile,
                known: Mapping[str, tuple[Relationship, ...]] | None = None) -> SheetParts:
    """Worksheet name → its XML member, in workbook order. ``known``: the relationships
    ``check_package`` read (``PackageReport.relationships``), not read again."""
    known = known or {}
    try:
        workbook = next((member for kind, member in _relationships(archive, "", known).values()
                         if kind.endswith("/officeDocument")), "xl/workbook.xml")
        rels = _relationships(archive, workbook, known)
        members = set(archive.namelist())
        parts = SheetParts()
        hidden, missing = [], []
        content = archive.read(workbook)
        if _STRICT in content[:4096]:  # (the reader renames what xlsx.strict knows of it)
            raise UnreadableWorkbook(
                f"“{path.name}”是“Strict Open XML 电子表格”格式，jixiao 读不了其中的工作簿："
                "请在 Excel 中“另存为”，保存类型选“Excel 工作簿(*.xlsx)”，或在 WPS、"
                "LibreOffice 中另存为 Excel 工作簿（.xlsx）后再试")
        sheets, parts.calculate_on_load = _workbook_facts(content)
        for name, relation, state in sheets:
            kind, member = rels.get(relation, ("", ""))
            if kind.endswith("/worksheet") and member not in members:
                missing.append((name, member))
            elif kind.endswith("/worksheet"):
                parts[name] = member
                if state in ("hidden", "veryHidden"):
                    hidden.append(name)
        parts.hidden, parts.missing = frozenset(hidden), tuple(missing)
        parts.workbook = workbook
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, SyntaxError) as error:
        raise UnreadableWorkbook(f"“{path.name}”已损坏，无法读取工作簿结构"
                                 f"（{damage_text(error)}）") from None
    return parts


def calculates_on_load(workbook: bytes) -> bool:
    """Whether a workbook part asks for a full recalculation on opening (``<calcPr
    fullCalcOnLoad="1"/>``): Excel, WPS and LibreOffice then show what the formulas compute,
    not the results stored. False for a part that is not well-formed."""
    from xml.etree.ElementTree import ParseError

    try:
        return _workbook_facts(workbook)[1]
    except (ParseError, ValueError):
        return False


# The namespace of a workbook saved as "Strict Open XML Spreadsheet" (ISO 29500 strict)
_STRICT = b"purl.oclc.org/ooxml/spreadsheetml/main"


@functools.lru_cache(maxsize=64)  # copies of one template have the same workbook part
def _workbook_facts(workbook: bytes) -> tuple[tuple[tuple[str, str, str], ...], bool]:
    """(name, relationship id, state) of each ``<sheet>`` of a workbook part, in order, and
    whether its ``<calcPr>`` asks for a full recalculation on opening (xsd:boolean)."""
    sheet_tag, calc_tag = f"{NS_MAIN}}}sheet", f"{NS_MAIN}}}calcPr"  # expat's "namespace}name"
    found = _collect(workbook, lambda name: name in (sheet_tag, calc_tag))
    sheets = tuple((attributes.get("name", ""), attributes.get(f"{{{_NS_REL}}}id", ""),
                    attributes.get("state", "visible"))
                   for tag, attributes in found if tag == sheet_tag)
    full = any(attributes.get("fullCalcOnLoad", "").strip() in ("1", "true")
               for tag, attributes in found if tag == calc_tag)
    return sheets, full


# A row with content: a value, an inline string or a formula in one of its cells. A row
# of styled empty cells (a border drawn down to row 12000) or an empty <row/> is none.
# Each row is looked at only up to the next row's start, so a damaged sheet whose rows are
# never closed is counted in one pass (searching each row's end to the end of the sheet
# took time growing with the square of its rows).
_ROW_START = re.compile(rb"<(?:\w+:)?row[\s>/]")
_ROW_END = re.compile(rb"</(?:\w+:)?row>")
_CONTENT = re.compile(rb"<(?:\w+:)?(?:v|is|f)[\s>/]")


def _rows_with_content(xml: bytes) -> int:
    starts = [row.start() for row in _ROW_START.finditer(xml)]
    starts.append(len(xml))
    count = 0
    for start, following in zip(starts, starts[1:], strict=False):
        tag_end = xml.find(b">", start, following)
        if tag_end < 0 or xml[tag_end - 1] == 0x2F:  # "/": an empty <row …/>
            continue
        end = _ROW_END.search(xml, tag_end, following)
        if _CONTENT.search(xml, tag_end, end.start() if end else following):
            count += 1
    return count


def count_rows(path: Path, archive: zipfile.ZipFile, part: str, limits: Limits) -> int:
    """How many rows of a sheet hold something: what the row limit is about (a ledger, an
    export), not rows only formatted."""
    try:
        info = archive.getinfo(part)
        if info.file_size > limits.max_unpacked_bytes:
            return 1 << 30
        return _rows_with_content(archive.read(part))
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        raise UnreadableWorkbook(f"“{path.name}”已损坏，工作表无法解压"
                                 f"（{damage_text(error)}）") from None




@dataclass(frozen=True)
class DefinedName:
    name: str
    text: str                     # what it refers to: "'自评表'!$K$2"
    local_sheet: int | None = None  # index of the sheet it belongs to; None: workbook scope
    hidden: bool = False
    scope: str | None = None  # the name of that sheet (None: workbook scope, or no such sheet)

    @property
    def placed(self) -> bool:
        """Whether its scope is known: the workbook's, or a sheet that exists (a name of a
        sheet index past the last is nobody's: every reader passes over it)."""
        return self.local_sheet is None or self.scope is not None


def defined_names(root: Any) -> list[DefinedName]:
    """The defined names of a parsed workbook part (transitional or strict namespace), each
    name scoped to a sheet with that sheet's name (``localSheetId`` counts every <sheet>,
    chart sheets too)."""
    elements = [element for element in root.iter() if isinstance(element.tag, str)]
    sheets = [element.get("name", "") for element in elements
              if element.tag.rpartition("}")[2] == "sheet"]
    names = []
    for element in elements:
        if element.tag.rpartition("}")[2] == "definedName":
            local = element.get("localSheetId")
            index = int(local) if local is not None and local.isdigit() else None
            names.append(DefinedName(element.get("name", ""), element.text or "", index,
                                     element.get("hidden") in ("1", "true"),
                                     sheets[index] if index is not None and index < len(sheets)
                                     else None))
    return names


def name_place(text: str | None) -> tuple[str, str] | None:
    """(sheet, area without $) of what a name refers to ("'自评表'!$K$2" → ("自评表", "K2"));
    None for a constant or a formula."""
    sheet, bang, area = (text or "").strip().rpartition("!")
    if not bang or not sheet or not _AREA.fullmatch(area):
        return None
    if sheet.startswith("'") and sheet.endswith("'") and len(sheet) > 1:
        sheet = sheet[1:-1].replace("''", "'")
    return sheet, area.replace("$", "")


_AREA = re.compile(r"\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?")


def jx_name_sheets(archive: zipfile.ZipFile) -> frozenset[str]:
    """The sheets jixiao's template's names (JX_…) refer to or belong to: the template's
    own sheet (and its copies), not a sheet typed by hand beside it in the workbook."""
    root = _workbook_root(archive, _may_name_jx if SKIP_WITHOUT_JX else None)
    if root is None:
        return frozenset()
    sheets: set[str] = set()
    for item in defined_names(root):
        if not item.name.upper().startswith("JX_") or not item.placed:
            continue
        place = name_place(item.text)
        sheets.update(sheet for sheet in (item.scope, place and place[0]) if sheet)
    return frozenset(sheets)


# Most workbooks name no JX_ cell (only jixiao's template does): their workbook part is not
# parsed for names, where its bytes show it can hold none (``_may_name_jx``).
SKIP_WITHOUT_JX = True  # False: always parsed (the reference path, for the tests)
_JX_BYTES = re.compile(rb"(?i)jx_")


def _may_name_jx(xml: bytes) -> bool:
    """Whether a workbook part may define a name starting JX_ (in any case): False only
    where it cannot — its root's name written in ASCII (not UTF-16), no character
    reference (&#74;X_), no DTD (entities), and no jx_ in any case."""
    return b"workbook" not in xml or b"&#" in xml or b"<!DOCTYPE" in xml \
        or _JX_BYTES.search(xml) is not None


def _workbook_root(archive: zipfile.ZipFile,
                   worth_parsing: Callable[[bytes], bool] | None = None) -> Any:
    """The parsed workbook part, None where there is none or it does not parse — or where
    ``worth_parsing`` says its bytes hold nothing the caller looks for."""
    from xml.etree.ElementTree import ParseError

    from jixiao.xlsx.xml import parse_xml

    try:
        member = next((member for member in archive.namelist()
                       if member.endswith("workbook.xml")), None)
        if member is None:
            return None
        xml = archive.read(member)
        if worth_parsing is not None and not worth_parsing(xml):
            return None
        return parse_xml(xml)
    except (KeyError, zipfile.BadZipFile, OSError, ParseError):
        return None


def defined_cells(archive: zipfile.ZipFile, name: str) -> dict[str | None, tuple[str, str]]:
    """(sheet, cell) of the one cell a defined name refers to, by its scope: None for the
    workbook's (jixiao's template: JX_Rules → '自评表'!$K$2), a sheet's name for that sheet's
    own (a copied sheet's JX_Rules → 自评表_2!$K$2); a definition naming a range, a formula
    or nothing is left out."""
    root = _workbook_root(archive)
    if root is None:
        return {}
    cells: dict[str | None, tuple[str, str]] = {}
    for item in defined_names(root):
        if item.name != name or not item.placed:
            continue
        place = name_place(item.text)
        if place is not None and ":" not in place[1]:
            cells[item.scope] = place
    return cells
