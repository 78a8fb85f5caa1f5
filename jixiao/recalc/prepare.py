"""A cell's formula as formulas must see it: the JX_ functions called as Excel calls them."""

from __future__ import annotations

import re
from typing import Any

_ADDIN_CALL = re.compile(r"\[\d+\]!(?=(?:_xludf\.)?JX_\w+\()", re.IGNORECASE)
_JX_NAME_BEFORE = re.compile(r"(?<![\w])JX_\w+$", re.IGNORECASE)


def prepare_cell(cell: Any) -> None:
    holder = cell.value if hasattr(cell.value, "text") else None  # an ArrayFormula
    text = holder.text if holder is not None else cell.value
    if not isinstance(text, str) or "JX_" not in text.upper():
        return
    set_formula(cell, _prepared(text))


# a sheet's name before ! in a reference ('资金 表'! or 资金!), as group "sheet"
SHEET_PREFIX = r"(?P<sheet>(?:'(?:[^']|'')+'|[^\s'!(),:;\"&=<>+\-*/^%{}\[\]]+)!)?"


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


__all__ = ["prepare_cell", "set_formula"]
