"""Generate jixiao_recalc.xlam and jixiao_check.xlam from xlwings' ribbon add-in.

xlwings ships ``quickstart_addin_ribbon.xlam``: the whole xlwings VBA runtime
(RunPython, UDF import, configuration) plus one ribbon callback,
``RibbonMyAddin.RunMain``, which runs ``import <add-in file name>;
<add-in file name>.main()``. The VBA is compiled (``xl/vbaProject.bin``) and is
not touched here. Each of our add-ins is that file with only
``customUI/customUI.xml`` replaced by ``customUI_recalc.xml`` or
``customUI_check.xml`` from this folder; every other member is copied byte for
byte. The package relationship of that part already has the Office 2010 type
(``…/2007/relationships/ui/extensibility``), whose schema is the
``2009/07/customui`` namespace our XML uses, so no other part changes.

Configuration. The VBA's ``PROJECT_NAME`` is ``myaddin``; ``GetConfig`` looks
up a key in this order and takes the first hit:

1. a sheet ``myaddin.conf`` in the active workbook;
2. a sheet ``myaddin.conf`` in the add-in itself (the template's sheet is
   named ``_myaddin.conf``, i.e. switched off, and we keep it so);
3. ``myaddin.conf`` in the active workbook's folder;
4. the user file ``%USERPROFILE%\\.myaddin\\myaddin.conf`` (Windows) or
   ``~/Library/Containers/com.microsoft.Excel/Data/myaddin.conf`` (macOS);
5. the default (``python`` on the PATH, UDF module named like the add-in).

The interpreter path is per machine, so everything — ``INTERPRETER_WIN``/
``INTERPRETER_MAC``, ``UDF MODULES`` = ``jixiao_udfs`` and ``PYTHONPATH`` —
is written by ``jixiao addin install`` into the user file (4); the .xlam files
stay identical on every machine.

Output is deterministic: fixed member timestamps and order, so two builds
from the same xlwings give the same bytes.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

CUSTOM_UI = "customUI/customUI.xml"
CALLBACK = "RibbonMyAddin.RunMain"
TEMPLATE = "quickstart_addin_ribbon.xlam"
# add-in file stem → ribbon source in this folder; the stem is also the module RunMain imports
ADDINS = {
    "jixiao_recalc": "customUI_recalc.xml",
    "jixiao_check": "customUI_check.xml",
}
ZIP_TIME = (2020, 1, 1, 0, 0, 0)
HERE = Path(__file__).resolve().parent


class TemplateError(Exception):
    """xlwings' ribbon add-in is missing or not what this build expects."""


def template_path() -> Path:
    """``quickstart_addin_ribbon.xlam`` of the installed xlwings."""
    import xlwings

    return Path(xlwings.__file__).resolve().parent / TEMPLATE


def xlwings_version() -> str:
    import xlwings

    return str(xlwings.__version__)


def read_template(path: Path) -> list[tuple[zipfile.ZipInfo, bytes]]:
    """The members of the template, checked to have the ribbon callback we rely on."""
    try:
        with zipfile.ZipFile(path) as source:
            members = [(info, source.read(info)) for info in source.infolist()]
    except (OSError, zipfile.BadZipFile) as error:
        raise TemplateError(f"无法读取 xlwings 加载项模板“{path}”：{error}") from None
    names = [info.filename for info, _ in members]
    if CUSTOM_UI not in names or "xl/vbaProject.bin" not in names:
        raise TemplateError(f"“{path}”不是预期的 xlwings 功能区加载项模板")
    ribbon = next(data for info, data in members if info.filename == CUSTOM_UI)
    if CALLBACK.encode() not in ribbon:
        raise TemplateError(f"“{path}”的功能区不再调用 {CALLBACK}，请使用 xlwings 0.37.8")
    return members


def addin_bytes(members: list[tuple[zipfile.ZipInfo, bytes]], ribbon: bytes) -> bytes:
    """The template with its ribbon replaced, as a zip file in memory."""
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for info, data in members:
            member = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            member.create_system = 0
            target.writestr(member, ribbon if info.filename == CUSTOM_UI else data)
    return buffer.getvalue()


def build_addins(out_dir: str | os.PathLike[str], template: str | os.PathLike[str] | None = None,
                 ribbons_dir: str | os.PathLike[str] | None = None) -> list[Path]:
    """Write ``jixiao_recalc.xlam`` and ``jixiao_check.xlam`` into ``out_dir``."""
    from jixiao.fileio import atomic_output

    members = read_template(Path(template) if template else template_path())
    ribbons = Path(ribbons_dir) if ribbons_dir else HERE
    written = []
    for stem, ribbon_file in ADDINS.items():
        ribbon = (ribbons / ribbon_file).read_bytes()
        target = Path(out_dir) / f"{stem}.xlam"
        with atomic_output(target) as temporary:
            temporary.write_bytes(addin_bytes(members, ribbon))
            temporary.chmod(0o644)  # mkstemp makes it owner-only
        written.append(target)
    return written


if __name__ == "__main__":  # python -m jixiao_addin.build [OUT_DIR]
    import sys

    for path in build_addins(sys.argv[1] if len(sys.argv) > 1 else HERE):
        print(path)
