"""Excel's rules for numbers in ranges and for COUNTIF/SUMIF criteria, where formulas' differ.

A number stored as text ("10" typed into a cell formatted as text, or pasted) is
text to Excel's SUM, COUNT, MAX, MIN, AVERAGE and MEDIAN when it comes from a
reference or an array: left out. Only a text given directly as an argument
(``SUM("3",4)``, or a formula's text result ``SUM(LEFT(A1,2))``) is read as a number.
formulas counted both, and MAX over a range holding one gave #VALUE!. ISNUMBER of
any text is FALSE. SUMPRODUCT takes every entry of its arrays that is not a number
(a text "9.44", TRUE, a blank) as 0, as Excel does; formulas read the text as a number.

Criteria (COUNTIF, SUMIF, AVERAGEIF and their …IFS): ``"<>x"`` takes every cell
that is not x, blanks and numbers too; ``"<>"`` every non-blank cell; ``""`` and
``"="`` the blank ones; ``">=85"`` only numbers (a text "300" is not ≥ 85), while
``"300"`` also matches the text "300" (Excel's rule for equality; the number 300
does not, as in LibreOffice); texts
compare without regard to case, with the wildcards * ? and ~.
"""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Callable
from typing import Any

import numpy as np
import schedula as sh
from formulas.functions import Array, Error, XlError, raise_errors, wrap_func, wrap_ranges_func
from formulas.functions.info import FalseArray, iserror

from jixiao.recalc.excel_operators import text_number

_RELATIONS: dict[str, Callable[[Any, Any], bool]] = {
    ">=": operator.ge, "<=": operator.le, "<>": operator.ne,
    ">": operator.gt, "<": operator.lt, "=": operator.eq}


def is_number(value: Any) -> bool:
    """A number as a cell holds it: not a text, a boolean, a blank or an error."""
    return isinstance(value, (int, float, np.number)) and not isinstance(value, (bool, np.bool_))


def _numbers(args: tuple[Any, ...], count: bool = False) -> list[float]:
    """The numbers Excel's SUM takes from its arguments: every number in a range or
    an array, and each argument given directly (a text read as VALUE reads it)."""
    out: list[float] = []
    for arg in args:
        if isinstance(arg, np.ndarray) and arg.ndim == 0:
            arg = arg.item()
        if isinstance(arg, np.ndarray):
            out.extend(float(value) for value in arg.ravel().tolist() if is_number(value))
        elif arg is sh.EMPTY or isinstance(arg, XlError):
            continue
        elif isinstance(arg, str):
            number = text_number(arg)
            if number is not None:
                out.append(number)
            elif not count:
                raise ValueError(arg)  # wrap_func makes it #VALUE!
        elif isinstance(arg, (bool, np.bool_)) or is_number(arg):
            out.append(float(arg))
    return out


def _aggregate(function: Callable[[list[float]], Any]) -> Callable[..., Any]:
    def aggregate(*args: Any) -> Any:
        raise_errors(args)
        return function(_numbers(args))

    return aggregate


def _count(*args: Any) -> int:
    return len(_numbers(args, count=True))


def _average(numbers: list[float]) -> Any:
    return sum(numbers) / len(numbers) if numbers else Error.errors["#DIV/0!"]


def _median(numbers: list[float]) -> Any:
    return float(np.median(numbers)) if numbers else Error.errors["#NUM!"]


def _sumproduct(*arrays: Any) -> Any:
    """Excel's SUMPRODUCT: arrays of one shape, whatever is not a number is 0."""
    raise_errors(arrays)
    grids = [_grid(array) for array in arrays]
    if any(grid.shape != grids[0].shape for grid in grids):
        return Error.errors["#VALUE!"]
    products = np.ones(grids[0].shape)
    for grid in grids:
        products *= np.vectorize(lambda value: float(value) if is_number(value) else 0.0,
                                 otypes=[float])(grid)
    return float(products.sum())


# ---------------------------------------------------------------- criteria

def _is_text(value: Any) -> bool:
    return isinstance(value, str) and not isinstance(value, sh.Token)  # sh.EMPTY is a str


def _blank(value: Any) -> bool:
    return value is sh.EMPTY or value is None or value == ""


def wildcard(text: str) -> re.Pattern[str]:
    """Excel's * ? and ~ (``~*`` a star) as a regular expression, any case."""
    parts = re.split(r"(~[*?~]|[*?])", text)
    pattern = "".join(".*" if part == "*" else "." if part == "?" else
                      re.escape(part[1]) if part.startswith("~") and len(part) == 2 else
                      re.escape(part) for part in parts)
    return re.compile(pattern, re.IGNORECASE | re.DOTALL)


def criterion(condition: Any) -> Callable[[Any], bool]:
    """Which cell values a COUNTIF criterion takes, as Excel decides it."""
    if isinstance(condition, np.ndarray):
        condition = condition.ravel()[0] if condition.size else sh.EMPTY
    if isinstance(condition, XlError):
        raise ValueError(condition)
    relation = "="
    target: Any = condition
    if condition is sh.EMPTY:
        target = 0.0  # a criterion cell left blank is taken as 0
    elif isinstance(condition, str):
        for symbol in (">=", "<=", "<>", ">", "<", "="):
            if condition.startswith(symbol):
                relation, target = symbol, condition[len(symbol):]
                break
        if target == "" and relation in ("=", "<>"):
            return (lambda value: not _blank(value)) if relation == "<>" else _blank
        number = text_number(target)
        if number is not None:
            target = number
        elif target.upper() in ("TRUE", "FALSE"):
            target = target.upper() == "TRUE"
        elif target in Error.errors:
            error = Error.errors[target]
            equal = functools.partial(_same_error, error)
            return equal if relation == "=" else (lambda value: not equal(value)) \
                if relation == "<>" else (lambda value: False)
    if isinstance(target, (bool, np.bool_)):
        compare = _RELATIONS[relation]
        return lambda value: isinstance(value, (bool, np.bool_)) and compare(value, target)
    if is_number(target):  # a number given as a number matches no text (LibreOffice)
        return _numeric(relation, float(target), text_too=isinstance(condition, str))
    return _textual(relation, str(target))


def _same_error(error: Any, value: Any) -> bool:
    return isinstance(value, XlError) and value == error


def _numeric(relation: str, target: float, text_too: bool) -> Callable[[Any], bool]:
    def equal(value: Any) -> bool:
        if is_number(value):
            return float(value) == target
        return text_too and _is_text(value) and text_number(value) == target

    if relation == "=":
        return equal
    if relation == "<>":
        return lambda value: not equal(value)
    compare = _RELATIONS[relation]
    return lambda value: is_number(value) and compare(float(value), target)


def _textual(relation: str, target: str) -> Callable[[Any], bool]:
    if relation in ("=", "<>"):
        pattern = wildcard(target)

        def equal(value: Any) -> bool:
            return _is_text(value) and pattern.fullmatch(value) is not None

        return equal if relation == "=" else (lambda value: not equal(value))
    compare, folded = _RELATIONS[relation], target.casefold()
    return lambda value: _is_text(value) and value != "" \
        and compare(value.casefold(), folded)


def _grid(value: Any) -> np.ndarray:
    array = np.asarray(value, dtype=object)
    return array.reshape(1, 1) if array.ndim == 0 else array.reshape(1, -1) \
        if array.ndim == 1 else array


def _chosen(pairs: list[tuple[Any, Any]]) -> np.ndarray:
    """Which cells meet every (range, criterion); the ranges' shapes must agree."""
    chosen = None
    for cells, condition in pairs:
        grid = _grid(cells)
        test = criterion(condition)
        hits = np.fromiter((test(value) for value in grid.ravel().tolist()), bool,
                           grid.size).reshape(grid.shape)
        if chosen is not None and chosen.shape != hits.shape:
            raise ValueError("ranges of different sizes")
        chosen = hits if chosen is None else chosen & hits
    assert chosen is not None
    return chosen


def _picked(values: Any, chosen: np.ndarray) -> list[Any]:
    grid = _grid(values)
    rows, columns = chosen.shape
    if grid.shape[0] < rows or grid.shape[1] < columns:
        raise ValueError("sum range smaller than the criteria range")
    return grid[:rows, :columns][chosen].tolist()


def _over_criteria(function: Callable[..., Any]) -> Callable[..., Any]:
    """``function`` once per criterion when a criterion is an array (``{"是","否"}``)."""
    def over(*args: Any) -> Any:
        arrays = [index for index, arg in enumerate(args)
                  if index % 2 == 1 and isinstance(arg, np.ndarray) and arg.size > 1]
        if not arrays:
            return function(*args)
        shape = np.shape(args[arrays[0]])
        out = np.empty(shape, dtype=object)
        for position in np.ndindex(shape):
            chosen = [arg[position] if index in arrays and np.shape(arg) == shape else arg
                      for index, arg in enumerate(args)]
            out[position] = function(*chosen)
        return out.view(Array)

    return over


def _total(picked: list[Any], finish: Callable[[list[float]], Any]) -> Any:
    for value in picked:
        if isinstance(value, XlError):
            return value
    return finish([float(value) for value in picked if is_number(value)])


def _countifs(*args: Any) -> int:
    return int(_chosen(list(zip(args[::2], args[1::2], strict=True))).sum())


def _sumif(cells: Any, condition: Any, values: Any = None) -> Any:
    chosen = _chosen([(cells, condition)])
    return _total(_picked(cells if values is None else values, chosen), sum)


def _averageif(cells: Any, condition: Any, values: Any = None) -> Any:
    chosen = _chosen([(cells, condition)])
    return _total(_picked(cells if values is None else values, chosen), _average)


def _sumifs(values: Any, *args: Any) -> Any:
    chosen = _chosen(list(zip(args[::2], args[1::2], strict=True)))
    return _total(_picked(values, chosen), sum)


def _averageifs(values: Any, *args: Any) -> Any:
    chosen = _chosen(list(zip(args[::2], args[1::2], strict=True)))
    return _total(_picked(values, chosen), _average)


def _shifted(function: Callable[..., Any]) -> Callable[..., Any]:
    """SUMIFS takes its values first: criteria sit at even places."""
    def shifted(values: Any, *args: Any) -> Any:
        return _over_criteria(lambda *pairs: function(values, *pairs))(*args)

    return shifted


def use_excel_range_rules(registry: dict[str, Any]) -> None:
    """Put Excel's SUM … COUNTIF rules in formulas' function ``registry`` (idempotent)."""
    registry["SUM"] = wrap_func(_aggregate(lambda numbers: float(sum(numbers))))
    registry["MAX"] = wrap_func(_aggregate(lambda numbers: max(numbers, default=0.0)))
    registry["MIN"] = wrap_func(_aggregate(lambda numbers: min(numbers, default=0.0)))
    registry["PRODUCT"] = wrap_func(_aggregate(
        lambda numbers: float(np.prod(numbers)) if numbers else 0.0))
    registry["AVERAGE"] = wrap_func(_aggregate(_average))
    registry["MEDIAN"] = wrap_func(_aggregate(_median))
    registry["COUNT"] = wrap_func(_count)
    registry["SUMPRODUCT"] = wrap_func(_sumproduct)
    registry["ISNUMBER"] = wrap_ranges_func(functools.partial(
        iserror, check=is_number, array=FalseArray))
    registry["COUNTIF"] = wrap_func(_over_criteria(_countifs))
    registry["COUNTIFS"] = wrap_func(_over_criteria(_countifs))
    registry["SUMIF"] = wrap_func(_over_criteria(_sumif))
    registry["AVERAGEIF"] = wrap_func(_over_criteria(_averageif))
    registry["SUMIFS"] = wrap_func(_shifted(_sumifs))
    registry["AVERAGEIFS"] = registry["_XLFN.AVERAGEIFS"] = wrap_func(_shifted(_averageifs))


__all__ = ["criterion", "is_number", "use_excel_range_rules", "wildcard"]
