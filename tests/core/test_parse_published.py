"""指标值/完成值 as published tables print them, read as a person reads them: signs a
PDF export prints as look-alikes (═100%), standards per unit written with 每 before the
number (每亩300元), periods (2024年1月至12月), grading scales as 定性 targets (优良中低差)."""

import datetime as dt

import pytest

from jixiao import cellfuncs
from jixiao.parsing import parse_measure
from jixiao.rules import indicator_score

# ------------------------------------------------ look-alike signs


@pytest.mark.parametrize(("text", "op"), [
    ("═100%", "="), ("꞊100%", "="), ("≧100%", ">="), ("≽100%", ">="), ("⩾100%", ">="),
    ("≦100%", "<="), ("≼100%", "<="), ("⋜100%", "<="), ("﹦100%", "=")])
def test_a_look_alike_sign_is_the_sign(text, op):
    """公开14表 exports print = as ═ (a box-drawing line): read as = (before: JX203, no
    score), as ≧ and ﹦ already were."""
    measure = parse_measure(text)
    assert (measure.kind, measure.op, measure.value, measure.unit) == ("number", op, 100.0, "%")


def test_a_look_alike_sign_scores_as_the_sign():
    assert cellfuncs.score("═100%", "98%", 10) == 9.8
    assert cellfuncs.score("═100%", "100%", 10) == 10.0
    assert cellfuncs.score("≧90%且≦100%", "95%", 10) == 10.0  # a range in look-alikes
    assert indicator_score("═0起", "1起", 10).value == 0.0  # a miss still loses its points
    assert parse_measure("≠100%").kind == "unparsed"  # OCR damage stays flagged


# ------------------------------------------------ a standard per unit written 每亩300元


@pytest.mark.parametrize(("text", "op", "value", "unit"), [
    ("每亩300元", None, 300.0, "元/亩"), ("每亩 300 元", None, 300.0, "元/亩"),
    ("每亩300", None, 300.0, "/亩"), ("每亩补助300元", None, 300.0, "元/亩"),
    ("每人每月200元", None, 200.0, "元/人/月"), ("每生每年1000元", None, 1000.0, "元/生/年"),
    ("每亩不超过300元", "<=", 300.0, "元/亩"), ("每户补助2000元", None, 2000.0, "元/户")])
def test_a_standard_per_unit_with_mei_first(text, op, value, unit):
    """每亩300元 is the 300元/亩 a clerk also writes (before: JX203 无法识别…中的数值)."""
    measure = parse_measure(text)
    assert (measure.kind, measure.op, measure.value, measure.unit) == ("number", op, value, unit)


@pytest.mark.parametrize(("mei", "slash"), [
    ("每亩300元", "300元/亩"), ("每人每月200元", "200元/人/月"), ("每生每年1000元", "1000元/生/年"),
    ("每亩300", "300/亩")])
def test_a_standard_per_unit_reads_as_its_slash_form(mei, slash):
    assert (parse_measure(mei).value, parse_measure(mei).unit) == \
        (parse_measure(slash).value, parse_measure(slash).unit)


@pytest.mark.parametrize(("target", "actual", "score"), [
    ("每亩300元", "300元/亩", 6.0), ("每亩300元", "每亩 300 元", 6.0), ("每亩300", "每亩300", 6.0),
    ("每亩300元", "每亩350元", 5.0),  # a ceiling (成本指标) overrun still loses points
    ("每人每月200元", "每人每月150元", 4.5)])  # a goal missed too
def test_a_standard_per_unit_is_scored(target, actual, score):
    default_op = "<=" if actual == "每亩350元" else "="
    assert indicator_score(target, actual, 6, default_op=default_op).value == score


def test_words_with_mei_that_are_no_standard_stay_unread():
    """A change (每年增长5%): not a standard per unit."""
    assert parse_measure("每年增长5%").kind == "unparsed"


def test_a_day_of_the_month_is_no_standard_per_unit():
    """每月10日前 is the 10th of every month (test_parse_phrases), not 10 日 per month."""
    measure = parse_measure("每月10日前")
    assert (measure.kind, measure.op, measure.value, measure.unit) == ("number", "<=", 10.0, "每月日")


def test_a_frequency_stays_a_count_over_the_year():
    assert (parse_measure("每季度1次").value, parse_measure("每季度1次").unit) == (4.0, "次")


# ------------------------------------------------ a period's deadline is its end


@pytest.mark.parametrize(("text", "end"), [
    ("2020年1月--2020年11月", dt.date(2020, 11, 30)), ("2024年3月-11月", dt.date(2024, 11, 30)),
    ("2024年1月至12月", dt.date(2024, 12, 31)), ("2024年1月1日-12月31日", dt.date(2024, 12, 31)),
    ("2024年12月-2025年3月", dt.date(2025, 3, 31)), ("2024年1月~12月底前", dt.date(2024, 12, 31)),
    ("2024年10月-3月", dt.date(2025, 3, 31))])  # over the year's end: the next year's month
def test_a_period_is_a_deadline_at_its_end(text, end):
    """Read before as the first month's end: done within the period counted as late."""
    measure = parse_measure(text)
    assert (measure.kind, measure.op, measure.date) == ("date", "<=", end)


@pytest.mark.parametrize(("target", "actual", "met"), [
    ("2020年1月--2020年11月", "2020年11月", True), ("2024年3月-11月", "2024年10月", True),
    ("2024年1月至12月", "2024年12月20日", True),
    ("2024年3月-11月", "2025年1月", False)])  # done after the period is still late
def test_done_within_a_period_is_on_time(target, actual, met):
    score = indicator_score(target, actual, 10)
    assert score.met is met
    assert (score.value == 10.0) is met


# ------------------------------------------------ a grading scale as the 定性 指标值


@pytest.mark.parametrize(("target", "actual", "level"), [
    ("优良中低差", "优", "achieved"), ("优良中低差", "优秀", "achieved"),
    ("优/良/中/差", "优", "achieved"), ("好/较好/一般/差", "好", "achieved"), ("好坏", "好", "achieved"),
    ("优良中低差", "良", "partial"), ("优良中低差", "中", "partial"),
    ("好/较好/一般/差", "一般", "partial"),
    ("优良中低差", "差", "not"), ("优良中低差", "低", "not"), ("好坏", "坏", "not"),
    ("优良中低差", "达成", "achieved"), ("优良中低差", "基本达成", "partial")])
def test_the_actual_names_a_level_of_the_scale_the_target_lists(target, actual, level):
    """The top level is 达成; a level of the bad end (差, 低, 坏) 未达成; one between them
    部分达成 (before: no reading, JX410, no total). The actual's own words still count."""
    assert indicator_score(target, actual, 10).level == level


def test_the_top_of_a_scale_scores_full_and_a_lower_level_asks_for_a_person():
    assert indicator_score("优良中低差", "优", 10).value == 10.0
    lower = indicator_score("优良中低差", "良", 10)
    assert (lower.value, lower.band) == (None, (6.0, 8.0))


@pytest.mark.parametrize(("target", "actual"), [("好坏", "好坏"), ("优良中低差", "优良中低差"),
                                                ("优/良/中/差", "优良中差")])
def test_the_scale_copied_as_the_actual_is_no_reading(target, actual):
    """好坏 → 好坏: the options, no level chosen (before: 达成, full marks)."""
    score = indicator_score(target, actual, 5)
    assert (score.value, score.met, score.level) == (None, None, None)
    assert "等级选项" in score.note


@pytest.mark.parametrize(("target", "actual", "level"), [
    ("优良", "优", "achieved"), ("优良", "合格", "partial"), ("良好", "良好", "achieved"),
    ("合格", "不合格", "not")])
def test_a_level_wanted_is_no_scale(target, actual, level):
    """优良 is 良 or better wanted (domain §3), not the scale 优, 良."""
    assert indicator_score(target, actual, 10).level == level


# ------------------------------------------------ the target's own words shortened


@pytest.mark.parametrize(("target", "actual", "level"), [
    ("全天候可用", "全天候", "achieved"), ("全天候开放", "全天候", "achieved"),
    ("专款专用", "专款", None),  # half of the words: says too little
    ("持续推进并完善", "持续推进", None),  # 完善 left off: not said
    ("全天候可用", "非全天候", None)])
def test_an_actual_that_shortens_the_targets_own_words(target, actual, level):
    """全天候可用 → 全天候 (a library's hours): the target's words, 达成 (before: 无法判断)."""
    assert indicator_score(target, actual, 10).level == level
