"""The Excel add-in without Excel: the built ``jixiao.xlam`` read back by
independent clients (oletools' olevba, olefile, LibreOffice, the Office
customUI 2009/07 schema) and ``jixiao addin``. The 校验 button's Python, run
against a recorded fake of the xlwings objects it uses, is in test_addin_check.py.

No Excel on this machine: that Excel compiles the source-only VBA project on
first load rests on [MS-OVBA] and on xlwings shipping its own add-ins the
same way (``_VBA_PROJECT`` of 7 bytes); it is not run here.
"""

import importlib
import io
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

from jixiao import addin_setup
from jixiao.cli import main as cli
from jixiao.errors import JixiaoError

ROOT = Path(__file__).resolve().parents[2]
ADDIN_DIR = ROOT / "addin"
SHIPPED = ADDIN_DIR / "jixiao.xlam"
XSD = Path(__file__).resolve().parents[1] / "data" / "customui-subset.xsd"  # our own, see its head
addin = addin_setup.addin_package()  # jixiao_addin, installed or from addin/
build = importlib.import_module("jixiao_addin.build")
ovba = importlib.import_module("jixiao_addin.ovba")
cfb = importlib.import_module("jixiao.xlsx.cfb")
package = importlib.import_module("jixiao_addin.package")

CUSTOMUI_NS = "{http://schemas.microsoft.com/office/2009/07/customui}"
MODULES = {"ThisWorkbook", "Sheet1", "xlwings", "Dictionary", "xlwings_udfs", "JixiaoRibbon"}
LABELS = ["一键重算", "校验", "帮助"]


def vba_modules(data: bytes) -> dict[str, str]:
    """Module name → source, as oletools' olevba extracts them from an .xlam."""
    from oletools.olevba import VBA_Parser

    parser = VBA_Parser("jixiao.xlam", data=data)
    try:
        return {Path(name).stem: code for _, _, name, code in parser.extract_macros()}
    finally:
        parser.close()


def ole(data: bytes):
    import olefile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return olefile.OleFileIO(io.BytesIO(archive.read(package.VBA_PART)),
                                 raise_defects=olefile.DEFECT_INCORRECT)


def without_attributes(source: str) -> list[str]:
    return [line for line in source.replace("\r\n", "\n").split("\n")
            if not line.startswith("Attribute VB_")]


@pytest.fixture(scope="module")
def built():
    pytest.importorskip("olefile", reason="the build reads xlwings' add-in with olefile")
    return build.addin_bytes()


@pytest.fixture(scope="module")
def modules():
    pytest.importorskip("oletools")
    return vba_modules(SHIPPED.read_bytes())


# ------------------------------------------------------------ the built add-in

def test_the_shipped_addin_is_what_the_build_produces(built):
    # member by member: another zlib may deflate the same parts into other bytes
    assert members(SHIPPED.read_bytes()) == members(built), (
        "addin/jixiao.xlam is stale: python -m jixiao_addin.build")
    assert list(members(SHIPPED.read_bytes())) == list(members(built))


def test_the_build_is_deterministic(built):
    assert build.addin_bytes() == built


def test_olevba_extracts_every_module(modules):
    assert set(modules) == MODULES
    assert "Public Const PROJECT_NAME As String = \"jixiao\"" in modules["xlwings"]
    assert "Sub JixiaoRecalc(control As IRibbonControl)" in modules["JixiaoRibbon"]


def test_the_udf_wrappers_are_what_xlwings_own_generator_writes(modules):
    """xlwings' ``import_udfs`` run for jixiao_udfs into an add-in named jixiao.xlam,
    its COM calls recorded: the module it imports is the module in the add-in."""
    recorded = build.run_import_udfs("jixiao_udfs", "jixiao.xlam")
    (generated,) = recorded.imported
    assert generated.startswith('Attribute VB_Name = "xlwings_udfs"\n')
    assert without_attributes(modules["xlwings_udfs"]) == without_attributes(generated)
    # one wrapper per JX_ function, calling Python with the add-in's active workbook
    import jixiao_udfs

    names = sorted(n for n in dir(jixiao_udfs) if n.startswith("JX_"))
    assert len(names) == 9
    for name in names:
        assert re.search(rf'^Function {name}\(', generated, re.M), name
        assert (f'{name} = XLPy.CallUDF("jixiao_udfs", "{name}", ' in generated
                and "ActiveWorkbook, Application.Caller)" in generated)
    # and what xlwings would register for the function wizard (category 绩效自评)
    assert {macro for macro, _ in recorded.macro_options} == {f"'jixiao.xlam'!{n}" for n in names}
    assert {o["Category"] for _, o in recorded.macro_options} == {"绩效自评"}


def vba_value(expression: str) -> str:
    """The text of a literal, a ``ChrW(&H…)``, or ``(… & …)`` of those."""
    return "".join(chr(int(piece[7:11], 16)) if piece.startswith("ChrW")
                   else piece[1:-1].replace('""', '"') for piece in re.findall(_PIECE, expression))


def replay_macro_options(source: str) -> list[tuple[str, dict]]:
    """Run the few statement forms of the generated Workbook_Open, in Python."""
    values: dict[str, str] = {}
    calls = []
    for line in source.replace("\r\n", "\n").split("\n"):
        line = line.strip()
        if match := re.fullmatch(r"(\w+(?:\(\d+\))?) = (.*)", line):
            target, expression = match.groups()
            keep = expression.startswith(f"{target} & ")
            if keep:
                expression = expression[len(target) + 3:]
            values[target] = (values[target] if keep else "") + vba_value(expression)
        elif match := re.fullmatch(r"ReDim a\(0 To (\d+)\)", line):
            count = int(match.group(1)) + 1
        elif line.startswith("Application.MacroOptions"):
            name = re.search(r"'!(\w+)\"", line).group(1)
            options = {"Description": values["d"], "Category": values["c"]}
            if "ArgumentDescriptions:=a" in line:
                options["ArgumentDescriptions"] = [values[f"a({i})"] for i in range(count)]
            calls.append((f"'jixiao.xlam'!{name}", options))
    return calls


def test_workbook_open_sets_the_function_wizard_texts_as_xlwings_import_does(modules):
    recorded = build.run_import_udfs()
    expected = [(macro, {key: value for key, value in options.items()
                         if key in ("Description", "Category", "ArgumentDescriptions")})
                for macro, options in recorded.macro_options]
    assert any("\n" in options["Description"] for _, options in expected)  # JX_SCORES
    source = modules["ThisWorkbook"]
    assert "Private Sub Workbook_Open()" in source and "On Error Resume Next" in source
    assert replay_macro_options(source) == expected
    assert max(len(line) for line in source.splitlines()) <= build.MAX_LINE


def test_the_stubs_leave_xlwings_as_they_found_it():
    import xlwings

    before = (xlwings.func, "pythoncom" in sys.modules, sys.modules.get("jixiao_udfs"))
    build.run_import_udfs()
    assert (xlwings.func, "pythoncom" in sys.modules, sys.modules.get("jixiao_udfs")) == before


def test_xlwings_modules_are_xlwings_own_but_for_the_project_name(modules):
    import xlwings

    package_dir = Path(xlwings.__file__).parent
    shipped_bas = (package_dir / "xlwings_custom_addin.bas").read_bytes().decode("ascii")
    ours = without_attributes(modules["xlwings"])
    theirs = without_attributes(shipped_bas)
    changed = [(a, b) for a, b in zip(ours, theirs, strict=True) if a != b]
    cut = [(line.replace(old, new), line) for line in theirs
           for old, new in build.SETTINGS_FROM_WORKBOOK if old in line]
    assert len(cut) == 2  # the active workbook's jixiao.conf sheet, its folder's file
    assert changed == [(build.OUR_PROJECT_NAME, build.TEMPLATE_PROJECT_NAME), *cut]
    template, _ = build.template_modules()
    assert modules["Dictionary"].replace("\r\n", "\n") == (
        template["Dictionary"].source.replace("\r\n", "\n"))


def test_one_xlwings_version_everywhere(modules):
    import xlwings

    version = addin.XLWINGS_VERSION
    assert f'Public Const XLWINGS_VERSION As String = "{version}"' in modules["xlwings"]
    assert f'"xlwings64-{version}.dll"' in modules["xlwings"]
    assert xlwings.__version__ == version
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert f'"xlwings=={version}"' in pyproject


def test_the_vba_is_ascii_and_its_chinese_comes_back(modules):
    for name, source in modules.items():
        assert source.isascii(), name
    source = (ADDIN_DIR / "vba" / "JixiaoRibbon.bas").read_text(encoding="utf-8")
    assert not source.isascii()  # the Chinese messages really went through ChrW
    assert without_attributes(decode_chrw(modules["JixiaoRibbon"])) == without_attributes(source)


_PIECE = r'(?:ChrW\(&H[0-9A-F]{4}\)|"(?:[^"]|"")*")'


def decode_chrw(source: str) -> str:
    """Each ``(ChrW(&H…) & "…" & …)`` or lone ``ChrW(&H…)`` back to one literal."""
    def literal(match: re.Match) -> str:
        text = ""
        for piece in re.findall(_PIECE, match.group(0)):
            text += (chr(int(piece[7:11], 16)) if piece.startswith("ChrW")
                     else piece[1:-1].replace('""', '"'))
        return '"' + text.replace('"', '""') + '"'

    source = re.sub(rf"\({_PIECE}(?: & {_PIECE})+\)", literal, source)
    return re.sub(r"ChrW\(&H[0-9A-F]{4}\)", literal, source)


def test_a_literal_of_only_ascii_stays_and_quotes_survive():
    assert build.vba_literal("ok") == '"ok"'
    assert build.vba_literal('说"a"') == '(ChrW(&H8BF4) & """a""")'
    assert build.vba_literal("") == '""'
    assert build.ascii_vba('x = "总分" \' note\n') == 'x = (ChrW(&H603B) & ChrW(&H5206)) \' note\r\n'
    with pytest.raises(build.BuildError, match="ASCII"):
        build.ascii_vba("' 总分\n")
    with pytest.raises(build.BuildError):
        build.vba_literal("😀")


def test_the_project_has_its_own_name_and_no_pcode(built):
    with ole(built) as project:
        streams = {"/".join(path) for path in project.listdir()}
        assert streams == {"PROJECT", "PROJECTwm", "VBA/dir", "VBA/_VBA_PROJECT",
                           *(f"VBA/{name}" for name in MODULES)}
        text = project.openstream("PROJECT").read().decode("cp1252")
        version = project.openstream("VBA/_VBA_PROJECT").read()
        wm = project.openstream("PROJECTwm").read()
    assert 'Name="jixiao"' in text and "myaddin" not in text.lower()
    assert version == bytes.fromhex("cc61ffff000100")  # [MS-OVBA] 2.3.4.1: source only
    assert "Module=JixiaoRibbon" in text and "Document=ThisWorkbook/&H00000000" in text
    assert "Class=Dictionary" in text
    assert wm.endswith(b"\0\0") and b"J\0i\0x\0i\0a\0o\0R\0i\0b\0b\0o\0n\0" in wm
    values = dict(re.findall(r'^(CMG|DPB|GC)="([0-9A-F]+)"', text, re.M))
    project_id = re.search(r'^ID="(\{[^}]+\})"', text, re.M).group(1)
    assert ovba.decrypt(bytes.fromhex(values["CMG"])) == (ovba._project_key(project_id), b"\0" * 4)
    assert ovba.decrypt(bytes.fromhex(values["DPB"]))[1] == b"\0"    # no password
    assert ovba.decrypt(bytes.fromhex(values["GC"]))[1] == b"\xff"   # visible


def test_the_dir_stream_reads_back_with_oletools(built):
    from oletools.olevba import decompress_stream

    with ole(built) as project:
        raw = project.openstream("VBA/dir").read()
    data = bytes(decompress_stream(bytearray(raw)))
    assert data == ovba.decompress(raw)
    codepage, records, references = ovba.read_dir(data)
    assert codepage == 1252 and list(references) == ["Office"]
    assert {r.name for r in records} == MODULES and all(r.offset == 0 for r in records)
    kinds = {r.name: r.kind for r in records}
    assert kinds["xlwings"] == kinds["JixiaoRibbon"] == kinds["xlwings_udfs"] == ovba.PROCEDURAL
    assert kinds["ThisWorkbook"] == kinds["Dictionary"] == ovba.DOCUMENT_OR_CLASS


@pytest.mark.parametrize("data", [
    b"", b"a", b"abc" * 5000, bytes(range(256)) * 16,       # a raw (incompressible) chunk
    bytes(range(256)) * 16 + b"Sub x()\r\nEnd Sub\r\n" * 300,
    (ROOT / "addin" / "vba" / "JixiaoRibbon.bas").read_bytes(),
])
def test_compression_round_trips_through_oletools(data):
    from oletools.olevba import decompress_stream

    compressed = ovba.compress(data)
    assert ovba.decompress(compressed) == data
    assert bytes(decompress_stream(bytearray(compressed))) == data
    if data.count(b"abc") > 100:
        assert len(compressed) < len(data) / 10


def test_the_compound_file_reads_back_and_keeps_the_name_order():
    import olefile

    big = bytes(range(256)) * 30
    tree = {"PROJECT": b"p", "VBA": {"dir": b"d" * 100, "xlwings": big, "Module_Long_Name": b"",
                                     "a": b"x" * 4095, "B": b"y" * 4096}}
    data = cfb.write(tree)
    assert cfb.write(tree) == data
    with olefile.OleFileIO(io.BytesIO(data), raise_defects=olefile.DEFECT_INCORRECT) as f:
        assert f.openstream("VBA/xlwings").read() == big
        assert f.openstream("VBA/a").read() == b"x" * 4095
        assert f.openstream("VBA/B").read() == b"y" * 4096
        assert f.get_size("VBA/Module_Long_Name") == 0

        def in_order(sid):  # a binary search tree in [MS-CFB] 2.6.4 order
            if sid == cfb.NOSTREAM:
                return []
            entry = f.direntries[sid]
            return in_order(entry.sid_left) + [entry.name] + in_order(entry.sid_right)

        vba = next(e for e in f.direntries if e and e.name == "VBA")
        names = in_order(vba.sid_child)
        assert names == sorted(names, key=lambda n: (len(n), n.upper()))
        assert len(names) == 5


def test_the_package_is_an_addin_with_one_config_sheet(built):
    with zipfile.ZipFile(io.BytesIO(built)) as archive:
        assert archive.testzip() is None
        types = archive.read("[Content_Types].xml").decode()
        rels = archive.read("_rels/.rels").decode()
        workbook = archive.read("xl/workbook.xml").decode()
        assert archive.read(package.RIBBON_PART) == (ADDIN_DIR / "customUI14.xml").read_bytes()
    assert "application/vnd.ms-excel.addin.macroEnabled.main+xml" in types
    assert ('Type="http://schemas.microsoft.com/office/2007/relationships/ui/extensibility" '
            f'Target="{package.RIBBON_PART}"') in rels
    assert 'codeName="ThisWorkbook"' in workbook and 'name="jixiao.conf"' in workbook
    assert package.read_settings(built) == {
        "UDF MODULES": "jixiao_udfs", "USE UDF SERVER": "True", "ADD_WORKBOOK_TO_PYTHONPATH": "False"}


# ------------------------------------------------------------ the ribbon

def test_the_ribbon_validates_against_the_customui_schema():
    xmlschema = pytest.importorskip("xmlschema")
    schema = xmlschema.XMLSchema10(str(XSD))
    schema.validate(str(ADDIN_DIR / "customUI14.xml"))
    bad = ('<customUI xmlns="http://schemas.microsoft.com/office/2009/07/customui"><ribbon><tabs>'
           '<tab id="t" label="x"><button id="b" label="y"/></tab></tabs></ribbon></customUI>')
    assert not schema.is_valid(bad)  # the schema really checks: a button needs a group
    ribbon = (ADDIN_DIR / "customUI14.xml").read_text("utf-8")
    for right, wrong in (('size="large"', 'size="huge"'),
                         ('onAction="JixiaoRibbon.JixiaoRecalc"', 'onAction="Jixiao Ribbon"'),
                         ('label="一键重算"', f'label="{"长" * 1025}"')):
        assert right in ribbon
        assert not schema.is_valid(ribbon.replace(right, wrong, 1)), wrong


def test_one_tab_three_buttons_each_with_its_vba_callback(modules):
    root = ElementTree.parse(ADDIN_DIR / "customUI14.xml").getroot()
    (tab,) = root.iter(f"{CUSTOMUI_NS}tab")
    assert tab.get("label") == "绩效自评"
    buttons = list(tab.iter(f"{CUSTOMUI_NS}button"))
    assert [b.get("label") for b in buttons] == LABELS
    for button in buttons:
        module, procedure = button.get("onAction").split(".")
        assert module == "JixiaoRibbon"
        assert f"Public Sub {procedure}(control As IRibbonControl)" in modules[module]
        assert button.get("imageMso") and re.search(r"[\u4e00-\u9fff]", button.get("supertip"))


def test_recalc_is_vba_only_and_reads_the_template_names(modules):
    from jixiao import layout
    ribbon = decode_chrw(modules["JixiaoRibbon"])
    recalc = ribbon[ribbon.index("Sub JixiaoRecalc"):ribbon.index("End Sub", ribbon.index("Sub JixiaoRecalc"))]
    assert "Application.CalculateFull" in recalc and "RunPython" not in recalc
    for name in ("JX_TotalScore", "JX_TotalGrade"):
        assert name in layout.DEFINED_NAMES and f'"{name}"' in ribbon
    assert '"已全部重算"' in ribbon and "总分" in ribbon and "评分等级" in ribbon
    check = ribbon[ribbon.index("Sub JixiaoCheck"):]
    assert 'RunPython "import jixiao_addin; jixiao_addin.check()"' in check
    assert '"填写说明"' in ribbon and layout.HELP_SHEET == "填写说明"


# ------------------------------------------------------------ LibreOffice

LIST_MODULES = """
Sub ListModules(source As String, target As String)
    Dim args(1) As New com.sun.star.beans.PropertyValue
    Dim doc As Object, libraries As Object, library As Object
    Dim f As Integer, libraryName As Variant, moduleName As Variant
    f = FreeFile
    Open target For Output As #f
    args(0).Name = "Hidden"
    args(0).Value = True
    args(1).Name = "FilterName"
    args(1).Value = "Calc MS Excel 2007 VBA XML"
    doc = StarDesktop.loadComponentFromURL(ConvertToURL(source), "_blank", 0, args())
    If IsNull(doc) Then
        Print #f, "NOT LOADED"
    Else
        libraries = doc.BasicLibraries
        For Each libraryName In libraries.getElementNames()
            libraries.loadLibrary(libraryName)
            library = libraries.getByName(libraryName)
            For Each moduleName In library.getElementNames()
                Print #f, "@@MODULE@@ " & libraryName & "/" & moduleName
                Print #f, library.getByName(moduleName)
            Next
        Next
        doc.close(True)
    End If
    Close #f
    StarDesktop.terminate()
End Sub
"""


def run_libreoffice_basic(work: Path, code: str, call: str) -> None:
    """Run ``call`` of a Basic module holding ``code``, in a headless LibreOffice
    with its own profile under ``work``, bounded in time."""
    from xml.sax.saxutils import escape

    profile = work / "profile"
    url = f"-env:UserInstallation={profile.as_uri()}"
    subprocess.run(["timeout", "-k", "5", "60", "soffice", url, "--headless",
                    "--terminate_after_init"], capture_output=True, timeout=90)
    module = profile / "user" / "basic" / "Standard" / "Module1.xba"
    assert module.is_file(), "LibreOffice did not create its profile"
    module.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE script:module PUBLIC '
        '"-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">\n'
        '<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" '
        f'script:language="StarBasic">{escape(code)}</script:module>\n', encoding="utf-8")
    result = subprocess.run(["timeout", "-k", "5", "120", "soffice", url, "--headless",
                             "--norestore", f"macro:///Standard.Module1.{call}"],
                            capture_output=True, timeout=150)
    assert result.returncode == 0, result.stderr


def libreoffice_modules(xlam: Path, work: Path) -> dict[str, str]:
    """Open ``xlam`` in LibreOffice; its Basic library's modules as LibreOffice imported them."""
    out = work / "modules.txt"
    run_libreoffice_basic(work, LIST_MODULES, f'ListModules("{xlam}","{out}")')
    text = out.read_text(encoding="utf-8", errors="replace")
    assert "NOT LOADED" not in text
    found: dict[str, list[str]] = {}
    for line in text.splitlines():
        if line.startswith("@@MODULE@@ "):
            current = found.setdefault(line.split(" ", 1)[1], [])
        elif found:
            current.append(line)
    return {name: "\n".join(lines) for name, lines in found.items()}


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("timeout") is None,
                    reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_the_addin_and_lists_its_modules(tmp_path, modules):
    xlam = tmp_path / "jixiao.xlam"  # a copy: LibreOffice leaves lock files beside what it opens
    xlam.write_bytes(SHIPPED.read_bytes())
    found = libreoffice_modules(xlam, tmp_path)
    assert set(found) == {f"jixiao/{name}" for name in MODULES}
    for name in ("xlwings_udfs", "JixiaoRibbon", "xlwings"):
        lines = found[f"jixiao/{name}"].replace("\r\n", "\n").split("\n")
        assert lines[:2] == ["Rem Attribute VBA_ModuleType=VBAModule", "Option VBASupport 1"]
        ours = [line for line in without_attributes(modules[name]) if line]
        assert [line for line in lines[2:] if line] == ours, name


STATUS_BAR_TEST = """
Public Sub SelfTest(target As String)
    Dim f As Integer, r As String, i As Integer
    r = RecalcMessage(92.456, ChrW(&H4F18)) & "|" & RecalcMessage(90, "") & "|" _
        & RecalcMessage("x", "y") & "|" & RecalcMessage(0, Empty) & "|" & RecalcMessage(Empty, "A")
    f = FreeFile
    Open target For Output As #f
    For i = 1 To Len(r)
        Print #f, AscW(Mid(r, i, 1))
    Next
    Close #f
    StarDesktop.terminate()
End Sub
"""


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("timeout") is None,
                    reason="LibreOffice (soffice) is not installed")
def test_libreoffice_runs_the_recalc_status_message_from_the_addin(tmp_path, modules):
    """The JixiaoRibbon module as stored in the add-in, run by LibreOffice Basic in
    its VBA mode: the ChrW-written Chinese comes out as the status bar text."""
    source = "\n".join(without_attributes(modules["JixiaoRibbon"]))
    out = tmp_path / "status.txt"
    run_libreoffice_basic(tmp_path, "Option VBASupport 1\n" + source + STATUS_BAR_TEST,
                          f'SelfTest("{out}")')
    text = "".join(chr(int(code)) for code in out.read_text().split())
    assert text.split("|") == ["已全部重算：总分 92.46，评分等级 优", "已全部重算：总分 90",
                               "已全部重算", "已全部重算：总分 0", "已全部重算"]


# ------------------------------------------------------------ jixiao addin

@pytest.fixture
def jixiao(monkeypatch, capsys, tmp_path):
    """Run ``jixiao …`` in-process (only the addin command: others may be unfinished),
    with a scratch home so that a run on Windows/macOS leaves the real profile alone."""
    monkeypatch.setattr(cli, "COMMANDS", tuple(c for c in cli.COMMANDS if c[0] == "addin"))
    for variable in ("HOME", "USERPROFILE", "APPDATA"):
        monkeypatch.setenv(variable, str(tmp_path / "home"))

    def run(*args):
        code = cli.main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return run


WIN_PYTHON = "C:\\Users\\张三\\AppData\\Local\\Programs\\Python\\Python311\\python.exe"


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def test_install_for_another_pc_writes_its_interpreter_into_the_addin(jixiao, tmp_path):
    target = tmp_path / "for-zhang"
    code, out, err = jixiao("addin", "install", "--dir", str(target), "--python", WIN_PYTHON)
    assert code == 0, err
    assert [p.name for p in target.iterdir()] == ["jixiao.xlam"]
    written = (target / "jixiao.xlam").read_bytes()
    assert package.read_settings(written) == {"UDF MODULES": "jixiao_udfs",
                                              "USE UDF SERVER": "True",
                                              "ADD_WORKBOOK_TO_PYTHONPATH": "False",
                                              "INTERPRETER_WIN": WIN_PYTHON}
    ours, shipped = members(written), members(SHIPPED.read_bytes())
    assert list(ours) == list(shipped)
    assert [name for name in ours if ours[name] != shipped[name]] == [package.SHEET_PART]
    assert WIN_PYTHON in out and "下一步" in out and "XLSTART" in out


@pytest.mark.skipif(addin_setup.platform_name() != "other", reason="a system without Excel")
def test_without_python_a_system_without_excel_writes_no_linux_path(jixiao, tmp_path):
    code, _, err = jixiao("addin", "install", "--dir", str(tmp_path / "x"))
    assert code == 2 and "--python" in err and "Traceback" not in err
    assert not (tmp_path / "x" / "jixiao.xlam").exists()


@pytest.mark.parametrize("python", ["python.exe", "C:\\Python311\\", "bin/python"])
def test_a_target_interpreter_must_be_a_full_path(jixiao, tmp_path, python):
    code, _, err = jixiao("addin", "install", "--dir", str(tmp_path), "--python", python)
    assert code == 2 and "python.exe" in err and "Traceback" not in err


def test_a_mac_interpreter_goes_to_interpreter_mac():
    assert addin_setup.interpreter_settings("/Users/u/venv/bin/python", this_machine=False) == {
        "INTERPRETER_MAC": "/Users/u/venv/bin/python"}


def test_this_machines_interpreter_per_platform():
    settings = addin_setup.interpreter_settings
    assert settings("C:/py/python.exe", "win32", environ={}) == {"INTERPRETER_WIN": "C:/py/python.exe"}
    assert settings("/py/bin/python", "darwin", environ={}) == {"INTERPRETER_MAC": "/py/bin/python"}
    conda = settings("C:/x/python.exe", "win32",
                     environ={"CONDA_DEFAULT_ENV": "jx", "CONDA_EXE": "C:/conda/Scripts/conda.exe"})
    assert conda == {"INTERPRETER_WIN": "", "CONDA PATH": str(Path("C:/conda")), "CONDA ENV": "jx"}


def test_uninstall_removes_the_addin_and_the_old_two(jixiao, tmp_path):
    target = tmp_path / "addins"
    target.mkdir()
    for old in addin_setup.LEGACY_ADDINS:
        (target / old).write_bytes(b"old")
    (target / "other.xlam").write_bytes(b"not ours")
    code, out, _ = jixiao("addin", "install", "--dir", str(target), "--python", WIN_PYTHON)
    assert code == 0 and out.count("已删除旧版文件") == 2
    assert sorted(p.name for p in target.iterdir()) == ["jixiao.xlam", "other.xlam"]
    code, out, _ = jixiao("addin", "uninstall", "--dir", str(target))
    assert code == 0 and out.count("已删除") == 1
    assert [p.name for p in target.iterdir()] == ["other.xlam"]
    code, out, _ = jixiao("addin", "uninstall", "--dir", str(target))
    assert code == 0 and "未找到" in out


def test_install_on_windows_removes_the_old_stub_modules(tmp_path):
    stubs = tmp_path / ".myaddin"
    stubs.mkdir()
    for name in (*addin_setup.LEGACY_STUBS, "myaddin.conf"):
        (stubs / name).write_text("x")
    layout = addin_setup.Layout(tmp_path / "XLSTART", stubs)
    written, removed = addin_setup.install(layout, {"INTERPRETER_WIN": "C:\\py\\python.exe"})
    assert written == [tmp_path / "XLSTART" / "jixiao.xlam"]
    assert sorted(p.name for p in removed) == sorted(addin_setup.LEGACY_STUBS)
    assert [p.name for p in stubs.iterdir()] == ["myaddin.conf"]  # may be another add-in's


def test_install_on_macos_also_copies_xlwings_applescript(tmp_path, monkeypatch):
    """RunPython on macOS goes through xlwings' AppleScript in Excel's script folder: the
    command finds it (cli/addin.py asks xlwings), the installer copies it — not with --dir."""
    from jixiao.cli.addin import _xlwings_applescript

    home = tmp_path / "home"
    monkeypatch.setattr(addin_setup, "platform_name", lambda platform=None: "mac")
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: home))
    script = _xlwings_applescript()
    layout = addin_setup.Layout(tmp_path / "Startup", home / ".myaddin")
    written, _ = addin_setup.install(layout, {"INTERPRETER_MAC": "/py/bin/python"},
                                     _xlwings_applescript)
    copied = home / addin_setup.MAC_SCRIPTS / script.name
    assert written == [layout.addin, copied]
    assert copied.read_bytes() == script.read_bytes()
    elsewhere = addin_setup.Layout(tmp_path / "for-another-mac", None)  # --dir
    written, _ = addin_setup.install(elsewhere, {"INTERPRETER_MAC": "/py/bin/python"},
                                     _xlwings_applescript)
    assert written == [elsewhere.addin]


def test_a_different_xlwings_is_refused_with_the_pip_line():
    with pytest.raises(JixiaoError) as caught:
        addin_setup.check_xlwings_version("0.33.1")
    message = str(caught.value)
    assert "0.33.1" in message and f"xlwings=={addin.XLWINGS_VERSION}" in message
    assert "pip install" in message
    addin_setup.check_xlwings_version(addin.XLWINGS_VERSION)


def test_the_dll_must_be_where_xlwings_vba_looks_for_it(tmp_path):
    python_org = tmp_path / "Python311"            # python.org "for me only": DLL beside python.exe
    addin_setup.check_dll_location(python_org / "python.exe", [python_org])
    venv = tmp_path / "jixiao-env"                  # a venv: DLL in the env, python in Scripts
    addin_setup.check_dll_location(venv / "Scripts" / "python.exe", [venv])
    user_base = tmp_path / "AppData" / "Roaming" / "Python"  # pip's per-user fallback
    with pytest.raises(JixiaoError) as caught:
        addin_setup.check_dll_location(tmp_path / "Program Files" / "Python311" / "python.exe",
                                     [user_base])
    message = str(caught.value)
    assert str(user_base) in message and "venv" in message and "jixiao addin install" in message


def test_windows_and_mac_layouts():
    layout = addin_setup.default_layout(
        "win32", home=Path("/home/u"),
        environ={"APPDATA": "C:/Users/u/AppData/Roaming", "USERPROFILE": "C:/Users/u"})
    assert layout.addin == Path("C:/Users/u/AppData/Roaming/Microsoft/Excel/XLSTART/jixiao.xlam")
    assert layout.legacy_stub_dir == Path("C:/Users/u/.myaddin")
    running = addin_setup.default_layout("win32", environ={"USERPROFILE": "C:/u"},
                                       startup_path="D:/Excel/XLSTART")
    assert running.addin_dir == Path("D:/Excel/XLSTART")
    mac = addin_setup.default_layout("darwin", home=Path("/Users/u"), environ={})
    assert mac.addin_dir == Path("/Users/u/Library/Group Containers/UBF8T346G9.Office/"
                                 "User Content.localized/Startup.localized/Excel")
    assert addin_setup.default_layout("linux", home=Path("/home/u"), environ={}) is None


@pytest.mark.skipif(addin_setup.platform_name() != "other", reason="a system without Excel")
@pytest.mark.parametrize("action", ["install", "path", "uninstall"])
def test_without_excel_and_without_dir_exit_2_in_chinese(jixiao, action):
    code, out, err = jixiao("addin", action)
    assert code == 2
    assert "没有桌面版 Excel" in err and "--dir" in err
    assert "Traceback" not in err


def test_path_with_dir_reports_the_python_written_into_that_addin(jixiao, tmp_path):
    """Not this machine's interpreter: the folder may hold an add-in made for another PC."""
    target = tmp_path / "for-zhang"
    assert jixiao("addin", "install", "--dir", str(target), "--python", WIN_PYTHON)[0] == 0
    code, out, _ = jixiao("addin", "path", "--dir", str(target))
    assert code == 0
    assert out.splitlines() == [f"加载项：{target.resolve() / 'jixiao.xlam'}",
                                f"加载项使用的 Python：{WIN_PYTHON}（Windows）"]
    assert sys.executable not in out


def test_path_with_dir_says_when_there_is_no_addin(jixiao, tmp_path):
    code, out, _ = jixiao("addin", "path", "--dir", str(tmp_path))
    assert code == 1
    assert out == (f"此处没有 jixiao 加载项：找不到“{tmp_path.resolve() / 'jixiao.xlam'}”。"
                   "安装请运行 jixiao addin install\n")


def test_path_of_an_unconfigured_or_conda_addin(jixiao, tmp_path):
    (tmp_path / "jixiao.xlam").write_bytes(SHIPPED.read_bytes())  # copied by hand
    code, out, _ = jixiao("addin", "path", "--dir", str(tmp_path))
    assert code == 0 and out.splitlines()[1] == (
        "加载项中没有写入 Python 解释器（未经 jixiao addin install 配置），"
        "请重新运行 jixiao addin install")
    layout = addin_setup.Layout(tmp_path, None)
    addin_setup.install(layout, addin_setup.addin_settings(
        {"INTERPRETER_WIN": "", "CONDA PATH": "C:\\conda", "CONDA ENV": "jx"}))
    code, out, _ = jixiao("addin", "path", "--dir", str(tmp_path))
    assert out.splitlines()[1] == "加载项使用的 Python：conda 环境 jx（conda 位于“C:\\conda”）"
    (tmp_path / "jixiao.xlam").write_bytes(b"not a zip")
    code, _, err = jixiao("addin", "path", "--dir", str(tmp_path))
    assert code == 2 and "不是 jixiao 安装的加载项" in err and "Traceback" not in err


def test_config_values_are_escaped_in_the_sheet():
    data = package.with_settings(SHIPPED.read_bytes(), {"A": "x<&>\"y\" ", "B": "张三"})
    assert package.read_settings(data) == {"A": "x<&>\"y\" ", "B": "张三"}
    with pytest.raises(ValueError):
        package.config_sheet({"a": "1", "A": "2"})


def test_both_readmes_install_with_the_console_script_and_python_m_only_as_fallback():
    """``pip install`` of the wheel puts the ``jixiao`` command on PATH; ``python -m
    jixiao`` is the way out only when pip put it somewhere PATH does not reach."""
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'jixiao = "jixiao.cli.main:main"' in pyproject
    for readme in (ROOT / "README.md", ADDIN_DIR / "README.md"):
        text = readme.read_text(encoding="utf-8")
        first = re.search(r"^\s*(\S.*?addin install)\b", text, re.MULTILINE)
        assert first is not None and first.group(1) == "jixiao addin install", readme
        bare = [m.start() for m in re.finditer(r'(?<![\w."\\])python3? -m jixiao\b', text)]
        assert bare, readme  # the fallback is mentioned …
        for start in bare:   # … and only as the fallback
            assert "PATH" in text[max(0, start - 200):start], (readme, text[start - 200:start + 40])
    first_two = (ROOT / "README.md").read_text(encoding="utf-8").split("```")[1].splitlines()[1:3]
    assert [line.split("#")[0].strip() for line in first_two] == [
        "python3 -m pip install . && jixiao demo",
        'python3 -m pip install -e ".[test]" && python3 -m pytest']
