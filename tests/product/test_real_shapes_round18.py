"""Round 18 of real shapes: what a reviewer sees in a 偏差原因, and values written as
reviewers read them (each test fails on 338b490)."""

import pytest
from test_real_shapes import checked, codes
from test_real_shapes_round16 import CLOSING, HEAD, ROWS
from workbooks import grid_book

HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
          "偏差原因分析及改进措施"]
SATISFACTION = len(HEAD) + 1 + len(ROWS)  # the 满意度 row (85% of ≥90%: 9.44 of 10)


def _with_last_row(path, reason, header=HEADER, extra=(), merges=()):
    rows = [*map(list, ROWS[:-1]), [*ROWS[-1][:7], reason, *extra]]
    closing = [CLOSING[0][:1] + [None] * 4 + [100, 99.24], CLOSING[1]]
    return grid_book(path, [*HEAD, header, *rows, *closing], merges=merges)


@pytest.mark.parametrize("reason", [
    "——", "／", "--", "－", "N/A", "\\", "…", "/ /", "无.", "暂无。", "没有。", "正常", "已完成",
    "已达标", "无明显偏差", 0, "请填写偏差原因", "（扣分的须说明偏差原因及改进措施）",
    # rt22e: that it was not met, or that there is no deviation, in other words
    "不适用", "未达到", "未完成。", "未达标", "有偏差", "没有偏差", "不存在偏差", "无差异",
    "符合预期", "目标已完成", "已按要求完成", "未达到指标值", "偏差原因：", "否", "略"])
def test_a_deduction_explained_by_a_mark_a_no_or_the_forms_prompt_is_unexplained(tmp_path, reason):
    """A 9.44-of-10 row whose 偏差原因 says nothing a reviewer reads as a reason — dashes,
    N/A, 无 with a full stop, 已完成, a bare number, the form's printed prompt: JX405 (before:
    counted as written, the file passed)."""
    _, data = checked(_with_last_row(tmp_path / "t.xlsx", reason))
    assert [(item["code"], item["cell"]) for item in data["findings"]] == [
        ("JX405", f"H{SATISFACTION}")]


def test_a_real_reason_still_counts(tmp_path):
    _, data = checked(_with_last_row(tmp_path / "t.xlsx", "样本偏少，调查结果偏低；下年扩大样本"))
    assert codes(data) == []


def test_no_in_the_reason_and_the_measures_written_beside_it(tmp_path):
    """偏差原因 “无” | 改进措施 written: explained as a blank 偏差原因 beside the same 改进措施
    already was (before: JX405)."""
    header = [*HEADER[:7], "偏差原因", "改进措施"]
    path = _with_last_row(tmp_path / "t.xlsx", "无", header=header,
                          extra=["下年度优化课程设置，扩大满意度调查样本"])
    _, data = checked(path)
    assert codes(data) == []


def test_a_reason_typed_in_the_right_half_of_a_merged_reason_header(tmp_path):
    """偏差原因分析及改进措施 merged across two columns, the reason typed in the second:
    read (before: JX405 at the empty first)."""
    header = [*HEADER, None]
    at = len(HEAD) + 1
    path = _with_last_row(tmp_path / "t.xlsx", None, header=header,
                          extra=["部分学员对课程安排不满意，下年度优化课程设置"],
                          merges=[(at, 8, 0, 1)])
    _, data = checked(path)
    assert codes(data) == []
    path = _with_last_row(tmp_path / "u.xlsx", None, header=header, extra=[None],
                          merges=[(at, 8, 0, 1)])
    _, data = checked(path)
    assert [(item["code"], item["cell"]) for item in data["findings"]] == [
        ("JX405", f"H{SATISFACTION}")]


def test_weights_and_their_total_typed_as_percentages(tmp_path):
    """权重 typed into Excel as percentages, 0.15 shown as 15% — and the 合计 1 shown as
    100%: the total as shown (rt18-c 3: before, JX101 “分值合计写为 1”)."""
    from openpyxl import load_workbook

    path = _with_last_row(tmp_path / "t.xlsx", ROWS[-1][7])
    book = load_workbook(path)
    sheet = book.active
    for row in range(len(HEAD) + 2, SATISFACTION + 2):
        cell = sheet.cell(row, 6)
        cell.value, cell.number_format = cell.value / 100, "0%"
    assert sheet.cell(SATISFACTION + 1, 6).value == 1
    book.save(path)
    _, data = checked(path)
    assert codes(data) == []


@pytest.mark.parametrize("typed", ["0.98", "0.9800", "98"])
def test_an_execution_rate_typed_as_text_reads_as_the_number(tmp_path, typed):
    """执行率 exported as the text “0.98” (in a cell formatted 0.00%, which text ignores):
    98 %, as the number 0.98 is (rt18-c 4: before, JX301 “执行率写为 0.98%”)."""
    from openpyxl import load_workbook

    path = _with_last_row(tmp_path / "t.xlsx", ROWS[-1][7])
    book = load_workbook(path)
    cell = book.active.cell(len(HEAD), 6)
    assert cell.value == "98%"
    cell.value, cell.number_format = typed, "0.00%"
    book.save(path)
    _, data = checked(path)
    assert codes(data) == [] and data["funds"]["rate_declared"] == 98


def test_a_score_formula_of_the_tables_own_showing_an_error_is_a_missing_score(tmp_path):
    """=1/0 in a 得分 cell, saved showing #DIV/0! (and the 总分's SUM with it): the table has
    no valid score there — an error (rt18-c 1: before, a JX504 warning “文件由没有 jixiao
    函数的软件保存，结果已丢失”, exit 0). The 总分 showing #DIV/0! with it is said at its
    cell too (rt33 r10 a4: a table going out without a total was not mentioned)."""
    from workbooks import PUTUO_1_ROWS, Formula, standard

    rows = [list(row) for row in PUTUO_1_ROWS]
    rows[1][6] = Formula("=1/0", "#DIV/0!")
    path = standard(tmp_path / "t.xlsx", rows=[tuple(row) for row in rows],
                    total=(100, Formula("=SUM(H12:H16)+H6", "#DIV/0!")))
    _, data = checked(path)
    assert [(item["code"], item["severity"], item["message"]) for item in data["findings"]] == [
        ("JX406", "error", "“预算编制规范性”的得分公式显示 #DIV/0!，没有有效得分；请检查公式"),
        ("JX501", "error", "总分公式显示 #DIV/0!，没有有效总分：有得分未填或显示错误值"
                           "（见 JX406），改正后总分随之算出")]


def test_a_rate_of_a_line_without_money_showing_div0_is_what_excel_shows(tmp_path):
    """上年结转 0 | 0 with its 执行率 =E8/D8 showing #DIV/0!: no finding (rt18-c 2: before, a
    JX504 warning that recalculating could never clear)."""
    from workbooks import PUTUO_1_MONEY, Formula, standard

    money = [list(line) for line in PUTUO_1_MONEY]
    [carried] = [line for line in money if line[0] == "上年结转资金"]
    carried[5] = Formula("=D8/C8", "#DIV/0!")
    _, data = checked(standard(tmp_path / "t.xlsx", money=[tuple(line) for line in money]))
    assert codes(data) == []


@pytest.mark.parametrize(("score", "shown"), [("十五", "十五"), (True, "TRUE"), ("9,79", "9,79")])
def test_a_score_that_is_no_number_is_said_so(tmp_path, score, shown):
    """A 得分 typed as 十五, a TRUE, a decimal comma: “不是数字” with what the cell shows
    (rt18-c 9, 10: before, “未填写得分” for a filled cell, and Python's “True”)."""
    from workbooks import PUTUO_1_ROWS, standard

    rows = [list(row) for row in PUTUO_1_ROWS]
    rows[1][6] = score
    _, data = checked(standard(tmp_path / "t.xlsx", rows=[tuple(row) for row in rows]))
    [found] = [item for item in data["findings"] if item["code"] == "JX406"]
    assert found["message"] == f"“预算编制规范性”的得分“{shown}”不是数字，请填写数字（如 9.5）"


def test_a_grade_of_true_is_shown_as_excel_shows_it(tmp_path):
    from workbooks import standard

    _, data = checked(standard(tmp_path / "t.xlsx", grade=True))
    assert [item["message"] for item in data["findings"]] == [
        "评分等级“TRUE”不是优、良、中、差之一，总分 99.98 应为“优”"]
