"""A second money block under the first (red team rt31 g01, g02): 转移支付资金（万元） |
年初预算数 | 全年预算数 | 全年执行数 | | 执行率 with its own 年度资金总额 and 其中 lines. Its
年度资金总额 was read as a 其中 line of the first block's (three false JX304 “各明细合计 840
（… + 年度资金总额 320）”), and its own lines were never added up."""

from workbooks import PUTUO_1_ROWS, Book

from jixiao.checks import run_checks
from jixiao.model import evaluate
from jixiao.read.workbook import read_tables

# (the Putuo 预算资金执行率 row's 99.80% made the money's 95%)
HEADER = ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")


def _checked(tmp_path, central_spent=190, central_rate="95%", below=None):
    """项目资金 500 / 520 / 494 (95 %, 9.5 of 10), all 当年财政拨款; below it 转移支付资金
    300 / 320 / 304 = 中央补助 200 / 200 / ``central_spent`` + 省级补助 100 / 120 / 114
    (or the rows ``below``)."""
    book = Book()
    sheet = book.sheet("自评表")
    sheet.title("项目支出绩效自评表", "（2023 年度）")
    sheet.project("高素质农民培育项目", "某县农业农村局", "某县农业技术推广中心")
    top = sheet.line("项目资金（万元）", None, *HEADER)
    sheet.line(None, "年度资金总额", 500, 520, 494, 10, "95%", 9.5)
    sheet.line(None, "其中：当年财政拨款", 500, 520, 494, "—", "95%", "—")
    sheet.line(None, "上年结转资金", 0, 0, 0, "—", "—", "—")
    sheet.line(None, "其他资金", 0, 0, 0, "—", "—", "—")
    for values in below or (
            ("转移支付资金（万元）", "年初预算数", "全年预算数", "全年执行数", None, "执行率"),
            ("年度资金总额", 300, 320, 304, None, "95%"),
            ("其中：中央补助", 200, 200, central_spent, None, central_rate),
            ("省级补助", 100, 120, 114, None, "95%")):
        sheet.line(None, *values)
    sheet.merge(top, 1, 1, sheet.row - 1)
    sheet.indicators([(*PUTUO_1_ROWS[0][:4], "95%", *PUTUO_1_ROWS[0][5:]), *PUTUO_1_ROWS[1:]])
    sheet.total(100, 99.5)
    sheet.grade("优")
    (table,) = read_tables(book.save(tmp_path / "t.xlsx"))
    evaluation = evaluate(table)
    return table, evaluation, [(f.code, f.cell, f.message) for f in run_checks(table, evaluation)]


def test_a_second_block_that_adds_up_is_no_part_of_the_first(tmp_path):
    table, evaluation, found = _checked(tmp_path)
    assert [line.label for line in table.funds.parts] == ["当年财政拨款", "上年结转资金", "其他资金"]
    assert (evaluation.rate, evaluation.execution_score, evaluation.total) == (95.0, 9.5, 99.5)
    assert found == []


def test_a_second_block_whose_lines_do_not_add_up(tmp_path):
    """中央补助 spent 180 (90 %): 180 + 114 = 294 of the block's 304."""
    _, _, found = _checked(tmp_path, central_spent=180, central_rate="90%")
    assert found == [("JX304", "E11", "“转移支付资金”全年执行数：各明细合计 294（中央补助 180 + "
                                      "省级补助 114），年度资金总额为 304")]


def test_a_second_blocks_rate_is_checked(tmp_path):
    """中央补助 190 of 200 is 95 %, written 90 %."""
    _, _, found = _checked(tmp_path, central_rate="90%")
    assert found == [("JX301", "G12", "“中央补助”执行率写为 90%，按 全年执行数 190 ÷ 全年预算数 200 "
                                      "应为 95%")]


def test_a_breakdown_of_the_spending_below_is_no_block_of_money(tmp_path):
    """rt31 g04: 资金使用明细（万元） | … over 培训费 80, 专家授课费 30, 示范基地补助 10, 合计
    120 — what the money was spent on, most lines of no known kind: not read as a block
    whose 合计 is 示范基地补助 alone (a false JX304 “各明细合计 10”)."""
    _, _, found = _checked(tmp_path, below=(
        ("资金使用明细（万元）", "年初预算数", "全年预算数", "全年执行数", None, "执行率"),
        ("培训费", 360, 380, 361, None, "95%"), ("专家授课费", 100, 100, 95, None, "95%"),
        ("示范基地补助", 40, 40, 38, None, "95%"), ("合计", 500, 520, 494, None, "95%")))
    assert found == []


def _two_blocks(tmp_path, transfer_score, total):
    """本级资金（万元） 200 / 190, 5 | 95% | 4.75 over 转移支付资金（万元） 300 / 288, 5 | 96% |
    ``transfer_score``, each under its own header; the 总分 ``total``."""
    book = Book()
    sheet = book.sheet("自评表")
    sheet.title("项目支出绩效自评表", "（2023 年度）")
    sheet.project("高素质农民培育项目", "某县农业农村局", "某县农业技术推广中心")
    top = sheet.line("本级资金（万元）", None, *HEADER)
    sheet.line(None, "年度资金总额", 200, 200, 190, 5, "95%", 4.75)
    sheet.line(None, "其中：当年财政拨款", 200, 200, 190, "—", "95%", "—")
    sheet.line(None, "转移支付资金（万元）", *HEADER)
    sheet.line(None, "年度资金总额", 300, 300, 288, 5, "96%", transfer_score)
    sheet.line(None, "其中：中央补助", 200, 200, 192, "—", "96%", "—")
    sheet.line(None, "省级补助", 100, 100, 96, "—", "96%", "—")
    sheet.merge(top, 1, 1, sheet.row - 1)
    sheet.indicators([(*PUTUO_1_ROWS[0][:4], "95%", *PUTUO_1_ROWS[0][5:]), *PUTUO_1_ROWS[1:]])
    sheet.total(100, total)
    sheet.grade("优")
    (table,) = read_tables(book.save(tmp_path / "t.xlsx"))
    evaluation = evaluate(table)
    return table, evaluation, [(f.code, f.cell, f.message) for f in run_checks(table, evaluation)]


def test_two_blocks_of_five_points_each(tmp_path):
    """rt31 r13 s01: 4.75 + 5 × 288 ÷ 300 = 4.75 + 4.8 = 9.55 of 5 + 5 = 10, 90 + 9.55 =
    99.55 — not the first block's 5 alone (JX101 95, JX102, JX501)."""
    table, evaluation, found = _two_blocks(tmp_path, 4.8, 99.55)
    assert (table.funds.weight, table.funds.score_declared) == (10, 9.55)
    assert (evaluation.execution_score, evaluation.total) == (9.55, 99.55)
    assert found == []


def test_a_blocks_wrong_score_is_told_by_its_name(tmp_path):
    """The second block's 5 × 96 % is 4.8, written 5: 90 + 4.75 + 5 = 99.75 becomes 99.55."""
    _, _, found = _two_blocks(tmp_path, 5, 99.75)
    assert found == [("JX302", "H9", "“转移支付资金”执行率得分写为 5，按分值 5 × 执行率 96% 应为 "
                                      "4.8；总分 99.75 随之应为 99.55")]


def test_an_overspend_is_quoted_in_its_own_blocks_unit(tmp_path):
    """JX303 quotes a line's amounts in the unit of its own block: 转移支付资金（元） under
    项目资金（万元）, its 中央补助 spending 2,000,100 元 of 2,000,000 (100 元 over, 0.01 万元),
    not 200.01 of 200; the 万元 block above has no overspend (its lines in 万元)."""
    _, _, found = _checked(tmp_path, below=(
        ("转移支付资金（元）", "年初预算数", "全年预算数", "全年执行数", None, "执行率"),
        ("年度资金总额", 3000000, 3200000, 3040000, None, "95%"),
        ("其中：中央补助", 2000000, 2000000, 2000100, None, None),
        ("省级补助", 1000000, 1200000, 1039900, None, None)))
    assert [item for item in found if item[0] == "JX303"] == [
        ("JX303", "E12", "“中央补助”全年执行数 2,000,100 大于全年预算数 2,000,000")]
