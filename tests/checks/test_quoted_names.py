"""A name quoted in a message is one line: a converter's line break inside a cell
(服务对象满意\n度指标, rt31 r7 p05_wrapped_l2 JX107) is not carried into the report."""

import pytest
from workbooks import PUTUO_1_ROWS, standard

from jixiao.checks import run_checks
from jixiao.checks.base import finding
from jixiao.model import evaluate
from jixiao.read.workbook import read_tables


@pytest.mark.parametrize(("message", "shown"), [
    ("“服务对象满意\n度指标”所在行", "“服务对象满意度指标”所在行"),
    ("“服务对象满意 \r\n 度指标”", "“服务对象满意度指标”"),
    ("“Service\nsatisfaction”", "“Service satisfaction”"),
    ("“满意度”得分 8", "“满意度”得分 8"),
])
def test_a_quoted_name_drops_its_line_breaks(message, shown):
    assert finding("JX107", None, message).message == shown


def test_a_wrapped_level2_is_quoted_on_one_line(tmp_path):
    rows = [*PUTUO_1_ROWS[:-1], (None, "服务对象满意\n度指标", *PUTUO_1_ROWS[-1][2:])]
    (table,) = read_tables(standard(tmp_path / "t.xlsx", rows=rows, merged=()))
    found = run_checks(table, evaluate(table), select=["JX107"])
    assert [f.message for f in found] == [
        "“服务对象满意度指标”所在行一级指标为空，按二级指标归入“满意度指标”（而非上方的“效益指标”）"]
