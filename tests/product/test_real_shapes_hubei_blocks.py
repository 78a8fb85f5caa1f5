"""The 湖北 市县 form (随州 2021 急救中心, 广水 2021 交通运输局: 财政预算支出项目绩效目标自评表;
red team rt9-b T5, defect D5): one table of 100 points printed in two blocks with headers of
their own —

    项目权重 | 评价内容 | 分值 | 自评分 | 复核分 | 评价标准及依据
    项目决策2分 (1 row) and 项目管理13分 (4 rows), their 分值 in a column;

    一级指标 (merged over two columns) | 二级指标 | 指标名称（三级指标） | 年初指标值 |
    年终完成值 | 自评分 | 复核分 | 评价标准
    项目绩效85分 | 产出指标40分 | 数量指标15分 | …: no 分值 column, the points in the headings;

the 自评总分 written beside the 填报日期 above the money (资金来源 中央 | 省、地 | 本级 | 其他 |
合计 | 执行数 | 执行率, no points: the 执行率 is not scored). 自评分 is the unit's score;
复核分 is the reviewer's, left blank by the unit, never read."""

import pytest
from test_real_shapes import checked, codes
from workbooks import Book

from jixiao.read.workbook import read_tables

DECISION = [  # (一级 heading, 评价内容, 分值, 自评分, 评价标准)
    ("项目决策2分", "决策依据", 2, 2, "有项目年度工作计划或有上级文件或审批报告计2分，没有不得分。"),
    ("项目管理13分", "财务制度", 3, 3, "1、单位财务管理制度1分；2、项目管理制度1分；3、有制度执行佐证资料1分。"),
    (None, "组织机构", 2, 2, "有明确的绩效管理机构或专人负责2分。没有不得分"),
    (None, "运行监管", 4, 3, "1、运行监管记录3分；2、填报项目支出绩效监控表1分。"),
    (None, "目标申报", 4, 3, "1、项目绩效目标全申报的1分；2、绩效目标规范1分；3、按时申报计2分。"),
]
PERFORMANCE = [  # (block, 一级, 二级, 三级, 年初指标值, 年终完成值, 自评分)
    ("项目绩效85分", "产出指标40分", "数量指标15分", "派车次数", "15000次", 17180, 15),
    (None, None, "质量指标12分", "调度员上岗培训合格率", "100%", "100%", 12),
    (None, None, "时效指标8分", "急救响应及时率", "≥95%", "98%", 8),
    (None, None, "成本指标5分", "开办费控制", "≤23.3万元", "23.3万元", 5),
    (None, "效益指标30分", "社会效益指标30分", "急救服务覆盖人口", "≥200万人", "210万人", 15),
    (None, None, None, "院前急救平均反应时间", "≤15分钟", "12分钟", 15),
    (None, "满意度指标15分", "服务对象满意度指标15分", "群众满意度", "≥90%", "96%", 15),
]
STANDARD_TEXT = "1、提供三级指标完成程度的佐证资料；2、三级指标分值按三级指标个数平均确定。"


def hubei(path, decision=DECISION, performance=PERFORMANCE, total=98, reviewer=None,
          merge=True, reviewed=("自评分", "复核分"), goal=None, money=True):
    """The form as 随州 prints it (the rt9-b layout; ``decision`` None: its 绩效 block
    alone, the 决策/管理 block not sent): ``reviewer`` fills the 复核分 column
    of every row with it (what a 财政 reviewer writes in, never the unit's score);
    ``merge`` false: every merge lost (a converted PDF); ``reviewed``: the two score
    headers, in their order (the reviewer's first: its column comes first); ``goal``: the
    cells of the line between the blocks (default: one text merged across the table);
    ``money`` false: no money lines (a PDF's page of the 绩效 block alone)."""
    book = Book()
    sheet = book.sheet("自评表")
    row = sheet.line("随州市财政预算支出项目绩效目标自评表")
    sheet.merge(row, 1, 9)
    sheet.line("填报日期：2023年4月23日", None, None, None, None, f"自评总分：{total}")
    row = sheet.line("项目名称", "2021年卫生健康人才培养培训一次性开办费", None, None,
                     "项目实施单位", "随州市急救中心")
    sheet.merge(row, 2, 4)
    sheet.merge(row, 6, 9)
    row = sheet.line("项目主管单位", "随州市卫生健康委员会", None, None, "项目负责人", "蒋涛")
    sheet.merge(row, 2, 4)
    sheet.merge(row, 6, 9)
    if money:
        top = sheet.line("项目资金来源", "中央（万元）", "省、地（万元）", "本级（万元）",
                         "其他（万元）", "合计（万元）", "执行数（万元）", "执行率")
        sheet.line(None, 4.9, 18.4, None, None, 23.3, 23.3, "100%")
        sheet.merge(top, 1, 1, top + 1)
    row = sheet.line("项目年度目标", "2022年市急救中心正式运行。")
    sheet.merge(row, 2, 9)
    own_first = reviewed[0] == "自评分"
    if decision is not None:  # None: the 决策/管理 block left out (the 绩效 block alone)
        row = sheet.line("项目权重", "评价内容", None, "分值", *reviewed, "评价标准及依据")
        sheet.merge(row, 2, 3)
        sheet.merge(row, 7, 9)
        first = sheet.row
        for heading, content, weight, score, standard in decision:
            pair = (score, reviewer) if own_first else (reviewer, score)
            row = sheet.line(heading, content, None, weight, *pair, standard)
            sheet.merge(row, 2, 3)
            sheet.merge(row, 7, 9)
        sheet.merge(first + 1, 1, 1, first + len(decision) - 1)  # 项目管理13分 over its rows
    if goal is None:
        row = sheet.line("项目年度目标：2022年急救中心正式运行。")
        sheet.merge(row, 1, 9)
    else:
        sheet.line(*goal)
    row = sheet.line("一级指标", None, "二级指标", "指标名称（三级指标）", "年初指标值", "年终完成值",
                     *reviewed, "评价标准")
    sheet.merge(row, 1, 2)
    first = sheet.row
    for block, level1, level2, name, target, actual, score in performance:
        pair = (score, reviewer) if own_first else (reviewer, score)
        sheet.line(block, level1, level2, name, target, actual, *pair, STANDARD_TEXT)
    last = sheet.row - 1
    if not merge:
        sheet.ws.merged_cells.ranges = set()
        return book.save(path)
    sheet.merge(first, 1, 1, last)  # 项目绩效85分 over the whole block
    _merge_runs(sheet, 2, [row[1] for row in performance], first)
    _merge_runs(sheet, 3, [row[2] for row in performance], first)
    return book.save(path)


def _merge_runs(sheet, column, texts, first):
    """Each heading merged down over the rows below it left blank."""
    start = None
    for offset, text in enumerate([*texts, "end"]):
        if text is not None:
            if start is not None and offset - 1 > start:
                sheet.merge(first + start, column, column, first + offset - 1)
            start = offset


def _at(data, code):
    return [(item["cell"], item["message"]) for item in data["findings"] if item["code"] == code]


def test_the_two_blocks_are_one_table_of_100_points(tmp_path):
    table, data = checked(hubei(tmp_path / "t.xlsx"))
    assert len(table.indicators) == len(DECISION) + len(PERFORMANCE)
    assert table.project.name == "2021年卫生健康人才培养培训一次性开办费"
    assert [i.level1 for i in table.indicators[:2]] == ["项目决策2分", "项目管理13分"]
    assert table.indicators[5].level1 == "产出指标40分"
    assert table.indicators[5].level2 == "数量指标15分"
    assert [i.score_declared for i in table.indicators] == [2, 3, 2, 3, 3, 15, 12, 8, 5, 15, 15, 15]
    assert [i.weight for i in table.indicators[:5]] == [2, 3, 2, 4, 4]
    assert [i.weight for i in table.indicators[5:]] == [None] * len(PERFORMANCE)
    assert codes(data) == ["JX108"], data["findings"]
    [(_, message)] = _at(data, "JX108")
    assert message.startswith("表中只有 5 项指标列有分值，其余 7 项没有分值列")


def test_its_total_is_the_written_scores(tmp_path):
    table, data = checked(hubei(tmp_path / "t.xlsx"))
    assert table.total_declared == 98
    assert "JX501" not in codes(data)
    assert "JX307" not in codes(data)
    assert "JX104" not in codes(data)
    assert "JX101" not in codes(data)


def test_a_wrong_written_total_is_still_flagged(tmp_path):
    _, data = checked(hubei(tmp_path / "t.xlsx", total=100))
    assert [message for _, message in _at(data, "JX501")] == ["总分写为 100，各项得分之和为 98"]


def test_a_score_above_its_points_in_the_decision_block_is_flagged(tmp_path):
    decision = [list(row) for row in DECISION]
    decision[3][3] = 5  # 运行监管: 分值 4, 自评分 5
    _, data = checked(hubei(tmp_path / "t.xlsx", decision=[tuple(r) for r in decision], total=100))
    assert "JX401" in codes(data)


def test_a_score_above_its_heading_in_the_performance_block_is_flagged(tmp_path):
    performance = [list(row) for row in PERFORMANCE]
    performance[0][6] = 17  # 数量指标15分: 17
    _, data = checked(hubei(tmp_path / "t.xlsx", performance=[tuple(r) for r in performance],
                            total=100))
    assert any("数量指标" in message and "17" in message for _, message in _at(data, "JX103"))


def test_points_that_do_not_make_100_are_flagged(tmp_path):
    decision = [list(row) for row in DECISION]
    decision[4][2] = 6  # 目标申报 分值 6: 决策 2 + 管理 15 + 绩效 85 = 102
    _, data = checked(hubei(tmp_path / "t.xlsx", decision=[tuple(r) for r in decision]))
    assert "JX101" in codes(data)
    assert [message for _, message in _at(data, "JX103")] == [
        "“项目管理”标明 13 分，其下各指标分值合计 15 分"]


def test_the_reviewers_score_is_never_the_units(tmp_path):
    table, data = checked(hubei(tmp_path / "t.xlsx", reviewer=0))
    assert [i.score_declared for i in table.indicators] == [2, 3, 2, 3, 3, 15, 12, 8, 5, 15, 15, 15]
    assert "JX501" not in codes(data)


def test_a_reviewers_column_before_the_units_is_not_read(tmp_path):
    for number, header in enumerate((("复核得分", "自评得分"), ("复核分", "自评分"))):
        table, data = checked(hubei(tmp_path / f"{number}.xlsx", reviewer=0, reviewed=header))
        assert [i.score_declared for i in table.indicators] == \
            [2, 3, 2, 3, 3, 15, 12, 8, 5, 15, 15, 15], header
        assert codes(data) == ["JX108"], data["findings"]


def _levels(table):
    return [(i.level1, i.level2) for i in table.indicators]


def _blocks(table):
    return [(s.label, s.weight, len(s.members)) for s in table.subtotals if "block" in s.sources]


def test_the_form_converted_without_its_merges_reads_alike(tmp_path):
    merged, _ = checked(hubei(tmp_path / "merged.xlsx"))
    table, data = checked(hubei(tmp_path / "t.xlsx", merge=False))
    assert len(table.indicators) == len(DECISION) + len(PERFORMANCE)
    assert [i.score_declared for i in table.indicators] == [2, 3, 2, 3, 3, 15, 12, 8, 5, 15, 15, 15]
    assert _levels(table) == _levels(merged)
    assert _blocks(table) == _blocks(merged) == [("项目绩效", 85, len(PERFORMANCE))]
    assert codes(data) == ["JX108"], data["findings"]


def test_a_level1_heading_above_its_points_is_flagged_merged_or_not(tmp_path):
    performance = [list(row) for row in PERFORMANCE]
    performance[4][6] = 20  # 效益指标30分 / 社会效益指标30分: 20 + 15 = 35
    performance = [tuple(row) for row in performance]
    for merge in (True, False):
        _, data = checked(hubei(tmp_path / f"{merge}.xlsx", performance=performance, total=103,
                                merge=merge))
        assert sorted(message for _, message in _at(data, "JX103")) == [
            "“效益指标”标明 30 分，其下各指标得分合计 35 分，超过标明的分值",
            "“社会效益指标”标明 30 分，其下各指标得分合计 35 分，超过标明的分值",
            "“项目绩效”标明 85 分，其下各指标得分合计 90 分，超过标明的分值"], merge


def test_the_goal_between_the_blocks_as_a_label_and_its_text_is_no_indicator(tmp_path):
    """广水 2021: 项目年度目标 1: | 乡村道路建设养护项目 — its text under the 评价内容 column."""
    table, data = checked(hubei(tmp_path / "t.xlsx", goal=("项目年度目标1：", "急救中心正式运行")))
    assert len(table.indicators) == len(DECISION) + len(PERFORMANCE)
    assert codes(data) == ["JX108"], data["findings"]


def test_a_weight_column_left_of_the_names_holding_numbers_is_no_level1(tmp_path):
    """项目权重 over 2 and 13 (numbers, not 项目决策2分): the 一级's points without its name —
    no 一级 column is read from it."""
    decision = [(None if heading is None else int(heading[4:-1]), *rest)
                for heading, *rest in DECISION]
    table = read_tables(hubei(tmp_path / "t.xlsx", decision=decision))[0]
    assert [i.name for i in table.indicators[:2]] == ["决策依据", "财务制度"]
    assert [i.level1 for i in table.indicators[:5]] == [None] * 5


def test_the_project_facts_of_the_form(tmp_path):
    """项目主管单位 (the form's words for 主管部门) and 项目实施单位 above the money."""
    table, _ = checked(hubei(tmp_path / "t.xlsx"))
    assert table.project.department == "随州市卫生健康委员会"
    assert table.project.unit == "随州市急救中心"


def test_the_blocks_on_two_sheets_of_a_converted_pdf_are_one_table(tmp_path):
    """广水 2021 as a PDF converted page by page: the 决策/管理 block ends page 1 (its page's
    number under it), the 绩效 block starts page 2 under 项目年度目标1：."""
    import openpyxl

    path = hubei(tmp_path / "one.xlsx", goal=("项目年度目标1：", "急救中心正式运行"))
    book = openpyxl.load_workbook(path)
    first = book["自评表"]
    second = book.create_sheet("Table 2")
    split = next(row for row in range(1, first.max_row + 1)
                 if first.cell(row, 1).value == "项目年度目标1：")
    for merged in list(first.merged_cells.ranges):
        if merged.min_row >= split:
            first.unmerge_cells(str(merged))
            second.merge_cells(start_row=merged.min_row - split + 1, start_column=merged.min_col,
                               end_row=merged.max_row - split + 1, end_column=merged.max_col)
    for row in range(split, first.max_row + 1):
        for column in range(1, 10):
            cell = first.cell(row, column)
            if cell.value is not None:
                second.cell(row - split + 1, column).value = cell.value
                cell.value = None
    first.cell(split, 4).value = "— 1 —"
    book.save(tmp_path / "pages.xlsx")
    table, data = checked(tmp_path / "pages.xlsx")
    assert len(table.indicators) == len(DECISION) + len(PERFORMANCE)
    assert table.indicators[5].level1 == "产出指标40分"
    assert codes(data) == ["JX108"], data["findings"]


def test_block_and_level_headings_filled_down_on_every_row_read_alike(tmp_path):
    """A clerk unmerged the headings and wrote them again on every row (rt10's edit of the
    随州 table): 项目绩效85分 on each row of its block is one block of 85, not one a row —
    before, JX101 "分值合计为 185"."""
    merged, _ = checked(hubei(tmp_path / "merged.xlsx"))
    performance, block, level1, level2 = [], None, None, None
    for row in PERFORMANCE:
        block, level1, level2 = row[0] or block, row[1] or level1, row[2] or level2
        performance.append((block, level1, level2, *row[3:]))
    decision = [("项目管理13分" if heading is None else heading, *rest)
                for heading, *rest in DECISION]
    table, data = checked(hubei(tmp_path / "t.xlsx", decision=decision, performance=performance,
                                merge=False))
    assert _blocks(table) == _blocks(merged) == [("项目绩效", 85, len(PERFORMANCE))]
    assert codes(data) == ["JX108"], data["findings"]
    wrong = [list(row) for row in performance]
    wrong[0][6] = 25  # 数量指标15分 scored 25: still found under the filled-down headings
    _, data = checked(hubei(tmp_path / "w.xlsx", decision=decision,
                            performance=[tuple(row) for row in wrong], merge=False, total=108))
    assert "JX103" in codes(data)


# ---------------------------------------------------------------- the 绩效 block alone

PERFORMANCE_SCORES = sum(row[6] for row in PERFORMANCE)  # 85: every target met


def _cell_of(path, text):
    import openpyxl

    sheet = openpyxl.load_workbook(path).active
    return next(cell.coordinate for row in sheet.iter_rows() for cell in row
                if cell.value == text)


def _alone(path, **options):
    return hubei(path, decision=None, total=PERFORMANCE_SCORES, **options)


@pytest.mark.parametrize(("merge", "money"), [(True, True), (False, True), (True, False)])
def test_the_performance_block_alone_holds_85_of_the_100_points(tmp_path, merge, money):
    """The 项目绩效 block sent (or kept by a PDF's conversion) without the 决策/管理 block:
    项目绩效85分 says the other 15 points are the 项目决策/项目管理 part's, not the
    执行率's (before: a 执行率 of 15 points — JX307 “执行率得分（分值 15）无法计算”, or
    15 × 100 % in a 总分 of 100). Now JX101 at the heading: 85 of 100, the part missing."""
    path = _alone(tmp_path / "t.xlsx", merge=merge, money=money)
    table, data = checked(path)
    assert len(table.indicators) == len(PERFORMANCE)
    assert codes(data) == ["JX101", "JX108"], data["findings"]
    [(cell, message)] = _at(data, "JX101")
    assert cell == _cell_of(path, "项目绩效85分")
    assert message.startswith("分值合计为 85，应为 100：表中只有“项目绩效”（85 分），其余 15 分"
                              "所在的部分（项目决策、项目管理等")
    assert table.funds.weight is None and not table.execution_line
    assert (data["total_computed"], data["total_basis"]) == (85, "declared")


def test_a_wrong_score_in_the_block_alone_is_still_flagged(tmp_path):
    """数量指标15分 scored 17 (and so 产出指标40分 42, 项目绩效85分 87): JX103 each, the
    written 总分 87 their sum (no JX501), the missing part still JX101."""
    performance = [list(row) for row in PERFORMANCE]
    performance[0][6] = 17
    _, data = checked(hubei(tmp_path / "t.xlsx", decision=None, total=87,
                            performance=[tuple(row) for row in performance]))
    assert codes(data) == ["JX101", "JX103", "JX103", "JX103", "JX108"], data["findings"]
    assert sorted(message for _, message in _at(data, "JX103")) == [
        "“产出指标”标明 40 分，其下各指标得分合计 42 分，超过标明的分值",
        "“数量指标”标明 15 分，其下各指标得分合计 17 分，超过标明的分值",
        "“项目绩效”标明 85 分，其下各指标得分合计 87 分，超过标明的分值"]


def test_the_whole_forms_total_over_the_block_alone_is_flagged(tmp_path):
    """自评总分：98 written for the whole form over its 绩效 block alone (85): JX501 — the
    total cannot be checked from the rows sent."""
    _, data = checked(hubei(tmp_path / "t.xlsx", decision=None, total=98))
    assert codes(data) == ["JX101", "JX108", "JX501"], data["findings"]
    assert [message for _, message in _at(data, "JX501")] == ["总分写为 98，各项得分之和为 85"]
