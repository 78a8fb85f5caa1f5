"""rt31 r6: Excel tables (套用表格格式, Ctrl+T) and their structured references. Before,
``=SUBTOTAL(109,资金表[预算数])`` could not be parsed: recalc wrote #NAME? there and into every
cell reading it — the 执行率, its score, the 总分 — of a correct workbook, and said
“公式无法解析（FormulaError）”. Now each reference is written as the range it names."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.table import Table

from jixiao.recalc.structured import UnsupportedTableReference, resolved_tables
from jixiao.recalc.workbook import recalc_file
from jixiao.samples import sample
from jixiao.template.build import build_template
from jixiao.xlsx.package import Package
from jixiao.xlsx.tables import ExcelTable, workbook_tables

SHEET = "自评表"
FUNDS = "资金明细"
# 资金明细!A1:E5: a header row, data rows 2–4, a totals row 5
TABLE = ExcelTable("资金表", FUNDS, 1, 1, 5, 5,
                   ("序号", "支出内容", "全年 预算数", "执行数", "备[注]"), 1, 1)
BARE = ExcelTable("明细", "台账", 1, 1, 3, 2, ("项目", "金额"), 1, 0)  # no totals row
QUOTED = "'资金明细'!"


def resolved(text: str, sheet: str = SHEET, row: int = 3, column: int = 10) -> str:
    return resolved_tables(text, [TABLE, BARE], sheet, row, column)


@pytest.mark.parametrize(("formula", "expected"), [
    ("SUM(资金表[全年 预算数])", f"SUM({QUOTED}$C$2:$C$4)"),
    ("SUBTOTAL(109,资金表[执行数])", f"SUBTOTAL(109,{QUOTED}$D$2:$D$4)"),
    ("SUM(资金表[[#Data],[执行数]])", f"SUM({QUOTED}$D$2:$D$4)"),
    ("ROWS(资金表[#All])", f"ROWS({QUOTED}$A$1:$E$5)"),
    ("ROWS(资金表[#Data])", f"ROWS({QUOTED}$A$2:$E$4)"),
    ("资金表[#Totals]", f"{QUOTED}$A$5:$E$5"),
    ("资金表[[#Totals],[执行数]]", f"{QUOTED}$D$5"),
    ("资金表[[#totals], [执行数]]", f"{QUOTED}$D$5"),  # Excel ignores case and the space
    ("资金表[[#Headers],[#Data],[执行数]]", f"{QUOTED}$D$1:$D$4"),
    ("资金表[[#Data],[#Totals],[执行数]]", f"{QUOTED}$D$2:$D$5"),
    ("资金表[[序号]:[全年 预算数]]", f"{QUOTED}$A$2:$C$4"),
    ("SUM(资金表[[#All],[执行数]:[序号]])", f"SUM({QUOTED}$A$1:$D$5)"),
    ("资金表[备'[注']]", f"{QUOTED}$E$2:$E$4"),  # '[ and '] are brackets of the name
    ("SUM(资金表)", f"SUM({QUOTED}$A$2:$E$4)"),  # a table alone: its data rows
    ("资金表[@执行数]*2", f"{QUOTED}$D$3*2"),  # this row: row 3
    ("资金表[@[全年 预算数]]", f"{QUOTED}$C$3"),
    ("资金表[[#This Row],[执行数]]", f"{QUOTED}$D$3"),
    ('"资金表[执行数]"&资金表[[#Headers],[执行数]]', f'"资金表[执行数]"&{QUOTED}$D$1'),
    ("SUM(明细[金额])+明细[[#Totals],[金额]]", "SUM('台账'!$B$2:$B$3)+#REF!"),  # no totals row
    ("[1]!JX_SCORE(E13,F13,G13)+[1]Sheet1!A1", "[1]!JX_SCORE(E13,F13,G13)+[1]Sheet1!A1"),
    ("'[预算.xlsx]表'!A1+A1", "'[预算.xlsx]表'!A1+A1"),
    ("资金表[@执行数]", "#VALUE!"),  # this row, asked from row 9: no data row there
])
def test_a_structured_reference_is_the_range_it_names(formula, expected):
    row = 9 if expected == "#VALUE!" else 3
    assert resolved(formula, row=row) == expected


def test_inside_the_table_a_reference_needs_no_table_name():
    # a calculated column E: [@执行数] in E3 is D3; [执行数] is the whole column's data
    assert resolved("[@执行数]/[@[全年 预算数]]", FUNDS, 3, 5) == f"{QUOTED}$D$3/{QUOTED}$C$3"
    assert resolved("SUM([执行数])", FUNDS, 4, 5) == f"SUM({QUOTED}$D$2:$D$4)"


@pytest.mark.parametrize(("formula", "why"), [
    ("SUM(未知表[列])", "工作簿中没有名为“未知表”的表格"),
    ("SUM(资金表[没有的列])", "表格“资金表”没有列“没有的列”"),
    ("资金表[[#Headers],[#Totals]]", "这几项不能合用"),
    ("SUM([@执行数])", "不在表格中，没有写明表格名称"),
])
def test_what_names_no_range_is_refused_by_name(formula, why):
    with pytest.raises(UnsupportedTableReference) as caught:
        resolved(formula)
    assert caught.value.why == why and caught.value.reference in formula


def _funds_sheet(wb: openpyxl.Workbook, formulas: dict[str, str]) -> None:
    ws = wb.create_sheet(FUNDS)
    ws.append(["序号", "支出内容", "全年预算数", "全年执行数", "备注"])
    ws.append([1, "培训费", 20, 19.9])
    ws.append([2, "教材资料费", 11.56, 11.6])
    ws.add_table(Table(displayName="资金表", ref="A1:E3"))
    for ref, formula in formulas.items():
        ws[ref] = formula


def test_the_tables_are_read_from_the_package(tmp_path):
    wb = openpyxl.Workbook()
    _funds_sheet(wb, {})
    wb.save(tmp_path / "t.xlsx")
    assert workbook_tables(Package(tmp_path / "t.xlsx")) == [ExcelTable(
        "资金表", FUNDS, 1, 1, 3, 5, ("序号", "支出内容", "全年预算数", "全年执行数", "备注"), 1, 0)]


def _putuo_with_funds_table(path: Path, formulas: dict[str, str]) -> Path:
    """The putuo sample in jixiao's template, its 全年预算数 and 全年执行数 (31.56, 31.50)
    summed from a table on another sheet."""
    build_template(path, table=sample("putuo-1"))
    wb = openpyxl.load_workbook(path)
    _funds_sheet(wb, formulas)
    wb[SHEET]["E6"], wb[SHEET]["F6"] = f"={FUNDS}!C6", f"={FUNDS}!D6"
    wb.save(path)
    return path


def test_the_template_reading_its_funds_from_a_table_scores_as_typed(tmp_path):
    # 20 + 11.56 = 31.56, 19.9 + 11.6 = 31.50: 执行率 31.50 / 31.56 = 99.81%, 10 × that
    # = 9.98, 总分 99.98 优 — the putuo sample's own numbers
    path = _putuo_with_funds_table(tmp_path / "p.xlsx", {
        "C6": "=SUBTOTAL(109,资金表[全年预算数])", "D6": "=SUM(资金表[[#Data],[全年执行数]])",
        "E2": "=[@全年执行数]/[@全年预算数]", "E3": "=资金表[@全年执行数]-资金表[@全年预算数]"})
    written, result = recalc_file(path, tmp_path / "r.xlsx")
    assert not result.failures and not result.stood and not result.left
    values = openpyxl.load_workbook(written, data_only=True)
    funds, table = values[FUNDS], values[SHEET]
    assert (funds["C6"].value, funds["D6"].value) == pytest.approx((31.56, 31.5))
    assert funds["E2"].value == pytest.approx(19.9 / 20) and funds["E3"].value == pytest.approx(0.04)
    assert (table["E6"].value, table["F6"].value) == pytest.approx((31.56, 31.5))
    assert round(table["H6"].value, 4) == 0.9981 and table["I6"].value == 9.98
    assert (table["H43"].value, table["H44"].value) == (99.98, "优")
    # the formulas are kept as written
    assert openpyxl.load_workbook(written)[FUNDS]["C6"].value == "=SUBTOTAL(109,资金表[全年预算数])"


def test_a_reference_naming_no_column_fails_by_name_where_the_table_reads_it(tmp_path):
    path = _putuo_with_funds_table(tmp_path / "p.xlsx", {
        "C6": "=SUM(资金表[预算])", "D6": "=SUM(资金表[全年执行数])"})
    _, result = recalc_file(path, tmp_path / "r.xlsx")
    failed = {str(failure.source): failure for failure in result.failures}
    assert failed[f"{FUNDS}!C6"].reason == "不支持的表格引用 资金表[预算]：表格“资金表”没有列“预算”"
    assert failed[f"{SHEET}!H6"].reason == f"依赖未算出的单元格 {FUNDS}!C6"
    assert not any("Error" in failure.reason for failure in result.failures)
    assert f"{FUNDS}!D6" not in failed and result.values[FUNDS]["D6"] == pytest.approx(31.5)
