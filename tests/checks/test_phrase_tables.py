"""Whole tables whose 指标值/完成值 are written as real units write them — 达到预期目标,
控制在预算范围内, 控制在 30 万元以内, 12月31日前完成, 12月底前, 2024-12-20 — are read,
scored and found correct (no JX203/JX204, a computed 总分)."""

import json

import pytest
from workbooks import PUTUO_1_ROWS, standard

from jixiao.checks import run_checks
from jixiao.model import evaluate
from jixiao.read.workbook import read_tables


def checked(path):
    (table,) = read_tables(path)
    evaluation = evaluate(table)
    return evaluation, [(finding.code, finding.message) for finding in run_checks(table, evaluation)]


def with_row(index, target, actual, level2=None):
    rows = [list(row) for row in PUTUO_1_ROWS]
    rows[index][3], rows[index][4] = target, actual
    if level2 is not None:
        rows[index][1] = level2
    return [tuple(row) for row in rows]


@pytest.mark.parametrize(("index", "target", "actual", "level2"), [
    (1, "完善", "达到预期目标", None),                        # 质量 25: 达成 → 25
    (3, "稳步提升", "达到预期效果", None),                     # 可持续影响 30 → 30
    (1, "控制在预算范围内", "控制在预算范围内", "成本指标"),   # 25 → 25
    (2, "12月31日前完成", "12月20日完成", None),              # 时效 20: on time → 20
    (2, "12月底前", "12月底前完成", None),
    (2, "2024年12月31日前完成", "2024-12-20", None),
    (2, "2024年12月31日前完成", "2024.12.20", None),
    (2, "年底前完成", "2024/12/20", None),
])
def test_phrases_read_and_scored_full(tmp_path, index, target, actual, level2):
    # 9.98 (执行率) + 5 + 25 + 20 + 30 + 10 = 99.98, as declared
    evaluation, found = checked(standard(tmp_path / "t.xlsx", rows=with_row(index, target, actual,
                                                                            level2)))
    assert found == []
    assert evaluation.scores[index].value == PUTUO_1_ROWS[index][5]
    assert evaluation.total == 99.98


def test_cost_within_a_ceiling_in_words(tmp_path):
    # 成本 25 points, ≤30 万元, actual 28.6 万元: met → 25; total 99.98
    rows = with_row(1, "控制在30万元以内", "28.6 万元", "成本指标")
    evaluation, found = checked(standard(tmp_path / "t.xlsx", rows=rows))
    assert found == [] and evaluation.scores[1].value == 25.0 and evaluation.total == 99.98


def test_cost_over_a_ceiling_in_words_is_deducted(tmp_path):
    # ≤30 万元, actual 33 万元: 25 × (1 − 3/30) = 22.5; total 9.98 + 5 + 22.5 + 20 + 30 + 10 = 97.48
    rows = with_row(1, "控制在30万元以内", "33 万元", "成本指标")
    rows[1] = (*rows[1][:6], 22.5, "超支 3 万元，下年加强预算管理")
    evaluation, found = checked(standard(tmp_path / "t.xlsx", rows=rows, total=(100, 97.48)))
    assert evaluation.scores[1].value == 22.5 and evaluation.total == 97.48
    assert [code for code, _ in found if code.startswith(("JX2", "JX4"))] == []


def test_late_yearless_deadline_is_found(tmp_path):
    # 11月底前, done 12月5日: 逾期 → 未达成 band 0–12 of 20, yet full marks declared
    _, found = checked(standard(tmp_path / "t.xlsx", rows=with_row(2, "11月底前", "12月5日完成")))
    codes = [code for code, _ in found]
    assert "JX203" not in codes and "JX204" not in codes
    assert any(code.startswith("JX4") for code in codes), found


@pytest.mark.parametrize(("actual", "score", "total"), [
    ("比较满意，部分居民反映路灯维修不及时", 7, 96.98),  # 部分达成: 6–8 of 10
    ("满意度较高，个别不满意", 10, 99.98),              # 达成, as 满意度较高 alone
])
def test_a_satisfaction_level_with_a_comment_is_read_by_the_level(tmp_path, capsys, actual, score,
                                                                  total):
    """满意 | 比较满意，部分居民反映路灯维修不及时 scored 7 was JX408 (未达成, 0–6) for the
    comment's 不及时; 满意度较高，个别不满意 with full marks JX402 and JX408."""
    from jixiao.cli.main import main

    rows = with_row(4, "满意", actual)
    rows[4] = (*rows[4][:6], score, "部分居民反映路灯维修不及时，将加强巡查" if score < 10 else None)
    path = standard(tmp_path / "t.xlsx", rows=rows, total=(100, total))
    assert main(["check", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["findings"] == []
    assert (data["total_declared"], data["total_computed"]) == (total, total)
    assert data["indicators"][4]["score_computed"] == score  # 7 within the 部分达成 band


def test_names_holding_a_change_character_and_an_age_group_are_read(tmp_path):
    """rt26 c1: a 指标值/完成值 repeating its name was unreadable (JX203, no 总分) when the
    name held 足/长/近/前/升/提/增/减/未 anywhere (足额发放率100%, 家长满意度≥90%), and an age
    group before the name read as the number (65岁及以上老年人健康管理率≥70%: “数值后还有数字”);
    a planted 96% of 足额发放率100% at full marks was missed. They are names: the value after
    them is read and scored, the planted row is JX402."""
    rows = [
        ("产出指标", "数量指标", "老年人健康管理", "65岁及以上老年人健康管理率≥70%", "72.5%", 10, 10, None),
        ("产出指标", "数量指标", "儿童健康管理", "0-6岁儿童健康管理率≥90%", "93.1%", 10, 10, None),
        ("产出指标", "质量指标", "学生近视筛查", "儿童青少年近视筛查率≥95%", "近视筛查率96%", 10, 10, None),
        ("产出指标", "质量指标", "补贴资金足额发放率", "足额发放率100%", "足额发放率96%", 10, 10, None),
        ("产出指标", "成本指标", "人均救助补助", "人均补助200元/人/月", "200元/人/月", 10, 10, None),
        ("效益指标", "可持续影响指标", "长效服务机制", "长效管理机制覆盖率100%", "100%", 20, 20, None),
        ("效益指标", "社会效益指标", "未成年人保护", "未成年人保护覆盖率100%", "100%", 10, 10, None),
        ("满意度指标", "服务对象满意度指标", "家长满意度", "家长满意度≥90%", "家长满意度95%", 10, 10, None),
    ]
    evaluation, found = checked(standard(tmp_path / "t.xlsx", rows=rows, total=(100, 99.98)))
    # 9.98 (执行率) + 10 × 3 + 9.6 + 10 + 20 + 10 + 10 = 99.58; declared 99.98 with full marks
    assert [score.value for score in evaluation.scores] == [10, 10, 10, 9.6, 10, 20, 10, 10]
    assert evaluation.total == 99.58
    assert found == [
        ("JX402", "“补贴资金足额发放率”未达到指标值（指标值 足额发放率100%，完成值 足额发放率96%），"
                  "却得满分 10，按财政部规则应为 9.6（正向指标：分值 × 实际完成值 ÷ 年度指标值）")]


def test_all_but_a_count_is_not_the_count(tmp_path):
    """rt26 c1: 除2户外全部完成 (all but 2 households) beside ≥100户 was read as 2 户: 计算
    0.1 of 5 and a false JX404 on the unit's 4.9. The count is of those left out — the text
    is left to a person (JX203); 除险加固 in a name still is a name."""
    rows = with_row(0, "≥100户", "除2户外全部完成")
    rows[0] = ("产出指标", "数量指标", "危房改造户数", *rows[0][3:6], 4.9, "2户因产权纠纷未改造")
    rows[1] = ("产出指标", "质量指标", "病险水库除险加固数量", "除险加固水库≥3座", "3座", 25, 25, None)
    evaluation, found = checked(standard(tmp_path / "t.xlsx", rows=rows, total=(100, 99.88)))
    assert [score.value for score in evaluation.scores][:2] == [None, 25.0]
    assert found == [("JX203", "“危房改造户数”的实际完成值“除2户外全部完成”：无法识别“除2户外全部完成”中的数值")]


def test_a_named_level_reached_and_a_unit_per_month_and_person(tmp_path):
    """rt26 j2 b2/b9: 差错率降低至5% was JX203 (unread) and ≤300元/月/人 beside 300元/人/月
    JX204 (无法比较): the first reads as ≤5% and scores 5 × (1 − 1/5); the second is one
    unit, met. 元/人/年 beside 元/人/月 stays JX204."""
    rows = [
        ("产出指标", "质量指标", "差错率", "差错率降低至5%", "6%", 20, 16, "原因：人手不足；改进：加强复核。"),
        ("产出指标", "成本指标", "护理补贴标准", "≤300元/月/人", "300元/人/月", 20, 20, None),
        ("产出指标", "成本指标", "生活补助标准", "≤300元/人/年", "300元/人/月", 10, 10, None),
        ("效益指标", "社会效益指标", "服务覆盖率", "≥90%", "95%", 30, 30, None),
        ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", 10, 10, None),
    ]
    evaluation, found = checked(standard(tmp_path / "t.xlsx", rows=rows, total=(100, 95.98)))
    assert [score.value for score in evaluation.scores] == [16.0, 20.0, None, 30.0, 10.0]
    assert [code for code, _ in found if code.startswith("JX2")] == ["JX204"]
    assert ("JX204", "“生活补助标准”的指标值单位“元/人/年”与完成值单位“元/人/月”无法比较") in found


@pytest.mark.parametrize(("target", "actual", "score"), [
    # 3 % over the budget (rt29 T9 G18): 25 × (1 − 0.03) = 24.25; 超支3万元 of ≤30万元 is
    # 33 万元: 25 × (1 − 3/30) = 22.5
    ("控制在预算内", "超出预算3%", 24.25),
    ("不超过批复金额", "超出批复金额3%", 24.25),
    ("≤30万元", "超支3万元", 22.5),
])
def test_cost_overrun_stated_in_words_is_scored(tmp_path, target, actual, score):
    """Before: 未达成 with JX408 (0–15 of 25) on the clerk's 24.25, or JX203 no number; now
    scored, no finding. Total 9.98 + 5 + score + 20 + 30 + 10."""
    rows = with_row(1, target, actual, "成本指标")
    rows[1] = (*rows[1][:6], score, "超出预算，下年加强预算管理")
    total = round(9.98 + 5 + score + 20 + 30 + 10, 2)
    evaluation, found = checked(standard(tmp_path / "t.xlsx", rows=rows, total=(100, total)))
    assert found == []
    assert (evaluation.scores[1].value, evaluation.total) == (score, total)


@pytest.mark.parametrize(("target", "actual"), [
    ("零超支", "零超支"),              # rt29 r7 a1
    ("不超预算", "超支0元"),           # a2
    ("≤30万元", "超出预算0%"),         # a9: 30 万元 spent, at the ceiling
    ("≤5%", "超支率0%"),              # a10: a rate of overrun of 0 % within 5 %
    ("控制在预算内", "无超支"),
    ("控制在预算内", "超支0"),
])
def test_no_overrun_is_the_budget_kept(tmp_path, target, actual):
    """Before: 零超支, 超支0元, 超出预算0% 未达成 (JX402 + JX408 “得分应在 0–15 之间”);
    超支率0% no number (JX203). Kept to: full 25, total 99.98 as declared."""
    evaluation, found = checked(standard(tmp_path / "t.xlsx",
                                         rows=with_row(1, target, actual, "成本指标")))
    assert found == []
    assert (evaluation.scores[1].value, evaluation.total) == (25.0, 99.98)


@pytest.mark.parametrize(("index", "target", "actual", "level2"), [
    (1, "符合合同约定", "超合同约定标准", "质量指标"),    # rt29 r7 a12: quality above the contract's
    (3, "达到预算数", "超出预算10%", "经济效益指标"),     # a8: revenue 10 % above the budget
])
def test_going_over_a_goal_is_not_an_overrun(tmp_path, index, target, actual, level2):
    """Before: 未达成, JX402 + JX408 on the full marks. Over what was to be reached: 达成,
    full marks (质量 25, 可持续影响 30), total 99.98 as declared."""
    evaluation, found = checked(standard(tmp_path / "t.xlsx",
                                         rows=with_row(index, target, actual, level2)))
    assert found == []
    assert (evaluation.scores[index].value, evaluation.total) == (PUTUO_1_ROWS[index][5], 99.98)
