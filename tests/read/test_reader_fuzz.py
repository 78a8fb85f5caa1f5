"""Whatever a sheet holds, reading and checking it never fails with anything but
a JixiaoError (which the command line prints as one Chinese line)."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from workbooks import ATTACHMENT, SICHUAN, STANDARD, THIRD_PARTY, Book, grid_book

from jixiao.checks import run_checks
from jixiao.errors import JixiaoError
from jixiao.model import evaluate
from jixiao.read.workbook import read_workbook

WORDS = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "权重",
         "指标性质", "度量单位", "偏差原因", "总分", "合计", "评分等级", "项目名称", "主管部门",
         "年初预算数", "全年预算数", "全年执行数", "执行率", "年度资金总额", "其中：财政拨款",
         "产出指标", "数量指标 (20 分)", "≥90%", "≠100(%)", "85%", "达成", "部分达成", "及时",
         "定性", "≤", "≥", "%", "万元", "30 万元", "2023 年 12 月 31 日前完成", "优", "良", "—",
         "10 分", "#NAME?", "", " ", "评分规则", "sichuan", "（2024 年度）",
         # the rest of a wrapped cell, and words read since (converted PDFs, real tables)
         "值", "标", "数(B)", "年度指标", "全年执行", "年度资金", "总额", "每季度1次", "全覆盖",
         "约95%", "延期完成", "有待提高", "自评结论", "总分：98", "计划完成值", "评价指标",
         "5个工作日", "时效指标", "差错率", "1%", "2024年上半年", "11月", "10（满分）"]
CELLS = st.one_of(st.none(), st.sampled_from(WORDS),
                  st.floats(min_value=-1e6, max_value=1e6, allow_nan=False),
                  st.integers(min_value=-5, max_value=200))
GRIDS = st.lists(st.lists(CELLS, min_size=1, max_size=9), min_size=1, max_size=14)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(grid=GRIDS, header=st.sampled_from([None, STANDARD, SICHUAN, ATTACHMENT, THIRD_PARTY]),
       at=st.integers(0, 6), merges=st.lists(st.tuples(st.integers(1, 14), st.integers(1, 9),
                                             st.integers(0, 3)), max_size=4))
def test_any_grid_reads_or_is_refused_and_checks_never_fail(tmp_path, grid, header, at,
                                                            merges):
    path = grid_book(tmp_path / "fuzz.xlsx", grid, header, at,
                     [(row, column, height, 0) for row, column, height in merges])
    try:
        tables = read_workbook(path).tables
    except JixiaoError:
        return
    for table in tables:
        for rules in ("mof2020", "ratio", "sichuan"):
            run_checks(table, evaluate(table, rules))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(first=GRIDS, second=GRIDS, header=st.sampled_from([STANDARD, SICHUAN, THIRD_PARTY]),
       again=st.booleans())
def test_any_second_sheet_after_a_table_reads_or_is_refused(tmp_path, first, second, header,
                                                           again):
    """A table on one sheet, anything on the next (a converted PDF's next page, or not)."""
    book = Book()
    sheet = book.sheet("Table 1")
    sheet.line(*header)
    for values in first:
        sheet.line(*values)
    page = book.sheet("Table 2")
    if again:
        page.line(*header)
    for values in second:
        page.line(*values)
    try:
        tables = read_workbook(book.save(tmp_path / "pages.xlsx")).tables
    except JixiaoError:
        return
    for table in tables:
        run_checks(table, evaluate(table))


def test_a_lone_subtotal_row_under_its_header_is_read_not_crashed(tmp_path):
    """Hypothesis's case (rt34): a sheet whose only row under the header puts “一级指标” in the
    分值 column — one row, no rows above it for ``_sums_its_level1`` to sum (was IndexError)."""
    from workbooks import Book

    header = ("一级指标", "二级指标", "三级指标", "指标解释", "分值", "得分")
    book = Book()
    first = book.sheet("Table 1")
    first.line(*header)
    first.line(None, None, None, None, "一级指标")
    first.line(None, None, None, None, "一级指标")
    second = book.sheet("Table 2")
    second.line(*header)
    second.line(None, None, None, None, "一级指标", 0.0)
    tables = read_workbook(book.save(tmp_path / "f.xlsx")).tables
    assert [row.sources["weight"].cell for row in tables[0].indicators] == ["E2", "E3", "E2"]


@pytest.mark.parametrize("text", ["0000年底前", "0000年12月", "9999年12月"])
def test_a_year_outside_the_calendar_is_no_date_not_a_crash(text):
    """Hypothesis's case (rt34, the second CI): a 指标值 of year 0 at the year's end asked
    for the day before 0001-01-01 (OverflowError, not the ValueError a missing date gives)."""
    from jixiao.parsing import parse_measure

    assert parse_measure(text).problem == f"“{text}”中的日期不存在"


def test_a_second_page_whose_target_is_year_nought_is_checked(tmp_path):
    """The whole case Hypothesis found: a 四川 header, a second page with 10000 beside
    “年度指标” — read and checked without an error escaping."""
    header = ("一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重",
              "实际完成指标值", "偏差原因分析及改进措施")
    book = Book()
    first = book.sheet("Table 1")
    first.line(*header)
    first.line(None)
    page = book.sheet("Table 2")
    page.line(*header)
    page.line(None, None, None, 10000.0, "年度指标")
    page.line(None, None, None, None, None, None, None, "一级指标")
    tables = read_workbook(book.save(tmp_path / "pages.xlsx")).tables
    assert [(row.target, row.actual) for row in tables[0].indicators] == [
        ("年度指标", None), (None, "一级指标")]
    for table in tables:
        run_checks(table, evaluate(table))
