"""子洲县 2023's money header writes the 执行率 twice: 年初预算数 | 全年执行数 | 全年执行率 |
分值 | 执行率 | 得分 — the unit's 全年执行率 from the money, and the 执行率 the 分值 and 得分
stand beside. Both are checked against 全年执行数 ÷ 年初预算数 (no 全年预算数 column), at
the rounding each cell shows (JX301), and where the amounts give no rate a disagreement
between them is flagged at the second."""

import pytest
from test_real_shapes import checked
from workbooks import Book

# (一级, 二级, 三级, 年度指标值, 实际完成值, 分值, 得分, 未完成原因分析): full marks, 90 points
# (产出 50, 效益 30, 满意度 10: the default weights)
ROWS = [
    ("产出指标", "数量指标", "城乡居民医保参保人数", "≥25万人", "25万人", 20, 20, None),
    ("产出指标", "质量指标", "经办业务差错率", "≤1%", "0.5%", 20, 20, None),
    ("产出指标", "时效指标", "项目完成时限", "2023年12月31日前", "2023年12月31日前", 10, 10, None),
    ("效益指标", "社会效益指标", "城乡居民医保覆盖率", "≥95%", "96%", 30, 30, None),
    ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "92%", 10, 10, None),
]


_ZIZHOU_HEADER = ("年初预算数", "全年执行数", "全年执行率", "分值", "执行率", "得分")


def _zizhou(path, first, second, *, executed="28.5 万元", score=9.5, total="99.5 分",
            header=_ZIZHOU_HEADER):
    """The 子洲 form: money rows 5 (年度资金总额) and 6 (其中:财政拨款), 全年执行率 in E,
    分值 F, the second 执行率 in G, 得分 H; A = 年初预算数 30 万元."""
    book = Book()
    sheet = book.sheet("自评表")
    sheet.title("项目支出绩效自评表", "(2023 年度)")
    row = sheet.line("项目名称", None, "医疗保障经办和服务能力提升")
    sheet.merge(row, 1, 2)
    sheet.money([("年度资金总额", "30 万元", executed, first, 10, second, score),
                 ("其中:财政拨款", "30 万元", executed, first, "—", second, "—"),
                 ("其他资金", None, None, None, "—", None, "—")],
                header=header,
                label="项目资金 (万元)")
    sheet.indicators(ROWS, header=("一级指标", "二级指标", "三级指标", "年度指标值",
                                   "实际完成值", "分值", "得分", "未完成原因分析"))
    sheet.total("100 分", total)
    sheet.grade("优")
    return book.save(path)


def _found(data):
    return sorted((item["code"], item["cell"]) for item in data["findings"])


@pytest.mark.parametrize(("first", "second", "executed", "score", "total", "expected"), [
    # 28.5 ÷ 30 = 95%, 得分 10 × 0.95 = 9.5, 总分 90 + 9.5 = 99.5: both right
    ("95%", "95%", "28.5 万元", 9.5, "99.5 分", []),
    # the second wrong (90% for 95%): was unchecked, no finding at all
    ("95%", "90%", "28.5 万元", 9.5, "99.5 分", [("JX301", "G5"), ("JX301", "G6")]),
    # the first wrong: found as before
    ("90%", "95%", "28.5 万元", 9.5, "99.5 分", [("JX301", "E5"), ("JX301", "E6")]),
    # 28.44 ÷ 30 = 94.8%: whole percents 95% (rounded) and 94% (cut) both stand for it,
    # 96% does not; 得分 10 × 0.948 = 9.48, 总分 99.48
    ("95%", "94%", "28.44 万元", 9.48, "99.48 分", []),
    ("95%", "96%", "28.44 万元", 9.48, "99.48 分", [("JX301", "G5"), ("JX301", "G6")]),
], ids=["都对", "第二栏错", "第一栏错", "取整都可", "第二栏取整错"])
def test_both_rates_are_checked_against_the_money(tmp_path, first, second, executed, score,
                                                 total, expected):
    _, data = checked(_zizhou(tmp_path / "z.xlsx", first, second, executed=executed,
                              score=score, total=total))
    assert _found(data) == expected, data["findings"]


def test_the_second_rate_is_named_in_its_message(tmp_path):
    """The finding at G5 says which 执行率 it is and what it should be (28.5 ÷ 30 = 95%)."""
    _, data = checked(_zizhou(tmp_path / "z.xlsx", "95%", "90%"))
    [message] = [item["message"] for item in data["findings"] if item["cell"] == "G5"]
    assert "90%" in message and "应为 95%" in message and "年初预算数 30" in message, message
    assert "全年执行率" in message, message  # the other one, written right, named beside


def test_two_rates_that_disagree_without_the_money_are_flagged(tmp_path):
    """No 全年执行数 (JX309 says so): the rate cannot be computed, yet 95% and 90% on one
    line cannot both be right — flagged at the second (G5, G6), naming the first."""
    _, data = checked(_zizhou(tmp_path / "z.xlsx", "95%", "90%", executed=None))
    flagged = [item for item in data["findings"] if item["code"] == "JX301"]
    assert sorted(item["cell"] for item in flagged) == ["G5", "G6"], data["findings"]
    assert "95%" in flagged[0]["message"] and "90%" in flagged[0]["message"]


# rt27 r5 c6f: spent over the budget, 31.5 ÷ 30 = 105%; the 执行率 the 分值 and 得分 stand
# beside may show the rate the score is capped at (100%: 得分 10, not 10.5), 总分 90 + 10 = 100
@pytest.mark.parametrize(("first", "second", "expected"), [
    ("105%", "100%", []), ("105%", "105%", []),
    ("100%", "100%", [("JX301", "E5"), ("JX301", "E6")]),  # the 全年执行率 is B ÷ A itself
], ids=["第二栏封顶", "两栏105", "全年执行率封顶"])
def test_the_rate_beside_the_points_may_show_the_capped_rate(tmp_path, first, second, expected):
    """Before: JX301 at G5, G6 “执行率（全年执行率写为 105%）写为 100%，… 应为 105%”."""
    _, data = checked(_zizhou(tmp_path / "z.xlsx", first, second, executed="31.5 万元",
                              score=10, total="100 分"))
    assert [found for found in _found(data) if found[0] == "JX301"] == expected, data["findings"]


# rt27 r5 c6c: a 序时进度 benchmark beside the rate is not B ÷ A (100% at year end)
@pytest.mark.parametrize("schedule", ["序时进度执行率", "时间进度", "序时进度"])
def test_a_time_schedule_column_is_no_rate(tmp_path, schedule):
    """Before: JX301 at G5 “序时进度执行率（执行率写为 95%）写为 100%，按 全年执行数 28.5 ÷
    年初预算数 30 应为 95%”. The 序时进度 (the share of the year gone) is no 执行率:
    28.5 ÷ 30 = 95% in 执行率, 得分 9.5, 总分 99.5 — nothing to report."""
    _, data = checked(_zizhou(tmp_path / "z.xlsx", "95%", "100%", header=(
        "年初预算数", "全年执行数", "执行率", "分值", schedule, "得分")))
    assert _found(data) == [], data["findings"]


def test_a_capped_rate_beside_an_over_budget_one_is_no_disagreement(tmp_path):
    """No 全年执行数: 105% (全年执行率) and 100% beside the 分值 (the capped one the score
    counts) can both be right — not flagged as disagreeing."""
    _, data = checked(_zizhou(tmp_path / "z.xlsx", "105%", "100%", executed=None, score=10,
                              total="100 分"))
    assert [found for found in _found(data) if found[0] == "JX301"] == [], data["findings"]
