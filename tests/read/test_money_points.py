"""The money block's 分值/权重 (and 得分) are read by the indicators' rule
(``read.grid.points``): a 权重 written "10%" counts 10 points, wherever it stands."""

from workbooks import MONEY, PUTUO_1_MONEY, PUTUO_1_ROWS, STANDARD, standard

from jixiao.checks import run_checks
from jixiao.model import evaluate
from jixiao.read.workbook import read_tables

PERCENT_HEADER = tuple("权重（%）" if name == "分值" else name for name in STANDARD)
PERCENT_MONEY_HEADER = tuple("权重" if name == "分值" else name for name in MONEY)


def percent_weights(path, money_weight="10%", money_score=9.98):
    """The first Putuo table with every 权重 written as text with a % sign."""
    rows = [(*row[:5], f"{row[5]}%", *row[6:]) for row in PUTUO_1_ROWS]
    money = [list(line) for line in PUTUO_1_MONEY]
    money[0][4], money[0][6] = money_weight, money_score
    return standard(path, rows=rows, header=PERCENT_HEADER, money_header=PERCENT_MONEY_HEADER,
                    money=[tuple(line) for line in money], total=("100%", 99.98))


def only(path):
    (table,) = read_tables(path)
    return table


def findings(table, codes=None):
    return [(f.code, f.cell, f.message) for f in run_checks(table, evaluate(table),
                                                             select=codes)]


def test_a_money_weight_written_as_a_percent_counts_its_points(tmp_path):
    table = only(percent_weights(tmp_path / "t.xlsx"))
    assert [i.weight for i in table.indicators] == [5, 25, 20, 30, 10]
    assert table.funds.weight == 10.0 and table.funds_weight_source == "money"
    evaluation = evaluate(table)
    assert evaluation.execution_score == 9.98 and evaluation.total == 99.98
    assert findings(table) == []  # no JX106 "不是数字", no JX101 "分值合计为 90"


def test_the_money_weight_and_score_follow_the_indicators_rule(tmp_path):
    for written, points in (("10％", 10.0), ("10 %", 10.0), ("10 分", 10.0), (10, 10.0),
                            ("10", 10.0)):
        table = only(percent_weights(tmp_path / "t.xlsx", money_weight=written))
        assert table.funds.weight == points, written
    table = only(percent_weights(tmp_path / "s.xlsx", money_score="9.98%"))
    assert table.funds.score_declared == 9.98  # as an indicator's 得分 "9.98%" reads


def test_a_money_weight_that_is_no_number_is_still_jx106(tmp_path):
    table = only(percent_weights(tmp_path / "t.xlsx", money_weight="十分"))
    assert table.funds.weight is None
    assert ("JX106", "F6", "执行率的分值“十分”不是数字") in findings(table, ["JX106"])


def test_both_readers_of_the_template_read_a_percent_weight_alike(tmp_path):
    """``jixiao new``'s template read by its defined names (the add-in's button) and by
    the header reader (check, batch): the same points for "10%" typed as text."""
    import openpyxl

    from jixiao.read.by_names import read_template
    from jixiao.samples import sample
    from jixiao.template.build import build_template

    path = tmp_path / "模板.xlsx"
    build_template(path, table=sample("putuo-1"))
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    assert (sheet["G6"].value, sheet["G13"].value) == (10, 5)  # 执行率's 分值, first row's
    sheet["G6"], sheet["G13"] = "10%", "5%"
    book.save(path)
    by_names, by_header = read_template(path), only(path)
    for table in (by_names, by_header):
        assert table.funds.weight == 10.0 and table.indicators[0].weight == 5.0


def test_percent_typed_into_excel_counts_its_points_in_both_blocks(tmp_path):
    """15% typed into Excel is stored as 0.15 shown as 15%: every 权重 so typed, the money
    block's as the indicators', counts what it shows (5 + 25 + 20 + 30 + 10, and 10)."""
    from workbooks import Percent

    rows = [(*row[:5], Percent(row[5] / 100), *row[6:]) for row in PUTUO_1_ROWS]
    money = [list(line) for line in PUTUO_1_MONEY]
    money[0][4] = Percent(0.10)
    table = only(standard(tmp_path / "typed.xlsx", rows=rows, header=PERCENT_HEADER,
                          money_header=PERCENT_MONEY_HEADER, money=[tuple(m) for m in money]))
    assert [i.weight for i in table.indicators] == [5, 25, 20, 30, 10]
    assert table.funds.weight == 10.0
    assert evaluate(table).total == 99.98
    assert findings(table) == []


# The unit wrote the 执行率's points on the 财政拨款 line, the total line saying “—”: the
# 执行率 scored is that line's (446.5 ÷ 470 = 95%), not the total's (486.5 ÷ 520 = 93.56%).
FISCAL_POINTS_MONEY = [
    ("年度资金总额", 500, 520, 486.5, "—", "93.56%", "—"),
    ("其中：当年财政拨款", 450, 470, 446.5, 10, "95.00%", 9.5),
    ("其他资金", 50, 50, 40, "—", "80.00%", "—"),
]
# the 预算资金执行率 indicator states the rate scored (95%), as JX305 compares it
FISCAL_POINTS_ROWS = [("产出指标", "数量指标", "预算资金执行率", "≥90.00(%)", "95.00(%)", 5, 5,
                       None), *PUTUO_1_ROWS[1:]]
# the same without a 预算资金执行率 row (which would take the 执行率 where the money's
# points are “—”, ``execution_weight``)
PLAIN_ROWS = [("产出指标", "数量指标", "等保测评系统", "≥1套", "1套", 5, 5, None),
              *PUTUO_1_ROWS[1:]]


def fiscal_points(path, money=FISCAL_POINTS_MONEY, total=(100, 99.5), rows=FISCAL_POINTS_ROWS):
    return only(standard(path, rows=rows, money=money, total=total))


def test_points_on_the_fiscal_line_score_that_lines_rate(tmp_path):
    table = fiscal_points(tmp_path / "t.xlsx")
    funds = table.funds
    assert funds.rate_line is funds.parts[0] and funds.rate_line.label == "当年财政拨款"
    assert (funds.weight, funds.score_declared) == (10.0, 9.5)
    assert (funds.sources["weight"].cell, funds.sources["score"].cell) == ("F7", "H7")
    assert table.funds_weight_source == "money"
    evaluation = evaluate(table)
    assert (evaluation.rate, evaluation.execution_score, evaluation.total) == (95.0, 9.5, 99.5)
    assert findings(table) == []  # no JX101 (分值合计 90), JX106 (F6), JX406 (H6), JX305


def test_a_wrong_score_on_the_fiscal_line_is_caught_there(tmp_path):
    money = [FISCAL_POINTS_MONEY[0], (*FISCAL_POINTS_MONEY[1][:6], 10), FISCAL_POINTS_MONEY[2]]
    table = fiscal_points(tmp_path / "t.xlsx", money=money, total=(100, 100), rows=PLAIN_ROWS)
    assert findings(table) == [
        ("JX302", "H7", "执行率得分写为 10，按分值 10 × “当年财政拨款”执行率 95% 应为 9.5；"
                        "总分 100 随之应为 99.5")]


def test_points_on_two_lines_or_on_the_total_stay_the_totals(tmp_path):
    """Points on two 其中 lines say no one rate: read as before (the total's, left out: JX106);
    points on the total line repeated on a 其中 line, or merged down over the 其中 lines,
    are the total's."""
    two = [FISCAL_POINTS_MONEY[0], FISCAL_POINTS_MONEY[1], (*FISCAL_POINTS_MONEY[2][:4], 10,
                                                            "80.00%", 8)]
    table = fiscal_points(tmp_path / "two.xlsx", money=two, rows=PLAIN_ROWS)
    assert table.funds.rate_line is None and table.funds.sources["weight"].cell == "F6"
    assert [(code, cell) for code, cell, _ in findings(table)] == [
        ("JX101", "G15"), ("JX106", "F6"), ("JX406", "H6")]
    repeated = [("年度资金总额", 500, 520, 486.5, 10, "93.56%", 9.36),
                ("其中：当年财政拨款", 450, 470, 446.5, 10, "95.00%", 9.5),
                FISCAL_POINTS_MONEY[2]]
    table = fiscal_points(tmp_path / "repeated.xlsx", money=repeated)
    assert table.funds.rate_line is None and table.funds.sources["score"].cell == "H6"
    assert evaluate(table).execution_score == 9.36


def test_points_merged_down_over_the_lines_stay_the_totals(tmp_path):
    import openpyxl

    money = [("年度资金总额", 500, 520, 486.5, 10, "93.56%", 9.36),
             *((*line[:4], None, line[5], None) for line in FISCAL_POINTS_MONEY[1:])]
    path = standard(tmp_path / "merged.xlsx", rows=FISCAL_POINTS_ROWS, money=money)
    book = openpyxl.load_workbook(path)
    book.active.merge_cells("F6:F8")
    book.active.merge_cells("H6:H8")
    book.save(path)
    table = only(path)
    assert table.funds.rate_line is None
    assert (table.funds.sources["weight"].cell, table.funds.score_declared) == ("F6", 9.36)
    assert round(evaluate(table).rate, 2) == 93.56


def test_the_json_names_the_line_whose_rate_is_scored(tmp_path, capsys):
    import json

    from jixiao.cli.main import main

    path = standard(tmp_path / "t.xlsx", rows=FISCAL_POINTS_ROWS, money=FISCAL_POINTS_MONEY,
                    total=(100, 99.5))
    assert main(["check", str(path), "--json"]) == 0
    funds = json.loads(capsys.readouterr().out)["funds"]
    assert (funds["budget"], funds["rate"], funds["rate_declared"], funds["rate_line"]) == (
        520, 95.0, 95.0, "当年财政拨款")
    assert (funds["weight"], funds["score_declared"], funds["score_computed"]) == (10, 9.5, 9.5)
