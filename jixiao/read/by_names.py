"""The template's defined names as one more way to locate a table.

A workbook made by ``jixiao new`` (``jixiao.template.build``) names every block of the
form (``JX_ProjectName``, ``JX_Target`` …, the contract in ``jixiao/layout.py``), so its
cells are found by name, never by coordinates: a clerk may insert rows or move blocks.
``table_from_ranges`` is the one reader of the names, over any source of ranges;
``read_template`` feeds it from openpyxl. 一级/二级 cells are merged over their rows, so
only a group's first row holds the text; the reader carries it down.
"""

from __future__ import annotations

import datetime as _dt
import io
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.utils.cell import (
    column_index_from_string,
    coordinate_from_string,
    get_column_letter,
    range_boundaries,
)

from jixiao import rules as _rules
from jixiao.cellfuncs import is_error
from jixiao.errors import NotASelfEvaluation, UnreadableWorkbook, damage_text, missing_file
from jixiao.layout import DEFINED_NAMES, FUND_LABELS
from jixiao.levels import level1_category
from jixiao.model import (
    ERROR_CODES,
    UNUSED_ROW,
    FundLine,
    Funds,
    Indicator,
    Project,
    SelfEvaluation,
    Source,
    plain_text,
)
from jixiao.parsing import parse_amount, parse_rate
from jixiao.read.grid import points
from jixiao.read.roles import is_placeholder, is_placeholder_points

# get_range(name) → (sheet name, top-left cell "D13", rows of values); None or
# KeyError when the workbook has no such name. Values are what the cells show: the
# cached result for a formula cell, None for a blank one.
RangeValues = tuple[str, str, Sequence[Sequence[Any]]]
GetRange = Callable[[str], "RangeValues | None"]

_REQUIRED = ("JX_Name", "JX_Target", "JX_Actual", "JX_Weight")
# The money block's names → its columns, as the header reader names them (fund_columns)
_FUND_COLUMNS = {"JX_FundInitial": "initial", "JX_FundBudget": "budget",
                 "JX_FundExecuted": "executed", "JX_FundRate": "rate", "JX_FundWeight": "weight",
                 "JX_FundScore": "score", "JX_FundReason": "reason"}


class _Block:
    """The values of one defined name, with the address of each cell."""

    def __init__(self, found: RangeValues | None) -> None:
        if found is None:
            self.sheet, self.row, self.column, self.values = "", 0, 0, []
            return
        sheet, top_left, values = found
        letters, row = coordinate_from_string(top_left.replace("$", ""))
        self.sheet, self.row, self.column = sheet, row, column_index_from_string(letters)
        self.values = _as_rows(values)

    def __len__(self) -> int:
        return len(self.values)

    def get(self, index: int = 0) -> tuple[Any, Source | None]:
        if index >= len(self.values) or not self.values[index]:
            return None, None
        cell = f"{get_column_letter(self.column)}{self.row + index}"
        return _clean(self.values[index][0]), Source(self.sheet, cell)


def _as_rows(values: Any) -> list[list[Any]]:
    if not isinstance(values, (list, tuple)):
        return [[values]]
    return [list(row) if isinstance(row, (list, tuple)) else [row] for row in values]



def _clean(value: Any) -> Any:
    """A cell value as data: blank text and error values (#NAME?, ⚠ …) are None."""
    if isinstance(value, str):
        value = value.strip()
        if not value or value.upper() in ERROR_CODES or is_error(value):
            return None
    return value


def table_from_ranges(get_range: GetRange, *, origin: str = "工作簿") -> SelfEvaluation:
    """Build a SelfEvaluation from the template's defined names (see the module docstring).

    ``origin`` names the workbook in error messages.
    """
    blocks = {name: _Block(_lookup(get_range, name)) for name in DEFINED_NAMES}
    missing = [name for name in _REQUIRED if not len(blocks[name])]
    if missing:
        raise NotASelfEvaluation(f"“{origin}”不是由标准模板生成的自评表：缺少名称 "
                                 + "、".join(missing))
    # the model the header reader builds of the same workbook: jixiao's template, every
    # indicator column, the money block's columns with the 执行率's 分值 among them
    table = SelfEvaluation(layout="standard", template=True)
    table.project = _read_project(blocks)
    table.funds = _read_funds(blocks)
    table.fund_columns = frozenset(column for name, column in _FUND_COLUMNS.items()
                                   if len(blocks[name]))
    if "weight" in table.fund_columns:
        table.funds_weight_source = "money"
    table.indicators = _read_indicators(blocks, table.sources)

    def note(key: str, name: str) -> Any:
        value, source = blocks[name].get()
        if source is not None:
            table.sources[key] = source
        return value

    table.total_declared = points(note("total", "JX_TotalScore"))
    grade = note("grade", "JX_TotalGrade")
    table.grade_declared = plain_text(grade) if grade is not None else None
    note("weight_total", "JX_WeightTotal")
    stated = note("rules", "JX_Rules")  # 四川, 比例法 … as the reader and JX_ functions read them
    table.rules = _rules.rule_set(str(stated) if stated is not None else None)
    return table


def _lookup(get_range: GetRange, name: str) -> RangeValues | None:
    try:
        return get_range(name)
    except KeyError:
        return None


def _read_project(blocks: dict[str, _Block]) -> Project:
    def text(name: str) -> str | None:
        return _optional_text(blocks[name].get()[0])

    def optional_text(name: str) -> str | None:
        return text(name) if len(blocks[name]) else None

    return Project(name=text("JX_ProjectName"), department=text("JX_Department"),
                   unit=text("JX_Unit"), year=_year(blocks["JX_Year"].get()[0]),
                   goal_expected=optional_text("JX_GoalExpected"),
                   goal_actual=optional_text("JX_GoalActual"))


def _year(value: Any) -> int | None:
    """2024, 2024.0, "2024", "2024 年" → 2024."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return int(value) if float(value).is_integer() else None
    match = re.fullmatch(r"\s*(\d{4})\s*(年度?)?\s*", str(value or ""))
    return int(match.group(1)) if match else None


def _read_funds(blocks: dict[str, _Block]) -> Funds:
    lines = []
    for index in range(len(blocks["JX_FundLabel"]) or 1):
        label = blocks["JX_FundLabel"].get(index)[0]
        line = FundLine(_fund_label(label) or FUND_LABELS[min(index, 3)].removeprefix("其中："))
        for key, name in (("initial_budget", "JX_FundInitial"), ("budget", "JX_FundBudget"),
                          ("executed", "JX_FundExecuted")):
            value, source = blocks[name].get(index)
            setattr(line, key, parse_amount(value))
            if source is not None:
                line.sources[key] = source
        rate, source = blocks["JX_FundRate"].get(index)
        line.rate_declared = parse_rate(rate, percent_format=True)
        if source is not None:
            line.sources["rate"] = source
        lines.append(line)
    funds = Funds(total=lines[0])
    funds.parts = [line for line in lines[1:]
                   if any(v is not None for v in (line.initial_budget, line.budget,
                                                  line.executed))]
    weight, source = blocks["JX_FundWeight"].get()
    funds.weight = points(weight)
    if source is not None:
        funds.sources["weight"] = source
    score, source = blocks["JX_FundScore"].get()
    funds.score_declared = points(score)
    if source is not None:
        funds.sources["score"] = source
    reason, source = blocks["JX_FundReason"].get()  # none in a template made before rt14
    funds.reason = _optional_text(reason)
    if source is not None:
        funds.sources["reason"] = source
    return funds


def _fund_label(value: Any) -> str | None:
    if value is None:
        return None
    text = plain_text(value).strip().rstrip(":：")
    for prefix in ("其中：", "其中:"):
        text = text.removeprefix(prefix)
    return text.strip() or None


_INDICATOR_NAMES = {"level1": "JX_Level1", "level2": "JX_Level2", "name": "JX_Name",
                    "target": "JX_Target", "actual": "JX_Actual", "weight": "JX_Weight",
                    "score": "JX_IndicatorScore", "reason": "JX_Reason", "judged": "JX_Judged"}


def _read_indicators(blocks: dict[str, _Block], sources: dict[str, Source]) -> list[Indicator]:
    """The indicator rows; ``sources`` gets, for each default 一级, the 三级指标 cell of its
    first unused row (``UNUSED_ROW``): where a clerk adds an indicator of a missing 一级."""
    indicators = []
    carried: dict[str, tuple[Any, Source | None]] = {"level1": (None, None),
                                                     "level2": (None, None)}
    for index in range(len(blocks["JX_Name"])):
        cells = {key: blocks[name].get(index) for key, name in _INDICATOR_NAMES.items()}
        for key in carried:  # 一级/二级 are merged: the text sits in the group's first row
            if cells[key][0] is not None:
                carried[key] = cells[key]
            cells[key] = carried[key]
        if all(is_placeholder(cells[key][0]) for key in ("name", "target", "actual")) \
                and is_placeholder_points(cells["weight"][0]):
            category = level1_category(_optional_text(cells["level1"][0]))
            if category is not None and cells["name"][1] is not None:
                sources.setdefault(UNUSED_ROW + category, cells["name"][1])
            continue  # an unused row, blank or only "/", "—", 0 (as the header reader)
        value = {key: cell[0] for key, cell in cells.items()}
        indicator = Indicator(
            level1=_optional_text(value["level1"]), level2=_optional_text(value["level2"]),
            name=_optional_text(value["name"]), target=value["target"],
            actual=value["actual"], weight=points(value["weight"]),
            score_declared=points(value["score"]),
            reason=_optional_text(value["reason"]), judged=points(value["judged"]))
        indicator.sources = {key: source for key, (_, source) in cells.items()
                             if source is not None}
        indicators.append(indicator)
    return indicators


def _optional_text(value: Any) -> str | None:
    return None if value is None else plain_text(value).strip()


def read_template(path: str | Path) -> SelfEvaluation:
    """Read a workbook made from the template: inputs as typed, scores as last calculated."""
    path = Path(path)
    formulas_book, values_book = _open(path)
    try:
        table = table_from_ranges(_openpyxl_ranges(formulas_book, values_book), origin=path.name)
        table.file = str(path)
        return table
    finally:
        formulas_book.close()
        values_book.close()


def _open(path: Path) -> tuple[Workbook, Workbook]:
    if not path.is_file():
        raise missing_file(path)
    if path.suffix.lower() == ".xls":
        raise UnreadableWorkbook(f"“{path.name}”是旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再试")
    from jixiao.xlsx.guard import check_package
    from jixiao.xlsx.openpyxl_cells import as_openpyxl_reads

    check_package(path)  # zip bombs, DTDs, too many cells: before openpyxl sees it
    try:
        # each cell at the place the check reads it at (an exporter's cells without r=)
        data = as_openpyxl_reads(path.read_bytes())
        return (load_workbook(io.BytesIO(data), data_only=False),
                load_workbook(io.BytesIO(data), data_only=True))
    except Exception as error:  # corrupt, encrypted, not a workbook: all mean "cannot read"
        raise UnreadableWorkbook(
            f"无法读取“{path.name}”：文件已损坏、已加密或不是 .xlsx 工作簿（{damage_text(error)}）"
        ) from error


def _openpyxl_ranges(formulas_book: Workbook, values_book: Workbook) -> GetRange:
    """get_range over openpyxl: a typed value, or the cached result of a formula."""

    def get_range(name: str) -> RangeValues | None:
        found = _destination(formulas_book, name)
        if found is None:
            return None
        sheet, ref = found
        min_col, min_row, max_col, max_row = range_boundaries(ref.replace("$", ""))
        typed, shown = formulas_book[sheet], values_book[sheet]
        rows = []
        for row in range(min_row, max_row + 1):
            out = []
            for column in range(min_col, max_col + 1):
                cell = typed.cell(row, column)
                is_formula = cell.data_type == "f" or not isinstance(
                    cell.value, (str, int, float, bool, _dt.datetime, type(None)))
                out.append(shown.cell(row, column).value if is_formula else cell.value)
            rows.append(out)
        return sheet, f"{get_column_letter(min_col)}{min_row}", rows

    return get_range


def _destination(wb: Workbook, name: str) -> tuple[str, str] | None:
    """(sheet, range) of a defined name: workbook scope first, then any sheet's own."""
    scopes = [wb.defined_names, *(ws.defined_names for ws in wb.worksheets)]
    for scope in scopes:
        defined = scope.get(name) or next(
            (value for key, value in scope.items() if key.lower() == name.lower()), None)
        if defined is None:
            continue
        try:
            destinations = list(defined.destinations)
        except Exception:  # a #REF! or a formula instead of a range
            continue
        for sheet, ref in destinations:
            if sheet in wb.sheetnames:
                try:
                    range_boundaries(ref.replace("$", ""))
                except ValueError:
                    continue
                return sheet, ref
    return None
