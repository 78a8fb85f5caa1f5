"""Scores written as what was lost (red team round 26, b): county forms with a 扣分 column
beside 得分 or instead of it, a 得分率（%） column without 得分, scores written 得20分 or
9.68（扣0.32分）. The scores read so are judged as any score (JX404, JX501), and a 扣分
that is not 分值 − 得分 is JX412."""

import pytest
from openpyxl import Workbook, load_workbook
from test_real_shapes import checked, codes

# (一级, 二级, 三级, 指标值, 完成值, 分值, 得分, 偏差原因): 合格率 92% of ≥95% scores 9.68
ROWS = [
    ("产出指标", "数量指标", "培训人数", "≥500人次", "520人次", 20, 20, ""),
    ("产出指标", "数量指标", "覆盖乡镇数", "≥18个", "18个", 10, 10, ""),
    ("产出指标", "质量指标", "培训合格率", "≥95%", "92%", 10, 9.68, "部分学员未参加补考，下年加强考前辅导"),
    ("产出指标", "时效指标", "培训完成及时性", "及时", "及时", 5, 5, ""),
    ("产出指标", "成本指标", "人均培训成本", "≤300元/人", "280元/人", 5, 5, ""),
    ("效益指标", "社会效益指标", "群众政策知晓率", "≥90%", "93%", 15, 15, ""),
    ("效益指标", "可持续影响指标", "培训长效机制", "健全", "健全", 15, 15, ""),
    ("满意度指标", "服务对象满意度指标", "参训人员满意度", "≥90%", "95%", 10, 10, ""),
]
TOTAL = 99.18  # 9.5 for the money + 89.68
QUALITY = 14  # the 合格率's row


def book(path, header, cell, total_row):
    """The 2024 农技培训 table: money block (执行率 95%, 9.5 of 10), then ``header`` from
    A12, each row's cells ``cell(row, heading)``, then ``total_row`` (column → value) and a
    评分等级 row."""
    wb = Workbook()
    ws = wb.active
    ws.title = "自评表"
    ws["A1"] = "项目支出绩效自评表"
    ws["A2"] = "（2024年度）"
    ws["A3"], ws["B3"] = "项目名称", "2024年基层农技人员培训项目"
    ws["A4"], ws["B4"], ws["D4"], ws["E4"] = "主管部门", "某县农业农村局", "实施单位", "某县农技中心"
    ws["A5"] = "项目资金（万元）"
    for column, text in zip("CDEFGH", ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"], strict=True):
        ws[f"{column}5"] = text
    ws["B6"], ws["C6"], ws["D6"], ws["E6"], ws["F6"], ws["G6"], ws["H6"] = \
        "年度资金总额", 100, 100, 95, 10, "95.00%", 9.5
    ws["B7"], ws["C7"], ws["D7"], ws["E7"] = "其中：当年财政拨款", 100, 100, 95
    ws["A10"], ws["B10"], ws["F10"] = "年度总体目标", "预期目标", "实际完成情况"
    ws["B11"], ws["F11"] = "全年培训基层农技人员500人次以上。", "全年培训520人次。"
    for column, text in enumerate(header, 1):
        ws.cell(12, column, text)
    for offset, row in enumerate(ROWS):
        for column, heading in enumerate(header, 1):
            ws.cell(13 + offset, column, cell(row, heading))
    last = 13 + len(ROWS)
    for column, value in total_row.items():
        ws.cell(last, column, value)
    ws.cell(last + 1, 1, "评分等级")
    ws.cell(last + 1, 2, "优")
    wb.save(path)
    return path


LEAD = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值"]


def plain(row, heading, deduction=None, score=None, share=None):
    level1, level2, name, target, actual, weight, scored, why = row
    lost = round(weight - scored, 2)
    values = {"一级指标": level1, "二级指标": level2, "三级指标": name, "年度指标值": target,
              "实际完成值": actual, "分值": weight, "标准分": weight, "得分": scored,
              "实得分": scored, "最终得分": scored, "扣分": lost, "扣减分值": lost,
              "扣分原因": why, "偏差原因分析及改进措施": why,
              "得分率（%）": round(scored / weight * 100, 2)}
    if name == "培训合格率":
        values.update({key: value for key, value in (("扣分", deduction), ("得分", score),
                                                      ("得分率（%）", share)) if value is not None})
    return values[heading]


def koufen_only(path, deduction=None, total_row=None):
    header = [*LEAD, "分值", "扣分", "扣分原因"]
    return book(path, header, lambda row, heading: plain(row, heading, deduction=deduction),
                total_row or {1: "总分", 2: TOTAL})


# ------------------------------------------------------------ 分值 | 扣分, no 得分


def test_a_deduction_column_without_scores_gives_the_scores(tmp_path):
    table, data = checked(koufen_only(tmp_path / "ok.xlsx"))
    quality = table.indicators[2]
    assert (quality.deduction, quality.score_declared) == (0.32, 9.68)
    assert str(quality.sources["score"]) == f"自评表!G{QUALITY + 1}"
    assert data["total_declared"] == TOTAL and codes(data) == [], data["findings"]


def test_a_wrong_deduction_without_scores_is_judged_as_a_score(tmp_path):
    """s2b plant2: 扣 3 where the rules give 0.32, the 总分 96.5 — exit 0 and one JX409
    before (the 扣分 and the 总分 unread); now JX404 at the 扣分 cell."""
    _, data = checked(koufen_only(tmp_path / "p.xlsx", deduction=3,
                                  total_row={1: "总分", 2: 96.5}))
    assert data["total_declared"] == 96.5
    [found] = data["findings"]
    assert (found["code"], found["cell"]) == ("JX404", f"G{QUALITY + 1}")
    assert "应为 9.68" in found["message"]


def test_the_total_row_of_a_deduction_table_is_100_less_the_deductions(tmp_path):
    """合计 | … | 100 | 3.82 (分值 | 扣分): the 总分 is 96.18, at the 扣分 cell; it is not the
    sum of the scores (99.18), JX501."""
    _, data = checked(koufen_only(tmp_path / "t.xlsx", total_row={1: "合计", 6: 100, 7: 3.82}))
    assert data["total_declared"] == 96.18
    assert [(f["code"], f["cell"]) for f in data["findings"]] == [("JX501", "G21")]


def test_deductions_written_negative_are_what_was_lost(tmp_path):
    """rt26 k: −0.32 in the 扣分 column (units write deductions as negatives), the 合计 row
    100 | −0.82: was 分值 − (−0.32) = 10.32 — JX401, JX402 “满分 10.32”, JX501 on a correct
    table; now 9.68 and 99.18, no finding."""
    header = [*LEAD, "分值", "扣分", "扣分原因"]
    path = book(tmp_path / "n.xlsx", header,
                lambda row, heading: -plain(row, heading) if heading == "扣分"
                and plain(row, heading) else plain(row, heading),
                {1: "合计", 6: 100, 7: -0.82})
    table, data = checked(path)
    assert (table.indicators[2].deduction, table.indicators[2].score_declared) == (0.32, 9.68)
    assert data["total_declared"] == TOTAL and codes(data) == [], data["findings"]


def test_a_negative_deduction_beside_the_score_is_no_jx412(tmp_path):
    """rt26 k: 10 | −0.32 | 9.68 was JX412 “扣分 -0.32 …应扣 0.32 分” — only the sign."""
    header = [*LEAD, "分值", "扣分", "得分", "偏差原因分析及改进措施"]
    path = book(tmp_path / "k.xlsx", header, lambda row, heading: plain(row, heading, deduction=-0.32),
                {1: "总分", 6: 100, 7: 0.82, 8: TOTAL})
    _, data = checked(path)
    assert codes(data) == [], data["findings"]


def test_a_blank_deduction_column_scores_nothing(tmp_path):
    """Nothing filled under 扣分: no score read (JX409 as for a table without 得分)."""
    header = [*LEAD, "分值", "扣分", "扣分原因"]
    path = book(tmp_path / "b.xlsx", header,
                lambda row, heading: None if heading == "扣分" else plain(row, heading),
                {1: "总分", 2: TOTAL})
    table, data = checked(path)
    assert all(i.score_declared is None for i in table.indicators)
    assert codes(data) == ["JX409"], data["findings"]


# ------------------------------------------------------------ 得分率（%）, no 得分


@pytest.mark.parametrize("written", [None, "96.8%"])
def test_a_score_share_column_without_scores_gives_the_scores(tmp_path, written):
    header = [*LEAD, "分值", "得分率（%）", "偏差原因分析及改进措施"]
    path = book(tmp_path / "r.xlsx", header, lambda row, heading: plain(row, heading, share=written),
                {1: "总分", 6: 100, 7: TOTAL})
    table, data = checked(path)
    assert table.indicators[2].score_declared == 9.68
    assert codes(data) == [] and data["total_declared"] == TOTAL, data["findings"]


@pytest.mark.parametrize(("number_format", "factor"), [('0.00"%"', 1), ("0.00%", 0.01)])
def test_a_share_shown_with_its_own_percent_sign_is_the_number_shown(tmp_path, number_format, factor):
    """Review: 96.8 in a 0.00"%" cell shows 96.8% (the format's % is a literal) — was read
    as a fraction already, 分值 × 96.8; 0.968 in a 0.00% cell shows the same."""
    header = [*LEAD, "分值", "得分率（%）", "偏差原因分析及改进措施"]
    path = book(tmp_path / "f.xlsx", header, lambda row, heading: plain(row, heading, share=96.8 * factor),
                {1: "总分", 6: 100, 7: TOTAL})
    wb = load_workbook(path)
    wb.active[f"G{QUALITY + 1}"].number_format = number_format
    wb.save(path)
    table, _ = checked(path)
    assert table.indicators[2].score_declared == 9.68


def test_a_wrong_share_is_judged_as_a_score(tmp_path):
    header = [*LEAD, "分值", "得分率（%）", "偏差原因分析及改进措施"]
    path = book(tmp_path / "r.xlsx", header, lambda row, heading: plain(row, heading, share=70),
                {1: "总分", 6: 100, 7: 96.5})
    _, data = checked(path)
    assert [(f["code"], f["cell"]) for f in data["findings"]] == [("JX404", f"G{QUALITY + 1}")]


# ------------------------------------------------------------ 总分 in a table without 得分


def test_a_total_beside_its_label_in_a_table_without_scores_is_read_and_checked(tmp_path):
    """s2c a: 总分 | 90 under 分值 | 偏差原因 — was 总分 填报 —; 90 is below what the rules
    allow even with the qualitative rows at 80 % (95.18): JX501. 96.5 is within it."""
    header = [*LEAD, "分值", "偏差原因分析及改进措施"]
    _, data = checked(book(tmp_path / "a.xlsx", header, plain, {1: "总分", 2: 90}))
    assert data["total_declared"] == 90
    jx501 = [f for f in data["findings"] if f["code"] == "JX501"]
    assert [(f["cell"], f["message"]) for f in jx501] == [
        ("B21", "总分写为 90；表中没有得分列，按财政部规则各项得分之和为 99.18")]
    _, data = checked(book(tmp_path / "b.xlsx", header, plain, {1: "总分", 2: 96.5}))
    assert data["total_declared"] == 96.5 and "JX501" not in codes(data)


# ------------------------------------------------------------ 扣分 beside 得分


def test_a_deduction_beside_the_score_that_does_not_match_is_jx412(tmp_path):
    """s1 plant: 10 | 0.5 | 9.68 — never checked before."""
    header = [*LEAD, "分值", "扣分", "得分", "偏差原因分析及改进措施"]
    path = book(tmp_path / "k.xlsx", header, lambda row, heading: plain(row, heading, deduction=0.5),
                {1: "总分", 6: 100, 7: 0.82, 8: TOTAL})
    _, data = checked(path)
    assert [(f["code"], f["cell"], f["message"]) for f in data["findings"]] == [
        ("JX412", f"G{QUALITY + 1}", "“培训合格率”扣分 0.5 与分值、得分不符：分值 10，得分 9.68，应扣 0.32 分")]


def test_a_deduction_in_brackets_in_the_score_cell_is_checked(tmp_path):
    header = [*LEAD, "分值", "得分", "偏差原因分析及改进措施"]
    path = book(tmp_path / "k.xlsx", header,
                lambda row, heading: plain(row, heading, score="9.68（扣0.5分）"),
                {1: "总分", 6: 100, 7: TOTAL})
    _, data = checked(path)
    assert [(f["code"], f["cell"]) for f in data["findings"]] == [("JX412", f"G{QUALITY + 1}")]


def test_scores_written_de_n_fen_are_read(tmp_path):
    """s5 de: 得20分 gave JX406 “不是数字” on every row."""
    header = [*LEAD, "分值", "得分", "偏差原因分析及改进措施"]
    path = book(tmp_path / "d.xlsx", header,
                lambda row, heading: f"得{row[6]}分" if heading == "得分" else plain(row, heading),
                {1: "总分", 6: 100, 7: TOTAL})
    table, data = checked(path)
    assert [i.score_declared for i in table.indicators][:3] == [20, 10, 9.68]
    assert codes(data) == [], data["findings"]


@pytest.mark.parametrize("header", [
    [*LEAD, "标准分", "扣分", "实得分", "偏差原因分析及改进措施"],
    [*LEAD, "分值", "扣减分值", "最终得分", "偏差原因分析及改进措施"],
])
def test_neighbours_with_a_score_column_read_as_before(tmp_path, header):
    """标准分 | 扣分 | 实得分 and 分值 | 扣减分值 | 最终得分, correct: no finding, the score
    from the score column; a deduction of 0 with no reason is none to explain."""
    table, data = checked(book(tmp_path / "n.xlsx", header, plain,
                               {1: "总分", 6: 100, 7: 0.82, 8: TOTAL}))
    quality = table.indicators[2]
    assert quality.score_declared == 9.68 and str(quality.sources["score"]) == f"自评表!H{QUALITY + 1}"
    assert codes(data) == [] and data["total_declared"] == TOTAL, data["findings"]


def test_a_deduction_without_a_reason_is_still_jx405(tmp_path):
    header = [*LEAD, "分值", "扣分", "扣分原因"]
    path = book(tmp_path / "r.xlsx", header,
                lambda row, heading: "" if heading == "扣分原因" else plain(row, heading),
                {1: "总分", 2: TOTAL})
    _, data = checked(path)
    assert [(f["code"], f["cell"]) for f in data["findings"]] == [("JX405", f"H{QUALITY + 1}")]


# ------------------------------------------------------------ rt26 j1: the 总分 under 扣分


@pytest.mark.parametrize("label", ["总分", "合计"])
def test_the_total_typed_under_the_deductions_is_the_total(tmp_path, label):
    """rt26 j1 t4 c: 分值 | 扣分 | 扣分原因, the unit's 总分 99.18 typed in the 总分 row under
    扣分 (its only number column) — was read as 100 − 99.18 = 0.82: JX501 “总分写为 0.82”.
    A sum no deductions would be (half the full marks or more) is the 总分 itself."""
    _, data = checked(koufen_only(tmp_path / "t.xlsx", total_row={1: label, 6: 100, 7: TOTAL}))
    assert data["total_declared"] == TOTAL
    assert codes(data) == [], data["findings"]


def test_the_total_under_a_deduction_column_of_texts_is_the_total(tmp_path):
    """rt26 j1 t4 e: 扣分 holds a text on the deducted row, no number, no 得分 column; the
    总分 99.18 under 扣分 — was 0.82, JX501 and JX502 “应为差”; the scores are the rules'
    (JX409 as for any table without 得分)."""
    header = [*LEAD, "分值", "扣分", "偏差原因分析及改进措施"]
    path = book(tmp_path / "e.xlsx", header,
                lambda row, heading: ("考核未通过学员扣分" if row[2] == "培训合格率" else None)
                if heading == "扣分" else plain(row, heading),
                {1: "总分", 6: 100, 7: TOTAL})
    _, data = checked(path)
    assert (data["total_declared"], data["total_computed"]) == (TOTAL, TOTAL)
    assert codes(data) == ["JX409"], data["findings"]


# ------------------------------------------------------------ rt26 j1: 扣分及原因, a reason


@pytest.mark.parametrize("heading", ["扣分及原因", "扣分情况说明", "扣分及原因说明", "扣分事由"])
def test_a_deduction_header_naming_its_reason_is_the_reason_column(tmp_path, heading):
    """rt26 j1 t4 b: 分值 | 得分 | 扣分及原因 (扣分情况说明 …) holding the texts was read as
    a 扣分 column: JX405 “表中没有偏差原因列” on the explained 合格率."""
    header = [*LEAD, "分值", "得分", heading]
    path = book(tmp_path / "b.xlsx", header,
                lambda row, head: row[7] if head == heading else plain(row, head),
                {1: "总分", 6: 100, 7: TOTAL})
    table, data = checked(path)
    assert "reason" in table.columns and "deduction" not in table.columns
    assert str(table.indicators[2].sources["reason"]) == f"自评表!H{QUALITY + 1}"
    assert codes(data) == [], data["findings"]


def test_a_deduction_situation_column_of_numbers_stays_the_deduction(tmp_path):
    """扣分情况 (no reason named) over numbers is still the 扣分 column: a wrong 0.5 beside
    得分 9.68 is JX412 at its cell."""
    header = [*LEAD, "分值", "扣分情况", "得分", "偏差原因分析及改进措施"]
    path = book(tmp_path / "k.xlsx", header,
                lambda row, head: plain(row, head, deduction=0.5 if row[2] == "培训合格率" else None)
                if head != "扣分情况" else (0.5 if row[2] == "培训合格率" else round(row[5] - row[6], 2)),
                {1: "总分", 6: 100, 7: 0.82, 8: TOTAL})
    _, data = checked(path)
    assert [(f["code"], f["cell"]) for f in data["findings"]] == [("JX412", f"G{QUALITY + 1}")]


def test_a_restated_total_of_a_table_without_scores_names_the_rules_total(tmp_path):
    """JX506 under a table without 得分: its sum is the rules' (99.18), said as such, as
    JX501 says it — no written scores to add (rt31 r7: the written scores' sum otherwise)."""
    header = [*LEAD, "分值", "偏差原因分析及改进措施"]
    path = book(tmp_path / "a.xlsx", header, plain, {1: "总分", 2: TOTAL})
    wb = load_workbook(path)
    wb.active["A23"], wb.active["B23"] = "自评结论", "经自评，该项目得分96分，评价等级为优。"
    wb.save(path)
    _, data = checked(path)
    assert [(f["cell"], f["message"]) for f in data["findings"] if f["code"] == "JX506"] == [
        ("B23", "此处写总分 96，与 B21 的总分 99.18 不一致（按财政部规则各项得分之和为 99.18）")]
