"""Every rule row of docs/domain.md §2, with hand-computed numbers."""

from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jixiao.errors import ScoreInputError, UnknownRuleSet
from jixiao.parsing import Measure, parse_measure
from jixiao.rules import (
    as_written,
    even_shares,
    execution_rate,
    execution_score,
    grade,
    grading_scale,
    indicator_score,
    is_met,
    round2,
    rounded_alike,
    rounding_tail,
    rule_set,
    scale_of,
    template_amount,
    template_amounts,
    text_number,
    text_rate,
    total_score,
)


def score(target, actual, weight=10.0, rules="mof2020", **kwargs):
    return indicator_score(target, actual, weight, rules, **kwargs).value


# -------------------------------------------------------- amounts typed as text

@pytest.mark.parametrize(("text", "number"), [
    ("100.00", 100.0), (" 98.5 ", 98.5),
    # pasted from a finance system, typed with an IME: Excel reads them as numbers too
    ("1,234.56", 1234.56), ("1,200.00", 1200.0), ("12,345", 12345.0), ("1,234,567.5", 1234567.5),
    ("１００．００", 100.0), ("９５", 95.0), ("１，２３４．５", 1234.5), ("1，200", 1200.0),
    # not plainly a number: a unit, commas not grouping thousands, a sign, inner spaces
    ("100万元", None), ("１００万元", None), ("1,2,3", None), ("12,34", None), (",123", None),
    ("1,234.", None), ("1.234,5", None), ("-5", None), ("3 0", None), ("3\u00a00", None),
    ("", None), ("１", 1.0), ("①", None),
    # pasted from a web page: a no-break space, a 全角空格 around it (spaces, which TRIM
    # keeps), zero-width marks (nothing); a soft hyphen is not read (rules.NUMBER_INVISIBLE)
    ("　100", 100.0), ("100\u00a0", 100.0), ("\ufeff100\u200b", 100.0), ("\u2060１００", 100.0),
    ("10\u00ad0", None)])
def test_a_text_that_is_plainly_a_number_is_that_number(text, number):
    assert text_number(text) == number


def test_the_template_reads_grouped_and_full_width_amounts_and_refuses_units():
    assert template_amount("1,234.56", "全年预算数(A)") == 1234.56
    assert template_amount("９５", "全年执行数(B)") == 95.0
    assert text_rate("９８．５％") == pytest.approx(0.985)
    for text in ("100万元", "1,2,3"):
        with pytest.raises(ScoreInputError, match=f"全年预算数\\(A\\)“{text}”是文字，不是数值"):
            template_amount(text, "全年预算数(A)")



@pytest.mark.parametrize("mark", ["/", "—", "-", "－", "无", "／", "——", " / ", "N/A"])
def test_a_money_cell_holding_only_a_placeholder_is_read_as_blank(mark):
    """rt28 e23: “/” or “—” typed into an unused money line (上年结转资金, 其他资金) is no
    amount but a blank, as the reader takes an indicator row of only “/”: no ⚠, no JX309."""
    assert template_amount(mark, "全年预算数(A)") is None
    assert template_amounts(mark, mark) is None  # an unused line
    with pytest.raises(ScoreInputError, match=r"^全年预算数\(A\)未填写$"):
        template_amounts(mark, 30.0)  # one amount left out stays missing


def test_a_word_in_a_money_cell_is_still_no_amount():
    with pytest.raises(ScoreInputError, match="全年预算数\\(A\\)“约50万”是文字，不是数值"):
        template_amount("约50万", "全年预算数(A)")
    with pytest.raises(ScoreInputError, match="“/50”是文字"):
        template_amounts("/50", 30.0)


# -------------------------------------------------------- execution rate

def test_rate_is_executed_over_full_year_budget():
    assert execution_rate(200, 170) == pytest.approx(85.0)
    assert execution_score(execution_rate(200, 170), 10) == 8.50


def test_putuo_rate_and_score():
    rate = execution_rate(31.56, 31.50)          # 99.8099 %
    assert round2(rate) == 99.81
    assert execution_score(rate, 10) == 9.98      # as published


def test_execution_score_is_capped_at_its_weight():
    assert execution_score(execution_rate(100, 120), 10) == 10.0
    assert execution_score(-5, 10) == 0.0


@pytest.mark.parametrize(("budget", "executed"), [(0, 5), (-1, 5), (None, 5), (10, None), (10, -1)])
def test_rate_refuses_impossible_money(budget, executed):
    with pytest.raises(ScoreInputError):
        execution_rate(budget, executed)


# -------------------------------------------------------- positive targets

def test_positive_target_not_met_scores_in_proportion():
    assert score("≥95%", "85%") == 8.95           # 10 × 85 / 95 = 8.947…
    assert score("≥ 96.7 万人", "91.8 万人") == 9.49  # 10 × 91.8 / 96.7 = 9.493…


def test_positive_target_met_scores_full():
    assert score("≥90.00(%)", "99.80(%)", 5) == 5.0
    assert score(">90", "90.5") == 10.0


def test_units_are_reconciled():
    assert score("≥ 96.7 万人", "918226 人") == 9.5   # 918226 / 967000 = 0.94956…
    assert score("≥95%", "0.95") == 10.0
    assert score("≥95%", "0.85") == 8.95
    assert score("≥6 次", "3") == 5.0


def test_incompatible_units_give_no_score():
    result = indicator_score("≥30 万元", "2 小时", 10)
    assert result.value is None and "单位" in result.note


# -------------------------------------------------------- reverse targets

def test_reverse_target_mof2020_linear():
    assert score("≤3 小时", "4 小时") == 6.67       # 10 × (1 − 1/3)
    assert score("≤3 小时", "2 小时") == 10.0
    assert score("≤5 次", "12 次") == 0.0           # ≥ 2 × target
    assert score("≤5 次", "10 次") == 0.0           # exactly 2 × target


def test_reverse_target_ratio_rule_set():
    assert score("≤3 小时", "4 小时", rules="ratio") == 7.50   # 10 × 3 / 4
    assert score("≤5 次", "12 次", rules="ratio") == 4.17     # 10 × 5 / 12


def test_reverse_units_convert_minutes_and_hours():
    assert score("≤0.5 小时", "45 分钟") == 5.0


@pytest.mark.parametrize(("target", "actual", "expected"), [
    ("≥5 公里", "5200 米", 10.0), ("≥5 公里", "5.2km", 10.0),
    ("≥5 千米", "4.8 公里", 9.6),                 # 10 × 4.8 / 5
    ("≥1500 亩", "100 公顷", 10.0),               # 1,500 亩 is exactly 100 公顷
    ("≥1500 亩", "90 公顷", 9.0),                 # 1,350 亩 of 1,500
    ("≥1 万平方米", "12000㎡", 10.0), ("≥1 万平方米", "0.8万m2", 8.0),
    ("≥500 立方米", "600m³", 10.0), ("≥3 万方", "2.4万立方米", 8.0),
    ("≥10 吨", "8000 公斤", 8.0), ("≤30 秒", "0.75 分钟", 5.0),  # 45 s: 10 × (1 − 15/30)
])
def test_lengths_areas_volumes_masses_convert(target, actual, expected):
    assert score(target, actual) == expected


@pytest.mark.parametrize(("target", "actual", "expected"), [
    ("≤3000元/亩", "43500元/公顷", 10.0),          # 2,900 元/亩 (a 公顷 is 15 亩)
    ("≤3000元/亩", "49500元/公顷", 9.0),           # 3,300 元/亩: 10 × (1 − 300/3000)
    ("≥50公斤/亩", "780公斤/公顷", 10.0),          # 52 公斤/亩
    ("≥50公斤/亩", "600公斤/公顷", 8.0),           # 40 of 50
    ("≥1吨/公顷", "60公斤/亩", 9.0),               # 900 公斤/公顷, 0.9 吨
    ("≥40套", "42台(套)", 10.0), ("≥40套", "36台套", 9.0), ("≥40台", "30台（套）", 7.5),
])
def test_rates_per_unit_and_units_with_their_other_name_convert(target, actual, expected):
    """元/亩 beside 元/公顷 converts both sides of the rate; 台(套), 台套 count 台 or 套
    (before: 单位不一致, JX204, no score)."""
    assert score(target, actual) == expected


@pytest.mark.parametrize(("target", "actual"), [
    ("≥5次", "6场"), ("≤50元/人", "45元/户"), ("≥40套", "42台"), ("≥5次", "6人(次)"),
    ("≤3000元/亩", "43500元/人")])
def test_rates_and_counts_of_other_things_stay_apart(target, actual):
    assert indicator_score(target, actual, 10).value is None


@pytest.mark.parametrize(("target", "actual", "expected"), [
    ("≤3个月", "80天", 10.0), ("≤2个月", "45天", 10.0), ("≤90天", "1个季度", 10.0),
    ("≤30天", "1个月", 10.0), ("≤31天", "1个月", 10.0),   # a month is 28–31 days
    ("≤1年", "365天", 10.0), ("≤1年", "366天", 10.0),
    ("≤1个月", "35天", 8.5),        # 10 × (1 − (35 − 30.44) / 30.44): a month's average
    ("≤3个月", "120天", 6.86),
    ("≥6个月", "200天", 10.0),
])
def test_months_and_days_compare(target, actual, expected):
    """A month has no fixed number of days: a number of days that many months can hold is
    their length; beyond it a month is 365.25/12 days — before, 单位不一致 and no score."""
    assert score(target, actual) == expected


@pytest.mark.parametrize(("target", "actual", "span"), [
    ("≤3个月", "100天", (4.05, 4.62)),   # 84 and 93 days: 5 × (1 − 16/84), 5 × (1 − 7/93)
    ("≤1个季度", "100天", (4.05, 4.62)),
    ("≤1个月", "35天", (3.75, 4.35)),
    ("≥6个月", "150天", (4.03, 4.46)),   # 150 of 168 and of 186 days
])
def test_months_counted_in_days_allow_any_month_of_28_to_31_days(target, actual, span):
    """jixiao counts an average month (365.25/12 days) and says so; a unit counting 30 days
    a month (≤3个月 → 90天: 4.44 for jixiao's 4.52) is right too: any score a month of
    28–31 days gives is taken as written (rt26 g p11)."""
    result = indicator_score(target, actual, 5)
    assert result.span == span
    assert "月按每月 30.44 天（365.25÷12）折算" in result.note
    assert f"按每月 28–31 天折算的得分在 {span[0]:g}–{span[1]:g} 之间均可" in result.note
    assert as_written(result, span[0]).value == span[0]
    assert as_written(result, span[1]).value == span[1]
    assert as_written(result, round(span[1] + 0.01, 2)).value == result.value


@pytest.mark.parametrize(("target", "actual"), [
    ("≤3个月", "80天"),     # met whatever a month holds: one score
    ("≤30天", "35天"),      # no month counted
    ("≤1年", "400天"),      # a year is 365 days however its months run
    ("≤31天", "1个月"),     # days a month can hold: the month's own length
])
def test_no_span_where_the_days_a_month_counts_change_nothing(target, actual):
    result = indicator_score(target, actual, 5)
    assert result.span is None and "折算" not in result.note


def test_days_within_the_working_days_allowed_are_met():
    """3天 hold at most 3 working days, within ≤5个工作日; 7天 may hold 5 or 7 — no reading."""
    assert score("≤5个工作日", "3天") == 10.0
    assert score("≤5个工作日", "5日") == 10.0
    result = indicator_score("≤5个工作日", "7天", 10)
    assert (result.value, result.met) == (None, None) and "单位不一致" in result.note


def test_different_quantities_do_not_compare():
    result = indicator_score("≥5 公里", "3 小时", 10)
    assert (result.value, result.met) == (None, None) and "单位不一致" in result.note


def test_cost_target_without_operator_is_a_ceiling():
    assert score("30 万元", "33 万元", default_op="<=") == 9.0
    assert score("30 万元", "33 万元") == 10.0     # read as "=" → as positive


# -------------------------------------------------------- equals targets

def test_equals_positive_target_scores_as_positive():
    assert score("＝ 47 个", "47 个") == 10.0
    assert score("＝ 47 个", "40 个") == 8.51      # 10 × 40 / 47 = 8.510…


def test_equals_zero_target():
    assert score("=0 起", "0 起") == 10.0
    assert score("=0 起", "1 起") == 0.0


def test_negative_actual_is_treated_as_zero():
    assert score("≥10 个", "-3 个") == 0.0
    assert score("≤5 次", "-2 次") == 10.0


def test_a_negative_actual_is_said_to_count_as_zero():
    """rt22 (neg_pos_P): the note said “分值 × 实际完成值 ÷ 年度指标值”, which gives −4 for
    −2 % of ≥5 %, not the 0 it stood beside."""
    assert indicator_score("≥5%", "-2%", 10.0).note \
        == "正向指标：实际完成值“-2%”为负数，按 0 计，得 0 分"
    assert indicator_score("≥5%", "2%", 10.0).note == "正向指标：分值 × 实际完成值 ÷ 年度指标值"


@pytest.mark.parametrize(("target", "actual", "note"), [
    ("下降≥5%", "增长2%", "正向指标：实际完成值“增长2%”是增长，不是要求的下降，按 0 计，得 0 分"),
    ("较上年下降5%", "较上年增长2%",
     "正向指标：实际完成值“较上年增长2%”是增长，不是要求的下降，按 0 计，得 0 分"),
    ("增长10%", "下降5%", "正向指标：实际完成值“下降5%”是下降，不是要求的增长，按 0 计，得 0 分")])
def test_a_change_the_other_way_is_said_so(target, actual, note):
    """rt31 r9 h6/e9: a fall wanted, a rise done — a fall of −2 %, 0 of 10; the note said
    “增长2%”为负数, which it is not."""
    scored = indicator_score(target, actual, 10.0)
    assert (scored.value, scored.note) == (0.0, note)


@pytest.mark.parametrize(("target", "actual"), [
    ("≥0%", "-2%"), ("≥0", "-2.5%"), ("不低于0%", "-2%"), ("≥0.00(%)", "-5.00(%)"),
    ("≥0%", "-0.01%"), ("≥0万元", "-3万元"), ("不低于上年", "-2%"), ("较上年增长≥0%", "-3%"),
    ("＞0", "-2%"), ("≥-5%", "-8%"), ("≥0%", -0.02)])
def test_a_negative_actual_below_a_target_of_zero_or_less_is_not_met(target, actual):
    """rt30 (n01–n08, ng00–ng05): −2 % against ≥0 % was clamped to 0 first and so met
    (full marks), and against ＞0 said to equal the target (16 of 20). By hand −2 < 0: not
    met; 分值 × 完成值 ÷ 指标值 has no meaning at a target of 0 or less, so the row is scored
    in the 未达成 band, as 不低于上年 against 较上年下降2% is (0–12 of 20)."""
    assert is_met(target, actual) is False
    scored = indicator_score(target, actual, 20.0)
    assert (scored.value, scored.met, scored.band, scored.level) == (None, False, (0.0, 12.0), "not")
    assert "请在 0–12 分之间人工评分" in scored.note
    assert "恰好等于" not in scored.note
    # a unit that scored it 0 (or anything in the band) is right; 20 is not
    assert indicator_score(target, actual, 20.0, judged=0.0).value == 0.0
    assert indicator_score(target, actual, 20.0, judged=20.0).value is None


@pytest.mark.parametrize(("target", "actual", "points"), [
    ("≥0%", "0%", 20.0), ("≥0%", "3%", 20.0), ("≥-5%", "-3%", 20.0), ("＞0", "0", 16.0),
    ("=0 起", "-1 起", 20.0), ("≤5 次", "-2 次", 20.0), ("≥5%", "-2%", 0.0)])
def test_negative_actuals_that_keep_their_score(target, actual, points):
    """The neighbours: met at or above a target of 0 or less; ＞0 reached only at 0 is the
    strict target's 80 %; a ceiling or =0 is met below it; against a target above 0 a
    negative actual still counts as 0 (0 points)."""
    assert score(target, actual, 20.0) == points


# -------------------------------------------------------- strict targets

def test_strict_target_met_only_beyond_equality():
    assert is_met("＜ 24 小时", "24 小时") is False
    assert is_met("＜ 24 小时", "23.5 小时") is True
    assert is_met("＞90%", "90%") is False
    assert is_met("≥90%", "90%") is True


@pytest.mark.parametrize(("target", "actual", "rules", "expected"), [
    ("＜ 24 小时", "24 小时", "mof2020", 8.0),
    ("＜ 24 小时", "24 小时", "sichuan", 8.0),
    ("＜ 24 小时", "24 小时", "ratio", 8.0),
    ("＞90%", "90%", "mof2020", 8.0),
    ("＞90%", "0.9", "mof2020", 8.0),       # the same value in another unit
    ("大于 96.7 万人", "967000 人", "mof2020", 8.0),
    ("＜ 24 小时", "1440 分钟", "mof2020", 8.0),
    ("＜ 24 小时", "23 小时", "mof2020", 10.0),
    ("＞90%", "91%", "mof2020", 10.0),
])
def test_strict_target_at_equality_is_partial_at_the_top_of_its_band(target, actual, rules,
                                                                     expected):
    """Decided rule (docs/rules.md): not met, scored as 部分达成 at the band's upper bound."""
    result = indicator_score(target, actual, 10, rules)
    assert result.value == expected
    assert result.met is is_met(target, actual)
    assert (result.met is False) == (expected < 10)


def test_unmet_target_never_rounds_to_full_marks():
    result = indicator_score("≥100", "99.9999", 10)
    assert result.met is False and result.value == 9.99
    assert indicator_score("≥100", "99.9999", 0).value == 0.0


@pytest.mark.parametrize("target, actual, weight, full", [
    ("≥80%", "79.9%", 4, 4.0),          # 3.995
    ("≤40小时", "40.02小时", 5, 5.0),    # 4.9975
])
def test_a_score_rounding_to_full_marks_is_right_written_either_way(target, actual, weight, full):
    """The rules round to 2 decimals: the formula's 4.00 is right; jixiao's own 3.99 too."""
    result = indicator_score(target, actual, weight)
    assert (result.met, result.value) == (False, full - 0.01)
    assert "jixiao 取" in result.note and "财政部" not in result.note
    written = as_written(result, full)
    assert written.value == full and written.met is False
    assert written.note.endswith(f"按公式四舍五入为满分 {full:g}（未达成，填 {full - 0.01:g} 亦可）")
    assert as_written(result, full - 0.01) is result
    assert as_written(result, None) is result
    below = indicator_score("≥80%", "79.7%", 4)  # 3.985 → 3.99: clearly less, no choice
    assert below.value == 3.99 and as_written(below, 4) is below


# ---------------------------------------------------------- ties, by hand

@pytest.mark.parametrize("target, actual, weight, expected", [
    ("≤10万元", "16.17万元", 15, 5.75),   # 15 × (1 − 6.17 ÷ 10) = 5.745
    ("≤4小时", "7.65小时", 6, 0.53),      # 6 × (1 − 3.65 ÷ 4) = 0.525
    ("≤5小时", "9.97小时", 7.5, 0.05),    # 0.045
    ("≤8小时", "14.96小时", 7.5, 0.98),   # 0.975
])
def test_a_reverse_score_on_a_tie_rounds_up_as_by_hand(target, actual, weight, expected):
    assert indicator_score(target, actual, weight).value == expected


def _by_hand(weight, target, actual, ratio):
    """The score as a person computes it: in decimal, from the numbers as written."""
    w, t, a = Decimal(weight), Decimal(target), Decimal(actual)
    share = t / a if ratio else 1 - (a - t) / t
    return float((w * share).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def _reverse_ties(ratio):
    """(分值, 指标值, 完成值) written with 2 decimals whose reverse score ends in 5 at the
    third decimal, exactly, across units and scales."""
    found = []
    for weight in ("2", "3", "5", "6", "7.5", "10", "15"):
        for target in ("0.8", "2.5", "4", "5", "8", "12", "24", "60", "150"):
            for step in range(1, 300):
                t = Decimal(target)
                a = (t + t * step / 300).quantize(Decimal("0.01"))
                if not t < a < 2 * t:
                    continue
                exact = Decimal(weight) * (t / a if ratio else 1 - (a - t) / t)
                if exact != exact.quantize(Decimal("0.001")) or exact.as_tuple().digits[-1] != 5 \
                        or exact >= Decimal(weight) - Decimal("0.005"):
                    continue
                found.append((weight, target, str(a)))
    return found


@pytest.mark.parametrize("ratio", [False, True])
def test_every_reverse_tie_scores_what_a_hand_calculation_gives(ratio):
    ties = _reverse_ties(ratio)
    assert len(ties) > (20 if ratio else 1000)  # the search finds ties: the test tests them
    rules = "ratio" if ratio else "mof2020"
    wrong = [(weight, target, actual, got, want)
             for weight, target, actual in ties
             for unit in ("小时", "万元", "%", "元/人")
             if (got := indicator_score(f"≤{target}{unit}", f"{actual}{unit}", float(weight),
                                        rules).value)
             != (want := _by_hand(weight, target, actual, ratio))]
    assert wrong == []


# -------------------------------------------------------- qualitative

def test_qualitative_achieved_is_full():
    assert score("及时", "达成指标", 20) == 20.0
    assert score("满意", "满意", 10) == 10.0


def test_qualitative_bands_mof2020_and_ratio():
    partial = indicator_score("规范", "部分达成", 10)
    assert partial.value is None and partial.band == (6.0, 8.0)
    assert indicator_score("规范", "未达成", 10).band == (0.0, 6.0)
    assert indicator_score("规范", "部分达成", 10, "ratio").band == (5.0, 8.0)
    assert indicator_score("规范", "未达成", 10, "ratio").band == (0.0, 5.0)
    assert indicator_score("规范", "达成", 10).band == (8.0, 10.0)


def test_judged_qualitative_score_must_lie_in_its_band():
    assert score("规范", "部分达成", judged=7) == 7.0
    outside = indicator_score("规范", "部分达成", 10, judged=9)
    assert outside.value is None and "6–8" in outside.note


def test_deadline_targets():
    assert score("2023 年 12 月 31 日前完成", "2023 年 12 月 31 日前全部完成") == 10.0
    late = indicator_score("2023 年 12 月 31 日前完成", "2024 年 3 月 31 日前完成", 10)
    assert late.met is False and late.value is None and late.band == (6.0, 8.0)  # 逾期完成
    undone = indicator_score("2023 年 12 月 31 日前完成", "2024 年 3 月尚未完成", 10)
    assert undone.level == "not" and undone.band == (0.0, 6.0)


@pytest.mark.parametrize(("target", "actual", "level"), [
    ("2023年12月31日前", "2023年12月31日后完成", "partial"),
    ("2023年12月31日前", "2023年12月31日之后完成", "partial"),
    ("2023年12月31日前", "2023年12月31日以后完成", "partial"),
    ("2023年12月31日前", "超过12月31日", "partial"),
    ("12月底前完成", "12月底后完成", "partial"),
    ("12月底前完成", "12月底以后", "partial"),
    ("2023年12月31日前", "2023年12月31日前未完成", "not"),
])
def test_done_after_the_deadline_is_not_met(target, actual, level):
    """After the deadline's date (后, 之后, 以后, 超过 …) is late: 逾期 (partial, 60–80 % of 10),
    or not done by it at all (前未完成: 0–60 %). Before: read as done by the date, full marks."""
    result = indicator_score(target, actual, 10)
    assert result.met is False and result.value is None
    assert result.band == ((6.0, 8.0) if level == "partial" else (0.0, 6.0))
    assert is_met(target, actual) is False


def test_done_by_the_deadline_still_met():
    for actual in ("2023年12月31日前完成", "2023年12月31日前全部完成", "提前完成", "2023年12月20日完成"):
        assert score("2023年12月31日前", actual) == 10.0, actual
    assert score("12月底前完成", "提前完成") == 10.0
    # after a date before the deadline: when it was done is not known
    later = indicator_score("2023年12月31日前", "2023年6月30日后完成", 10)
    assert later.met is None and later.value is None and "请填写完成的日期" in later.note


def test_unparseable_inputs_give_no_score_but_a_reason():
    result = indicator_score("≯100.00(%)", "100.00(%)", 5)
    assert result.value is None and "≯" in result.note
    assert indicator_score("", "85%", 10).note == "年度指标值为空"
    assert indicator_score("≥95%", None, 10).note == "实际完成值为空"


def test_a_damaged_at_least_is_scored_as_the_at_least_it_was():
    """rt22 (s_ocr_short_P): ≠100.00(%) is a ≥ a conversion damaged (DOMAIN.md §3) —
    before, it was no score, and full marks for 95 % went without JX402."""
    short = indicator_score("≠100.00(%)", "95.00(%)", 10)
    assert (short.value, short.met, short.note) == (9.5, False, "正向指标：分值 × 实际完成值 ÷ 年度指标值")
    assert score("≠100.00(%)", "100.00(%)", 5) == 5.0
    # a ceiling's (成本, 时限) damaged sign is not known to be ≥: no score
    assert indicator_score("≠30万元", "25万元", 10, default_op="<=").value is None


# -------------------------------------------------------- total, grade, rounding

def test_total_and_grade():
    assert total_score([9.98, 5, 25, 20, 30, 10]) == 99.98
    assert total_score([9.98, None]) is None
    assert grade(99.98) == "优"
    assert grade(90) == "优"
    assert grade(89.99) == "良"
    assert grade(80) == "良"
    assert grade(79.99) == "中"
    assert grade(60) == "中"
    assert grade(59.99) == "差"


@pytest.mark.parametrize(("total", "said", "decimals", "alike"), [
    (99.05, 99.05, 2, True), (98.0, 98.0, 1, True),  # 98.0分 for 98
    (99.05, 99.1, 1, True), (99.05, 99.0, 0, True), (99.98, 100.0, 0, True),
    (99.05, 99.0, 1, False),  # 99.0 is 99.05 rounded to no decimals, written with one
    (99.05, 99.06, 2, False), (98.4, 99.0, 0, False), (99.04, 99.1, 1, False),
    (89.6, 90.0, 0, False), (89.96, 90.0, 1, False),  # rounded across a grade: 良 said 优
    (99.05, 92.0, 0, False)])
def test_a_total_said_again_may_be_rounded_to_the_decimals_it_is_written_with(
        total, said, decimals, alike):
    assert rounded_alike(total, said, decimals) is alike


def test_rounding_is_half_up_on_two_decimals():
    assert round2(8.947368) == 8.95
    assert round2(2.675) == 2.68          # float 2.675 is 2.67499…; people round up
    assert grade(89.995) == "优"          # 89.995 rounds to 90.00
    assert grade(89.994) == "良"


def test_a_tie_computed_in_floating_point_rounds_as_the_tie_it_is():
    """10 × 83.35 % is 8.335 by hand, 8.334999999999999 in binary; Excel, WPS and
    LibreOffice give ROUND(…, 2) = 8.34 (tests/product/test_rounding_ties.py), and so
    must jixiao, or a clerk's correct 8.34 is called wrong and a 90.00 table 良."""
    assert 10 * (83.35 / 100) < 8.335  # the float really lies below the tie
    assert round2(10 * (83.35 / 100)) == 8.34
    assert indicator_score("100%", "83.35%", 10).value == 8.34  # 10 × 83.35/100
    # cost ≤ 20 万元, actual 22.15: 10 × (1 − 2.15/20) = 8.925 → 8.93
    assert indicator_score("≤20 万元", "22.15 万元", 10).value == 8.93
    assert round2(10 * (1 - 2.15 / 20)) == 8.93
    assert round2(8.92499999999999) == 8.92  # a value below the tie at 15 digits stays below
    assert grade(round2(80 + 8.925 + 1.075)) == "优"  # 90.00, not 89.99


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_memoised_rounding_equals_the_decimal_rule(number):
    """round2 is memoised; every float (twice, so the memo answers) gives what the
    plain Decimal half-up rounding of its 15 significant digits gives (what a
    spreadsheet keeps of it), with the sign of zero kept."""
    import math
    from decimal import ROUND_HALF_UP, Decimal

    if not math.isfinite(number) or abs(number) >= 1e15:
        expected = number
    else:
        expected = float(Decimal(f"{number:.15g}").quantize(Decimal("0.01"),
                                                           rounding=ROUND_HALF_UP))
    for _ in range(2):
        got = round2(number)
        assert repr(got) == repr(expected)


def test_unknown_rule_set_is_a_clear_error():
    with pytest.raises(UnknownRuleSet, match="未知的评分规则"):
        rule_set("beijing")
    assert rule_set("SICHUAN").reason_below_rate == 90.0


# -------------------------------------------------------- properties

operators = st.sampled_from([">=", ">", "=", "<=", "<"])
amounts = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
weights = st.floats(min_value=0, max_value=100, allow_nan=False)
rule_names = st.sampled_from(["mof2020", "ratio", "sichuan"])


@given(operators, amounts, amounts, weights, rule_names)
def test_score_never_leaves_zero_to_weight(op, goal, done, weight, rules):
    target = Measure(text=f"{op}{goal}", kind="number", op=op, value=goal, unit="%")
    actual = Measure(text=f"{done}", kind="number", value=done, unit="%")
    result = indicator_score(target, actual, weight, rules)
    if result.value is not None:
        assert 0.0 <= result.value <= round2(weight)


@given(operators, amounts, amounts, weights, rule_names)
def test_met_implies_full_marks(op, goal, done, weight, rules):
    target = Measure(text=f"{op}{goal}", kind="number", op=op, value=goal, unit="%")
    actual = Measure(text=f"{done}", kind="number", value=done, unit="%")
    result = indicator_score(target, actual, weight, rules)
    if result.met:
        assert result.value == round2(weight)
    elif result.met is False and round2(weight) > 0 and result.band is None:
        assert result.value < round2(weight)  # never 未完成却得满分
    elif result.met is False and round2(weight) > 0:  # ≥0 done −1: the 未达成 band, by hand
        assert result.value is None and result.level == "not"


@given(st.sampled_from(["及时", "规范", "满意"]),
       st.sampled_from(["达成", "部分达成", "未达成"]), weights, rule_names,
       st.one_of(st.none(), st.floats(min_value=-10, max_value=110, allow_nan=False)))
def test_qualitative_scores_stay_in_band(target, actual, weight, rules, judged):
    result = indicator_score(target, actual, weight, rules, judged=judged)
    if result.value is not None:
        low, high = result.band
        assert low <= result.value <= high <= round2(weight)


@given(st.floats(min_value=0.01, max_value=1e7, allow_nan=False),
       st.floats(min_value=0, max_value=1e7, allow_nan=False), weights)
def test_execution_score_in_range(budget, executed, weight):
    assert 0.0 <= execution_score(execution_rate(budget, executed), weight) <= round2(weight)


def test_a_rules_cell_may_name_its_rule_set_in_words():
    """One reading of 评分规则 for the reader, the JX_ functions and the CLI: a template
    whose cell says 四川 is scored (not ⚠) by recalc, as check reads it."""
    from jixiao.rules import rule_name, rule_set

    assert rule_set("四川").name == rule_name("四川省规则") == "sichuan"
    assert rule_set("比例法").name == "ratio"
    assert rule_set("财预〔2020〕10号").name == rule_set(" MOF2020 ").name == "mof2020"
    assert rule_name("浙江") is None
    with pytest.raises(UnknownRuleSet):
        rule_set("浙江")


def test_recalc_scores_a_template_whose_rules_cell_says_sichuan_in_words(tmp_path):
    from openpyxl import load_workbook

    from jixiao.pipeline import check_workbook
    from jixiao.read.by_names import read_template
    from jixiao.recalc.workbook import recalc_file
    from jixiao.samples import sample
    from jixiao.template.build import build_template

    filled = tmp_path / "filled.xlsx"
    build_template(filled, table=sample("putuo-1"))
    book = load_workbook(filled)
    sheet = next(ws for ws in book.worksheets if ws["K2"].value == "mof2020")
    sheet["K2"].value = "四川"
    book.save(filled)
    recalc_file(filled, tmp_path / "out.xlsx")
    table = read_template(tmp_path / "out.xlsx")
    assert table.rules.name == "sichuan"
    assert all(isinstance(i.score_declared, float) for i in table.indicators)
    assert not [f for f in check_workbook(tmp_path / "out.xlsx").findings if f.severity == "error"]


def test_a_date_is_named_a_date_when_units_differ():
    """The clerk reads “日期”, never the parser's own names for it (date, 月日)."""
    for deadline in ("2024年12月31日前完成", "12月31日前完成"):
        note = indicator_score(deadline, "100%", 10).note
        assert note == "单位不一致：指标值单位“日期”，完成值单位“%”"


@pytest.mark.parametrize(("target", "actual", "level"), [
    ("优良", "优", "achieved"), ("优良", "良好", "achieved"), ("合格", "优秀", "achieved"),
    ("良好及以上", "优", "achieved"), ("优", "优秀", "achieved"),
    ("优良", "合格", "partial"), ("优", "良好", "partial"), ("良好", "较好", "achieved"), ("优", "较好", "partial"),
    ("优", "合格", "not"), ("优良", "不合格", "not"),
    # rt31 r5 Z2: a level written with ≥ is that level or better, as 良好及以上
    ("≥良好", "良好", "achieved"), ("≥合格", "合格", "achieved"), ("≥优良", "优", "achieved"),
    ("≥较好", "良好", "achieved"), ("≥优秀", "优秀", "achieved"), ("≥满意", "满意", "achieved"),
    ("≥良好", "合格", "partial"), ("≥优秀", "良好", "partial"), ("≥满意", "较满意", "partial"),
    ("不低于良好", "合格", "partial"), ("达到良好", "合格", "partial"),  # before: achieved
    ("≥良好", "不合格", "not"),
])
def test_quality_levels_are_compared_not_matched_as_words(target, actual, level):
    """工程质量 优良 (good or better) met by 优; 优 wanted, 良好 reached is one level short —
    部分达成, a person scores it in 6–8 of 10 — though 良好 alone reads as 达成."""
    found = indicator_score(target, actual, 10)
    assert found.level == level
    assert found.met is (level == "achieved")
    assert found.value == (10.0 if level == "achieved" else None)


@pytest.mark.parametrize(("target", "actual", "level", "band"), [
    ("较好", "好", "achieved", (8.0, 10.0)), ("良好", "好", "achieved", (8.0, 10.0)),
    ("优", "好", "achieved", (8.0, 10.0)), ("一般", "好", "achieved", (8.0, 10.0)),
    ("好", "优秀", "achieved", (8.0, 10.0)), ("好", "好", "achieved", (8.0, 10.0)),
    ("好", "较好", "partial", (6.0, 8.0)), ("好", "良好", "achieved", (8.0, 10.0)),  # rt31
    ("优", "良好", "partial", (6.0, 8.0)), ("≥好", "良好", "achieved", (8.0, 10.0)),
    ("好", "一般", "not", (0.0, 6.0)), ("好", "较差", "not", (0.0, 6.0)),
    ("好", "差", "not", (0.0, 6.0)), ("较好", "差", "not", (0.0, 6.0)),
    ("一般", "差", "not", (0.0, 6.0)), ("一般", "较差", "not", (0.0, 6.0)),
    ("中", "差", "not", (0.0, 6.0)),
    ("好/较好/一般/差", "优", "achieved", (8.0, 10.0)), ("优/良/中/差", "好", "achieved", (8.0, 10.0)),
])
def test_good_stands_at_the_top_of_the_quality_words(target, actual, level, band):
    """差 < 较差 … 一般/中 < 较好/良 < 好/优: 好 exceeds 较好 (达成, before: 无法判断); 好
    wanted, 较好 reached is one level short (部分达成, 6–8 of 10), as 优 → 良好 is — but 良好
    is a “good” and meets 好 (rt31 r5 Z1; before: 部分达成, JX402 on full marks); 差 and
    较差 are 未达成 below any better level (0–6 of 10: 未达成且效果较差), not a level short
    of 一般 (before: 好 → 差 无法判断, 一般 → 差 部分达成)."""
    found = indicator_score(target, actual, 10)
    assert (found.level, found.band, found.met) == (level, band, level == "achieved")
    assert found.value == (10.0 if level == "achieved" else None)
    inside = {"achieved": 9.0, "partial": 7.0, "not": 5.0}[level]
    assert indicator_score(target, actual, 10, judged=inside).value == inside
    outside = {"achieved": 7.0, "partial": 9.0, "not": 7.0}[level]
    assert indicator_score(target, actual, 10, judged=outside).value is None


@pytest.mark.parametrize(("target", "actual", "level", "band"), [
    ("满意", "满意", "achieved", (8.0, 10.0)), ("满意", "非常满意", "achieved", (8.0, 10.0)),
    ("满意", "很满意", "achieved", (8.0, 10.0)), ("较满意", "满意", "achieved", (8.0, 10.0)),
    ("基本满意", "比较满意", "achieved", (8.0, 10.0)), ("满意及以上", "非常满意", "achieved", (8.0, 10.0)),
    ("满意", "较满意", "partial", (6.0, 8.0)), ("满意", "比较满意", "partial", (6.0, 8.0)),
    ("满意", "基本满意", "partial", (6.0, 8.0)), ("满意", "较为满意", "partial", (6.0, 8.0)),
    ("满意", "一般", "partial", (6.0, 8.0)), ("非常满意", "满意", "partial", (6.0, 8.0)),
    ("非常满意", "较满意", "partial", (6.0, 8.0)), ("满意及以上", "较满意", "partial", (6.0, 8.0)),
    ("群众满意", "群众较满意", "partial", (6.0, 8.0)), ("群众满意", "群众基本满意", "partial", (6.0, 8.0)),
    ("服务对象满意", "服务对象比较满意", "partial", (6.0, 8.0)),
    # a bare level answers the level after the subject the target names (rt5 t16)
    ("群众满意", "较满意", "partial", (6.0, 8.0)), ("服务对象满意", "较满意", "partial", (6.0, 8.0)),
    ("居民满意及以上", "基本满意", "partial", (6.0, 8.0)), ("患者满意", "不满意", "not", (0.0, 6.0)),
    ("群众满意", "满意", "achieved", (8.0, 10.0)), ("服务对象满意", "非常满意", "achieved", (8.0, 10.0)),
    ("受益群众较满意", "满意", "achieved", (8.0, 10.0)),
    # … and the other way round: the subject on the 完成值's side, or on both
    ("满意", "群众较满意", "partial", (6.0, 8.0)), ("满意", "服务对象基本满意", "partial", (6.0, 8.0)),
    ("群众满意", "居民较满意", "partial", (6.0, 8.0)), ("满意", "群众不满意", "not", (0.0, 6.0)),
    ("满意", "群众满意", "achieved", (8.0, 10.0)), ("满意", "群众非常满意", "achieved", (8.0, 10.0)),
    ("满意", "不满意", "not", (0.0, 6.0)), ("满意", "不太满意", "not", (0.0, 6.0)),
    ("非常满意", "非常不满意", "not", (0.0, 6.0)), ("群众满意", "群众不满意", "not", (0.0, 6.0)),
])
def test_satisfaction_words_are_a_scale(target, actual, level, band):
    """非常满意 > 满意 > 比较满意/较满意/基本满意 > 一般 > 不满意: 满意 wanted, 较满意 reached
    is below it — 部分达成, 6–8 of 10 — though 较满意 alone reads as 达成 (before: 满分, no
    finding); any level short of 满意 and above 不满意 is 部分达成, 不满意 未达成."""
    found = indicator_score(target, actual, 10)
    assert (found.level, found.band, found.met) == (level, band, level == "achieved")
    assert found.value == (10.0 if level == "achieved" else None)
    assert is_met(target, actual) is (level == "achieved")


@pytest.mark.parametrize(("target", "actual", "value", "met"), [
    ("≥95%", "96%", 10.0, True), ("≥95%", "85%", 8.95, False),  # a number wanted: the formula
    ("满意度高", "满意度较高", None, False),  # the height scale, as before
    ("满意度较高", "满意度高", 10.0, True), ("满意", "满意度较高", 10.0, True),
    ("群众满意", "满意度较高", 10.0, True),  # no bare level: as before
    ("群众更满意", "较满意", 10.0, True),  # more satisfied than what? no level wanted
    ("满意", "群众无不满意", 10.0, True),  # a level denied, not reached
])
def test_satisfaction_asked_otherwise_is_read_as_before(target, actual, value, met):
    found = indicator_score(target, actual, 10)
    assert (found.value, found.met) == (value, met)


@pytest.mark.parametrize(("target", "actual", "level", "band"), [
    # the level stated first, a comment after it: the comment's 不及时/不满意 do not count
    ("满意", "比较满意，部分居民反映路灯维修不及时", "partial", (6.0, 8.0)),  # was 未达成
    ("满意", "满意度较高，个别不满意", "achieved", (8.0, 10.0)),  # as 满意度较高 alone; was 未达成
    ("满意", "满意，个别居民不满意", "achieved", (8.0, 10.0)),  # was 未达成
    ("满意", "一般；部分居民不满意", "partial", (6.0, 8.0)),  # 一般 on the scale; was 未达成
    ("满意", "较满意（个别投诉处理不及时）", "partial", (6.0, 8.0)),  # a bracket; was 未达成
    ("满意", "比较满意。", "partial", (6.0, 8.0)),  # a full stop only; was 达成
    ("优良中低差", "良，部分指标待改进", "partial", (6.0, 8.0)),  # on a grading scale; was none
    # … as before: the level stated first said so already, or the comment qualifies it
    ("满意", "满意，部分居民反映问题", "achieved", (8.0, 10.0)),
    ("满意", "不满意，投诉较多", "not", (0.0, 6.0)),
    ("有效保障", "部分保障，资金不足", "partial", (6.0, 8.0)),
    ("完成", "未完成，因资金未到位", "not", (0.0, 6.0)),
    ("完成", "部分完成，剩余部分延至明年", "partial", (6.0, 8.0)),
    ("达成", "达成，超额完成", "achieved", (8.0, 10.0)),
    ("满意", "基本满意", "partial", (6.0, 8.0)),
    ("完成", "已完成，需进一步提升", "partial", (6.0, 8.0)),  # more needed: not there yet
    ("满意", "满意，需进一步提升服务水平", "partial", (6.0, 8.0)),
    ("合格", "已完成，但效果不佳", "not", (0.0, 6.0)),  # 但: the comment turns it round
    ("完成", "虽已完成，但未通过验收", "not", (0.0, 6.0)),  # 虽: no statement of a level
    ("及时", "路灯维修，部分不及时", "not", (0.0, 6.0)),  # no level first: the whole text's
])
def test_a_level_stated_first_is_not_changed_by_the_comment_after_it(target, actual, level,
                                                                     band):
    """满意 | 比较满意，部分居民反映路灯维修不及时 was 未达成 for the comment's 不及时: the level
    is read from the clause before ，；。 or a bracket where that clause states one."""
    found = indicator_score(target, actual, 10)
    assert (found.level, found.band, found.met) == (level, band, level == "achieved")
    assert found.value == (10.0 if level == "achieved" else None)
    assert is_met(target, actual) is (level == "achieved")


def test_a_number_with_a_comment_is_scored_as_the_number():
    found = indicator_score("≥95%", "96%，较上年提升", 10)
    assert (found.value, found.met, found.level) == (10.0, True, None)
    found = indicator_score("≥95%", "85%，部分居民不满意", 10)
    assert (found.value, found.met, found.level) == (8.95, False, None)  # 10 × 85/95


@pytest.mark.parametrize(("target", "actual", "value", "met"), [
    ("≥2万件", 23000, 10.0, True),      # the count typed out
    ("≥2万件", 2.3, 10.0, True),        # in the target's 万
    ("≤30万元", 295000, 10.0, True),    # the yuan typed out: 29.5 万元, within
    ("≤30万元", 350000, 8.33, False),   # 35 万元: 10 × (1 − 5/30)
    ("≥96.7万人", 918000, 9.49, False),  # 91.8 万人 — not 918,000 万
    ("≥96.7万人", 91.8, 9.49, False),
])
def test_a_bare_number_beside_a_wan_unit_is_read_at_the_nearer_scale(target, actual, value, met):
    found = indicator_score(target, actual, 10)
    assert (found.value, found.met) == (value, met)


@pytest.mark.parametrize(("target", "actual", "value", "met"), [
    ("≥2年", "24个月", 10.0, True), ("≥2年", "18个月", 7.5, False),
    ("≤6个月", "2个季度", 10.0, True), ("≤30天", "1个月", 10.0, True),  # a month holds 28–31 days
])
def test_months_quarters_and_years_convert(target, actual, value, met):
    found = indicator_score(target, actual, 10)
    assert (found.value, found.met) == (value, met)


@pytest.mark.parametrize(("target", "actual", "met"), [
    ("12月底前", "2025年1月10日", False),   # the year evaluated was 2024: done late
    ("年底前完成", "2025年2月", False),
    ("6月底前", "2024年12月", False),       # half a year late, the same year
    ("11月30日前", "2024年12月5日", False),
    ("12月底前", "2024年11月", True),
    ("12月31日前", "2024年12月20日", True),
    ("3月底前", "2025年3月20日", True),     # a deadline in the year of the date done
])
def test_a_deadline_without_a_year_is_the_year_evaluated(target, actual, met):
    """A table is written after its year: 12月底前 beside a date of next January is the
    December before it, not the one eleven months on — before, that read 按时完成."""
    assert indicator_score(target, actual, 10).met is met


@pytest.mark.parametrize(("target", "actual", "expected"), [
    ("≥120人", "100名", 8.33), ("≥300位老人", "312人", 10.0), ("≥2万人", "2.1万名", 10.0),
    ("≥200名学生", "205人", 10.0), ("≥150户", "152户家庭", 10.0), ("完成2000份问卷", "2150份", 10.0),
    ("全县18个乡镇", "18个", 10.0), ("≥3所", "3所学校", 10.0), ("≥2批", "1批次", 5.0),
    ("≥5KM", "5.2公里", 10.0), ("≥100户", "100户已全部完成", 10.0), ("≥10小时", "12个小时", 10.0),
])
def test_counting_words_and_what_they_count(target, actual, expected):
    """名/位 are 人; 200名学生 counts 名, 18个乡镇 个 (before: 单位不一致, no score, so a
    shortfall at full marks passed with a warning)."""
    assert score(target, actual) == expected


@pytest.mark.parametrize(("target", "actual"), [
    ("≥500人次", "520人"), ("≥5个", "5个人"), ("≥12个月", "12个"), ("≥10辆", "10台")])
def test_units_that_differ_stay_apart(target, actual):
    """人次 is no 人, 个月 no 个: what follows the counting word makes another unit."""
    assert indicator_score(target, actual, 10).value is None


@pytest.mark.parametrize(("target", "actual", "expected"), [
    ("≤0.5%", 0.008, 4.0), ("≤1%", 0.015, 5.0), ("≥1%", 0.012, 10.0),  # 0.8%, 1.5%, 1.2% typed
    ("≤0.5%", 0.8, 4.0), ("≤0.5%", 0.05, 10.0)])
def test_a_small_percent_typed_into_a_cell_is_that_percent(target, actual, expected):
    """A clerk types 0.8% into a cell beside ≤0.5%: the cell keeps 0.008, which the JX_
    functions and recalc see bare. Below a tenth of the target it is the fraction (0.8 %),
    as check reads the cell shown (before: 0.008 %, full marks, and check's JX402)."""
    assert score(target, actual) == expected


@pytest.mark.parametrize(("words", "name"), [
    ("按比例法计分", "ratio"), ("评分方法：未完成的按比例计分", None),
    ("按财预〔2020〕10号文件，未达标按比例扣分", "mof2020"),
    ("□比例法  ☑财政部（财预〔2020〕10号）", "mof2020"), ("√比例法 □财政部", "ratio"),
    ("□比例法 □财政部", None), ("财政部规则（不采用比例法）", "mof2020"), ("本表不适用比例法", None),
])
def test_bilifa_is_a_rule_set_only_named_and_chosen(words, name):
    """按比例 is how the 财政部 rule scores too; an unticked or negated 比例法 is not chosen
    (was: any 比例 read as ratio). The native formulas do not follow boxes and negations:
    ⚠ there, never a wrong rule set."""
    from jixiao import native
    from jixiao.rules import rule_name

    assert rule_name(words) == name
    if any(mark in words for mark in "□☑√不"):
        assert native.rule_set_key(words) == native.UNKNOWN_RULES


def test_a_list_of_the_rule_sets_names_no_rule_set():
    """The template's hint beside its 评分规则 cell and the 填写说明 line name every rule
    set: a list of choices, not a choice (before: mof2020 and ratio)."""
    from jixiao.rules import rule_name, rule_set

    assert rule_name("mof2020 财政部（默认）\nratio 比例法\nsichuan 四川") is None
    assert rule_name("在“评分规则”单元格选择：mof2020 — 财政部 财预〔2020〕10号，默认；"
                     "ratio — 比例法（部分市级表样）；sichuan — 四川省") is None
    assert rule_name("sichuan（四川）") == "sichuan"
    with pytest.raises(UnknownRuleSet):
        rule_set("mof2020 财政部（默认）\nratio 比例法\nsichuan 四川")


def test_even_shares_add_up_to_the_points_to_the_cent():
    """10 over three rows is 3.34 + 3.33 + 3.33 (not 3.33 × 3 = 9.99); the cents left
    over go to the rows named first, then to the first rows."""
    assert even_shares(10, 3) == [3.34, 3.33, 3.33]
    assert even_shares(10, 3, [2]) == [3.33, 3.33, 3.34]
    assert even_shares(20, 3) == [6.67, 6.67, 6.66]
    assert even_shares(20, 3, [1, 2, 0]) == [6.66, 6.67, 6.67]
    assert even_shares(45, 2) == [22.5, 22.5]
    assert sum(even_shares(9.5, 3)) == 9.5


@pytest.mark.parametrize(("lines", "tail"), [(1, 0.005), (2, 0.015), (3, 0.015), (4, 0.025)])
def test_a_rounding_tail_grows_with_the_lines_rounded(lines, tail):
    """n amounts and their total, each rounded to 2 decimals (off by < 0.005), differ by
    less than (n + 1) × 0.005: by at most n // 2 whole steps of 0.01 — none for one line,
    one for two or three (1,234,550 元 → 123.46 and 765,450 元 → 76.55, 200.01 for 200.00)."""
    assert rounding_tail(lines) == pytest.approx(tail)


def test_a_negative_ceiling_missed_names_its_target():
    """rt31 c1: 冷库储藏温度 ≤-18℃, done −16℃ — warmer than the ceiling, not met; the
    reverse formula 1 − (−16 − (−18)) ÷ (−18) means nothing below 0, so 0 of 10. The note
    names the target written (before: “目标为 0”, which it is not)."""
    score = indicator_score("≤-18℃", "-16℃", 10)
    assert (score.value, score.met) == (0.0, False)
    assert score.note == "反向指标：指标值“≤-18℃”小于 0，完成值高于指标值，得 0 分"
    assert indicator_score("≤0起", "2起", 10).note == "反向指标：目标为 0，完成值超过目标，得 0 分"


@pytest.mark.parametrize(("target", "actual", "level"), [
    # written worst first: the top is the best word, at whichever end it stands (rt33 r12 g1)
    ("差/中/良/优", "差", "not"), ("差/中/良/优", "中", "partial"), ("差/中/良/优", "良", "partial"),
    ("差/中/良/优", "优", "achieved"), ("差、中、良、优", "优秀", "achieved"),
    ("不合格/合格/良好/优秀", "优秀", "achieved"), ("不合格/合格/良好/优秀", "合格", "partial"),
    ("不合格/合格/良好/优秀", "不合格", "not"),
    ("良好/优秀", "优秀", "achieved"), ("良好/优秀", "良好", "partial"),  # two, up to the better
    ("差/较差/一般/较好/好", "好", "achieved"), ("差/较差/一般/较好/好", "较差", "not"),
    ("低/较低/一般/较高/高", "高", "achieved"), ("低/较低/一般/较高/高", "一般", "partial"),
    ("高/较高/一般/较低/低", "高", "achieved"), ("高/较高/一般/较低/低", "较低", "not"),
    ("不及格/及格/中等/良好/优秀", "优秀", "achieved"), ("坏/好", "好", "achieved"),
    ("坏/好", "坏", "not"),
    # best first, as before
    ("好/较好/一般/差", "好", "achieved"), ("好/较好/一般/差", "差", "not"),
    ("优良中低差", "优", "achieved"), ("优良中低差", "低", "not"), ("好坏", "坏", "not"),
    ("优秀/良好/中等/及格/不及格", "优秀", "achieved"), ("合格/不合格", "合格", "achieved"),
    # ends ranked alike: first best unless it is a bad level; a bad level never 达成
    ("差/较差", "较差", "not"), ("差/较差", "差", "not"),
])
def test_a_grading_scale_is_read_from_its_best_level_at_either_end(target, actual, level):
    """差/中/良/优 with 差 got full marks (its first level taken as the top) and 优 was
    部分达成; 良好/优秀 with 良好 got full marks and 优秀 was 无法判断. The levels' ranks
    (``rules.scale_rank``) tell which end is the top; of a scale of heights only (低/较低/
    一般/较高/高), the name (rt34: here of something good, 高 best — ``rules.lows_best``)."""
    found = indicator_score(scale_of(parse_measure(target), "工作质量等级"), actual, 10)
    assert (found.level, found.met) == (level, level == "achieved")
    assert found.value == (10.0 if level == "achieved" else None)


@pytest.mark.parametrize("target", ["优良", "优/良", "好/较好", "较高"])
def test_two_levels_down_to_a_good_one_are_a_level_wanted_not_a_scale(target):
    assert grading_scale(parse_measure(target)) is None
