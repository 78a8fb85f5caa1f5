"""Putting a table into the standard form: its inputs typed into a fresh sheet (the
formulas stay), each row tall enough for its texts, on a form with as many rows in each
group as the table has indicators there (``form_for``); and ``as_standard``, any table in
the template's shape."""

from __future__ import annotations

import copy
import dataclasses
import datetime as _dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl.worksheet.worksheet import Worksheet

from jixiao import cellfuncs, levels, native, rules
from jixiao.errors import JixiaoError
from jixiao.layout import (
    COLUMN,
    FIRST_ROW,
    FUND_REASON,
    FUND_ROWS,
    GROUPS,
    SHEET,
    STANDARD,
    Form,
    named_last_row,
)
from jixiao.model import (
    RULES_AND_DECLARED,
    Evaluation,
    FundLine,
    Indicator,
    SelfEvaluation,
    actual_shown,
    evaluate,
    explanation,
    indicator_target,
    is_execution_row,
    plain_text,
    unexplained,
)
from jixiao.parsing import heading_points
from jixiao.rules import TOLERANCE, RuleSet, Score
from jixiao.template.money import by_line, place_money
from jixiao.template.styles import COLUMN_WIDTHS, LINE_HEIGHT, ROW_HEIGHT
from jixiao.xlsx.numformats import shows_percent


def fill_form(ws: Worksheet, table: SelfEvaluation, rule_name: str, form: Form) -> None:
    """Type a table's inputs into a fresh form (formulas stay as they are), made with
    ``form_for(table)``'s rows."""
    project = table.project
    for ref, value in (("D3", project.name), ("D4", project.department), ("G4", project.unit),
                       ("D11", project.goal_expected), ("G11", project.goal_actual)):
        _type(ws, ref, value)
    funds = table.funds
    _fill_fund_line(ws, FUND_ROWS[0], funds.total)
    for row, line in zip(FUND_ROWS[1:], by_line(funds.parts), strict=True):
        if line is not None:
            _fill_fund_line(ws, row, line)
    if funds.weight is not None:
        ws[f"G{FUND_ROWS[0]}"] = funds.weight
    if funds.reason:
        ws[FUND_REASON.replace("$", "")] = funds.reason

    c = COLUMN
    for row, indicator in _place_indicators(table.indicators, form):
        values = {"name": indicator.name, "target": indicator.target,
                  "actual": indicator.actual, "weight": indicator.weight,
                  "reason": indicator.reason, "judged": indicator.judged}
        for key, value in values.items():
            _type(ws, f"{c[key]}{row}", value)
            if key in indicator.formats and isinstance(value, _dt.date):  # not one cleared
                ws[f"{c[key]}{row}"].number_format = indicator.formats[key]
        level2 = ws[f"{c['level2']}{form.group_first_row(row)}"].value
        values["score"] = cellfuncs.score(indicator.target, indicator.actual, indicator.weight,
                                          rule_name, indicator.judged, level2)
        _fit_row(ws, row, values)


def _fit_row(ws: Worksheet, row: int, values: dict[str, Any]) -> None:
    """A row tall enough to show its texts whole (a long ⚠ in 得分 included):
    spreadsheet programs keep a row's stored height when they open a file."""
    from jixiao.terminal import display_width

    lines = 1
    for key, value in values.items():
        if value is None or key == "judged":
            continue
        width = COLUMN_WIDTHS[COLUMN[key]] - 1  # about one unit per half-width character
        lines = max(lines, -(-display_width(str(value)) // max(1, int(width))))
    ws.row_dimensions[row].height = max(ROW_HEIGHT, lines * LINE_HEIGHT + 4)


def _type(ws: Worksheet, ref: str, value: Any) -> None:
    """Put a value as a person types it: a text such as "=100%" stays a text."""
    cell = ws[ref]
    cell.value = value
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"


def _fill_fund_line(ws: Worksheet, row: int, line: FundLine) -> None:
    for column, value in zip("DEF", (line.initial_budget, line.budget, line.executed),
                             strict=True):
        ws[f"{column}{row}"] = value


_LEVEL2_KEYS = ("数量", "质量", "时效", "成本", "经济", "社会", "生态", "可持续", "满意")


def form_for(table: SelfEvaluation) -> Form:
    """The form a table is typed into: the standard one, with more rows in each group
    where the table has more indicators under that 二级 than it has rows."""
    return STANDARD.with_rows(_group_counts(table.indicators))


def _group_counts(indicators: Sequence[Indicator]) -> list[int]:
    counts = [0] * len(GROUPS)
    for number, indicator in enumerate(indicators, start=1):
        group = _group_of(indicator)
        if group is None:
            what = f"“{indicator.name}”" if indicator.name else f"第 {number} 条"
            raise JixiaoError(f"指标{what}的二级指标“{indicator.level2 or ''}”不在标准模板中")
        counts[group] += 1
    return counts


def _place_indicators(indicators: Sequence[Indicator],
                      form: Form) -> list[tuple[int, Indicator]]:
    """The row of each indicator: its 二级指标's group, in order (``form`` has room)."""
    starts = form.group_starts()
    used = [0] * len(GROUPS)
    placed = []
    for indicator in indicators:
        group = _group_of(indicator)
        assert group is not None and used[group] < form.groups[group][2], "form_for's form"
        placed.append((starts[group] + used[group], indicator))
        used[group] += 1
    return placed


def _group_of(indicator: Indicator) -> int | None:
    level2 = heading_points(indicator.level2)[0]
    group = next((i for i, key in enumerate(_LEVEL2_KEYS) if key in level2), None)
    if group is None and not (level2 or "").strip():
        group = _guessed_group(indicator)
    return group


# A table without 二级 whose 三级's words name none (levels.named_level2): its 一级's usual one
_FIRST_KEY = {levels.OUTPUT: "数量", levels.BENEFIT: "社会", levels.SATISFACTION: "满意"}


def _guessed_group(indicator: Indicator) -> int | None:
    level1 = levels.level1_category(indicator.level1)
    if level1 not in _FIRST_KEY:
        return None
    named = levels.named_level2(indicator.level1, indicator.name)
    if named is not None:
        return next(index for index, (_, level2, _) in enumerate(GROUPS) if level2 == named)
    return _LEVEL2_KEYS.index(_FIRST_KEY[level1])


def as_standard(table: SelfEvaluation, evaluation: Evaluation) -> SelfEvaluation:
    """The table as the template holds it: targets joined (四川 指标性质/度量单位), and a
    person's score kept only where the rules leave it to a person (定性, not full marks)."""
    indicators = []
    rate_weight = None  # 预算执行率 as an indicator row (评分附件): the template's money block
    rate_reason = rate_score = None
    below, rate_below = reasons_below(table, evaluation)
    for indicator, score in zip(table.indicators, evaluation.scores, strict=True):
        if _rate_row(table, indicator):
            rate_weight = rate_weight or indicator.weight
            rate_reason = rate_reason or indicator.reason
            rate_score = indicator.score_declared if rate_score is None else rate_score
            continue
        row = copy.copy(indicator)
        row.target, row.actual = indicator_target(indicator), actual_shown(indicator)
        row.formats = _date_formats(table, indicator, row)
        row.nature = row.unit = None
        declared = indicator.judged
        full = declared is not None and indicator.weight is not None \
            and declared >= indicator.weight - TOLERANCE
        row.judged = declared if score.band is not None and not full else None
        row.sources = {}
        row.reason = below.get(id(indicator), row.reason)
        indicators.append(row)
    funds = copy.deepcopy(table.funds)
    placement = place_money(table)
    funds.parts = [] if placement.dropped else [line for line in placement.lines if line]
    if not table.execution_line:
        funds.weight = None
    if funds.weight is None and rate_weight is not None:
        funds.weight = rate_weight  # scored there as the row was: 分值 × 执行率
        funds.reason = funds.reason or rate_reason
        if funds.score_declared is None:
            funds.score_declared = rate_score
    if rate_below is not None and unexplained(funds.reason):
        funds.reason = rate_below
    return SelfEvaluation(project=table.project, funds=funds, indicators=indicators,
                          rules=table.rules, layout="standard")


def _date_formats(table: SelfEvaluation, indicator: Indicator, row: Indicator) -> dict[str, str]:
    """The number format of each date the form takes from the unit's cell as it is
    (2024/11/30 shown as 2024年11月30日 stays so, not openpyxl's yyyy-mm-dd h:mm:ss)."""
    formats = {}
    for key in ("target", "actual"):
        value = getattr(row, key)
        info = table.cell(indicator.sources.get(key))
        if isinstance(value, _dt.date) and info is not None \
                and info.value == value and info.number_format != "General":
            formats[key] = info.number_format
    return formats


def reasons_below(table: SelfEvaluation,
                  evaluation: Evaluation) -> tuple[dict[int, str], str | None]:
    """What the template's 偏差原因 cells are to hold of the explanations written under the
    table (its 原因 row, ``reason``, or a note, ``notes``), which the template has nowhere
    to keep: for each row scored below its 分值 or short of its 指标值 (by ``id``) and not
    explained by its own 偏差原因, the words ``explanation`` finds for it; and for a
    执行率 below the one that wants a reason, the words explaining it (the template's
    执行率偏低原因说明), or None."""
    rows = {}
    for indicator, score in zip(table.indicators, evaluation.scores, strict=True):
        if not unexplained(indicator.reason) or not _fell_short(indicator, score):
            continue
        words = explanation(table, indicator)
        if words is not None:
            rows[id(indicator)] = words
    rate = evaluation.rate
    low = rate is not None and rate < evaluation.rules.rate_wanting_reason - TOLERANCE
    money = explanation(table) if low and unexplained(table.funds.reason) else None
    return rows, money


def _fell_short(indicator: Indicator, score: Score) -> bool:
    """Whether a row wants a reason for its score: short of its 指标值, or scored (by the
    rules or as declared) below its 分值."""
    weight = indicator.weight
    return score.met is False or weight is not None and any(
        value is not None and value < weight - TOLERANCE
        for value in (score.value, indicator.score_declared))


def _rate_row(table: SelfEvaluation, indicator: Indicator) -> bool:
    """Whether an indicator row is the 执行率 the template's money block scores instead: a
    预算执行率 of its own 一级, or one under 产出 where the table scores no 执行率 besides
    (its points among the 100: moved, not counted twice). The money must be there to
    score it from."""
    if not is_execution_row(indicator) and (
            table.execution_line or not levels.is_budget_rate_name(indicator.name)):
        return False
    total = table.funds.total
    if total.budget is None and total.executed is None:
        raise JixiaoError(f"“{indicator.name}”行在标准模板中由资金栏按执行率计分，但原表中"
                          "没有找到资金情况（全年预算数、全年执行数）；请在原表中写明后再转换")
    return True


def not_kept(table: SelfEvaluation, standard: SelfEvaluation, ruleset: RuleSet) -> list[str]:
    """What the template, computing every score by the rules, does not keep of ``table``
    as written (``standard``: the table as ``as_standard`` gives it): each declared 得分,
    执行率得分, 总分 and 评分等级 that differs from the template's; and a heading's stated
    points its rows do not total (JX103), the template's headings stating none."""
    from jixiao.checks.base import differs, points, run_checks

    evaluation = evaluate(standard, ruleset)
    told = []
    for row, score in zip(standard.indicators, evaluation.scores, strict=True):
        declared = row.score_declared
        if declared is None or (score.value is not None and not differs(declared, score.value)):
            continue
        computed = f"按{ruleset.label}计为 {points(score.value)}" if score.value is not None \
            else f"无法按规则计分（{score.note}）"
        told.append(f"“{row.name}”得分原表为 {points(declared)}，模板{computed}")
    declared, computed = standard.funds.score_declared, evaluation.execution_score
    if declared is not None and computed is not None and differs(declared, computed):
        told.append(f"执行率得分原表为 {points(declared)}，模板按执行率计为 {points(computed)}")
    # the template's formulas score no row the rules cannot judge: its 总分 shows ⚠ there,
    # not the total counting the row's 得分 as written (RULES_AND_DECLARED)
    total = None if evaluation.total_basis == RULES_AND_DECLARED else evaluation.total
    if table.total_declared is not None and (total is None or differs(
            table.total_declared, total, TOLERANCE)):
        told.append(f"总分原表为 {points(table.total_declared)}，模板计为 {points(total)}")
    if table.grade_declared is not None and total is not None and evaluation.grade is not None \
            and rules.grade_name(table.grade_declared) != evaluation.grade:
        told.append(f"评分等级原表为“{plain_text(table.grade_declared)}”，"
                    f"模板评为“{evaluation.grade}”")
    told += [f"原表{finding.message}；模板的二级指标标题不写分值"
             for finding in run_checks(table, select={"JX103"})]
    return told


def native_unscored(path: Path) -> list[str]:
    """The rows of a native template just written (``--formulas native``) whose formulas
    leave the 得分 to jixiao (``native.WARN_INPUT``, and so the 总分 too) or say its units
    cannot be compared (``native.WARN_UNITS``), as
    ``native_results`` computes what the template shows: each with the cell to change and
    what to write there — the 完成值 in the 指标值's unit (``native.units_differ``), a level
    chosen beside a 定性 指标值 (``native.level_wanted``), else a common form of the 指标值."""
    from openpyxl import load_workbook

    book = load_workbook(path)
    ws = book[SHEET]
    last_row = named_last_row(lambda name: book.defined_names[name].attr_text
                              if name in book.defined_names else None)
    shown = native.native_results(lambda ref: ws[ref].value,
                                  percent=lambda ref: shows_percent(ws[ref].number_format),
                                  last_row=last_row)
    c = COLUMN
    told = []
    for row in range(FIRST_ROW, last_row + 1):
        if shown[f"{c['score']}{row}"] not in (native.WARN_INPUT, native.WARN_UNITS):
            continue
        name, target, actual = (ws[f"{c[key]}{row}"].value for key in ("name", "target", "actual"))
        said = f" “{plain_text(name)}”" if name is not None else ""
        target_said, actual_said = f"“{plain_text(target)}”", f"“{plain_text(actual)}”"
        differ = native.units_differ(target, actual)
        if differ is not None:
            t_unit, _, converted = differ
            write = (f"按指标值的单位“{t_unit}”填写" + (f"（如“{converted:g}{t_unit}”）"
                                                   if converted is not None else "")
                     if t_unit else "像指标值一样只填数字")
            told.append(f"{SHEET}!{c['actual']}{row}{said}：完成值{actual_said}与指标值"
                        f"{target_said}单位不同，请把完成值{write}")
        elif native.level_wanted(target, actual):
            told.append(f"{SHEET}!{c['actual']}{row}{said}：定性指标（指标值{target_said}），"
                        f"完成值{actual_said}，请{native.CHOOSE_LEVEL}")
        else:
            told.append(f"{SHEET}!{c['target']}{row}{said}：指标值{target_said}、完成值"
                        f"{actual_said}的写法表格公式不能计分，请改用常见写法"
                        "（如“≥95%”“≤3 小时”）")
    return told


def for_new_year(table: SelfEvaluation, year: int) -> SelfEvaluation:
    """Last year's table as next year's form to fill (``jixiao convert --year``): the
    project, the indicators, their 指标值 and 分值 and the 预期目标 kept; what was done
    cleared — 实际完成值, 偏差原因, 人工评分, the money's amounts and 原因, the 实际完成情况."""
    project = dataclasses.replace(table.project, year=year, goal_actual=None)
    indicators = []
    for indicator in table.indicators:
        row = copy.copy(indicator)
        row.actual = row.reason = row.judged = row.score_declared = None
        indicators.append(row)
    funds = copy.deepcopy(table.funds)
    funds.reason, funds.score_declared = None, None
    for line in (funds.total, *funds.parts):
        line.initial_budget = line.budget = line.executed = line.rate_declared = None
    return dataclasses.replace(table, project=project, funds=funds, indicators=indicators,
                               total_declared=None, grade_declared=None)
