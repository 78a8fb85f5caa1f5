"""Reading 年度指标值 / 实际完成值 text as written in real tables.

``parse_measure("≥ 96.7 万人")`` gives ``Measure(op=">=", value=96.7, unit="万人")``.
Every form of docs/domain.md §3 is understood; what is not understood comes back
with ``kind="unparsed"`` and a Chinese ``problem`` instead of a guess.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
import unicodedata
from dataclasses import dataclass, replace

OPERATORS = (">=", ">", "=", "<=", "<")

# Symbols after NFKC normalisation (full-width ＝＞＜ are already ASCII then).
_SYMBOL_OPS = {
    ">=": ">=", "=>": ">=", "≥": ">=", "≧": ">=", "⩾": ">=",
    "<=": "<=", "=<": "<=", "≤": "<=", "≦": "<=", "⩽": "<=",
    ">": ">", "<": "<", "=": "=", "==": "=",
}
_WORD_OPS = {
    "大于等于": ">=", "大于或等于": ">=", "不低于": ">=", "不少于": ">=", "不小于": ">=",
    "至少": ">=", "达到": ">=", "超过": ">", "大于": ">", "高于": ">", "多于": ">",
    "等于": "=", "小于等于": "<=", "小于或等于": "<=", "不高于": "<=", "不超过": "<=",
    "不多于": "<=", "不大于": "<=", "至多": "<=", "控制在": "<=",
    "小于": "<", "低于": "<", "少于": "<",
}
_SUFFIX_OPS = {"及以上": ">=", "以上": ">=", "及以下": "<=", "以下": "<=", "以内": "<=", "之内": "<="}
_BAD_SYMBOLS = "≠≯≮±"

_NUMBER = r"[-+]?\d+(?:,\d{3})*(?:\.\d+)?"
_OP_SYMBOL_RE = re.compile(r"^(>=|=>|<=|=<|==|[≥≧⩾≤≦⩽><=])")
_NUMBER_RE = re.compile(rf"^({_NUMBER})(.*)$")
_POINTS_RE = re.compile(rf"({_NUMBER})(分)?")
_AMOUNT_RE = re.compile(rf"({_NUMBER})(万元|万)?")
_YUAN_RE = re.compile(rf"({_NUMBER})元")
_DATE_RE = re.compile(
    r"(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?|(底|末))?\s*(之前|以前|前|底前|末前)?"
)

# Qualitative 完成值 → level. Checked in this order: a "未达成" also contains "达成".
_LEVEL_WORDS = (
    ("not", ("未达成", "未完成", "未达到", "未达标", "没有达成", "不达标", "未通过", "不合格",
             "未实现", "不满意", "未及时", "较差")),
    ("partial", ("部分达成", "部分完成", "基本达成", "基本完成", "部分实现", "基本实现",
                 "基本满意", "基本及时", "基本规范")),
    ("achieved", ("达成", "完成", "达标", "通过", "合格", "实现", "满意", "及时", "规范", "明显",
                  "合理", "完善", "有效", "准确", "充分", "提升", "提高", "改善", "是", "良好",
                  "到位", "显著", "按时", "按期", "符合")),
)
LEVEL_NAMES = {"achieved": "达成", "partial": "部分达成", "not": "未达成"}


@dataclass(frozen=True)
class Measure:
    """One 指标值 or 完成值, understood.

    kind: "number" | "date" | "qualitative" | "empty" | "unparsed"
    op: one of OPERATORS, or None when the text states none (or a bad one)
    value: the number as written (96.7 for "96.7 万人"); a date as its ordinal
    unit: normalised unit ("%", "万人", "小时", "" for none, "date" for dates)
    level: for qualitative text, "achieved" | "partial" | "not" | None
    problem: why the text could not be understood, in Chinese, else None
    """

    text: str
    kind: str
    op: str | None = None
    value: float | None = None
    unit: str = ""
    level: str | None = None
    problem: str | None = None

    @property
    def is_number(self) -> bool:
        return self.kind in ("number", "date") and self.value is not None

    @property
    def date(self) -> _dt.date | None:
        if self.kind == "date" and self.value is not None:
            return _dt.date.fromordinal(int(self.value))
        return None


def compact_text(value: object) -> str:
    """A cell's text for matching — the one normaliser of cell text: NFKC (full-width
    → ASCII), no whitespace at all (line breaks, 全角空格); None → ""."""
    if value is None:
        return ""
    return _compact(value if isinstance(value, str) else str(value))


# Memoised: the same labels are matched against every row of every table (a batch reads
# thousands of workbooks with the same headers), and these functions are pure.
@functools.lru_cache(maxsize=16384)
def _compact(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())  # split(): what \s matches


compact_string = _compact  # ``compact_text`` of what the caller knows is a str


@functools.lru_cache(maxsize=16384)
def normalize_text(text: str) -> str:
    """A 指标值/完成值/分值 text as the parser reads it: ``compact_text``, and (%) → %."""
    return _compact(text).replace("(%)", "%").replace("（%）", "%")


def parse_measure(raw: object, *, percent: bool = False) -> Measure:
    """Parse a cell's content (text or number) into a Measure.

    ``percent=True`` says the cell is a number formatted as a percentage in
    Excel (0.998 shown as 99.80%): the value is then given in percent.
    """
    try:
        return _parse_memo(raw, percent)
    except TypeError:  # a value that cannot be a dictionary key
        return _parse(raw, percent)


# The same few texts ("≥95%", "100%", "达成") fill every table, and each is parsed by
# the scoring and by several checks: a pure function, remembered. typed=True keeps
# True, 1 and 1.0 apart (a bool is no 指标值, a number is).
@functools.lru_cache(maxsize=8192, typed=True)
def _parse_memo(raw: object, percent: bool) -> Measure:
    return _parse(raw, percent)


def _parse(raw: object, percent: bool) -> Measure:
    if raw is None:
        return Measure(text="", kind="empty")
    if isinstance(raw, bool):
        return Measure(text=str(raw), kind="unparsed", problem=f"“{raw}”不是指标值")
    if isinstance(raw, (int, float)):
        value = float(raw) * (100.0 if percent else 1.0)
        return Measure(text=_format_number(value) + ("%" if percent else ""), kind="number",
                       value=value, unit="%" if percent else "")
    if isinstance(raw, (_dt.datetime, _dt.date)):
        day = raw.date() if isinstance(raw, _dt.datetime) else raw
        return Measure(text=day.isoformat(), kind="date", op="<=", value=float(day.toordinal()),
                       unit="date")
    original = str(raw)
    text = normalize_text(original)
    if text in ("", "-", "—", "/", "无", "--"):
        return Measure(text=original, kind="empty")

    bad = next((ch for ch in text if ch in _BAD_SYMBOLS), None)
    if bad is not None:
        number = _NUMBER_RE.match(text.lstrip(_BAD_SYMBOLS))
        return Measure(
            text=original, kind="unparsed",
            value=_to_float(number.group(1)) if number else None,
            unit=_clean_unit(number.group(2)) if number else "",
            problem=f"“{bad}”不是有效的指标性质（多为“≥”在转换中损坏），请改为 ≥、＞、＝、≤ 或 ＜",
        )

    date_measure = _parse_date(text, original)
    if date_measure is not None:
        return date_measure

    op, rest = _leading_operator(text)
    number = _NUMBER_RE.match(rest)
    if number is None:
        if any(ch.isdigit() for ch in text):
            return Measure(text=original, kind="unparsed", op=op,
                           problem=f"无法识别“{original.strip()}”中的数值")
        if op is not None:
            return Measure(text=original, kind="unparsed", op=op,
                           problem=f"“{original.strip()}”有运算符但没有数值")
        return Measure(text=original, kind="qualitative", level=qualitative_level(text))
    value = _to_float(number.group(1))
    unit = _clean_unit(number.group(2))
    if op is None:
        for suffix, suffix_op in _SUFFIX_OPS.items():
            if unit.endswith(suffix):
                op, unit = suffix_op, unit[: -len(suffix)]
                break
    if any(ch.isdigit() for ch in unit):
        return Measure(text=original, kind="unparsed", op=op, value=value,
                       problem=f"无法识别“{original.strip()}”：数值后还有数字")
    return Measure(text=original, kind="number", op=op, value=value, unit=unit)


def qualitative_level(text: str) -> str | None:
    """达成 / 部分达成 / 未达成 of a qualitative 完成值, or None if it says none."""
    text = normalize_text(text)
    for level, words in _LEVEL_WORDS:
        if any(word in text for word in words):
            return level
    return None


# A 完成值 that plainly fulfils a qualitative 指标值 without saying 达成: the same words,
# the words going on (持续推进 → 持续推进中), or none where little is wanted (低 → 无投诉).
_NEGATIONS = ("未", "不", "没", "无", "尚", "非", "差", "欠")
_LITTLE_WANTED = ("低", "较低", "无", "零", "少", "较少", "降低", "减少", "下降", "不发生", "杜绝",
                  "未发生", "零发生", "无发生")
_NONE_DONE = ("无", "零", "没有", "未发生", "未出现", "未收到", "0")


def fulfils(target: Measure, actual: Measure) -> bool:
    """Whether a qualitative 完成值 with no 达成-word of its own fulfils the 指标值:
    规定时间内 → 规定时间内, 优 → 优, 持续推进 → 持续推进中, 低 → 无投诉."""
    if target.kind != "qualitative" or actual.kind != "qualitative" or actual.level is not None:
        return False
    goal, done = normalize_text(target.text), normalize_text(actual.text)
    if not goal or not done:
        return False
    if goal in done:
        rest = done.replace(goal, "", 1)
        return not any(word in rest for word in _NEGATIONS)
    return goal in _LITTLE_WANTED and done.startswith(_NONE_DONE)


def with_fulfilment(target: Measure, actual: Measure) -> Measure:
    """The 完成值, read as 达成 where it plainly fulfils the 指标值 (``fulfils``)."""
    if fulfils(target, actual):
        return replace(actual, level="achieved")
    return actual


def parse_points(raw: object) -> float | None:
    """A 分值/得分 cell: 10, "10.00", "20 分", "20分" → float; else None."""
    if raw is None or isinstance(raw, bool):
        return None
    if isinstance(raw, (int, float)):
        return float(raw)
    text = normalize_text(str(raw))
    match = _POINTS_RE.fullmatch(text)
    return _to_float(match.group(1)) if match else None


_HEADING_POINTS_RE = re.compile(r"^(.*?)[(（]?\s*(\d+(?:\.\d+)?)\s*分\s*[)）]?$")


def heading_points(raw: object) -> tuple[str, float | None]:
    """Split "数量指标 (20 分)" into ("数量指标", 20.0); no points → (text, None)."""
    if raw is None:
        return "", None
    text = normalize_text(str(raw))
    match = _HEADING_POINTS_RE.match(text)
    if match and match.group(1):
        return match.group(1).rstrip("(（"), float(match.group(2))
    return text, None


def parse_amount(raw: object) -> float | None:
    """A money cell: 31.56, "15,000.00", "30 万元" → float (万元); else None."""
    if raw is None or isinstance(raw, bool):
        return None
    if isinstance(raw, (int, float)):
        return float(raw)
    text = normalize_text(str(raw))
    match = _AMOUNT_RE.fullmatch(text)
    if match:
        return _to_float(match.group(1))
    match = _YUAN_RE.fullmatch(text)
    return _to_float(match.group(1)) / 10000 if match else None


def parse_rate(raw: object, *, percent_format: bool = False) -> float | None:
    """An 执行率 cell in percent: "99.80%", 99.8, 0.998 with a % format → 99.8."""
    measure = parse_measure(raw, percent=percent_format and isinstance(raw, (int, float)))
    if measure.kind != "number" or measure.value is None or measure.unit not in ("%", ""):
        return None
    return measure.value


# ---------------------------------------------------------------- helpers

def _leading_operator(text: str) -> tuple[str | None, str]:
    match = _OP_SYMBOL_RE.match(text)
    if match:
        return _SYMBOL_OPS[match.group(1)], text[match.end():]
    for word in sorted(_WORD_OPS, key=len, reverse=True):
        if text.startswith(word):
            rest = text[len(word):]
            symbol = _OP_SYMBOL_RE.match(rest)  # "大于=90" is seen too
            if symbol:
                rest = rest[symbol.end():]
            return _WORD_OPS[word], rest
    return None, text


def _parse_date(text: str, original: str) -> Measure | None:
    match = _DATE_RE.search(text)
    if match is None:
        return None
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else 12
    if match.group(3):
        day = int(match.group(3))
    else:
        next_month = _dt.date(year + (month == 12), month % 12 + 1, 1)
        day = (next_month - _dt.timedelta(days=1)).day
    if not match.group(2) and not match.group(4):
        # A bare "2023 年" with no 月/底 is not a deadline ("2023 年完成率 95%").
        if re.search(r"\d", text[match.end():]):
            return None
    try:
        day_value = _dt.date(year, month, day)
    except ValueError:
        return Measure(text=original, kind="unparsed", problem=f"“{original.strip()}”中的日期不存在")
    return Measure(text=original, kind="date", op="<=", value=float(day_value.toordinal()),
                   unit="date", level=qualitative_level(text[match.end():]) if match.end() < len(text) else None)


def _clean_unit(unit: str) -> str:
    unit = unit.strip()
    if unit.startswith("(") and unit.endswith(")"):
        unit = unit[1:-1]
    return {"％": "%", "h": "小时", "H": "小时", "日": "天"}.get(unit, unit)


def _to_float(number: str) -> float:
    return float(number.replace(",", ""))


def _format_number(value: float) -> str:
    return f"{value:g}"
