"""Score formulas that need no add-in: the template's ``--formulas native`` (issue 14).

(Over 400 lines for one reason: each formula and its Python twin sit side by side.)

Each indicator row is scored by plain worksheet functions that Excel 2010+, WPS
and LibreOffice all have (IF, AND, OR, ISNUMBER, SEARCH, SUBSTITUTE, LEFT, MID,
RIGHT, LEN, VALUE, IFERROR, ROUND, MIN, MAX, ABS, LOWER, TRIM, TEXT, INT, LOG10, CELL,
SUMPRODUCT, FIND, INDEX, ROW, ASC, DATE, CHOOSE, MATCH) — no LAMBDA, no LET, no dynamic arrays. They handle the
common forms only:

* targets ≥ ＞ ≤ ＜ ＝ (and 不低于 不少于 不超过 不高于 大于 小于 高于 低于) before a plain
  number, with %, the actual's unit, or no unit (a number may have thousands
  separators, 1,200 or 1，200, grouped as ``parsing`` reads them; its digits and point may be
  full-width, ≥３０处 or １．２万人: ``FULL_WIDTH_DIGITS``); actuals a number, or a number
  with the same unit (a bare 0.95 beside a % target is read as 95 %); a number in a
  percent-formatted cell (105% typed: 1.05) is that percent, as the reader takes it
  (CELL("format") tells the format); a sentence's end after either value dropped as the reader
  drops it (≥95%。, 96%；: ``end_marks_dropped``); an actual below zero (-2%) counts as 0 —
  below a target of 0 (≥0%) it is 未达成, scored in that band with the 人工评分 column (the
  formulas read no name: under a name of a decrease, 较上年下降 ≥0% beside −2.1%, which
  ``jixiao check`` reads as a fall of 2.1 % and met, the row asks for that band — a known
  difference, the check's score being the right one);
* 定性: an actual of exactly 达成 / 部分达成 / 未达成 (or …指标), with the 人工评分 column —
  beside a 定性 指标值, a number, or a level or better (≥良好, ≥合格: ``LEVELS_AT_LEAST``);
  a 完成值 the same words as a common 定性 指标值 (明显改善 → 明显改善: ``SAME_WORDS``) 达成;
  a level of a grading scale written with / or 、 (好/较好/一般/差 → 较好: ``words_level``);
* 万 before the other side's unit (≥1.2万人 beside 11800人: ``ten_thousands``), × 10,000;
* a deadline and the day it was met, both written as a date with its year (2024年12月31日前
  beside 2024年12月20日 or 2024年11月完成: ``date_text``): on time 达成, late 部分达成, scored
  as those levels are — as ``rules.indicator_score`` scores two dates.

Everything else — other unit conversions (小时 and 分钟, 亿元 and 万元, 万人 beside a bare
number), other dates (12月底前 without
its year, 2024年12月中旬, 未完成 after a date, a date typed into a date cell), commas not
grouping thousands (1,2), a count whose point may group them (1.200人), a 约数 (约500人,
1000人左右, 90%上下 — also a 完成值 given about far past or short of its target, which
jixiao scores as met or missed: ``rules.about_settled``), words such as 以内 or 达成指标 — shows a short ⚠ text that sends the
clerk to ``jixiao check``: never a wrong number — or, for a plain % beside a unit jixiao
never compares with it (25万参保居民医保待遇 beside 100%), ``WARN_UNITS``: 单位不一致, as
JX204 says (``units_conflict``). Where they give a number it is the number
of ``rules.indicator_score`` (tests/template/test_native.py checks this with LibreOffice on
over a thousand rows).

The helper cells of a row sit in hidden columns (``HELPER_COLUMNS``).
``row_values`` is the same algorithm in Python, step for step: what the cells
show, for ``jixiao recalc`` and ``jixiao new`` to store as cached results.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from typing import Any

from jixiao.errors import ScoreInputError
from jixiao.layout import (
    COLUMN,
    FIRST_ROW,
    FUND_ROWS,
    LAST_ROW,
    NAME_RANGES,
    above_total,
    level2_range,
)
from jixiao.model import plain_text
from jixiao.parsing import (
    ABOUT_TAILS,
    END_MARKS,
    FULL_WIDTH_NUMBER,
    INVISIBLE,
    LEVEL_NAMES,
    PLACEHOLDER_MARKS,
    PLACEHOLDER_WORDS,
    WHOLE_COUNT_WORDS,
    about_number,
    clock_duration,
    clock_seconds,
    is_placeholder,
    parse_measure,
    point_grouped_count,
    range_word_after,
)
from jixiao.rules import (
    AMOUNT_MISSING,
    AMOUNT_NOT_NUMBER,
    BAD_LEVELS,
    BUDGET_NAME,
    COST_WORD,
    DEFAULT_RULES,
    DURATION_UNITS,
    EMPTY_ACTUAL,
    EMPTY_TARGET,
    EXECUTED_NAME,
    GRADE_NAMES,
    GRADES,
    HEIGHT_WORDS,
    MONEY_BLANK,
    NOT_GRADED,
    NOT_SCORED,
    NUMBER_BLANKS,
    NUMBER_INVISIBLE,
    RULE_BOXES,
    RULE_NEGATIONS,
    RULE_SETS,
    RULE_WORDS,
    SCALE_SEPARATORS,
    SCALE_WORDS,
    SCORE_STEP,
    TIMELINESS_WORD,
    TOLERANCE,
    UNGRADED,
    UNITS_DIFFER,
    Direction,
    band_text,
    level_at_least,
    levels_at_least,
    percent_value,
    round2,
    scale_rank,
    scored_op,
    strict_at_target_share,
    template_amounts,
    ungraded,
    unit_direction,
    unlisted_execution_points,
    weight_points,
    written_worst_first,
)
from jixiao.rules import grade as rules_grade
from jixiao.units import fraction_as_percent, is_bare_fraction, split_unit

WARN_INPUT = "⚠ 此写法须用 jixiao check 计分"
# A plain % beside a unit that no reading of jixiao puts beside a % (``units_conflict``): what
# the add-in's JX_SCORE and JX204 say (rules.UNITS_DIFFER), and what to do
WARN_UNITS = f"⚠ {UNITS_DIFFER}，请把完成值按指标值的单位填写"
# The unit a number in a time-of-day cell (3:00 typed: 0.125, h:mm) has for these formulas:
# none they score — a length of time jixiao reads (``parsing.clock_duration``): WARN_INPUT
CLOCK_UNIT = "时刻"
# The unit a number has for these formulas when it is a date (2024-03-20 typed: 45371): none
# they score — they would compare the serials (45371 ÷ 45382 of a deadline met early), so
# WARN_INPUT. A date format (Excel's CELL("format"): "D1" to "D5"), or — LibreOffice's CELL
# gives "G" for yyyy/m/d — a number of a 时效 row in DATE_SERIALS (1982-02-18 to 2119-01-10).
DATE_UNIT = "日期"
DATE_SERIALS = (30000, 80000)
# A blank cell of General format, in a hidden column no clerk types into: Excel (and WPS)
# give it CELL("format") "G", LibreOffice "F0" — and LibreOffice gives "G", not Excel's "D6"
# to "D9", to a number of a time format (h:mm, [h]:mm, h"时"mm; a date's too, and a text's
# or a fraction's). So where this cell does not say "G", a number from 0 to below 1 (a day's
# fraction: 12:00 is 0.5) whose cell says "G" is taken as a time: ``_lo_clock``.
GENERAL_CELL = "$M$1"
WARN_WEIGHT = "⚠ 分值为空或无效"
WARN_TARGET = f"⚠ {EMPTY_TARGET}"  # as the add-in's JX_SCORE says: the cell to fill
WARN_ACTUAL = f"⚠ {EMPTY_ACTUAL}"
_NAMES = tuple(RULE_SETS)
WARN_RULES = f"⚠ 评分规则应为 {'、'.join(_NAMES[:-1])} 或 {_NAMES[-1]}"
# The formulas tell two families of rule sets apart, by the 评分规则 cell's exact name:
# the ratio family (比例法) and the linear one (mof2020, sichuan); their shares come
# from rules.RULE_SETS, which must not grow a third family unnoticed.
[_RATIO] = [name for name, rule in RULE_SETS.items() if rule.reverse == "ratio"]
_LINEAR = RULE_SETS[DEFAULT_RULES]
assert all(rule.bands == (RULE_SETS[_RATIO] if rule.reverse == "ratio" else _LINEAR).bands
           for rule in RULE_SETS.values()), "a rule set the native formulas cannot express"
_BANDS = {"A": "achieved", "P": "partial", "N": "not"}
_STRICT = strict_at_target_share(_LINEAR)
# The share helper of a positive target of 0 missed (≥0% done −2%): no 分值 × 完成值 ÷ 指标值,
# scored in the 未达成 band as the rules score it (``rules._missed_without_ratio``)
_MISSED_AT_ZERO = LEVEL_NAMES["not"]
assert _STRICT == strict_at_target_share(RULE_SETS[_RATIO])
WARN_JUDGED = "⚠ 人工评分须为数字"

# Normalisation of a 指标值/完成值 text, in order (nested SUBSTITUTE, innermost first):
# whitespace (a no-break space pasted from a web page too) and what shows nothing
# (``parsing.INVISIBLE``), which the reader drops (``parsing.compact_text``); the digits and
# point of full-width (全角) input mode as the reader's NFKC makes them (``FULL_WIDTH_DIGITS``:
# ≥３０处, ９６％, １．２万人; not ASC, which LibreOffice's makes 。、” into ｡､" as well —
# the end and scale marks below — and Excel's by the computer's code page).
FULL_WIDTH_DIGITS: tuple[tuple[str, str], ...] = tuple(
    (wide, ascii_) for wide, ascii_ in zip("０１２３４５６７８９．", "0123456789.", strict=True))
assert all(wide.translate(FULL_WIDTH_NUMBER) == ascii_ for wide, ascii_ in FULL_WIDTH_DIGITS)
REPLACEMENTS: tuple[tuple[str, str], ...] = (
    (" ", ""), ("\u3000", ""), ("\n", ""), ("\r", ""), ("\t", ""), ("\xa0", ""),
    *((chr(code), "") for code in INVISIBLE), *FULL_WIDTH_DIGITS,
    ("（%）", "%"), ("(%)", "%"), ("％", "%"), ("，", ","), ("－", "-"),
    ("＞", ">"), ("＜", "<"), ("＝", "="), ("≥", ">="), ("≤", "<="),
    ("不低于", ">="), ("不少于", ">="), ("不超过", "<="), ("不高于", "<="),
    ("大于", ">"), ("小于", "<"), ("高于", ">"), ("低于", "<"),
)
# t_raw/a_raw: whitespace, what shows nothing, the full-width digits (M, Q: the rest)
_RAW_STEPS = REPLACEMENTS.index(FULL_WIDTH_DIGITS[-1]) + 1
_NUMBER_CHARS = "0123456789.,"  # the comma: a thousands separator (1,200), see _number_of
# A sentence's end or a note's mark after a value (≥95%。 96%；), which the reader drops from
# the unit (``parsing.END_MARKS``), as the normalised text writes them: dropped from the end
# of a text holding a digit (a mark alone, or after a dash, is no value), _END_ROUNDS of
# them at most (≥95%。；); more leave the row to jixiao check. CHAR(9) marks the text's end:
# REPLACEMENTS has dropped every tab before.
_END_MARKS = tuple(dict.fromkeys(dict(REPLACEMENTS).get(mark, mark) for mark in END_MARKS))
_END_ROUNDS = 2
_TEXT_END = "\t"
# A number's thousands separators as parsing._NUMBER reads them (1,200 and 1200,000; not
# 1,2 or 12,34): after the first group, groups of three digits, at most _GROUPS of them
# (a number up to 10^18); the formula looks for them through a padding of spaces.
_GROUPS = 5
_PADDING = 4 * _GROUPS
_DIGITS = "0123456789"
_TYPED_DIGITS = _DIGITS + "".join(wide for wide, ascii_ in FULL_WIDTH_DIGITS if ascii_ in _DIGITS)
# A unit jixiao's rules read differently from its text: a scale (万人 = 10,000 人), a
# synonym (h = 小时, 个百分点 = %), a date. Compared only when both sides write the same.
_CONVERTED_STARTS = ("万", "千", "百", "亿")
_CONVERTED_UNITS = ("个百分点", "h", "日", "个工作日")
# 万 before the unit of the other side (≥1.2万人 beside 11800人, ≤30万元 beside 300000元): the
# one side's number × 10,000, as ``units.comparable`` converts it, where the other's unit is
# a plain one — no scale or synonym of its own (``_CONVERTED_STARTS``, ``_CONVERTED_UNITS``,
# ``_DATE_CHARS``), no %, no rate per (/), no 约数 (``ABOUT_TAILS``) nor a count given as
# more than a number (万余人, 2万多人: _MORE_CHARS)
_TEN_THOUSAND = ("万", 10000)
_MORE_CHARS = ("余", "多", "%", "/")
# Dates, and words the rules read as an operator (24 小时以内 is ≤ 24 小时); the same unit
# on both sides is compared when it is a rate per period or a duration (``_dated_unit``).
_DATE_CHARS = ("年", "月", "日", "以", "之", "前", "内", "上", "下")
# A level or better (≥良好: ``rules.level_at_least``), as the normalised text writes it
# (>=良好): a 定性 指标值, scored as the level is
LEVELS_AT_LEAST = levels_at_least()
_AT_LEAST_TEXTS = tuple(">=" + word for word in LEVELS_AT_LEAST)
_LEVELS = {"达成": "A", "达成指标": "A", "部分达成": "P", "部分达成指标": "P", "未达成": "N",
           "未达成指标": "N"}
# A 定性 指标值 whose 完成值 is the same words (明显改善 → 明显改善, 健全 → 健全): 达成, as
# ``rules.indicator_score`` scores each of these under any 二级 (tests/template/test_native.py
# asks it). Not every word: a 完成值 stating a level of its own (基本健全 → 基本健全 is
# 部分达成, 不及时 → 不及时 未达成) is left to jixiao check, as are words not listed.
SAME_WORDS = (
    *GRADE_NAMES[:2], "好", "较好", "良好", "优秀", "优良", "合格", "达标", "满意", "较满意", "非常满意",
    "高", "较高", "群众满意", "社会满意", "服务对象满意",
    "改善", "明显改善", "有所改善", "持续改善", "逐步改善", "显著改善", "有效改善", "进一步改善",
    "得到改善", "提升", "明显提升", "有所提升", "持续提升", "逐步提升", "稳步提升", "显著提升",
    "有效提升", "进一步提升", "不断提升", "得到提升", "较大提升", "大幅提升", "提高", "明显提高",
    "有所提高", "逐步提高", "持续提高", "显著提高", "有效提高", "进一步提高", "不断提高",
    "稳步提高", "得到提高", "大幅提高", "增强", "明显增强", "有效增强", "不断增强", "进一步增强",
    "显著增强", "增加", "明显增加", "有所增加", "逐步增加", "增长", "有所增长", "稳步增长",
    "持续增长", "增收", "持续增收", "下降", "明显下降", "有所下降", "降低", "逐步降低", "减少",
    "明显减少", "缓解", "有效缓解", "明显缓解", "好转", "明显好转", "有所好转",
    "健全", "制度健全", "建立健全", "建立", "已建立", "完善", "逐步完善", "不断完善", "进一步完善",
    "持续完善", "更加完善", "规范", "管理规范", "规范管理", "规范有序", "有序", "有序推进",
    "及时", "及时准确", "及时规范", "规范及时", "及时到位", "及时完成", "及时发放", "及时足额",
    "足额", "足额发放", "按时", "按时完成", "按时到位", "按时发放", "按时开展", "按时足额发放",
    "按期", "按期完成", "如期", "如期完成", "按计划", "按计划完成", "按要求完成", "全部完成",
    "全面完成", "圆满完成", "顺利完成", "顺利", "顺利推进", "完成", "已完成", "资金到位", "到位",
    "落实", "全面落实", "有效", "持续有效", "长期有效", "显著", "明显", "效果明显", "效果显著",
    "效果良好", "成效", "成效明显", "成效显著", "明显成效", "显著成效", "效益明显", "效益显著",
    "作用明显", "发挥作用", "持续发挥作用", "见效", "有效保障", "得到保障", "得到有效保障",
    "保障", "有保障", "满足需求", "满足要求", "有效满足", "得到满足", "达到要求", "达到目标",
    "达到预期", "达到预期目标", "达到标准", "符合要求", "符合标准", "符合规定", "合规", "合法合规",
    "依法依规", "安全", "安全运行", "无事故", "零事故", "无安全事故", "无投诉", "稳定", "保持稳定",
    "持续稳定", "稳定运行", "正常", "正常运行", "正常使用", "正常发挥", "正常开展", "良好运行",
    "运行良好", "有效运行", "长期", "长效", "持续", "可持续", "中长期", "长期受益", "受益", "良性",
    "质量合格", "验收合格", "通过", "通过验收", "准确", "精准", "公开", "透明", "公开透明",
    "合理", "科学", "科学合理", "优质", "高效", "便捷", "完好", "全面", "实现", "开展", "全覆盖",
    "应保尽保", "应发尽发", "应补尽补", "促进", "有效促进", "推动", "提质增效", "可控", "控制",
    "有效控制", "严格控制", "严格", "是",
)
# A 定性 指标值 listing a grading scale, its levels between / or 、 (好/较好/一般/差, 优、良、
# 中、差, 差/中/良/优: ``rules.grading_scale``, read where each part is one of ``SCALE_WORDS``,
# none twice, three or more, or two down to a bad one or up to a better one), beside one of
# its levels: one of ``BAD_LEVELS`` 未达成, the top 达成 — the first, or the last where the
# list is written worst first (``rules.written_worst_first``, by the ranks of its ends:
# ``_SCALE_GOODNESS``) —, another 部分达成 (``rules._level_on_scale``). Other scales (优良中差
# written without a mark between) are left to jixiao check.
_SCALE_RANKS = {word: rank for word in SCALE_WORDS if (rank := scale_rank(word)) is not None}
assert len(_SCALE_RANKS) == len(SCALE_WORDS)  # each part of a scale the formulas read is ranked
_SCALE_GOODNESS = {word: max(_SCALE_RANKS.values()) - rank for word, rank in _SCALE_RANKS.items()}
_SCALE_MARKS = ("/", "、")
assert set(_SCALE_MARKS) <= SCALE_SEPARATORS
_SCALE_LONGEST = 24  # as rules.grading_scale reads a scale: at most 24 characters
# A deadline and the day it was met written as text (``date_text``): Y年M月D日 or Y年M月 (that
# month's last day, 底 or 末 after it), then one of DATE_ENDS; a year of DATE_YEARS. Read
# where both sides are one: on or before the deadline is 达成, after it 部分达成 (逾期完成), as
# ``rules.indicator_score`` scores two dates — the row is then scored as a level is.
DATE_ENDS = ("", "前", "以前", "之前", "完成", "全部完成", "前完成", "前全部完成", "以前完成",
             "之前完成", "以前全部完成", "之前全部完成")
_MONTH_ENDS = ("底", "末")
DATE_YEARS = (1901, 2099)  # DATE() of every program computes these alike
_ENDS_LIST = "|" + "|".join(DATE_ENDS) + "|"  # "||前|以前|…|": an end is one of them

# Hidden helper columns of an indicator row, in order.
HELPER_KEYS = ("t_text", "op", "t_unit", "t_num", "a_text", "a_unit", "a_num", "level", "kind",
               "eop", "goal", "done", "at", "share", "met", "points", "t_raw", "a_raw")
HELPER_COLUMNS = ("M", "N", "O", "P", "Q", "R", "S", "T", "U", "V", "W", "X", "Y", "Z", "AA",
                  "AB", "AC", "AD")
# "t_raw", "a_raw" (since rt34): the first ``_RAW_STEPS`` of ``REPLACEMENTS`` done on the
# 指标值/完成值, which t_text/a_text finish — one chain of SUBSTITUTE would be nested deeper
# than Excel's 64 levels (``recalc.limits.MAX_FORMULA_NESTING``). A template made before
# has no AC:AD (``RAW_COLUMNS``); its M and Q do the whole chain.
RAW_COLUMNS = ("AC", "AD")
# "points": the row's 分值 as the checker reads it (``rules.weight_points``): 10% typed (0.1 in a
# percent-formatted cell) is 10 points, as a 权重 "10%" is (rt20). Every formula of the
# row reads it, not the 分值 cell.
_HELPERS = dict(zip(HELPER_KEYS, HELPER_COLUMNS, strict=True))
# The 执行率's 分值 in points, worked out once beside the money (since rt27): I6, G43 read it
_FUND_POINTS = f"{_HELPERS['points']}{FUND_ROWS[0]}"
assert _HELPERS["points"] == COLUMN["points"]  # where the highlights read the points
# a helper cell of a row as a formula names it (U15, AB15; not the B15 of AB15), and the
# quoted texts a formula holds, which name no cell
_HELPER_CELL = re.compile(r"(?<![A-Za-z$])\$?(" + "|".join(sorted(HELPER_COLUMNS, key=len, reverse=True))
                          + r")\$?(\d+)(?!\d)")
_QUOTED = re.compile(r'"(?:[^"]|"")*"')


def helpers_missing(formula: str | None, row: int, holds_formula: Callable[[str], bool]
                    ) -> list[str]:
    """The hidden helper cells of indicator row ``row`` (``HELPER_COLUMNS``) that a row's
    formula reads (a native 得分 reads U15, AB15 …; a JX_ one none) and that hold no
    formula (``holds_formula(ref)``): the row's visible cells copied (D:K) without its
    hidden ones, its 得分 blank after any recalculation (the 总分 shows ⚠). A clerk mends
    it by copying the whole row above, M–AD included."""
    if not formula:
        return []
    read = {f"{column}{number}" for column, number in
            _HELPER_CELL.findall(_QUOTED.sub("", formula)) if int(number) == row}
    return sorted((ref for ref in read if not holds_formula(ref)),
                  key=lambda ref: HELPER_COLUMNS.index(ref.rstrip("0123456789")))


# ---------------------------------------------------------------- the formulas

def _substitute(expression: str, pairs: tuple[tuple[str, str], ...]) -> str:
    for old, new in pairs:
        old_text = 'CHAR(10)' if old == "\n" else 'CHAR(13)' if old == "\r" else \
            'CHAR(9)' if old == "\t" else f'"{old}"'
        expression = f'SUBSTITUTE({expression},{old_text},"{new}")'
    return expression


def _strip_number(expression: str) -> str:
    return _substitute(expression, tuple((ch, "") for ch in _NUMBER_CHARS))


def _has_digit(ref: str) -> str:
    """Whether cell ``ref`` holds a digit, a full-width one too (``_TYPED_DIGITS``)."""
    digits = "{" + ",".join(f'"{digit}"' for digit in _TYPED_DIGITS) + "}"
    return f'SUMPRODUCT(ISNUMBER(FIND({digits},{ref}&""))*1)>0'


def _end_marks_dropped(text: str, ref: str) -> str:
    """``end_marks_dropped`` as a formula of a normalised ``text`` of cell ``ref``: each
    round drops one mark of ``_END_MARKS`` before the end (CHAR(9), added where ``ref``
    holds a digit)."""
    marked = f'{text}&IF({_has_digit(ref)},CHAR(9),"")'
    for _ in range(_END_ROUNDS):
        for mark in _END_MARKS:
            marked = f'SUBSTITUTE({marked},"{mark}"&CHAR(9),CHAR(9))'
    return f'SUBSTITUTE({marked},CHAR(9),"")'


def end_marks_dropped(text: str, value: Any) -> str:
    """A normalised 指标值/完成值 ``text`` without the sentence's end after its value (≥95%。
    is ≥95%, 96%；。 is 96%), as ``_end_marks_dropped``: where the cell's ``value`` holds a
    digit, ``_END_ROUNDS`` rounds, each dropping one mark of ``_END_MARKS`` before the end."""
    if not any(digit in plain_text(value) for digit in _TYPED_DIGITS):
        return text
    marked = text + _TEXT_END
    for _ in range(_END_ROUNDS):
        for mark in _END_MARKS:
            marked = marked.replace(mark + _TEXT_END, _TEXT_END)
    return marked.replace(_TEXT_END, "")


def _number_of(rest: str, unit: str) -> str:
    """The number before ``unit`` in ``rest``, or "" when ``rest`` is not number+unit
    (``unit`` holds the rest: the number is digits, dots and commas, ``_grouped``) or is a
    count whose point may separate thousands (``_point_grouped``)."""
    body = f"LEFT({rest},LEN({rest})-LEN({unit}))"
    return (f'IF(AND(LEN({rest})>LEN({unit}),RIGHT({rest},LEN({unit}))={unit}),'
            f'IF(AND({_grouped(body)},NOT({_point_grouped(body, unit)})),'
            f'IFERROR(VALUE(SUBSTITUTE({body},",","")),""),""),"")')


def _point_grouped(body: str, unit: str) -> str:
    """``parsing.point_grouped_count`` as a formula, of a ``body`` ``_grouped`` holds: no comma,
    one point with three digits after it and one to three before it, the first no 0, beside
    a unit of whole things (人, 人次)."""
    whole = (f'AND(OR(LEN({unit})=1,AND(LEN({unit})=2,RIGHT({unit},1)="次")),'
             f'ISNUMBER(FIND(LEFT({unit},1),"{WHOLE_COUNT_WORDS}")))')
    return (f'AND({whole},ISERROR(FIND(",",{body})),ISNUMBER(FIND(".",{body})),'
            f'LEN({body})-FIND(".",{body}&".")=3,FIND(".",{body}&".")<=4,LEFT({body},1)<>"0")')


def _grouped(body: str) -> str:
    """Whether ``body``, made of digits, dots and commas, is a number as ``parsing`` reads
    it: at most one dot, not at either end, and commas only as thousands separators —
    the k-th comma from the right, for k = 1 … their count (at most ``_GROUPS``), stands
    4k characters before the integer part's end (SUMPRODUCT over an array constant counts
    those in place), and not first. The number is then read without them (VALUE would
    read a comma by the computer's locale: 1,200 as 1.2 in German)."""
    dots = f'LEN({body})-LEN(SUBSTITUTE({body},".",""))'
    commas = f'LEN({body})-LEN(SUBSTITUTE({body},",",""))'
    ks = "{" + ",".join(str(k) for k in range(1, _GROUPS + 1)) + "}"
    in_place = (f'SUMPRODUCT((MID("{" " * _PADDING}"&{body},FIND(".",{body}&".")+{_PADDING}-4*{ks},1)'
                f'=",")*({ks}<={commas}))')
    return (f'AND({dots}<=1,LEFT({body},1)<>".",RIGHT({body},1)<>".",LEFT({body},1)<>",",'
            f'{in_place}={commas})')


def _converted(unit: str) -> str:
    starts = ",".join(f'LEFT({unit},1)="{start}"' for start in _CONVERTED_STARTS)
    named = ",".join(f'{unit}="{name}"' for name in _CONVERTED_UNITS)
    return f"OR({starts},{named},{_dated(unit)})"


def _ten_thousands(unit: str, other: str) -> str:
    """``ten_thousands`` as a formula: whether ``unit`` is 万 before ``other``, a plain unit."""
    word = _TEN_THOUSAND[0]
    plain = (f'AND({other}<>"",NOT({_converted(other)}),NOT({_about(other)}),'
             + ",".join(f'ISERROR(FIND("{ch}",{other}))' for ch in _MORE_CHARS) + ")")
    return f'AND(EXACT({unit},"{word}"&{other}),{plain})'


def ten_thousands(unit: str, other: str) -> bool:
    """Whether a side's ``unit`` is 万 before the ``other`` side's plain unit (万人 beside 人):
    its number then counts 10,000 times (``_TEN_THOUSAND``)."""
    return bool(other) and unit == _TEN_THOUSAND[0] + other and not _is_converted(other) \
        and not _is_about(other) and not any(ch in other for ch in _MORE_CHARS)


def _about(unit: str) -> str:
    """``_is_about`` as a formula."""
    return "OR(" + ",".join(f'ISNUMBER(SEARCH("{tail}",{unit}))' for tail in ABOUT_TAILS) + ")"
# The characters of a unit beside a plain % that jixiao may still compare with it (‰ and ‱,
# 92分 of 100, 3个百分点, 9成, 升/降 of a change), a date or range word (``_DATE_CHARS``: 30天内,
# 96%以上) or a 约数 (左右); and the scales, a unit of themselves alone (90万: a bare number)
_BESIDE_PERCENT = ("‰", "‱", "分", "点", "成", "升", "降", "左", *_DATE_CHARS)
_SCALE_CHARS = ("十", "百", "千", "万", "亿")
# Marks, not units: what parsing drops after a value (parsing._FOOTNOTE_RE: ①–⑳, ¹, †, ‡, ※,
# ＊; END_MARKS; a closing 】, …) and other punctuation. A unit of marks alone beside a % is
# no unit that differs (96※ beside ≥95%: jixiao scores it, review C) — only a letter or a
# CJK character parsing keeps is.
_NO_UNIT_MARKS = (*(chr(code) for code in range(0x2460, 0x2474)), "¹", "²", "³", "†", "‡",
                  "※", "＊", "…", "⋯", "【", "】", "(", ")", "（", "）", "[", "]", "［", "］",
                  "~", "～", "-", "—", "·", *_END_MARKS)


def _units_conflict(t_unit: str, a_unit: str) -> str:
    """``units_conflict`` as a formula. One side is "%" and the other holds no %: their
    joined text holds one %, none of ``_BESIDE_PERCENT``, and something besides scales and
    ``_NO_UNIT_MARKS`` (fewer of those than characters left)."""
    both = f"{t_unit}&{a_unit}"
    marks = "{" + ",".join(f'"{ch}"' for ch in _BESIDE_PERCENT) + "}"
    no_unit = "{" + ",".join(f'"{ch}"' for ch in _NO_UNIT_MARKS) + "}"
    bare = _substitute(f'SUBSTITUTE({both},"%","")', tuple((ch, "") for ch in _SCALE_CHARS))
    return (f'AND(OR({t_unit}="%",{a_unit}="%"),LEN({both})-LEN(SUBSTITUTE({both},"%",""))=1,'
            f'SUMPRODUCT(ISNUMBER(FIND({marks},{both}))*1)=0,'
            f'LEN({bare})>SUMPRODUCT(LEN({bare})-LEN(SUBSTITUTE({bare},{no_unit},""))))')


def units_conflict(t_unit: str, a_unit: str) -> bool:
    """Whether a row's two units, as the formulas read them, are a plain % and a unit jixiao
    never compares with it (25万参保居民医保待遇 beside 100%, ≥95% beside 1200人): JX204, no
    score by any means — ``WARN_UNITS``, not ``WARN_INPUT``. Not a unit holding one of
    ``_BESIDE_PERCENT`` (‰, 分, 个百分点, a date or range word), nor scales or marks alone
    (90万, 96※: ``_NO_UNIT_MARKS``)."""
    both = t_unit + a_unit
    return "%" in (t_unit, a_unit) and both.count("%") == 1 \
        and not any(ch in both for ch in _BESIDE_PERCENT) \
        and any(ch not in _SCALE_CHARS and ch not in _NO_UNIT_MARKS for ch in both.replace("%", ""))


def _no_percent(unit: str) -> str:
    """Whether ``unit`` has no %: a bare number beside %（注） or %。。。 (a note or more marks
    than ``_END_ROUNDS`` after the %) may be a fraction or a percent — jixiao's to read."""
    return f'ISERROR(FIND("%",{unit}))'


def _dated(unit: str) -> str:
    return "OR(" + ",".join(f'ISNUMBER(SEARCH("{ch}",{unit}))' for ch in _DATE_CHARS) + ")"


def _all_digits(text: str, most: int) -> str:
    """Whether ``text`` (at most ``most`` characters) holds only digits. Padded with zeros:
    MID past its end gives "", which Excel's FIND finds and LibreOffice's does not."""
    places = "{" + ",".join(str(k) for k in range(1, most + 1)) + "}"
    return f'SUMPRODUCT(ISERROR(FIND(MID({text}&"{"0" * most}",{places},1),"{_DIGITS}"))*1)=0'


def _date_end(text: str) -> str:
    """Whether ``text`` is one of ``DATE_ENDS``."""
    return f'AND(ISERROR(FIND("|",{text})),ISNUMBER(FIND("|"&{text}&"|","{_ENDS_LIST}")))'


def _date_text(x: str) -> str:
    """``date_text`` as a formula of a normalised text ``x`` (t_text, a_text): the date's
    serial number, or an error (the caller's IFERROR) for any other text."""
    month_at = f'FIND("月",{x})'
    day_at = f'FIND("日",{x})'
    year, month = f"VALUE(LEFT({x},4))", f"VALUE(MID({x},6,{month_at}-6))"
    day_text = f"MID({x},{month_at}+1,{day_at}-{month_at}-1)"
    day = f"VALUE({day_text})"
    low, high = DATE_YEARS
    year_month = (f'AND(MID({x},5,1)="年",{_all_digits(f"LEFT({x},4)", 4)},{year}>={low},'
                  f'{year}<={high},{month_at}>=7,{month_at}<=8,'
                  f'{_all_digits(f"MID({x},6,{month_at}-6)", 2)},{month}>=1,{month}<=12)')
    with_day = (f'AND({day_at}-{month_at}>=2,{day_at}-{month_at}<=3,{_all_digits(day_text, 2)},'
                f'{day}>=1,DATE({year},{month},{day})<DATE({year},{month}+1,1),'
                f'{_date_end(f"MID({x},{day_at}+1,LEN({x}))")})')
    rest = f"MID({x},{month_at}+1,LEN({x}))"
    ends = ",".join(f'LEFT({rest},1)="{end}"' for end in _MONTH_ENDS)
    month_end = (f'OR({_date_end(rest)},AND(OR({ends}),'
                 f'{_date_end(f"MID({x},{month_at}+2,LEN({x}))")}))')
    return (f'IF({year_month},IF(ISNUMBER({day_at}),IF({with_day},DATE({year},{month},{day}),1/0),'
            f'IF({month_end},DATE({year},{month}+1,1)-1,1/0)),1/0)')


def date_text(text: str) -> datetime.date | None:
    """A normalised 指标值/完成值 text that is a date the native formulas read (``_date_text``):
    Y年M月D日 or Y年M月 (its last day; 底 or 末 after it), then one of ``DATE_ENDS``, a year
    of ``DATE_YEARS``, digits only (2024 年 12 月 31 日前完成 once its spaces are dropped);
    None for anything else (12月31日前, 2024年12月20号, 2024年12月中旬, 2024年2月30日)."""
    if text[4:5] != "年" or "月" not in text:
        return None
    month_at = text.index("月")
    year_text, month_text = text[:4], text[5:month_at]
    if not (year_text.isdigit() and year_text.isascii() and month_text.isdigit()
            and month_text.isascii() and 1 <= len(month_text) <= 2):
        return None
    year, month = int(year_text), int(month_text)
    if not (DATE_YEARS[0] <= year <= DATE_YEARS[1] and 1 <= month <= 12):
        return None
    first_of_next = datetime.date(year + month // 12, month % 12 + 1, 1)
    if "日" in text:
        day_at = text.index("日")
        day_text = text[month_at + 1:day_at]
        if not (day_text.isdigit() and day_text.isascii() and 1 <= len(day_text) <= 2) \
                or text[day_at + 1:] not in DATE_ENDS:
            return None
        day = int(day_text)
        if day < 1 or day > (first_of_next - datetime.timedelta(days=1)).day:
            return None
        return datetime.date(year, month, day)
    rest = text[month_at + 1:]
    if rest in DATE_ENDS or (rest[:1] in _MONTH_ENDS and rest[1:] in DATE_ENDS):
        return first_of_next - datetime.timedelta(days=1)
    return None


def _date_level(target: Any, actual: Any) -> str:
    """What the level helper gives for two date texts (``date_text``): "A" on time, "P" late,
    "" where either is no such date."""
    deadline = date_text(target) if isinstance(target, str) else None
    done = date_text(actual) if isinstance(actual, str) else None
    if deadline is None or done is None:
        return ""
    return "A" if done <= deadline else "P"


def _among(text: str, words: Any) -> str:
    """Whether ``text`` is one of ``words`` (= compares exactly, no wildcards as MATCH has)."""
    listed = "{" + ",".join(f'"{word}"' for word in words) + "}"
    return f"SUMPRODUCT(({text}={listed})*1)>0"


def _words_level(t: str, a: str) -> str:
    """``words_level`` as a formula of the normalised texts ``t`` (t_text) and ``a`` (a_text):
    "A", "P", "N" or ""."""
    mark = _SCALE_MARKS[0]
    scale = _substitute(t, tuple((other, mark) for other in _SCALE_MARKS[1:]))
    parts = f'LEN({scale})-LEN(SUBSTITUTE({scale},"{mark}",""))+1'
    listed = "{" + ",".join(f'"{word}"' for word in SCALE_WORDS) + "}"
    found = f'SUMPRODUCT(ISNUMBER(FIND("{mark}"&{listed}&"{mark}","{mark}"&{scale}&"{mark}"))*1)'
    is_scale = f'AND(LEN({t})<={_SCALE_LONGEST},{parts}>=2,{found}={parts})'
    on_scale = (f'AND({a}<>"",' + ",".join(f'ISERROR(FIND("{m}",{a}))' for m in _SCALE_MARKS)
                + f',ISNUMBER(FIND("{mark}"&{a}&"{mark}","{mark}"&{scale}&"{mark}")))')
    first = f'LEFT({scale},FIND("{mark}",{scale}&"{mark}")-1)'
    spaces = " " * _SCALE_LONGEST  # the last part: what follows the last mark, trimmed
    last = f'TRIM(RIGHT(SUBSTITUTE({scale},"{mark}","{spaces}"),{_SCALE_LONGEST}))'
    bad = sorted(BAD_LEVELS)
    # written worst first (``rules.written_worst_first``): the last ranked above the first
    # (every part is ranked: ``_SCALE_GOODNESS``), the ends ranked alike and the first bad
    words = "{" + ",".join(f'"{word}"' for word in _SCALE_GOODNESS) + "}"
    values = "{" + ",".join(str(value) for value in _SCALE_GOODNESS.values()) + "}"
    rise = f"MAX(-1,MIN(1,SUMPRODUCT((({last}={words})-({first}={words}))*{values})))"
    up = f"CHOOSE({rise}+2,FALSE,{_among(first, bad)},TRUE)"
    # worst first: its top the last; best first: the first, if it has 3 parts or a bad end
    on_top = (f'CHOOSE({up}+1,IF(OR({parts}>=3,{_among(last, bad)}),'
              f'IF({a}={first},"A","P"),""),IF({a}={last},"A","P"))')
    # a scale of heights only (低/中/高): its best end is the name's to say (``rules.lows_best``)
    heights = "{" + ",".join(f'"{word}"' for word in sorted(HEIGHT_WORDS)) + "}"
    all_heights = (f'SUMPRODUCT(ISNUMBER(FIND("{mark}"&{heights}&"{mark}","{mark}"&{scale}&"{mark}"))*1)'
                   f'={parts}')
    return (f'IF(AND({a}={t},{_among(t, SAME_WORDS)}),"A",IF(AND({is_scale},{on_scale},'
            f'NOT({all_heights})),IF({_among(a, bad)},"N",{on_top}),""))')


def words_level(target: str, actual: str) -> str:
    """The level of a 定性 row the formulas read from its two normalised texts (``_words_level``):
    "A" for a 完成值 the same as a 指标值 of ``SAME_WORDS``; beside a grading scale written with
    ``_SCALE_MARKS``, of a level on it: "N" one of ``BAD_LEVELS``, "A" its top (the first, the
    last where it is written worst first), else "P"; "" for anything else."""
    if actual == target and target in SAME_WORDS:
        return "A"
    scale = target
    for other in _SCALE_MARKS[1:]:
        scale = scale.replace(other, _SCALE_MARKS[0])
    parts = scale.split(_SCALE_MARKS[0])
    if not (len(target) <= _SCALE_LONGEST and len(parts) >= 2 and len(set(parts)) == len(parts)
            and all(part in SCALE_WORDS for part in parts)):
        return ""
    up = written_worst_first(parts[0], parts[-1])
    if not (len(parts) >= 3 or parts[-1] in BAD_LEVELS or up) \
            or all(part in HEIGHT_WORDS for part in parts):
        return ""  # 低/中/高: of a risk, 低 is best — the name's to say (``rules.lows_best``)
    if not actual or any(mark in actual for mark in _SCALE_MARKS) or actual not in parts:
        return ""
    if actual in BAD_LEVELS:
        return "N"
    return "A" if actual == parts[-1 if up else 0] else "P"


def _fraction_as_percent(bare: str, percent_side: str, *when: str) -> str:
    """``units.fraction_as_percent`` as a formula, applied ``when`` all hold."""
    near = f"OR({percent_side}>1,{bare}*10<{percent_side})"  # below a tenth of a small percent
    return f'IF(AND({",".join(when)},{bare}>=0,{bare}<=1,{near}),{bare}*100,{bare})'


def _bare_fraction(bare: str, other: str, bare_unit: str, other_unit: str, otherwise: str) -> str:
    """``units.is_bare_fraction`` as a formula: ``bare`` × 100 where both are written
    without a unit and it holds, else ``otherwise``."""
    holds = (f'AND({bare_unit}="",{other_unit}="",{bare}>0,{bare}<=1,{other}>=50,{other}<=100,'
             f'{other}<={bare}*200,{bare}*50<={other})')
    return f"IF({holds},{bare}*100,{otherwise})"


def _percent_format(ref: str) -> str:
    """Whether cell ``ref`` has a percent number format (0%, 0.00%): CELL gives "P0", "P2"
    in Excel, WPS and LibreOffice (LibreOffice's General is "F0", Excel's "G")."""
    return f'LEFT(CELL("format",{ref}),1)="P"'


def _clock_format(ref: str) -> str:
    """Whether cell ``ref`` has a time-of-day format (h:mm, h:mm:ss, with AM/PM or not):
    CELL gives "D6" to "D9" in Excel — 3:00 typed in a 完成值 is 0.125, which these formulas
    would read as 0.125 小时; they leave it to jixiao (``CLOCK_UNIT``), which reads 3小时.
    LibreOffice's CELL gives "G" (but for hh:mm): ``_lo_clock``."""
    codes = ",".join(f'CELL("format",{ref})="D{code}"' for code in range(6, 10))
    return f"OR({codes})"


def _lo_clock(ref: str) -> str:
    """Whether cell ``ref``'s number is a time in LibreOffice (``GENERAL_CELL``); never in
    Excel or WPS, whose CELL tells it (``_clock_format``). A number below 1 in a text-format
    cell (pasted as a value into the template's "@" 完成值) is taken as one too: ⚠, where
    Excel's formulas and ``row_values`` score it — the row to jixiao, never a wrong score."""
    return (f'AND(CELL("format",{ref})="G",CELL("format",{GENERAL_CELL})<>"G",'
            f'{ref}>=0,{ref}<1)')


def _date_number(ref: str, level2_cell: str) -> str:
    """Whether the number in cell ``ref`` is a date (``DATE_UNIT``): a date format, or a
    timeliness row's number in ``DATE_SERIALS`` (see ``is_date_number``)."""
    low, high = DATE_SERIALS
    return (f'OR(LEFT(CELL("format",{ref}),1)="D",AND(ISNUMBER(SEARCH("{TIMELINESS_WORD}",'
            f'{level2_cell})),{ref}>={low},{ref}<={high}))')


def is_date_number(value: Any, level2: Any, percent: bool = False) -> bool:
    """What ``_date_number`` says of a 指标值/完成值 ``value`` (openpyxl reads a date cell as
    a datetime) on a row of 二级指标 ``level2``."""
    if isinstance(value, datetime.date) and clock_duration(value) is None:
        return True
    low, high = DATE_SERIALS
    return _is_number(value) and not percent and isinstance(level2, str) \
        and TIMELINESS_WORD in level2 and low <= value <= high


def _on_load(ref: str) -> str:
    """"" — a formula holding CELL is recalculated whenever the file is opened (LibreOffice;
    Excel takes CELL as volatile), the cells reading it too, but not the cells it reads,
    whose stored empty results are a no-break space (xlsx.writeback.BLANK_RESULT). So the
    first cells of each chain (t_text, a_text, the 执行率) hold it: on opening, every
    computed cell is recalculated, none reads a stored blank."""
    return f'LEFT(CELL("format",{ref}),0)'


def _points(ref: str) -> str:
    """``rules.weight_points`` as a formula: a number in a percent-formatted cell in percent,
    another number as it is, a text plainly points (“10分”, “ 10 ”: ``rules.points_text``) as
    that number, another text or blank as its text ("" for blank, not 0)."""
    text = _amount_text(ref)
    bare = f'TRIM(IF(RIGHT({text},1)="分",LEFT({text},LEN({text})-1),{text}))'
    digits = ",".join(f'"{ch}"' for ch in "0123456789.")
    plain = (f'AND(LEN({bare})>0,{bare}<>".",'
             f'LEN({bare})-LEN(SUBSTITUTE({bare},".",""))<=1,'
             f'SUMPRODUCT(LEN({bare})-LEN(SUBSTITUTE({bare},{{{digits}}},"")))=LEN({bare}))')
    return (f'IF(ISNUMBER({ref}),IF({_percent_format(ref)},{_percent_number(ref)},{ref}),'
            f'IF({plain},VALUE({bare}),{ref}&""))')


def _fund_points(ref: str) -> str:
    """``rules.unlisted_execution_points`` as a formula: the 执行率's 分值 in points
    (``_points``), or — left blank or a placeholder under a rule set whose form lists none
    for it (四川: 90 + 10) — the rule set's share. Reads the rule set (``RULE_SET_NAME``)."""
    formula = _points(ref)
    for name, ruleset in RULE_SETS.items():
        if ruleset.unlisted_points is not None:
            formula = (f'IF(AND({RULE_SET_NAME}="{name}",{_placeholder(ref)}),'
                       f'{ruleset.unlisted_points:g},{formula})')
    return formula


def fund_points(weight: Any, rules_cell: Any, reads_rules: bool = True) -> Any:
    """What ``_fund_points`` gives for the money's 分值 ``weight`` (in points,
    ``weight_points``) under the rule set the 评分规则 cell (holding ``rules_cell``) names.
    An older native template (``reads_rules`` false: no ``RULE_SET_NAME``) takes it as is."""
    if not reads_rules:
        return weight
    return unlisted_execution_points(weight, rule_set_key(rules_cell) or None)


def _percent_number(ref: str) -> str:
    """``rules.percent_value`` as a formula: 1.05 typed as 105% → 105."""
    x = f"ROUND({ref}*100,10)"
    return (f'IF({x}=0,0,IF(OR(ABS({x})<1E-4,ABS({x})>=1E6),"",'
            f'ROUND({x},5-INT(LOG10(ABS({x}))))))')


# The whitespace REPLACEMENTS removes: a placeholder's cell is read without it.
_SPACES = tuple((old, new) for old, new in REPLACEMENTS if not old.strip())


def _placeholder_text(text: str) -> str:
    """``parsing.is_placeholder`` as a formula, of a text with no whitespace (``_SPACES``):
    TRUE when it is empty, only dashes and slashes (``PLACEHOLDER_MARKS``) or one of
    ``PLACEHOLDER_WORDS`` (= ignores case, as the reader does). A sum of comparisons, not
    OR: a range gives one answer per cell inside SUMPRODUCT."""
    marks = _substitute(text, tuple((mark, "") for mark in PLACEHOLDER_MARKS))
    words = "".join(f'+({text}="{word}")' for word in PLACEHOLDER_WORDS)
    return f'(({marks}="")' + words + ">0)"


def _placeholder(ref: str) -> str:
    """``_placeholder_text`` of a cell (or a range) as typed: a number is no placeholder."""
    return _placeholder_text(_substitute(f'{ref}&""', _SPACES))


def placeholder(ref: str) -> str:
    """``parsing.is_placeholder`` of a cell as a formula (empty, only dashes or slashes,
    无, N/A): the template's marks read a 偏差原因 by it (``template.highlights``)."""
    return _placeholder(ref)


def _unused_weight(ref: str) -> str:
    """A 分值 of an unused row (``unused_row``): a placeholder, or the number 0."""
    return f"({_placeholder(ref)}+ISNUMBER({ref})*({ref}=0)>0)"


def _band(level: str, end: int) -> str:
    """The low (``end`` 0) or high (1) share of 分值 a level allows, as a formula term:
    a number, or IF({ratio},…,…) where the two families differ."""
    linear = _LINEAR.bands[_BANDS[level]][end]
    ratio = RULE_SETS[_RATIO].bands[_BANDS[level]][end]
    return f"{linear:g}" if linear == ratio else f"IF({{ratio}},{ratio:g},{linear:g})"


def _share(level: str, end: int, ratio: bool) -> float:
    return (RULE_SETS[_RATIO] if ratio else _LINEAR).bands[_BANDS[level]][end]


def own_level2(row: int) -> str:
    """The row's own 二级指标 as a formula: the last non-empty cell of the 二级 column from
    the first indicator row down to the row (``layout.level2_range``), so a row copied
    into another block reads the block it sits in. LOOKUP(2,1/(…<>""),…) is computed
    without array entry by Excel, WPS and LibreOffice alike."""
    cells = level2_range(row)
    return f'LOOKUP(2,1/({cells}<>""),{cells})'


# The rule set the 评分规则 cell names, as ``rules.rule_name`` reads it: a defined name of
# the native template holding ``rule_set_formula`` (a formula, no cell), which every row reads.
RULE_SET_NAME = "JX_RuleSet"
UNKNOWN_RULES = "?"  # what it gives for words naming no rule set (浙江); "" for a blank cell
# What the reading drops (``parsing.compact_text`` drops every space): spaces, line breaks
_RULE_SPACES = REPLACEMENTS[:6]
# What makes ``rule_name``'s reading hang on the words around a rule word (ticked boxes,
# 不采用 …): the formula does not follow it there, and gives ``UNKNOWN_RULES``
_UNREAD = RULE_BOXES + RULE_NEGATIONS


def rule_set_formula(rules_cell: str) -> str:
    """``rules.rule_name`` as a formula over the 评分规则 cell: a rule set's own name at the
    start (``sichuan（四川）``), else a word of ``RULE_WORDS`` (四川, 比例法, 财预〔2020〕10号);
    "" for a blank cell (the default rules), ``UNKNOWN_RULES`` for anything else, a list
    naming more than one rule set as well. (Full-width letters, which ``rule_name`` reads
    as their ASCII twins, are not read, nor boxes and negations (□比例法 ☑财政部, 不采用
    比例法 — ``_UNREAD``): ⚠ there, never a wrong rule set.)"""
    as_text = f'{rules_cell}&""'
    text = f"LOWER({_substitute(as_text, _RULE_SPACES)})"
    named = "+".join(f'ISNUMBER(SEARCH("{name}",{text}))' for name in _NAMES)
    unread = "+".join(f'ISNUMBER(SEARCH("{mark}",{as_text}))' for mark in _UNREAD)
    formula = f'"{UNKNOWN_RULES}"'
    for word, name in reversed(RULE_WORDS):
        formula = f'IF(ISNUMBER(SEARCH("{word}",{text})),"{name}",{formula})'
    for name in reversed(_NAMES):
        formula = f'IF(LEFT({text},{len(name)})="{name}","{name}",{formula})'
    return f'IF({text}="","",IF(OR({named}>1,{unread}>0),"{UNKNOWN_RULES}",{formula}))'


def rule_set_key(value: Any) -> str:
    """What ``rule_set_formula`` gives for a 评分规则 cell holding ``value``."""
    text = plain_text(value)
    for old, new in _RULE_SPACES:
        text = text.replace(old, new)
    text = text.lower()
    if not text:
        return ""
    if sum(name in text for name in _NAMES) > 1 or any(mark in text for mark in _UNREAD):
        return UNKNOWN_RULES
    for name in _NAMES:
        if text.startswith(name):
            return name
    return next((name for word, name in RULE_WORDS if word in text), UNKNOWN_RULES)


def row_formulas(row: int, level2_cell: str, rule_set: str = RULE_SET_NAME) -> dict[str, str]:
    """Column letter → formula (with "=") of every computed cell of indicator row ``row``:
    the helpers, 得分 (H) and 是否达成 (K). ``rule_set``: where ``rule_set_formula`` is."""
    e, f, j = f"E{row}", f"F{row}", f"J{row}"
    h = {key: f"{column}{row}" for key, column in _HELPERS.items()}
    g = h["points"]  # the 分值 in points (10% typed is 10)
    rules = rule_set
    ratio = f'{rules}="{_RATIO}"'
    t_rest = f"MID({h['t_text']},LEN({h['op']})+1,500)"
    op = h["op"]
    durations = ",".join(f'{h["t_unit"]}="{unit}"' for unit in DURATION_UNITS)
    effective_op = (f'IF(AND({op}<>"",OR({op}<>"=",RIGHT({h["t_unit"]},1)="%")),{op},'
                    f'IF(OR(ISNUMBER(SEARCH("{COST_WORD}",{level2_cell})),'
                    f'AND(ISNUMBER(SEARCH("{TIMELINESS_WORD}",{level2_cell})),OR({durations}))),'
                    f'"{Direction.CEILING.value}","{Direction.GOAL.value}"))')
    e_raw, f_raw = (_substitute(f'{cell}&""', REPLACEMENTS[:_RAW_STEPS]) for cell in (e, f))
    e_text, f_text = (_end_marks_dropped(_substitute(raw, REPLACEMENTS[_RAW_STEPS:]), cell)
                      for cell, raw in ((e, h["t_raw"]), (f, h["a_raw"])))
    # a 完成值 below zero (-2%): its number read after the minus, negated (``_signed``)
    a_text = h["a_text"]
    negative = f'LEFT({a_text},1)="-"'
    a_rest = f"IF({negative},MID({a_text},2,500),{a_text})"
    formulas = {
        "points": _points(f"G{row}"),
        "t_raw": f'IF(ISNUMBER({e}),{_on_load(e)},{e_raw})',
        "t_text": f'IF(ISNUMBER({e}),{_on_load(e)},{e_text})',
        "op": (f'IF(LEFT({h["t_text"]},2)=">=",">=",IF(LEFT({h["t_text"]},2)="<=","<=",'
               f'IF(OR(LEFT({h["t_text"]},1)=">",LEFT({h["t_text"]},1)="<",'
               f'LEFT({h["t_text"]},1)="="),LEFT({h["t_text"]},1),"")))'),
        "t_unit": (f'IF(ISNUMBER({e}),IF({_percent_format(e)},"%",'
                   f'IF({_clock_format(e)},"{CLOCK_UNIT}",IF({_date_number(e, level2_cell)},'
                   f'"{DATE_UNIT}",IF({_lo_clock(e)},"{CLOCK_UNIT}","")))),{_strip_number(t_rest)})'),
        "t_num": (f'IF(ISNUMBER({e}),IF({_percent_format(e)},{_percent_number(e)},{e}),'
                  f'{_number_of(t_rest, h["t_unit"])})'),
        "a_raw": f'IF(ISNUMBER({f}),{_on_load(f)},{f_raw})',
        "a_text": f'IF(ISNUMBER({f}),{_on_load(f)},{f_text})',
        "a_unit": (f'IF(ISNUMBER({f}),IF({_percent_format(f)},"%",'
                   f'IF({_clock_format(f)},"{CLOCK_UNIT}",IF({_date_number(f, level2_cell)},'
                   f'"{DATE_UNIT}",IF({_lo_clock(f)},"{CLOCK_UNIT}","")))),{_strip_number(a_rest)})'),
        "a_num": (f'IF(ISNUMBER({f}),IF({_percent_format(f)},{_percent_number(f)},{f}),'
                  f'IFERROR(IF({negative},-1,1)*{_number_of(a_rest, h["a_unit"])},""))'),
        # a level written, or the one of a deadline and its date (``_date_level``)
        "level": (f'IF(ISNUMBER({f}),"",IF(OR({h["a_text"]}="达成",{h["a_text"]}="达成指标"),"A",'
                  f'IF(OR({h["a_text"]}="部分达成",{h["a_text"]}="部分达成指标"),"P",'
                  f'IF(OR({h["a_text"]}="未达成",{h["a_text"]}="未达成指标"),"N",'
                  f'IFERROR(IF({_date_text(h["a_text"])}<={_date_text(h["t_text"])},"A","P"),'
                  f'{_words_level(h["t_text"], h["a_text"])})'
                  f'))))'),
    }
    t_text, t_unit, t_num = h["t_text"], h["t_unit"], h["t_num"]
    a_unit, a_num, level = h["a_unit"], h["a_num"], h["level"]
    no_digits = f"LEN({_substitute(t_text, tuple((d, '') for d in _DIGITS))})=LEN({t_text})"
    qualitative_target = (f'AND(NOT(ISNUMBER({e})),{op}="",{no_digits},'
                          + f"NOT({_placeholder_text(t_text)}),"
                          + ",".join(f'ISERROR(SEARCH("{ch}",{t_text}))'
                                           for ch in "≠≯≮±年月日") + ")")
    # ≥良好: that level or better, a 定性 指标值 as 良好 is (``LEVELS_AT_LEAST``)
    level_target = "OR(" + ",".join(f'{t_text}="{word}"' for word in _AT_LEAST_TEXTS) + ")"
    qualitative_target = f"OR({qualitative_target},{level_target})"

    def unused_text(cell: str, text: str) -> str:  # the row's helper holds its text
        return f"AND(NOT(ISNUMBER({cell})),{_placeholder_text(text)})"

    # a level no word in the 完成值 states: the one of two dates (``_date_level``)
    dated_level = "AND(" + ",".join(f'{h["a_text"]}<>"{word}"' for word in _LEVELS) + ")"
    units_agree = (f'OR(EXACT({t_unit},{a_unit}),AND({t_unit}="%",{a_unit}=""),'
                   f'AND({t_unit}="",{a_unit}="%"),'
                   f'AND({a_unit}="",{_no_percent(t_unit)},NOT({_converted(t_unit)})),'
                   f'AND({t_unit}="",{_no_percent(a_unit)},NOT({_converted(a_unit)})),'
                   f'{_ten_thousands(t_unit, a_unit)},{_ten_thousands(a_unit, t_unit)})')
    per_period = ",".join([f'ISNUMBER(SEARCH("/",{t_unit}))',
                           *(f'EXACT({t_unit},"{unit}")' for unit in DURATION_UNITS)])
    same_dates = f'AND(EXACT({t_unit},{a_unit}),{_dated(t_unit)},NOT(OR({per_period})))'
    formulas["kind"] = (
        f'IF(AND({unused_text(e, t_text)},{unused_text(f, h["a_text"])},{_unused_weight(g)}),"",'
        f'IF({rules}="{UNKNOWN_RULES}","{WARN_RULES}",'
        f'IF(OR({g}="",NOT(ISNUMBER({g}))),"{WARN_WEIGHT}",IF({g}<0,"{WARN_WEIGHT}",'
        f'IF({e}="","{WARN_TARGET}",IF({f}="","{WARN_ACTUAL}",'
        f'IF(AND({j}<>"",NOT(ISNUMBER({j}))),"{WARN_JUDGED}",'
        f'IF(OR({t_unit}="{CLOCK_UNIT}",{a_unit}="{CLOCK_UNIT}",{t_unit}="{DATE_UNIT}",'
        f'{a_unit}="{DATE_UNIT}"),"{WARN_INPUT}",'
        f'IF({level}<>"",IF(OR({t_num}<>"",{qualitative_target},{dated_level}),"Q",'
        f'"{WARN_INPUT}"),'
        f'IF(AND({t_num}<>"",{a_num}<>""),IF(AND({units_agree},NOT({same_dates}),'
        f'NOT({_about(t_unit)}),NOT({_about(a_unit)})),"N",'
        f'IF({_units_conflict(t_unit, a_unit)},"{WARN_UNITS}","{WARN_INPUT}")),'
        f'"{WARN_INPUT}"))))))))))')
    numeric = f'{h["kind"]}<>"N"'
    formulas["eop"] = f'IF({numeric},"",{effective_op})'
    goal = _bare_fraction(t_num, a_num, t_unit, a_unit,
                          _fraction_as_percent(t_num, a_num, f'{t_unit}=""', f'{a_unit}="%"'))
    done = _bare_fraction(a_num, t_num, a_unit, t_unit,
                          _fraction_as_percent(a_num, t_num, f'{t_unit}="%"', f'{a_unit}=""'))
    scale = _TEN_THOUSAND[1]
    formulas["goal"] = (f'IF({numeric},"",IF({_ten_thousands(t_unit, a_unit)},{t_num}*{scale},'
                        f'{goal}))')
    formulas["done"] = (f'IF({numeric},"",IF({_ten_thousands(a_unit, t_unit)},{a_num}*{scale},'
                        f'{done}))')  # (−2%: counts as 0 in the share only)
    eop, goal, done = h["eop"], h["goal"], h["done"]
    formulas["at"] = (f'IF({numeric},"",IF(ABS({done}-{goal})<=1E-9*MAX(ABS({done}),'
                      f'ABS({goal})),"是","否"))')
    at = f'{h["at"]}="是"'
    formulas["share"] = (
        f'IF({numeric},"",'
        f'IF(AND(OR({eop}=">",{eop}="<"),{at}),{_STRICT:g},'
        f'IF(AND({eop}="=",{goal}=0),IF({done}<=0,1,0),'
        f'IF(OR({eop}=">=",{eop}=">",{eop}="="),'
        f'IF(OR({done}>={goal},{at}),1,IF({goal}<=0,"{_MISSED_AT_ZERO}",{done}/{goal})),'
        f'IF(OR({done}<={goal},{at}),1,IF({goal}<=0,0,'
        f'IF({ratio},{goal}/{done},IF({done}>=2*{goal},0,1-({done}-{goal})/{goal}))))))))')
    formulas["met"] = (
        f'IF({h["kind"]}="Q",IF({level}="A","是","否"),IF({numeric},"",'
        f'IF(AND(OR({eop}=">",{eop}="<"),{at}),"否",'
        f'IF(OR({eop}=">=",{eop}=">"),IF(OR({at},{done}>{goal}),"是","否"),'
        f'IF({eop}="=",IF({goal}=0,IF({done}<=0,"是","否"),IF(OR({at},{done}>{goal}),"是","否")),'
        f'IF(OR({at},{done}<{goal}),"是","否"))))))')
    # ROUND(…,10) first: binary noise of a subtraction (1−(7.65−4)÷4) off a tie, as
    # rules.formula_points computes the share in decimal; no written score has 10 decimals
    value = f"ROUND(MIN({g},MAX(0,ROUND({g}*{h['share']},10))),2)"
    numeric = (f'IF(AND({h["met"]}="否",{g}>0,{value}>=ROUND({g},2)),'
               f'ROUND(MAX(0,ROUND({g},2)-{SCORE_STEP:g}),2),{value})')
    low, high = (f'IF({level}="A",{_band("A", end)},IF({level}="P",{_band("P", end)},'
                  f'{_band("N", end)}))'.replace("{ratio}", ratio) for end in (0, 1))
    lo, hi = f"ROUND({g}*{low},2)", f"ROUND({g}*{high},2)"
    band = f'{lo}&"–"&{hi}'  # General, as rules.band_text writes it: 3–4, 6.5–8
    # the 人工评分 judged as kept, to 2 decimals, as rules._qualitative judges it (8.004 is 8)
    kept = f"ROUND({j},2)"
    qualitative = (f'IF({j}="",IF({level}="A",ROUND({g},2),"⚠ 请在人工评分列填写 "&{band}&" 分"),'
                   f'IF(AND({kept}>={lo},{kept}<={hi}),{kept},"⚠ 人工评分应在 "&{band}&" 分之间"))')
    numeric = f'IF({h["share"]}="{_MISSED_AT_ZERO}",{qualitative},{numeric})'
    score = (f'IF({h["kind"]}="","",IF({h["kind"]}="N",{numeric},'
             f'IF({h["kind"]}="Q",{qualitative},{h["kind"]})))')
    met = f'IF(OR({h["kind"]}="",AND({e}="",{f}="")),"",IF({h["met"]}="","未知",{h["met"]}))'
    out = {_HELPERS[key]: f"={text}" for key, text in formulas.items()}
    out["H"], out["K"] = f"={score}", f"={met}"
    return out


# ---------------------------------------------------------------- the same, in Python

def _blank(value: Any) -> bool:
    return value is None or value == ""


is_blank = _blank  # a cell the formulas take for empty (check's mirror of I6 asks too)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _is_placeholder(value: Any) -> bool:
    """What ``_placeholder`` gives: ``parsing.is_placeholder`` as the formulas write it
    (the whitespace of ``_SPACES`` removed; full-width forms only among ``PLACEHOLDER_MARKS``)."""
    if _is_number(value):
        return False
    text = plain_text(value)
    for old, new in _SPACES:
        text = text.replace(old, new)
    return not text.strip(PLACEHOLDER_MARKS) or text.upper() in PLACEHOLDER_WORDS


def unused_row(target: Any, actual: Any, weight: Any) -> bool:
    """A row left unused, as the native formulas tell it (``cellfuncs.unused_row``, the
    reader's): 指标值, 完成值 and 分值 (in points) blank or a placeholder, or the 分值 0."""
    return _is_placeholder(target) and _is_placeholder(actual) \
        and (_is_placeholder(weight) or (_is_number(weight) and weight == 0))


def _normalised(value: Any, steps: tuple[tuple[str, str], ...] = REPLACEMENTS) -> str:
    text = plain_text(value)
    for old, new in steps:
        text = text.replace(old, new)
    return text


def _raw(value: Any) -> str:
    """What t_raw/a_raw show of a 指标值/完成值: "" for a number (``_on_load``), else the
    first ``_RAW_STEPS`` of ``REPLACEMENTS`` done (``_normalised`` does all of them)."""
    if _is_number(value) or isinstance(value, (datetime.date, datetime.time, datetime.timedelta)):
        return ""
    return _normalised(value, REPLACEMENTS[:_RAW_STEPS])


_FULL_WIDTH_RUN = re.compile("[" + "".join(wide for wide, _ in FULL_WIDTH_DIGITS) + "]+")


def full_width_number(value: Any) -> tuple[str, str] | None:
    """The first run of full-width digits and points in a 指标值/完成值 (≥３０处: "３０") and
    its half-width twin ("30"), which these formulas read since rt34 and older ones did not;
    None where there is none (a number cell has none)."""
    found = None if _is_number(value) else _FULL_WIDTH_RUN.search(plain_text(value))
    if found is None:
        return None
    return found.group(0), found.group(0).translate(FULL_WIDTH_NUMBER)


def _unit(text: str) -> str:
    return "".join(ch for ch in text if ch not in _NUMBER_CHARS)


def _number(rest: str, unit: str) -> float | str:
    if not (len(rest) > len(unit) and rest.endswith(unit)):
        return ""
    body = rest[:len(rest) - len(unit)]
    if point_grouped_count(body, unit):
        return ""  # 1.200人: 1200 or a slip, for jixiao to ask
    if body.count(".") > 1 or body.startswith(".") or body.endswith(".") or body.startswith(","):
        return ""
    commas, end = body.count(","), body.find(".") if "." in body else len(body)
    padded = " " * _PADDING + body
    if sum(padded[_PADDING + end - 4 * k] == "," for k in range(1, _GROUPS + 1) if k <= commas) \
            != commas:
        return ""
    try:
        return float(body.replace(",", ""))
    except ValueError:
        return ""


def _dated_unit(unit: str) -> bool:
    """A unit naming a date (12月底前, 年底): its number is no amount to compare, even when
    both sides write it. A rate per period (元/人*月, 次/年) and a duration (个月, 个工作日)
    are amounts: the same unit on both sides compares by number, as the rules do."""
    return any(ch in unit for ch in _DATE_CHARS) and not (
        "/" in unit or unit in DURATION_UNITS)


def _is_about(unit: str) -> bool:
    """A unit the formulas cut from a number given about (1000人左右: 人左右, 90%上下): the
    number is a 约数, a 指标值 jixiao scores as that number and a 完成值 it asks about
    (``parsing.about_number``), so the formulas leave the row to it."""
    return any(tail in unit for tail in ABOUT_TAILS)


def _is_converted(unit: str) -> bool:
    return unit.startswith(_CONVERTED_STARTS) or unit.lower() in _CONVERTED_UNITS \
        or any(ch in unit for ch in _DATE_CHARS)


def clock_number(value: Any) -> Any:
    """A 指标值/完成值 in a time cell (``parsing.clock_duration``) as an older template's
    formulas read it in LibreOffice: its CELL("format") gives "G" for a time format, so they
    scored the row from the cell's number (3:00 is 0.125 — 0.125 小时 against ≤2小时) where
    Excel shows ``WARN_INPUT`` (CELL gives "D9"); today's show it too (``_lo_clock``).
    Anything else as it is."""
    seconds = clock_seconds(value)
    return value if seconds is None else seconds / 86400


def row_values(target: Any, actual: Any, weight: Any, rules_name: Any = None,
               judged: Any = None, level2: Any = None, target_percent: bool = False,
               actual_percent: bool = False, weight_percent: bool = False) -> dict[str, Any]:
    """What the native formulas of a row show: helper key → value, plus "score", "met".
    ``target_percent``, ``actual_percent``, ``weight_percent``: the number in that cell has
    a percent format (105% typed: 1.05, read as 105 %, whatever its size)."""
    weight = weight_points(weight, weight_percent)
    values: dict[str, Any] = {"points": weight}
    rules = rule_set_key(rules_name)
    if clock_duration(target) is not None:  # a time cell, as openpyxl reads it
        t_text, op, t_unit, t_num = "", "", CLOCK_UNIT, ""
    elif is_date_number(target, level2, target_percent):
        t_text, op, t_unit, t_num = "", "", DATE_UNIT, ""
    elif _is_number(target) and target_percent:
        t_text, op, t_unit, t_num = "", "", "%", percent_value(target)
    elif isinstance(target, (int, float)) and not isinstance(target, bool):
        t_text, op, t_unit, t_num = "", "", "", float(target)
    else:
        t_text = end_marks_dropped(_normalised(target), target)
        op = next((symbol for symbol in (">=", "<=") if t_text.startswith(symbol)),
                  t_text[:1] if t_text[:1] in (">", "<", "=") else "")
        rest = t_text[len(op):]
        t_unit = _unit(rest)
        t_num = _number(rest, t_unit)
    if clock_duration(actual) is not None:
        a_text, a_unit, a_num, level = "", CLOCK_UNIT, "", ""
    elif is_date_number(actual, level2, actual_percent):
        a_text, a_unit, a_num, level = "", DATE_UNIT, "", ""
    elif _is_number(actual):
        a_text, a_unit, level = "", "%" if actual_percent else "", ""
        a_num = percent_value(actual) if actual_percent else float(actual)
    else:
        a_text = end_marks_dropped(_normalised(actual), actual)
        negative = a_text.startswith("-")  # -2%: below zero, which the rules take as 0
        a_rest = a_text[1:] if negative else a_text
        a_unit = _unit(a_rest)
        a_num = _number(a_rest, a_unit)
        if negative and a_num != "":
            a_num = 0.0 - a_num
        level = _LEVELS.get(a_text, "") or _date_level(t_text, a_text) \
            or words_level(t_text, a_text)
    values.update(t_raw=_raw(target), a_raw=_raw(actual), t_text=t_text, op=op, t_unit=t_unit, t_num=t_num, a_text=a_text,
                  a_unit=a_unit, a_num=a_num, level=level)

    def qualitative_target() -> bool:
        return (not _is_number(target) and op == "" and not any(d in t_text for d in _DIGITS)
                and not _is_placeholder(t_text)
                and not any(ch in t_text for ch in "≠≯≮±年月日")) or t_text in _AT_LEAST_TEXTS

    if unused_row(target, actual, weight):
        kind = ""
    elif rules == UNKNOWN_RULES:
        kind = WARN_RULES
    elif not _is_number(weight) or weight < 0:
        kind = WARN_WEIGHT
    elif _blank(target):
        kind = WARN_TARGET
    elif _blank(actual):
        kind = WARN_ACTUAL
    elif not _blank(judged) and not _is_number(judged):
        kind = WARN_JUDGED
    elif CLOCK_UNIT in (t_unit, a_unit) or DATE_UNIT in (t_unit, a_unit):
        kind = WARN_INPUT
    elif level:
        kind = "Q" if (t_num != "" or qualitative_target() or a_text not in _LEVELS) \
            else WARN_INPUT
    elif t_num != "" and a_num != "":
        agree = (t_unit == a_unit or (t_unit == "%" and a_unit == "")
                 or (t_unit == "" and a_unit == "%")
                 or (a_unit == "" and "%" not in t_unit and not _is_converted(t_unit))
                 or (t_unit == "" and "%" not in a_unit and not _is_converted(a_unit))
                 or ten_thousands(t_unit, a_unit) or ten_thousands(a_unit, t_unit))
        same_dates = t_unit == a_unit and _dated_unit(t_unit)
        about = _is_about(t_unit) or _is_about(a_unit)  # 1000人左右: jixiao reads the 约数
        kind = "N" if agree and not same_dates and not about \
            else WARN_UNITS if units_conflict(t_unit, a_unit) else WARN_INPUT
    else:
        kind = WARN_INPUT
    values["kind"] = kind
    ratio = rules == _RATIO
    values.update(eop="", goal="", done="", at="", share="", met="")
    if kind == "N":
        goal = fraction_as_percent(float(t_num), float(a_num)) if (t_unit, a_unit) == ("", "%") \
            else float(t_num)
        done = fraction_as_percent(float(a_num), float(t_num)) if (t_unit, a_unit) == ("%", "") \
            else float(a_num)
        if t_unit == a_unit == "":  # ≥90 beside 0.95
            goal, done = (float(t_num) * 100 if is_bare_fraction(float(t_num), float(a_num))
                          else goal,
                          float(a_num) * 100 if is_bare_fraction(float(a_num), float(t_num))
                          else done)
        if ten_thousands(t_unit, a_unit):  # ≥1.2万人 beside 11800人
            goal = float(t_num) * _TEN_THOUSAND[1]
        if ten_thousands(a_unit, t_unit):
            done = float(a_num) * _TEN_THOUSAND[1]
        effective = scored_op(op or None, unit_direction(level2, t_unit).value, t_unit)
        at = abs(done - goal) <= 1e-9 * max(abs(done), abs(goal))
        share, met = _share_and_met(effective, goal, done, at, ratio)
        values.update(eop=effective, goal=goal, done=done, at="是" if at else "否", share=share,
                      met=met)
    elif kind == "Q":
        values["met"] = "是" if level == "A" else "否"
    values["score"] = _score(kind, values["share"], values["met"], level, weight, judged, ratio)
    values["met_shown"] = "" if kind == "" or (_blank(target) and _blank(actual)) \
        else (values["met"] or "未知")
    return values


def units_differ(target: Any, actual: Any) -> tuple[str, str, float | None] | None:
    """(指标值's unit, 完成值's unit, the 完成值 in the 指标值's unit where a scale tells it)
    when the formulas leave a row to jixiao (WARN_INPUT) only because the two sides write a
    number in different units (≥3.2万人 beside 33500人: 3.35; ≥3.2万人 beside a bare 33500),
    or say the units cannot be compared (WARN_UNITS): writing both in one unit lets them score
    it. None for anything else they cannot read (words, dates, a unit beside the same unit as
    a date)."""
    values = row_values(target, actual, 1.0)
    t_unit, a_unit = values["t_unit"], values["a_unit"]
    if values["kind"] not in (WARN_INPUT, WARN_UNITS) or values["level"] or values["t_num"] == "" \
            or values["a_num"] == "" or t_unit == a_unit \
            or _dated_unit(t_unit) or _dated_unit(a_unit) \
            or t_unit.rstrip("".join(_END_MARKS)) == a_unit.rstrip("".join(_END_MARKS)) \
            or _is_about(t_unit) or _is_about(a_unit):
        return None  # (%。。。 beside %: more marks than the formulas drop, no other unit;
        # 96%左右: a 约数, no unit “%左右”)
    (t_scale, t_name), (a_scale, a_name) = split_unit(t_unit), split_unit(a_unit)
    converted = round(float(values["a_num"]) * a_scale / t_scale, 10) \
        if t_name == a_name and t_name not in ("", "%") else None
    return t_unit, a_unit, converted


def unread_sides(target: Any, actual: Any) -> tuple[bool, bool]:
    """(指标值 unread, 完成值 unread): which of a row's two cells the formulas find no number
    (nor, for the 完成值, a level) in when they leave it to jixiao (WARN_INPUT) — ≥50人
    beside “62人（其中脱贫户18人）” is the 完成值's, 以内3小时 beside 2小时 the 指标值's — or,
    for the 指标值, a number they would not score beside its own value (24小时以内 beside
    24小时以内: a unit they do not compare); for the 完成值, a figure told with a range word
    after it (96%以上: ``told_as_bound``). (False, False) for a row they score, or leave
    for their two readings disagreeing (units: ``units_differ``)."""
    values = row_values(target, actual, 1.0)
    if values["kind"] != WARN_INPUT:
        return False, False
    t_num = values["t_num"]
    own = "" if t_num == "" else format(t_num, "f").rstrip("0").rstrip(".") + values["t_unit"]
    return t_num == "" or row_values(target, own, 1.0)["kind"] == WARN_INPUT, \
        (values["a_num"] == "" and not values["level"]) or told_as_bound(actual)


def told_as_bound(actual: Any) -> bool:
    """A 完成值 whose number the formulas read but the reader reads with a bound after it
    (96%以上, 500册以上, 4%以内: a unit “%以上” to the formulas, which they leave to jixiao):
    the figure alone is what they score (``parsing.range_word_after``); or given about
    (96%左右, which jixiao scores where it is far from the 指标值: ``rules.about_settled``),
    the exact figure."""
    if not isinstance(actual, str):
        return False
    measure = parse_measure(actual)
    return range_word_after(measure) is not None or about_number(measure) is not None


def unread_date(target: Any, actual: Any, level2: Any = None
                ) -> tuple[str, datetime.date | None] | None:
    """Of a deadline row the formulas leave to jixiao (WARN_INPUT): the side they read no
    date in (``date_text``) — "target", else "actual" (2024年8月31日前 they read, beside a date
    typed into a date cell or 按时完成) — and the date that cell holds, to be written as
    text (“2024年8月25日”), None where it holds none. None for a row they score, or whose
    two dates they read."""
    values = row_values(target, actual, 1.0, level2=level2)
    if values["kind"] != WARN_INPUT:
        return None
    for side, value, text in (("target", target, values["t_text"]),
                              ("actual", actual, values["a_text"])):
        if not text or date_text(text) is None:
            typed = value if isinstance(value, datetime.date) \
                and clock_duration(value) is None else None
            return side, typed.date() if isinstance(typed, datetime.datetime) else typed
    return None


# What to do with a 定性 row's 完成值 the formulas cannot read (``level_wanted``): the
# template's 完成值 dropdown offers the levels the formulas score.
_LEVEL_WORDS = tuple(LEVEL_NAMES.values())
CHOOSE_LEVEL = f"在完成值的下拉框中选择{'、'.join(_LEVEL_WORDS[:-1])}或{_LEVEL_WORDS[-1]}"


def level_wanted(target: Any, actual: Any) -> bool:
    """Whether the formulas leave a row to jixiao (WARN_INPUT) because its 完成值 is no
    level beside a 定性 指标值 (已建立 beside 建立, 有所改善 beside 明显改善): with 达成,
    部分达成 or 未达成 there (``CHOOSE_LEVEL``) they score it. False for a number 指标值
    (≥95% beside 已完成: the 完成值 to write is a number), one in numerals too, which the
    formulas find no digit in (九十五%以上, 九成: jixiao reads a number), and anything else."""
    values = row_values(target, actual, 1.0)
    return values["kind"] == WARN_INPUT and values["t_num"] == "" \
        and row_values(target, LEVEL_NAMES["achieved"], 1.0)["kind"] == "Q" \
        and level_at_least(parse_measure(target)).kind == "qualitative"


def _share_and_met(op: str, goal: float, done: float, at: bool, ratio: bool
                   ) -> tuple[float | str, str]:
    yes_no: Callable[[bool], str] = lambda flag: "是" if flag else "否"  # noqa: E731
    if op in (">", "<") and at:
        return _STRICT, "否"
    if op == "=" and goal == 0:
        share = 1.0 if done <= 0 else 0.0
    elif op in (">=", ">", "="):
        share = 1.0 if (done >= goal or at) else _MISSED_AT_ZERO if goal <= 0 else done / goal
    elif done <= goal or at:
        share = 1.0
    elif goal <= 0:
        share = 0.0
    elif ratio:
        share = goal / done
    else:
        share = 0.0 if done >= 2 * goal else 1 - (done - goal) / goal
    if op in (">=", ">"):
        met = yes_no(at or done > goal)
    elif op == "=":
        met = yes_no(done <= 0) if goal == 0 else yes_no(at or done > goal)
    else:
        met = yes_no(at or done < goal)
    return share, met


def _score(kind: str, share: Any, met: str, level: str, weight: Any, judged: Any,
           ratio: bool) -> Any:
    if kind == "":
        return ""
    if kind == "N" and share == _MISSED_AT_ZERO:
        kind, level = "Q", "N"  # scored in the 未达成 band, with the 人工评分 column
    if kind == "N":
        value = round2(min(weight, max(0.0, round(weight * share, 10))))  # as the formula
        if met == "否" and weight > 0 and value >= round2(weight):
            return round2(max(0.0, round2(weight) - SCORE_STEP))
        return value
    if kind != "Q":
        return kind
    low, high = _share(level, 0, ratio), _share(level, 1, ratio)
    lo, hi = round2(weight * low), round2(weight * high)
    band = band_text(lo, hi)
    if _blank(judged):
        return round2(weight) if level == "A" else f"⚠ 请在人工评分列填写 {band} 分"
    if lo <= round2(judged) <= hi:
        return round2(judged)
    return f"⚠ 人工评分应在 {band} 分之间"


__all__ = ["HELPER_COLUMNS", "HELPER_KEYS", "WARN_INPUT", "WARN_UNITS", "clock_number", "row_formulas",
           "row_values", "units_differ"]


# ---------------------------------------------------------------- the whole form

WARN_MONEY = "⚠ 预算数须大于 0，执行数须为不小于 0 的数"
WARN_TOTAL = "⚠ 有得分未能计算，总分无法合计"
# A 执行率 typed as text over its formula (“95.5%”): no rate these formulas compute with —
# shown as a warning of the 执行率得分 (the 总分 then shows none), not passed on as a score
RATE_TEXT = ("⚠ 执行率“", "”是文字，不能计算执行率得分")
WARN_MONEY_BLANK = f"⚠ {MONEY_BLANK}"
MARKER_NAME = "JX_Formulas"  # a defined name: "native" in a native template


def money_formulas(fund_rows: tuple[int, ...], first: int, total_row: int,
                   grade_row: int) -> dict[str, str]:
    """Cell → formula of the 执行率, 执行率得分, 分值合计, 总分 and 评分等级 cells; the
    indicator rows are those from ``first`` down to the row above ``total_row``."""
    out = {}
    for row in fund_rows:
        e, f = f"E{row}", f"F{row}"
        # 0 and 0: an unused 其中 line shows 0.00 %; on the 年度资金总额 line no rate
        # (jixiao check: 全年预算数为 0, JX307), so no 执行率得分 and no 总分
        unused = "0" if row != fund_rows[0] else f'"{WARN_MONEY}"'
        # "1,234.56" pasted as text is 1234.56 (rules.text_number): once checked to be
        # a number, each amount is read the short way (the formula stays below 8192)
        a, b = _amount_value(e), _amount_value(f)
        not_e, not_f = _not_number(BUDGET_NAME, e), _not_number(EXECUTED_NAME, f)
        missing_e, missing_f = (f'"⚠ {AMOUNT_MISSING.format(what=what)}"'
                                for what in (BUDGET_NAME, EXECUTED_NAME))
        # each cell read once, as text 0, blank 1 (or marked unused) or number 2: the
        # long tests appear once each, in the order rules.template_amounts reports them
        out[f"H{row}"] = (
            f'=CHOOSE(3*{_amount_kind(e)}+{_amount_kind(f)}+1,{not_e},{not_e},{not_e},'
            f'{not_f},{_on_load(e)},{missing_e},{not_f},{missing_f},'
            f'IF(AND({a}=0,{b}=0),{unused},IF(AND({a}>0,{b}>=0),{b}/{a},"{WARN_MONEY}")))')
    top = fund_rows[0]
    # 10% typed is 10 points; under 四川 a 分值 left blank or “—” is the rule set's 10 —
    # worked out once, in the row's hidden points helper (the formulas reading it stay short)
    helper = _FUND_POINTS if top == FUND_ROWS[0] else f"{_HELPERS['points']}{top}"
    out[helper] = f"={_fund_points(f'G{top}')}"
    rate, weight = f"H{top}", helper
    # a rate that cannot be computed shows again as the 执行率得分, so the 总分 shows ⚠
    # (a 分值 left blank or “—”, the rules giving none: no 执行率得分, “—”, as JX_EXEC_SCORE)
    out[f"I{top}"] = (f'=IF(AND(NOT(ISNUMBER({weight})),{_placeholder(f"G{top}")}),'
                      f'"{NOT_SCORED}",IF({rate}="","",IF(NOT(ISNUMBER({rate})),'
                      f'IF(LEFT({rate},1)="⚠",{rate},"{RATE_TEXT[0]}"&{rate}&"{RATE_TEXT[1]}"),'
                      f'IF(AND(ISNUMBER({weight}),{weight}>=0),'
                      f'ROUND(MIN({weight},MAX(0,{weight}*{rate})),2),"{WARN_WEIGHT}"))))')
    def rows(column: str) -> str:  # down to the row above the 总分: a row inserted there counts
        return above_total(column, first)

    scores = rows("H")
    points = _HELPERS["points"]  # the 分值 as points, row by row (SUM skips a text)
    out[f"G{total_row}"] = (f"=ROUND(SUM(IF(ISNUMBER({weight}),{weight},0),"
                            f"{rows(points)}),2)")
    # a row with inputs but no score: its formulas copied only in part (H without M:AD)
    # (an unused row, its inputs blank or placeholders, has no score: ``unused_row``)
    inputs = tuple(rows(column) for column in "EFG")
    unscored = (f'SUMPRODUCT((1-{_placeholder(inputs[0])}*{_placeholder(inputs[1])}'
                f'*{_unused_weight(inputs[2])})*({scores}&""=""))')
    out[f"H{total_row}"] = (f'=IF(COUNTIF({scores},"⚠*")+COUNTIF(I{top},"⚠*")+{unscored}>0,'
                            f'"{WARN_TOTAL}",'
                            f'IF(COUNT(I{top},{scores})=0,"",'
                            f'IF(AND(TRIM(I{top}&"")="",COUNT({scores})>0),"{WARN_MONEY_BLANK}",'
                            f'ROUND(SUM(I{top},{scores}),2))))')
    total, weights = f"H{total_row}", f"G{total_row}"
    before, after = UNGRADED.split("{total}")  # rules.ungraded: no grade unless they total 100
    out[f"H{grade_row}"] = (f'=IF(ISNUMBER({total}),IF(ABS({weights}-100)>{TOLERANCE:g},'
                            f'"⚠ {before}"&{weights}&"{after}",'
                            f'{_grade_formula(f"ROUND({total},2)")}),"")')
    return out


def template_formulas(last_row: int = LAST_ROW) -> dict[str, str]:
    """Cell → formula (with "=") of every computed cell of today's native template whose
    last indicator row is ``last_row`` (``layout.Form``): what ``jixiao new`` and ``jixiao
    convert`` write, and what ``older_formulas`` compares a file's with."""
    formulas = {f"{column}{row}": formula for row in range(FIRST_ROW, last_row + 1)
                for column, formula in row_formulas(row, own_level2(row)).items()}
    formulas.update(money_formulas(FUND_ROWS, FIRST_ROW, last_row + 1, last_row + 2))
    return formulas


def older_formulas(formula: Callable[[str], str | None], last_row: int = LAST_ROW) -> list[str]:
    """The cells of a native template (``formula(ref)``: a cell's formula text without "=",
    None for a cell holding none) whose formula is not today's (``template_formulas``):
    an older jixiao's, which ``native_results`` does not compute — a row's helpers AC:AD
    (``RAW_COLUMNS``, since rt34) missing, or a formula's text other than today's but for
    how a spreadsheet program writes the same formula back (``same_formula``). A cell
    holding no formula (a value typed over it), or a shared formula's follower (no text
    of its own), is not compared: rows inserted or deleted are told apart by recalc."""
    older = []
    for ref, today in template_formulas(last_row).items():
        text = formula(ref)
        if text is None:
            if ref.rstrip("0123456789") in RAW_COLUMNS and formula(f"M{_row(ref)}") is not None:
                older.append(ref)
        elif text and not same_formula(text, today.removeprefix("=")):
            older.append(ref)
    return sorted(older, key=lambda ref: (_row(ref), len(ref), ref))


def _row(ref: str) -> int:
    return int(ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))


# What a spreadsheet program may change writing a formula back (LibreOffice writes 1E-4 as
# 0.0001 and FALSE as FALSE(); case, spaces, a quoted sheet name, the _xlfn. prefix),
# outside its text literals
_LOGICAL_CALL = re.compile(r"(?<![A-Z0-9_.])(TRUE|FALSE)\(\)")
_QUOTED_SHEET = re.compile(r"'((?:[^']|'')+)'!")
_FUTURE_PREFIX = re.compile(r"_XL(?:FN|WS)\.")
_NUMBER = re.compile(r"(?<![A-Z0-9_.$])(?:\d+\.?\d*|\.\d+)(?:E[+-]?\d+)?(?![A-Z0-9_.(])")


def same_formula(one: str, other: str) -> bool:
    """Whether two formula texts are the same formula as a spreadsheet program writes it
    back (``_QUOTED_SHEET``, ``_FUTURE_PREFIX``, ``_LOGICAL_CALL``, ``_NUMBER``: 1E-4 is
    0.0001, FALSE() is FALSE); the text
    literals ("…") compared as they are."""
    return _formula_key(one) == _formula_key(other)


def _formula_key(formula: str) -> tuple[str, ...]:
    pieces, at = [], 0
    for literal in _QUOTED.finditer(formula):
        pieces.extend((_code_key(formula[at:literal.start()]), literal.group(0)))
        at = literal.end()
    pieces.append(_code_key(formula[at:]))
    return tuple(pieces)


def _code_key(code: str) -> str:
    code = _QUOTED_SHEET.sub(lambda match: match.group(1).replace("''", "'") + "!", code)
    code = _FUTURE_PREFIX.sub("", "".join(code.split()).upper())
    code = _LOGICAL_CALL.sub(r"\1", code)
    return _NUMBER.sub(lambda match: repr(float(match.group(0))), code)


def reads_rule_set(formula: object) -> bool:
    """Whether a native template's row formula reads the 评分规则 through ``RULE_SET_NAME``
    (written since rt23); an older one takes only a rule set's exact name (``sichuan``),
    and shows ⚠ for 四川."""
    return not isinstance(formula, str) or RULE_SET_NAME.lower() in formula.lower() \
        or re.search(rf"(?<![A-Z$]){_FUND_POINTS}(?!\d)", formula.upper()) is not None
        # (the 执行率得分 reading the 执行率's points worked out in their helper, since rt27)


def _exact_rule_set(value: Any) -> str:
    """The rule set an older native template's formulas take from its 评分规则 cell:
    its exact name, any case, spaces trimmed; ``UNKNOWN_RULES`` for other words."""
    text = plain_text(value).strip().lower()
    return text if text in ("", *RULE_SETS) else UNKNOWN_RULES


def grades_weights(formula: object) -> bool:
    """Whether a native template's 评分等级 formula gives no grade where the 分值 do not
    total 100 (written since rt14); an older one grades any total."""
    return isinstance(formula, str) and NOT_GRADED in formula


def _amount(cell: str) -> str:
    """``rules.template_amount`` as a formula: the cell's number, or the number a text
    plainly is (``rules.text_number``: spaces trimmed, full-width digits, point and comma
    made ASCII by ASC, then only digits, dots and commas, read as ``_grouped``), else ""."""
    text = _amount_text(cell)
    digits = ",".join(f'"{ch}"' for ch in _NUMBER_CHARS)
    plain = (f'AND(LEN({text})>0,SUMPRODUCT(LEN({text})-LEN(SUBSTITUTE({text},{{{digits}}},"")))'
             f'=LEN({text}),{_grouped(text)})')
    return f'IF(ISNUMBER({cell}),{cell},IF({plain},VALUE(SUBSTITUTE({text},",","")),""))'


def _amount_kind(cell: str) -> str:
    """What a money cell holds, as ``rules.template_amount`` reads it: 2 a number
    (``_amount``), 1 blank or marked unused (``_amount_unused``), 0 any other text."""
    return f"(2*ISNUMBER({_amount(cell)})+{_amount_unused(cell)})"


def _amount_unused(cell: str) -> str:
    """``rules.marked_unused`` as a formula: the money cell's text (``_amount_text``, spaces
    removed) empty, only dashes and slashes (``PLACEHOLDER_MARKS``) or one of
    ``PLACEHOLDER_WORDS`` (MATCH ignores case). FALSE for a number."""
    text = f'SUBSTITUTE({_amount_text(cell)}," ","")'
    marks = _substitute(text, tuple((mark, "") for mark in PLACEHOLDER_MARKS))
    words = ",".join(f'"{word}"' for word in PLACEHOLDER_WORDS)
    return f"OR({marks}=\"\",ISNUMBER(MATCH({text},{{{words}}},0)))"


def _amount_text(cell: str) -> str:
    """A money cell's text as ``rules.text_number`` reads it: ``NUMBER_BLANKS`` as spaces
    (SUBSTITUTE: TRIM keeps a no-break space), ``NUMBER_INVISIBLE`` removed, spaces trimmed,
    full-width digits, point and comma made ASCII (ASC)."""
    pairs = (*((ch, " ") for ch in NUMBER_BLANKS), *((ch, "") for ch in NUMBER_INVISIBLE))
    as_text = f'{cell}&""'
    return f"ASC(TRIM({_substitute(as_text, pairs)}))"


def _amount_value(cell: str) -> str:
    """``_amount`` of a cell known to hold a number or a number's text: read directly."""
    return f'IF(ISNUMBER({cell}),{cell},VALUE(SUBSTITUTE({_amount_text(cell)},",","")))'


def _not_number(what: str, cell: str) -> str:
    """``rules.AMOUNT_NOT_NUMBER`` as a formula: the cell's text in the middle."""
    before, after = AMOUNT_NOT_NUMBER.format(what=what, value="\0").split("\0")
    return f'"⚠ {before}"&{cell}&"{after}"'


def _grade_formula(rounded: str) -> str:
    """``rules.grade`` as nested IFs, best grade first (IF(t>=90,优,IF(t>=80,良,…)))."""
    formula = f'"{GRADES[-1].name}"'
    for grade in reversed(GRADES[:-1]):
        formula = f'IF({rounded}>={grade.floor:g},"{grade.name}",{formula})'
    return formula


def money_values(funds: list[tuple[Any, Any]], weight: Any, scores: list[Any],
                 weights: list[Any], graded_by_weights: bool = True,
                 filled: list[bool] | None = None, typed_rate: Any = None) -> dict[str, Any]:
    """What ``money_formulas`` show: "rates" (one per fund line), "execution",
    "weight_total", "total", "grade" (``graded_by_weights`` False: as an older template's
    评分等级 formula, which grades a total whatever its 分值 total). ``filled``: per score,
    whether its row has a 指标值, 完成值 or 分值 (one without a score leaves no total).
    ``typed_rate``: the 年度资金总额's 执行率 typed over its formula, which the 执行率得分
    reads instead."""
    rates: list[Any] = []
    for line, (budget, executed) in enumerate(funds):
        try:
            amounts = template_amounts(budget, executed)
        except ScoreInputError as error:
            rates.append(f"⚠ {error}")
            continue
        if amounts is None:
            rates.append("")
        else:
            budget_value, executed_value = amounts
            unused = 0.0 if line else WARN_MONEY  # see money_formulas
            rates.append(unused if budget_value == 0 and executed_value == 0 else
                         executed_value / budget_value
                         if budget_value > 0 and executed_value >= 0 else WARN_MONEY)
    rate = rates[0] if typed_rate is None else typed_rate
    if not _is_number(weight) and is_placeholder(weight):
        execution: Any = NOT_SCORED  # 分值 left blank, the rules giving none
    elif rate == "":
        execution = ""
    elif not _is_number(rate):
        execution = rate if str(rate).startswith("⚠") else f"{RATE_TEXT[0]}{rate}{RATE_TEXT[1]}"
    elif _is_number(weight) and weight >= 0:
        execution = round2(min(weight, max(0.0, weight * rate)))
    else:
        execution = WARN_WEIGHT
    parts = [execution, *scores]
    weight_total = round2(sum(w for w in [weight, *weights] if _is_number(w)))
    unscored = any(row_filled and _blank(score)
                   for row_filled, score in zip(filled or [], scores, strict=False))
    if unscored or any(isinstance(part, str) and part.startswith("⚠") for part in parts):
        total: Any = WARN_TOTAL
    elif not any(_is_number(part) for part in parts):
        total = ""
    elif _blank(execution):
        total = WARN_MONEY_BLANK
    else:
        total = round2(sum(part for part in parts if _is_number(part)))
    grade = rules_grade(total) if _is_number(total) else ""
    note = ungraded(weight_total) if graded_by_weights else None
    if grade and note is not None:
        grade = f"⚠ {note}"
    return {"rates": rates, "execution": execution, "weight_total": weight_total,
            "total": total, "grade": grade}


def _own_level2(get: Callable[[str], Any], row: int) -> Any:
    """What ``own_level2(row)`` gives: the last non-empty 二级 cell at or above the row."""
    column = COLUMN["level2"]
    return next((value for value in (get(f"{column}{above}")
                                     for above in range(row, FIRST_ROW - 1, -1))
                 if not _blank(value)), None)


def native_results(get: Callable[[str], Any],
                   formula: Callable[[str], Any] | None = None,
                   percent: Callable[[str], bool] | None = None,
                   last_row: int = LAST_ROW) -> dict[str, Any]:
    """What a native template's formulas show (cell → value), from its inputs (``get(ref)``);
    ``formula(ref)``, where given, is a cell's formula text (an older template's 评分等级
    formula grades any total: ``grades_weights``); ``percent(ref)``, whether a cell has a
    percent number format (a 指标值/完成值 typed as 105%; none where not given);
    ``last_row``, the form's last indicator row, the 总分 and 评分等级 right below it (a
    form with more rows than the standard one: ``layout.Form``)."""
    in_percent = percent or (lambda _ref: False)
    c = COLUMN
    rules = get(NAME_RANGES["JX_Rules"].replace("$", ""))
    if formula is not None and not reads_rule_set(formula(f"{_HELPERS['kind']}{FIRST_ROW}")):
        rules = _exact_rule_set(rules)
    out: dict[str, Any] = {}
    scores, weights, filled = [], [], []
    total_row, grade_row = last_row + 1, last_row + 2
    for row in range(FIRST_ROW, last_row + 1):
        weight = weight_points(get(f"{c['weight']}{row}"), in_percent(f"{c['weight']}{row}"))
        target, actual = f"{c['target']}{row}", f"{c['actual']}{row}"
        shown = row_values(get(target), get(actual), weight, rules, get(f"{c['judged']}{row}"),
                           _own_level2(get, row),
                           in_percent(target), in_percent(actual))
        for key, column in zip(HELPER_KEYS, HELPER_COLUMNS, strict=True):
            out[f"{column}{row}"] = shown[key]
        out[f"{c['score']}{row}"], out[f"{c['met']}{row}"] = shown["score"], shown["met_shown"]
        scores.append(shown["score"])
        weights.append(weight)
        filled.append(not unused_row(get(target), get(actual), weight))
    fund_weight, fund_rate = f"G{FUND_ROWS[0]}", f"H{FUND_ROWS[0]}"
    typed_rate = get(fund_rate) if formula is not None and formula(fund_rate) is None \
        and not _blank(get(fund_rate)) else None  # typed over its formula: I6 reads it
    fund_points_value = fund_points(weight_points(get(fund_weight), in_percent(fund_weight)),
                                    get(NAME_RANGES["JX_Rules"].replace("$", "")),
                                    formula is None
                                    or reads_rule_set(formula(f"I{FUND_ROWS[0]}")))
    money = money_values([(get(f"E{row}"), get(f"F{row}")) for row in FUND_ROWS],
                         fund_points_value,
                                scores, weights,
                                formula is None or grades_weights(formula(f"H{grade_row}")),
                                filled, typed_rate)
    for row, rate in zip(FUND_ROWS, money["rates"], strict=True):
        out[f"H{row}"] = rate
    out[f"I{FUND_ROWS[0]}"] = money["execution"]
    out[_FUND_POINTS] = fund_points_value
    out[f"G{total_row}"], out[f"H{total_row}"] = money["weight_total"], money["total"]
    out[f"H{grade_row}"] = money["grade"]
    return out
