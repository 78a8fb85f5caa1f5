"""A standard table whose money block has 分值 | 得分 columns saying “—” (or left blank)
while the 执行率's points sit in a 预算执行率 row among the indicators (预算执行率 | 100% |
95% | 10 | 9.5): that row is the 执行率, counted once, whatever the indicators' 分值 add
up to (red team round 22). Before, with the 分值 not totalling 100, the money block was
taken for the 执行率's place: JX106 “执行率未填写分值” and JX406 “执行率得分未填写” on cells
that rightly say “—”, and the rate counted twice (总分 计算 102.5 for 93)."""

import pytest
from test_real_shapes import QUALITATIVE_MET, checked, codes, medical_insurance

RATE = ("预算执行率", "预算执行率", "预算执行率", "100%", "95%", 10, 9.5, "部分设备尾款未到付款期")
RATE_PLACES = {
    "own": RATE,
    "output": ("产出指标", "时效指标", *RATE[2:]),
    "management": ("项目管理", "资金管理", *RATE[2:]),
}


def _rows(place, first_weight):
    """The rate row at ``place`` and the seven met indicators of ``QUALITATIVE_MET``, the
    first of ``first_weight`` points (20: the 分值 total 100; 15: 95; 25: 105)."""
    first = QUALITATIVE_MET[0]
    return [RATE_PLACES[place], (*first[:5], first_weight, first_weight, first[7]),
            *QUALITATIVE_MET[1:]]


def _table(path, place, first_weight, money_points):
    weight, score = money_points
    money = [("年度资金总额", 100, 100, 95, weight, "95%", score),
             ("其中：当年财政拨款", 100, 100, 95, "—", "95%", "—")]
    total = 9.5 + first_weight + 70
    return medical_insurance(path, _rows(place, first_weight), total, money=money)


@pytest.mark.parametrize("place", ["own", "output", "management"])
@pytest.mark.parametrize("money_points", [("—", "—"), (None, None)], ids=["dash", "blank"])
@pytest.mark.parametrize("first_weight", [20, 15, 25], ids=["100", "95", "105"])
def test_the_rate_row_holds_the_points_the_money_block_leaves_out(tmp_path, place, money_points,
                                                                 first_weight):
    """分值 total 95 (or 105): JX101 at the 总分's 分值, and — the rate its own 一级, so the
    default split applies — JX102 for 产出 at 45 (55); under 产出 or 项目管理 no 一级 holds
    the 执行率's points and JX102 does not apply, as before. The 总分 is the indicators'
    scores (94.5 for 95): no JX106/JX406 on the money's “—”, the rate counted once."""
    table, data = checked(_table(tmp_path / "t.xlsx", place, first_weight, money_points))
    if first_weight == 20:
        assert codes(data) == []
    else:
        total = 90 + first_weight - 10
        assert [(f["cell"], f["message"]) for f in data["findings"] if f["code"] == "JX101"] \
            == [("G14", f"分值合计为 {total}，应为 100")]  # the 总分 row's 分值
        jx102 = [(f["cell"], f["message"]) for f in data["findings"] if f["code"] == "JX102"]
        assert jx102 == ([("B7", f"一级指标“产出指标”分值合计 {first_weight + 30}，默认为 50"
                                 "（产出 50、效益 30、满意度 10、预算执行率 10）；调整权重须说明理由")]
                         if place == "own" else [])
        assert codes(data) == sorted(["JX101"] + (["JX102"] if place == "own" else []))
    assert data["weight_total"] == 90 + first_weight - 10
    assert data["total_computed"] == 9.5 + first_weight + 70
    assert (data["funds"]["weight_source"], data["funds"]["score_computed"]) == (None, None)
    assert not table.execution_line
