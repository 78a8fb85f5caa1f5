"""What a submitted file may make jixiao do: bounded size, time and memory, no XML tricks.

    file ──check_package──▶ within Limits, no DTD ──▶ openpyxl / formulas / ooxml.Package
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
styles, relationships — is known without unpacking it again). On the way it counts
the cells the parsers would create (``<c>`` elements and the areas of merges,
range hyperlinks and array formulas), refuses a DTD in any XML part
(billion laughs, external entities: OOXML never has one), and notes the
external links and DDE that ``JX901`` reports; nothing found there is ever
followed or run. A part is XML by what it is, not by its name: every part
that begins as XML is scanned, and one the package declares XML (content
type, relationship) in an encoding the byte scan cannot read is refused. With ``keep=True`` it keeps the XML parts it unpacked
(``CheckedZip``, read like ``zipfile.ZipFile``), so the reader unpacks none
of them again.

``Limits`` are generous for a real 自评表 (tens of KB, a few thousand cells)
and can be raised with environment variables (``JIXIAO_MAX_UNPACKED_MB`` …)
for an unusual but honest file.

``run_with_time_limit(function, *args, seconds=…)`` runs one file's work in a
child process and abandons it after the time (``TimedOut``): the building
block for a batch that must go on past a stuck file.
"""

from __future__ import annotations

import contextlib
import functools
import io
import math
import os
import posixpath
import re
import struct
import sys
import zipfile
import zlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from jixiao.errors import JixiaoError, TimedOut, UnreadableWorkbook
from jixiao.fileio import os_error_text
from jixiao.terminal import printable

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """What one workbook may hold; a real 自评表 uses a thousandth of each."""

    max_file_bytes: int = 50 * MB      # the file as stored
    max_unpacked_bytes: int = 50 * MB  # all members unpacked
    max_members: int = 10_000
    max_cells: int = 500_000           # <c> elements plus merged, linked and array areas
    max_sheet_area: int = 10_000_000   # rows × columns a sheet's cells span (dense readers)
    max_ratio: int = 100               # unpacked : packed, for a member of
    ratio_floor_bytes: int = 1 * MB    # … at least this size (small parts compress well)
    # what the general formula engine is given: it builds a node of ~6 KB for every cell
    # of each sheet's used area and every part of a formula, ~650 B for a range's cell
    max_range_cells: int = 100_000     # one reference: A:A is 1,048,576 cells
    max_formula_work: int = 60_000     # used-area cells + formula parts + range cells / 10
    # rows of one sheet the reader reads as a table; a longer sheet (a ledger, an export)
    # is skipped. 10,000 holds a table of 5,000 indicators with room to spare.
    max_rows: int = 10_000

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> Limits:
        """The defaults, each replaced by its ``JIXIAO_…`` variable where one is set."""
        environ = os.environ if environ is None else environ
        return _limits(tuple(environ.get(variable, "") for variable, _ in _ENVIRONMENT.values()))


_ENVIRONMENT = {  # field → (variable, unit)
    "max_file_bytes": ("JIXIAO_MAX_FILE_MB", MB),
    "max_unpacked_bytes": ("JIXIAO_MAX_UNPACKED_MB", MB),
    "max_members": ("JIXIAO_MAX_MEMBERS", 1),
    "max_cells": ("JIXIAO_MAX_CELLS", 1),
    "max_sheet_area": ("JIXIAO_MAX_SHEET_AREA", 1),
    "max_ratio": ("JIXIAO_MAX_RATIO", 1),
    "ratio_floor_bytes": ("JIXIAO_RATIO_FLOOR_MB", MB),
    "max_range_cells": ("JIXIAO_MAX_RANGE_CELLS", 1),
    "max_formula_work": ("JIXIAO_MAX_FORMULA_WORK", 1),
    "max_rows": ("JIXIAO_MAX_ROWS", 1),
}


@functools.lru_cache(maxsize=16)
def _limits(texts: tuple[str, ...]) -> Limits:
    """Limits from the variables' texts, in ``_ENVIRONMENT`` order (cached: formulas ask often)."""
    values: dict[str, int] = {}
    for (name, (variable, scale)), text in zip(_ENVIRONMENT.items(), texts, strict=True):
        if not text.strip():
            continue
        try:
            number = float(text) * scale
        except ValueError:
            number = math.nan
        if not math.isfinite(number) or number < 0:  # "inf", "1e400", "nan", "-1", "abc"
            shown = printable(text.strip()[:40])
            raise JixiaoError(f"环境变量 {variable} 的值“{shown}”不是有效的上限"
                              "（须是不小于 0 的有限数字），请改正或删除该变量")
        # beyond any file: a value that large means "no limit", and must still fit a C size
        values[name] = min(int(number), _NO_LIMIT)
    return Limits(**values)


_NO_LIMIT = sys.maxsize // 2


@dataclass(frozen=True)
class ExternalContent:
    """A link out of the workbook, found as text: never followed, never run.

    kind: "link" (another workbook or file), "dde" (a DDE link or formula: Excel
    would ask to start a program), "ole" (an OLE link), "connection" (a data
    connection or web query refreshed from outside).
    """

    kind: str
    target: str               # the file, program or formula, as written
    part: str                 # the zip member it was found in
    sheet: str | None = None  # for a DDE formula: its sheet and cell
    cell: str | None = None


@dataclass
class PackageReport:
    """What ``check_package`` saw: the sizes, and what leads outside the workbook."""

    members: int = 0
    unpacked_bytes: int = 0
    cells: int = 0
    external: list[ExternalContent] = field(default_factory=list)
    contents: CheckedZip | None = None  # keep=True: the members as unpacked, for the reader


# ================================================================ checking

_CHUNK = 64 * 1024
# The compression methods Excel, WPS and LibreOffice write. Python's bzip2 and lzma
# readers inflate a whole block in one C call that no limit or timer can interrupt:
# a member of 2 KB can become gigabytes before the next check.
_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED}
_METHOD_NAMES = {9: "Deflate64", 12: "bzip2", 14: "LZMA", 93: "Zstandard", 95: "xz", 98: "PPMd",
                 99: "AES 加密"}


def check_package(path: str | os.PathLike[str], data: bytes | None = None,
                  limits: Limits | None = None, *, keep: bool = False,
                  ods: bool = False) -> PackageReport:
    """Refuse, with ``UnreadableWorkbook``, a workbook over ``limits`` or with a DTD.

    ``data`` is the file's content when the caller has read it already. What
    is not a zip at all passes: no parser will unpack it, and the caller says
    best what it seems to be (.xls, encrypted, a web page …). ``ods``: the caller
    reads an OpenDocument spreadsheet (by its values): check it, do not refuse it. With ``keep``,
    ``report.contents`` serves the XML parts as unpacked here (``CheckedZip``),
    so that the reader unpacks none of them again.
    """
    path = Path(path)
    limits = limits or Limits.from_environment()
    name = path.name
    if data is None:
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            raise UnreadableWorkbook(f"找不到文件“{path}”") from None
        except OSError as error:
            raise UnreadableWorkbook(f"无法读取“{name}”：{os_error_text(error)}") from None
    else:
        size = len(data)
    if size > limits.max_file_bytes:
        raise _over(name, f"文件大小 {_mb(size)}，上限 {_mb(limits.max_file_bytes)}",
                    "max_file_bytes")
    try:
        with (io.BytesIO(data) if data is not None else open(path, "rb")) as stream:
            return _check_stream(stream, size, name, limits,
                                 (data if data is not None else path) if keep else None, ods)
    except PermissionError:
        raise UnreadableWorkbook(f"无法读取“{name}”：没有读取权限（请检查文件权限，"
                                 "或文件是否被其他程序独占打开）") from None
    except OSError as error:
        raise UnreadableWorkbook(f"无法读取“{name}”：{os_error_text(error)}") from None


def _check_stream(stream: IO[bytes], size: int, name: str, limits: Limits,
                  source: bytes | Path | None, ods: bool = False) -> PackageReport:
    if not stream.read(4).startswith(b"PK"):
        return PackageReport()  # not a zip: the caller says what it seems to be (.xls …)
    _check_member_count(stream, size, name, limits)
    stream.seek(0)
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError,
            struct.error, NotImplementedError):
        raise UnreadableWorkbook(f"“{name}”已损坏，无法作为 .xlsx 打开（压缩包结构不完整）") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > limits.max_members:
            raise _over(name, f"压缩包内有 {len(infos)} 个成员，上限 {limits.max_members}",
                        "max_members")
        names = {info.filename for info in infos}
        if "mimetype" in names and "content.xml" in names:
            if not ods:
                raise UnreadableWorkbook(f"“{name}”是 OpenDocument（.ods）表格，"
                                         "请在 WPS/LibreOffice/Excel 中另存为 .xlsx 后再试")
        elif "[Content_Types].xml" not in names:
            raise UnreadableWorkbook(f"“{name}”是压缩包，但不是 Excel 工作簿（.xlsx/.xlsm）")
        declared = sum(info.file_size for info in infos)
        if declared > limits.max_unpacked_bytes:
            raise _over(name, f"解压后共 {_mb(declared)}，上限 {_mb(limits.max_unpacked_bytes)}"
                        "（可能是“压缩炸弹”）", "max_unpacked_bytes")
        for info in infos:
            if info.file_size >= limits.ratio_floor_bytes and \
                    info.file_size > limits.max_ratio * max(info.compress_size, 1):
                raise _over(name, f"成员 {info.filename} 的压缩比为 "
                            f"{info.file_size // max(info.compress_size, 1)}:1，"
                            f"上限 {limits.max_ratio}:1（可能是“压缩炸弹”）", "max_ratio")
        for info in infos:
            if info.compress_type not in _METHODS:
                method = _METHOD_NAMES.get(info.compress_type, f"编号 {info.compress_type}")
                raise UnreadableWorkbook(
                    f"“{name}”的压缩包成员 {info.filename} 使用 {method} 压缩方式，Excel 从不"
                    "这样保存（可能是恶意构造的文件），已拒绝读取；请用 Excel 另存为 .xlsx 后再试")
        report = PackageReport(members=len(infos))
        scanners: dict[str, _Scanner] = {}
        kept: dict[zipfile.ZipInfo, bytes] = {}
        ends = _data_ends(infos, getattr(archive, "start_dir", 0))
        # What the package says each part is (content types, relationships) is read first:
        # whether a part that does not begin as XML may be skipped depends on it.
        declarations: list[zipfile.ZipInfo] = []
        others: list[zipfile.ZipInfo] = []
        for info in infos:
            (declarations if _DECLARATION_PART.search(info.filename) else others).append(info)
        xml_parts: _Declared | None = None
        for number, info in enumerate([*declarations, *others]):
            if number == len(declarations):
                xml_parts = _declared_xml_parts(scanners)
            scanner = _Scanner(info.filename, xml_parts)
            keep = source is not None and info.file_size <= MB
            content = _stream_member(archive, stream, info, ends[info.header_offset], scanner,
                                     report, name, limits, keep)
            if content is not None and scanner.scan:
                kept[info] = content
            scanners[info.filename] = scanner
        report.external = _external_content(scanners)
    if source is not None:
        report.contents = CheckedZip(source, infos, kept)
    return report


def _stream_member(archive: zipfile.ZipFile, stream: IO[bytes], info: zipfile.ZipInfo,
                   end: int, scanner: _Scanner, report: PackageReport, name: str,
                   limits: Limits, keep: bool) -> bytes | None:
    """Unpack one member through its scanner, chunk by chunk, within the limits; with
    ``keep``, its content."""
    if info.flag_bits & 0x1:
        raise UnreadableWorkbook(f"“{name}”的压缩包设置了密码，无法读取；"
                                 "请用 Excel 另存为不加密的 .xlsx 后再试")
    pieces: list[bytes] = []
    try:
        packed = _small_member(stream, info, end)
        key = (info.compress_type, info.CRC, info.file_size, packed)
        whole = _CLEAN_MEMBERS.get(key) if packed is not None else None
        clean = whole is not None
        if packed is not None and not clean:
            whole = _inflate_small(info, packed)
        for chunk in _chunks(archive, info) if whole is None else (whole,) if whole else ():
            report.unpacked_bytes += len(chunk)
            if report.unpacked_bytes > limits.max_unpacked_bytes:
                raise _over(name, f"解压后超过 {_mb(limits.max_unpacked_bytes)}"
                            "（可能是“压缩炸弹”）", "max_unpacked_bytes")
            scanner.feed(chunk, clean)
            if scanner.encoding is not None:
                raise UnreadableWorkbook(
                    f"“{name}”的 {info.filename} 不是 UTF-8 编码的 XML"
                    f"（{scanner.encoding}；Excel 只写 UTF-8），可能是恶意构造的文件，已拒绝读取")
            if scanner.doctype:
                raise UnreadableWorkbook(
                    f"“{name}”的 {info.filename} 含有 DTD/实体声明（可能是恶意构造的文件："
                    "“十亿笑声”或外部实体攻击），已拒绝读取")
            if report.cells + scanner.cells > limits.max_cells:
                raise _over(name, f"单元格（含合并区域）超过 {limits.max_cells:,} 个",
                            "max_cells")
            if keep:
                pieces.append(chunk)
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
    if scanner.area > limits.max_sheet_area:
        corner = f"{column_letters(scanner.left)}{scanner.top}:{column_letters(scanner.right)}{scanner.bottom}"
        raise _over(name, f"{info.filename} 的单元格分布在 {corner}（{scanner.area:,} 格），超过 "
                    f"{limits.max_sheet_area:,} 格；多半是远处有误填的单元格，可在 Excel 中按 "
                    "Ctrl+End 找到并删除", "max_sheet_area")
    report.cells += scanner.cells
    if report.cells > limits.max_cells:
        raise _over(name, f"单元格（含合并区域）共 {report.cells:,} 个，上限 {limits.max_cells:,}",
                    "max_cells")
    return b"".join(pieces) if keep else None


def _chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    with archive.open(info) as member:
        while chunk := member.read(_CHUNK):
            yield chunk


_LOCAL_HEADER = struct.Struct("<4s2xH18xHH")  # signature, flags, name length, extra length


def _unpack_small(stream: IO[bytes], info: zipfile.ZipInfo, end: int) -> bytes | None:
    """A member of one chunk at most, unpacked in one step where zipfile would read it
    without a word; None leaves it to zipfile (``_chunks``), which says what is wrong.

    Taken only for what every program writes: stored or deflated, not encrypted,
    the local header naming the member as the directory does, the data ending
    before the next member begins, exactly the size and checksum the directory
    gives. zipfile would read such a member in one chunk, to the same bytes.
    """
    packed = _small_member(stream, info, end)
    return _inflate_small(info, packed) if packed is not None else None


def _small_member(stream: IO[bytes], info: zipfile.ZipInfo, end: int) -> bytes | None:
    """The packed data of a member ``_unpack_small`` may take (None: zipfile's)."""
    if info.file_size > _CHUNK or info.compress_size > _CHUNK or info.flag_bits & 0x61 \
            or info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        return None
    try:
        stream.seek(info.header_offset)
        header = stream.read(_LOCAL_HEADER.size)
        if len(header) != _LOCAL_HEADER.size:
            return None
        signature, flags, name_length, extra_length = _LOCAL_HEADER.unpack(header)
        local_name = stream.read(name_length).decode("utf-8" if flags & 0x800 else "cp437")
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
    _CLEAN_MEMBERS[key] = content


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
    zipfile's do, so the reader and ``fastread`` take either.
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
    if isinstance(error, zlib.error):
        return "压缩数据损坏"
    if isinstance(error, zipfile.BadZipFile) and "CRC" in str(error):
        return "校验和不符，内容已改变"
    if isinstance(error, EOFError):
        return "文件提前结束"
    if isinstance(error, NotImplementedError):
        return "不支持的压缩方式"
    return type(error).__name__


def _check_member_count(stream: IO[bytes], size: int, name: str, limits: Limits) -> None:
    """Refuse a directory of too many members from its end record, before Python reads it."""
    tail_size = min(size, 22 + 0xFFFF)
    stream.seek(size - tail_size)
    tail = stream.read(tail_size)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or at + 22 > len(tail):
        return  # zipfile will say the archive is damaged
    entries, directory_size = struct.unpack("<xxxxxxxxxxHLxxxxxx", tail[at:at + 22])
    if entries != 0xFFFF and entries > limits.max_members:
        raise _over(name, f"压缩包内有 {entries} 个成员，上限 {limits.max_members}", "max_members")
    # A lying count: a directory entry takes at least 46 bytes, rarely more than 1 KiB.
    if directory_size != 0xFFFFFFFF and directory_size > 1024 * limits.max_members:
        raise _over(name, f"压缩包目录有 {_mb(directory_size)}，超过 {limits.max_members} 个成员"
                    "所需", "max_members")


def _over(name: str, what: str, limit: str) -> UnreadableWorkbook:
    variable = _ENVIRONMENT[limit][0]
    return UnreadableWorkbook(f"“{name}”超出安全上限：{what}。自评表通常只有几十 KB；"
                              f"如确属正常文件，可设置环境变量 {variable} 调高上限")


def _mb(size: int) -> str:
    return f"{size / MB:.0f} MB" if size >= 10 * MB else f"{size / MB:.1f} MB"


# ================================================================ scanning a member

# Matched on the bytes as they stream past. Every pattern starts with "<" and has
# no other "<", so cutting a chunk just before its last "<" never splits a match
# (nor the quick searches for a part of one, as ":c " of "<x:c ").
_ROW_OR_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]{0,15}:)?(row|c)(?=[\s/>])([^<>]{0,2048})")
# Every <c> without a prefix; its column and row when written <c r="AB12" as every
# spreadsheet program writes it, else (b"", b"").
_CELL_TAG = re.compile(rb'<c(?: r="([A-Z]{1,3})([0-9]{1,7})"|(?=[\s/>]))')
_PREFIXED_CELL = re.compile(rb":c[\s/>]")  # in every <x:c>
# Where _AREA can match: at <mergeCell …, <hyperlink …, <f …, or before a prefixed one
# (two patterns: one for both would be searched for byte by byte).
_AREA_TAG = re.compile(rb"<(?:mergeCell|hyperlink|f)\s")
_PREFIXED_AREA_TAG = re.compile(rb":(?:mergeCell|hyperlink|f)\s")
# Plain substrings, searched by re: quicker than bytes' own search for words this short.
_ROW_WORD, _REF_WORD, _DECLARATION = re.compile(b"row"), re.compile(b"ref"), re.compile(rb"<\x00?!")
_R = re.compile(rb"""(?:^|\s)r\s*=\s*["']([^"'<>]{0,32})["']""")
_CELL_REF = re.compile(rb"\$?([A-Za-z]{1,12})\$?(\d{1,15})")  # wider than Excel: AAAA1 too
_AREA = re.compile(rb"<(?:[A-Za-z_][\w.-]{0,15}:)?(?:mergeCell|hyperlink|f)\s[^<>]{0,1024}?"
                   rb"""\bref\s*=\s*["']([^"'<>]{1,512})["']""")
_CELL_OR_FORMULA = re.compile(
    rb"""<(?:[A-Za-z_][\w.-]{0,15}:)?(?:c\s[^<>]{0,1024}?\br\s*=\s*["']([^"'<>]{1,20})"""
    rb"""|f(?:\s[^<>]{0,1024})?>([^<]{0,8192}))""")
_DDE = re.compile(r"(?:^|[=(,+\-*/&\s])'?([A-Za-z][\w.\- ]{0,60})'?\|")
_DOCTYPES = (b"<!DOCTYPE", b"<!ENTITY", "<!DOCTYPE".encode("utf-16-le")[:-1],
             "<!ENTITY".encode("utf-16-le")[:-1])  # UTF-16-LE and, shifted a byte, -BE
_KEEP = 16 * 1024  # longer than any match above
_LINK_PARTS = re.compile(r"(^|/)(externalLinks/[^/]+\.xml|connections\.xml)$", re.I)
_KEPT_PARTS = re.compile(r"(^|/)(externalLinks/.*|connections\.xml|workbook\.xml|"
                         r"_rels/[^/]*\.rels|\[Content_Types\]\.xml)$", re.I)
_DECLARATION_PART = re.compile(r"(^\[Content_Types\]\.xml|\.rels)$", re.I)


class _Scanner:
    """Counts what one member would make a parser build, as its bytes stream past."""

    def __init__(self, part: str, declared: _Declared | None = None,
                 scan: bool | None = None) -> None:
        self.part = part
        self.declared = declared  # what the package declares XML (None: this part is XML)
        self.scan = scan  # None: decided by the first bytes (``_sniff``)
        self.encoding: str | None = None  # why an XML part's encoding is refused
        self.cells = 0
        self.top = self.left = 1 << 40
        self.bottom = self.right = 0  # the rectangle the cells span
        self.outside: str | None = None  # a cell address beyond Excel's sheet
        self._row = self._column = 0
        self.doctype = False
        self.dde: list[tuple[str | None, str]] = []  # (cell, formula)
        self.keep = bytearray() if _KEPT_PARTS.search(part) else None  # small parts, kept whole
        self._pending = b""
        self._cell: str | None = None  # the last cell address seen

    def feed(self, chunk: bytes, clean: bool = False) -> None:
        """Scan the next chunk; ``clean``: one the scan is known to find nothing in."""
        if self.keep is not None and len(self.keep) < MB:
            self.keep += chunk
        if self.scan is None and chunk:
            self.scan = self._sniff(chunk)
        if not self.scan or clean:
            return
        buffer = self._pending + chunk
        cut = buffer.rfind(b"<")
        if cut < 0 or len(buffer) - cut > _KEEP:
            cut = len(buffer)  # no match starts here, or one from the last "<" is complete
        self._scan(buffer[:cut])
        self._pending = buffer[cut:]

    def finish(self) -> None:
        if self.scan:
            self._scan(self._pending)
            self._pending = b""

    def _sniff(self, head: bytes) -> bool:
        """Whether the part is scanned as XML, from its first bytes, whatever its name.

        A part that begins as XML in UTF-8 or UTF-16 is scanned, and refused when its
        declaration names another encoding. One that does not (an image, a VBA project)
        is skipped — unless the package says it is XML (content type, relationship):
        then it is XML in an encoding the byte scan cannot read (UTF-32, EBCDIC …),
        which some parsers accept, and it is refused (``encoding``).
        """
        if head.startswith(_USUAL_DECLARATIONS):
            return True
        form = _xml_form(head)
        if form == "utf-16":
            # the cell and merged-range limits read UTF-8 bytes: a UTF-16 sheet would pass
            # them unread (a merge over the whole sheet: 6.8 GB in openpyxl). Excel, WPS and
            # LibreOffice write UTF-8 only.
            self.encoding = "UTF-16"
            return True
        if form is not None:
            declared = _declared_encoding(head, form)
            if declared is not None and declared.lower() not in _XML_ENCODINGS:
                self.encoding = f"声明的编码为 {declared}"
            return True
        if self.declared is None or _is_declared_xml(self.part, self.declared):
            self.encoding = f"开头的字节为 {head[:4].hex(' ').upper()}"
        return False

    def _scan(self, region: bytes) -> None:
        if not region or region.startswith(b"</") and region.find(b"<", 1) < 0:
            return  # nothing, or one end tag (a member's last): every pattern needs "<" and a name
        cells = _CELL_TAG.findall(region)
        last_cell = region.rfind(b"<c ") if cells else -1  # no "<c " where no <c> was found
        start = self._place_plain(region, cells, last_cell)
        if start is not None:
            for match in _ROW_OR_CELL.finditer(region, start):
                self._place(match.group(1) == b"row", _R.search(match.group(2)))
        start = self._area_start(region)
        if start is not None:
            self.cells += sum(map(_ref_area, _AREA.findall(region, start)))
        if b"!" in region and _DECLARATION.search(region) and any(m in region for m in _DOCTYPES):
            self.doctype = True
        if b"|" not in region:
            if last_cell >= 0:
                found = _CELL_OR_FORMULA.match(region, last_cell)
                self._cell = found.group(1).decode("ascii", "replace") if found else None
            return
        for match in _CELL_OR_FORMULA.finditer(region):
            address, formula = match.groups()
            if address is not None:
                self._cell = address.decode("ascii", "replace")
                continue
            text = _xml_text(formula.decode("utf-8", "replace"))
            # a "|" inside a string literal ("#'a|b'!A1" of a HYPERLINK) is no DDE
            if "|" in text and _DDE.search(_STRING.sub('""', text)):
                self.dde.append((self._cell, "=" + text))

    def _place_plain(self, region: bytes, cells: list[tuple[bytes, bytes]],
                     last_cell: int) -> int | None:
        """Place the cells of a region written as spreadsheet programs write them, at C speed.

        ``cells`` are ``_CELL_TAG.findall(region)``. Where every ``<c>`` is
        ``<c r="AB12"…`` on the sheet, they are counted and their rectangle taken from
        the distinct rows and columns — exactly what ``_place`` would make of them, as
        the <row>s between them change nothing that the cells' own addresses do not set
        again. Returns where ``_place`` must take over (after the last cell; 0: the
        whole region), or None when there is no <row> or <c> at all.
        """
        if _PREFIXED_CELL.search(region) is not None:
            return 0
        if not cells:
            return 0 if _ROW_WORD.search(region) else None
        letters, digits = zip(*cells, strict=True)
        if b"" in letters:
            return 0  # a cell written otherwise
        columns = [_column(text) for text in set(letters)]
        rows = [int(text) for text in set(digits)]
        top, bottom, left, right = min(rows), max(rows), min(columns), max(columns)
        if top < 1 or bottom > 1_048_576 or right > 16_384:
            return 0  # an address off the sheet: _place names the first
        self.cells += len(cells)
        self.top, self.bottom = min(self.top, top), max(self.bottom, bottom)
        self.left, self.right = min(self.left, left), max(self.right, right)
        self._row, self._column = int(cells[-1][1]), _column(cells[-1][0])
        return last_cell + 1

    @staticmethod
    def _area_start(region: bytes) -> int | None:
        """Where ``_AREA``'s first match may begin: at the first <mergeCell, <hyperlink or
        <f, or 17 bytes before the ":" of the first with a prefix (None: there is none)."""
        if _REF_WORD.search(region) is None:
            return None
        first = []
        plain = _AREA_TAG.search(region)
        if plain is not None:
            first.append(plain.start())
        prefixed = _PREFIXED_AREA_TAG.search(region)
        if prefixed is not None:
            first.append(max(0, prefixed.start() - 17))  # "<" and 16 bytes at most before ":"
        return min(first) if first else None

    def _place(self, is_row: bool, given: re.Match[bytes] | None) -> None:
        """Follow a <row> or <c> as a reader does: where it is, whether Excel allows it."""
        if is_row:
            self._row = int(given.group(1)) if given and given.group(1).isdigit() else self._row + 1
            self._column = 0
            return
        self.cells += 1
        if given is not None:
            ref = _CELL_REF.fullmatch(given.group(1))
            if ref is None:
                return  # not an address: the parsers refuse it
            self._row, self._column = int(ref.group(2)), _column(ref.group(1))
        else:
            self._column += 1
        if not (1 <= self._row <= 1_048_576 and 1 <= self._column <= 16_384):
            if self.outside is None:
                self.outside = (given.group(1).decode("ascii", "replace") if given
                                else f"第 {self._row} 行第 {self._column} 列")
            return
        self.top, self.bottom = min(self.top, self._row), max(self.bottom, self._row)
        self.left, self.right = min(self.left, self._column), max(self.right, self._column)

    @property
    def found_nothing(self) -> bool:
        """Whether scanning found nothing: its state is a fresh scanner's (but what it keeps)."""
        return (self.scan and not self.cells and not self.bottom and self.outside is None
                and not self.doctype and not self.dde and not self._pending)

    @property
    def area(self) -> int:
        return (self.bottom - self.top + 1) * (self.right - self.left + 1) if self.bottom else 0


_XML_ENCODINGS = {"utf-8", "utf8", "utf-16", "utf16", "utf-16le", "utf-16be"}
_USUAL_DECLARATIONS = tuple(f"<?xml version={q}1.0{q} encoding={q}{name}{q}".encode()
                            for q in "\"'" for name in ("UTF-8", "utf-8"))
_ENCODING_DECLARATION = re.compile(r"""\s*<\?xml\s[^<>]{0,200}?\bencoding\s*=\s*["']([^"'<>]{0,40})["']""")


def _xml_form(head: bytes) -> str | None:
    """"utf-8" or "utf-16" when ``head`` begins an XML document in that encoding, else None
    (not XML, or XML in an encoding such as UTF-32 or EBCDIC)."""
    if head.startswith(b"\xef\xbb\xbf"):
        return "utf-8"
    if head[:4] in (b"\xff\xfe\0\0", b"\0\0\xfe\xff", b"<\0\0\0", b"\0\0\0<"):
        return None  # UTF-32
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    pair = head[:2]
    if len(pair) == 2 and b"\0" in pair and pair.replace(b"\0", b"") in (b"<", b" ", b"\t",
                                                                         b"\r", b"\n"):
        return "utf-16"
    stripped = head.lstrip(b" \t\r\n")
    return "utf-8" if not stripped or stripped.startswith(b"<") else None


def _declared_encoding(head: bytes, form: str) -> str | None:
    """The encoding an XML declaration at the start of ``head`` names, if any."""
    if form == "utf-8":
        text = head[:512].decode("utf-8", "replace").lstrip("\ufeff")
    else:
        start = head[:1024]
        codec = ("utf-16" if start.startswith((b"\xff\xfe", b"\xfe\xff"))
                 else "utf-16-be" if start.startswith(b"\0") else "utf-16-le")
        text = start[:len(start) // 2 * 2].decode(codec, "replace")
    found = _ENCODING_DECLARATION.match(text)
    return found.group(1).strip() if found else None


# Relationship types whose target is not XML; any other makes its target an XML part.
_BINARY_RELATIONSHIPS = {"image", "vbaproject", "oleobject", "package", "printersettings",
                         "audio", "video", "media", "hdphoto", "font", "activexcontrolbinary",
                         "attachedtoolbars", "vbaprojectsignature", "thumbnail", "embeddedfont"}
_XML_EXTENSIONS = (".xml", ".rels", ".vml")


@dataclass(frozen=True)
class _Declared:
    """Which parts the package declares XML: by content type and by relationship."""

    extensions: frozenset[str]      # Default Extension= with an XML content type
    overrides: dict[str, bool]      # Override PartName → its content type is XML
    related: frozenset[str]         # targets of relationships that are not binary


def _declared_xml_parts(scanners: dict[str, _Scanner]) -> _Declared:
    """What ``[Content_Types].xml`` and every ``.rels`` part (scanned and kept) declare."""
    return _declarations(tuple((part, bytes(scanner.keep)) for part, scanner in scanners.items()
                               if scanner.keep is not None))


@functools.lru_cache(maxsize=64)  # copies of one template declare the same
def _declarations(parts: tuple[tuple[str, bytes], ...]) -> _Declared:
    extensions: set[str] = set()
    overrides: dict[str, bool] = {}
    related: set[str] = set()
    for part, content in parts:
        root = _parse_small(content)
        if root is None:
            continue
        if part.lower() == "[content_types].xml":
            for element in root.iter():
                tag, kind = element.tag.rsplit("}", 1)[-1], element.get("ContentType", "")
                is_xml = kind.lower().endswith(("+xml", "/xml"))
                if tag == "Default" and is_xml:
                    extensions.add("." + element.get("Extension", "").lower())
                elif tag == "Override":
                    overrides[element.get("PartName", "").lstrip("/").lower()] = is_xml
            continue
        folder = posixpath.dirname(posixpath.dirname(part))  # a/_rels/b.xml.rels → a
        for element in root.iter():
            if not element.tag.endswith("}Relationship") or \
                    element.get("TargetMode", "").lower() == "external":
                continue
            kind = element.get("Type", "").rstrip("/").rsplit("/", 1)[-1].lower()
            if kind in _BINARY_RELATIONSHIPS:
                continue
            target = element.get("Target", "")
            resolved = (target.lstrip("/") if target.startswith("/")
                        else posixpath.normpath(posixpath.join(folder, target)))
            related.add(resolved.lower())
    return _Declared(frozenset(extensions), overrides, frozenset(related))


def _is_declared_xml(part: str, declared: _Declared) -> bool:
    lower = part.lower()
    if lower in declared.related or lower.endswith(_XML_EXTENSIONS):
        return True
    if lower in declared.overrides:
        return declared.overrides[lower]
    return posixpath.splitext(lower)[1] in declared.extensions


@functools.lru_cache(maxsize=1024)  # a template's merges are the same in every copy
def _ref_area(value: bytes) -> int:
    """Cells covered by a ref= value: "A1:C3" (9), "'表'!A1:B2", "A:B", "1:2", "A1 B2:C3"."""
    plain = _PLAIN_AREA.fullmatch(value)
    if plain is not None:  # as spreadsheet programs write it: the general way, quicker
        left, top, right, bottom = plain.groups()
        columns = _COLUMNS.get(right) or _column(right), _COLUMNS.get(left) or _column(left)
        return (abs(int(bottom) - int(top)) + 1) * (abs(columns[0] - columns[1]) + 1)
    total = 0
    for piece in value.split():
        piece = piece.rsplit(b"!", 1)[-1].replace(b"$", b"")
        first, _, last = piece.partition(b":")
        if not last:
            continue  # one cell: counted as its <c>, if any
        if first.isdigit() and last.isdigit():
            total += 16_384 * (abs(int(last) - int(first)) + 1)
        elif first.isalpha() and last.isalpha():
            total += 1_048_576 * (abs(_column(last) - _column(first)) + 1)
        else:
            start, end = _CELL_REF.fullmatch(first), _CELL_REF.fullmatch(last)
            if start and end:
                total += (abs(int(end.group(2)) - int(start.group(2))) + 1) * (
                    abs(_column(end.group(1)) - _column(start.group(1))) + 1)
    return total


_PLAIN_AREA = re.compile(rb"([A-Z]{1,3})([0-9]{1,7}):([A-Z]{1,3})([0-9]{1,7})")


_COLUMNS = {bytes([64 + first]): first for first in range(1, 27)}  # A … Z
_COLUMNS.update({bytes([64 + first, 64 + second]): first * 26 + second  # AA … ZZ
                 for first in range(1, 27) for second in range(1, 27)})


def _column(letters: bytes) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + letter - 64
    return number


def column_letters(number: int) -> str:
    """1 → A, 28 → AB, 16384 → XFD."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _xml_text(text: str) -> str:
    return (text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
            .replace("&apos;", "'").replace("&amp;", "&"))


_STRING = re.compile(r'"(?:[^"]|"")*"')


# ================================================================ external content

_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _external_content(scanners: dict[str, _Scanner]) -> list[ExternalContent]:
    found: list[ExternalContent] = []
    sheets = _sheet_names(scanners) if any(scanner.dde for scanner in scanners.values()) else {}
    for part, scanner in scanners.items():
        for cell, formula in scanner.dde:
            found.append(ExternalContent("dde", formula, part, sheets.get(part), cell))
        if scanner.keep is None or not _LINK_PARTS.search(part):
            continue
        root = _parse_small(bytes(scanner.keep))
        if root is None:
            continue
        local = part.rsplit("/", 1)[-1].lower()
        if local == "connections.xml":
            for element in root.iter():
                if element.tag.endswith("}connection"):
                    target = (element.get("name") or element.get("odcFile")
                              or element.get("sourceFile") or "")
                    found.append(ExternalContent("connection", target, part))
            continue
        targets = _relationship_targets(scanners, part)
        for element in root.iter():
            tag = element.tag.rsplit("}", 1)[-1]
            if tag == "externalBook":
                rid = element.get(f"{{{_REL}}}id", "")
                found.append(ExternalContent("link", targets.get(rid, rid), part))
            elif tag == "ddeLink":
                found.append(ExternalContent(
                    "dde", f"{element.get('ddeService', '')}|{element.get('ddeTopic', '')}", part))
            elif tag == "oleLink":
                rid = element.get(f"{{{_REL}}}id", "")
                found.append(ExternalContent("ole", f"{element.get('progId', '')} "
                                                    f"{targets.get(rid, rid)}".strip(), part))
    return found


def _sheet_names(scanners: dict[str, _Scanner]) -> dict[str, str]:
    """Worksheet part → sheet name, from workbook.xml and its relationships."""
    names = {}
    for part, scanner in scanners.items():
        if not part.lower().endswith("workbook.xml") or scanner.keep is None:
            continue
        root = _parse_small(bytes(scanner.keep))
        if root is None:
            continue
        folder = posixpath.dirname(part)
        targets = _relationship_targets(scanners, part)
        for element in root.iter():
            if element.tag.endswith("}sheet"):
                target = targets.get(element.get(f"{{{_REL}}}id", ""), "")
                resolved = (target.lstrip("/") if target.startswith("/")
                            else posixpath.normpath(posixpath.join(folder, target)))
                names[resolved] = element.get("name", "")
    return names


def _relationship_targets(scanners: dict[str, _Scanner], part: str) -> dict[str, str]:
    folder, local = posixpath.split(part)
    rels = scanners.get(posixpath.join(folder, "_rels", local + ".rels"))
    root = _parse_small(bytes(rels.keep)) if rels is not None and rels.keep is not None else None
    if root is None:
        return {}
    return {element.get("Id", ""): element.get("Target", "") for element in root.iter()
            if element.tag.endswith("}Relationship")}


def _parse_small(data: bytes) -> Any:
    """A small part, parsed safely; None when it is not well-formed."""
    if not data:
        return None
    try:
        return parse_xml(data)
    except (ValueError, SyntaxError):
        return None


def parse_xml(data: bytes) -> Any:
    """``ElementTree.fromstring`` that refuses DTDs, entities and external references.

    Raises ``xml.etree.ElementTree.ParseError`` for what is not well-formed
    and for those attacks alike, so callers catch one exception.
    """
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        return fromstring(data, forbid_dtd=True)
    except DefusedXmlException as error:
        raise ParseError(f"forbidden XML: {error}") from None


# ================================================================ time limit

from jixiao.timeouts import DEFAULT_FILE_SECONDS, TIMEOUT_VARIABLE, add_timeout_option  # noqa: E402,F401


def file_seconds(given: float | None = None, environ: Mapping[str, str] | None = None
                 ) -> float | None:
    """Seconds one file's work may take: ``given`` (--timeout), else ``JIXIAO_TIMEOUT``,
    else 60; None (0 given) for no limit."""
    if given is None:
        text = (os.environ if environ is None else environ).get(TIMEOUT_VARIABLE, "").strip()
        if not text:
            return DEFAULT_FILE_SECONDS
        try:
            given = float(text)
        except ValueError:
            given = float("nan")
        if not 0 <= given < float("inf"):
            raise JixiaoError(f"环境变量 {TIMEOUT_VARIABLE} 的值“{text}”不是有效的秒数"
                              "（应为 0 或正数，0 为不限）")
    if not 0 <= given < float("inf"):
        raise JixiaoError(f"--timeout 的值 {given:g} 不是有效的秒数（应为 0 或正数，0 为不限）")
    return given or None


@contextlib.contextmanager
def time_limit(seconds: float | None, name: str = "") -> Iterator[None]:
    """Raise ``TimedOut`` in this process if the block runs past ``seconds``.

    Cheap (a timer signal, no extra process), so a batch uses it for every
    file. Where there is no SIGALRM (Windows) or outside the main thread
    (a Dask worker thread) it does nothing; ``run_with_time_limit`` is the
    heavier mechanism that works there too. Work stuck inside C code is
    interrupted when it next returns to Python.
    """
    import signal
    import threading

    usable = (seconds is not None and seconds > 0 and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return
    label = f"“{name}”" if name else "该文件"

    def expire(signum: int, frame: object) -> None:
        # Again each second until the block ends: code that catches every Exception
        # (a library's, a fallback's) must not swallow the one chance to stop.
        signal.setitimer(signal.ITIMER_REAL, 1.0)
        raise TimedOut(f"{label}处理超过 {seconds:g} 秒，已放弃（文件可能异常庞大或构造异常；"
                       f"如确属正常文件，可用 --timeout 或环境变量 {TIMEOUT_VARIABLE} 调高上限）")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run_with_time_limit(function: Callable[..., Any], *args: Any, seconds: float,
                        name: str = "", memory_mb: int | None = None) -> Any:
    """``function(*args)`` in a child process; its result, or its ``JixiaoError``.

    After ``seconds`` the child is killed and ``TimedOut`` raised (naming
    ``name``, the file); a child that dies (killed for memory, a crash in C)
    gives ``JixiaoError``. ``memory_mb`` caps the child's address space where
    the system allows it. ``function`` and its arguments and result must
    pickle (a module-level function, paths, dataclasses). The child is forked
    where the system can (fast: jixiao is already imported), else spawned.

    A batch calls it once per file:

        try:
            result = run_with_time_limit(check_workbook, path, seconds=60, name=path.name)
        except JixiaoError as error:
            ...  # report str(error) for this file and go on with the next
    """
    import multiprocessing

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sender, function, args, memory_mb), daemon=True)
    child.start()
    sender.close()
    label = f"“{name}”" if name else "该文件"
    try:
        if not receiver.poll(seconds):
            raise TimedOut(f"{label}处理超过 {seconds:g} 秒，已放弃（文件可能异常庞大或构造异常）")
        try:
            outcome, value = receiver.recv()
        except EOFError:
            child.join(5)
            raise JixiaoError(f"{label}处理时进程意外退出（退出码 {child.exitcode}），"
                              "可能是内存不足") from None
    finally:
        if child.is_alive():
            child.kill()
        child.join(5)
        receiver.close()
    if outcome == "ok":
        return value
    if isinstance(value, JixiaoError):
        raise value
    raise JixiaoError(f"{label}处理时出现内部错误（{value}），请将此文件反馈给 jixiao 维护者")


def _child(sender: Any, function: Callable[..., Any], args: tuple[Any, ...],
           memory_mb: int | None) -> None:
    if memory_mb:
        try:
            import resource

            resource.setrlimit(resource.RLIMIT_AS, (memory_mb * MB, memory_mb * MB))
        except (ImportError, ValueError, OSError):
            pass  # not on this system: the time limit still holds
    try:
        message: tuple[str, Any] = ("ok", function(*args))
    except JixiaoError as error:
        message = ("error", error)
    except MemoryError:
        message = ("error", JixiaoError("处理时内存超过上限，已放弃"))
    except BaseException as error:  # noqa: BLE001 — reported to the parent, never lost
        message = ("error", f"{type(error).__name__}: {error}")
    try:
        sender.send(message)
    except Exception as error:  # noqa: BLE001 — a result that does not pickle
        sender.send(("error", f"结果无法传回（{type(error).__name__}）"))
    finally:
        sender.close()


__all__ = ["DEFAULT_FILE_SECONDS", "TIMEOUT_VARIABLE",
           "CheckedZip", "ExternalContent", "Limits", "PackageReport", "add_timeout_option",
           "check_package", "file_seconds", "parse_xml", "run_with_time_limit",
           "time_limit"]
