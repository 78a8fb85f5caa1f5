"""A department's 自评结果汇总表 (``results_summary``): a list of its projects, each with its
result — 自评得分 (总分, 评价得分) or 自评等级 (评价等级, 评价结果) — and no 自评表 of its
own. With the projects' money (序号 | 项目名称 | 全年预算数 | 全年执行数 | 自评得分) the money
block's reading tells it (``money.results_list``); without (序号 | 项目名称 | 主管部门 | 自评得分
| 自评等级, a 财政重点绩效评价结果汇总表's 决策 | 过程 | 产出 | 效益 | 总分 | 评价等级), or one
column a project (项目名称 | A | B … over 自评得分 | 99.5 | 99.5 …), it is read here: a
heading 项目名称 beside a score's or a grade's, two projects' names or more along it each
with a score (0 to 100) or a grade, and no heading of an indicator's (三级指标, 分值, 指标值)
nor of its scoring (考核内容, 评分标准, 扣分原因, 评价要点) — one project's line is that
project's, maybe a 自评表's head in a layout not read; lines closed by a 合计/总分 that adds
up their scores are one table's items (培训人数 20, 技能提升 30 … 总分 55), not projects."""

from __future__ import annotations

import re

from jixiao import levels
from jixiao.read.grid import Grid, points_at
from jixiao.read.headers import indicator_role
from jixiao.read.money import results_list
from jixiao.read.roles import is_grade_label, is_total_label
from jixiao.rules import FULL_MARKS, TOLERANCE, grade_name

# The heading of the projects' names (项目名称, 项目, 项目名称（全称）)
_NAME_HEAD = re.compile(r"项目(?:名称)?(?:\(.*\))?")
# A project's 总分 as a list heads it (总分, 项目总分, 评价总分); 得分, 自评得分, 评价得分 are
# the indicator block's score words (``indicator_role``)
_TOTAL_HEAD = re.compile(r"(?:项目|自评|评价|综合|最终)?总得?分(?:\(分\))?")
# Headings of an indicator table: a list naming them is of indicators, not of results
_INDICATOR_HEADS = frozenset(("name", "level1", "level2", "deepest", "weight", "target",
                              "actual", "level1_weight", "level2_weight", "other_name",
                              "method", "deduction"))
# … and of an indicator's scoring that a list of projects has not: 指标 in any heading
# (绩效指标, 考核指标), the words of scoring it (扣分原因, 评分依据, 评价要点) — not those
# of a project's result (评分, 自评评分, 评分等级)
_SCORING_HEAD = re.compile("指标|扣分|评分|计分|打分|要点")
_LIST_LENGTH = 12  # headings at most down a column heading one column a project
_WORDS = {(True, True): "自评得分和等级", (True, False): "自评得分", (False, True): "自评等级"}


def results_summary(grid: Grid) -> tuple[int, int, int, str] | None:
    """A 自评结果汇总表 on ``grid``: its heading's first cell, how many projects it lists
    and what of their results it gives (自评得分和等级, 自评得分, 自评等级); None where the
    sheet holds none. With money the money block's reading (``results_list``), else a list
    of names and results only, down the rows or across the columns."""
    found = results_list(grid)
    if found is not None:
        return found
    for row in sorted(grid.rows):
        for column in grid.rows[row]:
            if _NAME_HEAD.fullmatch(grid.texts.get((row, column), "")):
                listed = _listed(grid, row, column, across=False) \
                    or _listed(grid, row, column, across=True)
                if listed is not None:
                    return listed
    return None


def _listed(grid: Grid, row: int, column: int, across: bool
            ) -> tuple[int, int, int, str] | None:
    """The list whose 项目名称 heading stands at ``row``, ``column``: its headings along the
    row and the projects down the columns, or (``across``) its headings down the column and
    the projects along the row — each project a name with a score or a grade."""
    def at(head: int, step: int) -> tuple[int, int]:
        return (head, column + step) if across else (row + step, head)

    if across:
        heads = []
        for below in range(row, row + _LIST_LENGTH):
            if (below, column) not in grid.texts:
                break
            heads.append(below)
    else:
        heads = list(grid.rows[row])
    texts = {head: grid.texts.get((head, column) if across else (row, head), "")
             for head in heads}
    if any(indicator_role(text) in _INDICATOR_HEADS or _scores_indicators(text)
           for text in texts.values()):
        return None  # an indicator's heading, or its scoring's
    name = row if across else column
    score = next((head for head, text in texts.items() if head != name and (
        indicator_role(text) == "score" or _TOTAL_HEAD.fullmatch(text))), None)
    grade = next((head for head, text in texts.items()
                  if head != name and is_grade_label(text)), None)
    if score is None and grade is None:
        return None
    projects, step, points_listed = 0, 1, 0.0
    while True:
        label = grid.texts.get(at(name, step), "")
        if not label or is_total_label(label) or label.startswith("平均"):
            break  # the list ends (a blank line, its 合计)
        points = None if score is None else points_at(grid, *at(score, step))
        scored = points is not None and 0 <= points <= FULL_MARKS
        graded = grade is not None and grade_name(grid.values.get(at(grade, step))) is not None
        if not (scored or graded) or not isinstance(grid.values.get(at(name, step)), str):
            break
        projects, step = projects + 1, step + 1
        points_listed += points if scored and points is not None else 0.0
    if projects < 2:
        return None
    if label and is_total_label(label) and score is not None and _adds_up(
            grid, at(score, step), points_listed):
        return None  # 总分 55 under 20, 30, 5: one table's items, no projects
    given = _WORDS[(score is not None, grade is not None)]
    return row, column, projects, given


def _scores_indicators(text: str) -> bool:
    """Whether a heading is of an indicator's scoring (``_SCORING_HEAD``): not a project's
    result (评分, 评分等级) nor the points of a part of it (产出指标 | 效益指标 heading each
    project's 一级 points, as 决策 | 过程 do)."""
    return _SCORING_HEAD.search(text) is not None and indicator_role(text) != "score" \
        and not is_grade_label(text) and not levels.is_level1_only(text) \
        and not levels.is_level2_only(text)


def _adds_up(grid: Grid, cell: tuple[int, int], points_listed: float) -> bool:
    """Whether the total line's score (at ``cell``) is the sum of the scores above it."""
    total = points_at(grid, *cell)
    return total is not None and abs(total - points_listed) <= TOLERANCE


__all__ = ["results_summary"]
