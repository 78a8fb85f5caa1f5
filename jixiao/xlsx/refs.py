"""A1 references: column letters ↔ numbers, "H13" ↔ (row, column), an area's cells, and the
string literals of a formula (text in which nothing is a reference)."""

from __future__ import annotations

import re

_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d+)")
FORMULA_STRING = re.compile(r'"(?:[^"]|"")*"')  # "a ""quoted"" text" in a formula


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


__all__ = ["FORMULA_STRING", "area_cells", "column_letters", "column_number", "split_area",
           "split_ref"]
