"""A self-evaluation as plain data, and its evaluation under a rule set.

Readers (template, submitted layouts) build a ``SelfEvaluation``; every value
remembers the cell it came from (``Source``) so findings can point at it.
``evaluate()`` applies the rules of ``jixiao.rules`` to the whole table.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jixiao import rules
from jixiao.errors import ScoreInputError
from jixiao.parsing import parse_measure
from jixiao.rules import RuleSet, Score


@dataclass(frozen=True)
class Source:
    """Where a value was read: sheet name and A1 cell."""

    sheet: str
    cell: str

    def __str__(self) -> str:
        return f"{self.sheet}!{self.cell}"


@dataclass
class Project:
    name: str | None = None        # 项目名称
    department: str | None = None  # 主管部门
    unit: str | None = None        # 实施单位
    year: int | None = None        # 年度
    goal_expected: str | None = None  # 年度总体目标 — 预期目标
    goal_actual: str | None = None    # 年度总体目标 — 实际完成情况


@dataclass
class FundLine:
    """One line of the money block (年度资金总额, 当年财政拨款 …), in 万元."""

    label: str
    initial_budget: float | None = None  # 年初预算数
    budget: float | None = None          # 全年预算数 (A)
    executed: float | None = None        # 全年执行数 (B)
    rate_declared: float | None = None   # 执行率 as written, in percent
    sources: dict[str, Source] = field(default_factory=dict)


@dataclass
class Funds:
    """The money block: the total line and its 其中 lines."""

    total: FundLine = field(default_factory=lambda: FundLine("年度资金总额"))
    parts: list[FundLine] = field(default_factory=list)
    weight: float | None = 10.0          # 分值
    score_declared: float | None = None  # 得分 as written
    reason: str | None = None            # 执行率偏低的原因 (sichuan)
    sources: dict[str, Source] = field(default_factory=dict)


@dataclass
class Indicator:
    level1: str | None           # 一级指标
    level2: str | None           # 二级指标
    name: str | None             # 三级指标
    target: object = None        # 年度指标值, as in the cell
    actual: object = None        # 实际完成值, as in the cell
    weight: float | None = None  # 分值/权重
    score_declared: float | None = None  # 得分 as written
    reason: str | None = None    # 偏差原因分析及改进措施
    judged: float | None = None  # a person's score for a qualitative indicator
    nature: str | None = None    # 指标性质 column (四川 style), when the layout has one
    unit: str | None = None      # 度量单位 column, when the layout has one
    sources: dict[str, Source] = field(default_factory=dict)


@dataclass
class SelfEvaluation:
    project: Project = field(default_factory=Project)
    funds: Funds = field(default_factory=Funds)
    indicators: list[Indicator] = field(default_factory=list)
    total_declared: float | None = None
    grade_declared: str | None = None
    rules: str = rules.DEFAULT_RULES
    layout: str = "standard"
    sources: dict[str, Source] = field(default_factory=dict)


@dataclass
class Evaluation:
    """What the rules compute for a SelfEvaluation."""

    rules: RuleSet
    rate: float | None                # 执行率, percent, unrounded
    execution_score: float | None     # 执行率得分
    execution_note: str
    scores: list[Score]               # one per indicator, same order
    total: float | None
    grade: str | None


def indicator_target(indicator: Indicator) -> object:
    """The 指标值 as one text, joining 指标性质/值/度量单位 of 四川-style tables."""
    if indicator.nature is None and indicator.unit is None:
        return indicator.target
    parts = [indicator.nature or "", plain_text(indicator.target), indicator.unit or ""]
    return "".join(part for part in parts if part and part != "定性") or None


def indicator_actual(indicator: Indicator) -> object:
    """The 完成值, given the table's 度量单位 column when the cell is a bare number."""
    if indicator.unit and isinstance(indicator.actual, (int, float)):
        return f"{plain_text(indicator.actual)}{indicator.unit}"
    return indicator.actual


def default_operator(indicator: Indicator) -> str:
    """How to read a target written without ≥/≤ (``rules.direction``)."""
    return rules.direction(indicator.level2).value


def score_indicator(indicator: Indicator, ruleset: str | RuleSet | None = None) -> Score:
    if indicator.weight is None:
        return Score(None, None, "分值为空")
    try:
        return rules.indicator_score(indicator_target(indicator), indicator_actual(indicator),
                                     indicator.weight, ruleset, indicator.judged,
                                     default_op=default_operator(indicator))
    except ScoreInputError as error:
        return Score(None, None, str(error))


def evaluate(table: SelfEvaluation, ruleset: str | RuleSet | None = None) -> Evaluation:
    """Apply the rules (``ruleset`` or the table's own) to every score of the table."""
    chosen = rules.rule_set(ruleset or table.rules)
    rate = execution = None
    note = ""
    try:
        rate = rules.execution_rate(table.funds.total.budget, table.funds.total.executed)
        execution = rules.execution_score(rate, table.funds.weight if table.funds.weight is not None
                                          else 10.0)
    except ScoreInputError as error:
        note = str(error)
    scores = [score_indicator(indicator, chosen) for indicator in table.indicators]
    total = rules.total_score([execution, *(score.value for score in scores)])
    return Evaluation(chosen, rate, execution, note, scores, total,
                      rules.grade(total) if total is not None else None)


def plain_text(value: object) -> str:
    """A cell value as text, a whole float without ".0" (10.0 → "10")."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


__all__ = [
    "Evaluation", "FundLine", "Funds", "Indicator", "Project", "SelfEvaluation", "Source",
    "evaluate", "indicator_actual", "indicator_target", "parse_measure", "score_indicator",
]
