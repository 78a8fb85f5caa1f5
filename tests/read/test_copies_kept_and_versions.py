"""A 部门's workbook of many projects: of tables alike cell for cell the copy kept is the
one the unit corrects (its project's own sheet, not a 打印版 gathering every table; the
修改稿, not the 初稿), and a project left twice with different content is said to be."""

from workbooks import PUTUO_1_ROWS, Book, standard_sheet

from jixiao.cli.main import main
from jixiao.pipeline import check_workbook
from jixiao.read.workbook import read_workbook

NAMES = ("城乡低保资金", "特困人员救助供养经费", "临时救助资金")
# 服务人数 not met (4600 of ≥5000) yet full marks: JX402 on its 完成值's row
UNMET = [("产出指标", "数量指标", "服务人数", "≥5000人", "4600人", 5, 5, None), *PUTUO_1_ROWS[1:]]


def _sheets_and_print(tmp_path):
    """Sheets “1”, “2”, “3”, a project each (“2” with the planted JX402), and a sheet
    “打印版” before them holding the three tables stacked, cell for cell the same."""
    book = Book()
    printed = book.sheet("打印版")
    for number, name in enumerate(NAMES, 1):
        rows = UNMET if number == 2 else PUTUO_1_ROWS
        standard_sheet(book.sheet(str(number)), rows=rows, name=name)
        standard_sheet(printed, rows=rows, name=name)
        printed.blank(2)
    return book.save(tmp_path / "部门.xlsx")


def test_a_project_sheet_is_kept_over_the_print_sheet_gathering_all(tmp_path, capsys):
    """rt25 P3a: every table was reported on 打印版 (the JX402 at 打印版!G37), the
    project sheets dropped as copies of it."""
    path = _sheets_and_print(tmp_path)
    workbook = read_workbook(path)
    assert [table.sources["header"].sheet for table in workbook.tables] == ["1", "2", "3"]
    assert workbook.notes == [
        f"工作表“打印版”中表头在 D{row} 的表与“{sheet}”上的表完全相同（“打印版”汇集了 3 张表），"
        f"只校验、统计一次：以“{sheet}”上的为准" for row, sheet in ((10, "1"), (29, "2"), (48, "3"))]
    result = check_workbook(path)
    assert [(item.code, item.sheet, item.cell) for item in result.findings
            if item.code == "JX402"] == [("JX402", "2", "H11")]


def test_a_copied_print_sheet_is_one_note_not_one_per_table(tmp_path):
    """The shape that must not change: a sheet of several tables copied whole (“打印版
    (2)”), no project sheets — the original sheet kept, one note for the sheet."""
    book = Book()
    for sheet_name in ("打印版", "打印版 (2)"):
        sheet = book.sheet(sheet_name)
        for name in NAMES:
            standard_sheet(sheet, name=name)
            sheet.blank(2)
    workbook = read_workbook(book.save(tmp_path / "部门.xlsx"))
    assert [table.sources["header"].sheet for table in workbook.tables] == ["打印版"] * 3
    assert workbook.notes == ["工作表“打印版 (2)”上的表与“打印版”上的表完全相同（复制的工作表），"
                              "只校验、统计一次"]


def test_the_later_draft_is_kept_over_the_first(tmp_path):
    """rt25 P3b: of identical “（初稿）” and “（修改稿）” the 初稿 was kept."""
    book = Book()
    for sheet_name in ("孤儿基本生活保障（初稿）", "孤儿基本生活保障（修改稿）"):
        standard_sheet(book.sheet(sheet_name), name="孤儿基本生活保障")
    workbook = read_workbook(book.save(tmp_path / "部门.xlsx"))
    assert [table.sources["header"].sheet for table in workbook.tables] == ["孤儿基本生活保障（修改稿）"]
    assert workbook.notes == ["工作表“孤儿基本生活保障（初稿）”上的表与“孤儿基本生活保障（修改稿）”"
                              "上的表完全相同（复制的工作表），只校验、统计一次"]


def test_two_drafts_of_one_project_that_differ_are_said_to_be(tmp_path, capsys):
    """rt25 P3c: a 初稿 with a wrong 总分 100 beside its correct 修改稿 — two tables, each
    checked, nothing said of the one project twice."""
    book = Book()
    standard_sheet(book.sheet("养老服务补贴（初稿）"), name="养老服务补贴", total=(100, 100))
    standard_sheet(book.sheet("养老服务补贴（修改稿）"), name="养老服务补贴")
    path = book.save(tmp_path / "部门.xlsx")
    note = ("项目“养老服务补贴”在本文件中有 2 张内容不同的表（工作表“养老服务补贴（初稿）”、"
            "“养老服务补贴（修改稿）”），各自校验、计数，请确认以哪一份为准")
    assert read_workbook(path).notes == [note]
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"注意：{note}\n" in out
    assert "JX501  养老服务补贴（初稿）!H16  总分写为 100" in out


def test_a_sheet_named_for_another_project_holding_this_one_is_said_to_be(tmp_path):
    """rt25 T5: a sheet “城乡低保资金” whose 项目名称 says 临时救助资金 (copied, not
    edited) beside the real 临时救助资金: two tables titled 临时救助资金, not a word."""
    book = Book()
    standard_sheet(book.sheet("城乡低保资金"), name="临时救助资金", total=(100, 99))
    standard_sheet(book.sheet("临时救助资金"), name="临时救助资金")
    workbook = read_workbook(book.save(tmp_path / "部门.xlsx"))
    assert workbook.notes == [
        "项目“临时救助资金”在本文件中有 2 张内容不同的表（工作表“城乡低保资金”、“临时救助资金”），"
        "各自校验、计数，请确认以哪一份为准；工作表“城乡低保资金”的名称是另一个项目，表中项目名称"
        "却写“临时救助资金”：是否复制后没有改项目名称？"]


def test_other_projects_and_last_years_table_are_no_versions(tmp_path):
    """The shapes that must not change: two projects stacked on one sheet, and last
    year's table of a project beside this year's (its own note says so)."""
    book = Book()
    sheet = book.sheet("表16")
    standard_sheet(sheet, name="村卫生室标准化建设项目")
    sheet.blank(2)
    standard_sheet(sheet, name="基层卫生人才培训项目")
    last_year = book.sheet("上年")
    standard_sheet(last_year, name="村卫生室标准化建设项目", total=(100, 99))
    last_year.ws["A2"] = "（2023 年度）"
    workbook = read_workbook(book.save(tmp_path / "部门.xlsx"))
    assert [table.project.name for table in workbook.tables] == [
        "村卫生室标准化建设项目", "基层卫生人才培训项目", "村卫生室标准化建设项目"]
    assert workbook.notes == [
        "工作表“上年”上的表是 2023 年度的，本文件中最新的是 2024 年度：请确认是否应一并提交"]
