"""Header cells as regional forms write them (rt31): a header whose name is followed by a
bracketed instruction longer than a header (偏差原因分析（未完成或大幅超额完成的须说明）),
the year's 完成值 under 实际完成值 beside a cumulative one in any words and order
(累计完成 | 本年完成, 项目累计 | 本年度), and 一级 and 二级 in one cell joined by brackets,
a colon, a middle dot or an arrow (产出指标（成本指标）, 产出指标·成本指标)."""

import json

import pytest
from workbooks import grid_book

from jixiao import levels
from jixiao.pipeline import check_workbook
from jixiao.read.headers import indicator_role
from jixiao.report.json import json_report

HEAD = [["项目支出绩效自评表"], ["（2024年度）"], ["项目名称", "农村公路提档升级项目"],
        ["主管部门", "某县交通运输局", None, "实施单位", "某县公路事业发展中心"],
        ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", 100, 100, 98, 10, "98%", 9.8]]
# (一级, 二级, 三级, 指标值, 完成值, 分值, 得分, 偏差原因): 9.8 + 89 = 98.8 — 新增通硬化路
# 自然村 28 of ≥30 scores 15 × 28 / 30 = 14; the 时效 and 成本 rows carry no sign, so
# their ceiling comes from the 二级 alone (11 of 12 个月, 78 of 80 万元/公里: met)
ROWS = [("产出指标", "数量指标", "新改建农村公路里程", "≥50公里", "52公里", 30, 30, None),
        ("产出指标", "时效指标", "建设工期", "12个月", "11个月", 10, 10, None),
        ("产出指标", "成本指标", "每公里建设成本", "80万元/公里", "78万元/公里", 10, 10, None),
        ("效益指标", "社会效益指标", "新增通硬化路自然村", "≥30个", "28个", 15, 14,
         "2个自然村因征地协调推迟至2025年实施"),
        ("效益指标", "可持续影响指标", "公路设计使用年限", "≥15年", "15年", 15, 15, None),
        ("满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", "95%", 10, 10, None)]
TOTAL = 98.8
_PLANTED = 3  # 新增通硬化路自然村: full 15 at 28 of ≥30 is the planted mistake (JX402, 14)


def _checked(path):
    [result] = [check_workbook(path)]
    assert result.error is None, result.error
    [table] = result.tables
    return json.loads(json_report([result]))


def _codes(data):
    return sorted(item["code"] for item in data["findings"])


def _closing(at, score=TOTAL):
    return [["总分", *[None] * (at - 2), 100, score], ["评分等级", "优"]]


def _planted(rows):
    return [(*row[:6], 15, None) if index == _PLANTED else row for index, row in enumerate(rows)]


# ---------------------------------------------------------------- a bracketed note in the header


@pytest.mark.parametrize(("text", "role"), [
    ("偏差原因分析（未完成或大幅超额完成的须说明）", "reason"),
    ("得分（未完成按完成比例计分，保留两位小数）", "score"),
    ("分值（各项指标分值之和应为九十分整）", "weight"),
    ("实际完成值（截至2024年12月31日的实际完成数）", "actual"),
    ("年度指标值（按批复的绩效目标表填写调整后值）", "target"),
    ("年度指标值(按批复的绩效目标表填写调整后的值)", "target"),
    # prose stays prose: no bracket, a bracket in the middle, or a long lead
    ("各项指标得分由主管部门组织专家统一复核后再行确认", None),
    ("得分（未完成按完成比例计分）由主管部门复核后确认", None),
    ("本项目各项指标实际完成值均已由第三方机构核实（见附件）", None),
])
def test_a_header_with_a_bracketed_note_is_read_by_its_leading_words(text, role):
    assert indicator_role(text) == role


def test_a_table_with_long_noted_headers(tmp_path):
    """一级 | 二级 | 三级 | 年度指标值（按批复…） | 实际完成值（截至…） | 分值（…） | 得分（…）
    | 偏差原因分析（…）: read as the standard table (before: no 得分 column, 总分 “—”,
    JX108/JX208); the planted 15 for 28 of ≥30 is told (JX402, 15 × 28 / 30 = 14)."""
    header = ["一级指标", "二级指标", "三级指标", "年度指标值（按批复的绩效目标表填写调整后值）",
              "实际完成值（截至2024年12月31日的实际完成数）", "分值（各项指标分值之和应为九十分整）",
              "得分（未完成按完成比例计分，保留两位小数）", "偏差原因分析（未完成或大幅超额完成的须说明）"]
    data = _checked(grid_book(tmp_path / "ok.xlsx", [*HEAD, header, *ROWS, *_closing(6)]))
    assert _codes(data) == []
    assert data["total_computed"] == TOTAL
    bad = _checked(grid_book(tmp_path / "bad.xlsx",
                             [*HEAD, header, *_planted(ROWS), *_closing(6, TOTAL + 1)]))
    assert _codes(bad) == ["JX402"]
    assert "应为 14" in next(item["message"] for item in bad["findings"]
                            if item["code"] == "JX402")


# ---------------------------------------------------------------- 实际完成值 over 累计 | 本年


@pytest.mark.parametrize("under", [
    ("累计完成", "本年完成"), ("本年完成", "累计完成"), ("项目累计", "本年度"),
    ("累计值", "本年值"), ("累计", "本年"), ("当年完成数", "累计完成数")])
def test_the_years_actual_under_a_merged_actual_beside_a_cumulative_one(tmp_path, under):
    """实际完成值 merged across 累计完成 | 本年完成 (either order): the year's column is the
    完成值 and the second header row no indicator (before: JX106 on “二级指标”, total “—”,
    and with 累计 first the cumulative 85个 read as done — the planted mistake missed)."""
    year_first = not levels_over_years(under[0])
    at = len(HEAD) + 1

    def lines(rows, total):
        body = [(*row[:4], *((row[4], "9999") if year_first else ("9999", row[4])), *row[5:])
                for row in rows]
        top = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", None,
               "分值", "得分", "偏差原因分析及改进措施"]
        return [*HEAD, top, [None] * 4 + list(under), *body, *_closing(7, total)]

    merges = [(at, 5, 0, 1), *((at, column, 1, 0) for column in (1, 2, 3, 4, 7, 8, 9))]
    data = _checked(grid_book(tmp_path / "ok.xlsx", lines(ROWS, TOTAL), merges=merges))
    assert _codes(data) == []
    assert [item["actual"] for item in data["indicators"]] == [row[4] for row in ROWS]
    assert data["total_computed"] == TOTAL
    bad = _checked(grid_book(tmp_path / "bad.xlsx", lines(_planted(ROWS), TOTAL + 1),
                             merges=merges))
    assert _codes(bad) == ["JX402"]


@pytest.mark.parametrize(("head", "under"), [
    ("指标完成情况", ("本年计划", "本年完成")), ("年度绩效指标完成情况", ("当年计划", "当年实际")),
    ("绩效指标完成情况", ("全年计划", "全年实际")), ("实际完成情况", ("本年目标", "本年完成")),
    ("完成情况", ("年度计划", "年度实际")), ("指标完成情况", ("本年指标值", "本年完成值")),
    ("指标完成情况", ("本年任务", "本年完成"))])  # rt31 review: 任务 was no plan word (JX208)
def test_the_plan_and_the_done_under_a_merged_completion_header(tmp_path, head, under):
    """rt31 r10 b2–b6: 完成情况 merged across 本年计划 | 本年完成 (当年计划 | 当年实际, 本年目标
    | 本年完成): the plan word (计划, 目标, 指标值) makes its column the 指标值, the other the
    完成值 — the standard table, 9.8 + 89 = 98.8 (before: both read as the 完成值, the plan
    kept, JX208 and no score computed); the planted 15 for 28 of ≥30 is told (JX402, 14)."""
    at = len(HEAD) + 1

    def lines(rows, total):
        top = ["一级指标", "二级指标", "三级指标", head, None, "分值", "得分", "偏差原因分析及改进措施"]
        return [*HEAD, top, [None] * 3 + list(under), *rows, *_closing(6, total)]

    merges = [(at, 4, 0, 1), *((at, column, 1, 0) for column in (1, 2, 3, 6, 7, 8))]
    data = _checked(grid_book(tmp_path / "ok.xlsx", lines(ROWS, TOTAL), merges=merges))
    assert _codes(data) == []
    assert [(item["target"], item["actual"]) for item in data["indicators"]] \
        == [(row[3], row[4]) for row in ROWS]
    assert data["total_computed"] == TOTAL
    bad = _checked(grid_book(tmp_path / "bad.xlsx", lines(_planted(ROWS), TOTAL + 1),
                             merges=merges))
    assert _codes(bad) == ["JX402"]


@pytest.mark.parametrize(("part", "first"), [
    ("1-6月完成值（截至2024年6月30日运行监控数据）", True), ("1-6月完成值", True),
    ("半年完成值（截至6月30日）", True), ("上半年完成值", True), ("前三季度完成值", True),
    ("1-9月完成值", True), ("截至6月完成值", True), ("1—6月实际完成值", False)])
def test_the_whole_years_actual_beside_a_part_years_one(tmp_path, part, first):
    """rt31 r10 a1, a1s, a1m: a part-year 完成值 (1-6月, 半年, 上半年, 前三季度, 1-9月, 截至6月)
    beside 全年完成值, either side: the whole year's is the 完成值, as beside a 累计 one —
    9.8 + 89 = 98.8, nothing to say (before, left of it, the half-year's 50% was read as done:
    false JX402 and JX204); the planted 15 for 28 of ≥30 is told (JX402, 14)."""
    def lines(rows, total):
        body = [(*row[:4], *(("50%", row[4]) if first else (row[4], "50%")), *row[5:])
                for row in rows]
        top = ["一级指标", "二级指标", "三级指标", "年度指标值",
               *((part, "全年完成值") if first else ("全年完成值", part)),
               "分值", "得分", "偏差原因分析及改进措施"]
        return [*HEAD, top, *body, *_closing(7, total)]

    data = _checked(grid_book(tmp_path / "ok.xlsx", lines(ROWS, TOTAL)))
    assert _codes(data) == []
    assert [item["actual"] for item in data["indicators"]] == [row[4] for row in ROWS]
    assert data["total_computed"] == TOTAL
    bad = _checked(grid_book(tmp_path / "bad.xlsx", lines(_planted(ROWS), TOTAL + 1)))
    assert _codes(bad) == ["JX402"]


@pytest.mark.parametrize(("text", "part"), [
    ("1-6月完成值", True), ("1～9月完成值", True), ("上半年完成值", True), ("下半年完成值", True),
    ("前三季度完成值", True), ("截至6月完成值", True), ("截至2024年9月30日完成值", True),
    # rt32: where the column headers, the monitoring form's and the names' words disagreed
    ("1—6月完成值", True), ("1–6月执行数", True), ("截止6月底完成值", True),
    ("截止2024年6月30日执行数", True), ("第三季度完成值", True), ("第四季度完成值", True),
    ("前两个季度完成值", True), ("1-3季度执行数", True), ("年中完成值", True), ("半年完成值", True),
    ("7-12月完成值", True), ("一至九月执行数", True), ("1月至6月完成值", True),
    ("1-12月完成值", False), ("1—12月完成值", False), ("1至12月执行数", False), ("全年完成值", False),
    ("年度完成值", False), ("本年完成值", False), ("截至12月底执行数", False),
    ("实际完成值（截至2024年12月31日的实际完成数）", False), ("一至四季度完成值", False)])
def test_part_of_the_year(text, part):
    """rt32: one reading of a part of the year (parsing.names_part_of_year) for a column
    beside the year's (``_gives_way``) and for a monitoring form's header (``_mid_year``);
    before, 1—6月 and 截止6月 were no part for the names, 第四季度, 下半年 and 年中 none for
    the monitoring form, 年中 and 7-12月 none for the columns."""
    from jixiao.parsing import compact_text, names_part_of_year
    from jixiao.read.headers import _gives_way
    from jixiao.read.selection import _mid_year

    text = compact_text(text)
    assert names_part_of_year(text, header=True) is part
    assert _gives_way(text, "全年完成值") is part
    assert _mid_year(text) is part


def levels_over_years(text):
    return "累计" in text


# ---------------------------------------------------------------- 一级（二级） in one cell


@pytest.mark.parametrize(("text", "pair"), [
    ("产出指标（成本指标）", ("产出指标", "成本指标")), ("产出指标(时效指标)", ("产出指标", "时效指标")),
    ("产出指标：成本指标", ("产出指标", "成本指标")), ("产出指标:数量指标", ("产出指标", "数量指标")),
    ("产出指标·成本指标", ("产出指标", "成本指标")), ("产出指标>成本指标", ("产出指标", "成本指标")),
    ("效益指标＞社会效益指标", ("效益指标", "社会效益指标")),
    ("效益指标，社会效益指标", ("效益指标", "社会效益指标")),
    ("满意度指标|服务对象满意度指标", ("满意度指标", "服务对象满意度指标")),
    ("产出指标（20分）", None), ("产出指标（社会效益指标）", None),  # points, no pair
])
def test_levels_joined_by_brackets_colons_and_dots(text, pair):
    assert levels.combined_levels(text) == pair


@pytest.mark.parametrize(("header", "joined"), [
    ("一级指标（二级指标）", "{}（{}）"), ("指标类别", "{}({})"), ("指标类别", "{}：{}"),
    ("指标", "{}·{}"), ("指标层级", "{}>{}")])
def test_a_ceiling_under_a_joined_level2_is_scored_as_one(tmp_path, header, joined):
    """产出指标（时效指标） | 建设工期 | 12个月 | 11个月: the 二级 read from the joined cell makes
    the unsigned 时效 and 成本 targets ceilings — met, full marks (before: the whole cell
    was the 一级, both scored as at-least, two false JX402 and 总分 97.59)."""
    top = [header, "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
    rows = [(joined.format(*row[:2]), *row[2:]) for row in ROWS]
    data = _checked(grid_book(tmp_path / "t.xlsx", [*HEAD, top, *rows, *_closing(5)]))
    assert _codes(data) == []
    assert data["total_computed"] == TOTAL
    assert [(item["level1"], item["level2"]) for item in data["indicators"]] == [
        row[:2] for row in ROWS]


# ---------------------------------------------------------------- a hidden column's note


@pytest.mark.parametrize(("hidden", "note"), [
    ("调整前指标值", "工作表“表”E 列（“调整前指标值”）是隐藏列，与显示的 D 列（“年度指标值”）"
                   "读作同一栏目，读显示的一列，未读取；若其中是本年的数据，请取消隐藏后再校验"),
    ("年度指标值", "工作表“表”E 列（“年度指标值”）是隐藏列，表头与显示的列相同，未读取；"
                 "若其中是本年的数据，请取消隐藏后再校验"),
    ("上年完成值", None),  # last year's: not read hidden or shown, nothing passed over
])
def test_a_hidden_columns_note_says_why_it_was_not_read(tmp_path, hidden, note):
    """A hidden column beside the shown one it gives way to: the note says the headers are
    the same only where they are (before: “表头与显示的列相同” for 调整前指标值 beside 指标值,
    and for 上年完成值, which no table reads)."""
    from openpyxl import load_workbook

    from jixiao.read.workbook import read_workbook

    header = ["一级指标", "二级指标", "三级指标", "年度指标值", hidden, "实际完成值", "分值", "得分",
              "偏差原因分析及改进措施"]
    rows = [(*row[:4], "1", *row[4:]) for row in ROWS]
    path = grid_book(tmp_path / "t.xlsx", [*HEAD, header, *rows, *_closing(7)])
    book = load_workbook(path)
    book.active.column_dimensions["E"].hidden = True
    book.save(path)
    workbook = read_workbook(path)
    assert workbook.notes == ([note] if note else [])
    assert [indicator.target for indicator in workbook.tables[0].indicators] == [
        row[3] for row in ROWS]


# ---------------------------------------------------------------- a sentence is no column header

# (年度总体目标, 年度总体目标完成情况) a 四川 table without 得分 states: sentences naming a
# part of the year, no column of a monitoring form's figures (rt32 r7 a1/a2)
SICHUAN_GOALS = [
    ("年内完成设备购置安装", "下半年完成全部设备安装"),
    ("年内完成设备购置安装", "7-12月完成设备安装调试"),
    ("年内完成设备购置安装", "年中完成招标，年底全部完成"),
    ("年内完成设备购置", "半年内完成设备安装验收"),
    ("年内完成设备购置", "季度考核均已完成"),
    ("上半年完成设备招标，下半年完成安装调试", "年内全部完成"),
    ("年内完成设备购置", "预计年底前全部投入使用"),
]


def _sichuan_goal_book(path, title, goal):
    from workbooks import Book

    book = Book()
    sheet = book.sheet("自评表")
    if title:
        sheet.title(title)
    sheet.project("乡村医疗设备购置", "某县卫生健康局", "某县人民医院")
    sheet.money([("年度资金总额", 100, 96, "96%", None)], label="专项资金（万元）",
                header=("全年预算数", "全年执行数", "执行率", "执行率偏低原因说明"))
    for label, text in zip(("年度总体目标", "年度总体目标完成情况"), goal, strict=True):
        sheet.merge(sheet.line(label, None, text), 3, 6)
    row = sheet.line(None, "一级指标", "二级指标", "三级指标", "指标值", None, None, "权重",
                     "实际完成指标值", "偏差原因分析及改进措施")
    sheet.merge(row, 5, 7)
    sheet.line(None, None, None, None, "指标性质", "指标值", "度量单位")
    for values in [("产出指标", "数量指标", "购置设备数量", "≥", 20, "台", 30, 20, None),
                   ("产出指标", "质量指标", "设备验收合格率", "＝", 100, "%", 20, 100, None),
                   ("产出指标", "成本指标", "设备购置成本", "≤", 100, "万元", 10, 96, None),
                   ("效益指标", "社会效益指标", "基层诊疗能力", "定性", "明显提升", None, 20, "达成",
                    None),
                   ("满意度指标", "服务对象满意度指标", "患者满意度", "≥", 90, "%", 10, 92, None)]:
        sheet.line(None, *values)
    return book.save(path)


@pytest.mark.parametrize("title", ["2024年度项目支出绩效目标完成情况表", None])
@pytest.mark.parametrize("goal", SICHUAN_GOALS)
def test_a_goal_sentence_naming_a_part_of_the_year_is_no_monitoring_header(tmp_path, title, goal):
    """rt32 r7: a 四川 table without 得分, its title naming no 自评 (or no title), whose
    年度总体目标完成情况 says 下半年完成全部设备安装: checked — 执行率 96/100 scores
    10 × 0.96 = 9.6, every indicator met (20 of ≥20 台, 100 = 100 %, 96 ≤ 100 万元, 达成,
    92 ≥ 90 %) its 90: 99.6 优. Before, the sentence was read as a monitoring form's column
    header (下半年完成…, 7-12月完成…, 年中完成…, 半年…, 季度…) and the table refused as a
    绩效监控表."""
    data = _checked(_sichuan_goal_book(tmp_path / "t.xlsx", title, goal))
    assert (data["total_computed"], data["grade_computed"]) == (99.6, "优")
    assert _codes(data) == []


@pytest.mark.parametrize(("text", "header"), [
    ("下半年完成全部设备安装", False), ("7-12月完成设备安装调试", False),
    ("年中完成招标,年底全部完成", False), ("半年内完成设备安装验收", False),
    ("季度考核均已完成", False), ("上半年已完成", False), ("预计年底前全部投入使用", False),
    ("1-6月完成值", True), ("下半年执行数", True), ("第四季度完成值", True), ("全年预计", True),
    ("1-7月执行情况", True), ("上半年实际完成值", True), ("1-7月执行数(万元)", True),
    ("全年预计完成情况", True), ("完成目标可能性", True), ("截至7月底执行数", True)])
def test_only_a_column_header_names_a_monitoring_forms_figures(text, header):
    from jixiao.read.selection import _mid_year

    assert _mid_year(text) is header
