"""What a cell source gives for one worksheet, before any table is looked for.

Both cell sources give it — the fast one (``xlsx/cells.py``) and the openpyxl reference
(``xlsx/openpyxl_cells.py``) — and tests/engines.py proves them equal on every test workbook."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from jixiao.xlsx.refs import split_ref


@dataclass(frozen=True)
class DocumentTable:
    """One table of a document (<w:tbl>, <table>) as laid out on its sheet."""

    first: int                # its first row
    last: int                 # its last row
    columns: int              # its grid's columns (w:tblGrid; a page's widest row)
    widths: tuple[int, ...] = ()  # each grid column's width (w:gridCol, twips), if stated
    # each row's own cells (w:tc, <td>): the column each begins at, from its first row on
    starts: tuple[tuple[int, ...], ...] = ()
    # where a row of its own holds a table nested in a cell, read in place (its rows the
    # row's: ``wordtable``), each row laid out's place: (its row in the Word table, 1 on;
    # for a row of the nested table (the holding cell's first column, the nested row,
    # its cells' first columns), else None); empty where each row is the table's own
    places: tuple[tuple[int, tuple[int, int, tuple[int, ...]] | None], ...] = ()


# Two grids alike: their columns' widths differ by a tenth of the whole width at most.
_WIDTH_SLACK = 0.1


def widths_alike(these: tuple[int, ...], those: tuple[int, ...]) -> bool:
    """Whether two runs of grid columns are as many and each about as wide (twips)."""
    if len(these) != len(those):
        return False
    whole = max(sum(these), 1)
    return sum(abs(a - b) for a, b in zip(these, those, strict=True)) <= _WIDTH_SLACK * whole


def totals_alike(these: tuple[int, ...], those: tuple[int, ...]) -> bool:
    """Whether two grids are about as wide in all: by a tenth of the wider at most."""
    wider = max(sum(these), sum(those), 1)
    return abs(sum(these) - sum(those)) <= _WIDTH_SLACK * wider


@dataclass
class SheetCells:
    """One worksheet as a cell source reads it, before any table is looked for."""

    name: str
    # (row, column, value, number format) of each cell in the file, except the cells a
    # merge covers besides its top-left one — a top-left cell is kept even where another
    # merge overlaps it (``merge_corners``); empty values are allowed (they are skipped)
    cells: list[tuple[int, int, Any, str]]
    merges: list[tuple[int, int, int, int]]        # (min_row, min_col, max_row, max_col)
    formulas: dict[str, tuple[str, bool]]          # A1 → (formula, whether a result is saved)
    # A document's own tables (a Word .docx, a web page), in order: where each one's rows
    # are laid out; none for a worksheet, whose tables only their texts tell apart
    tables: list[DocumentTable] = field(default_factory=list)
    # the rows the sheet hides (<row hidden="1">): not shown, not printed — except the
    # rows an applied filter hides (see ``unfiltered``), which are the sheet's data
    hidden_rows: frozenset[int] = frozenset()
    # the columns the sheet hides (<col min max hidden="1">): a column kept from last
    # year beside this year's, under the same header
    hidden_columns: frozenset[int] = frozenset()


def hidden_for_good(hidden: frozenset[int], *, filter_ref: str | None = None,
                    grouped: frozenset[int] = frozenset(), table_filtered: bool = False
                    ) -> frozenset[int]:
    """The rows a sheet hides for good: ``hidden`` less the rows of a collapsed group
    (``grouped``: an outline level, its + button shows them — a view, like a filter), those
    an applied AutoFilter hides (``unfiltered``), and, where an Excel Table's filter is
    applied (``table_filtered``: the sheet in filter mode, no AutoFilter of its own
    applied), all of them: the filter of a table over the indicators hides this year's."""
    if table_filtered:
        return frozenset()
    return unfiltered(hidden - grouped, filter_ref)


def unfiltered(hidden: frozenset[int], filter_ref: str | None) -> frozenset[int]:
    """The hidden rows less those an applied AutoFilter hides (``filter_ref``: the filter's
    range, its first row the header): a clerk who filtered the indicators (一级指标 = 产出指标)
    and saved hides this year's rows for a while, not last year's for good."""
    if not hidden or not filter_ref:
        return hidden
    first, _, last = filter_ref.partition(":")
    try:
        top, bottom = split_ref(first)[0], split_ref(last or first)[0]
    except ValueError:
        return hidden
    return frozenset(row for row in hidden if not top < row <= bottom)



Merge = tuple[int, int, int, int]  # (min_row, min_col, max_row, max_col)


def merge_origins(merges: Iterable[Merge]) -> dict[tuple[int, int], tuple[int, int]]:
    """Each cell a merge covers → the top-left cell whose value it shows. Where merges
    overlap (LibreOffice saves A12:A43 over the 总分 row's A43:F43 after rows were inserted
    and deleted in a protected template), the covering merge whose top-left comes last (by
    row, then column) stands for a cell: a merge's own top-left cell stands for itself and
    keeps its own value, as LibreOffice shows it (总分 at A43, not 绩效指标)."""
    origin: dict[tuple[int, int], tuple[int, int]] = {}
    for top, left, bottom, right in sorted(merges):  # a later top-left overwrites
        corner = (top, left)
        for row in range(top, bottom + 1):
            for column in range(left, right + 1):
                origin[(row, column)] = corner
    return origin


def merge_origin(merges: Iterable[Merge], row: int, column: int) -> tuple[int, int]:
    """The cell standing for (row, column) (``merge_origins``); itself outside any merge."""
    covering = [(top, left) for top, left, bottom, right in merges
                if top <= row <= bottom and left <= column <= right]
    return max(covering, default=(row, column))


def merge_corners(merges: Iterable[Merge]) -> frozenset[tuple[int, int]]:
    """The merges' top-left cells: each keeps its value even under another merge
    (``merge_origins``); the other cells a merge covers are read empty, as openpyxl
    reads them."""
    return frozenset((top, left) for top, left, _, _ in merges)
