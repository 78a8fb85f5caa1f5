"""rt33 r7 h1*, h3: a list of projects' results with no money — 序号 | 项目名称 | 主管部门 |
自评得分 | 自评等级, or a 财政重点绩效评价结果汇总表 (决策 | 过程 | 产出 | 效益 | 总分 | 评价等级),
or one column a project — is a 自评结果汇总表 as the list with 预算数 | 执行数 is: said so,
not “没有找到项目支出绩效自评表” (exit 2). A list naming indicators, one project's line, or
a sheet beside a table read is none."""

import pytest
from openpyxl import Workbook
from workbooks import standard

from jixiao.pipeline import check_workbook

TITLE = "2024年度财政重点绩效评价结果汇总表"
NAMES = ["职业技能培训补贴", "公益性岗位补贴资金", "就业见习补贴", "城乡居民医疗救助项目"]


def _book(path, rows, title=TITLE, sheet="汇总"):
    book = Workbook()
    ws = book.active
    ws.title = sheet
    for row in [[title], *rows] if title is not None else rows:  # None: no title line
        ws.append(row)
    book.save(path)
    return path


def _listed(header, line):
    """``header`` over one line a project of NAMES: ``line(number, name)``."""
    return [header, *(line(number, name) for number, name in enumerate(NAMES, 1))]


LISTS = {
    "scores_and_grades": (_listed(["序号", "项目名称", "主管部门", "自评得分", "自评等级"],
                                  lambda n, name: [n, name, "县人社局", 92, "优"]),
                          "自评得分和等级"),
    "third_party_parts": (_listed(["序号", "项目名称", "决策", "过程", "产出", "效益", "总分",
                                   "评价等级"],
                                  lambda n, name: [n, name, 20, 16, 39 - n, 18, 93 - n, "优"]),
                          "自评得分和等级"),
    "evaluator": (_listed(["序号", "项目名称", "预算单位", "项目金额（万元）", "评价机构",
                           "评价得分", "评价结果"],
                          lambda n, name: [n, name, "县人社局", 100, "XX会计师事务所", 92, "优"]),
                  "自评得分和等级"),
    "score_only": (_listed(["项目名称", "得分"], lambda n, name: [name, 90 + n]), "自评得分"),
    "grade_only": (_listed(["序号", "项目名称", "等级"], lambda n, name: [n, name, "良"]),
                   "自评等级"),
}


@pytest.mark.parametrize("key", LISTS)
def test_a_list_of_projects_results_without_money_is_a_results_summary(tmp_path, key):
    rows, given = LISTS[key]
    result = check_workbook(_book(tmp_path / f"{key}.xlsx", rows))
    assert result.results_summary, result.error
    assert str(result.error) == (f"“{key}.xlsx”是自评结果汇总表（工作表“汇总”列出 4 个项目的{given}），"
                                 "不是自评表，未校验")


def test_one_column_a_project_is_a_results_summary(tmp_path):
    """h3: 项目名称 | four names across, 全年预算数 … 自评得分 | 自评等级 down the first column."""
    rows = [["项目名称", *NAMES], ["全年预算数", 100, 100, 100, 100],
            ["全年执行数", 95, 95, 95, 95], ["自评得分", 99.5, 99.5, 99.5, 99.5],
            ["自评等级", "优", "优", "优", "优"]]
    result = check_workbook(_book(tmp_path / "h3.xlsx", rows, "2024年度项目绩效自评结果汇总表"))
    assert result.results_summary, result.error
    assert "列出 4 个项目的自评得分和等级" in str(result.error)


@pytest.mark.parametrize("rows", [
    # one project's line: that project's result, maybe a 自评表's head in a layout not read
    [["序号", "项目名称", "主管部门", "自评得分", "自评等级"], [1, "职业技能培训补贴", "县人社局", 92, "优"]],
    # the projects' indicators: a 指标明细, no list of results
    _listed(["项目名称", "三级指标", "分值", "得分"], lambda n, name: [name, "培训人数", 20, 20]),
    # no score under the 得分 heading, no grade under the 等级 one
    _listed(["项目名称", "自评得分", "自评等级"], lambda n, name: [name, "已完成", "已提交"]),
])
def test_no_results_summary(tmp_path, rows):
    result = check_workbook(_book(tmp_path / "x.xlsx", rows, "项目情况"))
    assert result.error is not None and not result.results_summary


def test_a_score_list_beside_a_table_read_is_passed_over(tmp_path):
    """The 汇总 sheet of a workbook of 自评表: the table is checked (99.98 优, nothing
    wrong), the list is neither a table nor a reason to refuse the file."""
    from openpyxl import load_workbook

    path = standard(tmp_path / "部门.xlsx")
    book = load_workbook(path)
    ws = book.create_sheet("汇总", 0)
    for row in [[TITLE], *LISTS["scores_and_grades"][0]]:
        ws.append(row)
    book.save(path)
    result = check_workbook(path)
    assert result.error is None and not result.results_summary
    [table] = result.tables
    assert (table.table.total_declared, table.table.grade_declared) == (99.98, "优")


def test_a_summary_title_over_a_table_not_read_is_no_self_evaluation_title(tmp_path):
    """h3's title (…自评结果汇总表) over something no reading tells: not “有自评表的标题”,
    the file holds no 自评表 found (a 汇总/一览 title names no 自评表)."""
    rows = [["单位", "情况"], ["县人社局", "已完成"]]
    result = check_workbook(_book(tmp_path / "t.xlsx", rows, "2024年度项目绩效自评结果汇总表"))
    assert not result.results_summary
    assert "自评表的标题" not in str(result.error)
    assert "没有找到项目支出绩效自评表" in str(result.error)


ITEMS = [["培训人数", "≥100人，完成120人", "完成得20分", 20], ["技能提升", "明显", "明显得30分", 30],
         ["学员满意度", "≥90%，实际85%", "每低1%扣1分", 5]]


@pytest.mark.parametrize(("title", "rows"), [
    # rt33 r12 v2, v10: one project's scoring sheet, its items under 项目名称, no 分值 column
    (None, [["项目名称", "考核内容", "评分标准", "得分"], *ITEMS, ["总分", None, None, 55]]),
    ("2024年度培训项目绩效评价得分表", [["项目名称", "考核内容", "评分标准", "得分", "扣分原因"],
                                        *(item + [None] for item in ITEMS),
                                        ["合计", None, None, 55, None]]),
    # any heading of an indicator's scoring: no list of projects
    (None, [["项目名称", "评价要点", "得分"], *([n, c, s] for n, c, _, s in ITEMS)]),
    (None, [["项目名称", "得分", "扣分原因"], *([n, s, "无"] for n, _, _, s in ITEMS)]),
    (None, [["项目名称", "考核指标", "得分"], *([n, c, s] for n, c, _, s in ITEMS)]),
    (None, [["项目名称", "评分依据", "得分"], *([n, m, s] for n, _, m, s in ITEMS)]),
    # names and scores only, closed by a 合计 that sums them: one table's items
    (None, [["项目名称", "得分"], *([n, s] for n, _, _, s in ITEMS), ["合计", 55]]),
])
def test_one_projects_scoring_sheet_is_no_results_summary(tmp_path, title, rows):
    """rt33 r12 v2/v10: 项目名称 | 考核内容 | 评分标准 | 得分 over 培训人数 20, 技能提升 30,
    学员满意度 5 and 总分 55 was read as a summary of 3 projects (exit 0, unchecked); a
    summary lists projects, not one table's scored items: no 自评表 found (exit 2)."""
    result = check_workbook(_book(tmp_path / "x.xlsx", rows, title, "Sheet1"))
    assert not result.results_summary
    assert "没有找到项目支出绩效自评表" in str(result.error)


def test_a_summary_whose_total_is_no_sum_of_its_scores_stays_a_summary(tmp_path):
    """A 合计/平均 line under the projects' scores that does not add them up (their
    average, their money) leaves the list a summary."""
    rows = _listed(["序号", "项目名称", "自评得分"], lambda n, name: [n, name, 90 + n])
    result = check_workbook(_book(tmp_path / "s.xlsx", [*rows, [None, "合计", 92.5]]))
    assert result.results_summary, result.error


def test_a_summary_of_the_projects_level1_points_stays_a_summary(tmp_path):
    """序号 | 项目名称 | 产出指标 | 效益指标 | 满意度指标 | 总分 | 评分等级, a line a project
    (rt25): the 一级 headings name each project's parts, not one table's indicators."""
    rows = _listed(["序号", "项目名称", "产出指标", "效益指标", "满意度指标", "总分", "评分等级"],
                   lambda n, name: [n, name, 40, 30, 10 + n, 80 + n, "良"])
    result = check_workbook(_book(tmp_path / "s.xlsx", rows))
    assert result.results_summary, result.error
