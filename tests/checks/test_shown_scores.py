"""Scores computed by the unit's own formulas without ROUND, shown to 2 decimals (red team
rt30): a reviewer reads and adds what the cells show. 14.2105… shown 14.21 is the rules'
14.21, not a score off the rules; the 总分 =SUM(…) that shows 89.99 under scores that
show 90.00 is the mistake, said at the 总分 with the numbers shown. A score left blank
that the rules give is listed among the scores off the rules (JX502)."""

from __future__ import annotations

import pytest
from workbooks import Book, Formula, Percent, standard_sheet

from jixiao.checks import run_checks
from jixiao.model import evaluate
from jixiao.read.workbook import read_tables
from jixiao.report.result import CheckedTable
from jixiao.report.text import total_line

REASON = "部分老人随子女外出，服务人数减少；下年度加强摸底"

# Rows 9–15 (H: 得分), the money's 得分 H6, the 总分 H16, the 评分等级 B17. By the rules:
# 执行率 98.888% → 9.89; 18.35, 14.21 (15 × 90 ÷ 95), 5, 6.67 (10 × (1 − 1/3)), 15.99 (部分
# 达成, 16 at most, as written), 10, 9.89 (10 × 89 ÷ 90): 90.00, 优. The cells hold the
# unrounded results and show them to 2 decimals: the same numbers, adding to 90.00; the
# 总分 =SUM(H9:H15)+H6 adds what they hold, 89.994881871, and shows 89.99.
ROWS = [
    ("产出指标", "数量指标", "服务老年人数", "≥1200", "1101", 20,
     Formula("=G9*1101/1200", 18.35), REASON),
    ("产出指标", "质量指标", "服务合格率", "≥95%", "90%", 15,
     Formula("=G10*0.9/0.95", 14.210526315789474), REASON),
    ("产出指标", "时效指标", "资金拨付及时率", "＝100%", "100%", 5, 5, None),
    ("产出指标", "成本指标", "平均响应时间", "≤3小时", "4小时", 10,
     Formula("=G12*(1-(4-3)/3)", 6.666666666666667), REASON),
    ("效益指标", "社会效益指标", "老年人生活质量", "明显提升", "部分达成", 20, 15.99,
     "部分街道服务覆盖不足，下年扩大覆盖"),
    ("效益指标", "可持续影响指标", "服务长效机制", "建立健全", "已建立", 10, 10, None),
    ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "89%", 10,
     Formula("=G15*89/90", 9.88888888888889), REASON),
]
MONEY = [("年度资金总额", 100, 100, 98.888, 10, Formula("=E6/D6", 0.98888),
          Formula("=F6*G6", 9.8888)),
         ("其中：当年财政拨款", 100, 100, 98.888, "—", Percent(0.98888), "—")]
TOTAL = Formula("=SUM(H9:H15)+H6", 89.994881871345)


def _table(tmp_path, grade, rows=ROWS, total=TOTAL):
    book = Book()
    sheet = standard_sheet(book.sheet(), rows=rows, money=MONEY, total=(100, total),
                           grade=grade)
    sheet.ws["G6"].number_format = "0.00%"
    for row in (6, *range(9, 17)):
        sheet.ws[f"H{row}"].number_format = "0.00"
    (table,) = read_tables(book.save(tmp_path / "t.xlsx"))
    return table


def _found(table):
    evaluation = evaluate(table)
    return evaluation, [(f.code, f.cell, f.message) for f in run_checks(table, evaluation)]


TAILS = ("总分写为 89.99，各项得分之和为 90（按各单元格显示的数相加；H6 显示 9.89，单元格中为 "
         "9.8888，总分按未四舍五入的数相加为 89.99，得分宜用 ROUND(…,2) 计算）")


@pytest.mark.parametrize(("grade", "after"), [
    ("优", "；评分等级“优”与各项得分之和相符，不需改动"),
    ("良", "；总分改正后，评分等级应随之改为“优”"),
])
def test_unrounded_scores_shown_as_the_rules_give_them_put_the_finding_on_the_total(
        tmp_path, grade, after):
    table = _table(tmp_path, grade)
    evaluation, found = _found(table)
    assert (evaluation.total, evaluation.grade) == (90, "优")
    assert found == [("JX501", "H16", TAILS + after)]


def test_the_report_shows_the_total_as_its_cell_does(tmp_path):
    table = _table(tmp_path, "优")
    line = total_line(CheckedTable(table, evaluate(table), []))
    assert line.startswith("总分 填报 89.99 / 计算 90；")


def test_a_total_typed_as_the_scores_show_is_right(tmp_path):
    """Neighbour: the same scores, the 总分 typed 90 as the scores shown add up — no
    finding (before: JX501 “各项得分之和为 89.99”, the sum of what the cells hold)."""
    assert _found(_table(tmp_path, "优", total=90))[1] == []


def test_a_blank_score_the_rules_give_is_listed(tmp_path):
    """资金拨付及时率 (5 by the rules) left blank, 服务合格率 typed 15 (rules 14.21), the 总分
    typed as the rest show, 85.79, and graded 良: by the rules 90, 优. JX502 lists both
    rows — the blank one as 未填 — and JX406 says the blank. (A blank 定性 row, 服务长效
    机制 达成, would leave the rules 88–90 across its band 8–10: 良 may stand.)"""
    rows = [*ROWS[:1], (*ROWS[1][:6], 15, ROWS[1][7]), (*ROWS[2][:6], None, None), *ROWS[3:]]
    _, found = _found(_table(tmp_path, "良", rows=rows, total=85.79))
    assert ("JX406", "H11", "“资金拨付及时率”未填写得分") in found
    assert ("JX502", "B17",
            "按财政部规则计算总分 90，评分等级应为“优”（填报“良”，总分填报 85.79）；各项得分与规则"
            "相差：H10 15（规则 14.21）、H11 未填（规则 5）") in found



# The unit's own formulas without ROUND under General (red team rt33 r10 a9e): the cells
# show 9.8888, 6.666666667 and 9.888888889, not 9.89, 6.67 and 9.89. By the rules 9.89 +
# 18.35 + 14.21 + 5 + 6.67 + 14 + 10 + 9.89 = 88.01, 良; the 总分 =SUM(H9:H15)+H6 adds what
# the cells show, 88.004355556 — their sum, not a 总分 added wrong (before: JX501 “总分写为
# 88，各项得分之和为 88.01”, as if General showed 2 decimals). Each unrounded score is said
# where it is (JX302, JX404), as when typed so.
GENERAL_ROWS = [ROWS[0], (*ROWS[1][:6], 14.21, ROWS[1][7]), ROWS[2], ROWS[3],
                (*ROWS[4][:6], 14, ROWS[4][7]), *ROWS[5:]]
GENERAL_TOTAL = Formula("=SUM(H9:H15)+H6", 88.00435555555555)


def _general(tmp_path, typed=False):
    book = Book()
    money, rows = MONEY, GENERAL_ROWS
    if typed:  # the same numbers typed
        money = [(*MONEY[0][:6], 9.8888), MONEY[1]]
        rows = [(*row[:6], row[6].cached if isinstance(row[6], Formula) else row[6], row[7])
                for row in rows]
    sheet = standard_sheet(book.sheet(), rows=rows, money=money, total=(100, GENERAL_TOTAL),
                           grade="良")
    sheet.ws["G6"].number_format = "0.00%"
    (table,) = read_tables(book.save(tmp_path / "t.xlsx"))
    return table


@pytest.mark.parametrize("typed", [False, True])
def test_unrounded_scores_under_general_are_said_where_they_are_not_at_the_total(
        tmp_path, typed):
    evaluation, found = _found(_general(tmp_path, typed))
    assert (evaluation.total, evaluation.grade) == (88.01, "良")
    hint = "" if typed else "；得分公式宜用 ROUND(…,2) 计算"
    assert found == [
        ("JX302", "H6", f"执行率得分 9.8888 未保留两位小数，按分值 10 × 执行率 98.89% 应为 9.89{hint}"),
        ("JX404", "H12", "“平均响应时间”得分 6.666666667 未保留两位小数，按财政部规则应为 6.67"
                         "（反向指标：分值 × (1 − (实际完成值 − 年度指标值) ÷ 年度指标值)）"
                         f"{hint}"),
        ("JX404", "H15", "“服务对象满意度”得分 9.888888889 未保留两位小数，按财政部规则应为 9.89"
                         f"（正向指标：分值 × 实际完成值 ÷ 年度指标值）{hint}"),
    ]


def test_the_report_shows_a_general_total_as_it_stands(tmp_path):
    table = _general(tmp_path)
    line = total_line(CheckedTable(table, evaluate(table), []))
    assert line.startswith("总分 填报 88.004355556 / 计算 88.01；")
