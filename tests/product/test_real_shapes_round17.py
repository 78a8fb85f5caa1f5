"""Round 17 of real shapes: correct tables as other offices write them, each read before
with a false finding or a misread figure (each test fails on 14d1cbc)."""

import pytest
from test_real_shapes import checked, codes
from test_real_shapes_round16 import CLOSING, HEAD, ROWS
from workbooks import grid_book

INDICATOR_HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                    "偏差原因分析及改进措施"]


def _table(path, money, rows=ROWS, closing=None):
    """HEAD's project rows, ``money`` for its money block, the indicators and closing rows."""
    closing = closing or [CLOSING[0][:1] + [None] * 4 + [100, 99.24], CLOSING[1]]
    return grid_book(path, [*HEAD[:4], *money, INDICATOR_HEADER, *map(list, rows), *closing])


@pytest.mark.parametrize("header", [
    ["项目资金（万元）", "项目总投资", "累计执行数", "年初预算数", "全年预算数", "全年执行数", "分值",
     "执行率", "得分"],
    ["项目资金（万元）", "项目总投资", "累计预算数", "累计执行数", "累计执行率", "全年预算数",
     "全年执行数", "分值", "执行率", "得分"],
])
def test_a_multi_year_projects_cumulative_columns_before_the_years(tmp_path, header):
    """A multi-year project's 累计 (over its years) columns left of the year's: the year's
    are A and B (before: 累计执行数 read as B — JX301 “应为 290%” —, or, with a 累计执行率
    typed as text, no money line at all)."""
    over_years = {"项目总投资": 500, "累计预算数": 300, "累计执行数": 290, "累计执行率": "96.67%"}
    year = {"年初预算数": 100, "全年预算数": 100, "全年执行数": 98, "分值": 10, "执行率": "98%",
            "得分": 9.8}
    line = ["年度资金总额", *(over_years.get(text, year.get(text)) for text in header[1:])]
    table, data = checked(_table(tmp_path / "t.xlsx", [header, line]))
    assert codes(data) == []
    assert (data["funds"]["budget"], data["funds"]["executed"]) == (100, 98)
    assert data["total_computed"] == 99.24


def _two_sheets(path, second, **options):
    from workbooks import Book, standard_sheet

    book = Book()
    standard_sheet(book.sheet("Sheet1"))
    standard_sheet(book.sheet(second), **options)
    return book.save(path)


@pytest.mark.parametrize(("options", "code"), [
    ({"total": (100, 97)}, "JX501"), ({"grade": "良"}, "JX502")])
def test_a_copied_sheet_that_differs_in_its_total_or_grade_is_checked(tmp_path, options, code):
    """“Sheet1 (2)” alike in every indicator but its 总分 (or 等级): before, set aside as
    “完全相同” — its error never reported, the file passed."""
    from jixiao.pipeline import check_workbook

    result = check_workbook(_two_sheets(tmp_path / "t.xlsx", "Sheet1 (2)", **options))
    assert [[(f.code, f.sheet) for f in t.findings] for t in result.tables] == [
        [], [(code, "Sheet1 (2)")]]


@pytest.mark.parametrize("sheet", ["样表", "填表要求", "填报要求", "说明", "编制说明"])
def test_an_example_on_an_instructions_sheet_is_set_aside(tmp_path, sheet):
    """An instructions sheet (样表, 填表要求 …) holding a short example table beside the
    table filled in: before, checked as a second table (JX101 “分值合计为 30”)."""
    from jixiao.read.workbook import read_workbook

    path = _two_sheets(tmp_path / "t.xlsx", sheet, rows=ROWS[:2], money=None, total=None,
                       grade=None, name="（示例）")
    workbook = read_workbook(path)
    assert [t.sources["header"].sheet for t in workbook.tables] == ["Sheet1"]
    assert workbook.notes == [f"示例表“{sheet}”未校验：以填报的表为准"]


def test_last_years_table_beside_this_years_is_noted(tmp_path):
    """A 2023 table kept on its own sheet beside the 2024 one: both checked (they are not
    copies: the years differ) and a note names last year's."""
    from jixiao.read.workbook import read_workbook

    this_year = [*HEAD, INDICATOR_HEADER, *map(list, ROWS), *_closing()]
    last_year = [HEAD[0], ["（2023年度）"], *this_year[2:]]
    path = grid_book(tmp_path / "t.xlsx", this_year)
    from openpyxl import load_workbook

    book = load_workbook(path)
    sheet = book.create_sheet("上年度")
    for row in last_year:
        sheet.append(row)
    book.save(path)
    workbook = read_workbook(path)
    assert [t.project.year for t in workbook.tables] == [2024, 2023]
    assert workbook.notes == ["工作表“上年度”上的表是 2023 年度的，本文件中最新的是 2024 年度：请确认是否应一并提交"]


def _closing():
    return [CLOSING[0][:1] + [None] * 4 + [100, 99.24], CLOSING[1]]


def test_invisible_characters_pasted_in_are_nothing(tmp_path):
    """A zero-width space, a byte-order mark or a soft hyphen pasted in with text from a web
    page or a chat app, around a 分值, 得分, 指标值, amount and 总分, and an apostrophe
    typed before a number into a text cell: before, “未填写得分” (JX406), “分值合计为 80”,
    “全年预算数未填写” (JX309), “总分未填写” (JX501) …. A reason of only such characters
    is no reason (JX405)."""
    rows = [list(row) for row in ROWS]
    rows[0][5], rows[0][6] = "20\u200b", "\ufeff20"
    rows[1][3], rows[1][4] = "≥95%\u200b", "\u00ad96%"
    rows[2][5] = "'10"
    money = [HEAD[4], ["年度资金总额", "\u200b100", 100, "98\u200b", 10, "98%", 9.8]]
    closing = [["总分", None, None, None, None, 100, "99.24\ufeff"], ["评分等级", "优\u200b"]]
    table, data = checked(_table(tmp_path / "t.xlsx", money, rows, closing))
    assert codes(data) == [] and data["total_computed"] == 99.24
    rows[-1][7] = "\u200b"
    _, data = checked(_table(tmp_path / "u.xlsx", money, rows, closing))
    assert codes(data) == ["JX405"]


@pytest.mark.parametrize("grade", ["优。", "优；", "“优”", "【优】", "优秀。", "优（99.24分）。"])
def test_a_grade_with_marks_around_it(tmp_path, grade):
    """优。 “优” 【优】: before, JX502 “不是优、良、中、差之一”."""
    closing = [CLOSING[0][:1] + [None] * 4 + [100, 99.24], ["评分等级", grade]]
    _, data = checked(_table(tmp_path / "t.xlsx", HEAD[4:6], closing=closing))
    assert codes(data) == []
    closing[1][1] = grade.replace("优秀", "良好").replace("优", "良")  # wrong, so written
    _, data = checked(_table(tmp_path / "u.xlsx", HEAD[4:6], closing=closing))
    # quoted as written, its closing marks left off (e36e22f: a grade in a sentence, 良。);
    # the right grade named in the table's scale (良好 → 优秀, rt29)
    named = "优秀" if "良好" in closing[1][1] else "优"
    assert [f["message"] for f in data["findings"]] == [
        f"评分等级写为“{closing[1][1].rstrip('。；')}”，总分 99.24 应为“{named}”"]


@pytest.mark.parametrize("line", ["项目支出绩效自评表（续）", "续表", "（续表）", "第2页"])
@pytest.mark.parametrize("header_again", [True, False])
def test_a_table_continued_on_the_next_page_under_a_continuation_line(tmp_path, line,
                                                                       header_again):
    """The rows after a page break under 续表 (项目支出绩效自评表（续）, 第2页) and the header
    printed again: one table. Before, two — the first “分值合计为 60”, missing 效益 and
    满意度 (JX101, JX104), the second with no project and a wrong 总分 (JX501)."""
    rows = [list(row) for row in ROWS]
    page = [[line], *([INDICATOR_HEADER] if header_again else [])]
    path = grid_book(tmp_path / "t.xlsx", [*HEAD, INDICATOR_HEADER, *rows[:4], *page, *rows[4:],
                                           *_closing()])
    table, data = checked(path)
    assert codes(data) == [] and len(table.indicators) == 7
    assert data["total_computed"] == 99.24


@pytest.mark.parametrize("written", ["96.4%", "96%"])
def test_a_budget_rate_indicator_rounding_the_money_blocks_rate(tmp_path, written):
    """The money block's 96.37% written 96.4% (or 96%) in the 预算执行率 indicator: the
    same rate to the decimals it shows. Before: JX305 “与项目资金栏的执行率 96.37% 不一致”;
    a rate that is not the same (90%) still is."""
    money = [HEAD[4], ["年度资金总额", 100, 100, 96.37, 10, "96.37%", 9.64]]
    rows = [list(row) for row in ROWS]
    rows[2][2:5] = ["预算执行率", "≥90%", written]
    total = [CLOSING[0][:1] + [None] * 4 + [100, 99.08], CLOSING[1]]
    _, data = checked(_table(tmp_path / "t.xlsx", money, rows, total))
    assert codes(data) == []
    rows[2][4] = "90%"
    _, data = checked(_table(tmp_path / "u.xlsx", money, rows, total))
    assert "JX305" in codes(data)


def test_a_budget_rate_row_is_the_rate_scored_not_ten_more_points(tmp_path):
    """Money without 分值 | 得分, a 预算执行率 row (10 points) under 产出, the indicators
    totalling 90 with it: the 执行率 is that row; the table's 分值 total 90 (JX101). Before,
    the rule set's 10 were added for the money as well — 分值 “100”, the 总分 of 89.44 “应为
    99.24” (JX501): the rate counted twice and the real mistake missed."""
    money = [["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "执行率"],
             ["年度资金总额", 100, 100, 98, "98%"]]
    rows = [list(row) for row in ROWS]
    rows[2][1:5] = ["时效指标", "预算执行率", "≥90%", "98%"]
    closing = [CLOSING[0][:1] + [None] * 4 + [90, 89.44], ["评分等级", "良"]]
    _, data = checked(_table(tmp_path / "t.xlsx", money, rows, closing))
    assert codes(data) == ["JX101"] and data["total_computed"] == 89.44


def test_amounts_in_yuan_said_by_the_lines_label(tmp_path):
    """项目资金 | … over 年度资金总额（元） | 1000000 …: the amounts are in 元 (before: read
    as 万元 — a project of 100 亿元 in the JSON and the batch summary)."""
    money = [["项目资金", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
             ["年度资金总额（元）", 1000000, 1000000, 980000, 10, "98%", 9.8]]
    _, data = checked(_table(tmp_path / "t.xlsx", money))
    assert codes(data) == [] and (data["funds"]["budget"], data["funds"]["executed"]) == (100, 98)


@pytest.mark.parametrize("lines", [
    [["其中：中央补助", 600, 600, 600], ["地方资金", 400, 400, 380],
     ["其中：省级资金", 250, 250, 250], ["市县资金", 150, 150, 130], ["其他资金", 0, 0, 0]],
    [["其中：基本支出", 300, 300, 290], ["其中：人员经费", 200, 200, 195],
     ["公用经费", 100, 100, 95], ["项目支出", 700, 700, 690]],
])
def test_a_money_line_broken_down_under_a_line_of_the_breakdown(tmp_path, lines):
    """地方资金 400 and under it 其中：省级资金 250, 市县资金 150 (a transfer payment's
    form); 基本支出 and under it 人员经费, 公用经费, then 项目支出 (a 部门整体 form): each
    line's own parts. Before: JX304 “各明细合计 1400” (every line added), or the lines
    after 公用经费 not read. Parts that do not add up are still JX304."""
    money = [HEAD[4], ["年度资金总额", 1000, 1000, 980, 10, "98%", 9.8],
             *[[*line, None, None, None] for line in lines]]
    _, data = checked(_table(tmp_path / "t.xlsx", money))
    assert codes(data) == [] and data["total_computed"] == 99.24
    money[4][2] -= 10  # 省级资金 240 (人员经费 190): the parts no longer add up
    _, data = checked(_table(tmp_path / "u.xlsx", money))
    assert "JX304" in codes(data)


def _level1_points_table(path, first_score=20, total=99.24):
    header = ["一级指标", "一级指标分值", "二级指标", "三级指标", "年度指标值", "实际完成值", "得分",
              "偏差原因分析及改进措施"]
    points = {"产出指标": 50, "效益指标": 30, "满意度指标": 10}
    body, seen = [], set()
    for level1, level2, name, target, actual, _, score, reason in ROWS:
        body.append([level1, None if level1 in seen else points[level1], level2, name, target,
                     actual, score, reason])
        seen.add(level1)
    body[0][6] = first_score
    return grid_book(path, [*HEAD, header, *body, ["总分", 100, None, None, None, None, total],
                            ["评分等级", None, None, None, None, None, "优"]])


def test_a_column_of_the_level1_points(tmp_path):
    """一级指标 | 一级指标分值 | 二级 | 三级 … | 得分, no 分值 per row: the column is the 一级's
    points, checked against its rows' scores (JX103). Before, it was taken for the 一级
    names, and a table whose 产出 scored 55 of 50 with a 总分 of 104.24 passed, 优."""
    _, data = checked(_level1_points_table(tmp_path / "t.xlsx"))
    assert codes(data) == ["JX108"]
    _, data = checked(_level1_points_table(tmp_path / "u.xlsx", first_score=25, total=104.24))
    assert codes(data) == ["JX103", "JX108", "JX501"]
    assert "超过满分 100" in next(f["message"] for f in data["findings"] if f["code"] == "JX501")


def test_a_strict_open_xml_workbook_is_read(tmp_path):
    """A workbook saved as Excel's “Strict Open XML Spreadsheet” (its parts in the ISO strict
    namespaces): before, “没有找到项目支出绩效自评表” — as if the table were missing; then
    a refusal naming the format. Now it is read as the .xlsx its namespaces map onto
    (xlsx/strict.py; tests/xlsx/test_strict.py), found as the transitional file is."""
    import zipfile

    from jixiao.pipeline import check_workbook

    path = _table(tmp_path / "t.xlsx", HEAD[4:6])
    strict = tmp_path / "strict.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(strict, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.endswith(".xml"):
                data = data.replace(b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                                    b"http://purl.oclc.org/ooxml/spreadsheetml/main")
            target.writestr(item, data)
    result, transitional = check_workbook(strict), check_workbook(path)
    assert result.error is None and result.tables
    assert result.findings == transitional.findings


def test_a_summary_of_the_indicators_scores_is_no_second_table(tmp_path):
    """A sheet 指标汇总 listing 项目名称 | 三级指标 | 分值 | 得分 for the table's indicators:
    before, checked as a third-party table (JX101 “分值合计为 50”)."""
    from openpyxl import load_workbook

    from jixiao.read.workbook import read_workbook

    path = _table(tmp_path / "t.xlsx", HEAD[4:6])
    book = load_workbook(path)
    sheet = book.create_sheet("指标汇总")
    sheet.append(["项目指标得分汇总"])
    sheet.append(["项目名称", "三级指标", "分值", "得分"])
    for row in ROWS[:3]:
        sheet.append([HEAD[2][1], row[2], row[5], row[6]])
    book.save(path)
    workbook = read_workbook(path)
    assert [t.sources["header"].sheet for t in workbook.tables] == ["表"]
    assert workbook.notes == ["指标得分汇总“指标汇总”（没有指标值和完成值，所列指标都在自评表中）未校验：以自评表为准"]


def test_sources_beside_last_years_money_are_no_breakdown_of_it(tmp_path):
    """上年结转 1 then 上级补助 40, 本级财政资金 40, 其他资金 19, adding up to 100 beside a
    total of 100: correct. When they do not, JX304 names every line — before, it read
    上级补助 and 本级财政资金 as a breakdown of 上年结转 and named a wrong sum."""
    lines = [["其中：上年结转", 1, 1, 1], ["上级补助", 40, 40, 40], ["本级财政资金", 40, 40, 38],
             ["其他资金", 19, 19, 19]]
    money = [HEAD[4], ["年度资金总额", 100, 100, 98, 10, "98%", 9.8], *lines]
    _, data = checked(_table(tmp_path / "t.xlsx", money))
    assert codes(data) == []
    money[4][2] = 30  # 本级财政资金 30: the lines add up to 90
    _, data = checked(_table(tmp_path / "u.xlsx", money))
    assert "全年预算数：各明细合计 90（上年结转 1 + 上级补助 40 + 本级财政资金 30 + 其他资金 19），" \
        "年度资金总额为 100" in [f["message"] for f in data["findings"]]


def test_no_points_no_scores_and_no_money_read_says_the_money_was_not_checked(tmp_path):
    """A table without 分值 and 得分 whose money block was not read (a 发改 投资情况 block):
    JX108 no longer says “已核对资金、执行率” — it says they were not read."""
    header = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "偏差原因分析及改进措施"]
    rows = [[*row[:5], row[7]] for row in ROWS]
    _, data = checked(grid_book(tmp_path / "t.xlsx", [*HEAD[:4], header, *rows]))
    [message] = [f["message"] for f in data["findings"] if f["code"] == "JX108"]
    assert "已核对资金" not in message and "没有读到项目资金栏" in message


def test_points_and_score_merged_over_a_groups_rows_inside_a_merged_level1(tmp_path):
    """数量指标's two rows under one merged 分值 20 and 得分 20, the 一级 merged down over
    产出: each row an indicator (JX109's note). Before, the second row was glued to the
    next as the first lines of its texts (“发放宣传册培训合格率”, “≥1000册≥95%”): JX203 ×2,
    JX101 “分值合计为 90”, no total."""
    rows = [list(row) for row in ROWS]
    second = [None, None, "发放宣传册", "≥1000册", "1000册", None, None, None]
    rows = [rows[0], second, *[[None, *row[1:]] for row in rows[1:4]], *rows[4:]]
    top = len(HEAD) + 2
    path = grid_book(tmp_path / "t.xlsx", [*HEAD, INDICATOR_HEADER, *rows, *_closing()],
                     merges=[(top, 1, 4, 0), (top, 2, 1, 0), (top, 6, 1, 0), (top, 7, 1, 0)])
    table, data = checked(path)
    assert codes(data) == ["JX109"] and len(table.indicators) == 8
    assert [i.name for i in table.indicators][:3] == ["培训人数", "发放宣传册", "培训合格率"]
    assert data["total_computed"] == 99.24


@pytest.mark.parametrize("stated", [
    {"cell": "评分规则：比例法"}, {"cell": "计分方法：比例法"},
    {"title": "项目支出绩效自评表（比例法评分）"},
])
def test_the_rule_set_stated_after_a_colon_or_in_the_title(tmp_path, stated):
    """评分规则：比例法 in one cell, 计分方法, or the title (…自评表（比例法评分）): ratio —
    a reverse target over (≤600元 done 750元) scores 10 × 600 / 750 = 4 of 5 by it (mof2020:
    3.75). Before, mof2020 (JX404 “应为 3.75”)."""
    rows = [list(row) for row in ROWS]
    rows[3][4], rows[3][6], rows[3][7] = "750元", 4, "物价上涨，成本超支"
    head = [[stated.get("title", HEAD[0][0])], *HEAD[1:]]
    extra = [[stated["cell"]]] if "cell" in stated else []
    closing = [CLOSING[0][:1] + [None] * 4 + [100, 98.24], CLOSING[1], *extra]
    path = grid_book(tmp_path / "t.xlsx", [*head, INDICATOR_HEADER, *rows, *closing])
    table, data = checked(path)
    assert table.rules.name == "ratio" and codes(data) == []


@pytest.mark.parametrize("name", ["不适用", "不涉及", "本项目不涉及生态效益"])
def test_a_row_named_not_applicable_is_no_indicator(tmp_path, name):
    """效益 split into 经济/社会/生态 …, the 生态 row's 三级 written 不适用 (本项目不涉及生态效益)
    and the rest left blank: no indicator (as 无 already was). Before: JX106, JX201, JX202
    and no total."""
    rows = [*ROWS[:5], ("效益指标", "生态效益指标", name, None, None, None, None, None), *ROWS[5:]]
    table, data = checked(_table(tmp_path / "t.xlsx", HEAD[4:6], rows))
    assert codes(data) == [] and len(table.indicators) == 7


def test_a_heji_row_closing_each_level1_group(tmp_path):
    """产出指标 | 合计 | | | | 50 | 50 after 产出's rows, and so after 效益 and 满意度: each a
    subtotal of its group (合计 alone above the 总分 is otherwise the indicators' sum).
    Before: with the 一级 written on each row, every 合计 row an indicator (JX101 “分值合计为
    190”, JX201, JX202 …); merged, the last one taken for the sum of all (JX103)."""
    body, sums = [], {"产出指标": (50, 50), "效益指标": (30, 30), "满意度指标": (10, 9.44)}
    for at, row in enumerate(ROWS):
        body.append(list(row))
        if at + 1 == len(ROWS) or ROWS[at + 1][0] != row[0]:
            body.append([row[0], "合计", None, None, None, *sums[row[0]], None])
    table, data = checked(grid_book(tmp_path / "t.xlsx", [*HEAD, INDICATOR_HEADER, *body,
                                                           *_closing()]))
    assert codes(data) == [] and len(table.indicators) == 7
    body[4][5] = 45  # 产出's 合计 written 45: its rows total 50
    _, data = checked(grid_book(tmp_path / "u.xlsx", [*HEAD, INDICATOR_HEADER, *body,
                                                       *_closing()]))
    assert codes(data) == ["JX103"]


def _score_merged(path, group_score, second_actual="1000册"):
    rows = [list(row) for row in ROWS]
    rows[0][5], rows[0][6] = 10, group_score
    second = [None, None, "发放宣传册", "≥1000册", second_actual, 10, None, None]
    rows = [rows[0], second, *[[None, *row[1:]] for row in rows[1:4]], *rows[4:]]
    top = len(HEAD) + 2
    return grid_book(path, [*HEAD, INDICATOR_HEADER, *rows, *_closing()],
                     merges=[(top, 1, 4, 0), (top, 2, 1, 0), (top, 7, 1, 0)])


def test_a_score_merged_over_rows_with_their_own_points(tmp_path):
    """数量指标's two rows with 分值 10 and 10 of their own, 得分 20 merged over both: each
    row's 10 (before: 20 read as the first row's, JX401 “得分 20 大于分值 10”, and the
    second's “未填写得分”, JX406). A row short of its target under a full group score
    is still found (JX402)."""
    _, data = checked(_score_merged(tmp_path / "t.xlsx", 20))
    assert codes(data) == [] and data["total_computed"] == 99.24
    _, data = checked(_score_merged(tmp_path / "u.xlsx", 20, second_actual="800册"))
    assert "JX402" in codes(data)


def test_a_budget_rate_row_beside_the_moneys_own_ten_points(tmp_path):
    """As above, but the 总分 counts the money's 10 besides (四川 style: 90 + 10, the rate
    listed among the 90 as well): the rule set's share stays — no JX101."""
    money = [["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "执行率"],
             ["年度资金总额", 100, 100, 98, "98%"]]
    rows = [list(row) for row in ROWS]
    rows[2][1:5] = ["时效指标", "预算执行率", "≥90%", "98%"]
    _, data = checked(_table(tmp_path / "t.xlsx", money, rows))
    assert codes(data) == [] and data["total_computed"] == 99.24
