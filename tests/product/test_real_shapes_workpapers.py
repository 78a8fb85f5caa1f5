"""Sheets beside (or instead of) a 自评表 that list its indicators again, and are no table
of their own (rt25-g 2): a 计算底稿 working out some of the table's scores, and an export
of several projects' indicators in one list (项目名称 | 一级 | … | 得分) — and the shapes
of the same words that are still checked."""

import pytest
from workbooks import PUTUO_1_ROWS, Book, Formula, grid_book, standard_sheet

from jixiao.pipeline import check_workbook
from jixiao.report.text import text_report

WORKING_HEADER = ["三级指标", "年度指标值", "实际完成值", "目标数", "完成数", "完成比例", "分值", "得分",
                  "计算说明"]


def _working_paper(book, rows=PUTUO_1_ROWS[:3]):
    """A 计算底稿 sheet (no money, no 项目名称) working out ``rows`` of the Putuo table:
    its 完成比例 and 得分 formulas with their values, a 合计 row of their 分值 and 得分."""
    sheet = book.sheet("计算底稿")
    sheet.line("信息安全等保项目绩效自评计算底稿")
    sheet.line(*WORKING_HEADER)
    first = sheet.row
    for _, _, name, target, actual, weight, score, _ in rows:
        row = sheet.row
        sheet.line(name, target, actual, 1, 1, Formula(f"=E{row}/D{row}", 1), weight,
                   Formula(f"=ROUND(G{row}*MIN(1,F{row}),2)", score), "完成值达到指标值，得满分")
    last = sheet.row - 1
    sheet.line("合计", None, None, None, None, None,
               Formula(f"=SUM(G{first}:G{last})", sum(row[5] for row in rows)),
               Formula(f"=SUM(H{first}:H{last})", sum(row[6] for row in rows)))


def _result(path):
    """The result, and each finding as (sheet, code, cell) over all its tables."""
    result = check_workbook(path)
    assert result.error is None, result.error
    return result, [(checked.table.sources["header"].sheet, finding.code,
                     f"{finding.sheet}!{finding.cell}")
                    for checked in result.tables for finding in checked.findings]


def test_a_working_paper_of_the_table_is_set_aside(tmp_path):
    """A 计算底稿 sheet listing 3 of the table's 5 indicators with the same 指标值 (分值
    合计 50): the 自评表 alone is checked, a note names the 底稿 and the table it works
    from (rt25-g d5: before, a second table “（未写项目名称）” with JX101 “分值合计为 50，
    应为 100”, exit 1, and a second row in the batch summary)."""
    book = Book()
    standard_sheet(book.sheet("自评表"))
    _working_paper(book)
    result, found = _result(book.save(tmp_path / "t.xlsx"))
    assert [checked.table.sources["header"].sheet for checked in result.tables] == ["自评表"]
    assert found == []
    assert result.notes == ["指标计算底稿“计算底稿”（没有资金和项目名称，分值合计 50，所列 3 项指标"
                            "及其指标值都在“自评表”的表中）未校验：以该表为准"]


def test_a_working_paper_with_another_target_is_still_checked(tmp_path):
    """A sheet of the same indicators whose 指标值 differs in one (≥95% for ≥90.00(%)) does
    not restate the table: it is checked as a table, as before (its 分值 short of 100 is
    JX101, its 一级 weights unlike the defaults JX102)."""
    book = Book()
    standard_sheet(book.sheet("自评表"))
    rows = [("产出指标", "数量指标", "预算资金执行率", "≥95%", "99.80(%)", 5, 5, None),
            *PUTUO_1_ROWS[1:3]]
    _working_paper(book, rows)
    result, found = _result(book.save(tmp_path / "t.xlsx"))
    assert [checked.table.sources["header"].sheet for checked in result.tables] \
        == ["自评表", "计算底稿"]
    assert result.notes == []
    assert sorted(found) == [("计算底稿", "JX101", "计算底稿!G6"), ("计算底稿", "JX102", "计算底稿!G3")]


@pytest.mark.parametrize("money", [True, False])
def test_two_projects_sharing_common_indicators_are_both_checked(tmp_path, money):
    """Two projects in one workbook, the second's indicators all among the first's (the
    common 预算资金执行率, 资金拨付及时性, 服务对象满意度 with the same 指标值): each names its
    own project, so each is checked — with its money and a 分值 total of 100, or without
    money and short of it (then JX101 says so, as before)."""
    book = Book()
    standard_sheet(book.sheet("项目一"))
    rows = [PUTUO_1_ROWS[0], PUTUO_1_ROWS[2], PUTUO_1_ROWS[4]]
    if money:
        rows = [(*row[:5], 30, 30, None) for row in rows]
    standard_sheet(book.sheet("项目二"), rows=rows, name="区医保信息系统运行维护项目",
                   money=None if not money else [("年度资金总额", 50, 50, 50, 10, 100, 10)],
                   total=(100, 100) if money else None, grade="优" if money else None)
    result, found = _result(book.save(tmp_path / "t.xlsx"))
    assert [checked.table.project.name for checked in result.tables] \
        == ["普陀区医疗保险事务中心信息安全等保项目机房设施升级改造", "区医保信息系统运行维护项目"]
    assert result.notes == []
    assert [code for sheet, code, _ in found if code == "JX101"] == ([] if money else ["JX101"])


LIST_HEADER = ["序号", "项目名称", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值",
               "分值", "得分", "偏差原因分析"]
LIST_ROWS = [("产出指标", "数量指标", "服务人数", "≥1000人", "1050人", 30, 30),
             ("产出指标", "质量指标", "服务合格率", "≥95%", "98%", 10, 10),
             ("产出指标", "时效指标", "资金拨付及时性", "及时", "及时", 10, 10),
             ("效益指标", "社会效益指标", "社会保障水平", "有效提升", "达成", 30, 30),
             ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "95%", 10, 10)]
PROJECTS = ["养老服务项目", "社会救助项目", "殡葬改革项目", "残疾人两项补贴", "儿童福利项目"]


def _list_lines(projects=PROJECTS):
    """An export of several projects' indicators: each project's 5 rows (90 分) in turn."""
    lines = [["某县民政局2024年度项目支出绩效自评指标明细汇总表"], LIST_HEADER]
    for project in projects:
        lines.extend([len(lines) - 1, project, *row] for row in LIST_ROWS)
    return lines


def test_a_list_of_several_projects_indicators_is_refused_as_one(tmp_path):
    """5 projects' indicators in one list, 项目名称 on every row: one line saying it is a
    汇总 of 5 projects' indicators, not a 自评表, and why (no money, so no 执行率), exit 2
    (rt25-g d9: before, one table “（未写项目名称）” of 25 rows, JX101 “分值合计为 450”
    and 20 × JX105 for each project's names met again)."""
    result = check_workbook(grid_book(tmp_path / "m.xlsx", _list_lines()))
    assert result.no_table
    assert result.error == (
        "“m.xlsx”是 5 个项目（养老服务项目、社会救助项目、殡葬改革项目等）的绩效指标明细汇总"
        "（工作表“表”），不是项目支出绩效自评表：其中没有各项目的资金（全年预算数、全年执行数），"
        "算不出执行率得分和总分，请按项目分别提交自评表")


def test_a_list_of_projects_merged_down_beside_the_table_is_set_aside(tmp_path):
    """The list beside a 自评表, each project's name merged down its rows: the 自评表
    alone is checked, a note says the list was not."""
    book = Book()
    standard_sheet(book.sheet("自评表"))
    listing = book.sheet("指标明细")
    lines = _list_lines(PROJECTS[:2])
    for line in lines:
        listing.line(*line)
    listing.merge(3, 2, 2, 7)
    listing.merge(8, 2, 2, 12)
    result, found = _result(book.save(tmp_path / "t.xlsx"))
    assert [checked.table.sources["header"].sheet for checked in result.tables] == ["自评表"]
    assert found == []
    assert result.notes == ["多个项目的指标明细汇总“指标明细”（没有各项目的资金，算不出执行率和总分）"
                            "未校验：以自评表为准"]


def test_one_projects_list_of_indicators_is_still_read(tmp_path):
    """The same list naming one project on every row is that project's indicators: still
    read as a table (its 分值 90 without money is JX101, as before)."""
    result, found = _result(grid_book(tmp_path / "m.xlsx", _list_lines(PROJECTS[:1])))
    [checked] = result.tables
    assert [indicator.name for indicator in checked.table.indicators] \
        == [row[2] for row in LIST_ROWS]
    assert checked.table.project.name == "养老服务项目"
    assert result.notes == []
    assert found == [("表", "JX101", "表!H2")]


# One project's indicators listed 评分附件-style (rt25-i s07): 预算执行率 as a row, 合计 100
ONE_PROJECT_ROWS = [
    ("产出指标", "数量指标", "开展养老服务培训场次", "≥12场", "14场", 15, 15),
    ("产出指标", "数量指标", "服务老年人数", "≥3000人", "2850人", 15, 14.25, "部分老人随子女外出"),
    ("产出指标", "质量指标", "服务质量合格率", "≥95%", "98%", 10, 10),
    ("产出指标", "时效指标", "补贴发放及时性", "及时", "及时", 5, 5),
    ("产出指标", "成本指标", "人均服务成本", "≤500元/人", "480元/人", 5, 5),
    ("效益指标", "社会效益指标", "老年人生活质量", "明显改善", "明显改善", 20, 20),
    ("效益指标", "可持续影响指标", "居家养老服务长效机制", "建立", "已建立", 10, 10),
    ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "95%", 10, 10),
    ("预算执行率", "预算执行率", "预算执行率", "100%", "98%", 10, 9.8, "部分补贴对象核减")]


def _one_project_lines(names, head=()):
    """``ONE_PROJECT_ROWS`` under 序号 | 项目名称 | …, row i naming ``names[i % len]``, and
    a 合计 row of 100 / 99.05; ``head`` lines between the title and the header."""
    lines = [["2024年度项目支出绩效自评指标明细表"], *head, LIST_HEADER]
    for number, row in enumerate(ONE_PROJECT_ROWS, 1):
        lines.append([number, names[(number - 1) % len(names)], *row])
    lines.append(["合计", None, None, None, None, None, None, 100, 99.05])
    return lines


@pytest.mark.parametrize("names", [
    ["居家养老服务补贴（2024年）", "居家养老服务补贴(2024年)"],  # bracket width
    ["居家养老服务补贴（2024年）", "居家养老服务补贴 （2024年）"],  # a space
    ["居家养老服务补贴（2024年）", *["同上"] * 8],
    ["居家养老服务补贴（2024年）", "同前", "〃", "＂", "”", "—", "/"],
    ["居家养老服务补贴（2024年）", None]])  # left blank under its first row
def test_one_projects_list_written_unevenly_is_read_as_its_table(tmp_path, names):
    """One project's list naming it on its rows in one spelling or another (full- and
    half-width, a space), or once and then 同上, 〃, ", a dash or nothing: one project,
    read and checked as its table — all correct, no finding (rt25-i s07c, s07d: before,
    refused as “2 个项目（居家养老服务补贴项目、同上）的绩效指标明细汇总”, exit 2)."""
    result, found = _result(grid_book(tmp_path / "m.xlsx", _one_project_lines(names)))
    [checked] = result.tables
    assert [indicator.name for indicator in checked.table.indicators] \
        == [row[2] for row in ONE_PROJECT_ROWS]
    assert (checked.table.total_declared, checked.evaluation.total, checked.grade) == (99.05, 99.05, "优")
    assert result.notes == []
    assert found == []


def test_a_list_of_projects_each_named_once_then_ditto_is_still_a_list(tmp_path):
    """Each project named on its first row and 同上 under it: still 3 projects (not 同上,
    nor one), refused with the projects' own names."""
    lines = [["某县民政局2024年度项目支出绩效自评指标明细汇总表"], LIST_HEADER]
    for project in ["养老服务项目", "社会救助项目", "养老服务项目（2024年）"]:
        for index, row in enumerate(LIST_ROWS):
            lines.append([len(lines) - 1, project if index == 0 else "同上", *row])
    result = check_workbook(grid_book(tmp_path / "m.xlsx", lines))
    assert result.error.startswith(
        "“m.xlsx”是 3 个项目（养老服务项目、社会救助项目、养老服务项目（2024年））的绩效指标明细汇总")


def test_one_projects_list_is_named_by_its_column(tmp_path):
    """The table names no project but its 项目名称 column does, one project on every row:
    it is that project's table, named so in the report and where it came from (rt25-i
    s07a: before, “表 1/1：（未写项目名称）（2024 年度）”)."""
    path = grid_book(tmp_path / "m.xlsx", _one_project_lines(["居家养老服务补贴项目", "同上"]))
    [checked] = check_workbook(path).tables
    assert checked.table.project.name == "居家养老服务补贴项目"
    assert checked.table.sources["project_name"].cell == "B3"
    assert text_report([check_workbook(path)]).splitlines()[1] \
        == "表 1/1：居家养老服务补贴项目（2024 年度）"


def test_a_project_named_above_the_list_keeps_its_name(tmp_path):
    """项目名称 written above the table as well: the head's name stands, whatever the
    column writes on its rows (the column is not read over a name the form gives)."""
    head = [["项目名称", None, "某县居家养老服务补贴项目"]]
    lines = _one_project_lines(["居家养老服务补贴项目"], head)
    [checked] = check_workbook(grid_book(tmp_path / "m.xlsx", lines)).tables
    assert checked.table.project.name == "某县居家养老服务补贴项目"
    assert checked.table.sources["project_name"].cell == "C2"


def test_a_working_paper_naming_the_tables_project_in_a_column_is_set_aside(tmp_path):
    """A 计算底稿 with a 项目名称 column writing the table's own project on each row: its
    name is the table's, so it is still that table's working paper, set aside."""
    book = Book()
    standard_sheet(book.sheet("自评表"))
    sheet = book.sheet("计算底稿")
    sheet.line("信息安全等保项目绩效自评计算底稿")
    sheet.line("项目名称", *WORKING_HEADER)
    for _, _, name, target, actual, weight, score, _ in PUTUO_1_ROWS[:3]:
        sheet.line("普陀区医疗保险事务中心信息安全等保项目机房设施升级改造", name, target, actual,
                   1, 1, 1, weight, score, "完成值达到指标值，得满分")
    result, found = _result(book.save(tmp_path / "t.xlsx"))
    assert [checked.table.sources["header"].sheet for checked in result.tables] == ["自评表"]
    assert found == []
    assert result.notes == ["指标计算底稿“计算底稿”（没有资金和项目名称，分值合计 50，所列 3 项指标"
                            "及其指标值都在“自评表”的表中）未校验：以该表为准"]
