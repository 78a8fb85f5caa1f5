"""An error value stored in a cell typed as a number (``<c r="G13"><v>#NAME?</v></c>``,
no ``t="e"``: some exporters and hand-edited packages write it so). It is that error
value, read as a ``t="e"`` cell is — by the fast reader, by openpyxl (which refused the
whole file: “已损坏或格式异常，无法读取（ValueError）”, rt33) and by ``Package`` (recalc,
the annotated copy) — and reported at its cell."""

from __future__ import annotations

import re
import zipfile

import pytest
from workbooks import _replace_member, putuo

from jixiao.pipeline import check_workbook
from jixiao.read.workbook import read_workbook
from jixiao.xlsx.openpyxl_cells import with_error_types
from jixiao.xlsx.package import ExcelError, Package

SHEET = "xl/worksheets/sheet1.xml"


def _with_score(path, cell: str):
    """The Putuo table with its first indicator's 得分 (G13) replaced by ``cell``."""
    content = zipfile.ZipFile(path).read(SHEET).decode()
    content, replaced = re.subn(r'<c r="G13"[^>]*>.*?</c>', cell, content, count=1)
    assert replaced == 1
    _replace_member(path, SHEET, content.encode())
    return path


def _findings(path, engine="auto"):
    result = check_workbook(path)
    assert result.error is None, result.error
    tables = read_workbook(path, engine=engine).tables
    return ([(item.code, item.cell, item.message) for item in result.findings],
            tables[0].indicators[0].score_declared, tables[0].sources.get("header"))


@pytest.mark.parametrize("code", ["#NAME?", "#DIV/0!", "#N/A"])
def test_an_error_in_a_number_cell_is_read_as_the_error_value(tmp_path, code):
    typed = _with_score(putuo(tmp_path / "typed.xlsx"), f'<c r="G13" t="e"><v>{code}</v></c>')
    untyped = _with_score(putuo(tmp_path / "untyped.xlsx"), f'<c r="G13"><v>{code}</v></c>')
    expected = _findings(typed)
    assert any(cell == "G13" for _, cell, _ in expected[0])
    assert _findings(untyped) == expected
    assert _findings(untyped, engine="openpyxl") == expected


def test_a_t_n_cell_is_the_same_and_a_text_or_number_is_left_alone():
    assert with_error_types(b'<c r="A1" t="n"><v>#REF!</v></c>') == b'<c r="A1" t="e"><v>#REF!</v></c>'
    assert with_error_types(b'<c r="A1" s="3"><f>X()</f><v>#NAME?</v></c>') == (
        b'<c r="A1" s="3" t="e"><f>X()</f><v>#NAME?</v></c>')
    for kept in (b'<c r="A1" t="str"><v>#NAME?</v></c>', b'<c r="A1"><v>#HASHTAG</v></c>',
                 b'<c r="A1" t="e"><v>#N/A</v></c>', b'<c r="A1"><v>12</v></c>'):
        assert with_error_types(kept) is kept


def test_package_reads_it_as_the_error_value(tmp_path):
    path = _with_score(putuo(tmp_path / "t.xlsx"), '<c r="G13"><v>#NAME?</v></c>')
    package = Package(path)
    cell = next(cell for cell in package.cells(package.sheets[0]) if cell.ref == "G13")
    assert cell.value == ExcelError("#NAME?")
