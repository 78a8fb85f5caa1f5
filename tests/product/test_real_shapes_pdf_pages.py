"""A table a PDF-to-Excel converter laid out page after page on one sheet (rt28): each
page prints its page header again — the title, the year, "单位：万元", no date — and the
column header, and its footer a page's number. The converter leaves no merged cells, so
the title stands in the column under its centre (D), "单位：万元" at the right (H).

Before, the title and year lines in column D were read as two indicators without 分值
(JX106 ×2, no total), and a "单位：万元" line (or a "Page 2", "— 2 —", "共3页 第2页" line)
above the header printed again split the table in two (表1/2 + 表2/2: JX101, JX104,
JX501); a page's number above 99 ("102") was read as an indicator (JX106).

The table (农村饮水安全巩固提升工程), checked by hand: 全年预算数 200, 全年执行数 190,
执行率 95%, 执行率得分 10 × 0.95 = 9.5. Indicators 产出 10 + 10 + 10 + 10 + 10 = 50,
效益 15 + 15 = 30, 满意度 10: 90, with the 执行率's 10 points 100. 改造管网长度 18 of
≥20 公里: 10 × 18 / 20 = 9 (explained); every other target met. 总分 9.5 + 10 + 9 + 10
+ 10 + 10 + 15 + 15 + 10 = 98.5, 优.
"""

import json

import pytest
from openpyxl import Workbook
from test_real_shapes import checked, codes

from jixiao.pipeline import check_workbook
from jixiao.report.json import json_report

HEADER = ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分",
          "偏差原因分析及改进措施"]
TITLE = [None, None, None, "项目支出绩效自评表"]
YEAR = [None, None, None, "（2024年度）"]
UNIT = [None] * 7 + ["单位：万元"]
YEAR_UNIT = [None, None, None, "（2024年度）", None, None, None, "单位：万元"]


def head(name="农村饮水安全巩固提升工程", budget=200, executed=190, rate="95%", score=9.5):
    return [["项目名称", None, name],
            ["主管部门", None, "某县水利局", None, "实施单位", "某县农村供水管理站"],
            ["项目资金", None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
            [None, "年度资金总额", budget, budget, executed, 10, rate, score],
            [None, "其中：财政拨款", budget, budget, executed, None, rate, None],
            [None, "其他资金", 0, 0, 0, None, None, None],
            ["年度总体目标", "预期目标", None, None, "实际完成情况"],
            [None, "巩固提升农村饮水安全水平。", None, None, "完成供水站和管网建设，群众饮水更安全。"]]


ROWS = [["产出指标", "数量指标", "新建供水站", "≥4个", "4个", 10, 10],
        [None, None, "改造管网长度", "≥20公里", "18公里", 10, 9,
         "部分路段受征地影响延后施工，已列入下年度计划。"],
        [None, "质量指标", "水质检测合格率", "≥95%", "98%", 10, 10],
        [None, "时效指标", "工程完工及时率", "100%", "100%", 10, 10],
        [None, "成本指标", "项目总成本", "≤200万元", "190万元", 10, 10],
        ["效益指标", "社会效益指标", "受益人口", "≥1.2万人", "1.25万人", 15, 15],
        [None, "可持续影响指标", "工程运行管护机制", "健全", "健全", 15, 15],
        ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "92%", 10, 10]]
END = [["总分", None, None, None, None, 100, 98.5], ["评分等级", None, "优"]]


def footer(mark):
    return [None, None, None, mark]


def converted(path, pages, page_head, marks, later_head=None):
    """``pages`` lists of rows, each page opening with ``page_head`` (the later pages with
    ``later_head`` where given) and the column header, closed by a footer holding
    ``marks[n]``; the 总分 and 等级 on the last page."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Table 1"
    lines = [*page_head, *head(), HEADER]
    for number, rows in enumerate(pages):
        if number:
            lines += [*(page_head if later_head is None else later_head), HEADER]
        lines += rows
        if number == len(pages) - 1:
            lines += END
        lines += [[], footer(marks[number])]
    for line in lines:
        sheet.append(line)
    book.save(path)
    return path


def one_table(path):
    table, data = checked(path)
    assert codes(data) == []
    assert sum(indicator.weight for indicator in table.indicators) == 90
    assert table.funds.weight == 10
    assert data["total_computed"] == pytest.approx(98.5)
    assert [indicator.name for indicator in table.indicators] == [row[2] for row in ROWS]
    return table


PAGE_HEADS = {"title": [TITLE], "title and year": [TITLE, YEAR],
              "title, year and unit": [TITLE, YEAR, UNIT],
              "title, year beside unit": [TITLE, YEAR_UNIT], "unit": [UNIT]}


@pytest.mark.parametrize("page_head", PAGE_HEADS.values(), ids=PAGE_HEADS.keys())
@pytest.mark.parametrize("pages", [2, 3])
def test_a_page_header_without_a_date_keeps_one_table(tmp_path, page_head, pages):
    split = [ROWS[:3], ROWS[3:6], ROWS[6:]] if pages == 3 else [ROWS[:5], ROWS[5:]]
    marks = [f"第 {number} 页 共 {pages} 页" for number in range(1, pages + 1)]
    one_table(converted(tmp_path / "pages.xlsx", split, page_head, marks))


# the later pages' header not as the first page prints it: the year without its brackets
# (or in half-width ones, or as 年度：2024), the unit's name and the year before the title in
# one line, 填报单位 beside the amounts' unit
LATER_HEADS = {
    "year without brackets": [TITLE, footer("2024年度"), UNIT],
    "year in half-width brackets": [TITLE, footer("(2024年度)"), UNIT],
    "年度：2024": [TITLE, footer("年度：2024")],
    "unit, year and title in one line": [footer("某县水利局2024年度项目支出绩效自评表")],
    "year and title in one line": [footer("2024年度 项目支出绩效自评表")],
    "title spaced": [footer("项目支出 绩效自评表"), footer("（ 2024 年度 ）")],
    "填报单位": [TITLE, [None, None, None, "填报单位：某县水利局", None, None, None,
                        "单位：万元"]],
}


@pytest.mark.parametrize("later_head", LATER_HEADS.values(), ids=LATER_HEADS.keys())
@pytest.mark.parametrize("pages", [2, 3])
def test_a_page_header_printed_otherwise_keeps_one_table(tmp_path, later_head, pages):
    split = [ROWS[:3], ROWS[3:6], ROWS[6:]] if pages == 3 else [ROWS[:4], ROWS[4:]]
    marks = [f"Page {number} of {pages}" for number in range(1, pages + 1)]
    one_table(converted(tmp_path / "pages.xlsx", split, [TITLE, YEAR, UNIT], marks,
                        later_head))


def test_red_team_page_headers_keep_one_table(tmp_path):
    # rt28 r6 p10b: a footer "12" at the right, then the title, "2024年度" where page 1
    # said "（2024年度）", the unit, the header — no blank row (the title and the year
    # were read as indicators under 时效指标: JX106 ×2, no total); p15: "Page 3 of 5",
    # then "某县水利局2024年度项目支出绩效自评表" (JX106 "“时效指标”未填写分值" at F18)
    for name, page_break in [
            ("p10b", [[None] * 7 + ["12"], TITLE, footer("2024年度"), UNIT]),
            ("p15", [footer("Page 3 of 5"), footer("某县水利局2024年度项目支出绩效自评表")])]:
        book = Workbook()
        sheet = book.active
        sheet.title = "Table 1"
        for line in [TITLE, YEAR, UNIT, *head(), HEADER, *ROWS[:4], *page_break, HEADER,
                     *ROWS[4:], *END]:
            sheet.append(line)
        book.save(tmp_path / f"{name}.xlsx")
        one_table(tmp_path / f"{name}.xlsx")


def test_a_title_naming_another_project_is_no_page_header(tmp_path):
    # "农村生活污水治理项目支出绩效自评表" over the header printed again names another
    # project: not this table's page header, so not passed over silently — it stands
    # among the rows (title row 18) and is named there
    book = Workbook()
    sheet = book.active
    for line in [TITLE, YEAR, UNIT, *head(), HEADER, *ROWS[:4], footer("Page 1 of 2"),
                 footer("农村生活污水治理项目支出绩效自评表"), HEADER, *ROWS[4:], *END]:
        sheet.append(line)
    book.save(tmp_path / "other.xlsx")
    result = check_workbook(tmp_path / "other.xlsx")
    assert result.error is None, result.error
    assert [(finding.code, finding.cell) for checked_table in result.tables
            for finding in checked_table.findings] == [("JX106", "F18")]


# each page's footer; the table on pages 1–3, or on 101–103 of a long report
MARKS = {"第 2 页 共 3 页": ("第 {} 页 共 3 页", 1), "- 2 -": ("- {} -", 1),
         "— 2 —": ("— {} —", 1), "2/3": ("{}/3", 1), "Page 2": ("Page {}", 1),
         "Page 2 of 3": ("Page {} of 3", 1), "共3页 第2页": ("共3页 第{}页", 1),
         "第2页/共3页": ("第{}页/共3页", 1), "102": ("{}", 101), "第102页": ("第{}页", 101),
         "- 102 -": ("- {} -", 101)}


@pytest.mark.parametrize(("mark", "first"), MARKS.values(), ids=MARKS.keys())
@pytest.mark.parametrize("page_head", [[], [TITLE, YEAR_UNIT]], ids=["header only", "title"])
def test_a_page_number_between_pages_is_no_row(tmp_path, mark, first, page_head):
    marks = [mark.format(number) for number in range(first, first + 3)]
    one_table(converted(tmp_path / "marks.xlsx", [ROWS[:3], ROWS[3:6], ROWS[6:]], page_head,
                        marks))


@pytest.mark.parametrize("mark", ["102", "第 102 页"])
def test_a_page_number_without_the_header_printed_again_is_no_row(tmp_path, mark):
    # the converter printed the footer but no header over the next page's rows
    book = Workbook()
    sheet = book.active
    for line in [TITLE, YEAR_UNIT, *head(), HEADER, *ROWS[:4], [], footer(mark), [], *ROWS[4:],
                 *END]:
        sheet.append(line)
    book.save(tmp_path / "bare.xlsx")
    one_table(tmp_path / "bare.xlsx")


@pytest.mark.parametrize("second_head", [
    [TITLE, YEAR_UNIT], [footer("某县水利局2024年度项目支出绩效自评表"), UNIT]],
    ids=["same page header", "page header printed otherwise"])
def test_two_projects_on_one_sheet_stay_two_tables(tmp_path, second_head):
    # the second project (村级供水站维修养护) under a page header and the same column header:
    # its own 项目名称 and 总分. 全年预算数 50, 执行 50: 10; 10 + 50 + 30 + 10 = 100
    second = [["产出指标", "数量指标", "维修供水站", "≥10个", "10个", 20, 20],
              [None, "质量指标", "维修验收合格率", "100%", "100%", 30, 30],
              ["效益指标", "社会效益指标", "供水保障率", "≥98%", "99%", 30, 30],
              ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", 10, 10],
              ["总分", None, None, None, None, 100, 100], ["评分等级", None, "优"]]
    book = Workbook()
    sheet = book.active
    lines = [TITLE, YEAR_UNIT, *head(), HEADER, *ROWS[:5], [], footer("第 1 页 共 3 页"),
             TITLE, YEAR_UNIT, HEADER, *ROWS[5:], *END, [], footer("第 2 页 共 3 页"),
             *second_head,
             *head("村级供水站维修养护", budget=50, executed=50, rate="100%", score=10),
             HEADER, *second, [], footer("第 3 页 共 3 页")]
    for line in lines:
        sheet.append(line)
    book.save(tmp_path / "two.xlsx")
    result_tables = checked_all(tmp_path / "two.xlsx")
    assert [(table.project.name, len(table.indicators)) for table in result_tables] == [
        ("农村饮水安全巩固提升工程", 8), ("村级供水站维修养护", 4)]


def checked_all(path):
    result = check_workbook(path)
    assert result.error is None, result.error
    data = json.loads(json_report([result]))
    assert [sorted(item["code"] for item in one["findings"]) for one in data] == [[], []]
    assert [one["total_computed"] for one in data] == [pytest.approx(98.5), pytest.approx(100)]
    return [checked_table.table for checked_table in result.tables]
