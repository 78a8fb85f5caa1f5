"""JX0xx — the table as a whole: was it filled in at all."""

from __future__ import annotations

import re
from collections.abc import Iterator

from jixiao.checks.base import Finding, check, finding
from jixiao.model import Evaluation, SelfEvaluation, Source, unanswered, unfilled


@check("JX001", "error", "自评表未填写")
def table_filled(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """没有一个指标填写了年度指标值、实际完成值或得分；或只填了年度指标值，实际完成值和
    得分全部未填写。

    后一种是指标值和分值照绩效目标表抄入、自评还没有做的表。这样的表只报告本条（和 JX901），不再逐格报告缺失的指标值、完成值和得分。

    **为什么**：未填写的模板（或只留了表头的表）不是自评结果；只有指标值的表是绩效
    目标表或未完成的自评表，不是每行都填错了的自评表。批量审核时不能让空表当作
    “未发现问题”通过。

    **错误示例**：用 `jixiao new` 生成的模板原样提交；三级指标只写了名称和分值；
    年度指标值和分值都已填写，实际完成值和得分两列全空。

    **正确示例**：每个三级指标都填写年度指标值和实际完成值（有一部分完成值或得分
    未填写的，逐格报告 JX202、JX406）。
    """
    if unanswered(table):
        what = f"{len(table.indicators)} 个指标的{_answers(table)}全部未填写" \
               "（只填了年度指标值，像是绩效目标表或未完成的自评表）"
    elif unfilled(table):
        named = [indicator for indicator in table.indicators if indicator.name]
        what = (f"{len(named)} 个指标都没有填写年度指标值和实际完成值，是空表" if named
                else "没有填写任何三级指标，是空表")
    else:
        return
    where = table.sources.get("header")
    if where is not None and table.template:
        # the template's header is locked: point at the first row a clerk fills
        column, row = re.fullmatch(r"([A-Z]+)(\d+)", where.cell).groups()  # type: ignore[union-attr]
        where = Source(where.sheet, f"{column}{int(row) + 1}")
    yield finding("JX001", where, f"自评表未填写：{what}")


def _answers(table: SelfEvaluation) -> str:
    """What the table's columns ask of a row after its 指标值: 实际完成值 and 得分 (a
    table without a 得分 column, 四川's, asks only the 完成值)."""
    asked = [what for key, what in (("actual", "实际完成值"), ("score", "得分"))
             if key in table.columns]
    return "和".join(asked) or "实际完成值和得分"
