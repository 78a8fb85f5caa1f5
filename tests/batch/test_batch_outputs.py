"""What the batch says when its own outputs cannot be written (rt29): annotated copies
on a full or read-only disk, a cache that fails or fills the disk."""

import errno
import io
import os
from contextlib import redirect_stdout
from pathlib import Path

from openpyxl import load_workbook
from workbooks import standard, zizhou

from jixiao.batch.summary_book import SUMMARY_COLUMNS
from jixiao.cli.main import main


def batch(*args):
    out = io.StringIO()
    with redirect_stdout(out):
        code = main(["batch", *map(str, args)])
    return code, out.getvalue()


def reasons(summary: Path) -> dict[str, str]:
    return {row[0]: row[SUMMARY_COLUMNS.index("原因")] or "" for row in
            load_workbook(summary)["汇总"].iter_rows(min_row=2, values_only=True)}


def inbox(root: Path) -> Path:
    (root / "收件" / "w2").mkdir(parents=True)
    standard(root / "收件" / "w2" / "a.xlsx")
    standard(root / "收件" / "w2" / "b.xlsx", name="另一项目")
    return root / "收件"


def test_copies_that_cannot_be_written_are_counted_on_the_terminal_and_exit_2(tmp_path):
    folder = inbox(tmp_path)
    marked = tmp_path / "标注"
    marked.mkdir()
    (marked / "w2").write_text("a file where the copies' folder should be")
    code, out = batch(folder, "-o", tmp_path / "s.xlsx", "--annotate-dir", marked,
                      "--workers", "1")
    assert code == 2  # both tables pass: 0 if the copies had been written
    assert "2 个文件的标注副本未能写出：同名的文件已存在；各文件在汇总的“原因”栏写明" in out
    assert all(reason.startswith("未能写出标注副本：无法写入“")
               for reason in reasons(tmp_path / "s.xlsx").values())
    statistics = [row for row in load_workbook(tmp_path / "s.xlsx")["统计"]
                  .iter_rows(values_only=True) if row[0] == "注意"]
    assert "2 个文件的标注副本未能写出" in str(statistics)


def test_a_full_disk_leaves_no_empty_folder_of_copies(tmp_path, monkeypatch):
    folder = inbox(tmp_path)
    zizhou(folder / "z.xlsx")  # its copy is written: its folder (标注) stays

    def full(source, target, *args, **kwargs):
        if "w2" in str(target):
            raise OSError(errno.ENOSPC, "No space left on device", str(target))
        Path(target).write_bytes(b"copy")

    monkeypatch.setattr("jixiao.report.annotate.annotate", full)
    code, out = batch(folder, "-o", tmp_path / "s.xlsx", "--annotate-dir", tmp_path / "标注",
                      "--workers", "1")
    assert code == 2
    assert "2 个文件的标注副本未能写出：磁盘空间不足" in out
    assert sorted(os.listdir(tmp_path / "标注")) == ["z-校验.xlsx"]  # no empty 标注/w2

    (tmp_path / "标注" / "z-校验.xlsx").unlink()
    monkeypatch.setattr("jixiao.report.annotate.annotate", lambda *a, **k: (_ for _ in ()).throw(
        OSError(errno.EROFS, "Read-only file system", str(a[1]))))
    code, out = batch(folder, "-o", tmp_path / "s.xlsx", "--annotate-dir",
                      tmp_path / "新标注", "--workers", "1", "--force")
    assert code == 2 and "3 个文件的标注副本未能写出：所在磁盘是只读的" in out
    assert not (tmp_path / "新标注").exists()  # made by this run, left empty: removed
    assert (tmp_path / "标注").is_dir()  # there before: kept, empty or not


# ---------------------------------------------------------------- the cache

def _cache_files(folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.startswith(".jixiao-cache"))


def test_a_cache_that_fills_the_disk_moves_to_memory_and_leaves_no_file(tmp_path, monkeypatch):
    from jixiao.batch.cache import ResultCache

    folder = inbox(tmp_path)
    zizhou(folder / "z.xlsx")
    prepare = ResultCache._prepare

    def small_disk(self, db, *, on_disk):
        prepare(self, db, on_disk=on_disk)
        if on_disk:  # SQLite's own "database or disk is full" (SQLITE_FULL) at the first rows
            db.execute(f"PRAGMA max_page_count = {db.execute('PRAGMA page_count').fetchone()[0]}")

    monkeypatch.setattr(ResultCache, "_prepare", small_disk)
    out_folder = tmp_path / "out"
    err = io.StringIO()
    monkeypatch.setattr("sys.stderr", err)
    code, out = batch(folder, "-o", out_folder / "s.xlsx", "--json", out_folder / "r.jsonl",
                      "--workers", "1")
    assert code == 1 and "已写入汇总" in out  # 子洲's errors: the summary is written
    assert (f"缓存“{out_folder / '.jixiao-cache.sqlite'}”写入失败（磁盘空间不足）：本次改在内存中缓存，"
            "已删除本次建立的缓存文件，下次运行将全部重新校验") in err.getvalue()
    assert "database" not in err.getvalue() and "可删除" not in err.getvalue()
    assert _cache_files(out_folder) == []
    assert len((out_folder / "r.jsonl").read_text(encoding="utf-8").splitlines()) == 3


def test_the_cache_this_run_made_gives_way_to_the_summary_on_a_full_disk(tmp_path, monkeypatch):
    import collections
    import shutil

    folder = inbox(tmp_path)
    out_folder = tmp_path / "out"
    real = shutil.disk_usage
    usage = collections.namedtuple("usage", "total used free")

    def nearly_full(path):  # the output's disk: 100 KB left once the cache is written
        found = real(path)
        return usage(found.total, found.used, 100_000) if Path(path) == out_folder else found

    monkeypatch.setattr(shutil, "disk_usage", nearly_full)
    err = io.StringIO()
    monkeypatch.setattr("sys.stderr", err)
    code, out = batch(folder, "-o", out_folder / "s.xlsx", "--workers", "1")
    assert code == 0 and (out_folder / "s.xlsx").is_file()
    assert "所在磁盘空间不足，为写出汇总表让出空间：本次改在内存中缓存，已删除本次建立的缓存文件" \
        in err.getvalue()
    assert _cache_files(out_folder) == []

    monkeypatch.setattr(shutil, "disk_usage", real)  # room again: the cache is made and kept
    assert batch(folder, "-o", out_folder / "s.xlsx", "--workers", "1")[0] == 0
    assert _cache_files(out_folder) == [".jixiao-cache.sqlite"]
    monkeypatch.setattr(shutil, "disk_usage", nearly_full)  # one there before: never removed
    err.truncate(0)
    assert batch(folder, "-o", out_folder / "s.xlsx", "--workers", "1")[0] == 0
    assert _cache_files(out_folder) == [".jixiao-cache.sqlite"] and "缓存" not in err.getvalue()


_EARLIER_CACHE_ON_A_FULL_DISK = """
import os, sqlite3, sys, time
from pathlib import Path
from jixiao.batch.cache import CACHE_NAME, ResultCache
box = Path(sys.argv[1]) / "box"
box.mkdir()
def rows(count, start):
    return [(f"k{i}", "c", 0, "f", "x" * 2000, "b", time.time(), "s", "t")
            for i in range(start, start + count)]
cache = ResultCache(box, None)
cache.put_rows(rows(300, 0)); cache.commit(); cache.close()
with open(box.parent / "filler", "wb") as filler:  # 200 KB left
    filler.write(b"0" * (os.statvfs(box).f_bavail * 4096 - 200_000))
cache = ResultCache(box, None)
for step in range(40):
    cache.put_rows(rows(50, 1000 + step * 50)); cache.commit()
    if not cache.on_disk:
        break
print("failed" if not cache.on_disk else "never failed")
cache.close()
os.remove(box.parent / "filler")
db = sqlite3.connect(box / CACHE_NAME)
print(db.execute("pragma integrity_check").fetchone()[0], db.execute("select count(*) from result").fetchone()[0])
"""


def test_a_full_disk_never_breaks_a_cache_left_by_an_earlier_run(tmp_path):
    """rt29 review: a run that found the disk full removed the -wal and -shm files SQLite
    made as it opened an earlier run's cache; the -wal held pages the full disk kept out of
    the file, so the cache was "malformed" and every earlier result lost. A cache there
    before the run keeps all its files. A real full disk: a small tmpfs."""
    import shutil
    import subprocess
    import sys

    if shutil.which("unshare") is None or subprocess.run(
            ["unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"],
            capture_output=True).returncode != 0:
        import pytest

        pytest.skip("cannot mount a small tmpfs here")
    disk = tmp_path / "disk"
    disk.mkdir()
    script = tmp_path / "fill.py"
    script.write_text(_EARLIER_CACHE_ON_A_FULL_DISK, encoding="utf-8")
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        ["unshare", "-rm", "sh", "-c",
         f"mount -t tmpfs -o size=3m tmpfs {disk} && exec {sys.executable} {script} {disk}"],
        capture_output=True, text=True, timeout=120, cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)})
    assert done.returncode == 0, done.stderr
    failed, checked = done.stdout.splitlines()
    assert failed == "failed"
    integrity, count = checked.split()
    assert integrity == "ok" and int(count) >= 300
