"""Number styles of real submissions. A date typed as 2024年12月20日 in a Chinese Excel: a
serial number in built-in style 31 (or 27-36, 50-58), written without its format code.
openpyxl reads the serial (45646); both cell sources read the date, and a 时效 indicator is
judged by it. A percent sign a clerk adds as text (0.00"%") does not scale the number."""

import datetime as dt
import re
import zipfile

import pytest
from workbooks import PUTUO_1_ROWS, Book, standard_sheet

from jixiao.pipeline import check_workbook
from jixiao.read.workbook import read_workbook

_CODES = {'yyyy"年"m"月"d"日"': 31, 'm"月"d"日"': 58}


def _as_builtin(path):
    """The workbook with each code of _CODES replaced by its built-in id, as Excel writes it."""
    with zipfile.ZipFile(path) as archive:
        members = {info: archive.read(info) for info in archive.infolist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in members.items():
            if info.filename == "xl/styles.xml":
                text = data.decode()
                for code, number in _CODES.items():
                    found = re.search(r'<numFmt numFmtId="(\d+)" formatCode="'
                                      + re.escape(code.replace('"', "&quot;")) + r'"\s*/>', text)
                    if found:
                        text = text.replace(found.group(0), "").replace(
                            f'numFmtId="{found.group(1)}"', f'numFmtId="{number}"')
                data = text.encode()
            archive.writestr(info, data)
    return path


def _table(tmp_path, target, actual, score=20):
    rows = [list(row) for row in PUTUO_1_ROWS]
    rows[2][3:7] = [target, actual, 20, score]  # 资金拨付及时性
    book = Book()
    sheet = standard_sheet(book.sheet(), rows=[tuple(row) for row in rows])
    for row in sheet.ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, dt.datetime):
                cell.number_format = 'yyyy"年"m"月"d"日"'
    path = _as_builtin(book.save(tmp_path / "zh-CN.xlsx"))
    assert b'numFmtId="31"' in zipfile.ZipFile(path).read("xl/styles.xml")
    return path


@pytest.mark.parametrize("engine", ["auto", "openpyxl"])
def test_both_sources_read_the_date_of_a_builtin_east_asian_style(tmp_path, engine):
    path = _table(tmp_path, "2024年12月31日前", dt.datetime(2024, 12, 20))
    indicator = read_workbook(path, engine=engine).tables[0].indicators[2]
    assert indicator.actual == dt.datetime(2024, 12, 20)


def test_dates_in_that_style_are_judged_as_dates(tmp_path):
    late = check_workbook(_table(tmp_path, dt.datetime(2024, 12, 31), dt.datetime(2025, 1, 10)))
    # late, yet full marks: caught (and the score is above the band of 逾期完成)
    assert [f.code for f in late.findings] == ["JX402", "JX408"]
    assert "（指标值 2024-12-31，完成值 2025-01-10），却得满分" in late.findings[0].message
    on_time = check_workbook(_table(tmp_path, "2024年12月31日前", dt.datetime(2024, 12, 20)))
    assert [f.code for f in on_time.findings] == []


def test_a_number_with_a_literal_percent_sign_is_that_percent(tmp_path):
    """99.8 in 0.00"%" shows 99.80%: a clerk adding the sign, not a fraction to scale."""
    rows = [list(row) for row in PUTUO_1_ROWS]
    rows[0][4] = 99.8  # 预算资金执行率 ≥90.00(%), shown 99.80%
    book = Book()
    sheet = standard_sheet(book.sheet(), rows=[tuple(row) for row in rows])
    for row in sheet.ws.iter_rows():
        for cell in row:
            if cell.value == 99.8:
                cell.number_format = '0.00"%"'
    result = check_workbook(book.save(tmp_path / "literal.xlsx"))
    assert [f.code for f in result.findings] == []
    assert result.tables[0].table.indicators[0].actual == "99.8%"  # as the cell shows it



def _with_formats(tmp_path, changes, total=(100, 99.98)):
    """The first Putuo table with (row, field): (value, number format or None) of ``changes``."""
    rows = [list(row) for row in PUTUO_1_ROWS]
    for (index, field), (value, _) in changes.items():
        rows[index][field] = value
    book = Book()
    sheet = standard_sheet(book.sheet(), rows=[tuple(row) for row in rows], total=total)
    for line in sheet.ws.iter_rows():
        texts = [cell.value for cell in line]
        for (index, field), (_, code) in changes.items():
            if code is not None and rows[index][2] in texts:
                line[texts.index(rows[index][2]) - 2 + field].number_format = code
    return book.save(tmp_path / "formatted.xlsx")


@pytest.mark.parametrize("engine", ["auto", "openpyxl"])
def test_a_sign_and_unit_in_the_number_format_are_read_as_shown(tmp_path, engine):
    """5 in "≤"0"件" shows ≤5件: a reverse target met by 3, full marks deserved (read as
    the bare 5, a target of 5 missed: JX402)."""
    path = _with_formats(tmp_path, {(1, 3): (5, '"≤"0"件"'), (1, 4): (3, '0"件"')})
    indicator = read_workbook(path, engine=engine).tables[0].indicators[1]
    assert (indicator.target, indicator.actual) == ("≤5件", "3件")
    assert [f.code for f in check_workbook(path).findings] == []


def test_a_unit_in_the_number_format_is_compared_with_the_other_sides_unit(tmp_path):
    """1.2 in "≥"0.0"万人" against 11800人 is 98.3% (24.58 of 25, read as 1.2: met, JX403);
    300 in "≤"0"万元" against 2950000元 is within (read as 300: far above, JX402)."""
    path = _with_formats(tmp_path, {(1, 3): (1.2, '"≥"0.0"万人"'), (1, 4): ("11800人", None),
                                    (1, 6): (24.58, None), (1, 7): ("部分村民外出务工", None),
                                    (2, 3): (300, '"≤"0"万元"'), (2, 4): ("2950000元", None)},
                         total=(100, 99.56))
    result = check_workbook(path)
    assert [f.code for f in result.findings] == []
    assert [(i.target, i.actual) for i in result.tables[0].table.indicators[1:3]] == [
        ("≥1.2万人", "11800人"), ("≤300万元", "2950000元")]


def test_points_and_plain_number_formats_keep_the_number(tmp_path):
    """A 分值 in 0"分" is 25 points; #,##0.00 and 0.00% add no text: read as before."""
    path = _with_formats(tmp_path, {(1, 5): (25, '0"分"'), (1, 6): (25, '0"分"'),
                                    (2, 3): (1234.5, "#,##0.00"), (2, 4): (0.95, "0.00%")})
    indicators = read_workbook(path).tables[0].indicators
    assert (indicators[1].weight, indicators[1].score_declared) == (25, 25)
    assert (indicators[2].target, indicators[2].actual) == (1234.5, "95%")


@pytest.mark.parametrize("engine", ["auto", "openpyxl"])
def test_a_formats_unit_that_does_not_compare_leaves_the_number_bare(tmp_path, engine):
    """280 in a column-wide #,##0.00"元" beside ≤300元/人 is the 280 measured (shown as
    280.00元, read since rt27 as 280元/人, ``units._per_left_off``; before, 元 against 元/人
    was JX204 and no 总分); 300 in "≤"0"元" beside 280元/人 keeps its ≤ (read as 300: a
    target of 300 missed by 280, JX402)."""
    path = _with_formats(tmp_path, {(1, 3): ("≤300元/人", None), (1, 4): (280, '#,##0.00"元"'),
                                    (2, 3): (300, '"≤"0"元"'), (2, 4): ("280元/人", None)})
    indicators = read_workbook(path, engine=engine).tables[0].indicators
    assert [(i.target, i.actual) for i in indicators[1:3]] == [
        ("≤300元/人", "280.00元"), ("≤300", "280元/人")]
    result = check_workbook(path)
    assert [f.code for f in result.findings] == []
    assert result.tables[0].evaluation.total == 99.98


def test_a_typed_unit_that_does_not_compare_is_still_reported(tmp_path):
    """28000元 typed beside ≤300元/人 is the clerk's unit: JX204 as before, the format's unit
    rule leaves it (and 1.2 in 0.0"万人" beside 11800人, which compares, keeps its 万人).
    (280元 there is read as 280元/人 since rt27: ``units._per_left_off``.)"""
    path = _with_formats(tmp_path, {(1, 3): ("≤300元/人", None), (1, 4): ("28000元", '#,##0"元"'),
                                    (2, 3): ("≥11800人", None), (2, 4): (1.2, '0.0"万人"')})
    result = check_workbook(path)
    assert [(f.code, f.cell, f.message) for f in result.findings] == [
        ("JX204", "F12", "“预算编制规范性”的指标值单位“元/人”与完成值单位“元”无法比较")]
    assert result.tables[0].table.indicators[2].actual == "1.2万人"
