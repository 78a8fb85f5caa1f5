"""Range 指标值 seen in real tables: two bounds ("95%-100%", "90～100", "95%至100%",
"≥90%且≤100%") and a tolerance either side of nothing ("±5%", "≤±5%", "±5%以内"). A 完成值
within the range is met, full marks; outside it the rules give no deduction, so the score
is left to the reviewer (None, not met) rather than guessed."""

import pytest
from workbooks import PUTUO_1_ROWS, standard

from jixiao.parsing import parse_measure
from jixiao.pipeline import check_workbook
from jixiao.rules import indicator_score, is_met


@pytest.mark.parametrize(("text", "lower", "upper", "unit"), [
    ("95%-100%", 95, 100, "%"), ("95-100%", 95, 100, "%"), ("95％—100％", 95, 100, "%"),
    ("90～100", 90, 100, ""), ("95%至100%", 95, 100, "%"), ("1-3个工作日", 1, 3, "个工作日"),
    ("≥90%且≤100%", 90, 100, "%"), ("≥90%，≤100%", 90, 100, "%"), ("≥90且≤100%", 90, 100, "%"),
    ("不低于90%且不高于100%", 90, 100, "%"), ("-5%~5%", -5, 5, "%"),
    ("±5%", -5, 5, "%"), ("≤±5%", -5, 5, "%"), ("±5%以内", -5, 5, "%"), ("± 3 天", -3, 3, "天"),
    # the upper bound written first, and the value named between its bounds
    ("≤120万元且≥100万元", 100, 120, "万元"), ("≤120且≥100万元", 100, 120, "万元"),
    ("≤100%，≥90%", 90, 100, "%"), ("不高于120万元且不低于100万元", 100, 120, "万元"),
    ("100万元≤X≤120万元", 100, 120, "万元"), ("100≤X≤120万元", 100, 120, "万元"),
    ("100≤x≤120万元", 100, 120, "万元"), ("90%≤实际值≤100%", 90, 100, "%"),
    ("100万元＜X＜120万元", 100, 120, "万元"), ("120≥X≥100", 100, 120, ""),
])
def test_range_forms(text, lower, upper, unit):
    measure = parse_measure(text)
    assert (measure.kind, measure.value, measure.upper, measure.unit) == ("range", lower, upper,
                                                                          unit)


@pytest.mark.parametrize("text", ["2024-12-20", "3-1", "95%-100元", "5%-10万元", "≥95%", "100%",
                                  "≤100且≥120", "≤120万元且≥100元", "100万元≤120万元",
                                  "100≤X≤90"])
def test_what_is_no_range(text):
    assert parse_measure(text).kind != "range"


@pytest.mark.parametrize(("target", "actual", "met"), [
    ("95%-100%", "100%", True), ("95%-100%", "95%", True), ("95%-100%", 0.97, True),
    ("95%-100%", "94.9%", False), ("95%-100%", "101%", None),  # above: more than asked?
    ("±5%", "3%", True), ("±5%", "-5%", True), ("±5%", "-6%", False), ("±5%", "5.5%", False),
    ("1-3个工作日", "2个工作日", True), ("1-3个工作日", "24小时", None),
    ("95%-100%", "很好", None),
    # a span done within the span asked: 补助按月发放 1月至12月, done 1月至12月 (or 3-12月)
    ("1月至12月", "1月至12月", True), ("1-12月", "1月-12月", True), ("1-12月", "3-12月", True),
    ("3-12月", "1-12月", False), ("95%-100%", "96%-99%", True), ("1-12月", "1-3个工作日", None),
])
def test_met_within_the_bounds(target, actual, met):
    assert is_met(target, actual) is met


def test_within_is_full_marks_outside_is_left_to_the_reviewer():
    assert indicator_score("95%-100%", "98%", 10).value == 10
    outside = indicator_score("95%-100%", "90%", 10)
    assert (outside.value, outside.met) == (None, False) and "区间" in outside.note
    assert indicator_score("90%-100%", "达成", 10).value == 10  # a statement: qualitative


def _table(tmp_path, target, actual, score, reason=None):
    rows = [list(row) for row in PUTUO_1_ROWS]
    rows[1][2:8] = ["预算编制合格率", target, actual, 25, score, reason]
    return check_workbook(standard(tmp_path / "t.xlsx", rows=[tuple(row) for row in rows]))


def test_a_table_with_a_met_range_is_clean_and_totalled(tmp_path):
    result = _table(tmp_path, "≥90%且≤100%", "99.80%", 25)
    assert [finding.code for finding in result.findings] == []
    assert result.tables[0].evaluation.total == 99.98


def test_full_marks_outside_the_range_is_flagged(tmp_path):
    result = _table(tmp_path, "95%-100%", "90%", 25)
    assert [(f.code, f.severity) for f in result.findings] == [("JX402", "error")]
    assert "未达到指标值（指标值 95%-100%，完成值 90%），却得满分" in result.findings[0].message


@pytest.mark.parametrize("target", ["≤100%且≥90%", "90%≤X≤100%", "≥90%且≤100%"])
def test_a_range_upper_bound_first_scores_as_lower_first(tmp_path, target):
    """≤100%且≥90% and 90%≤X≤100% are ≥90%且≤100% (before: JX203 “数值后还有数字” and no
    总分 computed); the lower-first form, as before."""
    result = _table(tmp_path, target, "99.80%", 25)
    assert [finding.code for finding in result.findings] == []
    assert result.tables[0].evaluation.total == 99.98


def test_full_marks_outside_an_upper_first_range_is_flagged(tmp_path):
    result = _table(tmp_path, "≤100%且≥95%", "90%", 25)
    assert [(f.code, f.cell) for f in result.findings] == [("JX402", "H12")]
    assert "未达到指标值（指标值 ≤100%且≥95%，完成值 90%），却得满分" in result.findings[0].message
