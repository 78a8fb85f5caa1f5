"""The 执行率 of a money block whose sources head the columns and whose amounts run down the
rows (red team rt32 r4 F6, F7, T2, T3): 中央资金 | 省级资金 | 市级资金 | 县级资金 | 合计 over
全年预算数 / 全年执行数 / 执行率, the 执行率 row filled in for every column. The amounts
were the 合计's but the rate the first column's (中央 98 %): a false JX301 “执行率写为 98%
…应为 96.54%”. The declared rate is the 合计 column's, 178.6 ÷ 185 = 96.54 %."""

import pytest
from workbooks import PUTUO_1_ROWS, Book

from jixiao.checks import run_checks
from jixiao.model import evaluate
from jixiao.read.workbook import read_tables


def _read(tmp_path, columns, rows, points):
    """项目资金（万元） | ``columns`` over ``rows`` (label, *a cell per column), then 分值 10
    and 得分 9.65 as ``points`` says ("beside": right of the 执行率 row under a 分值 |
    得分 header; "rows": rows of their own under the total's column); the Putuo
    indicators (their 预算资金执行率 at 96.54 %), 90 + 9.65 = 99.65."""
    book = Book()
    sheet = book.sheet("自评表")
    sheet.title("项目支出绩效自评表", "（2024 年度）")
    sheet.project("高素质农民培育项目", "某县农业农村局", "某县农业技术推广中心")
    beside = ("分值", "得分") if points == "beside" else ()
    top = sheet.line("项目资金（万元）", None, *columns, *beside)
    for at, (label, *cells) in enumerate(rows):
        sheet.line(label, None, *cells, *((10, 9.65) if beside and at == len(rows) - 1 else ()))
    if points == "rows":
        blank = ["—"] * (len(columns) - 1)
        sheet.line("分值", None, *blank, 10)
        sheet.line("得分", None, *blank, 9.65)
    sheet.merge(top, 1, 1, top)
    sheet.indicators([(*PUTUO_1_ROWS[0][:4], "96.54%", *PUTUO_1_ROWS[0][5:]), *PUTUO_1_ROWS[1:]])
    sheet.total(100, 99.65)
    sheet.grade("优")
    (table,) = read_tables(book.save(tmp_path / "t.xlsx"))
    evaluation = evaluate(table)
    return table, evaluation, [(f.code, f.cell, f.message) for f in run_checks(table, evaluation)]


CASES = {
    "F6": (("中央资金", "省级资金", "市级资金", "县级资金", "合计"),
           [("全年预算数", 100, 40, 20, 25, 185), ("全年执行数", 98, 38.6, 20, 22, 178.6),
            ("执行率", "98%", "96.5%", "100%", "88%", "96.54%")], "beside", "G8"),
    "F7": (("中央资金", "地方资金", "合计"),
           [("全年预算数", 100, 85, 185), ("全年执行数", 98, 80.6, 178.6),
            ("执行率", "98%", "94.82%", "96.54%")], "beside", "E8"),
    "T2": (("当年财政拨款", "上年结转资金", "其他资金", "年度资金总额"),
           [("年初预算数", 165, 35, 0, 200), ("全年预算数", 150, 35, 0, 185),
            ("全年执行数", 145.6, 33, 0, 178.6), ("执行率", "97.07%", "94.29%", "—", "96.54%")],
           "rows", "F9"),
    "T3": (("财政拨款", "其他资金", "合计"),
           [("全年预算数", 150, 35, 185), ("全年执行数", 145.6, 33, 178.6),
            ("执行率", "97.07%", "94.29%", "96.54%")], "rows", "E8"),
}


@pytest.mark.parametrize("case", CASES)
def test_the_rate_is_the_sum_columns(tmp_path, case):
    columns, rows, points, cell = CASES[case]
    table, evaluation, found = _read(tmp_path, columns, rows, points)
    total = table.funds.total
    assert (total.budget, total.executed, total.rate_declared) == (185, 178.6, 96.54)
    assert total.sources["rate"].cell == cell
    assert (evaluation.execution_score, evaluation.total) == (9.65, 99.65)
    assert found == []
