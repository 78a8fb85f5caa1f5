"""The package's relationships are read once, by one function (``book.read_relationships``),
and the reader takes them from the guard's scan instead of parsing the parts again."""

import zipfile

import openpyxl
import pytest

from jixiao.xlsx.book import read_relationships, sheet_parts
from jixiao.xlsx.guard import check_package
from jixiao.xlsx.package import Package

_RELS = b"""<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://x/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://x/styles" Target="/xl/styles.xml"/>
<Relationship Id="rId3" Type="http://x/externalLink" Target="http://example.com/a.xlsx" TargetMode="External"/>
<o:Relationship xmlns:o="urn:other" Id="rId4" Type="http://x/worksheet" Target="../other.xml"/>
<Other Id="rId5" Target="no.xml"/>
</Relationships>"""


def test_relationships_resolved_with_their_mode_and_namespace():
    found = read_relationships("xl/_rels/workbook.xml.rels", _RELS)
    assert [(r.id, r.target, r.mode, r.standard) for r in found] == [
        ("rId1", "xl/worksheets/sheet1.xml", "", True),
        ("rId2", "xl/styles.xml", "", True),
        ("rId3", "http://example.com/a.xlsx", "External", True),
        ("rId4", "other.xml", "", False),
    ]


@pytest.mark.parametrize("xml", [b"", b"<Relationships>", b'<!DOCTYPE a [<!ENTITY e "x">]><a/>'])
def test_a_part_that_is_not_well_formed_or_declares_entities_is_refused(xml):
    with pytest.raises((SyntaxError, ValueError)):
        read_relationships("_rels/.rels", xml)


class _Counting(zipfile.ZipFile):
    """A zip that counts how often a .rels part is read."""

    rels_read = 0

    def read(self, name, pwd=None):
        if str(getattr(name, "filename", name)).endswith(".rels"):
            type(self).rels_read += 1
        return super().read(name, pwd)


def _workbook(path):
    book = openpyxl.Workbook()
    book.active.title = "自评表"
    book.create_sheet("明细")
    book.save(path)


def test_the_reader_takes_the_relationships_the_guard_read(tmp_path):
    path = tmp_path / "t.xlsx"
    _workbook(path)
    report = check_package(path, path.read_bytes(), keep=True)
    assert set(report.relationships) == {"_rels/.rels", "xl/_rels/workbook.xml.rels"}
    with _Counting(path) as archive:
        assert sheet_parts(path, archive, report.relationships) == {
            "自评表": "xl/worksheets/sheet1.xml", "明细": "xl/worksheets/sheet2.xml"}
        assert _Counting.rels_read == 0
        assert sheet_parts(path, archive) == sheet_parts(path, archive, report.relationships)
        assert _Counting.rels_read == 2  # without them: both read and parsed again


def test_without_keep_nothing_is_handed_on(tmp_path):
    path = tmp_path / "t.xlsx"
    _workbook(path)
    assert check_package(path).relationships == {}


def test_recalculation_reads_the_same_relationships(tmp_path):
    path = tmp_path / "t.xlsx"
    _workbook(path)
    package = Package(path)
    assert [sheet.part for sheet in package.sheets] == ["xl/worksheets/sheet1.xml",
                                                       "xl/worksheets/sheet2.xml"]
    assert package.workbook_part == "xl/workbook.xml"
