"""XlsxWriter for long lists of hyperlinks: the links wait on disk, not in memory.

In ``constant_memory`` mode XlsxWriter writes each row as it comes, but keeps every
hyperlink until the workbook is closed — a ``Url`` object, then a relationship,
about 1.2 KB each: the only memory that still grows with the rows of a list. A
``LinkedSheet``'s ``link`` writes the link's two pieces of XML to scratch files
instead, which are copied into the package at the end:

    sheetN.xml             <hyperlinks><hyperlink ref="A2" r:id="rId1" location=…/>…
    _rels/sheetN.xml.rels  <Relationship Id="rId1" Target="…" TargetMode="External"/>…

This relies on XlsxWriter's internals, which its tests exercise (tests/test_batch*.py):
the worksheet's ``_write_hyperlinks`` (overridden: the first piece goes there), its
``fh``, ``_xml_start_tag``, ``tmpdir`` and ``external_*_links``; the packager
(``Workbook._get_packager``, there to be overridden) and its
``_write_worksheet_rels_files`` and ``_filename`` (the second piece). A linked sheet
holds no other relations (images, charts, comments, ``write_url`` links).
"""

from __future__ import annotations

import tempfile
from typing import IO

from xlsxwriter import Workbook
from xlsxwriter.packager import Packager
from xlsxwriter.utility import xl_rowcol_to_cell
from xlsxwriter.worksheet import Worksheet

MAX_LINKS = 65_530  # Excel's limit on one sheet; with more it "repairs" the file, dropping all
_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
_XML_INVALID = {code: None for code in range(32) if code not in (9, 10, 13)}


def attribute(text: str) -> str:
    """Text for an XML attribute: escaped, and without the characters XML cannot hold."""
    return (text.translate(_XML_INVALID).replace("&", "&amp;").replace('"', "&quot;")
            .replace("<", "&lt;").replace(">", "&gt;"))


class LinkedSheet(Worksheet):  # type: ignore[misc]
    """A worksheet whose ``link`` costs no memory. Add it with
    ``book.add_worksheet(name, LinkedSheet)`` to a ``StreamingWorkbook``."""

    def __init__(self) -> None:
        super().__init__()
        self.link_count = 0
        self._links: IO[str] | None = None
        self._relations: IO[str] | None = None

    def link(self, row: int, column: int, target: str, location: str | None = None,
             tip: str | None = None, limit: int = MAX_LINKS) -> bool:
        """Link a cell to ``target`` (a URI: a relative path, ``file:///…``), at ``location``
        in it (``'Sheet'!A1``). False once the sheet has ``limit`` links: Excel's limit."""
        if self.link_count >= limit:
            return False
        if self._links is None or self._relations is None:
            self._links = tempfile.TemporaryFile("w+", encoding="utf-8", dir=self.tmpdir)
            self._relations = tempfile.TemporaryFile("w+", encoding="utf-8", dir=self.tmpdir)
        self.link_count += 1
        where = f' location="{attribute(location)}"' if location else ""
        note = f' tooltip="{attribute(tip)}"' if tip else ""
        self._links.write(f'<hyperlink ref="{xl_rowcol_to_cell(row, column)}" '
                          f'r:id="rId{self.link_count}"{where}{note}/>')
        self._relations.write(f'<Relationship Id="rId{self.link_count}" Type="{_HYPERLINK}" '
                              f'Target="{attribute(target)}" TargetMode="External"/>')
        return True

    def _write_hyperlinks(self) -> None:  # XlsxWriter's, called when it writes the sheet
        if self._links is None:
            super()._write_hyperlinks()  # write_url's links, if any, the usual way
            return
        if self.hyperlinks:
            raise ValueError(f"{self.name}: links by link() or by write_url(), not both")
        self._xml_start_tag("hyperlinks")
        _copy(self._links, self.fh)
        self._xml_end_tag("hyperlinks")
        self._links.close()

    def write_relations(self, path: str) -> None:
        assert self._relations is not None
        with open(path, "w", encoding="utf-8") as out:
            out.write('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                      'relationships">')
            _copy(self._relations, out)
            out.write("</Relationships>")
        self._relations.close()


def _copy(source: IO[str], target: IO[str]) -> None:
    source.seek(0)
    while data := source.read(1 << 16):
        target.write(data)


class _Packager(Packager):  # type: ignore[misc]
    def _write_worksheet_rels_files(self) -> None:
        super()._write_worksheet_rels_files()
        sheets = [sheet for sheet in self.workbook.worksheets() if not sheet.is_chartsheet]
        for index, sheet in enumerate(sheets, start=1):
            if isinstance(sheet, LinkedSheet) and sheet.link_count:
                if (sheet.external_drawing_links
                        or sheet.external_vml_links or sheet.external_background_links
                        or sheet.external_table_links or sheet.external_comment_links):
                    raise ValueError(f"{sheet.name}: a LinkedSheet holds only its links")
                sheet.write_relations(self._filename(f"xl/worksheets/_rels/sheet{index}.xml.rels"))


class StreamingWorkbook(Workbook):  # type: ignore[misc]
    """``xlsxwriter.Workbook`` that packs the links of its ``LinkedSheet``s, whose
    scratch files go in its ``tmpdir``, like its own."""

    def _get_packager(self) -> Packager:
        return _Packager()
