"""How the 总分 and the 评分等级 are written and where (rt25-f).

A 总分 typed as 98% in Excel (0.98 shown as 98%) or in Chinese numerals (九十八分,
玖拾捌分) is the total it shows. Before: JX501 "总分写为 0.98" and JX502 "总分 0.98
应为“差”"; "总分未填写" for 九十八分, and a wrong 九十五分 not quoted.

A 总分 (and 评分等级) row printed above the indicators — right under their header, or
between the 年度总体目标 and the header — is read where it stands. Before: under the
header it ended the table (JX001 "没有填写任何三级指标", 计算 9.98), a 合计 | 100 | 98
there was a 小计 of no rows (JX103); above the header the 总分 was not read at all, so
a wrong one passed."""

import openpyxl
import pytest
from test_real_shapes import checked, codes
from workbooks import PUTUO_1_MONEY, PUTUO_1_ROWS, Book, standard


def _total_cell(path, value, number_format=None):
    """The standard table (分值 100, 总分 99.98, 优) with its 总分 cell rewritten."""
    book = openpyxl.load_workbook(path)
    sheet = book.active
    row = next(cell.row for cell in sheet["A"] if cell.value == "总分")
    cell = sheet.cell(row, 8)
    cell.value = value
    if number_format is not None:
        cell.number_format = number_format
    book.save(path)
    return path


@pytest.mark.parametrize(("value", "number_format"), [
    (0.9998, "0.00%"), ("99.98%", None), ("九十九点九八分", None), ("玖拾玖点玖捌", None)])
def test_a_total_is_read_as_it_shows(tmp_path, value, number_format):
    _, data = checked(_total_cell(standard(tmp_path / "t.xlsx"), value, number_format))
    assert (data["total_declared"], data["grade_declared"]) == (99.98, "优")
    assert codes(data) == []


@pytest.mark.parametrize(("value", "number_format", "written"), [
    (0.95, "0%", "95"), ("九十五分", None, "95"), ("玖拾伍", None, "95")])
def test_a_wrong_total_in_those_forms_is_quoted_as_written(tmp_path, value, number_format,
                                                          written):
    _, data = checked(_total_cell(standard(tmp_path / "t.xlsx"), value, number_format))
    assert [(item["code"], item["cell"], item["message"]) for item in data["findings"]] == [
        ("JX501", "H16", f"总分写为 {written}，各项得分之和为 99.98")]


# ------------------------------------------------------------ above the indicators

def _results_above(path, total=99.98, label="总分", grade_first=True, between=False):
    """The standard table with its 总分 row (``label`` | 100 | ``total``) under the
    indicator header (``between``: above it, under the 年度总体目标) and its 评分等级
    row under that (``grade_first``) or under the indicators."""
    book = Book()
    sheet = book.sheet()
    sheet.title("项目支出绩效自评表", "（2024 年度）")
    sheet.project("信息安全等保项目", "上海市普陀区医疗保障局", "上海市普陀区医疗保险事务中心")
    sheet.money(PUTUO_1_MONEY)
    sheet.line("年度总体目标", "预期目标", None, None, "实际完成情况")
    sheet.line(None, "完成机房设施升级改造", None, None, "已完成")
    if between:
        sheet.line(label, None, None, None, None, None, 100, total)
        sheet.grade("优")
    sheet.indicators(())
    if not between:
        sheet.total(100, total, label=label)
        if grade_first:
            sheet.grade("优")
    for values in PUTUO_1_ROWS:
        sheet.line(*values, start=2)
    if not between and not grade_first:
        sheet.grade("优")
    return book.save(path)


@pytest.mark.parametrize("shape", [{}, {"grade_first": False}, {"label": "合计"},
                                   {"label": "合计", "grade_first": False}, {"between": True}])
def test_a_total_above_the_indicators_is_read_where_it_stands(tmp_path, shape):
    table, data = checked(_results_above(tmp_path / "t.xlsx", **shape))
    assert len(table.indicators) == 5 and table.subtotals == []
    assert (data["total_declared"], data["grade_declared"]) == (99.98, "优")
    assert codes(data) == []


@pytest.mark.parametrize(("shape", "cell"), [({}, "H13"), ({"between": True}, "H12")])
def test_a_wrong_total_above_the_indicators_is_flagged(tmp_path, shape, cell):
    _, data = checked(_results_above(tmp_path / "t.xlsx", total=92, **shape))
    assert [(item["code"], item["cell"], item["message"]) for item in data["findings"]] == [
        ("JX501", cell, "总分写为 92，各项得分之和为 99.98")]


def test_a_subtotal_of_the_first_rows_is_still_one(tmp_path):
    """Not changed: 合计 | 30 | 30 under the first 一级's rows (rows above it) is their
    subtotal, not the 总分."""
    rows = [*PUTUO_1_ROWS[:3]]
    book = Book()
    sheet = book.sheet()
    sheet.title("项目支出绩效自评表", "（2024 年度）")
    sheet.project("信息安全等保项目", "上海市普陀区医疗保障局", "上海市普陀区医疗保险事务中心")
    sheet.money(PUTUO_1_MONEY)
    sheet.indicators(rows)
    sheet.line("合计", None, None, None, None, None, 50, 50)
    for values in PUTUO_1_ROWS[3:]:
        sheet.line(*values, start=2)
    sheet.total(100, 99.98)
    sheet.grade("优")
    table, data = checked(book.save(tmp_path / "t.xlsx"))
    assert len(table.indicators) == 5 and [s.weight for s in table.subtotals] == [50]
    assert (data["total_declared"], data["grade_declared"]) == (99.98, "优")
    assert codes(data) == []
