"""JX502 judges the 评分等级 against the 总分 the rules give, too: three scores written
0.01 high (each within JX404's tolerance) lift the rules' 89.97 to a written 90, and 良
to a written 优 — the outcome reviewers file. The rules' total counts a 定性 row a
person scored within its band as written."""

import pytest
from workbooks import standard

from jixiao.checks import run_checks
from jixiao.model import evaluate
from jixiao.read.workbook import read_tables

REASON = "部分工作跨年完成，下年加快进度。"


def rows(up=(0, 0, 0), judged=17.44):
    """执行率 9.98 + these scores: 89.97 by the rules (良). ``up``: what the three rule-scored
    rows (4.79, 2.13, 5.63) are written above the rules; ``judged``: the 部分达成 row's
    score, a person's (band 15–20)."""
    return [
        ("产出指标", "数量指标", "检查完成率", "≥90%", "86.25%", 5, round(4.79 + up[0], 2), REASON),
        ("产出指标", "数量指标", "定点机构检查覆盖率", "≥96%", "81.6%", 2.5, round(2.13 + up[1], 2),
         REASON),
        ("产出指标", "质量指标", "预算编制规范性", "规范", "部分达成", 25, judged, REASON),
        ("产出指标", "时效指标", "投诉办结时限", "≤24小时", "30小时", 7.5, round(5.63 + up[2], 2),
         REASON),
        ("产出指标", "成本指标", "单位检查成本", "≤0.3万元/家", "0.28万元/家", 10, 10, None),
        ("效益指标", "社会效益指标", "医保基金使用规范性", "规范", "达成指标", 20, 20, None),
        ("效益指标", "可持续影响指标", "长效监管机制", "健全", "达成指标", 10, 10, None),
        ("满意度指标", "服务对象满意度指标", "定点机构满意度", "≥90%", "95%", 10, 10, None),
    ]


def found(path):
    (table,) = read_tables(path)
    evaluation = evaluate(table)
    return evaluation, [(f.code, f.cell, f.message) for f in run_checks(table, evaluation)]


def test_scores_a_hair_high_that_lift_the_grade_are_a_jx502(tmp_path):
    path = standard(tmp_path / "t.xlsx", rows=rows(up=(0.01, 0.01, 0.01)), total=(100, 90),
                    grade="优")
    evaluation, findings = found(path)
    assert (evaluation.total, evaluation.grade) == (89.97, "良")
    assert findings == [(
        "JX502", "B20",
        "按财政部规则计算总分 89.97，评分等级应为“良”（填报“优”，总分填报 90）；各项得分与规则"
        "相差：H11 4.8（规则 4.79）、H12 2.14（规则 2.13）、H14 5.64（规则 5.63）")]


def test_the_correct_twin_is_silent(tmp_path):
    path = standard(tmp_path / "t.xlsx", rows=rows(), total=(100, 89.97), grade="良")
    assert found(path)[1] == []


def test_a_hair_that_leaves_the_grade_is_within_the_tolerance(tmp_path):
    """One score 0.01 high: 89.98, still 良 — JX404's documented 0.01, no finding."""
    path = standard(tmp_path / "t.xlsx", rows=rows(up=(0.01, 0, 0)), total=(100, 89.98),
                    grade="良")
    assert found(path)[1] == []


def test_a_total_written_up_to_the_next_grade_is_one_finding_at_the_total(tmp_path):
    """Scores as the rules give them (89.97), 总分 written 90, 评分等级 优: the 总分 added
    wrong — one mistake, said once at the 总分 where it is made (JX501; the grade follows)."""
    path = standard(tmp_path / "t.xlsx", rows=rows(), total=(100, 90), grade="优")
    assert found(path)[1] == [("JX501", "H19", "总分写为 90，各项得分之和为 89.97；总分改正后，"
                                               "评分等级应随之改为“良”")]


def test_a_total_written_wrong_within_its_grade_stays_jx501(tmp_path):
    """Neighbour that must not change: 总分 89.5 for 89.97, 良 either way — JX501 alone."""
    path = standard(tmp_path / "t.xlsx", rows=rows(), total=(100, 89.5), grade="良")
    assert found(path)[1] == [("JX501", "H19", "总分写为 89.5，各项得分之和为 89.97")]


@pytest.mark.parametrize(("judged", "codes"), [(20.47, ["JX408"]), (20, [])])
def test_a_person_scored_row_counts_as_written_or_leaves_the_total_unknown(tmp_path, judged,
                                                                           codes):
    """The 部分达成 row scored 20 (its band's top) counts as written: 92.53, 优, as written.
    Scored 20.47, past its band, the rules give it no score: the total is unknown, so
    no grade is judged from it (JX408 says the score)."""
    total = round(89.97 - 17.44 + judged, 2)
    path = standard(tmp_path / "t.xlsx", rows=rows(judged=judged), total=(100, total), grade="优")
    evaluation, findings = found(path)
    assert evaluation.total == (None if codes else total)
    assert [code for code, _, _ in findings] == codes


def test_scores_off_the_rules_then_added_wrong_are_two_findings(tmp_path):
    """The written scores sum to 90, the 总分 says 90.5: that addition is JX501's own
    mistake, beside the grade the rules' 89.97 gives."""
    path = standard(tmp_path / "t.xlsx", rows=rows(up=(0.01, 0.01, 0.01)), total=(100, 90.5),
                    grade="优")
    assert [(code, cell) for code, cell, _ in found(path)[1]] == [("JX501", "H19"),
                                                                   ("JX502", "B20")]


def severities(path):
    (table,) = read_tables(path)
    return [(f.code, f.severity) for f in run_checks(table, evaluate(table))]


def test_a_grade_moved_by_hairs_only_is_an_error(tmp_path):
    """Off the rules by 0.01 each (within JX404's tolerance): the rules' grade is certain."""
    path = standard(tmp_path / "t.xlsx", rows=rows(up=(0.01, 0.01, 0.01)), total=(100, 90),
                    grade="优")
    assert severities(path) == [("JX502", "error")]


def test_a_grade_moved_by_a_score_the_rules_may_not_settle_is_a_warning(tmp_path):
    """One score 0.05 off the rules (JX404, a warning — a reading the unit may defend):
    the grade it moves is said as a warning too, beside that JX404."""
    path = standard(tmp_path / "t.xlsx", rows=rows(up=(0, 0, 0.05)), total=(100, 90.02),
                    grade="优")
    assert severities(path) == [("JX404", "warning"), ("JX502", "warning")]


# A 总分 added wrong (JX501 at its cell): the grade is judged by the sum the 总分 should
# be, not by the wrong number — rt25: a right 优 under a mis-added 88 was said to be 良.

def test_a_right_grade_under_a_misadded_total_is_left_alone(tmp_path):
    """Putuo's scores sum to 99.98 (优); the 总分 is written 88. The grade is right: JX501
    says so at the 总分, and no JX502 asks to turn 优 into 良."""
    path = standard(tmp_path / "t.xlsx", total=(100, 88), grade="优")
    assert found(path)[1] == [
        ("JX501", "H16", "总分写为 88，各项得分之和为 99.98；评分等级“优”与各项得分之和相符，不需改动")]


@pytest.mark.parametrize(("grade", "expected"), [
    ("优", [("JX501", "H19", "总分写为 89.99，各项得分之和为 90；评分等级“优”与各项得分之和相符，"
                            "不需改动")]),
    ("良", [("JX501", "H19", "总分写为 89.99，各项得分之和为 90；总分改正后，评分等级应随之改为“优”")]),
    ("中", [("JX501", "H19", "总分写为 89.99，各项得分之和为 90"),
           ("JX502", "B20", "评分等级写为“中”，各项得分之和 90 应为“优”（总分写为 89.99，见 JX501）")]),
])
def test_a_total_written_a_hair_under_the_grade_line_is_graded_by_its_sum(tmp_path, grade,
                                                                          expected):
    """The scores (the 部分达成 row a person's 17.47) sum to 90 by the rules, 优; the 总分 is
    written 89.99. The grade is the sum's: 优 is right, 良 follows the wrong 总分 (to be
    changed with it), 中 is neither's — JX502 names the sum's grade, not the 良 of 89.99."""
    path = standard(tmp_path / "t.xlsx", rows=rows(judged=17.47), total=(100, 89.99),
                    grade=grade)
    evaluation, findings = found(path)
    assert (evaluation.total, evaluation.grade) == (90, "优")
    assert findings == expected


def test_a_wrong_grade_under_a_right_total_is_still_a_jx502(tmp_path):
    """Neighbour that must not change: 总分 90 as summed, 评分等级 良."""
    path = standard(tmp_path / "t.xlsx", rows=rows(judged=17.47), total=(100, 90), grade="良")
    assert found(path)[1] == [("JX502", "B20", "评分等级写为“良”，总分 90 应为“优”")]


def test_a_scoring_sheet_whose_total_formula_leaves_out_its_execution_row_keeps_its_grade(
        tmp_path):
    """评分附件表: the 预算执行率 a row of its own, the 总分 =SUM(F5:F10) without it (88.5 of
    98). JX501 names the row; the 优 is the sum's, so no JX502."""
    from workbooks import Book, Formula

    book = Book()
    sheet = book.sheet("评分表")
    sheet.line("项目绩效评价评分表")
    sheet.line("项目名称：职业技能培训补助项目")
    sheet.line("一级指标", "三级指标", "权重", "目标值", "业绩值", "评分结果")
    for line in [("预算执行率", "预算执行率", 10, "100%", "95%", 9.5),
                 ("产出指标", "培训人次", 20, "≥500人次", "520人次", 20),
                 ("产出指标", "培训合格率", 15, "≥95%", "96%", 15),
                 ("产出指标", "培训完成及时率", 10, "100%", "100%", 10),
                 ("产出指标", "人均培训成本", 5, "≤300元/人", "280元/人", 5),
                 ("效益指标", "学员就业率", 30, "≥80%", "76%", 28.5),
                 ("满意度指标", "学员满意度", 10, "≥95%", "96%", 10)]:
        sheet.line(*line)
    sheet.line("总分", None, Formula("=SUM(C4:C10)", 100), None, None,
               Formula("=SUM(F5:F10)", 88.5))
    sheet.line("评价等级", "优")
    path = book.save(tmp_path / "t.xlsx")
    assert [item for item in found(path)[1] if item[0].startswith("JX5")] == [
        ("JX501", "F11", "总分写为 88.5，各项得分之和为 98：总分公式 =SUM(F5:F10) 不含第 4 行"
                         "（“预算执行率”，得分 9.5）；评分等级“优”与各项得分之和相符，不需改动")]


# Scores typed at full marks for missed targets (JX402 each): the written scores sum to
# 92.42 (优), the rules give 89.97 (良). The grade to name is the rules' — the sum's
# changes as soon as those scores are mended (rt25 j2: 中 under a mis-added 85 was told
# to become the sum's 优, and the message changed with how the 总分 was written).

def full_marks_rows():
    """rows() with the three missed targets written at their 分值 (5, 2.5, 7.5)."""
    return [(*row[:6], row[5], *row[7:]) if index in (0, 1, 3) else row
            for index, row in enumerate(rows())]


FULL_OFF = "；各项得分与规则相差：H11 5（规则 4.79）、H12 2.5（规则 2.13）、H14 7.5（规则 5.63）"


def jx5(path):
    evaluation, findings = found(path)
    assert (evaluation.total, evaluation.grade) == (89.97, "良")
    assert [code for code, _, _ in findings if code.startswith("JX4")] == ["JX402"] * 3
    return [item for item in findings if item[0].startswith("JX5")]


@pytest.mark.parametrize(("total", "grade", "expected"), [
    (85, "中", [("JX501", "H19", "总分写为 85，各项得分之和为 92.42"),
               ("JX502", "B20", "评分等级写为“中”，按财政部规则计算总分 89.97 应为“良”（各项得分之和 "
                                "92.42 为“优”，总分写为 85，见 JX501）" + FULL_OFF)]),
    (75, "中", [("JX501", "H19", "总分写为 75，各项得分之和为 92.42"),
               ("JX502", "B20", "评分等级写为“中”，按财政部规则计算总分 89.97 应为“良”（各项得分之和 "
                                "92.42 为“优”，总分写为 75，见 JX501）" + FULL_OFF)]),
    (85, "良", [("JX501", "H19", "总分写为 85，各项得分之和为 92.42")]),
    (92.42, "中", [("JX502", "B20", "评分等级写为“中”，按财政部规则计算总分 89.97 应为“良”"
                                   "（总分 92.42 为“优”）" + FULL_OFF)]),
    (92.42, "良", [("JX502", "B20", "评分等级写为“良”，与总分 92.42 不符（应为“优”），但与按财政部"
                                   "规则计算总分 89.97 相符：按规则改正各项得分和总分后，等级不需改动"
                                   + FULL_OFF)]),
])
def test_scores_written_off_the_rules_name_the_rules_grade(tmp_path, total, grade, expected):
    """中 is neither the sum's 优 nor the rules' 良: JX502 names 良, and the sum's 优 beside
    it, however the 总分 was written (75 中 follows the 总分, but the rules still say 良).
    良 under a mis-added 85 is the rules' grade: JX501 alone."""
    path = standard(tmp_path / "t.xlsx", rows=full_marks_rows(), total=(100, total),
                    grade=grade)
    assert jx5(path) == expected


def test_a_missing_grade_over_scores_off_the_rules_is_given_the_rules_grade(tmp_path):
    path = standard(tmp_path / "t.xlsx", rows=full_marks_rows(), total=(100, 85), grade="")
    assert jx5(path)[1:] == [(
        "JX502", "B20", "评分等级未填写，按财政部规则计算总分 89.97 应为“良”（各项得分之和 92.42 为"
                        "“优”，总分写为 85，见 JX501）" + FULL_OFF)]


def test_the_sums_grade_over_scores_off_the_rules_stays_a_warning_naming_the_rules(tmp_path):
    """Neighbour that must not change: 优 as the sum gives it (总分 97 mis-added or 92.42
    right) — the rules' 良, a warning beside the JX402s, as before."""
    for total in (97, 92.42):
        path = standard(tmp_path / f"{total}.xlsx", rows=full_marks_rows(),
                        total=(100, total), grade="优")
        assert jx5(path)[-1] == (
            "JX502", "B20", f"按财政部规则计算总分 89.97，评分等级应为“良”（填报“优”，总分填报 "
                            f"{total}）" + FULL_OFF)


# A 部分达成 row written at full marks (JX402, JX408): the rules give it no one score but a
# band (60–80 % of 20: 12–16), so no one 总分 either — yet every 总分 that band allows may
# have one grade, and the grade written may be another (rt26 g p5b: 91.89 优, while any
# score in the band gives 83.89–87.89, 良).

def band_rows(employment="60%", employment_score=7.5):
    """执行率 9.98 + 16 + 15 + 15 + the 部分达成 row's 20 (band 12–16) + 就业率 + 8.89."""
    return [
        ("产出指标", "数量指标", "培训人数", "≥500人", "400人", 20, 16, REASON),
        ("产出指标", "质量指标", "合格率", "≥95%", "96%", 15, 15, None),
        ("产出指标", "时效指标", "完成时间", "2024年12月31日前", "2024年12月20日", 15, 15, None),
        ("效益指标", "社会效益指标", "群众生活", "明显改善", "部分达成", 20, 20, REASON),
        ("效益指标", "社会效益指标", "就业率", "≥80%", employment, 10, employment_score,
         REASON if employment_score < 10 else None),
        ("满意度指标", "服务对象满意度指标", "满意度", "≥90%", "80%", 10, 8.89, REASON),
    ]


BAND_ROW = [("JX402", "H14", "“群众生活”未达到指标值（指标值 明显改善，完成值 部分达成），"
                             "却得满分 20"),
            ("JX408", "H14", "“群众生活”为“部分达成”，得分应在 12–16 之间，填写为 20")]
BAND_RULES = "按财政部规则计算总分（“群众生活”为部分达成，得分应在 12–16 之间）为 84.37–88.37"


def test_a_grade_every_total_the_band_allows_denies_is_a_jx502(tmp_path):
    path = standard(tmp_path / "t.xlsx", rows=band_rows(), total=(100, 92.37), grade="优")
    evaluation, findings = found(path)
    assert (evaluation.total, evaluation.total_range) == (None, (84.37, 88.37))
    assert findings == [*BAND_ROW, (
        "JX502", "B18", f"{BAND_RULES}，评分等级应为“良”（填报“优”，总分填报 92.37）")]
    # the band rests on the level read (JX408 is a warning): so does the grade it fixes
    assert ("JX502", "warning") in severities(path)


def test_the_grade_the_band_fixes_written_under_the_wrong_total_is_not_to_change(tmp_path):
    """良 written beside 92.37: not the written 总分's grade, but every total the band
    allows is 良 — the scores and the 总分 are what to mend (before: “应为优”)."""
    path = standard(tmp_path / "t.xlsx", rows=band_rows(), total=(100, 92.37), grade="良")
    assert found(path)[1] == [*BAND_ROW, (
        "JX502", "B18", f"评分等级写为“良”，与总分 92.37 不符（应为“优”），但与{BAND_RULES} "
                        "相符：按规则改正各项得分和总分后，等级不需改动")]


def test_a_band_whose_totals_cross_a_grade_line_fixes_no_grade(tmp_path):
    """Neighbour that must not change: 就业率 met (10), the band's totals are 86.87–90.87,
    良 or 优 as the person scores the row — the written 优 may stand, no JX502."""
    path = standard(tmp_path / "t.xlsx", rows=band_rows("80%", 10), total=(100, 94.87),
                    grade="优")
    evaluation, findings = found(path)
    assert evaluation.total_range == (86.87, 90.87)
    assert findings == BAND_ROW


# A score left blank that the rules give (JX406): the 总分 written is the sum of the
# scores filled in, the rules' total counts the blank row's score. The grade is judged
# against the rules' grade, as for a score written off the rules (rt32 b406: 优 written,
# rules 99.76 优, was told 总分 89.76 应为“良” — while 良 was told 应为“优”).

def blank_rows():
    """rows() with 定点机构满意度 (10 by the rules, H18) left blank: filled 79.97, rules 89.97."""
    return [(*row[:6], None, row[7]) if index == 7 else row
            for index, row in enumerate(rows())]


BLANK_OFF = "；各项得分与规则相差：H18 未填（规则 10）"


@pytest.mark.parametrize(("grade", "expected"), [
    ("良", "评分等级写为“良”，与总分 79.97 不符（应为“中”），但与按财政部规则计算总分 89.97 相符："
          "按规则填写未填的得分、改正总分后，等级不需改动" + BLANK_OFF),
    ("中", "按财政部规则计算总分 89.97，评分等级应为“良”（填报“中”，总分填报 79.97）" + BLANK_OFF),
    ("差", "评分等级写为“差”，按财政部规则计算总分 89.97 应为“良”（总分 79.97 为“中”）" + BLANK_OFF),
    ("", "评分等级未填写，按财政部规则计算总分 89.97 应为“良”（总分 79.97 为“中”）" + BLANK_OFF),
])
def test_a_blank_score_judges_the_grade_by_the_rules_total(tmp_path, grade, expected):
    """The rules' 良 written is not to change (before: 应为“中”); any other grade is told
    the rules' 良 (before: 差 and a blank were told the filled sum's 中). JX501 says
    nothing: the 总分 is the sum of the scores filled in."""
    path = standard(tmp_path / "t.xlsx", rows=blank_rows(), total=(100, 79.97), grade=grade)
    evaluation, findings = found(path)
    assert (evaluation.total, evaluation.grade) == (89.97, "良")
    assert findings == [("JX406", "H18", "“定点机构满意度”未填写得分"),
                        ("JX502", "B20", expected)]


def test_a_blank_score_under_the_rules_total_is_jx406_alone(tmp_path):
    """Neighbour that must not change: the 总分 written 89.97 (the blank row counted at
    the rules' 10), 良 — only the blank is to fill."""
    path = standard(tmp_path / "t.xlsx", rows=blank_rows(), total=(100, 89.97), grade="良")
    assert found(path)[1] == [("JX406", "H18", "“定点机构满意度”未填写得分")]


# A 定性 row left blank that the rules give at their 达成 score (JX406): the rules allow
# any score in its band (80–100 % of its 分值), so the rules' total is a range, as for a
# row a person scores within its band (rt32 r7 d7/d8: 群众出行条件 30 blank, filled
# 64.41, rules 88.41–94.41 — told 应为“优” though 良 is as right).

def blank_met_rows(index, judged=17.44):
    """rows(judged=…) with the 达成 row at ``index`` left blank: 医保基金使用规范性 (5: 20,
    band 16–20, H16) or 长效监管机制 (6: 10, band 8–10, H17)."""
    return [(*row[:6], None, row[7]) if at == index else row
            for at, row in enumerate(rows(judged=judged))]


@pytest.mark.parametrize("grade", ["良", "中", "优"])
def test_a_blank_met_row_whose_band_crosses_a_grade_line_fixes_no_grade(tmp_path, grade):
    """9.98 + 4.79 + 2.13 + 17.47 + 5.63 + 10 + 10 + 10 = 70 filled; the blank 20-point row
    gives 16–20, so the rules' total is 86–90: 良 or 优. No grade is to name (before: 良
    and 中 were told 应为“优”, 优 was told it did not match the 总分 70)."""
    path = standard(tmp_path / "t.xlsx", rows=blank_met_rows(5, judged=17.47),
                    total=(100, 70), grade=grade)
    evaluation, findings = found(path)
    assert (evaluation.total, evaluation.grade) == (90, "优")
    assert findings == [("JX406", "H16", "“医保基金使用规范性”未填写得分")]


BLANK_BAND = ("按财政部规则计算总分（“长效监管机制”得分未填，为达成，得分应在 8–10 之间）"
              "为 87.97–89.97")
BLANK_BAND_OFF = "；各项得分与规则相差：H17 未填（规则 8–10）"


@pytest.mark.parametrize(("grade", "expected"), [
    ("中", f"{BLANK_BAND}，评分等级应为“良”（填报“中”，总分填报 79.97）{BLANK_BAND_OFF}"),
    ("良", f"评分等级写为“良”，与总分 79.97 不符（应为“中”），但与{BLANK_BAND} 相符："
          f"按规则填写未填的得分、改正总分后，等级不需改动{BLANK_BAND_OFF}"),
    ("优", f"评分等级写为“优”，{BLANK_BAND} 应为“良”（总分 79.97 为“中”）{BLANK_BAND_OFF}"),
])
def test_a_blank_met_row_whose_band_keeps_one_grade_names_it_with_the_range(tmp_path, grade,
                                                                           expected):
    """79.97 filled; the blank 10-point row gives 8–10, the rules' total 87.97–89.97: 良
    whatever the row is given. The range is quoted, not the 89.97 of the band's top."""
    path = standard(tmp_path / "t.xlsx", rows=blank_met_rows(6), total=(100, 79.97),
                    grade=grade)
    evaluation, findings = found(path)
    assert (evaluation.total, evaluation.grade) == (89.97, "良")
    assert findings == [("JX406", "H17", "“长效监管机制”未填写得分"), ("JX502", "B20", expected)]
    assert ("JX502", "error") in severities(path)


# A 定性 row left blank that the rules give only a band for (部分达成: 60–80 % of its 分值,
# a person's score): the rules' total is that band's range too, as for a blank 达成 row
# (rt33 r1 g4: 基层治理能力 30 部分达成 blank, filled 69.8, rules 87.8–93.8 — told 良
# “总分 69.8 应为中” though the header said 良或优).

def blank_partial_rows(satisfied=("95%", 10)):
    """rows() with the 部分达成 row 预算编制规范性 (25, band 15–20, H13) left blank;
    ``satisfied``: 定点机构满意度's 完成值 and 得分 (60%: 10 × 60 ÷ 90 = 6.67)."""
    return [(*row[:4], satisfied[0], row[5], satisfied[1], REASON) if at == 7
            else (*row[:6], None, row[7]) if at == 2 else row
            for at, row in enumerate(rows())]


@pytest.mark.parametrize("grade", ["良", "优", "中"])
def test_a_blank_partial_row_whose_band_crosses_a_grade_line_fixes_no_grade(tmp_path, grade):
    """89.97 − 17.44 = 72.53 filled; the blank row gives 15–20, the rules' total
    87.53–92.53: 良 or 优 — either, or the filled sum's 中, is not named."""
    path = standard(tmp_path / "t.xlsx", rows=blank_partial_rows(), total=(100, 72.53),
                    grade=grade)
    evaluation, findings = found(path)
    assert evaluation.total_range == (87.53, 92.53)
    assert [code for code, _, _ in findings if code == "JX502"] == []


BLANK_PARTIAL = ("按财政部规则计算总分（“预算编制规范性”得分未填，为部分达成，得分应在 15–20 之间）"
                 "为 84.2–89.2")
BLANK_PARTIAL_OFF = "；各项得分与规则相差：H13 未填（规则 15–20）"


@pytest.mark.parametrize(("grade", "expected"), [
    ("优", f"评分等级写为“优”，{BLANK_PARTIAL} 应为“良”（总分 69.2 为“中”）{BLANK_PARTIAL_OFF}"),
    ("良", f"评分等级写为“良”，与总分 69.2 不符（应为“中”），但与{BLANK_PARTIAL} 相符："
          f"按规则填写未填的得分、改正总分后，等级不需改动{BLANK_PARTIAL_OFF}"),
])
def test_a_blank_partial_row_whose_band_keeps_one_grade_names_it_with_the_range(
        tmp_path, grade, expected):
    """满意度 60 % (6.67): 69.2 filled, the blank row's 15–20 makes 84.2–89.2, 良 whatever
    the row is given."""
    path = standard(tmp_path / "t.xlsx", rows=blank_partial_rows(("60%", 6.67)), total=(100, 69.2),
                    grade=grade)
    evaluation, findings = found(path)
    assert evaluation.total_range == (84.2, 89.2)
    assert [(cell, message) for code, cell, message in findings if code == "JX502"] == [
        ("B20", expected)]
