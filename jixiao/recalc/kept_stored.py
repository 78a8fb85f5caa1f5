"""Formulas jixiao cannot compute that the table does not read: left as the file has them.

The general engine lacks some functions, cannot parse some formulas and leaves out some
too large to compute (``limits``); it writes #NAME? or #VALUE! there, and every cell
reading such a cell fails with it (``general._not_computed_downstream``). Where none of
these cells is one the self-evaluation table reads (``SelfEvaluation.cells``: its targets,
actuals, points, scores, totals …) nor the origin of one that fails, they are no input to
the table's scores: each keeps its formula and the value the file stores (what Excel or
WPS computed), is listed, and the run does not fail. A cell with no stored value (or an
error value stored: an earlier run's #REF!, so a second run fails as the first), one in
or after a loop, an array formula, or one the table reads (or that feeds it) still fails.
(A formula the engine cannot compute whose file stores a value, neither read by the table
nor feeding a cell it reads, does not fail: the general engine keeps that value as a
constant, the cells reading it computed from it — ``general._Model._keep_stored``; one the
table reads or that feeds it is computed as before keeping, #NAME?, ``general._kept_scoring``:
its stored value may be stale. What is left here fails from one that stores none.)

A WPS cell picture (``=_xlfn.DISPIMG("ID_…",1)``: a stamp, a signature, a photo placed in a
cell) is an image, never a number: both engines leave its formula and stored value as
they are, never list it, and a formula reading it reads that stored value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jixiao.errors import JixiaoError
from jixiao.model import Source
from jixiao.xlsx.package import CellValue, ExcelError, Package

_CELL_PICTURE = re.compile(r'\s*(?:_xlfn\.)?DISPIMG\s*\(\s*"[^"]*"\s*(?:,\s*-?\d+\s*)?\)\s*',
                           re.IGNORECASE)
_DOWNSTREAM = re.compile(r"依赖未算出的单元格 (?P<sheet>.+)!(?P<ref>[A-Z]+\d+)$")
_LOOPS = ("循环引用", "引用了循环引用中的单元格")


def is_cell_picture(formula: str | None) -> bool:
    """Whether a formula is WPS's picture in a cell, ``_xlfn.DISPIMG("ID_5F3A",1)``."""
    return formula is not None and _CELL_PICTURE.fullmatch(formula) is not None


@dataclass(frozen=True)
class Kept:
    """A formula jixiao could not compute, left with the value the file stores."""

    source: Source
    reason: str          # why it was not computed (Chinese)
    stored: CellValue    # the file's cached value, kept


def keep_stored(package: Package, values: dict[str, dict[str, CellValue]],
                uncomputed: dict[tuple[str, str], str],
                cycles: list[list[Source]]) -> list[Kept]:
    """The cells of ``uncomputed`` (cell → why) that the table does not read, taken out of
    ``values`` so that the write-back leaves them as the file has them; each with its reason
    and stored value."""
    looped = {source for cycle in cycles for source in cycle}
    candidates: dict[Source, tuple[Source, str]] = {}  # cell → (the cell it fails from, why)
    for (sheet, ref), reason in uncomputed.items():
        if not isinstance(values.get(sheet, {}).get(ref), ExcelError) or reason in _LOOPS:
            continue
        found = _DOWNSTREAM.match(reason)
        origin = Source(found["sheet"], found["ref"]) if found else Source(sheet, ref)
        if origin not in looped and Source(sheet, ref) not in looped:
            candidates[Source(sheet, ref)] = (origin, reason)
    if not candidates:
        return []
    stored = _stored_values(package, {source.sheet for source in candidates})
    read = cells_the_table_reads(package)
    feeding = {origin for source, (origin, _) in candidates.items() if source in read}
    kept = []
    for source, (origin, reason) in candidates.items():
        value = stored.get(source)
        if source in read or origin in feeding or value is None:
            continue
        del values[source.sheet][source.cell]
        kept.append(Kept(source, reason, value))
    return kept


def _stored_values(package: Package, sheets: set[str]) -> dict[Source, CellValue]:
    """The cached value of each plain formula cell (not an array's) of ``sheets``. A stored
    error value is none (as ``general.evaluate``'s ``cached``, ``external.linked_cells``):
    it is what an earlier run wrote (#REF! of a link never open), and keeping it would
    make the second run on the same cell succeed where the first failed."""
    return {Source(sheet.name, cell.ref): cell.value for sheet in package.sheets
            if sheet.name in sheets for cell in package.cells(sheet)
            if cell.formula is not None and cell.formula.kind != "array"
            and cell.value is not None and not isinstance(cell.value, ExcelError)}


def cells_the_table_reads(package: Package) -> set[Source]:
    """Every cell read by the workbook's self-evaluation tables; none where it has none."""
    from jixiao.read.workbook import read_workbook

    try:
        found = read_workbook(package.path, data=package.data)
    except JixiaoError:
        return set()
    return {source for table in found.tables for source in table.cells}


__all__ = ["Kept", "cells_the_table_reads", "is_cell_picture", "keep_stored"]
