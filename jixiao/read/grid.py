"""One worksheet as a grid: its non-empty cells by (row, column), each also as the text
headers are matched by (``parsing.compact_text``), its merged ranges (a merged
cell's origin), formulas and number formats; and the small readings of one cell
(``clean``, ``points``, ``note`` — which also records the cell in the table)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from typing import Any

from jixiao.model import ERROR_TEXTS, CellInfo, SelfEvaluation, Source
from jixiao.parsing import INVISIBLE, compact_string, compact_text, parse_points
from jixiao.rules import percent_text
from jixiao.xlsx.numformats import literal_percent, percent_decimals, shows_percent
from jixiao.xlsx.refs import column_letters
from jixiao.xlsx.sheet import SheetCells, merge_origins

_EMPTY_CELL = CellInfo(None)


class Grid:
    """One worksheet's non-empty cells, merged ranges and formulas."""

    def __init__(self, sheet: SheetCells) -> None:
        self.name: str = sheet.name
        self.values: dict[tuple[int, int], Any] = {}
        # compact_text of every value, made once: headers, labels and the 评分规则 cell
        # are looked for by it in every row, some rows several times
        self.texts: dict[tuple[int, int], str] = {}
        self.formats: dict[tuple[int, int], str] = {}
        self.tables = sheet.tables  # a document's own tables (Word, a web page), if any
        self.hidden_rows = sheet.hidden_rows  # not shown, not printed: no indicator
        self.hidden_columns = sheet.hidden_columns  # last year's, beside this year's
        values, texts, formats = self.values, self.texts, self.formats
        rows: dict[int, list[int]] = {}
        ordered = True  # the sources list cells row by row, left to right
        last = (0, 0)
        for row, column, value, number_format in sheet.cells:
            if isinstance(value, str):
                value = value.strip()
                if not value:
                    continue
                text = compact_string(value)
            elif value is None:
                continue
            else:
                text = compact_text(value)
            where = (row, column)
            values[where] = value
            texts[where] = text
            if number_format and number_format != "General":
                formats[where] = number_format
            if ordered:
                if where > last:
                    last = where
                    columns = rows.get(row)
                    if columns is None:
                        rows[row] = [column]
                    else:
                        columns.append(column)
                else:
                    ordered = False
        # a merge over a whole page carries no table structure; overlapping merges:
        # ``merge_origins`` says which one a cell shows
        self.origin: dict[tuple[int, int], tuple[int, int]] = merge_origins(
            merge for merge in sheet.merges
            if (merge[2] - merge[0] + 1) * (merge[3] - merge[1] + 1) <= 20_000)
        self.formulas: dict[tuple[int, int], str] = {}
        self.uncached: set[tuple[int, int]] = set()
        for ref, (formula, cached) in sheet.formulas.items():
            try:
                where = row_column(ref)
            except (ValueError, TypeError, NameError):  # NameError: openpyxl on "" (no r=)
                continue
            self.formulas[where] = formula
            if not cached:
                self.uncached.add(where)
        # Each row's columns, in order: the cells' own order where it is already (a cell
        # source's), else sorted; a formula's cell counts even without a value.
        extra = [where for where in self.formulas if where not in values]
        if not ordered or extra:
            cells = list(values)
            cells.extend(extra)
            cells.sort()
            rows = {}
            for row, column in cells:
                rows.setdefault(row, []).append(column)
        self.rows: dict[int, list[int]] = rows
        self.max_row = max(rows, default=0)
        # made once each, and only when asked for: most cells are never asked about
        self._sources: dict[tuple[int, int], Source] = {}
        self._infos: dict[tuple[int, int], CellInfo] = {}

    def merged_down(self) -> frozenset[int]:
        """The columns holding a merge over more than one row (found once per grid)."""
        found = self.__dict__.get("_merged_down")
        if found is None:
            found = frozenset(column for (row, column), anchor in self.origin.items()
                              if anchor[0] != row)
            self._merged_down = found
        return found

    def used_columns(self) -> frozenset[int]:
        """The columns holding a value or a merged cell anywhere (found once per grid): a
        column not among them is empty from top to bottom."""
        found = self.__dict__.get("_used_columns")
        if found is None:
            found = frozenset({column for _, column in self.values}
                              | {column for _, column in self.origin})
            self._used_columns = found
        return found

    def band(self, first: int, last: int | None = None) -> Grid:
        """The sheet's columns ``first`` to ``last`` (None: to the end) as a grid of their
        own, named as the sheet and at the same cells: one of two tables side by side
        (``headers.find_headers``). A merge reaching out of the band is left out of it."""
        def inside(where: tuple[int, int]) -> bool:
            return first <= where[1] and (last is None or where[1] <= last)

        band = Grid.__new__(Grid)
        band.name = self.name
        band.values = {where: value for where, value in self.values.items() if inside(where)}
        band.texts = {where: text for where, text in self.texts.items() if inside(where)}
        band.formats = {where: text for where, text in self.formats.items() if inside(where)}
        band.origin = {where: origin for where, origin in self.origin.items()
                       if inside(where) and inside(origin)}
        band.formulas = {where: text for where, text in self.formulas.items() if inside(where)}
        band.uncached = {where for where in self.uncached if inside(where)}
        rows = {row: [column for column in columns if inside((row, column))]
                for row, columns in self.rows.items()}
        band.rows = {row: columns for row, columns in rows.items() if columns}
        band.max_row = max(band.rows, default=0)
        band.tables = self.tables  # a document's tables span the sheet's rows, as before
        band.hidden_rows = self.hidden_rows
        band.hidden_columns = self.hidden_columns
        band._sources, band._infos = {}, {}
        return band

    def raw(self, row: int, column: int) -> Any:
        return self.values.get((row, column))

    def source(self, row: int, column: int) -> Source:
        """Where a cell is (``Sources`` makes a place into it when it is read)."""
        where = (row, column)
        found = self._sources.get(where)
        if found is None:
            found = self._sources[where] = Source(self.name, f"{_column_letter(column)}{row}")
        return found

    def info(self, row: int, column: int) -> CellInfo:
        """What a cell holds, made once per cell however often asked."""
        where = (row, column)
        found = self._infos.get(where)
        if found is None:
            value, formula = self.values.get(where), self.formulas.get(where)
            if value is None and formula is None:
                found = _EMPTY_CELL  # formats hold cells with values, uncached formulas
            else:
                found = CellInfo(value, formula, self.formats.get(where, "General"),
                                 where not in self.uncached)
            self._infos[where] = found
        return found

    def is_merged_span(self, row: int, column: int) -> bool:
        """Whether a cell is the origin of a merge wider than one column."""
        return self.origin.get((row, column + 1)) == (row, column)

    def same_merge(self, a: tuple[int, int], b: tuple[int, int]) -> bool:
        return self.origin.get(a, a) == self.origin.get(b, b)

    def right_of(self, row: int, column: int, limit: int = 12) -> tuple[Any, int] | None:
        """The first value to the right of a label, outside the label's own merge."""
        for other in range(column + 1, column + limit + 1):
            if self.same_merge((row, column), (row, other)):
                continue
            value = self.raw(row, other)
            if value is not None:
                return value, other
        return None


# openpyxl's coordinate_to_tuple and get_column_letter, without importing openpyxl (a
# third of a second for a fresh batch worker) for the references every file has.
_PLAIN_REF = re.compile(r"([A-Z]{1,3})([1-9][0-9]*)")


@functools.lru_cache(maxsize=4096)
def row_column(ref: str) -> tuple[int, int]:
    """"H13" → (13, 8)."""
    plain = _PLAIN_REF.fullmatch(ref)
    if plain is None:
        from openpyxl.utils.cell import coordinate_to_tuple

        return coordinate_to_tuple(ref)  # "$A$1", "a1", and its errors for the rest
    letters, digits = plain.groups()
    column = 0
    for letter in letters:
        column = column * 26 + ord(letter) - 64
    return int(digits), column


@functools.lru_cache(maxsize=4096)
def _written(ref: str) -> tuple[int, int] | None:
    """(row, column) of a reference as ``Grid.source`` writes it ("H13"), else None."""
    plain = _PLAIN_REF.fullmatch(ref) if isinstance(ref, str) else None
    return row_column(ref) if plain is not None else None


def _column_letter(column: int) -> str:
    """8 → "H"."""
    if 0 < column < len(_LETTERS):
        return _LETTERS[column]
    if not 1 <= column <= 18278:  # ZZZ
        from openpyxl.utils.cell import get_column_letter

        return get_column_letter(column)  # its error
    return column_letters(column)


_LETTERS = ("", *(column_letters(column) for column in range(1, 703)))  # A … ZZ


Place = tuple[Grid, int, int]  # (grid, row, column): a Source not yet made (``model.Sources``)


def note(table: SelfEvaluation, grid: Grid, row: int, column: int) -> Place:
    """Where a cell is, as a place for the table's ``Sources``; the cell is noted in the
    table's cells (``NotedCells``) for the checks."""
    place = (grid, row, column)
    table.cells.note(place)  # type: ignore[attr-defined]
    return place


class NotedCells(Mapping[Source, CellInfo]):
    """A table's cells as the checks see them (``SelfEvaluation.cells``): Source → CellInfo
    for each cell the reader noted, made only when asked for."""

    __slots__ = ("_formula", "_grids", "_places")

    def __init__(self) -> None:
        self._places: dict[Place, None] = {}  # in the order noted
        # by sheet name, as cells are noted: a table's rows may go on in the band beside
        # (``workbook._next_band``), two grids of one sheet
        self._grids: dict[str, list[Grid]] = {}
        self._formula: tuple[int, bool] = (0, False)  # (cells noted, any a formula) when asked

    def note(self, place: Place) -> None:
        self._places[place] = None
        grid = place[0]
        grids = self._grids.get(grid.name)
        if grids is None:
            self._grids[grid.name] = [grid]
        elif grids[-1] is not grid and not any(known is grid for known in grids):
            grids.append(grid)

    def sheets(self) -> list[str]:
        """The names of the sheets the noted cells are on."""
        return list(self._grids)

    def any_formula(self) -> bool:
        """Whether any noted cell holds a formula (found once for the cells noted so far)."""
        noted, found = self._formula
        if noted != len(self._places):
            found = any((row, column) in grid.formulas for grid, row, column in self._places)
            self._formula = (len(self._places), found)
        return found

    def get(self, source: Source, default: Any = None) -> Any:  # type: ignore[override]
        where = _written(source.cell)
        if where is None:
            return default
        for grid in self._grids.get(source.sheet, ()):
            if (grid, *where) in self._places:
                return grid.info(*where)
        return default

    def __getitem__(self, source: Source) -> CellInfo:
        found = self.get(source)
        if found is None:
            raise KeyError(source)
        return found

    def __iter__(self) -> Iterator[Source]:
        return iter([grid.source(row, column) for grid, row, column in self._places])

    def __len__(self) -> int:
        return len(self._places)

    def __repr__(self) -> str:  # as the dict it stands for
        return repr(dict(self.items()))


def clean(value: Any) -> Any:
    """A value as read: an Excel error (#DIV/0! …) and blank text are None, text stripped."""
    if isinstance(value, str):
        if value.startswith(ERROR_TEXTS):
            return None
        if not value.isascii():
            value = value.translate(INVISIBLE)  # a zero-width space pasted in: nothing
        value = value.strip().removeprefix("'").strip()  # '95 typed into a text cell
        return value or None
    return value


def percent_shown(value: Any, number_format: str, *, rounded: bool = False) -> Any:
    """A number formatted as a percentage as the text the cell shows (0.95 → "95%"),
    so that it is read as what the clerk typed; any other value as it is. ``rounded``:
    to the decimals the format shows (0.9496 in a "0%" cell is the 95% printed). A
    format with a % sign of its own (0.00"%") shows the number itself: 0.8 is 0.8%."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and "%" in number_format:
        if shows_percent(number_format):
            decimals = percent_decimals(number_format) if rounded else None
            return percent_text(value, decimals)
        if literal_percent(number_format):
            return f"{round(value, 10):g}%"
    return value


def points_at(grid: Grid, row: int, column: int) -> float | None:
    """A 分值/得分 cell as points: "10%", and 10% typed into Excel (0.1 shown as 10%),
    count 10."""
    where = (row, column)
    return points(percent_shown(clean(grid.values.get(where)), grid.formats.get(where, "")))


def points(value: Any) -> float | None:
    """A 分值/得分 cell; a 权重 written as "10%" counts 10 points."""
    parsed = parse_points(value)
    if parsed is None and isinstance(value, str) and value.strip().endswith(("%", "％")):
        parsed = parse_points(value.strip()[:-1])
    return parsed
