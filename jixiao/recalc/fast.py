"""The fast path of recalculation: JX_ formulas evaluated by the core directly.

The template's formulas are all plain calls such as
``=JX_SCORE(E24,F24,G24,JX_Rules,J24,$C$13:$C24)`` — a JX_ function over cell
references, ranges, defined names and literals. Excel may store the function
as ``_xludf.JX_SCORE`` (unknown when saved) or ``[1]!JX_SCORE`` (from the
add-in, linked as external workbook 1); all three are the same function, in any
letter case (LibreOffice saves ``=jx_score(…)``, and TRUE as ``TRUE()``). ``evaluate`` computes such
workbooks with ``cellfuncs`` alone, in milliseconds, and raises
``NotApplicable`` for anything else (another function, an operator, a cycle …): then
only the general engine can be exact. A formula reading another workbook keeps the value
Excel stored for it (``external``), a constant here as in the general engine.

Both engines call a JX_ function the same way (``calling``).

(Over 400 lines: the evaluator and what it must know of the cells it reads — formats,
times, ranges reversed, links kept — are one pass over the formulas.)
"""

from __future__ import annotations

import re
from typing import Any

from jixiao.cellfuncs import FUNCTIONS, READS_FORMAT, READS_TIME
from jixiao.recalc.calling import argument_value, call_function, fit
from jixiao.recalc.external import Linked
from jixiao.recalc.kept_stored import is_cell_picture
from jixiao.recalc.limits import formula_problem
from jixiao.recalc.prepare import ordered_ranges
from jixiao.xlsx.package import Cell, CellValue, Formula, Package
from jixiao.xlsx.refs import area_cells, column_letters, column_number, resolved_row_index


class NotApplicable(Exception):
    """The fast path cannot promise the general engine's result for this workbook."""


# ---------------------------------------------------------------- formulas

# The parsed formula's nodes are plain classes with __slots__, not dataclasses: making a
# dataclass runs code generation at import (about 0.5 ms each), and this module exists to
# be quick from the process's start. Nothing compares or hashes them.

class _Ref:
    """A cell or a range, as written in the formula."""

    __slots__ = ("sheet", "top", "left", "bottom", "right", "fixed", "is_range")

    def __init__(self, sheet: str | None, top: int, left: int, bottom: int, right: int,
                 fixed: tuple[bool, bool, bool, bool], is_range: bool) -> None:
        self.sheet = sheet          # None: the formula's own sheet
        self.top, self.left, self.bottom, self.right = top, left, bottom, right
        self.fixed = fixed          # $ on top, left, bottom, right
        self.is_range = is_range

    def moved(self, rows: int, columns: int) -> _Ref:
        """The reference as a shared formula's follower, ``rows``/``columns`` away, sees it."""
        top, left, bottom, right = (
            value if fixed else value + delta
            for value, fixed, delta in zip((self.top, self.left, self.bottom, self.right),
                                           self.fixed, (rows, columns, rows, columns),
                                           strict=True))
        if min(top, left, bottom, right) < 1:
            raise NotApplicable("shared formula moves a reference off the sheet")
        fixed = list(self.fixed)
        if top > bottom:  # $C13:$C$14 moved 5 rows down is C14:C18, as Excel reads $C$14:$C18
            top, bottom, fixed[0], fixed[2] = bottom, top, fixed[2], fixed[0]
        if left > right:
            left, right, fixed[1], fixed[3] = right, left, fixed[3], fixed[1]
        return _Ref(self.sheet, top, left, bottom, right, (fixed[0], fixed[1], fixed[2], fixed[3]),
                    self.is_range)


class _Call:
    """A JX_ function called on its arguments."""

    __slots__ = ("name", "args")

    def __init__(self, name: str, args: tuple[Any, ...]) -> None:
        self.name = name
        self.args = args  # _Call, _Ref, _Name, float, str, bool or None


class _Name:
    """A defined name."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name


_TOKEN = re.compile(r"""
    (?P<string>"(?:[^"]|"")*")
  | (?P<call>(?:\[\d+\]!)?(?i:_xludf\.)?(?P<function>[A-Za-z_][\w.]*)\()
  | (?P<ref>(?:(?P<sheet>'(?:[^']|'')+'|[^\s'!(),:"&=<>+\-*/^%]+)!)?
        (?P<c1>\$?[A-Za-z]{1,3}\$?\d+)(?::(?P<c2>\$?[A-Za-z]{1,3}\$?\d+))?)(?![\w.(!:])
  | (?P<number>\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)(?![\w.])
  | (?P<name>[A-Za-z_\\][\w.]*)(?![\w.(!:])
  | (?P<punct>[(),])
""", re.X)
_CELL = re.compile(r"(\$?)([A-Za-z]{1,3})(\$?)(\d+)")
_MAX_COLUMN, _MAX_ROW = 16384, 1048576


def parse_formula(text: str, row: int | None = None) -> _Call:
    """A formula that is one JX_ call over plain operands; NotApplicable otherwise.

    In a cell of ``row``, INDEX(H:H,ROW()-1) is the cell above and INDEX(H:H,ROW(H12)+1) the
    cell H13, as the general engine reads them (``xlsx.refs.resolved_row_index``): the
    template's 总分 reads INDEX(H:H,ROW(H12)+1):INDEX(H:H,ROW()-1)."""
    text = ordered_ranges(text)
    if row is not None:
        text = resolved_row_index(text, row)
    problem = formula_problem(text)
    if problem is not None:  # too long, deep or wide: the general engine reports the cell
        raise NotApplicable(problem)
    tokens, position = [], 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None:
            raise NotApplicable(f"unsupported syntax at {text[position:position + 10]!r}")
        tokens.append(match)
        position = match.end()
    call, end = _parse_call(tokens, 0)
    if end != len(tokens):
        raise NotApplicable("more than one call")
    return call


def _parse_call(tokens: list[re.Match[str]], index: int) -> tuple[_Call, int]:
    if index >= len(tokens) or not tokens[index].group("call"):
        raise NotApplicable("not a function call")
    name = tokens[index].group("function").upper()
    if name not in FUNCTIONS:
        raise NotApplicable(f"{name} is not a JX_ function")
    args: list[Any] = []
    index += 1
    if index < len(tokens) and tokens[index].group("punct") == ")":
        return _Call(name, ()), index + 1
    while True:
        arg, index = _parse_operand(tokens, index)
        args.append(arg)
        if index >= len(tokens):
            raise NotApplicable("unclosed call")
        punct = tokens[index].group("punct")
        index += 1
        if punct == ")":
            return _Call(name, tuple(args)), index
        if punct != ",":
            raise NotApplicable("expected , or )")


def _parse_operand(tokens: list[re.Match[str]], index: int) -> tuple[Any, int]:
    if index >= len(tokens):
        raise NotApplicable("missing argument")
    token = tokens[index]
    if token.group("punct") in (",", ")"):
        return None, index  # an omitted argument: a blank, as Excel passes it
    if token.group("call"):
        word = token.group("function").upper()
        if word in ("TRUE", "FALSE") and index + 1 < len(tokens) \
                and tokens[index + 1].group("punct") == ")":
            return word == "TRUE", index + 2  # TRUE(): how LibreOffice saves TRUE
        return _parse_call(tokens, index)
    if token.group("string") is not None:
        return token.group("string")[1:-1].replace('""', '"'), index + 1
    if token.group("number") is not None:
        return float(token.group("number")), index + 1
    if token.group("ref"):
        return _reference(token), index + 1
    if token.group("name"):
        word = token.group("name")
        if word.upper() in ("TRUE", "FALSE"):
            return word.upper() == "TRUE", index + 1
        return _Name(word.upper()), index + 1
    raise NotApplicable("unexpected (")


def _reference(token: re.Match[str]) -> _Ref:
    sheet = token.group("sheet")
    if sheet is not None:
        if sheet.startswith("'"):
            sheet = sheet[1:-1].replace("''", "'")
        if sheet.startswith("["):
            raise NotApplicable("reference to another workbook")
    first = _CELL.fullmatch(token.group("c1"))
    last = _CELL.fullmatch(token.group("c2") or token.group("c1"))
    assert first is not None and last is not None
    top, bottom = int(first.group(4)), int(last.group(4))
    left, right = column_number(first.group(2)), column_number(last.group(2))
    if max(left, right) > _MAX_COLUMN or max(top, bottom) > _MAX_ROW or min(top, bottom) < 1:
        raise NotApplicable("reference outside the sheet")
    if top > bottom or left > right:  # B5:A1 — Excel normalises it; stay out of the way
        raise NotApplicable("reversed range")
    fixed = (bool(first.group(3)), bool(first.group(1)), bool(last.group(3)),
             bool(last.group(1)))
    return _Ref(sheet, top, left, bottom, right, fixed, token.group("c2") is not None)


def _moved(node: Any, rows: int, columns: int) -> Any:
    if isinstance(node, _Ref):
        return node.moved(rows, columns)
    if isinstance(node, _Call):
        return _Call(node.name, tuple(_moved(arg, rows, columns) for arg in node.args))
    return node


# ---------------------------------------------------------------- evaluation

_Key = tuple[str, int, int]  # (SHEET NAME UPPER-CASED, row, column)


class _Computed:
    """A formula and the cells it fills: one, or an array formula's rows × columns."""

    __slots__ = ("sheet", "anchor", "call", "rows", "columns")

    def __init__(self, sheet: str, anchor: Cell, call: _Call) -> None:
        self.sheet, self.anchor, self.call = sheet, anchor, call
        self.rows = self.columns = 1


class _Workbook:
    def __init__(self, package: Package, linked: dict[tuple[str, str], Linked]) -> None:
        self.linked = linked
        self.sheets = {sheet.name.upper(): sheet.name for sheet in package.sheets}
        self.values: dict[_Key, Any] = {}
        self.formulas: dict[_Key, _Computed] = {}    # every cell a formula fills → its formula
        self.results: dict[_Key, Any] = {}           # anchor → result (scalar or rows)
        self.names = _names(package)  # scope (None: the workbook's, else SHEET) → NAME → ref
        self.package = package
        self.formats: dict[str, dict[str, str]] = {}  # SHEET → cell → number format
        self.unread = {sheet.name.upper(): sheet for sheet in package.sheets}
        for sheet in package.sheets:
            if package.may_hold_formulas(sheet):
                self._read(sheet.name.upper())

    def _read_if_needed(self, key_sheet: str) -> None:
        if key_sheet in self.unread:  # a sheet without formulas, read when referenced
            self._read(key_sheet)

    def _read(self, key_sheet: str) -> None:
        sheet_part = self.unread.pop(key_sheet)
        sheet, cells = sheet_part.name, self.package.cells(sheet_part)
        masters: dict[str, tuple[Cell, _Call]] = {}
        for cell in cells:
            if cell.formula is None:
                if cell.data_type in ("e", "d"):
                    raise NotApplicable(f"{sheet}!{cell.ref} holds t={cell.data_type}")
                if (key_sheet, cell.row, cell.column) not in self.formulas:
                    self.values[(key_sheet, cell.row, cell.column)] = _constant(cell.value)
                continue
            if is_cell_picture(cell.formula.text):  # a WPS picture: left as it is
                self.values[(key_sheet, cell.row, cell.column)] = _constant(cell.value)
                continue
            kept = self.linked.get((sheet, cell.ref))
            if kept is not None:  # another workbook's: the value Excel stored
                if kept.value is None:
                    raise NotApplicable(f"{sheet}!{cell.ref} reads another workbook, no value stored")
                self.values[(key_sheet, cell.row, cell.column)] = _constant(kept.value)
                continue
            call = self._formula_call(cell, cell.formula, masters)
            computed = _Computed(sheet, cell, call)
            if cell.formula.kind == "array":
                grid = area_cells(cell.formula.area or cell.ref)
                computed.rows, computed.columns = len(grid), len(grid[0])
                for offset_row in range(computed.rows):
                    for offset_column in range(computed.columns):
                        key = (key_sheet, cell.row + offset_row, cell.column + offset_column)
                        self.formulas[key] = computed
                        self.values.pop(key, None)
            else:
                self.formulas[(key_sheet, cell.row, cell.column)] = computed

    @staticmethod
    def _formula_call(cell: Cell, formula: Formula, masters: dict[str, tuple[Cell, _Call]]
                      ) -> _Call:
        if formula.kind == "dataTable":
            raise NotApplicable("data table")
        if formula.kind == "shared" and formula.shared_index is not None:
            if "INDEX" in (formula.text or "").upper():  # its $ lost once resolved
                raise NotApplicable("INDEX in a shared formula")
            if formula.text:
                call = parse_formula(formula.text)
                masters[formula.shared_index] = (cell, call)
                return call
            if formula.shared_index not in masters:
                raise NotApplicable("shared formula before its master")
            master, call = masters[formula.shared_index]
            return _moved(call, cell.row - master.row, cell.column - master.column)
        if not formula.text:
            raise NotApplicable("empty formula")
        return parse_formula(formula.text, cell.row)

    # -------------------------------------------------------- evaluation

    def evaluate(self) -> dict[str, dict[str, CellValue]]:
        out: dict[str, dict[str, CellValue]] = {}
        for (sheet, ref), kept in self.linked.items():
            out.setdefault(sheet, {})[ref] = kept.result
        done: set[int] = set()
        for computed in self.formulas.values():
            if id(computed) in done:
                continue
            done.add(id(computed))
            result = self._result(computed, ())
            grid = fit(result, computed.rows, computed.columns)
            cells = out.setdefault(computed.sheet, {})
            for offset_row, row in enumerate(grid):
                for offset_column, value in enumerate(row):
                    ref = (f"{column_letters(computed.anchor.column + offset_column)}"
                           f"{computed.anchor.row + offset_row}")
                    cells[ref] = value
        return out

    def _result(self, computed: _Computed, path: tuple[int, ...]) -> Any:
        key = (computed.sheet.upper(), computed.anchor.row, computed.anchor.column)
        if key in self.results:
            return self.results[key]
        if id(computed) in path:
            raise NotApplicable("circular reference")
        if len(path) > 200:
            raise NotApplicable("formula chain too deep")
        path = (*path, id(computed))
        result = self._call(computed.call, computed.sheet, path)
        self.results[key] = result
        return result

    def _operand(self, node: Any, sheet: str, path: tuple[int, ...]) -> Any:
        if isinstance(node, _Call):
            return self._call(node, sheet, path)
        if isinstance(node, _Name):  # the sheet's own name first (a copied sheet's JX_Rules)
            ref = self.names.get(sheet.upper(), {}).get(node.name) \
                or self.names.get(None, {}).get(node.name)
            if ref is None:
                raise NotApplicable(f"name {node.name} is not a reference")
            return self._operand(ref, sheet, path)
        if isinstance(node, _Ref):
            target = (node.sheet or sheet).upper()
            if target not in self.sheets:
                raise NotApplicable(f"no sheet {node.sheet}")
            grid = [[self._cell(target, row, column, path)
                     for column in range(node.left, node.right + 1)]
                    for row in range(node.top, node.bottom + 1)]
            return grid[0][0] if len(grid) == 1 and len(grid[0]) == 1 else grid
        return node  # a literal

    def _call(self, call: _Call, sheet: str, path: tuple[int, ...]) -> Any:
        args = [self._operand(arg, sheet, path) for arg in call.args]
        flags = READS_FORMAT.get(call.name, {})
        if flags and len(call.args) <= min(flags.values()):  # as Excel's reads the cells
            args = [*args, *[None] * (max(flags.values()) + 1 - len(args))]
            for index, position in flags.items():
                if index < len(call.args) and isinstance(call.args[index], _Ref):
                    args[position] = self._shows_percent(call.args[index], sheet)
        for index in READS_TIME.get(call.name, ()):
            if index < len(call.args) and isinstance(call.args[index], _Ref):
                args[index] = self._as_time(call.args[index], sheet, args[index])
        return call_function(FUNCTIONS[call.name], args)

    def _formats(self, ref: _Ref, sheet: str) -> dict[str, str]:
        from jixiao.recalc.cellformats import number_formats

        target = (ref.sheet or sheet).upper()
        if target not in self.formats:
            part = next(part for part in self.package.sheets if part.name.upper() == target)
            self.formats[target] = number_formats(self.package, part)
        return self.formats[target]

    def _as_time(self, ref: _Ref, sheet: str, value: Any) -> Any:
        """A 指标值 or 完成值 argument as Excel passes it: a cell of a time format as a time
        (3:00 typed is 3小时, ``cellfuncs.READS_TIME``); a range's, cell by cell."""
        from jixiao.recalc.cellformats import as_time

        formats = self._formats(ref, sheet)
        epoch = self.package.epoch
        if not isinstance(value, list):  # one cell (E21, or E21:E21)
            return as_time(value, formats.get(f"{column_letters(ref.left)}{ref.top}", "General"),
                           epoch)
        return [[as_time(item, formats.get(f"{column_letters(column)}{row}", "General"), epoch)
                 for column, item in zip(range(ref.left, ref.right + 1), items, strict=True)]
                for row, items in zip(range(ref.top, ref.bottom + 1), value, strict=True)]

    def _shows_percent(self, ref: _Ref, sheet: str) -> bool | list[list[bool]]:
        """Whether the cell's number format shows a percent; a range's, row by row."""
        from jixiao.xlsx.numformats import shows_percent

        formats = self._formats(ref, sheet)
        grid = [[shows_percent(formats.get(f"{column_letters(column)}{row}", "General"))
                 for column in range(ref.left, ref.right + 1)]
                for row in range(ref.top, ref.bottom + 1)]
        return grid if ref.is_range else grid[0][0]

    def _cell(self, sheet: str, row: int, column: int, path: tuple[int, ...]) -> Any:
        self._read_if_needed(sheet)
        key = (sheet, row, column)
        computed = self.formulas.get(key)
        if computed is None:
            return self.values.get(key)
        result = self._result(computed, path)
        grid = fit(result, computed.rows, computed.columns)
        return grid[row - computed.anchor.row][column - computed.anchor.column]


def _constant(value: CellValue) -> Any:
    """A typed cell as the formulas package reads it (floats rounded to 15 places)."""
    if isinstance(value, float):
        return round(value, 15)
    return argument_value(value)


def _names(package: Package) -> dict[str | None, dict[str, _Ref]]:
    """The names that point at one cell or range, by scope: None for the workbook's, a
    sheet's name (upper case) for the names of that sheet's own, which its formulas use
    before the workbook's (as Excel, LibreOffice and the general path do)."""
    names: dict[str | None, dict[str, _Ref]] = {}
    for defined in package.defined_names:
        if defined.hidden or not defined.placed:
            continue
        match = _TOKEN.fullmatch(defined.text.strip())
        if match is None or not match.group("ref") or not match.group("sheet"):
            continue
        try:
            ref = _reference(match)
        except NotApplicable:
            continue
        scope = defined.scope.upper() if defined.scope is not None else None
        names.setdefault(scope, {})[defined.name.upper()] = ref
    return names


def evaluate(package: Package, linked: dict[tuple[str, str], Linked] | None = None
             ) -> dict[str, dict[str, CellValue]]:
    """sheet → {cell → value} of every cell a formula fills; NotApplicable when the
    workbook holds anything but plain JX_ calls and formulas reading another workbook
    (``linked``: ``external.linked_cells``)."""
    if linked is None:
        from jixiao.recalc.external import linked_cells

        linked = linked_cells(package)
    try:
        workbook = _Workbook(package, linked)
        if not workbook.formulas and not linked:
            return {}
        return workbook.evaluate()
    except RecursionError:
        raise NotApplicable("formula chain too deep") from None


__all__ = ["NotApplicable", "evaluate", "parse_formula"]
