"""A table with no 二级指标 column (一级 | 三级 | 指标值 …): a bare 指标值 is read under the
二级 the row's name names (as ``jixiao convert`` files it) where the name says surely that
it is a ceiling — 人均培训成本, 补贴办结时限 — and JX203 asks for the sign where it does not."""

import pytest
from workbooks import STANDARD, Book, standard_sheet

from jixiao import levels, rules
from jixiao.checks import run_checks
from jixiao.model import evaluate
from jixiao.read.workbook import read_tables

WITHOUT_LEVEL2 = tuple(text for text in STANDARD if text != "二级指标")

ROWS = [  # 一级, 二级, 三级, 指标值, 完成值, 分值, 得分, 偏差原因
    ("产出指标", "数量指标", "预算资金执行率", "≥90.00(%)", "99.80(%)", 5, 5, None),
    ("产出指标", "质量指标", "预算编制规范性", "规范", "达成指标", 15, 15, None),
    ("产出指标", "时效指标", "补贴办结时限", "5个工作日", "3个工作日", 10, 10, None),
    ("产出指标", "成本指标", "人均培训成本", "300元/人", "280元/人", 10, 10, None),
    ("产出指标", "质量指标", "成本节约率", "5%", "4%", 10, 8, "采购价格上涨"),  # a goal
    ("效益指标", "可持续影响指标", "网络安全防护能力", "稳步提升", "达成指标", 30, 30, None),
    ("满意度指标", "服务对象满意度指标", "服务对象满意度", "满意", "达成指标", 10, 10, None),
]
TOTAL = (100, 97.98)  # 9.98 of the money + 88


def _without_level2(rows):
    return [(row[0], *row[2:]) for row in rows]


def findings(path):
    found = []
    for table in read_tables(path):
        found.extend(run_checks(table, evaluate(table)))
    return [(finding.code, finding.where, finding.message)
            for finding in found]


def _book(tmp_path, rows, header=WITHOUT_LEVEL2, name="无二级"):
    book = Book()
    standard_sheet(book.sheet(name), rows=rows, header=header, total=TOTAL)
    return book.save(tmp_path / f"{name}.xlsx")


def test_a_cost_and_a_time_limit_named_so_are_ceilings_without_level2(tmp_path):
    """rt23 N1: 办结时限 5个工作日 done in 3 and 人均培训成本 300元/人 at 280 got JX402
    (“未达到指标值 … 应为 6”): read "＝" for want of a 二级. 成本节约率 5% stays a goal
    (4% scores 8 of 10: no JX403)."""
    path = _book(tmp_path, _without_level2(ROWS))
    assert findings(path) == []
    (table,) = read_tables(path)
    assert [score.value for score in evaluate(table).scores] == [5, 15, 10, 10, 8, 30, 10]


def test_the_same_rows_under_a_level2_column_are_unchanged(tmp_path):
    rows = list(ROWS)  # (成本节约率 under 成本指标 would be a ceiling by its 二级: kept out)
    assert findings(_book(tmp_path, rows, header=STANDARD, name="有二级")) == []


def test_a_time_or_an_amount_not_surely_a_ceiling_asks_for_the_sign(tmp_path):
    """响应时间 2小时 may be a limit, 培训时间 40小时 hours given; 培训费用 a cost or an amount
    paid out: without a 二级, JX203 asks for ≤ or ≥ — no JX402 from the "＝" reading."""
    rows = list(ROWS)
    rows[2] = ("产出指标", "时效指标", "响应时间", "2小时", "1小时", 10, 10, None)
    rows[3] = ("产出指标", "成本指标", "人均培训费用", "300元/人", "280元/人", 10, 10, None)
    assert findings(_book(tmp_path, _without_level2(rows))) == [
        ("JX203", "无二级!D13", "表中没有二级指标，看不出“响应时间”的指标值“2小时”是不得超过的上限"
                               "（时限、成本）还是应达到的目标，按规则读作“＝”，得分暂不核对；"
                               "是上限请写“≤2小时”，是目标请写“≥2小时”"),
        ("JX203", "无二级!D14", "表中没有二级指标，看不出“人均培训费用”的指标值“300元/人”是不得超过"
                               "的上限（时限、成本）还是应达到的目标，按规则读作“＝”，得分暂不核对；"
                               "是上限请写“≤300元/人”，是目标请写“≥300元/人”"),
    ]
    # under their 二级 they are ceilings, met in full
    assert findings(_book(tmp_path, rows, header=STANDARD, name="有二级")) == []


def test_convert_and_the_reading_share_one_inference():
    assert levels.named_level2("产出指标", "补贴办结时限") == "时效指标"
    assert levels.named_level2("产出指标", "项目建设周期") == "时效指标"
    assert levels.named_level2("产出指标", "人均培训成本") == "成本指标"
    assert levels.named_level2("效益指标", "降低群众就医成本") is None  # no 成本 二级 there
    assert levels.named_level2("满意度指标", "参训人员满意度") == "服务对象满意度指标"
    assert levels.named_level2("产出指标", "培训人数") is None
    assert levels.names_ceiling_surely("人均培训成本")
    assert not levels.names_ceiling_surely("成本节约率")
    assert not levels.names_ceiling_surely("响应时间")


def test_a_cost_control_rate_is_a_ceiling_without_level2(tmp_path):
    """rt5 t09: 维修成本控制率 100% done at 98% (spent within the budget), 5 of 5, got JX402
    “未达到指标值 … 应为 4.9” without a 二级 — read ≤ as under 成本指标. 成本节约率 5% at 4%
    stays a goal (8 of 10, no finding)."""
    rows = list(ROWS)
    rows[3] = ("产出指标", "成本指标", "维修成本控制率", "100%", "98%", 10, 10, None)
    path = _book(tmp_path, _without_level2(rows))
    assert findings(path) == []
    (table,) = read_tables(path)
    assert [score.value for score in evaluate(table).scores] == [5, 15, 10, 10, 8, 30, 10]
    assert findings(_book(tmp_path, rows, header=STANDARD, name="有二级")) == []


def test_a_cost_rate_not_surely_a_ceiling_asks_for_the_sign(tmp_path):
    """维修成本率 30% at 28%: a share of costs kept under, or one to reach — without a 二级,
    JX203 asks for ≤ or ≥ instead of a JX402 from the "＝" reading; under 成本指标 a ceiling.
    成本执行率 (a 执行率: more is better) stays a goal: 100% at 98% scored 10 is JX402."""
    rows = list(ROWS)
    rows[3] = ("产出指标", "成本指标", "维修成本率", "30%", "28%", 10, 10, None)
    assert findings(_book(tmp_path, _without_level2(rows))) == [
        ("JX203", "无二级!D14", "表中没有二级指标，看不出“维修成本率”的指标值“30%”是不得超过的上限"
                               "（时限、成本）还是应达到的目标，按规则读作“＝”，得分暂不核对；"
                               "是上限请写“≤30%”，是目标请写“≥30%”")]
    assert findings(_book(tmp_path, rows, header=STANDARD, name="有二级")) == []
    rows[3] = ("产出指标", "成本指标", "成本执行率", "100%", "98%", 10, 10, None)
    assert [code for code, *_ in findings(_book(tmp_path, _without_level2(rows), name="执行"))] \
        == ["JX402"]


def test_which_cost_rates_are_ceilings():
    assert levels.names_ceiling_surely("维修成本控制率")
    assert levels.names_ceiling_surely("成本超支率")
    assert not levels.names_ceiling_surely("维修成本率")
    assert levels.names_cost_rate("维修成本率")
    for goal in ("成本节约率", "成本降低率", "成本执行率", "成本核算准确率"):  # no ceiling, no JX203
        assert not levels.names_ceiling_surely(goal)
        assert not levels.names_cost_rate(goal)


def test_a_cost_lowered_is_a_goal_without_level2(tmp_path):
    """rt24 s8: 降低运输成本 5% at 6% under 产出 without a 二级 was read ≤ as a 成本指标's
    (JX402, 6% over the ceiling): it names a cost lowered, a saving — a goal, met in full.
    The neighbour 人均培训成本 ≥300元/人 named a cost without 二级 is still JX205."""
    rows = list(ROWS)
    rows[3] = ("产出指标", "成本指标", "降低运输成本", "5%", "6%", 10, 10, None)
    path = _book(tmp_path, _without_level2(rows))
    assert findings(path) == []
    (table,) = read_tables(path)
    assert [score.value for score in evaluate(table).scores] == [5, 15, 10, 10, 8, 30, 10]
    rows[3] = ("产出指标", "成本指标", "人均培训成本", "≥300元/人", "300元/人", 10, 10, None)
    assert [(code, where) for code, where, _ in
            findings(_book(tmp_path, _without_level2(rows), name="成本"))] == [
        ("JX205", "成本!D14")]


def test_a_cost_named_under_a_benefit_without_level2_is_no_cost(tmp_path):
    """Without a 二级, a 成本 named under 效益 is filed under no 成本指标 (``named_level2``):
    降低群众就医成本 ≥5% is a saving, 人均运维成本 ≥300元 no 成本指标's row — no JX205."""
    rows = list(ROWS)
    rows[5] = ("效益指标", "经济效益指标", "人均运维成本", "≥300元", "320元", 30, 30, None)
    assert findings(_book(tmp_path, _without_level2(rows))) == []


@pytest.mark.parametrize(("name", "saving"), [
    ("降低运输成本", True), ("农户生产成本降低", True), ("减轻患者医疗成本", True),
    ("降低农产品流通成本", True), ("节约群众办事时间成本", True), ("减少患者就医费用", True),
    ("压缩行政成本", True), ("运维费用同比下降", True), ("成本节约率", True), ("成本降低率", True),
    ("人均培训成本", False), ("成本控制率", False), ("设备购置成本", False),
    ("培训费用", False), ("减少碳排放，运维成本", False)])
def test_which_names_are_savings(name, saving):
    assert rules.is_saving(name) is saving
