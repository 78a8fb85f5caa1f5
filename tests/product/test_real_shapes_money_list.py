"""A 部门's workbook of 评分附件表 sheets (一级 | 三级 | 权重 | 目标值 | 业绩值 | 评分结果), the
money of all its projects on one 资金明细 sheet (序号 | 项目名称 | 全年预算数 | 全年执行数 |
执行率, a line a project): each table takes the line its project's name names (rt25 P2:
no table took any, the 执行率 went unchecked — a 预算执行率 of 95% beside money spent 90%
said “未发现问题”)."""

import json

import pytest
from workbooks import ATTACHMENT, Book, Percent

from jixiao.pipeline import check_workbook
from jixiao.report.json import json_report

PROJECTS = [("农村公路养护项目", 500, 495), ("桥梁安全检测经费", 80, 78.4), ("公交运营补贴", 1200, 1080)]
OTHER_ROWS = [("产出指标", "完成养护里程", 20, "≥100公里", "102公里", 20, None),
              ("产出指标", "工程质量合格率", 15, "100%", "100%", 15, None),
              ("产出指标", "完成及时率", 15, "≥95%", "98%", 15, None),
              ("效益指标", "道路通行条件改善", 30, "明显改善", "明显改善", 30, None),
              ("满意度指标", "群众满意度", 10, "≥90%", "92%", 10, None)]


def _department(path, *, lines=PROJECTS, money=True, rates=None, titles=None, unit=False):
    """One sheet 附件N-<project> a project, its 预算执行率 row written as ``rates`` says
    (else as its money gives), titled ``titles`` (else <project>绩效自评评分表); ``lines``
    the 资金明细's (project, 全年预算数, 全年执行数), with a 合计 line under them; ``unit``:
    a 实施单位 column between the names and the amounts."""
    book = Book()
    if money:
        funds = book.sheet("资金明细")
        funds.line("某县交通运输局2024年度项目资金执行情况表")
        between = ("实施单位",) if unit else ()
        funds.line("序号", "项目名称", *between, "全年预算数（万元）", "全年执行数（万元）", "执行率")
        for number, (name, budget, executed) in enumerate(lines, 1):
            funds.line(number, name, *(("县交通运输事务中心",) if unit else ()), budget, executed,
                       Percent(round(executed / budget, 4)))
        funds.line("合计", None, *((None,) if unit else ()), sum(line[1] for line in lines),
                   sum(line[2] for line in lines))
    for number, (name, budget, executed) in enumerate(PROJECTS, 1):
        rate = (rates or {}).get(name, round(executed / budget * 100, 2))
        sheet = book.sheet(f"附件{number}-{name}")
        sheet.line((titles or {}).get(name, f"{name}绩效自评评分表"))
        sheet.indicators([("预算执行率", "预算执行率", 10, "≥90%", f"{rate:.2f}%", rate / 10, None),
                          *OTHER_ROWS], header=ATTACHMENT, lead=None)
        sheet.total(100, round(90 + rate / 10, 2), label="合计")
    return book.save(path)


def _checked(path):
    [result] = [check_workbook(path)]
    assert result.error is None, result.error
    return json.loads(json_report([result]))


def _said(table):
    return [(f["code"], f["sheet"], f["cell"], f["message"]) for f in table["findings"]]


def test_each_table_takes_its_line_and_a_rate_unlike_it_is_found(tmp_path):
    tables = _checked(_department(tmp_path / "部门.xlsx", rates={"公交运营补贴": 95}))
    assert [(t["project"]["name"], t["funds"]["budget"], t["funds"]["executed"], t["funds"]["rate"])
            for t in tables] == [("农村公路养护项目", 500, 495, 99), ("桥梁安全检测经费", 80, 78.4, 98),
                                 ("公交运营补贴", 1200, 1080, 90)]
    assert [_said(table) for table in tables] == [[], [], [(
        "JX305", "附件3-公交运营补贴", "E3", "“预算执行率”完成值 95%，与项目资金栏的执行率 90% "
        "不一致（资金取自 资金明细!C5、D5：全年执行数 1080 ÷ 全年预算数 1200）"), (
        # the row is scored from the money's 90 % too (rt26 f: was left at its written 95 %)
        "JX404", "附件3-公交运营补贴", "F3", "“预算执行率”得分 9.5，按财政部规则应为 9（预算执行率：分值 × 执行率，执行率按全年执行数 ÷ 全年预算数为 90%；"
        "已达到指标值，得分仍按执行率计，不是满分；表中执行率写为 95%，有误，见 JX305；总分 99.5 随之应为 99）")]]


def test_the_names_are_the_project_columns_not_the_text_beside_the_amounts(tmp_path):
    """序号 | 项目名称 | 实施单位 | 全年预算数 …: each line is named by its 项目名称, not by
    the 实施单位 (the last text left of its amounts)."""
    tables = _checked(_department(tmp_path / "部门.xlsx", rates={"公交运营补贴": 95}, unit=True))
    assert [t["funds"]["budget"] for t in tables] == [500, 80, 1200]
    assert [f["message"] for t in tables for f in t["findings"]] == [
        "“预算执行率”完成值 95%，与项目资金栏的执行率 90% 不一致（资金取自 资金明细!D5、E5："
        "全年执行数 1080 ÷ 全年预算数 1200）", "“预算执行率”得分 9.5，按财政部规则应为 9（预算执行率：分值 × 执行率，执行率按全年执行数 ÷ 全年预算数为 90%；"
        "已达到指标值，得分仍按执行率计，不是满分；表中执行率写为 95%，有误，见 JX305；总分 99.5 随之应为 99）"]


@pytest.mark.parametrize("title", ["项目绩效自评评分表", "XX县公交运营补贴项目绩效自评评分表"],
                         ids=["no name", "another name"])
def test_a_table_named_by_its_sheet_only_takes_the_sheets_line(tmp_path, title):
    """No 项目名称: the title names no project (or one the list does not), the sheet's
    name (附件3-公交运营补贴) does, as the 项目名称 rule reads it."""
    path = _department(tmp_path / "部门.xlsx", rates={"公交运营补贴": 95},
                       titles={"公交运营补贴": title})
    third = _checked(path)[2]
    assert (third["funds"]["budget"], third["funds"]["executed"]) == (1200, 1080)
    assert [f["code"] for f in third["findings"]] == ["JX305", "JX404"]


def test_a_written_name_is_not_overruled_by_the_sheets(tmp_path):
    """A 项目名称 written in the table that the list does not name: no line, though the
    sheet's name is listed — the table says which project it is."""
    book_path = _department(tmp_path / "部门.xlsx", rates={"公交运营补贴": 95},
                            titles={"公交运营补贴": "城市公交运营补贴绩效自评评分表"})
    from openpyxl import load_workbook

    book = load_workbook(book_path)
    sheet = book["附件3-公交运营补贴"]
    sheet.insert_rows(2)
    sheet["A2"], sheet["B2"] = "项目名称", "城市公交运营补贴"
    book.save(book_path)
    third = _checked(book_path)[2]
    assert third["project"]["name"] == "城市公交运营补贴" and third["funds"]["budget"] is None


def test_a_name_listed_twice_or_not_at_all_takes_no_line(tmp_path):
    """Two lines of 公交运营补贴 (which is its money is not said) and no line of the
    others: no money for any table — each 预算执行率 row scored from its own rate, as any
    table's without money (no JX305, and no JX307: the rate is written)."""
    lines = [("公交运营补贴", 1200, 1080), ("公交运营补贴", 1000, 1000)]
    for tables in (_checked(_department(tmp_path / "两行.xlsx", lines=lines,
                                        rates={"公交运营补贴": 95})),
                   _checked(_department(tmp_path / "无资金.xlsx", money=False,
                                        rates={"公交运营补贴": 95}))):
        assert [t["funds"]["budget"] for t in tables] == [None, None, None]
        assert [_said(t) for t in tables] == [[], [], []]
        assert tables[2]["indicators"][0]["score_computed"] == 9.5
