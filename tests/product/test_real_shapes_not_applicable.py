"""A named row the unit marked not applicable this year (its points moved to other rows, the
分值 still totalling 100): 分值 and 得分 written 不适用, 无, /, — or 0, no 指标值 or 完成值.
Before (rt15 D9), it was an error — JX106 “分值‘不适用’不是数字”, JX201, JX202 — and no
总分 was computed. Now it is left out with a note naming it; a 分值 left blank is still
a forgotten one."""

from __future__ import annotations

import pytest
from test_real_shapes import checked, codes
from workbooks import PUTUO_1_ROWS, standard

from jixiao.read.workbook import read_workbook

ROW = ("产出指标", "数量指标", "培训场次")


@pytest.mark.parametrize(("mark", "points"), [("不适用", "不适用"), ("无", "无"), ("/", "/"),
                                              ("—", "—"), ("/", 0), ("不涉及", 0)])
def test_a_row_marked_not_applicable_is_left_out_with_a_note(tmp_path, mark, points):
    rows = [*PUTUO_1_ROWS[:1], (*ROW, mark, mark, points, points, None), *PUTUO_1_ROWS[1:]]
    path = standard(tmp_path / "t.xlsx", rows=rows)
    table, data = checked(path)
    assert codes(data) == [] and data["total_computed"] == 99.98
    assert len(table.indicators) == len(PUTUO_1_ROWS)
    [note] = read_workbook(path).notes
    assert "“培训场次”标为不适用" in note


def test_a_named_row_with_its_points_left_blank_is_still_reported(tmp_path):
    rows = [*PUTUO_1_ROWS[:1], (*ROW, None, None, None, None, None), *PUTUO_1_ROWS[1:]]
    _, data = checked(standard(tmp_path / "t.xlsx", rows=rows))
    assert "JX106" in codes(data)


def test_a_sheet_copied_beside_its_original_counts_once(tmp_path):
    """rt15 L9: “Sheet1 (2)”, a copy of Sheet1 left in the file, was a second table (batch
    counted 3 tables for 2 files). Now it is named in a note and checked once; a copy
    that differs (another project) is still a table of its own."""
    from workbooks import Book, standard_sheet

    book = Book()
    standard_sheet(book.sheet("Sheet1"))
    standard_sheet(book.sheet("Sheet1 (2)"))
    path = book.save(tmp_path / "t.xlsx")
    workbook = read_workbook(path)
    assert len(workbook.tables) == 1
    assert workbook.notes == ["工作表“Sheet1 (2)”上的表与“Sheet1”上的表完全相同（复制的工作表），只校验、统计一次"]
    book = Book()
    standard_sheet(book.sheet("Sheet1"))
    standard_sheet(book.sheet("Sheet2"), name="另一个项目")
    assert len(read_workbook(book.save(tmp_path / "u.xlsx")).tables) == 2


def test_of_two_identical_sheets_the_one_not_named_a_copy_is_kept(tmp_path):
    from workbooks import Book, standard_sheet

    book = Book()
    standard_sheet(book.sheet("上年度"))
    standard_sheet(book.sheet("Sheet1"))
    workbook = read_workbook(book.save(tmp_path / "t.xlsx"))
    assert [t.sources["header"].sheet for t in workbook.tables] == ["Sheet1"]
    assert workbook.notes == ["工作表“上年度”上的表与“Sheet1”上的表完全相同（复制的工作表），只校验、统计一次"]


def test_a_table_pasted_twice_on_one_sheet_counts_once(tmp_path):
    """rt21a 2: the same table twice on one sheet, one below the other, was checked and
    counted twice (表 1/2, 表 2/2) with no note, while a copied sheet counts once. Now the
    same rule, with a note naming both by their header; the upper one is kept. A second
    table of another project on the sheet is still a table of its own."""
    from workbooks import Book, standard_sheet

    book = Book()
    sheet = book.sheet("自评表")
    standard_sheet(sheet)
    sheet.row += 3
    standard_sheet(sheet)
    workbook = read_workbook(book.save(tmp_path / "t.xlsx"))
    assert [t.sources["header"].cell for t in workbook.tables] == ["D10"]
    assert workbook.notes == ["工作表“自评表”中表头在 D30 的表与表头在 D10 的表完全相同"
                              "（同一张表粘贴了两次），只校验、统计一次"]
    book = Book()
    sheet = book.sheet("自评表")
    standard_sheet(sheet)
    sheet.row += 3
    standard_sheet(sheet, name="另一个项目")
    workbook = read_workbook(book.save(tmp_path / "u.xlsx"))
    assert len(workbook.tables) == 2 and workbook.notes == []


def test_a_word_table_given_twice_counts_once(tmp_path):
    """The same rule in a Word document (its tables read as one sheet): named by their
    places in the document."""
    import re
    import zipfile

    from wordfiles import docx, workbook_docx
    from workbooks import standard

    one = workbook_docx(standard(tmp_path / "t.xlsx"), tmp_path / "one.docx")
    body = re.search(r"<w:body>(.*)<w:sectPr/></w:body>",
                     zipfile.ZipFile(one).read("word/document.xml").decode(), re.S).group(1)
    workbook = read_workbook(docx(tmp_path / "two.docx", body + body))
    assert len(workbook.tables) == 1
    assert workbook.notes == ["第2个表格与第1个表格完全相同（同一张表粘贴了两次），只校验、统计一次"]
