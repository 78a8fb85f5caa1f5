"""The reference cell source: openpyxl reads the values, one XML pass the formulas — the
twin of the fast source (``xlsx/cells.py``), giving the same ``SheetCells``."""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

from jixiao.errors import JixiaoError, UnreadableWorkbook, damage_text
from jixiao.xlsx.book import NS_MAIN
from jixiao.xlsx.numformats import EAST_ASIAN_FORMATS, from_excel, is_timedelta_format
from jixiao.xlsx.placing import with_references
from jixiao.xlsx.scan import EMPTY_CELL
from jixiao.xlsx.sheet import SheetCells, hidden_for_good, merge_corners
from jixiao.xlsx.xml import ATTRIBUTES


def sheet_formulas(archive: zipfile.ZipFile, part: str,
                   content: bytes | None = None) -> dict[str, tuple[str, bool]]:
    """A1 cell → (formula text, whether a result was saved with it), from the sheet
    XML (``content``, if given, instead of the part's): openpyxl gives either the
    formulas or the cached values, not both."""
    from defusedxml import ElementTree

    found: dict[str, tuple[str, bool]] = {}
    cell_tag, formula_tag, value_tag = (f"{{{NS_MAIN}}}{tag}" for tag in "cfv")
    try:
        with archive.open(part) if content is None else io.BytesIO(content) as stream:
            for _, element in ElementTree.iterparse(stream, events=("end",)):
                if element.tag == cell_tag:
                    formula = element.find(formula_tag)
                    if formula is not None:
                        value = element.find(value_tag)
                        # An empty <v/> is a result only for a text formula giving "".
                        cached = value is not None and (
                            bool(value.text) or element.get("t") in ("str", "s", "inlineStr"))
                        found[element.get("r", "")] = ("=" + (formula.text or ""), cached)
                    element.clear()
    except Exception:  # a malformed sheet: openpyxl will say what is wrong with it
        return found
    return found


_EMPTY_SHEET = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                b'<worksheet xmlns="' + NS_MAIN.encode() + b'"><sheetData/></worksheet>')


def for_openpyxl(archive: zipfile.ZipFile, emptied: Collection[str] = (),
                 replaced: Mapping[str, bytes] | None = None) -> bytes | None:
    """The package as openpyxl (and the formulas package, which reads through it) should
    read it, or None where that is the package as it is: the sheets ``emptied``, so
    openpyxl need not parse them; the parts ``replaced`` as given (``without_empty_cells``);
    every worksheet's cells with their references (``with_cell_references``) and its
    errors stored as numbers typed as errors (``with_error_types``); each member
    under the name the package refers to it by (``_exact_names``)."""
    replaced = dict(replaced or {})
    for info in archive.infolist():
        if info.filename not in emptied and info.filename not in replaced:
            content = archive.read(info)
            if _SHEET_DATA in content:
                placed = with_error_types(with_cell_references(content))
                if placed is not content:
                    replaced[info.filename] = placed
    renamed = _exact_names(archive)
    if not emptied and not replaced and not renamed:
        return None
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in archive.infolist():
            content = _EMPTY_SHEET if info.filename in emptied else replaced.get(info.filename)
            name = renamed.get(info.filename, info.filename)
            copy.writestr(zipfile.ZipInfo(name, info.date_time) if name != info.filename
                          else info, archive.read(info) if content is None else content,
                          zipfile.ZIP_DEFLATED)
    return out.getvalue()


def as_openpyxl_reads(data: bytes) -> bytes:
    """The package ``data`` as openpyxl should read it (``for_openpyxl``: each cell with its
    reference, so a shared formula moves and each formula is keyed by its cell), or
    ``data`` itself; for a reader that opens a file whole and has no ``Package`` (the
    annotated copy's openpyxl path, the template's defined names)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return for_openpyxl(archive) or data


_SHEET_DATA = b"sheetData"
# A row or cell written without its address: its place follows from the one before.
_UNPLACED = re.compile(rb"<(?:[\w.-]+:)?(?:c|row)(?=[\s/>])(?![^<>]*\sr\s*=)")


# A value stored as an error (#NAME?): the cell's start is looked for from there
_STORED_ERROR = re.compile(rb"<((?:[\w.-]+:)?)v>(#[A-Z0-9/!?_]{2,13})</\1v>")
_TYPE = re.compile(rb"""\st\s*=\s*["']([^"']*)["']""")


def with_error_types(content: bytes) -> bytes:
    """A sheet's XML with ``t="e"`` on each cell typed as a number (no ``t``, or ``t="n"``)
    whose value is an error (``<c r="G13"><v>#NAME?</v></c>``, as some exporters write
    it): the error value it is, which openpyxl refuses the whole file over (float("#NAME?")).
    ``content`` itself where there is none."""
    from jixiao.model import ERROR_CODES

    if b">#" not in content:
        return content
    pieces, done = [], 0
    for found in _STORED_ERROR.finditer(content):
        if found.group(2).decode() not in ERROR_CODES:
            continue
        tag = b"<" + found.group(1) + b"c"
        start = max(content.rfind(tag + b" ", done, found.start()),
                    content.rfind(tag + b">", done, found.start()))
        if start < 0 or content.find(b"</" + found.group(1) + b"c>", start, found.start()) >= 0:
            continue  # not inside a cell
        end = content.find(b">", start)
        kind = _TYPE.search(content, start, end)
        if kind is None:
            pieces += [content[done:end], b' t="e"']
        elif kind.group(1).strip() == b"n":
            pieces += [content[done:kind.start(1)], b"e"]
            end = kind.end(1)
        else:
            continue  # text, an error already …: as it is
        done = end
    if not pieces:
        return content
    pieces.append(content[done:])
    return b"".join(pieces)


def with_cell_references(content: bytes) -> bytes:
    """A sheet's XML with an ``r=`` on every row and cell (``placing.with_references``), or
    ``content`` itself where each has one, or where it is not UTF-8 (openpyxl then reads it
    as it is)."""
    if _UNPLACED.search(content) is None:
        return content
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        return content
    placed = with_references(text)
    return content if placed is text else placed.encode("utf-8")


# The parts openpyxl reads by these names, not through a relationship
_OPENPYXL_NAMES = ("[Content_Types].xml", "_rels/.rels", "xl/styles.xml", "xl/theme/theme1.xml",
                   "docProps/core.xml", "docProps/app.xml", "docProps/custom.xml")


def _exact_names(archive: zipfile.ZipFile) -> dict[str, str]:
    """Member → the name the package refers to it by, where the two differ in case only:
    part names compare ignoring case (ECMA-376-2 §9.1.1.1: Excel opens
    xl/worksheets/Sheet1.xml as the relationship's worksheets/sheet1.xml), openpyxl's
    exactly. The names openpyxl reads without a relationship come first, then relationship
    targets and the manifest's part names, then each relationships part follows its part."""
    from jixiao.xlsx.book import read_relationships, relationships_part

    names = archive.namelist()
    members = {}
    for name in names:
        members.setdefault(name.lower(), name)
    renamed: dict[str, str] = {}

    def refer(name: str) -> None:
        member = members.get(name.lower())
        if member is not None and member != name and name not in names:
            renamed.setdefault(member, name)

    for name in _OPENPYXL_NAMES:
        refer(name)
    relationships = [name for name in names if name.lower().endswith(".rels")]
    for name in relationships:
        try:
            found = read_relationships(name, archive.read(name))
        except (ValueError, SyntaxError):  # not well-formed (a ParseError): openpyxl says so
            continue
        for relationship in found:
            if relationship.mode != "External":
                refer(relationship.target)
    manifest = members.get("[content_types].xml")
    if manifest is not None:
        for part in _PART_NAME.findall(archive.read(manifest)):
            refer(part.decode("utf-8", "replace"))
    for name in relationships:
        folder, file = posixpath.split(name)
        if posixpath.basename(folder).lower() == "_rels" and file.lower() != ".rels":
            source = members.get(posixpath.join(posixpath.dirname(folder), file[:-5]).lower())
            if source is not None:
                refer(relationships_part(renamed.get(source, source)))
    return renamed


_PART_NAME = re.compile(rb"""<(?:[\w.-]+:)?Override\s[^>]*?\sPartName\s*=\s*["']/([^"'&]*)["']""")


def without_empty_cells(content: bytes) -> bytes:
    """A sheet's XML without its empty cells (``<c r="A9" s="3"/>``, kept for a border or
    fill only), so that openpyxl makes no object for each: it reads the same values,
    merges and rows. Unchanged where that could move another cell — a cell without its
    address takes its place from the one before — or where a CDATA section could hold
    the text of one."""
    if b"<![CDATA[" in content or _UNPLACED.search(content) is not None:
        return content
    return EMPTY_CELL.sub(b"", content)


# A sheet name Excel's dialog refuses, which other programs write (“自评表2024/12”, “[自评表]”,
# an empty name): openpyxl refuses the whole file for one (an empty one it renames “Sheet”).
NOT_IN_TITLES = re.compile(r"[\\*?:/\[\]]")
_SHEET_TAG = re.compile(rf"<(?:[\w.-]+:)?sheet(?=[\s/>]){ATTRIBUTES}>")


def with_stand_in_titles(workbook: bytes) -> tuple[bytes, dict[str, str]] | None:
    """The workbook part with each sheet name openpyxl refuses or renames replaced by a
    name it keeps, every other byte as written, and stand-in → name as written; None when
    openpyxl keeps every name. A sheet name is only a label to jixiao: the sheet is read
    under the stand-in and given back its own name (``openpyxl_sheets``)."""
    from jixiao.xlsx.xmledit import attribute_value, with_attribute

    try:
        text = workbook.decode("utf-8-sig")
        tags = [(tag, attribute_value(tag.group(), "name")) for tag in _SHEET_TAG.finditer(text)]
    except ValueError:  # not UTF-8, or a reference to no character: openpyxl says what is wrong
        return None
    unfit = [(tag, name) for tag, name in tags
             if name is not None and (not name or NOT_IN_TITLES.search(name))]
    if not unfit:
        return None
    taken = {(name or "").lower() for _, name in tags}
    titles: dict[str, str] = {}
    pieces, position, number = [], 0, 0
    for tag, name in unfit:
        number += 1
        while f"sheet{number}" in taken:
            number += 1
        stand_in = f"Sheet{number}"
        titles[stand_in] = name
        pieces += [text[position:tag.start()], with_attribute(tag.group(), "name", stand_in)]
        position = tag.end()
    pieces.append(text[position:])
    return "".join(pieces).encode("utf-8"), titles


def titles_openpyxl_refuses(path: Path, data: bytes) -> list[str]:
    """The sheet names of the workbook ``data`` that openpyxl refuses or renames
    (``with_stand_in_titles``); none where the workbook cannot be read (openpyxl then says
    what is wrong with it)."""
    from jixiao.xlsx.book import sheet_parts

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            renamed = with_stand_in_titles(archive.read(sheet_parts(path, archive).workbook))
    except (JixiaoError, KeyError, zipfile.BadZipFile, OSError):
        return []
    return list(renamed[1].values()) if renamed is not None else []


def openpyxl_sheets(path: Path, source: io.BytesIO,
                    formulas: dict[str, dict[str, tuple[str, bool]]],
                    titles: Mapping[str, str] | None = None) -> list[SheetCells]:
    """The reference cell source: openpyxl, values only, formulas from the XML pass.
    ``titles``: stand-in → sheet name as written (``with_stand_in_titles``)."""
    from openpyxl.cell.cell import MergedCell

    titles = titles or {}

    book = _load(path, source)
    try:
        sheets = []
        for ws in book.worksheets:
            title = titles.get(ws.title, ws.title)
            if title not in formulas:
                continue
            # ws._cells holds only the cells that exist; iter_rows() would create the rest.
            # A cell with no style is one openpyxl made for a hyperlink on a cell the file
            # does not hold, its value the link's target: not in the sheet.
            cells = [_cell(cell, cell._style.numFmtId, book.epoch)
                     for cell in ws._cells.values()
                     if not isinstance(cell, MergedCell) and cell.value is not None
                     and cell._style is not None]
            merges = [(merged.min_row, merged.min_col, merged.max_row, merged.max_col)
                      for merged in ws.merged_cells.ranges]
            lost = sorted(corner for corner in merge_corners(merges)
                          if isinstance(ws._cells.get(corner), MergedCell))
            if lost:  # a top-left cell under an earlier merge: kept, as LibreOffice shows it
                cells.extend(_read_again(source, ws.title, lost, book.epoch))
            hidden = frozenset(row for row, dimension in ws.row_dimensions.items()
                               if dimension.hidden)
            applied = ws.auto_filter.ref if ws.auto_filter.filterColumn else None
            hidden = hidden_for_good(
                hidden, filter_ref=applied,
                grouped=frozenset(row for row in hidden if ws.row_dimensions[row].outlineLevel),
                table_filtered=bool(ws.sheet_properties.filterMode and ws.tables and not applied))
            columns = frozenset(column for dimension in ws.column_dimensions.values()
                                if dimension.hidden and dimension.min
                                for column in range(dimension.min, (dimension.max or dimension.min) + 1))
            sheets.append(SheetCells(title, cells, merges, formulas[title],
                                     hidden_rows=hidden, hidden_columns=columns))
    finally:
        book.close()
    return sheets


def _read_again(source: io.BytesIO, title: str, corners: list[tuple[int, int]],
                epoch: Any) -> list[tuple[int, int, Any, str]]:
    """The values of top-left cells that an earlier, overlapping merge covers (LibreOffice
    saves A12:A43 over the 总分 row's A43:F43): openpyxl made them empty ``MergedCell``s,
    but each keeps its value (``sheet.merge_corners``). Read without merges, read-only:
    rare, so the second pass costs nothing in the usual case."""
    import warnings

    from openpyxl import load_workbook

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        book = load_workbook(source, read_only=True, data_only=True, keep_links=False)
    try:
        ws = book[title]
        wanted = set(corners)
        first_row, last_row = min(row for row, _ in wanted), max(row for row, _ in wanted)
        first_column = min(column for _, column in wanted)
        last_column = max(column for _, column in wanted)
        found = []
        # one pass over the corners' rows (each iter_rows parses the sheet from its start)
        for row, cells in enumerate(ws.iter_rows(min_row=first_row, max_row=last_row,
                                                 min_col=first_column, max_col=last_column),
                                    first_row):
            for column, cell in enumerate(cells, first_column):
                if (row, column) in wanted and cell.value is not None:
                    found.append(_cell(cell, cell.style_array.numFmtId, epoch))
        return found
    finally:
        book.close()


def _cell(cell: Any, format_id: int, epoch: Any) -> tuple[int, int, Any, str]:
    """(row, column, value, number format) of an openpyxl cell of number format
    ``format_id``."""
    if format_id in EAST_ASIAN_FORMATS:
        return _east_asian(cell, format_id, epoch)
    return cell.row, cell.column, cell.value, cell.number_format


def _east_asian(cell: Any, format_id: int, epoch: Any) -> tuple[int, int, Any, str]:
    """A cell in a built-in East Asian date style (``EAST_ASIAN_FORMATS``): openpyxl reads
    its serial number and "General"; the date and its code, as the fast source reads it."""
    value, code = cell.value, cell.number_format
    if code == "General" and isinstance(value, (int, float)) and not isinstance(value, bool):
        code = EAST_ASIAN_FORMATS[format_id]
        try:
            value = from_excel(value, epoch, timedelta=is_timedelta_format(code))
        except (OverflowError, ValueError):
            value = "#VALUE!"
    return cell.row, cell.column, value, code


def _load(path: Path, source: io.BytesIO) -> Any:
    import warnings

    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "unsupported extension", data validation …
            return load_workbook(source, data_only=True, keep_links=False)
    except Exception as error:  # any failure inside openpyxl means the file is damaged
        raise UnreadableWorkbook(f"“{path.name}”已损坏或格式异常，无法读取"
                                 f"（{damage_text(error)}）") from None
