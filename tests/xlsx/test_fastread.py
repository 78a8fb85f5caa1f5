"""The fast cell source (python-calamine + one XML pass) reads exactly what openpyxl
reads. Besides these tests, tests/conftest.py compares both sources on every
workbook any test writes."""

import datetime as dt
import io
import zipfile

import pytest
from engines import assert_engines_agree, reading
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from workbooks import (
    ATTACHMENT,
    BROKEN_KINDS,
    SICHUAN,
    STANDARD,
    THIRD_PARTY,
    Book,
    Formula,
    Percent,
    broken,
    grid_book,
    putuo,
    sichuan,
    standard,
    zizhou,
)

from jixiao.read.workbook import read_workbook
from jixiao.samples import PUTUO_2024
from jixiao.xlsx.book import sheet_parts
from jixiao.xlsx.cells import calamine_sheets


def fast_path_taken(path) -> bool:
    data = path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return calamine_sheets(data, archive, sheet_parts(path, archive)) is not None


BUILDERS = {
    "standard": standard,
    "zizhou": zizhou,
    "sichuan": sichuan,
    "sichuan-stated-rules": lambda path: sichuan(path, rules="ratio"),
    **{key: (lambda path, key=key: putuo(path, key)) for key in
       (item.key for item in PUTUO_2024)},
}


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_layouts_are_read_fast_and_identically(tmp_path, name):
    path = BUILDERS[name](tmp_path / f"{name}.xlsx")
    assert fast_path_taken(path)
    assert_engines_agree(path)
    assert read_workbook(path).tables  # the default engine is the fast one


def test_the_template_and_the_demo_are_read_fast(tmp_path):
    from jixiao.cli.main import main

    assert main(["new", str(tmp_path / "new.xlsx")]) == 0
    assert main(["demo", "-o", str(tmp_path / "demo.xlsx")]) == 0
    for path in (tmp_path / "new.xlsx", tmp_path / "demo.xlsx"):
        assert fast_path_taken(path)
        assert_engines_agree(path)


@pytest.mark.parametrize("kind", BROKEN_KINDS)
def test_unreadable_files_are_refused_in_the_same_words(tmp_path, kind):
    path = broken(tmp_path, kind)
    assert reading(path, "calamine") == reading(path, "openpyxl")
    assert reading(path, "calamine").startswith(  # Encrypted: an UnreadableWorkbook
        ("UnreadableWorkbook", "Encrypted", "NotASelfEvaluation", "EmptyWorkbook"))


def test_cell_types_are_those_openpyxl_gives(tmp_path):
    """ints stay ints (10, not 10.0), dates are datetimes, times times, durations
    timedeltas, errors their text; a number formatted as % keeps its format."""
    book = Book()
    sheet = book.sheet()
    sheet.indicators([("产出指标", "数量指标", "a", 20, 20.5, 10, 10, None),
                      ("产出指标", "数量指标", "b", Percent(0.95), Percent(0.9), 20, 18.95, None),
                      ("产出指标", "时效指标", "c", dt.datetime(2024, 12, 31), dt.date(2024, 6, 1),
                       10, 10, None),
                      ("产出指标", "时效指标", "d", dt.time(8, 30), dt.timedelta(hours=30), 10, 10,
                       None),
                      ("效益指标", "社会效益指标", "e", True, "#N/A", 50, 1e20, None)],
                     header=STANDARD)
    sheet.total(100, Formula("=SUM(H3:H7)", 98.95))
    path = book.save(tmp_path / "types.xlsx")
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    path = _patched(path, xml.replace('<c r="G7" t="inlineStr"><is><t>#N/A</t></is></c>',
                                      '<c r="G7" t="e"><v>#N/A</v></c>'))
    assert fast_path_taken(path)
    assert_engines_agree(path)
    table = read_workbook(path).tables[0]
    first = table.indicators[0]
    assert type(first.target) is int and type(first.actual) is float


def test_dates_count_from_1904_when_the_workbook_says_so(tmp_path):
    wb = Workbook()
    wb.epoch = dt.datetime(1904, 1, 1)  # openpyxl writes date1904="1"
    ws = wb.active
    for row, values in enumerate([("三级指标", "分值", "得分", "年度指标值"),
                                  ("按时完工", 10, 10, dt.datetime(2024, 12, 31))], start=1):
        for column, value in enumerate(values, start=1):
            ws.cell(row, column, value)
    wb.save(tmp_path / "1904.xlsx")
    assert fast_path_taken(tmp_path / "1904.xlsx")
    assert_engines_agree(tmp_path / "1904.xlsx")


def _patched(path, sheet_xml, member="xl/worksheets/sheet1.xml", extra=None):
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    members[member] = sheet_xml.encode() if isinstance(sheet_xml, str) else sheet_xml
    members.update(extra or {})
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _one_sheet(path, cells):
    """A standard table whose first sheet's XML gets ``cells`` appended to row 30."""
    standard(path)
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    return _patched(path, xml.replace("</sheetData>", f'<row r="30">{cells}</row></sheetData>'))


@pytest.mark.parametrize("cells, fast", [
    ('<c r="A30" t="inlineStr"><is><t>a_x000D_b</t></is></c>', False),        # escape kept
    ('<c r="A30" t="inlineStr"><is><r><t>a </t></r><r><t>b</t></r></is></c>', False),  # trim
    ('<c r="A30" t="inlineStr"><is><r><t xml:space="preserve">a </t></r><r><t>b</t></r>'
     '</is></c>', True),
    ('<c r="A30" t="inlineStr"><is><t>a\r\nb</t></is></c>', False),            # \r
    ('<c r="A30" t="inlineStr"><is><t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh></is></c>', True),
    ('<c r="A30"><v>1.0</v></c><c r="B30"><v>1E3</v></c><c r="C30"><v>007</v></c>', True),
    ('<c r="A30" t="b"><v>1</v></c><c r="B30" t="e"><v>#DIV/0!</v></c>', True),
    ('<c r="A30" t="str"><f>"x"</f><v>x</v></c><c r="B30"><f>1+1</f></c>'
     '<c r="C30"><f t="shared" ref="C30:D30" si="0">A1</f><v></v></c>', True),
    ('<c r="A30" t="d"><v>2024-12-31T00:00:00</v></c>', False),               # ISO date
    ('<c t="inlineStr"><is><t>no address</t></is></c>', False),
    ('<c r="A30" s="999"><v>1</v></c>', False),                                # no such style
    ('<c r="A30" t="inlineStr"><is><t>A&amp;B &#x41;</t></is></c>', True),
])
def test_what_calamine_reads_differently_goes_to_openpyxl(tmp_path, cells, fast):
    path = _one_sheet(tmp_path / "t.xlsx", cells)
    assert fast_path_taken(path) is fast
    assert_engines_agree(path)


def test_shared_strings_with_escapes_go_to_openpyxl(tmp_path):
    path = standard(tmp_path / "t.xlsx")
    sst = ('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
           'spreadsheetml/2006/main"><si><t>三级指标_x000D_</t></si></sst>')
    _patched(path, sst, member="xl/sharedStrings.xml")
    assert not fast_path_taken(path)
    assert_engines_agree(path)


def test_values_under_a_merge_are_dropped_as_openpyxl_drops_them(tmp_path):
    path = standard(tmp_path / "t.xlsx")
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    # B1 lies under the title's merge A1:H1; openpyxl keeps only A1.
    xml = xml.replace('<c r="A1" t="inlineStr">', '<c r="B1"><v>5</v></c><c r="A1" t="inlineStr">')
    _patched(path, xml)
    assert fast_path_taken(path)
    assert_engines_agree(path)


WORDS = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "权重",
         "指标性质", "度量单位", "总分", "评分等级", "项目名称", "主管部门", "年初预算数",
         "全年预算数", "全年执行数", "执行率", "年度资金总额", "产出指标", "≥90%", "85%", "达成",
         "30 万元", "优", "—", "10 分", "#NAME?", "", " ", " 前后空格 ", "a&b<c>", "评分规则"]
CELLS = st.one_of(st.none(), st.sampled_from(WORDS),
                  st.floats(min_value=-1e6, max_value=1e6, allow_nan=False),
                  st.integers(min_value=-5, max_value=200), st.booleans(),
                  st.builds(Percent, st.floats(min_value=0, max_value=2)),
                  st.datetimes(min_value=dt.datetime(1950, 1, 1),
                               max_value=dt.datetime(2100, 1, 1)))
GRIDS = st.lists(st.lists(CELLS, min_size=1, max_size=9), min_size=1, max_size=14)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(grid=GRIDS, header=st.sampled_from([None, STANDARD, SICHUAN, ATTACHMENT, THIRD_PARTY]),
       at=st.integers(0, 6), merges=st.lists(st.tuples(st.integers(1, 14), st.integers(1, 9),
                                             st.integers(0, 3), st.integers(0, 2)), max_size=5))
def test_any_grid_is_read_identically_by_both_sources(tmp_path, grid, header, at, merges):
    path = grid_book(tmp_path / "grid.xlsx", grid, header, at, merges)
    assert_engines_agree(path)
