"""The Excel add-in ``jixiao.xlam`` (tab 绩效自评) and what its 校验 button runs.

    button      runs
    一键重算    VBA only: ``Application.CalculateFull``, then 总分/评分等级 on the status bar
    校验        ``RunPython "import jixiao_addin; jixiao_addin.check()"`` → ``check()``
    帮助        VBA only: shows the 填写说明 sheet of the active workbook

校验 checks any workbook open in Excel, not only one made from the template: a
received file in the standard, 四川 or attachment layout is checked as
``jixiao check`` checks it, because it *is* checked by ``jixiao check``'s own
``check_workbook``, on a copy. ``check_book`` is the whole COM sequence:

1. Excel writes a copy of the active workbook with ``Workbook.SaveCopyAs`` into a
   private temporary folder, under the workbook's own name and extension
   (.xlsx/.xlsm/.xls …), so the messages name the clerk's file. SaveCopyAs leaves
   the open workbook alone: its path, its name and its unsaved changes (``Saved``).
   The copy holds what Excel shows, unsaved edits included.
2. ``jixiao.pipeline.check_workbook`` reads and checks the copy, exactly as the
   command line does; then the temporary folder is deleted, whatever happened.
3. The findings go to the 校验结果 sheet (代码, 级别, 位置 as a hyperlink to the
   cell, 说明; a clerk's own sheet of that name is left alone, see
   ``_results_sheet``), the counts to the status bar. A file jixiao cannot check gives one
   alert, "无法校验：…" — the line ``jixiao check`` prints for it; any other
   failure, one Chinese alert too: never a Python traceback dialog in Excel.

Every text that comes from the workbook (messages quote cells; sheet names may
read ``=cmd|' /C calc'!A0``) is written with Excel's text prefix ``'``, so Excel
stores it as typed and never as a formula, number or date; the only formulas
written are the HYPERLINKs built here, with the sheet name quoted inside string
literals.

The add-in is built from source by ``build.py`` (VBA: ``vba/JixiaoRibbon.bas``
plus xlwings' runtime and the JX_ function wrappers); ``jixiao addin install``
copies it with this machine's interpreter written into its ``jixiao.conf``
sheet (``package.py``). xlwings is imported only inside ``_active_book``; the
rest is tested without Excel against a recorded fake of the few xlwings
objects used (tests/addin/test_addin_check.py).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

RESULT_SHEET = "校验结果"
TITLE = "绩效自评"
ADDIN_FILE = "jixiao.xlam"
PROJECT_NAME = "jixiao"  # the VBA project; xlwings' settings sheet/file is named after it
# The add-in carries this xlwings version's VBA, which loads this version's DLL
# (xlwings64-<version>.dll); pyproject.toml pins the same version.
XLWINGS_VERSION = "0.37.8"

CANNOT_CHECK = "无法校验："  # the line ``jixiao check`` prints for a file it cannot check
HEADER = ["代码", "级别", "位置", "说明"]
NOTHING_FOUND = "未发现问题。"
NOTE = "注意："  # a sheet skipped (too many rows), as ``jixiao check`` says it

# XlFileFormat of a workbook never saved (工作簿1): the extension its copy gets.
_FILE_FORMATS = {51: ".xlsx", 52: ".xlsm", 56: ".xls", 50: ".xlsb", 60: ".ods"}
_CELL_TEXT_LIMIT = 32767  # characters Excel keeps in one cell
_LITERAL_LIMIT = 255      # characters of one string literal inside an Excel formula
_A1 = re.compile(r"\$?[A-Z]{1,3}\$?[0-9]{1,7}(?::\$?[A-Z]{1,3}\$?[0-9]{1,7})?")


# ------------------------------------------------------------ pure helpers

def _quote(text: str) -> str:
    """A string literal inside an Excel formula."""
    return '"' + text.replace('"', '""') + '"'


def hyperlink_formula(sheet: str, cell: str | None = None) -> str | None:
    """A formula that shows ``自评表!F14`` (or, without a cell, the sheet name) and
    jumps to that cell (to A1 of the sheet) when clicked; None when Excel could
    not hold it (a literal over 255 characters: an .ods sheet name may be long)."""
    if cell is not None and not _A1.fullmatch(cell):
        return None
    target = "#'" + sheet.replace("'", "''") + "'!" + (cell or "A1")
    shown = f"{sheet}!{cell}" if cell else sheet
    if max(len(target), len(shown)) + shown.count('"') + target.count('"') > _LITERAL_LIMIT:
        return None
    return f"=HYPERLINK({_quote(target)},{_quote(shown)})"


def as_text(value: Any) -> Any:
    """A value Excel stores as the very text given: ``'`` in front of every text
    (Excel's text prefix, not part of the value), so ``=…``, ``+…``, ``-…``,
    ``@…``, ``1/2`` or ``001`` from a workbook never become a formula, date or
    number. Clipped to what one cell holds."""
    if isinstance(value, str):
        return "'" + value[:_CELL_TEXT_LIMIT]
    return value


def result_rows(findings: Sequence[Any], notes: Iterable[str] = ()) -> list[list[Any]]:
    """The 校验结果 sheet: one row per finding (代码, 级别, 位置, 说明), 位置 a
    hyperlink to the cell; then, after a blank row, the sheets ``jixiao check``
    skipped (its "注意：" lines)."""
    from jixiao.checks import SEVERITY_NAMES

    rows = [[as_text(text) for text in HEADER]]
    for item in findings:
        where = hyperlink_formula(item.sheet, item.cell) if item.sheet else None
        if where is None:
            where = as_text(item.where) if item.where else ""
        rows.append([as_text(item.code), as_text(SEVERITY_NAMES[item.severity]), where,
                     as_text(item.message)])
    if not findings:
        rows.append(["", "", "", as_text(NOTHING_FOUND)])
    notes = list(notes)
    if notes:
        rows.append(["", "", "", ""])
        rows.extend(["", "", "", as_text(NOTE + note)] for note in notes)
    return rows


def counts_text(findings: Iterable[Any]) -> str:
    """"2 个错误，1 个警告" (severities in order), or "未发现问题"."""
    from jixiao.checks import SEVERITY_NAMES

    counts: dict[str, int] = {}
    for item in findings:
        counts[item.severity] = counts.get(item.severity, 0) + 1
    if not counts:
        return "未发现问题"
    return "，".join(f"{counts[s]} 个{name}" for s, name in SEVERITY_NAMES.items() if s in counts)


def check_summary(findings: Sequence[Any]) -> str:
    """One line for the status bar, e.g. "校验完成：2 个错误，1 个警告，详见“校验结果”工作表"."""
    if not findings:
        return "校验完成：未发现问题"
    return f"校验完成：{counts_text(findings)}，详见“{RESULT_SHEET}”工作表"


def copy_name(name: str, folder: str | None, file_format: Any) -> str:
    """The file name of the copy checked: the workbook's own name (so that the
    messages name the clerk's file), extension included. A workbook never saved
    (``folder`` "", e.g. "工作簿1") gets the extension of its file format."""
    # a workbook's name is never a path; only this system's separators could make it one
    # (a backslash is an ordinary character of a file name outside Windows)
    name = Path(name.replace(os.sep, "/")).name or "工作簿"
    if folder == "" and not Path(name).suffix:
        name += _FILE_FORMATS.get(file_format, ".xlsx")
    return name


def _error_text(error: BaseException) -> str:
    """What an exception says, COM errors included: pywintypes.com_error carries
    (hresult, text, (…, source, description, …), argerror); the description is
    Excel's own sentence, in Excel's language."""
    args = getattr(error, "args", ())
    if len(args) >= 3 and isinstance(args[2], tuple) and len(args[2]) >= 3 and args[2][2]:
        return str(args[2][2]).strip().rstrip("。.")  # Excel's sentence, inside our own
    if len(args) >= 2 and isinstance(args[1], str) and args[1]:
        return args[1].strip().rstrip("。.")
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


# ------------------------------------------------------------ Excel side

def _active_book() -> Any:
    """The workbook the user was looking at when the button was pressed.

    RunPython passes the active workbook (not the add-in) to ``Book.caller()``;
    outside Excel (``python -c "import jixiao_addin; jixiao_addin.check()"``) the
    active book of the active Excel instance is used.
    """
    import xlwings as xw

    try:
        return xw.Book.caller()
    except Exception:
        return xw.apps.active.books.active


def _alert(book: Any, message: str) -> None:
    try:
        book.app.alert(message, title=TITLE, mode="critical")
    except Exception:  # alert is not available on every platform/version
        book.app.status_bar = message


@contextlib.contextmanager
def saved_copy(book: Any) -> Iterator[Path]:
    """A copy of ``book`` as Excel writes it (``Workbook.SaveCopyAs``), in a private
    temporary folder that is deleted on leaving, whatever happened inside."""
    from jixiao.errors import OutputError

    api = book.api
    try:
        folder, file_format = api.Path, api.FileFormat
    except Exception:  # Excel cannot say: the copy is named after the workbook alone
        folder, file_format = None, None
    name = copy_name(book.name, folder, file_format)
    private = tempfile.mkdtemp(prefix="jixiao-check-")  # readable by this user only
    try:
        copy = Path(private) / name
        try:
            api.SaveCopyAs(os.fspath(copy))
        except Exception as error:
            raise OutputError(f"Excel 无法为校验另存“{name}”的副本（{_error_text(error)}）。"
                              "请检查临时文件夹的空间和权限后再试") from None
        yield copy
    finally:
        _remove(Path(private))


def _remove(folder: Path, attempts: int = 10) -> None:
    """Delete the temporary folder; on Windows a virus scanner may hold the fresh
    copy open for a moment, so try again briefly before leaving it to the system."""
    for attempt in range(attempts):
        try:
            shutil.rmtree(folder)
            return
        except FileNotFoundError:
            return
        except OSError:
            if attempt + 1 < attempts:
                time.sleep(0.1)


def check_book(book: Any) -> None:
    """校验 on one workbook: the COM sequence (see the module docstring)."""
    from jixiao.errors import JixiaoError
    from jixiao.pipeline import check_workbook

    try:
        with saved_copy(book) as copy:
            result = check_workbook(copy)
    except JixiaoError as error:
        _alert(book, str(error))
        return
    if result.error:  # (a 自评结果汇总表 is no failure: its line says what it is, as check's)
        _alert(book, result.error if result.results_summary else CANNOT_CHECK + result.error)
        return
    try:
        _write_results(book, result_rows(result.findings, result.notes))
    except Exception as error:  # a protected workbook structure or sheet
        _alert(book, f"校验完成（{counts_text(result.findings)}），但无法写入“{RESULT_SHEET}”"
                     f"工作表（{_error_text(error)}）。如果工作簿或该工作表受保护，请先撤销保护再校验")
        return
    book.app.status_bar = check_summary(result.findings)


def check() -> None:
    """校验: check the active workbook and list the findings on the 校验结果 sheet.

    The entry RunPython calls: nothing escapes it, so Excel never shows a Python
    traceback; a failure is one Chinese alert."""
    book = None
    try:
        book = _active_book()
        check_book(book)
    except Exception as error:  # a bug or a dead Excel: tell the user in one line
        message = (f"校验时出现内部错误（{_error_text(error)}），"
                   "请将此工作簿反馈给 jixiao 维护者")
        if book is None:
            raise RuntimeError(message) from None  # no Excel to show it in: xlwings reports it
        with contextlib.suppress(Exception):
            _alert(book, message)


def _results_sheet(book: Any) -> Any:
    """The 校验结果 sheet of an earlier press (or of ``jixiao check --annotate``),
    cleared; a new one after the last sheet when there is none. A sheet of that
    name that is not ours (its first row is not 代码 | 级别 | 位置 | 说明 — a clerk's
    review log may start with 代码 too) is the clerk's: it is left as it is, and the
    results go to 校验结果2 (3 …)."""
    names = [sheet.name for sheet in book.sheets]
    name, number = RESULT_SHEET, 1
    while name in names:
        sheet = book.sheets[name]
        if list(sheet["A1:D1"].value or ()) == HEADER:
            sheet.clear()
            return sheet
        number += 1
        name = f"{RESULT_SHEET}{number}"
    return book.sheets.add(name, after=book.sheets[len(book.sheets) - 1])


def _write_results(book: Any, rows: list[list[Any]]) -> None:
    sheet = _results_sheet(book)
    sheet["A1"].value = rows
    sheet["A1"].expand("right").font.bold = True
    sheet["A:D"].autofit()
    sheet.activate()


__all__ = [
    "ADDIN_FILE", "PROJECT_NAME", "RESULT_SHEET", "XLWINGS_VERSION", "as_text", "check",
    "check_book", "check_summary", "copy_name", "counts_text", "hyperlink_formula",
    "result_rows", "saved_copy",
]
