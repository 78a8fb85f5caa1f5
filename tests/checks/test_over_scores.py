"""rt27 r1: a score written above the rules for a positive target not met is an error
where nothing but the rules can be meant — both values plain numbers in one unit, the
target ≥/＞/＝ (every rule set scores 分值 × 完成值 ÷ 指标值), and the score higher than
any rounding of that rule gives (the share to a whole percent, the points to one decimal).
The grade those scores lift is an error too (JX502). Under-scores, reverse targets,
conversions keep JX404's warning: the score may rest on another reading of the target."""

import pytest
from workbooks import standard

from jixiao.checks import run_checks
from jixiao.model import evaluate
from jixiao.read.workbook import read_tables

REASON = "受汛期影响部分活动停办，下年提前安排。"


def rows(days=9, leaflets=9.5, known=14, satisfied=9.5):
    """执行率 9.98 (the money's) + these rows. By the rules (hand-computed):
    场次 9 of ≥12 at 10: 10 × 9 ÷ 12 = 7.5; 资料 4000 of ≥5000 at 10: 8;
    知晓率 70% of ≥90% at 15: 15 × 70 ÷ 90 = 11.666… → 11.67; 满意度 70% of ≥95% at 10:
    7.368… → 7.37; the 定性 rows full marks (45).
    Rules' 总分: 9.98 + 7.5 + 8 + 11.67 + 7.37 + 20 + 10 + 15 = 89.52 (良).
    The largest any rounding gives (share up to a whole percent, then points up to one
    decimal): 7.5, 8, 11.7 (78 %), 7.4 (74 %)."""
    return [
        ("产出指标", "数量指标", "宣传活动场次", "≥12场", "9场", 10, days, REASON),
        ("产出指标", "数量指标", "发放宣传资料", "≥5000份", "4000份", 10, leaflets, REASON),
        ("产出指标", "质量指标", "预算编制规范性", "规范", "达成指标", 20, 20, None),
        ("产出指标", "时效指标", "资金拨付及时性", "及时", "达成指标", 10, 10, None),
        ("效益指标", "社会效益指标", "参保群众政策知晓率", "≥90%", "70%", 15, known, REASON),
        ("效益指标", "可持续影响指标", "长效管理机制", "健全", "达成指标", 15, 15, None),
        ("满意度指标", "服务对象满意度指标", "参保群众满意度", "≥95%", "70%", 10, satisfied,
         REASON),
    ]


def findings(path):
    (table,) = read_tables(path)
    evaluation = evaluate(table)
    return evaluation, [(f.code, f.cell, f.severity) for f in run_checks(table, evaluation)]


def test_over_scores_that_lift_the_grade_are_errors(tmp_path):
    """Written 9, 9.5, 14, 9.5: 总分 9.98 + 9 + 9.5 + 20 + 10 + 14 + 15 + 9.5 = 96.98, 优;
    the rules give 89.52, 良. Each score is above any rounding of its rule: four JX404
    errors, and the 优 they lift an error."""
    path = standard(tmp_path / "t.xlsx", rows=rows(), total=(100, 96.98), grade="优")
    evaluation, found = findings(path)
    assert (evaluation.total, evaluation.grade) == (89.52, "良")
    assert [(code, severity) for code, _, severity in found] == [
        ("JX404", "error")] * 4 + [("JX502", "error")]


def test_scores_within_the_rules_rounding_stay_warnings(tmp_path):
    """11.7 for 11.67 (70 ÷ 90 = 77.78 % → 78 % → 11.7) and 7.4 for 7.37 (73.68 % → 74 % →
    7.4): a unit's rounding, JX404's warning as before; the rest as the rules give them.
    总分 9.98 + 7.5 + 8 + 20 + 10 + 11.7 + 15 + 7.4 = 89.58, 良."""
    path = standard(tmp_path / "t.xlsx", rows=rows(days=7.5, leaflets=8, known=11.7,
                                                   satisfied=7.4),
                    total=(100, 89.58), grade="良")
    assert [(code, severity) for code, _, severity in findings(path)[1]] == [
        ("JX404", "warning"), ("JX404", "warning")]


def test_under_scores_stay_warnings(tmp_path):
    """6 for 7.5 and 7 for 8: below the rules, JX404's warning (and the grade the rules'
    良 either way: 9.98 + 6 + 7 + 20 + 10 + 11.67 + 15 + 7.37 = 87.02)."""
    path = standard(tmp_path / "t.xlsx", rows=rows(days=6, leaflets=7, known=11.67,
                                                   satisfied=7.37),
                    total=(100, 87.02), grade="良")
    assert [(code, severity) for code, _, severity in findings(path)[1]] == [
        ("JX404", "warning"), ("JX404", "warning")]


def one_row(target, actual, score):
    """执行率 9.98 + one 10-point row + 定性 rows at full marks (80)."""
    return [
        ("产出指标", "数量指标", "服务参保人数", target, actual, 10, score, REASON),
        ("产出指标", "质量指标", "预算编制规范性", "规范", "达成指标", 30, 30, None),
        ("产出指标", "时效指标", "资金拨付及时性", "及时", "达成指标", 20, 20, None),
        ("效益指标", "可持续影响指标", "长效管理机制", "健全", "达成指标", 20, 20, None),
        ("满意度指标", "服务对象满意度指标", "服务对象满意度", "满意", "达成指标", 10, 10, None),
    ]


@pytest.mark.parametrize(("target", "actual", "score", "severity"), [
    # 10 × 91.8 ÷ 96.7 = 9.49 (94.93 % → 95 % → 9.5 at most): 9.99 is no rounding
    ("≥96.7万人", "91.8万人", 9.99, "error"),
    # 10 × 50 ÷ 96.7 = 5.17 (51.71 % → 52 % → 5.2 at most)
    ("≥96.7万人", "50万人", 9, "error"),
    # 10 × 91.3 ÷ 96.7 = 9.44; 94.42 % → 95 % → 9.5: a rounding the unit may have made
    ("≥96.7万人", "91.3万人", 9.5, "warning"),
    ("≥96.7万人", "91.3万人", 9.6, "error"),
    # ＞ and a bare ＝ above 0 are scored alike: 10 × 9 ÷ 12 = 7.5
    ("＞12次", "9次", 9, "error"),
    ("12次", "9次", 9, "error"),
    # 万人 beside 人: a conversion the unit may have read otherwise — a warning
    ("≥96.7万人", "918000人", 9.99, "warning"),
    # a reverse target: rule sets differ (mof2020 vs ratio) — a warning
    ("≤24小时", "30小时", 9, "warning"),
    # a scoring rule of the row's own (10 − 3 × 0.5 = 8.5): not the rule set's — a warning
    ("≥12场，每少1场扣0.5分", "9场", 8.5, "warning"),
    # a 约数 (余): no score by the rules (short of ≥1.2万户 by an unknown amount)
    ("≥1.2万户", "1.1万余户", 9, None),
])
def test_which_over_scores_are_errors(tmp_path, target, actual, score, severity):
    path = standard(tmp_path / "t.xlsx", rows=one_row(target, actual, score))
    found = [(code, found_severity) for code, _, found_severity in findings(path)[1]
             if code == "JX404"]
    assert found == ([("JX404", severity)] if severity else [])


@pytest.mark.parametrize(("reverse", "total", "severity"), [
    # granting the 投诉率 as written: 89.10 + 0.25 = 89.35, still 良 — the 优 is surely wrong
    (11.5, 90.85, "error"),
    # granting it: 89.10 + 3.65 = 92.75, 优 — the written grade may stand on that reading
    (14.9, 94.25, "warning"),
])
def test_a_grade_is_an_error_where_it_stays_wrong_granting_the_debatable_scores(
        tmp_path, reverse, total, severity):
    """知晓率 replaced by a reverse 投诉率 ≤2% at 2.5% (mof2020: 15 × (1 − 0.5 ÷ 2) = 11.25;
    the ratio rule set gives 12): rules' 总分 9.98 + 7.5 + 8 + 20 + 10 + 11.25 + 15 + 7.37
    = 89.10, 良. 场次 written 9 for 7.5 (+1.5, an error); the 投诉率 written ``reverse``
    (a warning: another rule set's reading); 总分 ``total``, 优."""
    table_rows = rows(days=9, leaflets=8, satisfied=7.37)
    table_rows[4] = ("效益指标", "社会效益指标", "群众投诉率", "≤2%", "2.5%", 15, reverse, REASON)
    path = standard(tmp_path / "t.xlsx", rows=table_rows, total=(100, total), grade="优")
    evaluation, found = findings(path)
    assert (evaluation.total, evaluation.grade) == (89.1, "良")
    assert [(code, found_severity) for code, _, found_severity in found] == [
        ("JX404", "error"), ("JX404", "warning"), ("JX502", severity)]
