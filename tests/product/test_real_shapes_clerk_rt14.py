"""A clerk in jixiao's own template (user test rt14): the template, ``jixiao recalc`` and
``jixiao check`` follow one rule, and every finding names a cell the clerk can change.

The filled form is test_real_shapes_clerk's 濉溪县 临时救助 2019 table (98.84 优)."""

from __future__ import annotations

import pytest
from test_real_shapes_clerk import filled, findings, recalculated, shown

from jixiao.recalc.workbook import recalc_file


# ---------------------------------------------------------------- A2: 分值 typed as text

@pytest.mark.parametrize("formulas", ["addin", "native"])
def test_a_weight_in_words_is_one_finding_and_recalc_and_check_agree(tmp_path, formulas):
    """Before: recalc wrote ⚠ into G43 and check said JX504 "应为 90" at the locked G43,
    again after every recalc. JX106 at G14's cell is what the clerk fixes."""
    path = recalculated(filled(tmp_path, lambda book, sheet: sheet.__setitem__("G17", "五"),
                               formulas))
    codes = [item.split(" ", 3)[:3] for item in findings(path)]
    assert ["JX106", "error", "G17"] in codes
    assert not [code for code in codes if code[0] == "JX504"], codes
    again, _ = recalc_file(path, in_place=True)
    assert [item.split(" ", 3)[:3] for item in findings(again)] == codes
