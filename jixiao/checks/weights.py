"""JX1xx — the weights (分值/权重) of a table."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Evaluation, SelfEvaluation, Source
from ..parsing import heading_points
from ..reader import WorkbookTable, header_text
from ..rules import round2
from .base import (
    Finding,
    blank,
    cell_info,
    check,
    differs,
    finding,
    jixiao_formula,
    label,
    level1_category,
    points,
)

_REQUIRED_LEVEL1 = ("产出指标", "效益指标", "满意度指标")


def _template(table: SelfEvaluation) -> bool:
    """jixiao's own template: labels and 合计 are locked, findings go to typed cells."""
    return isinstance(table, WorkbookTable) and table.template


def _third_party(table: SelfEvaluation) -> bool:
    return table.layout == "third_party"


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
        if jixiao_formula(table, where):  # the template's locked 合计: point at a typed 分值
            where = next((i.sources["weight"] for i in table.indicators
                          if i.weight is not None and "weight" in i.sources),
                         table.funds.sources.get("weight"))
        yield finding("JX101", where, f"分值合计为 {total:g}，应为 100")


@check("JX102", "warning", "一级指标权重与默认不同")
def level1_default_weights(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """一级指标的分值合计与评分规则的默认权重不同。

    默认权重：产出指标 50、效益指标 30、满意度指标 10、预算执行率 10。单位可以调整，
    但须说明理由。第三方评价指标体系（决策/过程/产出/效益）和不给执行率计分的表
    （多数四川格式）不适用本检查。

    **为什么**：权重被悄悄改动（如把满意度调到 30 分）会抬高总分，审核时须核实理由。

    **错误示例**：产出指标各行分值合计 60，效益指标 20。

    **正确示例**：产出 50、效益 30、满意度 10，执行率 10。
    """
    if _third_party(table):
        return
    defaults = evaluation.rules.default_weights
    sums: dict[str, float] = {}
    where: dict[str, Source | None] = {}
    for indicator in table.indicators:
        category = level1_category(indicator)
        if category is None or indicator.weight is None:
            continue
        sums[category] = sums.get(category, 0.0) + indicator.weight
        first, second = ("weight", "level1") if _template(table) else ("level1", "weight")
        where.setdefault(category, indicator.sources.get(first) or indicator.sources.get(second))
    if table.funds.weight is not None and (not isinstance(table, WorkbookTable)
                                           or table.execution_line):
        sums["预算执行率"] = sums.get("预算执行率", 0.0) + table.funds.weight
        where.setdefault("预算执行率", table.funds.sources.get("weight"))
    if "预算执行率" not in sums:
        return  # no 执行率 points at all (四川 tables): the default split cannot apply
    default_text = "、".join(f"{name.removesuffix('指标')} {points(value)}"
                             for name, value in defaults.items())
    for category, value in sums.items():
        expected = defaults.get(category)
        if expected is not None and differs(value, expected, 0.005):
            yield finding("JX102", where[category],
                          f"一级指标“{category}”分值合计 {points(value)}，默认为 "
                          f"{points(expected)}（{default_text}）；调整权重须说明理由")


@check("JX103", "error", "二级指标分值与明细不符")
def heading_points_match_rows(table: SelfEvaluation,
                              evaluation: Evaluation) -> Iterator[Finding]:
    """二级（或一级）指标标题写明的分值，与其下各三级指标分值之和不等。

    **为什么**：标题“数量指标（20 分）”是对下面各行分值的汇总，二者不一致说明有一处填错。

    **错误示例**：“数量指标 (20 分)”下两行分值 10 和 5，合计 15。

    **正确示例**：“数量指标 (20 分)”下两行分值 10 和 10。
    """
    for level in ("level2", "level1"):
        groups: dict[object, tuple[str, float, Source | None, float]] = {}
        for indicator in table.indicators:
            text = getattr(indicator, level)
            name, stated = heading_points(text)
            if stated is None:
                continue
            source = indicator.sources.get(level)
            key = source or (level, text)
            _, _, _, total = groups.get(key, (name, stated, source, 0.0))
            groups[key] = (name, stated, source, total + (indicator.weight or 0.0))
        for name, stated, source, total in groups.values():
            if differs(total, stated, 0.005):
                yield finding("JX103", source,
                              f"“{name}”标明 {points(stated)} 分，其下各指标分值合计 "
                              f"{points(total)} 分")


@check("JX104", "warning", "缺少必备的一级指标")
def required_level1(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """缺少产出指标、效益指标或满意度指标中的某一类。

    第三方评价指标体系（决策/过程/产出/效益）不适用本检查。

    **为什么**：财预〔2020〕10号要求自评覆盖产出、效益和满意度，缺一类的自评表会被退回。

    **错误示例**：只有产出指标和效益指标，没有“服务对象满意度”。

    **正确示例**：产出指标、效益指标、满意度指标各至少一行。
    """
    if _third_party(table) or not table.indicators:
        return
    present = {level1_category(indicator) for indicator in table.indicators}
    for required in _REQUIRED_LEVEL1:
        if required not in present:
            if _template(table):  # its rows are there, blank: no one cell to point at
                yield finding("JX104", None, f"缺少一级指标“{required}”：请在模板中该一级指标下的"
                                             "空行填写三级指标")
            else:
                yield finding("JX104", table.sources.get("header"), f"缺少一级指标“{required}”")


@check("JX105", "warning", "三级指标重复")
def duplicate_indicator(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """同一个三级指标列了两次。

    **为什么**：重复的指标会重复计分，也常常是复制上一年表格时留下的。

    **错误示例**：“服务对象满意度”在第 18 行和第 21 行各出现一次。

    **正确示例**：每个三级指标只出现一次。
    """
    seen: dict[str, Source | None] = {}
    for indicator in table.indicators:
        key = header_text(indicator.name)
        if not key:
            continue
        if key in seen:
            first = seen[key]
            where = f"（与 {first} 重复）" if first else ""
            yield finding("JX105", indicator.sources.get("name"),
                          f"三级指标“{indicator.name}”重复出现{where}")
        else:
            seen[key] = indicator.sources.get("name")


@check("JX106", "error", "分值缺失或无效")
def weight_valid(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """指标（或执行率）的分值为空、不是数字，或不大于 0。

    **为什么**：没有有效的分值，得分和分值合计都无法计算。

    **错误示例**：分值写“十分”、留空，或填 0。

    **正确示例**：分值填 10 或“10 分”。
    """
    for indicator in table.indicators:
        source = indicator.sources.get("weight")
        yield from _weight_problem(table, indicator.weight, source, f"“{label(indicator)}”")
    if isinstance(table, WorkbookTable) and "weight" in table.fund_columns:
        yield from _weight_problem(table, table.funds.weight, table.funds.sources.get("weight"),
                                   "执行率")


def _weight_problem(table: SelfEvaluation, weight: float | None, source: Source | None,
                    what: str) -> Iterator[Finding]:
    if weight is not None:
        if weight <= 0:
            yield finding("JX106", source, f"{what}的分值为 {points(weight)}，应大于 0")
        return
    info = cell_info(table, source)
    raw = info.value if info is not None else None
    if info is not None and info.error:
        yield finding("JX106", source, f"{what}的分值显示为 {info.error}，不是数字")
    elif blank(raw):
        yield finding("JX106", source, f"{what}未填写分值")
    else:
        yield finding("JX106", source, f"{what}的分值“{raw}”不是数字")
