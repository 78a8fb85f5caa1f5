"""A money block in columns (中央补助 | 地方资金 | 小计 under 全年预算数（A） and under
全年执行数（B）) whose 执行率 is written on its own row below the 年度资金总额 line (执行率
（B/A） | 99.00%), not in a column of its own (red team rt31 r4 T3). The rate was not
read: a wrong 99 % beside 970 ÷ 1000 = 97 % went unreported."""

import pytest
from workbooks import PUTUO_1_ROWS, Book

from jixiao.checks import run_checks
from jixiao.model import evaluate
from jixiao.read.workbook import read_tables


def _checked(tmp_path, rate):
    """资金投入情况（万元） | | 全年预算数（A） (C:E) | 全年执行数（B） (F:H) over 中央补助 |
    地方资金 | 小计 twice; 年度资金总额 | 800 | 200 | 1000 | 780 | 190 | 970; then
    执行率（B/A） | ``rate``."""
    book = Book()
    sheet = book.sheet("自评表")
    sheet.title("中央对地方转移支付区域绩效自评表", "（2024 年度）")
    sheet.project("农村危房改造补助资金", "住房和城乡建设部", "某县住房和城乡建设局")
    top = sheet.line("资金投入情况（万元）", None, "全年预算数（A）", None, None, "全年执行数（B）")
    sheet.line(None, None, "中央补助", "地方资金", "小计", "中央补助", "地方资金", "小计")
    sheet.line(None, "年度资金总额", 800, 200, 1000, 780, 190, 970)
    sheet.line(None, "执行率（B/A）", rate)
    sheet.merge(top, 3, 5)
    sheet.merge(top, 6, 8)
    sheet.merge(top, 1, 1, top + 3)
    sheet.indicators([(*PUTUO_1_ROWS[0][:4], "97%", *PUTUO_1_ROWS[0][5:]), *PUTUO_1_ROWS[1:]])
    (table,) = read_tables(book.save(tmp_path / "t.xlsx"))
    evaluation = evaluate(table)
    return table, [(f.code, f.cell, f.message) for f in run_checks(
        table, evaluation, select={"JX301", "JX304", "JX305"})]


def test_the_rate_on_its_own_row_is_the_totals(tmp_path):
    table, found = _checked(tmp_path, "97.00%")
    total = table.funds.total
    assert (total.budget, total.executed, total.rate_declared) == (1000, 970, 97.0)
    assert total.sources["rate"].cell == "C8"
    assert found == []


@pytest.mark.parametrize(("rate", "written"), [("99.00%", "99"), (0.99, "99")])
def test_a_wrong_rate_on_its_own_row(tmp_path, rate, written):
    """970 ÷ 1000 is 97 %, written 99 %."""
    _, found = _checked(tmp_path, rate)
    assert found == [("JX301", "C8", f"“年度资金总额”执行率写为 {written}%，"
                                     "按 全年执行数 970 ÷ 全年预算数 1000 应为 97%")]
