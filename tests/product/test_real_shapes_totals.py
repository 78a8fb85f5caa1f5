"""Where units write the 总分, the 评分等级 and the sum of their indicators (the red team's
layouts of correct tables): each is read where it stands, a correct table gives no
finding, and a wrong number is found in its own cell."""

import pytest
from test_real_shapes import FULLY_SPENT, QUALITATIVE_MET, checked, codes
from workbooks import Book, sichuan_scored_rows

# 经办业务量 1.9 of ≥2 万件: 20 × 1.9/2 = 19 — 执行率 10 + indicators 89 = 99, graded 优
ROWS = [("产出指标", "数量指标", "经办业务量", "≥2 万件", "1.9 万件", 20, 19, "年末申报减少"),
        *QUALITATIVE_MET[1:]]
TOTAL = 99
# the columns of a table under the lead column 绩效指标 (A): 一级 B … 分值 G, 得分 H, 偏差原因 I;
# its rows: project 1, money 2–3, header 4, indicators 5–11, what closes it from 12
WEIGHT, SCORE, REASON = 7, 8, 9


def table(path, closing, rows=ROWS, money=FULLY_SPENT):
    """The 医保 table down to its indicator rows; ``closing(sheet)`` writes the rest."""
    book = Book()
    sheet = book.sheet("自评表")
    sheet.project("医保经办能力提升")
    if money:
        sheet.money(money)
    sheet.indicators(rows)
    closing(sheet)
    return book.save(path)


def _total_beside_label(sheet, total):
    sheet.line("总分", total)
    sheet.grade("优")


def _total_right_of_merged_label(sheet, total):
    row = sheet.line("总分", None, total)
    sheet.merge(row, 1, 2)
    sheet.grade("优")


def _total_and_grade_on_one_row(sheet, total):
    row = sheet.line("自评得分", None, total, None, None, "自评等级", "优")
    sheet.merge(row, 1, 2)


def _total_and_grade_on_one_row_unmerged(sheet, total):
    sheet.line("自评得分", total, None, None, "自评等级", "优")


def _total_under_the_weight_column(sheet, total):
    row = sheet.line("总分", *[None] * (WEIGHT - 2), total)
    sheet.merge(row, 1, WEIGHT - 1)
    sheet.grade("优")


def _total_in_weight_and_score_merged(sheet, total):
    row = sheet.line("总分", *[None] * (WEIGHT - 2), total)
    sheet.merge(row, 1, WEIGHT - 1)
    sheet.merge(row, WEIGHT, SCORE)
    sheet.grade("优")


BESIDE = {"beside": (_total_beside_label, "B12"),
          "merged-label": (_total_right_of_merged_label, "C12"),
          "grade-on-row": (_total_and_grade_on_one_row, "C12"),
          "grade-on-row-unmerged": (_total_and_grade_on_one_row_unmerged, "B12"),
          "under-weight": (_total_under_the_weight_column, "G12"),
          "weight-and-score-merged": (_total_in_weight_and_score_merged, "G12")}


@pytest.mark.parametrize("shape", BESIDE)
def test_a_total_beside_its_label_is_the_total(tmp_path, shape):
    """总分 | 98.5 beside the label (merged or not), 自评得分 | 98.5 | … | 自评等级 | 优 on
    one row, 98.5 under the 分值 column or in 分值 and 得分 merged: the 总分, wherever the
    得分 column's cell is empty (before: a false JX501 总分未填写). Under 分值 only the
    written scores' sum is: another number there is the (wrong) 分值合计, still found in
    its cell."""
    closing, cell = BESIDE[shape]
    _, data = checked(table(tmp_path / "t.xlsx", lambda sheet: closing(sheet, TOTAL)))
    assert codes(data) == []
    assert (data["total_declared"], data["grade_declared"]) == (TOTAL, "优")
    _, data = checked(table(tmp_path / "wrong.xlsx", lambda sheet: closing(sheet, 97)))
    if shape == "under-weight":  # 97 under 分值, not the scores' sum: a wrong 分值合计 there
        assert sorted((found["code"], found["cell"]) for found in data["findings"]) \
            == [("JX101", cell), ("JX501", "H12")]  # and the 总分 not filled in
        return
    [found] = data["findings"]
    assert (found["code"], found["cell"]) == ("JX501", cell)


def test_the_points_total_is_no_score(tmp_path):
    """总分 | 100 with the 得分 cell empty: the 100 is the 分值 total, the score is not
    filled in; with a score typed further right, that score is the total."""
    def unfilled(sheet):
        sheet.total(100, None)
        sheet.grade("优")

    _, data = checked(table(tmp_path / "t.xlsx", unfilled))
    [found] = data["findings"]
    assert (found["code"], found["cell"]) == ("JX501", "H12") and "未填写" in found["message"]

    def in_the_reason_column(sheet):
        row = sheet.total(100, None)
        sheet.put(row, REASON, TOTAL)
        sheet.grade("优")

    _, data = checked(table(tmp_path / "u.xlsx", in_the_reason_column))
    assert codes(data) == [] and data["total_declared"] == TOTAL


@pytest.mark.parametrize(("grade", "found"), [("优", []), ("良", ["JX502"]), ("无", [])])
def test_a_grade_typed_right_of_the_total_is_the_grade(tmp_path, grade, found):
    """总分 | 100 | 99 | 优, the grade in the 偏差原因 column of the 总分 row without a
    label of its own: the grade (before: not read, a wrong grade passed); a text that
    names no grade there is none."""
    def closing(sheet):
        row = sheet.total(100, TOTAL)
        sheet.put(row, REASON, grade)

    _, data = checked(table(tmp_path / "t.xlsx", closing))
    assert codes(data) == found and data["total_declared"] == TOTAL
    assert data["grade_declared"] == (None if grade == "无" else grade)
    if found:
        assert data["findings"][0]["cell"] == "I12"


@pytest.mark.parametrize(("total", "found"), [(TOTAL, []), (95, ["JX501"])])
def test_a_total_under_the_grade_row_is_read(tmp_path, total, found):
    """评分等级 | 优 printed above 总分 | 100 | 99: the total is read (before: the grade row
    ended the table, the total was never read and a wrong one passed silently)."""
    def closing(sheet):
        sheet.grade("优")
        sheet.total(100, total)

    _, data = checked(table(tmp_path / "t.xlsx", closing))
    assert codes(data) == found
    assert (data["total_declared"], data["grade_declared"]) == (total, "优")
    if found:
        assert data["findings"][0]["cell"] == "H13"


# ---------------------------------------------------------------- the indicators' sum

INDICATORS = sum(row[5] for row in ROWS), sum(row[6] for row in ROWS)  # 90, 89
SUM_LABELS = ["合计", "小计", "指标合计", "绩效指标合计", "三级指标合计", "指标分值合计",
              "绩效指标得分", "指标得分合计"]


def _sum_then_total(label, weight=INDICATORS[0], score=INDICATORS[1]):
    def closing(sheet):
        sheet.total(weight, score, label=label)
        sheet.total(100, TOTAL)
        sheet.grade("优")
    return closing


@pytest.mark.parametrize("label", SUM_LABELS)
def test_the_indicators_sum_above_the_total_checks_them(tmp_path, label):
    """合计 | 90 | 89 — the indicators without the 执行率's 10 points in the money block —
    above 总分 | 100 | 99: a check row of the indicators' sum, not the 总分 (合计: a false
    JX501/JX502), nor a 一级's 小计 (小计, 绩效指标合计: a false JX103), nor an indicator
    (指标合计 …: JX101, JX201, JX202, JX405, JX501)."""
    table_read, data = checked(table(tmp_path / "t.xlsx", _sum_then_total(label)))
    assert codes(data) == [] and data["total_declared"] == TOTAL
    assert len(data["indicators"]) == len(ROWS)
    assert [(s.label, s.weight, s.score, len(s.members)) for s in table_read.subtotals] == [
        (label, *INDICATORS, len(ROWS))]


@pytest.mark.parametrize(("label", "weight", "score", "cell"), [
    ("合计", 90, 88, "H12"), ("小计", 90, 88, "H12"), ("指标合计", 85, 89, "G12")])
def test_an_indicators_sum_that_does_not_add_up_is_one_finding(tmp_path, label, weight,
                                                               score, cell):
    _, data = checked(table(tmp_path / "t.xlsx", _sum_then_total(label, weight, score)))
    [found] = data["findings"]
    assert (found["code"], found["cell"]) == ("JX103", cell)
    assert f"所汇总的 {len(ROWS)} 项指标" in found["message"]  # not "其下": they are above it
    assert data["total_declared"] == TOTAL


def test_level1_subtotals_and_the_indicators_sum(tmp_path):
    """小计 under each 一级's rows, then 指标合计 over all of them above the 总分: each
    小计 sums its 一级, the 指标合计 every indicator (not the 小计 rows)."""
    rows, level1 = [], None
    for row in ROWS:
        if level1 and row[0] != level1:
            rows.append(_level1_sum(level1, rows))
        rows.append(row)
        level1 = row[0]
    rows.append(_level1_sum(level1, rows))
    table_read, data = checked(table(tmp_path / "t.xlsx", _sum_then_total("指标合计"),
                                     rows=rows))
    assert codes(data) == [] and len(data["indicators"]) == len(ROWS)
    assert [(s.label, s.weight, len(s.members)) for s in table_read.subtotals] == [
        ("小计", 50, 4), ("小计", 30, 2), ("小计", 10, 1), ("指标合计", 90, 7)]


def _level1_sum(level1, rows):
    members = [row for row in rows if row[0] == level1 and row[2] != "小计"]
    return (level1, None, "小计", None, None, sum(row[5] for row in members),
            sum(row[6] for row in members), None)


def test_a_sum_of_the_whole_table_is_still_its_total(tmp_path):
    """合计 | 100 | 99 (no 总分 row): the 总分 — of a table with money (90 + 10) as of
    one without (the indicators weigh 100); a wrong one is JX501 in the 合计 row."""
    def heji(total):
        def closing(sheet):
            sheet.total(100, total, label="合计")
            sheet.grade("优")
        return closing

    table_read, data = checked(table(tmp_path / "t.xlsx", heji(TOTAL)))
    assert codes(data) == [] and data["total_declared"] == TOTAL
    assert table_read.subtotals == []
    rows = [(*ROWS[0][:5], 30, 28.5, ROWS[0][7]), *ROWS[1:]]  # 100 points, no money
    table_read, data = checked(table(tmp_path / "u.xlsx", heji(98.5), rows=rows, money=()))
    assert codes(data) == [] and data["total_declared"] == 98.5
    assert table_read.subtotals == []
    _, data = checked(table(tmp_path / "w.xlsx", heji(97), rows=rows, money=()))
    [found] = data["findings"]
    assert (found["code"], found["cell"]) == ("JX501", "H10")  # no money rows above


# 四川 rows with a 得分 column: 权重 20 + 20 + 10 + 30 + 10 = 90, one target missed (19 of 20)
SICHUAN_SCORED = [
    ("产出指标", "数量指标", "购置设备数量", "≥", 20, "台", 20, 19, 19, "一台到货延期"),
    ("产出指标", "质量指标", "设备验收合格率", "＝", 100, "%", 20, 100, 20, None),
    ("产出指标", "成本指标", "设备购置成本", "≤", 100, "万元", 10, 96, 10, None),
    ("效益指标", "社会效益指标", "基层诊疗能力", "定性", "明显提升", None, 30, "达成", 30, None),
    ("满意度指标", "服务对象满意度指标", "患者满意度", "≥", 90, "%", 10, 92, 10, None)]


def sichuan_scored(path, *closing):
    """A 四川 table with a 得分 column (money 100 → 96 万元, no 分值: the 执行率's 10
    points are the rule set's, 9.6), closed by ``closing``: (label, 权重, 得分) rows."""
    book = Book()
    sheet = sichuan_scored_rows(book, SICHUAN_SCORED)
    for label, weight, score in closing:
        sheet.line(None, label, None, None, None, None, None, weight, None, score)
    return book.save(path)


def test_a_sichuan_sum_of_90_without_a_total_row_is_no_total(tmp_path):
    """四川 with a 得分 column, 合计 | 90 | 89 last and no 总分 row: 90 plainly leaves out
    the 执行率's 10 points — the indicators' sum, not a 总分 of 89 (a false JX501)."""
    table_read, data = checked(sichuan_scored(tmp_path / "s.xlsx", ("合计", 90, 89)))
    assert codes(data) == [] and data["total_declared"] is None
    assert [(s.label, s.weight, s.score) for s in table_read.subtotals] == [("合计", 90, 89)]
    _, data = checked(sichuan_scored(tmp_path / "t.xlsx", ("合计", 90, 88)))
    assert [(f["code"], f["cell"]) for f in data["findings"]] == [("JX103", "J13")]


def test_a_sichuan_sum_and_rate_rows_above_the_total(tmp_path):
    """指标得分合计 | 90 | 89, 预算执行率得分 | 10 | 9.6, 总分 | 100 | 98.6: the sum of the
    indicators, the 执行率's points and the 总分 (before: the sum was an indicator of 90
    points, JX101, JX201, JX202, JX405, JX501)."""
    path = sichuan_scored(tmp_path / "s.xlsx", ("指标得分合计", 90, 89),
                          ("预算执行率得分", 10, 9.6), ("总分", 100, 98.6))
    table_read, data = checked(path)
    assert codes(data) == [] and data["total_declared"] == 98.6
    assert data["funds"]["score_declared"] == 9.6 and len(data["indicators"]) == 5


def test_a_sichuan_sum_of_100_is_the_total(tmp_path):
    table_read, data = checked(sichuan_scored(tmp_path / "s.xlsx", ("合计", 100, 98.6)))
    assert codes(data) == [] and data["total_declared"] == 98.6
    assert table_read.subtotals == []


def test_the_templates_uncomputed_total_is_not_taken_from_its_points(tmp_path):
    """A blank `jixiao new` template: its 总分 formula has no result yet; the 分值 total
    beside it (10, the 执行率's) is no 总分 (before: 总分 填报 10)."""
    from jixiao.cli.main import main
    from jixiao.pipeline import check_workbook

    path = tmp_path / "blank.xlsx"
    assert main(["new", str(path)]) == 0
    assert check_workbook(path).tables[0].table.total_declared is None


# ---------------------------------------------------------------- a 总分 above the table


def head_total(path, cells, closing=lambda sheet: None):
    """The 医保 table with ``cells`` (a row of label and value) among its project rows."""
    book = Book()
    sheet = book.sheet("自评表")
    sheet.project("医保经办能力提升")
    sheet.line("主管部门", None, "某县医疗保障局", None, "实施单位", "某县医保中心", None, *cells)
    sheet.money(FULLY_SPENT)
    sheet.indicators(ROWS)
    closing(sheet)
    return book.save(path)


@pytest.mark.parametrize("cells", [("自评总分(分)", TOTAL), ("自评总分：99",), ("综合得分", "99分"),
                                   ("项目总得分99分",), ("项目绩效自评总分99",)])
def test_a_total_above_the_table_is_read(tmp_path, cells):
    """重庆's and 湖北's forms print the 自评总分 among the project's rows, with no 总分 row
    under the indicators (before: never read, a wrong one passed)."""
    table, data = checked(head_total(tmp_path / "上.xlsx", cells))
    assert table.total_declared == TOTAL
    assert "JX501" not in codes(data)


def test_a_wrong_total_written_after_its_label_is_found(tmp_path):
    """宁夏: 项目总得分95分 in the title row, no colon: read, and found wrong (was passed)."""
    _, data = checked(head_total(tmp_path / "错.xlsx", ("项目总得分95分",)))
    [message] = [item["message"] for item in data["findings"] if item["code"] == "JX501"]
    assert message == "总分写为 95，各项得分之和为 99"


def test_a_wrong_total_above_the_table_is_found_in_its_cell(tmp_path):
    table, data = checked(head_total(tmp_path / "错.xlsx", ("自评总分(分)", 88)))
    [cell] = [item["cell"] for item in data["findings"] if item["code"] == "JX501"]
    assert cell == "I2"


def test_a_total_row_under_the_table_is_the_one_read(tmp_path):
    table, data = checked(head_total(tmp_path / "两处.xlsx", ("自评总分(分)", 88),
                                     lambda sheet: sheet.total(100, TOTAL)))
    assert table.total_declared == TOTAL


@pytest.mark.parametrize("label", ["总分值", "满分"])
def test_the_scales_full_marks_above_the_table_is_no_total(tmp_path, label):
    table, data = checked(head_total(tmp_path / "满分.xlsx", (label, 100)))
    assert table.total_declared is None and "JX501" not in codes(data)


# ------------------------------------------- a money block without points, indicators 100

FULL_100 = [*QUALITATIVE_MET[:-1], ("满意度指标", "服务对象满意度指标", "参保群众满意度", "≥90%", "95%",
                                   20, 20, None)]  # the 满意度 given the 执行率's 10 too


@pytest.mark.parametrize(("rows", "money_points", "expected"), [
    (FULL_100, (None, None), []),  # all 100 to the indicators, the money's 分值/得分 blank
    (QUALITATIVE_MET, (None, None), ["JX101", "JX106", "JX406"]),  # 90, the 执行率 blank
    (FULL_100, (10, 10), ["JX101"]),  # 100 + 10
])
def test_a_money_block_left_without_points(tmp_path, rows, money_points, expected):
    from test_real_shapes import medical_insurance
    weight, score = money_points
    money = [("年度资金总额", 30, 30, 30, weight, "100%", score)]
    table, data = checked(medical_insurance(tmp_path / "无分值.xlsx", rows, 100, money=money))
    assert sorted(set(codes(data)) - {"JX102", "JX501"}) == expected
    if not expected:
        assert data["total_computed"] == 100 and "JX102" not in codes(data)


@pytest.mark.parametrize("written", ["自评得分：99", "合计：99分", "总分:99"])
def test_a_total_typed_with_its_label_in_the_cell_is_the_total(tmp_path, written):
    """The 总分 row's score cell holding "自评得分：99" (label and number in one cell, as
    clerks type it): the number is the total (before: 总分未填写, JX501 on a correct table)."""
    _, data = checked(table(tmp_path / "t.xlsx", lambda sheet: sheet.total(100, written)))
    assert data["total_declared"] == TOTAL
    assert codes(data) == []


def test_a_grade_typed_with_its_label_in_the_cell_is_the_grade(tmp_path):
    """The grade cell right of 评分等级 holding "自评等级：良" (before: “自评等级：良”
    不是优、良、中、差之一): the grade named after the colon, checked as any grade."""
    def closing(sheet):
        sheet.total(100, TOTAL)
        sheet.grade("自评等级：良")
    _, data = checked(table(tmp_path / "t.xlsx", closing))
    assert data["grade_declared"] == "良"
    [finding] = data["findings"]
    assert finding["code"] == "JX502" and "写为“良”" in finding["message"]


# The same rows weighing 80, not 90 (基层诊疗能力 20): 80 + the 执行率's 10 is 90, not 100
SICHUAN_80 = [row if row[2] != "基层诊疗能力" else (*row[:6], 20, "达成", 20, None)
              for row in SICHUAN_SCORED]
SICHUAN_80_SAID = "分值合计为 90（各指标 80 + 执行率 10，表中未列执行率分值，按四川省规则计 10 分），应为 100"


@pytest.mark.parametrize("closing", [
    (("合计", 80, 79), ("自评得分", None, 88.6)),
    (("合计", 80, 79),)])
def test_jx101_on_a_sichuan_table_names_its_sum_row(tmp_path, closing):
    """四川 weights 80 + 10 under a 合计 | 80 row (rt24 sc_weights): JX101 names the 合计's
    权重 cell (H13), not the 自评得分 row's empty one (H14) nor, without that row, the 权重
    heading (H6)."""
    book = Book()
    sheet = sichuan_scored_rows(book, SICHUAN_80)
    for label, weight, score in closing:
        sheet.line(None, label, None, None, None, None, None, weight, None, score)
    _, data = checked(book.save(tmp_path / "s.xlsx"))
    assert [(f["code"], f["cell"], f["message"]) for f in data["findings"]] \
        == [("JX101", "H13", SICHUAN_80_SAID)]


def test_jx101_keeps_the_total_rows_written_sum(tmp_path):
    """The 总分 row's 权重 cell holding a sum (合计 | 80, 总分 | 90): JX101 names that cell,
    as before — the written 分值合计 the 合计 row does not override."""
    book = Book()
    sheet = sichuan_scored_rows(book, SICHUAN_80)
    for label, weight, score in (("合计", 80, 79), ("总分", 90, 88.6)):
        sheet.line(None, label, None, None, None, None, None, weight, None, score)
    _, data = checked(book.save(tmp_path / "s.xlsx"))
    assert [(f["code"], f["cell"], f["message"]) for f in data["findings"]] \
        == [("JX101", "H14", SICHUAN_80_SAID)]
