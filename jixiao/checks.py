"""Checks of a self-evaluation, one small function each, like ruff's rules.

A check takes a ``SelfEvaluation`` and its ``Evaluation`` and yields
``Finding``s. Each is registered with a stable code, a severity and a short
name; its docstring is its user documentation (``jixiao rules`` prints it).
``run_checks`` runs them all; the 校验 button and ``jixiao check`` use it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from .model import Evaluation, Indicator, SelfEvaluation, Source, evaluate
from .rules import round2

SEVERITIES = ("error", "warning", "info")
SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str  # error | warning | info
    sheet: str | None
    cell: str | None
    message: str   # Chinese

    @property
    def where(self) -> str:
        if self.sheet and self.cell:
            return f"{self.sheet}!{self.cell}"
        return self.sheet or ""


CheckFunction = Callable[[SelfEvaluation, Evaluation], Iterable[Finding]]


@dataclass(frozen=True)
class Check:
    code: str
    severity: str
    name: str
    function: CheckFunction

    @property
    def doc(self) -> str:
        return (self.function.__doc__ or "").strip()


REGISTRY: dict[str, Check] = {}


def check(code: str, severity: str, name: str) -> Callable[[CheckFunction], CheckFunction]:
    """Register a check function under a stable code."""
    assert severity in SEVERITIES, severity

    def register(function: CheckFunction) -> CheckFunction:
        if code in REGISTRY:
            raise ValueError(f"duplicate check code {code}")
        REGISTRY[code] = Check(code, severity, name, function)
        return function

    return register


def run_checks(table: SelfEvaluation, evaluation: Evaluation | None = None,
               select: Iterable[str] | None = None) -> list[Finding]:
    """All findings for a table, in code order then cell order."""
    evaluation = evaluation or evaluate(table)
    wanted = set(select) if select is not None else None
    findings: list[Finding] = []
    for code in sorted(REGISTRY):
        if wanted is None or code in wanted:
            findings.extend(REGISTRY[code].function(table, evaluation))
    return findings


def finding(code: str, source: Source | None, message: str) -> Finding:
    """A Finding of a registered check at a source cell."""
    return Finding(code, REGISTRY[code].severity, source.sheet if source else None,
                   source.cell if source else None, message)


def _label(indicator: Indicator) -> str:
    return indicator.name or indicator.level2 or "（未命名指标）"


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and value.strip() in ("", "-", "—"))


# ----------------------------------------------------------------- weights

@check("JX101", "error", "分值合计不为100")
def weights_total_100(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """分值合计（各指标分值 + 执行率分值）不等于 100。

    **为什么**：自评表满分为 100 分，分值合计为 70 或 90 时总分和等级都失去意义。

    **错误示例**：执行率 10 分，产出 50、效益 20、满意度 10，合计 90。

    **正确示例**：执行率 10 + 产出 50 + 效益 30 + 满意度 10 = 100。
    """
    weights = [i.weight for i in table.indicators if i.weight is not None]
    if not weights:
        return
    total = round2(sum(weights) + (table.funds.weight or 0.0))
    if abs(total - 100.0) > 0.005:
        where = table.sources.get("weight_total") or table.funds.sources.get("weight")
        yield finding("JX101", where, f"分值合计为 {total:g}，应为 100")


# ----------------------------------------------------------------- targets

@check("JX201", "error", "年度指标值缺失")
def target_missing(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """有分值的指标没有填写年度指标值。

    **为什么**：没有指标值就无法判断是否完成，得分无从计算。

    **错误示例**：三级指标“群众满意度”，分值 10，年度指标值空白。

    **正确示例**：年度指标值填写“≥95%”。
    """
    for indicator in table.indicators:
        if indicator.weight is not None and _blank(indicator.target):
            yield finding("JX201", indicator.sources.get("target"),
                          f"“{_label(indicator)}”未填写年度指标值")


def findings_rows(findings: Iterable[Finding]) -> list[list[str]]:
    """The 校验结果 sheet as rows: a header, then one row per finding."""
    rows = [["代码", "级别", "位置", "说明"]]
    for item in findings:
        rows.append([item.code, SEVERITY_NAMES[item.severity], item.where, item.message])
    return rows
