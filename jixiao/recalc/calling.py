"""How both engines call a JX_ function with Excel-like arguments, and spread its result.

Blanks arrive as None, numbers as float, a range as a list of rows, and the first
Excel error among the arguments is the result (the function is not called). A
result comes back as a cell holds it: None as "", a non-finite number as #NUM!,
anything else unknown as #VALUE!. ``fit`` spreads it over an array formula's cells.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Sequence
from typing import Any

from jixiao.xlsx.package import CellValue, ExcelError

NA = ExcelError("#N/A")


def argument_value(value: Any) -> Any:
    """A cell value as a JX_ function receives it: floats, text, bools, None, errors."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        return float(value)
    return value


def call_function(function: Callable[..., Any], args: Sequence[Any]) -> Any:
    """Call a JX_ function; an Excel error in any argument is passed on instead, and
    too few or too many arguments (a file Excel did not write) give #VALUE!."""
    for arg in args:
        error = _first_error(arg)
        if error is not None:
            return error
    try:
        _signature(function).bind(*args)
    except TypeError:
        return ExcelError("#VALUE!")
    return result_value(function(*args))


@functools.cache
def _signature(function: Callable[..., Any]) -> inspect.Signature:
    return inspect.signature(function)


def result_value(value: Any) -> Any:
    """What a JX_ function returned, as a cell (or a list of rows of cells) holds it."""
    if isinstance(value, (list, tuple)):
        return [[result_value(item) for item in (row if isinstance(row, (list, tuple))
                                                  else [row])] for row in value]
    if value is None:
        return ""
    if isinstance(value, bool) or isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        number = float(value)
        if number != number or number in (float("inf"), float("-inf")):
            return ExcelError("#NUM!")
        return number
    return ExcelError("#VALUE!")


def fit(result: Any, rows: int, columns: int) -> list[list[CellValue]]:
    """A result spread over an array formula's cells as Excel does: a single row or
    column repeats, cells beyond the result show #N/A."""
    grid = result if isinstance(result, list) else [[result]]
    out = []
    for row in range(rows):
        source = grid[0] if len(grid) == 1 else grid[row] if row < len(grid) else None
        if source is None:
            out.append([NA] * columns)
            continue
        out.append([source[0] if len(source) == 1 else source[column]
                    if column < len(source) else NA for column in range(columns)])
    return out


def _first_error(value: Any) -> ExcelError | None:
    if isinstance(value, ExcelError):
        return value
    if isinstance(value, list):
        for item in value:
            error = _first_error(item)
            if error is not None:
                return error
    return None


__all__ = ["NA", "argument_value", "call_function", "fit", "result_value"]
