"""Real 四川 tables (the red team's second round): the 2023 部门预算项目支出绩效自评表
(报表编号 510000_0013zp) whose money header heads its label column with 年度预算数(万元),
and the rows units write under a table without a 总分 row (the signature line, the
偏差原因 and 改进措施 rows)."""

import pytest
from test_real_shapes import checked, codes
from workbooks import Book, sichuan

from jixiao.model import evaluate

INDICATORS_HEADER = ("绩效指标(90分)", "一级指标", "二级指标", "三级指标", "指标性质", "指标值",
                     "度量单位", "完成值", "权重", "得分", "未完成原因分析")
INDICATORS = [
    (None, "产出指标", "数量指标", "发放(缴纳)覆盖率", "=", 100, "%", 100, 30, 30),
    (None, None, "质量指标", "资金使用合规率", "=", 100, "%", 100, 20, 20),
    (None, None, "时效指标", "按时发放率", "≥", 95, "%", 100, 10, 10),
    (None, "效益指标", "社会效益指标", "足额保障率(参保率)", "=", 100, "%", 100, 20, 20),
    (None, "满意度指标", "服务对象满意度指标", "职工满意度", "≥", 90, "%", 85, 10, 9.44,
     "个别职工对发放时间有意见"),
]


def sichuan_2023(path, money_header, lines, total=99.44):
    """The 510000_0013zp form: 预算执行情况(10分) merged down its money lines, then the
    indicators under 绩效指标(90分), then 合计 (``total``)."""
    book = Book()
    sheet = book.sheet()
    sheet.line("报表编号:510000_0013zp")
    sheet.line("部门预算项目支出绩效自评表(2023年度)")
    sheet.line("项目名称", "51000021R000000019951-工资性支出")
    sheet.line("主管部门", "青神县发展和改革局本级", None, None, None, "实施单位 (盖章)", "青神县发展和改革局")
    top = sheet.line("预算执行情况(10分)", *money_header)
    for values in lines:
        sheet.line(None, *values)
    sheet.merge(top, 1, 1, sheet.row - 1)
    first = sheet.line(*INDICATORS_HEADER)
    for values in INDICATORS:
        sheet.line(*values)
    sheet.merge(first, 1, 1, sheet.row - 1)
    sheet.merge(first + 1, 2, 2, first + 3)
    row = sheet.line("合计", None, None, None, None, None, None, None, 100, total)
    sheet.merge(row, 1, 8)
    return book.save(path)


# 年度预算数(万元) heads the column of 总额 / 其中:财政资金; 调整后预算数 is the budget (A)
REAL_HEADER = ("年度预算数(万元)", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重",
               "得分", "原因")
REAL_LINES = [("总额", 238.93, 251.89, 251.89, "100.00%", 10, 10, "1.预算执行率=预算执行数/调整后预算数"),
              ("其中:财政资金", 238.93, 251.89, 251.89, "100.00%", "/", "/")]


def test_the_label_columns_heading_is_no_budget_column(tmp_path):
    table, data = checked(sichuan_2023(tmp_path / "青神.xlsx", REAL_HEADER, REAL_LINES))
    assert table.funds.total.budget == pytest.approx(251.89)
    assert table.funds.total.executed == pytest.approx(251.89)
    assert table.funds.total.initial_budget == pytest.approx(238.93)
    assert "JX101" not in codes(data) and "JX501" not in codes(data)
    assert evaluate(table).total == pytest.approx(99.44)


@pytest.mark.parametrize("merged", [True, False])
def test_the_label_columns_heading_left_of_the_labels(tmp_path, merged):
    """rt15 D4: 年度预算数(万元) (merged down, or not) with 总额 / 其中:财政资金 in the next
    column: before, the money was not read (false JX101 90 ≠ 100, the rate never checked)."""
    import openpyxl

    header = (REAL_HEADER[0], None, *REAL_HEADER[1:])
    path = sichuan_2023(tmp_path / "四川.xlsx", header, [(None, *line) for line in REAL_LINES])
    if merged:
        book = openpyxl.load_workbook(path)
        book.active.merge_cells("B5:B7")
        book.save(path)
    table, data = checked(path)
    assert table.funds.total.budget == pytest.approx(251.89)
    assert table.funds.total.executed == pytest.approx(251.89)
    assert "JX101" not in codes(data) and "JX501" not in codes(data)
    assert evaluate(table).total == pytest.approx(99.44)


def test_a_year_budget_column_over_amounts_is_still_the_budget(tmp_path):
    """年度预算数 over the amounts, the labels under a heading of their own: A as before."""
    header = ("资金", "年度预算数(万元)", "预算执行数", "预算执行率", "权重", "得分")
    lines = [("总额", 251.89, 251.89, "100.00%", 10, 10), ("其中:财政资金", 251.89, 251.89, "100.00%")]
    table, data = checked(sichuan_2023(tmp_path / "四川.xlsx", header, lines))
    assert table.funds.total.budget == pytest.approx(251.89)
    assert table.funds.total.executed == pytest.approx(251.89)
    assert "JX101" not in codes(data) and "JX501" not in codes(data)


# ------------------------------------------------ rows under a 四川 table without 总分

UNDER_ROWS = [("产出指标", "数量指标", "购置设备数量", "≥", 20, "台", 30, 20),
              ("产出指标", "数量指标", "培训人次", "≥", 500, "人次", 10, 480),
              ("产出指标", "质量指标", "设备验收合格率", "＝", 100, "%", 20, 100),
              ("效益指标", "社会效益指标", "基层诊疗能力", "定性", "明显提升", None, 20, "达成"),
              ("满意度指标", "服务对象满意度指标", "患者满意度", "≥", 90, "%", 10, 92)]


def sichuan_without_total(path, under=(), rate=(200, 190, "95%"), rows=UNDER_ROWS, blank=False):
    """A 四川 table with no 总分 row, then the ``under`` rows (merged A:B and C:I where
    they hold two texts), after a blank row if ``blank``."""
    book = Book()
    sheet = book.sheet()
    sheet.line("专项预算项目绩效目标完成情况自评表")
    sheet.line("项目名称", None, "2024年乡村卫生室设备购置项目")
    sheet.line("主管部门", None, "某县卫生健康局", None, None, "实施单位", "某县人民医院")
    sheet.line("专项资金（万元）", None, "全年预算数", "全年执行数", "执行率")
    sheet.line(None, "年度资金总额", *rate)
    sheet.line(None, "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重",
               "实际完成指标值")
    for values in rows:
        sheet.line(None, *values)
    if blank:
        sheet.blank()
    for values in under:
        row = sheet.line(*values)
        if len(values) == 3 and values[1] is None:
            sheet.merge(row, 1, 2)
            sheet.merge(row, 3, 9)
    return book.save(path)


SIGNATURES = [
    (None, "填报单位（盖章）：某县人民医院", None, None, None, "填报人：李四", None, "填报日期：2025年3月1日"),
    ("单位负责人：张三", None, None, "财务负责人：王五", None, None, "填表人：李四"),
    (None, "填报人", "李四", None, "联系电话", "0833-1234567", None, "审核人：赵六"),
]


@pytest.mark.parametrize("blank", [True, False])
@pytest.mark.parametrize("signature", SIGNATURES)
def test_the_signature_line_ends_the_table(tmp_path, signature, blank):
    table, data = checked(sichuan_without_total(tmp_path / "签字.xlsx", [signature], blank=blank))
    assert [indicator.name for indicator in table.indicators] == [row[2] for row in UNDER_ROWS]
    assert not {"JX106", "JX201", "JX202"} & set(codes(data))
    assert evaluate(table).total is not None


def test_a_last_indicator_named_like_a_signature_still_reads(tmp_path):
    """填报及时率 with its points is an indicator, not the signature line under it."""
    rows = [*UNDER_ROWS[:-1], ("满意度指标", "服务对象满意度指标", "患者满意度", "≥", 90, "%", 5, 92),
            ("满意度指标", "服务对象满意度指标", "填报及时率", "≥", 95, "%", 5, 100)]
    table, data = checked(sichuan_without_total(tmp_path / "及时.xlsx", [SIGNATURES[0]], rows=rows))
    assert [indicator.name for indicator in table.indicators][-1] == "填报及时率"
    assert table.indicators[-1].weight == 5 and table.indicators[-1].actual == 100
    assert not {"JX106", "JX201", "JX202"} & set(codes(data))


REASON = ("偏差大或目标未完成原因分析", None, "培训人次未达标：部分村医外出未参训；执行率85%：设备尾款按合同次年支付。")
MEASURES = ("改进措施及结果应用方案", None, "次年一季度补训；加快尾款支付。")


def test_the_reason_rows_under_the_table_explain_it(tmp_path):
    table, data = checked(sichuan_without_total(tmp_path / "原因.xlsx", [REASON, MEASURES],
                                                rate=(200, 170, "85%")))
    assert len(table.indicators) == len(UNDER_ROWS)
    assert table.reason == REASON[2]
    # 培训人次 480 of ≥500 loses 0.4 points, the 执行率 85% is low: both explained below
    assert not {"JX106", "JX201", "JX202", "JX306", "JX405"} & set(codes(data))


@pytest.mark.parametrize("said", [None, "无"])
def test_a_shortfall_unexplained_in_the_reason_row_points_at_that_row(tmp_path, said):
    """rt22e 4: the form's 偏差大或目标未完成原因分析 row left empty (or “无”): JX405 pointed
    at the row's 一级 cell and said only “表中没有偏差原因列”. It points at the reason row
    and says to write the reason there."""
    table, data = checked(sichuan_without_total(tmp_path / "空原因.xlsx",
                                                [(*REASON[:2], said), MEASURES]))
    place = table.sources["reason"]
    found = [(item["cell"], item["message"]) for item in data["findings"]
             if item["code"] == "JX405"]
    assert found and all(cell == place.cell for cell, _ in found), (place, found)
    assert all(message.endswith("（表中没有偏差原因列：请在表下“偏差大或目标未完成原因分析”一行说明）")
               for _, message in found)


def test_without_a_reason_row_the_shortfalls_are_still_unexplained(tmp_path):
    """改进措施 alone ends the table but explains no shortfall."""
    table, data = checked(sichuan_without_total(tmp_path / "措施.xlsx", [MEASURES],
                                                rate=(200, 170, "85%")))
    assert len(table.indicators) == len(UNDER_ROWS) and table.reason is None
    assert {"JX306", "JX405"} <= set(codes(data))
    assert not {"JX106", "JX201", "JX202"} & set(codes(data))


def test_an_unexplained_deduction_without_reason_column_or_row_points_at_its_row(tmp_path):
    """rt24 x1: no 偏差原因 column, no 偏差大或目标未完成原因分析 row, no 得分 column: JX405
    pointed at the 一级 cell merged over the rows (产出指标, B7); it names the row's 完成值."""
    _, data = checked(sichuan_without_total(tmp_path / "无原因.xlsx", [MEASURES]))
    assert [(f["code"], f["cell"], f["message"]) for f in data["findings"]] == [
        ("JX405", "I8", "“培训人次”按四川省规则得 9.6 分（满分 10），须说明偏差原因（表中没有偏差原因列）")]


def test_an_open_score_points_at_the_sum_row_under_the_indicators(tmp_path):
    """rt24 x1: a 指标值 left blank, a 合计 row summing the 权重 (90) and no 得分 column:
    the 总分 line (JX410) pointed at the 三级指标 heading; it names the 合计 row's 权重."""
    rows = [*UNDER_ROWS[:2], ("产出指标", "质量指标", "设备验收合格率", "＝", None, "%", 20, 100),
            *UNDER_ROWS[3:]]
    total = (None, "合计", None, None, None, None, None, 90, None)
    _, data = checked(sichuan_without_total(tmp_path / "合计.xlsx", [total], rows=rows))
    assert [(f["code"], f["cell"], f["message"]) for f in data["findings"]] == [
        ("JX201", "F9", "“设备验收合格率”未填写年度指标值"),
        ("JX405", "I8", "“培训人次”按四川省规则得 9.6 分（满分 10），须说明偏差原因（表中没有偏差原因列）"),
        ("JX410", "H12", "表中没有得分列，总分按规则计算，但无法算出：1 项得分待定（“设备验收合格率”）；"
             "其余各项按四川省规则合计 79.1")]


@pytest.mark.parametrize("empty", ["—", "/", None])
def test_an_index_systems_judged_rows_need_no_values(tmp_path, empty):
    """第三方 index system with 指标值 and 完成值 columns: 决策/过程 rows scored by their
    评分标准 hold "—" in both — nothing missing (before: JX201 and JX202 on every such
    row); a row with a 指标值 and no 完成值 still misses it."""
    book = Book()
    sheet = book.sheet("指标体系")
    sheet.project("第三方评价项目", "某市财政局")
    rows = [("决策", "项目立项", "立项依据充分性", empty, empty, 20, 20),
            ("过程", "资金管理", "资金使用合规性", empty, empty, 20, 20),
            ("产出", "产出数量", "实际完成率", "≥95%", "96%", 40, 40),
            ("效益", "项目效益", "满意度", "≥90%", None, 20, 20)]
    sheet.indicators(rows, header=("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值",
                                   "分值", "得分"), lead=None)
    sheet.total(100, 100, label="合计")
    table, data = checked(book.save(tmp_path / "t.xlsx"))
    assert table.layout == "third_party"
    assert [(f["code"], f["cell"]) for f in data["findings"] if f["severity"] == "error"] == [
        ("JX202", "E7")]


@pytest.mark.parametrize("sheet_name", ["填表说明", "说明"])
def test_a_sample_table_beside_the_table_is_not_checked(tmp_path, sheet_name):
    """A 填表说明 sheet with two （示例） rows beside the filled table: the sample is no
    second table (before: JX101 分值合计为 20 and the file 有错误); alone, it is checked."""
    from workbooks import standard_sheet

    book = Book()
    notes = book.sheet(sheet_name)
    notes.line("1.请按下列示例填写，分值合计100分。")
    notes.indicators([("产出指标", "数量指标", "（示例）培训人次", "≥500人次", "520人次", 10, 10),
                      ("满意度指标", "服务对象满意度指标", "（示例）群众满意度", "≥90%", "95%", 10, 10)])
    standard_sheet(book.sheet("自评表"))
    table, data = checked(book.save(tmp_path / "t.xlsx"))
    assert table.sources["header"].sheet == "自评表"
    assert not [f for f in data["findings"] if f["severity"] == "error"]


def test_a_table_of_targets_only_is_no_self_evaluation(tmp_path):
    """A 绩效目标表 (指标值 and 分值, no 完成值 nor 得分) sent instead of the 自评表: said
    so (before: checked, a lone JX101 and 有错误); beside a 自评表 it is left out."""
    from workbooks import standard_sheet

    from jixiao.errors import NotASelfEvaluation
    from jixiao.read.workbook import read_workbook

    def targets(book):
        sheet = book.sheet("绩效目标表")
        sheet.indicators([("产出指标", "数量指标", "培训人次", "≥500人次", 50),
                          ("满意度指标", "服务对象满意度指标", "满意度", "≥90%", 40)],
                         header=("一级指标", "二级指标", "三级指标", "年度指标值", "分值"))
        return book

    with pytest.raises(NotASelfEvaluation, match="是绩效目标表"):
        read_workbook(targets(Book()).save(tmp_path / "plan.xlsx"))
    book = targets(Book())
    standard_sheet(book.sheet("自评表"))
    read = read_workbook(book.save(tmp_path / "both.xlsx"))
    assert [table.sources["header"].sheet for table in read.tables] == ["自评表"]


@pytest.mark.parametrize("grade_first", [False, True])
def test_the_reason_rows_under_the_total_explain_the_table(tmp_path, grade_first):
    """The 四川 form's 偏差大或目标未完成原因分析 row printed under its 总分 and 评分等级
    rows (before: the table ended at the 总分, JX405 "表中没有偏差原因列")."""
    total = ("总分", None, None, None, None, None, None, 90)
    grade = ("评分等级", "优")
    closing = [grade, total] if grade_first else [total, grade]
    table, data = checked(sichuan_without_total(tmp_path / "总分下.xlsx",
                                                [*closing, REASON, MEASURES],
                                                rate=(200, 170, "85%")))
    assert table.reason == REASON[2]
    assert len(table.indicators) == len(UNDER_ROWS)
    assert not {"JX306", "JX405"} & set(codes(data))


def test_without_the_reason_row_under_the_total_the_shortfall_is_unexplained(tmp_path):
    total = ("总分", None, None, None, None, None, None, 90)
    table, data = checked(sichuan_without_total(tmp_path / "总分下.xlsx",
                                                [total, ("评分等级", "优"), MEASURES],
                                                rate=(200, 170, "85%")))
    assert table.reason is None
    assert {"JX306", "JX405"} <= set(codes(data))


def two_explaining_columns(path, reason, measures):
    """A 四川 table with 得分 and two text columns, 未完成原因分析 | 改进措施; the 培训人次
    row (480 of ≥500, 9.6 of 10) explained by ``reason`` and ``measures``."""
    book = Book()
    sheet = book.sheet()
    sheet.line("专项预算项目绩效目标完成情况自评表")
    sheet.line("项目名称", None, "2024年乡村卫生室设备购置项目")
    sheet.line("专项资金（万元）", None, "全年预算数", "全年执行数", "执行率")
    sheet.line(None, "年度资金总额", 200, 190, "95%")
    sheet.line(None, "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重",
               "实际完成指标值", "得分", "未完成原因分析", "改进措施")
    sheet.line(None, "产出指标", "数量指标", "购置设备数量", "≥", 20, "台", 30, 20, 30)
    short = sheet.line(None, "产出指标", "数量指标", "培训人次", "≥", 500, "人次", 30, 480, 28.8,
                       reason, measures)
    sheet.line(None, "效益指标", "社会效益指标", "基层诊疗能力", "定性", "明显提升", None, 20,
               "达成", 20)
    sheet.line(None, "满意度指标", "服务对象满意度指标", "患者满意度", "≥", 90, "%", 10, 92, 10)
    return book.save(path), short


def test_a_shortfall_explained_in_the_measures_column_is_explained(tmp_path):
    path, _ = two_explaining_columns(tmp_path / "措施.xlsx", None, "村医外出未参训，次年补训")
    table, data = checked(path)
    assert table.indicators[1].reason == "村医外出未参训，次年补训"
    assert "JX405" not in codes(data)


def test_a_shortfall_explained_in_neither_column_points_at_the_reason_cell(tmp_path):
    path, row = two_explaining_columns(tmp_path / "未说明.xlsx", None, None)
    table, data = checked(path)
    cells = [finding["cell"] for finding in data["findings"] if finding["code"] == "JX405"]
    assert cells == [f"K{row}"]


@pytest.mark.parametrize(("output", "benefit", "money_points", "flagged"), [
    (67.5, 22.5, 10, False),  # the form's 90 split as the unit chose: no default to differ from
    (60, 30, 10, False),
    (60, 30, 20, True),       # the 执行率's points are prescribed: 20 differs (and JX101)
])
def test_sichuan_prescribes_no_split_of_the_indicators_90(tmp_path, output, benefit,
                                                           money_points, flagged):
    header = ("资金", "年度预算数(万元)", "预算执行数", "预算执行率", "权重", "得分")
    lines = [("总额", 100, 100, "100.00%", money_points, money_points)]
    book = Book()
    sheet = book.sheet()
    sheet.line("部门预算项目支出绩效自评表(2022年度)")
    sheet.line("项目名称", "社保缴费")
    sheet.line("预算执行情况", *header)
    for values in lines:
        sheet.line(None, *values)
    sheet.line("绩效指标", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位",
               "完成值", "权重", "得分")
    sheet.line(None, "产出指标", "数量指标", "参保人数", "≥", 100, "人", 100, output / 2, output / 2)
    sheet.line(None, "产出指标", "质量指标", "足额缴纳率", "=", 100, "%", 100, output / 2, output / 2)
    sheet.line(None, "效益指标", "社会效益指标", "保障水平", "定性", "提高", None, "达成", benefit,
               benefit)
    table, data = checked(book.save(tmp_path / "四川.xlsx"))
    assert table.rules.name == "sichuan"
    found = [item["message"] for item in data["findings"] if item["code"] == "JX102"]
    if flagged:
        assert found and all("预算执行率" in message for message in found)
    else:
        assert found == []


PRINTED = "1.预算执行率=预算执行数/调整后预算数，预算执行率未达到90%的需说明原因（100字以内）"


@pytest.mark.parametrize(("reason", "explained"), [
    (PRINTED, False),  # the form's instruction left as printed: no reason given
    (PRINTED + "；2.设备尾款按合同于次年支付", True),
    ("设备尾款按合同于次年支付", True),
    ("执行率偏低：因招标延期需说明情况的项目顺延至次年", True),  # a reason naming 需说明
])
def test_the_forms_printed_instruction_is_no_reason(tmp_path, reason, explained):
    lines = [("总额", 238.93, 251.89, 200, "79.40%", 10, 7.94, reason),
             ("其中:财政资金", 238.93, 251.89, 200, "79.40%", "/", "/")]
    table, data = checked(sichuan_2023(tmp_path / "说明.xlsx", REAL_HEADER, lines))
    assert table.rules.name == "sichuan"
    assert ("JX306" in codes(data)) is not explained


# The 原因 cell's printed 填表说明 in full, as the published pages (青神, 大英 2023) print it
# (half-width) and as the form has it (full-width)
PRINTED_HALF = ("1.预算执行率=预算执行数/调整后预算数,预算执行率未达到90%的需说明原因(100字以内);"
                "2.年中发生预算调整的(追加或调减),应单独说明理由;3.其他资金包括:社会投入资金、银行贷款.")
PRINTED_FULL = ("1.预算执行率=预算执行数/调整后预算数，预算执行率未达到90%的需说明原因（100字以内）；"
                "2.年中发生预算调整的（追加或调减），应单独说明理由；3.其他资金包括：社会投入资金、银行贷款。")
DELAY = "因项目招标延期，资金未能按期支付"


@pytest.mark.parametrize(("reason", "explained"), [
    (PRINTED_HALF, None),
    (PRINTED_FULL, None),
    (PRINTED_FULL.replace("；", "\n"), None),
    (PRINTED_HALF + DELAY, DELAY),
    (PRINTED_FULL + "\n" + DELAY, DELAY),
    (DELAY + "。" + PRINTED_FULL, DELAY),
], ids=["half", "full", "lines", "half+reason", "full+reason", "reason+full"])
def test_the_forms_whole_printed_block_is_no_reason(tmp_path, reason, explained):
    """rt28 R05: all three printed items of the 原因 cell are the form's (before, items 2
    and 3 survived and counted as a reason). 51.60 ÷ 60.00 = 86 % → 10 × 0.86 = 8.6; the
    indicators 30 + 20 + 10 + 20 + 9.44 = 89.44 (职工满意度 10 × 85 ÷ 90 = 9.44, explained);
    总分 8.6 + 89.44 = 98.04, as written. Under 90 % the sichuan rules want a reason:
    JX306 at the 原因 cell (I6) when the printed text is all there is, nothing with one."""
    lines = [("总额", 50.00, 60.00, 51.60, "86.00%", 10, 8.6, reason),
             ("其中:财政资金", 50.00, 60.00, 51.60, "86.00%", "/", "/")]
    table, data = checked(sichuan_2023(tmp_path / "原因.xlsx", REAL_HEADER, lines, total=98.04))
    assert table.rules.name == "sichuan"
    assert table.funds.reason == explained
    result = evaluate(table)
    assert (result.rate, result.execution_score) == (pytest.approx(86), pytest.approx(8.6))
    assert result.total == pytest.approx(98.04)
    found = [(item["code"], item["severity"], item["cell"]) for item in data["findings"]]
    assert found == ([] if explained else [("JX306", "warning", "I6")])


def yunnan_yitihua(path, money_header=("分值", "执行率", "得分"), extra=()):
    """云南's 一体化 export (永德, 丽江): the standard money block (年初预算数 | 全年预算数 |
    全年执行数 | 分值 | 执行率 | 得分), 年度指标值 over 指标性质 | 指标值 | 度量单位; 执行率 85 %."""
    book = Book()
    sheet = book.sheet()
    sheet.line("2022年度项目支出绩效自评表")
    sheet.line("项目名称", None, "义务教育营养改善计划专项资金")
    sheet.line("主管部门", None, "永德县教育体育局", None, None, "实施单位", None, "永德县明朗中学")
    head = sheet.line("项目资金\n（元）", None, None, "年初预算数", "全年预算数", "全年执行数",
                      *money_header, *extra)
    sheet.line(None, "年度资金总额", None, 100000, 100000, 85000, 10, "85%", 8.5)
    sheet.merge(head, 1, 1, head + 1)
    top = sheet.line("绩效指标", None, None, "年度指标值", None, None, "实际完成值", "分值", "得分",
                     "偏差原因分析及改进措施")
    sheet.line("一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位")
    sheet.merge(top, 1, 3)
    sheet.merge(top, 4, 6)
    for column in (7, 8, 9, 10):
        sheet.merge(top, column, column, top + 1)
    sheet.line("产出指标", "数量指标", "学生受资助人数", "≧", 735, "人次", 735, 50, 50)
    sheet.line("效益指标", "社会效益指标", "政策知晓率", "≧", 95, "%", "98%", 30, 30)
    sheet.line("满意度指标", "服务对象满意度指标", "学生满意度", "≧", 95, "%", "100%", 10, 10)
    sheet.line("总分", None, None, None, None, None, None, 100, 98.5, "优")
    return book.save(path)


def test_the_same_columns_from_another_province_keep_the_default_rules(tmp_path):
    """指标性质 | 指标值 | 度量单位 in 云南's export with the standard money block (分值, no
    原因): mof2020, not 四川's rules (before: 按 sichuan 规则, its 85 % 执行率 a JX306
    warning); the 执行率 under 90 % is still noted."""
    _, data = checked(yunnan_yitihua(tmp_path / "云南.xlsx"))
    assert (data["layout"], data["rules"]) == ("sichuan", "mof2020")
    assert [(f["code"], f["severity"]) for f in data["findings"]] == [("JX306", "info")]


@pytest.mark.parametrize(("money_header", "extra"), [
    (("权重", "执行率", "得分"), ()),         # 四川 names every point 权重
    (("分值", "执行率", "得分"), ("原因",)),  # the 2022/2023 forms' 原因 for a 执行率 under 90 %
])
def test_sichuan_money_keeps_sichuan_rules(tmp_path, money_header, extra):
    _, data = checked(yunnan_yitihua(tmp_path / "四川.xlsx", money_header, extra))
    assert data["rules"] == "sichuan"
    assert [(f["code"], f["severity"]) for f in data["findings"]] == [("JX306", "warning")]


def sichuan_special(path, label, executed=190, rate="95%", lines=(), weights=(30, 20, 20, 20)):
    """The 四川 专项预算项目 form (rt22f): 专项资金（万元） | | 年度资金总额 | 调整后预算数 |
    全年执行数 | 执行率 over one line labelled ``label``, then the indicators (权重
    ``weights``, total 90, in column H) without a 合计 row."""
    book = Book()
    sheet = book.sheet("Sheet")
    sheet.line("专项预算项目绩效目标完成情况自评表")
    sheet.line("项目名称", None, "2024年乡村卫生室设备购置项目")
    sheet.line("主管部门", None, "某县卫生健康局", None, None, "实施单位", "某县人民医院")
    sheet.line("专项资金（万元）", None, "年度资金总额", "调整后预算数", "全年执行数", "执行率")
    sheet.line(None, label, 200, 200, executed, rate)
    for values in lines:
        sheet.line(None, *values)
    sheet.line(None, "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重",
               "实际完成指标值")
    sheet.line(None, "产出指标", "数量指标", "购置设备数量", "≥", 20, "台", weights[0], 20)
    sheet.line(None, "产出指标", "质量指标", "设备验收合格率", "＝", 100, "%", weights[1], 100)
    sheet.line(None, "效益指标", "社会效益指标", "基层诊疗能力", "定性", "明显提升", None, weights[2],
               "达成")
    sheet.line(None, "满意度指标", "服务对象满意度指标", "患者满意度", "≥", 90, "%", weights[3], 92)
    return book.save(path)


@pytest.mark.parametrize("label", ["预算资金", "金额", "资金", "项目资金", "专项资金（万元）",
                                   "合计", "资金总额", None])
def test_a_generic_money_label_names_the_total_line(tmp_path, label):
    """A line labelled by a generic word for the money (预算资金, 金额) under 年度资金总额 |
    调整后预算数 | 全年执行数 is the total, as 合计 is (rt22f: before, no money read, and
    JX101 “分值合计为 90” at the 三级指标 heading): 95 % → 9.5 of the 10 points, the
    indicators' 90 in full, total 99.5."""
    table, data = checked(sichuan_special(tmp_path / "四川专项.xlsx", label))
    assert (table.funds.total.budget, table.funds.total.executed) == (200, 190)
    assert table.funds.total.rate_declared == pytest.approx(95)
    assert table.funds.parts == []
    assert data["findings"] == []
    result = evaluate(table)
    assert (result.rate, result.execution_score) == (pytest.approx(95), pytest.approx(9.5))
    assert result.total == pytest.approx(99.5)


def test_a_wrong_rate_on_a_generic_money_line_is_found(tmp_path):
    """150 of 200 written 95 % (rt22f sc_a_zijin_badrate): 75 %, 7.5 points, total 97.5."""
    table, data = checked(sichuan_special(tmp_path / "四川专项.xlsx", "预算资金", executed=150))
    assert [(f["code"], f["cell"]) for f in data["findings"]] == [("JX301", "F5"), ("JX306", "F5")]
    assert evaluate(table).total == pytest.approx(97.5)


def test_the_lines_under_a_generic_money_line_stay_its_parts(tmp_path):
    """金额 over 其中：财政拨款 | 其他资金: 金额 is the total, the two its parts (150 + 40 ≠
    200: JX304 at the total's cells); before, 财政拨款 was taken as the total."""
    table, data = checked(sichuan_special(
        tmp_path / "四川专项.xlsx", "金额",
        lines=[("其中：财政拨款", 150, 150, 140, "93.33%"), ("其他资金", 40, 40, 40, "100%")]))
    assert (table.funds.total.label, table.funds.total.budget) == ("金额", 200)
    assert [(line.label, line.budget, line.nested) for line in table.funds.parts] \
        == [("财政拨款", 150, False), ("其他资金", 40, False)]
    assert [(f["code"], f["cell"]) for f in data["findings"]] == [("JX304", "D5"), ("JX304", "E5")]


def test_jx101_on_a_sichuan_table_points_at_the_weight_heading(tmp_path):
    """权重 of 80 (80 + 10 ≠ 100) and no 合计 row: JX101 names the 权重 heading (H6), not
    the 三级指标 one (D6) as before."""
    _, data = checked(sichuan_special(tmp_path / "四川专项.xlsx", "预算资金", weights=(30, 20, 20, 10)))
    assert [(f["code"], f["cell"]) for f in data["findings"]] == [("JX101", "H6")]


def sichuan_rate_target(path, nature, value):
    """四川 rows (no 得分) whose 设备验收合格率 writes its 指标值 as ``nature`` | ``value`` | %."""
    rows = [("产出指标", "数量指标", "购置设备数量", "≥", 20, "台", 30, 20, None),
            ("产出指标", "质量指标", "设备验收合格率", nature, value, "%", 20, 100, None),
            ("产出指标", "成本指标", "设备购置成本", "≤", 100, "万元", 10, 75, None),
            ("效益指标", "社会效益指标", "基层诊疗能力", "定性", "明显提升", None, 30, "达成", None),
            ("满意度指标", "服务对象满意度指标", "患者满意度", "≥", 90, "%", 10, 92, None)]
    return sichuan(path, rate="100%", money=(100, 100), rows=rows)


@pytest.mark.parametrize("value", [None, "—"])
def test_a_sign_and_unit_without_a_value_is_no_target(tmp_path, value):
    """≥ | 空 | % (rt24 sc_notarget): the 指标值 not filled in, JX201 at its cell — not
    JX203 quoting a “≥%” the unit never wrote; without a 得分 column the 总分 waits on it,
    said at the pending row's cell (no 合计 or 总分 row; before: the 三级指标 heading D6)."""
    _, data = checked(sichuan_rate_target(tmp_path / "四川.xlsx", "≥", value))
    assert [(f["code"], f["cell"], f["message"]) for f in data["findings"]] \
        == [("JX201", "F9", "“设备验收合格率”未填写年度指标值"),
            ("JX410", "F9", "表中没有得分列，总分按规则计算，但无法算出：1 项得分待定（“设备验收合格率”）；"
             "其余各项按四川省规则合计 80")]


def test_a_target_typed_in_the_nature_column_is_still_read(tmp_path):
    """≥95 | 空 | %: the value typed in the 指标性质 cell, ≥95% as before."""
    _, data = checked(sichuan_rate_target(tmp_path / "四川.xlsx", "≥95", None))
    assert data["findings"] == []
    assert data["indicators"][1]["target"] == "≥95%"


def test_a_sichuan_table_whose_money_is_not_read_misses_the_money_not_points(tmp_path):
    """No money read (a line labelled 说明): the 权重's 90 are right (90 + 10), the 执行率's
    10 cannot be scored — JX307, no total; before, JX101 “分值合计为 90” at H6. JX307 stands
    at the money header over the line not read (A4), naming it (rt32: was at the 三级指标 heading)."""
    _, data = checked(sichuan_special(tmp_path / "四川专项.xlsx", "说明"))
    assert [(f["code"], f["cell"]) for f in data["findings"]] == [("JX307", "A4")]
    assert "“说明”一行未能读作资金行" in data["findings"][0]["message"]
    assert data["total_computed"] is None
