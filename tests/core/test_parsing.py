"""Every 指标值/完成值 form of docs/domain.md §3, parsed."""

import datetime as dt

import pytest

from jixiao.parsing import (
    heading_points,
    parse_amount,
    parse_measure,
    parse_points,
    parse_rate,
    points_in_words,
)

DEC_31_2023 = float(dt.date(2023, 12, 31).toordinal())


@pytest.mark.parametrize(("text", "op", "value", "unit"), [
    ("≥90.00(%)", ">=", 90.0, "%"),
    ("=100.00(%)", "=", 100.0, "%"),
    ("≤3 小时", "<=", 3.0, "小时"),
    ("＜ 24 小时", "<", 24.0, "小时"),
    ("≥ 96.7 万人", ">=", 96.7, "万人"),
    ("≥6 次", ">=", 6.0, "次"),
    ("＝ 47 个", "=", 47.0, "个"),
    ("30 万元", None, 30.0, "万元"),
    ("大于 90", ">", 90.0, ""),
    ("99.80(%)", None, 99.8, "%"),
    ("2 小时", None, 2.0, "小时"),
    ("0.5 小时", None, 0.5, "小时"),
    ("25 万参保居民医保待遇", None, 25.0, "万参保居民医保待遇"),
    ("20 分", None, 20.0, "分"),
    ("97 分", None, 97.0, "分"),
    ("≥75%", ">=", 75.0, "%"),
    ("85％", None, 85.0, "%"),
    ("＞ 90 ％", ">", 90.0, "%"),
    ("≧95%", ">=", 95.0, "%"),
    ("不低于 95%", ">=", 95.0, "%"),
    ("不超过 5 次", "<=", 5.0, "次"),
    ("3小时以内", "<=", 3.0, "小时"),
    ("15,000.00", None, 15000.0, ""),
    ("9 154.00", None, 9154.0, ""),
    ("≥ 9 6. 7 万 人", ">=", 96.7, "万人"),
    (">=80", ">=", 80.0, ""),
    ("＝0 起", "=", 0.0, "起"),
    # a word operator with a number stays a comparison
    ("达到95%", ">=", 95.0, "%"),
    ("达到 95%以上", ">=", 95.0, "%"),
    ("控制在30万元", "<=", 30.0, "万元"),
    # a range word after the number is the operator, not the unit
    ("控制在30万元以内", "<=", 30.0, "万元"),
    ("控制在 30 万元之内", "<=", 30.0, "万元"),
    ("控制在30万元范围内", "<=", 30.0, "万元"),
    ("不超过30万元以内", "<=", 30.0, "万元"),
    ("24小时内", "<=", 24.0, "小时"),
    ("3个工作日内完成", "<=", 3.0, "个工作日"),
    ("5天以内办结", "<=", 5.0, "天"),
    ("超过90%以上", ">", 90.0, "%"),
    ("=30万元以内", "<=", 30.0, "万元"),
])
def test_numeric_forms(text, op, value, unit):
    measure = parse_measure(text)
    assert measure.kind == "number", measure
    assert (measure.op, measure.value, measure.unit) == (op, value, unit)
    assert measure.problem is None


@pytest.mark.parametrize(("text", "level"), [
    ("及时", "achieved"), ("达成指标", "achieved"), ("通过", "achieved"), ("规范", "achieved"),
    ("明显", "achieved"), ("满意", "achieved"), ("稳步提升", "achieved"),
    ("部分达成", "partial"), ("基本完成", "partial"),
    ("未达成", "not"), ("未完成", "not"), ("不满意", "not"),
])
def test_qualitative_words(text, level):
    measure = parse_measure(text)
    assert measure.kind == "qualitative"
    assert measure.level == level


def test_qualitative_word_without_a_level_is_kept_but_has_no_level():
    measure = parse_measure("另行说明")
    assert (measure.kind, measure.level) == ("qualitative", None)


@pytest.mark.parametrize("text", ["2023 年 12 月 31 日前完成", "2023 年 12 月 31 日前全部完成",
                                  "2023年12月31日前", "2023年底前完成", "2023 年 12 月前完成"])
def test_deadline_dates(text):
    measure = parse_measure(text)
    assert measure.kind == "date"
    assert measure.op == "<="
    assert measure.value == DEC_31_2023
    assert measure.date == dt.date(2023, 12, 31)


def test_impossible_date_is_reported_not_guessed():
    measure = parse_measure("2023 年 2 月 30 日前完成")
    assert measure.kind == "unparsed"
    assert "日期" in measure.problem


def test_ocr_damaged_operator_is_reported_not_guessed():
    measure = parse_measure("≠100.00(%)")
    assert measure.kind == "unparsed"
    assert measure.op is None
    assert "≠" in measure.problem and "≥" in measure.problem


@pytest.mark.parametrize("text", ["≥", "大于", "≥ 9x5%3", "约 90%（2023）2"])
def test_unreadable_numbers_are_reported(text):
    measure = parse_measure(text)
    assert measure.kind == "unparsed"
    assert measure.problem


@pytest.mark.parametrize("raw", [None, "", "  ", "—", "-"])
def test_empty(raw):
    assert parse_measure(raw).kind == "empty"


def test_cell_numbers_and_percent_format():
    assert parse_measure(85).value == 85.0
    measure = parse_measure(0.998, percent=True)
    assert (measure.value, measure.unit) == (pytest.approx(99.8), "%")
    assert parse_measure(dt.date(2023, 12, 31)).value == DEC_31_2023


@pytest.mark.parametrize(("text", "value"), [
    ("九十八分", 98.0), ("九十八", 98.0), ("玖拾捌分", 98.0), ("九十八点五分", 98.5),
    ("一百分。", 100.0), ("98", None), ("一般", None), ("二三分", None), ("九十八点", None)])
def test_points_in_chinese_numerals(text, value):
    # a 总分 written out (rt25-f): the numerals ``_chinese_number`` reads, 大写 too
    assert points_in_words(text) == value


def test_points_amounts_rates_and_headings():
    assert parse_points("20 分") == 20.0
    assert parse_points("10.00") == 10.0
    assert parse_points("十分") is None
    # a note in brackets or a sentence's end after the points (before: no score, JX406)
    assert parse_points("10（满分）") == 10.0 and parse_points("10分。") == 10.0
    assert parse_points("（10）") is None and parse_points("满分") is None
    # two numbers a converter ran into one cell (rt31 r7 p22, p19): unreadable, not 1010
    assert parse_points("10 10") is None and parse_points("15 14.78") is None
    assert parse_points("10\n10") is None and parse_points("9.5 10") is None
    assert parse_points("1 000") == 1000.0 and parse_points(" 10 ") == 10.0
    # rt31 r9 f_tot1: a spaced thousand past 1 000 is no 分值 or 得分 — two numbers
    assert parse_points("100 100") is None and parse_points("25 250") is None
    assert parse_points("10 100") is None and parse_points("100 000") is None
    assert parse_points("10 000 分") is None and parse_points("0 500") is None
    assert parse_points("1 000.5") == 1000.5
    assert parse_amount("30 万元") == 30.0
    assert parse_amount("15,000.00") == 15000.0
    assert parse_amount("300000 元") == 30.0
    # a currency sign before the amount (a cell formatted as text: “¥1,286.40”)
    assert parse_amount("¥1,286.40") == parse_amount("￥1,286.40") == 1286.4
    assert parse_amount("￥ 30 万元") == 30.0 and parse_amount("¥") is None
    assert parse_rate("99.80%") == 99.8
    assert parse_rate(0.998, percent_format=True) == pytest.approx(99.8)
    assert parse_rate(0.974, percent_format=True) == 97.4  # not 97.39999999999999
    assert heading_points("数量指标 (20 分)") == ("数量指标", 20.0)
    assert heading_points("服务对象满意度指标（10分）") == ("服务对象满意度指标", 10.0)
    assert heading_points("质量指标") == ("质量指标", None)
