"""指标值/完成值 phrases of real tables beyond docs/domain.md §3: statements of achievement
without a number (达到预期目标, 控制在预算范围内), ranges written around the number
(控制在 30 万元以内, 3 个工作日内完成), and deadlines without a year (12月31日前, 12月底前,
年底前) or written as date text (2024-12-20, 2024.12.20, 2024/12/20)."""

import datetime as dt

import pytest

from jixiao.parsing import parse_measure
from jixiao.rules import indicator_score, is_met
from jixiao.units import comparable


def ordinal(year, month, day):
    return float(dt.date(year, month, day).toordinal())


# ------------------------------------------------ statements without a number

@pytest.mark.parametrize(("text", "level"), [
    ("达到预期目标", "achieved"), ("达到预期", "achieved"), ("达到预期效果", "achieved"),
    ("达到年度目标", "achieved"), ("达到国家标准", "achieved"),
    ("控制在预算范围内", "achieved"), ("控制在合理范围", "achieved"),
    ("基本达到预期", "partial"), ("部分达到预期目标", "partial"),
    ("未达到预期目标", "not"), ("没有达到预期", "not"), ("超出预算", "not"),
    ("未能达到预期", "not"), ("不在预算范围内", "not"),
])
def test_a_word_operator_without_a_number_is_a_qualitative_statement(text, level):
    measure = parse_measure(text)
    assert measure.kind == "qualitative", measure
    assert measure.level == level
    assert measure.problem is None


@pytest.mark.parametrize("text", ["未在规定时间内完成", "未按时完成", "不及时", "未能完成",
                                  "不规范", "资金未到位", "效果不明显", "不够完善", "不太明显",
                                  "没有完成", "不符合要求", "无明显改善", "未按规定完成", "不是"])
def test_a_negated_achievement_word_is_not_achieved(text):
    # each holds an achievement word (完成, 按时, 及时, 规范, 到位, 明显 …) that its
    # negation turns round
    assert parse_measure(text).level == "not"


@pytest.mark.parametrize("text", ["不断完善", "未发现问题，运行规范", "按时完成", "符合要求"])
def test_a_negation_further_off_leaves_the_achievement(text):
    assert parse_measure(text).level == "achieved"


@pytest.mark.parametrize("text", ["在预算范围内", "在预算内", "预算内", "控制在预算内"])
def test_within_the_budget_is_achieved(text):
    assert parse_measure(text).level == "achieved"


@pytest.mark.parametrize("text", ["未在预算内", "不在预算内", "超出预算", "没在预算内",
                                  "没有在预算范围内"])
def test_outside_the_budget_is_not_achieved(text):
    """rt28 r6 #4: 没在预算内 / 没有在预算范围内 were 达成 (the 预算内 inside them)."""
    assert parse_measure(text).level == "not"


@pytest.mark.parametrize(("target", "actual"), [
    ("按计划完成", "项目超出计划完成"), ("控制在预算内", "无项目超出，均在预算内")])
def test_over_said_of_no_part_is_no_partial(target, actual):
    """Review of rt28: a bare 项目超出 made 部分达成 of done ahead of plan and of none over."""
    assert indicator_score(target, actual, 10, default_op="<=").level != "partial"


def test_not_in_is_said_of_the_budget_only():
    """Review of rt28: 没有在 alone made 未达成 of 没有在规定时间内出现问题 and 淹没在."""
    assert parse_measure("没有在规定时间内出现问题").level != "not"
    assert parse_measure("淹没在水中的设施已修复").level != "not"


@pytest.mark.parametrize("text", ["部分项目超出，其余在预算内", "个别项目超出预算，其余在预算内",
                                  "部分超出，其余控制在预算内"])
def test_some_over_the_budget_is_partly_achieved(text):
    """rt28 r6 #4: some items over, the rest within, was 达成 with full marks: 部分达成."""
    assert parse_measure(text).level in ("partial", "not")
    assert indicator_score("控制在预算范围内", text, 10, default_op="<=").value is None


@pytest.mark.parametrize("target", ["控制在预算范围内", "不超过预算", "≤预算"])
@pytest.mark.parametrize("actual", ["在预算内", "预算内"])
def test_within_the_budget_answers_a_budget_ceiling(target, actual):
    """在预算内 is 在预算范围内 said short (before: no level, JX410 无法判断, no 总分): 达成
    → full 分值 (mof2020's band 80–100 %, no judged score)."""
    found = indicator_score(target, actual, 10, default_op="<=")
    assert (found.level, found.value) == ("achieved", 10.0)


@pytest.mark.parametrize("text", ["大于", "≥", "达到", "≥B级"])
def test_an_operator_alone_or_a_symbol_without_a_number_is_still_unreadable(text):
    # (≥上年水平 is 不低于上年: test_at_most_and_within_the_budget_and_at_least_last_year)
    assert parse_measure(text).kind == "unparsed"


# ------------------------------------------------ ranges around the number

@pytest.mark.parametrize("text", ["不低于30万元以内", "≤90%以上", "不超过90%以上", "≥90%以下",
                                  "控制在≤90%以上", "控制在不超过90%以上", "控制在不低于90%以下"])
def test_a_range_word_against_the_operator_is_reported_not_guessed(text):
    measure = parse_measure(text)
    assert measure.kind == "unparsed"
    assert "矛盾" in measure.problem


@pytest.mark.parametrize(("text", "op"), [
    ("控制在98%以上", ">="), ("控制在98%及以上", ">="), ("控制在98%以内", "<="),
    ("控制在98%以下", "<="), ("控制在98%", "<="), ("控制在≥98%", ">="), ("控制在≤98%", "<="),
    ("控制在≥98%以上", ">="),
    # a sign in words after 控制在, as alone (before: JX203 “无法识别…中的数值”, no total)
    ("控制在不低于98%", ">="), ("控制在不少于98%", ">="), ("控制在不小于98%", ">="),
    ("控制在大于98%", ">"), ("控制在高于98%", ">"), ("控制在超过98%", ">"),
    ("控制在不超过98%", "<="), ("控制在不高于98%", "<="), ("控制在不大于98%", "<="),
    ("控制在小于98%", "<"), ("控制在低于98%", "<"), ("控制在不低于98%以上", ">="),
    # …之上 is …以上 (控制在98%之上 was read ≤, 97% met)
    ("控制在98%之上", ">="), ("控制在98%之下", "<="), ("保持在98%之上", ">="), ("98%之上", ">="),
])
def test_held_at_takes_its_direction_from_the_range_word(text, op):
    """控制在…以上 is plain Chinese for ≥, as 保持在/稳定在…以上 (before: JX203 “运算符与
    “以上”相互矛盾”, no score); 控制在…以内/以下, or alone, stays ≤; a sign after 控制在, in
    symbols or words, says the way as it does alone (控制在≥98%: before, read ≤)."""
    measure = parse_measure(text)
    assert (measure.kind, measure.op, measure.value, measure.unit, measure.problem) \
        == ("number", op, 98.0, "%", None)


def test_held_above_scores_as_a_positive_target():
    # 亮灯率 控制在98%以上, 99.2%: met → 10; 95%: 10 × 95 / 98 = 9.694 → 9.69
    assert indicator_score("控制在98%以上", "99.2%", 10).value == 10.0
    assert indicator_score("控制在98%以上", "95%", 10).value == 9.69
    # 控制在98%以下, 99.2%: reverse, 10 × (1 − 1.2 / 98) = 9.878 → 9.88
    assert indicator_score("控制在98%以下", "99.2%", 10).value == 9.88


def test_held_at_with_a_sign_in_words_scores_as_the_sign_alone():
    # 亮灯率 控制在不低于98%, 97%: 20 × 97 / 98 = 19.796 → 19.8; 控制在大于98%, 99%: met → 20
    assert indicator_score("控制在不低于98%", "97%", 20).value == 19.8
    assert indicator_score("控制在大于98%", "99%", 20).value == 20.0
    # 控制在98%之上, 97%: as 98%以上, 19.8 (before: ≤, met → 20)
    assert indicator_score("控制在98%之上", "97%", 20).value == 19.8
    # 投诉率 控制在不超过5% / 不高于5% / 小于5%, 6%: reverse, 20 × (1 − 1 / 5) = 16
    for target in ("控制在不超过5%", "控制在不高于5%", "控制在小于5%"):
        assert indicator_score(target, "6%", 20).value == 16.0


# ------------------------------------------------ dates

@pytest.mark.parametrize(("text", "month", "day"), [
    ("12月31日前完成", 12, 31), ("12月31日前", 12, 31), ("12月20日完成", 12, 20),
    ("12 月 20 号", 12, 20), ("于11月30日前全部完成", 11, 30),
    ("12月底前", 12, 31), ("12月底前完成", 12, 31), ("11月底", 11, 30), ("2月末前", 2, 29),
    ("6月前完成", 6, 30), ("年底前完成", 12, 31), ("年末前", 12, 31),
])
def test_a_date_without_a_year_keeps_its_month_and_day(text, month, day):
    measure = parse_measure(text)
    assert measure.kind == "date", measure
    assert measure.op == "<="
    assert measure.yearless and measure.date is None
    assert measure.month_day == (month, day)


@pytest.mark.parametrize("text", ["2024-12-20", "2024.12.20", "2024/12/20", "2024－12－20",
                                  "2024-12-20前完成", "2024年12月20日", "2024 年 12 月 20 号"])
def test_date_text_with_a_year(text):
    measure = parse_measure(text)
    assert measure.kind == "date", measure
    assert measure.date == dt.date(2024, 12, 20)
    assert not measure.yearless


@pytest.mark.parametrize(("text", "day"), [("2024年12月底前", 31), ("2024年11月底前完成", 30),
                                           ("2024年2月末", 29)])
def test_month_end_with_a_year(text, day):
    measure = parse_measure(text)
    assert measure.kind == "date"
    assert measure.date.day == day and not measure.yearless


@pytest.mark.parametrize("text", ["2月30日前", "2024-02-30", "13月1日前"])
def test_impossible_dates_are_reported(text):
    measure = parse_measure(text)
    assert measure.kind == "unparsed", measure
    assert "日期" in measure.problem


@pytest.mark.parametrize(("text", "kind"), [
    ("12个月", "number"),          # a duration, not a date
    ("年底前完成率≥90%", "unparsed"),  # a rate named after its deadline, not a deadline
    ("2024.12", "number"),
    ("每月1次", "number"),          # a frequency: 12 次 over the year, not a date
    ("≥6月", "number"),
])
def test_numbers_near_months_are_not_dates(text, kind):
    assert parse_measure(text).kind == kind


@pytest.mark.parametrize(("target", "actual", "met"), [("12月", "11月", True), ("12月份", "12月份", True),
                                                    ("10月", "12月", False), ("6月", "7月份", False)])
def test_a_month_alone_is_a_deadline(target, actual, met):
    """rt15 D7: a 时效 target 12月 was read as a count of 12 (11月 unmet, 12月 against 10月
    met): a month alone is the deadline of that month's end."""
    assert indicator_score(target, actual, 10).met is met


def test_a_yearless_date_is_read_in_the_year_of_the_other_side():
    target, actual = parse_measure("2024年12月31日前完成"), parse_measure("12月20日完成")
    assert comparable(target, actual) == (ordinal(2024, 12, 31), ordinal(2024, 12, 20))
    assert comparable(actual, target) == (ordinal(2024, 12, 20), ordinal(2024, 12, 31))
    both = comparable(parse_measure("12月31日前"), parse_measure("12月20日"))
    assert both is not None and both[1] < both[0]  # month and day compared
    # 2月29日 in a year without one is that month's end
    leap = comparable(parse_measure("2023年3月1日前"), parse_measure("2月末"))
    assert leap == (ordinal(2023, 3, 1), ordinal(2023, 2, 28))


# ------------------------------------------------ scoring (hand-computed)

def test_statements_of_achievement_score_full_marks():
    # a 定性 target; 达到预期目标 is 达成 → full 分值 (mof2020 band 80–100 %, no judged score)
    assert indicator_score("完善", "达到预期目标", 10).value == 10.0
    assert indicator_score("控制在预算范围内", "控制在预算范围内", 10, default_op="<=").value == 10.0
    partial = indicator_score("完善", "基本达到预期", 10)
    assert partial.value is None and partial.band == (6.0, 8.0)
    assert indicator_score("完善", "未达到预期目标", 10).band == (0.0, 6.0)


def test_cost_within_a_ceiling_scores_as_reverse_indicator():
    assert indicator_score("控制在30万元以内", "28.6 万元", 10).value == 10.0
    # 33 of ≤30: 10 × (1 − 3/30) = 9.00
    assert indicator_score("控制在30万元以内", "33万元", 10).value == 9.0
    # ratio rules: 10 × 30/33 = 9.0909 → 9.09
    assert indicator_score("控制在30万元以内", "33万元", 10, "ratio").value == 9.09
    # 5 days of ≤3 个工作日 is not the same unit; 4 of 3: 10 × (1 − 1/3) = 6.67
    assert indicator_score("3个工作日内完成", "4个工作日", 10).value == 6.67


def test_yearless_and_date_text_deadlines_score_on_time_or_late():
    assert indicator_score("12月31日前完成", "12月20日完成", 5).value == 5.0
    assert indicator_score("12月底前", "12月底前完成", 5).value == 5.0
    assert indicator_score("2024年12月31日前完成", "2024-12-20", 5).value == 5.0
    assert indicator_score("2024年12月31日前完成", "2024.12.20", 5).value == 5.0
    assert indicator_score("年底前完成", "2024/12/31", 5).value == 5.0
    assert is_met("12月31日前完成", "2024年12月31日") is True
    late = indicator_score("11月底前", "12月5日完成", 5)
    # late: 逾期完成, done late as 延期完成 is, scored in the 部分达成 band 60–80 % of 5 → 3–4
    assert late.met is False and late.value is None and late.band == (3.0, 4.0)
    assert indicator_score("11月底前", "12月5日完成", 5, judged=3.5).value == 3.5
    assert indicator_score("12月31日前完成", "2025年1月15日完成", 10).level \
        == indicator_score("12月31日前完成", "延期完成", 10).level == "partial"


@pytest.mark.parametrize(("text", "year", "month", "day"), [
    ("次年1月", 2001, 1, 31), ("次年1月底", 2001, 1, 31), ("次年3月完成", 2001, 3, 31),
    ("翌年2月底前", 2001, 2, 28), ("下一年度3月前", 2001, 3, 31), ("次年1月15日", 2001, 1, 15),
    ("当年12月底前", 2000, 12, 31), ("本年度11月", 2000, 11, 30), ("上年12月", 1999, 12, 31),
    # a part or the end of the year named relative to the table's
    ("次年一季度", 2001, 3, 31), ("次年第一季度", 2001, 3, 31), ("翌年上半年", 2001, 6, 30),
    ("明年一季度", 2001, 3, 31), ("下一年度一季度", 2001, 3, 31), ("次年一季度末", 2001, 3, 31),
    ("次年底", 2001, 12, 31), ("明年年底前", 2001, 12, 31), ("上年第四季度", 1999, 12, 31),
    ("今年上半年", 2000, 6, 30), ("本年度末", 2000, 12, 31),
])
def test_a_month_of_the_year_after_is_a_date_of_that_year(text, year, month, day):
    """次年1月 (before: unreadable) and 次年1月底 (before: 1月31日 of the table's own year);
    次年一季度, 翌年上半年, 次年底 (before: the table's own year's quarter, half, end)."""
    measure = parse_measure(text)
    assert (measure.kind, measure.yearless, measure.value) == (
        "date", True, ordinal(year, month, day))


def test_done_the_year_after_is_late():
    """12月底前 done 次年1月底 — before: on time, full marks; 次年1月: JX203, no total."""
    for target, actual in (("12月底前", "次年1月底"), ("12月底前", "次年1月"),
                           ("2024年12月31日前", "次年1月")):
        late = indicator_score(target, actual, 5)
        assert (late.met, late.value, late.band, late.level) == (False, None, (3.0, 4.0), "partial")
    assert comparable(parse_measure("2024年12月31日前"), parse_measure("次年1月")) == (
        ordinal(2024, 12, 31), ordinal(2025, 1, 31))
    # a deadline in the year after, met in it
    assert comparable(parse_measure("次年3月底前"), parse_measure("2025年2月")) == (
        ordinal(2025, 3, 31), ordinal(2025, 2, 28))
    assert indicator_score("次年3月底前", "2025年2月", 5).value == 5.0
    assert indicator_score("当年12月底前", "12月20日", 5).value == 5.0


@pytest.mark.parametrize(("target", "actual"), [
    ("2025年12月31日前", "次年一季度"), ("12月底前", "翌年上半年"), ("第四季度", "明年一季度"),
    ("年底前", "次年第一季度"), ("2025年12月31日前", "2026年一季度"), ("年底前", "次年底")])
def test_done_in_a_part_of_the_year_after_is_late(target, actual):
    """次年一季度 against 2025年12月31日前 — before: 3月31日 of the table's year, on time, full
    marks (and a unit's honest 3.5 of 5 called wrong); now late, as 2026年一季度 was."""
    late = indicator_score(target, actual, 5)
    assert (late.met, late.value, late.band, late.level) == (False, None, (3.0, 4.0), "partial")
    assert indicator_score(target, actual, 5, judged=3.5).value == 3.5
    # a deadline in the year after, met in it; the table's own quarter, met
    assert indicator_score("次年一季度", "2026年3月", 5).value == 5.0
    assert indicator_score("第四季度", "12月", 5).value == 5.0


# ------------------------------------------------ a change on last year

@pytest.mark.parametrize(("text", "value", "unit"), [
    # a rise said to be on last year, or in 百分点, in a unit of its own (升: never a level)
    ("较上年增长10%", 10, "升%"), ("同比增长5%", 5, "升%"), ("增长12%", 12, "%"), ("提高10%", 10, "%"),
    ("比上年提高2个百分点", 2, "升个百分点"), ("较上年增长10%以上", 10, "升%"), ("增长不低于10%", 10, "%"),
    ("较上年下降5%", 5, "降%"), ("同比降低6%", 6, "降%"), ("较去年减少3个", 3, "降个"),
])
def test_a_change_on_last_year_is_the_change_to_reach(text, value, unit):
    measure = parse_measure(text)
    assert (measure.kind, measure.op, measure.value, measure.unit) == ("number", ">=", value, unit)


@pytest.mark.parametrize("text", ["降低成本", "提升服务质量", "较上年有所提升", "不低于预期",
                                  "低于上年"])
def test_a_change_without_a_number_stays_a_statement(text):
    assert parse_measure(text).kind == "qualitative"


@pytest.mark.parametrize(("target", "actual", "met", "score"), [
    ("较上年增长10%", "增长12%", True, 10), ("较上年增长10%", "12%", True, 10),
    ("较上年增长10%", "增长5%", False, 5),
    ("较上年下降5%", "下降6%", True, 10), ("较上年下降5%", "下降4%", False, 8),
    # the other way is a change below 0, scored as 0 (DOMAIN.md: a negative 完成值 counts 0)
    ("较上年下降5%", "增长2%", False, 0), ("增长10%", "下降5%", False, 0),
    ("下降2%", "上升1%", False, 0), ("下降2个百分点", "较上年提高1个百分点", False, 0),
    # the number alone, or the same word, is the change the 指标值 names
    ("下降2个百分点", "2.3个百分点", True, 10), ("下降2个百分点", "1.5个百分点", False, 7.5),
    ("≥2个百分点", "提高2.5个百分点", True, 10), ("≥2个百分点", "提高1.6个百分点", False, 8),
    # no change the wanted way, in words: 0 of it
    ("下降2个百分点", "未下降", False, 0), ("下降2个百分点", "持平", False, 0),
    ("增长10%", "有所下降", False, 0), ("增长10%", "未增长", False, 0),
    # some change the wanted way, or perhaps: how much, a person says
    ("下降2个百分点", "有所下降", None, None), ("下降2个百分点", "未增长", None, None),
    # a change of no way named beside a fall: which way was wanted, unknown
    ("≥2个百分点", "下降2.5个百分点", None, None),
])
def test_a_change_is_scored_as_a_goal_even_under_costs(target, actual, met, score):
    for default_op in ("=", "<="):  # under 成本指标 a bare target is a ceiling: not a change
        assert is_met(target, actual, default_op) is met
        assert indicator_score(target, actual, 10, default_op=default_op).value == score


@pytest.mark.parametrize(("text", "op"), [("不低于上年", ">="), ("不低于上年水平", ">="),
                                          ("达到上年水平", ">="), ("高于上年同期", ">")])
def test_not_below_last_year_is_a_rise_of_zero_at_least(text, op):
    measure = parse_measure(text)
    assert (measure.kind, measure.op, measure.value, measure.unit) == ("number", op, 0, "%")
    assert is_met(text, "较上年增长8%") is True and is_met(text, "达成") is True
    assert indicator_score(text, "较上年增长8%", 10).value == 10


@pytest.mark.parametrize(("nature", "target", "unit", "joined"), [
    ("≥", "20", "台", "≥20台"),
    ("正向指标", "20", "台", "≥20台"),
    ("反向", "30", "天", "≤30天"),
    ("逆向指标", "5", "次", "≤5次"),
    ("定量", "100", "%", "100%"),
    ("定性", "明显提升", None, "明显提升"),
    ("定性指标", "明显提升", "/", "明显提升"),
    ("正向", "≥95", "%", "≥95%"),          # the value's own sign wins
    ("≥", "≥95%", "%", "≥95%"),            # not ≥≥, not %%
    ("≥", "95%", "％", "≥95%"),            # full-width unit, the same unit
    ("≤", "5万元", "元", "≤5万元"),        # the value already says its unit
    (None, "500", "人次", "500人次"),
    ("大于等于", "90", "%", "≥90%"),        # a comparison in words: its symbol
    ("小于等于", "4", "万元/所", "≤4万元/所"),
    ("等于", "640", "元/人", "=640元/人"),
    ("越小越好", "20", "个工作日", "≤20个工作日"),  # a direction in words (一体化 exports)
    ("越大越好", "95", "%", "≥95%"),
    ("越大越好", "明显提升", None, "明显提升"),  # a goal in words: no comparison
    ("≠", "100", "%", "≠100%"),            # kept for the check to name
    ("≥", "", "%", ""),                    # no value: no 指标值, not "≥%" (JX201)
    ("正向", "", "%", ""),
    ("定量", "", "%", ""),
    ("≥", "—", "%", "—"),                  # a dash in the value's cell: as typed
    ("≥95", "", "%", "≥95%"),              # the value typed in the 指标性质 cell
    ("明显提升", "", None, "明显提升"),    # a goal in words there, too
])
def test_a_target_written_in_parts_is_joined_once(nature, target, unit, joined):
    from jixiao.parsing import joined_target

    assert joined_target(nature, target, unit) == joined


@pytest.mark.parametrize(("text", "op", "value", "unit"), [
    ("≥两次", ">=", 2, "次"), ("三次", None, 3, "次"), ("一年", None, 1, "年"),
    ("十二个月", None, 12, "个月"), ("不少于三次", ">=", 3, "次"), ("两次以上", ">=", 2, "次"),
    ("一年内", "<=", 1, "年"), ("至少一名", ">=", 1, "名"), ("≥五万元", ">=", 5, "万元"),
    ("二十五人", None, 25, "人"), ("一百零五户", None, 105, "户"), ("两千人次", None, 2000, "人次"),
])
def test_a_count_in_chinese_numerals_is_that_number(text, op, value, unit):
    measure = parse_measure(text)
    assert (measure.kind, measure.op, measure.value, measure.unit) == ("number", op, value, unit)


@pytest.mark.parametrize("text", ["一般", "一致", "一次性", "首次", "第一年", "二〇二三年", "零事故",
                                  "一二年", "统一规范"])
def test_words_with_a_numeral_in_them_are_no_count(text):
    assert parse_measure(text).kind != "number"


def test_a_count_in_words_scores_against_digits():
    assert indicator_score("≥3次", "两次", 10).value == 6.67  # 10 × 2 / 3
    assert indicator_score("一年", "1年", 10).met is True


# ------------------------------------------------ words around the number

@pytest.mark.parametrize(("text", "expected"), [
    ("完成培训500人次", (None, 500.0, "人次")),
    ("培训人数达到500人", (">=", 500.0, "人")),
    ("覆盖率≥95%", (">=", 95.0, "%")),
    ("合格率100%", (None, 100.0, "%")),
    ("共计12次", (None, 12.0, "次")),
    ("发放补贴资金120万元", (None, 120.0, "万元")),
    ("500余人", (None, 500.0, "人")),
    ("1000多户", (None, 1000.0, "户")),
    ("300人次完成", (None, 300.0, "人次")),
    ("100%合格", (None, 100.0, "%")),
    ("98%（抽查）", (None, 98.0, "%")),
    ("5台（套）", (None, 5.0, "台(套)")), ("5台(新购)", (None, 5.0, "台")),
    ("完成值：96%", (None, 96.0, "%")), ("满意度:≥95%", (">=", 95.0, "%")),
])
def test_words_naming_or_noting_the_number_are_not_its_unit(text, expected):
    """What the number counts, written before it, a note in brackets after it, 完成/合格
    after the unit, 余/多 (some more) before it: the number and its unit are read."""
    measure = parse_measure(text)
    assert measure.kind == "number", measure
    assert (measure.op, measure.value, measure.unit) == expected
    assert measure.text == text


@pytest.mark.parametrize("text", ["近600人", "约600人", "第3期", "人均：500元",
                                  "2023年完成率95%", "年均3次", "每人1次", "每年增长5%",
                                  "年均增长率≥5%", "人均增长5%"])
def test_words_that_change_the_numbers_meaning_are_not_skipped(text):
    """近/约 (about), 第 (an ordinal), 年均/每人, a year before the number, a growth
    每年: the number alone would say something else; the text stays for a person to read.
    (人均 keeps its meaning in the unit: test_an_amount_per_person_is_per_person.)"""
    assert parse_measure(text).kind == "unparsed"


@pytest.mark.parametrize(("text", "expected"), [
    ("85%，未达标", (None, 85.0, "%")), ("95%,超额完成", (None, 95.0, "%")),
    ("520人，已完成", (None, 520.0, "人")), ("520人；已完成", (None, 520.0, "人")),
    ("≥90%，按人数计", (">=", 90.0, "%")), ("100%，全覆盖", (None, 100.0, "%")),
])
def test_a_note_after_a_comma_is_not_the_unit(text, expected):
    """rt15 D10: units add a word after a comma (85%，未达标). Before, the unit was “%,未”,
    not comparable with the target's %, so an unmet row at full marks went unreported."""
    measure = parse_measure(text)
    assert measure.kind == "number", measure
    assert (measure.op, measure.value, measure.unit) == expected


@pytest.mark.parametrize("text", ["500人，其中女性200人", "≥90%,且≤100%", "完成3次，共4次"])
def test_a_second_number_or_condition_after_the_comma_is_not_a_note(text):
    assert parse_measure(text).kind != "number" or parse_measure(text).upper is not None


@pytest.mark.parametrize(("text", "expected"), [
    # rt27: a frequency and its total (共N) — the total is compared (每月1次，共12次 was
    # unread, as a second number after the comma)
    ("每月1次，共12次", (None, 12.0, "次")), ("每季度开展1次，共4次", (None, 4.0, "次")),
    ("每季度至少1次，全年共4次", (">=", 4.0, "次")),
    # the number done before a note of why the rest is put off (its 2处, 2025年 are the rest's)
    ("完成10处，2处因雨季延至2025年", (None, 10.0, "处")), ("9期，1期延期至次年", (None, 9.0, "期")),
    # a rate named with its part of the year
    ("前三季度支出进度≥75%", (">=", 75.0, "%")), ("上半年预算执行率≥50%", (">=", 50.0, "%")),
    # per head: money per visit stays per visit; a year written stays in the unit
    ("人均住院费用≤8000元/人次", ("<=", 8000.0, "元/人次")), ("人均≤1200元/年", ("<=", 1200.0, "元/人/年")),
])
def test_rt27_wordings(text, expected):
    measure = parse_measure(text)
    assert (measure.kind, measure.op, measure.value, measure.unit) == ("number", *expected)


@pytest.mark.parametrize("text", ["上半年完成500人", "完成3次，共4次", "12月20日，因故延期"])
def test_rt27_wordings_left_alone(text):
    """Half the year's count, 3 of 4 done, a date with a note: not read as the new wordings."""
    measure = parse_measure(text)
    assert measure.kind != "number" or measure.value not in (500.0, 4.0)


@pytest.mark.parametrize(("text", "expected"), [
    ("≥95%，每少1%扣0.5分", (">=", 95.0, "%")),
    ("≥95%\n评分标准：完成得满分，每少1个百分点扣0.5分", (">=", 95.0, "%")),
    ("建档率≥95%，达到得10分，每降1%扣1分", (">=", 95.0, "%")),
    ("90%\n扣0.53分", (None, 90.0, "%")), ("90%，未达标，扣0.53分", (None, 90.0, "%")),
    ("≥90分，每低1分扣1分", (">=", 90.0, "分")),
    ("≥95%；≥95%得满分，90%-95%得80%分值，<90%不得分", (">=", 95.0, "%")),
])
def test_a_scoring_rule_after_a_comma_or_on_a_line_of_its_own_is_no_second_number(text, expected):
    """rt25 b3: the rule written after the value, not in brackets — the value before it,
    as ≥95%（每少1%扣0.5分） reads. Before: “数值后还有数字”, JX203 and no total."""
    measure = parse_measure(text)
    assert (measure.kind, measure.op, measure.value, measure.unit) == ("number", *expected)
    assert measure.text == text


@pytest.mark.parametrize("text", ["≥95%，其中农村≥90%，每少1%扣0.5分", "≥95%，考核得90分以上",
                                  "≥95%\n其中农村≥90%"])
def test_a_second_condition_before_or_instead_of_a_scoring_rule_stays_for_a_person(text):
    """A condition on the value (其中农村≥90%, a score 90分以上 to reach) is no rule."""
    assert parse_measure(text).kind == "unparsed"


def test_full_coverage_after_the_rate_is_no_unit():
    """rt15 L7: 100%全覆盖 was 100 with the unit “%全”, not comparable with 全覆盖."""
    assert (parse_measure("100%全覆盖").value, parse_measure("100%全覆盖").unit) == (100.0, "%")
    assert indicator_score("100%全覆盖", "全覆盖", 10).value == 10.0
    assert indicator_score("100%全覆盖", "90%", 10).value == 9.0


def test_a_noted_actual_is_scored():
    assert indicator_score("≥90%", "85%，未达标", 10).value == 9.44
    assert indicator_score("≥90%", "95%，超额完成", 10).value == 10.0


def test_a_named_actual_is_scored_against_its_target():
    # ≥500 人次, done "完成培训450人次": 10 × 450/500
    assert indicator_score("≥500人次", "完成培训450人次", 10).value == 9.0
    assert indicator_score("≥95%", "抽检合格率98%（抽查）", 10).value == 10.0


@pytest.mark.parametrize(("text", "expected"), [
    ("平均3天", (None, 3.0, "天")), ("新增3个", (None, 3.0, "个")),
    ("不到1%", ("<", 1.0, "%")), ("不足1%", ("<", 1.0, "%")),
])
def test_an_average_a_count_of_new_things_and_less_than(text, expected):
    measure = parse_measure(text)
    assert (measure.op, measure.value, measure.unit) == expected


@pytest.mark.parametrize(("text", "level"), [
    ("运行稳定", "achieved"), ("运行正常", "achieved"), ("不稳定", "not"), ("非正常", "not"),
    ("基本稳定", "partial"), ("基本到位", "partial"), ("基本正常", "partial"),
])
def test_steady_and_normal_running_and_mostly_so(text, level):
    """稳定/正常 state the goal reached; 基本 before a word of achievement is 部分达成, as
    基本完成 is."""
    assert parse_measure(text).level == level


@pytest.mark.parametrize(("text", "level"), [
    ("有待提高", "partial"), ("需进一步完善", "partial"), ("仍需提升", "partial"),
    ("未全部完成", "partial"), ("完成一半", "partial"), ("完成过半", "partial"),
    ("不断提高", "achieved"), ("进一步提升", "achieved"), ("按需完成", "achieved"),
    ("无需整改，运行规范", "achieved"), ("接待完成", "achieved"), ("已完成，需进一步提升", "partial"),
    ("满意度较低", "not"), ("合格率偏低", "not"), ("群众满意度不高", "not"), ("达成率低", "not"),
    ("满意度一般", "partial"), ("已完成，但效果不佳", "not"), ("未达预期", "not"),
    ("低于预期", "not"), ("满意度较高", "achieved"), ("按时完成，成本较低", "achieved"),
])
def test_still_to_do_and_not_all_done_is_partly_achieved(text, level):
    """有待提高 (still to be raised), 需进一步完善, 未全部完成, 完成一半, 满意度较低 (the
    word of achievement names what is low) were 达成 for the word of achievement in them —
    silent full marks; 不断提高, 按需完成, 满意度较高 say the goal reached."""
    assert parse_measure(text).level == level


@pytest.mark.parametrize(("text", "level"), [
    ("延期完成", "partial"), ("推迟完成", "partial"), ("逾期办结", "partial"),
    ("晚于计划完成", "partial"), ("进度滞后", "not"), ("延期", "not"), ("滞后于计划", "not"),
    ("未按时完成，延期一个月", "not"), ("按时完成，无延期", "achieved"),
    ("按期完成未延期", "achieved"),
])
def test_done_late_is_not_done_on_time(text, level):
    """延期完成 beside 按时 was 达成 for its 完成 — a silent full mark. Done late is 部分达成,
    late and not done 未达成; lateness denied (无延期) leaves what the rest says."""
    assert parse_measure(text).level == level
    if level != "achieved":
        assert indicator_score("按时完成", text, 10).met is False


@pytest.mark.parametrize("target", ["在规定时间内完成", "规定时间内完成", "按规定时间完成",
                                    "按时完成", "2024年12月31日前完成", "达到规定时间",
                                    "符合规定时间"])
@pytest.mark.parametrize("actual", ["超过规定时间完成", "超过时间完成", "超出规定时间完成",
                                    "超过规定时限完成"])
def test_done_after_the_time_set_is_done_late(target, actual):
    """r8 pp0–pp6: 超过规定时间完成 (finished after the time set) was 达成 for its 完成 — a
    silent full 5 of 5; 达到规定时间 → 超过…完成 was more than met. Done late, as 延期完成:
    部分达成, scored 60–80 % of 10 → 6–8, not met, whatever verb the 指标值 uses."""
    assert parse_measure(actual).level == "partial"
    score = indicator_score(target, actual, 10)
    assert (score.met, score.level, score.band) == (False, "partial", (6.0, 8.0))


@pytest.mark.parametrize(("text", "level"), [
    ("超过规定时间", "not"), ("未超过规定时间完成", "achieved"),
    ("超过规定时间1个月完成", "partial")])
def test_over_the_time_set_in_words(text, level):
    """超过规定时间 alone: late, not said done (未达成); denied (未超过规定时间完成): on time;
    by a length of time (超过规定时间1个月完成, r8 pp5, before JX203): done late."""
    measure = parse_measure(text)
    assert (measure.kind, measure.level) == ("qualitative", level)


@pytest.mark.parametrize(("text", "level"), [
    ("延期1个月", "partial"), ("延期1个月完成", "partial"), ("推迟3天", "partial"),
    ("逾期两周", "partial"), ("延期一个月", "partial"), ("延迟5个工作日完成", "partial"),
    ("延期0天", "achieved")])
def test_late_by_a_length_of_time_is_done_late(text, level):
    """延期1个月 says how late it was done: 延期完成, 部分达成 (6–8 of 10) beside 按时 (before:
    a time taken of 1 个月, beside 按时 no reading — “完成值应写达成/部分达成/未达成”)."""
    measure = parse_measure(text)
    assert (measure.kind, measure.level) == ("qualitative", level)
    score = indicator_score("按时", text, 10)
    assert score.level == level
    assert score.band == ((6.0, 8.0) if level == "partial" else (8.0, 10.0))


@pytest.mark.parametrize(("text", "kind", "value"), [
    ("延期不超过1个月", "number", 1.0), ("1个月", "number", 1.0)])
def test_a_time_allowed_for_a_delay_is_still_a_time(text, kind, value):
    measure = parse_measure(text)
    assert (measure.kind, measure.value) == (kind, value)


@pytest.mark.parametrize(("text", "expected"), [
    ("每季度1次", (None, 4.0, "次")), ("每季度开展1次", (None, 4.0, "次")),
    ("每季度召开一次", (None, 4.0, "次")), ("每月1次", (None, 12.0, "次")),
    ("每半年至少1期", (">=", 2.0, "期")), ("每年2次", (None, 2.0, "次")),
    ("每季度1次以上", (">=", 4.0, "次")), ("每周1次", (None, 52.0, "次")),
    ("全年开展4次", (None, 4.0, "次")), ("本年度完成12次", (None, 12.0, "次")),
    ("年度完成500人", (None, 500.0, "人")),
    ("≥1次/年", (">=", 1.0, "次")), ("1次/季度", (None, 4.0, "次")), ("2次/月", (None, 24.0, "次")),
    ("500人次/年", (None, 500.0, "人次")), ("30万元/年", (None, 30.0, "万元")),
    ("100元/月", (None, 100.0, "元/月")),  # a monthly standard, not a count: as written
])
def test_a_frequency_is_a_count_over_the_year(text, expected):
    """每季度1次 is 4 次 over the year; 全年/本年度 before a count names the table's year."""
    measure = parse_measure(text)
    assert (measure.kind, measure.op, measure.value, measure.unit) == ("number", *expected)
    assert measure.text == text


def test_a_frequency_scores_against_the_count_done():
    assert indicator_score("每季度1次", "4次", 10).met is True
    assert indicator_score("每季度1次", "每季度1次", 10).value == 10.0
    assert indicator_score("每季度1次", "全年开展3次", 10).value == 7.5  # 10 × 3/4
    assert indicator_score("每月召开一次", "10次", 12).value == 10.0    # 12 × 10/12
    assert indicator_score("≥1次/年", "2次", 10).met is True  # before: 次/年 against 次, no score
    assert indicator_score("1次/季度", "3次", 10).value == 7.5


@pytest.mark.parametrize(("target", "actual", "score"), [
    ("全部完成", "100%", 10.0), ("按时完成", "100%", 10.0), ("达标", "100%达标", 10.0),
    ("全部完成", "完成80%", None), ("按时完成", "95%", None),  # less: for a person
])
def test_all_done_in_percent_against_a_goal_in_words(target, actual, score):
    """全部完成 / 按时完成 done as 100 %: 达成, as 100% → 已完成 is (before: a 定性/定量
    mismatch, JX204, for a person)."""
    assert indicator_score(target, actual, 10).value == score


@pytest.mark.parametrize(("target", "actual", "score"), [
    ("100%", "全覆盖", 10.0), ("覆盖率100%", "实现全覆盖", 10.0), ("≥95%", "已全部覆盖", 10.0),
    ("全覆盖", "95%", 9.5), ("100%", "100%覆盖", 10.0), ("全覆盖", "全覆盖", 10.0),
])
def test_full_coverage_in_words_is_100_percent(target, actual, score):
    """全覆盖 beside a percentage on the other side is 100 % (before: a 定性/定量 mismatch
    for a person, JX204); 基本覆盖 stays words."""
    assert indicator_score(target, actual, 10).value == score
    assert indicator_score("100%", "基本覆盖", 10).value is None


@pytest.mark.parametrize(("text", "day"), [
    ("2024年上半年", dt.date(2024, 6, 30)), ("2024年下半年", dt.date(2024, 12, 31)),
    ("2024年第三季度", dt.date(2024, 9, 30)), ("2024年3季度", dt.date(2024, 9, 30)),
    ("2024年一季度末", dt.date(2024, 3, 31)), ("2024年年中", dt.date(2024, 6, 30)),
])
def test_a_part_of_the_year_is_its_last_day(text, day):
    """2024年上半年 was read as the year 2024, ending 12月31日: against 6月30日前, late."""
    assert parse_measure(text).date == day
    assert parse_measure("2024年上半年完成率95%").kind == "unparsed"  # a rate, named
    assert indicator_score("2024年6月30日前", "2024年上半年", 10).met is True
    assert indicator_score("上半年完成", "2024年5月", 10).met is True


def test_a_month_done_against_a_deadline_is_that_month():
    """12月底前 done in "11月": on time (before: 日期 against 月, no score, JX204)."""
    assert indicator_score("12月底前", "11月", 10).met is True
    assert indicator_score("2024年12月31日前", "11月", 10).met is True
    assert indicator_score("2024年6月30日前", "9月", 10).met is False
    assert indicator_score("≥6月", "11月", 10).met is True  # a count of months stays one


@pytest.mark.parametrize("text", ["约95%", "近600人", "90%左右", "500人上下", "大约3天",
                                  "覆盖率约为95%", "参保人数近600人", "接近100%"])
def test_an_approximate_number_asks_for_the_exact_one(text):
    """约/近 before the number, 左右/上下 after it: no number to score against; the message
    says why (before: 无法识别…中的数值, or a unit “%左右” that matched nothing)."""
    measure = parse_measure(text)
    assert measure.kind == "unparsed" and "约数" in measure.problem
    assert parse_measure("近三年平均95%").problem == "无法识别“近三年平均95%”中的数值"
    assert parse_measure("最近3年").problem == "无法识别“最近3年”中的数值"  # recent, not about


@pytest.mark.parametrize(("text", "expected"), [
    ("签约95户", (95.0, "户")), ("家庭医生签约1200人", (1200.0, "人")), ("节约5万元", (5.0, "万元"))])
def test_words_with_yue_that_count(text, expected):
    """签约 (signed up), 节约 (saved) name what is counted; 约 alone would be "about"."""
    measure = parse_measure(text)
    assert (measure.kind, measure.value, measure.unit) == ("number", *expected)


@pytest.mark.parametrize(("text", "unit"), [
    ("≥95%。", "%"), ("95%；", "%"), ("100%.", "%"), ("≥95%*", "%"), ("30万元。", "万元"),
    ("≥3.5小时;", "小时")])
def test_a_sentences_end_after_the_unit_is_no_part_of_it(text, unit):
    """≥95%。 (the sentence's end, or a note's *): the unit is %, not “%。” — which matched
    no other side's unit (before: 单位不一致, no score)."""
    assert parse_measure(text).unit == unit
    assert indicator_score("≥95%", "96%。", 10).value == 10.0


@pytest.mark.parametrize(("target", "actual", "level"), [
    ("是", "否", "not"), ("合规", "不合规", "not"), ("落实", "未落实", "not"),
    ("健全", "不健全", "not"), ("否", "否", "achieved")])
def test_the_target_negated_is_not_achieved(target, actual, level):
    """不合规 against 合规, 否 against 是: 未达成 (before: no reading, for a person)."""
    assert indicator_score(target, actual, 10).level == level


@pytest.mark.parametrize(("target", "actual", "score"), [
    ("零事故", "1起", 0.0), ("无重大安全事故", "2起", 0.0), ("不发生", "发生1起", 0.0),
    ("零投诉", "0", 10.0), ("无重大安全事故", "95%", None)])
def test_a_count_of_what_was_to_be_none(target, actual, score):
    """零事故 → 1起 is 0 wanted, 1 happened: as ＝0 起 → 1起 scores (before: no reading)."""
    assert indicator_score(target, actual, 10).value == score


@pytest.mark.parametrize("text", ["≥500人·次", "≥500人/次", "≥500人次"])
def test_person_times_however_written(text):
    """人·次 and 人/次 are 人次 (before: units that matched nothing, no score)."""
    assert parse_measure(text).unit == "人次"
    assert indicator_score(text, "520人次", 10).met is True


@pytest.mark.parametrize(("target", "actual"), [
    ("≤30万元", "未超支"), ("控制在预算范围内", "无超支"), ("不超过预算", "没有超支"),
    ("控制在预算范围内", "未出现超支"), ("不超过预算", "未超出预算"), ("合格", "无不合格"),
    ("合格", "无不合格情况"), ("合格率100%", "未发现不合格"), ("达标", "未出现不达标情况"),
    ("满意", "无不满意"), ("及时", "没有不及时"), ("达到预期", "不低于预期"),
])
def test_a_shortfall_denied_is_achieved(target, actual):
    """未超支, 无不合格, 不低于预期: what falls short did not happen — full marks (before:
    the shortfall word alone read, 未达成, and false JX402/JX408 errors)."""
    found = indicator_score(target, actual, 10)
    assert (found.level, found.value) == ("achieved", 10.0)


@pytest.mark.parametrize(("target", "actual", "level"), [
    *[(target, actual, "achieved") for target, actual in (
        ("合规", "无违规"), ("合规", "未发现违规"), ("合规", "无违规违纪行为"), ("合规", "无挤占挪用"),
        ("准确", "无差错"), ("按时", "未逾期"), ("按时", "无超期"), ("达标", "未超标准"))],
    ("合规", "存在违规", None), ("按时", "逾期", "not"), ("满意", "有不满意", "not"),
    ("完成", "尚未完成", "not"), ("达标", "部分不达标", "not"),
])
def test_what_was_feared_said_not_to_have_happened(target, actual, level):
    """无违规, 未发现差错, 未逾期: achieved (before: no reading); said to have happened, not."""
    assert indicator_score(target, actual, 10).level == level


@pytest.mark.parametrize(("target", "actual"), [
    ("到位", "部分到位"), ("资金到位", "资金部分到位"), ("合规", "部分合规"), ("合规", "基本合规"),
    ("规范", "部分规范"), ("及时", "部分及时"), ("合格", "部分合格"), ("健全", "基本健全"),
    ("安全", "基本安全"), ("完善", "初步完善"), ("建立", "初步建立"),
])
def test_in_part_or_at_first_is_partly_achieved(target, actual):
    """部分到位, 基本合规, 初步建立: 部分达成, scored by a person in 6–8 of 10 (before:
    the target's word in the actual read as 达成 — full marks, no finding)."""
    found = indicator_score(target, actual, 10)
    assert (found.level, found.value) == ("partial", None)
    assert indicator_score(target, target, 10).level == "achieved"


def test_failed_against_pass_is_not_one_level_short():
    """合格 → 不合格 is the target negated (未达成), not a quality level short (部分达成)."""
    assert indicator_score("合格", "不合格", 10).level == "not"
    assert indicator_score("优", "良好", 10).level == "partial"


@pytest.mark.parametrize(("actual", "met", "value"), [
    ("发生1起", False, 0.0), ("1起", False, 0.0), ("未发生", True, 10.0), ("无", True, 10.0),
    ("520人次", None, None)])
def test_a_bare_none_as_the_target(actual, met, value):
    """指标值 无 (三级 重大安全事故): none wanted — 1起 scores 0, 未发生 full marks (before:
    read as an empty cell, no score and no finding); beside 520人次 it is no target."""
    found = indicator_score("无", actual, 10)
    assert (found.met, found.value) == (met, value)


@pytest.mark.parametrize(("target", "actual", "met"), [
    ("第三季度", "2024年11月", False), ("第三季度完成", "2024年11月完成", False),
    ("第三季度前完成", "2024年8月完成", True), ("三季度末前", "9月", True),
    ("第四季度", "11月", True), ("第3季度", "2024年12月", False),
])
def test_a_quarter_without_a_year_is_a_deadline(target, actual, met):
    """第三季度 is 9月30日 of the table's year (before: a word, no score, no finding);
    ≥3季度 stays a count of quarters."""
    assert indicator_score(target, actual, 10).met is met
    assert indicator_score("≥3季度", "4季度", 10).met is True


@pytest.mark.parametrize(("text", "year", "month", "day"), [
    ("十二月底前", None, 12, 31), ("三月底前", None, 3, 31), ("十一月三十日前", None, 11, 30),
    ("12月三十一日", None, 12, 31), ("二〇二五年十二月三十一日前", 2025, 12, 31),
    ("二零二五年十二月", 2025, 12, 31), ("二〇二五年底前", 2025, 12, 31),
    ("2025年十二月二十日", 2025, 12, 20), ("二〇二五年第三季度", 2025, 9, 30),
    # a quarter or a half of the year written the English way
    ("Q4", None, 12, 31), ("q3前", None, 9, 30), ("H1", None, 6, 30), ("H2", None, 12, 31),
    ("2025年Q4", 2025, 12, 31), ("2025Q2", 2025, 6, 30), ("2025H1", 2025, 6, 30),
])
def test_a_date_in_chinese_numerals_or_an_english_quarter_is_a_date(text, year, month, day):
    """十二月底前, 二〇二五年十二月三十一日前 (before: words — JX204 beside a date done),
    二〇二五年十二月 (before: words, 不是数值), 2025年十二月二十日 (before: the year alone,
    12月31日), Q4, 2025年Q4, H1 (before: JX203 无法识别)."""
    measure = parse_measure(text)
    assert (measure.kind, measure.op) == ("date", "<=")
    if year is None:
        assert (measure.yearless, measure.month_day) == (True, (month, day))
    else:
        assert measure.date == dt.date(year, month, day)


@pytest.mark.parametrize(("text", "year", "month", "day"), [
    # the middle of the year: its 6月30日 (before: words, JX204 beside a date done)
    ("年中", 2000, 6, 30), ("年中前", 2000, 6, 30), ("年中前完成", 2000, 6, 30),
    ("次年年中", 2001, 6, 30), ("翌年年中", 2001, 6, 30), ("次年年中前", 2001, 6, 30),
    # quarters from one to a later one: by the last one's end (before: JX203, or 1-3 of a
    # count of 季度, or the first quarter's end)
    ("Q1-Q3", 2000, 9, 30), ("Q1~Q3", 2000, 9, 30), ("1-3季度", 2000, 9, 30),
    ("一至三季度", 2000, 9, 30), ("第一季度至第三季度", 2000, 9, 30),
    ("一季度至三季度", 2000, 9, 30), ("2-4季度", 2000, 12, 31),
    # neighbours, as before
    ("第一季度", 2000, 3, 31), ("一季度", 2000, 3, 31), ("次年一季度", 2001, 3, 31),
    ("上半年", 2000, 6, 30), ("前三季度", 2000, 9, 30),
])
def test_the_middle_of_the_year_and_a_run_of_quarters_are_a_deadline(text, year, month, day):
    measure = parse_measure(text)
    assert (measure.kind, measure.op, measure.yearless, measure.value) == (
        "date", "<=", True, ordinal(year, month, day))


@pytest.mark.parametrize(("text", "day"), [
    ("2025年Q1-Q3", dt.date(2025, 9, 30)), ("2025年1-3季度", dt.date(2025, 9, 30)),
    ("2025年年中", dt.date(2025, 6, 30))])
def test_a_run_of_quarters_of_a_named_year(text, day):
    assert parse_measure(text).date == day


@pytest.mark.parametrize(("text", "kind", "level"), [
    ("年中检查", "qualitative", None), ("年中考核优秀", "qualitative", None),
    ("年中期评估", "qualitative", None), ("当年中央资金到位", "qualitative", "achieved"),
    ("全年中央补助", "qualitative", None), ("1-3个季度", "range", None),  # a count of quarters
])
def test_year_middle_words_that_are_no_date_stay_as_read(text, kind, level):
    """年中 inside a longer name (年中检查, 中央): no date; 1-3个季度 counts quarters."""
    measure = parse_measure(text)
    assert (measure.kind, measure.level) == (kind, level)


@pytest.mark.parametrize(("target", "actual", "met"), [
    ("年中前", "6月20日", True), ("年中前", "9月30日", False), ("12月底前", "次年年中", False),
    ("次年年中前", "次年3月", True), ("Q1-Q3", "9月", True), ("Q1-Q3", "10月", False),
    ("1-3季度", "9月20日", True), ("第一季度至第三季度", "11月", False),
])
def test_the_middle_of_the_year_and_a_run_of_quarters_are_compared(target, actual, met):
    assert indicator_score(target, actual, 10).met is met


@pytest.mark.parametrize(("text", "kind", "value", "unit"), [
    ("十二月", "number", 12.0, "月"), ("十二个月", "number", 12.0, "个月"),
    ("一月内", "number", 1.0, "月"), ("三月一次", "qualitative", None, ""),
    ("二〇二四年度", "qualitative", None, ""), ("十三月底前", "qualitative", None, ""),
    ("SUM(H1:H5)", "unparsed", None, ""), ("H1N1", "unparsed", None, ""),
])
def test_numerals_and_letters_that_are_no_date_stay_as_read(text, kind, value, unit):
    """A count of months (十二个月, 一月内), a month alone (十二月: the month a deadline's
    完成值 names, as 12月), a year's name in a title, a cell's address: not read as dates."""
    measure = parse_measure(text)
    assert (measure.kind, measure.value, measure.unit) == (kind, value, unit)


@pytest.mark.parametrize(("target", "actual", "score"), [
    ("十二月底前", "12月20日", 5.0), ("二〇二五年十二月三十一日前", "2025年12月20日", 5.0),
    ("2025年12月31日前", "二〇二五年十二月", 5.0), ("12月底前", "十二月", 5.0),
    ("2025年12月20日前", "2025年十二月十日", 5.0), ("2025年第四季度", "2025年Q4", 5.0),
    ("上半年", "H1", 5.0), ("第三季度", "Q4", None), ("2025年12月20日前", "2025年十二月三十日", None)])
def test_dates_in_chinese_numerals_are_compared(target, actual, score):
    """十二月底前 against 12月20日 — before: a 定性 target a date could not answer (JX204);
    2025年十二月十日 against 2025年12月20日前 — before: 12月31日, late."""
    assert indicator_score(target, actual, 5).value == score


@pytest.mark.parametrize(("target", "actual", "score"), [
    ("差错率≤1%", "0.5%", 10.0), ("差错率≤1%", "1.5%", 5.0), ("差错率不超过1%", "0.8%", 10.0),
    ("偏差率≤5%", "3%", 10.0), ("≥500人次", "累计培训520人次", 10.0),
    ("≥500人次", "全年累计培训450人次", 9.0), ("≥95%", "差5%", None),
])
def test_an_error_rate_and_a_running_total_are_named_numbers(target, actual, score):
    """差错率 ≤1%, 累计培训520人次: the words name the number (before: 差 and 累 were read
    as changing it — no score, JX203 only); 差5% (a gap) still is no reading."""
    assert indicator_score(target, actual, 10).value == score


@pytest.mark.parametrize("actual", ["截至12月底完成520人次", "截至2024年12月31日培训520人次",
                                    "截止2024年12月，累计培训520人次"])
def test_a_count_as_of_a_date_is_the_count(actual):
    """截至12月底 before a count says when it was taken (before: JX203, or read as a date
    and JX204); a date alone after 截至 stays a date."""
    assert indicator_score("≥500人次", actual, 10).value == 10.0
    assert parse_measure("截至2024年12月31日").kind == "date"


@pytest.mark.parametrize(("target", "actual", "score"), [
    ("≥90%", "百分之九十五", 10.0), ("100%", "百分之百", 10.0), ("≥90%", "百分之八十", 8.89),
    ("≥百分之九十", "95%", 10.0)])
def test_a_percent_in_words(target, actual, score):
    """百分之九十五 is 95 % (before: 不是数值, JX204 only — a shortfall at full marks passed)."""
    assert indicator_score(target, actual, 10).value == score


@pytest.mark.parametrize(("target", "actual", "score"), [
    ("一年两次", "2次", 10.0), ("半年一次", "2次", 10.0), ("半年1次", "1次", 5.0),
    ("≥2次", "一年两次", 10.0), ("年均3次", "3次", None)])
def test_a_frequency_without_mei(target, actual, score):
    """一年两次, 半年一次: counts over the year as 每半年1次 is (before: words, no score)."""
    assert indicator_score(target, actual, 10).value == score


@pytest.mark.parametrize(("target", "actual", "met"), [
    ("10月底前", "10月中旬", True), ("6月前", "5月份", True), ("10月10日前", "10月上旬", True),
    ("9月底前", "10月上旬", False)])
def test_a_month_or_a_part_of_it_done_against_a_deadline(target, actual, met):
    """10月中旬, 5月份 done: that part's last day, 上旬 the 10th (before: 单位不一致)."""
    assert indicator_score(target, actual, 10).met is met


@pytest.mark.parametrize(("target", "actual", "met"), [
    ("2025年10月中旬前完成", "2025年10月28日完成", False), ("2025年10月中旬前完成", "2025年10月20日", True),
    ("2024年10月上旬", "2024年10月15日", False), ("2024年10月上旬前", "2024年10月9日", True),
    ("2024年10月下旬前", "2024年10月31日", True), ("10月中旬", "10月18日", True),
    ("10月中旬前完成", "10月21日完成", False), ("10月上旬前", "2024年10月8日", True)])
def test_a_deadline_in_a_part_of_a_month(target, actual, met):
    """A deadline 10月中旬 is the 20th, 上旬 the 10th, 下旬 the month's end, as the same words
    done are (rt14-b A1, A8: before, 2025年10月中旬 was read as the 31st, so work done on
    the 28th was on time and got full marks; 10月中旬 without a year was 单位不一致)."""
    assert indicator_score(target, actual, 10).met is met


@pytest.mark.parametrize("target", ["3个工作日内", "≤24小时", "≤2天"])
def test_done_the_same_day_is_one_day(target):
    """当日办结 beside a time allowed is 1 天 (before: 不是数值, no score)."""
    assert indicator_score(target, "当日办结", 10).value == 10.0


@pytest.mark.parametrize(("target", "actual", "level"), [
    ("每月10日前", "按时报送", "achieved"), ("次月5日前", "按时", "achieved"),
    ("资金到位后1个月内", "未按时", "not"), ("每天≥8小时", "达成", "achieved"),
    ("约95%", "达成", "achieved")])
def test_a_rule_in_words_with_a_number_is_answered_by_the_actual(target, actual, level):
    """每月10日前 (no measure to read) beside 按时报送: a statement the 完成值 answers
    (before: no score, JX203 on a correct row); an approximate number is its number (rt28:
    约95% as 95%), answered in words as 95% is — JX204 asks for the number measured."""
    assert indicator_score(target, actual, 10).level == level


@pytest.mark.parametrize(("actual", "met"), [
    (45646.0, True), (dt.datetime(2024, 12, 20), True), (45700.0, False)])
def test_a_date_cell_as_its_serial_number_is_that_date(actual, met):
    """recalc hands a date typed into a cell to the JX_ functions as its serial number
    (45646 is 2024-12-20), where Excel hands a datetime and check reads the date shown:
    all three read the day (before: ⚠ 单位不一致 in the recalculated template)."""
    from jixiao import cellfuncs

    assert indicator_score("2024年12月31日前完成", actual, 10).met is met
    assert (cellfuncs.score("2024年12月31日前完成", actual, 10) == 10) is met
    assert indicator_score("≥95%", 45646.0, 10).met is True  # no date beside it: a number


@pytest.mark.parametrize(("actual", "score"), [(1.0, 10.0), (0.98, 9.8), ("100%", 10.0)])
def test_full_coverage_against_a_cell_of_100_percent(actual, score):
    """A cell showing 100% keeps 1: beside 全覆盖 it is 100 % (before: ⚠ in recalc)."""
    assert indicator_score("全覆盖", actual, 10).value == score


@pytest.mark.parametrize(("target", "actual", "score"), [
    ("≥1/2", "2/3", 10.0),   # rt15 L4: before, both refused (数值后还有数字), no total
    ("≥2/3", "1/2", 7.5),    # 10 × (1/2) ÷ (2/3)
    ("≥50%", "1/2", 10.0),   # a share beside a percent: 50 %
    ("≥90%", "3/4", 8.33),   # 10 × 75 ÷ 90
    ("≥90", "9/10", 10.0),   # beside a rate's % left off: 90
    ("3/4", "3/4", 10.0),
])
def test_a_share_written_as_a_fraction_is_its_value(target, actual, score):
    assert indicator_score(target, actual, 10).value == score


@pytest.mark.parametrize("text", ["12/31", "1/0", "1/2次", "3/12"])
def test_a_month_and_day_or_a_fraction_with_more_is_no_share(text):
    """Only small whole numbers over at most ten, nothing after: 12/31 is a day, 3/12 may
    be one (3 月 12 日) — left for a person, as before (12/15前, a deadline, is that day:
    test_values_as_written)."""
    assert parse_measure(text).kind == "unparsed"


@pytest.mark.parametrize("text", ["年内完成", "年度内", "本年度内", "当年完成", "今年内完成"])
def test_within_the_year_is_by_its_end(text):
    measure = parse_measure(text)
    assert (measure.kind, measure.yearless, measure.value) == ("date", True, ordinal(2000, 12, 31))


@pytest.mark.parametrize(("text", "kind"), [("一年内", "number"), ("3年内", "number"),
                                           ("年内培训500人次", "unparsed"), ("年度", "qualitative")])
def test_a_length_of_years_or_a_count_within_the_year_is_no_deadline(text, kind):
    assert parse_measure(text).kind == kind


def test_a_day_of_every_month_is_compared_with_another():
    """每月10日前 (a monthly report due by the 10th): by the 10th every month; 次月/下月 the same."""
    measure = parse_measure("每月10日前")
    assert (measure.kind, measure.op, measure.value) == ("number", "<=", 10.0)
    assert indicator_score("每月10日前", "每月10日前", 5).value == 5.0
    assert indicator_score("次月10日前", "次月5日", 5).value == 5.0
    assert indicator_score("每月10日前", "按时报送", 5).value == 5.0
    # 12 of ≤10, as any ceiling: 5 × (1 − 2/10) = 4.00
    assert indicator_score("每月10日前", "每月12日", 5).value == 4.0
    assert indicator_score("每月10日前", "2024年12月8日", 5).value is None  # not the same measure


def test_a_month_typed_as_year_dot_month_beside_a_date():
    """2024.12 (text, or the number 2024.1 a cell shows) beside a deadline is that month;
    beside an amount it stays the number."""
    assert indicator_score("2024年12月31日前", "2024.12", 5).value == 5.0
    assert indicator_score("2024年12月31日前", 2024.12, 5).value == 5.0
    late = indicator_score("2024年6月底前", "2024.9", 5)
    assert (late.met, late.band) == (False, (3.0, 4.0))
    assert parse_measure("2024.12前").value == ordinal(2024, 12, 31)
    assert parse_measure("2024-12底前").value == ordinal(2024, 12, 31)
    assert parse_measure("2024.12").kind == "number"
    assert comparable(parse_measure("≥2000万元"), parse_measure("2024.12")) == pytest.approx(
        (2000e4, 2024.12e4))


@pytest.mark.parametrize(("text", "level"), [
    ("效果较好", "achieved"), ("较好", "achieved"), ("运行情况很好", "achieved"),
    ("取得一定成效", "partial"), ("具有一定效果", "partial"), ("初见成效", "partial"),
    ("效果一般", "partial"), ("没有较好", "not"),
    ("健全", "achieved"), ("资料齐全", "achieved"), ("合规", "achieved"), ("已落实", "achieved"),
    ("已建立", "achieved"), ("认可度高", "achieved"), ("得到保障", "achieved"), ("运行平稳", "achieved"),
    ("稳中有升", "achieved"), ("群众受益", "achieved"), ("按规定执行", "achieved"),
    ("不健全", "not"), ("未建立", "not"), ("资料不齐全", "not"), ("保障不足", "not"),
    ("认可度低", "not"), ("有待健全", "partial"), ("基本健全", "partial"),
    ("进行中", "partial"), ("尚在实施中", "partial"), ("已启动", "partial"), ("待验收", "partial")])
def test_good_and_a_certain_effect(text, level):
    """效果较好 (good, as 良好 is), 健全, 齐全, 合规, 已落实, 已建立, 认可度高, 得到保障 … are
    达成; 取得一定成效 (the rules' own 部分达成并具有一定效果), 效果一般 and work under way
    (进行中, 已启动, 待验收) 部分达成 — before, none was read: JX410, no total."""
    assert parse_measure(text).level == level


def test_good_against_a_grade_stays_a_grade():
    """较好 is 良 on a grading scale: it meets 良好, falls short of 优. Beside a change wanted
    it is a good effect: it meets 提升 and 明显提升."""
    assert indicator_score("良好", "较好", 10).value == 10.0
    assert indicator_score("优", "较好", 10).level == "partial"
    assert indicator_score("提升", "效果较好", 10).value == 10.0
    assert indicator_score("明显提升", "效果较好", 10).value == 10.0
    assert indicator_score("明显提升", "取得一定成效", 10).band == (6.0, 8.0)


@pytest.mark.parametrize(("text", "expected"), [
    ("按期完成，完成率100%", (None, 100.0, "%")), ("已完成，完成率为98%", (None, 98.0, "%")),
    ("未完成；完成率80%", (None, 80.0, "%"))])
def test_a_statement_before_the_comma_and_the_number_after_it(text, expected):
    """已完成，完成率为98% (before: unreadable, JX203, no total): the number after the words."""
    measure = parse_measure(text)
    assert (measure.kind, measure.op, measure.value, measure.unit) == ("number", *expected)
    assert indicator_score("≥95%", text, 10).value == (10.0 if expected[1] >= 95 else 8.42)


@pytest.mark.parametrize(("target", "actual", "value", "unit", "score"), [
    ("≥6次", "全部完成（12次）", 12.0, "次", 10.0), ("≥6次", "完成(12次)", 12.0, "次", 10.0),
    ("≥6次", "已完成（6次）", 6.0, "次", 10.0), ("≥95%", "达成（98%）", 98.0, "%", 10.0),
    ("100%", "已完成（100%）", 100.0, "%", 10.0), ("≥95%", "满意（95%）", 95.0, "%", 10.0),
    ("≥6次", "全部完成（5次）", 5.0, "次", 8.33)])  # 10 × 5 / 6
def test_words_then_the_number_in_brackets(target, actual, value, unit, score):
    """全部完成（12次）: the number in brackets, as 12次（全部完成） is read (before: unreadable,
    JX203, no score — and 全部完成（5次） at full marks passed)."""
    measure = parse_measure(actual)
    assert (measure.kind, measure.op, measure.value, measure.unit) == ("number", None, value, unit)
    assert indicator_score(target, actual, 10).value == score


@pytest.mark.parametrize(("target", "actual"), [
    ("≥10场次", "12场次培训"), ("≥10场", "12场次培训"), ("≥500人次", "520人次参训"),
    ("≥5批次", "6批次抽检")])
def test_a_count_of_times_followed_by_what_was_done(target, actual):
    """12场次培训 (before: the unit 场次培训, not comparable with 场次: JX204, no score)."""
    assert indicator_score(target, actual, 10).value == 10.0


def test_at_most_and_within_the_budget_and_at_least_last_year():
    """最多2次 is ≤2次, 最少3次 ≥3次; ≤预算数 (within the budget, as 控制在预算内) is a statement
    the 完成值 answers; ≥上年 a rise of 0 at least, as 不低于上年 — before, each was JX203."""
    assert (parse_measure("最多2次").op, parse_measure("最多2次").value) == ("<=", 2.0)
    assert (parse_measure("最少3次").op, parse_measure("最少3次").value) == (">=", 3.0)
    assert indicator_score("最多2次", "3次", 10).value == 5.0
    assert parse_measure("≤预算数").kind == parse_measure("≤年度预算").kind == "qualitative"
    assert indicator_score("≤预算数", "未超预算", 10).value == 10.0
    assert (parse_measure("≥上年").op, parse_measure("≥上年").value) == (">=", 0.0)
    assert indicator_score("≥上年", "增长5%", 10).value == 10.0
    assert parse_measure("≥上年水平").value == 0.0


@pytest.mark.parametrize("text", ["完成情况待统计", "完成率未统计", "及时率待统计", "合格率待检测",
                                  "满意度待测评", "完成情况见附件"])
def test_not_known_yet_is_no_level(text):
    """完成情况待统计 read 完成 — 达成, full marks unquestioned. Not known yet (or told
    elsewhere) is for a person to judge: no level (JX410 / JX204 say so)."""
    assert parse_measure(text).level is None


@pytest.mark.parametrize(("text", "level"), [
    ("未开展满意度调查", "not"), ("满意度调查未开展", "not"), ("暂未调查", "not"),
    ("未组织满意度测评", "not"), ("尚未验收", "not"), ("未启动", "not"),
    ("已完成，详见附件", "achieved"), ("未发现违规", "achieved")])
def test_not_done_is_not_achieved(text, level):
    assert parse_measure(text).level == level


@pytest.mark.parametrize(("target", "actual", "short"), [
    ("≥95%", "低于95%", True), ("≥95%", "没有达到95%", True), ("≥95%", "95%以下", True),
    ("≥500人", "不足500人", True), ("≤3天", "超过3天", True), ("≤3天", "3天以上", True),
    ("≥95%", "95%以上", False), ("≥90%", "不低于95%", False), ("≤3天", "3天以内", False),
    ("≥95%", "98%", False)])
def test_a_bound_on_the_far_side_of_the_target_is_missed_and_not_scored(target, actual, short):
    score = indicator_score(target, actual, 10)
    if short:
        assert (score.value, score.met) == (None, False)
        assert is_met(target, actual) is False
    else:
        assert (score.value, score.met) == (10.0, True)


@pytest.mark.parametrize(("target", "actual", "level"), [
    ("稳步提升", "下降", "not"), ("逐步提高", "有所下降", "not"), ("持续改善", "略有降低", "not"),
    ("稳步提升", "未提高", "not"), ("稳步提升", "有所提升", "achieved"),
    # a fall by a number (before: JX204 “完成值却是数值”, full marks passed), and the
    # other way round: a rise against a fall wanted (before: 提高 was 达成 whatever the goal)
    ("有所提升", "较上年下降2%", "not"), ("稳步提升", "下降2%", "not"),
    ("逐步提高", "同比下降2个百分点", "not"), ("稳步提升", "较上年有所下降", "not"),
    ("下降", "提高", "not"), ("有所降低", "上升", "not")])
def test_a_fall_against_a_rise_wanted_is_not_met(target, actual, level):
    """稳步提升 answered 下降: the other way, 未达成 (0–6 of 10), as 未提高 is (before: no
    reading, JX410 only — full marks passed)."""
    result = indicator_score(target, actual, 10)
    assert result.level == level
    assert result.band == ((0.0, 6.0) if level == "not" else (8.0, 10.0))


@pytest.mark.parametrize("actual", ["未下降", "投诉下降", "投诉率下降20%"])
def test_a_fall_denied_or_of_something_else_is_not_read_as_a_fall(actual):
    """未下降 is no fall; 投诉下降 says what fell (a good thing beside 满意度提升): both left
    to a person, as before."""
    assert indicator_score("满意度提升", actual, 10).level is None


@pytest.mark.parametrize(("target", "actual", "level"), [
    ("稳步增加", "增加", "achieved"), ("持续提升", "上升", "achieved"),
    ("稳步提升", "增长", "achieved"), ("逐步提高", "有所提升", "achieved"),
    ("持续提升", "提高", "achieved"), ("明显增加", "有所增加", "partial"),
    ("明显增加", "增加", "partial"), ("下降", "降低", "achieved"),
    ("明显下降", "降低", "partial"), ("明显下降", "有所下降", "partial"),
    ("下降", "下降", "achieved")])
def test_a_rise_said_in_another_word_of_the_family_is_the_rise_wanted(target, actual, level):
    """增加, 上升, 增长 answer 稳步增加, 持续提升 as 提高 already did (before: JX410 “无法判断
    完成值“增加”是否达成”); a lesser degree (有所增加 against 明显增加) is 部分达成 as
    有所提升 against 明显提升 is, and so is the bare word against a 明显 wanted (增加 against
    明显增加, 降低 against 明显下降: rt26, before 达成); 下降 against 下降, as before."""
    assert indicator_score(target, actual, 10).level == level


@pytest.mark.parametrize(("target", "actual", "level"), [
    ("不增加", "增加", "not"), ("不增加", "有所增加", "not"), ("不增加", "上升", "not"),
    ("不降低", "降低", "not"), ("不下降", "下降", "not"), ("无增加", "上升", "not"),
    ("不得增加", "增加", "not"), ("不再增加", "增加", "not"), ("没有增加", "增加", "not"),
    ("个人负担不增加", "增加", "not"), ("不增加", "较上年增加2%", "not"),
    ("不增加", "未增加", "achieved"), ("不增加", "没有增加", "achieved"),
    ("不增加", "持平", "achieved"), ("不增加", "保持稳定", "achieved"),
    ("不增加", "下降", "achieved"), ("不增加", "较上年下降2%", "achieved"),
    ("不降低", "提高", "achieved"), ("不降低", "未降低", "achieved"),
    ("不下降", "持平", "achieved"), ("未增加", "未增加", "achieved"),
    # the neighbours that must not change: 不低于上年 is ≥ last year, 不断提高 a rise wanted
    ("不低于上年", "高于上年", "achieved"), ("不低于上年", "增加", "achieved"),
    ("不低于上年", "下降", "not"), ("不断提高", "提高", "achieved"), ("不断提升", "下降", "not"),
    ("稳步提升", "持平", "not")])
def test_a_change_forbidden_is_missed_by_that_change_and_met_by_any_other(target, actual, level):
    """不增加 answered 增加: 未达成 (0–12 of 20; before: 达成, a 0 was JX408 and 20 passed);
    未增加, 持平 or 下降 meet it. 不降低 likewise the other way; 不低于上年 stays ≥."""
    result = indicator_score(target, actual, 20)
    assert result.level == level
    assert result.band == ((0.0, 12.0) if level == "not" else (16.0, 20.0))


@pytest.mark.parametrize(("target", "actual"), [
    ("不增加", "未下降"), ("无明显增加", "增加"), ("不增加负担，提高效率", "增加")])
def test_a_change_forbidden_with_no_one_answer_is_left_to_a_person(target, actual):
    """未下降 allows 持平 (met) or a rise (not); 无明显增加 may allow a little; a goal
    forbidding one change and wanting another says no one change: no level, as before."""
    assert indicator_score(target, actual, 20).level is None


@pytest.mark.parametrize(("target", "actual"), [
    ("提高效率降低成本", "下降"), ("明显提升", "同比增长5%"), ("稳步提升", "下降0%")])
def test_a_goal_of_both_ways_or_a_rise_by_a_number_is_left_to_a_person(target, actual):
    """A goal wanting both (提高…降低…) says no one change; a rise by a number against a
    marked rise in words (明显提升) says not whether it is enough (JX204, as before). Against
    the change alone (稳步提升) it is 达成 since rt32 (tests/core/test_measured_changes.py)."""
    assert indicator_score(target, actual, 10).level is None


@pytest.mark.parametrize(("target", "actual", "level"), [
    ("效果好", "效果差", "not"), ("质量好", "质量差", "not"), ("质量较好", "质量差", "not"),
    ("服务质量好", "服务质量较差", "not"), ("服务质量较好", "服务质量较差", "not"),
    ("质量好", "质量一般", "not"), ("质量较好", "质量好", "achieved"), ("较好", "好", "achieved"),
    ("效果好", "效果较好", "partial"), ("好", "较好", "partial"), ("质量优", "质量良", "partial"),
    ("效果明显", "效果较好", "achieved"), ("效果较好", "效果较好", "achieved")])
def test_quality_words_after_shared_words_on_one_scale(target, actual, level):
    """The words after a shared 效果/质量/服务质量 compared on the scale the words alone are:
    好 → 较好 a level short (部分达成, 6–8 of 10), 好 → 差 未达成 (0–6), 较好 → 好 达成
    (before: 效果好 → 效果差 no reading, JX410; 效果好 → 效果较好 met, 好 → 较好 partly).
    效果明显 → 效果较好 is met: 较好 is a good effect, no degree of change."""
    result = indicator_score(target, actual, 10)
    assert result.level == level
    assert result.band == {"achieved": (8.0, 10.0), "partial": (6.0, 8.0), "not": (0.0, 6.0)}[level]


@pytest.mark.parametrize(("target", "actual", "level"), [
    ("高", "低", "not"), ("高", "中", "not"), ("高", "较高", "partial"), ("较高", "高", "achieved"),
    ("中", "较低", "partial"), ("中", "低", "not"), ("水平高", "水平较高", "partial"),
    ("水平高", "水平低", "not"), ("满意度高", "满意度较低", "not")])
def test_the_height_scale_where_more_is_better(target, actual, level):
    """低 < 较低 < 中 < 较高 < 高 where more is better: 高 → 低 未达成 (before: JX410 only,
    full marks passed), one step short 部分达成. Under 成本 (≤ by default) the scale is not
    read: which end is good is the indicator's."""
    assert indicator_score(target, actual, 10).level == level
    assert indicator_score("高", "低", 10, default_op="<=").level is None



@pytest.mark.parametrize(("text", "expected"), [
    ("足额发放率100%", (None, 100.0, "%")), ("按时足额发放率≥98%", (">=", 98.0, "%")),
    ("家长满意度≥90%", (">=", 90.0, "%")), ("学前教育毛入园率≥90%", (">=", 90.0, "%")),
    ("设备升级改造数量≥5台", (">=", 5.0, "台")), ("未成年人保护覆盖率100%", (None, 100.0, "%")),
    ("近视筛查率91%", (None, 91.0, "%")), ("长效管理机制覆盖率100%", (None, 100.0, "%")),
    ("减免人数≥500人", (">=", 500.0, "人")), ("提标改造数量≥3处", (">=", 3.0, "处")),
    ("增殖放流数量≥10万尾", (">=", 10.0, "万尾")), ("升学率≥95%", (">=", 95.0, "%")),
    ("人均补助200元/人/月", (None, 200.0, "元/人/月")), ("除险加固水库≥3座", (">=", 3.0, "座")),
])
def test_a_change_character_inside_a_name_is_of_the_name(text, expected):
    """rt26 c1: 足, 长, 升, 前, 未, 近, 减, 提, 增 anywhere in the name before the number made it
    unreadable (足额发放率100%, 家长满意度≥90%). Inside a name they are its words; only right
    before the number (增5%, 近600人) or as a whole change word (增长, 减少) do they change it.
    人均 before an amount per person (元/人/月) restates the unit."""
    measure = parse_measure(text)
    assert measure.kind == "number", measure
    assert (measure.op, measure.value, measure.unit) == expected


@pytest.mark.parametrize("text", ["增5%", "提前5天", "排名前3名", "人数增500人", "服务人数近600人",
                                  "工业增加值增长5%", "下降比例12%", "会议费压减≥5%", "未完成3项",
                                  "不合格率≤2%", "延长服务时间2小时", "除2户外全部完成"])
def test_a_change_right_before_the_number_or_a_change_word_in_the_name_still_is_one(text):
    """The same characters right before the number (增5%: a rise; 近600人: about; 前3名: an
    order; 除2户外: all but them — read as 2户, rt26 c1), a change word anywhere (增加值增长, 下降比例, 压减) or a negation (未完成, 不合格):
    the number alone would say something else — for a person to read."""
    assert parse_measure(text).kind == "unparsed"


@pytest.mark.parametrize(("text", "expected"), [
    ("65岁及以上老年人健康管理率≥70%", (">=", 70.0, "%")),
    ("65岁及以上老年人健康管理率72%", (None, 72.0, "%")),
    ("0-6岁儿童健康管理率≥90%", (">=", 90.0, "%")),
    ("60周岁以上老年人体检人数≥1200人", (">=", 1200.0, "人")),
    ("2型糖尿病患者规范管理率≥60%", (">=", 60.0, "%")),
    ("65岁以上", (">=", 65.0, "岁")),  # the age alone: the number itself
])
def test_an_age_group_before_the_name_is_of_the_name(text, expected):
    """rt26 c1: 65岁及以上老年人健康管理率≥70% read 65 as the number (“数值后还有数字”): the
    age group (and 2型) counts whom the rate is of — part of the name; the value follows it."""
    measure = parse_measure(text)
    assert measure.kind == "number", measure
    assert (measure.op, measure.value, measure.unit) == expected


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("缩短至3个工作日", 3, "个工作日"), ("缩短到5天", 5, "天"), ("缩短为30分钟", 30, "分钟"),
    ("平均办理时限缩短至2天", 2, "天"), ("压减至20万元", 20, "万元"), ("缩减至50万元", 50, "万元")])
def test_a_time_or_amount_cut_to_a_level_is_at_most_it(text, value, unit):
    """rt26 k: 缩短至3个工作日 read as ≤3 before the round's name words, then unread (JX203; a
    planted 5 days at full marks missed): the level a cut brings it to, no more than it."""
    measure = parse_measure(text)
    assert (measure.kind, measure.op, measure.value, measure.unit) == ("number", "<=", value, unit)


@pytest.mark.parametrize(("text", "expected"), [
    ("差错率降低至5%", ("<=", 5.0, "%")), ("差错率降至5%", ("<=", 5.0, "%")),
    ("偏差率下降到3%", ("<=", 3.0, "%")), ("老年人健康管理率提高到70%", (None, 70.0, "%")),
    ("每周开放时间延长至60小时", (None, 60.0, "小时/周")),
    ("每月巡查次数增加至4次", (None, 48.0, "次")), ("全年差错率降低至1%", ("<=", 1.0, "%"))])
def test_a_name_before_a_level_reached_reads_as_before_a_number(text, expected):
    """rt26 j2 b2: 差错率降低至5% and 每周开放时间延长至60小时 were unread (JX203) while 降至5%
    read: the name is held to the rules of a name before a number (差错 is counted, as 差错率≤1%
    reads), and a period each before it is the level's (60小时/周; 4次 a month is 48 a year,
    as 每月1次 is 12); a fall reached is a ceiling, as 降至5% is."""
    measure = parse_measure(text)
    assert measure.kind == "number", measure
    assert (measure.op, measure.value, measure.unit) == expected


@pytest.mark.parametrize("text", [
    "较上年降低至5%", "上年降低至5%", "同比增长至5%", "年均增长至5%", "不合格率降低至1%"])
def test_a_comparison_or_negation_before_a_level_reached_stays_unread(text):
    """Words that change what the level means (较上年, 同比, 年均, 不) still stop it."""
    assert parse_measure(text).kind == "unparsed"


@pytest.mark.parametrize(("text", "expected"), [
    ("增长5%", (">=", 5.0, "%")), ("每月1次", (None, 12.0, "次"))])
def test_a_change_or_a_frequency_reads_as_before(text, expected):
    measure = parse_measure(text)
    assert (measure.kind, measure.op, measure.value, measure.unit) == ("number", *expected)


def test_a_cut_by_an_amount_is_no_level():
    """缩短3个工作日 is by how much, not to what: unread, as before."""
    assert parse_measure("缩短3个工作日").kind == "unparsed"
