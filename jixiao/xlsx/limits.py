"""What one workbook may hold (``Limits``), each limit raisable by its ``JIXIAO_…`` variable."""

from __future__ import annotations

import functools
import math
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass

from jixiao.errors import JixiaoError, UnreadableWorkbook
from jixiao.terminal import printable

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """What one workbook may hold; a real 自评表 uses a thousandth of each."""

    max_file_bytes: int = 50 * MB      # the file as stored
    max_unpacked_bytes: int = 50 * MB  # all members unpacked
    max_members: int = 10_000
    max_cells: int = 500_000           # <c> elements with content plus merged, linked and array areas
    # empty <c/> elements kept for a format only (a border dragged over 60,000 rows): the
    # fast reader passes over them, but each is an object in openpyxl and a step of the scan
    max_format_cells: int = 2_000_000
    max_sheet_area: int = 10_000_000   # rows × columns a sheet's cells span (dense readers)
    max_ratio: int = 100               # unpacked : packed, for a member of
    # … at least this size: below it a member does no harm the limit on the total (streamed)
    # does not bound, and honest parts pack tightly — LibreOffice writes a ledger's mixed
    # CJK/Latin strings as rich-text runs, 8.5 MB packed 109:1 for 20,000 rows (rt34)
    ratio_floor_bytes: int = 16 * MB
    # what the general formula engine is given: it builds a node of ~6 KB for every part
    # of a formula and every cell one reads, ~650 B more for a range's cell
    max_range_cells: int = 100_000     # one reference: A:A is 1,048,576 cells
    max_formula_work: int = 60_000     # formula parts + cells read × 1.1 + file's cells / 10
    # rows of one sheet the reader reads as a table; a longer sheet (a ledger, an export)
    # is skipped. 10,000 holds a table of 5,000 indicators with room to spare.
    max_rows: int = 10_000

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> Limits:
        """The defaults, each replaced by its ``JIXIAO_…`` variable where one is set."""
        environ = os.environ if environ is None else environ
        return _limits(tuple(environ.get(variable, "") for variable, _ in VARIABLES.values()))


VARIABLES = {  # field → (environment variable, unit)
    "max_file_bytes": ("JIXIAO_MAX_FILE_MB", MB),
    "max_unpacked_bytes": ("JIXIAO_MAX_UNPACKED_MB", MB),
    "max_members": ("JIXIAO_MAX_MEMBERS", 1),
    "max_cells": ("JIXIAO_MAX_CELLS", 1),
    "max_format_cells": ("JIXIAO_MAX_FORMAT_CELLS", 1),
    "max_sheet_area": ("JIXIAO_MAX_SHEET_AREA", 1),
    "max_ratio": ("JIXIAO_MAX_RATIO", 1),
    "ratio_floor_bytes": ("JIXIAO_RATIO_FLOOR_MB", MB),
    "max_range_cells": ("JIXIAO_MAX_RANGE_CELLS", 1),
    "max_formula_work": ("JIXIAO_MAX_FORMULA_WORK", 1),
    "max_rows": ("JIXIAO_MAX_ROWS", 1),
}


@functools.lru_cache(maxsize=16)
def _limits(texts: tuple[str, ...]) -> Limits:
    """Limits from the variables' texts, in ``VARIABLES`` order (cached: formulas ask often)."""
    values: dict[str, int] = {}
    for (name, (variable, scale)), text in zip(VARIABLES.items(), texts, strict=True):
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


__all__ = ["MB", "VARIABLES", "Limits"]


def megabytes(size: int) -> str:
    """A size as the refusals give it: "12 MB", "1.5 MB"."""
    return f"{size / MB:.0f} MB" if size >= 10 * MB else f"{size / MB:.1f} MB"


def check_member_count(tail: bytes, name: str, limits: Limits) -> None:
    """Refuse a zip directory of too many members from its end record (in ``tail``, the
    file's last 65,557 bytes or all of it), before Python reads the directory."""
    import struct

    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or at + 22 > len(tail):
        return  # zipfile will say the archive is damaged
    entries, directory_size = struct.unpack("<xxxxxxxxxxHLxxxxxx", tail[at:at + 22])
    if entries != 0xFFFF and entries > limits.max_members:
        raise over_limit(name, f"压缩包内有 {entries} 个成员，上限 {limits.max_members}", "max_members")
    # A lying count: a directory entry takes at least 46 bytes, rarely more than 1 KiB.
    if directory_size != 0xFFFFFFFF and directory_size > 1024 * limits.max_members:
        raise over_limit(name, f"压缩包目录有 {megabytes(directory_size)}，超过 "
                               f"{limits.max_members} 个成员所需", "max_members")


def over_limit(name: str, what: str, limit: str) -> UnreadableWorkbook:
    """The refusal of a file ``name`` past the limit ``limit`` (a key of VARIABLES)."""
    variable = VARIABLES[limit][0]
    return UnreadableWorkbook(f"“{name}”超出安全上限：{what}。自评表通常只有几十 KB；"
                              f"如确属正常文件，可设置环境变量 {variable} 调高上限")


def over_unpacked(name: str, unpacked: int, packed: int, limits: Limits,
                  counted: bool = True) -> UnreadableWorkbook:
    """The refusal of a file ``name`` that unpacks past ``max_unpacked_bytes``: to
    ``unpacked`` bytes (``counted``: all of them, as declared; else as far as unpacking
    went) from ``packed``, the file's size. A possible zip bomb only when packed as tightly
    as one (past ``max_ratio``, the bound of a member's ratio): an honest large workbook —
    a ledger of 150,000 rows, 60 MB from 8 MB — is only too large."""
    limit = megabytes(limits.max_unpacked_bytes)
    if unpacked > limits.max_ratio * max(packed, 1):
        size = f"解压后共 {megabytes(unpacked)}，上限 {limit}" if counted else f"解压后超过 {limit}"
        return over_limit(name, f"{size}（可能是“压缩炸弹”）", "max_unpacked_bytes")
    size = f"解压后共 {megabytes(unpacked)}，超过" if counted else "解压后超过"
    return UnreadableWorkbook(f"“{name}”过大：{size} {limit} 的上限。自评表通常只有几十 KB；"
                              f"如确属正常文件，可设置环境变量 {VARIABLES['max_unpacked_bytes'][0]} "
                              "调高上限")
