"""The unit's own formulas showing an Excel error (red team rt33 r10 a4): each error said
for what it means, where it shows. The 执行率 =F6/E6 of a 全年预算数 left blank shows
#DIV/0!: JX309 says the blank at E6 — no JX504 at H6 hinting at “循环引用或无法计算的函数”;
the 总分 and 等级 showing #REF! (a score's formula lost its reference) are said at their
cells (before: nothing)."""

from __future__ import annotations

from workbooks import Book, Formula, standard_sheet

from jixiao.checks import run_checks
from jixiao.model import evaluate, formula_error_said
from jixiao.read.workbook import read_tables

REASON = "部分老人随子女外出，服务人数减少；下年度加强摸底"
ROWS = [
    ("产出指标", "数量指标", "服务老年人数", "≥1200", "1100", 20,
     Formula("=IF(F9>=1200,G9,ROUND(G9*F9/#REF!,2))", "#REF!"), REASON),
    ("产出指标", "时效指标", "资金拨付及时率", "＝100%", "100%", 30, 30, None),
    ("效益指标", "可持续影响指标", "服务长效机制", "建立健全", "已建立", 30, 30, None),
    ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "95%", 10, 10, None),
]


def _found(tmp_path, money):
    book = Book()
    standard_sheet(book.sheet(), rows=ROWS, money=money,
                   total=(100, Formula("=H6+SUM(H9:H12)", "#REF!")),
                   grade=Formula('=IF(H13>=90,"优",IF(H13>=80,"良","中"))', "#REF!"))
    (table,) = read_tables(book.save(tmp_path / "t.xlsx"))
    return [(f.code, f.cell, f.message) for f in run_checks(table, evaluate(table))]


def test_a_blank_budget_is_said_at_its_cell_and_the_total_and_grade_at_theirs(tmp_path):
    money = [("年度资金总额", 200, None, 190, 10, Formula("=E6/D6", "#DIV/0!"),
              Formula("=MIN(G6,1)*F6", "#DIV/0!")),
             ("其中：当年财政拨款", 200, 200, 190, "—", Formula("=E7/D7", 0.95), "—")]
    found = _found(tmp_path, money)
    assert [item for item in found if item[0] == "JX504"] == []
    assert ("JX309", "D6", "全年预算数(A)未填写（年初预算数已填 200），执行率得分、总分无法计算") in found
    assert ("JX501", "H13", "总分公式显示 #REF!，没有有效总分：有得分未填或显示错误值"
                            "（见 JX406），改正后总分随之算出") in found
    assert ("JX502", "B14", "评分等级公式显示 #REF!，没有有效等级：总分没有有效结果，"
                            "改正后等级随之算出") in found


def test_what_an_error_a_formula_gives_means():
    assert formula_error_said("#DIV/0!", "=F6/E6") == (
        "公式结果为错误值 #DIV/0!（除数 E6 为空或为 0，或其引用的单元格显示 #DIV/0!），"
        "请检查该公式及其引用的单元格")
    assert "（除数 资金!E6、E7 为空或为 0" in formula_error_said("#DIV/0!", "=F6/资金!$E$6+F7/E7")
    assert "（除数为空或为 0，或引用的单元格显示 #DIV/0!）" in formula_error_said("#DIV/0!", "=MIN(H6,1)*G6")
    assert "（公式中的引用已失效" in formula_error_said("#REF!", "=G9*F9/#REF!")
    assert formula_error_said("#VALUE!", "=E6+1") == \
        "公式结果为错误值 #VALUE!，请检查该公式（如循环引用或无法计算的函数）"


# rt33 r10 a10: a 分值 =VLOOKUP(…,参数!…) whose key was renamed shows #N/A, and the score
# computed from it too. The 分值 it stands for (30) is unread, not missing: the 分值合计
# (70 read + 30), the 产出指标's (20 + 30) and the scores' sum cannot be checked until it is
# mended — JX106 says so; no JX101 “分值合计为 70”, no JX102, no JX501 “各项得分之和为 70”.
NA_ROWS = [
    ("产出指标", "数量指标", "服务老年人数", "≥1200", "1250", 20, 20, None),
    ("产出指标", "时效指标", "资金拨付及时率", "＝100%", "100%",
     Formula('=VLOOKUP("及时率",参数!A:B,2,FALSE)', "#N/A"),
     Formula("=IF(F10>=E10,G10,ROUND(G10*F10/E10,2))", "#N/A"), None),
    ("效益指标", "可持续影响指标", "服务长效机制", "建立健全", "已建立", 30, 30, None),
    ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "95%", 10, 10, None),
]
NA_MONEY = [("年度资金总额", 200, 200, 200, 10, 100, 10),
            ("其中：当年财政拨款", 200, 200, 200, "—", 100, "—")]
NA_SAID = "“资金拨付及时率”的分值显示为 #N/A，不是数字；改正前分值合计、一级指标分值和总分都无法核对"


def test_a_points_cell_showing_na_leaves_the_sums_unchecked(tmp_path):
    book = Book()
    standard_sheet(book.sheet(), rows=NA_ROWS, money=NA_MONEY,
                   total=(Formula("=G6+SUM(G9:G12)", "#N/A"), Formula("=H6+SUM(H9:H12)", "#N/A")),
                   grade=Formula('=IF(H13>=90,"优",IF(H13>=80,"良","中"))', "#N/A"))
    book.sheet("参数")
    (table,) = read_tables(book.save(tmp_path / "t.xlsx"))
    found = [(f.code, f.cell, f.message) for f in run_checks(table, evaluate(table))]
    assert found == [
        ("JX106", "G10", NA_SAID),
        ("JX501", "H13", "总分公式显示 #N/A，没有有效总分：有分值显示错误值（见 JX106），改正后总分随之算出"),
        ("JX502", "B14", "评分等级公式显示 #N/A，没有有效等级：总分没有有效结果，改正后等级随之算出"),
    ]


def test_a_typed_total_beside_a_points_cell_showing_na_is_not_held_to_the_rest(tmp_path):
    """The 总分 typed 100: the scores read add to 70, the #N/A row's score unknown — no
    JX501 “各项得分之和为 70”, no grade judged on a sum the table does not give."""
    book = Book()
    standard_sheet(book.sheet(), rows=NA_ROWS, money=NA_MONEY, total=(100, 100), grade="优")
    (table,) = read_tables(book.save(tmp_path / "t.xlsx"))
    found = [(f.code, f.cell, f.message) for f in run_checks(table, evaluate(table))]
    assert [code for code, _, _ in found] == ["JX106"]
