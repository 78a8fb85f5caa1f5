"""How the standard form looks: font, borders, fills, number formats, column widths and
row heights; ``put`` writes a styled cell or merged range."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils.cell import range_boundaries
from openpyxl.worksheet.worksheet import Worksheet

COLUMN_WIDTHS = {"A": 6, "B": 10, "C": 12, "D": 26, "E": 16, "F": 16, "G": 10, "H": 14,
                 "I": 32, "J": 18, "K": 10}
ROW_HEIGHT = 30.0      # points: an indicator row, room for two lines
LINE_HEIGHT = 14.5     # points per line of 11 pt 宋体

FONT = "宋体"
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
HELPER_FILL = PatternFill("solid", fgColor="DDEBF7")
AMOUNT = "0.00"
POINTS = "0.00"
PERCENT = "0.00%"


@dataclass(frozen=True)
class Style:
    bold: bool = False
    size: float = 11
    horizontal: str = "center"
    vertical: str = "center"
    entry: bool = False          # an input cell: unlocked, light fill
    fill: PatternFill | None = None
    number_format: str | None = None
    border: bool = True


LABEL = Style()
HEADER = Style(bold=True)
TEXT_INPUT = Style(horizontal="left", entry=True)
LONG_INPUT = Style(horizontal="left", vertical="top", entry=True)
AMOUNT_INPUT = Style(entry=True, number_format=AMOUNT)
POINTS_INPUT = Style(entry=True, number_format=POINTS)
COMPUTED = Style(number_format=POINTS)
# 指标值 and 完成值 as text ("@"): Excel keeps 105% typed there as the text "105%", not
# the number 1.05 that a function (which sees no format) would read as 1.05 %
VALUE_INPUT = Style(entry=True, number_format="@")


def put(ws: Worksheet, ref: str, value: Any = None, style: Style = LABEL) -> None:
    """Write ``value`` into ``ref`` (a cell or a range to merge) and style every cell."""
    min_col, min_row, max_col, max_row = range_boundaries(ref)
    if (min_col, min_row) != (max_col, max_row):
        ws.merge_cells(ref)
    ws.cell(min_row, min_col).value = value
    for row in range(min_row, max_row + 1):
        for column in range(min_col, max_col + 1):
            cell = ws.cell(row, column)
            cell.font = Font(name=FONT, size=style.size, bold=style.bold)
            cell.alignment = Alignment(horizontal=style.horizontal, vertical=style.vertical,
                                       wrap_text=True)
            if style.border:
                cell.border = BORDER
            fill = INPUT_FILL if style.entry else style.fill
            if fill is not None:
                cell.fill = fill
            if style.entry:
                cell.protection = Protection(locked=False)
            if style.number_format:
                cell.number_format = style.number_format
