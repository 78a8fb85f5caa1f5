"""``jixiao batch --annotate-dir``: a file at a copy's name that is not jixiao's own unedited
copy — a unit's table put there, a copy the reviewer edited — is never replaced; the copy
goes to "NAME (2).xlsx", and the summary, the JSON Lines and the terminal name the file
written — the rule of ``jixiao check --annotate`` (``report.annotate``)."""

import io
import json
import os
from contextlib import redirect_stdout
from pathlib import Path

from openpyxl import load_workbook
from workbooks import standard, zizhou

from jixiao.batch.summary_book import SUMMARY_COLUMNS
from jixiao.cli.main import main
from jixiao.xlsx.marks import ANNOTATED_MARK, written_by_jixiao

COPY = SUMMARY_COLUMNS.index("标注副本")


def batch(*args):
    out = io.StringIO()
    with redirect_stdout(out):
        code = main(["batch", *map(str, args)])
    return code, out.getvalue()


def copy_cells(summary: Path) -> dict[str, tuple[str | None, str | None]]:
    """File name → (标注副本 as shown, its link)."""
    sheet = load_workbook(summary)["汇总"]
    return {row[0].value: (row[COPY].value, row[COPY].hyperlink.target
                           if row[COPY].hyperlink else None)
            for row in sheet.iter_rows(min_row=2)}


def annotated_lines(jsonl: Path) -> dict[str, str]:
    lines = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    return {os.path.basename(line["file"]): line.get("annotated") for line in lines}


def setup(tmp_path: Path) -> tuple[Path, Path, tuple]:
    inbox, marked = tmp_path / "收件", tmp_path / "标注"
    inbox.mkdir()
    zizhou(inbox / "z.xlsx")
    standard(inbox / "a.xlsx")
    run = (inbox, "-o", tmp_path / "汇总.xlsx", "--json", tmp_path / "r.jsonl",
           "--annotate-dir", marked, "--workers", "1")
    return inbox, marked, run


def test_a_foreign_file_at_the_copys_name_is_kept_and_named_in_every_output(tmp_path):
    """Before: a unit's table at 标注/z-校验.xlsx was replaced silently. Now it is kept
    byte for byte; the copy is z-校验 (2).xlsx — in 汇总's column and link, the JSON
    Lines and the closing lines — and runs again (from the cache, or the file changed)
    replace that copy of jixiao's rather than pile up (3), (4) …"""
    inbox, marked, run = setup(tmp_path)
    marked.mkdir()
    theirs = standard(marked / "a-校验.xlsx", name="另一个单位的项目")
    before = theirs.read_bytes()
    second = marked / "a-校验 (2).xlsx"
    for attempt in range(3):
        if attempt == 2:
            standard(inbox / "a.xlsx", total=(100, 95))  # changed: checked again, copy replaced
        code, out = batch(*run)
        assert code == 1, out
        assert theirs.read_bytes() == before
        assert sorted(path.name for path in marked.iterdir()) == [
            "a-校验 (2).xlsx", "a-校验.xlsx", "z-校验.xlsx"]
        assert written_by_jixiao(str(second)) == ANNOTATED_MARK
        assert ("（2 个未变化" in out) == (attempt == 1), out
        cells = copy_cells(tmp_path / "汇总.xlsx")
        assert cells["a.xlsx"] == (os.path.join("标注", "a-校验 (2).xlsx"), "./标注/a-校验%20(2).xlsx")
        assert cells["z.xlsx"] == (os.path.join("标注", "z-校验.xlsx"), "./标注/z-校验.xlsx")
        assert annotated_lines(tmp_path / "r.jsonl") == {
            "a.xlsx": str(second), "z.xlsx": str(marked / "z-校验.xlsx")}
        # said of a copy written this run only: not of one found from the cache (rt34 revB 4)
        said = f"已写入标注副本：{second}（“a-校验.xlsx”已存在，未覆盖；请把它移走或改名）"
        assert (said in out) == (attempt != 1), out
        assert "要覆盖它请加 --force" not in out  # batch has no flag that overwrites
        assert "以前的标注副本" not in out  # a-校验 (2).xlsx is this run's
    # --force only skips the cache (rt34 revB 1): the file there is kept all the same
    code, out = batch(*run, "--force")
    assert theirs.read_bytes() == before and written_by_jixiao(str(second)) == ANNOTATED_MARK
    assert copy_cells(tmp_path / "汇总.xlsx")["a.xlsx"][0] == os.path.join("标注", "a-校验 (2).xlsx")
    assert "（0 个未变化" in out and "未覆盖" in out


def test_jixiaos_own_copy_is_replaced_and_an_edited_one_kept(tmp_path):
    """A copy jixiao wrote and nobody edited is replaced on a run again (the reviewer
    re-runs, no (2)); once the reviewer edited and saved it, it is the reviewer's: kept,
    the new copy written beside it (also when the file itself is unchanged: checked again
    for its copy, as when a copy is missing)."""
    inbox, marked, run = setup(tmp_path)
    assert batch(*run)[0] == 1
    ours = marked / "a-校验.xlsx"
    standard(inbox / "a.xlsx", total=(100, 95))
    code, out = batch(*run)
    assert sorted(path.name for path in marked.iterdir()) == ["a-校验.xlsx", "z-校验.xlsx"]
    assert written_by_jixiao(str(ours)) == ANNOTATED_MARK and "未覆盖" not in out
    book = load_workbook(ours)  # the reviewer's notes on the copy, saved
    book.worksheets[0]["A1"] = "审核意见：已电话通知单位"
    book.save(ours)
    edited = ours.read_bytes()
    code, out = batch(*run)
    assert ours.read_bytes() == edited
    assert sorted(path.name for path in marked.iterdir()) == [
        "a-校验 (2).xlsx", "a-校验.xlsx", "z-校验.xlsx"]
    assert copy_cells(tmp_path / "汇总.xlsx")["a.xlsx"] == (
        os.path.join("标注", "a-校验 (2).xlsx"), "./标注/a-校验%20(2).xlsx")
    assert "（“a-校验.xlsx”已存在，未覆盖；请把它移走或改名）" in out
    assert "（1 个未变化" in out  # z.xlsx; a.xlsx checked again for its copy
    book = load_workbook(second := marked / "a-校验 (2).xlsx")
    book.worksheets[0]["A1"] = "审核意见：第二份"
    book.save(second)
    edited_second = second.read_bytes()
    code, out = batch(*run, "--force")  # --force skips the cache, never an edited copy
    assert ours.read_bytes() == edited and second.read_bytes() == edited_second
    assert written_by_jixiao(str(marked / "a-校验 (3).xlsx")) == ANNOTATED_MARK


def test_an_older_copy_of_a_file_still_in_the_inbox_is_not_called_orphaned(tmp_path):
    """A foreign file at a-校验.xlsx: the copy goes to (2); the file removed, the next run
    writes a-校验.xlsx, and the old (2) — a copy of a.xlsx, still in the inbox — was said
    to be of a file no longer in the inbox (rt34 revB 5). It is named as a.xlsx's older
    copy instead, and kept (never deleted silently)."""
    inbox, marked, run = setup(tmp_path)
    marked.mkdir()
    theirs = standard(marked / "a-校验.xlsx", name="另一个单位的项目")
    batch(*run)
    theirs.unlink()
    code, out = batch(*run)
    old = marked / "a-校验 (2).xlsx"
    assert written_by_jixiao(str(old)) == ANNOTATED_MARK
    assert written_by_jixiao(str(marked / "a-校验.xlsx")) == ANNOTATED_MARK
    assert "已不在收件夹中" not in out, out
    assert ("标注文件夹中另有 1 个收件夹中文件的旧标注副本（本次已写入新的副本）："
            "a-校验 (2).xlsx（a.xlsx）；转发前请删除") in out, out
