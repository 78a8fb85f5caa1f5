"""Formula limits: which formulas no engine evaluates (too long, deep or wide).

Excel never writes a formula over 8,192 characters or 64 levels deep, and a
reference to a whole column is a million cells the formulas package would build:
``formula_problem`` says why a formula is left alone (both engines ask it, and the
cell shows #VALUE! with that reason); ``workload`` adds up a whole workbook.
"""

from __future__ import annotations

import re

from jixiao.xlsx.limits import Limits
from jixiao.xlsx.refs import FORMULA_STRING as STRING_LITERAL
from jixiao.xlsx.refs import column_number

MAX_FORMULA_LENGTH = 8192  # Excel's own limits: a longer or deeper formula was not made by Excel
MAX_FORMULA_NESTING = 64

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


__all__ = ["MAX_FORMULA_LENGTH", "MAX_FORMULA_NESTING", "STRING_LITERAL", "formula_nesting",
           "formula_problem", "formula_tokens", "reference_areas"]
