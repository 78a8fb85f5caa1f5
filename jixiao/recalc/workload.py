"""The general engine's work estimate: a workbook too big for it is refused before loading.

Only the formulas path imports this (the fast path has no such cost to bound).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from jixiao.errors import JixiaoError
from jixiao.recalc.limits import formula_problem, formula_tokens, reference_areas
from jixiao.recalc.plain_ranges import Area, Reader, folded
from jixiao.xlsx.limits import Limits
from jixiao.xlsx.package import Cell, Package
from jixiao.xlsx.refs import split_area


def check_workload(package: Package) -> None:
    """Refuse a workbook that would take the engine minutes and gigabytes
    (``formula_work`` over ``Limits.max_formula_work``), saying what can compute it
    instead: Excel itself, with the add-in's 一键重算 where JX_ functions are used (an Excel
    without it cannot compute them), and which sheet holds most of the work when that
    is a sheet of other formulas (a ledger) that could live in a workbook of its own."""
    limits = Limits.from_environment()
    work = _Work()
    _count(package, limits, work)
    total = work.total
    if total <= limits.max_formula_work:
        return
    name = package.path.name
    sheet, most = max(work.by_sheet.items(), key=lambda item: item[1], default=("", 0))
    share = (f"，其中工作表“{sheet}”占约 {most:,} 个，含公式 {work.formulas[sheet]:,} 个"
             if most * 2 > total else "")
    where = ("在装有 jixiao 加载项的 Excel 中打开，点“一键重算”后保存（没装加载项的 Excel、WPS、"
             "LibreOffice 算不出 JX_ 函数）" if work.jx else "在 Excel、WPS 或 LibreOffice 中重算后保存")
    move = (f"；或把“{sheet}”另存为单独的工作簿、从本工作簿中删去（引用它的单元格改填数值）后再运行 "
            "jixiao recalc") if share and sheet not in work.jx else ""
    raise JixiaoError(f"“{name}”太大，通用公式引擎无法在合理的时间和内存内计算（约 {total:,} 个"
                      f"计算单元，上限 {limits.max_formula_work:,}{share}）。可以{where}{move}；"
                      f"或把环境变量 JIXIAO_MAX_FORMULA_WORK 设为 {total} 以上（计算会很慢、"
                      "占用大量内存）")


def formula_work(package: Package, limits: Limits | None = None) -> int:
    """About how much the general engine is given, in its nodes of ~6 KB.

    formulas makes a node for every formula cell and every part of its formula (a
    shared formula costs as much in each cell it fills), for every cell a formula or a
    defined name reads (typed-in cells no formula reads are not loaded: ``general._Model``),
    and about 650 bytes more for each cell of a range; openpyxl holds every cell of the
    file first, about a tenth of a node each. SUM, COUNT … over a long range of typed-in
    values are computed before (``plain_ranges``) and cost nothing. ``Limits.max_formula_work``
    keeps it near half a gigabyte; a 自评表 needs a fiftieth of that.
    """
    work = _Work()
    _count(package, limits or Limits.from_environment(), work)
    return work.total


@dataclass
class _Work:
    """``formula_work`` as counted: the total, the part of each sheet's formulas and the
    ranges they read, how many formulas each sheet holds, and the sheets whose formulas
    call JX_ functions."""

    total: int = 0
    by_sheet: dict[str, int] = field(default_factory=dict)
    formulas: dict[str, int] = field(default_factory=dict)
    jx: set[str] = field(default_factory=set)


def _count(package: Package, limits: Limits, work: _Work) -> None:
    formulas_by_sheet = {sheet.name: [(cell, text) for cell, text in cells_with_texts(package, sheet)
                                      if text] for sheet in package.sheets}
    formula_cells = _formula_cells(package, formulas_by_sheet)
    work.total, ranges = package.inspection.cells // 10, set()
    for name, formulas in formulas_by_sheet.items():
        read = _reader(name, formula_cells)
        own = 0
        for _, text in formulas:
            if formula_problem(text, limits):
                continue  # such a cell is not given to the engine (see general._Model)
            if "JX_" in text.upper():
                work.jx.add(name)
            text = folded(text, read)
            own += formula_tokens(text)
            ranges.update((name, area) for area in reference_areas(text) if area > 1)
        work.total += own
        work.by_sheet[name], work.formulas[name] = own, len(formulas)
    for defined in package.defined_names:  # formulas builds every name's range, used or not
        if defined.hidden or defined.local_sheet is not None \
                or defined.name.lower().startswith("_xlnm."):
            continue  # except these (a print area, a filter's range; a sheet's own names
            # are written out in the formulas using them: ``general._with_sheet_names``)
        ranges.update((defined.name, area) for area in reference_areas(defined.text)
                      if 1 < area <= limits.max_range_cells)
    for owner, area in ranges:
        work.total += area + area // 10
        if owner in work.by_sheet:
            work.by_sheet[owner] += area + area // 10


def _formula_cells(package: Package, formulas_by_sheet: dict[str, list[tuple[Cell, str]]]
                   ) -> dict[str, list[tuple[int, int, int, int]]]:
    """SHEET → (top, left, bottom, right) of each formula cell and array formula area."""
    out: dict[str, list[tuple[int, int, int, int]]] = {}
    for name, formulas in formulas_by_sheet.items():
        areas = out.setdefault(name.upper(), [])
        for cell, _ in formulas:
            formula = cell.formula
            if formula is not None and formula.kind == "array" and formula.area:
                areas.append(split_area(formula.area.replace("$", "")))
            else:
                areas.append((cell.row, cell.column, cell.row, cell.column))
    return out


def _reader(own: str, formula_cells: dict[str, list[tuple[int, int, int, int]]]) -> Reader:
    """``plain_ranges.Reader`` that knows only where the formulas are: enough to tell
    which calls are folded (their values do not matter to the estimate)."""
    def read(area: Area) -> list[Any] | None:
        areas = formula_cells.get((area.sheet or own).upper())
        if areas is None:
            return None
        for top, left, bottom, right in areas:
            if top <= area.bottom and area.top <= bottom and left <= area.right \
                    and area.left <= right:
                return None
        return []

    return read


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


__all__ = ["cells_with_texts", "check_workload", "formula_work"]
