"""Reading 年度指标值 / 实际完成值 text as written in real tables.

``parse_measure("≥ 96.7 万人")`` gives ``Measure(op=">=", value=96.7, unit="万人")``.
Every form of docs/domain.md §3 is understood; what is not understood comes back
with ``kind="unparsed"`` and a Chinese ``problem`` instead of a guess.

(Over 400 lines for one job: the words of real tables around a number — signs, units,
dates, ranges, counts in words, frequencies, words of achievement — are one reading, each
part asked by the others; split, every part would import the rest.)
"""

from __future__ import annotations

import datetime as _dt
import functools
import itertools
import math
import re
import unicodedata
from dataclasses import dataclass, replace


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    """``pattern`` compiled when first asked, then kept (once, never per call): for the
    patterns a recalculation of a filled table does not ask for (scoring rules, headings'
    points, dates in Chinese numerals …), kept here as text so that importing this module —
    which every ``jixiao recalc`` does — does not compile them (0.1–0.5 ms each)."""
    return re.compile(pattern)


OPERATORS = (">=", ">", "=", "<=", "<")

# Symbols after NFKC normalisation (full-width ＝＞＜ are already ASCII then).
_SYMBOL_OPS = {
    ">=": ">=", "=>": ">=", "≥": ">=", "≧": ">=", "⩾": ">=",
    "<=": "<=", "=<": "<=", "≤": "<=", "≦": "<=", "⩽": "<=",
    ">": ">", "<": "<", "=": "=", "==": "=",
}
# An overrun denied, alone a statement (未超出: not over, 达成); before a number a ceiling
_OVERRUN_DENIED = ("未超过", "没有超过", "没超过", "并未超过", "未超出", "没有超出")
_WORD_OPS = {
    "大于等于": ">=", "大于或等于": ">=", "不低于": ">=", "不少于": ">=", "不小于": ">=",
    "至少": ">=", "达到": ">=", "超过": ">", "大于": ">", "高于": ">", "多于": ">",
    "等于": "=", "小于等于": "<=", "小于或等于": "<=", "不高于": "<=", "不超过": "<=",
    "不多于": "<=", "不大于": "<=", "至多": "<=", "最多": "<=", "控制在": "<=", "最少": ">=",
    "小于": "<", "低于": "<", "少于": "<", "不到": "<", "不足": "<",
    "未达到": "<", "没有达到": "<", "没达到": "<", "未达": "<",
    # an overrun denied: 未超过2000元/人 is at most 2000 (没有超过 is not 超过 read as ＞)
    **dict.fromkeys(_OVERRUN_DENIED, "<="),
}
# A range word after the number ("30 万元以内", "3 个工作日内完成"), maybe followed by what is
# done within it: the operator, not part of the unit.
_RANGE_SUFFIX_RE = re.compile(
    r"^(.*?)(及以上|以上|之上|及以下|以下|之下|以内|之内|范围内|内)(?:完成|办结|到位|完工|解决|处理)?$")
_SUFFIX_OPS = {"及以上": ">=", "以上": ">=", "之上": ">=", "及以下": "<=", "以下": "<=", "之下": "<=",
               "以内": "<=", "之内": "<=", "范围内": "<=", "内": "<="}
# 控制在 holds a value where the sign (a symbol or its words) or the range word after it says
# (控制在≥98%, 控制在不低于98% and 控制在98%以上 are ≥, as 保持在…以上; 控制在30万元以内 ≤):
# ≤ only without either (控制在30万元), so never at odds with them (a sign and a range word
# still may be: 控制在≤5%以上, 控制在不超过5%以上).
_HELD_AT = "控制在"
_BAD_SYMBOLS = "≠≯≮±"
DAMAGED_AT_LEAST = "≠"  # what a PDF's conversion makes of "≥" (≠100.00(%), DOMAIN.md §3)

# Words that count whole things (个, 名, 户, 所 …) — and %, a word left after a unit (100%准确)
# as they are (units.py reads what each counts)
COUNTING_WORDS = frozenset("个名位人户所辆台份家项座条处套批间张部本册块栋幢支只头棵株场期次件篇门类种趟宗例起%")
# The units of whole things with no scale before them: a counting word (人, 家, 次), or one
# with 次 after it (人次, 户次) — not 万人 (1.235万人 is 12350 人), %, 小时.
WHOLE_COUNT_WORDS = "".join(sorted(COUNTING_WORDS - {"%"}))
_POINT_GROUPED_RE = re.compile(r"\+?[1-9]\d{0,2}\.\d{3}")


def point_grouped_count(number: str, unit: str) -> bool:
    """Whether ``number``, written before ``unit``, has three digits after its one point and
    one to three before it (1.200, 12.500) in a unit of whole things (1.200人): a point that
    separates thousands as in Europe, or a slip — 1.2 people is no count; for a person to say
    which. (The native formulas ask the same: ``native._number_of``.)"""
    whole = (len(unit) == 1 or (len(unit) == 2 and unit[1] == "次")) and unit[0] in WHOLE_COUNT_WORDS
    return whole and _POINT_GROUPED_RE.fullmatch(number) is not None


# A number as every cell here is read: digits, thousands grouped by commas after the
# first group (1,234.56, 1200,000; not 1,2,3 or 12,34), at most one inner point
_UNSIGNED = r"\d+(?:,\d{3})*(?:\.\d+)?"
_NUMBER = rf"[-+]?{_UNSIGNED}"
_NUMERAL = "零〇一二两三四五六七八九十百千"
_MOVES_BY = "增长|增加|提高|提升|上升|下降|降低|减少"  # the words of a change (its falls: _FALLS)
_WORD_OPS_LONGEST_FIRST = tuple(sorted(_WORD_OPS, key=len, reverse=True))  # 小于等于 before 小于
_OP_SYMBOL_RE = re.compile(r"^(>=|=>|<=|=<|==|[≥≧⩾≤≦⩽><=])")
_NUMBER_RE = re.compile(rf"^({_NUMBER})(.*)$")
# A share written as a fraction of small whole numbers (≥1/2, 2/3, 3/4), nothing after it;
# 12/31 and 12/15 (a month and day) are none: at most tenths
_FRACTION_RE = re.compile(r"(\d{1,2})\s*/\s*([1-9]\d?)(及以上|以上|及以下|以下)?")  # (1/3以上)
_SQUARE_OR_CUBIC_RE = re.compile(r"^[^\d]*(?:k|c)?m[23]$")  # ㎡ (m2 once NFKC), 万m2, km2, m3
_POINTS_RE = re.compile(rf"得?({_NUMBER})(分)?")  # 得20分: the points scored
# an amount typed as text after a currency sign (“¥1,286.40”; ￥ is ¥ once NFKC): the number
_CURRENCY_SIGN = "¥?"
_AMOUNT_RE = re.compile(rf"{_CURRENCY_SIGN}({_NUMBER})(万元|万)?")
_YUAN_RE = re.compile(rf"{_CURRENCY_SIGN}({_NUMBER})元")
_BY = r"(?:之前|以前|前)?"  # "前" after a deadline: "by" — the date is the deadline either way
# 底/末 after a month or a year (月底, 年末): the last day of that month or year.
# 2024年12月31日, 2024年12月, 2024年12月底, 2024年底 (then 前/之前 …)
# A part of the year ends at its last month: 上半年 (and 年中) June, 第三季度 September.
_PART = r"(?P<part>上半年|下半年|年中|第?[一二三四1-4]季度)(?:末|底)?"
_PART_END = {"上半年": 6, "年中": 6, "下半年": 12, "一": 3, "1": 3, "二": 6, "2": 6, "三": 9,
             "3": 9, "四": 12, "4": 12}
# A part of the year (前三季度, 上半年, 年中, 1-9月, 1—6月, 7-12月, 1-3季度, 截至9月底, 截止2024年
# 6月30日): what is measured at that point or over that part, not the year's — 1-12月,
# 1-4季度 and 截至12月 are the year. The one vocabulary of it: the names (前三季度支出进度,
# before the name of a rate too: 前三季度支出进度≥75%), the column headers (1-6月完成值
# beside 全年完成值) and the monitoring forms' headers (1-7月执行数).
_DASH = "-~～〜—–―‐至到"
_MONTH = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_MONTH_BEFORE_12 = r"(?:1[01]|0?[1-9]|十一|十|[一二三四五六七八九])"
_QUARTER_FROM_1 = rf"第?[1一](?:季度)?[{_DASH}]第?[1-3一二三]"
_QUARTER_FROM_2 = rf"第?[2-4二三四](?:季度)?[{_DASH}]第?[1-4一二三四]"
_PART_OF_YEAR = (
    rf"(?:(?<![\d十])(?:(?:0?1|一)(?:月份?)?[{_DASH}]{_MONTH_BEFORE_12}"
    rf"|(?:1[0-2]|0?[2-9]|十[一二]?|[二三四五六七八九])(?:月份?)?[{_DASH}]{_MONTH})月(?:份|末|底)?"
    rf"|截[至止](?:(?:19|20)\d{{2}}年)?{_MONTH_BEFORE_12}月(?:份|末|底)?"
    rf"|前[一二三两1-3]个?季度|(?<!\d)(?:{_QUARTER_FROM_1}|{_QUARTER_FROM_2})季度"
    rf"|(?<![{_DASH}\d第])第?[一二三四1-4]季度(?![{_DASH}])|[上下]半年"
    # 年中 alone (年中完成值, 截至年中) — not 当年中央, 2024年中央, 年中期
    rf"|(?:(?<=[至到止])|(?<![\u4e00-\u9fff\d]))年中(?![央期]))")
# A column's header may name the part by its length alone (半年完成值, 季度执行数), where a
# name's or a value's 半年 and 季度 are a length or a frequency (每半年1期, 按季度开展)
_PART_BY_LENGTH = r"|(?<![\d一二三四两个每按分第前])季度|(?<![上下每个隔近满])半年"


@functools.cache
def _part_of_year(first: bool = False, header: bool = False) -> re.Pattern[str]:
    """``_PART_OF_YEAR`` compiled when first asked (about 3.5 ms each: not at import, which
    every ``jixiao recalc`` pays); ``first``: opening a name (前三季度支出进度≥75%);
    ``header``: a column's header (with ``_PART_BY_LENGTH``)."""
    if first:
        return re.compile(rf"^{_PART_OF_YEAR}(?=[\u4e00-\u9fff≥≤<>=])")
    return re.compile(_PART_OF_YEAR + _PART_BY_LENGTH if header else _PART_OF_YEAR)


# A count or frequency, then the total after a comma (每季度开展1次，共4次; 分两批，共计500人):
# the total is what is compared.
_TOTAL_AFTER_RE = re.compile(r"^(?P<first>[^,;，；]+)[,;，；](?:全年度?|本年度?|年度)?(?:共计|合计|总计|共)"
                             r"(?:开展|完成|举办|召开|组织|培训|发放)?(?P<total>(?:[≥≤<>=]|不[少低]于)?\d.*)$")


def _stated_total(total: re.Match[str], percent: bool) -> Measure | None:
    """The total of ``_TOTAL_AFTER_RE``, where the words before it are a frequency of the same
    thing (4次 after 每季度1次) or hold no number; None otherwise (完成3次，共4次: 3 of 4)."""
    whole = _parse(total.group("total"), percent)
    if whole.kind != "number" or whole.value is None or not whole.unit:
        return None
    first = total.group("first")
    if not any(ch.isdigit() for ch in first):
        return whole
    if _FREQUENCY_RE.match(first) is None:
        return None
    counted = _parse(first, percent)
    if counted.kind != "number" or counted.unit != whole.unit:
        return None
    return whole if whole.op is not None else replace(whole, op=counted.op)


def _part_of_year_rate(rest: str, percent: bool) -> Measure | None:
    """The rate after a part of the year and the rate's name (支出进度≥75% of 前三季度支出
    进度≥75%), or None: no rate in % (上半年完成500人 is half the year's count, for a person)."""
    named = _after_naming_words(rest) if rest[:1] not in "≥≤<>=" else rest
    rate = _parse(named, percent) if named else None
    return rate if rate is not None and rate.kind == "number" and rate.unit == "%" else None


def names_part_of_year(name: str | None, *, header: bool = False) -> bool:
    """Whether a name or value names a part of the year (前三季度支出进度, 上半年预算执行率,
    1-9月, 截至9月底 — not 1-12月, 截至12月底): what it measures is at that point, not the
    year's. ``header``: a column's header, which may name the part by its length alone
    (半年完成值, 季度执行数: 1-6月完成值 beside 全年完成值; 1-7月执行数 of a monitoring form)."""
    return _part_of_year(header=header).search(normalize_text(name or "")) is not None


# A part of a month (10月中旬): its last day, 上旬 the 10th, 中旬 the 20th (``_TENTH_END``).
_TENTH = r"(?P<tenth>上旬|中旬|下旬|初)"
_TENTH_END = {"上旬": 10, "初": 10, "中旬": 20}  # 下旬: the month's last day
_DATE_RE = re.compile(
    r"(?P<y>\d{4})年(?:(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})[日号]|(?P<mend>底|末)|" + _TENTH
    + r")?|(?P<yend>底|末)|"
    + _PART + ")?" + _BY)
# 2024-12-20, 2024.12.20, 2024/12/20 typed as text
_DATE_TEXT_RE = re.compile(r"(?<![\d.])(?P<y>\d{4})([-./])(?P<m>\d{1,2})\2(?P<d>\d{1,2})(?![\d.])" + _BY)
# 2024.12前, 2024-12底前: a month typed as text, with the word that makes it a deadline
# (bare, 2024.12 is a number, read as that month only beside a date: ``words_as_numbers``)
_YEAR_MONTH_TEXT_RE = re.compile(r"(?<![\d.])(?P<y>(?:19|20)\d\d)[-./](?P<m>\d{1,2})(?![\d.])月?"
                                 r"(?P<d>(?!))?(?P<mend>底|末)?(?=之前|以前|前)" + _BY)
# 2024-12, 2024/12 (完成时间): a month typed with a dash or slash is never a number
_YEAR_MONTH_DASH_RE = re.compile(r"(?<![\d./-])(?P<y>(?:19|20)\d\d)[-/](?P<m>0?[1-9]|1[0-2])"
                                 r"(?![\d./-])月?(?P<d>(?!))?(?P<mend>底|末)?" + _BY)
# Without the year — the table's own: 12月31日, 12月底, 12月前, 年底前, 第三季度, 年内,
# 年中 (its 6月30日) alone or before 前 or a word of done — not 年中央, 年中期, 年中考核
_YEARLESS_DATE_RE = re.compile(
    r"(?<![\d.])(?:(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})[日号]|(?P<mend>底|末)|" + _TENTH
    + r"|(?=之前|以前|前))"
    r"|年(?P<yend>底|末)|(?P<part>上半年|下半年|第[一二三四1-4]季度|[一二三四]季度"
    r"|(?<![\d.半])年中(?=之前|以前|前|已|全部|基本|完成|完工|竣工|到位|$|[^\u4e00-\u9fff]))"
    r"(?:末|底)?"
    r"|(?<![\d.])年度?内|(?<=[本当今])年度?(?=完成|$))" + _BY)  # 年内完成, 当年完成: by its end
# 12.31前, 12.31日前: a day typed as text with a dot, the word that makes it a deadline after
# it (bare, 12.31 is a number, read as that day only beside a date: ``words_as_numbers``)
_MONTH_DAY_TEXT_RE = re.compile(r"(?<![\d.])(?P<m>\d{1,2})[./](?P<d>\d{1,2})(?![\d.])[日号]?"
                                r"(?=之前|以前|前)" + _BY)
# The leap year a date without one is kept in (2月29日 exists); ``dates_compared`` then
# places it in the year of the date it is compared with.
YEARLESS_YEAR = 2000

# The budget, kept to or overrun — the one home of its words: what names a budget (预算数,
# 批复金额, 概算, 合同金额, 中标价), over it (超预算, 超出批复金额, 超支: 未达成, ``_LEVEL_WORDS``;
# by an amount, ``overrun_by``) and within it (在批复金额内, 按批复金额执行, 与预算一致, 未超出:
# 达成; the ceiling a 指标值 names, ``budget_ceiling``).
_BUDGET_NOUN = (r"(?:年度|全年|批复|下达)?预算(?:数|额|金额|资金|范围|标准)?|(?:批复)?概算(?:数|金额)?"
                r"|批复(?:金额|数|额|资金)?|合同(?:金额|价款|价|额)|中标(?:金额|价)")
_BUDGET_RE = re.compile(rf"(?:{_BUDGET_NOUN})(?:以?内)?")
_OVER = ("超出", "超过", "超")
# An amount over the budget (超出预算2万元, 超合同金额5%, 超支20万元, 超支率3%): the budget not
# kept to, by that; by 0 (超支0元, 超出预算0%) kept to
_OVERRUN_RE = re.compile(rf"(?:(?:{'|'.join(_OVER)})(?:{_BUDGET_NOUN})|超支(?:率|额|金额)?)(?=\d)")
# Over the budget in words; after a denial (未超预算, 不超过批复金额, 无超支, 零超支) kept to. A
# contract over is its sum's (超合同金额, 超出合同价款), not its terms' (超合同约定标准).
_OVER_BUDGET_WORDS = (*(over + noun for over in _OVER
                        for noun in ("预算", "批复", "概算", "合同金额", "合同价", "合同额", "中标")),
                      "超支")
# Kept to, in words without a word of achievement (在批复金额内, 按批复金额执行, 与预算一致; 控制在
# 预算内 has 控制在): 达成; a 指标值 so worded is the budget as a ceiling
_BUDGET_KEPT_RE = re.compile(
    rf"(?:{_BUDGET_NOUN})(?:以内|之内|内)|按照?(?:{_BUDGET_NOUN})执行|与(?:{_BUDGET_NOUN})(?:一致|相符)"
    rf"|(?:不|未|没有?|并未|不得)(?:{'|'.join(_OVER)})(?:{_BUDGET_NOUN})")

# Qualitative 完成值 → level. Checked in this order: a "未达成" also contains "达成".
_LEVEL_WORDS = (
    ("not", ("未达成", "未完成", "未达到", "未达标", "没有达成", "没有达到", "不达标", "未通过",
             "不合格", "未实现", "不满意", "未及时", "较差", "未满足", "不满足", "未控制在",
             *_OVER_BUDGET_WORDS, "未能", "未按", "不及时", "未在", "不在", "没在预算", "没有在预算",
             "未达",
             "低于预期", "不及预期", "不理想", "欠佳", "不佳", "成效不大", "效果不大",
             # what was to be done, not done (未开展满意度调查: no survey, no 满意 to read)
             "未开展", "未进行", "未组织", "未实施", "未启动", "未调查", "未测评", "暂未开展",
             "暂未调查", "暂未进行", "没有开展", "尚未开展", "未验收")),
    ("partial", ("部分达成", "部分完成", "基本达成", "基本完成", "部分实现", "基本实现",
                 "基本满意", "基本及时", "基本规范", "部分达到", "基本达到", "基本满足",
                 "基本控制在", "未全部", "未完全", "不完全", "未全面", "一半", "过半",
                 # some over, the rest within (部分项目超出，其余在预算内)
                 "部分项目超出", "个别项目超出", "部分超出",
                 # the rules' own 部分达成并具有一定效果, and an effect said to be middling
                 "一定成效", "一定效果", "一定成果", "初见成效", "效果一般", "成效一般", "情况一般",
                 # under way, not done yet (against a goal of done: 完成, 通过验收)
                 "进行中", "实施中", "建设中", "正在实施", "已启动", "待验收")),
    # 达到 / 控制在 / 满足 before words (达到预期目标, 控制在预算范围内) state the goal reached;
    # 预算内 is 预算范围内 said short (在预算内)
    ("achieved", ("达成", "完成", "达标", "通过", "合格", "实现", "满意", "及时", "规范", "明显",
                  "合理", "完善", "有效", "准确", "充分", "提升", "提高", "改善", "是", "良好",
                  "到位", "显著", "按时", "按期", "符合", "达到", "控制在", "满足", "范围内", "预算内",
                  "正常", "稳定", "完工", "竣工", "办结", "较好", "很好", "健全", "齐全", "合规",
                  "落实", "建立", "认可", "保障", "平稳", "稳中有升", "受益", "严格执行", "按规定执行")),
)
LEVEL_NAMES = {"achieved": "达成", "partial": "部分达成", "not": "未达成"}


@dataclass(frozen=True)
class Measure:
    """One 指标值 or 完成值, understood.

    kind: "number" | "date" | "range" | "qualitative" | "empty" | "unparsed"
    op: one of OPERATORS, or None when the text states none (or a bad one)
    value: the number as written (96.7 for "96.7 万人"); a date as its ordinal; a range's
           lower bound (95 for "95%-100%", -5 for "±5%")
    unit: normalised unit ("%", "万人", "小时", "" for none, "date" for dates, "月日" for
          a date written without its year — value then in YEARLESS_YEAR)
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
    upper: float | None = None  # a range's upper bound (100 for "95%-100%")
    # A 指标值 that names only a change (稳步提升, 逐步减轻): the indicator's name, what
    # changes (``as_change_of``); "" elsewhere
    subject: str = ""

    @property
    def is_number(self) -> bool:
        return self.kind in ("number", "date") and self.value is not None

    @property
    def date(self) -> _dt.date | None:
        """The date, when it is one with a year."""
        if self.kind == "date" and self.value is not None and not self.yearless:
            return _dt.date.fromordinal(int(self.value))
        return None

    @property
    def yearless(self) -> bool:
        """A date written without its year (12月31日前): the table's own year is meant."""
        return self.kind == "date" and self.unit == YEARLESS_UNIT

    @property
    def month_day(self) -> tuple[int, int] | None:
        if self.kind != "date" or self.value is None:
            return None
        day = _dt.date.fromordinal(int(self.value))
        return day.month, day.day


YEARLESS_UNIT = "月日"


def dates_compared(target: Measure, actual: Measure) -> tuple[float, float]:
    """Two dates as ordinals on one calendar: a date without a year is placed in the
    year of the other (a table's 12月20日 beside its 2024年12月31日前 is 2024年12月20日);
    two without a year compare by month and day. 2月29日 in a year without one is 2月28日.

    A deadline without a year that would fall more than half a year after the date done is
    the one of the year before: the year evaluated is over when the table is written, so
    12月底前 beside 2025年1月10日 is 2024年12月31日 (done late), not 2025年12月31日."""
    if target.yearless == actual.yearless:
        return target.value, actual.value  # type: ignore[return-value]
    if target.yearless:
        deadline = _in_year(target, actual)
        if deadline - actual.value > _HALF_YEAR:  # type: ignore[operator]
            deadline = _in_year(target, actual, years_back=1)
        return deadline, actual.value  # type: ignore[return-value]
    return target.value, _in_year(actual, target)  # type: ignore[return-value]


_HALF_YEAR = 183  # days


def _in_year(yearless: Measure, dated: Measure, years_back: int = 0) -> float:
    month, day = yearless.month_day  # type: ignore[misc]
    year = _dt.date.fromordinal(int(dated.value)).year - years_back  # type: ignore[arg-type]
    year += _dt.date.fromordinal(int(yearless.value)).year - YEARLESS_YEAR  # type: ignore[arg-type]
    return float(_dt.date(year, month, min(day, _month_end(year, month))).toordinal())


def compact_text(value: object) -> str:
    """A cell's text for matching — the one normaliser of cell text: NFKC (full-width
    → ASCII), no whitespace at all (line breaks, 全角空格); None → ""."""
    if value is None:
        return ""
    return _compact(value if isinstance(value, str) else str(value))


# A page's number a PDF conversion prints between a table's rows or into a cell (第 1 页，共
# 2 页; - 2 -; 1/3; Page 2 of 3), compact text: no row of the table, no 偏差原因
_PAGE_MARK = re.compile(r"第\d+页(?:[,;/]?共\d+页)?|共\d+页[,;/]?第\d+页|[-—–]+\d+[-—–]+|\d+/\d+"
                        r"|page\d+(?:of\d+)?", re.IGNORECASE)


@functools.lru_cache(maxsize=1024)
def is_page_mark(text: str) -> bool:
    """Whether a cell's compact text (``compact_text``) is a page's number a conversion
    printed."""
    return _PAGE_MARK.fullmatch(text) is not None


# Memoised: the same labels are matched against every row of every table (a batch reads
# thousands of workbooks with the same headers), and these functions are pure.
@functools.lru_cache(maxsize=16384)
def _compact(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).translate(INVISIBLE).split())  # \s


# Characters that show nothing, pasted in with text from web pages and chat apps (zero-width
# spaces and joiners, the byte-order mark, direction marks, the soft hyphen): never part of
# what a cell says
INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b"
                                   "\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\ufeff"))


compact_string = _compact  # ``compact_text`` of what the caller knows is a str


_SHOWN = {**{code: "[不可见字符]" for code in INVISIBLE}, 0xA0: "[不间断空格]"}


def visible_text(text: str) -> str:
    """A text as a message quotes it: a character that shows nothing, or shows as a plain
    space but is not one (U+00A0), named where it stands (“200[不可见字符]”)."""
    return text if text.isascii() else text.translate(_SHOWN)


# A cell left unused: dashes or slashes only ("/", "／", "—", "——", "-", "－", "–"), or 无,
# N/A — as the reader takes an unused row's cells, the JX_ functions and the native
# template's formulas an unused row's inputs. PLACEHOLDER_MARKS: every character NFKC
# makes one of those dashes or slashes (the native formulas remove each by name).
PLACEHOLDER_MARKS = "-/\\\u2010\u2011\u2013\u2014\u2015\u207b\u208b\u2212\ufe31\ufe32\ufe58\ufe63\ufe68\uff0d\uff0f\uff3c"
PLACEHOLDER_WORDS = ("无", "NA", "N/A")  # (after NFKC, in any case)
PLACEHOLDER = re.compile(r"[-/\\—–―‐−]+|" + "|".join(re.escape(word) for word in PLACEHOLDER_WORDS),
                         re.IGNORECASE)
# The characters a placeholder can begin with, before normalising (full-width forms too).
_PLACEHOLDER_FIRST = frozenset(PLACEHOLDER_MARKS + "无NnＮｎ")


def is_placeholder(value: object) -> bool:
    """Whether a cell holds nothing real: empty, or only "/", "—", "-", 无 …"""
    if value is None:
        return True
    if not isinstance(value, str):
        return False
    if value and value[0] not in _PLACEHOLDER_FIRST and not value[0].isspace():
        return False  # most cells: a name, a number written as text
    return _placeholder_text(value)


@functools.lru_cache(maxsize=1024)
def _placeholder_text(value: str) -> bool:
    text = _compact(value)
    return not text or PLACEHOLDER.fullmatch(text) is not None


@functools.lru_cache(maxsize=16384)
def normalize_text(text: str) -> str:
    """A 指标值/完成值/分值 text as the parser reads it: ``compact_text``, (%) → %, and a
    sign's look-alike (which NFKC keeps) as the sign a person reads in it."""
    text = _compact(text).replace("(%)", "%").replace("（%）", "%")
    return text if text.isascii() else text.translate(_LOOK_ALIKE_SIGNS)


# Signs that fonts, PDF exports and OCR print for ≥ ≤ = and NFKC leaves as they are:
# 公开14表 exports write ═ (a box-drawing line) for =, and ≧ ≦ ⩾ ⩽ ≽ ≼ ⋝ ⋜ for ≥ ≤.
# (＝ ﹦ ＞ ﹥ ＜ ﹤ are ASCII after NFKC already.)
_LOOK_ALIKE_SIGNS = str.maketrans({
    "═": "=", "꞊": "=", "゠": "=", "⹀": "=",
    "≧": "≥", "⩾": "≥", "≽": "≥", "⋝": "≥", "⪰": "≥",
    "≦": "≤", "⩽": "≤", "≼": "≤", "⋜": "≤", "⪯": "≤",
})


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
    if isinstance(raw, bool):  # TRUE / FALSE, as Excel shows it
        shown = str(raw).upper()
        return Measure(text=shown, kind="unparsed", problem=f"逻辑值“{shown}”不是数值或文字")
    if isinstance(raw, (int, float)):
        # a percent-formatted 0.974 is 97.4 %, not 97.39999999999999 (the float product):
        # rounded to 10 decimals, as read.grid.percent_shown and rules.percent_value read it
        value = round(float(raw) * 100.0, 10) if percent else float(raw)
        return Measure(text=_format_number(value) + ("%" if percent else ""), kind="number",
                       value=value, unit="%" if percent else "")
    duration = clock_duration(raw)  # 3:00 typed in a 完成值: 3小时
    if duration is not None:
        raw = duration
    elif isinstance(raw, (_dt.datetime, _dt.date)):
        day = raw.date() if isinstance(raw, _dt.datetime) else raw
        return Measure(text=day.isoformat(), kind="date", op="<=", value=float(day.toordinal()),
                       unit="date")
    original = str(raw)
    text = normalize_text(original)
    if text in _EMPTY_TEXTS:
        return Measure(text=original, kind="empty")
    if _CLAUSE_MARK_RE.search(original) and (ruled := _before_scoring_rule(original, percent)):
        return replace(ruled, text=original)  # ≥95%，每少1%扣0.5分: the value, as in brackets
    if ("±" in text or "+-" in text) and (centred := _CENTRED_RE.match(text)) is not None:
        return _centred(centred, original)  # 95%±2%, 95±2%, 95%(±2个百分点): 93% to 97%
    if (mark := _FOOTNOTE_RE.search(original)) is not None \
            and any(ch.isdigit() for ch in original[:mark.start()]):
        text = normalize_text(original[:mark.start()])  # ≥95%①, ≥95%注1: the value
    if text and (text[-1] in ")】]" or text[0] in "(【["):
        noted = _beside_note(text, percent)  # ≥95%(2024年目标), (年初目标)≥95%
        if noted is not None:
            return replace(noted, text=original)
    text = _counted_in_words(text)  # ≥两次 → ≥2次
    if (total := _TOTAL_AFTER_RE.match(text)) is not None \
            and (whole := _stated_total(total, percent)) is not None:
        return replace(whole, text=original)  # 每季度开展1次，共4次: the 4 次
    if "小时" in text:  # 1小时30分钟 → 90分钟
        text = _HOURS_MINUTES_RE.sub(_in_minutes, text)
    if _TIMES_RE.search(text):  # 7×24小时 (a service's hours, as a goal): words, not a number
        return Measure(text=original, kind="qualitative", level=qualitative_level(text))
    if _CLAUSE_MARK_RE.search(text) and (done := _before_delay_note(text, percent)) is not None:
        return replace(done, text=original)  # 完成10处，2处因雨季延至2025年: the 10 处 done

    if "±" in text or "+-" in text:
        plus_minus = _PLUS_MINUS_RE.match(text)
        if plus_minus is not None:
            bound = _to_float(plus_minus.group(1))
            return Measure(text=original, kind="range", value=-bound, upper=bound,
                           unit=_clean_unit(plus_minus.group(2)))
    bad = next((ch for ch in text if ch in _BAD_SYMBOLS), None)
    if bad is not None:
        number = _NUMBER_RE.match(text.lstrip(_BAD_SYMBOLS))
        return Measure(
            text=original, kind="unparsed",
            value=_to_float(number.group(1)) if number else None,
            unit=_clean_unit(number.group(2)) if number else "",
            problem=f"“{bad}”不是有效的指标性质（多为“≥”在转换中损坏），请改为 ≥、＞、＝、≤ 或 ＜",
        )

    as_of = _AS_OF_RE.match(text)
    if as_of is not None and re.search(r"\d", text[as_of.end():]):
        text = text[as_of.end():]  # 截至12月底完成520人次: the count, at that date
    if "月" in text and (monthly := _DAY_OF_MONTH_RE.match(text)) is not None:
        rest = monthly.group("rest")  # 每月10日前 报送: by that day of every month
        return Measure(text=original, kind="number", op="<=", value=float(monthly.group(1)),
                       unit=DAY_OF_MONTH, level=qualitative_level(rest) if rest else None)
    if (period := _PERIOD_FIRST_RE.match(text)) is not None:  # 1-12月累计培训520人次
        counted = _parse(text[period.end():], percent)
        if counted.kind == "number":
            return replace(counted, text=original)
    if (plan := _DATED_PLAN_RE.search(text)) is not None and plan.start() > 0:
        # 明显改善，2025年将持续巩固; 完成80%，2025年继续推进: what was done, before its next step
        return replace(_parse(text[:plan.start()] + text[plan.end():], percent), text=original)
    date_measure = _parse_date(text, original)
    if date_measure is not None:
        return date_measure

    if (late := _LATE_BY_RE.match(text)) is not None:
        on_time = late.group(1) == "零" or late.group(1).strip("0.") == ""  # 延期0天
        return Measure(text=original, kind="qualitative", level="achieved" if on_time else "partial")
    if text[:1].isdigit() and (group := _GROUP_NAMED_RE.match(text)) is not None \
            and (named := _after_naming_words(text[group.end():])) is not None:
        return replace(_parse(named, percent), text=original)  # 65岁及以上老年人…率≥70%
    span = _range(text, original)
    if span is not None:
        return span
    per_year = _per_year(text, percent)
    if per_year is not None:
        return replace(per_year, text=original)
    if _ABOUT_RE.search(text):
        return Measure(text=original, kind="unparsed", problem=about_problem(original))
    if text.startswith(_PER_HEAD) and (head := _per_head(text, percent)) is not None:
        return replace(head, text=original)
    if text.startswith("以") and (basis := _compiled(_BASIS_RE).match(text)) is not None:
        return replace(_parse(text[basis.end():], percent), text=original)  # 以乡镇为单位≥90%
    if "到" in text or "至" in text or "为" in text:
        # 提高到45.2%, 降至33微克/立方米: the level reached
        reached = _compiled(_REACHED_RE).match(text)
        name = reached.group("name") if reached is not None else ""
        each = _EACH_PERIOD_RE.match(name)  # 每周开放时间延长至60小时: 60 小时 each week
        if reached is not None and _names_only(name[each.end():] if each else name):
            level = _parse(text[reached.end():], percent)
            if level.kind == "number" and level.op is None \
                    and reached.group("verb") in (*_FALLS, *_CUTS, "降"):
                level = replace(level, op="<=")  # 降至35 (a 指标值): no more than it
            if each is not None and level.kind == "number" and level.value is not None \
                    and level.unit not in ("", "%"):
                value, unit = _per_period(level.value, f"{level.unit}/{each.group(1)}")
                level = replace(level, value=value, unit=unit)  # as 60小时/周 writes it
            return replace(level, text=original)
    stated, (text, change) = text, _change(text)
    op, rest = _leading_operator(text)
    ratio = _RATIO_RE.match(rest) if ":" in rest else None
    if ratio is not None and "1" in (ratio.group(1), ratio.group(2)) and change is None:
        first, second = ratio.group(1), ratio.group(2)
        value, unit = (first, ":1") if second == "1" else (second, "1:")
        return Measure(text=original, kind="number", op=op, value=_to_float(value), unit=unit)
    fraction = _FRACTION_RE.fullmatch(rest)
    if fraction is not None and change is None \
            and 0 <= int(fraction.group(1)) <= int(fraction.group(2)) <= 10:
        share = int(fraction.group(1)) / int(fraction.group(2))  # ≥1/2, 2/3: a share, bare
        if fraction.group(3):  # 三分之一以上: at least it
            op = _SUFFIX_OPS[fraction.group(3)] if op in (None, "=") else op
        return Measure(text=original, kind="number", op=op, value=share, unit="")
    number = _NUMBER_RE.match(rest)
    if number is None and op is None and change is None:
        standard = _per_unit(text, percent) if text.startswith("每") else None
        if standard is not None:
            return replace(standard, text=original)
        named = _after_naming_words(text)
        if named is not None:
            return replace(_parse(named, percent), text=original)
        if (part := _part_of_year(first=True).match(text)) is not None:
            rate = _part_of_year_rate(text[part.end():], percent)
            if rate is not None:  # 前三季度支出进度≥75%: the rate, named with its time
                return replace(rate, text=original)
    if number is None and op is None and change is None \
            and (statement := _STATEMENT_FIRST_RE.match(text)) is not None:
        stated = _parse(text[statement.end():], percent)  # 按期完成，完成率100%: the number
        if stated.kind == "number":
            return replace(stated, text=original)
    if number is None and op is None and change is None \
            and (bracketed := _NUMBER_IN_BRACKETS_RE.match(text)) is not None \
            and qualitative_level(bracketed.group(1)) is not None:
        stated = _parse(bracketed.group(2), percent)  # 全部完成(12次), 满意(95%): the number, as
        if stated.kind == "number" and stated.op is None:  # 12次(全部完成) is read
            return replace(stated, text=original)
    if number is None:
        if _OVERRUN_RE.match(text):  # 超出预算2万元: over the budget, by that (超支0元: kept to)
            return Measure(text=original, kind="qualitative", level=qualitative_level(text))
        if any(ch.isdigit() for ch in text):
            return Measure(text=original, kind="unparsed", op=op,
                           problem=f"无法识别“{original.strip()}”{_NO_NUMBER_READ}")
        if op in (">=", ">") and _LAST_YEAR_RE.fullmatch(rest):  # 不低于上年, ≥上年: a rise of
            return Measure(text=original, kind="number", op=op, value=0.0, unit="%")  # 0 at least
        if op in ("<=", "<") and _BUDGET_RE.fullmatch(rest):  # ≤预算数: within the budget, as
            return Measure(text=original, kind="qualitative", level="achieved")  # 控制在预算内
        if not rest and text in _OVERRUN_DENIED:  # 未超出 (the budget): kept to, in words
            return Measure(text=original, kind="qualitative", level="achieved")
        if op is not None and not rest and _OP_SYMBOL_RE.match(text) is None \
                and (level := qualitative_level(text)) in ("not", "partial"):
            return Measure(text=original, kind="qualitative", level=level)  # 未达到: words
        if op is not None and (not rest or _OP_SYMBOL_RE.match(text)) \
                and not _LAST_YEAR_RE.fullmatch(rest):  # "≥", "大于", "≥B级" (≤上年: words)
            return Measure(text=original, kind="unparsed", op=op,
                           problem=f"“{original.strip()}”有运算符但没有数值")
        # A word operator before words, not a number (达到预期目标, 控制在预算范围内): a
        # statement of what was reached, qualitative — no comparison to make.
        return Measure(text=original, kind="qualitative", level=qualitative_level(text))
    value = _to_float(number.group(1))
    unit = _clean_unit(number.group(2))
    suffix = _RANGE_SUFFIX_RE.match(unit)
    if suffix is not None:
        suffix_op = _SUFFIX_OPS[suffix.group(2)]
        held = text.startswith(_HELD_AT) and _leading_operator(text[len(_HELD_AT):])[0] is None
        if op is not None and op != "=" and op[0] != suffix_op[0] and not held:
            return Measure(text=original, kind="unparsed", op=op, value=value,
                           problem=f"“{original.strip()}”的运算符与“{suffix.group(2)}”相互矛盾")
        # 控制在…以内 is ≤, 控制在…以上 ≥; 超过…以上 stays ＞
        op = suffix_op if op in (None, "=") or held else op
        unit = _clean_unit(suffix.group(1))
    if any(ch.isdigit() for ch in unit) and not _SQUARE_OR_CUBIC_RE.search(unit):
        return Measure(text=original, kind="unparsed", op=op, value=value,
                       problem=f"无法识别“{original.strip()}”：数值后还有数字")
    if point_grouped_count(number.group(1), unit):
        grouped = number.group(1).lstrip("+").replace(".", "")
        return Measure(text=original, kind="unparsed", op=op,
                       problem=f"“{original.strip()}”的“{number.group(1)}”含义不清：按“{unit}”计的"
                               f"数没有小数，这里的小数点像是千位分隔（{grouped}）；请写成 {grouped}"
                               f" 或 {int(grouped):,}")
    value, unit = _per_period(value, unit)
    if change is not None:  # a change to reach: at least it, under 成本指标 as well
        op, unit = op or ">=", DECLINE + unit if change == "fall" else unit
        if change == "rise" and (unit.endswith("百分点") or any(
                word in stated for word in _NAMES_LAST_YEAR)):
            unit = RISE + unit  # 较上年提高3个百分点: a rise on last year, no level
    return Measure(text=original, kind="number", op=op, value=value, unit=unit)




# How a row is scored, written after its value (≥95%，每少1%扣0.5分; 90%\n扣0.53分;
# ≥95%\n评分标准：…; 达到得10分; 未达到不得分; 得80%分值): the rule, no second condition
# on the value (得90分以上 is one: a score to reach)
_SCORING_RULE_RE = re.compile(r"(?:评分|计分|打分|记分|赋分|扣分)(?:标准|办法|方法|规则|细则|依据)"
                              r"|扣\d+(?:\.\d+)?分|扣分|得满分|不得分"
                              r"|得\d+(?:\.\d+)?%?的?分(?!以[上下])")
_CLAUSE_MARK_RE = re.compile(r"[,;，；。\r\n]+")


def states_scoring_rule(text: object) -> bool:
    """Whether a text states how a row is scored (每少1%扣0.5分, 达到得满分, 未达到不得分,
    得80%分值, 评分标准：…) — anywhere in it."""
    return isinstance(text, str) and _SCORING_RULE_RE.search(normalize_text(text)) is not None


# A 评分标准 of bands and per-percent deductions (第三方 index systems), read clause by clause:
# 执行率100%得4分；90%（含）-100%得3分；80%以下不得分, 满意度≥95%得6分，每降低1%扣0.5分
_PERCENT = r"(\d+(?:\.\d+)?)%"
_INCLUDED = r"(?:\((含|不含)\))?"
_POINTS = r"(?:的|者|时)?(?:得(\d+(?:\.\d+)?)分|得满分|(?:不得分|得0分|计0分))$"
_BAND_CLAUSE = (
    r"^([\u4e00-\u9fff]{0,12}?)(?:(≥|>|≤|<|=|大于等于|小于等于|不低于|不少于|不高于|不超过|达到|高于"
    r"|大于|超过|低于|小于|不足))?"
    r"(\d+(?:\.\d+)?)(%?)" + _INCLUDED  # 80-90%: the % after the second number only
    + r"(?:(?:-|—|~|至|到)" + _PERCENT + _INCLUDED + r")?(及以上|以上|及以下|以下|之间)?" + _POINTS)
# A band written as an inequality of the rate's name: 85%≤满意度<90%得5分, 90%>满意度≥85%得5分
_BETWEEN_CLAUSE = (r"^" + _PERCENT + r"(≤|<|≥|>)([\u4e00-\u9fff]{1,12})(≤|<|≥|>)" + _PERCENT
                   + _POINTS)
_STEP_CLAUSE = (
    r"^[\u4e00-\u9fff]{0,12}?每(?:降低|下降|减少|少|低|低于)" r"(\d+(?:\.\d+)?)(?:%|个百分点)"
    r"扣(\d+(?:\.\d+)?)分$")
_NO_RULE_CLAUSE = re.compile(r"^(?:扣完为止|扣完即止|最低0分|最低不得分|扣至0分为止)$")
_AT_LEAST_WORDS = {"≥": True, "大于等于": True, "不低于": True, "不少于": True, "达到": True,
                   ">": False, "高于": False, "大于": False, "超过": False}
_BELOW_WORDS = {"≤": True, "小于等于": True, "不高于": True, "不超过": True,
                "<": False, "低于": False, "小于": False, "不足": False}


@dataclass(frozen=True)
class Bound:
    """One end of a band of a 评分标准: ``value`` in %, ``closed`` whether the band holds
    it; ``said`` whether (含)/(不含), a sign or a single value says so — an end only implied
    (80%以下, the 100% of 90%-100%) gives way to a band that says it holds the value."""

    value: float
    closed: bool
    said: bool


@dataclass(frozen=True)
class Band:
    """A 评分标准's band: the rate from ``low`` to ``high`` (None: no end) earns ``points``
    (None: full marks, 得满分)."""

    low: Bound | None
    high: Bound | None
    points: float | None
    measure: str = ""  # the rate named before it (完成率≥90%得5分), or ""

    def holds(self, value: float, said_only: bool = False) -> bool:
        """Whether ``value`` (in %) is in the band; ``said_only``: not on an end implied."""
        for end, inside in ((self.low, lambda v, e: v > e), (self.high, lambda v, e: v < e)):
            if end is None or inside(value, end.value):
                continue
            if value != end.value or not end.closed or (said_only and not end.said):
                return False
        return True


@dataclass(frozen=True)
class ScoringStandard:
    """A 评分标准 read whole: its bands, and ``step`` (per, points): ``points`` lost for each
    ``per`` percentage points below the lowest rate of full marks (每降低1%扣0.5分)."""

    bands: tuple[Band, ...]
    step: tuple[float, float] | None

    def settling(self, rate: float, full: float) -> tuple[Band, ...]:
        """The bands that set the score of ``rate`` (in %), ``full`` the points of 得满分:
        those holding it; where they give different points, the top rung of a ladder holding
        it (``_rung``: 96 % reaches ≥95%得8分 and ≥90%得6分, the higher bound sets 8), else
        those saying they hold it (100 % of 执行率100%得4分 beside 90%（含）-100%得3分: an end
        only implied gives way)."""
        held = tuple(band for band in self.bands if band.holds(rate))
        if len({_points(band, full) for band in held}) <= 1:
            return held
        rung = self._rung(held, full)
        if rung is not None:
            return (rung,)
        return tuple(band for band in held if band.holds(rate, said_only=True))

    def _rung(self, held: tuple[Band, ...], full: float) -> Band | None:
        """The band that sets the score of a rate in several bands ``held`` where they are
        rungs of one ladder: bands from a lower end up whose points fall as their bound falls
        (≥95%得4分；≥90%得3分；≥80%得2分), the highest reached; or bands up to an upper end
        whose points fall as their bound rises (≤5%得10分；≤8%得6分), the lowest reached —
        every other band beyond the ladder's last rung with fewer points (80%以下不得分).
        None where the bands are not so."""
        for rising in (True, False):
            rungs = sorted((band for band in self.bands if _rung_bound(band, rising) is not None),
                           key=lambda band: _rung_bound(band, rising))
            if len(rungs) < 2 or not all(band in rungs for band in held):
                continue
            bounds = [_rung_bound(band, rising) or 0.0 for band in rungs]
            worth = [_points(band, full) for band in rungs]
            if any(a >= b for pair in (bounds, worth) for a, b in itertools.pairwise(pair)):
                return None
            last = bounds[0] if rising else -bounds[0]  # the last rung's end, in %
            for band in self.bands:
                end = band.high if rising else band.low
                if band not in rungs and (end is None or _points(band, full) >= worth[0]
                                          or (end.value > last if rising else end.value < last)):
                    return None
            return max(held, key=lambda band: _rung_bound(band, rising))
        return None

    def conflicts(self) -> bool:
        """Whether some rate is in bands that give it different points, no band saying it
        holds it over the others and no ladder settling it (``settling``): 3 % in
        2.9%（含）-100%得8分 and 3.9%以下不得分 — a standard no evaluator wrote."""
        ends = sorted({end.value for band in self.bands for end in (band.low, band.high)
                       if end is not None})
        probes = [ends[0] - 1, ends[-1] + 1, *ends,
                  *((a + b) / 2 for a, b in itertools.pairwise(ends))]
        return any(len({_points(band, math.inf) for band in self.settling(rate, math.inf)}) > 1
                   for rate in probes)

    def names_several_rates(self) -> bool:
        """Whether its bands name different rates (完成率≥90%得5分，验收合格率≥95%得5分), not
        one rate named more or less fully (满意度≥90% beside 满意度在80%-90%之间)."""
        names = {band.measure for band in self.bands if band.measure}
        return any(a not in b and b not in a for a in names for b in names)

    def rises(self) -> bool:
        """Whether it scores a rate to reach: its most points (得满分, the highest written)
        for a rate from a lower end up (≥95%得10分, 90%以上, 100%得4分), not a ceiling's
        (5%以下得10分)."""
        return all(band.low is not None for band in self._most())

    def falls(self) -> bool:
        """Whether it scores a rate to stay under: its most points for a rate up to an upper
        end only (≤1%得10分, 0.5%以下得满分), beside ceilings or bands above it (≤2%得6分,
        0.5%-1.0%得6分), and no deduction per point below full marks (a rate to reach's)."""
        return self.step is None and all(band.low is None and band.high is not None
                                         for band in self._most())

    def most_written(self) -> float | None:
        """Its most points written as a number (差错率≤1%得10分；≤2%得6分: 10), None where
        no band writes one (得满分, 不得分 only: 0 is written)."""
        return max((band.points for band in self.bands if band.points is not None), default=None)

    def says_full_marks(self) -> bool:
        """Whether a band earns 得满分 (full marks in words, whatever the 分值)."""
        return any(band.points is None for band in self.bands)

    def _most(self) -> tuple[Band, ...]:
        """The bands of its most points (得满分, else the highest written)."""
        worth = [band.points for band in self.bands]
        most = None if None in worth else max(worth)  # type: ignore[type-var]
        return tuple(band for band in self.bands if band.points == most)


@functools.lru_cache(maxsize=1024)  # a row's 评分标准, asked for by several checks
def scoring_standard(text: object) -> ScoringStandard | None:
    """A 评分标准 of percent bands (90%（含）-100%得3分, 80%以下不得分, ≥95%得6分, 80-90%得5分,
    在80%-90%之间的得5分, 85%≤满意度<90%得5分) and a deduction per percentage point below
    full marks (每降低1%扣0.1分), every clause read — clauses numbered 1. 2. 3. or parted by
    、 alike, points after a comma (≥90%，得8分) in their clause; None where any clause says
    something else (酌情扣分, 按比例扣分, 每延期一个月扣1分) — a standard read in part is not read.
    Clauses 1. 2. 3. each with a digit after its number (1.100%得10分；2.90%（含）-100%得8分)
    are read both ways, numbered and as decimals (1.1%得10分；2.9%（含）-100%得8分): the one
    reading a sound standard, the other none or one giving a rate two scores
    (``ScoringStandard.conflicts``); None where both are sound, or neither."""
    if not isinstance(text, str):
        return None
    clauses = _RULE_CLAUSE_MARKS.split(_POINTS_AFTER_COMMA.sub("", normalize_text(text)))
    readings = [_read_clauses(reading) for reading in _readings(clauses)]
    if len(readings) == 1:
        return readings[0]
    sound = [standard for standard in readings
             if standard is not None and not standard.conflicts()]
    return sound[0] if len(sound) == 1 else None


def _read_clauses(clauses: list[str]) -> ScoringStandard | None:
    """A 评分标准 of its clauses (``scoring_standard``), or None."""
    bands: list[Band] = []
    step: tuple[float, float] | None = None
    for clause in (part for numbered in clauses for part in numbered.split("、")):
        if not clause or _NO_RULE_CLAUSE.match(clause):
            continue
        steps = _compiled(_STEP_CLAUSE).match(clause)
        if steps is not None and step is None and float(steps.group(1)) > 0:
            step = (float(steps.group(1)), float(steps.group(2)))
            continue
        band = _band(clause)
        if band is None:
            return None
        bands.append(band)
    return ScoringStandard(tuple(bands), step) if bands else None


_RULE_CLAUSE_MARKS = re.compile(r"[,;。\n]+")
# A comma between a band and its points, or a step and its deduction (≥90%，得8分; 每降低1%，
# 扣0.5分): one clause
_POINTS_AFTER_COMMA = re.compile(r",(?=得\d|得满分|得0分|不得分|计0分|扣\d)")
_NUMBERED = re.compile(r"^(\d{1,2})([.、)])")
_NEGATION = re.compile("[未不没非否]")


def _readings(clauses: list[str]) -> list[list[str]]:
    """The ways a standard's clauses read: without their numbers where they are numbered 1,
    2, 3 … in order (1.满意度≥90%得8分；2.80%≤满意度<90%得5分; 1、95%以上得10分); that and
    as they are where every number is a 1. before a digit, perhaps a decimal's (1.100%得10分；
    2.90%（含）-100%得8分: 100 % or 1.1 %?; 1.5%以下得10分；2.5%以上不得分). Else as they are."""
    found = [(index, match) for index, clause in enumerate(clauses)
             if (match := _NUMBERED.match(clause)) is not None]
    if len(found) < 2 or [int(match.group(1)) for _, match in found] != list(range(1, len(found) + 1)):
        return [clauses]
    unnumbered = list(clauses)
    for index, match in found:
        unnumbered[index] = clauses[index][match.end():]
    if all(match.group(2) == "." and unnumbered[index][:1].isdigit() for index, match in found):
        return [unnumbered, clauses]
    return [unnumbered]


def _points(band: Band, full: float) -> float:
    """A band's points, ``full`` for 得满分."""
    return full if band.points is None else band.points


def _rung_bound(band: Band, rising: bool) -> float | None:
    """How far a rate reaching a band of one end goes (``ScoringStandard._rung``): its lower
    end where ``rising`` (≥90%), its upper end negated where not (≤5%: −5, ≤8% −8 reaching
    less); None for a band of two ends or of the other one."""
    if rising:
        return band.low.value if band.high is None and band.low is not None else None
    return -band.high.value if band.low is None and band.high is not None else None


def _worth(clause: str, points: str | None) -> float | None:
    """A band's points: those written, None for 得满分, 0 for 不得分."""
    if points is not None:
        return float(points)
    return None if clause.endswith("满分") else 0.0


def _band(clause: str) -> Band | None:
    """One clause of bands (``scoring_standard``), or None."""
    between = _compiled(_BETWEEN_CLAUSE).match(clause)
    if between is not None:
        return _between(clause, between)
    match = _compiled(_BAND_CLAUSE).match(clause)
    if match is None:
        return None
    name, sign, first, percent, first_kept, second, second_kept, side, points = match.groups()
    if _NEGATION.search(name):  # 未达到95%不得分: the rate short of it, no band read
        return None
    worth = _worth(clause, points)
    value = float(first)
    kept = None if first_kept is None else first_kept == "含"
    if second is not None:  # 90%（含）-100%: from the one to the other
        if sign is not None or side not in (None, "之间") or float(second) <= value:
            return None
        high_kept = None if second_kept is None else second_kept == "含"
        return Band(Bound(value, kept is not False, kept is not None),
                    Bound(float(second), high_kept is not False, high_kept is not None), worth, name)
    if not percent or side == "之间":
        return None
    if sign in _AT_LEAST_WORDS or side in ("以上", "及以上"):
        if side in ("以下", "及以下") or side is not None and sign is not None \
                and _AT_LEAST_WORDS.get(sign) is not True:
            return None  # >90%以上: 90 itself in or not, unsaid
        closed = _AT_LEAST_WORDS[sign] if sign is not None else side == "及以上" or kept is not False
        return Band(Bound(value, closed, sign is not None or side == "及以上" or kept is not None),
                    None, worth, name)
    if sign in _BELOW_WORDS or side in ("以下", "及以下"):
        if side is not None and sign is not None and _BELOW_WORDS.get(sign) is not True:
            return None
        closed = _BELOW_WORDS[sign] if sign is not None else side == "及以下" or kept is True
        return Band(None, Bound(value, closed, sign is not None or side == "及以下"
                                or kept is not None), worth, name)
    if sign not in (None, "="):
        return None
    return Band(Bound(value, True, True), Bound(value, True, True), worth, name)  # 100%得4分


def _between(clause: str, match: re.Match[str]) -> Band | None:
    """A band written as an inequality (85%≤满意度<90%得5分, 90%>满意度≥85%得5分), both signs
    one way; else None."""
    first, sign, name, second_sign, second, points = match.groups()
    low, high, rising = float(first), float(second), sign in "≤<"
    if rising != (second_sign in "≤<") or (low >= high if rising else low <= high):
        return None
    if not rising:
        low, high, sign, second_sign = high, low, second_sign, sign
    return Band(Bound(low, sign in "≤≥", True), Bound(high, second_sign in "≤≥", True),
                _worth(clause, points), name)


def _before_scoring_rule(original: str, percent: bool) -> Measure | None:
    """The value of a 指标值/完成值 written before a clause that begins its scoring rule,
    after a comma or on a line of its own (≥95%，每少1%扣0.5分; ≥95%\n评分标准：…;
    90%\n扣0.53分): as the same rule in brackets, the value before it — where that is a
    number, a date or a range (≥95%，其中农村≥90%，每少1%扣0.5分 keeps its second
    condition, for a person). Else None."""
    for mark in _CLAUSE_MARK_RE.finditer(original):
        clause = _CLAUSE_MARK_RE.split(original[mark.end():], maxsplit=1)[0]
        if not states_scoring_rule(clause):
            continue
        head = original[:mark.start()]
        if not any(character.isdigit() for character in head):
            return None
        value = _parse(head, percent)
        return value if value.kind in ("number", "date", "range") else None
    return None


# The months of the year a count is of, before the words naming it (1-12月累计培训520人次):
# the whole year. (Not a year, 2023年完成率95%: perhaps another year's, for a person to read.)
_PERIOD_FIRST_RE = re.compile(r"^[1一]月?(?:-|~|至|到)12月份?(?:[,，]|以来)?(?=[\u4e00-\u9fff])")
# A footnote's mark after a value (≥95%①, ≥95%注1, ≥95%[1], ≥95%*1, ≥95%†), before NFKC
# makes ① a 1
_FOOTNOTE_RE = re.compile(r"(?:[\u2460-\u2473\u00b9†‡※]+|注\d{1,2}|\[\d{1,2}\]|\*\d{1,2})\s*$")
# A note in brackets after a value or before it: (2024年目标), 【省定】, (年初目标)
_NOTE_AFTER_RE = re.compile(r"(?:\([^()]{1,30}\)|【[^【】]{1,30}】|\[[^\[\]]{1,30}\])$")
_NOTE_BEFORE_RE = re.compile(r"^(?:\([^()\d]{1,12}\)|【[^【】\d]{1,12}】)(?=[\d≥≤<>=])")


def _beside_note(text: str, percent: bool) -> Measure | None:
    """The value of a text with a note in brackets after it — one holding a number, a
    year or a ± (≥95%(2024年目标), 97%(2024年12月抽检), ≥95%(±1%)) or in 【】 — or
    before it ((年初目标)≥95%): the value without it, where that is a number or a date
    with its unit written (≥100(人) keeps its unit); else None."""
    before = _NOTE_BEFORE_RE.match(text)
    if before is not None:
        rest = _parse(text[before.end():], percent)
        return rest if rest.kind in ("number", "date", "range") else None
    after = _NOTE_AFTER_RE.search(text)
    if after is None or after.start() == 0 or text[after.start() - 1].isdigit():
        return None
    note = after.group(0)
    if note[0] == "(" and not any(ch.isdigit() or ch == "±" for ch in note):
        return None  # (已完成), (抽查): the unit's note, read as it always was
    value = _parse(text[:after.start()], percent)
    return _less_put_off(value, note) if value.kind in ("number", "date", "range") else None


# A note saying some of the number are not finished this year (其中2处延至2025年完工, 其中
# 3个尚未完工): those are not done. Not a later 验收 (其中2处延至2025年验收: built) nor
# 延期完成 (done, late).
_PUT_OFF_RE = (r"其中(\d+(?:\.\d+)?)([^\d,，;；]*?)(?:因[^,，;；]*?)?"
               r"(?:(?:延至|延期至|推迟至|顺延至|延后至|结转至)(?:\d{4}年|次年|明年|下一?年)"
               r"[^,，;；]*?(?:完工|完成|建成|竣工|实施)"
               r"|(?:尚未|未能?)(?:完工|完成|建成|竣工|实施|开工))")


def _less_put_off(value: Measure, note: str) -> Measure:
    """``value`` less the part a note says is put off past the year (12处 with (其中2处延至
    2025年完工): 10 处 done), where the note counts it in the same unit; else ``value``."""
    put_off = _compiled(_PUT_OFF_RE).search(note)
    if put_off is None or value.kind != "number" or value.op is not None or value.value is None \
            or not value.unit or _clean_unit(put_off.group(2)) != value.unit:
        return value
    count = float(put_off.group(1))
    return replace(value, value=value.value - count) if 0 < count <= value.value else value


# A length of time in hours and minutes (1小时30分钟, 2个小时15分): in minutes
_HOURS_MINUTES_RE = re.compile(r"(\d+(?:\.\d+)?)个?小时零?(\d+(?:\.\d+)?)分钟?(?![\d钟])")


def _in_minutes(match: re.Match[str]) -> str:
    return _format_number(float(match.group(1)) * 60 + float(match.group(2))) + "分钟"


# What a rate is counted by, before it (以乡镇为单位≥90%, 以县为单位达95%): the rate
_BASIS_RE = r"^以[\u4e00-\u9fff]{1,8}?为单位[,，]?(?:达到|达)?"
# A ratio of one to a number (生师比≤17:1, 撬动比例≥1:1.5): the number, in a unit that says
# which side it is on (17 比 1 beside 18 比 1; 1 比 1.5 beside 1 比 1.2)
_RATIO_RE = re.compile(r"^(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$")
# Cuts a time or an amount is brought down by (办理时限缩短至3个工作日, 会议费压减至20万元)
_CUTS = ("缩短", "压减", "缩减", "削减", "压缩")
# A level a change reached (森林覆盖率提高到45.2%, 降至33微克/立方米, 下降到35以下, 时限缩短至
# 3个工作日, 延长至15年): the level, as 达到45.2% is — not the change (提高45.2% is a rise by
# that much).
_REACHED_RE = (rf"^(?P<name>[\u4e00-\u9fff]{{0,8}}?)(?P<verb>{_MOVES_BY}|降|升|"
               rf"{'|'.join(_CUTS)}|延长)(?:到|至|为)(?=[\d≥≧⩾≤≦⩽<>=])")
# An amount for each person (人均≤200元, 人均增收620元): the unit per person, 元/人 as
# ≤200元/人 writes it — so it compares with an amount per person, never with a total.
_PER_HEAD = ("人均", "平均每人", "每人平均")


def _per_head(text: str, percent: bool) -> Measure | None:
    rest = text.removeprefix(next(word for word in _PER_HEAD if text.startswith(word)))
    each = _parse(rest, percent)
    if each.kind == "number" and (_PER_PERSON_UNIT_RE.search(each.unit)
                                  or (each.unit.startswith(_PER_HEAD_MONEY) and "/" in each.unit)):
        return each  # 人均补助200元/人/月, 人均住院费用≤8000元/人次: the unit says each what
    if each.kind != "number" or not each.unit or "/" in each.unit or each.unit.endswith("%"):
        return None  # 人均500 (bare), 人均增长5% (a rise, not an amount): a person reads it
    year = "/年" if _PER_YEAR_WRITTEN_RE.search(rest) else ""  # 人均≤1200元/年: 元/人/年,
    return replace(each, unit=f"{each.unit}/人{year}")      # as ≤1200元/人/年 (not 元/人)


_PER_PERSON_UNIT_RE = re.compile(r"^[^/]+/人(?![次天日])")  # 元/人, 元/人/月, 元/人·年
_PER_YEAR_WRITTEN_RE = re.compile(r"(?:/|每)年度?$")  # 1200元/年, whose 年 _per_period drops
_PER_HEAD_MONEY = ("元", "万元")  # 人均住院费用≤8000元/人次: money per visit, as written


def states_bound(measure: Measure) -> bool:
    """Whether a number's operator is a bound its text states (≥90%, 不低于90%, 90%以上,
    5天以内) — not a change's (增长5% is ≥ 5 %: the rise reached, no bound)."""
    if measure.kind != "number" or measure.op is None:
        return False
    text = normalize_text(measure.text)
    if _change(text)[1] is not None:
        return False
    return _leading_operator(text)[0] is not None or any(
        word in text for word in ("以上", "之上", "以下", "之下", "以内", "之内"))


def range_word_after(measure: Measure) -> tuple[str, str] | None:
    """(the figure, the range word) of a number whose bound is a range word after it (96%以上
    → ("96%", "以上"), 1200人及以上, 4%以内, 3天以内完成 → ("3天", "以内")): how a 完成值 is
    commonly told, its figure what was reached. None for any other measure (不低于96%, 96%)."""
    if not states_bound(measure) or written_as_bound(measure):
        return None
    match = _RANGE_SUFFIX_RE.match(normalize_text(measure.text))
    if match is None or not match.group(1) or not any(ch.isdigit() for ch in match.group(1)):
        return None
    return match.group(1), match.group(2)


def changed_by(measure: Measure) -> bool:
    """Whether a number is a change by a measured amount (增长7%, 较上年下降4%): its operator
    is the reading of a change to reach (at least it), no bound its text states — unlike
    增长≤5%, 较上年增长不超过5%, 增长7%以上. A change word before a number is no bound."""
    if measure.kind != "number" or measure.op is None:
        return False
    rest, way = _change(normalize_text(measure.text))
    return way is not None and parse_measure(rest).op is None


# Words before a number that report it reached, not a bound (达到96%: 96 % was measured).
_REACHED_WORDS = ("达到", "等于")


def written_as_bound(measure: Measure) -> bool:
    """Whether a number opens with a comparison as a 指标值 does (≥95%, ＞95%, 不低于95%,
    高于95%): a bound, no measured value. Not 达到96% (what was reached), ＝96%, and not a
    range word after the number (95%以上, 3天以内: how a 完成值 is commonly told, read as
    written, docs/readings.md)."""
    if not states_bound(measure):
        return False
    text = normalize_text(measure.text)
    op, _rest = _leading_operator(text)
    return op is not None and op != "=" and not text.startswith(_REACHED_WORDS)


def _per_period(value: float, unit: str) -> tuple[float, str]:
    """A count per period as the count over the year the table is about: 1次/季度 is 4 次,
    500人次/年 is 500 人次; 100元/月 (a monthly standard, not a count) and 100元/人/年 (an
    amount per person and year) stay as written."""
    match = _PER_PERIOD_RE.match(unit)
    if match is None:
        return value, unit
    counted, per_year = match.group(1), _PER_YEAR[match.group(2)]
    if per_year == 1 and ("/" in counted or "每" in counted):
        return value, unit  # 元/人/年: an amount per person and year, not 元/人
    if per_year == 1:
        return value, counted
    if counted in _EVENT_UNITS:
        return value * per_year, counted
    return value, unit


# A standard per unit written with 每 before the number (每亩300元, 每人每月200元, 每生每年不低于
# 1000元, 每亩补助300元): the number per that unit, as 300元/亩 and 200元/人/月 write it. Money
# (or a bare number) only: a count per person (每人1次) stays for a person to read.
_PER_UNIT_RE = re.compile(r"^每([^\d每]{1,4}?)(?:每([^\d每]{1,4}?))?(?:补助|补贴|标准|资助|奖补|奖励|发放)?"
                          r"(?=[\d<>=≥≤]|不|大于|小于|高于|低于|达到|超过|至少|至多|控制在|等于|少于|多于)")
# Words in what 每 names that make the number no standard (每年增长5%, 每月10日前).
_NOT_PER_UNIT = ("增", "降", "减", "升", "提", "长", "约", "近", "均", "第", "前", "后", "以", "日", "号")


def _per_unit(text: str, percent: bool) -> Measure | None:
    """A standard per unit written 每亩300元 as the 300元/亩 it is (每人每月200元 as
    200元/人/月, 每亩300 as 300/亩), or None when ``text`` is no money per unit."""
    match = _PER_UNIT_RE.match(text)
    if match is None:
        return None
    per = [name for name in match.groups() if name]
    if any(word in name for name in per for word in _NOT_PER_UNIT):
        return None
    amount = _parse(text[match.end():], percent)
    if amount.kind != "number" or amount.value is None or not (
            amount.unit == "" or amount.unit.endswith("元")):
        return None
    value, unit = _per_period(amount.value, amount.unit + "".join("/" + name for name in per))
    return replace(amount, value=value, unit=unit)


# About a number (约95%, 近600人, 90%左右, 数千人): as a 完成值 no number to score; a person
# asks. As a 指标值 it names its number (``about_number``), the about word (``word``) or
# ending (``tail``) left out — 数千人 names none.
ABOUT_TAILS = ("左右", "上下")
_ABOUT_RE = re.compile(rf"^(?:[\u4e00-\u9fff]{{0,8}}?(?P<word>(?<![节签合预制条契公])约为?|大约|将近|"
                       rf"接近|(?<![最附将接])近)){_NUMBER}|\d(?:[^\d]{{0,4}})"
                       rf"(?P<tail>{'|'.join(ABOUT_TAILS)})$|^数以?[十百千万]")


def about_problem(text: str) -> str:
    """What is wrong with a 完成值 that gives a number only about (近600次, 约95%; 万余人次
    beside ≥1.5万人次, ``more_than``): met or not, unknown."""
    return f"“{text.strip()}”是约数，无法判断是否达到，请填写确切的数值"


def about_number(measure: Measure) -> Measure | None:
    """The number a measure given about names (约500人 → 500人, 1000人左右 → 1000人,
    ≥500盏左右 → ≥500盏, 近600人 → 600人, 控制在500人左右 → 500人: held about a number, not
    under it), with its text as written: a 指标值 so written is
    scored as that number (``units.as_compared``). None for any other measure, and for an
    about that names no number (数千人)."""
    if measure.kind != "unparsed" or measure.problem != about_problem(measure.text):
        return None
    text = _counted_in_words(normalize_text(measure.text).strip())  # 约两千人 → 约2000人
    about = _ABOUT_RE.search(text)
    said = next((name for name in ("word", "tail") if about and about.group(name)), None)
    if about is None or said is None:
        return None
    rest = text[:about.start(said)] + text[about.end(said):]
    if said == "tail" and rest.startswith(_HELD_AT):  # 控制在500人左右: about 500, no ceiling
        rest = rest[len(_HELD_AT):]
    named = parse_measure(rest)
    named = about_number(named) or named  # 约500人左右: said about twice
    if named.kind != "number" or named.value is None:
        return None
    return replace(named, text=measure.text)


# The first number, then 余/多 right after it or its scale (500余人, 1.1万余户, 千余户 read
# as 1000余户, 300多人), or 逾 before it (逾500人, 上百人 read as 100余人): more than the figure.
_MORE_THAN_RE = re.compile(r"^[^\d]*?(?P<figure>\d[\d.,]*)(?:千万|百万|万|千|亿)?[余多]|^逾\d")


def more_than(measure: Measure) -> float | None:
    """How far a number without a sign told as a figure and some more (万余人次, 500余人,
    1.1万余户, 十余次, 300多人) reaches: the figure's next step over the figure — 500余人 is
    more than 500 and less than 600 (1.2), 1.1万余户 less than 1.2万 (12/11), 万余人次 less
    than 2万 (2); inf where nothing bounds it (逾500人). ``rules`` compares the 完成值 so. None
    for any other number, and for one with a sign (≥500余人 is the sign's bound)."""
    if measure.kind != "number" or measure.op is not None or not measure.value:
        return None
    text = _counted_in_words(normalize_text(measure.text).strip())
    found = _MORE_THAN_RE.search(text)
    if found is None:
        return None
    if found.group("figure") is None:
        return math.inf  # 逾500人
    figure = found.group("figure").replace(",", "").rstrip(".")
    whole, _, part = figure.partition(".")
    part = part.rstrip("0")  # the last digit written, not 0, is the step: 1.1 → 0.1, 500 → 100
    step = 10.0 ** -len(part) if part else 10.0 ** (len(whole) - len(whole.rstrip("0")))
    number = float(figure)
    return math.inf if number <= 0 else (number + step) / number


# A frequency (每季度1次, 每月召开一次, 每半年至少1期, 每两个月一次, 每旬一次) is a count over the
# year: 4 次, 12 次, ≥2 期, 6 次, 36 次; so is a count per period (1次/季度).
_PER_YEAR = {"半年": 2, "年度": 1, "年": 1, "季度": 4, "季": 4, "个月": 12, "月": 12, "旬": 36,
             "周": 52, "星期": 52}
_PERIODS = "|".join(sorted(_PER_YEAR, key=len, reverse=True))  # 半年 before 年
# 每季度, 每两个月, 一年两次, 半年一次; 按季度 (开展4次 is the year's count; 开展1次, once each
# quarter). Every few periods (每两个月) only where the year holds a whole number of them
# (每两年, 每三周: left as written).
_FREQUENCY_RE = re.compile(rf"^(?:每(?P<every>[两二三四六]|\d{{1,2}})?(?P<each>{_PERIODS})"
                           rf"|一?(?P<year>年)|(?P<half>半年)|[按逐](?P<by>{_PERIODS}))(?!度)")
_PER_PERIOD_RE = re.compile(rf"^(.+?)(?:/|每)({_PERIODS})$")
# A period each before the name of a level reached (每周开放时间延长至60小时): the level per it
_EACH_PERIOD_RE = re.compile(rf"^每({_PERIODS})")
_EVENT_UNITS = ("次", "期", "场", "轮", "批", "份", "篇", "回", "会")
_NOT_DONE_IN = ("增", "降", "减", "升", "提", "均", "人", "户", "元")  # 每年增长5次, 每人1次: no frequency


def _per_year(text: str, percent: bool) -> Measure | None:
    """A frequency's count over the year, or None when ``text`` is none."""
    match = _FREQUENCY_RE.match(text)
    if match is None:
        return None
    after = text[match.end():]
    for cut in range(min(len(after), 7)):
        words, rest = after[:cut], _counted_in_words(after[cut:])  # 召开一次
        if words and ("\u4e00" > words[-1] or words[-1] > "\u9fff"):
            return None
        if _NUMBER_RE.match(_leading_operator(rest)[1]) is None:
            continue
        if any(word in words for word in _NOT_DONE_IN):
            return None
        count = _parse(rest, percent)
        if count.kind != "number" or count.value is None or count.unit not in _EVENT_UNITS:
            return None
        if match.group("by") and count.value != 1:
            return count  # 按季度开展4次 (3次): the year's count, done by quarter
        period = match.group("each") or match.group("year") or match.group("half") \
            or match.group("by")
        every = match.group("every") or "1"
        every = int(every) if every.isdigit() else _CHINESE_DIGITS[every]
        if not every or _PER_YEAR[period] % every:
            return None
        return replace(count, value=count.value * _PER_YEAR[period] // every)
    return None


_EMPTY_TEXTS = ("", "-", "—", "/", "无", "--")
# What a 指标性质 / 计算符号 / 指标方向 cell says about the sign before the 指标值: a direction in
# words is the sign it means (越小越好: 反向, as 一体化 exports write it); 定量 (counted) and
# 定性 (judged) say none; a comparison in words (大于等于, 等于) is its operator's symbol.
_DIRECTION_SIGNS = {"正向": "≥", "反向": "≤", "逆向": "≤", "越大越好": "≥", "越高越好": "≥",
                    "越小越好": "≤", "越低越好": "≤"}
OPERATOR_SIGNS = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "="}  # how each is shown
_NO_SIGN = ("定量", "定性")
# A 指标值 cell holding no value: left empty, or only a dash or slash.
_PLACEHOLDER_VALUES = ("", "-", "—", "--", "/")


def contradicts_direction(nature: object, sign: object) -> bool:
    """Whether a 指标性质 in words (正向: more is better; 反向/逆向: less) and the sign a
    指标方向 column gives beside it point opposite ways (正向 | 小于等于, 反向 | ≥)."""
    word = compact_text(nature)
    wanted = _DIRECTION_SIGNS.get(word[:-2] if word.endswith("指标") else word)
    if wanted is None or not isinstance(sign, str):
        return False
    operator, rest = _leading_operator(normalize_text(sign).strip())
    if operator is None or rest.strip():
        return False
    return operator in (("<", "<=") if wanted == "≥" else (">", ">="))


def opens_with_number(text: str) -> bool:
    """Whether a value opens with its number, a sign before it or not (95%, ≥95%（问卷200份）):
    a number as the answer, not words holding one (培训520人次, 抽样200人，满意)."""
    return _NUMBER_RE.match(_leading_operator(normalize_text(text).strip())[1]) is not None


def is_bare_sign(raw: object) -> bool:
    """Whether a cell holds a comparison and nothing else (">=", "≤", "大于等于"): the
    sign of a 指标值 written in parts (符号 | 值 | 单位), not a 指标值 of its own."""
    if not isinstance(raw, str) or not raw.strip():
        return False
    text = normalize_text(raw).strip()
    operator, rest = _leading_operator(text)
    return operator is not None and not rest.strip()


def after_at_least(text: str) -> str | None:
    """The words after a leading "this or more" (≥良好, 不低于良好, 达到良好 → 良好); None
    where the text opens with no such sign or word."""
    operator, rest = _leading_operator(normalize_text(text))
    return rest if operator == ">=" else None


def joined_target(nature: object, target: str, unit: object) -> str:
    """The 指标值 as one text, from a row that writes it in parts (四川 style): the sign
    (指标性质 ≥ ＝ ≤ …, 正向 → ≥, 反向 → ≤ — before a number only —, 大于等于 → ≥,
    等于 → =, 定量/定性 → none),
    the value, the 度量单位.
    A sign written in the value itself wins over the column's ("≥95%" under 正向, not
    "≥≥95%"); a unit the value already ends with is not written twice ("95%" and "%");
    a placeholder unit ("/", "—") is none.
    A value cell left empty (or "—", "/") is no 指标值, whatever the sign and unit cells
    say ("≥" | 空 | "%" is not "≥%"): the value as typed. Unless the 指标性质 cell holds
    more than a sign — "≥95" typed there, the value's cell left empty, is ≥95 and the unit."""
    value = normalize_text(target)
    sign = compact_text(nature)
    sign = sign[:-2] if sign.endswith("指标") and len(sign) > 2 else sign
    if value in _PLACEHOLDER_VALUES and (sign in _NO_SIGN or sign in _EMPTY_TEXTS
                                         or sign in _DIRECTION_SIGNS or is_bare_sign(nature)):
        return target
    place = 0  # where the sign goes: before the value, or after the words of a change
    if sign in _NO_SIGN or sign in _EMPTY_TEXTS or \
            (value and _leading_operator(value)[0] is not None) or \
            (sign in _DIRECTION_SIGNS and not any(ch.isdigit() for ch in _counted_in_words(value))):
        sign = ""  # (正向 beside 明显提升, a goal in words: a direction, no comparison)
    else:
        sign = _DIRECTION_SIGNS.get(sign) or (OPERATOR_SIGNS[_WORD_OPS[sign]] if sign in _WORD_OPS
                                              else str(nature).strip())
        sign, place = _sign_on_change(sign, target)
    unit_text = "" if unit is None else str(unit).strip()
    if normalize_text(unit_text) in _EMPTY_TEXTS or (value and value.endswith(normalize_text(unit_text))):
        unit_text = ""
    return target[:place] + sign + target[place:] + unit_text


# A 指标值 that states its own way (较上年下降5%, 提高2个百分点, 降低至5%) beside a sign: the
# sign says how the measure itself should go (越小越好 → ≤: the cost lower), not how big the
# change is. A change the same way (≤ beside 下降5%: the measure 5 % lower at least) or a
# sign of equality is the change to reach as written, the sign only confirming it; a rise
# beside ≤ (≤ | 增长5 | %: the measure 5 % higher at most) a ceiling on the rise, 增长≤5%.
# A fall beside ≥ stays the fall to reach as written (四川's ≥ | 下降5 is 下降≥5%, as typed
# by those who write it). A level reached by a change (降低至5%, 提高到95%) takes the sign
# on the level: 降低至≤5%.
def _sign_on_change(sign: str, target: str) -> tuple[str, int]:
    """The sign to write and where in the (raw) 指标值 it goes, for a sign beside a value."""
    value = normalize_text(target)
    reached = _compiled(_REACHED_RE).match(value)
    moved, way = _change(_counted_in_words(value))
    if reached is None and way is None:
        return sign, 0
    operator, _ = _leading_operator(sign)
    if way == "rise" and operator in ("<=", "<"):
        cut = len(target) - len(moved)  # after 较上年增长 (moved: what follows the words)
    elif reached is not None and way is None:
        cut = reached.end()  # after 降低至
    else:
        return "", 0
    return (sign, cut) if normalize_text(target[:cut]) == value[:cut] else ("", 0)


def qualitative_level(text: str) -> str | None:
    """达成 / 部分达成 / 未达成 of a qualitative 完成值, or None if it says none. A word of
    achievement negated (不规范, 资金未到位, 效果不明显, 没有完成) is 未达成; done late
    (延期完成, 推迟完成) is 部分达成, late and not said done (进度滞后) 未达成. A level stated
    first is read from its clause (``opening_clause``): the comment after it may say it was
    late, that more is needed (已完成，需进一步提升) or that the target is not met (有所改善，
    部分群众需求未满足, 距目标仍需努力: ``_SHORT_OF_GOAL_RE``), its other words do not count. A change
    stated before a comment on what is still to come (有所减轻，但仍需进一步减轻) is read
    without the comment (``_before_comment_to_come``)."""
    text = _before_comment_to_come(normalize_text(text))  # 有所减轻，但仍需…: 有所减轻's
    if _this_year_off(text).startswith(("无有效", "未收到有效", "未接到有效")):
        return None  # 无有效投诉: none of them (says_none), not 有效 denied
    opening = opening_clause(text)
    level = _level(opening) if opening is not None else None  # 比较满意，…不及时: 满意's
    if level == "achieved" and (_STILL_TO_DO_RE.search(text)
                                or _falls_short(text, len(opening))):
        level = "partial"  # 已完成，需进一步提升; 有所改善，部分群众需求未满足: not there yet
    if level is None:  # no level stated first: the whole text's
        level = _level(text)
    if level != "not" and _PENDING_RE.search(text):
        return None  # 完成情况待统计, 满意度待测评: not known yet — for a person to judge
    if level in ("achieved", None):
        if _says_late(text):
            return "partial" if any(word in text for word in _DONE_LATE) else "not"
        if level is None and (any(word in text for word in _LATE) or _BAD_DENIED.search(text)):
            return "achieved"  # 未逾期, 无超期; 无违规, 未发现差错: what was feared did not happen
    return level


# A level stated first, then a comment on it after ，；。 or a bracket (比较满意，部分居民反映
# 路灯维修不及时; 满意度较高，个别不满意; 达成（个别点位延后）): the opening clause. A comment
# that turns the statement round (已完成，但效果不佳) qualifies it, and an opening that concedes
# (虽已完成，但…) is no statement: both are read whole.
_OPENING_CLAUSE_RE = re.compile(r"([^,;。(【\[]+)[,;。(【\[]+(.|$)")
_TURNING = ("但", "然而", "不过", "可是", "却")
_CONCEDING = ("虽", "尽管")


def opening_clause(text: str) -> str | None:
    """The opening clause of a (normalised) 完成值 that goes on with a comment after it, the
    clause its level is read from where it states one (``qualitative_level``; the levels of a
    scale in rules): 比较满意 of 比较满意，部分居民反映路灯维修不及时, so the comment's words
    (不及时, 个别不满意, 部分) do not change it; 比较满意 of 比较满意。 too. None where there is
    no ，；。 or bracket after the opening, the comment turns the statement round (但…) or the
    opening concedes (虽…)."""
    clause = _OPENING_CLAUSE_RE.match(text)
    if clause is None or clause.group(1).startswith(_CONCEDING) \
            or text[clause.start(2):].startswith(_TURNING):
        return None
    return clause.group(1)


# A comment saying the target, the need or the task is not (yet) met (部分群众需求未满足,
# 尚未完成年度任务, 距目标仍需努力, 距离目标还有差距, 与预期目标还有一定差距: rt35 r1) after a
# level stated first (有所改善): a shortfall, 部分达成 — not more effort asked on something
# (管护仍需加强, 仍需努力: a next step, ``_before_comment_to_come``)
_SHORT_OF_GOAL_RE = re.compile(
    r"(?:未|没有|未能|不能)(?:完全|全部|全面)?(?:得到)?(?:满足|达到|达成|实现|完成)"
    r"|(?:^|(?<=[,;。]))(?:距离?|离)[^,;。]{0,8}(?:目标|预期|要求|任务)"
    r"|与[^,;。]{0,10}(?:目标|预期|期望|要求|需求)[^,;。]{0,6}(?:差距|距离)"
    r"|(?:仍|还|尚)(?:有|存在)[^,;。]{0,4}(?:差距|距离)")
# A shortfall said not to exist (无未完成事项, 未发现未完成项目, 没有未达到标准的情况) or named
# as what was dealt with (未完成整改的已督促, 没有达到标准的已整改): no shortfall (rt35 review A)
_SHORT_DENIED = ("无", "未发现", "没有", "不存在", "并无", "未见")
_SHORT_DEALT_WITH_RE = re.compile(r"[^,;。]*的(?:均|都|全部|已经)?已")


def _falls_short(text: str, start: int) -> bool:
    """Whether ``text`` from ``start`` says the target, the need or the task is not met
    (``_SHORT_OF_GOAL_RE``), a shortfall denied or dealt with not counted."""
    return any(not text[:short.start()].endswith(_SHORT_DENIED)
               and _SHORT_DEALT_WITH_RE.match(text, short.end()) is None
               for short in _SHORT_OF_GOAL_RE.finditer(text, start))


# What is not known yet (待统计, 未评估, 统计中), is told elsewhere (完成情况见附件) or is not
# seen yet (改善效果短期内难以显现, 效果尚未显现: rt35 r1 d4 — a change stated is no
# change seen): no level
_PENDING_RE = re.compile(r"待(?:统计|检测|测评|评估|核实|确认|定|审核|审计|汇总|调查|考核)"
                         r"|未(?:统计|测评|评估|核实|汇总|考核)|统计中|情况详?见"
                         r"|(?:难以|很难|较难|尚未|暂未|尚难)在?(?:短期内?|近期内?|短时间内)?"
                         r"(?:显现|体现|显示|见效|凸显|显露)")


# A denial of what may have happened: 无, 未发现, 没有出现, 并无任何 …
_DENIAL = r"(?:无|未|没有|没|并无|从未{more})(?:发现|出现|存在|发生|有)?(?:任何)?"
# A thing to avoid, said not to have happened (无违规, 未发现差错, 未超预算). Not 无事故 or
# 零投诉: words for nothing, which a 指标值 may want (``says_none``).
_BAD_DENIED = re.compile(r"(?:^|[,，;；、])" + _DENIAL.format(more="")
                         + r"(?:违规|违纪|违法|差错|错误|挤占|挪用|截留|超标|超预算|超标准|超支"
                         r"|超[出过]?(?:合同|概算|批复|中标)|隐患|问题)")


# Right after a word of achievement (and 度/率 making it a measure: 满意度, 合格率), how
# much of it there was: low is 未达成, middling 部分达成.
_LOW_AFTER = re.compile(r"^[度率性]?(?:(较低|偏低|很低|低|不高|较差|差|不足)|(一般|中等|较弱))")


def _judged_low(text: str, words: list[str]) -> str | None:
    for word in words:
        after = _LOW_AFTER.match(text[text.find(word) + len(word):])
        if after is not None:
            return "not" if after.group(1) else "partial"
    return None


# Words of lateness; "done" beside them is done late. 无延期, 未出现延误: on time. Over the
# time set (超过规定时间完成, 超时完成) is late whatever verb the 指标值 used (``goes_over_goal``).
_LATE = ("延期", "推迟", "滞后", "逾期", "延迟", "延误", "拖延", "超期", "晚于", "超时",
         *(over + time for over in ("超过", "超出")
           for time in ("规定时间", "规定时限", "规定期限", "时间", "时限", "期限")))
_DONE_LATE = ("完成", "实现", "达成", "到位", "交付", "验收", "办结")
# Late by a length of time (延期1个月, 推迟3天完成, 逾期两周): done that much late — 延期完成,
# not a time taken of 1 个月 (a length of delay says the work ended)
_LATE_BY_RE = re.compile(rf"^(?:{'|'.join(_LATE)})了?(\d+(?:\.\d+)?|[{_NUMERAL}半]+)个?"
                         rf"(?:个工作日|工作日|天|日|周|星期|月|季度|年|小时)(?:左右)?"
                         rf"(?:{'|'.join(_DONE_LATE)})?$")


# A note after the number done saying why the rest is not done, or that it is put off
# (完成10处，2处因雨季延至2025年; 9期，1期延期至次年): its numbers and dates are the rest's.
_DELAY_NOTE_RE = "|".join(("因", "由于", "延至", "顺延", "延后", *_LATE))


# A note saying what was done (计划12处，因资金问题实际完成10处): the first number is the
# plan, not the number done
_DONE_IN_NOTE_RE = re.compile(r"(?:实际|完成|建成|开展|办理|实现)\D{0,4}\d")


def _before_delay_note(text: str, percent: bool) -> Measure | None:
    """The number before a ``_DELAY_NOTE_RE`` note after a comma, or None."""
    first, note = _CLAUSE_MARK_RE.split(text, maxsplit=1)
    if not any(ch.isdigit() for ch in first) or _compiled(_DELAY_NOTE_RE).search(note) is None \
            or _DONE_IN_NOTE_RE.search(note):  # 12处，因资金问题实际完成10处: 12 is the plan
        return None
    done = _parse(first, percent)
    return _less_put_off(done, note) if done.kind == "number" and done.unit and done.op is None \
        else None


def _says_late(text: str) -> bool:
    """Whether a (normalised) 完成值 says it came late: a word of lateness, not denied."""
    return any(word in text and not _late_denied(text, word) for word in _LATE)


def _late_denied(text: str, word: str) -> bool:
    start = text.find(word)
    return any(ch in text[max(0, start - 3):start] for ch in ("未", "无", "没", "不"))


def _level(text: str) -> str | None:
    if text == "一般":  # a middling effect alone, as 效果一般: some effect, short of the goal
        return "partial"
    if (by := _overrun_amount(text)) is not None and by.value == 0:
        return "achieved"  # 超支0元, 超出预算0%: no overrun
    text = gaps_masked(text)  # 执行偏差明显缩小: no 差 before 明显
    for level, words in _LEVEL_WORDS:
        found = [word for word in words if word in text]
        if found and level == "not" and all(_denied(text, word) for word in found):
            return "achieved"  # 未超支, 无不合格, 不低于预期: what falls short did not happen
        if found:
            if level == "achieved" and any(_negated(text, word) for word in found):
                return "not"
            if level == "achieved" and any(_preceded(text, word, _PARTLY) for word in found):
                return "partial"  # 基本稳定, 部分到位, 初步完善: as 基本完成
            if level == "achieved" \
                    and (_STILL_TO_DO_RE.search(text) or _CHANGE_TO_COME.search(text)):
                return "partial"  # 有待提高, 需进一步完善: there, not yet as wanted
            if level == "achieved":
                judged = _judged_low(text, found)
                if judged is not None:
                    return judged  # 满意度较低, 合格率偏低: the word names what is low
            return level
    if _CHANGE_TO_COME.search(text):
        return "partial"  # 负担仍需减轻, 发病率有待降低: a change still to come, as 有待提高
    if _BUDGET_KEPT_RE.search(text):
        return "achieved"  # 按批复金额执行, 与预算一致, 在批复金额内
    return None


def overrun_by(measure: Measure) -> Measure | None:
    """The amount a 完成值 says the budget was overrun by, as a number (超出预算3% → 3 %,
    超支20万元 → 20 万元, 超支率0% → 0 %, ``_OVERRUN_RE``); None for any other (超出预算
    alone: by how much, unsaid)."""
    if measure.kind != "qualitative" or measure.level not in ("not", "achieved"):
        return None
    return _overrun_amount(normalize_text(measure.text))


def _overrun_amount(text: str) -> Measure | None:
    """``overrun_by`` of a normalised text: the number, 0 or more, after ``_OVERRUN_RE``."""
    over = _OVERRUN_RE.match(text)
    if over is None:
        return None
    amount = parse_measure(text[over.end():])
    if amount.kind != "number" or amount.op is not None or amount.value is None \
            or amount.value < 0:
        return None
    return amount


def budget_ceiling(measure: Measure) -> bool:
    """Whether a 指标值 is the budget as a ceiling, in words (控制在预算内, 不超过批复金额,
    ≤预算数, 按预算执行): an overrun by a share of it is that share over 100 % of it."""
    if measure.kind != "qualitative" or measure.level != "achieved":
        return False
    text = normalize_text(measure.text)
    op, rest = _leading_operator(text)
    return op in ("<=", "<") and _BUDGET_RE.fullmatch(rest) is not None \
        or _BUDGET_KEPT_RE.search(text) is not None


# A sum left of the budget (结余4万元, 节约资金4万元, 资金节余2.3万元): spent within it, by that
_LEFT_OF_BUDGET_RE = re.compile(r"(?:资金|经费|预算)?(?:结余|节余|节约|节省|结存)(?:资金|经费)?(?=\d)")


def kept_to_budget(target: Measure, actual: Measure) -> Measure | None:
    """A 完成值 beside the budget as a ceiling in words (``budget_ceiling``: 控制在预算内)
    that says what was left of it (结余4万元, 节约资金4万元), each other clause the budget
    kept (结余4万元，未超支): 达成, as 未超支 alone is; None for any other (结余4万元，超支2万元;
    beside a ceiling amount ≤500万元 a sum left says nothing of the spending's own)."""
    if not budget_ceiling(target) or actual.kind not in ("unparsed", "number"):
        return None
    left = False
    for clause in filter(None, _CLAUSE_MARK_RE.split(normalize_text(actual.text))):
        saved = _LEFT_OF_BUDGET_RE.match(clause)
        if saved is None and _level(clause) != "achieved":
            return None
        if saved is not None:
            amount = parse_measure(clause[saved.end():])
            if amount.kind != "number" or amount.op is not None:
                return None
            left = True
    return replace(actual, kind="qualitative", op=None, value=None, unit="", level="achieved",
                   problem=None) if left else None


# A goal to reach, named after its word (符合合同约定, 达到预算数), and a 完成值 over a thing
_REACH_RE = re.compile(r"(?:符合|满足|达到|不低于)")
_OVER_RE = re.compile(rf"(?:{'|'.join(_OVER)})")
# What a goal names to keep within, not to reach: going over it is failing (工期, 时限, 排放标准).
# Not a schedule (达到序时进度 → 超过序时进度: ahead of it, more than met).
_LIMITS = ("工期", "时限", "期限", "时效", "排放", "限值", "限额", "上限", "限定", "范围")
# What is a limit to conform to (符合规定时间 → 超过规定时间: late; 符合规定 → 超出规定) but a
# floor to reach (达到规定时间 → 超过规定时间: 志愿服务时长 served longer)
_CONFORMED_LIMITS = ("时间", "规定")
_CONFORM_WORDS = ("符合", "满足")


def goes_over_goal(target: Measure, actual: Measure) -> bool:
    """Whether the 完成值 says it went over what the 指标值 names to reach (符合合同约定 →
    超合同约定标准, 达到预算数 → 超出预算10%, 达到序时进度 → 超过序时进度): more than met. Not beside the budget as a
    ceiling (控制在预算内), nor a sum over a contract's terms (符合合同约定 → 超合同金额);
    on a cost row, whose budget is a ceiling however worded, the caller does not ask."""
    goal, done = normalize_text(target.text), normalize_text(actual.text)
    reach, over = _REACH_RE.match(goal), _OVER_RE.match(done)
    if reach is None or over is None or budget_ceiling(target):
        return False
    wanted, gone = goal[reach.end():], done[over.end():]
    limits = _LIMITS + _CONFORMED_LIMITS if reach.group(0) in _CONFORM_WORDS else _LIMITS
    if any(word in wanted for word in limits):
        return False  # 满足工期要求 → 超出工期, 符合排放标准 → 超过排放标准: the limit broken
    if _says_late(done) and any(word in done for word in _DONE_LATE):
        return False  # 达到规定时间 → 超过规定时间完成: done late (``qualitative_level``)
    return len(wanted) >= 2 and wanted[:2] == gone[:2] \
        and (_BUDGET_RE.match(wanted) is None) == (_BUDGET_RE.match(gone) is None)


# Before a word of achievement, what turns it round: a negation right before it (不规范,
# 未到位, 无明显) or a hedge (不够完善, 不太明显) — not one further off (不断完善,
# 未发现问题，运行规范).
_HEDGES = ("不够", "不太", "不很", "没有", "未能", "尚未")


# Before a word of falling short, what denies it: 无不合格, 未超支, 未出现超支, 没有不及时.
_DENIAL_BEFORE = re.compile(_DENIAL.format(more="|不|杜绝|零") + "$")  # 不低于预期, 零超支 too


def _denied(text: str, word: str) -> bool:
    """Whether each ``word`` in ``text`` stands right after a denial of it."""
    start = text.find(word)
    while start != -1:
        if _DENIAL_BEFORE.search(text, 0, start) is None:
            return False
        start = text.find(word, start + 1)
    return True


# Before a word of achievement, what makes it a part: 基本到位, 部分合规, 初步建立.
_PARTLY = ("基本", "部分", "初步")


def _negated(text: str, word: str) -> bool:
    return _preceded(text, word, _HEDGES, _NEGATIONS)


def _preceded(text: str, word: str, words: tuple[str, ...], chars: tuple[str, ...] = ()) -> bool:
    """Whether ``word`` stands in ``text`` right after one of ``words`` (two characters)
    or ``chars`` (one)."""
    start = text.find(word)
    while start != -1:
        before = text[max(0, start - 2):start]
        if before[-1:] in chars or before in words:
            return True
        start = text.find(word, start + 1)
    return False


# A 完成值 that plainly fulfils a qualitative 指标值 without saying 达成: the same words,
# the words going on (持续推进 → 持续推进中), or none where little is wanted (低 → 无投诉).
_NEGATIONS = ("未", "不", "没", "无", "尚", "非", "差", "欠")
# Words that hold 差 as a part, not as the level 差 (效果差, 较差): a gap or error measured
# (执行偏差, 测量误差, 城乡差异, 收入差距, 数据差错, 落差, 温差, 收支差额), masked
# (``gaps_masked``) where a level or a negation is looked for
_GAP_WORDS_RE = re.compile("偏差|误差|差异|差距|差错|落差|时差|温差|差额|差价|差值|色差|公差|出差|差旅"
                           "|逆差|顺差")
_GAP_MASK = "〇"


def gaps_masked(text: str) -> str:
    """``text`` with the 差 of each word of ``_GAP_WORDS_RE`` masked (执行偏差明显缩小 →
    执行偏〇明显缩小), its length kept: 差 left stands as a level (差, 较差, 效果差, 差评)."""
    return _GAP_WORDS_RE.sub(lambda found: found.group().replace("差", _GAP_MASK), text)
_LITTLE_WANTED = ("低", "较低", "无", "零", "少", "较少", "降低", "减少", "下降", "不发生", "杜绝",
                  "未发生", "零发生", "无发生")
# Words for nothing happened (无投诉, 未发生, 零事故): the one list of them
_NONE_WORDS = ("无", "零", "没有", "未发生", "未出现", "未收到", "无发生", "零发生", "杜绝",
               "不发生", "未发现", "暂未发现", "未接到", "暂未发生")
_COUNTS = ("起", "次", "件", "例", "人", "人次", "宗", "项", "个", "")  # of what may happen
_INCIDENTS = ("起", "例", "宗", "件")  # what happens, counted (a bare 无 beside them is none)
_NONE_DONE = (*_NONE_WORDS, "0")  # a 完成值 that fulfils a little-wanted 指标值


def fulfils(target: Measure, actual: Measure) -> bool:
    """Whether a qualitative 完成值 with no 达成-word of its own fulfils the 指标值:
    规定时间内 → 规定时间内, 优 → 优, 持续推进 → 持续推进中, 应保尽保 → 全部纳入 (all of it
    both: ``says_whole``); where nothing is wanted
    (低, 无重大安全事故, 杜绝事故, 投诉率低), a word for nothing (无投诉, 未发生, 零, 无)."""
    if target.kind != "qualitative" or actual.level is not None:
        return False
    if actual.kind == "empty":  # 无 beside 无重大安全事故: nothing happened, as wanted
        return says_none(actual) and _wants_none(normalize_text(target.text))
    if actual.kind != "qualitative":
        return False
    if says_whole(target) and says_whole(actual):
        return True  # 应保尽保 → 全部纳入, 全覆盖: all of it, both
    goal, done = gaps_masked(normalize_text(target.text)), gaps_masked(normalize_text(actual.text))
    if not goal or not done:
        return False
    if goal in done:
        rest = done.replace(goal, "", 1)
        return not any(word in rest for word in _NEGATIONS)
    if _shortened(goal, done) or _said_more_fully(goal, done) or _not_done_as_forbidden(goal, done):
        return True
    if bare_no(done) and _none_asked(goal):
        return True  # 否 beside 零事故, 无重大安全事故, 不发生: none happened, as wanted
    done = _this_year_off(done)  # 全年无安全事故
    return _wants_none(goal) and done.startswith(_NONE_DONE) and not done.startswith("无法")


# A bare answer no (否, 否。, 没有), which answers the 指标值 it stands beside: beside one
# asking for something (及时, 合格, 按期完成) it was not done (``says_the_negation``), beside
# one asking for none of something (零事故, 无重大安全事故, 不发生, 否) none happened
# (``fulfils``); beside a 指标值 with a negation of its own (不超预算, 严禁挪用, 是否按期完成)
# or asking for little (投诉率低, 降低) it could answer either way — for a person.
_BARE_NO = ("否", "没有", "没")
_ANSWER_ENDS = "。.,;!！？?"
# What in a 指标值 may make a bare 否 answer the other way (besides ``_NEGATIONS``)
_NEGATING = ("否", "零", "禁", "杜绝", "防止", "避免", "严防")


def bare_no(done: str) -> bool:
    """Whether a (normalised) 完成值 is only the answer no: 否, 否。, 没有."""
    return done.rstrip(_ANSWER_ENDS) in _BARE_NO


def _none_asked(goal: str) -> bool:
    """Whether a (normalised) 指标值 asks for none of something, which a bare no answers:
    否, 无, 零事故, 无重大安全事故, 不发生, 杜绝…, 未发生 (not 无法…) — or asks whether a harm
    happened (发生安全事故, 存在违规, 出现事故: ``_HAPPENING``), 否 saying it did not."""
    goal = _this_year_off(goal)  # 全年无安全事故
    return goal == "否" or goal.startswith(_HAPPENING) \
        or (goal.startswith(_NONE_WORDS) and not goal.startswith("无法"))


# A 指标值 naming a harm as happening (发生安全事故, 存在违规): a bare 否 says it did not
# (rt35 review A; was 未达成 beside what looked like something asked)
_HAPPENING = ("发生", "存在", "出现")


def _something_asked(goal: str) -> bool:
    """Whether a (normalised) 指标值 asks for something, with no negation in it that a bare
    no could answer instead (及时, 合格, 按期完成, 群众满意, 是; 非常满意 too): not one
    asking for little (``_wants_none``: 低, 降低, 零事故)."""
    words = gaps_masked(goal).replace("非常", "").replace("不断", "")  # no negations
    return bool(goal) and not _wants_none(goal) \
        and not any(word in words for word in (*_NEGATIONS, *_NEGATING))


# A goal forbidding a deed (不超过排放限值, 不得突破预算) and a 完成值 saying, in the same words,
# it was not done (未超过排放限值, 没有突破预算): the 不 turned into a denial of it.
_FORBIDDING = ("不得", "不")
_NOT_DONE = ("没有", "并未", "均未", "未", "没")


def _not_done_as_forbidden(goal: str, done: str) -> bool:
    """Whether the 完成值 is the 指标值's forbidden deed denied (不超过排放限值 → 未超过排放限值):
    two characters of it at least, none a negation of its own."""
    deed = next((goal[len(word):] for word in _FORBIDDING if goal.startswith(word)), "")
    if len(deed) < 2 or deed.startswith(_NEGATIONS):
        return False
    return any(done == word + deed for word in _NOT_DONE)


def _said_more_fully(goal: str, done: str) -> bool:
    """Whether the 完成值 is the 指标值's own words with a few more among them (按月发放 →
    按月足额发放, 按时完成 → 按时保质完成): every character of the goal, in order, two of
    them at least, at most four more in all, none of them a negation."""
    if len(goal) < 2 or not 0 < len(done) - len(goal) <= 4 or goal[0] != done[0]:
        return False
    extra, at = [], 0
    for ch in done:
        if at < len(goal) and ch == goal[at]:
            at += 1
        else:
            extra.append(ch)
    return at == len(goal) and not any(ch in _NEGATIONS or ch in "差低少" for ch in extra)


def _shortened(goal: str, done: str) -> bool:
    """Whether the 完成值 is the 指标值's own words shortened at their end (全天候可用 →
    全天候): two characters or more, over half of them, nothing negated, and what is left
    off no word of achievement (按时完成 → 按时 says nothing of 完成) nor of denial."""
    if len(done) < 2 or 2 * len(done) <= len(goal) or not goal.startswith(done):
        return False
    rest = goal[len(done):]
    return not any(word in done or word in rest for word in _NEGATIONS) \
        and not any(word in rest for word in _LEVEL_WORDS[-1][1])


def _wants_none(goal: str) -> bool:
    """A 指标值 that nothing fulfils: 低, 无重大安全事故, 零事故, 杜绝…, 投诉率低; 全年无安全事故
    (the year it speaks of off, as ``says_none`` reads it)."""
    goal = _this_year_off(goal)
    return goal in _LITTLE_WANTED or (goal.startswith(_NONE_WORDS) and not goal.startswith("无法")) \
        or goal.endswith(("低", "少"))


def says_none(measure: Measure) -> bool:
    """Whether a value is a word for nothing (无, 未发生 …), with no number of its own."""
    text = _this_year_off(normalize_text(measure.text))  # 全年无安全事故: 无安全事故
    return measure.kind in ("empty", "qualitative") and measure.level is None \
        and text.startswith(_NONE_WORDS) and not text.startswith("无法")  # 无法统计: unknown


def _this_year_off(text: str) -> str:
    """A text less the year it speaks of at its start (全年无投诉 → 无投诉)."""
    word = next((word for word in _THIS_YEAR if text.startswith(word)), "")
    return text[len(word):].lstrip(",，")


# Words for something happened, no count (有, 有发生, 出现): beside a target of none, some.
_SOME_WORDS = ("有", "有发生", "发生", "已发生", "发生过", "有出现", "出现", "出现过", "存在", "有过")


def says_some(target: Measure, actual: Measure) -> bool:
    """Whether the 完成值 says that what the 指标值 wants none of happened, without a count:
    有 (发生, 出现 …) beside 无, 零发生, 杜绝事故; 有重大安全事故 beside 无重大安全事故."""
    if actual.kind != "qualitative" or actual.level is not None or not says_none(target):
        return False
    done = normalize_text(actual.text)
    if done in _SOME_WORDS:
        return True
    goal = normalize_text(target.text)
    word = next((word for word in _NONE_WORDS if goal.startswith(word)), "")
    return done.startswith("有") and len(done) > 1 and done[1:] == goal[len(word):]


def _count_unit(unit: str, none_of: Measure) -> str:
    """The counting word of a count of what happened, what it counts left off where it is
    of the kind the 指标值 wants none of (零事故 → 1起一般事故, 零投诉 → 2次投诉: 起, 次);
    not where it may be another (无重大安全事故 → 1起一般事故 is not a 重大 one)."""
    what = unit[1:]
    goal = normalize_text(none_of.text)
    wanted = goal[len(next((word for word in _NONE_WORDS if goal.startswith(word)), "")):]
    if unit[:1] in (*_INCIDENTS, "次") and wanted and what.endswith(wanted):
        return unit[:1]
    return unit


def _done_in_unit(text: str, unit: str) -> float | None:
    """The one number of a 完成值 of several numbers (全年共培训520人次，合格率98%; 计划500人次，
    实际完成520人次) in the 指标值's own unit — the only one, or the only one said 实际
    (actually) done; None where none or several are."""
    text = normalize_text(text)
    if len(re.findall(_NUMBER, text)) < 2:
        return None  # one number, unread for what its words say (差5%: a gap)
    found = [(match.start(), _to_float(match.group(1)))
             for match in re.finditer(rf"(?<![\d.。])({_NUMBER}){re.escape(unit)}(?![\u4e00-\u9fff%‰])",
                                      text)]
    if len(found) == 1:
        return found[0][1]
    done = [value for start, value in found
            if any(word in text[max(0, start - 4):start] for word in ("实际", "实现"))]
    return done[0] if len(done) == 1 else None


def words_as_numbers(target: Measure, actual: Measure) -> tuple[Measure, Measure]:
    """Target and actual where one side is a number and the other says it in words:
    a count of nothing (安全事故 ＝0 起 → 未发生; 无 → 0 起) is 0 of the count's unit; full
    coverage (覆盖率 100% → 全覆盖; 全覆盖 → 98%) is 100 %; a month done against a
    deadline (12月底前 → 11月) is that month's last day; 100 % done against a goal stated
    in words (全部完成, 按时完成 → 100%) is 达成 (less stays for a person). A 指标值 of
    just 无 beside none (未发生) or a count of incidents (1起) is a target of none; 有 (发生,
    出现) beside a target of none is some, not met (``says_some``). Done the
    same day (当日办结) beside a time allowed is 1 天. A 指标值 stated in words that hold a
    number but no measure (每月10日前, 资金到位后1个月内) beside a word of achievement (按时
    发放) is a statement the 完成值 answers."""
    if actual.kind == "unparsed" and target.kind == "number" and target.unit \
            and (done := _done_in_unit(actual.text, target.unit)) is not None:
        actual = replace(actual, kind="number", op=None, value=done, unit=target.unit,
                         problem=None)  # 全年共培训520人次，合格率98%: the 520 人次
    reached = _against_last_year(target, actual)
    if reached is None:
        moved = moved_as_wanted(target, actual)
        if moved is False or (moved and actual.kind == "number"):
            reached = moved  # 有所提升 → 较上年下降2%, 下降 → 提高, 不增加 → 增加: the other
            # way; 不增加 → 较上年下降2%: a way allowed (in words, the same way's degree is
            # ``with_fulfilment``'s to weigh: 明显增加 → 有所增加)
    if reached is not None:  # 不低于上年 → 低于上年: the change each states, compared
        return target, replace(actual, kind="qualitative", op=None, value=None, unit="",
                               level="achieved" if reached else "not", problem=None)
    if (unmoved := _unmoved(target, actual)) is not None:
        return target, unmoved  # 下降2个百分点 → 持平, 未下降: no fall, 0 of it
    if target.kind == "unparsed" and (target.problem or "").endswith(_NO_NUMBER_READ) \
            and actual.kind == "qualitative" and actual.level is not None:
        target = replace(target, kind="qualitative", problem=None)
    if target.kind == "number" and target.unit in _DAY_UNITS and actual.kind == "qualitative" \
            and normalize_text(actual.text).startswith(_SAME_DAY):
        actual = replace(actual, kind="number", value=1.0, unit="天", level=None)
    if says_some(target, actual):  # 无 → 有: none wanted, some happened — a count above 0,
        # scored as the one the rules give for any (target 0: 0 points, 未达成)
        return (replace(target, kind="number", op="=", value=0.0, unit=""),
                replace(actual, kind="number", value=1.0, unit=""))
    if target.kind == "empty" and says_none(target) and (
            says_none(actual) or (actual.kind == "number" and actual.unit in _INCIDENTS)
            or bare_no(normalize_text(actual.text))):
        target = replace(target, kind="qualitative")  # 无 (重大安全事故): none wanted
    if target.kind == "number" and target.value is not None and says_none(actual) and (
            (target.value == 0 and target.op in (None, "=", "<="))
            or (target.op in ("<=", "<") and target.value > 0 and target.unit in (*_COUNTS, "%"))):
        # 未发生, 无有效投诉 beside ＝0起, ≤2次, 投诉率≤1%: none, 0 of them
        return target, replace(actual, kind="number", value=0.0, unit=target.unit)
    if actual.kind == "number" and actual.value == 0 and actual.op is None and says_none(target):
        return replace(target, kind="number", op="=", value=0.0, unit=actual.unit), actual
    if actual.kind == "number" and actual.value is not None and actual.value > 0 \
            and actual.op is None and target.kind == "qualitative" and says_none(target) \
            and _count_unit(actual.unit, target) in _COUNTS:
        # 零事故 → 1起 (发生1起一般事故): a count of what was to be none
        return replace(target, kind="number", op="=", value=0.0, unit=actual.unit), actual
    if target.kind == "number" and target.unit == "%" and says_whole(actual):
        return target, replace(actual, kind="number", value=100.0, unit="%", level=None)
    if target.kind == "number" and target.unit == "%" and target.value == 100 \
            and target.op in (None, "=", ">=") and says_all_done(actual) \
            and (not _compiled(_DONE_RE).match(normalize_text(actual.text))
                 or done_is_whole(None, target, actual)):
        # 100% → 全部开工, 已全部拨付, 全部准确; 100%完成 → 已完成: all of it, 100 % (a bare
        # 已完成 beside 100% is 达成 in words — 100 % only of a completion rate, which
        # its name tells: ``done_is_whole``, JX204's to weigh)
        return target, replace(actual, kind="number", value=100.0, unit="%", level=None)
    if actual.kind == "number" and actual.unit in ("%", "") and actual.op is None \
            and says_whole(target):  # (a cell showing 100% keeps 1: a fraction, units say)
        return replace(target, kind="number", op=">=", value=100.0, unit="%", level=None), actual
    if target.kind == "date" and actual.kind == "number" and actual.unit == "" \
            and actual.op is None and actual.value is not None \
            and _SERIALS[0] <= actual.value <= _SERIALS[1]:  # a date cell, as its serial number
        day = EXCEL_EPOCH + _dt.timedelta(days=int(actual.value))
        return target, replace(actual, kind="date", op="<=", value=float(day.toordinal()),
                               unit="date")
    if target.kind == "date" and (month := _year_month(actual) or _month_day(actual)) is not None:
        return target, month  # 2024年12月31日前 → 2024.12: that month; 12.31前 → 12.20: that day
    if actual.kind == "date" and (month := _year_month(target)) is not None:
        return month, actual
    if (goal := _year_month(target)) is not None and (done := _year_month(actual)) is not None:
        return goal, done  # 2024.12 → 2024.11: months both, by their ends
    if target.kind == "number" and target.unit in ("月", "月份") and target.op is None \
            and target.value in _MONTHS and actual.kind == "number" \
            and actual.unit in ("月", "月份") and actual.op is None and actual.value in _MONTHS:
        # 12月 → 11月 (时效): by that month's end, not a count of 12 (≥6月 stays one)
        month = int(target.value)
        day = _dt.date(YEARLESS_YEAR, month, _month_end(YEARLESS_YEAR, month))
        target = replace(target, kind="date", op="<=", value=float(day.toordinal()),
                         unit=YEARLESS_UNIT)
    if target.kind == "date" and actual.kind == "number" and actual.unit in _MONTH_PARTS \
            and actual.op is None and actual.value in _MONTHS:  # 12月底前 → 11月, 10月中旬
        month = int(actual.value)
        day = _dt.date(YEARLESS_YEAR, month, _MONTH_PARTS[actual.unit]
                       or _month_end(YEARLESS_YEAR, month))
        return target, replace(actual, kind="date", op="<=", value=float(day.toordinal()),
                               unit=YEARLESS_UNIT)
    if target.kind == "qualitative" and (stated := level_first(actual)) is not None:
        return target, stated  # 满意（抽样200人）, 达成，完成12次 beside a goal in words
    if target.kind == "qualitative" and target.level == "achieved" and actual.kind == "number" \
            and actual.unit == "%" and actual.op is None and actual.value is not None \
            and actual.value >= 100:  # 全部完成, 按时完成 → 100%: all of it done
        return target, replace(actual, kind="qualitative", level="achieved")
    return target, actual


def level_first(actual: Measure) -> Measure | None:
    """A number read from a 完成值 that states its level first, the number in a remark
    after it (满意（抽样200人）, 达成，完成12次), as that level — the answer to a goal in
    words (``words_as_numbers``), and to a goal of a number the remark's does not measure
    (``units.as_compared``: 满意（抽样200人） beside ≥90%); None for any other."""
    if actual.kind != "number":
        return None
    opening = opening_clause(normalize_text(actual.text))
    if opening is None or _level(opening) is None:
        return None
    return replace(actual, kind="qualitative", op=None, value=None, unit="",
                   level=qualitative_level(actual.text))


_MONTHS = frozenset(float(month) for month in range(1, 13))
_YEAR_MONTH_RE = re.compile(r"((?:19|20)\d\d)\.(\d{1,2})")


def _year_month(measure: Measure) -> Measure | None:
    """A bare 2024.12 (a number as typed or shown) beside a date: that month, by its end,
    as 2024年12月 is; None for anything else."""
    if measure.kind != "number" or measure.unit or measure.op is not None:
        return None
    found = _YEAR_MONTH_RE.fullmatch(measure.text.strip())
    if found is None or not 1 <= int(found.group(2)) <= 12:
        return None
    year, month = int(found.group(1)), int(found.group(2))
    day = _dt.date(year, month, _month_end(year, month))
    return replace(measure, kind="date", op="<=", value=float(day.toordinal()), unit="date")


_MONTH_DAY_RE = re.compile(r"(\d{1,2})[./](\d{1,2})")


def _month_day(measure: Measure) -> Measure | None:
    """A bare 12.20 (typed as text, or the number 12.2 it became) beside a date: that day
    of the year, as 12月20日 is; None for anything else."""
    if measure.kind != "number" or measure.unit or measure.op is not None:
        return None
    found = _MONTH_DAY_RE.fullmatch(measure.text.strip())
    if found is None:
        return None
    try:
        day = _dt.date(YEARLESS_YEAR, int(found.group(1)), int(found.group(2)))
    except ValueError:
        return None
    return replace(measure, kind="date", op="<=", value=float(day.toordinal()), unit=YEARLESS_UNIT)


# A date typed into a cell reaches a JX_ function in recalc as its serial number (Excel's
# 1900 system): 2000-01-01 to 2099-12-31 beside a date 指标值 is that day.
EXCEL_EPOCH = _dt.date(1899, 12, 30)  # day 0 of that system (the one home; xlsx.numformats)
_SERIALS = (36526, 73050)
_NO_NUMBER_READ = "中的数值"  # the end of the problem of a text whose number is not read
_DAY_UNITS = ("天", "日", "工作日", "个工作日", "小时")  # a time allowed, in days or hours
_SAME_DAY = ("当日", "当天", "即时", "即办", "立即")  # done the same day: 1 天
# A month, or a part of it, done: its last day (月, 月份, 下旬) or the part's (上旬 the 10th).
_MONTH_PARTS = {"月": None, "月份": None, "月下旬": None, "月上旬": 10, "月初": 10, "月中旬": 20,
                "月中": 20}
# Full coverage in words: 全覆盖, 实现全覆盖, 已全部覆盖; or every one due covered, 应X尽X
# (应保尽保, 应检尽检, 应补尽补, 应收尽收 …: all due are insured, examined, paid, collected);
# or all taken in or carried out: 全部纳入, 已全部落实 (rt35 r1 e3)
_WHOLE_RE = re.compile(r"^(?:已|已经)?(?:实现|做到|达到)?(?:(?:全|全面|全部|100%)覆盖|应(.)尽\1"
                       r"|(?:已|已经)?(?:全部|全数)(?:已|已经)?(?:纳入|落实))$")


# All of it done, in words: 完成, 已完成, 全部完成, 已全部完成 (not 按时完成: a time; not 基本完成);
# or all of it, with the act a rate counts (开工率, 拨付率, 到位率 …): 全部开工, 已全部拨付,
# 均已到位, 全部发放到位, 已全部拨付完毕 — the act alone (已开工, 拨付, 发放到位) says some, not all
_RATE_ACTS = ("开工", "竣工", "完工", "拨付", "支付", "兑付", "发放", "到位")
# or all of it right, beside a 准确率 / 正确率 of 100 %: 全部准确, 均准确, 准确无误 (无误: not
# one wrong) — 准确 alone says it was done right, not that all of it was
_RIGHT = "准确|正确"
_DONE_RE = r"^(?:已|已经|均已)?(?:全部|全面|全数)?(?:已|已经)?完成$"
_ALL_DONE_RE = (rf"{_DONE_RE}"
                r"|^(?:(?:已|已经)?(?:全部|全数)(?:已|已经)?|均已)"
                rf"(?:{'|'.join(_RATE_ACTS)})(?:到位|完毕)?$"
                rf"|^(?:全部|全数|均|都)(?:{_RIGHT})(?:无误)?$"
                rf"|^(?:{_RIGHT})无误$")


def says_all_done(measure: Measure) -> bool:
    """Whether a value says all of it was done, in words only: 完成, 已完成, 全部完成, or
    all of what a rate counts (全部开工, 已全部拨付, 均已到位), or all of it right (全部准确,
    均准确, 准确无误)."""
    return measure.kind == "qualitative" \
        and _compiled(_ALL_DONE_RE).match(normalize_text(measure.text)) is not None


# Rates of completion: all of it done (完成, 已完成, 全部完成) is 100 % of them. Of another
# rate (档案完整率, 验收合格率, 资料归档率 100%) 已完成 says the work was done, not the rate
# reached: 达成 in words, JX204 asks for the number (rt34 r5 s8).
COMPLETION_RATES = ("完成率", "完工率", "进度")


def done_is_whole(name: str | None, target: Measure, actual: Measure) -> bool:
    """Whether 完成, 已完成, 全部完成 (``_DONE_RE``: done, no act a rate counts) answers a
    指标值 of 100 % in full: a completion rate's or a progress's (项目完成率, 工程完工率,
    项目实施进度, 工程进度 ``COMPLETION_RATES``), or one that says 完成 itself (100%完成).
    ``name``: the 三级 name, where known. A comment after it that leaves it whole (已完成，
    验收合格: the level read 达成 still) is no matter (rt35 r1 k9)."""
    if not (target.kind == "number" and target.unit == "%" and target.value == 100
            and target.op in (None, "=", ">=") and actual.kind == "qualitative"):
        return False
    done = normalize_text(actual.text)
    if not _compiled(_DONE_RE).match(done) and not (
            actual.level == "achieved" and _compiled(_DONE_RE).match(opening_clause(done) or "")):
        return False
    return "完成" in normalize_text(target.text) \
        or any(rate in normalize_text(name or "") for rate in COMPLETION_RATES)


def says_whole(measure: Measure) -> bool:
    """Whether a value says full coverage in words: 全覆盖, 实现全覆盖, 已全部覆盖, 应保尽保."""
    return measure.kind == "qualitative" and _WHOLE_RE.match(normalize_text(measure.text)) is not None


def with_fulfilment(target: Measure, actual: Measure) -> Measure:
    """The 完成值, read as 达成 where it plainly fulfils the 指标值 (``fulfils``), as 未达成
    where it is the 指标值 negated (合规 → 不合规, 落实 → 未落实, 是 → 否)."""
    if _fairly_only(target, actual):  # 规范 → 较规范: the word a degree less
        return replace(actual, kind="qualitative", level="partial")
    if fulfils(target, actual):  # 无 read as the word it is, not as a blank
        goal, done = normalize_text(target.text), normalize_text(actual.text)
        partly = bool(goal) and _preceded(done, goal, _PARTLY)  # 合规 → 基本合规, 部分合规
        return replace(actual, kind="qualitative", level="partial" if partly else "achieved")
    if _negates(target, actual):
        return replace(actual, kind="qualitative", level="not")
    if _weaker_degree(target, actual):  # 明显提升 → 有所提升: less than wanted
        return replace(actual, kind="qualitative", level="partial")
    if target.kind == "qualitative" and actual.kind == "qualitative" and actual.level is None \
            and moved_as_wanted(target, actual) is True:
        return replace(actual, kind="qualitative", level="achieved")  # 明显增加 → 增加
    return actual


# Before a word, what says it held a degree less (规范 → 较规范, 及时 → 较为及时, 完善 →
# 比较完善); after 较, what it compares with (较上年提高, 较去年同期): no degree.
_FAIRLY = ("比较", "较为", "较")
_COMPARED_WITH = ("上年", "上一年", "去年", "往年", "同期", "以往", "之前", "以前", "原来", "年初",
                  "基期", "上期", "上月")


def _fairly_only(target: Measure, actual: Measure) -> bool:
    """Whether the 完成值 is the 指标值's own words with 较 (较为, 比较) before one of them
    (规范 → 较规范, 制度健全 → 制度较健全, 及时 → 较为及时): the word held a degree less
    than asked, 部分达成 — as 好 → 较好, 高 → 较高 and 满意 → 较满意 on their scales in rules.
    Not a 较 that compares (上年有所提高 → 较上年有所提高), nor the 指标值's own 较 (较完善 →
    较完善, 比较满意), nor a 完成值 that says more (较规范，个别档案归档滞后: its own level)."""
    if target.kind != "qualitative" or actual.kind != "qualitative" \
            or actual.level not in (None, "achieved"):
        return False
    goal, done = normalize_text(target.text), normalize_text(actual.text)
    done = opening_clause(done) or done  # 较规范。 较规范（抽样检查）: the level stated first
    for word in _FAIRLY:
        start = done.find(word)
        while start != -1:
            rest = done[start + len(word):]
            if rest and done[:start] + rest == goal and not rest.startswith(_COMPARED_WITH):
                return True
            start = done.find(word, start + 1)
    return False


# A goal of a change in words (稳步提升, 逐步提高, 明显增加, 持续改善; 明显下降) and a result
# that says the change alone (增加, 上升, 有所提高; 降低): the same way is as wanted; the other
# way (有所下降, 较上年下降2% against 提升; 提高 against 下降) is 未达成 — as 未提高 is. Not what
# changed (投诉下降 beside 满意度提升 is good), nor a goal of both (提高效率降低成本). A goal
# that forbids a change (不增加, 无增加, 不得上升, 不降低) wants any but that one: 增加 misses
# 不增加, 未增加, 持平 and 下降 meet it; a result denying a change (未下降) allows two (持平 or
# a rise), which meets a goal only where both do.
_RISE_WORDS = ("提升", "提高", "增长", "增加", "上升", "改善", "增强", "扩大", "加重", "加剧")
_FALL_WORDS = ("下降", "降低", "减少", "下滑", "回落", "减弱", "减轻", "缓解")
# 减轻 and 缓解 are the falls of a burden or a shortage (加重, 加剧 its rises) — a change for
# the better as 改善 is, which is counted a rise: the two beside each other (逐步缓解 → 有所
# 改善) say no change against the other, and are read as any other words are
_EASING = ("减轻", "缓解", "加重", "加剧")
# Words saying a deed or a change is not there yet — still needed (有待, 仍需, 亟需, 待) or
# hard to bring about (难以, 很难): for a word of achievement (有待提高, 环境待改善) and a
# change of either way (负担仍需减轻, 发病率有待进一步降低) alike. 待 not in a word of its own
# (接待完成, 等待); 需 and 需要 so only opening a clause (需进一步完善), elsewhere planned.
# Planned (计划, 拟, 将, 争取, 应, 需): a change not there yet (能力应进一步提升, 收入计划提高,
# 将进一步提高), never a deed — 按计划落实到位, 已将完成情况上报 (将 as 把), 满足需要完成 are
# done. Not 按/照/依/据 计划 (按照计划提高: the plan followed) nor 较/比/超/原/初/于 计划
# (超计划增加, 较年初计划提高, 高于计划: a plan compared with, passed); 应 not in a word (供应增加, 效应
# 增强, 相应提高); 需 not in one (按需, 无需, 必需, 所需, 供需). A plan in a comment after a
# level stated (已完成，将加强管理) is the unit's next step, not a shortfall.
# A time still to come (明年, 下一年度, 今后, 下一步, 下阶段; 以后 opening a clause, not 实施
# 以后) after a plan word (计划明年进一步提高, 将于明年提高), or alone before 进一步, 继续,
# 持续 (明年进一步提高: rt34 r1 i4), is a plan too — not after 较/比 (较明年: a time compared
# with), nor alone before the deed (课时偏少，下年度增加实操课时: a remark's next step).
_LATER = r"(?<![较比])(?:明年|下一?年度?|次年|今后|将来|下一步|下一?阶段|(?:^|(?<=[,，;；]))以后)"
_FURTHER = "进一步|继续|持续"
# Still needed (仍需, 有待: a next step) — and hard to do (难以, 很难: a shortfall, no next step)
_STILL = r"有待|亟待|亟需|急需|仍待|尚待|仍需|还需|尚需|仍要|还要"
_STILL_NEEDED = rf"{_STILL}|(?:^|(?<=[,，;；]))需要?|(?<![接招优对款虐等看])待"
_STILL_TO_DO = rf"{_STILL_NEEDED}|难以|很难|较难"
_PLANNED = (r"争取|(?<![模虚比])拟|将|应当|应该|(?<![供效响适反相对回答感呼顺])应"
            rf"|(?<![按照依据较比超原初于])计划|(?<![按无必所供])需要?|{_LATER}(?={_FURTHER})")
_BEFORE_DEED = rf"(?:[于在]?{_LATER})?(?:{_FURTHER}|加强|逐步|有效|切实)?"
_CHANGE = "|".join(_RISE_WORDS + _FALL_WORDS)
_DEED = f"(?:完成|完善|规范|加强|落实|实现|达到|满足|适应|健全|建立|{_CHANGE})"
_NOT_YET_WORD = f"(?:{_STILL_TO_DO}|{_PLANNED}){_BEFORE_DEED}"
_STILL_TO_DO_RE = re.compile(f"(?:{_STILL_TO_DO}){_BEFORE_DEED}{_DEED}")
# A change still to come (负担仍需减轻, 收入将增加): 部分达成 whatever the 指标值 — not a deed
# with no word of achievement or change (有待加强: what it falls short of, unsaid)
_CHANGE_TO_COME = re.compile(f"{_NOT_YET_WORD}(?:{_CHANGE})")
_NOT_YET_END_RE = _NOT_YET_WORD + "$"
# A change stated, then a comment on what is still to come (群众就医负担有所减轻，但仍需进一步
# 减轻; 有所提高，下一步将进一步提高; 今年有所提高，明年进一步提高): the change happened, the
# comment is the next step (as 已完成，将加强管理) — rt34 r1 g9, i6. Each clause of the comment
# opens (after 但, 然而 …) with a word of a next step (仍需, 将, 下一步 — not 难以/很难/较难:
# 有所提高，但较难达到年度目标 states a shortfall, 部分达成); the statement before it has a
# change word none of them denies (负担仍需减轻，今后将持续减轻: no change stated, still to come).
# A short subject may open the clause before a word of still needed said with 仍/还/尚/有待
# (管护仍需加强, 长效管护仍需加强, 服务质量仍有待提高: rt35 r1 d9, c8) — not a part left out
# (部分村庄仍需加强, 个别地区还需: a shortfall), nor a place (偏远村, 农村地区, 山区仍需加强:
# not reached everywhere) or the measure itself (覆盖率, 效果, 覆盖面, 服务水平仍需提高: not far
# enough — rt35 review A), nor one saying what fell short (效果不佳仍需加强), nor before a bare
# 需/待 (群众需求: a word).
_SUBJECT = (r"(?:(?!部分|个别|少数|一些|目标|预期|村|乡|镇|地区|山区|区域|偏远|率|效果|覆盖|成效|水平)"
            r"[^\W\d_不未没无非差难缺低弱慢滞]){1,4}")
_TO_COME = (rf"(?:(?:{_LATER})?(?:{_STILL_NEEDED}|{_PLANNED})"  # 今后仍需, 下一步将: a time first
            rf"|{_SUBJECT}[仍还尚]?(?:{_STILL}))")
_TURN = f"(?:但是|{'|'.join(_TURNING)})"
_COMMENT_TO_COME_RE = re.compile(rf"(?:[,;。]+{_TURN}?|{_TURN})(?={_TO_COME})")
_TO_COME_CLAUSE_RE = re.compile(rf"{_TURN}?{_TO_COME}")
_A_CHANGE_WORD_RE = re.compile(_CHANGE)


def _before_comment_to_come(text: str) -> str:
    """A (normalised) qualitative 完成值 without a comment on what is still to come after the
    change it states (``_COMMENT_TO_COME_RE``): 群众就医负担有所减轻 of 群众就医负担有所减轻，但
    仍需进一步减轻 — read as the change stated; any other text as it is."""
    comment = _COMMENT_TO_COME_RE.search(text)
    if comment is None or comment.start() == 0:
        return text
    stated, rest = text[:comment.start()], text[comment.start():]
    if stated.startswith(_CONCEDING) or not _A_CHANGE_WORD_RE.search(stated) \
            or _STILL_TO_DO_RE.search(stated) \
            or _CHANGE_TO_COME.search(stated):
        return text  # 虽有所减轻，但…: the comment is the point; 仍需减轻，…: none stated
    clauses = [clause for clause in re.split(r"[,;。]+", rest) if clause]
    return stated if all(_TO_COME_CLAUSE_RE.match(clause) for clause in clauses) else text


_HOW_MUCH = r"(?:较上年|同比)?(?:有所|略有|稍有|小幅|明显|显著|大幅|逐步|持续|稳步|进一步|出现)?"
_ROSE_RE = re.compile(rf"^{_HOW_MUCH}(?:{'|'.join(_RISE_WORDS)})了?$")
_FELL_RE = re.compile(rf"^{_HOW_MUCH}(?:{'|'.join(_FALL_WORDS)}|退步|萎缩)了?$")
# Right before a change word, what forbids or denies it (不增加, 不得上升, 不再增加, 无增加,
# 未下降, 没有降低, 避免下降) — not 不断 (不断提高 is a rise wanted); a degree between
# (无明显增加: a little may be) says no one change.
_FORBID = r"(?:不得|不再|不会|不能|没有|并未|避免|防止|杜绝|不|无|未|没)"
# 防止, 避免, 杜绝, 遏制, 严防 reach across what changes (防止病情加重, 避免矛盾加剧, 遏制加剧
# 趋势): a short name between them and the change word, no punctuation
_FORBID_ACROSS = "避免|防止|杜绝|遏制|严防"
_FORBID_BEFORE_RE = re.compile(rf"(?:{_FORBID}|(?:{_FORBID_ACROSS})[\u4e00-\u9fff]{{0,6}})$")
_DEGREE_FORBIDDEN_RE = re.compile(rf"{_FORBID}(?:明显|显著|大幅|较大)$")
_DENIED_CHANGE_RE = re.compile(rf"^(?:较上年|同比)?{_FORBID}(?:出现)?"
                               rf"(?P<word>{'|'.join(_RISE_WORDS + _FALL_WORDS)})了?$")
_NO_CHANGE = ("保持不变", "不变", "无变化", "未变化", "没有变化")


@functools.lru_cache(maxsize=4096)
def _goal_change(goal: str) -> str | None:
    """The one change a 指标值 in words wants, as an operator on it: a rise ">" (稳步提升), a
    fall "<" (明显下降), no rise "<=" (不增加), no fall ">=" (不降低); None for none or more."""
    wanted = set()
    for words, rise in ((_RISE_WORDS, True), (_FALL_WORDS, False)):
        for word in words:
            for found in re.finditer(word, goal):
                before = goal[:found.start()]
                if _DEGREE_FORBIDDEN_RE.search(before):
                    return None  # 无明显增加: some rise may be allowed
                forbidden = _FORBID_BEFORE_RE.search(before) is not None
                wanted.add(("<=" if forbidden else ">") if rise else (">=" if forbidden else "<"))
    return wanted.pop() if len(wanted) == 1 else None


@functools.lru_cache(maxsize=4096)
def _done_change(done: str) -> str | None:
    """The change a qualitative 完成值 states alone, as an operator (增加 ">", 有所下降 "<",
    持平 "=", 未增加 "<=", 未下降 ">="); None for any other."""
    if _ROSE_RE.match(done):
        return ">"
    if _FELL_RE.match(done):
        return "<"
    if _FLAT_RE.match(done) or done in _NO_CHANGE:
        return "="
    denied = _DENIED_CHANGE_RE.match(done)
    if denied is not None:
        return "<=" if denied.group("word") in _RISE_WORDS else ">="
    return None


def moved_as_wanted(target: Measure, actual: Measure) -> bool | None:
    """Whether the change a qualitative 指标值 wants (a rise, a fall, or not one of them: 不增加)
    is met by the one the 完成值 states alone, in words or by a number (较上年下降2%): True
    where every change it allows is wanted, False where none is, None where it depends or
    either states no one change."""
    if target.kind != "qualitative":
        return None
    goal, done = normalize_text(target.text), _before_comment_to_come(normalize_text(actual.text))
    wanted = _goal_change(goal)
    if wanted is None:
        return None  # no change wanted, or both (提高效率降低成本)
    if any(word in goal for word in _EASING) != any(word in done for word in _EASING) \
            and "改善" in goal + done:
        return None  # 逐步缓解 → 有所改善: both for the better, neither the other way
    if actual.kind == "qualitative":
        stated = _done_change(done) or _named_change(goal, done, target.subject)
    elif actual.kind == "number" and actual.value and actual.value > 0:
        # 较上年下降2%, 同比增长5%, 改善3个百分点: the change stated first
        changed_by = _CHANGED_BY_RE.match(done)
        change = _change(done)[1] or (changed_by is not None and (
            "rise" if changed_by.group("word") in _RISE_WORDS else "fall"))
        stated = {"rise": ">", "fall": "<"}.get(change or "")
        if stated is not None and stated == wanted and (_degree(goal) or 0) > _CHANGED:
            return None  # 明显提升 → 同比增长5%: how much is 明显, a person says (JX204)
    else:
        return None
    return None if stated is None else _change_meets(wanted, stated)


# What changed, named before its change (群众负担有所减轻, 看病难问题得到有效缓解, 病情未加重):
# the name, Chinese characters only; between it and the change 得到 and an effect's word;
# after it, general words on what a name is (看病难问题, 拥堵状况: 看病难, 拥堵)
_NAME_RE = "[\u4e00-\u9fff]+"
_OBTAINED_RE = re.compile("^(?:得到|得以)?了?(?:有效|切实)?")
_GENERAL_NOUNS = ("问题", "状况", "情况", "现象", "程度", "水平")
# A 指标值 that names only the change (逐步减轻, 有效缓解, 逐年降低): it names nothing changed
_CHANGE_ALONE_RE = re.compile(rf"^(?:逐年|不断|有效|切实)?{_HOW_MUCH}(?:有效|切实)?"
                              rf"(?:{'|'.join(_RISE_WORDS + _FALL_WORDS)})$")
_CHANGE_OR_DENIAL_RE = re.compile(rf"{_FORBID}|{'|'.join(_RISE_WORDS + _FALL_WORDS)}")
_FORBID_ACROSS_RE = re.compile(_FORBID_ACROSS)


def as_change_of(target: Measure, name: object) -> Measure:
    """A qualitative 指标值 that names only a change (稳步提升, 逐步减轻) with the indicator's
    name as what changes (``Measure.subject``: 群众负担减轻情况), for a 完成值 that names what
    changed (负担减轻) to be read against; any other 指标值 as it is."""
    if target.kind != "qualitative" or not isinstance(name, str) \
            or _CHANGE_ALONE_RE.match(normalize_text(target.text)) is None:
        return target
    subject = normalize_text(name)
    return replace(target, subject=subject) if subject else target


@functools.lru_cache(maxsize=4096)
def _named_change(goal: str, done: str, subject: str = "") -> str | None:
    """The change a qualitative 完成值 states after naming what changed, as ``_done_change``
    of the words after the name (群众负担有所减轻 "<", 看病难问题得到缓解 "<", 病情未加重
    "<="), where the name is what the 指标值 names (减轻群众负担, 缓解看病难问题) or, where the
    指标值 names nothing but the change, (part of) the indicator's name ``subject`` (逐步减轻
    under 群众负担减轻情况 → 负担减轻: a name with no negation or change word of its own);
    None for any other — another thing named (降低发病率 → 治愈率有所降低; 稳步提升 under
    服务质量 → 投诉率有所下降, a good fall of another measure) is a person's to read. A rise said so reads 达成 by its word alone (群众满意度
    有所提高), a fall (下降, 减轻, 缓解) only by the way the 指标值 wants."""
    for cut in range(len(done) - 1):
        stated = _done_change(_OBTAINED_RE.sub("", done[cut:], count=1))  # 得到有效缓解: 缓解
        if stated is None:
            continue
        name = done[:cut]  # (none: 得到缓解, the change alone)
        if name and not _compiled(_NAME_RE).fullmatch(name) \
                or _compiled(_NOT_YET_END_RE).search(name):
            return None  # 负担仍需减轻: a change still to come, none stated (``_level``)
        for noun in _GENERAL_NOUNS:
            if name.endswith(noun) and len(name) > len(noun):
                name = name[:-len(noun)]
                break
        if name in goal:
            return stated if _name_forbidden_alone(goal, name) else None
        if _CHANGE_ALONE_RE.match(goal) is not None and name in subject \
                and _CHANGE_OR_DENIAL_RE.search(name) is None:
            return stated
        return None
    return None


def _name_forbidden_alone(goal: str, name: str) -> bool:
    """Whether a 指标值 with 防止/避免/杜绝/遏制/严防 (a change forbidden across a name) names
    ``name`` right after it (防止病情加重: 病情), or has none. Where the word stands elsewhere
    (避免资金闲置效益提高, 杜绝浪费节约成本提高效益, 防止规模性返贫群众收入提高), ``name`` may
    be another clause's, its rise wanted: what the 指标值 wants of it is not read."""
    return all(goal.startswith(name, found.end()) for found in _FORBID_ACROSS_RE.finditer(goal))


# A change by a number said by a word of the change wanted (改善3个百分点, 减轻2%): its way. A
# 指标值 that names only the change (逐步提高, 稳步提升, 有所提升, 有效降低) is met by any measured
# the same way (docs/rules.md: 只写变化本身的…同一方向的任何变化都为达成); one of a degree (明显,
# 大幅) is a person's to weigh.
_CHANGED_BY_RE = re.compile(rf"^{_HOW_MUCH}(?P<word>{'|'.join(_RISE_WORDS + _FALL_WORDS)})了?(?=\d)")


_OTHER_WAY = {">": "<", ">=": "<=", "=": "=", "<=": ">=", "<": ">"}


def _unmoved(target: Measure, actual: Measure) -> Measure | None:
    """A 完成值 in words beside a change to reach by a number (下降2个百分点, 增长10%) that
    allows no change the wanted way (持平; 未下降, 有所上升 against a fall; 未增长, 有所下降
    against a rise): a change of 0 that way, in the 指标值's unit (what went the other way
    is below 0, scored as 0). Not one that allows some (有所下降 against a fall: how much,
    unknown; 未增长 against a fall: none, or some)."""
    if actual.kind != "qualitative" or (wanted := change_stated(target)) is None:
        return None
    stated = _done_change(normalize_text(actual.text))
    if stated is None:
        return None
    if wanted == "fall":
        stated = _OTHER_WAY[stated]  # as a rise of the fall
    if _CHANGES[stated][2]:
        return None
    return replace(actual, kind="number", op=None, value=0.0, unit=target.unit, level=None,
                   problem=None)


# How much a goal or a result in words says changed, least first: a little (有所, 略有, 稍有,
# 小幅, 有一定), the change itself or an effect (提升; 有效/切实 before what is done: 有效降低,
# 切实提高 — not 有效性, 有效投诉), fairly (较明显, 较大), much (显著, 大幅, 明显). 较好 is no
# degree: 效果较好 meets 明显提升 (a good effect, as units write it for a change wanted; on a
# grading scale it is 良). Asked in this order: the fairly's words hold the much's.
_EFFECT_ACTS = (*_RISE_WORDS, *_FALL_WORDS, "控制", "遏制", "缓解", "减轻", "保障", "促进", "带动",
                "推动", "解决")
_CHANGED, _EFFECT = 2, re.compile(f"(?:有效|切实)(?:地)?(?:{'|'.join(_EFFECT_ACTS)})")
_DEGREES = ((3, re.compile("较明显|较为明显|较显著|较为显著|较大")),
            (4, re.compile("显著|大幅|大大|极大|明显")),
            (_CHANGED, _EFFECT),
            (1, re.compile("有所|略有|稍有|小幅|一定")))


def _degree(text: str) -> int | None:
    return next((rank for rank, words in _DEGREES if words.search(text)), None)


def _weaker_degree(target: Measure, actual: Measure) -> bool:
    """Whether a qualitative 完成值 that says it reached (or says nothing of 达成, 有所增强)
    states a smaller degree of change than the 指标值 wants (明显提升 → 有所提升, 显著 →
    较明显, 有效降低 → 略有降低): 部分达成. The change wanted said with
    no degree (大幅提升 → 提升, 明显改善 → 稳步改善) is as much as an effect (有效降低 → 降低
    达成), less than a fairly or a much wanted."""
    if target.kind != "qualitative" or actual.kind != "qualitative" \
            or actual.level not in (None, "achieved"):
        return False
    wanted = _degree(normalize_text(target.text))
    reached = _degree(_before_comment_to_come(normalize_text(actual.text)))
    if wanted is not None and reached is None and moved_as_wanted(target, actual) is True:
        reached = _CHANGED  # 大幅提升 → 提升: the rise, of no degree said
    return wanted is not None and reached is not None and reached < wanted


def _negates(target: Measure, actual: Measure) -> bool:
    if target.kind != "qualitative" or actual.kind != "qualitative" or actual.level is not None:
        return False
    return says_the_negation(target, actual)


def says_the_negation(target: Measure, actual: Measure) -> bool:
    """Whether the 完成值 is the 指标值 negated: 合规 → 不合规, 合格 → 不合格, its word turned
    to the opposite (长期 → 短期), or a bare no (否, 没有) beside a 定性 指标值 asking for
    something (是, 及时, 合格, 按期完成 — ``_something_asked``)."""
    goal, done = normalize_text(target.text), normalize_text(actual.text)
    if bare_no(done) and target.kind == "qualitative" and _something_asked(goal):
        return True
    if any(word in goal and done == goal.replace(word, other)
           for word, others in _OPPOSITES.items() for other in others):
        return True
    return bool(goal) and any(done == word + goal for word in ("不", "未", "没有", "没", "非", "尚未"))


# A word of a 指标值 and its opposites: the goal missed (长期发挥效益 → 短期发挥效益)
_OPPOSITES = {"长期": ("短期", "临时")}


def parse_points(raw: object) -> float | None:
    """A 分值/得分 cell: 10, "10.00", "20 分", "20分", "得20分", "10（满分）", "10分。" →
    float; else None."""
    if raw is None or isinstance(raw, bool):
        return None
    if isinstance(raw, (int, float)):
        return float(raw)  # 1e999 too: JX601 names it (a cell function refuses it)
    if numbers_apart(str(raw)):
        return None  # 10 10: two cells' numbers run together, not 1010
    text = normalize_text(str(raw))
    match = _POINTS_RE.fullmatch(text)
    if match is None:  # 10分。 10（满分）: a sentence's end, a note in brackets
        text = _UNIT_NOTE_RE.sub("", text.rstrip(END_MARKS)).strip()
        match = _POINTS_RE.fullmatch(text) if text else None
    return _to_float(match.group(1)) if match else None


# Digits grouped by thousands with a space (1 000, 12 345 678); any other space between
# digits parts two numbers (10 10, 15 14.78: a converter ran two cells into one)
_SPACED_THOUSANDS_RE = re.compile(r"(?<![\d.])[1-9]\d{0,2}(?:\s\d{3})+(?![\d])")
_DIGITS_APART_RE = re.compile(r"\d\s+\d")
# The most points a spaced thousand may be: no 分值 or 得分 is more (100 100 is 100 and
# 100 run together, not 100,100 points; 25 250, 10 100 likewise)
_MOST_SPACED_POINTS = 1000


def numbers_apart(text: str) -> bool:
    """Whether ``text`` holds two numbers with only whitespace between (10 10, 15 14.78,
    100 100), which compacting would run together into one (1010, 1514.78, 100100); only a
    spaced thousand of points that can be (1 000) is one number."""
    def joined(match: re.Match[str]) -> str:
        number = int(re.sub(r"\s", "", match.group()))
        return "" if number <= _MOST_SPACED_POINTS else match.group()
    return _DIGITS_APART_RE.search(_SPACED_THOUSANDS_RE.sub(joined, text)) is not None


# The numerals of amounts written out (大写: 玖拾捌) as the plain ones ``_chinese_number`` reads
_CAPITAL_NUMERALS = str.maketrans("壹贰貳叁參肆伍陆陸柒捌玖拾佰仟", "一二二三三四五六六七八九十百千")
_POINTS_IN_WORDS_RE = r"([零〇一二两三四五六七八九十百千]+)(?:点([零〇一二三四五六七八九]+))?分?"


def points_in_words(raw: object) -> float | None:
    """Points written in Chinese numerals, the whole text: "九十八分", "九十八", "玖拾捌分",
    "九十八点五分" → 98, 98, 98, 98.5; else None (digits are ``parse_points``')."""
    if not isinstance(raw, str):
        return None
    text = normalize_text(raw).rstrip(END_MARKS).translate(_CAPITAL_NUMERALS)
    match = _compiled(_POINTS_IN_WORDS_RE).fullmatch(text)
    whole = None if match is None else _chinese_number(match.group(1))
    if whole is None:
        return None
    decimals = "".join(str(_CHINESE_DIGITS[digit]) for digit in match.group(2) or "")
    return float(f"{whole}.{decimals}") if decimals else float(whole)


# A 得分 cell stating the deduction: beside the points in brackets (9.68（扣0.32分）), or
# instead of them (扣0.32分, 扣减0.32分); 不扣分, 未扣分 for none
_STATED_DEDUCTION_RE = re.compile(rf"(?:{_NUMBER}分?)?[(（]?扣[减除]?({_UNSIGNED})分?[)）]?")
_NO_DEDUCTION = ("不扣分", "未扣分", "无扣分", "没有扣分")


def stated_deduction(raw: object) -> float | None:
    """The deduction a 扣分 cell, or a 得分 cell beside its points, states: 0.32, "0.32分",
    "9.68（扣0.32分）", "扣0.32分" → 0.32; "不扣分" → 0; else None (a 扣分 column's number is
    ``parse_points``')."""
    if not isinstance(raw, str):
        return None
    text = normalize_text(raw).rstrip(END_MARKS).strip()
    if text in _NO_DEDUCTION:
        return 0.0
    match = _STATED_DEDUCTION_RE.fullmatch(text)
    return _to_float(match.group(1)) if match else None


# A value with a note after it: in brackets (9期（因汛期停课1期）, 96%（200份问卷）) or after
# a mark (90%，因部分课程与需求脱节) — the value first, never a note alone or before it
_VALUE_NOTE_RE = r"^([^(,;。]+?)(?:\((.+)\)|[,;。](.+?))[。.]?$"


def value_note(raw: object) -> str | None:
    """The note a 完成值 or 得分 cell writes after its value — "9期（因汛期停课1期）" →
    "因汛期停课1期", "90%，因课程与需求脱节" → "因课程与需求脱节", "9（扣1分）" → "扣1分" —
    or None: no text, or no note after the value. What the note says is the reader's."""
    if not isinstance(raw, str):
        return None
    match = _compiled(_VALUE_NOTE_RE).match(normalize_text(raw))
    note = match and (match.group(2) or match.group(3) or "").strip()
    return note or None


def says_full_marks(raw: object) -> bool:
    """Whether a 得分 cell says "满分" (得满分, 满分。) instead of the points: the row's 分值."""
    return isinstance(raw, str) and normalize_text(raw).rstrip(END_MARKS).strip() in (
        "满分", "得满分", "全分")


# 数量指标（20分）, 数量指标20分; 数量指标(权重20), 数量指标（分值：20）
_HEADING_POINTS_RE = (r"^(.*?)(?:[(（]?\s*(\d+(?:\.\d+)?)\s*分\s*[)）]?"
                      r"|[(（]\s*(?:权重|分值|分数|满分)[:：]?\s*(\d+(?:\.\d+)?)\s*分?\s*[)）])$")


def heading_points(raw: object) -> tuple[str, float | None]:
    """Split "数量指标 (20 分)" into ("数量指标", 20.0); no points → (text, None)."""
    if raw is None:
        return "", None
    text = normalize_text(str(raw))
    match = _compiled(_HEADING_POINTS_RE).match(text)
    if match and match.group(1):
        return match.group(1).rstrip("(（"), float(match.group(2) or match.group(3))
    return text, None


def parse_amount(raw: object) -> float | None:
    """A money cell: 31.56, "15,000.00", "30 万元", "¥1,286.40" → float (万元); else None."""
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


# The full-width digits, point and comma an IME types (１００．００, 1，200): NFKC's ASCII
# for them, and what a spreadsheet's ASC makes of them (the native template's formula)
FULL_WIDTH_NUMBER = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
_BARE_NUMBER_RE = re.compile(_UNSIGNED, re.ASCII)


def bare_number(text: str) -> float | None:
    """A text that is a number and nothing else — no sign, no unit, no space; thousands
    grouped as every number here is read ("1,234.56", not "1,2,3"); full-width digits
    alike ("１００．００") — as that number, else None."""
    text = text.translate(FULL_WIDTH_NUMBER)
    return _to_float(text) if _BARE_NUMBER_RE.fullmatch(text) else None


def parse_rate(raw: object, *, percent_format: bool = False) -> float | None:
    """An 执行率 cell in percent: "99.80%", 99.8, 0.998 with a % format → 99.8."""
    measure = parse_measure(raw, percent=percent_format and isinstance(raw, (int, float)))
    if measure.kind != "number" or measure.value is None or measure.unit not in ("%", ""):
        return None
    return measure.value


# ---------------------------------------------------------------- helpers

# A range of values: "95%-100%", "90～100", "95%至100%", "≥90%且≤100%", and a tolerance
# either side of nothing, "±5%" (a deviation of at most 5 %), "≤±5%", "±5%以内".
_RANGE_WORDS = "以内|之内|范围内|之间|区间内|内"
_PLUS_MINUS_RE = re.compile(rf"^(?:<=|≤)?(?:±|\+-)(\d+(?:\.\d+)?)(.*?)(?:{_RANGE_WORDS})?$")
# A value and a tolerance either side of it (95%±2%, 95±2%, 100万元±5%, 95%(±2个百分点)).
_CENTRED_RE = re.compile(r"^=?(?P<centre>\d+(?:\.\d+)?)(?P<unit>[^\d±+()]*?)\(?(?:±|\+-)"
                         rf"(?P<bound>\d+(?:\.\d+)?)(?P<bound_unit>[^\d)]*?)\)?(?:{_RANGE_WORDS})?$")


def _centred(found: re.Match[str], original: str) -> Measure:
    centre, bound = _to_float(found.group("centre")), _to_float(found.group("bound"))
    unit, bound_unit = _clean_unit(found.group("unit")), _clean_unit(found.group("bound_unit"))
    if bound_unit == "个百分点":
        bound_unit = "%"
    if unit and bound_unit and unit != bound_unit:
        if bound_unit != "%":
            return Measure(text=original, kind="unparsed",
                           problem=f"无法识别“{original.strip()}”中的数值：单位不一致")
        bound = centre * bound / 100  # 100万元±5%: five in a hundred of the value
    return Measure(text=original, kind="range", value=centre - bound, upper=centre + bound,
                   unit=unit or bound_unit)


_SPAN_RE = re.compile(rf"^({_NUMBER})([^\d~至到—–-]*)(?:~|至|到|—|–|-)({_NUMBER})(.*?)(?:{_RANGE_WORDS})?$")
_AT_LEAST = r"(?:>=|≥|>|不低于|不少于)"
_AT_MOST = r"(?:<=|≤|<|不高于|不超过|不大于)"
_AND = r"(?:并且|且|并|,|、|;)"
_BOTH_BOUNDS_RE = re.compile(
    rf"^{_AT_LEAST}({_NUMBER})([^\d且并,、;]*){_AND}{_AT_MOST}({_NUMBER})(.*)$")
# The same bounds written upper first (≤120万元且≥100万元), and the value named between its
# bounds (100万元≤X≤120万元, 100≤成本≤120万元, 120≥X≥100): groups upper, unit, lower, unit.
_BOTH_BOUNDS_UPPER_FIRST_RE = re.compile(
    rf"^{_AT_MOST}({_NUMBER})([^\d且并,、;]*){_AND}{_AT_LEAST}({_NUMBER})(.*)$")
_BETWEEN_NAMED = r"[^\d<>=≤≥]{1,10}"
_BETWEEN_RE = re.compile(
    rf"^({_NUMBER})([^\d<>=≤≥]*)(?:<=|≤|<){_BETWEEN_NAMED}(?:<=|≤|<)({_NUMBER})(.*)$")
_BETWEEN_UPPER_FIRST_RE = re.compile(
    rf"^({_NUMBER})([^\d<>=≤≥]*)(?:>=|≥|>){_BETWEEN_NAMED}(?:>=|≥|>)({_NUMBER})(.*)$")


# A change on last year, as a number: 较上年增长10%, 同比提高5%, 增长12% — the rise itself
# (10 %, a goal to reach); 较上年下降5%, 降低6% — the fall as a number in its own unit
# (DECLINE + "%": 5, to reach as well), so that a fall of 6 % meets a fall of 5 % and a
# rise never does (the units differ: not comparable).
# The change itself may be named as its rate (增长率≥5%, 增幅6%, 降幅≥10%: the same change);
# 增收/增产 are a rise of income, of output (增收≥500元).
_CHANGE_WORD = rf"({_MOVES_BY}|增收|增产|增幅|增速|降幅|减幅)(?:率|幅度|速度)?(?:了)?"
_CHANGE_RE = re.compile(r"^(?:(?:较|比|与)(?:上年度?|去年|上一年度?|往年)(?:相比|同期)?,?|同比)?"
                        + _CHANGE_WORD)
_CHANGE_NAMED_RE = re.compile(r"(?:同比)?" + _CHANGE_WORD + "$")  # 收入增长率: what rises
_FALLS = ("下降", "降低", "减少", "降幅", "减幅")
_LAST_YEAR_RE = re.compile(r"(?:上年度?|去年|上一年度?)(?:同期)?(?:水平|数)?")
DECLINE = "降"
# A rise said to be on last year (较上年增长5%, 同比提高3个百分点), in its own unit (RISE +
# "%"): it meets a 指标值 that is a change (增长≥3%, 不低于上年) — never a level (≥90%)
RISE = "升"


# A name that is a rate of change (门诊量增幅, 诊疗人次同比增长率, 成本降低率): its 指标值 is the
# change itself — ≥5% a rise of 5 % at least, as 增长≥5% writes it. Not a rise alone
# (收入增长, 满意度提升: what rises, its level perhaps the 指标值); a fall alone is (门诊次均
# 费用较上年下降, 药占比下降: ≥0% the fall, as 下降≥0% writes it — a level of a fall is none).
_CHANGE_RATE_NAMED_RE = re.compile(rf"(?:({_MOVES_BY})(?:率|幅度|速度)|(增幅|增速|降幅|减幅)"
                                   rf"|({'|'.join(_FALLS[:3])}))$")


# Before a fall named at the end, a denial: the level that must not fall (不下降, 不得降低,
# 未减少, 没有下降, 防止/避免减少), no fall as a rate (rev30 D)
_FALL_DENIED_RE = re.compile(r"(?:不|未|没有?|无|防止|避免|杜绝)(?:得|会|出现|再)?$")


def change_named(name: object) -> str | None:
    """The way of the change an indicator's name is the rate of ("rise": 门诊量增幅, 诊疗人次
    同比增长率; "fall": 发病率降幅, 成本降低率, 门诊次均费用较上年下降), a unit in brackets
    after it aside; None for any other name. The one home of the names of a decrease: beside
    a fall, a negative 完成值 is the fall written with its sign (``units.comparable``)."""
    if not isinstance(name, str):
        return None
    text = _UNIT_NOTE_RE.sub("", normalize_text(name)).strip()
    match = _CHANGE_RATE_NAMED_RE.search(text)
    if match is None:
        return None
    if match.group(3) and _FALL_DENIED_RE.search(text, 0, match.start()):
        return None  # 农民人均收入不下降, 补助标准不降低, 耕地面积不得减少: what must not fall
    return "fall" if (match.group(1) or match.group(2) or match.group(3)) in _FALLS else "rise"


def as_change_named(target: Measure, name: object) -> Measure:
    """A 指标值 under a name that is a rate of change (``change_named``) as that change: ≥5%
    under 门诊量增幅 read as 增长≥5% is (its unit RISE + %, DECLINE + % for a fall), which
    同比增长6.2%, 较上年增长6.2%, 增长6.2% and 6.2% all meet. A fall written with its sign
    (≤-5% under 较上年下降: the change at most −5 %) is that fall, at least 5 % (≥5, DECLINE +
    %), as a 完成值 written so is (−6.2 %: a fall of 6.2 %, ``units.comparable``). The 指标值
    as it is where it is no number or states a change or last year of its own (增长≥5%,
    不低于上年)."""
    way = change_named(name)
    if way is None or target.kind != "number" or target.unit.startswith((RISE, DECLINE)) \
            or change_stated(target) is not None or change_on_last_year(target) is not None:
        return target
    if way == "fall" and target.value is not None and target.value < 0:
        return replace(target, value=-target.value, op=_OTHER_WAY.get(target.op or ""),
                       unit=DECLINE + target.unit)
    return replace(target, unit=(DECLINE if way == "fall" else RISE) + target.unit)


def change_stated(measure: Measure) -> str | None:
    """Which way the change a number states goes, "rise" or "fall" (较上年下降5%, 下降2个百分点
    "fall"; 增长10%, 提高2.5个百分点 "rise"); None for a number that states no change (≥90%,
    2.3个百分点, ≥2个百分点). The one reading of a change's way beside its number."""
    if measure.kind != "number":
        return None
    if measure.unit.startswith(DECLINE):
        return "fall"
    if measure.unit.startswith(RISE):
        return "rise"
    return _change(normalize_text(measure.text))[1]


def _change(text: str) -> tuple[str, str | None]:
    """The text with a change word before its number taken off, and "rise" or "fall"
    (None, the text as it is, when it states no change by a number)."""
    if not ("增" in text or "提" in text or "升" in text or "降" in text or "减" in text):
        return text, None
    match = _CHANGE_RE.match(text)
    if match is None or _NUMBER_RE.match(_leading_operator(text[match.end():])[1]) is None:
        return text, None
    return text[match.end():], "fall" if match.group(1) in _FALLS else "rise"


# A change on last year stated in words, without a number to reach: 不低于上年, 高于上年水平,
# 与上年持平, 较上年有所提高, 同比下降 — and, as a 完成值, a change by a number (较上年下降2%).
# Each is an operator on the change (≥ 0, > 0, = 0, ≤ 0, < 0); the 指标值 must name last year
# (有所提高 alone is a goal in words, which a 完成值 of achievement answers).
_LAST_YEAR = _LAST_YEAR_RE.pattern
_FLAT_RE = re.compile(rf"^(?:(?:与|和|同|较|比){_LAST_YEAR}(?:相比)?,?)?(?:保持)?持平$")
_MOVED_RE = (rf"^(?P<than>(?:较|比|与){_LAST_YEAR}(?:相比)?,?|同比)?"
             r"(?:有所|略有|明显|显著|稳步|大幅|进一步|持续)?"
             rf"(?P<word>{_MOVES_BY})(?:了)?$")
_NAMES_LAST_YEAR = ("上年", "去年", "上一年", "同比")
_MOVES = ("持平", "增", "降", "提", "减", "升")
# Which changes each operator allows: (a fall, none, a rise)
_CHANGES = {">=": (False, True, True), ">": (False, False, True), "=": (False, True, False),
            "<=": (True, True, False), "<": (True, False, False)}


def change_on_last_year(measure: Measure, *, named: bool = True) -> str | None:
    """The change on last year a value states as an operator on 0 (不低于上年 ">=", 低于上年
    "<", 与上年持平 "=", 较上年有所提高 ">", and a change by a number 较上年下降2% "<"); None
    for any other. ``named``: only where it names last year (a 指标值's 持平 or 有所提高 alone
    is no comparison; a 完成值's beside one is)."""
    if measure.kind not in ("number", "qualitative") or not measure.text:
        return None
    text = normalize_text(measure.text)
    if not any(word in text for word in _NAMES_LAST_YEAR) \
            and (named or not any(word in text for word in _MOVES)):
        return None  # most values
    op, rest = _leading_operator(text)
    if op is not None and _LAST_YEAR_RE.fullmatch(rest):
        return op
    if _FLAT_RE.match(text):
        return "="
    moved = _compiled(_MOVED_RE).match(text)
    if moved is not None and (moved.group("than") or not named):
        return "<" if moved.group("word") in _FALLS else ">"
    rest, change = _change(text)
    number = _NUMBER_RE.match(rest) if change is not None and not named else None
    if number is None:
        return None
    if _to_float(number.group(1)) == 0:
        return "="
    return "<" if change == "fall" else ">"


def floor_of_nothing(measure: Measure) -> str | None:
    """The operator of a 指标值 that is a floor of nothing (≥0%, ＞0, ≥0件: ">=", ">"), no
    change of its own stated; None for any other. Beside a change on last year it is that
    change, at least none (as 不低于上年): no level to reach (``units.comparable``)."""
    if measure.kind == "number" and measure.op in (">=", ">") and measure.value == 0 \
            and not measure.unit.startswith((RISE, DECLINE)):
        return measure.op
    return None


def _against_last_year(target: Measure, actual: Measure) -> bool | None:
    """Whether a 完成值 stating a change on last year meets a 指标值 stating one (高于上年 or
    持平 meets 不低于上年, 低于上年 does not; 持平 meets a floor of nothing, ≥0%,
    ``floor_of_nothing``): True where every change the 完成值 allows meets the 指标值, False
    where none does, None where it depends or either states none."""
    wanted = change_on_last_year(target)
    if wanted is None and actual.kind == "qualitative":
        wanted = floor_of_nothing(target)  # ≥0% beside 与上年持平: a change of 0, at least none
    if wanted is None or (target.kind == actual.kind == "number"
                          and target.unit.removeprefix(RISE) == actual.unit.removeprefix(RISE)
                          and any(ch.isdigit() for ch in actual.text)):
        return None  # 较上年增长3% against 不低于上年 (≥ 0 %): the numbers compare
    done = change_on_last_year(actual, named=False)
    if done is None:
        return None
    return _change_meets(wanted, done)


def _change_meets(wanted: str, done: str) -> bool | None:
    """Whether a change stated as an operator on 0 meets one wanted: True where every change
    it allows is wanted, False where none is, None where it depends."""
    allowed, stated = _CHANGES[wanted], _CHANGES[done]
    if all(want or not state for want, state in zip(allowed, stated, strict=True)):
        return True
    if not any(want and state for want, state in zip(allowed, stated, strict=True)):
        return False
    return None


def _range(text: str, original: str) -> Measure | None:
    """A range target ("95%-100%", "≥90%且≤100%", "≤100%且≥90%", "90%≤X≤100%"), or None.
    Both bounds in one unit: either may omit it ("95-100%", "≥90%且≤100"); a lower bound
    above the upper is no range."""
    if not any(ch.isdigit() for ch in text[1:]):
        return None
    match = _SPAN_RE.match(text) or _BOTH_BOUNDS_RE.match(text) or _BETWEEN_RE.match(text)
    upper_first = None if match else (_BOTH_BOUNDS_UPPER_FIRST_RE.match(text)
                                      or _BETWEEN_UPPER_FIRST_RE.match(text))
    match = match or upper_first
    if match is None:
        return None
    lower, upper = _to_float(match.group(1)), _to_float(match.group(3))
    if upper_first:
        lower, upper = upper, lower
    first, unit = _clean_unit(match.group(2)), _clean_unit(match.group(4))
    unit = unit or first
    if first in _SCALES and unit.startswith(first) and unit != first:
        first = unit  # 1.2万-1.5万人: both in 万人
    if first not in ("", unit) or lower > upper or any(ch.isdigit() for ch in unit):
        return None
    return Measure(text=original, kind="range", value=lower, upper=upper, unit=unit)


_CHINESE_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
                   "七": 7, "八": 8, "九": 9}
_CHINESE_POWERS = {"十": 10, "百": 100, "千": 1000}
# A count in Chinese numerals, the whole text: an operator at most before it, a counting
# word after it, a range word at most after that (两次以上). 一般, 一致, 一次性 are no counts.
_COUNTED_RE = re.compile(
    rf"^(?P<op>[^{_NUMERAL}\d]{{0,5}})(?P<number>[{_NUMERAL}万]+)(?P<more>余|多)?"
    r"(?P<unit>个工作日|工作日|个季度|个月|个|次|年|项|名|人次|人|场|期|批次|批|家|所|座|台|套|份|本|篇|条|处|户|月|天|"
    r"周|轮|件|位|支|辆|间|张|部|门|类|趟|宗|块|栋|幢|种|季度|小时|万元|万人|万|(?<!万)元)"
    r"(?P<rest>及以上|以上|及以下|以下|以内|之内|内)?$")


_TIMES_RE = re.compile(r"\d\s*[×*]\s*\d")
# Half a length of time (半小时内, ≤半年, 半个月): 0.5 of it — not 上半年/下半年 (a part of the year)
_HALF_RE = re.compile(r"^(?P<op>[^\d半]{0,5})半(?P<unit>个小时|小时|天|个月|年)(?P<rest>以内|之内|内|以下)?$")


def _counted_in_words(text: str) -> str:
    """A count written in Chinese numerals in digits (≥两次 → ≥2次, 十二个月 → 12个月, 半小时
    → 0.5小时, 大于九十 → 大于90, 千余人 → 1000余人, 万余元 → 10000余元, 上百人 → 100余人),
    a share in words as the digits that write it (九成 → 90%, 八成五 → 85%, 四分之三 → 3/4,
    九十五%以上 → 95%以上, 百分之九十五点五 → 95.5%), a count in digits and numerals
    (1万2千5百人 → 12500人, 2万6千5人 → 26500人); any other text as it is."""
    if "半" in text and (half := _HALF_RE.match(text)) is not None \
            and not _leading_operator(half.group("op"))[1]:
        return f"{half.group('op')}0.5{half.group('unit')}{half.group('rest') or ''}"
    if not any(ch in _CHINESE_DIGITS or ch in _CHINESE_POWERS or ch == "万" or ch == "成"
               for ch in text):
        return text  # most texts
    percent = _PERCENT_IN_WORDS_RE.search(text)  # 百分之九十五 → 95%, 千分之五 → 5‰
    if percent is not None:
        value = 100 if percent.group(2) == "百" else _chinese_number(percent.group(2))
        if value is not None:
            sign = _PARTS_OF[percent.group(1)]
            part = "".join(str(_CHINESE_DIGITS[ch]) for ch in percent.group(3) or "")
            number = f"{value}.{part}" if part else str(value)  # 百分之九十五点五: 95.5%
            return f"{text[:percent.start()]}{number}{sign}{text[percent.end():]}"
    for words, digits in ((_PERCENT_NUMERAL_RE, _numeral_digits),
                          (_FRACTION_IN_WORDS_RE, _fraction_digits), (_TENTHS_RE, _tenths_digits),
                          (_MIXED_NUMBER_RE, _mixed_digits)):
        written = words.sub(digits, text)
        if written != text:
            return written
    match = _COUNTED_RE.match(text) or _COUNTED_BARE_RE.match(text)
    if match is None:
        return text
    op, number, more = match.group("op"), match.group("number"), match.group("more") or ""
    unit = match.groupdict().get("unit") or ""
    if number in _POWER_ALONE and op in ("上", "逾"):
        op, more = "", "余"  # 上百人, 逾百家: a hundred and more, as 百余人
    elif op == "逾":
        op, more = "", "余"  # 逾两千人: 2000余人
    if op and op not in _ABOUT_WORDS and _leading_operator(op)[1]:
        return text  # not an operator before the number: words (首次, 第一年)
    if not unit and not ((op and op not in _ABOUT_WORDS) or match.group("rest")):
        return text  # a numeral alone (一, 十): no count without a sign or 以上
    if number in _POWER_ALONE and not (op or more or match.group("rest")):
        return text  # 万人, 千人, 百家: a unit or a name, no count
    if unit == "季度" and number in "一二三四" and not op and not more:
        return text  # 三季度: the third quarter of the year (a date), not three of them
    value = _POWER_ALONE.get(number) or _chinese_number(number)
    if value is None:
        return text
    return f"{op}{value}{more}{unit}{match.group('rest') or ''}"


# 百, 千, 万 with no digit before it: one of it, where a sign, 余 or 以上 makes it a count
# (千人以上, 百余家, 上百人); alone, 万人 and 千人 are words.
_POWER_ALONE = {"百": 100, "千": 1000, "万": 10_000}
# Words of about before a count (近千人, 约两千人): read as 近1000人, which ``_ABOUT_RE`` asks
# a person about — no sign.
_ABOUT_WORDS = ("近", "约", "大约", "将近", "接近")
# A number in Chinese numerals after a sign, or before a range word, with no unit (大于九十,
# ≥九十五, 九十以上): the bare number (a score, a rate whose % is left off).
_COUNTED_BARE_RE = re.compile(
    rf"^(?P<op>[^{_NUMERAL}\d]{{0,5}})(?P<number>[{_NUMERAL}万]+)(?P<more>余|多)?"
    r"(?P<rest>及以上|以上|及以下|以下|以内|之内)?$")
# A share in tenths, 成 (九成 90 %, 八成五 85 %, 3成 30 %, 一成半 15 %): right after a
# numeral, and then nothing but a range word, 余/多 or the text's end (九成以上, 九成多, 九成，…)
# — not 完成, 达成, 一成不变, 九成新 (a thing's condition).
_TENTHS_RE = re.compile(r"(?<![\d.零〇一二两三四五六七八九十百千万])(?P<tens>\d+(?:\.\d+)?|[一二两三四五六七八九十])成"
                        r"(?P<ones>[1-9一二三四五六七八九半])?"
                        r"(?P<more>[余多])?(?=(?:及?以[上下内]|之内|左右|上下)?(?:$|[^\u4e00-\u9fff]))")


def _tenths_digits(found: re.Match[str]) -> str:
    tens = found.group("tens")
    value = 10.0 * (float(tens) if tens[0].isdigit() else _CHINESE_DIGITS.get(tens, 10))
    ones = found.group("ones")
    if ones:
        value += 5 if ones == "半" else int(ones) if ones.isdigit() else _CHINESE_DIGITS[ones]
    if value > 100 or (ones and value >= 100):
        return found.group(0)  # 十一成, 十成五: no share
    return f"{_format_number(value)}{found.group('more') or ''}%"


# A number in Chinese numerals before % or ‰ (九十五%以上, 大于九十%, ≥九十%, 九十三%,
# 九十五点五%): its digits, wherever 95% would be read (百分之九十五 is read above; 九十周年
# has no %). All of it or none: not the 五 of 九十五点五% alone.
_PERCENT_NUMERAL_RE = re.compile(rf"(?<![\d.点{_NUMERAL}万])(?P<whole>[{_NUMERAL}万]+)"
                                 r"(?:点(?P<part>[零〇一二三四五六七八九]+))?(?=[%‰])")


def _numeral_digits(found: re.Match[str]) -> str:
    value = _chinese_number(found.group("whole"))
    if value is None:
        return found.group(0)  # 百%, 二三%: no one number, as written
    part = "".join(str(_CHINESE_DIGITS[ch]) for ch in found.group("part") or "")
    return f"{value}.{part}" if part else str(value)


# A fraction in words (四分之三, 三分之二, 十分之一): as 3/4 writes it. (百分之, 千分之: percent.)
_FRACTION_IN_WORDS_RE = re.compile(r"(?<![零〇一二两三四五六七八九十百千万])([一二两三四五六七八九十])分之"
                                   r"([一二两三四五六七八九十])(?![十百千万])")


def _fraction_digits(found: re.Match[str]) -> str:
    whole, part = (_chinese_number(found.group(number)) for number in (2, 1))
    return f"{whole}/{part}" if whole is not None and part else found.group(0)


# A count in digits with the numerals' powers between them (1万2千5百人, 2万6千人次, 3千5百元,
# 1万零5百): its digits. Two powers at least (1万人, 5千元 keep their 万 and 千: a unit's
# scale), or 百 alone (3百人: 百 scales no unit). One digit after the last 万, 千 or 百 is
# the next power's, as it is said (2万6千5 26500, 1万2 12000, 3千5 3500, 5百5 550;
# 26005 is written 2万6千零5) — the digit makes the count, 3千5元 is no 千元.
_MIXED_NUMBER_RE = re.compile(r"(?<![\d.,])(?:(?P<wan>\d{1,4})万零?)?(?:(?P<qian>\d)千零?)?"
                              r"(?:(?P<bai>\d)百零?)?(?:(?P<shi>\d)十(?P<ge>\d)?"
                              r"|(?<=[万千百])(?P<next>\d)(?![十百千万]))?(?![\d.分])")
_NEXT_POWER_DOWN = {"万": 1000, "千": 100, "百": 10}


def _mixed_digits(found: re.Match[str]) -> str:
    powers = [name for name in ("wan", "qian", "bai", "shi") if found.group(name)]
    next_digit = found.group("next")
    if len(powers) < 2 and powers != ["bai"] and not (powers and next_digit):
        return found.group(0)
    scale = {"wan": 10_000, "qian": 1000, "bai": 100, "shi": 10}
    value = sum(int(found.group(name)) * scale[name] for name in powers)
    if next_digit:  # 2万6千5: the 5 is 5百
        value += int(next_digit) * _NEXT_POWER_DOWN[found.string[found.start("next") - 1]]
    return str(value + int(found.group("ge") or 0))


_PERCENT_IN_WORDS_RE = re.compile(r"(十万|万|千|百)分之([零〇一二两三四五六七八九十百]+)"
                                  r"(?:点([零〇一二三四五六七八九]+))?")
_PARTS_OF = {"百": "%", "千": "‰", "万": "‱", "十万": "/十万"}


def _chinese_number(numeral: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20, 一百零五 → 105, 两千 → 2000, 一万二千 → 12000; one
    digit after the last 万, 千 or 百 is the next power's, as it is said (一百五 → 150,
    三千五 → 3500, 一万二 → 12000; 105 is 一百零五). None for what is not one number (二三,
    一一, 百, 万)."""
    if "万" in numeral:
        high, _, low = numeral.partition("万")
        tens_of_thousands = _chinese_number(high) if high else None
        rest = _chinese_number(low.removeprefix("零")) if low else 0
        if low in _CHINESE_DIGITS and rest:  # 一万二: 12000
            rest *= 1000
        if not tens_of_thousands or rest is None or rest >= 10_000:
            return None
        return tens_of_thousands * 10_000 + rest
    if numeral in _CHINESE_DIGITS:
        return _CHINESE_DIGITS[numeral]
    total, digit, last_power, skipped = 0, None, 10_000, False
    for position, ch in enumerate(numeral):
        if ch in _CHINESE_DIGITS:
            if digit:  # two digits in a row (二三); a 零 may stand between (一百零五)
                return None
            digit = _CHINESE_DIGITS[ch]
            skipped = skipped or digit == 0
            continue
        power = _CHINESE_POWERS[ch]
        if power >= last_power:
            return None
        if digit:
            multiplier = digit
        elif position == 0 and power == 10:
            multiplier = 1  # 十二
        else:
            return None  # a power with no digit before it (百, 零十)
        total += multiplier * power
        digit, last_power = None, power
    if digit and last_power in (100, 1000) and not skipped:
        return total + digit * last_power // 10  # 一百五: 150
    return total + (digit or 0)


def _read_leading_operator(text: str) -> tuple[str | None, str]:
    """The comparison a text opens with (≥, 不低于, 控制在不低于 …) and the rest after it;
    (None, text) where none. The reference path of ``_leading_operator``."""
    match = _OP_SYMBOL_RE.match(text)
    if match:
        return _SYMBOL_OPS[match.group(1)], text[match.end():]
    for word in _WORD_OPS_LONGEST_FIRST:
        if text.startswith(word):
            rest = text[len(word):]
            if word == _HELD_AT:  # 控制在≥98%, 控制在不低于98%: the sign says which way
                sign, after = _leading_operator(rest)
                return (sign, after) if sign is not None else (_WORD_OPS[word], rest)
            symbol = _OP_SYMBOL_RE.match(rest)  # "大于=90" is seen too
            if symbol:
                rest = rest[symbol.end():]
            return _WORD_OPS[word], rest
    return None, text


# remembered: a row's 指标值 is asked by several readings of each check (after_at_least,
# joined_target, budget_ceiling …), ~6 times a text, each scanning ~35 words
_leading_operator = functools.lru_cache(maxsize=8192)(_read_leading_operator)


# "As of" a date before a count (截至12月底, 截止2024年12月31日): when the count was taken.
_AS_OF_RE = re.compile(r"^(?:截至|截止到|截止|至)(?:\d{4}年)?(?:\d{1,2}月(?:\d{1,2}[日号]|底|末)?"
                       r"|年底|年末|\d{4}-\d{1,2}-\d{1,2})[,，]?")


# A day of every month (每月10日前, 次月5日前报送: a monthly report due by then): a day
# number, no more than the target's, in a unit of its own.
_DAY_OF_MONTH_RE = re.compile(r"(?:每个?月|次月|下个?月|当月)的?(\d{1,2})[日号](?:之前|以前|前|内)?(?P<rest>.*)")
DAY_OF_MONTH = "每月日"

# A month, a part or the end of a year named relative to the table's (次年1月, 当年12月底前,
# 次年一季度, 翌年上半年, 明年年底, 次年年中): 次年 is the year after the one evaluated, 当年 that year,
# 上年 the one before it.
_RELATIVE_YEAR_RE = re.compile(r"(?P<rel>次年|翌年|下一?年|明年|来年|第二年|当年|本年|今年|上一?年|去年)"
                               r"度?(?=\d{1,2}月|年?[底末]|上半年|下半年|年中|第?[一二三四1-4]季度)")
_RELATIVE_OFFSET = {"次": 1, "翌": 1, "下": 1, "明": 1, "来": 1, "第": 1, "当": 0, "本": 0, "今": 0,
                    "上": -1, "去": -1}
_MONTH_ALONE_RE = re.compile(r"(\d{1,2})月(?![底末\d上中下初])")


# A quarter or a half of the year written the English way, first in the text (Q4, Q4前,
# 2025年Q4, 2025Q4, H1): the part of the year it names (第四季度, 2025年第四季度, 上半年).
# Not a word or a cell's address (H1N1, SUM(H1:H5), H1!A1).
_LETTER_PART_RE = re.compile(r"^(?:(?P<y>(?:19|20)\d\d)年?)?"
                             r"(?:[Qq](?P<q>[1-4])|[Hh](?P<h>[12]))(?![A-Za-z\d:!$.,])")
_QUARTER_NAMES = {"1": "第一季度", "2": "第二季度", "3": "第三季度", "4": "第四季度"}
# Quarters from one to a later one (Q1-Q3, 一至三季度, 1-3季度, 第一季度至第三季度): done
# within them is done by the last one's end, as 第三季度 reads. Not 1-3个季度 (a count of
# quarters), nor a first quarter after the last (三至一季度).
_QUARTER_SPAN_RE = (
    r"(?:(?<![A-Za-z\d])[Qq](?P<qa>[1-4])|(?<![\d.零〇一二两三四五六七八九十])第?(?P<a>[一二三四1-4])(?:季度)?)"
    r"\s*(?:-{1,2}|—{1,2}|–|~|～|至|到)\s*"
    r"(?:[Qq](?P<qb>[1-4])(?![A-Za-z\d:!$.,])|第?(?P<b>[一二三四1-4])季度)")
_HALF_NAMES = {"1": "上半年", "2": "下半年"}
# A date written in Chinese numerals (二〇二五年十二月三十一日前, 十二月底前): the year digit by
# digit, the month and its day counted. Not a count of months (十二个月, 三月一次 stays words:
# only a date pattern reads the digits).
_YEAR_IN_WORDS_RE = (r"(?<![零〇○一二两三四五六七八九十])[一二][零〇○一二三四五六七八九]{3}"
                     r"(?=年(?:\d{1,2}月|[底末]|上半年|下半年|年中|第?[一二三四1-4]季度))")
_MONTH_IN_WORDS_RE = r"(?<![零〇○一二两三四五六七八九十百千\d个半第每])(十[一二]?|[一二三四五六七八九])月"
_DAY_IN_WORDS_RE = re.compile(r"(?<=\d月)([一二三四五六七八九十]{1,3})(?=[日号])")
_YEAR_DIGITS = str.maketrans("零〇○一二三四五六七八九", "000123456789")


def _date_in_digits(text: str) -> str:
    """A date's Chinese numerals and English quarter in the digits and words the date
    patterns read (二〇二五年十二月 → 2025年12月, 2025年Q4 → 2025年第四季度); other text as
    it is."""
    if "季" in text or "Q" in text or "q" in text:
        # Q1-Q3, 1-3季度: by 第三季度's end
        text = _compiled(_QUARTER_SPAN_RE).sub(_last_quarter, text)
    if (letter := _LETTER_PART_RE.match(text)) is not None:
        text = _letter_part(letter) + text[letter.end():]
    if "月" in text and any(ch in _CHINESE_DIGITS or ch == "十" for ch in text):
        text = _compiled(_MONTH_IN_WORDS_RE).sub(
            lambda found: f"{_chinese_number(found.group(1))}月", text)
        text = _DAY_IN_WORDS_RE.sub(_day_in_digits, text)
    if "年" in text and ("一" in text or "二" in text):  # a year of 一九…, 二〇…
        text = _compiled(_YEAR_IN_WORDS_RE).sub(
            lambda found: found.group().translate(_YEAR_DIGITS), text)
    return text


def _last_quarter(found: re.Match[str]) -> str:
    first, last = (str(_CHINESE_DIGITS.get(number, number)) for number in (
        found.group("qa") or found.group("a"), found.group("qb") or found.group("b")))
    return _QUARTER_NAMES[last] if first < last else found.group(0)


def _letter_part(found: re.Match[str]) -> str:
    year = f"{found.group('y')}年" if found.group("y") else ""
    quarter = found.group("q")
    return year + (_QUARTER_NAMES[quarter] if quarter else _HALF_NAMES[found.group("h")])


def _day_in_digits(found: re.Match[str]) -> str:
    day = _chinese_number(found.group(1))
    return str(day) if day else found.group(1)  # 二三日: no one number, left as words


def _parse_date(text: str, original: str) -> Measure | None:
    """A deadline or a date: with its year, as date text, or without the year."""
    text = _date_in_digits(text)
    if "年" not in text and "月" not in text and "季度" not in text \
            and not any(sep in text for sep in "-./"):
        return None  # most texts: no date to look for
    relative = _RELATIVE_YEAR_RE.search(text) if "年" in text else None
    if relative is not None:
        return _relative_date(text, original, relative)
    unit = "date"
    match = _DATE_RE.search(text)
    if match is not None:
        if not match.group("m") and not match.group("yend") and re.search(r"\d", text[match.end():]):
            return None  # a bare "2023 年" with no 月/底 is not a deadline ("2023 年完成率 95%")
    else:
        match = _DATE_TEXT_RE.search(text) or _YEAR_MONTH_TEXT_RE.search(text) \
            or _YEAR_MONTH_DASH_RE.search(text) or _YEARLESS_DATE_RE.search(text) \
            or _MONTH_DAY_TEXT_RE.search(text)
        if match is None or re.search(r"\d", text[:match.start()] + text[match.end():]):
            return None  # a number beside it: a rate or count named after a date, not a date
        if match.re in (_YEARLESS_DATE_RE, _MONTH_DAY_TEXT_RE):
            unit = YEARLESS_UNIT
    year = int(match.group("y")) if unit == "date" else YEARLESS_YEAR
    end = _PERIOD_END_RE.match(text, match.end()) if unit == "date" else None
    if end is not None:  # a period (2024年3月-11月): done within it is done by its end
        start_month = int(match.group("m") or 1)
        match, year = end, int(end.group("y") or year + (int(end.group("m")) < start_month))
    part = match.groupdict().get("part")
    month = int(match.group("m")) if match.group("m") else _part_end(part) if part else 12
    try:
        tenth = match.groupdict().get("tenth")
        day = int(match.group("d")) if match.group("d") else \
            _TENTH_END.get(tenth or "") or _month_end(year, month)
        day_value = _dt.date(year, month, day)
    except ValueError:
        return Measure(text=original, kind="unparsed", problem=f"“{original.strip()}”中的日期不存在")
    rest = text[match.end():]
    op = "<="
    after = _AFTER_DATE_RE.match(rest)
    if after is not None or text[:match.start()].endswith(_LATER_THAN):
        # 12月31日后完成, 超过12月31日: after the date, not by it (a bound: how late, unknown)
        op, rest = ">", rest[after.end():] if after is not None else rest
    return Measure(text=original, kind="date", op=op, value=float(day_value.toordinal()),
                   unit=unit, level=qualitative_level(rest) if rest else None)


# A later clause (after ，；。 and 但, 并 …) opening with a year before a plan word (明显改善，
# 2025年将持续巩固; 已完成，2025年继续推进; 2025年1月起将…): the unit's next step and when it
# is to be taken, not the date of what is reported — read without it, as 明显改善，下步将持续
# 巩固 is read (rt35 r1 d5, d6, d10: were JX204 “是日期”). Not a year's plan named (2024年计划
# 内项目, 2024年计划任务: what was planned).
_DATED_PLAN_RE = re.compile(
    r"[,;。]\s*(?:但是?|并且?|且|同时)?\s*\d{4}年度?(?:\d{1,2}月)?(?:[底末])?(?:前|起|开始|以后|后)?"
    r"\s*(?:将|拟|继续|持续|计划(?![内的中任目数])|进一步|争取)[^,;。]*")


# After a date, the word that makes it the time after which (12月31日后完成, 12月底以后):
# done later than the date (``_parse_date``). Before it: 超过12月31日, 晚于12月底.
_AFTER_DATE_RE = re.compile(r"(?:之后|以后|后)")
_LATER_THAN = ("超过", "超出", "晚于", "迟于")


def _relative_date(text: str, original: str, relative: re.Match[str]) -> Measure | None:
    """次年1月 (its end), 次年3月底前, 当年12月20日: a date without the table's year, a year
    after it (before it) as the word says — kept as a date of YEARLESS_YEAR ± 1, so that
    次年1月 comes after 12月31日 and ``dates_compared`` places it in the year after the
    other date's."""
    rest = text[relative.end():]
    if rest[0] in "底末":
        rest = "年" + rest  # 次年底: the end of the year after
    rest = _MONTH_ALONE_RE.sub(r"\1月底", rest, count=1) if _MONTH_ALONE_RE.match(rest) else rest
    measure = _parse_date(text[:relative.start()] + rest, original)
    offset = _RELATIVE_OFFSET[relative.group("rel")[0]]
    if measure is None or not measure.yearless or not offset:
        return measure
    day = _dt.date.fromordinal(int(measure.value))  # type: ignore[arg-type]
    year = YEARLESS_YEAR + offset
    moved = _dt.date(year, day.month, min(day.day, _month_end(year, day.month)))
    return replace(measure, value=float(moved.toordinal()))


# The end of a period after its first date (2020年1月--2020年11月, 2024年3月-11月, 2024年1月至12月,
# 2024年1月1日-12月31日): its deadline.
_PERIOD_END_RE = re.compile(r"(?:-{1,2}|—{1,2}|–|~|至|到)(?:(?P<y>\d{4})年)?(?P<m>\d{1,2})月"
                            r"(?:(?P<d>\d{1,2})[日号]|(?P<mend>底|末))?" + _BY)


def _part_end(part: str) -> int:
    """The last month of a part of the year: 上半年 6, 第三季度 9."""
    return _PART_END.get(part) or _PART_END[part.removeprefix("第")[0]]


def _month_end(year: int, month: int) -> int:
    """The last day of a month (ValueError for a month that does not exist, or a year
    outside the calendar's: 0年, or 9999年12月 with no next month to count back from)."""
    if not 1 <= month <= 12 or not _dt.MINYEAR <= year <= _dt.MAXYEAR - (month == 12):
        raise ValueError(month)
    next_month = _dt.date(year + (month == 12), month % 12 + 1, 1)
    return (next_month - _dt.timedelta(days=1)).day


# A number that is part of the name before the value, the group it counts (65岁及以上老年人
# 健康管理率≥70%, 0-6岁儿童, 15-49岁育龄妇女, 2型糖尿病患者规范管理率): the name goes on after it.
_GROUP_NAMED_RE = re.compile(r"^\d{1,3}(?:[-~～—–至到]\d{1,3})?(?:周?岁(?:及以上|以上|及以下|以下)?|型)"
                             r"(?=[\u4e00-\u9fff])")


# The words that name what is counted before its number (完成培训 500 人次, 覆盖率 ≥95%,
# 共计 12 次): none that changes what the number means (较上年, 增长, 每月, 近, 第, 前 …).
_NAMING_RE = re.compile(r"^[\u4e00-\u9fff]{1,14}(?=[\d≥≧⩾≤≦⩽<>=]|[大小不低高少多至达超等控])")
# Wherever they stand in the name: a comparison (较上年, 同比), a negation (不合格率, 未完成),
# a rate or a period (每月, 人均, 上半年), about (约), an order (第), a change (增长, 降低 …).
_NOT_NAMING = ("较", "比", "上年", "去年", "同比", "环比", "不", "未", "每", "超", "约", "第",
               "年", "月", "日", "周", "季", "以", "余", "多", "少", "低", "高", "差", "累",
               "人均", "年均", *_MOVES_BY.split("|"), "增幅", "增速", "降幅", "减幅", "升幅",
               "回升", "压减", "缩减", "削减", "延长", "缩短")
# Right before the number or its sign only: a change (增5%, 提3个百分点), about (近600人), a
# bound (不足500人), an order (前3名, 后10%), an exception (除2户外: all but them). Inside a
# name they are of its words (足额发放率, 家长满意度, 学前教育, 升级改造, 近视筛查率, 长效机制,
# 减免, 提标, 增殖放流, 除险加固).
_NOT_NAMING_LAST = ("增", "降", "减", "升", "提", "长", "足", "近", "前", "后", "除")
# What is counted or named, though 增, 约, 累, 差 alone change the number (增长5%, 约95%):
# 新增3个, 签约95户, 累计培训520人次 (the year's total), 差错率≤1%, 偏差率≤5%.
_COUNTED_NEW = ("新增", "新建", "签约", "节约", "累计", "差错", "偏差")
# Words of what is counted that hold a character of _NOT_NAMING and change nothing of the
# number (第三方调查, 高标准农田, 低保金, 老年人, 日间照料, 月度巡查, 比例, 合同约定; 使用年限,
# 服务年限: a length in years)
_PLAIN_WORDS = ("第三方", "高标准", "低保", "低收入", "老年", "未成年", "青少年", "少年", "少数民族",
                "提供", "日间", "日常", "月度", "年度", "年龄", "年限", "比例", "比率", "占比",
                "合同约定", "约定", "高血压", "高中", "高校", "高新", "高速", "高效", "高龄", "多媒体")
# Rates of going over a limit (超支率, 超标率): before a sign they name what it bounds
# (超支率≤5%, 成本超支率不超过5%: a ceiling on a percentage), 超 changing no number; before a
# bare number the overrun itself (超支率3%, ``_OVERRUN_RE``), so named only before a sign
_OVER_RATES = ("超支率", "超标率")
# The year's average before an amount of money (年均增收3200元, 年均收入): a 年度 table's year is
# one, its average amount the year's own. Not before a rate (年均增长率≥5%: compounded over
# years) nor a count (年均3次: over a cycle of years), which a person reads.
_YEAR_AVERAGE = "年均"
_MONEY_AFTER_NUMBER = ("元", "万元", "亿元", "千元")
_LABELLED_RE = re.compile(r"^([\u4e00-\u9fff]{1,8})[:：](?=[\d≥≧⩾≤≦⩽<>=])(.+)$")
_THIS_YEAR = ("全年度", "本年度", "全年", "本年", "年度", "当年")
# A name with Latin letters in it (PM2.5, COD, 5G基站, II类水质达标率) before a sign
_LATIN_NAMING_RE = re.compile(r"^(?=[^≥≤<>=]*[A-Za-z])[\u4e00-\u9fffA-Za-z0-9.]{1,16}?(?=[≥≤<>=])")


def _plain_words_off(name: str) -> str:
    """A name less the year the table is about (全年开展4次) and the words of what is counted
    that change nothing of its number (差错率 → 率, 老年人 → 人): what is left is checked
    against _NOT_NAMING."""
    plain = _this_year_off(name)
    for word in (*_COUNTED_NEW, *_PLAIN_WORDS):
        plain = plain.replace(word, "")
    return plain


def _naming_off(prefix: str, rest: str) -> str:
    """``_plain_words_off`` of the words before a number, less the year's average where the
    number is an amount of money (年均增收 before 3200元: 增收)."""
    plain = _plain_words_off(prefix)
    number = _NUMBER_RE.match(_leading_operator(rest)[1])
    if number is not None and number.group(2).lstrip().startswith(_MONEY_AFTER_NUMBER):
        return plain.replace(_YEAR_AVERAGE, "")
    return plain


def _names_only(name: str) -> bool:
    """Whether words before a level reached (差错率 of 差错率降低至5%) only name what is
    counted, as they must before a bare number: no comparison, period, negation or change."""
    plain = _plain_words_off(name)
    return not any(word in plain for word in _NOT_NAMING)


def _after_naming_words(text: str) -> str | None:
    """The rest of a text that names what it counts before the number or the sign:
    "完成培训500人次" → "500人次", "培训人数达到500人" → "达到500人"; None when no such
    words lead it, or they change the number's meaning."""
    labelled = _LABELLED_RE.match(text)  # 完成值：96%, 满意度:96%
    if labelled is not None and not any(word in labelled.group(1) for word in _NOT_NAMING):
        return labelled.group(2)
    match = _NAMING_RE.match(text)
    if match is None:
        named = _LATIN_NAMING_RE.match(text)  # PM2.5≤35μg/m³, COD≤50mg/L: the sign on
        if named is not None and not any(word in named.group(0) for word in _NOT_NAMING):
            return text[named.end():]
        return None
    words = match.group(0)
    for cut in range(1, len(words) + 1):
        prefix, rest = text[:cut], text[cut:]
        if _NUMBER_RE.match(_leading_operator(rest)[1]) is None:
            continue  # 基本达到预期: words, no number after them
        plain = _naming_off(prefix, rest)
        if _leading_operator(rest)[0] is not None:
            for word in _OVER_RATES:
                plain = plain.replace(word, "")
        if plain.endswith("比") and _RATIO_RE.match(_leading_operator(rest)[1]):
            return rest  # 生师比≤17:1: the ratio named (比 is no comparison with last year here)
        change = _CHANGE_NAMED_RE.search(prefix)
        if change is not None and change.start() and not any(
                word in _naming_off(prefix[:change.start()], rest) for word in _NOT_NAMING):
            return text[change.start():]  # 收入增长率≥5%: the change, as 增长率≥5%
        if any(word in plain for word in _NOT_NAMING) or (prefix.endswith(_NOT_NAMING_LAST)
                                                          and plain.endswith(prefix[-1])):
            return None
        return rest
    return None


# After the unit: a note in brackets (98%（抽查）), the word for done, passed or covered (300 人次完成,
# 100% 合格, 100%覆盖), 余/多 for "some more" (500 余人): none is the unit.
_UNIT_NOTE_RE = re.compile(r"[(（][^)）]*[)）]$")
# One word with another in brackets (台(套), 个(项)): perhaps the unit's other name, which
# units.py reads (台(套) counts 台 or 套) — not dropped here as a note is
_EITHER_UNIT_RE = re.compile(r"^[\u4e00-\u9fff][(（][\u4e00-\u9fff][)）]$")
# Brackets right after the / (元/（人·月）): what the amount is per, grouped — the unit's own
_PER_BRACKETS_RE = re.compile(r"/[(（][^)）]+[)）]$")
_NOTE_AFTER_MARK_RE = re.compile(r"[,;，；。]")
_SECOND_CONDITION_RE = r"[\d≥≤<>＜＞=＝]|不[高低超少大小]于|不超过|以[上下内]"
END_MARKS = "。，,.;；、:：!！?？*"  # the sentence's end or a note's mark (≥95%。 95%;)
_DONE_WORDS = ("已完成", "全部完成", "完成", "合格", "达标", "到位", "全面覆盖", "全部覆盖", "全覆盖", "覆盖",
               "办结", "内办结")


# Words with no number before a comma, the number after it (已完成，完成率为98%)
_STATEMENT_FIRST_RE = re.compile(r"[^\d,，;；]{1,12}[,，;；]")
# Words of achievement, then the number in brackets (全部完成（12次）, 达成(98%))
_NUMBER_IN_BRACKETS_RE = re.compile(r"^([^\d()（）]{1,12})[(（]([^()（）]*\d[^()（）]*)[)）]$")


_POPULATION = {"10万": "十万", "1万": "万", "100万": "百万", "1000": "千", "10000": "万",
               "100000": "十万"}
_PER_POPULATION_RE = re.compile(r"/(10万|1万|100万|100000|10000|1000)(?![\d.])")


# 余/多 after a scale (2.3万余人, 2800万多元, 3亿余元): some more of it, as 1200余人 says
_SCALES = ("千万", "百万", "万", "千", "亿")
_SCALE_MORE_RE = re.compile(rf"^({'|'.join(_SCALES)})[余多]")


def _clean_unit(unit: str) -> str:
    parts = _NOTE_AFTER_MARK_RE.split(unit, maxsplit=1)
    if len(parts) == 2 and not _compiled(_SECOND_CONDITION_RE).search(parts[1]):
        unit = parts[0]  # 85%，未达标, 520人；已完成: a note after the mark, no second number
    unit = unit.strip().rstrip(END_MARKS)
    if "/1" in unit:  # 15/10万 (a rate per 100,000), as /十万 reads
        unit = _PER_POPULATION_RE.sub(lambda found: "/" + _POPULATION[found.group(1)], unit)
    if unit.startswith("(") and unit.endswith(")"):
        unit = unit[1:-1]
    if unit and not unit.startswith(("(", "（")) and _EITHER_UNIT_RE.match(unit) is None \
            and _PER_BRACKETS_RE.search(unit) is None:
        unit = _UNIT_NOTE_RE.sub("", unit).strip() or unit
    for word in _DONE_WORDS:
        if unit.endswith(word) and len(unit) > len(word):
            unit = unit[:-len(word)].strip()
            break
    if unit[:1] in ("余", "多") and len(unit) > 1:
        unit = unit[1:]
    elif "余" in unit or "多" in unit:
        unit = _SCALE_MORE_RE.sub(r"\1", unit)  # 2.3万余人, 2800万多元: 万人, 万元
    if len(unit) >= 3 and unit[-1] == "次" and unit[-2] in "·・•/":  # 人·次, 人/次: 人次
        unit = unit[:-2] + "次"
    return {"％": "%", "h": "小时", "H": "小时", "日": "天"}.get(unit, unit)


def _to_float(number: str) -> float:
    return float(number.replace(",", ""))


def clock_duration(value: object) -> str | None:
    """A time of day in a 指标值 or 完成值 cell as the length of time it means: a clerk
    types 3:00 for a 响应时间 of 3 hours, and Excel stores 0.125 with an h:mm format
    (openpyxl's datetime.time; [h]:mm, a timedelta; xlwings passes Excel's day 0 with
    that time, 1899-12-30 03:00). 3:00 → “3小时”, 0:45 → “45分钟”, 1:30 → “1小时30分钟”
    (seconds as a part of a minute), which ``parse_measure`` reads as any duration typed
    in words. None for anything else (a date keeps its day)."""
    seconds = clock_seconds(value)
    if seconds is None:
        return None
    hours, rest = divmod(round(seconds, 3), 3600)
    minutes = _format_number(round(rest / 60, 4))
    if not hours:
        return f"{minutes}分钟"
    return f"{int(hours)}小时" + ("" if rest == 0 else f"{minutes}分钟")


def clock_seconds(value: object) -> float | None:
    """The seconds a time cell's value means (``clock_duration``: 3:00 → 10800, as
    openpyxl's datetime.time, a [h]:mm timedelta or xlwings's day 0 at 03:00); None for
    anything else — a date keeps its day, and no length of time is negative."""
    if isinstance(value, _dt.datetime):
        if value.date() != EXCEL_EPOCH or value.time() == _dt.time():
            return None
        value = value.time()
    if isinstance(value, _dt.time):
        seconds = value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6
    elif isinstance(value, _dt.timedelta):
        seconds = value.total_seconds()
    else:
        return None
    return None if seconds < 0 else seconds


def _format_number(value: float) -> str:
    return f"{value:g}"


def damaged_at_least(measure: Measure) -> Measure:
    """A 指标值 whose "≥" a conversion turned into "≠" (≠100.00(%) in published tables,
    DOMAIN.md §3), read as the "≥" it was, to be scored; JX203 still asks to correct it.
    Any other measure as it is."""
    if measure.kind != "unparsed" or measure.value is None \
            or not normalize_text(measure.text).strip().startswith(DAMAGED_AT_LEAST):
        return measure
    return replace(measure, kind="number", op=">=", problem=None)
