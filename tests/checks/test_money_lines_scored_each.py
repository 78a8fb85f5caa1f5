"""A money block of two lines that each score their own 执行率 (red team rt31 g03):
本级资金 | … | 5 | 95% | 4.75 over 转移支付资金 | … | 5 | 95% | 4.75, no 年度资金总额 line.
The first line was read as the total, the second as its part (three JX304), and its 5
points as the 执行率's (JX101 95, JX102). Read so: the 执行率's 分值 is 5 + 5 = 10, its
得分 the lines' 4.75 + 4.75 = 9.5, each line's 分值 × its own 执行率 (JX302 per line)."""

from workbooks import PUTUO_1_ROWS, Book

from jixiao.checks import run_checks
from jixiao.model import evaluate
from jixiao.read.workbook import read_tables

HEADER = ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")


def _checked(tmp_path, transfer, rate_row, total):
    """本级资金 200 / 200 / 190 (95 %, 4.75 of 5) over 转移支付资金 ``transfer`` (its
    年初, 全年预算数, 全年执行数, 分值, 执行率, 得分); the Putuo indicators' 90 points, their
    预算资金执行率 row's 完成值 ``rate_row``; the 总分 ``total``."""
    book = Book()
    sheet = book.sheet("自评表")
    sheet.title("项目支出绩效自评表", "（2023 年度）")
    sheet.project("高素质农民培育项目", "某县农业农村局", "某县农业技术推广中心")
    top = sheet.line("项目资金（万元）", None, *HEADER)
    sheet.line(None, "本级资金", 200, 200, 190, 5, "95%", 4.75)
    sheet.line(None, "转移支付资金", *transfer)
    sheet.merge(top, 1, 1, sheet.row - 1)
    sheet.indicators([(*PUTUO_1_ROWS[0][:4], rate_row, *PUTUO_1_ROWS[0][5:]), *PUTUO_1_ROWS[1:]])
    sheet.total(100, total)
    sheet.grade("优")
    (table,) = read_tables(book.save(tmp_path / "t.xlsx"))
    evaluation = evaluate(table)
    return table, evaluation, [(f.code, f.cell, f.message) for f in run_checks(table, evaluation)]


def test_two_lines_of_five_points_each(tmp_path):
    """g03: 520 / 494 in all, 95 %; 4.75 + 4.75 = 9.5; 90 + 9.5 = 99.5."""
    table, evaluation, found = _checked(tmp_path, (300, 320, 304, 5, "95%", 4.75), "95%", 99.5)
    total = table.funds.total
    assert (total.budget, total.executed, table.funds.weight, table.funds.score_declared) \
        == (520, 494, 10, 9.5)
    assert (evaluation.rate, evaluation.execution_score, evaluation.total) == (95.0, 9.5, 99.5)
    assert found == []


def test_each_line_scored_by_its_own_rate(tmp_path):
    """转移支付资金 288 of 320 is 90 %, 5 × 90 % = 4.5: 4.75 + 4.5 = 9.25 — not 10 × the
    whole 478 ÷ 520 = 91.92 % (9.19); 90 + 9.25 = 99.25."""
    _, evaluation, found = _checked(tmp_path, (300, 320, 288, 5, "90%", 4.5), "91.92%", 99.25)
    assert (evaluation.execution_score, evaluation.total) == (9.25, 99.25)
    assert found == []


def test_a_lines_wrong_score(tmp_path):
    """转移支付资金 90 % of 5 is 4.5, written 5."""
    _, _, found = _checked(tmp_path, (300, 320, 288, 5, "90%", 5), "91.92%", 99.75)
    assert [item for item in found if item[0] == "JX302"] == [
        ("JX302", "H7", "“转移支付资金”执行率得分写为 5，按分值 5 × 执行率 90% 应为 4.5")]
