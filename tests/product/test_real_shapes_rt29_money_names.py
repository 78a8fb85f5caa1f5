"""Round 29: the money block of a 转移支付 or investment form names its columns in its own
words — 下达资金 / 预算下达数 / 批复金额 / 计划投资 for A, 支出资金 / 累计支出 / 已拨付资金 /
完成投资 for B, 支出率 / 支付进度 / 资金使用率 for the 执行率. Before (0a35e6b) none was
read: a wrong 执行率, 执行率得分, 总分 or 明细 passed with only JX307 “全年预算数或全年执行数为空”
at the filled budget cell. 到位资金 (money received) stays neither A nor B (DOMAIN §2)."""

import pytest
from test_real_shapes import checked, codes
from test_real_shapes_money_rows import _book
from test_real_shapes_round16 import HEAD, ROWS
from workbooks import grid_book

INDICATOR_HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                    "偏差原因分析及改进措施"]
INDICATORS = 89.44  # ROWS' scores
# A = 836.40 + 250 + 200 = 1286.40, B = 790.20 + 236.15 + 175 = 1201.35;
# 1201.35 ÷ 1286.40 = 93.3885 % → 93.39 %, 执行率得分 10 × 0.933885 = 9.34, 总分 98.78
PARTS = [("其中：中央补助资金", 836.40, 790.20), ("省级资金", 250.00, 236.15),
         ("县级配套资金", 200.00, 175.00)]


def _form(path, budget_name="全年预算数", executed_name="全年执行数", rate_name="执行率", *,
          amounts=(1286.40, 1201.35), rate="93.39%", score=9.34, total=98.78, parts=PARTS,
          received=None):
    """项目资金（万元） | A's name | (到位资金 |) B's name | rate's name | 分值 | 得分, the
    年度资金总额 line and its three 其中 lines, then ROWS and the 总分."""
    between = [] if received is None else [received]
    header = ["项目资金（万元）", budget_name, *between, executed_name, rate_name, "分值", "得分"]
    got = [amounts[0]] if received else []
    money = [["年度资金总额", amounts[0], *got, amounts[1], rate, 10, score]]
    money += [[label, a, *([a] if received else []), b, f"{b / a:.2%}"] for label, a, b in parts]
    close = [["总分", None, None, None, None, 100, total], ["评分等级", "优" if total >= 90 else "良"]]
    return grid_book(path, [*HEAD[:4], header, *money, INDICATOR_HEADER, *map(list, ROWS), *close])


def _messages(data, code):
    return [(f["cell"], f["message"]) for f in data["findings"] if f["code"] == code]


@pytest.mark.parametrize("name", ["下达资金", "下达数", "资金下达数", "预算下达数", "全年下达数",
                                  "指标下达数", "批复金额", "预算批复数", "年度预算", "计划投资"])
def test_the_budget_under_its_transfer_payment_name(tmp_path, name):
    table, data = checked(_form(tmp_path / "t.xlsx", budget_name=name))
    assert (table.funds.total.budget, table.funds.total.executed) == (1286.40, 1201.35)
    assert codes(data) == [], data["findings"]


@pytest.mark.parametrize("name", ["支出资金", "已支出资金", "资金支出", "累计支出", "已拨付资金",
                                  "完成投资", "实际支出数", "资金支出数"])
def test_the_spending_under_its_transfer_payment_name(tmp_path, name):
    table, data = checked(_form(tmp_path / "t.xlsx", executed_name=name))
    assert (table.funds.total.budget, table.funds.total.executed) == (1286.40, 1201.35)
    assert codes(data) == [], data["findings"]


@pytest.mark.parametrize(("budget", "received", "executed"), [
    ("下达资金", "到位资金", "支出资金"), ("预算下达数", "实际到位数", "实际支出数"),
    ("全年预算数", "实际到位资金", "已支出资金"), ("计划投资", "到位资金", "完成投资")])
def test_money_received_is_neither_the_budget_nor_the_spending(tmp_path, budget, received,
                                                                 executed):
    """到位资金 1286.40 between A and B: B is the 支出 column's 1201.35, not what arrived."""
    table, data = checked(_form(tmp_path / "t.xlsx", budget, executed, received=received))
    assert (table.funds.total.budget, table.funds.total.executed) == (1286.40, 1201.35)
    assert codes(data) == [], data["findings"]


def test_a_wrong_rate_score_and_details_under_transfer_payment_names(tmp_path):
    """rt29 m1: 下达资金 | 支出资金, the rate written 98 % and scored 10, 县级 195 so the
    明细 add to 790.20 + 236.15 + 195 = 1221.35. Before: only JX307 at C6."""
    parts = [*PARTS[:2], ("县级配套资金", 200.00, 195.00)]
    _, data = checked(_form(tmp_path / "t.xlsx", "下达资金", "支出资金", rate="98.00%", score=10,
                            total=99.44, parts=parts))
    assert codes(data) == ["JX301", "JX302", "JX304"], data["findings"]
    assert _messages(data, "JX301") == [
        ("D6", "“年度资金总额”执行率写为 98%，按 支出资金 1201.35 ÷ 全年预算数 1286.4 应为 93.39%")]
    assert _messages(data, "JX302") == [
        ("F6", "执行率得分写为 10，按分值 10 × 执行率 93.39% 应为 9.34；"
               "总分 99.44 随之应为 98.78")]  # 99.44 − 10 + 9.34
    assert _messages(data, "JX304") == [
        ("C6", "全年执行数：各明细合计 1221.35（中央补助资金 790.2 + 省级资金 236.15 + 县级配套资金 195），"
               "年度资金总额为 1201.35")]


def test_a_wrong_total_under_transfer_payment_names(tmp_path):
    """rt29 m4: 总分 written 95 where 89.44 + 9.34 = 98.78 (and 95 is 优, not 良)."""
    _, data = checked(_form(tmp_path / "t.xlsx", "下达资金", "支出资金", total=95))
    assert "JX501" in codes(data), data["findings"]


@pytest.mark.parametrize("name", ["支出率", "支出进度", "支付进度", "资金支付率", "资金使用率"])
def test_a_wrong_rate_under_its_other_name(tmp_path, name):
    """rt29 r0–r9: 96.11 % written where 1201.35 ÷ 1286.40 = 93.39 %, scored 9.61."""
    _, data = checked(_form(tmp_path / "t.xlsx", rate_name=name, rate="96.11%", score=9.61,
                            total=99.05))
    assert codes(data) == ["JX301", "JX302"], data["findings"]
    assert _messages(data, "JX301") == [
        ("D6", "“年度资金总额”执行率写为 96.11%，按 全年执行数 1201.35 ÷ 全年预算数 1286.4 应为 93.39%")]


@pytest.mark.parametrize("sign", ["¥", "￥"])
def test_amounts_written_with_a_currency_sign(tmp_path, sign):
    """rt29 c52, c56: “¥1,286.40” typed as text is 1286.40 — before, JX307 “为空” at it."""
    amounts = (f"{sign}1,286.40", f"{sign}1,201.35")
    table, data = checked(_form(tmp_path / "t.xlsx", amounts=amounts))
    assert (table.funds.total.budget, table.funds.total.executed) == (1286.40, 1201.35)
    assert codes(data) == [], data["findings"]


@pytest.mark.parametrize("amounts", [(1286.40, "壹仟贰佰零壹万元"), ("约一千万", "壹仟贰佰零壹万元")])
def test_an_amount_written_so_it_cannot_be_read_is_named_at_its_cell(tmp_path, amounts):
    """An amount in words is no number: JX309 says so at its cell — before, “全年执行数(B)
    未填写”, or (both in words) JX307 “全年预算数或全年执行数为空” at the budget's."""
    _, data = checked(_form(tmp_path / "t.xlsx", amounts=amounts))
    budget = [] if isinstance(amounts[0], float) else [
        ("B6", "全年预算数(A)“约一千万”无法读出金额，执行率得分、总分无法计算")]
    assert codes(data) == ["JX309"] * (len(budget) + 1), data["findings"]
    assert _messages(data, "JX309") == [
        *budget, ("C6", "全年执行数(B)“壹仟贰佰零壹万元”无法读出金额，执行率得分、总分无法计算")]


def test_an_amount_under_a_heading_not_read_is_named(tmp_path):
    """B under a heading jixiao does not know (实际花费): JX307 says no 全年执行数 column was
    found, not that the filled amounts are empty."""
    _, data = checked(_form(tmp_path / "t.xlsx", executed_name="实际花费"))
    assert _messages(data, "JX307") == [
        ("B6", "执行率得分（分值 10）无法计算：资金栏中找不到全年执行数一栏（栏目名称未能识别）；"
               "总分无法算出")]


def _beside(path, first, second, executed="全年执行数", rate="94.00%", score=9.4):
    """rt29 d0–d4: 项目资金（万元） | ``first`` 450 | ``second`` 500 | ``executed`` 470 | 分值 |
    执行率 | 得分, then ROWS: 470 ÷ 500 = 94 %, 10 × 0.94 = 9.4, 总分 89.44 + 9.4 = 98.84 优."""
    header = ["项目资金（万元）", first, second, executed, "分值", "执行率", "得分"]
    money = [["年度资金总额", 450, 500, 470, 10, rate, score]]
    close = [["总分", None, None, None, None, 100, round(INDICATORS + score, 2)],
             ["评分等级", "优"]]
    return grid_book(path, [*HEAD[:4], header, *money, INDICATOR_HEADER, *map(list, ROWS), *close])


@pytest.mark.parametrize(("first", "second", "executed"), [
    ("年度预算数", "调整后预算数", "全年执行数"), ("批复金额", "调整后预算数", "全年执行数"),
    ("计划投资", "全年预算数", "完成投资"), ("年度预算", "全年预算数", "累计支出")])
def test_the_years_budget_beside_a_transfer_payment_name(tmp_path, first, second, executed):
    """rt29 d0, d1, d3, d4: A is the 全年预算数 (调整后预算数) 500, not the 450 beside it.
    Before: JX301 ×1 “按 全年执行数 470 ÷ 全年预算数 450 应为 104.44%”, JX302 “应为 10”,
    JX303 “全年执行数 470 大于全年预算数 450”, the computed 总分 99.84 (10 + 89.44)."""
    table, data = checked(_beside(tmp_path / "t.xlsx", first, second, executed))
    assert (table.funds.total.budget, table.funds.total.executed) == (500, 470)
    assert codes(data) == [], data["findings"]


@pytest.mark.parametrize(("first", "second", "named"), [
    ("批复金额", "调整后预算数", "调整后预算数"), ("计划投资", "全年预算数", "全年预算数"),
    ("年度预算数", "调整后预算数", "调整后预算数")])
def test_a_wrong_rate_names_the_budget_column_it_used(tmp_path, first, second, named):
    """The rate written 98 %, scored 9.8: JX301 divides by the column read as A, named by
    its own header; 10 × 0.94 = 9.4."""
    _, data = checked(_beside(tmp_path / "t.xlsx", first, second, rate="98.00%", score=9.8))
    assert codes(data) == ["JX301", "JX302"], data["findings"]
    assert _messages(data, "JX301") == [
        ("F6", f"“年度资金总额”执行率写为 98%，按 全年执行数 470 ÷ {named} 500 应为 94%")]


@pytest.mark.parametrize("lines", [
    [("资金安排情况（万元）", None), (None, "批复金额", 90), (None, "调整后预算数", 100),
     (None, "实际支出", 99.8), (None, "预算执行率", "99.8%"), (None, "分值", 10),
     (None, "得分", 9.98)],
    [("项目资金（万元）", "下达资金", 90, "其中：财政拨款", 90, "其他资金", 0),
     (None, "全年预算数", 100, "其中：财政拨款", 100, "其他资金", 0),
     (None, "全年执行数", 99.8, "其中：财政拨款", 99.8, "其他资金", 0),
     (None, "预算执行率", "99.8%", "分值", 10, "得分", 9.98)]])
def test_the_years_budget_below_a_transfer_payment_name_down_the_rows(tmp_path, lines):
    """The money down the rows, 批复金额 (下达资金) 90 above 调整后预算数 (全年预算数) 100:
    A is 100, 99.8 ÷ 100 = 99.8 %, 10 × 0.998 = 9.98. Before: 90 read, JX301 “应为 110.89%”,
    JX302, JX303, JX305."""
    _, data = checked(_book(tmp_path / "t.xlsx", lambda score: lines, 9.98))
    assert (data["funds"]["budget"], data["funds"]["executed"]) == (100, 99.8)
    assert data["findings"] == []
