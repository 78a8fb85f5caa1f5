"""A clerk fills jixiao's templates (the JX_ add-in one and the native-formula one) and
recalculates (user test rt27): the two give the same scores, ``jixiao check`` flags no
error on a sound fill and points at no locked cell."""

from __future__ import annotations

import pytest
from test_real_shapes_clerk import filled, findings, recalculated, shown


def _rate_points_moved_onto_row_30(book, sheet):
    sheet["G6"] = None  # the 执行率's 10 points moved onto 受益建档立卡贫困人口数: 30 → 40
    sheet["G30"] = 40


@pytest.mark.parametrize("formulas", ["addin", "native"])
def test_a_blank_rate_points_beside_indicators_of_100_scores_no_rate(tmp_path, formulas):
    """The indicators total 100 (90 + the 10 moved), the 执行率's 分值 G6 left blank: the
    rate is not scored (I6 shows “—”). The sound fill's 98.84 = 10 (rate 30/30) + 88.84; now the row
    30's 40 points are full (87 ≥ 80), so 88.84 + 10 = 98.84 without any 执行率得分 —
    was I6 10 (a blank 分值 taken as 10), 总分 108.84 above 100."""
    path = recalculated(filled(tmp_path, _rate_points_moved_onto_row_30, formulas))
    assert shown(path, "I6", "G43", "H43", "H44") == ["—", 100, 98.84, "优"]
    assert findings(path) == []


def test_jx_exec_score_given_the_rules_scores_no_rate_for_a_blank_points():
    from jixiao import cellfuncs
    # 分值 × 执行率 = 10 × 95.5 % = 9.55 where a 分值 is given or the rules give one
    assert cellfuncs.execution_score(0.955, 10, "mof2020") == 9.55
    assert cellfuncs.execution_score(0.955, "", "四川") == 9.55
    assert cellfuncs.execution_score(0.955, "", "mof2020") == "—"
    assert cellfuncs.execution_score("", "", "mof2020") == "—"  # money blank too: not scored
    assert cellfuncs.execution_score(0.955, "") == 9.55  # an older template: no rules, 10
    assert cellfuncs.total("—", [[40], [50.5]]) == 90.5  # the 总分 skips it
