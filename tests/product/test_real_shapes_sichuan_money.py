"""A 四川 table (一级 | 二级 | 三级 | 指标性质 | 指标值 | 度量单位 | 权重 | 实际完成指标值, 权重
total 90, the 执行率's 10 points scored from the money) whose money is written along one
row, or is not in the workbook at all.

Before: the row 年度预算数（万元） | 总额 | 200 | | 执行数 | 190 | 执行率 | 95% was no money
(funds all null), and with no money found the 90 points were a wrong total — “JX101
分值合计为 90，应为 100”, 计算总分 90 without a grade — and no JX307 said the money was
missing."""

import pytest
from test_real_shapes import checked, codes
from workbooks import grid_book

HEAD = [["专项预算项目绩效目标完成情况自评表"], ["（2024年度）"],
        ["项目名称", "农村饮水安全巩固提升"],
        ["主管部门", "某某县水利局", None, None, "实施单位", "某某县水利局"]]
GOAL = ["年度总体目标", "完成20处供水工程改造", None, None, "实际完成情况", "完成20处"]
SICHUAN = [
    ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重", "实际完成指标值"],
    ["产出指标", "数量指标", "供水工程改造数量", "≥", 20, "处", 20, 20],
    [None, "质量指标", "工程验收合格率", "≥", 95, "%", 15, 98],
    [None, "时效指标", "工程完工时间", "≤", 12, "月", 10, 11],
    [None, "成本指标", "单处改造成本", "≤", 10, "万元", 5, 9.5],
    ["效益指标", "社会效益指标", "受益人口", "≥", 2, "万人", 15, 2.1],
    [None, "可持续影响指标", "工程运行年限", "≥", 15, "年", 15, 15],
    ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥", 90, "%", 10, 95],
]


def _sichuan(path, money, indicators=SICHUAN):
    return grid_book(path, [*HEAD, *money, GOAL, *indicators])


def _funds(data):
    funds = data["funds"]
    return funds["budget"], funds["executed"], funds["rate_declared"], funds["weight_source"]


def test_the_money_written_along_one_row_is_read(tmp_path):
    row = ["年度预算数（万元）", "总额", 200, None, "执行数", 190, "执行率", "95%"]
    _, data = checked(_sichuan(tmp_path / "t.xlsx", [row]))
    assert codes(data) == []
    assert _funds(data) == (200, 190, 95, "rules")
    assert (data["total_computed"], data["grade_computed"]) == (99.5, "优")


def test_the_amounts_on_that_row_typed_as_text_are_read(tmp_path):
    """“1,200.00” and “1200.00” typed as text are amounts here as in every other money
    block (before: no money, JX307 and no total)."""
    for budget, executed in (("1,200.00", "1,140.00"), ("1200.00", "1140.00")):
        row = ["年度预算数（万元）", "总额", budget, None, "执行数", executed, "执行率", "95%"]
        _, data = checked(_sichuan(tmp_path / "t.xlsx", [row]))
        assert codes(data) == [], budget
        assert _funds(data) == (1200, 1140, 95, "rules"), budget
        assert (data["total_computed"], data["grade_computed"]) == (99.5, "优"), budget


def test_a_part_typed_as_text_beside_the_budget_label_is_still_no_budget(tmp_path):
    row = ["年度预算数（万元）", "其中：财政资金", "180.00", None, "执行数", "170.00"]
    _, data = checked(_sichuan(tmp_path / "t.xlsx", [row]))
    assert _funds(data)[:2] == (None, None)
    assert codes(data) == ["JX307"]


def test_the_rate_on_that_row_is_checked_at_its_cell(tmp_path):
    row = ["年度预算数（万元）", "总额", 200, None, "执行数", 190, "执行率", "90%"]
    _, data = checked(_sichuan(tmp_path / "t.xlsx", [row]))
    assert [(item["code"], item["cell"]) for item in data["findings"]] == [("JX301", "H5")]


def test_a_part_named_beside_the_budget_label_is_no_budget(tmp_path):
    """年度预算数 | 其中：财政资金 | 180: a part's amount, not A — no money is read from it
    (nor the 执行数 from another row), and the money counts as missing."""
    row = ["年度预算数（万元）", "其中：财政资金", 180, None, "执行数", 170]
    _, data = checked(_sichuan(tmp_path / "t.xlsx", [row, [None, "总额", 200]]))
    assert _funds(data)[:2] == (None, None)
    assert codes(data) == ["JX307"]


def test_the_pairs_and_the_header_forms_still_score_99_5(tmp_path):
    pairs = [["预算执行情况（万元）", "预算数：", 200, None, "执行数：", 190],
             [None, "其中：财政资金", 200, None, "其中：财政资金", 190],
             [None, "其他资金", 0, None, "其他资金", 0]]
    header = [["项目资金（万元）", "年度资金总额", "调整后预算数", "全年执行数", "执行率"],
              [None, "预算资金", 200, 190, "95%"]]
    for name, money in (("pairs", pairs), ("header", header)):
        _, data = checked(_sichuan(tmp_path / f"{name}.xlsx", money))
        assert codes(data) == [], name
        assert _funds(data)[:2] == (200, 190), name
        assert (data["total_computed"], data["grade_computed"]) == (99.5, "优"), name


def test_a_sichuan_table_without_money_says_the_money_is_missing_not_the_points(tmp_path):
    _, data = checked(_sichuan(tmp_path / "t.xlsx", []))
    assert [(item["code"], item["cell"], item["message"]) for item in data["findings"]] == [
        ("JX307", "C6", "执行率得分（分值 10）无法计算：表中找不到资金数（全年预算数、全年执行数）；"
                        "总分无法算出")]
    assert (data["weight_total"], data["total_computed"], data["grade_computed"]) \
        == (100, None, None)


def test_a_sichuan_table_short_of_90_points_without_money_is_still_wrong(tmp_path):
    indicators = [*SICHUAN[:-2], [*SICHUAN[-1][:6], 10, SICHUAN[-1][7]]]  # 可持续 15 left out
    _, data = checked(_sichuan(tmp_path / "t.xlsx", [], indicators))
    found = {item["code"]: (item["cell"], item["message"]) for item in data["findings"]}
    assert found["JX101"] == ("G6", "分值合计为 85（各指标 75 + 执行率 10，表中未列执行率分值，"
                                     "按四川省规则计 10 分），应为 100")


def test_a_standard_table_of_90_points_without_money_is_a_wrong_total(tmp_path):
    rows = [["项目名称", "农村饮水安全巩固提升"],
            ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
            ["产出指标", "数量指标", "供水工程改造数量", "≥20处", "20处", 50, 50],
            ["效益指标", "社会效益指标", "受益人口", "≥2万人", "2.1万人", 30, 30],
            ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "95%", 10, 10]]
    _, data = checked(grid_book(tmp_path / "t.xlsx", rows))
    assert [(item["code"], item["cell"], item["message"]) for item in data["findings"]] == [
        ("JX101", "F2", "分值合计为 90，应为 100")]


@pytest.mark.parametrize("label", ["年度资金总额（万元）", "年度资金总额", "资金总额（万元）"])
def test_the_years_total_funds_along_one_row_are_the_budget(tmp_path, label):
    """年度资金总额（万元） | 200 | 全年执行数（万元） | 190 | 执行率 | 95% (rt25-h 1): the
    资金总额 is the budget side of the 执行率, as 全年预算数 on the same row is — 95 % →
    9.5 points, total 99.5 (before: only the 200 read, “JX307 全年预算数或全年执行数为空”
    at A5's neighbour and no total); a wrong 执行率 is found at its cell."""
    row = [label, 200, "全年执行数（万元）", 190, "执行率", "95%"]
    _, data = checked(_sichuan(tmp_path / "t.xlsx", [row]))
    assert codes(data) == []
    assert _funds(data) == (200, 190, 95, "rules")
    assert (data["total_computed"], data["grade_computed"]) == (99.5, "优")
    _, data = checked(_sichuan(tmp_path / "wrong.xlsx", [[*row[:5], "90%"]]))
    assert [(item["code"], item["cell"], item["message"]) for item in data["findings"]] == [
        ("JX301", "F5", "“年度资金总额”执行率写为 90%，按 全年执行数 190 ÷ 全年预算数 200 应为 95%")]


def test_a_money_header_naming_the_total_for_the_budget_is_read(tmp_path):
    """项目资金（万元） | 年度资金总额 | 全年执行数 | 执行率 over 200 | 190 | 95%: the same
    reading in a money header (before: no money block, JX307 and no total)."""
    money = [["项目资金（万元）", "年度资金总额", "全年执行数", "执行率"], [None, 200, 190, "95%"]]
    _, data = checked(_sichuan(tmp_path / "t.xlsx", money))
    assert codes(data) == []
    assert _funds(data) == (200, 190, 95, "rules")
    assert data["total_computed"] == 99.5


def test_beside_the_budgets_own_column_the_total_is_not_the_budget(tmp_path):
    """年度资金总额 | 调整后预算数 | 全年执行数 (四川 专项): the 调整后预算数 stays A, and
    the findings name it — 220 (the year's total) is not."""
    money = [["项目资金（万元）", None, "年度资金总额", "调整后预算数", "全年执行数", "执行率"],
             [None, "预算资金", 220, 200, 190, "90%"]]
    _, data = checked(_sichuan(tmp_path / "t.xlsx", money))
    assert _funds(data)[:2] == (200, 190)
    assert [(item["code"], item["cell"], item["message"]) for item in data["findings"]] == [
        ("JX301", "F6", "“预算资金”执行率写为 90%，按 全年执行数 190 ÷ 调整后预算数 200 应为 95%")]
