"""JX304 on a money block whose sources head the columns (合计 | 当年财政拨款 | 上年结转资金 |
其他资金 | 分值 | 执行率 | 得分) and whose amounts are rows down (年初预算数 / 全年预算数 /
全年执行数), red team rt31 f02, f08, f09, f13, f14: with a 年初预算数 row the sources'
header was taken for the row above the 全年预算数 one — the 年初 row — and no source was
read, so a 全年预算数 of 128.64 beside 108.64 + 10 + 0 passed. The 年初 row's sources are
added up against its 合计 too."""

import pytest
from workbooks import PUTUO_1_ROWS, Book

from jixiao.checks import run_checks
from jixiao.model import evaluate
from jixiao.read.workbook import read_tables

SOURCES = ("当年财政拨款", "上年结转资金", "其他资金")


def _jx304(tmp_path, rows, order=("合计", *SOURCES), total_label="合计"):
    """A money block 项目资金（万元） | 合计 | 当年财政拨款 | 上年结转资金 | 其他资金 | 分值 |
    执行率 | 得分 over ``rows`` (label, {column: amount}), the 执行率 and its points on
    the last row (全年执行数: 10, 93.39 %, 9.34); the Putuo indicators' 90 points beside."""
    book = Book()
    sheet = book.sheet("自评表")
    sheet.title("项目支出绩效自评表", "（2023 年度）")
    sheet.project("高素质农民培育项目", "某县农业农村局", "某县农业技术推广中心")
    names = [total_label if column == "合计" else column for column in order]
    top = sheet.line("项目资金（万元）", None, *names, "分值", "执行率", "得分")
    for at, (label, amounts) in enumerate(rows):
        points = (10, "93.39%", 9.34) if at == len(rows) - 1 else ()
        sheet.line(None, label, *(amounts[column] for column in order), *points)
    sheet.merge(top, 1, 1, sheet.row - 1)
    sheet.indicators(PUTUO_1_ROWS)
    sheet.total(100, 99.34)
    sheet.grade("优")
    (table,) = read_tables(book.save(tmp_path / "t.xlsx"))
    return table, [(f.cell, f.message) for f in run_checks(table, evaluate(table),
                                                           select={"JX304"})]


def _amounts(total, *sources):
    return dict(zip(("合计", *SOURCES), (total, *sources), strict=True))


# 年初 120 = 100 + 20 + 0; 全年预算数 128.64 but 108.64 + 10 + 0 = 118.64; 全年执行数 120.14
# but 100.14 + 10 + 0 = 110.14 (f02: the 上年结转 cut from 20 to 10 and the 合计 kept)
F02 = [("年初预算数", _amounts(120, 100, 20, 0)), ("全年预算数", _amounts(128.64, 108.64, 10, 0)),
       ("全年执行数", _amounts(120.14, 100.14, 10, 0))]
F02_FOUND = [
    ("C7", "全年预算数：各明细合计 118.64（当年财政拨款 108.64 + 上年结转资金 10 + 其他资金 0），"
           "年度资金总额为 128.64"),
    ("C8", "全年执行数：各明细合计 110.14（当年财政拨款 100.14 + 上年结转资金 10 + 其他资金 0），"
           "年度资金总额为 120.14")]


def test_sources_that_do_not_add_up_under_a_row_of_the_initial_budget(tmp_path):
    table, found = _jx304(tmp_path, F02)
    assert (table.funds.total.budget, table.funds.total.executed) == (128.64, 120.14)
    assert found == F02_FOUND


def test_the_sum_column_last(tmp_path):
    """f08: 当年财政拨款 | 上年结转资金 | 其他资金 | 合计 — the same sums, the 合计 in F."""
    _, found = _jx304(tmp_path, F02, order=(*SOURCES, "合计"))
    assert found == [(cell.replace("C", "F"), message) for cell, message in F02_FOUND]


def test_the_total_named_as_the_form_names_it(tmp_path):
    """f09: 年度资金总额 | 当年财政拨款 | … heading the columns, as the lines are named."""
    _, found = _jx304(tmp_path, F02, total_label="年度资金总额")
    assert found == F02_FOUND


def test_sources_that_add_up_in_every_row(tmp_path):
    rows = [("年初预算数", _amounts(120, 100, 20, 0)), ("全年预算数", _amounts(128.64, 118.64, 10, 0)),
            ("全年执行数", _amounts(120.14, 110.14, 10, 0))]
    table, found = _jx304(tmp_path, rows)
    assert [line.label for line in table.funds.parts] == list(SOURCES)
    assert found == []


@pytest.mark.parametrize(("initial", "budget", "found"), [
    # f13: 年初 800 + 200 = 1000 right; 全年 800 + 250 = 1050 of 1000
    ((1000, 800, 200, 0), (1000, 800, 250, 0),
     [("C7", "全年预算数：各明细合计 1050（当年财政拨款 800 + 上年结转资金 250 + 其他资金 0），"
             "年度资金总额为 1000")]),
    # f14: 全年 800 + 200 = 1000 right; 年初 800 + 250 = 1050 of 1000
    ((1000, 800, 250, 0), (1000, 800, 200, 0),
     [("C6", "年初预算数：各明细合计 1050（当年财政拨款 800 + 上年结转资金 250 + 其他资金 0），"
             "年度资金总额为 1000")]),
])
def test_the_initial_budget_row_is_added_up_as_the_others(tmp_path, initial, budget, found):
    rows = [("年初预算数", _amounts(*initial)), ("全年预算数", _amounts(*budget)),
            ("全年执行数", _amounts(960, 760, 200, 0))]
    assert _jx304(tmp_path, rows)[1] == found


def test_without_an_initial_budget_row(tmp_path):
    """f12, found before: 全年预算数 800 + 250 = 1050 of 1000."""
    rows = [("全年预算数", _amounts(1000, 800, 250, 0)), ("全年执行数", _amounts(960, 760, 200, 0))]
    assert _jx304(tmp_path, rows)[1] == [
        ("C6", "全年预算数：各明细合计 1050（当年财政拨款 800 + 上年结转资金 250 + 其他资金 0），"
               "年度资金总额为 1000")]
