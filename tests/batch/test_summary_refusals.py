"""rt28: a file read without a 自评表 in it is told apart in 汇总's 状态, so a reviewer
with 300 files knows which to chase — 空文件 (nothing in it: ask for it again), 不是自评表
(another form, or unrelated sheets: ignore or ask), 未识别表格 (titled a 自评表, its header
row not found: open it by hand) — and ``jixiao check`` says the same of each file (its 原因
is the line check prints, exit code 2). Before, all three were 不是自评表."""

import io
import json
import os
from contextlib import redirect_stdout

import pytest
from openpyxl import Workbook, load_workbook

from jixiao.batch.summary_book import SUMMARY_COLUMNS
from jixiao.cli.main import main

EMPTY_REASON = "“空白.xlsx”是空的工作簿：没有任何内容（各工作表都是空白的），请填报单位提交填好的自评表"
OTHER_REASON = ("“工资表.xlsx”中没有找到项目支出绩效自评表：没有一行表头同时含有“三级指标”（或指标名称）"
                "和“分值”（或权重）；没有分值列的，也没有一行同时含有一级（或二级）指标、三级指标、"
                "指标值和完成值")
UNRECOGNISED_REASON = (
    "“自评表表头不认识.xlsx”有自评表的标题“项目支出绩效自评表（2024年度）”（工作表“自评表”A1），"
    "但其中的表格未能识别：没有找到表头（没有一行表头同时含有“三级指标”（或指标名称）和“分值”"
    "（或权重）；没有分值列的，也没有一行同时含有一级（或二级）指标、三级指标、指标值和完成值），"
    "请打开文件人工核对")
TARGETS_REASON = ("“部门目标表.xlsx”是绩效目标表（只有年度指标值，没有实际完成值和得分），不是自评表："
                  "请提交填好实际完成值和得分的项目支出绩效自评表")


def _empty(path):
    """Two sheets, nothing in either (a unit saved a new workbook and sent it)."""
    book = Workbook()
    book.create_sheet("Sheet2")
    book.save(path)


def _payroll(path):
    """A 工资表 and a 报销单: content, none of it a 自评表."""
    book = Workbook()
    sheet = book.active
    sheet.title = "工资表"
    for row in (["2024年12月工资表"], ["姓名", "基本工资", "绩效工资", "应发合计"],
                ["张三", 5000, 1200, 6200], ["李四", 4800, 1000, 5800]):
        sheet.append(row)
    claims = book.create_sheet("报销单")
    for row in (["差旅费报销单"], ["日期", "事由", "金额"], ["2024-03-01", "出差", 1200]):
        claims.append(row)
    book.save(path)


def _titled_without_header(path):
    """Titled 项目支出绩效自评表, its columns named in words no layout uses (指标 | 目标 |
    完成 | 分 | 得): a 自评表 whose header jixiao does not find."""
    book = Workbook()
    sheet = book.active
    sheet.title = "自评表"
    for row in (["项目支出绩效自评表（2024年度）"], ["项目名称", "养老服务项目"],
                ["指标", "目标", "完成", "分", "得"], ["服务人次", "≥100人次", "120人次", 10, 10],
                ["满意度", "≥90%", "95%", 10, 10]):
        sheet.append(row)
    book.save(path)


def _department_targets(path):
    """A 部门整体支出绩效目标申报表: the year's targets, no 完成值 or 得分."""
    book = Workbook()
    sheet = book.active
    sheet.title = "目标表"
    for row in (["部门整体支出绩效目标申报表（2024年度）"], ["部门名称", "某区民政局"],
                ["一级指标", "二级指标", "三级指标", "指标值"],
                ["产出指标", "数量指标", "服务人次", "≥100人次"],
                ["满意度指标", "服务对象满意度指标", "满意度", "≥90%"]):
        sheet.append(row)
    book.save(path)


def _zero_bytes(path):
    """Nothing at all: an upload that failed (0 bytes, not even a zip)."""
    path.write_bytes(b"")


FILES = {"空白.xlsx": (_empty, "空文件", EMPTY_REASON),
         # a 0-byte file is a failed upload: 空文件 as a blank workbook, its own reason kept
         # (before: 无法读取, no "empty" in the JSON, counted among the unreadable)
         "零字节.xlsx": (_zero_bytes, "空文件", "“零字节.xlsx”是空文件（0 字节）"),
         "工资表.xlsx": (_payroll, "不是自评表", OTHER_REASON),
         "自评表表头不认识.xlsx": (_titled_without_header, "未识别表格", UNRECOGNISED_REASON),
         "部门目标表.xlsx": (_department_targets, "不是自评表", TARGETS_REASON)}


def _run(*argv):
    out = io.StringIO()
    with redirect_stdout(out):
        code = main([*map(str, argv)])
    return code, out.getvalue()


@pytest.fixture(scope="module")
def inbox(tmp_path_factory):
    work = tmp_path_factory.mktemp("refusals")
    (work / "收件").mkdir()
    for name, (build, _, _) in FILES.items():
        build(work / "收件" / name)
    cwd = os.getcwd()
    os.chdir(work)
    try:
        code, out = _run("batch", "收件", "-o", "汇总.xlsx", "--workers", "1")
    finally:
        os.chdir(cwd)
    book = load_workbook(work / "汇总.xlsx")
    rows = {row[0]: dict(zip(SUMMARY_COLUMNS, row, strict=True))
            for row in book["汇总"].iter_rows(min_row=2, values_only=True)}
    stats = {row[0]: row[1] for row in book["统计"].iter_rows(values_only=True) if row and row[0]}
    return work, code, out, rows, stats


@pytest.mark.parametrize("name", FILES)
def test_each_file_read_without_a_table_has_its_own_status_and_reason(inbox, name):
    _, _, _, rows, _ = inbox
    _, status, reason = FILES[name]
    assert (rows[name]["状态"], rows[name]["原因"]) == (status, reason)
    assert rows[name]["项目名称"] is None and rows[name]["错误数"] is None


@pytest.mark.parametrize("name", FILES)
def test_check_prints_the_reason_the_summary_gives(inbox, name, capsys):
    """One place decides: ``jixiao check`` prints 汇总's 原因, exit code 2 for each."""
    work, _, _, _, _ = inbox
    code, out = _run("check", work / "收件" / name)
    assert code == 2
    assert out.splitlines()[1] == f"无法校验：{FILES[name][2]}"
    code, out = _run("check", work / "收件" / name, "--json")
    found = json.loads(out)
    assert code == 2 and found["error"] == FILES[name][2] and found["no_table"] is True
    # the JSON says which: a reader of it (jq, the batch) needs no Chinese text
    status = FILES[name][1]
    assert found.get("empty", False) is (status == "空文件")
    assert found.get("unrecognised", False) is (status == "未识别表格")
    assert found.get("targets_only", False) is (name == "部门目标表.xlsx")


def test_statistics_count_each_kind_and_the_files_add_up(inbox):
    _, code, out, _, stats = inbox
    assert stats["找到的文件"] == 5
    assert stats["空文件（没有任何内容，请单位重新提交）"] == 2  # 空白.xlsx, 零字节.xlsx
    assert stats["不是自评表的文件（如只交了绩效目标表）"] == 2  # 工资表, 部门目标表
    assert stats["未识别出表格的文件（有自评表的标题，须人工查看）"] == 1
    assert stats["无法读取的文件"] == 0 and stats["含自评表的文件"] == 0
    assert stats["读出的自评表"] == 0
    assert code == 2  # none of the five could be checked
    assert "0 个文件无法读取，2 个文件是空的，2 个文件不是自评表，1 个文件未识别出表格（须人工查看）" in out


def test_a_word_document_of_0_bytes_has_its_row(tmp_path):
    """A 0-byte .docx is a failed upload, 空文件 — no 自评报告 read without a table, which
    takes no row (before: 无法读取)."""
    (tmp_path / "收件").mkdir()
    (tmp_path / "收件" / "零字节.docx").write_bytes(b"")
    code, _ = _run("batch", tmp_path / "收件", "-o", tmp_path / "汇总.xlsx", "--workers", "1")
    rows = list(load_workbook(tmp_path / "汇总.xlsx")["汇总"].iter_rows(min_row=2, values_only=True))
    found = [dict(zip(SUMMARY_COLUMNS, row, strict=True)) for row in rows if row[0]]
    assert [(row["状态"], row["原因"]) for row in found] == [("空文件", "“零字节.docx”是空文件（0 字节）")]
    assert code == 2
