"""A Word table pasted into Excel: a cell's second paragraph on a physical row of its own,
the row's other cells merged down over it (rt21e 2)."""

import pytest
from test_real_shapes import checked, codes
from workbooks import PUTUO_1_ROWS, STANDARD, Book, standard_sheet

FIRST = "已按规范编制。"


def pasted(path, second):
    rows = [row if row[2] != "预算编制规范性" else (*row[:-1], FIRST) for row in PUTUO_1_ROWS]
    rows.insert(2, (None,) * (len(STANDARD) - 1) + (second,))
    book = Book()
    sheet = standard_sheet(book.sheet(), rows)
    ws = sheet.ws
    [below] = [row for row in range(1, ws.max_row + 1)
               if ws.cell(row, sheet.columns[STANDARD[-1]]).value == second]
    for text in STANDARD[2:-1]:  # 三级 … 得分 (一级, 二级 merged down with their runs)
        sheet.merge(below - 1, sheet.columns[text], sheet.columns[text], below)
    return book.save(path)


@pytest.mark.parametrize("second", ["改进措施：将于下年度完善。", "将于下年度完善。"])
def test_a_second_paragraph_on_a_row_of_its_own_belongs_to_the_row_above(tmp_path, second):
    """Before: "改进措施：…" looked like the lines under the table, which ended there (2
    indicators, 分值合计 40 with the 执行率, 一级 missing); the plain paragraph was read as
    a nameless indicator sharing the row's 25 points (12.5 each). Now the table reads as
    it would without the paragraph break."""
    table, data = checked(pasted(tmp_path / "两段.xlsx", second))
    assert [(i.name, i.weight, i.score_declared) for i in table.indicators] == [
        ("预算资金执行率", 5, 5), ("预算编制规范性", 25, 25), ("资金拨付及时性", 20, 20),
        ("网络安全防护能力", 30, 30), ("服务对象满意度", 10, 10)]
    assert table.indicators[1].reason == FIRST + second
    assert table.indicators[2].reason is None
    assert data["weight_total"] == 100
    assert (data["total_declared"], data["grade_declared"]) == (99.98, "优")
    assert codes(data) == []


def test_second_paragraphs_in_two_cells_on_a_row_of_their_own(tmp_path):
    """服务对象满意度's 完成值 and 偏差原因 each with a second paragraph, both on the one
    physical row under it (三级, 指标值, 分值 and 得分 merged down over it): one indicator,
    10 points, 8.95 (10 × 85 ÷ 95). Before, a nameless indicator sharing the 10 points (5
    each, JX109), “（问卷200份）” no value (JX203), the score off (JX404), no total."""
    satisfied = ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥95%", "85%", 10, 8.95,
                 "部分学员认为课时偏少，")
    rows = [*PUTUO_1_ROWS[:-1], satisfied,
            (None, None, None, None, "（问卷200份）", None, None, "下年度增加实操课时")]
    book = Book()
    sheet = standard_sheet(book.sheet(), rows, total=(100, 98.93))
    ws = sheet.ws
    [below] = [row for row in range(1, ws.max_row + 1)
               if ws.cell(row, sheet.columns[STANDARD[4]]).value == "（问卷200份）"]
    for text in (*STANDARD[2:4], *STANDARD[5:7]):  # 三级, 指标值, 分值, 得分
        sheet.merge(below - 1, sheet.columns[text], sheet.columns[text], below)
    table, data = checked(book.save(tmp_path / "两格两段.xlsx"))
    last = table.indicators[-1]
    assert len(table.indicators) == 5
    assert (last.name, last.weight, last.score_declared, last.actual, last.reason) == (
        "服务对象满意度", 10, 8.95, "85%（问卷200份）", "部分学员认为课时偏少，下年度增加实操课时")
    assert (data["total_computed"], data["grade_computed"]) == (98.93, "优")
    assert codes(data) == []


SATISFIED = ("满意度指标", "服务对象满意度指标", "群众满意度", "≥95%", "85%", 10, 8.95,
             "部分群众认为办理时间偏长")


def _name_pasted(path, at, second, own=(), merged=STANDARD[3:]):
    """PUTUO_1 with 群众满意度 (85% of ≥95%, 8.95 of 10) last, and under its row ``at`` a
    physical row holding ``second`` in the 三级 (and ``own``: header text → value), the
    columns ``merged`` (and the 一级, 二级 runs) merged down from the row above."""
    rows = [*PUTUO_1_ROWS[:-1], SATISFIED]
    extra = [None] * len(STANDARD)
    extra[2] = second
    for text, value in own:
        extra[STANDARD.index(text)] = value
    rows.insert(at + 1, tuple(extra))
    book = Book()
    sheet = standard_sheet(book.sheet(), rows, total=(100, 98.93))
    ws = sheet.ws
    [below] = [row for row in range(1, ws.max_row + 1)
               if ws.cell(row, sheet.columns["三级指标"]).value == second]
    for text in merged:
        sheet.merge(below - 1, sheet.columns[text], sheet.columns[text], below)
    return book.save(path)


@pytest.mark.parametrize(("at", "name"), [(1, "预算编制规范性"), (4, "群众满意度")])
def test_a_names_second_paragraph_on_a_row_of_its_own_is_the_names_rest(tmp_path, at, name):
    """“（抽样调查）” alone in the 三级 of the row under the name it goes on, every other
    cell of that row — 指标值, 完成值, 分值, 得分, 偏差原因 too — merged down over it: the
    name's second paragraph. Before, an indicator of its own sharing the row's points
    (5 and 4.47 each, JX109, JX103) and the 总分 off (JX501); or, under a name of more
    than twice its length, read as a PDF's wrapped text: 指标值 “规范规范”."""
    table, data = checked(_name_pasted(tmp_path / "名称两段.xlsx", at, "（抽样调查）"))
    assert [(i.name, i.weight, i.score_declared) for i in table.indicators] == [
        ("预算资金执行率", 5, 5), ("预算编制规范性", 25, 25), ("资金拨付及时性", 20, 20),
        ("网络安全防护能力", 30, 30), ("群众满意度", 10, 8.95)][:at] + [
        (name + "（抽样调查）", *[(5, 5), (25, 25), (20, 20), (30, 30), (10, 8.95)][at])] + [
        ("预算资金执行率", 5, 5), ("预算编制规范性", 25, 25), ("资金拨付及时性", 20, 20),
        ("网络安全防护能力", 30, 30), ("群众满意度", 10, 8.95)][at + 1:]
    continued = table.indicators[at]
    assert (continued.target, continued.actual) == (("规范", "达成指标"), ("≥95%", "85%"))[at // 4]
    assert data["weight_total"] == 100
    assert (data["total_computed"], data["grade_computed"]) == (98.93, "优")
    assert codes(data) == []


def test_a_named_row_with_its_own_values_under_merged_points_is_still_a_group(tmp_path):
    """培训次数 with its own 指标值 and 完成值 under the 预算编制规范性 row, the 分值 (25),
    得分 and 偏差原因 merged down over both: an indicator of a group scored as one, not
    a second paragraph — each row checked at 12.5 points (JX109), as before."""
    own = (("年度指标值", "≥10次"), ("实际完成值", "12次"))
    path = _name_pasted(tmp_path / "合并分值.xlsx", 1, "培训次数", own,
                        merged=("分值", "得分", "偏差原因分析及改进措施"))
    table, data = checked(path)
    assert [(i.name, i.target, i.actual, i.weight, i.score_declared)
            for i in table.indicators[1:3]] == [
        ("预算编制规范性", "规范", "达成指标", 12.5, 12.5), ("培训次数", "≥10次", "12次", 12.5, 12.5)]
    assert len(table.indicators) == 6 and data["total_computed"] == 98.93
    assert codes(data) == ["JX109"]


def test_a_names_second_paragraph_under_levels_written_once_is_the_names_rest(tmp_path):
    """rt22d 3: the same, in a table whose 一级 and 二级 are written on the first row of
    their block and left blank below (not merged): “（抽样调查）” is still the name's rest
    — its 指标值 and 完成值 are merged from the row above, so it cannot be an indicator
    of its own. Before, it was one (JX109, 5 points each) inheriting ≥95% / 85%."""
    from openpyxl import load_workbook

    path = _name_pasted(tmp_path / "名称两段.xlsx", 4, "（抽样调查）")
    book = load_workbook(path)
    ws = book.active
    for merged in [str(item) for item in ws.merged_cells.ranges if item.min_col <= 3
                   and item.min_row < item.max_row]:
        ws.unmerge_cells(merged)  # 一级 and 二级: written once, blank below
    book.save(path)
    table, data = checked(path)
    assert [(i.name, i.level1, i.weight, i.score_declared) for i in table.indicators][-1] == (
        "群众满意度（抽样调查）", "满意度指标", 10, 8.95)
    assert len(table.indicators) == 5
    assert (data["total_computed"], data["grade_computed"]) == (98.93, "优")
    assert codes(data) == []
