"""The money findings name the budget (A) as the table's header does: 预算数, 调整后预算数,
or 年初预算数 where the table has no other budget column — not the form's 全年预算数,
which a reviewer looks for and does not find (left30 #1). A table headed 全年预算数 keeps
the words it always had."""

import pytest
from workbooks import standard

from jixiao.checks import run_checks
from jixiao.model import evaluate
from jixiao.read.workbook import read_tables
from jixiao.report.text import evaluation_text

# (header of A, how the findings name it): the 年初预算数 column stays beside it, except
# where the table has no other budget column and A is the 年初预算数 itself
NAMED = [("预算数", "预算数"), ("调整后预算数", "调整后预算数"), ("全年预算数", "全年预算数")]


def _table(tmp_path, budget_header, line):
    """年度资金总额 ``line`` (its amounts) under 年初预算数 | ``budget_header`` | 全年执行数 …
    (no 年初 column where ``budget_header`` is itself 年初预算数); the PUTUO rows below."""
    header = ("年初预算数", budget_header, "全年执行数", "分值", "执行率", "得分")
    if budget_header == "年初预算数":
        header, line = header[1:], line[1:]
    path = standard(tmp_path / "t.xlsx", money=[("年度资金总额", *line)], money_header=header)
    (table,) = read_tables(path)
    return table


def _messages(table, code):
    return [(f.cell, f.message) for f in run_checks(table, evaluate(table), select={code})]


@pytest.mark.parametrize(("header", "name"), [*NAMED, ("年初预算数", "年初预算数")])
def test_spending_over_the_budget_names_the_budget_column(tmp_path, header, name):
    """执行数 105 of 100: JX303 at the 执行数 (E6, or D6 without the 年初 column)."""
    table = _table(tmp_path, header, (100, 100, 105, 10, "105%", 10))
    cell = "D6" if header == "年初预算数" else "E6"
    assert _messages(table, "JX303") == [(cell, f"“年度资金总额”全年执行数 105 大于{name} 100")]


@pytest.mark.parametrize(("header", "name"), [("预算数", "预算数"), ("调整后预算数", "调整后预算数"),
                                              ("全年预算数", "全年预算数(A)")])
def test_a_budget_left_blank_names_the_budget_column(tmp_path, header, name):
    table = _table(tmp_path, header, (100, None, 98, 10, "98%", 9.8))
    assert _messages(table, "JX309") == [
        ("D6", f"{name}未填写（年初预算数已填 100），执行率得分、总分无法计算")]


@pytest.mark.parametrize(("header", "name"), [*NAMED, ("年初预算数", "年初预算数")])
def test_a_budget_of_nought_names_the_budget_column(tmp_path, header, name):
    """A of 0: no 执行率 (JX307, and the text report's note and money line)."""
    table = _table(tmp_path, header, (0, 0, 0, 10, None, None))
    cell = "C6" if header == "年初预算数" else "D6"
    why = f"{name}为 0，须大于 0 才能计算执行率"
    assert _messages(table, "JX307") == [
        (cell, f"执行率得分（分值 10）无法计算：{why}；总分无法算出")]
    text = evaluation_text(table, evaluate(table))
    assert f"项目资金：{name} 0.00 万元，全年执行数 0.00 万元" in text
    assert f"⚠ {why}" in text


@pytest.mark.parametrize(("header", "name"), [("已拨付资金", "已拨付资金"), ("全年执行数", "全年执行数"),
                                              ("全年执行数（B）", "全年执行数")])
def test_a_wrong_rate_names_the_spending_column(tmp_path, header, name):
    """rt30 r9: B headed 已拨付资金 (the only spending column), 95 of 100, the 执行率
    written 100%: 95 ÷ 100 = 95%, in the words of the header — no 全年执行数 the table lacks."""
    path = standard(tmp_path / "t.xlsx", money=[("年度资金总额", 100, 100, 95, 10, "100%", 10)],
                    money_header=("年初预算数", "全年预算数", header, "分值", "执行率", "得分"))
    (table,) = read_tables(path)
    assert _messages(table, "JX301") == [
        ("G6", f"“年度资金总额”执行率写为 100%，按 {name} 95 ÷ 全年预算数 100 应为 95%")]
    assert f"全年预算数 100.00 万元，{name} 95.00 万元" in evaluation_text(table, evaluate(table))
