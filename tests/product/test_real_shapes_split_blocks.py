"""One table laid out in two blocks side by side on one sheet, to fit a landscape page:

- the left block has the title, 项目名称, money and the first indicator rows, the right
  block repeats the indicator header (under “（续表）” or nothing) and holds the rest of
  the rows, the 总分 and the 评分等级: the right block goes on with the left one's table,
  as a 续表 on the next page does (before: two tables, JX101 分值合计 60 and 40, JX104
  each missing the other's 一级, JX501 on the right one);
- the head (title, 项目名称, money, 年度总体目标) on the left and the whole indicator part
  on the right from the top: the indicators are read by their own columns and the head is
  the table's (before: no project or money, the 总分 row read as an indicator, JX101 190).

Two complete tables side by side — the right one with a title or 项目名称 of its own —
stay two tables (test_real_shapes_side_by_side)."""


import pytest
from openpyxl import load_workbook
from test_real_shapes_side_by_side import report as findings
from workbooks import Book, beside, paste_beside, standard

from jixiao.read.workbook import read_tables

# The standard table (tests/workbooks.standard): money in rows 5-9, indicator header in
# row 10 (A 绩效指标 … I 偏差原因), five indicators in rows 11-15, 总分 16, 评分等级 17.
NAMES = ["预算资金执行率", "预算编制规范性", "资金拨付及时性", "网络安全防护能力", "服务对象满意度"]
SHIFT = 10  # the right block's columns: A → K (one empty column, J, between)


def _move(sheet, rows, to_row, shift=SHIFT):
    """Move the cells of ``rows`` (in order) to ``shift`` columns right, from ``to_row``."""
    for offset, row in enumerate(rows):
        for column in range(1, 10):
            value = sheet.cell(row, column).value
            sheet.cell(row, column).value = None
            if value is not None:
                sheet.cell(to_row + offset, column + shift, value)


def _unmerge_indicators(sheet):
    for merged in [m for m in sheet.merged_cells.ranges if m.min_row >= 10]:
        sheet.unmerge_cells(str(merged))


def split(path, line=None, **options):
    """The standard table with its last two indicators, 总分 and 评分等级 moved to a right
    block (K:S) under the indicator header repeated in row 10, ``line`` above it."""
    book = load_workbook(standard(path, **options))
    sheet = book.active
    _unmerge_indicators(sheet)
    for column in range(1, 10):
        sheet.cell(10, column + SHIFT, sheet.cell(10, column).value)
    _move(sheet, [14, 15, 16, 17], 11)
    if line is not None:
        sheet.cell(9, 1 + SHIFT, line)
    book.save(path)
    return path


def head_beside(path, **options):
    """The standard table with its whole indicator part (header, rows, 总分, 评分等级)
    moved to K:S from row 3, its title, 项目名称 and money left in A:H."""
    book = load_workbook(standard(path, **options))
    sheet = book.active
    _unmerge_indicators(sheet)
    _move(sheet, range(10, 18), 3)
    book.save(path)
    return path


NAME = "普陀区医疗保险事务中心信息安全等保项目机房设施升级改造"


@pytest.mark.parametrize("line", [None, "（续表）", "续表", "第2页"])
def test_a_right_block_without_a_head_goes_on_with_the_left_table(tmp_path, line):
    path = split(tmp_path / "split.xlsx", line)
    [table] = read_tables(path)
    assert [indicator.name for indicator in table.indicators] == NAMES
    assert [indicator.sources["score"].cell for indicator in table.indicators] == [
        "H11", "H12", "H13", "R11", "R12"]
    assert table.total_declared == 99.98 and table.sources["total"].cell == "R13"
    assert table.grade_declared == "优" and table.funds.total.budget == 31.56
    assert findings(path) == [(NAME, [])]


def test_the_right_blocks_mistakes_are_reported_at_its_cells(tmp_path):
    rows = [("产出指标", "数量指标", "预算资金执行率", "≥90.00(%)", "99.80(%)", 5, 5, None),
            (None, "质量指标", "预算编制规范性", "规范", "达成指标", 25, 25, None),
            (None, "时效指标", "资金拨付及时性", "及时", "达成指标", 20, 20, None),
            ("效益指标", "可持续影响指标", "网络安全防护能力", "稳步提升", "达成指标", 30, 26, None),
            ("满意度指标", "服务对象满意度指标", "服务对象满意度", "满意", "达成指标", 10, 10, None)]
    path = split(tmp_path / "split.xlsx", "（续表）", rows=rows)
    # 4 of 30 taken off without a reason; the 总分 99.98 where the scores make 95.98
    assert findings(path) == [(NAME, [("JX405", "S11"), ("JX501", "R13")])]


def test_the_head_beside_the_indicator_part_is_the_tables(tmp_path):
    path = head_beside(tmp_path / "beside.xlsx")
    [table] = read_tables(path)
    assert table.project.name == NAME and table.project.year == 2024
    assert table.funds.total.sources["budget"].cell == "D6" and table.funds.score_declared == 9.98
    assert [indicator.name for indicator in table.indicators] == NAMES
    assert table.indicators[0].sources["name"].cell == "N4"
    assert table.total_declared == 99.98 and table.sources["total"].cell == "R9"
    assert findings(path) == [(NAME, [])]


def test_the_head_beside_with_a_wrong_total_reports_it_at_its_cell(tmp_path):
    path = head_beside(tmp_path / "beside.xlsx", total=(100, 95))
    assert findings(path) == [(NAME, [("JX501", "R9")])]


def test_a_right_table_with_a_title_and_project_of_its_own_stays_another_table(tmp_path):
    """The left table without 总分 and 等级, the right one without money: its own title
    and 项目名称 make it another project's table, not the left one going on."""
    path = beside(tmp_path / "side.xlsx", gap=1, left={"total": None, "grade": None},
                  right={"money": None})
    left, right = read_tables(path)
    assert (left.project.name, right.project.name) == (NAME, "第二个项目")
    assert len(left.indicators) == len(right.indicators) == 5
    assert left.total_declared is None and right.total_declared == 99.98


def test_notes_beside_a_table_do_not_split_its_head_from_it(tmp_path):
    """A 填表说明 block left of the table (A), an empty column (B) between, names no money:
    the table reads as a sheet's, its head above its header."""
    book = Book()
    notes = book.sheet()
    notes.ws["A10"], notes.ws["A11"] = "填表说明", "1. 分值合计为100分"
    path = paste_beside(book.save(tmp_path / "notes.xlsx"),
                        standard(tmp_path / "table.xlsx"), gap=1)
    [table] = read_tables(path)
    assert table.project.name == NAME and table.funds.total.sources["budget"].cell == "F6"
    assert table.total_declared == 99.98 and len(table.indicators) == 5
    assert findings(path) == [(NAME, [])]
