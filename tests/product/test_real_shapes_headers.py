"""Headers as units word and print them (red-team of correct tables): the money block's
other words for A, B and the 年初 budget, the indicator columns' other words, and a
header over two rows whose merges a PDF conversion lost. Each table is right, so each
is read in full and gives no finding."""

import pytest
from test_real_shapes import (
    ATTACHMENT_ROWS,
    EXECUTION_AS_LEVEL1,
    FULLY_SPENT,
    QUALITATIVE_MET,
    attachment,
    checked,
    codes,
    medical_insurance,
    rows_read,
)
from workbooks import STANDARD, THIRD_PARTY, Book

# 年初 100, A 120, B 114: 执行率 95 %, 9.5 of 10 points; the indicators' 90 all met.
SPENT_95 = [("年度资金总额", 100, 120, 114, 10, "95%", 9.5),
            ("其中：当年财政拨款", 100, 110, 105, None, "95.45%", None),
            ("上年结转资金", 0, 10, 9, None, "90%", None)]
WITHOUT_INITIAL = [(label, *amounts[1:]) for label, *amounts in SPENT_95]
POINTS = ("分值", "执行率", "得分")


def _money_read(tmp_path, header, lines):
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", QUALITATIVE_MET, 99.5,
                                        money=lines, money_header=header))
    funds = data["funds"]
    return (funds["budget"], funds["executed"], funds["rate"], funds["score_computed"],
            data["total_computed"], codes(data))


READ_RIGHT = (120, 114, 95, 9.5, 99.5, [])


@pytest.mark.parametrize("header", [
    ("年初预算数", "预算安排数", "全年执行数"),
    ("年初安排数", "调整后预算", "实际支出数"),
    ("年初预算数", "全年预算数", "决算数"),
], ids=["预算安排数", "年初安排数-调整后预算", "决算数"])
def test_other_words_for_the_budget_beside_the_initial_one(tmp_path, header):
    """预算安排数 / 调整后预算 are A, 决算数 is B, 年初安排数 the 年初 budget: A is not the
    年初 (before: 114 ÷ 100, two JX301 and three JX303)."""
    assert _money_read(tmp_path, (*header, *POINTS), SPENT_95) == READ_RIGHT


@pytest.mark.parametrize("header", [
    ("预算安排数", "实际支出数"), ("调整后预算", "决算数"), ("全年预算数", "决算数"),
    ("预算安排数", "决算数")], ids=lambda header: "-".join(header))
def test_other_words_for_the_budget_and_the_spending_without_an_initial(tmp_path, header):
    """Without a 年初 column the two amounts alone make the money header (before: JX307,
    no 执行率 and no 总分)."""
    assert _money_read(tmp_path, (*header, *POINTS), WITHOUT_INITIAL) == READ_RIGHT


@pytest.mark.parametrize("header", [
    ("年初预算数", "全年预算数(A)", "全年执行数(B)"), ("年初预算数", "调整后预算数", "执行数"),
    ("年初预算", "批复预算", "实际支出")], ids=lambda header: "-".join(header))
def test_the_words_read_before_still_read(tmp_path, header):
    assert _money_read(tmp_path, (*header, *POINTS), SPENT_95) == READ_RIGHT


def test_a_budget_change_is_still_no_budget(tmp_path):
    """年初预算数 | 预算调整数 | 调整后预算数: the change (20) is not A, the budget after it is."""
    lines = [(label, initial, budget - initial, budget, *rest)
             for label, initial, budget, *rest in SPENT_95]
    header = ("年初预算数", "预算调整数", "调整后预算数", "全年执行数", *POINTS)
    assert _money_read(tmp_path, header, lines) == READ_RIGHT


def test_the_initial_budget_alone_is_still_a(tmp_path):
    """年初安排数 | 全年执行数 with no other budget: the 年初 is all the budget there is."""
    lines = [(label, budget, *rest) for label, _, budget, *rest in SPENT_95]
    assert _money_read(tmp_path, ("年初安排数", "全年执行数", *POINTS), lines) == READ_RIGHT


def test_money_down_the_rows_takes_the_budget_after_its_changes(tmp_path):
    """资金安排情况 down the rows: 年初预算数 | 调整后预算数 | 决算数 — A is the adjusted one,
    B the 决算数 (before: A the 年初, and no B)."""
    lines = (("年初预算数", 50), ("调整后预算数", 60), ("决算数", 57), ("预算执行率", "95%"))
    rows = [("预算执行率", "预算执行率", 10, None, None, 9.5),
            *ATTACHMENT_ROWS[1:]]
    _, data = checked(attachment(tmp_path / "t.xlsx", rows=rows, total=97.5,
                                 money_lines=lines, unit="单位：万元"))
    funds = data["funds"]
    assert (funds["budget"], funds["executed"], funds["rate"], funds["score_computed"]) == (
        60, 57, 95, 9.5)
    assert codes(data) == []



def test_money_down_the_rows_with_only_the_initial_budget_takes_it_for_a(tmp_path):
    """年初预算数 | 实际支出 down the rows, no other budget: the 年初 is A, as in a header."""
    lines = (("年初预算数", 50), ("实际支出", 48), ("预算执行率", "96%"))
    _, data = checked(attachment(tmp_path / "t.xlsx", money_lines=lines, unit="单位：万元"))
    funds = data["funds"]
    assert (funds["budget"], funds["executed"], funds["rate"]) == (50, 48, 96)
    assert codes(data) == []

# ---------------------------------------------------------------- indicator columns

DEDUCTED = [("产出指标", "数量指标", "经办业务量", "≥2.5 万件", "2 万件", 30, 24, "参保人数下降"),
            *EXECUTION_AS_LEVEL1[2:]]


def _reads_the_deduction(tmp_path, header):
    """The table (经办业务量 ≥2.5 万件, done 2 万件, 24 of 30, 参保人数下降) is read through
    ``header`` (its columns in the standard order, the 总分 under 分值 and 得分): the first
    row right, its score and reason, no finding, 94 in all."""
    book = Book()
    sheet = book.sheet("自评表")
    sheet.project("医保经办能力提升")
    sheet.money(FULLY_SPENT)
    sheet.indicators(DEDUCTED, header=header, lead=None)
    sheet.line("总分", None, None, None, None, 100, 94)
    sheet.grade("优")
    table, data = checked(book.save(tmp_path / "t.xlsx"))
    assert codes(data) == []
    assert rows_read(table)[0] == ("产出指标", "数量指标", "经办业务量", (">=", 2.5, "万件"),
                                   "2 万件", 30)
    first = table.indicators[0]
    assert (first.score_declared, first.reason) == (24, "参保人数下降")
    assert (data["total_declared"], data["total_computed"]) == (94, 94)


def _standard_with(**words):
    """The standard header with some of its columns (by role) worded otherwise."""
    roles = ("level1", "level2", "name", "target", "actual", "weight", "score", "reason")
    return tuple(words.get(role, text) for role, text in zip(roles, STANDARD, strict=True))


@pytest.mark.parametrize("header", [
    _standard_with(target="年度指标", score="得分值"),
    _standard_with(target="年度绩效目标", score="自评分值"),
    _standard_with(target="预期值", actual="完成值", weight="权重"),
], ids=lambda header: f"{header[3]}-{header[6]}")
def test_other_words_for_the_target_and_the_score(tmp_path, header):
    """年度指标, 年度绩效目标, 预期值 head the 指标值 (before: JX208, nothing scored); 得分值,
    自评分值 the 得分 (before: read as a second 分值, the scores declared ignored)."""
    _reads_the_deduction(tmp_path, header)


@pytest.mark.parametrize("header", [
    _standard_with(weight="指标分值"),
    _standard_with(weight="标准分值", score="评分结果"),
    _standard_with(target="年度指标值(A)", actual="实际完成值(B)"),
], ids=lambda header: f"{header[3]}-{header[5]}-{header[6]}")
def test_the_words_for_the_columns_read_before_still_read(tmp_path, header):
    """分值 in a word of the 分值 (指标分值, 标准分值) is no 得分值; 年度指标值 is the target."""
    _reads_the_deduction(tmp_path, header)


@pytest.mark.parametrize("label", ["年度总体目标", "年度绩效目标"])
@pytest.mark.parametrize("target", ["年度指标值", "年度绩效目标"])
def test_a_goal_block_headed_as_a_target_column_is_no_header(tmp_path, label, target):
    """年度绩效目标 may head the 总体目标 block too (预期目标 | 实际完成情况, then the two
    texts): that row is no indicator header, its texts are the goal, and the header under
    it still is one — also where it names its 指标值 column with the same word."""
    book = Book()
    sheet = book.sheet("自评表")
    sheet.project("医保经办能力提升")
    sheet.money(FULLY_SPENT)
    sheet.line(label, "预期目标", None, None, "实际完成情况")
    sheet.line(None, "提升医保经办服务能力", None, None, "经办服务能力明显提升")
    sheet.indicators(QUALITATIVE_MET, header=_standard_with(target=target))
    sheet.total(100, 100)
    sheet.grade("优")
    table, data = checked(book.save(tmp_path / "t.xlsx"))
    assert [i.name for i in table.indicators] == [row[2] for row in QUALITATIVE_MET]
    assert table.indicators[0].target == "≥2 万件"
    assert codes(data) == [] and data["total_computed"] == 100
    assert (table.project.goal_expected, table.project.goal_actual) == (
        "提升医保经办服务能力", "经办服务能力明显提升")


@pytest.mark.parametrize("target", ["年度目标", "年度绩效目标"])
def test_the_first_row_of_a_merged_two_row_header_is_no_goal(tmp_path, target):
    """绩效指标 across 一级|二级|三级, 年度目标 … merged down beside them: the header's first
    row is no 总体目标 block (before: 年度目标 there gave the goal "实际完成值")."""
    book = Book()
    sheet = book.sheet("自评表")
    sheet.project("医保经办能力提升")
    sheet.money(FULLY_SPENT)
    first = sheet.line("绩效指标", None, None, target, "实际完成值", "分值", "得分",
                       "偏差原因分析及改进措施")
    sheet.line("一级指标", "二级指标", "三级指标")
    sheet.merge(first, 1, 3)
    for column in range(4, 9):
        sheet.merge(first, column, column, first + 1)
    for row in QUALITATIVE_MET:
        sheet.line(*row)
    sheet.line("总分", None, None, None, None, 100, 100)
    sheet.grade("优")
    table, data = checked(book.save(tmp_path / "t.xlsx"))
    assert len(table.indicators) == len(QUALITATIVE_MET) and codes(data) == []
    assert (table.project.goal_expected, table.project.goal_actual) == (None, None)


def test_a_first_row_of_short_texts_is_no_rest_of_the_header(tmp_path):
    """年度指标 names its column and may go on in the row below (年度指标 / 值,
    tests/read/test_headers.py); a first indicator row of short texts, its points typed
    "20 分", is no such rest: every row is read."""
    rows = [(*row[:5], f"{row[5]} 分", f"{row[6]} 分") for row in QUALITATIVE_MET]
    book = Book()
    sheet = book.sheet("自评表")
    sheet.project("医保经办能力提升")
    sheet.money(FULLY_SPENT)
    sheet.indicators(rows, header=_standard_with(target="年度指标")[:7],
                     lead=None, merge=False)
    sheet.line("总分", None, None, None, None, 100, 100)
    sheet.grade("优")
    table, data = checked(book.save(tmp_path / "t.xlsx"))
    assert [i.name for i in table.indicators] == [row[2] for row in QUALITATIVE_MET]
    assert codes(data) == [] and data["total_computed"] == 100


# ---------------------------------------------------------------- a header over two rows

LEAD_TOP = ("绩效指标", None, None, "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施")
LEAD_BOTTOM = ("一级指标", "二级指标", "三级指标")
VALUES_TOP = ("一级指标", "二级指标", "三级指标", "指标值", None, "分值", "得分",
              "偏差原因分析及改进措施")


def _two_row_table(tmp_path, top, bottom, merges=(), *, rows=DEDUCTED,
                   project="医保经办能力提升", total=("总分", None, None, None, None, 100, 94)):
    """The ``rows`` (the deduction table's) under a header of rows ``top`` and ``bottom``
    (merged only as ``merges`` says: (first, last) column across the top row), then the
    ``total`` line: the table, the findings, the header's first row."""
    book = Book()
    sheet = book.sheet("自评表")
    sheet.project(project)
    sheet.money(FULLY_SPENT)
    first = sheet.line(*top)
    sheet.line(*bottom)
    for start, end in merges:
        sheet.merge(first, start, end)
    for row in rows:
        sheet.line(*row)
    sheet.line(*total)
    sheet.grade("优")
    table, data = checked(book.save(tmp_path / "t.xlsx"))
    return table, data, first


def _read_in_full(table, data):
    assert [i.name for i in table.indicators] == [row[2] for row in DEDUCTED]
    first = table.indicators[0]
    assert (first.level1, first.level2, first.target, first.actual, first.weight,
            first.score_declared, first.reason) == DEDUCTED[0][:2] + DEDUCTED[0][3:]
    assert codes(data) == [] and (data["total_declared"], data["total_computed"]) == (94, 94)


@pytest.mark.parametrize("merges", [(), [(1, 3)]], ids=["无合并", "绩效指标跨三列"])
def test_a_two_row_header_that_lost_its_merges_down(tmp_path, merges):
    """绩效指标 | | | 年度指标值 … over 一级指标 | 二级指标 | 三级指标, nothing merged down (a
    PDF converted): each row names the columns the other leaves blank — one header (before:
    no table found, exit 2)."""
    table, data, first = _two_row_table(tmp_path, LEAD_TOP, LEAD_BOTTOM, merges)
    _read_in_full(table, data)
    assert table.sources["header"].cell == f"C{first + 1}"


@pytest.mark.parametrize("values", [("年度", "实际"), ("计划", "完成")])
def test_values_under_an_unmerged_target_header(tmp_path, values):
    """指标值 | (empty) over 年度 | 实际, the merge across lost: the target and the actual
    (before: the 年度 | 实际 row read as an indicator without points, JX106, and JX208)."""
    table, data, first = _two_row_table(tmp_path, VALUES_TOP, (None, None, None, *values))
    _read_in_full(table, data)
    assert table.sources["header"].cell == f"C{first}"


def test_the_header_words_over_two_rows_read_before_still_read(tmp_path):
    """指标值 merged across 年度 | 实际, and 指标值 | (empty) over 年度指标值 | 实际完成值."""
    _read_in_full(*_two_row_table(tmp_path, VALUES_TOP, (None, None, None, "年度", "实际"),
                                  merges=[(4, 5)])[:2])
    _read_in_full(*_two_row_table(tmp_path, VALUES_TOP,
                                  (None, None, None, "年度指标值", "实际完成值"))[:2])


def test_a_notes_row_under_a_header_is_not_its_second_row(tmp_path):
    """A third-party index (no 指标值 or 完成值 column, so a second header row is looked
    for) with a note under its header naming 分值: a note, not a row of the header."""
    def read(note):
        book = Book()
        sheet = book.sheet("指标体系")
        sheet.project("第三方评价项目", "某市财政局")
        header = sheet.line(*THIRD_PARTY)
        sheet.columns = {text: column for column, text in enumerate(THIRD_PARTY, start=1)}
        if note:
            sheet.line(None, None, None, "注：分值合计100分")
        for row in [("决策", "项目实施", "实施依据充分性", "…", 22, 20),
                    ("过程", "资金管理", "预算执行率", "…", 18, 18),
                    ("产出", "产出数量", "实际完成率", "…", 40, 38),
                    ("效益", "项目效益", "满意度", "…", 20, 20)]:
            sheet.line(*row)
        sheet.total(100, 96, label="合计")
        table, data = checked(book.save(tmp_path / f"{note}.xlsx"))
        assert table.sources["header"].cell == f"C{header}" and table.layout == "third_party"
        return [(i.name, i.weight, i.score_declared) for i in table.indicators], codes(data)

    assert read(note=True) == read(note=False)
    assert len(read(note=True)[0]) == 4


def test_a_goal_row_right_above_the_header_is_not_its_first_row(tmp_path):
    """年度绩效目标 | 预期目标 | … | 实际完成情况 right above the header names a 指标值 and a 完成值
    too: the header under it is a header by itself, the goal row no part of it."""
    book = Book()
    sheet = book.sheet("自评表")
    sheet.project("医保经办能力提升")
    sheet.money(FULLY_SPENT)
    sheet.line("年度绩效目标", "预期目标", None, None, "实际完成情况")
    sheet.indicators(DEDUCTED, lead=None)
    sheet.line("总分", None, None, None, None, 100, 94)
    sheet.grade("优")
    table, data = checked(book.save(tmp_path / "t.xlsx"))
    _read_in_full(table, data)
    assert table.sources["header"].cell == "C5"


SPLIT_TOP = ("绩效指标", None, None, "年度指标值", None, None, "实际完成值", "分值", "得分",
             "偏差原因分析及改进措施")
SPLIT_BOTTOM = ("一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位")
SPLIT_ROWS = [("产出指标", "数量指标", "巡查图斑核查数", "≥", "1200", "个", "1260", 30, 30, None),
              ("产出指标", "质量指标", "核查结果准确率", "≥", "98", "%", "97", 20, 19.8,
               "个别图斑边界认定有误，已复核更正"),
              ("效益指标", "社会效益指标", "违法用地查处率", "≥", "95", "%", "96", 30, 30, None),
              ("满意度指标", "服务对象满意度指标", "群众满意度", "≥", "90", "%", "93", 10, 10, None)]


@pytest.mark.parametrize("merges", [(), [(1, 3), (4, 6)]], ids=["无合并", "合并"])
def test_a_two_row_header_with_the_target_split_in_parts(tmp_path, merges):
    """年度指标值 over 指标性质 | 指标值 | 度量单位 beside 绩效指标 over 一级 | 二级 | 三级 (丽江),
    the merges lost in a conversion: one header, the target read from its three parts
    (before: no table found, exit 2); the same header merged reads the same."""
    table, data, _ = _two_row_table(
        tmp_path, SPLIT_TOP, SPLIT_BOTTOM, merges, rows=SPLIT_ROWS, project="卫片执法检查",
        total=("总分", None, None, None, None, None, None, 100, 99.8))
    assert rows_read(table)[:2] == [
        ("产出指标", "数量指标", "巡查图斑核查数", (">=", 1200, "个"), "1260", 30),
        ("产出指标", "质量指标", "核查结果准确率", (">=", 98, "%"), "97", 20)]
    assert len(table.indicators) == 4 and codes(data) == []
    assert data["total_computed"] == 99.8


# ---------------------------------------------------------------- 湖北 省直 form (20 + 80)

HUBEI_ROWS = [("产出指标（50分）", "数量指标", "维修改造供水工程", "12处", "12处", 20, 20),
              (None, "质量指标", "工程验收合格率", "100%", "100%", 15, 15),
              (None, "时效指标", "完工及时率", "≥95%", "100%", 15, 15),
              ("效益指标（20分）", "社会效益指标", "受益人口", "≥3000人", "3200人", 20, 20),
              ("满意度指标（10分）", "服务对象满意度指标", "受益群众满意度", "≥90%", "94%", 10, 10)]


def _hubei(path, block="年度绩效目标（80分）", money_score=19.8, total=99.8):
    """The 湖北 省直 自评表: the money's 20 points stated in its header (预算执行情况（万元）
    （20分） | 预算数(A) | 执行数(B) | 执行率(B/A) | 得分(20分*执行率)), the 80 of the
    indicators in a column merged down beside them (``block``)."""
    book = Book()
    sheet = book.sheet("自评表")
    sheet.line("农村饮水安全巩固提升项目绩效目标自评表")
    sheet.line("项目名称", "农村饮水安全巩固提升", None, "主管部门", "县水利局")
    sheet.line("预算执行情况（万元）（20分）", None, "预算数(A)", "执行数(B)", "执行率(B/A)",
               "得分(20分*执行率)")
    sheet.line(None, "年度财政资金总额", 800, 792, "99%", money_score)
    header = sheet.line(block, "一级指标", "二级指标", "三级指标", "年初目标值(A)",
                        "实际完成值(B)", "分值", "得分")
    for row in HUBEI_ROWS:
        sheet.line(None, *row)
    sheet.merge(header, 1, 1, sheet.row - 1)
    sheet.line("总分", None, None, None, None, None, 100, total)
    return book.save(path)


@pytest.mark.parametrize("block", ["年度绩效目标（80分）", "绩效指标（80分）"])
def test_the_hubei_form_reads_its_targets_and_the_money_points(tmp_path, block):
    """年度绩效目标（80分） heads the indicator block, not its targets: the 指标值 is
    年初目标值(A) (before: 8 × JX201 “未填写年度指标值”); the money's 20 points stated in
    its header are the 执行率's (before: 10 by the rules, JX101, JX302, JX401 and
    89.73/良 against 99.63/优)."""
    table, data = checked(_hubei(tmp_path / "t.xlsx", block))
    assert [i.target for i in table.indicators][:2] == ["12处", "100%"]
    assert (table.funds.weight, table.funds.sources["weight"].cell) == (20, "F3")
    # the form's own split (执行率 20, 效益 20), not the unit's: no JX102 (before: two)
    assert (codes(data), data["funds"]["weight_source"]) == ([], "form")
    assert data["total_computed"] == 99.8


def test_the_money_points_stated_over_the_rate(tmp_path):
    """rt15 R3: 预算执行率（20分） | 得分 — the points in the rate's header are the
    执行率's (before: 10 by the rules, JX101, JX302, JX401)."""
    book = Book()
    sheet = book.sheet("自评表")
    sheet.line("农村饮水安全巩固提升项目绩效目标自评表")
    sheet.line("项目名称", "农村饮水安全巩固提升", None, "主管部门", "县水利局")
    sheet.line("项目资金（万元）", None, "预算数(A)", "执行数(B)", "预算执行率（20分）", "得分")
    sheet.line(None, "年度财政资金总额", 800, 792, "99%", 19.8)
    header = sheet.line("绩效指标", "一级指标", "二级指标", "三级指标", "年初目标值(A)",
                        "实际完成值(B)", "分值", "得分")
    for row in HUBEI_ROWS:
        sheet.line(None, *row)
    sheet.merge(header, 1, 1, sheet.row - 1)
    sheet.line("总分", None, None, None, None, None, 100, 99.8)
    table, data = checked(book.save(tmp_path / "t.xlsx"))
    assert (table.funds.weight, table.funds.sources["weight"].cell) == (20, "E3")
    assert codes(data) == [] and data["total_computed"] == 99.8


def test_the_money_points_a_unit_typed_are_still_its_split(tmp_path):
    """The same table with a 分值 column in its money block holding 20: a weight the unit
    chose, so the default split is still asked about (JX102 on 效益 and 执行率)."""
    book = Book()
    sheet = book.sheet("自评表")
    sheet.line("农村饮水安全巩固提升项目绩效目标自评表")
    sheet.line("项目名称", "农村饮水安全巩固提升", None, "主管部门", "县水利局")
    sheet.line("项目资金（万元）", None, "预算数", "执行数", "执行率", "分值", "得分")
    sheet.line(None, "年度资金总额", 800, 792, "99%", 20, 19.8)
    sheet.line("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分")
    for row in HUBEI_ROWS:
        sheet.line(*row)
    sheet.line("总分", None, None, None, None, 100, 99.8)
    _, data = checked(book.save(tmp_path / "t.xlsx"))
    assert (codes(data), data["funds"]["weight_source"]) == (["JX102", "JX102"], "money")


def test_the_hubei_money_score_is_still_checked_against_its_20_points(tmp_path):
    """20 × 99 % is 19.8: a 执行率得分 of 20 is still JX302."""
    _, data = checked(_hubei(tmp_path / "t.xlsx", money_score=20, total=100))
    assert [(f["code"], f["cell"]) for f in data["findings"] if f["severity"] == "error"] \
        == [("JX302", "F4")]


# ---------------------------------------------------------------- no 分值 column (湖北, 云南)

def _no_weights(path, rows, total, money_score=19.8):
    """The 湖北 form as published: no 分值 column, the points in the 一级 headings
    (产出 50, 效益 20, 满意度 10) and the money's 20 in its header; or, with
    ``money_score`` None, a money block without points (广水: 预算数 | 执行数 | 执行率), the
    headings' points short of 100 being the 执行率's."""
    book = Book()
    sheet = book.sheet("自评表")
    sheet.line("农村饮水安全巩固提升项目绩效目标自评表")
    sheet.line("项目名称", "农村饮水安全巩固提升", None, "主管部门", "县水利局")
    if money_score is None:
        sheet.line("项目资金", None, "预算数(万元)", "执行数(万元)", "执行率")
        sheet.line(None, "年度资金总额", 800, 792, "99%")
    else:
        sheet.line("预算执行情况（万元）（20分）", None, "预算数(A)", "执行数(B)", "执行率(B/A)",
                   "得分(20分*执行率)")
        sheet.line(None, "年度财政资金总额", 800, 792, "99%", money_score)
    sheet.line("一级指标", "二级指标", "三级指标", "年初指标值", "年终完成值", "得分")
    for row in rows:
        sheet.line(*row)
    sheet.line("总分", None, None, None, None, total)
    return book.save(path)


NO_WEIGHT_ROWS = [(*row[:5], row[6]) for row in HUBEI_ROWS]


def test_a_table_without_a_weight_column_is_read(tmp_path):
    """一级指标 | 二级指标 | 三级指标 | 年初指标值 | 年终完成值 | 得分 and no 分值 (before: no
    table found, exit 2): read, no weight made up, JX108 saying what could not be checked;
    the 总分 is still checked against the 得分 and the money's 20 × 99 %."""
    table, data = checked(_no_weights(tmp_path / "t.xlsx", NO_WEIGHT_ROWS, 99.8))
    assert [(i.name, i.target, i.weight, i.score_declared) for i in table.indicators][:2] == [
        ("维修改造供水工程", "12处", None, 20), ("工程验收合格率", "100%", None, 15)]
    assert codes(data) == ["JX108"]  # the 执行率's 20 is the form's: no JX102
    _, wrong = checked(_no_weights(tmp_path / "wrong.xlsx", NO_WEIGHT_ROWS, 98.8))
    assert codes(wrong) == ["JX108", "JX501"]


@pytest.mark.parametrize(("headings", "found"), [
    (("产出指标（50分）", "效益指标（20分）", "满意度指标（10分）"), []),
    (("产出指标（60分）", "效益指标（30分）", "满意度指标（10分）"),
     ["各一级指标标题写明的分值合计 100（产出指标 60、效益指标 30、满意度指标 10）"
      "+ 执行率 20 = 120，应为 100"]),
])
def test_the_heading_points_and_the_money_points_make_100(tmp_path, headings, found):
    """区商务局 2020 (湖北 form): 产出指标（60分） + 效益指标（40分） under 年度绩效目标（80分）
    and the money's 20: 120 points, and a 总分 of 120 written as their sum passed with
    no error (before: only JX104/JX108). The headings' points are now added up (JX101)."""
    rows = [(headings[0], *NO_WEIGHT_ROWS[0][1:]), *NO_WEIGHT_ROWS[1:3],
            (headings[1], *NO_WEIGHT_ROWS[3][1:]), (headings[2], *NO_WEIGHT_ROWS[4][1:])]
    _, data = checked(_no_weights(tmp_path / "t.xlsx", rows, 99.8))
    assert [f["message"] for f in data["findings"] if f["code"] == "JX101"] == found
    assert [f["cell"] for f in data["findings"] if f["code"] == "JX101"] == ["A6"] * len(found)


def test_scores_above_their_heading_points_without_a_weight_column(tmp_path):
    """产出指标（50分） whose rows score 52: JX103 (the one thing their points can check)."""
    rows = list(NO_WEIGHT_ROWS)
    rows[2] = (*rows[2][:5], 17)
    _, data = checked(_no_weights(tmp_path / "t.xlsx", rows, 101.8))
    [found] = [f for f in data["findings"] if f["code"] == "JX103"]
    assert (found["cell"], found["message"]) == (
        "A6", "“产出指标”标明 50 分，其下各指标得分合计 52 分，超过标明的分值")


@pytest.mark.parametrize(("total", "found"), [(99.8, []), (100, ["JX501"])])
def test_the_points_the_headings_leave_are_the_execution_rates(tmp_path, total, found):
    """产出 50 + 效益 20 + 满意度 10 in the headings, a money block without points: its
    20 are the 执行率's, 20 × 99 % = 19.8 in the 总分 (not a false JX501 “各项得分之和为 80”)."""
    _, data = checked(_no_weights(tmp_path / "t.xlsx", NO_WEIGHT_ROWS, total, None))
    assert codes(data) == ["JX108", *found]
    assert data["funds"]["weight_source"] == "headings"


@pytest.mark.parametrize(("total", "found"), [(99.5, []), (99.67, ["JX501"])])
def test_money_with_its_sources_as_columns_is_read_from_the_sum(tmp_path, total, found):
    """资金来源 | 中央资金 | 省级资金 | 市县资金 | 合计 over 全年预算数 / 全年执行数 rows: A and B
    are the 合计's 120 and 114, 95 % and 9.5 (before: the 中央资金's 60 and 58, a false
    JX501 against 9.67); a 总分 built on the 中央资金's rate is still JX501."""
    book = Book()
    sheet = book.sheet("自评表")
    sheet.project("农村劳动力转移就业技能培训")
    sheet.line("项目资金（万元）", "资金来源", "中央资金", "省级资金", "市县资金", "合计", "执行率",
               "分值", "得分")
    sheet.line(None, "全年预算数", 60, 30, 30, 120)
    sheet.line(None, "全年执行数", 58, 28, 28, 114, "95%", 10, 9.5)
    sheet.indicators(QUALITATIVE_MET)
    sheet.total(100, total)
    sheet.grade("优")
    _, data = checked(book.save(tmp_path / "t.xlsx"))
    funds = data["funds"]
    assert (funds["budget"], funds["executed"]) == (120, 114)
    assert codes(data) == found


@pytest.mark.parametrize(("total", "found"), [(99.8, []), (100, ["JX501"])])
def test_the_money_total_column_beside_the_spending_is_the_budget(tmp_path, total, found):
    """项目资金 | 本级(万元) | 合计(万元) | 执行数(万元) | 执行率 (广水): A is the 合计 (before:
    no money read, the 执行率得分 and the 总分 not checked)."""
    book = Book()
    sheet = book.sheet("自评表")
    sheet.line("项目名称", "农村饮水安全巩固提升")
    sheet.line("项目资金", "本级(万元)", "合计(万元)", "执行数(万元)", "执行率")
    sheet.line(None, 800, 800, 792, "99%")
    sheet.line("一级指标", "二级指标", "三级指标", "年初指标值", "年终完成值", "得分")
    for row in NO_WEIGHT_ROWS:
        sheet.line(*row)
    sheet.line("总分", None, None, None, None, total)
    _, data = checked(book.save(tmp_path / "t.xlsx"))
    assert (data["funds"]["budget"], data["funds"]["executed"]) == (800, 792)
    assert codes(data) == ["JX108", *found]


# ---------------------------------------------------------------- how the score is computed

# 北京 海淀 学院路街道 2016: the rule each row is scored by stands in a column of its own.
SCORING_RULE = "完成值达到指标值,记满分;未达到指标值,按B/A或A/B*该指标分值记分。"
BEIJING_ROWS = [  # (一级, 二级, 三级, 分值, 指标值, 完成值, 得分, 原因)
    ("产出指标(50分)", "数量指标", "保洁道路条数", 50, "20条", "20条", 50, None),
    ("效益指标(30分)", "社会效益指标", "环境卫生改善", 30, "明显", "明显", 30, None),
    ("满意度指标(10分)", "服务对象满意度指标", "居民满意度", 10, "≥90%", "80%", 8, None)]


def _beijing(path, method, *, before_score=True, score=True):
    """The 北京 2016 form: 分值 | 年度指标值(A) | 全年实际值(B) | ``method`` | 得分 |
    未完成原因分析 (``method`` after 得分 unless ``before_score``; no 得分 column unless
    ``score``); the money block's 得分 with its own 得分计算方法 column, in the same order."""
    columns = [method, "得分"] if before_score else ["得分", method]
    money = {method: "执行率×分值", "得分": 10}
    book = Book()
    sheet = book.sheet("自评表")
    sheet.title("项目支出绩效自评表(2016年度)")
    sheet.project("自管道路清扫保洁外包工作经费")
    sheet.money([("年度资金总额", 100, 100, 100, 10, "100%", *(money[c] for c in columns))],
                header=("年初预算数", "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)",
                        *columns))
    if not score:
        columns.remove("得分")
    header = ("一级指标", "二级指标", "三级指标", "分值", "年度指标值(A)", "全年实际值(B)",
              *columns, "未完成原因分析")
    rows = []
    for level1, level2, name, weight, target, actual, scored, reason in BEIJING_ROWS:
        cells = {method: SCORING_RULE, "得分": scored}
        rows.append((level1, level2, name, weight, target, actual,
                     *(cells[column] for column in columns), reason))
    sheet.indicators(rows, header=header)
    sheet.total(100, 98 if score else None)
    return book.save(path)


@pytest.mark.parametrize("before_score", [True, False], ids=["before", "after"])
@pytest.mark.parametrize("method", ["得分计算方法", "评分标准", "计分方法", "评分方法", "评分办法",
                                    "打分规则", "得分依据", "评分计算公式"])
def test_a_column_naming_how_to_score_is_not_the_score(tmp_path, method, before_score):
    """得分计算方法 (评分标准, 计分方法 …) says how a row is scored; the 得分 is the column
    that names the score itself, wherever the method stands (before: 得分计算方法 left of
    得分 was read as the 得分 — a false JX406 on every row, and the 满意度's deduction,
    80 % of ≥90 % scored 8 of 10 instead of 8.89 and unexplained, was missed)."""
    table, data = checked(_beijing(tmp_path / "t.xlsx", method, before_score=before_score))
    assert [indicator.score_declared for indicator in table.indicators] == [50, 30, 8]
    assert (data["funds"]["score_declared"], data["funds"]["score_computed"]) == (10, 10)
    assert (data["total_declared"], data["total_computed"]) == (98, 98.89)  # 8.89, not 8
    assert codes(data) == ["JX404", "JX405"]


@pytest.mark.parametrize("method", ["评分标准", "得分计算方法"])
def test_a_scoring_rule_column_without_a_score_column_is_never_the_score(tmp_path, method):
    """A table with 评分标准 (得分计算方法) and no 得分 column: the rule's text is no score
    declared, so no row is reported as scored wrongly or not scored."""
    table, data = checked(_beijing(tmp_path / "t.xlsx", method, score=False))
    assert [indicator.score_declared for indicator in table.indicators] == [None] * 3
    assert "score" not in table.indicators[0].sources
    assert not {"JX404", "JX406"} & set(codes(data))


# ------------------------------------------------ no 分值 and no 得分 column (湖南 衡山)

NO_POINTS_HEADER = ("一级指标", "二级指标", "三级指标", "年度指标值", "全年完成值",
                    "未完成原因和改进措施")
HENGSHAN_ROWS = [("产出指标", "数量指标", "库存数量真实率", "100%", "100%", None),
                 ("产出指标", "质量指标", "储备粮质量达标率", "≥95%", "100%", None),
                 ("产出指标", "时效指标", "轮换计划完成及时率", "100%", "100%", None),
                 ("效益指标", "社会效益指标", "粮食安全事件发生数", "0起", "0起", None),
                 ("满意度指标", "服务对象满意度指标", "市民满意度", "≥90%", "95%", None)]


def _no_points(path, rows=HENGSHAN_ROWS, executed=194.9, header=NO_POINTS_HEADER):
    """湖南 衡山县 2020年度县级专项资金绩效目标自评表 (县级储备粮): 全年预算数(A) |
    全年执行数(B) | 执行率(B/A) and 一级 | 二级 | 三级 | 年度指标值 | 全年完成值 |
    未完成原因和改进措施 — neither 分值 nor 得分 anywhere."""
    book = Book()
    sheet = book.sheet("自评表")
    sheet.line("2020年度县级专项资金绩效目标自评表")
    sheet.line("专项资金名称", None, "县级储备粮", None, "负责人及电话", "旷建成")
    sheet.line("县级主管部门", None, "衡山县商务和粮食局", None, "实施单位", "粮食调控储备与产业发展股")
    sheet.line("项目资金（万元）", None, None, "全年预算数(A)", "全年执行数(B)", "执行率(B/A)")
    sheet.line(None, "年度资金总额", None, 194.9, executed, "100%")
    sheet.indicators(rows, header=header)
    return book.save(path)


def test_a_table_without_weights_or_scores_is_read(tmp_path):
    """A self-evaluation with 完成值 and a 原因 column but no 分值 and no 得分 (before: no
    table found, exit 2): read with its weights and scores unknown, no weight or score
    made up, no 总分; one JX108 tells the reviewer the scores were not checked."""
    table, data = checked(_no_points(tmp_path / "t.xlsx"))
    assert [(i.level1, i.name, i.target, i.actual, i.weight, i.score_declared)
            for i in table.indicators][::2] == [
        ("产出指标", "库存数量真实率", "100%", "100%", None, None),
        ("产出指标", "轮换计划完成及时率", "100%", "100%", None, None),
        ("满意度指标", "市民满意度", "≥90%", "95%", None, None)]
    assert (data["funds"]["budget"], data["funds"]["executed"]) == (194.9, 194.9)
    assert (table.project.name, table.project.department) == ("县级储备粮", "衡山县商务和粮食局")
    assert data["total_computed"] is None
    assert codes(data) == ["JX108"]
    [found] = data["findings"]
    assert (found["severity"], found["cell"]) == ("info", "D6")
    assert found["message"].startswith("表中既没有分值列也没有得分列")
    assert "须人工审核" in found["message"]


def test_a_table_without_weights_or_scores_is_still_checked(tmp_path):
    """What can be checked is: 194.9 ÷ 150 printed as 100 % (JX301, and the 77 % below
    90 % without a reason, JX306), a 完成值 missing (JX202) and an unmet target
    without a reason (市民满意度 ≥90 % → 80 %: JX405, whatever its points, the rules deduct);
    an unmet target explained is named (JX409). Nothing is said about the absent columns
    (no JX101, JX106, JX406, JX501)."""
    rows = list(HENGSHAN_ROWS)
    rows[1] = (*rows[1][:4], None, None)  # 完成值 left empty
    rows[2] = (*rows[2][:4], "80%", "因储备库维修，轮换推迟至次年一季度")
    rows[4] = (*rows[4][:4], "80%", None)
    _, data = checked(_no_points(tmp_path / "t.xlsx", rows, executed=150))
    assert codes(data) == ["JX108", "JX202", "JX301", "JX306", "JX405", "JX409"]
    exceeded = [*rows[:4], ("满意度指标", "服务对象满意度指标", "培训场次", "≥12个", "36个", None)]
    _, far = checked(_no_points(tmp_path / "far.xlsx", exceeded))
    assert [(f["code"], f["cell"]) for f in far["findings"] if f["code"] == "JX206"] == [
        ("JX206", "G11")]  # a goal exceeded far beyond, no reason: asked about as anywhere
    by_code = {f["code"]: f for f in data["findings"]}
    assert (by_code["JX301"]["cell"], by_code["JX301"]["message"]) == (
        "F5", "“年度资金总额”执行率写为 100%，按 全年执行数 150 ÷ 全年预算数 194.9 应为 76.96%")
    assert by_code["JX202"]["cell"] == "F8"
    assert by_code["JX405"]["cell"] == "G11"
    assert "“市民满意度”未达到指标值（指标值 ≥90%，完成值 80%）" in by_code["JX405"]["message"]
    assert by_code["JX409"]["cell"] == "F9"
    assert data["total_computed"] is None


def test_a_plan_without_weights_stays_refused(tmp_path):
    """A 绩效目标表 without 分值 (一级 | 二级 | 三级 | 年度指标值, no 完成值), and a note
    sheet naming 三级指标 | 指标值 | 完成值 without a 一级 or 二级 column, are still no table;
    a 绩效目标表 with 分值 is still said to be one. Titled 绩效目标自评表, the first two are
    a 自评表 whose table was not recognised (rt28: before, “没有找到项目支出绩效自评表”)."""
    from jixiao.errors import NotASelfEvaluation, UnrecognisedTable
    from jixiao.read.workbook import read_workbook

    unrecognised = ("有自评表的标题“2020年度县级专项资金绩效目标自评表”（工作表“自评表”A1），"
                    "但其中的表格未能识别：没有找到表头")
    plan = [row[:4] for row in HENGSHAN_ROWS]
    with pytest.raises(UnrecognisedTable, match=unrecognised):
        read_workbook(_no_points(tmp_path / "plan.xlsx", plan, header=NO_POINTS_HEADER[:4]))
    notes = [row[2:6] for row in HENGSHAN_ROWS]
    with pytest.raises(UnrecognisedTable, match=unrecognised):
        read_workbook(_no_points(tmp_path / "notes.xlsx", notes, header=NO_POINTS_HEADER[2:]))
    weighted = [(*row[:4], 20) for row in HENGSHAN_ROWS]
    with pytest.raises(NotASelfEvaluation, match="是绩效目标表"):
        read_workbook(_no_points(tmp_path / "weighted.xlsx", weighted,
                                 header=(*NO_POINTS_HEADER[:4], "分值")))


def test_rows_without_points_are_no_wrapped_rest_of_the_row_above(tmp_path):
    """Two indicators under one merged 二级 (衡山: 5000吨稻谷、500吨成品粮储备到位率, then
    库存数量真实率, each 100% | 100%): a row with a name and its own 指标值 is an indicator,
    not the wrapped rest of the row above (before: one row “…到位率库存数量真实率” with
    “100%100%”, two JX203)."""
    rows = [("产出指标", "数量指标", "5000吨稻谷、500吨成品粮储备到位率", "100%", "100%", None),
            ("产出指标", "数量指标", "库存数量真实率", "100%", "100%", None),
            *HENGSHAN_ROWS[1:]]
    table, data = checked(_no_points(tmp_path / "t.xlsx", rows))
    assert [(i.name, i.target, i.actual) for i in table.indicators][:2] == [
        ("5000吨稻谷、500吨成品粮储备到位率", "100%", "100%"), ("库存数量真实率", "100%", "100%")]
    assert codes(data) == ["JX108"]


def test_a_table_without_points_beside_the_scored_table_is_not_checked(tmp_path):
    """A report's 绩效完成表 (一级 | 二级 | 指标内容 | 年度指标值 | 全年完成值 | 未完成原因, no
    分值 nor 得分) beside the scored 自评表 restates it: only the 自评表 is checked, a note
    names the other (before this fix it was no table; it must not become a second one
    with its own JX108)."""
    from workbooks import standard_sheet

    from jixiao.read.workbook import read_workbook

    for plan_first in (False, True):
        book = Book()
        if plan_first:
            _no_points_sheet(book.sheet("完成表"))
        standard_sheet(book.sheet("自评表"))
        if not plan_first:
            _no_points_sheet(book.sheet("完成表"))
        path = book.save(tmp_path / f"t{plan_first}.xlsx")
        read = read_workbook(path)
        assert [t.sources["header"].sheet for t in read.tables] == ["自评表"]
        assert read.notes == ["没有分值和得分的表“完成表”未校验：以有分值、得分的自评表为准"]
        _, data = checked(path)
        assert codes(data) == []


def _no_points_sheet(sheet):
    sheet.line("2024年项目绩效完成表")
    sheet.indicators(HENGSHAN_ROWS, header=NO_POINTS_HEADER, lead="年度绩效指标")


def test_a_table_without_points_ends_where_the_report_text_begins(tmp_path):
    """A 绩效完成表 in a 自评报告 sheet, the report's text under it in the first column and a
    spending table below (序号 | 支付日期 | 资金性质 | 用途 | 支付金额): the table ends at the
    text — no row of spending read as an indicator (no JX202 “用途”未填写实际完成值)."""
    book = Book()
    sheet = book.sheet("自评报告")
    _no_points_sheet(sheet)
    sheet.line("- 1、总体目标：加强城乡居民工作制度化规范化；")
    sheet.line("二、项目资金使用及管理情况")
    sheet.line("序号", "支付日期", "资金性质", "用途", "支付金额（万元）")
    sheet.line("1", "7.3", "一般公共预算资金", "用于购买服务前台评价器等办公用品", "3")
    table, data = checked(book.save(tmp_path / "t.xlsx"))
    assert [i.name for i in table.indicators] == [row[2] for row in HENGSHAN_ROWS]
    assert codes(data) == ["JX108"]


@pytest.mark.parametrize("lead", ["年度绩效指标完成情况", "绩效指标完成情况", "年度绩效目标完成情况"])
@pytest.mark.parametrize("merge", [True, False], ids=["merged", "merges-lost"])
def test_the_blocks_label_naming_its_completion_is_no_actual_column(tmp_path, lead, merge):
    """安徽's standard form heads the lead column 年度绩效指标完成情况: the label of the
    block, not the 完成值 — that is the column 实际完成值 (every row was JX202 on column A)."""
    path = medical_insurance(tmp_path / "t.xlsx", QUALITATIVE_MET, 100, lead=lead, merge=merge)
    table, data = checked(path)
    assert codes(data) == []
    assert [indicator.actual for indicator in table.indicators][:2] == ["2.3 万件", "规定时间内"]
    assert data["total_computed"] == 100


@pytest.mark.parametrize(("written", "total_finding"), [
    (101, None),  # the written scores' sum (25 + 76): the 25 is JX401's
    (98, None),   # the sum with the 25 counted as its 22 — as jixiao computes it (rt22d 4)
    (99, "总分写为 99，各项得分之和为 101"),  # neither
])
def test_a_total_counting_a_score_within_its_points_is_no_total_mistake(tmp_path, written,
                                                                          total_finding):
    from workbooks import third_party

    _, report = checked(third_party(tmp_path / "t.xlsx", decision=25, total=written))
    found = [(item["code"], item["message"]) for item in report["findings"]]
    assert ("JX401", "“实施依据充分性”得分 25 大于分值 22") in found
    assert report["total_computed"] == 98
    assert [message for code, message in found if code == "JX501"] == (
        [total_finding] if total_finding else [])


def test_a_scores_table_with_points_says_why_its_total_is_the_written_scores(tmp_path, capsys):
    """A 第三方 得分表 (分值 and 得分, no 年度指标值/实际完成值): its computed 总分 is the
    written scores', each within its 分值 (the 25 written against 22 counts 22: 101 → 98).
    The report said "表中没有分值列" beside a JX401 that read its 分值 22 (rt14-b A7); it
    says what the table lacks."""
    from workbooks import third_party

    from jixiao.cli.main import main

    path = third_party(tmp_path / "t.xlsx", decision=25)
    main(["check", str(path)])
    out = capsys.readouterr().out
    assert "填报 101 / 计算 98（表中没有年度指标值和实际完成值，各指标按填报得分计）" in out, out
    assert "没有分值列" not in out and "JX401" in out
