"""Round 28 (r5): where a reason stands is not all that tells whether it explains.

A cause in the 备注 of a deducted row counts though the 备注 of full-score rows holds
data sources (问卷调查300份, 县水务局组织验收); a 备注 that is only such a note is set
aside, and JX405 says so. A 偏差原因 row under the table that names what it explains
(偏差原因：预算执行率86%，因…) explains that only, as a 备注 or 说明 row does."""

import pytest
from test_real_shapes import checked, codes
from test_real_shapes_remarks import COST, SHARE, _medical, _told
from test_real_shapes_round16 import CLOSING, HEAD, ROWS
from workbooks import grid_book

# ------------------------------------------------------------ a cause in a notes column

SOURCES = {0: "医保信息系统", 1: "问卷调查300份", 2: "县水务局组织验收"}  # full-score rows
BRIDGE = "因涉河审批延后，1座危桥改造延至2024年"


def test_a_cause_in_the_remark_counts_beside_notes_on_full_rows(tmp_path):
    """经办服务成本 110万元 of ≤100万元: 10 × (1 − 10/100) = 9; 参保群众满意度 85% of
    ≥90%: 10 × 85/90 = 9.44. Both causes in the 备注, sources in the 备注 of full rows:
    no finding (before: JX405 at I14 and I17, the 备注 set aside as a notes column)."""
    remarks = {**SOURCES, COST: "因参保人数增加，经办成本上升", SHARE: BRIDGE}
    table, data = checked(_medical(tmp_path, remarks))
    assert _told(data) == []
    assert table.indicators[COST].reason == "因参保人数增加，经办成本上升"
    assert table.indicators[COST].sources["reason"].cell == "J14"
    assert table.indicators[SHARE].sources["reason"].cell == "J17"


def test_a_source_in_the_remark_of_a_deducted_row_is_said_to_be_no_reason(tmp_path):
    """The 满意度's 备注 is a source (第三方问卷调查), like the full rows': set aside, and
    the JX405 message says so; the 成本's cause still counts."""
    remarks = {**SOURCES, COST: "因参保人数增加，经办成本上升", SHARE: "第三方问卷调查"}
    _, data = checked(_medical(tmp_path, remarks))
    assert _told(data) == [
        ("JX405", "I17", "“参保群众满意度”扣 0.56 分（9.44/10），未说明偏差原因"
                         "（备注列的“第三方问卷调查”不是偏差原因）")]


@pytest.mark.parametrize("remark", ["受益群众问卷调查", "统计年报", "按季度抽查"])
def test_a_note_of_how_the_value_was_got_is_no_cause(tmp_path, remark):
    """No cause word (受益 is no 受…影响): the 备注 is a note, as the full rows' are."""
    _, data = checked(_medical(tmp_path, {**SOURCES, COST: "因参保人数增加，经办成本上升",
                                          SHARE: remark}))
    assert [(code, cell) for code, cell, _ in _told(data)] == [("JX405", "I17")]
    assert f"（备注列的“{remark}”不是偏差原因）" in _told(data)[0][2]


def test_a_description_in_the_remark_is_said_to_be_no_reason(tmp_path):
    """No notes column (no full row has a 备注): 数据来源：… on the deducted row is still
    no reason, and JX405 names it."""
    _, data = checked(_medical(tmp_path, {COST: "数据来源：财务决算报表", SHARE: BRIDGE}))
    assert _told(data) == [
        ("JX405", "I14", "“经办服务成本”扣 1 分（9/10），未说明偏差原因"
                         "（备注列的“数据来源：财务决算报表”不是偏差原因）")]


# ------------------------------------------------ a 偏差原因 row naming what it explains

# The round-16 training table with its 执行率 at 86% (10 × 86% = 8.6) and 按期完成率 90%
# of ≥95% (10 × 90/95 = 9.47), 偏差原因 empty; 满意度 9.44 explained in its row:
# 8.6 + 20 + 15 + 9.47 + 5 + 20 + 10 + 9.44 = 97.51
LOW_HEAD = [*HEAD[:-1], ["年度资金总额", 100, 100, 86, 10, "86%", 8.6]]
HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
          "偏差原因分析及改进措施"]
LATE = 10  # the 按期完成率 row
LATE_ROWS = [*ROWS[:2], ("产出指标", "时效指标", "按期完成率", "≥95%", "90%", 10, 9.47, None),
             *ROWS[3:]]
RATE_ONLY = "预算执行率86%，因部分设施采购项目招标流标，资金未能在年内支付完毕；下一步加快采购进度。"


def _late(path, line):
    closing = [CLOSING[0][:1] + [None] * 4 + [100, 97.51], CLOSING[1]]
    return grid_book(path, [*LOW_HEAD, HEADER, *map(list, LATE_ROWS), *closing, [line]])


@pytest.mark.parametrize(("label", "where"), [
    ("偏差原因：", "偏差原因"), ("偏差原因分析及改进措施：", "偏差原因"), ("未完成原因：", "偏差原因"),
    ("备注：", "备注"), ("说明：", "备注")])
def test_a_reason_row_naming_only_the_rate_leaves_the_indicator_unexplained(tmp_path, label, where):
    """The r5 w4/z3 shape: the row explains the 执行率 (no JX306) and not 按期完成率 —
    JX405 as for 备注：/说明： (before: 偏差原因： silenced every deduction)."""
    table, data = checked(_late(tmp_path / "t.xlsx", label + RATE_ONLY))
    assert [(item["code"], item["cell"], item["message"]) for item in data["findings"]] == [
        ("JX405", f"H{LATE}",
         f"“按期完成率”扣 0.53 分（9.47/10），未说明偏差原因（表下{where}未写明该指标）")]
    assert data["total_computed"] == 97.51


@pytest.mark.parametrize("line", [
    "偏差原因：受汛期影响，部分培训延期，资金未能按期支付。",  # no indicator, nor the 执行率 by name
    "偏差原因：预算执行率86%，因招标流标；其他指标受汛期影响略有下降。",  # a cause for no one named
    "偏差原因：预算执行率86%，因招标流标；按期完成率90%，因汛期停课2周。",  # both named
    "偏差原因：按期完成率未达标。原因是汛期停课2周；执行率偏低因招标流标。"])  # the cause follows
def test_a_reason_row_explaining_every_shortfall_still_does(tmp_path, line):
    _, data = checked(_late(tmp_path / "t.xlsx", line))
    assert codes(data) == []
