"""The Excel add-in ``jixiao.xlam`` (tab 绩效自评) and what its 校验 button runs.

    button      runs
    一键重算    VBA only: ``Application.CalculateFull``, then 总分/评分等级 on the status bar
    校验        ``RunPython "import jixiao_addin; jixiao_addin.check()"`` → ``check()``
    帮助        VBA only: shows the 填写说明 sheet of the active workbook

The add-in is built from source by ``build.py`` (VBA: ``vba/JixiaoRibbon.bas``
plus xlwings' runtime and the JX_ function wrappers); ``jixiao addin install``
copies it with this machine's interpreter written into its ``jixiao.conf``
sheet (``package.py``).

Everything here is thin: the table is read by ``jixiao.template``, checked by
``jixiao.checks``; only the Excel plumbing lives in this module. xlwings is
imported inside the functions that talk to Excel, the pure helpers
(``get_range_from_names``, ``result_rows``, ``hyperlink_formula`` …) are
tested without Excel.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, Protocol

RESULT_SHEET = "校验结果"
TITLE = "绩效自评"
ADDIN_FILE = "jixiao.xlam"
PROJECT_NAME = "jixiao"  # the VBA project; xlwings' settings sheet/file is named after it
# The add-in carries this xlwings version's VBA, which loads this version's DLL
# (xlwings64-<version>.dll); pyproject.toml pins the same version.
XLWINGS_VERSION = "0.37.8"
TEMPLATE_ONLY = "“校验”按钮只适用于用 jixiao 模板（jixiao new）填写的自评表。"

RangeValues = tuple[str, str, list[list[Any]]]  # sheet name, top-left cell "F14", rows
GetRange = Callable[[str], "RangeValues | None"]


class _Values(Protocol):
    value: Any


class _Sheet(Protocol):
    name: str


class RangeLike(Protocol):
    """The part of ``xlwings.Range`` that ``get_range_from_names`` uses."""

    sheet: _Sheet
    address: str  # "$F$14:$F$40"

    def options(self, **options: Any) -> _Values: ...


class _Name(Protocol):
    refers_to_range: RangeLike


class NamesLike(Protocol):
    """The part of ``xlwings`` ``Book.names``/``Sheet.names`` used: ``in`` and ``[]``."""

    def __contains__(self, name: object) -> bool: ...

    def __getitem__(self, name: str) -> _Name: ...


# ------------------------------------------------------------ pure helpers

def plain_address(address: str) -> str:
    """"$F$14:$F$40" → "F14:F40"."""
    return address.replace("$", "")


def top_left(address: str) -> str:
    """"$F$14:$H$40" → "F14"."""
    return plain_address(address).split(":", 1)[0]


def get_range_from_names(*scopes: NamesLike) -> GetRange:
    """The ``get_range`` that ``jixiao.template.table_from_ranges`` wants, over
    defined names: name → (sheet name, top-left cell, 2-d values), or None when
    no scope defines it (or it names a constant/formula, not cells).

    ``scopes`` are searched in order: the workbook's names, then each sheet's.
    """

    def get_range(name: str) -> RangeValues | None:
        for names in scopes:
            try:
                if name not in names:
                    continue
                cells = names[name].refers_to_range
            except Exception:  # a name for a constant or a formula, or a #REF!
                continue
            values = cells.options(ndim=2).value
            return cells.sheet.name, top_left(cells.address), [list(row) for row in values]
        return None

    return get_range


def _quote(text: str) -> str:
    """A string literal inside an Excel formula."""
    return '"' + text.replace('"', '""') + '"'


def hyperlink_formula(sheet: str, cell: str) -> str:
    """A formula that shows ``自评表!F14`` and jumps to that cell when clicked."""
    target = "#'" + sheet.replace("'", "''") + "'!" + cell
    return f"=HYPERLINK({_quote(target)},{_quote(f'{sheet}!{cell}')})"


def _as_text(value: Any) -> Any:
    # Excel would take a text beginning with "=" for a formula.
    if isinstance(value, str) and value.startswith("="):
        return "'" + value
    return value


def result_rows(findings: Sequence[Any]) -> list[list[Any]]:
    """The 校验结果 sheet: ``findings_rows`` with the 位置 column as hyperlinks."""
    from jixiao.checks import findings_rows

    rows = [[_as_text(value) for value in row] for row in findings_rows(findings)]
    where = rows[0].index("位置")
    for row, item in zip(rows[1:], findings, strict=True):
        if item.sheet and item.cell:
            row[where] = hyperlink_formula(item.sheet, item.cell)
    if not findings:
        rows.append(["", "", "", "未发现问题。"])
    return rows


def check_summary(findings: Iterable[Any]) -> str:
    """One line for the status bar, e.g. "校验完成：2 个错误，1 个警告"."""
    from jixiao.checks import SEVERITY_NAMES

    counts: dict[str, int] = {}
    for item in findings:
        counts[item.severity] = counts.get(item.severity, 0) + 1
    if not counts:
        return "校验完成：未发现问题"
    parts = [f"{counts[s]} 个{name}" for s, name in SEVERITY_NAMES.items() if s in counts]
    return "校验完成：" + "，".join(parts) + f"，详见“{RESULT_SHEET}”工作表"


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


def check() -> None:
    """校验: check the active workbook and list the findings on the 校验结果 sheet."""
    from jixiao.checks import run_checks
    from jixiao.errors import JixiaoError, NotASelfEvaluation
    from jixiao.template import table_from_ranges

    book = _active_book()
    scopes = [book.names, *(sheet.names for sheet in book.sheets)]
    try:
        table = table_from_ranges(get_range_from_names(*scopes), origin=book.name)
    except NotASelfEvaluation as error:
        _alert(book, f"{error}。{TEMPLATE_ONLY}")
        return
    except JixiaoError as error:
        _alert(book, str(error))
        return
    findings = run_checks(table)
    _write_results(book, result_rows(findings))
    book.app.status_bar = check_summary(findings)


def _write_results(book: Any, rows: list[list[Any]]) -> None:
    if RESULT_SHEET in [sheet.name for sheet in book.sheets]:
        sheet = book.sheets[RESULT_SHEET]
        sheet.clear()
    else:
        sheet = book.sheets.add(RESULT_SHEET, after=book.sheets[len(book.sheets) - 1])
    sheet["A1"].value = rows
    sheet["A1"].expand("right").font.bold = True
    sheet["A:D"].autofit()
    sheet.activate()


__all__ = [
    "ADDIN_FILE", "PROJECT_NAME", "RESULT_SHEET", "XLWINGS_VERSION", "check", "check_summary",
    "get_range_from_names", "hyperlink_formula", "plain_address", "result_rows", "top_left",
]
