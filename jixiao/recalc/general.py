"""The general path of recalculation: every formula, through the formulas package.

formulas (vinci1it2000/formulas) reads the workbook with openpyxl and
evaluates ordinary Excel formulas — SUM, IF, ROUND, references across sheets,
shared and array formulas. The JX_ functions are registered in it as the very
``cellfuncs`` functions, under ``JX_…`` and ``_xludf.JX_…`` (how Excel stores
a function it does not know), called the way ``calling.call_function`` calls
them. Importing and loading take about a second, hence the fast path.

(Over 400 lines: what the formulas package must be told — the JX_ functions, cell formats,
links kept, cells it cannot compute and why — before and after one evaluation.)
"""

from __future__ import annotations

import contextlib
import io
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import formulas
import numpy as np
import schedula as sh
from formulas.excel import ExcelModel
from formulas.functions import Array, not_implemented, wrap_func
from formulas.ranges import Ranges
from formulas.tokens.operand import Error, XlError

from jixiao.cellfuncs import FUNCTIONS
from jixiao.errors import JixiaoError, damage_text
from jixiao.recalc.arrays import REFUSED, bound_array_functions, runtime_problem
from jixiao.recalc.calling import argument_value, call_function, fit
from jixiao.recalc.cellformats import AS_TIME, as_time, with_formats, with_times
from jixiao.recalc.cycles import cycles, dependencies, downstream
from jixiao.recalc.dates import date_system, epoch, use_date_system
from jixiao.recalc.excel_fixes import use_excel_rules
from jixiao.recalc.excel_subtotals import workbook_rows
from jixiao.recalc.external import Linked, linked_cells
from jixiao.recalc.kept_stored import cells_the_table_reads, is_cell_picture
from jixiao.recalc.limits import STRING_LITERAL, formula_problem, reference_areas
from jixiao.recalc.offset import fix_row_index, fixed_offsets
from jixiao.recalc.plain_ranges import Area, folded
from jixiao.recalc.prepare import prepare_cell, set_formula, sheet_named
from jixiao.recalc.structured import UnsupportedTableReference, resolved_tables
from jixiao.recalc.whole import clamped
from jixiao.recalc.workload import cells_with_texts, check_workload
from jixiao.xlsx.limits import Limits
from jixiao.xlsx.package import CellValue, ExcelError, Package
from jixiao.xlsx.refs import area_cells, split_area
from jixiao.xlsx.tables import ExcelTable, workbook_tables

_Where = tuple[str, str]  # (sheet, cell)
TABLE_PROBLEM = "不支持的表格引用"  # a structured reference naming no range jixiao can write
UNPARSED = "公式无法解析（计算引擎不支持这种写法）"


@dataclass
class Result:
    """sheet → {cell → value} of every computed cell, and what went wrong."""

    values: dict[str, dict[str, CellValue]] = field(default_factory=dict)
    problems: dict[_Where, str] = field(default_factory=dict)  # cell → why it failed
    cycles: list[list[_Where]] = field(default_factory=list)
    # cell → a function formulas does not have (its #NAME? may be a value in Excel)
    unknown: dict[_Where, str] = field(default_factory=dict)
    # cell → (why the engine cannot compute it, the value the file stores, kept: the cells
    # reading it computed from that value)
    kept: dict[_Where, tuple[str, CellValue]] = field(default_factory=dict)


def register_functions() -> None:
    """Make every JX_ function known to formulas, and bound the functions that build an
    array of the size their arguments ask for (idempotent)."""
    registry = formulas.get_functions()
    for name, function in FUNCTIONS.items():
        wrapped = wrap_func(_adapter(function))
        registry[name] = wrapped
        registry[f"_XLUDF.{name}"] = wrapped
    registry[AS_TIME] = wrap_func(_as_times)  # a 完成值 in a time cell, as Excel passes it
    use_excel_rules(registry)
    use_date_system(registry)
    bound_array_functions(registry)


def _adapter(function: Any) -> Any:
    def jx_function(*args: Any) -> Any:
        result = call_function(function, [_argument(arg) for arg in args])
        if isinstance(result, list):  # an Array: in a plain one-cell formula, its top-left
            # value, as Excel shows it (before dynamic arrays, and as =@JX_SCORES(…) since)
            return np.asarray([[_to_formulas(value) for value in row] for row in result],
                              dtype=object).view(Array)
        return _to_formulas(result)

    jx_function.__name__ = function.__name__
    return jx_function


def _as_times(values: Any, codes: Any) -> Any:
    """``cellformats.as_time`` of a cell, or of a range cell by cell (``with_times``)."""
    if not isinstance(values, np.ndarray) or values.size == 1:
        value = values.item() if isinstance(values, np.ndarray) else values
        code = codes.item() if isinstance(codes, np.ndarray) else codes
        return as_time(value, str(code), epoch())
    return np.asarray([[as_time(value, str(code), epoch()) for value, code in zip(row, code_row, strict=False)]
                       for row, code_row in zip(values.tolist(), np.asarray(codes).tolist(),
                                                strict=False)], dtype=object)


def _argument(value: Any) -> Any:
    if isinstance(value, np.ndarray):
        if value.shape == (1, 1):
            return _argument(value[0, 0])
        rows = value if value.ndim == 2 else value.reshape(1, -1)
        return [[_argument(item) for item in row] for row in rows.tolist()]
    if value is sh.EMPTY:
        return None
    if isinstance(value, XlError):
        return ExcelError(str.__str__(value))
    if isinstance(value, np.generic):
        value = value.item()
    return argument_value(value)


def _to_formulas(value: Any) -> Any:
    if isinstance(value, ExcelError):
        return Error.errors.get(str(value), Error.errors["#VALUE!"])
    return value


def cell_value(value: Any) -> CellValue | list[list[CellValue]]:
    """A value from formulas' solution as a cell holds it."""
    if isinstance(value, Ranges):
        value = value.value
    if isinstance(value, np.ndarray):
        if value.size == 0:
            return ExcelError("#VALUE!")
        rows = value if value.ndim == 2 else value.reshape(1, -1)
        grid = [[cell_value(item) for item in row] for row in rows.tolist()]
        return grid[0][0] if len(grid) == 1 and len(grid[0]) == 1 else grid  # type: ignore[return-value]
    if value is sh.EMPTY or value is None:
        return 0.0  # a formula pointing at a blank shows 0
    if isinstance(value, XlError):
        code = str.__str__(value)
        return ExcelError(code if code.startswith("#") else "#VALUE!")
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, (bool, str)):
        return value
    if isinstance(value, (int, float)):
        number = float(value)
        return ExcelError("#NUM!") if number != number or abs(number) == float("inf") else number
    return ExcelError("#VALUE!")


class _Model(ExcelModel):
    """ExcelModel that turns a formula it cannot parse into #NAME? instead of failing."""

    def __init__(self, limits: Limits | None = None,
                 linked: dict[_Where, CellValue] | None = None,
                 stored: dict[_Where, CellValue] | None = None,
                 tables: list[ExcelTable] | None = None) -> None:
        super().__init__()
        self.linked = linked or {}  # (SHEET, cell) → the value kept for another workbook's
        # (SHEET, cell) → the value the file stores for a formula; where the engine cannot
        # compute one, that value is kept (``kept``: why; none the table reads or is scored
        # from: ``_kept_scoring``)
        self.stored = stored or {}
        self.kept: dict[_Where, str] = {}
        self.unparsed: dict[_Where, str] = {}
        self.limits = limits or Limits.from_environment()
        self.dropped_names: dict[str, int] = {}  # NAME → cells, too many to build
        self.used_ranges: dict[str, tuple[int, int]] = {}  # sheet → (last row, last column)
        self.unknown: dict[_Where, str] = {}  # cell → a function formulas does not have
        self.tables: list[ExcelTable] = list(tables or [])  # what structured references name
        self._pushing = False

    def push(self, worksheet: Any, context: Any) -> Any:
        """The sheet's formulas only: ``complete`` then loads the cells they read (formulas
        knows every reference before evaluating), not every typed-in cell of a roster."""
        self._pushing = True
        try:
            return super().push(worksheet, context)
        finally:
            self._pushing = False

    def add_cell(self, cell: Any, context: Any, formula_ranges: Any) -> Any:
        return None if cell is None else super().add_cell(cell, context, formula_ranges)

    def compile_cell(self, cell: Any, context: Any, references: Any,
                     formula_references: Any) -> Any:
        problem = None
        where = (context.get("sheet", ""), cell.coordinate)
        if where in self.linked:  # reads another workbook: the value Excel stored, a constant
            value = self.linked[where]
            coordinate = formula_references.get(cell.coordinate, cell.coordinate)
            if value is None:
                return self._compile_cell(coordinate, "=#REF!", context, True, references)
            if isinstance(value, float):
                value = round(value, 15)  # as formulas reads a typed number
            return self._compile_cell(coordinate, value, context, not isinstance(value, str),
                                      references)
        if self._pushing and cell.data_type != "f":
            return None  # a typed-in value: loaded by ``complete`` where a formula reads it
        if cell.data_type == "f":
            problem = self._resolve_tables(cell)
        if cell.data_type == "f" and problem is None:
            prepare_cell(cell)
            fix_row_index(cell, _formula_text(cell))
            _give_formats(cell)
            text = self._clamp(cell, fixed_offsets(cell, _with_sheet_names(cell, _formula_text(cell))))
            text = self._fold(cell, text)
            problem = formula_problem(text, self.limits) or self._dropped_name_in(text)
            unknown = _unknown_function(text)
            if unknown is not None and where not in self.stored:
                self.unknown[where] = unknown
            elif problem is None and unknown is not None:
                return self._keep_stored(cell, where, f"计算引擎没有函数 {unknown}", context,
                                         references, formula_references)
        try:
            if problem is None:
                return super().compile_cell(cell, context, references, formula_references)
            # too long, too deep or too wide for the engine, or a table it cannot name: not parsed
            error_value = "=#REF!" if problem.startswith(TABLE_PROBLEM) else "=#VALUE!"
        except Exception:  # noqa: BLE001 — any parser failure means "cannot evaluate"
            problem, error_value = UNPARSED, "=#NAME?"  # (the parser's class name: no help)
        if where in self.stored:
            return self._keep_stored(cell, where, problem, context, references,
                                     formula_references)
        self.unparsed[where] = problem
        coordinate = formula_references.get(cell.coordinate, cell.coordinate)
        return self._compile_cell(coordinate, error_value, context, True, references)

    def _keep_stored(self, cell: Any, where: _Where, reason: str, context: Any,
                     references: Any, formula_references: Any) -> Any:
        """A formula the engine cannot compute, as the constant the file stores for it
        (``Result.kept``)."""
        self.kept[where] = reason
        value = self.stored[where]
        if isinstance(value, float):
            value = round(value, 15)  # as formulas reads a typed number
        coordinate = formula_references.get(cell.coordinate, cell.coordinate)
        return self._compile_cell(coordinate, value, context, not isinstance(value, str),
                                  references)

    def _resolve_tables(self, cell: Any) -> str | None:
        """The formula with its structured references (``资金表[预算数]``) written as plain
        ranges (``structured``); why not, where one names no range jixiao can write."""
        text = _formula_text(cell)
        if "[" not in text and not self.tables:
            return None
        try:
            new = resolved_tables(text, self.tables, cell.parent.title, cell.row, cell.column)
        except UnsupportedTableReference as error:
            return f"{TABLE_PROBLEM} {error}"
        if new != text:
            set_formula(cell, new)
        return None

    def _clamp(self, cell: Any, text: str) -> str:
        """The formula with whole columns and rows cut to the used range (``whole``)."""
        new = clamped(text, lambda name: self._used(cell.parent, name))
        if new != text:
            set_formula(cell, new)
        return new

    def _fold(self, cell: Any, text: str) -> str:
        """The formula with SUM, COUNT … over long plain ranges written as their value
        (``plain_ranges``)."""
        new = folded(text, lambda area: _typed_in_values(cell.parent, area))
        if new != text:
            set_formula(cell, new)
        return new

    def _used(self, own: Any, name: str | None) -> tuple[int, int] | None:
        sheet = sheet_named(own, name)
        if sheet is None:
            return None
        if sheet.title not in self.used_ranges:
            self.used_ranges[sheet.title] = (sheet.max_row, sheet.max_column)
        return self.used_ranges[sheet.title]

    def _dropped_name_in(self, text: str) -> str | None:
        """Why a formula using a name ``this_file_only`` left out is not computed."""
        for name in sorted(_names_in(text) & set(self.dropped_names)):
            return f"名称“{name}”引用的区域过大（{self.dropped_names[name]:,} 个单元格），未计算"
        return None


def _typed_in_values(own: Any, area: Area) -> list[Any] | None:
    """The values of ``area``'s cells as the engine would hold them; None where one holds a
    formula, is part of an array formula's area, or the sheet does not exist."""
    sheet = sheet_named(own, area.sheet)
    if sheet is None:
        return None
    for ref in sheet.array_formulae.values():
        top, left, bottom, right = split_area(ref.replace("$", ""))
        if top <= area.bottom and area.top <= bottom and left <= area.right \
                and area.left <= right:
            return None
    values: list[Any] = []
    for row in sheet.iter_rows(area.top, min(area.bottom, sheet.max_row),
                               area.left, min(area.right, sheet.max_column)):
        for held in row:
            if held.data_type == "f":
                return None
            value = held.value
            values.append(sh.EMPTY if value is None else
                          Error.errors.get(value, Error.errors["#VALUE!"])
                          if held.data_type == "e" else value)
    return values


def _give_formats(cell: Any) -> None:
    """JX_POINTS(G13) given G13's percent format, as Excel's reads it; a 完成值 of a time
    format given as a time to JX_SCORE (``cellformats``)."""
    text = _formula_text(cell)
    new = with_times(with_formats(text, cell), cell)
    if new != text:
        set_formula(cell, new)


def _with_sheet_names(cell: Any, text: str) -> str:
    """The formula with each name defined for its own sheet (formulas knows only the
    workbook's names) written out as its definition: ``SUM(指标得分)`` → ``SUM(表!$G$11:$G$18)``."""
    local = getattr(cell.parent, "defined_names", None)
    if not local:
        return text
    parts = text.split('"')  # even parts are outside quotes
    for name, defined in local.items():
        definition = (defined.attr_text or "").strip()
        if not definition:
            continue
        word = re.compile(rf"(?<![\w.!$']){re.escape(name)}(?![\w(!])", re.IGNORECASE)
        replacement = f"({definition})".replace("\\", "\\\\")
        parts[::2] = [word.sub(replacement, part) for part in parts[::2]]
    new = '"'.join(parts)
    if new != text:
        set_formula(cell, new)
    return new


_FUNCTION = re.compile(r"(?<![\w.])((?:_xl\w+\.)*)([A-Za-z][\w.]*)\s*\(")
_NOT_FUNCTIONS = {"LAMBDA", "LET"}  # formulas parses these itself


def _unknown_function(text: str) -> str | None:
    """The first function of the formula that formulas does not implement."""
    if "(" not in text:
        return None
    registry = formulas.get_functions()
    for prefix, name in _FUNCTION.findall(STRING_LITERAL.sub('""', text)):
        upper = name.upper()
        if upper in _NOT_FUNCTIONS:
            continue
        for key in (f"{prefix.upper()}{upper}", upper, f"_XLFN.{upper}"):
            if registry.get(key, not_implemented) is not not_implemented:
                break
        else:
            return upper
    return None


def _names_in(text: str) -> set[str]:
    return {word.upper() for word in re.findall(r"(?<![\w.!$'])(?:[^\W\d]|\\)[\w.]*(?![\w(!])",
                                                 STRING_LITERAL.sub('""', text))}


def _formula_text(cell: Any) -> str:
    text = cell.value.text if hasattr(cell.value, "text") else cell.value  # an ArrayFormula
    return text if isinstance(text, str) else ""


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """formulas draws progress bars and logs warnings on stderr; the CLI prints its own."""
    with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
        yield


def load_model(path: str, linked: dict[_Where, Linked] | None = None,
               data: bytes | None = None, stored: dict[_Where, CellValue] | None = None,
               cached: dict[_Where, CellValue] | None = None,
               tables: list[ExcelTable] | None = None) -> _Model:
    """The workbook as a formulas model, JX_ functions registered, not yet calculated;
    the cells of ``linked`` (``external.linked_cells``) hold their kept value, those of
    ``stored`` (cell pictures) the value given; a formula the engine cannot compute holds
    its value in ``cached`` (each formula's stored value) where it has one; ``tables``: the
    workbook's tables, for its structured references (``structured``). ``data``: the
    file's content, read in place of ``path`` (which then only names it)."""
    register_functions()
    model = _Model(linked={**{(sheet.upper(), ref): kept.value
                              for (sheet, ref), kept in (linked or {}).items()},
                           **{(sheet.upper(), ref): value
                              for (sheet, ref), value in (stored or {}).items()}},
                   stored={(sheet.upper(), ref): value
                           for (sheet, ref), value in (cached or {}).items()},
                   tables=tables)
    with _quiet(), this_file_only(path, model.dropped_names, model.limits, data):
        model.loads(path)
        # finish() without inverse_references: that step adds name → cell edges, which
        # would read as cycles; a plain calculate() does not need them.
        model.complete()
        model.anchors()
        model.assemble()
    return model


# The names openpyxl opens a workbook by; under any other its loader refuses the file.
OPENPYXL_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm")


@contextlib.contextmanager
def this_file_only(path: str, dropped_names: dict[str, int] | None = None,
                   limits: Limits | None = None, data: bytes | None = None) -> Iterator[None]:
    """formulas opens every workbook a formula names (``[1]Sheet1!A1`` through the
    external-link parts, ``'[预算.xlsx]表'!A1`` beside the file, a network path …)
    and reads external-link parts; a submitted workbook must not make jixiao open
    anything. Within this block it loads ``path`` alone, without its links: the
    others fail to load, which formulas turns into #REF!.

    formulas also builds every defined name's range, used or not; a name over
    ``Limits.max_range_cells`` (``BIG = 表!$A:$C``) is left out and noted in
    ``dropped_names`` (name → cells), so the formulas using it are reported. ``data``: the
    content of ``path``, loaded from memory (a workbook ``check`` recalculates as opened)."""
    from formulas.excel import xlreader

    original = xlreader.load_workbook
    wanted = os.path.normcase(os.path.abspath(path))
    limits = limits or Limits.from_environment()

    def load_this_file(filename: Any, **options: Any) -> Any:
        if not isinstance(filename, str) or os.path.normcase(os.path.abspath(filename)) != wanted:
            raise FileNotFoundError("jixiao never opens a linked workbook")
        source: Any = filename if data is None else io.BytesIO(data)
        if data is None and os.path.splitext(filename)[1].lower() not in OPENPYXL_SUFFIXES:
            with open(filename, "rb") as handle:  # an .xlsx named .et: openpyxl refuses a
                source = io.BytesIO(handle.read())  # file by its name, not its content
        book = original(source, keep_links=False, **options)
        for scope in [book.defined_names, *(sheet.defined_names for sheet in book.worksheets)]:
            for name, defined in list(scope.items()):
                cells = max(reference_areas(defined.attr_text or ""), default=0)
                if cells > limits.max_range_cells:
                    del scope[name]
                    if dropped_names is not None:
                        dropped_names[name.upper()] = cells
        return book

    xlreader.load_workbook = load_this_file
    try:
        yield
    finally:
        xlreader.load_workbook = original


def evaluate(package: Package, linked: dict[_Where, Linked] | None = None) -> Result:
    """Every formula cell of ``package``, evaluated by formulas; a cell reading another
    workbook keeps its stored value (``linked``: ``external.linked_cells``)."""
    if not any(package.may_hold_formulas(sheet) for sheet in package.sheets):
        return Result()
    check_workload(package)
    anchors = list(_formula_anchors(package))
    if not anchors:
        return Result()
    REFUSED.clear()  # formulas computes some cells while loading
    linked = linked_cells(package) if linked is None else linked
    with date_system(package.date1904), workbook_rows(package):
        return _evaluated(package, anchors, linked)


def _loaded(package: Package, linked: dict[_Where, Linked], pictures: dict[_Where, CellValue],
            cached: dict[_Where, CellValue]) -> _Model:
    """``load_model`` for ``package``, its failure in the reader's words."""
    try:
        return load_model(str(package.path), linked, package.opened_whole(), pictures, cached,
                          workbook_tables(package))
    except JixiaoError:
        raise
    except Exception as error:  # noqa: BLE001 — openpyxl or formulas could not read it
        # what failed, in the reader's words; the library's own text is English Python
        raise JixiaoError(f"计算引擎无法读取“{package.path.name}”中的公式和单元格，"
                          f"没有算出任何公式（{damage_text(error)}）") from None


def _kept_scoring(package: Package, model: _Model, graph: dict[Any, Any]) -> set[_Where]:
    """The cells kept at their stored value (``_Model.kept``) that the self-evaluation table
    reads or that feed one it reads: a stored value may be stale (a file to be recalculated
    on opening, or computed from inputs since changed), so it never scores the table."""
    if not model.kept:
        return set()
    read = {(source.sheet.upper(), source.cell) for source in cells_the_table_reads(package)}
    scoring = {where for where in model.kept if where in read}
    for node in graph:
        where = _where(node)
        if where in model.kept and where not in scoring and any(
                _where(reached) in read for reached in downstream(graph, {node: where})):
            scoring.add(where)
    return scoring


def _evaluated(package: Package, anchors: list[tuple[str, str, str | None]],
               linked: dict[_Where, Linked]) -> Result:
    """``evaluate`` within the workbook's date system (``dates``)."""
    result = Result()
    pictures = {(sheet.name, cell.ref): cell.value if cell.value is not None else ""
                for sheet in package.sheets if package.may_hold_formulas(sheet)
                for cell in package.cells(sheet)
                if cell.formula is not None and is_cell_picture(cell.formula.text)}
    cached = {(sheet.name, cell.ref): cell.value for sheet in package.sheets
              if package.may_hold_formulas(sheet) for cell in package.cells(sheet)
              if cell.formula is not None and cell.formula.kind != "array"
              and cell.value is not None and not isinstance(cell.value, ExcelError)}
    model = _loaded(package, linked, pictures, cached)
    graph = dependencies(model)
    scoring = _kept_scoring(package, model, graph)
    if scoring:  # as before keeping: #NAME? (or #VALUE!), failing the cells reading it
        cached = {where: value for where, value in cached.items()
                  if (where[0].upper(), where[1]) not in scoring}
        model = _loaded(package, linked, pictures, cached)
        graph = dependencies(model)
    components = cycles(graph)
    cyclic = {node for component in components for node in component}
    with _quiet():
        solution = model.calculate()
    texts = {(sheet.name, cell.ref): text for sheet in package.sheets
             for cell, text in cells_with_texts(package, sheet) if text} if REFUSED else {}
    found = _solution_by_cell(solution)
    sheet_of = {sheet.name.upper(): sheet.name for sheet in package.sheets}
    unparsed = {(sheet_of.get(sheet.upper(), sheet), ref): why
                for (sheet, ref), why in model.unparsed.items()}
    cyclic_cells = {}
    for node in cyclic:
        where = _where(node)
        if where is not None:
            cyclic_cells[where] = node

    stood = {(sheet_of.get(sheet.upper(), sheet), ref): why for (sheet, ref), why in model.kept.items()}
    for sheet, ref, area in anchors:
        if (sheet, ref) in pictures:  # an image: its formula and stored value left as they are
            continue
        if (sheet, ref) in stood:  # not computed: its formula and stored value left as they are
            result.kept[(sheet, ref)] = (stood[(sheet, ref)], cached[(sheet, ref)])
            continue
        key = (sheet.upper(), ref)
        kept = linked.get((sheet, ref))
        if kept is not None:
            result.values.setdefault(sheet, {})[ref] = kept.result
            if kept.value is None:
                result.problems[(sheet, ref)] = kept.reason
            continue
        grid = area_cells(area) if area else [[ref]]
        raw = found.get((sheet.upper(), area.replace("$", "").upper())) if area else None
        if raw is None:
            raw = found.get(key)
        cells = result.values.setdefault(sheet, {})
        if raw is None:
            reason = ("循环引用" if key in cyclic_cells else
                      "引用了循环引用中的单元格" if cyclic_cells else "计算引擎未能求值")
            for row in grid:
                for cell in row:
                    cells[cell] = ExcelError("#VALUE!")
            result.problems[(sheet, ref)] = reason
            continue
        value = cell_value(raw)
        for row_cells, row_values in zip(grid, fit(value, len(grid), len(grid[0])),
                                         strict=True):
            for cell, cell_result in zip(row_cells, row_values, strict=True):
                cells[cell] = cell_result
        if (sheet, ref) in unparsed:
            result.problems[(sheet, ref)] = unparsed[(sheet, ref)]
        elif (sheet, ref) in texts and isinstance(value, ExcelError):
            refused = runtime_problem(texts[(sheet, ref)])
            if refused is not None:
                result.problems[(sheet, ref)] = refused

    known = {(sheet.upper(), ref): (sheet, ref) for sheet, ref, _ in anchors}
    _not_computed_downstream(result, graph, model, cyclic_cells, known, anchors)
    for component in components:
        cells_in_cycle = sorted({known[where] for where in map(_where, component)
                                 if where in known}, key=_order)
        if cells_in_cycle:
            result.cycles.append(cells_in_cycle)
    return result


def _not_computed_downstream(result: Result, graph: dict[Any, Any], model: _Model,
                              cyclic_cells: dict[_Where, Any], known: dict[_Where, _Where],
                              anchors: list[tuple[str, str, str | None]]) -> None:
    """Every cell that depends on a cell not computed (too wide, unknown function,
    refused, circular) is not computed either: IFERROR or IF would otherwise turn
    the missing value into a number that Excel would not show."""
    origins = {(sheet.upper(), ref) for sheet, ref in [*model.unparsed, *model.unknown]}
    origins |= {(sheet.upper(), ref) for sheet, ref in result.problems}
    origins |= set(cyclic_cells)
    if not origins:
        return
    for (sheet, ref), name in model.unknown.items():
        mine = known.get((sheet.upper(), ref))
        if mine is not None:
            result.unknown[mine] = f"计算引擎没有函数 {name}"
        cells = result.values.get(mine[0], {}) if mine is not None else {}
        if mine is not None and not isinstance(cells.get(mine[1]), ExcelError):
            result.problems[mine] = f"计算引擎没有函数 {name}，未计算"  # IFERROR(OFFSET(…),0)
            cells[mine[1]] = ExcelError("#NAME?")
    nodes = {}
    for node in graph:
        where = _where(node)
        if where in origins:
            nodes[node] = known.get(where, where)
    areas = {(sheet, ref): area for sheet, ref, area in anchors}
    for node, (sheet, ref) in downstream(graph, nodes).items():
        where = _where(node)
        if where not in known or where in origins:
            continue
        mine = known[where]
        result.problems[mine] = f"依赖未算出的单元格 {sheet}!{ref}"
        area = areas.get(mine)
        cells = result.values.setdefault(mine[0], {})
        for row in area_cells(area) if area else [[mine[1]]]:
            for cell in row:
                if not isinstance(cells.get(cell), ExcelError):
                    cells[cell] = ExcelError("#VALUE!")


def _formula_anchors(package: Package) -> Iterator[tuple[str, str, str | None]]:
    """(sheet, cell, array area or None) of each formula; refuses what formulas cannot do."""
    for sheet in package.sheets:
        for cell in package.cells(sheet):
            if cell.formula is None:
                continue
            if cell.formula.kind == "dataTable":
                raise JixiaoError(f"{sheet.name}!{cell.ref} 是模拟运算表（数据表）公式，"
                                  "jixiao recalc 不支持；请在 Excel 中重算")
            area = cell.formula.area if cell.formula.kind == "array" else None
            yield sheet.name, cell.ref, area


def _solution_by_cell(solution: Any) -> dict[tuple[str, str], Any]:
    out = {}
    for key, value in solution.items():
        if isinstance(key, sh.Token) or not isinstance(key, str):
            continue
        where = _where(key, ranges=True)
        if where is not None:
            out[where] = value
    return out


def _where(node: Any, ranges: bool = False) -> tuple[str, str] | None:
    """(SHEET, "A1") of a formulas node name such as "'[book.xlsx]自评表'!A1"."""
    if not isinstance(node, str) or isinstance(node, sh.Token) or "!" not in node:
        return None
    try:
        found = Ranges.get_range(node)
    except Exception:  # noqa: BLE001 — a defined name or a function node
        return None
    ref = found.get("ref")
    if not ref or (":" in ref and not ranges) or found.get("anchor"):
        return None
    return found.get("sheet", "").replace("''", "'").upper(), ref.upper()


def _order(where: _Where) -> tuple[str, int, str]:
    sheet, ref = where
    letters = ref.rstrip("0123456789")
    return sheet, int(ref[len(letters):]), letters.rjust(3)


__all__ = ["Result", "cell_value", "evaluate", "load_model", "register_functions"]
