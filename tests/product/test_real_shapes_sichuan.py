"""Real 四川 tables (the red team's second round): the 2023 部门预算项目支出绩效自评表
(报表编号 510000_0013zp) whose money header heads its label column with 年度预算数(万元),
and the rows units write under a table without a 总分 row (the signature line, the
偏差原因 and 改进措施 rows)."""

import pytest
from test_real_shapes import checked, codes
from workbooks import Book

from jixiao.model import evaluate

INDICATORS_HEADER = ("绩效指标(90分)", "一级指标", "二级指标", "三级指标", "指标性质", "指标值",
                     "度量单位", "完成值", "权重", "得分", "未完成原因分析")
INDICATORS = [
    (None, "产出指标", "数量指标", "发放(缴纳)覆盖率", "=", 100, "%", 100, 30, 30),
    (None, None, "质量指标", "资金使用合规率", "=", 100, "%", 100, 20, 20),
    (None, None, "时效指标", "按时发放率", "≥", 95, "%", 100, 10, 10),
    (None, "效益指标", "社会效益指标", "足额保障率(参保率)", "=", 100, "%", 100, 20, 20),
    (None, "满意度指标", "服务对象满意度指标", "职工满意度", "≥", 90, "%", 85, 10, 9.44,
     "个别职工对发放时间有意见"),
]


def sichuan_2023(path, money_header, lines):
    """The 510000_0013zp form: 预算执行情况(10分) merged down its money lines, then the
    indicators under 绩效指标(90分), then 合计."""
    book = Book()
    sheet = book.sheet()
    sheet.line("报表编号:510000_0013zp")
    sheet.line("部门预算项目支出绩效自评表(2023年度)")
    sheet.line("项目名称", "51000021R000000019951-工资性支出")
    sheet.line("主管部门", "青神县发展和改革局本级", None, None, None, "实施单位 (盖章)", "青神县发展和改革局")
    top = sheet.line("预算执行情况(10分)", *money_header)
    for values in lines:
        sheet.line(None, *values)
    sheet.merge(top, 1, 1, sheet.row - 1)
    first = sheet.line(*INDICATORS_HEADER)
    for values in INDICATORS:
        sheet.line(*values)
    sheet.merge(first, 1, 1, sheet.row - 1)
    sheet.merge(first + 1, 2, 2, first + 3)
    total = sheet.line("合计", None, None, None, None, None, None, None, 100, 99.44)
    sheet.merge(total, 1, 8)
    return book.save(path)


# 年度预算数(万元) heads the column of 总额 / 其中:财政资金; 调整后预算数 is the budget (A)
REAL_HEADER = ("年度预算数(万元)", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重",
               "得分", "原因")
REAL_LINES = [("总额", 238.93, 251.89, 251.89, "100.00%", 10, 10, "1.预算执行率=预算执行数/调整后预算数"),
              ("其中:财政资金", 238.93, 251.89, 251.89, "100.00%", "/", "/")]


def test_the_label_columns_heading_is_no_budget_column(tmp_path):
    table, data = checked(sichuan_2023(tmp_path / "青神.xlsx", REAL_HEADER, REAL_LINES))
    assert table.funds.total.budget == pytest.approx(251.89)
    assert table.funds.total.executed == pytest.approx(251.89)
    assert table.funds.total.initial_budget == pytest.approx(238.93)
    assert "JX101" not in codes(data) and "JX501" not in codes(data)
    assert evaluate(table).total == pytest.approx(99.44)


def test_a_year_budget_column_over_amounts_is_still_the_budget(tmp_path):
    """年度预算数 over the amounts, the labels under a heading of their own: A as before."""
    header = ("资金", "年度预算数(万元)", "预算执行数", "预算执行率", "权重", "得分")
    lines = [("总额", 251.89, 251.89, "100.00%", 10, 10), ("其中:财政资金", 251.89, 251.89, "100.00%")]
    table, data = checked(sichuan_2023(tmp_path / "四川.xlsx", header, lines))
    assert table.funds.total.budget == pytest.approx(251.89)
    assert table.funds.total.executed == pytest.approx(251.89)
    assert "JX101" not in codes(data) and "JX501" not in codes(data)
