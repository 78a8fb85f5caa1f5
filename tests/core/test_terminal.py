"""The width of a text in columns (terminal lines, the summary's column widths)."""

import pytest

from jixiao.terminal import display_width


@pytest.mark.parametrize(("text", "width"), [
    ("", 0), ("abc", 3), ("中文ab", 6), ("自评表-校验.xlsx", 16),
    ("Ａ１", 4),         # fullwidth forms: 2 each
    ("ｱｲ", 2),          # halfwidth katakana: 1 each
    ("…–", 2),          # ambiguous punctuation counts 1, as the summary's widths always did
    ("\u3000", 2),      # the ideographic space
    ("한글", 4), ("😀", 2),
])
def test_display_width(text, width):
    assert display_width(text) == width
