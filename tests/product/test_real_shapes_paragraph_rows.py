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
