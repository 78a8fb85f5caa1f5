"""Money lines labelled by a name the vocabulary does not know (rt31 r13 p05, p06, lab):
county tables since 2021 write 其中：中央补助资金 then 县财政安排资金, 衔接资金, 整合涉农资金,
彩票公益金, 土地出让收入, 部门预算安排, 车购税资金 … A row right under the block's lines
holding amounts in its money columns and no words there is a money line whatever its label.
Before, the block stopped at it: 300 of 500 added up (a false JX304 ×3), or — the 合计 at
the bottom — the 合计 with its 分值 10 never read (false JX101 90, JX106, JX406)."""

import pytest
from workbooks import PUTUO_1_ROWS, Book

from jixiao.checks import run_checks
from jixiao.model import evaluate
from jixiao.read.workbook import read_tables

_LABELS = ["县财政安排资金", "市财政安排资金", "衔接资金", "整合涉农资金", "彩票公益金",
           "土地出让收入", "部门预算安排", "车购税资金"]
# PUTUO's indicators, its 预算资金执行率 done as the money's 95.6 % (no JX305)
_INDICATORS = [(*PUTUO_1_ROWS[0][:4], "95.60(%)", *PUTUO_1_ROWS[0][5:]), *PUTUO_1_ROWS[1:]]
_CENTRAL = ("其中：中央补助资金", 300, 300, 288, "—", "96%", "—")


def _read(tmp_path, money):
    """A standard table (indicators 90 points, scored 90) under the money ``money``."""
    book = Book()
    sheet = book.sheet()
    sheet.title("项目支出绩效自评表", "（2023年度）")
    sheet.project("高素质农民培育项目", "某县农业农村局", "某县农业技术推广中心")
    sheet.money(money)
    sheet.indicators(_INDICATORS)
    sheet.total(100, 99.56)
    sheet.grade("优")
    (table,) = read_tables(book.save(tmp_path / "t.xlsx"))
    evaluation = evaluate(table)
    return table, evaluation, [(f.code, f.cell, f.message)
                               for f in run_checks(table, evaluation)]


@pytest.mark.parametrize("label", _LABELS)
def test_a_line_of_an_unfamiliar_name_under_the_total(tmp_path, label):
    """500 = 中央补助资金 300 + the line 200; 478 = 288 + 190: nothing to report."""
    table, evaluation, found = _read(tmp_path, [
        ("年度资金总额", 500, 500, 478, 10, "95.6%", 9.56), _CENTRAL,
        (label, 200, 200, 190, "—", "95%", "—")])
    assert [(line.label, line.initial_budget, line.budget, line.executed)
            for line in table.funds.parts] == [("中央补助资金", 300, 300, 288),
                                               (label, 200, 200, 190)]
    assert found == []
    assert evaluation.total == 99.56  # 90 + 10 × 478 ÷ 500


def test_the_unfamiliar_line_is_added_up(tmp_path):
    """The line is checked as any other: 300 + 150 = 450, not 500 (年初, 全年预算数);
    288 + 190 = 478 (全年执行数) adds up."""
    _, _, found = _read(tmp_path, [
        ("年度资金总额", 500, 500, 478, 10, "95.6%", 9.56), _CENTRAL,
        ("县财政安排资金", 150, 150, 190, "—", "126.67%", "—")])
    assert [(code, cell, message) for code, cell, message in found if code == "JX304"] == [
        ("JX304", "C6", "年初预算数：各明细合计 450（中央补助资金 300 + 县财政安排资金 150），"
                        "年度资金总额为 500"),
        ("JX304", "D6", "全年预算数：各明细合计 450（中央补助资金 300 + 县财政安排资金 150），"
                        "年度资金总额为 500")]


def test_the_total_at_the_bottom_after_an_unfamiliar_line(tmp_path):
    """p05: 中央补助资金 | 县财政安排资金 | 合计 (分值 10, 得分 9.56): the 合计 is the total,
    its 10 points counted — 90 + 10 = 100, 总分 90 + 9.56 = 99.56."""
    table, evaluation, found = _read(tmp_path, [
        ("中央补助资金", 300, 300, 288, None, "96%", None),
        ("县财政安排资金", 200, 200, 190, None, "95%", None),
        ("合计", 500, 500, 478, 10, "95.6%", 9.56)])
    funds = table.funds
    assert (funds.total.label, funds.total.budget, funds.weight, funds.score_declared) == (
        "合计", 500, 10, 9.56)
    assert [line.label for line in funds.parts] == ["中央补助资金", "县财政安排资金"]
    assert found == []
    assert evaluation.total == 99.56


def test_words_in_the_money_columns_end_the_lines(tmp_path):
    """A row right under the lines with words where the amounts stand (an indicator's
    二级 | 三级 | 指标值) is no money line, whatever its label."""
    table, _, _ = _read(tmp_path, [
        ("年度资金总额", 500, 500, 478, 10, "95.6%", 9.56), _CENTRAL,
        ("本级资金", 200, 200, 190, "—", "95%", "—"),
        ("产出指标", "数量指标", "培训人数", "≥500人", "520人", 20, 20)])
    assert [line.label for line in table.funds.parts] == ["中央补助资金", "本级资金"]


def test_a_level_name_with_figures_ends_the_lines(tmp_path):
    """满意度指标 | 90 | 95 | 10 …: figures where the amounts stand, but a 一级 name."""
    table, _, _ = _read(tmp_path, [
        ("年度资金总额", 500, 500, 478, 10, "95.6%", 9.56), _CENTRAL,
        ("本级资金", 200, 200, 190, "—", "95%", "—"),
        ("满意度指标", 90, 95, 93, 10, None, 10)])
    assert [line.label for line in table.funds.parts] == ["中央补助资金", "本级资金"]


def test_a_subtotal_at_the_bottom_is_no_more_lines(tmp_path):
    """rt31 r13 c09: 中央补助资金 5 | 地方配套资金 5 | 小计 10 — two lines scored each (5 × 95 %
    = 4.75 twice, 9.5 in all: 总分 90 + 9.5 = 99.5); the 小计 is no third line (before the
    change: 分值 20, a false JX101 110)."""
    table, evaluation, found = _read(tmp_path, [
        ("中央补助资金", 200, 200, 190, 5, "95%", 4.75),
        ("地方配套资金", 100, 100, 95, 5, "95%", 4.75),
        ("小计", 300, 300, 285, 10, "95%", 9.5)])
    assert [line.label for line in table.funds.parts] == ["中央补助资金", "地方配套资金"]
    assert (table.funds.weight, evaluation.total) == (10, 99.5)
    assert [code for code, _, _ in found if code in ("JX101", "JX304")] == []


def test_a_spending_breakdown_below_is_not_read_line_by_line(tmp_path):
    """rt31 r11 a4: a block below (支出明细（万元）) of 合计 500 then 培训费 360, 其中：专家授课费
    100, 示范基地补助 140 — what the money was spent on, no known part right under its total:
    its lines are not read as sources (before the guard: 培训费 360 of 500, a false JX304 ×3)."""
    book = Book()
    sheet = book.sheet()
    sheet.title("项目支出绩效自评表", "（2023年度）")
    sheet.project("高素质农民培育项目", "某县农业农村局", "某县农业技术推广中心")
    sheet.money([("年度资金总额", 500, 520, 494, 10, "95%", 9.5),
                 ("其中：当年财政拨款", 500, 520, 494, "—", "95%", "—"),
                 ("上年结转资金", 0, 0, 0, "—", "—", "—"), ("其他资金", 0, 0, 0, "—", "—", "—")])
    sheet.line(None, "支出明细（万元）", "年初预算数", "全年预算数", "全年执行数", None, "执行率")
    for label, amounts in (("合计", (500, 520, 494)), ("培训费", (360, 380, 361)),
                           ("其中：专家授课费", (100, 100, 95)), ("示范基地补助", (140, 140, 133))):
        sheet.line(None, label, *amounts, None, "95%")
    sheet.indicators([(*PUTUO_1_ROWS[0][:4], "95%", *PUTUO_1_ROWS[0][5:]), *PUTUO_1_ROWS[1:]])
    sheet.total(100, 99.5)
    (table,) = read_tables(book.save(tmp_path / "t.xlsx"))
    found = [f.code for f in run_checks(table, evaluate(table))]
    assert "JX304" not in found


def test_an_unfamiliar_line_first_then_a_known_part(tmp_path):
    """rt32 r7 c12: 日常养护费 300 | 养护补助 200 | 合计 500 (执行 291.5 + 195 = 486.5). The
    first line names no known part, the second does (补助): once that one is a part, the
    line above it holding amounts is one too — 300 + 200 = 500 adds up (before: 养护补助 200
    alone of 500, a false JX304 ×3)."""
    table, _, found = _read(tmp_path, [
        ("日常养护费", 300, 300, 291.5, None, "97.17%", None),
        ("养护补助", 200, 200, 195, None, "97.5%", None),
        ("合计", 500, 500, 486.5, 10, "97.3%", 9.73)])
    assert table.funds.total.label == "合计"
    assert [(line.label, line.budget, line.executed) for line in table.funds.parts] == [
        ("日常养护费", 300, 291.5), ("养护补助", 200, 195)]
    assert [code for code, _, _ in found if code == "JX304"] == []


def test_an_unfamiliar_first_line_is_added_up(tmp_path):
    """The same lines under a 合计 of 520: 300 + 200 = 500, not 520 (年初, 全年预算数);
    291.5 + 195 = 486.5 (全年执行数) adds up."""
    _, _, found = _read(tmp_path, [
        ("日常养护费", 300, 300, 291.5, None, "97.17%", None),
        ("养护补助", 200, 200, 195, None, "97.5%", None),
        ("合计", 520, 520, 486.5, 10, "93.56%", 9.36)])
    assert [(code, cell, message) for code, cell, message in found if code == "JX304"] == [
        ("JX304", "C8", "年初预算数：各明细合计 500（日常养护费 300 + 养护补助 200），"
                        "年度资金总额为 520"),
        ("JX304", "D8", "全年预算数：各明细合计 500（日常养护费 300 + 养护补助 200），"
                        "年度资金总额为 520")]
