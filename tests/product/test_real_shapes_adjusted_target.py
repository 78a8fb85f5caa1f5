"""年初指标值 | 调整后指标值 (全年指标值) | 实际完成值: the year's target is the adjusted one,
as 全年预算数 is the money's, and the 年初 one where a row was not adjusted (blank).
Before, the first column was taken: a row met against its adjusted ≥90% was a false
JX402 "未达到指标值（≥99%）却得满分" with a false JX404."""

from __future__ import annotations

import pytest
from test_real_shapes import checked, codes
from workbooks import PUTUO_1_ROWS, Book, standard, standard_sheet

HEADER = ("一级指标", "二级指标", "三级指标", "年初指标值", "{adjusted}", "实际完成值", "分值", "得分",
          "偏差原因分析及改进措施")


def _rows(initial, adjusted, actual="95%", score=10):
    rows = [(*row[:3], row[3], None, *row[4:]) for row in PUTUO_1_ROWS]
    rows[4] = (*PUTUO_1_ROWS[4][:3], initial, adjusted, actual, 10, score, None)
    return rows


@pytest.mark.parametrize("adjusted", ["调整后指标值", "全年指标值", "调整指标值"])
def test_the_adjusted_target_is_the_years(tmp_path, adjusted):
    header = tuple(text.format(adjusted=adjusted) for text in HEADER)
    table, data = checked(standard(tmp_path / "t.xlsx", rows=_rows("≥99%", "≥90%"), header=header))
    assert codes(data) == []
    assert table.indicators[4].target == "≥90%"


def test_a_row_not_adjusted_keeps_its_initial_target(tmp_path):
    header = tuple(text.format(adjusted="调整后指标值") for text in HEADER)
    table, data = checked(standard(tmp_path / "t.xlsx", rows=_rows("≥99%", None), header=header))
    assert table.indicators[0].target == PUTUO_1_ROWS[0][3]  # the 年初 one: blank adjusted
    assert "JX402" in codes(data)  # 95% < ≥99% at full marks: still found


@pytest.mark.parametrize("first", ["年度指标值", "指标值", "原指标值", "计划指标值"])
@pytest.mark.parametrize("adjusted", ["调整后指标值", "调整指标值", "全年指标值"])
def test_the_adjusted_column_wins_whatever_the_first_is_called(tmp_path, first, adjusted):
    """rt15 R1: 年度指标值 | 调整后指标值 (not 年初…): the first column was scored, so a row
    met against its adjusted target was a false JX402 + JX404."""
    header = (*HEADER[:3], first, adjusted, *HEADER[5:])
    table, data = checked(standard(tmp_path / "t.xlsx", rows=_rows("≥99%", "≥90%"), header=header))
    assert codes(data) == []
    assert table.indicators[4].target == "≥90%"


@pytest.mark.parametrize("unchanged", ["—", "/", "未调整", "无调整", "同年初", "不变", "同上"])
def test_a_row_marked_not_adjusted_keeps_its_initial_target(tmp_path, unchanged):
    """rt15 D3: 调整后指标值 written “—” or “未调整” means no adjustment, not a missing
    target (before: JX201 on every such row) nor a qualitative one (JX204)."""
    header = tuple(text.format(adjusted="调整后指标值") for text in HEADER)
    rows = [(*row[:3], row[3], unchanged, *row[4:]) for row in PUTUO_1_ROWS]
    table, data = checked(standard(tmp_path / "t.xlsx", rows=rows, header=header))
    assert codes(data) == []
    assert [i.target for i in table.indicators] == [row[3] for row in PUTUO_1_ROWS]
    rows[4] = (*PUTUO_1_ROWS[4][:3], "≥99%", unchanged, "95%", 10, 10, None)
    _, data = checked(standard(tmp_path / "u.xlsx", rows=rows, header=header))
    assert "JX402" in codes(data)  # 95% against the initial ≥99% at full marks


@pytest.mark.parametrize(("initial", "adjusted"), [("年初", "调整后"), ("原定", "调整后"),
                                                   ("年初指标值", "调整后指标值")])
def test_a_two_row_header_over_the_initial_and_the_adjusted_target(tmp_path, initial, adjusted):
    """rt15 R1: 年度指标值 merged over 年初 | 调整后: before, the second header row was read
    as an indicator (JX106) and the initial target scored (JX402)."""
    header = (*HEADER[:3], "年度指标值", None, *HEADER[5:])
    book = Book()
    sheet = standard_sheet(book.sheet(), header=header,
                           rows=[(None, None, None, initial, adjusted), *_rows("≥99%", "≥90%")])
    ws = sheet.ws
    top = next(cell.row for cell in ws["D"] if cell.value == "三级指标")
    sheet.merge(top, 5, 6)
    for column in (2, 3, 4, 7, 8, 9, 10):
        sheet.merge(top, column, column, top + 1)
    table, data = checked(book.save(tmp_path / "t.xlsx"))
    assert codes(data) == []
    assert len(table.indicators) == len(PUTUO_1_ROWS)
    assert table.indicators[4].target == "≥90%"
