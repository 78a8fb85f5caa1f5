"""Pure readings of a cell's words: the grade ticked in a tick box (rules), and 一级 and 二级
written in one cell (levels)."""

from __future__ import annotations

import pytest

from jixiao import levels, rules

# ---------------------------------------------------------------- tick boxes


@pytest.mark.parametrize(("text", "ticked"), [
    ("√优 □良 □中 □差", ("优",)), ("☑优 ☐良 ☐中 ☐差", ("优",)), ("■优 □良 □中 □差", ("优",)),
    ("优（√） 良（ ） 中（ ） 差（ ）", ("优",)), ("优√", ("优",)), ("优☑", ("优",)), ("✔良", ("良",)),
    ("□优 ✓良 □中 □差", ("良",)), ("R优 £良 £中 £差", ("优",)), ("þ优 ¨良 ¨中 ¨差", ("优",)),
    ("口优 口良 √中 口差", ("中",)), ("优(√)、良( )", ("优",)), ("【√】优【 】良", ("优",)),
    ("☐优秀 ☐良好 ☐合格 ☑不合格", ("差",)), ("☒优 ☐良", ("优",)),
    ("√优 √良 □中 □差", ("优", "良")), ("□优 □良 □中 □差", ()), ("优（ ） 良（ ）", ()),
    ("优", None), ("优秀", None), ("优（95分）", None), ("√", None), ("甲", None), (None, None),
    (95, None)])
def test_ticked_grades(text, ticked):
    assert rules.ticked_grades(text) == ticked


@pytest.mark.parametrize(("text", "grade"), [
    ("√优 □良 □中 □差", "优"), ("□优 √良 □中 □差", "良"), ("优√", "优"),
    ("√优 √良 □中 □差", None), ("□优 □良 □中 □差", None),
    ("优", "优"), ("优（95分）", "优"), ("良好 86.5", "良"), ("优良", None)])
def test_grade_name_of_a_tick_box_is_the_one_ticked(text, grade):
    assert rules.grade_name(text) == grade


# ---------------------------------------------------------------- 一级 and 二级 in one cell


@pytest.mark.parametrize(("text", "pair"), [
    ("产出指标-数量指标", ("产出指标", "数量指标")), ("产出指标—数量指标", ("产出指标", "数量指标")),
    ("产出指标／质量指标", ("产出指标", "质量指标")), ("产出指标/时效指标", ("产出指标", "时效指标")),
    ("产出指标\n成本指标", ("产出指标", "成本指标")), ("效益指标 - 社会效益指标", ("效益指标", "社会效益指标")),
    ("效益指标——可持续影响指标", ("效益指标", "可持续影响指标")),
    ("满意度指标-服务对象满意度指标", ("满意度指标", "服务对象满意度指标")),
    ("产出目标-数量", ("产出目标", "数量")),
    ("产出指标（50分）-数量指标（20分）", ("产出指标（50分）", "数量指标（20分）")),
    ("产出指标", None), ("数量指标", None), ("产出指标-社会效益指标", None),  # no pair
    ("重点任务-数量指标", None), ("产出指标-", None), (None, None), (3, None)])
def test_combined_levels(text, pair):
    assert levels.combined_levels(text) == pair


@pytest.mark.parametrize(("level1", "name", "category"), [
    ("预算执行率", None, levels.EXECUTION),
    ("预算执行情况", "预算执行率", levels.EXECUTION),
    ("预算执行情况（10分）", "预算资金执行率", levels.EXECUTION),
    ("预算执行", "预算执行率", levels.EXECUTION),
    ("预算执行情况", "结转结余率", None),  # another indicator of that 一级: no 执行率
    ("产出指标", "预算资金执行率", levels.OUTPUT),  # under 产出: an indicator like any other
])
def test_the_level1_of_the_budget_rate(level1, name, category):
    """A 一级 naming the budget's execution (预算执行情况, 预算执行) is the 预算执行率's for
    the rate's own row, as 一级 预算执行率 is."""
    assert levels.level1_category(level1, name) == category

