"""Which tables of a workbook are checked (``kept_tables``), and why a workbook without
one is refused (``no_table``): a 绩效目标表 (targets only), a mid-year 绩效监控表, a
事前绩效评估表, the
table of a 自评报告 typed into a sheet (``mark_kind``) and a list of several projects'
indicators (``mark_listed_projects``) are no 自评表; a table without 分值 and 得分
restating a scored one of the same project (a report's 绩效完成表), a summary or a
计算底稿 of the table's indicators, a 填表说明's example, an untouched blank copy of the
form, an unfilled copy of a project beside its filled table and a hidden sheet's table
beside shown ones are set aside, each with a note saying so; of tables alike cell for cell one is kept, and a project left twice is said to be.

(Over 400 lines: one decision — which tables of a workbook stand — and the note for each
table set aside, each kind of sheet that is no project's 自评表 told here beside the
others, in the one order that lets the more certain go first; what a document says it is,
read once for the tables kept and for the workbook refused without one.)"""

from __future__ import annotations

import re
import weakref
from collections import Counter

from jixiao.errors import (
    EmptyWorkbook,
    JixiaoError,
    NotASelfEvaluation,
    ResultsSummary,
    TargetsOnly,
    UnreadableWorkbook,
    UnrecognisedTable,
)
from jixiao.model import (
    HIDDEN_ROW,
    DocumentPlaces,
    Indicator,
    SelfEvaluation,
    declared_content,
    not_filled_in,
    plain_text,
    project_key,
    unfilled,
)
from jixiao.parsing import compact_text, is_placeholder, names_part_of_year, parse_points
from jixiao.read.grid import Grid, Place
from jixiao.read.headers import Header
from jixiao.read.project import draft_order, is_name_label, name_from_sheet
from jixiao.read.results_lists import results_summary
from jixiao.rules import FULL_MARKS, TOLERANCE
from jixiao.xlsx.wordtable import SHEET as DOCUMENT_SHEET


def no_table(file_name: str, grids: list[Grid], notes: list[str], too_big: bool) -> JixiaoError:
    """The error of a workbook in which no table was found: too big, a 绩效目标表, an
    empty workbook, one titled a 自评表 whose header no row gives (``UnrecognisedTable``),
    a 绩效自评报告 typed into a sheet (``_kind``, as a table's rows are read: a 自评报告
    with no table of indicators, or one without 一级/二级), or else the header no row
    gives. The one place that tells them apart: ``jixiao check`` prints the message, a
    batch's 汇总 gives it as 原因 beside the 状态 of the class."""
    if too_big:
        return UnreadableWorkbook(f"“{file_name}”过大：{'；'.join(notes)}。自评表通常只有几十行，"
                                  "请删除无关的工作表、表中大片多余的行列后再试")
    if _titled_targets(grids):
        return TargetsOnly(_targets_message(file_name))
    if grids and not any(grid.values for grid in grids) \
            and not any(grid.name == DOCUMENT_SHEET for grid in grids):  # nothing at all
        return EmptyWorkbook(f"“{file_name}”是空的工作簿：没有任何内容（各工作表都是空白的），"
                             "请填报单位提交填好的自评表")
    found = [(grid, *kind) for grid in grids if (kind := _kind(grid, 1, grid.max_row + 1))]
    titled_one = {grid.name for grid, kind, (row, column) in found if kind == "self_evaluation"
                  and not _SUMMARY_TITLE.search(grid.texts.get((row, column), ""))}
    # A sheet titled a 自评表 (not a 汇总表) — the list itself (sub-projects with their 得分)
    # or another sheet of the workbook — is a 自评表 not read, no results summary: the
    # title wins, the file is opened by hand (rev30 D/E: a 汇总表 sheet beside it hid it)
    summary = None if titled_one - {DOCUMENT_SHEET} else next(
        ((grid, listed) for grid in grids if grid.name not in titled_one
         and (listed := results_summary(grid))), None)
    if summary is not None:  # titled a 自评……汇总表, as a rule: no 自评表 to open by hand
        return _results_summary(file_name, *summary)
    # A workbook's sheet titled a 自评表, in a layout not read: opened by hand. (Not a Word
    # document's title: a 自评报告's 附件：项目支出绩效自评表 names a file sent beside it;
    # nor a 汇总表's, 一览表's: a list of projects, no 自评表 — the file holds none found.)
    titled = next(((grid, *where) for grid, _, where in found
                   if grid.name in titled_one and grid.name != DOCUMENT_SHEET), None)
    if titled is not None:
        return UnrecognisedTable(f"“{file_name}”有自评表的标题{_title_at(*titled)}，但其中的表格"
                                 f"未能识别：没有找到表头（{_NO_HEADER}），请打开文件人工核对")
    kinds = {kind for _, kind, _ in found}
    if "prior" in kinds:  # a 事前绩效评估表 in a layout not read (评估内容 | 评估要点 | 分值)
        return _refused_as(file_name, "prior")
    if "report" in kinds and "self_evaluation" not in kinds:
        # a 自评报告 typed into a sheet, no table of indicators with points in it (or none)
        what, _, instead = _KINDS["report"]
        return NotASelfEvaluation(f"“{file_name}”是{what}（文字报告，其中没有自评表），不是自评表："
                                  f"{instead}")
    return NotASelfEvaluation(f"“{file_name}”中没有找到项目支出绩效自评表：{_NO_HEADER}")


def _results_summary(file_name: str, grid: Grid,
                     found: tuple[int, int, int, str]) -> ResultsSummary:
    """What a workbook holding a 自评结果汇总表 and no table is (``results_summary``):
    the one line ``jixiao check`` prints and a batch's closing line counts."""
    _, _, projects, results = found
    return ResultsSummary(f"“{file_name}”是自评结果汇总表（工作表“{grid.name}”列出 {projects} 个项目的"
                          f"{results}），不是自评表，未校验")


# The header rows no row of a workbook refused without a table gives
_NO_HEADER = ("没有一行表头同时含有“三级指标”（或指标名称）和“分值”（或权重）；没有分值列的，"
              "也没有一行同时含有一级（或二级）指标、三级指标、指标值和完成值")


def _title_at(grid: Grid, row: int, column: int) -> str:
    """A title as the refusal of its workbook names it: “项目支出绩效自评表（2024年度）”
    （工作表“自评表”A1）, on one line."""
    title = " ".join(str(grid.values[row, column]).split())
    return f"“{title}”（工作表“{grid.name}”{grid.source(row, column).cell}）"


def mark_kind(grid: Grid, top: int, bottom: int, table: SelfEvaluation) -> None:
    """What the rows ``top`` to ``bottom`` (excluded) — the table's title, its money and
    indicator headers — and its sheet say the table is where it is not a 自评表: a
    事前绩效评估表 (its title says so), marked ``sources["prior"]``; a mid-year
    绩效监控表 (its title names 监控, or a column holds a part of the year's figures —
    1-7月执行数, 截至7月底, 上半年 — or the 全年预计 beside them), marked
    ``sources["monitoring"]``; a 绩效自评报告 typed into the sheet (its title, a line of
    its own, ends in 报告, or its chapters 一、二、 run between paragraphs), its table of
    完成情况 marked ``sources["report"]`` — each at the cell that says so. A title naming 自评 (项目支出绩效
    自评表) marks none: the form says what it is. Whether a marked table is set aside its
    columns tell (``kept_tables``: one with 得分 is scored whatever its words)."""
    found = _kind(grid, top, bottom)
    if found is not None and found[0] != "self_evaluation":
        table.sources[found[0]] = (grid, *found[1])  # type: ignore[assignment]


def _kind(grid: Grid, top: int, bottom: int) -> tuple[str, tuple[int, int]] | None:
    """What the rows ``top`` to ``bottom`` (excluded) of ``grid`` say they are, and the cell
    that says so (``mark_kind``'s words): "self_evaluation" (a title naming 自评表),
    "prior" (a title naming 事前绩效评估, 事前评估), "monitoring", "report"; None where
    they say nothing. The one reading of a table's rows
    above its header and of a whole sheet without a table (``no_table``)."""
    monitoring = titled_report = None
    for row in range(top, bottom):
        for column in grid.rows.get(row, ()):
            text = grid.texts.get((row, column), "")  # a formula's cell may hold no text
            if not text or _is_instruction(text) or len(text) > _TITLE_LENGTH:
                continue
            if _SELF_EVALUATION_TITLE.search(text):
                return "self_evaluation", (row, column)
            if _PRIOR_TITLE.search(text):
                return "prior", (row, column)
            if monitoring is None and (_MONITORING_TITLE.search(text) or _mid_year(text)):
                monitoring = (row, column)
            elif titled_report is None and _REPORT_TITLE.search(text) \
                    and len(grid.rows[row]) == 1:  # a title, on a line of its own
                titled_report = (row, column)
    if monitoring is not None:
        return "monitoring", monitoring
    report = titled_report or _chapters(grid)
    return None if report is None else ("report", report)


def _mid_year(text: str) -> bool:
    """Whether a column header's text names a part of the year's figures (1-7月执行数, 截至7月底
    执行数, 上半年执行情况 — not 1-12月) or the year's forecast (全年预计完成情况). A
    sentence is no column header (a 年度总体目标完成情况's 下半年完成全部设备安装, 年中完成
    招标，年底全部完成, 季度考核均已完成, 预计年底前全部投入使用): ``_is_column_header``."""
    if not _is_column_header(text):
        return False
    if _FORECAST.search(text):
        return True
    if len(text) > _HEADER_LENGTH or not _DONE.search(text):
        return False
    return names_part_of_year(text, header=True)


def _is_column_header(text: str) -> bool:
    """Whether a short text reads as a column's header, a name of figures: it ends in a
    header's noun (执行数, 完成值, 执行情况, 可能性, 全年预计; a bracketed unit after it),
    with no clause's punctuation and no adverb before the done word (已完成, 均已完成,
    全部完成) — what a sentence has (下半年完成全部设备安装 ends in its object)."""
    return _HEADER_END.search(text) is not None and _SENTENCE.search(text) is None


def _chapters(grid: Grid) -> tuple[int, int] | None:
    """The first chapter heading (一、项目基本情况) of a sheet written as a report: two
    headings or more, each a short line, and two paragraphs (long sentences) or more —
    above a heading of instructions (填报说明, 填表说明：), whose own numbered parts
    (一、填报范围) are no report's. Looked for once a sheet (every table of a sheet asks)."""
    if grid not in _CHAPTERS_OF:
        _CHAPTERS_OF[grid] = _first_chapter(grid)
    return _CHAPTERS_OF[grid]


_CHAPTERS_OF: weakref.WeakKeyDictionary[Grid, tuple[int, int] | None] = \
    weakref.WeakKeyDictionary()


def _first_chapter(grid: Grid) -> tuple[int, int] | None:
    below = min((row for (row, _), text in grid.texts.items() if len(text) <= _HEADING_LENGTH
                 and _INSTRUCTIONS_HEADING.fullmatch(compact_text(text))), default=grid.max_row + 1)
    texts = {place: text for place, text in grid.texts.items() if place[0] < below}
    headings = {place: found.group(1) for place, text in texts.items()
                if len(text) <= _HEADER_LENGTH and (found := _CHAPTER.match(text))}
    paragraphs = sum(len(text) >= _PARAGRAPH and "。" in text for text in texts.values())
    if len(set(headings.values())) < 2 or paragraphs < 2:
        return None
    return min(headings)


def mark_listed_projects(grid: Grid, header: Header, end: int,
                         table: SelfEvaluation) -> tuple[str, Place] | None:
    """Where the indicator header has a 项目名称 column (an export of several projects'
    indicators, 项目名称 | 一级 | 二级 | 三级 | 指标值 | 完成值 | 分值 | 得分, one project's
    rows after another's) and the indicator rows to ``end`` name two projects or more in
    it: each project at its first cell, ``sources[LISTED_PROJECT + name]``. Names are told
    apart as projects are (``compact_text``: full- and half-width, spaces alike — 补贴（2024年）
    is 补贴(2024年)); a cell left blank, merged down, a placeholder (—, /) or a ditto mark
    (同上, 同前, 〃, ") names the project above it. One project named on every row marks
    none: its name and first cell are returned (that project's list of indicators)."""
    column = next((column for row in range(header.top, header.row + 1)
                   for column in grid.rows.get(row, ())
                   if column not in header.columns.values()
                   and is_name_label(grid.texts.get((row, column), ""))), None)
    if column is None or "name" not in header.columns:
        return None
    names = {compact_text(indicator.name) for indicator in table.indicators} - {""}
    listed: dict[str, tuple[str, Place]] = {}
    for row in range(header.data_start, end + 1):
        name_cell = (row, header.columns["name"])
        if grid.texts.get(grid.origin.get(name_cell, name_cell)) not in names:
            continue  # a 合计 row, a heading
        cell = grid.origin.get((row, column), (row, column))  # merged down a project's rows
        project = grid.values.get(cell)
        if not isinstance(project, str) or is_placeholder(project) \
                or _DITTO.fullmatch(grid.texts[cell]):
            continue  # the project above's
        listed.setdefault(grid.texts[cell], (project.strip(), (grid, *cell)))
    if len(listed) == 1:
        return next(iter(listed.values()))
    for project, place in listed.values():
        table.sources[LISTED_PROJECT + project] = place  # type: ignore[assignment]
    return None


# A cell saying it is the same as the one above (同上, 同前, 〃, ", ” …), after compact_text
_DITTO = re.compile(r"同上|同前|[〃\"“”]+")
# A key of ``SelfEvaluation.sources``: LISTED_PROJECT + a project's name, at its first cell
# in the 项目名称 column of a list of several projects' indicators (``mark_listed_projects``)
LISTED_PROJECT = "listed_project:"
_TITLE_LENGTH = 60  # a title's compact text at most; a cell beyond it is a paragraph
_HEADER_LENGTH = 24  # a column header's (or a chapter heading's) compact text at most
_PARAGRAPH = 40  # a paragraph's compact text at least
# The words that end a title (no sentence, no label before a colon), with a bracket after
# it (（2024年1-7月）, （2024年度）): 监控 (绩效运行监控表, 目标执行监控表, 监控情况表,
# 监控汇总表), 自评 (项目支出绩效自评表, 自评评分表), a report's (绩效自评报告, 绩效评价报告)
_TITLE_END = r"[^:,;。()]{0,10}%s(?:\([^()]{0,24}\))?$"
_MONITORING_TITLE = re.compile("监控" + _TITLE_END % "表")
_SELF_EVALUATION_TITLE = re.compile("自评" + _TITLE_END % "表")
# A 事前绩效评估 form's title (…项目事前绩效评估评分表, 事前评估指标体系及评分表): the project
# scored before it is approved, no year's 自评表 whatever its columns
_PRIOR_TITLE = re.compile("事前(?:绩效)?评估" + _TITLE_END % "表")
# A 自评 title of a list of projects' results, not of one 自评表
_SUMMARY_TITLE = re.compile("汇总|一览")
_REPORT_TITLE = re.compile("^[^:,;。]*(?:自评|评价|绩效)" + _TITLE_END % "报告")
# The figures done (执行, 完成, 实际) in a part of the year a header names
# (``names_part_of_year``: 1-7月, 截至7月底, 上半年, 前三季度)
_DONE = re.compile("执行|完成|实际")
# The end of a column header naming figures (1-7月执行数, 全年预计完成情况, 完成目标可能性,
# 全年预计, 上半年实际完成, 1-7月执行数(万元)), compact text
_HEADER_END = re.compile(r"(?:值|数|额|情况|进度|率|性|量|预计|执行|完成|实际|说明|分析)"
                         r"(?:\([^()]*\))?$")
# What a sentence has and a header not: a clause's punctuation, an adverb before the done
# word (已完成, 均已完成, 全部完成, 基本完成)
_SENTENCE = re.compile(r"[,;。!?]|(?:已|均|全部|基本)(?:执行|完成)")
# A monitoring form's forecast of the year, and its judgment of the target's chance
_FORECAST = re.compile("全年预计|预计全年|预计(?:年底|年末)|完成目标可能性|目标完成可能性")
_CHAPTER = re.compile("([一二三四五六七八九十]{1,3})、[^。]")
# The heading of a sheet's instructions (填报说明, 填表说明：, 编制说明): what is under it
# says how to fill in the form
_INSTRUCTIONS_HEADING = re.compile(r"(?:填表|填报|填写|编制)?(?:说明|须知)[:：]?")
_HEADING_LENGTH = 12  # such a heading's text at most, spaced out (填 报 说 明)
# A note or instruction (注：…, 填报说明：…) or a sentence (…在年度自评时填写。): says
# what is to be filled in, not what the sheet is
_INSTRUCTION = re.compile(r"(?:注|备注|说明|填表说明|填报说明|填写说明|编制说明)\d*[:：]|.*。")


def _is_instruction(text: str) -> bool:
    return _INSTRUCTION.match(text) is not None


def kept_tables(file_name: str, tables: list[SelfEvaluation], notes: list[str],
                hidden: frozenset[str], document: DocumentPlaces | None = None
                ) -> list[SelfEvaluation]:
    """The tables found that are checked; a note in ``notes`` for each kind set aside —
    a table of a document (Word, a web page: ``document``) named as its findings name
    their cells, 第2个表格, not by the sheet it was read as."""
    tables = _without_kind(file_name, tables, "prior", notes, document)
    tables = _without_kind(file_name, tables, "monitoring", notes, document)
    targets_only = [table for table in tables if _targets_only(table)]
    if targets_only and len(targets_only) == len(tables):
        raise TargetsOnly(_targets_message(file_name))
    if targets_only:
        notes.append("绩效目标表" + "、".join(_sheets(targets_only, document))
                     + "只有年度指标值，未校验")
        tables = [table for table in tables if table not in targets_only]
    unscored = [table for table in tables if not {"weight", "score"} & table.columns]
    scored = [table for table in tables if table not in unscored]
    unscored = [table for table in unscored if _restates(table, scored)]
    if unscored and len(unscored) < len(tables):  # a report's 绩效完成表 restating the 自评表
        tables = [table for table in tables if table not in unscored]
        notes.append("没有分值和得分的表" + "、".join(_places(unscored, tables, document))
                     + "未校验：以有分值、得分的自评表为准")
    tables = _without_kind(file_name, tables, "report", notes, document)
    # a list of indicators' points and scores without 指标值 or 完成值 (项目名称 | 三级指标 |
    # 分值 | 得分), each named in a full table of the workbook: a summary of it, no table
    full = [table for table in tables if {"target", "actual"} <= table.columns]
    named = {compact_text(indicator.name) for table in full for indicator in table.indicators}
    listed = [table for table in tables if not {"target", "actual"} & table.columns
              and table.indicators and full
              and all(compact_text(indicator.name) in named for indicator in table.indicators)]
    if listed:
        tables = [table for table in tables if table not in listed]
        notes.append("指标得分汇总" + "、".join(_places(listed, tables, document))
                     + "（没有指标值和完成值，所列指标都在自评表中）未校验：以自评表为准")
    # several projects' indicators in one list (项目名称 on each row), no money: a 汇总
    tables = _without_project_lists(file_name, tables, notes, document)
    # a 计算底稿 of a table (some of its indicators, their 指标值), no money nor name
    papers = {id(table): full for table in tables if (full := _worked_from(table, tables))}
    if papers:
        for table in tables:
            if id(table) in papers:
                notes.append(_working_paper_note(table, papers[id(table)], tables, document))
        tables = [table for table in tables if id(table) not in papers]
    # an untouched copy of the form (no 项目名称, nothing filled) beside filled tables: a
    # spare sheet of the template, not a submission left empty (that one, alone, is JX001)
    spare = [table for table in tables if unfilled(table) and not table.project.name]
    if spare and len(spare) < len(tables):
        notes.append("未填写的空白表" + "、".join(_sheets(spare, document))
                     + "（没有项目名称，也没有填写任何指标）未校验")
        tables = [table for table in tables if table not in spare]
    # an unfilled copy of a project (its name, maybe its targets, no 完成值 nor 得分) beside
    # that project's filled table: a spare sheet, no version of it (alone it is JX001)
    tables = _without_unfilled_copies(tables, notes, document)
    examples = [table for table in tables if _is_example(table)]
    if examples and len(examples) < len(tables):  # a 填表说明 sheet's sample beside the table
        notes.append("示例表" + "、".join(_sheets(examples, document))
                     + "未校验：以填报的表为准")
        tables = [table for table in tables if table not in examples]
    rows_hidden = [table for table in tables if not table.indicators
                   and any(key.startswith(HIDDEN_ROW) for key in table.sources)]
    if rows_hidden and len(rows_hidden) < len(tables):  # a draft kept in hidden rows
        tables = [table for table in tables if table not in rows_hidden]
        notes.append("指标行全部隐藏的表" + "、".join(_places(rows_hidden, tables, document))
                     + "未校验：以显示的表为准")
    if hidden:  # a table the workbook hides (last year's draft) beside one it shows
        shown = [table for table in tables if table.sources["header"].sheet not in hidden]
        if shown and len(shown) < len(tables):
            skipped = sorted({table.sources["header"].sheet for table in tables} & hidden)
            notes.append("隐藏的工作表" + "、".join(f"“{name}”" for name in skipped)
                         + "中的表未校验：以显示的工作表为准")
            tables = shown
    tables = _without_copies(tables, notes, document)
    _note_earlier_years(tables, notes, document)
    _note_same_project(tables, notes, document)
    return tables


def _without_kind(file_name: str, tables: list[SelfEvaluation], kind: str, notes: list[str],
                  document: DocumentPlaces | None) -> list[SelfEvaluation]:
    """The tables less those ``mark_kind`` marked ``kind`` ("prior", "monitoring",
    "report"): a 事前绩效评估表 whatever its columns, the others where they have no 得分 (a
    绩效监控表 has none; a report's table of 完成情况 neither 分值 nor 得分), a note saying
    so; where no table is left, the workbook is refused as that document."""
    if kind == "prior":
        marked = [table for table in tables if kind in table.sources]
    elif kind == "monitoring":
        marked = [table for table in tables if kind in table.sources
                  and "score" not in table.columns]
    else:
        marked = [table for table in tables if kind in table.sources
                  and not {"weight", "score"} & table.columns]
    if not marked:
        return tables
    if len(marked) == len(tables):
        raise _refused_as(file_name, kind)
    what, why, _ = _KINDS[kind]
    kept = [table for table in tables if table not in marked]
    notes.append(what + "、".join(_places(marked, kept, document))
                 + (f"（{why}）" if why else "") + "未校验：以自评表为准")
    return kept


def _refused_as(file_name: str, kind: str) -> NotASelfEvaluation:
    """The refusal of a workbook holding only a document of ``kind`` (``_KINDS``)."""
    what, why, instead = _KINDS[kind]
    said = f"（{why}），不是自评表" if why else "，不是项目支出绩效自评表"
    return NotASelfEvaluation(f"“{file_name}”是{what}{said}：{instead}")


def _without_unfilled_copies(tables: list[SelfEvaluation], notes: list[str],
                             document: DocumentPlaces | None) -> list[SelfEvaluation]:
    """The tables less each one not filled in (``not_filled_in``: empty, or its targets
    copied without a 完成值 or 得分) whose project (``project_key``) has a filled table in
    the workbook — the form copied before it was filled, left beside it; a note names both.
    Unfilled tables of a project with no filled one stay (JX001: the submission is empty)."""
    def key(table: SelfEvaluation) -> tuple[str, str, str] | None:
        return project_key(table.project.name, table.project.department, table.project.unit)

    filled: dict[tuple[str, str, str], list[SelfEvaluation]] = {}
    for table in tables:
        if (found := key(table)) is not None and not not_filled_in(table):
            filled.setdefault(found, []).append(table)
    spare = [table for table in tables if not_filled_in(table) and key(table) in filled]
    if not spare:
        return tables
    kept = [table for table in tables if table not in spare]
    for project in dict.fromkeys(key(table) for table in spare):
        copies = [table for table in spare if key(table) == project]
        notes.append("未填写的表" + "、".join(_places(copies, kept, document))
                     + f"（项目“{copies[0].project.name}”另有填好的表"
                     + "、".join(_places(filled[project], copies, document))
                     + "，此表的指标没有实际完成值和得分）未校验：以填好的表为准")
    return kept


def _without_project_lists(file_name: str, tables: list[SelfEvaluation], notes: list[str],
                           document: DocumentPlaces | None) -> list[SelfEvaluation]:
    """The tables less the lists of several projects' indicators (``mark_listed_projects``)
    without money of their own: a 汇总 exported from the budget system, no project's
    自评表 — without each project's 全年预算数 and 执行数 there is no 执行率 to score, so no
    project's 总分. A note says so; where no table is left, the workbook is refused."""
    lists = [table for table in tables if not table.fund_columns and _listed(table)]
    if not lists:
        return tables
    kept = [table for table in tables if table not in lists]
    if not kept:
        projects = list(dict.fromkeys(name for table in lists for name in _listed(table)))
        sheets = _sheets(lists, document)
        where = "、".join(sheets) if document is not None else "（工作表" + "、".join(sheets) + "）"
        raise NotASelfEvaluation(
            f"“{file_name}”是 {len(projects)} 个项目（{_some(projects)}）的绩效指标明细汇总"
            f"{where}，不是项目支出绩效自评表：其中没有各项目的资金（全年预算数、全年执行数），"
            "算不出执行率得分和总分，请按项目分别提交自评表")
    notes.append("多个项目的指标明细汇总" + "、".join(_places(lists, kept, document))
                 + "（没有各项目的资金，算不出执行率和总分）未校验：以自评表为准")
    return kept


def _listed(table: SelfEvaluation) -> list[str]:
    """The projects a list of several projects' indicators names, in order (else none)."""
    return [key[len(LISTED_PROJECT):] for key in table.sources if key.startswith(LISTED_PROJECT)]


def _some(names: list[str], shown: int = 3) -> str:
    """The first names of a list, 等 after them where there are more."""
    return "、".join(names[:shown]) + ("等" if len(names) > shown else "")


def _worked_from(paper: SelfEvaluation, tables: list[SelfEvaluation]) -> SelfEvaluation | None:
    """The table of the workbook ``paper`` is a working paper of (a 计算底稿 sheet: 三级指标 |
    指标值 | 完成值 | 目标数 | 完成数 | 完成比例 | 分值 | 得分 for some of its indicators), or
    None: ``paper`` has no money and no project's name of its own (the other's, if any),
    its 分值 total short of 100, and each of its indicators is one of the other's — the
    same name and the same 指标值. The other is a table of its own (money, or a project's
    name and its 分值 total): two projects' tables sharing the common indicators (满意度,
    预算执行率) each have theirs."""
    if not _short_of_money(paper):
        return None
    rows = {_name_and_target(indicator) for indicator in paper.indicators}
    name = compact_text(paper.project.name)
    for table in tables:
        other = compact_text(table.project.name)
        if table is paper or _short_of_money(table) or not (table.fund_columns or other) \
                or (name and name != other):
            continue
        if rows <= {_name_and_target(indicator) for indicator in table.indicators}:
            return table
    return None


def _short_of_money(table: SelfEvaluation) -> bool:
    """Indicators with 指标值 and 分值, no money (nor a 预算执行率 row), 分值 short of 100."""
    return bool(table.indicators) and {"target", "weight"} <= table.columns \
        and not table.fund_columns and table.execution_row is None \
        and _weights(table) < FULL_MARKS - TOLERANCE


def _weights(table: SelfEvaluation) -> float:
    """The 分值合计 the table writes (a 合计 row's 分值: a form's 100 below rows of 90,
    a 底稿's sum of its rows), else its indicators' sum."""
    info = table.cell(table.sources.get("weight_total"))
    written = None if info is None or isinstance(info.value, bool) else parse_points(info.value)
    return written if written is not None \
        else sum(indicator.weight or 0 for indicator in table.indicators)


def _name_and_target(indicator: Indicator) -> tuple[str, str]:
    return compact_text(indicator.name), compact_text(plain_text(indicator.target))


def _working_paper_note(paper: SelfEvaluation, table: SelfEvaluation,
                        tables: list[SelfEvaluation], document: DocumentPlaces | None) -> str:
    """The note of a working paper set aside, naming the table it works from."""
    kept = [other for other in tables if other is not paper]
    return ("指标计算底稿" + _places([paper], kept, document)[0]
            + f"（没有资金和项目名称，分值合计 {plain_text(round(_weights(paper), 2))}，所列 "
            f"{len(paper.indicators)} 项指标及其指标值都在{_places([table], [paper], document)[0]}"
            "的表中）未校验：以该表为准")


# A document's kind (``mark_kind``) → what it is, why it is no 自评表 (None: its name says
# it), what to send instead
_KINDS: dict[str, tuple[str, str | None, str]] = {
    "prior": ("事前绩效评估表", None, "事前评估在项目立项前评分，请在年度结束后提交填好实际完成值和得分的"
              "项目支出绩效自评表"),
    "monitoring": ("绩效监控表", "年度中的执行情况和全年预计",
                   "请在年度结束后提交填好实际完成值和得分的项目支出绩效自评表"),
    "report": ("绩效自评报告", "文字报告，其中的指标完成情况表没有分值和得分",
               "请另行提交填好分值和得分的项目支出绩效自评表"),
}


def _note_earlier_years(tables: list[SelfEvaluation], notes: list[str],
                        document: DocumentPlaces | None = None) -> None:
    """A note for each table of a year before the workbook's latest (last year's table
    kept beside this year's): checked like the others, but a reviewer should know."""
    years = [table.project.year for table in tables if table.project.year is not None]
    if len(set(years)) < 2:
        return
    latest = max(years)
    for table in tables:
        year = table.project.year
        if year is not None and year < latest:
            # its header's cell too where its sheet holds another table (both years stacked)
            place = _places([table], [other for other in tables if other is not table],
                            document)[0]
            notes.append(earlier_year_note(place.strip("（）") if place.startswith("（")
                                           else f"工作表{place}上的表", year, latest))


def earlier_year_note(place: str, year: int, latest: int) -> str:
    """What is said of a table (at ``place``) of a year before its file's ``latest``: by
    ``jixiao check`` of the file, by a batch's 汇总 on that table's row (``place`` 此表)."""
    return f"{place}是 {year} 年度的，本文件中最新的是 {latest} 年度：请确认是否应一并提交"


_EARLIER_YEAR_NOTE = re.compile(r"是 \d+ 年度的，本文件中最新的是 \d+ 年度：请确认是否应一并提交$")


def is_earlier_year_note(note: str) -> bool:
    """Whether a file's note is ``earlier_year_note``'s (a batch puts it on its table's row)."""
    return _EARLIER_YEAR_NOTE.search(note) is not None


def _note_same_project(tables: list[SelfEvaluation], notes: list[str],
                       document: DocumentPlaces | None = None) -> None:
    """A note for each project (项目名称, 主管部门, 实施单位 and 年度 alike: ``project_key``)
    with several tables left in the workbook — they differ, or ``_without_copies`` would
    have kept one: a 初稿 beside its 修改稿, or a sheet copied for another project whose
    项目名称 was never changed (then its sheet's name names the other project: said too).
    Each is checked and counted; a reviewer is to ask which one stands."""
    groups: dict[tuple[object, ...], list[SelfEvaluation]] = {}
    for table in tables:
        project = table.project
        key = project_key(project.name, project.department, project.unit)
        if key is not None:
            groups.setdefault((*key, project.year), []).append(table)
    for group in groups.values():
        if len(group) < 2:
            continue
        name = group[0].project.name
        sheets = Counter(table.sources["header"].sheet for table in group)
        shared = [table for table in group if sheets[table.sources["header"].sheet] > 1]
        places = _places(group, shared, document)
        note = (f"项目“{name}”在本文件中有 {len(group)} 张内容不同的表（"
                + ("" if places[0].startswith("（") else "工作表") + "、".join(places)
                + "），各自校验、计数，请确认以哪一份为准")
        for table in group:
            sheet = table.sources["header"].sheet
            named = None if _in_document(table, document) else name_from_sheet(sheet, table.project)
            if named is not None and not _alike(named, name):
                note += (f"；工作表“{sheet}”的名称是另一个项目，表中项目名称却写“{name}”："
                         "是否复制后没有改项目名称？")
        notes.append(note)


def _alike(one: str, other: str | None) -> bool:
    """Whether two names of a project may be one (the one within the other: a sheet's
    short name, 低保资金, for 城乡低保资金)."""
    one, other = compact_text(one), compact_text(other)
    return one in other or other in one


def _without_copies(tables: list[SelfEvaluation], notes: list[str],
                    document: DocumentPlaces | None = None) -> list[SelfEvaluation]:
    """The tables less those that repeat another cell for cell — on another sheet (a sheet
    copied as “Sheet1 (2)”, kept as “上年度” or as “（初稿）” beside the one submitted, a
    打印版 sheet gathering every project's table) or on the same one (the table pasted
    twice, one below or beside the other): checked and counted once, where the unit
    corrects it (``_kept``), the first there."""
    groups: dict[tuple[object, ...], list[SelfEvaluation]] = {}
    for table in tables:
        groups.setdefault(declared_content(table), []).append(table)
    on_sheet = Counter(table.sources["header"].sheet for table in tables)
    dropped = set()
    for group in groups.values():
        if len(group) < 2:
            continue
        kept = _kept(group, on_sheet)
        kept_sheet = kept.sources["header"].sheet
        for table in group:
            sheet = table.sources["header"].sheet
            if table is kept:
                continue
            if sheet == kept_sheet:
                note = _pasted_twice(table, kept, document)
            elif on_sheet[sheet] > 1 and on_sheet[kept_sheet] == 1:
                note = (f"工作表“{sheet}”中表头在 {table.sources['header'].cell} 的表与"
                        f"“{kept_sheet}”上的表完全相同（“{sheet}”汇集了 {on_sheet[sheet]} 张表），"
                        f"只校验、统计一次：以“{kept_sheet}”上的为准")
            else:
                note = (f"工作表“{sheet}”上的表与“{kept_sheet}”上的表完全相同（复制的工作表），"
                        "只校验、统计一次" + _other_project(sheet, kept_sheet, kept))
            if note not in notes:  # a copied sheet of several tables: one note
                notes.append(note)
        dropped.update(id(table) for table in group if table is not kept)
    return [table for table in tables if id(table) not in dropped]


def _kept(group: list[SelfEvaluation], on_sheet: Counter[str]) -> SelfEvaluation:
    """Of tables alike cell for cell, the one checked: the copy the unit corrects — the
    later draft (（修改稿） over （初稿）, ``draft_order``), on a sheet whose name does not
    say it is a copy (“Sheet1”, not “Sheet1 (2)”, “上年度”), on a sheet of its own (a
    project's sheet, not a 打印版 gathering every project's table); then the first."""
    def rank(table: SelfEvaluation) -> tuple[int, bool, bool]:
        sheet = table.sources["header"].sheet
        return -draft_order(sheet), bool(_COPY_NAME.search(sheet)), on_sheet[sheet] > 1

    return min(group, key=rank)  # (min keeps the first of equals)


def _other_project(sheet: str, kept_sheet: str, kept: SelfEvaluation) -> str:
    """What a copy's note adds where the table names no project and the two sheets' names
    name two (a 部门's sheet per project: “就业见习补贴项目” copied from “职业技能培训补助
    项目” and never filled in) — the same table twice is still one table, but say so."""
    if kept.project.name is not None:
        return ""
    names = [name_from_sheet(name, kept.project) for name in (sheet, kept_sheet)]
    if None in names or names[0] == names[1]:
        return ""
    return (f"；两个工作表名是不同的项目，“{sheet}”的表是否复制后还没有按本项目填写？"
            "请核对后再提交")


def _pasted_twice(table: SelfEvaluation, kept: SelfEvaluation,
                  document: DocumentPlaces | None) -> str:
    """The note of a table that repeats ``kept`` on its sheet: each named by its header's
    cell — a document's, by its place in the document (第2个表格)."""
    named, kept_named = _in_document(table, document), _in_document(kept, document)
    if named and kept_named:
        where = f"{named}与{kept_named}"
    else:
        where = (f"工作表“{kept.sources['header'].sheet}”中表头在 {table.sources['header'].cell} "
                 f"的表与表头在 {kept.sources['header'].cell} 的表")
    return f"{where}完全相同（同一张表粘贴了两次），只校验、统计一次"


_COPY_NAME = re.compile(r"\(\d+\)\s*$|上年|去年|备份|副本|复制|copy", re.IGNORECASE)


_EXAMPLE_WORDS = ("示例", "样例", "范例", "填表说明", "填报说明")
# A sheet of the form's instructions, its example table beside the one filled in
_INSTRUCTION_SHEETS = ("样表", "填表要求", "填报要求", "编制说明", "填写说明", "填报须知")


def _targets_message(name: str) -> str:
    return (f"“{name}”是绩效目标表（只有年度指标值，没有实际完成值和得分），不是自评表："
            "请提交填好实际完成值和得分的项目支出绩效自评表")


_TARGETS_TITLE = re.compile(r"绩效目标(?:申报)?表")


def _titled_targets(grids: list[Grid]) -> bool:
    """Whether a workbook without any table is titled a 绩效目标表 (项目绩效目标表,
    绩效目标申报表) and says 自评 or 完成值 nowhere but in a note or a sentence (填报说明：
    完成值及得分在年度自评时填写。 tells what comes later): a 目标表 whose header has no
    分值 (宁乡 2021: 一级 | 二级 | 指标内容 | 指标值 | 备注)."""
    texts = [text for grid in grids for text in grid.texts.values() if not _is_instruction(text)]
    return any(len(text) <= 30 and _TARGETS_TITLE.search(text) for text in texts) \
        and not any("自评" in text or "完成值" in text for text in texts)


def _restates(unscored: SelfEvaluation, scored: list[SelfEvaluation]) -> bool:
    """Whether a table without 分值 and 得分 may restate a scored one of the workbook (a
    report's 绩效完成表): not when it names another project, or another year."""
    year = unscored.project.year
    for table in scored:  # a name left out is alike any (_alike: "" is in every name)
        if _alike(unscored.project.name or "", table.project.name) \
                and (year is None or table.project.year in (None, year)):
            return True
    return False


def _targets_only(table: SelfEvaluation) -> bool:
    """A 绩效目标表 (the year's targets as planned): 指标值 and 分值, no 完成值 nor 得分."""
    return "target" in table.columns and not {"actual", "score"} & set(table.columns)


def _is_example(table: SelfEvaluation) -> bool:
    """A table given as an example (a 填表说明 sheet's 示例 rows): on a sheet named so, or
    every indicator's name marked (（示例）培训人次)."""
    sheet = table.sources["header"].sheet
    names = [indicator.name or "" for indicator in table.indicators]
    return any(word in sheet for word in (*_EXAMPLE_WORDS, *_INSTRUCTION_SHEETS)) \
        or sheet.strip() == "说明" \
        or any(word in (table.project.name or "") for word in _EXAMPLE_WORDS) or (
            bool(names) and all(any(word in name for word in _EXAMPLE_WORDS) for name in names))


# The words of a block's heading left of (or over) the indicator header: 湖北's
# 年度绩效目标1（40分） / 年度绩效目标2（40分）, 绩效指标（80分）, 年度绩效指标（80分）
def _in_document(table: SelfEvaluation, document: DocumentPlaces | None) -> str | None:
    """The document's table ``table`` was read from (第2个表格), or None: no document."""
    header = table.sources["header"]
    return document.table_of(header.sheet, header.cell) if document is not None else None


def _sheets(tables: list[SelfEvaluation], document: DocumentPlaces | None) -> list[str]:
    """Where each of ``tables`` is, for a note: its sheet — a document's table, in one."""
    named = [_in_document(table, document) for table in tables]
    if all(named):
        return list(dict.fromkeys(f"（{name}）" for name in named))
    return sorted({f"“{table.sources['header'].sheet}”" for table in tables})


def _places(tables: list[SelfEvaluation], kept: list[SelfEvaluation],
            document: DocumentPlaces | None = None) -> list[str]:
    """Where each of ``tables`` is, for a note: its sheet, and its header's cell where a
    table kept is on the same sheet; a document's table (第2个表格), in one."""
    kept_sheets = {table.sources["header"].sheet for table in kept}
    places = []
    for table in tables:
        header = table.sources["header"]
        named = _in_document(table, document)
        place = f"（{named}）" if named else f"“{header.sheet}”" + (
            f"（{header.cell}）" if header.sheet in kept_sheets else "")
        if place not in places:
            places.append(place)
    return places


