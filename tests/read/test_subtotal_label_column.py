"""Per-group subtotal rows labelled in the 绩效指标 column left of the 一级 (not merged
there): 小计 | | | | | | 50 | 50 under the 产出 rows. The label makes the row the group's
subtotal, whichever label column holds it; several 合计 rows one under each group are the
groups' own, the last too where its 分值 is its group's — a final 合计 holding the
indicators' sum stays their sum."""

import pytest
from workbooks import STANDARD, Book, Percent

from jixiao.checks import run_checks
from jixiao.model import evaluate
from jixiao.read.workbook import read_tables

# 执行率 196 / 200 = 98 % → 9.8; 覆盖率 10 × 88/90 = 9.78; 满意度 10 × 85/90 = 9.44;
# 9.8 + 50 + 29.78 + 9.44 = 99.02 (优)
PRODUCT = [(None, "产出指标", "数量指标", "救助人数", "≥500人", "520人", 15, 15, None),
           (None, "产出指标", "数量指标", "发放次数", "≥12次", "12次", 10, 10, None),
           (None, "产出指标", "质量指标", "资金发放准确率", "=100%", "100%", 10, 10, None),
           (None, "产出指标", "时效指标", "按时发放率", "≥95%", "98%", 10, 10, None),
           (None, "产出指标", "成本指标", "人均月补助标准", "≤300元/人", "300元/人", 5, 5, None)]
BENEFIT = [(None, "效益指标", "社会效益指标", "基本生活保障", "有效保障", "有效保障", 10, 10, None),
           (None, "效益指标", "社会效益指标", "救助覆盖率", "≥90%", "88%", 10, 9.78,
            "部分对象年中迁出本县"),
           (None, "效益指标", "可持续影响指标", "政策持续实施年限", "≥3年", "3年", 10, 10, None)]
SATISFACTION = [(None, "满意度指标", "服务对象满意度指标", "救助对象满意度", "≥90%", "85%", 10,
                 9.44, "发放时间偏晚")]
GROUPS = ((PRODUCT, 50, 50), (BENEFIT, 30, 29.78), (SATISFACTION, 10, 9.44))


def _table(tmp_path, label, column=0, final=None, satisfaction=10, only_last=False):
    """The groups, each under its rows a subtotal labelled ``label`` in ``column`` (0: the
    绩效指标 column, 1: 一级 …; None: no subtotals; ``only_last``: under the 满意度 only);
    ``final``: a row under them all summing the indicators."""
    rows = []
    for members, weight, score in GROUPS:
        rows.extend(members)
        if label is None or (only_last and members is not SATISFACTION):
            continue
        line: list = [None] * 9
        line[column], line[6], line[7] = label, weight, score
        if members is SATISFACTION:
            line[6] = satisfaction
        rows.append(tuple(line))
    if final is not None:
        line = [None] * 9
        line[column], line[6], line[7] = final, 90, 89.22
        rows.append(tuple(line))
    book = Book()
    sheet = book.sheet()
    sheet.title("项目支出绩效自评表")
    sheet.project("城乡困难群众救助补助资金", "某县民政局", "某县社会救助服务中心")
    sheet.money([("年度资金总额", 200, 200, 196, 10, Percent(0.98), 9.8)])
    sheet.indicators(rows, header=("绩效指标", *STANDARD), lead=None, merge=False)
    sheet.total(100, 99.02)
    sheet.grade("优")
    (table,) = read_tables(book.save(tmp_path / "subtotals.xlsx"))
    return table


@pytest.mark.parametrize("label", ["小计", "合计", "产出指标小计"])
def test_a_subtotal_labelled_in_the_lead_column_sums_its_group(tmp_path, label):
    table = _table(tmp_path, label)
    assert len(table.indicators) == 9
    assert [(s.weight, s.score, len(s.members)) for s in table.subtotals] == [
        (50, 50, 5), (30, 29.78, 3), (10, 9.44, 1)]
    evaluation = evaluate(table)
    assert evaluation.total == 99.02
    assert evaluation.grade == "优"
    assert [f.code for f in run_checks(table, evaluation)] == []


@pytest.mark.parametrize("column", [0, 2, 3])
def test_a_final_heji_holding_the_indicators_sum_is_their_sum(tmp_path, column):
    table = _table(tmp_path, "合计", column, final="合计")
    assert len(table.indicators) == 9
    assert [(s.weight, len(s.members)) for s in table.subtotals] == [
        (50, 5), (30, 3), (10, 1), (90, 9)]
    evaluation = evaluate(table)
    assert evaluation.total == 99.02
    assert [f.code for f in run_checks(table, evaluation)] == []


def test_a_wrong_last_group_heji_is_its_groups_and_found(tmp_path):
    table = _table(tmp_path, "合计", satisfaction=15)  # its one row weighs 10
    found = [f for f in run_checks(table, evaluate(table)) if f.code == "JX103"]
    assert [f.cell for f in found] == ["G18"]
    assert "分值 15，所汇总的 1 项指标分值合计 10" in found[0].message


@pytest.mark.parametrize("label", ["小计", "合计"])
@pytest.mark.parametrize("column", [0, 3])
def test_one_subtotal_under_the_last_group_only_is_its_groups(tmp_path, label, column):
    table = _table(tmp_path, label, column, only_last=True)
    assert len(table.indicators) == 9
    assert [(s.weight, len(s.members)) for s in table.subtotals] == [(10, 1)]
    evaluation = evaluate(table)
    assert evaluation.total == 99.02
    assert [f.code for f in run_checks(table, evaluation)] == []


@pytest.mark.parametrize("label", ["小计", "合计"])
def test_one_final_subtotal_of_all_the_indicators_is_their_sum(tmp_path, label):
    table = _table(tmp_path, None, final=label)
    assert [(s.weight, len(s.members)) for s in table.subtotals] == [(90, 9)]
    assert [f.code for f in run_checks(table, evaluate(table))] == []
