"""A self-evaluation as plain data, and its evaluation under a rule set.

Every reader (a submitted workbook, the template's defined names) and a table built in
code give the same ``SelfEvaluation``: every value remembers the cell it came from
(``Source``) so findings can point at it, and the table carries the cell facts the checks
need (its columns, each cell's value and formula as read — ``CellInfo`` —, whether it is
jixiao's template, its links out, its subtotal rows). The defaults describe a table known
completely from its values: every indicator column, no cells, not a template, no links.
``evaluate()`` applies the rules of ``jixiao.rules`` (the table's ``RuleSet``) to it.

(Over 400 lines: the table's data classes and the one evaluation every front end runs;
splitting them would put the scoring of a table apart from the facts it reads.)
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import functools
import hashlib
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from jixiao import levels, rules
from jixiao.errors import ScoreInputError
from jixiao.parsing import (
    Measure,
    ScoringStandard,
    as_change_named,
    as_change_of,
    compact_string,
    compact_text,
    is_page_mark,
    is_placeholder,
    joined_target,
    normalize_text,
    parse_measure,
    scoring_standard,
    states_scoring_rule,
    value_note,
)
from jixiao.rules import RuleSet, Score, floor_as_fall, level_at_least
from jixiao.units import bare_in_base, fraction_as_percent, is_bare_fraction, is_unit, split_unit


@dataclass(frozen=True)
class Source:
    """Where a value was read: sheet name and A1 cell."""

    sheet: str
    cell: str

    def __str__(self) -> str:
        return f"{self.sheet}!{self.cell}"


# The error values a cell can hold (t="e"), Excel's whole list: the one list of them.
ERROR_CODES = ("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A",
               "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!",
               "#BUSY!", "#UNKNOWN!")
# How the text of a cell showing an error begins: one of those, or LibreOffice's Err:502 …
ERROR_TEXTS = (*ERROR_CODES, "Err:")

LAYOUTS = {  # SelfEvaluation.layout → its name in reports
    "standard": "标准格式（财预〔2020〕10号）",
    "sichuan": "四川/一体化格式（指标性质/指标值/度量单位）",
    "attachment": "评分附件表",
    "third_party": "第三方评价指标体系",
}
# SelfEvaluation.form → the form's name in reports: what the table evaluates, told by its
# title or labels (a project's table is the default and reports its layout only)
FORMS = {
    "project": "项目支出绩效自评表",
    "department": "部门整体支出绩效自评表",  # a body (部门, 单位), not a project
    "transfer": "转移支付区域绩效自评表",     # a region's use of a transfer payment
}


def form_label(form: str, layout: str) -> str:
    """What a report says a table is: its layout (标准格式（财预〔2020〕10号） …) for a
    project's table; another form by its name, with its layout where it is not the
    standard one (部门整体支出绩效自评表 · 四川/一体化格式…) — the 财预〔2020〕10号 form
    is the project's."""
    layout_name = LAYOUTS.get(layout, layout)
    if form == "project":
        return layout_name
    form_name = FORMS.get(form, form)
    return form_name if layout == "standard" else f"{form_name} · {layout_name}"


# The indicator columns a table may have, by the Indicator field they fill (the roles of
# the header reader, read/headers.py): a table built in code has them all.
INDICATOR_COLUMNS = frozenset(("level1", "level2", "name", "nature", "sign", "unit", "target",
                               "actual", "weight", "score", "reason", "judged", "deduction",
                               "score_share", "method"))


@dataclass(frozen=True)
class CellInfo:
    """One cell as read: the value shown (a formula's cached result) and its formula."""

    value: Any
    formula: str | None = None
    number_format: str = "General"
    cached: bool = True  # False: a formula saved without a result (never calculated)

    @property
    def is_formula(self) -> bool:
        return self.formula is not None

    @property
    def uncalculated(self) -> bool:
        """A formula saved without a result (a file written by a program, never opened
        in a spreadsheet): filled, its value unknown until recalculated (JX504)."""
        return self.is_formula and not self.cached

    @property
    def error(self) -> str | None:
        """The Excel error shown in the cell (#NAME? …), if any."""
        if isinstance(self.value, str) and self.value.startswith(ERROR_TEXTS):
            return self.value
        return None


@dataclass(frozen=True)
class ExternalContent:
    """A link out of the workbook, found as text: never followed, never run.

    kind: "link" (another workbook or file), "dde" (a DDE link or formula: Excel
    would ask to start a program), "ole" (an OLE link), "connection" (a data
    connection or web query refreshed from outside).
    """

    kind: str
    target: str               # the file, program or formula, as written
    part: str                 # the zip member it was found in
    sheet: str | None = None  # for a DDE formula: its sheet and cell
    cell: str | None = None


class Sources(dict[str, Source]):
    """Where each value of a record came from: key → ``Source``, a dict to whoever reads it.

    A reader may store a *place* instead of a Source: a tuple ``(sheet, row, column)``
    whose ``sheet.source(row, column)`` gives the Source. It becomes that Source when
    first read — a table names some ninety cells, and the checks look at a few of them.
    Every way of reading the values (``[]``, ``get``, ``values``, ``items``, iteration
    by ``dict()``, ``==``, copying, pickling) gives Sources; ``in`` and ``len`` need none.
    """

    __slots__ = ()

    def __getitem__(self, key: str) -> Source:
        value = dict.__getitem__(self, key)
        return value if type(value) is not tuple else self._made(key, value)

    def get(self, key: str, default: Any = None) -> Any:
        value = dict.get(self, key, default)
        return value if type(value) is not tuple else self._made(key, value)

    def _made(self, key: str, place: tuple[Any, int, int]) -> Source:
        source: Source = place[0].source(place[1], place[2])
        dict.__setitem__(self, key, source)
        return source

    def __iter__(self) -> Iterator[str]:  # dict(), {**…} and update() then read values by []
        return dict.__iter__(self)

    def values(self) -> list[Source]:  # type: ignore[override]
        return [self[key] for key in dict.__iter__(self)]

    def items(self) -> list[tuple[str, Source]]:  # type: ignore[override]
        return [(key, self[key]) for key in dict.__iter__(self)]

    def pop(self, key: str, *default: Any) -> Any:
        if key in self:
            value = self[key]
            dict.__delitem__(self, key)
            return value
        return dict.pop(self, key, *default)

    def setdefault(self, key: str, default: Any = None) -> Any:
        if key not in self:
            dict.__setitem__(self, key, default)
        return self[key]

    def copy(self) -> Sources:
        return Sources(self.items())

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, dict):
            return NotImplemented
        return dict(self.items()) == (dict(other.items()) if isinstance(other, Sources) else other)

    def __ne__(self, other: object) -> bool:
        equal = self.__eq__(other)
        return equal if equal is NotImplemented else not equal

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return repr(dict(self.items()))  # as the dict it stands for


@dataclass
class Project:
    name: str | None = None        # 项目名称
    department: str | None = None  # 主管部门
    unit: str | None = None        # 实施单位
    year: int | None = None        # 年度
    goal_expected: str | None = None  # 年度总体目标 — 预期目标
    goal_actual: str | None = None    # 年度总体目标 — 实际完成情况


@dataclass
class FundLine:
    """One line of the money block (年度资金总额, 当年财政拨款 …), in 万元."""

    label: str
    initial_budget: float | None = None  # 年初预算数
    budget: float | None = None          # 全年预算数 (A)
    executed: float | None = None        # 全年执行数 (B)
    rate_declared: float | None = None   # 执行率 as written, in percent
    # a second 执行率 on the line, as written (子洲: 全年执行率 | 分值 | 执行率 | 得分), at
    # sources["rate_beside"]; checked as the first is
    rate_beside: float | None = None
    sources: dict[str, Source] = field(default_factory=Sources)
    nested: bool = False  # a source of a part (中央补助 …, 一般公共预算 …), perhaps under 财政拨款
    # the breakdown it belongs to (按收入性质分 / 按支出性质分 of a 部门整体 table): each
    # breakdown adds up to the 年度资金总额 on its own; None for the plain 其中 lines
    split: str | None = None
    # the 执行率's 分值 and 得分 written on this line, where each line scores its own
    # (``Funds.shares``), at sources["weight"] and sources["score"]
    weight: float | None = None
    score_declared: float | None = None


@dataclass
class Funds:
    """The money block: the total line and its 其中 lines."""

    total: FundLine = field(default_factory=lambda: FundLine("年度资金总额"))
    parts: list[FundLine] = field(default_factory=list)
    weight: float | None = 10.0          # 分值
    score_declared: float | None = None  # 得分 as written
    reason: str | None = None            # 执行率偏低的原因 (sichuan)
    sources: dict[str, Source] = field(default_factory=Sources)
    # A (全年预算数) as the table's header names it, where that is another name
    # (调整后预算数, 预算数): the findings say the column the table has
    budget_name: str | None = None
    # B (全年执行数) likewise (已拨付资金, 实际支出数): the findings name the column read
    executed_name: str | None = None
    # the one 其中 line (of ``parts``) the unit wrote the 执行率's 分值 and 得分 on, the
    # total line's saying “—” (其中：财政拨款 | … | 10 | 95% | 9.5): its 执行率 is scored
    rate_line: FundLine | None = None
    # the headers of the lines' two 执行率 columns (全年执行率, 执行率), where there are two:
    # the findings name the cell they speak of
    rate_names: tuple[str, str] | None = None
    # the money blocks under this one, each with its own total and 其中 lines (转移支付资金
    # （万元） | 年初预算数 | … over 年度资金总额, 其中：中央补助 …), and the label each has
    blocks: list[Funds] = field(default_factory=list)
    label: str | None = None
    # the unit the cells show the amounts in, in 万元 (1e-4: 元): the findings quote the
    # amounts so, and allow for the rounding of that unit's 2 decimals, not of 万元's
    unit: float = 1.0
    # the lines (of ``parts``) that each score their own 执行率 with their own 分值, no
    # 年度资金总额 line written (本级资金 | … | 5 | 95% | 4.75 over 转移支付资金 | … | 5 | …):
    # the 执行率得分 is the sum of each one's 分值 × its own rate; ``total`` their sum
    shares: list[FundLine] = field(default_factory=list)
    # the 小计 lines among the 其中 lines, each with the lines it adds up (those above it
    # since the total or the 小计 before it: 中央补助 600 + 省级补助 300 = 小计 900): no
    # part of the total, not in ``parts``
    subtotals: list[tuple[FundLine, list[FundLine]]] = field(default_factory=list)

    @property
    def scored(self) -> FundLine:
        """The line whose 执行率 the 执行率得分 is scored on: the total's, else ``rate_line``."""
        return self.rate_line if self.rate_line is not None else self.total

    def budget_column(self, line: FundLine | None = None, form_name: str = "全年预算数") -> str:
        """What the table calls the budget (A) of ``line`` (the scored line by default), as
        the findings name it: 年初预算数 where A was read from that column (no other budget
        column), the column's own name where it has another (调整后预算数, 预算数), else
        the form's name, ``form_name`` (全年预算数, or 全年预算数(A) where a message has
        always said that)."""
        line = self.scored if line is None else line
        source = line.sources.get("budget")
        if source is not None and source == line.sources.get("initial_budget"):
            return "年初预算数"
        return self.budget_name or form_name

    def executed_column(self) -> str:
        """What the table calls what was spent (B), as the findings name it: the header's
        own name where it has another (已拨付资金), else the form's 全年执行数."""
        return self.executed_name or "全年执行数"


@dataclass
class Indicator:
    level1: str | None           # 一级指标
    level2: str | None           # 二级指标
    name: str | None             # 三级指标
    target: object = None        # 年度指标值, as in the cell
    actual: object = None        # 实际完成值, as in the cell
    weight: float | None = None  # 分值/权重
    score_declared: float | None = None  # 得分 as written
    reason: str | None = None    # 偏差原因分析及改进措施
    # 备注 beside the 偏差原因 with text that is no reason (数据来源：…, a notes column's 问卷
    # 调查): set aside, and said so where the deduction is unexplained (JX405)
    remark: str | None = None
    judged: float | None = None  # a person's score for a qualitative indicator
    # 扣分 as written (a 扣分 column, or 9.68（扣0.32分） in the 得分 cell), at sources["deduction"]
    deduction: float | None = None
    nature: str | None = None    # 指标性质 column (四川 style), when the layout has one
    unit: str | None = None      # 度量单位 column, when the layout has one
    actual_unit: str | None = None  # the 完成值's own 计量单位 column, beside the 指标值's
    # 指标性质 正向/反向 where a 指标方向 column beside it gives the opposite sign (JX203)
    contrary_nature: str | None = None
    # 评分标准 (评分方法, 计分办法 …) column: the row's own scoring rule as written, if any
    method: str | None = None
    sources: dict[str, Source] = field(default_factory=Sources)
    # a date 指标值/完成值's number format as the unit's cell shows it ("target"/"actual" →
    # yyyy"年"m"月"d"日"): set by ``template.fill.as_standard``, written with it on the form
    formats: dict[str, str] = field(default_factory=dict)


@dataclass
class Subtotal:
    """A 一级 (or 二级) subtotal row ("产出目标 | | 40 | | | 40"), or a 一级/二级 heading's
    points in a 分值 column of their own (sources["heading"]: the heading's cell): its
    points, and the indicator rows it sums. Never an indicator itself."""

    label: str
    weight: float | None
    score: float | None
    members: list[Indicator]
    sources: dict[str, Source]


_CELL_REF = re.compile(r"([A-Z]{1,3})([1-9][0-9]*)")


@dataclass(frozen=True)
class DocumentPlaces:
    """A document read as one sheet — a Word .docx, a web page (``xlsx.wordtable``,
    ``xlsx.webtable``): where its tables stand on that sheet, to name a cell as the
    document's reader finds it ("第2个表格 第6行第8列"), not by a sheet's A1 (文档!H6)
    that nothing in the document shows. The sheet holds, in order, each paragraph outside
    the tables (one row each, empty ones left out) and each table's rows, a blank row
    after each table."""

    sheet: str
    # each table's first row and its rows' cells' first columns (the columns of its grid)
    tables: tuple[tuple[int, tuple[tuple[int, ...], ...]], ...]
    what: str = "表格"  # what a table is called ("表格"; "网页表格")
    # each table's ``DocumentTable.places`` (a Word table a row of which holds a table
    # nested in a cell, read in place): a nested cell is named by the cell holding the
    # nested table and its own place in it, "第1个表格 第6行第2列（嵌套表格第2行第3列）"
    held: tuple[tuple[tuple[int, tuple[int, int, tuple[int, ...]] | None], ...], ...] = ()

    def place(self, sheet: str | None, cell: str | None) -> str | None:
        """The place of ``sheet``!``cell`` in the document's terms; None for another sheet."""
        if sheet != self.sheet or not cell:
            return None
        found = _CELL_REF.fullmatch(cell)
        if found is None:
            return None
        column = 0
        for letter in found.group(1):
            column = column * 26 + ord(letter) - 64
        row = int(found.group(2))
        after = 0  # the tables above the row, and the last one's end
        end = 0
        for number, (first, rows) in enumerate(self.tables, start=1):
            if row < first:
                break
            if row < first + len(rows):
                begins = rows[row - first]
                ordinal = sum(1 for begin in begins if begin <= column) or column
                places = self.held[number - 1] if number <= len(self.held) else ()
                own, inner = places[row - first] if places else (row - first + 1, None)
                place = f"第{number}个{self.what} 第{own}行第{ordinal}列"
                if inner is None or column < inner[0]:
                    return place
                _, nested_row, nested_begins = inner
                nested = sum(1 for begin in nested_begins if begin <= column) or 1
                return f"{place}（嵌套表格第{nested_row}行第{nested}列）"
            after, end = number, first + len(rows)  # (its blank row after it: ``end``)
        if after == 0:
            return f"第1个{self.what}之前的第{row}段文字"
        return f"第{after}个{self.what}之后的第{max(row - end, 1)}段文字"

    def table_of(self, sheet: str | None, cell: str | None) -> str | None:
        """The document's table ``sheet``!``cell`` is in ("第2个表格"), for a note naming a
        table; else its place (a paragraph's), or None for another sheet."""
        place = self.place(sheet, cell)
        return place.split(" ")[0] if place is not None and " " in place else place


@dataclass(frozen=True)
class EmbeddedPlaces:
    """A workbook embedded in a Word document as an object (an Excel worksheet shown in
    the document): its cells named as in it, said to be the embedded worksheet's."""

    label: str  # "文档中嵌入的 Excel 工作表", numbered where there are several

    def place(self, sheet: str | None, cell: str | None) -> str | None:
        if not sheet:
            return self.label
        return f"{self.label}“{sheet}”" + (f"!{cell}" if cell else "")

    def table_of(self, sheet: str | None, cell: str | None) -> str | None:
        """The embedded worksheet a table is on (``DocumentPlaces.table_of``)."""
        return self.place(sheet, None)


# A key of ``SelfEvaluation.sources``: UNUSED_ROW + a default 一级 (levels.SATISFACTION …)
# is the 三级指标 cell of the first unused row under it — where a clerk adds an indicator
# of a 一级 the table lacks (JX104 on the template).
UNUSED_ROW = "unused_row:"
# A key of ``SelfEvaluation.sources``: HIDDEN_ROW + a row number, at a hidden row under the
# header that holds an indicator's cells (last year's, kept hidden): not read as one
HIDDEN_ROW = "hidden_row:"
# A key of ``SelfEvaluation.sources``: HIDDEN_COUNTED + a row number, at the 三级 of a hidden
# row of jixiao's template read as an indicator: the template's formulas (分值合计, 得分, 总分)
# count every row of its block, shown or not, so check does too (JX110 says so at the row)
HIDDEN_COUNTED = "hidden_counted:"
# A key of ``SelfEvaluation.sources``: NOT_APPLICABLE_ROW + a row number, at the 三级 of a
# named row the unit marked 不适用 (分值 and 得分 不适用, /, — or 0; no 指标值, 完成值)
NOT_APPLICABLE_ROW = "not_applicable_row:"
# A key of ``SelfEvaluation.sources``: LEVELS_BELOW + a cell, at the 三级 of a row of jixiao's
# template above its first 一级 with 一级 and 二级 blank — a row inserted at the top of the
# block, the merges moved down below it — read as the group below (JX107 says so)
LEVELS_BELOW = "levels_below:"
# A key of ``SelfEvaluation.sources``: SHOWN_ERROR + a cell, at a formula cell of jixiao's
# template (its columns up to 是否达成, the table's rows) that shows an error value (#NAME?
# once saved by a program without the JX_ functions): JX504 counts every one, not only
# the cells whose values the checks read (a 是否达成, an emptied row's 得分)
SHOWN_ERROR = "shown_error:"
# A key of ``SelfEvaluation.sources``: HELPERS_MISSING + a cell, at an indicator's 得分 of
# jixiao's native template whose formula reads hidden helper cells of its row (M–AD) that
# hold none: the row's visible cells copied without them (JX503's: not unfilled, not stale)
HELPERS_MISSING = "helpers_missing:"


@dataclass
class SelfEvaluation:
    """One table, and what is known of its cells. ``rules`` is resolved on construction
    (a name such as "ratio" or "四川" becomes its ``RuleSet``; an unknown one raises
    ``UnknownRuleSet``)."""

    project: Project = field(default_factory=Project)
    funds: Funds = field(default_factory=Funds)
    indicators: list[Indicator] = field(default_factory=list)
    total_declared: float | None = None
    grade_declared: str | None = None
    # The 总分 or 评分等级 a sentence of the table states again (自评结论：经自评，该项目得分
    # 92分，评价等级为良) where it is not the one declared: "total" → the number, "grade" →
    # the grade as written; each at sources["restated_total"] / ["restated_grade"]
    restated: dict[str, float | str] = field(default_factory=dict)
    rules: RuleSet = field(default_factory=rules.rule_set)
    layout: str = "standard"  # a key of LAYOUTS
    # The form, a key of FORMS: "department", a 部门整体 form (部门整体支出绩效自评表, as its
    # title says) that evaluates a body (部门, 单位), not a project — read and checked as it
    # is, never put into the project template; "transfer", a 转移支付 区域绩效自评表
    form: str = "project"
    sources: dict[str, Source] = field(default_factory=Sources)
    file: str = ""  # the workbook read
    columns: frozenset[str] = INDICATOR_COLUMNS  # indicator columns: "target", "score" …
    # Money-block columns read ("budget", "weight" …). Empty for a table built in code: its
    # funds are its values, and it claims no 分值/得分 cell of its own for the 执行率.
    fund_columns: frozenset[str] = frozenset()
    cells: Mapping[Source, CellInfo] = field(default_factory=dict)  # each cell read, by place
    template: bool = False   # made from jixiao's template (JX_ names or formulas)
    # jixiao's own form (its JX_ defined names): its formula cells are locked (JX504 names none)
    locked_formulas: bool = False
    # read from a file jixiao reads by its values only (.xls, .xlsb, .ods): jixiao recalc
    # cannot write it (the clerk saves it as .xlsx first)
    values_only: bool = False
    external: list[ExternalContent] = field(default_factory=list)  # links, DDE (JX901)
    # Where the 执行率's 分值 (funds.weight) came from: "money" (the money block's 分值
    # column), "form" (stated by the printed form's money header: 得分(20分*执行率)),
    # "row" (a 预算执行率 row of a 评分附件表), "rules" (the rule set's share:
    # the table lists money but no points for it, or is 四川's form, money found or not;
    # its indicators total 90), "headings"
    # (no 分值 column: what the 一级 headings' points leave of the 100), or None (not
    # read from the table: given in code, or none).
    funds_weight_source: str | None = None
    # Whether the 执行率 is scored (counts in the total): in the money block (分值/得分
    # columns), by a 预算执行率 row, or by the rule set's share beside the money. False
    # for a layout without it (评分附件表, 第三方, most 四川 tables).
    execution_line: bool = True
    subtotals: list[Subtotal] = field(default_factory=list)  # 一级/二级 小计 rows
    # (indicator, the 一级 carried down to it) where its 二级 names another 一级
    level1_inferred: list[tuple[Indicator, str]] = field(default_factory=list)
    execution_row: Indicator | None = None  # the 预算执行率 row read as the money's score
    # 偏差大或目标未完成原因分析 written under the table: explains every shortfall in it
    reason: str | None = None
    # 备注/说明 rows under the table that give a cause: each explains the shortfalls its
    # sentences name (``explained``), not the whole table
    notes: list[str] = field(default_factory=list)
    # read from a document (Word, a web page): its cells named in the document's terms
    document: DocumentPlaces | EmbeddedPlaces | None = None
    # the document's paragraphs outside its tables (a 自评报告's text around its one 自评表),
    # each with its place: a deduction may be explained there (JX405)
    report_text: list[tuple[str, Source]] = field(default_factory=list)
    # the table's own 自评结论 (评价结论, 总体评价) at its foot, each text with its cell: a
    # deduction may be explained there too (JX405), as in a report's text
    conclusion: list[tuple[str, Source]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.rules = rules.rule_set(self.rules)

    @property
    def whole_department(self) -> bool:
        """A 部门整体 form: evaluates a body, not a project (never converted)."""
        return self.form == "department"

    def cell(self, source: Source | None) -> CellInfo | None:
        """The cell read at ``source``; None for a table built in code."""
        return self.cells.get(source) if source is not None else None

    def holds_formulas(self) -> bool:
        """Whether any cell read for the table holds a formula: where none does, the
        formula checks have nothing to look at."""
        noted = getattr(self.cells, "any_formula", None)
        if noted is not None:
            return bool(noted())
        return any(info.formula is not None for info in self.cells.values())


@dataclass
class Evaluation:
    """What the rules compute for a SelfEvaluation."""

    rules: RuleSet
    rate: float | None                # 执行率, percent, unrounded
    execution_score: float | None     # 执行率得分
    execution_note: str
    scores: list[Score]               # one per indicator, same order
    total: float | None
    grade: str | None
    # what ``total`` (or ``total_range``) is: "rules", every score as the rules give it;
    # "declared", the scores the table wrote, summed where no rule can recompute them (no
    # 分值 column); RULES_AND_DECLARED, the rules' scores with each row they cannot judge at
    # its written 得分 (``declared_rows``); None, no total (a range of the rules' bands alone)
    total_basis: str | None = None
    # the lowest and highest 总分 the rules allow where a person scores rows within their
    # level's band (``total_range``); None where a score is unknown otherwise
    total_range: tuple[float, float] | None = None


# Evaluation.total_basis where rows the rules cannot judge count at the 得分 written
RULES_AND_DECLARED = "rules_and_declared"


def without_levels(table: SelfEvaluation) -> bool:
    """Whether a table names no 一级 or 二级 at all: no such column, and no row carrying
    one — a flat 指标名称 list (重庆's 部门整体 form), neither a standard table nor 四川's
    (一级 | 二级 | 三级 | 指标性质 …)."""
    return not {"level1", "level2"} & table.columns \
        and not any(indicator.level1 or indicator.level2 for indicator in table.indicators)


def form_parts(table: SelfEvaluation) -> list[Subtotal]:
    """The parts of the form's 100 points its block headings beside the 一级 state (湖北
    市县: 项目绩效85分 in the column the 一级指标 header spans, over 产出/效益/满意度;
    sources["part"]): a level above the 一级, beside the form's other parts (项目决策,
    项目管理) — what such parts leave of the 100 is those parts', never the 执行率's."""
    return [subtotal for subtotal in table.subtotals if "part" in subtotal.sources]


def unsplit_groups(table: SelfEvaluation) -> list[Subtotal]:
    """The rows sharing one merged 分值 whose own 得分 show the unit split it its own way
    (20 over two rows scored 12 and 8; sources["split_unknown"], ``read.merged_points``):
    each row carries an equal share for the totals, but no row's own 分值 is known — its
    得分 is judged with its group's, against the merged points."""
    return [subtotal for subtotal in table.subtotals if "split_unknown" in subtotal.sources]


def in_unsplit_group(table: SelfEvaluation, indicator: Indicator) -> bool:
    """Whether ``indicator``'s 分值 is only its share of an ``unsplit_groups`` group."""
    return any(any(member is indicator for member in subtotal.members)
               for subtotal in unsplit_groups(table))


def deduction_base(table: SelfEvaluation, indicator: Indicator) -> float | None:
    """The 分值 a row's 得分 falls short of when it is deducted: its own; for a row of a
    merged 分值 split evenly to the cent (10 over three rows: 3.34, 3.33, 3.33), the lower
    cent — which rows hold the cents left over is jixiao's choice, so a unit that scored
    every row 3.33 deducted nothing from the row given 3.34."""
    for subtotal in table.subtotals:
        if "merged" in subtotal.sources and any(member is indicator
                                                for member in subtotal.members):
            return min(member.weight or 0.0 for member in subtotal.members)
    return indicator.weight


def indicator_target(indicator: Indicator) -> object:
    """The 指标值 as one text, joining 指标性质/值/度量单位 of 四川-style tables."""
    if indicator.nature is None and indicator.unit is None:
        return indicator.target
    return joined_target(indicator.nature, plain_text(indicator.target), indicator.unit) or None


def target_measure(indicator: Indicator) -> Measure:
    """The 指标值 as the rules read it: ``indicator_target`` parsed, as the change its name is
    the rate of where it states none (≥5% under 门诊量增幅: a rise of 5 % at least,
    ``parsing.as_change_named``), a floor of nothing under a name of something better less
    as a fall (≥0% under 安全事故发生率: ``rules.floor_as_fall``), a level written with ≥ as
    that level or better (≥良好: 良好及以上, ``rules.level_at_least``), a change named alone
    (稳步提升) as the name's (``parsing.as_change_of``), a grading scale as the name's
    (``rules.scale_of``: 低/中/高 under 安全风险等级) — so the checks read it as the score
    does."""
    target = as_change_named(parse_measure(indicator_target(indicator)), indicator.name)
    target = as_change_of(target, indicator.name)  # 逐步减轻 under 群众负担减轻情况: of 负担
    target = rules.scale_of(target, indicator.name)  # 低/中/高 under 安全风险等级: 低 best
    return level_at_least(floor_as_fall(target, indicator.name))


def _actual_unit(indicator: Indicator) -> tuple[str | None, bool]:
    """The unit of the 完成值 column and whether it is the 完成值's own (a 计量单位 column
    of its own, written on the row), not the 度量单位 the 指标值 and the 完成值 share."""
    if indicator.actual_unit is not None and not is_placeholder(indicator.actual_unit):
        return indicator.actual_unit, True
    return indicator.unit, False


def indicator_actual(indicator: Indicator) -> object:
    """The 完成值, given its 计量单位 column when the cell is a bare number. A 计量单位 of the
    完成值's own is its unit whatever it is but % (24.1 | 万人, 241000 | 人); the 度量单位 the
    指标值 and the 完成值 share, for a unit with 万/千 (万人), leaves it bare, read in 万 or
    in 人 as ``units.bare_in_base`` says; and for % either leaves it bare, a fraction (0.975)
    or a percent (97.5) as ``units.fraction_as_percent`` says beside the 指标值 (0.975 %
    it is not)."""
    unit, own = _actual_unit(indicator)
    number = _actual_number(indicator)
    if unit and number is not None:
        scale, base = split_unit(normalize_text(str(unit)).strip())
        if base != "%" and (own or scale == 1.0):
            return f"{plain_text(number)}{unit}"
    return indicator.actual


# A date typed as text: 2024.10, 2024.12.31 (a year, a month, perhaps a day)
_DATE_AS_TEXT_RE = re.compile(r"(?:19|20)\d\d[.．/-]\d{1,2}(?:[.．/-]\d{1,2})?")
# A 计量单位 naming a date or a time, not an amount of it
_DATE_UNITS = frozenset(("日期", "年月", "年月日", "时间", "年", "月", "日", "年.月", "完成时间"))


def _actual_number(indicator: Indicator) -> int | float | None:
    """The 完成值 when it is a bare number: a number cell, or a number saved as text (a
    文本-formatted cell of a template, a system export: "25", "11,400", "２５", spaces
    around it — ``rules.text_number``), read as the number it is, so a 计量单位 column
    is its unit alike. None for anything else ("25分钟" keeps the unit it writes), and for
    a date typed as text ("2024.10", "2024.12") beside a 指标值 that is a date or under a
    计量单位 naming one (月, 年月, 日期, 时间): a month as typed, not 2024.1 月."""
    actual = indicator.actual
    if isinstance(actual, (int, float)) and not isinstance(actual, bool):
        return actual
    number = rules.text_number(actual)
    if number is not None and _DATE_AS_TEXT_RE.fullmatch(rules.number_text(str(actual))) \
            and (_unit_of_dates(indicator) or target_measure(indicator).kind == "date"):
        return None
    return number


def _unit_of_dates(indicator: Indicator) -> bool:
    """Whether the 完成值's 计量单位 column names a date or a time (``_DATE_UNITS``)."""
    unit = _actual_unit(indicator)[0]
    return unit is not None and normalize_text(str(unit)).strip() in _DATE_UNITS


def actual_shown(indicator: Indicator) -> object:
    """The 完成值 as one text, as ``indicator_actual`` reads it, with its 计量单位 beside a
    bare number whatever the unit: % (a bare 0.975 or 85 is 97.5% or 85%, read beside the
    指标值 as ``units.fraction_as_percent`` says) and a unit with 万/千 (a bare 96 beside
    ≤100 万元 is 96万元) — how a report names it and the template holds it. A bare number
    ``units.bare_in_base`` reads in the plain unit (960000 beside 100 万元) stays bare: its
    reading hangs on the 指标值, as the table's own does."""
    actual = indicator_actual(indicator)
    written = _actual_unit(indicator)[0]
    if not written or actual is not indicator.actual:
        return actual  # (joined with its unit already)
    actual = _actual_number(indicator)
    if actual is None:
        return indicator.actual
    scale, base = split_unit(normalize_text(str(written)).strip())
    target = parse_measure(indicator_target(indicator))
    if base == "%" and scale == 1.0:
        beside = target.value if target.kind == "number" and target.unit == "%" else None
        return f"{plain_text(round(fraction_as_percent(float(actual), beside), 10))}%"
    goal = target.value * split_unit(target.unit)[0] \
        if target.kind == "number" and target.value is not None else 0.0
    if bare_in_base(float(actual), scale, goal):
        return indicator.actual  # (as typed: a number, or the number saved as text)
    return f"{plain_text(actual)}{written}"


def pair_shown(indicator: Indicator) -> tuple[object, object]:
    """The 指标值 and the 完成值 as a message quotes them: as the rules compared them.
    ``actual_shown``'s 度量单位 aside, a bare fraction read as a percent (``units.comparable``:
    0.9 under 实际完成值（%） beside ≥95 or ≥95%) is quoted in percent, and a bare other
    side with it (完成值 90%，指标值 ≥95%) — quoted as typed, 15 × 0.9 ÷ 95 is not the score."""
    target, actual = indicator_target(indicator), actual_shown(indicator)
    if indicator.unit is not None or _actual_unit(indicator)[1]:
        return target, actual  # read with its 度量单位 already (四川)
    goal, done = parse_measure(target), parse_measure(actual)
    if goal.kind not in ("number", "range") or done.kind != "number" \
            or goal.value is None or done.value is None:
        return target, actual
    if done.unit == "" and goal.unit == "%" \
            and fraction_as_percent(done.value, goal.value) != done.value:
        return target, _percent(done.value)
    if done.unit == goal.unit == "" and is_bare_fraction(done.value, goal.value):
        return _with_percent(target), _percent(done.value)
    if goal.kind == "number" and goal.unit == "" and (  # ≥0.95 beside 97% or 97
            done.unit == "%" and fraction_as_percent(goal.value, done.value) != goal.value
            or done.unit == "" and is_bare_fraction(goal.value, done.value)):
        shown = _fraction_in_percent(target)
        if shown is not None:
            return shown, actual if done.unit == "%" else _with_percent(actual)
    return target, actual


def _percent(fraction: float) -> str:
    return f"{plain_text(round(fraction * 100, 10))}%"


def _with_percent(value: object) -> object:
    """A bare value (≥95, 90-100, 97) quoted as the percent it was read as."""
    text = plain_text(value).strip()
    return f"{text}%" if text[-1:].isdigit() else value


def _fraction_in_percent(target: object) -> str | None:
    """A 指标值 of one bare fraction, last in its text (≥0.95, 不低于0.9), in percent."""
    text = plain_text(target).strip()
    numbers = list(re.finditer(r"\d+(?:\.\d+)?", text))
    if len(numbers) != 1 or numbers[0].end() != len(text):
        return None
    return text[:numbers[0].start()] + _percent(float(numbers[0].group()))


def default_operator(indicator: Indicator) -> str:
    """How to read a target written without ≥/≤ (``rules.direction``), under the row's
    二级 or the one its name surely names (``reading_level2``)."""
    return rules.direction(reading_level2(indicator), indicator_target(indicator)).value


def reading_level2(indicator: Indicator) -> str | None:
    """The 二级 a bare 指标值 is read under: the row's own; for a row without one (评分附件:
    一级 | 三级 | 权重 …) the 二级 its name names within its 一级 (``levels.named_level2``,
    as ``jixiao convert`` files it) where the name surely speaks of a ceiling — 人均培训成本
    300元/人, 补贴办结时限 5个工作日: met at 280 and 3 (``ceiling_unsure`` for the rest)."""
    if not _no_level2(indicator) or not levels.names_ceiling_surely(indicator.name):
        return indicator.level2
    return levels.named_level2(indicator.level1, indicator.name) or indicator.level2


def ceiling_unsure(indicator: Indicator) -> bool:
    """A row without 二级 whose bare 指标值 (a number) would be a ceiling under the 二级 its
    name names, the name not saying surely that it is one: 培训费用 300元 (a cost, or an
    amount paid out), 响应时间 2小时 (or 培训时间 40小时, hours given), a rate of a cost
    other than its 控制率 (维修成本率 30%: ``levels.names_cost_rate``). The rules read it
    "＝"; the checks ask for the ≤ or ≥ (JX203) rather than judge its score by that."""
    name = normalize_text(indicator.name or "")
    if not _no_level2(indicator) or levels.names_ceiling_surely(name) \
            or ("率" in name and not levels.names_cost_rate(name)) or rules.is_saving(name):
        return False  # (other rates — 成本节约率 5% — and savings are goals; 差错率 is JX203's)
    named = levels.named_level2(indicator.level1, name)
    target_text = indicator_target(indicator)
    target = parse_measure(target_text)
    return named is not None and target.kind == "number" and target.op is None \
        and bool(target.value) and rules.direction(named, target_text) is rules.Direction.CEILING


def _no_level2(indicator: Indicator) -> bool:
    return not (isinstance(indicator.level2, str) and indicator.level2.strip())


def is_execution_row(indicator: Indicator) -> bool:
    """Whether the row is the 预算执行率 as its own 一级 (beside 产出/效益/满意度), or as
    a 三级 of an index system's 过程/管理 一级 (银川: 项目管理（25分） | 投入管理 |
    预算执行率, scored 分值 × 执行率 by its 评分标准), not an indicator of that name
    under 产出."""
    if levels.indicator_category(indicator.level1, indicator.level2,
                                 indicator.name) == levels.EXECUTION:
        return True
    return levels.is_process_level1(indicator.level1) \
        and levels.is_budget_rate_name(indicator.name)


def execution_row_rate(indicator: Indicator) -> float | None:
    """The 执行率 (in %) of a 预算执行率 row of its own 一级, scored as the money's
    (分值 × 执行率) and judged as the money's (JX306, not JX405); None for any other row,
    or one whose 完成值 is no rate."""
    if not is_execution_row(indicator):
        return None
    return rules.execution_row_rate(indicator_actual(indicator))


def money_line_named(table: SelfEvaluation, indicator: Indicator) -> FundLine | None:
    """The money block's 其中 line an indicator's name names the 执行率 of (中央资金执行率
    → 其中：中央补助资金), where exactly one line carries that source; None for the
    budget's own 执行率 (预算执行率) or a source the block does not list."""
    word = levels.rate_source(indicator.name)
    if word is None:
        return None
    word = levels.SOURCE_IN_LINE.get(word, word)
    lines = [line for line in table.funds.parts if word in normalize_text(line.label)]
    return lines[0] if len(lines) == 1 else None


def names_unlisted_source(table: SelfEvaluation, indicator: Indicator) -> bool:
    """Whether a 执行率 indicator (or 支付率, 支出进度 …) names a source of money (省级资金
    支付率, 财政资金执行率) the money block has no one line of: its rate is of money the
    table does not show apart, no B ÷ A to hold it against (rt27 r5: it was held against
    the total's)."""
    return levels.rate_source(indicator.name) is not None \
        and money_line_named(table, indicator) is None


def money_rate(table: SelfEvaluation, indicator: Indicator, rate: float | None) -> float | None:
    """The 执行率 (B ÷ A, in %) the money gives a 执行率 indicator: its own line's where its
    name names one (``money_line_named``; None where that line's amounts give none, or the
    block lists no such line: ``names_unlisted_source``), else the block's ``rate``."""
    line = money_line_named(table, indicator)
    if line is None:
        return None if names_unlisted_source(table, indicator) else rate
    try:
        return rules.execution_rate(line.budget, line.executed)
    except ScoreInputError:
        return None


def score_indicator(indicator: Indicator, ruleset: str | RuleSet | None = None,
                    weighed: bool = True, rate: float | None = None) -> Score:
    """What the rules give the indicator. ``weighed`` false: its table has no 分值 column
    (湖北, 云南, 湖南 衡山), so no score is computed; whether it met its target is still
    judged (``_met_only``). ``rate``: the 执行率 the table's money gives (全年执行数 ÷
    全年预算数), which a 预算执行率 row's 分值 × 执行率 takes whatever its 完成值 says."""
    if indicator.weight is None:
        return Score(None, None, "分值为空") if weighed else _met_only(indicator, ruleset)
    target, actual = target_measure(indicator), indicator_actual(indicator)
    try:
        execution = _execution_row_score(actual, indicator.weight, indicator_target(indicator),
                                         rate) \
            if is_execution_row(indicator) else None
        if execution is not None and not levels.names_department_framework(indicator.level1):
            return execution  # the money's own row (一级 预算执行率, 项目管理 | 预算执行率)
        if execution is not None:  # 管理效率 | 预算执行率 | ≥90%: an indicator of its own too
            reached = rules.indicator_score(target, actual, indicator.weight, ruleset,
                                            default_op=">=")
            return rules.either_reading(execution, None if reached.band else reached,
                                        indicator.score_declared, first_is_rate=True)
        score = rules.as_written(rules.indicator_score(
            target, actual, indicator.weight, ruleset, indicator.judged,
            default_op=default_operator(indicator)), indicator.score_declared)
        if levels.is_budget_rate_name(indicator.name) and score.band is None:  # under 产出
            return rules.either_reading(score, _execution_row_score(
                actual, indicator.weight, indicator_target(indicator), rate),
                indicator.score_declared,
                first_is_rate=False)
        return score
    except ScoreInputError as error:
        return Score(None, None, str(error))


def _execution_row_score(actual: object, weight: float, target: object,
                         rate: float | None) -> Score | None:
    """A 预算执行率 row's 分值 × 执行率, its 执行率 the money's B ÷ A where the table gives
    one (``rate``), whatever its 完成值 says (``rules.execution_row_score``)."""
    return rules.execution_row_score(actual, weight, target, money_rate=rate)


def _met_only(indicator: Indicator, ruleset: str | RuleSet | None) -> Score:
    """Whether an indicator of a table without a 分值 column met its target, as the rules
    read the 指标值 and the 完成值 (达成 / 部分达成 / 未达成): its score unknown (None),
    no band of points. The rules are asked over the whole 100 points, a share of which
    nothing is kept; where they cannot judge, their note says why (实际完成值为空 …)."""
    judged = score_indicator(replace(indicator, weight=rules.FULL_MARKS), ruleset)
    if judged.met is None:
        return Score(None, None, judged.note, level=judged.level, level_name=judged.level_name)
    state = "达到指标值" if judged.met else judged.level_name or "未达到指标值"
    return Score(None, judged.met, f"表中没有分值列，得分未计算（{state}）",
                 level=judged.level, level_name=judged.level_name)


def evaluate(table: SelfEvaluation, ruleset: str | RuleSet | None = None) -> Evaluation:
    """Apply the rules (``ruleset`` or the table's own) to every score of the table; the
    总分 counts the 执行率得分 as ``execution_in_total`` says."""
    chosen = rules.rule_set(ruleset) if ruleset else table.rules
    rate = execution = None
    note = ""
    try:
        rate = rules.execution_rate(table.funds.scored.budget, table.funds.scored.executed,
                                    table.funds.budget_column())
        execution = rules.execution_score(rate, table.funds.weight if table.funds.weight is not None
                                          else 10.0)
        if table.funds.shares:  # each line's 分值 × its own rate (本级资金 5, 转移支付资金 5)
            execution = rules.round2(sum(share_score(line) for line in table.funds.shares))
    except ScoreInputError as error:
        note = _unread_money(table) or str(error)
    weighed = "weight" in table.columns
    scores = [_scored(table, indicator, chosen, weighed, money_rate(table, indicator, rate))
              for indicator in table.indicators]
    counted, part = execution_in_total(table, execution)
    total = rules.total_score(([part] if counted else []) + [score.value for score in scores])
    span = total_range([part] if counted else [], scores, "score" not in table.columns)
    basis = "rules" if total is not None else None
    unmeasured = not {"target", "actual"} & table.columns  # a 得分表: points and scores only
    if total is None and (not weighed or unmeasured) and "score" in table.columns \
            and table.indicators:
        # no 分值 column (湖北, 云南): no rule scores an indicator, but the 总分 is still the
        # sum of what each row scored — the written 得分, with the 执行率得分 the rules give
        # (a 得分表's 预算执行率 row, scored by the money's 执行率, at that score)
        total = rules.total_score(([part] if counted else []) + [
            score.value if score.value is not None else _within_points(indicator)
            for indicator, score in zip(table.indicators, scores, strict=True)])
        basis = "declared" if total is not None else None
    if total is None and basis is None and "score" in table.columns:
        taken = _total_with_declared([part] if counted else [], table, scores)
        if taken is not None:  # rows no rule judges, at what the unit wrote (JX410 says so)
            basis = RULES_AND_DECLARED
            total, span = (taken[0], None) if taken[0] == taken[1] else (None, taken)
    return Evaluation(chosen, rate, execution if counted else None, note, scores, total,
                      rules.grade(total) if total is not None else None, basis, span)


def share_score(line: FundLine) -> float:
    """The 执行率得分 of a money line that scores its own 执行率 (``Funds.shares``): its
    分值 × its 全年执行数 ÷ 全年预算数; ScoreInputError where its amounts give none."""
    return rules.execution_score(rules.execution_rate(line.budget, line.executed),
                                 line.weight if line.weight is not None else 0.0)


# Score.note of a row an index system scores by its 评分标准 (``judged_by_standard``)
BY_STANDARD = "按评分标准评分，按填报得分计"


def without_target(table: SelfEvaluation, indicator: Indicator) -> bool:
    """Whether a row of an evaluator's index system (第三方: 决策/过程/产出/效益) has no
    target to fill: a 决策 or 过程 (管理) row — or one under their 二级 项目立项, 资金管理 …
    (``levels.is_process_row``) — whose 指标值 is "—", "/" or blank whatever its 完成值
    says (立项依据充分; 宁夏's 项目管理: 财务管理制度有效性 | 7 | — | 财务制度健全…), or any
    row with neither 指标值 nor 完成值. Rows of a standard 自评表 always have a target."""
    if table.layout != "third_party" or not {"target", "actual"} & table.columns \
            or not blank_value(indicator_target(indicator)):
        return False  # (printed without both: a 得分表, its scores all the written ones)
    return blank_value(indicator.actual) \
        or levels.is_process_row(indicator.level1, indicator.level2)


def judged_by_standard(table: SelfEvaluation, indicator: Indicator) -> bool:
    """Whether a row without a target (``without_target``) is scored by its 评分标准: its
    得分 is the evaluator's, as in a table printed without 指标值 and 完成值 (``total_basis``
    "declared"). Not the 预算执行率 row: the rules' 分值 × 执行率."""
    return without_target(table, indicator) and not is_execution_row(indicator)


def _by_standard(indicator: Indicator) -> Score:
    """A row scored by its 评分标准 at its written 得分 (within its 分值, as a total of
    written scores counts it): the rules have nothing to recompute."""
    if indicator.weight is None:
        return Score(None, None, "分值为空")
    written = _within_points(indicator)
    return Score(written, None, BY_STANDARD if written is not None else "按评分标准评分，得分为空")


# How the Score.note of a row scored by a 评分标准 jixiao reads begins (``by_own_standard``)
BY_OWN_STANDARD = "评分标准"


def by_own_standard(table: SelfEvaluation, indicator: Indicator) -> bool:
    """Whether a row of an evaluator's index system (第三方) is scored by the 评分标准 it
    writes (``states_own_rule``: 90%（含）-100%得3分, 每降低1%扣1分, 酌情扣分 — not merely
    分值 × 执行率 or 按比例), not by the rules: a row of a table printing 指标值 or 完成值,
    or its 预算执行率 row, whose rate the money gives where the table prints neither."""
    return table.layout == "third_party" and states_own_rule(indicator.method) \
        and not _scores_in_proportion(indicator.method) \
        and bool({"target", "actual"} & table.columns or is_execution_row(indicator))


def _scores_in_proportion(method: object) -> bool:
    """Whether a 评分标准 scores a shortfall in proportion in one of its clauses (完成率100%得
    10分，按比例扣分): the rules' own 分值 × 完成值 ÷ 指标值 beside its full marks."""
    return isinstance(method, str) and any(
        _PROPORTIONAL.search(clause) is not None
        for clause in _RULE_CLAUSE.split(normalize_text(method)))


def _scored(table: SelfEvaluation, indicator: Indicator, chosen: RuleSet, weighed: bool,
            money: float | None) -> Score:
    """One row's Score: its written 得分 where its 评分标准 judges it against no target
    (``judged_by_standard``); what its own 评分标准 gives where jixiao reads it
    (``_by_own_standard``); else the rules' — but where a standard jixiao cannot read
    (否则酌情扣分) leaves the rules only a band for a person to score in, the points the
    evaluator took off under it stand (t6: 明显提高 → 有所提高, 7 of 8); full marks for a
    target missed remain the rules' to judge (tI: 8 of 8, JX402 and JX408)."""
    if judged_by_standard(table, indicator):
        return _by_standard(indicator)
    own = by_own_standard(table, indicator)
    if own:
        score = _by_own_standard(indicator, money)
        if score is not None:
            return score
    score = score_indicator(indicator, chosen, weighed, money)
    if own and score.value is None and score.band is not None and indicator.weight is not None:
        written = _within_points(indicator)
        if written is not None and written < rules.round2(indicator.weight):
            return _by_standard(indicator)
    return score


def _by_own_standard(indicator: Indicator, money: float | None) -> Score | None:
    """A row scored by its 评分标准 (``by_own_standard``): what the standard, read whole
    (``parsing.scoring_standard``), gives its rate (``rules.standard_score``) — the money's
    执行率 for the 预算执行率 row (``money``), else the 完成值's share of its 指标值 where
    the standard scores a 完成率 (``_completion``), else a 完成值 in % where the standard
    scores that rate to reach, or to stay under beside a ceiling (``_own_rate``). Whether
    the row met its 指标值 is the rules' (``rules.is_met``), not the points: 98 % of ≥95%
    is met. None where the standard or the rate cannot be read, or it says nothing sure of
    it: the rules score the row then, as they score a row writing no standard."""
    if indicator.weight is None:
        return Score(None, None, "分值为空")
    standard = scoring_standard(indicator.method)
    if standard is None:
        return None
    if is_execution_row(indicator):
        rate = money if money is not None else execution_row_rate(indicator)
        what = "执行率按全年执行数 ÷ 全年预算数" if money is not None else "执行率"
    else:
        reading = _completion(indicator) or _own_rate(indicator, standard)
        what, rate = reading if reading is not None else ("", None)
    value = None if rate is None else rules.standard_score(standard, rate, indicator.weight)
    if value is None:
        return None
    met = None if is_execution_row(indicator) else rules.is_met(
        target_measure(indicator), indicator_actual(indicator), default_operator(indicator))
    rule = str(indicator.method).strip()
    rule = rule if len(rule) <= _RULE_QUOTED else rule[:_RULE_QUOTED] + "…"
    note = f"{BY_OWN_STANDARD}“{rule}”，{what}为 {rules.plain_points(rules.round2(rate))}%"
    if rules.standard_scale(standard, indicator.weight) != 1:  # 得10分 on a 5-point row
        note += (f"；评分标准按 {rules.plain_points(standard.most_written() or 0)} 分写，"
                 f"按分值 {rules.plain_points(indicator.weight)} 折算")
    return Score(value, value >= rules.round2(indicator.weight) if met is None else met, note)


def _own_rate(indicator: Indicator, standard: ScoringStandard) -> tuple[str, float] | None:
    """A row's 完成值 in % as the rate its 评分标准 scores, where the standard runs the way
    the 指标值 does: a rate to reach (``ScoringStandard.rises``: ≥95%得6分，每降低1%扣0.5分)
    beside a 指标值 that is no ceiling, a rate to stay under (``ScoringStandard.falls``:
    差错率≤1%得10分；≤2%得6分) beside a ceiling (≤1%); else the standard is not about this
    rate (≥95%得10分 of a 返工率 ≤5%) and the rules score it — read as the rules read it
    beside the 指标值 (``rules.compared_values``): −6% of a 下降率 ≥5% is the fall of 6
    the standard scores."""
    done = rules.as_measure(indicator_actual(indicator))
    if done.kind != "number" or done.op is not None or done.unit != "%" or done.value is None:
        return None
    goal = target_measure(indicator)
    ceiling = goal.kind == "number" and goal.value is not None and rules.scored_op(
        goal.op, default_operator(indicator), goal.unit) in ("<=", "<")
    if not (standard.falls() if ceiling else standard.rises()):
        return None
    pair = rules.compared_values(goal, done, default_operator(indicator))
    if pair is not None and done.value < 0 and pair[1] == -done.value:  # −6% of a 下降率: a
        return f"完成值“{done.text.strip()}”按降幅计", pair[1]               # fall of 6
    return "完成值", done.value


def _completion(indicator: Indicator) -> tuple[str, float] | None:
    """Where a row's 评分标准 scores a 完成率 (完成率100%得10分，每降低1%扣0.5分), the row is
    not itself a 完成率 (维修养护工程完成率 writes its 完成率 as its 完成值) and its 指标值
    is an amount or a rate to reach (≥100户, ≥95%) that its 完成值 gives in the same unit
    (95户, 98%): how a note names that share (完成率按 95户 ÷ 100户) and the share in %
    (95), a share beyond the 指标值 complete (98% ÷ 95%: 100); else None."""
    if "完成率" not in normalize_text(str(indicator.method)) \
            or "完成率" in normalize_text(str(indicator.name)):
        return None
    goal = rules.as_measure(indicator_target(indicator))
    done = rules.as_measure(indicator_actual(indicator))
    if goal.kind != "number" or done.kind != "number" or done.op is not None \
            or goal.op not in (None, ">=", ">") or goal.unit == "" \
            or done.unit != goal.unit or goal.value is None or done.value is None \
            or goal.value <= 0:
        return None
    rate = min(done.value / goal.value * 100, 100.0)
    return (f"完成率按 {rules.plain_points(done.value)}{done.unit} ÷ "
            f"{rules.plain_points(goal.value)}{goal.unit}", rate)


_RULE_QUOTED = 60  # characters of a 评分标准 quoted in a note at most (bands run long)


def scored_by_own_standard(score: Score) -> bool:
    """Whether a score is the one a row's own 评分标准 gives (``_by_own_standard``)."""
    return score.note.startswith(f"{BY_OWN_STANDARD}“")


def total_range(parts: list[float | None], scores: list[Score], unscored: bool
                ) -> tuple[float, float] | None:
    """The lowest and highest 总分 the rules allow where a person scores a qualitative row
    anywhere in its level's band (部分达成: 60–80 % of its 分值), every other score as the
    rules give it; ``parts``: the 执行率得分 counted. A banded row counts its whole band
    where the table does not say what the person gave: no score the rules accept (the
    得分 is blank, or outside the band), or no 得分 column at all (``unscored``: any
    qualitative row may have been scored anywhere in its band). The one range JX501 (a
    table without 得分) and JX502 (a grade the bands fix) hold a 总分 against. None where
    a score no band covers is unknown."""
    lows, highs = list(parts), list(parts)
    for score in scores:
        band = score.band if score.value is None or unscored else None
        lows.append(band[0] if band is not None else score.value)
        highs.append(band[1] if band is not None else score.value)
    low, high = rules.total_score(lows), rules.total_score(highs)
    return None if low is None or high is None else (low, high)


def _total_with_declared(parts: list[float | None], table: SelfEvaluation,
                         scores: list[Score]) -> tuple[float, float] | None:
    """The 总分 where the rules cannot judge some rows (``_judged_by_hand``) but the unit
    wrote their 得分: those rows at that 得分 (``_within_points``), a row a
    person scores within its level's band across the band (as ``total_range``), every
    other as the rules give it; one total where no band is open. None where a row has
    neither, or no row is taken as written (the rules' own total or range then)."""
    lows, highs = list(parts), list(parts)
    taken = False
    for indicator, score in zip(table.indicators, scores, strict=True):
        if score.value is None and score.band is None:
            written = _within_points(indicator) if _judged_by_hand(indicator, score) else None
            if written is None:
                return None
            taken = True
            lows.append(written)
            highs.append(written)
        else:
            band = score.band if score.value is None else None
            lows.append(band[0] if band is not None else score.value)
            highs.append(band[1] if band is not None else score.value)
    low, high = rules.total_score(lows), rules.total_score(highs)
    return None if not taken or low is None or high is None else (low, high)


def _judged_by_hand(indicator: Indicator, score: Score) -> bool:
    """Whether the 得分 written stands for a row the rules cannot judge (``rules.UNJUDGED``:
    its values read, no rule says whether they meet the target): not where a value is
    missing or unread (the clerk mends it, JX201–JX204), nor full marks for a target
    missed (a 完成值 below a range 指标值: JX402's error, no score to count)."""
    if not score.note.startswith(rules.UNJUDGED) or indicator.score_declared is None:
        return False
    return not (score.met is False and indicator.weight is not None
                and indicator.score_declared >= indicator.weight - rules.TOLERANCE)


def declared_rows(table: SelfEvaluation, evaluation: Evaluation) -> list[Indicator]:
    """The rows ``evaluation``'s 总分 counts at the 得分 written, the rules unable to judge
    them (``total_basis`` RULES_AND_DECLARED); none otherwise."""
    if evaluation.total_basis != RULES_AND_DECLARED:
        return []
    return [indicator for indicator, score in zip(table.indicators, evaluation.scores, strict=True)
            if score.value is None and score.band is None]


def _within_points(indicator: Indicator) -> float | None:
    """A written 得分 as a total made of the written scores counts it: never above the
    row's 分值 nor below 0 (a score past its 分值 is JX401's; the total is the one the
    rules allow, as the rule-scored total is)."""
    score = indicator.score_declared
    if score is None:
        return None
    score = max(score, 0.0)
    return min(score, indicator.weight) if indicator.weight is not None else score


def _unread_money(table: SelfEvaluation) -> str:
    """Why no 执行率 where an amount it needs is not empty but unread: a formula saved
    without its result (one to recalculate), or a cell showing an Excel error
    (全年预算数(A)公式显示 #VALUE!, never called 为空); "" otherwise."""
    total = table.funds.scored
    unknown: list[str] = []
    shown: list[tuple[str, str]] = []
    for key, what in (("budget", table.funds.budget_column(total, rules.BUDGET_NAME)),
                      ("executed", rules.EXECUTED_NAME)):
        info = table.cell(total.sources.get(key))
        if getattr(total, key) is not None or info is None:
            continue
        words = shown_error(table, total.sources.get(key))
        if info.uncalculated or (info.error and words is None):  # lost (#NAME?): JX504's
            unknown.append(what)
        elif words is not None:
            shown.append((what, words))
    if unknown:
        return f"{'、'.join(unknown)}是公式，文件中没有保存计算结果，重算后才能计算执行率"
    if not shown:
        return ""
    if len({words for _, words in shown}) == 1:  # 全年预算数(A)、全年执行数(B)公式显示 #VALUE!
        return f"{'、'.join(what for what, _ in shown)}{shown[0][1]}，无法计算执行率"
    return f"{'、'.join(what + words for what, words in shown)}，无法计算执行率"


def formula_error(table: SelfEvaluation, source: Source | None) -> str | None:
    """The error (#DIV/0!, #REF!, #VALUE! …) a formula of the table's own shows — its
    result, as any program computes it again (=1/0), not a result lost by a program
    without the JX_ functions (#NAME?, a JX_ formula: JX504)."""
    info = table.cell(source)
    if info is None or not info.is_formula or info.error is None or info.error == "#NAME?" \
            or "JX_" in (info.formula or "").upper() or table.template:
        return None
    return info.error


# What a formula showing an Excel error is told (JX309, JX504): a result of its own (a loop,
# a function no program computes), not a number typed as text nor a result lost
FORMULA_ERROR = "公式结果为错误值 {error}，请检查该公式（如循环引用或无法计算的函数）"
# a cell a formula divides by (=F6/E6, =F6/'资金'!$E$6): 0 or empty gives #DIV/0!
_DIVISOR = re.compile(r"/\s*((?:'[^']+'|[^\s'!/*+\-(),&=<>^]+)!)?\$?([A-Za-z]{1,3})\$?(\d+)(?![\d(])")


# what an error a formula gives means, where it has one cause a reviewer can look at
ERROR_MEANINGS = {"#DIV/0!": "除数为空或为 0", "#REF!": "引用的单元格被删除",
                  "#N/A": "查找的值没有找到"}


def formula_error_said(error: str, formula: str | None = None) -> str:
    """``FORMULA_ERROR``, with what the error means where it has one cause a reviewer can
    look at: #DIV/0! a divisor empty or 0 (the cells ``formula`` divides by, named), #REF!
    a reference to a deleted cell, #N/A a value a lookup did not find — or a cell the
    formula reads showing the error already. Others (#VALUE! of a loop, #NAME?) as before."""
    text = formula or ""
    if error == "#DIV/0!":
        divisors = list(dict.fromkeys(f"{m.group(1) or ''}{m.group(2).upper()}{m.group(3)}"
                                      for m in _DIVISOR.finditer(text)))
        why = f"除数 {'、'.join(divisors)} 为空或为 0，或其引用的单元格显示 #DIV/0!" if divisors \
            else "除数为空或为 0，或引用的单元格显示 #DIV/0!"
        return f"公式结果为错误值 #DIV/0!（{why}），请检查该公式及其引用的单元格"
    if error == "#REF!":
        why = "公式中的引用已失效：所引用的单元格被删除" if "#REF!" in text.upper() \
            else "引用的单元格显示 #REF!"
        return f"公式结果为错误值 #REF!（{why}），请改正该公式"
    if error == "#N/A":
        return ("公式结果为错误值 #N/A（查找的值没有找到，或引用的单元格显示 #N/A），"
                "请检查该公式及其查找的值")
    return FORMULA_ERROR.format(error=error)


def result_lost(info: CellInfo | None) -> bool:
    """A JX_ formula showing #NAME?: saved by a program without the JX_ functions, its
    result lost, which recalculating brings back (JX504) — no error of its own."""
    return info is not None and info.is_formula and info.error == "#NAME?" \
        and "JX_" in (info.formula or "").upper()


def shown_error(table: SelfEvaluation, source: Source | None) -> str | None:
    """What a cell read as empty shows where it shows an Excel error, in a reviewer's
    words: “公式显示 #DIV/0!” for a formula of the table's own (``formula_error``),
    “显示 #REF!” for an error value kept (pasted as values); None for a cell that is
    blank or unknown, or a result lost by a program without the JX_ functions (JX504)."""
    error = formula_error(table, source)
    if error is not None:
        return f"公式显示 {error}"
    info = table.cell(source)
    if info is not None and not info.is_formula and info.error:
        return f"显示 {info.error}"
    return None


def execution_in_total(table: SelfEvaluation, computed: float | None,
                       written: bool = False) -> tuple[bool, float | None]:
    """Whether the 总分 counts a 执行率得分, and the one it counts (None: unknown).

    The one rule of what the 总分 is made of, for the total jixiao computes and the one
    the table wrote (JX501). A layout without a scored 执行率 (``execution_line`` false)
    counts none. Otherwise the total jixiao computes counts ``computed``, the score the
    rules give from the funds — or, for a 预算执行率 row without money to check it
    against, its declared score (JX307 says so). The written total (``written``) counts
    the score written in the table's own cell for it (``execution_written``), and the
    computed one where the layout gives no such cell (四川: the rule set's share beside
    the money, scored from the funds)."""
    if not table.execution_line:
        return False, None
    funds = table.funds
    if written and execution_written(table):
        return True, funds.score_declared
    if computed is None and table.funds_weight_source == "row":
        return True, funds.score_declared
    return True, computed


def execution_written(table: SelfEvaluation) -> bool:
    """Whether the table has a cell of its own for the 执行率得分 (the money block's 得分,
    a 预算执行率 row's), filled or not, or a score given for it in code."""
    funds = table.funds
    return funds.score_declared is not None or "score" in funds.sources \
        or "score" in table.fund_columns


def plain_text(value: object) -> str:
    """A cell value as text, as Excel shows it: TRUE, a whole float without ".0" (10.0 →
    "10"), a date cell's midnight without its time (2024-12-31, not 2024-12-31 00:00:00)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"  # as Excel shows it
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, _dt.datetime) and value.time() == _dt.time():
        return value.date().isoformat()
    return str(value)


__all__ = [
    "ERROR_MEANINGS",
    "FORMULA_ERROR",
    "formula_error_said",
    "result_lost",
    "ERROR_CODES", "ERROR_TEXTS", "FORMS", "INDICATOR_COLUMNS", "LAYOUTS", "CellInfo", "Evaluation",
    "ExternalContent", "FundLine", "Funds", "Indicator", "Project", "SelfEvaluation", "Source",
    "Sources", "Subtotal", "evaluate", "execution_in_total", "execution_written", "form_label",
    "form_parts", "indicator_actual",
    "indicator_target", "is_execution_row", "parse_measure", "score_indicator", "without_levels",
]


def blank_value(value: object) -> bool:
    """A cell left blank, or holding only a dash or slash (—, -, /)."""
    return value is None or (isinstance(value, str) and value.strip() in ("", "-", "—", "/"))


# A 偏差原因 that says there is none, or only that the work was done: no reason for a
# deduction, a shortfall or an overrun (compared without punctuation: 暂无. N/A; 无。 is
# kept for the template's highlight, which compares the cell as typed).
NO_REASON = frozenset(("无", "暂无", "没有", "无。", "无原因", "无偏差", "无明显偏差", "正常", "完成",
                       "已完成", "达标", "已达标", "NA",
                       # that it was not met, or not at all, says no cause (rt22e)
                       "不适用", "未达到", "未完成", "未达标", "有偏差", "没有偏差", "不存在偏差",
                       "无差异", "符合预期", "目标已完成", "已按要求完成", "未达到指标值",
                       "未达到年度指标值", "偏差原因", "否", "略",
                       # a form's 是/否 answered, not a cause named (rt34)
                       "是", "是的"))


# A note of the unit the row counts in (单位：万元, 计量单位: 个), or the unit alone (万元):
# what a 备注 often holds, no cause
_UNIT_NOTE = re.compile("(?:计量|度量)?单位")


def unexplained(reason: object, judged: bool = False) -> bool:
    """Whether a 偏差原因 explains nothing: blank, only dashes, slashes or dots (——, ／,
    …), "无" (暂无。 没有 N/A …), "已完成", a bare number or a page's (- 1 -, 第 1 页 共 2
    页, Page 1 of 2), only a unit (单位：万元), or
    no cause however phrased (``says_no_cause``: 按计划完成, 偏差较小, 持续改进, 详见自评报告;
    ``judged``: the 扣分理由 of a row scored by an evaluator's criterion)."""
    return says_nothing(reason) or says_no_cause(reason, judged)


def says_nothing(text: object) -> bool:
    """Whether a text says nothing at all: blank, only dashes, slashes or dots, "无" (暂无。
    N/A, 已完成, 否 …), a bare number or a page's, or only a unit — where ``unexplained``
    also finds no cause in words that say something (第三方问卷调查, 按计划完成)."""
    if blank_value(text) or not isinstance(text, str):
        return True
    words = _words(text)
    if not words or words.isdigit() or words.upper() in NO_REASON \
            or is_page_mark(compact_text(text)):  # a converter's 第 1 页 共 2 页
        return True
    unit = words[note.end():] if (note := _UNIT_NOTE.match(words)) else words
    return not unit or is_unit(unit)


def _words(text: str) -> str:
    """A text's letters and digits: no punctuation, symbols, spaces."""
    return "".join(character for character in text
                   if unicodedata.category(character)[0] not in "PSZC")


# The words that say the work was done, on plan, well, or nearly — and of what (按计划完成,
# 基本达到预期, 圆满完成, 良好, 正常推进, 偏差较小, 略有偏差, 各项指标均已完成, 超额完成:
# what happened, not why) — and a clause's fill words; a clause of these alone gives no
# cause (rt26e). Not 开展, 实施, 到位: 资金未到位, 1期未开展 say what is missing.
_DONE_WORDS = re.compile(
    "按(?:计划|要求|期|时|进度|序时)|如期|顺利|圆满|基本|总体|整体|全部|各项|均|都|已经?|本?项目|指标"
    "|目标|任务|工作|情况|年度|完成|达到|达成|实现|达标|预期|要求|计划|标准|符合|满足|正常|推进|较好"
    "|良好|很好|优秀|效果|明显|显著|偏差|差距|差异|较小|很小|不大|微小|轻微|略有|一定|存在|超额"
    "|部分|未能?|没有|基本上|好|较|略|有|的|了|得|和|及|与|等|无|暂"
    # a remedy said done (已整改, 整改到位): what was done, not why (rt34)
    "|整改(?:到位)?")
# A clause saying what will be done (下一步将加强管理, 持续改进, 进一步提高培训质量): a
# measure, no cause — unless it names one (下年加强宣传，因今年宣传不足 has a clause of cause),
# or the word is followed by its shortfall (重视不够, 重视程度不够, 落实不到位: a cause)
_MEASURE = re.compile(
    "(?:下一?步|下一?年度?|明年|来年|今后|以后|后续|将来)?(?:我们|我单位|本单位|单位)?"
    "(?:将|要|应|需|会|拟)?(?:继续|持续|进一步|不断|切实|积极|着力)?"
    "(?:加强|提高|提升|完善|优化|强化|改进|改善|做好|确保|规范|健全|加大|加快|落实|推动|督促|严格"
    "|抓好|注重|重视|争取|力争|努力|保持|巩固|深化)"
    "(?!.{0,4}?(?:不够|不足|不到位|不力|欠缺))")
# A cause named by its kind only (客观原因, 由于其他原因, 受多方面因素影响 — rt34; 受主客观
# 因素影响, 受客观条件限制, 受外部因素制约, 受诸多不可控因素的影响, 受不可抗力影响 — rt35): which
# cause, it does not say — 主要/均/都 before it, or 受限于 (主要受客观因素影响, 受限于客观条件:
# rt35 review A) too. A clause of it alone: 受疫情影响, 受客观条件限制，山区交通不便 name one
_VAGUE_KIND = ("(?:主客观|客观|主观|内外部|外部|外界|外在|不可控|不可预见|不确定|其他|其它|多种|多方面"
               "|各方面|各种|诸多|特殊|一些|某些|个别|相关|自身)(?:方面)?")
_VAGUE_CAUSE = re.compile(
    "(?:主要|均|都)?(?:由于|因为?|受限于|受到?)?(?:(?:" + _VAGUE_KIND + "){1,2}(?:的)?(?:原因|因素|条件)|不可抗力?(?:因素)?)"
    "(?:等)?(?:的)?(?:所致|导致|造成|影响|限制|所限|制约|约束)?")
# A clause naming only where a value comes from or how it was got (第三方问卷调查, 问卷调查
# 300份, 抽样调查, 数据来源于统计年报, 按季度抽查): a note of the value, no cause (rt34) —
# 问卷调查样本偏少, 统计口径调整 say more and stay causes
_SOURCE_WORDS = re.compile(
    "第三方|机构|委托|随机|现场|入户|电话|网络|线上|线下|问卷|抽样|抽查|抽检|调查|调研|统计|测评"
    "|回访|年报|报表|月报|台账|财务|决算|数据|来源|来自|附件|附表|信息系统|系统|平台|记录|资料|样本"
    "|受益|群众|服务对象|对象|学员|居民|按|由|经|通过|采用|根据|依据|据|开展|组织|进行|对|每|季度"
    "|月度|年度|于|的|共|计|[\\d.]")
_CAUSE_WORD = re.compile("因|由于|受(?!益)|原因|导致|造成|所致|影响|延迟|延期|滞后|推迟|不足|减少|下降|调整")
# A 偏差原因 that sends the reader elsewhere (详见自评报告, 见附件, 具体情况见绩效报告): the
# cause may be there, it is not in the table
_POINTER = re.compile("^(?:详|具体|请|另|参)?(?:情况)?(?:详|参)?见.{0,12}(?:报告|附件|附表|说明|正文|材料)$")
# A clause of the form's labels, no content (偏差原因：, 改进措施：)
_LABEL = re.compile("(?:偏差|未完成|差异)?原因(?:分析)?(?:及(?:改进|整改)措施)?|(?:改进|整改)措施")
_NO_CAUSE_CLAUSE = re.compile(r"[，,；;。：:、！!？?\s\n]+")


def says_no_cause(text: object, judged: bool = False) -> bool:
    """Whether a text meant as a reason says no cause whatever its words: each clause only
    that the work was done, on plan, well or nearly (按计划完成, 达到预期, 较好完成, 良好,
    偏差较小, 各项指标均按计划完成, ``_DONE_WORDS``), a measure to come (持续改进, 下一步将
    加强培训组织, ``_MEASURE``), the shortfall restated (少10人, 低于目标值,
    ``_restates_shortfall``), "无" or a label (改进措施：) — no clause with a cause word
    (因, 由于, 受, 导致, 影响, 不足, 调整 …) — or a pointer elsewhere (详见自评报告,
    ``refers_elsewhere``). 部分学员基础薄弱, 资金下达较晚 give one. Where ``judged`` (a row
    scored by an evaluator's criterion, ``scored_by_criterion``), what fell short of the
    mark it names (目标值偏低, 指标值低于上年实际完成值, 低于目标值) is the evaluator's
    reason for the points taken, not the unit restating its own shortfall."""
    if not isinstance(text, str):
        return False
    if refers_elsewhere(text):
        return True
    clauses = [_words(clause) for clause in _NO_CAUSE_CLAUSE.split(text)]
    return any(clauses) and all(_no_cause_clause(clause, judged) for clause in clauses)


# A clause restating only the shortfall, in numbers or words (少5个百分点, 低于目标值, 较上年
# 下降5个百分点, 比目标值低5%, 与目标相差5个百分点, 同比下降, 略低于预期, 完成率94.4%, 实际
# 完成85%, 未完全达标, 未能完全达到预期, 未全部完成): what, not why. Narrow on purpose —
# 1期未开展, 报名人数减少, 资金不足 name what is missing and stay a cause
_RESTATED = re.compile("少|相?差|低于?|未能?(?:完全|全部)?(?:达[到成标]?|完成)|未?完成[率值]?|实际值?|未达标|不达标"
                       "|偏低|较低|下降|减少|同比|环比|[比较于与略]|上年|去年|同期|年度|目标|指标|计划|预[期计]|值|数|个?百分点|[\\d.]")


def _restates_shortfall(clause: str) -> bool:
    """Whether a clause (its ``_words``) says only that, or by how much, the value fell
    short (少10人, 低于目标值): nothing left but a unit once ``_RESTATED`` is taken out."""
    rest = _RESTATED.sub("", clause)
    return rest != clause and (not rest or is_unit(rest))


# The mark a shortfall is measured against (目标值, 指标值, 上年实际完成值, 计划): an evaluator
# naming it says what was marked down, where bare 偏低, 未达到, 少5人 say nothing of what
_MARK = re.compile("目标|指标|计划|预[期计]|上年|去年|同期|标准")


def _no_cause_clause(clause: str, judged: bool = False) -> bool:
    if not clause or clause.upper() in NO_REASON or _LABEL.fullmatch(clause) \
            or _VAGUE_CAUSE.fullmatch(clause) or _names_source(clause):
        return True
    if _restates_shortfall(clause):
        return not judged or _MARK.search(clause) is None
    if _CAUSE_WORD.search(clause) is not None:
        return False
    return not _DONE_WORDS.sub("", clause) or _MEASURE.match(clause) is not None


def _names_source(clause: str) -> bool:
    """Whether a clause (its ``_words``) only names where a value comes from or how it was
    got (``_SOURCE_WORDS``: 第三方问卷调查, 问卷调查300份, 统计年报): nothing left but a
    unit once they are taken out."""
    rest = _SOURCE_WORDS.sub("", clause)
    return rest != clause and (not rest or is_unit(rest))


def measures_only(text: object) -> bool:
    """Whether a 偏差原因 states only measures to come (下一步将加强培训组织, 持续改进, 改进
    措施：加强资金管理) and no cause: something written in the column, the analysis missing."""
    if not isinstance(text, str):
        return False
    clauses = [clause for clause in map(_words, _NO_CAUSE_CLAUSE.split(text)) if clause]
    return any(_MEASURE.match(clause) and not _CAUSE_WORD.search(clause) for clause in clauses) \
        and all(_LABEL.fullmatch(clause) or (_MEASURE.match(clause) and not _CAUSE_WORD.search(clause))
                for clause in clauses)


def refers_elsewhere(text: object) -> bool:
    """Whether a 偏差原因 only sends the reader elsewhere: 详见自评报告, 见附件, 具体见绩效
    自评报告 — the cause is not in the table."""
    return isinstance(text, str) and _POINTER.match(_words(text)) is not None


# How a note on the indicator begins (指标解释：…, 数据来源：…): what it means, where its
# number comes from, how it is computed or scored — no cause of a deviation
_INDICATOR_NOTE = re.compile(
    "(?:指标(?:解释|说明|定义|内涵|释义)|(?:数据|资料|信息)?来源|(?:计算|统计|核算)(?:公式|方法|口径)"
    "|口径|(?:评分|计分|打分)(?:标准|方法|规则|细则)|考核(?:方式|方法|标准)|(?:评价)?依据)"
    "[:：]")
# 按实际支出金额计算, 根据年报统计: one clause saying how the value is counted
_COUNTED_HOW = re.compile("(?:按|根据|依据)[^，,；;。]*(?:计算|统计|核算|测算|计)[。.]?")
_FORMULA = re.compile(r"[×*xX]\s*100\s*[%％]")  # 满意人数/调查人数×100%


def describes_indicator(note: object) -> bool:
    """Whether a 备注 describes the indicator rather than explains its deviation: a
    labelled note (指标解释：…, 数据来源：…, 计算公式：…, 评分标准：…), how the value is
    counted (按实际支出金额计算) or a formula (…×100%)."""
    if not isinstance(note, str):
        return False
    text = note.strip()
    return _INDICATOR_NOTE.match(text) is not None or _COUNTED_HOW.fullmatch(text) is not None \
        or _FORMULA.search(text) is not None


# A note under the table (备注：…, 说明：…) is read a sentence at a time (；。 or a numbered
# item — not a comma: 满意度未达标，因活动内容单一 is one sentence)
_SENTENCE = re.compile(r"[；;。\n]+|(?<![\d.])(?=\d+[.、．](?!\d))")
# 系 saying a cause (未达标系…, 主要系…, 少于计划，系…): not the 系 of a word (体系, 关系,
# 联系, 维系, 院系, 系统, 系列, 系数)
_CAUSE_XI = "(?<![体关联维派直旁世院校水星谱菜父母根品语科干心情])系(?![统列数着])"
# The words of a cause: 因…, 由于, 受…影响, 原因是/为/在于/：, 主要是…, 导致, 造成, …所致,
# 系… (not 原因 alone: 需分析原因 asks for one; not 因时制宜, 因地制宜, 因材施教, 因势利导)
_CAUSE = re.compile("(?<!原)因(?![素此而]|[时地]制宜|材施教|势利导)|由于|受[^，,；;。]{0,20}影响|原因(?:是|为|在于|主要|[:：])"
                    "|主要是|导致|造成|所致|" + _CAUSE_XI)
# A sentence that explains no shortfall whatever its words: the table's rounding, unit or
# source (因四舍五入…尾差, 金额单位：万元, 数据来源：…), a policy (…的项目，下一年度预算将
# 予以压减)
_NO_SHORTFALL = re.compile("四舍五入|尾差|单位[:：]|来源[:：]|的(?:项目|单位|部门)[，,][^；;。]*将")
# A clause denying a shortfall (无未完成指标, 各项指标均已完成, 没有低于目标值的情况, 无偏差):
# says no cause, whatever else its sentence says (除就业率外均已完成，就业率未达标因…)
_DENIAL = re.compile("无未完成|(?:无|没有|不存在)(?:明显)?偏差|(?:均|全部|都)(?:已经?)?(?:完成|达到|达标|实现)"
                     "|没有.*情况")
_CLAUSE = re.compile("[，,]")
# How a note names the 执行率 (资金执行率, 预算执行, 资金未支出)
_RATE_WORDS = re.compile("执行率|预算执行|资金")


def explains_shortfall(note: object) -> bool:
    """Whether a note (备注：…, 说明：… under the table) gives a cause at all: some sentence
    of it says one (因…, 由于, 受…影响, 原因是…, 导致) and is no denial (无未完成指标),
    rounding, unit or source note, or policy. Which shortfalls it explains is
    ``explained``'s: those its sentences name."""
    return not unexplained(note) and not describes_indicator(note) \
        and any(_gives_cause(sentence) for sentence in _SENTENCE.split(note))  # type: ignore[arg-type]


def states_rule_only(note: object) -> bool:
    """Whether a note says only how the row is scored — each of its clauses a rule — or
    what the indicator is, and no cause (≥95%得满分，90%-95%得80%分值，<90%不得分;
    满意度每降低1个百分点扣1分; 评分标准：…, 数据来源：…): a 得分依据 (or 备注) of rules, no
    explanation of a shortfall. 外出务工人员多，未达标，扣0.53分 says more than a rule."""
    if not isinstance(note, str) or _CAUSE.search(note) is not None:
        return False
    clauses = [clause for clause in _RULE_CLAUSE.split(note) if clause.strip()]
    return describes_indicator(note) or bool(clauses) and all(map(states_scoring_rule, clauses))


_RULE_CLAUSE = re.compile(r"[，,；;。\n]+")
# The rule sets' own rule in a 评分标准's words: a share (按比例扣分, 按完成比例计分, 比例法)
# or its formula (实际完成值/年度指标值×分值, 得分=完成率×分值) …
_PROPORTIONAL = re.compile(r"比例|比率|(?:完成|实际|实现)[^/÷]*[/÷][^/÷]*(?:指标|目标|计划)"
                           r"|[×*]\s*(?:该项?|本项?)?(?:指标)?(?:分值|权重|满分)"
                           r"|(?:分值|权重|满分)\s*[×*]|乘以(?:分值|权重)")
# … and full marks for the target met, no figure of its own (完成得满分, 达到指标值的得满分)
_FULL_WHEN_MET = re.compile(r"(?:全部|全面|按期|按时|如期)?(?:完成|达到|达成|实现)(?:年度)?(?:绩效)?"
                            r"(?:目标值?|指标值?|计划值?|任务)?(?:的|者)?(?:得|给|计|为)?满分")
# A 评分标准's label before its rule (评分标准：…)
_RULE_LABEL = re.compile(r"^(?:评分|计分|打分|记分|得分|赋分)(?:计算)?(?:标准|方法|办法|规则|细则|公式)[:：]?")


def states_own_rule(method: object) -> bool:
    """Whether a row's 评分标准 (``Indicator.method``) states a rule of its own: any text
    but one whose every clause restates the rule sets' 分值 × 完成值 ÷ 指标值 — a share
    (未完成按比例扣分, 按完成比例计分), its formula (实际完成值/年度指标值×分值) or full
    marks for the target met (完成得满分). 每少1场扣0.5分, 完成率≥90%得满分, 未完成不得分,
    酌情扣分: the unit's own. Marks without a word or a figure (…, ——) state none."""
    if not isinstance(method, str) or is_placeholder(method):
        return False
    text = _RULE_LABEL.sub("", normalize_text(method).strip())
    clauses = [clause.strip() for clause in _RULE_CLAUSE.split(text) if clause.strip()]
    return any(unicodedata.category(character)[0] in "LN" for character in text) and not all(
        _PROPORTIONAL.search(clause) is not None or _FULL_WHEN_MET.fullmatch(clause) is not None
        for clause in clauses)


# The cause words that announce the cause after them (原因：, 原因是, 因, 由于, 主要是, 系)
_CAUSE_AHEAD = re.compile("原因|因|由于|主要是|系")


def _gives_cause(sentence: str) -> bool:
    """Whether a sentence of a note says a cause (``_causes``)."""
    return any(True for _ in _causes(sentence))


def _causes(sentence: str) -> Iterator[tuple[str, re.Match[str]]]:
    """The clauses of a sentence that say a cause, each with its cause word: a clause that
    denies no shortfall, the sentence no rounding, unit, source or policy note — and where
    the cause word announces it (原因：, 因, 由于), what follows is a reason by the
    judgement of a 偏差原因 (``unexplained``: not 执行率未达90%原因：已完成, 原因：无 — rt34)."""
    if _NO_SHORTFALL.search(sentence) is not None:
        return
    start = 0
    for clause in _CLAUSE.split(sentence):
        at = sentence.find(clause, start)
        start = at + len(clause)
        found = _CAUSE.search(clause)
        if found is None or _DENIAL.search(clause) is not None:
            continue
        if _CAUSE_AHEAD.match(found.group()):
            rest = sentence[at + found.end():]
            if _words(rest) and unexplained(rest):
                continue
        yield clause, found


# Words that join a clause on without being its subject (但, 且, 仍, 均, 其中…)
_JOINING = re.compile("^(?:但是?|而且?|且|并且?|仍然?|均|都|也|还|尚|其中|其|同时|此外|目前|总体|整体)+")


def _own_subject(clause: str, at: int) -> bool:
    """Whether a clause names something of its own before ``at`` (部分培训推迟, 农户增收不足
    主要是由于…), not only joining words (但未达标, 未达标主要是由于…)."""
    return _words(_JOINING.sub("", _words(clause[:at]))) != ""


def _said_in(text: str, names: Sequence[Sequence[str]]) -> set[object]:
    """What a note's words name (``_names_in``), the 执行率 (None) by ``_RATE_WORDS``."""
    said = _names_in(text, names)
    if _RATE_WORDS.search(text):
        said.add(None)
    return said


def _claims(sentence: str, names: Sequence[Sequence[str]], said: set[object]
            ) -> tuple[set[object], set[object]]:
    """Of what a sentence names (``said``), those whose shortfall it says and those it gives
    a cause of, a clause at a time: a clause's words are about what it names, or — naming
    nothing and with no subject of its own before them — about what the sentence names
    (满意度为85%，未达标主要是由于…; 因等候时间长，满意度未达标). A clause with a subject
    of its own speaks of that (满意度85%，部分活动因疫情推迟; 满意度达90%，农户增收不足主要
    是由于… — rt35 r7 a9)."""
    clauses = _CLAUSE.split(sentence)
    owns = {clause: said if len(clauses) == 1 else _said_in(clause, names) for clause in clauses}
    short: set[object] = set()
    for clause in clauses:
        own = owns[clause]
        if any(own or not _own_subject(clause, found.start())
               for found in _shortfall().finditer(clause)):
            short |= own or said
    caused: set[object] = set()
    for clause, found in _causes(sentence):
        own = owns[clause]
        if own or not any(_own_subject(clause, before.start())
                          for before in _shortfall().finditer(clause, 0, found.start())):
            caused |= own or said
    return short, caused


def _name_tails(name: str | None) -> list[str]:
    """The ends of a 三级 name that name it in a note, longest first: the whole name and
    each tail of three characters or more (学生及家长满意度 → …, 家长满意度, 满意度), its
    brackets and marks left out (服务对象满意度（%） → 服务对象满意度)."""
    words = _name_words(name)
    return [words[start:] for start in range(max(len(words) - 2, 1))] if words else []


def _name_words(name: str | None) -> str:
    """A name's letters and digits, its brackets left out: 产出指标（50分） → 产出指标."""
    return "".join(character for character in re.sub(r"[(（][^)）]*[)）]", "", name or "")
                   if unicodedata.category(character)[0] in "LN")


def _names(indicator: Indicator) -> tuple[str, ...]:
    """What names an indicator in a note: its 三级 name and its tails (``_name_tails``), and
    the whole 二级 and 一级 names it sits under (时效指标未完成 names every 时效 row)."""
    return _names_of(indicator.name, indicator.level2, indicator.level1)


@functools.lru_cache(maxsize=4096)
def _names_of(name: str | None, level2: str | None, level1: str | None) -> tuple[str, ...]:
    groups = [words for words in (_name_words(level2), _name_words(level1)) if len(words) >= 3]
    return (*_name_tails(name), *groups)


# The words saying a shortfall (or an overrun) was there: 未达标, 未完成, 偏低, 低于, 不足,
# 滞后, 延期, 下降, 差距, 扣分, 超支, 高于… — or saying it in numbers, as people write it:
# fewer, missing or short by a count (少1期, 少办了1期, 缺少1期, 差1期; not 至少, 不少于 —
# the target's words —, 少数, 青少年, 差旅), only a count done (仅完成9期, 只办了9期; not
# 不仅), the points lost (扣1分), more or fewer than the plan (多于计划, 比计划少办1期,
# 较目标10期少1期, 比目标多700人; not 比较高, 比例, nor a change on last year: 较上年提高).
# A note naming an indicator with a cause but no shortfall (满意度较上年提高，因服务更丰富;
# 满意度调查由第三方开展，因…) explains none.
_COUNT = "[\\d一二两三四五六七八九十百千万]"
_SHORTFALL_WORDS = ("未(?:达|完成|能|实现|支出|支付|拨付|到位|开展|启动|执行|按期|按时|及时|落实|全部|通过)"
                        "|没有(?:完成|达到|达标|实现)|不(?:达标|到位|及预期)|偏低|较低|[率度量数]低|低于|不足"
                        "|滞后|延迟|延期|延误|推迟|缓慢|下降|减少|差距|偏差|扣分|超支|超出|超过|超额"
                        "|高于|偏高|结余"
                        f"|(?<![至最多不])(?:少(?![数年])|缺少?)[\\u3400-\\u9fff]{{0,3}}?{_COUNT}|差{_COUNT}"
                        f"|(?<!不)仅[\\u3400-\\u9fff]{{0,3}}?{_COUNT}"
                        f"|(?<![\\d一二两三四五六七八九十几])只[\\u3400-\\u9fff]{{0,3}}?{_COUNT}"
                        "|扣除?\\d+(?:\\.\\d+)?分|(?<!不)[多少]于"
                        "|(?:(?<!比)较|(?<![占对])比(?![较例重]))(?!上年|去年|同期|往年|上一?年)"
                        "[^，,；;。]{1,12}?(?:少|多|缺|低|(?<![提升])高)")


@functools.cache
def _shortfall() -> re.Pattern[str]:
    """``_SHORTFALL_WORDS`` compiled when a note is first read (4 ms: not at every start)."""
    return re.compile(_SHORTFALL_WORDS)


def _noted(table: SelfEvaluation, indicator: Indicator | None) -> str | None:
    """The words of a note under the table (``notes``) that explain this shortfall (None:
    the 执行率's), or None: a sentence with a cause names it — the 执行率 by 执行率, 预算执行
    or 资金, an indicator by its 三级 name or a tail of it, the longest tail written winning
    (项目完成率 names 项目完成率, not 培训完成率 too), or by its 二级 or 一级 name — and
    says its shortfall (``_SHORTFALL_WORDS``: 未达标, 偏低, 延期…), the cause and the
    shortfall each in a clause about it (``_claims``); or a sentence that is only a cause
    (``_CAUSE_LEAD``) follows one naming it with its shortfall (就业率未达标。原因是…: both
    sentences are its words)."""
    if not table.notes:
        return None  # nearly every table
    explained_by = _note_explanations(tuple(table.notes),
                                      tuple(_names(other) for other in table.indicators))
    if indicator is None:
        return explained_by.get(None, (None, None))[1]
    found = [explained_by[index] for index, other in enumerate(table.indicators)
             if other is indicator and index in explained_by]
    return min(found)[1] if found else None


@functools.lru_cache(maxsize=64)
def _note_explanations(notes: tuple[str, ...], names: tuple[tuple[str, ...], ...]
                       ) -> dict[int | None, tuple[tuple[int, int], str]]:
    """Of each indicator (its index in ``names``; None: the 执行率) that a note explains
    (``_noted``), the first words that do and where (the note's and sentence's number):
    every sentence matched against every name once for the whole table, not once for
    each indicator asked about."""
    found: dict[int | None, tuple[tuple[int, int], str]] = {}
    for number, note in enumerate(notes):
        short: set[object] = set()  # the shortfalls the sentence before said, uncaused
        start = 0
        for place, (begin, end) in enumerate(_sentence_spans(note)):
            sentence = note[begin:end]
            said = _said_in(sentence, names)
            if said:
                short, caused = _claims(sentence, names, said)
                explains, start = short & caused, begin
            else:
                explains = short if _CAUSE_LEAD.match(sentence.strip()) \
                    and _gives_cause(sentence) else set()
                short = set()
            words = _NUMBERED.sub("", note[start:end].strip()).strip()
            for key in explains:
                found.setdefault(key, ((number, place), words))  # type: ignore[arg-type]
    return found


# A sentence that is only the cause of the shortfall the sentence before said, no subject
# of its own: 原因是…, 主要原因：…, 究其原因…, 这是由于…, 这主要是因为…, 主要是由于…, 系…所致
# (not 由于…，出勤率偏低 nor 受…影响，农民增收不足: a shortfall of their own — rt35 r7)
_CAUSE_LEAD = re.compile("(?:其|究其|这|此)?(?:主要|均|都)?(?:原因|系(?![统列数着])|是由于|是因为)"
                         "|(?:这|此)(?:主要|均)?是?(?:由于|因为)|主要(?:是|系)?(?:由于|因为)")


_NUMBERED = re.compile(r"^(?:\d+[.、．]|[（(]\d+[)）])")  # a list item's number: 1. 2、 （3）


def _sentence_spans(note: str) -> list[tuple[int, int]]:
    """Where each sentence of a note (``_SENTENCE``) begins and ends: its pieces as
    ``_SENTENCE.split`` gives them."""
    spans, start = [], 0
    for match in _SENTENCE.finditer(note):
        spans.append((start, match.start()))
        start = match.end()
    return [*spans, (start, len(note))]


def noted_elsewhere(table: SelfEvaluation, indicator: Indicator) -> bool:
    """Whether the table has notes under it (``notes``) none of whose sentences names this
    indicator: its shortfall may be explained there in words of the unit's own (服务人数
    for 服务老年人数), which a reader should match to it."""
    names = [_names(other) for other in table.indicators]
    mine = {index for index, other in enumerate(table.indicators) if other is indicator}
    return bool(table.notes) and not any(
        mine & _names_in(sentence, names)
        for note in table.notes for sentence in _SENTENCE.split(note))


def _names_in(sentence: str, tails: Sequence[Sequence[str]]) -> set[object]:
    """The indices of the indicators a sentence names: where names of several end at one
    place, only the longest written there counts."""
    best: dict[int, tuple[int, set[object]]] = {}
    for index, names in enumerate(tails):
        for tail in names:
            at = sentence.find(tail)
            while at >= 0:
                end = at + len(tail)
                length, owners = best.get(end, (0, set()))
                if len(tail) > length:
                    best[end] = (len(tail), {index})
                elif len(tail) == length:
                    owners.add(index)
                at = sentence.find(tail, at + 1)
    return set().union(*(owners for _, owners in best.values()))


def explained(table: SelfEvaluation, indicator: Indicator | None = None) -> bool:
    """Whether a shortfall is explained — an indicator's, or the 执行率's (``indicator``
    None): ``explanation`` finds words that explain it."""
    return explanation(table, indicator) is not None


def explanation(table: SelfEvaluation, indicator: Indicator | None = None) -> str | None:
    """The words that explain a shortfall — an indicator's, or the 执行率's (``indicator``
    None) — or None: its own 偏差原因 (the money's ``funds.reason`` for the 执行率), else
    the table's 原因 row (偏差大或目标未完成原因分析 | <text>: every shortfall in it), else
    the sentences of a note under the table that name it with a cause (``notes``)."""
    own = table.funds.reason if indicator is None else indicator.reason
    if not unexplained(own, indicator is not None and scored_by_criterion(table, indicator)):
        return own  # type: ignore[return-value]
    if not unexplained(table.reason):
        items = reason_items(table)
        if items is None:
            return table.reason
        key = None if indicator is None else next(
            (index for index, other in enumerate(table.indicators) if other is indicator), -1)
        if key in items:
            return items[key]
    return _noted(table, indicator)


def scored_by_criterion(table: SelfEvaluation, indicator: Indicator) -> bool:
    """Whether a row is scored by an evaluator's criterion, not against a target the unit
    set itself: any row of a 第三方 index system, a 决策 or 过程 row elsewhere
    (``levels.is_process_row``) — not a 部门整体 index's 管理效率, an indicator of the body's
    own. Its 扣分理由 may name the mark missed (目标值偏低: ``says_no_cause``)."""
    return table.layout == "third_party" or (
        levels.is_process_row(indicator.level1, indicator.level2)
        and not levels.names_department_framework(indicator.level1))


# A report's sentence (。；!？ end one) and the points it states (扣1.05分, 得8.95分)
_REPORT_SENTENCE = re.compile("[。；;！!？?\n]")
_POINTS_SAID = re.compile(r"(\d+(?:\.\d+)?)\s*分")


def report_explanation(table: SelfEvaluation, indicator: Indicator, score: float
                       ) -> tuple[str, Source] | None:
    """Words of the table's own 自评结论 (``conclusion``) or of the report's text around it
    (``report_text``) explaining the indicator's deduction, with their cell or paragraph;
    None where none do (a reason given, only not in the table's column). A sentence there
    explains it that names it (its 三级 name or a tail of it, its 二级 or 一级 name) and
    either states the points lost or kept (满意度指标扣1.05分, 共10分，得8.95分) with a cause
    (``_CAUSE_WORD``: 主要原因是…, 由于…), or says its shortfall with a cause as a note under
    the table does (``_note_explanations``: 满意度未达标，原因是…; 满意度未达标主要是…;
    体检人数未达标。原因是… — rt34 r6 v8_b9)."""
    texts = [*table.conclusion, *table.report_text]
    if not texts or indicator.weight is None:
        return None
    names = tuple(_names(other) for other in table.indicators)
    mine = {index for index, other in enumerate(table.indicators) if other is indicator}
    wanted = (indicator.weight - score, score)
    for text, place in texts:
        for sentence in _REPORT_SENTENCE.split(text):
            said = [float(found) for found in _POINTS_SAID.findall(sentence)]
            if _CAUSE_WORD.search(sentence) and any(
                    abs(number - value) <= rules.TOLERANCE for number in said for value in wanted) \
                    and mine & _names_in(sentence, names):
                return sentence.strip(), place
        noted = _note_explanations((text,), names)
        found = [noted[index] for index in sorted(mine) if index in noted]
        if found:
            return min(found)[1], place
    return None


# Words saying more work was given (上级追加任务, 新增返乡人员): an overrun's deviation
_MORE_WORK = re.compile("追加|新增|增加|扩大|增补")


def reason_in_values(table: SelfEvaluation, indicator: Indicator) -> tuple[str, str] | None:
    """A cause written in the row's 完成值 or 得分 cell instead of its 偏差原因 — 9期（因汛期
    停课1期）, 9（汛期停课少办1期）, 1200人（上级追加返乡人员培训任务） — as (the column's
    name, the note); None where neither cell's note (``value_note``) gives one
    (``note_gives_cause``)."""
    score = table.cell(indicator.sources.get("score"))
    for column, raw in (("完成值", indicator.actual), ("得分", score and score.value)):
        note = value_note(raw)
        if note is not None and note_gives_cause(note):
            return column, note
    return None


@functools.cache
def _deviation() -> re.Pattern[str]:
    """A shortfall's words (``_SHORTFALL_WORDS``) or more work's (``_MORE_WORK``), compiled
    when a value's note is first read."""
    return re.compile(f"{_SHORTFALL_WORDS}|{_MORE_WORK.pattern}")


def note_gives_cause(note: str) -> bool:
    """Whether a value's note gives a cause, by the judgement of a 偏差原因 (``unexplained``)
    and more strictly — such a note is as often how the value was got (抽样, 200份问卷,
    2024年12月抽检): it says a cause (``_CAUSE_WORD``: 因汛期停课), or a deviation (少办1期,
    未通过, 追加) and more than the deviation (部分学员基础薄弱未通过考核, 上级追加返乡人员
    培训任务; not 少办1期, 扣0.32分, 新增200人 alone)."""
    if unexplained(note):
        return False
    if _CAUSE_WORD.search(note) is not None:
        return True
    deviation = _deviation()
    if deviation.search(note) is None:
        return False
    rest = _DONE_WORDS.sub("", "".join(ch for ch in _words(deviation.sub("", note)) if not ch.isdigit()))
    return bool(rest) and not is_unit(rest)


def explains_all(table: SelfEvaluation) -> bool:
    """Whether the table's 原因 row explains every shortfall in it: it gives a cause and
    is no list of the indicators it explains (``reason_items``)."""
    return not unexplained(table.reason) and reason_items(table) is None


# Where a numbered item begins: 1. 2、 （3） — not a decimal (1.5万元)
_ITEM = re.compile(r"(?<![\d.])(?=\d+[.、．](?!\d))|(?=[（(]\d+[)）])")


def reason_items(table: SelfEvaluation) -> dict[int | None, str] | None:
    """The shortfalls a table's 原因 row explains where it lists them (偏差原因：1.培训合格率
    未达标，因…；2.培训班次少1期，因…): two numbered items or more, each naming an indicator
    (by its 三级 name or a tail, its 二级 or 一级 name) or the 执行率 — each named one (None:
    the 执行率) with the item that names it, where that item gives a cause; the indicators
    it does not name it does not explain. One text (no such list) explains what its
    sentences name with a cause (``_named_reasons``, rt28). None where an item names none
    (第2项指标…, 其他指标…) or a sentence's cause is no named one's: it explains every
    shortfall (rt26e)."""
    if not isinstance(table.reason, str):
        return None
    items = [piece.strip() for piece in _ITEM.split(table.reason)
             if _NUMBERED.match(piece.strip())]
    names = [_names(other) for other in table.indicators]
    if len(items) < 2:
        return _named_reasons(table.reason, names)
    named: dict[int | None, str] = {}
    for item in items:
        said: set[Any] = _names_in(item, names)
        if _RATE_WORDS.search(item):
            said.add(None)
        if not said:
            return None
        if not unexplained(_NUMBERED.sub("", item)):
            for index in said:
                named.setdefault(index, _NUMBERED.sub("", item).strip())
    return named


# How a 原因 row names the 执行率 so as to explain that alone: by its name (预算执行率86%，
# 因…), not by 资金 (受汛期影响，培训延期，资金未能按期支付: a cause of every shortfall)
_RATE_NAMED = re.compile("执行率|预算执行")


def _named_reasons(text: str, names: Sequence[Sequence[str]]) -> dict[int | None, str] | None:
    """The shortfalls a 原因 row written as one text explains where it says which (偏差原因：
    预算执行率86%，因…；下一步加快采购进度。): read a sentence at a time, as a note under the
    table is (``_noted``), each sentence giving a cause (``_gives_cause``) explains what it
    names — an indicator, or the 执行率 by name —, or what the sentence before it named
    without a cause (就业率未达标。原因是部分学员升学。) — unless it states a shortfall of its
    own before its cause (部分指标未完成系…, 培训人数少于计划，系…). None where a sentence
    gives a cause and names nothing (受汛期影响，部分培训延期; 其他指标因…略有下降; 未完成的
    指标主要系…), or none gives one and none names one: the row explains every shortfall.
    Where no sentence gives a cause the reader knows, those naming shortfalls (受益人口未达标，
    入户管网未完工) explain those they name — unless another, naming none, says more than a
    remedy (部分学员外出务工): it may be every shortfall's cause (rt31 r9 g2/g4/g5)."""
    found: dict[int | None, str] = {}
    waiting: set[Any] = set()  # named by a sentence without a cause: the next one's
    told: dict[int | None, str] = {}  # what sentences without a cause name, in their words
    unnamed = False  # a sentence without a cause word naming none says more than a remedy
    for sentence in _SENTENCE.split(text):
        said: set[Any] = _names_in(sentence, names)
        if _RATE_WORDS.search(sentence):
            said.add(None)
        named = said if said - {None} or _RATE_NAMED.search(sentence) else set()
        if not _gives_cause(sentence):
            waiting = named or waiting
            for key in named:
                told.setdefault(key, _NUMBERED.sub("", sentence.strip()).strip())
            unnamed = unnamed or not named and bool(sentence.strip()) and not says_no_cause(sentence)
            continue
        owners = named or (set() if _own_shortfall(sentence) else waiting)
        if not owners:
            return None
        for key in owners:
            found.setdefault(key, _NUMBERED.sub("", sentence.strip()).strip())
        waiting = set()
    if found:
        return found
    return told if told and not unnamed else None


# A shortfall a sentence states before its cause (部分指标未完成系…, 培训人数少于计划，系…,
# 未完成的指标主要系…): its own, not the one the sentence before it named
_SHORTFALL_SAID = re.compile("未完成|未达|未实现|少于|低于|偏低|不足|指标")


def _own_shortfall(sentence: str) -> bool:
    """Whether a sentence giving a cause states, before it, a shortfall of its own."""
    cause = _CAUSE.search(sentence)
    return cause is not None and _SHORTFALL_SAID.search(sentence, 0, cause.start()) is not None


def reason_lists_others(table: SelfEvaluation, indicator: Indicator) -> bool:
    """Whether the table's 原因 row lists the shortfalls it explains (``reason_items``) and
    not this one: said, so the unit adds it."""
    items = reason_items(table)
    return items is not None and not any(
        index in items for index, other in enumerate(table.indicators) if other is indicator)


def unfilled(table: SelfEvaluation) -> bool:
    """No indicator carries a 指标值, a 完成值 or a score: an empty submission (a
    四川 指标性质 or 度量单位 alone is the form's, not the unit's answer)."""
    return not any(not blank_value(indicator.target) or not blank_value(indicator.actual)
                   or indicator.score_declared is not None for indicator in table.indicators)


def unanswered(table: SelfEvaluation) -> bool:
    """Indicators carry 指标值 and not one a 完成值 or a score: the targets (and 分值)
    copied in, the self-evaluation not done — a form not yet filled (or a 绩效目标表 in
    the 自评表's form), not a filled table with a mistake on every row. (The money's own
    得分 is no answer of an indicator.)"""
    return not any(not blank_value(indicator.actual) or indicator.score_declared is not None
                   or indicator.judged is not None for indicator in table.indicators) \
        and any(not blank_value(indicator.target) for indicator in table.indicators)


def not_filled_in(table: SelfEvaluation) -> bool:
    """An empty submission (``unfilled``) or one whose indicators have no answer
    (``unanswered``): one JX001, not a finding per empty cell, and no 总分 to look into."""
    return unfilled(table) or unanswered(table)


def project_key(name: str | None, department: str | None, unit: str | None
                ) -> tuple[str, str, str] | None:
    """Which project a table is of, where tables are grouped as one project's (a
    workbook's tables, a batch's versions): 项目名称, 主管部门 and 实施单位, each as
    ``compact_text`` reads it (full- and half-width, spaces alike) — not memoised: a
    batch's every project has names of its own, they would fill the memo for nothing.
    None for a table without a 项目名称: never grouped."""
    compact = compact_string.__wrapped__  # type: ignore[attr-defined]
    if not name or not compact(name):
        return None
    return (compact(name), compact(department) if department else "",
            compact(unit) if unit else "")


def declared_content(table: SelfEvaluation, *, meant: bool = False) -> tuple[object, ...]:
    """Every value the table declares (not where it stands): two tables alike in all of
    them are one table twice; a copy that differs in any (its 总分, its year) is another.
    ``meant``: each 指标值 and 完成值 as the scoring reads it (``_meant``), not as stored."""
    project, funds = table.project, table.funds
    year = project.year if meant else None
    return (project.name, project.department, project.unit, project.year,
            project.goal_expected, project.goal_actual,
            tuple((line.label, line.initial_budget, line.budget, line.executed,
                   line.rate_declared) for line in (funds.total, *funds.parts)),
            funds.weight, funds.score_declared, funds.reason,
            table.total_declared, table.grade_declared, tuple(sorted(table.restated.items())),
            table.reason, tuple(table.notes),
            tuple((i.level1, i.level2, i.name,
                   *((_meant(indicator_target(i), year), _meant(indicator_actual(i), year))
                     if meant
                     else (i.target, i.actual)),
                   i.weight, i.score_declared, i.reason) for i in table.indicators))


def content_digest(table: SelfEvaluation) -> str:
    """``declared_content`` as a short stable text (the same in every process and run):
    two tables, in one workbook or in two files, have the same digest when they declare
    the same values as jixiao reads them — not as each file stores them: a date cell and
    its text (2024年11月30日), a number and its text (1,200; full-width digits), a
    percent-formatted 0.998 and the text 99.80% alike, as are texts but for their spaces
    (the .xlsx of a table and its Word or web copy are one table). Any other difference
    (a 完成值, a score, a 原因) is one."""
    text = repr(_canonical(declared_content(table, meant=True)))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


# What a number's or a date's text may hold beside the value a Measure keeps (its digits,
# separators, sign, comparison) — a text of these alone says no more than its Measure;
# a date's text its 年月日 and a deadline's 前 (2024年11月30日前) too
_NUMBER_MARKS = str.maketrans("", "", "0123456789.,+-:%≥≤<>=")
_DATE_MARKS = str.maketrans("", "", "0123456789.,+-/:%≥≤<>=年月日号前")


def _meant(value: object, year: int | None) -> object:
    """A 指标值 or 完成值 as the scoring reads it (``parse_measure``, memoised): a number,
    a date or a range written as nothing more (2024年11月30日, 1,200人, ≥99.80%) as its
    Measure, whichever way it was stored — a date without its year (11月30日: a date cell
    formatted m月d日, as Word shows it) in the table's ``year``, where the scoring places
    it; a blank as None, a written none (无, —, /) as its compact text — the blank is
    missing, the mark says none or not applicable; any other text as its compact text
    (spaces and full-width aside), its wording kept (达成 and 基本达成, 1200人 and
    1200人，其中200人延期 differ)."""
    if value is None:
        return None
    measure = parse_measure(value)
    if measure.kind == "empty":  # blank: missing (JX201/JX202); 无, — or / written says none
        return normalize_text(measure.text) or None
    if measure.kind in _MEASURED and measure.problem is None and (
            not isinstance(value, str) or _says_no_more(value, measure)):
        if measure.yearless and year is not None:
            month, day = measure.month_day  # type: ignore[misc]
            with contextlib.suppress(ValueError):  # (2月29日 in a common year: as written)
                return "date", measure.op, float(_dt.date(year, month, day).toordinal()), \
                    "date", None
        return measure.kind, measure.op, measure.value, measure.unit, measure.upper
    return normalize_text(value) if isinstance(value, str) else repr(value)


_MEASURED = ("number", "date", "range")


def _says_no_more(text: str, measure: Measure) -> bool:
    """Whether a number's or a date's text holds its Measure and nothing else."""
    rest = normalize_text(text)
    if measure.kind == "date":
        return not rest.translate(_DATE_MARKS)
    if measure.unit:
        rest = rest.replace(measure.unit, "", 1)
    return not rest.translate(_NUMBER_MARKS)


def _canonical(value: object) -> object:
    if isinstance(value, tuple):
        return tuple(_canonical(item) for item in value)
    if isinstance(value, str):  # spaces, line breaks and full-width forms aside: not memoised
        return compact_string.__wrapped__(value) or None  # type: ignore[attr-defined]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        # A date cell is a date whoever read it: an .xls or .ods reader gives a date, the
        # .xlsx readers a datetime at midnight. Both are keyed as the latter.
        return _dt.datetime.combine(value, _dt.time())
    return value
