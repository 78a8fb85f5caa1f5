"""年初指标值 | 调整后指标值 (全年指标值) | 实际完成值: the year's target is the adjusted one,
as 全年预算数 is the money's, and the 年初 one where a row was not adjusted (blank).
Before, the first column was taken: a row met against its adjusted ≥90% was a false
JX402 "未达到指标值（≥99%）却得满分" with a false JX404."""

from __future__ import annotations

import pytest
from test_real_shapes import checked, codes
from workbooks import PUTUO_1_ROWS, standard

HEADER = ("一级指标", "二级指标", "三级指标", "年初指标值", "{adjusted}", "实际完成值", "分值", "得分",
          "偏差原因分析及改进措施")


def _rows(initial, adjusted, actual="95%", score=10):
    rows = [(*row[:3], row[3], None, *row[4:]) for row in PUTUO_1_ROWS]
    rows[4] = (*PUTUO_1_ROWS[4][:3], initial, adjusted, actual, 10, score, None)
    return rows


@pytest.mark.parametrize("adjusted", ["调整后指标值", "全年指标值", "调整指标值"])
def test_the_adjusted_target_is_the_years(tmp_path, adjusted):
    header = tuple(text.format(adjusted=adjusted) for text in HEADER)
    table, data = checked(standard(tmp_path / "t.xlsx", rows=_rows("≥99%", "≥90%"), header=header))
    assert codes(data) == []
    assert table.indicators[4].target == "≥90%"


def test_a_row_not_adjusted_keeps_its_initial_target(tmp_path):
    header = tuple(text.format(adjusted="调整后指标值") for text in HEADER)
    table, data = checked(standard(tmp_path / "t.xlsx", rows=_rows("≥99%", None), header=header))
    assert table.indicators[0].target == PUTUO_1_ROWS[0][3]  # the 年初 one: blank adjusted
    assert "JX402" in codes(data)  # 95% < ≥99% at full marks: still found
