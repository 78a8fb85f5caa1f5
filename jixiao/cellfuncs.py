"""The worksheet functions JX_*, on plain cell values.

These take what a spreadsheet passes (None for a blank cell, float, str,
lists of rows for a range) and return what a cell can show: a number, a
text, or "" for nothing to show. A problem comes back as a short Chinese text
starting with ``ERROR_MARK`` — never an exception. The xlwings UDFs
(``udfs/``) and the headless recalculation register these very functions.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any

from jixiao import rules
from jixiao.errors import JixiaoError, ScoreInputError
from jixiao.parsing import is_placeholder, parse_points

ERROR_MARK = "⚠"
Cell = Any


def _cell_safe(function: Callable[..., Cell]) -> Callable[..., Cell]:
    """Turn any exception into a readable text for the cell."""

    @wraps(function)
    def guarded(*args: Any, **kwargs: Any) -> Cell:
        try:
            return function(*args, **kwargs)
        except JixiaoError as error:
            return f"{ERROR_MARK} {error}"
        except Exception as error:  # a cell must never show a traceback
            return f"{ERROR_MARK} 计算出错：{type(error).__name__}: {error}"

    return guarded


NOT_SCORED = rules.NOT_SCORED


def is_error(value: Cell) -> bool:
    return isinstance(value, str) and value.startswith(ERROR_MARK)


def _blank(value: Cell) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


def unused_row(target: Cell, actual: Cell, weight: Cell) -> bool:
    """A row left unused, as the reader takes one (``read.indicators``): its 指标值, 完成值
    and 分值 each blank or a placeholder ("/", "—", 无 …), or the 分值 0 — a paper form
    asks for "/" in the rows a unit does not use. No 得分, no 是否达成, not in the 总分."""
    return is_placeholder(target) and is_placeholder(actual) \
        and (is_placeholder(weight) or parse_points(weight) == 0)


def _number(value: Cell, what: str) -> float:
    if is_error(value):  # JX_POINTS(G13) of a 分值 "十": its own words, not wrapped again
        raise ScoreInputError(value.removeprefix(ERROR_MARK).strip())
    points = parse_points(value)
    if points is not None and not math.isfinite(points):
        points = None  # an engine's NaN, or 1e999: no number to compute with
    if points is None:  # a text is quoted; TRUE or an engine's NaN is not a cell's words
        shown = f"“{value}”" if isinstance(value, str) else ""
        raise ScoreInputError(f"{what}{shown}不是数字")
    return points


def _one_cell_each(*ranges: str) -> Callable[[Callable[..., Cell]], Callable[..., Cell]]:
    """A function whose arguments, but those named in ``ranges``, are one cell each: a
    one-cell range (a headless engine may pass E13:E13 as [[v]]) is that cell, as Excel
    passes it; a larger range is refused in words, not echoed as "[[None], [1]]"."""

    def decorate(function: Callable[..., Cell]) -> Callable[..., Cell]:
        code = function.__code__
        range_at = {index for index, name in enumerate(code.co_varnames[:code.co_argcount])
                    if name in ranges}

        @wraps(function)
        def checked(*args: Cell) -> Cell:
            cells = list(args)
            for index, value in enumerate(cells):
                if index in range_at or not isinstance(value, (list, tuple)):
                    continue
                flat = _flat(value)
                if len(flat) != 1:
                    raise ScoreInputError(f"第{index + 1}个参数应为一个单元格，不是区域")
                cells[index] = flat[0]
            return function(*cells)

        return checked

    return decorate


def _flat(values: Cell) -> list[Cell]:
    if isinstance(values, (list, tuple)):
        out: list[Cell] = []
        for item in values:
            out.extend(_flat(item))
        return out
    return [values]


def _column(values: Cell, length: int) -> list[Cell]:
    flat = _flat(values)
    if len(flat) == 1:
        return flat * length
    return flat + [None] * (length - len(flat))


@_cell_safe
@_one_cell_each()
def rate(budget: Cell, executed: Cell, total_line: Cell = None) -> Cell:
    """执行率 as a fraction (0.9981 shows as 99.81% in a percent-formatted cell).

    0 and 0 on a 其中 line is an unused line: 0 (published tables show 0.00%). On the
    年度资金总额 line (``total_line`` true: the template's JX_RATE(E6,F6,TRUE)) there is
    no rate, as the checker says (JX307): "⚠ 全年预算数为 0，须大于 0 才能计算执行率", so
    no 执行率得分 and no 总分 either — as the native template shows."""
    amounts = rules.template_amounts(budget, executed)  # "⚠ 全年执行数(B)未填写" …
    if amounts is None:
        return ""
    if amounts == (0.0, 0.0) and not _flag(total_line):
        return 0.0  # an unused 其中 line: published tables show 0.00%
    return rules.execution_rate(*amounts) / 100


def _flag(value: Cell) -> bool:
    """A TRUE/FALSE argument as a cell passes it (TRUE, 1, "TRUE"; blank is false)."""
    if isinstance(value, str):
        return value.strip().upper() in ("TRUE", "1")
    return bool(value) and not _blank(value)


@_cell_safe
@_one_cell_each()
def execution_score(rate_fraction: Cell, weight: Cell = 10.0, rule_name: Cell = None,
                    percent: Cell = None) -> Cell:
    """执行率得分 from a rate: the result of JX_RATE (a fraction), or a rate typed. A
    rate that could not be computed ("⚠ 全年执行数(B)未填写") is shown again here, so that
    the 总分 (JX_TOTAL) shows it cannot be added up instead of a total without the
    执行率得分. Given the 评分规则 (the template's JX_EXEC_SCORE(H6,JX_POINTS(G6),JX_Rules),
    since rt27), a 分值 left blank is the rule set's share (四川: 10,
    ``rules.unlisted_execution_points``), else the 执行率 is not scored: “—” (``rules.NOT_SCORED``),
    which the 总分 skips — never 10 beside indicators already given 100; without the rules
    (an older template, a unit's own formula) a blank 分值 is 10. ``percent``: whether the
    rate's cell shows a percent (Excel's JX_EXEC_SCORE reads the cell's format, the headless
    engines pass it, ``recalc.cellformats``): the number is then read as ``jixiao check``
    reads that cell (``rules.rate_percent``) — a 95 typed in a General cell is 95 %, not
    9500 %. None (a rate given as a value, no cell): a fraction, as JX_RATE gives it."""
    if not _blank(rule_name) and is_placeholder(weight):
        weight = rules.unlisted_execution_points(weight, str(rule_name))
        if is_placeholder(weight):
            return NOT_SCORED
    if _blank(rate_fraction):
        return ""
    if is_error(rate_fraction):
        return rate_fraction
    weight_value = 10.0 if _blank(weight) else _number(weight, "分值")
    typed = rules.text_rate(rate_fraction)  # "98.5%" typed as text over JX_RATE: 0.985
    if typed is not None:
        return rules.execution_score(typed * 100, weight_value)
    number = _number(rate_fraction, "执行率")
    in_percent = number * 100 if percent is None else rules.rate_percent(number, _flag(percent))
    return rules.execution_score(in_percent, weight_value)


def points(weight: Cell, percent: Cell = False) -> Cell:
    """JX_POINTS: a 分值 cell in points, as ``jixiao check`` reads it
    (``rules.weight_points``): 10% typed — 0.1 in a cell whose number format shows a
    percent, ``percent`` true — is 10 points; a text as typed, a blank "". Given a range
    (a list of rows, ``percent`` the same rows of flags), the range in points, for
    JX_WEIGHT_TOTAL. Excel's JX_POINTS(G13) is given the cell and reads its format
    itself (``udfs/``); the headless engines pass ``percent`` from the cells' formats
    (``recalc.cellformats``)."""
    if not isinstance(weight, (list, tuple)):
        return _points(weight, percent)
    rows = [row if isinstance(row, (list, tuple)) else [row] for row in weight]
    flags = percent if isinstance(percent, (list, tuple)) else [[percent] * len(row)
                                                                  for row in rows]
    flags = [row if isinstance(row, (list, tuple)) else [row] for row in flags]
    if [len(row) for row in flags] != [len(row) for row in rows]:
        return f"{ERROR_MARK} 分值区域与其格式的行列数不一致"
    return [[_points(value, flag) for value, flag in zip(row, flag_row, strict=True)]
            for row, flag_row in zip(rows, flags, strict=True)]


@_cell_safe
def _points(weight: Cell, percent: Cell) -> Cell:
    value = rules.weight_points(weight, _flag(percent))
    if is_placeholder(value):
        return ""  # "/" in an unused row's 分值: no points, as blank
    if isinstance(value, (str, bool)) or not isinstance(value, (int, float)):
        return _number(value, "分值")  # "5" typed as text is 5; "十" shows ⚠, as JX_SCORE's
    return value


def _default_op(level2: Cell, target: Cell) -> str:
    return rules.direction(_own_level2(level2), target).value


def _own_level2(level2: Cell) -> Cell:
    """The 二级指标 a row's formula passes: one cell, or the column from the first
    indicator row down to the row (the template's $C$13:$C24), whose last non-empty
    cell is the row's own 二级 (merged cells hold the text in their first row only)."""
    if not isinstance(level2, (list, tuple)):
        return level2
    carried = _carried_down(_flat(level2))
    return carried[-1] if carried else None


def _carried_down(level2s: list[Cell]) -> list[Cell]:
    """Each row's own 二级 in a 二级指标 column: the last non-empty cell at or above it
    (Excel passes a merged C24:C26 as 成本指标, None, None)."""
    out: list[Cell] = []
    for value in level2s:
        out.append(out[-1] if _blank(value) and out else value)
    return out


def _as_read(value: Cell, percent: Cell) -> Cell:
    """A 指标值 or 完成值 as ``jixiao check`` reads its cell: a number in a cell that shows a
    percent (``percent`` true; 105% typed is 1.05) is the percent shown, "105%"
    (``rules.percent_text``) — not 1.05 %. Excel's JX_SCORE, JX_MET and JX_SCORES read the
    cell's format themselves (``udfs/``); the headless engines pass it (``READS_FORMAT``)."""
    if _flag(percent) and isinstance(value, (int, float)) and not isinstance(value, bool) \
            and math.isfinite(value):
        return rules.percent_text(value)
    return value


@_cell_safe
@_one_cell_each("level2")
def score(target: Cell, actual: Cell, weight: Cell, rule_name: Cell = None,
          judged: Cell = None, level2: Cell = None, target_percent: Cell = None,
          actual_percent: Cell = None, judged_percent: Cell = None) -> Cell:
    """得分 of one indicator; "" for an unused row (``unused_row``). ``target_percent``,
    ``actual_percent``: whether that cell shows a percent (``_as_read``); ``judged_percent``:
    the 人工评分's — 70% typed is 70 points, as ``jixiao check`` reads it, and out of its
    band the cell asks for points (``rules.judged_out_of_band``)."""
    target, actual = _as_read(target, target_percent), _as_read(actual, actual_percent)
    if unused_row(target, actual, weight):
        return ""
    if is_placeholder(weight):
        raise ScoreInputError("分值为空")
    typed_percent = _flag(judged_percent) and isinstance(judged, (int, float)) \
        and not isinstance(judged, bool)
    judged_value = None if _blank(judged) else _number(
        rules.weight_points(judged, typed_percent), "人工评分")
    result = rules.indicator_score(target, actual, _number(weight, "分值"),
                                   None if _blank(rule_name) else str(rule_name),
                                   judged_value, default_op=_default_op(level2, target),
                                   judged_percent=typed_percent)
    if result.value is None:
        return f"{ERROR_MARK} {result.note}"
    return result.value


# JX_MET answers in text: a cached TRUE/FALSE is recalculated by LibreOffice on
# opening (showing #NAME? for a JX_ function), a cached text is kept everywhere.
MET_TEXT = {True: "是", False: "否", None: "未知"}


@_cell_safe
@_one_cell_each("level2")
def met(target: Cell, actual: Cell, level2: Cell = None, weight: Cell = None,
        target_percent: Cell = None, actual_percent: Cell = None) -> Cell:
    """是 / 否, or 未知 when the rules cannot tell; "" where ``score`` shows none for an
    unused row (``unused_row``) — given the 分值 (the template's JX_MET(E13,F13,…,G13)), a
    无/无 row with points is judged as it is scored (无 事故 is met); without it, a row of
    placeholders is taken as unused — or where 指标值 and 完成值 are both blank. The
    percent flags as ``score``'s."""
    target, actual = _as_read(target, target_percent), _as_read(actual, actual_percent)
    if unused_row(target, actual, weight) or (_blank(target) and _blank(actual)):
        return ""
    return MET_TEXT[rules.is_met(target, actual, default_op=_default_op(level2, target))]


def scores(targets: Cell, actuals: Cell, weights: Cell, rule_name: Cell = None,
           judged: Cell = None, level2s: Cell = None, target_percents: Cell = None,
           actual_percents: Cell = None, judged_percents: Cell = None) -> list[list[Cell]]:
    """得分 of a whole indicator column: one row out per row in; the percent flags, a
    column each, as ``score``'s."""
    target_list = _flat(targets)
    length = len(target_list)
    named = {"完成值": actuals, "分值": weights, "人工评分": judged, "二级指标": level2s,
             "指标值格式": target_percents, "完成值格式": actual_percents,
             "人工评分格式": judged_percents}
    for name, values in named.items():
        count = len(_flat(values))
        if count not in (1, length):
            return [[f"{ERROR_MARK} 区域行数不一致：指标值 {length} 行，{name} {count} 行"]]
    columns = zip(target_list, _column(actuals, length), _column(weights, length),
                  _column(judged, length), _carried_down(_column(level2s, length)),
                  _column(target_percents, length), _column(actual_percents, length),
                  _column(judged_percents, length), strict=True)
    return [[score(t, a, w, rule_name, j, l2, *flags)] for t, a, w, j, l2, *flags in columns]


@_cell_safe
def total(*parts: Cell) -> Cell:
    """总分: the sum of the 执行率得分 (the first part) and the indicator 得分 (blanks and
    placeholders skipped: the "/" a paper form asks for in an unused row's 得分, as
    JX_WEIGHT_TOTAL skips its 分值, ``parsing.is_placeholder``). A blank 执行率得分 beside
    indicator scores is a money block left blank (``rules.MONEY_BLANK``): no total,
    rather than one short of its points."""
    values = [value for value in _flat(list(parts)) if not is_placeholder(value)]
    if not values:
        return ""
    if any(is_error(value) for value in values):
        raise ScoreInputError("有得分未能计算，总分无法合计")
    if len(parts) > 1 and _blank(parts[0]):
        raise ScoreInputError(rules.MONEY_BLANK)
    return rules.total_score(_number(value, "得分") for value in values)


@_cell_safe
@_one_cell_each()
def grade(total_value: Cell, weight_total: Cell = None) -> Cell:
    """评分等级 (优/良/中/差) of a 总分; "" when there is no total. Given the 分值合计
    (the template's JX_GRADE(H43,G43)), none where it is not 100: "⚠ 分值合计 90，不是
    100，不评等级", as the checker says (``rules.ungraded``)."""
    if _blank(total_value) or is_error(total_value):
        return ""
    total_points = _number(total_value, "总分")
    if not _blank(weight_total) and not is_error(weight_total):
        note = rules.ungraded(_number(weight_total, "分值合计"))
        if note is not None:
            raise ScoreInputError(note)
    return rules.grade(total_points)


def _sum_weights(values: Iterable[Cell]) -> float:
    return sum(_number(v, "分值") for v in values if not is_placeholder(v))


@_cell_safe
def weight_total(execution: Cell, weights: Cell = None, rule_name: Cell = None) -> Cell:
    """分值合计 of the 执行率's 分值 and the indicators' (cells or ranges; blanks and
    placeholders skipped). Given the 评分规则 (the template's
    JX_WEIGHT_TOTAL(JX_POINTS(G6),…,JX_Rules)), a 执行率 分值 left blank or “—” under
    四川's rules counts the rule set's 10 (``rules.unlisted_execution_points``), as
    JX_EXEC_SCORE scores it and ``jixiao check`` reads it: 90 + 10 = 100."""
    if not _blank(rule_name) and not isinstance(execution, (list, tuple)):
        execution = rules.unlisted_execution_points(execution, str(rule_name))
    return rules.round2(_sum_weights(_flat([execution, weights])))


# Excel name → function, for every engine that evaluates JX_ formulas.
FUNCTIONS: dict[str, Callable[..., Cell]] = {
    "JX_RATE": rate,
    "JX_EXEC_SCORE": execution_score,
    "JX_SCORE": score,
    "JX_SCORES": scores,
    "JX_MET": met,
    "JX_TOTAL": total,
    "JX_GRADE": grade,
    "JX_WEIGHT_TOTAL": weight_total,
    "JX_POINTS": points,
}
# The JX_ functions given, for the cells some of their arguments name, whether that cell's
# number format shows a percent (10% typed as a 分值, 105% as a 完成值): Excel's read the
# format themselves (``udfs/``); the headless engines add it as the argument at the
# position given — a range's as a column of flags, an argument that names no cell's
# blank, the arguments left out before it blank: JX_EXEC_SCORE(H6) is
# JX_EXEC_SCORE(H6,"",TRUE), JX_SCORE(E13,F13,G13) is
# JX_SCORE(E13,F13,G13,"","","",FALSE,TRUE) (``recalc.cellformats``).
READS_FORMAT: dict[str, dict[int, int]] = {  # name → {argument read: position of its flag}
    "JX_POINTS": {0: 1},
    "JX_EXEC_SCORE": {0: 3},
    "JX_SCORE": {0: 6, 1: 7, 4: 8},  # 指标值, 完成值, 人工评分
    "JX_MET": {0: 4, 1: 5},
    "JX_SCORES": {0: 6, 1: 7, 4: 8},
}
# The JX_ functions whose 指标值 and 完成值 (the arguments at these positions) a time format
# makes a length of time: 3:00 typed (0.125, h:mm) is 3小时, as ``jixiao check`` reads it
# (``parsing.clock_duration``). Excel passes such a cell as a time (xlwings: 1899-12-30
# 03:00); the core engine gives the cell's time (``recalc.cellformats.as_time``).
READS_TIME = {"JX_SCORE": (0, 1), "JX_MET": (0, 1), "JX_SCORES": (0, 1)}
