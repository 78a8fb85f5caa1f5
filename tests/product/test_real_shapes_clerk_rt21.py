"""A clerk in jixiao's own template, filled and edited in LibreOffice (user test rt21):
``jixiao recalc``, ``jixiao check`` and the spreadsheet program compute one result.

The filled form is test_real_shapes_clerk's 濉溪县 临时救助 2019 table (98.84 优)."""

from __future__ import annotations

import pytest
from test_real_shapes_clerk import filled, findings, recalculated, shown

from jixiao.pipeline import check_workbook

# ---------------------------------------------------------------- 1: a blank 评分规则 cell


@pytest.mark.parametrize("formulas", ["addin", "native"])
def test_a_blank_rules_cell_is_the_default_rule_set_for_check_as_for_recalc(tmp_path, formulas):
    """Before: check read the 填写说明 sheet's line "在“评分规则”单元格选择：mof2020 …；ratio
    比例法…" as the rule (ratio) and said JX504 at the scores and total recalc wrote."""
    path = recalculated(filled(tmp_path, lambda book, sheet: sheet.__setitem__("K2", None),
                               formulas))
    assert shown(path, "H43", "H44") == [98.84, "优"]
    [checked] = check_workbook(path).tables
    assert checked.table.rules.name == "mof2020"
    assert findings(path) == []
