"""A blank 执行率 in the money block (天长 2022: 880 / 880, 分值 10, 得分 10, the 执行率 cell
empty): a warning naming the cell and the rate computed (JX308) — only where the layout
has a 执行率 cell the unit fills, never on jixiao's template (its 执行率 is a formula)."""

import pytest
from test_real_shapes import checked, codes
from test_real_shapes_headers import NO_WEIGHT_ROWS
from workbooks import Book, Formula

from jixiao.pipeline import check_workbook

HEADER = ("年初预算数", "全年预算数（A）", "全年执行数（B）", "分值", "执行率（B/A）", "得分")
ROWS = [("产出指标", "数量指标", "完成项目数量", "≥2个", "2个", 50, 50),
        ("效益指标", "社会效益指标", "受益人数", "≥1000人", "1200人", 30, 30),
        ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "95%", 10, 10)]


def tianchang(path, rate=None, score=10, executed=880, total=100, merge=True):
    """The standard form with its 执行率 cell left as ``rate`` (None: empty)."""
    book = Book()
    sheet = book.sheet("Sheet1")
    sheet.title("项目支出绩效自评表", "（2022年度）")
    sheet.project("水旱灾害防御经费", "天长市水利局", "天长市水利局")
    sheet.money([("年度资金总额：", 880, 880, executed, 10, rate, score)], header=HEADER)
    sheet.indicators([(*row, None) for row in ROWS], merge=merge)
    sheet.total(100, total)
    return book.save(path)


@pytest.mark.parametrize("merge", [True, False])
def test_a_blank_rate_beside_the_amounts_and_the_score_is_told(tmp_path, merge):
    """Before: “未发现问题”."""
    _, data = checked(tianchang(tmp_path / "t.xlsx", merge=merge))
    assert codes(data) == ["JX308"]
    [found] = data["findings"]
    assert (found["severity"], found["cell"]) == ("warning", "G6")
    assert found["message"] == "“年度资金总额”执行率未填写：按 全年执行数 880 ÷ 全年预算数 880 应为 100%"


def test_a_rate_showing_an_error_value_is_told(tmp_path):
    """The 执行率 cell holds #REF! (a formula's error pasted as a value): printed as it is, it
    says nothing; the rate the amounts give is told (before: “未发现问题”). A formula whose
    result is an error stays JX504's alone."""
    _, data = checked(tianchang(tmp_path / "t.xlsx", rate="#REF!"))
    assert codes(data) == ["JX308"]
    assert data["findings"][0]["message"] == (
        "“年度资金总额”执行率显示 #REF!（公式出错）：按 全年执行数 880 ÷ 全年预算数 880 应为 100%")
    _, data = checked(tianchang(tmp_path / "f.xlsx", rate=Formula("=E6/D6", "#DIV/0!")))
    assert codes(data) == ["JX504"]


def test_the_rate_computed_is_the_one_the_amounts_give(tmp_path):
    _, data = checked(tianchang(tmp_path / "t.xlsx", executed=792, score=9, total=99))
    [found] = [f for f in data["findings"] if f["code"] == "JX308"]
    assert found["message"].endswith("按 全年执行数 792 ÷ 全年预算数 880 应为 90%")


def test_a_filled_rate_is_no_finding_and_a_wrong_one_still_is(tmp_path):
    _, good = checked(tianchang(tmp_path / "good.xlsx", rate="100%"))
    assert codes(good) == []
    _, wrong = checked(tianchang(tmp_path / "wrong.xlsx", rate="90%"))
    assert codes(wrong) == ["JX301"]


def test_a_blank_score_too_is_the_missing_score(tmp_path):
    """Nothing to recompute the 得分 against: JX406 says what is missing, not JX308."""
    _, data = checked(tianchang(tmp_path / "t.xlsx", score=None, total=90))
    assert "JX308" not in codes(data) and "JX406" in codes(data)


def test_the_hubei_form_with_its_rate_blank(tmp_path):
    """湖北 (预算数(A) | 执行数(B) | 执行率(B/A) | 得分(20分*执行率)), no 分值 column."""
    book = Book()
    sheet = book.sheet("自评表")
    sheet.line("项目名称", "农村饮水安全巩固提升")
    sheet.line("预算执行情况（万元）（20分）", None, "预算数(A)", "执行数(B)", "执行率(B/A)",
               "得分(20分*执行率)")
    sheet.line(None, "年度财政资金总额", 800, 792, None, 19.8)
    sheet.line("一级指标", "二级指标", "三级指标", "年初指标值", "年终完成值", "得分")
    for row in NO_WEIGHT_ROWS:
        sheet.line(*row)
    sheet.line("总分", None, None, None, None, 99.8)
    _, data = checked(book.save(tmp_path / "t.xlsx"))
    assert codes(data) == ["JX108", "JX308"]
    assert [f["cell"] for f in data["findings"] if f["code"] == "JX308"] == ["E3"]


def test_a_money_block_without_a_rate_column_is_no_finding(tmp_path):
    book = Book()
    sheet = book.sheet("Sheet1")
    sheet.project("水旱灾害防御经费")
    sheet.line("项目资金（万元）", None, "全年预算数", "全年执行数", "分值", "得分")
    sheet.line(None, "年度资金总额", 880, 880, 10, 10)
    sheet.indicators([(*row, None) for row in ROWS])
    sheet.total(100, 100)
    _, data = checked(book.save(tmp_path / "t.xlsx"))
    assert codes(data) == []


@pytest.mark.parametrize("recalculated", [True, False])
def test_the_template_filled_and_recalculated_never_gets_it(tmp_path, recalculated):
    """jixiao's template computes its 执行率 (a formula): filled (``jixiao new``, the
    amounts and scores typed) and recalculated, or saved without results, no JX308."""
    from jixiao.recalc.workbook import recalc_file
    from jixiao.samples import sample
    from jixiao.template.build import build_template

    path = build_template(tmp_path / "filled.xlsx", year=2024, table=sample("putuo-1")) \
        or tmp_path / "filled.xlsx"
    if recalculated:
        path = recalc_file(path, tmp_path / "filled.recalc.xlsx")[0]
    result = check_workbook(path)
    assert result.error is None and result.tables[0].table.template
    assert "JX308" not in [item.code for item in result.findings]


def test_the_rate_indicator_is_compared_with_the_amounts_rate_not_a_mistyped_one(tmp_path):
    """The money block's 执行率 mistyped 98.5 (31.5 ÷ 31.56 is 99.81): JX301 says so; the
    预算资金执行率 indicator's honest 99.80(%) is no JX305 (rt14-b A3: before, it was an
    error for disagreeing with the typo). The same typo copied into the indicator is."""
    from workbooks import PUTUO_1_MONEY, PUTUO_1_ROWS, standard

    money = [(PUTUO_1_MONEY[0][:5] + (98.5, 9.85)), *PUTUO_1_MONEY[1:]]
    _, honest = checked(standard(tmp_path / "honest.xlsx", money=money, total=(100, 99.85)))
    assert "JX301" in codes(honest) and "JX305" not in codes(honest)
    rows = [row if row[2] != "预算资金执行率" else (*row[:4], "98.5(%)", *row[5:])
            for row in PUTUO_1_ROWS]
    _, copied = checked(standard(tmp_path / "copied.xlsx", rows=rows, money=money,
                                 total=(100, 99.85)))
    [found] = [item for item in copied["findings"] if item["code"] == "JX305"]
    assert found["message"].endswith("与项目资金栏的执行率 99.81% 不一致")


# ---------------------------------------------------------------- a score from a wrong rate

REASON = "原因：宣传不到位；改进措施：加强宣传。"


def divided_by_the_initial(path, rate="108%", score=10, total=90.5, grade="优",
                           budget_header="全年预算数（A）", satisfied=False):
    """rt22 (e_init_grade_P): 年初预算数 100, 全年预算数 120, 全年执行数 108 — the unit
    divided by the 年初预算数 and wrote 108 % and full marks; indicators 80.5."""
    book = Book()
    sheet = book.sheet("Sheet1")
    sheet.title("项目支出绩效自评表", "（2023年度）")
    sheet.project("城乡居民医疗救助", "某区医疗保障局", "某区医疗保障局")
    header = (HEADER[0], budget_header, *HEADER[2:])
    sheet.money([("年度资金总额：", 100, 120, 108, 10, rate, score)], header=header)
    rows = [(*ROWS[0], None), (*ROWS[1], None),
            ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "95%", 10, 10, None)
            if satisfied else
            ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "4.5%", 10, 0.5, REASON)]
    sheet.indicators(rows)
    sheet.total(100, total)
    sheet.grade(grade)
    return book.save(path)


def test_a_score_from_a_wrong_rate_is_told_with_the_total_and_grade_it_carried(tmp_path):
    """Before: only JX301 at G6; the 执行率得分 10 (H6), the 总分 90.5 and the 评分等级 优
    built on the 108 % went unsaid, so a clerk who fixed G6 kept them."""
    _, data = checked(divided_by_the_initial(tmp_path / "t.xlsx"))
    found = [(item["code"], item["cell"], item["message"]) for item in data["findings"]]
    assert found == [
        ("JX301", "G6", "“年度资金总额”执行率写为 108%，按 全年执行数 108 ÷ 全年预算数 120 应为 90%"),
        ("JX302", "H6", "执行率得分写为 10，按分值 10 × 执行率 90% 应为 9（表中执行率写为 108%，"
                        "有误，见 JX301）；总分 90.5 随之应为 89.5，评分等级“优”应为“良”"),
        # the outcome at the grade cell, as for any score that moves the grade
        ("JX502", "B12", "按财政部规则计算总分 89.5，评分等级应为“良”（填报“优”，总分填报 90.5）；"
                         "各项得分与规则相差：H6 10（规则 9）")]
    assert (data["total_computed"], data["grade_computed"]) == (89.5, "良")


def test_the_grade_is_named_only_where_it_changes(tmp_path):
    """Indicators 90 (e_init_both_P_total): 100 becomes 99, still 优."""
    _, data = checked(divided_by_the_initial(tmp_path / "t.xlsx", total=100, satisfied=True))
    [message] = [item["message"] for item in data["findings"] if item["code"] == "JX302"]
    assert message == ("执行率得分写为 10，按分值 10 × 执行率 90% 应为 9（表中执行率写为 108%，"
                       "有误，见 JX301）；总分 100 随之应为 99")


def test_a_total_not_the_sum_is_left_to_jx501(tmp_path):
    """A 总分 that is not the sum of the written scores was not built from them: JX501
    speaks of it, JX302 does not guess what it becomes."""
    _, data = checked(divided_by_the_initial(tmp_path / "t.xlsx", total=95))
    [message] = [item["message"] for item in data["findings"] if item["code"] == "JX302"]
    assert message.endswith("（表中执行率写为 108%，有误，见 JX301）")
    assert codes(data) == ["JX301", "JX302", "JX501", "JX502"]  # 95 ≠ 90.5; 优 ≠ 良 of 89.5


def test_a_right_rate_with_a_wrong_score_and_a_right_table_are_as_before(tmp_path):
    """A wrong score beside a right rate says the 总分 and grade it carried too (rt29)."""
    _, score_only = checked(divided_by_the_initial(tmp_path / "s.xlsx", rate="90%"))
    assert [(item["code"], item["cell"], item["message"]) for item in score_only["findings"]] \
        == [("JX302", "H6", "执行率得分写为 10，按分值 10 × 执行率 90% 应为 9；总分 90.5 随之应为 "
                            "89.5，评分等级“优”应为“良”"),
            ("JX502", "B12", "按财政部规则计算总分 89.5，评分等级应为“良”（填报“优”，总分填报 "
                             "90.5）；各项得分与规则相差：H6 10（规则 9）")]
    _, rate_only = checked(divided_by_the_initial(tmp_path / "r.xlsx", score=9, total=89.5,
                                                  grade="良"))
    assert [(item["code"], item["cell"]) for item in rate_only["findings"]] == [("JX301", "G6")]
    _, right = checked(divided_by_the_initial(tmp_path / "ok.xlsx", rate="90%", score=9,
                                              total=89.5, grade="良"))
    assert codes(right) == []


@pytest.mark.parametrize(("header", "name"), [("调整后预算数", "调整后预算数"),
                                              ("调整后预算数(A)（万元）", "调整后预算数"),
                                              ("全年预算数（A）", "全年预算数")])
def test_the_division_names_the_budget_column_the_table_has(tmp_path, header, name):
    """rt22 (sc_adj_P): the header says 调整后预算数; JX301 said “÷ 全年预算数 120”."""
    _, data = checked(divided_by_the_initial(tmp_path / "t.xlsx", budget_header=header))
    [message] = [item["message"] for item in data["findings"] if item["code"] == "JX301"]
    assert message == f"“年度资金总额”执行率写为 108%，按 全年执行数 108 ÷ {name} 120 应为 90%"


def test_lines_that_do_not_add_up_name_the_budget_column_the_table_has(tmp_path):
    """rt22f 4: under a 调整后预算数 header, JX304 said “全年预算数：各明细合计 …” while
    JX301 on the same table named 调整后预算数."""
    book = Book()
    sheet = book.sheet("Sheet1")
    sheet.title("项目支出绩效自评表", "（2023年度）")
    sheet.project("城乡居民医疗救助", "某区医疗保障局", "某区医疗保障局")
    sheet.money([("年度资金总额", 100, 120, 108, 10, "90%", 9),
                 ("其中：财政拨款", 100, 110, 108, "—", "98.18%", "—")],
                header=(HEADER[0], "调整后预算数", *HEADER[2:]))
    sheet.indicators([(*ROWS[0], None), (*ROWS[1], None),
                      ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "95%", 10,
                       10, None)])
    sheet.total(100, 99)
    sheet.grade("优")
    _, data = checked(book.save(tmp_path / "t.xlsx"))
    assert [item["message"] for item in data["findings"] if item["code"] == "JX304"] == [
        "调整后预算数：各明细合计 110（财政拨款 110），年度资金总额为 120"]
