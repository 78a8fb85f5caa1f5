"""A table on a sheet the workbook hides (last year's draft) beside the table it shows:
the reviewer's table is the one shown; the hidden one is named in a note, not checked."""

from workbooks import PUTUO_1_ROWS, Book, standard_sheet

from jixiao.pipeline import check_workbook
from jixiao.read.workbook import read_workbook


def _book(tmp_path, shown=True):
    book = Book()
    old = standard_sheet(book.sheet("2023年（旧）"), total=(100, 98))  # its 总分 is wrong
    old.ws.sheet_state = "hidden"
    if shown:
        standard_sheet(book.sheet())
    else:  # a workbook shows one sheet at least
        book.sheet("说明").line("本工作簿的自评表在隐藏的工作表中")
    return book.save(tmp_path / "with-hidden.xlsx")


def test_a_hidden_draft_beside_the_shown_table_is_not_checked(tmp_path):
    path = _book(tmp_path)
    workbook = read_workbook(path)
    assert [table.sources["header"].sheet for table in workbook.tables] == ["自评表"]
    assert workbook.notes == ["隐藏的工作表“2023年（旧）”中的表未校验：以显示的工作表为准"]
    for engine in ("auto", "openpyxl"):
        assert len(read_workbook(path, engine=engine).tables) == 1
    result = check_workbook(path)
    assert [finding.code for finding in result.findings] == []


def test_a_table_only_on_a_hidden_sheet_is_still_checked(tmp_path):
    workbook = read_workbook(_book(tmp_path, shown=False))
    assert [table.sources["header"].sheet for table in workbook.tables] == ["2023年（旧）"]
    assert workbook.notes == []
    assert [row[2] for row in PUTUO_1_ROWS] == [i.name for i in workbook.tables[0].indicators]


def test_a_hidden_sheet_is_no_page_of_the_shown_table(tmp_path):
    """A shown table without its 总分, a hidden draft's rows after it (no header of their
    own): they are not read as the shown table's next page."""
    book = Book()
    standard_sheet(book.sheet(), total=None, grade=None)
    old = book.sheet("2023年（旧）")
    old.ws.sheet_state = "hidden"
    for row in PUTUO_1_ROWS:
        old.line(None, *row)
    workbook = read_workbook(book.save(tmp_path / "draft-after.xlsx"))
    [table] = workbook.tables
    assert [i.name for i in table.indicators] == [row[2] for row in PUTUO_1_ROWS]
