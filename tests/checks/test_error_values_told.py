"""rt30 r6 2: a cell of jixiao's template showing an Excel error value is no text the clerk
typed and, unless it is a JX_ formula's #NAME?, no result lost by a program without the
JX_ functions. Before, a 全年预算数 formula in a loop (#VALUE!, as jixiao recalc writes
it) was told ““#VALUE!”是文字…请只填数字” (JX309), and every error “文件由没有 jixiao 函数的
软件保存，结果已丢失” (JX504)."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from jixiao.pipeline import check_workbook
from jixiao.recalc.workbook import recalc_file
from jixiao.samples import sample
from jixiao.template.build import build_template

SHEET = "自评表"
TOLD = "公式结果为错误值 {}，请检查该公式（如循环引用或无法计算的函数）"


def _checked(folder: Path, **cells: object) -> list[tuple[str, str | None, str]]:
    """putuo-1 in jixiao's template with ``cells`` set, recalculated by jixiao, checked."""
    path = folder / "t.xlsx"
    build_template(path, table=sample("putuo-1"))
    book = openpyxl.load_workbook(path)
    for ref, value in cells.items():
        book[SHEET][ref] = value
    book.save(path)
    written, _ = recalc_file(path, folder / "t.recalc.xlsx")
    result = check_workbook(written)
    assert result.error is None, result.error
    return [(item.code, item.cell, item.message) for item in result.findings]


def test_amounts_in_a_loop_are_told_to_check_their_formula(tmp_path):
    found = _checked(tmp_path, E6="=F6/0.92", F6="=E6*0.92")
    jx309 = [(cell, message) for code, cell, message in found if code == "JX309"]
    assert jx309 == [("E6", "全年预算数(A)" + TOLD.format("#VALUE!")),
                     ("F6", "全年执行数(B)" + TOLD.format("#VALUE!"))]
    jx504 = [message for code, _, message in found if code == "JX504"]
    # the 执行率, its score and the 总分 and 等级 read the loop: their #VALUE! is its
    assert jx504 == ["4 个公式单元格（H6、I6、H43、H44）的公式结果为错误值 #VALUE!，请检查这些公式"
                     "（如循环引用或无法计算的函数，以及引用它们的公式）"]


def test_an_unknown_function_in_a_points_cell_passes_its_error_on_as_its_own(tmp_path):
    # G13 (the first indicator's 分值) =NOSUCH(1), no stored value: #NAME?; the JX_ formulas
    # reading it show #NAME? too — passed on, not lost to a program without JX_ functions
    found = _checked(tmp_path, G13="=NOSUCH(1)")
    jx504 = [message for code, _, message in found if code == "JX504"]
    assert len(jx504) == 1 and "没有 jixiao 函数的软件保存" not in jx504[0]
    assert "（G13、H13、K13、" in jx504[0] and "的公式结果为错误值 #NAME?" in jx504[0]


def test_an_error_value_pasted_into_an_amount_is_told_so(tmp_path):
    found = _checked(tmp_path, E6="#REF!")
    assert ("JX309", "E6", "全年预算数(A)为错误值 #REF!，不是数字：请改填数字") in found
