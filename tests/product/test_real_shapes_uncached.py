"""A submitted table whose own formulas (=G13, =SUM(…)) were saved without results — a
file written by a program and never opened in a spreadsheet. JX504 says how to get the
results: any spreadsheet program recalculates them. Before it sent the reviewer to the
jixiao add-in's “一键重算”, which plain formulas do not need."""

from __future__ import annotations

from workbooks import PUTUO_1_MONEY, PUTUO_1_ROWS, Formula, standard

from jixiao.pipeline import check_workbook


def test_plain_formulas_without_results_are_recalculated_by_any_spreadsheet(tmp_path):
    rows = [(*row[:6], Formula(f"=G{11 + i}"), row[7]) for i, row in enumerate(PUTUO_1_ROWS)]
    result = check_workbook(standard(tmp_path / "t.xlsx", rows=rows,
                                     total=(100, Formula("=SUM(H11:H15)"))))
    [item] = [item for item in result.findings if item.code == "JX504"]
    assert item.message.endswith("请在 Excel、WPS 或 LibreOffice 中打开本表，重算（F9）后保存，"
                                 "或运行 jixiao recalc")
    assert "加载项" not in item.message
    assert result.tables[0].evaluation.total == 99.98  # the rules' total, from the inputs


def test_jx_formulas_without_results_still_name_the_add_in(tmp_path):
    rows = [(*row[:6], Formula(f"=JX_SCORE(D{11 + i},E{11 + i},F{11 + i})") if i == 0 else row[6],
             row[7]) for i, row in enumerate(PUTUO_1_ROWS)]
    result = check_workbook(standard(tmp_path / "t.xlsx", rows=rows))
    [item] = [item for item in result.findings if item.code == "JX504"]
    assert "加载项" in item.message


def test_a_total_not_computed_names_the_rows_the_rules_cannot_score(tmp_path, capsys):
    """Before: "总分 填报 99.98 / 计算 —" with nothing saying why."""
    from jixiao.cli.main import main

    rows = [*PUTUO_1_ROWS[:4], (*PUTUO_1_ROWS[4][:3], "90%-95%", "85%", 10, 10, None)]
    main(["check", str(standard(tmp_path / "t.xlsx", rows=rows))])
    out = capsys.readouterr().out
    assert "计算 —（1 项得分规则无法计算：“服务对象满意度”，须人工核对）" in out, out


# rt21a 1: the money block written by a program (openpyxl) as formulas, never calculated
_TOTAL_AS_FORMULAS = ("年度资金总额", Formula("=C7+C8+C9"), Formula("=D7+D8+D9"),
                      Formula("=E7+E8+E9"), 10, Formula("=ROUND(E6/D6*100,2)"),
                      Formula("=ROUND(F6*G6/100,2)"))
_RECALC = "请在 Excel、WPS 或 LibreOffice 中打开本表，重算（F9）后保存，或运行 jixiao recalc"


def _findings(result):
    return [(item.code, item.cell, item.message) for item in result.findings]


def test_money_amounts_saved_without_results_are_to_recalculate_not_empty(tmp_path):
    """Before: JX504 counted the 执行率 and 得分 (G6, H6) but not the amounts C6–E6, and
    JX307 said “全年预算数或全年执行数为空”. Now one JX504 names all five; recalculating
    gives the table its 执行率得分 and 总分."""
    from jixiao.recalc.workbook import recalc_file

    path = standard(tmp_path / "t.xlsx", money=[_TOTAL_AS_FORMULAS, *PUTUO_1_MONEY[1:]])
    result = check_workbook(path)
    assert _findings(result) == [
        ("JX504", "C6", f"5 个公式单元格（C6、D6、E6、G6、H6）没有计算结果：文件保存前未重新计算；{_RECALC}")]
    evaluation = result.tables[0].evaluation
    assert evaluation.total is None
    assert evaluation.execution_note == ("全年预算数(A)、全年执行数(B)是公式，文件中没有保存计算结果，"
                                         "重算后才能计算执行率")

    recalc_file(path, tmp_path / "r.xlsx")
    result = check_workbook(tmp_path / "r.xlsx")
    assert _findings(result) == []
    assert (result.tables[0].evaluation.execution_score, result.tables[0].evaluation.total) \
        == (9.98, 99.98)


def test_a_budget_formula_without_result_beside_a_typed_initial_budget_is_not_unfilled(tmp_path):
    """Before: JX309 (an error) “全年预算数(A)未填写（年初预算数已填 30.03）”."""
    money = [("年度资金总额", 30.03, Formula("=D7+D8+D9"), 31.50, 10, 99.80, 9.98),
             *PUTUO_1_MONEY[1:]]
    result = check_workbook(standard(tmp_path / "t.xlsx", money=money))
    assert _findings(result) == [
        ("JX504", "D6", f"“年度资金总额”的全年预算数公式没有计算结果（保存前未重新计算）；{_RECALC}")]


def test_a_money_line_formula_without_result_is_not_added_up_as_blank(tmp_path):
    """Before: JX304 (an error) “全年执行数：各明细合计 0 …，年度资金总额为 31.5”."""
    money = [PUTUO_1_MONEY[0], ("其中：当年财政拨款", 30.03, 31.56, Formula("=31.5"), "—", 99.80, "—"),
             *PUTUO_1_MONEY[2:]]
    result = check_workbook(standard(tmp_path / "t.xlsx", money=money))
    assert _findings(result) == [
        ("JX504", "E7", f"“当年财政拨款”的全年执行数公式没有计算结果（保存前未重新计算）；{_RECALC}")]


def test_the_money_points_as_a_formula_without_result_leave_the_points_total_open(tmp_path):
    """Before: JX101 “分值合计为 90，应为 100” beside nothing about the formula."""
    money = [("年度资金总额", 30.03, 31.56, 31.50, Formula("=10"), 99.80, 9.98), *PUTUO_1_MONEY[1:]]
    result = check_workbook(standard(tmp_path / "t.xlsx", money=money))
    assert _findings(result) == [
        ("JX504", "F6", f"执行率分值公式没有计算结果（保存前未重新计算）；{_RECALC}")]
