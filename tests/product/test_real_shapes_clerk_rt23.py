"""A clerk inserts a row just above the 总分 row of jixiao's template (red-team rt23): below
the last 满意度 row, its formulas copied down from the row above.

Excel grows a range only for a row inserted within it, so an older template's
=JX_TOTAL(I6,H13:H42) left the new row 43 out: the printed 总分 was 5 short, the 评分等级
said the 分值 total 95, and check said only "stale result" (JX504) with exit 0. The template
now reads down to the row above its own (H13:INDEX(H:H,ROW()-1)); an older one's formula is
a JX501 error at the 总分 cell.

The filled form is test_real_shapes_clerk's 濉溪县 临时救助 2019 table (98.84 优)."""

from __future__ import annotations

import re
import shutil

import openpyxl
import pytest
from libreoffice import convert, sheets_as_shown
from openpyxl.worksheet.cell_range import CellRange
from test_real_shapes_clerk import (
    copy_formulas,
    filled,
    findings,
    insert_row,
    recalculated,
    shown,
)

from jixiao.cli.main import main
from jixiao.layout import SHEET

OLD_FORMULAS = {"G43": "=JX_WEIGHT_TOTAL(JX_POINTS(G6),JX_POINTS(G13:G42))",
                "H43": "=JX_TOTAL(I6,H13:H42)"}  # the template's before rt23


def _row_above_total(book, sheet, old: bool = False) -> None:
    """A 满意度 row inserted at 43 (above the 总分), row 42's formulas copied into it; the
    受助对象满意度 row's 分值 10 → 5 to keep 100."""
    if old:
        for ref, formula in OLD_FORMULAS.items():
            sheet[ref] = formula
    insert_row(book, sheet, 43)
    copy_formulas(sheet, 42, 43)
    sheet["D43"], sheet["E43"], sheet["F43"], sheet["G43"] = "群众满意度", "≥90%", "93%", 5
    sheet["G40"] = 5


def test_the_template_counts_a_row_inserted_above_the_total(tmp_path):
    """Before: 总分 93.84 without row 43, 等级 "⚠ 分值合计 95，不是 100"; check exit 0."""
    path = recalculated(filled(tmp_path, _row_above_total))
    assert shown(path, "H43", "G44", "H44", "H45") == [5, 100, 98.84, "优"]
    assert findings(path) == []


def test_the_native_template_counts_a_row_inserted_above_the_total(tmp_path):
    if not (shutil.which("soffice") or shutil.which("libreoffice")):
        pytest.skip("LibreOffice (soffice) is not installed: .ci/run installs libreoffice-calc")
    path = filled(tmp_path, _row_above_total, formulas="native")
    rows = sheets_as_shown(path, tmp_path / "lo")["自评表"]
    assert [rows[42][7], rows[43][6], rows[43][7], rows[44][7]] == ["5", "100", "98.84", "优"]


def test_an_older_template_total_leaving_out_the_row_is_an_error_at_the_total(tmp_path,
                                                                               capsys):
    """Before: only JX504 "总分公式保存的结果为“93.84”，按财政部规则重新计算应为“98.84”"
    without a cell, and exit 0; recalculating gave 93.84 again."""
    path = recalculated(filled(tmp_path, lambda book, sheet: _row_above_total(book, sheet, True)))
    assert shown(path, "G44", "H44", "H45") == [95, 93.84, "⚠ 分值合计 95，不是 100，不评等级"]
    assert findings(path) == [
        "JX501 error H44 总分公式 =JX_TOTAL(I6,H13:H42) 不含第 43 行（“群众满意度”，得分 5）："
        "总分为 93.84，各项得分之和为 98.84；分值合计公式（G44）同样不含这些行，显示 95；"
        "重算也不会计入。请把公式中的区域扩到第 43 行，或从 jixiao new 新建的模板中复制总分和"
        "分值合计的公式（新模板从表头的下一行合计到总分的上一行，在指标区域最上方或总分行上方"
        "插入的行都自动计入）"]
    assert main(["check", str(path)]) == 1
    assert "自评表!H44" in capsys.readouterr().out


def test_an_older_template_without_an_inserted_row_is_clean(tmp_path):
    """Its H13:H42 reads every indicator row: nothing to say."""
    def old(book, sheet):
        for ref, formula in OLD_FORMULAS.items():
            sheet[ref] = formula
    path = recalculated(filled(tmp_path, old))
    assert shown(path, "G43", "H43", "H44") == [100, 98.84, "优"]
    assert findings(path) == []


# ------------------------------------------- the top of the block (rt23 red team, s5)

RT23_FORMULAS = {"G43": "=JX_WEIGHT_TOTAL(JX_POINTS(G6),JX_POINTS(G13:INDEX(G:G,ROW()-1)))",
                 "H43": "=JX_TOTAL(I6,H13:INDEX(H:H,ROW()-1))"}  # the template's in rt23
_RANGE = re.compile(r"(\$?[A-Z]{1,3}\$?)(\d+):(\$?[A-Z]{1,3}\$?)(\d+)")


def _as_excel_saves(formula: str) -> str:
    """$C$14:$C13 (row 14's $C$13:$C14 copied up a row) as Excel writes it: $C$13:$C14."""
    def ordered(match: re.Match[str]) -> str:
        first, last = int(match.group(2)), int(match.group(4))
        if first <= last:
            return match.group(0)
        return f"{match.group(1)}{last}:{match.group(3)}{first}"
    return _RANGE.sub(ordered, formula)


def _row_at_top(book, sheet, formulas: dict[str, str] | None = None) -> None:
    """A 数量指标 row inserted at 13 (the first indicator row), row 14's formulas copied up
    into it, the 一级/二级 labels' merged cells stretched up over it; the 扶贫临时救助人数
    row (now 17) gives 5 of its 10 points to keep 100."""
    for ref, formula in (formulas or {}).items():
        sheet[ref] = formula
    insert_row(book, sheet, 13)
    for merged in [CellRange(str(merged)) for merged in sheet.merged_cells.ranges]:
        if merged.min_row == 14 and merged.min_col in (2, 3):  # B14:B27, C14:C17
            label = sheet.cell(14, merged.min_col).value
            sheet.unmerge_cells(merged.coord)
            merged.expand(up=1)
            sheet.merge_cells(merged.coord)
            sheet.cell(13, merged.min_col).value = label
    copy_formulas(sheet, 14, 13, _as_excel_saves)
    sheet["D13"], sheet["E13"], sheet["F13"], sheet["G13"] = "救助政策宣传次数", "≥4次", "6次", 5
    sheet["G17"] = 5


def test_the_template_counts_a_row_inserted_at_the_top_of_the_block(tmp_path):
    """Before: the 总分 read H13:INDEX(H:H,ROW()-1), which Excel moved to H14:… — row 13 left
    out, 总分 93.84 and 分值合计 95 (s5 ins13)."""
    path = filled(tmp_path, _row_at_top)
    assert openpyxl.load_workbook(path)[SHEET]["H44"].value == \
        "=JX_TOTAL(I6,INDEX(H:H,ROW(H12)+1):INDEX(H:H,ROW()-1))"
    path = recalculated(path)
    assert shown(path, "H13", "G44", "H44", "H45") == [5, 100, 98.84, "优"]
    assert findings(path) == []


def test_the_native_template_counts_a_row_inserted_at_the_top_of_the_block(tmp_path):
    """LibreOffice's 总分 counts the row, and check of the file it saves agrees (jixiao
    recalc computes a native form only as the template stands: it asks for Excel here)."""
    if not (shutil.which("soffice") or shutil.which("libreoffice")):
        pytest.skip("LibreOffice (soffice) is not installed: .ci/run installs libreoffice-calc")
    path = filled(tmp_path, _row_at_top, formulas="native")
    rows = sheets_as_shown(path, tmp_path / "lo", recalculate=True)["自评表"]
    assert [rows[12][7], rows[43][6], rows[43][7], rows[44][7]] == ["5", "100", "98.84", "优"]
    saved = convert(path, tmp_path / "lox", "xlsx", recalculate=True) / path.name
    assert shown(saved, "G44", "H44", "H45") == [100, 98.84, "优"]
    assert findings(saved) == []


def test_an_rt23_template_total_leaving_out_a_row_at_the_top_is_an_error_at_the_total(
        tmp_path, capsys):
    """Before: JX501 gave up on the INDEX range ("does not guess"): only JX504 without a
    cell, exit 0, and recalculating gave 93.84 again."""
    path = recalculated(filled(tmp_path, lambda book, sheet: _row_at_top(book, sheet,
                                                                          RT23_FORMULAS)))
    assert openpyxl.load_workbook(path)[SHEET]["H44"].value == \
        "=JX_TOTAL(I6,H14:INDEX(H:H,ROW()-1))"
    assert shown(path, "G44", "H44", "H45") == [95, 93.84, "⚠ 分值合计 95，不是 100，不评等级"]
    assert findings(path) == [
        "JX501 error H44 总分公式 =JX_TOTAL(I6,H14:INDEX(H:H,ROW()-1)) 不含第 13 行"
        "（“救助政策宣传次数”，得分 5）：总分为 93.84，各项得分之和为 98.84；分值合计公式"
        "（G44）同样不含这些行，显示 95；重算也不会计入。请把公式中的区域扩到第 13 行，或从 "
        "jixiao new 新建的模板中复制总分和分值合计的公式（新模板从表头的下一行合计到总分的上一行，"
        "在指标区域最上方或总分行上方插入的行都自动计入）"]
    assert main(["check", str(path)]) == 1
    assert "自评表!H44" in capsys.readouterr().out


def test_an_index_range_reading_every_row_stays_clean(tmp_path):
    """The neighbour that must not change: the rt23 range with no row inserted reads
    H13:H42 (resolved in row 43), every indicator row."""
    def rt23(book, sheet):
        for ref, formula in RT23_FORMULAS.items():
            sheet[ref] = formula
    path = recalculated(filled(tmp_path, rt23))
    assert shown(path, "G43", "H43", "H44") == [100, 98.84, "优"]
    assert findings(path) == []


_REFERENCE = re.compile(r"(?<![\w.$])(\$?[A-Z]{1,3}\$?)(\d+)(?::(\$?[A-Z]{1,3}\$?)(\d+))?"
                        r"(?![\w.(!])")


def _deleted_rows(text: str, at: int, count: int) -> str:
    """A formula's references as Excel writes them after deleting rows at..at+count-1: those
    below move up, a range loses the rows, a cell deleted (or a range all deleted) is #REF!."""
    end = at + count

    def moved(row: int, first: bool) -> int | None:
        if row >= end:
            return row - count
        if row < at:
            return row
        return at if first else at - 1  # a range's end inside the rows: its rows shrink

    def fix(match: re.Match[str]) -> str:
        top, bottom = int(match.group(2)), match.group(4)
        if bottom is None:
            return "#REF!" if at <= top < end else f"{match.group(1)}{moved(top, True)}"
        new_top, new_bottom = moved(top, True), moved(int(bottom), False)
        if new_top > new_bottom:
            return "#REF!"
        return f"{match.group(1)}{new_top}:{match.group(3)}{new_bottom}"

    parts = text.split('"')
    parts[::2] = [_REFERENCE.sub(fix, part) for part in parts[::2]]
    return '"'.join(parts)


def _quantity_block_deleted(book, sheet, formulas: dict[str, str] | None = None) -> None:
    """The project has no 数量指标: rows 13–16 deleted as Excel does, their 25 points given
    to the 质量指标 rows (now 13 and 14, 15 and 20), the 产出指标 label typed again (s5
    delblock)."""
    for ref, formula in (formulas or {}).items():
        sheet[ref] = formula
    sheet["G17"], sheet["G18"] = 15, 20
    merges = [CellRange(str(merged)) for merged in sheet.merged_cells.ranges]
    for merged in merges:
        sheet.unmerge_cells(merged.coord)
    sheet.delete_rows(13, 4)
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.value = _deleted_rows(cell.value, 13, 4)
    for merged in merges:
        if merged.max_row < 13:
            sheet.merge_cells(merged.coord)
        elif merged.min_row >= 17:
            merged.shift(0, -4)
            sheet.merge_cells(merged.coord)
        elif merged.max_row >= 17:  # across the rows: it shrinks
            merged.expand(down=-4)
            sheet.merge_cells(merged.coord)
    for name in book.defined_names.values():
        name.attr_text = _deleted_rows(name.attr_text, 13, 4)
    sheet["B13"] = "产出指标"


def test_the_template_total_survives_deleting_the_first_indicator_rows(tmp_path):
    """Its range starts below the header cell H12, which deleting rows 13–16 leaves."""
    path = filled(tmp_path, _quantity_block_deleted)
    assert openpyxl.load_workbook(path)[SHEET]["H39"].value == \
        "=JX_TOTAL(I6,INDEX(H:H,ROW(H12)+1):INDEX(H:H,ROW()-1))"
    path = recalculated(path)
    assert shown(path, "H13", "H14", "G39", "H39", "H40") == [15, 20, 100, 99, "优"]
    assert findings(path) == []


def test_a_total_formula_broken_by_deleted_rows_is_an_error_at_its_cell(tmp_path, capsys):
    """The rt23 template's H13:INDEX(H:H,ROW()-1) loses its H13: Excel writes #REF!:….
    Before: recalc wrote #VALUE! and check said only JX504 "3 个公式单元格（G39、H39、H40）
    显示 #VALUE!：文件由没有 jixiao 函数的软件保存，结果已丢失", exit 0."""
    path = filled(tmp_path, lambda book, sheet: _quantity_block_deleted(book, sheet,
                                                                         RT23_FORMULAS))
    assert openpyxl.load_workbook(path)[SHEET]["H39"].value == \
        "=JX_TOTAL(I6,#REF!:INDEX(H:H,ROW()-1))"
    path = recalculated(path)
    assert shown(path, "G39", "H39", "H40") == ["#VALUE!", "#VALUE!", "#VALUE!"]
    how = ("请从 jixiao new 新建的模板中复制总分和分值合计的公式恢复（新模板的区域从表头的"
           "下一行算起，删除或插入指标行都不会损坏）")
    assert findings(path) == [
        "JX503 error G39 分值合计公式 =JX_WEIGHT_TOTAL(JX_POINTS(G6),JX_POINTS(#REF!:INDEX(G:G,"
        "ROW()-1))) 引用的单元格已被删除（#REF!），公式已损坏，重算也算不出结果（按财政部规则"
        f"应为 100）：{how}",
        "JX503 error H39 总分公式 =JX_TOTAL(I6,#REF!:INDEX(H:H,ROW()-1)) 引用的单元格已被删除"
        f"（#REF!），公式已损坏，重算也算不出结果（按财政部规则应为 99）：{how}"]
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "自评表!H39" in out and "没有 jixiao 函数" not in out
