"""What units really send (issue 13): each shape of real table, with our own data,
gives the findings a reviewer would and none a reviewer would not, and is read row
for row (name, 一级/二级, target with its direction and unit, actual, weight)."""

import json
import os
import shutil
import subprocess

import pytest
from workbooks import MONEY, Book, sichuan, standard_sheet

from jixiao.checks.base import points
from jixiao.cli.main import main
from jixiao.model import indicator_target
from jixiao.parsing import parse_measure
from jixiao.pipeline import check_workbook
from jixiao.report.json import json_report


def checked(path):
    [result] = [check_workbook(path)]
    assert result.error is None, result.error
    [checked_table] = result.tables
    return checked_table.table, json.loads(json_report([result]))


def codes(data):
    return sorted(item["code"] for item in data["findings"])


def rows_read(table):
    """Each indicator as read: (一级, 二级, 三级, (op, value, unit) of the target, actual, 分值)."""
    out = []
    for indicator in table.indicators:
        target = parse_measure(indicator_target(indicator))
        measure = (target.op, target.value, target.unit) if target.kind == "number" \
            else target.text
        out.append((indicator.level1, indicator.level2, indicator.name, measure,
                    indicator.actual, indicator.weight))
    return out


# ---------------------------------------------------------------- 评分附件表 (1, 2, 3, 4)

ATTACHMENT_ROWS = [
    ("预算执行率", "预算执行率", 10, None, None, 9.6),
    ("产出目标", "—", 50, "—", "—", 50),
    (None, "培训人次", 30, "≥500人次", "620人次", 30),
    (None, "培训合格率", 20, "≥90%", "95%", 20),
    ("效益目标", None, 30, None, None, 28),
    (None, "参保率提升", 20, "≥2%", "1.8%", 18),
    (None, "政策知晓率", 10, "≥85%", "90%", 10),
    ("满意度", None, 10, None, None, 10),
    (None, "参训人员满意度", 10, "≥90%", "93%", 10),
]


YUAN_MONEY = (("预算安排 (1)", 500000), ("其中：财政拨款 (2)", 500000), ("实际到位 (3)", 500000),
              ("实际支出 (4)", 480000), ("结余 (5)", 20000), ("预算执行率(%) (6)=(4)/(1)", 96))


def attachment(path, rows=ATTACHMENT_ROWS, total=97.6, grade="优秀", money=True,
               money_lines=YUAN_MONEY, unit="单位：元"):
    """A 评分附件表 as an evaluation report attaches it: 一级 subtotal rows above their
    三级 rows, 预算执行率 as a row, the grade under 评分结果 past a stray 0 under 权重,
    and the money on its own sheet as 资金安排情况 (labels down the rows, amounts in 元)."""
    book = Book()
    if money:
        sheet = book.sheet("资金安排情况")
        sheet.line("项目资金安排及使用情况")
        sheet.line(unit)
        sheet.line("项目", "金额")
        for line in money_lines:
            sheet.line(*line)
    sheet = book.sheet("评分表")
    sheet.line("附件1：医保经办能力提升项目绩效评分表")
    sheet.line("一级指标", "三级指标", "权重", "目标值", "业绩值", "评分结果")
    for row in rows:
        sheet.line(*row)
    sheet.line("合计", None, 100, None, None, total)
    sheet.line("评价等级", 0, None, None, None, grade)
    return book.save(path)


def test_attachment_table_read_right_gives_no_false_alarm(tmp_path):
    table, data = checked(attachment(tmp_path / "附件表.xlsx"))
    assert data["layout"] == "attachment" and codes(data) == []
    assert rows_read(table) == [
        ("产出目标", None, "培训人次", (">=", 500, "人次"), "620人次", 30),
        ("产出目标", None, "培训合格率", (">=", 90, "%"), "95%", 20),
        ("效益目标", None, "参保率提升", (">=", 2, "%"), "1.8%", 20),
        ("效益目标", None, "政策知晓率", (">=", 85, "%"), "90%", 10),
        ("满意度", None, "参训人员满意度", (">=", 90, "%"), "93%", 10)]
    assert [(s.label, s.weight, s.score, len(s.members)) for s in table.subtotals] == [
        ("产出目标", 50, 50, 2), ("效益目标", 30, 28, 2), ("满意度", 10, 10, 1)]
    funds = data["funds"]  # 元 → 万元; the 预算执行率 row is the money's score
    assert (funds["budget"], funds["executed"], funds["rate"]) == (50, 48, 96)
    assert (funds["weight"], funds["weight_source"], funds["score_declared"],
            funds["score_computed"]) == (10, "row", 9.6, 9.6)
    assert (data["total_computed"], data["grade_declared"], data["grade_computed"]) == (
        97.6, "优秀", "优")


def test_money_rows_in_wanyuan_with_other_labels(tmp_path):
    lines = (("本年预算数", 50), ("资金到位率", "100%"), ("实际支出数", 48), ("预算执行率", "96%"))
    _, data = checked(attachment(tmp_path / "万元.xlsx", money_lines=lines, unit="单位：万元"))
    funds = data["funds"]
    assert (funds["budget"], funds["executed"], funds["rate"], funds["rate_declared"]) == (
        50, 48, 96, 96)
    assert codes(data) == []


def test_attachment_mistakes_are_found_where_they_are(tmp_path):
    rows = [list(row) for row in ATTACHMENT_ROWS]
    rows[0][5] = 10          # 执行率 96 %: 9.6, not 10
    rows[1][2] = 40          # the 产出 subtotal says 40, its rows 50
    path = attachment(tmp_path / "错.xlsx", rows=[tuple(row) for row in rows], total=98,
                      grade="良好")
    _, data = checked(path)
    found = {(item["code"], item["cell"]) for item in data["findings"]}
    assert found == {("JX103", "C4"), ("JX302", "F3"), ("JX502", "F13")}


def test_attachment_without_money_accepts_the_declared_rate_score(tmp_path):
    rows = [("预算执行率", "预算执行率", 10, None, None, 3.10), *ATTACHMENT_ROWS[1:]]
    _, data = checked(attachment(tmp_path / "无资金.xlsx", rows=rows, total=91.1, money=False))
    assert codes(data) == ["JX307"] and data["findings"][0]["severity"] == "info"
    assert "3.1" in data["findings"][0]["message"] and data["findings"][0]["cell"] == "F3"
    assert data["total_computed"] == 91.1 and data["funds"]["score_computed"] is None


# ---------------------------------------------------------------- 90 + 10 (12)

SICHUAN_90 = [
    ("产出指标", "数量指标", "购置设备数量", "≥", 20, "台", 30, 20, None),
    ("产出指标", "质量指标", "设备验收合格率", "＝", 100, "%", 20, 100, None),
    ("产出指标", "成本指标", "设备购置成本", "≤", 100, "万元", 10, 75, None),
    ("效益指标", "社会效益指标", "基层诊疗能力", "定性", "明显提升", None, 20, "达成", None),
    ("满意度指标", "服务对象满意度指标", "患者满意度", "≥", 90, "%", 10, 92, None)]


def test_sichuan_90_plus_the_rule_sets_10_is_100(tmp_path):
    table, data = checked(sichuan(tmp_path / "s.xlsx", rows=SICHUAN_90, reason="设备到货延期"))
    assert codes(data) == [] and table.layout == "sichuan"
    funds = data["funds"]
    assert (funds["weight"], funds["weight_source"], funds["rate"], funds["score_computed"]) == (
        10, "rules", 75, 7.5)
    assert data["total_computed"] == 97.5
    assert rows_read(table)[0] == ("产出指标", "数量指标", "购置设备数量", (">=", 20, "台"), 20, 30)
    assert rows_read(table)[3][3:] == ("明显提升", "达成", 20)


def test_a_low_rate_without_its_reason_points_at_the_empty_reason_cell(tmp_path):
    """四川's money block has its own 执行率偏低原因说明 cell: JX306 points there, where the
    reason is written, not at the 执行率 (rt14-b B2: before, E5)."""
    _, data = checked(sichuan(tmp_path / "s.xlsx", rows=SICHUAN_90, rules="sichuan"))
    [found] = [item for item in data["findings"] if item["code"] == "JX306"]
    assert (found["severity"], found["cell"]) == ("warning", "F6"), found  # (the 评分规则 line above)


def test_a_partly_met_qualitative_row_without_a_score_column_is_said_once(tmp_path):
    """四川 (no 得分 column), 明显提升 → 部分达成: one JX410 at the row with its band — not
    the band said twice in two formats, and a JX409 on the same cell again (rt14-b D1);
    the certain deduction, unexplained, is JX405's (rt18-f 2)."""
    rows = [row if row[2] != "基层诊疗能力" else (*row[:7], "部分达成", None)
            for row in SICHUAN_90]
    _, data = checked(sichuan(tmp_path / "s.xlsx", rows=rows, reason="设备到货延期"))
    on_row = [item for item in data["findings"] if "基层诊疗能力" in item["message"]
              and not item["message"].startswith("总分")]
    assert [(item["code"], item["message"]) for item in on_row] == [
        ("JX405", "“基层诊疗能力”部分达成，按规则得分在 12–16 分之间（分值 20），须扣分，"
                  "未说明偏差原因"),
        ("JX410", "“基层诊疗能力”为“部分达成”，须人工评分（12–16 分之间）")]


def test_sichuan_70_is_still_wrong_and_the_message_gives_80(tmp_path):
    rows = [list(row) for row in SICHUAN_90]
    rows[0][6] = 10
    _, data = checked(sichuan(tmp_path / "s.xlsx", rows=[tuple(r) for r in rows], reason="延期"))
    assert codes(data) == ["JX101"]
    message = data["findings"][0]["message"]
    assert "分值合计为 80" in message and "70 + 执行率 10" in message and "四川省规则" in message


# ---------------------------------------------------------------- 一级 from 二级 (5)

def test_blank_level1_across_a_level1_change_follows_the_level2(tmp_path):
    book = Book()
    sheet = book.sheet("自评表")
    sheet.project("医保经办能力提升", "某县医疗保障局", "某县医保中心")
    sheet.money([("年度资金总额", 30, 30, 30, 10, "100%", 10)])
    rows = [("产出指标", "数量指标", "经办业务量", "≥2 万件", "2.3 万件", 30, 30, None),
            (None, "质量指标", "差错率", "≤1%", "0.5%", 20, 20, None),
            (None, "社会效益指标", "群众办事便利度", "明显提升", "达成", 20, 20, None),
            (None, "可持续影响指标", "经办规范长效机制", "建立", "已建立", 10, 10, None),
            ("满意度指标", "服务对象满意度指标", "参保群众满意度", "≥90%", "95%", 10, 10, None)]
    sheet.indicators(rows, merge=False)
    sheet.total(100, 100)
    sheet.grade("优")
    table, data = checked(book.save(tmp_path / "t.xlsx"))
    assert [row[0] for row in rows_read(table)] == [
        "产出指标", "产出指标", "效益指标", "效益指标", "满意度指标"]
    assert codes(data) == ["JX107", "JX107"]  # no JX102/JX104 from a wrong 一级
    assert all(item["severity"] == "info" and "产出指标" in item["message"]
               for item in data["findings"])


# ---------------------------------------------------------------- qualitative (6)

FULLY_SPENT = [("年度资金总额", 30, 30, 30, 10, "100%", 10)]


def medical_insurance(path, rows, total, *, money=FULLY_SPENT, money_header=None, title=None,
                      project=("医保经办能力提升",), **indicators):
    """A standard table of the 医保经办能力提升 project (``project``: the 项目名称 row's
    cells, none when empty; under ``title`` if given): the money lines (fully spent, 10 of
    10; none when ``money`` is empty), the given indicator rows (``indicators``: the
    header, merge …), a total of 100 points with the given score, graded 优."""
    book = Book()
    sheet = book.sheet("自评表")
    if title:
        sheet.title(title)
    if project:
        sheet.project(*project)
    if money:
        sheet.money(money, **({"header": money_header} if money_header else {}))
    sheet.indicators(rows, **indicators)
    sheet.total(100, total)
    sheet.grade("优")
    return book.save(path)


QUALITATIVE_MET = [
    ("产出指标", "数量指标", "经办业务量", "≥2 万件", "2.3 万件", 20, 20, None),
    ("产出指标", "时效指标", "待遇发放时限", "规定时间内", "规定时间内", 10, 10, None),
    ("产出指标", "质量指标", "经办服务质量", "优", "优", 10, 10, None),
    ("产出指标", "成本指标", "资金支出进度", "按计划支出", "按计划支出", 10, 10, None),
    ("效益指标", "社会效益指标", "医保便民服务", "持续推进", "持续推进中", 20, 20, None),
    ("效益指标", "可持续影响指标", "群众投诉率", "低", "无投诉", 10, 10, None),
    ("满意度指标", "服务对象满意度指标", "参保群众满意度", "≥90%", "95%", 10, 10, None)]


def test_equal_or_fulfilling_qualitative_actuals_are_achieved(tmp_path):
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", QUALITATIVE_MET, total=100))
    assert codes(data) == []
    assert [i["met"] for i in data["indicators"]] == [True] * 7
    assert data["total_computed"] == 100 and data["grade_computed"] == "优"


def test_nothing_happened_fulfils_a_target_of_nothing(tmp_path):
    """无 (or 未发生, 没有) beside 无重大安全事故 / 杜绝… is the word it is, not a blank cell:
    what was wanted, full marks; beside 及时 it is no answer."""
    rows = [*QUALITATIVE_MET[:2],
            ("产出指标", "质量指标", "安全生产", "无重大安全事故", "无", 20, 20, None),
            ("效益指标", "社会效益指标", "服务投诉", "杜绝有效投诉", "未发生", 20, 20, None),
            ("效益指标", "可持续影响指标", "信息安全", "零泄露", "没有", 10, 10, None),
            QUALITATIVE_MET[-1]]
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", rows, total=100))
    assert codes(data) == []
    assert [i["met"] for i in data["indicators"]] == [True] * 6
    rows[1] = (*rows[1][:4], "无", *rows[1][5:])
    _, data = checked(medical_insurance(tmp_path / "u.xlsx", rows, total=100))
    assert data["indicators"][1]["met"] is None and codes(data) == ["JX202"]
    [found] = data["findings"]
    assert (found["severity"], found["cell"]) == ("warning", "F6")  # the row's 实际完成值
    assert "只写了“无”" in found["message"] and "规定时间内" in found["message"]


LEVEL2_SUBTOTALS = [
    ("产出指标", "数量指标", None, None, None, 30, 30, None),
    ("产出指标", "数量指标", "经办业务量", "≥2 万件", "2.3 万件", 30, 30, None),
    ("产出指标", "质量指标", None, None, None, 20, 20, None),
    ("产出指标", "质量指标", "差错率", "≤1%", "0.5%", 20, 20, None),
    ("效益指标", "社会效益指标", None, None, None, 30, 30, None),
    ("效益指标", "社会效益指标", "医保便民服务", "持续推进", "持续推进中", 30, 30, None),
    ("满意度指标", "服务对象满意度指标", "参保群众满意度", "≥90%", "95%", 10, 10, None)]


@pytest.mark.parametrize("merged", [True, False])
def test_a_level2_subtotal_row_on_which_its_level1_begins(tmp_path, merged):
    """A 二级 row with its points and no 三级 (数量指标 30) heads the rows below it, also
    where the 一级 merge begins on it, and where 一级 and 二级 are written on every row."""
    table, data = checked(medical_insurance(tmp_path / "t.xlsx", LEVEL2_SUBTOTALS, 100,
                                            merge=merged))
    assert codes(data) == []
    assert [row[2] for row in rows_read(table)] == ["经办业务量", "差错率", "医保便民服务",
                                                     "参保群众满意度"]
    assert [(s.label, s.weight, len(s.members)) for s in table.subtotals] == [
        ("数量指标", 30, 1), ("质量指标", 20, 1), ("社会效益指标", 30, 1)]


def test_short_headers_and_explanation_columns(tmp_path):
    """一级 | 二级 | 三级 | 实际完成 as bare headers; 评分依据 is a text of rules, not the 得分
    column; a deduction explained in 得分说明 is explained."""
    rows = [
        ("产出指标", "数量指标", "经办业务量", "按完成比例计分", "≥2.5 万件", "2 万件", 30, 24,
         "参保人数下降，业务量减少"),
        ("产出指标", "质量指标", "差错率", "超出按比例扣分", "≤1%", "0.5%", 20, 20, None),
        ("效益指标", "社会效益指标", "医保便民服务", "定性评价", "持续推进", "持续推进中", 30, 30,
         None),
        ("满意度指标", "服务对象满意度指标", "参保群众满意度", "按完成比例计分", "≥90%", "95%", 10,
         10, None)]
    header = ("一级", "二级", "三级", "评分依据", "年度指标值", "实际完成", "分值", "得分", "得分说明")
    _reads_the_deduction(tmp_path, rows, header, "参保人数下降，业务量减少")


def _reads_the_deduction(tmp_path, rows, header, reason):
    """The table (经办业务量 ≥2.5 万件, done 2 万件, 24 of 30 with a ``reason``) is read
    through ``header``: the first row right, its reason, no finding, 94 in all."""
    table, data = checked(medical_insurance(tmp_path / "t.xlsx", rows, 94, header=header))
    assert codes(data) == []
    assert rows_read(table)[0] == ("产出指标", "数量指标", "经办业务量", (">=", 2.5, "万件"),
                                   "2 万件", 30)
    assert table.indicators[0].reason == reason
    assert data["total_computed"] == 94


def _named_subtotals(where):
    """Each 一级 closed by a row "产出指标小计" (or 合计) in the 三级 (or 一级) column."""
    rows = []
    for level1, members, label in (
            ("产出指标", [("数量指标", "经办业务量", "≥2 万件", "2.3 万件", 30, 30),
                          ("质量指标", "差错率", "≤1%", "0.5%", 20, 20)], "产出指标小计"),
            ("效益指标", [("社会效益指标", "医保便民服务", "持续推进", "持续推进中", 30, 30)],
             "效益指标合计"),
            ("满意度指标", [("服务对象满意度指标", "参保群众满意度", "≥90%", "95%", 10, 10)],
             "小计")):
        rows += [(level1, *member, None) for member in members]
        points = sum(member[4] for member in members)
        rows.append((level1, None, label, None, None, points, points, None) if where == "name"
                    else (label, None, None, None, None, points, points, None))
    return rows


@pytest.mark.parametrize("where", ["name", "level1"])
def test_a_subtotal_named_after_what_it_sums(tmp_path, where):
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", _named_subtotals(where), total=100))
    assert codes(data) == []
    assert [i["name"] for i in data["indicators"]] == ["经办业务量", "差错率", "医保便民服务",
                                                       "参保群众满意度"]


PAGED = [("产出指标", "数量指标", "经办业务量", "≥2 万件", "2.3 万件", 30, 30, None),
         (None, "质量指标", "差错率", "≤1%", "0.5%", 10, 10, None),
         ("第 1 页，共 2 页", None, None, None, None, None, None, None),
         (None, "时效指标", "办结时限", "≤5天", "3天", 10, 10, None),
         ("效益指标", "社会效益指标", "医保便民服务", "持续推进", "持续推进中", 30, 30, None),
         ("满意度指标", "服务对象满意度指标", "参保群众满意度", "≥90%", "95%", 10, 10, None)]


@pytest.mark.parametrize(("where", "mark"), [(0, "第 1 页，共 2 页"), (2, "第1页"), (1, "- 1 -"),
                                             (0, "Page 1 of 2"), (0, "注：金额单位为万元")])
@pytest.mark.parametrize("merged", [True, False])
def test_a_page_number_between_the_rows_is_no_row(tmp_path, where, mark, merged):
    """A PDF converted to Excel prints the page's number (or a note) between the rows, in
    any column, sometimes merged down over the rows of the next page: no indicator, no
    一级 of the rows after it."""
    rows = [list(row) for row in PAGED]
    rows[2] = [None] * 8
    rows[2][where] = mark
    book = Book()
    sheet = book.sheet("自评表")
    sheet.project("医保经办能力提升")
    sheet.money([("年度资金总额", 30, 30, 30, 10, "100%", 10)])
    sheet.indicators(rows, merge=merged)
    sheet.total(100, 100)
    sheet.grade("优")
    table, data = checked(book.save(tmp_path / "t.xlsx"))
    assert codes(data) == []
    assert [(row[0], row[2]) for row in rows_read(table)] == [
        ("产出指标", "经办业务量"), ("产出指标", "差错率"), ("产出指标", "办结时限"),
        ("效益指标", "医保便民服务"), ("满意度指标", "参保群众满意度")]


def test_an_unjudgeable_row_is_named_and_the_rest_is_totalled(tmp_path):
    rows = [*SICHUAN_90[:3],
            ("效益指标", "社会效益指标", "基层诊疗能力", "定性", "稳步提升", None, 20, "有待加强", "设备刚到位"),
            SICHUAN_90[4]]
    _, data = checked(sichuan(tmp_path / "s.xlsx", rows=rows, reason="设备到货延期"))
    assert codes(data) == ["JX410", "JX410"]
    row, total = data["findings"]
    assert "基层诊疗能力" in row["message"] and "人工评分" in row["message"]
    assert row["cell"] == "I11"
    assert "基层诊疗能力" in total["message"] and "77.5" in total["message"]  # 70 + 7.5
    assert data["total_computed"] is None


def test_an_unjudgeable_row_with_a_declared_score_is_totalled_with_it(tmp_path):
    rows = [("产出指标", "数量指标", "经办业务量", "≥2 万件", "2.3 万件", 50, 50, None),
            ("效益指标", "社会效益指标", "医保便民服务", "稳步提升", "有待加强", 30, 24, "窗口人手不足"),
            ("满意度指标", "服务对象满意度指标", "参保群众满意度", "≥90%", "95%", 10, 10, None)]
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", rows, total=94))
    assert codes(data) == ["JX410", "JX410"]
    assert all(item["severity"] == "info" for item in data["findings"])
    assert "医保便民服务" in data["findings"][0]["message"]
    assert "总分为 94" in data["findings"][1]["message"]


# ---------------------------------------------------------------- empty submission (9)

def test_an_unfilled_template_is_an_error_with_its_own_code(tmp_path, capsys):
    path = tmp_path / "空表.xlsx"
    assert main(["new", str(path)]) == 0
    capsys.readouterr()
    assert main(["check", str(path), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert "JX001" in codes(data) and all(
        item["severity"] != "error" for item in data["findings"] if item["code"] != "JX001")


def test_names_and_weights_only_is_one_jx001_not_a_flood(tmp_path):
    book = Book()
    sheet = book.sheet("自评表")
    sheet.project("某项目")
    sheet.money([("年度资金总额", None, None, None, 10, None, None)])
    sheet.indicators([("产出指标", "数量指标", "培训人次", None, None, 50, None, None),
                      ("效益指标", "社会效益指标", "政策知晓率", None, None, 30, None, None),
                      ("满意度指标", "服务对象满意度指标", "满意度", None, None, 10, None, None)])
    sheet.total(100, None)
    _, data = checked(book.save(tmp_path / "t.xlsx"))
    errors = [item["code"] for item in data["findings"] if item["severity"] == "error"]
    assert errors == ["JX001"] and "3 个指标" in data["findings"][0]["message"]


def test_a_sichuan_form_with_only_its_natures_and_units_is_empty(tmp_path):
    rows = [(*row[:3], row[3], None, row[5], row[6], None, None) for row in SICHUAN_90]
    _, data = checked(sichuan(tmp_path / "空.xlsx", rows=rows, rate=None))
    assert [item["code"] for item in data["findings"] if item["severity"] == "error"] == [
        "JX001"]


# ---------------------------------------------------------------- strict target (7)

def test_strict_target_met_only_at_equality_is_visible_without_a_score_column(tmp_path):
    rows = [*SICHUAN_90[:2],
            ("产出指标", "时效指标", "设备安装时限", "＜", 24, "小时", 10, 24, "厂家到场即装"),
            *SICHUAN_90[3:]]
    table, data = checked(sichuan(tmp_path / "s.xlsx", rows=rows, reason="设备到货延期"))
    assert codes(data) == ["JX409"]
    [item] = data["findings"]
    row = data["indicators"][2]
    assert row["met"] is False and item["severity"] == "warning" and item["cell"] == "I10"
    assert "＜24小时" in item["message"] and "不算达到" in item["message"]
    assert f"得 {points(row['score_computed'])} 分" in item["message"]  # whatever the rule gives
    assert rows_read(table)[2][3] == ("<", 24, "小时")


# ---------------------------------------------------------------- JX205 advice (8)

def test_cost_direction_advice_says_what_is_wrong(tmp_path):
    rows = [(*row[:3], row[3], row[4], row[5], row[6], row[7], row[8]) for row in SICHUAN_90]
    rows[2] = ("产出指标", "成本指标", "医保重要政策知晓率", "≥", 90, "%", 5, 93, None)
    rows.insert(3, ("产出指标", "成本指标", "成本节约率", "≥", 0, "%", 5, 3, None))
    _, data = checked(sichuan(tmp_path / "s.xlsx", rows=rows, reason="设备到货延期"))
    [item] = [item for item in data["findings"] if item["code"] == "JX205"]
    assert "知晓率" in item["message"] and "不是成本" in item["message"]
    assert "应写“≤”" not in item["message"] and item["cell"] == "C10"


# ---------------------------------------------------------------- docs/domain.md §3, §5 (10)

def test_far_exceeded_target_and_a_bare_number_against_wan(tmp_path):
    rows = [("产出指标", "数量指标", "培训场次", "≥", 12, "个", 30, 36, None),
            ("产出指标", "数量指标", "受益人数", "≥", 1.2, "万人", 20, None, None),
            *SICHUAN_90[2:]]
    rows[1] = (*rows[1][:7], 11800, None)  # a bare 11800 beside the 度量单位 万人
    _, data = checked(sichuan(tmp_path / "s.xlsx", rows=rows, reason="设备到货延期"))
    # 11800 is read as 人 (nearer 1.2 万 than 11800 万 is): 98 % of the target, a deduction
    # of 0.33 without a reason (JX405) — and JX207 says the unit is missing, and how it was read
    assert codes(data) == ["JX206", "JX207", "JX405"]
    far, magnitude, unexplained = data["findings"]
    assert "培训场次" in far["message"] and "200%" in far["message"] and far["cell"] == "J8"
    assert "按 11800 人（即 1.18 万人）计分" in magnitude["message"]
    assert "若指 11800 万人" in magnitude["message"]
    assert "得 19.67 分（满分 20）" in unexplained["message"]  # the rules' score, no 得分 column


# ---------------------------------------------------------------- 部门整体支出 money (4)

@pytest.mark.parametrize(("unit", "scale"), [("万元", 1), ("元", 10000)])
def test_department_money_block_side_by_side(tmp_path, unit, scale):
    book = Book()
    sheet = book.sheet("部门整体")
    sheet.line("部门整体支出绩效自评表")
    sheet.line("部门（单位）名称", None, "某县医疗保障局")
    row = sheet.line(f"资金总额（{unit}）", None, "年初预算数", "全年预算数", "全年执行数")
    sheet.merge(row, 1, 2, row + 1)
    sheet.line(None, None, 1200 * scale, 1350 * scale, 1296 * scale)
    sheet.indicators([("产出指标", "数量指标", "参保人数", "≥20 万人", "20.5 万人", 50, 50, None),
                      ("效益指标", "社会效益指标", "基金运行", "平稳", "达成", 30, 30, None),
                      ("满意度指标", "服务对象满意度指标", "满意度", "≥90%", "92%", 10, 10, None)],
                     lead=None)
    sheet.total(90, 99.6)  # 90 + the 执行率's 10 × 96 % scored from the funds
    _, data = checked(book.save(tmp_path / "d.xlsx"))
    funds = data["funds"]
    assert (funds["budget"], funds["executed"], funds["rate"]) == (1350, 1296, 96)
    assert funds["weight_source"] == "rules" and codes(data) == []


# ---------------------------------------------------------------- .xls and .ods (11)

def _convert(source, kind, work):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not on PATH: cannot write an .xls")
    env = {**os.environ, "HOME": str(work)}
    subprocess.run([soffice, f"-env:UserInstallation={(work / 'profile').as_uri()}",
                    "--headless", "--convert-to", kind, "--outdir", str(work / "out"),
                    str(source)], capture_output=True, timeout=180, env=env, check=False)
    out = work / "out" / f"{source.stem}.{kind}"
    assert out.is_file(), f"LibreOffice wrote no .{kind}"
    return out


def _same_check(path):
    result = check_workbook(path)
    assert result.error is None, result.error
    data = json.loads(json_report([result]))
    data.pop("file")
    return data


def test_xls_and_ods_written_by_libreoffice_give_the_same_findings(tmp_path):
    rows = [list(row) for row in ATTACHMENT_ROWS]
    rows[0][5] = 10  # a JX302, so there is something to find
    source = attachment(tmp_path / "附件表.xlsx", rows=[tuple(row) for row in rows], total=98)
    expected = _same_check(source)
    assert codes(expected) == ["JX302"]
    for kind in ("xls", "ods"):
        assert _same_check(_convert(source, kind, tmp_path)) == expected, kind


@pytest.mark.parametrize("kind", ["xls", "ods"])
def test_sichuan_xls_or_ods_with_merged_header_reads_as_the_xlsx(tmp_path, kind):
    """The header's merges are read from an .ods's own content (calamine gives none)."""
    source = sichuan(tmp_path / "四川.xlsx", rows=SICHUAN_90, reason="设备到货延期")
    assert _same_check(_convert(source, kind, tmp_path)) == _same_check(source)


def test_recalc_and_annotate_refuse_an_xls_with_a_clear_line(tmp_path, capsys):
    source = attachment(tmp_path / "附件表.xlsx")
    xls = _convert(source, "xls", tmp_path)
    assert main(["recalc", str(xls)]) == 2
    err = capsys.readouterr().err
    assert "xls" in err and "不能重新计算" in err and "jixiao convert" in err
    assert main(["check", str(xls), "--annotate", str(tmp_path / "标注.xlsx")]) == 2
    out, err = capsys.readouterr()
    assert "注意：未能写出标注副本" in out and "不能制作标注副本" in out and "共 0 个错误" in out
    assert not (tmp_path / "标注.xlsx").exists()


def test_an_xls_in_a_folder_of_copies_is_a_note_as_in_batch(tmp_path, capsys):
    """check x.xls y.xlsx --annotate 文件夹: the .xls is read by value and gets no copy — a
    note (NO_COPY_BY_VALUE), as batch --annotate-dir gives it, not exit 2; the .xlsx its copy."""
    from jixiao.batch.run import NO_COPY_BY_VALUE

    source = attachment(tmp_path / "附件表.xlsx")
    xls = _convert(source, "xls", tmp_path)
    copies = tmp_path / "标注"
    assert main(["check", str(xls), str(source), "--annotate", str(copies)]) == 0
    out, _ = capsys.readouterr()
    assert f"注意：{NO_COPY_BY_VALUE}" in out and "未能写出标注副本" not in out
    assert [path.name for path in copies.iterdir()] == ["附件表-校验.xlsx"]



def test_an_xlsb_is_told_by_its_bytes_and_a_damaged_one_refused_in_chinese(tmp_path):
    import zipfile

    from jixiao.errors import UnreadableWorkbook
    from jixiao.read.workbook import read_workbook
    from jixiao.xlsx.foreign import foreign_format

    path = tmp_path / "导出.xlsx"  # the name says .xlsx; the content is an .xlsb
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.bin", b"\x83\x01\x00")
    assert foreign_format(path.read_bytes()) == "xlsb"
    with pytest.raises(UnreadableWorkbook, match=r"导出\.xlsx.*\.xlsb.*已损坏"):
        read_workbook(path)


@pytest.mark.parametrize(("target", "actual", "met"), [
    ("规定时间内", "规定时间内", True), ("持续推进", "持续推进中", True), ("低", "无投诉", True),
    ("按计划支出", "未按计划支出", False), ("低", "较高", None), ("优", "良", False),
    ("无重大安全事故", "无", True), ("无重大安全事故", "未发生", True), ("杜绝安全事故", "没有", True),
    ("零投诉", "零", True), ("投诉率低", "无投诉", True), ("及时", "无", None),
    ("无重大安全事故", "无法统计", None), ("＝0 起", "未发生", True), ("＝0 起", "无法统计", None)])
def test_qualitative_fulfilment_is_read_from_the_words(target, actual, met):
    from jixiao.rules import is_met

    assert is_met(target, actual) is met


@pytest.mark.parametrize(("text", "grade"), [("优秀", "优"), ("良好", "良"), ("合格", "中"),
                                            ("不合格", "差"), ("优等", "优"), ("0", None),
                                            ("甲", None), ("优（95分）", "优"),
                                            ("良好 86.5", "良"), ("优良", None)])
def test_grade_words(text, grade):
    from jixiao.rules import grade_name

    assert grade_name(text) == grade


def test_xiaoji_rows_under_their_rows_are_subtotals(tmp_path):
    rows = [(None, "培训人次", 30, "≥500人次", "620人次", 30),
            ("产出指标", "培训合格率", 20, "≥90%", "95%", 20),
            ("小计", None, 50, None, None, 50),
            ("效益指标", "政策知晓率", 30, "≥85%", "90%", 30),
            ("小计", None, 30, None, None, 30),
            ("满意度指标", "参训人员满意度", 10, "≥90%", "93%", 10),
            ("小计", None, 10, None, None, 10)]
    rows[0] = ("产出指标", *rows[0][1:])
    rows[1] = (None, *rows[1][1:])
    table, data = checked(attachment(tmp_path / "小计.xlsx",
                                     rows=[ATTACHMENT_ROWS[0], *rows], total=99.6))
    assert codes(data) == [] and [row[2] for row in rows_read(table)] == [
        "培训人次", "培训合格率", "政策知晓率", "参训人员满意度"]
    assert [(s.label, s.weight, len(s.members)) for s in table.subtotals] == [
        ("小计", 50, 2), ("小计", 30, 1), ("小计", 10, 1)]


def test_a_blank_budget_rate_indicator_under_output_stays_an_indicator(tmp_path):
    from workbooks import PUTUO_1_ROWS, standard

    rows = [(*PUTUO_1_ROWS[0][:3], None, None, *PUTUO_1_ROWS[0][5:]), *PUTUO_1_ROWS[1:]]
    table, data = checked(standard(tmp_path / "t.xlsx", rows=rows))
    assert codes(data) == ["JX201", "JX202"] and table.indicators[0].name == "预算资金执行率"
    assert (data["funds"]["weight"], data["funds"]["weight_source"]) == (10, "money")


def test_a_hidden_draft_sheet_in_an_xls_or_ods_is_not_checked(tmp_path):
    book = Book()
    old = standard_sheet(book.sheet("2023年（旧）"), total=(100, 98))  # its 总分 is wrong
    old.ws.sheet_state = "hidden"
    standard_sheet(book.sheet())
    source = book.save(tmp_path / "with-hidden.xlsx")
    expected = _same_check(source)
    assert codes(expected) == [] and expected["sheet"] == "自评表"
    for kind in ("xls", "ods"):
        converted = _convert(source, kind, tmp_path)
        assert _same_check(converted) == expected, kind
        assert check_workbook(converted).notes == [
            "隐藏的工作表“2023年（旧）”中的表未校验：以显示的工作表为准"], kind


# ---------------------------------------------------------------- the sign in its own column

def _signed_sichuan(path, header, rows):
    from workbooks import sichuan_head

    book = Book()
    sheet = sichuan_head(book, reason="设备到货延期")
    sheet.line(None, *header)
    for values in rows:
        sheet.line(None, *values)
    return book.save(path)


def test_a_sign_column_beside_quantitative_or_qualitative_is_the_sign(tmp_path):
    """The 预算管理一体化 export: 指标性质 says 定量/定性, the sign has its own column
    (计算符号); a 指标值 typed with its % beside the 度量单位 % is read once."""
    header = ("一级指标", "二级指标", "三级指标", "指标性质", "计算符号", "指标值", "度量单位",
              "权重", "实际完成指标值", "偏差原因分析及改进措施")
    rows = [("产出指标", "数量指标", "购置设备数量", "定量", "≥", 20, "台", 30, 20, None),
            ("产出指标", "质量指标", "设备验收合格率", "定量", "＝", 100, "%", 20, 100, None),
            ("产出指标", "时效指标", "设备到位时间", "定量", "≤", 30, "天", 10, 25, None),
            ("效益指标", "社会效益指标", "基层诊疗能力", "定性", "/", "明显提升", "/", 20, "达成",
             None),
            ("满意度指标", "服务对象满意度指标", "患者满意度", "定量", "≥", "90%", "%", 10, "92%",
             None)]
    table, data = checked(_signed_sichuan(tmp_path / "一体化.xlsx", header, rows))
    assert codes(data) == []
    assert [row[3] for row in rows_read(table)] == [
        (">=", 20, "台"), ("=", 100, "%"), ("<=", 30, "天"), "明显提升", (">=", 90, "%")]
    assert data["total_computed"] == 97.5  # 90 points met, 执行率 75 % of 10


def test_a_direction_in_words_is_its_sign(tmp_path):
    """指标性质 正向指标 / 反向指标 (and 指标方向 正向/反向): ≥ and ≤; a sign in the value
    itself wins over the column's."""
    header = ("一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重",
              "实际完成指标值", "偏差原因分析及改进措施")
    rows = [("产出指标", "数量指标", "购置设备数量", "正向指标", 20, "台", 30, 20, None),
            ("产出指标", "质量指标", "设备验收合格率", "正向", "≥95", "%", 20, 100, None),
            ("产出指标", "时效指标", "设备到位时间", "反向指标", 30, "天", 10, 25, None),
            ("效益指标", "社会效益指标", "基层诊疗能力", "定性指标", "明显提升", None, 20, "达成",
             None),
            ("满意度指标", "服务对象满意度指标", "患者满意度", "正向指标", 90, "%", 10, 92, None)]
    table, data = checked(_signed_sichuan(tmp_path / "方向.xlsx", header, rows))
    assert codes(data) == []
    assert [row[3] for row in rows_read(table)] == [
        (">=", 20, "台"), (">=", 95, "%"), ("<=", 30, "天"), "明显提升", (">=", 90, "%")]
    late = [list(row) for row in rows]
    late[2][7] = 40  # 40 days against at most 30: short of the target, its reason missing
    table, data = checked(_signed_sichuan(tmp_path / "逾期.xlsx", header, late))
    assert parse_measure(indicator_target(table.indicators[2])).op == "<="
    assert data["total_computed"] < 97.5


def test_a_direction_contradicting_its_sign_column_is_asked_about(tmp_path):
    """巴彦淖尔 2024 (一体化 export): 指标性质 正向 beside 指标方向 小于等于 — one of the two is
    wrong. Before: nothing said; the 指标方向 was used silently. Now JX203 on the 指标性质
    cell; the score stays by the 指标方向. Agreeing pairs say nothing."""
    header = ("一级指标", "二级指标", "三级指标", "指标性质", "指标方向", "指标值", "度量单位",
              "权重", "实际完成指标值", "偏差原因分析及改进措施")
    rows = [("产出指标", "数量指标", "宣传美工制作个数", "正向", "小于等于", 1, "个", 30, 1, None),
            ("产出指标", "质量指标", "设备验收合格率", "正向", "大于等于", 100, "%", 20, 100, None),
            ("产出指标", "时效指标", "设备到位时间", "反向", "小于等于", 30, "天", 10, 25, None),
            ("效益指标", "社会效益指标", "基层诊疗能力", "定性", "/", "明显提升", "/", 20, "达成",
             None),
            ("满意度指标", "服务对象满意度指标", "患者满意度", "正向", "≥", "90%", "%", 10, "92%",
             None)]
    table, data = checked(_signed_sichuan(tmp_path / "相反.xlsx", header, rows))
    assert codes(data) == ["JX203"]
    [found] = data["findings"]
    assert found["cell"] == "E7" and found["message"] == (
        "“宣传美工制作个数”的指标性质为“正向”，指标方向却是“小于等于”，两者相反；已按指标方向计分，"
        "请核对哪一个是对的")
    assert parse_measure(indicator_target(table.indicators[0])).op == "<="
    agreeing = [list(row) for row in rows]
    agreeing[0][4] = "大于等于"
    _, data = checked(_signed_sichuan(tmp_path / "一致.xlsx", header, agreeing))
    assert codes(data) == []


# ---------------------------------------------------------------- the project named only in the title

@pytest.mark.parametrize(("title", "name"), [
    ("2023年度某县农村公路养护项目支出绩效自评表", "某县农村公路养护项目"),
    ("医保经办能力提升项目绩效自评表（2024年度）", "医保经办能力提升项目"),
    ("2024年某某专项资金绩效自评表", "某某专项资金"),
    ("项目支出绩效自评表", None), ("XX局2023年项目支出绩效自评表", None),
    ("部门整体支出绩效自评表", None)])
def test_a_project_named_only_in_its_title(tmp_path, title, name):
    """No 项目名称 row: the title names the project, unless it names only the form."""
    rows = [("产出指标", "数量指标", "经办业务量", "≥2 万件", "2.3 万件", 50, 50, None),
            *QUALITATIVE_MET[4:5], QUALITATIVE_MET[-1]]
    rows[1] = (*rows[1][:5], 30, 30, None)
    table, data = checked(medical_insurance(tmp_path / "t.xlsx", rows, 100, title=title,
                                            project=()))
    assert codes(data) == [] and table.project.name == data["project"]["name"] == name
    if name:
        assert table.sources["project_name"].cell == "A1"  # the title's cell


def test_a_project_name_cell_wins_over_the_title(tmp_path):
    rows = [("产出指标", "数量指标", "养护里程", "≥200 公里", "210 公里", 50, 50, None),
            ("效益指标", "社会效益指标", "通行条件", "明显改善", "明显改善", 30, 30, None),
            ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", 10, 10, None)]
    table, _ = checked(medical_insurance(
        tmp_path / "t.xlsx", rows, 100, title="2023年度某县农村公路养护项目支出绩效自评表",
        project=("农村公路养护", "某县交通运输局", "某县公路养护中心")))
    assert (table.project.name, table.project.department) == ("农村公路养护", "某县交通运输局")


EXECUTION_AS_LEVEL1 = [
    ("预算执行率", None, "预算执行率", "≥90%", "75%", 10, 7.5, "设备到货延期，尾款未付"),
    ("产出指标", "数量指标", "经办业务量", "≥2 万件", "2.3 万件", 30, 30, None),
    ("产出指标", "质量指标", "差错率", "≤1%", "0.5%", 20, 20, None),
    ("效益指标", "社会效益指标", "医保便民服务", "持续推进", "持续推进中", 30, 30, None),
    ("满意度指标", "服务对象满意度指标", "参保群众满意度", "≥90%", "95%", 10, 10, None)]


def test_execution_rate_as_its_own_level1_is_scored_by_the_execution_rule(tmp_path):
    """预算执行率 listed as a 一级 among the indicators (≥90%, 75% spent, 10 points) earns
    10 × 75% = 7.5, as the money part's 执行率 would: ≥90% states the goal, not the rule."""
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", EXECUTION_AS_LEVEL1, 97.5,
                                        money=[]))
    assert codes(data) == []
    assert data["indicators"][0]["score_computed"] == 7.5
    assert data["total_computed"] == 97.5


def test_execution_rate_under_output_is_an_indicator(tmp_path):
    """A 预算资金执行率 under 产出/时效指标 is an indicator like any other: below its ≥90%
    it earns the share of its target (75/90 of 10)."""
    rows = [("产出指标", "时效指标", "预算资金执行率", "≥90%", "75%", 10, 8.33, "设备到货延期"),
            *EXECUTION_AS_LEVEL1[1:]]
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", rows, 98.33, money=[]))
    assert codes(data) == []
    assert data["indicators"][0]["score_computed"] == 8.33


def _funded_by(tmp_path, name, parts, total=30):
    """A table whose 年度资金总额 (``total`` 万元, all spent) is broken down by ``parts``:
    (label, amount) lines under it."""
    money = [("年度资金总额", total, total, total, 10, "100%", 10),
             *((label, amount, amount, amount, None, None, None) for label, amount in parts)]
    return medical_insurance(tmp_path / name, EXECUTION_AS_LEVEL1[1:], 100, money=money)


@pytest.mark.parametrize("parts", [
    [("当年财政拨款", 20), ("上年结余资金", 4), ("社会资金", 6)],
    [("中央补助资金", 12), ("省级资金", 8), ("市县配套", 6), ("单位自有资金", 4)],
    [("财政拨款", 26), ("其中：中央补助", 16), ("省级资金", 10), ("其他资金", 4)],
    [("一般公共预算", 20), ("政府性基金预算", 6), ("专项债券资金", 4)],
    [("财政拨款", 24), ("其中：上级专项资金", 14), ("转移支付资金", 10), ("银行贷款", 6)],
], ids=["结余和社会资金", "按来源分列", "财政拨款的来源", "按预算类别", "专项和转移支付"])
def test_money_parts_by_where_the_money_came_from(tmp_path, parts):
    """上年结余, 社会资金, 中央补助 / 省级资金 / 市县配套, 单位自有资金, 一般公共预算 /
    政府性基金 / 专项债券, 银行贷款 are parts of the 总额 (中央补助, 上级专项, 转移支付 … may also
    break down the 财政拨款 above them): they add up, no JX304."""
    _, data = checked(_funded_by(tmp_path, "t.xlsx", parts))
    assert codes(data) == []
    wrong = [(label, amount + 1 if i == 1 else amount) for i, (label, amount) in enumerate(parts)]
    _, data = checked(_funded_by(tmp_path, "wrong.xlsx", wrong))
    assert codes(data) == ["JX304"] * 3  # 年初预算数, 全年预算数, 全年执行数
    if parts[1][0].startswith("其中"):  # found where it is wrong: the 财政拨款 line
        assert {item["message"].split("：")[1][:6] for item in data["findings"]} == {"“财政拨款”"}


@pytest.mark.parametrize("header", [
    ("一级指标", "二级指标", "三级指标", "年度目标", "执行情况", "满分", "得分", "偏差说明"),
    ("一级指标", "二级指标", "三级指标", "预期目标", "完成指标值", "分值", "得分",
     "存在问题及整改措施"),
    ("一级指标", "二级指标", "三级指标", "年度指标值", "实际达到值", "分值", "得分", "未完成原因"),
    ("一级指标", "二级指标", "三级指标", "预期指标值", "实际指标值", "分值", "得分", "偏差原因"),
    ("一级指标", "二级指标", "三级指标", "指标值", "实际指标值", "分值", "得分", "偏差原因"),
    ("一级指标", "二级指标", "三级指标", "指标值", "完成值", "分值", "得分", "偏差原因"),
], ids=["年度目标-执行情况-满分-偏差说明", "预期目标-完成指标值-整改措施", "实际达到值-未完成原因",
        "预期指标值-实际指标值", "指标值-实际指标值", "指标值-完成值"])
def test_other_words_for_the_standard_columns(tmp_path, header):
    """Headers units write for 指标值 (年度目标, 预期目标), 完成值 (执行情况, 完成指标值,
    实际指标值 — not the 指标值 they hold), 分值 (满分) and the 偏差原因 (偏差说明, 存在问题及
    整改措施, 未完成原因)."""
    rows = [("产出指标", "数量指标", "经办业务量", "≥2.5 万件", "2 万件", 30, 24, "参保人数下降"),
            *EXECUTION_AS_LEVEL1[2:]]
    _reads_the_deduction(tmp_path, rows, header, "参保人数下降")


def test_a_column_of_budget_changes_is_not_the_budget(tmp_path):
    """年初预算数 | 追加（调减）预算数 | 全年预算数 …: the change (−5) is no budget; A is the
    全年预算数 after it."""
    header = ("年初预算数", "追加（调减）预算数", "全年预算数(A)", "全年执行数(B)", "分值",
              "执行率(B/A)", "得分")
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", EXECUTION_AS_LEVEL1[1:], 99,
                                        money=[("年度资金总额", 35, -5, 30, 27, 10, "90%", 9)],
                                        money_header=header))
    assert (data["funds"]["budget"], data["funds"]["executed"], data["funds"]["rate"]) == (30, 27, 90)
    assert codes(data) == []


def test_cost_as_a_level1_of_its_own_counts_with_the_output(tmp_path):
    """成本指标 as a 一级 (产出 40 | 成本 10 | 效益 30 | 满意度 10): its 10 points count with
    the 产出's 40 towards the default 50, no JX102; its 指标值 is a ceiling."""
    rows = [("产出指标", "数量指标", "经办业务量", "≥2 万件", "2.3 万件", 20, 20, None),
            ("产出指标", "质量指标", "差错率", "≤1%", "0.5%", 20, 20, None),
            ("成本指标", "经济成本指标", "人均经办成本", "50 元", "56 元", 10, 8.8, "耗材涨价"),
            ("效益指标", "社会效益指标", "医保便民服务", "持续推进", "持续推进中", 30, 30, None),
            ("满意度指标", "服务对象满意度指标", "参保群众满意度", "≥90%", "95%", 10, 10, None)]
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", rows, total=98.8))
    assert codes(data) == []
    assert data["indicators"][2]["score_computed"] == 8.8  # 10 × (1 − 6/50)


@pytest.mark.parametrize("where", ["level1", "level2", "name"])
def test_a_bare_sum_row_amid_the_table_is_a_subtotal(tmp_path, where):
    """合计 (50 | 50) under the 产出 rows with the 效益 and 满意度 rows below it sums the rows
    above: a subtotal, not the 总分 — the table goes on to its real 总分 row."""
    cells = {"level1": ("合计", None, None), "level2": ("产出指标", "合计", None),
             "name": ("产出指标", None, "合计")}[where]
    rows = [("产出指标", "数量指标", "经办业务量", "≥2 万件", "2.3 万件", 30, 30, None),
            ("产出指标", "质量指标", "差错率", "≤1%", "0.5%", 20, 20, None),
            (*cells, None, None, 50, 50, None),
            ("效益指标", "社会效益指标", "医保便民服务", "持续推进", "持续推进中", 30, 30, None),
            ("满意度指标", "服务对象满意度指标", "参保群众满意度", "≥90%", "95%", 10, 10, None)]
    table, data = checked(medical_insurance(tmp_path / "t.xlsx", rows, total=100))
    assert codes(data) == []
    assert [i["name"] for i in data["indicators"]] == ["经办业务量", "差错率", "医保便民服务",
                                                       "参保群众满意度"]
    assert [(s.weight, len(s.members)) for s in table.subtotals] == [(50, 2)]
    assert data["total_declared"] == 100


def test_attachment_execution_row_with_its_target_and_actual(tmp_path):
    """预算执行率 | 预算执行率 | 10 | ≥90% | 96% | 9.6 in a 评分附件表: an indicator row
    scored by the execution rule, 10 × 96% = 9.6 — not the full 10 of a met ≥90%."""
    rows = [["预算执行率", "预算执行率", 10, "≥90%", "96%", 9.6], *ATTACHMENT_ROWS[1:]]
    _, data = checked(attachment(tmp_path / "附件表.xlsx", rows=rows))
    assert codes(data) == []
    assert data["indicators"][0]["score_computed"] == 9.6 and data["total_computed"] == 97.6
    assert data["indicators"][0]["met"] is True  # 96 % reaches ≥90 % (it said False: not 10)


def test_attachment_execution_row_short_of_its_target(tmp_path):
    """85 % against ≥90 % beside the money's 48 ÷ 50 = 96 % (JX305): the row is scored from
    the money's rate (rt26 f) — met, 9.6 of 10, never JX403; 8.5 (the written 85 %) and
    full marks are both JX404 against 9.6, the written rate named as wrong."""
    rows = [["预算执行率", "预算执行率", 10, "≥90%", "85%", 8.5], *ATTACHMENT_ROWS[1:]]
    _, data = checked(attachment(tmp_path / "附件表.xlsx", rows=rows, total=96.5))
    assert data["indicators"][0]["met"] is True
    assert codes(data) == ["JX305", "JX404"]
    [message] = [f["message"] for f in data["findings"] if f["code"] == "JX404"]
    assert message.startswith("“预算执行率”得分 8.5，按财政部规则应为 9.6（")
    assert message.endswith("表中执行率写为 85%，有误，见 JX305；总分 96.5 随之应为 97.6）")
    rows = [["预算执行率", "预算执行率", 10, "≥90%", "85%", 10], *ATTACHMENT_ROWS[1:]]
    _, data = checked(attachment(tmp_path / "满分.xlsx", rows=rows, total=98))
    assert codes(data) == ["JX305", "JX404"]
    assert any("应为 9.6" in f["message"] for f in data["findings"] if f["code"] == "JX404")


@pytest.mark.parametrize("grade_after", [False, True])
def test_a_sum_row_with_the_money_block_under_it_is_the_total(tmp_path, grade_after):
    """合计 | 100 | 100 with the money block printed below it (its header names amounts
    where the indicators' texts stand): the 总分, not a subtotal. With the 评分等级 row
    under the money block, the money between them is the table's too (it was lost: a
    false JX101 and JX501)."""
    book = Book()
    sheet = book.sheet("自评表")
    sheet.project("医保经办能力提升")
    sheet.indicators(QUALITATIVE_MET)
    sheet.total(100, 100, label="合计")
    sheet.money(FULLY_SPENT)
    if grade_after:
        sheet.grade("优")
    table, data = checked(book.save(tmp_path / "t.xlsx"))
    assert data["grade_declared"] == ("优" if grade_after else None)
    assert data["total_declared"] == 100 and table.subtotals == []
    assert data["funds"]["budget"] == 30 and data["total_computed"] == 100
    assert codes(data) == []


def test_frequencies_and_full_coverage_score_as_counts_and_percentages(tmp_path):
    """每季度1次 done as 全年开展4次, 100% reached as 全覆盖: met, no finding (before: JX203
    and JX204 warnings on each); 3 of 4 quarterly meetings is a deduction the rules give."""
    rows = [("产出指标", "数量指标", "业务培训", "每季度1次", "全年开展4次", 20, 20, None),
            ("产出指标", "质量指标", "参保覆盖率", "100%", "全覆盖", 10, 10, None),
            *QUALITATIVE_MET[2:]]
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", rows, total=100))
    assert codes(data) == []
    rows[0] = ("产出指标", "数量指标", "业务培训", "每季度召开一次", "3次", 20, 15, "疫情停办一次")
    _, data = checked(medical_insurance(tmp_path / "t2.xlsx", rows, total=95))
    assert codes(data) == [] and data["indicators"][0]["score_computed"] == 15
    rows[0] = ("产出指标", "数量指标", "业务培训", "每季度召开一次", "3次", 20, 20, None)
    _, data = checked(medical_insurance(tmp_path / "t3.xlsx", rows, total=100))
    assert codes(data) == ["JX402"]  # full marks for 3 of 4: not what the rules give


def test_a_time_allowed_under_timeliness_is_a_ceiling(tmp_path):
    """办结时限 "5个工作日" (no sign) under 时效指标, done in 3: the time allowed, met — not
    10 × 3/5 with a false JX402 (未完成却得满分). Over it, the ceiling's deduction."""
    rows = [*QUALITATIVE_MET[:1],
            ("产出指标", "时效指标", "待遇审核办结时限", "5个工作日", "3个工作日", 10, 10, None),
            *QUALITATIVE_MET[2:]]
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", rows, total=100))
    assert codes(data) == []
    rows[1] = ("产出指标", "时效指标", "待遇审核办结时限", "5个工作日", "6个工作日", 10, 8, "系统故障")
    _, data = checked(medical_insurance(tmp_path / "t2.xlsx", rows, total=98))
    assert codes(data) == [] and data["indicators"][1]["score_computed"] == 8  # 10 × (1 − 1/5)


def test_points_of_each_level_in_a_column_of_their_own(tmp_path):
    """一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 评分标准 | 得分 (a third-party index
    system): the 三级指标's own 分值 is the indicator's, not the 一级's 22 (before: the
    first 分值 column was taken — 22 points for one row, none for the rest, seven JX106)."""
    book = Book()
    sheet = book.sheet("评价指标体系")
    sheet.line("一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "评分标准", "得分")
    rows = [("决策", 22, "项目立项", 8, "立项依据充分性", 4, "…", 4),
            (None, None, None, None, "立项程序规范性", 4, "…", 3),
            (None, None, "绩效目标", 14, "绩效目标合理性", 14, "…", 14),
            ("过程", 18, "资金管理", 18, "预算执行率", 18, "…", 16),
            ("产出", 40, "产出数量", 40, "实际完成率", 40, "…", 38),
            ("效益", 20, "项目效益", 20, "满意度", 20, "…", 18)]
    for row in rows:
        sheet.line(*row)
    sheet.line("合计", 100, None, 100, None, 100, None, 93)
    _, data = checked(book.save(tmp_path / "t.xlsx"))
    assert [i["weight"] for i in data["indicators"]] == [4, 4, 14, 18, 40, 20]
    assert data["total_declared"] == 93 and codes(data) == []


def _headed(name):
    """A book whose sheet ``name`` has the project, the money (fully spent) and the
    standard indicator header on a line of its own; the indicator rows are the caller's."""
    book = Book()
    sheet = book.sheet(name)
    sheet.project("医保经办能力提升")
    sheet.money(FULLY_SPENT)
    sheet.line("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
               "偏差原因分析及改进措施")
    return book, sheet


def test_a_level2_merged_across_the_name_names_the_indicator(tmp_path):
    """满意度指标 | 服务对象满意度 (one cell across 二级 and 三级) | ≥90% …: the indicator is
    named by that cell (before: no name, the summary's row blank)."""
    book, sheet = _headed("自评表")
    for row in QUALITATIVE_MET[:-1]:
        sheet.line(*row)
    last = sheet.line("满意度指标", "服务对象满意度", None, "≥90%", "95%", 10, 10)
    sheet.merge(last, 2, 3)
    sheet.line("总分", None, None, None, None, 100, 100)
    sheet.line("评分等级", "优")
    _, data = checked(book.save(tmp_path / "t.xlsx"))
    assert data["indicators"][-1]["name"] == "服务对象满意度"
    assert codes(data) == []


def _wrapped_table(tmp_path, extra=None, merged_level1=False):
    """QUALITATIVE_MET as a PDF converted to a sheet prints it: cells whose text wrapped
    have their second line in a row of its own."""
    book, sheet = _headed("Table 1")
    top = sheet.line("产出指标", "数量指标", "全县经办业务", "≥2 万件", "2.3 万件", 20, 20)
    sheet.line(None, None, "量")
    sheet.line(None, "时效指标", "待遇发放时限", "规定时间", "规定时间内", 10, 10)
    bottom = sheet.line(None, None, None, "内")
    if merged_level1:
        sheet.merge(top, 1, 1, bottom)
    for row in QUALITATIVE_MET[2:-1]:
        sheet.line(*row)
    sheet.line("满意度指", "服务对象满", "参保群众满意", "≥90%", "95%", 10, 10)
    sheet.line("标", "意度指标", "度")
    if extra:
        sheet.line(*extra)
    sheet.line("总分", None, None, None, None, 100, 100)
    sheet.line("评分等级", "优")
    return book.save(tmp_path / "t.xlsx")


@pytest.mark.parametrize("merged_level1", [False, True])
def test_text_wrapped_onto_a_row_of_its_own_is_the_row_above(tmp_path, merged_level1):
    """A converted PDF puts a cell's second line in a row of its own (全县经办业务 / 量,
    规定时间 / 内, 满意度指 / 标): it is the rest of the text above, not an indicator with
    nothing filled in (before: seven JX106/JX201/JX202 errors on a correct table)."""
    _, data = checked(_wrapped_table(tmp_path, merged_level1=merged_level1))
    assert codes(data) == []
    names = [i["name"] for i in data["indicators"]]
    assert names[0] == "全县经办业务量" and names[-1] == "参保群众满意度" and len(names) == 7
    assert data["indicators"][1]["target"] == "规定时间内"
    assert data["indicators"][-1]["level1"] == "满意度指标"


def _leading_wrapped_table(tmp_path, extra=None):
    """QUALITATIVE_MET as a converted PDF prints it when the numbers of a row sit on the
    last line of its wrapped texts: the first lines in a row of their own above."""
    book, sheet = _headed("Table 1")
    sheet.line("产出指标", "数量指标", "全县经办业务")
    sheet.line(None, None, "量", "≥2 万件", "2.3 万件", 20, 20)
    sheet.line(None, "时效指标", "待遇发放时限", "规定时间")
    sheet.line(None, None, None, "内", "规定时间内", 10, 10)
    if extra:
        sheet.line(*extra)
    for row in QUALITATIVE_MET[2:-1]:
        sheet.line(*row)
    sheet.line("满意度指", "服务对象满", "参保群众满意")
    sheet.line("标", "意度指标", "度", "≥90%", "95%", 10, 10)
    sheet.line("总分", None, None, None, None, 100, 100)
    sheet.line("评分等级", "优")
    return book.save(tmp_path / "t.xlsx")


def test_text_wrapped_from_a_row_of_its_own_above_is_the_row_below(tmp_path):
    """全县经办业务 (alone) / 量 | ≥2 万件 | 2.3 万件 | 20 | 20: the first line of the name
    printed a row above the numbers is the start of the text below (before: an indicator
    with nothing filled in and one named 量 — JX106/JX201/JX202 on a correct table)."""
    _, data = checked(_leading_wrapped_table(tmp_path))
    assert codes(data) == []
    names = [i["name"] for i in data["indicators"]]
    assert names[0] == "全县经办业务量" and names[-1] == "参保群众满意度" and len(names) == 7
    assert data["indicators"][1]["target"] == "规定时间内"
    assert data["indicators"][-1]["level1"] == "满意度指标"
    assert data["indicators"][-1]["level2"] == "服务对象满意度指标"


def test_a_row_left_unfilled_above_a_short_name_is_still_a_row(tmp_path):
    """A long name alone above an indicator with a name of its own (经办服务质量) is a row
    the clerk left unfilled, not a first line: still reported."""
    _, data = checked(_leading_wrapped_table(tmp_path, extra=(
        None, "质量指标", "参保人员待遇按时足额发放")))
    names = [i["name"] for i in data["indicators"]]
    assert "参保人员待遇按时足额发放" in names
    assert sorted(set(codes(data))) == ["JX106", "JX201", "JX202"]


def test_a_row_left_unfilled_is_not_taken_for_wrapped_text(tmp_path):
    """A name alone under a shorter one is a row the clerk left unfilled: still reported."""
    _, data = checked(_wrapped_table(tmp_path, extra=(None, None, "参保人员待遇按时足额发放")))
    assert data["indicators"][-1]["name"] == "参保人员待遇按时足额发放"
    assert sorted(set(codes(data))) == ["JX106", "JX201", "JX202"]


@pytest.mark.parametrize(("top", "bottom"), [
    (("年初预算", "全年预算", "全年执行", "分值", "执行率", "得分"),
     ("数", "数(A)", "数(B)", None, "(B/A)", None)),
    (("年初预", "全年预算", "全年执", "分值", "执行", "得分"), ("算数", "数", "行数", None, "率", None)),
])
def test_a_money_header_wrapped_onto_a_row_of_its_own(tmp_path, top, bottom):
    """全年执行 / 数(B) — a converted PDF's money header over two rows: one header (before,
    no 全年执行数 column: JX307, no 执行率 score, no 总分)."""
    book = Book()
    sheet = book.sheet("Table 1")
    sheet.project("医保经办能力提升")
    sheet.line("项目资金", None, *top)
    sheet.line("（万元）", None, *bottom)
    sheet.line(None, "年度资金总额", 30, 30, 29, 10, "96.67%", 9.67)
    sheet.line(None, "其中：当年财政拨款", 30, 30, 29, None, None, None)
    sheet.indicators(QUALITATIVE_MET)
    sheet.total(100, 99.67)
    sheet.grade("优")
    _, data = checked(book.save(tmp_path / "t.xlsx"))
    assert (data["funds"]["executed"], data["funds"]["score_computed"]) == (29, 9.67)
    assert data["total_computed"] == 99.67 and codes(data) == []


def test_money_labels_wrapped_onto_a_row_of_their_own(tmp_path):
    """年度资金 / 总额 and 其中：当年财政 / 拨款 — a converted PDF's money labels over two
    rows: the amounts are the lines'. Before, no line was known (JX101, JX106, JX406)."""
    book = Book()
    sheet = book.sheet("Table 1")
    sheet.project("医保经办能力提升")
    sheet.line("项目资金（万元）", None, *MONEY)
    sheet.line(None, "年度资金", 30, 30, 29, 10, "96.67%", 9.67)
    sheet.line(None, "总额")
    sheet.line(None, "其中：当年财政", 30, 30, 29, None, None, None)
    sheet.line(None, "拨款")
    sheet.indicators(QUALITATIVE_MET)
    sheet.total(100, 99.67)
    sheet.grade("优")
    table, data = checked(book.save(tmp_path / "t.xlsx"))
    assert [line.label for line in (table.funds.total, *table.funds.parts)] == [
        "年度资金总额", "当年财政拨款"]  # 其中： is no part of the name
    assert data["total_computed"] == 99.67 and codes(data) == []


def _paged(tmp_path, second, total=True):
    """QUALITATIVE_MET over two sheets, as a PDF converted page by page (Table 1, Table 2):
    the first four rows under the project and money, the rest on ``second``'s sheet, which
    ``second(sheet, rows)`` fills; the 总分 and 等级 at its end (``total``)."""
    book = Book()
    sheet = book.sheet("Table 1")
    sheet.title("项目支出绩效自评表")
    sheet.project("医保经办能力提升")
    sheet.money(FULLY_SPENT)
    sheet.indicators(QUALITATIVE_MET[:4])
    page = book.sheet("Table 2")
    second(page, QUALITATIVE_MET[4:])
    if total:
        page.line("总分", None, None, None, None, None, 100, 100)
        page.grade("优")
    return book.save(tmp_path / "t.xlsx")


def _with_header(page, rows):
    page.indicators(rows)


def _without_header(page, rows):
    for row in rows:
        page.line(None, *row)


@pytest.mark.parametrize("second", [_with_header, _without_header])
def test_a_table_going_on_on_the_next_sheet_is_one_table(tmp_path, second):
    """A converted PDF's second page on a sheet of its own, with its header printed again
    or without one: the rows, 总分 and 等级 there are the table's. Before, two tables
    (the second without project or money), or one short of its rows (JX101, JX501)."""
    _, data = checked(_paged(tmp_path, second))  # one table
    assert [i["name"] for i in data["indicators"]] == [row[2] for row in QUALITATIVE_MET]
    assert (data["total_declared"], data["grade_declared"]) == (100, "优")
    assert codes(data) == []


def test_a_next_sheet_of_notes_is_no_page_of_the_table(tmp_path):
    """A table without its 总分, the next sheet a 填写说明: the notes are not read as its
    rows; the table stays as short as it is (JX101, JX104 say so)."""
    def notes(page, rows):
        page.line("填写说明")
        page.line("1.", "指标值按年初批复填写")
    _, data = checked(_paged(tmp_path, notes, total=False))
    assert [i["name"] for i in data["indicators"]] == [row[2] for row in QUALITATIVE_MET[:4]]
    assert codes(data) == ["JX101", "JX104", "JX104"]


def test_a_falling_rate_without_its_sign_is_for_the_clerk_to_fix(tmp_path):
    """差错率 "1%" (no ≤), done 0.5 %, full marks: the rules read the "1%" as "＝", and
    doing better would score as falling short — before, a JX402 error (未完成却得满分) and
    a JX404. Now JX203 says to write ≤1%, and the score is not judged by the "＝" reading;
    with the ≤ written, nothing to say. A 投诉率 of 0 (无投诉) needs no sign."""
    def table(target, name, actual="0.5%"):
        rows = [*QUALITATIVE_MET[:2],
                ("产出指标", "质量指标", "经办差错率", target, actual, 10, 10, None),
                *QUALITATIVE_MET[3:]]
        return checked(medical_insurance(tmp_path / name, rows, total=100))[1]

    data = table("1%", "unsigned.xlsx")
    assert codes(data) == ["JX203"]
    assert "应写“≤1%”" in data["findings"][0]["message"]
    assert codes(table("≤1%", "signed.xlsx")) == []
    assert codes(table("0", "zero.xlsx", actual="0")) == []


def test_a_short_heading_row_is_no_wrapped_text(tmp_path):
    """产出 on an indicator's own row, then a row holding only 效益 (the next 一级's heading):
    a row of its own, not the rest of 产出 (产出效益)."""
    book, sheet = _headed("自评表")
    sheet.line("产出", "数量指标", "经办业务量", "≥2 万件", "2.3 万件", 50, 50)
    sheet.line("效益")
    sheet.line(None, "社会效益指标", "医保便民服务", "持续推进", "持续推进中", 30, 30)
    sheet.line("满意度指标", "服务对象满意度指标", "参保群众满意度", "≥90%", "95%", 10, 10)
    sheet.line("总分", None, None, None, None, 100, 100)
    sheet.line("评分等级", "优")
    _, data = checked(book.save(tmp_path / "t.xlsx"))
    assert [i["level1"] for i in data["indicators"]] == ["产出", "效益", "满意度指标"]



def test_a_rate_of_failures_is_no_rate_of_passes(tmp_path):
    """产品不合格率 ≤5%: less is better, rightly ≤ — not the 合格率 in its name, which JX203
    told to write "≥" (a false warning)."""
    rows = [*QUALITATIVE_MET[:2], ("产出指标", "质量指标", "产品不合格率", "≤5%", "2%", 10, 10, None),
            *QUALITATIVE_MET[3:]]
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", rows, total=100))
    assert codes(data) == []


# ---------------------------------------------------------------- the money restated as an indicator

@pytest.mark.parametrize(("target", "actual", "explained"), [
    (43.2, 37.24, True), ("43.2万元", "37.24万元", True), ("432000元", "372400元", True),
    (50, 37.24, False)])
def test_a_low_rate_explained_on_the_indicator_that_restates_the_money(tmp_path, target, actual,
                                                                      explained):
    """廊坊 2019: 工程资金金额 43.2 → 37.24 (the money's 预算数 and 执行数) with its reason
    “剩余3%尾款未付”: that reason explains the 86.2 % rate — before, JX306 said none did.
    A row of other amounts explains nothing of the money."""
    money = [("年度资金总额", 43.2, 43.2, 37.24, 10, "86.2%", 8.62)]
    rows = [("产出指标", "数量指标", "工程资金金额", target, actual, 20, 20 * 37.24 / 43.2,
             "已完工，剩余3%尾款未付"), *QUALITATIVE_MET[1:]]
    rows[0] = (*rows[0][:6], round(rows[0][6], 2), rows[0][7])
    total = round(8.62 + rows[0][6] + sum(row[6] for row in QUALITATIVE_MET[1:]), 2)
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", rows, total, money=money))
    assert ("JX306" in codes(data)) is not explained, data["findings"]
