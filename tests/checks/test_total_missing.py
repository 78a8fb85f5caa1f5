"""JX507: a standard table with a 得分 column but no 总分 row (rt29 std: single_nototal.xlsx
passed with 未发现问题). The Putuo table: 执行率 31.50 ÷ 31.56 = 99.81 %, 10 × 99.81 % =
9.98; its rows 5 + 25 + 20 + 30 + 10 = 90; 总分 99.98, 优."""

from test_total_sums import SICHUAN_SCORED
from test_validator import findings, no_points, rows
from workbooks import Book, sichuan_scored_rows, standard


def _said(path, select=("JX501", "JX502", "JX507")):
    return [(item.code, item.severity, item.cell, item.message)
            for item in findings(path, list(select))]


def test_no_total_and_no_grade_row_is_reported_below_the_last_row(tmp_path):
    """The last indicator is row 15: the 总分 would stand in row 16, under 得分 (H)."""
    path = standard(tmp_path / "t.xlsx", total=None, grade=None)
    assert _said(path) == [(
        "JX507", "warning", "H16",
        "表中没有总分行和评分等级行：标准表样要求在各指标之下填写总分和评分等级，"
        "单位未填报。按规则计算总分为 99.98，评分等级为“优”")]


def test_the_scores_written_are_summed_where_they_are_not_the_rules(tmp_path):
    """满意度 ≥95% done 85 %: 10 × 85 ÷ 95 = 8.95 by the rules, 7 written: the rules'
    total 9.98 + 90 − 10 + 8.95 = 98.93 (优), the written scores' 9.98 + 80 + 7 = 96.98."""
    changed = rows((4, {"target": "≥95%", "actual": "85%", "score": 7, "reason": "宣传不足"}))
    path = standard(tmp_path / "t.xlsx", rows=changed, total=None, grade=None)
    assert _said(path) == [(
        "JX507", "warning", "H16",
        "表中没有总分行和评分等级行：标准表样要求在各指标之下填写总分和评分等级，"
        "单位未填报。按规则计算总分为 98.93，评分等级为“优”；各项填报得分之和为 96.98")]


def test_a_grade_without_its_total_is_reported_too(tmp_path):
    path = standard(tmp_path / "t.xlsx", total=None, grade="良")
    assert _said(path) == [(
        "JX507", "warning", "H16",
        "表中没有总分行：标准表样要求在各指标之下填写总分，单位未填报（评分等级写为“良”，"
        "没有总分可依）。按规则计算总分为 99.98，评分等级为“优”")]


def test_a_blank_total_row_is_jx501s_alone(tmp_path):
    """checks/totals.py: a 总分 row left blank is “总分未填写” (JX501), not JX507."""
    path = standard(tmp_path / "t.xlsx", total=(100, None))
    assert [(code, cell) for code, _, cell, _ in _said(path)] == [("JX501", "H16")]


def test_a_total_stated_in_a_conclusion_is_a_total(tmp_path):
    path = standard(tmp_path / "t.xlsx", total=None, grade=None,
                    conclusion="经自评，该项目得分99.98分，评价等级为优")
    assert _said(path) == []


def test_layouts_that_never_carry_a_total_are_not_asked_for_one(tmp_path):
    """No 得分 column (湖南 衡山 分值-less rows), and 四川's form with a 得分 column: no
    总分 row is no JX507."""
    assert _said(standard(tmp_path / "t.xlsx", **no_points())) == []
    book = Book()
    sichuan_scored_rows(book, SICHUAN_SCORED)
    assert _said(book.save(tmp_path / "s.xlsx")) == []


def test_no_grade_is_named_where_the_weights_do_not_total_100(tmp_path):
    """质量指标 25 → 15 points (scored 15): 分值合计 90; the rules' total 99.98 − 10 =
    89.98, no grade (JX101's)."""
    changed = rows((1, {"weight": 15, "score": 15}))
    path = standard(tmp_path / "t.xlsx", rows=changed, total=None, grade=None)
    assert _said(path) == [(
        "JX507", "warning", "H16",
        "表中没有总分行和评分等级行：标准表样要求在各指标之下填写总分和评分等级，"
        "单位未填报。按规则计算总分为 89.98（分值合计 90，不是 100，不评等级，见 JX101）")]
