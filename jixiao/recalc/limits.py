"""Formula limits: what no engine evaluates, and what the general engine may be given.

Excel never writes a formula over 8,192 characters or 64 levels deep, and a
reference to a whole column is a million cells the formulas package would build:
``formula_problem`` says why a formula is left alone (both engines ask it, and the
cell shows #VALUE! with that reason). ``check_workload`` refuses a workbook
whose whole size would take the general engine minutes and gigabytes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from jixiao.errors import JixiaoError
from jixiao.xlsx.guard import Limits
from jixiao.xlsx.package import Cell, Package, column_number

MAX_FORMULA_LENGTH = 8192  # Excel's own limits: a longer or deeper formula was not made by Excel
MAX_FORMULA_NESTING = 64

STRING_LITERAL = re.compile(r'"(?:[^"]|"")*"')
_CELL_RANGE = re.compile(r"(?<![\w.$])\$?([A-Za-z]{1,3})\$?(\d+):\$?([A-Za-z]{1,3})\$?(\d+)(?![\w(])")
# A:A and 3:5 also as parts of a chain (A1:A:A, B2:1:3): formulas builds each range
_COLUMN_RANGE = re.compile(r"(?<![\w.$])\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})(?![\w(])")
_ROW_RANGE = re.compile(r"(?<![\w.$])\$?(\d+):\$?(\d+)(?![\w.])")
_FORMULA_TOKEN = re.compile(r'"(?:[^"]|"")*"|[A-Za-z_$\\][\w.$:!\[\]]*|\d+(?:\.\d*)?(?:[Ee][+-]?\d+)?'
                            r"|'(?:[^']|'')*'!?|[-+*/^&=<>%,;(){}]")


def formula_problem(text: str, limits: Limits | None = None) -> str | None:
    """Why no engine should evaluate the formula ``text`` (Chinese), or None."""
    if len(text) <= MAX_FORMULA_LENGTH and text.count("(") <= MAX_FORMULA_NESTING \
            and ":" not in text:
        return None  # most formulas: short, shallow, no range
    if len(text) > MAX_FORMULA_LENGTH:
        return f"公式长 {len(text):,} 个字符，超过 Excel 的上限 {MAX_FORMULA_LENGTH}，未计算"
    depth = formula_nesting(text)
    if depth > MAX_FORMULA_NESTING:
        return f"公式嵌套 {depth} 层，超过 Excel 的上限 {MAX_FORMULA_NESTING} 层，未计算"
    largest = max(reference_areas(text), default=0)
    limits = limits or Limits.from_environment()
    if largest > limits.max_range_cells:
        return (f"引用的区域过大（{largest:,} 个单元格，如整列、整行），超过 "
                f"{limits.max_range_cells:,} 的上限，未计算")
    return None


def formula_nesting(text: str) -> int:
    """The deepest parenthesis, texts in quotes left out."""
    depth = deepest = 0
    for char in STRING_LITERAL.sub("", text):
        if char == "(":
            depth += 1
            deepest = max(deepest, depth)
        elif char == ")":
            depth -= 1
    return deepest


_INDIRECT = re.compile(r'(?<![\w.])INDIRECT\(\s*"((?:[^"]|"")*)"\s*\)', re.IGNORECASE)


def reference_areas(text: str) -> list[int]:
    """The number of cells of each range the formula refers to (A1:B2, A:C, 3:5), those
    written as text in INDIRECT("A:J") too (formulas builds them as references)."""
    texts = [inner.replace('""', '"') for inner in _INDIRECT.findall(text)] if "(" in text else []
    text = " ".join([STRING_LITERAL.sub('""', text), *texts])
    areas = [(abs(int(bottom) - int(top)) + 1) * (abs(column_number(right)
                                                      - column_number(left)) + 1)
             for left, top, right, bottom in _CELL_RANGE.findall(text)]
    areas += [1_048_576 * (abs(column_number(last) - column_number(first)) + 1)
              for first, last in _COLUMN_RANGE.findall(text)]
    areas += [16_384 * (abs(int(last) - int(first)) + 1) for first, last in _ROW_RANGE.findall(text)]
    return areas


def formula_tokens(text: str) -> int:
    """About how many parts (operands, operators, functions) a formula has."""
    return len(_FORMULA_TOKEN.findall(text))


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


__all__ = ["MAX_FORMULA_LENGTH", "MAX_FORMULA_NESTING", "STRING_LITERAL", "cells_with_texts",
           "check_workload", "formula_nesting", "formula_problem", "formula_tokens",
           "reference_areas"]
