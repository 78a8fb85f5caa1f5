"""What jixiao writes and prints, given hostile input and a hostile environment (issue 11,
items 2, 3, 10, 11, 12):

- no text from a submitted file becomes a formula in a workbook jixiao writes;
- a summary's 打开文件 link is a relative path to a file the batch read, never a UNC
  path or a URL, whatever the file is called;
- nothing printed holds a raw control character (ESC, BEL, C1, DEL, bidi overrides);
- ``--json`` and the batch's JSON Lines are strict JSON: an infinite number is null,
  with a JX601 finding;
- a closed pipe, a full stdout, a full disk and a limit set to junk each end with at
  most one Chinese line and the right exit code, never a traceback.
"""

from __future__ import annotations

import contextlib
import gc
import io
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from workbooks import PUTUO_1_ROWS, Book, standard, standard_sheet

from jixiao.batch.run import BatchRun, Outcome
from jixiao.batch.summary_book import Summary, _link_target, write_summary
from jixiao.cli.main import main
from jixiao.errors import OutputError
from jixiao.report.json import json_text
from jixiao.terminal import has_control, printable

ROOT = Path(__file__).resolve().parents[2]


def _no_constant(name: str) -> None:
    raise ValueError(f"not JSON: {name}")


def strict_json(text: str):  # type: ignore[no-untyped-def]
    """``json.loads`` that refuses NaN, Infinity and -Infinity, as jq and JSON.parse do."""
    return json.loads(text, parse_constant=_no_constant)


def run(argv: list[str]) -> tuple[int, str, str]:
    """``jixiao argv`` in this process: exit code, stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(arg) for arg in argv])
    return code, out.getvalue(), err.getvalue()


def jixiao(*argv: str, **options) -> subprocess.CompletedProcess[str]:  # type: ignore[no-untyped-def]
    return subprocess.run([sys.executable, "-m", "jixiao", *argv], text=True, timeout=120,
                          **{"capture_output": True, **options})


def formula_cells(path: Path) -> list[tuple[str, str, str]]:
    """Every formula cell of a workbook, as openpyxl reads it: (sheet, cell, formula)."""
    from openpyxl import load_workbook

    book = load_workbook(path)
    return [(ws.title, cell.coordinate, str(cell.value)) for ws in book.worksheets
            for row in ws.iter_rows() for cell in row if cell.data_type == "f"]


def link_targets(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        return [target for name in archive.namelist() if name.endswith(".xml.rels")
                and "worksheets" in name
                for target in re.findall(r'Type="[^"]*/hyperlink" Target="([^"]*)"',
                                         archive.read(name).decode())]


# ================================================================ terminal (item 11)

@pytest.mark.parametrize(("text", "shown"), [
    ("a\x1b[2Jb", "a\\x1b[2Jb"),                   # ESC: clear screen
    ("\x1b]0;title\x07", "\\x1b]0;title\\x07"),   # OSC … BEL: window title
    ("x\u009b31m", "x\\x9b31m"),                  # C1 CSI
    ("del\x7f", "del\\x7f"),
    ("exe.\u202egpj", "exe.\\u202egpj"),          # bidi override
    ("\u2066x\u2069", "\\u2066x\\u2069"),
    ("a\rb\tc\nd", "a\\rb\\tc\\nd"),
    ("gbk-\udcb2\udce2.xlsx", "gbk-\\xb2\\xe2.xlsx"),  # bytes that were not UTF-8
    ("普通的中文（全角）", "普通的中文（全角）"),
])
def test_printable_escapes_every_control_character(text, shown):
    assert printable(text) == shown
    assert not has_control(printable(text))


def test_printable_keeps_line_breaks_of_a_report_when_asked():
    assert printable("一\n二\x1b", keep_newlines=True) == "一\n二\\x1b"


def test_every_printed_line_goes_through_printable(tmp_path):
    """check, rules and convert: file names, sheet names, project names and arguments."""
    from hostile import ESCAPE_FILE_NAME, escape_sequences

    path = escape_sequences(tmp_path)
    assert path.name == ESCAPE_FILE_NAME
    for argv in (["check", path], ["check", "--json", path], ["rules", "\x1b[2J\u009b"],
                 ["convert", path, "-o", tmp_path / "c.xlsx"],
                 ["check", tmp_path / "missing\x1b]0;x\x07.xlsx"]):
        code, out, err = run(argv)
        assert not has_control(out + err), (argv, out, err)
        assert out + err
    code, out, err = run(["check", path])
    assert "\\x1b[2J" in out and "\\x9b2J\\u202e" in out, out  # shown, not hidden


# ================================================================ JSON (item 12)

def test_json_text_escapes_what_json_dumps_leaves_raw_and_never_writes_infinity():
    text = json_text({"a": "\u009b\u202e\x7f\udcb2\x1b"}, indent=2)
    assert not has_control(text)
    assert strict_json(text) == {"a": "\u009b\u202e\x7f\udcb2\x1b"}
    assert strict_json(json_text({"budget": float("inf"), "x": [float("nan"), 1.5]})) == {
        "budget": None, "x": [None, 1.5]}


def _infinite_workbook(path: Path) -> Path:
    """A standard table whose 全年预算数 and one 得分 are typed as 1e999 (infinite)."""
    from hostile import _set_value

    standard(path)
    _set_value(path, "D6", "1e999")    # 全年预算数
    _set_value(path, "H11", "-1e999")  # the first 得分
    return path


def test_check_json_has_null_and_a_finding_for_an_infinite_number(tmp_path):
    path = _infinite_workbook(tmp_path / "inf.xlsx")
    code, out, _ = run(["check", "--json", path])
    data = strict_json(out)
    assert data["funds"]["budget"] is None
    assert data["indicators"][0]["score_declared"] is None
    cells = {item["cell"] for item in data["findings"] if item["code"] == "JX601"}
    assert {"D6", "H11"} <= cells, data["findings"]
    assert code == 1


def test_batch_json_lines_are_strict_json(tmp_path):
    inbox = tmp_path / "in"
    inbox.mkdir()
    _infinite_workbook(inbox / "inf.xlsx")
    standard(inbox / "good.xlsx")
    code, _, err = run(["batch", inbox, "-o", tmp_path / "s.xlsx", "--json", tmp_path / "r.jsonl",
                        "--workers", "1"])
    assert code == 1, err
    lines = (tmp_path / "r.jsonl").read_text(encoding="utf-8").splitlines()
    reports = [strict_json(line) for line in lines]
    assert len(reports) == 2
    assert any(item["code"] == "JX601" for report in reports for item in report["findings"])


def test_a_null_nobody_reported_still_gets_a_finding():
    from jixiao.report.json import _finite_only

    table = _finite_only({"sheet": "表", "funds": {"budget": float("nan")}, "indicators": [],
                          "total_declared": None, "total_computed": None, "findings": []})
    assert table["funds"]["budget"] is None
    assert [item["code"] for item in table["findings"]] == ["JX601"]


# ================================================================ summary links (item 3)

HOSTILE_NAMES = ("\\\\evil.example\\share\\y.xlsx", "file:\\\\evil.example\\x.xlsx",
                 "http:evil.example.xlsx", "https:%2F%2Fevil.example.xlsx",
                 "\\\\?\\UNC\\evil\\s.xlsx", "a?b#c%20.xlsx", "esc\x1b[2J.xlsx",
                 "javascript:alert(1).xlsx", "\u202egpj.xlsx", "gbk-\udcb2\udce2.xlsx")


def _safe_relative(target: str) -> bool:
    """A relative path: no scheme, no host, no backslash, nothing invisible."""
    return (target.startswith(("./", "../")) and ":" not in target and "\\" not in target
            and not has_control(target) and "//" not in target)


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_a_link_target_is_a_relative_path_whatever_the_file_is_called(tmp_path, name):
    for folder in (tmp_path, tmp_path / "收件", tmp_path / "http:x"):
        target = _link_target(str(tmp_path), str(folder / name))
        assert _safe_relative(target), target


def test_summary_links_of_hostile_file_names_point_to_the_files_read(tmp_path):
    """Run a batch with the summary beside the files: the link of
    \\\\evil.example\\share\\y.xlsx was that UNC path itself."""
    from urllib.parse import unquote_to_bytes

    names = [name for name in HOSTILE_NAMES if not name.startswith("gbk")]  # GBK: hard-files
    inbox = tmp_path / "in"
    inbox.mkdir()
    for name in names:
        standard(inbox / name)
    code, _, err = run(["batch", inbox, "-o", inbox / "汇总.xlsx", "--workers", "1"])
    assert code in (0, 1), err
    targets = link_targets(inbox / "汇总.xlsx")
    assert all(_safe_relative(target) for target in targets), targets
    opened = {os.fsdecode(unquote_to_bytes(target[2:])) for target in targets}
    assert opened == set(names)  # each link opens the file read, by its own name


def test_no_link_to_a_file_the_batch_did_not_read(tmp_path):
    read = str(tmp_path / "read.xlsx")
    forged = "\\\\evil.example\\share\\y.xlsx"  # an outcome naming a file never read
    with Summary() as summary:
        summary.add(Outcome(read, {"file": read, "sheet": "表", "findings": []}))
        summary.add(Outcome(forged, {"file": forged, "sheet": "表", "findings": []}))
        write_summary(tmp_path / "s.xlsx", summary, BatchRun([read], [read], {}))
    assert link_targets(tmp_path / "s.xlsx") == ["./read.xlsx"]


# ================================================================ environment (item 10)

@pytest.mark.parametrize("value", ["inf", "1e400", "-inf", "nan", "junk", "-1", "1e999999"])
@pytest.mark.parametrize("command", ["check", "batch"])
def test_a_limit_set_to_junk_is_refused_naming_the_variable(tmp_path, monkeypatch, value,
                                                            command):
    path = standard(tmp_path / "t.xlsx")
    monkeypatch.setenv("JIXIAO_MAX_CELLS", value)
    argv = ["check", path] if command == "check" else ["batch", tmp_path, "-o",
                                                      tmp_path / "out" / "s.xlsx"]
    code, out, err = run(argv)
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("jixiao：") and "JIXIAO_MAX_CELLS" in err, err
    assert not (tmp_path / "out" / "s.xlsx").exists()


def test_a_huge_finite_limit_means_no_limit(tmp_path, monkeypatch):
    monkeypatch.setenv("JIXIAO_MAX_FILE_MB", "1e300")
    assert run(["check", standard(tmp_path / "t.xlsx")])[0] == 0


def _many_copies(tmp_path: Path, count: int) -> list[str]:
    book = Book()
    standard_sheet(book.sheet(), total=(100, 90))  # JX501: exit 1
    first = book.save(tmp_path / "t0.xlsx")
    files = [str(first)]
    for number in range(1, count):
        files.append(str(shutil.copy(first, tmp_path / f"t{number}.xlsx")))
    return files


def test_a_closed_pipe_ends_quietly_with_the_commands_exit_code(tmp_path):
    """``jixiao check many.xlsx | head -1``: was a BrokenPipeError traceback."""
    files = _many_copies(tmp_path, 40)  # ~200 KB of JSON: more than a pipe holds
    process = subprocess.Popen([sys.executable, "-m", "jixiao", "check", "--json", *files],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline().strip() == b"["
    process.stdout.close()
    code = process.wait(timeout=120)
    err = process.stderr.read().decode()
    assert err == ""
    assert code == 1  # what the whole output would have said


def test_stdout_on_a_full_device_is_one_line_and_exit_2(tmp_path):
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    files = _many_copies(tmp_path, 3)
    for argv in (["check", *files], ["check", "--json", *files], ["--help"], ["rules"]):
        with open("/dev/full", "w") as full:
            done = jixiao(*argv, stdout=full, stderr=subprocess.PIPE, capture_output=False)
        assert done.returncode == 2, (argv, done.stderr)
        assert done.stderr == "jixiao：无法输出结果（磁盘空间不足）\n", done.stderr


class _FullDisk(io.RawIOBase):
    """A file on a disk with room for ``room`` bytes."""

    def __init__(self, room: int) -> None:
        self.room, self.position = room, 0

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def write(self, data) -> int:  # type: ignore[no-untyped-def,override]
        if self.position + len(data) > self.room:
            raise OSError(28, "No space left on device")
        self.position += len(data)
        return len(data)

    def tell(self) -> int:
        return self.position

    def seek(self, offset: int, whence: int = 0) -> int:
        self.position = offset if whence == 0 else self.position + offset
        return self.position


@pytest.mark.parametrize("room", [0, 2_000, 9_000])
def test_a_summary_on_a_full_disk_is_one_chinese_error_and_no_zipfile_noise(
        tmp_path, monkeypatch, room):
    import builtins

    real_open = io.open

    def full_open(path, mode="r", *args, **kwargs):  # type: ignore[no-untyped-def]
        if "w" in mode and "b" in mode and ".s.xlsx." in str(path):  # the summary's temporary
            return io.BufferedWriter(_FullDisk(room), 1024)
        return real_open(path, mode, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", full_open)
    monkeypatch.setattr(io, "open", full_open)  # zipfile's
    unraisable = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    files = [str(tmp_path / f"{number}.xlsx") for number in range(50)]
    with Summary() as summary:
        for file in files:
            summary.add(Outcome(file, {"file": file, "sheet": "表", "findings": [
                {"code": "JX101", "severity": "error", "sheet": "表", "cell": "G43",
                 "message": "分值合计为 90，应为 100"}]}))
        with pytest.raises(OutputError, match="磁盘空间不足"):
            write_summary(tmp_path / "s.xlsx", summary, BatchRun(files, files, {}))
    gc.collect()
    assert unraisable == []  # was: Exception ignored in ZipFile.__del__
    assert not (tmp_path / "s.xlsx").exists()
    assert [path.name for path in tmp_path.iterdir()] == []


def test_a_cache_on_a_full_disk_is_one_chinese_line(tmp_path, monkeypatch):
    import sqlite3

    from jixiao.batch.run import ResultCache

    def full(self):  # type: ignore[no-untyped-def]
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(ResultCache, "commit", full)
    (tmp_path / "in").mkdir()
    standard(tmp_path / "in" / "t.xlsx")
    code, out, err = run(["batch", tmp_path / "in", "-o", tmp_path / "s.xlsx"])
    assert code == 2
    assert err == "jixiao：无法完成：读写缓存时出错（磁盘空间不足）；请检查磁盘空间后重试\n"


def _can_mount_tmpfs() -> bool:
    if shutil.which("unshare") is None or sys.platform != "linux":
        return False
    done = subprocess.run(["unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"],
                          capture_output=True)
    return done.returncode == 0


@pytest.mark.skipif(not _can_mount_tmpfs(), reason="cannot mount a small tmpfs here")
def test_batch_on_a_really_full_disk_never_prints_a_traceback(tmp_path):
    """A real full disk (a small tmpfs): whichever of the cache, the summary or the JSON
    Lines finds it full, one Chinese line, exit 2, no traceback, no ZipFile noise."""
    inbox = tmp_path / "in"
    inbox.mkdir()
    for number in range(30):
        _infinite_workbook(inbox / f"t{number}.xlsx")
    normal = tmp_path / "normal"
    done = jixiao("batch", str(inbox), "-o", str(normal / "s.xlsx"), "--json",
                  str(normal / "r.jsonl"), "--workers", "1")
    assert done.returncode == 1, done.stderr
    pages = sum((path.stat().st_size + 4095) // 4096 for path in normal.iterdir())
    full = tmp_path / "full"
    full.mkdir()
    said = []
    for share in (0.05, 0.3, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95):
        size = max(1, int(pages * share)) * 4
        script = (f"mount -t tmpfs -o size={size}k tmpfs {full} && exec {sys.executable} -m "
                  f"jixiao batch {inbox} -o {full}/s.xlsx --json {full}/r.jsonl --workers 1 "
                  "--force")
        done = subprocess.run(["unshare", "-rm", "sh", "-c", script], capture_output=True,
                              text=True, timeout=120, cwd=ROOT)
        assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr, (
            size, done.stderr)
        # a cache that cannot be made, or fails, or gives way to the summary, is said in
        # its own Chinese line (the batch goes on, the cache in memory, its files removed)
        lines = [line for line in done.stderr.splitlines(keepends=True)
                 if not (line.startswith("jixiao batch：缓存") and "database" not in line
                         and "disk" not in line)
                 # a slow machine's progress lines (已完成 22/30 个文件) are no error lines
                 and not line.startswith("jixiao batch：已完成")]
        if done.returncode != 1:
            assert done.returncode == 2, (size, done.stderr)
            assert len(lines) == 1 and lines[0].startswith("jixiao："), (size, done.stderr)
            said.append(lines[0])
    assert any("s.xlsx”：磁盘空间不足" in line for line in said), said
    assert any("r.jsonl”：磁盘空间不足" in line for line in said), said


# ================================================================ the property (items 2, 11)

_PREFIXES = ("=", "+", "-", "@")
_TOKENS = ("1+1", "cmd|' /C calc'!A0", "SUM(A1)", 'HYPERLINK("http://evil.example")', "QZX",
           "\u009b2J", "\u009d0;t\u009c", "\u202e", "\u2066", "\x7f", " ", "项目", "A1", "!",
           "'", '"')
_CELL_TOKENS = (*_TOKENS, "\n", "\t")
_NAME_TOKENS = ("\x1b[2J", "\x1b]0;t\x07", "\r", "\t", "\n", "=", "@", "QZX", "项目", "\u202e",
                "\x9b")
MARK = "QZX"  # in every text from input: no formula of jixiao's own holds it


@st.composite
def hostile_text(draw, tokens=_CELL_TOKENS, size=6):  # type: ignore[no-untyped-def]
    prefix = draw(st.sampled_from(_PREFIXES))
    body = "".join(draw(st.lists(st.sampled_from(tokens), max_size=size)))
    return f"{prefix}{MARK}{body}"


@st.composite
def sheet_name(draw):  # type: ignore[no-untyped-def]
    text = draw(hostile_text(tokens=tuple(t for t in _TOKENS if t not in ("'", "!")), size=3))
    return re.sub(r"[\[\]:*?/\\]", "", text)[:31].rstrip("'")


def _hostile_workbook(folder: Path, sheet: str, project: str, indicators: list[str],
                      file_name: str) -> Path:
    rows = [list(row) for row in PUTUO_1_ROWS]
    for row, name in zip(rows, indicators, strict=False):
        row[2] = name
    book = Book()
    standard_sheet(book.sheet(sheet), rows=rows, name=project, total=(100, 90))  # JX501
    folder.mkdir(parents=True, exist_ok=True)
    return book.save(folder / file_name)


def _formulas_from_input(path: Path) -> list[tuple[str, str, str]]:
    return [item for item in formula_cells(path) if MARK in item[2].upper()]


TARGETS = ["check", "batch-summary", "convert", "check-annotated", "batch-annotated"]


@pytest.mark.parametrize("target", TARGETS)
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(sheet=sheet_name(), project=hostile_text(),
       indicators=st.lists(hostile_text(), min_size=1, max_size=5),
       file_name=hostile_text(tokens=_NAME_TOKENS, size=4))
@example(sheet="=QZX|' -c calc'", project="=QZX+1", indicators=["@QZX", "+QZX", "-QZX"],
         file_name="=QZX\x1b[2J")
def test_no_input_text_becomes_a_formula_or_reaches_the_terminal(tmp_path_factory, target,
                                                                sheet, project, indicators,
                                                                file_name):
    """Workbooks whose sheet, project and indicator names start with =, +, -, @ or hold
    control characters: no formula cell of any output holds their text, and no printed
    line holds a raw control character."""
    folder = tmp_path_factory.mktemp("p")
    source = _hostile_workbook(folder / "in", sheet, project, indicators,
                               file_name.replace("/", "") + ".xlsx")
    outputs: list[Path] = []
    if target == "check":  # what it prints (the annotated copy is the next target)
        code, out, err = run(["check", source])
        assert code == 1, out + err
        code, json_out, _ = run(["check", "--json", source])
        strict_json(json_out)
        out += json_out
    elif target == "check-annotated":
        code, out, err = run(["check", "--annotate", folder / "a.xlsx", source])
        assert code == 1, out + err
        outputs.append(folder / "a.xlsx")
    elif target in ("batch-summary", "batch-annotated"):
        code, out, err = run(["batch", folder / "in", "-o", folder / "s.xlsx", "--annotate-dir",
                              folder / "ann", "--json", folder / "r.jsonl", "--workers", "1"])
        assert code == 1, out + err
        for line in (folder / "r.jsonl").read_text(encoding="utf-8").splitlines():
            strict_json(line)
        outputs.extend([folder / "s.xlsx"] if target == "batch-summary"
                       else sorted((folder / "ann").rglob("*.xlsx")))
    else:
        code, out, err = run(["convert", source, "-o", folder / "c.xlsx"])
        assert code == 0, out + err
        outputs.append(folder / "c.xlsx")
    assert not has_control(out + err), [line for line in (out + err).splitlines()
                                        if has_control(line)]
    assert all(path.is_file() for path in outputs) and (outputs or target == "check")
    for path in outputs:
        assert _formulas_from_input(path) == [], path


def test_summary_texts_are_text_cells_whatever_they_start_with(tmp_path):
    """汇总, 问题明细 and 统计: project, 主管部门, 实施单位, sheet, message, reason."""
    file = str(tmp_path / "=QZX.xlsx")
    hostile = {"file": file, "sheet": "=QZX|' -c calc'", "project": {
        "name": "=QZX+1", "department": "@QZX", "unit": "+QZX|' /C calc'!A0"},
        "grade_declared": "-QZX", "findings": [
            {"code": "JX101", "severity": "error", "sheet": "=QZX|' -c calc'", "cell": "G43",
             "message": "=QZX()"}]}
    with Summary() as summary:
        summary.add(Outcome(file, [hostile, dict(hostile)], notes=["=QZX 注意"]))
        write_summary(tmp_path / "s.xlsx", summary, BatchRun([file], [file], {}))
    assert _formulas_from_input(tmp_path / "s.xlsx") == []
    from openpyxl import load_workbook

    texts = [cell.value for ws in load_workbook(tmp_path / "s.xlsx").worksheets
             for row in ws.iter_rows() for cell in row if isinstance(cell.value, str)]
    assert {"=QZX+1", "@QZX", "+QZX|' /C calc'!A0", "=QZX()", "=QZX|' -c calc'!G43"} <= set(texts)


@pytest.mark.skipif(shutil.which("script") is None, reason="no script(1) to fake a terminal")
def test_the_progress_bar_keeps_its_own_escapes_on_a_terminal(tmp_path):
    """Escaping stops file names acting on the terminal, not the bar drawing itself."""
    _many_copies(tmp_path, 3)
    command = (f"{sys.executable} -m jixiao batch {tmp_path} -o {tmp_path}/out/s.xlsx "
               "--workers 1")
    done = subprocess.run(["script", "-qc", command, "/dev/null"], capture_output=True,
                          timeout=120, cwd=ROOT)
    assert b"\x1b[" in done.stdout          # the bar, drawn
    assert b"\\x1b" not in done.stdout      # not shown as text


def test_json_lines_hold_any_file_name_and_no_infinity(tmp_path):
    """A GBK file name (bytes that are not UTF-8) and a number that escaped as infinite:
    the line is still strict JSON, written as UTF-8 (was: UnicodeEncodeError)."""
    from jixiao.batch.run import write_jsonl

    file = os.fsdecode("自评表".encode("gbk")) + ".xlsx"
    report = {"file": file, "findings": [], "funds": {"budget": float("inf")}, "sheet": "表"}

    class Cache:
        def get(self, key):  # type: ignore[no-untyped-def]
            return Outcome(file, report)

    write_jsonl(tmp_path / "r.jsonl", Cache(), BatchRun([file], [file], {file: "k"}))  # type: ignore[arg-type]
    [line] = (tmp_path / "r.jsonl").read_text(encoding="utf-8").splitlines()
    data = strict_json(line)
    assert data["file"] == file and data["funds"]["budget"] is None


def test_summary_of_a_gbk_file_name_shows_it_and_links_to_its_bytes(tmp_path):
    """A Windows archive unzipped on Linux: names in GBK bytes. The 文件 cell reads as
    the name was meant; the link opens that very file; two such names stay two rows."""
    from openpyxl import load_workbook

    files = [str(tmp_path / (os.fsdecode(name.encode("gbk")) + ".xlsx"))
             for name in ("自评表", "测试")]
    files.append(str(tmp_path / "自评表.xlsx"))  # the same name in UTF-8: another file
    with Summary() as summary:
        for file in files:
            summary.add(Outcome(file, {"file": file, "error": f"“{Path(file).name}”已损坏",
                                       "findings": []}))
        write_summary(tmp_path / "s.xlsx", summary, BatchRun(files, files, {}))
    rows = list(load_workbook(tmp_path / "s.xlsx")["汇总"].iter_rows(values_only=True))[1:]
    shown = sorted(Path(row[0]).name for row in rows)
    assert shown == ["测试.xlsx", "自评表.xlsx", "自评表.xlsx"]
    assert all("已损坏" in row[11] and "\ufffd" not in row[11] for row in rows)
    from urllib.parse import unquote_to_bytes

    opened = sorted(os.fsdecode(unquote_to_bytes(target[2:]))
                    for target in link_targets(tmp_path / "s.xlsx"))
    assert opened == sorted(Path(file).name for file in files)
