"""``jixiao convert`` of a table with more indicators under a 二级 than the standard form has
rows (rt34 F1): before, “产出指标“质量指标”有 5 条三级指标，标准模板只有 4 行”, exit 2, no
file — for any real table with 5+ 数量指标, and for jixiao's own form a clerk had given a
row more. Now the form is built with the rows wanted (``layout.Form``): each new row the
group's other rows' formulas, styles, validation and protection, the merged 一级/二级 over
it, the 总分, 分值合计, highlights and defined names covering it — in both variants."""

from __future__ import annotations

import openpyxl
import pytest
from libreoffice import sheets_as_shown, shown
from openpyxl.formula.translate import Translator
from workbooks import Book, standard_sheet

from jixiao.cli.main import main
from jixiao.layout import SHEET
from jixiao.native import HELPER_COLUMNS
from jixiao.pipeline import check_workbook

OUTPUT, BENEFIT = "产出指标", "效益指标"
ROWS = [
    *[(OUTPUT, "数量指标", f"培训场次{i}", "≥10场", "10场", 5, 5, None) for i in range(1, 7)],
    (OUTPUT, "数量指标", "培训人数", "≥100人", "90人", 5, 4.5, "报名不足，下年度提前宣传"),
    (OUTPUT, "质量指标", "培训合格率", "≥95%", "96%", 10, 10, None),
    (OUTPUT, "时效指标", "按时完成率", "100%", "100%", 5, 5, None),
    *[(BENEFIT, "社会效益指标", f"受益群众{i}", "≥500人", "520人", 6, 6, None)
      for i in range(1, 6)],
    ("满意度指标", "服务对象满意度指标", "参训人员满意度", "≥90%", "95%", 10, 10, None),
]
# 数量 13–19 (7 rows, 4 in the standard form), 质量 20–23, 时效 24–26, 成本 27–29,
# 经济 30–32, 社会 33–37 (5 rows, 4), 生态 38–40, 可持续 41–43, 满意 44–46
LAST = 46
TOTAL, GRADE = LAST + 1, LAST + 2
INPUTS = "DEFGIJ"  # 三级 指标值 完成值 分值 偏差原因 人工评分: unlocked


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    book = Book()
    standard_sheet(book.sheet(), rows=ROWS, total=(100, 99.48))
    return book.save(tmp_path_factory.mktemp("rows") / "培训.xlsx")


def _converted(source, folder, formulas):
    target = folder / f"{formulas}.xlsx"
    assert main(["convert", str(source), "-o", str(target), "--formulas", formulas]) == 0
    return target


@pytest.mark.parametrize("formulas", ["addin", "native"])
def test_a_table_with_more_rows_than_a_group_converts_recalcs_and_checks(
        tmp_path, source, formulas):
    """7 数量 and 5 社会 rows: converted, recalculated, checked — the source's 99.48 优
    (9.98 执行率 + 4.5 for 90 of ≥100人 + 85), no finding — as the source itself."""
    expected = check_workbook(source)
    assert expected.findings == []
    assert (expected.tables[0].evaluation.total, expected.tables[0].evaluation.grade) == \
        (99.48, "优")
    target = _converted(source, tmp_path, formulas)
    recalculated = tmp_path / "out.xlsx"
    assert main(["recalc", str(target), "-o", str(recalculated)]) == 0
    result = check_workbook(recalculated)
    assert result.error is None and result.findings == []
    table = result.tables[0]
    assert (table.evaluation.total, table.evaluation.grade) == (99.48, "优")
    assert [i.name for i in table.table.indicators] == [row[2] for row in ROWS]
    values = openpyxl.load_workbook(recalculated, data_only=True)[SHEET]
    assert (values[f"G{TOTAL}"].value, values[f"H{TOTAL}"].value,
            values[f"H{GRADE}"].value) == (100, 99.48, "优")
    assert values["H19"].value == 4.5 and values["H37"].value == 6


@pytest.mark.parametrize("formulas", ["addin", "native"])
def test_the_new_rows_are_the_groups_rows(tmp_path, source, formulas):
    """Rows 17–19 (数量) and 37 (社会) hold what the group's first row holds — each formula
    translated to the row, style, locking — under the group's merged 二级 and 一级; the
    names, validation, highlights, print area and the 总分 row's formulas reach row 46."""
    book = openpyxl.load_workbook(_converted(source, tmp_path, formulas))
    ws = book[SHEET]
    merged = {str(cells) for cells in ws.merged_cells.ranges}
    assert {"C13:C19", "C33:C37", "C44:C46", "B13:B29", "B30:B43", "B44:B46",
            f"A12:A{LAST}", f"A{TOTAL}:F{TOTAL}"} <= merged
    columns = [*"DEFGHIJK", "AB", *(HELPER_COLUMNS if formulas == "native" else ())]
    for first, rows in ((13, range(14, 20)), (33, range(34, 38))):
        for row in rows:
            for column in columns:
                model, cell = ws[f"{column}{first}"], ws[f"{column}{row}"]
                if isinstance(model.value, str) and model.value.startswith("="):
                    assert cell.value == Translator(model.value, model.coordinate) \
                        .translate_formula(cell.coordinate), cell.coordinate
                assert (cell.style_id, cell.protection.locked) == \
                    (model.style_id, model.protection.locked), cell.coordinate
                assert cell.protection.locked is (column not in INPUTS), cell.coordinate
    for name, ref in (("JX_Name", f"$D$13:$D${LAST}"), ("JX_IndicatorScore", f"$H$13:$H${LAST}"),
                      ("JX_TotalScore", f"$H${TOTAL}"), ("JX_TotalGrade", f"$H${GRADE}")):
        assert book.defined_names[name].attr_text == f"'{SHEET}'!{ref}"
    assert book.defined_names["JX_IndicatorRows"].attr_text == str(LAST - 12)  # as built
    assert ws.print_area == f"'{SHEET}'!$A$1:$I${GRADE}"
    validated = {str(ref) for validation in ws.data_validations.dataValidation
                 for ref in validation.sqref.ranges}
    assert {f"F13:F{LAST}", f"G13:G{LAST}", f"J13:J{LAST}"} <= validated
    marked = {str(ref) for ranges in ws.conditional_formatting for ref in ranges.sqref.ranges}
    assert {f"G13:G{LAST}", f"E13:E{LAST}", f"I13:I{LAST}"} <= marked
    rules = [rule.formula[0] for ranges in ws.conditional_formatting for rule in ranges.rules]
    assert any(f"$G${TOTAL}" in rule and f"$G$13:$G${LAST}" in rule for rule in rules)  # JX101
    # the 总分 row reads from the header down to the row above it, whatever that is
    assert "ROW()-1" in ws[f"H{TOTAL}"].value and "ROW()-1" in ws[f"G{TOTAL}"].value
    assert ws[f"H{GRADE}"].value.startswith("=")


def test_a_form_jixiao_made_with_a_row_more_converts_again(tmp_path, source):
    """The form convert made (5 社会 rows), converted once more with --year (the yearly
    workflow): the same rows, the actuals cleared."""
    made = _converted(source, tmp_path, "addin")
    again = tmp_path / "2025.xlsx"
    assert main(["convert", str(made), "-o", str(again), "--year", "2025"]) == 0
    table = check_workbook(again).tables[0].table
    assert [i.name for i in table.indicators] == [row[2] for row in ROWS]
    assert all(i.actual is None for i in table.indicators)


def test_libreoffice_computes_the_longer_native_form_as_recalc_does(tmp_path, source):
    """LibreOffice, recalculating every formula on loading, shows the 得分 of the new rows,
    the 分值合计, 总分 and 等级 that ``jixiao recalc`` stored."""
    target = _converted(source, tmp_path, "native")
    recalculated = tmp_path / "out.xlsx"
    assert main(["recalc", str(target), "-o", str(recalculated)]) == 0
    rows = sheets_as_shown(target, tmp_path, recalculate=True)[SHEET]
    values = openpyxl.load_workbook(recalculated, data_only=True)[SHEET]
    for ref in ("H17", "H19", "H37", f"G{TOTAL}", f"H{TOTAL}", f"H{GRADE}"):
        value = values[ref].value
        assert shown(rows, ref) == (f"{value:g}" if isinstance(value, float | int) else value), ref
