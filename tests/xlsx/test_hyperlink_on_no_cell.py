"""A hyperlink on a cell the sheet does not hold: openpyxl makes that cell, with the
link's target as its value; the reference cell source leaves it out as the fast one
does, so both read the sheet as written (found when a 159:1 list of links was no longer
refused as a zip bomb)."""

import re
import zipfile

import pytest
from engines import assert_engines_agree
from openpyxl import Workbook

from jixiao.errors import NotASelfEvaluation
from jixiao.read.workbook import read_workbook


def _with_link_on_no_cell(path):
    book = Workbook()
    sheet = book.active
    sheet["A1"] = "文件"
    sheet["A2"] = "甲.xlsx"
    sheet["A2"].hyperlink = "../收件/甲.xlsx"
    book.save(path)
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet_xml = parts["xl/worksheets/sheet1.xml"].decode("utf-8")
    # the link moves to A3, a cell the sheet does not hold
    moved = re.sub(r'(<hyperlink [^>]*ref=")A2"', r'\1A3"', sheet_xml)
    assert moved != sheet_xml
    parts["xl/worksheets/sheet1.xml"] = moved.encode("utf-8")
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def test_a_link_on_a_cell_not_in_the_sheet_is_no_value(tmp_path):
    path = tmp_path / "links.xlsx"
    _with_link_on_no_cell(path)
    for engine in ("calamine", "openpyxl"):  # no AttributeError on the made-up cell
        with pytest.raises(NotASelfEvaluation):
            read_workbook(path, engine=engine)
    assert_engines_agree(path)
