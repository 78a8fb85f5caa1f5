"""Hostile file systems (issue 11): planted links, outputs that are inputs, concurrent
in-place runs, a poisoned cache, colliding annotated copies, odd inbox entries, and
workers that must die with a killed batch. Each test failed on the code before the fix."""

import io
import json
import os
import signal
import sqlite3
import stat
import subprocess
import sys
import tempfile
import time
import zipfile
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from hostile import INBOX, inbox_markdown, odd_inbox
from openpyxl import load_workbook
from workbooks import Book, standard, standard_sheet

from jixiao.cli.main import main
from jixiao.xlsx.marks import ANNOTATED_MARK, written_by_jixiao

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
posix_only = pytest.mark.skipif(os.name != "posix", reason="links, pipes and signals of POSIX")
VICTIM = b"a file jixiao must never touch\n"


@pytest.fixture(autouse=True)
def private_cache_key(tmp_path, monkeypatch):
    """Each test its own user cache folder (where the cache's secret key lives)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))


def run(*args):
    """``jixiao …`` in this process: (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    previous = sys.stderr
    sys.stderr = err
    try:
        with redirect_stdout(out):
            code = main([str(arg) for arg in args])
    finally:
        sys.stderr = previous
    assert "Traceback" not in out.getvalue() + err.getvalue()
    return code, out.getvalue(), err.getvalue()


def template(path: Path) -> Path:
    """A workbook with formulas, so that a recalculation changes its bytes: the new
    template, saved again by openpyxl (which keeps no calculated results)."""
    from openpyxl import load_workbook

    assert run("new", path)[0] == 0
    book = load_workbook(path)
    book.save(path)
    return path


def with_errors(path: Path) -> Path:
    """A table ``jixiao check`` finds errors in (the total does not add up)."""
    book = Book()
    sheet = book.sheet("自评表")
    standard_sheet(sheet)
    book.save(path)
    book = load_workbook(path)
    for row in book["自评表"].iter_rows():
        for cell in row:
            if cell.value == 99.98:
                cell.value = 80
    book.save(path)
    return path


def summary_rows(path: Path) -> list[tuple]:
    sheet = load_workbook(path, read_only=True)["汇总"]
    return [row for row in sheet.iter_rows(min_row=2, values_only=True) if row[0]]


# ================================================================ 1: planted links

@posix_only
def test_the_default_recalc_output_is_never_written_through_a_planted_link(tmp_path):
    source = template(tmp_path / "x.xlsx")
    victim = tmp_path / "victim"
    victim.write_bytes(VICTIM)
    (tmp_path / "x.recalc.xlsx").symlink_to(victim)
    code, out, _ = run("recalc", source)  # the name taken: written beside it (rt30)
    assert code == 0 and "x.recalc (2).xlsx" in out and zipfile.is_zipfile(tmp_path / "x.recalc (2).xlsx")
    code, _, err = run("recalc", source, "--force")  # to be replaced: a link is refused
    assert code == 2 and "符号链接" in err and "x.recalc.xlsx" in err
    assert victim.read_bytes() == VICTIM
    output = tmp_path / "named.xlsx"
    output.symlink_to(victim)  # a link the user names with -o is theirs: followed with --force
    assert run("recalc", source, "-o", output)[0] == 0  # without: a name taken, never followed
    assert victim.read_bytes() == VICTIM and zipfile.is_zipfile(tmp_path / "named (2).xlsx")
    assert run("recalc", source, "-o", output, "--force")[0] == 0
    assert output.is_symlink() and zipfile.is_zipfile(victim)


@posix_only
def test_a_planted_backup_link_is_never_written_through(tmp_path):
    source = template(tmp_path / "x.xlsx")
    original = source.read_bytes()
    victim = tmp_path / "victim"
    victim.write_bytes(VICTIM)
    (tmp_path / "x.xlsx.bak").symlink_to(victim)
    code, out, _ = run("recalc", source, "--in-place")
    assert code == 0 and "原文件已备份为：" in out and "x.xlsx.1.bak" in out
    assert victim.read_bytes() == VICTIM
    assert (tmp_path / "x.xlsx.1.bak").read_bytes() == original


@posix_only
def test_annotated_copies_are_never_written_through_a_planted_link(tmp_path):
    inbox, marked = tmp_path / "in", tmp_path / "标注"
    inbox.mkdir()
    marked.mkdir()
    standard(inbox / "x.xlsx")
    victim = tmp_path / "victim"
    victim.write_bytes(VICTIM)
    (marked / "x-校验.xlsx").symlink_to(victim)
    code, out, _ = run("batch", inbox, "-o", tmp_path / "s.xlsx", "--annotate-dir", marked,
                       "--workers", "1")
    # as check --annotate FOLDER: the name taken is kept (the link too), the copy beside it
    assert code == 0 and "（“x-校验.xlsx”已存在，未覆盖；请把它移走或改名）" in out
    assert victim.read_bytes() == VICTIM and (marked / "x-校验.xlsx").is_symlink()
    assert written_by_jixiao(str(marked / "x-校验 (2).xlsx")) == ANNOTATED_MARK
    [row] = summary_rows(tmp_path / "s.xlsx")
    assert "x-校验 (2).xlsx" in str(row) and "未能写出" not in str(row)
    code, out, _ = run("batch", inbox, "-o", tmp_path / "s.xlsx", "--annotate-dir", marked,
                       "--workers", "1", "--force")  # --force only skips the cache
    assert code == 0 and "（“x-校验.xlsx”已存在，未覆盖；请把它移走或改名）" in out
    assert victim.read_bytes() == VICTIM and (marked / "x-校验.xlsx").is_symlink()
    [row] = summary_rows(tmp_path / "s.xlsx")
    assert "x-校验 (2).xlsx" in str(row) and "未能写出" not in str(row)


@posix_only
def test_the_cache_is_never_opened_through_a_planted_link(tmp_path):
    inbox = tmp_path / "in"
    inbox.mkdir()
    standard(inbox / "x.xlsx")
    victim = tmp_path / "victim"
    victim.write_bytes(VICTIM)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / ".jixiao-cache.sqlite").symlink_to(victim)
    code, _, err = run("batch", inbox, "-o", tmp_path / "out" / "s.xlsx", "--workers", "1")
    assert code == 0 and "未使用也未改动" in err
    assert victim.read_bytes() == VICTIM


def test_a_245_byte_name_can_be_recalculated_in_place(tmp_path):
    name = "长" * 80 + ".xlsx"  # 245 bytes: the hidden temporary name must still fit
    assert len(name.encode()) == 245
    source = template(tmp_path / name)
    code, out, _ = run("recalc", source, "--in-place")
    assert code == 0 and f"{name}.bak" in out


# ================================================================ 6: outputs that are inputs

def test_an_output_that_is_an_input_is_refused(tmp_path):
    inbox = tmp_path / "in"
    inbox.mkdir()
    first, second = standard(inbox / "a.xlsx"), standard(inbox / "b.xlsx")
    standard(inbox / "a-校验.xlsx")  # a submission named as a's annotated copy would be
    kept = {path: path.read_bytes() for path in inbox.iterdir()}
    for argv, says in (
            (["batch", inbox, "-o", second], "就是要校验的文件"),
            (["batch", inbox, "-o", tmp_path / "s.xlsx", "--json", second], "就是要校验的文件"),
            (["check", first, "--annotate", first], "不能覆盖原文件"),
            (["convert", first, "-o", second, "--force"], None),  # another file: replaced …
    ):
        code, out, err = run(*argv)
        if says is None:
            assert code == 0
            kept[second] = second.read_bytes()
            continue
        assert code == 2 and says in err, (argv, out, err)
    # a copy never takes the name of a file checked: a's is a-校验-2.xlsx, as batch names it
    code, out, err = run("check", first, inbox / "a-校验.xlsx", "--annotate", inbox)
    assert code == 0 and f"已写入标注副本：{inbox / 'a-校验-2.xlsx'}" in out, (out, err)
    assert all(path.read_bytes() == data for path, data in kept.items())


@posix_only
def test_a_hard_link_to_an_input_is_that_input(tmp_path):
    inbox = tmp_path / "in"
    inbox.mkdir()
    source = standard(inbox / "a.xlsx")
    data = source.read_bytes()
    other = tmp_path / "别名.xlsx"
    os.link(source, other)
    for argv in (["batch", inbox, "-o", other], ["convert", source, "-o", other, "--force"],
                 ["check", source, "--annotate", other]):
        code, _, err = run(*argv)
        assert code == 2 and "不能覆盖原文件" in err, (argv, err)
    assert source.read_bytes() == data


def test_a_summary_jixiao_wrote_among_the_inputs_is_replaced_again(tmp_path):
    inbox = tmp_path / "in"
    inbox.mkdir()
    standard(inbox / "a.xlsx")
    assert run("batch", inbox, "-o", inbox / "汇总.xlsx", "--workers", "1")[0] == 0
    code, out, _ = run("batch", inbox, "-o", inbox / "汇总.xlsx", "--workers", "1")
    assert code == 0 and "已校验 1/1" in out


# ================================================================ 7: in-place backups

def test_the_first_backup_is_never_overwritten(tmp_path):
    source = template(tmp_path / "x.xlsx")
    original = source.read_bytes()
    code, out, _ = run("recalc", source, "--in-place")
    assert code == 0 and f"原文件已备份为：{tmp_path / 'x.xlsx.bak'}" in out
    once = source.read_bytes()
    assert once != original
    with zipfile.ZipFile(source, "a") as archive:  # the clerk edits and recalculates again
        archive.writestr("docProps/custom-note.txt", "edited")
    edited = source.read_bytes()
    code, out, _ = run("recalc", source, "--in-place")
    assert code == 0 and "x.xlsx.1.bak" in out
    assert (tmp_path / "x.xlsx.bak").read_bytes() == original
    assert (tmp_path / "x.xlsx.1.bak").read_bytes() == edited
    # a file identical to a backup already kept is not copied again
    source.write_bytes(original)
    code, out, _ = run("recalc", source, "--in-place")
    assert code == 0 and f"原文件已备份为：{tmp_path / 'x.xlsx.bak'}" in out
    assert sorted(path.name for path in tmp_path.glob("x.xlsx*.bak")) == [
        "x.xlsx.1.bak", "x.xlsx.bak"]


@posix_only
def test_ten_concurrent_in_place_runs_keep_the_original(tmp_path):
    source = template(tmp_path / "x.xlsx")
    original = source.read_bytes()
    runs = [subprocess.Popen([sys.executable, "-m", "jixiao", "recalc", str(source),
                              "--in-place"], env=ENV, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for _ in range(10)]
    results = [(process.wait(timeout=120), *process.communicate()) for process in runs]
    for code, out, err in results:
        assert "Traceback" not in out + err
        assert code == 0 or (code == 2 and "正被其他程序使用" in err), (code, out, err)
    assert any(code == 0 for code, _, _ in results)
    assert (tmp_path / "x.xlsx.bak").read_bytes() == original
    with zipfile.ZipFile(source) as archive:
        assert archive.testzip() is None
    assert not list(tmp_path.glob(".*.tmp"))


# ================================================================ 8: the cache

def _forge(cache: Path, file: Path, rules=None, schema="old") -> None:
    """A cache row that says ``file`` passed, under the key the public code computes."""
    from jixiao.batch.run import CACHE_NAME, ResultCache, content_hash

    folder = cache.parent
    key = ResultCache.__new__(ResultCache)
    from jixiao.batch.cache import limits_text
    from jixiao.batch.run import code_fingerprint

    key.salt = f"{code_fingerprint()}\0{rules or ''}\0{limits_text()}\0"
    content = key.content_key(str(file), content_hash(str(file)))
    row_key = key.key(str(file), content)
    forged = {"file": str(file), "report": {"file": str(file), "project": {
        "name": "伪造的项目", "department": "伪造"}, "findings": []}, "notes": [],
        "annotated": None}
    text = json.dumps(forged, ensure_ascii=False)
    with sqlite3.connect(folder / CACHE_NAME) as db:
        if schema == "old":
            db.execute("CREATE TABLE result (key TEXT PRIMARY KEY, file TEXT, outcome TEXT, "
                       "brief TEXT, used REAL)")
            db.execute("INSERT INTO result VALUES (?, ?, ?, ?, ?)",
                       (row_key, str(file), text, text, time.time()))
        else:
            db.execute("INSERT OR REPLACE INTO result VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       (row_key, content, 0, str(file), text, text, time.time(), "0" * 64,
                        "0" * 64))


def test_a_planted_cache_cannot_make_a_bad_file_pass(tmp_path):
    inbox, out = tmp_path / "in", tmp_path / "out"
    inbox.mkdir()
    out.mkdir()
    bad = with_errors(inbox / "bad.xlsx")
    _forge(out / "s.xlsx", bad)
    code, _, err = run("batch", inbox, "-o", out / "s.xlsx", "--workers", "1")
    assert code == 1 and "已重建" in err
    [row] = summary_rows(out / "s.xlsx")
    assert "伪造的项目" not in row and "有错误" in row
    # now a row forged in jixiao's own schema: its seal is wrong, so it is ignored
    _forge(out / "s.xlsx", bad, schema="new")
    code, _, err = run("batch", inbox, "-o", out / "s.xlsx", "--workers", "1")
    assert code == 1 and "无法验证" in err
    assert "伪造的项目" not in summary_rows(out / "s.xlsx")[0]
    # and the row jixiao wrote back is trusted again
    code, out_text, err = run("batch", inbox, "-o", out / "s.xlsx", "--workers", "1")
    assert code == 1 and "1 个未变化" in out_text and "无法验证" not in err


@pytest.mark.parametrize("content", ["not a database", "foreign table", "odd rows"])
def test_a_strange_cache_is_a_note_never_a_crash(tmp_path, content):
    inbox, out = tmp_path / "in", tmp_path / "out"
    inbox.mkdir()
    out.mkdir()
    source = standard(inbox / "a.xlsx")
    cache = out / ".jixiao-cache.sqlite"
    if content == "not a database":
        cache.write_bytes(b"this is not SQLite" * 100)
    else:
        assert run("batch", inbox, "-o", out / "s.xlsx", "--workers", "1")[0] == 0
        with sqlite3.connect(cache) as db:
            if content == "foreign table":
                db.execute("CREATE TABLE other (x)")
            else:
                db.execute("UPDATE result SET brief = NULL, brief_seal = 42, outcome = x'00'")
    before = cache.read_bytes()
    code, out_text, err = run("batch", inbox, "-o", out / "s.xlsx", "--workers", "1")
    assert code == 0 and "已校验 1/1" in out_text, err
    assert str(source.name) in str(summary_rows(out / "s.xlsx"))
    if content != "odd rows":
        assert "未使用也未改动" in err and cache.read_bytes() == before


@posix_only
def test_the_cache_key_is_private_to_the_user(tmp_path):
    inbox = tmp_path / "in"
    inbox.mkdir()
    standard(inbox / "a.xlsx")
    assert run("batch", inbox, "-o", tmp_path / "s.xlsx", "--workers", "1")[0] == 0
    key = tmp_path / "user-cache" / "jixiao" / "cache-secret"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600 and len(key.read_bytes()) == 32
    os.chmod(key, 0o644)  # readable by others: no longer a secret, not trusted
    code, out, err = run("batch", inbox, "-o", tmp_path / "s.xlsx", "--workers", "1")
    assert code == 0 and "0 个未变化" in out


def test_every_annotated_copy_gets_its_own_name(tmp_path):
    one, two, marked = tmp_path / "一" / "收件", tmp_path / "二" / "收件", tmp_path / "标注"
    (one / "子").mkdir(parents=True)
    (two / "子").mkdir(parents=True)
    files = [standard(one / "子" / "x.xlsx"), with_errors(two / "子" / "x.xlsx"),
             standard(one / "子" / "x.XLSX")]
    code, _, _ = run("batch", one, two, "-o", tmp_path / "s.xlsx", "--annotate-dir", marked,
                     "--workers", "1")
    assert code == 1
    copies = sorted(path.relative_to(marked).as_posix() for path in marked.rglob("*.xlsx"))
    assert copies == ["子/x-校验-2.xlsx", "子/x-校验-3.xlsx", "子/x-校验.xlsx"], copies
    assert len(files) == len(copies)


# ================================================================ 10: odd inbox entries

@posix_only
@pytest.mark.parametrize("annotate", [False, True])
def test_every_odd_inbox_entry_is_a_row_with_a_reason(tmp_path, annotate):
    inbox = odd_inbox(tmp_path, standard(tmp_path / "good.xlsx"))
    output = tmp_path / "出" / "汇总.xlsx"
    argv = [sys.executable, "-m", "jixiao", "batch", str(inbox), "-o", str(output),
            "--json", str(tmp_path / "出" / "r.jsonl"), "--workers", "2", "--timeout", "20"]
    if annotate:
        argv += ["--annotate-dir", str(tmp_path / "标注")]
    done = subprocess.run(argv, env=ENV, capture_output=True, text=True, timeout=120)
    assert "Traceback" not in done.stdout + done.stderr
    assert done.returncode == 2, done.stdout + done.stderr  # unreadable entries: exit 2
    rows = summary_rows(output)
    assert len(rows) == len(INBOX)
    reasons = [entry.reason for entry in INBOX.values() if entry.reason]
    assert sum("通过" in row for row in rows) == len(INBOX) - len(reasons), rows
    for reason in reasons:
        [row] = [row for row in rows if reason in str(row)]
        assert "无法读取" in row
    assert any("甲乙-gbk.xlsx" in str(row[0]) for row in rows)  # GBK bytes shown as GBK
    lines = (tmp_path / "出" / "r.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(INBOX) and all(json.loads(line) for line in lines)
    if annotate:
        copies = list((tmp_path / "标注").iterdir())
        assert len(copies) == len(INBOX) - len(reasons)


def test_docs_hardening_md_lists_every_inbox_entry():
    text = (ROOT / "docs" / "hardening.md").read_text(encoding="utf-8")
    start, end = "<!-- inbox:start -->\n", "<!-- inbox:end -->"
    assert text[text.index(start) + len(start):text.index(end)] == inbox_markdown(), (
        "regenerate the table: python tests/hostile.py inbox")


def test_a_file_name_that_is_not_unicode_is_shown_as_gbk():
    from jixiao.batch.outcome import shown_name

    assert shown_name(os.fsdecode("甲乙".encode("gbk") + "报告".encode())) == "甲乙报告"
    assert shown_name("普通.xlsx") == "普通.xlsx"
    # rt21 #2: read whole, not only the bytes that are not UTF-8 (D2 B5 is "ҵ" in UTF-8)
    name = os.fsdecode("收件/甲单位/".encode() + "乙单位自评表".encode("gbk") + b".xlsx")
    assert "ҵ" in name and shown_name(name) == "收件/甲单位/乙单位自评表.xlsx"
    assert shown_name(f"“{os.fsdecode('丙单位'.encode('gbk'))}”无法读取") == "“丙单位”无法读取"
    # a lone byte that is no GBK either: U+FFFD, the rest read
    assert shown_name(os.fsdecode(b"\xd2\xd2\x80.xlsx")) == "\ufffd\u0480.xlsx"


@posix_only
def test_a_named_pipe_on_the_command_line_never_blocks(tmp_path):
    os.mkfifo(tmp_path / "收件.xlsx")
    done = subprocess.run([sys.executable, "-m", "jixiao", "batch", str(tmp_path / "收件.xlsx"),
                           "-o", str(tmp_path / "s.xlsx")], env=ENV, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    [row] = summary_rows(tmp_path / "s.xlsx")
    assert "不是普通文件" in str(row)


def test_content_hash_does_not_wait_for_a_pipe(tmp_path):
    from jixiao.batch.run import content_hash

    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes")
    os.mkfifo(tmp_path / "p.xlsx")
    assert content_hash(str(tmp_path / "p.xlsx")) == ""  # returned at once: nobody writes


# ================================================================ 9: signals and workers

def _descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if fields[0] != "Z":
                children.setdefault(int(fields[1]), []).append(int(entry.name))
    found, pending = set(), [pid]
    while pending:
        for child in children.get(pending.pop(), []):
            found.add(child)
            pending.append(child)
    return found


def _alive(pids: set[int]) -> set[int]:
    alive = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            alive.add(pid)
    return alive


@pytest.fixture(scope="module")
def slow_inbox(tmp_path_factory):
    """Files that take a worker seconds each: the batch is still running when signalled."""
    from hostile import build

    folder = tmp_path_factory.mktemp("slow")
    slow = build("million-empty-rows", folder / "build").read_bytes()
    for number in range(8):
        (folder / f"慢{number}.xlsx").write_bytes(slow)
    standard(folder / "快.xlsx")
    return folder


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc")
@pytest.mark.parametrize("signal_name", ["SIGKILL", "SIGTERM", "SIGHUP", "SIGINT"])
def test_workers_end_with_a_stopped_batch(tmp_path, slow_inbox, signal_name):
    output = tmp_path / "s.xlsx"
    process = subprocess.Popen([sys.executable, "-m", "jixiao", "batch", str(slow_inbox), "-o",
                                str(output), "--workers", "2", "--timeout", "0", "--force"],
                               env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(workers) < 2:  # 2 workers (forked by the
        time.sleep(0.2)                                         # CLI: no fork server)
        workers = _descendants(process.pid)
    assert len(workers) >= 2, "the workers never started"
    time.sleep(0.5)
    number = getattr(signal, signal_name)
    process.send_signal(number)
    out, err = process.communicate(timeout=60)
    assert "Traceback" not in out + err
    left = _alive(workers)
    deadline = time.monotonic() + 5
    while left and time.monotonic() < deadline:
        time.sleep(0.2)
        left = _alive(workers)
    assert not left, f"still running after {signal_name}: {left}"
    if number == signal.SIGKILL:
        assert process.returncode == -signal.SIGKILL
    else:  # handled as Ctrl-C: the summary of what was done, and 128 + the signal
        assert process.returncode == 128 + number, out + err
        assert "已中断" in err and output.is_file()


@posix_only
def test_annotated_copies_stay_inside_the_annotation_folder(tmp_path):
    inbox, marked, elsewhere = tmp_path / "in", tmp_path / "标注", tmp_path / "别处"
    (inbox / "子").mkdir(parents=True)
    marked.mkdir()
    elsewhere.mkdir()
    standard(inbox / "子" / "x.xlsx")
    (marked / "子").symlink_to(elsewhere)  # planted: 标注/子 → 别处
    code, out, _ = run("batch", inbox, "-o", tmp_path / "s.xlsx", "--annotate-dir", marked,
                       "--workers", "1")
    assert code == 2 and "1 个文件的标注副本未能写出：标注目录中有指向别处的符号链接" in out
    assert list(elsewhere.iterdir()) == []
    [row] = summary_rows(tmp_path / "s.xlsx")
    assert "标注目录之外" in str(row)


@pytest.mark.skipif(os.name != "posix", reason="os.kill(pid, 0)")
def test_a_killed_runs_scratch_folder_is_removed_by_the_next_batch(tmp_path, monkeypatch):
    """A batch killed outright (SIGKILL, the OOM killer) cannot remove its summary's
    scratch folder; the next batch removes the folders of dead processes that have not
    been written for 10 minutes, and leaves a live process's and a fresh one."""
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    dead = int(gone.stdout)
    old = time.time() - 3600
    folders = {name: temp / name for name in (
        f"jixiao-summary-{dead}-old", f"jixiao-summary-{dead}-fresh",
        f"jixiao-summary-{os.getppid()}-alive", "jixiao-summary-other")}
    for name, folder in folders.items():
        folder.mkdir()
        (folder / "rows.tmp").write_text("x")
        if not name.endswith("fresh"):
            for path in (folder / "rows.tmp", folder):
                os.utime(path, (old, old))
    inbox = tmp_path / "in"
    inbox.mkdir()
    standard(inbox / "a.xlsx")
    code, _, _ = run("batch", inbox, "-o", tmp_path / "s.xlsx", "--workers", "1")
    assert code == 0
    assert sorted(path.name for path in temp.iterdir()) == sorted(
        name for name in folders if not name.endswith("old"))
