"""One model for every reader: a table built in code carries the same cell facts as a
table read from a workbook (defaults: known completely from its values), its rule set is
a ``RuleSet`` resolved once, and ``evaluate`` alone computes its evaluation."""

import dataclasses

import pytest

from jixiao.errors import UnknownRuleSet
from jixiao.model import (
    BY_STANDARD,
    INDICATOR_COLUMNS,
    CellInfo,
    FundLine,
    Funds,
    Indicator,
    SelfEvaluation,
    Source,
    evaluate,
    score_indicator,
)
from jixiao.rules import RULE_SETS


def _table(**facts):
    """Two indicators (10 + 80 points, one short of its target) and 执行率 90 % of 10."""
    indicators = [Indicator("产出指标", "数量指标", "设备", "≥10台", "10台", 80.0),
                  Indicator("满意度指标", "满意度指标", "满意度", "≥95%", "90%", 10.0)]
    funds = Funds(total=FundLine("年度资金总额", budget=100.0, executed=90.0), weight=10.0)
    return SelfEvaluation(funds=funds, indicators=indicators, **facts)


def test_a_table_built_in_code_is_known_completely_from_its_values():
    table = SelfEvaluation()
    assert table.columns == INDICATOR_COLUMNS and {"target", "actual", "score", "reason"} \
        <= table.columns
    assert table.execution_line and table.funds_weight_source is None
    assert table.fund_columns == frozenset()  # no 分值/得分 cell of its own is claimed
    assert (table.cells, table.template, table.external, table.subtotals,
            table.level1_inferred, table.execution_row, table.file) == ({}, False, [], [], [],
                                                                        None, "")
    assert table.cell(Source("自评表", "H14")) is None and table.cell(None) is None


def test_the_cells_read_are_plain_reads_of_the_model():
    where = Source("自评表", "H14")
    info = CellInfo("#NAME?", "=JX_SCORE(F14,G14,E14)", cached=True)
    table = SelfEvaluation(cells={where: info})
    assert table.cell(where) is info and info.is_formula and info.error == "#NAME?"
    assert CellInfo("Err:502").error == "Err:502" and CellInfo("10").error is None


def test_a_rule_set_named_in_code_is_resolved_on_construction():
    assert SelfEvaluation().rules is RULE_SETS["mof2020"]
    assert SelfEvaluation(rules="ratio").rules is RULE_SETS["ratio"]
    assert SelfEvaluation(rules="四川").rules is RULE_SETS["sichuan"]  # a person's words
    assert SelfEvaluation(rules=RULE_SETS["ratio"]).rules is RULE_SETS["ratio"]
    with pytest.raises(UnknownRuleSet, match="未知的评分规则“浙江”"):
        SelfEvaluation(rules="浙江")


def test_evaluate_uses_the_tables_rule_set_unless_told_another():
    table = _table(rules="ratio")
    assert evaluate(table).rules is RULE_SETS["ratio"]
    assert evaluate(table, "mof2020").rules is RULE_SETS["mof2020"]


def test_evaluate_counts_the_execution_score_only_where_the_layout_scores_it():
    scored = evaluate(_table())
    assert scored.execution_score == 9.0 and scored.total == pytest.approx(
        9.0 + sum(score.value for score in scored.scores))
    # 评分附件表, 第三方, most 四川 tables: no 执行率 line, the indicators alone make the total
    unscored = evaluate(_table(execution_line=False))
    assert unscored.execution_score is None and unscored.rate == scored.rate
    assert unscored.total == pytest.approx(scored.total - 9.0)
    assert unscored.grade == ("优" if unscored.total >= 90 else "良")


def test_a_budget_rate_row_without_money_counts_with_its_declared_score():
    table = _table(funds_weight_source="row")
    table.funds = Funds(weight=10.0, score_declared=7.0)  # no 全年预算数 / 全年执行数
    evaluation = evaluate(table)
    assert evaluation.execution_score is None
    assert evaluation.total == pytest.approx(7.0 + sum(s.value for s in evaluation.scores))
    built_in_code = evaluate(dataclasses.replace(table, funds_weight_source=None))
    assert built_in_code.total is None  # the 执行率 cannot be scored: no total


def test_a_total_of_written_scores_counts_each_within_its_points():
    """A 得分表 (分值 and 得分, no 指标值/完成值: a third-party index system): the 总分 is
    made of the written scores, each as the rules allow it — 5 against 4 points counts 4,
    a negative score 0."""
    rows = [Indicator("决策", "项目立项", "立项依据充分性", None, None, 4.0, score_declared=5.0),
            Indicator("过程", "资金管理", "资金到位率", None, None, 6.0, score_declared=-2.0),
            Indicator("产出", "产出数量", "完成数量", None, None, 90.0, score_declared=88.0)]
    table = SelfEvaluation(indicators=rows, columns=frozenset({"name", "weight", "score"}),
                           execution_line=False)
    evaluation = evaluate(table)
    assert (evaluation.total, evaluation.total_basis) == (92.0, "declared")  # 4 + 0 + 88


@pytest.mark.parametrize("target", ["—", "/", None])
def test_an_index_systems_rows_without_a_target_count_their_written_scores(target):
    """第三方 决策/过程 rows (or under their 二级, 一级 left blank) with no 指标值 are scored
    by their 评分标准: the written 得分, within the 分值 (5 of 4 counts 4); the 预算执行率
    under 过程 stays the rules' 4 × 85 % = 3.4, the 产出 row ≥300 → 240 is 10 × 240/300 = 8.
    4 + 3 + 3.4 + 8 = 18.4, by the rules. A standard 自评表's row has no 评分标准: no score."""
    rows = [Indicator("决策", "项目立项", "立项依据充分性", target, "立项依据充分", 4.0,
                      score_declared=5.0),
            Indicator(None, "资金管理", "资金使用合规性", target, "合规", 3.0, score_declared=3.0),
            Indicator("过程", "资金管理", "预算执行率", target, "85%", 4.0, score_declared=3.4),
            Indicator("产出", "产出数量", "新增学位数", "≥300个", "240个", 10.0, score_declared=8.0)]
    columns = frozenset({"level1", "level2", "name", "target", "actual", "weight", "score"})
    table = SelfEvaluation(indicators=rows, columns=columns, execution_line=False,
                           layout="third_party")
    evaluation = evaluate(table)
    assert [score.value for score in evaluation.scores] == [4.0, 3.0, 3.4, 8.0]
    assert [score.note == BY_STANDARD for score in evaluation.scores] == [True, True, False, False]
    assert (evaluation.total, evaluation.total_basis) == (18.4, "rules")
    standard = evaluate(dataclasses.replace(table, layout="standard"))
    assert [score.value for score in standard.scores][:2] == [None, None]


@pytest.mark.parametrize(("actual", "value", "met"), [
    (0.975, 20.0, True), (97.5, 20.0, True), (1, 20.0, True), ("97.5%", 20.0, True),
    (0.9, 18.95, False),  # 90 % of ≥95 %: 20 × 90/95
])
def test_a_bare_actual_beside_a_percent_unit_column_is_a_fraction_or_a_percent(actual, value, met):
    """四川 tables: 指标性质 ≥ | 指标值 95 | 度量单位 % | 完成值 0.975 is 97.5 % (before:
    0.975 %, 0.21 of 20 and a false JX405)."""
    indicator = Indicator("产出指标", "质量指标", "设备验收合格率", target=95, actual=actual,
                          weight=20, nature="≥", unit="%")
    found = score_indicator(indicator)
    assert (found.value, found.met) == (value, met)


@pytest.mark.parametrize("reason", [
    "- 1 -", "1/2", "第 1 页 共 2 页", "第1页/共2页", "第1页", "共2页 第1页", "Page 1 of 2",
    "page 3", "— 2 —"])
def test_a_page_number_in_a_reason_cell_is_no_reason(reason):
    """A converter's page footer left in a 偏差原因 cell (rt31 r7 p24: 第 1 页 共 2 页,
    no JX405 before) explains nothing, as - 1 - did."""
    from jixiao.model import unexplained
    assert unexplained(reason)


@pytest.mark.parametrize("reason", ["第1页表格有误，已更正", "部分项目延至第2季度完成"])
def test_a_reason_naming_a_page_is_a_reason(reason):
    from jixiao.model import unexplained
    assert not unexplained(reason)


@pytest.mark.parametrize("reason", [
    "受客观条件限制", "受主客观因素影响", "受外部因素影响", "受客观因素制约", "受其他因素影响，未完全达标",
    "客观原因，未完全达标", "受多方面因素影响", "受各种因素影响", "由于客观原因", "因多种原因",
    "受到诸多不可控因素的影响", "受不可抗力影响", "受内外部因素影响，未能完全达到预期", "受客观条件所限",
    "由于主客观原因", "受诸多因素制约", "未完全达标"])
def test_a_cause_named_by_its_kind_is_no_reason(reason):
    """rt35 r1 x1–x10: a stock phrase naming a cause by its kind (受主客观因素影响, 受客观
    条件限制, 受外部因素制约), alone or with the shortfall restated (未完全达标), says
    which kind of cause, not which (before: 受客观条件限制 and four more taken as reasons)."""
    from jixiao.model import unexplained
    assert unexplained(reason)


@pytest.mark.parametrize("reason", [
    "受疫情影响，部分培训延期", "受汛期强降雨影响，工期延后", "因资金拨付滞后",
    "受客观条件限制，山区交通不便导致部分农户未能改厕", "受客观条件限制山区交通不便",
    "受外部因素影响，3户因房屋拆迁未改厕", "受政策调整影响"])
def test_a_stock_phrase_followed_by_a_cause_is_a_reason(reason):
    from jixiao.model import unexplained
    assert not unexplained(reason)


@pytest.mark.parametrize("reason", [
    "主要受客观因素影响", "均受客观因素影响", "都受外部因素制约", "受限于客观条件", "受限于外部因素",
    "主要受限于客观条件", "主要受客观因素影响，未完全达标"])
def test_a_cause_named_by_its_kind_with_mainly_or_limited_by_is_no_reason(reason):
    """rt35 review A: 主要/均/都 before 受, and 受限于 + the kind + 条件/因素, are the same
    stock phrase (were taken as reasons)."""
    from jixiao.model import unexplained
    assert unexplained(reason)
