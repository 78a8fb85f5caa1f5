"""Small edits of an XML part's text that leave every other byte as it was.

The annotated copy (``xlsx.annotate_package``) changes a few elements and attributes of
parts a program wrote; re-serialising them through a parser would rename namespace
prefixes (breaking ``mc:Ignorable``), drop declarations and reorder attributes. Here an
element is found by scanning its tags, an edit is a replacement of a span of the text,
and the result is checked well-formed by an XML parser before it is written. A part
holding comments, processing instructions or CDATA after its declaration is not edited
(``CannotEdit``): the scan would not see them for what they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jixiao.xlsx.xml import ATTRIBUTES


class CannotEdit(Exception):
    """The part is not one these edits can change safely: write the copy another way."""


@dataclass(frozen=True)
class Element:
    name: str        # as written, with its prefix: "x:row"
    start: int       # "<"
    open_end: int    # after the start tag's ">"
    close_start: int  # "</" of its end tag (open_end for an empty element)
    end: int         # after the end tag

    @property
    def local(self) -> str:
        return self.name.rsplit(":", 1)[-1]

    @property
    def prefix(self) -> str:
        """"x:" or ""."""
        return self.name[:len(self.name) - len(self.local)]

    @property
    def empty(self) -> bool:
        return self.close_start == self.open_end == self.end


_PROLOG = re.compile(r"\ufeff?(?:<\?xml[^>]*\?>)?\s*")
_TAG = re.compile(rf"<(/?)((?:[\w.-]+:)?[\w.-]+)({ATTRIBUTES})(/?)>")


def root(text: str) -> Element:
    """The document element; ``CannotEdit`` for comments, processing instructions, CDATA
    or a DTD anywhere after the declaration."""
    start = _PROLOG.match(text).end()  # type: ignore[union-attr]
    if "<!" in text[start:] or "<?" in text[start:]:
        raise CannotEdit("comments, processing instructions, CDATA or a DTD")
    tag = _TAG.match(text, start)
    if tag is None or tag.group(1):
        raise CannotEdit("no document element")
    name = tag.group(2)
    if tag.group(4):
        return Element(name, start, tag.end(), tag.end(), tag.end())
    close = text.rfind(f"</{name}")
    if close < tag.end():
        raise CannotEdit("the document element is not closed")
    return Element(name, start, tag.end(), close, text.index(">", close) + 1)


def children(text: str, parent: Element, skip: tuple[str, ...] = ()) -> list[Element]:
    """The child elements of ``parent`` in order. The content of a child whose local name
    is in ``skip`` is passed over unread (a sheet's ``sheetData``)."""
    found: list[Element] = []
    depth, position = 0, parent.open_end
    opened: tuple[str, int, int] | None = None
    while True:
        tag = _TAG.search(text, position, parent.close_start)
        if tag is None:
            break
        closing, name, _, empty = tag.groups()
        position = tag.end()
        if closing:
            depth -= 1
            if depth < 0:
                raise CannotEdit(f"unbalanced </{name}>")
            if depth == 0:
                assert opened is not None
                if opened[0] != name:
                    raise CannotEdit(f"<{opened[0]}> closed by </{name}>")
                found.append(Element(name, opened[1], opened[2], tag.start(), tag.end()))
            continue
        if empty:
            if depth == 0:
                found.append(Element(name, tag.start(), tag.end(), tag.end(), tag.end()))
            continue
        if depth == 0:
            opened = (name, tag.start(), tag.end())
            if name.rsplit(":", 1)[-1] in skip:
                close = text.find(f"</{name}", tag.end(), parent.close_start)
                if close < 0:
                    raise CannotEdit(f"<{name}> is not closed")
                position = close
        depth += 1
    if depth:
        raise CannotEdit("an element is not closed")
    return found


def first(elements: list[Element], prefix: str, local: str) -> Element | None:
    return next((item for item in elements if item.name == prefix + local), None)


_DECLARATION = re.compile(r"""\sxmlns(?::([\w.-]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def namespaces(start_tag: str) -> dict[str, str]:
    """prefix ("" for the default) → namespace declared in a start tag."""
    return {(found.group(1) or ""): (found.group(2) if found.group(2) is not None
                                      else found.group(3))
            for found in _DECLARATION.finditer(start_tag)}


def checked_root(text: str, namespace: str, local: str) -> tuple[Element, str]:
    """The document element, which must be ``local`` in ``namespace``, and its prefix."""
    element = root(text)
    declared = namespaces(text[element.start:element.open_end])
    if element.local != local or declared.get(element.prefix.rstrip(":")) != namespace:
        raise CannotEdit(f"not a <{local}> in {namespace}")
    return element, element.prefix


def start_tag(text: str, element: Element) -> str:
    return text[element.start:element.open_end]


def attribute_value(tag: str, name: str) -> str | None:
    found = re.search(rf"""\s{re.escape(name)}\s*=\s*(?:"([^"]*)"|'([^']*)')""", tag)
    if found is None:
        return None
    from jixiao.xlsx.xml import unescape

    return unescape(found.group(1) if found.group(1) is not None else found.group(2))


def with_attribute(tag: str, name: str, value: str | None) -> str:
    """A start tag with attribute ``name`` set to ``value`` (escaped here), or removed (None)."""
    pattern = re.compile(rf"""\s{re.escape(name)}\s*=\s*(?:"[^"]*"|'[^']*')""")
    tag = pattern.sub("", tag)
    if value is None:
        return tag
    at = len(tag) - (2 if tag.endswith("/>") else 1)
    while at > 0 and tag[at - 1].isspace():
        at -= 1
    return f'{tag[:at]} {name}="{escape(value, quotes=True)}"{tag[at:]}'


_INVALID = {code: None for code in range(32) if code not in (9, 10, 13)}


def escape(text: str, quotes: bool = False) -> str:
    """Text for XML content (or an attribute value: ``quotes``), without the characters
    XML cannot hold."""
    text = text.translate(_INVALID).replace("\ufffe", "").replace("\uffff", "")
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if quotes:
        text = text.replace('"', "&quot;").replace("\n", "&#10;").replace("\r", "&#13;") \
            .replace("\t", "&#9;")
    return text


_ESCAPE_LIKE = re.compile("(_x[0-9a-fA-F]{4}_)")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xstring(text: str) -> str:
    """Text for a spreadsheet string element (ST_Xstring): a literal _xHHHH_ escaped so that
    no program decodes it, a control character written as _xHHHH_, then XML-escaped."""
    if "_x" in text:
        text = _ESCAPE_LIKE.sub(r"_x005F\1", text)
    text = _CONTROL.sub(lambda match: f"_x{ord(match.group()):04X}_", text)
    return escape(text)


class Edits:
    """Replacements of spans of one text, applied at once; insertions at one position
    keep the order of their ``rank`` (then the order they were added in)."""

    def __init__(self) -> None:
        self._items: list[tuple[int, int, float, int, str]] = []

    def replace(self, start: int, end: int, text: str) -> None:
        self._items.append((start, end, 1.0, len(self._items), text))

    def insert(self, at: int, text: str, rank: float = 0.0) -> None:
        self._items.append((at, at, rank, len(self._items), text))

    def __bool__(self) -> bool:
        return bool(self._items)

    def apply(self, text: str) -> str:
        pieces, position = [], 0
        for start, end, _, _, new in sorted(self._items, key=lambda item: item[:4]):
            if start < position:
                raise CannotEdit("two edits of one span")
            pieces.append(text[position:start])
            pieces.append(new)
            position = end
        pieces.append(text[position:])
        return "".join(pieces)


def well_formed(data: bytes) -> None:
    """``CannotEdit`` unless an XML parser reads ``data`` without an error."""
    from xml.parsers import expat

    try:
        expat.ParserCreate().Parse(data, True)
    except expat.ExpatError as error:
        raise CannotEdit(f"the edited part is not well-formed: {error}") from None


__all__ = ["CannotEdit", "Edits", "Element", "attribute_value", "checked_root", "children",
           "escape", "first", "namespaces", "root", "start_tag", "well_formed", "with_attribute",
           "xstring"]
