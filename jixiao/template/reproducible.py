"""Saving a workbook byte-reproducibly: the same inputs give the same bytes (fixed document
dates and zip member times), so the committed template can be compared with a fresh build."""

from __future__ import annotations

import datetime as _dt
import os
import zipfile
from pathlib import Path
from typing import Any

from openpyxl import Workbook

FIXED_TIME = _dt.datetime(2024, 1, 1)


class _FixedTimeZip(zipfile.ZipFile):
    """A ZipFile whose members all carry one fixed timestamp."""

    def writestr(self, zinfo_or_arcname: Any, data: Any, compress_type: Any = None,
                 compresslevel: Any = None) -> None:
        if isinstance(zinfo_or_arcname, str):
            info = zipfile.ZipInfo(zinfo_or_arcname, date_time=FIXED_TIME.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            zinfo_or_arcname = info
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(self, filename: Any, arcname: Any = None, compress_type: Any = None,
              compresslevel: Any = None) -> None:
        """openpyxl writes worksheets from temporary files, whose mtime ZipFile.write
        would stamp: write their bytes with the fixed timestamp instead."""
        with open(filename, "rb") as source:
            data = source.read()
        self.writestr(str(arcname or os.path.basename(filename)), data, compress_type,
                      compresslevel)


def save_reproducibly(wb: Workbook, path: Path) -> None:
    from openpyxl.writer.excel import ExcelWriter

    wb.properties.created = wb.properties.modified = FIXED_TIME
    with _FixedTimeZip(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(wb, archive).save()
