"""``jixiao check --annotate``: the copy never replaces a file it should not (rt34 r7 2), and
a copy that cannot be written leaves the findings reported (rt34 r7 4)."""

import errno
import tempfile

from openpyxl import load_workbook
from workbooks import standard, zizhou

from jixiao.cli.main import main
from jixiao.xlsx.marks import ANNOTATED_MARK, written_by_jixiao


def run(capsys, *argv):
    code = main(["check", *map(str, argv)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_an_existing_file_is_kept_and_the_copy_written_beside_it(tmp_path, capsys):
    """Before: another unit's submitted table at the name given was replaced silently.
    As recalc's default output: the copy goes to "NAME (2).xlsx"; --force replaces."""
    source = zizhou(tmp_path / "z.xlsx")
    other = standard(tmp_path / "b.xlsx")  # another unit's table
    before = other.read_bytes()
    code, out, _ = run(capsys, source, "--annotate", other)
    assert code == 1 and "JX405" in out  # the findings, as ever
    assert other.read_bytes() == before
    kept = tmp_path / "b (2).xlsx"
    assert written_by_jixiao(str(kept)) == ANNOTATED_MARK
    assert f"已写入标注副本：{kept}（“b.xlsx”已存在，未覆盖；要覆盖它请加 --force）" in out
    code, out, _ = run(capsys, source, "--annotate", other)  # again: its own (2) replaced
    assert f"已写入标注副本：{kept}（" in out and other.read_bytes() == before
    assert not (tmp_path / "b (3).xlsx").exists()
    code, out, _ = run(capsys, source, "--annotate", other, "--force")
    assert f"已写入标注副本：{other}\n" in out and "未覆盖" not in out
    assert written_by_jixiao(str(other)) == ANNOTATED_MARK


def test_a_named_copy_run_again_replaces_its_own(tmp_path, capsys):
    """Before: three runs of --annotate out.xlsx made out.xlsx, out (2).xlsx, out (3).xlsx
    (rt34 revB 2). jixiao's own unedited copy at the name given is replaced, as in a
    folder of copies; one the reviewer edited is kept."""
    source = zizhou(tmp_path / "z.xlsx")
    out_copy = tmp_path / "out.xlsx"
    for _ in range(3):
        code, out, _ = run(capsys, source, "--annotate", out_copy)
        assert f"已写入标注副本：{out_copy}\n" in out and "未覆盖" not in out
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out.xlsx", "z.xlsx"]
    book = load_workbook(out_copy)
    book.worksheets[0]["A1"] = "审核意见"
    book.save(out_copy)
    edited = out_copy.read_bytes()
    code, out, _ = run(capsys, source, "--annotate", out_copy)
    assert out_copy.read_bytes() == edited and "out (2).xlsx（“out.xlsx”已存在，未覆盖" in out


def test_two_files_of_one_name_get_a_copy_each(tmp_path, capsys):
    """Before: a/z.xlsx and b/z.xlsx both wrote F/z-校验.xlsx, the second replacing the
    first (jixiao's own, unedited) — one copy lost, both said written (rt34 revB 3). As
    batch names them: z-校验.xlsx and z-校验-2.xlsx; and a name this run wrote is never
    replaced."""
    first = zizhou((tmp_path / "a").mkdir() or tmp_path / "a" / "z.xlsx")
    second = standard((tmp_path / "b").mkdir() or tmp_path / "b" / "z.xlsx")
    folder = tmp_path / "F"
    code, out, _ = run(capsys, first, second, "--annotate", folder)
    assert sorted(path.name for path in folder.iterdir()) == ["z-校验-2.xlsx", "z-校验.xlsx"]
    assert out.count("已写入标注副本：") == 2
    assert f"已写入标注副本：{folder / 'z-校验.xlsx'}\n" in out
    assert f"已写入标注副本：{folder / 'z-校验-2.xlsx'}\n" in out
    from jixiao.xlsx.marks import annotated_from

    assert annotated_from(str(folder / "z-校验.xlsx")) != annotated_from(
        str(folder / "z-校验-2.xlsx"))


def test_a_folder_replaces_its_own_copies_only(tmp_path, capsys):
    """In a folder jixiao names the copies (NAME-校验.xlsx): the copy of an earlier run,
    unedited, is replaced (the reviewer runs again); anything else there — a unit's
    table, a copy the reviewer edited — is kept, the copy written beside it."""
    source = zizhou(tmp_path / "z.xlsx")
    folder = tmp_path / "标注"
    run(capsys, source, "--annotate", folder)
    code, out, _ = run(capsys, source, "--annotate", folder)
    assert sorted(path.name for path in folder.iterdir()) == ["z-校验.xlsx"]
    assert "未覆盖" not in out
    theirs = standard(folder / "z-校验.xlsx")  # not jixiao's copy
    before = theirs.read_bytes()
    code, out, _ = run(capsys, source, "--annotate", folder)
    assert theirs.read_bytes() == before
    assert sorted(path.name for path in folder.iterdir()) == ["z-校验 (2).xlsx", "z-校验.xlsx"]
    assert "（“z-校验.xlsx”已存在，未覆盖；要覆盖它请加 --force）" in out
    code, out, _ = run(capsys, source, "--annotate", folder)  # its own (2) replaced: no (3)
    assert sorted(path.name for path in folder.iterdir()) == ["z-校验 (2).xlsx", "z-校验.xlsx"]
    assert theirs.read_bytes() == before and "z-校验 (2).xlsx（“z-校验.xlsx”已存在" in out
    run(capsys, source, "--annotate", folder, "--force")
    assert written_by_jixiao(str(theirs)) == ANNOTATED_MARK


def test_an_unwritable_folder_still_reports_the_findings(tmp_path, capsys, monkeypatch):
    """Before: only "无法写入…：没有权限", no findings (rt34 r7 4). As batch --annotate-dir:
    the report, the copy's failure with a hint where to write it, exit 2. (chmod does not
    stop root: the folder's refusal is simulated.)"""
    source = zizhou(tmp_path / "z.xlsx")
    locked = tmp_path / "只读"
    locked.mkdir()
    mkstemp = tempfile.mkstemp

    def refused(*args, **kwargs):
        if str(kwargs.get("dir")) == str(locked):
            raise PermissionError(errno.EACCES, "Permission denied")
        return mkstemp(*args, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    for target in (locked / "z-标注.xlsx", locked):
        code, out, err = run(capsys, source, "--annotate", target)
        assert code == 2
        assert "JX405" in out and "共 " in out  # the findings, as without --annotate
        assert "未能写出标注副本" in out and "没有权限" in out
        assert "请换一个可写入的文件夹" in out
        assert "已写入" not in out + err
        assert list(locked.iterdir()) == []
    code, out, err = run(capsys, source, "--annotate", locked / "z-标注.xlsx", "--json")
    assert code == 2 and '"JX405"' in out and "没有权限" in err and "请换一个可写入的文件夹" in err
