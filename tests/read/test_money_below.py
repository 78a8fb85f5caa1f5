"""The money block printed below the indicators, before the 总分 row (county forms that
print 预算执行情况 last): its lines are the table's funds, not indicators."""

from workbooks import PUTUO_1_MONEY, PUTUO_1_ROWS, Book

from jixiao.checks import run_checks
from jixiao.model import evaluate
from jixiao.read.workbook import read_tables


def test_money_between_the_indicators_and_the_total(tmp_path):
    book = Book()
    sheet = book.sheet()
    sheet.title("项目支出绩效自评表", "（2024 年度）")
    sheet.project("信息安全等保项目", "上海市普陀区医疗保障局", "上海市普陀区医疗保险事务中心")
    sheet.indicators(PUTUO_1_ROWS)
    sheet.money(PUTUO_1_MONEY)
    sheet.total(100, 99.98)
    sheet.grade("优")
    (table,) = read_tables(book.save(tmp_path / "money-below.xlsx"))
    assert [i.name for i in table.indicators] == [row[2] for row in PUTUO_1_ROWS]
    assert (table.funds.total.budget, table.funds.total.executed) == (31.56, 31.50)
    evaluation = evaluate(table)  # 10 × 31.50 / 31.56 = 9.98; 9.98 + 90
    assert (evaluation.execution_score, evaluation.total) == (9.98, 99.98)
    assert [f.code for f in run_checks(table, evaluation)] == []


def test_money_below_a_table_whose_header_was_printed_again(tmp_path):
    """A page break repeats the header; the money block then follows the second part."""
    book = Book()
    sheet = book.sheet()
    sheet.title("项目支出绩效自评表", "（2024 年度）")
    sheet.project("信息安全等保项目", "上海市普陀区医疗保障局", "上海市普陀区医疗保险事务中心")
    sheet.indicators(PUTUO_1_ROWS[:3])
    sheet.indicators(PUTUO_1_ROWS[3:])
    sheet.money(PUTUO_1_MONEY)
    sheet.total(100, 99.98)
    (table,) = read_tables(book.save(tmp_path / "money-below-repeated.xlsx"))
    assert len(table.indicators) == 5 and table.funds.total.budget == 31.56
    assert evaluate(table).total == 99.98
    assert [f.code for f in run_checks(table, evaluate(table))] == []
