"""The annotated copy written by editing the package (the zip) itself.

Every member the annotation does not need is copied byte for byte: drawings, text
boxes, sparklines, Excel 2010 validation lists, rich text, formulas and their cached
results, a VBA project. What changes: the marked sheets (each marked cell's style, a
``<legacyDrawing>`` where the sheet had no notes, a hidden row or column holding a marked
cell shown), xl/styles.xml (fills and cell
formats appended), the sheets' comments and VML drawings (appended to, or new), the
findings sheet (a new worksheet part, or the content of an earlier annotation's),
xl/workbook.xml, its relationships, [Content_Types].xml, docProps/custom.xml, and
docProps/app.xml's list of sheets where it has one.
An earlier annotation's marks (the copy of a copy a unit corrected) are taken off
first: jixiao's notes and its lines in another author's note, known by their text
(``annotate_comments.our_spans``: LibreOffice renames every note's author), and its
fills: the property ``jixiao-fills`` records the fill each marked cell had, by sheet and
cell (LibreOffice keeps custom properties but renumbers the cell formats); a copy
without it (an older version's) has each cloned cell format's source in ``jixiao-xf``.
A cell still in jixiao's colour with neither, that had jixiao's note, loses the fill. The copy records its
worksheet parts as written (``xlsx.marks.sheets_digest``) so that a copy a unit edits
and sends back is checked as a submission.
``CannotEdit``: the package is one these edits cannot change safely (strict OOXML,
comments inside a part, an odd structure); the caller writes the copy another way.

Over 400 lines: the one pass over the package that every part's edit belongs to (the
sheets, comments, styles, workbook, relationships and content types depend on each
other's new names and indexes); the edits of each part live in their own modules.
"""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from jixiao.xlsx.annotate_comments import (
    NOTE_WIDTH,
    Note,
    Resize,
    comments_part,
    idmap_blocks,
    new_vml,
    note_height,
    noted_cells,
    vml_resized,
    vml_with_notes,
    vml_without,
)
from jixiao.xlsx.annotate_parts import (
    WorkbookEditor,
    add_relationship,
    content_types,
    custom_properties,
    drop_relationships,
    listed_sheet,
    relative,
)
from jixiao.xlsx.annotate_sheet import SheetEditor, out_of_order, unselect_chartsheet
from jixiao.xlsx.annotate_styles import EMPTY_STYLES, NO_FILL, StyleEditor, is_fill
from jixiao.xlsx.book import read_relationships, relationships_part
from jixiao.xlsx.marks import SHEETS_PROPERTY, sheets_digest
from jixiao.xlsx.openpyxl_cells import NOT_IN_TITLES
from jixiao.xlsx.package import Package
from jixiao.xlsx.writeback import keep_cached_results
from jixiao.xlsx.xml import MAIN, RELATIONSHIPS, unescape
from jixiao.xlsx.xmledit import (
    CannotEdit,
    attribute_value,
    escape,
    namespaces,
    start_tag,
    well_formed,
)

_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml."
WORKSHEET_TYPE = _TYPE + "worksheet+xml"
_COMMENTS_TYPE = _TYPE + "comments+xml"
_STYLES_TYPE = _TYPE + "styles+xml"
_XLSX_MAIN_TYPE = _TYPE + "sheet.main+xml"
_XLSM_MAIN_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
_VML_TYPE = "application/vnd.openxmlformats-officedocument.vmlDrawing"
_CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CUSTOM_RELATIONSHIP = RELATIONSHIPS + "/custom-properties"
_APP_RELATIONSHIP = RELATIONSHIPS + "/extended-properties"
_VBA_RELATIONSHIP = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
_CHARTSHEET = RELATIONSHIPS + "/chartsheet"
_CONTENT_TYPES = "[Content_Types].xml"
# The cell formats an annotation cloned to fill cells, with the ones they were cloned from
# ("clone:source …"): the next annotation of the copy gives a cell back its own format
XF_PROPERTY = "jixiao-xf"
_XF_RECORD = re.compile(r'name="jixiao-xf"[^>]*>\s*<vt:lpwstr>([\d: ]*)</vt:lpwstr>')
# How far the copy grew the boxes of other authors' notes it added lines to, JSON
# {sheet: {cell: [px wider, px taller]}}: the next annotation of the copy takes its lines off and shrinks the
# box back first
GROWN_PROPERTY = "jixiao-notes"
_GROWN_RECORD = re.compile(r'name="jixiao-notes"[^>]*>\s*<vt:lpwstr>([^<]*)</vt:lpwstr>')
# The fill each marked cell had, JSON {sheet: {cell: [colour marked with, fill XML]}}: the
# next annotation gives a cell still in jixiao's colour its own fill back even where a
# program renumbered the cell formats (LibreOffice does; ``jixiao-xf`` then names nothing)
FILLS_PROPERTY = "jixiao-fills"
_FILLS_RECORD = re.compile(r'name="jixiao-fills"[^>]*>\s*<vt:lpwstr>([^<]*)</vt:lpwstr>')


@dataclass(frozen=True)
class Mark:
    """One finding on a cell: the cell is filled with the colour of its worst (lowest
    ``rank``) finding, and its note holds every ``line`` in order."""

    sheet: str
    ref: str
    colour: str  # RRGGBB
    rank: int
    line: str


# sheet → (the hidden rows, the hidden columns, 1-based) shown because they hold a marked cell
Revealed = dict[str, tuple[list[int], list[int]]]


@dataclass(frozen=True)
class ResultRow:
    values: Sequence[str | None]  # None: no cell
    colour: str | None = None  # of the first cell
    link: str | None = None    # where the third cell leads: "'自评表'!F12"


class _Copy:
    """The package's members as the copy will have them."""

    def __init__(self, package: Package) -> None:
        self.package = package
        self.changed: dict[str, bytes] = {}
        self.dropped: set[str] = set()
        self.names = {name.lower() for name in package.members}

    def text(self, part: str) -> str | None:
        data = self.changed.get(part, self.package.members.get(part))
        if data is None or part in self.dropped:
            return None
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            raise CannotEdit(f"{part} is not UTF-8") from None

    def put(self, part: str, text: str) -> None:
        self.changed[part] = text.encode("utf-8")
        self.names.add(part.lower())

    def free(self, pattern: str) -> str:
        """The first part name ``pattern.format(n)`` (n = 1, 2 …) not taken."""
        number = 1
        while pattern.format(number).lower() in self.names:
            number += 1
        self.names.add(pattern.format(number).lower())
        return pattern.format(number)

    def relate(self, source: str, kind: str, target: str) -> str:
        rels = relationships_part(source)
        text, rid = add_relationship(self.text(rels), kind, relative(source, target))
        self.put(rels, text)
        return rid


def write_annotated(package: Package, target: Path, marks: Sequence[Mark],
                    rows: Sequence[ResultRow], *, result_name: str, heading: Sequence[str],
                    author: str, properties: Mapping[str, str], drop_macros: bool,
                    colours: Sequence[str] = (), macro_enabled: bool = False,
                    revealed_rows: Callable[[Revealed], Sequence[ResultRow]] | None = None
                    ) -> None:
    """Write the annotated copy of ``package`` to ``target``. ``result_name``: the findings
    sheet's name (an earlier annotation's sheet of that name, whose first row is
    ``heading``, is replaced; another gets a number: 校验结果2 …). ``colours``: every fill
    jixiao marks cells with; an earlier annotation's marks (fills of these colours,
    jixiao's lines in notes, whatever their author now) are taken off first, so the
    copy of a corrected copy shows only what is wrong now. ``macro_enabled``: the copy is
    an .xlsm (else an .xlsx, a template's copy too): the workbook part's content type.
    The rows and columns the sheets hid that hold a marked cell are shown;
    ``revealed_rows``: the lines the findings sheet ends with that say so."""
    copy = _Copy(package)
    workbook = WorkbookEditor(_need(copy.text(package.workbook_part)))
    workbook_rels = relationships_part(package.workbook_part)
    relations = {rel.id: rel for rel in _rels(copy, package.workbook_part)}
    entries = workbook.entries()
    worksheets = {sheet.name: sheet.part for sheet in package.sheets}
    name, replaced = _result_sheet(package, [entry[0] for entry in entries], result_name, heading)

    styles_part = next((rel.target for rel in relations.values()
                        if rel.type == RELATIONSHIPS + "/styles"), None)
    overrides: dict[str, str | None] = {}
    defaults: dict[str, str] = {}
    if styles_part is None or styles_part not in package.members:
        styles_part = "xl/styles.xml" if styles_part is None else styles_part
        copy.put(styles_part, EMPTY_STYLES)
        overrides[styles_part] = _STYLES_TYPE
        if styles_part not in {rel.target for rel in relations.values()}:
            copy.relate(package.workbook_part, RELATIONSHIPS + "/styles", styles_part)
    styles = StyleEditor(_need(copy.text(styles_part)))
    custom_text = copy.text("docProps/custom.xml") or ""
    recorded = _XF_RECORD.search(custom_text)
    filled = styles.our_filled(colours)
    # formats are taken for clones only in an earlier annotation (its findings sheet, its
    # record): a unit's own cell in one of jixiao's colours is not a mark
    earlier = styles.earlier(colours, recorded.group(1) if recorded else None) \
        if replaced is not None or recorded else {}
    grown_before = _grown(custom_text)
    grown: dict[str, dict[str, tuple[int, int]]] = {}
    found = _FILLS_RECORD.search(custom_text)
    fills_before = fills_record(unescape(found.group(1)) if found else None)
    fills: dict[str, dict[str, list[str]]] = {}
    revealed: Revealed = {}

    by_sheet: dict[str, list[Mark]] = {}
    for mark in marks:
        if mark.sheet in worksheets and mark.sheet != replaced:
            by_sheet.setdefault(mark.sheet, []).append(mark)
    blocks = [block for part in package.members if part.lower().endswith(".vml")
              for block in idmap_blocks(package.members[part].decode("utf-8", "replace"))]
    for sheet_name, part in worksheets.items():
        if sheet_name == replaced:
            continue
        text = _need(copy.text(part))
        noted = _noted(copy, part)
        if sheet_name not in by_sheet and "tabSelected" not in text and not filled \
                and not noted:
            continue
        editor = SheetEditor(text)
        editor.unselect()
        # a copy with the record of fills needs no guess by formats (which takes a unit's
        # own cell in one of jixiao's colours for a clone where a program renumbered them)
        notes, kept = _mark_cells(editor, by_sheet.get(sheet_name, []), styles, Earlier(
            {} if found else earlier, filled, fills_before.get(sheet_name, {}), noted))
        if kept:
            fills[sheet_name] = kept
        if notes or noted:
            block = max(blocks, default=0) + 1
            made, growth = _add_notes(copy, part, editor, notes, author, block, overrides,
                                      defaults, grown_before.get(sheet_name, {}))
            if made:
                blocks.append(block)
            if growth:
                grown[sheet_name] = growth
        copy.put(part, _checked_sheet(editor.result(), text))
        if editor.revealed_rows or editor.revealed_columns:
            revealed[sheet_name] = (sorted(editor.revealed_rows), sorted(editor.revealed_columns))
    for rel in relations.values():
        if rel.type == _CHARTSHEET and rel.target in package.members:
            text = _need(copy.text(rel.target))
            if "tabSelected" in text:
                copy.put(rel.target, unselect_chartsheet(text))

    if replaced is not None:
        index = [entry[0] for entry in entries].index(replaced)
        result_part = worksheets[replaced]
        workbook.show_sheet(index)
        copy.dropped.add(relationships_part(result_part))  # links of its own, if any: not ours
    else:
        result_part = copy.free("xl/worksheets/sheet{}.xml")
        index = workbook.add_sheet(name, copy.relate(package.workbook_part,
                                                     RELATIONSHIPS + "/worksheet", result_part))
        overrides[result_part] = WORKSHEET_TYPE
    if revealed and revealed_rows is not None:
        rows = [*rows, *revealed_rows(revealed)]
    copy.put(result_part, _checked_sheet(results_sheet(rows, styles), None))
    if not any(_dropped_on_opening(other) for other, _, _ in entries[:index]):
        quoted = "'" + name.replace("'", "''") + "'"
        workbook.print_titles(index, f"{quoted}!$1:$1")
    workbook.activate(index)
    if _uncalculated(package) or _stale(package):
        workbook.calculate_on_load()
        copy.put(package.workbook_part, workbook.result())
    else:  # the stored results are shown, as the input's: no program recalculates on opening
        calculated = keep_cached_results(workbook.result())
        well_formed(calculated.encode("utf-8"))
        copy.put(package.workbook_part, calculated)
    styles_text = styles.result()
    well_formed(styles_text.encode("utf-8"))
    copy.put(styles_part, styles_text)

    _list_sheet(copy, [sheet.name for sheet in package.sheets], name)
    custom = next((rel.target for rel in _rels(copy, "") if rel.type == _CUSTOM_RELATIONSHIP), None)
    if custom is not None and custom != "docProps/custom.xml":
        raise CannotEdit("custom properties elsewhere than docProps/custom.xml")
    if custom is None:
        copy.relate("", _CUSTOM_RELATIONSHIP, "docProps/custom.xml")
        overrides["docProps/custom.xml"] = _CUSTOM_TYPE
    members = {**copy.package.members, **copy.changed}
    written = sheets_digest((name, data) for name, data in members.items()
                            if name not in copy.dropped)
    copy.put("docProps/custom.xml", custom_properties(copy.text("docProps/custom.xml"), {
        **properties, XF_PROPERTY: styles.recorded(), SHEETS_PROPERTY: written,
        GROWN_PROPERTY: json.dumps(grown, ensure_ascii=False, sort_keys=True),
        FILLS_PROPERTY: json.dumps(fills, ensure_ascii=False, sort_keys=True)}))

    if drop_macros:
        copy.put(workbook_rels, drop_relationships(_need(copy.text(workbook_rels)), _VBA_RELATIONSHIP))
    overrides[package.workbook_part] = workbook_type(macro_enabled)
    copy.put(_CONTENT_TYPES, content_types(_need(copy.text(_CONTENT_TYPES)), overrides=overrides,
                                           defaults=defaults))
    _write(copy, target)


def _list_sheet(copy: _Copy, worksheets: list[str], name: str) -> None:
    """The findings sheet ``name`` listed in docProps/app.xml (``listed_sheet``), where the
    package has that part and it can be read; else the part is left as it is."""
    app = next((rel.target for rel in _rels(copy, "") if rel.type == _APP_RELATIONSHIP), None)
    try:
        text = copy.text(app) if app is not None else None
        if text is not None:
            listed = listed_sheet(text, worksheets, name)
            if listed != text:
                copy.put(app, listed)  # type: ignore[arg-type]
    except CannotEdit:
        return


def workbook_type(macro_enabled: bool) -> str:
    """The content type of the copy's workbook part: its extension's (Excel refuses a file
    whose type and extension differ): a macro-enabled workbook for an .xlsm, whether or not
    it holds a VBA project, else a workbook (a template's copy too)."""
    return _XLSM_MAIN_TYPE if macro_enabled else _XLSX_MAIN_TYPE


def _need(text: str | None) -> str:
    if text is None:
        raise CannotEdit("a part the package names is missing")
    return text


def _rels(copy: _Copy, part: str) -> list:  # type: ignore[type-arg]
    rels = relationships_part(part)
    text = copy.text(rels)
    if text is None:
        return []
    try:
        return [rel for rel in read_relationships(rels, text.encode("utf-8"))
                if rel.standard and rel.mode != "External"]
    except (ValueError, SyntaxError):
        raise CannotEdit(f"{rels} cannot be read") from None


def _result_sheet(package: Package, names: list[str], base: str,
                  heading: Sequence[str]) -> tuple[str, str | None]:
    """(the findings sheet's name, the name of the sheet it replaces or None)."""
    sheets = {sheet.name: sheet for sheet in package.sheets}
    name, number = base, 1
    while name in names:
        sheet = sheets.get(name)
        if sheet is not None:
            first_row = {cell.column: cell.value for cell in package.cells(sheet) if cell.row == 1}
            if [first_row.get(column) for column in range(1, len(heading) + 1)] == list(heading):
                return name, name
        number += 1
        name = f"{base}{number}"
    return name, None


@dataclass(frozen=True)
class Earlier:
    """What an earlier annotation left on a sheet, to be taken off."""

    clones: Mapping[int, int]  # a cell format it cloned → the format it was cloned from
    filled: Mapping[int, str]  # a cell format in one of jixiao's colours → that colour
    fills: Mapping[str, tuple[str, str]]  # cell → (colour marked with, the fill it had)
    noted: set[str]  # the cells whose note holds jixiao's lines


def _mark_cells(editor: SheetEditor, marks: Sequence[Mark], styles: StyleEditor,
                earlier: Earlier) -> tuple[list[Note], dict[str, list[str]]]:
    """Each marked cell filled; a cell an earlier annotation filled (its format in one of
    jixiao's colours) gets back the look it had: the fill recorded for it (``jixiao-fills``,
    while it still has the colour it was marked with), else (a copy without that record)
    the format its format was cloned from (``StyleEditor.earlier``), else, where jixiao's
    note was on it, no fill.
    A cell filled so with neither is left as it is: jixiao cannot tell it from the unit's
    own. The notes, and the fill each marked cell had (for ``jixiao-fills``)."""
    merges = editor.merged()
    cells: dict[str, list[Mark]] = {}
    for mark in marks:
        try:
            cells.setdefault(editor.writable(mark.ref, merges), []).append(mark)
        except ValueError:
            continue  # not a cell reference
    wanted: dict[str, int] = {}
    for ref, style in (editor.styled(set(earlier.filled)) if earlier.filled else {}).items():
        colour, fill = earlier.fills.get(ref, (None, None))
        if fill is not None and colour == earlier.filled[style]:
            wanted[ref] = styles.refilled(style, fill)
        elif style in earlier.clones:
            wanted[ref] = earlier.clones[style]
        elif ref in earlier.noted:
            wanted[ref] = styles.refilled(style, NO_FILL)
    kept: dict[str, list[str]] = {}
    for ref, items in cells.items():
        style = editor.style_of(ref)
        base = wanted.get(ref, earlier.clones.get(style, style))
        colour = min(items, key=lambda item: item.rank).colour
        wanted[ref] = styles.filled(base, colour)
        if base not in earlier.filled:
            kept[ref] = [colour, styles.fill_of(base)]
    editor.reveal(cells)
    editor.set_styles(wanted)
    return [Note(ref, "\n".join(item.line for item in items), note_height(len(items)))
            for ref, items in cells.items()], kept


def fills_record(text: str | None) -> dict[str, dict[str, tuple[str, str]]]:
    """The record ``FILLS_PROPERTY`` of an earlier annotation, its text ``text`` ({} where
    none or unreadable; a fill not as ``StyleEditor.fill_of`` writes one is left out)."""
    try:
        record = json.loads(text) if text else {}
    except ValueError:
        return {}
    if not isinstance(record, dict):
        return {}
    return {sheet: {ref.upper(): (pair[0], pair[1]) for ref, pair in cells.items()
                    if isinstance(ref, str) and isinstance(pair, list) and len(pair) == 2
                    and all(isinstance(item, str) for item in pair)
                    and is_fill(pair[1])}
            for sheet, cells in record.items() if isinstance(cells, dict)}


def _add_notes(copy: _Copy, part: str, editor: SheetEditor, notes: list[Note], author: str,
               block: int, overrides: dict[str, str | None], defaults: dict[str, str],
               grown_before: Mapping[str, tuple[int, int]]
               ) -> tuple[bool, dict[str, tuple[int, int]]]:
    """The notes into the sheet's comments and VML drawing (made where missing). Whether a
    new VML drawing took shape-id block ``block``; how far the boxes of other authors'
    notes are grown now (cell → px wider, taller), ``grown_before`` by an earlier
    annotation (taken off first). A box of
    jixiao's note whose text is replaced gets the size of a new one."""
    rels = {rel.id: rel for rel in _rels(copy, part)}
    comments = next((rel.target for rel in rels.values()
                     if rel.type == RELATIONSHIPS + "/comments"), None)
    legacy = editor.child("legacyDrawing")
    vml = None
    if legacy is not None:
        tag = start_tag(editor.text, legacy)
        declared = {**namespaces(start_tag(editor.text, editor.root)), **namespaces(tag)}
        prefix = next((name for name, uri in declared.items() if uri == RELATIONSHIPS and name), None)
        rel = rels.get(attribute_value(tag, f"{prefix}:id") or "") if prefix else None
        if rel is None or rel.target not in copy.package.members:
            raise CannotEdit("a legacy drawing that leads nowhere")
        vml = rel.target
    if comments is not None and comments not in copy.package.members:
        raise CannotEdit("a comments part that is missing")
    if comments is None:
        comments = copy.free("xl/comments{}.xml")
        copy.relate(part, RELATIONSHIPS + "/comments", comments)
        overrides[comments] = _COMMENTS_TYPE
    result = comments_part(copy.text(comments), notes, author)
    shaped = result.shaped
    copy.put(comments, result.text)
    if result.removed and vml is not None:
        copy.put(vml, vml_without(_need(copy.text(vml)), result.removed))
    boxes = {ref: Resize(height=height, width=NOTE_WIDTH) for ref, height in result.rewritten.items()}
    for ref, height in result.added_to.items():
        if height or ref in grown_before:
            boxes[ref] = Resize(undone=grown_before.get(ref, (0, 0)), taller=height,
                                width=NOTE_WIDTH if height else 0)
    growth: dict[str, tuple[int, int]] = {}
    if boxes and vml is not None:
        resized, grown = vml_resized(_need(copy.text(vml)), boxes, *editor.pixels())
        copy.put(vml, resized)
        growth = {ref: grown[ref] for ref, height in result.added_to.items()
                  if height and ref in grown}
    made = vml is None and bool(shaped)
    if vml is None and not shaped:
        return False, growth
    if vml is None:
        vml = copy.free("xl/drawings/vmlDrawing{}.vml")
        copy.put(vml, new_vml(block))
        editor.add_legacy_drawing(copy.relate(part, RELATIONSHIPS + "/vmlDrawing", vml))
        defaults["vml"] = _VML_TYPE
    copy.put(vml, vml_with_notes(_need(copy.text(vml)), shaped))
    return made, growth


def _grown(custom: str) -> dict[str, dict[str, tuple[int, int]]]:
    """The record ``GROWN_PROPERTY`` of an earlier annotation ({} where none or unreadable)."""
    found = _GROWN_RECORD.search(custom)
    try:
        record = json.loads(unescape(found.group(1))) if found else {}
    except ValueError:
        return {}
    if not isinstance(record, dict):
        return {}
    return {sheet: {ref.upper(): (sizes[0], sizes[1]) for ref, sizes in cells.items()
                    if isinstance(ref, str) and isinstance(sizes, list) and len(sizes) == 2
                    and all(type(size) is int and 0 <= size < 100_000 for size in sizes)}
            for sheet, cells in record.items() if isinstance(cells, dict)}


def _noted(copy: _Copy, part: str) -> set[str]:
    """The cells of the sheet whose note holds jixiao's lines (``noted_cells``), whoever
    its author now: an earlier annotation's notes."""
    found: set[str] = set()
    for rel in _rels(copy, part):
        if rel.type == RELATIONSHIPS + "/comments":
            found |= noted_cells(copy.text(rel.target))
    return found


def _checked_sheet(text: str, before: str | None) -> str:
    """``text`` if well formed and its elements no further out of CT_Worksheet's order than
    ``before`` (the part as it came: a program may write its own order, which LibreOffice
    and Excel open; what jixiao inserts goes where the schema wants it)."""
    well_formed(text.encode("utf-8"))
    if out_of_order(text) > (0 if before is None else out_of_order(before)):
        raise CannotEdit("a worksheet's elements out of order")
    return text


def _dropped_on_opening(name: str) -> bool:
    """Whether LibreOffice leaves the sheet out when it opens the file: a name Excel's
    dialog refuses (“填表说明/2024”, “资金:2024”, “[资金]”, one that starts or ends with an
    apostrophe). The print titles of the findings sheet after it are then not written: a
    defined name's ``localSheetId`` counts every sheet in the file, LibreOffice's sheets
    fewer, and it refuses the whole file for a name scoped to a sheet it does not have."""
    return bool(NOT_IN_TITLES.search(name)) or name.startswith("'") or name.endswith("'")


def _uncalculated(package: Package) -> bool:
    """Whether a formula was saved without a result (a file written by a program): the
    copy is then calculated on opening, or Excel and WPS would show it empty."""
    return any(cell.formula is not None and cell.value is None
               for sheet in package.sheets if package.may_hold_formulas(sheet)
               for cell in package.cells(sheet))


def _stale(package: Package) -> bool:
    """Whether the input asks to be recalculated on opening and holds formulas (an export
    library's: xlsxwriter stores 0 for each, POI a template's old results): the copy asks
    the same, or Excel and WPS would show those numbers where the input shows what they
    compute. (LibreOffice does not recalculate on opening: ``report.annotate`` gives this
    editor the package storing the results check read.)"""
    return package.calculates_on_load and any(
        cell.formula is not None for sheet in package.sheets if package.may_hold_formulas(sheet)
        for cell in package.cells(sheet))


def results_sheet(rows: Sequence[ResultRow], styles: StyleEditor) -> str:
    """The findings sheet: a bold header, a row per finding (code cell coloured, place
    linked, message wrapped), frozen below the header, printed landscape one page wide."""
    from jixiao.xlsx.refs import column_letters
    from jixiao.xlsx.stream_writer import inline_string

    bold, wrap = styles.plain(font="bold"), styles.plain(wrap=True)
    lines, links = [], []
    for number, row in enumerate(rows, start=1):
        cells = []
        for column, value in enumerate(row.values, start=1):
            if value is None:
                continue
            ref = f"{column_letters(column)}{number}"
            style = bold if number == 1 else (
                styles.plain(colour=row.colour) if column == 1 and row.colour else
                styles.plain(font="link") if column == 3 and row.link else
                wrap if column == 4 else 0)
            style_attribute = f' s="{style}"' if style else ""
            cells.append(f'<c r="{ref}"{style_attribute} t="inlineStr">{inline_string(value)}</c>')
        if row.link:
            links.append(f'<hyperlink ref="C{number}" location="{escape(row.link, quotes=True)}" '
                         f'display="{escape(row.values[2] or "", quotes=True)}"/>')
        lines.append(f'<row r="{number}">{"".join(cells)}</row>')
    widths = "".join(f'<col min="{column}" max="{column}" width="{width}"'
                     + (f' style="{wrap}"' if column == 4 else "") + ' customWidth="1"/>'
                     for column, width in enumerate((8, 6, 16, 90), start=1))
    last = max(len(rows), 1)
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<worksheet xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}">'
            '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
            f'<dimension ref="A1:D{last}"/>'
            '<sheetViews><sheetView tabSelected="1" workbookViewId="0">'
            '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
            '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
            f'<sheetFormatPr defaultRowHeight="15"/><cols>{widths}</cols>'
            f'<sheetData>{"".join(lines)}</sheetData>'
            + (f'<hyperlinks>{"".join(links)}</hyperlinks>' if links else "")
            + '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" '
              'footer="0.3"/><pageSetup paperSize="9" orientation="landscape" fitToWidth="1" '
              'fitToHeight="0"/></worksheet>')


def _write(copy: _Copy, target: Path) -> None:
    """Every member in its order, unchanged ones byte for byte, then the new ones."""
    package = copy.package
    written: set[str] = set()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as out:
        for info in package.infos:
            if info.filename in written or info.filename in copy.dropped:
                continue  # a name twice in the input: once, with the content readers take
            written.add(info.filename)
            fresh = zipfile.ZipInfo(info.filename, info.date_time)
            fresh.compress_type = info.compress_type
            fresh.external_attr = info.external_attr
            fresh.create_system = info.create_system
            out.writestr(fresh, copy.changed.get(info.filename, package.members[info.filename]))
        for name, data in copy.changed.items():
            if name not in written and name not in copy.dropped:
                out.writestr(name, data)


__all__ = ["FILLS_PROPERTY", "Mark", "ResultRow", "Revealed", "WORKSHEET_TYPE", "fills_record", "results_sheet", "workbook_type",
           "write_annotated"]

