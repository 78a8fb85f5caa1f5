"""Plain-text reports for a terminal: Chinese, aligned by display width; every text from
a workbook shown through ``terminal.printable``.

``text_report`` gives the findings of ``jixiao check`` (grouped by severity, ending with
the counts); ``evaluation_text`` the scores of one table (``jixiao demo``)."""

from __future__ import annotations

from collections.abc import Sequence

from jixiao import levels
from jixiao.checks import SEVERITIES, SEVERITY_NAMES, Finding
from jixiao.checks.base import label, points_written, total_shown
from jixiao.model import (
    BY_STANDARD,
    RULES_AND_DECLARED,
    DocumentPlaces,
    EmbeddedPlaces,
    Evaluation,
    Indicator,
    SelfEvaluation,
    declared_rows,
    form_label,
    not_filled_in,
    plain_text,
    scored_by_own_standard,
)
from jixiao.report.result import CheckedTable, FileResult, table_place
from jixiao.rules import GRADE_NAMES, Score, band_text, grade, round2, ungraded
from jixiao.terminal import display_width, printable


def _fit(text: str, width: int) -> str:
    """Pad (or cut with …) to a display width."""
    if display_width(text) > width:
        while text and display_width(text) > width - 1:
            text = text[:-1]
        text += "…"
    return text + " " * (width - display_width(text))


def table_text(rows: Sequence[Sequence[str]], widths: Sequence[int]) -> str:
    return "\n".join("  ".join(_fit(cell, w) for cell, w in zip(row, widths, strict=False)).rstrip()
                     for row in rows)


def _number(value: float | None, digits: int = 2) -> str:
    return "—" if value is None else f"{value:.{digits}f}"


def _cell(value: object) -> str:
    return printable(plain_text(value).strip())


def evaluation_text(table: SelfEvaluation, evaluation: Evaluation) -> str:
    """The scores of a table as a person reads them in a terminal."""
    project = table.project
    year = f"（{project.year} 年度）" if project.year else ""
    funds = table.funds.scored  # the line whose 执行率 is scored, named if not the total's
    line = f"（{_cell(funds.label)}）" if table.funds.rate_line is not None else ""
    lines = [
        f"项目名称：{_cell(project.name) or '—'}{year}",
        f"主管部门：{_cell(project.department) or '—'}    实施单位：{_cell(project.unit) or '—'}",
        f"评分规则：{evaluation.rules.name}（{evaluation.rules.title}）",
        "",
        f"项目资金{line}：{table.funds.budget_column()} {_number(funds.budget)} 万元，"
        f"{table.funds.executed_column()} {_number(funds.executed)} 万元，"
        f"执行率 {_number(evaluation.rate)}%，得分 {_number(evaluation.execution_score)}"
        f" / {_number(table.funds.weight)}",
    ]
    if evaluation.execution_note:
        lines.append(f"  ⚠ {printable(evaluation.execution_note)}")
    lines.append("")
    rows = [["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]]
    notes = []
    for indicator, score in zip(table.indicators, evaluation.scores, strict=True):
        rows.append([_cell(indicator.level1), _cell(indicator.level2), _cell(indicator.name),
                     _cell(indicator.target), _cell(indicator.actual),
                     _number(indicator.weight), _number(score.value)])
        if score.value is None:
            notes.append(f"  ⚠ {_cell(indicator.name)}：{printable(score.note)}")
    lines.append(table_text(rows, [10, 20, 24, 22, 22, 6, 6]))
    lines.extend(notes)
    lines.append("")
    lines.append(f"总分：{_number(evaluation.total)}{basis_note(table, evaluation)}"
                 f"    评分等级：{evaluation.grade or '—'}")
    return "\n".join(lines)


def basis_note(table: SelfEvaluation, evaluation: Evaluation) -> str:
    """What a computed 总分 made of the written scores says of itself
    (``Evaluation.total_basis`` "declared"): why no rule could score the rows — no 分值
    column, or (a 得分表: 分值 and 得分 only) no 年度指标值 and 实际完成值 — its 预算执行率
    row, if any, scored by the money's 执行率 all the same; of a total by the rules, the
    index system's rows scored by their 评分标准 at the 得分 written
    (``model.judged_by_standard``)."""
    if evaluation.total_basis == "rules":
        return _standard_note(table, evaluation)
    if evaluation.total_basis != "declared":
        return ""
    if "weight" in table.columns:
        # a 预算执行率 row scored by the money's 执行率 — 分值 × 执行率, or by its 评分标准
        # (model.scored_by_own_standard) — at that score
        rated = [(label(indicator), scored_by_own_standard(score)) for indicator, score
                 in zip(table.indicators, evaluation.scores, strict=True)
                 if score.value is not None and score.note != BY_STANDARD]
        by_rate = "".join(f"，{'、'.join(f'“{name}”' for name, own in rated if own is by_own)}"
                          f"按{'评分标准和' if by_own else ''}资金的执行率计"
                          for by_own in (False, True) if any(own is by_own for _, own in rated))
        return f"（表中没有年度指标值和实际完成值，各指标按填报得分计{by_rate}）"
    return "（表中没有分值列，各指标按填报得分计）"


def _standard_note(table: SelfEvaluation, evaluation: Evaluation) -> str:
    """（决策、过程类 9 项按评分标准评分，按填报得分计）: the rows of a total by the rules
    that count the evaluator's 得分 (``model.BY_STANDARD``)."""
    rows = [indicator for indicator, score in zip(table.indicators, evaluation.scores, strict=True)
            if score.note == BY_STANDARD]
    if not rows:
        return ""
    kind = "决策、过程类 " if all(levels.is_process_row(row.level1, row.level2) for row in rows) \
        else ""
    return f"（{kind}{len(rows)} 项{BY_STANDARD}）"


# ---------------------------------------------------------------- jixiao check

def _points(value: float | None) -> str:
    return "—" if value is None else f"{round2(value):g}"


def _written(value: float | None) -> str:
    """A written 总分 as its cell shows it (``total_shown``): an unrounded 89.995 typed
    is “89.995”, not the 90 it rounds to; =SUM(…) under 0.00 the 98.76 shown, not
    98.755729167."""
    return "—" if value is None else points_written(value)


def _counts(findings: list[Finding]) -> str:
    counts = {severity: 0 for severity in SEVERITIES}
    for item in findings:
        counts[item.severity] += 1
    return "，".join(f"{counts[s]} 个{SEVERITY_NAMES[s]}" for s in SEVERITIES)


def _grade(checked: CheckedTable) -> str:
    """The computed grade; none of a total whose 分值 do not total 100 (JX101: 110 is no 优).
    A table not filled in says so only of a total computed (only the money filled: 9.5 of
    10); blank, JX001 alone says why there is none."""
    from jixiao.checks.weights import weights_wrong

    total = weights_wrong(checked.table)
    if total is not None and (checked.evaluation.total is not None
                              or not not_filled_in(checked.table)):
        return f"—（{ungraded(total)}）"
    return checked.grade or _range_grade(checked) or "—"


def _range_grade(checked: CheckedTable) -> str | None:
    """The grades of the 总分 range a person's scores within their bands allow
    (``Evaluation.total_range``): 良 where every total in it is 良, 良或优 across a line,
    中至优 across two; None where the rules give one total, or none."""
    evaluation = checked.evaluation
    if evaluation.total is not None or evaluation.total_range is None:
        return None
    low, high = (grade(end) for end in evaluation.total_range)
    if low == high:
        return low
    apart = abs(GRADE_NAMES.index(low) - GRADE_NAMES.index(high))
    return f"{low}{'或' if apart == 1 else '至'}{high}"


def _computed_total(evaluation: Evaluation) -> str:
    """The rules' 总分, or the range a person's scores within their bands allow
    (84.37–88.37, as JX502 holds the grade against it)."""
    if evaluation.total is None and evaluation.total_range is not None:
        return band_text(*evaluation.total_range)
    return _points(evaluation.total)


def _pending_note(table: SelfEvaluation, evaluation: Evaluation) -> str:
    """Why no 总分 was computed where rows have 分值 the rules cannot score (a 指标值 such
    as “90%-95%” missed, a level a person must judge): which ones; or, where the 总分
    counts such rows at the 得分 written (``declared_rows``), which ones. None on a table
    not filled in (JX001 says so): its rows are empty, no rule missed them."""
    if evaluation.total_basis == RULES_AND_DECLARED:
        return _declared_note(table, evaluation)
    if evaluation.total is not None or evaluation.total_basis is not None \
            or not_filled_in(table):
        return ""
    pending = [(indicator, score) for indicator, score
               in zip(table.indicators, evaluation.scores, strict=True)
               if score.value is None and indicator.weight is not None]
    if not pending:
        return ""
    if evaluation.total_range is not None:  # every pending row is a level's band: the range
        return f"（{_bands_text(pending)}）"
    pending = [f"“{printable(label(indicator))}”" for indicator, _ in pending]
    more = " 等" if len(pending) > 3 else ""
    return f"（{len(pending)} 项得分规则无法计算：{'、'.join(pending[:3])}{more}，须人工核对）"


def _bands_text(pending: list[tuple[Indicator, Score]]) -> str:
    """“群众生活”为部分达成，须在 12–16 分之间人工评分: the rows a person scores in a band."""
    return "；".join(f"“{printable(label(indicator))}”{_level(score.level_name)}须在 "
                    f"{band_text(*score.band)} 分之间人工评分"  # type: ignore[misc]
                    for indicator, score in pending[:3]) + ("等" if len(pending) > 3 else "")


def _declared_note(table: SelfEvaluation, evaluation: Evaluation) -> str:
    """（含 1 项按填报得分计入：“群众生活”，规则无法核对其得分）: the rows the 总分 counts
    at the 得分 written, then any a person still scores within a band (the range)."""
    taken = declared_rows(table, evaluation)
    names = "、".join(f"“{printable(label(indicator))}”" for indicator in taken[:3])
    note = f"含 {len(taken)} 项按填报得分计入：{names}{' 等' if len(taken) > 3 else ''}，规则无法核对其得分"
    banded = [(indicator, score) for indicator, score
              in zip(table.indicators, evaluation.scores, strict=True)
              if score.value is None and score.band is not None]
    return f"（{note}；{_bands_text(banded)}）" if banded else f"（{note}）"


def _level(name: str | None) -> str:
    """为部分达成， — the level a banded row was read at, where named."""
    return f"为{printable(name)}，" if name else ""


UNNAMED_SHEET = "（工作表名称为空）"  # an export may write a sheet without a name


def _table_heading(checked: CheckedTable, number: int, of: int) -> list[str]:
    table, evaluation = checked.table, checked.evaluation
    project = table.project
    name = printable(project.name or "（未写项目名称）")
    year = f"（{project.year} 年度）" if project.year else ""
    where = table.sources.get("header")
    layout = form_label(table.form, table.layout)
    sheet = printable(table_place(table) or where.sheet or UNNAMED_SHEET) if where else "—"
    lines = [f"表 {number}/{of}：{name}{year}",
             f"  位置 {sheet} · {layout} · 评分规则 {evaluation.rules.name}",
             f"  {total_line(checked)}"]
    return lines


def total_line(checked: CheckedTable) -> str:
    """总分 填报 … / 计算 …；评分等级 填报 … / 计算 …: the text report's line, and the
    annotated copy's (its 校验结果 sheet)."""
    table, evaluation = checked.table, checked.evaluation
    return (f"总分 填报 {_written(total_shown(table))} / 计算 {_computed_total(evaluation)}"
            f"{basis_note(table, evaluation)}{_pending_note(table, evaluation)}；"
            f"评分等级 填报 {printable(table.grade_declared or '—')} / 计算 {_grade(checked)}")


def _findings_lines(findings: list[Finding],
                    document: DocumentPlaces | EmbeddedPlaces | None = None
                    ) -> list[str]:
    """The findings by severity, each at its cell — in a document's own terms where the
    table was read from one (Word, a web page: 第2个表格 第6行第8列)."""
    lines = []
    for severity in SEVERITIES:
        group = [item for item in findings if item.severity == severity]
        if not group:
            continue
        lines.append(f"{SEVERITY_NAMES[severity]}（{len(group)}）")
        places = [printable((document.place(item.sheet, item.cell) if document else None)
                            or item.where or "—") for item in group]
        width = max(display_width(where) for where in places)
        for item, where in zip(group, places, strict=True):
            padding = " " * (width - display_width(where))
            lines.append(f"  {item.code}  {where}{padding}  {printable(item.message)}")
    return lines or ["  未发现问题"]


def text_report(results: list[FileResult]) -> str:
    """The findings of every file, grouped by severity, ending with the counts."""
    out: list[str] = []
    for result in results:
        out.append(f"== {printable(str(result.path))} ==")
        if result.error:  # (a 自评结果汇总表 is no failure: its line says what it is)
            out.append(printable(result.error) if result.results_summary
                       else f"无法校验：{printable(result.error)}")
            out.append("")
            continue
        for note in result.notes:
            out.append(f"注意：{printable(note)}")
        for number, checked in enumerate(result.tables, start=1):
            out.extend(_table_heading(checked, number, len(result.tables)))
            out.extend(_findings_lines(checked.findings, checked.table.document))
            out.append("")
        if len(result.tables) > 1:
            out.append(f"本文件合计：{_counts(result.findings)}")
            out.append("")
    findings = [item for result in results for item in result.findings]
    unreadable = sum(1 for result in results if result.error and not result.results_summary)
    lists = sum(1 for result in results if result.results_summary)
    summary = f"共 {_counts(findings)}"
    if len(results) > 1 or unreadable or lists:
        apart = "，".join([f"{unreadable} 个无法校验"] * bool(unreadable or not lists)
                         + [f"{lists} 个是自评结果汇总表，未校验"] * bool(lists))
        summary = f"共 {len(results)} 个文件（{apart}），{_counts(findings)}"
    out.append(summary)
    return "\n".join(out)
