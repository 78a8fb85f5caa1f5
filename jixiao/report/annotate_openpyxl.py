"""The annotated copy written through openpyxl: the reference path, for a package the
edits of ``xlsx.annotate_package`` cannot change safely (an odd structure).

openpyxl rewrites the whole file: the copy keeps values, formulas, merges, styles,
comments, images and charts (Pillow is a dependency so openpyxl can carry images), but
drops what it does not model — text boxes, sparklines, Excel 2010 validation lists, rich
text in cells. It drops every formula's cached result too; they are written back at the
XML level from the input (or, for jixiao's template, as recalculated), as ``jixiao recalc``
writes its own (``xlsx.writeback.write_cached_values``).
"""

from __future__ import annotations

import io
import json
import warnings
import zipfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from jixiao.errors import UnreadableWorkbook, damage_text
from jixiao.xlsx.annotate_comments import (
    NOTE_WIDTH,
    SEPARATOR,
    THREADED_AUTHOR,
    note_height,
    our_spans,
    without_ours,
)
from jixiao.xlsx.annotate_package import FILLS_PROPERTY, Mark, ResultRow, Revealed, fills_record
from jixiao.xlsx.annotate_styles import is_fill, neutral_fill
from jixiao.xlsx.sheet import merge_origin


def write_with_openpyxl(source: Path, data: bytes, target: Path, marks: Sequence[Mark],
                        rows: Sequence[ResultRow], *, keep_vba: bool, result_name: str,
                        heading: Sequence[str], author: str,
                        properties: Mapping[str, str], macro_enabled: bool = False,
                        colours: Sequence[str] = (),
                        results: Mapping[str, Mapping[str, object]] | None = None,
                        revealed_rows: Callable[[Revealed], Sequence[ResultRow]] | None = None
                        ) -> None:
    """What ``xlsx.annotate_package.write_annotated`` writes, as openpyxl can.
    ``macro_enabled``: the copy is an .xlsm (its workbook part's content type).
    ``colours``: every fill jixiao marks cells with (an earlier annotation's are taken off).
    ``results``: sheet → {cell → value} recalculated (jixiao's template), stored instead of
    the input's cached results. ``revealed_rows``: the lines that say which hidden rows and
    columns were shown (they hold a marked cell)."""
    from openpyxl import load_workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.hyperlink import Hyperlink

    from jixiao.xlsx.openpyxl_cells import NOT_IN_TITLES, as_openpyxl_reads, titles_openpyxl_refuses

    refused = titles_openpyxl_refuses(source, data)
    if refused:  # openpyxl refuses the file for such a name, or renames the sheet
        title = refused[0]
        what = (f"的工作表名“{title}”含有 Excel 不允许的字符“"
                f"{next(char for char in title if NOT_IN_TITLES.match(char))}”"
                if title else "中有一个工作表没有名称")
        raise UnreadableWorkbook(
            f"“{source.name}”{what}：这个文件须经 openpyxl 重写才能制作标注副本，而 openpyxl "
            "保留不了这个名称，故未制作标注副本（校验结果不受影响）；请在 Excel、WPS 或 "
            "LibreOffice 中给该工作表改名后再试")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            # each cell at the place the check read it at (an exporter's cells without r=)
            book = load_workbook(io.BytesIO(as_openpyxl_reads(data)), keep_vba=keep_vba,
                                 keep_links=True)
    except Exception as error:  # already read once; anything here means the file changed
        raise UnreadableWorkbook(f"无法打开“{source.name}”制作标注副本"
                                 f"（{damage_text(error)}）") from None
    book.template = False  # a template's copy is a workbook (its type follows its name)

    by_cell: dict[tuple[str, str], list[Mark]] = {}
    for mark in marks:
        if mark.sheet in book.sheetnames and hasattr(book[mark.sheet], "merged_cells"):
            cell = _writable(book[mark.sheet], mark.ref)
            by_cell.setdefault((mark.sheet, cell.coordinate), []).append(mark)
    _unmark(book, colours)
    revealed = _reveal(book, by_cell)
    if revealed and revealed_rows is not None:
        rows = [*rows, *revealed_rows(revealed)]
    kept: dict[str, dict[str, list[str]]] = {}
    for (sheet, ref), items in by_cell.items():
        cell = book[sheet][ref]
        colour = min(items, key=lambda item: item.rank).colour
        had = _fill_xml(cell.fill)
        if had is not None and _colour(cell.fill) not in colours:
            kept.setdefault(sheet, {})[ref] = [colour, had]
        cell.fill = PatternFill("solid", fgColor=colour)
        text = "\n".join(item.line for item in items)
        if cell.comment is not None and cell.comment.author.startswith(THREADED_AUTHOR):
            continue  # a threaded comment's placeholder: left as it is
        comment = Comment(text, author)
        comment.width, comment.height = NOTE_WIDTH, note_height(len(items))
        if cell.comment is not None and cell.comment.text.strip():  # another author's: grown
            old = cell.comment
            comment = Comment(f"{old.text}{SEPARATOR}{text}", old.author)
            comment.width = max(old.width, NOTE_WIDTH)
            comment.height = old.height + note_height(len(items))
        cell.comment = comment

    sheet = book.create_sheet(_result_sheet_name(book, result_name, heading))
    for number, row in enumerate(rows, start=1):
        for column, value in enumerate(row.values, start=1):
            if value is not None:
                _text_cell(sheet, number, column, value)
        if number == 1:
            for cell in sheet[1]:
                cell.font = Font(bold=True)
            continue
        if row.link and row.link.partition("!")[0].strip("'").replace("''", "'") in book.sheetnames:
            link = sheet.cell(number, 3)
            link.hyperlink = Hyperlink(ref=link.coordinate, location=row.link)
            link.style = "Hyperlink"
        if row.colour:
            sheet.cell(number, 1).fill = PatternFill("solid", fgColor=row.colour)
            sheet.cell(number, 4).alignment = Alignment(wrap_text=True, vertical="top")
    for column, width in zip("ABCD", (8, 6, 16, 90), strict=True):
        sheet.column_dimensions[column].width = width
    # Printed one page wide, landscape, the header on every page.
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    _mark(book, {**properties, FILLS_PROPERTY: json.dumps(kept, ensure_ascii=False, sort_keys=True)})
    book.active = book.sheetnames.index(sheet.title)
    for other in book.worksheets:
        other.sheet_view.tabSelected = other is sheet

    cached, stale = _cached_results(source, data)
    for name, cells in (results or {}).items():
        if name in cached:
            cached[name].update(cells)
    on_load = _uncalculated(cached) or stale
    if on_load:
        from openpyxl.workbook.properties import CalcProperties

        book.calculation = CalcProperties(fullCalcOnLoad=True)
    _save(book, target, macro_enabled)
    _keep_cached_results(cached, target, on_load)


def _reveal(book, cells: Mapping[tuple[str, str], object]) -> Revealed:  # type: ignore[no-untyped-def]
    """Show the hidden rows and columns holding a marked cell (a span of hidden columns is
    split: only the marked ones are shown), as ``SheetEditor.reveal`` does."""
    from copy import copy

    from openpyxl.utils import get_column_letter
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

    revealed: Revealed = {}
    for sheet_name, ref in cells:
        sheet = book[sheet_name]
        letters, number = coordinate_from_string(ref)
        column = column_index_from_string(letters)
        rows, columns = revealed.get(sheet_name, ([], []))
        dimension = sheet.row_dimensions.get(number)
        if dimension is not None and dimension.hidden:
            dimension.hidden = False
            rows.append(number)
        for key, span in list(sheet.column_dimensions.items()):
            low, high = span.min or column_index_from_string(key), span.max or column_index_from_string(key)
            if not (span.hidden and low <= column <= high):
                continue
            for first_column, last_column, hidden in ((low, column - 1, True), (column, column, False),
                                                      (column + 1, high, True)):
                if first_column > last_column:
                    continue
                piece = copy(span)
                piece.index = get_column_letter(first_column)
                piece.min, piece.max, piece.hidden = first_column, last_column, hidden
                sheet.column_dimensions[piece.index] = piece
            if key != get_column_letter(low):
                del sheet.column_dimensions[key]
            columns.append(column)
        if rows or columns:
            revealed[sheet_name] = (sorted(set(rows)), sorted(set(columns)))
    return revealed


def _save(book, target: Path, macro_enabled: bool) -> None:  # type: ignore[no-untyped-def]
    """``book`` saved to ``target``, its workbook part typed as the package path types it
    (``workbook_type``: by the copy's extension); openpyxl types it by whether it holds a
    VBA project, so an .xlsx's copy named .xlsm was typed a plain workbook."""
    from jixiao.xlsx.annotate_package import workbook_type
    from jixiao.xlsx.annotate_parts import content_types

    saved = io.BytesIO()
    book.save(saved)
    with zipfile.ZipFile(saved) as archive, \
            zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as out:
        for info in archive.infolist():
            data = archive.read(info)
            if info.filename == "[Content_Types].xml":
                data = content_types(data.decode("utf-8"), overrides={
                    "xl/workbook.xml": workbook_type(macro_enabled)}).encode("utf-8")
            out.writestr(info, data)


def _unmark(book, colours: Sequence[str]) -> None:  # type: ignore[no-untyped-def]
    """Take an earlier annotation's marks off, as ``xlsx.annotate_package`` does: jixiao's
    lines (``our_spans``, whoever the note's author now) are cut out of a note, and a note
    left with nothing else is removed; a cell still in the colour jixiao marked it with gets
    the fill the copy recorded for it (``jixiao-fills``), else, where jixiao's note was on
    it, no fill."""
    from openpyxl.comments import Comment
    from openpyxl.styles import PatternFill

    property_ = next((item for item in book.custom_doc_props.props
                      if item.name == FILLS_PROPERTY), None)
    record = fills_record(property_.value if isinstance(getattr(property_, "value", None), str)
                          else None)
    for ws in book.worksheets:
        recorded = record.get(ws.title, {})
        for row in ws.iter_rows():
            for cell in row:
                note, noted = cell.comment, False
                if note is not None and not note.author.startswith(THREADED_AUTHOR) \
                        and our_spans(note.text):
                    noted, rest = True, without_ours(note.text)
                    if rest.strip():
                        kept = Comment(rest, note.author)
                        kept.width, kept.height = note.width, note.height
                        cell.comment = kept
                    else:
                        cell.comment = None
                colour = _colour(cell.fill)
                if colour not in colours:
                    continue
                before = recorded.get(cell.coordinate)
                if before is not None and before[0] == colour:
                    cell.fill = _fill(before[1])
                elif noted:
                    cell.fill = PatternFill()


def _colour(fill) -> str | None:  # type: ignore[no-untyped-def]
    """The RRGGBB of a solid fill, else None."""
    rgb = getattr(getattr(fill, "fgColor", None), "rgb", None)
    if getattr(fill, "fill_type", None) != "solid" or not isinstance(rgb, str) or len(rgb) != 8:
        return None
    return rgb[2:].upper()


def _fill_xml(fill) -> str | None:  # type: ignore[no-untyped-def]
    """A cell's fill as the copy records it (``StyleEditor.fill_of``), None where it cannot."""
    from openpyxl.xml.functions import tostring

    try:
        xml = neutral_fill(tostring(fill.to_tree()).decode("utf-8"))
    except (AttributeError, TypeError, ValueError):
        return None
    return xml if is_fill(xml) else None


def _fill(xml: str):  # type: ignore[no-untyped-def]
    from openpyxl.styles.fills import Fill
    from openpyxl.xml.functions import fromstring

    return Fill.from_tree(fromstring(xml))


def _result_sheet_name(book, base: str, heading: Sequence[str]) -> str:  # type: ignore[no-untyped-def]
    """The name of the findings sheet, as the 校验 button chooses it: 校验结果, replacing
    that of an earlier annotation (first row 代码 | 级别 | 位置 | 说明); a sheet of that
    name that is the unit's own (a review log starting with 代码 too) is kept, and the
    findings go to 校验结果2 (3 …)."""
    name, number = base, 1
    while name in book.sheetnames:
        if [cell.value for cell in book[name][1][:len(heading)]] == list(heading):
            del book[name]
            return name
        number += 1
        name = f"{base}{number}"
    return name


def _mark(book, properties: Mapping[str, str]) -> None:  # type: ignore[no-untyped-def]
    """Mark the copy as jixiao's (``xlsx.marks``), keeping the other custom properties."""
    from openpyxl.packaging.custom import CustomPropertyList, StringProperty

    kept = [item for item in book.custom_doc_props.props if item.name not in properties]
    book.custom_doc_props = CustomPropertyList()
    for item in kept:
        book.custom_doc_props.append(item)
    for name, value in properties.items():
        book.custom_doc_props.append(StringProperty(name=name, value=value))


def _text_cell(sheet, row: int, column: int, value: str):  # type: ignore[no-untyped-def]
    """A string cell, whatever it starts with: openpyxl takes "=…" for a formula."""
    cell = sheet.cell(row, column)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def _cached_results(source: Path, data: bytes) -> tuple[dict[str, dict[str, object]], bool]:
    """sheet → {cell → cached result} of every formula cell of the source, and whether those
    results are stale: the source asks to be recalculated on opening (fullCalcOnLoad) and
    holds formulas (``annotate_package._stale``)."""
    from jixiao.xlsx.package import Package

    try:
        original = Package(source, data)
    except UnreadableWorkbook:
        return {}, False
    cached = {sheet.name: {cell.ref: cell.value for cell in original.cells(sheet)
                           if cell.formula is not None}
              for sheet in original.sheets if original.may_hold_formulas(sheet)}
    return cached, original.calculates_on_load and any(cached.values())


def _uncalculated(cached: dict[str, dict[str, object]]) -> bool:
    """Whether a formula was saved without a result (a file written by a program)."""
    return any(value is None for cells in cached.values() for value in cells.values())


def _keep_cached_results(cached: dict[str, dict[str, object]], copy: Path,
                         on_load: bool) -> None:
    """Put back into ``copy`` the ``cached`` result of every formula cell of the source;
    where one was never calculated, or the source asks for it (``on_load``), the copy is
    calculated on opening (or Excel and WPS would show it empty, or the stale results), as
    ``write_with_openpyxl`` asked of openpyxl."""
    from jixiao.xlsx.package import Package
    from jixiao.xlsx.writeback import write_cached_values

    written = Package(copy)
    names = {sheet.name for sheet in written.sheets}
    write_cached_values(written, copy, {name: cells for name, cells in cached.items()
                                        if name in names and cells},
                        keep_calculation=on_load)


def _writable(ws, ref: str):  # type: ignore[no-untyped-def]
    """The cell to mark: a merged range's top-left cell stands for all of it (of
    overlapping merges, the one ``sheet.merge_origin`` says)."""
    from openpyxl.utils.cell import coordinate_to_tuple

    merges = [(merged.min_row, merged.min_col, merged.max_row, merged.max_col)
              for merged in ws.merged_cells.ranges if ref in merged]
    return ws.cell(*merge_origin(merges, *coordinate_to_tuple(ref))) if merges else ws[ref]
