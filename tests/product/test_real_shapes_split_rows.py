"""A row's texts continued on the physical row under it: a number a converted PDF cut
where it wrapped (rt21e 1), a Word cell's second paragraphs in two columns (rt21e 2)."""

import pytest
from test_real_shapes import checked, codes
from test_real_shapes_round16 import CLOSING, HEAD, ROWS
from test_real_shapes_round17 import INDICATOR_HEADER
from workbooks import grid_book


def _closing():
    return [CLOSING[0][:1] + [None] * 4 + [100, 99.24], CLOSING[1]]


@pytest.mark.parametrize(("first", "rest"), [
    (("培训人数", "≥1,2", "1,250人"), (None, "00人", None)),
    (("培训人", "≥1,2", "1,25"), ("数", "00人", "0人")),
])
def test_a_number_cut_where_a_converted_pdf_wrapped_it(tmp_path, first, rest):
    """培训人数 | ≥1,2 on one physical row, 00人 (and 数, 0人) on the next: one indicator,
    ≥1,200人 done 1,250人, as a unit alone on the next row (≥1200 / 人) already was. Before,
    the rest a nameless indicator of its own: JX106 “数量指标”未填写分值, JX203 “≥1,2”：数值
    后还有数字, no total."""
    rows = [list(row) for row in ROWS]
    rows[0][2:5] = first
    rows.insert(1, [None, None, *rest, None, None, None])
    table, data = checked(grid_book(tmp_path / "t.xlsx",
                                    [*HEAD, INDICATOR_HEADER, *rows, *_closing()]))
    assert codes(data) == [] and len(table.indicators) == 7
    top = table.indicators[0]
    assert (top.name, top.target, top.actual, top.weight) == ("培训人数", "≥1,200人", "1,250人", 20)
    assert data["total_computed"] == 99.24
