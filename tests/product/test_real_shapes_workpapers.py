"""Sheets beside (or instead of) a 自评表 that list its indicators again, and are no table
of their own (rt25-g 2): a 计算底稿 working out some of the table's scores, and an export
of several projects' indicators in one list (项目名称 | 一级 | … | 得分) — and the shapes
of the same words that are still checked."""

import pytest
from workbooks import PUTUO_1_ROWS, Book, Formula, standard_sheet

from jixiao.pipeline import check_workbook

WORKING_HEADER = ["三级指标", "年度指标值", "实际完成值", "目标数", "完成数", "完成比例", "分值", "得分",
                  "计算说明"]


def _working_paper(book, rows=PUTUO_1_ROWS[:3]):
    """A 计算底稿 sheet (no money, no 项目名称) working out ``rows`` of the Putuo table:
    its 完成比例 and 得分 formulas with their values, a 合计 row of their 分值 and 得分."""
    sheet = book.sheet("计算底稿")
    sheet.line("信息安全等保项目绩效自评计算底稿")
    sheet.line(*WORKING_HEADER)
    first = sheet.row
    for _, _, name, target, actual, weight, score, _ in rows:
        row = sheet.row
        sheet.line(name, target, actual, 1, 1, Formula(f"=E{row}/D{row}", 1), weight,
                   Formula(f"=ROUND(G{row}*MIN(1,F{row}),2)", score), "完成值达到指标值，得满分")
    last = sheet.row - 1
    sheet.line("合计", None, None, None, None, None,
               Formula(f"=SUM(G{first}:G{last})", sum(row[5] for row in rows)),
               Formula(f"=SUM(H{first}:H{last})", sum(row[6] for row in rows)))


def _result(path):
    """The result, and each finding as (sheet, code, cell) over all its tables."""
    result = check_workbook(path)
    assert result.error is None, result.error
    return result, [(checked.table.sources["header"].sheet, finding.code,
                     f"{finding.sheet}!{finding.cell}")
                    for checked in result.tables for finding in checked.findings]


def test_a_working_paper_of_the_table_is_set_aside(tmp_path):
    """A 计算底稿 sheet listing 3 of the table's 5 indicators with the same 指标值 (分值
    合计 50): the 自评表 alone is checked, a note names the 底稿 and the table it works
    from (rt25-g d5: before, a second table “（未写项目名称）” with JX101 “分值合计为 50，
    应为 100”, exit 1, and a second row in the batch summary)."""
    book = Book()
    standard_sheet(book.sheet("自评表"))
    _working_paper(book)
    result, found = _result(book.save(tmp_path / "t.xlsx"))
    assert [checked.table.sources["header"].sheet for checked in result.tables] == ["自评表"]
    assert found == []
    assert result.notes == ["指标计算底稿“计算底稿”（没有资金和项目名称，分值合计 50，所列 3 项指标"
                            "及其指标值都在“自评表”的表中）未校验：以该表为准"]


def test_a_working_paper_with_another_target_is_still_checked(tmp_path):
    """A sheet of the same indicators whose 指标值 differs in one (≥95% for ≥90.00(%)) does
    not restate the table: it is checked as a table, as before (its 分值 short of 100 is
    JX101, its 一级 weights unlike the defaults JX102)."""
    book = Book()
    standard_sheet(book.sheet("自评表"))
    rows = [("产出指标", "数量指标", "预算资金执行率", "≥95%", "99.80(%)", 5, 5, None),
            *PUTUO_1_ROWS[1:3]]
    _working_paper(book, rows)
    result, found = _result(book.save(tmp_path / "t.xlsx"))
    assert [checked.table.sources["header"].sheet for checked in result.tables] \
        == ["自评表", "计算底稿"]
    assert result.notes == []
    assert sorted(found) == [("计算底稿", "JX101", "计算底稿!G6"), ("计算底稿", "JX102", "计算底稿!G3")]


@pytest.mark.parametrize("money", [True, False])
def test_two_projects_sharing_common_indicators_are_both_checked(tmp_path, money):
    """Two projects in one workbook, the second's indicators all among the first's (the
    common 预算资金执行率, 资金拨付及时性, 服务对象满意度 with the same 指标值): each names its
    own project, so each is checked — with its money and a 分值 total of 100, or without
    money and short of it (then JX101 says so, as before)."""
    book = Book()
    standard_sheet(book.sheet("项目一"))
    rows = [PUTUO_1_ROWS[0], PUTUO_1_ROWS[2], PUTUO_1_ROWS[4]]
    if money:
        rows = [(*row[:5], 30, 30, None) for row in rows]
    standard_sheet(book.sheet("项目二"), rows=rows, name="区医保信息系统运行维护项目",
                   money=None if not money else [("年度资金总额", 50, 50, 50, 10, 100, 10)],
                   total=(100, 100) if money else None, grade="优" if money else None)
    result, found = _result(book.save(tmp_path / "t.xlsx"))
    assert [checked.table.project.name for checked in result.tables] \
        == ["普陀区医疗保险事务中心信息安全等保项目机房设施升级改造", "区医保信息系统运行维护项目"]
    assert result.notes == []
    assert [code for sheet, code, _ in found if code == "JX101"] == ([] if money else ["JX101"])
