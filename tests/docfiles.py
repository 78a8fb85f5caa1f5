"""Word 97-2003 documents (.doc) for the tests, written by hand per [MS-DOC]: the FIB, the
text in one piece (UTF-16; or a second, 8-bit piece), each paragraph's properties in PAPX
FKP pages, the table rows' cell edges and vertical merges in sprmTDefTable; the compound
file by the add-in's own writer (addin/cfb.py, [MS-CFB]).

    doc(tmp_path / "t.doc", ["项目支出绩效自评表", [[Cell("项目名称", 2000), Cell("x", 6000)]]])

A block is a paragraph (str) or a table (rows of ``Cell``s). A cell's ``merge`` is the
TC80 vertMerge flag: 3 starts a vertical merge, 1 continues it; its ``inner`` a table
nested in it after its text (its paragraphs at depth 2, sprmPItap; each cell ending at
sprmPFInnerTableCell, each row at sprmPFInnerTtp with its sprmTDefTable), as Word writes it.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jixiao.xlsx.cfb import write as compound_file

_IN_TABLE = struct.pack("<HB", 0x2416, 1)
_ROW_END = struct.pack("<HB", 0x2417, 1)
_DEPTH_2 = struct.pack("<Hi", 0x6649, 2)  # sprmPItap
_INNER_CELL = struct.pack("<HB", 0x244B, 1)
_INNER_ROW_END = struct.pack("<HB", 0x244C, 1)
_TEXT_AT = 0x800  # where the text starts in the WordDocument stream


@dataclass(frozen=True)
class Cell:
    text: Any = ""
    width: int = 1000  # twips
    merge: int = 0
    inner: tuple[tuple[Cell, ...], ...] = ()  # a table nested in the cell, after its text


def _define_table(cells: list[Cell], left: int = 0) -> bytes:
    """sprmTDefTable: cb (2 bytes: the rest + 1), NumberOfColumns, rgdxaCenter, rgTc80."""
    edges = [left]
    for cell in cells:
        edges.append(edges[-1] + cell.width)
    rest = bytes([len(cells)]) + struct.pack(f"<{len(edges)}h", *edges) + b"".join(
        struct.pack("<HH", cell.merge << 5, 0) + bytes(16) for cell in cells)
    return struct.pack("<HH", 0xD608, len(rest) + 1) + rest


def _paragraphs(blocks: list[Any], fields: dict[str, str], huge: bool
                ) -> tuple[str, list[tuple[int, bytes]], bytes]:
    """The text, each paragraph's (end cp, grpprl) and the Data stream."""
    text: list[str] = []
    marks: list[tuple[int, bytes]] = []
    data = bytearray(b"\0" * 16)

    def add(chunk: str, grpprl: bytes) -> None:
        for name, code in fields.items():  # a field: its code hidden, its result shown
            chunk = chunk.replace(name, f"\x13{code}\x14{name}\x15")
        text.append(chunk)
        marks.append((sum(map(len, text)), grpprl))

    for block in blocks:
        if isinstance(block, str):
            add(block + "\r", b"")
            continue
        for row in block:
            for cell in row:
                lines = str(cell.text).split("\n")
                if cell.inner:  # its text, the nested table, then the cell's end alone
                    lines = [*lines, ""] if cell.text != "" else [""]
                    for line in lines[:-1]:
                        add(line + "\r", _IN_TABLE)
                    for inner_row in cell.inner:
                        for inner in inner_row:
                            add(f"{inner.text}\r", _IN_TABLE + _DEPTH_2 + _INNER_CELL)
                        add("\r", _IN_TABLE + _DEPTH_2 + _INNER_CELL + _INNER_ROW_END
                            + _define_table(list(inner_row)))
                    add(lines[-1] + "\x07", _IN_TABLE)
                    continue
                for line in lines[:-1]:
                    add(line + "\r", _IN_TABLE)
                add(lines[-1] + "\x07", _IN_TABLE)
            properties = _IN_TABLE + _ROW_END + _define_table(row)
            if huge:  # the row's properties in the Data stream (sprmPHugePapx)
                at = len(data)
                data += struct.pack("<H", len(properties)) + properties
                properties = _IN_TABLE + _ROW_END + struct.pack("<HI", 0x6646, at)
            add("\x07", properties)
    add("\r", b"")  # the document's last paragraph mark
    return "".join(text), marks, bytes(data)


def _papx(grpprl: bytes) -> bytes:
    """PapxInFkp: cb and the style index (0) with the grpprl ([MS-DOC] 2.9.175)."""
    block = b"\0\0" + grpprl
    if len(block) % 2:
        return bytes([(len(block) + 1) // 2]) + block
    return bytes([0, len(block) // 2]) + block


def _pages(runs: list[tuple[int, int, bytes]], first_page: int) -> tuple[bytes, list[int], list[int]]:
    """PapxFkp pages of the runs (first fc, end fc, grpprl); their first fcs and numbers."""
    pages, starts = bytearray(), []
    index = 0
    while index < len(runs):
        taken: list[tuple[int, int, bytes]] = []
        blobs: dict[bytes, int] = {}
        free_end = 511
        while index < len(runs) and len(taken) < 29:
            run = runs[index]
            blob = _papx(run[2]) if run[2] else b""
            need = 0 if not blob or blob in blobs else len(blob) + (len(blob) % 2)
            header = 4 * (len(taken) + 2) + 13 * (len(taken) + 1)
            if header > free_end - need:
                break
            if blob and blob not in blobs:
                free_end -= need
                free_end -= free_end % 2
                blobs[blob] = free_end
            taken.append(run)
            index += 1
        page = bytearray(512)
        count = len(taken)
        bounds = [run[0] for run in taken] + [taken[-1][1]]
        struct.pack_into(f"<{count + 1}I", page, 0, *bounds)
        for number, run in enumerate(taken):
            blob = _papx(run[2]) if run[2] else b""
            page[4 * (count + 1) + 13 * number] = blobs[blob] // 2 if blob else 0
        for blob, at in blobs.items():
            page[at:at + len(blob)] = blob
        page[511] = count
        starts.append(bounds[0])
        pages += page
    numbers = list(range(first_page, first_page + len(starts)))
    return bytes(pages), starts, numbers


def doc(path: str | Path, blocks: list[Any], *, fields: dict[str, str] | None = None,
        encrypted: bool = False, huge: bool = False, narrow_tail: str = "",
        storages: dict[str, Any] | None = None, property_changes: bytes = b"") -> Path:
    """A .doc of ``blocks``. ``fields``: text → a field code it is the result of;
    ``huge``: rows' properties in the Data stream; ``narrow_tail``: one more paragraph in
    an 8-bit (cp1252) piece of its own; ``storages``: more of the compound file (an
    embedded object's ObjectPool); ``property_changes``: Prc entries before the piece
    table in the Clx (0x01, cbGrpprl, grpprl)."""
    text, marks, data = _paragraphs(blocks, fields or {}, huge)
    wide = text.encode("utf-16-le")
    tail = (narrow_tail + "\r").encode("cp1252") if narrow_tail else b""
    tail_at = _TEXT_AT + len(wide)
    characters = len(text) + (len(narrow_tail) + 1 if narrow_tail else 0)
    runs, previous = [], _TEXT_AT
    for end, grpprl in marks:
        runs.append((previous, _TEXT_AT + 2 * end, grpprl))
        previous = _TEXT_AT + 2 * end
    if tail:
        runs.append((tail_at, tail_at + len(tail), b""))
    text_end = tail_at + len(tail)
    first_page = (text_end + 511) // 512
    pages, starts, numbers = _pages(runs, first_page)

    pieces = [(0, len(text), _TEXT_AT)]
    if tail:
        pieces.append((len(text), characters, (tail_at * 2) | 0x40000000))
    cps = [piece[0] for piece in pieces] + [characters]
    plc = struct.pack(f"<{len(cps)}I", *cps) + b"".join(
        struct.pack("<HIH", 0, fc, 0) for _, _, fc in pieces)
    clx = property_changes + b"\x02" + struct.pack("<I", len(plc)) + plc
    bte = struct.pack(f"<{len(starts) + 1}I", *starts, runs[-1][1]) + struct.pack(
        f"<{len(numbers)}I", *numbers)
    table = clx + bte

    fib = bytearray(900)
    flags = 0x0200 | (0x0100 if encrypted else 0)  # fWhichTblStm (1Table), fEncrypted
    struct.pack_into("<HHHHHH", fib, 0, 0xA5EC, 0x00C1, 0, 0x0804, 0, flags)
    struct.pack_into("<H", fib, 32, 14)
    struct.pack_into("<H", fib, 62, 22)
    struct.pack_into("<i", fib, 64 + 12, characters)  # ccpText
    struct.pack_into("<H", fib, 152, 93)
    struct.pack_into("<II", fib, 154 + 8 * 33, 0, len(clx))  # fcClx, lcbClx
    struct.pack_into("<II", fib, 154 + 8 * 13, len(clx), len(bte))  # fcPlcfBtePapx
    word = bytearray(fib) + bytes(_TEXT_AT - len(fib)) + wide + tail
    word += bytes(first_page * 512 - len(word)) + pages
    struct.pack_into("<i", word, 64, len(word))  # cbMac
    streams = {"WordDocument": bytes(word), "1Table": table}
    if huge:
        streams["Data"] = data
    streams.update(storages or {})
    path = Path(path)
    path.write_bytes(compound_file(streams))
    return path


def workbook_doc(workbook: str | Path, path: str | Path, *,
                 nudged: tuple[int, dict[int, int]] | None = None, framed: str | None = None,
                 **options: Any) -> Path:
    """The workbook's first sheet as a .doc, as ``wordfiles.workbook_docx`` lays it out:
    its title lines as paragraphs, the rest one table, each column 1000 twips wide, a
    merged range one cell over its columns, merged down by vertMerge. ``nudged``: (a
    sheet row, {border k: twips}) — from that row on, the border right of column k is
    that far off (a border dragged by hand in those rows). ``framed``: the table nested in
    the one cell of an outer table, under that text (附件1)."""
    from wordfiles import _grid, _text, _title_rows, row_cells

    values, merges = _grid(workbook)
    titles = _title_rows(values)
    blocks: list[Any] = [_text(row[0]) for row in values[:titles]]
    flags = {None: 0, "restart": 3, "continue": 1}  # TC80's vertMerge

    def edge(row_number: int, column: int) -> int:  # the border left of column + 1
        moved = nudged[1].get(column, 0) if nudged and row_number >= nudged[0] else 0
        return 1000 * column + moved

    rows = []
    for row_number, row in enumerate(values[titles:], start=titles + 1):
        cells, column = [], 0
        for text, span, merge in row_cells(row_number, row, merges):
            width = edge(row_number, column + span) - edge(row_number, column)
            cells.append(Cell(text, width, flags[merge]))
            column += span
        rows.append(cells)
    if framed is not None:
        rows = [[Cell(framed, 9000, inner=tuple(tuple(cells) for cells in rows))]]
    blocks.append(rows)
    return doc(path, blocks, **options)
