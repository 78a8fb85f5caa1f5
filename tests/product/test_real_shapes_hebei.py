"""河北's budget system form 预算项目绩效自评表 (成安县民政局 2020, 19名百岁老人高龄津贴; red
team rt8-b t05 / D4; no other published table of the form was found, so the tables
here vary its rows, units and 预算执行率 row, merged as printed and unmerged as a
conversion leaves it):

    一、基本情况  项目名称: | … | 是否为专项资金: | | 实施(主管)单位 | … | 金额单位: | 万元
    二、预算执行情况  预算安排情况(调整后) | | 资金到位情况 | | 资金执行情况 | | 预算执行进度(%)
                     预算数 | 6.84 | 到位数 | 6.84 | 执行数 | 6.84 | 100
                     其中:财政资金 | 6.84 | 其中:财政资金 | 6.84 | 其中:财政资金 | 6.84
                     其他 | 0 | 其他 | 0 | 其他 | 0
    三、目标完成情况  年度预期目标 | | | 具体完成情况 | | | 总体完成率(%)
    四、年度绩效指标完成情况
        一级指标 | 二级指标 | 三级指标 | 指标分值 | 预期指标值 (3 columns) | 单项指标实际完成值 |
        单项指标完成情况 | 自评得分 (3 columns)
                                           符号 | 单位(文字描述) |       单项指标得分 | 权重占比(%) |
                                                                        单项指标折算得分

The column under 指标分值 holds what each indicator means (a text), the 指标值 is
符号 | value | unit (`>=` | 98 | `%(百分比)`), the weight is 权重占比 and the score that
counts 折算得分 = 单项指标得分 × 权重占比 / 100. The published table typed the weight as
the 单项指标得分 (25 × 25 % = 6.25): a real mistake, shown as met targets scored low."""

import pytest
from test_real_shapes import checked, codes
from workbooks import grid_book

# (一级, 二级, 三级, 指标解释, 符号, 值, 单位, 实际完成值, 完成情况, 单项得分, 权重, 折算得分)
PUBLISHED = [
    ("产出指标", "质量指标", "符合条件申报对象覆盖率", "享受补贴政策人数占符合条件申报对象总数的比例",
     ">=", 98, "%(百分比)", "100%", "完成", 25, 25, 6.25),
    (None, "时效指标", "完成率", "按照要求每月及时完成符合条件对象审批的比例(百分比)",
     ">=", 99, "%(百分比)", "100%", "完成", 25, 25, 6.25),
    ("效果指标", "社会效益指标", "补贴发放率", "高龄补贴发放完成率",
     ">=", 75, "%(百分比)", "100%", "完成", 30, 30, 9),
    ("满意度指标", "服务对象满意度指标", "服务对象满意度", "享受高龄津贴的对象对老龄工作的满意程度",
     ">=", 95, "%(百分比)", "100%", "完成", 10, 10, 1),
]
# filled as the form means: each met target 100 of 100, 折算得分 its whole weight
FILLED = [(*row[:9], 100, row[10], row[10]) for row in PUBLISHED]
# another project of the form: counts, people and a cost ceiling in 万元
COUNTED = [
    ("产出指标", "数量指标", "慰问困难群众户数", "春节、中秋慰问困难群众的户数",
     ">=", 120, "户", "126户", "完成", 100, 20, 20),
    (None, "质量指标", "慰问金发放准确率", "慰问金足额准确发放到户的比例",
     "=", 100, "%(百分比)", "100%", "完成", 100, 20, 20),
    (None, "成本指标", "慰问金总额", "全年慰问金支出总额",
     "<=", 12, "万元", "11.8万元", "完成", 100, 10, 10),
    ("效果指标", "社会效益指标", "受益困难群众人数", "慰问惠及的困难群众人数",
     ">=", 300, "人", "315人", "完成", 100, 30, 30),
    ("满意度指标", "服务对象满意度指标", "受慰问群众满意度", "受慰问群众对慰问工作的满意程度",
     ">=", 90, "%(百分比)", "96%", "完成", 100, 10, 10),
]
MONEY = (6.84, 6.84, 6.84, 100)  # 预算数, 到位数, 执行数, 预算执行进度(%)


PUBLISHED_PARTS = ("符号", "单位(文字描述)", None)  # the value's column unnamed, as published
NAMED_PARTS = ("符号", "值", "单位(文字描述)")  # each part named over its column


def hebei(path, rows=FILLED, money=MONEY, execution=("预算执行率", "预算执行率"), merged=True,
          parts=PUBLISHED_PARTS):
    """The 成安 form with ``rows`` and ``money``; ``execution``: the 预算执行率 row at the end
    (一级, 二级, then its 单项指标得分, 权重占比, 折算得分 if it carries points); ``parts``:
    the headers under 预期指标值."""
    budget, arrived, executed, rate = money
    lines = [
        ["成安县民政局2020年度预算项目绩效自评表"],
        ["一、基本情况", "项目名称:", "19名百岁老人高龄津贴", None, "是否为专项资金:", None,
         "实施(主管)单位", "314002-成安县民政局机关", None, "金额单位:", "万元"],
        ["二、预算执行情况", "预算安排情况(调整后)", None, "资金到位情况", None, "资金执行情况",
         None, "预算执行进度(%)"],
        [None, "预算数", budget, "到位数", arrived, "执行数", executed, rate],
        [None, "其中:财政资金", budget, "其中:财政资金", arrived, "其中:财政资金", executed],
        [None, "其他", 0, "其他", 0, "其他", 0],
        ["三、目标完成情况", "年度预期目标", None, None, "具体完成情况", None, None, "总体完成率(%)"],
        [None, "为我县百岁高龄老年人发放补贴,使老年人得到更好的照顾。", None, None,
         "为我县百岁高龄老年人发放补贴,使老年人得到更好的照顾。", None, None, 100],
        [None, "为全县共享改革开放成果,促进社会稳定文明和谐", None, None,
         "为全县共享改革开放成果,促进社会稳定文明和谐"],
        ["四、年度绩效指标完成情况", "一级指标", "二级指标", "三级指标", "指标分值", "预期指标值",
         None, None, "单项指标实际完成值", "单项指标完成情况", "自评得分"],
        [None, None, None, None, None, *parts, None, None, "单项指标得分", "权重占比(%)",
         "单项指标折算得分"],
        *([None, *row] for row in rows),
    ]
    if execution is not None:
        level1, level2, *points = execution
        lines.append([None, level1, level2, *([None] * 7), *points])
    last = len(lines)
    merges = [(1, 1, 0, 12), (3, 1, 3, 0), (7, 1, 2, 0), (10, 1, last - 10, 0), (10, 2, 1, 0),
              (10, 3, 1, 0), (10, 4, 1, 0), (10, 5, 1, 0), (10, 6, 0, 2), (10, 9, 1, 0),
              (10, 10, 1, 0), (10, 11, 0, 2)] if merged else []
    return grid_book(path, lines, merges=merges)


def _findings(data, code):
    return [(item["cell"], item["message"]) for item in data["findings"] if item["code"] == code]


# ---------------------------------------------------------------- read as the form means

@pytest.mark.parametrize("merged", [True, False])
def test_a_filled_hebei_table_has_no_false_finding_and_is_scored(tmp_path, merged):
    table, data = checked(hebei(tmp_path / "t.xlsx", merged=merged))
    assert codes(data) == []
    assert [(i.name, i.weight, i.score_declared) for i in table.indicators] == [
        ("符合条件申报对象覆盖率", 25, 25), ("完成率", 25, 25), ("补贴发放率", 30, 30),
        ("服务对象满意度", 10, 10)]
    assert data["total_computed"] == 100
    assert data["grade_computed"] == "优"


@pytest.mark.parametrize("parts", [PUBLISHED_PARTS, NAMED_PARTS])
@pytest.mark.parametrize("merged", [True, False])
def test_the_sign_value_and_unit_columns_make_one_target(tmp_path, parts, merged):
    table, _ = checked(hebei(tmp_path / "t.xlsx", rows=COUNTED, parts=parts, merged=merged))
    read = [(i.nature, i.target, i.unit) for i in table.indicators]
    assert read == [(">=", 120, "户"), ("=", 100, "%(百分比)"), ("<=", 12, "万元"),
                    (">=", 300, "人"), (">=", 90, "%(百分比)")]


def test_counts_people_and_a_cost_ceiling_read_right(tmp_path):
    table, data = checked(hebei(tmp_path / "t.xlsx", rows=COUNTED))
    assert codes(data) == []
    assert data["total_computed"] == 100


def test_the_money_pairs_are_budget_executed_and_rate(tmp_path):
    table, _ = checked(hebei(tmp_path / "t.xlsx"))
    total = table.funds.total
    assert (total.budget, total.executed, total.rate_declared) == (6.84, 6.84, 100)
    assert [(part.label, part.budget, part.executed) for part in table.funds.parts] == [
        ("财政资金", 6.84, 6.84), ("其他", 0, 0)]
    assert table.funds.weight == 10  # the indicators' 90 and the rule set's 10


def test_the_explanation_under_the_points_header_is_no_points(tmp_path):
    _, data = checked(hebei(tmp_path / "t.xlsx"))
    assert not _findings(data, "JX106")
    assert not _findings(data, "JX203")


def test_the_execution_row_at_the_end_is_no_indicator(tmp_path):
    table, _ = checked(hebei(tmp_path / "t.xlsx"))
    assert [i.level1 for i in table.indicators] == ["产出指标", "产出指标", "效果指标", "满意度指标"]
    assert table.execution_row is None


def test_an_execution_row_with_its_own_points_is_the_money_s(tmp_path):
    table, data = checked(hebei(tmp_path / "t.xlsx",
                                execution=("预算执行率", "预算执行率", 100, 10, 10)))
    assert codes(data) == []
    assert table.execution_row is not None
    assert (table.funds.weight, table.funds.score_declared) == (10, 10)
    assert data["total_computed"] == 100


# ---------------------------------------------------------------- real mistakes still shown

def test_the_published_weight_typed_as_the_score_shows_as_met_targets_scored_low(tmp_path):
    table, data = checked(hebei(tmp_path / "t.xlsx", rows=PUBLISHED))
    assert [i.score_declared for i in table.indicators] == [6.25, 6.25, 9, 1]
    assert [i.weight for i in table.indicators] == [25, 25, 30, 10]
    low = _findings(data, "JX403")
    assert [cell for cell, _ in low] == ["M12", "M13", "M14", "M15"]
    assert "得分 6.25 却低于分值 25" in low[0][1]
    assert not {"JX106", "JX203", "JX101"} & set(codes(data))


def test_a_wrong_rescaled_score_is_flagged(tmp_path):
    rows = [*FILLED[:2], (*FILLED[2][:11], 20), FILLED[3]]  # met, yet 20 of 30
    _, data = checked(hebei(tmp_path / "t.xlsx", rows=rows))
    assert [cell for cell, _ in _findings(data, "JX403")] == ["M14"]


def test_an_unmet_target_with_full_marks_is_flagged(tmp_path):
    rows = [*COUNTED[:3], (*COUNTED[3][:7], "250人", "未完成", 100, 30, 30), COUNTED[4]]
    _, data = checked(hebei(tmp_path / "t.xlsx", rows=rows))
    assert "JX402" in codes(data) and "JX404" not in codes(data)  # JX402 names the rule's score
    assert [cell for cell, _ in _findings(data, "JX402")] == ["M15"]


def test_a_wrong_written_rate_is_flagged(tmp_path):
    _, data = checked(hebei(tmp_path / "t.xlsx", money=(6.84, 6.84, 6.84, 90)))
    assert [cell for cell, _ in _findings(data, "JX301")] == ["H4"]


def test_a_low_execution_is_scored_below_its_points(tmp_path):
    _, data = checked(hebei(tmp_path / "t.xlsx", money=(6.84, 6.84, 5.13, 75)))
    assert data["total_computed"] == 97.5  # 90 + 10 × 75 %
    assert "JX306" in codes(data)  # below 90 % without a reason


def test_the_implementing_and_supervising_unit_in_one_label_is_the_unit(tmp_path):
    _, data = checked(hebei(tmp_path / "t.xlsx"))
    assert data["project"]["unit"] == "314002-成安县民政局机关"


def test_the_goal_block_is_the_year_s_goal_not_indicators(tmp_path):
    table, _ = checked(hebei(tmp_path / "t.xlsx"))
    assert table.project.goal_expected == "为我县百岁高龄老年人发放补贴,使老年人得到更好的照顾。"
    assert table.project.goal_actual == table.project.goal_expected
    assert "为全县共享改革开放成果" not in " ".join(i.name or "" for i in table.indicators)


def test_weights_short_of_90_are_flagged(tmp_path):
    rows = [*FILLED[:2], (*FILLED[2][:10], 20, 20), FILLED[3]]  # 25 + 25 + 20 + 10 = 80
    _, data = checked(hebei(tmp_path / "t.xlsx", rows=rows))
    [(_, message)] = _findings(data, "JX101")
    assert message.startswith("分值合计为 90（各指标 80 + 执行率 10")


def test_short_explanations_under_the_points_header_are_no_points_either(tmp_path):
    rows = [(*row[:3], row[2][:4], *row[4:]) for row in FILLED]  # 符合条件, 完成率 …
    table, data = checked(hebei(tmp_path / "t.xlsx", rows=rows))
    assert codes(data) == []
    assert [i.weight for i in table.indicators] == [25, 25, 30, 10]
