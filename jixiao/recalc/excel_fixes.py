"""Where formulas' Excel functions give another answer than Excel, Excel's answer.

formulas rounds ``x * 10**d`` as a binary float, so ROUND(0.145, 2) is 0.14 and a
score written ``=ROUND(G14*80.55/90, 2)`` loses a cent that Excel and LibreOffice
keep; Excel first takes a number to its 15 significant digits (the digits it
shows), and so do the comparisons (``=0.1+0.2=0.3`` is TRUE in Excel). TRIM keeps
runs of spaces inside the text; VALUE refuses "95%" and "1,234"; LENB counts a
Chinese character once where Chinese Excel counts two bytes; DATEDIF takes its unit
only in capitals ("d" is #NUM!); HYPERLINK, which shows its friendly name, is unknown;
ROUND, ABS, INT, MOD, SQRT, DATE … read a number stored as text with Python's
``float``, so "98.00%" (a rate written by TEXT) and "1,234.5" were #VALUE! where Excel
reads 0.98 and 1234.5, as its arithmetic does. Each is replaced here by Excel's rule;
the rest of formulas is used as it is. Operators, ranges and criteria, and text
(numbers as text, TEXT, SEARCH, DOLLAR), SUBTOTAL and AGGREGATE (which formulas lacks) have
modules of their own.
"""

from __future__ import annotations

import functools
import math
import operator
import re
import unicodedata
from collections.abc import Callable
from decimal import ROUND_DOWN, ROUND_HALF_UP, ROUND_UP, Decimal, InvalidOperation
from typing import Any

import numpy as np
import schedula as sh
from formulas.functions import Error, wrap_ufunc
from formulas.functions.date import text2num, xdatedif
from formulas.functions.math import xceiling, xmod, xpower, xtrunc
from formulas.functions.operators import OPERATORS, logic_wrap
from formulas.functions.text import _kw1, xfixed, xvalue

from jixiao.recalc.dates import date_to_serial
from jixiao.recalc.excel_operators import text_number, to_number, use_excel_operators
from jixiao.recalc.excel_ranges import use_excel_range_rules
from jixiao.recalc.excel_subtotals import use_excel_subtotals
from jixiao.recalc.excel_text import use_excel_text_rules


def _significant(number: float) -> Decimal:
    """A number as Excel holds it for rounding and comparing: its 15 significant digits."""
    return Decimal(f"{number:.15g}")


def _rounder(mode: str) -> Callable[[Any, Any], Any]:
    def excel_round(number: Any, digits: Any = 0) -> Any:
        places = int(digits)
        exact = _significant(float(number))
        try:
            rounded = exact.scaleb(places).quantize(Decimal(1), rounding=mode).scaleb(-places)
        except InvalidOperation:
            return Error.errors["#NUM!"]
        return float(rounded)

    return excel_round


def _comparison(compare: Callable[[Any, Any], bool]) -> Callable[[Any, Any], bool]:
    """formulas compares (type, value) pairs; numbers by their 15 significant digits."""

    def excel_compare(left: tuple[int, Any], right: tuple[int, Any]) -> bool:
        return compare(_as_shown(left), _as_shown(right))

    return excel_compare


def _as_shown(pair: tuple[int, Any]) -> tuple[int, Any]:
    kind, value = pair
    if kind == 0 and isinstance(value, (int, float, np.floating, np.integer)) \
            and np.isfinite(value):
        return kind, float(_significant(float(value)))
    return pair


def _trim(text: str) -> str:
    return re.sub(" {2,}", " ", text).strip(" ")


def _bytes(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(character) in "WF" else 1
               for character in text)


def _value(text: Any) -> Any:
    """VALUE as Excel: "95%" is 0.95 and "1,234.5" is 1234.5, spaces around allowed."""
    if isinstance(text, str):
        number = text_number(text)
        if number is not None:
            return number
    return xvalue(text)


def _datedif(start: Any, end: Any, unit: Any) -> Any:
    return xdatedif(start, end, unit.upper() if isinstance(unit, str) else unit)


def _hyperlink(link: Any, name: Any = None) -> Any:
    return link if name is None else name


def _numbers(*values: Any) -> Any:
    """Arguments of a numeric function as Excel reads them: text as VALUE reads it."""
    return map(to_number, values)


def _whole_numbers(*values: Any) -> Any:
    return (math.floor(to_number(value)) for value in values)


def _fixed(number: Any, decimals: Any = 2, no_commas: Any = False) -> Any:
    return xfixed(*(to_number(value) if isinstance(value, str) and value is not sh.EMPTY
                    else value for value in (number, decimals)), no_commas)


# formulas' own functions, given Excel's reading of their arguments
_NUMERIC = {
    "ABS": np.abs, "INT": math.floor, "TRUNC": xtrunc, "MOD": xmod, "SQRT": np.sqrt,
    "SIGN": np.sign, "CEILING": xceiling, "POWER": xpower, "LN": np.log,
    "LOG10": np.log10, "EXP": np.exp,
    "FLOOR": functools.partial(xceiling, ceil=math.floor, dfl=Error.errors["#DIV/0!"]),
}

_COMPARISONS = {">=": operator.ge, "<=": operator.le, "<>": operator.ne,
                "<": operator.lt, ">": operator.gt, "=": operator.eq}


def use_excel_rules(registry: dict[str, Any]) -> None:
    """Put Excel's rule in formulas' function ``registry`` and operators (idempotent)."""
    registry["ROUND"] = wrap_ufunc(_rounder(ROUND_HALF_UP), input_parser=_numbers)
    registry["ROUNDUP"] = wrap_ufunc(_rounder(ROUND_UP), input_parser=_numbers)
    registry["ROUNDDOWN"] = wrap_ufunc(_rounder(ROUND_DOWN), input_parser=_numbers)
    for name, function in _NUMERIC.items():
        registry[name] = wrap_ufunc(function, input_parser=_numbers)
    registry["DATE"] = wrap_ufunc(date_to_serial, input_parser=_whole_numbers)
    registry["FIXED"] = wrap_ufunc(_fixed, input_parser=lambda *a: a, args_parser=lambda *a: a)
    registry["TRIM"] = wrap_ufunc(_trim, **_kw1)
    registry["LENB"] = wrap_ufunc(_bytes, **_kw1)
    registry["VALUE"] = wrap_ufunc(_value, input_parser=lambda *a: a)
    registry["DATEDIF"] = wrap_ufunc(_datedif, input_parser=lambda *a: text2num(a))
    registry["HYPERLINK"] = wrap_ufunc(_hyperlink, input_parser=lambda *a: a)
    use_excel_range_rules(registry)
    use_excel_subtotals(registry)
    use_excel_text_rules(registry)
    use_excel_operators()
    for symbol, compare in _COMPARISONS.items():
        OPERATORS[symbol] = logic_wrap(_comparison(compare))


__all__ = ["use_excel_rules"]
