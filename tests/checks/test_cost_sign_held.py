"""A 成本指标 written "≥" (JX205: a cost is a ceiling, ≤ was likely meant) holds its score
check, as JX203 holds a bare 指标值 in doubt: the sign decides whether the row fell
short, and only the unit knows which it meant (≥ is right for a saving or a standard
paid out). rt32 c205: "≥800元/人" done 760, 10 of 10 — JX205 said 成本应写“≤” (met,
10 right) while JX402 said 未达到…应为 9.5 (the ≥ as written)."""

import pytest
from test_validator import findings
from workbooks import standard

from jixiao import cellfuncs
from jixiao.model import evaluate
from jixiao.read.workbook import read_tables

COST = "≥800元/人"


def cost_rows(name="人均培训成本", target=COST, actual="760元/人", score=10):
    """执行率 9.98 + 90 points, the 成本指标 row (10 points) second, at H12."""
    return [
        ("产出指标", "数量指标", "培训人数", "≥500人", "520人", 30, 30, None),
        ("产出指标", "成本指标", name, target, actual, 10, score, None),
        ("产出指标", "质量指标", "预算编制规范性", "规范", "达成指标", 10, 10, None),
        ("效益指标", "社会效益指标", "农民增收", "稳步提升", "达成指标", 30, 30, None),
        ("满意度指标", "服务对象满意度指标", "服务对象满意度", "满意", "达成指标", 10, 10, None),
    ]


HELD = ("JX205", "E12", "成本指标“人均培训成本”的指标值“≥800元/人”方向为“≥”，成本应写“≤”；"
                        "得分暂不核对，改正符号后再核对")


@pytest.mark.parametrize(("actual", "score"), [("760元/人", 10), ("850元/人", 10),
                                               ("1700元/人", 10)])
def test_a_cost_written_at_least_is_jx205_alone(tmp_path, actual, score):
    """760 of "≥800" at 10 is met as a ceiling, 9.5 as written; 850 the other way round;
    1700 scores 0 as a ceiling (≥ 2 × 800), far beyond a goal as written: whichever the
    score follows, the sign is what to mend first — no JX402/JX404/JX206 (before: JX402
    应为 9.5 at 760; JX206 年度指标值是否定得过低 at 1700)."""
    path = standard(tmp_path / "t.xlsx", rows=cost_rows(actual=actual, score=score),
                    total=(100, 89.98 + score))
    assert [(f.code, f.cell, f.message) for f in findings(path)] == [HELD]


def test_a_deduction_on_a_held_row_still_wants_its_reason(tmp_path):
    """Neighbour: 9.5 of 10 written (the ≥ as written) is a deduction whatever the sign —
    JX405 asks for its reason, as for any row; the score itself is not judged."""
    path = standard(tmp_path / "t.xlsx", rows=cost_rows(score=9.5), total=(100, 99.48))
    assert [(f.code, f.cell, f.message) for f in findings(path)] == [
        HELD, ("JX405", "I12", "“人均培训成本”扣 0.5 分（9.5/10），未说明偏差原因")]


def test_the_held_row_is_scored_as_written_by_check_and_cell_function_alike(tmp_path):
    """One rule: the rules' total counts the ≥ as written (10 × 760 ÷ 800 = 9.5, total
    99.48), as JX_SCORE computes it in jixiao's template; only the check of the written
    score waits for the sign."""
    path = standard(tmp_path / "t.xlsx", rows=cost_rows(), total=(100, 99.98))
    (table,) = read_tables(path)
    evaluation = evaluate(table)
    assert evaluation.scores[1].value == 9.5
    assert cellfuncs.score(COST, "760元/人", 10, None, None, "成本指标") == 9.5
    assert evaluation.total == 99.48


def test_a_total_at_the_rules_score_of_a_held_row_is_not_blamed_on_that_row(tmp_path):
    """The 总分 written 99.48 (the held row counted at 9.5) beside the written 10: the
    总分 is not the sum of the scores written — said plainly at the 总分 (before: JX501 at
    H12 told to change the held score to 9.5, 总分不需改动)."""
    path = standard(tmp_path / "t.xlsx", rows=cost_rows(), total=(100, 99.48))
    assert [(f.code, f.cell, f.message) for f in findings(path)] == [
        HELD, ("JX501", "H16", "总分写为 99.48，各项得分之和为 99.98")]


@pytest.mark.parametrize(("name", "target", "actual", "rules_score"), [
    ("政策知晓率", "≥90%", "80%", 8.89),    # misfiled under 成本: its ≥ is right
    ("成本节约率", "≥5%", "4%", 8),         # a saving rises: ≥ is right, no JX205
])
def test_a_right_at_least_under_cost_is_still_judged(tmp_path, name, target, actual,
                                                     rules_score):
    """Neighbours that must not change: where JX205 says the ≥ is right (or says nothing),
    full marks for a target missed are JX402's, at 10 × 完成值 ÷ 指标值."""
    path = standard(tmp_path / "t.xlsx", rows=cost_rows(name, target, actual),
                    total=(100, 99.98))
    (jx402,) = findings(path, ["JX402"])
    assert (jx402.cell, jx402.message) == (
        "H12", f"“{name}”未达到指标值（指标值 {target}，完成值 {actual}），却得满分 10，按财政部"
               f"规则应为 {rules_score}（正向指标：分值 × 实际完成值 ÷ 年度指标值）")
