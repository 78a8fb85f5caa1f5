"""Bounds on what formulas' array functions may build at run time (MUNIT, REPT …).

What a function would build, from its arguments as formulas passes them: an identity
matrix of MUNIT(100000) is 10^10 cells, REPT("x",1E9) a gigabyte of text — made inside
one numpy or str call that no time limit interrupts. Such a call is not made: the cell
shows #VALUE! and the report says why (``runtime_problem``).
"""

from __future__ import annotations

import functools
import re
from typing import Any

import numpy as np
import schedula as sh
from formulas.ranges import Ranges
from formulas.tokens.operand import Error, XlError

from jixiao.xlsx.limits import Limits


def _munit_size(n: Any) -> float | None:
    value = _scalar(n)
    return None if value is None else value * value


def _makearray_size(rows: Any, columns: Any, *_: Any) -> float | None:
    height, width = _scalar(rows), _scalar(columns)
    return None if height is None or width is None else height * width


def _expand_size(array: Any, rows: Any, columns: Any = None, *_: Any) -> float | None:
    height = _scalar(rows)
    width = _scalar(columns) if columns is not None else float(np.shape(_plain(array))[-1] or 1)
    return None if height is None or width is None else height * width


def _mmult_size(left: Any, right: Any) -> float | None:
    shapes = np.shape(_plain(left)), np.shape(_plain(right))
    if any(len(shape) != 2 for shape in shapes):
        return None
    return float(shapes[0][0] * shapes[1][1])


def _rept_size(text: Any, times: Any) -> float | None:
    count, piece = _scalar(times), _plain(text)
    if count is None:
        return None
    if isinstance(piece, np.ndarray):
        piece = piece.ravel()[0] if piece.size else ""
    return count * len(str(piece))


MAX_TEXT_LENGTH = 32_767  # Excel's longest text in a cell; REPT beyond it gives #VALUE!
_SIZES = {"MUNIT": _munit_size, "MAKEARRAY": _makearray_size, "EXPAND": _expand_size,
                "MMULT": _mmult_size, "REPT": _rept_size}
REFUSED: dict[str, float] = {}  # function → the size asked for, in this calculation


def bound_array_functions(registry: dict[str, Any]) -> None:
    """Wrap each array-building function of formulas' ``registry`` in ``_bounded`` (idempotent)."""
    for name, size in _SIZES.items():
        for key in (name, f"_XLFN.{name}"):
            function = registry.get(key)
            if callable(function) and not getattr(function, "jixiao_bounded", False):
                registry[key] = _bounded(name, function, size)


def _bounded(name: str, function: Any, size: Any) -> Any:
    @functools.wraps(function)
    def bounded(*args: Any, **kwargs: Any) -> Any:
        try:
            asked = size(*args, **kwargs)
        except Exception:  # noqa: BLE001 — arguments formulas itself will refuse
            asked = None
        limit = MAX_TEXT_LENGTH if name == "REPT" else Limits.from_environment().max_range_cells
        if asked is not None and asked > limit:
            REFUSED[name] = max(asked, REFUSED.get(name, 0))
            return Error.errors["#VALUE!"]
        return function(*args, **kwargs)

    bounded.jixiao_bounded = True  # type: ignore[attr-defined]
    return bounded


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, Ranges) else value


def _scalar(value: Any) -> float | None:
    value = _plain(value)
    if isinstance(value, np.ndarray):
        if value.size == 0:
            return None
        value = value.ravel()[0]
    if value is sh.EMPTY or isinstance(value, XlError):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if number == number else None


def runtime_problem(text: str) -> str | None:
    """Why a formula's cell shows #VALUE!: a function that was not let build its array."""
    upper = text.upper()
    for name, asked in REFUSED.items():
        if re.search(rf"(?<![\w.]){name}\s*\(", upper):
            if name == "REPT":
                return (f"REPT 要生成 {asked:,.0f} 个字符的文字，超过 Excel 的上限 "
                        f"{MAX_TEXT_LENGTH:,} 个字符，未计算")
            return (f"{name} 要生成的数组过大（{asked:,.0f} 个单元格），超过 "
                    f"{Limits.from_environment().max_range_cells:,} 的上限，未计算")
    return None


__all__ = ["MAX_TEXT_LENGTH", "REFUSED", "bound_array_functions", "runtime_problem"]
