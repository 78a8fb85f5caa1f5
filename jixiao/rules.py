"""The scoring rules of docs/domain.md §2 — the only place they are written.

The xlwings UDFs, the headless recalculation and the validator all call these
functions. Scores are rounded half-up to 2 decimals, never exceed their 分值
and are never negative.

(Over 400 lines for one reason: this is the one home of every rule — directions, bands,
grades, execution, totals — so that no rule is written twice.)
"""

from __future__ import annotations

import functools
import math
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal, InvalidOperation, localcontext
from enum import Enum

from jixiao.errors import ScoreInputError, UnknownRuleSet
from jixiao.parsing import (
    DECLINE,
    FULL_WIDTH_NUMBER,
    INVISIBLE,
    LEVEL_NAMES,
    OPERATOR_SIGNS,
    RISE,
    Measure,
    ScoringStandard,
    about_number,
    about_problem,
    after_at_least,
    bare_no,
    bare_number,
    change_stated,
    changed_by,
    compact_text,
    damaged_at_least,
    floor_of_nothing,
    goes_over_goal,
    is_placeholder,
    more_than,
    normalize_text,
    opening_clause,
    overrun_by,
    parse_measure,
    qualitative_level,
    says_the_negation,
    states_bound,
    states_scoring_rule,
    with_fulfilment,
    written_as_bound,
)
from jixiao.units import (
    DAYS_A_MONTH,
    DAYS_A_MONTH_SAID,
    MONTH_DAYS,
    as_compared,
    comparable,
    fraction_as_percent,
    month_readings,
    unit_name,
    written,
)

DEFAULT_RULES = "mof2020"
SCORE_STEP = 0.01  # scores are shown with 2 decimals
# Two numbers shown with 2 decimals (分, 万元, %) are the same when they differ by less than
# half a step: the one tolerance of "equal as written" (a 总分 against its sum, 分值 against 100).
TOLERANCE = SCORE_STEP / 2
# The decimals a percent is read to: one computed in binary floating point (46.8 / 52 × 100
# = 89.99999999999999) is the 90 % written, as a percent-formatted cell's 0.9 is 90 %.
PERCENT_DECIMALS = 10
# How far a written 得分 may lie from the rules' with no finding: one step of the 2 decimals
# — the rules' 9.995 written 9.99 (an exact half cut off, or binary rounding), a share rounded
# before the points. One slack for every score: an indicator's (JX404) and the 执行率's (JX302).
SCORE_SLACK = SCORE_STEP
SHARES_SLACK = 0.01  # how far 权重 written as decimal shares may total from 1 (read.shares)
FULL_MARKS = 100.0  # 满分: the points of a whole table (执行率 and every indicator)
FAR_BEYOND = 1.5  # a 完成值 more than 50 % over its target: the target was set too low (JX206)


def rounding_tail(lines: int) -> float:
    """How far ``lines`` amounts shown with 2 decimals may add up from their total, shown
    so too, none of them wrong (尾差): each, and the total, is off its exact amount by at
    most half a step, so their sum by less than (lines + 1) half steps — ``lines // 2``
    whole steps (元 converted to 万元 line by line: 1,234,550 → 123.46 and 765,450 → 76.55
    add up to 200.01 for 2,000,000 → 200.00); one line, just ``TOLERANCE``."""
    return SCORE_STEP * (lines // 2) + TOLERANCE


def to_score_step(weight: float) -> bool:
    """Whether a 分值 is written to the 2 decimals a score is shown with (10, 3.5, 16.67),
    binary noise aside (0.1 × 300 = 30.000000000000004, a converter's 14.999999999: within
    ``_STEP_NOISE`` of 2 decimals): not =50/3's 16.666… nor 33.333, whose full marks, rounded
    as every score is, are more (16.67) or less (33.33) than the 分值 — a perfect table of
    three =50/3 totals 100.01 (JX111)."""
    return abs(weight - round(weight, 2)) < _STEP_NOISE


# How far off 2 decimals a 分值 may be and still be written to them: float noise from a
# converter or WPS (14.999999999), far below a third decimal (33.333)
_STEP_NOISE = 1e-6


# User documentation of the decisions the scoring rules make beyond docs/domain.md §2;
# docs/rules.md prints it (section 评分约定), the code below follows it.
SCORING_NOTES = """\
**严格目标恰好等于指标值**：指标值写作“＜ 24 小时”“＞ 90%”（小于、大于、低于、高于）的严格目标，
完成值恰好等于指标值（单位换算后相等，如 0.9 与 90%、967000 人与 96.7 万人）时**未达成**：
是否达成为“否”，得分按“部分达成”区间的上限计，即 mof2020、sichuan 和 ratio 规则下均为分值的 80%
（分值 5 得 4 分）。完成值超过（＞）或低于（＜）目标值时按原规则：达成得满分，否则按正向或反向
指标的公式计分。JX_SCORE、JX_MET、`jixiao recalc` 和各项检查都按此计算，所以未改动的模板不会
因为严格目标报错（JX402）。

**四舍五入到满分的未达成指标**：未达成的定量指标按公式计分后四舍五入到满分时（如指标值 ≥80%、
完成值 79.9%、分值 4：4 × 79.9 ÷ 80 = 3.995，四舍五入为 4.00），按公式保留两位小数的满分 4
符合规则，不报“未完成却得满分”（JX402）；jixiao 自己的约定是未达成不给满分、取分值减 0.01
（3.99 分，JX_SCORE、原生公式模板和 `jixiao recalc` 都这样计算），填 3.99 也不报错。
总分按填报的那一个计算；未填得分时按 3.99 计。

**区间指标值**：指标值写作区间（“95%-100%”“90～100”“≥90%且≤100%”）或上下浮动（“±5%”“≤±5%”，
即 −5% 到 5%）时，完成值在区间内（含两端）为达成，得满分（完成值也写作区间的，如指标值
“1-12月”、完成值“1月至12月”，两端都在区间内为达成）；在区间外为未达成，但计分规则没有规定
区间指标的扣分方法，jixiao 不给出得分（总分显示“—”），请人工复核；填报满分的会报“未完成却得满分”
（JX402）。原生公式模板不识别区间写法，这样的行显示 ⚠，请改用 JX_ 公式模板或人工评分。

**与上年相比**：指标值写与上年相比的变化（“不低于上年”“高于上年”“不高于上年”“低于上年”
“与上年持平”“较上年有所提高”），完成值也用文字写明与上年相比如何（“低于上年”“持平”“较上年
有所下降”，或“较上年下降2%”）时，按两者所说的变化比较：“高于上年”“持平”达到“不低于上年”，
“低于上年”没有达到；“持平”达不到“高于上年”。达到的得满分；没有达到的为“未达成”，按 0–60%
区间人工评分（ratio 规则 0–50%），填报满分的报“未完成却得满分”（JX402）。完成值写具体数值
（“98%”）的，“不低于上年”“高于上年”仍按增幅不低于（高于）0 读取。原生公式模板不识别这种写法，
这样的行显示 ⚠，请用 jixiao check 核对。

**等级选项作指标值**：定性指标的指标值写作等级选项（“优良中低差”“优/良/中/差”“好/较好/一般/差”
“好坏”）时，完成值写出其中一级：最高一级（优、好）为达成，得满分；最低端的等级（差、低、坏）为
未达成（按 0–60% 区间人工评分）；两者之间的等级（良、中、较好、一般）为部分达成（按 60–80%
区间人工评分）。完成值照抄等级选项（“好坏”→“好坏”）视为未填写结果，不给出得分。

**等级词的比较**：指标值和完成值写同一组等级中的一级时，按等级高低比较，不按字面是否含“好”
“满意”判断；两者前面的文字相同（“群众满意”→“群众较满意”“满意度高”→“满意度较高”）时比较其后的
等级词。质量等级（好、优、优秀＞良、良好、较好＞中、合格、一般＞差、较差、不合格）和高低（高＞
较高＞中＞较低＞低，成本指标除外）：完成值同级或更高为达成；低一级为部分达成（“好”→“较好”，
按 60–80% 区间人工评分）；再低或到“差”“不合格”“低”为未达成（按 0–60% 区间人工评分）。完成值是
指标值原词前加“较”“较为”“比较”的（“规范”→“较规范”“制度健全”→“制度较健全”），同样低一级，
为部分达成。变化或效果的程度由小到大为：有所（略有、有一定）＜只写变化本身或“有效”“切实”＜
较明显（较大）＜明显（显著、大幅）；指标值写出程度的，完成值的程度低于指标值的（“大幅提升”→“提升”
“有效降低”→“略有降低”）为部分达成，同级或更高为达成（“有效降低”→“降低”；“效果较好”不是程度，为
达成）；指标值只写变化本身的（“改善”“持续改善”“稳步提升”“逐步提高”“有所提升”“有效降低”），完成值写同一
方向的任何变化（“有所改善”“略有提升”），或写出同一方向变化的数值（“较上年提高3个百分点”“下降2%”
“改善3个百分点”），都为达成，写相反方向的为未达成；指标值要求明显的变化（“明显提升”“大幅提高”）而
完成值只写出数值的，是否足够由人判断（JX204）。“减轻”“缓解”是下降、“加重”“加剧”是上升（“逐步减轻”
→“有所减轻”达成，→“有所加重”未达成）。完成值
只写“一般”的与“效果一般”相同，为部分达成（等级标准和满意程度另按上述等级比较）。满意程度
（非常满意、很满意＞满意＞比较满意、较满意、基本满意＞一般＞不满意、不太满意）：完成值同级或更满意
为达成；低于指标值但高于“不满意”为部分达成（“满意”→“较满意”“一般”，“非常满意”→“满意”）；
“不满意”为未达成。指标值写作数值（“≥95%”）的满意度按数值计分，不受此影响。

**完成值为负数**：完成值为负数的按 0 计分（指标值“≥5%”、完成值“-2%”得 0 分），但是否达到
指标值按所写的数比较：指标值为 0 或负数的正向指标（“≥0%”“不低于0%”“＞0”“≥0万元”，以及读作增幅
不低于 0 的“不低于上年”“较上年增长≥0%”），完成值低于指标值（“-2%”）为**未达成**；分值 × 完成值
÷ 指标值 在指标值为 0 时没有意义，按“未达成”区间人工评分（mof2020 为分值的 0–60%，分值 20 得
0–12 分；ratio 0–50%），与“不低于上年”对“较上年下降2%”相同。填满分的报“未完成却得满分”（JX402）
和区间外（JX408）；填 0 分并说明原因的不报告。原生公式模板同样在人工评分列按此区间评分。
指标名称是下降、降幅的（“门诊次均费用较上年下降”“交通事故下降率”“养护成本降幅”“单位能耗降低率”），
完成值“-2.1%”是带符号写的降幅，按下降 2.1% 计（“≥0%”达成，“下降率≥5%”对“-6%”达成）；
增长率、“不低于上年”对负数照旧为未达成。原生公式模板不看名称，这样的行以 jixiao check 为准。
"""


@dataclass(frozen=True)
class RuleSet:
    """One published way of scoring.

    reverse: "linear" — 分值 × (1 − (actual − target)/target), 0 from 2×target;
             "ratio"  — 分值 × target / actual.
    bands: share of 分值 allowed for each qualitative level (low, high).
    reason_below_rate: 执行率 (%) under which a written reason is required.
    execution_unlisted: the form lists no 分值 for the 执行率 — its points are the rule
             set's share (``default_weights``), so a 分值 left blank or “—” is that share,
             not missing (``unlisted_execution_points``).
    """

    name: str
    title: str
    reverse: str
    bands: dict[str, tuple[float, float]]
    reason_below_rate: float | None = None
    # what a finding calls it (按财政部规则应为 8.95): the CLI name (mof2020) means nothing
    # to a clerk
    label: str = ""
    default_weights: dict[str, float] = field(default_factory=lambda: {
        "产出指标": 50.0, "效益指标": 30.0, "满意度指标": 10.0, "预算执行率": 10.0})
    execution_unlisted: bool = False

    @property
    def unlisted_points(self) -> float | None:
        """The points a 执行率 分值 left blank (or “—”) stands for: the rule set's share
        where its form lists none (``execution_unlisted``), else None (missing: JX106)."""
        return self.default_weights["预算执行率"] if self.execution_unlisted else None

    @property
    def rate_wanting_reason(self) -> float:
        """The 执行率 (%) under which its reason must be written: the rule set's
        ``reason_below_rate``, else 90 (JX306; the template's 执行率偏低原因说明)."""
        return self.reason_below_rate if self.reason_below_rate is not None else 90.0


_MOF_BANDS = {"achieved": (0.8, 1.0), "partial": (0.6, 0.8), "not": (0.0, 0.6)}
RULE_SETS: dict[str, RuleSet] = {
    "mof2020": RuleSet("mof2020", "财政部 财预〔2020〕10号，默认", "linear", _MOF_BANDS,
                       label="财政部规则"),
    "ratio": RuleSet("ratio", "比例法（部分市级表样）", "ratio",
                     {"achieved": (0.8, 1.0), "partial": (0.5, 0.8), "not": (0.0, 0.5)},
                     label="比例法规则"),
    # 四川's forms give the indicators 90 points with no split among the 一级 (published
    # tables weigh 产出/效益 60/30, 67.5/22.5 …): only the 执行率's 10 are prescribed
    "sichuan": RuleSet("sichuan", "四川省（执行率低于90%须说明原因）", "linear", _MOF_BANDS,
                       reason_below_rate=90.0, label="四川省规则", default_weights={"预算执行率": 10.0},
                       execution_unlisted=True),
}


def rule_set(name: str | RuleSet | None = None) -> RuleSet:
    """The RuleSet called ``name`` (default mof2020); accepts a RuleSet as is, and the
    words a 评分规则 cell may hold (``四川``, ``比例法``, ``财预〔2020〕10号``: ``rule_name``)."""
    if isinstance(name, RuleSet):
        return name
    key = (name or DEFAULT_RULES).strip().lower()
    if key not in RULE_SETS:
        key = rule_name(key) or key
    if key not in RULE_SETS:
        known = "、".join(RULE_SETS)
        raise UnknownRuleSet(f"未知的评分规则“{name}”，可用：{known}")
    return RULE_SETS[key]


def unlisted_execution_points(value: object, rules: str | RuleSet | None) -> object:
    """The 执行率's 分值 as the rule set reads it: under a rule set whose form lists no 分值
    for it (四川, ``execution_unlisted``: 90 + 10, DOMAIN §5) one left blank or a placeholder
    (“—” copied from the lines below) is the rule set's share, 10; anything else — and
    under any other rule set, or rules not known (JX505's) — ``value`` as it is (a blank 分值
    is then missing: JX106). The one home of this reading: the reader (``read.money``), the
    add-in's JX_WEIGHT_TOTAL and the native template's formulas (``native``)."""
    if not is_placeholder(value):
        return value
    try:
        chosen = rule_set(rules if not isinstance(rules, str) or rules.strip() else None)
    except UnknownRuleSet:
        return value
    return value if chosen.unlisted_points is None else chosen.unlisted_points


_OWN_NAME = re.compile(r"(?<![a-z])(" + "|".join(RULE_SETS) + r")(?![a-z])")


def rule_name(text: str) -> str | None:
    """The rule set a person's words name — the one home of this reading, used by the
    reader (a 评分规则 cell, a 本表按…评分 note), the JX_ functions and the command line:
    a rule set's own name at the start (``sichuan（四川）``), else a word of ``RULE_WORDS``
    (比例法 → ratio, 四川 → sichuan, 财预 / 财政部 → mof2020) that the words choose: not
    one negated (财政部规则（不采用比例法）: mof2020), and where boxes are ticked only a
    ticked one (□比例法 ☑财政部: mof2020; boxes with none ticked choose nothing). 按比例
    alone is no name: the 财政部 rule itself scores 分值 × 完成值 ÷ 指标值 (“未完成的按比例
    计分”). None for anything else — a list of choices as well (the template's hint beside
    its 评分规则 cell, a 填写说明 line naming every rule set): it names more than one, so
    it chooses none."""
    text = compact_text(text).lower()
    if len(set(_OWN_NAME.findall(text))) > 1:
        return None
    for name in RULE_SETS:
        if text.startswith(name):
            return name
    if any(mark in text for mark in RULE_BOXES):
        ticked = "".join(re.findall(f"[{RULE_TICKS}]([^{RULE_BOXES}]*)", text))
        return _named(ticked)
    return _named(text)


def _named(text: str) -> str | None:
    """The first ``RULE_WORDS`` word in ``text`` not negated (不采用比例法, 非四川)."""
    for word, name in RULE_WORDS:
        for found in re.finditer(re.escape(word), text):
            if not _NEGATED.search(text[:found.start()]):
                return name
    return None


# Words that name a rule set anywhere in a 评分规则 cell, in the order ``rule_name`` tries them
RULE_WORDS = (("比例法", "ratio"), ("四川", "sichuan"), ("财预", "mof2020"), ("财政部", "mof2020"))
# A box ticked (☑比例法, √四川, ■财政部) and any box (□ is one not chosen); where a cell has
# boxes, ``rule_name`` reads only the ticked ones' words. The grades' marks (``_TICKS``,
# ``_EMPTY``) less the symbol fonts' letters and 口, which words of a rule may hold.
RULE_TICKS = "√✓✔☑☒✅■●◉"
RULE_BOXES = RULE_TICKS + "□☐◻▢"
# What just before a rule word says it is not the one: 不采用 / 不适用 / 非 / 未按 …
RULE_NEGATIONS = "不非未"
_NEGATED = re.compile(f"[{RULE_NEGATIONS}](?:采用|适用|使用|按照|依照|按|用|是|执行|实行|参照)?$")
# What a 评分规则 cell may hold, for the messages that ask for one
RULE_CHOICES = (f"{'、'.join(RULE_SETS)} 之一（也可写“比例法”“四川”“财预〔2020〕10号”"
                "“财政部”）")


def percent_text(value: float, decimals: int | None = None) -> str:
    """A number in a percent-formatted cell (105% typed: 1.05) as the text the reader takes
    it for, "105%" (to 6 significant digits; ``decimals``: rounded to those the format
    shows). ``read.grid.percent_shown`` reads a cell so, and the JX_ functions a 指标值 or
    完成值 whose cell shows a percent (``cellfuncs.READS_FORMAT``)."""
    return f"{round(value * 100, PERCENT_DECIMALS if decimals is None else decimals):g}%"


def percent_value(value: float) -> float | str:
    """A number in a percent-formatted cell (105% typed: 1.05) in percent, as the reader
    takes it (``percent_text``: "105%"); "" where that text has an exponent (1e-05%),
    which no rule reads."""
    text = percent_text(value).removesuffix("%")
    return "" if "e" in text else float(text)


def rate_percent(value: float, percent: bool) -> float:
    """A number in an 执行率 cell in percent, as ``jixiao check`` reads the cell
    (``read.money``): in a percent-formatted cell its percent (0.95 and 1.05 — JX_RATE's
    fractions — are 95 % and 105 %); without a percent format a bare number as
    ``units.fraction_as_percent`` reads it (0.95 is 95 %, and a 95 typed is 95 %, not
    9500 %). JX_EXEC_SCORE reads its rate this way (``cellfuncs.execution_score``)."""
    return round(float(value) * 100.0, PERCENT_DECIMALS) if percent \
        else fraction_as_percent(float(value))


def weight_points(value: object, percent: bool) -> object:
    """A 分值 cell in points, as ``jixiao check`` reads it (``read.grid.points_at``): a
    number in a percent-formatted cell (10% typed: 0.1) is the percent, 10 points, as a
    权重 "10%" is; another number as it is; a text as typed, a blank "". The template's
    formulas read every 分值 this way — the native ones by this rule written out
    (``native._points``), the add-in's through JX_POINTS (``cellfuncs.points``)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and percent:
        return percent_value(value)
    typed = points_text(value)
    if typed is not None:
        return typed  # “10分”, “ 10 ” pasted: 10, in every template alike (rt27)
    return "" if value is None else value


def points_text(value: object) -> float | None:
    """A 分值 typed as text that is plainly points — digits and one point, spaces around,
    full-width alike, a 分 after: “ 10 ”, “10分”, “１０ 分” → 10; else None (“10%”, “十”).
    The native template's formulas read a 分值 text this way (``native._points``)."""
    if not isinstance(value, str):
        return None
    text = number_text(value).translate(FULL_WIDTH_NUMBER)
    if text.endswith("分"):
        text = text[:-1].strip(" ")
    if text in ("", ".") or text.count(".") > 1 or any(ch not in "0123456789." for ch in text):
        return None
    return float(text)


def round2(value: float) -> float:
    """Half-up to 2 decimals as a person rounds: 8.947 → 8.95, 89.995 → 90.0.

    A score computed on a tie is rounded as the tie it is: 10 × 83.35 % is 8.335 on
    paper but 8.334999999999999 in binary floating point, and Excel, WPS and LibreOffice
    all give ROUND(…, 2) = 8.34 for it (they round to 15 significant digits first, the
    precision they show and store). So does this: the native-formula template and the
    Python core then agree, and a clerk's hand-computed 8.34 is what jixiao computes.
    """
    number = float(value)
    if number != number or number == 0:
        return number  # NaN never hits a memo; 0.0 and -0.0 would share one entry
    return _round2(number)


@functools.lru_cache(maxsize=16384)  # Decimal is slow, and the same weights recur
def _round2(number: float) -> float:
    if not math.isfinite(number) or abs(number) >= 1e15:
        return number  # infinities, and numbers whose float has no decimals left to round
    # 15 significant digits: what a spreadsheet keeps of a float (no float has more that
    # a person wrote); beyond them is binary noise, which must not decide a tie
    return _half_up(written(number))


def _half_up(number: Decimal) -> float:
    return float(number.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def formula_points(weight: float, share: Decimal) -> float:
    """分值 × a formula's share, kept within 0 and 分值 and rounded half-up to 2 decimals
    as a person computes it by hand: in decimal, from the numbers as written. Binary
    arithmetic would round a hand-computed tie down where a formula subtracts
    (15 × (1 − (16.17 − 10) ÷ 10) is 5.745 → 5.75 on paper, 5.744999999999997 in floats,
    below even ``round2``'s 15 digits), so every formula's share is a ``Decimal``."""
    points = written(weight)
    value = min(points, max(Decimal(0), points * share))
    if not value.is_finite() or abs(value) >= _NO_DECIMALS:
        return float(value)  # as ``round2``: no decimals left to round
    return _half_up(value)


_NO_DECIMALS = Decimal("1e15")


def even_shares(weight: float, count: int, first: Iterable[int] = ()) -> list[float]:
    """``weight`` split evenly over ``count`` rows to the 2 decimals points are written
    in, the shares adding up to it (10 over three rows: 3.34, 3.33, 3.33 — not 3.33 each,
    9.99, a whole group met scored short of its points): each row has the lower cent, the
    cents left over go one each to the rows ``first`` names (those a unit itself gave the
    higher cent), then to the first rows."""
    step = Decimal(repr(SCORE_STEP))
    cents = int((written(weight) / step).to_integral_value(rounding=ROUND_HALF_UP))
    low, left_over = divmod(cents, count)
    higher = list(dict.fromkeys([*first, *range(count)]))[:left_over]
    return [float((low + (row in higher)) * step) for row in range(count)]


# ------------------------------------------------------------- money block

# The money cells of jixiao's template by what they hold: a number (万元) and nothing
# else, as its data validation says. The add-in (JX_RATE), the native formulas, recalc
# and check all refuse the same cells with these words (``template_amounts``).
BUDGET_NAME, EXECUTED_NAME = "全年预算数(A)", "全年执行数(B)"
AMOUNT_MISSING = "{what}未填写"
# A unit's own table (not the template) whose amount cell holds a text no amount can be read
# from (“壹仟贰佰万元”): filled, not left empty
AMOUNT_UNREADABLE = "{what}“{value}”无法读出金额"
AMOUNT_NOT_NUMBER = ("{what}“{value}”是文字，不是数值：请只填数字（单位已是万元；"
                     "单元格为文本格式的，改为常规格式后重新输入）")
# Both amounts blank while indicators are scored: the 执行率得分 (10 points) cannot be
# computed, and a 总分 without it would look complete (88.84 良 for 98.84 优).
# The 执行率得分 of a 执行率 not scored — its 分值 left blank where the rules give it none
# (the template's G6 cleared, its 10 points moved onto the indicators): a placeholder, as
# the 其中 lines' “—”, which the 总分 skips (``parsing.is_placeholder``), never 10 more
NOT_SCORED = "—"
MONEY_BLANK = f"{BUDGET_NAME}、{EXECUTED_NAME}都未填写，执行率得分无从计算，总分无法合计"


# A number typed or pasted as text ("100.00" from the 一体化 system, "1,234.56" from a
# finance system, "１００．００" from an IME, a text-formatted cell): a number as every
# cell is read (``parsing.bare_number``: thousands grouped, full-width digits alike),
# spaces around it. No sign, no unit — "30万元" and "1,2,3" stay text; the native
# formulas read the same (``native._amount``), as Excel's own arithmetic does.
# Pasted from a web page or a finance system, a number carries a no-break space or a
# 全角空格 (read as spaces: a spreadsheet's TRIM keeps them, so the native formulas
# substitute them first) or a zero-width space, word joiner or byte-order mark (read as
# nothing). ``number_text`` reads them so; the native formulas do the same
# (``native._amount_text``). Only these of ``parsing.INVISIBLE``: each costs the native
# 执行率 formula ~900 characters of Excel's 8192; a soft hyphen or a direction mark in an
# amount stays text (⚠, JX309 naming it), alike everywhere.
NUMBER_BLANKS = "\u00a0\u3000"
NUMBER_INVISIBLE = "\u200b\u2060\ufeff"
assert all(ord(ch) in INVISIBLE for ch in NUMBER_INVISIBLE)
_NUMBER_TEXT = str.maketrans({**dict.fromkeys(map(ord, NUMBER_BLANKS), " "),
                              **dict.fromkeys(map(ord, NUMBER_INVISIBLE))})


def number_text(text: str) -> str:
    """A money or rate text as the formulas read it: ``NUMBER_BLANKS`` as spaces,
    ``NUMBER_INVISIBLE`` removed, spaces around it trimmed (what TRIM removes)."""
    return text.translate(_NUMBER_TEXT).strip(" ")


def text_number(value: object) -> float | None:
    """A text that is plainly a number ("100.00", " 98.5 ", "1,234.56", "９５", "200" with
    a no-break space pasted after it) as that number; None for any other value. The
    template reads its money cells this way (``template_amount``)."""
    if not isinstance(value, str):
        return None
    return bare_number(number_text(value))


def text_rate(value: object) -> float | None:
    """An 执行率 typed as text over the template's formula ("98.5%", "0.985") as the
    fraction it plainly is (0.985): ``text_number``, or one followed by %; else None."""
    if not isinstance(value, str):
        return None
    text = number_text(value)
    if text.endswith(("%", "％")):
        number = text_number(text[:-1])
        return None if number is None else number / 100
    return text_number(text)


def marked_unused(text: str) -> bool:
    """Whether a money cell's text is blank or marks its line unused (“/”, “—”, “－”, 无:
    ``parsing.is_placeholder``) as the native formulas see it (``native._amount_unused``):
    its ``number_text`` without spaces. Another invisible character or a line break in it
    (“/” and a soft hyphen) keeps it a text — ⚠ and JX309 naming it — alike everywhere."""
    compact = number_text(text).replace(" ", "")
    return is_placeholder(compact) and not any(
        ord(ch) in INVISIBLE or ch.isspace() for ch in compact)


def template_amount(value: object, what: str) -> float | None:
    """A money cell of jixiao's template as its formulas read it: a number, or a text
    that is plainly one ("100.00", "1,234.56" pasted as text: ``text_number``), None
    when blank or marked unused (“/”, “—”, 无: ``parsing.is_placeholder``, as an unused
    indicator row's cells); any other text — "30万元" — raises ScoreInputError saying
    which amount and what to type."""
    if value is None or (isinstance(value, str) and marked_unused(value)):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    number = text_number(value)
    if number is not None:
        return number
    raise ScoreInputError(AMOUNT_NOT_NUMBER.format(what=what, value=value))


def template_amounts(budget: object, executed: object) -> tuple[float, float] | None:
    """全年预算数(A) and 全年执行数(B) of a template's money line: None when both are
    blank or marked unused (an unused line: ``template_amount``); ScoreInputError naming
    the first amount that is missing ("全年执行数(B)未填写") or not a number."""
    amounts = [(template_amount(value, what), what)
               for value, what in ((budget, BUDGET_NAME), (executed, EXECUTED_NAME))]
    if all(amount is None for amount, _ in amounts):
        return None
    for amount, what in amounts:
        if amount is None:
            raise ScoreInputError(AMOUNT_MISSING.format(what=what))
    return amounts[0][0], amounts[1][0]  # type: ignore[return-value]


def execution_rate(budget: float | None, executed: float | None,
                   budget_name: str = "全年预算数") -> float:
    """执行率 in percent: 全年执行数 B / 全年预算数 A × 100, unrounded; the errors name A
    ``budget_name``, as the table's header does (调整后预算数, 预算数)."""
    if budget is None or executed is None:
        raise ScoreInputError(f"{budget_name}或全年执行数为空，无法计算执行率")
    if budget <= 0:
        raise ScoreInputError(f"{budget_name}为 {budget:g}，须大于 0 才能计算执行率")
    if executed < 0:
        raise ScoreInputError(f"全年执行数为 {executed:g}，不能为负数")
    return executed / budget * 100.0


def rate_stands_for(written: float, rate: float, decimals: int | None) -> bool:
    """Whether a 执行率 written ``written`` (in %, showing ``decimals`` decimals) can stand
    for the rate ``rate`` the amounts give. A whole percent is what rounding or
    truncating the rate gives, no more: "98%" stands for 97.5 … 98.99, "95%" for 95.00
    (neither 96 nor 94); a rate written with decimals may be one unit of its last decimal
    off ("98.5%" for 98.4 … 98.6: a unit of 0.1 % moves a 10-point score by 0.01, its own
    step); one whose decimals are unknown (a formula's unrounded result) by ``SCORE_STEP``."""
    if decimals is None:
        return abs(written - rate) <= SCORE_STEP + 1e-9
    unit = 10.0 ** -decimals
    if decimals > 0:
        return abs(written - rate) <= max(unit, SCORE_STEP) + 1e-9
    low, high = round(written - unit / 2, 9), round(written + unit, 9)
    return low <= round(rate, 9) < high


def execution_score(rate: float, weight: float = 10.0) -> float:
    """执行率得分 = 分值 × 执行率 / 100, capped at 分值, never negative."""
    _check_weight(weight)
    return round2(min(weight, max(0.0, weight * rate / 100.0)))


def standard_score(standard: ScoringStandard, rate: float, weight: float) -> float | None:
    """The 得分 a 评分标准 read whole (``parsing.scoring_standard``) gives a rate (in %)
    within ``weight``: the band holding it (``ScoringStandard.settling``: a band whose end is
    only implied gives way to one saying it holds the rate — 100% of 执行率100%得4分 beside
    90%（含）-100%得3分 is 4; of stacked bounds the highest reached — 92.5 % under ≥95%得4分；
    ≥90%得3分；≥80%得2分 is 3), else below the lowest rate of full marks ``weight`` less the
    deduction per percentage point (每降低1%扣0.5分: 94 % under ≥95%得6分 is 5.5, a part of a
    point in proportion, never below 0). None where no band holds it and no deduction
    reaches it, or two bands do with different points — the standard says nothing sure of
    it; None too where its bands name different rates whose points add up to ``weight``
    (完成率≥90%得5分，验收合格率≥95%得5分 of 10: two measures, not bands of one). The rate is
    read to ``PERCENT_DECIMALS`` first: 46.8 / 52 is on the edge of 90%（含）, not below it.
    A standard written for more points than ``weight`` (差错率≤1%得10分；≤2%得6分 on a row of
    5, copied from a 10-point row) is scaled to it (``standard_scale``: ≤2% is 6 ÷ 10 × 5 = 3),
    never capped at it (5: full marks for a ceiling broken)."""
    _check_weight(weight)
    scale = standard_scale(standard, weight)
    if scale is None:
        return None
    if standard.names_several_rates() and abs(sum(
            weight if band.points is None else band.points for band in standard.bands)
            - weight) < TOLERANCE:
        return None  # 完成率≥90%得5分，验收合格率≥95%得5分 of 10: two measures, not bands
    rate = round(rate, PERCENT_DECIMALS)
    worth = [weight if band.points is None else band.points * scale
             for band in standard.settling(rate, weight / scale)]
    if len(set(worth)) == 1:
        return round2(min(weight, max(0.0, worth[0])))
    if worth or standard.step is None:
        return None
    full = [band.low.value for band in standard.bands if band.low is not None
            and (band.points is None or band.points * scale >= weight) and band.low.value > rate]
    if len(full) != 1:
        return None
    per, lost = standard.step
    return round2(max(0.0, weight - (full[0] - rate) / per * lost * scale))


def standard_scale(standard: ScoringStandard, weight: float) -> float | None:
    """How a 评分标准's points convert to a row's ``weight`` (分值): 1 where none it writes
    exceeds the weight; weight ÷ its most points where they do (10 of a 5-point row: ½ —
    the standard was written for another row's points); None where they do beside 得满分
    (满意度≥95%得满分；≥90%得6分 of 5: full marks 5, or 6 and more — unsure)."""
    most = standard.most_written()
    if most is None or most <= weight + TOLERANCE:
        return 1.0
    return None if standard.says_full_marks() else weight / most


def execution_row_score(actual: object, weight: float, target: object = None,
                        money_rate: float | None = None) -> Score | None:
    """The 得分 of a 预算执行率 listed as its own 一级 (beside 产出/效益/满意度): the
    执行率得分 of its 完成值 (分值 × 执行率, ``execution_score``), whatever its 指标值
    (≥90% states the goal, not the rule); None when the 完成值 is no rate. It is met
    when the rate reaches the 指标值 (95 % against ≥90 %), where one is written and
    compares; else when the score is full. ``money_rate``: the 执行率 the money gives
    (全年执行数 ÷ 全年预算数), the rate scored and judged in place of the 完成值 the
    unit wrote — which may be rounded, or wrong (102.86% on the 年初预算数 where B ÷ A
    is 60%); and where the row has no rate of its own to write (a 第三方 得分表 of 分值
    and 得分 only, its 过程 | 资金管理 | 预算执行率 row beside a money block or sheet)."""
    rate = execution_row_rate(actual)
    if rate is None and money_rate is None:
        return None
    note = "预算执行率：分值 × 执行率"
    if money_rate is not None:
        if rate is None or round2(money_rate) != round2(rate):
            note += f"，执行率按全年执行数 ÷ 全年预算数为 {plain_points(round2(money_rate))}%"
        rate, actual = money_rate, f"{money_rate!r}%"
    value = execution_score(rate, weight)
    met = None if target is None else is_met(target, actual, ">=")
    if met and value < round2(weight):  # ≥90% reached, the rate still below 100 %
        note += "；已达到指标值，得分仍按执行率计，不是满分"
    return Score(value, value >= round2(weight) if met is None else met, note)


# The two readings of a 预算执行率 row with a 指标值 of its own (docs/domain.md §4)
RATE_READING = "按执行率计分（分值 × 执行率）"
TARGET_READING = "按年度指标值计分（正向指标）"


def either_reading(first: Score, second: Score | None, declared: float | None, *,
                   first_is_rate: bool) -> Score:
    """The score of a 预算执行率 row that reads two ways: as the rate's (分值 × 执行率, the
    评分附件表's row standing for the money) and as an indicator with its own 指标值 (≥90%:
    a positive target, full marks once reached). ``first`` is the reading of the row's
    place, ``second`` the other; where they differ, a unit's 得分 equal to ``second`` takes
    it, else ``first`` stands — either way the note names the other reading's score."""
    if second is None or second.value is None or first.value is None \
            or round2(abs(first.value - second.value)) <= SCORE_STEP:
        return first
    this, other = (RATE_READING, TARGET_READING) if first_is_rate else (TARGET_READING, RATE_READING)
    if declared is not None and round2(abs(declared - second.value)) <= SCORE_STEP \
            < round2(abs(declared - first.value)):
        first, second = second, first
        this, other = other, this
    # each reading named with its score (not the first's own note: “已达到指标值，得分仍按
    # 执行率计，不是满分” beside “或按年度指标值计分为 10” reads as a contradiction)
    return replace(first, note=f"两种读法：{this}为 {plain_points(first.value)}；"
                               f"或{other}为 {plain_points(second.value)}")


def execution_row_rate(actual: object) -> float | None:
    """The 执行率 (in %) a 预算执行率 row's 完成值 states: 95%, 95 or 0.95; None when it
    is no rate."""
    measure = as_measure(actual)
    if measure.kind != "number" or measure.value is None or measure.unit not in ("%", ""):
        return None
    return measure.value if measure.unit == "%" else fraction_as_percent(measure.value)


# ------------------------------------------------------------- indicators

@dataclass(frozen=True)
class Score:
    """What a rule gives an indicator.

    value: the 得分, or None when the rules leave it to a person (a 部分达成
    without a judged score) or the inputs cannot be read — ``note`` says why.
    band: for qualitative scoring, the (low, high) 得分 the level allows.
    level: for qualitative scoring, the level scored: "achieved" | "partial" | "not";
    level_name: the same as a person reads it — 达成 / 部分达成 / 未达成, or 按时完成 /
    逾期完成 for a deadline.
    span: for a quantitative score whose units read more than one way (months beside
    days: a month of 28–31 days), the lowest and highest 得分 those readings give —
    ``value`` is the one jixiao computes, any written score within is the rules' too.
    """

    value: float | None
    met: bool | None
    note: str
    band: tuple[float, float] | None = None
    level: str | None = None
    level_name: str | None = None
    # where the formula rounds to full marks on a target not met: (those full marks, the
    # note saying so) — the rules' own rounding, which ``as_written`` takes when written
    rounded_full: tuple[float, str] | None = None
    span: tuple[float, float] | None = None


def as_measure(value: Measure | object) -> Measure:
    return value if isinstance(value, Measure) else parse_measure(value)


def _fulfilment(target: Measure, actual: Measure, default_op: str = "=") -> Measure:
    """The 完成值 with the 达成 it states or plainly means (``with_fulfilment``); where both
    sides name a level of one scale (``_level_compared``: 优 良好 合格, 高 较高, 满意 较满意),
    the levels decide. Against a grading scale to choose from (``grading_scale``) the level
    named on it decides (``_level_on_scale``). Off a cost row, a 完成值 over the goal it
    names (``goes_over_goal``: 达到预算数 → 超出预算10%) is 达成. A bare 否 beside a 指标值 of
    something better less (``less_is_better``: 安全事故, 投诉处理及时) is not read: a person's."""
    listed = listed_levels(target)
    if listed is not None and actual.kind == "qualitative":
        scale = grading_scale(target, default_op)  # None: a scale of heights, its best unsaid
        level = _level_on_scale(scale or listed, actual)
        if level is not None or listed_levels(actual) is not None:
            # 好坏 → 好坏: the options copied, no level; 低 on 低/中/高 of what: a person's
            return replace(actual, level=level if scale is not None else None)
        return actual  # its own words (达成) or none
    if default_op != "<=" and goes_over_goal(target, actual):
        return replace(actual, kind="qualitative", level="achieved")  # 达到预算数 → 超出预算10%
    level = _level_compared(target, actual, default_op)
    if level is not None:
        if level == "partial" and says_the_negation(target, actual):
            level = "not"  # 合格 wanted, 不合格: failed, not a level short
        return replace(actual, kind="qualitative", level=level)
    fulfilled = with_fulfilment(target, actual)
    if fulfilled.level == "not" and bare_no(normalize_text(actual.text)) \
            and less_is_better(normalize_text(target.text)):
        return actual  # 安全事故 | 否: none happened, or 投诉处理及时 | 否: not done — a person's
    return fulfilled


# A 定性 指标值 that prints the grading scale to choose from (the 一体化 system's 优良中低差,
# 优/良/中/差, 好/较好/一般/差, 高/较高/一般/较低/低, 好坏): the 完成值 names one level of it.
# Its words, longest first, and those of its bad end (差, 低, 坏 …).
SCALE_WORDS = ("不合格", "不及格", "较好", "较差", "较高", "较低", "一般", "优秀", "良好", "合格",
               "及格", "中等", "优", "良", "中", "高", "低", "差", "好", "坏")
BAD_LEVELS = frozenset(("不合格", "不及格", "较差", "较低", "低", "差", "坏"))
SCALE_SEPARATORS = frozenset("/、,;|或")


def grading_scale(measure: Measure, default_op: str = "=") -> tuple[str, ...] | None:
    """The levels, best first, of a 指标值 that lists a grading scale (``listed_levels``:
    优良中低差 → 优, 良, 中, 低, 差; 好坏 → 好, 坏); None for any other. A scale written
    worst first (差/中/良/优, 不合格/合格/良好/优秀) is read from its top
    (``written_worst_first``). A scale of heights only (低/中/高, 高/较高/一般/较低/低) is
    best at the end ``lows_best`` says, by what it measures (``Measure.subject``, the
    indicator's name: ``scale_of``) and ``default_op`` — None where that is not told."""
    levels = listed_levels(measure)
    if levels is None:
        return None
    if all(level in HEIGHT_WORDS for level in levels):
        low_best = lows_best(measure.subject, default_op)
        if low_best is None:
            return None  # 低/中/高 of 社会影响程度, or of a JX_ formula given no name
        high_first = levels if _HEIGHTS[levels[0]] <= _HEIGHTS[levels[-1]] else levels[::-1]
        return high_first[::-1] if low_best else high_first
    return levels[::-1] if written_worst_first(levels[0], levels[-1]) else levels


def listed_levels(measure: Measure) -> tuple[str, ...] | None:
    """The levels, as written, of a 指标值 (or a 完成值 copying it) that lists a grading
    scale to choose from; None for any other. Three levels or more, or two down to a bad one
    or up to a better one (良好/优秀): 优良 alone is a level wanted (良 or better), not a
    scale."""
    if measure.kind != "qualitative":
        return None
    text = normalize_text(measure.text)
    if not 2 <= len(text) <= 24 or text[0] not in _SCALE_STARTS:
        return None  # most 指标值: no scale
    levels: list[str] = []
    position = 0
    while position < len(text):
        if text[position] in SCALE_SEPARATORS:
            position += 1
            continue
        word = next((word for word in SCALE_WORDS if text.startswith(word, position)), None)
        if word is None or word in levels:
            return None
        levels.append(word)
        position += len(word)
    if len(levels) < 2:
        return None
    if len(levels) >= 3 or levels[-1] in BAD_LEVELS or written_worst_first(levels[0], levels[-1]):
        return tuple(levels)
    return None


# What a scale of heights measures, named by the indicator (``lows_best``): something bad,
# where low is best (安全风险等级, 噪声影响程度, 安全隐患等级 — and ``less_is_better``: 投诉,
# 事故, a cost), or something good, where high is (服务质量等级, 工作效率, 群众满意度)
_HARMS = ("风险", "噪声", "噪音", "污染", "隐患", "误差", "偏差", "差错", "故障", "危害", "危险",
          "负担", "损失", "违规", "违法", "拥堵", "排放", "失误", "缺陷")
_GOODS = ("质量", "水平", "满意", "知晓", "效率", "能力", "认可", "效益", "效果", "积极性", "参与",
          "覆盖", "达标", "合格", "防控", "整改", "治理", "处置")


def lows_best(subject: str, default_op: str = "=") -> bool | None:
    """Whether the low end of a scale of heights (低/中/高) is its best: of something bad
    (``_HARMS``, ``less_is_better``; under a 成本 二级, ``default_op`` ≤, whatever the name)
    True, of something good (``_GOODS``, ``RISING_RATES``) False; None where the name tells
    neither, or both (安全风险水平, 成本水平), or there is none. A harm or a cost named as
    lowered, removed or handled (``_HARM_LOWERED``: 农民负担减轻程度, 安全隐患消除程度, 违法行为
    查处率, 投诉办结率, 信访事项办结率, 矛盾纠纷化解率, 污染减排效果, 风险防控能力, 成本控制
    水平) or a saving (``is_saving``: 成本节约程度) is
    something good: how far it went; a cost spent on removing one (``_COST_SPENT``: 治理成本,
    污染治理成本, 整治费用) a cost, low best, though 治理 alone is good; so are a lapse or
    the time of handling one (``_HANDLING_LAPSE``: 投诉处理差错率, 投诉处理时长)."""
    text = compact_text(subject)
    if is_saving(text):
        return False
    if _COST_SPENT.search(text) or _HANDLING_LAPSE.search(text):
        return True
    if _HARM_LOWERED.search(text):
        return False
    harm = default_op == "<=" or any(word in text for word in _HARMS) or less_is_better(text)
    good = any(word in text for word in (*_GOODS, *RISING_RATES))
    return None if harm == good else harm


def scale_of(target: Measure, name: object) -> Measure:
    """A 指标值 listing a grading scale with the indicator's name as what it measures
    (``Measure.subject``), for a scale of heights to be read from its best end
    (``grading_scale``); any other as it is."""
    if target.subject or not isinstance(name, str) or not name.strip() \
            or listed_levels(target) is None:
        return target
    return replace(target, subject=normalize_text(name))


def written_worst_first(first: str, last: str) -> bool:
    """Whether a grading scale whose ends are ``first`` and ``last`` is written worst first:
    its last level ranked above its first (``scale_rank``: 差/中/良/优, 良好/优秀, 坏/好, 低/
    较低/一般/较高/高); where the ends rank alike or one has no rank (差/低), where the first
    is a bad level (``BAD_LEVELS``)."""
    top, bottom = scale_rank(first), scale_rank(last)
    if top is not None and bottom is not None and top != bottom:
        return bottom < top
    return first in BAD_LEVELS


_SCALE_STARTS = frozenset(word[0] for word in SCALE_WORDS)


def _level_on_scale(scale: tuple[str, ...], actual: Measure) -> str | None:
    """What the 完成值 reaches on a grading scale (best first): its top level 达成, a level
    of its bad end (差, 低, 坏) 未达成 wherever it stands — the rules' 未达成且效果较差 —, a level between them 部分达成 (良, 中,
    一般: some effect, short of the top). None where it names no level of it (the scale
    copied as it is: the form was not filled in)."""
    done = normalize_text(actual.text)
    bad = _HIGH_LEVELS if scale[0] in _LOW_LEVELS else BAD_LEVELS  # 低/中/高 of 风险: 高 bad
    opening = opening_clause(done)
    if done not in scale and opening is not None:
        done = opening  # 良，部分指标待改进: the level stated first
    if done not in scale:
        name = _quality_name(done)
        done = next((level for level in scale if _quality_name(level) == name), "") if name else ""
    if not done:
        return None
    if done in bad:
        return "not"
    return "achieved" if done == scale[0] else "partial"


def _level_compared(target: Measure, actual: Measure, default_op: str) -> str | None:
    """The level reached where both sides name a level of one scale, best first:

    - the quality levels (优 良 中 差, 好 较好 一般 差; 优良 is 良 or better, 良好及以上
      too): as good or better 达成, one level worse 部分达成 (优良 wanted, 合格 reached),
      further — or down to 差 (较差, 不合格) — 未达成;
    - where more is better (not under 成本: ``default_op`` ≤) and a height is wanted (高,
      较高, 中): 高 较高 中 较低 低, read as the quality levels;
    - the satisfaction levels (``_SATISFACTION``): as satisfied or more 达成, any level
      below it 部分达成 (满意 wanted, 较满意 or 一般 reached), 不满意 未达成.

    After words both share (效果好 → 效果差, 服务质量好 → 服务质量较差, 水平高 → 水平较高,
    群众满意 → 群众较满意), the words after them, on the same scale as alone (好 → 较好).
    A satisfaction level answers the level after the subject the other side names (群众满意,
    服务对象满意 → 较满意; 满意 → 群众较满意; 群众满意 → 居民较满意: 部分达成;
    ``_satisfaction_wanted``).
    A 完成值 that states its level first and then a comment (比较满意，部分居民反映维修不及时:
    ``opening_clause``) is read by that level; of the comment's words, only those of lateness,
    of more needed (需进一步提升) or of the target not met (部分群众需求未满足, 距目标仍需努力)
    count, as they do in the words' reading.
    None where the two sides name no level of one scale."""
    if target.kind != "qualitative" or actual.kind != "qualitative":
        return None
    goal, done = normalize_text(target.text), normalize_text(actual.text)
    opening = opening_clause(done)  # 比较满意，部分居民反映…: the level stated first
    if opening is not None:
        level = _levels_compared(goal, opening, default_op)
        if qualitative_level(opening) is not None:  # 满意度较高，…: a level in words
            said = qualitative_level(done)  # and what its comment adds: late, more needed
            return said if level == "achieved" and said in ("partial", "not") else level
        if level is not None:  # 一般，…: a level of the scale alone
            return level
    return _levels_compared(goal, done, default_op)


def _levels_compared(goal: str, done: str, default_op: str) -> str | None:
    shared = os.path.commonprefix([goal, done])
    while shared and (shared[-1] in _DEGREE_CHARS or len(shared) == len(goal)
                      or len(shared) == len(done)):
        shared = shared[:-1]  # 较好/较差 share 较, a part of each word; 好/好 nothing after
    pairs = [(goal, done)] + ([(goal[len(shared):], done[len(shared):])] if len(shared) >= 2 else [])
    # a subject on either side (群众满意 → 较满意, 满意 → 群众较满意, 群众满意 → 居民较满意):
    # the levels after the subjects
    goal_level = goal if _satisfaction(goal) is not None else _satisfaction_wanted(goal)
    done_level = done if _satisfaction(done) is not None else _satisfaction_wanted(done)
    if goal_level is not None and done_level is not None:
        pairs.append((goal_level, done_level))
    for wanted_text, reached_text in pairs:
        wanted, reached = _text_quality_level(wanted_text), _text_quality_level(reached_text)
        if wanted is not None and reached is not None:
            if _level_words(wanted_text) == _GOOD and _level_words(reached_text) == _GOOD_TOO:
                return "achieved"  # 好 wanted, 良好 reached: a good
            return _a_level_short(wanted, reached, _WORST_LEVEL)
        if default_op != "<=" and wanted_text in _HEIGHTS_WANTED and reached_text in _HEIGHTS:
            return _a_level_short(_HEIGHTS[wanted_text], _HEIGHTS[reached_text],
                                  max(_HEIGHTS.values()))
        wanted, reached = _satisfaction(wanted_text), _satisfaction(reached_text)
        if wanted is not None and wanted < _SATISFACTION["一般"] and reached is not None:
            return "achieved" if reached <= wanted else "not" if reached == _UNSATISFIED \
                else "partial"  # 较满意, 基本满意, 一般: some effect; 不满意: none
    return None


def _a_level_short(wanted: int, reached: int, worst: int) -> str:
    """达成 at the rank wanted or better, 部分达成 one rank short, 未达成 further or at the
    worst (差: 效果较差)."""
    return "achieved" if reached <= wanted else "partial" \
        if reached == wanted + 1 and reached < worst else "not"


# Characters that start a word of degree (较好, 不合格, 很好, 偏低): no end of shared words
_DEGREE_CHARS = frozenset("较不很偏最更非")
# The height scale, best first where more is better (满意度高, 知晓率较高); a height wanted
# is 高, 较高 or 中 — 低 wanted (投诉率低) is little wanted, read by ``fulfils``.
_HEIGHTS = {"高": 0, "较高": 1, "中": 2, "中等": 2, "一般": 2, "较低": 3, "低": 4, "偏低": 3}
_HEIGHTS_WANTED = ("高", "较高", "中", "中等")
_HIGH_LEVELS, _LOW_LEVELS = frozenset(("高", "较高")), frozenset(("低", "较低"))  # the ends
HEIGHT_WORDS = frozenset(_HEIGHTS)  # a scale of these only is best at the end its name wants
# The satisfaction scale of a 满意度 asked in words, best first: 非常满意 > 满意 > 较满意
# (比较满意, 基本满意) > 一般 > 不满意. A level wanted is 一般's better.
_SATISFACTION = {"非常满意": 0, "很满意": 0, "十分满意": 0, "满意": 1, "比较满意": 2, "较满意": 2,
                 "较为满意": 2, "基本满意": 2, "一般": 3, "不太满意": 4, "不满意": 4, "很不满意": 4,
                 "非常不满意": 4}
_UNSATISFIED = max(_SATISFACTION.values())


def _satisfaction(text: str) -> int | None:
    """The rank (0 best) of a satisfaction level (满意, 较满意; 满意及以上, ≥满意 as 满意)."""
    return _SATISFACTION.get(_level_words(text))


def _level_words(text: str) -> str:
    """A level as written without the words that say "this one or better" around it
    (良好及以上, ≥良好, 不低于良好, 达到良好 → 良好)."""
    return (after_at_least(text) or text).removesuffix("以上").removesuffix("及")


def level_at_least(target: Measure) -> Measure:
    """A 指标值 of a quality or satisfaction level written with ≥ (≥良好, ≥合格, ≥优良,
    ≥满意, ≥良好等级): that level or better, qualitative as 良好及以上 is, the levels
    compared (``_level_compared``). Any other as it is (≥B级, ≥明显提升: no level, JX203).
    The rules and JX203 both read a 指标值 so."""
    if target.kind != "unparsed" or target.op != ">=":
        return target
    words = after_at_least(target.text)
    if not words or (_text_quality_level(words) is None and _satisfaction(words) is None):
        return target
    return replace(target, kind="qualitative", op=None, problem=None,
                   level=qualitative_level(words))


def levels_at_least() -> tuple[str, ...]:
    """The words after ≥ that ``level_at_least`` reads as a level or better (良好, 合格,
    优良, 满意, 良好等级 …), for a reader that can only match whole words (the native
    template's formulas; rarer endings, 良好水平, are left to jixiao)."""
    bases = (*(word for grade in GRADES for word in (grade.name, *grade.words)),
             _GOOD, GRADE_NAMES[0] + GRADE_NAMES[1], *_SATISFACTION)
    words = (base + ending for base in bases for ending in ("", "等级"))
    return tuple(dict.fromkeys(
        word for word in words
        if level_at_least(parse_measure("≥" + word)).kind == "qualitative"))


def _satisfaction_wanted(goal: str) -> str | None:
    """The satisfaction level a target names after its subject (群众满意 → 满意, 服务对象非常
    满意 → 非常满意, 受益群众满意及以上 → 满意及以上): the longest level it ends with, not
    after a word of degree (更满意: no level of the scale) or a denial (无不满意); None for a
    bare level or none."""
    text = goal.removesuffix("以上").removesuffix("及")
    word = max((word for word in _SATISFACTION if text.endswith(word) and len(word) < len(text)),
               key=len, default=None)
    if word is None or text[-len(word) - 1] in _DEGREE_CHARS or text[-len(word) - 1] in "无没未":
        return None  # 更满意: no level of the scale; 无不满意: a level denied
    return goal[len(text) - len(word):]


def scale_rank(word: str) -> int | None:
    """The rank (0 best) of a level of a grading scale (``SCALE_WORDS``): the quality levels
    (优秀 > 良好 > 合格 > 不合格; 优 > 良 > 中 > 差; 好 > 较好 > 一般 > 较差/差; 及格, 不及格,
    坏 as 合格, 不合格, 差: ``_SCALE_ALIKE``), else the heights (高 > 较高 > 一般 > 较低 > 低);
    None for a word of neither."""
    word = _SCALE_ALIKE.get(word, word)
    rank = _text_quality_level(word)
    return _HEIGHTS.get(word) if rank is None else rank


# Scale words of no 评分等级 of their own, ranked as the one they stand beside
_SCALE_ALIKE = {"及格": "合格", "不及格": "不合格", "坏": "差"}


def _quality_level(measure: Measure) -> int | None:
    """The rank (0 best) of the quality level a qualitative 指标值/完成值 names, if it does."""
    if measure.kind != "qualitative":
        return None
    return _text_quality_level(normalize_text(measure.text))


def _text_quality_level(text: str) -> int | None:
    text = _level_words(text).removesuffix("等级").removesuffix("水平")
    if text == GRADE_NAMES[0] + GRADE_NAMES[1]:  # 优良: good or better
        return 1
    name = _quality_name(text)
    return None if name is None else GRADE_NAMES.index(name)


# 好, the top of the 好/较好/一般/差 scale (no 评分等级 of its own: it stands at 优); 良好, a
# "good" in ordinary usage, meets it where it is wanted, though as a grade it is 良 with 较好
# (好 wanted, 较好 reached stays a level short; 优 wanted, 良好 reached too)
_GOOD, _GOOD_TOO = "好", "良好"


def _quality_name(text: str) -> str | None:
    """The grade a quality word stands at: the 评分等级 words (优秀 → 优, 较好 → 良, 一般 →
    中, 较差 → 差), and 好, the top of the 好/较好/一般/差 scale (``_GOOD``)."""
    return grade_name(text) or (GRADE_NAMES[0] if text == _GOOD else None)


def _compared(target: Measure | object, actual: Measure | object,
              default_op: str) -> tuple[Measure, Measure]:
    """指标值 and 完成值 as read to be compared: ``as_compared``; a damaged ≥ read as ≥
    (not for a ceiling, whose ≠ stays unknown); the ``default_op`` a target written without
    ≥/≤ takes; the 达成 the 完成值 states (``_fulfilment``); ＞ met by a 完成值 that says more
    than it. ``is_met`` and the score of an indicator both start here."""
    # ≥良好: 良好及以上, read before the 完成值 is (合格率100% beside a level: 达成)
    target = level_at_least(as_measure(target))
    target, actual = as_compared(target, as_measure(actual))  # 0 起 → 未发生, 全覆盖 → 100%
    if default_op != "<=":  # ≠95% is a damaged ≥ (JX203 says so); a ceiling's, unknown
        target = damaged_at_least(target)
    target = _with_default_op(target, default_op)
    settled = _about_settled(target, actual)  # 约25万元 beside ≥20万元: 25万元, met;
    actual = actual if settled is None else settled[0]  # 约2.5万元: 2.5万元, missed
    actual = _fulfilment(target, actual, default_op)  # 规定时间内 → 规定时间内 is 达成; 优 meets 优良
    if target.op == ">" and more_than(actual) is not None:
        target = replace(target, op=">=")  # 万余人次 beside ＞1万人次: more than it, met
    return target, actual


# How far from its 指标值 a 完成值 given about (约25万元, 约2.5万元) must name its number to
# be met, or missed, on any sane reading of 约 — no rule says how near “about” is: a tenth
# of the 指标值
ABOUT_MARGIN = 0.10


def _about_settled(target: Measure, actual: Measure) -> tuple[Measure, bool] | None:
    """The number a 完成值 given about names (``about_number``: 约25万元 → 25万元) and
    whether it is met, where it is ABOUT_MARGIN of the 指标值 or more from it: past it on
    its side (≥20万元: 22万元 and up; ≤5%: 4.5% and down), met; short of it (≥20万元:
    18万元 and down; ≤5%: 5.5% and up), missed — on every reading of 约, scored at the
    figure named. None elsewhere — near the 指标值 (96%左右 beside ≥95%), met or not is
    unknown (JX203 asks)."""
    named = about_number(actual)
    if named is None or named.op is not None or named.value is None \
            or target.kind != "number" or target.op is None:
        return None
    pair = comparable(target, named)
    if pair is None or pair[0] <= 0:
        return None
    share = round(pair[1] / pair[0], PERCENT_DECIMALS)
    rising = target.op in (">=", ">", "=")
    if share >= 1 + ABOUT_MARGIN:
        return named, rising
    if share <= 1 - ABOUT_MARGIN:
        return named, not rising
    return None


def about_settled(target: Measure | object, actual: Measure | object,
                  default_op: str = "=") -> str | None:
    """What a 完成值 given about far from its 指标值 is scored as (``_about_settled``):
    “完成值“约25万元”是约数，高于指标值“≥20万元”10% 以上，按达到计分”, “完成值“约2.5万元”
    是约数，低于指标值“≥20万元”10% 以上，按未达到计分（按 2.5万元 计）”; None for any other."""
    measure = as_measure(actual)
    if about_number(measure) is None:
        return None
    target, read = _compared(target, actual, default_op)
    settled = _about_settled(target, measure) if read.kind == "number" else None
    if settled is None:
        return None
    named, met = settled
    rising = target.op in (">=", ">", "=")
    side = "高于" if rising == met else "低于"
    said = f"完成值“{measure.text.strip()}”是约数，{side}指标值“{target.text.strip()}”" \
           f"{ABOUT_MARGIN:.0%} 以上，"
    if met:
        return f"{said}按达到计分"
    shown = written(named.value).normalize()  # type: ignore[arg-type]
    return f"{said}按未达到计分（按 {shown:f}{named.unit} 计）"


def actual_as_read(target: Measure | object, actual: Measure | object,
                   default_op: str = "=") -> Measure:
    """The 完成值 as the rules read it beside the 指标值 (``_compared``): an unread one whose
    words the rules judge (达到预期目标 → 超出预期目标20%: 达成) is read."""
    return _compared(target, actual, default_op)[1]


def compared_values(target: Measure | object, actual: Measure | object,
                    default_op: str = "=") -> tuple[float, float] | None:
    """The 指标值 and 完成值 as the rules compare them (``_compared``, then ``comparable``):
    beside a fall to reach (≥5% of a 下降率) the −6% written is a fall of 6. None where
    either is no number or their units differ."""
    target, actual = _compared(target, actual, default_op)
    if not (target.kind == "number" and actual.kind == "number"):
        return None
    return comparable(target, actual)


def is_met(target: Measure | object, actual: Measure | object,
           default_op: str = "=") -> bool | None:
    """Whether the 完成值 reaches the 指标值: True, False, or None (unknown).

    A target written without ≥/≤ ("100%", "30 万元") is read with ``default_op``.
    """
    return _met(*_compared(target, actual, default_op))


def _met(target: Measure, actual: Measure) -> bool | None:
    """``is_met`` of a 指标值 and 完成值 as ``_compared`` gives them."""
    if target.kind == "qualitative" or (actual.kind == "qualitative" and target.is_number):
        return None if actual.level is None else actual.level == "achieved"
    if target.kind == "date" and actual.kind == "qualitative":
        return None if actual.level is None else actual.level == "achieved"
    if target.kind == "range":
        inside = _in_range(target, actual)
        return None if inside is False and _above_range(target, actual) else inside
    if not (target.is_number and actual.is_number and target.op):
        return None
    pair = comparable(target, actual)
    if pair is None:
        return None
    if _bound_short(target, actual, pair):
        return False
    if _bound_open(target, actual, pair) or _more_open(target, actual, pair):
        return None
    if actual.kind == "date" and actual.op == ">":
        return None  # done after a date before the deadline (6月后完成 beside 12月底前): when, unknown
    if target.kind == "date" and actual.kind == "date" and actual.level == "not":
        return False  # 2023年12月31日前未完成: the date is when it was still not done
    goal, done = pair  # (a negative actual, which scores as 0, is compared as it is: −2 < 0)
    at = at_target(goal, done)
    if target.op in STRICT_OPS and at:
        return False  # a strict target reached only at equality is not met
    if target.op in (">=", ">"):
        return at or done > goal
    if target.op == "=":
        return done <= 0 if goal == 0 else at or done > goal
    return at or done < goal  # "<=", "<"


STRICT_OPS = (">", "<")
_WAYS = {"rise": "增长", "fall": "下降"}


def _negative_said(target: Measure, actual: Measure) -> str:
    """What a 完成值 below 0 is, in a score's note: a change the other way than the one
    wanted (下降≥5% done 增长2%: “是增长，不是要求的下降”), else a negative number."""
    wanted, done = change_stated(target), change_stated(actual)
    if wanted is not None and done is not None and wanted != done:
        return f"是{_WAYS[done]}，不是要求的{_WAYS[wanted]}"
    return "为负数"


def bound_short(target: Measure | object, actual: Measure | object,
                default_op: str = "=") -> str | None:
    """Why the 完成值 is no score: a bound on the far side of the 指标值 (≥95% done
    “低于95%”, ≤3天 done “超过3天”) says the target was missed, not by how much; one on
    the near side (≥95% done “90%以上”) tells neither way (``_bound_open``) — the score
    cannot be computed. None for any other 完成值."""
    target, actual = as_compared(as_measure(target), as_measure(actual))
    target = _with_default_op(target, default_op)
    if not (target.is_number and actual.is_number and target.op
            and (actual.op or more_than(actual))):
        return None
    pair = comparable(target, actual)
    if pair is None:
        return None
    about = _more_open(target, actual, pair)
    return _bound_short(target, actual, pair) or _bound_open(target, actual, pair) or (
        None if about is None else f"实际完成值“{actual.text.strip()}”：{about}")


def bound_as_done(target: Measure | object, actual: Measure | object,
                  default_op: str = "=") -> str | None:
    """Why a 完成值 written as a bound at or past the 指标值, on its side (≥95% done “≥95%”,
    copied; “不低于96%”; ≤3天 done “＜2天”), is no measured value: met by its words and scored
    so, yet what was done is not told. None for any other 完成值 — a bound written after
    the number (95%以上: read as met, docs/readings.md) and the bounds ``bound_short`` tells
    of (no score) included."""
    met = is_met(target, actual, default_op)
    target, actual = as_compared(as_measure(target), as_measure(actual))
    target = _with_default_op(target, default_op)
    if not (target.kind == "number" and actual.is_number and target.op
            and written_as_bound(actual)):
        return None
    pair = comparable(target, actual)
    if pair is None or _bound_short(target, actual, pair) or _bound_open(target, actual, pair):
        return None
    scored = f"已按达到指标值“{target.text.strip()}”计分" if met else "已按所写的界限值计分"
    return (f"完成值“{actual.text.strip()}”写的是界限，不是实际完成的数值：{scored}，"
            "请填写实际测得的数值")


def _bound_short(target: Measure, actual: Measure, pair: tuple[float, float]) -> str | None:
    goal, bound = pair
    op = actual.op
    if op is None and (ratio := more_than(actual)) is not None:
        # A figure and some more: at or past the 指标值 a lower bound (十余次 beside ≤10次:
        # over), below it to its next step an upper one (1.1万余户 beside ≥1.2万户: short)
        if bound >= goal - TOLERANCE:
            op = ">"
        elif bound * ratio <= goal + TOLERANCE:
            op, bound = "<", bound * ratio
    if op is None or target.kind == "range" or changed_by(actual):
        return None  # (增长7% beside 增长≤5%: a rise of 7 % measured, over the ceiling)
    # (95%以下 beside ≥95%: one who reached 95% writes 95%, not 以下)
    below = op in ("<", "<=") and bound <= goal + TOLERANCE
    above = op in (">", ">=") and bound >= goal - TOLERANCE
    if target.op in (">=", ">", "=") and below or target.op in ("<=", "<") and above:
        return (f"完成值“{actual.text.strip()}”只说明{'不到' if below else '超过'}指标值"
                f"“{target.text.strip()}”，未达到，且没有写出实际数值：得分无法计算，请填写确切的完成值")
    return None


def _bound_open(target: Measure, actual: Measure, pair: tuple[float, float]) -> str | None:
    """Why the 完成值 tells neither way: a bound on the near side of the 指标值 (≥95%
    done “90%以上”: at least 90, perhaps 95; ≤3天 done “5天以内”) — met or not, unknown."""
    goal, bound = pair
    if target.kind != "number" or target.op is None or not states_bound(actual):
        return None
    if target.op in (">=", ">") and actual.op in (">", ">=") and bound < goal - TOLERANCE \
            or target.op in ("<=", "<") and actual.op in ("<", "<=") and bound > goal + TOLERANCE:
        return (f"完成值“{actual.text.strip()}”只写了一个界限，不能判断是否达到指标值"
                f"“{target.text.strip()}”：得分无法计算，请填写确切的完成值")
    return None
def _more_open(target: Measure, actual: Measure, pair: tuple[float, float]) -> str | None:
    """Why a 完成值 told as a figure and some more (``more_than``: 万余人次 is more than 1万,
    less than 2万) tells neither way: the 指标值 between the figure and its next step
    (≥1.5万人次; ≤550人 done 500余人) — met or not, unknown, as for 近600次. Elsewhere the
    figure decides: 百余人 meets ≥100人, 十余次 is over ≤10次, 1.1万余户 short of ≥1.2万户
    (``_bound_short``), 2800万余元 within ≤3000万元."""
    goal, done = pair
    ratio = more_than(actual)
    if target.kind != "number" or target.op is None or ratio is None \
            or at_target(goal, done) or done > goal or done * ratio <= goal + TOLERANCE:
        return None
    return about_problem(actual.text)


EMPTY_TARGET = "年度指标值为空"  # a Score's note where the 指标值 says nothing (blank, 无, /)
EMPTY_ACTUAL = "实际完成值为空"
# A Score's note where the two sides' units cannot be compared; the native template's
# formulas say it too where they can tell (``native.WARN_UNITS``)
UNITS_DIFFER = "单位不一致"
# A 完成值 of just 无 (NA) beside a number to reach: filled, but not read as 0 — published
# tables write it for a year the indicator did not apply (衡山 2020: 保障率 100% | 无, 5 of 10
# by hand); beside a count of none wanted (≤2次, ＝0起) it is 0 (``parsing.words_as_numbers``).
NONE_WRITTEN = "完成值“{}”看不出是否达到指标值：未开展的请填 0，已完成的请填实际数值"


# A note's start where the 指标值 and 完成值 are read but the rules cannot judge them (“有待
# 加强” against “稳步提升”; a 完成值 outside a range 指标值, RANGE_UNSCORED): a person's
# score stands for the rules' there (JX410), unlike a value missing or unread (JX201–JX204)
UNJUDGED = "无法判断"
RANGE_UNSCORED = "无法判断得分"  # a note's start: a 完成值 outside a range 指标值 (JX410)


def _above_range(target: Measure, actual: Measure) -> bool:
    """Whether a 完成值 lies above a range of amounts (3-5次, 90%-95%: not ±5 %, whose
    either side is a deviation)."""
    if target.value is None or target.value < 0 or target.upper is None \
            or actual.kind != "number" or actual.value is None:
        return False
    pair = comparable(replace(target, kind="number", value=target.upper), actual)
    return pair is not None and pair[1] > pair[0] and not at_target(*pair)


def _in_range(target: Measure, actual: Measure) -> bool | None:
    """Whether the 完成值 lies within a range 指标值 (its bounds included); None when it
    is no number in the range's unit. A range allows values below 0 (±5 %): none is cut.
    A 完成值 that is a range itself (1月至12月 done in 1月至12月) lies within when both its
    bounds do."""
    if actual.kind == "range" and actual.upper is not None:
        bounds = [_in_range(target, replace(actual, kind="number", value=value, upper=None))
                  for value in (actual.value, actual.upper)]
        return None if None in bounds else all(bounds)
    if actual.kind != "number" or actual.value is None:
        return None
    low = comparable(replace(target, kind="number"), actual)
    high = comparable(replace(target, kind="number", value=target.upper), actual)
    if low is None or high is None:
        return None
    (lower, done), (upper, _) = low, high
    return (done >= lower or at_target(lower, done)) and (done <= upper or at_target(upper, done))


class Direction(Enum):
    """How a 指标值 written without ≥/≤ ("100%", "30 万元") is read; the value is
    the operator it stands for."""

    GOAL = "="      # reach it: most indicators
    CEILING = "<="  # stay within it: costs, and a time allowed under 时效指标


COST_WORD = "成本"


def is_cost(text: object) -> bool:
    """Whether a 二级指标 (or an indicator's name) speaks of a cost (成本)."""
    return isinstance(text, str) and COST_WORD in text


# Rates where more is better, named so (满意度, 完成率, 执行率 …): a ≤ before them is written
# the wrong way round (JX203), and one of a cost (成本执行率) no ceiling to ask about.
RISING_RATES = ("满意度", "完成率", "覆盖率", "达标率", "合格率", "执行率", "知晓率", "到位率",
                "及时率", "正确率", "准确率", "参保率", "兑付率", "发放率")

# Savings, which rise by nature: 成本节约率, 节支率, 成本降低率 — a goal, though of a cost.
SAVINGS = ("节约", "节省", "节支", "降低率", "下降率")
# A name that says a cost is lowered, the word for lowering before the cost (降低农产品流通
# 成本, 减轻患者医疗成本) or after it (农户生产成本降低, 费用同比下降): how much it fell —
# a saving too. Within one phrase: the words apart by a few characters, no punctuation.
_LOWERING = "降低|减少|减轻|节约|节省|节支|压缩|下降"
_COSTS_LOWERED = re.compile(
    rf"(?:{_LOWERING})[^，,；;。、\s]{{0,8}}(?:{COST_WORD}|费用)"
    rf"|(?:{COST_WORD}|费用)[^，,；;。、\s]{{0,3}}(?:{_LOWERING})")


def is_saving(name: object) -> bool:
    """Whether an indicator's name is a saving, which rises by nature: a saving word
    (``SAVINGS``: 成本节约率, 节支率) or a cost named as lowered (降低运输成本, 农户生产成本
    降低) — a goal, ≥ written the right way, though it names a cost."""
    if not isinstance(name, str):
        return False
    text = compact_text(name)
    return any(word in text for word in SAVINGS) or _COSTS_LOWERED.search(text) is not None


# Rates of what is bad, where less is better: a 指标值 of them without ≤ ("差错率 1%",
# "森林火灾受害率 0.9%") is read "＝" by the rules, so doing better (0.5 %, 0) would score as
# not reaching it; the clerk meant "≤". Read by the name only: the checks say to write the ≤
# (JX203) and judge no score by the "＝" reading. The JX_ functions, given no name, read
# the "＝" (a 成本指标 二级 or a ≤ written is a ceiling anyway).
FALLING_RATES = ("差错率", "错误率", "出错率", "失误率", "投诉率", "事故率", "发生率", "不合格率",
                 "不达标率", "返工率", "故障率", "流失率", "违规率", "超支率", "逾期率", "退回率",
                 "返贫率", "漏报率", "误报率", "空置率", "闲置率", "损耗率", "偏差率", "误差率",
                 "死亡率", "发病率", "感染率", "复发率", "辍学率", "受害率", "成灾率", "超标率",
                 "违约率", "失业率", "病死率", "致死率", "伤亡率", "患病率", "犯罪率", "发案率",
                 "损失率", "破损率", "漏检率", "误诊率", "不良率", "缺陷率", "次品率", "返修率",
                 "失败率", "拖欠率", "欠薪率", "脱失率", "致贫率",
                 # 部门整体 tables' ceilings (not 血压控制率, a share of patients controlled)
                 "人员控制率", "经费控制率", "支出控制率", "预算调整率", "结转结余率", "结余率",
                 "变动率")


@functools.lru_cache(maxsize=4096)  # a row's name is asked about by several checks
def is_falling_rate(name: object) -> bool:
    """Whether an indicator's name is a rate of something bad (差错率, 受害率, 失业率 …),
    where less is better."""
    return isinstance(name, str) and "率" in name and any(word in name for word in FALLING_RATES)


# What is better less beside its rates (FALLING_RATES) and costs: complaints, accidents,
# losses, consumption (群众投诉量, 安全事故起数, 单位能耗, 粮食损耗)
_LESS_BETTER_WORDS = ("投诉", "事故", "损耗", "能耗", "发案", "伤亡")

# A harm or a cost named as lowered or removed (``lows_best``): a word for lowering
# (``_LOWERING``, as a cost lowered in ``is_saving``) or removing, controlling or meeting a
# standard, just after the harm (农民负担减轻, 违法行为查处, 排放达标, 成本控制) or a few
# characters before it (减轻农民负担, 消除安全隐患) — within one phrase.
_REMOVING = rf"{_LOWERING}|消除|挽回|查处|治理|整治|整改|排除|减排|控制|防控|防范|化解|处置|达标"
# 信访, 矛盾, 纠纷 are harms to settle (信访事项办结率, 矛盾纠纷化解率: rt35 r1), not harms
# alone (信访量: a right exercised, as much as a harm) — ``lows_best`` leaves those unsaid.
_SETTLED_ONLY = ("信访", "矛盾", "纠纷")
_HARM_NAMES = "|".join((*_HARMS, *_LESS_BETTER_WORDS, *_SETTLED_ONLY, COST_WORD, "费用"))
# Handling or settling a harm named before (投诉处理率, 投诉办结率, 投诉问题解决率, 投诉答复率,
# 投诉办理率, 矛盾纠纷调处率, 信访事项按期办结率): how much of it was dealt with — good, as
# 整改/处置; only after the harm (数据处理差错率 is a rate of errors, 污水处理成本 a cost).
_HANDLING = "处理|办结|办理|受理|解决|答复|回复|调处|调解"
_HARM_LOWERED = re.compile(
    rf"(?:{_HARM_NAMES})[^，,；;。、\s]{{0,4}}(?:{_REMOVING}|{_HANDLING})"
    rf"|(?:{_REMOVING})[^，,；;。、\s]{{0,6}}(?:{_HARM_NAMES})")
# A cost spent on removing or handling a harm (治理成本, 整治费用, 投诉处理成本): the name's
# head is the cost, after the removing word — not lowered (only 成本控制/成本节约, the word after 成本, are).
_COST_SPENT = re.compile(
    rf"(?:{_REMOVING}|{_HANDLING})[^，,；;。、\s]{{0,6}}(?:{COST_WORD}|费用)")
# A lapse or the time of handling a harm (投诉处理差错率, 投诉办理超时率, 投诉处理不及时率,
# 投诉处理时长, 纠纷调处时间: review C, rt35): the name's head is the errors, delays or time,
# after the handling word — low best, as a cost spent; unless met or shortened after it
# (投诉处理时间达标率, 投诉处理时长缩短率: a removing word follows). 及时 alone is good.
_HANDLING_LAPSE = re.compile(
    rf"(?:{_HANDLING})[^，,；;。、\s]{{0,6}}"
    rf"(?:差错|错误|出错|失误|超时|超期|逾期|不及时|延误|延迟|时长|时间|天数|周期|耗时|用时)"
    rf"(?![^，,；;。、\s]{{0,4}}(?:{_REMOVING}|缩短))")


def less_is_better(name: object) -> bool:
    """Whether an indicator's name is of something better less: a rate of something bad
    (``is_falling_rate``: 安全事故发生率, 投诉率), a cost that is no saving, or a count of
    complaints, accidents, losses or consumption (群众投诉量, 单位能耗)."""
    if not isinstance(name, str) or is_saving(name):
        return False
    return is_falling_rate(name) or is_cost(name) or any(word in name for word in _LESS_BETTER_WORDS)


def floor_as_fall(target: Measure, name: object) -> Measure:
    """A floor of nothing (≥0%, ≥0件: ``parsing.floor_of_nothing``) under a name of
    something better less (``less_is_better``: 安全事故发生率, 群众投诉量) as a fall of at
    least nothing (下降≥0%, its unit DECLINE + %), as under a name of a fall (门诊次均费用较
    上年下降): 较上年下降3.2% meets it, 较上年增长1% does not. Any other 指标值 as it is —
    beside a change, a floor of nothing is a rise of at least nothing (``units.comparable``)."""
    if floor_of_nothing(target) is None or not less_is_better(name):
        return target
    return replace(target, unit=DECLINE + target.unit)


TIMELINESS_WORD = "时效"
# A length of time as the 指标值's unit, as parsed (日 → 天, h → 小时) and as typed (the
# native formulas compare the unit typed): under 时效指标 it is the time allowed.
DURATION_UNITS = ("秒", "分钟", "小时", "天", "日", "工作日", "个工作日", "周", "个月", "h", "min",
                  "日历天", "个日历天", "日历日", "个日历日", "季度", "个季度", "年")


_DURATIONS_FOLDED = frozenset(unit.casefold() for unit in DURATION_UNITS)


def direction(level2: object, target: object = None) -> Direction:
    """成本 means ≤ — the one place it is written: an indicator under a 二级 of costs
    (成本指标) is a ceiling; so is a ``target`` that is a length of time under 时效指标
    (办结时限 "5个工作日", 响应时间 "2小时", 约2小时: the time allowed, done in 3 is met); every
    other one a goal. The model and the JX_ functions ask this; the native formulas'
    twin asks ``unit_direction`` with the unit as typed."""
    if target is None or not (isinstance(level2, str) and TIMELINESS_WORD in level2):
        return unit_direction(level2, "")  # the 指标值's unit matters under 时效指标 only
    measure = as_measure(target)
    # 约24小时 is the time allowed as 24小时 is (scored as its number: ``about_number``)
    return unit_direction(level2, (about_number(measure) or measure).unit)


def unit_direction(level2: object, unit: str) -> Direction:
    """``direction`` for a 指标值 whose unit is ``unit`` (compared ignoring case, as a
    worksheet's = does: H is h)."""
    if is_cost(level2):
        return Direction.CEILING
    if isinstance(level2, str) and TIMELINESS_WORD in level2 \
            and unit.casefold() in _DURATIONS_FOLDED:
        return Direction.CEILING
    return Direction.GOAL


def at_target(goal: float, done: float) -> bool:
    """The actual equals the target (up to float noise from unit scaling: 96.7 万 = 967000)."""
    return math.isclose(done, goal, rel_tol=1e-9)


def strict_at_target_share(ruleset: RuleSet) -> float:
    """Share of 分值 for a strict target (＞ / ＜) whose actual equals the target.

    Not met, so scored as 部分达成: the top of the rule set's 部分达成 band
    (mof2020 and sichuan 80 %, ratio 80 %). See docs/rules.md, “严格目标”.
    """
    return ruleset.bands["partial"][1]


def indicator_score(target: Measure | object, actual: Measure | object, weight: float,
                    rules: str | RuleSet | None = None, judged: float | None = None,
                    default_op: str = "=", judged_percent: bool = False) -> Score:
    """The 得分 of one indicator under a rule set.

    ``judged`` is the score a person gave a qualitative indicator; it is
    accepted when it lies in the band of the indicator's level. A target
    without ≥/≤ is read with ``default_op`` ("=", or "<=" for 成本指标).
    ``judged_percent``: the 人工评分 was typed as a percent (70%, read as 70 points, as a
    分值 10% is 10): out of its band, the note asks for points (``judged_out_of_band``).

    Remembered for the published rule sets (a pure function of its inputs, and a
    ``Score`` is frozen): a table's score is asked for by the evaluation, by the
    template's JX_ functions the checks re-run and by the checks, and the same
    指标值/完成值/分值 recur across the tables of a batch.
    """
    ruleset = rule_set(rules)
    if RULE_SETS.get(ruleset.name) is ruleset:
        try:
            hash((target, actual, weight, judged))
        except TypeError:  # a value no cell holds (a list): computed, not remembered
            pass
        else:
            return _remembered_score(target, actual, weight, ruleset.name, judged, default_op,
                                     judged_percent)
    return _indicator_score(target, actual, weight, ruleset, judged, default_op, judged_percent)


@functools.lru_cache(maxsize=8192, typed=True)  # typed: 1, 1.0 and True are read differently
def _remembered_score(target: Measure | object, actual: Measure | object, weight: float,
                      rules: str, judged: float | None, default_op: str,
                      judged_percent: bool) -> Score:
    return _indicator_score(target, actual, weight, RULE_SETS[rules], judged, default_op,
                            judged_percent)


def _indicator_score(target: Measure | object, actual: Measure | object, weight: float,
                     ruleset: RuleSet, judged: float | None, default_op: str,
                     judged_percent: bool = False) -> Score:
    _check_weight(weight)
    named = about_target(target)  # 约500人: scored as 500人
    overrun = overrun_by(as_measure(actual)) is not None  # 超支20万元: scored as what was spent
    about_done = about_settled(target, actual, default_op)  # 约25万元 / 约2.5万元 beside ≥20万元
    target, actual = _compared(target, actual, default_op)
    met = _met(target, actual)

    if target.kind == "empty":
        return Score(None, None, EMPTY_TARGET)
    if actual.kind == "empty":
        if target.kind == "number" and any(char.isalpha() for char in actual.text):
            return Score(None, None, NONE_WRITTEN.format(actual.text.strip()))
        return Score(None, None, EMPTY_ACTUAL)
    for side, name in ((target, "年度指标值"), (actual, "实际完成值")):
        if side.kind == "unparsed":
            return Score(None, None, f"{name}：{side.problem}")

    if target.kind == "range" and actual.kind != "qualitative":
        # Within the range is met: full marks. The rules give no deduction for a value
        # outside it (below the lower bound, or above the upper): a reviewer judges —
        # above the upper bound of a count (3-5次 done 6次) may be more than was asked.
        if met:
            return Score(round2(weight), True, "完成值在指标值区间内")
        if met is None and _above_range(target, actual):
            return Score(None, None, f"{RANGE_UNSCORED}：完成值高于指标值区间“{target.text.strip()}”"
                                     "的上限，计分规则未规定区间指标如何计分，请人工复核得分")
        if met is None:
            return Score(None, None, f"无法判断完成值“{actual.text.strip()}”是否在指标值区间"
                                     f"“{target.text.strip()}”内")
        return Score(None, False, f"{RANGE_UNSCORED}：完成值在指标值区间“{target.text.strip()}”"
                                  "之外，计分规则未规定区间指标的扣分方法，请人工复核得分")
    qualitative = target.kind == "qualitative" or actual.kind == "qualitative"
    if target.kind == "date" and actual.kind == "date":
        if met is None:
            return Score(None, None, f"无法判断完成值“{actual.text.strip()}”是否在指标值"
                                     f"“{target.text.strip()}”之前：请填写完成的日期")
        # Done after the deadline is done late: 部分达成, as 延期完成 is (docs/domain.md §3) —
        # unless the 完成值 says it is not done (2025年3月尚未完成, 12月31日前未完成).
        level = "achieved" if met else "not" if actual.level == "not" else "partial"
        on_time = "按时完成" if met else "未完成" if level == "not" else "逾期完成"
        return _qualitative(level, on_time, weight, ruleset, judged, met,
                            on_time if met else f"{on_time}，按“{LEVEL_NAMES[level]}”区间评分",
                            judged_percent)
    if qualitative:
        if target.is_number and actual.kind == "qualitative" and actual.level is None:
            return Score(None, None, f"定量指标的完成值“{actual.text.strip()}”不是数值")
        if target.kind == "qualitative" and actual.is_number and not (
                actual.kind == "date" and actual.level is not None):  # 2024年11月完成: 完成 answers
            return Score(None, None, f"定性指标“{target.text.strip()}”的完成值应写达成/部分达成/未达成")
        if actual.level is None and listed_levels(actual) is not None:
            return Score(None, None, f"无法判断完成值“{actual.text.strip()}”是否达成：照抄了"
                                     "等级选项，未写明达到哪一级")
        if actual.level is None:
            return Score(None, None, f"无法判断完成值“{actual.text.strip()}”是否达成")
        read_as = (f"定量指标的完成值“{actual.text.strip()}”按文字读作{LEVEL_NAMES[actual.level]}"
                   if target.is_number else f"定性指标：{LEVEL_NAMES[actual.level]}")
        return _qualitative(actual.level, LEVEL_NAMES[actual.level], weight, ruleset, judged, met,
                            read_as, judged_percent)  # ≥80% answered 已完成: scored by the words (JX204 says so)

    pair = comparable(target, actual)
    if pair is None:
        return Score(None, None,
                     f"{UNITS_DIFFER}：指标值单位“{unit_name(target.unit)}”，"
                     f"完成值单位“{unit_name(actual.unit)}”")
    short = _bound_short(target, actual, pair)
    if short is not None:
        return Score(None, False, short)
    open_bound = _bound_open(target, actual, pair)
    if open_bound is not None:
        return Score(None, None, f"无法判断完成值“{actual.text.strip()}”是否达到指标值"
                                 f"“{target.text.strip()}”：只写了一个界限，请填写确切的完成值")
    about = _more_open(target, actual, pair)
    if about is not None:  # 万余人次 beside ≥1.5万人次: as 近600次 is
        return Score(None, None, f"实际完成值：{about}")
    goal, done = pair
    if _missed_without_ratio(target.op, goal, done):
        return _qualitative("not", LEVEL_NAMES["not"], weight, ruleset, judged, False,
                            f"正向指标：完成值“{actual.text.strip()}”低于指标值"
                            f"“{target.text.strip()}”，未达成；指标值不大于 0，"
                            "无法按 分值 × 完成值 ÷ 指标值 计分，按“未达成”区间评分")
    share, note, value = _quantitative_points(target.op, goal, done, weight, ruleset)
    if done < 0 and share == 0 and note == _POSITIVE_NOTE:  # (the formula would give < 0)
        note = f"正向指标：实际完成值“{actual.text.strip()}”{_negative_said(target, actual)}，按 0 计，得 0 分"
    if note == _NEGATIVE_CEILING_NOTE:
        note = f"反向指标：指标值“{target.text.strip()}”小于 0，完成值高于指标值，得 0 分"
    if named is not None and met is False:  # (met: every reading of 约 agrees)
        note = f"{note}；指标值“{target.text.strip()}”是约数，按 {named} 计"
    if about_done is not None:  # 约25万元, 约2.5万元 beside ≥20万元 (``_about_settled``)
        note = f"{note}；{about_done}"
    if overrun:
        spent = f"{written(actual.value).normalize():f}{actual.unit}"  # type: ignore[arg-type]
        note = f"{note}；完成值“{actual.text.strip()}”按 {spent} 计"
    if met is False and weight > 0 and value >= round2(weight):
        # 3.995 of 4 rounds to full marks: the rules' score (rounded to 2 decimals) is 4.
        # jixiao's convention keeps a target not met below them (分值 − 0.01); either is
        # accepted (``as_written``), 3.99 is what jixiao computes where nothing is written.
        full, value = value, round2(max(0.0, round2(weight) - SCORE_STEP))
        rounding = f"；按公式四舍五入为满分 {plain_points(full)}"
        return Score(value, met, f"{note}{rounding}，未达成的 jixiao 取 {plain_points(value)} "
                                 f"分（分值减 0.01），填 {plain_points(full)} 亦可",
                     rounded_full=(full, f"{note}{rounding}（未达成，填 {plain_points(value)} 亦可）"))
    return _month_span(Score(value, met, note), target, actual, weight, ruleset)


def about_target(target: Measure | object) -> str | None:
    """The number a 指标值 given about names, as shown (约500人, ≥500盏左右: “500人”,
    “≥500盏”), which it is scored as (``parsing.about_number``); None for any other 指标值."""
    named = about_number(as_measure(target))
    if named is None or named.value is None:
        return None
    sign = OPERATOR_SIGNS.get(named.op or "", "")
    return f"{sign}{written(named.value).normalize():f}{named.unit}"


def _quantitative_points(op: str | None, goal: float, done: float, weight: float,
                         ruleset: RuleSet) -> tuple[Decimal, str, float]:
    """The share, its note and the 得分 of a quantitative indicator on one scale."""
    with localcontext() as exact:  # a cell past float range (inf): NaN, scored 0 as floats do
        exact.traps[InvalidOperation] = False
        share, note = _quantitative_share(op, written(goal), written(done), ruleset)
        return share, note, formula_points(weight, share)


def _missed_without_ratio(op: str | None, goal: float, done: float) -> bool:
    """A positive target of 0 or less missed (≥0% or 不低于上年 done −2%, ＞0 done −2%): the
    actual is below it, so not met — counting a negative actual as 0 must not reach it —
    and 分值 × 完成值 ÷ 指标值 means nothing there. Scored in the 未达成 band, as
    不低于上年 answered 较上年下降2% is (``_indicator_score``)."""
    positive = op in (">=", ">") or (op == "=" and goal != 0)  # (=0: done ≤ 0 is met)
    return positive and goal <= 0 and done < goal and not at_target(goal, done)


def _month_span(score: Score, target: Measure, actual: Measure, weight: float,
                ruleset: RuleSet) -> Score:
    """A score whose months were counted in days at the average month (≤3个月 beside
    100天): the note says so, and ``span`` holds the scores a month of 28 and of 31 days
    gives — a unit counting 30 days a month (4.44 where jixiao computes 4.52) is right
    too (``as_written``)."""
    readings = month_readings(target, actual)
    if readings is None:
        return score
    values = [_quantitative_points(target.op, goal, done, weight, ruleset)[2]
              for goal, done in readings] + [score.value]
    low, high = min(values), max(values)
    if low == high:
        return score
    fewest, most = MONTH_DAYS
    return replace(score, span=(low, high),
                   note=f"{score.note}；月按每月 {DAYS_A_MONTH:.2f} 天（{DAYS_A_MONTH_SAID}）"
                        f"折算，按每月 {fewest:g}–{most:g} 天折算的得分在 {band_text(low, high)} "
                        "之间均可")


def as_written(score: Score, declared: float | None) -> Score:
    """The score with the formula's own rounding to full marks (``Score.rounded_full``)
    where the unit wrote those full marks (4 for 3.995 of 4): the rules round to 2 decimals,
    so the written 4 is right, and the total computed counts it as written. Likewise a
    score written within ``Score.span`` (months counted as 30 days: 4.44 for jixiao's
    4.52) is taken as written."""
    if score.span is not None and declared is not None \
            and score.span[0] - TOLERANCE < declared < score.span[1] + TOLERANCE:
        return replace(score, value=round2(declared),
                       note=f"{score.note}（填写 {plain_points(declared)}）")
    if score.rounded_full is None or declared is None \
            or abs(declared - score.rounded_full[0]) >= TOLERANCE:
        return score
    full, note = score.rounded_full
    return replace(score, value=full, note=note)


def beyond_rounding(target: Measure | object, actual: Measure | object, weight: float | None,
                    declared: float | None, default_op: str = "=") -> bool:
    """Whether a 得分 written for a positive target not met (≥, ＞, or ＝ above 0: every rule
    set scores it 分值 × 完成值 ÷ 指标值) is higher than any rounding of that rule gives: the
    share up to a whole percent, then the points up to one decimal (91.8 of ≥96.7万人 at 10:
    94.93 % → 95 % → 9.5; a written 9.99 is beyond, 9.5 is not). Only where both sides are
    numbers written as read, in one unit: no conversion (万人 beside 人, months beside days,
    每季度1次 read as 4次, a fraction beside a percent), no 约数 or 余, no bound, no change on
    last year, no scoring rule of the row's own (≥12场，每少1场扣0.5分) — elsewhere a score
    may rest on another reading of the target (False)."""
    goal_side, done_side = as_measure(target), as_measure(actual)
    if declared is None or weight is None or weight <= 0 \
            or not (_written_as_read(goal_side) and _written_as_read(done_side)) \
            or as_compared(goal_side, done_side) != (goal_side, done_side) \
            or damaged_at_least(goal_side) != goal_side \
            or done_side.op is not None or more_than(done_side) is not None \
            or states_scoring_rule(goal_side.text) or states_scoring_rule(done_side.text) \
            or scored_op(goal_side.op, default_op, goal_side.unit) not in (">=", ">", "=") \
            or goal_side.unit not in (done_side.unit, "") and done_side.unit != "":
        return False
    goal, done = goal_side.value, done_side.value
    pair = comparable(goal_side, done_side)  # (in base units: 96.7万 is 967000)
    if pair is None or month_readings(goal_side, done_side) \
            or not 0 <= done < goal or at_target(goal, done) \
            or not math.isclose(pair[1] * goal, pair[0] * done, rel_tol=1e-9):  # type: ignore[operator]
        return False  # (a scale on one side only: 万人 beside 人)
    percent = (written(done) * 100 / written(goal)).to_integral_value(rounding=ROUND_CEILING)  # type: ignore[arg-type]
    most = (written(weight) * percent / 100).quantize(Decimal("0.1"), rounding=ROUND_CEILING)
    return written(declared).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) > most


def _written_as_read(measure: Measure) -> bool:
    """A number whose figure, as written, is the value read (12场, ≥96.7万人, 1,200人): not
    one counted from words (十二场) or a period (每季度1次 is 4次), nor a change (增长10%)."""
    if measure.kind != "number" or measure.value is None or changed_by(measure) \
            or change_stated(measure) is not None or measure.unit.startswith(RISE):
        return False
    figure = format(Decimal(repr(measure.value)).normalize(), "f")
    return figure in normalize_text(measure.text).replace(",", "")


def scored_op(op: str | None, default_op: str, unit: str = "") -> str:
    """The sign a number 指标值 is scored by: its own, or ``default_op`` (``direction``)
    when it has none — or writes "＝" for an amount (not a rate: ``unit`` not %), which
    says no more than a bare one (一体化 exports list 指标性质 ＝ for a cost amount): under
    成本指标 "＝60万元" is the ceiling "60万元" is, 57 万元 met, 66 over; "＝5%" (a
    政府采购节约率, a 足额发放率 listed under 成本) is a rate to reach. The native formulas'
    twin is ``native.row_formulas``' eop."""
    if op is None or op == "=" and default_op == Direction.CEILING.value \
            and not unit.endswith("%"):
        return default_op
    return op


def _with_default_op(target: Measure, default_op: str) -> Measure:
    if target.kind == "number" and target.value is not None:
        op = scored_op(target.op, default_op, target.unit)
        return target if op == target.op else replace(target, op=op)
    return target


_POSITIVE_NOTE = "正向指标：分值 × 实际完成值 ÷ 年度指标值"
_NEGATIVE_CEILING_NOTE = "反向指标：指标值小于 0，完成值高于指标值，得 0 分"


def _quantitative_share(op: str, goal: Decimal, done: Decimal, ruleset: RuleSet
                        ) -> tuple[Decimal, str]:
    """The share of 分值 a quantitative indicator earns, exact (``formula_points``)."""
    if op in STRICT_OPS and at_target(float(goal), float(done)):
        share = written(strict_at_target_share(ruleset))
        return share, (f"严格目标（{'＞' if op == '>' else '＜'}）完成值恰好等于指标值，未达成，"
                       f"按“部分达成”区间上限 {share:.0%} 评分")
    if op == "=" and goal == 0:
        return (Decimal(1), "目标为 0 且完成值为 0") if done <= 0 else (Decimal(0), "目标为 0，完成值大于 0")
    at = at_target(float(goal), float(done))
    if op in (">=", ">", "="):
        if goal <= 0 or done >= goal or at:
            return Decimal(1), "完成值达到指标值"
        return max(done, Decimal(0)) / goal, _POSITIVE_NOTE  # a negative actual counts as 0
    # reverse: ≤ <
    if done <= goal or at:
        return Decimal(1), "完成值未超过指标值"
    if goal < 0:  # (≤-18℃ done −16℃: the note names the 指标值, ``_indicator_score``)
        return Decimal(0), _NEGATIVE_CEILING_NOTE
    if goal == 0:
        return Decimal(0), "反向指标：目标为 0，完成值超过目标，得 0 分"
    if ruleset.reverse == "ratio":
        return goal / done, "反向指标（比例法）：分值 × 年度指标值 ÷ 实际完成值"
    if done >= 2 * goal:
        return Decimal(0), "反向指标：完成值达到指标值的 2 倍及以上，得 0 分"
    return 1 - (done - goal) / goal, "反向指标：分值 × (1 − (实际完成值 − 年度指标值) ÷ 年度指标值)"


def plain_points(value: float) -> str:
    """Points as Excel's General shows a 2-decimal number (and a formula's ``&`` joins
    it): 3, 6.5, 99.8 — the template's cells and the findings write them alike."""
    return f"{round2(value):.2f}".rstrip("0").rstrip(".")


def band_text(low: float, high: float) -> str:
    """A score range as the template's cells and the findings both write it: 3–4, 6.5–8."""
    return f"{plain_points(low)}–{plain_points(high)}"


def judged_out_of_band(judged: float, band: tuple[float, float], percent: bool = False) -> str:
    """A 人工评分 outside its level's band, as the template's 得分 cell and JX408 both say
    it: “人工评分 9 不在 6–8 分之间”; one typed as a percent (70%, read as 70 points) asks
    for points: “人工评分 70% 不在 6–8 分之间：请填写分数（如 7），不是百分比”."""
    if not percent:
        return f"人工评分 {judged:g} 不在 {band_text(*band)} 分之间"
    return (f"人工评分 {judged:g}% 不在 {band_text(*band)} 分之间：请填写分数（如 "
            f"{plain_points(sum(band) / 2)}），不是百分比")


def _qualitative(level: str, level_name: str, weight: float, ruleset: RuleSet,
                 judged: float | None, met: bool | None, note: str,
                 judged_percent: bool = False) -> Score:
    low, high = ruleset.bands[level]
    band = (formula_points(weight, written(low)), formula_points(weight, written(high)))
    if judged is None:
        if level == "achieved":
            value = round2(weight)
        else:
            value, note = None, f"{note}，请在 {band_text(*band)} 分之间人工评分"
    elif not band[0] <= round2(judged) <= band[1]:  # judged as kept: 2 decimals (=G37*0.8
        # beside 分值 3 is 2.4000000000000004, the band's top 2.4; 8.004 is 8, in 6–8)
        value, note = None, f"{note}，{judged_out_of_band(judged, band, judged_percent)}"
    else:
        value, note = round2(judged), f"{note}，人工评分"
    return Score(value, met, note, band, level, level_name)


def _check_weight(weight: float) -> None:
    if weight is None or weight < 0:
        raise ScoreInputError(f"分值“{weight}”无效，须为不小于 0 的数")


# ------------------------------------------------------------- total, grade

def total_score(scores: Iterable[float | None]) -> float | None:
    """总分: the sum of the 执行率得分 and every indicator 得分; None if one is unknown."""
    values = list(scores)
    if any(value is None for value in values):
        return None
    return round2(sum(Decimal(repr(float(v))) for v in values))  # type: ignore[arg-type]


@dataclass(frozen=True)
class Grade:
    """One 评分等级: its name, the lowest 总分 (rounded to 2 decimals) that earns it,
    the other words tables write for it (优秀 for 优), and its name in the scale of
    优秀/良好/合格/不合格 some tables grade on (``scaled``; of the same floors)."""

    name: str
    floor: float
    words: tuple[str, ...] = ()
    scaled: str = ""


# The four grades, best first — the one list of them (docs/domain.md §2).
GRADES = (Grade("优", 90.0, ("优秀",), "优秀"), Grade("良", 80.0, ("良好", "较好"), "良好"),
          Grade("中", 60.0, ("中等", "合格", "一般"), "合格"),
          Grade("差", float("-inf"), ("较差", "不合格"), "不合格"))
GRADE_NAMES = tuple(grade.name for grade in GRADES)
_SCALED_NAMES = {grade.name: grade.scaled for grade in GRADES}
_WORST_LEVEL = len(GRADE_NAMES) - 1  # 差, 较差, 不合格: 未达成 below any better level wanted
_GRADE_WORDS = {word: grade.name for grade in GRADES for word in (grade.name, *grade.words)}


# No grade is given where the 分值 do not total 100 (JX101): a total out of 90 or 110
# is no 良 or 优. The template's 评分等级 cell shows it (⚠ …), the report says it (—（…）).
NOT_GRADED = "不评等级"
UNGRADED = "分值合计 {total}，不是 100，" + NOT_GRADED


def ungraded(weight_total: float | None) -> str | None:
    """Why a table gets no 评分等级: "分值合计 90，不是 100，不评等级"; None when its 分值
    total 100 (or are unknown)."""
    if weight_total is None or abs(weight_total - FULL_MARKS) <= TOLERANCE:
        return None
    return UNGRADED.format(total=plain_points(weight_total))


def totals_once_weighed(total: float, weight_total: float) -> tuple[float, float]:
    """The 总分 a table whose 分值 total ``weight_total``, not 100, can have once they are
    made up or corrected: short of 100, the points missing may all be earned or none (86.22
    out of 90: 86.22–96.22); over it, the points too many may all have been earned or none
    (96.82 out of 101: 95.82–96.82) — within 0–100."""
    gap = FULL_MARKS - weight_total
    low, high = (total, total + gap) if gap > 0 else (total + gap, total)
    return round2(min(max(low, 0.0), FULL_MARKS)), round2(min(max(high, 0.0), FULL_MARKS))


def grade(total: float) -> str:
    """评分等级 of a 总分 rounded to 2 decimals: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, else 差."""
    rounded = round2(total)
    return next(grade.name for grade in GRADES if rounded >= grade.floor)


def rounded_alike(total: float, said: float, decimals: int) -> bool:
    """Whether a 总分 said again in a sentence, written with ``decimals``, is the ``total``:
    the same, or — written with fewer decimals than a score has (0 or 1) — the total
    rounded half-up to them, of the same grade (99.1 or 99 for 99.05, 98.0 for 98; not
    99 for 98.4, nor 90 for 89.6: a 良 said as 优)."""
    if abs(total - said) <= TOLERANCE:
        return True
    if decimals >= 2 or grade(said) != grade(total):
        return False
    step = Decimal(1).scaleb(-decimals)
    return float(written(total).quantize(step, rounding=ROUND_HALF_UP)) == said


def grade_name(raw: object) -> str | None:
    """The grade a 评分等级 cell names: "优秀", "良好", "合格", "优等", "优秀等次" → 优, 良, 中, 优, 优,
    with its score noted after it or not ("优（95分）"), or the one grade ticked in a
    tick box ("√优 □良 □中 □差", ``ticked_grades``); anything else None."""
    if not isinstance(raw, str):
        return None
    ticked = ticked_grades(raw)
    if ticked is not None:
        return ticked[0] if len(ticked) == 1 else None
    word = _grade_word(raw)
    return None if word is None else _GRADE_WORDS[word]


def _grade_word(raw: str) -> str | None:
    """The grade word a 评分等级 cell writes, as typed ("优秀等次", "A（优秀）", "优（95分）"
    → 优秀, 优秀, 优); None where it writes none (a tick box aside: ``ticked_grades``)."""
    text = normalize_text(raw).strip(_AROUND_GRADE) or normalize_text(raw)  # 优。 “优” 【优】
    lettered = _LETTER_FIRST.fullmatch(text)
    if lettered is not None:  # A（优秀）: the word says the grade, whatever the letter
        text = (lettered["word"] or lettered["bare"]).strip().strip(_AROUND_GRADE)
    text = _GRADE_NOTE.sub("", text).strip().strip(_AROUND_GRADE) or text
    for word in (text, text.removesuffix("等次"), text.removesuffix("等").removesuffix("级")):
        if word in _GRADE_WORDS:  # 优秀等次, 优等, 优秀级
            return word
    return None


def grade_as_written(name: str, written: object) -> str:
    """The grade ``name`` (优/良/中/差) as a table whose 评分等级 cell holds ``written``
    names it: in the scale of 优秀/良好/合格/不合格 where it wrote one of those (96 graded
    良好 → 优秀, 86 graded 合格 → 良好), else ``name``."""
    word = _grade_word(written) if isinstance(written, str) \
        and ticked_grades(written) is None else None
    return _SCALED_NAMES.get(name, name) if word in _SCALED_NAMES.values() else name


def grade_letter(raw: object) -> bool:
    """Whether a 评分等级 cell holds a letter alone ("A", "B级"): no grade jixiao reads —
    what A–D stand for is a province's rule, not the national one (优/良/中/差)."""
    return isinstance(raw, str) and _LETTER.fullmatch(
        normalize_text(raw).strip(_AROUND_GRADE).strip()) is not None


# A letter grade (A, B级, C等): read only with the grade's word written beside it
_LETTER = re.compile(r"[A-Da-d](?:级|等)?")
# The letter first, then the word: "A（优秀）", "A级(优)", "A-优秀", "A：优秀" (优秀（A）, the
# word first, is the word with a note: ``_GRADE_NOTE``)
_LETTER_FIRST = re.compile(
    rf"{_LETTER.pattern}\s*(?:\((?P<word>[^()]+)\)|[-—－:：\s]*(?P<bare>\S+))")


# Marks typed around a grade: the sentence's end, quotation marks, brackets
_AROUND_GRADE = "。.;；,，、!！:：\"“”'‘’【】[]「」『』《》<>"


# A note after the grade: its score ("优（95分）", "优 98.5"), in brackets or not.
_GRADE_NOTE = re.compile(r"\s*(?:\([^()]*\)|\d+(?:\.\d+)?分?)$")


def ticked_grades(raw: object) -> tuple[str, ...] | None:
    """The grades ticked in a tick-box 评分等级 — each grade word with a box before it
    ("√优 □良 □中 □差", "☑优秀 ☐良好") or after it ("优（√） 良（ ）", "优☑ 良□", "优√"):
    their names, none or several as marked; None where the text is no tick box."""
    if not isinstance(raw, str) or not _ANY_MARK.search(raw):
        return None  # most grades: no box at all
    text = normalize_text(raw)
    for item, items in _tick_forms():
        if items.fullmatch(text):
            return tuple(_GRADE_WORDS[found["word"]] for found in item.finditer(text)
                         if _TICKED.search(found["box"]))
    return None


# The marks that tick a box — typed, or shown by a symbol font (R is Wingdings 2's ☑,
# þ and ý are Wingdings' ☑ and ☒) — and the empty boxes (口 typed for one, £ is
# Wingdings 2's ☐, ¨ Wingdings' ◻: NFKC leaves its combining diaeresis).
_TICKS = "√✓✔☑☒✅■●◉Rþý"
_EMPTY = "□☐◻▢○◯口£\u0308"
_BOX = rf"(?P<box>[{_TICKS}{_EMPTY}]|[(\[【][{_TICKS}]?[)\]】])"
_TICKED = re.compile(f"[{_TICKS}]")
_ANY_MARK = re.compile(f"[{_TICKS}{_EMPTY}()（）\\[\\]【】¨]")  # before NFKC too
_WORD = "(?P<word>{})".format("|".join(map(re.escape, sorted(_GRADE_WORDS, key=len, reverse=True))))


@functools.cache
def _tick_forms() -> tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]:
    """(one grade with its box, every grade with its box) — boxes before the words, or after
    them; compiled once, when a grade first has a mark (1–4 ms: not at import, which every
    ``jixiao recalc`` pays)."""
    return tuple((re.compile(item), re.compile(f"(?:{item})+")) for item in
                 (f"{_BOX}{_WORD}[、,;/|]?", f"{_WORD}{_BOX}[、,;/|]?"))
