"""A 分值 merged down over a 二级 group's rows (one ``45`` for two rows) — red team
rt14-a D2. Before: the first row had 45 points and the second none: false JX106
分值缺失, JX403/JX405 on the first row, no total, and an unmet row at full marks
missed. Now the rows share the points equally (JX109 says so), ``jixiao.read.merged_points``."""

from __future__ import annotations

import pytest
from test_real_shapes import checked, codes
from workbooks import PUTUO_1_ROWS, standard

MERGED = ("一级指标", "二级指标", "分值")


def _rows(second=None, first_score=22.5, second_score=22.5, second_reason=None):
    """PUTUO_1 with its 质量 and 时效 rows one 质量指标 group of 45 points, merged."""
    rows = [list(row) for row in PUTUO_1_ROWS]
    rows[1][5:7] = [45, first_score]
    rows[2][1], rows[2][5], rows[2][6], rows[2][7] = "质量指标", None, second_score, second_reason
    if second:
        rows[2][2:5] = second
    return [tuple(row) for row in rows]


def test_a_merged_weight_is_shared_by_its_rows(tmp_path):
    table, data = checked(standard(tmp_path / "t.xlsx", rows=_rows(), merged=MERGED))
    assert codes(data) == ["JX109"]
    assert [i.weight for i in table.indicators] == [5, 22.5, 22.5, 30, 10]
    assert data["total_computed"] == 99.98
    [note] = data["findings"]
    assert note["cell"] == "G12" and "按每行 22.5 分核对" in note["message"]


def test_an_unmet_row_at_full_marks_in_the_group_is_still_an_error(tmp_path):
    rows = _rows(second=("培训次数", "≥10次", "8次"))
    _, data = checked(standard(tmp_path / "t.xlsx", rows=rows, merged=MERGED))
    [unmet] = [item for item in data["findings"] if item["code"] == "JX402"]
    assert unmet["cell"] == "H13" and "却得满分 22.5" in unmet["message"]
    assert "JX106" not in codes(data) and "JX403" not in codes(data)


def test_a_merged_group_score_is_given_to_its_rows_by_the_rules(tmp_path):
    """得分 merged too: 45 over two rows, one of them unmet → JX402 at the merged cell;
    43 (the rules' 22.5 + 18 would be 40.5) → the unmet row's share checked."""
    rows = _rows(second=("培训次数", "≥10次", "8次"), first_score=45, second_score=None)
    merged = (*MERGED, "得分")
    _, data = checked(standard(tmp_path / "t.xlsx", rows=rows, merged=merged))
    [unmet] = [item for item in data["findings"] if item["code"] == "JX402"]
    assert unmet["cell"] == "H12"
    rows = _rows(second=("培训次数", "≥10次", "8次"), first_score=40.5, second_score=None,
                 second_reason="下半年停训两次")
    _, data = checked(standard(tmp_path / "t.xlsx", rows=rows, merged=merged,
                               total=(100, 95.48)))
    assert codes(data) == ["JX109"], data["findings"]


# rt24-d: 20 points merged over 数量指标's two rows (G12:G13) scored by the unit's own
# split. Before: the group was dropped — G12 read as 20, G13 as empty: false JX106 at G13,
# JX403/JX405 on the first row against 20, no total, and a group above its points missed.
def _split_rows(first_score, second_score, reason="部分农户外出务工，未及时申领"):
    rows = [list(row) for row in PUTUO_1_ROWS]
    rows[1:3] = [["产出指标", "数量指标", "农民实用技术培训人数", "≥500人次", "520人次", 20,
                  first_score, None],
                 ["产出指标", "数量指标", "耕地地力补贴发放户数", "≥1200户", "1180户", None,
                  second_score, reason],
                 ["产出指标", "时效指标", "资金拨付及时性", "及时", "达成指标", 25, 25, None]]
    total = round(5 + first_score + second_score + 25 + 30 + 10 + 9.98, 2)
    return [tuple(row) for row in rows], (100, total)


def _split_table(tmp_path, first_score, second_score, **options):
    rows, total = _split_rows(first_score, second_score, **options)
    return checked(standard(tmp_path / "t.xlsx", rows=rows, merged=MERGED, total=total))


def _finding(data, code):
    [item] = [item for item in data["findings"] if item["code"] == code]
    return item["cell"], item["message"]


def test_scores_split_unevenly_keep_the_merged_points_one_group(tmp_path):
    """10.5 + 9.33 of 20 (the unit's 10.5 / 9.5): no share of 10 is held against a row."""
    table, data = _split_table(tmp_path, 10.5, 9.33)
    assert codes(data) == ["JX109"], data["findings"]
    assert _finding(data, "JX109") == (
        "G12", "“数量指标”2 行的分值合并写为 20，各行分值未写明；各行得分（10.5、9.33）不是"
               "平均分配，按这 2 行的得分合计核对，总分按每行 10 分计算")
    assert [i.weight for i in table.indicators][1:3] == [10, 10]
    assert data["total_computed"] == 99.81  # 5 + 10 + 9.83 + 25 + 30 + 10 + 9.98 (rules)


def test_a_group_scored_above_its_merged_points_is_jx401(tmp_path):
    """12 + 10 = 22 of 20, the unmet row at full share: the group's excess and full marks."""
    _, data = _split_table(tmp_path, 12, 10)
    assert codes(data) == ["JX109", "JX401", "JX402"], data["findings"]
    assert _finding(data, "JX401") == (
        "H12", "“数量指标”2 行合用的分值 20（各行得分 12、10）：得分合计 22 大于分值 20")
    assert _finding(data, "JX402") == (
        "H13", "“耕地地力补贴发放户数”未达到指标值（指标值 ≥1200户，完成值 1180户），“数量指标”"
               "2 行合用的分值 20（各行得分 12、10），得分合计 22，却是满分；未达到的行应按完成比例扣分")
    assert data["total_computed"] == 99.81


def test_a_group_that_lost_points_needs_a_reason_on_one_of_its_rows(tmp_path):
    _, data = _split_table(tmp_path, 10.5, 9.33, reason=None)
    assert codes(data) == ["JX109", "JX405"], data["findings"]
    assert _finding(data, "JX405") == (
        "I13", "“数量指标”2 行合用的分值 20（各行得分 10.5、9.33）：得分合计 19.83，扣 0.17 分，"
               "各行均未说明偏差原因")


def test_a_group_met_on_every_row_but_short_of_its_points_is_jx403(tmp_path):
    rows, total = _split_rows(12, 7)
    rows[2] = (*rows[2][:4], "1250户", *rows[2][5:])
    _, data = checked(standard(tmp_path / "t.xlsx", rows=rows, merged=MERGED, total=total))
    assert codes(data) == ["JX109", "JX403"], data["findings"]
    assert _finding(data, "JX403") == (
        "H12", "“数量指标”2 行合用的分值 20（各行得分 12、7）：各行均已达到指标值，得分合计 19 "
               "却低于分值 20")


def test_an_even_split_under_merged_points_is_unchanged(tmp_path):
    """The neighbour: 10 + 9.83 (the rules' at 10 each) stays a JX109 note only."""
    _, data = _split_table(tmp_path, 10, 9.83)
    assert codes(data) == ["JX109"], data["findings"]
    assert _finding(data, "JX109") == (
        "G12", "“数量指标”2 行的分值合并写为 20，各行分值未写明，按每行 10 分核对")


# rt24-f s10/s11: 10 merged over three 成本指标 rows (G12:G14). Before: each row's share was
# 10/3 and each met row scored 3.33 — the group 9.99, a table at exactly 90 computed 89.99
# (良); the unit's own even split to the cent (3.34, 3.33, 3.33) was read as a split of its
# own (JX109 “不是平均分配”); a merged 得分 of 10 gave its rows 3.33 each (false JX103/JX501).
def _cost_table(tmp_path, scores, merged=MERGED):
    """The three rows met, the rest of the table adding up to 80 (9.98 of the money)."""
    first, second, third = scores
    rows = [("产出指标", "数量指标", "预算资金执行率", "≥90.00(%)", "99.80(%)", 5, 5, None),
            ("产出指标", "成本指标", "场地成本", "≤5万元", "4.5万元", 10, first, None),
            ("产出指标", "成本指标", "师资成本", "≤3万元", "2.8万元", None, second, None),
            ("产出指标", "成本指标", "教材成本", "≤1万元", "0.9万元", None, third, None),
            ("产出指标", "时效指标", "资金拨付及时性", "及时", "达成指标", 35, 35, None),
            ("效益指标", "社会效益指标", "覆盖率", "≥100%", "70.07%", 30, 21.02,
             "部分乡镇未覆盖，下年扩大范围"),
            ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "81%", 10, 9,
             "办理流程繁琐，下年简化")]
    total = round(80 + sum(score or 0 for score in scores), 2)
    return checked(standard(tmp_path / "t.xlsx", rows=rows, merged=merged, total=(100, total),
                            grade="优" if total >= 90 else "良"))


@pytest.mark.parametrize("scores", [(3.34, 3.33, 3.33), (3.33, 3.34, 3.33)])
def test_an_even_split_to_the_cent_is_even_and_adds_up_to_the_merged_points(tmp_path, scores):
    """The higher cent goes to the row the unit gave it: no row above its share."""
    table, data = _cost_table(tmp_path, scores)
    assert codes(data) == ["JX109"], data["findings"]
    assert [i.weight for i in table.indicators][1:4] == list(scores)
    shares = "、".join(f"{score:g}" for score in scores)
    assert _finding(data, "JX109") == (
        "G12", f"“成本指标”3 行的分值合并写为 10，各行分值未写明，按各行 {shares} 分核对")
    assert (data["total_declared"], data["total_computed"], data["grade_computed"]) == (
        90, 90, "优")


def test_a_group_met_on_every_row_earns_its_whole_merged_points(tmp_path):
    """The unit rounded each row down (3.33 × 3 = 9.99): the rules give the group 10, and
    no row's deduction is reported against the 3.34 jixiao gave the first row — but the
    grade the unit lost by it (89.99 良, by the rules 90 优) is JX502's, an error: the
    rules' total moved by a cent only."""
    table, data = _cost_table(tmp_path, (3.33, 3.33, 3.33))
    assert codes(data) == ["JX109", "JX502"], data["findings"]
    assert [f["severity"] for f in data["findings"] if f["code"] == "JX502"] == ["error"]
    assert [i.weight for i in table.indicators][1:4] == [3.34, 3.33, 3.33]
    assert (data["total_declared"], data["grade_declared"]) == (89.99, "良")
    assert (data["total_computed"], data["grade_computed"]) == (90, "优")


def test_a_split_of_the_units_own_counts_the_merged_points_whole(tmp_path):
    """4 + 3 + 3 of 10: judged as a group, the total from shares that add up to 10."""
    _, data = _cost_table(tmp_path, (4, 3, 3))
    assert codes(data) == ["JX109"], data["findings"]
    assert _finding(data, "JX109") == (
        "G12", "“成本指标”3 行的分值合并写为 10，各行分值未写明；各行得分（4、3、3）不是平均"
               "分配，按这 3 行的得分合计核对，总分按各行 3.34、3.33、3.33 分计算")
    assert (data["total_computed"], data["grade_computed"]) == (90, "优")


def test_two_rows_at_the_higher_cent_are_above_the_merged_points(tmp_path):
    """The neighbour: 3.34 + 3.34 + 3.33 is 10.01 of 10 — not the even split, JX401."""
    _, data = _cost_table(tmp_path, (3.34, 3.34, 3.33))
    assert codes(data) == ["JX109", "JX401"], data["findings"]
    assert _finding(data, "JX401") == (
        "H12", "“成本指标”3 行合用的分值 10（各行得分 3.34、3.34、3.33）：得分合计 10.01 大于分值 10")
    assert data["total_computed"] == 90


def test_a_merged_group_score_is_given_out_to_the_cent(tmp_path):
    """得分 merged too: 10 (all met) is 3.34 + 3.33 + 3.33; 9.5 is 3.17 + 3.17 + 3.16,
    adding up to what the unit wrote (no JX103 小计 or JX501 总分 a cent off)."""
    merged = (*MERGED, "得分")
    table, data = _cost_table(tmp_path, (10, None, None), merged=merged)
    assert codes(data) == ["JX109"], data["findings"]
    assert [i.score_declared for i in table.indicators][1:4] == [3.34, 3.33, 3.33]
    assert data["total_computed"] == 90
    table, data = _cost_table(tmp_path, (9.5, None, None), merged=merged)
    assert [i.score_declared for i in table.indicators][1:4] == [3.17, 3.17, 3.16]
    assert "JX103" not in codes(data) and "JX501" not in codes(data), data["findings"]
