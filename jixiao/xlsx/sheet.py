"""What a cell source gives for one worksheet, before any table is looked for.

Both cell sources give it — the fast one (``xlsx/cells.py``) and the openpyxl reference
(``xlsx/openpyxl_cells.py``) — and tests/engines.py proves them equal on every test workbook."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class SheetCells:
    """One worksheet as a cell source reads it, before any table is looked for."""

    name: str
    # (row, column, value, number format) of each cell in the file, except the cells a
    # merge covers besides its top-left one; empty values are allowed (they are skipped)
    cells: list[tuple[int, int, Any, str]]
    merges: list[tuple[int, int, int, int]]        # (min_row, min_col, max_row, max_col)
    formulas: dict[str, tuple[str, bool]]          # A1 → (formula, whether a result is saved)
