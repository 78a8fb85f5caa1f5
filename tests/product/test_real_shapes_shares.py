"""得分 written as a share of the 分值 (``100%``, ``98.5%``) — red team rt14-a D5.

Before: read as 100 and 98.5 points: a JX401 on every row, JX501 "各项得分之和为 798.5".
Now, where the shares explain the table, each 得分 is 分值 × share, checked as usual,
and one JX411 asks for points (``jixiao.read.shares``)."""

from __future__ import annotations

from test_real_shapes import checked, codes
from workbooks import PUTUO_1_MONEY, PUTUO_1_ROWS, Percent, standard


def _shares(rows=PUTUO_1_ROWS, as_share=lambda weight, score: f"{score / weight:.1%}".replace(".0%", "%")):
    return [(*row[:6], as_share(row[5], row[6]), row[7]) for row in rows]


MONEY_SHARE = [("年度资金总额", 30.03, 31.56, 31.50, 10, 99.80, "99.8%"), *PUTUO_1_MONEY[1:]]


def test_shares_that_explain_the_total_are_points_of_the_weight(tmp_path):
    table, data = checked(standard(tmp_path / "t.xlsx", rows=_shares(), money=MONEY_SHARE))
    assert codes(data) == ["JX411"]
    assert [i.score_declared for i in table.indicators] == [5, 25, 20, 30, 10]
    assert table.funds.score_declared == 9.98
    [item] = data["findings"]
    assert item["severity"] == "warning" and item["cell"] == "H11"
    assert "5 × 100% = 5 分" in item["message"]
    assert data["total_computed"] == 99.98


def test_percent_formatted_numbers_are_shares_too(tmp_path):
    rows = _shares(as_share=lambda weight, score: Percent(score / weight))
    money = [("年度资金总额", 30.03, 31.56, 31.50, 10, 99.80, Percent(0.998)), *PUTUO_1_MONEY[1:]]
    table, data = checked(standard(tmp_path / "t.xlsx", rows=rows, money=money))
    assert codes(data) == ["JX411"]
    assert [i.score_declared for i in table.indicators] == [5, 25, 20, 30, 10]


def test_a_missed_target_at_100_percent_is_still_full_marks_unearned(tmp_path):
    rows = [list(row) for row in PUTUO_1_ROWS]
    rows[4][3:5] = ["≥95%", "85%"]  # 服务对象满意度 missed, still 100%
    _, data = checked(standard(tmp_path / "t.xlsx", rows=_shares([tuple(r) for r in rows]),
                               money=MONEY_SHARE))
    assert {"JX402", "JX411"} <= set(codes(data)), codes(data)
    assert "JX401" not in codes(data)


def test_a_wrong_total_beside_shares_is_said_against_the_shares_points(tmp_path):
    _, data = checked(standard(tmp_path / "t.xlsx", rows=_shares(), money=MONEY_SHARE,
                               total=(100, 95)))
    assert codes(data) == ["JX411", "JX501"]
    [total] = [item for item in data["findings"] if item["code"] == "JX501"]
    assert "99.98" in total["message"], total


def test_one_stray_percent_among_points_is_read_as_today(tmp_path):
    rows = [*PUTUO_1_ROWS[:4], (*PUTUO_1_ROWS[4][:6], "100%", None)]
    _, data = checked(standard(tmp_path / "t.xlsx", rows=rows))
    assert "JX411" not in codes(data) and "JX401" in codes(data), codes(data)
