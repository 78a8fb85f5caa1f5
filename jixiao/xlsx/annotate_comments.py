"""A sheet's comments part and its legacy VML drawing with the annotated copy's notes:
appended to those the sheet has (a note on a cell that has one by another author keeps
its text, ours after "\\n—\\n"), or new parts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from jixiao.xlsx.refs import split_ref
from jixiao.xlsx.xml import MAIN, unescape
from jixiao.xlsx.xmledit import (
    CannotEdit,
    Edits,
    attribute_value,
    checked_root,
    children,
    first,
    start_tag,
    well_formed,
    with_attribute,
    xstring,
)

SEPARATOR = "\n—\n"
_VML = "urn:schemas-microsoft-com:vml"
_OFFICE = "urn:schemas-microsoft-com:office:office"
_EXCEL = "urn:schemas-microsoft-com:office:excel"


@dataclass(frozen=True)
class Note:
    ref: str     # the cell
    text: str    # jixiao's text
    height: int  # of its box, in pixels


def comments_part(text: str | None, notes: Sequence[Note], author: str) -> tuple[str, list[Note]]:
    """The comments part with ``notes``; and the notes that need a shape in the VML drawing
    (those on a cell without a comment so far)."""
    if text is None:
        text = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<comments xmlns="{MAIN}"><authors/><commentList/></comments>')
    root, p = checked_root(text, MAIN, "comments")
    parts = children(text, root)
    authors, comment_list = first(parts, p, "authors"), first(parts, p, "commentList")
    if authors is None or comment_list is None:
        raise CannotEdit("comments without authors or commentList")
    edits = Edits()
    names = [_text(text, item.open_end, item.close_start) for item in children(text, authors)
             if item.name == p + "author"]
    ours = names.index(author) if author in names else len(names)
    if ours == len(names):
        _append(edits, text, authors, f"<{p}author>{xstring(author)}</{p}author>", p)
    existing = {}
    for item in children(text, comment_list):
        ref = attribute_value(start_tag(text, item), "ref")
        if item.name == p + "comment" and ref:
            existing[ref.upper()] = item
    shaped, added = [], []
    for note in notes:
        run = f'<{p}t xml:space="preserve">{xstring(note.text)}</{p}t>'
        comment = existing.get(note.ref.upper())
        if comment is None:
            added.append(f'<{p}comment ref="{note.ref}" authorId="{ours}" shapeId="0"><{p}text>'
                         f"{run}</{p}text></{p}comment>")
            shaped.append(note)
            continue
        tag = start_tag(text, comment)
        edits.replace(comment.start, comment.open_end, with_attribute(tag, "authorId", str(ours)))
        body = first(children(text, comment), p, "text")
        if body is None or body.empty:
            raise CannotEdit("a comment without text")
        pieces = children(text, body)
        given = attribute_value(tag, "authorId") or "0"
        if given.isdigit() and int(given) < len(names) and names[int(given)] == author:
            edits.replace(body.open_end, body.close_start, run)  # our own note: replaced
            continue
        tail = next((item.start for item in pieces if item.local in ("rPh", "phoneticPr")),
                    body.close_start)
        edits.insert(tail, f'<{p}r><{p}t xml:space="preserve">{xstring(SEPARATOR + note.text)}'
                           f"</{p}t></{p}r>")
    if added:
        _append(edits, text, comment_list, "".join(added), p)
    result = edits.apply(text)
    well_formed(result.encode("utf-8"))
    return result, shaped


def _append(edits: Edits, text: str, element, xml: str, prefix: str) -> None:  # type: ignore[no-untyped-def]
    if element.empty:
        tag = start_tag(text, element)
        edits.replace(element.start, element.end,
                      f"{tag[:-2].rstrip()}>{xml}</{element.name}>")
    else:
        edits.insert(element.close_start, xml)


def _text(text: str, start: int, end: int) -> str:
    return unescape(text[start:end])


_ROOT = re.compile(r"<xml(?=[\s>])[^>]*>")
_DECLARED = re.compile(r"""\sxmlns:([\w.-]+)\s*=\s*["']([^"']*)["']""")
_SHAPE_ID = re.compile(r"""_x0000_s(\d+)""")
_IDMAP = re.compile(r"""<(?:[\w.-]+:)?idmap\b[^>]*?\bdata\s*=\s*["']([^"']*)["']""")
_SHAPETYPE_202 = re.compile(r"""<(?:[\w.-]+:)?shapetype\b[^>]*?\bid\s*=\s*["']_x0000_t202["']""")


def idmap_blocks(vml: str) -> list[int]:
    """The shape-id blocks a VML drawing claims (``<o:idmap data="1,2">``)."""
    return [int(number) for found in _IDMAP.findall(vml)
            for number in re.split(r"[,\s]+", found) if number.isdigit()]


def new_vml(block: int) -> str:
    """An empty VML drawing for comments, whose shapes take ids in block ``block``."""
    return (f'<xml xmlns:v="{_VML}" xmlns:o="{_OFFICE}" xmlns:x="{_EXCEL}">'
            f'<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="{block}"/></o:shapelayout>'
            f"{_shapetype('v', 'o')}</xml>")


def _shapetype(v: str, o: str) -> str:
    return (f'<{v}:shapetype id="_x0000_t202" coordsize="21600,21600" {o}:spt="202" '
            f'path="m,l,21600r21600,l21600,xe"><{v}:stroke joinstyle="miter"/>'
            f'<{v}:path gradientshapeok="t" {o}:connecttype="rect"/></{v}:shapetype>')


def vml_with_notes(vml: str, notes: Sequence[Note]) -> str:
    """``vml`` with a hidden note box for each of ``notes``, as Excel and openpyxl draw them."""
    if not notes:
        return vml
    opening = _ROOT.search(vml)
    closing = vml.rfind("</xml>")
    if opening is None or closing < opening.end():
        raise CannotEdit("a VML drawing without its <xml> root")
    declared = {uri: prefix for prefix, uri in _DECLARED.findall(opening.group(0))}
    if not all(uri in declared for uri in (_VML, _OFFICE, _EXCEL)):
        raise CannotEdit("a VML drawing without the v, o and x prefixes")
    v, o, x = declared[_VML], declared[_OFFICE], declared[_EXCEL]
    blocks = idmap_blocks(vml) or [1]
    used = [int(number) for number in _SHAPE_ID.findall(vml)]
    number = max(used + [blocks[0] * 1024]) + 1
    shapes = [] if _SHAPETYPE_202.search(vml) else [_shapetype(v, o)]
    for note in notes:
        row, column = split_ref(note.ref)
        shapes.append(
            f'<{v}:shape id="_x0000_s{number}" type="#_x0000_t202" style="position:absolute;'
            f"margin-left:59.25pt;margin-top:1.5pt;width:320px;height:{note.height}px;z-index:1;"
            f'visibility:hidden" fillcolor="#ffffe1" {o}:insetmode="auto">'
            f'<{v}:fill color2="#ffffe1"/><{v}:shadow color="black" obscured="t"/>'
            f'<{v}:path {o}:connecttype="none"/><{v}:textbox style="mso-direction-alt:auto">'
            f'<div style="text-align:left"></div></{v}:textbox><{x}:ClientData ObjectType="Note">'
            f"<{x}:MoveWithCells/><{x}:SizeWithCells/><{x}:AutoFill>False</{x}:AutoFill>"
            f"<{x}:Row>{row - 1}</{x}:Row><{x}:Column>{column - 1}</{x}:Column>"
            f"</{x}:ClientData></{v}:shape>")
        number += 1
    result = vml[:closing] + "".join(shapes) + vml[closing:]
    try:
        well_formed(vml.encode("utf-8"))
    except CannotEdit:
        return result  # as loose as it came (old VML): only appended to
    well_formed(result.encode("utf-8"))
    return result


__all__ = ["SEPARATOR", "Note", "comments_part", "idmap_blocks", "new_vml", "vml_with_notes"]
