"""The Excel add-in without Excel: the built .xlam files, ``jixiao addin``, and
what the two buttons do, run against fakes of the few xlwings objects they use."""

import importlib
import importlib.util
import re
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

from jixiao import cli, cmd_addin
from jixiao.checks import Finding, findings_rows, run_checks

ROOT = Path(__file__).resolve().parent.parent
ADDIN_DIR = ROOT / "addin"
addin = cmd_addin.addin_package()  # jixiao_addin, installed or from addin/
build = importlib.import_module("jixiao_addin.build")

CUSTOMUI_NS = "{http://schemas.microsoft.com/office/2009/07/customui}"
SHARED_NS = "jixiao.addin"
STEMS = ("jixiao_recalc", "jixiao_check")
LABELS = {"jixiao_recalc": "一键重算", "jixiao_check": "校验"}
CJK = re.compile(r"[\u4e00-\u9fff]")


def template_members():
    with zipfile.ZipFile(build.template_path()) as source:
        return {info.filename: source.read(info) for info in source.infolist()}


def ribbon(path):
    """The customUI root of an add-in, and its namespace prefixes."""
    import io

    with zipfile.ZipFile(path) as archive:
        data = archive.read(build.CUSTOM_UI)
    prefixes = dict(item for _, item in ElementTree.iterparse(io.BytesIO(data), ["start-ns"]))
    return ElementTree.fromstring(data), prefixes


def qualified(prefixes, value):
    """"x:JixiaoTab" → ("jixiao.addin", "JixiaoTab")."""
    prefix, local = value.split(":")
    assert prefix in prefixes, f"prefix {prefix} not declared"
    return prefixes[prefix], local


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("built")
    return {path.stem: path for path in build.build_addins(out)}


# ------------------------------------------------------------ the .xlam files

def test_the_shipped_xlam_files_are_what_the_build_produces(built):
    for stem in STEMS:
        assert (ADDIN_DIR / f"{stem}.xlam").read_bytes() == built[stem].read_bytes(), (
            f"addin/{stem}.xlam is stale: run `jixiao addin build`")


def test_build_is_deterministic(built, tmp_path):
    again = {path.stem: path for path in build.build_addins(tmp_path)}
    for stem in STEMS:
        assert again[stem].read_bytes() == built[stem].read_bytes()


@pytest.mark.parametrize("stem", STEMS)
def test_xlam_is_a_valid_zip_with_every_other_member_byte_identical(built, stem):
    source = template_members()
    with zipfile.ZipFile(built[stem]) as archive:
        assert archive.testzip() is None
        assert archive.namelist() == list(source)
        for name, data in source.items():
            if name != build.CUSTOM_UI:
                assert archive.read(name) == data, name
        assert archive.read(build.CUSTOM_UI) == (ADDIN_DIR / build.ADDINS[stem]).read_bytes()
        # the ribbon part keeps its relationship; its type is the one for the 2009/07 schema
        rels = archive.read("_rels/.rels").decode()
        assert ('Type="http://schemas.microsoft.com/office/2007/relationships/ui/extensibility" '
                'Target="customUI/customUI.xml"') in rels
        assert archive.read("[Content_Types].xml") == source["[Content_Types].xml"]
        assert b"vnd.ms-excel.addin.macroEnabled" in archive.read("[Content_Types].xml")


def test_the_two_ribbons_make_one_tab_with_the_two_buttons(built):
    buttons, tabs, ids = {}, set(), []
    for stem in STEMS:
        root, prefixes = ribbon(built[stem])
        assert root.tag == f"{CUSTOMUI_NS}customUI"
        tab_elements = root.findall(f"{CUSTOMUI_NS}ribbon/{CUSTOMUI_NS}tabs/{CUSTOMUI_NS}tab")
        assert len(tab_elements) == 1
        tab = tab_elements[0]
        assert "id" not in tab.attrib
        tabs.add((qualified(prefixes, tab.get("idQ")), tab.get("label")))
        for group in tab.findall(f"{CUSTOMUI_NS}group"):
            ids.append(qualified(prefixes, group.get("idQ")))
            for button in group.findall(f"{CUSTOMUI_NS}button"):
                ids.append(button.get("id"))
                buttons[stem] = button
    assert tabs == {((SHARED_NS, "JixiaoTab"), "绩效自评")}
    assert len(ids) == len(set(ids)) == 4, ids  # groups and buttons do not collide
    assert {stem: button.get("label") for stem, button in buttons.items()} == LABELS
    for button in buttons.values():
        assert button.get("onAction") == build.CALLBACK
        assert button.get("size") == "large"
        assert button.get("imageMso")
        assert CJK.search(button.get("screentip")) and CJK.search(button.get("supertip"))
        assert len(button.get("supertip")) <= 1024


def test_the_template_callback_imports_a_module_named_like_the_addin(tmp_path):
    """RunMain runs ``import <file stem>; <file stem>.main()`` — the stubs must match."""
    for stem in STEMS:
        stub = ADDIN_DIR / f"{stem}.py"
        assert stub.is_file()
        spec = importlib.util.spec_from_file_location(stem, stub)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        assert callable(module.main)


@pytest.mark.parametrize(("stem", "action"), [("jixiao_recalc", "recalc"),
                                              ("jixiao_check", "check")])
def test_each_stub_calls_its_action(monkeypatch, stem, action):
    calls = []
    monkeypatch.setattr(addin, action, lambda: calls.append(action))
    spec = importlib.util.spec_from_file_location(stem, ADDIN_DIR / f"{stem}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main()
    assert calls == [action]


def test_a_template_without_the_callback_is_refused(tmp_path):
    fake = tmp_path / "other.xlam"
    with zipfile.ZipFile(fake, "w") as archive:
        archive.writestr(build.CUSTOM_UI, "<customUI/>")
        archive.writestr("xl/vbaProject.bin", b"")
    with pytest.raises(build.TemplateError, match="RunMain"):
        build.build_addins(tmp_path, template=fake)
    with pytest.raises(build.TemplateError):
        build.build_addins(tmp_path, template=tmp_path / "missing.xlam")


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


def read_config(path):
    return dict(re.findall(r'^"([^"]*)","([^"]*)"$', path.read_text(encoding="utf-8"), re.M))


def test_install_into_a_folder_copies_four_files_and_writes_the_config(jixiao, tmp_path, built):
    target = tmp_path / "addins"
    code, out, err = jixiao("addin", "install", "--dir", str(target))
    assert code == 0, err
    assert sorted(p.name for p in target.iterdir() if p.suffix in (".xlam", ".py")) == sorted(
        [f"{stem}.xlam" for stem in STEMS] + [f"{stem}.py" for stem in STEMS])
    for stem in STEMS:
        assert (target / f"{stem}.xlam").read_bytes() == built[stem].read_bytes()
        assert (target / f"{stem}.py").read_bytes() == (ADDIN_DIR / f"{stem}.py").read_bytes()
    if cmd_addin.platform_name() == "other":
        config = read_config(target / "myaddin.conf")
        assert config == {"INTERPRETER_WIN": sys.executable, "UDF MODULES": "jixiao_udfs",
                          "PYTHONPATH": str(target.resolve())}
    assert "下一步" in out and "绩效自评" in out


def test_uninstall_removes_the_files_but_keeps_the_config(jixiao, tmp_path):
    target = tmp_path / "addins"
    assert jixiao("addin", "install", "--dir", str(target))[0] == 0
    code, out, _ = jixiao("addin", "uninstall", "--dir", str(target))
    assert code == 0
    assert out.count("已删除") == 4
    assert not any(p.suffix in (".xlam", ".py") for p in target.iterdir())
    code, out, _ = jixiao("addin", "uninstall", "--dir", str(target))
    assert code == 0 and "未找到" in out


def test_build_writes_into_out(jixiao, tmp_path, built):
    code, out, _ = jixiao("addin", "build", "--out", str(tmp_path))
    assert code == 0 and out.count("已生成") == 2
    for stem in STEMS:
        assert (tmp_path / f"{stem}.xlam").read_bytes() == built[stem].read_bytes()


def test_build_into_a_missing_folder_is_one_chinese_line(jixiao, tmp_path):
    code, _, err = jixiao("addin", "build", "--out", str(tmp_path / "nope"))
    assert code == 2 and "不存在" in err and "Traceback" not in err


@pytest.mark.skipif(sys.platform.startswith("win") or sys.platform == "darwin",
                    reason="only a system without desktop Excel refuses")
@pytest.mark.parametrize("action", ["install", "path", "uninstall"])
def test_without_excel_and_without_dir_exit_2_in_chinese(jixiao, action):
    code, out, err = jixiao("addin", action)
    assert code == 2
    assert "没有桌面版 Excel" in err and "--dir" in err
    assert "Traceback" not in err


@pytest.mark.skipif(sys.platform.startswith("win") or sys.platform == "darwin",
                    reason="only a system without desktop Excel refuses")
def test_a_real_process_without_excel_prints_one_chinese_line():
    import os
    import subprocess

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "jixiao.cli", "addin", "install"],
                            capture_output=True, text=True, encoding="utf-8", env=env,
                            cwd=ROOT, timeout=120)
    assert result.returncode == 2
    assert result.stderr.startswith("jixiao：此系统上没有桌面版 Excel")
    assert "Traceback" not in result.stderr


def test_path_with_dir(jixiao, tmp_path):
    code, out, _ = jixiao("addin", "path", "--dir", str(tmp_path))
    assert code == 0 and str(tmp_path.resolve()) in out and "配置文件" in out


def test_windows_layout_follows_xlwings_and_keeps_py_files_out_of_xlstart():
    layout = cmd_addin.default_layout(
        "win32", home=Path("/home/u"),
        environ={"APPDATA": "C:/Users/u/AppData/Roaming", "USERPROFILE": "C:/Users/u"})
    assert layout.addin_dir == Path("C:/Users/u/AppData/Roaming/Microsoft/Excel/XLSTART")
    assert layout.config_file == Path("C:/Users/u/.myaddin/myaddin.conf")
    assert layout.module_dir == Path("C:/Users/u/.myaddin")
    assert layout.module_dir != layout.addin_dir
    running = cmd_addin.default_layout("win32", environ={"USERPROFILE": "C:/u"},
                                       startup_path="D:/Excel/XLSTART")
    assert running.addin_dir == Path("D:/Excel/XLSTART")


def test_mac_layout():
    layout = cmd_addin.default_layout("darwin", home=Path("/Users/u"), environ={})
    assert layout.addin_dir == Path("/Users/u/Library/Group Containers/UBF8T346G9.Office/"
                                    "User Content.localized/Startup.localized/Excel")
    assert layout.config_file == Path(
        "/Users/u/Library/Containers/com.microsoft.Excel/Data/myaddin.conf")
    assert cmd_addin.default_layout("linux", home=Path("/home/u"), environ={}) is None


def test_config_settings_per_platform():
    assert cmd_addin.config_settings(Path("C:/m"), "win32", "C:/py/python.exe", environ={}) == {
        "INTERPRETER_WIN": "C:/py/python.exe", "UDF MODULES": "jixiao_udfs",
        "PYTHONPATH": str(Path("C:/m"))}
    mac = cmd_addin.config_settings(Path("/m"), "darwin", "/py/bin/python", environ={})
    assert mac["INTERPRETER_MAC"] == "/py/bin/python" and "INTERPRETER_WIN" not in mac
    conda = cmd_addin.config_settings(
        Path("C:/m"), "win32", "C:/x/python.exe",
        environ={"CONDA_DEFAULT_ENV": "jx", "CONDA_EXE": "C:/conda/Scripts/conda.exe"})
    assert conda["INTERPRETER_WIN"] == ""  # → the VBA activates the env
    assert conda["CONDA ENV"] == "jx" and conda["CONDA PATH"] == str(Path("C:/conda"))


def test_config_merge_keeps_other_keys_and_pythonpath_entries():
    existing = ('"LICENSE_KEY","abc"\n\n"Interpreter_Win","C:\\old\\python.exe"\n'
                '"PYTHONPATH","D:\\mine;C:\\m"\n')
    merged = cmd_addin.merged_config(existing, {"INTERPRETER_WIN": "C:\\new\\python.exe",
                                                "UDF MODULES": "jixiao_udfs",
                                                "PYTHONPATH": "C:\\m"})
    assert merged == ('"LICENSE_KEY","abc"\n"INTERPRETER_WIN","C:\\new\\python.exe"\n'
                      '"UDF MODULES","jixiao_udfs"\n"PYTHONPATH","C:\\m;D:\\mine"\n')
    assert cmd_addin.merged_config(merged, {"PYTHONPATH": "C:\\m"}).count("PYTHONPATH") == 1


# ------------------------------------------------------------ the buttons, on fakes

class FakeRange:
    def __init__(self, sheet, address, rows):
        self.sheet, self.address, self.rows = sheet, address, rows

    def options(self, ndim=None):
        assert ndim == 2
        return type("Values", (), {"value": self.rows})()

    @property
    def value(self):  # like xlwings: a single cell is a scalar
        return self.rows[0][0] if len(self.rows) == 1 and len(self.rows[0]) == 1 else self.rows


class FakeName:
    def __init__(self, cells):
        self._cells = cells

    @property
    def refers_to_range(self):
        if self._cells is None:
            raise AttributeError("refers to a constant")
        return self._cells


class Written:
    """What ``_write_results`` does to a cell range of the 校验结果 sheet."""

    def __init__(self, sheet, address):
        self.sheet, self.address = sheet, address
        self.font = type("Font", (), {"bold": False})()

    @property
    def value(self):
        return self.sheet.written.get(self.address)

    @value.setter
    def value(self, rows):
        self.sheet.written[self.address] = rows

    def expand(self, direction):
        return self

    def autofit(self):
        pass


class FakeSheet:
    def __init__(self, book, name, names=None):
        self.book, self.name, self.names, self.written = book, name, names or {}, {}

    def __getitem__(self, address):
        return Written(self, address)

    def clear(self):
        self.written.clear()

    def activate(self):
        self.book.active_sheet = self


class FakeSheets(list):
    def __getitem__(self, key):
        if isinstance(key, str):
            return next(sheet for sheet in self if sheet.name == key)
        return list.__getitem__(self, key)

    def add(self, name, after=None):
        sheet = FakeSheet(after.book, name)
        self.insert(self.index(after) + 1, sheet)
        return sheet


class FakeApp:
    def __init__(self):
        self.status_bar, self.alerts, self.calculated = None, [], 0

    def alert(self, prompt, title=None, mode=None):
        self.alerts.append((prompt, title))

    def calculate(self):
        self.calculated += 1


class FakeBook:
    def __init__(self, name, names, sheet_names=("自评表",)):
        self.name, self.names, self.app, self.active_sheet = name, names, FakeApp(), None
        self.sheets = FakeSheets(FakeSheet(self, sheet) for sheet in sheet_names)


def sheet_stub(name):
    return type("Sheet", (), {"name": name})()


def test_get_range_from_names_gives_sheet_top_left_and_rows():
    names = {"JX_Weight": FakeName(FakeRange(sheet_stub("自评表"), "$H$13:$H$15",
                                             [[10.0], [None], [20.0]]))}
    get_range = addin.get_range_from_names(names)
    assert get_range("JX_Weight") == ("自评表", "H13", [[10.0], [None], [20.0]])
    assert get_range("JX_Missing") is None


def test_get_range_falls_back_to_sheet_names_and_skips_constants():
    workbook = {"JX_TotalScore": FakeName(None)}  # a name for a constant, not cells
    sheet = {"JX_TotalScore": FakeName(FakeRange(sheet_stub("自评表"), "$H$43", [[88.5]]))}
    assert addin.get_range_from_names(workbook, sheet)("JX_TotalScore") == ("自评表", "H43", [[88.5]])
    assert addin.get_range_from_names(workbook)("JX_TotalScore") is None


def test_hyperlink_formula_quotes_sheet_names():
    assert addin.hyperlink_formula("自评表", "F14") == '=HYPERLINK("#\'自评表\'!F14","自评表!F14")'
    assert addin.hyperlink_formula("Bob's \"表\"", "A1") == (
        '=HYPERLINK("#\'Bob\'\'s ""表""\'!A1","Bob\'s ""表""!A1")')


def test_result_rows_link_each_cell_and_say_when_nothing_was_found():
    findings = [Finding("JX101", "error", "自评表", "H44", "分值合计为 90，应为 100"),
                Finding("JX201", "error", None, None, "=没有位置")]
    rows = addin.result_rows(findings)
    assert rows[0] == ["代码", "级别", "位置", "说明"]
    assert rows[1] == ["JX101", "错误", '=HYPERLINK("#\'自评表\'!H44","自评表!H44")',
                       "分值合计为 90，应为 100"]
    assert rows[2] == ["JX201", "错误", "", "'=没有位置"]  # a text, not a formula
    assert addin.result_rows([]) == [["代码", "级别", "位置", "说明"], ["", "", "", "未发现问题。"]]


def test_summaries():
    findings = [Finding("A", "error", None, None, ""), Finding("B", "warning", None, None, ""),
                Finding("C", "error", None, None, "")]
    assert addin.check_summary(findings) == "校验完成：2 个错误，1 个警告，详见“校验结果”工作表"
    assert addin.check_summary([]) == "校验完成：未发现问题"
    assert addin.recalc_message(97.5, "优") == "已全部重算：总分 97.5，评分等级 优"
    assert addin.recalc_message(90.0, None) == "已全部重算：总分 90"
    assert addin.recalc_message("⚠ 有得分未能计算", "") == "已全部重算"


def book_from_template(path):
    """A FakeBook whose defined names hold what a saved template holds (openpyxl)."""
    from openpyxl import load_workbook
    from openpyxl.utils.cell import range_boundaries

    values = load_workbook(path, data_only=True)
    names = {}
    for name, defined in values.defined_names.items():
        for sheet, ref in defined.destinations:
            min_col, min_row, max_col, max_row = range_boundaries(ref.replace("$", ""))
            rows = [[values[sheet].cell(r, c).value for c in range(min_col, max_col + 1)]
                    for r in range(min_row, max_row + 1)]
            names[name] = FakeName(FakeRange(sheet_stub(sheet), ref, rows))
    return FakeBook(path.name, names, values.sheetnames)


@pytest.fixture
def sample_workbook(tmp_path):
    from jixiao.samples import sample
    from jixiao.template import build_template

    table = sample("zizhou-2023")
    table.indicators[0].target = None  # JX201
    table.indicators[1].weight += 5    # JX101: 分值合计 105
    path = tmp_path / "zizhou.xlsx"
    build_template(path, year=table.project.year, rules=table.rules, table=table)
    return path


def test_check_reads_the_template_like_read_template_and_lists_findings(monkeypatch,
                                                                       sample_workbook):
    from jixiao.template import read_template, table_from_ranges

    book = book_from_template(sample_workbook)
    via_names = table_from_ranges(addin.get_range_from_names(book.names))
    assert via_names == read_template(sample_workbook)

    monkeypatch.setattr(addin, "_active_book", lambda: book)
    addin.check()
    results = book.sheets["校验结果"]
    assert book.active_sheet is results
    expected = run_checks(read_template(sample_workbook))
    assert {item.code for item in expected} >= {"JX101", "JX201"}
    rows = results.written["A1"]
    assert len(rows) == len(findings_rows(expected))
    for row, item in zip(rows[1:], expected, strict=True):
        assert row[0] == item.code and row[3] == item.message
        assert row[2] == addin.hyperlink_formula(item.sheet, item.cell)
    errors = sum(1 for item in expected if item.severity == "error")
    assert book.app.status_bar.startswith(f"校验完成：{errors} 个错误")
    assert book.app.alerts == []

    addin.check()  # a second run clears and rewrites the same sheet
    assert [sheet.name for sheet in book.sheets].count("校验结果") == 1
    assert results.written["A1"] == rows


def test_check_on_a_workbook_not_made_from_the_template_alerts_in_chinese(monkeypatch):
    book = FakeBook("别的表.xlsx", {})
    monkeypatch.setattr(addin, "_active_book", lambda: book)
    addin.check()
    assert [sheet.name for sheet in book.sheets] == ["自评表"]
    (message, title), = book.app.alerts
    assert "别的表.xlsx" in message and "模板" in message and title == "绩效自评"


def test_recalc_calculates_and_shows_the_total(monkeypatch):
    book = FakeBook("x.xlsx", {
        "JX_TotalScore": FakeName(FakeRange(sheet_stub("自评表"), "$H$43", [[92.456]])),
        "JX_TotalGrade": FakeName(FakeRange(sheet_stub("自评表"), "$H$44", [["优"]]))})
    monkeypatch.setattr(addin, "_active_book", lambda: book)
    monkeypatch.setattr(sys, "platform", "linux")
    addin.recalc()
    assert book.app.calculated == 1
    assert book.app.status_bar == "已全部重算：总分 92.46，评分等级 优"
