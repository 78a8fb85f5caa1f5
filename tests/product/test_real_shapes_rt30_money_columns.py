"""Round 30: a money header naming B twice, or the rate beside a schedule. 转移支付 forms
list what was passed on to the counties (已拨付资金, 拨付资金, 资金拨付数) beside what was
spent (全年执行数, 支出资金); the spent column is B, wherever it stands — before, the
leftmost was read, the rate checked as 拨付 ÷ A = 100 % and three or four false errors
reported. A rate header names what it divides (支出率 → 支出资金, 执行率 → 全年执行数,
支付率 → 实际支付数). A schedule benchmark (序时支出进度, or 支出进度 beside an 执行率) is no
stated 执行率 (DOMAIN §2: 执行率 = B ÷ A)."""

import pytest
from test_real_shapes import checked, codes
from test_real_shapes_money_rows import _book as _rows_book
from test_real_shapes_round16 import HEAD, ROWS
from workbooks import grid_book

INDICATOR_HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                    "偏差原因分析及改进措施"]
# A = 836.40 + 450 = 1286.40, B = 790.20 + 411.15 = 1201.35; 1201.35 ÷ 1286.40 = 93.3885 %
# → 93.39 %, 执行率得分 10 × 0.933885 = 9.34, 总分 89.44 (ROWS) + 9.34 = 98.78.
# 中央 790.20 ÷ 836.40 = 94.48 %, 地方 411.15 ÷ 450 = 91.37 %. All of A was passed on.
LINES = [("年度资金总额", 1286.40, 1201.35, "93.39%"),
         ("其中：中央补助资金", 836.40, 790.20, "94.48%"),
         ("地方资金", 450.00, 411.15, "91.37%")]
# what each kind of column holds on a line (label, A, B, rate): A, B, the sum passed on
# (all of A), the rate written, a second amount that is no B (1250), a schedule (100 %)
_VALUES = {"A": lambda line: line[1], "B": lambda line: line[2], "P": lambda line: line[1],
           "R": lambda line: line[3], "O": lambda line: 1250.00, "S": lambda line: "100%"}


def _form(path, header, *, rate="93.39%", score=9.34, total=98.78):
    """项目资金（万元） | each (name, kind) of ``header`` | 分值 | 得分 — the total line
    scored (分值 10, its rate ``rate``, 得分 ``score``), two 其中 lines, ROWS, 总分."""
    names = [name for name, _ in header]
    money = []
    for index, line in enumerate(LINES):
        cells = [rate if kind == "R" and index == 0 else _VALUES[kind](line)
                 for _, kind in header]
        money.append([line[0], *cells, *((10, score) if index == 0 else ("—", "—"))])
    close = [["总分", None, None, None, None, 100, total], ["评分等级", "优" if total >= 90 else "良"]]
    return grid_book(path, [*HEAD[:4], ["项目资金（万元）", *names, "分值", "得分"], *money,
                            INDICATOR_HEADER, *map(list, ROWS), *close])


def _messages(data, code):
    return [(f["cell"], f["message"]) for f in data["findings"] if f["code"] == code]


@pytest.mark.parametrize("header", [
    # rt30 m5, m5d: 全年预算数 | 已拨付资金 (资金拨付数) | 全年执行数 | 执行率
    [("全年预算数", "A"), ("已拨付资金", "P"), ("全年执行数", "B"), ("执行率", "R")],
    [("全年预算数", "A"), ("资金拨付数", "P"), ("全年执行数", "B"), ("执行率", "R")],
    [("全年预算数", "A"), ("实际拨付数", "P"), ("实际支出数", "B"), ("执行率", "R")],
    # rt30 m5c: 下达资金 | 拨付资金 | 支出资金 | 支出率 — the rate says B is 支出资金
    [("下达资金", "A"), ("拨付资金", "P"), ("支出资金", "B"), ("支出率", "R")],
    # rt30 m5b: B first, as before
    [("全年预算数", "A"), ("全年执行数", "B"), ("已拨付资金", "P"), ("执行率", "R")],
    # the rate's kind among two B names neither passed on: 执行率 → 全年执行数,
    # 支付率 → 实际支付数, whichever stands left
    [("全年预算数", "A"), ("实际支付数", "O"), ("全年执行数", "B"), ("执行率", "R")],
    [("全年预算数", "A"), ("全年执行数", "O"), ("实际支付数", "B"), ("支付率", "R")],
    [("全年预算数", "A"), ("支出资金", "O"), ("实际使用数", "B"), ("资金使用率", "R")],
], ids=["已拨付资金", "资金拨付数", "实际拨付数", "下达拨付支出", "执行数在左", "执行率对执行数",
        "支付率对支付数", "使用率对使用数"])
def test_the_spending_is_b_beside_what_was_passed_on(tmp_path, header):
    """Before (m5): JX301 ×2 “按 全年执行数 1286.4 ÷ 全年预算数 1286.4 应为 100%”, JX302
    “应为 10 … 总分 98.78 随之应为 99.44”. B is 1201.35: 93.39 %, 9.34, 98.78 — all right."""
    table, data = checked(_form(tmp_path / "t.xlsx", header))
    assert (table.funds.total.budget, table.funds.total.executed) == (1286.40, 1201.35)
    assert codes(data) == [], data["findings"]


def test_a_wrong_rate_beside_what_was_passed_on_is_checked_against_the_spending(tmp_path):
    """The unit wrote 拨付 ÷ A = 100 % and scored 10: 1201.35 ÷ 1286.40 = 93.39 %, 得分
    10 × 0.933885 = 9.34, 总分 99.44 − 10 + 9.34 = 98.78."""
    header = [("全年预算数", "A"), ("已拨付资金", "P"), ("全年执行数", "B"), ("执行率", "R")]
    _, data = checked(_form(tmp_path / "t.xlsx", header, rate="100%", score=10, total=99.44))
    assert codes(data) == ["JX301", "JX302"], data["findings"]
    assert _messages(data, "JX301") == [
        ("E6", "“年度资金总额”执行率写为 100%，按 全年执行数 1201.35 ÷ 全年预算数 1286.4 应为 93.39%")]
    assert _messages(data, "JX302") == [
        ("G6", "执行率得分写为 10，按分值 10 × 执行率 93.39% 应为 9.34（表中执行率写为 100%，有误，见 JX301）；"
               "总分 99.44 随之应为 98.78")]


@pytest.mark.parametrize("header", [
    # rt30 m8b, m8: a schedule (100 % at year end) beside the rate, either side of it
    [("全年预算数", "A"), ("全年执行数", "B"), ("序时支出进度", "S"), ("执行率", "R")],
    [("全年预算数", "A"), ("全年执行数", "B"), ("支出进度", "S"), ("执行率", "R")],
    [("全年预算数", "A"), ("全年执行数", "B"), ("执行率", "R"), ("支出进度", "S")],
    [("全年预算数", "A"), ("全年执行数", "B"), ("序时执行进度", "S"), ("支出率", "R")],
    [("全年预算数", "A"), ("全年执行数", "B"), ("序时支出进度", "S"), ("支出进度", "R")],
], ids=["序时支出进度", "支出进度", "支出进度在右", "序时执行进度", "序时对支出进度"])
def test_a_schedule_beside_the_rate_is_no_stated_rate(tmp_path, header):
    """Before (m8b): JX301 ×2 “序时支出进度写为 100%，按 全年执行数 1201.35 ÷ 全年预算数 1286.4
    应为 93.39%”. 100 % is the share of the year gone, not B ÷ A: nothing to report."""
    table, data = checked(_form(tmp_path / "t.xlsx", header))
    assert (table.funds.total.rate_declared, table.funds.total.rate_beside) == (93.39, None)
    assert codes(data) == [], data["findings"]


def test_a_wrong_rate_beside_a_schedule_is_found_at_the_rate(tmp_path):
    """96.11 % written in 执行率 where 1201.35 ÷ 1286.40 = 93.39 %, scored 9.61 (总分
    89.44 + 9.61 = 99.05, should be 98.78): JX301 at the 执行率 (E6), not the 支出进度."""
    header = [("全年预算数", "A"), ("全年执行数", "B"), ("支出进度", "S"), ("执行率", "R")]
    _, data = checked(_form(tmp_path / "t.xlsx", header, rate="96.11%", score=9.61,
                            total=99.05))
    assert codes(data) == ["JX301", "JX302"], data["findings"]
    assert _messages(data, "JX301") == [
        ("E6", "“年度资金总额”执行率写为 96.11%，按 全年执行数 1201.35 ÷ 全年预算数 1286.4 应为 93.39%")]


def _down_the_rows(between):
    """A 资金安排情况 block down the rows: 全年预算数 100, then ``between`` (label, value),
    then 预算执行率 99.8 % scored 9.98 of 10 (99.8 ÷ 100)."""
    def rows(score):
        return [("项目资金情况（万元）", "全年预算数", 100),
                *((None, label, value) for label, value in between),
                (None, "预算执行率", "99.8%", "分值", 10, "得分", score)]
    return rows


@pytest.mark.parametrize("between", [
    [("已拨付资金", 100), ("全年执行数", 99.8)],
    [("全年执行数", 99.8), ("序时支出进度", "100%")],
    [("支出进度", "100%"), ("全年执行数", 99.8)],
], ids=["已拨付资金在上", "序时支出进度", "支出进度在上"])
def test_money_down_the_rows_reads_the_spending_and_the_rate(tmp_path, between):
    """Before: B read as the 拨付 100 (JX301 “应为 100%”, JX302 “应为 10”, JX305), or the
    rate as the schedule's 100 %. B 99.8, rate 99.8 %, 得分 9.98: nothing to report."""
    _, data = checked(_rows_book(tmp_path / "t.xlsx", _down_the_rows(between), 9.98))
    assert (data["funds"]["budget"], data["funds"]["executed"], data["funds"]["rate_declared"],
            data["funds"]["score_declared"]) == (100, 99.8, 99.8, 9.98)
    assert data["findings"] == []
