"""Structured references to Excel tables (``资金表[预算数]``), written as the plain ranges
they name, so the formulas package (which cannot parse them) computes the formula.

    资金表[预算数]                 → '资金明细'!$C$2:$C$4   (the column's data rows)
    资金表[[#Totals],[预算数]]     → '资金明细'!$C$5
    资金表[#All]                   → '资金明细'!$A$1:$E$5
    资金表[[序号]:[预算数]]        → '资金明细'!$A$2:$C$4
    资金表[@预算数], [@预算数]     → '资金明细'!$C$3        (the formula's own row)

The items (ECMA-376 Part 1 §18.17.6.2; Excel's 使用公式中的结构化引用): #All, #Data, #Headers,
#Totals, #This Row (written @), a column, or two columns joined by ``:``; a column name escapes
``[ ] # '`` with ``'``. No item means #Data; a table name alone is its data rows. What names
no table, no column of it, or an item combination Excel does not allow is refused
(``UnsupportedTableReference``); the general engine then reports it by name.
"""

from __future__ import annotations

from collections.abc import Sequence

from jixiao.xlsx.refs import column_letters
from jixiao.xlsx.tables import ExcelTable

_SPECIALS = {"#ALL": "all", "#DATA": "data", "#HEADERS": "headers", "#TOTALS": "totals",
             "#THIS ROW": "row"}
# the item combinations Excel allows, as the rows they take
_COMBINED = {frozenset(): "data", frozenset({"headers", "data"}): "headers+data",
             frozenset({"data", "totals"}): "data+totals"}
_NAME_END = frozenset(" \t\r\n()[],;:+-*/^&=<>%{}!\"'@#")


class UnsupportedTableReference(ValueError):
    """A structured reference that names no range jixiao can write (``reference``: as
    written; ``why``: in Chinese)."""

    def __init__(self, reference: str, why: str) -> None:
        super().__init__(f"{reference}：{why}")
        self.reference = reference
        self.why = why


def resolved_tables(text: str, tables: Sequence[ExcelTable], sheet: str, row: int,
                    column: int) -> str:
    """``text``, the formula of ``sheet``!(``row``, ``column``), with each structured
    reference written as the range it names (``#REF!``/``#VALUE!`` where Excel shows that:
    a header row the table hides, no totals row, ``@`` outside the data rows)."""
    if "[" not in text and not tables:
        return text
    by_name = {table.name.upper(): table for table in tables}
    here = next((table for table in tables if table.sheet.upper() == sheet.upper()
                 and table.top <= row <= table.bottom and table.left <= column <= table.right),
                None)
    out: list[str] = []
    position, length = 0, len(text)
    while position < length:
        char = text[position]
        if char in "\"'":  # a text or a quoted sheet name: nothing in it is a reference
            end = _closing_quote(text, position)
            out.append(text[position:end])
            position = end
        elif char == "[":
            end = _closing_bracket(text, position)
            body = text[position + 1:end - 1]
            after = text[end:end + 1]
            if body.isdigit() or after == "!" or after.isalnum() or after == "_":
                # [1]Sheet!A1, [1]!JX_SCORE, [预算.xlsx]表!A1: another workbook, an add-in
                out.append(text[position:end])
            elif here is None:
                raise UnsupportedTableReference(text[position:end], "不在表格中，没有写明表格名称")
            else:
                out.append(_range(here, body, text[position:end], row))
            position = end
        elif _starts_name(text, position):
            end = position
            while end < length and text[end] not in _NAME_END:
                end += 1
            name = text[position:end]
            table = by_name.get(name.upper())
            following = text[end:end + 1]
            if following == "[":
                close = _closing_bracket(text, end)
                reference = text[position:close]
                if table is None:
                    raise UnsupportedTableReference(reference, f"工作簿中没有名为“{name}”的表格")
                out.append(_range(table, text[end + 1:close - 1], reference, row))
                position = close
                continue
            if table is not None and following not in ("(", "!"):  # the table alone: #Data
                out.append(_range(table, "", name, row))
            else:
                out.append(name)
            position = end
        else:
            out.append(char)
            position += 1
    return "".join(out)


def _starts_name(text: str, position: int) -> bool:
    char = text[position]
    before = text[position - 1] if position else ""
    return (char.isalpha() or char in "_\\") and not (before.isalnum() or before in ("_", ".", "$", "\\"))


def _closing_quote(text: str, start: int) -> int:
    """The position after the quote closing the one at ``start`` (doubled quotes inside)."""
    quote, position = text[start], start + 1
    while position < len(text):
        if text[position] == quote:
            if text[position + 1:position + 2] != quote:
                return position + 1
            position += 1
        position += 1
    return len(text)


def _closing_bracket(text: str, start: int) -> int:
    """The position after the ``]`` matching the ``[`` at ``start``; ``'`` escapes the next
    character."""
    depth, position = 0, start
    while position < len(text):
        char = text[position]
        if char == "'":
            position += 2
            continue
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return position + 1
        position += 1
    raise UnsupportedTableReference(text[start:], "方括号没有配对")


def _items(body: str, reference: str) -> tuple[set[str], list[str]]:
    """The special items and the column names (one, or the two ends of a span) of a
    reference's body (what is inside its outer brackets)."""
    stripped = body.strip()
    if stripped.startswith("@"):  # [@预算数], [@[预算 数]], [@] — #This Row
        rest = stripped[1:].strip()
        specials, columns = _items(rest, reference) if rest.startswith("[") \
            else (set(), [_unescaped(rest)] if rest else [])
        if specials:
            raise UnsupportedTableReference(reference, "@ 之后不能再写 #All、#Data 等")
        return {"row"}, columns
    if not stripped.startswith("["):  # one item: a special or a column
        special = _SPECIALS.get(stripped.upper())
        if special is not None:
            return {special}, []
        return set(), [_unescaped(body)] if body else []
    specials: set[str] = set()
    columns: list[str] = []
    position, joined = 0, False
    while position < len(body):
        char = body[position]
        if char == "[":
            end = _closing_bracket(body, position)
            item = body[position + 1:end - 1]
            special = _SPECIALS.get(item.strip().upper())
            if special is not None:
                specials.add(special)
            elif columns and not joined:
                raise UnsupportedTableReference(reference, "列之间应写冒号（[列1]:[列2]）")
            else:
                columns.append(_unescaped(item))
                joined = False
            position = end
        elif char == ":" and len(columns) == 1 and not joined:
            joined, position = True, position + 1
        elif char in ", \t":
            position += 1
        else:
            raise UnsupportedTableReference(reference, f"无法识别的写法“{body[position:]}”")
    if joined or len(columns) > 2:
        raise UnsupportedTableReference(reference, "列的写法不完整")
    return specials, columns


def _unescaped(name: str) -> str:
    out, position = [], 0
    while position < len(name):
        if name[position] == "'" and position + 1 < len(name):
            position += 1
        out.append(name[position])
        position += 1
    return "".join(out)


def _range(table: ExcelTable, body: str, reference: str, row: int) -> str:
    """The range a reference's body names in ``table``, written with its sheet and $."""
    specials, columns = _items(body, reference)
    if "all" in specials:
        rows = "all"
    elif "row" in specials:
        if len(specials) > 1:
            raise UnsupportedTableReference(reference, "#This Row 不能与其他项合用")
        rows = "row"
    elif frozenset(specials) in _COMBINED:
        rows = _COMBINED[frozenset(specials)]
    elif len(specials) == 1:
        rows = next(iter(specials))
    else:
        raise UnsupportedTableReference(reference, "这几项不能合用")
    first_data, last_data = table.data_rows
    header_top, totals_bottom = table.top, table.bottom
    spans = {"all": (table.top, table.bottom), "data": (first_data, last_data),
             "headers": (header_top, first_data - 1), "totals": (last_data + 1, totals_bottom),
             "headers+data": (header_top, last_data), "data+totals": (first_data, totals_bottom),
             "row": (row, row)}
    top, bottom = spans[rows]
    if top > bottom:  # the header row hidden, no totals row: what Excel shows
        return "#REF!"
    if rows == "row" and not first_data <= row <= last_data:
        return "#VALUE!"
    left, right = table.left, table.right
    if columns:
        ends = [_column(table, name, reference) for name in columns]
        left, right = table.left + min(ends), table.left + max(ends)
    sheet = "'" + table.sheet.replace("'", "''") + "'"
    start = f"${column_letters(left)}${top}"
    end = f"${column_letters(right)}${bottom}"
    return f"{sheet}!{start}" if start == end else f"{sheet}!{start}:{end}"


def _column(table: ExcelTable, name: str, reference: str) -> int:
    """The index of column ``name`` in ``table`` (Excel ignores case)."""
    wanted = name.strip().upper()
    for index, column in enumerate(table.columns):
        if column.strip().upper() == wanted:
            return index
    raise UnsupportedTableReference(reference, f"表格“{table.name}”没有列“{name}”")


__all__ = ["UnsupportedTableReference", "resolved_tables"]
