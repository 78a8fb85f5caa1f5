"""rt34: three readings of a qualitative 指标值 or 完成值 (red teams r1, r6).

1. 应X尽X (应保尽保, 应检尽检, 应补尽补 …: every one due is covered) is full coverage, as
   全覆盖 is: beside 100% met, beside 98% short of it (10 × 98/100 = 9.8, JX402) — was
   JX204 “定性指标，完成值却是数值”.
2. 差 inside a word of an indicator's name (执行偏差, 测量误差, 城乡差异) is no level 差:
   执行偏差 | 逐步缩小 | 执行偏差明显缩小 was 未达成 (JX402 + JX408), 城乡差异逐步缩小 JX410.
3. A scale of heights (低/中/高, 低/较低/一般/较高/高) is best at its low end under a name of
   something bad (安全风险等级, 噪声影响程度) or a cost, at its high end under a name of
   something good (服务质量等级); where neither is told (a JX_ formula, given no name) no
   level is read — a person scores it (JX410), none is called 未达成 (was: 低 未达成).
"""

from __future__ import annotations

import pytest

from jixiao import cellfuncs, native
from jixiao.parsing import parse_measure
from jixiao.pipeline import check_workbook
from jixiao.rules import indicator_score, lows_best, scale_of
from tests.workbooks import PUTUO_1_ROWS, standard


def _findings(tmp_path, name, target, actual, score, level2="可持续影响指标", points=30):
    rows = list(PUTUO_1_ROWS)
    rows[3] = ("效益指标", level2, name, target, actual, points, score, None)
    result = check_workbook(standard(tmp_path / "t.xlsx", rows=rows,
                                     total=(100, 99.98 - points + score)))
    return [(f.code, f.message) for f in result.findings]


# ---------------------------------------------------------------- 1. 应X尽X

DUE_ALL = ["应保尽保", "应检尽检", "应补尽补", "应发尽发", "应收尽收", "应治尽治", "应种尽种",
           "实现应保尽保", "做到应检尽检"]


@pytest.mark.parametrize("target", [*DUE_ALL, "全覆盖"])
def test_every_one_due_covered_beside_100_percent_is_met(tmp_path, target):
    assert cellfuncs.score(target, "100%", 10.0, None, None, "质量指标") == 10.0
    assert cellfuncs.met(target, "100%", "质量指标") == "是"
    assert _findings(tmp_path, "低保对象保障情况", target, "100%", 30) == []


@pytest.mark.parametrize("target", [*DUE_ALL, "全覆盖"])
def test_every_one_due_covered_beside_98_percent_is_short_of_it(tmp_path, target):
    assert cellfuncs.score(target, "98%", 10.0, None, None, "质量指标") == 9.8
    found = _findings(tmp_path, "低保对象保障情况", target, "98%", 30)
    assert [code for code, _ in found] == ["JX402"]
    assert "应为 29.4" in found[0][1]


@pytest.mark.parametrize(("target", "actual", "score"), [
    ("应保尽保", "应保尽保", 10.0),       # the same words: met, as before
    ("≥95%", "应保尽保", 10.0),          # beside a share: all of it, as 全覆盖 is
    ("100%", "应检尽检", 10.0),
    ("应保尽保", "已全部落实", 10.0),      # a word of achievement, as beside 全覆盖
    ("全覆盖", "已全部落实", 10.0),
    # rt35 r1 e3: 全部纳入 is every one due taken in, as 全覆盖 (was 无法判断, JX410)
    ("应保尽保", "全部纳入", 10.0),
    ("应保尽保", "已全部纳入", 10.0),
    ("应保尽保", "全覆盖", 10.0),
    ("全覆盖", "全部纳入", 10.0),
    ("100%", "全部纳入", 10.0),
    ("≥98%", "全部纳入", 10.0),
])
def test_every_one_due_in_words_reads_as_full_coverage_does(target, actual, score):
    assert cellfuncs.score(target, actual, 10.0, None, None, "质量指标") == score


@pytest.mark.parametrize("target", ["应该尽快", "应保尽量", "尽保"])
def test_words_that_only_look_like_it_are_no_coverage(target):
    assert isinstance(cellfuncs.score(target, "100%", 10.0, None, None, "质量指标"), str)


# ---------------------------------------------------------------- 2. 差 in a name

@pytest.mark.parametrize(("name", "target", "actual"), [
    ("执行偏差", "逐步缩小", "执行偏差明显缩小"),
    ("计划执行偏差", "逐步缩小", "计划执行偏差明显缩小"),
    ("计划执行偏差", "逐步缩小", "偏差明显缩小"),
    ("测量误差", "逐步缩小", "测量误差明显缩小"),
    ("城乡差异", "逐步缩小", "城乡差异逐步缩小"),
    ("区域发展落差", "逐步缩小", "区域发展落差明显缩小"),
    ("收支差额", "逐步缩小", "收支差额明显缩小"),
    # near misses read right before
    ("城乡收入差距", "逐步缩小", "城乡收入差距明显缩小"),
    ("数据差错", "逐步减少", "数据差错明显减少"),
])
def test_cha_inside_a_word_is_no_level(tmp_path, name, target, actual):
    assert _findings(tmp_path, name, target, actual, 30) == []


@pytest.mark.parametrize(("target", "actual", "met"), [
    ("好", "差", "否"),
    ("好", "较差", "否"),
    ("效果好", "效果差", "否"),
    ("效果明显", "效果较差", "否"),
    ("规范", "规范性差", "否"),
    ("满意", "满意度差", "否"),
    ("规范", "较规范", "否"),
])
def test_cha_as_a_level_is_still_the_level(target, actual, met):
    assert cellfuncs.met(target, actual, "质量指标") == met


# ---------------------------------------------------------------- 3. scales of heights

@pytest.mark.parametrize(("name", "scale", "actual", "score", "codes"), [
    ("安全风险等级", "低/中/高", "低", 30, []),
    ("安全风险等级", "高/中/低", "低", 30, []),
    ("噪声影响程度", "低/较低/一般/较高/高", "低", 30, []),
    ("安全隐患等级", "高/较高/一般/较低/低", "较高", 30, ["JX402", "JX408"]),  # 未达成
    ("安全风险等级", "低/中/高", "高", 30, ["JX402", "JX408"]),
    ("服务质量等级", "高/中/低", "高", 30, []),
    ("服务质量等级", "低/中/高", "高", 30, []),
    ("服务质量等级", "低/中/高", "低", 30, ["JX402", "JX408"]),
    ("社会影响程度", "低/中/高", "低", 30, ["JX410", "JX410"]),    # which end is best: unsaid
    ("社会影响程度", "低/中/高", "高", 30, ["JX410", "JX410"]),
    ("项目效果", "优/良/中/差", "优", 30, []),                     # a quality scale, as before
])
def test_a_scale_of_heights_is_best_at_the_end_its_name_wants(tmp_path, name, scale, actual,
                                                               score, codes):
    assert [code for code, _ in _findings(tmp_path, name, scale, actual, score)] == codes


@pytest.mark.parametrize(("name", "scale", "actual", "op", "level"), [
    # a harm named as lowered or removed (减轻/消除/降低/挽回/查处/治理/排除/减排 …): 高 is best
    ("农民负担减轻程度", "高/中/低", "高", "=", "achieved"),
    ("安全隐患消除程度", "高/中/低", "高", "=", "achieved"),
    ("风险降低程度", "高/中/低", "高", "=", "achieved"),
    ("损失挽回程度", "高/中/低", "高", "=", "achieved"),
    ("违法行为查处率", "高/中/低", "高", "=", "achieved"),
    ("负担减轻", "高/中/低", "高", "=", "achieved"),
    ("负担减轻", "高/中/低", "低", "=", "not"),
    ("减轻农民负担程度", "高/中/低", "高", "=", "achieved"),
    ("污染减排效果", "高/中/低", "高", "=", "achieved"),
    ("环境污染治理", "低/中/高", "高", "=", "achieved"),
    ("排放达标", "低/中/高", "高", "=", "achieved"),
    ("故障排除效率", "高/中/低", "高", "=", "achieved"),
    ("风险防控能力", "低/中/高", "高", "=", "achieved"),
    ("成本降低程度", "高/中/低", "高", "=", "achieved"),
    # under a 成本 二级 (≤) a saving or a cost named as controlled is still best high
    ("成本控制水平", "高/中/低", "高", "<=", "achieved"),
    ("成本节约程度", "高/中/低", "高", "<=", "achieved"),
    ("成本控制水平", "低/中/高", "低", "<=", "not"),
    ("单位成本", "低/中/高", "低", "<=", "achieved"),      # a cost: low best, as before
    ("成本水平", "低/中/高", "高", "<=", None),           # a cost's 水平: left to a person
    ("安全风险等级", "低/中/高", "低", "=", "achieved"),   # a harm unlowered: low best
    ("安全风险水平", "低/中/高", "高", "=", None),         # harm and good: unsaid
])
def test_a_harm_named_as_lowered_is_best_high(name, scale, actual, op, level):
    """rt34 review: 农民负担减轻程度 | 高/中/低 | 高 was 达成 before the heights rule, then
    未达成 (JX402 + JX408) — the harm read, not its lowering; 成本控制水平 under 成本 (≤) too."""
    got = indicator_score(scale_of(parse_measure(scale), name), actual, 5, default_op=op)
    assert got.level == level


@pytest.mark.parametrize("name", [
    "治理成本", "污染治理成本", "疫情防控成本", "整治费用", "隐患整改费用", "垃圾处置成本",
    "环境治理投入成本"])
def test_a_cost_spent_on_removing_a_harm_is_still_best_low(name):
    """rt34 review: under a 成本 二级 (≤) 治理成本 read high-best — 治理 before 成本 read as
    the cost lowered; the name's head is a cost, only 成本控制/成本节约 read high-best."""
    assert lows_best(name, "<=") is True


@pytest.mark.parametrize("name", [
    "投诉办结率", "投诉处理率", "群众投诉处理率", "投诉问题解决率", "投诉答复率", "投诉回复率",
    "事故处理效率", "安全隐患处理率"])
def test_a_harm_handled_or_settled_is_best_high(name):
    """rt35 r1 #1: 投诉办结率 | 低/中/高 | 高 was 未达成 (JX402 + JX408) — 投诉 read, not its
    handling; handling or settling a harm (处理, 办结, 解决, 答复, 回复) is good, as 整改/处置."""
    got = indicator_score(scale_of(parse_measure("低/中/高"), name), "高", 5)
    assert got.level == "achieved"
    assert lows_best(name) is False


@pytest.mark.parametrize("name", [
    "信访事项办结率", "信访事项按期办结率", "信访件及时办理率", "信访案件化解率", "矛盾纠纷化解率",
    "矛盾纠纷调处率", "矛盾纠纷调解成功率", "矛盾纠纷排查化解率", "投诉办理率", "投诉受理率"])
def test_petitions_and_disputes_settled_are_best_high(name):
    """rt35 r1: 信访事项办结率, 矛盾纠纷化解率 | 低/中/高 | 高 were JX410 — 信访, 矛盾, 纠纷 are
    harms to settle (化解, 调处, 调解, 办结, 办理), as 投诉 is; 投诉办理率 was 未达成."""
    got = indicator_score(scale_of(parse_measure("低/中/高"), name), "高", 5)
    assert got.level == "achieved"
    assert lows_best(name) is False


@pytest.mark.parametrize("name", ["信访量", "矛盾纠纷数量", "信访工作"])
def test_petitions_and_disputes_alone_are_left_to_a_person(name):
    """Unsettled, 信访 and 纠纷 name no end: a count of petitions may be a right exercised —
    left to a person (JX410), as before."""
    assert lows_best(name) is None


@pytest.mark.parametrize(("name", "op"), [
    ("数据处理差错率", "="), ("污水处理成本", "<="), ("投诉处理成本", "<=")])
def test_a_harm_or_cost_after_handling_is_still_best_low(name, op):
    """Handling words (处理 …) lower only a harm named before them: 数据处理差错率 is a rate
    of errors, 污水处理成本 a cost spent (``_COST_SPENT``)."""
    assert lows_best(name, op) is True


@pytest.mark.parametrize("name", [
    "投诉处理差错率", "投诉处理时长", "投诉办理超时率", "投诉处理不及时率", "投诉处理平均时间",
    "投诉处理天数", "纠纷调处时间", "投诉答复逾期率", "投诉处理错误率", "信访办理周期"])
def test_a_lapse_or_duration_of_handling_a_harm_is_best_low(name):
    """review C (rt35): 投诉处理差错率, 投诉处理时长, 投诉办理超时率 | 低/中/高 | 低 were
    未达成 — 投诉 handled was read, not the errors, delays or time of the handling after it
    (as 投诉处理成本, a cost spent); at 745bda37 低 was 达成."""
    got = indicator_score(scale_of(parse_measure("低/中/高"), name), parse_measure("低"), 10)
    assert got.level == "achieved"
    assert lows_best(name) is True


@pytest.mark.parametrize("name", ["投诉处理及时率", "投诉处理时间达标率", "投诉处理时长缩短率"])
def test_handling_in_time_is_still_best_high(name):
    """Handling in time, or its time met or shortened, is good: 及时 is no 不及时, and a
    removing or lowering word after the time (达标, 缩短 …) makes it so."""
    assert lows_best(name) is False


def test_a_harm_named_as_lowered_checks_clean(tmp_path):
    assert _findings(tmp_path, "农民负担减轻程度", "高/中/低", "高", 30) == []


@pytest.mark.parametrize(("scale", "actual", "level2", "shown"), [
    ("低/中/高", "低", "质量指标", None),
    ("高/中/低", "高", "质量指标", None),
    ("高/较高/一般/较低/低", "较低", "质量指标", None),
    ("低/中/高", "低", "成本指标", 10.0),                  # a cost: the less the better
    ("低/中/高", "高", "成本指标", "未达成"),
    ("优/良/中/差", "优", "质量指标", 10.0),
    ("差/中/良/优", "差", "质量指标", "未达成"),
])
def test_without_a_name_a_scale_of_heights_is_left_to_a_person(scale, actual, level2, shown):
    got = cellfuncs.score(scale, actual, 10.0, None, None, level2)
    if shown is None:
        assert isinstance(got, str) and "无法判断" in got
        assert cellfuncs.met(scale, actual, level2) == "未知"
    elif isinstance(shown, str):
        assert isinstance(got, str) and shown in got
    else:
        assert got == shown


@pytest.mark.parametrize("scale", ["低/中/高", "高/中/低", "低/较低/一般/较高/高", "高/低",
                                   "高、较高、一般、较低、低"])
@pytest.mark.parametrize("actual", ["低", "高", "中", "一般", "较低", "较高"])
def test_the_native_formulas_leave_a_scale_of_heights_to_jixiao(scale, actual):
    assert native.words_level(scale, actual) == ""
