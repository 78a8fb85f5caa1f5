"""Wordings red team 30 found unread (r4 probes, r1 c/a/b/d files), each on the Putuo table's
效益 row (E14, 30 points, scored 30): the row met, the total computed (99.98, as written)
and no JX203/JX204/JX205/JX410 beside it.

- a growth rate's 指标值 ≥5% answered 同比增长6.2% / 较上年增长6.2%: the name (增长率, 增幅)
  says the target is the rise itself (before: JX204 “%” vs “%（较上年提高）”, total —);
- a 完成值 opening with a word holding 年 (使用年限5年, 服务年限3年, 年均增收3200元; before:
  JX203 无法识别, total —);
- 达到预期目标 → 超出预期目标20%: met from the words, no JX203 beside it;
- 控制在预算内 → 结余4万元，未超支; 不超过排放限值 → 未超过排放限值; 达到序时进度 →
  超过序时进度 (before: JX203 or JX410);
- 每亩补贴 ≥150元 under 成本指标: a standard paid per 亩, ≥ its right way (before: JX205)."""

import pytest
from test_validator import rows
from workbooks import standard

from jixiao.checks import run_checks
from jixiao.model import evaluate
from jixiao.read.workbook import read_tables

_CODES = ["JX203", "JX204", "JX205", "JX410"]


def _checked(tmp_path, **fields):
    """The Putuo table with its 效益 row (index 3) changed: its total and its findings."""
    path = standard(tmp_path / "t.xlsx", rows=rows((3, fields)))
    (table,) = read_tables(path)
    evaluation = evaluate(table)
    found = [(item.code, item.message) for item in run_checks(table, evaluation, select=_CODES)]
    return evaluation.scores[3], evaluation.total, found


@pytest.mark.parametrize(("name", "target", "actual"), [
    ("基层门诊诊疗人次增长率", "≥5%", "同比增长6.2%"),    # probe_g1
    ("基层门诊诊疗人次增长率", "≥5%", "较上年增长6.2%"),  # probe_g3
    ("诊疗人次同比增长率", "≥5%", "同比增长6.2%"),        # probe_g4
    ("门诊量增幅", "≥5%", "同比增长6.2%"),                # probe_g6
    ("基层门诊诊疗人次增长率", "≥5%", "增长6.2%"),        # probe_g2: so before
    ("基层门诊诊疗人次增长率", "增长≥5%", "同比增长6.2%"),  # probe_g5: so before
    ("基层门诊诊疗人次增长率", "≥5%", "6.2%"),
])
def test_a_growth_rate_is_met_by_the_rise_it_names(tmp_path, name, target, actual):
    score, total, found = _checked(tmp_path, name=name, target=target, actual=actual)
    assert (score.value, score.met, total, found) == (30.0, True, 99.98, [])


def test_a_growth_rate_short_of_its_target_is_scored_by_the_rise(tmp_path):
    """同比增长4% of ≥5%: 30 × 4 ÷ 5 = 24 (the declared 30 is then JX4xx's, not asked here)."""
    score, _total, found = _checked(tmp_path, name="门诊量增幅", target="≥5%",
                                    actual="同比增长4%")
    assert (score.value, score.met, found) == (24.0, False, [])


def test_a_level_beside_a_rise_still_compares_with_nothing(tmp_path):
    """满意度 ≥90% answered 较上年提高5%: the rise says nothing of the level (JX204, as before)."""
    score, total, found = _checked(tmp_path, name="群众满意度", target="≥90%",
                                   actual="较上年提高5%")
    assert (score.value, total) == (None, None)
    assert found == [("JX204", "“群众满意度”的指标值单位“%”与完成值单位“%（较上年提高）”无法比较")]


@pytest.mark.parametrize(("name", "target", "actual"), [
    ("设备使用年限", "≥5年", "设计使用年限5年"),  # probe_y1
    ("设备使用年限", "≥5年", "使用年限5年"),      # probe_y2
    ("服务年限", "≥3年", "服务年限3年"),          # probe_n5
    ("户均增收", "≥3000元", "年均增收3200元"),    # probe_n2
])
def test_words_with_a_year_in_them_name_the_number(tmp_path, name, target, actual):
    score, total, found = _checked(tmp_path, name=name, target=target, actual=actual)
    assert (score.value, score.met, total, found) == (30.0, True, 99.98, [])


@pytest.mark.parametrize(("name", "target", "actual"), [
    ("带动农户增收", "达到预期目标", "超出预期目标20%"),   # r1 c8
    ("完成造林面积", "达到计划面积", "超出计划面积500亩"),  # r1 c9
    ("新增投资", "达到计划投资", "超出计划投资20%"),      # r1 c5
    ("项目实施进度", "达到序时进度", "超过序时进度"),      # r1 c1
    ("工程建设进度", "达到计划进度", "超出计划进度"),      # r1 c2
    ("志愿服务时长", "达到规定时间", "超过规定时间"),      # r1 c3
    ("污染物排放浓度", "不超过排放限值", "未超过排放限值"),  # r1 b4
])
def test_more_than_a_goal_in_words_is_met_without_a_finding(tmp_path, name, target, actual):
    score, total, found = _checked(tmp_path, name=name, target=target, actual=actual)
    assert (score.value, score.met, total, found) == (30.0, True, 99.98, [])


@pytest.mark.parametrize(("name", "target", "actual"), [
    ("项目建设工期", "满足工期要求", "超出工期"),          # a limit broken: not met
    ("污染物排放", "符合排放标准", "超过排放标准"),
    ("办理时间", "符合规定时间", "超过规定时间"),          # 符合: kept within, late
    ("污染物排放浓度", "不超过排放限值", "超过排放限值"),
])
def test_going_over_a_limit_in_words_is_no_pass(tmp_path, name, target, actual):
    score, _total, _found = _checked(tmp_path, name=name, target=target, actual=actual)
    assert score.met is not True


@pytest.mark.parametrize("actual", ["结余4万元，未超支", "未超支，结余4万元", "结余4万元",
                                    "节约资金4万元", "节约4万元，未超支"])
def test_a_sum_left_of_the_budget_keeps_to_it(tmp_path, actual):
    """r1 a4: 成本指标 项目成本控制 | 控制在预算内 | 结余4万元，未超支 (before: JX203, total —)."""
    score, total, found = _checked(tmp_path, level2="成本指标", name="项目成本控制",
                                   target="控制在预算内", actual=actual)
    assert (score.value, score.met, total, found) == (30.0, True, 99.98, [])


def test_a_sum_left_with_an_overrun_is_not_kept(tmp_path):
    score, _total, _found = _checked(tmp_path, level2="成本指标", name="项目成本控制",
                                     target="控制在预算内", actual="结余4万元，超支2万元")
    assert score.met is not True


@pytest.mark.parametrize("name", ["每亩补贴", "亩均补助", "每头补贴", "头均补助", "每生补助",
                                  "户均补贴", "生均补助"])
def test_a_standard_paid_per_mu_or_head_may_be_at_least(tmp_path, name):
    """r1 d5 (每亩补贴 ≥150元), d6 (亩均补助 ≥150元): before JX205 “成本应写‘≤’”."""
    _score, _total, found = _checked(tmp_path, level2="成本指标", name=name, target="≥150元",
                                     actual="150元")
    assert found == []
