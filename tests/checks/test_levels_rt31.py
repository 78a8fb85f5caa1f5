"""rt31: quality levels written with ≥ (≥良好: 良好 or better, as 良好及以上 is), 良好 meeting
a target of 好, and a growth on last year beside a floor of 0 % (≥0% → 较上年增长3.2%)."""

import pytest
from test_validator import findings, rows
from workbooks import standard

from jixiao.model import evaluate
from jixiao.read.workbook import read_tables


def _quality(tmp_path, target, actual, score=25):
    """The Putuo table with its 质量指标 row (25 points) a quality level."""
    path = standard(tmp_path / "t.xlsx", rows=rows((1, {"name": "工程质量", "target": target,
                                                         "actual": actual, "score": score})))
    return path, evaluate(read_tables(path)[0])


@pytest.mark.parametrize(("target", "actual"), [
    ("≥良好", "良好"), ("≥合格", "合格"), ("≥优良", "优良"), ("≥较好", "较好"), ("≥优秀", "优秀"),
    ("≥良好", "优"), ("≥合格", "良好"), ("≥良好等级", "良好"), ("好", "良好"), ("≥好", "良好")])
def test_a_level_met_is_full_marks_and_no_finding(tmp_path, target, actual):
    """By hand: the level reached is the level wanted or better — 达成, full 25; the table's
    other rows 74.98, so 总分 99.98, 优 — no JX203 “有运算符但没有数值”, no JX402/JX408."""
    path, evaluation = _quality(tmp_path, target, actual)
    assert findings(path) == []
    assert (evaluation.total, evaluation.grade) == (99.98, "优")


@pytest.mark.parametrize(("target", "actual", "band"), [
    ("≥良好", "合格", (15.0, 20.0)), ("≥优秀", "良好", (15.0, 20.0)),
    ("不低于良好", "合格", (15.0, 20.0)), ("≥良好", "差", (0.0, 15.0))])
def test_a_level_short_of_one_written_with_at_least_is_not_met(tmp_path, target, actual, band):
    """良好 or better wanted, 合格 reached: one level short, 部分达成 — 60–80 % of 25 is
    15–20; 差 is 未达成 (0–15). Full marks are JX402 (and outside the band, JX408); the
    总分 is 74.98 plus the band (before: ≥良好 JX203 and no total; 不低于良好 → 合格 met)."""
    path, evaluation = _quality(tmp_path, target, actual)
    codes = {item.code for item in findings(path)}
    assert {"JX402", "JX408"} <= codes and "JX203" not in codes
    assert evaluation.total is None
    assert evaluation.total_range == (74.98 + band[0], 74.98 + band[1])


@pytest.mark.parametrize(("target", "actual"), [
    ("≥合格", "100%"), ("≥合格", "合格率100%"), ("≥良好", "良好（考核92分）"),
    ("≥合格", "合格（100%）"), ("合格及以上", "100%")])
def test_a_level_with_at_least_reads_its_answer_as_the_level_alone_does(tmp_path, target, actual):
    """rt31 r9 c2/c3/k3/k4: as 合格 | 合格率100% and 良好及以上 | 良好（考核92分） are, met — full
    25, 总分 99.98, 优 (before: no 总分 and no finding at all)."""
    path, evaluation = _quality(tmp_path, target, actual)
    assert findings(path) == []
    assert (evaluation.total, evaluation.grade) == (99.98, "优")


@pytest.mark.parametrize(("target", "actual", "message"), [
    ("≥良好", "92%", "是定性指标，完成值却是数值“92%”，应写达成/部分达成/未达成"),
    ("≥满意", "96%", "是定性指标，完成值却是数值“96%”，应写达成/部分达成/未达成"),
    ("≥满意", "满意度96%", "是定性指标，完成值“满意度96%”只写了数量，未写明是否达成，"
                        "应写达成/部分达成/未达成")])
def test_a_level_with_at_least_answered_by_a_number_alone_is_told(tmp_path, target, actual, message):
    """rt31 r9 c7/k1/k5: as 满意及以上 | 96% is, JX204 (no 总分); before: no finding."""
    path, evaluation = _quality(tmp_path, target, actual)
    assert [(item.code, item.message) for item in findings(path)] == [("JX204", f"“工程质量”{message}")]
    assert evaluation.total is None


def test_the_b_grade_with_a_sign_stays_unread(tmp_path):
    """≥B级 names no level of the quality words: JX203 as before."""
    path, _ = _quality(tmp_path, "≥B级", "B级")
    assert "JX203" in {item.code for item in findings(path)}


def _income(tmp_path, name, target, actual):
    """The Putuo table with its 效益 row (30 points) a change on last year."""
    path = standard(tmp_path / "t.xlsx", rows=rows((3, {"name": name, "target": target,
                                                         "actual": actual, "score": 30})))
    return path, evaluate(read_tables(path)[0])


@pytest.mark.parametrize(("name", "target", "actual"), [
    ("农民人均收入", "≥0%", "较上年增长3.2%"),          # rt31 r1 d1
    ("农民人均收入增长", "≥0%", "较上年增长3.2%"),      # d2
    ("耕地面积不减少", "≥0%", "较上年增长0.5%"),        # d3
    ("农民人均收入不下降", "≥0%", "较上年增长3.2%"),    # c11
    ("农民人均收入不下降", "＞0%", "同比增长3.2%"),
    ("农民人均收入", "不减少", "较上年增长3.2%"),
    ("农民人均收入", "不下降", "较上年增长3.2%"),
    ("农民人均收入不下降", "不低于上年", "较上年增长3.2%"),  # d5 (met before too)
])
def test_a_rise_meets_a_floor_of_nothing(tmp_path, name, target, actual):
    """A level of ≥0 % is no target: it is the change, at least none. By hand 3.2 % ≥ 0 %,
    met, 30 of 30, 总分 99.98, 优 (before: JX204 “单位“%”与完成值单位“%（较上年提高）”无法
    比较”, no total)."""
    path, evaluation = _income(tmp_path, name, target, actual)
    assert findings(path) == []
    assert (evaluation.total, evaluation.grade) == (99.98, "优")


def test_a_rise_still_answers_no_level_to_reach(tmp_path):
    """≥90% is a level: 较上年增长3.2% beside it compares with nothing (JX204, as before)."""
    path, evaluation = _income(tmp_path, "服务覆盖率", "≥90%", "较上年增长3.2%")
    assert "JX204" in {item.code for item in findings(path)}
    assert evaluation.total is None


def test_a_fall_on_last_year_misses_a_floor_of_nothing(tmp_path):
    """≥0% beside 较上年下降3.2%: a rise of −3.2 %, below 0 — not met, as −2% is; 30 × (−3.2
    ÷ 0) means nothing, so the 未达成 band, 0–60 % of 30: 0–18; full marks are JX402 and
    JX408, 总分 69.98–87.98 (before: JX204 units “%” and “%（下降）” not comparable)."""
    path, evaluation = _income(tmp_path, "农民人均收入", "≥0%", "较上年下降3.2%")
    found = {item.code: item.message for item in findings(path)}
    assert {"JX402", "JX408"} <= set(found) and "JX204" not in found
    assert "得分应在 0–18 之间，填写为 30" in found["JX408"]
    assert evaluation.total is None and evaluation.total_range == (69.98, 87.98)


@pytest.mark.parametrize(("name", "target", "actual"), [
    ("安全事故发生率", "≥0%", "较上年下降3.2%"),  # rt31 r9 d1
    ("投诉率", "≥0%", "较上年下降50%"),            # d9
    ("群众投诉量", "≥0件", "较上年下降20件"),      # h5
    ("单位能耗", "≥0%", "较上年下降3%")])
def test_a_fall_meets_a_floor_of_nothing_where_less_is_better(tmp_path, name, target, actual):
    """Under a name of what is better less (发生率, 投诉, 能耗) a floor of nothing is a fall of
    at least nothing, as under a name of a fall (门诊次均费用较上年下降): 3.2 ≥ 0, met, 30 of
    30, 总分 99.98, 优 (before: JX402 and JX408, 未达成 — a fall of an accident rate)."""
    path, evaluation = _income(tmp_path, name, target, actual)
    assert findings(path) == []
    assert (evaluation.total, evaluation.grade) == (99.98, "优")


@pytest.mark.parametrize("actual", ["持平", "与上年持平", "较上年持平"])
def test_no_change_meets_a_floor_of_nothing(tmp_path, actual):
    """rt31 r9 d3/d4: ≥0% beside 持平 — a change of 0, at least none: met, 30 of 30, 总分
    99.98 (before: JX204 “完成值“持平”却不是数值”, no total)."""
    path, evaluation = _income(tmp_path, "农民人均收入", "≥0%", actual)
    assert findings(path) == []
    assert (evaluation.total, evaluation.grade) == (99.98, "优")
