"""Spent over the budget (105 of 100), the one 执行率 cell written 100 % — typed or
=MIN(B/A,1) — and the 执行率得分 the full 分值 (red team rt31 d08, e04): a template's
common cap, the score right (``rules.execution_score`` caps at the 分值). Not JX301 at
the rate cell and at the 财政拨款 line's; JX303 still warns of the overspend."""

import pytest
from workbooks import PUTUO_1_ROWS, Formula, Percent, standard

from jixiao.checks import run_checks
from jixiao.model import evaluate
from jixiao.read.workbook import read_tables

HEADER = ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")
ROWS = [(*PUTUO_1_ROWS[0][:4], "100%", *PUTUO_1_ROWS[0][5:]), *PUTUO_1_ROWS[1:]]


def _found(tmp_path, rates, score=10, select=("JX301", "JX302", "JX303")):
    """年度资金总额 and 其中：当年财政拨款 100 / 100 / 105, their 执行率 ``rates``."""
    money = [("年度资金总额", 100, 100, 105, 10, rates[0], score),
             ("其中：当年财政拨款", 100, 100, 105, "—", rates[1], "—"),
             ("上年结转资金", 0, 0, 0, "—", "—", "—"), ("其他资金", 0, 0, 0, "—", "—", "—")]
    path = standard(tmp_path / "t.xlsx", rows=ROWS, money=money, money_header=HEADER,
                    total=(100, 90 + score), grade="优")
    (table,) = read_tables(path)
    return [(f.code, f.cell) for f in run_checks(table, evaluate(table),
                                                 select=set(select))]


OVERSPENT = [("JX303", "E6"), ("JX303", "E7")]


@pytest.mark.parametrize("rates", [
    ("100%", "100%"),  # d08: typed
    (Formula("=MIN(E6/D6,1)", 1), Formula("=MIN(E7/D7,1)", 1)),  # e04
    (Percent(1), Percent(1)),
])
def test_a_rate_capped_at_100_beside_full_marks(tmp_path, rates):
    assert _found(tmp_path, rates) == OVERSPENT


def test_the_rate_as_spent_is_right_too(tmp_path):
    assert _found(tmp_path, ("105%", "105%")) == OVERSPENT


def test_a_capped_rate_beside_a_score_short_of_full_marks_is_still_wrong(tmp_path):
    """100 % written, 9.5 scored: neither 105 % nor the score its cap gives (10) — at the
    total's rate; the 其中 line's 100 % scores nothing (its template cap, not JX301)."""
    assert _found(tmp_path, ("100%", "100%"), score=9.5) == [
        ("JX301", "G6"), ("JX302", "H6"), *OVERSPENT]


@pytest.mark.parametrize("rate", ["100%", Formula("=MIN(E7/D7,1)", 1)])
def test_a_part_capped_at_100_beside_a_total_short_of_full_marks(tmp_path, rate):
    """rt31 r11 c4: 当年财政拨款 63 of 60 (105 %) written 100 % — the template's
    =MIN(B/A,1) on every line — 上年结转资金 32 of 40 (80 %), the total 95 of 100 at 95 %,
    9.5 of 10. The 其中 line carries no points: its capped 100 % is no JX301 (“应为 105%”);
    JX303 still warns of its overspend."""
    money = [("年度资金总额", 100, 100, 95, 10, "95%", 9.5),
             ("其中：当年财政拨款", 60, 60, 63, "—", rate, "—"),
             ("上年结转资金", 40, 40, 32, "—", "80%", "—"), ("其他资金", 0, 0, 0, "—", "—", "—")]
    rows = [(*PUTUO_1_ROWS[0][:4], "95%", *PUTUO_1_ROWS[0][5:]), *PUTUO_1_ROWS[1:]]
    path = standard(tmp_path / "t.xlsx", rows=rows, money=money, money_header=HEADER,
                    total=(100, 99.5), grade="优")
    (table,) = read_tables(path)
    assert [(f.code, f.cell) for f in run_checks(table, evaluate(table),
                                                 select={"JX301", "JX302", "JX303", "JX304"})] \
        == [("JX303", "E7")]


@pytest.mark.parametrize("rates", [
    ("100%", "100%"), (Formula("=MIN(E6/D6,1)", 1), Formula("=MIN(E7/D7,1)", 1))])
def test_a_rate_indicator_at_100_beside_a_capped_block(tmp_path, rates):
    """The 预算资金执行率 row's 100 % beside the block's capped 100 %: one rate, not JX305's
    “与项目资金栏的执行率 105% 不一致”."""
    assert _found(tmp_path, rates, select={"JX305"}) == []


def test_a_rate_indicator_at_100_beside_a_block_of_105(tmp_path):
    """The block writes 105 %, the row 100 %: two rates written differently."""
    assert _found(tmp_path, ("105%", "105%"), select={"JX305"}) == [("JX305", "F11")]


def test_the_true_rate_on_the_indicator_beside_a_capped_block(tmp_path):
    """The block writes the cap (100 % for 105 of 100), the 预算资金执行率 row the true
    105 %: both stand for the money's rate — no JX305 (“…105%，与项目资金栏的执行率
    105% 不一致” contradicted itself; reviewer rt31)."""
    money = [("年度资金总额", 100, 100, 105, 10, "100%", 10),
             ("其中：当年财政拨款", 100, 100, 105, "—", "100%", "—"),
             ("上年结转资金", 0, 0, 0, "—", "—", "—"), ("其他资金", 0, 0, 0, "—", "—", "—")]
    rows = [(*PUTUO_1_ROWS[0][:4], "105%", *PUTUO_1_ROWS[0][5:]), *PUTUO_1_ROWS[1:]]
    path = standard(tmp_path / "t.xlsx", rows=rows, money=money, money_header=HEADER,
                    total=(100, 100), grade="优")
    (table,) = read_tables(path)
    assert [(f.code, f.cell) for f in run_checks(table, evaluate(table),
                                                 select={"JX305"})] == []
