"""The general engine's work estimate: a workbook too big for it is refused before loading.

Only the formulas path imports this (the fast path has no such cost to bound).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from jixiao.errors import JixiaoError
from jixiao.recalc.limits import formula_problem, formula_tokens, reference_areas
from jixiao.xlsx.limits import Limits
from jixiao.xlsx.package import Cell, Package
from jixiao.xlsx.refs import column_number


def check_workload(package: Package) -> None:
    """Refuse a workbook that would take the engine minutes and gigabytes.

    formulas makes a node of about 6 KB for every cell of each sheet's used
    area — the rectangle from A1 to the farthest cell, merge, range hyperlink
    or comment, empty cells included — and for every part of every formula
    (a shared formula costs as much in each cell it fills), and about 650 bytes
    for each cell of a range, every defined name's included.
    ``Limits.max_formula_work`` keeps it near half a
    gigabyte; a 自评表 needs a fiftieth of that.
    """
    limits = Limits.from_environment()
    if package.inspection.cells > limits.max_formula_work:  # no need to read them to know
        _refuse(package, package.inspection.cells, limits)
    work, ranges = 0, set()
    for sheet in package.sheets:
        bottom = right = 0
        for cell, text in cells_with_texts(package, sheet):
            bottom, right = max(bottom, cell.row), max(right, cell.column)
            if not text or formula_problem(text, limits):
                continue  # such a cell is not given to the engine (see general._Model)
            work += formula_tokens(text)
            ranges.update((sheet.name, area) for area in reference_areas(text) if area > 1)
        for row, column in _far_corners(package, sheet):
            bottom, right = max(bottom, row), max(right, column)
        work += bottom * right
    for defined in package.defined_names:  # formulas builds every name's range, used or not
        ranges.update((defined.name, area) for area in reference_areas(defined.text)
                      if 1 < area <= limits.max_range_cells)
    work += sum(area for _, area in ranges) // 10
    if work > limits.max_formula_work:
        _refuse(package, work, limits)


def _refuse(package: Package, work: int, limits: Limits) -> None:
    raise JixiaoError(f"“{package.path.name}”太大，通用公式引擎无法在合理的时间和内存内计算"
                      f"（约 {work:,} 个计算单元，上限 {limits.max_formula_work:,}）；请在 Excel "
                      "中重算，或设置环境变量 JIXIAO_MAX_FORMULA_WORK 调高上限")


_FAR_REF = re.compile(r"""<(?:[\w.-]+:)?(?:mergeCell|hyperlink|comment)\s[^<>]*?\bref\s*=\s*["']"""
                      r"""(?:[^"':]*:)?\$?([A-Za-z]{1,3})\$?(\d{1,7})["']""")


def _far_corners(package: Package, sheet: Any) -> Iterator[tuple[int, int]]:
    """(row, column) of the far corner of each merge, range hyperlink and comment:
    openpyxl makes a cell there too, and formulas reads every cell up to it."""
    parts = [sheet.part] + [target for kind, target, _ in package._relationships(sheet.part)
                            if kind.endswith("/comments")]
    for part in parts:
        if part not in package.members:
            continue
        for letters, row in _FAR_REF.findall(package.members[part].decode("utf-8", "replace")):
            yield int(row), column_number(letters)


def cells_with_texts(package: Package, sheet: Any) -> Iterator[tuple[Cell, str]]:
    """Each cell of ``sheet`` with its formula's text ("" for a value); the followers
    of a shared formula get their master's text."""
    masters: dict[str, str] = {}
    for cell in package.cells(sheet):
        formula = cell.formula
        if formula is None:
            yield cell, ""
            continue
        text = formula.text
        if formula.kind == "shared" and formula.shared_index is not None:
            if text:
                masters[formula.shared_index] = text
            else:
                text = masters.get(formula.shared_index, "")
        yield cell, text or ""


__all__ = ["cells_with_texts", "check_workload"]
