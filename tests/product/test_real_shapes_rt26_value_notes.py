"""Round 26 e: a cause written in the 完成值 or 得分 cell (9期（因汛期停课1期）, 9（汛期停课
少办1期）, 1200人（上级追加返乡人员培训任务）) is in the wrong column, not missing: a JX405
(JX206) warning quoting it — a note that gives no cause (96%（200份问卷）, （抽样）) stays
no reason (each warning test fails on 052a4f6: an error, or a warning saying it is missing)."""

import pytest
from openpyxl import load_workbook
from test_real_shapes import checked
from test_real_shapes_round16 import ROWS
from test_real_shapes_rt26_nonreasons import FIRST, SATISFACTION, _found, _table


def _satisfaction(actual, score=9.44, reason=None):
    return [*ROWS[:-1], (*ROWS[-1][:4], actual, ROWS[-1][5], score, reason)]


def _said(data):
    return [(item["code"], item["cell"], item["severity"], item["message"])
            for item in data["findings"]]


@pytest.mark.parametrize(("actual", "note"), [
    ("85%（因部分课程安排与学员需求脱节）", "因部分课程安排与学员需求脱节"),
    ("85%，部分学员基础薄弱未通过考核", "部分学员基础薄弱未通过考核")])
def test_a_cause_in_the_actual_cell_is_a_warning(tmp_path, actual, note):
    _, data = checked(_table(tmp_path / "t.xlsx", _satisfaction(actual)))
    assert _said(data) == [
        ("JX405", f"H{SATISFACTION}", "warning",
         f"“参训人员满意度”扣 0.56 分，原因写在了完成值单元格中（“{note}”），应写在偏差原因栏")]


def test_a_cause_in_the_score_cell_is_a_warning(tmp_path):
    path = _table(tmp_path / "t.xlsx", _satisfaction("85%"))
    book = load_workbook(path)
    book.active[f"G{SATISFACTION}"] = "9.44（汛期停课少办1期）"
    book.save(path)
    _, data = checked(path)
    assert _said(data) == [
        ("JX405", f"H{SATISFACTION}", "warning",
         "“参训人员满意度”扣 0.56 分，原因写在了得分单元格中（“汛期停课少办1期”），应写在偏差原因栏")]


@pytest.mark.parametrize("actual", ["85%（200份问卷）", "85%（抽样）", "85%（少1个百分点）"])
def test_a_note_giving_no_cause_is_still_no_reason(tmp_path, actual):
    """How the value was got, or only the shortfall itself: JX405 error, as before."""
    _, data = checked(_table(tmp_path / "t.xlsx", _satisfaction(actual)))
    assert _found(data) == [("JX405", f"H{SATISFACTION}", "error")]
    assert "未说明偏差原因" in data["findings"][0]["message"]


def test_a_reason_in_its_column_beside_a_noted_value_is_fine(tmp_path):
    rows = _satisfaction("85%（200份问卷）", reason="部分学员对课程安排不满意")
    _, data = checked(_table(tmp_path / "t.xlsx", rows))
    assert _said(data) == []


def test_far_beyond_the_target_with_its_cause_in_the_actual_cell(tmp_path):
    """1200人（上级追加返乡人员培训任务） of ≥500人: the JX206 warning says where the cause is."""
    rows = [(*ROWS[0][:4], "1200人（上级追加返乡人员培训任务）", *ROWS[0][5:7], None),
            *_satisfaction("85%", reason="部分学员基础薄弱")[1:]]
    _, data = checked(_table(tmp_path / "t.xlsx", rows))
    assert _said(data) == [
        ("JX206", f"H{FIRST}", "warning",
         "“培训人数”完成值 1200人（上级追加返乡人员培训任务） 是指标值 ≥500人 的 240%（超出 140%），"
         "原因写在了完成值单元格中（“上级追加返乡人员培训任务”），应写在偏差原因栏")]
    rows[0] = (*ROWS[0][:4], "1200人（新增700人）", *ROWS[0][5:7], None)
    _, data = checked(_table(tmp_path / "u.xlsx", rows))
    assert "未说明原因（年度指标值是否定得过低" in _said(data)[0][3]
