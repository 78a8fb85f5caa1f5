"""A money block of one row, headed by what it reports (预算执行率 | 预算数 | 执行数 | 执行率 |
分值 | 得分) or labelled so (预算执行率, 资金执行情况 | 185 | 178.6 | 96.54% | 10 | 9.65):
that row is the block's 年度资金总额 line, its 分值 and 得分 the 执行率's (red team rt32 r4
E1, E2, E6, E8, E9, E11, E12: read as no money, JX101 "分值合计为 90" and JX501).

The money: 全年预算数 185, 全年执行数 178.6, 执行率 178.6 ÷ 185 = 96.5405 % → 96.54%,
得分 10 × 0.965405 = 9.654 → 9.65; the indicators 20 + 15 + 15 + 30 + 10 = 90, all full;
总分 9.65 + 90 = 99.65 (优)."""

import pytest
from workbooks import Book

from jixiao.checks import run_checks
from jixiao.model import evaluate
from jixiao.read.workbook import read_tables

ROWS = [
    ("产出指标", "数量指标", "培训高素质农民人次", "≥1200人次", "1350人次", 20, 20, None),
    ("产出指标", "质量指标", "培训合格率", "≥95%", "98%", 15, 15, None),
    ("产出指标", "时效指标", "补贴发放及时率", "≥95%", "100%", 15, 15, None),
    ("效益指标", "社会效益指标", "农民技能水平", "有效提升", "有效提升", 30, 30, None),
    ("满意度指标", "服务对象满意度指标", "受训农民满意度", "≥90%", "95%", 10, 10, None),
]

SHORT = ("预算数", "执行数", "执行率", "分值", "得分")
YEARS = ("全年预算数", "全年执行数", "执行率", "分值", "得分")
LINE = (185, 178.6, "96.54%", 10, 9.65)


def _book(tmp_path, head_label, header, line_label, rows=ROWS, line=LINE, total=99.65,
          more=()):
    """The red team's layout: the block's label in A (not merged), amounts from C; the one
    line's label (if any) in A too; ``more`` lines (label, amounts…) under it."""
    book = Book()
    sheet = book.sheet("自评表")
    sheet.title("项目支出绩效自评表", "（2024年度）")
    sheet.project("高素质农民培育项目", "XX县农业农村局", "XX县农业技术推广中心")
    sheet.line(head_label, None, *header)
    sheet.line(line_label, None, *line)
    for label, *amounts in more:
        sheet.line(label, None, *amounts)
    sheet.indicators(rows)
    sheet.total(100, total)
    sheet.grade("优")
    (table,) = read_tables(book.save(tmp_path / "t.xlsx"))
    return table


def _findings(table):
    return [(f.code, f.cell, f.message) for f in run_checks(table, evaluate(table))]


@pytest.mark.parametrize(("head_label", "header", "line_label"), [
    ("预算执行率", SHORT, None),            # E2
    ("预算执行率", YEARS, None),            # E6
    ("预算执行率", SHORT, "预算执行率"),     # E8
    (None, SHORT, "预算执行率"),            # E9
    ("预算执行情况", SHORT, "预算执行率"),   # E1
    ("项目资金（万元）", YEARS, "预算执行率"),  # E11
    ("项目资金（万元）", YEARS, "资金执行情况"),  # E12
    ("项目资金（万元）", YEARS, "预算执行率（%）"),
])
def test_a_one_row_block_headed_or_labelled_by_its_execution_is_the_total_line(
        tmp_path, head_label, header, line_label):
    table = _book(tmp_path, head_label, header, line_label)
    funds = table.funds
    assert (funds.total.budget, funds.total.executed) == (185, 178.6)
    assert funds.total.rate_declared == 96.54
    assert (funds.weight, funds.score_declared) == (10, 9.65)
    assert funds.sources["score"].cell == "G6"
    evaluation = evaluate(table)
    assert round(evaluation.rate, 2) == 96.54
    assert (evaluation.execution_score, evaluation.total, evaluation.grade) == (9.65, 99.65, "优")
    assert _findings(table) == []


def test_a_wrong_score_on_such_a_line_is_the_execution_score_wrong(tmp_path):
    """10 written for 9.65 (total 100): JX302 at the line's 得分, not JX101 and JX501."""
    table = _book(tmp_path, "预算执行率", SHORT, None, line=(185, 178.6, "96.54%", 10, 10),
                  total=100)
    codes = [(code, cell) for code, cell, _ in _findings(table)]
    assert ("JX302", "G6") in codes
    assert not {"JX101", "JX501"} & {code for code, _ in codes}


def test_an_indicator_named_yu_suan_zhi_xing_lv_stays_an_indicator(tmp_path):
    """A 三级 预算执行率 (≥90%, 96.54%) in the indicator table, under a one-row block
    headed 预算执行率: the row stays an indicator (positive target met: full 15), the
    money the block's; 总分 9.65 + 90 = 99.65, the rates agree (no JX305)."""
    rows = [ROWS[0], ("产出指标", "时效指标", "预算执行率", "≥90%", "96.54%", 15, 15, None),
            *ROWS[2:]]
    table = _book(tmp_path, "预算执行率", SHORT, None, rows=rows)
    assert [i.name for i in table.indicators][1] == "预算执行率"
    assert (table.indicators[1].weight, table.indicators[1].score_declared) == (15, 15)
    assert len(table.indicators) == 5
    assert (table.funds.total.budget, table.funds.weight) == (185, 10)
    evaluation = evaluate(table)
    assert (evaluation.execution_score, evaluation.total) == (9.65, 99.65)
    assert _findings(table) == []


@pytest.mark.parametrize("line_label", ["农村公路养护资金", "养护资金", "工作经费", "小计",
                                        "培训费"])
def test_the_sole_line_under_a_money_header_is_the_total_whatever_its_label(
        tmp_path, line_label):
    """项目资金（万元） | 全年预算数 … over one line holding the amounts, its label naming no
    part of the money (rt32 r7 c7, c8_02, c8_13, c8_19: read as no money, JX101 “分值合计
    为 90” and JX501 as errors): that line is the block's total, 185 / 178.6, its 分值 10
    and 得分 9.65 the 执行率's — 总分 99.65, 优, nothing to report."""
    table = _book(tmp_path, "项目资金（万元）", YEARS, line_label)
    funds = table.funds
    assert (funds.total.budget, funds.total.executed) == (185, 178.6)
    assert (funds.weight, funds.score_declared) == (10, 9.65)
    assert "money_unread" not in table.sources
    evaluation = evaluate(table)
    assert (evaluation.execution_score, evaluation.total, evaluation.grade) == (9.65, 99.65, "优")
    assert _findings(table) == []


UNREAD = ("资金栏表头下的{}未能读作资金行（行名应写“年度资金总额”“合计”或“其中：财政拨款”等）："
          "资金、执行率及执行率的分值、得分都未读取，执行率得分无法核对")
UNREAD_WEIGHTS = ("G14", "分值合计为 90（资金栏未能读取，执行率的分值未计入，见 JX307），"
                         "资金栏读取后再核对是否为 100")
UNREAD_TOTAL = ("H14", "总分写为 99.65，各项得分之和为 90（不含执行率得分：资金栏未能读取，"
                       "见 JX307）")


def _severities(table):
    return {f.code: f.severity for f in run_checks(table, evaluate(table))}


def test_two_lines_of_no_known_kind_are_not_collapsed_into_a_total(tmp_path):
    """培训费 | 120 | 115.6 over 差旅费 | 65 | 63 (what the money bought, no total): not one
    line, so none is the total — the block stays unread (JX307 at its header). The 90 of
    the indicators and the 总分's 9.65 above their sum are the 执行率's, which went unread:
    JX101 and JX501 say so as warnings, not errors telling to mend the 分值."""
    table = _book(tmp_path, "项目资金（万元）", YEARS, "培训费", line=(120, 115.6),
                  more=[("差旅费", 65, 63)])
    assert table.funds.total.budget is None
    found = {code: (cell, message) for code, cell, message in _findings(table)}
    assert found == {"JX307": ("A5", UNREAD.format("“培训费”一行")),
                     "JX101": UNREAD_WEIGHTS, "JX501": UNREAD_TOTAL}
    assert _severities(table) == {"JX307": "info", "JX101": "warning", "JX501": "warning"}


def test_an_unlabelled_line_under_a_header_naming_no_money_is_told_not_left_silent(tmp_path):
    """全年预算数 … (no block label) over an unlabelled line: not read, told at the header
    (JX307); JX101's 90 says the 执行率's points are in the block not read."""
    table = _book(tmp_path, None, YEARS, None)
    assert table.funds.total.budget is None
    assert table.sources["money_unread"].cell == "C5"
    found = {code: (cell, message) for code, cell, message in _findings(table)}
    assert found["JX307"] == ("C5", UNREAD.format("一行"))
    assert found["JX101"] == ("G13", UNREAD_WEIGHTS[1])


def test_a_total_below_the_sum_beside_unread_money_is_still_an_error(tmp_path):
    """The same unread block, the 总分 written 85 under the indicators' 90: no 执行率得分
    brings a sum down, so JX501 is an error — without telling to mend the 分值 (JX101's 90
    may be the unread 执行率's 10 short)."""
    table = _book(tmp_path, "项目资金（万元）", YEARS, "培训费", line=(120, 115.6),
                  more=[("差旅费", 65, 63)], total=85)
    found = {f.code: (f.cell, f.message, f.severity) for f in run_checks(table, evaluate(table))}
    assert found["JX501"] == ("H14", "总分写为 85，各项得分之和为 90", "error")
    assert found["JX101"][2] == "warning"
