"""A cached result holds only under the limits it was made under (rt33 r3): a file given
up on at the time limit is checked again under another limit, a run under other
``JIXIAO_MAX_…`` limits checks every file again; a run under the same limits is all hits.
And an output that cannot be written is refused before any file is read."""

import io
import time
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from workbooks import standard

import jixiao.batch.work
from jixiao.cli.main import main


def batch(*args):
    out = io.StringIO()
    with redirect_stdout(out):
        code = main(["batch", *map(str, args)])
    return code, out.getvalue()


def two_files(root: Path) -> Path:
    (root / "in").mkdir()
    standard(root / "in" / "a.xlsx")
    standard(root / "in" / "慢.xlsx", name="另一个项目")
    return root / "in"


@pytest.fixture
def slow(monkeypatch):
    """Reading 慢.xlsx takes 5 s."""
    import jixiao.read.workbook

    find_tables = jixiao.read.workbook.find_tables

    def slow_find(*args, **kwargs):
        if args[1] == "慢.xlsx":  # find_tables(grids, file_name, …)
            time.sleep(5)
        return find_tables(*args, **kwargs)

    monkeypatch.setattr("jixiao.read.workbook.find_tables", slow_find)
    return monkeypatch


def must_not_check(monkeypatch, allowed=()):
    check_one = jixiao.batch.work.check_one
    checked = []

    def watched(file, *args, **kwargs):
        checked.append(Path(file).name)
        assert Path(file).name in allowed, f"{file} was checked again"
        return check_one(file, *args, **kwargs)

    monkeypatch.setattr(jixiao.batch.work, "check_one", watched)
    return checked


def test_a_file_given_up_at_the_time_limit_is_checked_again_under_another(
        tmp_path, slow, monkeypatch):
    folder = two_files(tmp_path)
    output = tmp_path / "out" / "汇总.xlsx"
    code, out = batch(folder, "-o", output, "--timeout", "0.3", "--workers", "1")
    assert code == 2 and "1 张通过，1 个文件无法读取" in out
    # the same limit: both from the cache, the slow file not tried again
    with monkeypatch.context() as patch:
        must_not_check(patch)
        code, out = batch(folder, "-o", output, "--timeout", "0.3", "--workers", "1")
    assert code == 2 and "（2 个未变化" in out
    # no limit: the file given up on is checked again, the other one still a hit
    slow.undo()
    with monkeypatch.context() as patch:
        checked = must_not_check(patch, allowed=("慢.xlsx",))
        code, out = batch(folder, "-o", output, "--timeout", "0", "--workers", "1")
    assert checked == ["慢.xlsx"]
    assert code == 0 and "（1 个未变化" in out and "2 张通过，0 个文件无法读取" in out


def test_batch_takes_its_time_limit_from_the_environment(tmp_path, slow, monkeypatch):
    """docs/hardening.md: JIXIAO_TIMEOUT sets batch's limit as it sets check's (before,
    batch's --timeout defaulted to 60 and the variable was ignored)."""
    folder = two_files(tmp_path)
    monkeypatch.setenv("JIXIAO_TIMEOUT", "0.3")
    started = time.monotonic()
    code, out = batch(folder, "-o", tmp_path / "汇总.xlsx", "--workers", "1")
    assert code == 2 and "1 个文件无法读取" in out and time.monotonic() - started < 4
    slow.undo()
    monkeypatch.setenv("JIXIAO_TIMEOUT", "0")
    code, out = batch(folder, "-o", tmp_path / "汇总.xlsx", "--workers", "1")
    assert code == 0 and "（1 个未变化" in out


def test_other_size_limits_check_every_file_again_the_same_ones_none(tmp_path, monkeypatch):
    """JIXIAO_MAX_ROWS (which the note on a skipped sheet names) and the other limits
    can change any file's result: a run under other limits checks them all again."""
    folder = two_files(tmp_path)
    output = tmp_path / "汇总.xlsx"
    monkeypatch.setenv("JIXIAO_MAX_ROWS", "5")  # the tables' sheets are skipped
    code, out = batch(folder, "-o", output, "--workers", "1")
    assert code == 2 and "0 张通过" in out
    with monkeypatch.context() as patch:
        must_not_check(patch)
        code, out = batch(folder, "-o", output, "--workers", "1")
    assert code == 2 and "（2 个未变化" in out
    monkeypatch.delenv("JIXIAO_MAX_ROWS")
    code, out = batch(folder, "-o", output, "--workers", "1")
    assert code == 0 and "（0 个未变化" in out and "2 张通过" in out
    monkeypatch.setenv("JIXIAO_MAX_UNPACKED_MB", "500")
    code, out = batch(folder, "-o", output, "--workers", "1")
    assert "（0 个未变化" in out


# ---------------------------------------------------------------- an output that cannot be written

def refused_at_once(monkeypatch, capsys, *args) -> str:
    """``jixiao batch`` refused with exit 2 before any file was read; its message."""
    import jixiao.batch.discover

    def must_not_discover(*args, **kwargs):
        raise AssertionError("files were looked for though the output cannot be written")

    with monkeypatch.context() as patch:
        patch.setattr(jixiao.batch.discover, "discover", must_not_discover)
        must_not_check(patch)
        code, out = batch(*args)
    err = capsys.readouterr().err
    assert code == 2 and "已校验" not in out, (out, err)
    return err


def test_a_read_only_or_open_summary_is_refused_before_any_file_is_read(
        tmp_path, monkeypatch, capsys):
    """rt33 r3: a summary that could not be replaced was told only after every file was
    checked. (A read-only file is told by its mode, which holds for root too.)"""
    folder = two_files(tmp_path)
    output = tmp_path / "out" / "汇总.xlsx"
    assert batch(folder, "-o", output, "--workers", "1")[0] == 0
    before = output.read_bytes()
    output.chmod(0o444)
    err = refused_at_once(monkeypatch, capsys, folder, "-o", output, "--force")
    assert f"汇总表“{output}”是只读文件" in err and "取消只读属性" in err
    output.chmod(0o644)
    lock = output.with_name("~$汇总.xlsx")  # Excel has it open
    lock.write_bytes(b"reviewer")
    err = refused_at_once(monkeypatch, capsys, folder, "-o", output, "--force")
    assert f"汇总表“{output}”似乎正被 Excel/WPS/LibreOffice 打开" in err and "请先关闭它" in err
    lock.unlink()
    (tmp_path / "out" / "结果.jsonl").write_text("")
    (tmp_path / "out" / "结果.jsonl").chmod(0o444)
    err = refused_at_once(monkeypatch, capsys, folder, "-o", output,
                          "--json", tmp_path / "out" / "结果.jsonl")
    assert f"JSON Lines“{tmp_path / 'out' / '结果.jsonl'}”是只读文件" in err
    assert output.read_bytes() == before and not list((tmp_path / "out").glob(".*.tmp"))


def test_a_summary_in_a_folder_that_cannot_be_written_is_refused_at_once(
        tmp_path, monkeypatch, capsys):
    """A folder where no file can be made (no permission, a read-only disk; root may
    write anywhere, so the refusal of the operating system is made here), and a path
    through a file."""
    folder = two_files(tmp_path)
    (tmp_path / "out").mkdir()
    import tempfile

    made = tempfile.mkstemp

    def refused(*args, dir=None, **kwargs):
        if Path(dir) == tmp_path / "out":
            raise PermissionError(13, "Permission denied")
        return made(*args, dir=dir, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(tempfile, "mkstemp", refused)
        err = refused_at_once(monkeypatch, capsys, folder, "-o", tmp_path / "out" / "汇总.xlsx")
    assert f"无法写入汇总表“{tmp_path / 'out' / '汇总.xlsx'}”" in err
    assert f"不能在文件夹“{tmp_path / 'out'}”中新建文件（没有权限）" in err
    (tmp_path / "文件").write_text("")
    err = refused_at_once(monkeypatch, capsys, folder, "-o", tmp_path / "文件" / "汇总.xlsx")
    assert "无法创建目录" in err and "同名的文件已存在" in err
