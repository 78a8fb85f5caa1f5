"""Excel's rules for numbers turned into text, TEXT, SEARCH and DOLLAR, where formulas' differ.

A number becomes text (``"x"&A1``, LEN, LEFT, MID, FIND, SUBSTITUTE, CONCATENATE …)
with at most 15 significant digits, as Excel's General format writes it:
``"x"&113.4/120`` is "x0.945" (formulas wrote Python's repr, "x0.9450000000000001"),
``1E-05`` and ``1E+15`` for very small and very large numbers.

TEXT rounds half away from zero on the decimal value shown (``TEXT(0.94625,"0.00%")``
is 94.63%; formulas rounded the binary float half to even, 94.62%), writes single
``d``/``m``/``h`` codes as the whole number (formulas cut the zeros: 20 became 2,
0:00 became :00), ignores locale and colour tags (``[$-804]``, ``[Red]``; ``[$¥-804]``
shows ¥) and uses a code's sections as Excel does (``0;(0)``: the second for negative
numbers, without sign; formulas lost the first section).

SEARCH takes the wildcards * ? and ~ (FIND does not). DOLLAR, unknown to formulas,
writes the number as currency with the Chinese locale's ¥ ("¥1,234.57", "-¥1,234.6").
"""

from __future__ import annotations

import re
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Any

from formulas.functions import Error, wrap_ufunc
from formulas.functions import operators as formulas_operators
from formulas.functions import text as formulas_text
from formulas.functions.date import _n2time
from formulas.functions.text import _format_number, _kw0, _parse_format_code

from jixiao.recalc.dates import serial_to_date
from jixiao.recalc.excel_operators import text_number, to_number
from jixiao.recalc.excel_ranges import is_number, wildcard


def general_text(number: float) -> str:
    """A number as Excel writes it into text: General format, 15 significant digits."""
    if number == 0:
        return "0"
    text = f"{float(number):.15g}"
    return text.replace("e", "E") if "e" in text else text


def excel_str(value: Any) -> str:
    """Any value as Excel's text functions and ``&`` read it."""
    if is_number(value):
        return general_text(float(value))
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    return str(value)


# ---------------------------------------------------------------- TEXT

_GENERAL = {"GENERAL", "G/通用格式"}
_TAG = re.compile(r"\[\$([^\]\-]*)(?:-[0-9A-Fa-f]+)?\]|"
                  r"\[(?:Black|Blue|Cyan|Green|Magenta|Red|White|Yellow|Color\s*\d+)\]",
                  re.IGNORECASE)
_CONDITION = re.compile(r"^\[(<=|>=|<>|<|>|=)\s*([-+]?[\d.]+(?:[eE][-+]?\d+)?)\]")


def _sections(code: str) -> list[str]:
    """The ``;``-separated sections of a format code, quotes and escapes kept whole."""
    sections, current, quoted, escaped = [], [], False, False
    for character in code:
        if escaped:
            escaped = False
        elif character == "\\" and not quoted:
            escaped = True
        elif character == '"':
            quoted = not quoted
        elif character == ";" and not quoted:
            sections.append("".join(current))
            current = []
            continue
        current.append(character)
    sections.append("".join(current))
    return sections


def _without_tags(section: str) -> str:
    """The section without locale and colour tags; a tag's currency symbol as text."""
    parts = section.split('"')  # even parts are outside quotes
    parts[::2] = [_TAG.sub(lambda match: f'"{match.group(1)}"' if match.group(1) else "", part)
                  for part in parts[::2]]
    return '"'.join(parts)


def _pick(sections: list[str], number: float) -> tuple[str, float]:
    """The section Excel uses for ``number``, and the number it formats there."""
    conditions = [_CONDITION.match(section) for section in sections]
    if any(conditions):
        for section, condition in zip(sections, conditions, strict=True):
            if condition is None:
                return section, abs(number) if number < 0 else number
            relation, limit = condition.group(1), float(condition.group(2))
            if _holds(relation, number, limit):
                return section[condition.end():], number
        raise ValueError("no section for the number")
    numeric = sections[:3]
    if len(numeric) == 1 or number > 0 or (number == 0 and len(numeric) == 2):
        return numeric[0], number
    if number < 0:
        return numeric[1], -number
    return numeric[2], number


def _holds(relation: str, number: float, limit: float) -> bool:
    return {"<": number < limit, ">": number > limit, "=": number == limit,
            "<=": number <= limit, ">=": number >= limit, "<>": number != limit}[relation]


def _text(value: Any, format_code: Any) -> Any:
    """TEXT(value, format_code) as Excel writes it."""
    code = excel_str(format_code)
    if isinstance(value, bool):
        return str(value).upper()
    number = float(value) if is_number(value) else \
        text_number(value) if isinstance(value, str) else None
    sections = _sections(code)
    if number is None:  # a text: the fourth section's @, or the text itself
        text = str(value)
        if len(sections) >= 4:
            return _literal(sections[3]).replace("@", text)
        return _literal(sections[0]).replace("@", text) if "@" in sections[0] else text
    if code.strip().upper() in _GENERAL:
        return general_text(number)
    section, number = _pick([_without_tags(section) for section in sections], number)
    if not section:
        return ""
    if section.strip().upper() in _GENERAL:
        return general_text(number)
    if "[" in "".join(section.split('"')[::2]):  # elapsed [h], [DBNum1], an unknown tag
        return Error.errors["#VALUE!"]
    try:
        [(_, codes, types, fstr, mul)] = _parse_format_code(section)
    except Exception:  # noqa: BLE001 — a code formulas cannot read is Excel's #VALUE!
        return Error.errors["#VALUE!"]
    if "date" in types or "time" in types:
        return "".join(_moment_codes(number, codes, types))
    exact = Decimal(f"{number:.15g}") * mul
    with localcontext() as context:
        context.prec = 60
        context.rounding = ROUND_HALF_UP  # Excel rounds what it shows half away from zero
        return "".join(_format_number(exact, codes, types, fstr, 1))


def _literal(section: str) -> str:
    return re.sub(r'"([^"]*)"|\\(.)', lambda match: match.group(1) or match.group(2) or "",
                  section)


def _moment_codes(number: float, codes: list[str], types: dict[str, list[int]]) -> list[str]:
    """The date and time codes of a section filled in from the serial ``number``."""
    moment = datetime(*(serial_to_date(number) + _n2time(number)))
    codes = codes.copy()
    twelve = any(codes[index].upper() in ("AM/PM", "A/P") for index in types.get("time", ()))
    hour = (moment.hour % 12 or 12) if twelve else moment.hour
    meridiem = "AM" if moment.hour < 12 else "PM"
    numbers = {"y": moment.year % 100, "m": moment.month, "d": moment.day,
               "H": hour, "M": moment.minute, "S": moment.second}
    for kind in ("date", "time"):
        for index in types.get(kind, ()):
            code = codes[index]
            letter = code[0]
            if code.upper() == "AM/PM":
                codes[index] = meridiem
            elif code.upper() == "A/P":
                letter_case = str.lower if code[0] == "a" else str.upper
                codes[index] = letter_case(meridiem[0])
            elif letter == "y":
                codes[index] = f"{moment.year:04d}" if len(code) > 2 else f"{numbers['y']:02d}"
            elif letter in "md" and len(code) >= 3:
                names = moment.strftime("%B" if letter == "m" else "%A")
                codes[index] = names[0] if len(code) == 5 and letter == "m" else \
                    names if len(code) >= 4 else names[:3]
            elif letter in numbers:
                value = numbers[letter]
                codes[index] = f"{value:02d}" if len(code) >= 2 else str(value)
    return codes


# ---------------------------------------------------------------- SEARCH, DOLLAR

def _search(find_text: Any, within_text: Any, start_num: Any = 1) -> Any:
    """SEARCH: first place (from start_num) where find_text, with * ? ~, matches; any case."""
    within = excel_str(within_text)
    start = int(float(start_num))
    if start < 1 or start > len(within) + 1:
        return Error.errors["#VALUE!"]
    found = wildcard(excel_str(find_text)).search(within, start - 1)
    return found.start() + 1 if found else Error.errors["#VALUE!"]


def _dollar(number: Any, decimals: Any = 2) -> Any:
    """DOLLAR (中文 Excel 的 RMB): the number as ¥ currency, rounded half away from zero."""
    places = int(to_number(decimals))
    exact = Decimal(f"{to_number(number):.15g}")
    with localcontext() as context:
        context.prec = 60
        context.rounding = ROUND_HALF_UP
        rounded = exact.quantize(Decimal(1).scaleb(-max(places, 0))) if places >= 0 else \
            exact.scaleb(places).quantize(Decimal(1)).scaleb(-places)
        shown = format(abs(rounded), f",.{max(places, 0)}f")
    return f"-¥{shown}" if rounded < 0 else f"¥{shown}"


def use_excel_text_rules(registry: dict[str, Any]) -> None:
    """Put Excel's number-to-text rule in formulas' text functions and ``&``, and
    Excel's TEXT, SEARCH and DOLLAR in its function ``registry`` (idempotent)."""
    formulas_text._str = excel_str  # read at each call by LEN, LEFT, MID, FIND, CONCATENATE …
    formulas_operators._str = excel_str  # and by the & operator
    registry["TEXT"] = wrap_ufunc(_text, input_parser=lambda *a: a)
    registry["SEARCH"] = registry["SEARCHB"] = wrap_ufunc(_search, **_kw0)
    registry["DOLLAR"] = registry["RMB"] = wrap_ufunc(_dollar, input_parser=lambda *a: a)


__all__ = ["excel_str", "general_text", "use_excel_text_rules"]
