"""A 分值 merged down over a 二级 group's rows (one ``45`` for two rows) — red team
rt14-a D2. Before: the first row had 45 points and the second none: false JX106
分值缺失, JX403/JX405 on the first row, no total, and an unmet row at full marks
missed. Now the rows share the points equally (JX109 says so), ``jixiao.read.merged_points``."""

from __future__ import annotations

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


def test_scores_above_an_equal_share_are_left_as_read(tmp_path):
    """30 + 15 under a merged 45: the unit split the points its own way."""
    _, data = checked(standard(tmp_path / "t.xlsx", rows=_rows(first_score=30, second_score=15),
                               merged=MERGED))
    assert "JX109" not in codes(data)
