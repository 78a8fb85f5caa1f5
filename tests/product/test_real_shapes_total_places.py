"""How the 总分 and the 评分等级 are written and where (rt25-f): a 总分 typed as 98% in
Excel (0.98 shown as 98%) or in Chinese numerals (九十八分, 玖拾捌分) is the total it shows.
Before: JX501 "总分写为 0.98" and JX502 "总分 0.98 应为“差”"; "总分未填写" for 九十八分,
and a wrong 九十五分 not quoted."""

import openpyxl
import pytest
from test_real_shapes import checked, codes
from workbooks import standard


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
