"""JX6xx — numbers beyond what can be computed."""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping

from jixiao.checks.base import Finding, check, finding, first_source, label
from jixiao.model import Evaluation, SelfEvaluation, Source


def _infinite(value: object) -> bool:
    return isinstance(value, float) and not math.isfinite(value)


def _shown(value: float) -> str:
    return "非数字（NaN）" if math.isnan(value) else "无穷大" if value > 0 else "负无穷大"


@check("JX601", "error", "数值超出可计算的范围")
def numbers_finite(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """数值大到无法计算：单元格中的数是无穷大（如 1e999），或几个极大的数相加、相除后超出范围。

    这样的数在 JSON 输出（`--json`、批量校验的 JSON Lines）中写为 `null`，并报告本问题。

    **为什么**：没有哪个项目的预算或分值会超过 10 的 308 次方；出现这样的数，
    多半是误填（如把“1E999”当作文字输入）或文件被篡改，其后的执行率、得分和总分都无从计算。

    **错误示例**：分值写为 1E+308，另一行也写 1E+308，分值合计为无穷大。

    **正确示例**：分值 10、20、30 …
    """
    funds, total = table.funds, table.funds.total
    # (what, value, its record's sources, key): a Source is made only for a finding
    declared: list[tuple[str, object, Mapping[str, Source], str]] = [
        (funds.budget_column(total), total.budget, total.sources, "budget"),
        ("年初预算数", total.initial_budget, total.sources, "initial_budget"),
        ("全年执行数", total.executed, total.sources, "executed"),
        ("填报的执行率", total.rate_declared, total.sources, "rate"),
        ("执行率分值", funds.weight, funds.sources, "weight"),
        ("执行率得分", funds.score_declared, funds.sources, "score"),
        ("总分", table.total_declared, table.sources, "total"),
    ]
    written = False
    for what, value, sources, key in declared:
        if _infinite(value):
            written = True
            yield finding("JX601", sources.get(key), f"{what}为{_shown(value)}（{value}），无法计算；"
                                                     "请填写实际的数")
    for indicator in table.indicators:
        for what, value, key in (("分值", indicator.weight, "weight"),
                                 ("得分", indicator.score_declared, "score"),
                                 ("年度指标值", indicator.target, "target"),
                                 ("实际完成值", indicator.actual, "actual")):
            if _infinite(value):
                written = True
                yield finding("JX601", first_source(indicator, key),
                              f"“{label(indicator)}”的{what}为{_shown(value)}（{value}），无法计算；"
                              "请填写实际的数")
    if written:
        return  # what is computed from them is infinite because of them
    if _infinite(evaluation.rate):
        yield finding("JX601", total.sources.get("rate") or total.sources.get("executed"),
                      f"执行率的计算结果为{_shown(evaluation.rate)}：所填的数过大，请检查")
    for key, what in (("budget", funds.budget_column(total)), ("executed", "全年执行数")):
        parts = [getattr(line, key) for line in funds.parts if getattr(line, key) is not None]
        if _infinite(sum(parts, 0.0)):  # 1e308 + 1e308: each finite, their sum none (JX304's)
            yield finding("JX601", total.sources.get(key) or funds.parts[0].sources.get(key),
                          f"{what}各明细之和的计算结果为无穷大：所填的数过大，请检查")
    for what, value, sources, key in (("执行率得分", evaluation.execution_score, funds.sources, "score"),
                                      ("总分", evaluation.total, table.sources, "total")):
        if _infinite(value):
            yield finding("JX601", sources.get(key), f"{what}的计算结果为{_shown(value)}："
                                                     "所填的数过大，请检查")
    for indicator, score in zip(table.indicators, evaluation.scores, strict=True):
        if _infinite(score.value):
            yield finding("JX601", first_source(indicator, "score", "weight"),
                          f"“{label(indicator)}”的得分的计算结果为{_shown(score.value)}："
                          "所填的数过大，请检查")
