"""A money block split by source in columns under merged headers — 全年预算数（A） over
中央 | 地方 | 合计 — with the 合计 last (rt15 b2 R2): the amounts are the 合计's. Before,
the first source was read as A and B (false JX301 “按 780 ÷ 800 应为 97.5%” and JX501)."""

from __future__ import annotations

import pytest
from test_real_shapes import checked, codes
from workbooks import PUTUO_1_ROWS, Book

AMOUNTS = {"中央": (800, 780), "地方": (200, 170), "合计": (1000, 950)}


def _table(path, order, amounts=AMOUNTS, label="年度资金总额"):
    book = Book()
    sheet = book.sheet("自评表")
    sheet.line("项目支出绩效自评表")
    sheet.line("项目名称", None, "就业补助资金")
    top = sheet.line("项目资金（万元）", None, "全年预算数（A）", None, None, "全年执行数（B）", None, None,
                     "分值", "执行率（B/A）", "得分")
    sheet.line(None, None, *(f"{k}资金" if k != "合计" else k for k in order),
               *(f"{k}资金" if k != "合计" else k for k in order))
    sheet.line(None, label, *(amounts[k][0] for k in order), *(amounts[k][1] for k in order),
               10, "95%", 9.5)
    sheet.merge(top, 3, 5)
    sheet.merge(top, 6, 8)
    sheet.merge(top, 1, 2, top + 1)
    for column in (9, 10, 11):
        sheet.merge(top, column, column, top + 1)
    rows = [row[:7] for row in PUTUO_1_ROWS]
    rows[0] = (*rows[0][:4], "95%", *rows[0][5:])  # 预算资金执行率: the money's 95 %
    sheet.indicators(rows,
                     header=("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"))
    sheet.total(100, 99.5)
    return book.save(path)


@pytest.mark.parametrize("order", [("中央", "地方", "合计"), ("合计", "中央", "地方")])
def test_the_sum_column_holds_the_amounts(tmp_path, order):
    table, data = checked(_table(tmp_path / "t.xlsx", order))
    assert (table.funds.total.budget, table.funds.total.executed) == (1000, 950)
    assert codes(data) == [] and data["total_computed"] == 99.5


@pytest.mark.parametrize("mark", ["—", "未调整", "/"])
def test_a_budget_marked_not_adjusted_is_the_initial_one(tmp_path, mark):
    """rt15 D12: 全年预算数(A) written “—” beside a 年初预算数 means no adjustment (before:
    JX309 “全年预算数(A)未填写”, no total); left blank it is still JX309."""
    from workbooks import PUTUO_1_MONEY, standard

    money = [("年度资金总额", 31.56, mark, 31.50, 10, 99.80, 9.98),
             ("其中：当年财政拨款", 31.56, mark, 31.50, "—", 99.80, "—"), *PUTUO_1_MONEY[2:]]
    table, data = checked(standard(tmp_path / "t.xlsx", money=money))
    assert table.funds.total.budget == 31.56
    assert codes(data) == [] and data["total_computed"] == 99.98
    money[0] = ("年度资金总额", 31.56, None, 31.50, 10, 99.80, 9.98)
    _, data = checked(standard(tmp_path / "u.xlsx", money=money))
    assert "JX309" in codes(data)


@pytest.mark.parametrize("order", [("中央", "地方", "合计"), ("合计", "中央", "地方")])
def test_sources_in_columns_that_do_not_add_up(tmp_path, order):
    """rt15 D11/R10: the sources in columns were never added up: 800 + 250 ≠ 1000 passed."""
    amounts = {**AMOUNTS, "地方": (250, 170)}
    _, data = checked(_table(tmp_path / "t.xlsx", order, amounts))
    [finding] = [f for f in data["findings"] if f["code"] == "JX304"]
    assert finding["message"].startswith("全年预算数：各明细合计 1050（中央资金 800 + 地方资金 250）")


def test_the_one_amount_row_without_a_label_of_its_own(tmp_path):
    """rt15 b2 R4: under 项目资金（万元） merged over both header rows, the only amount row
    has no label (重庆-like): before, the money was not read (false JX101 90, JX501)."""
    table, data = checked(_table(tmp_path / "t.xlsx", ("合计", "中央", "地方"), label=None))
    assert (table.funds.total.budget, table.funds.total.executed) == (1000, 950)
    assert codes(data) == [] and data["total_computed"] == 99.5


def test_a_central_fiscal_line_beside_a_local_one_is_summed_with_it(tmp_path):
    """rt15 b2 R15: 其中：中央财政资金 | 地方资金 — JX304 named only the first line and its
    sum (“各明细合计 780（中央财政资金 780）”), as if 地方资金 broke it down."""
    from workbooks import standard

    money = [("年度资金总额", 1000, 1000, 950, 10, "95%", 9.5),
             ("其中：中央财政资金", 800, 800, 780, None, None, None),
             ("地方资金", 200, 200, 150, None, None, None)]
    _, data = checked(standard(tmp_path / "t.xlsx", money=money))
    [finding] = [f for f in data["findings"] if f["code"] == "JX304"]
    assert finding["message"] == "全年执行数：各明细合计 930（中央财政资金 780 + 地方资金 150），年度资金总额为 950"
