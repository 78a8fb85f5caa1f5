"""An annotated copy of a checked workbook, for the reviewer.

Each finding's cell gets a fill (red for 错误, yellow for 警告, blue for 提示)
and a comment with its code and message; a sheet 校验结果 lists all findings
with hyperlinks to their cells. The original file is never touched: the copy
is written atomically to another path.

The copy is the input's package with only what the annotation needs changed
(``xlsx.annotate_package``): every other part — drawings and text boxes,
sparklines, Excel 2010 validation lists, rich text, formulas and their cached
results, a VBA project — is copied byte for byte. A package those edits cannot
change safely (an odd structure) is written through openpyxl
instead (``report.annotate_openpyxl``), which keeps less. A Strict Open XML workbook is
checked but refused here (``StrictOpenXml``): openpyxl reads none of its cells.

A workbook of jixiao's own template (every formula a JX_ call, or the native template:
``recalc.workbook.recalculate`` with the core engine; or JX_ calls beside formulas of the
unit's own, with recalc's default engine) gets the results ``jixiao recalc`` would store — the same core, the same write-back (``xlsx.writeback``) — so the copy shows
the scores in WPS, LibreOffice or an Excel without the add-in even where the submitted
file showed #NAME? or nothing; the findings about its stored results (JX504) say so.
A workbook that asks to be recalculated on opening (an export library's, its stored
results stale) gets the results check read it with (``recalc.on_load.as_opened``), and
still asks Excel and WPS to recalculate. Any other workbook's formulas are the unit's own:
their results stay as submitted.

Text from the input (sheet names, messages quoting cells) is written as text,
never as a formula, even when it starts with "=".
"""

from __future__ import annotations

import hashlib
import io
import os
import zipfile
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from jixiao.checks import SEVERITIES, SEVERITY_NAMES, Finding, findings_rows
from jixiao.errors import JixiaoError, OutputError, StrictOpenXml, UnreadableWorkbook
from jixiao.fileio import atomic_output, next_name, os_error_text, write_new
from jixiao.report.result import FileResult
from jixiao.xlsx.annotate_package import Mark, ResultRow, Revealed, write_annotated
from jixiao.xlsx.guard import check_package
from jixiao.xlsx.package import CellValue, Package
from jixiao.xlsx.writeback import write_cached_values
from jixiao.xlsx.xmledit import CannotEdit

RESULT_SHEET = "校验结果"
FILLS = {"error": "FFC7CE", "warning": "FFEB9C", "info": "DDEBF7"}
AUTHOR = "jixiao"
NO_FINDINGS = "未发现问题。"


SIMPLIFIED = ("“{name}”的结构无法逐项保留，标注副本经 openpyxl 重写：文本框、迷你图、"
              "单元格内的富文本等内容可能被简化，请以原文件为准")


def own_copy(path: Path) -> bool:
    """Whether the file at ``path`` is an annotated copy jixiao wrote and nobody has edited
    and saved since (``xlsx.marks.unedited``, as batch discovery knows its own):
    the one file a copy in a folder of copies replaces (``annotate``'s ``own_replaced``)."""
    from jixiao.xlsx.marks import ANNOTATED_MARK, unedited

    return unedited(str(path), ANNOTATED_MARK)


def copy_name(output: str | Path) -> Path | None:
    """Where ``annotate(…, keep=True, own_replaced=True)`` writes the copy named ``output``
    now: ``output``, or the first NAME (2).xlsx … that is free or holds jixiao's own
    unedited copy (``own_copy``); None when every name is taken. A batch finds the copy
    an earlier run wrote of a file there (``batch.run``)."""
    return next_name(Path(output), own_copy)


def annotate(source: str | Path, output: str | Path, findings: Sequence[Finding], *,
             derived: bool = False, notes: list[str] | None = None,
             result: FileResult | None = None, keep: bool = False,
             own_replaced: bool = False) -> Path:
    """Write ``output``: a copy of ``source`` with ``findings`` marked on their cells; return
    the name written. ``keep``: a file already at ``output`` is not replaced — the copy goes
    to the first free NAME (2).xlsx … (``fileio.write_new``, as recalc's default output);
    ``own_replaced`` too: but for jixiao's own unedited copy there (``own_copy``), replaced
    (a name jixiao made up in a folder of copies: the reviewer runs again; ``copy_name``).
    ``derived``: jixiao made the name up, so it is never written through a link
    (``fileio.atomic_output``). ``notes``: where to say that the copy was written through
    openpyxl (``SIMPLIFIED``), for the user to be told. ``result``: the check of
    ``source``, whose 总分 lines and notes (注意) the 校验结果 sheet ends with, as the text
    report gives them. A row or column the unit hid that holds a marked cell is shown in
    the copy, and the sheet says so (``REVEALED``)."""
    from jixiao.xlsx.marks import ANNOTATED_MARK, MARK_PROPERTY, SOURCE_PROPERTY

    source, output = Path(source), Path(output)
    if os.path.realpath(output) == os.path.realpath(source):
        raise OutputError(f"标注副本不能覆盖原文件“{source.name}”，请换一个文件名")
    # The copy's type follows its name (Excel refuses a file whose type and extension
    # differ): .xlsm a macro-enabled workbook, anything else an ordinary one; a template's
    # copy is a workbook. Macros (of an .xlsm, an .xltm, or an .xlsm renamed x.xls, whose
    # copy jixiao batch names .xlsm) go only into an .xlsm.
    suffix = source.suffix.lower()
    macros = suffix != ".xlsx" and (suffix in (".xlsm", ".xltm") or zipfile.is_zipfile(source)) \
        and _has_macros(source)
    keep_vba = macros and output.suffix.lower() == ".xlsm"
    if macros and not keep_vba:
        raise OutputError(f"“{source.name}”含宏，标注副本也须以 .xlsm 结尾")
    from jixiao.xlsx.foreign import foreign_format_of, foreign_refusal, unidentified_compound

    kind = foreign_format_of(source)
    if kind is not None:  # checked by its values; it cannot be written back
        raise UnreadableWorkbook(unidentified_compound(source.name, _head(source))
                                 or foreign_refusal(source.name, kind, "制作标注副本"))
    check_package(source)  # the file may have changed since it was checked
    try:
        data = source.read_bytes()  # read once: the copy, and the content it is made of
    except OSError as error:
        raise UnreadableWorkbook(f"无法打开“{source.name}”制作标注副本"
                                 f"（{os_error_text(error)}）") from None
    try:
        package: Package | None = Package(source, data)
    except StrictOpenXml:
        raise  # openpyxl would read no cell of it
    except UnreadableWorkbook:
        package = None  # openpyxl says what it makes of it
    results = _template_results(package) if package is not None else None
    if results:
        findings = [_restated(item) for item in findings]
    digest = hashlib.sha256(data).hexdigest()
    opened = _opened_results(source, data, package, digest, result) \
        if package is not None and not results else None
    marks = [Mark(item.sheet, item.cell, FILLS[item.severity], SEVERITIES.index(item.severity),
                  f"[{item.code} {SEVERITY_NAMES[item.severity]}] {item.message}")
             for item in findings if item.sheet is not None and item.cell]
    sheets = {sheet.name for sheet in package.sheets} if package is not None else None
    heading, *lines = findings_rows(findings)
    rows = [ResultRow(heading)] + [
        ResultRow(line, FILLS[item.severity], _location(item) if item.sheet and item.cell and (
            sheets is None or item.sheet in sheets) else None)
        for line, item in zip(lines, findings, strict=True)]
    if not findings:
        rows.append(ResultRow([None, None, None, NO_FINDINGS]))
    if result is not None:
        rows.extend(_report_rows(result))
    properties = {MARK_PROPERTY: ANNOTATED_MARK, SOURCE_PROPERTY: digest}
    drop_macros = not keep_vba and source.suffix.lower() in (".xlsm", ".xltm")

    def fill(temporary: Path) -> None:
        try:
            if package is None:
                raise CannotEdit("not a package jixiao reads")
            stored = results or opened
            made_of = _with_results(package, source, stored, not results) if stored else package
            write_annotated(made_of, temporary, marks, rows, result_name=RESULT_SHEET,
                            heading=heading, author=AUTHOR, properties=properties,
                            drop_macros=drop_macros, colours=list(FILLS.values()),
                            macro_enabled=output.suffix.lower() == ".xlsm",
                            revealed_rows=_revealed_rows)
        except (CannotEdit, ValueError):
            from jixiao.report.annotate_openpyxl import write_with_openpyxl

            if notes is not None:
                notes.append(SIMPLIFIED.format(name=source.name))

            write_with_openpyxl(source, data, temporary, marks, rows, keep_vba=keep_vba,
                                result_name=RESULT_SHEET, heading=heading, author=AUTHOR,
                                properties=properties, colours=[
                                    colour.upper() for colour in FILLS.values()],
                                macro_enabled=output.suffix.lower() == ".xlsm",
                                results=results, revealed_rows=_revealed_rows)

    if keep:  # nothing replaced but jixiao's own copy, no link followed
        return write_new(output, fill, own_copy if own_replaced else None)
    with atomic_output(output, derived=derived) as temporary:
        fill(temporary)
    return output


TOTAL_LABEL = "总分"
NOTE_LABEL = "注意"
REVEALED = "已取消隐藏工作表“{sheet}”中的 {places}（其中有标注的单元格），以便看到标注；原文件未改动"


def _report_rows(result: FileResult) -> list[ResultRow]:
    """After the findings, a blank row, then each table's 总分 line and the file's notes,
    as the text report words them (``report.text``)."""
    from jixiao.report.text import total_line

    rows = [ResultRow([None, None, None, None])]
    for number, checked in enumerate(result.tables, start=1):
        name = checked.table.project.name or "（未写项目名称）"
        where = f"表 {number}/{len(result.tables)}（{name}）：" if len(result.tables) > 1 else ""
        rows.append(ResultRow([TOTAL_LABEL, None, None, where + total_line(checked)]))
    rows.extend(ResultRow([NOTE_LABEL, None, None, note]) for note in result.notes)
    return rows


def _revealed_rows(revealed: Revealed) -> list[ResultRow]:
    """A 注意 line per sheet whose hidden rows or columns the copy shows."""
    from jixiao.xlsx.refs import column_letters

    rows = []
    for sheet, (row_numbers, columns) in revealed.items():
        places = [f"第 {'、'.join(map(str, row_numbers))} 行"] if row_numbers else []
        if columns:
            places.append(f"{'、'.join(column_letters(column) for column in columns)} 列")
        rows.append(ResultRow([NOTE_LABEL, None, None,
                               REVEALED.format(sheet=sheet, places="和".join(places))]))
    return rows


RESTATED = "（以上指提交的文件；本标注副本已存入 jixiao 重新计算的结果，与 jixiao recalc 所存相同）"


def _template_results(package: Package) -> dict[str, dict[str, CellValue]] | None:
    """What ``jixiao recalc`` would store in a workbook of jixiao's template: only JX_
    calls, or the native template (the core engine computes it exactly), or JX_ calls
    beside formulas of the unit's own (=E7+E8+E9 in 年度资金总额, =100% as a target:
    recalc's default engine, whose results ``jixiao check`` agrees with); None for any
    other workbook, whose formulas are its own, and for one without formulas. A formula
    of the unit's own that engine cannot compute (a function it lacks) keeps the result
    stored (recalc's would be the engine's error, not what Excel shows); where a JX_ call
    is among them, nothing is changed (None): the copy would still show #NAME? there."""
    from jixiao.recalc.workbook import recalculate

    try:
        values = recalculate(package, engine="core").values
    except JixiaoError:
        if not _calls_jx(package):
            return None
        try:
            computed = recalculate(package, engine="auto")
        except JixiaoError:
            return None
        kept = {(source.sheet, source.cell) for source in computed.uncomputed}
        formulas = _formulas(package)
        if any("JX_" in formulas.get(place, "").upper() for place in kept):
            return None
        values = {sheet: {ref: value for ref, value in cells.items() if (sheet, ref) not in kept}
                  for sheet, cells in computed.values.items()}
    return values if any(values.values()) else None


def _calls_jx(package: Package) -> bool:
    """Whether a formula of the workbook calls a JX_ function (jixiao's template: a program
    without them shows #NAME? there, or nothing)."""
    return any("JX_" in text.upper() for text in _formulas(package).values())


def _formulas(package: Package) -> dict[tuple[str, str], str]:
    """(sheet, cell) → formula text, of every formula cell."""
    return {(sheet.name, cell.ref): cell.formula.text for sheet in package.sheets
            if package.may_hold_formulas(sheet) for cell in package.cells(sheet)
            if cell.formula is not None and cell.formula.text}


def _restated(item: Finding) -> Finding:
    """A finding about the results the submitted file stores, as the copy tells it: the copy
    stores the recalculated ones."""
    if item.code != "JX504":
        return item
    return replace(item, message=f"{item.message.rstrip('。')}{RESTATED}")


def _opened_results(source: Path, data: bytes, package: Package, digest: str,
                    result: FileResult | None = None) -> dict[str, dict[str, CellValue]] | None:
    """The results a workbook that asks to be recalculated on opening was checked with
    (``recalc.on_load.as_opened``: an export library's, its stored results 0 or a
    template's old ones), where they differ from those it stores; None for any other
    workbook. The copy stores them, or LibreOffice (which by default does not recalculate
    an .xlsx on opening), openpyxl and previewers would show the stale numbers beside a
    校验结果 sheet that quotes the computed ones. ``result``: the check of this content
    (``digest``, its SHA-256, the same), whose copy read as opened is taken, not computed
    again."""
    if not package.calculates_on_load:
        return None
    from jixiao.recalc.on_load import as_opened

    try:
        if result is not None and result.opened is not None and result.opened[0] == digest:
            computed = Package(source, result.opened[1])
        else:
            computed = Package(source, as_opened(source, data).data)
    except JixiaoError:
        return None
    stored = {sheet.name: {cell.ref: cell.value for cell in package.cells(sheet)}
              for sheet in package.sheets if package.may_hold_formulas(sheet)}
    changed: dict[str, dict[str, CellValue]] = {}
    for sheet in computed.sheets:
        if sheet.name not in stored:
            continue
        before = stored[sheet.name]
        for cell in computed.cells(sheet):
            if cell.ref in before and cell.value != before[cell.ref]:
                changed.setdefault(sheet.name, {})[cell.ref] = cell.value
    return changed or None


def _with_results(package: Package, source: Path, results: dict[str, dict[str, CellValue]],
                  keep_calculation: bool) -> Package:
    """``package`` storing ``results`` as ``jixiao recalc`` writes them
    (``write_cached_values``), in memory, for the copy to be made of: its record of the
    sheets as written (``xlsx.marks``) then names them with these results.
    ``keep_calculation``: the copy still asks to be recalculated on opening (Excel and WPS
    compute the same results again)."""
    names = {sheet.name for sheet in package.sheets}
    buffer = io.BytesIO()
    write_cached_values(package, buffer, {name: cells for name, cells in results.items()
                                          if name in names}, keep_calculation=keep_calculation)
    return Package(source, buffer.getvalue())


def _location(item: Finding) -> str:
    """A link within the workbook (the location attribute, no relationship): Excel, WPS and
    LibreOffice all follow it."""
    return f"'{item.sheet.replace(chr(39), chr(39) * 2)}'!{item.cell}"


def _head(path: Path) -> bytes:
    """What tells an OLE2 file's kind (``foreign.file_ends``: such a file whole); b"" if
    it cannot be read (the refusal then says what ``foreign_format_of`` told)."""
    from jixiao.xlsx.foreign import file_ends

    try:
        return file_ends(path)[0]
    except OSError:
        return b""


def _has_macros(path: Path) -> bool:
    """Whether an .xlsm holds a VBA project (an .xlsm saved without macros may be copied
    as an .xlsx)."""
    try:
        with zipfile.ZipFile(path) as archive:
            return any(name.lower().endswith("vbaproject.bin") for name in archive.namelist())
    except (OSError, zipfile.BadZipFile):
        return True  # unreadable here: the check of the package says why, not this
