"""Plain-text reports for a terminal: Chinese, aligned by display width; every text from
a workbook shown through ``terminal.printable``."""

from __future__ import annotations

from collections.abc import Sequence

from jixiao.model import Evaluation, SelfEvaluation, plain_text
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
    funds = table.funds.total
    lines = [
        f"项目名称：{_cell(project.name) or '—'}{year}",
        f"主管部门：{_cell(project.department) or '—'}    实施单位：{_cell(project.unit) or '—'}",
        f"评分规则：{evaluation.rules.name}（{evaluation.rules.title}）",
        "",
        f"项目资金：全年预算数 {_number(funds.budget)} 万元，全年执行数 {_number(funds.executed)} 万元，"
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
    lines.append(f"总分：{_number(evaluation.total)}    评分等级：{evaluation.grade or '—'}")
    return "\n".join(lines)
