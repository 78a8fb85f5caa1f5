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
