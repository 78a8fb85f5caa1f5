"""Reading a submitted workbook, whatever its layout (docs/domain.md §4): the entry of
``read/``, file → sheets → tables.

``read_workbook(path)`` opens a workbook (.xlsx/.xlsm; .xls/.xlsb/.ods by value), finds every
self-evaluation table in every sheet by its header text — never by coordinates — and returns
each as a ``SelfEvaluation`` (``jixiao.model``), with the cell facts the checks use. Several tables in one workbook (one per sheet,
or stacked) each become a table. What cannot be opened raises ``UnreadableWorkbook``; a
workbook without any table ``NotASelfEvaluation`` — both with a Chinese message naming the
file.

The cells come from a pluggable source, one ``SheetCells`` per worksheet: python-calamine
(``jixiao.xlsx.cells``, the default) or openpyxl (the reference,
``jixiao.xlsx.openpyxl_cells``, ``engine="openpyxl"``). Tables are found in ``SheetCells``
only, so both give the same tables; the fast source hands a file to openpyxl whenever it
cannot be sure. Then: ``read.grid`` → ``read.headers`` → ``read.indicators``,
``read.project``, ``read.money``.

Over 400 lines: opening the file (engines, embedded workbooks) and putting a table's parts
together (a header printed again, the next block, the next page, each with the lines a page
break prints between) are one flow over the same ``Found`` headers; split, each half would
import the other's private helpers."""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from jixiao import levels, native
from jixiao.errors import NotASelfEvaluation, UnreadableWorkbook, sheet_part_missing
from jixiao.layout import COLUMN
from jixiao.model import (
    HELPERS_MISSING,
    HIDDEN_ROW,
    NOT_APPLICABLE_ROW,
    SHOWN_ERROR,
    DocumentPlaces,
    EmbeddedPlaces,
    ExternalContent,
    Funds,
    Indicator,
    SelfEvaluation,
    Sources,
    Subtotal,
    plain_text,
    without_levels,
)
from jixiao.parsing import compact_text, heading_points
from jixiao.read.deductions import read_deductions
from jixiao.read.documents import table_stop
from jixiao.read.grid import Grid, NotedCells, Place, note, points_at, row_column
from jixiao.read.headers import Found, Header, find_headers, hidden_duplicates, layout_of
from jixiao.read.indicators import group_heading, levels_from_below, read_indicators
from jixiao.read.merged_points import split_merged_points
from jixiao.read.money import (
    MoneyBlock,
    apply_money,
    execution_weight,
    find_money,
    money_outside,
    read_as_template,
    unread_money_header,
)
from jixiao.read.project import (
    name_from_sheet,
    project_on,
    project_outside,
    read_goal_among_rows,
    read_project,
    rules_from_workbook,
    take_outside,
    take_results,
    template_rules_cell,
    title_names_project,
    year_above,
    year_below,
    year_from_names,
    year_from_project_name,
)
from jixiao.read.report_sheets import report_sheets
from jixiao.read.roles import (
    PAGE_NUMBER,
    is_between_rows,
    is_continued_line,
    is_page_mark,
    nothing_between,
)
from jixiao.read.selection import kept_tables, mark_kind, mark_listed_projects, no_table
from jixiao.read.shares import read_shares, read_weight_shares
from jixiao.read.split_sheets import IndicatorHalf, paired_money
from jixiao.read.statements import read_report_text, read_sheet_text
from jixiao.read.totals import settle_weight_total
from jixiao.rules import rule_set
from jixiao.xlsx.book import (
    count_rows,
    defined_cells,
    jx_name_sheets,
    read_bytes,
    refuse_lock_file,
    sheet_parts,
    sniff,
)
from jixiao.xlsx.foreign import foreign_format, foreign_sheets, is_excel_97
from jixiao.xlsx.foreign_layout import template_names
from jixiao.xlsx.guard import check_package
from jixiao.xlsx.limits import Limits
from jixiao.xlsx.openpyxl_cells import (
    for_openpyxl,
    openpyxl_sheets,
    sheet_formulas,
    with_cell_references,
    with_error_types,
    with_stand_in_titles,
    without_empty_cells,
)
from jixiao.xlsx.refs import column_letters, split_ref
from jixiao.xlsx.sheet import SheetCells
from jixiao.xlsx.strict import is_strict, transitional

ENGINES = ("auto", "calamine", "openpyxl")


@dataclass
class SubmittedWorkbook:
    """Everything read from one file."""

    path: Path
    tables: list[SelfEvaluation]
    notes: list[str] = field(default_factory=list)  # sheets skipped and why, in Chinese
    # The workbook asks to be recalculated on opening (fullCalcOnLoad) and stores results
    # of formulas: Excel shows what they compute, not these (0 from xlsxwriter, a template's
    # old results from Apache POI) — ``pipeline`` reads it again as opened.
    calculate_on_load: bool = False
    # Read as opened (``pipeline.read_as_opened``): the copy read, and the SHA-256 of the
    # file it was computed from — the annotated copy stores these results, not computed again
    opened: tuple[str, bytes] | None = None


def read_workbook(path: str | Path, *, max_rows: int | None = None,
                  engine: str = "auto", data: bytes | None = None,
                  limits: Limits | None = None) -> SubmittedWorkbook:
    """Every self-evaluation table of the workbook at ``path``.

    A sheet of more than ``max_rows`` rows (default ``Limits.max_rows``,
    ``JIXIAO_MAX_ROWS``) is skipped: a ledger or an export, not a table.

    ``engine``: "auto" and "calamine" read the cells with python-calamine where it
    gives what openpyxl gives, else with openpyxl; "openpyxl" always uses openpyxl.
    ``data``: the file's content, when the caller has read it (a batch worker);
    ``limits``: the ``Limits`` the caller read (default: from the environment).
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}")
    path = path if isinstance(path, Path) else Path(path)  # a Path is parsed once
    data, limits = read_bytes(path, data, limits)
    refuse_lock_file(path, data)
    max_rows = limits.max_rows if max_rows is None else max_rows
    kind = foreign_format(data)
    if kind is not None:
        if kind in ("ods", "xlsb", "docx"):  # bombs, DTDs: before calamine or wordtable
            check_package(path, data, limits, ods=kind == "ods")
        sheets, notes, hidden, too_long, defined = foreign_sheets(path.name, data, kind,
                                                                  max_rows)
        if kind in ("docx", "doc"):
            return _word_document(path, data, kind, sheets, notes, too_long, limits, engine,
                                  max_rows)
        # jixiao's template, 另存为 .xls/.ods: its JX_ names and the cell JX_Rules names
        names, rules_cell = template_names(defined)
        found = _workbook(path, sheets, notes, too_long, names, [], hidden,
                          {None: rules_cell} if rules_cell is not None else None)
        for table in found.tables:
            table.values_only = True
        return found
    sniff(path, data)
    # zip bombs, DTDs, too many cells: before any parser; the parts it unpacked are kept
    # (a worksheet over a limit of its own is skipped below, not refused)
    package = check_package(path, data, limits, keep=True, skip_sheets=True)
    archive = package.contents  # a zip (sniff), so kept: its XML parts are read from here
    assert archive is not None
    if is_strict(archive.namelist(), archive.read):  # read as the .xlsx it maps onto
        data, package = transitional(path, package, limits)
        archive = package.contents
        assert archive is not None
    with archive:
        parts = sheet_parts(path, archive, package.relationships)
        notes: list[str] = []
        too_big: set[str] = set(package.oversized)
        for sheet, part in parts.items():
            if part in package.oversized:
                what, variable = package.oversized[part]
                notes.append(f"工作表“{sheet}”{what}，已跳过（可设置环境变量 {variable} 调高）")
                continue
            if archive.getinfo(part).file_size < 5 * (max_rows + 1):
                continue  # too short for more rows: a <row> tag takes 5 bytes
            rows = count_rows(path, archive, part, limits)
            if rows > max_rows:
                too_big.add(part)
                notes.append(f"工作表“{sheet}”有 {rows} 行，超过 {max_rows} 行的上限，已跳过"
                             "（可设置环境变量 JIXIAO_MAX_ROWS 调高）")
        named = jx_name_sheets(archive)
        rules_cells = defined_cells(archive, "JX_Rules") if named else {}
        sheets = None
        if engine != "openpyxl":
            from jixiao.xlsx.cells import calamine_sheets

            sheets = calamine_sheets(data, archive, {sheet: part for sheet, part in parts.items()
                                                     if part not in too_big})
        if sheets is None:
            # each cell with its reference (its formula is keyed by it); openpyxl makes an
            # object of every empty formatted cell: left out when many
            replaced = {}
            for part in parts.values():
                if part not in too_big:
                    content = archive.read(part)
                    sheet = with_error_types(with_cell_references(content))
                    if package.formatted > _MANY_EMPTY_CELLS:
                        sheet = without_empty_cells(sheet)
                    if sheet is not content:
                        replaced[part] = sheet
            formulas = {sheet: sheet_formulas(archive, part, replaced.get(part))
                        for sheet, part in parts.items() if part not in too_big}
            titles: dict[str, str] = {}
            if parts.workbook in archive.namelist():  # sheet names openpyxl refuses
                renamed = with_stand_in_titles(archive.read(parts.workbook))
                if renamed is not None:
                    replaced[parts.workbook], titles = renamed
            source = io.BytesIO(for_openpyxl(archive, too_big, replaced) or data)
    if sheets is None:
        sheets = openpyxl_sheets(path, source, formulas, titles)
    for sheet, member in parts.missing:
        notes.append(f"工作表“{sheet}”的内容（{member}）不在文件中（文件已损坏），未读取")
    try:
        found = _workbook(path, sheets, notes, bool(too_big), named, package.external,
                          parts.hidden, rules_cells)
    except NotASelfEvaluation:
        if parts.missing:  # the table may be what is missing: the file is damaged, not "no table"
            raise sheet_part_missing(path.name, *parts.missing[0]) from None
        raise
    found.calculate_on_load = parts.calculate_on_load and any(
        cached for sheet in sheets for _, cached in sheet.formulas.values())
    return found


_MANY_EMPTY_CELLS = 50_000  # empty formatted cells openpyxl need not make: a sheet's worth

_BLOCK_WORDS = ("目标", "指标")


def _block_points(grid: Grid, header: Header, first: int, table: SelfEvaluation) -> None:
    """A block's points its heading states (湖北: `年度绩效目标1（40分）` in the column left of
    一级指标, merged down over the block, its header printed again for the next block; or
    `年度绩效指标（80分）` in a row of its own right above the header): kept as a subtotal
    (sources["block"]) of the indicators read under this header from index ``first``, for
    JX103 to compare (their 分值, or, without a 分值 column, their 得分 at most its points)."""
    members = table.indicators[first:]
    if not members:
        return
    leftmost = min(header.columns.values())
    cells = [(row, column) for row in range(header.top, header.row + 1)
             for column in grid.rows.get(row, ()) if column < leftmost]
    above = grid.rows.get(header.top - 1, ())
    if len(above) == 1:  # a heading across the table, alone in its row
        cells.append((header.top - 1, above[0]))
    for row, column in cells:
        text = grid.values.get((row, column))
        if not isinstance(text, str):
            continue
        name, stated = heading_points(text)
        if stated is None or stated <= 0 or not any(word in name for word in _BLOCK_WORDS):
            continue
        place = note(table, grid, row, column)
        table.subtotals.append(Subtotal(name, stated, None, list(members),
                                        Sources({"weight": place, "heading": place,
                                                 "block": place})))
        return


def _column_blocks(grid: Grid, header: Header, first: int, table: SelfEvaluation) -> None:
    """The block headings of a column beside the 一级's under one 一级 header (湖北 市县:
    项目绩效85分 merged down over the rows of 产出/效益/满意度, ``Header.block``): each
    heading that states its points is kept as a subtotal (sources["block"]) of the rows
    beside it, as ``_block_points`` keeps a heading left of the header."""
    if header.block is None:
        return
    blocks: dict[tuple[int, int], list[Indicator]] = {}
    current: tuple[int, int] | None = None  # a heading written once goes on down (unmerged)
    for indicator in table.indicators[first:]:
        source = indicator.sources.get("name")
        if source is None or source.sheet != grid.name:
            continue
        row = split_ref(source.cell)[0]
        cell = grid.origin.get((row, header.block), (row, header.block))
        text = grid.values.get(cell)
        if isinstance(text, str) and (current is None or text != grid.values.get(current)):
            current = cell  # (the same heading written again on each row: still one block)
        if current is not None:
            blocks.setdefault(current, []).append(indicator)
    for (row, column), members in blocks.items():
        name, stated = heading_points(grid.values[(row, column)])
        if stated is None or stated <= 0:
            continue
        place = note(table, grid, row, column)  # a part of the form (``form_parts``)
        table.subtotals.append(Subtotal(name, stated, None, members,
                                        Sources({"weight": place, "heading": place,
                                                 "block": place, "part": place})))


def _level_points(grid: Grid, weights: dict[str, int], scores: dict[str, int],
                  table: SelfEvaluation) -> None:
    """一级 | 分值 | 二级 | 分值 | 三级 | 分值 (一级 | 分值 | 得分 | 二级 | 三级 | 分值 | 得分):
    the points (and score) beside each 一级 (二级) heading, at its first row, kept as a
    subtotal of the rows under it for JX103 to compare — the rows of one merged heading
    cell, or of the same heading written on each row."""
    for level in dict.fromkeys((*weights, *scores)):
        runs: list[list[Indicator]] = []
        previous: Indicator | None = None
        for indicator in table.indicators:
            text = getattr(indicator, level)
            if text and previous is not None and getattr(previous, level) == text \
                    and previous.level1 == indicator.level1:
                runs[-1].append(indicator)
            elif text:
                runs.append([indicator])
            previous = indicator
        for members in runs:
            source = members[0].sources.get(level)
            if source is None or source.sheet != grid.name:
                continue
            row = split_ref(source.cell)[0]
            weight = points_at(grid, row, weights[level]) if level in weights else None
            score = points_at(grid, row, scores[level]) if level in scores else None
            if weight is None and score is None:
                continue
            sources = {"heading": source}
            for role, value, columns in (("weight", weight, weights), ("score", score, scores)):
                if value is not None:
                    sources[role] = note(table, grid, row, columns[level])
            table.subtotals.append(Subtotal(getattr(members[0], level), weight, score, members,
                                            Sources(sources)))


def _workbook(path: Path, sheets: list[SheetCells], notes: list[str], too_big: bool,
              named: frozenset[str], external: list[ExternalContent],
              hidden: frozenset[str] = frozenset(),
              rules_cells: dict[str | None, tuple[str, str]] | None = None
              ) -> SubmittedWorkbook:
    """The tables found in the sheets read, whatever format they came from.
    ``named``: the sheets jixiao's template's names (JX_…) refer to — with the sheets whose
    formulas call its functions, the template's; a sheet typed by hand beside them is read
    as any other (its hidden rows last year's, its typed cells no formulas overwritten).
    ``rules_cells``: (sheet, cell) of the template's 评分规则 cell (its JX_Rules name) by the
    name's scope (None: the workbook's; a sheet's name: that sheet's own)."""
    rules_cells = rules_cells or {}
    grids = [Grid(sheet) for sheet in sheets]
    templates = named | {grid.name for grid in grids
                         if any("JX_" in formula.upper() for formula in grid.formulas.values())}
    tables = find_tables(grids, path.name, templates, hidden)
    if not tables:
        raise no_table(path.name, grids, notes, too_big)
    document = next((DocumentPlaces(grid.name, tuple((found.first, found.starts)
                                                     for found in grid.tables),
                                    held=tuple(found.places for found in grid.tables))
                     for grid in grids if grid.tables), None)
    found = tables
    tables = kept_tables(path.name, tables, notes, hidden, document)
    for table in tables:
        sheet = table.sources["header"].sheet
        table.file = str(path)
        table.template = sheet in templates
        table.locked_formulas = sheet in named
        table.document = document
        if table.locked_formulas:
            levels_from_below(table)
        if table.template:
            read_as_template(table)
            _note_shown_errors(table, grids)
            _note_missing_helpers(table, grids)
        rules_cell = rules_cells.get(sheet, rules_cells.get(None))
        if rules_cell is not None and table.template:
            template_rules_cell(grids, rules_cell, table,
                                frozenset(rules_cells.values()) - {rules_cell})
        if table.project.year is None:  # no 年度 above the table: 评价年度：2024 under it,
            # its project's name (2021年随州市…项目)
            table.project.year = _year_under(table, grids) \
                or year_from_project_name(table.project.name)
    report = [table for table in tables if document is not None
              and table.sources["header"].sheet == document.sheet]
    if len(report) == 1:  # a 自评报告 around its one 自评表: its conclusion, its reasons
        read_report_text(next(grid for grid in grids if grid.name == document.sheet), report[0])
    for table in tables:
        if table.project.year is None:  # the one year of the tables above or below it on
            # its sheet (a second table pasted from 项目名称 down), else its sheet's or file's name
            sheet = table.sources["header"].sheet
            years = {other.project.year for other in tables
                     if other.sources["header"].sheet == sheet and other.project.year}
            table.project.year = (years.pop() if len(years) == 1 else None) \
                or year_from_names(sheet, path.stem)
    for table in tables:
        sheet = table.sources["header"].sheet
        if table.project.name is None and document is None \
                and sum(other.sources["header"].sheet == sheet for other in tables) == 1:
            # a 部门's workbook of one sheet per project, the table without 项目名称: the
            # sheet's name, where it names one (not Sheet1, 自评表, 表1)
            table.project.name = name_from_sheet(sheet, table.project)
    if document is None:  # a report on the one table on a sheet of its own (自评结论)
        for grid in report_sheets(grids, found, tables, hidden):
            read_sheet_text(grid, tables[0])
    tables[0].external = external  # the workbook's, reported once
    notes.extend(_hidden_rows_note(table) for table in tables
                 if any(key.startswith(HIDDEN_ROW) for key in table.sources))
    notes.extend(_not_applicable_note(table) for table in tables
                 if any(key.startswith(NOT_APPLICABLE_ROW) for key in table.sources))
    notes.extend(note for table in tables for grid in grids
                 if grid.hidden_columns and grid.name == table.sources["header"].sheet
                 and (note := _hidden_columns_note(table, grid)))
    return SubmittedWorkbook(path, tables, notes)


def _hidden_columns_note(table: SelfEvaluation, grid: Grid) -> str | None:
    """What the reviewer is told of the hidden header columns passed over for a shown
    column of the same role (last year's 实际完成值 hidden beside this year's)."""
    row = split_ref(table.sources["header"].cell)[0]
    passed = hidden_duplicates(grid, row)
    if not passed:
        return None
    def why(hidden: int, shown: int) -> str:
        text, beside = grid.texts[(row, hidden)], grid.texts[(row, shown)]
        if text == beside:
            return f"{column_letters(hidden)} 列（“{text}”）是隐藏列，表头与显示的列相同"
        return (f"{column_letters(hidden)} 列（“{text}”）是隐藏列，与显示的 {column_letters(shown)} 列"
                f"（“{beside}”）读作同一栏目，读显示的一列")

    said = "；".join(why(hidden, shown) for hidden, shown in passed.items())
    return (f"工作表“{grid.name}”{said}，未读取；"
            "若其中是本年的数据，请取消隐藏后再校验")


def _hidden_rows_note(table: SelfEvaluation) -> str:
    """What the reviewer is told of the hidden rows left out of a table's indicators."""
    places = [table.sources[key] for key in table.sources if key.startswith(HIDDEN_ROW)]
    names = [plain_text(table.cell(place).value) for place in places
             if table.cell(place) is not None and table.cell(place).value is not None]
    rows = "、".join(str(split_ref(place.cell)[0]) for place in places)
    quoted = "、".join(f"“{name}”" for name in names[:3])
    what = f"（{quoted}{' 等' if len(names) > 3 else ''}）" if names else ""
    return (f"工作表“{places[0].sheet}”第 {rows} 行是隐藏行{what}，不显示也不打印，"
            "未读取；若其中是本年的指标或资金，请取消隐藏后再校验")


def _not_applicable_note(table: SelfEvaluation) -> str:
    """What the reviewer is told of the rows marked 不适用 left out of a table's indicators."""
    places = [table.sources[key] for key in table.sources if key.startswith(NOT_APPLICABLE_ROW)]
    names = "、".join(f"“{plain_text(table.cell(place).value)}”" for place in places[:3]
                     if table.cell(place) is not None)
    cells = "、".join(place.cell for place in places[:3])
    where = f"工作表“{places[0].sheet}”"
    if isinstance(table.document, DocumentPlaces):  # a Word table's cells, as findings name them
        where, cells = "", "、".join(table.document.place(place.sheet, place.cell) or place.cell
                                    for place in places[:3])
    more = " 等" if len(places) > 3 else ""
    return (f"{where}{cells}{more}{names}标为不适用（分值、得分写“不适用”、"
            "“/”或 0，没有指标值和完成值），未作为指标读取")


def _note_shown_errors(table: SelfEvaluation, grids: list[Grid]) -> None:
    """Note, under ``SHOWN_ERROR``, every formula cell of a template's table showing an error
    value: in its rows (the money block to the 等级) and its columns up to 是否达成 that are
    not hidden (the hidden helpers are no cell a clerk sees)."""
    sheet = table.sources["header"].sheet
    grid = next((grid for grid in grids if grid.name == sheet), None)
    sources = [*table.sources.values(),
               *(source for line in (table.funds.total, *table.funds.parts)
                 for source in line.sources.values()),
               *(source for indicator in table.indicators for source in indicator.sources.values())]
    rows = [row_column(source.cell)[0] for source in sources if source.sheet == sheet and source.cell]
    if grid is None or not rows:
        return
    first, last, right = min(rows), max(rows), row_column(f"{COLUMN['met']}1")[1]
    for row, column in sorted(grid.formulas):
        if first <= row <= last and column <= right and column not in grid.hidden_columns \
                and grid.info(row, column).error:
            place = note(table, grid, row, column)
            table.sources[SHOWN_ERROR + grid.source(row, column).cell] = place  # type: ignore[assignment]


def _note_missing_helpers(table: SelfEvaluation, grids: list[Grid]) -> None:
    """Note, under ``HELPERS_MISSING``, each 得分 of a native template whose formula reads
    hidden helper cells of its row that hold no formula (``native.helpers_missing``): a row
    inserted and given only the visible cells (D:K) of the row above."""
    grids_by_name = {grid.name: grid for grid in grids}
    for indicator in table.indicators:
        source = indicator.sources.get("score")
        grid = grids_by_name.get(source.sheet) if source is not None else None
        if grid is None:
            continue
        row, column = row_column(source.cell)
        formulas = grid.formulas
        if native.helpers_missing(formulas.get((row, column)), row,
                                  lambda ref, formulas=formulas: row_column(ref) in formulas):
            table.sources[HELPERS_MISSING + source.cell] = note(table, grid, row, column)  # type: ignore[assignment]


def _year_under(table: SelfEvaluation, grids: list[Grid]) -> int | None:
    """评价年度：2024年 written in the rows under the table's last row (its 等级, 总分 or
    last indicator), on its sheet."""
    sheet = table.sources["header"].sheet
    grid = next((grid for grid in grids if grid.name == sheet), None)
    sources = [*table.sources.values(),
               *(source for indicator in table.indicators for source in indicator.sources.values())]
    rows = [int(source.cell.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")) for source in sources
            if source.sheet == sheet and source.cell]
    return year_below(grid, max(rows)) if grid is not None and rows else None


EMBEDDED = "文档中嵌入的 Excel 工作表"


def _word_document(path: Path, data: bytes, kind: str, sheets: list[SheetCells],
                   notes: list[str], too_long: bool, limits: Limits, engine: str,
                   max_rows: int) -> SubmittedWorkbook:
    """The tables of a Word document (.docx, or .doc: ``kind``): those typed as its
    tables, and those of the Excel worksheets embedded in it as objects
    (``wordtable.embedded_objects``, ``doctable.embedded_objects``; ``_is_workbook``) —
    each read as a workbook of its own, with every check a workbook's package gets (a zip
    bomb in one is refused), its findings placed in "文档中嵌入的 Excel 工作表“Sheet1”!H6"."""
    if kind == "doc":
        from jixiao.xlsx.doctable import embedded_objects
    else:
        from jixiao.xlsx.wordtable import embedded_objects  # (only for a Word document)

    embedded = [(part, content) for part, content in embedded_objects(path.name, data)
                if _is_workbook(content)]
    if not embedded:
        return _workbook(path, sheets, notes, too_long, frozenset(), [])
    try:
        own = _workbook(path, sheets, notes, too_long, frozenset(), [])
        tables, notes = list(own.tables), list(own.notes)
        missing: NotASelfEvaluation | None = None
    except NotASelfEvaluation as error:  # the 自评表 is the object's
        tables, missing = [], error
    refused: UnreadableWorkbook | None = None
    for number, (part, content) in enumerate(embedded, start=1):
        label = EMBEDDED if len(embedded) == 1 else f"{EMBEDDED}（第{number}个）"
        inner = path.with_name(f"{path.name}中{label}（{part.rsplit('/', 1)[-1]}）")
        try:
            found = read_workbook(inner, data=content, engine=engine, limits=limits,
                                  max_rows=max_rows)
        except NotASelfEvaluation:
            continue
        except UnreadableWorkbook as error:  # too big, a bomb, damaged: not read
            refused = refused or error
            notes.append(f"{label}无法读取：{error}")
            continue
        for table in found.tables:
            table.document = EmbeddedPlaces(label)
        tables.extend(found.tables)
        notes.extend(found.notes)
    if not tables:
        raise refused or missing or no_table(path.name, [], notes, too_long)
    for table in tables:
        table.file = str(path)
    return SubmittedWorkbook(path, tables, notes)


def _is_workbook(content: bytes) -> bool:
    """Whether an embedded object is an Excel workbook by its bytes: a zip listing
    xl/workbook (an .xlsx, .xlsm), or an .xls (an Excel 97 object: OLE2 with a Workbook
    stream) — not a Word document or a presentation."""
    if content.startswith(b"PK"):
        return content.find(b"xl/workbook", max(0, len(content) - 65536)) >= 0
    return is_excel_97(content) and foreign_format(content) == "xls"


def read_tables(path: str | Path) -> list[SelfEvaluation]:
    """The tables of the workbook at ``path`` (see ``read_workbook``)."""
    return read_workbook(path).tables


def _drop_blank_points_column(table: SelfEvaluation) -> None:
    """A 分值 column left blank on every row, the points written only in the 二级 (or 一级)
    labels (“数量指标（20分）”), is read as no 分值 column (JX108; the labels' points
    bound their rows' 得分, JX103)."""
    if "weight" not in table.columns or not table.indicators:
        return
    if any(indicator.weight is not None for indicator in table.indicators):
        return
    if not any(heading_points(getattr(indicator, level))[1] is not None
               for indicator in table.indicators for level in ("level1", "level2")):
        return
    table.columns = table.columns - {"weight"}


def find_tables(grids: list[Grid], file_name: str, templates: frozenset[str] = frozenset(),
                hidden: frozenset[str] = frozenset()) -> list[SelfEvaluation]:
    """The tables of the sheets ``grids``; those on the sheets ``templates`` read as
    jixiao's template's."""
    found = find_headers(grids)
    tables: list[SelfEvaluation] = []
    money_by_table: list[MoneyBlock | None] = []
    titled: list[bool] = []  # whether each table's name is only its title's reading
    # the one project a 项目名称 column names on every row, and its first cell, by table
    column_names: list[tuple[str, Place] | None] = []
    previous_end: dict[Grid, int] = {}  # by grid: a sheet's bands side by side each
    kept: list[Found] = []  # one per table: a header printed again is its table's
    pages: list[Found] = []  # a table's rows going on on the next sheets
    heads: list[Grid] = []  # a band holding only a table's head, beside its indicators
    index = 0
    while index < len(found):
        item = found[index]
        grid = item.grid
        table = SelfEvaluation(file=file_name, template=grid.name in templates,
                               cells=NotedCells())
        table.columns = frozenset(item.header.columns)
        # its title, year, 项目名称: a page break may print them again over its rows
        heading = _head_lines(grid, previous_end.get(grid, 0) + 1, item.header.top)
        name_cell = (item.header.row, item.header.columns["name"])
        if name_cell not in grid.values and name_cell not in grid.origin:
            name_cell = (item.header.top, name_cell[1])  # 三级指标 above its row's 实际
        table.sources["header"] = (grid, *grid.origin.get(name_cell, name_cell))
        if "weight" in item.header.columns:  # the 分值/权重 heading: where JX101 points when
            weight_cell = (name_cell[0], item.header.columns["weight"])  # no 合计 row says
            if weight_cell not in grid.values and weight_cell not in grid.origin:
                weight_cell = (item.header.top, weight_cell[1])
            table.sources["weight_header"] = (grid, *grid.origin.get(weight_cell, weight_cell))
        # its 年度, read again with its project's facts: a sentence under its rows on another
        # year (自评结论 | 2023年自评得分90分) states nothing of it
        table.project.year = year_above(grid, previous_end.get(grid, 0) + 1, item.header.top)
        item.end = read_indicators(grid, item.header, _rows_stop(found, index, heading), table)
        _block_points(grid, item.header, 0, table)
        _column_blocks(grid, item.header, 0, table)
        index += 1
        while index < len(found) and _repeated(item, found[index], table, heading):
            read = len(table.indicators)
            item.end = read_indicators(grid, found[index].header,
                                       _rows_stop(found, index, heading), table)
            _block_points(grid, found[index].header, read, table)
            _column_blocks(grid, found[index].header, read, table)
            item.header.money = item.header.money or found[index].header.money
            index += 1
        _drop_blank_points_column(table)
        unweighted = "weight" not in table.columns
        block = item  # the block whose rows were read last
        while index < len(found) and _next_block(grids, block, found[index], table, hidden):
            read = len(table.indicators)  # the 绩效 block under the 决策/管理 block's
            later = found[index]
            later.end = read_indicators(later.grid, later.header, _next_header(found, index),
                                        table)
            _block_points(later.grid, later.header, read, table)
            _column_blocks(later.grid, later.header, read, table)
            table.columns |= frozenset(later.header.columns)
            unweighted = unweighted or "weight" not in later.header.columns
            if later.grid is grid:
                item.end = later.end
            else:  # on the next sheet (a PDF converted page by page)
                pages.append(later)
                block = later
            index += 1
        beside: list[Found] = []  # the table's rows going on in the band to its right
        while index < len(found) and _next_band(grids, block, found[index], table, heading):
            later = found[index]
            later.end = read_indicators(later.grid, later.header, _next_header(found, index),
                                        table)
            previous_end[later.grid] = later.end
            beside.append(later)
            pages.append(later)
            block = later
            index += 1
        if unweighted:  # a block without 分值: its points stand in its headings only
            table.columns -= {"weight"}
        if item.header.level_weights or item.header.level_scores:
            _level_points(grid, item.header.level_weights, item.header.level_scores, table)
        split_merged_points(grid, item.header.columns, table)
        for later in beside:
            split_merged_points(later.grid, later.header.columns, table)
        if "weight" not in table.columns and table.indicators and all(
                indicator.weight is not None for indicator in table.indicators):
            table.columns |= {"weight"}  # every name states its points (湖南 得分表): its 分值
        last = block
        while (page := _next_page(grids, last, found, index, table, hidden,
                                        heading)) is not None:
            stop = page.grid.max_row + 1
            if index < len(found) and page is found[index]:
                stop = _next_header(found, index)  # its header printed again on the page
                index += 1
            page.end = read_indicators(page.grid, page.header, stop, table)
            pages.append(page)
            last = page
        kept.append(item)
        top = previous_end.get(grid, 0) + 1
        previous_end[grid] = item.end
        # above the header's first row: a header over two rows names no project fact
        titled.append(read_project(grid, top, item.header.top, table, item.header.columns))
        mark_kind(grid, top, item.header.row + 1, table)  # a 监控表's, a 报告's
        # several projects' rows; one project's: its name, if the table names none
        column_names.append(mark_listed_projects(grid, item.header, item.end, table))
        read_goal_among_rows(grid, item.header.data_start, item.end + 1, table)
        money = find_money(grid, top, item.header.top)
        head = _head_band(grids, found, grid)
        if head is not None and money is None and not table.project.name:
            heads.append(head)  # the table's head in the band left of its indicators
            titled[-1] = read_project(head, 1, head.max_row + 1, table)
            money = find_money(head, 1, head.max_row + 1)
        if money is None and item.header.money is not None:  # below its indicators
            money = find_money(grid, item.header.money, item.end + 1)
        total = dict.get(table.sources, "total") or dict.get(table.sources, "weight_total")
        if money is None and type(total) is tuple and total[1] < item.end:  # a place
            money = find_money(grid, total[1] + 1, item.end + 1)  # between 总分 and 评分等级
        if money is None and (unread := unread_money_header(grid, top, item.header.top)):
            header_cell, label_cell = unread  # (JX307)
            table.sources["money_unread"] = note(table, grid, *header_cell)
            if label_cell is not None:
                table.sources["money_unread_label"] = note(table, grid, *label_cell)
        money_by_table.append(money)
        table.layout = layout_of(item.header.columns, [i.level1 or "" for i in table.indicators],
                                 any(i.level2 for i in table.indicators))
        tables.append(table)
    spare_money = money_outside([grid for grid in grids if grid not in heads], kept + pages)
    stated_rules = rules_from_workbook(grids) if tables else None  # the same for every table
    sole_money = [money for money in spare_money if not money.listed]
    on_sheet = Counter(item.grid.name for item in kept)  # a sheet's tables: one is its own
    # a money block alone on a sheet without a table: the money half of a table split
    # across sheets, whose project facts (and 总分) are that table's
    with_tables = {item.grid.name for item in kept + pages}
    money_sheets = {money.grid.name: project_on(money.grid) for money in sole_money
                    if money.grid.name not in with_tables}
    pairs: dict[int, MoneyBlock] = {}
    if len(sole_money) > 1:
        halves = {index: IndicatorHalf(table, item.grid.name, is_titled)
                   for index, (table, money, is_titled, item)
                   in enumerate(zip(tables, money_by_table, titled, kept, strict=True))
                   if money is None and on_sheet[item.grid.name] == 1}
        pairs = paired_money(halves, [money for money in sole_money
                                       if money.grid.name in money_sheets],
                             {sheet: compact_text(found.project.name) or None
                              for sheet, found in money_sheets.items()},
                             list(dict.fromkeys(grid.name for grid in grids)))
    spare_project = project_outside(grids, kept + pages,
                                    frozenset(money.grid.name for money in pairs.values()))
    for index, (table, money, is_titled, column_name, item) in enumerate(zip(
            tables, money_by_table, titled, column_names, kept, strict=True)):
        outside = spare_project
        if money is None and len(sole_money) == 1 and _money_of(sole_money[0], table, is_titled):
            money = sole_money[0]
        if money is None:
            money = pairs.get(index)
        own = money_sheets.get(money.grid.name) if money is not None else None
        if own is not None:  # the money sheet of a table split across sheets
            if money.project is None:  # not a list's line (项目名称 | … | 自评得分 over it)
                take_results(money.grid, own, table)
            if own.project.name or own.project.department:
                outside = own  # its name, not another pair's
        if money is None:
            alone = on_sheet[item.grid.name] == 1
            money = _listed_money(spare_money, table, item.grid.name if alone else None,
                                  is_titled)
        if money is not None:
            for key in ("money_unread", "money_unread_label"):  # the money found elsewhere
                table.sources.pop(key, None)
            apply_money(money, table)
            if money.project_cell is not None and (
                    table.project.name is None or len(tables) == 1 and is_titled):
                # a 资金情况 listing the one project (项目名称 | 全年预算数 …): its name
                # written as a name, over what a title leaves of itself (…评分附件表)
                table.project.name = str(money.grid.raw(*money.project_cell)).strip()
                table.sources["project_name"] = note(table, money.grid, *money.project_cell)
                is_titled = False
        else:
            table.funds = Funds(weight=None)
        if outside is not None:
            take_outside(table, outside, len(tables) == 1 and is_titled)
        if table.project.name is None and column_name is not None:  # 项目名称 | 一级 | …
            table.project.name = column_name[0]
            table.sources["project_name"] = note(table, *column_name[1])  # type: ignore[assignment]
        if table.layout == "sichuan" and not without_levels(table) \
                and _sichuan_money(money):  # unless the workbook says
            table.rules = rule_set("sichuan")
        if stated_rules is not None:
            table.rules, table.sources["rules"] = rule_set(stated_rules[0]), stated_rules[1]
        execution_weight(table, money is not None)
        read_weight_shares(table)
        read_shares(table)
        read_deductions(table)  # after: a 得分率 cell is no 得分 written as a share
        settle_weight_total(table)
    # A 绩效目标表 (指标值 and 分值, no 完成值 and no 得分 column) sent with the 自评表 is
    # the plan it is scored against, not a second self-evaluation; alone, it is read.
    evaluated = [table for table in tables if {"actual", "score"} & table.columns]
    return evaluated or tables


def _next_header(found: list[Found], index: int) -> int:
    """Where the rows under ``found[index]`` end at the latest: the first row of the next
    header in its sheet, or before it the next table of a document (Word, a web page)
    that does not go on from the header's own (``documents.table_stop``)."""
    item = found[index]
    stop = min((other.header.top for other in found[index + 1:] if other.grid is item.grid
                and other.header.top > item.header.row), default=item.grid.max_row + 1)
    return table_stop(item.grid, item.header, stop)


def _rows_stop(found: list[Found], index: int, heading: frozenset[tuple[str, ...]]) -> int:
    """Where the rows under ``found[index]`` end (``_next_header``) — before the lines a
    page break prints over the same header printed again (``_page_break``: the title,
    单位：万元, a page's number), which a converter without merged cells puts in the
    indicator columns, where they would read as indicators."""
    stop = _next_header(found, index)
    item = found[index]
    grid = item.grid
    later = next((other for other in found[index + 1:] if other.grid is grid
                  and other.header.top > item.header.row), None)
    if later is None or later.header.top != stop or later.header.columns != item.header.columns:
        return stop
    while stop - 1 > item.header.data_start and (
            stop - 1 not in grid.rows or _page_break(grid, stop - 1, heading)):
        stop -= 1
    return stop


def _next_page(grids: list[Grid], last: Found, found: list[Found], index: int,
               table: SelfEvaluation, hidden: frozenset[str],
               heading: frozenset[tuple[str, ...]] = frozenset()) -> Found | None:
    """Where the table read down to ``last`` goes on, on the next sheet — a PDF converted
    page by page puts each page on a sheet of its own (Table 1, Table 2 …): the table has
    no 总分 or 等级 row yet, nothing follows it on its sheet, and the next sheet begins
    with its header printed again (``found[index]``), or without a header with rows that
    read as indicators (or the 总分) under the columns of the header before — and is
    shown as the table's sheet is (or hidden as it is). Above them the page may print the
    table's title again, as it is over the first part or with 续, and its 项目名称 the
    same (``_reprinted``); another project's name (or amounts) there make another table.
    None if not."""
    if "total" in table.sources or "grade" in table.sources or "weight_total" in table.sources:
        return None
    grid = last.grid
    if not nothing_between(grid, last.end + 1, grid.max_row + 1):
        return None
    position = next(number for number, other in enumerate(grids) if other is grid)
    if position + 1 >= len(grids):
        return None
    page = grids[position + 1]
    if page.name == grid.name:
        return None  # the table beside it on its sheet (``find_headers``), no next page
    if (page.name in hidden) != (grid.name in hidden):
        return None  # a hidden sheet (last year's draft) is no page of a shown table
    if index < len(found) and found[index].grid is page:
        head = found[index]
        if set(head.header.columns) == set(last.header.columns) \
                and _reprinted(page, 1, head.header.top, heading):
            return head
        return None
    if any(other.grid is page for other in found):
        return None
    first = next((row for row in sorted(page.rows) if not _reprinted(page, row, row + 1, heading)),
                 None)
    if first is None:
        return None
    header = Header(first - 1, first, dict(last.header.columns), first - 1)
    trial = SelfEvaluation(file=table.file, template=table.template, cells=NotedCells())
    read_indicators(page, header, page.max_row + 1, trial)
    named = [i for i in trial.indicators if i.name and isinstance(i.weight, (int, float))]
    if "total" not in trial.sources and not named:
        return None
    if len(named) < len(trial.indicators) / 2:
        return None  # rows that do not read as indicators under these columns
    return Found(page, header)


def _repeated(item: Found, later: Found, table: SelfEvaluation,
              heading: frozenset[tuple[str, ...]] = frozenset()) -> bool:
    """Whether ``later`` is ``item``'s header printed again in the middle of its table, as
    a PDF or Word table converted to Excel repeats it after each page break: the same
    columns, nothing but the indicator rows read (and blank rows) between — or a page
    break's lines, the table's title printed again, a note at the page's foot (注：…,
    说明：…: ``_reprinted``) —, no 总分 or 等级 row read yet."""
    grid = later.grid
    if grid is not item.grid or later.header.columns != item.header.columns:
        return False
    if "total" in table.sources or "grade" in table.sources or "weight_total" in table.sources:
        return False
    if table_stop(grid, item.header, later.header.top + 1) <= later.header.top:
        return False  # another table of a document (another grid), not this one going on
    return _reprinted(grid, item.end + 1, later.header.top, heading)


def _page_break(grid: Grid, row: int, heading: frozenset[tuple[str, ...]]) -> bool:
    """Whether ``row`` is a line a page break prints between a table's rows: a page's
    number or 续表 (``_page_line``), a page header with the day printed (``_page_header``),
    or the table's ``heading`` printed again — as it stands there, or each cell one of its
    texts (brackets aside: 2024年度 for （2024年度）), a page's number or a page header's
    kind of text (``_PAGE_HEAD_TEXT``: a title naming no project, a year, a unit) — a
    converter without merged cells puts the page header's parts where they stand on the
    page, and a page header need not say what the first page's does — or the name of
    the group the rows after the break are of (满意度指标, 三、满意度指标（10分）, a 二级
    alone: 服务对象满意度指标; ``group_heading``), printed where another page says 续表."""
    line = _line(grid, row)
    if _page_line(grid, row) or _page_header(grid, row) or line in heading \
            or group_heading(grid, row) is not None:
        return True
    texts = {_bare(text) for heading_line in heading for text in heading_line}
    return all(_bare(text) in texts or is_page_mark(text) or (
        _PAGE_HEAD_TEXT.fullmatch(text) and not title_names_project(text)) for text in line)


def _bare(text: str) -> str:
    """A compact text without its brackets: （2024年度） as 2024年度."""
    return text.translate(_BRACKETS)


_BRACKETS = str.maketrans("", "", "()[]【】〔〕")
# A page header's text, whatever the first page's said: a title (某县水利局2024年度项目支出
# 绩效自评表, …自评表（续）), the year (（2024年度）, 2024年度, 年度：2024), the amounts' unit
# (单位：万元, 金额单位：元) or the unit filling it in (填报单位：某县水利局) — compact texts
_PAGE_HEAD_TEXT = re.compile(r".{0,40}自评表(?:\(续表?\)|\((?:19|20)\d{2}年度?\))?"
                             r"|\(?(?:19|20)\d{2}年度?\)?|\(?年度:?(?:19|20)\d{2}年?度?\)?"
                             r"|(?:金额|计量)?单位:?(?:人民币)?(?:万元|元|千元|亿元)"
                             r"|填报单位:.{1,30}")


# A bare page's number a page break prints above the header repeated (2, - 102 -); the
# other ways to write one are ``roles.is_page_mark``, its 续表 ``roles.is_continued_line``
_PAGE_LINE = re.compile(rf"-?{PAGE_NUMBER}-?")


def _page_line(grid: Grid, row: int) -> bool:
    """Whether ``row`` holds nothing but a page break's line (``_PAGE_LINE``, a page's
    number as ``roles.is_page_mark`` knows it: 第2页/共3页, Page 2, — 2 —)."""
    texts = [grid.texts.get((row, column), "") for column in grid.rows[row]]
    return len(texts) == 1 and bool(_PAGE_LINE.fullmatch(texts[0]) or is_page_mark(texts[0])
                                    or is_continued_line(texts[0]))


# A page header a PDF printer puts over each page: the day printed (打印日期：2024-03-28),
# alone or beside the unit's name (某县就业服务中心 | … | 2024/3/28)
_PRINTED_DAY = re.compile(r"(?:(?:打印|导出|制表|生成)?(?:日期|时间):)?\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?"
                          r"(?:\d{1,2}:\d{2}(?::\d{2})?)?")


def _page_header(grid: Grid, row: int) -> bool:
    """Whether ``row`` is a page header printed above the header repeated: a day it was
    printed (``_PRINTED_DAY``), and at most two other cells of short text without a number
    (the unit's name)."""
    texts = [compact_text(text) for text in _line(grid, row)]
    days = [text for text in texts if _PRINTED_DAY.fullmatch(text)]
    others = [text for text in texts if text and text not in days]
    return len(days) == 1 and len(others) <= 2 \
        and all(len(text) <= 30 and not any(ch.isdigit() for ch in text) for text in others)


def _line(grid: Grid, row: int) -> tuple[str, ...]:
    """A row's texts (compact), left to right."""
    return tuple(grid.texts.get((row, column), "") for column in grid.rows[row])


def _head_lines(grid: Grid, top: int, bottom: int) -> frozenset[tuple[str, ...]]:
    """The rows of text only (no amount) from ``top`` to ``bottom`` (excluded) above a
    table's header — its title, its year, 项目名称 | X —, each as ``_line``: what a page
    break may print again over the table's next rows."""
    return frozenset(_line(grid, row) for row in grid.rows if top <= row < bottom
                     and all(isinstance(grid.values.get((row, column)), str)
                             for column in grid.rows[row]))


def _reprinted(grid: Grid, top: int, bottom: int, heading: frozenset[tuple[str, ...]]) -> bool:
    """Whether rows ``top`` to ``bottom`` (excluded) of ``grid`` hold nothing but a page's
    number or a note (``nothing_between``), a page break's line (续表, 项目支出绩效自评表（续）,
    ``_page_line``) or a line of the table's ``heading`` printed again as it stands there
    (its title, year, 项目名称 — not another project's name, no amount)."""
    return all(is_between_rows([grid.texts.get((row, column), "") for column in columns])
               or _page_break(grid, row, heading)
               for row, columns in grid.rows.items() if top <= row < bottom)


_BETWEEN_BLOCKS = 2  # rows at most between two blocks of one table (项目年度目标：…)


def _next_block(grids: list[Grid], item: Found, later: Found, table: SelfEvaluation,
                hidden: frozenset[str]) -> bool:
    """Whether ``later`` heads the next block of the table read down to ``item`` (湖北 市县
    form: 项目权重 | 评价内容 | 分值 | 自评分 over 项目决策2分 and 项目管理13分, then 一级指标 |
    二级指标 | 指标名称 | 年初指标值 | 年终完成值 | 自评分 over 项目绩效85分): the rows read so
    far are all an index system's 决策 or 过程 (管理) — its 产出 and 效益 still to come —,
    the later header names an 一级 column, its own 指标值 and 完成值, and between the two
    blocks stand at most a line or two of text (项目年度目标：…, a page's number), no number,
    no 总分 read — in one sheet, or at the top of the next one, nothing after ``item``'s
    rows on its own (a PDF converted page by page)."""
    grid = later.grid
    if not table.indicators:
        return False
    if "total" in table.sources or "grade" in table.sources or "weight_total" in table.sources:
        return False
    if not all(levels.is_process_level1(indicator.level1) for indicator in table.indicators):
        return False
    if not {"level1", "target", "actual"} <= set(later.header.columns):
        return False
    if grid is item.grid:
        between = [row for row in grid.rows if item.end < row < later.header.top]
    else:
        position = next(number for number, other in enumerate(grids) if other is item.grid)
        if position + 1 >= len(grids) or grids[position + 1] is not grid \
                or grid.name == item.grid.name \
                or (grid.name in hidden) != (item.grid.name in hidden) \
                or not nothing_between(item.grid, item.end + 1, item.grid.max_row + 1):
            return False
        between = [row for row in grid.rows if row < later.header.top]
    return len(between) <= _BETWEEN_BLOCKS and all(
        isinstance(grid.values.get((row, column)), str) for row in between
        for column in grid.rows[row])


def _next_band(grids: list[Grid], block: Found, later: Found, table: SelfEvaluation,
               heading: frozenset[tuple[str, ...]]) -> bool:
    """Whether ``later`` heads the band right of ``block``'s on its sheet (``find_headers``
    split the sheet at an empty column) going on with the table read down to ``block`` —
    one table laid out in two blocks side by side to fit a landscape page, as a 续表 goes
    on below: no 总分 or 等级 read yet, nothing under ``block``'s rows in its band, the
    same indicator columns, and above ``later``'s header nothing but a page break's line
    (续表, a page's number) or the table's title printed again (``_reprinted``). A table
    beside with a title, 项目名称 or money of its own is another table."""
    grid = later.grid
    if grid is block.grid or grid.name != block.grid.name or not table.indicators:
        return False
    position = next(number for number, other in enumerate(grids) if other is block.grid)
    if position + 1 >= len(grids) or grids[position + 1] is not grid:
        return False  # not the band right beside
    if "total" in table.sources or "grade" in table.sources or "weight_total" in table.sources:
        return False
    if set(later.header.columns) != set(block.header.columns):
        return False
    return nothing_between(block.grid, block.end + 1, block.grid.max_row + 1) \
        and _reprinted(grid, 1, later.header.top, heading)


def _head_band(grids: list[Grid], found: list[Found], grid: Grid) -> Grid | None:
    """The band left of ``grid`` on its sheet if it holds no indicator header: the head
    (title, 项目名称, money) of the table whose indicators stand in ``grid``
    (``headers._head_beside``); else None."""
    position = next(number for number, other in enumerate(grids) if other is grid)
    if position == 0:
        return None
    left = grids[position - 1]
    if left.name != grid.name or any(item.grid is left for item in found):
        return None
    return left


def _money_of(money: MoneyBlock, table: SelfEvaluation, titled: bool = False) -> bool:
    """Whether a money block outside the tables is ``table``'s: any, unless it is labelled
    by a project (项目名称 | 全年预算数 …) and the table names another — a name only its
    title gives (``titled``: the form's words and the year left off) is the label's where
    either holds the other (高素质农民培育项目, 2023年高素质农民培育项目)."""
    name = table.project.name
    if money.project is None or not name:
        return True
    label, name = compact_text(money.project), compact_text(name)
    return label == name or titled and (name in label or label in name)


def _listed_money(spare: list[MoneyBlock], table: SelfEvaluation, sheet: str | None,
                  titled: bool) -> MoneyBlock | None:
    """The line of a list of several projects' money (a 部门's 资金明细) that names
    ``table``'s project, where exactly one does: by its 项目名称 — or, where the table has
    none but its title's reading, also by its sheet's name (``name_from_sheet``; ``sheet``:
    the table is alone on it)."""
    names = {compact_text(table.project.name)} if table.project.name else set()
    if sheet is not None and (titled or not names):
        names.add(compact_text(name_from_sheet(sheet, table.project)))
    names.discard("")
    matched = [money for money in spare if money.listed and money.project is not None
               and compact_text(money.project) in names]
    return matched[0] if len(matched) == 1 else None


def _sichuan_money(money: MoneyBlock | None) -> bool:
    """Whether a table of the 指标性质 | 指标值 | 度量单位 layout (under 一级 | 二级 | 三级,
    as 四川's form has them — not a flat 指标名称 list such as 重庆's 部门整体 form, whose
    指标性质 says 定量/定性, ``without_levels``) has 四川's money block too:
    no points of its own for the 执行率 (the 90 + 10 form), a 原因 column for a 执行率
    under 90 % (the 2022 and 2023 forms), or its points headed 权重 as all of 四川's are.
    The same indicator columns come from the national 一体化 system in other provinces
    (云南: the standard money block, 分值 and 得分 and no 原因): mof2020 there."""
    if money is None or money.by_label is not None:
        return True
    columns = money.columns
    if "weight" not in columns or "reason" in columns:
        return True
    return "权重" in money.grid.texts.get((money.header_row, columns["weight"]), "")


__all__ = ["ENGINES", "SubmittedWorkbook", "find_tables", "read_tables", "read_workbook"]
