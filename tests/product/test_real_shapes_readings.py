"""Whole tables whose 指标值/完成值 a published table writes in a way read wrong before
(round 5): 每亩300元, a grading scale as the 定性 target, a rate of something bad without
its ≤, and the money lines' labels of other provinces' forms."""

import pytest
from test_real_shapes import QUALITATIVE_MET, checked, codes, medical_insurance
from workbooks import Book, Percent, standard


def _with_row(row, at=2):
    return [*QUALITATIVE_MET[:at], row, *QUALITATIVE_MET[at + 1:]]


def test_a_standard_per_unit_written_with_mei_is_read(tmp_path):
    """造林补助 每亩300 → 每亩300 under 成本指标 (零陵 2021): met, nothing to say (before:
    JX203 on both cells, no total computed). An overrun still loses points."""
    row = ("产出指标", "成本指标", "造林补助标准", "每亩300元", "300元/亩", 10, 10, None)
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", _with_row(row, 3), total=100))
    assert codes(data) == []
    assert data["total_computed"] == 100
    over = ("产出指标", "成本指标", "造林补助标准", "每亩300元", "每亩360元", 10, 10, None)
    _, data = checked(medical_insurance(tmp_path / "o.xlsx", _with_row(over, 3), total=100))
    assert "JX402" in codes(data)


@pytest.mark.parametrize(("target", "actual", "expected"), [
    ("优良中低差", "优", []), ("好坏", "好", []), ("优良中低差", "良", ["JX402", "JX408"]),
    ("好坏", "好坏", ["JX410", "JX410"])])
def test_a_grading_scale_as_the_target(tmp_path, target, actual, expected):
    """管理机制健全性 优良中低差 (四川, the 一体化 system's scale), 优 reached, full marks:
    达成 (before: JX410, no total); 良 with full marks is 部分达成 (a person scores 60–80 %);
    the scale copied as the actual is no answer (before: 达成, full marks unchecked)."""
    row = ("效益指标", "可持续影响指标", "管理机制健全性", target, actual, 10, 10, None)
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", _with_row(row, 5), total=100))
    assert [code for code in codes(data) if code != "JX405"] == expected


@pytest.mark.parametrize("name", ["森林火灾受害率", "林业有害生物成灾率", "农药残留超标率",
                                  "贷款违约率", "城镇登记失业率"])
def test_a_rate_of_something_bad_without_its_sign(tmp_path, name):
    """森林火灾受害率 0.9% (no ≤), done 0, full marks (重庆 梁平 2022): JX203 says to write
    ≤0.9%, as for 差错率 (before: a JX402 error and a JX404 as if 0 missed a goal)."""
    row = ("效益指标", "生态效益指标", name, "0.9%", "0", 10, 10, None)
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", _with_row(row, 5), total=100))
    assert codes(data) == ["JX203"]
    assert "应写“≤0.9%”" in data["findings"][0]["message"]


def test_a_rate_of_something_bad_with_its_sign_is_judged(tmp_path):
    """With the ≤ written, a rate over its ceiling still loses its points."""
    row = ("效益指标", "生态效益指标", "森林火灾受害率", "≤0.9%", "1.5%", 10, 10, None)
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", _with_row(row, 5), total=100))
    assert "JX402" in codes(data)


# ------------------------------------------------ the money lines' labels


def test_a_total_line_labelled_nianduzongjine_is_the_total(tmp_path):
    """重庆's 部门整体 form heads its money line 年度总金额: the 年度资金总额 (before: the money
    was not read, and a false JX101 said the weights of 90 missed the 执行率's 10)."""
    def table(label):
        book = Book()
        sheet = book.sheet("自评表")
        sheet.title("某区林业局2024年度部门整体绩效自评表")
        sheet.line("主管部门", "某区林业局", None, "自评总分(分)", 97.93)
        sheet.line(None, "年初预算数", "全年(调整)预算数", "全年执行数", "执行率", "执行率权重",
                   "执行率得分")
        sheet.line(label, 500, 510, 404.3, "79.27%", 10, 7.93)
        sheet.line("绩效指标", "指标名称", "计量单位", "指标性质", "指标值", "指标权重(分)",
                   "全年完成值", "指标得分(分)", "说明")
        sheet.line(None, "林地管护任务完成率", "%", "≥", 90, 30, 100, 30, None)
        sheet.line(None, "公益林管护面积", "万亩", "≥", 28, 30, 28, 30, None)
        sheet.line(None, "群众满意度", "%", "≥", 90, 30, 95, 30, None)
        return checked(book.save(tmp_path / f"{label}.xlsx"))

    for label in ("年度总金额", "年度资金总额"):
        found, data = table(label)
        assert (found.funds.total.budget, found.funds.total.executed) == (510, 404.3)
        assert "JX101" not in codes(data)
        assert "JX306" in codes(data)  # 79.27 % without a reason: a true finding


@pytest.mark.parametrize("label", ["地方资金", "省级资金", "地方配套资金", "自筹资金"])
def test_a_part_by_where_the_money_came_from_is_a_part(tmp_path, label):
    """中央对地方转移支付区域绩效自评表: 年度资金总额 5000 = 中央补助 3000 + 地方资金 2000
    (before: the 地方资金 line was not read, two false JX304). A sum that is off still is."""
    def table(local):
        money = [("年度资金总额", 5000, 5000, 5000, 10, "100%", 10),
                 ("其中：中央补助", 3000, 3000, 3000, "—", "100%", "—"),
                 (label, local, local, local, "—", "100%", "—"),
                 ("其他资金", 0, 0, 0, "—", "0%", "—")]
        return checked(medical_insurance(tmp_path / f"{local}.xlsx", QUALITATIVE_MET, total=100,
                                         money=money))
    found, data = table(2000)
    assert [line.label for line in found.funds.parts] == ["中央补助", label, "其他资金"]
    assert codes(data) == []
    assert codes(table(1500)[1]) == ["JX304", "JX304", "JX304"]


# ---------------------------------------------------------------- a rate written as a number

@pytest.mark.parametrize(("rate", "flagged"), [
    ("14%", False), (0.14, False), (14, False),   # to the whole percent, as text or number
    (0.1446, False), (14.46, False),
    (0.1, True), ("10%", True),                   # 10 % is no rounding of 14.46 %
    (Percent(0.14), True),                        # 0.14 shown as 14.00 %: two decimals
    (0.145, False), (0.143, True), (14.3, True),  # one decimal shown: 14.3 is no 14.46
])
def test_a_rate_typed_as_a_number_is_read_to_the_decimals_it_shows(tmp_path, rate, flagged):
    """施甸: 94 of 650 is 14.46 %. "14%" was accepted and the number 0.14 (14 %, as
    typed) was JX301; a number now counts to the decimals it is typed with, or its
    percent format shows — never coarser than the whole percent."""
    money = [("年度资金总额", 650, 650, 94, 10, rate, 1.45)]
    _, data = checked(standard(tmp_path / "t.xlsx", money=money, total=None, grade=None))
    assert ("JX301" in codes(data)) is flagged


@pytest.mark.parametrize(("target", "actual"), [
    ("年内完成", "2024年11月完成"), ("当年完成", "12月完成"), ("本年度内", "2024年12月"),
    ("每月10日前", "每月10日前"), ("次月5日前报送", "次月3日"),
    ("2024年12月31日前", "2024.12"), ("2024.12前", "2024.11"), ("12月底前", 2024.11)])
def test_deadlines_of_the_year_of_a_month_and_typed_as_year_dot_month(tmp_path, target, actual):
    """时效 rows read wrong before: 年内完成 / 当年完成 / 本年度内 (the year's end) was a
    statement a month or a date could not answer (JX204, or no total), 每月10日前 (a day of
    every month) unreadable on both sides (JX203 ×2), 2024.12 (a month typed as 年.月, as text
    or as a number) no date (JX204). Each met: full marks, nothing to say."""
    row = ("产出指标", "时效指标", "待遇发放时限", target, actual, 10, 10, None)
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", _with_row(row, 1), total=100))
    assert codes(data) == []
    assert data["total_computed"] == 100


@pytest.mark.parametrize(("target", "actual"), [
    ("年内完成", "次年1月"), ("每月10日前", "每月15日"), ("2024年6月30日前", "2024.9")])
def test_those_deadlines_missed_are_found(tmp_path, target, actual):
    """The same deadlines missed, full marks given: JX402 (and the band the late date is
    scored in, JX408, where it is a date)."""
    row = ("产出指标", "时效指标", "待遇发放时限", target, actual, 10, 10, "已整改")
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", _with_row(row, 1), total=100))
    assert "JX402" in codes(data)


@pytest.mark.parametrize(("target", "actual", "expected"), [
    ("按时完成", "2024年11月完成", []), ("完成验收", "2024年12月通过验收", []),
    ("按合同约定", "2024年10月完工", []),
    ("按时完成", "2024年11月", ["JX204"]), ("及时", "2024-11-20", ["JX204"])])
def test_a_date_answering_a_statement(tmp_path, target, actual, expected):
    """A 定性 target (按时完成) answered by a date: with a word of what was done (完成, 通过
    验收, 完工) the word answers it, full marks; a date alone cannot say whether it was on
    time — JX204 asks for 达成/部分达成/未达成. Before: neither scored nor reported (no
    finding, and no total)."""
    row = ("产出指标", "时效指标", "待遇发放时限", target, actual, 10, 10, None)
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", _with_row(row, 1), total=100))
    assert codes(data) == expected
    assert data["total_computed"] == (None if expected else 100)


@pytest.mark.parametrize("actual", ["未开展满意度调查", "满意度调查未开展", "暂未调查"])
def test_no_survey_is_no_satisfaction(tmp_path, actual):
    """满意度 ≥90%, 完成值 未开展满意度调查, full marks: before, the 满意 in 满意度调查 read as
    满意 — met, nothing said. No survey done is 未达成: JX402 (full marks for a target not
    met) and JX408 (the 0–60 % band)."""
    row = ("满意度指标", "服务对象满意度指标", "参保群众满意度", "≥90%", actual, 10, 10, "未组织")
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", _with_row(row, 6), total=100))
    assert codes(data) == ["JX402", "JX408"]


@pytest.mark.parametrize(("target", "actual"), [
    ("≥90%", "低于90%"), ("≥90%", "未达到90%"), ("≥90%", "90%以下"), ("≥90%", "不足85%")])
def test_an_actual_written_as_a_bound_short_of_the_target(tmp_path, target, actual):
    """满意度 ≥90%, 完成值 “低于90%”, full marks: before, 90 was read and met — nothing said.
    A bound on the far side of the target says it was missed, not by how much: JX203 asks
    for the actual value, JX402 finds the full marks."""
    row = ("满意度指标", "服务对象满意度指标", "参保群众满意度", target, actual, 10, 10, "调查样本少")
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", _with_row(row, 6), total=100))
    assert codes(data) == ["JX203", "JX402"]
    assert data["total_computed"] is None


def test_an_actual_written_as_a_bound_beyond_the_target_is_met(tmp_path):
    row = ("满意度指标", "服务对象满意度指标", "参保群众满意度", "≥90%", "95%以上", 10, 10, None)
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", _with_row(row, 6), total=100))
    assert codes(data) == []


@pytest.mark.parametrize(("target", "actual", "quoted"), [
    ("≥95", 0.9, "指标值 ≥95%，完成值 90%"),  # a fraction under 实际完成值（%）: read as 90 %
    ("≥95%", 0.9, "指标值 ≥95%，完成值 90%"),  # a fraction beside a percent: the same
    ("≥95%", "90%", "指标值 ≥95%，完成值 90%"),  # written in percent: as before
    ("≥95", 90, "指标值 ≥95，完成值 90"),  # both bare, no fraction read: as typed
])
def test_a_fraction_read_as_a_percent_is_quoted_as_compared(tmp_path, target, actual, quoted):
    """年度指标值（%） | 实际完成值（%）, 接种率 ≥95 done 0.9 (a fraction the rules read as
    90 %), full marks 20: JX402 quotes what was compared, 90 % beside ≥95 % — before it
    quoted 完成值 0.9 beside ≥95, and a reviewer recomputing 20 × 0.9 ÷ 95 got 0.19,
    not the 18.95 named."""
    header = ("一级指标", "二级指标", "三级指标", "年度指标值（%）", "实际完成值（%）", "分值", "得分",
              "偏差原因分析及改进措施")
    row = ("产出指标", "数量指标", "适龄儿童免疫规划疫苗接种率", target, actual, 20, 20, None)
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", _with_row(row, 0), total=100,
                                        header=header))
    [found] = data["findings"]
    assert (found["code"], found["sheet"], found["cell"]) == ("JX402", "自评表", "H5")
    assert found["message"] == (f"“适龄儿童免疫规划疫苗接种率”未达到指标值（{quoted}），却得满分 20，"
                                "按财政部规则应为 18.95（正向指标：分值 × 实际完成值 ÷ 年度指标值）")


@pytest.mark.parametrize(("target", "actual", "quoted"), [
    ("≥0.5", 80, "完成值 80% 是指标值 ≥50%"),  # a bare fraction as the target: 50 %
    ("≥0.5", "80%", "完成值 80% 是指标值 ≥50%"),
    ("≥50%", "80%", "完成值 80% 是指标值 ≥50%"),  # written in percent: as before
    ("≥50", 80, "完成值 80 是指标值 ≥50"),  # both bare, no fraction read: as typed
])
def test_a_target_fraction_read_as_a_percent_is_quoted_as_compared(tmp_path, target, actual,
                                                                   quoted):
    """覆盖率 ≥0.5 done 80 (the rules read the 指标值 as 50 %), no reason: JX206 quotes the
    two as compared (before: 完成值 80 超出指标值 ≥0.5 的 60%)."""
    row = ("产出指标", "数量指标", "家庭医生签约覆盖率", target, actual, 20, 20, None)
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", _with_row(row, 0), total=100))
    [found] = data["findings"]
    assert (found["code"], found["sheet"], found["cell"]) == ("JX206", "自评表", "I5")
    assert found["message"] == (f"“家庭医生签约覆盖率”{quoted} 的 160%（超出 60%），未说明原因（年度指标值是否定得"
                                "过低？请在偏差原因中说明）")


# ------------------------------------------------ changes and rates


def test_a_change_the_other_way_at_full_marks_is_an_error(tmp_path):
    """rt24 wb6: 农民人均收入 增长10% done 下降5%, full marks 10: a rise of −5 %, scored 0
    (DOMAIN.md: a negative 完成值 counts 0) — JX402 (before: only JX204 “单位…无法比较”)."""
    row = ("效益指标", "社会效益指标", "农民人均收入", "增长10%", "下降5%", 20, 20, None)
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", _with_row(row, 4), total=100))
    assert [(f["code"], f["message"]) for f in data["findings"]] == [
        ("JX402", "“农民人均收入”未达到指标值（指标值 增长10%，完成值 下降5%），却得满分 20，按财政部"
                  "规则应为 0（正向指标：实际完成值“下降5%”是下降，不是要求的增长，按 0 计，得 0 分）"),
        # the rules' 总分 80 is 良, not the 优 written: the outcome, said at the grade
        ("JX502", "按财政部规则计算总分 80，评分等级应为“良”（填报“优”，总分填报 100）；"
                  "各项得分与规则相差：H9 20（规则 0）")]
    assert data["total_computed"] == 80


@pytest.mark.parametrize(("target", "actual", "score", "found"), [
    ("≥2个百分点", "提高2.5个百分点", 20, []),   # the same way, in words
    ("下降2个百分点", "2.3个百分点", 20, []),     # the number is the fall
    ("下降2%", "上升1%", 0, []),                  # the other way, 0 points as written
    ("下降2个百分点", "持平", 0, []),             # no fall: 0 of it
    ("下降2个百分点", "未下降", 0, []),
    ("≥2个百分点", "下降2.5个百分点", 20, ["JX204"])])  # which way was wanted?
def test_a_change_with_its_way_on_one_side_only(tmp_path, target, actual, score, found):
    """rt24 wb6: a change to reach with its word on one side only compares that change;
    the other way is below 0 (before: JX204 for each, no total). (Graded 优 as written:
    80 points is 良, JX502's, left aside.)"""
    reason = "受灾害影响，未达到" if score < 20 else None
    row = ("效益指标", "社会效益指标", "优良品种覆盖率", target, actual, 20, score, reason)
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", _with_row(row, 4),
                                        total=80 + score))
    assert [code for code in codes(data) if code != "JX502"] == found
    assert data["indicators"][4]["score_computed"] == (None if found else score)


def test_rates_per_unit_and_a_unit_with_its_other_name_compare(tmp_path):
    """rt24 wb10: ≥40套 done 42台(套), ≤3000元/亩 done 43500元/公顷 (2900元/亩), ≥50公斤/亩
    done 780公斤/公顷 (52公斤/亩): all met, nothing to say (before: three JX204, no total;
    the first quoted the 完成值's unit as “台”). 人次 beside 人 still differ."""
    rows = [("产出指标", "数量指标", "购置农机具", "≥40套", "42台(套)", 20, 20, None),
            ("产出指标", "成本指标", "亩均建设成本", "≤3000元/亩", "43500元/公顷", 20, 20, None),
            ("效益指标", "经济效益指标", "亩均增产", "≥50公斤/亩", "780公斤/公顷", 20, 20, None),
            ("效益指标", "社会效益指标", "培训农户", "≥500人次", "520人", 20, 20, None),
            ("满意度指标", "服务对象满意度指标", "农户满意度", "≥90%", "95%", 10, 10, None)]
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", rows, total=100))
    assert [(f["code"], f["message"]) for f in data["findings"]
            if f["code"] == "JX204"] == [
        ("JX204", "“培训农户”的指标值单位“人次”与完成值单位“人”无法比较")]
    assert [i["score_computed"] for i in data["indicators"]] == [20, 20, 20, None, 10]
