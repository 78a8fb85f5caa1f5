"""OFFSET, which formulas does not have, written out as the reference it gives.

OFFSET returns a reference, not a value: formulas' functions only receive values,
and the cells of the reference must be known before evaluating so that they are
computed first. When the offsets, height and width are numbers — written in the
formula, or read from a cell that holds a number typed in (not a formula) — the
reference is fixed before evaluation: ``SUM(OFFSET(G11,0,0,8,1))`` is
``SUM(G11:G18)``, ``OFFSET(A1,1,0)`` is ``A2``, one that leaves the sheet ``#REF!``.
An OFFSET whose arguments are computed stays as it is (the engine does not have it:
#NAME?, reported).

INDEX of a whole column at the formula's own row less a number, ``INDEX(H:H,ROW()-1)``
(the cell above), or at a cell's row plus one, ``INDEX(H:H,ROW(H12)+1)`` — how jixiao's
template's 总分 reads its rows, ``layout.above_total`` — is written out the same way
(``xlsx.refs.resolved_row_index``): ``H42`` in row 43, ``H13``. The engine would read the whole column, and
the fast path does not know INDEX.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from jixiao.recalc.prepare import SHEET_PREFIX, prefix_sheet, set_formula, sheet_named
from jixiao.xlsx.refs import column_letters, resolved_row_index, split_ref

_MAX_ROW, _MAX_COLUMN = 1_048_576, 16_384
_OFFSET = re.compile(r"(?<![\w.])OFFSET\s*\(", re.IGNORECASE)
_REFERENCE = re.compile(r"^\(?\s*" + SHEET_PREFIX +
                        r"(?P<first>\$?[A-Za-z]{1,3}\$?\d+)(?::(?P<last>\$?[A-Za-z]{1,3}\$?\d+))?"
                        r"\s*\)?$")
_NUMBER = re.compile(r"^[+-]?(?:\d+\.?\d*|\.\d+)$")

# (sheet name or None for the formula's own sheet, "B1") → the number typed there, or None
CellNumber = Callable[[str | None, str], float | None]


def resolved_offsets(text: str, cell_number: CellNumber) -> str:
    """``text`` with each OFFSET whose arguments are known replaced by its reference."""
    if "OFFSET" not in text.upper():
        return text
    starts = [match for match in _OFFSET.finditer(text) if not _in_string(text, match.start())]
    for match in reversed(starts):  # the innermost first
        call = _call(text, match.end())
        if call is None:
            continue
        arguments, end = call
        reference = _reference(arguments, cell_number)
        if reference is not None:
            text = text[:match.start()] + reference + text[end:]
    return text


def _in_string(text: str, position: int) -> bool:
    return text.count('"', 0, position) % 2 == 1


def _call(text: str, position: int) -> tuple[list[str], int] | None:
    """The arguments of the call whose "(" ends just before ``position``, and its end."""
    arguments, depth, start, quoted = [], 0, position, False
    for index in range(position, len(text)):
        character = text[index]
        if character == '"':
            quoted = not quoted
        elif quoted:
            continue
        elif character in "({":
            depth += 1
        elif character in ")}" and depth:
            depth -= 1
        elif character == ")":
            arguments.append(text[start:index].strip())
            return arguments, index + 1
        elif character == "," and not depth:
            arguments.append(text[start:index].strip())
            start = index + 1
    return None


def _reference(arguments: list[str], cell_number: CellNumber) -> str | None:
    """OFFSET(reference, rows, columns[, height, width]) as a reference, or None."""
    if not 3 <= len(arguments) <= 5:
        return None
    found = _REFERENCE.match(arguments[0])
    if found is None:
        return None
    top, left = split_ref(found["first"].replace("$", ""))
    bottom, right = split_ref(found["last"].replace("$", "")) if found["last"] else (top, left)
    height, width = bottom - top + 1, right - left + 1
    sizes: list[int] = []
    for index, argument in enumerate(arguments[1:], start=1):
        if argument == "" and index >= 3:
            sizes.append(height if index == 3 else width)
            continue
        number = _number(argument, cell_number)
        if number is None:
            return None
        sizes.append(int(number))  # Excel drops the decimals
    rows, columns, *size = sizes
    height, width = (size + [height, width][len(size):])[:2]
    top, left = top + rows, left + columns
    if height < 1 or width < 1:
        return None  # Excel counts a negative height upwards; rare, left to the engine
    bottom, right = top + height - 1, left + width - 1
    if top < 1 or left < 1 or bottom > _MAX_ROW or right > _MAX_COLUMN:
        return "#REF!"
    area = f"{column_letters(left)}{top}"
    if (bottom, right) != (top, left):
        area += f":{column_letters(right)}{bottom}"
    return f"{found['sheet'] or ''}{area}"


def _number(argument: str, cell_number: CellNumber) -> float | None:
    if _NUMBER.match(argument):
        return float(argument)
    found = _REFERENCE.match(argument)
    if found is None or found["last"]:
        return None
    return cell_number(prefix_sheet(found["sheet"]), found["first"].replace("$", "").upper())


def fixed_offsets(cell: Any, text: str) -> str:
    """The cell's formula with each OFFSET of known arguments written as its reference."""
    new = resolved_offsets(text, lambda sheet, ref: _typed_number(cell.parent, sheet, ref))
    if new != text:
        set_formula(cell, new)
    return new


def fix_row_index(cell: Any, text: str) -> None:
    """The cell's formula ``text`` with each INDEX(H:H,ROW()-n) written as the cell it gives
    — first, so that JX_POINTS(INDEX(G:G,ROW(G12)+1):INDEX(G:G,ROW()-1)) is given the 分值
    cells' formats."""
    new = resolved_row_index(text, cell.row)
    if new != text:
        set_formula(cell, new)


def _typed_number(own: Any, name: str | None, ref: str) -> float | None:
    """The number typed into a cell (blank is 0), None for a formula, a text or no sheet."""
    sheet = sheet_named(own, name)
    if sheet is None:
        return None
    value = sheet[ref].value
    if value is None:
        return 0.0
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return None


__all__ = ["fix_row_index", "fixed_offsets", "resolved_offsets", "resolved_row_index"]
