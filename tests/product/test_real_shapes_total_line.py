"""The 总分 and the 评分等级 written together on the 总分 row (rt14-a D13): the row's one
merged cell "自评总分：99.98分　　评价等级：优" (or "总分：99.98  等级：优"), or the 总分
cell "99.98分，优". Before: JX501 "总分未填写", and a wrong total in that form unchecked.
Also the workbook's other sheets: an untouched copy of the form beside the filled table
(rt14-a D10)."""

import openpyxl
import pytest
from test_real_shapes import checked, codes
from workbooks import Book, standard, standard_sheet


def _one_line(path, text=None, score_cell=None):
    """The standard table (99.98, 优) with its 总分 row rewritten: ``text`` in one cell
    merged across the row, or ``score_cell`` in the 得分 cell; the 等级 row cleared."""
    book = openpyxl.load_workbook(path)
    sheet = book.active
    row = next(cell.row for cell in sheet["A"] if cell.value == "总分")
    grade_row = next((cell.row for cell in sheet["A"] if cell.value == "评分等级"), None)
    for merged in list(sheet.merged_cells.ranges):
        if merged.min_row in (row, grade_row):
            sheet.unmerge_cells(str(merged))
    for cells in sheet.iter_rows(min_row=row, max_row=grade_row or row):
        for cell in cells:
            cell.value = None
    if text is not None:
        sheet.cell(row, 1, text)
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=9)
    else:
        sheet.cell(row, 1, "总分")
        sheet.cell(row, 8, score_cell)
    book.save(path)
    return path


@pytest.mark.parametrize("line", ["自评总分：99.98分　　　评价等级：优", "总分：99.98    等级：优",
                                  "自评总分：99.98分，自评等级：优"])
def test_total_and_grade_in_one_line_are_both_read(tmp_path, line):
    _, data = checked(_one_line(standard(tmp_path / "t.xlsx"), line))
    assert (data["total_declared"], data["grade_declared"]) == (99.98, "优")
    assert codes(data) == []


def test_total_and_grade_in_the_total_cell_are_both_read(tmp_path):
    _, data = checked(_one_line(standard(tmp_path / "t.xlsx"), score_cell="99.98分，优"))
    assert (data["total_declared"], data["grade_declared"]) == (99.98, "优")
    assert codes(data) == []


def test_a_wrong_total_or_grade_in_one_line_is_still_flagged(tmp_path):
    _, data = checked(_one_line(standard(tmp_path / "t.xlsx"), "自评总分：95.98分　　评价等级：良"))
    found = {(item["code"], item["cell"]) for item in data["findings"]}
    assert ("JX501", "A16") in found and ("JX502", "A16") in found, data["findings"]


@pytest.mark.parametrize("line", ["自评总分：99.98分　　评价等级：良", "自评总分99.98分　　评价等级良"])
def test_a_total_line_under_the_grade_row_restates_its_grade_either_way(tmp_path, line):
    """A 评分等级 row (优) printed above a 总分 line naming another grade: the line's grade is
    a restatement (JX506), with or without the colon after its label. Before, the colon's
    form took the line's 良 as declared (the row's 优 unread) and the sentence's form
    dropped it (no finding): two readers of one cell."""
    book = Book()
    sheet = standard_sheet(book.sheet(), total=None, grade=None)
    sheet.grade("优")
    sheet.merge(sheet.line(line), 1, 9)
    _, data = checked(book.save(tmp_path / "t.xlsx"))
    assert (data["total_declared"], data["grade_declared"]) == (99.98, "优")
    assert [(item["code"], item["cell"], item["message"]) for item in data["findings"]] == [
        ("JX506", "A17", "此处写评分等级“良”，与 B16 的评分等级“优”不一致（总分 99.98 应为“优”）")]


def test_a_total_and_grade_written_in_the_score_cell_after_a_label_give_the_total(tmp_path):
    """"自评得分：99.98　等级：优" in the 得分 cell is read as the label's own cell reads
    it: the total 99.98 (before: unread, JX501 总分未填写), the grade row's 优 kept."""
    path = standard(tmp_path / "t.xlsx")
    book = openpyxl.load_workbook(path)
    row = next(cell.row for cell in book.active["A"] if cell.value == "总分")
    book.active.cell(row, 8, "自评得分：99.98　等级：优")
    book.save(path)
    _, data = checked(path)
    assert (data["total_declared"], data["grade_declared"]) == (99.98, "优")
    assert codes(data) == []


# ------------------------------------------------------------ a spare blank form (rt14-a D10)

BLANK_ROWS = [("产出指标", "数量指标", None, None, None, None, None, None),
              ("效益指标", "社会效益指标", None, None, None, None, None, None),
              ("满意度指标", "服务对象满意度指标", None, None, None, None, None, None)]


def _with_blank_sheet(path, name=""):
    from workbooks import Book, standard_sheet

    book = Book()
    standard_sheet(book.sheet("项目1"))
    standard_sheet(book.sheet("项目2"), rows=BLANK_ROWS, money=None, total=(100, None),
                   grade=None, name=name)
    return book.save(path)


def test_an_untouched_blank_form_beside_a_filled_table_is_a_note_not_an_error(tmp_path):
    """Before: JX001 "自评表未填写" failed the workbook whose only real table was clean."""
    from jixiao.pipeline import check_workbook

    result = check_workbook(_with_blank_sheet(tmp_path / "t.xlsx"))
    assert [table.table.sources["header"].sheet for table in result.tables] == ["项目1"]
    assert not result.findings
    assert any("未填写的空白表“项目2”" in note for note in result.notes), result.notes


def test_an_empty_table_naming_its_project_is_still_jx001(tmp_path):
    """A project named and nothing filled is a submission left empty: JX001 stays."""
    from jixiao.pipeline import check_workbook

    result = check_workbook(_with_blank_sheet(tmp_path / "t.xlsx", name="农村公路养护项目"))
    assert [item.code for item in result.findings] == ["JX001"]


# ------------------------------------------------------------ the 年度 under the table (rt14-a D9)

def test_the_year_labelled_under_the_table_is_its_year(tmp_path):
    """No year in the title: “评价年度：2024年” under the 评分等级 (beside the signatures)
    is the year — not the 填报日期's 2025 above it. Before: no 年度 at all."""
    from workbooks import MONEY, PUTUO_1_MONEY, PUTUO_1_ROWS, STANDARD, Book

    book = Book()
    sheet = book.sheet("自评表")
    sheet.title("项目支出绩效自评表")
    sheet.project("义务教育学校公用经费保障项目", "某县教育体育局", "某县第二实验小学")
    sheet.money(PUTUO_1_MONEY, header=MONEY)
    sheet.indicators(PUTUO_1_ROWS, header=STANDARD)
    sheet.total(100, 99.98)
    sheet.grade("优")
    sheet.line("填报人：张三", None, "填报日期：2025年3月10日")
    sheet.line("评价年度：2024年")
    _, data = checked(book.save(tmp_path / "t.xlsx"))
    assert data["project"]["year"] == 2024 and codes(data) == []


# ------------------------------------------------------------ a 汇总 of projects above (rt14-a D1)

def _summary_above(path, total=99.98):
    from workbooks import Book, standard_sheet

    book = Book()
    sheet = book.sheet("绩效自评")
    sheet.line("2024年度项目支出绩效自评结果汇总表")
    sheet.line("序号", "项目名称", "全年预算数", "全年执行数", "执行率", "自评得分", "评价等级")
    sheet.line(1, "普陀区医疗保险事务中心信息安全等保项目机房设施升级改造", 31.56, 31.5, "99.81%",
               99.98, "优")
    sheet.line("合计", None, 31.56, 31.5)
    sheet.line(None)
    standard_sheet(sheet, total=(100, total))
    return book.save(path)


def test_a_summary_of_projects_above_the_table_is_no_part_of_it(tmp_path):
    """序号 | 项目名称 | 全年预算数 | 全年执行数 | … one row per project, above the project's
    own table: before, its header was the money block (the 合计 row the funds, a false
    JX406) and the table was named “全年预算数”."""
    _, data = checked(_summary_above(tmp_path / "t.xlsx"))
    assert data["project"]["name"] == "普陀区医疗保险事务中心信息安全等保项目机房设施升级改造"
    assert (data["funds"]["budget"], data["funds"]["rate_declared"]) == (31.56, 99.8)
    assert codes(data) == []
    _, wrong = checked(_summary_above(tmp_path / "w.xlsx", total=95.98))
    assert codes(wrong) == ["JX501"]


def test_a_second_table_pasted_without_its_title_takes_the_sheets_year(tmp_path):
    """Two tables stacked on one sheet, the second pasted from 项目名称 down: the sheet's
    one year (the first title's 2024) is its year too (rt14-a D9b: before, none)."""
    from workbooks import MONEY, PUTUO_1_MONEY, PUTUO_1_ROWS, STANDARD, Book, standard_sheet

    from jixiao.pipeline import check_workbook

    book = Book()
    sheet = book.sheet("自评表")
    standard_sheet(sheet)
    sheet.line(None)
    sheet.project("农村义务教育学生营养改善计划", "某县教育体育局", "某县第二实验小学")
    sheet.money(PUTUO_1_MONEY, header=MONEY)
    sheet.indicators(PUTUO_1_ROWS, header=STANDARD)
    sheet.total(100, 99.98)
    result = check_workbook(book.save(tmp_path / "t.xlsx"))
    assert [checked.table.project.year for checked in result.tables] == [2024, 2024]
