"""Whole columns and rows (``资金!A:D``, ``3:5``) cut to the cells the sheet uses.

formulas would build a million cells for ``A:A``; jixiao refuses a reference over
``Limits.max_range_cells``. Beyond a sheet's used range every cell is blank, and
VLOOKUP, MATCH, SUM, SUMIF, COUNT, MAX … give the same answer over ``A1:D8`` as over
``A:D`` when row 8 is the sheet's last: ``clamped`` rewrites the formula so. Where
the blank cells themselves count (COUNTBLANK, ROWS, ROW, COLUMNS, COLUMN, a COUNTIF
whose criterion may take blanks such as ``"<>否"`` or one read from a cell, a
comparison with ``""``) the formula is left as it is and refused as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from jixiao.recalc.prepare import SHEET_PREFIX, prefix_sheet
from jixiao.xlsx.refs import FORMULA_STRING, column_letters

_WHOLE = re.compile(SHEET_PREFIX + r"(?<![\w.])(?:"
                    r"(?P<left>\$?[A-Za-z]{1,3}):(?P<right>\$?[A-Za-z]{1,3})(?![\w(!.])"
                    r"|(?P<top>\$?\d+):(?P<bottom>\$?\d+)(?![\w(!.]))")
_BLANKS_COUNT = re.compile(r"(?<![\w.])(?:COUNTBLANK|ROWS?|COLUMNS?)\s*\(", re.IGNORECASE)
_COUNTIF = re.compile(r"(?<![\w.])COUNTIFS?\s*\(", re.IGNORECASE)
# COUNTIF(range, "literal") … whose criteria take no blank cell ("<>x", "" and "=" do)
_SAFE_COUNTIF = re.compile(r"""(?<![\w.])COUNTIFS?\s*\((?:[^,()"]+,\s*"""
                           r"""(?:"(?!<>)(?!=?")(?:[^"]|"")*"|[\d.]+)\s*[,)]\s*)+""", re.IGNORECASE)
_EMPTY_TEXT = re.compile(r'(?:=|<>)\s*""|""\s*(?:=|<>)')


def counts_blanks(formula: str) -> bool:
    """Whether cutting a whole column to the used range may change the formula's answer."""
    if _BLANKS_COUNT.search(FORMULA_STRING.sub('""', formula)) or _EMPTY_TEXT.search(formula):
        return True
    return len(_COUNTIF.findall(formula)) != len(_SAFE_COUNTIF.findall(formula))


def clamped(formula: str, used: Callable[[str | None], tuple[int, int] | None]) -> str:
    """``formula`` with each whole column or row cut to its sheet's used range.

    ``used(sheet)`` gives (last row, last column) of the sheet named (None: the
    formula's own sheet), or None for a sheet that does not exist (left as it is).
    Texts in quotes are kept; a formula where blanks count is returned unchanged.
    """
    if ":" not in formula or counts_blanks(formula):
        return formula
    parts = formula.split('"')  # even parts are outside quotes
    for index in range(0, len(parts), 2):
        parts[index] = _WHOLE.sub(lambda match: _cut(match, used), parts[index])
    return '"'.join(parts)


def _cut(match: re.Match[str], used: Callable[[str | None], tuple[int, int] | None]) -> str:
    sheet = match.group("sheet")
    extent = used(prefix_sheet(sheet))
    if extent is None:
        return match.group(0)
    last_row, last_column = extent
    prefix = sheet or ""
    if match.group("left") is not None:
        left, right = match.group("left"), match.group("right")
        return f"{prefix}{left}$1:{right}${max(last_row, 1)}"
    top, bottom = match.group("top"), match.group("bottom")
    return f"{prefix}$A{top}:${column_letters(max(last_column, 1))}{bottom}"


__all__ = ["clamped", "counts_blanks"]
