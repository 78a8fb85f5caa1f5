"""The 执行率's reason written by the money block (rt26 g): on the row right under its last
line (执行率偏低原因：… merged across, or 执行率偏低原因 | …), or in a 备注 column beside the
money line. Each case reading a reason failed on 34e18f6 with JX306 “执行率 85% 低于 90%，
未说明原因”; the neighbours that must not change pass there too."""

import pytest
from openpyxl import load_workbook
from test_real_shapes import checked, codes
from test_real_shapes_round16 import CLOSING, HEAD, ROWS
from workbooks import grid_book

from jixiao.model import Source

INDICATOR_HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                    "偏差原因分析及改进措施"]
REASON = "工程尾款15万元因验收延后于次年支付"
SICHUAN = "注：本表按四川省项目支出绩效自评规则评分。"
RATIO = "注：本表各指标按比例法评分。"


def _book(path, under=(), note=None, statement=SICHUAN, merges=()):
    """HEAD's money spent 85 of 100 (8.5 of 10: 97.94 in all), ``under`` lines right under
    the money line, ``note`` in a 备注 column beside it, ``statement`` under the table."""
    money = [HEAD[4] + (["备注"] if note is not None else []),
             ["年度资金总额", 100, 100, 85, 10, "85%", 8.5] + ([note] if note is not None else [])]
    closing = [CLOSING[0][:6] + [97.94], CLOSING[1]]
    grid = [*HEAD[:4], *money, *map(list, under), INDICATOR_HEADER, *map(list, ROWS),
            *closing, [statement]]
    return grid_book(path, grid, merges=merges)


def _rate_findings(data):
    return [(f["code"], f["severity"], f["cell"], f["message"]) for f in data["findings"]
            if f["code"] == "JX306"]


@pytest.mark.parametrize(("under", "merges", "cell"), [
    ([[f"执行率偏低原因：{REASON}；改进措施：加快验收进度。"]], [(7, 1, 0, 7)], "A7"),
    ([["执行率偏低原因", f"{REASON}；改进措施：加快验收进度。"]], [(7, 2, 0, 6)], "B7"),
    ([["预算执行率低于90%的原因说明", REASON]], (), "B7"),
    ([[], [f"资金未执行原因：{REASON}"]], (), "A8"),
])
def test_a_reason_row_right_under_the_money_explains_the_rate(tmp_path, under, merges, cell):
    table, data = checked(_book(tmp_path / "t.xlsx", under, merges=merges))
    assert (table.rules.name, table.funds.sources["reason"], codes(data)) == (
        "sichuan", Source("表", cell), [])
    assert table.funds.reason.startswith(REASON)


def test_a_remark_column_beside_the_money_line_explains_the_rate(tmp_path):
    table, data = checked(_book(tmp_path / "t.xlsx", note=REASON))
    assert (table.funds.reason, table.funds.sources["reason"], codes(data)) == (
        REASON, Source("表", "H6"), [])


def test_a_reason_column_beside_a_remark_column_is_the_reason(tmp_path):
    """备注 first, 未执行原因 after it: the 原因 column holds the reason, the 备注 yields."""
    path = _book(tmp_path / "t.xlsx", note="省级专项资金")
    book = load_workbook(path)
    sheet = book["表"]
    sheet["I5"], sheet["I6"] = "未执行原因", REASON
    book.save(path)
    table, data = checked(path)
    assert (table.funds.reason, table.funds.sources["reason"], codes(data)) == (
        REASON, Source("表", "I6"), [])


def test_under_ratio_the_row_under_the_money_explains_the_rate_too(tmp_path):
    """Was JX306 as a 提示 (info) under the 比例法."""
    table, data = checked(_book(tmp_path / "t.xlsx", [[f"执行率偏低原因：{REASON}"]],
                                statement=RATIO))
    assert (table.rules.name, codes(data)) == ("ratio", [])


def test_the_label_alone_is_where_the_reason_goes(tmp_path):
    """The reason row left empty: still unexplained, and JX306 points at the row to fill."""
    _, data = checked(_book(tmp_path / "t.xlsx", [["执行率偏低原因："]]))
    assert _rate_findings(data) == [
        ("JX306", "warning", "A7", "执行率 85% 低于 90%，未说明原因：请在资金栏的原因说明（表!A7）写明原因")]


@pytest.mark.parametrize(("under", "note"), [
    ([["单位：万元"]], None),
    ([["偏差原因分析：部分学员对课程安排不满意"]], None),  # names no money: the table's rows'
    ((), "资金来源：省级专项资金"),  # a 备注 saying where the money came from, no cause
    ((), "含上年结转资金20万元"),
])
def test_words_by_the_money_that_explain_no_rate_leave_jx306(tmp_path, under, note):
    """The neighbours that must not change: no 执行率 reason, JX306 on the rate (F6)."""
    _, data = checked(_book(tmp_path / "t.xlsx", under, note=note))
    assert [(code, cell) for code, _, cell, _ in _rate_findings(data)] == [("JX306", "F6")]
