"""Tables split across sheets: a money-only sheet (title, 项目名称, 项目资金) and an
indicator-only sheet (绩效指标, 总分) read as one table — several such pairs in one
workbook each with its own money and name, and a 总分 written on the money sheet."""

import pytest
from workbooks import Book

from jixiao.pipeline import check_workbook
from jixiao.read.workbook import read_workbook

SUBSIDY = "困难残疾人生活补贴"
REHAB = "残疾儿童康复救助"

# 执行率 110 / 125 = 88 % → 10 × 88 % = 8.8; 补贴发放人数 ≥900 answered 880: 20 × 880 / 900
# = 19.56; the rest full: 8.8 + 19.56 + 15 + 15 + 30 + 10 = 98.36 (JX306: 88 % < 90 %)
SUBSIDY_MONEY = [("年度资金总额", 120, 125, 110, 10, "88.00%", 8.8),
                 ("其中：当年财政拨款", 120, 125, 110, "—", "88.00%", "—")]
SUBSIDY_ROWS = [("产出指标", "数量指标", "补贴发放人数", "≥900人", "880人", 20, 19.56,
                 "部分残疾人资格复核未通过"),
                ("产出指标", "质量指标", "补贴发放准确率", "100%", "100%", 15, 15, None),
                ("产出指标", "时效指标", "补贴发放及时率", "100%", "100%", 15, 15, None),
                ("效益指标", "社会效益指标", "残疾人生活保障水平", "有效提升", "有效提升", 30, 30, None),
                ("满意度指标", "服务对象满意度指标", "残疾人满意度", "≥90%", "94%", 10, 10, None)]
# 执行率 60 / 60 = 100 % → 10; 30 + 20 + 30 + 10: 100 in all, written 98 (JX501)
REHAB_MONEY = [("年度资金总额", 60, 60, 60, 10, "100.00%", 10)]
REHAB_ROWS = [("产出指标", "数量指标", "康复救助儿童人数", "≥150人", "156人", 30, 30, None),
              ("产出指标", "质量指标", "康复训练达标率", "≥85%", "88%", 20, 20, None),
              ("效益指标", "社会效益指标", "残疾儿童功能改善", "明显改善", "明显改善", 30, 30, None),
              ("满意度指标", "服务对象满意度指标", "家长满意度", "≥95%", "97%", 10, 10, None)]


def money_sheet(book, sheet_name, name, unit, money, results=None):
    """The money half: title, year, 项目名称, 主管部门 | 实施单位, 项目资金; ``results``:
    a 自评得分 | … | 自评等级 | … line under the year."""
    sheet = book.sheet(sheet_name)
    sheet.title("项目支出绩效自评表", "（2024年度）")
    if results is not None:
        sheet.line(*results)
    sheet.project(name, "某区残疾人联合会", unit)
    sheet.money(money)
    return sheet


def indicator_sheet(book, sheet_name, rows, total, name=None):
    """The indicator half: 绩效指标 rows, 总分 | 100 | ``total`` (None: no 总分 row, no
    评分等级); ``name``: a 项目名称 line above them."""
    sheet = book.sheet(sheet_name)
    if name is not None:
        sheet.project(name)
        sheet.blank()
    sheet.indicators(rows, lead=None)
    if total is not None:
        sheet.total(100, total)
        sheet.grade("优")
    return sheet


def checked(path):
    """Each table's (name, budget sheet, computed 总分, finding codes)."""
    return described(check_workbook(path))


def described(result):
    return [(checked.table.project.name, money_sheet_of(checked.table),
             checked.evaluation.total, [finding.code for finding in checked.findings])
            for checked in result.tables]


def money_sheet_of(table):
    source = dict.get(table.funds.total.sources, "budget")
    return source.sheet if source is not None else None


def two_pairs(path, names=("表1 基本情况", "表2 绩效指标", "表3 基本情况（康复）",
                           "表4 绩效指标（康复）"), order=(0, 1, 2, 3), named=False):
    book = Book()
    parts = [lambda: money_sheet(book, names[0], SUBSIDY, "某区残疾人服务中心", SUBSIDY_MONEY),
             lambda: indicator_sheet(book, names[1], SUBSIDY_ROWS, 98.36,
                                     SUBSIDY if named else None),
             lambda: money_sheet(book, names[2], REHAB, "某区残疾人康复中心", REHAB_MONEY),
             lambda: indicator_sheet(book, names[3], REHAB_ROWS, 98, REHAB if named else None)]
    for index in order:
        parts[index]()
    return book.save(path)


RIGHT = [(SUBSIDY, "表1 基本情况", 98.36, ["JX306"]), (REHAB, "表3 基本情况（康复）", 100, ["JX501"])]


def test_two_split_tables_each_take_the_money_sheet_before_them(tmp_path):
    """rt32 m4b: 表1 资金 / 表2 指标, 表3 资金 / 表4 指标 — each indicator sheet is paired
    with the money sheet right before it, and named by it (not both by the first)."""
    assert checked(two_pairs(tmp_path / "m4b.xlsx")) == RIGHT


def test_two_split_tables_reversed_take_the_money_sheet_after_them(tmp_path):
    path = two_pairs(tmp_path / "reversed.xlsx", order=(1, 0, 3, 2))
    assert checked(path) == RIGHT


def test_split_tables_naming_their_project_pair_by_name_before_order(tmp_path):
    """rt32 m4c: each indicator sheet writes its 项目名称; the money sheets come first, so
    the one right before 困难残疾人生活补贴's indicators is 残疾儿童康复救助's money: the
    names pair them."""
    path = two_pairs(tmp_path / "named.xlsx", order=(0, 2, 1, 3), named=True)
    assert checked(path) == RIGHT


def test_split_tables_named_by_their_sheets_pair_by_sheet_name(tmp_path):
    """rt32 m4d: the sheets are named after the projects (…-资金, …-指标), the money sheets
    first; no 项目名称 on the indicator sheets, so no note that a sheet names another
    project than its table."""
    names = (f"{SUBSIDY}-资金", f"{SUBSIDY}-指标", f"{REHAB}-资金", f"{REHAB}-指标")
    path = two_pairs(tmp_path / "sheets.xlsx", names=names, order=(0, 2, 1, 3))
    result = check_workbook(path)
    assert described(result) == [
        (SUBSIDY, names[0], 98.36, ["JX306"]), (REHAB, names[2], 100, ["JX501"])]
    assert not any("另一个项目" in text for text in result.notes)


def test_one_split_table_beside_a_summary_keeps_its_money_sheet(tmp_path):
    """rt32 m4/m10b: one pair (indicators first), a 汇总 list of two projects before it."""
    book = Book()
    summary = book.sheet("汇总")
    summary.line("序号", "项目名称", "实施单位", "全年预算数", "全年执行数", "执行率", "自评得分", "自评等级")
    summary.line(1, SUBSIDY, "某区残疾人服务中心", 125, 110, "88%", 98.36, "优")
    summary.line(2, REHAB, "某区残疾人康复中心", 60, 60, "100%", 100, "优")
    indicator_sheet(book, "表2 绩效指标", SUBSIDY_ROWS, 98.36)
    money_sheet(book, "表1 基本情况", SUBSIDY, "某区残疾人服务中心", SUBSIDY_MONEY)
    path = book.save(tmp_path / "one.xlsx")
    assert checked(path) == [(SUBSIDY, "表1 基本情况", 98.36, ["JX306"])]


@pytest.mark.parametrize(("above", "cell"), [(True, "F3"), (False, "B9")])
def test_a_total_on_the_money_sheet_of_a_split_table_is_read(tmp_path, above, cell):
    """rt32 m15d (m15): 自评得分 97.36 | 自评等级 优 written on the money sheet, above its
    项目名称 (under its money), the indicator sheet without a 总分 row: the declared total,
    97.36 against 98.36 (JX501)."""
    book = Book()
    results = ("自评得分", 97.36, "自评等级", "优")
    sheet = money_sheet(book, "表1 基本情况", SUBSIDY, "某区残疾人服务中心", SUBSIDY_MONEY,
                        results=(None, None, None, None, *results) if above else None)
    if not above:
        sheet.blank()
        sheet.line(*results)
    indicator_sheet(book, "表2 绩效指标", SUBSIDY_ROWS, None)
    path = book.save(tmp_path / "m15d.xlsx")
    table = read_workbook(path).tables[0]
    assert (table.total_declared, table.grade_declared) == (97.36, "优")
    assert (table.sources["total"].sheet, table.sources["total"].cell) == ("表1 基本情况", cell)
    assert checked(path) == [(SUBSIDY, "表1 基本情况", 98.36, ["JX306", "JX501"])]
