"""A 自评表 submitted as a Word table (.docx) is read by its values, as a web page's
table is (``webtable``): the paragraphs outside the tables a row each (the title, the
year), each table's cells where the grid puts them, merged over what they span
(w:gridSpan across, w:vMerge down). Before: refused, "不是 Excel 工作簿"."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from wordfiles import cell, document_xml, docx, paragraph, table

from jixiao.errors import UnreadableWorkbook
from jixiao.read.workbook import read_workbook
from jixiao.xlsx.foreign import foreign_format
from jixiao.xlsx.webtable import TooManyCells
from jixiao.xlsx.wordtable import docx_sheets

ROOT = Path(__file__).resolve().parents[2]


def sheet(path):
    [(name, cells, merges)] = docx_sheets(path.name, path.read_bytes(), 10_000)
    return name, {(row, column): value for row, column, value, _ in cells}, sorted(merges)


def test_spans_and_vertical_merges_become_merged_ranges(tmp_path):
    body = table([
        [cell("项目名称", span=2), cell("乡村道路养护", span=3)],
        [cell("产出指标", merge="restart"), cell("数量指标"), cell("里程"), cell("20"),
         cell("18.5")],
        [cell(merge="continue"), cell("质量指标"), cell("优良路率"), cell("0833"), cell("1,200")],
        [cell("效益指标", span=2, merge="restart"), cell("x"), cell(""), cell("")],
        [cell(span=2, merge="continue"), cell("y"), cell(""), cell("")],
    ])
    _, cells, merges = sheet(docx(tmp_path / "t.docx", body))
    assert merges == [(1, 1, 1, 2), (1, 3, 1, 5), (2, 1, 3, 1), (4, 1, 5, 2)]
    assert cells[(1, 1)] == "项目名称" and cells[(1, 3)] == "乡村道路养护"
    assert cells[(2, 1)] == "产出指标" and (3, 1) not in cells
    assert cells[(3, 2)] == "质量指标" and cells[(5, 3)] == "y"
    assert cells[(2, 4)] == 20.0 and cells[(2, 5)] == 18.5
    assert cells[(3, 4)] == "0833" and cells[(3, 5)] == 1200.0  # a code stays text


def test_grid_before_shifts_a_row(tmp_path):
    body = table([[cell("a"), cell("b"), cell("c")], [cell("x"), cell("y")]], before={1: 1})
    _, cells, _ = sheet(docx(tmp_path / "t.docx", body))
    assert cells == {(1, 1): "a", (1, 2): "b", (1, 3): "c", (2, 2): "x", (2, 3): "y"}


def test_borders_dragged_a_little_off_are_the_same_column_border(tmp_path):
    """The lower row's borders dragged 20 and 50 twips off the upper row's: Word keeps
    both as grid columns (0 1180 1200 2400 2450 3600), every cell spanning the slivers
    between its own borders. Each row's cells are in columns 1–3 (before: a, b, c in
    columns 1, 3, 4 and x, y, z in 1, 2, 5 — every cell below in another column than the
    one above it, the table five columns wide). An empty sliver cell is no column."""
    body = table([[cell("a", span=2), cell("b"), cell("c", span=2)],
                  [cell("x"), cell("y", span=3), cell("z")],
                  [cell("p", span=2), cell("q"), cell(""), cell("r")]],
                 widths=[1180, 20, 1200, 50, 1150])
    path = docx(tmp_path / "t.docx", body)
    tables = []
    [(_, laid, merges)] = docx_sheets(path.name, path.read_bytes(), 10_000, tables)
    cells = {(row, column): value for row, column, value, _ in laid}
    assert cells == {(1, 1): "a", (1, 2): "b", (1, 3): "c", (2, 1): "x", (2, 2): "y",
                     (2, 3): "z", (3, 1): "p", (3, 2): "q", (3, 3): "r"}
    assert merges == []
    [found] = tables
    assert (found.columns, found.widths) == (3, (1180, 1220, 1200))
    assert found.starts == ((1, 2, 3), (1, 2, 3), (1, 2, 3))


def test_a_grid_of_no_real_widths_keeps_its_columns(tmp_path):
    """A grid whose columns are all 0 wide (a writer that states none): one column each."""
    body = table([[cell("a"), cell("b"), cell("c")]], widths=[0, 0, 0])
    _, cells, _ = sheet(docx(tmp_path / "t.docx", body))
    assert cells == {(1, 1): "a", (1, 2): "b", (1, 3): "c"}


def test_paragraphs_outside_tables_are_rows_in_document_order(tmp_path):
    body = (paragraph("项目支出绩效自评表") + paragraph("") + paragraph("（2023年度）")
            + table([[cell("三级\n指标"), cell("分值")]])
            + '<w:p><w:r><w:t>填表</w:t></w:r><w:r><w:tab/><w:t>人：张三</w:t></w:r></w:p>')
    name, cells, merges = sheet(docx(tmp_path / "t.docx", body))
    assert name == "文档" and merges == []
    assert cells == {(1, 1): "项目支出绩效自评表", (2, 1): "（2023年度）", (3, 1): "三级\n指标",
                     (3, 2): "分值", (5, 1): "填表 人：张三"}


def test_a_nested_table_is_text_in_its_cell(tmp_path):
    inner = table([[cell("甲"), cell("乙")], [cell("丙"), cell("丁")]])
    body = table([[cell("说明", inner=inner), cell("分值")], [cell("a"), cell("b")]])
    _, cells, _ = sheet(docx(tmp_path / "t.docx", body))
    assert cells[(1, 1)] == "说明\n甲\n乙\n丙\n丁" and cells[(2, 2)] == "b"
    assert max(column for _, column in cells) == 2


def test_a_table_nested_in_a_row_s_wide_cell_is_read_in_place(tmp_path):
    """绩效指标 | one cell spanning the other columns, holding a note and a table: the note
    a row across the cell, the nested rows the row's (its own merges kept), the label
    merged down beside them; each sheet row keeps its place in the Word table."""
    inner = table([[cell("一级指标"), cell("三级指标"), cell("分值")],
                   [cell("产出指标", merge="restart"), cell("a"), cell("10")],
                   [cell(merge="continue"), cell("b"), cell("5")]])
    body = table([[cell("项目名称"), cell("x", span=3)],
                  [cell("绩效指标"), cell("说明", span=3, inner=inner)],
                  [cell("总分"), cell("", span=2), cell("15")]])
    tables = []
    [(_, laid, merges)] = docx_sheets("t.docx", docx(tmp_path / "t.docx", body).read_bytes(),
                                      10_000, tables)
    cells = {(row, column): value for row, column, value, _ in laid}
    assert cells == {(1, 1): "项目名称", (1, 2): "x", (2, 1): "绩效指标", (2, 2): "说明",
                     (3, 2): "一级指标", (3, 3): "三级指标", (3, 4): "分值",
                     (4, 2): "产出指标", (4, 3): "a", (4, 4): 10, (5, 3): "b", (5, 4): 5,
                     (6, 1): "总分", (6, 4): 15}
    assert (2, 1, 5, 1) in merges and (4, 2, 5, 2) in merges and (2, 2, 2, 4) in merges
    [found] = tables
    assert (found.first, found.last) == (1, 6)
    assert [own for own, _ in found.places] == [1, 2, 2, 2, 2, 3]
    assert found.places[1][1] is None and found.places[4][1] == (2, 3, (2, 3, 4))


def test_a_table_framed_by_another_is_a_table_of_its_own(tmp_path):
    """An outer table of one cell a row (附件1 above, the 自评表 in the cell below) only
    frames the table it holds: its paragraphs are lines, the inner table laid out as one
    at the top level (before: the whole 自评表 one cell's text, no table found)."""
    inner = table([[cell("三级指标"), cell("分值")], [cell("a"), cell("10")]])
    body = table([[cell("附件1：项目支出绩效自评表")], [cell("", inner=inner)]]) + paragraph("完")
    tables = []
    [(_, found, _)] = docx_sheets("t.docx", docx(tmp_path / "t.docx", body).read_bytes(), 10_000,
                                  tables)
    cells = {(row, column): value for row, column, value, _ in found}
    assert cells == {(1, 1): "附件1：项目支出绩效自评表", (2, 1): "三级指标", (2, 2): "分值",
                     (3, 1): "a", (3, 2): 10, (5, 1): "完"}
    assert [(item.first, item.last) for item in tables] == [(2, 3)]


def test_a_single_cell_frame_holding_a_note_and_a_table(tmp_path):
    inner = table([[cell("三级指标"), cell("分值")]])
    body = paragraph("项目支出绩效自评表") + table([[cell("附件1", inner=inner)]])
    _, cells, _ = sheet(docx(tmp_path / "t.docx", body))
    assert cells == {(1, 1): "项目支出绩效自评表", (2, 1): "附件1", (3, 1): "三级指标",
                     (3, 2): "分值"}


_VML_BOX = ('<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox>'
            '<w:txbxContent>{}</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>')
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_DRAWN_BOX = (f'<w:p><w:r><mc:AlternateContent xmlns:mc="{_MC}"><mc:Choice Requires="wps">'
              '<w:drawing><wps:txbx xmlns:wps="http://schemas.microsoft.com/office/word/2010/'
              'wordprocessingShape"><w:txbxContent>{0}</w:txbxContent></wps:txbx></w:drawing>'
              '</mc:Choice><mc:Fallback><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml">'
              '<v:textbox><w:txbxContent>{0}</w:txbxContent></v:textbox></v:shape></w:pict>'
              '</mc:Fallback></mc:AlternateContent></w:r><w:t>页眉</w:t></w:p>')


@pytest.mark.parametrize("box", [_VML_BOX, _DRAWN_BOX], ids=["vml", "drawing-and-fallback"])
def test_a_text_box_is_paragraphs_where_it_is_anchored(tmp_path, box):
    """A title typed in a text box: its paragraphs are lines where its anchor paragraph
    stands, after that paragraph's own text; a drawing kept with its VML fallback once."""
    body = (box.format(paragraph("项目支出绩效自评表") + paragraph("（2024年度）"))
            + table([[cell("三级指标"), cell("分值")]]))
    _, cells, _ = sheet(docx(tmp_path / "t.docx", body))
    lines = ["项目支出绩效自评表", "（2024年度）"]
    if box is _DRAWN_BOX:
        lines.insert(0, "页眉")
    assert [cells[(row, 1)] for row in range(1, len(lines) + 1)] == lines
    assert cells[(len(lines) + 1, 2)] == "分值" and len(cells) == len(lines) + 2


_WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
_WPG = "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"


def _group(*texts: str) -> str:
    """A grouped drawing of several text boxes, kept with its VML fallback (as Word saves it)."""
    drawn = "".join(f'<wps:wsp><wps:txbx><w:txbxContent>{paragraph(text)}</w:txbxContent>'
                    '</wps:txbx></wps:wsp>' for text in texts)
    vml = "".join(f'<v:shape><v:textbox><w:txbxContent>{paragraph(text)}</w:txbxContent>'
                  '</v:textbox></v:shape>' for text in texts)
    return (f'<w:p><w:r><mc:AlternateContent xmlns:mc="{_MC}" xmlns:wps="{_WPS}" '
            f'xmlns:wpg="{_WPG}" xmlns:v="urn:schemas-microsoft-com:vml">'
            f'<mc:Choice Requires="wpg"><w:drawing><wpg:wgp>{drawn}</wpg:wgp></w:drawing>'
            f'</mc:Choice><mc:Fallback><w:pict><v:group>{vml}</v:group></w:pict></mc:Fallback>'
            '</mc:AlternateContent></w:r></w:p>')


def test_every_text_box_of_a_grouped_drawing_is_read_once(tmp_path):
    """A title box and a 自评结论 box grouped in one drawing: both are lines (before: only
    the first box of a drawing kept with its fallback was read), neither twice."""
    body = (_group("2024年度项目支出绩效自评表", "自评结论：得分95分")
            + table([[cell("三级指标"), cell("分值")]]))
    _, cells, _ = sheet(docx(tmp_path / "t.docx", body))
    assert [cells[(row, 1)] for row in (1, 2)] == ["2024年度项目支出绩效自评表", "自评结论：得分95分"]
    assert cells[(3, 2)] == "分值" and len(cells) == 4


def test_too_many_cells_are_refused(tmp_path):
    path = docx(tmp_path / "t.docx", table([[cell("x", span=5000)]] * 200))
    with pytest.raises(TooManyCells):
        docx_sheets(path.name, path.read_bytes(), 500_000)
    with pytest.raises(UnreadableWorkbook, match="超出安全上限.*JIXIAO_MAX_CELLS"):
        read_workbook(path)


def test_a_docx_is_told_by_its_bytes(tmp_path):
    path = docx(tmp_path / "自评表.xlsx", paragraph("x"))  # the name does not matter
    assert foreign_format(path.read_bytes()) == "docx"


def test_a_bomb_is_refused_before_it_is_unpacked(tmp_path):
    bomb = document_xml(" " * (60 * 1024 * 1024))
    path = docx(tmp_path / "炸弹.docx", "", document=bomb)
    assert path.stat().st_size < 1024 * 1024
    with pytest.raises(UnreadableWorkbook, match="“炸弹.docx”超出安全上限.*压缩炸弹"):
        read_workbook(path)  # the package guard of every workbook, before wordtable


def test_a_dtd_is_refused(tmp_path):
    hostile = (b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa">]>'
               b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/'
               b'main"><w:body><w:p><w:r><w:t>&a;</w:t></w:r></w:p></w:body></w:document>')
    path = docx(tmp_path / "坏.docx", "", document=hostile)
    with pytest.raises(UnreadableWorkbook, match="“坏.docx”"):
        read_workbook(path)
    with pytest.raises(UnreadableWorkbook, match="“坏.docx”"):
        docx_sheets(path.name, path.read_bytes(), 500_000)


def check(path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "jixiao", "check", str(path)],
                          capture_output=True, text=True, env=env, timeout=120, check=False)


def test_a_damaged_docx_is_one_chinese_line_and_exit_2(tmp_path):
    path = docx(tmp_path / "损坏.docx", "", document=document_xml(paragraph("项目"))[:-40])
    done = check(path)
    assert done.returncode == 2
    said = [line for line in done.stdout.splitlines() if "“损坏.docx”" in line]
    assert len(said) == 1 and said[0].startswith("无法校验：“损坏.docx”是 Word 文档（.docx），"
                                                  "但已损坏"), done.stdout
    assert "Traceback" not in done.stdout + done.stderr


def test_a_damaged_binary_word_document_is_refused_with_what_to_do(tmp_path):
    """(A sound .doc is read: tests/product/test_word97.py.)"""
    path = tmp_path / "自评表.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
                     + "WordDocument".encode("utf-16-le") + b"\x00" * 600)
    with pytest.raises(UnreadableWorkbook,
                       match="“自评表.doc”是 Word 97-2003 文档（.doc），但已损坏.*另存为 .docx"):
        read_workbook(path)


def test_an_xls_holding_a_word_object_is_still_an_xls():
    head = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
    word, book = "WordDocument".encode("utf-16-le"), "Workbook".encode("utf-16-le")
    assert foreign_format(head + word) == "doc"
    assert foreign_format(head + book + b"\x00" * 100 + word) == "xls"
