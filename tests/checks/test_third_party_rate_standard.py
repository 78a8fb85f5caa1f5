"""A 第三方 index system whose 预算执行率 row (or any row with a rate) writes its own
评分标准 of bands or per-percent deductions is scored by that standard, not 分值 × 执行率
(rt30 r1 t4, t6): 200 / 185 = 92.5 % under 90%（含）-100%得3分 is 3, where e0a83dc said
JX404 “应为 3.7 … 总分 91.5 随之应为 92.2”. A standard jixiao cannot read (酌情扣分) leaves
the written 得分 standing; a row writing no standard keeps 分值 × 执行率
(tests/checks/test_third_party_rate_money.py).

The table (t4): 决策 3 + 3 + 2 + 3 + 5 + 4 = 20; 过程 3 + 3 + 4 + 3 + 3 = 16; 产出 10 + 9 + 8
+ 10 = 37; 效益 7 + 6 + 5.5 = 18.5; 20 + 16 + 37 + 18.5 = 91.5 → 优."""

import json

import pytest
from workbooks import Book

from jixiao.pipeline import check_workbook
from jixiao.report.json import json_report
from jixiao.report.text import text_report

BANDS = "执行率100%得4分；90%（含）-100%得3分；80%（含）-90%得2分；80%以下不得分"
TITLE = "2023年度博湖县农村饮水安全工程维修养护项目绩效评价指标体系及评分表"
PROJECT = "博湖县农村饮水安全工程维修养护项目"
# (一级, 二级, 三级, 分值, 指标值, 完成值, 评分标准, 得分, 评价意见)
ROWS = [
    ("决策", "项目立项", "立项依据充分性", 3, "—", "—", "立项依据充分得3分，否则酌情扣分", 3, "立项依据充分"),
    ("决策", "项目立项", "立项程序规范性", 3, "—", "—", "程序规范得3分", 3, "程序规范"),
    ("决策", "绩效目标", "绩效目标合理性", 3, "—", "—", "目标合理得3分，每发现一处不合理扣1分", 2,
     "部分目标与任务不匹配，扣1分"),
    ("决策", "绩效目标", "绩效指标明确性", 3, "—", "—", "指标清晰细化可衡量得3分", 3, "指标明确"),
    ("决策", "资金投入", "预算编制科学性", 5, "—", "—", "预算编制经过论证得5分", 5, "编制科学"),
    ("决策", "资金投入", "资金分配合理性", 5, "—", "—", "分配依据充分得5分，否则酌情扣分", 4,
     "个别乡镇分配依据不充分，扣1分"),
    ("过程", "资金管理", "资金到位率", 3, "100%", "100%", "到位率100%得3分，每降低1%扣0.1分", 3, "资金全部到位"),
    ("过程", "资金管理", "预算执行率", 4, "100%", "92.5%", BANDS, 3, "执行率92.5%，扣1分"),
    ("过程", "资金管理", "资金使用合规性", 4, "—", "—", "资金使用符合规定得4分", 4, "使用合规"),
    ("过程", "组织实施", "管理制度健全性", 3, "—", "—", "制度健全得3分", 3, "制度健全"),
    ("过程", "组织实施", "制度执行有效性", 4, "—", "—", "制度执行有效得4分，发现问题每处扣0.5分", 3,
     "档案资料不完整2处，扣1分"),
    ("产出", "产出数量", "维修养护工程完成率", 10, "100%", "100%", "完成率100%得10分，按比例扣分", 10, "全部完成"),
    ("产出", "产出质量", "工程验收合格率", 10, "100%", "99%", "合格率100%得10分，每降低1%扣1分", 9,
     "合格率99%，扣1分"),
    ("产出", "产出时效", "完成及时性", 10, "2023年10月底前", "2023年12月底", "按期完成得10分，每延期一个月扣1分",
     8, "2处工程延期2个月，扣2分"),
    ("产出", "产出成本", "成本控制情况", 10, "≤200万元", "185万元", "未超出预算得10分，超支不得分", 10, "未超预算"),
    ("效益", "项目效益", "农村供水保障水平", 8, "明显提高", "有所提高", "保障水平明显提高得8分，否则酌情扣分", 7,
     "个别村季节性缺水，扣1分"),
    ("效益", "项目效益", "长效管护机制", 6, "健全", "健全", "机制健全得6分", 6, "机制健全"),
    ("效益", "项目效益", "受益群众满意度", 6, "≥95%", "94%", "满意度≥95%得6分，每降低1%扣0.5分", 5.5,
     "满意度94%，扣0.5分"),
]
RATE, PASSED, SATISFIED = 7, 12, 17  # the 预算执行率, 工程验收合格率 and 满意度 rows
MEASURED = ("一级指标", "二级指标", "三级指标", "分值", "指标值", "实际完成值", "评分标准", "得分", "评价意见")
SCORED = ("一级指标", "二级指标", "三级指标", "分值", "评分标准", "得分", "评价意见")


def _changed(index, standard=None, score=None):
    rows = [list(row) for row in ROWS]
    if standard is not None:
        rows[index][6] = standard
    if score is not None:
        rows[index][7] = score
    return rows


def scored_only(path, rows=ROWS, total=91.5, money=(200, 185, "92.5%")):
    """t4: the 评分表 of 分值, 评分标准 and 得分 only; the money (全年预算数, 全年执行数,
    执行率: 200 / 185) on a 资金情况 sheet after it."""
    book = Book()
    sheet = book.sheet("评分表")
    sheet.line(TITLE)
    sheet.indicators([(row[0], row[1], row[2], row[3], row[6], row[7], row[8]) for row in rows],
                     header=SCORED, lead=None)
    sheet.line("合计", None, None, 100, None, total)
    sheet.line("评价等级", "优")
    sheet = book.sheet("资金情况")
    sheet.line("项目名称", "全年预算数", "全年执行数", "执行率")
    sheet.line(PROJECT, *money)
    return book.save(path)


def measured(path, rows=ROWS, total=91.5, grade="优"):
    """t6: the same table with 指标值 and 实际完成值 columns, no money anywhere."""
    book = Book()
    sheet = book.sheet("评分表")
    sheet.line(TITLE)
    sheet.indicators(rows, header=MEASURED, lead=None, merge=False)
    sheet.line("合计", None, None, 100, None, None, None, total)
    sheet.line("评价等级", grade)
    return book.save(path)


def _checked(path):
    result = check_workbook(path)
    assert result.error is None, result.error
    [checked] = result.tables
    return checked, json.loads(json_report([result]))


def _found(data, code):
    return [(item["cell"], item["message"]) for item in data["findings"] if item["code"] == code]


def test_t4_the_band_standard_gives_3_for_92_5_percent(tmp_path):
    """No JX404 “应为 3.7”: the row is 3 by its bands, the 总分 the 91.5 written."""
    checked, data = _checked(scored_only(tmp_path / "t.xlsx"))
    assert data["layout"] == "third_party"
    assert data["funds"]["rate"] == 92.5
    assert data["indicators"][RATE]["score_computed"] == 3.0
    assert checked.evaluation.total == 91.5
    assert data["findings"] == []
    report = text_report([check_workbook(tmp_path / "t.xlsx")])
    assert "总分 填报 91.5 / 计算 91.5（表中没有年度指标值和实际完成值，各指标按填报得分计，" \
           "“预算执行率”按评分标准和资金的执行率计）" in report


def test_t4_full_marks_at_92_5_percent_is_the_standards_3(tmp_path):
    """Written 4 (总分 92.5): JX402, 3 by the standard, the 总分 91.5."""
    checked, data = _checked(scored_only(tmp_path / "t.xlsx", _changed(RATE, score=4), 92.5))
    [(cell, message)] = _found(data, "JX402")
    assert cell == "F10"  # title, header, then the eighth row
    assert message == (
        "“预算执行率”执行率 92.5%，不到 100%，却得满分 4，按该行评分标准应为 3（评分标准“执行率100%得4分；"
        "90%（含）-100%得3分；80%（含）-90%得2分；80%以下不得分”，执行率按全年执行数 ÷ 全年预算数为 "
        "92.5%）；总分 92.5 随之应为 91.5")
    assert checked.evaluation.total == 91.5


def test_t4_a_deduction_per_percentage_point_of_the_rate(tmp_path):
    """执行率100%得4分，每降低1%扣0.2分: 4 − 7.5 × 0.2 = 2.5. Written 3: JX404 “应为 2.5”,
    the 总分 91.5 − 0.5 = 91; written 2.5 and 91: nothing."""
    standard = "执行率100%得4分，每降低1%扣0.2分"
    checked, data = _checked(scored_only(tmp_path / "a.xlsx", _changed(RATE, standard)))
    [(cell, message)] = _found(data, "JX404")
    assert cell == "F10"
    assert message.startswith("“预算执行率”得分 3，按该行评分标准应为 2.5（评分标准“执行率100%得4分，"
                              "每降低1%扣0.2分”")
    assert message.endswith("总分 91.5 随之应为 91")
    assert checked.evaluation.total == 91.0
    checked, data = _checked(scored_only(tmp_path / "b.xlsx", _changed(RATE, standard, 2.5), 91))
    assert data["findings"] == []
    assert checked.evaluation.total == 91.0


def test_t4_a_standard_not_read_is_scored_by_the_rules(tmp_path):
    """执行率达到要求得4分，否则酌情扣分: nothing jixiao can compute from it, so the rules'
    分值 × 执行率 4 × 92.5 % = 3.7, as before the row's standard was read (rt30 r8): JX404."""
    checked, data = _checked(scored_only(
        tmp_path / "t.xlsx", _changed(RATE, "执行率达到要求得4分，否则酌情扣分")))
    assert data["indicators"][RATE]["score_computed"] == 3.7
    assert [cell for cell, _ in _found(data, "JX404")] == ["F10"]
    assert checked.evaluation.total == 92.2


def test_t4_a_standard_of_the_rules_own_keeps_the_rate_times_the_points(tmp_path):
    """得分=预算执行率×分值: the rules' 分值 × 执行率 (e0a83dc), 4 × 92.5 % = 3.7."""
    checked, data = _checked(scored_only(tmp_path / "t.xlsx", _changed(RATE, "得分=预算执行率×分值")))
    assert data["indicators"][RATE]["score_computed"] == 3.7
    assert [cell for cell, _ in _found(data, "JX404")] == ["F10"]
    assert checked.evaluation.total == 92.2


def test_t6_every_row_by_its_written_standard(tmp_path):
    """t6: 预算执行率 92.5 % → 3 (bands), 工程验收合格率 99 % → 10 − 1 = 9, 满意度 94 % → 6 −
    0.5 = 5.5, 资金到位率 100 % → 3 (per-percent); 保障水平 (酌情扣分) at its written 7 —
    no JX404 ×3 and JX408 of the rules; 总分 91.5."""
    checked, data = _checked(measured(tmp_path / "t.xlsx"))
    assert data["layout"] == "third_party"
    computed = {row["name"]: row["score_computed"] for row in data["indicators"]}
    assert (computed["资金到位率"], computed["预算执行率"], computed["工程验收合格率"],
            computed["受益群众满意度"], computed["农村供水保障水平"]) == (3, 3, 9, 5.5, 7)
    assert checked.evaluation.total == 91.5
    assert data["findings"] == []


@pytest.mark.parametrize(("index", "written", "cell", "expected"), [
    (PASSED, 9.5, "H15", "“工程验收合格率”得分 9.5，按该行评分标准应为 9（评分标准“合格率100%得10分，"
                         "每降低1%扣1分”，完成值为 99%）"),
    (SATISFIED, 5.94, "H20", "“受益群众满意度”得分 5.94，按该行评分标准应为 5.5（评分标准“满意度≥95%得6分，"
                             "每降低1%扣0.5分”，完成值为 94%）"),
])
def test_t6_a_score_off_its_standard_is_said(tmp_path, index, written, cell, expected):
    """A score the written standard does not give (9.5 for 99 % at 1 point a percent; the
    rules' 6 × 94 / 95 = 5.94) is JX404 by that standard."""
    rows = _changed(index, score=written)
    _, data = _checked(measured(tmp_path / "t.xlsx", rows, round(91.5 - ROWS[index][7] + written, 2)))
    assert _found(data, "JX404") == [(cell, expected)]


def _row(index, *values):
    """The rows with row ``index`` given (三级, 指标值, 完成值, 评分标准, 得分, 评价意见)."""
    rows = [list(row) for row in ROWS]
    rows[index][2:] = [values[0], rows[index][3], *values[1:]]
    return rows


def test_a_count_short_of_its_target_under_a_completion_rate_standard(tmp_path):
    """rt30 r8 tA2: 维修户数 ≥100户 → 95户 under 完成率100%得10分，每降低1%扣0.5分 is a
    completion of 95 / 100 = 95 %: 10 − 5 × 0.5 = 7.5, not the 10 written (JX402); the 总分
    91.5 − 10 + 7.5 = 89."""
    rows = _row(11, "农村供水管网维修户数", "≥100户", "95户", "完成率100%得10分，每降低1%扣0.5分", 10,
                "基本完成")
    checked, data = _checked(measured(tmp_path / "t.xlsx", rows))
    assert _found(data, "JX402") == [(
        "H14", "“农村供水管网维修户数”未达到指标值（指标值 ≥100户，完成值 95户），却得满分 10，按该行评分标准"
               "应为 7.5（评分标准“完成率100%得10分，每降低1%扣0.5分”，完成率按 95户 ÷ 100户为 95%）")]
    assert checked.evaluation.total == 89.0


def test_an_overrun_under_a_standard_not_read_is_scored_by_the_rules(tmp_path):
    """rt30 r8 tJ: 成本控制情况 ≤200万元 → 215万元, 10 written under 未超出预算得10分，超支不得分
    (not read): the rules' reverse 10 × (1 − 15 / 200) = 9.25 — JX402, as before the row's
    standard was read, not the written 10 standing."""
    rows = _row(14, "成本控制情况", "≤200万元", "215万元", "未超出预算得10分，超支不得分", 10, "略有超支")
    checked, data = _checked(measured(tmp_path / "t.xlsx", rows))
    [(cell, message)] = _found(data, "JX402")
    assert cell == "H17"
    assert "应为 9.25" in message


def test_a_late_deadline_under_a_standard_not_read_is_scored_by_the_rules(tmp_path):
    """rt30 r8 tH: 2023年10月底前 → 2023年12月底 at full 10 under 每延期一个月扣1分 (not read):
    the rules' 逾期完成 band 6–8 — JX402 and JX408 at H16."""
    rows = _row(13, "完成及时性", "2023年10月底前", "2023年12月底", "按期完成得10分，每延期一个月扣1分", 10,
                "基本按期")
    _, data = _checked(measured(tmp_path / "t.xlsx", rows))
    assert [cell for cell, _ in _found(data, "JX402")] == ["H16"]
    assert [cell for cell, _ in _found(data, "JX408")] == ["H16"]


def test_full_marks_for_a_qualitative_row_short_of_its_target(tmp_path):
    """rt30 r8 tI: 明显提高 → 有所提高 at the full 8 (否则酌情扣分 not read): JX402 and JX408
    (band 4.8–6.4) at H18; the 7 of t6 is the evaluator's 酌情扣分 and stands."""
    rows = _row(15, "农村供水保障水平", "明显提高", "有所提高", "保障水平明显提高得8分，否则酌情扣分", 8, "有所提高")
    _, data = _checked(measured(tmp_path / "t.xlsx", rows, 92.5))
    assert [cell for cell, _ in _found(data, "JX402")] == ["H18"]
    [(cell, message)] = _found(data, "JX408")
    assert cell == "H18" and "4.8–6.4" in message


def test_a_percent_beyond_its_target_under_a_completion_rate_standard(tmp_path):
    """rt30 revB p1: 工程验收合格率 ≥95% → 98% under 完成率100%得10分，每降低1%扣0.5分 is a
    completion of 98 / 95 > 100 %: the full 10 written stands, the target met — no JX402
    “应为 9” of 98 % read as the 完成率 itself; the 总分 91.5 − 9 + 10 = 92.5."""
    rows = _row(PASSED, "工程验收合格率", "≥95%", "98%", "完成率100%得10分，每降低1%扣0.5分", 10, "合格")
    checked, data = _checked(measured(tmp_path / "t.xlsx", rows, 92.5))
    assert data["findings"] == []
    assert data["indicators"][PASSED]["score_computed"] == 10
    assert checked.evaluation.total == 92.5


def test_a_percent_short_of_its_target_under_a_completion_rate_standard(tmp_path):
    """≥95% → 90% under the same standard: a completion of 90 / 95 = 94.74 %, 10 − 5.26 ×
    0.5 = 7.37, not the 10 written (JX402); the 总分 91.5 − 9 + 7.37 = 89.87."""
    rows = _row(PASSED, "工程验收合格率", "≥95%", "90%", "完成率100%得10分，每降低1%扣0.5分", 10, "合格")
    checked, data = _checked(measured(tmp_path / "t.xlsx", rows, 92.5))
    [(cell, message)] = _found(data, "JX402")
    assert cell == "H15"
    assert "应为 7.37" in message and "完成率按 90% ÷ 95%为 94.74%" in message
    assert checked.evaluation.total == 89.87


def test_a_ceiling_under_bands_of_a_rate_to_reach_is_scored_by_the_rules(tmp_path):
    """rt30 revB p1: 工程返工率 ≤5% → 3% under ≥95%得10分，每降低1%扣0.5分 (bands for a rate to
    reach, not this ceiling): the rules' met 10, no JX402 “应为 0” nor JX502 “82.5 良”."""
    rows = _row(PASSED, "工程返工率", "≤5%", "3%", "≥95%得10分，每降低1%扣0.5分", 10, "返工率低")
    checked, data = _checked(measured(tmp_path / "t.xlsx", rows, 92.5))
    assert data["findings"] == []
    assert data["indicators"][PASSED]["score_computed"] == 10
    assert checked.evaluation.total == 92.5


# rt31 r1 b1, b2: the 执行率 on the edge of a band, computed in floating point
EDGES = "执行率95%（含）以上得4分；90%（含）-95%得3分；80%（含）-90%得2分；80%以下不得分"


@pytest.mark.parametrize(("money", "written", "total"), [
    ((52, 46.8, "90%"), 3, 91.5),       # 46.8 / 52 = 89.99999999999999 %: 90%（含）, 3 (not 2)
    ((22.6, 21.47, "95%"), 4, 92.5),    # 94.99999999999999 %: 95%（含）以上, 4 (not 3, JX402)
])
def test_a_rate_on_the_edge_of_a_band(tmp_path, money, written, total):
    """The 总分 91.5 with the row's 3 of t4, 92.5 with 4 — as written: no finding."""
    rows = _changed(RATE, EDGES, written)
    checked, data = _checked(scored_only(tmp_path / "t.xlsx", rows, total, money))
    assert data["indicators"][RATE]["score_computed"] == written
    assert checked.evaluation.total == total
    assert data["findings"] == []


def test_a_completion_on_the_edge_of_a_band(tmp_path):
    """rt31 r1 a10: ≥52公里 → 46.8公里 under 完成率90%（含）以上得10分: 46.8 ÷ 52 = 90 % (in
    floating point 89.99999999999999), the 10 written — no JX402 “应为 6”; 总分 91.5."""
    rows = _row(11, "改造农村公路里程", "≥52公里", "46.8公里",
                "完成率90%（含）以上得10分；80%（含）-90%得6分；80%以下不得分", 10, "基本完成")
    checked, data = _checked(measured(tmp_path / "t.xlsx", rows))
    assert data["indicators"][11]["score_computed"] == 10
    assert checked.evaluation.total == 91.5
    assert data["findings"] == []


# rt31 r1 g1–g10, a4: common wordings of the 满意度 row's standard (分值 6, ≥90% → 88%)
@pytest.mark.parametrize("standard", [
    "满意度达到90%以上得满分，每降低1个百分点扣0.5分",          # 6 − 2 × 0.5 = 5
    "满意度≥90%，得6分；每降低1%，扣0.5分",                     # 5
    "满意度90%以上得满分，80-90%得5分，80%以下不得分",          # 5
    "满意度≥90%的得6分；满意度在80%-90%之间的得5分；80%以下不得分",  # 5
    "满意度≥90%得满分；85%≤满意度<90%得5分；满意度<85%不得分",   # 5
    "1.满意度≥90%得6分；2.80%≤满意度<90%得5分；3.满意度<80%不得分",  # 5
    "满意度≥90%得满分、每降低1%扣0.5分",                        # 5
])
def test_a_wording_of_bands_is_read(tmp_path, standard):
    """Each gives 88 % a 5, as written: no JX404 “按财政部规则应为 5.87” (6 × 88 ÷ 90); the
    总分 91.5 − 5.5 + 5 = 91. Written the full 6 (总分 92): JX402 by the standard, 应为 5."""
    rows = _row(SATISFIED, "受益群众满意度", "≥90%", "88%", standard, 5, "候诊时间较长")
    checked, data = _checked(measured(tmp_path / "a.xlsx", rows, 91))
    assert data["indicators"][SATISFIED]["score_computed"] == 5
    assert checked.evaluation.total == 91.0
    assert data["findings"] == []
    rows = _row(SATISFIED, "受益群众满意度", "≥90%", "88%", standard, 6, "候诊时间较长")
    checked, data = _checked(measured(tmp_path / "b.xlsx", rows, 92))
    [(cell, message)] = _found(data, "JX402")
    assert cell == "H20" and "按该行评分标准应为 5" in message
    assert checked.evaluation.total == 91.0


# rt31 r1 a1, a1b: a decrease-named row whose 完成值 is the fall written with its sign
@pytest.mark.parametrize(("name", "target", "actual", "standard", "expected"), [
    # −6 %: a fall of 6, at least the 5 → the full 10 (not 0)
    ("门诊次均费用下降率", "≥5%", "-6%", "下降率≥5%得10分，每降低1%扣1分", 10),
    # −4 %: a fall of 4, 1 short of 5 → 10 − 1 = 9
    ("门诊次均费用下降率", "≥5%", "-4%", "下降率≥5%得10分，每降低1%扣1分", 9),
    # −3.5 %: 3%（含）以上 → 10
    ("慢性病住院率下降率", "≥3%", "-3.5%", "下降率3%（含）以上得10分；1%（含）-3%得6分；1%以下不得分", 10),
    # −2 %: 1%（含）-3% → 6 (总分 88.5, 良)
    ("慢性病住院率下降率", "≥3%", "-2%", "下降率3%（含）以上得10分；1%（含）-3%得6分；1%以下不得分", 6),
    # 6 % written without its sign: a fall of 6 as before → 10
    ("门诊次均费用下降率", "≥5%", "6%", "下降率≥5%得10分，每降低1%扣1分", 10),
])
def test_a_fall_written_with_its_sign_under_its_own_standard(tmp_path, name, target, actual,
                                                             standard, expected):
    """The row read as the rules read it (no standard: −6 % beside ≥5% of a 下降率 is met,
    10): the standard scores the fall, 6 — not −6 (0, JX404 “应为 0”). Written as
    ``expected``: the 总分 91.5 − 9 + ``expected``, no finding."""
    rows = _row(PASSED, name, target, actual, standard, expected, "费用下降")
    total = 91.5 - 9 + expected
    checked, data = _checked(measured(tmp_path / "t.xlsx", rows, total, "优" if total >= 90 else "良"))
    assert data["indicators"][PASSED]["score_computed"] == expected
    assert checked.evaluation.total == total
    assert data["findings"] == []


def test_a_fall_short_under_its_own_standard_is_said(tmp_path):
    """−4 % written 10 (总分 93.5): JX402 by the standard, 应为 9, the fall read as 4 %."""
    rows = _row(PASSED, "门诊次均费用下降率", "≥5%", "-4%", "下降率≥5%得10分，每降低1%扣1分", 10, "下降4%")
    checked, data = _checked(measured(tmp_path / "t.xlsx", rows, 92.5))
    [(cell, message)] = _found(data, "JX402")
    assert cell == "H15"
    assert "按该行评分标准应为 9" in message and "为 4%" in message
    assert checked.evaluation.total == 91.5


# rt31 r11 e10, e7, e1, e2: stacked bounds and numbered clauses scored by the standard
@pytest.mark.parametrize(("index", "standard", "actual", "written", "total"), [
    # e10: 92.5 % reaches ≥90% and ≥80%, the higher sets 3 (not JX404 “应为 3.7”)
    (RATE, "执行率≥95%得4分；≥90%得3分；≥80%得2分；80%以下不得分", "92.5%", 3, 91.5),
    # e7: 96 % reaches ≥95% and ≥90%: 8 (not JX404 “应为 9.6”); 91.5 − 9 + 8
    (PASSED, "合格率≥98%得10分；≥95%得8分；≥90%得6分；90%以下不得分", "96%", 8, 90.5),
    # e1: 1.100%得10分 is clause 1 of 100 %: 10 (not JX404 “应为 8”); 91.5 − 9 + 10
    (PASSED, "1.100%得10分；2.90%（含）-100%得8分；3.90%以下不得分", "100%", 10, 92.5),
    # e2: 93 % in clause 2, 90%（含）-95%: 8 (not JX404 “应为 9.3”); 91.5 − 9 + 8
    (PASSED, "1.95%以上得10分；2.90%（含）-95%得8分；3.90%以下不得分", "93%", 8, 90.5),
])
def test_a_score_by_stacked_bounds_or_numbered_clauses(tmp_path, index, standard, actual, written,
                                                       total):
    """The written 得分 is the standard's, the 总分 the sum written: no finding."""
    rows = [list(row) for row in ROWS]
    rows[index][5:8] = [actual, standard, written]
    checked, data = _checked(measured(tmp_path / "t.xlsx", rows, total))
    assert data["indicators"][index]["score_computed"] == written
    assert checked.evaluation.total == total
    assert data["findings"] == []


def test_a_standard_of_two_measures_is_left_to_the_rules(tmp_path):
    """rt31 r11 e3: 完成率≥90%得5分，验收合格率≥95%得5分 under 分值 10 (99 %, 10 written) is
    two measures of 5 + 5, not bands of one: no JX402 “按该行评分标准应为 5” nor JX502
    “87.5 良”; the rules score the row, 10 × 99 ÷ 100 = 9.9 (JX402 of the rules: the 100 %
    not reached), the 总分 91.5 − 9 + 9.9 = 92.4."""
    rows = [list(row) for row in ROWS]
    rows[PASSED][5:8] = ["99%", "完成率≥90%得5分，验收合格率≥95%得5分", 10]
    checked, data = _checked(measured(tmp_path / "t.xlsx", rows, 92.5))
    [(cell, message)] = _found(data, "JX402")
    assert cell == "H15" and "按财政部规则应为 9.9" in message and "评分标准" not in message
    assert _found(data, "JX502") == []
    assert checked.evaluation.total == 92.4


# rt32 r1 t09, t05: a ceiling (≤1% of a 差错率) scored by stacked ceilings or bands up to it
STACKED_CEILINGS = "差错率≤1%得10分；≤2%得6分；≤3%得3分；3%以上不得分"
CEILING_BANDS = "差错率≤0.5%得10分；0.5%-1.0%得6分；1.0%以上不得分"


@pytest.mark.parametrize(("target", "actual", "standard", "written"), [
    ("≤1%", "1.6%", STACKED_CEILINGS, 6),     # t09: ≤2% the lowest reached: 6 (not the rules' 4)
    ("≤1%", "2.5%", STACKED_CEILINGS, 3),     # ≤3%: 3 (the rules' 0: 2.5 ≥ 2 × 1)
    ("≤1%", "3.5%", STACKED_CEILINGS, 0),     # 3%以上不得分
    ("≤1%", "0.8%", STACKED_CEILINGS, 10),    # met: ≤1%, the full 10
    ("≤0.5%", "0.8%", CEILING_BANDS, 6),      # t05: 0.5%-1.0%: 6 (not the rules' 4)
    ("≤0.5%", "1.2%", CEILING_BANDS, 0),      # 1.0%以上不得分
])
def test_a_ceiling_scored_by_its_own_ceilings(tmp_path, target, actual, standard, written):
    """The row written as its standard gives it, the 总分 91.5 − 9 + ``written``: no JX404
    “按财政部规则应为 4” (10 × (1 − 0.6 ÷ 1) of 1.6 % against ≤1%)."""
    rows = _row(PASSED, "资金发放差错率", target, actual, standard, written, "差错率偏高")
    total = 91.5 - 9 + written
    checked, data = _checked(measured(tmp_path / "t.xlsx", rows, total, "优" if total >= 90 else "良"))
    assert data["indicators"][PASSED]["score_computed"] == written
    assert checked.evaluation.total == total
    assert data["findings"] == []


def test_full_marks_over_a_ceiling_by_its_own_ceilings_is_said(tmp_path):
    """1.6 % against ≤1% written the full 10 (总分 92.5): JX402 by the standard, 应为 6 (≤2%),
    the 总分 88.5."""
    rows = _row(PASSED, "资金发放差错率", "≤1%", "1.6%", STACKED_CEILINGS, 10, "差错率偏高")
    checked, data = _checked(measured(tmp_path / "t.xlsx", rows, 92.5))
    [(cell, message)] = _found(data, "JX402")
    assert cell == "H15"
    assert "按该行评分标准应为 6" in message and "完成值为 1.6%" in message
    assert checked.evaluation.total == 88.5


def test_a_ceiling_under_a_standard_not_read_is_scored_by_the_rules(tmp_path):
    """差错率≤1%得10分，每增加1%扣1分 (a per-percent increase: not read): the rules' reverse
    10 × (1 − (1.6 − 1) ÷ 1) = 4, the written 6 a JX404 “按财政部规则应为 4”, the 总分
    91.5 − 9 + 4 = 86.5 — as for every ceiling row before."""
    rows = _row(PASSED, "资金发放差错率", "≤1%", "1.6%", "差错率≤1%得10分，每增加1%扣1分", 6, "差错率偏高")
    checked, data = _checked(measured(tmp_path / "t.xlsx", rows, 88.5, "良"))
    [(cell, message)] = _found(data, "JX404")
    assert cell == "H15" and "按财政部规则应为 4" in message
    assert checked.evaluation.total == 86.5


# rt33 r1 c1: the row's standard written for 10 points on a 5-point row (工程验收合格率's
# 10 points moved: 5 to 资金发放差错率, 5 to 成本控制情况's 15)
def _five_point_ceiling(actual, written):
    rows = _row(PASSED, "资金发放差错率", "≤1%", actual, "差错率≤1%得10分；≤2%得6分；2%以上不得分",
                written, "差错率偏高")
    rows[PASSED][3] = 5
    rows[14][3] = rows[14][7] = 15
    return rows


def test_a_standard_written_for_more_points_is_scaled_to_the_weight(tmp_path):
    """1.5 % over ≤1%: ≤2%得6分 of a 10-point standard is 6 ÷ 10 × 5 = 3, as written — no
    JX404 “按该行评分标准应为 5” (full marks for a ceiling broken); the 总分 91.5 − 9 − 10
    + 15 + 3 = 90.5."""
    checked, data = _checked(measured(tmp_path / "t.xlsx", _five_point_ceiling("1.5%", 3), 90.5))
    assert data["indicators"][PASSED]["score_computed"] == 3
    assert "按 10 分写" in checked.evaluation.scores[PASSED].note
    assert checked.evaluation.total == 90.5
    assert data["findings"] == []


def test_full_marks_over_a_ceiling_under_a_standard_of_more_points(tmp_path):
    """The same row written the full 5 (总分 92.5): JX402 by the standard, 应为 3."""
    checked, data = _checked(measured(tmp_path / "t.xlsx", _five_point_ceiling("1.5%", 5), 92.5))
    [(cell, message)] = _found(data, "JX402")
    assert cell == "H15" and "按该行评分标准应为 3" in message
    assert checked.evaluation.total == 90.5
