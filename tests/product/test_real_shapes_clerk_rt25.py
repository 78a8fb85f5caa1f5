"""A clerk fits jixiao's template to a long 数量 group in LibreOffice (user test rt25):
rows deleted, rows inserted, the row above copied into them — and ``jixiao check`` and
``jixiao recalc`` say what is wrong in the words of what the clerk did.

The filled form is test_real_shapes_clerk's 濉溪县 临时救助 2019 table (98.84 优)."""

from __future__ import annotations

from copy import copy

from libreoffice import convert
from openpyxl.formula.translate import Translator
from test_real_shapes_clerk import copy_formulas, filled, findings, insert_row

from jixiao.cli.main import main
from jixiao.recalc.workbook import recalc_file

# ---------------------------------------------------------------- 1: the visible cells copied alone


def _two_rows_inserted(book, sheet):
    """Two 数量 rows inserted at 16: the first given the whole row above (hidden M–AD
    included), the second only its visible cells (D:K: the 得分 and 是否达成 formulas,
    not the hidden helpers they read). 100 points still: 扶贫临时救助人数 10 → 5, the
    及时性 row emptied."""
    sheet["G16"] = 5
    for column in "DEFGI":
        sheet[f"{column}21"] = None
    insert_row(book, sheet, 16)
    insert_row(book, sheet, 16)
    copy_formulas(sheet, 15, 16)
    for column in "DEFGHIJK":  # the visible cells pasted: their formats (locks) too
        sheet[f"{column}17"]._style = copy(sheet[f"{column}15"]._style)
    for column in "HK":
        origin = sheet[f"{column}15"]
        sheet[f"{column}17"] = Translator(origin.value, origin=origin.coordinate) \
            .translate_formula(f"{column}17")
    for row, name in ((16, "低保边缘家庭救助人数"), (17, "困境儿童救助人数")):
        sheet[f"D{row}"], sheet[f"E{row}"], sheet[f"F{row}"], sheet[f"G{row}"] = \
            name, "≥20人", "25人", 5


def test_a_row_given_only_its_visible_cells_is_said_to_lack_its_hidden_formulas(tmp_path):
    """rt25 1. Before, recalculated by LibreOffice (H17 blank, 总分 ⚠, 分值合计 95): JX406
    “未填写得分” at the locked H17, which holds its formula, and JX504 “stale” for the
    row, the 分值合计 and the 总分 — though recalculating again gives the same. Now the
    diagnosis of a row inserted without any formula (JX503), in the words of what was
    copied; the row given the whole row above is sound. It points at the row's 三级指标
    D17, a cell the clerk fills (was: at H17, locked)."""
    from openpyxl import load_workbook

    path = filled(tmp_path, _two_rows_inserted, "native")
    out = convert(path, tmp_path / "lo", "xlsx", recalculate=True) / path.name
    sheet = load_workbook(out)["自评表"]
    assert sheet["H17"].protection.locked and not sheet["D17"].protection.locked
    assert findings(out) == [
        "JX503 error D17 第17行“困境儿童救助人数”的得分为空：该行隐藏的 M–AD 列没有公式"
        "（插入行后只复制了看得见的单元格），重算也算不出得分，不计入总分（按财政部规则应为 5）："
        "请复制上一整行（含隐藏的 M–AD 列的公式）插入或粘贴到该行，再改写其填写内容"]


def test_recalc_of_a_row_given_only_its_visible_cells_asks_for_the_whole_row(tmp_path, capsys):
    """rt25 1. Before: "删除了…行 … 重算（F9）后保存" or, rows not moved, a file written
    with a 总分 counting the row its formulas leave blank. F9 mends neither."""
    path = filled(tmp_path, _two_rows_inserted, "native")
    assert main(["recalc", str(path), "-o", str(tmp_path / "out.xlsx")]) == 1
    message = capsys.readouterr().err
    assert "但第 17 行（如 自评表!H17）缺少模板的公式：插入行后没有复制整行，或只复制了看得见的单元格" \
        in message, message
    assert "给这些行从上一行复制整行（含隐藏的 M–AD 列的公式）" in message
    assert not (tmp_path / "out.xlsx").exists()


# ---------------------------------------------------------------- 3: rows deleted and inserted


def test_recalc_of_rows_deleted_and_inserted_says_only_what_it_knows(tmp_path, capsys):
    """rt25 3. Before: "删除了 1 行" where the clerk deleted two rows and inserted one
    (the whole row above copied into it): only the difference shows."""
    def change(book, sheet):
        insert_row(book, sheet, 14)
        copy_formulas(sheet, 13, 14)
        sheet.move_range("A26:AD45", rows=-2, translate=True)  # rows 24 and 25 deleted

    path = filled(tmp_path, change, "native")
    assert main(["recalc", str(path), "-o", str(tmp_path / "out.xlsx")]) == 1
    message = capsys.readouterr().err
    assert "但比模板少了 1 行（删除过行；模板最后的公式在第 44 行，本表在第 43 行）" in message, message
    assert "删除了 1 行" not in message


# ---------------------------------------------------------------- 2: a row inserted at the top


def _row_inserted_at_13(book, sheet):
    """A 数量 row inserted at 13, the top of the block, the row below copied into it
    (hidden helpers included): Excel and LibreOffice move the 一级/二级 merges down to
    B14/C14 instead of stretching them. 100 points still: 扶贫临时救助人数 10 → 5."""
    sheet["G16"] = 5
    insert_row(book, sheet, 13)
    copy_formulas(sheet, 14, 13)
    sheet["D13"], sheet["E13"], sheet["F13"], sheet["G13"] = "政策宣传活动次数", "≥4次", "6次", 5


_TOP_ROW = ("JX107 info D13 第13行“政策宣传活动次数”的一级、二级指标为空（插在“产出指标”“数量指标”"
            "合并单元格上方的行），按下方的“产出指标”“数量指标”归类；请把一级、二级指标的合并单元格"
            "扩展到该行")


def test_a_row_inserted_above_the_first_group_is_the_group_below(tmp_path):
    """rt25 2. Before: row 13 read with no 一级 and no 二级, its 5 points left out of 产出:
    JX102 “产出指标分值合计 45 … 调整权重须说明理由” for a weight nobody changed. The
    template's own formulas read its 二级 from the merge below ($C13:$C$14); check too."""
    from jixiao.pipeline import check_workbook

    path = filled(tmp_path, _row_inserted_at_13)
    out = recalc_file(path, tmp_path / "recalculated.xlsx")[0]
    assert findings(out) == [_TOP_ROW]
    [checked] = check_workbook(out).tables
    row = checked.table.indicators[0]
    assert (row.name, row.level1, row.level2) == ("政策宣传活动次数", "产出指标", "数量指标")
    assert (row.sources["level1"].cell, row.sources["level2"].cell) == ("B14", "C14")


def test_the_native_template_with_a_row_inserted_at_the_top_in_libreoffice(tmp_path):
    path = filled(tmp_path, _row_inserted_at_13, "native")
    out = convert(path, tmp_path / "lo", "xlsx", recalculate=True) / path.name
    assert findings(out) == [_TOP_ROW]


def test_a_units_own_table_keeps_its_first_row_without_a_group(tmp_path):
    """Not on a unit's own table: a first row without 一级/二级 there may be of no group —
    a 预算资金执行率 row listed first is the 预算执行率's (its JX102 stays)."""
    from workbooks import PUTUO_1_ROWS, standard

    from jixiao.pipeline import check_workbook

    rows = [(None, None, *PUTUO_1_ROWS[0][2:]), *PUTUO_1_ROWS[1:]]
    result = check_workbook(standard(tmp_path / "own.xlsx", rows=rows))
    first = result.tables[0].table.indicators[0]
    assert (first.name, first.level1, first.level2) == ("预算资金执行率", None, None)
    assert [(item.code, item.cell) for item in result.findings] == [("JX102", "G11"),
                                                                    ("JX102", "B12")]
