"""A corpus of broken and hostile workbooks, built by code (no binaries committed).

    path = build("zip-bomb", tmp_path)      # one file of the corpus
    CORPUS["zip-bomb"].check                # the exit code jixiao check must give
    python tests/hostile.py                 # the outcomes table of docs/hardening.md

Each builder starts from a good table (``workbooks.standard``) or from nothing
and breaks one thing, the way files arrive from hundreds of offices: damaged
on a USB stick, saved by another program, renamed, or made to hurt the
reader (zip bombs, XML entities, billions of merged cells). What jixiao must
do with each is in docs/hardening.md and tests/product/test_hostile.py.
"""

from __future__ import annotations

import io
import os
import random
import re
import struct
import subprocess
import sys
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from openpyxl.comments import Comment
from workbooks import Book, standard, standard_sheet

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

ERROR_VALUES = ("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A",
                "#GETTING_DATA", "#SPILL!", "#CALC!")


# ---------------------------------------------------------------- zip surgery

def members(path: Path) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(path) as archive:
        return [(info, archive.read(info)) for info in archive.infolist()]


def rezip(source: Path, target: Path, replace: dict[str, bytes] | None = None,
          add: dict[str, bytes] | None = None, drop: tuple[str, ...] = ()) -> Path:
    """A copy of a workbook with members replaced, added or dropped."""
    replace, add = replace or {}, add or {}
    parts = members(source)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in parts:
            if info.filename in drop:
                continue
            out.writestr(info.filename, replace.get(info.filename, data))
        for name, data in add.items():
            out.writestr(name, data)
    return target


def member(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read(name)


def _good(directory: Path, name: str = "good.xlsx") -> Path:
    return standard(directory / name)


def _sheet_with(directory: Path, name: str, fill: Callable[[object], None]) -> Path:
    """The good table, and a second sheet filled by ``fill(worksheet)``."""
    book = Book()
    standard_sheet(book.sheet())
    fill(book.wb.create_sheet("附表"))
    return book.save(directory / name)


def _patch_sheet(path: Path, number: int, before: str, insert: str) -> None:
    """Insert XML into sheet ``number`` just before the first ``before``."""
    name = f"xl/worksheets/sheet{number}.xml"
    text = member(path, name).decode()
    at = text.index(before)
    rezip(path, path.with_suffix(".tmp"), replace={name: (text[:at] + insert + text[at:]).encode()})
    os.replace(path.with_suffix(".tmp"), path)


# ---------------------------------------------------------------- damaged files

def corrupt_zip(d: Path) -> Path:
    data = bytearray(_good(d).read_bytes())
    middle = len(data) // 3
    data[middle:middle + 200] = bytes(200)  # a member's compressed bytes zeroed
    path = d / "corrupt.xlsx"
    path.write_bytes(bytes(data))
    return path


def truncated(d: Path) -> Path:
    path = d / "truncated.xlsx"
    path.write_bytes(_good(d).read_bytes()[:5000])
    return path


def truncated_tail(d: Path) -> Path:
    path = d / "no-end-record.xlsx"
    path.write_bytes(_good(d).read_bytes()[:-30])
    return path


def empty_file(d: Path) -> Path:
    path = d / "empty.xlsx"
    path.write_bytes(b"")
    return path


def garbage(d: Path) -> Path:
    path = d / "garbage.xlsx"
    path.write_bytes(bytes(random.Random(7).randrange(256) for _ in range(4096)))
    return path


def missing_workbook_part(d: Path) -> Path:
    return rezip(_good(d), d / "no-workbook-part.xlsx", drop=("xl/workbook.xml",))


def crc_mismatch(d: Path) -> Path:
    """A member whose bytes changed after the checksum was written (bit rot)."""
    path = _good(d, "crc.xlsx")
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/styles.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start + 5] ^= 0x01
    path.write_bytes(bytes(data))
    return path


# ---------------------------------------------------------------- other formats

def wrong_extension(d: Path) -> Path:
    """A good .xlsx renamed .xls: its content decides, not its name."""
    path = d / "renamed.xls"
    os.replace(_good(d), path)
    return path


def xls(d: Path) -> Path:
    path = d / "old.xls"
    path.write_bytes(_CFB + bytes(4096))
    return path


def encrypted(d: Path) -> Path:
    """An .xlsx with an opening password: Office wraps it in an OLE container."""
    path = d / "secret.xlsx"
    path.write_bytes(_CFB + bytes(1000) + "EncryptionInfo".encode("utf-16-le") + bytes(1000)
                     + "EncryptedPackage".encode("utf-16-le") + bytes(1000))
    return path


def ods(d: Path) -> Path:
    path = d / "calc.ods"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", _XML + '<office:document-content xmlns:office="urn:'
                         'oasis:names:tc:opendocument:xmlns:office:1.0"/>')
        archive.writestr("META-INF/manifest.xml", _XML + "<manifest/>")
    return path


def html_as_xlsx(d: Path) -> Path:
    path = d / "export.xlsx"
    path.write_text("<html><body><table><tr><td>三级指标</td><td>分值</td></tr></table>"
                    "</body></html>", encoding="utf-8")
    return path


def csv_as_xlsx(d: Path) -> Path:
    path = d / "data.xlsx"
    path.write_text("三级指标,分值,得分\n数量,10,10\n", encoding="gbk")
    return path


def zip_not_workbook(d: Path) -> Path:
    path = d / "photos.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photo.jpg", b"\xff\xd8\xff" + bytes(100))
    return path


def zip_password(d: Path) -> Path:
    """A zip whose members are marked encrypted (a zip password, not Office's)."""
    path = _good(d, "zip-password.xlsx")
    data = bytearray(path.read_bytes())
    for signature, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature)
        while at >= 0:
            data[at + flag_at] |= 0x01
            at = data.find(signature, at + 4)
    path.write_bytes(bytes(data))
    return path


# ---------------------------------------------------------------- XML attacks

_LAUGHS = ('<!DOCTYPE lolz [<!ENTITY lol "lol">'
           + "".join(f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">'
                     for n in range(1, 10)) + "]>")


def billion_laughs(d: Path) -> Path:
    path = _good(d)
    text = member(path, "xl/workbook.xml").decode()
    declaration_end = text.index("?>") + 2 if text.startswith("<?xml") else 0
    text = text[:declaration_end] + _LAUGHS + text[declaration_end:]
    text = text.replace("<sheets>", "<sheets>&lol9;", 1) if "<sheets>" in text else text
    return rezip(path, d / "laughs.xlsx", replace={"xl/workbook.xml": text.encode()})


def external_entity(d: Path) -> Path:
    """An entity that would read /etc/passwd into a cell."""
    return _sheet_entity(d, "xxe.xlsx", "file:///etc/passwd", "utf-8")


def external_entity_utf16(d: Path) -> Path:
    """The same in a UTF-16 part, and reaching for the network."""
    return _sheet_entity(d, "xxe-utf16.xlsx", "http://127.0.0.1:9/x", "utf-16")


def _sheet_entity(d: Path, name: str, target: str, encoding: str) -> Path:
    path = _good(d)
    text = member(path, "xl/worksheets/sheet1.xml").decode()
    body = text[text.index("?>") + 2:] if text.startswith("<?xml") else text
    text = (f'<?xml version="1.0" encoding="{encoding.upper()}"?>'
            f'<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "{target}">]>'
            + body.replace("<t>项目名称</t>", "<t>&xxe;</t>", 1))
    return rezip(path, d / name, replace={"xl/worksheets/sheet1.xml": text.encode(encoding)})


def sheet_named_png_xxe(d: Path) -> Path:
    """A worksheet renamed .png (relationship updated), with an external entity: the
    package says it is a worksheet, whatever its name."""
    path = external_entity(d)
    return _renamed_sheet(path, d / "xxe-png.xlsx", 1, "xl/media/sheet1.png")


def _renamed_sheet(path: Path, target: Path, number: int, new_name: str) -> Path:
    old_name = f"xl/worksheets/sheet{number}.xml"
    parts = dict((info.filename, data) for info, data in members(path))
    parts[new_name] = parts.pop(old_name)
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        f"/xl/worksheets/sheet{number}.xml".encode(), f"/{new_name}".encode()).replace(
        f"worksheets/sheet{number}.xml".encode(), new_name.removeprefix("xl/").encode())
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        f'<Override PartName="/{old_name}"'.encode(), b'<Override PartName="/xl/unused.xml"')
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)
    return target


def ebcdic_entity(d: Path) -> Path:
    """An external entity in a sheet encoded in EBCDIC (cp500): no UTF-8 byte matches."""
    path = _sheet_with(d, "ebcdic-source.xlsx", lambda ws: ws.append(["x", 1]))
    text = (f'<?xml version="1.0" encoding="cp500"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM '
            f'"file:///etc/passwd">]><worksheet xmlns="{_MAIN}"><sheetData><row r="1">'
            '<c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>')
    return rezip(path, d / "ebcdic.xlsx", replace={"xl/worksheets/sheet2.xml": text.encode("cp500")})


# ---------------------------------------------------------------- zip bombs

def bzip2_bomb(d: Path) -> Path:
    """A bzip2 member that declares 2,000 bytes and unpacks to 64 MB (zipfile's bzip2
    reader inflates a whole block in one call: no chunk limit applies)."""
    import bz2

    path = rezip(_good(d), d / "bzip2-bomb.xlsx")
    packer = bz2.BZ2Compressor(9)
    block = bytes(1 << 20)
    packed = b"".join(packer.compress(block) for _ in range(64)) + packer.flush()
    crc = 0
    for _ in range(64):
        crc = zlib.crc32(block, crc)
    return _append_raw_member(path, "xl/media/image1.png", packed, 12, crc, 2000)


def _append_raw_member(path: Path, name: str, packed: bytes, method: int, crc: int,
                       declared_size: int) -> Path:
    """``path`` with one more member of already packed data, declaring ``declared_size``."""
    data = path.read_bytes()
    with zipfile.ZipFile(path) as archive:
        start = archive.start_dir
        count = len(archive.infolist())
    end = data.rindex(b"PK\x05\x06")
    directory = data[start:end]
    encoded = name.encode()
    local = struct.pack("<4s5H3L2H", b"PK\x03\x04", 46, 0x800, method, 0, 0x21, crc,
                        len(packed), declared_size, len(encoded), 0) + encoded + packed
    entry = struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 46, 46, 0x800, method, 0, 0x21, crc,
                        len(packed), declared_size, len(encoded), 0, 0, 0, 0, 0, start) + encoded
    body = data[:start] + local
    directory += entry
    record = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, count + 1, count + 1, len(directory),
                         len(body), 0)
    path.write_bytes(body + directory + record)
    return path


def zip_bomb(d: Path) -> Path:
    """1 GB of zeros in 1 MB: the sizes are declared honestly."""
    path = rezip(_good(d), d / "bomb.xlsx")
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive, \
            archive.open("xl/media/image1.png", "w", force_zip64=True) as out:
        block = bytes(1 << 20)
        for _ in range(1024):
            out.write(block)
    return path


def zip_bomb_lying(d: Path) -> Path:
    """A member that declares 2 KB and unpacks to 200 MB."""
    path = d / "bomb-lying.xlsx"
    parts = members(_good(d))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in parts:
            out.writestr(info.filename, data)
        out.writestr("xl/media/image1.png", bytes(200 << 20))
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/media/image1.png")
    local = info.header_offset
    struct.pack_into("<L", data, local + 22, 2048)
    central = data.find(b"PK\x01\x02" + data[local + 4:local + 8])
    while central >= 0:
        name_length = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46:central + 46 + name_length] == b"xl/media/image1.png":
            struct.pack_into("<L", data, central + 24, 2048)
            break
        central = data.find(b"PK\x01\x02", central + 4)
    path.write_bytes(bytes(data))
    return path


def zip_bomb_ratio(d: Path) -> Path:
    """Under the total size, but one member of zeros packed 1000:1."""
    return rezip(_good(d), d / "bomb-ratio.xlsx", add={"xl/media/image1.png": bytes(20 << 20)})


def overlapping_members(d: Path) -> Path:
    """One packed body listed 2,000 times under different names (a "non-recursive" bomb)."""
    body = bytes(10 << 20)
    packed = zlib.compressobj(9, zlib.DEFLATED, -15)
    compressed = packed.compress(body) + packed.flush()
    crc = zlib.crc32(body)
    out = io.BytesIO()
    good = members(_good(d))
    directory = []
    for info, data in good:  # the real members first, stored
        offset = out.tell()
        name = info.filename.encode()
        out.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0x800, 0, 0, 0,
                              zlib.crc32(data), len(data), len(data), len(name), 0) + name + data)
        directory.append((name, 0, zlib.crc32(data), len(data), len(data), offset))
    offset = out.tell()
    out.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(compressed),
                          len(body), 5, 0) + b"a.bin" + compressed)
    for number in range(2000):
        directory.append((f"xl/media/b{number}.bin".encode(), 8, crc, len(compressed),
                          len(body), offset))
    start = out.tell()
    for name, method, crc_value, packed_size, size, at in directory:
        out.write(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0x800, method, 0, 0,
                              crc_value, packed_size, size, len(name), 0, 0, 0, 0, 0, at) + name)
    end = out.tell()
    out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(directory), len(directory),
                          end - start, start, 0))
    path = d / "overlap.xlsx"
    path.write_bytes(out.getvalue())
    return path


def many_members(d: Path) -> Path:
    return rezip(_good(d), d / "members.xlsx",
                 add={f"customXml/item{n}.xml": b"<a/>" for n in range(12_000)})


def huge_merge(d: Path) -> Path:
    """One merged range over the whole sheet: 17 billion cells for a parser to make."""
    path = _good(d, "merge.xlsx")
    _patch_sheet(path, 1, "</mergeCells>", '<mergeCell ref="A200:XFD1048576"/>')
    return path


def huge_array_formula(d: Path) -> Path:
    path = _good(d, "array.xlsx")
    _patch_sheet(path, 1, "</sheetData>",
                 '<row r="300"><c r="A300"><f t="array" ref="A300:XFD1048576">1</f><v>1</v></c>'
                 "</row>")
    return path


def huge_hyperlink(d: Path) -> Path:
    """A hyperlink over the whole sheet: openpyxl would give every cell a copy."""
    path = _good(d, "hyperlink.xlsx")
    name = "xl/worksheets/sheet1.xml"
    text = member(path, name).decode()
    at = text.index("<pageMargins") if "<pageMargins" in text else text.index("</worksheet>")
    text = (text[:at] + '<hyperlinks><hyperlink ref="A1:XFD1048576" location="\'自评表\'!A1"'
            ' display="x"/></hyperlinks>' + text[at:])
    return rezip(path, d / "hyperlink-range.xlsx", replace={name: text.encode()})


def merge_with_sheet_name(d: Path) -> Path:
    """The same merge written with its sheet's name, which openpyxl also accepts."""
    path = _good(d, "merge-named.xlsx")
    _patch_sheet(path, 1, "</mergeCells>", '<mergeCell ref="自评表!A200:XFD1048576"/>')
    return path


def cell_outside_sheet(d: Path) -> Path:
    """A cell at row 99,999,999: no sheet has it (Excel stops at 1,048,576)."""
    path = _good(d, "outside.xlsx")
    _patch_sheet(path, 1, "</sheetData>", '<row r="99999999"><c r="A99999999"><v>1</v></c></row>')
    return path


def far_corners(d: Path) -> Path:
    """One cell in A1 and one in XFD1048576: 17 billion cells for a dense reader."""
    path = _sheet_with(d, "corners.xlsx", lambda ws: ws.append(["左上"]))
    _patch_sheet(path, 2, "</sheetData>",
                 '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>右下</t></is></c></row>')
    return path


def greater_than_in_attribute(d: Path) -> Path:
    """An attribute value holding ">" — allowed in XML, never written by Excel."""
    path = _sheet_with(d, "gt.xlsx", lambda ws: ws.append([1, "=A1*2"]))
    name = "xl/worksheets/sheet2.xml"
    text = member(path, name).decode().replace('<c r="A1"', '<c r="A1" x14ac:dyDescent="a>b"'
                                               ' xmlns:x14ac="urn:x"', 1)
    return rezip(path, d / "gt-in-attribute.xlsx", replace={name: text.encode()})


def duplicate_sheet_names(d: Path) -> Path:
    """Two sheets of the same name (Excel refuses to save that)."""
    path = _sheet_with(d, "dup.xlsx", lambda ws: ws.append(["=1+1"]))
    text = member(path, "xl/workbook.xml").decode().replace('name="附表"', 'name="自评表"')
    return rezip(path, d / "duplicate-sheets.xlsx", replace={"xl/workbook.xml": text.encode()})


def no_sheet_list(d: Path) -> Path:
    """workbook.xml without its <sheets>: no workbook at all."""
    path = _good(d)
    text = re.sub(r"<sheets>.*</sheets>", "", member(path, "xl/workbook.xml").decode(), flags=re.S)
    return rezip(path, d / "no-sheets.xlsx", replace={"xl/workbook.xml": text.encode()})


# ---------------------------------------------------------------- size and shape

def million_empty_rows(d: Path) -> Path:
    path = _sheet_with(d, "rows.xlsx", lambda ws: ws.append(["明细"]))
    rows = "".join(f'<row r="{row}"/>' for row in range(2, 1_000_002))
    text = (f'{_XML}<worksheet xmlns="{_MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr">'
            f"<is><t>明细</t></is></c></row>{rows}</sheetData></worksheet>")
    return rezip(path, d / "million-rows.xlsx", replace={"xl/worksheets/sheet2.xml": text.encode()})


def all_columns(d: Path) -> Path:
    return _sheet_with(d, "columns.xlsx", lambda ws: ws.append(list(range(1, 16_385))))


def million_cells(d: Path) -> Path:
    """1,000,100 cells in 5,001 rows: just over the cell limit."""
    cells = "".join(f'<c r="{letters}{{row}}"><v>1</v></c>' for letters in _columns(200))
    rows = "".join(f'<row r="{row}">{cells.format(row=row)}</row>' for row in range(1, 5_001))
    text = f'{_XML}<worksheet xmlns="{_MAIN}"><sheetData>{rows}<row r="5001">' + \
        "".join(f'<c r="{letters}5001"><v>1</v></c>' for letters in _columns(101)) + \
        "</row></sheetData></worksheet>"
    path = _sheet_with(d, "cells.xlsx", lambda ws: ws.append(["x"]))
    return rezip(path, d / "million-cells.xlsx", replace={"xl/worksheets/sheet2.xml": text.encode()})


def _columns(count: int) -> list[str]:
    from openpyxl.utils import get_column_letter

    return [get_column_letter(n) for n in range(1, count + 1)]


def huge_dimension(d: Path) -> Path:
    """A sheet that claims A1:XFD1048576 but holds a few cells."""
    path = _good(d, "dimension.xlsx")
    name = "xl/worksheets/sheet1.xml"
    text = member(path, name).decode()
    start = text.index("<dimension")
    end = text.index("/>", start) + 2
    text = text[:start] + '<dimension ref="A1:XFD1048576"/>' + text[end:]
    return rezip(path, d / "dimension-claim.xlsx", replace={name: text.encode()})


def huge_comment(d: Path) -> Path:
    """A 10 MB comment (random text: it does not compress like a bomb)."""
    rng = random.Random(10)
    text = "".join(chr(rng.randrange(0x4E00, 0x9FA5)) for _ in range(3_500_000))  # 10.5 MB
    book = Book()
    standard_sheet(book.sheet())
    book.wb["自评表"]["J1"].comment = Comment(text, "某人")
    return book.save(d / "comment.xlsx")


def long_strings(d: Path) -> Path:
    """Cells of 32,767 characters (Excel's maximum) and a 200,000-character one.

    The text is random (seeded): a run of one character packs about 640:1, so whether
    the part trips the compression-ratio guard (``LONG_STRINGS_RATIO``) would hang on
    its size and on the zlib that packed it. Random CJK text packs under 2:1 anywhere.
    """
    rng = random.Random(32_767)

    def text(length: int) -> str:
        return "".join(chr(rng.randrange(0x4E00, 0x9FA5)) for _ in range(length))

    path = _sheet_with(d, "strings.xlsx", lambda ws: ws.append([text(32_767), text(32_767)]))
    _patch_sheet(path, 2, "</sheetData>", '<row r="2"><c r="A2" t="inlineStr"><is><t>'
                 + text(200_000) + "</t></is></c></row>")
    return path


LONG_STRINGS_RATIO = 4  # the largest unpacked : packed of long_strings' members (a test checks)


def sheet_named_bin_cells(d: Path) -> Path:
    """A second worksheet named .bin holding 600,000 cells: over the cell limit by
    what the package says it is."""
    cells = "".join(f'<c r="{letters}{{row}}"><v>1</v></c>' for letters in _columns(100))
    rows = "".join(f'<row r="{row}">{cells.format(row=row)}</row>' for row in range(1, 6_001))
    text = f'{_XML}<worksheet xmlns="{_MAIN}"><sheetData>{rows}</sheetData></worksheet>'
    path = _sheet_with(d, "cells-bin-source.xlsx", lambda ws: ws.append(["x"]))
    path = rezip(path, d / "cells-bin-source2.xlsx",
                 replace={"xl/worksheets/sheet2.xml": text.encode()})
    return _renamed_sheet(path, d / "cells-bin.xlsx", 2, "xl/printerSettings/sheet2.bin")


def tags_in_comment(d: Path) -> Path:
    """60,000 unclosed <c r=…> start tags inside an XML comment in sheetData."""
    return _sheet_with_markup(d, "comment-tags.xlsx", "<!--" + '<c r="B1">' * 60_000 + "-->")


def tags_in_instruction(d: Path) -> Path:
    """The same inside a processing instruction."""
    return _sheet_with_markup(d, "pi-tags.xlsx", "<?jixiao " + '<c r="B1">' * 60_000 + "?>")


def _sheet_with_markup(d: Path, name: str, markup: str) -> Path:
    """The template (recalculated by the core: no engine limit applies) with ``markup``
    at the end of its table's sheetData."""
    path = template_copy(d)
    _patch_sheet(path, 1, "</sheetData>", markup)
    return path.rename(d / name)


def five_thousand_indicators(d: Path) -> Path:
    """A legitimate table of 5,000 indicators (5,000 rows and more): 分值 of two decimals
    (4,000 × 0.02 + 1,000 × 0.01 = 90; 0.018 each would score 0.02 each, JX111)."""
    rows = [("产出指标", "数量指标", f"指标{n}", "≥90%", "95%", points, points, None)
            for n in range(1, 5_001) for points in [0.02 if n <= 4_000 else 0.01]]
    book = Book()
    standard_sheet(book.sheet(), rows=rows)
    return book.save(d / "indicators-5000.xlsx")


def deep_xml(d: Path) -> Path:
    """A cell whose inline string nests 100,000 elements deep."""
    path = _good(d, "deep.xlsx")
    _patch_sheet(path, 1, "</sheetData>", '<row r="200"><c r="A200" t="inlineStr"><is>'
                 + "<r>" * 100_000 + "</r>" * 100_000 + "</is></c></row>")
    return path


# ---------------------------------------------------------------- formulas

def circular(d: Path) -> Path:
    def fill(ws: object) -> None:
        ws["A1"], ws["B1"], ws["C1"] = "=B1+1", "=A1+1", "=C1*2"  # type: ignore[index]
        ws["D1"] = "=A1+10"  # type: ignore[index]
    return _sheet_with(d, "circular.xlsx", fill)


def every_error(d: Path) -> Path:
    """Each Excel error value, as a constant, as a cached result, and as a 得分."""
    rows = [("产出指标", "数量指标", f"指标{n}", "≥90%", value, 10, value, None)
            for n, value in enumerate(ERROR_VALUES, start=1)]
    book = Book()
    standard_sheet(book.sheet(), rows=rows, total=(100, "#VALUE!"), grade="#N/A")
    ws = book.wb.create_sheet("错误值")
    for column, (formula, value) in enumerate(
            zip(("=A9 A10", "=1/0", '="a"+1', "=#REF!", "=NOSUCH(1)", "=SQRT(-1)", "=NA()",
                 "=A20", "=A21", "=A22"), ERROR_VALUES, strict=True), start=1):
        ws.cell(1, column).value = value
        ws.cell(2, column).value = formula
    path = book.save(d / "errors.xlsx")
    text = member(path, "xl/worksheets/sheet2.xml").decode()
    for column, value in enumerate(ERROR_VALUES, start=1):
        letter = chr(64 + column)
        formula_start = text.index(f'<c r="{letter}2"')
        close = text.index("</c>", formula_start)
        cell = text[formula_start:close]
        if "<v>" not in cell:
            cell = cell.replace("<v></v>", "").replace("<v />", "")
            cell = cell.replace('<c r=', '<c t="e" r=', 1) + f"<v>{value}</v>"
        text = text[:formula_start] + cell + text[close:]
    return rezip(path, d / "every-error.xlsx", replace={"xl/worksheets/sheet2.xml": text.encode()})


def whole_column_formulas(d: Path) -> Path:
    def fill(ws: object) -> None:
        ws["A1"], ws["A2"] = 1, 2  # type: ignore[index]
        ws["B1"] = "=SUM(A:A)"  # type: ignore[index]
        ws["B2"] = "=SUM(A1:XFD1048576)"  # type: ignore[index]
        ws["B3"] = "=COUNTA(1:1048576)"  # type: ignore[index]
    return _sheet_with(d, "whole-columns.xlsx", fill)


def wrong_arity(d: Path) -> Path:
    """JX_ calls with too few and too many arguments (Excel would not save them)."""
    def fill(ws: object) -> None:
        ws["A1"], ws["A2"] = "=JX_SCORES()", "=JX_RATE(1,2,3,4,5,6,7,8,9)"  # type: ignore[index]
    return _sheet_with(d, "arity.xlsx", fill)


def indirect_whole_columns(d: Path) -> Path:
    """=SUM(INDIRECT("A:J")): ten whole columns written as text."""
    def fill(ws: object) -> None:
        ws["A1"], ws["B1"] = 1, '=SUM(INDIRECT("A:J"))'  # type: ignore[index]
        ws["C1"] = "=A1*2"  # type: ignore[index]
    return _sheet_with(d, "indirect.xlsx", fill)


def huge_arrays(d: Path) -> Path:
    """Functions that build an array of the size they are given: MUNIT(100000) is 10^10 cells."""
    def fill(ws: object) -> None:
        ws["A1"], ws["B1"] = 1, "=SUM(MUNIT(100000))"  # type: ignore[index]
        ws["B2"] = '=LEN(REPT("x",1000000000))'  # type: ignore[index]
        ws["B3"] = "=SUM(MAKEARRAY(100000,100000,LAMBDA(r,c,1)))"  # type: ignore[index]
        ws["C1"] = "=A1*2"  # type: ignore[index]
    return _sheet_with(d, "arrays.xlsx", fill)


def whole_column_name(d: Path) -> Path:
    """A defined name over three whole columns, used by one formula and by none."""
    path = _sheet_with(d, "names.xlsx", lambda ws: ws.append([1, "=SUM(大区域)", "=A1+1"]))
    workbook = member(path, "xl/workbook.xml").decode()
    names = ('<definedNames><definedName name="大区域">附表!$A:$C</definedName>'
             '<definedName name="没用的">附表!$D:$F</definedName></definedNames>')
    workbook = workbook.replace("<definedNames/>", "").replace("<definedNames />", "")
    at = workbook.index("</sheets>") + len("</sheets>")
    return rezip(path, d / "whole-column-name.xlsx",
                 replace={"xl/workbook.xml": (workbook[:at] + names + workbook[at:]).encode()})


def deep_formula(d: Path) -> Path:
    """Formulas nested 2,000 and 500 levels deep (Excel allows 64), and one of 32,767
    characters (Excel allows 8,192)."""
    def fill(ws: object) -> None:
        ws["A1"] = "=" + "(" * 2000 + "1" + ")" * 2000  # type: ignore[index]
        ws["A2"] = "=" + "+".join(["1"] * 33_000)  # type: ignore[index]
        ws["A3"] = "=" + "JX_RATE(" * 500 + "1" + ")" * 500  # type: ignore[index]
    return _sheet_with(d, "deep-formula.xlsx", fill)


def odd_numbers(d: Path) -> Path:
    """Numbers at the edge: 1E+308, infinity (1e999), -0, 1E-320; a 分值 of 1E+308."""
    path = _sheet_with(d, "numbers.xlsx", lambda ws: ws.append(["x"]))
    cells = "".join(f'<c r="{chr(65 + n)}2"><v>{value}</v></c>' for n, value in
                    enumerate(("1E+308", "9.99E+307", "1e999", "-1e999", "-0", "1E-320")))
    _patch_sheet(path, 2, "</sheetData>", f'<row r="2">{cells}</row>'
                 '<row r="3"><c r="A3"><f>A2*A2</f></c><c r="B3"><f>B2+1</f></c>'
                 '<c r="C3"><f>SUM(A2:F2)</f></c></row>')
    _set_value(path, "G14", "1E+308")   # a 分值
    _set_value(path, "H15", "-1e999")   # a 得分
    return path


def not_numbers(d: Path) -> Path:
    """Cells typed as numbers that are not: "NaN", "0x10", "1,5", "七", " "."""
    path = _sheet_with(d, "not-numbers.xlsx", lambda ws: ws.append(["x"]))
    cells = "".join(f'<c r="{chr(65 + n)}2"><v>{value}</v></c>' for n, value in
                    enumerate(("NaN", "0x10", "1,5", "七", " ")))
    _patch_sheet(path, 2, "</sheetData>", f'<row r="2">{cells}</row>')
    return path


def _set_value(path: Path, ref: str, value: str) -> None:
    """Give a cell of the first sheet a number as raw XML text."""
    name = "xl/worksheets/sheet1.xml"
    text = re.sub(rf'<c r="{ref}"[^>]*?(?:/>|>.*?</c>)', f'<c r="{ref}"><v>{value}</v></c>',
                  member(path, name).decode(), count=1)
    rezip(path, path.with_suffix(".tmp"), replace={name: text.encode()})
    os.replace(path.with_suffix(".tmp"), path)


def dde(d: Path) -> Path:
    """DDE formulas (Excel would ask to start cmd.exe) and a DDE link part."""
    def fill(ws: object) -> None:
        ws["A1"] = "=cmd|' /C calc'!A0"  # type: ignore[index]
        ws["A2"] = "=MSEXCEL|'\\..\\..\\..\\Windows\\System32\\cmd.exe /c calc.exe'!''"  # type: ignore[index]
        ws["A3"] = '=HYPERLINK("http://example.invalid/x","点击")'  # type: ignore[index]
    path = _sheet_with(d, "dde.xlsx", fill)
    return _with_external(path, d / "dde-link.xlsx", '<ddeLink xmlns:r="http://schemas.'
                          'openxmlformats.org/officeDocument/2006/relationships" '
                          'ddeService="cmd" ddeTopic="/c calc"><ddeItems><ddeItem name="A0"/>'
                          "</ddeItems></ddeLink>", None)


def external_link(d: Path) -> Path:
    def fill(ws: object) -> None:
        ws["A1"] = "=[1]Sheet1!A1*2"  # type: ignore[index]
    path = _sheet_with(d, "links.xlsx", fill)
    return _with_external(path, d / "external-link.xlsx",
                          '<externalBook xmlns:r="http://schemas.openxmlformats.org/officeDocument/'
                          '2006/relationships" r:id="rId1"><sheetNames><sheetName val="Sheet1"/>'
                          "</sheetNames></externalBook>",
                          "file:///C:/财务/2024/预算明细.xlsx")


def _with_external(path: Path, target: Path, body: str, link: str | None) -> Path:
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    part = (f'{_XML}<externalLink xmlns="{ns}">{body}</externalLink>').encode()
    add = {"xl/externalLinks/externalLink1.xml": part}
    if link:
        add["xl/externalLinks/_rels/externalLink1.xml.rels"] = (
            f'{_XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            f'relationships"><Relationship Id="rId1" Type="{rel}/externalLinkPath" '
            f'Target="{link}" TargetMode="External"/></Relationships>').encode()
    workbook = member(path, "xl/workbook.xml").decode()
    at = workbook.index("</sheets>") + len("</sheets>")
    workbook = (workbook[:at] + f'<externalReferences><externalReference xmlns:r="{rel}" '
                'r:id="rIdX1"/></externalReferences>' + workbook[at:])
    rels = member(path, "xl/_rels/workbook.xml.rels").decode().replace(
        "</Relationships>", f'<Relationship Id="rIdX1" Type="{rel}/externalLink" '
        'Target="externalLinks/externalLink1.xml"/></Relationships>')
    types = member(path, "[Content_Types].xml").decode().replace(
        "</Types>", '<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType='
        '"application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/></Types>')
    return rezip(path, target, add=add, replace={
        "xl/workbook.xml": workbook.encode(), "xl/_rels/workbook.xml.rels": rels.encode(),
        "[Content_Types].xml": types.encode()})


def macro(d: Path) -> Path:
    """An .xlsm with a VBA project (Auto_Open): kept, never run."""
    path = _good(d, "macro.xlsx")
    types = member(path, "[Content_Types].xml").decode().replace(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml").replace(
        "</Types>", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
        "</Types>")
    rels = member(path, "xl/_rels/workbook.xml.rels").decode().replace(
        "</Relationships>", '<Relationship Id="rIdVBA" Type="http://schemas.microsoft.com/office/'
        '2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>')
    vba = _CFB + bytes(512) + b"Attribute VB_Name = \"Module1\"\r\nSub Auto_Open()\r\n" \
        b"Shell \"cmd /c calc\"\r\nEnd Sub\r\n"
    return rezip(path, d / "macro.xlsm", add={"xl/vbaProject.bin": vba}, replace={
        "[Content_Types].xml": types.encode(), "xl/_rels/workbook.xml.rels": rels.encode()})


# ---------------------------------------------------------------- names

def chinese_names(d: Path) -> Path:
    book = Book()
    standard_sheet(book.sheet("自评表 (2024) 普陀"))
    ws = book.wb.create_sheet("附表·资金")
    ws["A1"], ws["B1"] = 1, "='自评表 (2024) 普陀'!G9+A1"
    return book.save(d / "普陀区 医保中心 自评表（2024）.xlsx")


def gbk_member_names(d: Path) -> Path:
    """A member named in GBK, without the zip's UTF-8 flag (old Chinese zip tools)."""
    gbk = "xl/media/图片一.png".encode("gbk")
    placeholder = b"xl/media/" + b"Q" * (len(gbk) - len(b"xl/media/.png")) + b".png"
    path = rezip(_good(d), d / "gbk-names.xlsx",
                 add={placeholder.decode(): b"\x89PNG\r\n\x1a\n" + bytes(64)})
    path.write_bytes(path.read_bytes().replace(placeholder, gbk))
    return path


def bad_utf8_member_name(d: Path) -> Path:
    """A member name flagged UTF-8 that is not UTF-8."""
    path = d / "bad-name.xlsx"
    parts = members(_good(d))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in parts:
            out.writestr(info.filename, data)
        out.writestr("xl/media/图.png", b"x")
    data = path.read_bytes().replace("图".encode(), b"\xff\xfe\xfd")
    path.write_bytes(data)
    return path


def gbk_file_name(d: Path) -> Path:
    """A file name in GBK bytes (copied from an old Windows share): not valid UTF-8."""
    name = os.fsdecode("自评表-2024.xlsx".encode("gbk"))
    path = d / name
    os.replace(_good(d), path)
    return path


def long_file_name(d: Path) -> Path:
    """A 245-byte name (80 汉字): the hidden temporary file beside it must still fit."""
    return _good(d, "长" * 80 + ".xlsx")


def sheet_names_odd(d: Path) -> Path:
    """Sheet names with quotes, brackets and 31 characters, and a defined name to a missing sheet."""
    book = Book()
    standard_sheet(book.sheet("自评表!#$%&(张三's)"))
    ws = book.wb.create_sheet("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一")
    ws["A1"] = "='自评表!#$%&(张三''s)'!G8"  # formulas cannot read '' in a sheet name: #REF!
    path = book.save(d / "sheet-names.xlsx")
    workbook = member(path, "xl/workbook.xml").decode()
    at = workbook.index("</sheets>") + len("</sheets>")
    workbook = (workbook[:at] + '<definedNames><definedName name="JX_RATE_CELL">不存在!$A$1'
                "</definedName><definedName name=\"x\">#REF!</definedName></definedNames>"
                + workbook[at:])
    return rezip(path, d / "odd-sheet-names.xlsx", replace={"xl/workbook.xml": workbook.encode()})


ESCAPE_FILE_NAME = "转义\x1b[2J\x1b]0;标题\x07\x9b31m\u202egpj.xlsx"


def escape_sequences(d: Path) -> Path:
    """Terminal escapes everywhere a name is printed: the file name (ESC[2J clears the
    screen, ESC]0;…BEL sets the window title, a bidi override), and the 8-bit forms XML can
    hold (CSI U+009B, OSC U+009D … ST U+009C) in the sheet name, the project name and a
    formula that fails (recalc lists it)."""
    book = Book()
    standard_sheet(book.sheet("自评表\u009b2J\u202e"), name="项目\u009d0;被改的标题\u009c\u009b2J")
    book.wb.create_sheet("附表")["A1"] = '=NOSUCHFUNCTION("\u009d0;pwn\u009c")'
    return book.save(d / ESCAPE_FILE_NAME)


FORMULA_TEXTS = ("=1+1", "@SUM(1)", "+cmd|' /C calc'!A0", "-2+3",
                 '=HYPERLINK("http://evil.example/x","点击")')


def formula_like_names(d: Path) -> Path:
    """Texts a spreadsheet would take for formulas: a sheet named =powershell|' -c calc'
    (a valid name: a DDE formula if written into a cell), project and indicator names
    starting with =, +, -, @ (typed as texts, as a clerk can)."""
    from workbooks import PUTUO_1_ROWS

    rows = [list(row) for row in PUTUO_1_ROWS]
    for row, text in zip(rows, FORMULA_TEXTS[:4], strict=False):
        row[2] = text
    book = Book()
    standard_sheet(book.sheet("=powershell|' -c calc'"), rows=rows, name=FORMULA_TEXTS[4])
    return book.save(d / "=cmd|' -c calc'!A0.xlsx")


LINK_FILE_NAMES = ("\\\\evil.example\\share\\y.xlsx", "file:\\\\evil.example\\x.xlsx",
                   "http:evil.example.xlsx")


def link_like_names(d: Path) -> Path:
    """A file named like a UNC path (\\\\evil.example\\share\\y.xlsx): legal on Linux,
    where an inbox unzipped from anywhere may hold it; a link built from it must not
    become a UNC path or a URL (batch summary)."""
    return _good(d, LINK_FILE_NAMES[0])


# ---------------------------------------------------------------- file system

def read_only(d: Path) -> Path:
    path = _good(d, "readonly.xlsx")
    path.chmod(0o444)
    return path


def locked(d: Path) -> Path:
    """A good workbook; ``hold_lock(path)`` locks it from another process, as
    LibreOffice does while the file is open."""
    return _good(d, "locked.xlsx")


def template_copy(d: Path) -> Path:
    """The committed template, for comparison: must pass untouched."""
    from jixiao.template.build import build_template

    path = d / "template.xlsx"
    build_template(path, year=2024)
    return path


@dataclass(frozen=True)
class Outcome:
    """What ``jixiao check FILE`` and ``jixiao recalc FILE`` must do with a corpus file:
    the exit code and words of the message (for exit 2, the one Chinese line)."""

    build: Callable[[Path], Path]
    what: str          # Chinese, for docs/hardening.md
    check: int
    check_says: str
    recalc: int
    recalc_says: str


_BOMB = "超出安全上限"
_CELLS = "单元格（含合并区域）超过 500,000 个"
_SKIPPED = "单元格（含合并区域）超过 500,000 个，已跳过"  # a sheet beside the table
_DTD = "含有 DTD/实体声明"
_BROKEN = "已损坏"
_NOT_XLSX = "不是 .xlsx 或 .xlsm 工作簿"
_NOT_VALID = "不是有效的 .xlsx/.xlsm 工作簿"
_ENCODING = "不是 UTF-8 编码的 XML"

CORPUS: dict[str, Outcome] = {
    "corrupt-zip": Outcome(corrupt_zip, "压缩数据中间有 200 字节被清零", 2, "无法解压", 2, "无法解压"),
    "truncated": Outcome(truncated, "只有前 5000 字节（下载或拷贝中断）", 2, "压缩包结构不完整",
                         2, "压缩包结构不完整"),
    "truncated-tail": Outcome(truncated_tail, "缺少最后 30 字节（压缩包目录残缺）", 2,
                              "压缩包结构不完整", 2, "压缩包结构不完整"),
    "empty-file": Outcome(empty_file, "0 字节的文件", 2, "是空文件", 2, "是空文件"),
    "garbage": Outcome(garbage, "4 KB 随机字节", 2, "不是 Excel 工作簿", 2, "不是 Excel 工作簿"),
    "missing-workbook-part": Outcome(missing_workbook_part, "压缩包里没有 xl/workbook.xml", 2,
                                     "无法读取工作簿结构", 2, _NOT_VALID),
    "crc-mismatch": Outcome(crc_mismatch, "一个成员的数据被改了一位（校验和不符）", 2, "无法解压",
                            2, "无法解压"),
    "wrong-extension": Outcome(wrong_extension, "正常的 .xlsx 改名为 .xls", 0, "共 0 个错误",
                               0, "实际是 .xlsx 工作簿"),
    "xls": Outcome(xls, "旧版 Office 复合文档（OLE），没有可辨认的流", 2, "看不出是哪一种", 2,
                   "看不出是哪一种"),
    "encrypted": Outcome(encrypted, "设置了打开密码的 .xlsx（OLE 中含 EncryptionInfo）", 2,
                         "设置了打开密码", 2, "设置了打开密码"),
    "ods": Outcome(ods, "OpenDocument 表格（.ods），其中没有表格", 2, "没有找到项目支出绩效自评表", 2,
                   _NOT_XLSX),
    # read as the page it is (Excel opens it): this one's header has no indicator rows
    "html-as-xlsx": Outcome(html_as_xlsx, "网页表格另存为 .xlsx 扩展名", 2, "没有找到项目支出绩效自评表", 2,
                            "网页格式（HTML）的 Excel 表"),
    "csv-as-xlsx": Outcome(csv_as_xlsx, "GBK 编码的 CSV 改名为 .xlsx", 2, "不是 Excel 工作簿", 2,
                           "不是 Excel 工作簿"),
    "zip-not-workbook": Outcome(zip_not_workbook, "普通压缩包（照片）改名为 .xlsx", 2,
                                "是压缩包，但不是 Excel 工作簿", 2, "是压缩包，但不是 Excel 工作簿"),
    "zip-password": Outcome(zip_password, "压缩包层面加了密码", 2, "压缩包设置了密码", 2,
                            "压缩包设置了密码"),
    "billion-laughs": Outcome(billion_laughs, "“十亿笑声”：workbook.xml 中嵌套的实体", 2, _DTD, 2,
                              _DTD),
    "external-entity": Outcome(external_entity, "外部实体：读取 /etc/passwd", 2, _DTD, 2, _DTD),
    "external-entity-utf16": Outcome(external_entity_utf16, "UTF-16 编码的外部实体（访问网络）",
                                     2, _ENCODING, 2, _ENCODING),
    "worksheet-named-png": Outcome(sheet_named_png_xxe, "工作表改名为 .png（关系已改），内含外部实体",
                                   2, _DTD, 2, _DTD),
    "ebcdic-entity": Outcome(ebcdic_entity, "EBCDIC（cp500）编码的工作表，内含外部实体", 2,
                             _ENCODING, 2, _ENCODING),
    "zip-bomb": Outcome(zip_bomb, "压缩炸弹：1 MB 解压为 1 GB（如实声明大小）", 2,
                        "解压后共 1024 MB", 2, "解压后共 1024 MB"),
    "zip-bomb-lying": Outcome(zip_bomb_lying, "压缩炸弹：声明 2 KB，实为 200 MB", 2, _BOMB, 2, _BOMB),
    "zip-bomb-ratio": Outcome(zip_bomb_ratio, "一个成员压缩比 1000:1（20 MB 的零）", 2, "压缩比", 2,
                              "压缩比"),
    "overlapping-members": Outcome(overlapping_members, "2000 个目录项指向同一段数据（重叠炸弹）",
                                   2, "解压后共 20000 MB", 2, "解压后共 20000 MB"),
    "bzip2-bomb": Outcome(bzip2_bomb, "bzip2 压缩的成员：声明 2,000 字节，实为 64 MB", 2,
                          "使用 bzip2 压缩方式", 2, "使用 bzip2 压缩方式"),
    "many-members": Outcome(many_members, "12,000 个成员", 2, "个成员，上限 10000", 2,
                            "个成员，上限 10000"),
    "huge-merge": Outcome(huge_merge, "合并单元格 A200:XFD1048576（170 亿格）", 2, _CELLS, 2, _CELLS),
    "huge-array-formula": Outcome(huge_array_formula, "数组公式覆盖整张工作表", 2, _CELLS, 2,
                                  _CELLS),
    "huge-hyperlink": Outcome(huge_hyperlink, "超链接覆盖整张工作表", 2, _CELLS, 2, _CELLS),
    "merge-with-sheet-name": Outcome(merge_with_sheet_name, "同样的合并单元格，写成“自评表!A200:XFD1048576”",
                                     2, _CELLS, 2, _CELLS),
    "cell-outside-sheet": Outcome(cell_outside_sheet, "单元格地址 A99999999（超出 Excel 的 1,048,576 行）",
                                  2, "超出 Excel 工作表的范围", 2, "超出 Excel 工作表的范围"),
    "far-corners": Outcome(far_corners, "A1 和 XFD1048576 各有一个单元格（矩形 170 亿格）", 0,
                           "Ctrl+End 找到并删除），已跳过", 2, "Ctrl+End"),
    "no-sheet-list": Outcome(no_sheet_list, "workbook.xml 中没有工作表列表 <sheets>", 2,
                             "没有找到项目支出绩效自评表", 2, "中没有工作表列表"),
    "gt-in-attribute": Outcome(greater_than_in_attribute, "属性值中含“>”（XML 允许，Excel 不会这样写）",
                               0, "共 0 个错误", 0, "全部公式计算成功"),
    "duplicate-sheet-names": Outcome(duplicate_sheet_names, "两张工作表同名", 0, "共 0 个错误", 2,
                                     "有两张工作表同名"),
    # empty rows are no content: the sheet is read (the row limit counts rows with values)
    "million-empty-rows": Outcome(million_empty_rows, "附表有 1,000,000 个空行", 0,
                                  "共 0 个错误", 0, "全部公式计算成功"),
    "all-16384-columns": Outcome(all_columns, "附表一行写满 16,384 列（A–XFD）", 0, "共 0 个错误",
                                 0, "全部公式计算成功"),
    "million-cells": Outcome(million_cells, "附表 1,000,100 个单元格", 0, _SKIPPED, 2, _CELLS),
    "worksheet-named-bin": Outcome(sheet_named_bin_cells, "600,000 个单元格的工作表改名为 .bin",
                                   0, _SKIPPED, 2, _CELLS),
    "huge-dimension": Outcome(huge_dimension, "声明的范围是整张工作表，实际只有几十格", 0,
                              "共 0 个错误", 0, "全部公式计算成功"),
    "10mb-comment": Outcome(huge_comment, "一条 10 MB 的批注", 0, "共 0 个错误", 0,
                            "全部公式计算成功"),
    "long-strings": Outcome(long_strings, "32,767 字的单元格和 200,000 字的内联文字", 0,
                            "共 0 个错误", 0, "全部公式计算成功"),
    "tags-in-comment": Outcome(tags_in_comment, "表格数据中的 XML 注释里有 60,000 个未闭合的 <c r=…>",
                               1, "自评表未填写", 0, "全部公式计算成功"),
    "tags-in-instruction": Outcome(tags_in_instruction, "同样的 60,000 个标记放在处理指令 <?…?> 里",
                                   1, "自评表未填写", 0, "全部公式计算成功"),
    "5000-indicators": Outcome(five_thousand_indicators, "5,000 个指标的自评表（5,012 行）", 0,
                               "个警告", 0, "全部公式计算成功"),
    "deep-xml": Outcome(deep_xml, "一个单元格的 XML 嵌套 100,000 层", 0, "共 0 个错误", 0,
                        "全部公式计算成功"),
    "circular-formulas": Outcome(circular, "循环引用（A1↔B1，C1 引用自身）", 0, "共 0 个错误", 1,
                                 "循环引用"),
    "every-error-value": Outcome(every_error, "每一种错误值：作为常量、缓存结果和得分", 1,
                                 "个错误", 1, "#DIV/0!"),  # =NOSUCH(1): its stored #NAME? no result
    "whole-column-formulas": Outcome(whole_column_formulas, "=SUM(A:A) 等整列、整行、整表引用",
                                     0, "共 0 个错误", 1, "引用的区域过大"),
    "indirect-whole-columns": Outcome(indirect_whole_columns, '=SUM(INDIRECT("A:J"))：以文字写出的十整列',
                                      0, "共 0 个错误", 1, "引用的区域过大"),
    "huge-arrays": Outcome(huge_arrays, "MUNIT(100000)、MAKEARRAY(100000,100000,…)、REPT(\"x\",1E9)",
                           0, "共 0 个错误", 1, "要生成的数组过大"),
    "wrong-arity": Outcome(wrong_arity, "JX_ 函数参数过少或过多", 0, "共 0 个错误", 0, "#VALUE!"),
    "whole-column-name": Outcome(whole_column_name, "名称“大区域”指向三整列（一个公式用它，另一个名称没人用）",
                                 0, "共 0 个错误", 1, "名称“大区域”引用的区域过大"),
    "deep-formula": Outcome(deep_formula, "嵌套 2000 层、长 32,767 字符的公式", 0, "个警告", 1,
                            "超过 Excel 的上限"),
    "odd-numbers": Outcome(odd_numbers, "1E+308、1e999（无穷大）、-0、1E-320，分值 1E+308", 1,
                           "个错误", 0, "#NUM!"),
    "not-numbers": Outcome(not_numbers, "标为数字却不是数字：NaN、0x10、1,5、七", 2,
                           "已损坏或格式异常", 0, "全部公式计算成功"),
    "dde": Outcome(dde, "DDE 公式 =cmd|' /C calc'!A0 和 DDE 链接", 0, "JX901", 1,
                   "公式无法解析"),
    "external-link": Outcome(external_link, "引用另一个文件 [1]Sheet1!A1", 0, "JX901", 1, "#REF!"),
    "macro": Outcome(macro, "含 VBA 工程（Auto_Open 调用 Shell）的 .xlsm", 0, "共 0 个错误", 0,
                     "全部公式计算成功"),
    "chinese-names": Outcome(chinese_names, "中文文件名（含空格、全角括号）和中文工作表名", 0,
                             "共 0 个错误", 0, "全部公式计算成功"),
    "gbk-member-names": Outcome(gbk_member_names, "压缩包内成员名为 GBK 编码（未标 UTF-8）", 0,
                                "共 0 个错误", 0, "全部公式计算成功"),
    "bad-utf8-member-name": Outcome(bad_utf8_member_name, "成员名标为 UTF-8 却不是", 2,
                                    "压缩包结构不完整", 2, "压缩包结构不完整"),
    "gbk-file-name": Outcome(gbk_file_name, "文件名是 GBK 字节（不是有效的 UTF-8）", 0,
                             "共 0 个错误", 0, "全部公式计算成功"),
    "long-file-name": Outcome(long_file_name, "245 字节的文件名（80 个汉字）", 0, "共 0 个错误", 0,
                              "全部公式计算成功"),
    "odd-sheet-names": Outcome(sheet_names_odd, "工作表名含 !#$%&'() 和 31 个汉字，名称指向不存在的表",
                               0, "未发现问题", 0, "#REF!"),
    "read-only": Outcome(read_only, "只读文件", 0, "共 0 个错误", 0, "全部公式计算成功"),
    "locked": Outcome(locked, "被另一个进程加锁（fcntl）的文件", 0, "共 0 个错误", 0,
                      "全部公式计算成功"),
    "escape-sequences": Outcome(escape_sequences, "文件名、工作表名、项目名称和公式中含终端控制序列"
                                "（ESC[2J、ESC]0;…BEL、CSI、从右向左覆盖）", 0, "\\x1b[2J", 1,
                                "\\x9d0;pwn\\x9c"),
    "formula-like-names": Outcome(formula_like_names, "工作表名 =powershell|' -c calc'，项目和指标名称以"
                                  " =、+、-、@ 开头", 0, "位置 =powershell", 0, "全部公式计算成功"),
    "link-like-names": Outcome(link_like_names, "文件名形如 UNC 路径（两个反斜杠开头的 evil.example 共享）",
                               0, "共 0 个错误", 0, "全部公式计算成功"),
    "template": Outcome(template_copy, "对照：jixiao new 生成的空白模板（未填写）", 1,
                        "自评表未填写", 0, "全部公式计算成功"),
}


def built_on_demand(directory: Path):  # the value of a test fixture
    """``get(kind)``: the corpus file ``kind`` in ``directory``, built when first asked for."""
    cache: dict[str, Path] = {}

    def get(kind: str) -> Path:
        if kind not in cache:
            cache[kind] = build(kind, directory / kind)
        return cache[kind]

    return get


def build(kind: str, directory: str | Path) -> Path:
    """The corpus file ``kind`` (see ``CORPUS``), written into ``directory``."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    path = CORPUS[kind].build(directory)
    # Received long ago, not being copied now: a file cut short is called damaged however
    # long the tests take (not perhaps still copying while young, xlsx.guard._damaged).
    if path.is_file() and not path.is_symlink():
        os.utime(path, (_RECEIVED, _RECEIVED))
    return path


_RECEIVED = 1_700_000_000  # November 2023


HOLD_LOCK = """
import fcntl, sys, time
with open(sys.argv[1], "rb+") as handle:
    getattr(fcntl, sys.argv[2])(handle, fcntl.LOCK_EX)
    print("locked", flush=True)
    time.sleep(120)
"""


def hold_lock(path: Path, kind: str = "lockf") -> subprocess.Popen[str]:
    """Another process that holds an exclusive ``lockf`` or ``flock`` lock on ``path``
    (as LibreOffice does on an open file) until it is killed."""
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(path), kind],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    return holder


def outcomes_markdown() -> str:
    """The table of docs/hardening.md (a test keeps it current)."""
    lines = ["| 文件 | 内容 | `jixiao check` | `jixiao recalc` |", "|---|---|---|---|"]
    for kind, outcome in CORPUS.items():
        what = outcome.what.replace("|", "\\|")  # a | would end the table cell
        lines.append(f"| `{kind}` | {what} | {outcome.check}：{outcome.check_says} | "
                     f"{outcome.recalc}：{outcome.recalc_says} |")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- odd inbox entries

@dataclass(frozen=True)
class Entry:
    """One entry of an inbox, as an unzipped archive or a shared folder gives it, and
    what ``jixiao batch`` must list for it: None = checked like any file, else words
    of the reason in its 无法读取 row."""

    what: str              # Chinese, for docs/hardening.md
    name: str | bytes      # the entry's name (bytes: not UTF-8)
    make: str              # "file" (a good table), "folder", "loop", "dangling", "fifo"
    reason: str | None


INBOX: dict[str, Entry] = {
    "newline": Entry("文件名含换行符", "换\n行.xlsx", "file", None),
    "escape": Entry("文件名含终端控制序列（ESC[2J、设置窗口标题）", "esc\x1b[2J\x1b]0;标题\x07.xlsx",
                    "file", None),
    "long-name": Entry("245 字节的文件名", "长" * 80 + ".xlsx", "file", None),
    "gbk-name": Entry("文件名是 GBK 字节（Windows 压缩包在 Linux 上解压）", "甲乙".encode("gbk")
                      + b"-gbk.xlsx", "file", None),
    "folder": Entry("名为 .xlsx 的文件夹", "文件夹.xlsx", "folder", "是一个文件夹"),
    "symlink-loop": Entry("指向自己的符号链接", "循环.xlsx", "loop", "循环的符号链接"),
    "dangling-link": Entry("指向不存在文件的符号链接", "断链.xlsx", "dangling", "指向的文件不存在"),
    "fifo": Entry("命名管道（打开就会一直等）", "收件.xlsx", "fifo", "不是普通文件"),
}


def odd_inbox(root: Path, good: Path) -> Path:
    """A folder ``root/收件`` holding every ``INBOX`` entry (the files are copies of
    ``good``), and a linked folder that loops (never entered)."""
    inbox = root / "收件"
    inbox.mkdir(parents=True)
    data = good.read_bytes()
    for entry in INBOX.values():
        path = os.path.join(os.fsencode(inbox), os.fsencode(entry.name))
        if entry.make == "file":
            with open(path, "wb") as stream:
                stream.write(data)
        elif entry.make == "folder":
            os.mkdir(path)
        elif entry.make == "loop":
            os.symlink(os.path.basename(path), path)
        elif entry.make == "dangling":
            os.symlink(b"nowhere.xlsx", path)
        else:
            os.mkfifo(path)
    (inbox / "环").symlink_to(".")
    return inbox


def inbox_markdown() -> str:
    """The inbox table of docs/hardening.md (a test keeps it current)."""
    lines = ["| 条目 | 内容 | 汇总中 |", "|---|---|---|"]
    for kind, entry in INBOX.items():
        outcome = "照常校验" if entry.reason is None else f"无法读取：{entry.reason}"
        lines.append(f"| `{kind}` | {entry.what} | {outcome} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(inbox_markdown() if sys.argv[1:] == ["inbox"] else outcomes_markdown(), end="")

