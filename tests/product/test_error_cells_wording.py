"""Cells that show an Excel error are said to show it, never to be empty (rt24 n3: before,
a 完成值 =TEXT(G6,"0.00%") showing #DIV/0! was “未填写实际完成值”, a 全年执行数 =#REF!
“全年执行数(B)未填写”, amounts showing #VALUE! “为空”); a 全年预算数 of 0 that JX307
names is not also an overspend on every line (JX303)."""

import pytest
from test_real_shapes import checked
from workbooks import PUTUO_1_MONEY, PUTUO_1_ROWS, Formula, standard


def _said(data):
    return [(item["code"], item["cell"], item["message"]) for item in data["findings"]]


def _rows(column, value):
    rows = [list(row) for row in PUTUO_1_ROWS]
    rows[0][column] = value
    return [tuple(row) for row in rows]


def _money(**cells):
    """PUTUO_1_MONEY with the 年度资金总额's cells replaced: column index → value."""
    money = [list(line) for line in PUTUO_1_MONEY]
    for column, value in cells.items():
        money[0][int(column[1:])] = value
    return [tuple(line) for line in money]


@pytest.mark.parametrize(("column", "value", "cell", "message"), [
    (4, Formula('=TEXT(G6,"0.00%")', "#DIV/0!"), "F11",
     "“预算资金执行率”的实际完成值公式显示 #DIV/0!，没有有效的实际完成值；请检查公式"),
    (4, "#REF!", "F11",  # an error pasted as a value
     "“预算资金执行率”的实际完成值显示 #REF!，没有有效的实际完成值；请填写实际完成值"),
    (3, Formula("=1/0", "#DIV/0!"), "E11",
     "“预算资金执行率”的年度指标值公式显示 #DIV/0!，没有有效的年度指标值；请检查公式"),
    (4, None, "F11", "“预算资金执行率”未填写实际完成值"),  # blank: as before
])
def test_a_target_or_actual_showing_an_error_says_so(tmp_path, column, value, cell, message):
    code = "JX201" if column == 3 else "JX202"
    _, data = checked(standard(tmp_path / "t.xlsx", rows=_rows(column, value)))
    assert _said(data) == [(code, cell, message)]


def test_an_executed_amount_showing_ref_is_not_unfilled(tmp_path):
    """全年执行数 =#REF! (its source sheet deleted): JX309 says what it shows."""
    _, data = checked(standard(tmp_path / "t.xlsx",
                               money=_money(c3=Formula("=#REF!", "#REF!"))))
    assert _said(data) == [("JX309", "E6", "全年执行数(B)公式显示 #REF!，执行率得分、总分无法计算")]


def test_amounts_all_showing_value_are_not_empty(tmp_path):
    """年初预算数, 全年预算数, 全年执行数 all #VALUE! (money pasted as text, divided):
    JX307 says they show #VALUE!, not “全年预算数或全年执行数为空”."""
    value = Formula("=X1/10000", "#VALUE!")
    _, data = checked(standard(tmp_path / "t.xlsx", money=_money(c1=value, c2=value, c3=value)))
    assert _said(data) == [("JX307", "D6", "执行率得分（分值 10）无法计算：全年预算数(A)、全年执行数(B)"
                                          "公式显示 #VALUE!，无法计算执行率；总分无法算出。按其中"
                                          "各行合计（全年预算数 31.56，全年执行数 31.5），执行率 "
                                          "99.81%，执行率得分应为 9.98")]


def test_a_budget_of_zero_named_by_jx307_is_not_an_overspend_on_each_line(tmp_path):
    """全年预算数 left 0 on every line (its source cells empty): JX307 names it; no JX303
    “全年执行数 31.5 大于全年预算数 0” on the total and its lines."""
    money = [("年度资金总额", 30.03, 0, 31.50, 10, None, 9.98),
             ("其中：当年财政拨款", 30.03, 0, 31.50, "—", None, "—"),
             ("上年结转资金", 0, 0, 0, "—", 0, "—"),
             ("其他资金", 0, 0, 0, "—", 0, "—")]
    _, data = checked(standard(tmp_path / "t.xlsx", money=money))
    assert _said(data) == [("JX307", "D6", "执行率得分（分值 10）无法计算：全年预算数为 0，"
                                          "须大于 0 才能计算执行率；总分无法算出")]


def test_a_line_spent_without_budget_beside_a_budgeted_total_is_still_an_overspend(tmp_path):
    """The total budgeted (31.56), 上年结转资金 0 | 2: a real 执行数 > 预算数, JX303 kept."""
    money = [("年度资金总额", 30.03, 31.56, 31.50, 10, 99.80, 9.98),
             ("其中：当年财政拨款", 30.03, 31.56, 29.5, "—", 93.47, "—"),
             ("上年结转资金", 0, 0, 2, "—", None, "—"),
             ("其他资金", 0, 0, 0, "—", 0, "—")]
    _, data = checked(standard(tmp_path / "t.xlsx", money=money))
    assert _said(data) == [("JX303", "E8", "“上年结转资金”全年执行数 2 大于全年预算数 0")]


@pytest.mark.parametrize(("value", "note"), [
    (Formula("=JX_AMOUNT(1)", "#NAME?"),
     "全年预算数(A)、全年执行数(B)是公式，文件中没有保存计算结果，重算后才能计算执行率"),
    (Formula("=X1/10000", "#VALUE!"), "全年预算数(A)、全年执行数(B)公式显示 #VALUE!，无法计算执行率"),
    ("#VALUE!", "全年预算数(A)、全年执行数(B)显示 #VALUE!，无法计算执行率"),
])
def test_the_execution_note_says_what_the_amounts_show_as_the_checks_do(tmp_path, value, note):
    """The 执行率's note (the score sheet's ⚠ line, JX307's reason) words an amount's error
    by the checks' one ``shown_error``: a =JX_…() result lost as #NAME? (saved by a program
    without jixiao's functions) is one to recalculate, as JX504 says — before, the note
    alone called it “公式显示 #NAME?”."""
    from jixiao.pipeline import check_workbook

    path = standard(tmp_path / "t.xlsx", money=_money(c1=value, c2=value, c3=value))
    [checked_table] = check_workbook(path).tables
    assert checked_table.evaluation.execution_note == note
