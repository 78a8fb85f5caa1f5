"""The number formats a JX_ function reads: JX_POINTS(G13) counts 10% typed as 10 points.

Excel's JX_POINTS is given the cell and reads its format (``udfs/``); the headless
engines give ``cellfuncs.points`` the same as a last argument — whether the cell's number
format shows a percent (``xlsx.numformats.shows_percent``). The fast path looks the format
up as it evaluates (``number_formats``); for the formulas package, which passes values
only, the call is written out before it compiles the formula (``with_formats``):
``JX_POINTS(G13)`` → ``JX_POINTS(G13,TRUE)``, ``JX_POINTS(G13:G14)`` →
``JX_POINTS(G13:G14,{FALSE;TRUE})``; JX_EXEC_SCORE reads its rate cell's the same way
(a 95 typed in a General cell is 95 %): ``JX_EXEC_SCORE(H6,G6)`` →
``JX_EXEC_SCORE(H6,G6,"",TRUE)``, and JX_SCORE, JX_MET, JX_SCORES their 指标值's and
完成值's (105% typed is 105 %, not 1.05 %), JX_SCORE's 人工评分's: ``JX_SCORE(E13,F13,G13)``
→ ``JX_SCORE(E13,F13,G13,"","","",FALSE,TRUE)``. A 指标值/完成值 of JX_SCORE, JX_MET, JX_SCORES in a cell
of a date or time format (3:00 typed: 0.125, h:mm; 2024/3/20: 45371) Excel passes as a time
or a date (``cellfuncs.READS_TIME``): the fast path gives it so (``as_time``); for the formulas package the argument is read
through ``AS_TIME`` with the cell's format (``with_times``): ``JX_SCORE(E13,F13,…)`` →
``JX_SCORE(E13,_XLJX.AS_TIME(F13,"h:mm"),…)``. A format is an input, never computed, so
either way the result is what Excel shows.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from jixiao.cellfuncs import READS_FORMAT, READS_TIME
from jixiao.recalc.prepare import SHEET_PREFIX, prefix_sheet, sheet_named
from jixiao.xlsx.numformats import (
    WINDOWS_EPOCH,
    from_excel,
    is_date_format,
    is_timedelta_format,
    shows_percent,
)
from jixiao.xlsx.package import Package, Sheet
from jixiao.xlsx.refs import area_cells

_MAX_CELLS = 1000  # a longer range is left as it is (no format: as typed)
_JX_CALL = re.compile(r"(?<![\w.])(?:_xludf\.)?(?P<name>JX_\w+)\s*\(", re.IGNORECASE)
_REF = re.compile(SHEET_PREFIX + r"(?P<ref>\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)")
AS_TIME = "_XLJX.AS_TIME"  # the formulas package's name of ``as_time`` (never in a file)


def number_formats(package: Package, sheet: Sheet) -> dict[str, str]:
    """Cell → number format of the sheet's cells with a style (10% typed: "0%")."""
    from jixiao.xlsx.plainxml import Unsure

    try:
        styles = package.styles()  # not well-formed: the file is refused (UnreadableWorkbook)
    except (Unsure, ValueError):  # a stylesheet the fast reader leaves to openpyxl
        from openpyxl import load_workbook

        from jixiao.errors import UnreadableWorkbook, damage_text

        try:
            book = load_workbook(package.source())
        except Exception as error:  # noqa: BLE001 — openpyxl's many ways to fail on a damaged part
            raise UnreadableWorkbook(f"“{package.path.name}”已损坏或格式异常，无法读取其单元格格式"
                                     f"（{damage_text(error)}）") from None
        return {cell.coordinate: cell.number_format for row in book[sheet.name].iter_rows()
                for cell in row if isinstance(cell.value, (int, float))}
    return {span.ref: styles.formats[span.style] for span in package.spans(sheet)
            if span.style is not None and span.style < len(styles.formats)}


def as_time(value: Any, code: str, epoch: datetime.datetime = WINDOWS_EPOCH) -> Any:
    """A cell's value as Excel passes a JX_ function a cell of a date or time format
    (``cellfuncs.READS_TIME``): 0.125 in an h:mm cell is 3:00 (a datetime.time; [h]:mm, a
    timedelta); 45371 in a yyyy/m/d cell is 2024-03-20 (a datetime, as xlwings passes it:
    a deadline met early, not 45371 ÷ 45382 of it), counted from the workbook's ``epoch``
    (``Package.epoch``: 44195 is 2024-12-31 in a 1904 workbook). Any other value as it is."""
    if not isinstance(value, (int, float)) or isinstance(value, bool) or not is_date_format(code):
        return value
    try:
        time = from_excel(value, epoch, timedelta=is_timedelta_format(code))
    except (OverflowError, ValueError):
        return value
    return time if isinstance(time, (datetime.datetime, datetime.time, datetime.timedelta)) \
        else value


def with_formats(text: str, cell: Any) -> str:
    """The formula of openpyxl ``cell`` with each JX_ call that reads a cell's percent format
    (``cellfuncs.READS_FORMAT``: JX_POINTS, JX_EXEC_SCORE, the 指标值 and 完成值 of JX_SCORE,
    JX_MET, JX_SCORES) given, after its arguments, whether the cells read show a percent —
    a range's as an array of flags, an argument naming no cell's blank — for the formulas
    package (strings left alone; a call already given them left as it is)."""
    if not any(name in text.upper() for name in READS_FORMAT):
        return text
    quoted = _in_quotes(text)
    changes = []
    for call in _JX_CALL.finditer(text):
        flags = READS_FORMAT.get(call.group("name").upper())
        if quoted[call.start()] or not flags:
            continue
        arguments = _arguments(text, call.end(), quoted)
        closed = arguments[-1][1] if arguments else call.end()
        if closed >= len(text) or text[closed] != ")" or len(arguments) > min(flags.values()):
            continue  # not closed (a formula Excel did not write), or given them already
        given = [""] * (max(flags.values()) + 1 - len(arguments))
        for index, position in flags.items():
            if index < len(arguments):
                start, end = arguments[index]
                given[position - len(arguments)] = _percent_flags(text[start:end].strip(), cell)
        while given and not given[-1]:  # JX_SCORE(E13,F13,G13): no 人工评分 named, none given
            given.pop()
        if given:  # a cell named among the arguments read; the others blank, as
            # ``prepare`` writes an omitted argument (formulas would pass 0 for nothing)
            changes.append((closed, "," + ",".join(flag or '""' for flag in given)))
    for at, added in sorted(changes, reverse=True):  # JX_EXEC_SCORE(H6,JX_POINTS(G6)): both
        text = text[:at].rstrip() + added + text[at:]
    return text


def _percent_flags(argument: str, cell: Any) -> str:
    """TRUE/FALSE whether the cell an argument names shows a percent; a range's as an array
    row by row ({FALSE;TRUE}); "" (blank) for an argument naming no cell, or too many."""
    whole = _REF.fullmatch(argument)
    if whole is None:
        return ""
    ref = whole.group("ref")
    codes = _formats_of(cell, whole.group("sheet"), ref)
    if codes is None:
        return ""
    flags = ";".join(",".join("TRUE" if shows_percent(code) else "FALSE" for code in row)
                     for row in codes)
    return flags if ":" not in ref else "{" + flags + "}"


def with_times(text: str, cell: Any) -> str:
    """The formula of openpyxl ``cell`` with each 指标值/完成值 argument of JX_SCORE, JX_MET,
    JX_SCORES (``cellfuncs.READS_TIME``) that names a cell of a date or time format read
    through ``AS_TIME`` with that format — a range with its cells' formats, row by row —
    as the fast path gives it (``as_time``): 3:00 typed is a time, 3小时. Other arguments,
    and cells of other formats, are left as they are (strings too)."""
    if not any(name in text.upper() for name in READS_TIME):
        return text
    quoted = _in_quotes(text)
    changes = []
    for call in _JX_CALL.finditer(text):
        if quoted[call.start()]:
            continue
        arguments = _arguments(text, call.end(), quoted)
        for index in READS_TIME.get(call.group("name").upper(), ()):
            if index < len(arguments):
                start, end = arguments[index]
                read = _read_as_time(text[start:end].strip(), cell)
                if read is not None:
                    changes.append((start, end, read))
    for start, end, read in sorted(changes, reverse=True):  # an argument is a reference: apart
        text = text[:start] + read + text[end:]
    return text


def _in_quotes(text: str) -> list[bool]:
    """For each character of a formula, whether it is inside a string ("a""b" is one)."""
    inside, out = False, []
    for char in text:
        if char == '"':
            inside = not inside
        out.append(inside)
    return out


def _arguments(text: str, opened: int, quoted: list[bool]) -> list[tuple[int, int]]:
    """(start, end) of each argument of the call whose parenthesis opens before ``opened``."""
    spans, depth, start = [], 0, opened
    for at in range(opened, len(text)):
        if quoted[at] or text[at] == '"':
            continue
        if text[at] in "({":
            depth += 1
        elif text[at] in ")}" and depth:
            depth -= 1
        elif text[at] == ")" or (text[at] == "," and not depth):
            spans.append((start, at))
            if text[at] == ")":
                return spans
            start = at + 1
    return spans  # not closed: a formula Excel did not write; the parser refuses it


def _formats_of(cell: Any, sheet_text: str | None, ref: str) -> list[list[str]] | None:
    """The number formats of the cells ``ref`` names (on ``sheet_text``'s sheet, else
    ``cell``'s), row by row; None for a sheet not found or an area too large to list."""
    sheet = sheet_named(cell.parent, prefix_sheet(sheet_text))
    if sheet is None:
        return None
    rows = area_cells(ref.replace("$", "").upper())
    if len(rows) * len(rows[0]) > _MAX_CELLS:
        return None
    return [[sheet[one].number_format or "General" for one in row] for row in rows]


def _read_as_time(argument: str, cell: Any) -> str | None:
    """``AS_TIME(F13,"h:mm")`` for an argument naming cells of which one or more has a date
    or time format; None for any other argument."""
    whole = _REF.fullmatch(argument)
    if whole is None:
        return None
    ref = whole.group("ref")
    codes = _formats_of(cell, whole.group("sheet"), ref)
    if codes is None or not any(is_date_format(code) for row in codes for code in row):
        return None
    quoted = ";".join(",".join('"' + code.replace('"', '""') + '"' for code in row)
                      for row in codes)
    return f"{AS_TIME}({argument},{quoted if ':' not in ref else '{' + quoted + '}'})"


__all__ = ["AS_TIME", "as_time", "number_formats", "with_formats", "with_times"]
