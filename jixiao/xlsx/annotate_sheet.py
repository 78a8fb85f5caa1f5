"""A worksheet part with cells marked for the annotated copy: each marked cell's ``s=``
(its style), a ``<c>`` (and ``<row>``) made where the cell has none, a ``<legacyDrawing>``
for the comments' shapes, ``tabSelected`` taken off, and the rows and columns holding a
marked cell shown where the sheet hid them (``reveal``). Nothing else of the part changes.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping

from jixiao.xlsx.refs import column_letters, split_area, split_ref
from jixiao.xlsx.sheet import merge_origin
from jixiao.xlsx.xml import MAIN, RELATIONSHIPS
from jixiao.xlsx.xmledit import (
    CannotEdit,
    Edits,
    Element,
    attribute_value,
    checked_root,
    children,
    first,
    namespaces,
    start_tag,
    with_attribute,
)

# CT_Worksheet, ECMA-376 Part 1 §18.3.1.99: the order of a worksheet's children
WORKSHEET_ORDER = (
    "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr",
    "sheetProtection", "protectedRanges", "scenarios", "autoFilter", "sortState",
    "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting",
    "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter",
    "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags",
    "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects",
    "controls", "webPublishItems", "tableParts", "extLst")
_RANK = {name: rank for rank, name in enumerate(WORKSHEET_ORDER)}
_MERGE = re.compile(r"""<(?:[\w.-]+:)?mergeCell\s[^>]*?\bref\s*=\s*["']([^"']*)["']""")
_TAB_SELECTED = re.compile(r"""<(?:[\w.-]+:)?sheetView(?=[\s/>])[^>]*>""")


class SheetEditor:
    """One worksheet part, read for marking; ``text`` as decoded from the package."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.root, self.prefix = checked_root(text, MAIN, "worksheet")
        self.children = children(text, self.root, skip=("sheetData",))
        for child in self.children:
            declared = namespaces(start_tag(text, child))
            if self.prefix.rstrip(":") in declared:
                raise CannotEdit("the spreadsheet prefix declared again")
        self.sheet_data = first(self.children, self.prefix, "sheetData")
        if self.sheet_data is None:
            raise CannotEdit("a worksheet without sheetData")
        self._rows: dict[int, Element] | None = None
        self.edits = Edits()
        self.revealed_rows: set[int] = set()  # hidden rows ``reveal`` shows
        self.revealed_columns: set[int] = set()

    # ------------------------------------------------------------ reading

    def child(self, local: str) -> Element | None:
        return first(self.children, self.prefix, local)

    def merged(self) -> list[tuple[int, int, int, int]]:
        """(top, left, bottom, right) of every merged range."""
        merges = self.child("mergeCells")
        if merges is None:
            return []
        found = []
        for ref in _MERGE.findall(self.text, merges.start, merges.end):
            try:
                found.append(split_area(ref))
            except ValueError:
                continue
        return found

    def writable(self, ref: str, merges: list[tuple[int, int, int, int]]) -> str:
        """The cell to mark: a merged range's top-left cell stands for all of it (of
        overlapping merges, the one ``sheet.merge_origin`` says)."""
        row, column = merge_origin(merges, *split_ref(ref))
        return f"{column_letters(column)}{row}"

    def rows(self) -> dict[int, Element]:
        if self._rows is None:
            assert self.sheet_data is not None
            self._rows, number = {}, 0
            for row in children(self.text, self.sheet_data, skip=("row",)):
                if row.name != self.prefix + "row":
                    raise CannotEdit(f"<{row.name}> in sheetData")
                given = attribute_value(start_tag(self.text, row), "r")
                number = int(given) if given and given.isdigit() else number + 1
                self._rows[number] = row
        return self._rows

    def cells(self, row: Element, number: int) -> list[tuple[int, Element]]:
        """(column, element) of each cell of a row."""
        found, column = [], 0
        for cell in children(self.text, row, skip=("c",)):
            if cell.name != self.prefix + "c":
                continue  # a row's extLst
            given = attribute_value(start_tag(self.text, cell), "r")
            if given:
                cell_row, column = split_ref(given)
                if cell_row != number:
                    raise CannotEdit(f"cell {given} in row {number}")
            else:
                column += 1
            found.append((column, cell))
        return found

    def style_of(self, ref: str) -> int:
        """The xf index a cell is shown with: its own ``s``, else its row's, else its column's."""
        row_number, column = split_ref(ref)
        row = self.rows().get(row_number)
        if row is not None:
            for number, cell in self.cells(row, row_number):
                if number == column:
                    return _index(attribute_value(start_tag(self.text, cell), "s"))
            tag = start_tag(self.text, row)
            if attribute_value(tag, "customFormat") in ("1", "true"):
                return _index(attribute_value(tag, "s"))
        cols = self.child("cols")
        if cols is not None:
            for col in children(self.text, cols):
                tag = start_tag(self.text, col)
                low, high = _index(attribute_value(tag, "min")), _index(attribute_value(tag, "max"))
                if low <= column <= high:
                    return _index(attribute_value(tag, "style"))
        return 0

    def styled(self, styles: set[int]) -> dict[str, int]:
        """The cells whose own ``s`` is one of ``styles``: ref → style."""
        found = {}
        for number, row in self.rows().items():
            for column, cell in self.cells(row, number):
                style = attribute_value(start_tag(self.text, cell), "s")
                if style and style.strip().isdigit() and int(style) in styles:
                    found[f"{column_letters(column)}{number}"] = int(style)
        return found

    def pixels(self) -> tuple[Callable[[int], int], Callable[[int], int]]:
        """The height of a row and the width of a column (0-based) in pixels as Excel draws
        them at 100 %: a row's ``ht`` (points) or the sheet's default row height (15 pt); a
        column's ``width`` (in digits of 7 px, Calibri 11's) or the default (8.43: 64 px);
        hidden ones 0. Where a note box's ``x:Anchor`` ends."""
        default = self.child("sheetFormatPr")
        tag = start_tag(self.text, default) if default is not None else ""
        row_default = _pixels_of_points(attribute_value(tag, "defaultRowHeight"), 20)
        given = _number(attribute_value(tag, "defaultColWidth"))
        base = _number(attribute_value(tag, "baseColWidth"))
        column_default = _pixels_of_width(given) if given is not None else \
            math.ceil(((8 if base is None else base) * 7 + 5) / 8) * 8
        heights = {}
        for number, row in self.rows().items():
            row_tag = start_tag(self.text, row)
            if attribute_value(row_tag, "hidden") in ("1", "true") \
                    and number not in self.revealed_rows:
                heights[number - 1] = 0
            elif attribute_value(row_tag, "ht") is not None:
                heights[number - 1] = _pixels_of_points(attribute_value(row_tag, "ht"), row_default)
        spans = []
        cols = self.child("cols")
        for col in children(self.text, cols) if cols is not None else []:
            col_tag = start_tag(self.text, col)
            width = _number(attribute_value(col_tag, "width"))
            hidden = attribute_value(col_tag, "hidden") in ("1", "true")
            spans.append((_index(attribute_value(col_tag, "min")) - 1,
                          _index(attribute_value(col_tag, "max")) - 1,
                          0 if hidden else column_default if width is None else _pixels_of_width(width),
                          column_default if width is None else _pixels_of_width(width)))

        def column_width(column: int) -> int:
            return next((shown if column + 1 in self.revealed_columns else px
                         for low, high, px, shown in spans if low <= column <= high), column_default)

        return (lambda row: heights.get(row, row_default)), column_width

    # ------------------------------------------------------------ editing

    def reveal(self, refs: Iterable[str]) -> None:
        """Show the hidden rows and columns that hold a cell of ``refs`` (a marked cell the
        sheet hid could not be seen, nor its note); ``revealed_rows`` and
        ``revealed_columns`` say which. Called before ``set_styles``, which writes a hidden
        empty ``<row/>`` it fills without ``hidden``. A span of hidden columns is split:
        only the columns of ``refs`` are shown."""
        wanted = [split_ref(ref) for ref in refs]
        rows = self.rows()
        for number in sorted({row for row, _ in wanted}):
            row = rows.get(number)
            if row is None:
                continue
            tag = start_tag(self.text, row)
            if attribute_value(tag, "hidden") not in ("1", "true"):
                continue
            self.revealed_rows.add(number)
            if not row.empty:  # an empty one is written whole by ``set_styles``
                self.edits.replace(row.start, row.open_end, with_attribute(tag, "hidden", None))
        columns = {column for _, column in wanted}
        cols = self.child("cols")
        for col in children(self.text, cols) if cols is not None else []:
            tag = start_tag(self.text, col)
            if attribute_value(tag, "hidden") not in ("1", "true"):
                continue
            low, high = _index(attribute_value(tag, "min")), _index(attribute_value(tag, "max"))
            shown = sorted(column for column in columns if low <= column <= high)
            if not shown:
                continue
            self.revealed_columns.update(shown)
            rest = "" if col.empty else self.text[col.open_end:col.end]
            pieces, at = [], low
            for column in [*shown, high + 1]:
                if at < column:  # still hidden
                    pieces.append((at, column - 1, tag))
                if column <= high:
                    pieces.append((column, column, with_attribute(tag, "hidden", None)))
                at = column + 1
            self.edits.replace(col.start, col.end, "".join(
                with_attribute(with_attribute(piece, "min", str(first_column)), "max",
                               str(last_column)) + rest
                for first_column, last_column, piece in pieces))

    def set_styles(self, styles: Mapping[str, int]) -> None:
        """Give each cell ``ref`` the style ``styles[ref]``, making its ``<c>`` (and ``<row>``)
        where it has none."""
        by_row: dict[int, dict[int, int]] = {}
        for ref, style in styles.items():
            row, column = split_ref(ref)
            by_row.setdefault(row, {})[column] = style
        rows = self.rows()
        data = self.sheet_data
        assert data is not None
        later_rows = sorted(rows)
        added: list[tuple[Element | None, int, str]] = []  # (the row it goes before, number, xml)
        for number, wanted in sorted(by_row.items()):
            row = rows.get(number)
            if row is None or row.empty:
                cells = "".join(self._new_cell(number, column, style)
                                for column, style in sorted(wanted.items()))
                if row is not None:  # <row r="5"/>: opened, the cells, closed
                    tag = start_tag(self.text, row)
                    if number in self.revealed_rows:
                        tag = with_attribute(tag, "hidden", None)
                    self.edits.replace(row.start, row.end,
                                       f"{tag[:-2].rstrip()}>{cells}</{self.prefix}row>")
                    continue
                following = next((rows[other] for other in later_rows if other > number), None)
                added.append((following, number, f'<{self.prefix}row r="{number}">{cells}'
                                                  f"</{self.prefix}row>"))
                continue
            existing = dict(self.cells(row, number))
            for column, style in sorted(wanted.items()):
                cell = existing.get(column)
                if cell is not None:
                    tag = start_tag(self.text, cell)
                    self.edits.replace(cell.start, cell.open_end,
                                       with_attribute(tag, "s", str(style)))
                    continue
                following = next((existing[other] for other in sorted(existing) if other > column),
                                 None)
                self.edits.insert(row.close_start if following is None else following.start,
                                  self._new_cell(number, column, style), column)
        if added and data.empty:
            tag = start_tag(self.text, data)
            self.edits.replace(data.start, data.end, f"{tag[:-2].rstrip()}>"
                               + "".join(xml for _, _, xml in added) + f"</{self.prefix}sheetData>")
        else:
            for following, number, xml in added:
                self.edits.insert(data.close_start if following is None else following.start,
                                  xml, number)
        self._widen_dimension(styles)

    def _new_cell(self, row: int, column: int, style: int) -> str:
        return f'<{self.prefix}c r="{column_letters(column)}{row}" s="{style}"/>'

    def _widen_dimension(self, refs: Mapping[str, int]) -> None:
        dimension = self.child("dimension")
        if dimension is None or not refs:
            return
        tag = start_tag(self.text, dimension)
        area = attribute_value(tag, "ref") or ""
        try:
            top, left, bottom, right = split_area(area)
        except ValueError:
            return
        for ref in refs:
            row, column = split_ref(ref)
            top, bottom, left, right = min(top, row), max(bottom, row), min(left, column), \
                max(right, column)
        wider = f"{column_letters(left)}{top}:{column_letters(right)}{bottom}"
        if wider != area:
            self.edits.replace(dimension.start, dimension.open_end, with_attribute(tag, "ref", wider))

    def add_legacy_drawing(self, rid: str) -> None:
        """A ``<legacyDrawing r:id=…>`` at its place in CT_Worksheet's order."""
        if self.child("legacyDrawing") is not None:
            raise CannotEdit("a legacy drawing already")
        rank = _RANK["legacyDrawing"]
        before = [child for child in self.children
                  if child.prefix == self.prefix and _RANK.get(child.local, len(_RANK)) < rank]
        at = before[-1].end if before else self.root.open_end
        declared = namespaces(start_tag(self.text, self.root))
        prefix = next((name for name, uri in declared.items() if uri == RELATIONSHIPS and name), None)
        reference = f'{prefix}:id="{rid}"' if prefix else f'xmlns:r="{RELATIONSHIPS}" r:id="{rid}"'
        self.edits.insert(at, f"<{self.prefix}legacyDrawing {reference}/>", -1)

    def unselect(self) -> None:
        """Take ``tabSelected`` off the sheet's views: the findings sheet is the one selected."""
        views = self.child("sheetViews")
        if views is None:
            return
        for view in _TAB_SELECTED.finditer(self.text, views.open_end, views.close_start):
            if attribute_value(view.group(0), "tabSelected") is not None:
                self.edits.replace(view.start(), view.end(),
                                   with_attribute(view.group(0), "tabSelected", None))

    def result(self) -> str:
        return self.edits.apply(self.text)


def unselect_chartsheet(text: str) -> str:
    """A chart sheet's part without ``tabSelected``."""
    edits = Edits()
    for view in _TAB_SELECTED.finditer(text):
        if attribute_value(view.group(0), "tabSelected") is not None:
            edits.replace(view.start(), view.end(), with_attribute(view.group(0), "tabSelected", None))
    return edits.apply(text)


def in_schema_order(text: str) -> bool:
    """Whether the worksheet's children follow CT_Worksheet's order (tests and the check
    of an edited part)."""
    element, prefix = checked_root(text, MAIN, "worksheet")
    ranks = [_RANK[child.local] for child in children(text, element, skip=("sheetData",))
             if child.prefix == prefix and child.local in _RANK]
    return ranks == sorted(ranks)


def out_of_order(text: str) -> int:
    """How many pairs of the worksheet's children are out of CT_Worksheet's order: an
    edited part may have no more than the part as it came."""
    element, prefix = checked_root(text, MAIN, "worksheet")
    ranks = [_RANK[child.local] for child in children(text, element, skip=("sheetData",))
             if child.prefix == prefix and child.local in _RANK]
    return sum(1 for at, rank in enumerate(ranks) for later in ranks[at + 1:] if later < rank)


def _number(value: str | None) -> float | None:
    try:
        number = float(value) if value is not None else None
    except ValueError:
        return None
    return number if number is not None and math.isfinite(number) and number >= 0 else None


def _pixels_of_points(value: str | None, default: int) -> int:
    number = _number(value)
    return default if number is None else round(number * 96 / 72)


def _pixels_of_width(width: float) -> int:
    """A column ``width`` (ECMA-376 Part 1 §18.3.1.13: digits of the default font's widest
    digit, 7 px in Calibri 11, with the cell's padding) in pixels."""
    return int((256 * width + 128 // 7) / 256 * 7)


def _index(value: str | None) -> int:
    return int(value) if value and value.strip().isdigit() else 0


__all__ = ["WORKSHEET_ORDER", "SheetEditor", "in_schema_order", "out_of_order", "unselect_chartsheet"]
