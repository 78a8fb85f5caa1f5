"""Strict Open XML (ISO/IEC 29500 strict; Excel's “Strict Open XML 电子表格”), read as the
transitional package it maps onto.

ECMA-376 Part 1 gives each strict namespace one transitional namespace
(``http://purl.oclc.org/ooxml/spreadsheetml/main`` is
``http://schemas.openxmlformats.org/spreadsheetml/2006/main`` …) and each strict
relationship type one transitional type; element and attribute names are the same. So
``transitional`` renames the namespaces where a package names them — in ``xmlns``
declarations and in the ``Type`` of a relationship, nowhere else (a cell's text is never
touched) — and the reader reads the result as any .xlsx. The renamed package is checked by
``check_package`` again before any parser reads it, as the file was before renaming.

Only for reading: what writes into the file (``jixiao recalc``, the annotated copy) refuses
it (``StrictOpenXml``) rather than write a transitional part into a strict package.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Collection
from pathlib import Path
from typing import TYPE_CHECKING

from jixiao.errors import StrictOpenXml

if TYPE_CHECKING:
    from jixiao.xlsx.guard import PackageReport
    from jixiao.xlsx.limits import Limits

_STRICT = "http://purl.oclc.org/ooxml/"
_TRANSITIONAL = "http://schemas.openxmlformats.org/"

# strict namespace (after _STRICT) → transitional namespace (after _TRANSITIONAL)
NAMESPACES = {
    "spreadsheetml/main": "spreadsheetml/2006/main",
    "officeDocument/relationships": "officeDocument/2006/relationships",
    "officeDocument/sharedTypes": "officeDocument/2006/sharedTypes",
    "officeDocument/extendedProperties": "officeDocument/2006/extended-properties",
    "officeDocument/customProperties": "officeDocument/2006/custom-properties",
    "officeDocument/docPropsVTypes": "officeDocument/2006/docPropsVTypes",
    "officeDocument/customXml": "officeDocument/2006/customXml",
    "officeDocument/bibliography": "officeDocument/2006/bibliography",
    "officeDocument/characteristics": "officeDocument/2006/characteristics",
    "officeDocument/math": "officeDocument/2006/math",
    "drawingml/main": "drawingml/2006/main",
    "drawingml/chart": "drawingml/2006/chart",
    "drawingml/chartDrawing": "drawingml/2006/chartDrawing",
    "drawingml/diagram": "drawingml/2006/diagram",
    "drawingml/lockedCanvas": "drawingml/2006/lockedCanvas",
    "drawingml/picture": "drawingml/2006/picture",
    "drawingml/spreadsheetDrawing": "drawingml/2006/spreadsheetDrawing",
    "drawingml/wordprocessingDrawing": "drawingml/2006/wordprocessingDrawing",
    "presentationml/main": "presentationml/2006/main",
    "schemaLibrary/main": "schemaLibrary/2006/main",
    "wordprocessingml/main": "wordprocessingml/2006/main",
}
# A relationship type is the relationships namespace, "/", a name; two names differ.
RELATIONSHIP_NAMES = {"extendedProperties": "extended-properties",
                      "customProperties": "custom-properties"}

_DECLARATION = re.compile(rb"""(\sxmlns(?::[\w.-]+)?\s*=\s*["'])http://purl\.oclc\.org/ooxml/"""
                          rb"""([\w/.-]+)(?=["'])""")
_RELATIONSHIP_TYPE = re.compile(rb"""(\sType\s*=\s*["'])http://purl\.oclc\.org/ooxml/"""
                                rb"""officeDocument/relationships/([\w.-]+)(?=["'])""")
_XML = re.compile(rb"(?:\xef\xbb\xbf)?\s*<")
_PACKAGE_RELATIONSHIPS = "_rels/.rels"


def is_strict(names: Collection[str], read: Callable[[str], bytes]) -> bool:
    """Whether a package (its member ``names``, ``read`` one) is Strict Open XML: its
    package relationships or its workbook part name a strict namespace."""
    from jixiao.xlsx.book import read_relationships

    if _PACKAGE_RELATIONSHIPS not in names:
        return False
    relationships = read(_PACKAGE_RELATIONSHIPS)
    if _STRICT.encode() in relationships:
        return True
    try:
        workbook = next((rel.target for rel in read_relationships(_PACKAGE_RELATIONSHIPS,
                                                                  relationships)
                         if rel.type.endswith("/officeDocument")), None)
    except (ValueError, SyntaxError):  # not well-formed (a ParseError): the reader says so
        return False
    return workbook in names and _STRICT.encode() + b"spreadsheetml/main" in read(workbook)


def strict_refusal(name: str) -> StrictOpenXml:
    """The refusal of what would write into a strict package (recalculation, the
    annotated copy)."""
    return StrictOpenXml(
        f"“{name}”是“Strict Open XML 电子表格”格式：jixiao 能校验它，但不能按这种格式写出"
        "重算结果或标注副本。请在 Excel 中“另存为”，保存类型选“Excel 工作簿(*.xlsx)”，"
        "或在 WPS、LibreOffice 中另存为 Excel 工作簿（.xlsx）后再试")


def transitional_part(content: bytes) -> bytes:
    """An XML part with its strict namespaces renamed (``NAMESPACES``); one not a strict
    namespace jixiao knows is left as written."""

    def namespace(match: re.Match[bytes]) -> bytes:
        known = NAMESPACES.get(match.group(2).decode())
        return match.group(0) if known is None else match.group(1) + (
            _TRANSITIONAL + known).encode()

    def relationship_type(match: re.Match[bytes]) -> bytes:
        kind = match.group(2).decode()
        return match.group(1) + (f"{_TRANSITIONAL}officeDocument/2006/relationships/"
                                 f"{RELATIONSHIP_NAMES.get(kind, kind)}").encode()

    if _STRICT.encode() not in content:
        return content
    return _RELATIONSHIP_TYPE.sub(relationship_type, _DECLARATION.sub(namespace, content))


def transitional(path: Path, package: PackageReport, limits: Limits) -> tuple[bytes, PackageReport]:
    """The checked strict package ``package`` (``check_package(keep=True)``) as a transitional
    one: its content, and ``check_package``'s report on it (the reader's parts come from
    there). ``package.contents`` is closed."""
    from jixiao.xlsx.guard import check_package

    archive = package.contents
    assert archive is not None
    out = io.BytesIO()
    with archive, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as copy:
        for info in archive.infolist():
            content = archive.read(info)
            if _XML.match(content):
                content = transitional_part(content)
            copy.writestr(info, content)
    data = out.getvalue()
    return data, check_package(path, data, limits, keep=True, skip_sheets=True)


__all__ = ["NAMESPACES", "RELATIONSHIP_NAMES", "is_strict", "strict_refusal", "transitional",
           "transitional_part"]
