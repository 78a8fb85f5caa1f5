"""A money block whose 全年预算数（A） and 全年执行数（B） each head their sources' columns
(中央补助 | 地方资金) with no 合计 among them (red team rt31 T2): A and B are the sources'
sums — 800 + 200 = 1000 and 780 + 190 = 970, a 执行率 of 97 % — not the first source's
alone (780 ÷ 800 = 97.5 %, a false JX301 on the right 97 %)."""

import pytest
from workbooks import PUTUO_1_ROWS, Book

from jixiao.checks import run_checks
from jixiao.model import evaluate
from jixiao.read.workbook import read_tables


def _checked(tmp_path, rate):
    """资金投入情况（万元） | | 全年预算数（A） (C:D) | 全年执行数（B） (E:F) | 执行率（B/A）
    over 中央补助 | 地方资金 twice, then 年度资金总额 | 800 | 200 | 780 | 190 | ``rate``."""
    book = Book()
    sheet = book.sheet("自评表")
    sheet.title("中央对地方转移支付区域绩效自评表", "（2024 年度）")
    sheet.project("农村危房改造补助资金", "住房和城乡建设部", "某县住房和城乡建设局")
    top = sheet.line("资金投入情况（万元）", None, "全年预算数（A）", None, "全年执行数（B）", None,
                     "执行率（B/A）")
    sheet.line(None, None, "中央补助", "地方资金", "中央补助", "地方资金")
    sheet.line(None, "年度资金总额", 800, 200, 780, 190, rate)
    sheet.merge(top, 3, 4)
    sheet.merge(top, 5, 6)
    sheet.merge(top, 7, 7, top + 1)
    sheet.merge(top, 1, 1, top + 2)
    sheet.indicators([(*PUTUO_1_ROWS[0][:4], "97%", *PUTUO_1_ROWS[0][5:]), *PUTUO_1_ROWS[1:]])
    (table,) = read_tables(book.save(tmp_path / "t.xlsx"))
    evaluation = evaluate(table)
    return table, evaluation, [(f.code, f.cell, f.message) for f in run_checks(
        table, evaluation, select={"JX301", "JX304", "JX305"})]


def test_the_amounts_are_the_sources_sums(tmp_path):
    table, evaluation, found = _checked(tmp_path, "97.00%")
    total = table.funds.total
    assert (total.budget, total.executed, evaluation.rate) == (1000, 970, 97.0)
    assert [(line.label, line.budget, line.executed) for line in table.funds.parts] == [
        ("中央补助", 800, 780), ("地方资金", 200, 190)]
    assert found == []


@pytest.mark.parametrize(("rate", "written"), [("99.00%", "99"), ("97.50%", "97.5")])
def test_a_wrong_rate_is_told_by_the_sums(tmp_path, rate, written):
    """99 % and the first source's 97.5 % are both wrong: 970 ÷ 1000 is 97 %."""
    _, _, found = _checked(tmp_path, rate)
    assert found == [("JX301", "G7", f"“年度资金总额”执行率写为 {written}%，"
                                     "按 全年执行数 970 ÷ 全年预算数 1000 应为 97%")]
