"""A 评分附件表 whose 小计 row opens its 一级, the 一级 cell merged down over the 小计 and
the rows of that 一级: the 小计 sums the rows below it (placed under them, the rows above)."""

from workbooks import ATTACHMENT, Book, Percent

from jixiao.checks import run_checks
from jixiao.model import evaluate
from jixiao.read.workbook import read_tables

# 执行率 48 / 50 = 96 % → 9.6; 产出 30 + 20, 效益 30, 满意度 10: 总分 99.6
ROWS = [("预算执行率", "预算执行率", 10, "100%", "96%", 9.6, "年底尾款"),
        ("产出指标", "小计", 50, None, None, 50, None),
        (None, "完成数量", 30, "≥100 户", "100 户", 30, None),
        (None, "完成质量", 20, "≥95%", "98%", 20, None),
        ("效益指标", "小计", 30, None, None, 30, None),
        (None, "群众受益", 30, "明显", "达成", 30, None),
        ("满意度指标", "小计", 10, None, None, 10, None),
        (None, "满意度", 10, "≥90%", "90%", 10, None)]


def _attachment(tmp_path, rows):
    book = Book()
    money = book.sheet("资金情况")
    money.project("某某项目", "某县农业农村局")
    money.money([("年度资金总额", 50, 48, Percent(0.96))],
                header=("全年预算数", "全年执行数", "执行率"), label="资金")
    sheet = book.sheet("评分附件表")
    sheet.indicators(rows, header=ATTACHMENT, lead=None)  # 一级 merged over its run
    sheet.total(100, 99.6, label="合计")
    (table,) = read_tables(book.save(tmp_path / "subtotals.xlsx"))
    return table


def test_a_subtotal_opening_its_merged_level1_sums_the_rows_below(tmp_path):
    table = _attachment(tmp_path, ROWS)
    assert [i.name for i in table.indicators] == ["预算执行率", "完成数量", "完成质量", "群众受益",
                                                  "满意度"]
    assert [(s.weight, [m.name for m in s.members]) for s in table.subtotals] == [
        (50, ["完成数量", "完成质量"]), (30, ["群众受益"]), (10, ["满意度"])]
    evaluation = evaluate(table)
    assert evaluation.total == 99.6
    assert [f.code for f in run_checks(table, evaluation)] == []


def test_a_wrong_subtotal_above_its_rows_is_still_found(tmp_path):
    rows = list(ROWS)
    rows[1] = ("产出指标", "小计", 40, None, None, 40, None)  # its rows: 30 + 20 = 50
    table = _attachment(tmp_path, rows)
    found = [(f.code, f.cell) for f in run_checks(table, evaluate(table)) if f.code == "JX103"]
    assert found == [("JX103", "C3"), ("JX103", "F3")]
