"""Round 17 of real shapes: correct tables as other offices write them, each read before
with a false finding or a misread figure (each test fails on 14d1cbc)."""

import pytest
from test_real_shapes import checked, codes
from test_real_shapes_round16 import CLOSING, HEAD, ROWS
from workbooks import grid_book

INDICATOR_HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                    "偏差原因分析及改进措施"]


def _table(path, money, rows=ROWS, closing=None):
    """HEAD's project rows, ``money`` for its money block, the indicators and closing rows."""
    closing = closing or [CLOSING[0][:1] + [None] * 4 + [100, 99.24], CLOSING[1]]
    return grid_book(path, [*HEAD[:4], *money, INDICATOR_HEADER, *map(list, rows), *closing])


@pytest.mark.parametrize("header", [
    ["项目资金（万元）", "项目总投资", "累计执行数", "年初预算数", "全年预算数", "全年执行数", "分值",
     "执行率", "得分"],
    ["项目资金（万元）", "项目总投资", "累计预算数", "累计执行数", "累计执行率", "全年预算数",
     "全年执行数", "分值", "执行率", "得分"],
])
def test_a_multi_year_projects_cumulative_columns_before_the_years(tmp_path, header):
    """A multi-year project's 累计 (over its years) columns left of the year's: the year's
    are A and B (before: 累计执行数 read as B — JX301 “应为 290%” —, or, with a 累计执行率
    typed as text, no money line at all)."""
    over_years = {"项目总投资": 500, "累计预算数": 300, "累计执行数": 290, "累计执行率": "96.67%"}
    year = {"年初预算数": 100, "全年预算数": 100, "全年执行数": 98, "分值": 10, "执行率": "98%",
            "得分": 9.8}
    line = ["年度资金总额", *(over_years.get(text, year.get(text)) for text in header[1:])]
    table, data = checked(_table(tmp_path / "t.xlsx", [header, line]))
    assert codes(data) == []
    assert (data["funds"]["budget"], data["funds"]["executed"]) == (100, 98)
    assert data["total_computed"] == 99.24
