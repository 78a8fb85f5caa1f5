"""Where a table of a document ends: a Word .docx's <w:tbl>, a web page's <table>.

A worksheet shows no table's end but by its texts (the 总分 row, a signature line, a blank
run). A document does: each of its tables ends where its element does (``SheetCells.tables``,
laid out by ``xlsx.wordtable`` and ``xlsx.webtable``), so the rows under a header stop at
the next table — a 校验结果 table, a 绩效目标表, a second project's table is never read into
a 自评表 that has no 总分 row. Except where the next table is this one going on: a table a
PDF→Word conversion (or a page break in a web page) splits into several, one right under
the other with nothing between but blank lines, a page's number or a line saying it goes
on (续表, 续上表, 附件1（续）, 项目支出绩效自评表（续）), and

- the next one begins with the 总分 (or 评分等级) row: the table's last row on a page of its
  own, whatever its columns; or
- it has as many columns, about as wide in all (Word's autofit sizes each page's columns
  by that page's own text, so one page's columns are not as wide each as the next's), and
  its columns hold the same things: it begins with the same header printed again, or
  without a header with rows that read as indicators (or the 总分) under the header's
  columns. A page that leaves out the table's first column or
  two (a cell merged down from the page before: 绩效指标), its other columns as wide as
  the table's last ones, was laid out on the table's grid already (``xlsx.wordtable``).
"""

from __future__ import annotations

from jixiao.model import SelfEvaluation
from jixiao.read.grid import Grid, NotedCells
from jixiao.read.headers import Header, header_at
from jixiao.read.indicators import read_indicators
from jixiao.read.roles import is_continued_line, is_grade_label, nothing_between
from jixiao.read.totals import is_total_row, label_before, row_label
from jixiao.xlsx.sheet import DocumentTable, totals_alike


def table_stop(grid: Grid, header: Header, stop: int) -> int:
    """Where the rows under ``header`` stop at the latest: ``stop`` (the next header), or
    before it the first row of the next document table that does not go on from the
    header's own table (the module's rules)."""
    tables = grid.tables
    if not tables:
        return stop
    at = next((number for number, found in enumerate(tables)
               if found.first <= header.row <= found.last), None)
    if at is None:
        return stop
    while at + 1 < len(tables):
        this, after = tables[at], tables[at + 1]
        if after.first >= stop:
            break
        if not _goes_on(grid, header, this, after, stop):
            return after.first
        at += 1
    return stop


def _goes_on(grid: Grid, header: Header, this: DocumentTable, after: DocumentTable,
             stop: int) -> bool:
    """Whether the document table ``after`` is ``this`` one (headed by ``header``) going on
    (its rows read, for that, up to its end or ``stop``, the next header)."""
    if not all(nothing_between(grid, row, row + 1) or _continued(grid, row)
               for row in grid.rows if this.last < row < after.first):
        return False  # a title, a note, a project's name between: another table
    first = min((row for row in grid.rows if after.first <= row <= after.last), default=None)
    if first is None:
        return True  # an empty table: nothing to read into the rows
    label = row_label(grid, first, label_before(header.columns))
    if label and (is_total_row(grid, first, header.columns) or is_grade_label(label)):
        return True  # its 总分 (等级) row, split off onto a page of its own
    if not _same_grid(this, after):
        return False
    again = header_at(grid, first)
    if again is not None:
        return again.columns == header.columns  # its header printed again on the next page
    trial = SelfEvaluation(file="", cells=NotedCells())
    read_indicators(grid, Header(first - 1, first, dict(header.columns), first - 1),
                    min(after.last + 1, stop), trial)
    if "total" in trial.sources:
        return True
    named = [indicator for indicator in trial.indicators if indicator.name and (
        isinstance(indicator.weight, (int, float)) or indicator.target is not None
        or indicator.actual is not None)]
    return bool(named) and len(named) >= len(trial.indicators) / 2


def _continued(grid: Grid, row: int) -> bool:
    """Whether ``row`` is a page break's line saying the table goes on: 续表, 附件1（续）."""
    texts = [grid.texts.get((row, column), "") for column in grid.rows[row]]
    return len(texts) == 1 and is_continued_line(texts[0])


def _same_grid(this: DocumentTable, after: DocumentTable) -> bool:
    """Whether two tables may be one table's pages: as many columns, and (where both state
    their widths) about as wide in all. Not each column as wide: autofit sizes a page's
    columns by their text; whether the columns hold the same things its rows tell."""
    if this.columns != after.columns:
        return False
    if len(this.widths) != len(after.widths) or not this.widths:
        return True
    return totals_alike(this.widths, after.widths)


__all__ = ["table_stop"]
