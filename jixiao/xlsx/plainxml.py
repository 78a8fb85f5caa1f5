"""Whether a regular expression reads an XML part exactly as an XML parser (openpyxl's)
would: ``document`` gives the part as text where it does, else raises ``Unsure``."""

from __future__ import annotations

import re

from jixiao.xlsx.xml import MAIN

# Parts python-calamine reads: it decodes _xHHHH_ escapes (openpyxl keeps them, and
# drops "x005F_" in shared strings), trims a text run that has no xml:space="preserve",
# and keeps the \r that an XML parser turns into \n.
_UNSURE_TEXT = re.compile(rb"_x[0-9A-Fa-f]{4}_|x005F_|\r|<!|purl\.oclc\.org"
                          rb"|<(?:[\w.-]+:)?t>(?:[ \t\n][^<]*|[^<]*[ \t\n])</")
_UNSURE_HINTS = (b"_x", b"x005F_", b"\r", b"<!", b"purl.oclc.org")
_UNTRIMMED = re.compile(rb"<(?:[\w.-]+:)?t>(?:[ \t\n][^<]*|[^<]*[ \t\n])</")


def unsure_text(xml: bytes) -> bool:
    """``_UNSURE_TEXT.search`` after the XML declaration, quicker: plain substring
    tests first."""
    xml = xml[_PROLOG.match(xml).end():]
    if any(hint in xml for hint in _UNSURE_HINTS):
        return _UNSURE_TEXT.search(xml) is not None
    return (b"t> " in xml or b"t>\t" in xml or b"t>\n" in xml or b" </" in xml
            or b"\t</" in xml or b"\n</" in xml) and _UNTRIMMED.search(xml) is not None


# Parts read here: what an XML parser reads differently from a regex, or refuses.
# every byte but the control characters XML refuses: translate() deletes these, leaves those
_CONTROL = bytes(byte for byte in range(256) if byte >= 32 or byte in (9, 10, 13))
_ENCODING = re.compile(rb"""\s*<\?xml[^>]*?encoding\s*=\s*["']([^"']*)""")
_ESCAPE = re.compile(rb"_x[0-9A-Fa-f]{4}_")
_REFERENCE = re.compile(rb"&(?:(lt;|gt;|amp;|quot;|apos;)|#([0-9]+);|#x([0-9A-Fa-f]+);|)")
_PROLOG = re.compile(rb"(?:\xef\xbb\xbf)?(?:<\?xml[^>]*\?>)?\s*")
_DEFAULT_NAMESPACE = re.compile(rb"xmlns\s*=")
_MAIN_BYTES = MAIN.encode()


def document(xml: bytes) -> str:
    """A part as text, where a regular expression reads it as an XML parser would.
    (The checks run on the bytes: quicker than on text with CJK characters.)"""
    if xml.startswith((b"\xff\xfe", b"\xfe\xff")) or xml.translate(None, _CONTROL):
        raise Unsure("UTF-16 or a control character")
    declared = _ENCODING.match(xml)
    if declared is not None and declared.group(1).lower() not in (b"utf-8", b"utf8"):
        raise Unsure("not UTF-8")
    if (xml.find(b"\r", _PROLOG.match(xml).end()) >= 0  # Excel ends its declaration with \r\n
            or (b"!" in xml and b"<!" in xml) or (b"]" in xml and b"]]>" in xml)
            or xml.find(b"<?", _PROLOG.match(xml).end()) >= 0
            or _ESCAPE.search(xml) is not None):
        raise Unsure("line ends, CDATA, comments, processing instructions or escapes")
    if b"&" in xml and not _references_are_sound(xml):
        raise Unsure("an entity an XML parser refuses")
    text = xml.decode()
    if "\ufffe" in text or "\uffff" in text:
        raise Unsure("not a character")
    return text


def _references_are_sound(xml: bytes) -> bool:
    """Whether every & starts a predefined entity or a reference to an XML character."""
    for named, decimal, hexadecimal in _REFERENCE.findall(xml):
        if named:
            continue
        if not decimal and not hexadecimal:
            return False  # a bare &, or an entity no DTD defines
        code = int(decimal) if decimal else int(hexadecimal, 16)
        if not (code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD
                or 0x10000 <= code <= 0x10FFFF):
            return False
    return True


def well_formed(xml: bytes) -> None:
    """Unsure unless an XML parser reads the part without an error (expat, without
    building anything: for the small parts read once per distinct content)."""
    from xml.parsers import expat

    if b"<!" in xml:  # no DTD, so no entity to expand
        raise Unsure("a DTD")
    try:
        expat.ParserCreate().Parse(xml, True)
    except expat.ExpatError:
        raise Unsure("not well-formed") from None


def plain_part(xml: bytes, root: bytes) -> bool:
    """Whether ``root`` is the document element, complete, in the spreadsheet namespace
    declared once as the default: then every element without a prefix is in it, and none
    with one. (A part cut short is for an XML parser to refuse.)"""
    start = _PROLOG.match(xml).end()
    return (xml.startswith(b"<" + root + b' xmlns="' + _MAIN_BYTES + b'"', start)
            and xml.rstrip().endswith(b"</" + root + b">") and xml.count(_MAIN_BYTES) == 1
            and len(_DEFAULT_NAMESPACE.findall(xml)) == 1)


class Unsure(Exception):
    """The fast source cannot promise openpyxl's result for this file."""


__all__ = ["Unsure", "document", "plain_part", "unsure_text", "well_formed"]
