"""JX0xx — the table as a whole: was it filled in at all."""

from __future__ import annotations

import re
from collections.abc import Iterator

from jixiao.checks.base import Finding, check, finding, unfilled
from jixiao.model import Evaluation, SelfEvaluation, Source


@check("JX001", "error", "自评表未填写")
def table_filled(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """没有一个指标填写了年度指标值、实际完成值或得分。

    空表只报告本条（和 JX901），不再逐格报告缺失的指标值、完成值和得分。

    **为什么**：未填写的模板（或只留了表头的表）不是自评结果；批量审核时不能让
    空表当作“未发现问题”通过。

    **错误示例**：用 `jixiao new` 生成的模板原样提交；三级指标只写了名称和分值。

    **正确示例**：每个三级指标都填写年度指标值和实际完成值。
    """
    if not unfilled(table):
        return
    named = [indicator for indicator in table.indicators if indicator.name]
    what = (f"{len(named)} 个指标都没有填写年度指标值和实际完成值" if named
            else "没有填写任何三级指标")
    where = table.sources.get("header")
    if where is not None and table.template:
        # the template's header is locked: point at the first row a clerk fills
        column, row = re.fullmatch(r"([A-Z]+)(\d+)", where.cell).groups()  # type: ignore[union-attr]
        where = Source(where.sheet, f"{column}{int(row) + 1}")
    yield finding("JX001", where, f"自评表未填写：{what}，是空表")
