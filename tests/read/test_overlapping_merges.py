"""rt35 r3 B: a clerk inserts and deletes rows in the unprotected template in LibreOffice,
which then saves merged ranges that overlap — 绩效指标 A12:A43 over the 总分 row's own
A43:F43, 一级 B13:B27 over the next group's B27:B39. LibreOffice shows each merge's own
top-left value (总分 at A43, 效益指标 at B27). openpyxl, and the fast source after it,
dropped a top-left cell that an earlier merge covers: 总分 vanished, its row was read as
a 满意度 indicator (分值合计 200, JX201/JX202/JX405 on the locked E43/F43/I43), and the
效益 rows had no 一级 (JX107). A merge's top-left cell keeps its own value and stands
for its own merge (``xlsx.sheet.merge_origins``), in both cell sources."""

import re
import zipfile

import pytest
from engines import assert_engines_agree
from workbooks import standard

from jixiao.errors import NotASelfEvaluation
from jixiao.pipeline import check_workbook
from jixiao.read.grid import Grid
from jixiao.read.workbook import read_workbook
from jixiao.xlsx.sheet import SheetCells, merge_origins

_ROWS = [
    ("产出指标", "数量指标", "预算资金执行率", "≥90.00(%)", "99.80(%)", 5, 5, None),
    ("产出指标", "质量指标", "预算编制规范性", "规范", "达成指标", 25, 25, None),
    ("产出指标", "时效指标", "资金拨付及时性", "及时", "达成指标", 20, 20, None),
    ("效益指标", "可持续影响指标", "网络安全防护能力", "稳步提升", "达成指标", 15, 15, None),
    ("效益指标", "可持续影响指标", "设备运行稳定性", "稳定", "达成指标", 15, 15, None),
    ("满意度指标", "服务对象满意度指标", "服务对象满意度", "满意", "达成指标", 10, 10, None),
]
# 绩效指标 A10:A16 stretched over the 总分 row's A17:F17, 产出指标's B11:B13 over 效益指标's
# B14:B15, as LibreOffice saves them
_STRETCHED = {"A10:A16": "A10:A17", "B11:B13": "B11:B14"}


def _overlapping(path, first=False):
    """The standard table with two more rows of 效益指标 (indicator rows 11–16, 总分 in
    row 17) and its merges overlapping (``_STRETCHED``), listed last (``first``: first)."""
    standard(path, rows=_ROWS)
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    xml = members["xl/worksheets/sheet1.xml"].decode()
    for before in _STRETCHED:
        assert f'<mergeCell ref="{before}" />' in xml
        xml = xml.replace(f'<mergeCell ref="{before}" />', "")
    added = "".join(f'<mergeCell ref="{after}"/>' for after in _STRETCHED.values())
    xml = re.sub(r'<mergeCells count="\d+">(.*?)</mergeCells>',
                 lambda m: f'<mergeCells count="{m.group(1).count("<mergeCell ") + 2}">'
                 + (added + m.group(1) if first else m.group(1) + added) + "</mergeCells>",
                 xml, flags=re.S)
    members["xl/worksheets/sheet1.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize("engine", ["calamine", "openpyxl"])
@pytest.mark.parametrize("first", [False, True])
def test_a_merge_s_own_top_left_keeps_its_value_under_an_overlapping_merge(tmp_path, engine,
                                                                          first):
    path = _overlapping(tmp_path / "t.xlsx", first)
    (table,) = read_workbook(path, engine=engine).tables
    assert [(row.level1, row.name) for row in table.indicators] == [
        ("产出指标", "预算资金执行率"), ("产出指标", "预算编制规范性"), ("产出指标", "资金拨付及时性"),
        ("效益指标", "网络安全防护能力"), ("效益指标", "设备运行稳定性"),
        ("满意度指标", "服务对象满意度")]
    assert table.total_declared == 99.98


def test_the_overlapping_merges_are_read_as_libreoffice_shows_them(tmp_path):
    path = _overlapping(tmp_path / "t.xlsx")
    assert_engines_agree(path)
    with zipfile.ZipFile(path) as archive:  # the XML has them so
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert all(f'<mergeCell ref="{ref}"' in xml for ref in ("A10:A17", "A17:F17", "B11:B14",
                                                           "B14:B15"))
    [result] = [check_workbook(path)]
    [checked] = result.tables
    assert [finding.code for finding in checked.findings] == []


def test_each_cell_stands_for_the_covering_merge_whose_top_left_comes_last():
    # A12:A43 over A43:F43; C13:C17 over C17:C20; B2:D4 over C3:E5 (neither's top-left)
    merges = [(43, 1, 43, 6), (12, 1, 43, 1), (17, 3, 20, 3), (13, 3, 17, 3),
              (2, 2, 4, 4), (3, 3, 5, 5)]
    origins = merge_origins(merges)
    assert origins[(43, 1)] == origins[(43, 4)] == (43, 1)
    assert origins[(42, 1)] == (12, 1)
    assert origins[(17, 3)] == origins[(20, 3)] == (17, 3)
    assert origins[(16, 3)] == (13, 3)
    assert origins[(4, 4)] == (3, 3) and origins[(2, 4)] == (2, 2)
    grid = Grid(SheetCells("表", [(43, 1, "总分", "General"), (12, 1, "绩效指标", "General")],
                           merges, {}))
    assert grid.origin[(43, 1)] == (43, 1) and grid.same_merge((43, 1), (43, 6))
    assert not grid.same_merge((42, 1), (43, 1))


def test_lost_top_left_values_are_read_again_in_one_pass(tmp_path, monkeypatch):
    """A stair of merges (A1:A2, A2:A3, …) loses every top-left to the merge above it:
    the openpyxl source reads them again in one pass over their rows, not one pass each
    (each pass parses the sheet from its start: 2,000 steps took 40 s)."""
    from openpyxl import Workbook
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    book = Workbook()
    sheet = book.active
    for row in range(1, 42):
        sheet.cell(row, 1, f"项{row}")
        sheet.cell(row, 2, row)
    book.save(tmp_path / "stair.xlsx")
    with zipfile.ZipFile(tmp_path / "stair.xlsx") as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    merges = "".join(f'<mergeCell ref="A{row}:A{row + 1}"/>' for row in range(1, 41))
    xml = parts["xl/worksheets/sheet1.xml"].decode("utf-8")
    xml = re.sub(r"</sheetData>", f'</sheetData><mergeCells count="40">{merges}</mergeCells>', xml)
    parts["xl/worksheets/sheet1.xml"] = xml.encode("utf-8")
    with zipfile.ZipFile(tmp_path / "stair.xlsx", "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    passes = []
    iter_rows = ReadOnlyWorksheet.iter_rows
    monkeypatch.setattr(ReadOnlyWorksheet, "iter_rows",
                        lambda self, *args, **kwargs: passes.append(1) or iter_rows(self, *args, **kwargs))
    with pytest.raises(NotASelfEvaluation):  # no 自评表 in it: only the reading counts here
        read_workbook(tmp_path / "stair.xlsx", engine="openpyxl")
    assert len(passes) == 1
