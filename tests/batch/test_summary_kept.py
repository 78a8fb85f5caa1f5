"""``jixiao batch -o 汇总.xlsx`` run again: the summary it wrote, unedited, is replaced; one
the reviewer edited and saved (审核意见 typed into 汇总), or any file jixiao did not write,
is kept and the new summary goes to 汇总 (2).xlsx, as annotated copies do (rt35 r2 1:
before, the reviewer's notes were overwritten without a word); ``--force`` overwrites."""

from __future__ import annotations

import io
import re
import zipfile
from contextlib import redirect_stdout
from pathlib import Path

from openpyxl import Workbook, load_workbook
from workbooks import broken, standard, zizhou

from jixiao.cli.main import main
from jixiao.xlsx.marks import SUMMARY_MARK, written_by_jixiao


def batch(*args):
    out = io.StringIO()
    with redirect_stdout(out):
        code = main(["batch", *map(str, args), "--workers", "1"])
    return code, out.getvalue()


def inbox(root: Path) -> Path:
    (root / "in" / "sub").mkdir(parents=True)
    standard(root / "in" / "a.xlsx")
    zizhou(root / "in" / "sub" / "z.xlsx")
    broken(root / "in", "encrypted")
    return root / "in"


def noted(path: Path) -> None:
    """The reviewer types 审核意见 beside the rows of 汇总 and saves."""
    book = load_workbook(path)
    book["汇总"]["Q1"] = "审核意见"
    book["汇总"]["Q2"] = "已电话通知张三"
    book.save(path)


def note_of(path: Path) -> object:
    return load_workbook(path, read_only=True)["汇总"]["Q2"].value


def test_an_edited_summary_is_kept_and_the_new_one_written_beside_it(tmp_path):
    folder, summary = inbox(tmp_path), tmp_path / "out" / "汇总.xlsx"
    second = summary.with_name("汇总 (2).xlsx")
    code, _ = batch(folder, "-o", summary)
    assert code == 2  # the encrypted file
    again, out = batch(folder, "-o", summary)  # unedited: replaced where it stands
    assert again == code and f"已写入汇总：{summary}" in out and not second.exists()

    noted(summary)
    kept = summary.read_bytes()
    assert written_by_jixiao(str(summary)) == SUMMARY_MARK  # still jixiao's: never a submission
    again, out = batch(folder, "-o", summary)
    assert again == code and summary.read_bytes() == kept and note_of(summary) == "已电话通知张三"
    assert f"已写入汇总：{second}（“汇总.xlsx”在上次生成后被打开保存或改动过，未覆盖；" \
        "要覆盖它请加 --force）" in out
    assert "3 个未变化" in out  # the cache beside both is the same one
    assert [row[0] for row in load_workbook(second)["汇总"].iter_rows(
        min_row=2, values_only=True)] == [row[0] for row in load_workbook(summary)["汇总"]
                                          .iter_rows(min_row=2, values_only=True)]

    batch(folder, "-o", summary)  # (2) is jixiao's own, unedited: replaced, no (3)
    assert not summary.with_name("汇总 (3).xlsx").exists() and summary.read_bytes() == kept

    again, out = batch(folder, "-o", summary, "--force")
    assert again == code and f"已写入汇总：{summary}" in out and "未覆盖" not in out
    assert note_of(summary) is None


def test_a_workbook_jixiao_did_not_write_is_kept(tmp_path):
    """-o naming the reviewer's own 台账: kept, byte for byte; the summary goes to (2)
    (rt18-e 4 refused it instead, exit 2)."""
    folder, ledger = inbox(tmp_path), tmp_path / "汇总.xlsx"
    book = Workbook()
    book.active.title = "台账"
    book.save(ledger)
    before = ledger.read_bytes()
    code, out = batch(folder, "-o", ledger)
    assert code == 2 and "已校验 3/3" in out and ledger.read_bytes() == before
    assert "已写入汇总：" + str(tmp_path / "汇总 (2).xlsx") + "（“汇总.xlsx”已存在" in out


def test_a_summary_without_a_record_of_its_sheets_is_kept(tmp_path):
    """A summary of a version that recorded no digest of its sheets (before rt35): whether
    the reviewer edited it cannot be told, so it is kept."""
    folder, summary = inbox(tmp_path), tmp_path / "汇总.xlsx"
    batch(folder, "-o", summary)
    with zipfile.ZipFile(summary) as old:
        members = {name: old.read(name) for name in old.namelist()}
    members["docProps/custom.xml"] = re.sub(
        rb'<property [^>]*name="jixiao-sheets".*?</property>', b"",
        members["docProps/custom.xml"], flags=re.DOTALL)
    with zipfile.ZipFile(summary, "w") as new:
        for name, data in members.items():
            new.writestr(name, data)
    assert b"jixiao-sheets" not in members["docProps/custom.xml"]
    _, out = batch(folder, "-o", summary)
    assert "汇总 (2).xlsx" in out


def test_an_edited_summary_in_the_inbox_is_not_checked(tmp_path):
    """An edited summary among the submissions is still jixiao's own: not checked."""
    folder = inbox(tmp_path)
    summary = folder / "汇总.xlsx"
    batch(folder, "-o", summary)
    noted(summary)
    code, out = batch(folder, "-o", tmp_path / "汇总.xlsx")
    assert "已校验 3/3" in out and code == 2


def test_a_summary_asks_no_program_to_recalculate_it(tmp_path):
    """rt35 r7 #3: the summary asked to be recalculated on opening (fullCalcOnLoad, as
    XlsxWriter writes by default), so Excel asked “是否保存” on closing it unedited, and a
    yes made the next run keep it as edited. It has no formulas: no recalculation asked,
    and a calcId no Excel recalculates under."""
    summary = tmp_path / "汇总.xlsx"
    batch(inbox(tmp_path), "-o", summary)
    with zipfile.ZipFile(summary) as book:
        workbook = book.read("xl/workbook.xml").decode()
        assert not any("<f>" in book.read(name).decode() for name in book.namelist()
                       if name.startswith("xl/worksheets/sheet"))
    calc = re.search(r"<calcPr[^>]*>", workbook).group()
    assert "fullCalcOnLoad" not in calc and 'calcId="999999"' in calc
