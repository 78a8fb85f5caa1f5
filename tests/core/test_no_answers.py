"""rt35 (RT6 of rt34): a bare “no” as the 完成值 (否, 否。, 没有) beside a 定性 指标值 that asks
for something (及时, 合格, 按期完成, 群众满意, 达到国家标准, 有效提升) answers that it was not
done: 未达成, scored in the 未达成 band — before it was “无法判断”, and a full score stood
(JX410). Beside a 指标值 that asks for none of something (零事故, 无重大安全事故, 不发生,
杜绝…, 否 itself) it answers that none happened: 达成. Where the 指标值 is worded with a
negation of its own (不超预算, 未发生违规以外的) or asks for little (投诉率低, 降低), a bare 否
could answer either way: it stays for a person. Beside a number or a deadline it is no
number and no date (JX204), as before."""

from __future__ import annotations

import pytest

from jixiao.rules import indicator_score, is_met

ASKING = ("达到国家标准", "群众满意", "有效提升", "按期完成", "及时", "合格", "全覆盖",
          "符合要求", "较上年提升", "应检尽检", "是", "规范", "非常满意", "长期", "不断提高", "≥良好")
NO = ("否", "否。", "没有")


@pytest.mark.parametrize("actual", NO)
@pytest.mark.parametrize("target", ASKING)
def test_no_beside_a_target_asking_for_something_is_not_achieved(target, actual):
    score = indicator_score(target, actual, 5, judged=5)
    assert (is_met(target, actual), score.level, score.met, score.value) == (False, "not", False, None)
    assert "不在 0–3 分之间" in score.note  # the 未达成 band of 5 points: 0–60 %
    assert indicator_score(target, actual, 5, judged=2).value == 2.0


@pytest.mark.parametrize("actual", NO)
@pytest.mark.parametrize("target", ["零事故", "无重大安全事故", "不发生", "杜绝安全事故", "否",
                                    "无", "未发生", "零投诉", "全年无安全事故"])
def test_no_beside_a_target_of_none_is_achieved(target, actual):
    assert is_met(target, actual) is True
    assert indicator_score(target, actual, 5, judged=5).value == 5.0


@pytest.mark.parametrize("target", ["不超预算", "未超支", "不低于上年", "投诉率低", "降低",
                                    "严禁挪用", "是否按期完成"])
def test_no_beside_a_target_worded_with_a_negation_stays_for_a_person(target):
    assert is_met(target, "否") is None
    assert indicator_score(target, "否", 5, judged=5).value is None


@pytest.mark.parametrize("target", ["≥1次", "不低于95%", "100%", "≥95%", "不高于5%", "≤3个工作日"])
def test_no_beside_a_number_is_no_number(target):
    score = indicator_score(target, "否", 5, judged=5)
    assert (is_met(target, "否"), score.met, score.value) == (None, None, None)
    assert score.note == "定量指标的完成值“否”不是数值"


def test_no_beside_a_deadline_stays_unread():
    assert is_met("12月底前", "否") is None
    assert indicator_score("12月底前", "否", 5, judged=5).value is None


@pytest.mark.parametrize(("target", "actual"), [
    ("及时", "是"), ("合格", "已完成"), ("零事故", "无"), ("全年无安全事故", "无")])
def test_yes_and_none_keep_their_readings(target, actual):
    """(全年无安全事故 → 无: the year off, as 无安全事故 — before: no reading)"""
    assert is_met(target, actual) is True


@pytest.mark.parametrize("actual", NO)
@pytest.mark.parametrize("target", ["发生安全事故", "存在违规", "出现安全事故", "发生重大责任事故"])
def test_no_beside_a_target_naming_a_happening_harm_is_achieved(target, actual):
    """rt35 review A: 发生安全事故 | 否 — the 指标值 asks whether the harm happened, 否 says
    it did not: 达成 (was 未达成 after 2f457876, a full score JX402 + JX408)."""
    assert is_met(target, actual) is True
    assert indicator_score(target, actual, 5, judged=5).value == 5.0


@pytest.mark.parametrize("target", ["安全事故", "重大安全事故", "投诉处理及时", "群众投诉"])
def test_no_beside_a_target_of_something_better_less_stays_for_a_person(target):
    """rt35 review A: 安全事故 | 否 may say none happened, 投诉处理及时 | 否 that it was not
    done: a 指标值 of something better less (``rules.less_is_better``) answered 否 is left to
    a person, as before 2f457876 (was 未达成)."""
    assert is_met(target, "否") is None
    assert indicator_score(target, "否", 5, judged=5).value is None
