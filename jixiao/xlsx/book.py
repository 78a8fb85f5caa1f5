"""Opening a submitted file: its bytes (within the size limit), a clear refusal of what is
not an .xlsx (encrypted, HTML, .ods, damaged), the zip, and the worksheets listed in
workbook.xml with their parts — parsed with the same refusals as defusedxml."""

from __future__ import annotations

import io
import os
import posixpath
import re
import zipfile
from pathlib import Path

from jixiao.errors import UnreadableWorkbook, missing_file
from jixiao.fileio import os_error_text
from jixiao.xlsx.foreign import CFB as _CFB
from jixiao.xlsx.limits import Limits


def read_bytes(path: Path) -> tuple[bytes, Limits]:
    """The file's content, and the limits (from the environment, read once per file)."""
    if not path.is_file():
        if not path.exists():
            raise missing_file(path)
        raise UnreadableWorkbook(f"“{path}”不是文件")
    try:
        with path.open("rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            if size == 0:
                raise UnreadableWorkbook(f"“{path.name}”是空文件（0 字节）")
            limits = Limits.from_environment()
            limit = limits.max_file_bytes  # one limit, raisable by JIXIAO_MAX_FILE_MB
            if size > limit:
                raise UnreadableWorkbook(
                    f"“{path.name}”过大（{size / 1024 / 1024:.0f} MB），"
                    f"超过 {limit // 1024 // 1024} MB 的上限"
                    "（确属正常的大文件可设环境变量 JIXIAO_MAX_FILE_MB 调高）")
            return stream.read(), limits
    except OSError as error:
        raise UnreadableWorkbook(f"无法读取“{path.name}”：{os_error_text(error)}") from None


def sniff(path: Path, data: bytes) -> None:
    """Refuse, with the reason a clerk can act on, what is not an OOXML zip."""
    name = path.name
    if data.startswith(_CFB):  # an OLE2 file that foreign_format did not take: encrypted
        raise UnreadableWorkbook(f"“{name}”设置了打开密码（已加密），请在 Excel 中取消密码"
                                 "（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空）后再试")
    if data.startswith(b"PK"):
        return
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<html", b"<!doctype", b"<?xml", b"<table", b"<meta")):
        raise UnreadableWorkbook(f"“{name}”是网页（HTML/XML）文件，只是扩展名像 Excel，"
                                 "请在 Excel 中打开后另存为 .xlsx 再试")
    raise UnreadableWorkbook(f"“{name}”不是 Excel 工作簿（.xlsx/.xlsm），或文件已损坏")


def open_zip(path: Path, data: bytes) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise UnreadableWorkbook(f"“{path.name}”已损坏，无法作为 .xlsx 打开"
                                 "（压缩包结构不完整）") from None
    if "content.xml" in names and "mimetype" in names:
        archive.close()
        raise UnreadableWorkbook(f"“{path.name}”是 OpenDocument（.ods）表格，"
                                 "请在 WPS/LibreOffice/Excel 中另存为 .xlsx 后再试")
    if "[Content_Types].xml" not in names:
        archive.close()
        raise UnreadableWorkbook(f"“{path.name}”是压缩包，但不是 Excel 工作簿（.xlsx/.xlsm）")
    return archive


NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_NS_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def _elements(xml: bytes, tag: str) -> list[dict[str, str]]:
    """The attributes of every ``tag`` ("{namespace}name") element, in document order.

    What ``defusedxml.ElementTree.fromstring(xml).iter(tag)`` gives, without the
    tree: the same expat parser, the same refusals (entities, external references,
    undefined entities) and ``ParseError`` for what is not well-formed.
    """
    from xml.etree.ElementTree import ParseError
    from xml.parsers import expat

    from defusedxml.common import EntitiesForbidden, ExternalReferenceForbidden

    wanted = tag[1:] if tag.startswith("{") else tag  # expat: "namespace}name"
    found: list[dict[str, str]] = []

    def start(name: str, attributes: dict[str, str]) -> None:
        if name == wanted:
            found.append({"{" + key if "}" in key else key: value
                          for key, value in attributes.items()})

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


def _relationships(archive: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """Id → (type, target member) of a part's relationships."""
    folder, name = posixpath.split(part)
    rels_member = posixpath.join(folder, "_rels", name + ".rels")
    if rels_member not in archive.namelist():
        return {}
    result = {}
    for rel in _elements(archive.read(rels_member), f"{{{_NS_PKG}}}Relationship"):
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External":
            continue
        member = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
            posixpath.join(folder, target))
        result[rel.get("Id", "")] = (rel.get("Type", ""), member)
    return result


def sheet_parts(path: Path, archive: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet name → its XML member, in workbook order."""
    try:
        workbook = next((member for kind, member in _relationships(archive, "").values()
                         if kind.endswith("/officeDocument")), "xl/workbook.xml")
        rels = _relationships(archive, workbook)
        parts = {}
        for sheet in _elements(archive.read(workbook), f"{{{NS_MAIN}}}sheet"):
            kind, member = rels.get(sheet.get(f"{{{_NS_REL}}}id", ""), ("", ""))
            if kind.endswith("/worksheet") and member in archive.namelist():
                parts[sheet.get("name", "")] = member
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, SyntaxError) as error:
        raise UnreadableWorkbook(f"“{path.name}”已损坏，无法读取工作簿结构"
                                 f"（{type(error).__name__}）") from None
    return parts


_ROW_TAG = re.compile(rb"<(?:\w+:)?row[\s>/]")


def count_rows(path: Path, archive: zipfile.ZipFile, part: str, limits: Limits) -> int:
    try:
        info = archive.getinfo(part)
        if info.file_size > limits.max_unpacked_bytes:
            return 1 << 30
        return len(_ROW_TAG.findall(archive.read(part)))
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        raise UnreadableWorkbook(f"“{path.name}”已损坏，工作表无法解压"
                                 f"（{type(error).__name__}）") from None


def has_jx_names(archive: zipfile.ZipFile) -> bool:
    try:
        return any(b"JX_" in archive.read(member) for member in archive.namelist()
                   if member.endswith("workbook.xml"))
    except (KeyError, zipfile.BadZipFile, OSError):
        return False
