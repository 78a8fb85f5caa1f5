"""A row the sheet hides under the header (last year's indicator kept, hidden instead of
deleted) is no indicator of the table: it is neither shown nor printed, and the unit's
总分 leaves it out. Before, it was read as one: false JX101 (分值 110), JX102, JX404,
JX405 and a computed 总分 of 105.98. A note names the row, so nothing goes unseen."""

from __future__ import annotations

import pytest
from test_real_shapes import codes
from workbooks import PUTUO_1_ROWS, Book, standard_sheet

from jixiao.pipeline import check_workbook
from jixiao.read.workbook import read_workbook
from jixiao.xlsx.foreign_layout import foreign_layout, xls_layout

OLD = ("产出指标", "时效指标", "上年度旧指标（已停用）", "≥50%", "30%", 10, 3, None)


def _with_hidden_row(path, hidden=True, rows=PUTUO_1_ROWS):
    book = Book()
    sheet = book.sheet()
    standard_sheet(sheet, rows=[*rows[:3], OLD, *rows[3:]])
    [row] = [r for r in range(1, 40) if sheet.ws.cell(r, 4).value == OLD[2]]
    sheet.ws.row_dimensions[row].hidden = hidden
    return book.save(path), row


@pytest.mark.parametrize("engine", ["auto", "openpyxl"])
def test_a_hidden_row_is_left_out_and_named(tmp_path, engine):
    path, row = _with_hidden_row(tmp_path / "t.xlsx")
    workbook = read_workbook(path, engine=engine)
    [table] = workbook.tables
    assert OLD[2] not in [indicator.name for indicator in table.indicators]
    assert len(table.indicators) == 5
    [note] = workbook.notes
    assert f"第 {row} 行是隐藏行（“{OLD[2]}”）" in note


def test_the_table_checks_clean_and_a_visible_copy_still_counts(tmp_path):
    path, _ = _with_hidden_row(tmp_path / "hidden.xlsx")
    result = check_workbook(path)
    assert result.findings == [] and result.tables[0].evaluation.total == 99.98
    shown, _ = _with_hidden_row(tmp_path / "shown.xlsx", hidden=False)
    assert "JX101" in {item.code for item in check_workbook(shown).findings}


def test_a_mistake_in_a_visible_row_is_still_found(tmp_path):
    rows = [list(row) for row in PUTUO_1_ROWS]
    rows[4][3:5] = ["≥95%", "85%"]  # 服务对象满意度 missed at full marks
    path, _ = _with_hidden_row(tmp_path / "t.xlsx", rows=[tuple(r) for r in rows])
    data_codes = codes({"findings": [{"code": item.code} for item in check_workbook(path).findings]})
    assert "JX402" in data_codes


@pytest.mark.parametrize("kind", ["xls", "ods"])
def test_an_excel_97_xls_tells_its_hidden_rows_too(tmp_path, kind):
    """python-calamine reads an .xls's cells but not which rows it hides: the Row records
    of its Workbook stream do ([MS-XLS] Row.fDyZero), and an .ods's table:visibility. The
    same table saved as .xls or .ods by LibreOffice reads as the .xlsx does."""
    from libreoffice import convert

    path, row = _with_hidden_row(tmp_path / "t.xlsx")
    [xls] = convert(path, tmp_path, kind).glob(f"*.{kind}")
    workbook = read_workbook(xls)
    assert len(workbook.tables[0].indicators) == 5
    [note] = workbook.notes
    assert f"第 {row} 行是隐藏行" in note
    assert check_workbook(xls).findings == []


def test_a_stream_it_cannot_follow_hides_nothing():
    assert xls_layout(b"not an ole file") == {}
    assert xls_layout(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600) == {}


def _filtered(path):
    book = Book()
    sheet = standard_sheet(book.sheet())
    ws = sheet.ws
    header = next(cell.row for cell in ws["D"] if cell.value == "三级指标")
    last = header + len(PUTUO_1_ROWS)
    ws.auto_filter.ref = f"B{header}:I{last}"
    ws.auto_filter.add_filter_column(0, ["产出指标"])
    for row in range(header + 1, last + 1):
        if ws.cell(row, 4).value in [r[2] for r in PUTUO_1_ROWS if r[0] != "产出指标"]:
            ws.row_dimensions[row].hidden = True
    return book.save(path)


@pytest.mark.parametrize("engine", ["auto", "openpyxl"])
def test_rows_an_applied_filter_hides_are_the_tables(tmp_path, engine):
    """rt15 D6: a clerk filtered the indicators (一级指标 = 产出指标) and saved with the
    filter on. The rows it hides are this year's: before, they were left out as hidden
    rows (false JX101 分值 40, JX104 缺少效益指标, JX501)."""
    path = _filtered(tmp_path / "t.xlsx")
    workbook = read_workbook(path, engine=engine)
    assert len(workbook.tables[0].indicators) == len(PUTUO_1_ROWS)
    assert workbook.notes == []
    assert check_workbook(path).findings == []


@pytest.mark.parametrize("kind", ["xls", "ods"])
def test_an_xls_with_an_applied_filter_keeps_its_rows_too(tmp_path, kind):
    """The filtered table saved as Excel 97-2003 .xls: its rows are hidden by Row records,
    and a FilterMode record says a filter hides them ([MS-XLS] 2.4.121); in an .ods they
    are table:visibility="filter", not "collapse"."""
    from libreoffice import convert

    [xls] = convert(_filtered(tmp_path / "t.xlsx"), tmp_path, kind).glob(f"*.{kind}")
    layouts = foreign_layout(xls.read_bytes(), kind).sheets
    assert not any(layout.hidden_rows for layout in layouts.values())  # filtered: the table's
    workbook = read_workbook(xls)
    assert len(workbook.tables[0].indicators) == len(PUTUO_1_ROWS)
    assert workbook.notes == [] and check_workbook(xls).findings == []


def _with_hidden_column(path):
    rows = [list(row) for row in PUTUO_1_ROWS]
    rows[4][3:5] = ["≥95%", "85%"]  # this year: 服务对象满意度 missed at full marks
    book = Book()
    header = ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "实际完成值", "分值", "得分",
              "偏差原因分析及改进措施")
    last_year = ["60%", "未达成", "未达成", "下降", "不满意"]
    sheet = standard_sheet(book.sheet(), header=header,
                           rows=[(*row[:4], old, *row[4:]) for row, old in zip(rows, last_year, strict=True)])
    sheet.ws.column_dimensions["F"].hidden = True  # 一级 is B: the first 实际完成值 is F
    return book.save(path), rows


@pytest.mark.parametrize("engine", ["auto", "openpyxl", "xls", "ods"])
def test_a_hidden_column_of_last_years_values_gives_way_to_the_shown_one(tmp_path, engine):
    """rt15 D2: last year's sheet reused, this year's 实际完成值 inserted beside last
    year's, which is hidden under the same header. Before, the hidden column was read:
    last year's actuals against this year's targets (false JX402, JX404), and a row
    unmet this year went unreported. An .xls says so in its ColInfo records."""
    path, rows = _with_hidden_column(tmp_path / "t.xlsx")
    if engine in ("xls", "ods"):
        from libreoffice import convert

        [path] = convert(path, tmp_path, engine).glob(f"*.{engine}")
        engine = "auto"
    workbook = read_workbook(path, engine=engine)
    table = workbook.tables[0]
    assert [i.actual for i in table.indicators] == [row[4] for row in rows]
    [note] = workbook.notes
    assert note.startswith("工作表“自评表”F 列（“实际完成值”）是隐藏列，表头与显示的列相同，未读取")
    assert codes({"findings": [{"code": f.code} for f in check_workbook(path).findings]}) \
        == ["JX402"]



def _indicators_hidden(path, how):
    """The standard table, its 产出 rows hidden ``how``: a collapsed outline group, or the
    filter of an Excel Table over the indicators (一级指标 = 效益指标)."""
    from openpyxl import load_workbook
    from openpyxl.worksheet.table import Table

    book = Book()
    sheet = book.sheet()
    standard_sheet(sheet)
    book.save(path)
    workbook = load_workbook(path)
    ws = workbook.active
    rows = [r for r in range(1, 40) if ws.cell(r, 1).value == "产出指标"
            or (ws.cell(r, 4).value in [row[2] for row in PUTUO_1_ROWS[:3]])]
    header = min(rows) - 1
    for row in rows:
        ws.row_dimensions[row].hidden = True
        if how == "group":
            ws.row_dimensions[row].outlineLevel = 1
    if how == "table":
        last = max(r for r in range(1, 40) if ws.cell(r, 4).value == PUTUO_1_ROWS[-1][2])
        from openpyxl.worksheet.filters import AutoFilter

        table = Table(displayName="指标", ref=f"A{header}:I{last}",
                      autoFilter=AutoFilter(ref=f"A{header}:I{last}"))
        table.autoFilter.add_filter_column(0, ["效益指标"])
        ws.add_table(table)
        ws.sheet_properties.filterMode = True
    workbook.save(path)
    return path


@pytest.mark.parametrize("how", ["group", "table"])
@pytest.mark.parametrize("engine", ["auto", "openpyxl"])
def test_rows_a_collapsed_group_or_a_tables_filter_hides_are_this_years(tmp_path, how, engine):
    """Rows hidden by a collapsed outline group (its + button shows them) or by an Excel
    Table's filter (the sheet's filterMode, the filter in the table part): a view, as a
    sheet's AutoFilter is — read (rt18-d 2, 3: before, left out as last year's rows,
    JX101 “分值合计为 50”, JX104, JX501)."""
    path = _indicators_hidden(tmp_path / f"{how}.xlsx", how)
    workbook = read_workbook(path, engine=engine)
    [table] = workbook.tables
    assert len(table.indicators) == 5 and workbook.notes == []
    assert check_workbook(path).findings == []


def test_a_draft_table_kept_in_hidden_rows_above_the_table_is_set_aside(tmp_path):
    """Last year's draft kept above this year's table, every row of it hidden: set aside
    with a note, as a hidden sheet's table is (rt18-d 4: before, a second table “自评表未
    填写”, JX001 at a hidden cell, exit 1 on a correct submission)."""
    book = Book()
    sheet = book.sheet()
    standard_sheet(sheet, name="旧项目（草稿）")
    draft_end = sheet.row
    standard_sheet(sheet)
    for row in range(1, draft_end):
        sheet.ws.row_dimensions[row].hidden = True
    path = book.save(tmp_path / "t.xlsx")
    result = check_workbook(path)
    assert [table.table.project.name for table in result.tables] == [
        "普陀区医疗保险事务中心信息安全等保项目机房设施升级改造"]
    assert result.findings == []
    assert any("指标行全部隐藏的表" in note for note in result.notes)


@pytest.mark.parametrize("engine", ["auto", "openpyxl"])
def test_a_hidden_money_line_is_left_out_and_named(tmp_path, engine):
    """Last year's “其中：当年财政拨款” kept in a hidden row of the money block: not added to
    the lines shown (rt18-d 5: before, JX304 ×3 “各明细合计 …”); the note names it."""
    from workbooks import PUTUO_1_MONEY

    old = ("其中：当年财政拨款", 20, 20, 18, "—", 90, "—")
    money = [PUTUO_1_MONEY[0], old, *PUTUO_1_MONEY[1:]]
    book = Book()
    sheet = book.sheet()
    standard_sheet(sheet, money=money)
    [row] = [r for r in range(1, 20) if sheet.ws.cell(r, 2).value == old[0]
             and sheet.ws.cell(r, 3).value == 20]
    sheet.ws.row_dimensions[row].hidden = True
    path = book.save(tmp_path / "t.xlsx")
    workbook = read_workbook(path, engine=engine)
    [table] = workbook.tables
    assert [line.budget for line in table.funds.parts] == [31.56, 0, 0]
    assert check_workbook(path).findings == []
    assert any(f"第 {row} 行是隐藏行（“其中：当年财政拨款”）" in note for note in workbook.notes)
