"""Round 26 e: words beside a deduction that say the work was done, on plan, well or
nearly, or only what will be done, are no 偏差原因 — in the row's own cell and in a
偏差原因 row under the table alike (each test fails on 6978153)."""

import pytest
from test_real_shapes import checked, codes
from test_real_shapes_round16 import CLOSING, HEAD, ROWS
from workbooks import grid_book

HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
          "偏差原因分析及改进措施"]
FIRST = len(HEAD) + 2  # the 培训人数 row
SATISFACTION = len(HEAD) + 1 + len(ROWS)  # 参训人员满意度: 85% of ≥90%, 9.44 of 10


def _table(path, rows, below=()):
    closing = [CLOSING[0][:1] + [None] * 4 + [100, round(9.8 + sum(r[6] for r in rows), 2)],
               CLOSING[1]]
    return grid_book(path, [*HEAD, HEADER, *map(list, rows), *closing, *([line] for line in below)])


def _last_reason(reason):
    return [*ROWS[:-1], (*ROWS[-1][:7], reason)]


def _found(data):
    return [(item["code"], item["cell"], item["severity"]) for item in data["findings"]]


@pytest.mark.parametrize("reason", [
    "按计划完成", "达到预期", "基本完成", "基本达到预期", "较好完成", "圆满完成", "基本达标",
    "已达到", "符合要求", "良好", "正常推进", "偏差较小", "略有偏差",
    "各项指标均按计划完成。", "项目整体达到预期目标，下一步继续加强管理。", "无，下年度进一步完善"])
def test_a_deduction_beside_words_of_completion_is_unexplained(tmp_path, reason):
    """9.44 of 10 beside 按计划完成 / 偏差较小 …: JX405 (before: counted as a reason, the
    file passed)."""
    _, data = checked(_table(tmp_path / "t.xlsx", _last_reason(reason)))
    assert _found(data) == [("JX405", f"H{SATISFACTION}", "error")]


@pytest.mark.parametrize("reason", ["持续改进", "下一步将加强培训组织，提高培训质量。"])
def test_a_deduction_beside_measures_only_is_a_warning(tmp_path, reason):
    """9.44 of 10 beside measures to come and no cause: the column is filled, the analysis
    missing — a JX405 warning saying so (before: counted as a reason, the file passed)."""
    _, data = checked(_table(tmp_path / "t.xlsx", _last_reason(reason)))
    assert _found(data) == [("JX405", f"H{SATISFACTION}", "warning")]
    assert f"偏差原因只写了改进措施“{reason}”，未分析未达到的原因" in data["findings"][0]["message"]


@pytest.mark.parametrize("reason", [
    "因疫情停课2周", "受汛期影响", "部分学员基础薄弱", "资金下达较晚", "汛期停课，下年加强宣传",
    "指标值设置偏低", "1期未开展"])
def test_a_cause_in_any_words_still_explains(tmp_path, reason):
    _, data = checked(_table(tmp_path / "t.xlsx", _last_reason(reason)))
    assert codes(data) == []


@pytest.mark.parametrize("reason", ["按计划完成", "良好", "持续改进", None])
def test_a_full_marks_row_with_any_text_is_fine(tmp_path, reason):
    rows = [(*ROWS[0][:7], reason), *_last_reason("部分学员对课程安排不满意")[1:]]
    _, data = checked(_table(tmp_path / "t.xlsx", rows))
    assert codes(data) == []


@pytest.mark.parametrize("reason", ["超额完成", "达到预期"])
def test_far_beyond_the_target_said_only_to_be_done_is_unexplained(tmp_path, reason):
    """1200 of ≥500 people with 超额完成 alone says what, not why (DOMAIN: a target
    exceeded by far must be explained): JX206 (before: silent)."""
    rows = [(*ROWS[0][:4], "1200人", *ROWS[0][5:7], reason), *_last_reason("部分学员基础薄弱")[1:]]
    _, data = checked(_table(tmp_path / "t.xlsx", rows))
    assert _found(data) == [("JX206", f"H{FIRST}", "warning")]
    rows[0] = (*rows[0][:7], "上级追加返乡人员培训任务，下年调高目标")
    _, data = checked(_table(tmp_path / "u.xlsx", rows))
    assert codes(data) == []


@pytest.mark.parametrize("line", [
    "偏差原因：各项指标均按计划完成", "偏差原因：达到预期",
    "偏差原因分析及改进措施：本项目各项指标完成情况良好。",
    "偏差原因分析及改进措施：下一步将加强培训组织，提高培训质量。"])
def test_a_table_wide_reason_row_saying_no_cause_explains_nothing(tmp_path, line):
    """A 偏差原因 row under the table denying any shortfall (an error), or giving measures
    only (a warning): each deduction is JX405 (before: every one counted as explained)."""
    _, data = checked(_table(tmp_path / "t.xlsx", _last_reason(None), below=[line]))
    severity = "warning" if "下一步" in line else "error"
    assert _found(data) == [("JX405", f"H{SATISFACTION}", severity)]


def test_a_pointer_to_the_report_is_a_warning(tmp_path):
    """偏差原因 “详见自评报告”: the cause may be in the report, it is not in the table —
    a JX405 warning naming it (before: silent)."""
    for name, rows, below in [("own.xlsx", _last_reason("详见自评报告"), ()),
                              ("row.xlsx", _last_reason(None), ["偏差原因：详见自评报告"])]:
        _, data = checked(_table(tmp_path / name, rows, below=below))
        assert [(item["code"], item["cell"], item["severity"], item["message"])
                for item in data["findings"]] == [
            ("JX405", f"H{SATISFACTION}", "warning",
             "“参训人员满意度”扣 0.56 分，偏差原因只写了“详见自评报告”，表中未写明原因"
             "（请核对所指的材料，或在表中写明原因）")]


def _two_short():
    rows = [list(row) for row in _last_reason(None)]
    rows[1][4:7] = ["92%", 15, 14.53]  # 培训合格率 92% of ≥95%
    return rows


def test_a_numbered_reason_list_explains_only_the_indicators_it_names(tmp_path):
    """偏差原因：1.培训合格率…；2.培训人数… — the 满意度 it does not name is JX405 with the
    hint (before: the list silenced every deduction)."""
    line = "偏差原因：1.培训合格率未达标，因部分学员基础薄弱；2.培训人数不足，因汛期停课。"
    _, data = checked(_table(tmp_path / "t.xlsx", _two_short(), below=[line]))
    assert [(item["code"], item["cell"], item["message"]) for item in data["findings"]] == [
        ("JX405", f"H{SATISFACTION}",
         "“参训人员满意度”扣 0.56 分（9.44/10），未说明偏差原因（表下偏差原因未写明该指标）")]
    named = line[:-1] + "；3.参训人员满意度偏低，因课程安排不合理。"
    _, data = checked(_table(tmp_path / "u.xlsx", _two_short(), below=[named]))
    assert codes(data) == []


def test_a_reason_row_of_one_text_explains_only_the_indicator_it_names(tmp_path):
    """偏差原因：培训合格率未达标，因… names the one it explains, as a 备注 row would: the
    满意度 (10 × 85/90 = 9.44) is JX405 with the hint (rt28; rt26e read one text as the
    whole table's)."""
    line = "偏差原因：培训合格率未达标，因部分学员基础薄弱。"
    _, data = checked(_table(tmp_path / "t.xlsx", _two_short(), below=[line]))
    assert [(item["code"], item["cell"], item["message"]) for item in data["findings"]] == [
        ("JX405", f"H{SATISFACTION}",
         "“参训人员满意度”扣 0.56 分（9.44/10），未说明偏差原因（表下偏差原因未写明该指标）")]


@pytest.mark.parametrize("line", [
    "偏差原因：部分学员基础薄弱，因汛期停课。",  # one text naming none: the table's
    "偏差原因：1.第2项指标未达标，因学员基础薄弱；2.第7项指标偏低，因课程安排不合理。",
    "偏差原因：1.培训合格率未达标，因部分学员基础薄弱；2.其他指标因汛期停课略有下降。"])
def test_a_reason_row_not_listing_by_name_still_explains_every_shortfall(tmp_path, line):
    _, data = checked(_table(tmp_path / "t.xlsx", _two_short(), below=[line]))
    assert codes(data) == []
