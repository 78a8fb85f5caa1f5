"""A self-evaluation as plain data, and its evaluation under a rule set.

Readers (template, submitted layouts) build a ``SelfEvaluation``; every value
remembers the cell it came from (``Source``) so findings can point at it.
``evaluate()`` applies the rules of ``jixiao.rules`` to the whole table.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

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


class Sources(dict[str, Source]):
    """Where each value of a record came from: key → ``Source``, a dict to whoever reads it.

    A reader may store a *place* instead of a Source: a tuple ``(sheet, row, column)``
    whose ``sheet.source(row, column)`` gives the Source. It becomes that Source when
    first read — a table names some ninety cells, and the checks look at a few of them.
    Every way of reading the values (``[]``, ``get``, ``values``, ``items``, iteration
    by ``dict()``, ``==``, copying, pickling) gives Sources; ``in`` and ``len`` need none.
    """

    __slots__ = ()

    def __getitem__(self, key: str) -> Source:
        value = dict.__getitem__(self, key)
        return value if type(value) is not tuple else self._made(key, value)

    def get(self, key: str, default: Any = None) -> Any:
        value = dict.get(self, key, default)
        return value if type(value) is not tuple else self._made(key, value)

    def _made(self, key: str, place: tuple[Any, int, int]) -> Source:
        source: Source = place[0].source(place[1], place[2])
        dict.__setitem__(self, key, source)
        return source

    def __iter__(self) -> Iterator[str]:  # dict(), {**…} and update() then read values by []
        return dict.__iter__(self)

    def values(self) -> list[Source]:  # type: ignore[override]
        return [self[key] for key in dict.__iter__(self)]

    def items(self) -> list[tuple[str, Source]]:  # type: ignore[override]
        return [(key, self[key]) for key in dict.__iter__(self)]

    def pop(self, key: str, *default: Any) -> Any:
        if key in self:
            value = self[key]
            dict.__delitem__(self, key)
            return value
        return dict.pop(self, key, *default)

    def setdefault(self, key: str, default: Any = None) -> Any:
        if key not in self:
            dict.__setitem__(self, key, default)
        return self[key]

    def copy(self) -> Sources:
        return Sources(self.items())

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, dict):
            return NotImplemented
        return dict(self.items()) == (dict(other.items()) if isinstance(other, Sources) else other)

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return repr(dict(self.items()))  # as the dict it stands for


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
    sources: dict[str, Source] = field(default_factory=Sources)


@dataclass
class Funds:
    """The money block: the total line and its 其中 lines."""

    total: FundLine = field(default_factory=lambda: FundLine("年度资金总额"))
    parts: list[FundLine] = field(default_factory=list)
    weight: float | None = 10.0          # 分值
    score_declared: float | None = None  # 得分 as written
    reason: str | None = None            # 执行率偏低的原因 (sichuan)
    sources: dict[str, Source] = field(default_factory=Sources)


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
    sources: dict[str, Source] = field(default_factory=Sources)


@dataclass
class SelfEvaluation:
    project: Project = field(default_factory=Project)
    funds: Funds = field(default_factory=Funds)
    indicators: list[Indicator] = field(default_factory=list)
    total_declared: float | None = None
    grade_declared: str | None = None
    rules: str = rules.DEFAULT_RULES
    layout: str = "standard"
    sources: dict[str, Source] = field(default_factory=Sources)


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
    "Evaluation", "FundLine", "Funds", "Indicator", "Project", "SelfEvaluation", "Source", "Sources",
    "evaluate", "indicator_actual", "indicator_target", "parse_measure", "score_indicator",
]
