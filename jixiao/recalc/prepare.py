"""A cell's formula as formulas must see it: the JX_ functions called as Excel calls them."""

from __future__ import annotations

import re
from typing import Any

from jixiao.xlsx.refs import column_number

_ADDIN_CALL = re.compile(r"\[\d+\]!(?=(?:_xludf\.)?JX_\w+\()", re.IGNORECASE)
_JX_NAME_BEFORE = re.compile(r"(?<![\w])JX_\w+$", re.IGNORECASE)


def prepare_cell(cell: Any) -> None:
    holder = cell.value if hasattr(cell.value, "text") else None  # an ArrayFormula
    text = holder.text if holder is not None else cell.value
    if not isinstance(text, str):
        return
    new = ordered_ranges(text)
    if "JX_" in new.upper():
        new = _prepared(new)
    if new != text:
        set_formula(cell, new)


# a sheet's name before ! in a reference ('资金 表'! or 资金!), as group "sheet"
SHEET_PREFIX = r"(?P<sheet>(?:'(?:[^']|'')+'|[^\s'!(),:;\"&=<>+\-*/^%{}\[\]]+)!)?"


# a cell range, each corner with its $ signs: $C$14:$C13
_CELL_RANGE = re.compile(r"(?<![\w.$:])(\$?)([A-Za-z]{1,3})(\$?)(\d+):(\$?)([A-Za-z]{1,3})(\$?)(\d+)"
                         r"(?![\w.(!:])")


def ordered_ranges(text: str) -> str:
    """``text`` with each reversed range written top-left first, as Excel reads it:
    ``$C$14:$C13`` → ``$C13:$C$14``, ``B5:A1`` → ``A1:B5``. Each row and each column keeps
    its own $. (Copying ``$C$13:$C14`` up into row 13 writes ``$C$14:$C13``; Excel means
    C13:C14, where formulas reads no cell — #NULL! — and the fast path declines.)"""
    if ":" not in text:
        return text
    parts = text.split('"')  # even parts are outside quotes
    parts[::2] = [_CELL_RANGE.sub(_ordered, part) for part in parts[::2]]
    return '"'.join(parts)


def _ordered(match: re.Match[str]) -> str:
    left_fixed, left, top_fixed, top, right_fixed, right, bottom_fixed, bottom = match.groups()
    if column_number(left) > column_number(right):
        left_fixed, left, right_fixed, right = right_fixed, right, left_fixed, left
    if int(top) > int(bottom):
        top_fixed, top, bottom_fixed, bottom = bottom_fixed, bottom, top_fixed, top
    return f"{left_fixed}{left}{top_fixed}{top}:{right_fixed}{right}{bottom_fixed}{bottom}"


def prefix_sheet(prefix: str | None) -> str | None:
    """The sheet named by a reference's prefix (``'a''b'!`` → ``a'b``), None for none."""
    if not prefix:
        return None
    name = prefix[:-1]
    return name[1:-1].replace("''", "'") if name.startswith("'") else name


def sheet_named(own: Any, name: str | None) -> Any:
    """The worksheet ``name`` of ``own``'s workbook (Excel ignores case), ``own`` for
    None, None where there is no such sheet."""
    if name is None:
        return own
    return next((sheet for sheet in own.parent.worksheets
                 if sheet.title.upper() == name.upper()), None)


def set_formula(cell: Any, text: str) -> None:
    if hasattr(cell.value, "text"):  # an ArrayFormula
        cell.value.text = text
    else:
        cell.value = text


def _prepared(formula: str) -> str:
    """A formula as formulas must see it to call the JX_ functions as Excel does.

    ``[1]!JX_SCORE(`` → ``JX_SCORE(``: Excel's way of naming a function of the
    add-in (external workbook 1 is the .xlam). ``JX_SCORE(A1,,B1)`` →
    ``JX_SCORE(A1,"",B1)``: Excel passes nothing for an omitted argument where
    formulas would pass 0; "" is blank to every JX_ function, like nothing.
    """
    formula = _unlink(formula)
    out: list[str] = []
    is_jx: list[bool] = []  # one per open parenthesis
    position, length = 0, len(formula)
    while position < length:
        char = formula[position]
        if char in "\"'":  # a text or a quoted sheet name, copied as it is
            end = position + 1
            while end < length:
                if formula[end] == char:
                    if formula[end + 1:end + 2] != char:
                        break
                    end += 1
                end += 1
            out.append(formula[position:end + 1])
            position = end + 1
            continue
        if char == "(":
            is_jx.append(bool(_JX_NAME_BEFORE.search("".join(out[-40:]))))
        elif char == ")" and is_jx:
            is_jx.pop()
        out.append(char)
        position += 1
        if char in "(," and is_jx and is_jx[-1]:
            following = formula[position:].lstrip()[:1]
            if following == "," or (following == ")" and char == ","):
                out.append('""')
    return "".join(out)


def _unlink(formula: str) -> str:
    parts = formula.split('"')
    parts[::2] = [_ADDIN_CALL.sub("", part) for part in parts[::2]]
    return '"'.join(parts)


__all__ = ["ordered_ranges", "prepare_cell", "set_formula"]
