"""Results written back into a copy of a package: only the chosen cells' ``<v>`` and ``t=``
change, and ``<calcPr>`` so that no program recalculates on opening.

``write_cached_values`` copies the package and changes only the cached values of the
given cells and the calc properties; every other member and every other byte of a
sheet stay as they were: styles, merged cells, comments, validation, images, a VBA
project.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import BinaryIO

from jixiao.model import ERROR_CODES
from jixiao.xlsx.package import CellSpan, CellValue, ExcelError, Package
from jixiao.xlsx.xml import ATTRIBUTES, element_content


def write_cached_values(package: Package, target: str | Path | BinaryIO,
                        values: Mapping[str, Mapping[str, CellValue]], *,
                        keep_calculation: bool = False) -> None:
    """Copy ``package`` to ``target`` (a file, or a buffer in memory) with new cached values
    that programs keep on opening.

    ``values``: sheet name → {cell ref → value}. Only those cells' ``<v>`` and
    ``t=`` change. A cell without an element in the sheet XML is left out (a
    formula cell always has one; Excel writes every cell an array formula fills).
    ``keep_calculation``: leave ``<calcPr>`` as it is (formulas without a result are
    left, for the program that opens the copy to calculate).
    """
    by_part = {sheet.part: (sheet, values[sheet.name]) for sheet in package.sheets
               if values.get(sheet.name)}
    written: set[str] = set()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as out:
        for info in package.infos:
            if info.filename in written:
                continue  # a name twice in the input: once, with the content readers take
            written.add(info.filename)
            data = package.members[info.filename]
            if info.filename in by_part:
                sheet, cells = by_part[info.filename]
                data = _patch_sheet(package.text(info.filename), package.spans(sheet),
                                    cells).encode("utf-8")
            elif info.filename == "docProps/app.xml" and values:
                data = _as_excels(data)
            elif info.filename == package.workbook_part and not keep_calculation:
                try:
                    data = keep_cached_results(package.text(info.filename)).encode("utf-8")
                except ValueError:
                    pass  # no place for <calcPr> found: the cached values are right all the same
            out.writestr(_fresh_info(info), data)


_APPLICATION = re.compile(rb"(<(?:\w+:)?Application>)([^<]*)(</(?:\w+:)?Application>)")


def _as_excels(app: bytes) -> bytes:
    """docProps/app.xml naming Microsoft Excel as the writer where another program did
    (WPS): LibreOffice recalculates every text result of a file from a program other than
    Excel or itself on opening — the JX_ 等级 and 是否达成 would show #NAME?. The results
    written are Excel's, computed by jixiao; the rest of the part is left as it is."""
    found = _APPLICATION.search(app)
    if found is None or found.group(2).startswith(b"Microsoft") \
            or b"LibreOffice" in found.group(2):
        return app
    return app[:found.start(2)] + b"Microsoft Excel" + app[found.end(2):]


def _fresh_info(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    """The member's name, time, compression and permissions; sizes and CRC are recomputed."""
    fresh = zipfile.ZipInfo(info.filename, info.date_time)
    fresh.compress_type = info.compress_type
    fresh.external_attr = info.external_attr
    fresh.create_system = info.create_system
    fresh.comment = info.comment
    return fresh


def _patch_sheet(text: str, spans: list[CellSpan], values: Mapping[str, CellValue]) -> str:
    pieces, position = [], 0
    for span in spans:
        if span.ref not in values:
            continue
        pieces.append(text[position:span.start])
        pieces.append(_patched_cell(span, values[span.ref]))
        position = span.end
    pieces.append(text[position:])
    return "".join(pieces)


_T_ATTR = re.compile(r"""(\s)t\s*=\s*(?:"[^"]*"|'[^']*')""")
_V_OR_IS = re.compile(rf"<((?:[\w.-]+:)?)(v|is)(?=[\s/>]){ATTRIBUTES}"
                      rf"(?:/>|>{element_content('f', 'v', 'is')}</\1\2\s*>)", re.S)
_F_END = re.compile(rf"<((?:[\w.-]+:)?)f(?=[\s/>]){ATTRIBUTES}(?:/>|>{element_content('f', 'v', 'is')}"
                    rf"</\1f\s*>)", re.S)


BLANK_RESULT = "\u00a0"  # an empty result, as stored: blank to the eye and to jixiao


def _patched_cell(span: CellSpan, value: CellValue) -> str:
    data_type, stored = cached_text(value)
    attrs = _T_ATTR.sub("", span.attrs) if data_type is None else (
        _T_ATTR.sub(lambda m: f'{m.group(1)}t="{data_type}"', span.attrs)
        if _T_ATTR.search(span.attrs) else f'{span.attrs.rstrip()} t="{data_type}"')
    inner = span.body or ""
    space = ' xml:space="preserve"' if stored and stored != stored.strip() else ""
    new_v = "" if stored is None else f"<{span.prefix}v{space}>{stored}</{span.prefix}v>"
    replaced = False

    def replace(match: re.Match[str]) -> str:
        nonlocal replaced
        if match.group(2) == "v" and not replaced:
            replaced = True
            return new_v
        return ""  # an inline string of a computed cell, or a second <v>

    inner = _V_OR_IS.sub(replace, inner)
    if not replaced and new_v:
        formula = _F_END.search(inner)
        at = formula.end() if formula else 0
        inner = inner[:at] + new_v + inner[at:]
    return f"<{span.prefix}c{attrs}>{inner}</{span.prefix}c>"


_HEX_ANY_CASE = re.compile("_x[0-9A-Fa-f]{4}_")
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def cached_text(value: CellValue) -> tuple[str | None, str | None]:
    """(t= attribute or None for a number, text of ``<v>``) of a computed value."""
    if value is None:
        return None, None
    if isinstance(value, ExcelError):
        return "e", value if value in ERROR_CODES else "#VALUE!"
    if isinstance(value, bool):
        return "b", "1" if value else "0"
    if isinstance(value, (int, float)):
        number = float(value)
        if number != number or number in (float("inf"), float("-inf")):
            return "e", "#NUM!"
        if number.is_integer() and abs(number) < 1e15:
            return None, str(int(number))
        return None, repr(number).replace("e", "E")
    if value == "":
        # LibreOffice keeps a cached text result only when it is not empty and
        # recalculates the cell otherwise (showing #NAME? for a JX_ function); a
        # no-break space shows the same blank cell, and jixiao's functions and readers
        # take it as blank. (A plain space, even with xml:space="preserve", is dropped
        # when LibreOffice saves the file: opened again, #NAME?.)
        return "str", BLANK_RESULT
    text = _HEX_ANY_CASE.sub(lambda match: "_x005F" + match.group(0), str(value))
    text = _ILLEGAL.sub(lambda match: f"_x{ord(match.group(0)):04X}_", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return "str", text


_CALC_PR = re.compile(rf"<((?:[\w.-]+:)?)calcPr(?=[\s/>])({ATTRIBUTES})(/?)>")
_FULL_CALC = re.compile(r"""\sfullCalcOnLoad\s*=\s*(?:"[^"]*"|'[^']*')""")
_CALC_ID = re.compile(r"""(\s)calcId\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_BEFORE_CALC_PR = ("definedNames", "externalReferences", "functionGroups", "sheets")
# Excel recalculates every formula on opening a file whose calcId is *less than* its
# own engine's id ([MS-XLS] 2.4.215 RecalcId; ECMA-376 Part 1 §18.2.2 calcPr): Excel
# 2010 145621, 2013 152511, 2016 162913, Microsoft 365 191029 so far. An id above
# every released one keeps the stored results in an Excel without the add-in.
KEEP_CALC_ID = 999999


def keep_cached_results(workbook_xml: str) -> str:
    """workbook.xml whose <calcPr> asks no program to recalculate on opening.

    Drops ``fullCalcOnLoad`` and raises ``calcId`` to ``KEEP_CALC_ID`` (see
    docs/recalc.md); every other attribute stays.
    """
    found = _CALC_PR.search(workbook_xml)
    if found:
        prefix, attrs, empty = found.groups()
        attrs = _FULL_CALC.sub("", attrs)
        current = _CALC_ID.search(attrs)
        stated = (current.group(2) or current.group(3) or "").strip() if current else ""
        if not (stated.isdigit() and int(stated) >= KEEP_CALC_ID):
            attrs = _CALC_ID.sub("", attrs)
            attrs = f' calcId="{KEEP_CALC_ID}"{attrs}' if attrs.strip() else \
                f' calcId="{KEEP_CALC_ID}"'
        tag = f"<{prefix}calcPr{attrs}{empty}>"
        return workbook_xml[:found.start()] + tag + workbook_xml[found.end():]
    root = re.search(r"<((?:[\w.-]+:)?)workbook(?=[\s/>])", workbook_xml)
    prefix = root.group(1) if root else ""
    for element in _BEFORE_CALC_PR:
        close = re.search(rf"</{re.escape(prefix)}{element}\s*>|<{re.escape(prefix)}{element}"
                          r"(?=[\s/])[^>]*/>", workbook_xml)
        if close:
            at = close.end()
            return (workbook_xml[:at] + f'<{prefix}calcPr calcId="{KEEP_CALC_ID}"/>'
                    + workbook_xml[at:])
    raise ValueError("workbook.xml has no <sheets>")


__all__ = ["KEEP_CALC_ID", "cached_text", "keep_cached_results", "write_cached_values"]
