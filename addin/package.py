"""The parts of ``jixiao.xlam`` and the one that changes per machine.

The add-in has one worksheet, ``jixiao.conf``: xlwings' VBA reads its settings
from a sheet named ``<PROJECT_NAME>.conf`` in the add-in before it looks at
any file ("Add-in Sheet Config"). The shipped add-in holds the settings every
machine shares; ``jixiao addin install`` writes a copy that also holds the
interpreter (``with_settings``), so no config file is needed and the add-in
can be carried to another PC as one file. Only stdlib here: install uses it.
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

from jixiao.xlsx.annotate_styles import MINIMAL_STYLESHEET

CONFIG_SHEET = "jixiao.conf"
SHEET_PART = "xl/worksheets/sheet1.xml"
RIBBON_PART = "customUI/customUI14.xml"
VBA_PART = "xl/vbaProject.bin"
ZIP_TIME = (2020, 1, 1, 0, 0, 0)
# the same on every machine: the module whose functions the wrappers call, RunPython
# (校验) through the UDF server that the JX_ functions already started, and never the
# active workbook's folder on Python's path (a received file's folder could hold a
# jixiao_addin.py of its own; jixiao is imported from where it is installed)
SHARED_SETTINGS = {"UDF MODULES": "jixiao_udfs", "USE UDF SERVER": "True",
                   "ADD_WORKBOOK_TO_PYTHONPATH": "False"}

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

CONTENT_TYPES = _HEAD + (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.ms-excel.addin.macroEnabled.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    '<Override PartName="/xl/vbaProject.bin" ContentType="application/vnd.ms-office.vbaProject"/>'
    '</Types>')

PACKAGE_RELS = _HEAD + (
    f'<Relationships xmlns="{_PKG_REL}">'
    f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
    # the Office 2010 ribbon part (customUI 2009/07 namespace)
    '<Relationship Id="rId2" '
    'Type="http://schemas.microsoft.com/office/2007/relationships/ui/extensibility" '
    f'Target="{RIBBON_PART}"/>'
    '</Relationships>')

WORKBOOK_RELS = _HEAD + (
    f'<Relationships xmlns="{_PKG_REL}">'
    f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_REL}/styles" Target="styles.xml"/>'
    '<Relationship Id="rId3" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" '
    'Target="vbaProject.bin"/>'
    '</Relationships>')

WORKBOOK = _HEAD + (
    f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}">'
    '<workbookPr codeName="ThisWorkbook"/>'
    '<bookViews><workbookView visibility="hidden"/></bookViews>'
    f'<sheets><sheet name="{CONFIG_SHEET}" sheetId="1" r:id="rId1"/></sheets>'
    '</workbook>')

STYLES = _HEAD + MINIMAL_STYLESHEET


def config_sheet(settings: dict[str, str]) -> bytes:
    """The ``jixiao.conf`` sheet: key in column A, value in column B, no gaps
    (xlwings reads down from A1 to the first empty cell)."""
    keys = [key.upper() for key in settings]
    if len(set(keys)) != len(keys):
        raise ValueError("duplicate config keys")  # xlwings' Dictionary.Add would fail

    def cell(ref: str, text: str) -> str:
        return (f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(text)}</t>'
                '</is></c>')

    rows = "".join(f'<row r="{n}">{cell(f"A{n}", key)}{cell(f"B{n}", value)}</row>'
                   for n, (key, value) in enumerate(settings.items(), start=1))
    return (_HEAD + f'<worksheet xmlns="{_MAIN}"><sheetPr codeName="Sheet1"/>'
            f'<dimension ref="A1:B{max(len(settings), 1)}"/>'
            f'<sheetData>{rows}</sheetData></worksheet>').encode()


def zip_parts(parts: list[tuple[str, bytes]]) -> bytes:
    """A zip with fixed time stamps and attributes, members in the given order."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts:
            member = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            member.create_system = 0
            archive.writestr(member, data)
    return buffer.getvalue()


def xlam(vba_project: bytes, ribbon: bytes, settings: dict[str, str] | None = None) -> bytes:
    return zip_parts([
        ("[Content_Types].xml", CONTENT_TYPES.encode()),
        ("_rels/.rels", PACKAGE_RELS.encode()),
        ("xl/workbook.xml", WORKBOOK.encode()),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.encode()),
        (SHEET_PART, config_sheet(settings if settings is not None else SHARED_SETTINGS)),
        ("xl/styles.xml", STYLES.encode()),
        (VBA_PART, vba_project),
        (RIBBON_PART, ribbon),
    ])


def with_settings(xlam_bytes: bytes, settings: dict[str, str]) -> bytes:
    """The add-in with its ``jixiao.conf`` sheet holding ``settings``; nothing else changes."""
    with zipfile.ZipFile(io.BytesIO(xlam_bytes)) as archive:
        parts = [(info.filename, archive.read(info)) for info in archive.infolist()]
    return zip_parts([(name, config_sheet(settings) if name == SHEET_PART else data)
                      for name, data in parts])


def read_settings(xlam_bytes: bytes) -> dict[str, str]:
    """The ``jixiao.conf`` sheet of an add-in as written by ``config_sheet``."""
    from xml.etree import ElementTree

    with zipfile.ZipFile(io.BytesIO(xlam_bytes)) as archive:
        root = ElementTree.fromstring(archive.read(SHEET_PART))
    cells = {c.get("r"): "".join(t.text or "" for t in c.iter(f"{{{_MAIN}}}t"))
             for c in root.iter(f"{{{_MAIN}}}c")}
    settings, row = {}, 1
    while f"A{row}" in cells:
        settings[cells[f"A{row}"]] = cells.get(f"B{row}", "")
        row += 1
    return settings
