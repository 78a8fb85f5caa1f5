"""The money block's breakdowns (red team rt14-a D4, D7): a 部门整体 table lists its
年度资金总额 twice over — 按收入性质分 (财政拨款 / 其他资金) and 按支出性质分 (基本支出 /
项目支出) — each its own sum against the total; and JX304 says which lines it added."""

import pytest
from test_real_shapes import QUALITATIVE_MET, checked, codes, medical_insurance

TOTAL = ("年度资金总额", 1200, 1350, 1296, 10, "96%", 9.6)


def _line(label, budget, executed):
    return (label, None, budget, executed, "—", None, "—")


def _split_table(tmp_path, income=(1250, 1200, 100, 96), expense=(850, 845, 500, 451),
                 headings=True, name="t.xlsx"):
    """A 部门整体 money block: 年度资金总额 1350 / 1296, then 财政拨款 + 其他资金 and
    基本支出 + 项目支出 ((budget, executed) of each pair), under their headings or not;
    ``headings="with-total"``: each heading restates the total's amounts beside it."""
    def heading(text):
        return [(text, None, 1350, 1296)] if headings == "with-total" else \
            [(text,)] if headings else []
    money = [TOTAL,
             *heading("按收入性质分："),
             _line("其中：财政拨款", *income[:2]), _line("其他资金", *income[2:]),
             *heading("按支出性质分："),
             _line("其中：基本支出" if headings else "基本支出", *expense[:2]),
             _line("项目支出", *expense[2:])]
    return checked(medical_insurance(tmp_path / name, QUALITATIVE_MET, 99.6, money=money))


@pytest.mark.parametrize("headings", [True, "with-total", False],
                         ids=["headed", "headed-with-total", "not-headed"])
def test_two_breakdowns_that_add_up_are_silent(tmp_path, headings):
    """Each breakdown adds up to 1350 / 1296 on its own (never the two together: 2 × 1296).
    A heading that restates the total beside it (按收入性质分 | 1350 | 1296) is a heading
    still (before: it ended the money block, no line under it was read or checked)."""
    table, data = _split_table(tmp_path, headings=headings)
    assert [(line.label, line.split) for line in table.funds.parts][2:] == [
        ("基本支出", "按支出性质分"), ("项目支出", "按支出性质分")]
    if headings:
        assert [line.split for line in table.funds.parts][:2] == ["按收入性质分"] * 2
    assert table.funds.total.executed == 1296
    assert "JX304" not in codes(data)


def test_an_income_breakdown_off_is_flagged_by_its_name(tmp_path):
    """R4: 财政拨款 1200 + 其他资金 86 = 1286 under 按收入性质分：, total 1296 (before: the
    heading row ended the money block, no JX304)."""
    _, data = _split_table(tmp_path, income=(1250, 1200, 100, 86))
    assert [(item["code"], item["cell"].split("!")[-1], item["message"])
            for item in data["findings"] if item["code"] == "JX304"] == [
        ("JX304", "E3", "全年执行数（按收入性质分）：各明细合计 1286（财政拨款 1200 + 其他资金 86），"
                        "年度资金总额为 1296")]


@pytest.mark.parametrize("headings", [True, "with-total", False],
                         ids=["headed", "headed-with-total", "not-headed"])
def test_an_expense_breakdown_off_is_flagged_by_its_name(tmp_path, headings):
    """R4b / t2m: 基本支出 845 + 项目支出 401 = 1246 ≠ 1296, the 收入性质 lines right."""
    _, data = _split_table(tmp_path, expense=(850, 845, 500, 401), headings=headings)
    assert [item["message"] for item in data["findings"] if item["code"] == "JX304"] == [
        "全年执行数（按支出性质分）：各明细合计 1246（基本支出 845 + 项目支出 401），"
        "年度资金总额为 1296"]


def test_both_breakdowns_off_give_one_finding_each(tmp_path):
    _, data = _split_table(tmp_path, income=(1250, 1200, 90, 86), expense=(850, 845, 500, 401))
    assert [item["message"].split("：")[0] for item in data["findings"]
            if item["code"] == "JX304"] == [
        "全年预算数（按收入性质分）", "全年执行数（按收入性质分）", "全年执行数（按支出性质分）"]


def _sources_table(tmp_path, other, name="t.xlsx"):
    """R7: 年度资金总额 98.5 spent = 中央补助 60 + 地方资金 37.5 + 其他资金 ``other``."""
    money = [("年度资金总额", 100, 100, 98.5, 10, "98.50%", 9.85),
             ("其中：中央补助", 60, 60, 60, "—", "100%", "—"),
             ("地方资金", 40, 40, 37.5, "—", "93.75%", "—"),
             ("其他资金", 0, 0, other, "—", "—", "—")]
    rows = [(*row[:6], row[5], row[7]) for row in QUALITATIVE_MET]
    return checked(medical_insurance(tmp_path / name, rows, 99.85, money=money))


def test_the_sum_of_the_sources_is_the_sum_shown(tmp_path):
    """Before: “各明细合计 0” — only the 其他资金 line was added in the message."""
    _, data = _sources_table(tmp_path, 0)
    assert [item["message"] for item in data["findings"] if item["code"] == "JX304"] == [
        "全年执行数：各明细合计 97.5（中央补助 60 + 地方资金 37.5 + 其他资金 0），年度资金总额为 98.5"]


def test_sources_that_add_up_are_silent(tmp_path):
    """R7ok: 60 + 37.5 + 1 = 98.5 (the 1 spent without a budget is JX303's)."""
    _, data = _sources_table(tmp_path, 1)
    assert "JX304" not in codes(data)


def test_sources_of_the_appropriation_within_a_breakdown(tmp_path):
    """按收入性质分：财政拨款 1200 (其中：中央补助 700, 地方资金 500) + 其他资金 96: the
    sources break down the 财政拨款 above them, within the breakdown as outside it; a
    source off is found at the 财政拨款."""
    def table(local, name):
        money = [TOTAL, ("按收入性质分：",), _line("财政拨款", 1250, 1200),
                 _line("其中：中央补助", 750, 700), _line("地方资金", 500, local),
                 _line("其他资金", 100, 96), ("按支出性质分：",),
                 _line("基本支出", 850, 845), _line("项目支出", 500, 451)]
        return checked(medical_insurance(tmp_path / name, QUALITATIVE_MET, 99.6, money=money))
    assert "JX304" not in codes(table(500, "ok.xlsx")[1])
    _, data = table(490, "wrong.xlsx")
    assert [item["message"] for item in data["findings"] if item["code"] == "JX304"] == [
        "全年执行数（按收入性质分）：“财政拨款”下按来源分列的合计 1190，“财政拨款”为 1200"]


def test_a_project_heading_right_below_the_money_is_no_money_line(tmp_path):
    """A row 项目支出绩效目标完成情况 (no amount) under the money lines is not 项目支出."""
    money = [("年度资金总额", 30, 30, 30, 10, "100%", 10), ("财政拨款", 30, 30, 30, "—", None, "—"),
             ("项目支出绩效目标完成情况",)]
    table, data = checked(medical_insurance(tmp_path / "t.xlsx", QUALITATIVE_MET, 100,
                                            money=money))
    assert [line.label for line in table.funds.parts] == ["财政拨款"]
    assert codes(data) == []


def _budgets_table(tmp_path, lines, name="t.xlsx"):
    """年度资金总额 1350 / 1296 over the given 其中 lines ((label, budget, executed))."""
    money = [TOTAL, *(_line(*line) for line in lines)]
    return checked(medical_insurance(tmp_path / name, QUALITATIVE_MET, 99.6, money=money))


@pytest.mark.parametrize("marked", ["  其中：一般公共预算", "一般公共预算"],
                         ids=["second-qizhong", "budget-under-fiscal"])
def test_the_budgets_a_fiscal_line_comes_from_are_its_parts(tmp_path, marked):
    """财政拨款 1250 / 1200, 其中 一般公共预算 1000 / 960 + 政府性基金 250 / 240, then 其他资金
    100 / 96: a 其中 within the 其中 (or the budgets listed right under 财政拨款) break
    down the 财政拨款, not the total (before: JX304 ×2, 各明细合计 2600 and 2496)."""
    lines = [("其中：财政拨款", 1250, 1200), (marked, 1000, 960), ("政府性基金", 250, 240),
             ("其他资金", 100, 96)]
    table, data = _budgets_table(tmp_path, lines)
    assert [line.nested for line in table.funds.parts] == [False, True, True, False]
    assert "JX304" not in codes(data)
    lines[2] = ("政府性基金", 250, 230)
    _, data = _budgets_table(tmp_path, lines, "wrong.xlsx")
    assert [item["message"] for item in data["findings"] if item["code"] == "JX304"] == [
        "全年执行数：“财政拨款”下按来源分列的合计 1190，“财政拨款”为 1200"]


def test_lines_each_marked_qizhong_are_still_the_totals_parts(tmp_path):
    """其中：财政拨款 / 其中：上年结转 / 其中：其他资金 — each a part of the total: a wrong
    其他资金 is still found against the total."""
    lines = [("其中：财政拨款", 1250, 1200), ("其中：上年结转", 0, 0), ("其中：其他资金", 100, 96)]
    table, data = _budgets_table(tmp_path, lines)
    assert not any(line.nested for line in table.funds.parts)
    assert "JX304" not in codes(data)
    lines[2] = ("其中：其他资金", 1350, 96)
    _, data = _budgets_table(tmp_path, lines, "wrong.xlsx")
    assert [item["message"] for item in data["findings"] if item["code"] == "JX304"] == [
        "全年预算数：各明细合计 2600（财政拨款 1250 + 上年结转 0 + 其他资金 1350），年度资金总额为 1350"]


def test_budgets_listed_as_the_totals_own_parts_still_add_up_to_it(tmp_path):
    """一般公共预算 + 政府性基金 + 其他资金 with no 财政拨款 line above: the total's parts."""
    lines = [("其中：一般公共预算", 1000, 960), ("政府性基金", 300, 240), ("其他资金", 100, 96)]
    table, data = _budgets_table(tmp_path, lines)
    assert not any(line.nested for line in table.funds.parts)
    assert [item["message"] for item in data["findings"] if item["code"] == "JX304"] == [
        "全年预算数：各明细合计 1400（一般公共预算 1000 + 政府性基金 300 + 其他资金 100），年度资金总额为 1350"]


def test_a_money_block_of_many_lines_is_not_searched_for_nestings():
    """The nesting search recurses once a line: 1,200 lines raised RecursionError and the
    file stopped (review of rt25); past ``_NESTED_LINES`` lines no nesting is looked for."""
    from jixiao.checks.money import own_parts

    assert own_parts([1.0] * 1200, 1000.0) is None
    assert own_parts([400.0, 250.0, 150.0, 600.0], 1000.0) == frozenset({1, 2})
