"""Round 27: an indicator that states the money's own B ÷ A under another name — 资金支付率,
支出执行率, 资金支出率, (资金)支出进度 — is held against the money block's 执行率 as
预算资金执行率 is (JX305). Before (83dff4a) only names with 预算/资金 + 执行率 were compared:
90 % beside the money's 96 % passed. Not compared (conservative, DOMAIN §1: B is the project's
own 全年执行数): 拨付率 (money passed on to others), 到位率 (money received), and a 支出进度 of
part of the year (前三季度支出进度)."""

import pytest
from test_real_shapes import checked, codes
from test_real_shapes_round16 import ROWS
from test_real_shapes_rt26_rate import _messages, _sources, _standard


def _named(path, name, actual, target="≥90%"):
    """The money 115.2 ÷ 120 = 96.00 % (执行率得分 9.6); ``name`` under 产出 | 数量指标,
    分值 5, met (≥90 %) so scored 5 either way."""
    rows = [("产出指标", "数量指标", name, target, actual, 5, 5, None),
            ("产出指标", "数量指标", "培训人数", "≥500人", "520人", 15, 15, None), *ROWS[1:]]
    return _standard(path, 120, 115.2, "96.00%", 9.6, rows=rows)


@pytest.mark.parametrize("name", ["资金支付率", "预算资金支付率", "支出执行率", "资金支出率",
                                  "支出进度", "资金支出进度", "预算支出进度"])
def test_the_moneys_rate_under_another_name_is_compared(tmp_path, name):
    _, data = checked(_named(tmp_path / "t.xlsx", name, "90%"))
    assert codes(data) == ["JX305"], data["findings"]
    assert _messages(data, "JX305") == [
        ("E8", f"“{name}”完成值 90%，与项目资金栏的执行率 96% 不一致")]


@pytest.mark.parametrize("name", ["资金支付率", "支出进度"])
def test_the_same_rate_under_another_name_is_fine(tmp_path, name):
    _, data = checked(_named(tmp_path / "t.xlsx", name, "96%"))
    assert codes(data) == [], data["findings"]


@pytest.mark.parametrize(("name", "target"), [
    ("资金拨付率", "≥90%"), ("资金到位率", "≥90%"), ("补助资金拨付率", "100%"),
    ("前三季度支出进度", "≥75%"), ("支出进度", "前三季度≥75%"), ("上半年资金支出进度", "≥50%"),
    ("政府采购执行率", "≥90%")])
def test_other_rates_are_not_the_moneys(tmp_path, name, target):
    _, data = checked(_named(tmp_path / "t.xlsx", name, "90%", target))
    assert "JX305" not in codes(data), data["findings"]


def test_a_source_named_payment_rate_is_that_lines(tmp_path):
    """中央资金支付率 100 % is the 中央补助资金 line's 100 ÷ 100 (not the total's 90 %);
    95 % is flagged against that line."""
    _, data = checked(_sources(tmp_path / "t.xlsx", "中央资金支付率", "100%"))
    assert "JX305" not in codes(data), data["findings"]
    _, data = checked(_sources(tmp_path / "u.xlsx", "中央资金支付率", "95%"))
    assert _messages(data, "JX305") == [
        ("E12", "“中央资金支付率”完成值 95%，与项目资金栏“中央补助资金”的执行率 100% 不一致")]
