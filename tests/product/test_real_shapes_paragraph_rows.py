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
