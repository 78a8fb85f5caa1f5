"""SUBTOTAL and AGGREGATE, which the formulas package lacks, as Excel computes them.

``SUBTOTAL(function_num, ref1, …)`` applies one of eleven functions to its references —
1 AVERAGE, 2 COUNT, 3 COUNTA, 4 MAX, 5 MIN, 6 PRODUCT, 7 STDEV, 8 STDEVP, 9 SUM, 10 VAR,
11 VARP — leaving out the cells that hold a SUBTOTAL or AGGREGATE themselves (a 合计 over
小计 rows counts each amount once) and the rows an applied filter hides; 101–111 leave out
every hidden row as well. ``AGGREGATE(function_num, options, ref1, …)`` adds 12 MEDIAN,
13 MODE.SNGL and, over a reference or an array with its k, 14 LARGE, 15 SMALL,
16 PERCENTILE.INC, 17 QUARTILE.INC, 18 PERCENTILE.EXC, 19 QUARTILE.EXC; its option says what
to leave out: nested SUBTOTAL and AGGREGATE (0–3), hidden rows (1, 3, 5, 7), error values
(2, 3, 6, 7). A reference's cells are read as SUM reads them: numbers only (COUNTA: every
cell not blank); an error among them is the result, except for COUNT and COUNTA.

Which rows are hidden, and which of them a filter hides, is what the file says (``<row
hidden="1">`` within an applied AutoFilter: ``xlsx.cells.rows_out_of_view``); which cells
hold a SUBTOTAL, what their formulas say. Both are set by ``workbook_rows`` for one
evaluation (a context variable, as ``dates``' date system).
"""

from __future__ import annotations

import contextlib
import contextvars
import math
import re
import statistics
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import schedula as sh
from formulas.functions import Error, XlError, wrap_func

from jixiao.recalc.excel_ranges import is_number
from jixiao.recalc.limits import STRING_LITERAL
from jixiao.xlsx.cells import rows_out_of_view
from jixiao.xlsx.package import Package

_NESTED = re.compile(r"(?<![\w.])(?:_xlfn\.)?(?:SUBTOTAL|AGGREGATE)\s*\(", re.IGNORECASE)


@dataclass(frozen=True)
class _Rows:
    """The workbook's cells holding a SUBTOTAL or AGGREGATE, and its hidden rows, by sheet
    (names in capitals)."""

    nested: frozenset[tuple[str, int, int]] = frozenset()   # (SHEET, row, column)
    hidden: dict[str, frozenset[int]] = field(default_factory=dict)
    filtered: dict[str, frozenset[int]] = field(default_factory=dict)


_ROWS: contextvars.ContextVar[_Rows | None] = contextvars.ContextVar("subtotal_rows",
                                                                    default=None)


@contextlib.contextmanager
def workbook_rows(package: Package) -> Iterator[None]:
    """Evaluate SUBTOTAL and AGGREGATE knowing ``package``'s hidden rows and nested cells."""
    nested: set[tuple[str, int, int]] = set()
    hidden: dict[str, frozenset[int]] = {}
    filtered: dict[str, frozenset[int]] = {}
    for sheet in package.sheets:
        if not package.may_hold_formulas(sheet):
            continue
        name = sheet.name.upper()
        masters = {cell.formula.shared_index: cell.formula.text for cell in package.cells(sheet)
                   if cell.formula is not None and cell.formula.text
                   and cell.formula.shared_index is not None}
        for cell in package.cells(sheet):
            formula = cell.formula
            if formula is None:
                continue
            text = formula.text or masters.get(formula.shared_index, "")
            if text and _NESTED.search(STRING_LITERAL.sub('""', text)):
                nested.add((name, cell.row, cell.column))
        all_hidden, by_filter = rows_out_of_view(package.text(sheet.part))
        if all_hidden:
            hidden[name], filtered[name] = all_hidden, by_filter
    token = _ROWS.set(_Rows(frozenset(nested), hidden, filtered))
    try:
        yield
    finally:
        _ROWS.reset(token)


# function_num → what it computes from the numbers it is given (None: it takes the cells)
def _average(numbers: list[float]) -> Any:
    return sum(numbers) / len(numbers) if numbers else Error.errors["#DIV/0!"]


def _spread(function: Callable[[list[float]], float], least: int) -> Callable[[list[float]], Any]:
    def spread(numbers: list[float]) -> Any:
        return function(numbers) if len(numbers) >= least else Error.errors["#DIV/0!"]

    return spread


def _median(numbers: list[float]) -> Any:
    return statistics.median(numbers) if numbers else Error.errors["#NUM!"]


def _mode(numbers: list[float]) -> Any:
    """MODE.SNGL: the value met most often, the first of equals; none repeated: #N/A."""
    counts: dict[float, int] = {}
    for number in numbers:
        counts[number] = counts.get(number, 0) + 1
    best = max(counts.values(), default=0)
    if best < 2:
        return Error.errors["#N/A"]
    return next(number for number in numbers if counts[number] == best)


_FUNCTIONS: dict[int, Callable[[list[float]], Any]] = {
    1: _average,
    2: len,
    4: lambda numbers: max(numbers, default=0.0),
    5: lambda numbers: min(numbers, default=0.0),
    6: lambda numbers: math.prod(numbers) if numbers else 0.0,
    7: _spread(statistics.stdev, 2),
    8: _spread(statistics.pstdev, 1),
    9: lambda numbers: float(sum(numbers)),
    10: _spread(statistics.variance, 2),
    11: _spread(statistics.pvariance, 1),
    12: _median,
    13: _mode,
}
_COUNTS = (2, 3)  # COUNT and COUNTA: an error among the cells is no result


def _kth(numbers: list[float], k: float, function: int) -> Any:
    """LARGE, SMALL, PERCENTILE.INC, QUARTILE.INC, PERCENTILE.EXC, QUARTILE.EXC (14–19)."""
    ordered = sorted(numbers)
    count = len(ordered)
    if function in (14, 15):
        place = math.ceil(k) if k != int(k) else int(k)
        if not ordered or not 1 <= place <= count:
            return Error.errors["#NUM!"]
        return ordered[-place] if function == 14 else ordered[place - 1]
    share = int(k) / 4 if function in (17, 19) else k  # a quartile: 0–4, a percentile: 0–1
    if function in (16, 17):
        if not ordered or not 0 <= share <= 1:
            return Error.errors["#NUM!"]
        rank = share * (count - 1)  # 0-based
    else:
        rank = share * (count + 1) - 1  # 0-based
        if not ordered or not 0 < share < 1 or rank < 0 or rank > count - 1:
            return Error.errors["#NUM!"]
    low = math.floor(rank)
    if low + 1 >= count:
        return ordered[low]
    return ordered[low] + (rank - low) * (ordered[low + 1] - ordered[low])


def _scalar(value: Any) -> Any:
    if hasattr(value, "ranges"):
        value = value.value
    if isinstance(value, np.ndarray):
        if value.size != 1:
            raise ValueError("one value expected")
        value = value.ravel()[0]
    if isinstance(value, XlError):
        raise _Failed(value)
    return value


class _Failed(Exception):
    def __init__(self, error: Any) -> None:
        super().__init__(str(error))
        self.error = error


def _cells(reference: Any, skip_nested: bool, out_of_view: str) -> list[Any]:
    """The values of a reference's cells that count: a SUBTOTAL's own left out where
    ``skip_nested``, and the rows ``out_of_view`` names ("hidden": every hidden row,
    "filtered": those an applied filter hides, "": none)."""
    if not hasattr(reference, "ranges"):
        raise _Failed(Error.errors["#VALUE!"])  # an array where a reference is wanted
    rows = _ROWS.get() or _Rows()  # outside an evaluation: no row hidden, none nested
    out: list[Any] = []
    for area in reference.ranges:
        if len(reference.ranges) == 1:
            grid = reference.value
        else:
            grid = reference.values.get(area["name"], (None, None))[1]
            if grid is None:
                raise _Failed(Error.errors["#VALUE!"])
        grid = np.asarray(grid, dtype=object).reshape(
            int(area["r2"]) - int(area["r1"]) + 1, int(area["n2"]) - int(area["n1"]) + 1)
        sheet = str(area.get("sheet", "")).upper()
        left_out = rows.hidden.get(sheet, frozenset()) if out_of_view == "hidden" else \
            rows.filtered.get(sheet, frozenset()) if out_of_view == "filtered" else frozenset()
        for i, row_values in enumerate(grid.tolist()):
            row = int(area["r1"]) + i
            if row in left_out:
                continue
            for j, value in enumerate(row_values):
                if skip_nested and (sheet, row, int(area["n1"]) + j) in rows.nested:
                    continue
                out.append(value)
    return out


def apply(function: int, values: list[Any], skip_errors: bool) -> Any:
    """``function`` (1–13) over the values of the cells counted (also ``plain_ranges``'
    SUM, COUNT … over typed-in values)."""
    if skip_errors:
        values = [value for value in values if not isinstance(value, XlError)]
    if function == 3:
        return len([value for value in values if value is not sh.EMPTY])
    if function not in _COUNTS and not skip_errors:
        for value in values:
            if isinstance(value, XlError):
                return value
    return _FUNCTIONS[function]([float(value) for value in values if is_number(value)])


def _subtotal(function_num: Any, *references: Any) -> Any:
    try:
        number = _scalar(function_num)
        function = int(float(number)) if not isinstance(number, str) else None
        if function is None or function % 100 not in range(1, 12) or function > 111 \
                or 11 < function < 101 or not references:
            return Error.errors["#VALUE!"]
        kind = "hidden" if function > 100 else "filtered"
        values = [value for reference in references
                  for value in _cells(reference, True, kind)]
        return apply(function % 100, values, skip_errors=False)
    except _Failed as failed:
        return failed.error


def _aggregate(function_num: Any, options: Any, *arguments: Any) -> Any:
    try:
        function, option = int(float(_scalar(function_num))), _scalar(options)
        option = 0 if option is sh.EMPTY else int(float(option))
        if not 1 <= function <= 19 or not 0 <= option <= 7 or not arguments:
            return Error.errors["#VALUE!"]
        skip_nested, skip_hidden, skip_errors = option <= 3, option % 2 == 1, option in (2, 3, 6, 7)
        kind = "hidden" if skip_hidden else ""
        if function >= 14:  # the array form: (reference or array, k)
            if len(arguments) != 2:
                return Error.errors["#VALUE!"]
            data, k = arguments
            values = _cells(data, skip_nested, kind) if hasattr(data, "ranges") \
                else np.asarray(data, dtype=object).ravel().tolist()
            k_value = float(_scalar(k))
            if not skip_errors:
                for value in values:
                    if isinstance(value, XlError):
                        return value
            return _kth([float(value) for value in values if is_number(value)], k_value,
                        function)
        values = [value for reference in arguments
                  for value in _cells(reference, skip_nested, kind)]
        return apply(function, values, skip_errors)
    except _Failed as failed:
        return failed.error


def use_excel_subtotals(registry: dict[str, Any]) -> None:
    """Put SUBTOTAL and AGGREGATE in formulas' function ``registry`` (idempotent)."""
    registry["SUBTOTAL"] = wrap_func(_subtotal, ranges=True)
    registry["AGGREGATE"] = registry["_XLFN.AGGREGATE"] = wrap_func(_aggregate, ranges=True)


__all__ = ["apply", "use_excel_subtotals", "workbook_rows"]
