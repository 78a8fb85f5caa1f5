"""A 绩效目标表 sent with the 自评表: its 指标值 and 分值 are the plan the table is
scored against, not a second self-evaluation (no 完成值, no 得分 column)."""

from workbooks import PUTUO_1_ROWS, Book, standard_sheet

from jixiao.checks import run_checks
from jixiao.model import evaluate
from jixiao.read.workbook import read_tables

PLAN_HEADER = ("一级指标", "二级指标", "三级指标", "指标值", "分值")
PLAN_ROWS = [(row[0], row[1], row[2], row[3], row[5]) for row in PUTUO_1_ROWS]


def _plan(book: Book) -> None:
    sheet = book.sheet("绩效目标表")
    sheet.title("项目支出绩效目标申报表")
    sheet.indicators(PLAN_ROWS, header=PLAN_HEADER)


def test_the_plan_beside_the_table_is_not_a_second_table(tmp_path):
    book = Book()
    _plan(book)
    standard_sheet(book.sheet())
    tables = read_tables(book.save(tmp_path / "with-plan.xlsx"))
    assert [table.layout for table in tables] == ["standard"]
    table = tables[0]
    assert table.sources["header"].sheet == "自评表"
    assert [finding.code for finding in run_checks(table, evaluate(table))] == []
    assert evaluate(table).total == 99.98  # 9.98 + 25 + 20 + 30 + 10 + 5


def test_a_plan_alone_is_said_to_be_one(tmp_path):
    """A 绩效目标表 sent instead of the 自评表: no table to check, and the message says what
    was sent (before: read as a table — a lone JX101 and 有错误, misleading a reviewer)."""
    import pytest

    from jixiao.errors import NotASelfEvaluation

    book = Book()
    _plan(book)
    with pytest.raises(NotASelfEvaluation, match="是绩效目标表"):
        read_tables(book.save(tmp_path / "plan-only.xlsx"))

