"""A negative 完成值 below a target of 0 (rt30: n01–n08, ng00–ng05, k09): not met, scored in
the 未达成 band, as 不低于上年 answered 较上年下降2% is — never full marks, never “met”."""

import pytest
from test_validator import findings, rows
from workbooks import standard

from jixiao.model import evaluate
from jixiao.read.workbook import read_tables

REASON = "受市场行情影响收入下降，下年度拓展服务项目"


def _income(target, actual, score, reason=None):
    """The Putuo table with its 效益 row (30 points) an income growth of ``actual``."""
    return rows((3, {"name": "服务收入增长率", "target": target, "actual": actual,
                     "score": score, "reason": reason}))


@pytest.mark.parametrize(("target", "actual"), [
    ("≥0%", "-2%"), ("不低于0%", "-2%"), ("＞0", "-2%"), ("≥0万元", "-3万元"),
    ("不低于上年", "-2%"), ("较上年增长≥0%", "-3%"), ("≥0%", -0.02)])
def test_full_marks_for_a_negative_actual_below_zero_are_jx402(tmp_path, target, actual):
    """By hand −2 % < 0 %: not met; 30 × (−2 ÷ 0) has no meaning, so the row takes the
    未达成 band, 0–60 % of 30: 0–18. Full marks 30 are JX402 and outside the band (JX408);
    the rules' 总分 is 69.98–87.98 (the other rows' 69.98 plus 0–18)."""
    path = standard(tmp_path / "t.xlsx", rows=_income(target, actual, 30))
    found = {item.code: item.message for item in findings(path)}
    assert set(found) >= {"JX402", "JX408"}, found
    assert "未达到指标值" in found["JX402"] and "恰好等于" not in found["JX402"]
    assert "得分应在 0–18 之间，填写为 30" in found["JX408"]
    evaluation = evaluate(read_tables(path)[0])
    assert evaluation.total is None and evaluation.total_range == (69.98, 87.98)


def test_a_unit_that_scored_the_miss_0_is_right(tmp_path):
    """k09: 0 of 30 with a reason, 总分 69.98, 中 — before, JX403 said the target was met
    (“已达到指标值…得分 0 却低于分值”) and JX502 wanted 99.98 and 优."""
    path = standard(tmp_path / "t.xlsx", rows=_income("≥0%", "-2%", 0, REASON),
                    total=(100, 69.98), grade="中")
    assert findings(path) == []
    evaluation = evaluate(read_tables(path)[0])
    assert (evaluation.total, evaluation.grade) == (69.98, "中")



@pytest.mark.parametrize(("name", "target", "actual"), [
    ("门诊次均费用较上年下降", "≥0%", "-2.1%"),        # rt30 r10 N1
    ("药占比较上年下降", "≥0个百分点", "-1.2个百分点"),  # N7
    ("交通事故下降率", "≥0%", "-5%"),                  # N8
    ("养护成本降幅", "≥0%", "-4%"),                    # N9
    ("单位能耗降低率", "≥0%", "-3%"),                  # N2
    ("门诊次均费用下降率", "≥5%", "-6%"),               # P12: |−6| = 6 ≥ 5
    ("门诊次均费用较上年下降", "≥0%", "下降2.1%"),      # P16: before JX204
    ("门诊次均费用较上年下降", "≥0%", "2.1%"),
])
def test_a_fall_written_with_its_sign_meets_a_decrease_named_target(tmp_path, name, target,
                                                                    actual):
    """rt30 r10: the unit wrote the fall with its sign (fees fell 2.1 %: −2.1 %). On a row
    named for a decrease (下降, 降幅, 降低, 减少, 下降率) the negative 完成值 is the size of the
    fall, |−2.1| = 2.1 ≥ 0: met, 30 of 30, 总分 99.98 as written, no finding (before be16ec8
    so; after it JX402 + JX408)."""
    path = standard(tmp_path / "t.xlsx", rows=rows((3, {"name": name, "target": target,
                                                        "actual": actual, "score": 30})))
    assert findings(path) == []
    evaluation = evaluate(read_tables(path)[0])
    score = evaluation.scores[3]
    assert (score.value, score.met, evaluation.total) == (30.0, True, 99.98)


@pytest.mark.parametrize(("name", "target", "actual"), [
    ("沿线农产品运输量增长率", "≥0%", "-2%"),  # N5: a growth rate of −2 % is a fall
    ("沿线农民人均收入", "不低于上年", "-1.5%"),  # N6
    ("门诊次均费用下降率", "≥5%", "增长6%"),  # a rise is no fall
    ("农民人均收入不下降", "≥0%", "-2%"),  # rev30 D: what must not fall, fell 2 %
    ("补助标准不降低", "≥0%", "-5%"),
    ("耕地面积不得减少", "≥0%", "-1%"),
])
def test_a_growth_or_rise_below_its_target_is_still_missed(tmp_path, name, target, actual):
    path = standard(tmp_path / "t.xlsx", rows=rows((3, {"name": name, "target": target,
                                                        "actual": actual, "score": 30})))
    codes = {item.code for item in findings(path)}
    assert "JX402" in codes, codes
    assert evaluate(read_tables(path)[0]).scores[3].met is False


@pytest.mark.parametrize(("name", "target"), [
    ("单位产品能耗较上年下降", "≤-5%"),   # rt31 c3
    ("农产品损耗率较上年降低", "＜-5%"),  # rt31 d8
    ("单位能耗下降率", "≤-5%"),
])
def test_a_fall_with_its_sign_meets_a_target_with_its_sign(tmp_path, name, target):
    """rt31 c3/d8: ≤-5% under a name of a decrease is the change with its sign, a fall of at
    least 5 %; −6.2 % is a fall of 6.2 %: met, 30 of 30, 总分 99.98, no finding (before: the
    指标值 a fall of −5 % beside 6.2, JX402 “应为 0（反向指标：目标为 0…）” and JX502)."""
    path = standard(tmp_path / "t.xlsx", rows=rows((3, {"name": name, "target": target,
                                                        "actual": "-6.2%", "score": 30})))
    assert findings(path) == []
    evaluation = evaluate(read_tables(path)[0])
    score = evaluation.scores[3]
    assert (score.value, score.met, evaluation.total) == (30.0, True, 99.98)
