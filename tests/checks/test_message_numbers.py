"""rt30 r7 p6f/p6e: numbers in messages are written out, never in scientific notation
(before: “各明细合计 1.40735e+07”, six significant digits, the cents lost)."""

import pytest
from workbooks import grid_book

from jixiao.checks.base import points, points_below
from jixiao.pipeline import check_workbook


@pytest.mark.parametrize(("value", "shown"), [
    (14073456.78, "14,073,456.78"), (1418000.0, "1,418,000"), (1.5e6, "1,500,000"),
    (123456.785, "123,456.79"),  # half up to 2 decimals, as scores
    (16500.0, "16,500"), (10000.0, "10,000"),
    (1286.4, "1286.4"), (9999.99, "9999.99"),  # four digits: no separator, as before
    (0.5, "0.5"), (8.947, "8.95"), (99.8, "99.8"), (7.0, "7"), (0.0, "0"), (None, "—"),
    (-12345.6, "-12,345.6"),
])
def test_a_number_in_a_message_is_written_out(value, shown):
    assert points(value) == shown


def test_points_below_keeps_its_decimals_on_a_large_number():
    """89.996 under 90 keeps its third decimal; a grouped number compares as a number."""
    assert points_below(89.996, 90) == "89.996"
    assert points_below(12345.678, 20000) == "12,345.68"


def _in_yuan_without_unit(path):
    """p6f: 元 amounts under a money label that names no unit (read as they stand)."""
    money = [["项目资金", None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
             [None, "年度资金总额", "15,000,000.00", "14,800,000.00", "14,063,456.78", "10",
              "95.02%", "9.50"],
             [None, "其中：当年财政拨款", "13,500,000.00", "13,300,000.00", "12,655,456.78", "—",
              "95.15%", "—"],
             [None, "上年结转资金", "1,500,000.00", "1,500,000.00", "1,418,000.00", "—",
              "93.87%", "—"],
             [None, "其他资金", "0.00", "0.00", "0.00", "—", "—", "—"]]
    rows = [["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
            ["产出指标", "数量指标", "新建集中供水工程", "≥12处", "12处", "50", "50"],
            ["效益指标", "社会效益指标", "受益人口", "≥25000人", "25000人", "30", "30"],
            ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "93%", "10", "10"],
            ["总分", None, None, None, None, "100", "99.5"], ["评分等级", "优"]]
    grid = [["项目支出绩效自评表"], ["（2024年度）"], ["项目名称", "农村饮水安全巩固提升工程"],
            *money, *rows]
    return grid_book(path, grid)


def test_amounts_in_yuan_are_written_out_in_the_money_messages(tmp_path):
    [result] = [check_workbook(_in_yuan_without_unit(tmp_path / "t.xlsx"))]
    found = [(f.code, f.message) for checked in result.tables for f in checked.findings]
    # 1,418,000 ÷ 1,500,000 = 94.53 %; 12,655,456.78 + 1,418,000 + 0 = 14,073,456.78
    assert found == [
        ("JX301", "“上年结转资金”执行率写为 93.87%，按 全年执行数 1,418,000 ÷ 全年预算数 "
                  "1,500,000 应为 94.53%"),
        ("JX304", "全年执行数：各明细合计 14,073,456.78（当年财政拨款 12,655,456.78 + "
                  "上年结转资金 1,418,000 + 其他资金 0），年度资金总额为 14,063,456.78")]
