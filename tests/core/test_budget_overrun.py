"""A budget kept to or overrun, stated in words under 成本指标 (rt29 r3): by how much
(超出预算3%, 超支20万元) scored by the reverse rule, without an amount 未达成, kept to
(按批复金额执行, 未超出) 达成; and 长期 answered 短期, 未达成."""

import pytest

from jixiao.model import Indicator, score_indicator
from jixiao.parsing import parse_measure
from jixiao.rules import indicator_score

CEILINGS_IN_WORDS = ["控制在预算内", "不超过批复金额", "控制在预算范围内", "≤预算数"]


# ------------------------------------------------ an overrun by a stated amount

@pytest.mark.parametrize(("target", "actual", "weight", "rules", "expected"), [
    # 3 % over the budget is 103 % of it: mof2020 5 × (1 − 3/100) = 4.85; ratio 5 × 100/103
    # = 4.854 → 4.85 (T9.xlsx G18: a clerk's 4.85)
    ("控制在预算内", "超出预算3%", 5, "mof2020", 4.85),
    ("控制在预算内", "超出预算3%", 5, "ratio", 4.85),
    ("控制在预算内", "超出预算3%", 10, "mof2020", 9.7),   # 10 × 0.97
    ("控制在预算内", "超出预算3%", 10, "ratio", 9.71),    # 10 / 1.03 = 9.7087
    ("控制在预算内", "超出预算3%", 10, "sichuan", 9.7),
    # T7.xlsx E17: 10 × (1 − 0.05) = 9.5; ratio 10 / 1.05 = 9.5238
    ("不超过批复金额", "超出批复金额5%", 10, "mof2020", 9.5),
    ("不超过批复金额", "超出批复金额5%", 10, "ratio", 9.52),
    ("≤预算数", "超过预算10%", 10, "mof2020", 9.0),
    ("≤预算数", "超过预算10%", 10, "ratio", 9.09),       # 10 / 1.1 = 9.0909
    # twice the budget or more: mof2020 0; ratio 10 / 2.2 = 4.545
    ("控制在预算内", "超出预算120%", 10, "mof2020", 0.0),
    ("控制在预算内", "超出预算120%", 10, "ratio", 4.55),
    # P2.xlsx E22: 超支20万元 of ≤500万元 is 520万元: 5 × (1 − 20/500) = 4.8; ratio
    # 5 × 500/520 = 4.8077
    ("≤500万元", "超支20万元", 5, "mof2020", 4.8),
    ("≤500万元", "超支20万元", 5, "ratio", 4.81),
    ("500万元", "超支20万元", 5, "mof2020", 4.8),        # a bare ceiling under 成本指标
    ("≤500万元", "超支200000元", 5, "mof2020", 4.8),     # 20 万元 in 元
    # 4 % over a ceiling of 500万元 is 520万元 too
    ("≤500万元", "超出预算4%", 5, "mof2020", 4.8),
    ("≤500万元", "超出预算4%", 5, "ratio", 4.81),
    # a ceiling of 100 % is the budget: 103 %; another is the overrun rate itself (3 ≤ 5)
    ("≤100%", "超出预算3%", 10, "mof2020", 9.7),
    ("≤5%", "超支3%", 10, "mof2020", 10.0),
    ("≤2%", "超支3%", 10, "mof2020", 5.0),         # 10 × (1 − (3 − 2)/2)
    ("≤2%", "超支3%", 10, "ratio", 6.67),          # 10 × 2/3
])
def test_an_overrun_by_an_amount_is_scored_by_the_reverse_rule(target, actual, weight, rules,
                                                               expected):
    """Before: 超出预算3% 未达成 (0–60 %, JX408 on the clerk's 4.85); 超出批复金额5% and
    超支20万元 no number (JX203)."""
    score = indicator_score(target, actual, weight, rules, default_op="<=")
    assert (score.value, score.met) == (expected, expected == weight)


def test_an_overrun_scored_says_what_it_was_read_as():
    note = indicator_score("控制在预算内", "超出预算3%", 5, default_op="<=").note
    assert "按 103% 计" in note
    note = indicator_score("≤500万元", "超支20万元", 5, default_op="<=").note
    assert "按 520万元 计" in note


def test_an_amount_over_a_budget_in_words_is_not_achieved():
    """超支20万元 beside 控制在预算内: over, by an amount of a budget not given — 未达成."""
    score = indicator_score("控制在预算内", "超支20万元", 5, default_op="<=")
    assert (score.level, score.band, score.value) == ("not", (0.0, 3.0), None)


# ------------------------------------------------ over or within, in words alone

@pytest.mark.parametrize("target", CEILINGS_IN_WORDS)
@pytest.mark.parametrize("actual", ["超预算", "超出批复金额", "超出预算", "超支", "未控制在预算内",
                                    "超过批复金额", "超批复金额", "超合同金额", "未按批复金额执行",
                                    "未在批复金额内"])
@pytest.mark.parametrize(("rules", "band"), [("mof2020", (0.0, 3.0)), ("ratio", (0.0, 2.5))])
def test_an_overrun_without_an_amount_is_not_achieved(target, actual, rules, band):
    """Before: 超预算 and 超出批复金额 无法判断 (JX410) where 超出预算 was 未达成.
    未达成: mof2020 0–60 % of 5, ratio 0–50 %."""
    score = indicator_score(target, actual, 5, rules, default_op="<=")
    assert (score.level, score.met, score.band, score.value) == ("not", False, band, None)
    assert score.band == band


@pytest.mark.parametrize("target", CEILINGS_IN_WORDS)
@pytest.mark.parametrize("actual", ["按批复金额执行", "与批复金额一致", "未超出", "未超预算",
                                    "在批复金额内", "按预算执行", "与预算一致", "没有超出",
                                    "未超批复金额", "不超过批复金额"])
@pytest.mark.parametrize("rules", ["mof2020", "ratio"])
def test_the_budget_kept_to_is_achieved(target, actual, rules):
    """Before: 按批复金额执行, 与批复金额一致, 在批复金额内 无法判断 (JX410); 未超出
    “有运算符但没有数值”. 达成 without a judged score: full 分值."""
    score = indicator_score(target, actual, 5, rules, default_op="<=")
    assert (score.level, score.met, score.value) == ("achieved", True, 5.0)


@pytest.mark.parametrize(("text", "level"), [
    ("超预算", "not"), ("超出批复金额", "not"), ("超支20万元", "not"), ("超出批复金额5%", "not"),
    ("未超出", "achieved"), ("按批复金额执行", "achieved"), ("在批复金额内", "achieved"),
    ("不超过批复金额", "achieved"),
])
def test_the_words_are_read_alone(text, level):
    measure = parse_measure(text)
    assert (measure.kind, measure.level, measure.problem) == ("qualitative", level, None)


def test_an_overrun_of_a_number_to_reach_is_not_a_spent_amount():
    """超支 beside a goal (≥500万元) says nothing of reaching it: read in words."""
    score = indicator_score("≥500万元", "超支20万元", 5)
    assert score.level == "not"


# ------------------------------------------------ the opposite of 长期

@pytest.mark.parametrize(("rules", "band"), [("mof2020", (0.0, 3.0)), ("ratio", (0.0, 2.5))])
def test_short_term_misses_long_term(rules, band):
    """Before: 长期 → 短期 无法判断 (JX410). 未达成: 0–60 % (ratio 0–50 %) of 5."""
    score = indicator_score("长期", "短期", 5, rules)
    assert (score.level, score.met, score.band) == ("not", False, band)
    assert indicator_score("长期", "短期", 5, rules, judged=2).value == 2.0


# ------------------------------------------------ no overrun (rt29 r7)

@pytest.mark.parametrize(("target", "actual"), [
    ("零超支", "零超支"), ("控制在预算内", "零超支"), ("不超预算", "超支0元"),
    ("控制在预算内", "超出预算0%"), ("≤500万元", "超出预算0%"), ("≤500万元", "超支0万元"),
    ("≤5%", "超支率0%"), ("≤5%", "超支0%"), ("不超过批复金额", "超出批复金额0.00%"),
])
@pytest.mark.parametrize("rules", ["mof2020", "ratio"])
def test_an_overrun_of_nothing_is_the_budget_kept(target, actual, rules):
    """Before: 未达成 (0–60 % of 5), 超支率0% no number. Kept to: full 5."""
    score = indicator_score(target, actual, 5, rules, default_op="<=")
    assert (score.met, score.value) == (True, 5.0)


@pytest.mark.parametrize(("target", "actual", "expected"), [
    ("≤5%", "超支率3%", 5.0),      # 3 ≤ 5
    ("≤2%", "超支率3%", 2.5),      # 5 × (1 − (3 − 2)/2)
    ("≤500万元", "超支额20万元", 4.8),   # 520 万元: 5 × (1 − 20/500)
])
def test_a_rate_or_sum_of_overrun_is_read(target, actual, expected):
    """Before: 超支率3% “无法识别”(JX203)."""
    assert indicator_score(target, actual, 5, default_op="<=").value == expected


@pytest.mark.parametrize(("text", "level"), [
    ("零超支", "achieved"), ("超支0元", "achieved"), ("超出预算0%", "achieved"),
    ("超支率0%", "achieved"), ("超支率3%", "not"),
    ("超合同金额", "not"), ("超出合同价款", "not"),
    ("超合同约定标准", None),   # above the contract's standard: no budget named
])
def test_overrun_words_alone(text, level):
    measure = parse_measure(text)
    assert (measure.kind, measure.level) == ("qualitative", level)


# ------------------------------------------------ over a goal, not a ceiling

@pytest.mark.parametrize(("target", "actual"), [
    ("达到预算数", "超出预算10%"),       # revenue above its budget (rt29 r7 a8)
    ("达到预算数", "超预算"),
    ("符合合同约定", "超合同约定标准"),   # quality above the contract's (a12)
    ("符合合同约定", "超出合同约定"),
])
def test_going_over_a_goal_meets_it(target, actual):
    """Before: 未达成 (0–60 % of 15). Not a cost row: over what was to be reached, 达成."""
    score = indicator_score(target, actual, 15)
    assert (score.level, score.met, score.value) == ("achieved", True, 15.0)


@pytest.mark.parametrize(("target", "actual"), [
    ("达到预算数", "超出预算10%"),   # under 成本指标 the budget is a ceiling all the same
    ("符合合同约定", "超合同金额"),   # a sum over the contract's: an overrun
])
def test_an_overrun_of_a_cost_is_not_a_goal_exceeded(target, actual):
    score = indicator_score(target, actual, 15, default_op="<=" if "预算" in target else "=")
    assert (score.level, score.met) == ("not", False)


@pytest.mark.parametrize(("target", "actual"), [
    ("满足工期要求", "超出工期"),        # rt29 review: a limit broken, not a goal exceeded
    ("符合时限要求", "超过时限要求"),
    ("符合排放标准", "超过排放标准"),
])
def test_going_over_a_limit_is_no_goal_exceeded(target, actual):
    """Before the review: 达成, full marks for an overdue project or emissions over the
    standard. What a goal names to keep within is broken when gone over: not 达成."""
    score = indicator_score(target, actual, 20)
    assert score.met is not True and score.value != 20.0


# ------------------------------------------------ a rate of overrun named before its ceiling

OVERRUN_RATE_CEILINGS = ["超支率≤5%", "成本超支率不超过5%", "超支率不超过5%", "成本超支率≤5%"]


@pytest.mark.parametrize("text", OVERRUN_RATE_CEILINGS)
def test_a_named_rate_of_overrun_is_a_ceiling_on_a_percentage(text):
    """left30: the name before the sign names what it bounds, as 差错率≤5% does (超 in it
    changes no number). Before: 无法识别数值 (JX203), no score."""
    measure = parse_measure(text)
    assert (measure.kind, measure.op, measure.value, measure.unit) == ("number", "<=", 5.0, "%")


@pytest.mark.parametrize("target", OVERRUN_RATE_CEILINGS)
@pytest.mark.parametrize("actual", ["3%", "超支2%", "未超支", "超支率3%", "5%", "0%"])
@pytest.mark.parametrize("rules", ["mof2020", "ratio"])
def test_an_overrun_rate_within_its_ceiling_is_achieved(target, actual, rules):
    score = indicator_score(target, actual, 10, rules, default_op="<=")
    assert (score.met, score.value) == (True, 10.0)


@pytest.mark.parametrize("target", OVERRUN_RATE_CEILINGS)
@pytest.mark.parametrize(("actual", "rules", "expected"), [
    ("8%", "mof2020", 4.0),       # 10 × (1 − (8 − 5)/5)
    ("8%", "ratio", 6.25),        # 10 × 5/8
    ("超支8%", "mof2020", 4.0),   # the rate measured, as beside ≤5%
    ("10%", "mof2020", 0.0),      # twice the ceiling
])
def test_an_overrun_rate_over_its_ceiling_is_scored_by_the_reverse_rule(target, actual, rules,
                                                                        expected):
    score = indicator_score(target, actual, 10, rules, default_op="<=")
    assert (score.met, score.value) == (False, expected)


def test_a_rate_of_overrun_without_a_sign_stays_the_overrun():
    """超支率3% (no sign) is by how much the budget was overrun (``overrun_by``), not a 3 % to
    reach: beside 控制在预算内 it is 103 % of the budget, 10 × 0.97."""
    assert indicator_score("控制在预算内", "超支率3%", 10, default_op="<=").value == 9.7


@pytest.mark.parametrize(("target", "actual", "expected"), [
    ("超支率≤5%", "3%", 20.0), ("成本超支率不超过5%", "超支2%", 20.0),
    ("超支率≤5%", "未超支", 20.0), ("成本超支率不超过5%", "8%", 8.0),   # 20 × (1 − 3/5)
])
def test_a_cost_rows_overrun_rate_ceiling_is_scored(target, actual, expected):
    """The row as a table gives it, under 成本指标 (a ceiling there in any case)."""
    row = Indicator("产出指标", "成本指标", "成本超支率", target=target, actual=actual, weight=20)
    assert score_indicator(row).value == expected
