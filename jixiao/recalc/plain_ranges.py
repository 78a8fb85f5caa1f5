"""SUM, COUNT, COUNTA, AVERAGE, MAX and MIN over a long range of typed-in values, computed
before the general engine sees the formula.

A roster (发放花名册) of 20,000 rows kept beside the 自评表 and summed by one
``=SUM(H2:H20001)`` would cost the formulas package a node for each of its cells; Python
reads them in a moment. Where every argument of such a call is a plain range (``H2:H20001``,
``花名册!H2:H20001``) of ``FOLD_FROM`` cells or more together, none of them a formula or
part of an array formula, the call is written as its value before the engine parses it —
computed as SUBTOTAL computes the same function (``excel_subtotals.apply``: numbers only,
blanks, texts and booleans left out; the first error is the result, except for COUNT and
COUNTA). The engine then never loads those cells, and ``workload`` does not count them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from jixiao.recalc.prepare import SHEET_PREFIX, prefix_sheet
from jixiao.xlsx.refs import column_number

FOLD_FROM = 1_000  # cells: a short range is left to the engine, as every formula was before

# the call's function → SUBTOTAL's function_num for it
_FUNCTION_NUMBERS = {"AVERAGE": 1, "COUNT": 2, "COUNTA": 3, "MAX": 4, "MIN": 5, "SUM": 9}
_CALL = re.compile(r"(?<![\w.])(AVERAGE|COUNTA?|MAX|MIN|SUM)\s*\(([^()\"]*)\)", re.IGNORECASE)
_RANGE = re.compile(r"\s*" + SHEET_PREFIX
                    + r"\$?([A-Za-z]{1,3})\$?(\d+):\$?([A-Za-z]{1,3})\$?(\d+)\s*")


@dataclass(frozen=True)
class Area:
    """A rectangle of cells; ``sheet`` None: the formula's own sheet."""

    sheet: str | None
    top: int
    left: int
    bottom: int
    right: int

    @property
    def cells(self) -> int:
        return (self.bottom - self.top + 1) * (self.right - self.left + 1)


# the values of an area's cells as the engine holds them (sh.EMPTY, XlError …), or None
# where one of them is a formula (the call is then left to the engine)
Reader = Callable[[Area], "list[Any] | None"]


def folded(text: str, read: Reader) -> str:
    """``text`` with each SUM, COUNT, COUNTA, AVERAGE, MAX or MIN over plain ranges of
    ``FOLD_FROM`` cells or more written as its value (texts in quotes kept)."""
    if ":" not in text:
        return text
    parts = text.split('"')  # even parts are outside quotes
    parts[::2] = [_CALL.sub(lambda call: _value_of(call, read), part) for part in parts[::2]]
    return '"'.join(parts)


def _value_of(call: re.Match[str], read: Reader) -> str:
    from jixiao.recalc.excel_subtotals import apply  # numpy and formulas: only when needed

    areas = [_area(argument) for argument in call.group(2).split(",")]
    if any(area is None for area in areas) or sum(area.cells for area in areas) < FOLD_FROM:
        return call.group(0)
    values: list[Any] = []
    for area in areas:
        cells = read(area)
        if cells is None:
            return call.group(0)
        values += cells
    literal = _literal(apply(_FUNCTION_NUMBERS[call.group(1).upper()], values,
                             skip_errors=False))
    return call.group(0) if literal is None else f"({literal})"


def _area(argument: str) -> Area | None:
    match = _RANGE.fullmatch(argument)
    if match is None:
        return None
    sheet, left, top, right, bottom = match.groups()
    rows, columns = sorted((int(top), int(bottom))), sorted((column_number(left),
                                                             column_number(right)))
    return Area(prefix_sheet(sheet), rows[0], columns[0], rows[1], columns[1])


def _literal(value: Any) -> str | None:
    if isinstance(value, str):  # an XlError: the error's own text, #DIV/0!
        return str.__str__(value)
    number = float(value)
    return repr(number) if math.isfinite(number) else None


__all__ = ["FOLD_FROM", "Area", "Reader", "folded"]
