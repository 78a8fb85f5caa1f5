"""A 小计 line among a money block's 其中 lines (red team rt32 r1 m07, m09): 年度资金总额
1000 / 1000 / 970 over 其中：中央补助资金 600 / 600 / 590, 省级补助资金 300 / 300 / 290,
小计 900 / 900 / 880, 县级配套资金 100 / 100 / 90. The block ended at a bare 小计 (three
JX304 “各明细合计 900 … 为 1000”) and a named one (上级补助资金小计) was added in as one
more line (“各明细合计 1900”). A 小计 adds up the lines above it since the total (or the
小计 before it): not a part of the total, 600 + 300 + 100 = 1000, 590 + 290 + 90 = 970;
a 小计 that is not its lines' sum is reported on itself."""

import pytest
from workbooks import PUTUO_1_ROWS, Book

from jixiao.checks import run_checks
from jixiao.model import evaluate
from jixiao.read.workbook import read_tables

HEADER = ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")


def _checked(tmp_path, subtotal):
    """The block above, its 小计 line ``subtotal`` (label, 年初, 全年预算数, 全年执行数):
    the total line in row 6, 中央 7, 省级 8, the 小计 9, 县级 10; the Putuo indicators' 90
    points, their 预算资金执行率 at 97 %, the 总分 90 + 9.7 = 99.7."""
    book = Book()
    sheet = book.sheet("自评表")
    sheet.title("项目支出绩效自评表", "（2024 年度）")
    sheet.project("城乡居民基本医疗保险补助项目", "某县医疗保障局", "某县医疗保险事务中心")
    sheet.money([("年度资金总额", 1000, 1000, 970, 10, "97.00%", 9.7),
                 ("其中：中央补助资金", 600, 600, 590, "—", "98.33%", "—"),
                 ("省级补助资金", 300, 300, 290, "—", "96.67%", "—"),
                 (*subtotal, "—", "97.78%", "—"),
                 ("县级配套资金", 100, 100, 90, "—", "90.00%", "—")], header=HEADER)
    sheet.indicators([(*PUTUO_1_ROWS[0][:4], "97%", *PUTUO_1_ROWS[0][5:]), *PUTUO_1_ROWS[1:]])
    sheet.total(100, 99.7)
    sheet.grade("优")
    (table,) = read_tables(book.save(tmp_path / "t.xlsx"))
    evaluation = evaluate(table)
    return table, evaluation, [(f.code, f.cell, f.message) for f in run_checks(table, evaluation)]


@pytest.mark.parametrize("label", ["小计", "上级补助资金小计"], ids=["m07", "m09"])
def test_a_subtotal_is_no_part(tmp_path, label):
    table, evaluation, found = _checked(tmp_path, (label, 900, 900, 880))
    assert [line.label for line in table.funds.parts] == ["中央补助资金", "省级补助资金",
                                                          "县级配套资金"]
    assert (evaluation.execution_score, evaluation.total) == (9.7, 99.7)
    assert found == []


def test_a_subtotal_not_its_lines_sum(tmp_path):
    """全年预算数 小计 890, its lines 600 + 300 = 900: on the 小计's cell (D9); the total
    600 + 300 + 100 = 1000 still adds up."""
    _, _, found = _checked(tmp_path, ("小计", 900, 890, 880))
    assert [item for item in found if item[0] == "JX304"] == [
        ("JX304", "D9", "全年预算数：各明细合计 900（中央补助资金 600 + 省级补助资金 300），"
                        "“小计”为 890")]


def test_a_subtotal_right_under_the_total_is_a_part(tmp_path):
    """年度资金总额 1000 / 1000 / 970 over 其中：财政资金小计 900 / 900 / 880 and 其他资金
    100 / 100 / 90: the 小计 has no lines of its own above it (none since the total), so it
    adds nothing up and is a part: 900 + 100 = 1000, 880 + 90 = 970 — no JX304 “各明细合计
    100（其他资金 100）”."""
    book = Book()
    sheet = book.sheet("自评表")
    sheet.title("项目支出绩效自评表", "（2024 年度）")
    sheet.project("城乡居民基本医疗保险补助项目", "某县医疗保障局", "某县医疗保险事务中心")
    sheet.money([("年度资金总额", 1000, 1000, 970, 10, "97.00%", 9.7),
                 ("其中：财政资金小计", 900, 900, 880, "—", "97.78%", "—"),
                 ("其他资金", 100, 100, 90, "—", "90.00%", "—")], header=HEADER)
    sheet.indicators([(*PUTUO_1_ROWS[0][:4], "97%", *PUTUO_1_ROWS[0][5:]), *PUTUO_1_ROWS[1:]])
    sheet.total(100, 99.7)
    sheet.grade("优")
    (table,) = read_tables(book.save(tmp_path / "t.xlsx"))
    evaluation = evaluate(table)
    assert [(line.label, line.budget) for line in table.funds.parts] == [
        ("财政资金小计", 900), ("其他资金", 100)]
    assert table.funds.subtotals == []
    assert (evaluation.execution_score, evaluation.total) == (9.7, 99.7)
    assert run_checks(table, evaluation) == []
