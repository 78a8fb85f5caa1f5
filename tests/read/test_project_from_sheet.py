"""A 部门's workbook of one sheet per project, each table without a 项目名称 row: the
sheet's name is the project's, where it names one (not Sheet1, 自评表, 表1 …)."""

import pytest
from workbooks import PUTUO_1_MONEY, PUTUO_1_ROWS, Book, Sheet

from jixiao.cli.main import main
from jixiao.model import Project
from jixiao.read.project import name_from_sheet
from jixiao.read.workbook import read_workbook

DEPARTMENT, UNIT = "某县人力资源和社会保障局", "某县就业服务中心"


def _unnamed(sheet: Sheet, reason: str | None = None) -> None:
    """A correct table (99.98, 优) without its 项目名称 row: 主管部门 and 实施单位 only."""
    sheet.title("项目支出绩效自评表", "（2024 年度）")
    sheet.line("主管部门", None, DEPARTMENT, None, "实施单位", UNIT)
    sheet.money(PUTUO_1_MONEY)
    rows = list(PUTUO_1_ROWS)
    rows[-1] = (*rows[-1][:7], reason)  # tells two sheets' tables apart
    sheet.indicators(rows)
    sheet.total(100, 99.98)
    sheet.grade("优")


def _book(tmp_path, *sheets, same=False):
    book = Book()
    cover = book.sheet("封面")
    cover.line("某县人社局2024年度项目支出绩效自评表")
    for index, name in enumerate(sheets):
        _unnamed(book.sheet(name), None if same else f"抽样调查{index + 1}次")
    return book.save(tmp_path / "部门.xlsx")


def test_each_sheet_names_its_project(tmp_path, capsys):
    """rt23 N2: “表 1/2：（未写项目名称）” and an empty 项目名称 in the batch 汇总."""
    path = _book(tmp_path, "职业技能培训补助项目", "就业见习补贴项目")
    workbook = read_workbook(path)
    assert [table.project.name for table in workbook.tables] == ["职业技能培训补助项目",
                                                                  "就业见习补贴项目"]
    assert [table.project.year for table in workbook.tables] == [2024, 2024]
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    assert "表 1/2：职业技能培训补助项目（2024 年度）" in out
    assert "表 2/2：就业见习补贴项目（2024 年度）" in out
    assert "未写项目名称" not in out


def test_generic_sheet_names_name_no_project(tmp_path):
    path = _book(tmp_path, "Sheet1", "自评表")
    assert [table.project.name for table in read_workbook(path).tables] == [None, None]


def test_identical_tables_on_two_project_sheets_are_one_table_and_said_so(tmp_path):
    """The same table on two sheets named for two projects: a sheet copied and not filled
    in for its project — checked once, as any copy, the note saying which to look at."""
    path = _book(tmp_path, "职业技能培训补助项目", "就业见习补贴项目", same=True)
    workbook = read_workbook(path)
    assert [table.project.name for table in workbook.tables] == ["职业技能培训补助项目"]
    assert workbook.notes == [
        "工作表“就业见习补贴项目”上的表与“职业技能培训补助项目”上的表完全相同（复制的工作表），"
        "只校验、统计一次；两个工作表名是不同的项目，“就业见习补贴项目”的表是否复制后还没有按"
        "本项目填写？请核对后再提交"]


def test_a_copy_of_a_project_sheet_is_a_plain_copy(tmp_path):
    path = _book(tmp_path, "职业技能培训补助项目", "职业技能培训补助项目 (2)", same=True)
    workbook = read_workbook(path)
    assert [table.project.name for table in workbook.tables] == ["职业技能培训补助项目"]
    assert workbook.notes == ["工作表“职业技能培训补助项目 (2)”上的表与“职业技能培训补助项目”"
                              "上的表完全相同（复制的工作表），只校验、统计一次"]


def test_a_named_table_keeps_its_own_name(tmp_path):
    book = Book()
    sheet = book.sheet("就业见习补贴项目")
    sheet.title("项目支出绩效自评表", "（2024 年度）")
    sheet.project("职业技能培训补助项目", DEPARTMENT, UNIT)
    sheet.money(PUTUO_1_MONEY)
    sheet.indicators(PUTUO_1_ROWS)
    sheet.total(100, 99.98)
    path = book.save(tmp_path / "named.xlsx")
    assert [table.project.name for table in read_workbook(path).tables] == ["职业技能培训补助项目"]


PROJECT = Project(None, DEPARTMENT, UNIT, None, None, None)


@pytest.mark.parametrize(("sheet", "name"), [
    ("职业技能培训补助项目", "职业技能培训补助项目"),
    ("1.职业技能培训补助项目", "职业技能培训补助项目"),
    ("表3-1 农村公路养护项目", "农村公路养护项目"),
    ("2023年度农村公路养护项目支出绩效自评表", "农村公路养护项目"),
    ("（一）就业见习补贴", "就业见习补贴"),
    ("职业技能培训补助项目 (2)", "职业技能培训补助项目"),
    ("Sheet1", None), ("Sheet1 (2)", None), ("自评表", None), ("项目支出绩效自评表", None),
    ("表1", None), ("附件2", None), ("附件2-自评表", None), ("2024年度", None), ("2024", None),
    ("项目1", None), ("工作表2", None), ("汇总表", None), ("部门整体", None),
    ("人社局", None), ("就业服务中心", None),  # a body, not a project
    ("某县就业服务中心", None),                 # the table's own 实施单位
    # rt23 R: only a name that reads like a project's; a draft's marks are no part of it
    ("城乡医疗救助项目（修改）", "城乡医疗救助项目"), ("城乡医疗救助项目-v2", "城乡医疗救助项目"),
    ("城乡医疗救助项目修改版", "城乡医疗救助项目"), ("终稿-城乡医疗救助项目", "城乡医疗救助项目"),
    ("城乡医疗救助项目自评表（终稿）", "城乡医疗救助项目"), ("城乡居民医保经办服务", "城乡居民医保经办服务"),
    ("城乡医疗救助项目（二期）", "城乡医疗救助项目（二期）"),  # a phase is the project's own
    ("自评表（终稿）", None), ("第二稿", None), ("填报", None), ("修改后", None), ("项目支出（修改）", None),
    ("医保局-自评", None), ("县医保局自评", None), ("2024自评", None), ("工作计划", None),
])
def test_which_sheet_names_name_a_project(sheet, name):
    assert name_from_sheet(sheet, PROJECT) == name


@pytest.mark.parametrize(("sheet", "name"), [
    ("县医保局自评", None), ("第二稿", None),
    ("城乡医疗救助项目（修改）", "城乡医疗救助项目"),
])
def test_a_one_sheet_workbook_named_for_a_draft_or_a_body(tmp_path, capsys, sheet, name):
    """rt23 R: 自评表（终稿）, 填报, 医保局-自评 became the 项目名称; (修改) stayed in it."""
    book = Book()
    _unnamed(book.sheet(sheet))
    path = book.save(tmp_path / "一张表.xlsx")
    assert [table.project.name for table in read_workbook(path).tables] == [name]
    assert main(["check", str(path)]) == 0
    heading = f"表 1/1：{name or '（未写项目名称）'}（2024 年度）"
    assert heading in capsys.readouterr().out


@pytest.mark.parametrize("head", [("序号", "项目名称"), ("项目名称",)],
                         ids=["序号", "without 序号"])
def test_a_summary_lists_header_names_no_project(tmp_path, capsys, head):
    """rt25 P1: a 汇总 sheet (序号 | 项目名称 | 产出指标 | … | 总分 | 评分等级, one row per
    project) beside a sheet whose 项目名称 is left blank: the project was named “产出指标”,
    the heading right of 汇总!B2; it is the sheet's name, as without the 汇总."""
    book = Book()
    summary = book.sheet("汇总")
    summary.line("某县人社局2024年度项目支出绩效自评得分汇总表")
    summary.line(*head, "产出指标", "效益指标", "满意度指标", "预算执行率", "总分", "评分等级")
    for number, name in enumerate(("职业技能培训补助项目", "就业见习补贴项目"), 1):
        summary.line(*((number,) if len(head) == 2 else ()), name, 50, 30, 9.98, 10, 99.98, "优")
    sheet = book.sheet("就业见习补贴项目")
    sheet.title("项目支出绩效自评表", "（2024 年度）")
    sheet.project(None, DEPARTMENT, UNIT)  # 项目名称 | (blank)
    sheet.money(PUTUO_1_MONEY)
    sheet.indicators(PUTUO_1_ROWS)
    sheet.total(100, 99.98)
    sheet.grade("优")
    path = book.save(tmp_path / "部门.xlsx")
    [table] = read_workbook(path).tables
    assert (table.project.name, table.project.department) == ("就业见习补贴项目", DEPARTMENT)
    assert main(["check", str(path)]) == 0
    assert "表 1/1：就业见习补贴项目（2024 年度）" in capsys.readouterr().out


def test_a_cover_sheets_name_beside_its_label_is_still_the_name(tmp_path):
    """A cover sheet's 项目名称 | name | 主管部门 | department, 实施单位 | unit under it (label
    beside value, no list): still the table's name where the table has none."""
    book = Book()
    cover = book.sheet("封面")
    cover.line("项目名称", "职业技能培训补助项目", "主管部门", DEPARTMENT)
    cover.line("实施单位", UNIT, "填报日期", "2025年3月10日")
    _unnamed(book.sheet("Sheet1"))
    path = book.save(tmp_path / "封面.xlsx")
    assert [table.project.name for table in read_workbook(path).tables] == ["职业技能培训补助项目"]
