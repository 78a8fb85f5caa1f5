"""指标值 and 完成值 as real tables write them, scored by hand with the rules of
docs/domain.md §2 (positive: 分值 × actual / target; reverse: 分值 × (1 − (actual −
target) / target); a target of none: 0 for any). Each case was read wrongly before:
unread (JX203), not comparable (JX204) or scored on a misread number."""

from __future__ import annotations

import pytest

from jixiao.parsing import parse_measure
from jixiao.rules import indicator_score


@pytest.mark.parametrize(("target", "actual", "expected"), [
    ("增长率≥5%", "6.2%", 10.0),          # the change named as its rate: a rise to reach
    ("增幅≥8%", "增幅6%", 7.5),           # 10 × 6 / 8
    ("收入增长率≥5%", "收入增长率4%", 8.0),  # what rises named before it: 10 × 4 / 5
    ("同比增长率≥5%", "同比增长6%", 10.0),
    ("增速≥5%", "5.5%", 10.0),
    ("降幅≥10%", "降幅12%", 10.0),         # a fall to reach, met by a larger fall
    ("成本降低率≥10%", "降低率8%", 8.0),
    ("增收≥500元", "增收400元", 8.0),       # a rise of income, in 元
])
def test_a_change_named_as_its_rate_is_the_change(target, actual, expected):
    assert indicator_score(target, actual, 10).value == expected


def test_a_rise_and_a_fall_named_as_rates_do_not_compare():
    """增长率 against 下降率: a rise never meets a fall (as 增长 against 下降)."""
    assert indicator_score("增长率≥5%", "下降率3%", 10).value is None


@pytest.mark.parametrize(("target", "actual", "expected"), [
    ("人均≤200元", "人均210元", 9.5),        # reverse: 10 × (1 − 10 / 200)
    ("人均≤200元", "≤200元/人", 10.0),       # written either way: the same unit
    ("人均培训成本≤300元", "人均成本280元", 10.0),
    ("人均增收≥500元", "人均增收400元", 8.0),
    ("平均每人≤200元", "180元/人", 10.0),
    ("≤1.5万元/人", "人均1.2万元", 10.0),
])
def test_an_amount_per_person_is_per_person(target, actual, expected):
    assert indicator_score(target, actual, 10).value == expected


def test_an_amount_per_person_never_compares_with_a_total():
    """人均500元 beside 50万元 (the total): not comparable — the number alone would say
    500 元 of 500,000 met; a person reads it (JX204)."""
    measure = parse_measure("人均500元")
    assert (measure.kind, measure.value, measure.unit) == ("number", 500.0, "元/人")
    assert indicator_score("人均≤500元", "50万元", 10).value is None


@pytest.mark.parametrize(("target", "actual", "expected"), [
    ("≥2000亩", "2100亩高标准农田", 10.0),   # the measure, then what it measures
    ("≥3000平方米", "2700平方米绿化", 9.0),
    ("≥50公里", "52公里道路", 10.0),
    ("≤25吨", "22吨垃圾", 10.0),
    ("≥0.2万亩", "1800亩高标准农田", 9.0),   # 万亩 and 亩 still compare
])
def test_a_measure_followed_by_what_it_measures(target, actual, expected):
    assert indicator_score(target, actual, 10).value == expected


@pytest.mark.parametrize(("target", "actual"), [
    ("零事故", "发生1起一般事故"),   # an accident of any kind is one
    ("零投诉", "2次投诉"),
    ("无重大安全事故", "发生1起重大安全事故"),
])
def test_a_count_of_what_was_to_be_none_scores_0(target, actual):
    score = indicator_score(target, actual, 10)
    assert (score.value, score.met) == (0.0, False)


def test_a_count_of_another_kind_than_the_one_to_be_none_is_not_scored():
    """无重大安全事故 → 发生1起一般事故: a 一般 accident is no 重大 one; the rules cannot
    say, a person does (not 0 points)."""
    assert indicator_score("无重大安全事故", "发生1起一般事故", 10).value is None


@pytest.mark.parametrize(("target", "actual", "expected"), [
    ("≤3‰", "0.25%", 10.0),     # 2.5 ‰
    ("≤3‰", "0.4%", 6.67),      # 4 ‰: 10 × (1 − 1 / 3)
    ("≤0.5%", "4‰", 10.0),
])
def test_per_mille_and_percent_compare(target, actual, expected):
    assert indicator_score(target, actual, 10).value == expected


@pytest.mark.parametrize(("target", "actual", "expected"), [
    ("≥90%", "满意度调查得分92分", 10.0),   # a survey's score out of 100
    ("≥90%", "85分", 9.44),                # 10 × 85 / 90
    ("≥90分", "92%", 10.0),
])
def test_a_satisfaction_score_out_of_100_compares_with_a_percentage(target, actual, expected):
    assert indicator_score(target, actual, 10).value == expected


def test_a_score_on_a_small_scale_does_not_compare_with_a_percentage():
    """4.5分 (of 5) beside ≥90%: no guess."""
    assert indicator_score("≥90%", "4.5分", 10).value is None


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("≥两万人次", 20000.0, "人次"),
    ("一万二千人", 12000.0, "人"),
    ("一万零五百人", 10500.0, "人"),
    ("两千余人", 2000.0, "人"),
    ("三千多人", 3000.0, "人"),
    ("三十余家", 30.0, "家"),
    ("十二个工作日", 12.0, "个工作日"),
    ("一个季度", 1.0, "个季度"),
    ("两万元", 2.0, "万元"),
])
def test_counts_in_chinese_numerals(text, value, unit):
    measure = parse_measure(text)
    assert (measure.kind, measure.value, measure.unit) == ("number", value, unit)


def test_counts_in_chinese_numerals_are_scored():
    assert indicator_score("≥两万人次", "18000人次", 10).value == 9.0
    assert indicator_score("≤10个工作日", "十二个工作日", 10).value == 8.0   # 10 × (1 − 2/10)
    assert indicator_score("≥2000人", "两千余人", 10).value == 10.0


@pytest.mark.parametrize("text", ["一般", "一次性", "万人", "二〇二三年"])
def test_words_holding_a_numeral_are_still_no_counts(text):
    assert parse_measure(text).kind != "number"
