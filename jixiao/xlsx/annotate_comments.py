"""A sheet's comments part and its legacy VML drawing with the annotated copy's notes:
appended to those the sheet has (a note on a cell that has one by another author keeps
its text, ours after "\\n—\\n"), or new parts. jixiao's lines of an earlier annotation
are known by their form ("[JXnnn 级别] …", ``our_spans``), not by the note's author (a
program that saves the copy may rename it: LibreOffice writes " "), and taken off first.
A note box is sized by one rule (``NOTE_WIDTH``, ``note_height``): a box jixiao draws has
that size; a box of another author's note jixiao adds its lines to grows by that height
and is made at least that wide.

Over 400 lines: a note's text and its box are edited together (the comments part, then
the VML drawing's shapes: removed, resized, added), each part by its own functions.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from jixiao.xlsx.refs import split_ref
from jixiao.xlsx.xml import MAIN, unescape
from jixiao.xlsx.xmledit import (
    CannotEdit,
    Edits,
    attribute_value,
    checked_root,
    children,
    escape,
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


NOTE_WIDTH = 320  # px: a note box jixiao draws; at least that of a note it adds lines to


def note_height(findings: int) -> int:
    """The height (px) of a note box holding ``findings`` lines of jixiao's; what the box of
    another author's note grows by when they are added to it (the 40 px a box starts with
    hold the separator line)."""
    return 40 + 40 * findings


@dataclass(frozen=True)
class Note:
    ref: str     # the cell
    text: str    # jixiao's text
    height: int  # of its box, in pixels: ``note_height``


# jixiao's own lines in a note: "[JX402 错误] …" (``report.annotate`` writes them so)
OUR_LINE = re.compile(r"\[JX\d+ (?:错误|警告|提示)\] ")
THREADED_AUTHOR = "tc="  # the author of a threaded comment's legacy placeholder: "tc={GUID}"


def our_spans(text: str) -> list[tuple[int, int]]:
    """Where jixiao's lines are in a note's ``text``, whoever its author (LibreOffice
    writes every note's author as " "): each line that starts "[JXnnn 级别] ", and a
    line "—" (the middle of ``SEPARATOR``) right before one, each with the line break
    that joins it to the rest. ``text`` without these spans is the unit's part of it."""
    lines, offset = [], 0
    for line in text.split("\n"):
        lines.append((offset, offset + len(line), line))
        offset += len(line) + 1
    ours = [OUR_LINE.match(line.lstrip()) is not None for _, _, line in lines]
    for number in range(len(lines) - 2, -1, -1):
        if lines[number][2].strip() == SEPARATOR.strip() and ours[number + 1]:
            ours[number] = True
    spans, kept_before = [], False
    for number, (start, end, _) in enumerate(lines):
        if not ours[number]:
            kept_before = True
        elif kept_before:
            spans.append((start - 1, end))  # the break before it
        else:
            spans.append((start, min(end + 1, len(text))))  # the break after it
    return spans


def without_ours(text: str) -> str:
    """A note's ``text`` without jixiao's lines (``our_spans``)."""
    return _cut(text, 0, our_spans(text))


def _cut(text: str, offset: int, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` (found at ``offset`` in a note's text) without what ``spans`` cover."""
    kept, position = [], 0
    for start, end in spans:
        start, end = max(start - offset, position), min(end - offset, len(text))
        if start < end:
            kept.append(text[position:start])
            position = end
    return "".join(kept) + text[position:]


def noted_cells(text: str | None) -> set[str]:
    """The cells whose note in comments part ``text`` holds jixiao's lines (``our_spans``;
    a threaded comment's placeholder aside): an earlier annotation marked them."""
    if text is None:
        return set()
    try:
        root, p = checked_root(text, MAIN, "comments")
    except CannotEdit:
        return set()
    comment_list = first(children(text, root), p, "commentList")
    found = set()
    for item in children(text, comment_list) if comment_list is not None else []:
        ref = attribute_value(start_tag(text, item), "ref")
        body = first(children(text, item), p, "text") if item.name == p + "comment" else None
        if ref and body is not None and not body.empty and \
                our_spans("".join(piece for _, _, piece in _pieces(text, body, p))):
            found.add(ref.upper())
    return found


@dataclass(frozen=True)
class Comments:
    text: str              # the comments part
    shaped: list[Note]     # the notes that need a shape in the VML drawing (new comments)
    removed: list[str]     # cells whose comment (jixiao's, of an earlier annotation) is gone
    rewritten: dict[str, int]  # cell of jixiao's note with new text → its box's height (px)
    added_to: dict[str, int]   # cell of another author's note → the height jixiao's lines
    #                            now in it take (px; 0: none)


def comments_part(text: str | None, notes: Sequence[Note], author: str) -> Comments:
    """The comments part with ``notes``, and without jixiao's marks of an earlier
    annotation, recognised by their text (``our_spans``), not by their author: a program
    that saves the copy may rename every author (LibreOffice: " "). A comment holding
    jixiao's lines only is jixiao's: replaced by the cell's note (by ``author`` again), or
    removed where the cell has none now. Another comment keeps its author and the rest of
    its text, runs and their formatting; jixiao's lines in it are taken off, and its note
    goes after it, after ``SEPARATOR``. The placeholder of a threaded comment (author
    "tc={…}") is left as it is: Excel 365 shows the thread, not the placeholder, and the
    thread is linked by that author."""
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
    existing = {}
    for item in children(text, comment_list):
        ref = attribute_value(start_tag(text, item), "ref")
        if item.name == p + "comment" and ref:
            existing[ref.upper()] = item
    wanted = {note.ref.upper(): note for note in notes}
    shaped, added, removed = [], [], []
    rewritten: dict[str, int] = {}
    added_to: dict[str, int] = {}
    renamed = False  # a note of jixiao's given back its author
    for ref, comment in existing.items():
        tag = start_tag(text, comment)
        given = attribute_value(tag, "authorId") or "0"
        by = names[int(given)] if given.isdigit() and int(given) < len(names) else ""
        note = wanted.pop(ref, None)
        if by.startswith(THREADED_AUTHOR):
            continue  # the cell's fill and the findings sheet show it
        body = first(children(text, comment), p, "text")
        if body is None or body.empty:
            raise CannotEdit("a comment without text")
        pieces = _pieces(text, body, p)
        plain = "".join(piece for _, _, piece in pieces)
        spans = our_spans(plain)
        if spans and not _cut(plain, 0, spans).strip():  # jixiao's note
            if note is None:
                edits.replace(comment.start, comment.end, "")
                removed.append(ref)
            else:
                edits.replace(body.open_end, body.close_start,
                              f'<{p}t xml:space="preserve">{xstring(note.text)}</{p}t>')
                if by != author:
                    renamed = True
                    edits.replace(comment.start, comment.open_end,
                                  with_attribute(tag, "authorId", str(ours)))
                rewritten[ref] = note.height
            continue
        _strip_ours(edits, text, pieces, spans, p)
        added_to[ref] = 0 if note is None else note.height
        if note is not None:
            tail = next((item.start for item in children(text, body)
                         if item.local in ("rPh", "phoneticPr")), body.close_start)
            edits.insert(tail, f'<{p}r><{p}t xml:space="preserve">'
                               f"{xstring(SEPARATOR + note.text)}</{p}t></{p}r>")
    for note in wanted.values():
        added.append(f'<{p}comment ref="{note.ref}" authorId="{ours}" shapeId="0"><{p}text>'
                     f'<{p}t xml:space="preserve">{xstring(note.text)}</{p}t></{p}text>'
                     f"</{p}comment>")
        shaped.append(note)
    if (added or renamed) and ours == len(names):
        _append(edits, text, authors, f"<{p}author>{xstring(author)}</{p}author>", p)
    if added:
        _append(edits, text, comment_list, "".join(added), p)
    result = edits.apply(text)
    well_formed(result.encode("utf-8"))
    return Comments(result, shaped, removed, rewritten, added_to)


def _pieces(text: str, body, p: str) -> list:  # type: ignore[no-untyped-def]
    """(run or ``<t>``, its ``<t>``, its text) of each piece of a note's text, in order
    (phonetic runs aside): a program may split one line into runs (LibreOffice: by script)."""
    found = []
    for item in children(text, body):
        t = item if item.local == "t" else first(children(text, item), p, "t") \
            if item.local == "r" else None
        if t is not None:
            found.append((item, t, "" if t.empty else _text(text, t.open_end, t.close_start)))
    return found


def _strip_ours(edits: Edits, text: str, pieces, spans: Sequence[tuple[int, int]],  # type: ignore[no-untyped-def]
                p: str) -> None:
    """Take jixiao's lines (``spans`` of the note's text) off another author's note: a
    piece they cover entirely goes, one they cover in part keeps the rest of its text."""
    if not spans:
        return
    offset = 0
    for run, t, piece in pieces:
        kept = _cut(piece, offset, spans)
        offset += len(piece)
        if kept == piece:
            continue
        if not kept:
            edits.replace(run.start, run.end, "")
            continue
        tag = with_attribute(start_tag(text, t), "xml:space", "preserve")
        edits.replace(t.start, t.end, f"{tag}{escape(kept)}</{t.name}>")


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


_SHAPE = re.compile(r"<(?:[\w.-]+:)?shape\b[^>]*?(?<!/)>.*?</(?:[\w.-]+:)?shape\s*>", re.S)
_ROW = re.compile(r"<(?:[\w.-]+:)?Row\s*>\s*(\d+)\s*<")
_COLUMN = re.compile(r"<(?:[\w.-]+:)?Column\s*>\s*(\d+)\s*<")


def vml_without(vml: str, refs: Sequence[str]) -> str:
    """``vml`` without the note boxes of cells ``refs`` (their comments were removed)."""
    if not refs:
        return vml
    cells = set()
    for ref in refs:
        row, column = split_ref(ref)
        cells.add((row - 1, column - 1))

    def kept(shape: re.Match[str]) -> str:
        body = shape.group(0)
        row, column = _ROW.search(body), _COLUMN.search(body)
        if ('ObjectType="Note"' in body and row and column
                and (int(row.group(1)), int(column.group(1))) in cells):
            return ""
        return body

    return _SHAPE.sub(kept, vml)


@dataclass(frozen=True)
class Resize:
    """How a note's box changes: first what an earlier annotation made it wider and taller
    (``undone``, px) is taken off; then it is ``height`` px tall (None: ``taller`` px
    taller) and at least ``width`` px wide."""

    undone: tuple[int, int] = (0, 0)
    height: int | None = None
    taller: int = 0
    width: int = 0


_NOTE = re.compile(r"""\bObjectType\s*=\s*["']Note["']""")
_STYLE = re.compile(r"""(\sstyle\s*=\s*)(["'])(.*?)\2""", re.S)
_LENGTH = re.compile(r"^\s*(\d+(?:\.\d*)?|\.\d+)\s*(px|pt|in|cm|mm)?\s*$", re.I)
_PIXELS = {"": 1.0, "px": 1.0, "pt": 96 / 72, "in": 96.0, "cm": 96 / 2.54, "mm": 96 / 25.4}
_ANCHOR = re.compile(r"(<(?:[\w.-]+:)?Anchor\s*>)([^<]*)(</)")
_FURTHEST = 10_000  # rows or columns a box's edge moves across at most (hidden ones: 0 px)
_SMALLEST = 20  # px: a box shrunk back (by what an earlier annotation grew it) is no smaller


def vml_resized(vml: str, boxes: Mapping[str, Resize], row_height: Callable[[int], int],
                column_width: Callable[[int], int]) -> tuple[str, dict[str, tuple[int, int]]]:
    """``vml`` with the note boxes of cells ``boxes`` resized: the shape's ``width`` and
    ``height`` (in the unit they were written in), and the right and bottom of its
    ``x:Anchor`` (the cell and pixel offset Excel places the box by) moved as far, through
    rows and columns ``row_height`` and ``column_width`` (0-based, px) tall and wide. The
    box's top left stays where it was. And how much wider and taller each box is than it
    was with ``undone`` taken off (cell → px, px)."""
    grown: dict[str, tuple[int, int]] = {}
    if not boxes:
        return vml, grown
    wanted = {}
    for ref, box in boxes.items():
        row, column = split_ref(ref)
        wanted[(row - 1, column - 1)] = (ref, box)

    def resized(shape: re.Match[str]) -> str:
        body = shape.group(0)
        row, column = _ROW.search(body), _COLUMN.search(body)
        if not (_NOTE.search(body) and row and column):
            return body
        ref, box = wanted.get((int(row.group(1)), int(column.group(1))), (None, None))
        tag_end = body.find(">") + 1
        style = _STYLE.search(body, 0, tag_end)
        if box is None or style is None:
            return body
        declarations = [item.partition(":") for item in style.group(3).split(";")]
        sizes = {name.strip().lower(): _LENGTH.match(value) for name, _, value in declarations}
        if not (sizes.get("width") and sizes.get("height")):
            return body
        width, height = (round(float(sizes[name].group(1))  # type: ignore[union-attr]
                               * _PIXELS[(sizes[name].group(2) or "").lower()])  # type: ignore[union-attr]
                         for name in ("width", "height"))
        first_width = max(width - box.undone[0], _SMALLEST)
        first_height = max(height - box.undone[1], _SMALLEST)
        new_width = max(first_width, box.width)
        new_height = first_height + box.taller if box.height is None else box.height
        grown[ref] = (new_width - first_width, new_height - first_height)
        if (new_width, new_height) == (width, height):
            return body
        written = {"width": new_width, "height": new_height}
        text = ";".join(
            f"{name}:{_length(written[name.strip().lower()], sizes[name.strip().lower()])}"
            if name.strip().lower() in written else f"{name}{colon}{value}"
            for name, colon, value in declarations)
        body = body[:style.start(3)] + text + body[style.end(3):]
        return _ANCHOR.sub(lambda anchor: _anchored(anchor, new_width - width, new_height - height,
                                                    row_height, column_width), body, count=1)

    return _SHAPE.sub(resized, vml), grown


def _length(pixels: int, written: re.Match[str] | None) -> str:
    if written is not None and (written.group(2) or "").lower() == "pt":
        return f"{pixels * 0.75:g}pt"
    return f"{pixels}px"


def _anchored(anchor: re.Match[str], wider: int, taller: int, row_height: Callable[[int], int],
              column_width: Callable[[int], int]) -> str:
    """An ``x:Anchor`` (LeftColumn, LeftOffset, TopRow, TopOffset, RightColumn, RightOffset,
    BottomRow, BottomOffset; the offsets in px from the cell's left or top edge, ECMA-376
    Part 4 §19.4.2.3 as Office reads it, MS-OI29500 2.1.1857) whose right edge is ``wider``
    px further right and bottom edge ``taller`` px further down."""
    value = anchor.group(2)
    numbers = [item.strip() for item in value.split(",")]
    if len(numbers) != 8 or not all(item.isdigit() for item in numbers):
        return anchor.group(0)  # not one Office reads: left as it is
    cells = [int(item) for item in numbers]
    cells[4], cells[5] = _moved(cells[4], cells[5] + wider, column_width)
    cells[6], cells[7] = _moved(cells[6], cells[7] + taller, row_height)
    lead = value[:len(value) - len(value.lstrip())]
    return f"{anchor.group(1)}{lead}{', '.join(map(str, cells))}{anchor.group(3)}"


def _moved(cell: int, offset: int, size: Callable[[int], int]) -> tuple[int, int]:
    """(cell, offset within it) of a point ``offset`` px past the start of ``cell``."""
    while offset < 0 and cell > 0:
        cell -= 1
        offset += size(cell)
    offset = max(offset, 0)
    for _ in range(_FURTHEST):
        if not (offset >= size(cell) > 0 or (size(cell) == 0 and offset > 0)):
            break
        offset -= size(cell)
        cell += 1
    return cell, offset


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
            f"margin-left:59.25pt;margin-top:1.5pt;width:{NOTE_WIDTH}px;height:{note.height}px;z-index:1;"
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


__all__ = ["OUR_LINE", "SEPARATOR", "THREADED_AUTHOR", "Comments", "Note", "comments_part", "idmap_blocks",
           "noted_cells", "our_spans", "without_ours",
           "NOTE_WIDTH", "Resize", "new_vml", "note_height", "vml_resized", "vml_with_notes",
           "vml_without"]
