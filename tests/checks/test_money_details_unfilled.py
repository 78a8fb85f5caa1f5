"""rt30 (r2 M_initial_only_total): 年初预算数 300 on the 年度资金总额 line, 当年财政拨款's
年初 blank, 上年结转's 0 — JX304 said “各明细合计 0（上年结转资金 0），年度资金总额为 300”.
The column's 其中 lines were not filled in (the total not broken down yet), as when they
are all blank: not compared. A breakdown given in full, or left blank only below its last
amount (其他资金 blank: none), is still added up."""

import pytest
from workbooks import standard

from jixiao.checks import run_checks
from jixiao.model import evaluate
from jixiao.read.workbook import read_tables

MONEY_HEADER = ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")


def _jx304(tmp_path, initial):
    """年初 300 over 财政拨款 | 上年结转 | 其他 = ``initial``; 全年 320 = 300 + 20 + blank,
    执行 312.5 = 292.5 + 20: 97.66 %, 9.77."""
    lines = ("其中：当年财政拨款", "上年结转资金", "其他资金")
    budgets, spent = (300, 20, None), (292.5, 20, None)
    money = [("年度资金总额", 300, 320, 312.5, 10, "97.66%", 9.77),
             *((label, first, budget, done, "—", None, "—")
               for label, first, budget, done in zip(lines, initial, budgets, spent, strict=True))]
    path = standard(tmp_path / "t.xlsx", money=money, money_header=MONEY_HEADER)
    (table,) = read_tables(path)
    return [(f.cell, f.message) for f in run_checks(table, evaluate(table), select={"JX304"})]


@pytest.mark.parametrize("initial", [
    (None, 0, None),     # the red team's: 财政拨款 blank, 结转 0
    (None, 0, 0),
    (None, None, None),  # none filled (as before)
])
def test_a_column_whose_lines_are_not_filled_in_is_not_added_up(tmp_path, initial):
    assert _jx304(tmp_path, initial) == []


@pytest.mark.parametrize(("initial", "said"), [
    ((250, 0, None), "年初预算数：各明细合计 250（当年财政拨款 250 + 上年结转资金 0），年度资金总额为 300"),
    ((250, 20, 0), "年初预算数：各明细合计 270（当年财政拨款 250 + 上年结转资金 20 + 其他资金 0），"
                   "年度资金总额为 300"),
    # rt30 r10 (M5): a blank line above a filled one is none (no carry-over: 0), not a
    # breakdown left out — 20 is short of 300 (e4b0791 skipped it)
    ((None, 20, None), "年初预算数：各明细合计 20（上年结转资金 20），年度资金总额为 300"),
    ((250, None, 30), "年初预算数：各明细合计 280（当年财政拨款 250 + 其他资金 30），年度资金总额为 300"),
])
def test_a_breakdown_that_falls_short_is_still_told(tmp_path, initial, said):
    assert _jx304(tmp_path, initial) == [("C6", said)]


def test_a_blank_middle_line_is_none_in_every_column(tmp_path):
    """rt30 r10 M5: 总额 100 | 100 | 95 over 财政拨款 60 | 60 | 57, 上年结转 blank, 其他 30 |
    30 | 28.5. By hand: 60 + 30 = 90 ≠ 100 (年初, 全年) and 57 + 28.5 = 85.5 ≠ 95 (执行)."""
    money = [("年度资金总额", 100, 100, 95, 10, "95%", 9.5),
             ("其中：当年财政拨款", 60, 60, 57, "—", None, "—"),
             ("上年结转资金", None, None, None, "—", None, "—"),
             ("其他资金", 30, 30, 28.5, "—", None, "—")]
    path = standard(tmp_path / "t.xlsx", money=money, money_header=MONEY_HEADER)
    (table,) = read_tables(path)
    found = [f.message for f in run_checks(table, evaluate(table), select={"JX304"})]
    assert found == [
        "年初预算数：各明细合计 90（当年财政拨款 60 + 其他资金 30），年度资金总额为 100",
        "全年预算数：各明细合计 90（当年财政拨款 60 + 其他资金 30），年度资金总额为 100",
        "全年执行数：各明细合计 85.5（当年财政拨款 57 + 其他资金 28.5），年度资金总额为 95"]
