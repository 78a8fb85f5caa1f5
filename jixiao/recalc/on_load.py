"""A workbook that asks to be recalculated on opening (``<calcPr fullCalcOnLoad="1"/>``),
read as the unit saw it: its formulas computed by jixiao, not the results it stores.

Export libraries leave formulas for Excel to compute: xlsxwriter (and libxlsxwriter,
rust_xlsxwriter, Excel::Writer::XLSX) stores 0 as every formula's result, Apache POI and
NPOI template exports keep the template's old results; both set the flag, and Excel and
WPS recompute on opening (LibreOffice, by default, does not: docs/recalc.md). ``as_opened`` gives a copy, in memory, whose stored
results are what ``recalculate`` (the engine of ``jixiao recalc``) computes — the copy
``jixiao recalc`` would write — for ``check`` to read; the input is never written. A formula
saved without a result keeps none (JX504 asks to recalculate, as for any such file); one
the engine cannot compute (a native template's, a function it lacks — or every formula, the
workbook beyond it) keeps its stored result, the best evidence of what the unit saw, and
the note says how many were checked so.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from jixiao.errors import JixiaoError
from jixiao.model import Source
from jixiao.recalc.workbook import Recalculation, recalculate
from jixiao.xlsx.package import CellValue, Package, Sheet
from jixiao.xlsx.refs import area_cells
from jixiao.xlsx.writeback import write_cached_values

# The note a report gives the file: the stored results were not what the unit saw.
_ASKS = "文件要求打开时重新计算（fullCalcOnLoad）"
CALCULATED_ON_LOAD = f"{_ASKS}，已按公式算出的值校验"


@dataclass(frozen=True)
class Opened:
    """The copy to read (``data``) and what to tell the reader about it (``note``)."""

    data: bytes
    note: str


def as_opened(path: str | Path, data: bytes | None = None) -> Opened:
    """The workbook at ``path`` (``data``: its content) with every stored formula result
    replaced by the result jixiao computes, as Excel shows it after opening."""
    package = Package(path, data)
    try:
        result: Recalculation | None = recalculate(package)
        failed = ""
    except JixiaoError as error:  # too big for the engine, a data table …: none computed
        result, failed = None, str(error)
    values: dict[str, dict[str, CellValue]] = {}
    changed, kept = [], []
    for sheet in package.sheets:
        if not package.may_hold_formulas(sheet):
            continue
        computed = result.values.get(sheet.name, {}) if result is not None else {}
        uncomputed = _uncomputed(package, sheet, result)
        for cell in package.cells(sheet):
            stored = cell.value
            if stored is None or (cell.formula is None and cell.ref not in computed):
                continue  # no result stored (JX504's), or a constant
            if result is None or cell.ref in uncomputed or cell.ref not in computed:
                kept.append(f"{sheet.name}!{cell.ref}")  # its stored result stands
                continue
            value = computed[cell.ref]
            values.setdefault(sheet.name, {})[cell.ref] = value
            if _differs(stored, value):
                changed.append(f"{sheet.name}!{cell.ref}")
    buffer = io.BytesIO()
    write_cached_values(package, buffer, values)
    return Opened(buffer.getvalue(), _note(changed, kept, failed, result))


def _uncomputed(package: Package, sheet: Sheet, result: Recalculation | None) -> set[str]:
    """The sheet's cells the engine could not compute: each such formula's, and every cell
    of such an array formula."""
    if result is None:
        return set()
    anchors = {source.cell for source in result.uncomputed if source.sheet == sheet.name}
    if not anchors:
        return set()
    cells = set(anchors)
    for cell in package.cells(sheet):
        if cell.ref in anchors and cell.formula is not None and cell.formula.kind == "array" \
                and cell.formula.area:
            cells.update(ref for row in area_cells(cell.formula.area) for ref in row)
    return cells


def _differs(stored: CellValue, computed: CellValue) -> bool:
    if isinstance(stored, (int, float)) and isinstance(computed, (int, float)) \
            and not isinstance(stored, bool) and not isinstance(computed, bool):
        return abs(float(stored) - float(computed)) > 1e-9
    return stored != computed


def _note(changed: list[str], kept: list[str], failed: str,
          result: Recalculation | None) -> str:
    if failed:
        return (f"{_ASKS}；但 jixiao 无法计算本文件的公式（{failed.rstrip('。')}），"
                f"{len(kept)} 个公式按文件保存的结果校验")
    note = CALCULATED_ON_LOAD
    if changed:
        note += (f"（{len(changed)} 个公式保存的结果与打开后显示的不同，"
                 f"如 {'、'.join(changed[:3])}）")
    if kept:
        sheet, _, ref = kept[0].rpartition("!")
        reason = None
        if result is not None:  # failed, or kept at its stored value by the general engine
            stood = {kept_cell.source: kept_cell.reason for kept_cell in result.stood}
            reason = result.uncomputed.get(Source(sheet, ref)) or stood.get(Source(sheet, ref))
        why = f"（如 {kept[0]}：{reason}）" if reason else f"（如 {kept[0]}）"
        note += f"；其中 {len(kept)} 个公式 jixiao 无法计算{why}，按文件保存的结果校验"
    return note


__all__ = ["CALCULATED_ON_LOAD", "Opened", "as_opened"]
