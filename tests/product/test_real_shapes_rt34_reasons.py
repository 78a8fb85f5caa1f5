"""Round 34: one rule for whether a text is a reason, and a message that shows it.

A 备注 on the deducted row alone that only names a data source or method (第三方问卷调查,
问卷调查300份) explains nothing, as it did not beside 备注 on full rows (rt28); “是”,
“客观原因”, “已整改” name no cause, as “否”, “无” and “已完成” did not; a note under the
table whose 原因： is followed only by such words (执行率未达90%原因：已完成) leaves the
低 执行率 unexplained (JX306). Where the 偏差原因 cell holds something that is no reason
(／, ——, 无), JX405 quotes it rather than calling the cell empty."""

import pytest
from test_real_shapes import checked
from test_real_shapes_remarks import (
    COST,
    SATISFACTION,
    SHARE,
    _deducted,
    _found,
    _medical,
    _noted,
    _told,
)

from jixiao.model import _gives_cause, unexplained

CAUSE = "因参保人数增加，经办成本上升"


@pytest.mark.parametrize("remark", ["第三方问卷调查", "问卷调查300份", "抽样调查", "统计报表",
                                    "数据来源于统计年报"])
def test_a_source_in_the_only_remark_is_no_reason(tmp_path, remark):
    """No full row has a 备注 (no notes column): the deducted row's source is still no
    reason (before: taken as the reason, no finding — v05h, v05e, v05f)."""
    _, data = checked(_medical(tmp_path, {COST: CAUSE, SHARE: remark}))
    assert _told(data) == [
        ("JX405", "I17", "“参保群众满意度”扣 0.56 分（9.44/10），未说明偏差原因"
                         f"（备注列的“{remark}”不是偏差原因）")]


def test_a_cause_in_the_only_remark_is_still_a_reason(tmp_path):
    _, data = checked(_medical(tmp_path, {COST: CAUSE, SHARE: "问卷调查显示群众对报销时限不满意"}))
    assert _told(data) == []


@pytest.mark.parametrize("reason", ["是", "客观原因", "由于客观原因", "其他原因", "已整改",
                                    "已整改到位"])
def test_words_naming_no_cause_are_no_reason(tmp_path, reason):
    """As “否”, “无”, “已完成” (before: no finding — v1_17)."""
    _, data = checked(_deducted(tmp_path, reason, None))
    assert _found(data) == [("JX405", f"I{SATISFACTION}")]
    assert data["findings"][0]["message"] == (
        f"“服务对象满意度”扣 1.05 分（8.95/10），偏差原因只写了“{reason}”，未说明原因")


@pytest.mark.parametrize("reason", ["/", "——", "无", "否"])
def test_a_placeholder_in_the_reason_cell_is_quoted(tmp_path, reason):
    """The clerk sees a filled cell: the message says what it holds."""
    _, data = checked(_deducted(tmp_path, reason, None))
    assert data["findings"][0]["message"] == (
        f"“服务对象满意度”扣 1.05 分（8.95/10），偏差原因只写了“{reason}”，未说明原因")


@pytest.mark.parametrize("reason", ["是", "客观原因", "已整改", "第三方问卷调查", "问卷调查300份",
                                    "未能完成"])
def test_unexplained(reason):
    assert unexplained(reason)


@pytest.mark.parametrize("reason", ["因客观原因（汛期）停课1期", "问卷调查样本偏少", "整改期间停业2个月",
                                    "统计口径调整", "部分学员基础薄弱", "主观原因，重视不够",
                                    "主观原因，重视程度不够", "宣传不到位", "重视不足"])
def test_explained(reason):
    assert not unexplained(reason)


@pytest.mark.parametrize("note", ["说明：执行率未达90%原因：已完成", "备注：执行率偏低的原因：无",
                                  "说明：执行率未达90%原因：是"])
def test_a_note_whose_cause_says_nothing_leaves_the_rate_unexplained(tmp_path, note):
    """The same rule as for a 偏差原因 cell (before: JX306 cleared — v9_f5)."""
    _, data = checked(_noted(tmp_path, note))
    assert ("JX306", "G6") in _found(data)


def test_a_note_whose_cause_gives_one_still_explains_the_rate(tmp_path):
    _, data = checked(_noted(tmp_path, "说明：执行率未达90%原因：2所学校撤并，20万元未支出"))
    assert ("JX306", "G6") not in _found(data)


@pytest.mark.parametrize("reason", ["重视不够", "重视程度不够", "宣传力度不到位"])
def test_a_measure_word_followed_by_a_shortfall_is_a_cause(reason):
    """rt34 review: 主观原因，重视不够 read as a measure to come (重视 at a clause start) —
    a measure word followed by 不够/不足/不到位 is the shortfall, a cause."""
    assert not unexplained(reason)
    assert _gives_cause(f"主要是主观原因，{reason}")


@pytest.mark.parametrize("reason", ["下一步加强管理", "持续改进", "进一步重视宣传工作"])
def test_a_measure_to_come_is_still_no_cause(reason):
    assert unexplained(reason)
