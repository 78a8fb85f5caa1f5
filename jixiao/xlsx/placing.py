"""Where each row and cell of a sheet's XML stands: its own ``r=``, or, written without
one, after the one before (ECMA-376 §18.3.1.73, §18.3.1.4 — the .NET Open XML SDK and
some exporters leave them out). One scan, read by ``package.Package`` (each cell's span)
and by ``with_references``, which writes them in for openpyxl and the formulas package."""

from __future__ import annotations

import re
from collections.abc import Iterator

from jixiao.xlsx.refs import column_letters, split_ref
from jixiao.xlsx.xml import ATTRIBUTES, element_content

# Every pattern below is linear in the text, whatever it holds (see ``xlsx.xml.ATTRIBUTES``),
# and comments, processing instructions and CDATA sections are skipped whole — so 60,000
# unclosed <c r=…> in a comment are passed over once, not searched from each of them to
# the end of the sheet.
_SKIPPED = r"!--.*?(?:-->|\Z)|\?.*?(?:\?>|\Z)|!\[CDATA\[.*?(?:\]\]>|\Z)"
_SHEET_DATA = re.compile(rf"<((?:[\w.-]+:)?)sheetData(?=[\s/>]){ATTRIBUTES}(/?)>")
_ITEM = re.compile(rf"<(?:{_SKIPPED}|((?:[\w.-]+:)?)(?:row(?=[\s/>])({ATTRIBUTES})>"
                   rf"|c(?=[\s/>])({ATTRIBUTES})(?:/>|>({element_content('c', 'row')})</\1c\s*>)))", re.S)
_R = re.compile(r"""\sr\s*=\s*["']([^"']*)["']""")


def placed(text: str) -> Iterator[tuple[re.Match[str], int, int, bool]]:
    """Each ``<row>`` (column 0) and ``<c>`` of the sheet data, the row and column it
    stands at, and whether its ``r=`` says so: a row without one follows the row before,
    a cell without one the cell before in its row (ECMA-376 §18.3.1.73, §18.3.1.4)."""
    opening = _SHEET_DATA.search(text)
    if opening is None or opening.group(2):
        return
    closing = text.find(f"</{opening.group(1)}sheetData>", opening.end())
    end = closing if closing >= 0 else len(text)
    row = column = 0
    for match in _ITEM.finditer(text, opening.end(), end):
        prefix, row_attrs, attrs, _ = match.groups()
        if prefix is None:
            continue  # a comment, processing instruction or CDATA section
        if row_attrs is not None:
            given = _R.search(row_attrs)
            row, column = (int(given.group(1)) if given else row + 1), 0
        else:
            given = _R.search(attrs)
            if given:
                row, column = split_ref(given.group(1))
            else:
                column += 1
        yield match, row, column, given is not None


def with_references(text: str) -> str:
    """The sheet XML ``text`` with an ``r=`` on each ``<row>`` and ``<c>`` written without
    one, where ``placed`` puts it; the text itself when each has its own. openpyxl and the
    formulas package read the values of cells without their reference, but not their
    formulas: a shared formula is moved from the cell's ``r=`` (a TypeError without it),
    and each formula is keyed by it."""
    pieces, position = [], 0
    for match, row, column, given in placed(text):
        if given:
            continue
        is_row = match.group(2) is not None
        at = match.start(2) if is_row else match.start(3)
        pieces += [text[position:at], f' r="{row}"' if is_row else
                   f' r="{column_letters(column)}{row}"']
        position = at
    return text if not pieces else "".join(pieces) + text[position:]


__all__ = ["placed", "with_references"]
