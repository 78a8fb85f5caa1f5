"""rt30 r3: a department's 自评结果汇总表 sent as a file of its own (附件1：项目自评结果汇总表
.xlsx: 序号 | 项目名称 | 实施单位 | 全年预算数 | 全年执行数 | 执行率 | 自评得分 | 自评等级, one
line a project) was refused as a 自评表 whose header was not found (未识别表格, open it by
hand) and made ``jixiao check`` and the batch exit 2 — while the same list as a sheet of a
workbook of 自评表 is passed over in silence. It is recognised as what it is, by the same
reading that passes the sheet over (a list of projects is no money block): one line says so,
the exit code is not raised, and the batch gives it no row, only a count."""

import io
import json
import os
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from workbooks import standard

from jixiao.cli.main import main

TITLE = "某区残疾人联合会2024年度项目支出绩效自评结果汇总表"
LIST = [["序号", "项目名称", "实施单位", "全年预算数（万元）", "全年执行数（万元）", "执行率",
         "自评得分", "自评等级"],
        [1, "残疾人两项补贴发放", "某区残疾人联合会", 210, 205.8, 0.98, 99.8, "优"],
        [2, "残疾人康复服务项目", "某区残疾人康复中心", 88, 79.2, 0.9, 99, "优"],
        [3, "残疾人就业培训项目", "某区残疾人就业服务所", 30, 30, 1, 100, "优"]]
NAME = "附件1：项目自评结果汇总表.xlsx"
SAID = (f"“{NAME}”是自评结果汇总表（工作表“汇总表”列出 3 个项目的自评得分和等级），"
        "不是自评表，未校验")


def _results_list(path: Path, rows: list[list] = LIST) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "汇总表"
    for row in [[TITLE], *rows]:
        sheet.append(row)
    book.save(path)
    return path


def _run(*args) -> tuple[int, str]:
    out = io.StringIO()
    with redirect_stdout(out):
        code = main([*map(str, args)])
    return code, out.getvalue()


def test_check_says_it_is_a_results_summary_and_exits_0(tmp_path):
    path = _results_list(tmp_path / NAME)
    code, out = _run("check", path)
    assert code == 0
    assert out.splitlines()[1:] == [SAID, "", "共 1 个文件（1 个是自评结果汇总表，未校验），0 个错误，0 个警告，0 个提示"]
    code, out = _run("check", path, "--json")
    assert code == 0
    assert json.loads(out) == {"file": str(path), "error": SAID, "findings": [],
                               "no_table": True, "results_summary": True}


def test_a_list_of_projects_money_without_their_results_is_still_no_table(tmp_path):
    """A 资金明细 of the projects (no 自评得分, no 等级) is no results summary: 不是自评表, 2."""
    rows = [row[:6] for row in LIST]
    code, out = _run("check", _results_list(tmp_path / "资金明细.xlsx", rows))
    assert code == 2 and "不是自评表，未校验" not in out


def test_the_batch_gives_it_no_row_and_exits_as_for_the_tables(tmp_path):
    inbox = tmp_path / "收件"
    (inbox / "区残联").mkdir(parents=True)
    _results_list(inbox / "区残联" / NAME)
    standard(inbox / "区残联" / "自评表.xlsx")
    output = tmp_path / "汇总.xlsx"
    code, out = _run("batch", inbox, "-o", output, "--workers", "1", "--json", tmp_path / "r.jsonl")
    assert code == 0
    line = f"自评结果汇总表 1 个（{os.path.join('收件', '区残联', NAME)}）不是自评表，未校验，未列入汇总"
    assert line in out.splitlines()[-2]
    assert "未识别" not in out and "须人工查看" not in out
    book = load_workbook(output)
    assert [(row[0], row[12]) for row in book["汇总"].iter_rows(min_row=2, values_only=True)] == [
        ("自评表.xlsx", os.path.join("收件", "区残联"))]
    overview = {row[0]: row[1] for row in book["统计"].iter_rows(values_only=True)}
    assert (overview["找到的文件"], overview["含自评表的文件"],
            overview["自评结果汇总表（不是自评表，未校验）"],
            overview["未识别出表格的文件（有自评表的标题，须人工查看）"]) == (2, 1, 1, 0)
    assert line in overview["注意"]
    # the JSON Lines keep one line a file, as ``jixiao check --json`` prints it
    lines = [json.loads(text) for text in (tmp_path / "r.jsonl").read_text("utf-8").splitlines()]
    assert [item.get("results_summary") for item in lines] == [None, True]


def test_the_same_list_in_a_workbook_of_tables_is_passed_over(tmp_path):
    """A 汇总 sheet before the projects' sheets (区文旅局 （2024） 项目自评表  汇总.xlsx): its
    tables are checked, the list is no table and says nothing."""
    from openpyxl import load_workbook as load

    path = standard(tmp_path / "汇总.xlsx")
    book = load(path)
    sheet = book.create_sheet("汇总", 0)
    for row in [[TITLE], *LIST]:
        sheet.append(row)
    book.save(path)
    code, out = _run("check", path)
    assert code == 0 and "汇总" not in out.split("==", 2)[2] and "注意" not in out


def test_a_sheet_titled_a_self_evaluation_listing_sub_projects_is_no_results_summary(tmp_path):
    """rt30 r9: a sheet titled 项目支出绩效自评表 whose money block lists sub-projects with
    an 得分 column, no indicator block read: a 自评表 in a layout not read (exit 2, opened by
    hand), not a 自评结果汇总表 passed over — a summary is titled 汇总表 or not a 自评表."""
    book = Workbook()
    sheet = book.active
    sheet.title = "自评表"
    for row in [["项目支出绩效自评表"], ["（2024年度）"],
                ["序号", "项目名称", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
                [1, "村庄清洁行动", 50, 50, 48, None, "96%", None],
                [2, "农村改厕", 30, 30, 27, None, "90%", None],
                ["合计", None, 80, 80, 75, 10, "93.75%", 9.38]]:
        sheet.append(row)
    book.save(path := tmp_path / "农村人居环境.xlsx")
    code, out = _run("check", path)
    assert code == 2
    assert out.splitlines()[1] == (
        "无法校验：“农村人居环境.xlsx”有自评表的标题“项目支出绩效自评表”（工作表“自评表”A1），但其中的表格"
        "未能识别：没有找到表头（没有一行表头同时含有“三级指标”（或指标名称）和“分值”（或权重）；"
        "没有分值列的，也没有一行同时含有一级（或二级）指标、三级指标、指标值和完成值），请打开文件人工核对")


def test_a_summary_sheet_beside_a_titled_table_not_read_leaves_the_table_to_open_by_hand(tmp_path):
    """rev30 D/E: the list on a 汇总表 sheet beside a sheet titled 项目支出绩效自评表 whose
    header jixiao does not find (考核内容 | 考核要点 | 标准 | 完成情况 | 评价) made the whole
    file a results summary (exit 0, no batch row) — the 自评表 was dropped in silence. The
    titled sheet wins: exit 2, opened by hand, as it is alone."""
    path = _results_list(tmp_path / "残联自评.xlsx")
    book = load_workbook(path)
    sheet = book.create_sheet("残疾人两项补贴发放")
    for row in [["项目支出绩效自评表（2024年度）"], ["考核内容", "考核要点", "标准", "完成情况", "评价"],
                ["补贴发放", "按月足额发放", "100%", "100%", "好"]]:
        sheet.append(row)
    book.save(path)
    code, out = _run("check", path)
    assert code == 2
    assert "未能识别" in out and "自评结果汇总表" not in out


def test_a_summary_sheet_beside_a_read_table_gives_its_money_not_its_score(tmp_path):
    """rev30 E: beside a table read (满分 | 打分: 40 + 20 + 20 + 10 = 90 of 90 points), the
    汇总表 line of the same project (210 | 205.8 | 98% | 自评得分 99.8 | 优) was taken as the
    table's money with 99.8 as its 执行率得分: JX302 “应为 9.8” and JX401 “99.8 大于分值 10”.
    The list's 自评得分 is the project's 总分: its money stands (98 % × 10 = 9.8), the 总分
    computed 90 + 9.8 = 99.8, 优, and nothing found."""
    path = _results_list(tmp_path / "残联.xlsx", LIST[:3])
    book = load_workbook(path)
    sheet = book.create_sheet("残疾人两项补贴发放")
    for row in [["项目支出绩效自评表（2024年度）"], ["项目名称", "残疾人两项补贴发放"],
                ["一级指标", "二级指标", "三级指标", "指标值", "完成值", "满分", "打分"],
                ["产出指标", "数量指标", "补贴人数", "≥1000人", "1020人", 40, 40],
                ["产出指标", "质量指标", "发放准确率", "100%", "100%", 20, 20],
                ["效益指标", "社会效益", "生活改善", "有效改善", "有效改善", 20, 20],
                ["满意度指标", "满意度", "满意度", "≥90%", "95%", 10, 10]]:
        sheet.append(row)
    book.save(path)
    code, out = _run("check", path)
    assert code == 0, out
    assert "计算 99.8" in out and "计算 优" in out and "未发现问题" in out


# rt31 r3: a department's list whose first project reads like a money line's label
MONEY_LIKE_NAMES = ["城乡困难群众救助补助项目", "中央财政补助资金项目", "省级专项资金",
                    "2024年中央转移支付资金", "上年结转项目", "义务教育学校公用经费",
                    "2024年乡村振兴衔接补助资金"]
DEPARTMENT_LIST = [["序号", "项目名称", "主管部门", "实施单位", "全年预算数（万元）", "全年执行数（万元）",
                    "执行率", "自评得分", "评分等级"],
                   [1, None, "某县民政局", "某县社会救助服务中心", 125.5, 123, "98.01%", 99.8, "优"],
                   [2, "高龄老人养老服务补贴项目", "某县民政局", "某县养老服务中心", 125.5, 123, "98.01%",
                    99.18, "优"],
                   [3, "困难残疾人生活补贴和重度残疾人护理补贴", "某县民政局", "某县残疾人联合会", 125.5,
                    123, "98.01%", 99.58, "优"],
                   ["合计", "", "", "", 376.5, 369, "98.01%", "", ""]]


@pytest.mark.parametrize("name", MONEY_LIKE_NAMES)
def test_a_first_project_named_like_a_money_line_is_still_a_project(tmp_path, name):
    """rt31 r3: 城乡困难群众救助补助项目 (补助), 上年结转项目, 义务教育学校公用经费 … as the
    list's first project made its header a money block's (项目 | 全年预算数 over 年度资金总额):
    未识别表格, exit 2. The projects after it name no money line: a list of projects."""
    rows = [DEPARTMENT_LIST[0], [1, name, *DEPARTMENT_LIST[1][2:]], *DEPARTMENT_LIST[2:]]
    code, out = _run("check", _results_list(tmp_path / "民政局汇总.xlsx", rows))
    assert code == 0, out
    assert out.splitlines()[1] == ("“民政局汇总.xlsx”是自评结果汇总表（工作表“汇总表”列出 3 个项目的"
                                   "自评得分和等级），不是自评表，未校验")


def test_the_batch_counts_a_list_whose_first_project_reads_like_money(tmp_path):
    inbox = tmp_path / "收件"
    (inbox / "民政局").mkdir(parents=True)
    rows = [DEPARTMENT_LIST[0], [1, MONEY_LIKE_NAMES[0], *DEPARTMENT_LIST[1][2:]],
            *DEPARTMENT_LIST[2:]]
    _results_list(inbox / "民政局" / "民政局2024年度项目自评结果汇总表.xlsx", rows)
    standard(inbox / "民政局" / "自评表.xlsx")
    output = tmp_path / "汇总.xlsx"
    code, out = _run("batch", inbox, "-o", output, "--workers", "1")
    assert code == 0, out
    book = load_workbook(output)
    assert [row[0] for row in book["汇总"].iter_rows(min_row=2, values_only=True)] == ["自评表.xlsx"]
    overview = {row[0]: row[1] for row in book["统计"].iter_rows(values_only=True)}
    assert (overview["找到的文件"], overview["自评结果汇总表（不是自评表，未校验）"],
            overview["未识别出表格的文件（有自评表的标题，须人工查看）"]) == (2, 1, 0)
    shown = os.path.join("收件", "民政局", "民政局2024年度项目自评结果汇总表.xlsx")
    assert overview["注意"].count(f"自评结果汇总表 1 个（{shown}）") == 1
