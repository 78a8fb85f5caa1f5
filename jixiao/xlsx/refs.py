"""A1 references: column letters ↔ numbers, "H13" ↔ (row, column), an area's cells, the
string literals of a formula (text in which nothing is a reference), and a whole column's
INDEX at a row counted from a ROW() (``INDEX(H:H,ROW()-1)``) written as the cell it gives."""

from __future__ import annotations

import re

_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d+)")
_MAX_ROW = 1_048_576
FORMULA_STRING = re.compile(r'"(?:[^"]|"")*"')  # "a ""quoted"" text" in a formula
# INDEX(H:H,ROW()-1), INDEX(H:H,ROW(H12)+1): a whole column at a row counted from the
# formula's own row or from a cell's
_ROW_INDEX = re.compile(r"(?<![\w.])INDEX\(\s*(\$?)([A-Za-z]{1,3})\s*:\s*\$?\2\s*,"
                        r"\s*ROW\(\s*(?:\$?[A-Za-z]{1,3}\$?(\d+))?\s*\)"
                        r"\s*(?:([+-])\s*(\d+)\s*)?\)", re.IGNORECASE)


def column_letters(number: int) -> str:
    """1 → A, 28 → AB, 16384 → XFD."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_number(letters: str | bytes) -> int:
    """A → 1, "ab" → 28, b"XFD" → 16384 (letters of any case, as text or ASCII bytes)."""
    number = 0
    for code in (letters.encode() if isinstance(letters, str) else letters).upper():
        number = number * 26 + code - 64
    return number


def split_ref(ref: str) -> tuple[int, int]:
    """"H13" or "$H$13" → (row 13, column 8)."""
    match = _REF.fullmatch(ref.strip())
    if match is None:
        raise ValueError(f"not a cell reference: {ref!r}")
    return int(match.group(2)), column_number(match.group(1))


def split_area(area: str) -> tuple[int, int, int, int]:
    """"D13:E14" → (top 13, left 4, bottom 14, right 5); "D13" → (13, 4, 13, 4)."""
    first, _, last = area.partition(":")
    top, left = split_ref(first)
    bottom, right = split_ref(last) if last else (top, left)
    return top, left, bottom, right


def area_cells(area: str) -> list[list[str]]:
    """"D13:E14" → [["D13", "E13"], ["D14", "E14"]]."""
    top, left, bottom, right = split_area(area)
    return [[f"{column_letters(column)}{row}" for column in range(left, right + 1)]
            for row in range(top, bottom + 1)]


def resolved_row_index(text: str, row: int) -> str:
    """``text`` (the formula of a cell in ``row``) with each INDEX(H:H,ROW()-n) written as
    the cell it gives, ``H{row - n}`` (``#REF!`` off the sheet), and INDEX(H:H,ROW(H12)+n)
    as ``H{12 + n}``: how jixiao's template's 总分 reads its rows, from the row below the
    indicator header down to the row above its own (``layout.above_total``)."""
    if "INDEX" not in text.upper():
        return text
    strings = [(match.start(), match.end()) for match in FORMULA_STRING.finditer(text)]

    def cell(match: re.Match[str]) -> str:
        if any(start <= match.start() < end for start, end in strings):
            return match.group(0)
        base = int(match.group(3)) if match.group(3) else row
        step = int(match.group(5) or 0) * (-1 if match.group(4) == "-" else 1)
        target = base + step
        return f"{match.group(1)}{match.group(2).upper()}{target}" \
            if 1 <= target <= _MAX_ROW else "#REF!"
    return _ROW_INDEX.sub(cell, text)


__all__ = ["FORMULA_STRING", "area_cells", "column_letters", "column_number", "split_area",
           "resolved_row_index", "split_ref"]
