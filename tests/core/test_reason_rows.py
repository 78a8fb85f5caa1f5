"""Which shortfalls a table's 原因 row (偏差大或目标未完成原因分析 | <text>) explains:
each sentence giving a cause explains what it names; one giving a cause and naming no
indicator (部分指标未完成系…, 培训人数少于计划，系…) explains every shortfall (rt31 r9
g2/g4/g5: the 执行率 named in passing made those rows explain the 执行率 alone, JX405 on
the real shortfall)."""

import pytest

from jixiao.model import Indicator, SelfEvaluation, explained

NAMES = ("培训人次", "参训人员就业率", "学员满意度")


def _explained(reason):
    table = SelfEvaluation(indicators=[Indicator("产出指标", "数量指标", name) for name in NAMES],
                           reason=reason)
    return [explained(table)] + [explained(table, indicator) for indicator in table.indicators]


@pytest.mark.parametrize("reason", [
    # rt31 r9 g2: the 执行率 named without a cause, the cause (系) naming no indicator
    "本年度预算执行率98%，结余资金已收回。部分指标未完成系农忙时节学员无法参训，下一步将合理安排培训时间。",
    # g4: 培训人数 is no name of 培训人次; its sentence's cause (，系…) names no indicator
    "项目资金执行率为98%，剩余1万元系结余。培训人数少于计划，系部分学员外出务工，下一步加强宣传。",
    # g5: 就业率 named as exceeded; 未完成的指标主要系… is every shortfall's cause
    "参训人员就业率超过目标。未完成的指标主要系部分学员外出务工，下一步加强宣传。",
    # a cause sentence whose own shortfall names no indicator is not the one before it's
    "参训人员就业率超过目标。培训人数少于计划，主要原因是部分学员外出务工。",
    # no cause word the reader knows, and a sentence naming none that says more than a remedy
    "本年度预算执行率98%。部分学员外出务工，培训人数少于计划。"])
def test_a_cause_naming_no_indicator_explains_every_shortfall(reason):
    assert _explained(reason) == [True, True, True, True]


@pytest.mark.parametrize(("reason", "explains"), [
    # 系 a cause as 因 is: the sentence explains the one it names (rt31 r7 d18)
    ("培训人次未达标系部分学员中途退出。", [False, True, False, False]),
    ("培训人次未达目标系部分乡镇学员农忙时节无法参训，下一步将合理安排培训时间。",
     [False, True, False, False]),
    ("学员满意度未达标主要系食堂改造。", [False, False, False, True]),
    # a shortfall named without any cause word, the rest only a remedy: that one alone
    ("学员满意度未达标，食堂改造未完工。下一步加快施工。", [False, False, False, True]),
    # the sentence before names it, the cause sentence names nothing of its own
    ("参训人员就业率未达标。原因是部分学员升学。", [False, False, True, False]),
    # 体系, 关系, 系统 are no cause
    ("学员满意度未达标，培训体系仍不完善。", [False, False, False, True])])
def test_a_cause_naming_an_indicator_explains_that_one(reason, explains):
    assert _explained(reason) == explains
