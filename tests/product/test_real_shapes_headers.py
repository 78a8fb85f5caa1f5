"""Headers as units word and print them (red-team of correct tables): the money block's
other words for A, B and the 年初 budget, the indicator columns' other words, and a
header over two rows whose merges a PDF conversion lost. Each table is right, so each
is read in full and gives no finding."""

import pytest
from test_real_shapes import (
    ATTACHMENT_ROWS,
    QUALITATIVE_MET,
    attachment,
    checked,
    codes,
    medical_insurance,
)

# 年初 100, A 120, B 114: 执行率 95 %, 9.5 of 10 points; the indicators' 90 all met.
SPENT_95 = [("年度资金总额", 100, 120, 114, 10, "95%", 9.5),
            ("其中：当年财政拨款", 100, 110, 105, None, "95.45%", None),
            ("上年结转资金", 0, 10, 9, None, "90%", None)]
WITHOUT_INITIAL = [(label, *amounts[1:]) for label, *amounts in SPENT_95]
POINTS = ("分值", "执行率", "得分")


def _money_read(tmp_path, header, lines):
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", QUALITATIVE_MET, 99.5,
                                        money=lines, money_header=header))
    funds = data["funds"]
    return (funds["budget"], funds["executed"], funds["rate"], funds["score_computed"],
            data["total_computed"], codes(data))


READ_RIGHT = (120, 114, 95, 9.5, 99.5, [])


@pytest.mark.parametrize("header", [
    ("年初预算数", "预算安排数", "全年执行数"),
    ("年初安排数", "调整后预算", "实际支出数"),
    ("年初预算数", "全年预算数", "决算数"),
], ids=["预算安排数", "年初安排数-调整后预算", "决算数"])
def test_other_words_for_the_budget_beside_the_initial_one(tmp_path, header):
    """预算安排数 / 调整后预算 are A, 决算数 is B, 年初安排数 the 年初 budget: A is not the
    年初 (before: 114 ÷ 100, two JX301 and three JX303)."""
    assert _money_read(tmp_path, (*header, *POINTS), SPENT_95) == READ_RIGHT


@pytest.mark.parametrize("header", [
    ("预算安排数", "实际支出数"), ("调整后预算", "决算数"), ("全年预算数", "决算数"),
    ("预算安排数", "决算数")], ids=lambda header: "-".join(header))
def test_other_words_for_the_budget_and_the_spending_without_an_initial(tmp_path, header):
    """Without a 年初 column the two amounts alone make the money header (before: JX307,
    no 执行率 and no 总分)."""
    assert _money_read(tmp_path, (*header, *POINTS), WITHOUT_INITIAL) == READ_RIGHT


@pytest.mark.parametrize("header", [
    ("年初预算数", "全年预算数(A)", "全年执行数(B)"), ("年初预算数", "调整后预算数", "执行数"),
    ("年初预算", "批复预算", "实际支出")], ids=lambda header: "-".join(header))
def test_the_words_read_before_still_read(tmp_path, header):
    assert _money_read(tmp_path, (*header, *POINTS), SPENT_95) == READ_RIGHT


def test_a_budget_change_is_still_no_budget(tmp_path):
    """年初预算数 | 预算调整数 | 调整后预算数: the change (20) is not A, the budget after it is."""
    lines = [(label, initial, budget - initial, budget, *rest)
             for label, initial, budget, *rest in SPENT_95]
    header = ("年初预算数", "预算调整数", "调整后预算数", "全年执行数", *POINTS)
    assert _money_read(tmp_path, header, lines) == READ_RIGHT


def test_the_initial_budget_alone_is_still_a(tmp_path):
    """年初安排数 | 全年执行数 with no other budget: the 年初 is all the budget there is."""
    lines = [(label, budget, *rest) for label, _, budget, *rest in SPENT_95]
    assert _money_read(tmp_path, ("年初安排数", "全年执行数", *POINTS), lines) == READ_RIGHT


def test_money_down_the_rows_takes_the_budget_after_its_changes(tmp_path):
    """资金安排情况 down the rows: 年初预算数 | 调整后预算数 | 决算数 — A is the adjusted one,
    B the 决算数 (before: A the 年初, and no B)."""
    lines = (("年初预算数", 50), ("调整后预算数", 60), ("决算数", 57), ("预算执行率", "95%"))
    rows = [("预算执行率", "预算执行率", 10, None, None, 9.5),
            *ATTACHMENT_ROWS[1:]]
    _, data = checked(attachment(tmp_path / "t.xlsx", rows=rows, total=97.5,
                                 money_lines=lines, unit="单位：万元"))
    funds = data["funds"]
    assert (funds["budget"], funds["executed"], funds["rate"], funds["score_computed"]) == (
        60, 57, 95, 9.5)
    assert codes(data) == []
