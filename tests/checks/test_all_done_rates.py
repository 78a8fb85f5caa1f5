"""“已完成” against a rate of 100 %: all of it done is 100 % of a completion rate (完成率,
完工率, or a 指标值 that says 完成: 100%完成) — no JX204, as before; of another rate (档案完整率,
验收合格率, 资料归档率) it says nothing of the rate reached: JX204 asks for the number, as
“达成” against 100% and “已完成” against 10场 do (rt34 r5 s8). The score follows the words
either way (达成: 10 of 10)."""

import pytest
from test_validator import findings, rows
from workbooks import standard

from jixiao.rules import indicator_score


@pytest.mark.parametrize(("name", "target", "actual"), [
    ("档案完整率", "100%", "已完成"), ("验收合格率", "＝100%", "已完成"),
    ("资料归档率", "≥100%", "已完成"), ("验收合格率", "100%", "全部完成"),
    ("档案完整率", "=100%", "完成")])
def test_done_against_another_rate_of_100_percent_is_no_number(tmp_path, name, target, actual):
    bad = rows((4, {"name": name, "target": target, "actual": actual}))
    found = findings(standard(tmp_path / "t.xlsx", rows=bad))
    assert [(item.code, item.severity, item.cell) for item in found] == [("JX204", "warning", "F15")]
    assert found[0].message == (f"“{name}”是定量指标（指标值“{target}”），完成值只写了"
                                f"“{actual}”，没有实际测得的数值：得分按文字读作“达成”计，"
                                "无法与指标值核对；应填写实际测得的数值")
    result = indicator_score(target, actual, 10)
    assert result.value == 10.0 and result.met is True


@pytest.mark.parametrize(("name", "target", "actual"), [
    ("项目完成率", "100%", "已完成"), ("工程完工率", "≥100%", "全部完成"),
    ("年度任务完成率", "＝100%", "已全部完成"), ("任务完成情况", "100%完成", "完成"),
    # rt34 review: a progress (进度) done is 100 % of it — was JX204
    ("项目实施进度", "100%", "已完成"), ("工程进度", "100%", "已完成"),
    ("建设进度", "≥100%", "全部完成"),
    # rt35 r1 k9: done, then a word on it that says no less (验收合格) — was JX204
    ("项目完成率", "100%", "已完成，验收合格"), ("工程完工率", "100%", "全部完成，质量合格")])
def test_done_against_a_completion_rate_of_100_percent_is_100_percent(tmp_path, name, target,
                                                                       actual):
    good = rows((4, {"name": name, "target": target, "actual": actual}))
    assert findings(standard(tmp_path / "t.xlsx", rows=good)) == []
    result = indicator_score(target, actual, 10)
    assert result.value == 10.0 and result.met is True


@pytest.mark.parametrize("actual", ["已完成，需进一步提升", "已完成，还需进一步完善"])
def test_done_with_a_shortfall_after_it_is_no_whole(tmp_path, actual):
    """A comment that says less than all (the level read partial) keeps JX204: the rate
    reached is not told."""
    bad = rows((4, {"name": "项目完成率", "target": "100%", "actual": actual}))
    assert "JX204" in [item.code for item in findings(standard(tmp_path / "t.xlsx", rows=bad))]
