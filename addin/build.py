"""Build ``jixiao.xlam`` from source: ``python -m jixiao_addin.build [OUT_DIR]``.

The add-in's VBA project is written from source code without p-code
(``ovba.py``, ``cfb.py``), so Excel compiles it when it first loads the
add-in — the same kind of project xlwings ships in its own add-ins. Modules:

- ``xlwings`` and ``Dictionary``: xlwings' VBA runtime (BSD-3-Clause; the
  Dictionary class is Tim Hall's VBA-Dictionary, MIT), taken byte for byte
  from ``quickstart_addin_ribbon.xlam`` of the installed xlwings, with one
  line changed: ``PROJECT_NAME`` = ``jixiao`` (so the settings live in the
  sheet ``jixiao.conf`` / ``%USERPROFILE%\\.jixiao\\jixiao.conf``, not in
  ``myaddin.conf`` that every quickstart add-in shares), and two lines cut
  (``SETTINGS_FROM_WORKBOOK``: settings are never read from the active workbook
  or its folder, which a received submission controls);
- ``xlwings_udfs``: the JX_ function wrappers, exactly what xlwings' own
  ``import_udfs`` writes for ``jixiao_udfs`` into an add-in (run here with
  the Windows-only COM parts replaced by recorders);
- ``JixiaoRibbon``: the three buttons (``vba/JixiaoRibbon.bas``), Chinese
  string literals written as ``ChrW`` so that the project is ASCII;
- ``ThisWorkbook`` and ``Sheet1``: the document modules of the workbook and
  its one sheet; ``Workbook_Open`` replays the ``MacroOptions`` calls that
  ``import_udfs`` made (function wizard category 绩效自评, Chinese texts).

Needs the dev tools (``olefile`` to read xlwings' add-in, xlwings
``XLWINGS_VERSION``); the result is committed and shipped as package data,
so ``jixiao addin install`` needs neither. The build is deterministic.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import os
import re
import sys
import types
import uuid
from collections.abc import Iterator
from pathlib import Path

from jixiao.xlsx import cfb

from . import ADDIN_FILE, PROJECT_NAME, XLWINGS_VERSION, ovba, package

HERE = Path(__file__).resolve().parent
TEMPLATE = "quickstart_addin_ribbon.xlam"
UDF_MODULE = "jixiao_udfs"
RIBBON_SOURCE = HERE / "vba" / "JixiaoRibbon.bas"
RIBBON_XML = HERE / "customUI14.xml"
PROJECT_ID = "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, "jixiao.xlam")).upper() + "}"
TEMPLATE_PROJECT_NAME = 'Public Const PROJECT_NAME As String = "myaddin"'
OUR_PROJECT_NAME = f'Public Const PROJECT_NAME As String = "{PROJECT_NAME}"'
# xlwings reads its settings first from a ``jixiao.conf`` sheet of the ACTIVE workbook and
# then from a ``jixiao.conf`` file in that workbook's folder: a received submission (or
# its folder) could name the interpreter the 校验 button runs. Those two lookups are cut,
# so only the add-in's own sheet and the user's file (%USERPROFILE%\.jixiao) count.
SETTINGS_FROM_WORKBOOK = (
    ('If SheetExists(ActiveWorkbook, PROJECT_NAME & ".conf") = True Then',
     "If False Then ' jixiao: a received workbook never sets the add-in's settings"),
    ("If FileExists(GetDirectoryConfigFilePath()) = True Then",
     "If False Then ' jixiao: nor does a file in its folder"),
)
MAX_LINE = 1023  # VBA's limit on a physical line


class BuildError(Exception):
    """The installed xlwings is not the one this add-in is made from."""


# ------------------------------------------------------------ xlwings' modules

def template_path() -> Path:
    import xlwings

    return Path(xlwings.__file__).resolve().parent / TEMPLATE


def template_modules(path: Path | None = None) -> tuple[dict[str, ovba.Module], bytes]:
    """The modules of xlwings' ribbon add-in (source, as stored) and its Office
    library reference record (``IRibbonControl`` needs it)."""
    import olefile

    with zipfile_member(path or template_path(), package.VBA_PART) as data, \
            olefile.OleFileIO(io.BytesIO(data)) as ole:
        codepage, records, references = ovba.read_dir(
            ovba.decompress(ole.openstream("VBA/dir").read()))
        modules = {}
        for record in records:
            stream = ole.openstream(f"VBA/{record.stream}").read()
            source = ovba.decompress(stream[record.offset:]).decode(f"cp{codepage}")
            kind = ("module" if record.kind == ovba.PROCEDURAL else
                    "document" if "VB_Base = \"0{000208" in source else "class")
            modules[record.name] = ovba.Module(record.name, source, kind, record.docstring)
    if "Office" not in references:
        raise BuildError("xlwings 加载项模板中没有 Office 类型库引用")
    return modules, references["Office"]


@contextlib.contextmanager
def zipfile_member(path: Path, name: str) -> Iterator[bytes]:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        yield archive.read(name)


def xlwings_module(source: str) -> str:
    if XLWINGS_VERSION not in source or source.count(TEMPLATE_PROJECT_NAME) != 1:
        raise BuildError(f"xlwings 的 VBA 不是预期的 {XLWINGS_VERSION} 版本")
    source = source.replace(TEMPLATE_PROJECT_NAME, OUR_PROJECT_NAME)
    for theirs, ours in SETTINGS_FROM_WORKBOOK:
        if source.count(theirs) != 1:
            raise BuildError(f"xlwings 的 VBA 不是预期的 {XLWINGS_VERSION} 版本")
        source = source.replace(theirs, ours)
    return source


# ------------------------------------------------------------ the UDF wrappers

@contextlib.contextmanager
def windows_stubs() -> Iterator[types.ModuleType]:
    """``xlwings.udfs`` importable off Windows: pythoncom, pywintypes and
    win32com replaced by do-nothing modules, and ``jixiao_udfs`` decorated by
    the real ``xlfunc``/``xlarg`` (off Windows xlwings' decorators pass through).
    Everything is put back afterwards. Yields ``xlwings.udfs``."""
    import xlwings

    class ComError(Exception):
        pass

    stubs = {
        "pythoncom": types.SimpleNamespace(CoInitialize=lambda: None),
        "pywintypes": types.SimpleNamespace(com_error=ComError),
        "win32com": types.SimpleNamespace(),
        "win32com.client": types.SimpleNamespace(Dispatch=lambda obj: obj),
    }
    saved = {name: sys.modules.get(name) for name in [*stubs, "xlwings.udfs", UDF_MODULE]}
    decorators = {name: getattr(xlwings, name) for name in ("func", "arg", "ret", "sub")}
    try:
        sys.modules.update(stubs)  # type: ignore[arg-type]
        sys.modules.pop("xlwings.udfs", None)
        udfs = importlib.import_module("xlwings.udfs")
        for name, real in (("func", udfs.xlfunc), ("arg", udfs.xlarg), ("ret", udfs.xlret),
                           ("sub", udfs.xlsub)):
            setattr(xlwings, name, real)
        sys.modules.pop(UDF_MODULE, None)
        importlib.import_module(UDF_MODULE)
        yield udfs
    finally:
        for name, value in decorators.items():
            setattr(xlwings, name, value)
        for name, module in saved.items():
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module
        if hasattr(xlwings, "udfs") and saved["xlwings.udfs"] is None:
            delattr(xlwings, "udfs")


class FakeAddin:
    """The Excel workbook object ``import_udfs`` talks to: records the module
    it imports and the ``MacroOptions`` it sets."""

    def __init__(self, name: str, com_error: type[Exception]) -> None:
        self.Name = name
        self.imported: list[str] = []
        self.macro_options: list[tuple[str, dict[str, object]]] = []
        self._com_error = com_error
        outer = self

        class Components:
            def __call__(self, name: str) -> None:
                raise outer._com_error(name)  # no xlwings_udfs module yet

            def Remove(self, component: object) -> None:  # noqa: N802 (COM name)
                raise AssertionError("nothing to remove")

            def Import(self, filename: str) -> None:  # noqa: N802
                outer.imported.append(Path(filename).read_text(encoding="ascii"))

        class Application:
            Version = "16.0"

            def MacroOptions(self, macro: str, **options: object) -> None:  # noqa: N802
                outer.macro_options.append((macro, options))

        self.VBProject = types.SimpleNamespace(VBComponents=Components())
        self.Application = Application()


def run_import_udfs(module_name: str = UDF_MODULE, addin_name: str = ADDIN_FILE) -> FakeAddin:
    """Run xlwings' own ``import_udfs`` for ``module_name`` against a fake add-in."""
    with windows_stubs() as udfs:
        addin = FakeAddin(addin_name, sys.modules["pywintypes"].com_error)
        module = sys.modules[module_name]
        udfs.udf_modules[module_name] = {"filename": module.__file__, "filetime": None,
                                         "module": module}
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                udfs.import_udfs(module_name, addin)
        finally:
            udfs.udf_modules.pop(module_name, None)
    if len(addin.imported) != 1:
        raise BuildError("xlwings 的 import_udfs 没有生成 xlwings_udfs 模块")
    return addin


def udf_wrapper_module(recorded: FakeAddin) -> str:
    """The ``xlwings_udfs`` module as VBA stores it after the import (CRLF lines)."""
    return recorded.imported[0].replace("\r\n", "\n").replace("\n", "\r\n")


def _assign(variable: str, text: str, chunk: int = 40) -> list[str]:
    """VBA lines that build ``text`` in ``variable``, short enough for VBA's line limit."""
    lines = [f"    {variable} = {vba_literal(text[:chunk])}"]
    lines += [f"    {variable} = {variable} & {vba_literal(text[i:i + chunk])}"
              for i in range(chunk, len(text), chunk)]
    return lines


def registration_code(recorded: FakeAddin) -> str:
    """``Workbook_Open`` replaying the ``MacroOptions`` calls that xlwings'
    ``import_udfs`` made for the add-in: the function wizard's category,
    description and argument texts of each JX_ function."""
    lines = [
        "Private Sub Workbook_Open()",
        "    ' The function wizard texts of the JX_ functions: the MacroOptions calls",
        "    ' of xlwings' import_udfs, replayed (build.py writes them from its run).",
        "    Dim d As String, c As String, a() As Variant",
        "    On Error Resume Next",
    ]
    prefix = f"'{ADDIN_FILE}'!"
    for macro, options in recorded.macro_options:
        if not macro.startswith(prefix):
            raise BuildError(f"unexpected macro name {macro}")
        name = macro[len(prefix):]
        lines += _assign("d", str(options.get("Description") or ""))
        lines += _assign("c", str(options.get("Category") or ""))
        call = (f"    Application.MacroOptions Macro:=\"'\" & ThisWorkbook.Name & \"'!{name}\", "
                "Description:=d, Category:=c")
        arguments = list(options.get("ArgumentDescriptions") or [])  # type: ignore[call-overload]
        if arguments:
            lines.append(f"    ReDim a(0 To {len(arguments) - 1})")
            for index, text in enumerate(arguments):
                lines += _assign(f"a({index})", str(text))
            call += ", ArgumentDescriptions:=a"
        lines.append(call)
    lines.append("End Sub")
    for line in lines:
        if not line.isascii() or len(line) > MAX_LINE:
            raise BuildError(f"registration line not ASCII or too long: {line[:80]}")
    return "".join(line + "\r\n" for line in lines)


# ------------------------------------------------------------ our module

_LITERAL = re.compile(r'"(?:[^"]|"")*"')


def vba_literal(text: str) -> str:
    """A VBA expression for ``text``: ASCII runs as literals, the rest as ChrW()."""
    pieces, run = [], ""
    for char in text:
        if 32 <= ord(char) < 128:
            run += char
            continue
        if run:
            pieces.append('"' + run.replace('"', '""') + '"')
            run = ""
        if ord(char) > 0xFFFF:
            raise BuildError(f"VBA 源码中的字符超出基本多文种平面：{char!r}")
        pieces.append(f"ChrW(&H{ord(char):04X})")
    if run or not pieces:
        pieces.append('"' + run.replace('"', '""') + '"')
    return pieces[0] if len(pieces) == 1 else "(" + " & ".join(pieces) + ")"


def ascii_vba(source: str) -> str:
    """VBA source with every non-ASCII string literal written as ``vba_literal``;
    non-ASCII anywhere else (comments, names) is refused."""
    lines = []
    for number, line in enumerate(source.splitlines(), start=1):
        code, comment = _split_comment(line)
        code = _LITERAL.sub(lambda m: vba_literal(m.group()[1:-1].replace('""', '"'))
                            if not m.group().isascii() else m.group(), code)
        line = code + comment
        if not line.isascii():
            raise BuildError(f"{RIBBON_SOURCE.name} 第 {number} 行：字符串之外不能有非 ASCII 字符")
        if len(line) > MAX_LINE:
            raise BuildError(f"{RIBBON_SOURCE.name} 第 {number} 行超过 VBA 的 {MAX_LINE} 字符限制")
        lines.append(line)
    return "".join(line + "\r\n" for line in lines)


def _split_comment(line: str) -> tuple[str, str]:
    in_string = False
    for index, char in enumerate(line):
        if char == '"':
            in_string = not in_string
        elif char == "'" and not in_string:
            return line[:index], line[index:]
    return line, ""


def ribbon_module() -> str:
    return ascii_vba(RIBBON_SOURCE.read_text(encoding="utf-8"))


# ------------------------------------------------------------ the add-in

def document_module(name: str, like: ovba.Module) -> ovba.Module:
    source = like.source.replace(f'Attribute VB_Name = "{like.name}"',
                                 f'Attribute VB_Name = "{name}"', 1)
    return ovba.Module(name, source, "document")


def project_modules(template: Path | None = None) -> tuple[list[ovba.Module], bytes]:
    found, office = template_modules(template)
    sheet = next(m for m in found.values() if m.kind == "document" and m.name != "ThisWorkbook")
    recorded = run_import_udfs()
    this_workbook = found["ThisWorkbook"]
    modules = [
        ovba.Module("ThisWorkbook", this_workbook.source + registration_code(recorded), "document"),
        document_module("Sheet1", sheet),
        ovba.Module("xlwings", xlwings_module(found["xlwings"].source)),
        found["Dictionary"],
        ovba.Module("xlwings_udfs", udf_wrapper_module(recorded)),
        ovba.Module("JixiaoRibbon", ribbon_module()),
    ]
    for module in modules:
        if not module.source.isascii():
            raise BuildError(f"VBA 模块 {module.name} 含有非 ASCII 字符")
    return modules, office


def vba_project(modules: list[ovba.Module], office_reference: bytes) -> bytes:
    streams: dict[str, bytes] = {
        "_VBA_PROJECT": ovba.VBA_PROJECT_STREAM,
        "dir": ovba.compress(ovba.dir_stream(PROJECT_NAME, modules, office_reference)),
    }
    for module in modules:
        streams[module.name] = ovba.module_stream(module)
    return cfb.write({
        "PROJECT": ovba.project_stream(PROJECT_ID, PROJECT_NAME, modules),
        "PROJECTwm": ovba.project_wm_stream(modules),
        "VBA": streams,
    })


def check_xlwings() -> None:
    import xlwings

    if xlwings.__version__ != XLWINGS_VERSION:
        raise BuildError(f"需要 xlwings {XLWINGS_VERSION}（本机为 {xlwings.__version__}）："
                         "加载项携带的 VBA 与 xlwings 的 DLL 版本必须一致")


def addin_bytes(template: Path | None = None) -> bytes:
    check_xlwings()
    modules, office = project_modules(template)
    return package.xlam(vba_project(modules, office), RIBBON_XML.read_bytes())


def build(out_dir: str | os.PathLike[str] = HERE) -> Path:
    from jixiao.fileio import atomic_output

    data = addin_bytes()
    target = Path(out_dir) / ADDIN_FILE
    with atomic_output(target) as temporary:
        temporary.write_bytes(data)
    return target


if __name__ == "__main__":
    print(build(sys.argv[1] if len(sys.argv) > 1 else HERE))
