"""The money block (资金情况) and the points of its 执行率.

Money is read as a block above the table, as 资金总额 | 年初预算数 | 全年预算数 | 全年执行数
side by side, or as a 资金安排情况 table down the rows (预算安排 / 实际支出 / 预算执行率),
on any sheet, or as a project's line of a list of projects' money (项目名称 | 全年预算数 |
全年执行数, ``_listed_projects``); amounts in 元 become 万元. The 执行率's 分值 comes from a 预算执行率 row,
the block's 分值 column, or the rule set's share (``execution_weight``).

(Over 400 lines: the block's forms — columns, rows down, sources as columns — read into
one ``Funds``.)
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from jixiao import levels
from jixiao.errors import ScoreInputError
from jixiao.model import (
    HIDDEN_ROW,
    FundLine,
    Funds,
    SelfEvaluation,
    explains_shortfall,
    form_parts,
    is_execution_row,
    without_levels,
)
from jixiao.parsing import compact_text, parse_amount, parse_measure, parse_rate
from jixiao.read.grid import Grid, clean, note, points_at
from jixiao.read.headers import (
    Found,
    fund_role,
    names_a_payout,
    names_a_progress,
    names_an_allotment,
    names_the_total,
    over_years,
    rate_kind,
    wrapped_texts,
)
from jixiao.read.roles import (
    is_grade_label,
    is_placeholder,
    is_placeholder_points,
    is_total_label,
    not_adjusted,
    rate_reason_label,
    without_instructions,
)
from jixiao.rules import (
    FULL_MARKS,
    SCORE_STEP,
    TOLERANCE,
    execution_rate,
    rate_percent,
    rate_stands_for,
    template_amount,
    unlisted_execution_points,
)
from jixiao.xlsx.numformats import shows_percent


@dataclass
class MoneyBlock:
    """A money block found in a sheet: its header row, column roles and fund lines."""

    grid: Grid
    header_row: int
    columns: dict[str, int]
    lines: list[tuple[int, str, int | None]]  # (row, label, label column)
    scale: float = 1.0  # 1/10000 where the headers say the amounts are in 元
    # labels down the rows (资金安排情况: 预算安排 (1) | 500000): role → (row, column)
    by_label: dict[str, tuple[int, int]] | None = None
    project: str | None = None  # the project its one line is labelled by (``_listed_projects``)
    project_cell: tuple[int, int] | None = None  # … where its 项目名称 column writes it
    listed: bool = False  # one project's line of a list of several: its money by its name only
    # a column whose own header names its unit (全年预算数(A)（元） under 项目资金（万元）):
    # column → its scale, over the block's ``scale`` (the more specific label wins)
    column_scales: dict[int, float] = dataclasses.field(default_factory=dict)
    # the money blocks right under this one, each under a header of its own (转移支付资金
    # （万元） | 年初预算数 | …) with its own 年度资金总额 and 其中 lines (``_blocks_below``)
    below: list[MoneyBlock] = dataclasses.field(default_factory=list)
    label: str | None = None  # the block's own label, where it is one of several (转移支付资金)
    # role → the columns of the sources its header stands over with no 合计 among them
    # (全年预算数（A） over 中央补助 | 地方资金): the amount is their sum (``_sources_added``;
    # a 其中 column, a part of the one before it, not among them)
    added: dict[str, list[int]] = dataclasses.field(default_factory=dict)
    # the cell of the 执行率 written on a row of its own under the lines (执行率（B/A） |
    # 99.00%), the header naming no 执行率 column (``_rate_row``): the total's
    rate_cell: tuple[int, int] | None = None

    def scale_at(self, column: int) -> float:
        return self.column_scales.get(column, self.scale)


_FUND_LABELS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("total", ("资金总额", "总额", "总金额", "总资金", "合计", "总计")),  # 年度总金额 (重庆)
    # the carry-over from before the year is a part of the year's money, however far back it
    # is said to come from (以前年度结转, 历年结余): 以前年度, 历年 tell a total line or a
    # column over the project's years (``over_years``), never such a line
    ("part", ("财政拨款", "财政资金", "上年结转", "结转资金", "上年结余", "以前年度结转",
              "以前年度结余", "往年结转", "往年结余", "历年结转", "历年结余", "其他资金", "自筹",
              "社会资金", "社会投入", "自有资金", "单位资金", "公共预算", "政府性基金", "国有资本",
              "债券", "国债", "贷款", "捐赠", "捐款", "融资", "其他")),
    # where the money came from: parts of 财政拨款 in some tables, the parts in others
    ("source", ("中央", "地方", "上级", "省级", "省补", "州级", "市级", "县级", "区级", "市县",
                "乡镇", "乡级", "镇级", "本级", "配套", "补助", "专项", "转移支付")),
    # what the money was spent on (部门整体: 基本支出 / 项目支出): a breakdown of its own
    ("expense", ("基本支出", "项目支出", "人员经费", "公用经费", "人员支出", "公用支出")),
)

# A 部门整体 money block's breakdown headings, rows of their own between the lines:
# 按收入性质分： (财政拨款 / 其他资金), 按支出性质分： (基本支出 / 项目支出), 按资金来源分
_SPLIT_HEADING = re.compile(r"(?:其中[:：]?)?(按.{1,10}分[类列]?)[:：]?")
EXPENSE_SPLIT = "按支出性质分"  # the breakdown 基本支出 / 项目支出 are, headed or not


# 资金安排情况 tables list the money down the rows, each label naming its amount as a money
# header names its column (``fund_role``: 预算安排, 实际支出, 预算执行率, 下达资金 …); 年初预算数
# is no A where the year's is given
_ROW_ROLES = ("rate", "initial", "budget", "executed")
_AMOUNT_COLUMNS = ("initial", "budget", "executed")  # the money header's amount roles

# What an amount or a sum of amounts or points is read to: 0.01 元 in 万元 is 0.000001, and
# past it lies only the binary tail of a sum or a conversion (0.1 + 0.2, 1286400 × 1e-4)
_SUM_DECIMALS = 6


@functools.lru_cache(maxsize=4096)
def _row_label_role(label: str) -> str | None:
    """预算安排 (1) → budget, 实际支出 (4) → executed, 预算执行率(%) (6)=(4)/(1) → rate."""
    if len(label) > 24:
        return None
    role = fund_role(label)
    if role not in _ROW_ROLES:
        return None
    return None if role != "rate" and "率" in label else role  # 到位率 is no amount


def _unit_scale(text: str) -> float | None:
    """1/10000 where a header names 元 as its unit, 1.0 where it names 万元, else None."""
    if "万元" in text:
        return 1.0
    if re.search(r"(?:单位[:：]|[(（])元", text) or text.endswith("元"):
        return 1e-4
    return None


def _column_scales(grid: Grid, row: int, first: int) -> dict[int, float]:
    """The scale of each column (from ``first``) of a money header at ``row`` whose own
    header — or the merged header over it, or its sub-header in the next row — names its
    unit: 全年预算数(A)（元）, 全年执行数(B)（万元）."""
    scales: dict[int, float] = {}
    last = max(grid.rows.get(row, [first]) + grid.rows.get(row + 1, [first]))
    for column in range(first, last + 1):
        head = grid.origin.get((row, column), (row, column))
        texts = [grid.texts.get(head, "")]
        below = grid.values.get((row + 1, column))
        if isinstance(below, str) and parse_amount(clean(below)) is None:
            texts.insert(0, grid.texts.get((row + 1, column), ""))  # 合计（元） under 全年预算数
        scale = next((found for found in map(_unit_scale, texts) if found is not None), None)
        if scale is not None:
            scales[column] = scale
    return scales


def _texts_above(grid: Grid, row: int) -> list[str]:
    """The texts of a money header's row and the four above it, nearest first: where a
    unit (单位：元, 项目资金（万元）) is stated; the first line's label (年度资金总额（元）)
    may add one."""
    return [grid.texts.get((r, c), "") for r in range(row, max(0, row - 5), -1)
            for c in grid.rows.get(r, [])]


# A unit alone in a cell — (元), (单位:元), 万元 — the rest of the money block's label a PDF
# conversion split over two rows of its column (项目资金 / (元))
_UNIT_ALONE = re.compile(r"\(?(?:单位:)?万?元\)?")


def _label_units_below(grid: Grid, row: int, first: int) -> list[str]:
    """A unit alone in the row under a label left of the money header at ``row`` (amounts
    from column ``first``), in the label's column: 项目资金 / (元) is 项目资金（元）."""
    return [below for column in grid.rows.get(row, []) if column < first
            and isinstance(grid.values.get((row, column)), str)
            and _UNIT_ALONE.fullmatch(below := grid.texts.get((row + 1, column), ""))]


def _in_yuan(texts: Iterable[str]) -> bool:
    """Whether headers say amounts are in 元 ("单位：元", "金额（元）"), not 万元."""
    for text in texts:
        scale = _unit_scale(text)
        if scale is not None:
            return scale != 1.0
    return False


def _money_by_rows(grid: Grid, top: int, bottom: int) -> MoneyBlock | None:
    """A 资金安排情况 table: 预算安排 / 实际支出 / 预算执行率 labels down one column, each
    amount right of its label (and the 执行率's 分值 and 得分 below them, if so written); in
    元 where a label, header or title says so."""
    texts = grid.texts
    for row in range(top, bottom):
        for column in grid.rows.get(row, []):
            if _row_label_role(texts.get((row, column), "")) is None:
                continue
            found: dict[str, tuple[int, int]] = {}
            ranks: dict[str, int] = {}  # as in a header (批复金额 above 调整后预算数: the latter)
            for below in range(row, min(bottom, row + 12)):
                label = texts.get((below, column), "")
                role = _row_label_role(label)
                points_role = fund_role(label) if role is None and found else None
                if points_role in ("weight", "score"):
                    role = points_role  # 分值 | 10, 得分 | 9.5 on rows of their own
                    value = grid.right_of(below, column, limit=4)
                    if role not in found and value is not None \
                            and points_at(grid, below, value[1]) is not None:
                        found[role] = (below, value[1])
                    continue
                if role is None or role in found and _gives_way(label) >= ranks[role]:
                    continue
                value = grid.right_of(below, column, limit=4)
                if value is not None and (parse_amount(value[0]) is not None
                                          or role == "rate"):
                    found[role], ranks[role] = (below, value[1]), _gives_way(label)
            if "budget" not in found and "initial" in found:  # A = 年初预算数 then
                found["budget"] = found.pop("initial")
            if "budget" in found and "executed" in found:
                _from_sum_column(grid, row, column, found)
                around = [texts.get((r, c), "") for r in range(max(1, row - 3), row + 12)
                          for c in grid.rows.get(r, []) if isinstance(
                              grid.values.get((r, c)), str)]
                scale = 1e-4 if _in_yuan(around) else 1.0
                return MoneyBlock(grid, row, {role: cell[1] for role, cell in found.items()},
                                  [(row, "年度资金总额", None)], scale, found)
    return None


def _from_sum_column(grid: Grid, row: int, column: int, found: dict[str, tuple[int, int]]
                     ) -> None:
    """Where the money's sources head the columns (资金来源 | 中央资金 | 省级资金 | 市县资金 |
    合计, 全年预算数 / 全年执行数 down the rows), the amounts are the 合计 column's, not
    the first source's: moves ``found``'s amounts there — and the 执行率, where the 执行率
    row gives every column's (中央 98% | … | 合计 96.54%)."""
    total = next((at for at in grid.rows.get(row - 1, []) if at > column
                  and _fund_label(grid.texts.get((row - 1, at), "")) == "total"), None)
    if total is None:
        return
    for role in ("initial", "budget", "executed"):
        if role in found and parse_amount(clean(grid.raw(found[role][0], total))) is not None:
            found[role] = (found[role][0], total)
    if "rate" in found and _rate(grid, found["rate"][0], total) is not None:
        found["rate"] = (found["rate"][0], total)


def _money_header(grid: Grid, row: int, projects: bool = False) -> dict[str, int] | None:
    """The money columns a header in ``row`` names (with the wrapped rest of its cells in
    the next row, as a converted PDF prints 全年执行 / 数(B)), or None. A header over a
    list of projects (项目名称 | 全年预算数 …) is one only where ``projects`` is asked."""
    texts, cells = grid.texts, grid.rows.get(row, ())
    if not any(fund_role(texts.get((row, column), "")) for column in cells):
        return None  # most rows
    # 年度资金总额 with amounts right of it is the total line's label, not a heading
    own = _without_block_label(grid, row, {
        column: texts.get((row, column), "") for column in cells
        if not (names_the_total(texts.get((row, column), ""))
                and _has_amount(grid, row, column + 1))})
    if not projects and _lists_projects(grid, row, own):
        return None  # 序号 | 项目名称 | 全年预算数 | 全年执行数 | 自评得分: a list of projects
    if any(_TASK_LIST_HEAD.fullmatch(compact_text(text)) for text in own.values()):
        return None  # 年度主要任务 | 任务名称 | 主要内容 | 预算数 | 执行数: a 部门整体 form's tasks
    named = [role for role in map(fund_role, own.values()) if role and role != "ignore"]
    # a role named twice: one may head the lines' labels (年度预算数(万元) above 总额)
    labels = _label_columns(grid, row, cells) if len(set(named)) < len(named) else frozenset()
    columns = _fund_roles(own, labels)
    if not {"budget", "executed", "rate"} <= set(columns):
        joined = wrapped_texts(grid, row, own)
        if joined is not None and len(_fund_roles(joined, labels)) > len(columns):
            columns = _fund_roles(joined, labels)
    if "executed" in columns and not {"budget", "initial"} & set(columns):
        # 本级(万元) | 合计(万元) | 执行数(万元) | 执行率 (湖北 广水): the 合计 is the budget
        total = next((column for column, text in own.items() if column < columns["executed"]
                      and text.startswith(("合计", "总计"))), None)
        if total is not None:
            columns["budget"] = total
    if len({"initial", "budget", "executed"} & set(columns)) < 2 and not (
            "budget" in columns and "rate" in columns):
        return None
    for role in ("initial", "budget", "executed"):
        if role in columns:
            columns[role] = _sum_under(grid, row, columns[role])
    _year_under(grid, row, columns)
    return columns


def _without_block_label(grid: Grid, row: int, own: dict[int, str]) -> dict[int, str]:
    """A money header's cells less a 执行率 heading left of every amount column with no
    rate under it: the block's own label (预算执行率 | 预算数 | 执行数 | 执行率 | 分值 |
    得分 over one line of the money, rt32 r4), as 项目资金（万元） would be, not its rate."""
    amounts = [column for column, text in own.items() if fund_role(text) in _AMOUNT_COLUMNS]
    if not amounts:
        return own
    return {column: text for column, text in own.items()
            if not (column < min(amounts) and fund_role(text) == "rate"
                    and _rate(grid, row + 1, column) is None)}


def _span(grid: Grid, row: int, column: int) -> list[int]:
    """The columns a money header heads over the next row's sub-headers: those its merge
    covers, or — the merge lost — up to the next header cell; each with a sub-header."""
    spanned = []
    at = column
    while at < column + 12 and (at == column or grid.origin.get((row, at)) == (row, column)
                                or ((row, at) not in grid.values and (row, at) not in grid.origin)):
        if not grid.texts.get((row + 1, at)):
            break
        spanned.append(at)
        at += 1
    return spanned if len(spanned) > 1 else []


def _sub_headers_under(grid: Grid, row: int, first: int) -> bool:
    """Whether the row under a money header at ``row`` holds its sources' sub-headers
    (全年预算数（A） over 中央 | 地方 | 合计), no amounts."""
    return not _has_amount(grid, row + 1, first) and any(
        _span(grid, row, column) for column in grid.rows.get(row, []) if column >= first)


def _sources_added(grid: Grid, row: int, columns: dict[str, int]) -> dict[str, list[int]]:
    """The amounts a money header at ``row`` heads as its sources' columns with no 合计 among
    them (全年预算数（A） over 中央补助 | 地方资金, the same under 全年执行数（B）): role →
    the sources' columns, the amount being their sum — not the first source's alone, nor
    a column that is a part of the one before it (当年财政拨款 | 其中：中央补助 | 上年结转:
    900 + 100, ``_parts_of_columns_before``)."""
    if not _sub_headers_under(grid, row, min(columns.values())):
        return {}
    added = {}
    for role in ("initial", "budget", "executed"):
        column = columns.get(role)
        if column is None or grid.origin.get((row, column), (row, column)) != (row, column):
            continue  # (moved to the 合计 or the 全年 column under it: no sources to add)
        span = _span(grid, row, column)
        labels = [grid.texts.get((row + 1, at), "") for at in span]
        if span and all(_fund_label(text) in ("source", "part") and not _is_sum(text)
                        for text in labels):
            parts = _parts_of_columns_before(grid, row, span)
            added[role] = [at for at in span if at not in parts]
    return added


def _parts_of_columns_before(grid: Grid, row: int, span: list[int]) -> set[int]:
    """The columns of sources (``span``, sub-headers in the row under ``row``) that break
    down the column before them as lines do the line above (``_under_the_line_above``):
    其中：中央补助 after 当年财政拨款, 其中：中央资金 after 财政资金 — of which, not added."""
    return _under_the_line_above([(0, "年度资金总额", None), *(
        (at, grid.texts.get((row + 1, at), ""), at) for at in span)])


# A 小计 line's label (小计, 上级补助资金小计, 其中：小计): the sum of the lines above it
_SUBTOTAL = re.compile(r"(?:其中:?)?[^合总计]{0,12}小计:?")


def _is_subtotal(label: str) -> bool:
    return _SUBTOTAL.fullmatch(_outside_notes(compact_text(label))) is not None


def _is_sum(text: str) -> bool:
    return _fund_label(text) == "total" or text.startswith("小计")


def _sum_under(grid: Grid, row: int, column: int) -> int:
    """The column of 合计 (小计, 总计) in the next row under a header over its sources
    (全年预算数（A） over 中央 | 地方 | 合计): the amount is the sum's, wherever it stands;
    else ``column``."""
    return next((at for at in _span(grid, row, column)
                 if _is_sum(grid.texts.get((row + 1, at), ""))), column)


# Bare sub-headers under a budget header merged across them (预算数 over 年初 | 调整 | 全年):
# the year's budget after its changes, and the one planned at the start of the year; under
# an executed header (执行数 over 上半年 | 全年): what was spent in the whole year
_YEAR_SUBHEAD = re.compile(r"(?:全年|调整后)(?:预算数?)?")
_INITIAL_SUBHEAD = re.compile(r"年初(?:预算数?|安排数?|批复数?)?")
_YEAR_EXECUTED_SUBHEAD = re.compile(r"(?:全年|1[-—~～至]12月)(?:执行数?|支出数?|完成数?|累计)?")


def _year_under(grid: Grid, row: int, columns: dict[str, int]) -> None:
    """Where the budget's header at ``row`` stands over 年初 | (调整 |) 全年 in the next
    row (预算数 merged across them), A is the 全年 (调整后) column's, not the first's —
    the 年初 one the initial budget, the 调整 one the year's change: moves ``columns``'
    budget there. Likewise B under 执行数 over 上半年 | 全年 (前三季度, 1-6月 | 全年): the
    全年 column's, never a part of the year's."""
    for role, year_subhead in (("budget", _YEAR_SUBHEAD), ("executed", _YEAR_EXECUTED_SUBHEAD)):
        if role not in columns:
            continue
        under = {at: re.sub(r"[(（][^()（）]*[)）]", "",
                            compact_text(grid.texts.get((row + 1, at), "")))
                 for at in _span(grid, row, columns[role])}
        year = next((at for at, text in under.items() if year_subhead.fullmatch(text)), None)
        if year is None:
            continue  # 中央 | 地方 | 合计 (``_sum_under``), or no sub-headers
        columns[role] = year
        initial = next((at for at, text in under.items() if _INITIAL_SUBHEAD.fullmatch(text)),
                       None)
        if role == "budget" and initial is not None:
            columns.setdefault("initial", initial)


# A header naming each row's project: a 汇总 of projects above their tables, no money block
_PROJECT_NAME_HEADS = frozenset(("项目名称", "项目"))
_PROJECT_LIST_HEADS = _PROJECT_NAME_HEADS | {"序号"}
# A header naming each row's task (部门整体 forms list 年度主要任务 with their money): no
# money block, whatever its rows are named — the department's own block follows
_TASK_LIST_HEAD = re.compile(r"(?:年度)?(?:主要|重点)?(?:工作)?任务(?:名称)?")


def _lists_projects(grid: Grid, row: int, own: dict[int, str]) -> bool:
    """Whether a header at ``row`` (its cells' ``own`` texts) heads a list of projects, one
    line each (序号 | 项目名称 | 全年预算数 …), not a money block: the one reading that passes
    a department's 汇总 sheet over and tells a 自评结果汇总表 (``results_list``)."""
    return any(compact_text(text) in _PROJECT_LIST_HEADS for text in own.values()) \
        and not _labels_money_lines(grid, row, own)


def results_list(grid: Grid) -> tuple[int, int, int, str] | None:
    """A 自评结果汇总表 on ``grid``: a list of projects with their money (``_lists_projects``)
    and each one's result — 自评得分 (the block's 得分 column) or 自评等级 — a department's
    summary of its projects' 自评表, none itself. Its header's first cell, how many projects
    it lists, and what of their results it gives (自评得分和等级); None where the sheet holds none. One
    project's money with its 执行率's 得分 (a 评分附件表's 资金情况) is none: it lists two
    projects or more, or their grades."""
    for row in sorted(grid.rows):
        own = {column: grid.texts.get((row, column), "") for column in grid.rows[row]}
        if not _lists_projects(grid, row, own):
            continue
        columns = _money_header(grid, row, projects=True)
        if columns is None:
            continue
        graded = any(is_grade_label(compact_text(text), results=False) for text in own.values())
        if "score" not in columns and not graded:
            continue
        projects = len(_listed_projects(grid, row, grid.max_row + 1))  # (headed at row)
        if projects > 1 or (projects and graded):
            given = ("自评得分和等级" if graded else "自评得分") if "score" in columns else "自评等级"
            return row, min(grid.rows[row]), projects, given
    return None


def _results_given(grid: Grid, row: int, score: int) -> bool:
    """Whether a list of projects headed at ``row`` gives each one's result — its 得分
    column headed 自评得分 (总得分, 综合得分), or a 自评等级 column beside it — so that its
    得分 is the project's 总分, never its 执行率's (rev30 E: 99.8 read as an 执行率得分)."""
    head = compact_text(grid.texts.get((row, score), ""))
    return any(word in head for word in ("自评", "总", "综合")) or any(
        is_grade_label(compact_text(grid.texts.get((row, column), "")), results=False)
        for column in grid.rows.get(row, ()))


def _labels_money_lines(grid: Grid, row: int, own: dict[int, str]) -> bool:
    """Whether under a header beginning 项目 | (序号 | 资金来源 |) the next row names a
    money line (年度资金总额, 财政拨款) where a list of projects names a project. A first
    line naming no total (城乡困难群众救助补助项目, 上年结转项目, 义务教育学校公用经费 read as
    a part of the money) is a money line only where every line after it names one too: a
    list's other projects name none (rt31 r3)."""
    first = min((column for column, text in own.items() if fund_role(text)), default=0)
    kinds = [_fund_label(grid.texts.get((row + 1, column), ""))
             for column in grid.rows.get(row + 1, []) if column < first]
    if not any(kinds):
        return False
    if "total" in kinds:
        return True
    for below in range(row + 2, grid.max_row + 1):
        if not _has_amount(grid, below, first):
            break  # the block ends (a blank line, its notes)
        if not any(_fund_label(grid.texts.get((below, column), ""))
                   for column in grid.rows.get(below, []) if column < first):
            return False
    return True


def _label_columns(grid: Grid, row: int, cells: Iterable[int]) -> frozenset[int]:
    """The columns of a money header at ``row`` whose cells below are the money lines'
    labels (总额, 其中：财政资金), not amounts: the label column's own heading, as the
    四川 form's 年度预算数(万元) above 总额 stands beside 年初预算 | 调整后预算数 (or merged
    down the lines' left, their labels in the next column)."""
    found = []
    for column in cells:
        if (grid.origin.get((row + 1, column)) == (row, column)
                or (row + 1, column) not in grid.values) \
                and _fund_label(grid.texts.get((row + 1, column + 1), "")):
            found.append(column)  # 年度预算数(万元) merged down (or not) left of 总额, 其中…
            continue
        under = next((below for below in range(row + 1, row + 4)
                      if (below, column) in grid.values), None)
        value = None if under is None else grid.values[(under, column)]
        if isinstance(value, str) and parse_amount(value) is None \
                and _fund_label(grid.texts[(under, column)]):  # type: ignore[index]
            found.append(column)
    return frozenset(found)


# 调整预算数 is the adjusted budget in some tables (年初预算数 | 调整预算数 | 执行数) and the
# year's change in others (年初预算数 | 调整预算数 | 全年预算数, 1000 | -100 | 900): A only
# where no other column names the budget (全年预算数, 调整后预算数)
_CHANGE_OR_BUDGET = "调整预算"


_REMARK = "备注"  # a money column of anything, the 执行率's reason among it (``_remark_without_cause``)


# A second 执行率 column of the year's (子洲: 全年执行率 | 分值 | 执行率 | 得分, the unit's rate
# from the money and the one the 分值 and 得分 stand beside): read too, and checked as the first
_RATE_BESIDE = "rate_beside"


def _gives_way(text: str) -> int:
    """How far a money column headed ``text`` gives way to another of its role: 0 not at
    all; 1 调整预算数 (the adjusted budget, or the year's change), a progress beside a rate
    (支出进度 beside 执行率 — ``names_a_progress``); 2 a budget named by what was allotted or
    approved (批复金额, 下达资金, 年度预算数 — ``names_an_allotment``), B named by what was
    passed on (已拨付资金 beside 全年执行数 — ``names_a_payout``); 3 one over the project's
    years (累计执行数), the year's 资金总额, a 备注."""
    if over_years(text) or names_the_total(text) or text.startswith(_REMARK):
        return 3  # a 备注 beside a 原因 column: the 原因 one
    if names_an_allotment(text) or names_a_payout(text):
        return 2
    return 1 if _CHANGE_OR_BUDGET in text or names_a_progress(text) else 0


def _fund_roles(texts: dict[int, str], labels: frozenset[int] = frozenset()) -> dict[str, int]:
    """Each money role's column: the first that names it, passing over a column of the
    lines' labels (``labels``), and one that gives way (``_gives_way``: 累计执行数, 资金总额,
    批复金额, 调整预算数) where another column names the same role and gives way less (a
    备注 where a 原因 or 说明 column is the reason's; 全年预算数 or 调整后预算数 beside
    批复金额, 年度预算数; 全年执行数 beside 已拨付资金; 执行率 beside 支出进度); of two B
    columns alike, the one the rate names (``_rates_own_executed``); a second 执行率 column
    is ``rate_beside``."""
    columns: dict[str, int] = {}
    ranks: dict[int, int] = {}
    executed: list[int] = []
    for column, text in texts.items():
        if len(text) > 16:
            continue
        role = fund_role(text)
        if not role or role == "ignore":
            continue
        ranks[column] = _gives_way(text)
        if role == "executed" and column not in labels:
            executed.append(column)
        if role not in columns or (columns[role] in labels and column not in labels) \
                or ranks[column] < ranks[columns[role]]:
            columns[role] = column
        elif role == "rate" and not ranks[column] and column not in labels \
                and not ranks[columns[role]]:
            columns.setdefault(_RATE_BESIDE, column)  # 全年执行率 | 分值 | 执行率 | 得分 (子洲)
    _rates_own_executed(texts, columns, executed, ranks)
    return columns


def _rates_own_executed(texts: dict[int, str], columns: dict[str, int], executed: list[int],
                        ranks: dict[int, int]) -> None:
    """Where two columns name B and give way alike (实际支付数 | 全年执行数), B is the one
    the rate names (执行率 → 全年执行数, 支付率 → 实际支付数: ``rate_kind``), wherever it
    stands."""
    if "rate" not in columns or "executed" not in columns:
        return
    kind, chosen = rate_kind(texts[columns["rate"]]), columns["executed"]
    if kind is None or kind in texts[chosen]:
        return
    columns["executed"] = next((column for column in executed if kind in texts[column]
                                and ranks[column] == ranks[chosen]), chosen)


@functools.lru_cache(maxsize=4096)  # the same few labels in every table of a batch
def _fund_label(text: str) -> str | None:
    for kind, words in _FUND_LABELS:
        if any(word in text for word in words):
            if kind == "part" and _SOURCE_FIRST.match(_plain_label(text)):
                return "source"  # 中央财政资金, 地方财政资金: where it came from, first
            return kind
    return None


# A line named for where its money came from before what it is (中央财政资金 beside 地方资金)
_SOURCE_FIRST = re.compile(r"(?:中央|地方|上级|省级|州级|市级|县级|区级|市县|本级)")


# A line labelled only by a generic word for the money (金额, 资金, 预算资金, 项目资金, 专项经费
# （万元）): under a header whose columns name the amounts (年度资金总额 | 调整后预算数 |
# 全年执行数), the block's first line so labelled is its total, as 合计 or 资金总额 would be
_GENERIC_MONEY = re.compile(r"(?:本年度|年度|本年|全年|当年|项目|专项|预算|财政)*"
                            r"(?:资金|经费|款项)?(?:金额|数额|数)?")


def _generic_money(label: str) -> bool:
    """Whether ``label`` names nothing but the money itself (金额, 预算资金（万元）), no
    part of it (其中：…, 上年结转) and no other role (预算执行率, 资金来源)."""
    text = re.sub(r"[(（][^()（）]*[)）]|[\s:：]", "", label)
    return bool(text) and not label.strip().startswith("其中") \
        and any(word in text for word in ("资金", "金额", "经费", "款项")) \
        and _GENERIC_MONEY.fullmatch(text) is not None


def _line_kind(label: str, first: bool) -> str | None:
    """A money line's kind (``_fund_label``); the block's first line labelled by a generic
    word for the money (``_generic_money``) is the total (and, no line named 合计 or
    资金总额 below it, read as the total: the block's first line)."""
    kind = _fund_label(label)
    if first and kind is None and _generic_money(label):
        return "total"
    return kind


def heads_money_score(grid: Grid, row: int, column: int) -> bool:
    """Whether the cell at ``row``, ``column`` heads a money block's 得分 column (全年预算数 |
    全年执行数 | 分值 | 执行率 | 自评得分): the 执行率得分's header, not a 总分 label above
    the table however it is worded (自评得分, 评价得分 name a 总分 elsewhere)."""
    columns = _money_header(grid, row)
    return columns is not None and columns.get("score") == column


def money_rows_end(grid: Grid, row: int, stop: int) -> int | None:
    """Where a money block that begins at ``row`` (its header: 全年预算数 | 执行数 …) ends —
    its last 资金 line — or None if no money header is at ``row``."""
    columns = _money_header(grid, row)
    if columns is None:
        return None
    first = min(columns.values())
    lines = _money_lines(grid, row, columns, stop) or _unlabelled_line(grid, row, columns, first)
    if not lines:
        return row
    below = _blocks_below(grid, lines[-1][0] + 1, stop)
    if below:
        return below[-1].lines[-1][0]
    rate_cell = None if "rate" in columns else _rate_row(grid, lines[-1][0] + 1, first, stop)
    return lines[-1][0] if rate_cell is None else rate_cell[0]  # (执行率（B/A） | 99%)


def _blocks_below(grid: Grid, row: int, bottom: int, scale: float = 1.0) -> list[MoneyBlock]:
    """The money blocks that follow one ending above ``row``, each right under the last:
    a header of its own (转移支付资金（万元） | 年初预算数 | 全年预算数 | 全年执行数) over its
    own 年度资金总额 (right under it) and 其中 lines — not more lines of the block above. In the unit its
    header or first line names, else the block's above (``scale``)."""
    blocks: list[MoneyBlock] = []
    while row < bottom and (columns := _money_header(grid, row)) is not None:
        first = min(columns.values())
        lines = _money_lines(grid, row, columns, bottom)
        if not lines or lines[0][0] != row + 1 or _fund_label(lines[0][1]) != "total":
            break  # lines of no known kind first (资金使用明细: 培训费, …, 示范基地补助, 合计)
        label = _line_label(grid, row, first)[0]
        heads = [*(grid.texts.get((row, column), "") for column in grid.rows[row]), lines[0][1]]
        scale = next((found for found in map(_unit_scale, heads) if found is not None), scale)
        blocks.append(MoneyBlock(grid, row, columns, lines, scale,
                                 column_scales=_column_scales(grid, row, first),
                                 label=_outside_notes(label) or None,
                                 added=_sources_added(grid, row, columns)))
        row = lines[-1][0] + 1
    return blocks


def _money_lines(grid: Grid, row: int, columns: dict[str, int], bottom: int
                 ) -> list[tuple[int, str, int | None]]:
    """The 资金 lines under a money header at ``row`` naming ``columns`` (``_money_header``,
    read once for the block, not for each line): (row, label, label's column), each labelled
    left of the amounts. Under a breakdown heading (按支出性质分：) a line with any label and
    an amount is one (基本支出)."""
    first = min(columns.values())
    lines: list[tuple[int, str, int | None]] = []
    joined_next = False
    in_split = False
    end = min(bottom, row + 10)
    below = row
    if _sub_headers_under(grid, row, first):
        below = row + 1  # 中央资金 | 地方资金 | 合计 under 全年预算数（A）: sub-headers, no line
    first_row = below + 1  # the row right under the header: a generic label there is the total
    leading: list[tuple[int, str, int | None]] = []  # unknown lines right above the first
    while below + 1 < end:
        below += 1
        if joined_next:  # the rest of the label above, wrapped onto its own row
            joined_next = False
            continue
        if (not lines or not _has_amount(grid, below, first)) \
                and (inner := _money_header(grid, below)) is not None:
            if lines and _header_again(grid, row, columns, below, inner):
                end = min(bottom, end + 1)
                continue  # the header again over more 其中 lines: the block goes on
            break  # another money header (转移支付资金（万元） | 年初预算数 | …): the lines
            # below are its own block's (``_blocks_below``)
        label, label_column = _line_label(grid, below, first)
        if lines and split_heading(label):
            in_split = True  # 按收入性质分： — its lines follow (the total again beside it,
            # if written there: the lines under it are checked against the total)
            end = min(bottom, end + 1)
            continue
        if not _fund_label(label) and label_column is not None:
            rest, rest_column = _line_label(grid, below + 1, first)
            if rest_column == label_column and len(grid.rows.get(below + 1, [])) == 1 \
                    and len(rest) <= 6 and _fund_label(label + rest):
                label, joined_next = label + rest, True  # 年度资金 / 总额 of a converted PDF
        if lines and _is_subtotal(label) and _has_amount(grid, below, first) \
                and any(_fund_label(text) == "total" for _, text, _ in lines):
            lines.append((below, label, label_column))  # 小计 under the total: the sum of
            continue  # the lines above it (``_without_subtotals``); more lines follow
        kind = _line_kind(label, not lines and below == first_row)
        if kind is None and not lines and below == first_row \
                and (_names_the_execution(label) or _sole_line(grid, below, first, label)) \
                and _holds_amounts(grid, columns, below):
            kind = "total"  # 预算执行率 | 185 | 178.6 | 96.54% | 10 | 9.65: the block's one line
        if kind == "expense" and not _has_amount(grid, below, first):
            kind = None  # 项目支出绩效目标 …: a heading of what follows, no money line
        if not kind and not (in_split and label and _has_amount(grid, below, first)) \
                and not (lines and _continues_lines(grid, columns, below, label, lines)):
            if lines:
                break
            leading = [*leading, (below, label, label_column)] \
                if _may_be_money_line(grid, columns, below, label) else []
            continue
        if not lines and kind in ("part", "source"):
            lines.extend(leading)  # 日常养护费 | 养护补助 | 合计: the line above the first
            # known part is a part as well (what the money was spent on, added up)
        lines.append((below, label, label_column))
    if leading and lines[:len(leading)] == leading \
            and not any(_fund_label(text) == "total" for _, text, _ in lines):
        return lines[len(leading):]  # no total below (培训费 | 示范基地补助): as before
    return lines


# The label of a header written again inside a money block over its 其中 lines: none (the
# block's label merged down over it), 资金来源, 其中
_INNER_HEADER_LABEL = re.compile(r"(?:其中[:：]?)?(?:资金)?(?:来源|构成)?[:：]?")


def _header_again(grid: Grid, row: int, outer: dict[str, int], inner_row: int,
                  inner: dict[str, int]) -> bool:
    """Whether a money header at ``inner_row``, inside the block headed at ``row`` (its
    columns ``outer``), heads more of its lines: the header repeated at a page break (a
    converted PDF), or 资金来源 | 年初预算数 | … between the 年度资金总额 and its 其中 lines
    — the amounts in the same columns, labelled as the block or as its sources
    (``_INNER_HEADER_LABEL``), a 其中 line (财政拨款, 上年结转, 中央补助) right under it. Not
    a block of its own (转移支付资金（万元） over its 年度资金总额, ``_blocks_below``)."""
    first = min(outer.values())
    if any(outer.get(role) != column for role, column in inner.items()
           if role in ("initial", "budget", "executed")):
        return False
    label = compact_text(_line_label(grid, inner_row, first)[0])
    if label != compact_text(_line_label(grid, row, first)[0]) \
            and not _INNER_HEADER_LABEL.fullmatch(label):
        return False
    below = _line_label(grid, inner_row + 1, first)[0]
    return _fund_label(below) in ("part", "source") and _has_amount(grid, inner_row + 1, first)


def _continues_lines(grid: Grid, columns: dict[str, int], row: int, label: str,
                     lines: list[tuple[int, str, int | None]]) -> bool:
    """Whether ``row``, right under the lines read so far (of a block whose header names
    ``columns``), is one more money line whatever its label names (县财政安排资金, 衔接资金,
    彩票公益金, 车购税资金: names of money no vocabulary lists): the block's amount columns
    hold amounts — two at least, all where it has fewer — and no words, and its label names
    no other role (预算执行率, 分值, 总分, 小计, a 一级 or 二级 name). Only after a line of a
    known part (其中：中央补助资金, 本级资金), not right under the total alone (合计 then 培训费,
    示范基地补助: what the money was spent on, its own breakdown), nor after a total at the
    bottom of the lines (中央 | 地方 | 合计: the block ends there)."""
    kinds = [_fund_label(text) for _, text, _ in lines]
    if "total" in kinds[1:] or not any(kind in ("part", "source") for kind in kinds):
        return False
    return _may_be_money_line(grid, columns, row, label)


def _may_be_money_line(grid: Grid, columns: dict[str, int], row: int, label: str) -> bool:
    """Whether ``row``, labelled ``label``, may be a money line of a block whose header
    names ``columns``, whatever its label names: its amount columns hold amounts
    (``_holds_amounts``) and its label names no other role (预算执行率, 分值, 总分, 小计, a 一级
    or 二级 name)."""
    name = compact_text(label)
    if not label or fund_role(name) not in (None, "initial", "budget", "executed") \
            or _is_sum(name) or is_total_label(name) or is_grade_label(name) \
            or "指标" in name or levels.level1_category(name) or levels.is_level2_only(name):
        return False
    return _holds_amounts(grid, columns, row)


def _holds_amounts(grid: Grid, columns: dict[str, int], row: int) -> bool:
    """Whether ``row``'s amount columns (of a money header naming ``columns``) hold
    amounts — two at least, all where it has fewer — and no words."""
    amounts = [clean(grid.raw(row, columns[role])) for role in _AMOUNT_COLUMNS if role in columns]
    given = [value for value in amounts if parse_amount(value) is not None]
    return bool(given) and len(given) >= min(2, len(amounts)) and all(
        value is None or parse_amount(value) is not None or is_placeholder(value)
        for value in amounts)


# A line labelled by what the block reports (预算执行率, 资金执行情况, 预算执行率（%）):
# right under a header whose columns name the amounts, and holding them, the block's total
_EXECUTION_LINE = re.compile(r"(?:项目|预算|资金|项目资金|预算资金)?执行(?:率|情况)")


def _names_the_execution(label: str) -> bool:
    """Whether a money line's label names the execution the block reports (预算执行率,
    资金执行情况), no part of the money (财政资金执行率 is its own 其中 line's)."""
    text = re.sub(r"[(（][^()（）]*[)）]|[\s:：]", "", label)
    return _EXECUTION_LINE.fullmatch(text) is not None


def _sole_line(grid: Grid, row: int, first: int, label: str) -> bool:
    """Whether ``row``, right under a money header, is its block's only line whatever its
    label (农村公路养护资金, 工作经费, 小计 | 500 | 500 | 486.5 | 10 | 97.30% | 9.73): a
    label naming no part of the money (其中…, 中央…, 省级…) nor another role (分值, 总分,
    a 指标), and no amount under it — the goal or indicator header, or another block's
    header, follows. Two lines of no known kind (培训费 over 差旅费) are not one total."""
    name = compact_text(label)
    if not name or name.startswith("其中") or _SOURCE_FIRST.match(_plain_label(name)) \
            or fund_role(name) not in (None, "initial", "budget", "executed") \
            or is_total_label(name) or is_grade_label(name) or "指标" in name:
        return False
    return not _has_amount(grid, row + 1, first) or _money_header(grid, row + 1) is not None


def split_heading(label: str) -> str | None:
    """The breakdown a heading row names (按收入性质分： → 按收入性质分), else None."""
    found = _SPLIT_HEADING.fullmatch(label.strip())
    return found.group(1) if found else None


def _has_amount(grid: Grid, row: int, first: int) -> bool:
    """Whether ``row`` holds an amount from column ``first`` on."""
    return any(parse_amount(clean(grid.raw(row, column))) is not None
               for column in grid.rows.get(row, []) if column >= first)


def _splits(money: MoneyBlock) -> dict[int, str]:
    """Each money line's breakdown, by row: the heading above it (按收入性质分：), or — not
    headed — 按支出性质分 for 基本支出 / 项目支出."""
    if not money.lines:
        return {}
    found: dict[int, str] = {}
    heading = None
    first = min(money.columns.values())
    rows = {row: label for row, label, _ in money.lines}
    for row in range(money.lines[0][0], money.lines[-1][0] + 1):
        if row not in rows:
            named = split_heading(_line_label(money.grid, row, first)[0])
            heading = named or heading
            continue
        if heading is not None:
            found[row] = heading
        elif _fund_label(rows[row]) == "expense":
            found[row] = EXPENSE_SPLIT
    return found


# What a money block's own label names (项目资金（万元）, 部门预算执行情况（万元）, 经费): money.
_BLOCK_WORDS = ("资金", "预算", "经费", "金额", "万元")


def _unlabelled_line(grid: Grid, row: int, columns: dict[str, int], first: int
                     ) -> list[tuple[int, str, int | None]]:
    """The money line under a header at ``row`` whose amounts (from column ``first``) have
    no label of their own: the block's label left of the header names them (资金总额 |
    年初预算数 | 全年预算数 …, or 重庆's 部门预算执行情况（万元） merged down over its one
    amount row), the row below holds an amount (or at least the 执行率) and no text left
    of the amounts. That
    row is the 年度资金总额 line — the block's first, as the total is in every form.
    Else no line."""
    label = next((grid.texts[(row, c)] for c in grid.rows[row] if c < first
                  and isinstance(grid.values.get((row, c)), str)), "")
    data = row + 2 if _sub_headers_under(grid, row, first) else row + 1  # (合计 | 其中：…)
    if not any(word in label for word in _BLOCK_WORDS) or _line_label(grid, data, first)[0]:
        return []
    amounts = [columns[role] for role in ("initial", "budget", "executed") if role in columns]
    if any(isinstance(grid.values.get((data, column)), str)
           and parse_amount(clean(grid.raw(data, column))) is None for column in amounts):
        return []  # words under the amounts' headings: 河北's 预算数 | 6.84 pairs (_money_by_pairs)
    if not any(parse_amount(clean(grid.raw(data, column))) is not None for column in amounts) \
            and ("rate" not in columns or _rate(grid, data, columns["rate"]) is None):
        return []  # neither an amount nor a rate (amounts lost, the 执行率 kept): no line
    return [(data, "年度资金总额", None)]


def _line_label(grid: Grid, row: int, first: int) -> tuple[str, int | None]:
    """The (last) text left of the amounts (which begin in column ``first``) in ``row``."""
    label, label_column = "", None
    for column in grid.rows.get(row, []):
        if column >= first:
            break
        if isinstance(grid.values.get((row, column)), str) \
                and not _FIGURE_RE.fullmatch(grid.texts[(row, column)]):
            label, label_column = grid.texts[(row, column)], column
    return label, label_column


# A figure typed as text (80.20%, 200.5) in a column left of the year's amounts (累计执行率
# of a multi-year project): no label
_FIGURE_RE = re.compile(r"\s*[\d.,，%％]+\s*")


def _rate_row(grid: Grid, row: int, first: int, bottom: int) -> tuple[int, int] | None:
    """The cell of a 执行率 written on a row of its own right under a money block's lines
    (执行率（B/A） | 99.00%, under 全年预算数（A） | 全年执行数（B） over their sources), where
    the block's header has no 执行率 column: a rate label and one rate after it, else None."""
    if row >= bottom:
        return None
    label, label_column = _line_label(grid, row, first)
    if label_column is None or fund_role(label) != "rate":
        return None
    cells = [column for column in grid.rows.get(row, []) if column > label_column
             and clean(grid.raw(row, column)) is not None]
    if len(cells) != 1 or _rate(grid, row, cells[0]) is None:
        return None
    return row, cells[0]


def find_money(grid: Grid, top: int, bottom: int) -> MoneyBlock | None:
    for row in range(top, bottom):
        if row not in grid.rows:
            continue
        columns = _money_header(grid, row)
        if columns is None:
            continue
        first = min(columns.values())
        lines = _money_lines(grid, row, columns, bottom) \
            or (_unlabelled_line(grid, row, columns, first) if row + 1 < bottom else [])
        if lines:
            # the label's own unit first (项目资金 / (元) split over two rows: as 项目资金（元）),
            # the header's words, then a "单位：元" line up to four rows above it
            heads = [*_label_units_below(grid, row, first), *_texts_above(grid, row),
                     *(label for _, label, _ in lines[:1])]
            scale = 1e-4 if _in_yuan(heads) else 1.0
            rate_cell = None if "rate" in columns \
                else _rate_row(grid, lines[-1][0] + 1, first, bottom)
            return MoneyBlock(grid, row, columns, lines, scale,
                              column_scales=_column_scales(grid, row, first),
                              below=_blocks_below(grid, lines[-1][0] + 1, bottom, scale),
                              added=_sources_added(grid, row, columns), rate_cell=rate_cell)
    labelled = _money_by_pairs(grid, top, bottom) or _money_by_rows(grid, top, bottom)
    if labelled is not None:
        return labelled
    for row in range(top, bottom):  # "年度资金总额：30 万元" alone, without a money header
        for column in grid.rows.get(row, []):
            text = grid.texts.get((row, column), "")
            if "资金总额" in text and len(text) <= 16:
                found = grid.right_of(row, column, limit=4)
                if found is not None and parse_amount(found[0]) is not None:
                    return MoneyBlock(grid, row, {"budget": found[1]}, [(row, text, column)])
    return None


def unread_money_header(grid: Grid, top: int, bottom: int
                        ) -> tuple[tuple[int, int], tuple[int, int] | None] | None:
    """The first cell of a money header between ``top`` and ``bottom`` with amounts right
    under it, no line of which ``find_money`` reads (培训费 | 120 | 115.6 over 差旅费 | 65 |
    63: labels naming no part of the money, no total), and the cell of that row's label (None: none written): the table
    then has no money, and the reviewer is told so (JX307) rather than shown empty funds.
    None where there is no such header."""
    for row in range(top, bottom - 1):
        if row not in grid.rows or (columns := _money_header(grid, row)) is None:
            continue
        first = min(columns.values())
        data = row + 2 if _sub_headers_under(grid, row, first) else row + 1
        if data < bottom and _has_amount(grid, data, first):
            label_column = _line_label(grid, data, first)[1]
            return (row, min(grid.rows[row])), \
                None if label_column is None else (data, label_column)
    return None


_PAIRED = ("budget", "executed")  # the amounts a block of label | amount pairs must give
_PAIRED_TOO = ("rate", "weight", "score")  # written in the same pairs after them, if at all


def _money_by_pairs(grid: Grid, top: int, bottom: int) -> MoneyBlock | None:
    """A money block written as label | amount pairs side by side under the headings of
    its parts (河北's budget system form: 预算安排情况(调整后) | 资金到位情况 | 资金执行情况 |
    预算执行进度(%) over 预算数 | 6.84 | 到位数 | 6.84 | 执行数 | 6.84 | 100, then 其中:财政资金
    and 其他 lines in the same pairs): the 预算数 is A, the 执行数 B, and the number under
    the heading of the 执行率 (预算执行进度) its rate as written. The 执行率, 分值 and
    得分 may follow in the same pairs (预算数 | 100 | 执行数 | 95 | 执行率 | 95% | 分值 | 10 |
    得分 | 9.5). A pair's label may name its line between it and its amount, as 四川's
    年度预算数(万元) heads the column of 总额 in the form, here written along one row
    (年度预算数（万元） | 总额 | 200 | 执行数 | 190 | 执行率 | 95%): the 总额's amount is
    the 年度预算数."""
    texts, values = grid.texts, grid.values
    for row in range(top, bottom):
        found: dict[str, int] = {}  # role → the amount's column (right of its label)
        labels: dict[str, int] = {}
        for column in grid.rows.get(row, []):
            role = fund_role(texts.get((row, column), "")) \
                if isinstance(values.get((row, column)), str) else None
            if role in ("initial", *_PAIRED) and role not in found:
                paired = _pair_amount(grid, row, column)
                if paired is not None:
                    found[role], labels[role] = paired
            elif role in _PAIRED_TOO and role not in found and found and (
                    _rate if role == "rate" else points_at)(grid, row, column + 1) is not None:
                found[role] = column + 1  # … | 执行率 | 95% | 分值 | 10 | 得分 | 9.5
        if not all(role in found for role in _PAIRED):
            continue
        rate = next((column for column in grid.rows.get(row - 1, [])
                     if fund_role(texts.get((row - 1, column), "")) == "rate"
                     and column not in found.values() and (row, column) in values), None)
        if rate is not None and "rate" not in found:
            found["rate"] = rate
        label_column = labels["budget"]
        lines: list[tuple[int, str, int | None]] = [(row, "年度资金总额", label_column)]
        for below in range(row + 1, min(bottom, row + 6)):
            label = texts.get((below, label_column), "")
            if not _fund_label(label) or parse_amount(
                    clean(grid.raw(below, found["budget"]))) is None and parse_amount(
                    clean(grid.raw(below, found["executed"]))) is None:
                break
            lines.append((below, label, label_column))
        heads = [texts.get((r, c), "") for r in range(max(1, row - 2), row + 1)
                 for c in grid.rows.get(r, [])]
        return MoneyBlock(grid, row, found, lines, 1e-4 if _in_yuan(heads) else 1.0)
    return None


def _pair_amount(grid: Grid, row: int, column: int) -> tuple[int, int] | None:
    """The column of the amount a pair's label at ``column`` gives, and the column of the
    label of its line: the amount right of the label (预算数 | 200), or right of the
    total line's name right of it (年度预算数 | 总额 | 200) — never another line's
    (年度预算数 | 其中：财政资金 | 180 is a part, not A); else None. An amount typed as
    text ("1,200.00") is an amount, as in every other money block."""
    for amount, label in ((column + 1, column), (column + 2, column + 1)):
        if label != column and _fund_label(grid.texts.get((row, label), "")) != "total":
            return None
        if parse_amount(clean(grid.raw(row, amount))) is not None:
            return amount, label
    return None


def money_outside(grids: list[Grid], found: list[Found]) -> list[MoneyBlock]:
    """Money blocks below every table of a sheet, or on a sheet without a table: one a
    sheet, or one for each project a list of projects names (``_listed_projects``)."""
    spare = []
    for grid in grids:
        ends = [item.end for item in found if item.grid is grid]
        top = max(ends, default=0) + 1
        money = find_money(grid, top, grid.max_row + 1)
        if money is not None:
            spare.append(money)
        else:
            spare.extend(_listed_projects(grid, top, grid.max_row + 1))
    return spare


def _listed_projects(grid: Grid, top: int, bottom: int) -> list[MoneyBlock]:
    """A list of projects with their money: 序号 | 项目名称 | 全年预算数 | 全年执行数 | 执行率
    over one line a project, on a sheet of its own (a 评分附件表's 资金情况, a 部门's 资金明细
    of all its projects) — each project's money, its line the 年度资金总额, labelled by the
    project's name (``MoneyBlock.project``; its 项目名称 column's, else the text left of the
    amounts). A list of one project is that project's money whatever the table is named;
    one of several (``MoneyBlock.listed``) only the table of that name's. Its 合计 line is
    no project's."""
    for row in range(top, bottom):
        if row not in grid.rows:
            continue
        columns = _money_header(grid, row, projects=True)
        if columns is None:
            continue
        first = min(columns.values())
        named = next((column for column in grid.rows[row] if column < first
                      and compact_text(grid.texts.get((row, column), "")) in _PROJECT_NAME_HEADS),
                     None)
        lines = []
        for below in range(row + 1, bottom):
            if not _has_amount(grid, below, first):
                if lines:
                    break  # the list ends (a blank line, its notes)
                continue
            label, label_column = _line_label(grid, below, first)
            if named is not None and isinstance(grid.values.get((below, named)), str):
                label, label_column = grid.texts[(below, named)], named
            if label and not _is_sum(label):
                lines.append((below, label, label_column))
        if "score" in columns and _results_given(grid, row, columns["score"]):
            # 自评得分 | 自评等级 of a 自评结果汇总表: each project's total, not its 执行率's
            columns = {role: at for role, at in columns.items() if role not in ("score", "weight")}
        scale = 1e-4 if _in_yuan(_texts_above(grid, row)) else 1.0
        return [MoneyBlock(grid, row, columns, [(line, "年度资金总额", label_column)], scale,
                           project=label, listed=len(lines) > 1,
                           project_cell=(line, label_column) if label_column == named else None,
                           column_scales=_column_scales(grid, row, first))
                for line, label, label_column in lines]
    return []


def apply_money(money: MoneyBlock, table: SelfEvaluation) -> None:
    grid, columns = money.grid, money.columns
    table.fund_columns = frozenset(columns)
    if money.by_label is not None:
        _apply_money_rows(money, table)
        return
    hidden = [line for line in money.lines[1:] if line[0] in grid.hidden_rows]
    if hidden:  # a line hidden (last year's): not printed, not in the total — left out,
        for row, _, label_column in hidden:  # named in the note of hidden rows
            column = label_column if label_column is not None else min(columns.values())
            table.sources[HIDDEN_ROW + str(row)] = note(table, grid, row, column)
        money = dataclasses.replace(money, lines=[line for line in money.lines
                                                  if line not in hidden])
    projects = _over_the_years(money.lines)
    if projects:  # 实施期资金总额 above 年度资金总额: the project's, not the year's money
        money = dataclasses.replace(money, lines=[line for line in money.lines
                                                  if line not in projects])
    money, subtotals = _without_subtotals(money)
    lines = _fund_lines(money, table)
    totals = [line for line, (_, label, _) in zip(lines, money.lines, strict=True)
              if _fund_label(label) == "total"]
    total = totals[0] if totals else lines[0]
    funds = Funds(total=total, parts=[line for line in lines if line is not total])
    first_row = next(row for (row, _, _), line in zip(money.lines, lines, strict=True)
                     if line is total)
    scored_each = _scored_each(money, table, lines)
    if scored_each is not None:  # 本级资金 5 | 转移支付资金 5 (with or without their 合计 10)
        total, shares = scored_each
        if total is None:
            funds = Funds(total=_added_up(lines), parts=lines, shares=shares)
        else:
            funds = Funds(total=total, parts=[line for line in lines if line is not total],
                          shares=shares)
            first_row = money.lines[lines.index(total)][0]
    if not funds.parts:
        funds.parts = _source_columns(money, table, first_row)
    if subtotals:
        funds.subtotals = _subtotals_added(money, table, subtotals, lines)
    funds.weight = None
    for key, role in (("weight", "weight"), ("score", "score"), ("reason", "reason")):
        if role not in columns or key == "reason" and _remark_without_cause(money, first_row):
            continue
        funds.sources[key] = note(table, grid, first_row, columns[role])
        if key == "weight":  # read as the indicators' 分值/权重 are: "10%" is 10 points
            funds.weight = points_at(grid, first_row, columns[role])
        elif key == "score":
            funds.score_declared = points_at(grid, first_row, columns[role])
        elif (value := clean(grid.raw(first_row, columns[role]))) is not None:
            funds.reason = without_instructions(str(value))
    if funds.shares:
        _points_of_shares(funds)
    if money.rate_cell is not None and funds.total.rate_declared is None:
        row, column = money.rate_cell  # 执行率（B/A） | 99.00% on its own row: the total's
        funds.total.sources["rate"] = note(table, grid, row, column)
        funds.total.rate_declared = _rate(grid, row, column, funds.total)
    funds.blocks = [_block_below(block, table) for block in money.below]
    funds.unit = _unit(money)
    _apply_points(money, table, funds, lines, first_row)
    _blocks_scored(funds, _outside_notes(_line_label(grid, money.header_row,
                                                     min(columns.values()))[0]))


def _without_subtotals(money: MoneyBlock
                       ) -> tuple[MoneyBlock, list[tuple[int, str, int | None]]]:
    """The block without its 小计 lines, and those lines, where a line is its total
    (年度资金总额 over 其中：中央补助 | 省级补助 | 小计 | 县级配套): each 小计 the sum of
    lines above it, no part of the total. A 小计 with no lines of its own above it (none
    since the total or the 小计 before it: 年度资金总额 over 其中：财政资金小计 | 其他资金)
    adds nothing up: a part."""
    if not any(_fund_label(label) == "total" for _, label, _ in money.lines):
        return money, []
    subtotals = []
    since = 0  # the lines since the total or the last 小计
    for line in money.lines[1:]:
        if _fund_label(line[1]) == "total":
            since = 0
        elif _is_subtotal(line[1]) and since:
            subtotals.append(line)
            since = 0
        else:
            since += 1
    if not subtotals:
        return money, []
    return dataclasses.replace(money, lines=[line for line in money.lines
                                             if line not in subtotals]), subtotals


def _subtotals_added(money: MoneyBlock, table: SelfEvaluation,
                     subtotals: list[tuple[int, str, int | None]], lines: list[FundLine]
                     ) -> list[tuple[FundLine, list[FundLine]]]:
    """Each 小计 line read (``Funds.subtotals``), with the lines it adds up: those of
    ``money``'s (read as ``lines``) above it since the 小计 before it, totals left out."""
    found = []
    after = -1
    for (row, _, _), subtotal in zip(subtotals, _fund_lines(
            dataclasses.replace(money, lines=subtotals), table), strict=True):
        found.append((subtotal, [line for (at, label, _), line in zip(money.lines, lines,
                                                                       strict=True)
                                 if after < at < row and _fund_label(label) != "total"]))
        after = row
    return found


def _scored_each(money: MoneyBlock, table: SelfEvaluation, lines: list[FundLine]
                 ) -> tuple[FundLine | None, list[FundLine]] | None:
    """The total line (None where none is written) and the lines that each score their own
    执行率 with their own 分值 (``Funds.shares``), where a block's lines do so: 本级资金 | … |
    5 | 95% | 4.75 over 转移支付资金 | … | 5 | 100% | 5 — not the first line the total and
    the second its part — with or without a 合计 (or 年度资金总额) line whose 分值 is theirs
    added up (10) and whose 得分 is theirs (9.75, not 10 × its own 96.67 %). A line that is
    the sum of the others (财政资金 300 over 中央资金 200, 省级资金 100) is their total, not
    one more share: where its 分值 is not theirs added up (10 written on every line), the
    block is read as usual (None). A line named for where its money came from (中央补助资金
    500 over 省级 300, 县级配套 200) is a part, never the others' total, whatever it adds up
    to. Gives each share its points."""
    grid, columns = money.grid, money.columns
    if "weight" not in columns or len(lines) < 2:
        return None
    rows = [row for row, _, _ in money.lines]
    weights = [points_at(grid, row, columns["weight"]) for row in rows]
    scores = [points_at(grid, row, columns["score"]) if "score" in columns else None
              for row in rows]
    totals = [at for at, (_, label, _) in enumerate(money.lines)
              if _line_kind(label, at == 0) == "total"] \
        or [at for at in range(len(lines)) if len(lines) > 2  # (of two, neither is the
            and _fund_label(money.lines[at][1]) != "source"  # other's total: alike, if so)
            and _sums_the_others(lines, at, _unit(money))]
    shares = list(range(len(lines)))
    if totals:
        shares = next((others for at in totals if _adds_up_the_points(
            weights, scores, at, others := [i for i in range(len(lines)) if i != at])), [])
    if len(shares) < 2 or any(weights[at] is None or weights[at] <= TOLERANCE  # type: ignore[operator]
                              for at in shares):
        return None
    for at in shares:
        line, row = lines[at], rows[at]
        line.weight, line.sources["weight"] = weights[at], note(table, grid, row, columns["weight"])
        if "score" in columns:
            line.score_declared = scores[at]
            line.sources["score"] = note(table, grid, row, columns["score"])
    total = next((lines[at] for at in range(len(lines)) if at not in shares), None)
    return total, [lines[at] for at in shares]


def _sums_the_others(lines: list[FundLine], at: int, unit: float) -> bool:
    """Whether line ``at``'s 全年预算数 and 全年执行数 are the other lines' added up (to one
    ``SCORE_STEP`` of the unit the cells show): their total, whatever its label (财政资金, 小计)."""
    for key in ("budget", "executed"):
        amounts = [getattr(line, key) for line in lines]
        if None in amounts or abs(amounts[at] - (sum(amounts) - amounts[at])) \
                > SCORE_STEP * unit:
            return False
    return True


def _adds_up_the_points(weights: list[float | None], scores: list[float | None], at: int,
                        others: list[int]) -> bool:
    """Whether the total line ``at``'s 分值 is the ``others``' added up and its 得分 theirs
    too (each rounded to 0.01: within half a hundredth a line), where all are written."""
    if weights[at] is None or any(weights[i] is None for i in others) \
            or abs(weights[at] - sum(weights[i] for i in others)) > TOLERANCE:  # type: ignore[operator, misc]
        return False
    given = [scores[i] for i in (at, *others)]
    return None in given or abs(given[0] - sum(given[1:])) \
        <= TOLERANCE * len(given)  # type: ignore[operator, arg-type]


def _added_up(lines: list[FundLine]) -> FundLine:
    """The 年度资金总额 of lines written without one: each amount the lines' sum."""
    total = FundLine("年度资金总额")
    for key, _ in _AMOUNT_ROLES:
        given = [getattr(line, key) for line in lines if getattr(line, key) is not None]
        setattr(total, key, round(sum(given), _SUM_DECIMALS) if given else None)
    return total


def _unit(money: MoneyBlock) -> float:
    """The unit the block's amount columns show, in 万元 (``Funds.unit``): its own where
    they share one, else 万元 (a column in 元 under 项目资金（万元）: the findings quote 万元)."""
    scales = {money.scale_at(column) for role, column in money.columns.items()
              if role in ("initial", "budget", "executed")}
    return scales.pop() if len(scales) == 1 else 1.0


def _block_below(money: MoneyBlock, table: SelfEvaluation) -> Funds:
    """A money block under the first (``MoneyBlock.below``): its 年度资金总额 and 其中 lines,
    and the 分值 and 得分 its total line writes, if any (``_blocks_scored``)."""
    lines = _fund_lines(money, table)
    at = next((at for at, (_, label, _) in enumerate(money.lines)
               if _fund_label(label) == "total"), 0)
    funds = Funds(total=lines[at], parts=[line for line in lines if line is not lines[at]],
                  weight=None, label=money.label, unit=_unit(money))
    row = money.lines[at][0]
    for key, role in (("weight", "weight"), ("score_declared", "score")):
        if role in money.columns:
            setattr(funds, key, points_at(money.grid, row, money.columns[role]))
            funds.sources[role] = note(table, money.grid, row, money.columns[role])
    return funds


def _blocks_scored(funds: Funds, label: str) -> None:
    """Where the blocks under the first write 分值 and 得分 of their own on their total
    lines, as the first does (本级资金（万元） … 5 | 95% | 4.75 over 转移支付资金（万元） …
    5 | 96% | 4.8), each block scores its own 执行率: their totals (named by the blocks'
    labels, the first's ``label``) join ``Funds.shares``, the 执行率's 分值 and 得分 are
    their sums (10, 9.55) — not the first block's 5 alone."""
    below = [block for block in funds.blocks
             if block.weight is not None and block.weight > TOLERANCE]
    if not below or funds.weight is None or funds.weight <= TOLERANCE:
        return
    funds.shares = [*(funds.shares or [_block_share(funds, label)]),
                    *(_block_share(block, block.label) for block in below)]
    _points_of_shares(funds)


def _points_of_shares(funds: Funds) -> None:
    """The 执行率's 分值 and 得分 as its lines' (``Funds.shares``) together; no 得分 where a
    line has none."""
    funds.weight = round(sum(line.weight or 0.0 for line in funds.shares), _SUM_DECIMALS)
    scores = [line.score_declared for line in funds.shares]
    funds.score_declared = None if None in scores else round(sum(scores), _SUM_DECIMALS)  # type: ignore[arg-type]


def _block_share(block: Funds, label: str | None) -> FundLine:
    """A block's scored line as one of ``Funds.shares``: its amounts, its points, its label."""
    line = block.scored
    sources = {**line.sources, **{key: block.sources[key] for key in ("weight", "score")
                                  if key in block.sources}}
    return dataclasses.replace(line, label=label or line.label, weight=block.weight,
                               score_declared=block.score_declared, sources=sources)


def _fund_lines(money: MoneyBlock, table: SelfEvaluation) -> list[FundLine]:
    """A money block's lines, read: each one's amounts, its 执行率 as written, its breakdown
    and whether it is a part of the line above it."""
    grid, columns = money.grid, money.columns
    lines = []
    splits = _splits(money)
    under = _under_the_line_above(money.lines) | _before_the_first_source(money.lines)
    for row, label, label_column in money.lines:
        line = FundLine(_plain_label(label), split=splits.get(row))
        if label_column is not None:
            line.sources["label"] = note(table, grid, row, label_column)
        for key, role in (("initial_budget", "initial"), ("budget", "budget"),
                          ("executed", "executed")):
            if role in money.added:  # 中央补助 + 地方资金 under 全年预算数（A）, no 合计
                amounts = [_amount(grid, row, column, money.scale_at(column))
                           for column in money.added[role]]
                given = [amount for amount in amounts if amount is not None]
                line.sources[key] = note(table, grid, row, columns[role])
                setattr(line, key, round(sum(given), _SUM_DECIMALS) if given else None)
            elif role in columns:
                line.sources[key] = note(table, grid, row, columns[role])
                setattr(line, key, _amount(grid, row, columns[role], money.scale_at(columns[role])))
        if "budget" not in columns and "initial" in columns:  # A = 年初预算数 then
            line.budget = line.initial_budget
            line.sources["budget"] = line.sources["initial_budget"]
        elif line.budget is None and line.initial_budget is not None and "budget" in columns \
                and (marked := grid.raw(row, columns["budget"])) is not None \
                and not_adjusted(marked):
            line.budget = line.initial_budget  # 全年预算数 “—”, “未调整”: the 年初 one unchanged
        if "rate" in columns:
            line.sources["rate"] = note(table, grid, row, columns["rate"])
            line.rate_declared = _rate(grid, row, columns["rate"], line, money.header_row)
        if _RATE_BESIDE in columns:
            line.sources[_RATE_BESIDE] = note(table, grid, row, columns[_RATE_BESIDE])
            line.rate_beside = _rate(grid, row, columns[_RATE_BESIDE], line, money.header_row)
        line.nested = _fund_label(label) == "source" or row in under
        lines.append(line)
    return lines


def _apply_points(money: MoneyBlock, table: SelfEvaluation, funds: Funds,
                  lines: list[FundLine], first_row: int) -> None:
    """The rest of ``apply_money``: the 执行率's reason and points where the total line's
    cells do not give them, the columns' names; ``funds`` becomes the table's."""
    grid, columns = money.grid, money.columns
    if funds.reason is None:
        _reason_under(money, table, funds)
    carrier = _points_line(money, first_row)
    if carrier is not None:  # the 执行率's points written on one 其中 line, not the total's
        funds.rate_line = lines[[row for row, _, _ in money.lines].index(carrier)]
        funds.weight = points_at(grid, carrier, columns["weight"])
        funds.sources["weight"] = note(table, grid, carrier, columns["weight"])
        if "score" in columns:
            funds.score_declared = points_at(grid, carrier, columns["score"])
            funds.sources["score"] = note(table, grid, carrier, columns["score"])
    if "weight" not in columns and "score" in columns:
        stated = _stated_points(grid, money.header_row, columns)
        if stated is not None:
            funds.weight, funds.sources["weight"] = stated[0], note(table, grid, *stated[1])
    if "budget" in columns:
        funds.budget_name = _column_name(grid, money.header_row, columns["budget"], "全年预算数",
                                         _BUDGET_NAME)
    if "executed" in columns:
        funds.executed_name = _column_name(grid, money.header_row, columns["executed"],
                                           "全年执行数", _EXECUTED_NAME)
    if _RATE_BESIDE in columns:
        funds.rate_names = _rate_names(grid, money.header_row, columns)
    table.funds = funds


def _rate_names(grid: Grid, row: int, columns: dict[str, int]) -> tuple[str, str]:
    """The two 执行率 columns' headers as written (全年执行率, 执行率), told apart by their
    order where they read the same."""
    first, second = (re.sub(r"[（(][^（()）]*[)）]", "", compact_text(grid.texts.get(
        grid.origin.get((row, columns[role]), (row, columns[role])), ""))) or "执行率"
        for role in ("rate", _RATE_BESIDE))  # 执行率(B/A) → 执行率
    return (first, second) if first != second else (f"左边一栏{first}", f"右边一栏{second}")


def _remark_without_cause(money: MoneyBlock, row: int) -> bool:
    """Whether the money's reason column is a 备注 that gives no cause in ``row``: a 备注
    holds anything (资金来源：…, 含上年结转资金), a reason only where it says a cause
    (``explains_shortfall``); left so, it is no place for the reason either."""
    column = money.columns["reason"]
    return money.grid.texts.get((money.header_row, column), "").startswith(_REMARK) \
        and not explains_shortfall(money.grid.raw(row, column))


def _reason_under(money: MoneyBlock, table: SelfEvaluation, funds: Funds) -> None:
    """The 执行率's reason written on the row right under the money block's last line, as
    hand-made forms put it: 执行率偏低原因：… in one (merged) cell, or the label with the
    reason right of it (执行率偏低原因 | …) — ``rate_reason_label``. The label alone is
    where the reason goes: JX306 points there."""
    grid, last = money.grid, money.lines[-1][0]
    row = next((row for row in (last + 1, last + 2) if row in grid.rows), None)  # one empty between
    if row is None:
        return
    column = grid.rows[row][0]
    text = grid.values.get((row, column))  # (a formula cell without a result has none)
    if not isinstance(text, str) or not rate_reason_label(grid.texts.get((row, column), "")):
        return
    said = "".join(re.split("[:：]", text, maxsplit=1)[1:])  # after the label's colon
    place = (row, column)
    if not said.strip():
        beside = grid.right_of(row, column, limit=8)
        said = str(beside[0]) if beside is not None else ""
        place = (row, beside[1]) if beside is not None else place
    funds.reason = without_instructions(said.strip()) if said.strip() else None
    funds.sources["reason"] = note(table, grid, *place)


def _over_the_years(lines: list[tuple[int, str, int | None]]
                    ) -> list[tuple[int, str, int | None]]:
    """The total lines over the project's years (实施期资金总额, 项目总投资合计, 累计资金总额)
    of a block that also has the year's own total line (年度资金总额, 合计): neither the
    year's total nor a part of it — the 执行率 is the year's (全年执行数 ÷ 全年预算数), and
    the year's lines add to the year's total. None where no other total line is written
    (the one total is the block's, whatever it is named)."""
    totals = [line for line in lines if _fund_label(line[1]) == "total"]
    over = [line for line in totals if over_years(line[1])]
    return over if over and len(over) < len(totals) else []


def _points_line(money: MoneyBlock, total_row: int) -> int | None:
    """The row of the one 其中 line the unit wrote the 执行率's 分值 (and 得分) on, where
    the total line's 分值 and 得分 say nothing (blank, “—”, “/”): 年度资金总额 | … | — | … | —
    over 其中：财政拨款 | … | 10 | 95% | 9.5, the rate that counts being that line's. None
    where the total line has points (also merged down over the 其中 lines), where no line
    or more than one has any, or where the line's 分值 is no number or its cell is merged
    over other lines too (whose rate it would be is not said)."""
    grid, columns = money.grid, money.columns
    if "weight" not in columns:
        return None
    cells = [columns[role] for role in ("weight", "score") if role in columns]

    def says_nothing(row: int, column: int, unused: Callable[[Any], bool]) -> bool:
        return (row, column) not in grid.formulas and unused(grid.values.get((row, column)))

    if not all(says_nothing(total_row, column, is_placeholder) for column in cells):
        return None
    carrying = [row for row, _, _ in money.lines if row != total_row  # (0: none, 上年结转's)
                and not all(says_nothing(row, column, is_placeholder_points) for column in cells)]
    if len(carrying) != 1:
        return None
    row = carrying[0]
    weight = points_at(grid, row, columns["weight"])
    if weight is None or weight <= TOLERANCE or any(
            grid.origin.get((row + 1, column)) == (row, column) for column in cells):
        return None
    return row


# A budget column's own name, its (A) and unit left out: 调整后预算数, 预算数, 年度预算数
_BUDGET_NAME = re.compile(r"[\u4e00-\u9fff]{0,6}预算数")
# B's name as a header writes it (已拨付资金, 实际支出数, 1-12月执行数): a short name with
# words in it (not the amount of a one-row money block, whose "header" is its own row)
_EXECUTED_NAME = re.compile(r"[\d-]*[\u4e00-\u9fff][\u4e00-\u9fff\d-]{1,9}")


def _column_name(grid: Grid, row: int, column: int, form_name: str,
                 shape: re.Pattern[str]) -> str | None:
    """The name the header at ``row`` gives a money column — the budget (调整后预算数 for
    四川's 调整后预算数(A)（万元）), what was spent (已拨付资金) — where it is not the
    form's ``form_name`` (全年预算数, 全年执行数) and has the ``shape`` of such a name;
    None otherwise."""
    head = grid.origin.get((row, column), (row, column))
    name = re.sub(r"[（(][^（()）]*[)）]", "", compact_text(grid.texts.get(head, "")))
    return name if shape.fullmatch(name) and name != form_name \
        and fund_role(name) is not None else None


def _source_columns(money: MoneyBlock, table: SelfEvaluation, row: int) -> list[FundLine]:
    """The sources a money block splits into columns under its merged headers (全年预算数（A）
    over 中央 | 地方 | 合计, the same under 全年执行数（B）): one line each, so that their sum
    is checked against the 合计 (JX304) as the sources written down the rows are — and,
    without a 合计 (``MoneyBlock.added``), each source's line read as one, a 其中 column
    nested in the one before it. A lone 其中 column beside the 合计 (合计 | 其中：中央补助)
    is of which: no lines."""
    grid, columns = money.grid, money.columns
    spans: dict[str, dict[str, int]] = {}
    head = money.header_row
    nested: set[int] = set()  # 其中：中央补助 after 当年财政拨款 (``_parts_of_columns_before``)
    for role in ("budget", "executed"):
        if role not in columns:
            return []
        if role in money.added:  # 中央补助 | 地方资金, no 合计: the amount their sum
            span = _span(grid, head, columns[role])
            nested |= _parts_of_columns_before(grid, head, span)
            spans[role] = {grid.texts[(head + 1, column)]: column for column in span}
            continue
        top = _group_head(grid, head, columns[role])
        if top[0] != head or not _is_sum(grid.texts.get((head + 1, columns[role]), "")):
            return []  # no 合计 among the sources: the amounts are not the sum's
        spans[role] = {grid.texts[(head + 1, column)]: column
                       for column in _span(grid, head, top[1]) if column != columns[role]}
    labels = list(spans["budget"])
    if not labels or labels != list(spans["executed"]) \
            or not all(_fund_label(label) in ("source", "part") for label in labels):
        return []
    if len(labels) == 1 and labels[0].startswith("其中"):
        return []  # 合计 | 其中：中央补助: of which, no breakdown of the 合计
    lines = [_source_line(money, table, _plain_label(label), {key: (row, spans[key][label])
                                                 for key in ("budget", "executed")})
             for label in labels]
    for line, label in zip(lines, labels, strict=True):
        line.nested = spans["budget"][label] in nested
    return lines


def _group_head(grid: Grid, head: int, column: int) -> tuple[int, int]:
    """The cell of the header at row ``head`` over ``column``'s sub-header: its merge's, or
    — the merge lost (a PDF or WPS conversion) — the header cell left of it whose columns
    run to the next header cell (``_span``: 全年预算数（A） in one cell above 中央 | 省级 |
    合计, 全年执行数（B） right after them)."""
    top = grid.origin.get((head, column), (head, column))
    if top != (head, column) or (head, column) in grid.values:
        return top
    return next(((head, at) for at in sorted(grid.rows.get(head, []), reverse=True)
                 if at < column and column in _span(grid, head, at)), top)


def _source_line(money: MoneyBlock, table: SelfEvaluation, label: str,
                 cells: dict[str, tuple[int, int]]) -> FundLine:
    """A source's line from its cells (key → (row, column)) in the money block."""
    line = FundLine(label)
    for key, (row, column) in cells.items():
        line.sources[key] = note(table, money.grid, row, column)
        setattr(line, key, _amount(money.grid, row, column, money.scale_at(column)))
    return line


def _source_columns_by_label(money: MoneyBlock, table: SelfEvaluation) -> list[FundLine]:
    """The sources heading the columns of a money block labelled down its rows (资金投入情况 |
    中央资金 | 地方资金 | 合计, then 全年预算数（A） | 800 | 250 | 1000): one line each, as
    ``_source_columns``; none unless the amounts are the 合计's."""
    grid, found = money.grid, money.by_label or {}
    if "budget" not in found or "executed" not in found:
        return []
    total = found["budget"][1]
    head = money.header_row - 1  # above the block's first row (年初预算数, where written)
    if _fund_label(grid.texts.get((head, total), "")) != "total":
        return []
    rows = {key: found[role][0] for key, role in _AMOUNT_ROLES
            if role in found and found[role][1] == total}  # (the 合计's amounts only)
    return [_source_line(money, table, grid.texts[(head, column)],
                         {key: (row, column) for key, row in rows.items()})
            for column in grid.rows.get(head, []) if column != total
            and _fund_label(grid.texts.get((head, column), "")) in ("source", "part")]


# A money line's amounts (``FundLine``'s attributes) and the roles of their columns or rows
_AMOUNT_ROLES = (("initial_budget", "initial"), ("budget", "budget"), ("executed", "executed"))


_STATED_POINTS = re.compile(r"[(（]\s*(\d+(?:\.\d+)?)\s*分")


def _stated_points(grid: Grid, row: int, columns: dict[str, int]
                   ) -> tuple[float, tuple[int, int]] | None:
    """The 执行率's points where a money header without a 分值 column states them (湖北:
    预算执行情况（万元）（20分） | … | 得分(20分*执行率)): the points and their cell, the
    得分's header first, then the 执行率's (预算执行率（20分）); else None."""
    first = min(columns.values())
    cells = [columns["score"], *([columns["rate"]] if "rate" in columns else []),
             *(column for column in grid.rows.get(row, []) if column < first)]
    for column in cells:
        found = _STATED_POINTS.search(grid.texts.get((row, column), ""))
        if found is not None:
            return float(found.group(1)), (row, column)
    return None


def _apply_money_rows(money: MoneyBlock, table: SelfEvaluation) -> None:
    grid, line = money.grid, FundLine("年度资金总额")
    for key, role in _AMOUNT_ROLES:
        if role not in money.by_label:  # type: ignore[operator]
            continue  # (年初预算数: where a row gives it)
        row, column = money.by_label[role]  # type: ignore[index]
        line.sources[key] = note(table, grid, row, column)
        setattr(line, key, _amount(grid, row, column, money.scale))
    stated = _stated_by_rows(grid, money.by_label)  # type: ignore[arg-type]
    if "rate" in stated:
        row, column = stated["rate"]
        line.sources["rate"] = note(table, grid, row, column)
        line.rate_declared = _rate(grid, row, column, line)
    funds = Funds(total=line, weight=None, parts=_source_columns_by_label(money, table),
                  unit=money.scale)
    for key in ("weight", "score"):
        if key in stated:
            row, column = stated[key]
            funds.sources[key] = note(table, grid, row, column)
            setattr(funds, "weight" if key == "weight" else "score_declared",
                    points_at(grid, row, column))
    table.funds = funds


_STATED = ("weight", "score", "rate")


def _stated_by_rows(grid: Grid, found: dict[str, tuple[int, int]]) -> dict[str, tuple[int, int]]:
    """The cells of the 执行率, its 分值 and its 得分 in a money block written down the rows
    (``_money_by_rows``): the rate right of its label, as found; else, and for the points,
    a label on one of the block's rows with the number right of it (预算执行率 | 98% | 分值
    | 10 | 得分 | 9.8), or a header over the block with the number under it on one of its
    rows (项目资金 | 年度资金总额 | … | 分值 | 执行率 | 得分 over 全年预算数 | 100 | … | 10 |
    98% | 9.8)."""
    stated = {role: found[role] for role in _STATED if role in found}
    rows = sorted({row for role, (row, _) in found.items() if role not in ("weight", "score")})
    used = set(found.values())
    for row in rows:
        for column in grid.rows.get(row, []):
            if not isinstance(grid.values.get((row, column)), str):
                continue
            role = fund_role(grid.texts.get((row, column), ""))
            if role not in _STATED or role in stated \
                    or (value := grid.right_of(row, column, limit=2)) is None:
                continue
            if (_rate if role == "rate" else points_at)(grid, row, value[1]) is not None:
                stated[role] = (row, value[1])
    above = rows[0] - 1
    for column in grid.rows.get(above, []):
        role = fund_role(grid.texts.get((above, column), ""))
        if role not in _STATED or role in stated:
            continue
        below = next((row for row in rows if (row, column) in grid.values
                      and (row, column) not in used), None)
        if below is not None:
            stated[role] = (below, column)
    return stated


def _headings_points(table: SelfEvaluation) -> float | None:
    """The points the 一级 headings state together (else the 二级's), if they state any."""
    for level in ("level1", "level2"):
        groups = levels.heading_groups(table.indicators, level)
        if groups:
            return sum(stated for _, stated, _ in groups)
    return None


def _amount(grid: Grid, row: int, column: int, scale: float) -> float | None:
    raw = clean(grid.raw(row, column))
    amount = parse_amount(raw)
    if amount is None or scale == 1.0 or (isinstance(raw, str) and "元" in raw):
        return amount  # "30 万元", "500000 元": the cell says its unit
    return round(amount * scale, _SUM_DECIMALS)  # 元 → 万元


# the budgets 财政拨款 comes from, and the government bonds it holds (专项债券, 特别国债)
_FISCAL_KINDS = ("公共预算", "政府性基金", "国有资本", "债券", "国债")


def _under_the_line_above(lines: list[tuple[int, str, int | None]]) -> set[int]:
    """The rows of lines that break down the line above their run, not the total: a
    其中 within the 其中 (财政资金, 其中：一般公共预算 80, 政府性基金 20), or the budgets
    a 财政拨款 line comes from listed right under it. A run holds budgets, sources and
    lines of no known kind; it ends at a line of another kind (上年结转, 其他资金, 贷款)."""
    rows: set[int] = set()
    under, parts, fiscal_above = False, 0, False
    for at, (row, label, _) in enumerate(lines):
        text = _outside_notes(label.strip())
        kind = _fund_label(text)
        if at == 0 or kind == "total":
            continue  # the total line (the first, where none is named so)
        breaks_down = kind in ("source", None) or any(word in text for word in _FISCAL_KINDS)
        if not breaks_down:
            under = False
        elif not under:
            under = text.startswith("其中") and parts > 0 or fiscal_above
        parts += 1
        if under:
            rows.add(row)
        else:
            fiscal_above = "财政" in text
    return rows


def _before_the_first_source(lines: list[tuple[int, str, int | None]]) -> set[int]:
    """The rows of lines of no known kind above the first source line, the total below
    them (日常养护费 | 养护补助 | 合计, ``_money_lines``): its peers, not a line it breaks
    down — added up with it."""
    kinds = [_fund_label(label) for _, label, _ in lines]
    known = next((at for at, kind in enumerate(kinds) if kind is not None), None)
    if not known or kinds[known] != "source" or "total" not in kinds[known:] \
            or _line_kind(lines[0][1], True) is not None:
        return set()
    return {row for row, _, _ in lines[:known]}


def _outside_notes(label: str) -> str:
    """A money line's label without its bracketed notes (上年结转资金（专项债券）: 上年结转资金,
    carried over, the bond only what the money was) — the whole label where nothing is left."""
    return re.sub(r"[(（][^()（）]*[)）]", "", label).strip() or label


def _plain_label(label: str) -> str:
    label = label.rstrip(":：")
    for prefix in ("其中:", "其中："):
        label = label.removeprefix(prefix)
    return label or "年度资金总额"


def _rate(grid: Grid, row: int, column: int, line: FundLine | None = None,
          header_row: int | None = None) -> float | None:
    """The 执行率 written in a cell, in percent; a bare number read by ``_bare_rate``
    (``line``: its amounts, read already; ``header_row``: the row of its column's header)."""
    value = clean(grid.raw(row, column))
    percent = shows_percent(grid.formats.get((row, column), ""))
    if isinstance(value, str):  # "0.98" typed as text (an export): the number 0.98, shown
        typed = parse_measure(value)  # as typed whatever the cell's format
        if typed.kind == "number" and typed.unit == "" and typed.op is None:
            value, percent = typed.value, False
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if percent:
            return rate_percent(value, percent)
        header = "" if header_row is None else grid.texts.get(
            grid.origin.get((header_row, column), (header_row, column)), "")
        return _bare_rate(float(value), line, "%" in compact_text(header).replace("％", "%"))
    return parse_rate(value, percent_format=percent)


def _bare_rate(value: float, line: FundLine | None, percent_header: bool) -> float:
    """A number without a % format in an 执行率 cell, in percent. 0.998 is 99.8 % and 99.8
    is 99.8 % (``rate_percent``); a number that reads either way (1: 1 % or 100 %, 0.5) is
    read as the line's B ÷ A stands for, where one reading does and the other does not
    (1 beside 0.5 of 50 is 1 %); where the amounts allow neither, as the header says —
    percent points under 执行率(%), the fraction elsewhere; without both amounts, the
    fraction as always (0.95 beside a blank B is 95 %, as JX_EXEC_SCORE reads it)."""
    as_fraction = rate_percent(value, False)
    if as_fraction == value:
        return value  # one reading only (99.8, 0, 1.5)
    rate = None
    if line is not None and line.budget is not None and line.executed is not None \
            and line.budget > 0:
        try:
            rate = execution_rate(line.budget, line.executed)
        except ScoreInputError:
            rate = None
    if rate is not None:
        text = repr(value).removesuffix(".0")
        typed = None if "e" in text else len(text.partition(".")[2])  # as typed: 0.5 → 1
        as_points = rate_stands_for(value, rate, typed)
        if as_points != rate_stands_for(as_fraction, rate, None if typed is None else max(typed - 2, 0)):
            return value if as_points else as_fraction
        return value if percent_header else as_fraction
    return as_fraction


def execution_weight(table: SelfEvaluation, has_money: bool) -> None:
    """Where the 执行率's points are: a 预算执行率 row, the money block's 分值 column
    (or the points its header states, 得分(20分*执行率)), or — a table with money but no points for it, whose indicators do not already
    total 100 (四川 style: 90 + 10), or 四川's form whose money is missing — the rule set's
    share of the 100 points; and so
    whether the 执行率 is scored at all (``execution_line``). A table without a 分值
    column whose headings state their points (湖北: 产出指标40分 | 效益指标30分 |
    满意度指标20分, the money without points) leaves the rest of the 100 to the 执行率 —
    unless the headings stand under a part of the form (湖北 市县: 项目绩效85分, whose other
    15 are 项目决策/项目管理's, ``form_parts``). A money block whose 分值 and 得分 say
    “—” (or nothing) beside a 预算执行率 row with points of its own leaves the 执行率 to
    that row, whatever the indicators' 分值 add up to."""
    funds, row = table.funds, table.execution_row
    if row is not None:
        funds.weight, funds.score_declared = row.weight, row.score_declared
        for key in ("weight", "score", "reason"):
            if key in row.sources:
                funds.sources[key] = row.sources[key]
        if funds.reason is None and row.reason:
            funds.reason = row.reason
        table.funds_weight_source = "row"
    elif "weight" in table.fund_columns or "weight" in funds.sources:  # or its header's
        if funds.weight is None and funds.score_declared is None \
                and (not table.template or _template_scores_no_rate(table)) \
                and (_indicators_total_100(table)
                     or _money_points_left_out(table) and _rate_row_with_points(table)):
            table.execution_line = False  # 分值 and 得分 left blank (or “—”), the indicators
            return  # given all 100 points, or a 预算执行率 row its own: not scored here
        if _restated_by_a_row(table):
            table.execution_line = False  # counted once, in its row (JX302 still checks
            return  # the money's 得分 against its 分值 × 执行率)
        if _unlisted_by_rules(table):
            return
        # a header's points are the printed form's own split (湖北: 预算执行情况（20分）,
        # 年度绩效目标（80分）), not a weight the unit chose
        table.funds_weight_source = "money" if "weight" in table.fund_columns else "form"
    elif table.layout != "third_party" and table.indicators and not any(
            levels.level1_category(i.level1, i.name) == levels.EXECUTION
            for i in table.indicators):
        headed = None if "weight" in table.columns else _headings_points(table)
        if (has_money or _points_beside_the_indicators(table)) \
                and any(i.weight is not None for i in table.indicators) \
                and not _indicators_total_100(table) and not _rate_row_totalled(table):
            funds.weight = table.rules.default_weights[levels.EXECUTION]
            table.funds_weight_source = "rules"
        elif headed is not None and TOLERANCE < FULL_MARKS - headed <= FULL_MARKS \
                and not form_parts(table):  # 项目绩效85分: the rest is 决策/管理's
            funds.weight = round(FULL_MARKS - headed, 2)  # 产出 40 + 效益 30 + 满意度 20: 10
            table.funds_weight_source = "headings"  # with the money found or not
    table.execution_line = table.funds_weight_source is not None \
        or "weight" in table.fund_columns or "score" in table.fund_columns


def _template_scores_no_rate(table: SelfEvaluation) -> bool:
    """Whether jixiao's template shows its 执行率得分 not scored: the “—” its formulas give
    for a 分值 left blank (``cellfuncs.NOT_SCORED``, since rt27), computed — not a formula
    saved without its result, nor an older template's 10 for a blank 分值."""
    info = table.cell(table.funds.sources.get("score"))
    return info is not None and not info.uncalculated and isinstance(info.value, str) \
        and info.value.strip() != "" and is_placeholder(info.value)


def _unlisted_by_rules(table: SelfEvaluation) -> bool:
    """Whether the money's 分值, left blank or “—” (the lines below it say “—”), is the rule
    set's share: 四川's form lists no 分值 for the 执行率 (``rules.unlisted_execution_points``),
    so its 10 stand beside the indicators' 90 — as the template's formulas count them — not
    a 分值 missing (JX106) and a total of 90 (JX101). A 分值 typed as words (十) or showing an
    error, or a formula saved without its result, is not left blank."""
    funds = table.funds
    if funds.weight is not None:
        return False
    info = table.cell(funds.sources.get("weight"))
    if info is not None and (info.error or info.uncalculated):
        return False
    shown = info.value if info is not None else None
    points = unlisted_execution_points(shown, table.rules)
    if points is shown or not isinstance(points, float):
        return False
    funds.weight = points
    table.funds_weight_source = "rules"
    table.execution_line = True
    return True


def _points_beside_the_indicators(table: SelfEvaluation) -> bool:
    """Whether the form itself scores the 执行率 beside its indicators, money found or not:
    四川's 一级 | 二级 | 三级 | 指标性质 | 指标值 | 度量单位 | 权重 table, whose 权重 total 90
    by the form (DOMAIN §5: 90 + 10), not a flat 指标名称 list (重庆's 部门整体 form,
    ``without_levels``). Its money missing, the 执行率 is still scored — and cannot be
    computed (JX307) — where a standard table's 90 without money is a wrong total (JX101)."""
    return table.layout == "sichuan" and not without_levels(table)


def _rate_row_totalled(table: SelfEvaluation) -> bool:
    """Whether a 预算执行率 row under 产出 (or 效益) is the 执行率 the table scores: its
    总分 is the indicators' scores alone (90 of 90 points) — then the rule set's share is
    not added again. (A 四川 table listing the rate among its 90 points and scoring the
    money's 10 besides declares the 100.)"""
    if table.total_declared is None or not any(
            levels.is_budget_rate_name(indicator.name) for indicator in table.indicators):
        return False
    scores = [indicator.score_declared for indicator in table.indicators]
    return all(score is not None for score in scores) \
        and abs(sum(scores) - table.total_declared) <= TOLERANCE  # type: ignore[arg-type]


def _restated_by_a_row(table: SelfEvaluation) -> bool:
    """Whether the money's 分值 restates a 预算执行率 row among the indicators (银川's index
    system under a money block with 分值 | 得分: 项目管理 | 投入管理 | 预算执行率 10, the
    indicators' 分值 already 100): the same 执行率 scored once, in its row — not 110."""
    weight = table.funds.weight
    return _indicators_total_100(table) and any(
        is_execution_row(indicator) and indicator.weight is not None
        and (weight is None or abs(indicator.weight - weight) <= TOLERANCE)
        for indicator in table.indicators)


def _money_points_left_out(table: SelfEvaluation) -> bool:
    """Whether the money block's 分值 and 得分 cells on the 执行率's line say nothing:
    blank, or a placeholder (“—”, “/”) — no formula, no number, no text to read."""
    for key in ("weight", "score"):
        info = table.cell(table.funds.sources.get(key))
        if info is not None and (info.formula is not None or not is_placeholder(info.value)):
            return False
    return True


def _rate_row_with_points(table: SelfEvaluation) -> bool:
    """Whether an indicator row named 预算执行率 / 资金执行率 carries points of its own
    (预算执行率 | 100% | 95% | 10 | 9.5, as its own 一级 or under 产出 / 项目管理): beside a
    money block whose 分值 and 得分 say “—”, that row is the 执行率, counted once — whatever
    the indicators' 分值 add up to (a wrong total is JX101's, not a missing 执行率)."""
    return any(levels.is_budget_rate_name(indicator.name) and indicator.weight is not None
               and indicator.weight > TOLERANCE for indicator in table.indicators)


def _indicators_total_100(table: SelfEvaluation) -> bool:
    """Whether the indicators' 分值 already make the full 100 points."""
    weights = [i.weight for i in table.indicators if i.weight is not None]
    return bool(weights) and abs(sum(weights) - FULL_MARKS) <= TOLERANCE


def read_as_template(table: SelfEvaluation) -> None:
    """The money of a jixiao template as its formulas read it (``rules.template_amount``):
    only numbers. A text such as "30万元", which a submitted table's money is read from,
    is no amount here — the template's JX_RATE shows ⚠ for it, and JX309 points at it —
    so check computes the same (no) 执行率 and 总分 as the workbook shows."""
    for line in (table.funds.total, *table.funds.parts):
        for key in ("initial_budget", "budget", "executed"):
            info = table.cell(line.sources.get(key))
            if info is None:
                continue
            try:
                setattr(line, key, template_amount(info.value, key))
            except ScoreInputError:
                setattr(line, key, None)
