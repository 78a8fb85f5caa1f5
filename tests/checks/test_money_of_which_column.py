"""A source column labelled 其中：… under 全年预算数（A） / 全年执行数（B） is a part of the
column before it — "of which" — neither added to it nor the whole (rt31 r13 t11b, t12b,
t13b). Before: 合计 | 其中：中央补助 gave 2 false JX304 (各明细合计 800, 年度资金总额为
1000), and 当年财政拨款 | 其中：中央补助 | 上年结转 with no 合计 read A as 900 + 600 +
100 = 1600, not 900 + 100 = 1000."""

import pytest
from workbooks import PUTUO_1_ROWS, Book

from jixiao.checks import run_checks
from jixiao.model import evaluate
from jixiao.read.workbook import read_tables


def _checked(tmp_path, sources, amounts, rate="97%"):
    """资金投入情况（万元） | | 全年预算数（A） over ``sources`` | 全年执行数（B） over
    ``sources`` | 执行率（B/A） | 分值 | 得分, then 年度资金总额 | ``amounts`` | ``rate`` |
    10 | 9.7; indicators of 90 points scored 90 (总分 99.7)."""
    book = Book()
    sheet = book.sheet("自评表")
    sheet.title("中央对地方转移支付区域绩效自评表", "（2024 年度）")
    sheet.project("农村危房改造补助资金", "住房和城乡建设部", "某县住房和城乡建设局")
    count = len(sources)
    top = sheet.line("资金投入情况（万元）", None, "全年预算数（A）", *[None] * (count - 1),
                     "全年执行数（B）", *[None] * (count - 1), "执行率（B/A）", "分值", "得分")
    sheet.line(None, None, *sources, *sources)
    sheet.line(None, "年度资金总额", *amounts, rate, 10, 9.7)
    sheet.merge(top, 3, 2 + count)
    sheet.merge(top, 3 + count, 2 + 2 * count)
    for column in range(3 + 2 * count, 6 + 2 * count):
        sheet.merge(top, column, column, top + 1)
    sheet.merge(top, 1, 1, top + 2)
    sheet.indicators([(*PUTUO_1_ROWS[0][:4], "97%", *PUTUO_1_ROWS[0][5:]), *PUTUO_1_ROWS[1:]])
    sheet.total(100, 99.7)
    (table,) = read_tables(book.save(tmp_path / "t.xlsx"))
    evaluation = evaluate(table)
    return table, evaluation, [(f.code, f.cell, f.message) for f in run_checks(table, evaluation)]


def test_one_of_which_column_beside_the_sum_is_no_breakdown(tmp_path):
    """合计 1000 | 其中：中央补助 800 (B 970 | 780): A 1000, B 970, 97 %; 800 of 1000 is
    of which, no JX304."""
    table, evaluation, found = _checked(tmp_path, ["合计", "其中：中央补助"],
                                        [1000, 800, 970, 780])
    assert (table.funds.total.budget, table.funds.total.executed, evaluation.rate) == (
        1000, 970, 97.0)
    assert found == []


@pytest.mark.parametrize(("sources", "amounts", "parts"), [
    (["当年财政拨款", "其中：中央补助", "上年结转"], [900, 600, 100, 880, 590, 90],
     [("当年财政拨款", 900, 880, False), ("中央补助", 600, 590, True),
      ("上年结转", 100, 90, False)]),
    (["财政资金", "其中：中央资金"], [1000, 600, 970, 580],
     [("财政资金", 1000, 970, False), ("中央资金", 600, 580, True)]),
])
def test_an_of_which_column_is_not_added(tmp_path, sources, amounts, parts):
    """No 合计: A = 900 + 100 = 1000 and B = 880 + 90 = 970 (财政资金: 1000, 970), the 其中
    column a part of the one before it — 97 %, 10 × 97 % = 9.7, 总分 90 + 9.7 = 99.7."""
    table, evaluation, found = _checked(tmp_path, sources, amounts)
    assert (table.funds.total.budget, table.funds.total.executed, evaluation.rate,
            evaluation.total) == (1000, 970, 97.0, 99.7)
    assert [(line.label, line.budget, line.executed, line.nested)
            for line in table.funds.parts] == parts
    assert found == []


def test_an_of_which_column_larger_than_its_column_is_told(tmp_path):
    """当年财政拨款 900 | 其中：中央补助 950: more than the column it is a part of (JX304
    on the 财政拨款's A: 950 under 900); B 880 | 590 adds up."""
    _, _, found = _checked(tmp_path, ["当年财政拨款", "其中：中央补助", "上年结转"],
                           [900, 950, 100, 880, 590, 90])
    assert [(code, cell, message) for code, cell, message in found if code == "JX304"] == [
        ("JX304", "C7", "全年预算数：“当年财政拨款”下按来源分列的合计 950，“当年财政拨款”为 900")]
