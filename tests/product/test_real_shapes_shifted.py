"""Rows a PDF conversion moved by one cell: the 子洲县 2023 table as its PDF's text gives
it (its first indicator row one cell to the right — the 完成值 printed twice —, its last
one cell to the left, its 一级 under 绩效指标) is read as the table as printed."""

import pytest
from test_real_shapes import checked, codes
from workbooks import ZIZHOU_ROWS, Book, Percent, zizhou

from jixiao.pipeline import check_workbook

HEADER = ("绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
          "未完成原因分析")
# the PDF text's cells, column A first (A is the 绩效指标 label column)
PASTED = [
    (None, "产出指标", "数量指标 (20 分)", "全县 25 万城乡居民医保工作", "25 万参保居民医保待遇",
     "100%", "100%", "20 分", "20 分"),
    (None, None, "质量指标 (10 分)", "足额投入项目活动经费;", "100%", "100%", "10 分", "10 分"),
    (None, None, "时效指标 (10 分)", "项目完成时限", "2023 年 12 月 31 日前完成",
     "2023 年 12 月 31 日前全部完成", "10 分", "10 分"),
    (None, None, "成本指标 (10 分)", "项目投入资金", "30 万元", "30 万元", "10 分", "10 分"),
    (None, "效益指标", "社会效益指标 (30 分)", "覆盖全县城乡居民医保管理", "≥75%", "85%", "30 分",
     "30 分"),
    ("满意度指标", "服务对象满意度指标 (10 分)", "群众满意度", "≥95%", "85%", "10 分", "7 分"),
]


def _form(path, year, name, header, rows, below):
    """A converted table: title, project, a one-line money block, ``header``, ``rows``,
    then the lines ``below`` (总分, 评分等级)."""
    book = Book()
    sheet = book.sheet("自评表")
    sheet.title("项目支出绩效自评表", f"({year} 年度)")
    sheet.line("项目名称", None, name)
    sheet.money([("年度资金总额", "30 万元", "30 万元", "100%", 10, "100%", 10)],
                header=("年初预算数", "全年执行数", "全年执行率", "分值", "执行率", "得分"),
                label="项目资金 (万元)")
    for values in (header, *rows, *below):
        sheet.line(*values)
    return book.save(path)


def pasted(path, rows=PASTED):
    return _form(path, 2023, "医疗保障经办和服务能力提升", HEADER, rows,
                 [("总分", None, None, None, None, None, "100 分", "97 分")])


def as_read(table):
    return [(i.level1, i.name, i.target, i.actual, i.weight, i.score_declared)
            for i in table.indicators]


def test_the_pasted_table_reads_as_the_printed_one(tmp_path):
    table, data = checked(pasted(tmp_path / "子洲.xlsx"))
    printed, _ = checked(zizhou(tmp_path / "printed.xlsx"))
    assert as_read(table) == as_read(printed)
    assert [i.weight for i in table.indicators] == [row[5] and float(row[5].split()[0])
                                                    for row in ZIZHOU_ROWS]
    # what the printed table gets: the 7 of 10 unexplained and not the rules' 8.95, the
    # first row's target and actual not comparable — and no weights of 177, no 得分 missing
    assert codes(data) == ["JX204", "JX404", "JX405"]
    cells = {item["code"]: item["cell"] for item in data["findings"]}
    assert cells["JX404"] == "G12"  # the 7 分 where it stands


def test_a_left_over_cell_that_is_no_repeat_leaves_the_row_as_it_stands(tmp_path):
    rows = [(None, "产出指标", "数量指标 (20 分)", "全县 25 万城乡居民医保工作", "25 万参保居民医保待遇",
             "98%", "100%", "20 分", "20 分"), *PASTED[1:]]
    table, _ = checked(pasted(tmp_path / "不重复.xlsx", rows))
    assert table.indicators[0].actual == "98%" and table.indicators[0].weight == 100


@pytest.mark.parametrize("first", ["合计", "备注说明"])
def test_a_row_starting_early_needs_a_level1_name_there(tmp_path, first):
    rows = [*PASTED[:-1], (first, "服务对象满意度指标 (10 分)", "群众满意度", "≥95%", "85%",
                           "10 分", "7 分")]
    table, _ = checked(pasted(tmp_path / "早.xlsx", rows))
    assert table.indicators[-1].weight != 10 or table.indicators[-1].score_declared is None


def test_points_written_as_percent_with_a_reason_after_them_are_no_shift(tmp_path):
    """权重 written "10%" and a 得分, the reason column holding text: as it stands."""
    book = Book()
    sheet = book.sheet()
    sheet.line("项目名称", "培训项目")
    sheet.line("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因")
    sheet.line("产出指标", "数量指标", "培训人次", "≥500人次", "480人次", "50%", 48, "10 分钟未到")
    sheet.line("满意度指标", "满意度指标", "满意度", "≥90%", "95%", "50%", 50)
    table, _ = checked(book.save(tmp_path / "权重.xlsx"))
    assert [i.weight for i in table.indicators] == [50, 50]
    assert table.indicators[0].actual == "480人次"


# 普陀 2024's second table as its PDF converts: a blank column after 三级指标 (the
# header's merged cell), which the 满意度 row and the 总分 row lost
GAP_HEADER = ("一级指标", "二级指标", "三级指标", None, "年度指标值", "实际完成值", "分值", "得分",
              "偏差原因分析及改进措施")
GAP_ROWS = [
    ("产出指标", "数量指标", "培训人次", None, "≥500人次", "520人次", 50, 50),
    ("效益指标", "社会效益指标", "政策知晓率", None, "≥90%", "92%", 30, 30),
    ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥95%", "85%", 10, 8.95),
]
GAP_TOTAL = ("总分", None, None, None, None, 100, 98.95)


def gap_table(path, rows=GAP_ROWS, total=GAP_TOTAL):
    return _form(path, 2024, "农村实用技术培训项目", GAP_HEADER, rows,
                 [total, ("评分等级", None, "优")])


GAP_READ = [("产出指标", "培训人次", "≥500人次", "520人次", 50, 50),
            ("效益指标", "政策知晓率", "≥90%", "92%", 30, 30),
            ("满意度指标", "服务对象满意度", "≥95%", "85%", 10, 8.95)]


def test_rows_that_lost_the_blank_column_are_read_under_the_header(tmp_path):
    table, data = checked(gap_table(tmp_path / "空列.xlsx"))
    assert as_read(table) == GAP_READ
    assert (table.total_declared, table.grade_declared) == (98.95, "优")
    # no 分值合计 98.95, no 得分 missing, no 完成值 “10”: only the 8.95 unexplained, in
    # the 偏差原因 cell of the row as it stands (one left of the header's)
    assert [(item["code"], item["cell"]) for item in data["findings"]] == [("JX405", "H9")]


def test_a_shifted_row_with_its_reason_and_a_total_in_place(tmp_path):
    rows = [*GAP_ROWS[:2], (*GAP_ROWS[2], "课时偏少，下年度增加实操课时")]
    total = ("总分", None, None, None, None, None, 100, 98.95)
    table, data = checked(gap_table(tmp_path / "原因.xlsx", rows, total))
    assert as_read(table) == GAP_READ
    assert table.indicators[-1].reason == "课时偏少，下年度增加实操课时"
    assert table.total_declared == 98.95
    assert codes(data) == []


def test_a_row_with_its_score_in_place_leaves_the_blank_column_unread_as_a_shift(tmp_path):
    """A 三级's wrapped rest in the blank column, the 得分 where it belongs: as it stands."""
    rows = [*GAP_ROWS[:2],
            ("满意度指标", "服务对象满意度指标", "服务对象", "满意度", "≥95%", "85%", 10, 8.95)]
    total = ("总分", None, None, None, None, None, 100, 98.95)
    table, _ = checked(gap_table(tmp_path / "原位.xlsx", rows, total))
    last = table.indicators[-1]
    assert (last.name, last.target, last.actual, last.weight, last.score_declared) == \
        ("服务对象", "≥95%", "85%", 10, 8.95)


@pytest.mark.parametrize(("actual", "repeat", "shown"), [
    ("98.5%", "98.5%", "98.5%"), ("100%", "100%", "100%"),
    (Percent(0.985), "98.5%", "98.5%")])  # 0.985 shown as 98.5%, printed again as text
def test_a_percent_printed_twice_before_plain_points_is_the_repeated_actual(
        tmp_path, actual, repeat, shown):
    """rt21e 1: 完成值 98.5% printed twice, the 分值 10 and 得分 10 under 得分 and the
    reason column. "98.5%" reads as points (a 权重 written 10% is 10), so the row was read
    as it stands: 分值 98.5, 分值合计 188.5, "扣 88.5 分". The repeat of the row's own
    percentage is the 完成值 printed twice: 分值 10, 得分 10, as printed."""
    book = Book()
    sheet = book.sheet("自评表")
    sheet.line("项目名称", None, "农村实用技术培训项目")
    sheet.money([("年度资金总额", 100, 100, 10, "100%", 10)],
                header=("年初预算数", "全年执行数", "分值", "执行率", "得分"))
    sheet.line("绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值",
               "得分", "偏差原因")
    sheet.line(None, "产出指标", "数量指标", "培训人数", "≥1200人", "1250人", 40, 40)
    sheet.line(None, "产出指标", "质量指标", "培训合格率", "≥95%", actual, repeat, 10, 10)
    sheet.line(None, "效益指标", "社会效益指标", "政策知晓率", "≥90%", "92%", 30, 30)
    sheet.line(None, "满意度指标", "服务对象满意度指标", "满意度", "≥90%", "95%", 10, 10)
    sheet.line("总分", None, None, None, None, None, 100, 100)
    table, data = checked(book.save(tmp_path / "重复.xlsx"))
    assert [(i.actual, i.weight, i.score_declared) for i in table.indicators] == [
        ("1250人", 40, 40), (shown, 10, 10), ("92%", 30, 30), ("95%", 10, 10)]
    assert (data["weight_total"], data["total_computed"]) == (100, 100)
    assert codes(data) == []


# every indicator row in its columns (the blank column kept), only the 总分 row lost it
GAP_ROWS_IN_PLACE = [*GAP_ROWS[:2], (*GAP_ROWS[2][:3], None, *GAP_ROWS[2][3:])]


def findings(data):
    return sorted((item["code"], item["cell"]) for item in data["findings"])


def read_total_and_grade(table, data):
    return (table.total_declared, data["weight_total"], table.grade_declared,
            table.sources["total"].cell, table.sources["weight_total"].cell)


@pytest.mark.parametrize(("total", "found"), [
    (98.95, []), (97, [("JX501", "G10")])])
def test_a_total_row_alone_that_lost_the_blank_column(tmp_path, total, found):
    """rt22 1a: the 100 and the total under 完成值 and 分值, 得分 blank, every indicator row
    in place: the 100 is the 分值合计 and the number beside it the total — no 分值合计
    written as 97 and 总分 missing for a wrong total of 97."""
    path = gap_table(tmp_path / "总分.xlsx", GAP_ROWS_IN_PLACE,
                     ("总分", None, None, None, None, 100, total))
    table, data = checked(path)
    assert as_read(table) == GAP_READ
    assert read_total_and_grade(table, data) == (total, 100, "优", "G10", "F10")
    assert findings(data) == sorted([*found, ("JX405", "I9")])  # the 8.95 in its own row's 偏差原因


@pytest.mark.parametrize("rows", [GAP_ROWS, GAP_ROWS_IN_PLACE])
@pytest.mark.parametrize(("total", "found"), [
    (98.95, []), (97, [("JX501", "G11")])])
def test_a_grade_row_above_a_total_row_that_lost_the_blank_column(tmp_path, rows, total, found):
    """rt22 1b: 评分等级 | | 优 printed above the 总分 row that lost the column."""
    path = _form(tmp_path / "等级在上.xlsx", 2024, "农村实用技术培训项目", GAP_HEADER, rows,
                 [("评分等级", None, "优"), ("总分", None, None, None, None, 100, total)])
    table, data = checked(path)
    assert read_total_and_grade(table, data) == (total, 100, "优", "G11", "F11")
    reason = "H9" if rows is GAP_ROWS else "I9"
    assert findings(data) == sorted([*found, ("JX405", reason)])


@pytest.mark.parametrize("rows", [GAP_ROWS, GAP_ROWS_IN_PLACE])
@pytest.mark.parametrize(("total", "grade", "found"), [
    (98.95, "优", []), (97, "优", [("JX501", "G10")]), (98.95, "良", [("JX502", "I10")])])
def test_a_total_and_grade_on_one_row_that_lost_the_blank_column(tmp_path, rows, total, grade,
                                                                 found):
    """rt22 1b: 总分 | 100 | 98.95 | 评分等级 | 优 on one row, all one column left: the
    评分等级 label under 得分 and the grade under 偏差原因 are no cells the fit looks at."""
    path = _form(tmp_path / "一行.xlsx", 2024, "农村实用技术培训项目", GAP_HEADER, rows,
                 [("总分", None, None, None, None, 100, total, "评分等级", grade)])
    table, data = checked(path)
    assert read_total_and_grade(table, data) == (total, 100, grade, "G10", "F10")
    assert table.sources["grade"].cell == "I10"
    reason = "H9" if rows is GAP_ROWS else "I9"
    assert findings(data) == sorted([*found, ("JX405", reason)])


def test_a_table_that_lost_the_blank_column_above_the_next_table(tmp_path):
    """rt27 r6 1: 普陀 2024's tables all on one sheet as a PDF converter writes them, the
    table that lost the blank column above the next one. The next table's money rows
    (全年执行数 | 30 万元 under the blank column) are no rows of this table: its 满意度
    row and 总分 row are still read one column left — 分值 10, 得分 8.95; 分值合计
    50 + 30 + 10 + 执行率 10 = 100, total 50 + 30 + 8.95 + 10 = 98.95, 优 — not 分值合计
    written as 98.95, 得分 missing, 完成值 “10”."""
    book = Book()
    sheet = book.sheet("自评表")
    for name in ("农村实用技术培训项目", "农民专业合作社培训项目"):
        sheet.title("项目支出绩效自评表", "(2024 年度)")
        sheet.line("项目名称", None, name)
        sheet.money([("年度资金总额", "30 万元", "30 万元", "100%", 10, "100%", 10)],
                    header=("年初预算数", "全年执行数", "全年执行率", "分值", "执行率", "得分"),
                    label="项目资金 (万元)")
        for values in (GAP_HEADER, *GAP_ROWS, GAP_TOTAL, ("评分等级", None, "优")):
            sheet.line(*values)
        sheet.blank()
    path = book.save(tmp_path / "两表.xlsx")
    result = check_workbook(path)
    assert result.error is None, result.error
    assert len(result.tables) == 2
    for checked_table in result.tables:
        table = checked_table.table
        assert as_read(table) == GAP_READ
        assert (table.total_declared, table.grade_declared) == (98.95, "优")
        assert (checked_table.evaluation.total, checked_table.grade) == (98.95, "优")
        # only the 8.95 unexplained (JX405), in the row's own 偏差原因 cell
        assert [finding.code for finding in checked_table.findings] == ["JX405"]
