"""Links out of a workbook (other files, DDE, OLE, data connections), found as text in the
parts ``check_package`` scanned: never followed, never run (``JX901`` reports them)."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from urllib.parse import unquote

from jixiao.model import ExternalContent
from jixiao.xlsx.book import read_relationships, relationships_part
from jixiao.xlsx.scan import LINK_PARTS, MemberScanner
from jixiao.xlsx.xml import RELATIONSHIPS, parse_small

# jixiao's own add-in (and the two it replaced): Excel stores a JX_ function of the add-in
# as [1]!JX_SCORE(…) with a link to the .xlam — the add-in's code, no data of another file
OWN_ADDINS = frozenset(("jixiao.xlam", "jixiao_recalc.xlam", "jixiao_check.xlam"))


def _own_addin(target: str) -> bool:
    return re.split(r"[\\/]", target)[-1].lower() in OWN_ADDINS


def external_content(scanners: dict[str, MemberScanner]) -> list[ExternalContent]:
    """The DDE formulas the scanners noted, and the links of the link parts they kept."""
    found: list[ExternalContent] = []
    sheets = _sheet_names(scanners) if any(scanner.dde for scanner in scanners.values()) else {}
    for part, scanner in scanners.items():
        for cell, formula in scanner.dde:
            found.append(ExternalContent("dde", formula, part, sheets.get(part), cell))
        if scanner.keep is None or not LINK_PARTS.search(part):
            continue
        root = parse_small(bytes(scanner.keep))
        if root is None:
            continue
        local = part.rsplit("/", 1)[-1].lower()
        if local == "connections.xml":
            for element in root.iter():
                if element.tag.endswith("}connection"):
                    target = (element.get("name") or element.get("odcFile")
                              or element.get("sourceFile") or "")
                    found.append(ExternalContent("connection", target, part))
            continue
        targets = _relationship_targets(scanners, part)
        for element in root.iter():
            tag = element.tag.rsplit("}", 1)[-1]
            if tag == "externalBook":
                rid = element.get(f"{{{RELATIONSHIPS}}}id", "")
                if not _own_addin(targets.get(rid, rid)):
                    found.append(ExternalContent("link", shown_target(targets.get(rid, rid)), part))
            elif tag == "ddeLink":
                found.append(ExternalContent(
                    "dde", f"{element.get('ddeService', '')}|{element.get('ddeTopic', '')}", part))
            elif tag == "oleLink":
                rid = element.get(f"{{{RELATIONSHIPS}}}id", "")
                found.append(ExternalContent("ole", f"{element.get('progId', '')} "
                                                    f"{targets.get(rid, rid)}".strip(), part))
    return found


def _sheet_names(scanners: dict[str, MemberScanner]) -> dict[str, str]:
    """Worksheet part → sheet name, from workbook.xml and its relationships."""
    names = {}
    for part, scanner in scanners.items():
        if not part.lower().endswith("workbook.xml") or scanner.keep is None:
            continue
        root = parse_small(bytes(scanner.keep))
        if root is None:
            continue
        folder = posixpath.dirname(part)
        targets = _relationship_targets(scanners, part)
        for element in root.iter():
            if element.tag.endswith("}sheet"):
                target = targets.get(element.get(f"{{{RELATIONSHIPS}}}id", ""), "")
                resolved = (target.lstrip("/") if target.startswith("/")
                            else posixpath.normpath(posixpath.join(folder, target)))
                names[resolved] = element.get("name", "")
    return names


def _relationship_targets(scanners: dict[str, MemberScanner], part: str) -> dict[str, str]:
    folder, local = posixpath.split(part)
    rels = scanners.get(posixpath.join(folder, "_rels", local + ".rels"))
    root = parse_small(bytes(rels.keep)) if rels is not None and rels.keep is not None else None
    if root is None:
        return {}
    return {element.get("Id", ""): element.get("Target", "") for element in root.iter()
            if element.tag.endswith("}Relationship")}


def shown_target(target: str) -> str:
    """A link's target as the clerk knows the file: percent escapes decoded, and a Windows
    path written with backslashes (``file:///D:/%E9%A2%84%E7%AE%97/a.xlsx`` → ``D:\\预算\\a.xlsx``,
    ``file://///server/share/a.xlsx`` → ``\\\\server\\share\\a.xlsx``); a web address stays one."""
    text = unquote(target)
    local = re.sub(r"^file:/*", "", text, flags=re.IGNORECASE) if re.match(
        r"file:", text, re.IGNORECASE) else None
    if local is not None and re.match(r"[A-Za-z]:[\\/]", local):
        return local.replace("/", "\\")
    if local is not None and re.match(r"file:/{4,}", text, re.IGNORECASE):  # a network share
        return "\\\\" + local.replace("/", "\\")
    if local is not None:  # file:///home/a.xlsx
        return "/" + local
    if re.match(r"[A-Za-z]:[\\/]", text):
        return text.replace("/", "\\")
    return text


@dataclass
class LinkedBook:
    """Another workbook a formula names as ``[n]``, with the values Excel last read from it
    and kept in the link part (``<sheetDataSet>``): SHEET (upper-cased) → {cell → value};
    an error value (#REF!) is no value and left out."""

    target: str                                   # as shown (``shown_target``)
    cached: dict[str, dict[str, float | str | bool]] = field(default_factory=dict)


def linked_books(members: dict[str, bytes], workbook_part: str) -> dict[int, LinkedBook]:
    """The workbook's external links by their number in formulas (``[1]`` is the first
    ``<externalReference>``); jixiao's own add-in among them too (its ``[1]!JX_…`` are
    functions). Parts that cannot be read are left out: nothing here is needed to read."""
    root = parse_small(members.get(workbook_part, b""))
    if root is None:
        return {}
    rels = _targets(members, workbook_part)
    books = {}
    references = [element for element in root.iter() if element.tag.endswith("}externalReference")]
    for number, element in enumerate(references, start=1):
        part = rels.get(element.get(f"{{{RELATIONSHIPS}}}id", ""))
        link = parse_small(members.get(part, b"")) if part else None
        if link is None:
            continue
        book = next((item for item in link.iter() if item.tag.endswith("}externalBook")), None)
        if book is None:
            continue
        target = _targets(members, part).get(book.get(f"{{{RELATIONSHIPS}}}id", ""), "")
        linked = books[number] = LinkedBook(shown_target(target))
        names = [item.get("val", "") for item in book.iter() if item.tag.endswith("}sheetName")]
        for data in (item for item in book.iter() if item.tag.endswith("}sheetData")):
            index = data.get("sheetId", "")
            if not index.isdigit() or int(index) >= len(names):
                continue
            cells = linked.cached.setdefault(names[int(index)].upper(), {})
            for cell in (item for item in data.iter() if item.tag.endswith("}cell")):
                value = next((item.text for item in cell if item.tag.endswith("}v")), None)
                if value is not None and cell.get("r") and cell.get("t") != "e":
                    cells[cell.get("r", "").replace("$", "").upper()] = _typed(
                        value, cell.get("t", "n"))
    return books


def _typed(text: str, kind: str) -> float | str | bool:
    if kind == "b":
        return text.strip() in ("1", "true")
    if kind in ("str", "s", "inlineStr"):
        return text
    try:
        return float(text)
    except ValueError:
        return text


def _targets(members: dict[str, bytes], part: str) -> dict[str, str]:
    """Relationship id → target (a part, or an external address as written)."""
    rels = relationships_part(part)
    if rels not in members:
        return {}
    try:
        return {rel.id: rel.target for rel in read_relationships(rels, members[rels])}
    except (SyntaxError, ValueError):
        return {}


__all__ = ["LinkedBook", "external_content", "linked_books", "shown_target"]
