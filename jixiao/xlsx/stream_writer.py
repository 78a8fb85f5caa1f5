"""XlsxWriter for long lists: rows written straight to the sheet's stream, and hyperlinks
that wait on disk, not in memory.

In ``constant_memory`` mode XlsxWriter writes each row as it comes, but keeps every
hyperlink until the workbook is closed — a ``Url`` object, then a relationship,
about 1.2 KB each: the only memory that still grows with the rows of a list. A
``LinkedSheet``'s ``link`` writes the link's two pieces of XML to scratch files
instead, which are copied into the package at the end:

    sheetN.xml             <hyperlinks><hyperlink ref="A2" r:id="rId1" location=…/>…
    _rels/sheetN.xml.rels  <Relationship Id="rId1" Target="…" TargetMode="External"/>…

Writing a cell with ``write_string`` costs XlsxWriter about 5 µs: a decorator, checks, a
tuple in its table, then, when the next row comes, the cell's XML built from a list of
attributes and escaped piece by piece. A ``LinkedSheet``'s ``append_row`` writes a whole
row's XML itself — the same bytes — into the same row stream, for a third of the cost.

This relies on XlsxWriter's internals, which its tests exercise (tests/test_batch*.py;
one compares ``append_row``'s rows with XlsxWriter's, byte for byte):
the worksheet's ``_write_hyperlinks`` (overridden: the first piece goes there), its
``fh``, ``_xml_start_tag``, ``tmpdir`` and ``external_*_links``; the packager
(``Workbook._get_packager``, there to be overridden) and its
``_write_worksheet_rels_files`` and ``_filename`` (the second piece). A linked sheet
holds no other relations (images, charts, comments, ``write_url`` links). For its rows:
the row stream ``fh`` of ``constant_memory`` mode, the row waiting in ``table`` and
``previous_row`` (``_write_single_row`` writes it), ``_check_dimensions``, the
``row_info``, ``col_info``, ``comments``, row heights and ``excel_version`` that would
give a row more attributes (``append_row`` refuses a sheet that has them), and
``Format._get_xf_index``.
"""

from __future__ import annotations

import math
import re
import sys
import tempfile
from collections.abc import Sequence
from typing import IO, Any

from xlsxwriter import Workbook
from xlsxwriter.format import Format
from xlsxwriter.packager import Packager
from xlsxwriter.utility import xl_col_to_name, xl_rowcol_to_cell
from xlsxwriter.worksheet import Worksheet

MAX_LINKS = 65_530  # Excel's limit on one sheet; with more it "repairs" the file, dropping all
_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
_XML_INVALID = {code: None for code in range(32) if code not in (9, 10, 13)}
_ATTRIBUTE_SPECIAL = re.compile('[\x00-\x08\x0b\x0c\x0e-\x1f&"<>]')
_MAX_TEXT = 32_767  # UTF-16 units in a cell (XlsxWriter's xls_strmax)
# What XlsxWriter changes in an in-line string: control characters become _xHHHH_ (and a
# literal _xHHHH_ is escaped in turn), &, < and > become entities. Most texts have none.
_SPECIAL = re.compile("[\x00-\x08\x0b-\x1f&<>\ufffe\uffff]|_x[0-9a-fA-F]{4}_")
_ESCAPE_LIKE = re.compile("(_x[0-9a-fA-F]{4}_)")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f]")


def attribute(text: str) -> str:
    """Text for an XML attribute: escaped, and without the characters XML cannot hold."""
    if not _ATTRIBUTE_SPECIAL.search(text):
        return text
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
        self._columns: list[str] = []            # "A", "B", …: the letters of a cell's address
        self._style_of: dict[Format, str] = {}   # ' s="3"': a format's attribute in a cell

    def append_row(self, row: int, values: Sequence[Any],
                   formats: Sequence[Format | None], height: float | None = None) -> None:
        """Write ``values`` in the row ``row`` from column A, each in its format (one
        format per value), as ``write_string`` and ``write_number`` would in
        ``constant_memory`` mode. None, and a number that is not finite, leave the cell
        empty; an int or float is a number; anything else is text (its ``str``). The row
        must be below every row written so far: it is written at once. ``height``: the
        row's height in points (for wrapped text), else the default."""
        if row < self.previous_row or (row == self.previous_row and self.table):
            raise ValueError(f"{self.name}: row {row + 1} is written already")
        if any(above >= row for above in self.row_info) or self.comments \
                or self.excel_version != 2007 \
                or self.default_row_height != self.original_row_height \
                or any(info.column_format for info in self.col_info.values()):
            # Row heights (a header's above is XlsxWriter's own), comments or column formats:
            # XlsxWriter's rows carry them, ours not.
            raise ValueError(f"{self.name}: append_row writes rows without formats of their own")
        if self.table:  # XlsxWriter's row still waiting, above this one: first, as its
            self._write_single_row(row)  # formats get their numbers in the order they are used
        columns = self._columns
        while len(columns) < len(values):
            columns.append(xl_col_to_name(len(columns)))
        number = row + 1
        cells = []
        first = last = -1
        for column, (value, cell_format) in enumerate(zip(values, formats, strict=True)):
            if value is None:
                continue
            if cell_format is None:
                style = ""
            elif (style := self._style_of.get(cell_format)) is None:
                style = self._style_of[cell_format] = f' s="{cell_format._get_xf_index()}"'
            if isinstance(value, str):
                cells.append(f'<c r="{columns[column]}{number}"{style} t="inlineStr">'
                             f'{inline_string(value)}</c>')
            elif isinstance(value, (int, float)):
                if not math.isfinite(value):
                    continue
                cells.append(f'<c r="{columns[column]}{number}"{style}><v>{value:.16G}</v></c>')
            else:
                cells.append(f'<c r="{columns[column]}{number}"{style} t="inlineStr">'
                             f'{inline_string(str(value))}</c>')
            if first < 0:
                first = column
            last = column
        if not cells:
            return
        if self._check_dimensions(row, first) or self._check_dimensions(row, last):
            raise ValueError(f"{self.name}: row {number} is past the sheet's last row")
        size = f' ht="{height:g}" customHeight="1"' if height else ""
        self.fh.write(f'<row r="{number}"{size}>{"".join(cells)}</row>')
        self.previous_row = number  # XlsxWriter's next row: this one is written

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


def inline_string(text: str) -> str:
    """A cell's in-line string, ``<is><t>…</t></is>``, as XlsxWriter writes it — except
    that a text looking like rich-text XML (``<r>…</r>``) is escaped too, not copied raw."""
    if len(text) > _MAX_TEXT // 2:
        text = _cell_sized(text)
    if _SPECIAL.search(text):
        text = _CONTROL.sub(lambda match: f"_x{ord(match.group()):04X}_",
                            _ESCAPE_LIKE.sub(r"_x005F\1", text))
        text = (text.replace("\ufffe", "_xFFFE_").replace("\uffff", "_xFFFF_")
                .replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
    if text[:1].isspace() or text[-1:].isspace():
        return f'<is><t xml:space="preserve">{text}</t></is>'
    return f"<is><t>{text}</t></is>"


def _cell_sized(text: str) -> str:
    """The text cut to what a cell holds: 32,767 UTF-16 units, as XlsxWriter cuts it
    (a character above U+FFFF, which takes two, is not split)."""
    length = 0
    for index, character in enumerate(text):
        length += 2 if ord(character) > 0xFFFF else 1
        if length > _MAX_TEXT:
            return text[:index]
    return text


def _copy(source: IO[str], target: IO[str]) -> None:
    source.seek(0)
    while data := source.read(1 << 16):
        target.write(data)


class _Packager(Packager):  # type: ignore[misc]
    def _write_custom_file(self) -> None:
        """A workbook marked as jixiao's (``xlsx.marks``) records the digest of its
        worksheet parts as written, by which a copy edited and saved since is told
        (``marks.unedited``). The worksheets are written before this part."""
        from jixiao.xlsx.marks import MARK_PROPERTY, SHEETS_PROPERTY, hashed_sheets_digest

        properties = self.workbook.custom_properties
        if any(name == MARK_PROPERTY for name, *_ in properties):
            properties[:] = [item for item in properties if item[0] != SHEETS_PROPERTY]
            properties.append((SHEETS_PROPERTY, hashed_sheets_digest(
                (name, _hashed(part)) for part, name, _ in self.filenames
                if name.startswith("xl/worksheets/") and name.count("/") == 2), "text"))
        super()._write_custom_file()

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


def _hashed(part: Any) -> bytes:
    """The SHA-256 of a package part the packager wrote: a scratch file (read a piece at a
    time: a list of 50,000 rows is tens of MB), or text in memory."""
    import hashlib

    digest = hashlib.sha256()
    if isinstance(part, str):
        with open(part, "rb") as stream:
            while piece := stream.read(1 << 20):
                digest.update(piece)
        return digest.digest()
    value = part.getvalue()
    digest.update(value if isinstance(value, bytes) else value.encode("utf-8"))
    return digest.digest()


class StreamingWorkbook(Workbook):  # type: ignore[misc]
    """``xlsxwriter.Workbook`` that packs the links of its ``LinkedSheet``s, whose
    scratch files go in its ``tmpdir``, like its own; and whose file, when a write fails
    (a full disk), fails once: the error is raised, and the half-written zip says nothing
    more (no "Exception ignored in ZipFile.__del__" when Python collects it)."""

    def _get_packager(self) -> Packager:
        return _Packager()

    def _store_workbook(self) -> None:
        if not isinstance(self.filename, str):
            super()._store_workbook()
            return
        path = self.filename
        stream = _FailingOnce(open(path, "wb"))  # noqa: SIM115  (closed below)
        self.filename = stream
        try:
            super()._store_workbook()
        finally:
            self.filename = path
            if stream.failed is None and sys.exc_info()[0] is not None:
                stream.failed = OSError("not written")  # ZipFile's own error: say no more
            stream.close()


class _FailingOnce:
    """A binary file that raises its first error, then takes every later write, flush and
    close without a word: ZipFile, when collected, closes itself again (its end record)."""

    def __init__(self, raw: IO[bytes]) -> None:
        self._raw = raw
        self.failed: OSError | None = None
        self._position = 0  # after a failure: where ZipFile believes it is

    def write(self, data: bytes) -> int:
        if self.failed is None:
            try:
                return self._raw.write(data)
            except OSError as error:
                self.failed = error
                raise
        self._position += len(data)
        return len(data)

    def flush(self) -> None:
        if self.failed is None:
            try:
                self._raw.flush()
            except OSError as error:
                self.failed = error
                raise

    def close(self) -> None:
        try:
            self._raw.close()
        except OSError as error:
            if self.failed is None:
                self.failed = error
                raise

    def seek(self, offset: int, whence: int = 0) -> int:
        if self.failed is None:
            self._position = self._raw.seek(offset, whence)
        elif whence == 0:
            self._position = offset
        return self._position

    def tell(self) -> int:
        if self.failed is None:
            self._position = self._raw.tell()
        return self._position

    def __getattr__(self, name: str) -> Any:  # seekable …
        return getattr(self._raw, name)
