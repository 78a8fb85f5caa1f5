"""指标值 and 完成值 as real tables write them, scored by hand with the rules of
docs/domain.md §2 (positive: 分值 × actual / target; reverse: 分值 × (1 − (actual −
target) / target); a target of none: 0 for any). Each case was read wrongly before:
unread (JX203), not comparable (JX204) or scored on a misread number."""

from __future__ import annotations

import pytest

from jixiao import cellfuncs
from jixiao.parsing import as_change_named, parse_measure
from jixiao.rules import indicator_score
from jixiao.units import comparable


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


def test_a_fall_against_a_rise_named_as_rates_is_a_rise_below_0():
    """增长率 against 下降率: a rise never meets a fall (as 增长 against 下降) — a rise of
    −3 %, scored 0 (a negative 完成值 counts 0; before: not comparable, JX204)."""
    assert indicator_score("增长率≥5%", "下降率3%", 10).value == 0.0


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


@pytest.mark.parametrize(("target", "actual"), [
    ("明显提升", "有所提升"), ("明显改善", "有所改善"), ("显著提高", "略有提高"),
    ("大幅提升", "小幅提升"), ("明显提升", "一定程度提升"), ("显著", "较明显"),
    ("明显增强", "有所增强"),
])
def test_a_smaller_degree_of_change_than_wanted_is_partly_achieved(target, actual):
    """明显提升 wanted, 有所提升 reached: 部分达成 (60–80 % of 20: 12–16), not 达成."""
    score = indicator_score(target, actual, 20)
    assert (score.level, score.band) == ("partial", (12.0, 16.0))


@pytest.mark.parametrize(("target", "actual"), [
    ("明显提升", "明显提升"), ("有所提升", "明显提升"), ("逐步提升", "有所提升"),
    ("较大提升", "明显提升"), ("明显提升", "达成"),
])
def test_as_much_change_as_wanted_or_more_is_achieved(target, actual):
    assert indicator_score(target, actual, 20).level == "achieved"


@pytest.mark.parametrize(("target", "actual", "met"), [
    ("≤上年", "低于上年", True), ("≤上年", "与上年持平", True), ("＜上年", "低于上年", True),
    ("≤上年", "高于上年", False), ("≤上年水平", "较上年下降2%", True),
])
def test_a_ceiling_of_last_years_level_written_with_a_sign(target, actual, met):
    """≤上年 as 不高于上年 (before: “有运算符但没有数值”, JX203)."""
    assert indicator_score(target, actual, 10).met is met


def test_a_direction_column_adds_no_sign_to_a_goal_in_words():
    from jixiao.parsing import joined_target

    assert joined_target("正向", "明显提升", None) == "明显提升"
    assert joined_target("正向", "95", "%") == "≥95%"
    assert joined_target("反向", "十个工作日", None) == "≤十个工作日"
    assert joined_target("≥", "明显提升", None) == "≥明显提升"  # a sign typed stays (JX203)


@pytest.mark.parametrize(("target", "actual", "met", "note"), [
    ("3-5次", "4次", True, "完成值在指标值区间内"),
    ("3-5次", "2次", False, "无法判断得分：完成值在指标值区间“3-5次”之外"),
    ("3-5次", "6次", None, "无法判断得分：完成值高于指标值区间“3-5次”的上限"),
    ("90%-95%", "97%", None, "无法判断得分：完成值高于"),
    ("±5%", "7%", False, "无法判断得分：完成值在指标值区间“±5%”之外"),
])
def test_outside_a_range_a_person_scores(target, actual, met, note):
    """The rules give no score outside a range; above the upper bound of an amount (3-5次
    done 6次) is not said to be missed (no JX402 at full marks), below it is; a ± range
    is missed on either side."""
    score = indicator_score(target, actual, 10)
    assert score.met is met and score.note.startswith(note)
    assert score.value == (10.0 if met else None)


@pytest.mark.parametrize(("target", "actual", "met"), [
    ("12.31前", "12.20", True), ("12.31前", 12.2, True), ("12.31日前", "12月20日", True),
    ("12月31日前", "12.20", True), ("2024年12月31日前", "12.20", True),
    ("12.31前", "2025.1.5", False), ("12/15前", "12月10日", True), ("12/15前", "12月20日", False),
    ("2024.12", "2024.11", True), ("2024.12", "2025.1", False),
])
def test_deadlines_written_with_dots(target, actual, met):
    """12.31前 is a deadline (the table's year); beside one, 12.20 (or the number 12.2 it
    became in a General cell) is that day; 2024.12 beside 2024.11 are months. Before:
    numbers, more being better — finishing early was 未达到 (JX402)."""
    assert indicator_score(target, actual, 5).met is met


@pytest.mark.parametrize(("target", "actual"), [("≥95%", "90%以上"), ("≥95%", "不低于90%"),
                                                ("≤3天", "5天以内")])
def test_a_bound_on_the_near_side_tells_neither_way(target, actual):
    """≥95% done “90%以上”: at least 90, perhaps 95 — unknown, no score, and JX203 asks for
    the exact value (before: scored as exactly 90 %, 未达到 — JX402 at full marks)."""
    from jixiao.rules import bound_short, is_met

    assert is_met(target, actual) is None
    assert indicator_score(target, actual, 10).value is None
    assert "请填写确切的完成值" in bound_short(target, actual)


def test_a_bound_past_the_target_still_meets_it():
    assert indicator_score("≥95%", "96%以上", 10).value == 10.0


@pytest.mark.parametrize(("target", "actual", "expected"), [
    ("180日历天", "175日历天", 5.0),       # under 时效指标 the time allowed: a ceiling
    ("180日历天", "200日历天", 4.44),      # 5 × (1 − 20 / 180)
    ("≤180天", "200日历天", 4.44),
    ("1年", "13个月", 4.58),               # 5 × (1 − 1 / 12)
    ("2个季度", "3个季度", 2.5),
    ("30min", "45min", 2.5),
])
def test_lengths_of_time_under_timeliness_are_ceilings(target, actual, expected):
    """Before: 日历天, 年, 季度, min were no durations — 175 of 180 日历天 scored 4.86 as a
    goal missed (JX402 at full marks), 200 of them full marks."""
    from jixiao.rules import direction

    default_op = direction("时效指标", target).value
    assert indicator_score(target, actual, 5, default_op=default_op).value == expected


@pytest.mark.parametrize(("target", "actual", "expected"), [
    ("≤1500元/平方米", "1600元/㎡", 9.33), ("≤1500元/m²", "1600元/平方米", 9.33),
    ("≤300万元/km", "320万元/公里", 9.33), ("≥500kg/亩", "480公斤/亩", 9.6),
    ("≤50元/m3", "45元/方", 10.0),
])
def test_an_amount_per_measure_in_either_spelling(target, actual, expected):
    assert indicator_score(target, actual, 10).value == expected


@pytest.mark.parametrize(("target", "actual", "expected"), [
    ("100元/人·月", "100元/人/月", 10.0), ("≤1200元/（人·月）", "1150元/人/月", 10.0),
    ("≤1200元/(人·月)", "1300元/人·月", 9.17), ("100元/人月", "100元每人每月", 10.0),
    ("每人每月100元", "80元/（人·月）", 8.0), ("≤100元/人/年", "90元/人·年", 10.0),
    ("≤30元/人·日", "28元/人/天", 10.0), ("≤50元/人·次", "45元/人/次", 10.0),
    ("≤50元/人次", "45元/人·次", 10.0), ("≤95元/人", "90元/人", 10.0),
    ("≤3万元/公里", "2.38万元/km", 10.0), ("≤3万元/km", "31000元/km", 9.67),
])
def test_an_amount_per_person_and_period_in_any_spelling(target, actual, expected):
    """元/人·月, 元/人/月, 元/（人·月）, 元/人月, 元每人每月 are one unit (before: JX204
    “元/人·月”与“元/人/月”, and “元/” where the 人·月 was bracketed); 次 joins its 人."""
    assert indicator_score(target, actual, 10).value == expected


@pytest.mark.parametrize(("target", "actual", "expected"), [
    ("≤300元/月/人", "300元/人/月", 10.0), ("≤300元/月/人", "330元/人·月", 9.0),
    ("≤15元/天/人", "15元/人/日", 10.0), ("≤2元/月/亩", "2元/（亩·月）", 10.0),
])
def test_the_period_and_the_person_in_either_order(target, actual, expected):
    """rt26 j2 b9: ≤300元/月/人 beside 300元/人/月 was JX204 (“元/月/人”与“元/人/月”无法比较):
    per person and month whichever is written first; the period is still never dropped."""
    assert indicator_score(target, actual, 10).value == expected


@pytest.mark.parametrize(("target", "actual"), [
    ("≤100元/人/年", "120元/人"), ("≤100元/人/年", "90元/人/月"), ("100元/人·月", "100元/人"),
    ("≤30元/人/天", "500元/人/月"), ("≤50元/人/次", "45元/人"), ("≤300元/年/人", "300元/人/月")])
def test_a_period_per_person_is_never_dropped(target, actual):
    """≤100元/人/年 beside 120元/人 scored 8 (the 年 dropped: 元/人); a year's amount is
    no month's either."""
    assert indicator_score(target, actual, 10).value is None


@pytest.mark.parametrize(("text", "unit"), [
    ("≤100元/人/年", "元/人/年"), ("≤1200元/（人·月）", "元/(人·月)"), ("每生每年1000元", "元/生/年"),
    ("500人次/年", "人次"), ("100元/人(已发放)", "元/人")])
def test_a_unit_per_person_and_period_is_kept_whole(text, unit):
    """What a message quotes: the unit as written, whole (before: 元/人, 元/, 元/生); a
    count per year is the year's count, a note in brackets after a unit no unit."""
    assert parse_measure(text).unit == unit


@pytest.mark.parametrize(("target", "actual", "expected"), [
    ("≥45%", "提高到45.2%", 10.0), ("≥45%", "森林覆盖率提升至44%", 9.78),
    ("≤35微克/立方米", "降至33微克/立方米", 10.0),
    ("降至35微克/立方米", "38微克/立方米", 9.14),   # the level to fall to: a ceiling
    ("下降到35微克/立方米以下", "33微克/立方米", 10.0),
])
def test_the_level_a_change_reached(target, actual, expected):
    """提高到45.2% is the level reached (as 达到45.2%), not a rise by 45.2 points."""
    assert indicator_score(target, actual, 10).value == expected


@pytest.mark.parametrize(("target", "actual", "expected"), [
    ("半小时内", "25分钟", 5.0), ("≤30分钟", "半小时", 5.0), ("≤6个月", "半年", 5.0),
    ("7×24小时", "7×24小时", 5.0), ("以乡镇为单位≥90%", "95%", 5.0),
    ("≥90%", "以乡镇为单位达95%", 5.0),
    ("生师比≤17:1", "18:1", 4.71),   # 5 × (1 − 1 / 17)
    ("≥1:1.5", "1:1.2", 4.0),        # 5 × 1.2 / 1.5
])
def test_halves_service_hours_counting_units_and_ratios(target, actual, expected):
    assert indicator_score(target, actual, 5).value == expected


@pytest.mark.parametrize("text", ["上半年", "下半年"])
def test_a_half_of_the_year_is_still_a_part_of_it(text):
    assert parse_measure(text).kind == "date"


@pytest.mark.parametrize(("target", "actual", "expected"), [
    ("≤15/10万", "18/10万", 4.0),      # 孕产妇死亡率: 5 × (1 − 3 / 15)
    ("≤15/10万", "12/10万", 5.0),
    ("≤15/十万", "十万分之十二", 5.0),
    ("≤万分之三", "万分之二", 5.0),
    ("≤0.03%", "万分之二", 5.0),       # 3 ‱ and 2 ‱
    ("≤千分之五", "0.4%", 5.0),         # 5 ‰ and 4 ‰
])
def test_rates_per_hundred_thousand_and_per_ten_thousand(target, actual, expected):
    assert indicator_score(target, actual, 5).value == expected


@pytest.mark.parametrize(("target", "actual", "level"), [
    ("按月发放", "按月足额发放", "achieved"), ("按时完成", "按时保质完成", "achieved"),
    ("及时发放", "及时足额发放", "achieved"),
    ("按时完成", "按时未完成", "not"), ("规范", "规范性较差", "not"),
])
def test_the_goals_own_words_said_more_fully(target, actual, level):
    """按月发放 → 按月足额发放: the goal's words with more among them is the goal reached
    (before: “无法判断”, JX410); a negation among them is not."""
    assert indicator_score(target, actual, 10).level == level


@pytest.mark.parametrize(("target", "actual", "expected"), [
    ("无重大问题", "未发现重大问题", 10.0), ("无重大问题", "暂未发现问题", 10.0),
    ("零投诉", "未接到投诉", 10.0), ("无重大安全事故", "暂未发生", 10.0),
    ("无重大问题", "发现1起", 0.0),
])
def test_nothing_found_is_nothing_happened(target, actual, expected):
    """未发现 (暂未发现, 未接到, 暂未发生) beside a target of none says none happened, as
    未发生 does (before: “无法判断”, JX410)."""
    assert indicator_score(target, actual, 10).value == expected


@pytest.mark.parametrize(("target", "actual", "expected"), [
    ("4次", "按季度开展4次", 10.0), ("≥12次", "按月开展12次", 10.0),
    ("≥12次", "按月开展1次", 10.0),   # once every month: 12
    ("≥4次", "按季度开展3次", 7.5),   # three in the year, by quarter: 10 × 3 / 4
])
def test_a_count_done_by_period(target, actual, expected):
    """按季度开展4次 is four in the year (before: unread, JX203); 按月开展1次 is once a
    month, as 每月1次."""
    assert indicator_score(target, actual, 10).value == expected


@pytest.mark.parametrize(("target", "actual", "expected"), [
    ("≤2小时", "1小时30分钟", 10.0), ("≤90分钟", "1小时30分", 10.0),
    ("≤2小时", "2个小时15分", 8.75),  # reverse: 10 × (1 − 15 / 120)
])
def test_hours_and_minutes(target, actual, expected):
    """1小时30分钟 is 90 minutes (before: unread, JX203)."""
    assert indicator_score(target, actual, 10).value == expected


@pytest.mark.parametrize(("target", "actual", "expected"), [
    ("三季度", "2024年8月", 10.0), ("四季度", "12月20日", 10.0), ("三季度", "三季度", 10.0),
])
def test_a_quarter_named_without_di_is_a_deadline(target, actual, expected):
    """三季度 (without 第) is the third quarter, a deadline, as 第三季度 (before: 3 季度, a
    count, not comparable with a date); 三个季度 stays a count."""
    assert indicator_score(target, actual, 10).value == expected
    assert parse_measure("三个季度").kind == "number"


@pytest.mark.parametrize(("target", "actual", "expected"), [
    ("PM2.5≤35μg/m³", "32μg/m³", 10.0), ("≤35微克/立方米", "32μg/m³", 10.0),
    ("COD≤50mg/L", "45毫克/升", 10.0), ("Ⅱ类水质达标率≥90%", "95%", 10.0),
    ("≥100公顷", "120ha", 10.0), ("≥10万千瓦时", "12万kWh", 10.0),
    ("≤35μg/m³", "40μg/m³", 8.57),  # reverse: 10 × (1 − 5 / 35)
])
def test_names_and_units_in_latin_letters(target, actual, expected):
    """A name with Latin letters before the sign (PM2.5≤35μg/m³; before: unread, JX203)
    and units in letters against their Chinese names (μg/m³ = 微克/立方米, mg/L = 毫克/升,
    ha = 公顷, kWh = 千瓦时; before: not comparable, JX204)."""
    assert indicator_score(target, actual, 10).value == expected


@pytest.mark.parametrize(("target", "actual", "weight", "expected"), [
    ("≥100万千瓦时", "98万度", 15, 14.7),        # 度 is 千瓦时: 15 × 98 / 100
    ("≥100万千瓦时", "1000000千瓦时", 10, 10.0),  # 万 before 千瓦时
    ("≥1000千瓦时", "1.2万度", 10, 10.0),
    ("≥100万kWh", "80万度", 10, 8.0),            # 10 × 80 / 100
    ("≥2兆瓦", "2100千瓦", 10, 10.0),             # 1 兆瓦 = 1000 千瓦
    ("≥2MW", "1500kW", 10, 7.5),                 # 10 × 1500 / 2000
    ("≥2兆瓦", "1.5万千瓦", 10, 10.0),            # 15000 千瓦 = 15 兆瓦
    ("≥1兆瓦时", "900度", 10, 9.0),              # 1 兆瓦时 = 1000 度: 10 × 900 / 1000
    ("≤0.6元/千瓦时", "0.55元/度", 10, 10.0),     # per 度 is per 千瓦时
])
def test_energy_and_power_units(target, actual, weight, expected):
    """度 = 千瓦时 = kWh, 1 兆瓦时 = 1000 千瓦时; 千瓦 = kW, 1 兆瓦 = MW = 1000 千瓦 (before:
    “单位无法比较”, JX204, no score)."""
    assert indicator_score(target, actual, weight).value == expected


def test_energy_and_power_do_not_compare():
    assert comparable(parse_measure("≥2兆瓦"), parse_measure("2100千瓦时")) is None
    assert comparable(parse_measure("≥2兆瓦"), parse_measure("2100千瓦")) == (2e6, 2.1e6)


@pytest.mark.parametrize(("target", "actual", "expected"), [
    ("≥95%（2024年目标）", "97%（2024年12月抽检）", 10.0),  # a year in a note: no date
    ("≥95%\n（依据2023年文件）", "96%", 10.0),
    ("≥95%①", "90%①", 9.47), ("≥95%注1", "96%", 10.0), ("≥95%[1]", "96%", 10.0),
    ("≥95%※", "96%", 10.0), ("≥95%【省定】", "96%", 10.0), ("≥95%（±1%）", "96%", 10.0),
    ("（年初目标）\n≥95%", "96%", 10.0),
])
def test_notes_and_footnote_marks_beside_a_value(target, actual, expected):
    """A note in brackets holding a year (≥95%（2024年目标）: before, a date — JX204) or
    in 【】, a footnote's mark (①, 注1, [1], ※: before, “数值后还有数字”, JX203), a
    note before the value: the value is read."""
    assert indicator_score(target, actual, 10).value == expected
    assert parse_measure("≥100(人)").unit == "人"


@pytest.mark.parametrize(("target", "actual", "expected"), [
    ("≥90%", "较上年提高3个百分点", None), ("≥90%", "同比增长5%", None),   # a rise, no level
    ("≥500人次", "较上年增加50人次", None),
    ("较上年提高≥2个百分点", "较上年提高3个百分点", 10.0), ("增长率≥5%", "较上年增长6%", 10.0),
    ("较上年增长5%", "6%", 10.0),  # the rise written short as the 完成值
])
def test_a_rise_on_last_year_is_no_level(target, actual, expected):
    """较上年提高3个百分点 beside ≥90%: says how much it rose, not where it stands — before,
    read as 3 %, scored 0.33 of 10 and full marks called “未达成却得满分” (JX402)."""
    assert indicator_score(target, actual, 10).value == expected


@pytest.mark.parametrize(("target", "actual"), [
    ("有效投诉次数≤2次", "全年无有效投诉"), ("≤2起", "未发生"), ("安全事故≤1起", "无安全事故"),
    ("投诉率≤1%", "无投诉"), ("＝0起", "全年无安全事故"), ("杜绝安全事故", "全年无安全事故"),
    ("无投诉", "全年零投诉"),
])
def test_none_happened_within_a_ceiling_of_counts(target, actual):
    """未发生, 无有效投诉 beside ≤2次, ≤1%: none, within the ceiling — before, “不是数值”
    (JX204) or, for 无有效投诉 (有效 denied), 未达成 with full marks called wrong (JX402)."""
    assert indicator_score(target, actual, 10).value == 10.0


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("经第三方调查满意度为93.5%", 93.5, "%"), ("建成高标准农田2100亩", 2100, "亩"),
    ("发放低保金3612人", 3612, "人"), ("老年人健康体检12360人", 12360, "人"),
    ("青少年参与520人", 520, "人"), ("提供服务520人次", 520, "人次"),
    ("建成日间照料中心12个", 12, "个"), ("开展月度巡查12次", 12, "次"),
    ("优良天数比例达87.4%", 87.4, "%"), ("按合同约定支付97.5万元", 97.5, "万元"),
    ("共资助家庭经济困难学生1235人", 1235, "人"), ("1-12月累计培训520人次", 520, "人次"),
])
def test_ordinary_words_before_the_number(text, value, unit):
    """Words naming what is counted that hold a character which elsewhere changes the
    number (第三方: 第; 高标准: 高; 低保: 低; 老年人: 年; 比例: 比; 约定: 约), up to 14
    characters of them, and the months of the year before them: the number is read
    (before: “无法识别”, JX203)."""
    measure = parse_measure(text)
    assert (measure.kind, measure.value, measure.unit) == ("number", value, unit)


@pytest.mark.parametrize(("target", "actual", "expected"), [
    ("≥500人次", "全年共培训520人次，合格率98%", 10.0), ("≥500人次", "培训480人次，完成率96%", 9.6),
    ("≥90%", "发放问卷200份，满意度93.5%", 10.0), ("≥90%", "92%，较上年提高3个百分点", 10.0),
    ("≥500人次", "计划500人次，实际完成520人次", 10.0), ("≤合同金额", "未超合同金额", 10.0),
    ("≤批复概算", "未超概算", 10.0), ("≤5个工作日", "平均3个工作日办结", 10.0),
])
def test_the_number_in_the_targets_unit_among_several(target, actual, expected):
    """A 完成值 of several numbers, one of them in the 指标值's unit (or the one said 实际
    done): that one (before: “无法识别”, JX203, no total); ≤合同金额/≤批复概算 met by 未超…."""
    assert indicator_score(target, actual, 10).value == expected


@pytest.mark.parametrize(("text", "points"), [
    ("数量指标(权重20)", 20.0), ("数量指标（分值：20）", 20.0), ("数量指标（权重20分）", 20.0),
    ("数量指标（20分）", 20.0), ("新建校舍(2)", None), ("数量指标(20)", None),
])
def test_points_in_a_heading_named_as_weight_or_points(text, points):
    """数量指标(权重20), （分值：20): the heading's points (before: none read, so a group
    whose rows total 15 against 20 passed); a bare number in brackets is no points."""
    from jixiao.parsing import heading_points

    assert heading_points(text)[1] == points


@pytest.mark.parametrize(("target", "actual", "met", "band"), [
    ("达到预期", "未达到", False, (0.0, 6.0)),        # words, not “<” with its number missing
    ("控制在预算内", "超出预算2万元", False, (0.0, 6.0)),  # over the budget by an amount
    ("≤合同金额", "超过合同金额3万元", False, (0.0, 6.0)),
])
def test_a_result_that_says_it_fell_short_in_words(target, actual, met, band):
    """未达到 (before: “有运算符但没有数值”, no total); 超出预算2万元 (before: “无法识别”)."""
    score = indicator_score(target, actual, 10)
    assert (score.met, score.band) == (met, band)


@pytest.mark.parametrize(("text", "low", "high", "unit"), [
    ("95%±2%", 93.0, 97.0, "%"), ("95±2%", 93.0, 97.0, "%"), ("95%（±2%）", 93.0, 97.0, "%"),
    ("95%±2个百分点", 93.0, 97.0, "%"), ("100万元±5%", 95.0, 105.0, "万元"),
    ("30天±2天", 28.0, 32.0, "天"), ("±5%", -5.0, 5.0, "%"),
])
def test_a_value_and_its_tolerance_either_side_is_a_range(text, low, high, unit):
    """95%±2%: 93% to 97% (before: JX203 ““±”不是有效的指标性质”; 95%（±2%） read as 95%,
    so 93% was a shortfall and 99% met)."""
    measure = parse_measure(text)
    assert (measure.kind, measure.value, measure.upper, measure.unit) == ("range", low, high, unit)


@pytest.mark.parametrize(("actual", "met", "value"), [("93%", True, 10.0), ("96.5%", True, 10.0),
                                                      ("92%", False, None)])
def test_within_the_tolerance_is_met(actual, met, value):
    score = indicator_score("95%（±2%）", actual, 10)
    assert (score.met, score.value) == (met, value)


@pytest.mark.parametrize(("actual", "met"), [("2024-12", True), ("2024/11", True),
                                             ("2025-01", False), ("2025/1", False)])
def test_a_month_typed_with_a_dash_or_slash(actual, met):
    """完成时间 “2024-12” (a month typed as text, as exports write it): that month (rt18-c 8:
    before, JX203 “数值后还有数字”, and “2025-01” done late passed at full marks)."""
    assert parse_measure(actual).kind == "date"
    assert indicator_score("2024年12月31日前", actual, 10).met is met


FALL_NAMES = ("单位产品能耗较上年下降", "农产品损耗率较上年降低", "单位能耗下降率")


@pytest.mark.parametrize("name", FALL_NAMES)
@pytest.mark.parametrize(("target", "actual", "expected", "met"), [
    ("≤-5%", "-6.2%", 10.0, True),     # rt31 c3: a change of −6.2 % ≤ −5 %, a fall of 6.2 ≥ 5
    ("＜-5%", "-6.2%", 10.0, True),     # rt31 d8
    ("≤-5%", "-3%", 6.0, False),       # a fall of 3 of the 5 wanted: 10 × 3 / 5
    ("≤-5%", "下降6.2%", 10.0, True),   # the fall in words: the same 6.2
    ("≤-5%", "增长2%", 0.0, False),     # a rise: a fall of −2, counted 0
    ("-5%", "-6.2%", 10.0, True),      # rt31 d7: no sign, a fall of 5 to reach
])
def test_a_signed_target_under_a_decrease_name_is_the_change_as_written(name, target, actual,
                                                                      expected, met):
    """rt31 c3/d8: under a name of a decrease, ≤-5% is the change written with its sign — a
    fall of at least 5 % — read alike with a 完成值 written with its sign (−6.2 %: a fall of
    6.2 %). Before, the 指标值 was read as a fall of −5 % while −6.2 % was a fall of 6.2 %: a
    ceiling of “−5” beside 6.2, 0 points (“目标为 0”)."""
    goal = as_change_named(parse_measure(target), name)
    score = indicator_score(goal, actual, 10)
    assert (score.value, score.met) == (expected, met)


def test_the_cell_functions_read_a_signed_fall_as_written():
    """The JX_ functions read no name: ≤-5% beside −6.2 % as written, −6.2 ≤ −5, met — the
    same 10 the name's reading gives (``jixiao.cellfuncs.score``)."""
    assert cellfuncs.score("≤-5%", "-6.2%", 10) == 10.0
    assert cellfuncs.score("＜-5%", "-6.2%", 10) == 10.0
