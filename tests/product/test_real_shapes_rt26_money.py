"""Round 26 money blocks of 续建 and multi-year projects (rt26 a): A is the 全年预算数 — not
the 年初预算数 nor the year's change — and the year's lines add up to the year's total
(each test fails on 07d5364)."""

import pytest
from test_real_shapes import checked, codes
from test_real_shapes_round16 import CLOSING, HEAD, ROWS
from workbooks import grid_book

INDICATOR_HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                    "偏差原因分析及改进措施"]
CLOSE = [CLOSING[0][:1] + [None] * 4 + [100, 99.24], CLOSING[1]]  # 9.8 + 89.44


def _table(path, money, merges=()):
    return grid_book(path, [*HEAD[:4], *money, INDICATOR_HEADER, *map(list, ROWS), *CLOSE],
                     merges=merges)


@pytest.mark.parametrize("change", [-10, 10])
def test_an_adjustment_column_between_the_initial_and_the_years_budget(tmp_path, change):
    """年初预算数 | 调整预算数 | 全年预算数: the 调整预算数 is the year's change (110 − 10, or
    90 + 10 = 100), not A. Before, A was the change: JX307 “全年预算数为 -10”, or JX301
    “全年执行数 98 ÷ 调整预算数 10 应为 980%” with JX302 and JX303 on every line."""
    header = ["项目资金（万元）", "年初预算数", "调整预算数", "全年预算数", "全年执行数", "分值",
              "执行率", "得分"]
    lines = [["年度资金总额", 100 - change, change, 100, 98, 10, "98%", 9.8],
             ["其中：财政拨款", 80 - change, change, 80, 78.4, "—", "98%", "—"],
             ["其他资金", 20, 0, 20, 19.6, "—", "98%", "—"]]
    table, data = checked(_table(tmp_path / "t.xlsx", [header, *lines]))
    assert codes(data) == []
    assert (data["funds"]["budget"], data["funds"]["executed"]) == (100, 98)
    assert table.funds.total.initial_budget == 100 - change
    assert data["total_computed"] == 99.24


def test_an_adjusted_budget_column_alone_is_still_a(tmp_path):
    """年初预算数 | 调整预算数 | 全年执行数, no other budget column: 调整预算数 is the budget
    as adjusted, A — unchanged."""
    header = ["项目资金（万元）", "年初预算数", "调整预算数", "全年执行数", "分值", "执行率", "得分"]
    table, data = checked(_table(tmp_path / "t.xlsx", [
        header, ["年度资金总额", 90, 100, 98, 10, "98%", 9.8]]))
    assert codes(data) == []
    assert (data["funds"]["budget"], table.funds.total.initial_budget) == (100, 90)
    assert table.funds.budget_name == "调整预算数"


@pytest.mark.parametrize("under", [["年初", "全年"], ["年初", "调整", "全年"],
                                   ["年初预算数", "调整后预算数"]])
def test_a_budget_header_over_initial_and_year_sub_headers(tmp_path, under):
    """预算数 merged over 年初 | 全年 (or 年初 | 调整 | 全年), 执行数 merged down beside it:
    A is the 全年 column's. Before, the 年初 one (95) was read as A: JX301 “按 全年执行数 98 ÷
    预算数 95 应为 103.16%”, JX302, JX303."""
    amounts = {"年初": 95, "调整": 5, "全年": 100, "年初预算数": 95, "调整后预算数": 100}
    width = len(under)
    header = ["项目资金（万元）", "预算数", *[None] * (width - 1), "执行数", "分值", "执行率", "得分"]
    line = ["年度资金总额", *(amounts[text] for text in under), 98, 10, "98%", 9.8]
    money_row = len(HEAD[:4]) + 1
    merges = [(money_row, 1, 1, 0), (money_row, 2, 0, width - 1),
              *((money_row, column, 1, 0) for column in range(width + 2, width + 6))]
    table, data = checked(_table(tmp_path / "t.xlsx", [header, [None, *under], line],
                                 merges=merges))
    assert codes(data) == []
    assert (data["funds"]["budget"], data["funds"]["executed"]) == (100, 98)
    assert table.funds.total.initial_budget == 95
    assert table.funds.total.sources["budget"].cell == f"{chr(ord('A') + width)}{money_row + 2}"


_OVER_YEARS_LINE = ["实施期资金总额", 500, 500, 290, None, "58%", None]


@pytest.mark.parametrize(("rate", "score", "found"), [
    ("98%", 9.8, []), ("100%", 10, [("JX301", "F7"), ("JX302", "G7")])])
def test_a_multi_year_total_line_above_the_years_total(tmp_path, rate, score, found):
    """实施期资金总额 (the project's money over its years) as a line above 年度资金总额: the
    year's total is 年度资金总额 and its lines (财政拨款 + 国有资本经营预算 + 上年结转) add up
    to it. Before, 实施期资金总额 was taken as the total and the year's total as one of its
    parts: three JX304 “各明细合计 … 年度资金总额为 500”, JSON funds.budget 500."""
    header = ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
    lines = [_OVER_YEARS_LINE,
             ["年度资金总额", 100, 100, 98, 10, rate, score],
             ["其中：当年财政拨款", 70, 70, 69, "—", "98.57%", "—"],
             ["国有资本经营预算", 20, 20, 19, "—", "95%", "—"],
             ["上年结转资金", 10, 10, 10, "—", "100%", "—"]]
    close = CLOSE if score == 9.8 else [CLOSE[0][:6] + [99.44], CLOSE[1]]
    path = grid_book(tmp_path / "t.xlsx", [*HEAD[:4], header, *lines, INDICATOR_HEADER,
                                           *map(list, ROWS), *close])
    table, data = checked(path)
    assert [(item["code"], item["cell"]) for item in data["findings"]] == found
    assert (data["funds"]["budget"], data["funds"]["executed"], data["funds"]["rate_line"]) \
        == (100, 98, None)
    assert [line.label for line in table.funds.parts] == ["当年财政拨款", "国有资本经营预算",
                                                          "上年结转资金"]


def test_a_multi_year_total_line_alone_is_the_blocks_total(tmp_path):
    """实施期资金总额 as the block's only total line (no 年度资金总额 beside it): it is the
    block's total, as before."""
    header = ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
    table, data = checked(_table(tmp_path / "t.xlsx", [
        header, ["实施期资金总额", 100, 100, 98, 10, "98%", 9.8],
        ["其中：财政拨款", 100, 100, 98, "—", "98%", "—"]]))
    assert codes(data) == []
    assert (table.funds.total.label, data["funds"]["budget"]) == ("实施期资金总额", 100)


@pytest.mark.parametrize("under", [["上半年", "全年"], ["1-6月", "1-12月"], ["前三季度", "全年执行数"]])
def test_an_executed_header_over_part_and_whole_year_sub_headers(tmp_path, under):
    """预算数 merged over 年初 | 调整后, 执行数 merged over 上半年 | 全年 (1-6月 | 1-12月,
    前三季度 | 全年执行数): B is the whole year's 98, not the half year's 49. Before (and on
    9500ff2), the 上半年 column was B: JX301 “按 全年执行数 49 ÷ 预算数 100 应为 49%” on both
    lines, JX302 and JX306."""
    header = ["项目资金（万元）", "预算数", None, "执行数", None, "分值", "执行率", "得分"]
    lines = [["年度资金总额", 95, 100, 49, 98, 10, "98%", 9.8],
             ["其中：财政拨款", 95, 100, 49, 98, "—", "98%", "—"]]
    money_row = len(HEAD[:4]) + 1
    merges = [(money_row, 1, 1, 0), (money_row, 2, 0, 1), (money_row, 4, 0, 1),
              *((money_row, column, 1, 0) for column in (6, 7, 8))]
    table, data = checked(_table(tmp_path / "t.xlsx",
                                 [header, [None, "年初", "调整后", *under], *lines], merges=merges))
    assert codes(data) == []
    assert (data["funds"]["budget"], data["funds"]["executed"]) == (100, 98)
    assert table.funds.total.sources["executed"].cell == f"E{money_row + 2}"


@pytest.mark.parametrize("label", ["以前年度结转结余资金", "其中：以前年度结转", "以前年度结余资金",
                                   "历年结余资金", "以前年度结转资金", "上年结转结余资金"])
def test_a_carry_over_line_from_earlier_years_is_a_part(tmp_path, label):
    """年度资金总额 120 = 当年财政拨款 100 + 以前年度结转结余资金 20: the carry-over line is a
    part of the year's money however far back it says it comes from (以前年度 names a total
    line or a column over the years, not this line). Before (and on 9500ff2), 以前年度结转结余
    资金, 以前年度结转, 以前年度结余资金 were no line: JX304 “各明细合计 100（当年财政拨款
    100），年度资金总额为 120” on the budget and the executed (the last two: as before)."""
    header = ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
    lines = [["年度资金总额", 100, 120, 117.6, 10, "98%", 9.8],
             ["其中：当年财政拨款", 100, 100, 98, "—", "98%", "—"],
             [label, 0, 20, 19.6, "—", "98%", "—"]]
    table, data = checked(_table(tmp_path / "t.xlsx", [header, *lines]))
    assert codes(data) == []
    assert [line.budget for line in table.funds.parts] == [100, 20]
    lines[2][2] = 25  # planted: the parts (125) exceed the total (120), the line's rate 78.4%
    table, data = checked(_table(tmp_path / "u.xlsx", [header, *lines]))
    assert [(f["code"], f["cell"]) for f in data["findings"]] == [("JX301", "F8"), ("JX304", "C6")]
