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


def _transfer(path, central, local, parts):
    """A 转移支付区域绩效自评表 whose 年度资金总额 12000 is 中央补助 ``central`` + 地方资金
    ``local``, and 地方资金 is 其中：``parts`` (省级, 市级, 县级) on the lines below it."""
    from workbooks import grid_book

    money = [["资金情况（万元）", "全年预算数（A）", "全年执行数（B）", "执行率（B/A）", "分值", "得分"],
             ["年度资金总额", 12000, 12000, "100%", 10, 10],
             ["其中：中央补助", central, central, "100%"], ["地方资金", local, local, "100%"],
             *[[("其中：" if at == 0 else "") + name, amount, amount, "100%"]
               for at, (name, amount) in enumerate(parts)]]
    return grid_book(path, [
        ["中央对地方转移支付区域绩效自评表"], ["（2024年度）"],
        ["转移支付（项目）名称", "城镇保障性安居工程补助资金"],
        ["中央主管部门", "住房和城乡建设部", None, "地方主管部门", "XX县住房和城乡建设局"],
        *money,
        ["一级指标", "二级指标", "三级指标", "指标值", "全年实际值", "分值", "得分", "未完成原因和改进措施"],
        ["产出指标", "数量指标", "城镇老旧小区改造开工数", "≥25个", "25个", 30, 30],
        [None, "质量指标", "改造工程质量合格率", "100%", "100%", 20, 20],
        ["效益指标", "社会效益指标", "受益居民户数", "≥8000户", "8200户", 30, 30],
        ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "93%", 10, 10],
        ["总分", None, None, None, None, 100, 100], ["评分等级", "优"]])


@pytest.mark.parametrize(("central", "local", "parts"), [
    (8000, 4000, [("省级资金", 1500), ("市级资金", 1000), ("县级资金", 1500)]),
    (9000, 3000, [("省级资金", 1000), ("市级资金", 800), ("县级资金", 1200)]),
])
def test_a_local_line_over_its_levels_adds_up_whatever_the_central_amount(
        tmp_path, central, local, parts):
    """中央补助 8000 + 地方资金 4000 = 12000, 地方资金 = 省级 1500 + 市级 1000 + 县级 1500
    (rt24 g): 8000 is also 地方资金 and its three, and the lines were folded from the top —
    中央补助 taken for the parent of all four, JX304 “各明细合计 16000” on B and C. Every
    nesting is tried now; 9000 / 3000 (no such coincidence) was and stays silent."""
    _, data = checked(_transfer(tmp_path / "t.xlsx", central, local, parts))
    assert codes(data) == []


def test_levels_that_do_not_add_up_to_the_local_line_are_still_flagged(tmp_path):
    """The same shape with 县级资金 2000: 地方资金 4000 but its levels 4500, and no nesting
    makes the lines 12000 — JX304 on B and C, every line named."""
    _, data = checked(_transfer(tmp_path / "t.xlsx", 8000, 4000,
                                [("省级资金", 1500), ("市级资金", 1000), ("县级资金", 2000)]))
    lines = "（中央补助 8000 + 地方资金 4000 + 省级资金 1500 + 市级资金 1000 + 县级资金 2000）"
    assert [(item["code"], item["cell"], item["message"]) for item in data["findings"]] == [
        ("JX304", "B6", f"全年预算数：各明细合计 16,500{lines}，年度资金总额为 12,000"),
        ("JX304", "C6", f"全年执行数：各明细合计 16,500{lines}，年度资金总额为 12,000")]
