"""The scan of one zip member as its bytes stream past: the cells, areas and DTDs a parser
would build, the DDE formulas, and whether the part is XML (encoding and declarations).

``check_package`` (guard.py) feeds each member through a ``MemberScanner`` in chunks;
what the scanner counts is compared with the ``Limits`` there. The patterns are
on bytes, so a part must be UTF-8 to be read: a part that begins as XML in another
encoding, or one the package declares XML that does not begin as XML, is marked
(``encoding``) and refused.
"""

from __future__ import annotations

import functools
import posixpath
import re
from dataclasses import dataclass

from jixiao.xlsx.book import Relationship, read_relationships
from jixiao.xlsx.limits import MB
from jixiao.xlsx.refs import FORMULA_STRING, column_letters, column_number
from jixiao.xlsx.xml import parse_small

# Matched on the bytes as they stream past. Every pattern starts with "<" and has
# no other "<", so cutting a chunk just before its last "<" never splits a match
# (nor the quick searches for a part of one, as ":c " of "<x:c ").
_ROW_OR_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]{0,15}:)?(row|c)(?=[\s/>])([^<>]{0,2048})")
# Every <c> without a prefix; its column and row when written <c r="AB12" as every
# spreadsheet program writes it, else (b"", b"").
_CELL_TAG = re.compile(rb'<c(?: r="([A-Z]{1,3})([0-9]{1,7})"|(?=[\s/>]))')
_PREFIXED_CELL = re.compile(rb":c[\s/>]")  # in every <x:c>
# A cell kept for its format only: an empty <c …/>, its attributes well-formed (so that
# no "/>" inside a value hides a cell's content). Excel writes one for every cell given a
# border or a fill, even far below the table. (The prefixed form is searched for only
# where a prefixed cell is.)
_ATTRIBUTES = rb"""(?:\s+[A-Za-z_][\w:.-]{0,64}\s*=\s*(?:"[^"<>]*"|'[^'<>]*'))*\s*/>"""
EMPTY_CELL = re.compile(rb"<c" + _ATTRIBUTES)
PREFIXED_EMPTY_CELL = re.compile(rb"<[A-Za-z_][\w.-]{0,15}:c" + _ATTRIBUTES)
# Where _AREA can match: at <mergeCell …, <hyperlink …, <f …, or before a prefixed one
# (two patterns: one for both would be searched for byte by byte).
_AREA_TAG = re.compile(rb"<(?:mergeCell|hyperlink|f)\s")
_PREFIXED_AREA_TAG = re.compile(rb":(?:mergeCell|hyperlink|f)\s")
# Plain substrings, searched by re: quicker than bytes' own search for words this short.
_ROW_WORD, _REF_WORD, _DECLARATION = re.compile(b"row"), re.compile(b"ref"), re.compile(rb"<\x00?!")
_R = re.compile(rb"""(?:^|\s)r\s*=\s*["']([^"'<>]{0,32})["']""")
_CELL_REF = re.compile(rb"\$?([A-Za-z]{1,12})\$?(\d{1,15})")  # wider than Excel: AAAA1 too
_AREA = re.compile(rb"<(?:[A-Za-z_][\w.-]{0,15}:)?(?:mergeCell|hyperlink|f)\s[^<>]{0,1024}?"
                   rb"""\bref\s*=\s*["']([^"'<>]{1,512})["']""")
_CELL_OR_FORMULA = re.compile(
    rb"""<(?:[A-Za-z_][\w.-]{0,15}:)?(?:c\s[^<>]{0,1024}?\br\s*=\s*["']([^"'<>]{1,20})"""
    rb"""|f(?:\s[^<>]{0,1024})?>([^<]{0,8192}))""")
_DDE = re.compile(r"(?:^|[=(,+\-*/&\s])'?([A-Za-z][\w.\- ]{0,60})'?\|")
_DOCTYPES = (b"<!DOCTYPE", b"<!ENTITY", "<!DOCTYPE".encode("utf-16-le")[:-1],
             "<!ENTITY".encode("utf-16-le")[:-1])  # UTF-16-LE and, shifted a byte, -BE
_KEEP = 16 * 1024  # longer than any match above
LINK_PARTS = re.compile(r"(^|/)(externalLinks/[^/]+\.xml|connections\.xml)$", re.I)
_KEPT_PARTS = re.compile(r"(^|/)(externalLinks/.*|connections\.xml|workbook\.xml|"
                         r"_rels/[^/]*\.rels|\[Content_Types\]\.xml)$", re.I)
DECLARATION_PART = re.compile(r"(^\[Content_Types\]\.xml|\.rels)$", re.I)


class MemberScanner:
    """Counts what one member would make a parser build, as its bytes stream past."""

    def __init__(self, part: str, declared: Declared | None = None,
                 scan: bool | None = None) -> None:
        self.part = part
        self.declared = declared  # what the package declares XML (None: this part is XML)
        self.scan = scan  # None: decided by the first bytes (``_sniff``)
        self.encoding: str | None = None  # why an XML part's encoding is refused
        self.cells = 0  # <c> elements (those with content and those without) and areas
        self.formatted = 0  # of the <c> elements, those with no value or formula (empty)
        self.top = self.left = 1 << 40
        self.bottom = self.right = 0  # the rectangle the cells span
        self.outside: str | None = None  # a cell address beyond Excel's sheet
        self._row = self._column = 0
        self.doctype = False
        self.dde: list[tuple[str | None, str]] = []  # (cell, formula)
        self.keep = bytearray() if _KEPT_PARTS.search(part) else None  # small parts, kept whole
        self._pending = b""
        self._cell: str | None = None  # the last cell address seen

    def feed(self, chunk: bytes, clean: bool = False) -> None:
        """Scan the next chunk; ``clean``: one the scan is known to find nothing in."""
        if self.keep is not None and len(self.keep) < MB:
            self.keep += chunk
        if self.scan is None and chunk:
            self.scan = self._sniff(chunk)
        if not self.scan or clean:
            return
        buffer = self._pending + chunk
        cut = buffer.rfind(b"<")
        if cut < 0 or len(buffer) - cut > _KEEP:
            cut = len(buffer)  # no match starts here, or one from the last "<" is complete
        self._scan(buffer[:cut])
        self._pending = buffer[cut:]

    def finish(self) -> None:
        if self.scan:
            self._scan(self._pending)
            self._pending = b""

    def _sniff(self, head: bytes) -> bool:
        """Whether the part is scanned as XML, from its first bytes, whatever its name.

        A part that begins as XML in UTF-8 or UTF-16 is scanned, and refused when its
        declaration names another encoding. One that does not (an image, a VBA project)
        is skipped — unless the package says it is XML (content type, relationship):
        then it is XML in an encoding the byte scan cannot read (UTF-32, EBCDIC …),
        which some parsers accept, and it is refused (``encoding``).
        """
        if head.startswith(_USUAL_DECLARATIONS):
            return True
        form = _xml_form(head)
        if form == "utf-16":
            # the cell and merged-range limits read UTF-8 bytes: a UTF-16 sheet would pass
            # them unread (a merge over the whole sheet: 6.8 GB in openpyxl). Excel, WPS and
            # LibreOffice write UTF-8 only.
            self.encoding = "UTF-16"
            return True
        if form is not None:
            declared = _declared_encoding(head, form)
            if declared is not None and declared.lower() not in _XML_ENCODINGS:
                self.encoding = f"声明的编码为 {declared}"
            return True
        if self.declared is None or _is_declared_xml(self.part, self.declared):
            self.encoding = f"开头的字节为 {head[:4].hex(' ').upper()}"
        return False

    def _scan(self, region: bytes) -> None:
        if not region or region.startswith(b"</") and region.find(b"<", 1) < 0:
            return  # nothing, or one end tag (a member's last): every pattern needs "<" and a name
        cells = _CELL_TAG.findall(region)
        last_cell = region.rfind(b"<c ") if cells else -1  # no "<c " where no <c> was found
        if cells:
            self.formatted += len(EMPTY_CELL.findall(region))
        if _PREFIXED_CELL.search(region) is not None:
            self.formatted += len(PREFIXED_EMPTY_CELL.findall(region))
        start = self._place_plain(region, cells, last_cell)
        if start is not None:
            for match in _ROW_OR_CELL.finditer(region, start):
                self._place(match.group(1) == b"row", _R.search(match.group(2)))
        start = self._area_start(region)
        if start is not None:
            self.cells += sum(map(_ref_area, _AREA.findall(region, start)))
        if b"!" in region and _DECLARATION.search(region) and any(m in region for m in _DOCTYPES):
            self.doctype = True
        if b"|" not in region:
            if last_cell >= 0:
                found = _CELL_OR_FORMULA.match(region, last_cell)
                self._cell = found.group(1).decode("ascii", "replace") if found else None
            return
        for match in _CELL_OR_FORMULA.finditer(region):
            address, formula = match.groups()
            if address is not None:
                self._cell = address.decode("ascii", "replace")
                continue
            text = _xml_text(formula.decode("utf-8", "replace"))
            # a "|" inside a string literal ("#'a|b'!A1" of a HYPERLINK) is no DDE
            if "|" in text and _DDE.search(FORMULA_STRING.sub('""', text)):
                self.dde.append((self._cell, "=" + text))

    def _place_plain(self, region: bytes, cells: list[tuple[bytes, bytes]],
                     last_cell: int) -> int | None:
        """Place the cells of a region written as spreadsheet programs write them, at C speed.

        ``cells`` are ``_CELL_TAG.findall(region)``. Where every ``<c>`` is
        ``<c r="AB12"…`` on the sheet, they are counted and their rectangle taken from
        the distinct rows and columns — exactly what ``_place`` would make of them, as
        the <row>s between them change nothing that the cells' own addresses do not set
        again. Returns where ``_place`` must take over (after the last cell; 0: the
        whole region), or None when there is no <row> or <c> at all.
        """
        if _PREFIXED_CELL.search(region) is not None:
            return 0
        if not cells:
            return 0 if _ROW_WORD.search(region) else None
        letters, digits = zip(*cells, strict=True)
        if b"" in letters:
            return 0  # a cell written otherwise
        columns = [column_number(text) for text in set(letters)]
        rows = [int(text) for text in set(digits)]
        top, bottom, left, right = min(rows), max(rows), min(columns), max(columns)
        if top < 1 or bottom > 1_048_576 or right > 16_384:
            return 0  # an address off the sheet: _place names the first
        self.cells += len(cells)
        self.top, self.bottom = min(self.top, top), max(self.bottom, bottom)
        self.left, self.right = min(self.left, left), max(self.right, right)
        self._row, self._column = int(cells[-1][1]), column_number(cells[-1][0])
        return last_cell + 1

    @staticmethod
    def _area_start(region: bytes) -> int | None:
        """Where ``_AREA``'s first match may begin: at the first <mergeCell, <hyperlink or
        <f, or 17 bytes before the ":" of the first with a prefix (None: there is none)."""
        if _REF_WORD.search(region) is None:
            return None
        first = []
        plain = _AREA_TAG.search(region)
        if plain is not None:
            first.append(plain.start())
        prefixed = _PREFIXED_AREA_TAG.search(region)
        if prefixed is not None:
            first.append(max(0, prefixed.start() - 17))  # "<" and 16 bytes at most before ":"
        return min(first) if first else None

    def _place(self, is_row: bool, given: re.Match[bytes] | None) -> None:
        """Follow a <row> or <c> as a reader does: where it is, whether Excel allows it."""
        if is_row:
            self._row = int(given.group(1)) if given and given.group(1).isdigit() else self._row + 1
            self._column = 0
            return
        self.cells += 1
        if given is not None:
            ref = _CELL_REF.fullmatch(given.group(1))
            if ref is None:
                return  # not an address: the parsers refuse it
            self._row, self._column = int(ref.group(2)), column_number(ref.group(1))
        else:
            self._column += 1
        if not (1 <= self._row <= 1_048_576 and 1 <= self._column <= 16_384):
            if self.outside is None:
                self.outside = (given.group(1).decode("ascii", "replace") if given
                                else f"第 {self._row} 行第 {self._column} 列")
            return
        self.top, self.bottom = min(self.top, self._row), max(self.bottom, self._row)
        self.left, self.right = min(self.left, self._column), max(self.right, self._column)

    @property
    def found_nothing(self) -> bool:
        """Whether scanning found nothing: its state is a fresh scanner's (but what it keeps)."""
        return (self.scan and not self.cells and not self.formatted and not self.bottom and self.outside is None
                and not self.doctype and not self.dde and not self._pending)

    @property
    def values(self) -> int:
        """The cells a reader keeps: those with a value or formula, and the areas."""
        return self.cells - self.formatted

    @property
    def area(self) -> int:
        return (self.bottom - self.top + 1) * (self.right - self.left + 1) if self.bottom else 0


_XML_ENCODINGS = {"utf-8", "utf8", "utf-16", "utf16", "utf-16le", "utf-16be"}
_USUAL_DECLARATIONS = tuple(f"<?xml version={q}1.0{q} encoding={q}{name}{q}".encode()
                            for q in "\"'" for name in ("UTF-8", "utf-8"))
_ENCODING_DECLARATION = re.compile(r"""\s*<\?xml\s[^<>]{0,200}?\bencoding\s*=\s*["']([^"'<>]{0,40})["']""")


def _xml_form(head: bytes) -> str | None:
    """"utf-8" or "utf-16" when ``head`` begins an XML document in that encoding, else None
    (not XML, or XML in an encoding such as UTF-32 or EBCDIC)."""
    if head.startswith(b"\xef\xbb\xbf"):
        return "utf-8"
    if head[:4] in (b"\xff\xfe\0\0", b"\0\0\xfe\xff", b"<\0\0\0", b"\0\0\0<"):
        return None  # UTF-32
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    pair = head[:2]
    if len(pair) == 2 and b"\0" in pair and pair.replace(b"\0", b"") in (b"<", b" ", b"\t",
                                                                         b"\r", b"\n"):
        return "utf-16"
    stripped = head.lstrip(b" \t\r\n")
    return "utf-8" if not stripped or stripped.startswith(b"<") else None


def _declared_encoding(head: bytes, form: str) -> str | None:
    """The encoding an XML declaration at the start of ``head`` names, if any."""
    if form == "utf-8":
        text = head[:512].decode("utf-8", "replace").lstrip("\ufeff")
    else:
        start = head[:1024]
        codec = ("utf-16" if start.startswith((b"\xff\xfe", b"\xfe\xff"))
                 else "utf-16-be" if start.startswith(b"\0") else "utf-16-le")
        text = start[:len(start) // 2 * 2].decode(codec, "replace")
    found = _ENCODING_DECLARATION.match(text)
    return found.group(1).strip() if found else None


# Relationship types whose target is not XML; any other makes its target an XML part.
_BINARY_RELATIONSHIPS = {"image", "vbaproject", "oleobject", "package", "printersettings",
                         "audio", "video", "media", "hdphoto", "font", "activexcontrolbinary",
                         "attachedtoolbars", "vbaprojectsignature", "thumbnail", "embeddedfont"}
_XML_EXTENSIONS = (".xml", ".rels", ".vml")


@dataclass(frozen=True)
class Declared:
    """Which parts the package declares XML: by content type and by relationship."""

    extensions: frozenset[str]      # Default Extension= with an XML content type
    overrides: dict[str, bool]      # Override PartName → its content type is XML
    related: frozenset[str]         # targets of relationships that are not binary
    # every .rels part that is well-formed → its relationships, for the reader (book.py)
    relationships: dict[str, tuple[Relationship, ...]]


def declared_xml_parts(scanners: dict[str, MemberScanner]) -> Declared:
    """What ``[Content_Types].xml`` and every ``.rels`` part (scanned and kept) declare."""
    return _declarations(tuple((part, bytes(scanner.keep)) for part, scanner in scanners.items()
                               if scanner.keep is not None))


@functools.lru_cache(maxsize=64)  # copies of one template declare the same
def _declarations(parts: tuple[tuple[str, bytes], ...]) -> Declared:
    extensions: set[str] = set()
    overrides: dict[str, bool] = {}
    related: set[str] = set()
    relationships: dict[str, tuple[Relationship, ...]] = {}
    for part, content in parts:
        if part.lower() == "[content_types].xml":
            root = parse_small(content)
            if root is None:
                continue
            for element in root.iter():
                tag, kind = element.tag.rsplit("}", 1)[-1], element.get("ContentType", "")
                is_xml = kind.lower().endswith(("+xml", "/xml"))
                if tag == "Default" and is_xml:
                    extensions.add("." + element.get("Extension", "").lower())
                elif tag == "Override":
                    overrides[element.get("PartName", "").lstrip("/").lower()] = is_xml
            continue
        try:
            found = relationships[part] = read_relationships(part, content)
        except (ValueError, SyntaxError):  # not well-formed: declares nothing here
            continue
        for rel in found:
            if rel.mode.lower() == "external":
                continue
            kind = rel.type.rstrip("/").rsplit("/", 1)[-1].lower()
            if kind not in _BINARY_RELATIONSHIPS:
                related.add(rel.target.lower())
    return Declared(frozenset(extensions), overrides, frozenset(related), relationships)


def _is_declared_xml(part: str, declared: Declared) -> bool:
    lower = part.lower()
    if lower in declared.related or lower.endswith(_XML_EXTENSIONS):
        return True
    if lower in declared.overrides:
        return declared.overrides[lower]
    return posixpath.splitext(lower)[1] in declared.extensions


@functools.lru_cache(maxsize=1024)  # a template's merges are the same in every copy
def _ref_area(value: bytes) -> int:
    """Cells covered by a ref= value: "A1:C3" (9), "'表'!A1:B2", "A:B", "1:2", "A1 B2:C3"."""
    plain = _PLAIN_AREA.fullmatch(value)
    if plain is not None:  # as spreadsheet programs write it: the general way, quicker
        left, top, right, bottom = plain.groups()
        columns = _COLUMNS.get(right) or column_number(right), _COLUMNS.get(left) or column_number(left)
        return (abs(int(bottom) - int(top)) + 1) * (abs(columns[0] - columns[1]) + 1)
    total = 0
    for piece in value.split():
        piece = piece.rsplit(b"!", 1)[-1].replace(b"$", b"")
        first, _, last = piece.partition(b":")
        if not last:
            continue  # one cell: counted as its <c>, if any
        if first.isdigit() and last.isdigit():
            total += 16_384 * (abs(int(last) - int(first)) + 1)
        elif first.isalpha() and last.isalpha():
            total += 1_048_576 * (abs(column_number(last) - column_number(first)) + 1)
        else:
            start, end = _CELL_REF.fullmatch(first), _CELL_REF.fullmatch(last)
            if start and end:
                total += (abs(int(end.group(2)) - int(start.group(2))) + 1) * (
                    abs(column_number(end.group(1)) - column_number(start.group(1))) + 1)
    return total


_PLAIN_AREA = re.compile(rb"([A-Z]{1,3})([0-9]{1,7}):([A-Z]{1,3})([0-9]{1,7})")


_COLUMNS = {column_letters(number).encode(): number for number in range(1, 703)}  # A … ZZ


def _xml_text(text: str) -> str:
    return (text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
            .replace("&apos;", "'").replace("&amp;", "&"))


__all__ = ["DECLARATION_PART", "EMPTY_CELL", "LINK_PARTS", "Declared", "MemberScanner", "declared_xml_parts"]
