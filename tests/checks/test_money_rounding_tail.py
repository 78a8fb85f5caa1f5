"""JX304 lets the money lines add up to the total within the tail their rounding leaves
(``rules.rounding_tail``): amounts converted from 元 to 万元 line by line — 1,234,550 元
→ 123.46, 765,450 元 → 76.55 — add up to 200.01 against the total 2,000,000 元 → 200.00
and none is wrong (red team rt29 c19, c19n: JX304 twice before)."""

import pytest
from workbooks import standard

from jixiao.checks import run_checks
from jixiao.model import evaluate
from jixiao.read.workbook import read_tables

MONEY_HEADER = ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")
SOURCES = ("中央补助资金", "省级资金", "市级资金")


def _jx304(tmp_path, parts, total=200, note=None):
    """执行数 189.9 of 200: 94.95 %, 9.5 (the lines' 执行数 add up: 118.23 + 71.67)."""
    executed = [118.23, 71.67, 0][:len(parts)] if len(parts) > 1 else [189.9]
    money = [("年度资金总额", total, total, 189.9, 10, "94.95%", 9.5),
             *((("其中：" if index == 0 else "") + SOURCES[index], amount, amount, spent, "—",
                None, "—")
               for index, (amount, spent) in enumerate(zip(parts, executed, strict=True)))]
    path = standard(tmp_path / "t.xlsx", money=money, money_header=MONEY_HEADER,
                    total=(100, 99.5), grade="优", conclusion=note)
    (table,) = read_tables(path)
    return [(f.cell, f.message) for f in run_checks(table, evaluate(table), select={"JX304"})]


@pytest.mark.parametrize("note", [None, "本表金额由元折算为万元，因四舍五入，合计数与分项之和存在尾差。"])
def test_two_lines_a_cent_over_their_total_are_a_rounding_tail(tmp_path, note):
    assert _jx304(tmp_path, [123.46, 76.55], note=note) == []


def test_three_lines_a_cent_under_their_total_are_a_rounding_tail(tmp_path):
    """66.67 + 66.67 + 66.65 = 199.99 (three thirds of 200 and the rest)."""
    assert _jx304(tmp_path, [66.67, 66.67, 66.65]) == []


def test_two_cents_off_two_lines_is_more_than_their_rounding(tmp_path):
    """123.46 + 76.56 = 200.02: two lines and the total rounded leave less than 0.015."""
    assert _jx304(tmp_path, [123.46, 76.56]) == [
        ("C6", "年初预算数：各明细合计 200.02（中央补助资金 123.46 + 省级资金 76.56），年度资金总额为 200"),
        ("D6", "全年预算数：各明细合计 200.02（中央补助资金 123.46 + 省级资金 76.56），年度资金总额为 200")]


def test_a_cent_off_one_line_is_no_rounding(tmp_path):
    """One line for the whole total (其中：中央补助资金 200.01 of 200) is the same amount
    rounded the same way: no tail, the one tolerance."""
    assert _jx304(tmp_path, [200.01]) == [
        ("C6", "年初预算数：各明细合计 200.01（中央补助资金 200.01），年度资金总额为 200"),
        ("D6", "全年预算数：各明细合计 200.01（中央补助资金 200.01），年度资金总额为 200")]
