"""What a submitted file may make jixiao do: bounded size, time and memory, no XML tricks.
(Over 400 lines for one job: one walk of the zip, member by member, with its limits.)

    file ──check_package──▶ within Limits, no DTD ──▶ openpyxl / formulas / package.Package
                       └──▶ UnreadableWorkbook: the file's name and the limit it broke

A workbook is a zip of XML parts, and a zip can lie: a few KB that unpack to
gigabytes (a zip bomb), a million members, a sheet of a billion merged cells,
an XML entity that expands a thousandfold. ``check_package`` looks before any
parser does. It reads the zip's end record and central directory (refusing
too many members before Python builds them), compares the declared sizes with
the limits, refuses any member not stored or deflated (Python's bzip2 and LZMA
readers inflate a whole block in one call), then streams every member once
through the decompressor in 64 KiB chunks, never past the cap on the total — so
memory stays one chunk and time is bounded by the limit, whatever the file
claims (a small member packed
exactly as one already found to hold nothing of the below — a template's theme,
styles, relationships — is known without unpacking it again). On the way its
``MemberScanner`` (scan.py) counts the cells the parsers would create (``<c>``
elements and the areas of merges, range hyperlinks and array formulas; the empty
``<c/>`` kept for a format only against a limit of their own), refuses a
DTD in any XML part (billion laughs, external entities: OOXML never has one), and
notes the external links and DDE that ``JX901`` reports (external.py); nothing
found there is ever followed or run. A part is XML by what it is, not by its name: every part
that begins as XML is scanned, and one the package declares XML (content
type, relationship) in an encoding the byte scan cannot read is refused. With ``keep=True`` it keeps the XML parts it unpacked
(``CheckedZip``, read like ``zipfile.ZipFile``) and the relationships it read
(``report.relationships``), so the reader unpacks and parses none of them again.

``Limits`` (limits.py) are generous for a real 自评表 (tens of KB, a few thousand
cells) and can be raised with environment variables (``JIXIAO_MAX_UNPACKED_MB`` …)
for an unusual but honest file.
"""

from __future__ import annotations

import io
import os
import struct
import time
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from jixiao.errors import IN_TRANSIT, JixiaoError, UnreadableWorkbook, encrypted, missing_file
from jixiao.fileio import os_error_text
from jixiao.model import ExternalContent
from jixiao.xlsx.book import NOT_A_TABLE_ASK, Relationship
from jixiao.xlsx.external import external_content
from jixiao.xlsx.limits import (
    MB,
    VARIABLES,
    Limits,
    check_member_count,
    megabytes,
    over_limit,
    over_unpacked,
)
from jixiao.xlsx.refs import column_letters
from jixiao.xlsx.scan import DECLARATION_PART, Declared, MemberScanner, declared_xml_parts


@dataclass
class PackageReport:
    """What ``check_package`` saw: the sizes, and what leads outside the workbook."""

    members: int = 0
    packed_bytes: int = 0  # the file's size
    unpacked_bytes: int = 0
    cells: int = 0  # <c> elements and areas, of the parts not skipped
    formatted: int = 0  # of those <c> elements, the empty ones (a format only)
    # skip_sheets=True: each worksheet part over a limit of its own, skipped by the reader →
    # (what it holds, in words after the sheet's name; the variable that raises the limit)
    oversized: dict[str, tuple[str, str]] = field(default_factory=dict)
    external: list[ExternalContent] = field(default_factory=list)
    contents: CheckedZip | None = None  # keep=True: the members as unpacked, for the reader
    # keep=True: each well-formed .rels part → its relationships, read once here for the reader
    relationships: dict[str, tuple[Relationship, ...]] = field(default_factory=dict)


# ================================================================ checking

_CHUNK = 64 * 1024
# A zip without its end record modified this recently (by its mtime, either way of now:
# a share's clock may run ahead) is said to be perhaps still being copied or downloaded:
# a copy of a 自评表 (tens of KB) over a slow share or a mail download ends well within it,
# and a file left cut short is called damaged once it is older.
IN_TRANSIT_SECONDS = 120
# The compression methods Excel, WPS and LibreOffice write. Python's bzip2 and lzma
# readers inflate a whole block in one C call that no limit or timer can interrupt:
# a member of 2 KB can become gigabytes before the next check.
_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}
_METHOD_NAMES = {9: "Deflate64", 12: "bzip2", 14: "LZMA", 93: "Zstandard", 95: "xz", 98: "PPMd",
                 99: "AES 加密"}


def check_package(path: str | os.PathLike[str], data: bytes | None = None,
                  limits: Limits | None = None, *, keep: bool = False,
                  ods: bool = False, skip_sheets: bool = False) -> PackageReport:
    """Refuse, with ``UnreadableWorkbook``, a workbook over ``limits`` or with a DTD.

    ``data`` is the file's content when the caller has read it already. What
    is not a zip at all passes: no parser will unpack it, and the caller says
    best what it seems to be (.xls, encrypted, a web page …). ``ods``: the caller
    reads an OpenDocument spreadsheet (by its values): check it, do not refuse it. With ``keep``,
    ``report.contents`` serves the XML parts as unpacked here (``CheckedZip``),
    so that the reader unpacks none of them again.

    ``skip_sheets``: the caller reads no worksheet named in ``report.oversized`` (the
    reader skips it with a note, as a sheet of too many rows). A worksheet whose own
    cells (with content, or empty but formatted) or span break a limit is then listed
    there and left out of the totals, instead of refusing the whole file; what the whole
    package breaks (its size, a zip bomb, a DTD, the totals of the other parts) still
    refuses it.
    """
    path = path if isinstance(path, Path) else Path(path)
    limits = limits or Limits.from_environment()
    name = path.name
    if data is None:
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            raise missing_file(path) from None
        except OSError as error:
            raise UnreadableWorkbook(f"无法读取“{name}”：{os_error_text(error)}") from None
    else:
        size = len(data)
    if size > limits.max_file_bytes:
        raise over_limit(name, f"文件大小 {megabytes(size)}，上限 {megabytes(limits.max_file_bytes)}",
                    "max_file_bytes")
    try:
        with (io.BytesIO(data) if data is not None else open(path, "rb")) as stream:
            return _check_stream(stream, size, path, limits,
                                 (data if data is not None else path) if keep else None, ods,
                                 skip_sheets)
    except PermissionError:
        raise UnreadableWorkbook(f"无法读取“{name}”：没有读取权限（请检查文件权限，"
                                 "或文件是否被其他程序独占打开）") from None
    except OSError as error:
        raise UnreadableWorkbook(f"无法读取“{name}”：{os_error_text(error)}") from None


def _format_of(name: str, ods: bool) -> str:
    """The format a zip named ``name`` was to be opened as, in words."""
    suffix = os.path.splitext(name)[1].lower()
    if ods or suffix == ".ods":
        return " OpenDocument 表格（.ods）"
    if suffix == ".docx":
        return " Word 文档（.docx）"
    return f" {suffix} " if suffix in (".xlsm", ".xlsb") else " .xlsx "


def _damaged(path: Path, ods: bool, ended: bool) -> UnreadableWorkbook:
    """The refusal of a zip whose directory cannot be read. One without its end record
    (``ended`` False) and modified within ``IN_TRANSIT_SECONDS`` is most likely still
    being copied or downloaded, not damaged: the reviewer is told to check it again
    later rather than to ask the unit for it again (``errors.IN_TRANSIT``)."""
    name = path.name
    what = _format_of(name, ods)
    if not ended:
        try:
            age = time.time() - path.stat().st_mtime
        except OSError:
            age = None
        if age is not None and abs(age) <= IN_TRANSIT_SECONDS:
            return UnreadableWorkbook(
                f"“{name}”无法作为{what}打开（压缩包结构不完整）：文件在 "
                f"{IN_TRANSIT_SECONDS // 60} 分钟内刚被修改，{IN_TRANSIT}，请稍后重新检查；"
                "过后仍无法打开，则文件已损坏，请填报单位重新提交")
    return UnreadableWorkbook(f"“{name}”已损坏，无法作为{what}打开（压缩包结构不完整）")


def _check_stream(stream: IO[bytes], size: int, path: Path, limits: Limits,
                  source: bytes | Path | None, ods: bool = False,
                  skip_sheets: bool = False) -> PackageReport:
    if not stream.read(4).startswith(b"PK"):
        return PackageReport()  # not a zip: the caller says what it seems to be (.xls …)
    name = path.name
    ended = _check_member_count(stream, size, name, limits)
    stream.seek(0)
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError,
            struct.error, NotImplementedError):
        raise _damaged(path, ods, ended) from None
    with archive:
        infos = archive.infolist()
        if len(infos) > limits.max_members:
            raise over_limit(name, f"压缩包内有 {len(infos)} 个成员，上限 {limits.max_members}",
                        "max_members")
        names = {info.filename for info in infos}
        if "mimetype" in names and "content.xml" in names:
            if not ods:
                raise UnreadableWorkbook(f"“{name}”是 OpenDocument（.ods）表格，"
                                         "请在 WPS/LibreOffice/Excel 中另存为 .xlsx 后再试")
        elif "OFD.xml" in names:  # China's fixed-layout format: a page, not a table
            raise UnreadableWorkbook(f"“{name}”是 OFD 版式文件（与 PDF 一样是打印的版面），"
                                     f"{NOT_A_TABLE_ASK}")
        elif "[Content_Types].xml" not in names:
            raise UnreadableWorkbook(f"“{name}”是压缩包，但不是 Excel 工作簿（.xlsx/.xlsm）：请先"
                                     "解压，再校验其中的自评表（jixiao batch 可校验解压后的整个文件夹）")
        declared = sum(info.file_size for info in infos)
        if declared > limits.max_unpacked_bytes:
            raise over_unpacked(name, declared, size, limits)
        for info in infos:
            if info.file_size >= limits.ratio_floor_bytes and \
                    info.file_size > limits.max_ratio * max(info.compress_size, 1):
                raise over_limit(name, f"成员 {info.filename} 的压缩比为 "
                            f"{info.file_size // max(info.compress_size, 1)}:1，"
                            f"上限 {limits.max_ratio}:1（可能是“压缩炸弹”）", "max_ratio")
        for info in infos:
            if info.compress_type not in _METHODS:
                method = _METHOD_NAMES.get(info.compress_type, f"编号 {info.compress_type}")
                raise UnreadableWorkbook(
                    f"“{name}”的压缩包成员 {info.filename} 使用 {method} 压缩方式，Excel 从不"
                    "这样保存（可能是恶意构造的文件），已拒绝读取；请用 Excel 另存为 .xlsx 后再试")
        report = PackageReport(members=len(infos), packed_bytes=size)
        scanners: dict[str, MemberScanner] = {}
        kept: dict[zipfile.ZipInfo, bytes] = {}
        ends = _data_ends(infos, getattr(archive, "start_dir", 0))
        # What the package says each part is (content types, relationships) is read first:
        # whether a part that does not begin as XML may be skipped depends on it.
        declarations: list[zipfile.ZipInfo] = []
        others: list[zipfile.ZipInfo] = []
        for info in infos:
            (declarations if DECLARATION_PART.search(info.filename) else others).append(info)
        xml_parts: Declared | None = None
        worksheets: frozenset[str] = frozenset()
        for number, info in enumerate([*declarations, *others]):
            if number == len(declarations):
                xml_parts = declared_xml_parts(scanners)
                if skip_sheets:
                    worksheets = _worksheets(xml_parts)
            keep = source is not None and info.file_size <= MB
            end = ends[info.header_offset]
            packed = _small_member(stream, info, end) if not info.flag_bits & 0x1 else None
            known = _clean_member(info, packed) if packed is not None else None
            if known is not None:  # a member found clean before: as scanned then
                scanner, whole = known
                report.unpacked_bytes += len(whole)
                if report.unpacked_bytes > limits.max_unpacked_bytes:
                    raise over_unpacked(name, report.unpacked_bytes, size, limits, counted=False)
                if keep:
                    kept[info] = whole
                scanners[info.filename] = scanner
                continue
            scanner = MemberScanner(info.filename, xml_parts)
            content = _stream_member(archive, stream, info, end, scanner, report, name, limits,
                                     keep, packed, info.filename in worksheets)
            if content is not None and scanner.scan:
                kept[info] = content
            scanners[info.filename] = scanner
        report.external = external_content(scanners)
    if source is not None:
        report.contents = CheckedZip(source, infos, kept)
        if xml_parts is not None:  # as read whole (a part kept up to 1 MiB may be cut short)
            report.relationships = {part: found for part, found in xml_parts.relationships.items()
                                    if len(scanners[part].keep or b"") < MB}
    return report


def _stream_member(archive: zipfile.ZipFile, stream: IO[bytes], info: zipfile.ZipInfo,
                   end: int, scanner: MemberScanner, report: PackageReport, name: str,
                   limits: Limits, keep: bool, packed: bytes | None = None,
                   skippable: bool = False) -> bytes | None:
    """Unpack one member through its scanner, chunk by chunk, within the limits; with
    ``keep``, its content. ``packed``: its data as ``_small_member`` read it, if it did.
    ``skippable``: a worksheet the reader may skip: its own cells and span are listed
    in ``report.oversized`` when over a limit, not refused (it is still unpacked and
    scanned to its end, within the limits of the package)."""
    if info.flag_bits & 0x1:
        raise encrypted(f"“{name}”的压缩包设置了密码，无法读取："
                        "请用 Excel 另存为不加密的 .xlsx 后再试")
    pieces: list[bytes] = []
    over = False  # a skippable worksheet found over a limit: scanned no further
    try:
        key = (info.compress_type, info.CRC, info.file_size, packed)
        whole = _CLEAN_MEMBERS.get(key) if packed is not None else None
        clean = whole is not None
        if clean:  # remembered only as XML in UTF-8 (found_nothing): no need to sniff again
            scanner.scan = True
        if packed is not None and not clean:
            whole = _inflate_small(info, packed)
        for chunk in _chunks(archive, info) if whole is None else (whole,) if whole else ():
            report.unpacked_bytes += len(chunk)
            if report.unpacked_bytes > limits.max_unpacked_bytes:
                raise over_unpacked(name, report.unpacked_bytes, report.packed_bytes, limits,
                                    counted=False)
            if over:  # a worksheet the reader skips: only unpacked to its end, for the totals
                continue
            scanner.feed(chunk, clean)
            if scanner.encoding is not None:
                raise UnreadableWorkbook(
                    f"“{name}”的 {info.filename} 不是 UTF-8 编码的 XML"
                    f"（{scanner.encoding}；Excel 只写 UTF-8），可能是恶意构造的文件，已拒绝读取")
            if scanner.doctype:
                raise UnreadableWorkbook(
                    f"“{name}”的 {info.filename} 含有 DTD/实体声明（可能是恶意构造的文件："
                    "“十亿笑声”或外部实体攻击），已拒绝读取")
            if not skippable:
                _refuse_cells(name, limits, report.cells - report.formatted + scanner.values,
                              report.formatted + scanner.formatted)
            elif scanner.values > limits.max_cells or scanner.formatted > limits.max_format_cells:
                over, keep = True, False
                pieces.clear()
            if keep:
                pieces.append(chunk)
        if not over:
            scanner.finish()
        if whole is not None and not clean and scanner.found_nothing:
            _remember_clean(key, whole)
    except JixiaoError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError,
            NotImplementedError, RuntimeError, struct.error) as error:
        raise UnreadableWorkbook(f"“{name}”已损坏：压缩包中的 {info.filename} 无法解压"
                                 f"（{_damage(error)}）") from None
    if scanner.outside is not None:
        raise UnreadableWorkbook(f"“{name}”已损坏：{info.filename} 中的单元格地址“{scanner.outside}”"
                                 "超出 Excel 工作表的范围（最多 1,048,576 行、16,384 列）")
    if skippable:
        too_big = _oversized(scanner, limits)
        if too_big is not None:
            report.oversized[info.filename] = too_big
            return None
    if scanner.area > limits.max_sheet_area:
        corner = f"{column_letters(scanner.left)}{scanner.top}:{column_letters(scanner.right)}{scanner.bottom}"
        raise over_limit(name, f"{info.filename} 的单元格分布在 {corner}（{scanner.area:,} 格），超过 "
                    f"{limits.max_sheet_area:,} 格；多半是远处有误填的单元格，可在 Excel 中按 "
                    "Ctrl+End 找到并删除", "max_sheet_area")
    report.cells += scanner.cells
    report.formatted += scanner.formatted
    _refuse_cells(name, limits, report.cells - report.formatted, report.formatted)
    return b"".join(pieces) if keep else None


def _refuse_cells(name: str, limits: Limits, values: int, formatted: int) -> None:
    """Refuse a package of more cells with content (or of empty formatted cells) than allowed."""
    if values > limits.max_cells:
        raise over_limit(name, f"单元格（含合并区域）超过 {limits.max_cells:,} 个", "max_cells")
    if formatted > limits.max_format_cells:
        raise over_limit(name, f"只设了格式（边框、底色等）的空单元格超过 {limits.max_format_cells:,} 个",
                         "max_format_cells")


def _oversized(scanner: MemberScanner, limits: Limits) -> tuple[str, str] | None:
    """What makes one worksheet too big to read, in words after its name, and the limit's
    variable; None when it is within the limits of a sheet."""
    if scanner.values > limits.max_cells:
        return (f"的单元格（含合并区域）超过 {limits.max_cells:,} 个",  # (counted no further)
                VARIABLES["max_cells"][0])
    if scanner.formatted > limits.max_format_cells:
        return (f"中只设了格式（边框、底色等）的空单元格超过 {limits.max_format_cells:,} 个",
                VARIABLES["max_format_cells"][0])
    if scanner.area > limits.max_sheet_area:
        corner = f"{column_letters(scanner.left)}{scanner.top}:{column_letters(scanner.right)}{scanner.bottom}"
        return (f"的单元格分布在 {corner}（{scanner.area:,} 格），超过 {limits.max_sheet_area:,} 格"
                "（多半是远处有误填的单元格，可在 Excel 中按 Ctrl+End 找到并删除）",
                VARIABLES["max_sheet_area"][0])
    return None


def _worksheets(declared: Declared) -> frozenset[str]:
    """The parts the package's relationships name worksheets."""
    return frozenset(rel.target for found in declared.relationships.values() for rel in found
                     if rel.mode.lower() != "external"
                     and rel.type.rstrip("/").rsplit("/", 1)[-1].lower() == "worksheet")


def _chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    with archive.open(info) as member:
        while chunk := member.read(_CHUNK):
            yield chunk


_LOCAL_HEADER = struct.Struct("<4s2xH18xHH")  # signature, flags, name length, extra length


def _small_member(stream: IO[bytes], info: zipfile.ZipInfo, end: int) -> bytes | None:
    """The packed data of a member of one chunk at most, to be unpacked in one step
    (``_inflate_small``) where zipfile would read it without a word; None leaves it to
    zipfile (``_chunks``), which says what is wrong.

    Taken only for what every program writes: stored or deflated, not encrypted,
    the local header naming the member as the directory does, the data ending
    before the next member begins; ``_inflate_small`` then takes exactly the size
    and checksum the directory gives. zipfile would read such a member in one
    chunk, to the same bytes.
    """
    if info.file_size > _CHUNK or info.compress_size > _CHUNK or info.flag_bits & 0x61 \
            or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        return None
    try:
        stream.seek(info.header_offset)
        header = stream.read(_LOCAL_HEADER.size)
        if len(header) != _LOCAL_HEADER.size:
            return None
        signature, flags, name_length, extra_length = _LOCAL_HEADER.unpack(header)
        raw_name = stream.read(name_length)  # ASCII, as most are: the same in both encodings
        local_name = raw_name.decode("ascii" if raw_name.isascii()
                                     else "utf-8" if flags & 0x800 else "cp437")
        start = info.header_offset + _LOCAL_HEADER.size + name_length + extra_length
        if signature != b"PK\x03\x04" or local_name != info.orig_filename \
                or start + info.compress_size > end:
            return None
        stream.seek(start)
        packed = stream.read(info.compress_size)
    except (OSError, ValueError):  # a name that does not decode: ValueError
        return None
    return packed if len(packed) == info.compress_size else None


def _inflate_small(info: zipfile.ZipInfo, packed: bytes) -> bytes | None:
    """``packed`` unpacked, if it is exactly the size and checksum the directory gives."""
    if info.compress_type == zipfile.ZIP_STORED:
        content = packed
    else:
        try:
            inflater = zlib.decompressobj(-15)
            content = inflater.decompress(packed, info.file_size + 1)
        except zlib.error:
            return None
        if not inflater.eof:
            return None
    if len(content) != info.file_size or zlib.crc32(content) != info.CRC:
        return None
    return content


# Small members whose scan found nothing (no cell, row, area, DTD or DDE), by packed
# data, method, checksum and size → their content: copies of one template share their
# theme, styles and relationships, and unpacking the same bytes gives the same content,
# so such a member is neither unpacked nor scanned again. A worksheet has cells: never
# here. At most _CLEAN_LIMIT members of one chunk each (a few MB at worst).
class _Memo(dict[tuple[int, int, int, bytes], bytes]):
    cache_clear = dict.clear  # as functools' memos: benchmarks/batch.py empties them all


_CLEAN_MEMBERS = _Memo()
_CLEAN_LIMIT = 64


def _remember_clean(key: tuple[int, int, int, bytes], content: bytes) -> None:
    if len(_CLEAN_MEMBERS) >= _CLEAN_LIMIT:
        _CLEAN_MEMBERS.clear()  # a batch of many templates: start again (atomic, unlike popping)
        _CLEAN_SCANNERS.clear()
    _CLEAN_MEMBERS[key] = content


# (part, key of _CLEAN_MEMBERS) → the scanner as that member leaves it: it found nothing,
# so its state is a fresh one's but what it keeps — the same for every copy. Shared by the
# reports of many files: read only once made (the reader and external.py only read them).
_CLEAN_SCANNERS = _Memo()


def _clean_member(info: zipfile.ZipInfo, packed: bytes) -> tuple[MemberScanner, bytes] | None:
    """A member whose packed data is that of a member found clean (``_CLEAN_MEMBERS``):
    its scanner as scanning it would leave it, and its content; else None."""
    key = (info.compress_type, info.CRC, info.file_size, packed)
    whole = _CLEAN_MEMBERS.get(key)
    if whole is None:
        return None
    scanner = _CLEAN_SCANNERS.get((info.filename, key))
    if scanner is None:
        scanner = MemberScanner(info.filename, scan=True)
        scanner.feed(whole, clean=True)
        scanner.finish()
        if len(_CLEAN_SCANNERS) >= 4 * _CLEAN_LIMIT:
            _CLEAN_SCANNERS.clear()
        _CLEAN_SCANNERS[(info.filename, key)] = scanner
    return scanner, whole


def _data_ends(infos: list[zipfile.ZipInfo], directory: int) -> dict[int, int]:
    """Local header offset → where the member's data must end: the next member's header,
    or the central directory (zipfile refuses "overlapped entries" likewise). Members
    sharing a header get their own offset: no data fits, zipfile reads them."""
    starts = sorted(info.header_offset for info in infos)
    ends: dict[int, int] = {}
    for start, following in zip(starts, [*starts[1:], directory], strict=True):
        ends[start] = start if start in ends else following
    return ends


class CheckedZip:
    """A workbook's zip that ``check_package`` passed, read like ``zipfile.ZipFile``.

    Its XML parts come as the check unpacked them (up to 1 MiB each, all within
    the limits); any other member is unpacked from the file when asked for.
    ``namelist``, ``infolist``, ``getinfo``, ``read`` and ``open`` answer as
    zipfile's do, so the reader and ``xlsx.cells`` take either.
    """

    def __init__(self, source: bytes | Path, infos: list[zipfile.ZipInfo],
                 parts: dict[zipfile.ZipInfo, bytes]) -> None:
        self._source = source  # the file's bytes, or its path
        self._infos = infos
        self._by_name = {info.filename: info for info in infos}  # the last of a name, as zipfile
        self._parts = parts
        self._archive: zipfile.ZipFile | None = None

    def namelist(self) -> list[str]:
        return [info.filename for info in self._infos]

    def infolist(self) -> list[zipfile.ZipInfo]:
        return list(self._infos)

    def getinfo(self, name: str) -> zipfile.ZipInfo:
        try:
            return self._by_name[name]
        except KeyError:
            raise KeyError(f"There is no item named {name!r} in the archive") from None

    def read(self, name: str | zipfile.ZipInfo) -> bytes:
        info = name if isinstance(name, zipfile.ZipInfo) else self.getinfo(name)
        content = self._parts.get(info)
        return content if content is not None else self._zip().read(info)

    def open(self, name: str | zipfile.ZipInfo) -> IO[bytes]:
        return io.BytesIO(self.read(name))

    def close(self) -> None:
        if self._archive is not None:
            self._archive.close()
            self._archive = None

    def __enter__(self) -> CheckedZip:
        return self

    def __exit__(self, *exception: object) -> None:
        self.close()

    def _zip(self) -> zipfile.ZipFile:
        if self._archive is None:
            source = self._source
            self._archive = zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes)
                                            else source)
        return self._archive


def _damage(error: BaseException) -> str:
    from jixiao.errors import damage_text

    return damage_text(error)


def _check_member_count(stream: IO[bytes], size: int, name: str, limits: Limits) -> bool:
    """Refuse a directory of too many members from its end record, before Python reads
    it; whether the zip has an end record at all (a file cut short has none)."""
    tail_size = min(size, 22 + 0xFFFF)
    stream.seek(size - tail_size)
    tail = stream.read(tail_size)
    check_member_count(tail, name, limits)
    return b"PK\x05\x06" in tail



__all__ = ["CheckedZip", "PackageReport", "check_package"]
