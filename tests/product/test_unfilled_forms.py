"""Forms sent back before the self-evaluation was done (rt25 g2): only the money filled,
or the targets and 分值 copied in without a 完成值 or 得分 anywhere. Neither is graded nor
counted in a batch's averages, and each is one JX001 — while a filled table with some
完成值 or 得分 missing keeps its finding on each empty cell."""

import json

import openpyxl
from workbooks import PUTUO_1_MONEY, PUTUO_1_ROWS, standard

from jixiao.cli.main import main
from jixiao.layout import FUND_ROWS, GRADE_ROW, SHEET
from jixiao.pipeline import check_workbook
from jixiao.recalc.workbook import recalc_file
from jixiao.report.json import json_report
from jixiao.report.text import total_line

MONEY_ONLY = [(level1, level2, "指标1：", None, None, None, None, None)
              for level1, level2, *_ in PUTUO_1_ROWS]  # the form's placeholders, unfilled
BLANK_MONEY = [(label, None, None, None, points, None, None)
               for label, _, _, _, points, _, _ in PUTUO_1_MONEY]
TARGETS_ONLY = [(*row[:4], None, row[5], None, None) for row in PUTUO_1_ROWS]


def checked(path):
    result = check_workbook(path)
    assert result.error is None, result.error
    [table] = result.tables
    return table, json.loads(json_report([result]))


def found(data):
    return [(item["code"], item["severity"], item["cell"], item["message"])
            for item in data["findings"]]


def test_a_form_with_only_its_money_is_not_graded(tmp_path):
    """Before: 总分 计算 9.98, 评分等级 计算 差 — the 执行率 alone graded as a table. Its
    分值 total 10 (the 执行率's), not 100: no grade, as the template's own cell says."""
    table, data = checked(standard(tmp_path / "t.xlsx", rows=MONEY_ONLY, total=(100, None),
                                   grade=None))
    assert found(data) == [("JX001", "error", "D10", "自评表未填写：没有填写任何三级指标，是空表")]
    assert (data["weight_total"], data["total_computed"], data["grade_computed"]) == (
        10, 9.98, None)
    assert table.grade is None
    assert total_line(table) == "总分 填报 — / 计算 9.98；评分等级 填报 — / 计算 —（分值合计 10，" \
                                "不是 100，不评等级）"


def test_the_template_with_only_its_money_and_check_say_the_same(tmp_path, capsys):
    """jixiao new, the money typed, jixiao recalc: the template's 评分等级 cell says
    “⚠ 分值合计 10，不是 100，不评等级”; check said 计算 差."""
    raw = tmp_path / "raw.xlsx"
    assert main(["new", str(raw), "--year", "2024"]) == 0
    capsys.readouterr()
    book = openpyxl.load_workbook(raw)
    sheet = book[SHEET]
    sheet["D3"], sheet["D4"] = "社区养老服务补贴项目", "某县民政局"
    for row, amounts in zip(FUND_ROWS, [(100, 120, 114), (100, 120, 114), (0, 0, 0), (0, 0, 0)],
                            strict=True):
        for column, amount in zip("DEF", amounts, strict=True):
            sheet[f"{column}{row}"] = amount
    book.save(raw)
    path = recalc_file(raw, tmp_path / "r.xlsx")[0]
    shown = openpyxl.load_workbook(path, data_only=True)[SHEET][f"H{GRADE_ROW}"].value
    assert shown == "⚠ 分值合计 10，不是 100，不评等级"
    table, data = checked(path)
    assert [item[0] for item in found(data)] == ["JX001"]
    assert (data["weight_total"], data["total_declared"], data["grade_computed"]) == (
        10, 9.5, None)
    assert total_line(table).endswith("评分等级 填报 — / 计算 —（分值合计 10，不是 100，不评等级）")


def test_a_batch_neither_grades_nor_averages_a_form_with_only_its_money(tmp_path, capsys):
    """Before: 统计 counted one 差 and the 9.98 pulled the department's average down."""
    inbox = tmp_path / "收件"
    inbox.mkdir()
    standard(inbox / "只填资金.xlsx", rows=MONEY_ONLY, total=(100, None), grade=None)
    standard(inbox / "已填.xlsx", name="另一个项目")
    standard(inbox / "空白.xlsx", rows=MONEY_ONLY, money=BLANK_MONEY, total=(100, None), grade=None,
             name="第三个项目")
    assert main(["batch", str(inbox), "-o", str(tmp_path / "汇总.xlsx"), "--workers", "1"]) == 1
    capsys.readouterr()
    book = openpyxl.load_workbook(tmp_path / "汇总.xlsx")
    stats = [row for row in book["统计"].iter_rows(values_only=True) if row and row[0]]
    grades = {row[0]: row[1] for row in stats if row[0] in ("优", "良", "中", "差", "无法计算/未填写")}
    assert grades == {"优": 1, "良": 0, "中": 0, "差": 0, "无法计算/未填写": 2}
    [department] = [row for row in stats if row[0] == "上海市普陀区医疗保障局"]
    assert department[1:3] == (3, 99.98)  # 3 tables, the average of the one graded
    rows = {row[0]: row for row in book["汇总"].iter_rows(min_row=2, values_only=True)}
    money_only, blank = rows["只填资金.xlsx"], rows["空白.xlsx"]
    assert (money_only[5], money_only[7]) == (9.98, None)  # 计算总分, 计算等级
    assert money_only[11] == "分值合计为 10，不是 100：计算总分不评等级，也不计入按主管部门的平均分"
    assert (blank[5], blank[7], blank[11]) == (None, None, None)  # JX001 says why


def test_a_blank_form_says_only_that_it_is_empty(tmp_path):
    """The neighbour that must not change: nothing filled — one JX001, and no word of its
    分值合计 10 (no total was computed to grade)."""
    table, data = checked(standard(tmp_path / "t.xlsx", rows=MONEY_ONLY, money=BLANK_MONEY,
                                   total=(100, None), grade=None))
    assert found(data) == [("JX001", "error", "D10", "自评表未填写：没有填写任何三级指标，是空表")]
    assert (data["total_computed"], data["grade_computed"]) == (None, None)
    assert total_line(table) == "总分 填报 — / 计算 —；评分等级 填报 — / 计算 —"


def test_targets_without_any_result_are_one_unfilled_table(tmp_path):
    """Targets and 分值 copied in, no 完成值 or 得分 anywhere: before, a JX202 and a JX406
    on every row and a JX410 — a filled table with mistakes, to look at. It is a form
    not yet filled in (or a 绩效目标表 in the 自评表's form): one error says so."""
    table, data = checked(standard(tmp_path / "t.xlsx", rows=TARGETS_ONLY, total=(100, None),
                                   grade=None))
    assert found(data) == [("JX001", "error", "D10",
                            "自评表未填写：5 个指标的实际完成值和得分全部未填写（只填了年度指标值，"
                            "像是绩效目标表或未完成的自评表）")]
    assert total_line(table) == "总分 填报 — / 计算 —；评分等级 填报 — / 计算 —"


def test_a_table_with_some_results_keeps_a_finding_per_empty_cell(tmp_path):
    """The neighbours that must not change: every 完成值 empty but the 得分 written, every
    得分 empty but the 完成值 written, one row answered — each empty cell its finding."""
    no_actual = [(*row[:4], None, *row[5:]) for row in PUTUO_1_ROWS]
    _, data = checked(standard(tmp_path / "a.xlsx", rows=no_actual))
    assert [(code, cell) for code, _, cell, _ in found(data)] == [
        ("JX202", f"F{row}") for row in range(11, 16)]
    no_score = [(*row[:6], None, None) for row in PUTUO_1_ROWS]
    _, data = checked(standard(tmp_path / "b.xlsx", rows=no_score, total=(100, None), grade=None))
    assert [(code, cell) for code, _, cell, _ in found(data) if code != "JX410"] == [
        ("JX406", f"H{row}") for row in range(11, 16)]
    one_answered = [PUTUO_1_ROWS[0], *TARGETS_ONLY[1:]]
    _, data = checked(standard(tmp_path / "c.xlsx", rows=one_answered, total=(100, None),
                               grade=None))
    codes = [code for code, *_ in found(data)]
    assert "JX001" not in codes and codes.count("JX202") == 4 and codes.count("JX406") == 4
