"""Round 27: where a 部分达成 row leaves the rules no one 总分 but a range (its level's
band), the report's 总分 line shows that range — the one JX502 holds the grade against —
instead of “计算 —”; and the grade every total in it has, where they share one (each
test fails on 83dff4a: “计算 —（1 项得分规则无法计算…）”, grade “—”)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "checks"))

from test_grade_by_rules import band_rows  # noqa: E402
from workbooks import standard  # noqa: E402

from jixiao.pipeline import check_workbook  # noqa: E402
from jixiao.report.text import total_line  # noqa: E402


def _line(path):
    [checked] = check_workbook(path).tables
    return total_line(checked)


def test_a_band_shows_the_range_of_totals_and_the_grade_it_fixes(tmp_path):
    """执行率 9.98 + 16 + 15 + 15 + 群众生活 部分达成 (60–80 % of 20: 12–16) + 就业率 7.5 +
    8.89: 84.37–88.37, 良 at both ends."""
    path = standard(tmp_path / "t.xlsx", rows=band_rows(), total=(100, 92.37), grade="优")
    assert _line(path) == ("总分 填报 92.37 / 计算 84.37–88.37（“群众生活”为部分达成，须在 12–16 分之间"
                           "人工评分）；评分等级 填报 优 / 计算 良")


def test_a_band_crossing_a_grade_line_shows_both_grades(tmp_path):
    """就业率 met (10): 86.87–90.87, 良 or 优 as the person scores the row."""
    path = standard(tmp_path / "t.xlsx", rows=band_rows("80%", 10), total=(100, 94.87),
                    grade="优")
    assert _line(path) == ("总分 填报 94.87 / 计算 86.87–90.87（“群众生活”为部分达成，须在 12–16 分之间"
                           "人工评分）；评分等级 填报 优 / 计算 良或优")
