"""Round 19, second part (red teams rt19e, rt19b): a 部门整体 form's task list above its
money block, a survey's sample size beside its percent, an .ods without saved results and
a document's notes (each test fails on ee306c2)."""

import pytest
from test_real_shapes import checked, codes
from workbooks import grid_book, standard

_DEPT_INDICATORS = [
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
     "偏差原因分析及改进措施"],
    [None, "产出指标", "数量指标", "基本公共卫生服务项目数", "≥12类", "12类", 15, 15],
    [None, None, None, "国家免疫规划疫苗接种率", "≥90%", "96%", 15, 15],
    [None, None, "质量指标", "家庭医生重点人群签约率", "≥60%", "65%", 10, 10],
    [None, None, "时效指标", "资金拨付及时率", "100%", "100%", 10, 10],
    [None, "效益指标", "社会效益指标", "居民健康素养水平", "≥25%", "27.5%", 30, 30],
    [None, "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "93%", 10, 10],
]


def _dept_with_tasks(path, task_columns, score=9.6):
    """A 部门整体 form listing its 年度主要任务 (600 / 590, 300 / 294, 150 / 150 under
    ``task_columns``) above its money block: 1350 / 1296, 分值 10, 执行率 96 %."""
    tasks = [["年度主要任务", None, "任务名称", None, "主要内容", None, *task_columns, "完成情况"]]
    for name, what, budget, executed in [
            ("基本公共卫生服务项目", "为辖区居民提供12类基本公共卫生服务", 600, 590),
            ("免疫规划项目", "完成国家免疫规划疫苗接种", 300, 294),
            ("家庭医生签约服务", "重点人群家庭医生签约", 150, 150)]:
        tasks.append([None, None, name, None, what, None, budget, executed, "已完成"])
    return grid_book(path, [
        ["部门整体支出绩效自评表"], ["（2024年度）"], ["部门（单位）名称", None, "某县卫生健康局"],
        *tasks,
        ["年度部门整体支出预算执行情况（万元）", None, None, "年初预算数", "全年预算数(A)",
         "全年执行数(B)", "分值", "执行率(B/A)", "得分"],
        [None, None, "年度资金总额", 1350, 1350, 1296, 10, "96.00%", score],
        [None, None, "其中：财政拨款", 1300, 1300, 1250, "—", "96.15%", "—"],
        [None, None, "其他资金", 50, 50, 46, "—", "92.00%", "—"],
        *_DEPT_INDICATORS,
        ["总分", None, None, None, None, None, 100, 99.6], ["评分等级", None, "优"]])


@pytest.mark.parametrize("task_columns", [("预算数（万元）", "执行数（万元）"),
                                          ("全年预算数", "全年执行数")])
def test_a_task_list_above_the_money_block_is_no_money_block(tmp_path, task_columns):
    """rt19e 1: the task list's 预算数 / 执行数 heads were taken for the money columns
    (A = 10, the 分值; B none; JX307 and no total); the money block below is read."""
    table, data = checked(_dept_with_tasks(tmp_path / "t.xlsx", task_columns))
    assert (table.funds.total.budget, table.funds.total.executed) == (1350, 1296)
    assert [line.label for line in table.funds.parts] == ["财政拨款", "其他资金"]
    assert data["total_computed"] == 99.6
    assert data["findings"] == []


def test_a_wrong_execution_score_under_a_task_list_is_found(tmp_path):
    """rt19e 1 (01i): 执行率得分 10 where 10 × 96 % = 9.6: JX302, and the items then add
    up to 100, not the 99.6 written: JX501 (before: neither, exit 0)."""
    _, data = checked(_dept_with_tasks(tmp_path / "t.xlsx", ("预算数（万元）", "执行数（万元）"),
                                       score=10))
    assert codes(data) == ["JX302", "JX501"]


@pytest.mark.parametrize(("actual", "score", "expected"), [
    ("随机抽取200名接种对象问卷调查，满意度95%", 10, []),
    ("满意度调查样本200份，满意度95%", 10, []),
    ("满意人数190人/调查人数200人=95%", 10, []),
    ("随机抽取200名接种对象问卷调查，满意度85%", 10, ["JX402"]),  # 10 × 85 / 90 = 9.44
])
def test_a_survey_percent_beside_its_sample_size_is_read_without_a_warning(
        tmp_path, actual, score, expected):
    """rt19e 2: 满意度 ≥90%, 完成值 “随机抽取200名…，满意度95%”: the one number in %
    is read and scored — and so no JX203 “无法识别…数值后还有数字” beside it (before:
    scored and warned unreadable at once)."""
    from workbooks import PUTUO_1_ROWS

    rows = [*PUTUO_1_ROWS[:4], ("满意度指标", "服务对象满意度指标", "接种对象满意度", "≥90%",
                                actual, 10, score, None)]
    _, data = checked(standard(tmp_path / "t.xlsx", rows=rows))
    assert codes(data) == expected
    assert data["indicators"][4]["score_computed"] == (10 if not expected else 9.44)
