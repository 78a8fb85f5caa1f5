"""Headers over two rows: a header cell merged down over both rows is the header of its
column in each, so a row's columns may be named in the row above ("绩效指标" across
一级|二级|三级, with 年度指标值 … 偏差原因 merged down beside them). And a header printed
again in the middle of its table (a page break of a converted PDF) continues the table."""

import pytest
from workbooks import PUTUO_1_MONEY, PUTUO_1_ROWS, STANDARD, Book, Sheet, standard_sheet

from jixiao.checks import run_checks
from jixiao.model import Source, evaluate
from jixiao.parsing import heading_points
from jixiao.read.workbook import read_tables

# The first Putuo 2024 table: 执行率 31.50 / 31.56 = 99.81% → 10 × 0.9981 = 9.98;
# indicators 5 + 25 + 20 + 30 + 10 = 90, all met; 总分 99.98, 优.
TOTAL = 99.98


def _project(sheet: Sheet, name: str = "信息安全等保项目") -> None:
    sheet.title("项目支出绩效自评表", "（2024 年度）")
    sheet.project(name, "上海市普陀区医疗保障局", "上海市普陀区医疗保险事务中心")
    sheet.money(PUTUO_1_MONEY)


def _two_row_header(sheet: Sheet, top: list, bottom: list, across: list[tuple[int, int]],
                    down: list[int]) -> int:
    """Two header rows from column 1; ``across``: (first, last) merged in the top row;
    ``down``: columns merged over both rows. The first header row."""
    first = sheet.line(*top)
    sheet.line(*bottom)
    for start, end in across:
        sheet.merge(first, start, end)
    for column in down:
        sheet.merge(first, column, column, first + 1)
    return first


def _rows(sheet: Sheet, rows=PUTUO_1_ROWS, total=(100, TOTAL), grade="优") -> None:
    first = sheet.row
    for values in rows:
        sheet.line(*values)
    sheet.merge(first, 1, 1, first + 2)  # 产出指标 over its three rows, as on paper
    if total is not None:
        row = sheet.line("总分", None, None, None, None, *total)
        sheet.merge(row, 1, 5)
    if grade is not None:
        sheet.line("评分等级", grade)


def _lead_above(sheet: Sheet) -> int:
    """"绩效指标" across 一级|二级|三级, each other header merged down over both rows."""
    return _two_row_header(
        sheet, ["绩效指标", None, None, "年度指标值", "实际完成值", "分值", "得分",
                "偏差原因分析及改进措施"],
        ["一级指标", "二级指标", "三级指标"], across=[(1, 3)], down=[4, 5, 6, 7, 8])


def _findings(table):
    return [(f.code, f.message) for f in run_checks(table, evaluate(table))]


def test_lead_across_the_levels_above_them(tmp_path):
    book = Book()
    sheet = book.sheet()
    _project(sheet)
    first = _lead_above(sheet)
    _rows(sheet)
    tables = read_tables(book.save(tmp_path / "lead-above.xlsx"))
    assert len(tables) == 1
    table = tables[0]
    assert table.layout == "standard"
    assert table.columns == {"level1", "level2", "name", "target", "actual", "weight",
                             "score", "reason"}
    assert [i.name for i in table.indicators] == [row[2] for row in PUTUO_1_ROWS]
    assert [(i.level1, i.level2) for i in table.indicators] == [
        row[:2] for row in PUTUO_1_ROWS]
    one = table.indicators[0]
    assert (one.target, one.actual, one.weight, one.score_declared) == (
        "≥90.00(%)", "99.80(%)", 5, 5)
    # the cells under the merged-down headers are the data rows' own
    assert one.sources["target"] == Source("自评表", f"D{first + 2}")
    assert table.sources["header"] == Source("自评表", f"C{first + 1}")
    assert table.funds.total.budget == 31.56 and table.funds.weight == 10
    evaluation = evaluate(table)
    assert (evaluation.total, evaluation.grade) == (TOTAL, "优")
    assert (table.total_declared, table.grade_declared) == (TOTAL, "优")
    assert _findings(table) == []


def test_targets_merged_down_beside_a_row_that_names_the_rest(tmp_path):
    # The lower row alone has 三级指标 and 分值; its 年度指标值 and 实际完成值 are the cells
    # merged down from the row above. Read without them the table has no targets at all.
    book = Book()
    sheet = book.sheet()
    _project(sheet)
    _two_row_header(
        sheet, ["绩效指标", None, None, "年度指标值", "实际完成值", "评分", None,
                "偏差原因分析及改进措施"],
        ["一级指标", "二级指标", "三级指标", None, None, "分值", "得分"],
        across=[(1, 3), (6, 7)], down=[4, 5, 8])
    _rows(sheet)
    table = read_tables(book.save(tmp_path / "targets-above.xlsx"))[0]
    assert table.columns == {"level1", "level2", "name", "target", "actual", "weight",
                             "score", "reason"}
    assert [(i.target, i.actual) for i in table.indicators] == [
        row[3:5] for row in PUTUO_1_ROWS]
    assert evaluate(table).total == TOTAL
    assert _findings(table) == []


def test_scores_named_only_in_the_row_above(tmp_path):
    # The upper row names every column but 分值 and 得分, which the lower row names under
    # "评分"; the lower row has no other header of its own.
    book = Book()
    sheet = book.sheet()
    _project(sheet)
    first = _two_row_header(
        sheet, ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "评分", None,
                "偏差原因分析及改进措施"],
        [None, None, None, None, None, "分值", "得分"],
        across=[(6, 7)], down=[1, 2, 3, 4, 5, 8])
    _rows(sheet)
    table = read_tables(book.save(tmp_path / "scores-below.xlsx"))[0]
    assert [i.weight for i in table.indicators] == [row[5] for row in PUTUO_1_ROWS]
    assert table.sources["header"] == Source("自评表", f"C{first}")  # the 三级指标 shown
    assert _findings(table) == []


def test_a_table_above_ends_where_the_next_header_begins(tmp_path):
    # The first table has no 总分 row and the second no project block: the first ends at
    # the second's first header row, never reading "绩效指标 | 年度指标值 …" as one of
    # its indicators.
    book = Book()
    sheet = book.sheet()
    _project(sheet)
    sheet.line("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分")
    _rows(sheet, total=None, grade=None)
    sheet.blank()
    _lead_above(sheet)
    _rows(sheet)
    tables = read_tables(book.save(tmp_path / "stacked.xlsx"))
    assert [[i.name for i in t.indicators] for t in tables] == [
        [row[2] for row in PUTUO_1_ROWS]] * 2


# ---------------------------------------------------------------- a header printed again

def test_a_header_repeated_after_a_page_break_continues_its_table(tmp_path):
    book = Book()
    sheet = book.sheet()
    _project(sheet)
    sheet.indicators(PUTUO_1_ROWS[:3])
    sheet.indicators(PUTUO_1_ROWS[3:])  # the header again, as on the second printed page
    sheet.total(100, TOTAL)
    sheet.grade("优")
    tables = read_tables(book.save(tmp_path / "page-break.xlsx"))
    assert len(tables) == 1
    table = tables[0]
    assert [i.name for i in table.indicators] == [row[2] for row in PUTUO_1_ROWS]
    assert table.sources["header"] == Source("自评表", "D10")  # the first header's
    assert table.funds.total.budget == 31.56 and table.project.name == "信息安全等保项目"
    assert evaluate(table).total == TOTAL and table.total_declared == TOTAL
    assert _findings(table) == []


def test_a_header_repeated_under_its_group_heading_continues_its_table(tmp_path):
    """The 满意度 group printed as a block of its own: a row across the table naming the
    一级 (满意度指标, 三、满意度指标（10分）) — a page's heading where another says 续表 —
    then the header again over its rows. Before, the group read as a second table (JX101
    分值合计 90 and 10, JX104 ×3, JX501 on the one 总分)."""
    for heading in ("满意度指标", "三、满意度指标（10分）", "（三）满意度指标"):
        book = Book()
        sheet = book.sheet()
        _project(sheet)
        sheet.indicators(PUTUO_1_ROWS[:4])
        row = sheet.line(heading)
        sheet.merge(row, 1, 9)
        sheet.indicators(PUTUO_1_ROWS[4:])
        sheet.total(100, TOTAL)
        sheet.grade("良")  # 99.98 is 优
        tables = read_tables(book.save(tmp_path / "group.xlsx"))
        assert len(tables) == 1, heading
        table = tables[0]
        assert [i.name for i in table.indicators] == [row[2] for row in PUTUO_1_ROWS]
        assert table.indicators[-1].level1 == "满意度指标"
        assert evaluate(table).total == TOTAL
        assert [code for code, _ in _findings(table)] == ["JX502"], heading


def test_a_group_heading_with_blank_level1_cells_under_the_header_names_their_level1(tmp_path):
    """The 一级 cells under the header printed again left blank: the group heading above
    names their 一级 (满意度指标), not the 一级 of the rows before it (效益指标)."""
    book = Book()
    sheet = book.sheet()
    _project(sheet)
    sheet.indicators(PUTUO_1_ROWS[:4])
    row = sheet.line("三、满意度指标（10分）")
    sheet.merge(row, 1, 9)
    sheet.indicators([(None, *PUTUO_1_ROWS[4][1:])])
    sheet.total(100, TOTAL)
    sheet.grade("优")
    (table,) = read_tables(book.save(tmp_path / "group-blank.xlsx"))
    # the heading's words, its points with them, as a 一级 heading row's (一、产出指标（50分）)
    assert [i.level1 for i in table.indicators][-2:] == ["效益指标", "满意度指标(10分)"]
    assert _findings(table) == []


def test_a_group_heading_over_a_header_without_level1_column_names_the_rows_level1(tmp_path):
    """A table without 一级 column (二级 | 三级 | …, each 一级 a heading row across it):
    the 满意度 heading over the header printed again is the 一级 of the rows under it."""
    header = STANDARD[1:]
    book = Book()
    sheet = book.sheet()
    _project(sheet)

    def heading(text):
        sheet.merge(sheet.line(text), 1, len(header))

    sheet.line(*header)
    heading("一、产出指标（50分）")
    for values in PUTUO_1_ROWS[:3]:
        sheet.line(*values[1:])
    heading("二、效益指标（30分）")
    sheet.line(*PUTUO_1_ROWS[3][1:])
    heading("三、满意度指标（10分）")
    sheet.indicators([PUTUO_1_ROWS[4][1:]], header=header, lead=None)
    sheet.total(100, TOTAL)
    sheet.grade("优")
    (table,) = read_tables(book.save(tmp_path / "no-level1.xlsx"))
    assert [i.name for i in table.indicators] == [row[2] for row in PUTUO_1_ROWS]
    assert [heading_points(i.level1)[0] for i in table.indicators] == [
        row[0] for row in PUTUO_1_ROWS]
    assert _findings(table) == []


def _group_table(tmp_path, heading, *, header=True, blank_level1=False, name="group.xlsx"):
    """The Putuo table, its 满意度 row under a group heading row: ``heading`` the cells
    from column 1 (绩效指标) as (column, value) pairs and the last column its text is merged
    to, and the header printed again under it where ``header``."""
    cells, merged_to = heading
    book = Book()
    sheet = book.sheet()
    _project(sheet)
    sheet.indicators(PUTUO_1_ROWS[:4])
    row = sheet.row
    for column, value in cells:
        sheet.put(row, column, value)
    sheet.row += 1
    if merged_to > 1:
        sheet.merge(row, 1, merged_to)
    last = PUTUO_1_ROWS[4]
    rows = [(None, *last[1:])] if blank_level1 else [last]
    if header:
        sheet.indicators(rows)
    else:
        for values in rows:
            sheet.line(*values, start=2)
    sheet.total(100, TOTAL)
    sheet.grade("优")
    return read_tables(book.save(tmp_path / name)), row


# the group heading rows with points: 满意度指标 | … | 10 (分值 G, 得分 H), a Word table's
# 满意度指标 | 10分, one merged across the 一级 … 实际完成值 columns
_SCORED_GROUPS = [
    (((1, "满意度指标"), (7, 10)), 1),
    (((1, "三、满意度指标"), (7, 10), (8, 10)), 1),
    (((1, "满意度指标"), (2, "10分")), 1),
    (((1, "满意度指标"), (7, 10)), 6),
]


@pytest.mark.parametrize("heading", _SCORED_GROUPS)
@pytest.mark.parametrize("header", [True, False])
def test_a_group_heading_with_its_points_is_their_subtotal(tmp_path, heading, header):
    """满意度指标 written with its points in the 分值 (得分) column — or beside it,
    满意度指标 | 10分 — above the 满意度 rows, the header printed again between or not: the
    group's heading, its points the subtotal of the rows under it (10 = 10), not an
    indicator without 指标值 and 完成值. Before, it read as one (JX201, JX202, JX101 分值合计
    110, JX406), or split the table in two (JX101 ×2, JX104 ×3, JX501)."""
    tables, row = _group_table(tmp_path, heading, header=header, blank_level1=True)
    assert len(tables) == 1
    (table,) = tables
    assert [i.name for i in table.indicators] == [row[2] for row in PUTUO_1_ROWS]
    assert heading_points(table.indicators[-1].level1)[0] == "满意度指标"
    assert [(s.weight, [m.name for m in s.members]) for s in table.subtotals] == [
        (10, ["服务对象满意度"])]
    assert evaluate(table).total == TOTAL
    assert _findings(table) == []


def test_a_group_headings_points_are_checked_against_its_rows(tmp_path):
    """满意度指标 | … | 15 over one row of 10 points: JX103 at the heading's 分值, no JX101
    (the 15 is no indicator's)."""
    for header in (True, False):
        tables, row = _group_table(tmp_path, (((1, "满意度指标"), (7, 15)), 1), header=header)
        (table,) = tables
        assert [code for code, _ in _findings(table)] == ["JX103"], header
        (finding,) = run_checks(table, evaluate(table))
        assert finding.cell == f"G{row}"


@pytest.mark.parametrize("text", ["服务对象满意度指标", "（三）服务对象满意度指标（10分）"])
def test_a_level2_heading_over_a_header_printed_again_continues_its_table(tmp_path, text):
    """The 满意度 block headed by its 二级 alone (服务对象满意度指标, （三）服务对象满意度
    指标（10分）) over the header printed again: the table goes on, the rows under it of the
    一级 the 二级 is of (满意度指标). Before, two tables (JX101 ×2, JX104 ×3, JX501)."""
    tables, _ = _group_table(tmp_path, (((1, text),), 9), blank_level1=True)
    assert len(tables) == 1
    (table,) = tables
    assert [i.name for i in table.indicators] == [row[2] for row in PUTUO_1_ROWS]
    assert table.indicators[-1].level1 == "满意度指标"
    assert _findings(table) == []


def test_a_benefit_level2_heading_over_a_header_printed_again_continues_its_table(tmp_path):
    """社会效益指标 alone over the header printed again, the 效益 and 满意度 rows under
    it: one table."""
    book = Book()
    sheet = book.sheet()
    _project(sheet)
    sheet.indicators(PUTUO_1_ROWS[:3])
    sheet.merge(sheet.line("社会效益指标"), 1, 9)
    sheet.indicators(PUTUO_1_ROWS[3:])
    sheet.total(100, TOTAL)
    sheet.grade("优")
    tables = read_tables(book.save(tmp_path / "benefit.xlsx"))
    assert len(tables) == 1
    assert [i.level1 for i in tables[0].indicators] == [row[0] for row in PUTUO_1_ROWS]
    assert _findings(tables[0]) == []


@pytest.mark.parametrize("lines", [("注：成本指标按实际发放口径统计。", None, "续表"),
                                   ("说明：数据来源为年度统计报表", "（续表）"),
                                   ("注：本表金额单位为万元。",)])
def test_a_note_at_a_pages_foot_is_part_of_its_page_break(tmp_path, lines):
    """A note printed at the foot of a page (注：…, 说明：…), then perhaps a blank line and
    续表, over the header printed again: the table goes on. Before, two tables (JX101 ×2,
    JX104 ×3, JX501)."""
    book = Book()
    sheet = book.sheet()
    _project(sheet)
    sheet.indicators(PUTUO_1_ROWS[:3])
    for text in lines:
        if text is None:
            sheet.blank()
        else:
            sheet.merge(sheet.line(text), 1, 9)
    sheet.indicators(PUTUO_1_ROWS[3:])
    sheet.total(100, TOTAL)
    sheet.grade("优")
    tables = read_tables(book.save(tmp_path / "note.xlsx"))
    assert len(tables) == 1
    assert [i.name for i in tables[0].indicators] == [row[2] for row in PUTUO_1_ROWS]
    assert _findings(tables[0]) == []


@pytest.mark.parametrize("lines", [("满意度指标",), ("续表", "三、满意度指标（10分）")])
@pytest.mark.parametrize("points", [80, 90])
def test_a_sum_short_of_full_marks_over_a_group_heading_and_header_is_a_subtotal(
        tmp_path, lines, points):
    """合计 | 80 (or 90, mistyped) | 80 under the 产出 and 效益 rows (5 + 25 + 20 + 30 = 80),
    then 满意度指标 and the header printed again over the 满意度 row, the 总分 and 等级: the
    合计 sums the rows above, the table goes on, the 90 its JX103. Before, the 合计 of 90
    was the table's 总分 and the 满意度 block a second table (JX101, JX104, JX501 on both)."""
    book = Book()
    sheet = book.sheet()
    _project(sheet)
    sheet.indicators(PUTUO_1_ROWS[:4])
    row = sheet.total(points, 80, label="合计")
    for text in lines:
        sheet.merge(sheet.line(text), 1, 9)
    sheet.indicators(PUTUO_1_ROWS[4:])
    sheet.total(100, TOTAL)
    sheet.grade("优")
    tables = read_tables(book.save(tmp_path / "sum.xlsx"))
    assert len(tables) == 1
    (table,) = tables
    assert [i.name for i in table.indicators] == [row[2] for row in PUTUO_1_ROWS]
    assert (points, 4) in [(s.weight, len(s.members)) for s in table.subtotals]
    assert table.total_declared == TOTAL
    found = run_checks(table, evaluate(table))
    assert [(f.code, f.cell) for f in found] == ([] if points == 80 else [("JX103", f"G{row}")])


def test_a_sum_of_full_marks_over_a_group_heading_and_header_ends_its_table(tmp_path):
    """合计 | 100 | 99.98 — the 总分 as a 合计 — over 满意度指标 and a header: another table."""
    book = Book()
    sheet = book.sheet()
    _project(sheet)
    sheet.indicators(PUTUO_1_ROWS)
    sheet.total(100, TOTAL, label="合计")
    sheet.merge(sheet.line("满意度指标"), 1, 9)
    sheet.indicators(PUTUO_1_ROWS)
    sheet.total(100, TOTAL)
    tables = read_tables(book.save(tmp_path / "two-sums.xlsx"))
    assert [t.total_declared for t in tables] == [TOTAL, TOTAL]


def test_a_group_heading_and_header_after_a_total_start_another_table(tmp_path):
    """After the table's 总分 a group heading over a header is no page of it going on."""
    book = Book()
    sheet = book.sheet()
    _project(sheet)
    sheet.indicators(PUTUO_1_ROWS)
    sheet.total(100, TOTAL)
    row = sheet.line("满意度指标")
    sheet.merge(row, 1, 9)
    sheet.indicators(PUTUO_1_ROWS)
    sheet.total(100, TOTAL)
    assert len(read_tables(book.save(tmp_path / "two-group.xlsx"))) == 2


def test_a_header_after_a_total_starts_another_table(tmp_path):
    book = Book()
    sheet = book.sheet()
    _project(sheet)
    sheet.indicators(PUTUO_1_ROWS)
    sheet.total(100, TOTAL)
    sheet.indicators(PUTUO_1_ROWS)
    sheet.total(100, TOTAL)
    assert len(read_tables(book.save(tmp_path / "two.xlsx"))) == 2


def test_a_header_after_another_project_starts_another_table(tmp_path):
    book = Book()
    sheet = standard_sheet(book.sheet(), total=None, grade=None)
    standard_sheet(sheet, name="第二个项目")
    tables = read_tables(book.save(tmp_path / "two-projects.xlsx"))
    assert [len(t.indicators) for t in tables] == [5, 5]


REMARK_HEADER = ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                 "备注")


def _deducted(reason):
    """The Putuo rows, 服务对象满意度 ≥95% done 85%: 10 × 85/95 = 8.95 (reason ``reason``)."""
    rows = [list(row) for row in PUTUO_1_ROWS]
    rows[4][3:8] = ["≥95%", "85%", 10, 8.95, reason]
    return [tuple(row) for row in rows]


def test_without_a_reason_column_the_remark_explains_a_deduction(tmp_path):
    book = Book()
    standard_sheet(book.sheet(), rows=_deducted("问卷样本偏少"), header=REMARK_HEADER,
                   total=(100, 98.93))  # 99.98 − 10 + 8.95
    (table,) = read_tables(book.save(tmp_path / "remark.xlsx"))
    assert table.indicators[4].reason == "问卷样本偏少"
    assert [f.code for f in run_checks(table, evaluate(table))] == []


def test_an_empty_remark_is_where_the_missing_reason_belongs(tmp_path):
    book = Book()
    standard_sheet(book.sheet(), rows=_deducted(None), header=REMARK_HEADER, total=(100, 98.93))
    (table,) = read_tables(book.save(tmp_path / "remark-empty.xlsx"))
    found = [f for f in run_checks(table, evaluate(table)) if f.code == "JX405"]
    assert [(f.sheet, f.cell) for f in found] == [("自评表", "I15")]  # the 备注 cell, editable


def test_bare_words_under_a_values_header_say_which_value(tmp_path):
    """指标值 merged across two columns over 年度 | 实际 (or 计划 | 完成): the 年度指标值 and
    the 实际完成值. Before, 实际 named nothing: no 完成值 column (JX208) and the second
    header row read as an indicator (JX106)."""
    for under in (("年度", "实际"), ("计划", "完成")):
        book = Book()
        sheet = book.sheet()
        _project(sheet)
        _two_row_header(
            sheet, ["一级指标", "二级指标", "三级指标", "指标值", None, "分值", "得分",
                    "偏差原因分析及改进措施"],
            [None, None, None, *under], across=[(4, 5)], down=[1, 2, 3, 6, 7, 8])
        _rows(sheet)
        table = read_tables(book.save(tmp_path / f"{under[0]}.xlsx"))[0]
        assert [(i.target, i.actual) for i in table.indicators] == [
            row[3:5] for row in PUTUO_1_ROWS]
        assert evaluate(table).total == TOTAL
        assert _findings(table) == []


def test_header_texts_wrapped_onto_a_row_of_their_own(tmp_path):
    """A converted PDF puts the second line of each wrapped header cell in a row of its
    own (年度指标 / 值, 一级指 / 标, 偏差原因分析及改 / 进措施): the two rows are one header.
    Before, 年度指 | 实际完 named nothing — the table was read without its 指标值 and
    完成值, and without a word of it (no check could compare a score)."""
    wrapped = [
        (["一级指标", "二级指标", "三级指标", "年度指标", "实际完成", "分值", "得分",
          "偏差原因分析及改"], [None, None, None, "值", "值", None, None, "进措施"]),
        (["一级指", "二级指", "三级指", "年度指标", "实际完成", "分值", "得分", "偏差原因"],
         ["标", "标", "标", "值", "值", None, None, "分析"]),
        (["一级指标", "二级指标", "三级指标", "年度指", "实际完", "分值", "得分", "偏差原因"],
         [None, None, None, "标值", "成值", None, None, "分析"]),
    ]
    for number, (top, bottom) in enumerate(wrapped):
        book = Book()
        sheet = book.sheet()
        _project(sheet)
        sheet.line(*top)
        sheet.line(*bottom)
        _rows(sheet)
        table = read_tables(book.save(tmp_path / f"{number}.xlsx"))[0]
        assert {"target", "actual", "weight", "score", "reason"} <= table.columns
        assert [(i.name, i.target, i.actual) for i in table.indicators] == [
            row[2:5] for row in PUTUO_1_ROWS]
        assert evaluate(table).total == TOTAL
        assert _findings(table) == []


# 等保测评系统数 ≥4 个, done 3, yet full marks (5 of 5): 5 × 3 ÷ 4 = 3.75 by the rules
MISSED = [("产出指标", "数量指标", "等保测评系统数", "≥4个", "3个", 5, 5, None),
          *PUTUO_1_ROWS[1:]]
MISSED_FOUND = ("JX402", "“等保测评系统数”未达到指标值（指标值 ≥4个，完成值 3个），却得满分 5，"
                "按财政部规则应为 3.75（正向指标：分值 × 实际完成值 ÷ 年度指标值）")


@pytest.mark.parametrize("under", [("年度", "实际"), ("计划", "实际"), ("计划", "完成"),
                                   ("年度指标值", "实际完成值")])
def test_bare_words_under_a_values_header_beside_a_lead_across_the_levels(tmp_path, under):
    """绩效指标 merged across 一级 | 二级 | 三级 over them, 指标值 merged across 年度 | 实际
    beside it, the rest merged down: the 年度 | 实际 row is the header's last and says which
    value each column holds. Before, 年度 | 实际 named nothing there: the table was read as
    a 第三方评价指标体系 without 指标值 or 完成值 and a full score for a missed target went
    unreported (年度指标值 | 实际完成值 under it were read, and still are)."""
    book = Book()
    sheet = book.sheet()
    _project(sheet)
    first = _two_row_header(
        sheet, ["绩效指标", None, None, "指标值", None, "分值", "得分", "偏差原因分析及改进措施"],
        ["一级指标", "二级指标", "三级指标", *under], across=[(1, 3), (4, 5)], down=[6, 7, 8])
    _rows(sheet, MISSED)
    (table,) = read_tables(book.save(tmp_path / "band.xlsx"))
    assert table.layout == "standard"
    assert [(i.target, i.actual) for i in table.indicators] == [row[3:5] for row in MISSED]
    assert table.indicators[0].sources["actual"] == Source("自评表", f"E{first + 2}")
    found = run_checks(table, evaluate(table))
    assert [(f.code, f.cell, f.message) for f in found] == [
        (MISSED_FOUND[0], f"G{first + 2}", MISSED_FOUND[1])]


EXPLAINING = ["指标值设定依据", "指标值确定依据", "指标值来源", "指标值说明"]
EXPLAINING_DONE = ["完成情况说明", "完成值说明", "实际完成情况说明", "完成值数据来源",
                   "实际完成值佐证材料"]
STANDARD_HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                   "偏差原因分析及改进措施"]


def _explained(tmp_path, header, at, text):
    """The ``MISSED`` table with a column ``header`` inserted before column ``at`` (1-based)
    holding ``text`` in each row: the table read, its findings as (code, cell, message) and
    its first data row."""
    book = Book()
    sheet = book.sheet()
    _project(sheet)
    columns = [*STANDARD_HEADER[:at - 1], header, *STANDARD_HEADER[at - 1:]]
    rows = [(*row[:at - 1], text, *row[at - 1:]) for row in MISSED]
    first = sheet.row + 1
    sheet.indicators(rows, header=columns, lead=None)
    sheet.total(100, TOTAL)
    sheet.grade("优")
    (table,) = read_tables(book.save(tmp_path / "explained.xlsx"))
    found = run_checks(table, evaluate(table))
    return table, [(f.code, f.cell, f.message) for f in found], first


@pytest.mark.parametrize("header", EXPLAINING)
def test_a_column_explaining_the_target_before_it_is_not_the_target(tmp_path, header):
    """三级指标 | 指标值设定依据 | 年度指标值: the 指标值 is the 年度指标值's column, the
    explanation beside it, before it or after, is not (before: each target read as
    “根据上年实际及本年任务测算”, a qualitative indicator, each 完成值 a JX204 and no 总分)."""
    table, found, first = _explained(tmp_path, header, 4, "根据上年实际及本年任务测算")
    assert [i.target for i in table.indicators] == [row[3] for row in MISSED]
    assert table.indicators[0].sources["target"] == Source("自评表", f"E{first}")
    assert found == [(MISSED_FOUND[0], f"H{first}", MISSED_FOUND[1])]


@pytest.mark.parametrize("header", EXPLAINING_DONE)
def test_a_column_explaining_the_actual_before_it_is_not_the_actual(tmp_path, header):
    """年度指标值 | 完成情况说明 | 实际完成值: the 完成值 is the 实际完成值's column (before:
    “问卷调查及台账统计” read as each 完成值, JX204 on every row)."""
    table, found, first = _explained(tmp_path, header, 5, "问卷调查及台账统计")
    assert [i.actual for i in table.indicators] == [row[4] for row in MISSED]
    assert table.indicators[0].sources["actual"] == Source("自评表", f"F{first}")
    assert found == [(MISSED_FOUND[0], f"H{first}", MISSED_FOUND[1])]


def test_a_column_explaining_the_actual_alone_is_still_the_actual(tmp_path):
    """完成情况说明 with no 实际完成值 beside it is the 完成值's column, as before."""
    book = Book()
    sheet = book.sheet()
    _project(sheet)
    header = [*STANDARD_HEADER[:4], "完成情况说明", *STANDARD_HEADER[5:]]
    sheet.indicators(MISSED, header=header, lead=None)
    sheet.total(100, TOTAL)
    sheet.grade("优")
    (table,) = read_tables(book.save(tmp_path / "alone.xlsx"))
    assert [i.actual for i in table.indicators] == [row[4] for row in MISSED]
    assert table.indicators[0].sources["actual"].cell[0] == "E"
    assert [f.code for f in run_checks(table, evaluate(table))] == ["JX402"]


def test_a_column_explaining_a_change_of_the_target_after_it_is_not_the_target(tmp_path):
    """年度指标值 | 指标值调整说明: a header naming a change (调整) after the 指标值 heads the
    adjusted target's column (年初指标值 | 调整后指标值) — not where it explains (before:
    the explanation read as each target, JX204 on every row)."""
    table, found, first = _explained(tmp_path, "指标值调整说明", 5, "年中未调整")
    assert [i.target for i in table.indicators] == [row[3] for row in MISSED]
    assert table.indicators[0].sources["target"] == Source("自评表", f"D{first}")
    assert found == [(MISSED_FOUND[0], f"H{first}", MISSED_FOUND[1])]


@pytest.mark.parametrize("text", ["评价意见", "评价说明", "得分情况说明", "评价情况", "得分说明"])
def test_an_evaluators_comment_column_is_the_reason_column(text):
    """An index system's 评价意见 says why a row lost points, as 得分说明 does (rt29 tp14c:
    before, 评价意见 had no role and 得分情况说明 was read as the 得分)."""
    from jixiao.read.headers import indicator_role

    assert indicator_role(text) == "reason"
