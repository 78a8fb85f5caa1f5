"""A money block of two lines that each score their own 执行率 (red team rt31 g03):
本级资金 | … | 5 | 95% | 4.75 over 转移支付资金 | … | 5 | 95% | 4.75, no 年度资金总额 line.
The first line was read as the total, the second as its part (three JX304), and its 5
points as the 执行率's (JX101 95, JX102). Read so: the 执行率's 分值 is 5 + 5 = 10, its
得分 the lines' 4.75 + 4.75 = 9.5, each line's 分值 × its own 执行率 (JX302 per line)."""

import pytest
from workbooks import PUTUO_1_ROWS, Book

from jixiao.checks import run_checks
from jixiao.model import evaluate
from jixiao.read.workbook import read_tables

HEADER = ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")


def _checked(tmp_path, transfer, rate_row, total):
    """本级资金 200 / 200 / 190 (95 %, 4.75 of 5) over 转移支付资金 ``transfer`` (its
    年初, 全年预算数, 全年执行数, 分值, 执行率, 得分); the Putuo indicators' 90 points, their
    预算资金执行率 row's 完成值 ``rate_row``; the 总分 ``total``."""
    return _with_lines(tmp_path, [("本级资金", 200, 200, 190, 5, "95%", 4.75),
                                  ("转移支付资金", *transfer)], rate_row, total)


def _with_lines(tmp_path, lines, rate_row, total):
    """The money ``lines`` (label, 年初, 全年预算数, 全年执行数, 分值, 执行率, 得分) under
    项目资金（万元）, then as ``_checked``."""
    book = Book()
    sheet = book.sheet("自评表")
    sheet.title("项目支出绩效自评表", "（2023 年度）")
    sheet.project("高素质农民培育项目", "某县农业农村局", "某县农业技术推广中心")
    top = sheet.line("项目资金（万元）", None, *HEADER)
    for line in lines:
        sheet.line(None, *line)
    sheet.merge(top, 1, 1, sheet.row - 1)
    sheet.indicators([(*PUTUO_1_ROWS[0][:4], rate_row, *PUTUO_1_ROWS[0][5:]), *PUTUO_1_ROWS[1:]])
    sheet.total(100, total)
    sheet.grade("优")
    (table,) = read_tables(book.save(tmp_path / "t.xlsx"))
    evaluation = evaluate(table)
    return table, evaluation, [(f.code, f.cell, f.message) for f in run_checks(table, evaluation)]


def test_two_lines_of_five_points_each(tmp_path):
    """g03: 520 / 494 in all, 95 %; 4.75 + 4.75 = 9.5; 90 + 9.5 = 99.5."""
    table, evaluation, found = _checked(tmp_path, (300, 320, 304, 5, "95%", 4.75), "95%", 99.5)
    total = table.funds.total
    assert (total.budget, total.executed, table.funds.weight, table.funds.score_declared) \
        == (520, 494, 10, 9.5)
    assert (evaluation.rate, evaluation.execution_score, evaluation.total) == (95.0, 9.5, 99.5)
    assert found == []


def test_each_line_scored_by_its_own_rate(tmp_path):
    """转移支付资金 288 of 320 is 90 %, 5 × 90 % = 4.5: 4.75 + 4.5 = 9.25 — not 10 × the
    whole 478 ÷ 520 = 91.92 % (9.19); 90 + 9.25 = 99.25."""
    _, evaluation, found = _checked(tmp_path, (300, 320, 288, 5, "90%", 4.5), "91.92%", 99.25)
    assert (evaluation.execution_score, evaluation.total) == (9.25, 99.25)
    assert found == []


def test_a_lines_wrong_score(tmp_path):
    """转移支付资金 90 % of 5 is 4.5, written 5."""
    _, _, found = _checked(tmp_path, (300, 320, 288, 5, "90%", 5), "91.92%", 99.75)
    assert [item for item in found if item[0] == "JX302"] == [
        ("JX302", "H7", "“转移支付资金”执行率得分写为 5，按分值 5 × 执行率 90% 应为 4.5；"
                        "总分 99.75 随之应为 99.25")]  # (rt31 r13 c13: 90 + 4.75 + 4.5)


# rt31 r13 c07, c10, c11: the same two lines with a total line of their sum, its 分值 5 + 5
# and its 得分 4.75 + 5 (a false JX302 “按分值 10 × 执行率 96.67% 应为 9.67”)
SHARES = [("本级资金", 200, 200, 190, 5, "95%", 4.75), ("转移支付资金", 100, 100, 100, 5, "100%", 5)]


@pytest.mark.parametrize("lines", [
    [*SHARES, ("合计", 300, 300, 290, 10, "96.67%", 9.75)],
    [*SHARES, ("合  计", 300, 300, 290, 10, "96.67%", 9.75)],
    [("年度资金总额", 300, 300, 290, 10, "96.67%", 9.75), ("其中：本级资金", *SHARES[0][1:]),
     SHARES[1]]], ids=["heji_below", "heji_spaced", "total_above"])
def test_a_total_line_of_the_lines_points(tmp_path, lines):
    """5 × 95 % + 5 × 100 % = 4.75 + 5 = 9.75 (not 10 × 290 ÷ 300 = 9.67); 90 + 9.75."""
    table, evaluation, found = _with_lines(tmp_path, lines, "96.67%", 99.75)
    assert [line.label for line in table.funds.shares] == ["本级资金", "转移支付资金"]
    assert (table.funds.total.budget, table.funds.weight, table.funds.score_declared) \
        == (300, 10, 9.75)
    assert (evaluation.execution_score, evaluation.total) == (9.75, 99.75)
    assert found == []


def test_a_total_whose_points_each_line_repeats(tmp_path):
    """rt31 r13 c05: 财政资金 300 / 285 (the sum of the lines below) 10 | 9.5 over 其中：
    中央资金 200 / 190 and 省级资金 100 / 95, each again 10 | 9.5: the total's 10 points,
    not 30 (JX101 120); 10 × 95 % = 9.5, 90 + 9.5 = 99.5."""
    table, evaluation, found = _with_lines(tmp_path, [
        ("财政资金", 300, 300, 285, 10, "95%", 9.5), ("其中：中央资金", 200, 200, 190, 10, "95%", 9.5),
        ("省级资金", 100, 100, 95, 10, "95%", 9.5)], "95%", 99.5)
    assert (table.funds.shares, table.funds.weight) == ([], 10)
    assert (evaluation.execution_score, evaluation.total) == (9.5, 99.5)
    assert found == []


@pytest.mark.parametrize(("written", "said"), [
    (None, "“转移支付资金”执行率得分未填写"), ("—", "“转移支付资金”执行率得分未填写"),
    ("五", "“转移支付资金”执行率得分“五”不是数字，请填写数字（如 9.5）")])
def test_a_lines_score_missing(tmp_path, written, said):
    """rt31 r13 c08: JX406 at the line whose 得分 is missing (H7), not at 本级资金's 4.75
    (“—” is a blank, as in an indicator's 得分)."""
    _, _, found = _checked(tmp_path, (100, 100, 100, 5, "100%", written), "96.67%", 99.75)
    assert [item for item in found if item[0] == "JX406"] == [("JX406", "H7", said)]


@pytest.mark.parametrize(("budget", "weight", "shares"), [
    (300.01, 10, []), (300.02, 30, ["财政资金", "中央资金", "省级资金"])])
def test_a_total_of_the_lines_to_one_step(tmp_path, budget, weight, shares):
    """A line is the others' total where its amounts are theirs added up to one step of
    the 2 decimals shown (``rules.SCORE_STEP``): 财政资金 300.01 over 200 + 100 is their
    total (10 points, as above); 300.02 is not, and each of the three lines scores its
    own 10 points (30)."""
    table, _, _ = _with_lines(tmp_path, [
        ("财政资金", 300, budget, 285, 10, "95%", 9.5), ("其中：中央资金", 200, 200, 190, 10, "95%", 9.5),
        ("省级资金", 100, 100, 95, 10, "95%", 9.5)], "95%", 99.5)
    assert ([line.label for line in table.funds.shares], table.funds.weight) == (shares, weight)


# rt32 r1 m14, m11: three lines labelled by where their money came from, each with its own
# points and no total line; the first is the others' sum (500 = 300 + 200) and so were its
# points in m14 (5 = 3 + 2): it was read as their total (JX101 分值合计 95, JX102, JX501).
# A line named for a source is a part of the money, never the total of the others.
SOURCE_LINES = [("中央补助资金", 500, 500, 500, 5, "100.00%", 5),
                ("省级补助资金", 300, 300, 300, 3, "100.00%", 3),
                ("县级配套资金", 200, 200, 200, 2, "100.00%", 2)]


def test_source_lines_each_scored_the_first_their_sum(tmp_path):
    """m14: 5 + 3 + 2 = 10 points, each line at 100 %: 10; 90 + 10 = 100, 优."""
    table, evaluation, found = _with_lines(tmp_path, SOURCE_LINES, "100%", 100)
    assert [line.label for line in table.funds.shares] == ["中央补助资金", "省级补助资金",
                                                           "县级配套资金"]
    assert (table.funds.total.budget, table.funds.total.executed, table.funds.weight,
            table.funds.score_declared) == (1000, 1000, 10, 10)
    assert (evaluation.execution_score, evaluation.total, evaluation.grade) == (10, 100, "优")
    assert found == []


def test_source_lines_each_scored_the_first_their_sum_spent_too(tmp_path):
    """m11: 中央 450 of 500 (= 300 + 150 spent by the others), 4 × 90 % = 3.6; 省级 3 ×
    100 % = 3; 县级 150 of 200, 3 × 75 % = 2.25: 3.6 + 3 + 2.25 = 8.85 of 4 + 3 + 3 = 10;
    90 + 8.85 = 98.85 (not 中央's 3.6 of 4 read as the whole: 93.6)."""
    table, evaluation, found = _with_lines(tmp_path, [
        ("中央补助资金", 500, 500, 450, 4, "90.00%", 3.6), ("省级补助资金", 300, 300, 300, 3, "100.00%", 3),
        ("县级配套资金", 200, 200, 150, 3, "75.00%", 2.25)], "90%", 98.85)
    assert (table.funds.total.budget, table.funds.total.executed, table.funds.weight,
            table.funds.score_declared) == (1000, 900, 10, 8.85)
    assert (evaluation.execution_score, evaluation.total) == (8.85, 98.85)
    assert found == []
