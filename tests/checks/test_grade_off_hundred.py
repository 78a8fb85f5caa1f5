"""rt33: JX502 asked for a 评分等级 where the 分值 do not total 100 — “评分等级未填写，总分
105 应为“优”” beside JX101 — while the report, the JSON (grade_computed null), the
template and rules.md give none there (“分值合计 105，不是 100，不评等级”). It is silent
there now, whatever is written in the grade cell."""

import pytest
from workbooks import PUTUO_1_ROWS, standard

from jixiao.checks import run_checks
from jixiao.model import evaluate
from jixiao.read.workbook import read_tables


def codes(path):
    (table,) = read_tables(path)
    return [f.code for f in run_checks(table, evaluate(table))]


def satisfaction(points):
    """Putuo's rows (99.98 with the 执行率's 9.98) with the 满意度 row given ``points`` (and
    scored them in full): 分值合计 90 + ``points``."""
    *rest, (level1, level2, name, target, actual, _, _, reason) = PUTUO_1_ROWS
    return [*rest, (level1, level2, name, target, actual, points, points, reason)]


@pytest.mark.parametrize(("points", "grade"), [(15, ""), (5, ""), (15, "良"), (5, "优")])
def test_no_grade_is_asked_for_where_the_weights_do_not_total_100(tmp_path, points, grade):
    # 分值合计 105 (or 95): 总分 104.98 (94.98) is no 优 — JX101 alone says what to correct
    path = standard(tmp_path / "t.xlsx", rows=satisfaction(points),
                    total=(90 + points, round(89.98 + points, 2)), grade=grade)
    found = codes(path)
    assert "JX101" in found and "JX502" not in found, found


def test_a_blank_grade_under_weights_of_100_is_still_asked_for(tmp_path):
    path = standard(tmp_path / "t.xlsx", rows=satisfaction(10), total=(100, 99.98), grade="")
    assert "JX502" in codes(path)
