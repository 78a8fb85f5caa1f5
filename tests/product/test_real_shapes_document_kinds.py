"""Documents sent in place of a 自评表, told by what they say they are (rt25-g): a mid-year
绩效监控表 whatever its title's tail or notes, a 绩效自评报告 typed into a sheet, a
绩效目标申报表 whose 填报说明 speaks of 自评 — and the 自评表 of the same words that are
still checked."""

import pytest
from test_real_shapes import checked, codes
from workbooks import Book, Formula, grid_book, standard_sheet

from jixiao.pipeline import check_workbook

MONITOR_ROWS = [
    ["产出指标", "数量指标", "道路提升里程", "≥30公里", "18公里", "30公里", "按进度推进", "确定能"],
    [None, "质量指标", "工程验收合格率", "100%", "100%", "100%", None, "确定能"],
    ["满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", "—", "92%", None, "确定能"]]
MONITOR_HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "1-7月执行情况",
                  "全年预计完成情况", "偏差原因分析", "完成目标可能性"]
MONITORING = ("是绩效监控表（年度中的执行情况和全年预计），不是自评表：请在年度结束后提交"
              "填好实际完成值和得分的项目支出绩效自评表")


def _monitor_lines(title, note=None, points=False):
    """A 监控表's lines; ``points``: a 分值 column (20 each) after 年度指标值."""
    rows = [MONITOR_HEADER, *MONITOR_ROWS]
    if points:
        rows = [[*row[:4], "分值" if row is MONITOR_HEADER else 20, *row[4:]] for row in rows]
    lines = [[title], ["项目名称", "乡村道路提升工程"],
             ["项目资金（万元）", "年初预算数", "全年预算数", "1-7月执行数", "执行率", "全年预计执行数"],
             ["年度资金总额", 500, 500, 280, "56%", 495], *rows]
    return [*lines, [note]] if note else lines


@pytest.mark.parametrize(("title", "note", "points"), [
    ("项目支出绩效运行监控表（2024年1-7月）", None, False),  # the period after 表
    ("项目支出绩效运行监控表（2024年1-7月）", None, True),  # and 分值 (no 得分)
    ("2024年项目支出绩效目标执行监控表", "注：监控结果将作为年度绩效自评和预算安排的重要参考。", False),
    ("乡村道路提升工程绩效情况", None, False),  # no title word: its 1-7月, 全年预计 columns tell
])
def test_a_monitoring_form_is_refused_as_one(tmp_path, title, note, points):
    """A 绩效监控表 whose title ends in its period, whose note names the 自评 it will feed,
    or whose title says nothing (its 1-7月执行情况 | 全年预计完成情况 columns do): refused
    as a 监控表, exit 2 (rt25-g 1: before, each was scored as a 自评表 —
    JX202 on the 满意度 not yet surveyed, JX409 on 18 of 30 公里 done by July, “按财政部
    规则得 12 分（满分 20）” with the 分值 column)."""
    path = grid_book(tmp_path / "m.xlsx", _monitor_lines(title, note, points))
    result = check_workbook(path)
    assert result.no_table
    assert result.error == f"“m.xlsx”{MONITORING}"


def test_a_monitoring_sheet_beside_the_self_evaluation_is_set_aside(tmp_path):
    """The project's 监控表 (with 分值) kept on a second sheet beside its correct 自评表:
    the 自评表 alone is checked, a note says the 监控表 was not (rt25-g 1: before, the
    监控表 was a second table with JX202, JX204, JX410 and JX409 — exit 1)."""
    book = Book()
    standard_sheet(book.sheet("自评表"))
    monitor = book.sheet("监控表")
    for line in _monitor_lines("2024年度项目绩效运行监控表", points=True):
        monitor.line(*line)
    result = check_workbook(book.save(tmp_path / "t.xlsx"))
    assert result.error is None
    assert [checked.table.sources["header"].sheet for checked in result.tables] == ["自评表"]
    assert result.notes == ["绩效监控表“监控表”（年度中的执行情况和全年预计）未校验：以自评表为准"]
    assert [finding.code for checked in result.tables for finding in checked.findings] == []


def test_a_self_evaluation_whose_notes_speak_of_monitoring_is_still_checked(tmp_path):
    """A 自评表 that says 已按绩效监控情况调整 above its header and under it, and names its
    money 1-12月执行数: checked as before (JX108 on a table without 分值 and 得分)."""
    lines = [["项目支出绩效自评表"], ["（已按绩效监控情况调整）"], ["项目名称", "乡村道路提升工程"],
             ["项目资金（万元）", "年初预算数", "全年预算数", "1-12月执行数", "执行率"],
             ["年度资金总额", 500, 500, 495, "99%"],
             ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "偏差原因分析"],
             ["产出指标", "数量指标", "道路提升里程", "≥30公里", "30公里", None],
             ["效益指标", "社会效益指标", "群众出行便利度", "明显提升", "明显提升", None],
             ["满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", "92%", None],
             ["注：年中已按绩效监控情况调整指标值。"]]
    _, data = checked(grid_book(tmp_path / "t.xlsx", lines))
    assert codes(data) == ["JX108"]
    _, data = checked(grid_book(tmp_path / "u.xlsx", [["2024年度项目绩效情况表"], *lines[2:]]))
    assert codes(data) == ["JX108"]  # the same without 自评 in its title: 1-12月 is the year


REPORT = [["2024年度社区养老服务补贴项目绩效自评报告"], ["一、项目基本情况"],
          ["（一）项目概况。社区养老服务补贴项目由某县民政局主管，某县养老服务中心实施，"
           "全年预算数120万元，全年执行数114万元，预算执行率95%。"],
          ["二、绩效自评工作开展情况"],
          ["我单位成立自评工作小组，对照绩效目标逐项核实完成情况，填写了项目支出绩效自评表，"
           "经自评，本项目自评得分99.5分。"],
          ["三、绩效指标完成情况分析"],
          ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "完成情况分析"],
          ["产出指标", "数量指标", "补贴发放人数", "≥1200人", "1250人", "超额完成"],
          ["满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "88%", "个别老人有意见"],
          ["四、存在的问题及原因分析"], ["部分老年人对补贴发放方式不够了解，满意度略低于目标。"]]


@pytest.mark.parametrize("title", [True, False])
def test_a_report_typed_into_a_sheet_is_refused_as_one(tmp_path, title):
    """A 自评报告 typed into Excel — its title, chapters and paragraphs around a small
    完成情况 table without 分值 and 得分 — is no 自评表, with its title or without (its
    chapters between paragraphs tell): exit 2, saying so (rt25-g 2: before, exit 0 with
    “（未写项目名称）”, JX108 and JX409, a batch row 须人工审核)."""
    lines = REPORT if title else REPORT[1:]
    result = check_workbook(grid_book(tmp_path / "r.xlsx", lines))
    assert result.no_table
    assert result.error == ("“r.xlsx”是绩效自评报告（文字报告，其中的指标完成情况表没有分值和得分），"
                            "不是自评表：请另行提交填好分值和得分的项目支出绩效自评表")


@pytest.mark.parametrize(("year", "note"), [
    (2024, "没有分值和得分的表“自评报告”未校验：以有分值、得分的自评表为准"),  # as before
    (2023, "绩效自评报告“自评报告”（文字报告，其中的指标完成情况表没有分值和得分）未校验："
           "以自评表为准"),
])
def test_a_report_sheet_beside_a_self_evaluation_is_set_aside(tmp_path, year, note):
    """The report's sheet beside a 自评表: the 自评表 alone is checked. The report of its
    year restates it (the note of a table without 分值 and 得分, as before); last year's
    report (2023年度…自评报告) does not, and its note says it is a report (before: its
    table checked as a second 自评表, JX108 and JX409)."""
    book = Book()
    # the project the report's title names (rt29: a report's cover title names its tables')
    standard_sheet(book.sheet("自评表"), name="社区养老服务补贴项目")
    report = book.sheet("自评报告")
    for line in [[REPORT[0][0].replace("2024", str(year))], *REPORT[1:]]:
        report.line(*line)
    result = check_workbook(book.save(tmp_path / "t.xlsx"))
    assert [checked.table.sources["header"].sheet for checked in result.tables] == ["自评表"]
    assert result.notes == [note]


def test_numbered_instructions_under_an_unscored_table_make_no_report(tmp_path):
    """A 自评表 without 分值 and 得分 and a 填表说明 of numbered sentences under it: still
    a table checked (JX108), not a report — the instructions are sentences, not chapters."""
    lines = [["2024年度项目绩效情况表"], ["项目名称", "社区养老服务补贴"], REPORT[6],
             ["产出指标", "数量指标", "补贴发放人数", "≥1200人", "1250人", None],
             ["效益指标", "社会效益指标", "老年人生活质量", "明显改善", "明显改善", None],
             ["满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "95%", None],
             ["填表说明："], ["一、本表由项目实施单位填写，指标值按年初批复的绩效目标填列，不得擅自调整。"],
             ["二、实际完成值按年度实际完成情况填列，未完成的须在完成情况分析中说明原因。"]]
    _, data = checked(grid_book(tmp_path / "t.xlsx", lines))
    assert codes(data) == ["JX108"]


def _targets(path, note):
    book = Book()
    sheet = book.sheet("绩效目标申报表")
    sheet.line("项目支出绩效目标申报表")
    sheet.line("项目名称", "乡村道路提升工程")
    sheet.indicators([("产出指标", "数量指标", "道路提升里程", "≥30公里"),
                      ("满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%")],
                     header=("一级指标", "二级指标", "三级指标", "指标值"), lead=None)
    if note:
        sheet.line(note)
    return book.save(path)


@pytest.mark.parametrize("note", [None, "填报说明：完成值及得分在年度自评时填写。",
                                  "完成值及得分在年度自评时填写。"])
def test_a_targets_form_whose_instructions_speak_of_the_self_evaluation(tmp_path, note):
    """A 目标申报表 (no 分值, no 完成值) with a 填报说明 saying 完成值 and 得分 are filled in
    at the 自评: still told it is a 绩效目标表 (rt25-g 3: before, the note's 自评 and 完成值
    gave the message of a workbook without any table)."""
    result = check_workbook(_targets(tmp_path / "t.xlsx", note))
    assert result.targets_only
    assert result.error == ("“t.xlsx”是绩效目标表（只有年度指标值，没有实际完成值和得分），不是自评表："
                            "请提交填好实际完成值和得分的项目支出绩效自评表")


def test_a_targets_title_beside_a_completion_header_is_not_told_a_targets_form(tmp_path):
    """The same title over a header that names 完成值 (a 自评表 whose header was not
    read): still the message of a workbook without a table, as before."""
    result = check_workbook(_targets(tmp_path / "t.xlsx", "完成值"))
    assert not result.targets_only and "没有找到项目支出绩效自评表" in result.error


NO_TABLE = ("中没有找到项目支出绩效自评表：没有一行表头同时含有“三级指标”（或指标名称）和“分值”"
            "（或权重）；没有分值列的，也没有一行同时含有一级（或二级）指标、三级指标、指标值和完成值")
REPORT_WITHOUT_TABLE = ("是绩效自评报告（文字报告，其中没有自评表），不是自评表："
                        "请另行提交填好分值和得分的项目支出绩效自评表")
CHAPTERS = [REPORT[0], *REPORT[1:6], *REPORT[9:]]  # the report without its table


@pytest.mark.parametrize(("lines", "why"), [
    (CHAPTERS, "title and chapters"),
    (CHAPTERS[1:], "chapters between paragraphs"),
    ([REPORT[0], ["一、项目基本情况"], ["全年执行48万元。"]], "the title alone"),
    ([*CHAPTERS, ["三级指标", "年度指标值", "实际完成值"], ["补贴发放人数", "≥1200人", "1250人"],
      ["服务对象满意度", "≥90%", "88%"]], "a table without 一级 or 二级"),
])
def test_a_report_without_a_table_of_indicators_is_refused_as_one(tmp_path, lines, why):
    """A 自评报告 typed into Excel with no table, or only 三级指标 | 年度指标值 | 实际完成值
    (no table the reader finds): told it is a report, as the report with a 一级/二级
    table is (rt25-h 2: before, “中没有找到项目支出绩效自评表：没有一行表头…” — the
    reviewer told to look for a header, not to ask for the 自评表)."""
    result = check_workbook(grid_book(tmp_path / "r.xlsx", lines))
    assert result.no_table, why
    assert result.error == f"“r.xlsx”{REPORT_WITHOUT_TABLE}", why


P_FILL = "本表由项目实施单位填写，指标值按年初批复的绩效目标填列，实际完成值按年度实际完成情况填列。"
P_SEND = "各单位须于次年3月底前报送主管部门审核，主管部门汇总后报送财政部门，并同时报送绩效自评报告。"


@pytest.mark.parametrize(("lines", "why"), [
    ([["填报说明"], ["一、填报范围"], [P_FILL], ["二、填报要求"], [P_SEND], ["三、报送时间"]],
     "instructions in chapters"),
    ([["填表说明："], ["1. " + P_FILL], ["2. " + P_SEND]], "numbered instructions"),
    ([["城区绿化养护项目资金明细"], ["日期", "摘要", "金额（元）"], ["2024-03-01", "苗木采购", 120000],
      ["2024-06-01", "养护劳务", 200000]], "a ledger"),
])
def test_other_workbooks_without_a_table_keep_the_header_message(tmp_path, lines, why):
    """A 填报说明 (its 一、二、 parts under the 说明 heading are no report's chapters), a
    资金明细 ledger: still “没有找到项目支出绩效自评表” — they are no report."""
    result = check_workbook(grid_book(tmp_path / "t.xlsx", lines))
    assert result.error == f"“t.xlsx”{NO_TABLE}", why


def test_a_summary_naming_the_report_in_a_header_is_a_results_summary(tmp_path):
    """A 评价结果汇总表 whose header names the 自评报告 (是否提交绩效自评报告) is no report:
    a 自评结果汇总表 (rt33 r7: its projects' 自评得分 and 等级 without their money; before,
    “没有找到项目支出绩效自评表”)."""
    lines = [["2024年度项目支出绩效评价结果汇总表"],
             ["序号", "项目名称", "自评得分", "评价等级", "是否提交绩效自评报告"],
             [1, "城区绿化养护", 96, "优秀", "是"], [2, "路灯维护", 88, "良好", "是"]]
    result = check_workbook(grid_book(tmp_path / "t.xlsx", lines))
    assert result.results_summary
    assert result.error == "“t.xlsx”是自评结果汇总表（工作表“表”列出 2 个项目的自评得分和等级），不是自评表，未校验"


# (rt28) a workbook titled a 自评表 whose header was not found: its table not recognised
UNRECOGNISED = ("有自评表的标题“项目支出绩效自评表”（工作表“{}”A1），但其中的表格未能识别：没有找到表头（"
                + NO_TABLE.removeprefix("中没有找到项目支出绩效自评表：") + "），请打开文件人工核对")


def test_a_title_of_a_self_evaluation_over_the_report_words_is_no_report(tmp_path):
    """A sheet titled 项目支出绩效自评表 over a report's chapters: not told it is a report —
    a 自评表 whose table was not recognised (rt28: before, “没有找到项目支出绩效自评表”)."""
    result = check_workbook(grid_book(tmp_path / "t.xlsx", [["项目支出绩效自评表"], *CHAPTERS[1:]]))
    assert result.error == "“t.xlsx”" + UNRECOGNISED.format("表")  # (grid_book's sheet)
    assert result.unrecognised and result.no_table and not result.empty


def test_a_report_sheet_beside_an_unread_self_evaluation_keeps_the_header_message(tmp_path):
    """The report's sheet beside a sheet titled 项目支出绩效自评表 whose header was not
    read: the workbook holds the 自评表, so it is not told it is a report."""
    book = Book()
    report = book.sheet("自评报告")
    for line in CHAPTERS:
        report.line(*line)
    form = book.sheet("自评表")
    form.line("项目支出绩效自评表")
    form.line("项目名称", "社区养老服务补贴")
    result = check_workbook(book.save(tmp_path / "t.xlsx"))
    assert result.error == "“t.xlsx”" + UNRECOGNISED.format("自评表")  # (rt28: was NO_TABLE)


def _money_formulas(tmp_path, name, cached):
    """A correct standard table titled without 自评表 (2024年度项目支出绩效评价表), its
    money lines' 执行率 and 得分 formulas: ``cached`` the results Excel saved ("" for the
    其他资金's =IF(D=0,"",…) over a budget of 0), None where none was saved."""
    book = Book()
    sheet = book.sheet()
    sheet.title("2024年度项目支出绩效评价表")
    sheet.project("社区养老服务补助", "某区民政局", "某区养老服务中心")
    first = sheet.row + 1  # the 年度资金总额 line, under the money header
    lines = [("年度资金总额", 100, 100, 95, 10), ("其中：当年财政拨款", 100, 100, 95, "—"),
             ("其他资金", 0, 0, 0, "—")]
    results = [(95, 9.5), (95, None), ("", None)] if cached else [(None, None)] * 3
    sheet.money([(*line, Formula(f'=IF(D{row}=0,"",ROUND(E{row}/D{row}*100,2))', rate),
                  Formula(f"=ROUND(F{row}*E{row}/D{row},2)", score) if row == first else "—")
                 for row, line, (rate, score) in zip(range(first, first + 3), lines, results,
                                                     strict=True)])
    rows = [("产出指标", "数量指标", "助餐服务人次", "≥5000人次", "5200人次", 20, 20, None),
            ("产出指标", "质量指标", "服务合格率", "≥95%", "96%", 30, 30, None),
            ("效益指标", "社会效益指标", "老年人生活质量提升", "有所提升", "有所提升", 30, 30, None),
            ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "93%", 10, 10, None)]
    sheet.indicators(rows)
    sheet.total(100, 99.5)
    sheet.grade("优")
    return book.save(tmp_path / name)


def test_formulas_without_text_above_the_header_are_read_past(tmp_path):
    """Above the indicator header of a table titled without 自评表, a money formula whose
    saved result is "" (shown blank) or that has no saved result (a program's export) holds
    no words saying what the table is: the table is checked (rt25-k 1: before, an internal
    error KeyError — the reading of the title's words looked up a text the cell has not)."""
    _, data = checked(_money_formulas(tmp_path, "blank.xlsx", cached=True))
    assert (data["total_computed"], data["grade_computed"], codes(data)) == (99.5, "优", [])
    _, data = checked(_money_formulas(tmp_path, "uncached.xlsx", cached=False))
    [finding] = data["findings"]
    assert (finding["code"], finding["sheet"], finding["cell"]) == ("JX504", "自评表", "G5")
    assert finding["message"].startswith("4 个公式单元格（G5、G6、G7、H5）没有计算结果")


def test_a_sheet_of_formulas_without_text_and_no_table_keeps_the_header_message(tmp_path):
    """A sheet with no table whose only cells beside a title are formulas with no result:
    “没有找到项目支出绩效自评表”, as any sheet without a table (before: KeyError)."""
    book = Book()
    sheet = book.sheet("表")
    sheet.line("资金测算")
    sheet.line(Formula("=B3*2"), Formula('=IF(B3=0,"",1)', ""))
    assert check_workbook(book.save(tmp_path / "t.xlsx")).error == f"“t.xlsx”{NO_TABLE}"
