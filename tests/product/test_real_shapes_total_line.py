"""The 总分 and the 评分等级 written together on the 总分 row (rt14-a D13): the row's one
merged cell "自评总分：99.98分　　评价等级：优" (or "总分：99.98  等级：优"), or the 总分
cell "99.98分，优". Before: JX501 "总分未填写", and a wrong total in that form unchecked."""

import openpyxl
import pytest
from test_real_shapes import checked, codes
from workbooks import standard


def _one_line(path, text=None, score_cell=None):
    """The standard table (99.98, 优) with its 总分 row rewritten: ``text`` in one cell
    merged across the row, or ``score_cell`` in the 得分 cell; the 等级 row cleared."""
    book = openpyxl.load_workbook(path)
    sheet = book.active
    row = next(cell.row for cell in sheet["A"] if cell.value == "总分")
    grade_row = next((cell.row for cell in sheet["A"] if cell.value == "评分等级"), None)
    for merged in list(sheet.merged_cells.ranges):
        if merged.min_row in (row, grade_row):
            sheet.unmerge_cells(str(merged))
    for cells in sheet.iter_rows(min_row=row, max_row=grade_row or row):
        for cell in cells:
            cell.value = None
    if text is not None:
        sheet.cell(row, 1, text)
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=9)
    else:
        sheet.cell(row, 1, "总分")
        sheet.cell(row, 8, score_cell)
    book.save(path)
    return path


@pytest.mark.parametrize("line", ["自评总分：99.98分　　　评价等级：优", "总分：99.98    等级：优",
                                  "自评总分：99.98分，自评等级：优"])
def test_total_and_grade_in_one_line_are_both_read(tmp_path, line):
    _, data = checked(_one_line(standard(tmp_path / "t.xlsx"), line))
    assert (data["total_declared"], data["grade_declared"]) == (99.98, "优")
    assert codes(data) == []


def test_total_and_grade_in_the_total_cell_are_both_read(tmp_path):
    _, data = checked(_one_line(standard(tmp_path / "t.xlsx"), score_cell="99.98分，优"))
    assert (data["total_declared"], data["grade_declared"]) == (99.98, "优")
    assert codes(data) == []


def test_a_wrong_total_or_grade_in_one_line_is_still_flagged(tmp_path):
    _, data = checked(_one_line(standard(tmp_path / "t.xlsx"), "自评总分：95.98分　　评价等级：良"))
    found = {(item["code"], item["cell"]) for item in data["findings"]}
    assert ("JX501", "A16") in found and ("JX502", "A16") in found, data["findings"]
