"""Scores a person rounds by hand: a reverse tie rounds up (5.745 → 5.75), and a formula
that rounds to full marks on a target not met (3.995 → 4.00) is right as written; months
a person counts in days as 30 each (≤3个月 → 90天) are right too."""

from workbooks import standard

from jixiao.checks import run_checks
from jixiao.model import evaluate
from jixiao.read.workbook import read_tables

MONEY = [("年度资金总额", 100, 100, 100, 10, 100, 10),
         ("其中：当年财政拨款", 100, 100, 100, "—", 100, "—")]


def _checked(path, rows, total, grade):
    standard(path, rows=rows, money=MONEY, total=(100, total), grade=grade)
    [table] = read_tables(path)
    evaluation = evaluate(table)
    return evaluation, [(f.code, f.where, f.message) for f in run_checks(table, evaluation)
                        if f.severity == "error"]


def test_a_table_with_a_reverse_tie_rounded_by_hand_totals_90_and_is_graded_excellent(tmp_path):
    rows = [
        ("产出指标", "数量指标", "维修设备台数", "≥50台", "50台", 20, 20, None),
        ("产出指标", "成本指标", "单台维修成本", "≤10万元", "16.17万元", 15, 5.75,
         "进口配件涨价；改进措施：国产替代"),
        ("产出指标", "质量指标", "维修合格率", "≥95%", "96%", 15, 15, None),
        ("效益指标", "社会效益指标", "设备完好率", "≥90%", "95%", 30, 30, None),
        ("满意度指标", "服务对象满意度指标", "使用单位满意度", "≥80%", "74%", 10, 9.25,
         "维修等待时间长；改进措施：增加维修人员"),
    ]
    evaluation, errors = _checked(tmp_path / "t.xlsx", rows, 90, "优")
    assert [score.value for score in evaluation.scores] == [20, 5.75, 15, 30, 9.25]
    assert (evaluation.total, evaluation.grade) == (90.0, "优")
    assert errors == []


def test_a_tie_on_an_area_in_another_unit_totals_90_and_is_graded_excellent(tmp_path):
    """rt32 E_rural_90: ≥100亩 done 6.5公顷 is 97.5 亩, 5 × 0.975 = 4.875 → 4.88 by hand;
    jixiao gave 4.87, the 总分 89.99 and a false JX502 (等级应为“良”)."""
    rows = [
        ("产出指标", "数量指标", "高标准农田建设面积", "≥100亩", "6.5公顷", 5, 4.88,
         "部分地块调整；改进措施：次年补建"),
        ("产出指标", "数量指标", "产业道路", "≥5公里", "2.53公里", 20, 10.12,  # 20 × 2.53 ÷ 5
         "征地延误；改进措施：提前协调"),
        ("产出指标", "质量指标", "验收合格率", "100%", "100%", 10, 10, None),
        ("效益指标", "社会效益指标", "受益农户", "≥500户", "520户", 40, 40, None),
        ("满意度指标", "服务对象满意度指标", "农户满意度", "≥90%", "92%", 15, 15, None),
    ]
    evaluation, errors = _checked(tmp_path / "t.xlsx", rows, 90, "优")
    assert [score.value for score in evaluation.scores] == [4.88, 10.12, 10, 40, 15]
    assert (evaluation.total, evaluation.grade) == (90.0, "优")  # 10 + 4.88 + 10.12 + 65
    assert errors == []


SHORT = "按公式四舍五入"


def _near_full(score_1, score_2, actual_2="79.9%"):
    return [
        ("产出指标", "数量指标", "养护里程", "≥200公里", "200公里", 40, 40, None),
        ("产出指标", "时效指标", "故障修复时长", "≤40小时", "40.02小时", 5, score_1,
         "抢修配件晚到；改进措施：备足配件"),
        ("效益指标", "经济效益指标", "路面优良率", "≥80%", actual_2, 4, score_2,
         "部分路段老化；改进措施：加快翻修"),
        ("效益指标", "社会效益指标", "通行便利度", "≥90%", "95%", 31, 31, None),
        ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "90%", 10, 10, None),
    ]


def test_full_marks_the_formula_rounds_to_are_right_as_written(tmp_path):
    """4.9975 and 3.995 round to 5.00 and 4.00: written so, no JX402, total as written."""
    evaluation, errors = _checked(tmp_path / "t.xlsx", _near_full(5, 4), 100, "优")
    assert errors == []
    assert [score.value for score in evaluation.scores][1:3] == [5.0, 4.0]
    assert [score.met for score in evaluation.scores][1:3] == [False, False]
    assert SHORT in evaluation.scores[2].note and "财政部" not in evaluation.scores[2].note
    assert evaluation.total == 100.0


def test_full_marks_less_001_are_right_too_and_the_total_follows_them(tmp_path):
    evaluation, errors = _checked(tmp_path / "t.xlsx", _near_full(4.99, 3.99), 99.98, "优")
    assert errors == []
    assert [score.value for score in evaluation.scores][1:3] == [4.99, 3.99]
    assert evaluation.total == 99.98


def test_full_marks_where_the_formula_gives_clearly_less_is_still_jx402(tmp_path):
    """≥80% done 79.7%: 3.985 → 3.99, below full marks after rounding: full marks are wrong."""
    _, errors = _checked(tmp_path / "t.xlsx", _near_full(5, 4, "79.7%"), 100, "优")
    assert errors == [("JX402", "自评表!H11",
                       "“路面优良率”未达到指标值（指标值 ≥80%，完成值 79.7%），却得满分 4，"
                       "按财政部规则应为 3.99（正向指标：分值 × 实际完成值 ÷ 年度指标值）")]


def _unrounded(score):
    """执行率得分 10 + 20 + 15 + 15 + 就业率 + 10; 30 × 53.32 ÷ 80 = 19.995, 20 kept to 2
    decimals: the rules' total is 90."""
    return [
        ("产出指标", "数量指标", "培训人次", "≥500人次", "520人次", 20, 20, None),
        ("产出指标", "质量指标", "培训合格率", "≥95%", "96%", 15, 15, None),
        ("产出指标", "时效指标", "培训完成时间", "2024年12月31日前", "2024年11月完成", 15, 15, None),
        ("效益指标", "社会效益指标", "学员就业率", "≥80%", "53.32%", 30, score,
         "部分学员升学；改进措施：加强就业指导"),
        ("满意度指标", "服务对象满意度指标", "学员满意度", "≥95%", "96%", 10, 10, None),
    ]


def _all_findings(path, rows, total, grade):
    standard(path, rows=rows, money=MONEY, total=(100, total), grade=grade)
    [table] = read_tables(path)
    return [(f.code, f.cell, f.message) for f in run_checks(table, evaluate(table))]


def test_an_unrounded_score_and_total_are_quoted_as_written(tmp_path):
    """rt25: 19.995 typed for the rules' 20, 总分 89.995, 评分等级 良. The grade reads the
    总分 to 2 decimals (90, 优) — said with the 89.995 the reviewer finds in the cell, not
    a “总分 90” the table does not show; the unrounded score is a JX404 of its own."""
    found = _all_findings(tmp_path / "t.xlsx", _unrounded(19.995), 89.995, "良")
    assert found == [
        ("JX404", "H12", "“学员就业率”得分 19.995 未保留两位小数，按财政部规则应为 20（正向指标："
                         "分值 × 实际完成值 ÷ 年度指标值）"),
        ("JX502", "B15", "评分等级写为“良”，总分 89.995 应为“优”（总分保留两位小数为 90）")]


def test_a_score_shown_to_two_decimals_or_kept_to_them_is_no_unrounded_jx404(tmp_path):
    """Neighbours that must not change: 19.995 in a cell formatted 0.00 shows 20.00, as the
    table prints it; 19.99 typed is 0.01 off, within JX404's tolerance (the grade it moves
    is JX502's, as before)."""
    import openpyxl

    path = standard(tmp_path / "f.xlsx", rows=_unrounded(19.995), money=MONEY,
                    total=(100, 90), grade="优")
    book = openpyxl.load_workbook(path)
    book["自评表"]["H12"].number_format = "0.00"
    book.save(path)
    [table] = read_tables(path)
    assert run_checks(table, evaluate(table)) == []
    found = _all_findings(tmp_path / "t.xlsx", _unrounded(19.99), 89.99, "良")
    assert [(code, cell) for code, cell, _ in found] == [("JX502", "B15")]


def _formatted(tmp_path, score, number_format, total, grade, actual="53.32%"):
    """_unrounded's table with the 就业率 score (H12) under ``number_format``."""
    from workbooks import Book, standard_sheet

    rows = [(*row[:4], actual, *row[5:]) if row[2] == "学员就业率" else row
            for row in _unrounded(score)]
    book = Book()
    sheet = standard_sheet(book.sheet(), rows=rows, money=MONEY, total=(100, total),
                           grade=grade)
    sheet.ws["H12"].number_format = number_format
    [table] = read_tables(book.save(tmp_path / f"{number_format}.xlsx"))
    return [(f.code, f.cell, f.message) for f in run_checks(table, evaluate(table))]


RULE = "（正向指标：分值 × 实际完成值 ÷ 年度指标值）"


def test_a_format_showing_three_decimals_shows_the_unrounded_score(tmp_path):
    """rt25 j2: 19.995 under 0.000 is printed 19.995, as under General: JX404."""
    assert _formatted(tmp_path, 19.995, "0.000", 90, "优") == [
        ("JX404", "H12", f"“学员就业率”得分 19.995 未保留两位小数，按财政部规则应为 20{RULE}")]


def test_a_format_showing_fewer_decimals_is_judged_as_it_shows_the_score(tmp_path):
    """rt25 j2: 30 × 52 ÷ 80 = 19.5, typed right, but the cell formatted 0 prints 20 — the
    table on paper gives full marks to a target not met."""
    assert _formatted(tmp_path, 19.5, "0", 89.5, "良", actual="52%") == [
        ("JX404", "H12", "“学员就业率”得分显示为 20（单元格中为 19.5，单元格格式只显示整数），"
                         f"按财政部规则应为 19.5{RULE}")]
    assert _formatted(tmp_path, 19.5, "#,##0", 89.5, "良", actual="52%")[0][2].startswith(
        "“学员就业率”得分显示为 20（单元格中为 19.5，")


def test_a_format_that_shows_the_score_as_the_rules_give_it_is_silent(tmp_path):
    """Neighbours that must not change: 19.5 under 0.0 shows 19.5; 20 under 0 shows 20 (a
    target met); 19.995 under 0 shows the rules' 20."""
    assert _formatted(tmp_path, 19.5, "0.0", 89.5, "良", actual="52%") == []
    assert _formatted(tmp_path, 30, "0", 100, "优", actual="85%") == []
    assert _formatted(tmp_path, 19.995, "0", 90, "优") == []


def test_a_formula_score_under_a_format_showing_fewer_decimals_is_judged_as_shown(tmp_path):
    """The unit's own =ROUND(…,2) gives 19.5, the cell formatted 0 prints 20: the same
    JX404 as typed (what the reviewer reads is the printed 20)."""
    from workbooks import Formula

    found = _formatted(tmp_path, Formula("=ROUND(F12*52/80,2)", 19.5), "0", 89.5, "良",
                       actual="52%")
    assert found == [
        ("JX404", "H12", "“学员就业率”得分显示为 20（单元格中为 19.5，单元格格式只显示整数），"
                         f"按财政部规则应为 19.5{RULE}")]


def test_full_marks_of_a_weight_with_three_decimals_are_no_unrounded_score(tmp_path):
    """A 分值 of 3 decimals (90 shared by many indicators: 7.333) earns full marks of 7.333
    — no “未保留两位小数” (7.33 would fall short of full marks); the score above 2 decimals
    is reported only where the 分值 keeps to 2."""
    rows = [("产出指标", "数量指标", f"指标{i}", "≥10个", "10个", 7.333, 7.333, None)
            for i in range(1, 4)]
    found = _all_findings(tmp_path / "t.xlsx", rows, None, None)
    assert not [item for item in found if item[0] == "JX404"]


def _month_rows(written):
    """≤3个月 answered 100天 (5 points): jixiao's average month gives 4.52, 30-day months
    4.44, 28- and 31-day months 4.05 and 4.62."""
    return [("产出指标", "时效指标", "审批周期", "≤3个月", "100天", 5, written, "材料补正耗时；改进……"),
            ("产出指标", "数量指标", "户数", "≥100户", "100户", 45, 45, None),
            ("效益指标", "社会效益指标", "受益人数", "≥300人", "320人", 30, 30, None),
            ("满意度指标", "服务对象满意度指标", "满意度", "≥90%", "95%", 10, 10, None)]


def _month_findings(path, written):
    standard(path, rows=_month_rows(written), money=MONEY, total=(100, 95 + written),
             grade="优")
    [table] = read_tables(path)
    evaluation = evaluate(table)
    return evaluation, [(f.code, f.where, f.message) for f in run_checks(table, evaluation)]


def test_months_counted_as_30_days_are_right_as_written(tmp_path):
    """rt26 g p11: 4.44 (a unit's 30-day months) was a JX404 “应为 4.52” no reviewer could
    reproduce; any score a month of 28–31 days gives is the rules' too, and the total
    counts it as written."""
    evaluation, found = _month_findings(tmp_path / "t.xlsx", 4.44)
    assert found == []
    assert (evaluation.scores[0].value, evaluation.total) == (4.44, 99.44)


def test_a_score_no_month_gives_says_how_the_month_was_counted(tmp_path):
    """Neighbour that still reports: 4 is below what 28-day months give (4.05)."""
    evaluation, found = _month_findings(tmp_path / "t.xlsx", 4)
    assert evaluation.scores[0].value == 4.52
    assert found == [("JX404", "自评表!H9",
                      "“审批周期”得分 4，按财政部规则应为 4.52（反向指标：分值 × (1 − (实际完成值 − "
                      "年度指标值) ÷ 年度指标值)；月按每月 30.44 天（365.25÷12）折算，按每月 28–31 天"
                      "折算的得分在 4.05–4.62 之间均可）")]
