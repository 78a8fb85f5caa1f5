"""The 总分 row and the 评分等级 row that close an indicator block (docs/domain.md §4).

The walk down the rows (``indicators``) finds them by what their labels mean (``roles``),
in either order (a 评分等级 row printed above the 总分 row); here their cells are read:
the declared total under the 得分 column — that cell empty, the number beside the label
("总分 | 98.5", 98.5 under 分值; never the 分值 total, 100 or the indicators' 90) — or a
"总分：98.5" in the label's own cell, or a 总分 cell that names its grade too
("99.48（优）"); the grade right of its label ("评分等级 | 优"), "总分 | 97 | 等级 | 优" on
one row, a grade typed right of the total without a label ("总分 | 100 | 98.5 | 优"), or
a 自评结论 that names a grade. A 总分 is read as its cell shows it (98% typed into Excel
is 98) or as its words say (九十八分). A 总分 (and 等级) may also stand above the table,
beside its label among the project's rows, or as a 总分 row over the header
(``read_head_total``, called by ``project``), or in a sentence there (``statements``).

Over 400 lines: the one job of reading the 总分 and 等级 where forms write them (under the
indicators, on the 总分 row beside it, above the table), each place a few lines."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from jixiao import levels
from jixiao.cellfuncs import is_error
from jixiao.model import SelfEvaluation, plain_text
from jixiao.parsing import compact_text, normalize_text, points_in_words
from jixiao.read.grid import Grid, clean, note, percent_shown, points, points_at
from jixiao.read.roles import (
    is_conclusion_label,
    is_grade_label,
    is_placeholder,
    is_total_label,
)
from jixiao.read.statements import (
    grade_written,
    labelled_total,
    read_labelled,
    restate,
    stated_results,
)
from jixiao.rules import FULL_MARKS, TOLERANCE, grade_name, round2


def row_label(grid: Grid, row: int, before: int) -> str:
    """The first text of a row left of the number columns (总分, 评分等级 …)."""
    column = _label_column(grid, row, before)
    return "" if column is None else grid.texts[(row, column)]


def _label_column(grid: Grid, row: int, before: int) -> int | None:
    for column in grid.rows.get(row, []):
        if column >= before:
            break
        if isinstance(grid.values.get((row, column)), str):
            return column
    return None


def is_total_row(grid: Grid, row: int, columns: dict[str, int], before: int | None = None) -> bool:
    """Whether a row under the header is the table's 总分 row: its label (``row_label``
    left of ``before``, by default ``label_before``) says so (``is_total_label``: 总分,
    合计, 综合评分 …) and the row is not an indicator's (``_shaped_as_indicator``: 考核得分
    | ≥90分 | 95分 | 5 on the second row of its 二级, the 一级/二级 merged down over it)."""
    column = _label_column(grid, row, label_before(columns) if before is None else before)
    return column is not None and is_total_label(grid.texts[(row, column)]) \
        and not _shaped_as_indicator(grid, row, column, columns)


def _shaped_as_indicator(grid: Grid, row: int, label: int, columns: dict[str, int]) -> bool:
    """Whether a row labelled in ``label`` holds an indicator's cells, whatever its name says:
    the label right of the table's first column (under its 一级/二级 group, their cells
    blank or merged down from above) — a 总分 row's stands in the first columns —, a
    指标值 and a 完成值 of its own (not placeholders, not the label's merge) and a 分值
    short of the full marks. A table without a 分值 column has none (its 总分 row may hold
    its numbers under 指标值 and 完成值)."""
    if "weight" not in columns or label <= min(columns.values()):
        return False
    for key in ("target", "actual"):
        column = columns.get(key)
        if column is None or column <= label or grid.same_merge((row, label), (row, column)) \
                or grid.origin.get((row, column), (row, column)) != (row, column) \
                or is_placeholder(clean(grid.raw(row, column))):
            return False
    weight = points_at(grid, row, columns["weight"])
    return weight is not None and weight < FULL_MARKS - TOLERANCE


def label_before(columns: dict[str, int], first: bool = False) -> int:
    """The column a row's label (总分, 评分等级 …) stands left of: the number columns'
    last (``first``: their first) — 分值, 得分 —, or in a table with neither (湖南 衡山:
    一级 | 二级 | 三级 | 指标值 | 完成值 | 原因) the 完成值's."""
    numbers = [columns[key] for key in ("weight", "score") if key in columns]
    if numbers:
        return min(numbers) if first else max(numbers)
    return max((columns[key] for key in ("target", "actual") if key in columns),
               default=min(columns.values()))


def find_total(grid: Grid, start: int, stop: int, columns: dict[str, int],
               table: SelfEvaluation,
               shifted: Callable[[int], dict[str, int] | None] | None = None) -> int | None:
    """The 总分 row printed under the 评分等级 row (``start``), up to ``stop``: read, its row
    returned; None if there is none. ``shifted``: the columns of a 总分 row whose cells
    stand off the header's (a converted PDF's lost column), None where they do not."""
    before = label_before(columns)
    for row in range(start + 1, stop + 1):
        if is_total_row(grid, row, columns, before):
            read_total(grid, row, (shifted and shifted(row)) or columns, table)
            return row
    return None


def measured_weight(table: SelfEvaluation) -> float:
    """The weights of the indicators read so far that have a 指标值 or 完成值 — not the
    subtotal and heading rows among them: what the indicators weigh together (四川: 90)."""
    return sum(indicator.weight for indicator in table.indicators
               if indicator.weight is not None and not (is_placeholder(indicator.target)
                                                        and is_placeholder(indicator.actual)))


def sums_the_indicators(grid: Grid, row: int, stop: int, columns: dict[str, int],
                        table: SelfEvaluation) -> bool:
    """Whether a row labelled 合计 under the indicators is their sum, not the 总分: a 总分
    row follows it (past a 预算执行率得分 row, if any) — unless its 分值 is the full 100 the
    indicators do not make —, or its 分值 is the indicators' weights short of 100 (四川
    "合计 | 90 | 89": the 执行率's 10 points are not in it). Never a row with a 指标值 or
    完成值 (a table of spending printed above the 总分 ends in its 合计 too)."""
    if any(not is_placeholder(clean(grid.raw(row, columns[key])))
           for key in ("target", "actual") if key in columns):
        return False
    weight = points_at(grid, row, columns["weight"]) if "weight" in columns else None
    indicators = measured_weight(table)
    if weight is not None and abs(weight - indicators) <= TOLERANCE \
            and indicators < FULL_MARKS - TOLERANCE:
        return True
    return _total_follows(grid, row, stop, columns) and (
        weight is None or abs(weight - FULL_MARKS) > TOLERANCE
        or abs(weight - indicators) <= TOLERANCE)


def _total_follows(grid: Grid, row: int, stop: int, columns: dict[str, int]) -> bool:
    before = label_before(columns)
    for below in range(row + 1, min(stop, row + 5)):
        label = row_label(grid, below, before)
        if not label:
            if grid.rows.get(below):
                return False
            continue
        if is_total_row(grid, below, columns, before):
            return True
        if levels.level1_category(label) != levels.EXECUTION:  # 预算执行率得分 | 10 | 9.5
            return False
    return False


def read_total(grid: Grid, row: int, columns: dict[str, int], table: SelfEvaluation) -> None:
    columns = _by_own_labels(grid, row, columns) or columns
    if "weight" in columns:
        table.sources["weight_total"] = note(table, grid, row, columns["weight"])
    at = None  # the total's column
    if "score" in columns:
        at = columns["score"]
        if clean(grid.raw(row, at)) is None and (row, at) not in grid.formulas:
            at = _total_beside(grid, row, columns, table) or at  # typed beside its label …
            # (a formula's empty result — the template's, not yet computed — is no empty cell)
            if at == columns.get("weight") and not grid.same_merge((row, at),
                                                                   (row, columns["score"])):
                # under 分值: the 总分, or the 分值合计 — told once the money is read
                table.sources[UNFILLED] = note(table, grid, row, columns["score"])
        _declared_total(grid, row, at, table)
    elif "weight" in columns:  # no 得分 column: the 总分 beside its label, or 分值 − 扣分
        at = _total_beside(grid, row, columns, table,
                           columns.get("score_share") or columns.get("deduction") or columns["weight"])
        if at is not None:
            _declared_total(grid, row, at, table)
        else:
            _total_deducted(grid, row, columns, table)
        at = None  # no grade typed right of a 得分 cell
    else:
        found = grid.right_of(row, grid.rows[row][0])
        if found:
            table.sources["total"] = note(table, grid, row, found[1])
            table.total_declared = _total_at(grid, row, found[1])
    if table.total_declared is None and ("score" not in columns
                                         or clean(grid.raw(row, columns["score"])) is None):
        first = grid.rows[row][0]  # "总分：98.5分" typed in the label's own cell
        if not read_labelled(grid, row, first, table) and at is not None \
                and grid.same_merge((row, first), (row, at)):
            table.sources["total"] = note(table, grid, row, first)  # no 得分 cell of its own
    for column in grid.rows.get(row, []):  # "总分 | 97 | 等级 | 优" on one row
        if labels_grade(grid, row, column):
            read_grade(grid, row, table, column)
    if "grade" not in table.sources and at is not None and table.total_declared is not None:
        after = grid.right_of(row, at, limit=max(columns.values()) - at)
        if after is not None and grade_name(after[0]):  # "总分 | 100 | 98.5 | 优"
            table.grade_declared = grade_written(plain_text(clean(after[0])))
            table.sources["grade"] = note(table, grid, row, after[1])


def _by_own_labels(grid: Grid, row: int, columns: dict[str, int]) -> dict[str, int] | None:
    """The columns of a 总分 row whose cells do not stand under 分值 and 得分, read by its
    own labels: "总分 | 100 | 98.5 | 评分等级 | 优" with its 评分等级 label under 得分 or left
    of it (a Word 总分 cell spanning fewer grid columns than the cells above) — of the two
    numbers between 总分 and 评分等级 the first is the 分值 total, the second the 总分; a
    lone number there (not under 分值) is the 总分. None where the row's cells align (or hold no such
    labels)."""
    if "score" not in columns:
        return None
    cells = grid.rows.get(row, [])
    label = next((column for column in cells
                  if is_total_label(grid.texts.get((row, column), ""))), None)
    if label is None:
        return None
    grade = next((column for column in cells if column > label
                  and not grid.same_merge((row, label), (row, column))
                  and labels_grade(grid, row, column)), None)
    if grade is None or grade > columns["score"]:
        return None
    numbers = [column for column in cells if label < column < grade
               and not grid.same_merge((row, label), (row, column))
               and _total_at(grid, row, column) is not None]
    if len(numbers) == 2:
        return {**columns, "weight": numbers[0], "score": numbers[1]}
    if len(numbers) == 1 and numbers[0] != columns.get("weight"):
        own = {key: column for key, column in columns.items() if key != "weight"}
        return {**own, "score": numbers[0]}
    return None  # (a lone number under 分值 is the 分值 total: the 总分 left blank)


def labels_grade(grid: Grid, row: int, column: int) -> bool:
    """Whether a cell labels the 评分等级 on a row holding more (the 总分's, a line above
    the table): a grade's label (自评等级, 等次, 自评级别), or a 结果 or 结论 naming a
    grade after its colon or in the next cell (自评结果 | 良好, 评价结果：良好) — not one
    holding the score (自评结果 | 98.5)."""
    text = grid.texts.get((row, column), "")
    if is_grade_label(text, results=False):
        return True
    if not is_grade_label(text):
        return False
    inline = _after_label(text)
    found = (inline, column) if inline else grid.right_of(row, column)
    return found is not None and grade_name(found[0]) is not None


def _declared_total(grid: Grid, row: int, column: int, table: SelfEvaluation) -> None:
    table.sources["total"] = note(table, grid, row, column)
    raw = _declared(grid.raw(row, column))
    total, named = _total_with_grade(raw) if isinstance(raw, str) else (None, None)
    if total is not None:  # "99.48（优）"
        table.total_declared = total
        table.grade_declared = grade_written(named)
        table.sources["grade"] = table.sources["total"]
    else:
        table.total_declared = _total_at(grid, row, column)
        if table.total_declared is None:
            table.total_declared = labelled_total(raw)  # "自评得分：99.98" in the cell


def _total_deducted(grid: Grid, row: int, columns: dict[str, int],
                    table: SelfEvaluation) -> None:
    """A 总分 row of a table scored by its 扣分 column (分值 | 扣分, no 得分): the full 100
    under 分值 and the deductions' sum under 扣分 (written negative or not) give the 总分,
    at the 扣分 cell. A number there no deductions' sum would be (half the full marks or
    more, not the rows' deductions) is the 总分 itself, typed in the only number column
    (100 | 99.48: not 0.52)."""
    if "deduction" not in columns:
        return
    weight = points_at(grid, row, columns["weight"])
    lost = points_at(grid, row, columns["deduction"])
    if weight is None or lost is None or abs(weight - FULL_MARKS) > TOLERANCE:
        return
    table.sources["total"] = note(table, grid, row, columns["deduction"])
    rows_lost = sum(abs(indicator.deduction) for indicator in table.indicators
                    if indicator.deduction is not None)
    if lost >= FULL_MARKS / 2 and abs(lost - rows_lost) > TOLERANCE:
        table.total_declared = lost
    else:
        table.total_declared = round2(weight - abs(lost))


def _total_beside(grid: Grid, row: int, columns: dict[str, int],
                  table: SelfEvaluation, near: int | None = None) -> int | None:
    """Where the 总分 stands on its row when the 得分 cell is empty: the number right of
    the label ("总分 | 98.5", "自评得分 | 98.5 | 自评等级 | 优", 98.5 under 分值 or in 分值
    and 得分 merged) — of several, the one nearest the 得分 column (``near``: the column
    standing for it in a table without one); never the 分值 total (100, or the
    indicators' weights, under 分值: the score left unfilled), nor the 扣分 total, nor a
    number past a grade's label."""
    cells = grid.rows.get(row, [])
    label = next((column for column in cells
                  if is_total_label(grid.texts.get((row, column), ""))), None)
    if label is None:
        return None
    points_totals = (FULL_MARKS, measured_weight(table))  # what a 总分 row's 分值 holds
    found = []
    for column in cells:
        if column <= label or grid.same_merge((row, label), (row, column)):
            continue
        if column > max(columns.values()) or labels_grade(grid, row, column):
            break
        number = _total_at(grid, row, column)
        if number is None or column == columns.get("deduction") or (column == columns.get("weight") and any(
                abs(number - points_total) <= TOLERANCE for points_total in points_totals)):
            continue
        found.append(column)
    near = columns["score"] if near is None else near
    return min(found, key=lambda column: abs(column - near), default=None)


UNFILLED = "total_unfilled"  # (a key of ``sources`` while reading) the empty 得分 cell


def settle_weight_total(table: SelfEvaluation) -> None:
    """A number under the 分值 column of the 总分 row, its 得分 cell empty (read as the
    总分 by ``_total_beside``), once the money block is read: the 总分 typed there where it
    is the written scores' sum (with the 执行率's score; where that is not written, up to
    its points more); any other number there is the written 分值合计 (a wrong one, JX101)
    and the 总分 is not filled in."""
    blank = table.sources.pop(UNFILLED, None)
    if blank is None or table.total_declared is None:
        return
    scores = [indicator.score_declared for indicator in table.indicators
              if indicator.score_declared is not None]
    written = sum(scores) + (table.funds.score_declared or 0.0)
    room = (table.funds.weight or 0.0) if table.funds.score_declared is None else 0.0
    if scores and written - TOLERANCE <= table.total_declared <= written + room + TOLERANCE:
        return
    table.total_declared = None
    table.sources["total"] = blank


def read_head_total(grid: Grid, row: int, column: int, table: SelfEvaluation,
                    columns: dict[str, int] | None = None) -> None:
    """A 总分 written above the table, beside its label in the project's rows
    ("自评总分(分) | 97.93", "自评总分：95", 广东's "自评得分 | 96"): the declared total
    where no 总分 row under the indicators gave one, else a restatement of it (another
    one: JX506). A row shaped as the 总分 row under its header's ``columns`` (总分 | … |
    100 | 98, printed above the header) is read as that row."""
    declared = table.total_declared is not None or "total" in table.sources
    inline = labelled_total(grid.texts.get((row, column)))
    if inline is not None:
        restate(table, "total", inline, note(table, grid, row, column), decimals=2)
        return
    if columns and "score" in columns and column < label_before(columns, first=True):
        first = grid.right_of(row, column, limit=columns["score"] - column)
        if first is not None and first[1] in (columns.get("weight"), columns["score"]):
            if not declared:
                read_total(grid, row, columns, table)
            return
    under = _under_label(grid, row, column)
    if under is not None:  # 总分 | 自评得分 | 自评等级 over 100 | 95 | 优
        row, found = row + 1, (under, column)
    else:
        found = grid.right_of(row, column, limit=3)
    if found is not None and (number := _total_at(grid, row, found[1])) is not None:
        restate(table, "total", number, note(table, grid, row, found[1]), decimals=2)


def _under_label(grid: Grid, row: int, column: int) -> Any:
    """A head block of labels over values (总分 | 自评得分 | 自评等级 over 100 | 95 | 优):
    the value in the cell under a label that has no value right of it (none, or the next
    label) — a cell of its own holding no label; None where there is none."""
    right = grid.right_of(row, column, limit=3)
    if right is not None and not _is_head_label(right[0]):
        return None
    below = (row + 1, column)
    value = clean(grid.values.get(below))
    if value is None or grid.origin.get(below, below) != below or _is_head_label(value):
        return None
    return value


def _is_head_label(value: Any) -> bool:
    """Whether a cell of the head block labels a 总分 or 等级 (自评得分, 自评等级, 总分)."""
    if not isinstance(value, str):
        return False
    text = compact_text(value)
    return is_total_label(text) or is_grade_label(text)


def labels_head_grade(grid: Grid, row: int, column: int) -> bool:
    """Whether a cell above the table labels the 评分等级 (``labels_grade``), or the label
    of a block of labels over values (自评等级 over 优). A 结果/结论 label there names a
    grade only with a grade's word (优, 良, 中, 差 in it): 自评结果 | 合格 (较好, 一般) says
    the evaluation passed, no grade to hold against the table's."""
    text = grid.texts.get((row, column), "")
    under = _under_label(grid, row, column)
    if under is not None:
        return is_grade_label(text, results=False) \
            or is_grade_label(text) and _names_grade_word(under)
    if not labels_grade(grid, row, column):
        return False
    if is_grade_label(text, results=False):
        return True
    inline = _after_label(text)
    found = (inline, column) if inline else grid.right_of(row, column)
    return found is not None and _names_grade_word(found[0])


def _names_grade_word(value: Any) -> bool:
    """Whether a cell names a grade with its own word (优秀, 良, 中等, 较差), not one read
    as a grade only by its meaning (合格 as 中, 较好 as 良)."""
    return grade_name(value) is not None and any(word in str(value) for word in "优良中差")


def read_head_grade(grid: Grid, row: int, column: int, table: SelfEvaluation) -> None:
    """A 评分等级 written above the table beside its label (自评等级 | 优, 自评结果 | 良好),
    or under it (自评等级 over 优): the declared grade where no 评分等级 row under the
    indicators gave one, else a restatement of it (another grade: JX506)."""
    under = _under_label(grid, row, column)
    if under is not None and grade_name(under):
        restate(table, "grade", grade_written(plain_text(under)),
                note(table, grid, row + 1, column))
        return
    if "grade" not in table.sources:
        read_grade(grid, row, table, column)
        return
    declared, place = table.grade_declared, table.sources.pop("grade")
    read_grade(grid, row, table, column)
    written, here = table.grade_declared, dict.get(table.sources, "grade")
    table.grade_declared, table.sources["grade"] = declared, place
    if written is not None and here is not None and grade_name(written):
        restate(table, "grade", written, here)


def _total_at(grid: Grid, row: int, column: int) -> float | None:
    """The 总分 a cell holds, read as it shows (98% typed into Excel is 98)."""
    where = (row, column)
    return _total_number(percent_shown(_declared(grid.values.get(where)),
                                       grid.formats.get(where, "")))


def _total_number(value: Any) -> float | None:
    """A 总分 as written: 98, "98分", "98%" (and 98% typed into Excel, given as shown),
    "98（优）", or in Chinese numerals ("九十八分", "玖拾捌分")."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        total, _ = _total_with_grade(value)
        if total is not None:
            return total
    found = points(value)
    return points_in_words(value) if found is None else found


_TOTAL_WITH_GRADE = re.compile(
    r"(\d+(?:\.\d+)?)分?[\s,，、;；]*[(（\[【]?([^\d()（）\[\]【】,，、;；]+)[)）\]】]?")


def _total_with_grade(text: str) -> tuple[float | None, str | None]:
    """A 总分 cell that also names the grade, 99.48（优） or 92分 优秀: the total and the
    grade's own text."""
    match = _TOTAL_WITH_GRADE.fullmatch(normalize_text(text))
    if match is None or grade_name(match.group(2)) is None:
        return None, None
    return float(match.group(1)), match.group(2)


def find_grade(grid: Grid, start: int, stop: int, table: SelfEvaluation) -> int | None:
    if "grade" in table.sources:
        return start
    for row in range(start + 1, stop + 1):
        for column in grid.rows.get(row, []):
            if is_grade_label(grid.texts.get((row, column), "")):
                read_grade(grid, row, table, column)
                if "grade" in table.sources:
                    return row
                break  # 自评结论 | a sentence (no grade named): the 评分等级 may follow
    return None


def read_grade(grid: Grid, row: int, table: SelfEvaluation, column: int | None = None) -> None:
    if column is None:
        column = next(c for c in grid.rows[row]
                      if is_grade_label(grid.texts.get((row, c), "")))
    label = grid.texts.get((row, column), "")
    inline = _after_label(label)
    found = (inline, column) if inline else _grade_cell(grid, row, column)
    if is_conclusion_label(label) or found is not None and _states_results(found[0]):
        # 自评结论: a grade only where one is named; a sentence stating the results under
        # any grade label (自评结果 | 该项目自评得分99.8分，等级为优) is read for what it
        # states (``read_statements``), never taken whole as the grade
        if found is None or not grade_name(found[0]):
            return
    if inline:
        table.grade_declared = grade_written(inline)
        table.sources["grade"] = note(table, grid, row, column)
        return
    if found is None:  # an empty grade cell: point at the first cell after the label
        other = next(c for c in range(column + 1, column + 40)
                     if not grid.same_merge((row, column), (row, c)))
        table.sources["grade"] = note(table, grid, row, other)
        return
    value, where = found
    table.sources["grade"] = note(table, grid, row, where)
    cleaned = _declared(value)
    table.grade_declared = None if cleaned is None else grade_written(plain_text(cleaned))
    named = _after_label(table.grade_declared or "").strip()
    if named and grade_name(named):
        table.grade_declared = named  # "自评等级：优" in the grade's cell


def _states_results(value: Any) -> bool:
    """Whether a grade label's cell is a sentence stating the 总分 or the grade (该项目自评
    得分99.8分，等级为优), not a grade itself (优, 良好, 优（95分）)."""
    return grade_name(value) is None and stated_results(value) != (None, None)


def _declared(value: Any) -> Any:
    """A 总分 or 评分等级 cell's value as a declaration: none where it holds a template
    formula's ⚠ (“⚠ 分值合计 80，不是 100，不评等级”) — the template's word, not the
    unit's, as ``by_names`` reads every ⚠ cell."""
    value = clean(value)
    return None if is_error(value) else value


def _after_label(text: str) -> str:
    """What follows a label and its colon (自评等级：优 → 优), or "" without a colon."""
    return re.sub(r"^[^:：]*[:：]", "", text) if re.search("[:：]", text) else ""


def _grade_cell(grid: Grid, row: int, column: int) -> tuple[Any, int] | None:
    """The grade right of its label: the first cell that names a grade (优秀 under 评分结果,
    past a stray 0 under 权重), else the first text, else the first value."""
    first = grid.right_of(row, column)
    if first is None or grade_name(first[0]):
        return first
    text = first if isinstance(first[0], str) else None
    for other in grid.rows.get(row, []):
        if other <= first[1]:
            continue
        value = grid.values.get((row, other))
        if grade_name(value):
            return value, other
        if text is None and isinstance(value, str):
            text = (value, other)
    return text or first
