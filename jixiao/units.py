"""Putting a target and an actual on the same scale.

96.7 万人 and 918226 人 compare as 967000 and 918226; ≥95% and 0.95 as 95 and
95; "6 次" and a bare 6 as 6 and 6. Units that cannot be reconciled
(万元 against 小时) give None, never a guess.

One module past ~400 lines on purpose: it is the one home of units — their spellings
(元/人·月 and 元/人/月, km and 公里), scales and quantities, and the comparison that needs
all of them; split, the spellings would be read in two places.
"""

from __future__ import annotations

import datetime as _dt
import functools
import math
import re
from dataclasses import replace
from decimal import Decimal

from jixiao.parsing import (
    COUNTING_WORDS,
    DAY_OF_MONTH,
    DECLINE,
    RISE,
    YEARLESS_UNIT,
    Measure,
    about_number,
    budget_ceiling,
    change_stated,
    dates_compared,
    floor_of_nothing,
    kept_to_budget,
    level_first,
    overrun_by,
    words_as_numbers,
)

_SCALE_PREFIXES = {"亿": 1e8, "千万": 1e7, "百万": 1e6, "万": 1e4, "千": 1e3}
_SYNONYMS = {"％": "%", "个百分点": "%", "h": "小时", "日": "天", "个工作日": "工作日", "场次": "场",
             "人次": "人次", "元/人": "元/人", "名": "人", "位": "人", "批次": "批", "轮次": "轮",
             "个小时": "小时", "t": "吨", "min": "分钟", "日历天": "天", "个日历天": "天",
             "日历日": "天", "个日历日": "天", "ha": "公顷", "kwh": "千瓦时", "kWh": "千瓦时",
             "kw·h": "千瓦时", "kW·h": "千瓦时", "千瓦·时": "千瓦时", "kw": "千瓦", "kW": "千瓦",
             "mw": "兆瓦", "MW": "兆瓦", "mwh": "兆瓦时", "MWh": "兆瓦时", "台套": "台(套)"}
_KEPT = frozenset(("人次", "户次", "家次", "台次", "个人"))  # one unit each, not 人 + 次
# Units of one quantity, each in a base of its own (the 万/千 prefixes above apply first:
# 千米 is 1000 米, 万亩 10,000 亩 — and one prefix only: 万千瓦时 is 10,000 千瓦时, so 千瓦时 is
# listed as well as 瓦时): seconds, months, metres, 亩, cubic metres, grams, watt-hours, watts.
# Each base is a unit every other of its quantity is a whole or short decimal number of —
# area in 亩 (平方米 0.0015 亩, 公顷 15), time in seconds — and values are converted in
# decimal (``_in_base``): a converted value is the decimal a person computes, so a score on a
# tie stays one (6.5公顷 beside ≥100亩 is 97.5 亩 of 100: 5 × 0.975 = 4.875 → 4.88). In
# 平方米, 100 亩 is 66666.666…, which no float holds; the tie landed a hair low (4.87, rt32).
_QUANTITIES: dict[str, tuple[str, Decimal]] = {name: (quantity, Decimal(size)) for name, (
    quantity, size) in {
    "秒": ("time", "1"), "分钟": ("time", "60"), "小时": ("time", "3600"), "天": ("time", "86400"),
    "周": ("time", "604800"),
    # the calendar's own: months, quarters, years (a month has no fixed number of days)
    "个月": ("calendar", "1"), "季度": ("calendar", "3"), "个季度": ("calendar", "3"),
    "年": ("calendar", "12"),
    "米": ("length", "1"), "m": ("length", "1"), "公里": ("length", "1000"),
    "km": ("length", "1000"), "厘米": ("length", "0.01"), "cm": ("length", "0.01"),
    # 1 公顷 = 15 亩 = 10,000 平方米
    "平方米": ("area", "0.0015"), "㎡": ("area", "0.0015"), "m2": ("area", "0.0015"),
    "m²": ("area", "0.0015"), "平米": ("area", "0.0015"), "亩": ("area", "1"),
    "公顷": ("area", "15"), "平方公里": ("area", "1500"), "km2": ("area", "1500"),
    "km²": ("area", "1500"),
    "立方米": ("volume", "1"), "m3": ("volume", "1"), "方": ("volume", "1"),
    "克": ("mass", "1"), "公斤": ("mass", "1e3"), "kg": ("mass", "1e3"), "吨": ("mass", "1e6"),
    "毫克": ("mass", "1e-3"), "mg": ("mass", "1e-3"), "微克": ("mass", "1e-6"),
    "μg": ("mass", "1e-6"), "ug": ("mass", "1e-6"), "升": ("volume", "1e-3"),
    "l": ("volume", "1e-3"), "毫升": ("volume", "1e-6"), "ml": ("volume", "1e-6"),
    # electricity: 度 is 千瓦时 (kWh; listed after it, so 元/度 is named 元/千瓦时); 1 兆瓦 = 1000 千瓦
    "瓦时": ("energy", "1"), "千瓦时": ("energy", "1e3"), "度": ("energy", "1e3"),
    "兆瓦时": ("energy", "1e6"), "瓦": ("power", "1"), "千瓦": ("power", "1e3"),
    "兆瓦": ("power", "1e6"),
}.items()}


def _in_base(value: float, *sizes: float | Decimal) -> float:
    """``value`` times ``sizes`` (a 万's 10,000, a unit's size in its base), computed in
    decimal from the numbers as written (``written``), so no binary noise of the product is carried on: 16.17 万 is 161700, not
    161700.00000000003, and 65000 平方米 97.5 亩."""
    if all(size == 1 for size in sizes):
        return value  # nothing converted: the value as read (the hot path of every row)
    product = written(value)
    for size in sizes:
        product *= size if isinstance(size, Decimal) else written(size)
    return float(product)


def written(number: float) -> Decimal:
    """A float as the number a person wrote: its 15 significant digits, what a spreadsheet
    keeps of a float (no float has more that a person wrote; beyond them is binary noise).
    16.17 万元 in 元 is 161700.00000000003 in binary; written, it is 161700. The one home of
    this reading: ``rules.round2`` rounds the written number, ``_in_base`` converts it."""
    return Decimal(f"{number:.15g}")


@functools.lru_cache(maxsize=1024)  # a handful of units, asked for by every indicator
def is_time(unit: str) -> bool:
    """Whether ``unit`` measures time or names a date: 小时, 个工作日, 个月, and the day of a
    month a deadline names (每月10日前: 每月日)."""
    base = split_unit(unit)[1]
    quantity = _QUANTITIES.get(base)
    return (quantity is not None and quantity[0] in ("time", "calendar")) \
        or base in ("工作日", "日", "月", "季") or (unit.startswith("每") and unit.endswith("日"))


@functools.lru_cache(maxsize=4096)  # a pure function of the text; asked ~60 times a table
def split_unit(unit: str) -> tuple[float, str]:
    """"万人" → (10000, "人"); "%" → (1, "%"); "" → (1, ""); "200名学生"'s unit → (1, "人")."""
    unit = unit.lower() if unit.isascii() else unit  # KM, Km: km
    unit = _SYNONYMS.get(unit, unit)
    if "/" in unit or "每" in unit[1:]:  # 元/㎡ is 元/平方米, 万元/km 万元/公里: one name each
        unit = _per_parts(unit)
    for prefix, scale in _SCALE_PREFIXES.items():
        rest = unit[len(prefix):]
        if unit.startswith(prefix) and rest:
            return scale, _counted(_SYNONYMS.get(rest, rest))
    if unit in _SCALE_PREFIXES:  # "30 万" means 万 of whatever the other side counts
        return _SCALE_PREFIXES[unit], ""
    return 1.0, _counted(unit)


# What an amount is per, written after / or 每: one thing (亩, km), or a thing and a period
# (人 and 月) — 元/人/月, 元/人·月, 元/(人·月), 元/人月, 元每人每月 are one unit, 元/人/月; a
# count of times joined to what it counts (元/人·次, 元/人/次: 元/人次, as 人次 is one unit).
_PER_RE = re.compile(r"[/每]")  # after the head (kW·h/㎡: the head is kW·h)
_PER_MARK_RE = re.compile(r"[/每·・•∙*]|(?<!\d)\.(?!\d)")  # a dot between digits is a decimal point
_PER_BRACKETS = ("(", "（"), (")", "）")
_PERIOD_AFTER = "月年天日周"  # 人月, 户年: a thing and a period, written as one word
_PER_NAMES = {"日": "天", "名": "人", "位": "人"}  # 元/名 and 元/位 are 元/人: the same people
_PERIODS = frozenset(("年", "季度", "季", "月", "周", "天"))  # what an amount is per, in time


@functools.lru_cache(maxsize=256)
def _per_parts(unit: str) -> str:
    """A unit with a / or a 每 after its head in one spelling: its head and each thing it is
    per in one name (元/人·月 → 元/人/月, 万元每公里 → 万元/公里, 元/人·次 → 元/人次, 元/名
    → 元/人: 名 and 位 count the same people). The period is never dropped: 元/人/年 is no
    元/人."""
    mark = _PER_RE.search(unit, 1)
    cut = 0 if unit[:1] == "/" else (mark.start() if mark is not None else len(unit))
    head, per = unit[:cut], unit[cut + 1:]
    if per.startswith(_PER_BRACKETS[0]) and per.endswith(_PER_BRACKETS[1]):
        per = per[1:-1]  # 元/(人·月): the brackets only group what it is per
    parts: list[str] = []
    for part in filter(None, _PER_MARK_RE.split(per)):
        if len(part) == 2 and part[1] in _PERIOD_AFTER and part[0] in _COUNTING \
                and part[0] not in "个%":  # 人月 is 人 and 月 (not 个月, a length)
            parts += [part[0], _PER_NAMES.get(part[1], part[1])]
        elif part == "次" and parts and parts[-1] in _COUNTING:
            parts[-1] += part  # 人·次: 人次
        else:
            parts.append(_PER_NAMES.get(part, part))
    if not parts:
        return unit
    parts.sort(key=lambda part: part in _PERIODS)  # 元/月/人: 元/人/月, the period last
    return "/".join([_one_name(head) if head else "", *map(_one_name, parts)])


# Whom (or what) an amount is paid to each of: a person, a household, a pupil, a bed, an 亩
# of land, an animal, a village, a school, a 公里 of road kept up (元/人·月, 元/名, 元/户,
# 元/人次, 元/生·年, 元/亩, 元/头, 万元/村, 元/校, 万元/公里)
_HEADS = frozenset(("人", "户", "人次", "户次", "生", "学生", "名", "床", "亩", "头", "只",
                    "村", "校", "公里"))


def per_head(unit: str) -> bool:
    """Whether a unit is an amount per person or household or other thing paid to
    (元/人, 元/人·月, 元/户, 万元/村, 万元/公里: ``_HEADS``): a standard paid to each, not a
    sum (万元)."""
    parts = _per_parts(unit).split("/")
    return len(parts) > 1 and parts[1] in _HEADS


# The same heads named before the amount in a name: 人均, 户均, 生均, 亩均, 头均 and 每人, 每户,
# 每生, 每亩, 每头 (每亩补贴 ≥150元 is 150元/亩)
_PER_HEAD_WORDS = tuple(sorted({word for head in _HEADS for word in (f"{head}均", f"每{head}")}))


def names_per_head(name: str) -> bool:
    """Whether a name says its amount is paid to each of ``_HEADS`` (人均补助, 每亩补贴,
    亩均补助, 生均补助): per head, as a unit of 元/人 or 元/亩 says."""
    return any(word in name for word in _PER_HEAD_WORDS)


@functools.lru_cache(maxsize=256)
def _one_name(part: str) -> str:
    """A measure by its Chinese name in ``_QUANTITIES`` (km, 千米 → 公里; ㎡, m2, 平米 →
    平方米; kg, 千克 → 公斤; 方 → 立方米): the spellings of one size of one quantity are one
    unit; any other part as it is (万元, 人)."""
    scale, base = split_unit(part)
    quantity, factor = _QUANTITIES.get(base, (None, Decimal(0)))
    if quantity is None:
        return part
    return next((name for name, known in _QUANTITIES.items()
                 if known == (quantity, written(scale) * factor) and "\u4e00" <= name[0] <= "\u9fff"), part)


# Words that count (个, 名, 户, 所 …; ``parsing.COUNTING_WORDS``), which a clerk may follow with
# what is counted: 18个乡镇, 200名学生, 152户家庭, 3所学校 are 个, 人, 户, 所 — and a word left
# after the unit (100户已…, 100%准确). Not where what follows makes another unit: 人次, 个月, 个工作日.
_COUNTING = COUNTING_WORDS
_COUNTED_TIMES = ("人次", "场次", "户次", "批次", "台次", "车次", "架次", "班次", "期次", "课次")
_UNIT_AFTER = ("次", "月", "季", "年", "天", "日", "周", "小时", "工作日", "百分点", "分钟", "秒")


# A measure followed by what it measures (2100亩高标准农田, 52公里道路, 22吨垃圾): the
# measure. Not the calendar's nor time's units (3年级, 5天数 say something else), nor 方.
_MEASURES_FIRST = tuple(sorted((unit for unit, (quantity, _) in _QUANTITIES.items()
                                if quantity not in ("time", "calendar") and unit != "方"
                                and not unit.isascii()), key=len, reverse=True))


# A counting word with another in brackets (台(套), 个(项)): a count of things each one or the
# other — either's count (≥40套 beside 42台(套)). Not 次 (人(次) is 人, as before: 人次 is
# another count) nor a word that is no counting word (台(新): 台).
_EITHER_RE = re.compile(r"^(.)\((.)\)$")


def _either(unit: str) -> frozenset[str]:
    """The counting words a unit may be: {台, 套} for 台(套); the unit alone for any other."""
    pair = _EITHER_RE.match(unit)
    return frozenset(pair.groups()) if pair is not None else frozenset((unit,))


def _counted(unit: str) -> str:
    if (pair := _EITHER_RE.match(unit)) is not None:
        words = pair.groups()
        both = all(word in _COUNTING and word not in "次%" for word in words)
        return unit if both else _SYNONYMS.get(words[0], words[0])
    measure = next((word for word in _MEASURES_FIRST if unit.startswith(word)), None)
    if measure is not None and len(unit) > len(measure) \
            and all("\u4e00" <= ch <= "\u9fff" for ch in unit[len(measure):]):
        return measure
    if len(unit) > 2 and unit[:2] in _COUNTED_TIMES and all(
            "\u4e00" <= ch <= "\u9fff" for ch in unit[2:]) and not unit[2:].startswith(_UNIT_AFTER):
        return _SYNONYMS.get(unit[:2], unit[:2])  # 12场次培训, 520人次参训: 场次, 人次
    if len(unit) < 2 or unit[0] not in _COUNTING or unit in _QUANTITIES or unit in _KEPT:
        return unit
    rest = unit[1:]
    if rest.startswith(_UNIT_AFTER) or not all("\u4e00" <= ch <= "\u9fff" for ch in rest):
        return unit
    return _SYNONYMS.get(unit[0], unit[0])


_MONEY_UNIT = "元"  # 元, 万元, 亿元 (the prefix taken off first)


def is_unit(text: str) -> bool:
    """Whether ``text`` is no more than a unit (万元, 个, 人次, 平方米, 小时): a 备注 saying
    what a row's figures count."""
    unit = _SYNONYMS.get(text, text)
    prefix = next((prefix for prefix in _SCALE_PREFIXES
                   if unit.startswith(prefix) and unit != prefix), "")
    unit = _SYNONYMS.get(unit[len(prefix):], unit[len(prefix):])  # 万元 → 元, 万人次 → 人次
    return unit == _MONEY_UNIT or unit in _QUANTITIES or unit in _KEPT \
        or unit in _COUNTED_TIMES or (len(unit) == 1 and unit in _COUNTING)


def is_count(unit: str) -> bool:
    """Whether ``unit`` counts whole things (个, 项, 名, 场, 人次, 个乡镇): not a share, an
    amount of money, a time or a measure."""
    unit = _counted(_SYNONYMS.get(unit, unit))
    unit = _SYNONYMS.get(unit, unit)
    return unit in _COUNTED_TIMES or unit in _KEPT or _EITHER_RE.match(unit) is not None \
        or (len(unit) == 1 and unit in _COUNTING and unit != "%")


def unit_name(unit: str) -> str:
    """A unit as a clerk reads it in a message: "" → 无单位, a date (with or without
    its year) → 日期."""
    if unit.startswith(DECLINE):  # a fall on last year (较上年下降5%)
        return f"{unit_name(unit[len(DECLINE):])}（下降）"
    if unit.startswith(RISE):  # a rise on last year (较上年提高3个百分点)
        return f"{unit_name(unit[len(RISE):])}（较上年提高）"
    return _UNIT_NAMES.get(unit, unit)


_UNIT_NAMES = {"": "无单位", "date": "日期", YEARLESS_UNIT: "日期", DAY_OF_MONTH: "每月的日期"}


def comparable(target: Measure, actual: Measure, month_days: float | None = None
               ) -> tuple[float, float] | None:
    """Target and actual values on one scale, or None if their units differ.
    ``month_days``: the days a month counts where months meet days and the days are no
    run of whole months (``_months_and_days``); the average month where None."""
    if target.value is None or actual.value is None:
        return None
    if target.kind == "date" or actual.kind == "date":
        if target.kind == actual.kind == "date":
            return dates_compared(target, actual)  # 12月20日 beside 2024年12月31日前: in 2024
        return None
    if floor_of_nothing(target) is not None and change_stated(actual) is not None:
        target = replace(target, unit=RISE + target.unit)  # ≥0% beside 较上年增长3.2%: a floor
        # of nothing is no level to reach — the change is, at least none (as 不低于上年)
    wanted = change_stated(target)
    if wanted is not None:  # 增长10% beside 下降5%: a rise of −5 %
        pair = _on_one_scale(replace(target, unit=_plain(target.unit)),
                             replace(actual, unit=_plain(actual.unit)), month_days)
        stated = change_stated(actual)
        if pair is not None and wanted == "fall" and stated is None and pair[1] < 0:
            return pair[0], -pair[1]  # 下降≥0% (降幅, 较上年下降) beside −2.1%: a fall of 2.1 %
        if pair is None or stated in (None, wanted):
            return pair
        return pair[0], -pair[1]
    if target.unit.startswith(RISE) or actual.unit.startswith(RISE):
        target, actual = _as_rises(target, actual)
        if target is None or actual is None:
            return None
    return _on_one_scale(target, actual, month_days)


def month_readings(target: Measure, actual: Measure
                   ) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """Where ``comparable`` counts months in days at the average month (≤3个月 beside
    100天: 91.31 days), the pairs a month of the fewest and of the most days gives
    (``MONTH_DAYS``: 84 and 93): the days a unit counts a month (30 is common) are its
    own, and any of 28–31 is a month. None where no month is counted so, or the side
    in the calendar's units is in years (a year is 365 days however its months run)."""
    if not any(word in side.unit for side in (target, actual) for word in ("月", "季")):
        return None  # (most rows: no month or quarter to count)
    if any(split_unit(side.unit)[1] == "年" for side in (target, actual)):
        return None
    pairs = [comparable(target, actual, days) for days in MONTH_DAYS]
    if pairs[0] is None or pairs[1] is None or pairs[0] == pairs[1]:
        return None
    return pairs[0], pairs[1]


def _plain(unit: str) -> str:
    """A change's unit without its way (降%, 升个百分点: %, 个百分点)."""
    return unit.removeprefix(DECLINE).removeprefix(RISE)


def _on_one_scale(target: Measure, actual: Measure, month_days: float | None = None
                  ) -> tuple[float, float] | None:
    t_scale, t_base = split_unit(target.unit)
    a_scale, a_base = split_unit(actual.unit)
    t_value, a_value = _in_base(target.value, t_scale), _in_base(actual.value, a_scale)
    if t_base == a_base:
        if t_base == "" and t_scale == a_scale == 1.0:  # ≥90 beside 0.95: a rate either way
            return (t_value * 100 if is_bare_fraction(t_value, a_value) else t_value,
                    a_value * 100 if is_bare_fraction(a_value, t_value) else a_value)
        return t_value, a_value
    if _either(t_base) & _either(a_base):  # ≥40套 beside 42台(套)
        return t_value, a_value
    per = _rate_in(a_base, t_base) if "/" in t_base and "/" in a_base else None
    if per is not None:  # ≤3000元/亩 beside 43500元/公顷: 45000 and 43500 元/公顷 (2900元/亩)
        return _in_base(t_value, per[1]), _in_base(a_value, per[0])
    t_quantity, a_quantity = _QUANTITIES.get(t_base), _QUANTITIES.get(a_base)
    if t_quantity is not None and a_quantity is not None:
        if t_quantity[0] == a_quantity[0]:  # 5 公里 and 5200 米
            return _in_base(t_value, t_quantity[1]), _in_base(a_value, a_quantity[1])
        if {t_quantity[0], a_quantity[0]} == {"time", "calendar"}:  # ≤3个月 beside 80天
            return _months_and_days(_in_base(t_value, t_quantity[1]), t_quantity[0],
                                    _in_base(a_value, a_quantity[1]), month_days)
    if (t_base == "工作日" and a_quantity is not None and a_quantity[0] == "time"
            and target.op in ("<=", "<", None) and target.upper is None):
        days = _in_base(a_value, a_quantity[1]) / _SECONDS_A_DAY  # ≤5个工作日 beside 3天: no
        if days <= t_value:                     # more than 3 working days either way
            return t_value, days                # (a ceiling only: 3天 may hold none)
    if _per_left_off(t_base, a_base, t_value, a_value):  # ≤8000元/人次 beside 7650元
        return t_value, a_value
    if t_base in _PARTS and a_base in _PARTS:  # ≤3‰ beside 0.25%: 3 and 2.5 per mille
        return _in_base(t_value, _PARTS[t_base]), _in_base(a_value, _PARTS[a_base])
    if {t_base, a_base} == {"%", "分"} and _out_of_100(t_value) and _out_of_100(a_value):
        return t_value, a_value  # 满意度≥90% beside 92分: a survey's score out of 100
    if t_base == "%" and a_base == "":
        return t_value, fraction_as_percent(a_value, t_value)
    if a_base == "%" and t_base == "":
        return fraction_as_percent(t_value, a_value), a_value
    # A bare number ("6" beside "≥6 次") is read in the other side's unit.
    if a_base == "":
        return t_value, _bare(actual.value, a_scale, t_scale, t_value)
    if t_base == "":
        return _bare(target.value, t_scale, a_scale, a_value), a_value
    return None


# How many times a per-unit 指标值 a bare amount beside it may be and still be read per unit
# (20000元 beside ≤8000元/人次: a cost 2.5 times the ceiling); a total of the year's units
# (76.5万元 of the year's visits, 95 times) lies beyond
PER_UNIT_SPAN = 5.0


def _per_left_off(target_base: str, actual_base: str, target: float, actual: float) -> bool:
    """Whether a 完成值 in the head of the 指标值's unit (7650元 beside ≤8000元/人次, 1150元
    beside ≤1200元/人) is the amount per that unit with the /人次 left off: any amount up to
    ``PER_UNIT_SPAN`` times the 指标值 — far misses too (20000元, 450元 beside ≤200元/亩,
    1400元 beside ≥3000元/人), which a narrower window left unread and quiet. A total
    (76.5万元 of the year's visits) lands many times over: no guess, the two stay
    incomparable (JX204). Below the 指标值 an amount is never a total of one or more units."""
    head, per, _ = target_base.partition("/")
    return bool(per) and bool(actual_base) and head == actual_base \
        and target > 0 and 0 < actual <= target * PER_UNIT_SPAN


def _rate_in(rate: str, other: str) -> tuple[Decimal, Decimal] | None:
    """How many of the rate ``other`` one of ``rate`` is, each side converted, as a fraction
    (元/公顷 in 元/亩: 1/15; 吨/公顷 in 公斤/亩: 1000/15); None where a side is of another
    thing (元/人 beside 元/户). The comparison multiplies each side by the other's term and
    never divides: 146.75 元/亩 is 9.78333… 元/公顷, which no decimal holds, and a tie on it
    would be lost (≥10元/亩 done 146.75元/公顷, 分值 3: 3 × 146.75 ÷ 150 = 2.935 → 2.94)."""
    head, _, per = rate.partition("/")
    other_head, _, other_per = other.partition("/")
    heads, pers = _times(head, other_head), _times(per, other_per)
    return None if heads is None or pers is None else (heads[0] * pers[1], heads[1] * pers[0])


def _times(unit: str, other: str) -> tuple[Decimal, Decimal] | None:
    """How many ``other`` one ``unit`` is, as a fraction (公顷 in 亩: 15/1; 元 in 元: 1/1;
    平方米 in 亩: 0.0015/1); None if unrelated."""
    scale, base = split_unit(unit)
    other_scale, other_base = split_unit(other)
    if base == other_base:
        return written(scale), written(other_scale)
    quantity, other_quantity = _QUANTITIES.get(base), _QUANTITIES.get(other_base)
    if quantity is None or other_quantity is None or quantity[0] != other_quantity[0]:
        return None
    return written(scale) * quantity[1], written(other_scale) * other_quantity[1]


# A target that speaks of a change, beside a rise: its words, or a unit that is a change (≥2个百分点)
_CHANGE_WORDS = ("增", "提", "升", "上年", "去年", "同比", "涨", "百分点")


def _as_rises(target: Measure, actual: Measure) -> tuple[Measure | None, Measure | None]:
    """A rise on last year (RISE + unit) beside another value, both in the plain unit:
    beside a rise or a 指标值 that speaks of a change (增长≥3%, 较上年提高≥2个百分点,
    不低于上年), or as the 指标值 beside any 完成值 (增长5% beside 6%: the rise, written
    short); a 完成值 that is a rise beside a level to reach (≥90%) compares with nothing."""
    if actual.unit.startswith(RISE) and not target.unit.startswith(RISE) \
            and not any(word in target.text for word in _CHANGE_WORDS):
        return target, None
    return (replace(target, unit=target.unit.removeprefix(RISE)),
            replace(actual, unit=actual.unit.removeprefix(RISE)))


def _out_of_100(value: float) -> bool:
    """A score out of 100 or a percentage of the same size: 20–100 (below, a 5- or 10-point
    scale's 4.5分 may be meant)."""
    return 20 <= value <= 100


_PARTS = {"%": 100.0, "‰": 10.0, "‱": 1.0}  # parts of a whole, in ‱ (万分之)
_SECONDS_A_DAY = 86400.0
DAYS_A_MONTH = 365.25 / 12  # the average month, as months are counted in days
DAYS_A_MONTH_SAID = "365.25÷12"  # the same, as a message says how it was counted
MONTH_DAYS = (28.0, 31.0)  # the fewest and the most days a month has


def _months_and_days(target: float, target_quantity: str, actual: float,
                     month_days: float | None = None) -> tuple[float, float]:
    """A length in months (``calendar``) beside one in seconds (``time``), in seconds: a
    month has 28 to 31 days, so a number of days any run of that many months can
    hold (30天 beside 1个月, 365天 beside 1年) is that length — else months are
    ``month_days`` days each, the average month (365.25/12) unless given (80天 is within
    ≤3个月)."""
    months, seconds = (target, actual) if target_quantity == "calendar" else (actual, target)
    fewest, most = _days_in_months(months)
    counted = seconds if fewest <= seconds / _SECONDS_A_DAY <= most \
        else _in_base(months, month_days or DAYS_A_MONTH, _SECONDS_A_DAY)
    return (counted, seconds) if target_quantity == "calendar" else (seconds, counted)


@functools.lru_cache(maxsize=64)
def _days_in_months(months: float) -> tuple[float, float]:
    """The fewest and most days ``months`` whole months in a row hold (1: 28–31, 12:
    365–366); a fraction of a month (1.5个月) only its average."""
    whole = int(months)
    if whole != months or not 0 < whole <= 120:
        return months * DAYS_A_MONTH, months * DAYS_A_MONTH
    spans = [(_dt.date(year + (start + whole) // 12, (start + whole) % 12 + 1, 1)
              - _dt.date(year, start + 1, 1)).days
             for year in (2023, 2024) for start in range(12)]
    return float(min(spans)), float(max(spans))


def _bare(bare: float, own_scale: float, other_scale: float, other: float) -> float:
    """A bare number beside a value in the other side's unit, on the base scale: in that
    unit ("2.3" beside "≥2 万件" is 2.3 万) — or in the plain unit where ``bare_in_base``."""
    if own_scale != 1.0:
        return bare * own_scale
    return bare if bare_in_base(bare, other_scale, other) else bare * other_scale


def bare_in_base(bare: float, scale: float, other: float) -> bool:
    """Whether a bare number beside a unit with 万/千 (``scale``) beside ``other`` (in the
    base unit) means the plain unit: it lands nearer the other side so (23000 beside 2
    万件, 295000 beside 30 万元, 11800 beside 1.2 万人: a clerk who typed the count, the
    yuan) than in the 万 (2.3, 29.5, 1.18). The one home of this reading."""
    if scale <= 1.0 or other <= 0 or bare <= 0:
        return False
    return abs(math.log(bare / other)) < abs(math.log(bare * scale / other))


def as_compared(target: Measure, actual: Measure) -> tuple[Measure, Measure]:
    """Target and actual as read to be compared (``words_as_numbers``), and a 完成值 that
    states its level first with a number in a remark of another measure than the 指标值's
    (满意（抽样200人） beside ≥90%: 200 人 are who was asked) read as its level, as beside a
    goal in words; a remark's number of the 指标值's measure (满意（95%）) is the answer.
    A 指标值 given about (约500人, 1000人左右) is the number it names (``about_number``): a
    plain one is read ＝, positive above 0 (DOMAIN.md §2) — at or above it met on every
    reading; a 完成值 given about stays unread. A 完成值 that states by how much the budget
    was overrun is the amount spent (``overrun_spent``); one that says what was left of a
    budget in words is 达成 (``kept_to_budget``)."""
    target = about_number(target) or target
    if (spent := overrun_spent(target, actual)) is not None:
        return spent
    if (kept := kept_to_budget(target, actual)) is not None:
        return target, kept  # 控制在预算内 → 结余4万元，未超支
    if target.kind == "unparsed" and overrun_by(actual) is not None:
        return target, actual  # (a 指标值 not read: the amount answers nothing — JX203)
    target, actual = words_as_numbers(target, actual)
    if target.kind == "number" and actual.kind == "number" and comparable(target, actual) is None \
            and (stated := level_first(actual)) is not None:
        return target, stated
    return target, actual


def overrun_spent(target: Measure, actual: Measure) -> tuple[Measure, Measure] | None:
    """A 完成值 that states by how much the budget was overrun (``parsing.overrun_by``) read
    as the amount spent, beside a ceiling: the budget in words (控制在预算内, 不超过批复金额)
    is 100 % and 超出预算3% 103 % of it; a ceiling amount (≤500万元) is the budget, and
    超支20万元 or 超出预算4% is 520万元; a ceiling of 100 % is the budget too, another one
    (≤5%, a 超支率's) the rate of overrun itself (超支3%: 3 %). None elsewhere — beside a
    budget in words an amount (超支20万元: of how much, unsaid), beside a goal (≥): 未达成
    in words."""
    by = overrun_by(actual)
    if by is None or by.value is None:
        return None
    if budget_ceiling(target):
        if by.unit != "%":
            return None
        target = replace(target, kind="number", op="<=", value=100.0, unit="%", level=None)
    elif target.kind != "number" or target.op in (">=", ">") \
            or target.value is None or target.value <= 0:
        return None
    elif target.unit == "%" and by.unit == "%" and target.value != 100:
        return target, replace(by, text=actual.text)  # 超支率≤5% → 超支3%: the rate measured
    if by.unit == "%":
        spent = target.value * (100 + by.value) / 100
    else:
        pair = comparable(replace(target, op=None), by)
        if pair is None or pair[0] <= 0:
            return None
        spent = target.value * (pair[0] + pair[1]) / pair[0]
    return target, replace(actual, kind="number", op=None, value=round(spent, 10),
                           unit=target.unit, level=None)


def compatible(target: Measure, actual: Measure) -> bool:
    return comparable(target, actual) is not None


def is_bare_fraction(bare: float, other: float) -> bool:
    """Whether a number written without a unit beside another without one is a fraction
    of a rate the other writes in percent: a 完成值 0.95 (General format) beside ≥90 (a
    合格率's 指标值 with its % left off) is 95, not 0.95 — 0.95 against 90 would score a
    hundredth. Only where the other is a rate's usual 50–100 and the fraction lands within
    half or double of it; a small count (≥2 beside 0.5) keeps its reading."""
    return 0 < bare <= 1 and 50 <= other <= 100 and other <= bare * 200 and bare * 50 <= other


def fraction_as_percent(bare: float, percent_side: float | None = None) -> float:
    """A number written without % where a percent is meant, in percent: a bare 0.95
    is a fraction (95 %), a bare 99.8 is already percent — the one home of this reading.

    ``percent_side``: the percent it is compared with (the 指标值 beside a 完成值);
    beside a percent of at most 1 (0.5 %) a bare 0.8 is 0.8 % — but a bare 0.008 is
    0.8 % there too (a clerk typed 0.8% and the cell keeps 0.008): below a tenth of that
    percent, the fraction lands nearer it. None when there is nothing to compare with
    (an 执行率 cell)."""
    if 0 <= bare <= 1 and (percent_side is None or percent_side > 1 or bare * 10 < percent_side):
        return bare * 100
    return bare
