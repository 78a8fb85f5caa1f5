"""A 自评表 typed into Word 97-2003: the tables of a binary .doc, read by their values.

Offices that keep their templates from years ago still send (and publish) the 自评表 as
a .doc. Its tables are read as a .docx's are: this module turns the document into the
WordprocessingML body ``wordtable.document_sheets`` lays out (paragraphs, w:tbl with its
w:tblGrid, w:gridSpan, w:vMerge), so one implementation places the cells of both.

What is read, from [MS-DOC] (Word 97-2003 binary file format):
- the compound file's WordDocument stream and its table stream (0Table or 1Table, as
  the FIB's fWhichTblStm says; the compound file itself by olefile, [MS-CFB]);
- the main document's text (its first ccpText characters) through the piece table
  (Clx/PlcPcd, 2.9.38/2.9.177): each piece 16-bit (UTF-16LE) or 8-bit (cp1252);
- each paragraph's properties (PlcBtePapx → PapxFkp pages → PapxInFkp, 2.8.6/2.9.174/
  2.9.175; a row's properties too large for the page in the Data stream, sprmPHugePapx):
  in a table (sprmPFInTable), a row's end (sprmPFTtp), and the row's cell edges and
  vertical merges (sprmTDefTable, 2.9.321: rgdxaCenter, TC80.tcgrf.vertMerge;
  sprmTVertMerge).
Text is cut into cells at the cell marks (0x07) of depth-1 tables; a table nested in a
cell (depth 2: sprmPFInnerTableCell, sprmPFInnerTtp) is a w:tbl in that cell, as in a
.docx (read as its cell's text, or as a table of its own where the outer table only
frames it: ``wordtable``); deeper ones are text. A field shows its result, not its code.

The grid written for a table is every cell edge of its rows (within 4 twips, as LibreOffice
and Word match edges), so a cell spanning several columns is one cell over them; edges a
little off each other (a border dragged by hand in some rows, a table saved split across
pages) are then snapped into one column border as a .docx's are (``wordtable.SNAP``).

(Over 400 lines: the format's structures — FIB, pieces, PAPX pages, sprms, row
definitions, nested rows — are only ever needed together, for this one job.)
"""

from __future__ import annotations

import io
import struct
from bisect import bisect_right
from collections.abc import Iterator
from xml.sax.saxutils import escape

from jixiao.errors import UnreadableWorkbook, damage_text, encrypted
from jixiao.xlsx.wordtable import SYMBOL_FONT

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_IDENT = 0xA5EC  # FibBase.wIdent of a Word binary document
_ENCRYPTED, _TABLE_1 = 0x0100, 0x0200  # FibBase flags: fEncrypted, fWhichTblStm
_CLX, _BTE_PAPX, _BTE_CHPX = 33, 13, 12  # pairs in FibRgFcLcb97: fcClx, fcPlcfBtePapx, …Chpx
_DELETED, _HIDDEN = 0x0800, 0x083C  # sprmCFRMarkDel (a tracked deletion), sprmCFVanish
_IN_TABLE, _TTP, _ITAP = 0x2416, 0x2417, 0x6649  # sprmPFInTable, sprmPFTtp, sprmPItap
_INNER_CELL, _INNER_TTP = 0x244B, 0x244C  # sprmPFInnerTableCell, sprmPFInnerTtp (nested)
_HUGE_PAPX, _TABLE_PROPS = 0x6646, 0x646B  # grpprl in the Data stream
_DEF_TABLE, _DEF_TABLE_10, _CHANGE_TABS = 0xD608, 0xD606, 0xC615
_VERT_MERGE = 0xD62B  # sprmTVertMerge
_TOLERANCE = 4  # twips: edges this close are one column edge
# Characters that are no text: a picture, a drawn object, a footnote or comment mark…
_DROPPED = frozenset("\x01\x02\x03\x04\x05\x06\x08\x1f")


def doc_document(name: str, data: bytes) -> bytes:
    """The .doc's body as WordprocessingML (``wordtable.document_sheets`` reads it).

    ``UnreadableWorkbook`` with a Chinese line for a damaged or encrypted document."""
    try:
        streams = _streams(data)
        if streams is None:
            raise encrypted(encrypted_refusal(name))
        return _Document(*streams).xml()
    except UnreadableWorkbook:
        raise
    except (struct.error, IndexError, ValueError, KeyError, OSError, EOFError,
            OverflowError, MemoryError) as error:
        raise _damaged(name, damage_text(error)) from None
    except Exception as error:  # olefile's own refusals of a damaged compound file
        raise _damaged(name, damage_text(error)) from None


def _damaged(name: str, why: str) -> UnreadableWorkbook:
    return UnreadableWorkbook(f"“{name}”是 Word 97-2003 文档（.doc），但已损坏或格式异常，无法读取"
                              f"（{why}）；请在 Word 或 WPS 中打开后另存为 .docx 再试，"
                              "或把自评表复制到 Excel 中另存为 .xlsx")


def _streams(data: bytes) -> tuple[bytes, bytes, bytes] | None:
    """The WordDocument stream, the table stream it names, and the Data stream (or b"");
    None for an encrypted document."""
    import olefile

    with olefile.OleFileIO(io.BytesIO(data)) as compound:
        word = compound.openstream("WordDocument").read()
        ident, flags = struct.unpack_from("<H8xH", word, 0)
        if ident != _IDENT:
            raise ValueError("not a Word document")
        if flags & _ENCRYPTED:
            return None
        table_name = "1Table" if flags & _TABLE_1 else "0Table"
        table = compound.openstream(table_name).read()
        extra = compound.openstream("Data").read() if compound.exists("Data") else b""
    return word, table, extra


def embedded_objects(name: str, data: bytes) -> list[tuple[str, bytes]]:
    """The Excel worksheets embedded in the .doc as objects (its ObjectPool storages), by
    storage name, at most ``wordtable.MAX_EMBEDDED``: (storage, a workbook file's bytes) —
    an Excel 2007+ object's Package stream is the .xlsx itself; an Excel 97-2003 object's
    Workbook stream is made an .xls of its own (a compound file holding it, ``cfb.write``).
    A Word or PowerPoint object, an equation, a picture is none. Each is a package for the
    caller to check as any workbook's (``read_workbook``'s ``_word_document``)."""
    import olefile

    from jixiao.xlsx.cfb import write
    from jixiao.xlsx.wordtable import MAX_EMBEDDED as limit

    found: list[tuple[str, bytes]] = []
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as compound:
            objects = sorted({tuple(entry[:2]) for entry in compound.listdir()
                              if len(entry) == 3 and entry[0] == "ObjectPool"})
            for pool, storage in objects:
                if compound.exists(f"{pool}/{storage}/Package"):
                    content = compound.openstream(f"{pool}/{storage}/Package").read()
                    if not (content.startswith(b"PK") and b"xl/workbook" in content[-65536:]):
                        continue
                elif compound.exists(f"{pool}/{storage}/Workbook"):
                    content = write({"Workbook": compound.openstream(
                        f"{pool}/{storage}/Workbook").read()})
                else:
                    continue
                found.append((storage, content))
                if len(found) >= limit:
                    break
    except Exception as error:  # olefile's refusals of a damaged compound file
        raise _damaged(name, damage_text(error)) from None
    return found


def encrypted_refusal(name: str) -> str:
    return (f"“{name}”是设置了密码的 Word 97-2003 文档（.doc），无法读取：请在 Word 或 WPS 中"
            "取消密码并另存为 .docx 后再试")


def _sprms(grpprl: bytes) -> Iterator[tuple[int, bytes]]:
    """(sprm, operand) of each Prl of a grpprl ([MS-DOC] 2.2.5.1: the operand's size from
    the sprm's spra; sprmTDefTable's 2-byte length; sprmPChgTabs's 255 escape)."""
    offset, end = 0, len(grpprl)
    while offset + 2 <= end:
        sprm = grpprl[offset] | grpprl[offset + 1] << 8
        if sprm < 0x0800:
            return
        spra = sprm >> 13
        start = offset + 2
        if spra in (0, 1):
            size = 1
        elif spra in (2, 4, 5):
            size = 2
        elif spra == 3:
            size = 4
        elif spra == 7:
            size = 3
        elif sprm in (_DEF_TABLE, _DEF_TABLE_10):
            if start + 2 > end:
                return
            size = (grpprl[start] | grpprl[start + 1] << 8) + 1
        elif sprm == _CHANGE_TABS and start < end and grpprl[start] == 255:
            deleted = grpprl[start + 1] if start + 1 < end else 0
            added_at = start + 2 + 4 * deleted
            added = grpprl[added_at] if added_at < end else 0
            size = 3 + 4 * deleted + 3 * added
        else:
            if start >= end:
                return
            size = grpprl[start] + 1
        yield sprm, grpprl[start:start + size]
        offset = start + size


class _Paragraph:
    """What the cutting needs of a paragraph's properties."""

    __slots__ = ("in_table", "row_end", "inner_cell", "inner_row_end", "depth", "edges", "merges")

    def __init__(self, grpprl: bytes, extra: bytes) -> None:
        self.in_table = self.row_end = self.inner_cell = self.inner_row_end = False
        self.depth = 0
        self.edges: list[int] = []
        self.merges: dict[int, int] = {}  # cell → VerticalMergeFlag (1 continue, 3 restart)
        self._apply(grpprl, extra, nested=False)
        if self.in_table and not self.depth:
            self.depth = 1

    def _apply(self, grpprl: bytes, extra: bytes, nested: bool) -> None:
        for sprm, operand in _sprms(grpprl):
            if sprm == _IN_TABLE:
                self.in_table = bool(operand[:1] != b"\0")
            elif sprm == _TTP:
                self.row_end = bool(operand[:1] != b"\0")
            elif sprm == _INNER_CELL:
                self.inner_cell = bool(operand[:1] != b"\0")
            elif sprm == _INNER_TTP:
                self.inner_row_end = bool(operand[:1] != b"\0")
            elif sprm == _ITAP and len(operand) == 4:
                self.depth = struct.unpack("<i", operand)[0]
            elif sprm in (_DEF_TABLE, _DEF_TABLE_10):
                self._define(operand)
            elif sprm == _VERT_MERGE and len(operand) >= 3:
                self.merges[operand[1]] = operand[2] & 3
            elif sprm in (_HUGE_PAPX, _TABLE_PROPS) and not nested and len(operand) == 4:
                at = struct.unpack("<I", operand)[0]
                if at + 2 <= len(extra):
                    size = struct.unpack_from("<H", extra, at)[0]
                    self._apply(extra[at + 2:at + 2 + size], extra, nested=True)

    def _define(self, operand: bytes) -> None:
        """sprmTDefTable: cb (2), NumberOfColumns (1), rgdxaCenter, rgTc80 (20 bytes each)."""
        if len(operand) < 3:
            return
        cells = operand[2]
        centers_end = 3 + 2 * (cells + 1)
        if len(operand) < centers_end:
            return
        self.edges = list(struct.unpack_from(f"<{cells + 1}h", operand, 3))
        self.merges = {}
        for cell in range(min(cells, (len(operand) - centers_end) // 20)):
            flags = operand[centers_end + 20 * cell] | operand[centers_end + 20 * cell + 1] << 8
            merge = (flags >> 5) & 3
            if merge:
                self.merges[cell] = merge


class _Document:
    """The text and paragraph properties of a document's streams."""

    def __init__(self, word: bytes, table: bytes, extra: bytes) -> None:
        self.word, self.table, self.extra = word, table, extra
        csw = struct.unpack_from("<H", word, 32)[0]
        lw_at = 34 + 2 * csw
        cslw = struct.unpack_from("<H", word, lw_at)[0]
        self.text_length = struct.unpack_from("<i", word, lw_at + 2 + 12)[0]  # ccpText
        pairs_at = lw_at + 2 + 4 * cslw + 2
        self._pairs_at = pairs_at
        self._runs: list[tuple[int, int, bytes]] | None = None  # (first fc, end fc, grpprl)
        self._starts: list[int] = []
        self._cache: dict[int, _Paragraph] = {}

    def _pair(self, index: int) -> tuple[int, int]:
        return struct.unpack_from("<II", self.word, self._pairs_at + 8 * index)

    def _pieces(self) -> list[tuple[int, int, int, bool]]:
        """(first cp, end cp, fc of the first character, 8-bit) of each text piece."""
        fc, size = self._pair(_CLX)
        clx = self.table[fc:fc + size]
        at = 0
        while at < len(clx) and clx[at] == 1:  # Prc: property changes of pieces, skipped
            size = struct.unpack_from("<h", clx, at + 1)[0]
            if size < 0:  # a damaged length: it would never move on
                raise ValueError("negative cbGrpprl")
            at += 3 + size
        if at >= len(clx) or clx[at] != 2:
            raise ValueError("no piece table")
        length = struct.unpack_from("<I", clx, at + 1)[0]
        count = (length - 4) // 12
        plc = at + 5
        cps = struct.unpack_from(f"<{count + 1}I", clx, plc)
        pieces = []
        for index in range(count):
            value = struct.unpack_from("<I", clx, plc + 4 * (count + 1) + 8 * index + 2)[0]
            compressed = bool(value & 0x40000000)
            start = value & 0x3FFFFFFF
            pieces.append((cps[index], cps[index + 1], start // 2 if compressed else start,
                           compressed))
        return pieces

    def characters(self) -> Iterator[tuple[str, int]]:
        """Each character of the main document with its file position (fc)."""
        limit = self.text_length
        for first, end, fc, compressed in self._pieces():
            if first >= limit:
                break
            count = min(end, limit) - first
            if count <= 0:
                continue
            if compressed:
                text = self.word[fc:fc + count].decode("cp1252", errors="replace")
                width = 1
            else:
                text = self.word[fc:fc + 2 * count].decode("utf-16-le", errors="replace")
                width = 2
            for index, character in enumerate(text):
                yield character, fc + width * index

    def _pages(self, pair: int, entry: int) -> Iterator[tuple[int, int, bytes, int]]:
        """(first fc, end fc, the page, where its properties are in it, 0 for none) of each
        run of the FKP pages a PlcBte names ([MS-DOC] 2.8.6/2.9.174/2.9.33): paragraphs
        (``entry`` 13, BxPap) or characters (``entry`` 1)."""
        fc, size = self._pair(pair)
        plc = self.table[fc:fc + size]
        count = (len(plc) - 4) // 8
        pages = struct.unpack_from(f"<{count}I", plc, 4 * (count + 1)) if count > 0 else ()
        for number in pages:
            page = self.word[(number & 0x3FFFFF) * 512:][:512]
            if len(page) < 512:
                continue
            runs = page[511]
            bounds = struct.unpack_from(f"<{runs + 1}I", page, 0)
            for index in range(runs):
                yield bounds[index], bounds[index + 1], page, 2 * page[4 * (runs + 1) + entry * index]

    def _load_runs(self) -> None:
        runs = []
        for first, end, page, at in self._pages(_BTE_PAPX, 13):
            grpprl = b""
            if at:  # PapxInFkp: cb, then 2·cb − 1 bytes (or cb' and 2·cb' bytes)
                size = page[at]
                block = (page[at + 1:at + 2 * size] if size
                         else page[at + 2:at + 2 + 2 * page[at + 1]])
                grpprl = block[2:]  # after the style index (istd)
            runs.append((first, end, grpprl))
        runs.sort(key=lambda run: run[0])
        self._runs = runs
        self._starts = [run[0] for run in runs]

    def unseen(self) -> tuple[list[int], list[int]]:
        """The file positions where text Word does not show begins and ends, sorted: a
        tracked deletion (sprmCFRMarkDel: the document as with its changes accepted, as a
        .docx's w:del is skipped) and hidden text (sprmCFVanish), from the CHPX pages."""
        spans: list[tuple[int, int]] = []
        for first, end, page, at in self._pages(_BTE_CHPX, 1):
            grpprl = page[at + 1:at + 1 + page[at]] if at else b""  # Chpx: cb, grpprl
            if any(sprm in (_DELETED, _HIDDEN) and operand[:1] in (b"\x01", b"\x81")
                   for sprm, operand in _sprms(grpprl)):
                spans.append((first, end))
        spans.sort()
        return [first for first, _ in spans], [end for _, end in spans]

    def paragraph(self, fc: int) -> _Paragraph:
        """The properties of the paragraph whose mark is at file position ``fc``."""
        if self._runs is None:
            self._load_runs()
        assert self._runs is not None
        index = bisect_right(self._starts, fc) - 1
        grpprl = b""
        if index >= 0 and fc < self._runs[index][1]:
            grpprl = self._runs[index][2]
        found = self._cache.get(index)
        if found is None:
            found = self._cache[index] = _Paragraph(grpprl, self.extra)
        return found

    def xml(self) -> bytes:
        body = _Body()
        line: list[str] = []
        fields: list[bool] = []  # per open field: showing its result yet?
        starts, ends = self.unseen()
        for character, fc in self.characters():
            if starts and character not in "\r\x07":
                index = bisect_right(starts, fc) - 1
                if index >= 0 and fc < ends[index]:
                    continue  # deleted with changes tracked, or hidden
            if character == "\x13":
                fields.append(False)
                continue
            if character == "\x14":
                if fields:
                    fields[-1] = True
                continue
            if character == "\x15":
                if fields:
                    fields.pop()
                continue
            if fields and not all(fields):
                continue  # a field's code
            if character in "\r\x07":
                paragraph = self.paragraph(fc)
                text = "".join(line)
                line = []
                if paragraph.depth > 1 and paragraph.in_table:
                    body.nested(text, paragraph)
                elif character == "\r" or paragraph.depth > 1:
                    if paragraph.in_table:
                        body.cell_line(text)
                    else:
                        body.paragraph(text)
                elif paragraph.row_end:
                    body.row_end(paragraph)
                else:
                    body.cell_end(text)
            elif character == "\x0c":  # a page or section break: a paragraph's end
                body.paragraph("".join(line))
                line = []
            elif "\uf000" <= character <= "\uf0ff":  # a symbol font's code (插入 → 符号)
                line.append(SYMBOL_FONT.get(ord(character), ""))
            elif character not in _DROPPED:
                line.append(character)
        if line:
            body.paragraph("".join(line))
        return body.xml()


def _clean(text: str) -> str:
    """``text`` as XML text: a hard line break \\v a <w:br/>, a tab a <w:tab/>, control
    characters gone."""
    text = text.replace("\x1e", "-").replace("\xa0", " ")
    parts = []
    for number, piece in enumerate(text.split("\x0b")):
        if number:
            parts.append("<w:br/>")
        for tab_number, chunk in enumerate(piece.split("\t")):
            if tab_number:
                parts.append("<w:tab/>")
            chunk = "".join(c for c in chunk if (c >= " " or c == "\n")
                            and c not in "\ufffe\uffff")
            if chunk:
                parts.append(f'<w:t xml:space="preserve">{escape(chunk)}</w:t>')
    return f"<w:p><w:r>{''.join(parts)}</w:r></w:p>" if parts else "<w:p/>"


class _Xml(str):
    """A cell's content already written as WordprocessingML: a table nested in it."""


class _Body:
    """The body being written: paragraphs, and tables as their rows come; a table nested
    in a cell (its paragraphs at depth 2: a cell ends at sprmPFInnerTableCell, a row at
    sprmPFInnerTtp) a w:tbl in that cell, as a .docx has it; deeper ones its text."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.rows: list[tuple[list[list[str]], _Paragraph]] = []
        self.cells: list[list[str]] = []
        self.lines: list[str] = []
        self.inner: _Body | None = None  # the table nested in the cell being read

    def paragraph(self, text: str) -> None:
        self._close_table()
        self.parts.append(_clean(text))

    def nested(self, text: str, properties: _Paragraph) -> None:
        """A paragraph of a table nested in the current cell."""
        if self.inner is None:
            self.inner = _Body()
        if properties.depth == 2 and properties.inner_row_end:
            self.inner.row_end(properties)
        elif properties.depth == 2 and properties.inner_cell:
            self.inner.cell_end(text)
        else:
            self.inner.cell_line(text)

    def _close_nested(self) -> None:
        if self.inner is not None:
            inner, self.inner = self.inner, None
            inner._close_rows()
            if inner.rows:
                self.lines.append(_Xml(_table(inner.rows)))

    def cell_line(self, text: str) -> None:
        self._close_nested()
        self.lines.append(text)

    def cell_end(self, text: str) -> None:
        self._close_nested()
        self.lines.append(text)
        self.cells.append(self.lines)
        self.lines = []

    def row_end(self, properties: _Paragraph) -> None:
        self._close_nested()
        self.rows.append((self.cells, properties))
        self.cells, self.lines = [], []

    def _close_rows(self) -> None:
        self._close_nested()
        if self.cells or self.lines:  # cells without their row's end: a row of their own
            if self.lines:
                self.cells.append(self.lines)
            self.row_end(_Paragraph(b"", b""))

    def _close_table(self) -> None:
        self._close_rows()
        if self.rows:
            self.parts.append(_table(self.rows))
        self.rows = []

    def xml(self) -> bytes:
        self._close_table()
        return (f'<w:document xmlns:w="{_W}"><w:body>{"".join(self.parts)}</w:body>'
                "</w:document>").encode()


def _table(rows: list[tuple[list[list[str]], _Paragraph]]) -> str:
    """A w:tbl of the rows: the columns every row's cell edges make, each cell's span."""
    edges_of = []
    for cells, properties in rows:
        edges = properties.edges
        if len(edges) != len(cells) + 1 or any(b < a for a, b in zip(edges, edges[1:], strict=False)):
            edges = [1000 * index for index in range(len(cells) + 1)]  # no usable widths
        edges_of.append(edges)
    grid: list[int] = []
    for edge in sorted({edge for edges in edges_of for edge in edges}):
        if not grid or edge - grid[-1] > _TOLERANCE:
            grid.append(edge)

    def column(edge: int) -> int:
        return max(0, bisect_right(grid, edge + _TOLERANCE) - 1)

    lines = []
    for (cells, properties), edges in zip(rows, edges_of, strict=True):
        parts = []
        first = column(edges[0])
        if first:
            parts.append(f'<w:trPr><w:gridBefore w:val="{first}"/></w:trPr>')
        for index, lines_of_cell in enumerate(cells):
            span = column(edges[index + 1]) - column(edges[index])
            if span <= 0:
                if not any(lines_of_cell):
                    continue  # a cell of no width: Word does not show it
                span = 1
            merge = properties.merges.get(index, 0)
            properties_xml = (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "") + (
                '<w:vMerge w:val="restart"/>' if merge == 3 else
                "<w:vMerge/>" if merge == 1 else "")
            paragraphs = "".join(text if isinstance(text, _Xml) else _clean(text)
                                 for text in lines_of_cell) or "<w:p/>"
            parts.append(f"<w:tc><w:tcPr>{properties_xml}</w:tcPr>{paragraphs}</w:tc>")
        lines.append(f"<w:tr>{''.join(parts)}</w:tr>")
    columns = "".join(f'<w:gridCol w:w="{b - a}"/>' for a, b in zip(grid, grid[1:], strict=False))
    return f"<w:tbl><w:tblPr/><w:tblGrid>{columns}</w:tblGrid>{''.join(lines)}</w:tbl>"


__all__ = ["doc_document", "embedded_objects", "encrypted_refusal"]
