"""A 三级 numbered at one level over rows numbered one level deeper that split it — 1. over
（1）（2）, （1） over ①②, 1. over 1.1 1.2 — as 一、 over 1、 2、 already was: the heading
is the sum of its rows, counted once. Before (rt15 D5), it was counted beside them:
JX101 分值合计 110 and JX501 on a correct table."""

from __future__ import annotations

import pytest
from test_real_shapes import checked, codes
from workbooks import PUTUO_1_ROWS, standard

SPLIT = {"1.": ("（1）", "（2）"), "（1）": ("①", "②"), "1、": ("1.1", "1.2")}


def _rows(heading, members, weights=(2, 3)):
    first = PUTUO_1_ROWS[0]  # 数量指标 预算资金执行率, 5 points
    rows = [(*first[:2], f"{heading}{first[2]}", *first[3:]),
            *[(*first[:2], f"{number}分项{index}", *first[3:5], weight, weight, None)
              for index, (number, weight) in enumerate(zip(members, weights, strict=True), start=1)],
            *PUTUO_1_ROWS[1:]]
    return rows


@pytest.mark.parametrize("heading", list(SPLIT))
def test_a_numbered_row_over_its_numbered_parts_counts_once(tmp_path, heading):
    table, data = checked(standard(tmp_path / "t.xlsx", rows=_rows(heading, SPLIT[heading])))
    assert codes(data) == []
    assert data["total_computed"] == 99.98
    assert len(table.indicators) == len(PUTUO_1_ROWS) + 1


def test_parts_that_do_not_add_up_are_indicators_of_their_own(tmp_path):
    """A 1. indicator followed by （1）（2） whose points are not its own: three indicators."""
    _, data = checked(standard(tmp_path / "t.xlsx", rows=_rows("1.", SPLIT["1."], (5, 5))))
    assert "JX101" in codes(data)


@pytest.mark.parametrize(("first", "second"), [("1.", "2."), ("①", "②"), ("（1）", "（2）"),
                                               ("1、", "2、"), ("1 ", "2 ")])
def test_a_numbered_name_twice_is_a_duplicate(tmp_path, first, second):
    """rt15 R8: 1.培训人数 and 2.培训人数 are the same 三级 listed twice (JX105); before,
    the numbers made them differ."""
    rows = [list(row) for row in PUTUO_1_ROWS]
    rows[1][2], rows[2][2] = f"{first}资金拨付及时性", f"{second}资金拨付及时性"
    rows[1][1] = rows[2][1]
    _, data = checked(standard(tmp_path / "t.xlsx", rows=[tuple(r) for r in rows]))
    assert "JX105" in codes(data)
