"""A submitted table whose own formulas (=G13, =SUM(…)) were saved without results — a
file written by a program and never opened in a spreadsheet. JX504 says how to get the
results: any spreadsheet program recalculates them. Before it sent the reviewer to the
jixiao add-in's “一键重算”, which plain formulas do not need."""

from __future__ import annotations

from workbooks import PUTUO_1_ROWS, Formula, standard

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
