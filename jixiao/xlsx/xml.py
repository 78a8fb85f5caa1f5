"""XML as jixiao reads it: the defused parse, the entity unescape, and the regular-expression
pieces that find an element's attributes and content without a parser."""

from __future__ import annotations

import re
from typing import Any

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"  # SpreadsheetML
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"


def parse_xml(data: bytes) -> Any:
    """``ElementTree.fromstring`` that refuses DTDs, entities and external references.

    Raises ``xml.etree.ElementTree.ParseError`` for what is not well-formed
    and for those attacks alike, so callers catch one exception.
    """
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        return fromstring(data, forbid_dtd=True)
    except DefusedXmlException as error:
        raise ParseError(f"forbidden XML: {error}") from None


def parse_small(data: bytes) -> Any:
    """A small part, parsed as ``parse_xml`` does; None when it is empty or not well-formed."""
    if not data:
        return None
    try:
        return parse_xml(data)
    except (ValueError, SyntaxError):
        return None


_ENTITY = re.compile(r"&(#x[0-9A-Fa-f]+|#\d+|lt|gt|amp|quot|apos);")
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}


def unescape(text: str) -> str:
    """XML text or an attribute value as a parser gives it: the five named entities and
    character references replaced (ValueError for a reference to no character)."""
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


# Every pattern built from these is linear in the text, whatever it holds: none can run
# past the next "<" of a tag or the next start of its own element (XML allows no "<" in an
# attribute value and no <c> inside a <c>).
#
# A start tag's attributes; a value may hold ">" (XML allows it, Excel never writes it).
ATTRIBUTES = r"""(?:[^<>"']|"[^"<]*"|'[^'<]*')*?"""


def element_content(*tags: str) -> str:
    """A pattern for an element's content up to its end tag: anything but a start of ``tags``."""
    return rf"(?:[^<]++|<(?!(?:[\w.-]+:)?(?:{'|'.join(tags)})[\s/>]))*?"


__all__ = ["ATTRIBUTES", "MAIN", "PACKAGE_RELATIONSHIPS", "RELATIONSHIPS", "element_content", "parse_small", "parse_xml", "unescape"]
