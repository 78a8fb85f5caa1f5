"""A 指标方向 column in the words of 一体化 exports (越大越好, 越小越好, 大于等于, 等于): the
指标值 is shown with the symbol the word means (≤20个工作日, ≥6000人, =640元/人), as 正向
and 反向 are; before, the word was glued onto the value (“指标值 越小越好20个工作日”)."""

from test_real_shapes import checked, medical_insurance

HEADER = ("一级指标", "二级指标", "三级指标", "指标方向", "年度指标值", "实际完成值", "计量单位",
          "分值", "得分", "偏差原因分析及改进措施")
ROWS = [
    ("产出指标", "数量指标", "参与学生人数", "大于等于", 6000, 5400, "人", 25, 25, None),
    ("产出指标", "时效指标", "待遇结算办结时限", "越小越好", 20, 25, "个工作日", 25, 25, None),
    ("效益指标", "社会效益指标", "人均补助标准", "等于", 640, 640, "元/人", 30, 30, None),
    ("满意度指标", "服务对象满意度指标", "参保群众满意度", "越大越好", 90, 93, "%", 10, 10, None)]


def test_direction_words_are_shown_as_their_signs(tmp_path):
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", ROWS, total=100, header=HEADER,
                                        lead=None))
    assert [item["target"] for item in data["indicators"]] == [
        "≥6000人", "≤20个工作日", "=640元/人", "≥90%"]
    assert [(item["code"], item["cell"], item["message"]) for item in data["findings"]] == [
        ("JX402", "I5", "“参与学生人数”未达到指标值（指标值 ≥6000人，完成值 5400人），却得满分 25，"
                        "按财政部规则应为 22.5（正向指标：分值 × 实际完成值 ÷ 年度指标值）"),
        ("JX402", "I6", "“待遇结算办结时限”未达到指标值（指标值 ≤20个工作日，完成值 25个工作日），"
                        "却得满分 25，按财政部规则应为 18.75（反向指标：分值 × (1 − (实际完成值 − "
                        "年度指标值) ÷ 年度指标值)）")]
    assert data["total_computed"] == 91.25


def test_a_smaller_is_better_count_is_a_ceiling(tmp_path):
    """越小越好 on a 数量指标 (投诉次数 5 次, done 3): a ceiling, full marks right (before:
    read with no sign as 正向, 3 of 5 — a false JX402 “应为 15”)."""
    rows = [ROWS[0][:5] + (6000, *ROWS[0][6:]),
            ("产出指标", "数量指标", "投诉次数", "越小越好", 5, 3, "次", 25, 25, None), *ROWS[2:]]
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", rows, total=100, header=HEADER,
                                        lead=None))
    assert data["findings"] == []
    assert data["total_computed"] == 100


# The direction column beside a 指标值 that states its own change (一体化 exports of 成本 and
# 效益 rows): 越小越好 | 较上年下降5%, 小于等于 | 下降5 | %, 越大越好 | 提高2 | 个百分点.
CHANGE_ROWS = [
    ("产出指标", "数量指标", "参与学生人数", "大于等于", 6000, 6100, "人", 25, 25, None),
    ("产出指标", "成本指标", "人均经办成本", "越小越好", "较上年下降5%", "较上年下降6%", None,
     15, 15, None),
    ("产出指标", "成本指标", "单位能耗", "小于等于", "下降5", "下降3", "%", 10, 6, "设备老化"),
    ("效益指标", "社会效益指标", "参保率", "越大越好", "提高2", "提高3", "个百分点", 30, 30, None),
    ROWS[3]]


def test_a_change_target_beside_a_direction_is_the_change_to_reach(tmp_path):
    """The sign a direction means is not glued onto a change (“≤较上年下降5%”, “≥提高2个
    百分点”: JX203 and no total before): the change as written, to reach — a fall of 3 % of
    the 5 % wanted is 10 × 3 ÷ 5 = 6; and a fall under 成本指标 is a cost's way, no JX205."""
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", CHANGE_ROWS, total=96,
                                        header=HEADER, lead=None))
    assert [item["target"] for item in data["indicators"]] == [
        "≥6000人", "较上年下降5%", "下降5%", "提高2个百分点", "≥90%"]
    assert [item["score_computed"] for item in data["indicators"]] == [25, 15, 6, 30, 10]
    assert data["findings"] == []
    assert data["total_computed"] == 96


def test_a_rise_beside_a_ceiling_is_a_ceiling_on_the_rise(tmp_path):
    """小于等于 | 增长5 | % under 成本指标: the cost 5 % higher at most, 增长≤5% (before:
    “≤增长5%”, JX203 and no total) — a rise of 4 % keeps under it, full marks."""
    rows = [*CHANGE_ROWS[:2],
            ("产出指标", "成本指标", "单位能耗", "小于等于", "增长5", "增长4", "%", 10, 10, None),
            *CHANGE_ROWS[3:]]
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", rows, total=100,
                                        header=HEADER, lead=None))
    assert data["indicators"][2]["target"] == "增长≤5%"
    assert data["indicators"][2]["score_computed"] == 10
    assert data["findings"] == []
    assert data["total_computed"] == 100


def test_a_measured_rise_over_the_ceiling_on_the_rise_is_scored(tmp_path):
    """小于等于 | 增长5 | % answered 增长7 (rt24 j d2): a rise of 7 % measured, over the
    ceiling — 10 × (1 − (7 − 5) ÷ 5) = 6, not JX203 “只说明超过” with no total."""
    rows = [*CHANGE_ROWS[:2],
            ("产出指标", "成本指标", "单位能耗", "小于等于", "增长5", "增长7", "%", 10, 6, "电价上涨"),
            *CHANGE_ROWS[3:]]
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", rows, total=96,
                                        header=HEADER, lead=None))
    assert data["indicators"][2]["target"] == "增长≤5%"
    assert data["indicators"][2]["score_computed"] == 6
    assert data["findings"] == []
    assert data["total_computed"] == 96
