"""jixiao 的 Excel 工作表函数（xlwings UDF）。

在 xlwings 的 “UDF Modules” 中填写 ``jixiao_udfs``，点击 “Import Functions”
后即可在单元格里使用下列函数。每个函数只做参数转换，计分规则全部在
``jixiao.rules`` 中，与无 Excel 重算（``jixiao recalc``）、校验器完全相同。

| 函数 | 公式示例 | 结果 |
|---|---|---|
| JX_RATE(全年预算数, 全年执行数, [总额行]) | ``=JX_RATE(E6,F6,TRUE)`` | 执行率（小数，设为百分比格式显示 99.81%）；总额行预算数为 0 时显示 ⚠ |
| JX_EXEC_SCORE(执行率, [分值]) | ``=JX_EXEC_SCORE(H6,JX_POINTS(G6))`` | 执行率得分 = 分值 × 执行率，最高为分值；执行率读法与校验相同（常规格式填 95 计 95%） |
| JX_SCORE(指标值, 完成值, 分值, [规则], [人工评分], [二级指标]) | ``=JX_SCORE(E13,F13,JX_POINTS(G13),JX_Rules)`` | 单个指标得分；指标值、完成值设为百分比格式的按显示的百分数（填 105% 计 105%，与校验相同） |
| JX_SCORES(指标值列, 完成值列, 分值列, [规则], [人工评分列], [二级指标列]) | ``=JX_SCORES(E13:E42,F13:F42,G13:G42,JX_Rules)`` | 整列得分（数组，一次计算；二级指标列的空格（合并单元格）沿用上方的二级指标） |
| JX_MET(指标值, 完成值, [二级指标], [分值]) | ``=JX_MET(E13,F13,$C$13:$C13,G13)`` | 是否达成：是 / 否 / 未知 |
| JX_TOTAL(执行率得分, 得分区域…) | ``=JX_TOTAL(I6,H13:H42)`` | 总分 |
| JX_GRADE(总分, [分值合计]) | ``=JX_GRADE(H43,G43)`` | 评分等级：优 / 良 / 中 / 差；分值合计不是 100 时不评等级 |
| JX_WEIGHT_TOTAL(执行率分值, 分值区域, [规则]) | ``=JX_WEIGHT_TOTAL(JX_POINTS(G6),JX_POINTS(G13:G42),JX_Rules)`` | 分值合计（应为 100）；四川省规则下执行率分值空着计 10 分 |
| JX_POINTS(分值单元格或区域) | ``=JX_POINTS(G13)`` | 分值折成分：设为百分比格式、填 10% 的计 10 分（与校验相同） |

无法计算时，单元格显示以 “⚠” 开头的中文说明（例如 “⚠ 实际完成值为空”），
不会出现 Python 报错信息。
"""

from __future__ import annotations

import xlwings as xw
from xlwings.conversion import Accessor, Pipeline, ValueAccessor

from jixiao import cellfuncs
from jixiao.xlsx.numformats import shows_percent

_RULES_DOC = "评分规则：mof2020（默认）、ratio 或 sichuan"


class _CellsOrValue(Accessor):
    """How xlwings hands over an argument whose cells' number format a function reads
    (``_with_percent``): the cells (a Range) when the formula names cells; else — a
    literal ("≥95%"), another function's result — the value, as xlwings' default gives it
    (its "range" conversion would give None for it)."""

    @classmethod
    def reader(cls, options):
        as_value = ValueAccessor.reader(options)

        def cells_or_value(context):
            if context.range is not None:
                context.value = context.range
            else:
                as_value(context)

        return Pipeline().append_stage(cells_or_value)


def _with_percent(cells):
    """An argument given as cells (``_CellsOrValue``) as the core takes it: (its
    value, whether its number format shows a percent) — a range's, row by row — so that
    10% typed (0.1) and 105% typed (1.05) are read as ``jixiao check`` reads them
    (``cellfuncs.READS_FORMAT``). A value that is no cell (a formula's result): (it, None)."""
    if not hasattr(cells, "number_format"):
        return cells, None
    if cells.count > 1:  # each cell by its own format
        return ([[cell.value for cell in row.columns] for row in cells.rows],
                [[shows_percent(cell.number_format or "General") for cell in row.columns]
                 for row in cells.rows])
    return cells.value, shows_percent(cells.number_format or "General")


@xw.func(category="绩效自评")
@xw.arg("budget", doc="全年预算数（万元）")
@xw.arg("executed", doc="全年执行数（万元）")
@xw.arg("total_line", doc="TRUE：年度资金总额行，预算数、执行数都为 0 时不计执行率（其中行为 0%）")
def JX_RATE(budget, executed, total_line=False):
    """执行率 = 全年执行数 ÷ 全年预算数，返回小数，请设为百分比格式。"""
    return cellfuncs.rate(budget, executed, total_line)


@xw.func(category="绩效自评")
@xw.arg("rate", _CellsOrValue, doc="执行率所在的单元格（JX_RATE 的结果；手工填写的 95 计 95%）")
@xw.arg("weight", doc="分值，默认 10")
@xw.arg("rules", doc="评分规则：mof2020（默认）、ratio 或 sichuan；给出时分值空着的执行率不计分（四川省规则计 10 分）")
def JX_EXEC_SCORE(rate, weight=10.0, rules=None):
    """执行率得分 = 分值 × 执行率，不超过分值，保留两位小数。执行率与 jixiao check 的读法
    相同：单元格设为百分比格式的按显示的百分数，常规格式填 95 的计 95%。"""
    if not hasattr(rate, "number_format"):  # a value, not a cell: JX_RATE's fraction
        return cellfuncs.execution_score(rate, weight, rules)
    if rate.count > 1:
        return f"{cellfuncs.ERROR_MARK} 执行率须为一个单元格"
    value, percent = _with_percent(rate)
    return cellfuncs.execution_score(value, weight, rules, percent)


@xw.func(category="绩效自评")
@xw.arg("target", _CellsOrValue, doc="年度指标值，如 ≥95%、≤3 小时、及时（设为百分比格式填 95% 的按 95%）")
@xw.arg("actual", _CellsOrValue, doc="实际完成值，如 85%、4 小时、达成 / 部分达成 / 未达成（设为百分比格式填 105% 的按 105%）")
@xw.arg("weight", doc="分值")
@xw.arg("rules", doc=_RULES_DOC)
@xw.arg("judged", _CellsOrValue, doc="定性指标部分达成/未达成时的人工评分（须在规则区间内；填分数，不是百分比）")
@xw.arg("level2", doc="二级指标名称，或二级指标列从首行到本行（取最后一个非空单元格）；成本指标未写 ≤ 时按 ≤ 计")
def JX_SCORE(target, actual, weight, rules=None, judged=None, level2=None):
    """按评分规则计算一个三级指标的得分。指标值、完成值与 jixiao check 的读法相同：
    设为百分比格式、填 105% 的按 105% 计。"""
    (target, target_percent), (actual, actual_percent), (judged, judged_percent) = \
        _with_percent(target), _with_percent(actual), _with_percent(judged)
    return cellfuncs.score(target, actual, weight, rules, judged, level2, target_percent,
                           actual_percent, judged_percent)


@xw.func(category="绩效自评")
@xw.arg("targets", _CellsOrValue, ndim=2, doc="年度指标值区域（一列；设为百分比格式的按显示的百分数）")
@xw.arg("actuals", _CellsOrValue, ndim=2, doc="实际完成值区域（一列；设为百分比格式的按显示的百分数）")
@xw.arg("weights", ndim=2, doc="分值区域（一列）")
@xw.arg("rules", doc=_RULES_DOC)
@xw.arg("judged", _CellsOrValue, ndim=2, doc="人工评分区域（可省略）")
@xw.arg("level2s", ndim=2, doc="二级指标区域（可省略；空格沿用上方最近的二级指标，如合并单元格）")
def JX_SCORES(targets, actuals, weights, rules=None, judged=None, level2s=None):
    """一次计算整列指标的得分（数组公式，比逐格调用快得多）。

    Excel 365 中结果自动向下溢出；旧版 Excel 请先选中同样行数的区域，输入公式后按
    Ctrl+Shift+Enter。（不用 xlwings 旧式的 expand="table"，它在链式引用时会丢失公式。）
    """
    (targets, target_percents), (actuals, actual_percents), (judged, judged_percents) = \
        _with_percent(targets), _with_percent(actuals), _with_percent(judged)
    return cellfuncs.scores(targets, actuals, weights, rules, judged, level2s, target_percents,
                            actual_percents, judged_percents)


@xw.func(category="绩效自评")
@xw.arg("target", _CellsOrValue, doc="年度指标值（设为百分比格式的按显示的百分数）")
@xw.arg("actual", _CellsOrValue, doc="实际完成值（设为百分比格式的按显示的百分数）")
@xw.arg("level2", doc="二级指标名称，或二级指标列从首行到本行（可省略）")
@xw.arg("weight", doc="分值（可省略）：指标值、完成值都写“无”的行有分值时照常判断，无分值时视为未用行")
def JX_MET(target, actual, level2=None, weight=None):
    """完成值是否达到指标值：是、否或“未知”；未用的行（指标值、完成值、分值都为空或“/”“无”）为空。"""
    (target, target_percent), (actual, actual_percent) = _with_percent(target), _with_percent(actual)
    return cellfuncs.met(target, actual, level2, weight, target_percent, actual_percent)


@xw.func(category="绩效自评")
@xw.arg("exec_score", doc="执行率得分")
@xw.arg("scores", ndim=2, doc="各指标得分区域")
def JX_TOTAL(exec_score, scores):
    """总分 = 执行率得分 + 各指标得分，保留两位小数。"""
    return cellfuncs.total(exec_score, scores)


@xw.func(category="绩效自评")
@xw.arg("total", doc="总分")
@xw.arg("weight_total", doc="分值合计（可省略；不是 100 时不评等级）")
def JX_GRADE(total, weight_total=None):
    """评分等级：优（≥90）、良（80–90）、中（60–80）、差（<60）；分值合计不是 100 时不评等级。"""
    return cellfuncs.grade(total, weight_total)


@xw.func(category="绩效自评")
@xw.arg("exec_weight", doc="执行率分值")
@xw.arg("weights", ndim=2, doc="各指标分值区域")
@xw.arg("rules", doc="评分规则（可省略）：四川省规则下执行率分值空着或填“—”的计 10 分")
def JX_WEIGHT_TOTAL(exec_weight, weights, rules=None):
    """分值合计，应等于 100。给出评分规则时，四川省规则下执行率分值空着或填“—”的按 10 分计
    （四川表样执行率不列分值，指标合计 90 + 执行率 10 = 100），与 jixiao check 相同。"""
    return cellfuncs.weight_total(exec_weight, weights, rules)


@xw.func(category="绩效自评")
@xw.arg("weight", _CellsOrValue, doc="分值所在的单元格或区域（须为单元格引用）")
def JX_POINTS(weight):
    """分值折成分，与 jixiao check 的读法相同：单元格设为百分比格式、填 10% 的计 10 分；
    其他数字照填写的计，空白为空；给区域时逐格折算（供 JX_WEIGHT_TOTAL 合计）。
    模板的得分、执行率得分、分值合计都经它读分值。"""
    if isinstance(weight, (list, tuple)):  # an array, not cells: no format to read
        return f"{cellfuncs.ERROR_MARK} JX_POINTS 须引用单元格"
    if not hasattr(weight, "number_format"):  # not given a cell (xlwings passes None)
        return cellfuncs.points(weight)
    return cellfuncs.points(*_with_percent(weight))  # a range: each cell by its own format
