"""The mark jixiao leaves in the workbooks it writes for the reviewer, and its reading.

A batch's summary workbook and an annotated copy (``--annotate``, ``--annotate-dir``)
often land in the folder of submissions, and the next ``jixiao batch`` of that folder
must not check them as submissions. Each carries a custom document property
``jixiao`` (docProps/custom.xml) naming what it is. ``written_by_jixiao`` first reads
the zip's central directory from the end of the file: most workbooks have no custom
properties part and are known for submissions there; only the others are opened and
that one small part read — never the sheets, except an annotated copy's: its worksheet
parts are compared with those it was written with (``SHEETS_PROPERTY``), and a copy the
unit edited and saved is a submission. A summary records its sheets too: one the reviewer
edited (审核意见 typed into 汇总) is still jixiao's, never checked, but a new summary does
not replace it (``unedited``). 2,000 workbooks: 0.05 s (0.3 s opening every zip;
discovery without the check takes 0.02 s).

Outputs of the versions before the mark are recognised by what they always had: a
summary's three sheets 汇总, 问题明细, 统计 and nothing else; an annotated copy's
``-校验`` name with its 校验结果 sheet and its cell comments by ``jixiao`` (a unit's
workbook with the add-in's 校验结果 sheet, named "…-校验", is a submission).
"""

from __future__ import annotations

import hashlib
import os
import re
import zipfile
from collections.abc import Iterable

MARK_PROPERTY = "jixiao"
SUMMARY_MARK, ANNOTATED_MARK = "汇总表", "标注副本"

_MARK = re.compile(rb'name="jixiao"[^>]*>\s*<vt:lpwstr>([^<]*)</vt:lpwstr>')
# An annotated copy names the content it was made of: the SHA-256 of the source's bytes
SOURCE_PROPERTY = "jixiao-source"
_SOURCE = re.compile(rb'name="jixiao-source"[^>]*>\s*<vt:lpwstr>([0-9a-f]{64})</vt:lpwstr>')
# An annotated copy names its worksheet parts as it wrote them: ``sheets_digest``. A copy
# whose sheets differ was edited and saved (a unit corrected the copy and sent it back):
# a submission, checked as any other
SHEETS_PROPERTY = "jixiao-sheets"
_SHEETS = re.compile(rb'name="jixiao-sheets"[^>]*>\s*<vt:lpwstr>([0-9a-f]{64})</vt:lpwstr>')
_WORKSHEET_PART = re.compile(r"xl/worksheets/[^/]+\.xml", re.IGNORECASE)
_SHEET = re.compile(rb'<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"')
_ANNOTATED = "-校验"  # NAME-校验.xlsx, NAME-校验-2.xlsx: ``annotated_name``
_ANNOTATED_NAME = re.compile(rf"{_ANNOTATED}(-\d+)?\.xls[xm]$", re.IGNORECASE)


def annotated_name(stem: str, xlsm: bool, number: int = 1) -> str:
    """The name jixiao gives the annotated copy of workbook ``stem`` (the ``number``-th
    of that name in one folder): NAME-校验.xlsx, NAME-校验-2.xlsx; .xlsm keeps its macros."""
    return f"{stem}{_ANNOTATED}{'' if number == 1 else f'-{number}'}{'.xlsm' if xlsm else '.xlsx'}"


def is_annotated_name(name: str) -> bool:
    """Whether ``name`` is one ``annotated_name`` gives (NAME-校验.xlsx, NAME-校验-2.xlsm)."""
    return _ANNOTATED_NAME.search(name) is not None


_LEGACY_SUMMARY = ["汇总", "问题明细", "统计"]
_LEGACY_RESULT_SHEET = "校验结果"


def written_by_jixiao(path: str) -> str | None:
    """What jixiao output the workbook at ``path`` is (``SUMMARY_MARK``,
    ``ANNOTATED_MARK``), or None: a submission, or not a zip at all. An annotated copy
    edited and saved since is a submission (a unit corrected the copy and sent it back);
    an edited summary is still jixiao's (the reviewer's notes in it: never checked)."""
    mark, edited = _read_mark(path, ANNOTATED_MARK)  # a summary's sheets: not read here
    return None if mark == ANNOTATED_MARK and edited else mark


def unedited(path: str, mark: str) -> bool:
    """Whether the workbook at ``path`` is jixiao's output ``mark`` and nobody has edited
    and saved it since: the one file a new output of that name replaces (an annotated copy:
    ``report.annotate.own_copy``; a summary: ``batch.summary_book.own_summary``). Known by
    the digest of its sheets as written (``SHEETS_PROPERTY``); an annotated copy of a
    version before that record counts as unedited, as discovery takes it, but a summary
    without one is kept: the reviewer's notes typed into it could not be told."""
    found, edited = _read_mark(path, mark)
    return found == mark and (edited is False or edited is None and mark == ANNOTATED_MARK)


def edited(path: str, mark: str) -> bool:
    """Whether the workbook at ``path`` is jixiao's output ``mark`` known to have been
    edited, or opened and saved, since it was written (its sheets differ from those
    recorded; not a version that recorded none)."""
    return _read_mark(path, mark) == (mark, True)


def _read_mark(path: str, compared: str) -> tuple[str | None, bool | None]:
    """(the jixiao mark of the workbook at ``path`` or None, whether its sheets differ from
    those it was written with: None when that was not recorded, or the mark is not
    ``compared`` — the sheets are read only for it)."""
    if not _may_be_ours(path):
        return None, None
    try:
        with zipfile.ZipFile(path) as archive:
            try:
                custom = archive.read("docProps/custom.xml")
            except KeyError:
                custom = b""
            found = _MARK.search(custom)
            if found:
                mark = found.group(1).decode("utf-8", "replace")
                if mark not in (SUMMARY_MARK, ANNOTATED_MARK):
                    return None, None
                written = _SHEETS.search(custom)
                if written is None or mark != compared:
                    return mark, None
                return mark, written.group(1).decode() != hashed_sheets_digest(
                    (name, _member_hash(archive, name)) for name in archive.namelist()
                    if _WORKSHEET_PART.fullmatch(name))
            workbook = archive.read("xl/workbook.xml")
            sheets = [name.decode("utf-8", "replace") for name in _SHEET.findall(workbook)]
            if sheets == _LEGACY_SUMMARY:
                return SUMMARY_MARK, None
            if _LEGACY_RESULT_SHEET in sheets and _ANNOTATED_NAME.search(
                    os.path.basename(path)) and _commented_by_jixiao(archive):
                return ANNOTATED_MARK, None
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, RuntimeError,
            NotImplementedError, EOFError):
        return None, None
    return None, None


def sheets_digest(parts: Iterable[tuple[str, bytes]]) -> str:
    """The SHA-256 naming a workbook's worksheet parts (xl/worksheets/*.xml: name, bytes)
    as an annotated copy has them; ``parts`` may hold other members, which are left out."""
    return hashed_sheets_digest((name, hashlib.sha256(data).digest()) for name, data in parts
                                if _WORKSHEET_PART.fullmatch(name))


def hashed_sheets_digest(hashes: Iterable[tuple[str, bytes]]) -> str:
    """``sheets_digest`` from each part's name and SHA-256 (digest bytes): a writer hashes
    its big parts as it reads them, never holding one whole (the summary's lists)."""
    digest = hashlib.sha256()
    for name, hashed in sorted((name, hashed) for name, hashed in hashes
                               if _WORKSHEET_PART.fullmatch(name)):
        digest.update(name.encode("utf-8") + b"\0" + hashed)
    return digest.hexdigest()


def _member_hash(archive: zipfile.ZipFile, name: str) -> bytes:
    """The SHA-256 of a zip member, read a piece at a time (a summary's list is big)."""
    digest = hashlib.sha256()
    with archive.open(name) as stream:
        while piece := stream.read(1 << 20):
            digest.update(piece)
    return digest.digest()


def annotated_from(path: str) -> str | None:
    """The SHA-256 of the workbook an annotated copy at ``path`` was made of, or None
    (not one, or made before copies named their source)."""
    try:
        with zipfile.ZipFile(path) as archive:
            found = _SOURCE.search(archive.read("docProps/custom.xml"))
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, RuntimeError,
            NotImplementedError, EOFError):
        return None
    return found.group(1).decode() if found else None


def _commented_by_jixiao(archive: zipfile.ZipFile) -> bool:
    """Whether a cell comment of the workbook is jixiao's (author ``jixiao``): an older
    annotated copy marked the findings' cells so. A unit's own workbook named "…-校验"
    holding the add-in's 校验结果 sheet has none, and is checked as the submission it is."""
    for name in archive.namelist():
        if name.startswith("xl/comments") and name.endswith(".xml"):
            if b"<author>jixiao</author>" in archive.read(name)[:4096]:
                return True
    return False


_TAIL = 65_536  # the end of a file read first: the zip's central directory, as a rule
_END = b"PK\x05\x06"  # the end of central directory record


def _may_be_ours(path: str) -> bool:
    """Whether the workbook might be jixiao's, from the member names in its zip's central
    directory (read from the end of the file: 0.02 ms, where opening the zip costs 0.13 ms):
    a custom properties part (the mark), a summary's three sheets and chart, or an
    annotated copy's name. True when the directory is not where a plain zip has it."""
    if _ANNOTATED_NAME.search(os.path.basename(path)):
        return True
    try:
        with open(path, "rb") as stream:
            size = stream.seek(0, os.SEEK_END)
            start = max(0, size - _TAIL)
            stream.seek(start)
            tail = stream.read()
    except OSError:
        return False
    end = tail.rfind(_END)
    if end < 0 or len(tail) < end + 22:
        return False  # not a zip (a zip64 or one with a long comment: not ours either)
    directory_size = int.from_bytes(tail[end + 12:end + 16], "little")
    directory_start = int.from_bytes(tail[end + 16:end + 20], "little")
    if directory_start < start or directory_start + directory_size > size:
        return True  # the directory is not all in the tail: open the zip to know
    directory = tail[directory_start - start:directory_start - start + directory_size]
    return b"docProps/custom.xml" in directory or (
        b"xl/worksheets/sheet3.xml" in directory and b"xl/worksheets/sheet4.xml" not in directory
        and b"xl/charts/chart" in directory)


__all__ = ["ANNOTATED_MARK", "MARK_PROPERTY", "SHEETS_PROPERTY", "SOURCE_PROPERTY", "SUMMARY_MARK", "annotated_from",
           "edited", "hashed_sheets_digest", "sheets_digest", "unedited",
           "written_by_jixiao"]
