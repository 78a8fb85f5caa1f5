"""What a workbook holds beside its cells' values: comments, pictures, charts, sheets,
macros — what ``jixiao convert`` does not carry into the template, counted so that it
can say so (the reader of the copy would otherwise never know they were there)."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

_COMMENT = re.compile(rb"<(?:\w+:)?comment[\s>]")
_PICTURE = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".emf", ".wmf", ".tif", ".tiff", ".svg")
_COMMENTS_TYPE = "spreadsheetml.comments+xml"
_CHART_TYPE = "drawingml.chart+xml"


@dataclass(frozen=True)
class Extras:
    comments: int = 0             # cell comments (批注), a threaded one counted once
    pictures: int = 0             # pictures in the package (a stamp, a logo)
    charts: int = 0
    sheets: tuple[str, ...] = ()  # the worksheets, in workbook order
    macros: bool = False          # a VBA project


def workbook_extras(path: str | Path) -> Extras | None:
    """The extras of an .xlsx/.xlsm package (what the guard already let through); None
    for a file that is no such package (.xls, .ods, Word: read by value)."""
    from jixiao.xlsx.book import sheet_parts

    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            if "[Content_Types].xml" not in names or not any(
                    name.startswith("xl/") for name in names):  # a Word .docx: not a workbook
                return None
            types = archive.read("[Content_Types].xml").decode("utf-8", "replace")
            parts = [name.lstrip("/") for name in re.findall(
                r'PartName="([^"]+)"[^>]*ContentType="[^"]*(?:'
                + re.escape(_COMMENTS_TYPE) + "|" + re.escape(_CHART_TYPE) + ')"', types)]
            comments = sum(len(_COMMENT.findall(archive.read(name))) for name in parts
                           if name in names and "comment" in name.lower())
            charts = sum(1 for name in parts if name in names and "chart" in name.lower()
                         and "comment" not in name.lower())
            return Extras(
                comments=comments,
                pictures=sum(1 for name in names if name.lower().startswith("xl/media/")
                             and name.lower().endswith(_PICTURE)),
                charts=charts,
                sheets=tuple(sheet_parts(Path(path), archive)),
                macros=any(name.lower().endswith("vbaproject.bin") for name in names))
    except (OSError, zipfile.BadZipFile, KeyError, ValueError):
        return None
    except Exception as error:  # an UnreadableWorkbook from sheet_parts: nothing to say
        from jixiao.errors import JixiaoError

        if isinstance(error, JixiaoError):
            return None
        raise


__all__ = ["Extras", "workbook_extras"]
