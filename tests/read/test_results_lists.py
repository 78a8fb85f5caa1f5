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
    for row in [[title], *rows]:
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
