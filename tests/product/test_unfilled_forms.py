"""Forms sent back before the self-evaluation was done (rt25 g2): only the money filled,
or the targets and 分值 copied in without a 完成值 or 得分 anywhere. Neither is graded nor
counted in a batch's averages, and each is one JX001 — while a filled table with some
完成值 or 得分 missing keeps its finding on each empty cell."""

import json
from pathlib import Path

import openpyxl
from workbooks import PUTUO_1_MONEY, PUTUO_1_ROWS, Book, standard, standard_sheet

from jixiao.batch.summary import NO_TOTAL_REASON
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
    assert money_only[10:12] == ("未填写", "自评表未填写，应整表退回重填；计算总分不评等级，"
                                          "也不计入按主管部门的平均分")
    assert (blank[5], blank[7], blank[10], blank[11]) == (None, None, "未填写",
                                                          "自评表未填写，应整表退回重填")


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


def test_a_batch_sends_unfilled_forms_back_whole(tmp_path, capsys):
    """rt25 h1: a unit's own template writes 总分 9.98 and 等级 差 by its formulas over an
    empty form. Before: 状态 有错误 (one mistake to fix), 原因 empty, 统计 counted a 填报
    差 per such form and no line said how many went back whole; the filled version of a
    project named its empty first upload as just another version. The neighbour that must
    not change: a filled table missing its 完成值 stays 有错误, its written 优 counted."""
    from jixiao.batch.frame import check_folder, tables_frame

    inbox = tmp_path / "收件"
    inbox.mkdir()
    standard(inbox / "学生资助.xlsx", name="学生资助项目")
    standard(inbox / "学生资助-未填.xlsx", name="学生资助项目", rows=TARGETS_ONLY,
             total=(100, 9.98), grade="差")
    standard(inbox / "只填资金.xlsx", name="另一个项目", rows=MONEY_ONLY, total=(100, 9.98),
             grade="差")
    no_actual = [(*row[:4], None, *row[5:]) for row in PUTUO_1_ROWS]
    standard(inbox / "缺完成值.xlsx", name="第三个项目", rows=no_actual)
    assert main(["batch", str(inbox), "-o", str(tmp_path / "汇总.xlsx"), "--workers", "1"]) == 1
    assert "：2 张表未填写（应整表退回重填），1 张表有错误，0 张只有警告，0 张须人工审核（得分无法" \
           "按规则核对），1 张通过，" in capsys.readouterr().out
    book = openpyxl.load_workbook(tmp_path / "汇总.xlsx")
    rows = {row[0]: row[4:12] for row in book["汇总"].iter_rows(min_row=2, values_only=True)}
    # 填报总分, 计算总分, 填报等级, 计算等级, 错误数, 警告数, 状态, 原因
    assert rows["学生资助-未填.xlsx"] == (
        9.98, None, "差", None, 1, 0, "未填写",
        "自评表未填写，应整表退回重填；表中所写的总分 9.98、等级“差”不是自评结果，不计入评分等级分布；"
        "同一项目共 2 个文件：另见“学生资助.xlsx”（项目名称和单位相同，内容不同）")
    assert rows["学生资助.xlsx"][6:] == (
        "通过", "同一项目共 2 个文件：另见“学生资助-未填.xlsx”（未填写）（项目名称和单位相同，内容不同）")
    assert rows["只填资金.xlsx"] == (
        9.98, 9.98, "差", None, 1, 0, "未填写",
        "自评表未填写，应整表退回重填；表中所写的总分 9.98、等级“差”不是自评结果，不计入评分等级分布；"
        "计算总分不评等级，也不计入按主管部门的平均分")
    # no total computed: 原因 says so, whatever the status (rt27 #1)
    assert rows["缺完成值.xlsx"][2:] == ("优", None, 5, 0, "有错误", NO_TOTAL_REASON)

    stats = [row for row in book["统计"].iter_rows(values_only=True) if row and row[0]]
    overview = [row[:2] for row in stats]
    assert overview[overview.index(("读出的自评表", 4)):][3:8] == [
        ("未填写的表（应整表退回重填）", 2), ("有错误的表", 1), ("只有警告的表", 0),
        ("须人工审核的表（得分无法按规则核对）", 0), ("通过的表", 1)]
    assert ("注意", "2 张表未填写（空表，或只有指标值、没有实际完成值和得分），应整表退回填报单位"
                  "重填，所写总分和等级不计入评分等级分布：“收件/只填资金.xlsx”、"
                  "“收件/学生资助-未填.xlsx”") in overview
    assert ("注意", "1 个项目各有多份内容不同的表（项目名称和单位相同，可能是修改后重新提交的版本），"
                  "各自计数，请确认以哪一份为准：“学生资助项目”：“收件/学生资助.xlsx”、"
                  "“收件/学生资助-未填.xlsx”（未填写）") in overview
    grades = {row[0]: row[1:3] for row in stats
              if row[0] in ("优", "良", "中", "差", "无法计算/未填写")}
    assert grades == {"优": (1, 2), "良": (0, 0), "中": (0, 0), "差": (0, 0),
                      "无法计算/未填写": (3, 2)}
    [department] = [row for row in stats if row[0] == "上海市普陀区医疗保障局"]
    # 表数, 平均计算总分, 有错误的表, 错误数, 警告数, 未填写的表
    assert department[1:] == (4, 99.98, 1, 7, 0, 2)

    tables = tables_frame(check_folder(str(inbox), workers=1))
    assert [(Path(row.file).name, row.status, row.not_filled_in, row.scored)
            for row in tables.itertuples()] == [
        ("只填资金.xlsx", "未填写", True, False), ("学生资助.xlsx", "通过", False, True),
        ("学生资助-未填.xlsx", "未填写", True, False), ("缺完成值.xlsx", "有错误", False, False)]


def test_an_unfilled_sheet_beside_its_filled_one_is_set_aside(tmp_path):
    """rt25 h1, l1: one workbook holds the project twice, its first sheet the empty upload
    (targets copied, no 完成值 or 得分). Before: JX001 at 初稿!D10 sent the workbook back
    (状态 未填写 on that row) and the note called the two sheets versions of the project.
    The unfilled copy beside its project's filled table is set aside with a note, as the
    blank template without a name is; the workbook passes."""
    inbox = tmp_path / "收件"
    inbox.mkdir()
    book = Book()
    standard_sheet(book.sheet("初稿"), name="学生资助项目", rows=TARGETS_ONLY,
                   total=(100, 9.98), grade="差")
    standard_sheet(book.sheet("定稿"), name="学生资助项目")
    path = book.save(inbox / "学生资助.xlsx")
    note = ("未填写的表“初稿”（项目“学生资助项目”另有填好的表“定稿”，此表的指标没有实际完成值"
            "和得分）未校验：以填好的表为准")
    result = check_workbook(path)
    assert [table.table.sources["header"].sheet for table in result.tables] == ["定稿"]
    assert result.findings == [] and result.notes == [note]
    assert main(["batch", str(inbox), "-o", str(tmp_path / "汇总.xlsx"), "--workers", "1"]) == 0
    workbook = openpyxl.load_workbook(tmp_path / "汇总.xlsx")
    rows = [row[10:12] for row in workbook["汇总"].iter_rows(min_row=2, values_only=True)]
    assert rows == [("通过", note)]


def test_an_unfilled_table_beside_another_projects_filled_one_is_still_jx001(tmp_path):
    """The neighbour that must not change: the empty form names another project than the
    filled table (or another 实施单位) — a submission left empty, sent back (JX001)."""
    book = Book()
    standard_sheet(book.sheet("项目1"), name="学生资助项目")
    standard_sheet(book.sheet("项目2"), name="营养改善计划", rows=TARGETS_ONLY,
                   total=(100, None), grade=None)
    result = check_workbook(book.save(tmp_path / "t.xlsx"))
    assert [table.table.sources["header"].sheet for table in result.tables] == ["项目1", "项目2"]
    assert [(item.code, item.sheet, item.cell) for item in result.findings] == [
        ("JX001", "项目2", "D10")]
    assert not any("未填写的表" in note for note in result.notes), result.notes
