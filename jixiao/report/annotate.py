"""An annotated copy of a checked workbook, for the reviewer.

Each finding's cell gets a fill (red for 错误, yellow for 警告, blue for 提示)
and a comment with its code and message; a sheet 校验结果 lists all findings
with hyperlinks to their cells. The original file is never touched: the copy
is written atomically to another path. openpyxl rewrites the file: the copy
keeps values, formulas, merges, styles, comments, images and charts (Pillow
is a dependency so openpyxl can carry images), but chart formatting openpyxl
does not model may be simplified. openpyxl drops every formula's cached
result, so they are then written back at the XML level from the input, as
``jixiao recalc`` writes its own (``xlsx.writeback.write_cached_values``): the copy shows
the input's numbers in any program, without recalculating.

Text from the input (sheet names, messages quoting cells) is written as text,
never as a formula, even when it starts with "=".
"""

from __future__ import annotations

import hashlib
import io
import os
import warnings
from collections.abc import Sequence
from pathlib import Path

from jixiao.checks import SEVERITIES, SEVERITY_NAMES, Finding, findings_rows
from jixiao.errors import OutputError, UnreadableWorkbook
from jixiao.fileio import atomic_output
from jixiao.xlsx.guard import check_package

RESULT_SHEET = "校验结果"
FILLS = {"error": "FFC7CE", "warning": "FFEB9C", "info": "DDEBF7"}
AUTHOR = "jixiao"


def annotate(source: str | Path, output: str | Path, findings: Sequence[Finding], *,
             derived: bool = False) -> Path:
    """Write ``output``: a copy of ``source`` with ``findings`` marked on their cells.
    ``derived``: jixiao made the name up, so it is never written through a link
    (``fileio.atomic_output``)."""
    from openpyxl import load_workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.hyperlink import Hyperlink

    source, output = Path(source), Path(output)
    if os.path.realpath(output) == os.path.realpath(source):
        raise OutputError(f"标注副本不能覆盖原文件“{source.name}”，请换一个文件名")
    keep_vba = source.suffix.lower() == ".xlsm" and output.suffix.lower() == ".xlsm"
    if source.suffix.lower() == ".xlsm" and not keep_vba and _has_macros(source):
        raise OutputError(f"“{source.name}”含宏，标注副本也须以 .xlsm 结尾")
    from jixiao.xlsx.foreign import foreign_format_of, foreign_refusal

    kind = foreign_format_of(source)
    if kind is not None:  # checked by its values; openpyxl cannot write it back
        raise UnreadableWorkbook(foreign_refusal(source.name, kind, "制作标注副本"))
    check_package(source)  # the file may have changed since it was checked
    try:
        data = source.read_bytes()  # read once: the copy, and the content it is made of
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = load_workbook(io.BytesIO(data), keep_vba=keep_vba, keep_links=True)
    except Exception as error:  # already read once; anything here means the file changed
        raise UnreadableWorkbook(f"无法打开“{source.name}”制作标注副本"
                                 f"（{type(error).__name__}）") from None

    by_cell: dict[tuple[str, str], list[Finding]] = {}
    for item in findings:
        if item.sheet in book.sheetnames and item.cell:
            by_cell.setdefault((item.sheet, item.cell), []).append(item)
    for (sheet, ref), items in by_cell.items():
        cell = _writable(book[sheet], ref)
        worst = min(items, key=lambda item: SEVERITIES.index(item.severity))
        cell.fill = PatternFill("solid", fgColor=FILLS[worst.severity])
        text = "\n".join(f"[{item.code} {SEVERITY_NAMES[item.severity]}] {item.message}"
                         for item in items)
        if cell.comment is not None and cell.comment.author != AUTHOR:
            text = f"{cell.comment.text}\n—\n{text}"
        comment = Comment(text, AUTHOR)
        comment.width, comment.height = 320, 40 + 40 * len(items)
        cell.comment = comment

    sheet = book.create_sheet(_result_sheet_name(book))
    for number, row in enumerate(findings_rows(findings), start=1):
        for column, value in enumerate(row, start=1):
            _text_cell(sheet, number, column, value)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for number, item in enumerate(findings, start=2):
        if item.sheet in book.sheetnames and item.cell:
            link = sheet.cell(number, 3)
            # A link within the workbook (the location attribute, no relationship): Excel,
            # WPS and LibreOffice all follow it.
            link.hyperlink = Hyperlink(ref=link.coordinate, location=(
                f"'{item.sheet.replace(chr(39), chr(39) * 2)}'!{item.cell}"))
            link.style = "Hyperlink"
        sheet.cell(number, 1).fill = PatternFill("solid", fgColor=FILLS[item.severity])
        sheet.cell(number, 4).alignment = Alignment(wrap_text=True, vertical="top")
    if not findings:
        _text_cell(sheet, 2, 4, "未发现问题。")
    for column, width in zip("ABCD", (8, 6, 16, 90), strict=True):
        sheet.column_dimensions[column].width = width
    # Printed one page wide, landscape, the header on every page.
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    _mark(book, hashlib.sha256(data).hexdigest())
    book.active = book.sheetnames.index(sheet.title)
    for other in book.worksheets:
        other.sheet_view.tabSelected = other is sheet

    cached = _cached_results(source)
    if _uncalculated(cached):
        from openpyxl.workbook.properties import CalcProperties

        book.calculation = CalcProperties(fullCalcOnLoad=True)
    with atomic_output(output, derived=derived) as temporary:
        book.save(temporary)
        _keep_cached_results(cached, temporary)
    return output


def _has_macros(path: Path) -> bool:
    """Whether an .xlsm holds a VBA project (an .xlsm saved without macros may be copied
    as an .xlsx)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            return any(name.lower().endswith("vbaproject.bin") for name in archive.namelist())
    except (OSError, zipfile.BadZipFile):
        return True  # unreadable here: the check of the package says why, not this


def _result_sheet_name(book) -> str:  # type: ignore[no-untyped-def]
    """The name of the findings sheet, as the 校验 button chooses it: 校验结果, replacing
    that of an earlier annotation (first row 代码 | 级别 | 位置 | 说明); a sheet of that
    name that is the unit's own (a review log starting with 代码 too) is kept, and the
    findings go to 校验结果2 (3 …)."""
    heading = next(iter(findings_rows([])))
    name, number = RESULT_SHEET, 1
    while name in book.sheetnames:
        if [cell.value for cell in book[name][1][:len(heading)]] == heading:
            del book[name]
            return name
        number += 1
        name = f"{RESULT_SHEET}{number}"
    return name


def _mark(book, source: str) -> None:  # type: ignore[no-untyped-def]
    """Mark the copy as jixiao's (``xlsx.marks``): a later batch of the folder skips it;
    and name the content it was made of (``source``: its SHA-256), so that a batch
    taking a file from its cache knows whether the copy is still this file's."""
    from openpyxl.packaging.custom import CustomPropertyList, StringProperty

    from jixiao.xlsx.marks import ANNOTATED_MARK, MARK_PROPERTY, SOURCE_PROPERTY

    kept = [item for item in book.custom_doc_props.props
            if item.name not in (MARK_PROPERTY, SOURCE_PROPERTY)]
    book.custom_doc_props = CustomPropertyList()
    for item in kept:
        book.custom_doc_props.append(item)
    book.custom_doc_props.append(StringProperty(name=MARK_PROPERTY, value=ANNOTATED_MARK))
    book.custom_doc_props.append(StringProperty(name=SOURCE_PROPERTY, value=source))


def _text_cell(sheet, row: int, column: int, value: str):  # type: ignore[no-untyped-def]
    """A string cell, whatever it starts with: openpyxl takes "=…" for a formula."""
    cell = sheet.cell(row, column)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def _cached_results(source: Path) -> dict[str, dict[str, object]]:
    """sheet → {cell → cached result} of every formula cell of ``source``."""
    from jixiao.xlsx.package import Package

    original = Package(source)
    return {sheet.name: {cell.ref: cell.value for cell in original.cells(sheet)
                         if cell.formula is not None}
            for sheet in original.sheets if original.may_hold_formulas(sheet)}


def _uncalculated(cached: dict[str, dict[str, object]]) -> bool:
    """Whether a formula was saved without a result (a file written by a program)."""
    return any(value is None for cells in cached.values() for value in cells.values())


def _keep_cached_results(cached: dict[str, dict[str, object]], copy: Path) -> None:
    """Put back into ``copy`` the ``cached`` result of every formula cell of the source;
    where one was never calculated, the copy is calculated on opening (or Excel and WPS
    would show it empty), as ``annotate`` asked of openpyxl."""
    from jixiao.xlsx.package import Package
    from jixiao.xlsx.writeback import write_cached_values

    written = Package(copy)
    names = {sheet.name for sheet in written.sheets}
    write_cached_values(written, copy, {name: cells for name, cells in cached.items()
                                        if name in names and cells},
                        keep_calculation=_uncalculated(cached))


def _writable(ws, ref: str):  # type: ignore[no-untyped-def]
    """The cell to mark: a merged range's top-left cell stands for all of it."""
    for merged in ws.merged_cells.ranges:
        if ref in merged:
            return ws.cell(merged.min_row, merged.min_col)
    return ws[ref]
