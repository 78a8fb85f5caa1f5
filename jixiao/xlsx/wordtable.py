"""A 自评表 typed into Word: the tables of a .docx, read by their values.

Many units submit (or publish) the 项目支出绩效自评表 as a Word table. ``docx_sheets``
lays the document out on one sheet, as ``webtable.html_sheets`` lays out a web page:
in document order, each paragraph outside the tables a row of one cell (the title
"项目支出绩效自评表", "（2023年度）": they name the project and the year), and each
top-level table (w:tbl) its rows, a cell where the grid puts it — w:gridBefore
skips columns, w:gridSpan merges across, w:vMerge (restart … continue) merges down
— with a blank row after it. A cell's text is its paragraphs joined by line breaks
(w:t, w:tab, w:br); a table nested in a cell is text of that cell — unless the outer
table only frames it (each row one cell: 附件1 | the 自评表 in the cell below), whose
cells' paragraphs and tables are then laid out as the body's, or the cell is a row's wide
one (``_in_place``: 绩效指标 | the indicator table pasted into one merged cell; 项目资金 |
the funds block), whose nested table is read in place: its rows are that row's (the row's
other cells merged down beside them), its columns from the cell's first on, each row's
place in the Word table kept (``DocumentTable.places``: "第1个表格 第8行第2列（嵌套表格
第2行第3列）"). A text box (w:txbxContent;
of a drawing kept with its VML fallback, one) is paragraphs after the paragraph it is
anchored in (a title, a 自评结论 typed in a box); in a table's cell it is not read.
Values are taken as from a page (``webtable._value``): a plain number is a number. Where
each table was laid out (its rows, its grid's columns and widths) is given too: a table
ends where its w:tbl does (``read.documents``).

The columns are the grid's column borders snapped together: Word keeps every border any
row has as a grid column of its own, so a border dragged by hand in some rows (or saved
from a table split across pages) a little off the others makes sliver columns, and each
cell placed by its gridSpan lands in another column below than above. Borders closer than
``SNAP`` (3 mm) are one column border, and a cell spans the columns between the borders
its start and its end snap to. A column that narrow cannot show a character (Word's cell
margins alone are 2 × 0.19 cm, a 五号 character another 3.7 mm), so no real column is
ever merged away. A table whose lower rows lie on a grid of their own (Word joining two
tables, a .doc LibreOffice exported: their borders none of the upper rows have) is laid
cell by cell: a lower row with as many cells as an upper one takes that row's borders,
and every lower row whose borders are all so matched is laid on them (``_regridded``).

(Over 400 lines: a cell's text, its place on the snapped grid, frames, nested tables read
in place, text boxes and the embedded objects all walk the same WordprocessingML, for this
one job; .doc reuses all of it.)

The package is checked first as any workbook's is (``guard.check_package``, called by
``read_workbook``: size, ratio, member count, methods, DTDs); word/document.xml is then
parsed with the defused parser (no DTD, no entities). Cells and merged areas past ``max_cells`` raise
``TooManyCells``.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterator
from typing import Any

from jixiao.errors import UnreadableWorkbook, damage_text
from jixiao.xlsx.sheet import DocumentTable, widths_alike
from jixiao.xlsx.webtable import Cell, Merge, Sheet, TooManyCells, _value
from jixiao.xlsx.xml import parse_xml

SHEET = "文档"
DOCUMENT = "word/document.xml"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC = f"{_W}p", f"{_W}tbl", f"{_W}tr", f"{_W}tc"
_VAL = f"{_W}val"
# Elements that only wrap a table's rows or cells, or the body's blocks: their content counts.
_WRAPPERS = frozenset((f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}smartTag",
                       f"{_W}ins", f"{_W}moveTo"))
_MOST_CARRIED = 2  # leading columns a page of a table may leave out (绩效指标, 一级指标)
_TEXT_BOX = f"{_W}txbxContent"
_ALTERNATE = "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"
_MOST_NESTED = 8  # frames and text boxes within each other read as such, at most
# Column borders this close (twips: 3 mm) are one border (the module's docstring).
SNAP = 170
# What is never a paragraph's (a cell's) own text: deleted text, text boxes (kept twice,
# as a drawing and its fallback: a paragraph's are laid out after it, ``_text_boxes``),
# field codes, footnote marks.
_SKIPPED = frozenset((f"{_W}del", f"{_W}moveFrom", f"{_W}txbxContent", f"{_W}instrText",
                      f"{_W}delText", f"{_W}pPr", f"{_W}rPr", f"{_W}tcPr", f"{_W}trPr",
                      f"{_W}tblPr", f"{_W}tblGrid"))


def docx_sheets(name: str, data: bytes, max_cells: int,
                tables: list[DocumentTable] | None = None) -> list[Sheet]:
    """The document laid out on one sheet ("文档"): [(name, cells, merges)].

    ``data``: the .docx, its package already checked (``guard.check_package``);
    ``UnreadableWorkbook`` for a damaged one, ``TooManyCells`` past ``max_cells`` cells
    and merged areas. ``tables``, if given, gets where each top-level table was laid out
    (its rows, its grid's columns and their widths): a table ends where its w:tbl does."""
    return document_sheets(name, _document(name, data), max_cells, tables)


def document_sheets(name: str, document: bytes, max_cells: int,
                    tables: list[DocumentTable] | None = None) -> list[Sheet]:
    """``docx_sheets`` of a document's body (word/document.xml, or the body
    ``doctable.doc_document`` writes for a Word 97-2003 .doc)."""
    from xml.etree.ElementTree import ParseError

    try:
        root = parse_xml(document)
    except (ParseError, ValueError) as error:
        raise _damaged(name, damage_text(error)) from None
    body = root.find(f"{_W}body")
    layout = _Layout(max_cells)
    _lay_out(layout, _blocks(body if body is not None else root), 0)
    if tables is not None:
        tables.extend(layout.tables)
    return [(SHEET, layout.cells, layout.merges)]


def _lay_out(layout: _Layout, blocks: Iterator[Any], depth: int) -> None:
    """Paragraphs and tables in document order: a paragraph a line, then the text boxes
    drawn in it (their paragraphs and tables, as the body's); a table its rows — one that
    only frames others (``_frame``) its cells' paragraphs and tables instead."""
    for block in blocks:
        if block.tag == _P:
            text = _cell_text([block])
            if text:
                layout.line(text)
            if depth < _MOST_NESTED:
                for box in _text_boxes(block):
                    _lay_out(layout, _blocks(box), depth + 1)
        elif depth < _MOST_NESTED and _frame(block):
            for row in _children(block, _TR):
                for cell in _children(row, _TC):
                    _lay_out(layout, _blocks(cell), depth + 1)
        else:
            layout.table(block)


def _frame(table: Any) -> bool:
    """Whether a table only frames others: each row one cell (附件1 | the 自评表 below it),
    a cell holding a table of its own. A table with a table in one of its many cells
    (a list typed as a table in an indicator's cell) is no frame: that is the cell's text."""
    held = False
    for row in _children(table, _TR):
        cells = list(_children(row, _TC))
        if len(cells) != 1:
            return False
        held = held or any(block.tag == _TBL for block in _blocks(cells[0]))
    return held


def _text_boxes(paragraph: Any) -> Iterator[Any]:
    """The text boxes (w:txbxContent) drawn in a paragraph, in order, not in text Word does
    not show (deleted, hidden). A drawing kept twice (mc:AlternateContent: the drawing in
    its mc:Choice, the same boxes in VML in its mc:Fallback) gives the boxes of one of them
    (the first holding any: a grouped drawing holds several), once."""
    if next(paragraph.iter(_TEXT_BOX), None) is None:
        return  # (most paragraphs: no walk)

    def walk(element: Any) -> Iterator[Any]:
        for child in element:
            tag = child.tag
            if tag == _TEXT_BOX:
                yield child
            elif tag == _ALTERNATE:  # every box of its first choice holding any (a group: several)
                for choice in child:
                    boxes = list(walk(choice))
                    if boxes:
                        yield from boxes
                        break
            elif tag not in _SKIPPED and tag != _P and tag != _TBL \
                    and not (tag == f"{_W}r" and _hidden(child)):
                yield from walk(child)

    yield from walk(paragraph)


_O_OLE = "{urn:schemas-microsoft-com:office:office}OLEObject"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_RELATIONSHIPS = "word/_rels/document.xml.rels"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
MAX_EMBEDDED = 16  # embedded objects looked at, at most: a 自评表 is one or two


def embedded_objects(name: str, data: bytes) -> list[tuple[str, bytes]]:
    """The objects embedded in the document, in document order: (part, its content) for
    each <o:OLEObject> (in a <w:object>) whose r:id leads, through
    word/_rels/document.xml.rels, to a part of the package — word/embeddings/
    Microsoft_Excel_Worksheet.xlsx (Excel.Sheet.12), an Excel 97 object's oleObject.bin,
    a Word document … (a chart's data is no such object). The caller tells a workbook by
    its bytes. The package is checked already (``guard.check_package``: its members'
    sizes); each content is a package of its own, for the caller to check as any
    workbook's."""
    from xml.etree.ElementTree import ParseError

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = set(archive.namelist())
            if _RELATIONSHIPS not in members:
                return []
            targets = {found.get("Id"): found for found in
                       parse_xml(archive.read(_RELATIONSHIPS)).iter(_REL)}
            document = parse_xml(archive.read(DOCUMENT))
            found: list[tuple[str, bytes]] = []
            for ole in document.iter(_O_OLE):
                relationship = targets.get(ole.get(_R_ID))
                if relationship is None or relationship.get("TargetMode") == "External":
                    continue
                part = _part(relationship.get("Target") or "")
                if part not in members or any(part == seen for seen, _ in found):
                    continue
                found.append((part, archive.read(part)))
                if len(found) >= MAX_EMBEDDED:
                    break
            return found
    except KeyError:
        raise _damaged(name, f"缺少 {DOCUMENT}") from None
    except (ParseError, ValueError) as error:
        raise _damaged(name, damage_text(error)) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, OSError, EOFError,
            RuntimeError, struct.error, NotImplementedError) as error:
        raise _damaged(name, f"压缩包无法解压，{damage_text(error)}") from None


def _part(target: str) -> str:
    """A relationship's target from word/document.xml as a part name ("embeddings/x.xlsx"
    → "word/embeddings/x.xlsx", "/word/…" as it is, "../…" up from word/)."""
    if target.startswith("/"):
        return target.lstrip("/")
    parts = ["word"]
    for piece in target.replace("\\", "/").split("/"):
        if piece == "..":
            if parts:
                parts.pop()
        elif piece and piece != ".":
            parts.append(piece)
    return "/".join(parts)


def _damaged(name: str, why: str) -> UnreadableWorkbook:
    return UnreadableWorkbook(f"“{name}”是 Word 文档（.docx），但已损坏或格式异常，无法读取"
                              f"（{why}）；请在 Word 或 WPS 中打开后另存为 .docx 再试，"
                              "或把自评表复制到 Excel 中另存为 .xlsx")


def _document(name: str, data: bytes) -> bytes:
    """word/document.xml, from a package ``guard.check_package`` has checked (its size,
    ratio, member count, method, DTDs: ``read_workbook`` calls it first, as for .ods)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return archive.read(DOCUMENT)
    except KeyError:
        raise _damaged(name, f"缺少 {DOCUMENT}") from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, ValueError, OSError,
            EOFError, RuntimeError, struct.error, NotImplementedError) as error:
        raise _damaged(name, f"压缩包无法解压，{damage_text(error)}") from None


def _blocks(parent: Any) -> Iterator[Any]:
    """The paragraphs and tables of a body (or a cell), in order, through content controls."""
    for child in parent:
        if child.tag in (_P, _TBL):
            yield child
        elif child.tag in _WRAPPERS:
            yield from _blocks(child)


def _children(parent: Any, tag: str) -> Iterator[Any]:
    """The ``tag`` children of a table or a row, through the wrappers around them."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, tag)


# The Symbol font's codes of the signs a target is written with (Word 插入 → 符号 keeps
# them as the font's code, F0xx, not as Unicode): the .docx's w:sym, a .doc's text.
SYMBOL_FONT = {0xF0B3: "≥", 0xF0A3: "≤", 0xF0B9: "≠", 0xF03C: "<", 0xF03E: ">",
               0xF03D: "=", 0xF0B1: "±", 0xF0B4: "×", 0xF0B8: "÷", 0xF025: "%"}


def symbol_character(code: str) -> str:
    """The character of a w:sym's w:char (hex, F0B3 or B3): ≥ for the Symbol font's
    ≥; any other the character its code names (the code of a private font: dropped)."""
    try:
        number = int(code, 16)
    except ValueError:
        return ""
    if number < 0x100:
        number |= 0xF000
    return SYMBOL_FONT.get(number, "")


def _hidden(run: Any) -> bool:
    """Whether a run is hidden text (w:rPr/w:vanish, not switched off)."""
    properties = run.find(f"{_W}rPr")
    vanish = properties.find(f"{_W}vanish") if properties is not None else None
    return vanish is not None and vanish.get(_VAL, "true") not in ("0", "false", "off")


def _paragraph_text(paragraph: Any) -> str:
    """A paragraph's text: its runs' w:t, a tab a tab, a break a line break."""
    parts: list[str] = []

    def walk(element: Any) -> None:
        for child in element:
            tag = child.tag
            if tag in _SKIPPED or tag == _P or tag == _TBL:
                continue
            if tag == f"{_W}r" and _hidden(child):
                continue  # hidden text (隐藏文字): Word neither shows nor prints it
            if tag == f"{_W}t":
                parts.append(child.text or "")
            elif tag == f"{_W}sym":  # 插入 → 符号: a character of a symbol font
                parts.append(symbol_character(child.get(f"{_W}char") or ""))
            elif tag == f"{_W}tab" or tag == f"{_W}ptab":
                parts.append("\t")
            elif tag in (f"{_W}br", f"{_W}cr"):
                parts.append("\n")
            elif tag == f"{_W}noBreakHyphen":
                parts.append("-")
            else:
                walk(child)

    walk(paragraph)
    return "".join(parts)


def _cell_text(blocks: list[Any]) -> str:
    """The text of paragraphs (and of the tables among them: row by row, cell by cell),
    one line each, spaces within a line collapsed as a page's are."""
    lines: list[str] = []

    def collect(items: Any) -> None:
        for block in items:
            if block.tag == _P:
                lines.extend(_paragraph_text(block).split("\n"))
            else:  # a nested table: its text, in reading order
                for row in _children(block, _TR):
                    for cell in _children(row, _TC):
                        collect(_blocks(cell))

    collect(blocks)
    return "\n".join(text for text in (" ".join(line.split()) for line in lines) if text)


def _number(element: Any, tag: str, default: int) -> int:
    """The w:val of a property (w:gridSpan, w:gridBefore), within reason."""
    found = element.find(tag) if element is not None else None
    if found is None:
        return default
    try:
        return max(0, min(int(found.get(_VAL, default)), 16_384))
    except ValueError:
        return default


def _grid(table: Any) -> tuple[int, tuple[int, ...]]:
    """How many grid columns a table states (w:gridCol; 0 if none) and their widths (twips)."""
    grid = table.find(f"{_W}tblGrid")
    columns = [] if grid is None else grid.findall(f"{_W}gridCol")
    widths = []
    for column in columns:
        try:
            widths.append(max(0, int(float(column.get(f"{_W}w", "")))))
        except ValueError:
            widths = []
            break
    return len(columns), tuple(widths)


def _snapped(widths: tuple[int, ...]) -> tuple[list[int], tuple[int, ...]]:
    """The grid's column borders snapped together: for each border (0 the table's left
    edge, k the right edge of grid column k) the border of the table's columns it is,
    and those columns' widths. Borders join the first of a run within ``SNAP`` of it.
    A grid whose columns are mostly slivers (all 0: widths not really stated) is kept as
    it is, one column each."""
    if not widths or sum(widths) < SNAP * len(widths):
        return list(range(len(widths) + 1)), widths
    borders, kept, at = [], [0], 0
    for width in (0, *widths):
        at += width
        if at - kept[-1] > SNAP:
            kept.append(at)
        borders.append(len(kept) - 1)
    return borders, tuple(right - left for left, right in zip(kept, kept[1:], strict=False))


def _row_borders(table: Any) -> list[list[int]]:
    """Each row's cell borders as grid borders (w:gridBefore, then each cell's w:gridSpan)."""
    rows = []
    for tr in _children(table, _TR):
        at = _number(tr.find(f"{_W}trPr"), f"{_W}gridBefore", 0)
        borders = [at]
        for tc in _children(tr, _TC):
            at += max(1, _number(tc.find(f"{_W}tcPr"), f"{_W}gridSpan", 1))
            borders.append(at)
        rows.append(borders)
    return rows


def _used(rows: list[list[int]]) -> set[int]:
    return {border for borders in rows for border in borders}


def _regridded(rows: list[list[int]]) -> dict[int, dict[int, int]]:
    """The rows of a table laid on a second grid (Word joining two tables, a .doc saved
    by LibreOffice: the lower rows' borders none of the upper rows have), each with the
    map of its borders onto the upper rows' column borders — where a lower row has as
    many cells (five or more) as an upper row, cell by cell, the lower grid's borders
    being the upper row's; a lower row with a border the map lacks is left as it is."""
    split = next((number for number in range(1, len(rows)) if len(rows[number]) > 5
                  and len(_used(rows[:number]) - _used(rows[number:])) >= 2
                  and len(_used(rows[number:]) - _used(rows[:number])) >= 2), None)
    if split is None:
        return {}
    upper = {len(borders): borders for borders in rows[:split]
             if len(borders) > 5}  # cell count → the borders of the last upper row
    lower = list(range(split, len(rows)))
    mapping: dict[int, int] = {}
    for number in lower:
        borders = rows[number]
        above = upper.get(len(borders))
        if above is None:
            continue
        pairs = dict(zip(borders, above, strict=True))
        if all(mapping.get(own, theirs) == theirs for own, theirs in pairs.items()):
            mapping.update(pairs)
    if len(mapping) < 6 or sorted(mapping.values()) != [mapping[key] for key in sorted(mapping)]:
        return {}
    return {number: mapping for number in lower if all(b in mapping for b in rows[number])}


class _Layout:
    """Rows as they are laid out on the sheet: cells, merged ranges, the area so far."""

    def __init__(self, max_cells: int) -> None:
        self.cells: list[Cell] = []
        self.merges: list[Merge] = []
        self.tables: list[DocumentTable] = []
        self.row = 0
        self.area = 0
        self.max_cells = max_cells
        self.previous: DocumentTable | None = None  # the table just above, only blank lines between

    def _count(self, area: int) -> None:
        self.area += area
        if self.area > self.max_cells:
            raise TooManyCells

    def line(self, text: str) -> None:
        self.row += 1
        self._count(1)
        self.cells.append((self.row, 1, _value(text), "General"))
        if text.strip():
            self.previous = None

    def _carried_columns(self, widths: tuple[int, ...]) -> int:
        """How many leading grid columns a table right under another leaves out, being that
        table going on: a PDF→Word conversion drops, on the next page, the column a cell
        merged down from the page before held (绩效指标 beside every indicator row) — its
        other columns as many as the table's last ones and each about as wide. 0 if not."""
        above = self.previous
        if above is None or not widths or not above.widths:
            return 0
        missing = len(above.widths) - len(widths)
        if not 1 <= missing <= _MOST_CARRIED or len(widths) < 4:
            return 0
        return missing if widths_alike(above.widths[missing:], widths) else 0

    def table(self, element: Any) -> None:
        first = self.row + 1
        stated, grid_widths = _grid(element)
        borders, widths = _snapped(grid_widths)
        if len(widths) != len(grid_widths):
            stated = len(widths)
        carried = self._carried_columns(widths)  # its rows begin that many columns in
        laid = _Rows()
        self._rows(element, borders, carried, laid, stated or len(widths))
        if self.row >= first:
            columns = stated or laid.widest  # its grid's columns, else its widest row's
            if carried:  # laid out on the grid of the table above, of which it is the rest
                columns, widths = len(self.previous.widths), self.previous.widths[:carried] + widths
            held = tuple(laid.places) if any(inner for _, inner in laid.places) else ()
            self.tables.append(DocumentTable(first, self.row, columns, widths,
                                             tuple(laid.starts), held))
            self.previous = self.tables[-1]
        self.row += 1  # a blank row after the table, as Excel lays out a page's tables
        self.merges.extend((top, left, bottom, right) for top, left, bottom, right in laid.boxes
                           if bottom > top or right > left)

    def _rows(self, element: Any, borders: list[int], shift: int, laid: _Rows,
              columns: int | None) -> None:
        """Lay out a table's rows below ``self.row``, its grid column k at sheet column
        ``shift`` + k (its snapped ``borders``). ``columns``: the table's columns, for a
        top-level table, whose rows may each hold a nested table read in place
        (``_in_place``): that row's rows are the nested table's (the row's other cells
        merged down beside them); None for a nested table, whose nested tables are text."""
        def border(index: int) -> int:  # a grid border's column border (past the grid: on)
            return borders[index] if index < len(borders) else borders[-1] + index + 1 - len(borders)

        # column → [top, left, bottom, right] of the cell a vMerge continue extends
        open_merges: dict[int, list[int]] = {}
        moved = _regridded([[border(index) for index in row_borders]
                            for row_borders in _row_borders(element)])
        for number, tr in enumerate(_children(element, _TR)):
            self.row += 1
            row = self.row
            properties = tr.find(f"{_W}trPr")
            at = _number(properties, f"{_W}gridBefore", 0)  # the grid border it begins at
            remap = moved.get(number)
            column = 1 + shift + border(at)  # the first column free
            placed: list[tuple[Any, int, int, bool, str]] = []  # (tc, left, wide, continues, text)
            for tc in _children(tr, _TC):
                cell_properties = tc.find(f"{_W}tcPr")
                end = at + max(1, _number(cell_properties, f"{_W}gridSpan", 1))
                start_border, end_border = border(at), border(end)
                if remap is not None:  # a row of the table's other grid: the cells above's
                    start_border, end_border = remap[start_border], remap[end_border]
                left = max(column, 1 + shift + start_border)
                wide = 1 + shift + end_border - left
                at = end
                merge = cell_properties.find(f"{_W}vMerge") if cell_properties is not None \
                    else None
                text = _cell_text(list(_blocks(tc)))
                if wide <= 0:  # a sliver between two borders snapped together
                    if not text:
                        continue  # nothing Word could show in it
                    wide = 1
                column = left + wide
                placed.append((tc, left, wide,
                               merge is not None and merge.get(_VAL, "continue") != "restart", text))
            holder = None if columns is None else next(
                (index for index, (tc, _, wide, continues, _) in enumerate(placed)
                 if not continues and _in_place(tc, wide, columns, index == len(placed) - 1)),
                None)
            inner: list[tuple[int, int, tuple[int, ...]] | None] = [None]
            if holder is not None:  # its rows first: how many rows the Word row takes
                _, left, wide, _, _ = placed[holder]
                inner = self._held(placed[holder][0], left, wide, laid)
                self.row = row  # (the row's own cells go on its first row)
            bottom = row + len(inner) - 1
            continued: dict[int, list[int]] = {}
            for index, (_, left, wide, continues, text) in enumerate(placed):
                if index == holder:
                    continue
                self._count(wide)
                if continues:
                    box = open_merges.get(left)
                    if box is not None and box[3] == left + wide - 1:
                        box[2] = bottom
                        continued[left] = box
                        continue
                if text:
                    self.cells.append((row, left, _value(text), "General"))
                box = [row, left, bottom, left + wide - 1]
                laid.boxes.append(box)
                continued[left] = box
            laid.widest = max(laid.widest, column - 1)
            begins = tuple(left for _, left, _, _, _ in placed)
            for sub in inner:
                laid.starts.append(begins)
                laid.places.append((number + 1, sub))
            self.row = bottom
            open_merges = continued

    def _held(self, tc: Any, left: int, wide: int, laid: _Rows
              ) -> list[tuple[int, int, tuple[int, ...]] | None]:
        """Lay out, from ``self.row`` down, a cell holding a table read in place: its
        paragraphs (a row of their own across the cell, where they say anything) and its
        tables' rows, on columns from the cell's first (``left``) on. For each row: None
        (the cell's own text), or (``left``, the nested row, its cells' first columns)."""
        places: list[tuple[int, int, tuple[int, ...]] | None] = []
        self.row -= 1
        pending: list[Any] = []
        for block in [*_blocks(tc), None]:
            if block is not None and block.tag == _P:
                pending.append(block)
                continue
            text, pending = _cell_text(pending), []
            if text:
                self.row += 1
                self._count(wide)
                self.cells.append((self.row, left, _value(text), "General"))
                laid.boxes.append([self.row, left, self.row, left + wide - 1])
                places.append(None)
            if block is None:
                break
            nested = _Rows()
            self._rows(block, _snapped(_grid(block)[1])[0], left - 1, nested, None)
            laid.boxes.extend(nested.boxes)
            laid.widest = max(laid.widest, nested.widest)
            places.extend((left, row, begins) for row, begins in
                          enumerate(nested.starts, start=1))
        return places or [None]


class _Rows:
    """A table's rows as laid out: each row's cells' first columns, its place in the Word
    table (its row, and in a table nested in a cell, the cell's column, the nested row
    and its cells' first columns), the merged boxes, its widest row's last column."""

    def __init__(self) -> None:
        self.starts: list[tuple[int, ...]] = []
        self.places: list[tuple[int, tuple[int, int, tuple[int, ...]] | None]] = []
        self.boxes: list[list[int]] = []
        self.widest = 0


# A table nested in a cell is read in place where the cell spans this many of its table's
# columns at least, and half of them (the one wide cell of a 绩效指标 or 项目资金 row)
_HOLDER_SPAN = 2


def _in_place(tc: Any, wide: int, columns: int, last: bool) -> bool:
    """Whether a cell's nested table is read in place, its rows the row's (module's
    docstring): a table of two rows and two columns at least, in a cell spanning two
    columns and half the table's at least, that fits in it (or the cell ends the row:
    the nested table's further columns lie past the table's, beside no other cell)."""
    if wide < _HOLDER_SPAN or 2 * wide < columns:
        return False
    for block in _blocks(tc):
        if block.tag != _TBL:
            continue
        rows = list(_children(block, _TR))
        cells = max((sum(max(1, _number(cell.find(f"{_W}tcPr"), f"{_W}gridSpan", 1))
                         for cell in _children(row, _TC)) for row in rows), default=0)
        if len(rows) >= 2 and cells >= 2 and (cells <= wide or last):
            return True
    return False


__all__ = ["DOCUMENT", "MAX_EMBEDDED", "SHEET", "SNAP", "SYMBOL_FONT", "document_sheets", "docx_sheets",
           "embedded_objects", "symbol_character"]
