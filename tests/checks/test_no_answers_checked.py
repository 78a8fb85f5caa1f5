"""rt35 (RT6 of rt34): 否 as the 完成值 of 资金拨付及时性 | 及时 with the full 20 was JX410
“无法判断完成值“否”是否达成” and the 20 counted as written. A bare no beside a 定性 指标值
asking for something is 未达成 (tests/core/test_no_answers.py): full marks are JX402, the
score by the rules is in the 未达成 band (JX408), and the add-in's JX_ functions say the
same. Beside 零事故 it says none happened: 达成, nothing to report."""

from __future__ import annotations

import pytest

from jixiao import cellfuncs
from jixiao.pipeline import check_workbook
from tests.workbooks import PUTUO_1_ROWS, standard


def _findings(tmp_path, target, actual, score):
    rows = list(PUTUO_1_ROWS)
    rows[2] = ("产出指标", "时效指标", "资金拨付及时性", target, actual, 20, score, None)
    result = check_workbook(standard(tmp_path / "t.xlsx", rows=rows, total=(100, 79.98 + score)))
    return [(f.code, f.message) for f in result.findings]


@pytest.mark.parametrize("actual", ["否", "没有"])
@pytest.mark.parametrize("target", ["及时", "按期完成", "合格", "达到国家标准"])
def test_no_with_full_marks_is_a_score_the_rules_would_not_give(tmp_path, target, actual):
    found = _findings(tmp_path, target, actual, 20)
    codes = [code for code, _ in found]
    assert "JX410" not in codes
    assert "JX402" in codes and "JX408" in codes
    assert f"“资金拨付及时性”未达成（指标值 {target}，完成值 {actual}），得分应在 0–12 之间，填写为 20" \
        in dict(found)["JX408"]


def test_no_scored_in_the_band_stands(tmp_path):
    codes = [code for code, _ in _findings(tmp_path, "及时", "否", 10)]
    assert not {"JX402", "JX408", "JX410"} & set(codes)


@pytest.mark.parametrize("target", ["零事故", "无重大安全事故"])
def test_no_beside_a_target_of_none_is_met(tmp_path, target):
    assert _findings(tmp_path, target, "否", 20) == []


def test_the_add_in_functions_read_it_alike():
    assert cellfuncs.met("及时", "否", "时效指标") == "否"
    assert cellfuncs.met("零事故", "否", "质量指标") == "是"
    assert cellfuncs.met("≥95%", "否", "质量指标") == "未知"  # a number target: no number
    assert cellfuncs.score("及时", "否", 20.0, None, 10, "时效指标") == 10.0
    assert cellfuncs.score("零事故", "否", 20.0, None, None, "质量指标") == 20.0
