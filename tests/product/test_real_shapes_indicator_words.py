"""Red team round 14 (rt14-a): the indicator block as units word and fill it — other
headers for the 指标值 and the 完成值 (年度计划数 | 实际完成数, 全年实际完成), relative
targets against last year answered in words (不低于上年 → 低于上年), a target of just
`无` for an incident indicator answered `有`, and the 部门整体 framework's 一级 (运行成本 /
管理效率 / 履职效能 / 社会效应 / 服务对象满意度). Each right table gives no finding, each
planted mistake the finding a reviewer would write, at its cell."""

import pytest
from test_real_shapes import QUALITATIVE_MET, checked, codes, medical_insurance, rows_read

# ---------------------------------------------------------------- D8: header words


def _with_header(tmp_path, header, actual="2.3 万件", score=20, total=100):
    rows = [(*QUALITATIVE_MET[0][:4], actual, 20, score, None), *QUALITATIVE_MET[1:]]
    return checked(medical_insurance(tmp_path / "t.xlsx", rows, total, header=header))


VALUE_HEADERS = [("年度计划数", "实际完成数"), ("年度目标", "全年实际完成"), ("全年计划数", "全年实际完成数"),
                 ("计划数", "实际数"), ("年度指标值", "年度实际完成"), ("年度计划值", "实际完成量")]


def _header(target, actual):
    return ("一级指标", "二级指标", "三级指标", target, actual, "分值", "得分", "偏差原因分析及改进措施")


@pytest.mark.parametrize("words", VALUE_HEADERS, ids="|".join)
def test_other_words_for_the_target_and_the_actual_are_read(tmp_path, words):
    """年度计划数 is the 指标值, 实际完成数 / 全年实际完成 the 完成值 (before: JX208, nothing
    checked, no 总分 computed)."""
    table, data = _with_header(tmp_path, _header(*words))
    assert codes(data) == []
    assert rows_read(table)[0] == ("产出指标", "数量指标", "经办业务量", (">=", 2.0, "万件"),
                                   "2.3 万件", 20)
    assert data["total_computed"] == 100


@pytest.mark.parametrize("words", VALUE_HEADERS, ids="|".join)
def test_an_unmet_target_under_other_words_is_still_flagged(tmp_path, words):
    """1.8 万件 against ≥2 万件 at full marks: JX402 and JX404 at the row's 得分."""
    _, data = _with_header(tmp_path, _header(*words), actual="1.8 万件")
    assert codes(data) == ["JX402", "JX404"]
    assert {item["cell"] for item in data["findings"]} == {"H5"}
