"""Formulas that read another workbook (external links): kept, not recomputed.

``=[1]汇总!B2`` takes its number from a file jixiao never opens (``general.this_file_only``).
Excel keeps what it last read there in the cell (``<v>``) and in the link part
(``xl/externalLinks/externalLink1.xml``); recalculation keeps that value as the cell's result,
a constant, and computes the cells that depend on it from it, in both engines. Without a
stored value the cell shows #REF!, as Excel shows a link it cannot read, and says that the
other workbook is not available.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jixiao.xlsx.external import LinkedBook, linked_books
from jixiao.xlsx.package import CellValue, ExcelError, Package
from jixiao.xlsx.refs import FORMULA_STRING

_SHEET = r"[^\s'!(),:;\"&=<>+\-*/^%{}\[\]]+"
# a reference into another workbook: '[1]汇总 表'!A1, 'D:\预算\[a.xlsx]表'!A1, [1]汇总!A1,
# [a.xlsx]表!A1, [1]!预算合计 — not [1]!JX_SCORE( (the add-in's function), not 表1[金额]
_EXTERNAL = re.compile(r"'(?:[^']|'')*\[(?:[^'\]]|'')+\](?:[^']|'')*'!"
                       rf"|(?<![\w\]\[])\[[^\[\]'\"]+\](?:{_SHEET}!|!(?![A-Za-z_][\w.]*\s*\())")
# the whole formula is one cell of linked workbook n: =[1]汇总!$B$2, ='[1]汇总 表'!B2
_ONE_CELL = re.compile(rf"=?\s*(?:'\[(\d+)\]((?:[^']|'')+)'|\[(\d+)\]({_SHEET}))!"
                       r"\$?([A-Za-z]{1,3})\$?(\d+)\s*")


@dataclass(frozen=True)
class Linked:
    """A formula cell that reads another workbook, and the value recalculation keeps."""

    sheet: str
    ref: str
    value: CellValue   # as Excel last read it; None: nothing stored, the cell shows #REF!
    book: str          # the other workbook, as the clerk knows it ("" when not named)
    from_link: bool    # the value came from the link part, the cell had none

    @property
    def result(self) -> CellValue:
        return ExcelError("#REF!") if self.value is None else self.value

    @property
    def reason(self) -> str:
        """What the report says of the cell (Chinese)."""
        book = f"“{self.book}”" if self.book else ""
        if self.value is None:
            return (f"引用的其他工作簿{book}未打开（jixiao 从不打开其他文件），"
                    "文件中也没有保存它的值")
        where = "外部链接中" if self.from_link else "文件中"
        return f"引用其他工作簿{book}，保留{where}保存的值 {shown(self.value)}"


def refers_elsewhere(text: str) -> bool:
    """Whether the formula ``text`` reads a cell or name of another workbook."""
    return "[" in text and _EXTERNAL.search(FORMULA_STRING.sub('""', text)) is not None


def linked_cells(package: Package) -> dict[tuple[str, str], Linked]:
    """(sheet, cell) → ``Linked`` of every formula that reads another workbook. An array
    formula over several cells is left to the engines (it shows #REF!). A stored error
    (Excel could not read the link either) is no value."""
    found: dict[tuple[str, str], Linked] = {}
    books = None
    for sheet in package.sheets:
        if not package.may_hold_formulas(sheet) or b"[" not in package.members.get(sheet.part, b""):
            continue
        shared: dict[str, str] = {}  # si → the master's formula, when it reads another workbook
        for cell in package.cells(sheet):
            formula = cell.formula
            if formula is None:
                continue
            text = formula.text or ""
            if formula.kind == "shared" and formula.shared_index is not None:
                if text:
                    if refers_elsewhere(text):
                        shared[formula.shared_index] = text
                elif formula.shared_index in shared:
                    text = shared[formula.shared_index]
            if not text or not refers_elsewhere(text):
                continue
            if formula.kind == "array" and formula.area and ":" in formula.area \
                    and len({part.replace("$", "") for part in formula.area.split(":")}) > 1:
                continue
            if books is None:
                books = linked_books(package.members, package.workbook_part)
            value, from_link = cell.value, False
            one = _ONE_CELL.fullmatch(text) if not formula.text or formula.text == text else None
            if (value is None or isinstance(value, ExcelError)) and one is not None:
                number = int(one.group(1) or one.group(3))
                linked_sheet = (one.group(2) or "").replace("''", "'") or one.group(4)
                book = books.get(number)
                cached = book.cached.get(linked_sheet.upper(), {}) if book else {}
                value = cached.get(f"{one.group(5)}{one.group(6)}".upper())
                from_link = value is not None and not isinstance(value, ExcelError)
            if isinstance(value, ExcelError):
                value = None
            found[(sheet.name, cell.ref)] = Linked(sheet.name, cell.ref, value,
                                                   _book_of(text, books), from_link)
    return found


def _book_of(text: str, books: dict[int, LinkedBook]) -> str:
    match = _EXTERNAL.search(FORMULA_STRING.sub('""', text))
    if match is None:
        return ""
    quoted = match.group().startswith("'")
    inner = match.group()[1:-2] if quoted else match.group()
    folder, _, rest = inner.partition("[")
    name = rest.split("]", 1)[0]
    if name.isdigit():
        book = books.get(int(name))
        return book.target if book is not None else ""
    return folder.replace("''", "'") + name


def shown(value: CellValue) -> str:
    """A kept value as the report quotes it: 320, “已完成”, TRUE."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return f"{value:.15g}".replace("e", "E")  # Excel's General, without the formulas package
    return f"“{value}”"


__all__ = ["Linked", "linked_cells", "refers_elsewhere", "shown"]
