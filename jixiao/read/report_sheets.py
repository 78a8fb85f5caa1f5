"""Which sheets of a workbook are the project's report beside its 自评表: a 绩效自评报告, a
自评结论, a 情况说明 typed into a sheet of its own — whose sentences stating the 总分 or
评分等级 ``statements.read_sheet_text`` compares with the table, as a Word report's
paragraphs. Only beside the workbook's one table (with several, whose score a sentence
states is not told), and only a sheet of text: no table's sheet, no hidden sheet, no
填写说明, 汇总 or jixiao's own 校验结果."""

from __future__ import annotations

import re
from collections.abc import Iterable

from jixiao.model import SelfEvaluation
from jixiao.parsing import compact_text
from jixiao.read.grid import Grid

# What no report on the project is, by a sheet's name or its first line: a 填写说明 (its
# examples), a 汇总 or 一览 (several projects' results), jixiao's own findings (校验结果)
_NOT_A_REPORT = re.compile("(?:填表|填报|填写|编制|使用|操作)说明|须知|指南|示例|样例|范例|汇总|一览"
                           "|校验结果")
_FINDINGS_HEAD = ["代码", "级别", "位置", "说明"]  # jixiao's 校验结果 sheet, renamed
_LONG_TEXT = 15  # a text cell's compact characters at least, without a clause's punctuation
_CLAUSE = re.compile("[,;。]")


def report_sheets(grids: Iterable[Grid], found: list[SelfEvaluation],
                  kept: list[SelfEvaluation], hidden: frozenset[str]) -> list[Grid]:
    """The sheets read as the report on the one table ``kept`` (none where several are
    kept): shown sheets no table ``found`` (kept or set aside) has a cell on, each a
    report's (``is_report_sheet``)."""
    if len(kept) != 1:
        return []
    tables = {sheet for table in found
              for sheet in (table.sources["header"].sheet, *table.cells.sheets())}
    return [grid for grid in grids if grid.name not in tables and grid.name not in hidden
            and is_report_sheet(grid)]


def is_report_sheet(grid: Grid) -> bool:
    """Whether a sheet is text on the project: half its cells or more long text (a clause's
    punctuation, or ``_LONG_TEXT`` characters and more), not a list of figures or labels;
    neither by its name nor its first line a 填写说明, a 汇总 or jixiao's 校验结果
    (``_NOT_A_REPORT``); no document's (a Word report's paragraphs are read as its own)."""
    if grid.tables or not grid.rows:
        return False
    top = min(grid.rows)
    heads = [grid.texts.get((top, column), "") for column in grid.rows[top]]
    if _NOT_A_REPORT.search(compact_text(grid.name)) or _NOT_A_REPORT.search(heads[0]) \
            or heads[:len(_FINDINGS_HEAD)] == _FINDINGS_HEAD:
        return False
    long = sum(isinstance(value, str) and (len(grid.texts[place]) >= _LONG_TEXT
                                           or _CLAUSE.search(grid.texts[place]) is not None)
               for place, value in grid.values.items())
    return long * 2 >= len(grid.values)
