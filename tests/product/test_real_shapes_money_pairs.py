"""The money written as label | value pairs above the indicator header, in one line
(全年预算数（万元） | 100 | 全年执行数（万元） | 95 | 执行率 | 95% | 分值 | 10 | 得分 | 9.5), as
simplified forms and hand-made tables write it, or down one column with the 分值 and
得分 on rows of their own; and the sign column of a 指标值 written
in parts named 运算符 or 比较符.

Before: the pairs' line was read as the first line of a header wrapped over two rows
(its 得分 the indicators' 得分 column): no money, and JX406 “未填写得分” on every
indicator of a correct table; the 执行率, 分值 and 得分 of pairs were never read. A sign
column headed 运算符 was no column: “≥” dropped, 100人 read as “=100”."""

from test_real_shapes import checked, codes
from workbooks import grid_book

INDICATORS = [
    ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分", "偏差原因"],
    ["产出指标", "数量指标", "培训人数", "≥100人", "120人", 30, 30, None],
    ["产出指标", "质量指标", "合格率", "≥95%", "90%", 20, 18.95, "抽检不合格批次整改中"],
    ["效益指标", "社会效益指标", "培训效果", "良好", "良好", 30, 30, None],
    ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "92%", 10, 10, None],
    ["总分", None, None, None, None, 100, 98.45],
    ["评价等级", "优"],
]


def _pairs(path, pairs):
    return grid_book(path, [["项目名称", "农村实用技术培训"], pairs, *INDICATORS])


def test_a_line_of_pairs_is_the_money_and_the_header_below_it_is_read(tmp_path):
    pairs = ["全年预算数（万元）", 100, "全年执行数（万元）", 95, "执行率", "95%", "分值", 10, "得分", 9.5]
    table, data = checked(_pairs(tmp_path / "t.xlsx", pairs))
    assert codes(data) == []
    funds = data["funds"]
    assert (funds["budget"], funds["executed"], funds["rate_declared"]) == (100, 95, 95)
    assert (funds["weight"], funds["score_declared"]) == (10, 9.5)
    assert [item["score_declared"] for item in data["indicators"]] == [30, 18.95, 30, 10]
    assert data["total_computed"] == 98.45 and data["grade_computed"] == "优"


def test_a_wrong_rate_and_score_in_the_pairs_are_found_at_their_cells(tmp_path):
    pairs = ["全年预算数（万元）", 100, "全年执行数（万元）", 95, "执行率", "90%", "分值", 10, "得分", 8]
    _, data = checked(_pairs(tmp_path / "t.xlsx", pairs))
    found = {item["code"]: item["cell"] for item in data["findings"]}
    assert found["JX301"] == "F2"  # the 90% right of 执行率
    assert found["JX302"] == "J2"  # the 8 right of 得分


def test_pairs_without_points_take_the_rules_ten(tmp_path):
    _, data = checked(_pairs(tmp_path / "t.xlsx", ["预算数", 100, "执行数", 95, "执行率", 0.95]))
    assert codes(data) == []
    assert (data["funds"]["rate_declared"], data["funds"]["weight"]) == (95, 10)
    assert data["funds"]["weight_source"] == "rules"


def test_a_sign_column_named_operator_gives_the_sign(tmp_path):
    for header in ("运算符", "比较符"):
        rows = [["项目名称", "农村实用技术培训"],
                ["项目资金（万元）", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
                ["年度资金总额", 100, 95, 10, "95%", 9.5],
                ["一级指标", "二级指标", "三级指标", header, "指标值", "度量单位", "分值",
                 "实际完成值", "得分", "偏差原因"],
                ["产出指标", "数量指标", "培训人数", "≥", 100, "人", 30, 80, 24, "报名不足"],
                ["产出指标", "时效指标", "培训完成时间", "≤", 3, "天", 20, 4, 13.33, "天气原因"],
                ["效益指标", "社会效益指标", "培训效果", "定性", "良好", None, 30, "良好", 30, None],
                ["满意度指标", "服务对象满意度指标", "学员满意度", "≥", 90, "%", 10, 92, 10, None],
                ["总分", None, None, None, None, None, 100, None, 86.83]]
        _, data = checked(grid_book(tmp_path / f"{header}.xlsx", rows))
        assert [item["target"] for item in data["indicators"]][:2] == ["≥100人", "≤3天"], header
        assert codes(data) == [], header


def test_points_and_score_on_rows_of_their_own_under_the_money_rows(tmp_path):
    """全年预算数 | 100 / 全年执行数 | 95 / 预算执行率 | 95% / 分值 | 10 / 得分 | 8 down one
    column: the 分值 and 得分 are the 执行率's (before: not read, the 8 never questioned)."""
    rows = [["项目名称", "农村实用技术培训"], ["全年预算数（万元）", 100], ["全年执行数（万元）", 95],
            ["预算执行率", "95%"], ["分值", 10], ["得分", 8], *INDICATORS]
    _, data = checked(grid_book(tmp_path / "t.xlsx", rows))
    assert (data["funds"]["weight"], data["funds"]["weight_source"]) == (10, "money")
    assert data["funds"]["score_declared"] == 8
    assert {item["code"]: item["cell"] for item in data["findings"]}["JX302"] == "B6"


def test_amounts_in_yuan_said_by_a_unit_line_above_the_money_header(tmp_path):
    """“金额单位：元” on a line of the form's head, above the project's rows (not in the money
    header): the amounts are 元, reported in 万元 like every other table's (before: 1,000,000
    reported as 1,000,000 万元). A “金额单位：万元” line keeps them as written."""
    money = [["项目资金", None, "全年预算数", "全年执行数", "分值", "执行率", "得分"],
             ["年度资金总额", None, 1000000, 950000, 10, "95%", 9.5]]
    for unit, budget in (("金额单位：元", 100), ("金额单位：万元", 1000000)):
        rows = [["项目支出绩效自评表"], [None, None, None, None, None, None, unit],
                ["项目名称", "农村实用技术培训"], ["主管部门", "农业农村局", None, None, "实施单位", "农技中心"],
                *money, *INDICATORS]
        _, data = checked(grid_book(tmp_path / f"{budget}.xlsx", rows))
        assert (data["funds"]["budget"], data["funds"]["rate"]) == (budget, 95), unit
        assert codes(data) == [], unit
