"""JX501 sums what the 总分 counts: every indicator's score and the 执行率得分, whether
written in the table or — where the layout gives it no cell (四川: indicators' 权重 total
90, the 执行率's 10 points scored from the funds) — computed from the money."""

import pytest
from workbooks import MONEY, PUTUO_1_MONEY, Book, sichuan_scored_rows, standard

from jixiao.checks import run_checks
from jixiao.model import (
    FundLine,
    Funds,
    Indicator,
    SelfEvaluation,
    evaluate,
    execution_in_total,
    execution_written,
)
from jixiao.read.workbook import read_tables

# 四川 rows with a 得分 column: 权重 20 + 20 + 10 + 30 + 10 = 90, every target met.
SICHUAN_SCORED = [
    ("产出指标", "数量指标", "购置设备数量", "≥", 20, "台", 20, 20, 20, None),
    ("产出指标", "质量指标", "设备验收合格率", "＝", 100, "%", 20, 100, 20, None),
    ("产出指标", "成本指标", "设备购置成本", "≤", 100, "万元", 10, 96, 10, None),
    ("效益指标", "社会效益指标", "基层诊疗能力", "定性", "明显提升", None, 30, "达成", 30, None),
    ("满意度指标", "服务对象满意度指标", "患者满意度", "≥", 90, "%", 10, 92, 10, None),
]


def sichuan_scored(path, total=99.6, grade="优", weights_total=90):
    """A 四川 table with a 得分 column and a 总分 row; money 100 → 96 万元 (执行率 96 %,
    no 分值 in the money block: its 10 points are the rule set's, 10 × 96 % = 9.6)."""
    book = Book()
    sheet = sichuan_scored_rows(book, SICHUAN_SCORED)
    total_row = sheet.line("总分", None, None, None, None, None, None, weights_total, None,
                           total)
    sheet.merge(total_row, 1, 7)
    sheet.line("评分等级", grade)
    return book.save(path)


def findings(path, codes=None):
    out = []
    for table in read_tables(path):
        out.extend(run_checks(table, evaluate(table), select=codes))
    return out


def test_a_sichuan_total_counts_the_execution_score_computed_from_the_funds(tmp_path):
    path = sichuan_scored(tmp_path / "s.xlsx")
    (table,) = read_tables(path)
    evaluation = evaluate(table)
    assert table.layout == "sichuan" and table.funds_weight_source == "rules"
    assert evaluation.execution_score == 9.6 and evaluation.total == 99.6  # 9.6 + 90
    assert findings(path) == []


@pytest.mark.parametrize(("written", "message"), [
    (98, "总分写为 98，各项得分之和为 99.6（含按资金计算的执行率得分 9.6）"),
    (90, "总分写为 90，各项得分之和为 99.6（含按资金计算的执行率得分 9.6）"),
    (None, "总分未填写，各项得分之和为 99.6（含按资金计算的执行率得分 9.6）"),
])
def test_a_wrong_sichuan_total_says_the_execution_part_is_computed(tmp_path, written, message):
    found = findings(sichuan_scored(tmp_path / "s.xlsx", total=written), ["JX501"])
    assert [(f.code, f.cell, f.message) for f in found] == [("JX501", "J13", message)]


def test_a_money_block_with_points_but_no_score_cell_counts_the_computed_score(tmp_path):
    """Standard form whose money block has a 分值 but no 得分: 10 × 99.80 % = 9.98."""
    header = tuple(name for name in MONEY if name != "得分")
    money = [line[:-1] for line in PUTUO_1_MONEY]
    assert findings(standard(tmp_path / "t.xlsx", money=money, money_header=header),
                    ["JX501"]) == []
    found = findings(standard(tmp_path / "w.xlsx", money=money, money_header=header,
                              total=(100, 90)), ["JX501"])
    assert [f.message for f in found] == \
        ["总分写为 90，各项得分之和为 99.98（含按资金计算的执行率得分 9.98）"]


def test_a_written_execution_score_is_summed_as_written(tmp_path):
    """The standard form's 得分 9.98 is summed as written (JX302 judges it), so the
    message names no computed part; an empty one is JX406's, not a wrong total. Written
    9 under the rules' 总分 99.98, the 执行率得分 is what to change: JX501 says so there."""
    money = [list(line) for line in PUTUO_1_MONEY]
    money[0][-1] = 9.0
    found = findings(standard(tmp_path / "t.xlsx", money=[tuple(x) for x in money]), ["JX501"])
    assert [(f.cell, f.message) for f in found] == [(
        "H6", "总分写为 99.98，与按财政部规则计算的总分一致，但各项得分之和为 99：H6 执行率得分 9"
              "（应为 9.98）；请改正该项得分，总分不需改动")]
    found = findings(standard(tmp_path / "w.xlsx", money=[tuple(x) for x in money],
                              total=(100, 98)), ["JX501"])
    assert [(f.cell, f.message) for f in found] == [("H16", "总分写为 98，各项得分之和为 99")]
    money[0][-1] = None
    assert findings(standard(tmp_path / "e.xlsx", money=[tuple(x) for x in money]),
                    ["JX501"]) == []


def _table(**facts):
    indicators = [Indicator("产出指标", "数量指标", "设备", "≥10台", "10台", 90.0,
                            score_declared=90.0)]
    funds = Funds(total=FundLine("年度资金总额", budget=100.0, executed=96.0), weight=10.0)
    return SelfEvaluation(funds=funds, indicators=indicators, total_declared=99.6, **facts)


def test_one_rule_says_what_the_total_counts_for_the_computed_and_the_written_total():
    computed = _table()
    assert not execution_written(computed)
    assert execution_in_total(computed, 9.6) == execution_in_total(computed, 9.6, True) \
        == (True, 9.6)
    assert evaluate(computed).total == 99.6 and run_checks(computed, select=["JX501"]) == []
    written = _table()
    written.funds.score_declared = 9.0
    assert execution_written(written)
    assert execution_in_total(written, 9.6) == (True, 9.6)
    assert execution_in_total(written, 9.6, written=True) == (True, 9.0)
    unscored = _table(execution_line=False)
    assert execution_in_total(unscored, 9.6, True) == (False, None)
    assert evaluate(unscored).total == 90.0


@pytest.mark.parametrize(("formula", "note"), [
    ("=SUM(H6,H11:H14)", "：总分公式 =SUM(H6,H11:H14) 不含第 15 行（“服务对象满意度”，得分 10）"),
    ("=H6+H11+H12+H13+H14", "：总分公式 =H6+H11+H12+H13+H14 不含第 15 行（“服务对象满意度”，"
                            "得分 10）"),
    ("=SUM(Scores)", ""),  # a defined name: which rows it reads the text does not tell
    # a long formula (the native template's run to pages) is not quoted; the cell is named
    ("=ROUND(SUM(H6,H11:H14)" + "+0" * 50 + ",2)",
     "：总分公式不含第 15 行（“服务对象满意度”，得分 10）")])
def test_a_formula_total_short_of_the_sum_names_the_rows_its_formula_leaves_out(
        tmp_path, formula, note):
    """rt23: a 总分 formula whose range leaves out the last indicator row says which."""
    import openpyxl
    from workbooks import _write_cached

    path = standard(tmp_path / "t.xlsx")
    book = openpyxl.load_workbook(path)
    book["自评表"]["H16"] = formula
    book.save(path)
    _write_cached(path, book, {("自评表", "H16"): 89.98})
    [table] = read_tables(path)
    found = [f"{item.cell} {item.message}" for item in run_checks(table, evaluate(table))
             if item.code == "JX501"]
    assert found == [f"H16 总分写为 89.98，各项得分之和为 99.98{note}"
                     "；评分等级“优”与各项得分之和相符，不需改动"]


def _formula_total(path, formula, cached, grade="优"):
    import openpyxl
    from workbooks import _write_cached

    standard(path, grade=grade)
    book = openpyxl.load_workbook(path)
    book["自评表"]["H16"] = formula
    book.save(path)
    _write_cached(path, book, {("自评表", "H16"): cached})
    [table] = read_tables(path)
    return [(item.code, item.cell, item.message) for item in run_checks(table, evaluate(table))]


@pytest.mark.parametrize(("formula", "cached", "note"), [
    ("=SUM(H11:H15)", 90, "不含执行率得分 H6（9.98）"),
    ("=H6+SUM(H11:H15)+H6", 109.98, "把执行率得分 H6（9.98）计入了 2 次"),
    ("=H6+SUM(H11:H15)+G6", 199.78, "又计入了不是得分的 G6（执行率 99.8）"),
    ("=SUM(G6:H15)", 289.78, "又计入了不是得分的 G6（执行率 99.8）、G7（执行率 99.8）、"
                             "G11（分值 5）等 7 个单元格"),
])
def test_a_formula_total_says_the_score_cells_it_leaves_out_or_adds_wrongly(tmp_path, formula,
                                                                            cached, note):
    """rt25: a 总分 formula over the indicators' scores that leaves out the money block's
    执行率得分, adds it twice, or takes in the 执行率 or the 分值, says which cells — as one
    that leaves out an indicator row names the row. The grade 优 is the sum's: no JX502."""
    grade = "优" if cached >= 90 else "良"
    after = "" if cached >= 90 else "；总分改正后，评分等级应随之改为“优”"
    assert _formula_total(tmp_path / "t.xlsx", formula, cached, grade) == [
        ("JX501", "H16", f"总分写为 {cached:g}，各项得分之和为 99.98：总分公式 {formula} {note}"
                         f"{after}")]


def test_a_formula_that_only_adds_no_scores_says_nothing_of_cells(tmp_path):
    """Neighbour: a formula over no score cell (subtotals elsewhere, here the 分值 total)
    names no cell it cannot judge; one that does more than add (ROUND(…)/2) says only
    what it leaves out."""
    assert _formula_total(tmp_path / "t.xlsx", "=G16", 100) == [
        ("JX501", "H16", "总分写为 100，各项得分之和为 99.98")]
    assert _formula_total(tmp_path / "r.xlsx", "=ROUND((SUM(H11:H15)+H6+H6)/1,2)", 109.98) == [
        ("JX501", "H16", "总分写为 109.98，各项得分之和为 99.98")]


# The 总分 is the rules' own while one score is written off the rules: the written scores
# do not add up to it, and the item is what to change (rt25: JX501 called the right total
# wrong while the wrong score had only a JX404 warning).

def _one_score(path, score, total):
    rows = [list(row) for row in TRAINING_ROWS]
    rows[4][6] = score
    return standard(path, rows=[tuple(row) for row in rows], total=(100, total))


TRAINING_ROWS = [  # 执行率 9.98 + 20 + 15 + 10 + 5 + 28.5 + 10 = 98.48 by the rules
    ("产出指标", "数量指标", "培训人次", "≥500人次", "520人次", 20, 20, None),
    ("产出指标", "质量指标", "培训合格率", "≥95%", "96%", 15, 15, None),
    ("产出指标", "时效指标", "培训完成时间", "2024年12月31日前", "2024年11月完成", 10, 10, None),
    ("产出指标", "成本指标", "人均培训成本", "≤300元/人", "280元/人", 5, 5, None),
    ("效益指标", "社会效益指标", "学员就业率", "≥80%", "76%", 30, 28.5, "部分学员升学；加强就业指导"),
    ("满意度指标", "服务对象满意度指标", "学员满意度", "≥95%", "96%", 10, 10, None),
]


def test_a_score_written_off_the_rules_under_the_rules_total_is_said_at_the_score(tmp_path):
    found = findings(_one_score(tmp_path / "t.xlsx", 25, 98.48))
    assert [(f.code, f.severity, f.cell, f.message) for f in found] == [
        ("JX404", "warning", "H15", "“学员就业率”得分 25，按财政部规则应为 28.5（正向指标：分值 × "
                                    "实际完成值 ÷ 年度指标值）"),
        ("JX501", "error", "H15", "总分写为 98.48，与按财政部规则计算的总分一致，但各项得分之和为 "
                                  "94.98：H15 “学员就业率”得分 25（应为 28.5）；请改正该项得分，总分不需改动")]


def test_the_same_score_under_its_own_sum_is_no_jx501(tmp_path):
    """Neighbour that must not change: the 总分 is the written scores' sum (94.98)."""
    found = findings(_one_score(tmp_path / "t.xlsx", 25, 94.98))
    assert [(f.code, f.cell) for f in found] == [("JX404", "H15")]
