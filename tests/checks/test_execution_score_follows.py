"""JX302 says what a wrong 执行率得分 carried into the 总分 (and the 评分等级) wherever the
written 总分 is the sum of the written scores — whether the score was taken from a wrong
执行率 or only the score is wrong (red team rt29 c33, c38b, c18c; before, only the first).

The money: 全年预算数 1286.40, 全年执行数 1201.35, 执行率 93.3886 % (written 93.39%),
得分 10 × 0.933886 = 9.34; the indicators' scores 20 + 15 + 15 + 30 + 10 = 90."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "read"))

from test_money_score_header import ROWS  # noqa: E402
from workbooks import standard  # noqa: E402

from jixiao.checks import run_checks  # noqa: E402
from jixiao.model import evaluate  # noqa: E402
from jixiao.read.workbook import read_tables  # noqa: E402

MONEY_HEADER = ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")


def _jx302(tmp_path, money, total, rows=ROWS, grade="优"):
    path = standard(tmp_path / "t.xlsx", rows=rows, money=money, money_header=MONEY_HEADER,
                    total=(100, total), grade=grade)
    (table,) = read_tables(path)
    return [(f.cell, f.severity, f.message)
            for f in run_checks(table, evaluate(table), select={"JX302"})]


def _money(rate="93.39%", score=9.34, budget=1286.4, executed=1201.35):
    return [("年度资金总额", 1250, budget, executed, 10, rate, score)]


def test_a_score_wrong_beside_a_right_rate_says_what_the_total_becomes(tmp_path):
    """9.3 written for 9.34: 总分 90 + 9.3 = 99.3 becomes 99.34 (c33)."""
    assert _jx302(tmp_path, _money(score=9.3), 99.3) == [
        ("H6", "error", "执行率得分写为 9.3，按分值 10 × 执行率 93.39% 应为 9.34；"
                        "总分 99.3 随之应为 99.34")]


def test_full_marks_for_the_execution_says_what_the_total_becomes(tmp_path):
    """10 written for 9.34: 总分 100 becomes 99.34 (c38b)."""
    assert _jx302(tmp_path, _money(score=10), 100) == [
        ("H6", "error", "执行率得分写为 10，按分值 10 × 执行率 93.39% 应为 9.34；"
                        "总分 100 随之应为 99.34")]


def test_a_score_over_its_points_says_the_total_is_over_the_full_marks(tmp_path):
    """Spent 312.6 of 300: 执行率 104.2 %, the score capped at its 分值 10 — 10.42 written,
    总分 90 + 10.42 = 100.42, above the full marks, becomes 100 (c18c)."""
    assert _jx302(tmp_path, _money("104.20%", 10.42, 300, 312.6), 100.42) == [
        ("H6", "error", "执行率得分写为 10.42，按分值 10 × 执行率 104.2% 应为 10；"
                        "总分 100.42 超过满分 100，随之应为 100")]


def test_the_grade_the_total_falls_to_is_said(tmp_path):
    """执行率 240 ÷ 300 = 80 %, 10 × 0.8 = 8, 10 written; the indicators 81 (满意度 1 of
    10): 总分 91 (优) becomes 89 (良)."""
    rows = [*ROWS[:4], (*ROWS[4][:5], 10, 1, "满意度调查未达标")]
    assert _jx302(tmp_path, _money("80.00%", 10, 300, 240), 91, rows=rows) == [
        ("H6", "error", "执行率得分写为 10，按分值 10 × 执行率 80% 应为 8；"
                        "总分 91 随之应为 89，评分等级“优”应为“良”")]


def test_a_total_not_the_written_scores_sum_is_left_to_jx501(tmp_path):
    """9.3 written, 总分 99.34 (not 90 + 9.3): nothing follows from the score."""
    assert _jx302(tmp_path, _money(score=9.3), 99.34) == [
        ("H6", "error", "执行率得分写为 9.3，按分值 10 × 执行率 93.39% 应为 9.34")]


def test_a_score_one_hundredth_off_is_within_the_tolerance_indicators_have(tmp_path):
    """rt30 r02/m02/tol03: 199.9 ÷ 200 = 99.95 %, 10 × 0.9995 = 9.995, half-up 10 — 9.99
    written (the half cut off, or binary rounding); 1201.35 ÷ 1286.4 gives 9.34, 9.33 or
    9.35 written. Off by 0.01 at most, as JX404 lets an indicator's 得分 be: no JX302.
    9.32 (0.02 off) still is."""
    assert _jx302(tmp_path, _money("99.95%", 9.99, 200, 199.9), 99.99) == []
    assert _jx302(tmp_path, _money(score=9.33), 99.33) == []
    assert _jx302(tmp_path, _money(score=9.35), 99.35) == []
    assert _jx302(tmp_path, _money(score=9.32), 99.32) == [
        ("H6", "error", "执行率得分写为 9.32，按分值 10 × 执行率 93.39% 应为 9.34；"
                        "总分 99.32 随之应为 99.34")]
