"""A 绩效目标 list beside a correct 自评表: the unit put its 绩效目标表's indicators — 一级 |
二级 | 三级 | 指标值, no title, no 完成值, 分值 or 得分 — right of the table, empty
columns between. It is the plan the table is scored against, no table of its own, and
the table reads as without it, whatever row the list's header shares: before, on the
money block's header row (年初预算数 … 分值 | 执行率 | 得分) the list took that row's 分值
and 得分 as its own and became a table (JX101 分值合计为 10, JX106, JX104, JX208, JX405),
the table beside it lost its project and money (JX101 G… 90, JX501); on the table's first
indicator row the list's header was read as a second header row and the first indicator
lost (JX101 80, JX102, JX501).

Neighbours that stay: the list under a title of its own (项目绩效目标表), and a column
inserted empty between 年度指标值 and 实际完成值 inside one table."""

from openpyxl import load_workbook
from test_real_shapes import checked, codes
from workbooks import PUTUO_1_ROWS, STANDARD, standard

from jixiao.read.workbook import read_tables

LIST = 12  # the list's first column: L (J, K empty between)
NAME = "普陀区医疗保险事务中心信息安全等保项目机房设施升级改造"


def with_list(path, header_row, title=None):
    """The standard table (money header in row 5, indicator header in row 10, A … I)
    with its indicators' 一级 | 二级 | 三级 | 指标值 listed from ``header_row`` in L … O."""
    book = load_workbook(standard(path))
    sheet = book.active
    if title is not None:
        sheet.cell(header_row - 2, LIST, title)
    for offset, text in enumerate(("一级指标", "二级指标", "三级指标", "指标值")):
        sheet.cell(header_row, LIST + offset, text)
    for row, values in enumerate(PUTUO_1_ROWS, start=header_row + 1):
        for offset, value in enumerate(values[:4]):
            sheet.cell(row, LIST + offset, value)
    book.save(path)
    return path


def _read(path):
    table, data = checked(path)
    return (table.project.name, table.funds.total.budget, table.funds.total.executed,
            [indicator.name for indicator in table.indicators],
            [indicator.sources["name"].cell for indicator in table.indicators],
            table.total_declared, codes(data))


PLAIN = (NAME, 31.56, 31.5, [row[2] for row in PUTUO_1_ROWS],
         ["D11", "D12", "D13", "D14", "D15"], 99.98, [])


def test_a_target_list_on_the_money_header_row_takes_nothing_of_the_table(tmp_path):
    path = with_list(tmp_path / "money_row.xlsx", 5)
    assert len(read_tables(path)) == 1
    assert _read(path) == PLAIN


def test_a_target_list_on_the_first_indicator_row_is_no_second_header_row(tmp_path):
    path = with_list(tmp_path / "first_row.xlsx", 11)
    assert _read(path) == PLAIN


def test_the_titled_list_and_the_plain_table_read_as_before(tmp_path):
    assert _read(standard(tmp_path / "plain.xlsx")) == PLAIN
    assert _read(with_list(tmp_path / "titled.xlsx", 3, title="项目绩效目标表")) == PLAIN


def test_a_column_inserted_empty_before_the_actual_stays_the_tables(tmp_path):
    """一级 | 二级 | 三级 | 年度指标值 | (empty) | 实际完成值 | 分值 | 得分: the empty column
    splits no header — the 完成值, 分值 and 得分 right of it are the names' own."""
    header = (*STANDARD[:4], None, *STANDARD[4:])
    rows = [(*row[:4], None, *row[4:]) for row in PUTUO_1_ROWS]
    table, data = checked(standard(tmp_path / "wide.xlsx", rows=rows, header=header))
    assert [i.weight for i in table.indicators] == [5, 25, 20, 30, 10]
    assert table.indicators[0].sources["actual"].cell == "G11"
    assert codes(data) == []
