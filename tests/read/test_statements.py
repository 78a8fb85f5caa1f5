"""The 总分 and the 评分等级 a sentence states (read/statements.py, rt25-f): what is read
from a 自评结论 or the 总分 row's one merged cell, and what is not."""

import pytest

from jixiao.read.statements import _results, stated_results


@pytest.mark.parametrize(("text", "total", "grade"), [
    ("自评得分98.00分    评价等级 优", 98.0, "优"),
    ("总分98分　等级优", 98.0, "优"),
    ("自评得分为92分，评价等级为良。", 92.0, "良"),
    ("经自评，该项目得分98分，评价等级为优秀。", 98.0, "优秀"),
    ("自评结论：经自评，该项目自评得分92分，自评等级为良。", 92.0, "良"),
    ("经自评，得分 95.5 分", 95.5, None),
    ("自评得分九十八分，等级为“优”", 98.0, "优"),
    ("项目总分100分，自评得分98分", 98.0, None),  # the scale, then the score
    ("自评总分100分，评价等级优", 100.0, "优"),
    ("经自评，该项目得分98分，其中满意度得分9分", 98.0, None),
    ("满意度得分9分，执行率得分9.5分", None, None),  # one topic's score, no total
    ("总分值100分", None, None),  # the scale
    ("评价结果为优", None, "优"),
    ("较上年等级提升，实施结果良好", None, None),  # a result of the work, no grade
    ("评价等级：A", None, None),  # a letter: not read (JX502 speaks of letters in a cell)
    ("项目完成情况良好，达到预期目标", None, None),
    (98, None, None)])
def test_stated_results(text, total, grade):
    assert stated_results(text) == (total, grade)


@pytest.mark.parametrize(("text", "decimals"), [
    ("经自评，该项目得分99分", 0), ("经自评，该项目得分99.0分", 1), ("自评得分99.05分", 2),
    ("自评得分九十九点一分", 1), ("自评得分九十九分", 0)])
def test_the_decimals_a_stated_total_is_written_with(text, decimals):
    """What a restated total may be rounded to (rules.rounded_alike): 99.0 is written
    with one decimal, so it is no rounding of 99.05 (99.1), though 99 is."""
    assert _results(text)[1] == decimals


@pytest.mark.parametrize(("text", "total", "grade"), [
    # zizhou's report: 自评得 then the number (rt27-r6 2)
    ("我单位2023年城乡居民就业技能培训项目绩效自评得 97 分，等级为“优”。", 97.0, "优"),
    ("综合评分98.93分，评价等级为良。", 98.93, "良"),
    ("经自评，本项目得分98.93分，属于“优”等级。", 98.93, "优"),
    ("项目自评得分96分，评定为良好等次", 96.0, "良好"),
    ("满意度指标方面共10分，得8.95分，主要是由于联网结算未实现", None, None),
    ("问卷评分90分以上的占95%", None, None)])  # not the project's: no 综合/自评 before 评分
def test_more_wordings_of_the_projects_results(text, total, grade):
    assert stated_results(text) == (total, grade)
