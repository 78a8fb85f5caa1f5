"""A 第三方 index system (决策 / 过程 / 产出 / 效益) printed with 指标值 and 实际完成值
columns (red team rt29 tp14c, tp22b, tp22c): its 决策 and 过程 rows have no target — the
指标值 holds "—", "/" or nothing, the 完成值 a description (立项依据充分) — and are scored
by their 评分标准, as the same rows are in a table without those columns (tp01: 96, 优).
The 过程 rows with a rate (资金到位率 100% → 90%, 预算执行率 → 85%) and every 产出/效益 row
are scored by the rules.

Hand-computed total: 决策 3 + 3 + 4 + 3 + 4 + 4 = 21 (written, by 评分标准);
过程 4 × 90/100 = 3.6, 4 × 85 % = 3.4, then 4 + 3 + 3 written = 17;
产出 10 (3350 ≥ 3200) + 10 × 240/300 = 8 + 10 + 10 = 38; 效益 10 + 10 = 20;
21 + 17 + 38 + 20 = 96 → 优."""

import pytest
from test_real_shapes import checked, codes
from workbooks import Book

HEADER = ("一级指标", "二级指标", "三级指标", "指标解释", "评分标准", "指标值", "实际完成值", "分值",
          "得分", "评价意见")
NO_TARGET = object()  # stands for the 决策/过程 rows' 指标值 in ``rows``
ROWS = [
    ("决策", "项目立项", "立项依据充分性", "…", "…", NO_TARGET, "立项依据充分", 3, 3, None),
    ("决策", "项目立项", "立项程序规范性", "…", "…", NO_TARGET, "程序规范", 3, 3, None),
    ("决策", "绩效目标", "绩效目标合理性", "…", "…", NO_TARGET, "目标合理", 4, 4, None),
    ("决策", "绩效目标", "绩效指标明确性", "…", "…", NO_TARGET, "部分指标未量化", 4, 3,
     "2项指标未量化，扣1分"),
    ("决策", "资金投入", "预算编制科学性", "…", "…", NO_TARGET, "科学", 4, 4, None),
    ("决策", "资金投入", "资金分配合理性", "…", "…", NO_TARGET, "合理", 4, 4, None),
    ("过程", "资金管理", "资金到位率", "…", "得分=到位率×分值", "100%", "90%", 4, 3.6,
     "中央资金到位360万元，预算400万元"),
    ("过程", "资金管理", "预算执行率", "…", "得分=预算执行率×分值", "100%", "85%", 4, 3.4,
     "部分学校设备采购合同年底签订，尾款次年支付"),
    ("过程", "资金管理", "资金使用合规性", "…", "…", NO_TARGET, "合规", 4, 4, None),
    ("过程", "组织实施", "管理制度健全性", "…", "…", NO_TARGET, "健全", 3, 3, None),
    ("过程", "组织实施", "制度执行有效性", "…", "…", NO_TARGET, "有效", 3, 3, None),
    ("产出", "产出数量", "补助幼儿人数", "…", "…", "≥3200人", "3350人", 10, 10, None),
    ("产出", "产出数量", "公办园新增学位数", "…", "…", "≥300个", "240个", 10, 8, "1所幼儿园未完工"),
    ("产出", "产出质量", "补助资金发放准确率", "…", "…", "100%", "100%", 10, 10, None),
    ("产出", "产出时效", "补助资金发放及时性", "…", "…", "及时", "及时", 10, 10, None),
    ("效益", "社会效益", "学前三年毛入园率", "…", "…", "≥90%", "92.3%", 10, 10, None),
    ("效益", "满意度", "幼儿家长满意度", "…", "…", "≥90%", "93%", 10, 10, None),
]
BY_STANDARD = ("立项依据充分性", "立项程序规范性", "绩效目标合理性", "绩效指标明确性", "预算编制科学性",
               "资金分配合理性", "资金使用合规性", "管理制度健全性", "制度执行有效性")


def index_system(path, target, rows=ROWS, header=HEADER, grade="优"):
    """tp14c's sheet: title, header, the rows (``target`` in each 决策/过程 row's 指标值),
    合计 100 | 96, 评价等级 优 — nothing merged."""
    book = Book()
    sheet = book.sheet("指标体系")
    sheet.line("2023年度某县学前教育补助资金项目绩效评价指标体系及评分表")
    sheet.indicators([tuple(target if value is NO_TARGET else value for value in row)
                      for row in rows], header=header, lead=None, merge=False)
    sheet.line("合计", None, None, None, None, None, None, 100, 96)
    sheet.line("评价等级", None, None, None, None, None, None, None, grade)
    return book.save(path)


@pytest.mark.parametrize("target", ["—", "/", None])
def test_decision_and_process_rows_without_a_target_count_their_written_scores(tmp_path, target):
    """Before: “计算 —（9 项得分规则无法计算 … 须人工核对）” and no grade; with a blank
    指标值, nine JX201 “未填写年度指标值” besides."""
    table, data = checked(index_system(tmp_path / "t.xlsx", target))
    assert table.layout == "third_party"
    assert (data["total_computed"], data["total_basis"], data["grade_computed"]) == (
        96, "rules", "优")
    assert [row["name"] for row in data["indicators"]
            if row["score_computed"] is not None and row["met"] is None] == list(BY_STANDARD)
    assert codes(data) == []


@pytest.mark.parametrize("target", ["—", None])
def test_the_rows_by_their_standard_are_named_on_the_total_line(tmp_path, target):
    from jixiao.pipeline import check_workbook
    from jixiao.report.text import text_report

    report = text_report([check_workbook(index_system(tmp_path / "t.xlsx", target))])
    assert ("总分 填报 96 / 计算 96（决策、过程类 9 项按评分标准评分，按填报得分计）；"
            "评分等级 填报 优 / 计算 优") in report


def test_a_score_over_its_points_by_the_standard_is_only_over_its_points(tmp_path):
    """立项依据充分性 5 of 3: JX401; no JX404 “按规则应为 3” — the rules do not score the
    row, the 总分 counts it at its 3 points (96 computed, as written)."""
    rows = [ROWS[0][:8] + (5,) + ROWS[0][9:], *ROWS[1:]]
    _, data = checked(index_system(tmp_path / "t.xlsx", "—", rows=rows))
    assert [(f["code"], f["cell"]) for f in data["findings"]] == [("JX401", "I3")]
    assert data["total_computed"] == 96


def test_an_output_row_without_a_target_still_misses_it(tmp_path):
    rows = [*ROWS[:11], ("产出", "产出数量", "补助幼儿人数", "…", "…", None, "3350人", 10, 10, None),
            *ROWS[12:]]
    _, data = checked(index_system(tmp_path / "t.xlsx", "—", rows=rows))
    assert [(f["code"], f["cell"]) for f in data["findings"]] == [("JX201", "F14")]


def test_a_deduction_by_the_standard_is_read_against_the_evaluation_column(tmp_path):
    """绩效指标明确性 3 of 4, explained in 评价意见: nothing to say. Without the words, the
    deduction is unexplained (JX405 at the 评价意见 cell)."""
    rows = [*ROWS[:3], ROWS[3][:9] + (None,), *ROWS[4:]]
    _, data = checked(index_system(tmp_path / "t.xlsx", "—", rows=rows))
    assert [(f["code"], f["cell"]) for f in data["findings"]] == [("JX405", "J6")]


@pytest.mark.parametrize("heading", ["评价意见", "评价说明", "得分情况说明", "评价情况"])
def test_an_evaluation_column_explains_a_low_rate(tmp_path, heading):
    """预算执行率 85 % (3.4 of 4) explained in J10: no JX306 (before: “执行率 85% 低于 90%，
    未说明原因” at G10, the 完成值 cell, 评价意见 not read as the reason column)."""
    table, data = checked(index_system(tmp_path / "t.xlsx", "—", header=(*HEADER[:-1], heading)))
    assert "reason" in table.columns
    assert codes(data) == []


def test_an_unexplained_low_rate_points_at_the_evaluation_column(tmp_path):
    rows = [*ROWS[:7], ROWS[7][:9] + (None,), *ROWS[8:]]
    _, data = checked(index_system(tmp_path / "t.xlsx", "—", rows=rows))
    assert [(f["code"], f["cell"]) for f in data["findings"]] == [("JX306", "J10")]


@pytest.mark.parametrize(("written", "expected"), [("良好", "优秀"), ("合格", "优秀"),
                                                   ("良", "优"), ("中", "优")])
def test_a_wrong_grade_is_named_in_the_scale_the_table_uses(tmp_path, written, expected):
    """tp08b: 96 graded 良好 → “应为“优秀””, not “优” (the 优秀/良好/合格/不合格 scale)."""
    _, data = checked(index_system(tmp_path / "t.xlsx", "—", grade=written))
    assert [f["message"] for f in data["findings"]] == [
        f"评分等级写为“{written}”，总分 96 应为“{expected}”"]
