"""Excel's arithmetic operators where formulas' differ: ``--x`` and text turned into numbers.

formulas' tokenizer reads a run of signs as one operator and keeps only its parity,
so ``--x`` becomes ``+x``, and Excel's unary plus changes nothing: ``=--LEFT(D15,3)``
stayed the text "300" and ``SUMPRODUCT(--(A2:A4="否"))`` counted nothing. Here an
even run of minus signs in front of an operand is the operator ``u--`` (``-(-x)``,
a number). And formulas turns text into a number with Python's ``float``: "95%"
and "1,234" were #VALUE! where Excel reads 0.95 and 1234 (``-"95%"`` is -0.95);
every arithmetic operator here reads text as Excel's VALUE does.
"""

from __future__ import annotations

import re
from typing import Any

from formulas.functions import Error, _text2num, wrap_ufunc
from formulas.functions.operators import OPERATORS
from formulas.tokens.operator import Operator

_NUMBER_TEXT = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d*)(?:\.\d*)?(?:[eE][+-]?\d+)?")
DOUBLE_MINUS = "u--"


def text_number(text: str) -> float | None:
    """A text as Excel's VALUE reads it ("95%" 0.95, " 1,234.5 " 1234.5, a date), or None."""
    plain = text.strip()
    percent = plain.endswith("%")
    digits = plain[:-1].strip() if percent else plain
    if digits and any(character.isdigit() for character in digits) \
            and _NUMBER_TEXT.fullmatch(digits):
        number = float(digits.replace(",", ""))
        return number / 100 if percent else number
    if not any(character.isdigit() for character in plain) or "_" in plain:
        return None  # Python's float reads "inf", "nan" and "1_000"; Excel does not
    converted = _text2num(plain)  # formulas' reading of a date or time
    return float(converted) if isinstance(converted, (int, float)) else None


def to_number(value: Any) -> float:
    """An operand of + - * / ^ as Excel reads it; ValueError (#VALUE!) for other text."""
    if isinstance(value, str):
        number = text_number(value)
        if number is None:
            raise ValueError(value)
        return number
    return float(value)


def _numbers(*values: Any) -> Any:
    return map(to_number, values)


def _double_minus_name(self: Operator, tokens: Any, stack: Any) -> None:
    _original_update_name(self, tokens, stack)
    if self.name == "u+" and self.attr.get("sum_minus", "").count("-") >= 2:
        self.attr["name"] = DOUBLE_MINUS


def _double_minus_expr(self: Operator, *tokens: Any) -> None:
    if self.name == DOUBLE_MINUS:
        self.attr["expr"] = "--{}".format(*[token.get_expr for token in tokens])
    else:
        _original_set_expr(self, *tokens)


_original_update_name = Operator.update_name
_original_set_expr = Operator.set_expr

_ARITHMETIC = {
    "+": lambda x, y: x + y,
    "-": lambda x, y: x - y,
    "U-": lambda x: -x,
    DOUBLE_MINUS.upper(): lambda x: x,
    "*": lambda x, y: x * y,
    "/": lambda x, y: (x / y) if y else Error.errors["#DIV/0!"],
    "^": lambda x, y: x ** y,
    "%": lambda x: x / 100.0,
}


def use_excel_operators() -> None:
    """Teach formulas' parser ``--x`` and its operators Excel's text-to-number (idempotent)."""
    if getattr(Operator.update_name, "jixiao", False):
        return
    Operator._precedences[DOUBLE_MINUS] = Operator._precedences["u-"]
    Operator._n_args[DOUBLE_MINUS] = 1
    _double_minus_name.jixiao = True  # type: ignore[attr-defined]
    Operator.update_name = _double_minus_name  # type: ignore[method-assign]
    Operator.set_expr = _double_minus_expr  # type: ignore[method-assign]
    for symbol, function in _ARITHMETIC.items():
        OPERATORS[symbol] = wrap_ufunc(function, input_parser=_numbers)


__all__ = ["DOUBLE_MINUS", "text_number", "to_number", "use_excel_operators"]
