"""四川's form lists no 分值 for the 执行率 (DOMAIN §5: the indicators' 90 + its 10): in
jixiao's template under 四川 rules a clerk who clears the 执行率 分值 G6, or types “—” as
in G7–G9, leaves the rule set's 10 there — the formulas (add-in and native), ``jixiao
recalc`` and ``jixiao check`` alike (``rules.unlisted_execution_points``), user test rt24.
Was: JX101 “分值合计为 90” and JX106 “执行率未填写分值” beside a 总分 counting the 执行率's
9.5 and no grade; with “—”, JX504 on the 执行率得分 and 总分 that no recalculation mended."""

from __future__ import annotations

import pytest
from test_real_shapes_clerk import filled, findings, recalculated, shown

from jixiao import cellfuncs, native, rules


def _sichuan_rate_points(value, rules_word="四川"):
    def change(book, sheet):
        sheet["K2"] = rules_word
        sheet["G6"] = value
    return change


@pytest.mark.parametrize("formulas", ["addin", "native"])
@pytest.mark.parametrize("value", [None, "—", "/"])
def test_a_cleared_rate_points_cell_is_sichuans_10(tmp_path, formulas, value):
    path = recalculated(filled(tmp_path, _sichuan_rate_points(value), formulas))
    assert shown(path, "I6", "G43", "H43", "H44") == [10, 100, 98.84, "优"]
    assert findings(path) == []
    again = recalculated(path)  # no loop: recalculating the checked file changes nothing
    assert shown(again, "I6", "G43", "H43", "H44") == [10, 100, 98.84, "优"]
    assert findings(again) == []


@pytest.mark.parametrize("formulas", ["addin", "native"])
def test_under_mof2020_a_blank_rate_points_cell_is_still_missing(tmp_path, formulas):
    """The neighbour that must not change: the standard form prints the 执行率's 分值 10,
    so a blank one is missing (JX106) and the 90 a wrong total (JX101), no grade."""
    path = recalculated(filled(tmp_path, _sichuan_rate_points(None, "mof2020"), formulas))
    assert shown(path, "G43", "H44") == [90, "⚠ 分值合计 90，不是 100，不评等级"]
    assert [line.split(" ", 3)[:3] for line in findings(path)] == [
        ["JX101", "error", "G13"], ["JX106", "error", "G6"]]
    assert findings(path)[1] == "JX106 error G6 执行率未填写分值"


@pytest.mark.parametrize("formulas", ["addin", "native"])
def test_under_sichuan_a_rate_points_in_words_is_still_no_number(tmp_path, formulas):
    """Only a cell left blank (or “—”) is the rule set's 10: 十 typed is a 分值 not read."""
    path = recalculated(filled(tmp_path, _sichuan_rate_points("十"), formulas))
    assert "JX106 error G6 执行率的分值“十”不是数字" in findings(path)


def test_jx_weight_total_counts_sichuans_10_for_the_rate_given_the_rules():
    assert cellfuncs.weight_total("", [[50], [40]], "四川") == 100
    assert cellfuncs.weight_total("", [[50], [40]], "sichuan") == 100
    assert cellfuncs.weight_total(8, [[50], [40]], "四川") == 98  # its own points stand
    assert cellfuncs.weight_total("", [[50], [40]], "mof2020") == 90
    assert cellfuncs.weight_total("", [[50], [40]]) == 90  # an older template: no rules
    assert cellfuncs.weight_total("", [[50], [40]], "浙江") == 90  # JX505's, not 四川's


def test_the_native_twin_reads_the_rate_points_as_its_formula():
    inputs = {"K2": "四川", "E6": 100, "F6": 95, "G6": "—", "E13": "≥5人", "F13": "5人",
              "G13": 90}
    results = native.native_results(inputs.get)
    assert (results["I6"], results["G43"], results["H43"], results["H44"]) == (9.5, 100, 99.5, "优")
    inputs["K2"] = "mof2020"
    results = native.native_results(inputs.get)
    # under the standard rules “—” is no 分值: the 执行率 is not scored, as JX_EXEC_SCORE (rt27)
    assert (results["I6"], results["G43"]) == (rules.NOT_SCORED, 90)
