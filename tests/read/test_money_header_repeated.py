"""A money header written again inside the block (red team rt31 r11 a1, a3b): the header
row repeated at a page break (converted PDFs), or a 资金来源 | 年初预算数 | … sub-header
between the 年度资金总额 and its 其中 lines. The lines under it were not read — the
block ended there, and no second block begins with 其中 lines — so the lines read were
added up without those under the header (a false JX304 “各明细合计 400（当年财政拨款
400），年度资金总额为 500”) or not at all (400 + 50 against 500 unreported)."""

from workbooks import PUTUO_1_ROWS, Book

from jixiao.checks import run_checks
from jixiao.model import evaluate
from jixiao.read.workbook import read_tables

HEADER = ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")


def _read(tmp_path, inside, carried=(100, 100, 95), first=False):
    """年度资金总额 500 / 520 / 494 (95 %, 9.5 of 10); 当年财政拨款 400 / 420 / 399, the
    row ``inside`` (``first``: above it, right under the total), then 上年结转资金
    ``carried`` and 其他资金 0."""
    book = Book()
    sheet = book.sheet("自评表")
    sheet.title("项目支出绩效自评表", "（2023 年度）")
    sheet.project("高素质农民培育项目", "某县农业农村局", "某县农业技术推广中心")
    top = sheet.line("项目资金（万元）", None, *HEADER)
    sheet.line(None, "年度资金总额", 500, 520, 494, 10, "95%", 9.5)
    if first:
        sheet.line(*inside)
    sheet.line(None, "其中：当年财政拨款", 400, 420, 399, "—", "95%", "—")
    if not first:
        sheet.line(*inside)
    sheet.line(None, "上年结转资金", *carried, "—", "95%", "—")
    sheet.line(None, "其他资金", 0, 0, 0, "—", "—", "—")
    sheet.merge(top, 1, 1, sheet.row - 1)
    sheet.indicators([(*PUTUO_1_ROWS[0][:4], "95%", *PUTUO_1_ROWS[0][5:]), *PUTUO_1_ROWS[1:]])
    sheet.total(100, 99.5)
    sheet.grade("优")
    (table,) = read_tables(book.save(tmp_path / "t.xlsx"))
    evaluation = evaluate(table)
    return table, [(f.code, f.cell, f.message) for f in run_checks(table, evaluation)]


REPEATED = (None, None, *HEADER)  # (the label's cell inside the block's merged 项目资金)
SOURCES = (None, "资金来源", *HEADER[:3], None, "执行率")


def test_a_header_repeated_at_a_page_break_goes_on_with_the_lines(tmp_path):
    """400 + 100 = 500, 420 + 100 = 520, 399 + 95 = 494: nothing to report."""
    table, found = _read(tmp_path, REPEATED)
    assert [(line.label, line.executed) for line in table.funds.parts] == [
        ("当年财政拨款", 399), ("上年结转资金", 95), ("其他资金", 0)]
    assert table.funds.blocks == []
    assert found == []


def test_lines_under_a_sources_header_are_the_totals(tmp_path):
    table, found = _read(tmp_path, SOURCES, first=True)
    assert [line.label for line in table.funds.parts] == ["当年财政拨款", "上年结转资金", "其他资金"]
    assert found == []


def test_lines_under_a_sources_header_that_do_not_add_up(tmp_path):
    """上年结转 50 / 50 / 47.5: 400 + 50 = 450 of 500, 420 + 50 = 470 of 520, 399 + 47.5 =
    446.5 of 494 (each rate 95 %: no JX301)."""
    _, found = _read(tmp_path, SOURCES, carried=(50, 50, 47.5), first=True)
    assert found == [
        ("JX304", "C6", "年初预算数：各明细合计 450（当年财政拨款 400 + 上年结转资金 50 + 其他资金 0），"
                        "年度资金总额为 500"),
        ("JX304", "D6", "全年预算数：各明细合计 470（当年财政拨款 420 + 上年结转资金 50 + 其他资金 0），"
                        "年度资金总额为 520"),
        ("JX304", "E6", "全年执行数：各明细合计 446.5（当年财政拨款 399 + 上年结转资金 47.5 + 其他资金 0），"
                        "年度资金总额为 494")]
