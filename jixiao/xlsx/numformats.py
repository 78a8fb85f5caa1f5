"""Excel number formats, as the fast cell source needs them: the built-in codes,
whether a code shows a date or a duration, and a serial number as a date.

``number_shown`` gives the text a format with text of its own shows ("≤"0"件": ≤5件),
for the reader of a 指标值/完成值; it reads only the format code, which both cell
sources give alike.

The rest give exactly what openpyxl gives (the reference cell source), without
importing it: openpyxl pulls in numpy and PIL, a third of a second for a fresh
batch worker. tests/xlsx/test_numformats.py compares both on every built-in id and on
tricky codes.
"""

from __future__ import annotations

import datetime
import decimal
import functools
import math
import re

from jixiao.parsing import EXCEL_EPOCH

# ECMA-376 Part 1, 18.8.30 numFmt: ids below 164 are built in and need not be written
# in styles.xml. The spec fixes the ids below; 5-8 and 41-44 vary with the locale
# and are given here in their en-US form.
BUILTIN_LIMIT = 164
BUILTIN_FORMATS: dict[int, str] = {
    0: "General",
    1: "0",
    2: "0.00",
    3: "#,##0",
    4: "#,##0.00",
    5: '"$"#,##0_);("$"#,##0)',
    6: '"$"#,##0_);[Red]("$"#,##0)',
    7: '"$"#,##0.00_);("$"#,##0.00)',
    8: '"$"#,##0.00_);[Red]("$"#,##0.00)',
    9: "0%",
    10: "0.00%",
    11: "0.00E+00",
    12: "# ?/?",
    13: "# ??/??",
    14: "mm-dd-yy",
    15: "d-mmm-yy",
    16: "d-mmm",
    17: "mmm-yy",
    18: "h:mm AM/PM",
    19: "h:mm:ss AM/PM",
    20: "h:mm",
    21: "h:mm:ss",
    22: "m/d/yy h:mm",
    37: "#,##0_);(#,##0)",
    38: "#,##0_);[Red](#,##0)",
    39: "#,##0.00_);(#,##0.00)",
    40: "#,##0.00_);[Red](#,##0.00)",
    41: r'_(* #,##0_);_(* \(#,##0\);_(* "-"_);_(@_)',
    42: r'_("$"* #,##0_);_("$"* \(#,##0\);_("$"* "-"_);_(@_)',
    43: r'_(* #,##0.00_);_(* \(#,##0.00\);_(* "-"??_);_(@_)',
    # without the ";" between sections, as openpyxl has it: the reference wins
    44: r'_("$"* #,##0.00_)_("$"* \(#,##0.00\)_("$"* "-"??_)_(@_)',
    45: "mm:ss",
    46: "[h]:mm:ss",
    47: "mmss.0",
    48: "##0.0E+0",
    49: "@",
}

# Only the first section (before any ";", even a quoted one) decides, as in openpyxl.
# Quoted text and bracketed colours or locales ([Red], [$-409]) are not date parts;
# elapsed-time brackets ([h], [mm], [ss]) are.
_NOT_DATE_PARTS = re.compile(r'"[^"\n]*"|\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]')
_DATE_PART = re.compile(r"(?<![_\\])[dmhysDMHYS]")  # not after _ (a space) or \ (literal)
_ELAPSED = re.compile(r"\[(?:hh?|mm?|ss?)\]", re.IGNORECASE)

WINDOWS_EPOCH = datetime.datetime.combine(EXCEL_EPOCH, datetime.time())
MAC_EPOCH = datetime.datetime(1904, 1, 1)  # workbookPr date1904


# ECMA-376 Part 1, 18.8.30: ids 27-36 and 50-58 are built-in dates and times whose codes
# depend on the East Asian locale of the program that wrote the file, and are written
# without their codes. A Chinese Excel gives a date typed as 2024年12月20日 id 31. openpyxl
# knows no code for them and reads such a cell as its serial number (45646); jixiao reads
# it as the date, with these zh-CN codes, in both cell sources.
EAST_ASIAN_FORMATS: dict[int, str] = {
    27: 'yyyy"年"m"月"', 28: 'm"月"d"日"', 29: 'm"月"d"日"', 30: "m-d-yy", 31: 'yyyy"年"m"月"d"日"',
    32: 'h"时"mm"分"', 33: 'h"时"mm"分"ss"秒"', 34: '上午/下午h"时"mm"分"',
    35: '上午/下午h"时"mm"分"ss"秒"', 36: 'yyyy"年"m"月"', 50: 'yyyy"年"m"月"', 51: 'm"月"d"日"',
    52: 'yyyy"年"m"月"', 53: 'm"月"d"日"', 54: 'm"月"d"日"', 55: '上午/下午h"时"mm"分"',
    56: '上午/下午h"时"mm"分"ss"秒"', 57: 'yyyy"年"m"月"', 58: 'm"月"d"日"',
}


_LITERALS = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')  # "text", \x, [Red] / [$-804]


@functools.lru_cache(maxsize=256)
def shows_percent(code: str) -> bool:
    r"""Whether a format shows its number times 100 with a % sign: 0%, 0.00%, but not the
    literal "%" of 0.00"%" or 0.00\% (95 shown as 95.00%, a clerk's way to add the sign)."""
    return "%" in code and "%" in _LITERALS.sub("", code)


@functools.lru_cache(maxsize=256)
def literal_percent(code: str) -> bool:
    r"""Whether a format adds a % sign of its own to the number it shows: 0.00"%" and
    0.00\% show 0.8 as 0.80% (the number already in percent)."""
    return "%" in code and not shows_percent(code) and "%" in "".join(_LITERALS.findall(code))


_PERCENT_DECIMALS = re.compile(r"0(?:\.(0+))?%")


@functools.lru_cache(maxsize=256)
def percent_decimals(code: str) -> int | None:
    """The decimals of a percent a percent format shows ("0.00%" → 2, "0%" → 0), else None."""
    if not shows_percent(code):
        return None
    match = _PERCENT_DECIMALS.search(_LITERALS.sub("", code))
    return None if match is None else len(match.group(1) or "")


@functools.lru_cache(maxsize=256)
def date_shown(code: str) -> tuple[bool, bool]:
    """Whether a date format shows the year and the day: m"月"d"日" and mm-dd show no
    year (the date keeps the year it was typed in, which the clerk never sees),
    yyyy"年"m"月" no day (the first of the month is stored)."""
    first = _LITERALS.sub("", code.partition(";")[0]).lower()
    return "y" in first or "e" in first, "d" in first


# What a number format shows of a number with text of its own ("≤"0"件" shows 5 as ≤5件).
# Currency signs (¥, "$", [$¥-804]) mark an amount the parser reads without them.
_CURRENCY = frozenset("$¥￥€£")
_PLACEHOLDERS = frozenset("0#?")
_FILL = {"0": "0", "#": "", "?": " "}  # an unused placeholder shows a 0, nothing, a space
_CONDITION = re.compile(r"\[\s*[<>=]")


class _Unshown(Exception):
    """A format whose showing of a number is not rendered here (a fraction, an exponent…)."""


def _tokens(code: str) -> list[list[tuple[str, str]]]:
    """The sections of a code, each as (kind, text) tokens: "text", "currency", "digit"
    (0 # ?), "point", "comma", "percent", "general", and "unshown" (an exponent, a fraction,
    the text of @); _Unshown for a condition ([>100]), which chooses the section."""
    sections: list[list[tuple[str, str]]] = [[]]
    index, end = 0, len(code)
    while index < end:
        char = code[index]
        tokens = sections[-1]
        if char == '"':
            close = code.find('"', index + 1)
            close = end if close < 0 else close
            text = code[index + 1:close]
            tokens.append(("currency" if text.strip() and set(text.strip()) <= _CURRENCY
                           else "text", text))
            index = close + 1
            continue
        if char in "\\!":  # \x and !x: x itself
            tokens.append(("text", code[index + 1:index + 2]))
            index += 2
            continue
        if char in "_*":  # _x: the width of x; *x: x repeated to fill the cell
            index += 2
            continue
        if char == "[":
            close = code.find("]", index)
            inside = code[index + 1:] if close < 0 else code[index + 1:close]
            if _CONDITION.match(code, index):
                raise _Unshown(code)
            if inside.startswith("$"):  # [$¥-804]: a currency sign and a locale
                tokens.append(("currency", inside[1:].partition("-")[0]))
            index = end if close < 0 else close + 1
            continue
        if code[index:index + 7].lower() == "general":
            tokens.append(("general", ""))
            index += 7
            continue
        if char == ";":
            sections.append([])
        elif char in _PLACEHOLDERS:
            tokens.append(("digit", char))
        elif char == ".":
            tokens.append(("point" if all(kind != "point" for kind, _ in tokens) else "text", char))
        elif char == ",":
            tokens.append(("comma", char))
        elif char == "%":
            tokens.append(("percent", char))
        elif char in "Ee" and code[index + 1:index + 2] in ("+", "-") or char in "@/":
            tokens.append(("unshown", char))  # an exponent, text (@), a fraction
        else:  # $ - + ( ) : space, 件, ≤ …: shown as they are
            tokens.append(("currency" if char in _CURRENCY else "text", char))
        index += 1
    return sections


def _general(value: float) -> str:
    """A number as the General format shows it, to 10 decimals and no exponent."""
    text = f"{round(value, 10):.10f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def _render(value: float, tokens: list[tuple[str, str]]) -> str:
    """The text one section shows of a number it holds (not negative)."""
    kinds = [kind for kind, _ in tokens]
    point = kinds.index("point") if "point" in kinds else len(tokens)
    whole = [i for i in range(point) if kinds[i] == "digit"]
    decimals = [i for i in range(point, len(tokens)) if kinds[i] == "digit"]
    value *= 100 ** kinds.count("percent")
    grouped = False
    for i, kind in enumerate(kinds):  # a comma before a placeholder groups the thousands,
        if kind == "comma":  # one after the last (#,##0, and 0.0,,) divides by 1000
            after = next((k for k in kinds[i + 1:] if k != "comma"), None)
            if after == "digit" and i < point:
                grouped = True
            elif "digit" in kinds[:i]:
                value /= 1000
    if (decimals and not whole) or \
            (grouped and any(kinds[i] == "text" for i in range(whole[0], whole[-1]))):
        raise _Unshown(tokens)  # .00 (no place for the whole number), #,#"-"##0
    rounded = decimal.Decimal(repr(value)).quantize(decimal.Decimal(1).scaleb(-len(decimals)),
                                                    rounding=decimal.ROUND_HALF_UP)
    integer, _, fraction = f"{rounded:f}".partition(".")
    integer = integer.lstrip("0")
    shown = {i: "" for i in range(len(tokens))}
    for place, i in enumerate(reversed(whole)):  # right to left; the first takes the rest
        digits = integer[-place - 1:len(integer) - place] if place < len(integer) else ""
        if i == whole[0]:
            digits = integer[:len(integer) - place]
        shown[i] = digits or _FILL[tokens[i][1]]
    if grouped:
        digits = "".join(shown[i] for i in whole).strip()
        shown.update({i: "" for i in whole})
        shown[whole[0]] = f"{int(digits):,}" if digits else ""
    kept = len(fraction)  # a # or ? at the end shows no trailing 0
    while kept and fraction[kept - 1] == "0" and tokens[decimals[kept - 1]][1] != "0":
        shown[decimals[kept - 1]] = _FILL[tokens[decimals[kept - 1]][1]]
        kept -= 1
    for place in range(kept):
        shown[decimals[place]] = fraction[place]
    text = []
    for i, (kind, raw) in enumerate(tokens):
        if kind == "digit":
            text.append(shown[i])
        elif kind == "point":
            text.append("." if kept else "")
            if kept and not "".join(shown[j] for j in whole).strip():
                text.insert(-1, "0")  # .5 as 0.5: the same number, as a clerk types it
        elif kind in ("text", "percent"):
            text.append(raw)
        elif kind == "general":
            text.append(_general(value))
    return "".join(text).strip()


@functools.lru_cache(maxsize=256)
def _sections(code: str) -> list[list[tuple[str, str]]] | None:
    """A code's sections if it adds text of its own to a number; None if not, or if it
    shows a number in a way not rendered here."""
    if is_date_format(code):
        return None
    try:
        sections = _tokens(code)
    except _Unshown:
        return None
    texts = "".join(raw for kind, raw in sections[0] if kind == "text")
    if not texts.replace("%", "").strip():
        return None  # 0.00, 0%, #,##0.00, "$"#,##0, 0.00"%" (``literal_percent``)
    return sections


def number_shown(value: float, code: str) -> str | None:
    """The text a number with text in its format shows, as the clerk reads it: 5 in
    "≤"0"件" is ≤5件, 1.2 in 0.0"万人" 1.2万人, 0.9 in "≥"0% ≥90%, 2950000 in
    #,##0,"千元" 2,950千元; currency signs left out. None where the format adds no text
    (0.00, 0%, #,##0.00, 0.00"%"), or the number is negative, or its section shows no
    digit (the "-" of an accounting zero), an exponent, a fraction or a condition."""
    sections = _sections(code)
    if sections is None or not math.isfinite(value) or value < 0:
        return None
    section = sections[2] if value == 0 and len(sections) > 2 else sections[0]
    kinds = {kind for kind, _ in section}
    if "unshown" in kinds or not kinds & {"digit", "general"} or {"digit", "general"} <= kinds:
        return None
    try:
        return _render(float(value), section)
    except (_Unshown, decimal.InvalidOperation):
        return None


def number_prefix(value: float, code: str) -> str:
    """The text a format with text of its own writes before the number's digits: ≤ in
    "≤"0"件", 不超过 in "不超过"0"元"; "" where it writes none (0"件") — the sign of a
    ``number_shown`` text without the unit after it. Currency signs left out."""
    sections = _sections(code)
    if sections is None:
        return ""
    section = sections[2] if value == 0 and len(sections) > 2 else sections[0]
    before = []
    for kind, raw in section:
        if kind in ("digit", "general", "point"):
            break
        if kind == "text":
            before.append(raw)
    return "".join(before).strip()


@functools.lru_cache(maxsize=256)
def number_decimals(code: str) -> int | None:
    """The decimals a number format shows of a number: its placeholders after the point
    in the first section ("0" → 0, "0.000" → 3, "#,##0.0" → 1, 0.00"分" → 2). None where
    it shows the number as held (General, @) or not as a plain number: a percent, a date,
    an exponent, a fraction, a condition, a scaling comma (0.0,)."""
    if is_date_format(code) or shows_percent(code):
        return None
    try:
        sections = _tokens(code)
    except _Unshown:
        return None
    kinds = [kind for kind, _ in sections[0]]
    if "digit" not in kinds or {"general", "unshown", "percent"} & set(kinds):
        return None
    last = max(i for i, kind in enumerate(kinds) if kind == "digit")
    if "comma" in kinds[last:]:
        return None
    point = kinds.index("point") if "point" in kinds else len(kinds)
    return kinds[point:].count("digit")


def number_as_shown(value: float, code: str) -> float | None:
    """The number a cell shows of ``value`` under ``code``: rounded half-up to the format's
    decimals, from its 15 significant digits as Excel keeps them (8.125 under "0" shows 8,
    under "0.0" 8.1). None where the format shows the number as held or is no plain
    number format (``number_decimals``)."""
    decimals = number_decimals(code)
    if decimals is None or not math.isfinite(value):
        return None
    number = decimal.Decimal(f"{value:.15g}")
    return float(number.quantize(decimal.Decimal(1).scaleb(-decimals),
                                 rounding=decimal.ROUND_HALF_UP))


def is_date_format(code: str | None) -> bool:
    """Whether a cell with this format holds a date, a time or a duration."""
    if code is None:
        return False
    first = _NOT_DATE_PARTS.sub("", code.partition(";")[0])
    return _DATE_PART.search(first) is not None


def is_timedelta_format(code: str | None) -> bool:
    """Whether the format shows elapsed time ([h]:mm): a duration, not a time of day."""
    return code is not None and _ELAPSED.search(code.partition(";")[0]) is not None


def from_excel(serial: float, epoch: datetime.datetime = WINDOWS_EPOCH,
               timedelta: bool = False) -> datetime.datetime | datetime.time | datetime.timedelta:
    """A date serial as openpyxl reads it: a datetime, a time (below 1) or a duration,
    to the millisecond. OverflowError or ValueError when it is no date."""
    if timedelta:
        span = datetime.timedelta(days=serial)
        if span.microseconds:
            span = datetime.timedelta(seconds=span.total_seconds() // 1,
                                      microseconds=round(span.microseconds, -3))
        return span
    day, fraction = divmod(serial, 1)
    time = datetime.timedelta(milliseconds=round(fraction * 86400 * 1000))
    if 0 <= serial < 1 and time.days == 0:
        minutes, seconds = divmod(time.seconds, 60)
        hours, minutes = divmod(minutes, 60)
        return datetime.time(hours, minutes, seconds, time.microseconds)
    if 0 < serial < 60 and epoch == WINDOWS_EPOCH:
        day += 1  # Excel counts 1900-02-29, which never was; serials before it are a day off
    return epoch + datetime.timedelta(days=day) + time


__all__ = ["BUILTIN_FORMATS", "BUILTIN_LIMIT", "MAC_EPOCH", "WINDOWS_EPOCH", "date_shown",
           "from_excel", "number_prefix", "number_shown", "percent_decimals",
           "is_date_format", "is_timedelta_format"]
