"""A1 references, one implementation each (jixiao/xlsx/refs.py)."""

import pytest

from jixiao.xlsx.refs import FORMULA_STRING, area_cells, column_letters, column_number, split_ref


def test_column_letters_and_numbers_are_inverse_over_a_whole_sheet():
    for number in range(1, 16_385):
        letters = column_letters(number)
        assert column_number(letters) == number
        assert column_number(letters.lower()) == number
        assert column_number(letters.encode()) == number  # the package scan reads bytes
    assert (column_letters(1), column_letters(26), column_letters(27), column_letters(16_384)) == (
        "A", "Z", "AA", "XFD")


def test_references_and_areas():
    assert split_ref("H13") == split_ref(" $H$13 ") == (13, 8)
    with pytest.raises(ValueError, match="not a cell reference"):
        split_ref("13H")
    assert area_cells("D13:E14") == [["D13", "E13"], ["D14", "E14"]]
    assert area_cells("B2") == [["B2"]]


def test_a_formula_string_hides_what_looks_like_a_reference():
    assert FORMULA_STRING.sub('""', '=A1&"B2 ""C3"""&D4') == '=A1&""&D4'
