"""Links out of a workbook (other files, DDE, OLE, data connections), found as text in the
parts ``check_package`` scanned: never followed, never run (``JX901`` reports them)."""

from __future__ import annotations

import posixpath
import re

from jixiao.model import ExternalContent
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
                    found.append(ExternalContent("link", targets.get(rid, rid), part))
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


__all__ = ["external_content"]
