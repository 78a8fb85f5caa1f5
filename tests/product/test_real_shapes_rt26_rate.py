"""Round 26 执行率 and its score (rt26 f): the rate is 全年执行数 ÷ 全年预算数 — a whole
percent stands only for what rounding or truncating it gives, the 执行率得分 is 分值 × B/A
whatever rate is written, and a 预算执行率 row is scored from the money's rate (each test
marked “before” fails on 6978153)."""

import openpyxl
import pytest
from test_real_shapes import checked, codes
from test_real_shapes_round16 import CLOSING, HEAD, ROWS
from workbooks import Percent, grid_book

MONEY_HEADER = ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
INDICATOR_HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                    "偏差原因分析及改进措施"]
INDICATORS = 89.44  # ROWS' scores; the money's 执行率得分 makes the 总分


def _standard(path, budget, executed, rate, score, rows=ROWS, total=None):
    total = round(INDICATORS + score, 2) if total is None else total
    close = [CLOSING[0][:1] + [None] * 4 + [100, total], ["评分等级", "优" if total >= 90 else "良"]]
    money = ["年度资金总额", budget, budget, executed, 10, rate, score]
    return grid_book(path, [*HEAD[:4], MONEY_HEADER, money, INDICATOR_HEADER,
                            *map(list, rows), *close])


def _messages(data, code):
    return [(f["cell"], f["message"]) for f in data["findings"] if f["code"] == code]


def test_a_whole_percent_a_point_above_the_rate_is_wrong(tmp_path):
    """114 ÷ 120 = 95.00 % written “96%” and scored 9.6. Before: 总分 填报 99.6 / 计算 99.5
    and 未发现问题 — the ±1 of a whole percent let 96 stand for 95.00, and the score was
    checked against it."""
    _, data = checked(_standard(tmp_path / "t.xlsx", 120, 114, "96%", 9.6))
    assert codes(data) == ["JX301", "JX302"], data["findings"]
    assert _messages(data, "JX301") == [
        ("F6", "“年度资金总额”执行率写为 96%，按 全年执行数 114 ÷ 全年预算数 120 应为 95%")]
    assert _messages(data, "JX302") == [
        ("G6", "执行率得分写为 9.6，按分值 10 × 执行率 95% 应为 9.5（表中执行率写为 96%，有误，"
               "见 JX301）；总分 99.04 随之应为 98.94")]


def test_a_whole_percent_rounded_up_is_right_but_the_score_is_not(tmp_path):
    """117 ÷ 120 = 97.5 % written “98%” (half up: right) but scored 9.8 from the rounded rate.
    Before: nothing (the score was checked against the written 98 %)."""
    _, data = checked(_standard(tmp_path / "t.xlsx", 120, 117, "98%", 9.8))
    assert codes(data) == ["JX302"], data["findings"]
    assert _messages(data, "JX302") == [
        ("G6", "执行率得分写为 9.8，按分值 10 × 执行率 97.5% 应为 9.75（表中执行率写为 98%，是舍入后"
               "的数；得分按 全年执行数 117 ÷ 全年预算数 120 计，不先舍入）；总分 99.24 随之应为 99.19")]
    # a few hundredths from the rounded rate, the grade unmoved: a warning
    assert [f["severity"] for f in data["findings"]] == ["warning"]


def test_a_score_from_a_rounded_rate_that_moves_the_grade_is_an_error(tmp_path):
    """11 ÷ 200 = 5.5 % written “6%” and scored 0.6: the 总分 90.04 优 is 89.99 良 by the
    rules — the rounding moved the grade, an error."""
    _, data = checked(_standard(tmp_path / "g.xlsx", 200, 11, "6%", 0.6))
    [(cell, message)] = _messages(data, "JX302")
    assert cell == "G6" and message.endswith("总分 90.04 随之应为 89.99，评分等级“优”应为“良”"), message
    assert [f["severity"] for f in data["findings"] if f["code"] == "JX302"] == ["error"]


@pytest.mark.parametrize("budget, executed, rate, score", [
    (120, 117, "98%", 9.75),              # 97.5 rounded half up, the score unrounded
    (200, 191.8, "95%", 9.59),            # 95.9 truncated
    (120, 118.2, "98.50%", 9.85),         # written to the cent
    (120, 118.2, Percent(0.985), 9.85),   # 0.985 formatted 0.00%
    (120, 118.2, "98.4%", 9.85),          # one unit of a decimal still allowed (kept)
    (100, 96.37, "96%", 9.64),            # 96.37 rounded
])
def test_rates_rounding_can_give_stay_right(tmp_path, budget, executed, rate, score):
    """The neighbours: a rate rounding or truncation gives, or one written with decimals."""
    _, data = checked(_standard(tmp_path / "t.xlsx", budget, executed, rate, score))
    assert codes(data) == [], data["findings"]


def _rate_under_output(path, actual):
    """Putuo style: 预算资金执行率 under 产出 | 数量指标; the money 115.2 ÷ 120 = 96.00 %."""
    rows = [("产出指标", "数量指标", "预算资金执行率", "≥90%", actual, 5, 5, None),
            ("产出指标", "数量指标", "培训人数", "≥500人", "520人", 15, 15, None), *ROWS[1:]]
    return _standard(path, 120, 115.2, "96.00%", 9.6, rows=rows)


@pytest.mark.parametrize("actual", ["95%", "97%", 95])
def test_a_rate_indicator_a_point_off_the_money_is_flagged(tmp_path, actual):
    """Before: nothing — 95 (or 97) within the ±1 of a whole percent of 96.00."""
    _, data = checked(_rate_under_output(tmp_path / "t.xlsx", actual))
    assert codes(data) == ["JX305"], data["findings"]
    shown = actual if isinstance(actual, str) else f"{actual}%"
    assert _messages(data, "JX305") == [
        ("E8", f"“预算资金执行率”完成值 {shown}，与项目资金栏的执行率 96% 不一致")]


@pytest.mark.parametrize("actual", ["96%", "96.0%", 96])
def test_a_rate_indicator_equal_to_the_money_stays_right(tmp_path, actual):
    _, data = checked(_rate_under_output(tmp_path / "t.xlsx", actual))
    assert codes(data) == [], data["findings"]


def _annex(path, actual, score, total, grade, reason=None):
    """评分附件表 with the money on sheet 资金情况 (元): 年初 700,000, 全年 1,200,000,
    执行 720,000 — B/A = 60 %; the 预算执行率 row of its own 一级 beside the indicators."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "评分表"
    funds = book.create_sheet("资金情况")
    for line in (["社区养老服务补贴项目资金情况"], ["单位：元"], ["项目名称", "社区养老服务补贴"],
                 ["资金类别", "年初预算数", "全年预算数", "全年执行数"],
                 ["年度资金总额", 700000, 1200000, 720000],
                 ["其中：财政拨款", 700000, 1200000, 720000]):
        funds.append(line)
    for line in (["社区养老服务补贴项目绩效自评评分表"],
                 ["一级指标", "三级指标", "权重", "目标值", "业绩值", "评分结果", "偏差原因"],
                 ["预算执行率", "预算执行率", 10, "≥90%", actual, score, reason],
                 ["产出指标", "服务老年人数", 30, "≥1000人", "900人", 27, "部分老人入住养老机构"],
                 ["产出指标", "补贴发放准确率", 20, "100%", "100%", 20, None],
                 ["效益指标", "老年人健康档案建档率", 30, "≥90%", "78%", 26, "部分老人随子女外出居住"],
                 ["满意度指标", "服务对象满意度", 10, "≥90%", "95%", 10, None],
                 ["总分", None, 100, None, None, total], ["评分等级", grade]):
        sheet.append(line)
    book.save(path)
    return path


def test_a_rate_row_on_the_initial_budget_is_scored_from_the_money(tmp_path):
    """业绩值 102.86 % (72 ÷ 年初 70) scored 10, the money giving 60 %: the row's score, the
    总分 and the grade follow the money (6, 89, 良). Before: 计算 93 优, only JX305."""
    _, data = checked(_annex(tmp_path / "t.xlsx", "102.86%", 10, 93, "优"))
    assert codes(data) == ["JX305", "JX306", "JX402", "JX502"], data["findings"]
    assert (data["total_computed"], data["grade_computed"]) == (89, "良")
    assert _messages(data, "JX402") == [
        ("F3", "“预算执行率”未达到指标值（指标值 ≥90%，执行率 60%），却得满分 10，按财政部规则应为 6"
               "（预算执行率：分值 × 执行率，执行率按全年执行数 ÷ 全年预算数为 60%；表中执行率写为 "
               "102.86%，有误，见 JX305；总分 93 随之应为 89，评分等级“优”应为“良”）")]


def test_a_rate_row_agreeing_with_the_money_is_unchanged(tmp_path):
    """The neighbour: 业绩值 60 %, 6 points, 89 良, a reason given — nothing to say."""
    _, data = checked(_annex(tmp_path / "t.xlsx", "60%", 6, 89, "良", reason="部分补贴次年发放"))
    assert codes(data) == [], data["findings"]
    assert data["total_computed"] == 89


def _sichuan(path, actual, score, total):
    """四川 form: 调整后预算数 120, 全年执行数 72 (60 %); the 预算执行率 row of its own 一级."""
    lines = [["专项预算项目绩效目标完成情况自评表"], ["（2024年度）"], ["项目名称", "乡村医疗设备购置"],
             ["主管部门", "某县卫生健康局", None, None, "实施单位", "某县人民医院"],
             ["年度预算数（万元）", "年度资金总额", "年初预算数", "调整后预算数", "全年执行数", "预算执行率",
              "偏差大或目标未完成原因分析"],
             [None, "总额", 70, 120, 72, "60%", "年中追加资金50万元，设备12月到货，尾款次年支付"],
             ["绩效指标", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重",
              "实际完成指标值", "得分", "偏差原因分析及改进措施"]]
    rows = [("预算执行率", "预算执行率", "预算执行率", "≥", 90, "%", 10, actual, score, None),
            ("产出指标", "数量指标", "购置设备数量", "≥", 20, "台", 20, 18, 18, "2台设备次年到货"),
            ("产出指标", "质量指标", "设备验收合格率", "＝", 100, "%", 20, 100, 20, None),
            ("产出指标", "成本指标", "设备购置成本", "≤", 120, "万元", 10, 72, 10, None),
            ("效益指标", "社会效益指标", "基层诊疗人次增长率", "≥", 10, "%", 30, 8, 24, "投入使用时间较短"),
            ("满意度指标", "服务对象满意度指标", "患者满意度", "≥", 90, "%", 10, 95, 10, None)]
    close = [["总分", None, None, None, None, None, None, 100, None, total],
             ["评分等级", "优" if total >= 90 else "良"]]
    return grid_book(path, [*lines, *([None, *row] for row in rows), *close])


def test_a_sichuan_rate_row_is_scored_from_the_money(tmp_path):
    """四川: the row says 102.86 % and 10 points; the money 72 ÷ 120 = 60 %. Before: 计算 93."""
    _, data = checked(_sichuan(tmp_path / "t.xlsx", 102.86, 10, 92))
    assert codes(data) == ["JX305", "JX402", "JX502"], data["findings"]
    assert (data["total_computed"], data["grade_computed"]) == (88, "良")
    [(cell, message)] = _messages(data, "JX402")
    assert cell == "J8"
    assert message.endswith("应为 6（预算执行率：分值 × 执行率，执行率按全年执行数 ÷ 全年预算数为 60%；"
                            "表中执行率写为 102.86%，有误，见 JX305；总分 92 随之应为 88，"
                            "评分等级“优”应为“良”）"), message


def test_a_sichuan_rate_row_agreeing_with_the_money_is_unchanged(tmp_path):
    _, data = checked(_sichuan(tmp_path / "t.xlsx", 60, 6, 88))
    assert codes(data) == [], data["findings"]
    assert data["total_computed"] == 88


def _sources(path, name, actual, score=10):
    """The money 200 ÷ 180 = 90 %, its 其中 lines 中央补助资金 100 ÷ 100 and 县级配套资金
    100 ÷ 80; an indicator ``name`` (完成值 ``actual``, 指标值 100%) under 产出 | 时效指标."""
    rows = [*ROWS[:2], ("产出指标", "时效指标", name, "100%", actual, 10, score, None), *ROWS[3:]]
    total = round(INDICATORS + 9, 2)
    close = [CLOSING[0][:1] + [None] * 4 + [100, total], ["评分等级", "优"]]
    money = [["年度资金总额", 200, 200, 180, 10, "90.00%", 9],
             ["其中：中央补助资金", 100, 100, 100, "—", "100.00%", "—"],
             ["      县级配套资金", 100, 100, 80, "—", "80.00%", "—"]]
    return grid_book(path, [*HEAD[:4], MONEY_HEADER, *money, INDICATOR_HEADER,
                            *map(list, rows), *close])


def test_a_rate_indicator_naming_a_source_is_that_lines_rate(tmp_path):
    """中央资金执行率 100 % is the 中央补助资金 line's 100 ÷ 100, not the total's 90 %.
    Before: JX305 “与项目资金栏的执行率 90% 不一致” (rt26 j2 b6b)."""
    table, data = checked(_sources(tmp_path / "t.xlsx", "中央资金执行率", "100%"))
    assert codes(data) == [], data["findings"]
    [row] = [i for i in data["indicators"] if i["name"] == "中央资金执行率"]
    assert (row["cell"], row["score_computed"]) == ("C12", 10)


def test_a_source_rate_indicator_off_its_line_is_flagged_against_that_line(tmp_path):
    """95 % against the 中央 line's 100 %: still JX305, naming the line and its rate.
    Before: held against the total's 90 %."""
    _, data = checked(_sources(tmp_path / "t.xlsx", "中央资金执行率", "95%"))
    assert _messages(data, "JX305") == [
        ("E12", "“中央资金执行率”完成值 95%，与项目资金栏“中央补助资金”的执行率 100% 不一致")]


@pytest.mark.parametrize("name, actual, flagged", [
    ("预算资金执行率", "90%", False),   # the budget's own rate: the total's 90 %
    ("预算资金执行率", "100%", True),   # … even where a 其中 line is at 100 %
])
def test_a_rate_indicator_naming_no_listed_source_keeps_the_total(tmp_path, name, actual, flagged):
    _, data = checked(_sources(tmp_path / "t.xlsx", name, actual))
    expected = [("E12", f"“{name}”完成值 {actual}，与项目资金栏的执行率 90% 不一致")] if flagged else []
    assert _messages(data, "JX305") == expected


def test_a_source_rate_indicator_is_scored_from_its_line(tmp_path):
    """中央资金执行率 100 % scored 9 — the total's 90 % — is scored 10 from its line's
    100 ÷ 100. Before: 9 stood (the row scored 分值 × the total's B/A)."""
    _, data = checked(_sources(tmp_path / "t.xlsx", "中央资金执行率", "100%", score=9))
    assert _messages(data, "JX403") == [
        ("G12", "“中央资金执行率”已达到指标值（指标值 100%，完成值 100%），得分 9 却低于分值 10")]
    [row] = [i for i in data["indicators"] if i["name"] == "中央资金执行率"]
    assert row["score_computed"] == 10


def _fiscal(path, name, actual):
    """Red team r5 (c3n, c3o, c3z, c3w): the money 120 ÷ 110 = 91.67 %, its 其中 lines 当年
    财政拨款 100 ÷ 100 = 100 %, 上年结转 0, 其他资金 20 ÷ 10 = 50 %; an indicator ``name``
    (指标值 ≥90%, 完成值 ``actual``, 10 of 10) under 产出 | 时效指标."""
    rows = [*ROWS[:2], ("产出指标", "时效指标", name, "≥90%", actual, 10, 10, None), *ROWS[3:]]
    total = round(INDICATORS + 9.17, 2)
    close = [CLOSING[0][:1] + [None] * 4 + [100, total], ["评分等级", "优"]]
    money = [["年度资金总额", 120, 120, 110, 10, "91.67%", 9.17],
             ["其中：当年财政拨款", 100, 100, 100, "—", "100.00%", "—"],
             ["      上年结转资金", 0, 0, 0, "—", "—", "—"],
             ["      其他资金", 20, 20, 10, "—", "50.00%", "—"]]
    return grid_book(path, [*HEAD[:4], MONEY_HEADER, *money, INDICATOR_HEADER,
                            *map(list, rows), *close])


@pytest.mark.parametrize("name", ["财政资金支付率", "财政资金支出进度", "财政资金执行率",
                                  "当年财政拨款支付率"])
def test_a_rate_naming_fiscal_money_is_the_fiscal_lines(tmp_path, name):
    """100 % is the 当年财政拨款 line's 100 ÷ 100, not the total's 91.67 %. Before (39ed0a2):
    JX305 “与项目资金栏的执行率 91.67% 不一致” for the 财政资金 names."""
    _, data = checked(_fiscal(tmp_path / "t.xlsx", name, "100%"))
    assert _messages(data, "JX305") == []


def test_a_rate_naming_fiscal_money_off_its_line_is_flagged_against_it(tmp_path):
    _, data = checked(_fiscal(tmp_path / "t.xlsx", "财政资金支付率", "91.67%"))
    assert _messages(data, "JX305") == [
        ("E13", "“财政资金支付率”完成值 91.67%，与项目资金栏“当年财政拨款”的执行率 100% 不一致")]


@pytest.mark.parametrize("name", ["省级资金支付率", "省级资金执行率", "中央资金支出进度", "自筹资金执行率"])
def test_a_rate_naming_a_source_the_block_does_not_list_is_not_compared(tmp_path, name):
    """No 省级/中央 line (自筹 is not 其他资金 by name): the block gives no B ÷ A of that money,
    nothing to compare 100 % with. Before: JX305 against the total's 91.67 % (c3z)."""
    _, data = checked(_fiscal(tmp_path / "t.xlsx", name, "100%"))
    assert _messages(data, "JX305") == []


def test_the_budgets_own_rate_is_still_the_totals(tmp_path):
    _, data = checked(_fiscal(tmp_path / "t.xlsx", "资金支付率", "100%"))
    assert [cell for cell, _message in _messages(data, "JX305")] == ["E13"]
