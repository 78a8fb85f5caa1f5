"""A name quoted in a message is one line: a converter's line break inside a cell
(服务对象满意\n度指标, rt31 r7 p05_wrapped_l2 JX107) is not carried into the report."""

import pytest
from workbooks import PUTUO_1_ROWS, standard

from jixiao.checks import run_checks
from jixiao.checks.base import finding
from jixiao.model import evaluate
from jixiao.read.workbook import read_tables


@pytest.mark.parametrize(("message", "shown"), [
    ("“服务对象满意\n度指标”所在行", "“服务对象满意度指标”所在行"),
    ("“服务对象满意 \r\n 度指标”", "“服务对象满意度指标”"),
    ("“Service\nsatisfaction”", "“Service satisfaction”"),
    ("“满意度”得分 8", "“满意度”得分 8"),
])
def test_a_quoted_name_drops_its_line_breaks(message, shown):
    assert finding("JX107", None, message).message == shown


def test_a_wrapped_level2_is_quoted_on_one_line(tmp_path):
    rows = [*PUTUO_1_ROWS[:-1], (None, "服务对象满意\n度指标", *PUTUO_1_ROWS[-1][2:])]
    (table,) = read_tables(standard(tmp_path / "t.xlsx", rows=rows, merged=()))
    found = run_checks(table, evaluate(table), select=["JX107"])
    assert [f.message for f in found] == [
        "“服务对象满意度指标”所在行一级指标为空，按二级指标归入“满意度指标”（而非上方的“效益指标”）"]


ROWS_8 = [
    ("产出指标", "数量指标", "培训高素质农民人数", "≥1200人次", "1350人次", 10, 10, None),
    ("产出指标", "数量指标", "发放种粮补贴户数", "≥860户", "812户", 10, 9.44, "部分农户外出务工"),
    ("产出指标", "质量指标", "培训考核合格率", "≥95%", "97.2%", 10, 10, None),
    ("产出指标", "时效指标", "资金拨付及时率", "=100%", "100%", 10, 10, None),
    ("产出指标", "成本指标", "人均培训成本", "≤800元/人", "760元/人", 10, 10, None),
    ("效益指标", "社会效益指标", "带动农民就业人数", "≥300人", "285人", 15, 14.25, "市场行情"),
    ("效益指标", "可持续影响指标", "农技推广长效机制", "健全", "健全", 15, 15, None),
    ("满意度指标", "服务对象满意度指标", "参训农民满意度", "≥90%", "92.5%", 10, 10, None),
]


def test_a_subtotal_row_is_quoted_by_its_own_label(tmp_path):
    """rt34 r1 b5: a lone “合计 | … | 10 | 9” under the 满意度 row was quoted as “小计”."""
    rows = [*ROWS_8, ("合计", None, None, None, None, 10, 9, None)]
    (table,) = read_tables(standard(tmp_path / "t.xlsx", rows=rows, total=(100, 98.69)))
    found = run_checks(table, evaluate(table), select=["JX103"])
    assert [f.message for f in found] == ["小计行“合计”得分 9，所汇总的 1 项指标得分合计 10"]


def test_a_row_without_a_level3_name_is_named_alike_in_the_total_line(tmp_path):
    """rt34 r1 a3: 满意度指标 | 满意度指标 | (三级 blank), no 指标值 or 完成值: JX201/JX202
    name it “满意度指标”, the 总分 line said “”."""
    from jixiao.pipeline import check_workbook
    from jixiao.report.text import total_line

    rows = [*ROWS_8[:7], ("满意度指标", "满意度指标", None, None, None, 10, 10, None)]
    [checked] = check_workbook(standard(tmp_path / "t.xlsx", rows=rows, total=(100, 98.69))).tables
    assert "1 项得分规则无法计算：“满意度指标”，须人工核对" in total_line(checked)
    assert {f.message for f in checked.findings if f.code in ("JX201", "JX202")} == {
        "“满意度指标”未填写年度指标值", "“满意度指标”未填写实际完成值"}
