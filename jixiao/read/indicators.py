"""The rows under a header: one ``Indicator`` per row, down to the 总分 / 等级 row.

Merged 一级/二级 cells are carried down; a carried 一级 gives way to the one its 二级 names
(社会效益指标 → 效益指标, ``level1_inferred``) — but a 效益 merged over a 满意度 二级
holds it. Subtotal rows (一级/二级 小计 of a 评分附件表) become ``subtotals``, never
indicators, and so does a row above the 总分 that sums every indicator (指标合计 | 90 | 89,
the 执行率's 10 points in the money block); a 预算执行率 row
of its own 一级 is the money's 分值 and 得分 (``execution_row``). The 总分 row gives the
declared total, the 等级 row the grade (both known by what their labels mean, ``roles``;
their cells read by ``totals``) — printed right under the header, the rows follow them
—, and a sentence may state both (经自评，该项目得分98分，评价等级为优; ``statements``). A 偏差原因 merged down over several rows explains each of
them; an unused template row ("/" or "—" in every cell, or the template's 指标1：/……
alone) is no indicator, and neither is a 其中… row without points (a breakdown of the
row above) nor a 年度总体目标 block printed among the rows; a 一级 written as a row across
a table without 一级 column (一、产出指标（50分）, 一级：产出指标, a 指标编码 beside it)
heads the rows below it, and so does a group's name in the 绩效指标 column of a table with
one (满意度指标 | … | 10 | 9.44, 服务对象满意度指标: ``group_row``), its points their
subtotal, under a header printed again too; a row holding
only the wrapped rest of the texts above it (a converted PDF) is that text. A table
without a 总分 row ends at the signature line or a 偏差原因/改进措施 row under it; the
text of a 偏差原因 row there is the table's ``reason``.

(Over 400 lines for one job: the walk down the rows, where each kind of row is told from
the others by what the rows around it hold.)"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

from jixiao import levels
from jixiao.model import (
    HIDDEN_COUNTED,
    HIDDEN_ROW,
    LEVELS_BELOW,
    NOT_APPLICABLE_ROW,
    UNUSED_ROW,
    Indicator,
    SelfEvaluation,
    Source,
    Sources,
    Subtotal,
    describes_indicator,
    explains_shortfall,
    indicator_actual,
    indicator_target,
    note_gives_cause,
    plain_text,
    says_nothing,
    unexplained,
)
from jixiao.parsing import (
    clock_duration,
    compact_text,
    contradicts_direction,
    heading_points,
    parse_measure,
    says_full_marks,
    stated_deduction,
)
from jixiao.read.grid import Grid, Place, clean, note, percent_shown, points, points_at
from jixiao.read.headers import Header, fund_role, indicator_role, the_years_actual
from jixiao.read.money import money_rows_end
from jixiao.read.roles import (
    DIGIT_NUMBER,
    PAGE_NUMBER,
    WORD_NUMBER,
    explaining_label,
    is_between_rows,
    is_continued_line,
    is_footer_label,
    is_grade_label,
    is_indicators_sum_label,
    is_note_label,
    is_optional_label,
    is_placeholder,
    is_placeholder_points,
    is_signature_row,
    is_template_name,
    is_total_label,
    names_not_applicable,
    not_adjusted,
    nothing_between,
    says_not_applicable,
    without_instructions,
    without_template_number,
)
from jixiao.read.statements import read_statements, stated_cell
from jixiao.read.totals import (
    find_grade,
    find_total,
    is_total_row,
    label_before,
    read_grade,
    read_total,
    row_label,
    sums_the_indicators,
)
from jixiao.rules import FAR_BEYOND, FULL_MARKS, TOLERANCE, round2
from jixiao.units import comparable, is_unit
from jixiao.xlsx.numformats import date_shown, number_prefix, number_shown
from jixiao.xlsx.refs import split_ref

_STOP_BLANK_ROWS = 5
_AMOUNTS = ("initial", "budget", "executed")  # the money header's roles of amounts


def _cell_value(grid: Grid, row: int, column: int, shown: bool = False) -> Any:
    """A cell of an indicator's row as a text the parser reads: 0.95 formatted as % →
    "95%"; cleaned (``clean``): errors and blanks are None. ``shown``: a 指标值/完成值
    as printed — a percentage to the decimals its format shows, a date without the year
    or the day its format hides (``_date_as_shown``), a number with the sign and unit its
    format writes beside it (``number_shown``: 5 in "≤"0"件" is ≤5件)."""
    value = clean(grid.values.get((row, column)))
    if value is None or isinstance(value, str):  # most cells
        return value
    if isinstance(value, (_dt.time, _dt.timedelta)):  # 3:00 typed (h:mm): 3小时, a duration
        return clock_duration(value) or str(value)
    number_format = grid.formats.get((row, column), "")
    if shown and isinstance(value, _dt.date):
        return _date_as_shown(value, number_format)
    if shown and number_format and isinstance(value, (int, float)) and not isinstance(value, bool):
        text = number_shown(value, number_format)  # 5 in "≤"0"件": ≤5件, a sign and a unit
        if text is not None:
            return text
    return percent_shown(value, number_format, rounded=shown)


def _bare_number(grid: Grid, row: int, column: int) -> Any:
    """A 指标值/完成值 number that ``_cell_value`` reads with the unit its format writes, read
    without that unit: the number as stored, the sign written before it kept (280 in
    #,##0.00"元": 280; 300 in "≤"0"元": ≤300). None for any other cell."""
    value = clean(grid.values.get((row, column)))
    number_format = grid.formats.get((row, column), "")
    if not number_format or not isinstance(value, (int, float)) or isinstance(value, bool) \
            or number_shown(value, number_format) is None:
        return None
    number = percent_shown(value, number_format, rounded=True)
    prefix = number_prefix(value, number_format)
    return f"{prefix}{plain_text(number)}" if prefix else number


def _format_units_read_bare(indicator: Indicator, bare: dict[str, Any]) -> None:
    """A unit a column-wide number format writes (280 in #,##0.00"元") that cannot be
    compared with the other side's (≤300元/人) is the format's, not the clerk's: the
    number is read bare (280), as the other side's unit, where that compares. A typed
    280元 keeps its unit (JX204)."""
    if not bare or comparable(parse_measure(indicator_target(indicator)),
                              parse_measure(indicator_actual(indicator))) is not None:
        return
    for key in ("actual", "target"):  # one side bare: read in the other side's unit
        if key not in bare:
            continue
        shown = getattr(indicator, key)
        setattr(indicator, key, bare[key])
        if comparable(parse_measure(indicator_target(indicator)),
                      parse_measure(indicator_actual(indicator))) is not None:
            return
        setattr(indicator, key, shown)


def _date_as_shown(day: _dt.date, number_format: str) -> Any:
    """A date cell as the clerk sees it where its format hides a part: 12月20日 typed into
    the 2024 table in 2025 keeps 2025, which m"月"d"日" never shows — the day in the
    table's year; 2024年12月 (yyyy"年"m"月") stores the 1st — the month."""
    year, day_shown = date_shown(number_format)
    if day_shown and not year:
        return f"{day.month}月{day.day}日"
    if year and not day_shown:
        return f"{day.year}年{day.month}月"
    return day


# Read as printed (``_cell_value``) — but not on jixiao's template, whose JX_ formulas
# score the values as stored (one rule for the formulas and the checks)
_AS_SHOWN = frozenset(("target", "actual", "initial_target"))
_LEVELS = ("level1", "level2")  # carried down from merged cells
# A cell merged down over the rows below it holds theirs too (not the points: they count once)
_MERGED_DOWN = frozenset(("reason", "remark", "target", "actual"))
_ALWAYS_NOTED = frozenset(("target", "actual", "weight", "score", "reason", "judged", "deduction",
                           "score_share"))  # even if empty
_CONTENT_TEXT = ("target", "actual", "nature", "sign", "unit", "actual_unit")  # with name, 分值 and a typed 得分:
# a row holding any of them, other than a placeholder, is an indicator


def read_indicators(grid: Grid, header: Header, stop: int, table: SelfEvaluation) -> int:
    """Read the rows under ``header`` up to the 总分/等级 row; the table's last row."""
    the_years_actual(grid, header, table.project.year)  # 2023年完成值 | 实际完成值: the year's
    columns = header.columns
    carried: dict[str, tuple[Any, Place | None]] = {"level1": (None, None),
                                                    "level2": (None, None)}
    if table.indicators and "level1" in columns:  # the rows go on under a header printed
        above = table.indicators[-1]  # again (a page of a PDF conversion): its 一级 and 二级,
        for key in _LEVELS:  # merged across the page break, go on down the blank cells
            carried[key] = (getattr(above, key), above.sources.get(key))
    group = _group_above(grid, header) if table.indicators else None
    moved = False  # the group's heading row with points read as the last row above
    if group is not None:  # 满意度指标 (服务对象满意度指标: its 一级 and 二级) over it
        carried["level1"] = (group[0], group[2])
        carried["level2"] = (group[1], group[2]) if group[1] else (None, None)
        table.cells.note(group[2])  # type: ignore[attr-defined]
        moved = table.indicators[-1].sources.get("level1") == grid.source(*group[2][1:])
    numbers = [columns[key] for key in ("weight", "score") if key in columns]
    before = label_before(columns)
    leftmost = min(columns.values())
    roles = frozenset(columns.values())
    codes = _code_columns(grid, header, leftmost)
    values, origin, noted = grid.values, grid.origin, table.cells.note  # type: ignore[attr-defined]
    texts = grid.texts
    # a money header among the rows names its amounts where the indicators' texts stand
    money_columns = [columns[key] for key in ("name", "target", "actual") if key in columns]
    weight_column = _points_column(columns)
    last = header.row
    home = 0  # the row of the last indicator read
    blank_run = 0
    row = data_start = header.data_start
    first = len(table.indicators)
    heads: list[tuple[bool, bool]] = []  # per indicator read: (own 一级 cell, own 二级 cell)
    remarked: list[tuple[Indicator, dict[str, Any], dict[str, Place]]] = []
    sums: set[int] = set()  # (indices among the rows read) 合计 rows amid the table
    # heading rows with points → their level: 0 一、产出指标 | | | 50, 1 （一）数量指标 | | | 20
    headings: dict[int, int] = {}
    goal = False  # in a 年度总体目标 block printed among the rows
    gap = _gap_column(grid, header, stop)  # a blank column some rows lost (a converted PDF)
    wrapped: dict[str, int] = {}  # level key → the last row a wrapped 一级/二级 went on to
    while row < stop:
        present = grid.rows.get(row)
        if present and len(present) <= 2 and is_between_rows(
                [texts.get((row, column), "") for column in present]) \
                and stated_cell(grid, row) is None:
            present = None  # 第 1 页，共 2 页 between the rows of a converted PDF: no row
            # (a note stating the results, 备注：本项目自评得分99.8分…, closes the table)
        elif present and len(table.indicators) > first \
                and _page_number(grid, row, present, weight_column, columns):
            present = None  # a bare "2" alone between two pages' rows: the page's number
        if not present:
            blank_run += 1
            if blank_run >= _STOP_BLANK_ROWS:
                break
            row += 1
            continue
        blank_run = 0
        if last == row - 1 and len(table.indicators) > first \
                and (keys := _continuation(grid, row, columns)):
            # a Word cell's second paragraph on a physical row of its own, the row's other
            # cells merged down over it: the rest of the row above, never the table's end
            above = table.indicators[-1]
            for key in keys:
                place = (grid, row, columns[key])
                noted(place)
                piece = str(values[(row, columns[key])]).strip()
                text = getattr(above, key)
                setattr(above, key, piece if text is None else f"{text}{piece}")
                if text is None:
                    above.sources[key] = place
            last = row
            row += 1
            continue
        label = row_label(grid, row, before)
        mid_sum = bool(label) and _BARE_SUM.fullmatch(compact_text(label)) is not None \
            and (len(table.indicators) > first or not _whole_points(grid, row, weight_column)) \
            and (_rows_go_on(grid, columns, row, stop)
                 or sums_the_indicators(grid, row, stop, columns, table)
                 or not _whole_points(grid, row, weight_column)
                 and _group_printed_below(grid, header, row))
        if mid_sum:  # 合计 under the rows of one 一级, more rows below, or of all the
            sums.add(len(table.indicators) - first)  # indicators above the 总分: a subtotal
        elif label and is_total_row(grid, row, columns, before):
            read_total(grid, row, _gap_shifted_total(grid, row, columns, gap) or columns, table)
            last = find_grade(grid, row, min(stop, row + 4), table) or row
            if len(table.indicators) == first and _rows_go_on(grid, columns, last, stop):
                row = last + 1  # 总分 (and 等级) right under the header: the rows follow
                continue
            last = _results_end(grid, row, last, stop, weight_column, table)
            break
        if label and is_grade_label(label):
            read_grade(grid, row, table)
            last = find_total(grid, row, min(stop, row + 4), columns, table,
                              lambda below: _gap_shifted_total(grid, below, columns, gap)) \
                or row
            if len(table.indicators) == first and _rows_go_on(grid, columns, last, stop):
                row = last + 1  # 等级 (and 总分) right under the header: the rows follow
                continue
            last = _results_end(grid, row, last, stop, weight_column, table)
            break
        if label and not goal and len(table.indicators) > first \
                and stated_cell(grid, row) is not None:
            # 经自评，该项目得分98分，评价等级为优 — the table's results in a sentence (read
            # by ``read_statements``), a 评分等级 or 总分 row perhaps under it
            last = max(row, find_grade(grid, row, min(stop, row + 4), table) or row,
                       find_total(grid, row, min(stop, row + 4), columns, table) or row)
            last = _results_end(grid, row, last, stop, weight_column, table)
            break
        if "项目名称" in (label or ""):
            break
        if not numbers and _text_left_of(grid, row, present, leftmost):
            break  # a report's text under a table without points (no row shows any)
        section = None  # a 一级 heading's cell, where this row is one
        section2 = False  # a 二级 heading's row with its points
        # a heading row's cells but its code (1 | 产出指标 under 指标编码 | 绩效指标)
        own = [column for column in present
               if column not in codes or _CODE.fullmatch(texts.get((row, column), "")) is None]
        if "level1" not in columns and own and len(own) <= 3 \
                and (heading := _section_heading(grid, row, own[0])
                     or (None if "level2" in columns  # one 评价指标 column: 一、项目决策
                         else _numbered_heading(grid, row, own[0], stop, "、",
                                                weight_column))) is not None \
                and all(column in numbers and _points_text(values.get((row, column))) is not None
                        for column in own[1:]):
            section = (grid, row, own[0])
            carried["level1"] = (heading, section)  # 一、产出指标（50分）
            carried["level2"] = (None, None)  # across the table: the 一级 of the rows below
            noted(section)
            if len(own) == 1:
                row += 1
                continue
        grouped = None  # a group heading row's (一级, 二级) in a table with 一级 column
        if section is None and "level1" in columns and own and own[0] not in roles \
                and (grouped := group_row(grid, row, own, columns)) is not None:
            # 满意度指标 | … | 10 | 9.44 in the 绩效指标 column or merged across the table (a
            # 二级 alone: 服务对象满意度指标, its 一级 with it): the group of the rows below,
            # its points their subtotal (JX103), no indicator
            group_cells, place = own, (grid, row, own[0])
            carried["level1"] = (grouped[0], place)
            carried["level2"] = (grouped[1], place) if grouped[1] else (None, None)
            noted(place)
            if len(own) == 1:
                row += 1
                continue
        # the row's cells but its own 一级's (产出指标 | 数量指标 | | | 20 opening the 一级)
        named = [column for column in own if column != columns.get("level1")]
        if section is None and "level2" not in columns and named and len(named) <= 3 \
                and (heading := _level2_heading(grid, row, named[0])
                     or _numbered_heading(grid, row, named[0], stop, "()", weight_column)) \
                is not None \
                and all(column in numbers and _points_text(values.get((row, column))) is not None
                        for column in named[1:]):
            # （一）数量指标 written as a heading row in the one name column (Word forms, or
            # the 三级 column beside a 一级 one): the 二级 of the rows below, no indicator
            # (its points, if any, their subtotal) — wherever it stands in its 一级
            if len(named) < len(own):  # its own 一级 cell: the 一级 it opens (or writes again)
                place = (grid, row, columns["level1"])
                carried["level1"] = (clean(values.get(place[1:])), place)
                noted(place)
            carried["level2"] = (heading, (grid, row, named[0]))
            noted((grid, row, named[0]))
            if len(named) == 1:
                row += 1
                continue
            section2 = True
        if section is None and not section2 and "level1" not in columns \
                and "level2" not in columns and own \
                and (lone := _lone_heading(grid, row, own[0], carried)) is not None:
            # 五、服务对象满意度 | … | 10 | 9 under 四、项目效益's rows, no numbered row under
            # it: a 一级 (or 二级) scored on its own row, an indicator out of the group above
            key, name = lone
            carried[key] = (name, (grid, row, own[0]))
            if key == "level1":
                carried["level2"] = (None, None)
        money_end = None
        if not isinstance(values.get((row, weight_column)), (int, float)):  # a header's text
            for column in money_columns:
                if fund_role(texts.get((row, column), "")) in _AMOUNTS:
                    money_end = money_rows_end(grid, row, stop)
                    break
        if money_end is not None:  # the money block printed below the indicators
            header.money = header.money or row
            row = money_end + 1
            continue
        if _signed_above_total(grid, row, stop, columns, weight_column):
            row += 1  # 单位负责人：… | 填表人：… typed above the 总分 row: not the table's end
            continue
        closed = _closes_table(grid, row, weight_column, table)
        if closed is not None:
            if not is_footer_label(compact_text(label or "")) \
                    and _total_next(grid, closed, stop, columns):
                row = closed + 1  # 偏差原因分析及改进措施 | <text> above the 总分 row: the
                continue  # table's reason, and its 总分 and 等级 still to read
            break
        if (goal or "目标" in label and _GOAL_LABEL.fullmatch(label) is not None) \
                and _points_text(values.get((row, weight_column))) is None:
            goal = True  # 年度总体目标 | 预期目标 | 实际完成情况 printed under the indicators:
            row += 1  # its texts are no indicator rows, down to a row with points or the 总分
            continue
        goal = False
        read: dict[str, Any] = {}  # column key → value, for the cells noted
        bare: dict[str, Any] = {}  # 指标值/完成值 read with a format's unit: without it
        places: dict[str, Place] = {}
        own = [False, False]
        row_columns = columns
        if "score" in columns and (not isinstance(values.get((row, weight_column)), (int, float))
                                   or (row, columns["score"]) not in values):
            row_columns = _shifted_row(grid, row, columns) or columns
        if gap is not None and row_columns is columns and (row, gap) in values:
            row_columns = _gap_shifted(grid, row, columns, gap) or columns
        for key, column in row_columns.items():
            if key == "group3":
                continue  # a 三级 over 四级 rows: read as the name of a row without a 四级 only
            if key == "method":
                continue  # 评分标准: read once the row is an indicator (``_method``)
            if key in _LEVELS:
                where = origin.get((row, column), (row, column))
                value = clean(values.get(where))
                if isinstance(value, str) and is_between_rows([texts.get(where, "")]):
                    value = None  # a page's number merged down: the 一级 above goes on
                if value is not None and where[0] == row:
                    own[_LEVELS.index(key)] = True
            else:
                where = (row, column)
                if key in _MERGED_DOWN:  # one 偏差原因 merged down over the rows it explains,
                    top = origin.get(where)  # one 指标值 or 完成值 over the 三级 it is of
                    if top is not None and top[1] == column and data_start <= top[0] < row:
                        where = top
                elif key == "name" and where not in values:  # 二级 merged across the 三级
                    left = origin.get(where)
                    if left is not None and left[0] == row and left[1] == columns.get("level2"):
                        where = left
                    elif "group3" in columns and origin.get((row, columns["group3"]), (row, 0))[0] \
                            == row:  # no 四级: the row's own 三级 names it (社会效益 | | 60 | 60)
                        where = (row, columns["group3"])
                    elif left is not None and left[1] == column and data_start <= left[0] < row \
                            and _own_measure(grid, row, row_columns):
                        where = left  # 水质达标率 merged over 出厂水≥95% | 5 and 末梢水≥90% | 5
                # cleaned already (most cells of a row are empty: no call for them)
                shown = key in _AS_SHOWN and not table.template
                value = None if where not in values else _cell_value(grid, *where, shown=shown)
                if shown and value is not None \
                        and (number := _bare_number(grid, *where)) is not None:
                    bare[key] = number
            if value is not None or key in _ALWAYS_NOTED:
                place = (grid, *where)
                noted(place)
                read[key] = value
                places[key] = place
        if read.get("name") is None and is_placeholder(read.get("target")) \
                and is_placeholder(read.get("actual")) \
                and (aside := _sum_label_aside(grid, row, present, row_columns)) is not None:
            noted(aside)  # 小计 | | | | 50 | 50 in the 绩效指标 column: the row's name
            read["name"], places["name"] = values[aside[1:]], aside
        if read.get("initial_target") is not None and not_adjusted(read.get("target")):
            # the adjusted column blank, or 未调整 / — / 同年初 (no adjustment): the initial
            read["target"], places["target"] = read["initial_target"], places["initial_target"]
            bare.pop("target", None)
            if "initial_target" in bare:
                bare["target"] = bare["initial_target"]
        if len(table.indicators) > first and _breakdown_row(read):
            row += 1  # 其中… under an indicator: what its count is made of, no row of its own
            continue
        if section is not None:  # 产出指标 | | | | 50 | 48: the 一级's own points, its subtotal
            for key in ("level2", "name"):
                read.pop(key, None)
                places.pop(key, None)
            own = [True, False]
        elif section2:  # （一）数量指标 | | | 20 | 20: the 二级's own points, its subtotal
            read.pop("name", None)
            places.pop("name", None)
            own = [len(named) < len(own), True]
        elif grouped is not None:  # its points, perhaps beside its name (满意度指标 | 10分)
            for key in _LEVELS + ("name",):  # its name merged over them, or its points
                read.pop(key, None)
                places.pop(key, None)
            own = [True, grouped[1] is not None]
            if read.get("weight") is None and "weight" in columns:
                for column in group_cells[1:]:
                    if column not in numbers:
                        read["weight"], places["weight"] = values[(row, column)], (grid, row, column)
                        break
        # (a sheet's own rows, computed by formulas, never hold wrapped text: the template)
        printed = section is None and not section2 and grouped is None and (
            "score" not in columns or ((row, columns["score"]) not in grid.formulas
                                       and (row - 1, columns["score"]) not in grid.formulas))
        if printed and len(table.indicators) > first \
                and (last == row - 1 or _next_page(grid, last, row)) \
                and _continued(table.indicators[-1], read, own, home, carried, bool(numbers),
                               paged=last != row - 1):
            last = row  # a PDF conversion's wrapped text: the rest of the row above
            row += 1
            continue
        if printed and last == row - 1 == home and len(table.indicators) > first \
                and not _under_merged_points(grid, columns, home) \
                and _leads(table.indicators[-1], heads[-1], read, places, own, home):
            lead = table.indicators.pop()  # its text's first lines: one indicator with this row
            heads.pop()
            table.level1_inferred[:] = [pair for pair in table.level1_inferred
                                        if pair[0] is not lead]
        for index, key in enumerate(_LEVELS):
            if own[index] and (joined := _split_level(grid, row, key, places, carried,
                                                      wrapped)) is not None:
                # 成本 | 指标: a name wrapped over two rows of a PDF's narrow column goes on
                above, top = carried[key]
                for indicator in reversed(table.indicators[first:]):  # the rows under it
                    if getattr(indicator, key) != str(above).strip():
                        break
                    setattr(indicator, key, joined)
                carried[key] = (joined, top)
                read.pop(key)  # carried on (its cell still the row's source)
                own[index] = False
                wrapped[key] = row  # 可持 | 续影 | 响指标: the next row may go on with it
        for key in _LEVELS:
            if read.get(key) is not None:
                if key == "level1" and carried["level1"][1] != places[key] \
                        and not _written_again(read[key], carried, "level2" in columns):
                    carried["level2"] = (None, None)  # a new 一级 starts its own 二级
                carried[key] = (read[key], places[key])
        score_typed = (read.get("score") is not None
                       and (row, columns["score"]) not in grid.formulas)
        if _unused_row(read, score_typed):
            level1 = carried["level1"][0]
            category = levels.level1_category(None if level1 is None else plain_text(level1))
            if category is not None and "name" in columns:  # JX104 points here (template)
                table.sources.setdefault(UNUSED_ROW + category, (grid, row, columns["name"]))
            row += 1
            continue
        if _not_applicable_row(read, score_typed):
            table.sources[NOT_APPLICABLE_ROW + str(row)] = places["name"]
            row += 1
            continue
        if row in grid.hidden_rows and table.template and _counted_by_formulas(read, score_typed):
            # jixiao's template: its formulas count the row, shown or not, and so does check
            table.sources[HIDDEN_COUNTED + str(row)] = places.get("name") or (grid, row, leftmost)
        elif row in grid.hidden_rows:  # last year's row kept hidden: not the table's
            table.sources[HIDDEN_ROW + str(row)] = places.get("name") or (grid, row, leftmost)
            row += 1
            continue
        remark, placed = places.get("remark"), dict(places)
        indicator = _indicator(read, places, carried)
        indicator.method = _method(grid, row, row_columns.get("method"), data_start)
        _format_units_read_bare(indicator, bare)
        if remark is not None and dict.get(indicator.sources, "reason") == remark:
            remarked.append((indicator, read, placed))  # explained in the 备注 only
        if not own[0]:  # a 一级 carried down (blank cell, or a merge from above)
            level1_column = row_columns.get("level1")
            merged = level1_column is not None \
                and origin.get((row, level1_column), (row, level1_column))[0] < row
            _infer_level1(indicator, table, merged)
        table.indicators.append(indicator)
        heads.append((own[0], own[1]))
        if section is not None or section2 or grouped is not None:
            headings[len(table.indicators) - 1 - first] = \
                1 if section2 or grouped is not None and grouped[1] is not None else 0
        last = home = row
        row += 1
    if moved and group is not None:  # the group's heading row heads the rows under it
        first -= 1
        heads.insert(0, (True, group[1] is not None))
        headings = {0: 0 if group[1] is None else 1,
                    **{index + 1: rank for index, rank in headings.items()}}
        sums = {index + 1 for index in sums}
    if "level1" in columns:
        _class_leading_rows(table, first, "level2" in columns)
    _keep_by_heading_points(table, first)
    if {"target", "actual"} & set(columns):  # not in an index system (第三方): a real row there
        _take_execution_row(table, first, heads)
    # a 一级 heading row with points heads its rows whatever they weigh where no 二级 row
    # can be taken for it: no 二级 column (评分附件表), or a section row (no 一级 column)
    _take_subtotals(table, first, heads, "level2" in columns and "level1" in columns, sums,
                    headings)
    _take_numbered_groups(table, first)
    _notes_column(table, first, remarked)
    return last


def _written_again(level1: Any, carried: dict[str, tuple[Any, Place | None]],
                   has_level2: bool) -> bool:
    """Whether a row's own 一级 cell repeats the 一级 carried down (产出指标 written on each
    row, not merged) where only 二级 heading rows name the 二级 (no 二级 column): the 二级
    heading above goes on over it."""
    return not has_level2 and carried["level1"][0] is not None \
        and compact_text(level1) == compact_text(carried["level1"][0])


def _notes_column(table: SelfEvaluation, first: int,
                  remarked: list[tuple[Indicator, dict[str, Any], dict[str, Place]]]) -> None:
    """A 备注 written on a row that lost nothing (scored in full, not far beyond its
    指标值) is a notes column (问卷调查300份, 县水务局组织验收): its texts are no row's
    reason — the 偏差原因 (or 改进措施) is again the row's explanation, and its cell the
    reason's; the 备注 is kept as set aside (``Indicator.remark``) — but for one that
    gives a cause by the judgement of a value's note (``note_gives_cause``: 因涉河审批延后,
    资金未到位), which a reviewer reads as the row's reason in any column (rt28)."""
    kept = {id(indicator) for indicator in table.indicators[first:]}
    rows = [entry for entry in remarked if id(entry[0]) in kept]
    if not any(_lost_nothing(indicator) for indicator, _, _ in rows):
        return
    for indicator, read, places in rows:
        remark = indicator.reason  # the 备注 the row was explained by
        if remark is not None and note_gives_cause(remark):
            continue
        indicator.remark = remark
        reason, measures = _reason(read.get("reason")), _reason(read.get("measures"))
        indicator.reason = _explanation(reason, measures)
        written = places.get("measures") if indicator.reason is not None \
            and indicator.reason != reason else None
        place = written or places.get("reason")
        if place is not None:
            indicator.sources["reason"] = place
        else:
            indicator.sources.pop("reason", None)


def _lost_nothing(indicator: Indicator) -> bool:
    """Scored in full and, where its values compare, not far beyond its 指标值 (JX206's):
    a row with nothing to explain."""
    if indicator.weight is None or indicator.score_declared is None \
            or indicator.score_declared < indicator.weight - TOLERANCE:
        return False
    pair = comparable(parse_measure(indicator_target(indicator)),
                      parse_measure(indicator_actual(indicator)))
    return pair is None or pair[0] <= 0 or pair[1] <= pair[0] * FAR_BEYOND


_CONTINUED = ("target", "actual", "reason", "name")  # the texts a continuation row may go on


_PAGE_NUMBER = re.compile(PAGE_NUMBER)
_NUMBER_GOES_ON = "0123456789,，.．≥≤<>=＞＜≧≦⩾⩽＝~～-—–"  # a line a digit may continue


def _page_number(grid: Grid, row: int, present: list[int], weight_column: int,
                 columns: dict[str, int]) -> bool:
    """Whether ``row`` holds only a page's bare number (1 to 999) a PDF conversion printed
    between two pages' rows, in a column of text (not the 分值 or 得分): no cell merged
    down over it from the row above (a row's own part), and the cell above in its column
    not a number it could be the wrapped rest of ("≥9" | "5")."""
    if len(present) != 1:
        return False
    column = present[0]
    if column == weight_column or column == columns.get("score") \
            or _PAGE_NUMBER.fullmatch(compact_text(grid.texts.get((row, column), ""))) is None:
        return False
    if any(grid.origin.get((row, other), (row, other))[0] < row for other in columns.values()):
        return False
    above = compact_text(grid.texts.get((row - 1, column), ""))
    return not above or above[-1] not in _NUMBER_GOES_ON


def _split_level(grid: Grid, row: int, key: str, places: dict[str, Place],
                 carried: dict[str, tuple[Any, Place | None]],
                 wrapped: dict[str, int]) -> str | None:
    """The 一级/二级 name that the row's own ``key`` cell ends, wrapped from the cell right
    above it (``levels.joined_split``); None where it is a name of its own."""
    above, top = carried[key]
    if type(top) is not tuple or top[0] is not grid:
        return None  # none, or carried from the rows above a header printed again
    column = top[2]
    if (grid, row, column) != places.get(key):
        return None
    if grid.origin.get((row - 1, column), (row - 1, column)) != (top[1], column) \
            and wrapped.get(key) != row - 1:
        return None  # not the cell right above (a blank row or another cell between)
    return levels.joined_split(plain_text(above), plain_text(grid.values.get((row, column))))


def _continuation(grid: Grid, row: int, columns: dict[str, int]) -> list[str]:
    """The keys of the cells a continuation row holds, if ``row`` is one; else none.

    A Word table pasted into Excel puts a cell's further paragraphs on physical rows of
    their own, each of the row's other cells merged down over them: texts of its own (a
    指标值, 完成值 or 偏差原因 — one, or several cells each with a further paragraph),
    every other column of the table — the 三级, 分值 and 得分 among them — merged from a
    row above. A 三级 of its own is a continuation (群众满意度 | （抽样调查）) only where
    the 指标值 and 完成值 are merged from above too, and it names no row of its own (小计,
    质量指标): a name with its own 指标值 or 完成值 under merged points is an indicator
    of a group scored as one (JX109), no continuation."""
    present = grid.rows.get(row, [])
    if not present or "name" not in columns:
        return []
    keys = []
    for column in present:
        key = next((key for key in _CONTINUED if columns.get(key) == column), None)
        if key is None or not isinstance(grid.values.get((row, column)), str) \
                or (row, column) in grid.origin:
            return []
        keys.append(key)
    if "name" in keys and ({"target", "actual"} & set(keys)
                           or not {"target", "actual"} & set(columns)
                           or _names_a_row(str(grid.values[(row, columns["name"])]).strip())):
        return []
    others = [(name, other) for name, other in columns.items()
              if other not in present and name != "group3"]
    if all((top := grid.origin.get((row, other))) is not None and top[0] < row
           or (name in _LEVELS and "name" in keys and (row, other) not in grid.origin)
           for name, other in others):
        return keys  # (a name's rest: its 一级/二级 may be blank, written once a block)
    return []


_LEVELS = ("level1", "level2")


def _points_column(columns: dict[str, int]) -> int:
    """The column a row's points stand in: the 分值; without one the 得分 (湖北); without
    either (湖南 衡山) none (0: no cell, no row shows points)."""
    return columns.get("weight") or columns.get("score", 0)


def _text_left_of(grid: Grid, row: int, present: list[int], leftmost: int) -> bool:
    """Whether ``row`` holds a text of its own left of the table's columns and nothing in
    them: a line of a 自评报告's prose ("二、项目资金使用及管理情况") under its 绩效完成表."""
    return all(column < leftmost for column in present) and any(
        isinstance(grid.values.get((row, column)), str)
        and grid.origin.get((row, column), (row, column))[0] == row for column in present)


def _closes_table(grid: Grid, row: int, weight_column: int, table: SelfEvaluation) -> int | None:
    """Whether ``row`` is a line under the table, not an indicator: the signature line
    (填报单位（盖章）：… | 填报人：…) or a row explaining the table as a whole
    (偏差大或目标未完成原因分析 | <text>, 改进措施及结果应用方案 | <text>, or a note that
    gives a cause: 备注：执行率低于90%的原因…); the text of a 原因 row becomes the table's
    ``reason``, such a note's one of its ``notes`` (explaining what it names), each with the
    rows that go on with it (``_goes_on``: 四、偏差原因分析及改进措施 / 1.… / 2.…, 说明： /
    1.…). A note giving no cause (备注：本表金额单位万元, 说明：无未完成指标) is no such row.
    A 改进措施 row (三、存在的问题及改进措施 / 1.…) whose items give a cause is read as a
    note too — what it names with a cause is explained; giving none, it is its label's row
    alone.
    The line's last row, or None."""
    if _is_signature(grid, row, weight_column):
        return row  # (a phone typed under the 分值 too: no indicator's points)
    if _points_number(grid.values.get((row, weight_column))):
        return None  # points: an indicator, whatever its name
    cells = [column for column in grid.rows.get(row, [])
             if isinstance(grid.values.get((row, column)), str)]
    if not cells:
        return None
    first = compact_text(grid.texts[(row, cells[0])])
    kind = explaining_label(first) or ("note" if is_note_label(first) else None)
    if kind is None:
        return None
    end = row
    if kind in ("reason", "note", "measures"):
        written = [str(grid.values[(row, column)]).strip() for column in cells]
        after = re.split("[:：]", written[0], maxsplit=1)[1:]  # 未完成原因：<text> in one cell
        in_label = bool(after and after[0].strip())
        texts = [after[0].strip()] if in_label else written[1:]
        end, more = _goes_on(grid, row, cells[0], bool(texts), weight_column)
        texts.extend(more)
        said = "；".join(text for text in texts if text) or None
        if kind in ("note", "measures"):
            said = said and without_instructions(said)
            if not explains_shortfall(said):  # 备注：本表金额单位万元, 说明：…的需说明原因 (the
                return None if kind == "note" else row  # form's prompt); 改进措施 | <plans>
            if said not in table.notes:  # (a row may be asked twice)
                table.notes.append(said)  # type: ignore[arg-type]
            if "note" not in table.sources:
                table.sources["note"] = note(table, grid, row,
                                             cells[0] if in_label or len(cells) == 1 else cells[1])
        elif table.reason is None:
            table.reason = said
            table.sources["reason"] = note(table, grid, row,
                                           cells[0] if in_label or len(cells) == 1 else cells[1])
    return end


# A numbered item beginning a row: 1.…, 2、…, (3)… — not a number (1.5万元)
_ITEM_START = re.compile(r"(?:\d+[.、)]|\(\d+\))(?!\d)")


# A section heading's number: 四、… or (四)… — not an item's (1.…, (1)…)
_HEADING_NUMBER = re.compile(rf"{WORD_NUMBER.pattern}|\([一二三四五六七八九十]{{1,3}}\)")


def _heading_number(text: str) -> str | None:
    """How a row's compact text is numbered as a section heading: "、" (四、…), "()" ((四)…),
    or None."""
    found = _HEADING_NUMBER.match(text)
    return None if found is None else "()" if found.group().startswith("(") else "、"


def _goes_on(grid: Grid, row: int, label: int, said: bool,
             weight_column: int) -> tuple[int, list[str]]:
    """The rows under a note's or a 原因 row that go on with it, and their texts: the rows
    its label is merged down over (备注 | 1.… / ↓ | 2.…), the row under a label written
    alone (说明： / 1.…; 偏差原因分析及改进措施： / <text>), and each numbered item after
    (2.…, (3)…) — down to a row that is none of these: blank, with points, or labelled
    itself (a signature line, 填表人：…, another note or 原因 row, the 总分 or 评分等级),
    or the next section under a numbered heading (四、… then 五、…). ``said``: the label's
    own row holds text. Its last row, and the texts."""
    values, texts = grid.values, grid.texts
    anchor = grid.origin.get((row, label), (row, label))
    heading = _heading_number(texts[(row, label)])
    found: list[str] = []
    below = row + 1
    while below in grid.rows:
        if isinstance(values.get((below, weight_column)), (int, float)):
            break  # points: an indicator's row
        cells = [column for column in grid.rows[below] if isinstance(values.get((below, column)), str)]
        if not cells:
            break
        first = texts[(below, cells[0])]
        if is_footer_label(first) or explaining_label(first) or is_note_label(first) \
                or is_total_label(first) or is_grade_label(first):
            break
        if heading is not None and _heading_number(first) == heading:
            break  # 四、偏差原因分析 / 五、其他需要说明的问题: the next section, none of its text
        if grid.origin.get((below, label)) != anchor and _ITEM_START.match(first) is None \
                and (said or found):
            break
        found.append("；".join(str(values[(below, column)]).strip() for column in cells))
        below += 1
    return below - 1, found


def _signed_above_total(grid: Grid, row: int, stop: int, columns: dict[str, int],
                        weight_column: int) -> bool:
    """Whether ``row`` is a signature line (单位负责人：… 填表人：… 日期：…, a phone typed as
    a number) typed between the last indicator and the 总分 row: a 总分 (or 合计) row
    follows it closely, past blank rows and other signature lines only — the table goes on
    to that row."""
    if not _is_signature(grid, row, weight_column):
        return False
    before = label_before(columns)
    for below in range(row + 1, min(stop, row + _STOP_BLANK_ROWS)):
        if not grid.rows.get(below):
            continue
        if is_total_row(grid, below, columns, before):
            return True
        if not _is_signature(grid, below, weight_column):
            return False
    return False


def _total_next(grid: Grid, row: int, stop: int, columns: dict[str, int]) -> bool:
    """Whether the next row with anything in it, close below ``row``, is the 总分 row."""
    before = label_before(columns)
    below = next((below for below in range(row + 1, min(stop, row + _STOP_BLANK_ROWS))
                  if grid.rows.get(below)), None)
    return below is not None and is_total_row(grid, below, columns, before)


def _is_signature(grid: Grid, row: int, weight_column: int) -> bool:
    """Whether ``row`` is a signature line (``roles.is_signature_row``), a number under the
    分值 (a phone typed as a number; points typed as text, "10.00", count too) or not."""
    cells = [column for column in grid.rows.get(row, [])
             if isinstance(grid.values.get((row, column)), str)]
    return is_signature_row([compact_text(grid.texts[(row, column)]) for column in cells],
                            _points_number(grid.values.get((row, weight_column))))


def _points_number(value: Any) -> bool:
    """Whether a 分值/得分 cell holds a number: 10, or one typed as text ("10.00", "10分")."""
    return _points_text(value) is not None


def _points_text(value: Any) -> str | None:
    """How a cell writes points: "number" (20, "20"), "分" ("20 分"); None if no points."""
    if isinstance(value, bool) or points(value) is None:
        return None
    return "分" if isinstance(value, str) and value.strip().endswith("分") else "number"


def _shown_text(grid: Grid, row: int, column: int) -> str:
    """A cell's text as shown: 0.985 formatted as a percentage is "98.5%"; "" if empty."""
    where = (row, column)
    value = percent_shown(clean(grid.values.get(where)), grid.formats.get(where, ""))
    return "" if value is None else compact_text(value)


def _repeats_percent(grid: Grid, row: int, column: int) -> bool:
    """Whether a cell shows the percentage the cell before it shows (98.5% | 98.5%): the
    完成值 printed twice, not a 权重 written as a percentage (10% counts 10 points)."""
    text = _shown_text(grid, row, column)
    return text.endswith(("%", "％")) and text == _shown_text(grid, row, column - 1)


def _shifted_row(grid: Grid, row: int, columns: dict[str, int]) -> dict[str, int] | None:
    """The columns of a row a PDF conversion moved by one cell, if it did; else None.

    Right: a target's wrapped second line in a cell of its own pushed the rest along —
    the 分值 and 得分 stand under 得分 and the column after it, written alike ("20 分" |
    "20 分", a score no more than its points), the 分值 column holding what is no such
    points (the 完成值, "100%") or the percentage before it again (98.5% | 98.5% | 10 |
    10: the 完成值, not a 权重 written 10%). The 完成值 is then the cell before the 分值, and the cell
    left over must repeat it (else the row is read as it stands).
    Left: a row starting one column early — its 一级 in the column before the table's
    first (绩效指标), its 分值 and 得分 under 完成值 and 分值, the 得分 column empty."""
    values = grid.values
    weight, score = columns.get("weight", -2), columns["score"]  # no 分值 column: no shift
    if score != weight + 1:
        return None
    here = values.get((row, weight))
    after = values.get((row, score + 1))
    roles = set(columns.values())
    if (score + 1 not in roles or columns.get("reason") == score + 1) \
            and (shown := _points_text(after)) is not None \
            and shown == _points_text(values.get((row, score))) \
            and here is not None \
            and (_points_text(here) != shown or _repeats_percent(grid, row, weight)) \
            and points(after) <= points(values.get((row, score))) + TOLERANCE:
        actual = columns.get("actual")
        if actual is None or actual != weight - 1:
            return None
        shifted = {key: column + 1 if column >= weight else column
                   for key, column in columns.items()}
        shifted["actual"] = weight
        spare = _shown_text(grid, row, actual)
        if spare and spare != _shown_text(grid, row, weight) and "target" in columns \
                and columns["target"] == actual - 1:
            return None  # the left-over cell is no repeat: not taken for a wrapped rest
        return shifted
    first = min(columns.values())
    if first > 1 and (row, score) not in values and (row, first - 1) in values \
            and first - 1 not in roles and (row, first - 1) not in grid.origin \
            and isinstance(values[(row, first - 1)], str) \
            and levels.is_level1_only(compact_text(grid.texts[(row, first - 1)])) \
            and (shown := _points_text(here)) is not None \
            and _points_text(values.get((row, weight - 1))) == shown:
        return {key: column - 1 for key, column in columns.items()}
    return None


def _gap_column(grid: Grid, header: Header, stop: int) -> int | None:
    """The one column inside the table the header leaves blank (三级指标 | <blank> |
    年度指标值 — a converted PDF's merged header), if every row holding anything in it
    lost it — its values one cell to the left of the header's, read shifted
    (``_gap_shifted``) —, or no row holds anything there (then only a 总分 row that lost
    it is read shifted, ``_gap_shifted_total``); else None."""
    columns = header.columns
    roles = set(columns.values())
    blank = [column for column in range(min(roles) + 1, max(roles)) if column not in roles
             and not any((row, column) in grid.values for row in range(header.top, header.row + 1))]
    if len(blank) != 1 or "score" not in columns or "weight" not in columns:
        return None
    gap = blank[0]
    used = [row for row in _own_rows(grid, header, stop) if (row, gap) in grid.values]
    if all(_gap_shifted(grid, row, columns, gap) is not None for row in used):
        return gap
    return None


def _own_rows(grid: Grid, header: Header, stop: int) -> range:
    """The rows under ``header`` down to its table's 总分 or 评分等级 row (not included),
    or to the next table's 项目名称 row — not the rows of a table printed below it on the
    same sheet (a PDF converter's one sheet of tables), whose money block may stand in
    this table's blank column."""
    before = label_before(header.columns)
    for row in range(header.data_start, stop):
        label = compact_text(row_label(grid, row, before))
        if "项目名称" in label or (row > header.data_start and label and (
                is_total_row(grid, row, header.columns, before) or is_grade_label(label))):
            return range(header.data_start, row)
    return range(header.data_start, stop)


def _gap_shifted(grid: Grid, row: int, columns: dict[str, int], gap: int,
                 end: int | None = None) -> dict[str, int] | None:
    """The columns of a row whose cells from ``gap`` on stand one column to the left of the
    header's (满意度 | 服务对象满意度 | 满意 | 达成指标 | 10 | 10 | <blank> under … | <gap> |
    指标值 | 完成值 | 分值 | 得分): the 得分 cell holds no points, the cells one to the left
    of 分值 and 得分 do (a score no more than its points), and nothing stands in the table's
    last column; else None. The row's cells from ``end`` on are not looked at (a 总分 row's
    评分等级 and its grade)."""
    values = grid.values

    def at(column: int) -> Any:
        return None if end is not None and column >= end else values.get((row, column))

    if gap > columns["weight"] or at(max(columns.values())) is not None \
            or _points_text(at(columns["score"])) is not None:
        return None
    shifted = {key: column - 1 if column > gap else column for key, column in columns.items()}
    weight, score = (at(shifted[key]) for key in ("weight", "score"))
    if _points_text(weight) is None or _points_text(score) is None \
            or points(score) > points(weight) + TOLERANCE:
        return None
    return shifted


def _gap_shifted_total(grid: Grid, row: int, columns: dict[str, int],
                       gap: int | None) -> dict[str, int] | None:
    """The columns of a 总分 row that lost the table's blank column (总分 | 100 | 99.97
    under 完成值 and 分值, 得分 blank — or 评分等级 | 优 there, the grade on the total's
    row), in a table with such a blank column; else None."""
    if gap is None or (row, gap) in grid.values or (row, columns["score"]) in grid.formulas:
        return None
    grade = next((column for column in grid.rows.get(row, [])
                  if column > gap and is_grade_label(grid.texts.get((row, column), ""),
                                                     results=False)), None)
    return _gap_shifted(grid, row, columns, gap, grade)


def _results_end(grid: Grid, first: int, last: int, stop: int, weight_column: int,
                 table: SelfEvaluation) -> int:
    """The table's last row under its 总分 and 等级 rows (``first`` to ``last``): the rows
    explaining it (``_explained_below``) and the sentences stating its results (a 自评结论,
    ``read_statements``), in any order."""
    while True:
        explained = _explained_below(grid, last, stop, weight_column, table)
        said = read_statements(grid, first, explained, stop, table)
        if said == last:
            return last
        last = said


def _explained_below(grid: Grid, last: int, stop: int, weight_column: int,
                     table: SelfEvaluation) -> int:
    """The table's last row once the rows explaining it under its 总分 and 等级 are taken
    (偏差大或目标未完成原因分析 | <text>, 改进措施… — the 四川 form's closing rows; a 原因
    row's text is the table's ``reason``): ``last``, or the last such row."""
    row = last + 1
    while row < min(stop, last + _STOP_BLANK_ROWS + 2):
        if grid.rows.get(row):
            end = _closes_table(grid, row, weight_column, table)
            if end is None:
                break
            last = row = end
        row += 1
    return last


# The label of the 年度总体目标 block (预期目标 / 实际完成情况), printed under the indicators
# by some units — the label alone, not an indicator named after it (总体目标完成率); not
# 年度绩效目标, which may head the indicator block itself (湖北)
# 年度总体目标; 项目年度目标1： (湖北 市县, between the 决策/管理 block and the 绩效 block)
_GOAL_LABEL = re.compile(r"(?:年度)?总体目标(?:完成情况)?[:：]?|项目年度目标\d*[:：]?")
# A label that only says "the sum" (合计, 总计): a subtotal where indicator rows follow it
_BARE_SUM = re.compile(r"(?:合计|总计)[:：]?")


def _whole_points(grid: Grid, row: int, weight_column: int) -> bool:
    """Whether a row's 分值 is the table's whole 100, or not written: a 合计 above every
    indicator row (合计 | 100 | 98 under the header) is the 总分, no subtotal."""
    weight = points_at(grid, row, weight_column)
    return weight is None or abs(weight - FULL_MARKS) <= TOLERANCE


def _group_printed_below(grid: Grid, header: Header, row: int) -> bool:
    """Whether a group heading (``group_heading``: 满意度指标) and then ``header`` printed
    again follow ``row`` — the rows of a 合计 short of the full marks going on under it (合计 |
    90 | 79.78, then the 满意度 block under its heading): blank lines, a page's number or 续表
    between them, nothing else."""
    line = [grid.texts.get((header.top, column), "") for column in grid.rows.get(header.top, [])]
    named = False
    for below in range(row + 1, row + _GROUP_REACH + 1):
        present = grid.rows.get(below)
        if not present:
            continue
        texts = [grid.texts.get((below, column), "") for column in present]
        if named and texts == line:
            return True
        if len(texts) != 1:
            return False
        if group_heading(grid, below) is not None:
            named = True
        elif not is_between_rows(texts) and not is_continued_line(texts[0]):
            return False
    return False


def _rows_go_on(grid: Grid, columns: dict[str, int], row: int, stop: int) -> bool:
    """Whether a row labelled as a sum (合计) has indicator rows under it — a 一级's
    subtotal amid the table, not the 总分: the next row with cells names an indicator
    (its 三级 with points, or a 指标值/完成值), not a total or grade."""
    before = label_before(columns, first=True)
    for below in range(row + 1, min(stop, row + _STOP_BLANK_ROWS)):
        if not grid.rows.get(below):
            continue
        label = row_label(grid, below, before)
        if label and (is_total_row(grid, below, columns, before) or is_grade_label(label)):
            return False
        values, texts = grid.values, grid.texts
        if any(fund_role(texts.get((below, column), "")) in _AMOUNTS
               for column in grid.rows[below]):
            return False  # the money block printed under the indicators
        name = values.get((below, columns.get("name", -1)))
        named = isinstance(name, str) and indicator_role(texts[(below, columns["name"])]) is None
        weighted = isinstance(values.get((below, _points_column(columns))), (int, float))
        measured = any(values.get((below, columns[key])) is not None
                       for key in ("target", "actual") if key in columns)
        return named and (weighted or measured)
    return False


_WRAPPED = ("level1", "level2", "name", "target", "actual", "reason")
_VALUE_STARTS = "≥≤<>=＞＜≧≦⩾⩽0123456789"  # how a 指标值 or 完成值 of its own begins


def _own_value(piece: str, beside: str) -> bool:
    """Whether a 指标值/完成值 ``piece`` is a value of its own, not a wrapped line of the
    value ``beside`` it (≥95% under ≥1000册): it begins as a value, beside one with a number
    — and does not complete that number (see ``_completes_number``)."""
    return piece.strip()[:1] in _VALUE_STARTS and any(ch.isdigit() for ch in beside) \
        and not _completes_number(piece, beside)


_NUMBER_CUT = re.compile(r"(?:[,，.．]|[,，]\d{1,2})$")  # 1,2 or 98. : a number cut short


def _completes_number(piece: str, beside: str) -> bool:
    """Whether ``piece`` is the rest of a number the text ``beside`` (the line above) ends
    in, cut where a converted PDF wrapped it ("≥1,2" / "00人", "1,25" / "0人"): the piece
    begins with digits and the line ends in a separator, in a thousands group short of its
    three digits, or in a digit with the piece going on with a 0 and a digit (a number of
    its own never begins so). ("≥1000" / "95": a value of its own, as before.)"""
    piece, beside = piece.strip(), beside.strip()
    if not piece[:1].isdigit() or not beside[-1:].isdigit() and beside[-1:] not in ",，.．":
        return False
    return _NUMBER_CUT.search(beside) is not None \
        or (piece[:1] == "0" and piece[1:2].isdigit())
_FRAGMENT = 12  # characters at most of a wrapped line's rest


def _continued(above: Indicator, read: dict[str, Any], own: list[bool], home: int,
               carried: dict[str, tuple[Any, Place | None]], pointed: bool = True,
               paged: bool = False) -> bool:
    """Whether a row holds only the wrapped rest of the texts of the indicator right above
    it (read in row ``home``) — a PDF converted to a sheet puts a cell's further lines in
    rows of their own ("全县经办业务" / "量", "规定时间" / "内", "满意度指" / "标"), the rest
    of the name, the units and the reason's rest on one row ("益人口 | 万人 | 万人 | … |
    响未完工…") — and if so, adds each piece to its text (a unit to a 指标值 or 完成值 read
    as a number: 2.38 | 万人, a Word table's). No points, only short texts, each under a
    text of the indicator's own row and shorter than it — but a reason's rest beside other
    rests (the lines of a long text under the numbers, together), and any rest at the top of
    the next page (``paged``: the row a page break split, all its lines there) that evidently
    goes on from above (``_goes_on_paged``). In a table
    without 分值 and 得分 columns (``pointed`` false: no row has points) a row with a name
    and a 指标值 or 完成值 of its own is an indicator (衡山: 库存数量真实率 | 100% | 100%
    under …储备到位率 | 100% | 100%)."""
    if read.get("weight") is not None or read.get("score") is not None:
        return False
    pieces = {key: value for key, value in read.items() if value is not None
              and (key not in _LEVELS or own[_LEVELS.index(key)])}  # not merged from above
    if not pointed and "name" in pieces and {"target", "actual"} & set(pieces):
        return False
    free = {"reason"} if len(pieces) > 1 else set()  # any length: its lines together
    if not pieces or any(key not in _WRAPPED or not isinstance(value, str)
                         or (key not in free and len(value.strip()) > _FRAGMENT)
                         or is_placeholder(value) or is_template_name(value)
                         or _names_a_row(value)
                         for key, value in pieces.items()):
        return False
    texts: dict[str, str] = {}
    for key, value in pieces.items():
        text = getattr(above, key)
        if key in ("target", "actual") and isinstance(text, (int, float)) \
                and not isinstance(text, bool):
            text = plain_text(text)  # 2.38 a number, its unit on the next line
        place = dict.get(above.sources, key)
        if not isinstance(text, str) or not text or type(place) is not tuple \
                or place[1] != home:  # the indicator's own cell, in its own row
            return False
        if key in ("target", "actual") and _own_value(value, text):
            return False  # ≥95% under ≥1000册: a value of its own (分值, 得分 merged above)
        # A wrapped line's rest is no longer than the line; one piece alone, much shorter
        # (a short name under a long one may be a row of its own, left unfilled).
        longest = len(text) if len(pieces) > 1 or key in ("target", "actual") \
            and _completes_number(value, text) else max(2, len(text) // 2)
        if key not in free and not paged and len(value.strip()) > longest:
            return False
        if paged and not _goes_on_paged(key, value, text):
            return False
        texts[key] = text
    for key, value in pieces.items():
        setattr(above, key, texts[key] + value.strip())
        if key in carried and carried[key][1] == dict.get(above.sources, key):
            carried[key] = (getattr(above, key), carried[key][1])
    return True


# How a whole 三级 name ends (受益人口, 水费收缴率, 管护制度, 受益人口（万人）): a name above a
# page break ending so is no line cut short — a name under it begins a row of its own.
_WHOLE_NAME = re.compile(r"(?:[率度数量额值性比价费]|人口|人次|时间|时限|期限|工期|周期|机制"
                         r"|体系|情况|效果|效益|成本|标准|面积|长度|里程|规模|水平|能力|项目"
                         r"|工程|设施|任务|[)）])$")
_GOES_ON = tuple("（(）)、，,。；;：:")  # a piece opening so goes on from the line above


def _goes_on_paged(key: str, piece: str, above: str) -> bool:
    """Whether ``piece``, at the top of a table's next page, evidently goes on from the text
    ``above`` it on the page before (the row a page break split) rather than beginning a row
    of its own: it opens with a bracket or a punctuation mark (（农村常住人口）); a 指标值 or
    完成值 is a unit after a number (2.38 | 万人) or the rest of a cut number — a value of its
    own (健全, 达标, ≥90%) begins a row; a 三级 goes on from a name cut short (农村集中供水工程受
    | 益人口), not from a whole one (农村集中供水工程受益人口 | 管护制度, 水费收缴率: rows of
    their own, unfilled)."""
    piece, above = piece.strip(), above.strip()
    if piece.startswith(_GOES_ON):
        return True
    if key in ("target", "actual"):
        return above[-1:].isdigit() and is_unit(piece) or _completes_number(piece, above)
    if key == "name":
        return _WHOLE_NAME.search(above) is None
    return True  # a 一级/二级 (no row names: _names_a_row) or a reason's rest


def _next_page(grid: Grid, last: int, row: int) -> bool:
    """Whether ``row`` begins the document table right after the one row ``last`` is in,
    nothing but blank rows or a page's number between: the next page of a table a page
    break split (Word, a PDF→Word conversion), its first row perhaps the rest of ``last``."""
    tables = grid.tables
    if not tables:
        return False
    at = next((number for number, table in enumerate(tables)
               if table.first <= last <= table.last), None)
    return at is not None and at + 1 < len(tables) and tables[at + 1].first == row \
        and nothing_between(grid, last + 1, row)


def _own_measure(grid: Grid, row: int, columns: dict[str, int]) -> bool:
    """Whether ``row`` is an indicator of its own under a 三级 merged down from a row above
    (水质达标率 over 出厂水≥95% | 5 and 末梢水≥90% | 5): a 分值 (or, without one, a 得分)
    and a 指标值 or 完成值 in cells of its own, not merged from above — the merged name is
    then its name too. A row without its own points under the name (a 指标值's second
    line, or points merged over the rows: a group scored as one, JX109) stays unnamed."""
    def own(key: str) -> bool:
        where = (row, columns[key]) if key in columns else None
        return where is not None and where in grid.values \
            and grid.origin.get(where, where)[0] == row
    points = "weight" if "weight" in columns else "score"
    return own(points) and (own("target") or own("actual"))


def _under_merged_points(grid: Grid, columns: dict[str, int], row: int) -> bool:
    """Whether ``row``'s 分值 (or 得分) cell is part of one merged down from a row above (a
    二级 group's points in one cell): the row has its points there, no wrapped lead."""
    return any((origin := grid.origin.get((row, columns[key]))) is not None and origin[0] < row
               for key in ("weight", "score") if key in columns)


def _leads(above: Indicator, heads: tuple[bool, bool], read: dict[str, Any],
           places: dict[str, Place], own: list[bool], home: int) -> bool:
    """Whether the indicator right above (read in row ``home``) holds only the first lines
    of this row's texts — a converted PDF prints a wrapped cell's first line a row above
    the numbers when they sit on its last ("全县经办业务" / "量 | ≥2万件 | … | 20") — and if
    so, puts them before this row's texts (``read``, ``places``, ``own``). The row above:
    a name and texts, no points or numbers; this row: points, and under each of those
    texts nothing or a short rest (one alone at most a third of its first line's length:
    a name of its own under a row left unfilled is no rest)."""
    if read.get("weight") is None and read.get("score") is None:
        return False
    if any(value is not None for value in (above.weight, above.score_declared, above.judged,
                                           above.nature, above.unit)):
        return False
    lead: dict[str, str] = {}
    for key in _WRAPPED:
        text = getattr(above, key)
        place = dict.get(above.sources, key)
        if text is None or (key in _LEVELS and not heads[_LEVELS.index(key)]):
            continue
        if not isinstance(text, str) or not text or is_placeholder(text) \
                or type(place) is not tuple or place[1] != home:
            return False
        lead[key] = text
    if "name" not in lead:
        return False
    rests: dict[str, str] = {}
    for key in lead:
        value = read.get(key)
        if value is None or (key in _LEVELS and not own[_LEVELS.index(key)]):
            continue
        if not isinstance(value, str) or len(value.strip()) > _FRAGMENT \
                or is_placeholder(value) or is_template_name(value) or _names_a_row(value):
            return False
        rests[key] = value.strip()
    for key, rest in rests.items():
        longest = len(lead[key]) if len(rests) > 1 else max(2, len(lead[key]) // 3)
        if len(rest) > longest:
            return False
        if key in ("target", "actual") and _own_value(rest, lead[key]):
            return False  # ≥95% under ≥1000册: a value of its own (分值, 得分 merged above)
    for key, text in lead.items():
        read[key] = text + rests.get(key, "")
        places[key] = above.sources[key]  # where the text starts
        if key in _LEVELS:
            own[_LEVELS.index(key)] = True
    return True


def _sum_label_aside(grid: Grid, row: int, present: list[int],
                     columns: dict[str, int]) -> Place | None:
    """The cell of its own that labels ``row`` as a sum (小计, 合计, 产出指标小计) in a
    label column no role of the header's is read from — the 绩效指标 column left of the
    一级, not merged over the rows —, left of the 分值; None if there is none."""
    before = label_before(columns, first=True)
    roles = set(columns.values())
    for column in present:
        if column >= before:
            break
        if column in roles or (row, column) in grid.origin \
                or not isinstance(grid.values.get((row, column)), str):
            continue
        text = grid.texts[(row, column)]
        if _SUM_LABEL.fullmatch(text) is not None or _BARE_SUBTOTAL.fullmatch(text) is not None:
            return grid, row, column
    return None


def _names_a_row(text: str) -> bool:
    """Whether a short text is a row's own: a 一级/二级 name (效益, 质量指标, the 预算执行率
    as a 一级 of its own) or a sum (小计)."""
    return levels.is_level1_only(text) or levels.level1_of_level2(text) is not None \
        or levels.level1_category(text) == levels.EXECUTION \
        or "小计" in text or _BARE_SUM.fullmatch(compact_text(text)) is not None


def _not_applicable_row(read: dict[str, Any], score_typed: bool) -> bool:
    """A named row the unit marked as not applicable this year, its points moved elsewhere:
    its 分值 written 不适用 (无, /, —, or 0), its 得分 too, no 指标值 or 完成值 but
    placeholders. A 分值 left blank is a forgotten one (JX106), not a mark."""
    weight = read.get("weight")
    return read.get("name") is not None and weight is not None \
        and (is_placeholder_points(weight) or says_not_applicable(weight)) \
        and (not score_typed or is_placeholder_points(read.get("score"))
             or says_not_applicable(read.get("score"))) \
        and all(is_placeholder(read.get(key)) or says_not_applicable(read.get(key))
                for key in _CONTENT_TEXT)


def _counted_by_formulas(read: dict[str, Any], score_typed: bool) -> bool:
    """Whether jixiao's template's formulas count a row: its 分值 in the 分值合计, its 得分 (or
    its ⚠, which leaves the 总分 open) in the 总分 — a row holding a 指标值, a 完成值, a 分值,
    or a 得分 typed over the formula; a row holding only a name they pass over."""
    return score_typed or not all(is_placeholder(read.get(key))
                                  for key in ("target", "actual", "weight"))


def _unused_row(read: dict[str, Any], score_typed: bool) -> bool:
    """A row that is no indicator: blank (a printed 二级 label at most), or a template row
    left unused, with no name, or the template's own (指标1：, ……), and nothing but
    placeholders ("/", "—", 无, 0 points) in its cells. A named row with a "/" in some
    cell is an indicator (its checks say what is missing); a 得分 a formula gives does
    not make one."""
    name = read.get("name")
    return ((is_placeholder(name) or is_template_name(name) or is_optional_label(name)
             or names_not_applicable(name))
            and all(is_placeholder(read.get(key)) for key in _CONTENT_TEXT)
            and is_placeholder_points(read.get("weight"))
            and (not score_typed or is_placeholder_points(read.get("score"))))


# The number before a section's heading: 一、 (一) 1. 1、 — or the level it names, as an
# export writes it (一级：产出指标, 二级:数量指标, 一级指标：产出指标; the texts are NFKC, ：→ :)
_ORDINAL = re.compile(rf"(?:{WORD_NUMBER.pattern}|\([一二三四五六七八九十]+\)|{DIGIT_NUMBER.pattern}"
                      r"|[一二三]级(?:指标)?:|[一二三]级指标(?=\S*指标))")
# A column of indicator codes left of the names (指标编码 | 绩效指标): its header's word …
_CODE_HEADS = frozenset(("指标编码", "编码", "指标代码", "代码", "编号", "指标编号", "序号"))
# … and what it holds: 1, 1.1, 1.1.1, 301, A01, KPI12
_CODE = re.compile(r"[A-Za-z]{0,4}\d+(?:\.\d+)*")


def _code_columns(grid: Grid, header: Header, leftmost: int) -> frozenset[int]:
    """The columns left of the header's first role headed 指标编码 (编码, 代码, 序号): a code
    beside a heading row's name (1 | 产出指标) leaves it a heading row."""
    return frozenset(column for row in range(header.top, header.row + 1)
                     for column in grid.rows.get(row, ()) if column < leftmost
                     and compact_text(grid.texts.get((row, column), "")) in _CODE_HEADS)


def _section_heading(grid: Grid, row: int, column: int) -> str | None:
    """The 一级 a row alone in a table without 一级 column opens, if it is such a heading
    (一、产出指标（50分）, （二）效益指标, 满意度指标 — written across the table above its
    二级 | 三级 | … rows): the 一级 name with its points, without its number; else None."""
    text = _heading_text(grid, row, column)
    if text is None:
        return None
    name, _ = heading_points(text)
    if not levels.is_level1_only(name) or name.rstrip(":").startswith("绩效"):
        return None  # 绩效指标 alone: a header's word, no 一级
    return text


def group_heading(grid: Grid, row: int) -> str | None:
    """The 一级 a row of one text alone heads its group with (满意度指标, 三、满意度指标（10分）
    written across the table — a page's heading naming the group where another says 续表,
    the header printed again under it — or a 二级 alone, the 一级 it is of: 服务对象满意度
    指标 heads 满意度指标's rows): as ``group_row`` reads it; else None."""
    present = grid.rows.get(row)
    if present is None or len(present) != 1:
        return None
    found = group_row(grid, row, present)
    return None if found is None else found[0]


def group_row(grid: Grid, row: int, present: list[int],
              columns: dict[str, int] | None = None) -> tuple[str, str | None] | None:
    """The group a row heads, where its first cell names a 一级 (满意度指标, 三、满意度指标
    （10分）, as ``_section_heading`` reads it) or a 二级 alone (服务对象满意度指标,
    （三）社会效益指标（20分）) and each other cell (two at most) is points — the group's
    分值 and 得分 (满意度指标 | … | 10 | 9.44, 满意度指标 | 10分): its 一级 as written (a
    二级's: the 一级 it is of) and its 二级 without number and points (None for a 一级's);
    else None. With the table's ``columns``, a row with points names its group outside
    the indicator columns (the 绩效指标 column, merged across them) or a 一级 in the 一级
    column, and writes nothing in the others (``_GROUP_FREE``: its 指标值, 完成值, 三级) —
    a 三级 named 服务对象满意度指标 with its points is an indicator."""
    if not present or len(present) > 3:
        return None
    column, role = present[0], None
    if columns is not None and len(present) > 1:
        role = next((key for key, at in columns.items() if at == column), "")
        if role not in ("", "level1") or any(columns.get(key) in present for key in _GROUP_FREE):
            return None
    values = grid.values
    if any(_points_text(values.get((row, other))) is None for other in present[1:]):
        return None
    if (level1 := _section_heading(grid, row, column)) is not None:
        return level1, None
    if role == "level1":
        return None  # a 二级 with points in the 一级 column: the row's own reading
    level2 = _level2_heading(grid, row, column)
    level1 = levels.level1_of_level2(level2)
    return None if level2 is None or level1 is None else (level1, level2)


# A group heading row writes nothing in these columns (its points stand in the 分值/得分)
_GROUP_FREE = ("target", "actual", "initial_target", "nature", "sign", "unit", "actual_unit",
               "name", "level2")


def _group_above(grid: Grid, header: Header) -> tuple[str, str | None, Place] | None:
    """The 一级 and 二级 a group heading (``group_row``) names over ``header`` printed
    again, with its cell: the nearest within ``_GROUP_REACH`` rows, over lines of one cell
    only (续表, a page's number); a row of more cells (the last indicator) ends the search."""
    for row in range(header.data_start - 1, max(header.data_start - _GROUP_REACH, 1) - 1, -1):
        present = grid.rows.get(row)
        if present is None:
            continue
        if (found := group_row(grid, row, present, header.columns)) is not None:
            return found[0], found[1], (grid, row, present[0])
        if row < header.top and len(present) > 1:
            return None
    return None


_GROUP_REACH = 6  # rows above a header printed again a group heading may stand in


def _level2_heading(grid: Grid, row: int, column: int) -> str | None:
    """The 二级 a row alone opens in a table without 二级 column ((一)数量指标, 二、社会效益
    指标（20分）), without its number and points; else None."""
    text = _heading_text(grid, row, column)
    return heading_points(text)[0] if text and levels.is_level2_only(text) else None


def _numbered_heading(grid: Grid, row: int, column: int, stop: int, number: str,
                      weight_column: int) -> str | None:
    """The 一级 (``number`` "、": 一、项目决策) or 二级 ("()": (一)项目立项) a heading row
    numbered in Chinese opens, whatever its words (an index system's 决策, 资金管理, 产出…),
    where rows numbered in digits (1. 1、 (1)) follow under it — under a 一级, perhaps
    after its (一) heading — or where its 分值 is the sum of the rows under it however they
    are numbered (立项依据充分性, ①立项依据充分性; ``_sums_rows_under``): its name without
    number and points; else None. A 二级's words after a 一、 (二、社会效益指标) stay the
    二级's (``_level2_heading``)."""
    text = grid.texts.get((row, column), "")
    found = _HEADING_NUMBER.match(text)
    if found is None or _heading_number(text) != number or len(text) > 24 \
            or not isinstance(grid.values.get((row, column)), str):
        return None
    name = heading_points(text[found.end():])[0]
    if not name or (number == "、" and levels.is_level2_only(name)):
        return None
    for below in range(row + 1, stop):
        under = grid.texts.get((below, column), "")
        if number == "、" and _heading_number(under) == "()":
            continue  # （一）项目立项 under 一、项目决策: its own rows tell
        if _ITEM_START.match(under) is not None:
            return name
        break
    return name if _sums_rows_under(grid, row, column, stop, number, weight_column) \
        or _among_summing_headings(grid, row, column, stop, number, weight_column) else None


def _among_summing_headings(grid: Grid, row: int, column: int, stop: int, number: str,
                            weight_column: int) -> bool:
    """Whether a row numbered ``number`` with rows under it whose 分值 add to another sum
    ((二)绩效目标 | 6 over 3 + 4, one 分值 mistyped) has a sibling numbered the same way in
    its table, before the 合计, that is a heading by its sum (``_sums_rows_under``): then it
    is a heading too, its subtotal wrong (JX103), not an indicator (rt30 r8 H1). A heading
    with no rows under it stays an indicator (``_lone_heading``)."""
    if not _points_under(grid, row, column, stop, number, weight_column)[0]:
        return False
    siblings = []
    for other in range(row - 1, -1, -1):  # up to the table's start or a 合计 above
        text = grid.texts.get((other, column), "")
        if is_total_label(text) or is_grade_label(text):
            break
        siblings.append(other)
    for other in range(row + 1, stop):
        text = grid.texts.get((other, column), "")
        if is_total_label(text) or is_grade_label(text):
            break
        siblings.append(other)
    return any(_heading_number(grid.texts.get((other, column), "")) == number
               and isinstance(grid.values.get((other, column)), str)
               and _sums_rows_under(grid, other, column, stop, number, weight_column)
               for other in siblings)


def _sums_rows_under(grid: Grid, row: int, column: int, stop: int, number: str,
                     weight_column: int) -> bool:
    """Whether the 分值 of the heading row numbered ``number`` (一、决策 | 22 or （一）项目立项
    | 6) is the sum of the rows under it, down to the next heading of its level or above or
    the 合计: 22 = 3 + 3 + 3 + 3 + 5 + 5 — or, for a 一级, the sum of its （一） headings'
    (one of them an indicator with no rows of its own). A heading with no rows under it
    sums none (五、服务对象满意度 | 10 right above the 合计: an indicator, ``_lone_heading``)."""
    stated = points_at(grid, row, weight_column)
    rows, parts = _points_under(grid, row, column, stop, number, weight_column)
    return stated is not None and bool(rows) and any(
        abs(sum(found) - stated) <= TOLERANCE for found in (rows, parts) if found)


def _points_under(grid: Grid, row: int, column: int, stop: int, number: str,
                  weight_column: int) -> tuple[list[float], list[float]]:
    """The 分值 of the rows under a heading row numbered ``number``, down to the next
    heading of its level or above or the 合计, and, for a 一级, of its （一） headings."""
    ends = ("、",) if number == "、" else ("、", "()")
    rows: list[float] = []  # the points of the rows under it
    parts: list[float] = []  # a 一级's: its （一） headings'
    for below in range(row + 1, stop):
        if below not in grid.rows:
            continue
        under = grid.texts.get((below, column), "")
        heading = _heading_number(under)
        if heading in ends or is_total_label(under) or is_grade_label(under) \
                or _BARE_SUBTOTAL.fullmatch(under) or _sums_rows_above(under):
            break
        weight = points_at(grid, below, weight_column)
        if weight is not None:
            (parts if heading == "()" else rows).append(weight)
    return rows, parts


def _lone_heading(grid: Grid, row: int, column: int,
                  carried: dict[str, tuple[Any, Place | None]]) -> tuple[str, str] | None:
    """A row numbered as a 一级 (四、…) or 二级 ((三)…) heading, in a table whose 一级 (or
    二级) are numbered heading rows, with no numbered row under it (``_numbered_heading``
    said no): the level it opens ("level1" or "level2") and its name without number and
    points — an indicator scored on its own row, none of the group above; else None."""
    text = grid.texts.get((row, column), "")
    number = _heading_number(text)
    key = {"、": "level1", "()": "level2"}.get(number or "")
    if key is None or len(text) > 24 or not isinstance(grid.values.get((row, column)), str):
        return None
    above = carried[key][1]
    if above is None or _heading_number(above[0].texts.get(above[1:], "")) != number:
        return None  # the level above is no numbered heading row's: no such table
    # (its number, not its words, tells its level: 五、服务对象满意度 is a 一级 here)
    name = heading_points(text[_HEADING_NUMBER.match(text).end():])[0]  # type: ignore[union-attr]
    return (key, name) if name else None


def _heading_text(grid: Grid, row: int, column: int) -> str | None:
    """A short text cell without the list number it begins with (一、 （一） 1.); else None."""
    if not isinstance(grid.values.get((row, column)), str):
        return None
    text = grid.texts[(row, column)]
    if len(text) > 24:
        return None
    if (number := _ORDINAL.match(text)) is not None:
        text = text[number.end():]
    return text


def _breakdown_row(read: dict[str, Any]) -> bool:
    """A row that breaks the indicator above it down (其中桃树种植面积 | 1.5亩 | 1.5亩 under
    补助种植面积 | 29.5亩 | 29.5亩 | 20): named 其中…, without points of its own. It
    explains the row above and is not scored; neither an indicator nor the wrapped rest
    of the name above it. A 其中 row with its own 分值 is an indicator."""
    name = read.get("name")
    return isinstance(name, str) and name.lstrip().startswith("其中") \
        and is_placeholder_points(read.get("weight")) and is_placeholder_points(read.get("score"))


def _infer_level1(indicator: Indicator, table: SelfEvaluation, merged: bool) -> None:
    """A blank 一级 filled from above, where the row's 二级 names another 一级
    (社会效益指标 under a carried 产出指标): the 二级 wins; the check says so. A 效益 一级
    ``merged`` over a 满意度 二级 holds it (``levels.holds_satisfaction``): the merge wins."""
    carried = indicator.level1
    inferred = levels.level1_of_level2(indicator.level2)
    category = levels.level1_category(carried)
    if merged and levels.holds_satisfaction(carried, indicator.level2):
        return  # 项目效益（35分） merged over 服务对象满意度指标（10分）: the row is the 效益's
    if carried and inferred and category is not None and category != inferred:
        indicator.level1 = inferred
        table.level1_inferred.append((indicator, carried))


def _class_leading_rows(table: SelfEvaluation, first: int, has_level2: bool) -> None:
    """Rows above the first 一级 typed in the 一级 column are that 一级's: a label a PDF
    conversion put in the middle of its group (产出指标 on the 3rd of 5 rows), or typed in
    its group's second row, not merged over the first. A row whose 二级 names another 一级
    (社会效益指标 above 产出指标) is classed by its 二级, as under a carried 一级, and the
    check says so (nothing carried: ""); a 预算执行率 row without 一级 or 二级 is no
    group's. Likewise rows above the first 二级 typed, of its 一级, are that 二级's (数量指标
    on the 2nd of 2 rows). Only rows where no group is open yet: below a label, a blank
    cell goes on with the label above."""
    rows = table.indicators[first:]
    labelled = next((row for row in rows if row.level1), None)
    if labelled is None:
        return  # no 一级 typed at all: the 二级 class the rows as they are
    category = levels.level1_category(labelled.level1)
    leading: list[tuple[Indicator, str]] = []
    for row in rows:
        if row is labelled:
            break
        inferred = levels.level1_of_level2(row.level2)
        if inferred is not None and inferred != category:
            row.level1 = inferred
            leading.append((row, ""))
        elif row.level2 or levels.level1_category(None, row.name) != levels.EXECUTION:
            _take_level(row, labelled, "level1")
    table.level1_inferred[:0] = leading  # the table's first rows: told first
    labelled = next((row for row in rows if row.level2), None) if has_level2 else None
    for row in rows if labelled is not None else ():
        if row is labelled:
            break
        if row.level1 == labelled.level1:
            _take_level(row, labelled, "level2")


def _take_level(row: Indicator, labelled: Indicator, key: str) -> None:
    """``row``'s 一级 or 二级 (``key``) is ``labelled``'s, read from its cell."""
    setattr(row, key, getattr(labelled, key))
    if key in labelled.sources:
        row.sources[key] = dict.get(labelled.sources, key)


def levels_from_below(table: SelfEvaluation) -> None:
    """On jixiao's template: rows above the first 一级 with 一级 and 二级 blank are the group
    below's. A row inserted at the top of the block (at row 13) lands above the 一级/二级
    merges, which Excel and LibreOffice move down instead of stretching; the template's
    formulas read its 二级 as the group's below ($C13:$C$14), and so does check. Noted
    under ``LEVELS_BELOW`` for JX107 to tell. (A unit's own table is not read so: a first
    row without 一级 there may be one of no group — a 预算执行率 row.)"""
    leading = []
    for row in table.indicators:
        if (row.level1 or row.level2) and not _levels_from_a_row_below(row):
            break  # (a row above the first label has it already: ``_class_leading_rows``)
        leading.append(row)
    below = table.indicators[len(leading)] if len(leading) < len(table.indicators) else None
    if not leading or below is None or not below.level1:
        return
    for row in leading:
        for key in _LEVELS:
            setattr(row, key, getattr(below, key))
            if key in below.sources:
                row.sources[key] = dict.get(below.sources, key)
        if "name" in row.sources:
            table.sources[LEVELS_BELOW + row.sources["name"].cell] = dict.get(row.sources, "name")


def _levels_from_a_row_below(row: Indicator) -> bool:
    """Whether ``row``'s 一级 was read from a cell below its own row (``_take_level``)."""
    name, level1 = row.sources.get("name"), row.sources.get("level1")
    if name is None or level1 is None:
        return False
    return split_ref(level1.cell)[0] > split_ref(name.cell)[0]


def _keep_by_heading_points(table: SelfEvaluation, first: int) -> None:
    """The merge a PDF conversion lost, told by the points: a 效益 heading written once with
    its points (项目效益（35分）) over 满意度 rows carried down, whose rows make its points
    only with them (15 + 10 + 10 = 35), holds them as the merge did — not moved to 满意度
    (a false JX107, and a false JX103 of 35 against 25)."""
    moved: dict[str, list[Indicator]] = {}
    for indicator, carried in table.level1_inferred:
        if levels.holds_satisfaction(carried, indicator.level2) \
                and any(row is indicator for row in table.indicators[first:]):
            moved.setdefault(carried, []).append(indicator)
    for carried, rows in moved.items():
        stated = heading_points(carried)[1]
        if stated is None or any(row.weight is None for row in rows):
            continue
        held = sum(row.weight or 0.0 for row in table.indicators[first:]
                   if row.level1 == carried)
        added = sum(row.weight or 0.0 for row in rows)
        if abs(held - stated) > TOLERANCE >= abs(held + added - stated):
            for row in rows:
                row.level1 = carried
            table.level1_inferred[:] = [pair for pair in table.level1_inferred
                                        if not any(pair[0] is row for row in rows)]


def _blank_measure(indicator: Indicator) -> bool:
    return all(_blank_text(value) for value in (indicator.target, indicator.actual,
                                                indicator.nature, indicator.unit,
                                                indicator.actual_unit))


_blank_text = is_placeholder  # empty, or "—" / "/" / 无


def _take_execution_row(table: SelfEvaluation, first: int, heads: list[tuple[bool, bool]]) -> None:
    """The 预算执行率 row of a 评分附件表 ("预算执行率 | 预算执行率 | 10 | | | 3.10"): no
    target or actual, its points and score are the money's; it leaves the indicators."""
    if table.execution_row is not None:
        return
    for index in range(first, len(table.indicators)):
        indicator = table.indicators[index]
        if indicator.weight is None or not _blank_measure(indicator):
            continue
        # its own 一级 (预算执行率 beside 产出/效益/满意度), not an indicator under 产出
        if levels.level1_category(indicator.level1, indicator.name) == levels.EXECUTION:
            table.execution_row = table.indicators.pop(index)
            heads.pop(index - first)
            return


def _take_subtotals(table: SelfEvaluation, first: int, heads: list[tuple[bool, bool]],
                    has_level2: bool, sums: frozenset[int] | set[int] = frozenset(),
                    headings: dict[int, int] | None = None) -> None:
    """Move 小计 rows out of the indicators into ``table.subtotals``.

    A row without target and actual is a subtotal when its name cell holds only a 一级
    name, when it opens a 一级 in a layout without 二级 column (评分附件表) or is a 一级
    written across a table without 一级 column (产出指标 | | | | 50) and rows
    follow, when it opens its 一级 or 二级 (产出指标 | 数量指标 | | | | 30 above the
    数量指标 rows: its rows' sum is JX103's to compare), or when its points equal the sum
    of the rows below it; its rows end at the next 一级 or 二级 — a heading row's
    without points too (``_leaves_group``); a row labelled 小计
    sums the rows above it, back to where the 一级 changes (the same 一级 written on
    each row is one 一级) — or those below, when it opens its 一级 and the 一级 goes on
    down from it (one cell merged over the 小计 and its rows, or 过程小计 above rows
    each written 过程); the last row, when it sums
    every indicator above it, is their sum (``_whole_sum``). jixiao's template has no
    subtotal rows: a row of it with points and nothing else is a half-filled indicator
    (JX201/JX202 say what is missing). ``headings``: the rows read as a 一级 (0) or 二级 (1)
    heading row (一、项目决策 | | 22 | 20, （一）数量指标 | | 20 | 20) and their level."""
    if table.template:
        return
    headings = headings or {}
    rows = table.indicators[first:]
    # 合计 alone is the table's sum — unless it closes each group: one after each is theirs
    bare = {index for index, (indicator, (own1, own2)) in enumerate(zip(rows, heads, strict=True))
            if indicator.weight is not None and _blank_measure(indicator)
            and any(_BARE_SUBTOTAL.fullmatch(compact_text(text)) for text in (
                indicator.name, indicator.level1 if own1 else None,
                indicator.level2 if own2 else None) if text)}
    grouped = set() if len(bare) < 2 else bare - {len(rows) - 1} \
        if _sums_all_above(rows, sorted(bare)) else bare  # (a last one of 90: the whole's)
    ranks: list[int | None] = []  # 0: a 一级 subtotal, 1: 二级, 2: unlabelled; None: a row
    for index, (indicator, (own1, own2)) in enumerate(zip(rows, heads, strict=True)):
        rank = None
        if indicator.weight is not None and _blank_measure(indicator):
            own = (indicator.name, indicator.level1 if own1 else None,
                   indicator.level2 if own2 else None)
            if index in sums or index in grouped or any(_sums_rows_above(text) for text in own
                                                        if text):
                rank = -1  # "小计" (产出指标小计, 产出指标合计) under its rows
            elif index in headings:
                rank = headings[index]
            elif _blank_text(indicator.name):  # empty, or "—" / "/"
                # its own 二级 cell makes it the 二级's, though the 一级 merge begins on it
                level2_own = own2 and not levels.is_level1_only(indicator.level2)
                rank = 1 if level2_own else 0 if own1 and levels.is_level1_only(indicator.level1) \
                    else 1 if own2 else 2
            elif levels.is_level1_only(indicator.name, as_name=True):
                rank = 0
        ranks.append(rank)
    whole = None if len(rows) - 1 in grouped else _whole_sum(table, first, ranks, heads, sums)
    if whole is not None:
        ranks[-1] = _WHOLE
    if all(rank is None for rank in ranks):
        return
    taken: set[int] = set()
    # each row's 一级 as read, before its 二级 classed it elsewhere (``_infer_level1``)
    as_read = {id(indicator): carried or None for indicator, carried in table.level1_inferred}
    for index, rank in enumerate(ranks):
        if rank is None:
            continue
        heading = rows[index]
        if rank == _WHOLE and whole is not None:
            taken.add(index)
            label, members = whole
            table.subtotals.append(Subtotal(label, heading.weight, heading.score_declared,
                                            members, _heading_sources(heading)))
            continue
        if rank == -1 and heads[index][0] and index + 1 < len(rows) \
                and ranks[index + 1] is None and (not heads[index + 1][0]
                                                  or _heads_rows_below(rows, index)):
            # 小计 on the row that opens its 一级, the 一级 going on down (a merge), or
            # named after the 一级 of the rows below (过程小计 above 过程 | …): it heads
            # the rows of that 一级 below it
            members = [rows[index + 1]]
            for below in range(index + 2, len(rows)):
                if ranks[below] is not None or (heads[below][0] and not _same_level1(
                        rows[below].level1, rows[below - 1].level1)):
                    break
                members.append(rows[below])
        elif rank == -1:  # the rows above it, back to the previous subtotal or 一级 start
            members = []
            for above in range(index - 1, -1, -1):
                if ranks[above] is not None:
                    break
                if members and heads[above + 1][0] \
                        and not _same_level1(rows[above].level1, rows[above + 1].level1):
                    break  # another 一级 (the same one written again on its rows goes on)
                members.insert(0, rows[above])
        if rank == -1:
            taken.add(index)
            table.subtotals.append(Subtotal(_sum_label(heading, *heads[index]), heading.weight,
                                            heading.score_declared, members,
                                            _heading_sources(heading)))
            continue
        named = not _blank_text(heading.name)
        category = levels.level1_category(heading.name if named else heading.level1)
        members = []
        for below in range(index + 1, len(rows)):
            if ranks[below] is not None:
                if ranks[below] <= rank:
                    break
                continue  # a 二级 subtotal inside a 一级
            if _leaves_group(heading, rank, category, rows[below], as_read):
                break
            members.append(rows[below])
        total = sum(member.weight or 0.0 for member in members)
        # a 一级/二级 heading opening its group heads its rows whatever they add up to
        # (JX103 says they do not); one amid its group's rows must add up to be one
        opens = rank in (0, 1) and (index == 0 or ranks[index - 1] is not None
                                    or _leaves_group(heading, rank, category, rows[index - 1],
                                                     as_read))
        if named or (members and (abs(total - heading.weight) <= TOLERANCE or opens
                                  or (rank == 0 and not has_level2) or index in headings)):
            taken.add(index)
            text = heading.name if named else (heading.level1 if rank == 0 else heading.level2)
            label = str(text or "小计")
            if named:
                for member in members:
                    if member.level1 is None:
                        member.level1 = label
            table.subtotals.append(Subtotal(label, heading.weight, heading.score_declared,
                                            members, _heading_sources(heading)))
    if taken:
        table.indicators[first:] = [row for index, row in enumerate(rows) if index not in taken]


def _sums_all_above(rows: list[Indicator], bare: list[int]) -> bool:
    """Whether the last of the rows labelled 合计 alone (``bare``, ascending), the table's
    last row, sums every row above it that is no 合计 (90 under groups of 50, 30 and 10),
    not the rows since the 合计 before it (10): the indicators' sum, the 合计 above it
    their groups'."""
    last = bare[-1]
    if last != len(rows) - 1 or rows[last].weight is None:
        return False
    weight = rows[last].weight
    group = sum(row.weight or 0.0 for row in rows[bare[-2] + 1:last])
    whole = sum(row.weight or 0.0 for index, row in enumerate(rows[:last]) if index not in bare)
    return abs(weight - group) > TOLERANCE and abs(weight - whole) <= TOLERANCE


def _leaves_group(heading: Indicator, rank: int, category: str | None, row: Indicator,
                  as_read: dict[int, str | None]) -> bool:
    """Whether ``row`` is out of the group of the 一级 (``rank`` 0) or 二级 (1) heading
    row ``heading``: it stands under another 一级 or 二级 — its own cell's, or one carried
    down from a heading row without points (二、效益指标 | | | under 一、产出指标 | 50 | 50)
    or from a row above. The same one written again goes on; a blank one goes on. 一级
    of no standard category (an index system's 项目决策, 项目过程) are told by their words."""
    level1 = as_read.get(id(row), row.level1)
    own = levels.level1_category(level1) if level1 else None
    if level1 and own != (category if rank == 0 else levels.level1_category(heading.level1)):
        return True
    if level1 and own is None and heading.level1 \
            and compact_text(level1) != compact_text(heading.level1):
        return True
    return rank == 1 and bool(row.level2) \
        and compact_text(row.level2) != compact_text(heading.level2)


def _take_numbered_groups(table: SelfEvaluation, first: int) -> None:
    """Move each 三级 numbered at one level ("一、示范区建立 | ≥20000亩 | 15", "1.培训人数 | 10")
    whose rows numbered one level deeper follow it ("1、…", "2、…" under 一、; "（1）" or
    "1.1" under 1.; "①" under （1）; from 1, in the same 二级) into ``table.subtotals``:
    the group's target and points are its rows' sum — counted once, not again beside
    them; JX103 compares the two. Under a heading numbered in digits the rows' 分值 must
    also add up to its own (a 1. indicator followed by its own （1） notes is no group)."""
    if table.template:
        return
    rows = table.indicators[first:]
    taken: set[int] = set()
    for index, heading in enumerate(rows):
        number = _numbering(heading.name)
        if number is None:
            continue
        members = []
        for below in rows[index + 1:]:
            under = _numbering(below.name)
            if under is None or under[0] <= number[0] or under[2] != len(members) + 1 \
                    or (under[1] is not None and under[1] != number[2]) \
                    or (members and under[0] != _numbering(members[0].name)[0]) \
                    or compact_text(below.level2) != compact_text(heading.level2):
                break
            members.append(below)
        if members and number[0] > 0 and not _points_add_up(heading, members):
            continue
        if members:
            taken.add(index)
            table.subtotals.append(Subtotal(str(heading.name), heading.weight,
                                            heading.score_declared, members,
                                            _heading_sources(heading)))
    if taken:
        table.indicators[first:] = [row for index, row in enumerate(rows) if index not in taken]


_DECIMAL_NUMBER = re.compile(r"(\d{1,2})[.．](\d{1,2})(?![\d%])")
_PAREN_NUMBER = re.compile(r"[(（](\d{1,2})[)）]")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def _numbering(name: object) -> tuple[int, int | None, int] | None:
    """A 三级 name's list number as (depth, parent, number): 一、 (0), 1. or 1、 (1), 1.1
    (2, under 1.), （1） (2), ① (3); None if it has none."""
    raw = name.strip() if isinstance(name, str) else ""
    if raw[:1] and raw[0] in _CIRCLED:  # before NFKC, which makes ① a 1
        return 3, None, _CIRCLED.index(raw[0]) + 1
    text = compact_text(name)
    if WORD_NUMBER.match(text):
        return 0, None, 0
    if (match := _DECIMAL_NUMBER.match(text)) is not None:
        return 2, int(match.group(1)), int(match.group(2))
    if (match := _PAREN_NUMBER.match(text)) is not None:
        return 2, None, int(match.group(1))
    if (match := DIGIT_NUMBER.match(text)) is not None:
        return 1, None, int(match.group(1))
    return None


def _points_add_up(heading: Indicator, members: list[Indicator]) -> bool:
    weights = [member.weight for member in members]
    return heading.weight is not None and all(weight is not None for weight in weights) \
        and abs(heading.weight - sum(weights)) <= TOLERANCE


def _heads_rows_below(rows: list[Indicator], index: int) -> bool:
    """Whether the 小计 at ``index`` names the 一级 of the row below it (过程小计 above
    过程 | 资金管理 | …) and not that of the row above it."""
    heading = rows[index]
    named = {match.group("what") for text in (heading.name, heading.level1)
             if (match := _SUM_LABEL.fullmatch(compact_text(text))) is not None}
    return compact_text(rows[index + 1].level1) in named - {""} and (
        index == 0 or compact_text(rows[index - 1].level1) not in named)


def _same_level1(upper: str | None, lower: str | None) -> bool:
    """Whether two rows' 一级 are one: the same text (not the same category — 成本指标
    as a 一级 of its own counts with the 产出 but has its own 小计)."""
    return compact_text(upper) == compact_text(lower)


_WHOLE = -2  # the rank of a row summing every indicator above it
_BARE_SUBTOTAL = re.compile(r"(?:小计|合计|总计)[:：]?")


def _whole_sum(table: SelfEvaluation, first: int, ranks: list[int | None],
               heads: list[tuple[bool, bool]], sums: frozenset[int] | set[int]
               ) -> tuple[str, list[Indicator]] | None:
    """The label and members of the last row read if it sums every indicator above it —
    a row right above the 总分, or the last of a table without one, that checks the
    indicators' sum ("指标合计 | 90 | 89" under indicators of 90 points, the 执行率's 10
    in the money block): no 指标值 or 完成值, and its 分值 is theirs, or its label says it
    (指标合计, 绩效指标得分; 合计 above a 总分 row; 小计 in a table without other
    subtotals). None if it is none."""
    rows = table.indicators[first:]
    if not rows:
        return None
    row, (own1, own2) = rows[-1], heads[-1]
    if not _blank_measure(row) or (row.weight is None and row.score_declared is None):
        return None
    members = [*table.indicators[:first],
               *(indicator for indicator, rank in zip(rows[:-1], ranks[:-1], strict=True)
                 if rank is None)]
    if len(members) < 2:
        return None
    labels = [compact_text(text) for text in (row.name, row.level1 if own1 else None,
                                              row.level2 if own2 else None)
              if not _blank_text(text)]
    label = labels[0] if labels else "合计"
    weights = sum(member.weight or 0.0 for member in members)
    if row.weight is not None and abs(row.weight - weights) <= TOLERANCE:
        return label, members
    if any(is_indicators_sum_label(text) for text in labels):
        return label, members
    if _sums_its_level1(rows, ranks):
        return None  # 小计 | 10 under the 满意度's one row of 10: the group's, not all 90
    if len(rows) - 1 in sums:
        return label, members
    alone = ranks[-1] == -1 and all(rank is None for rank in ranks[:-1])  # the one 小计
    if alone and labels and all(_BARE_SUBTOTAL.fullmatch(text) for text in labels):
        return label, members
    return None


def _sums_its_level1(rows: list[Indicator], ranks: list[int | None]) -> bool:
    """Whether the last row's 分值 is that of the rows right above it under one 一级 (back
    to where the 一级 changes or a subtotal stands), some rows above them under others:
    the sum of its own group."""
    if len(rows) < 2:
        return False  # a 小计 alone: no rows above it to sum
    weight, group = rows[-1].weight, 0.0
    level1 = compact_text(rows[-2].level1)
    for index in range(len(rows) - 2, -1, -1):
        if ranks[index] is not None or compact_text(rows[index].level1) != level1:
            return weight is not None and group > 0 \
                and abs(weight - group) <= TOLERANCE
        group += rows[index].weight or 0.0
    return False  # every row one 一级: its sum is all of theirs


# 小计, 产出指标小计, 数量指标合计 (小计): a row summing the rows of its 一级/二级
_SUM_LABEL = re.compile(r"(?P<what>.{0,12}?)(?:小计|合计)(?:\(.*\))?[:：]?")


def _sums_rows_above(text: str) -> bool:
    """Whether a label is a subtotal's: 小计 (alone or after what it sums), or 合计 after a
    一级/二级 name (合计 alone is the table's 总分)."""
    match = _SUM_LABEL.fullmatch(compact_text(text))
    if match is None:
        return False
    what = match.group("what")
    return "小计" in text or (bool(what) and (levels.is_level1_only(what)
                                            or levels.level1_of_level2(what) is not None))


def _sum_label(row: Indicator, own1: bool, own2: bool) -> str:
    """What a 小计 row calls itself, as written — 产出指标小计, 合计, 小计 — for JX103 to quote:
    the first of its own cells naming a sum, else its first own text; 小计 where it has none."""
    texts = [str(text).strip() for text in (row.name, row.level1 if own1 else None,
                                            row.level2 if own2 else None)
             if text and not _blank_text(text)]
    sums = [text for text in texts if _sums_rows_above(text)
            or _BARE_SUBTOTAL.fullmatch(compact_text(text))]
    return (sums or texts or ["小计"])[0]


def _heading_sources(heading: Indicator) -> dict[str, Source]:
    return {key: heading.sources[key] for key in ("name", "level1", "level2", "weight", "score")
            if key in heading.sources}


def _indicator(read: dict[str, Any], places: dict[str, Place],
               carried: dict[str, tuple[Any, Place | None]]) -> Indicator:
    value = read.get
    level1, level1_source = carried["level1"]
    level2, level2_source = carried["level2"]
    if level1 is None or level2 is None or level1_source == level2_source:
        # 产出指标-数量指标: both in one cell (指标类别, or merged across the two columns)
        both = levels.combined_levels(level2 if level1 is None else level1)
        if both is not None:
            level1, level2 = both
            level1_source = level2_source = level1_source or level2_source
    measures = places.pop("measures", None)  # a second 原因/改进措施 column, if any
    remark = places.pop("remark", None)  # a 备注 column beside the 偏差原因, if any
    indicator = Indicator(
        level1=None if level1 is None else str(level1).strip(),
        level2=None if level2 is None else str(level2).strip(),
        name=without_template_number(_text(value("name"))), target=value("target"),
        actual=value("actual"),
        weight=points(value("weight")), score_declared=points(value("score")),
        reason=_explanation(_reason(value("reason")), _reason(value("measures")),
                            _reason(value("remark"))),
        nature=_text(value("nature")), unit=_text(value("unit")),
        actual_unit=_text(value("actual_unit")),
        sources=Sources(places))  # each made a Source when read
    sign = _text(value("sign"))
    if not is_placeholder(sign) and compact_text(indicator.nature) not in ("定性", "定性指标"):
        # a 计算符号 column beside 指标性质 (定量/定性): the sign is the column's
        if contradicts_direction(indicator.nature, sign):  # 正向 | 小于等于
            indicator.contrary_nature = indicator.nature
            indicator.sources["contrary_nature"] = places.get("nature")
        indicator.nature = sign
        indicator.sources["nature"] = places["sign"]
    set_aside = _reason(value("remark"))
    if unexplained(indicator.reason) and not says_nothing(set_aside):
        # 数据来源：…, 第三方问卷调查 beside a 偏差原因 saying nothing: no reason, said so
        indicator.remark = set_aside
    if indicator.reason is not None and indicator.reason != _reason(value("reason")):
        # explained in the 改进措施 or the 备注 only
        written = measures if indicator.reason == _reason(value("measures")) else remark
        if written is not None:
            indicator.sources["reason"] = written
    if "weight" not in read and indicator.name:  # no 分值 column: the points in the name
        name, stated = heading_points(indicator.name)  # (湖南 得分表: 相关性（5分）)
        if stated is not None and name:
            indicator.name, indicator.weight = name, stated
            if "name" in places:
                indicator.sources["weight"] = places["name"]
    if indicator.score_declared is None and says_full_marks(value("score")):
        indicator.score_declared = indicator.weight  # 满分 for the points: the 分值
    _read_deduction(indicator, value("deduction"), value("score"), places)
    judged = points(value("judged")) if "judged" in read else indicator.score_declared
    indicator.judged = judged
    if level1_source is not None:
        indicator.sources["level1"] = level1_source
    if level2_source is not None:
        indicator.sources["level2"] = level2_source
    return indicator


def _read_deduction(indicator: Indicator, column: Any, score: Any,
                    places: dict[str, Place]) -> None:
    """The 扣分 written: in a 扣分 column (0.32, "不扣分"), else in the 得分 cell beside the
    points (9.68（扣0.32分）) or instead of them (扣0.32分: the score is 分值 − 扣分, at
    that cell). A 扣分 column without a 得分 column gives the scores once the whole table
    is read (``read.deductions``). A deduction written as a negative number (−1.05) is
    what was lost all the same: 1.05."""
    deduction = points(column)
    if deduction is None:
        deduction = stated_deduction(column)
    if deduction is not None:
        indicator.deduction = abs(deduction)
        indicator.sources["deduction"] = places["deduction"]
        return
    deduction = stated_deduction(score)
    if deduction is None:
        return
    indicator.deduction = deduction
    indicator.sources["deduction"] = places["score"]
    if indicator.score_declared is None and indicator.weight is not None:
        indicator.score_declared = round2(indicator.weight - deduction)


def _method(grid: Grid, row: int, column: int | None, data_start: int) -> str | None:
    """The row's 评分标准 (评分方法, 计分办法 …) as written: its cell's text, or that of
    a cell merged down over it from a row of the table (one rule for the rows it spans);
    None where there is no such column or the cell is blank or a placeholder (—, /, 无).
    Read apart from the row's other cells: it makes no row an indicator, nor a wrapped rest."""
    if column is None:
        return None
    where = (row, column)
    top = grid.origin.get(where)
    if top is not None and top[1] == column and data_start <= top[0] < row:
        where = top
    text = _text(clean(grid.values.get(where)))
    return None if not text or is_placeholder(text) else text


def _text(value: Any) -> str | None:
    return None if value is None else plain_text(value).strip()


def _reason(value: Any) -> str | None:
    """A 偏差原因 or 改进措施 as written, without the form's printed prompt (请填写偏差原因,
    （扣分的须说明偏差原因及改进措施）)."""
    text = _text(value)
    return without_instructions(text) if text else text


def _explanation(reason: str | None, measures: str | None, remark: str | None = None
                 ) -> str | None:
    """The row's explanation: its 偏差原因, or its 改进措施 where the 原因 says nothing (无, /),
    or its 备注 where neither does — unless the 备注 describes the indicator (指标解释：…,
    数据来源：…, 计算公式：…): no cause of a deviation."""
    for written in (reason, measures, None if describes_indicator(remark) else remark):
        if not unexplained(written):
            return written
    return reason or measures
