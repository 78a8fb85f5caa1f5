"""A workbook still being copied into the inbox (rt34 r3): the batch says it may still be
copying and keeps no cached result for it, so the next run checks it again — whole by
then, or, left cut short, old enough to be called damaged."""

import io
import json
import os
import time
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from workbooks import standard

from jixiao.cli.main import main


def batch(*args):
    out = io.StringIO()
    with redirect_stdout(out):
        code = main(["batch", *map(str, args)])
    return code, out.getvalue()


def errors(jsonl):
    lines = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    return {Path(line["file"]).name: line.get("error") for line in lines}


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_file_being_copied_is_checked_again_by_the_next_run(tmp_path, workers):
    inbox = tmp_path / "收件"
    inbox.mkdir()
    standard(inbox / "a.xlsx")
    whole = standard(tmp_path / "whole.xlsx", name="另一个项目").read_bytes()
    copying = inbox / "正在下载的自评表.xlsx"
    copying.write_bytes(whole[:3000])
    output = tmp_path / "汇总.xlsx"

    code, out = batch(inbox, "-o", output, "--json", tmp_path / "1.jsonl", "--workers", workers)
    said = errors(tmp_path / "1.jsonl")["正在下载的自评表.xlsx"]
    assert code == 2 and "可能正在复制或下载，请稍后重新检查" in said and "已损坏，无法" not in said

    then = time.time() - 600  # left cut short: the same bytes, ten minutes later
    os.utime(copying, (then, then))
    code, out = batch(inbox, "-o", output, "--json", tmp_path / "2.jsonl", "--workers", workers)
    assert "（1 个未变化" in out  # a.xlsx only: the cut-short file was checked again
    assert errors(tmp_path / "2.jsonl")["正在下载的自评表.xlsx"] == (
        "“正在下载的自评表.xlsx”已损坏，无法作为 .xlsx 打开（压缩包结构不完整）")

    copying.write_bytes(whole)  # the copy finished
    code, out = batch(inbox, "-o", output, "--json", tmp_path / "3.jsonl", "--workers", workers)
    assert code == 0 and errors(tmp_path / "3.jsonl")["正在下载的自评表.xlsx"] is None


def test_a_dask_worker_is_told_how_old_the_file_is(tmp_path):
    """The bytes sent to a Dask worker are written into a new file there: without the
    file's own mtime, every file cut short would seem to be still copying."""
    from jixiao.batch.work import _check_sent, _sendable, check_one, modified_ns

    whole = standard(tmp_path / "whole.xlsx").read_bytes()
    for age, said in ((600, "已损坏"), (0, "可能正在复制或下载")):
        path = tmp_path / f"截断{age}.xlsx"
        path.write_bytes(whole[:3000])
        then = time.time() - age
        os.utime(path, (then, then))
        job = (str(path), None, None, 60.0)
        expected = check_one(*job)
        assert said in expected.error
        assert _check_sent(job, _sendable(job), modified_ns(str(path))).error == expected.error


def test_a_download_not_finished_is_named(tmp_path):
    """rt35 r2 2: a browser's 自评表.xlsx.crdownload (Firefox's .part, a download tool's
    .tmp) was passed over without a word. Alone in its unit's folder it is a row
    (无法读取: the unit's table is not in yet; Safari's folder is not entered), so it is
    beside another workbook (review B #4: Unconfirmed 123456.crdownload); beside its own
    finished file it is named in the closing line and 统计, without the advice for a zip or
    PDF; other .tmp files, lock files and Thumbs.db are not."""
    from openpyxl import load_workbook

    inbox = tmp_path / "收件"
    (inbox / "甲单位").mkdir(parents=True)
    (inbox / "乙单位").mkdir()
    standard(inbox / "甲单位" / "a.xlsx")
    standard(inbox / "甲单位" / "自评表.xlsx")
    (inbox / "甲单位" / "自评表.xlsx.crdownload").write_bytes(b"PK\x03\x04" + bytes(100))
    (inbox / "甲单位" / "Unconfirmed 123456.crdownload").write_bytes(b"x")
    (inbox / "甲单位" / "8F3A21C0.tmp").write_bytes(b"x")  # Excel's own: not a download
    (inbox / "甲单位" / "照片.jpg.part").write_bytes(b"x")  # no table
    (inbox / "甲单位" / "Thumbs.db").write_bytes(b"x")
    (inbox / "甲单位" / "~$a.xlsx").write_bytes(b"x")
    (inbox / "乙单位" / "乙单位自评表.xls.part").write_bytes(b"x")
    (inbox / "丙单位" / "自评表.xlsx.download").mkdir(parents=True)  # Safari's: a folder
    (inbox / "丙单位" / "自评表.xlsx.download" / "自评表.xlsx").write_bytes(b"PK\x03\x04")
    output = tmp_path / "汇总.xlsx"
    code, out = batch(inbox, "-o", output, "--workers", "1")
    why = "是未下载完的文件，请等下载完成后重新运行或重新下载"
    assert code == 2 and "3 个文件无法读取" in out
    unit = os.path.join("收件", "甲单位")
    others = f"另有 1 个文件不是工作簿，未校验（未下载完的文件 1 个：{unit}{os.sep}自评表.xlsx.crdownload）"
    assert others in out and "请等下载完成后重新运行或重新下载" in out.split(others)[1]
    assert "须人工审核，或请填报单位提交 Excel 版" not in out
    assert "8F3A21C0" not in out and "照片" not in out and "Thumbs" not in out
    rows = {row[0]: (row[10], row[11]) for row in load_workbook(output)["汇总"].iter_rows(
        min_row=2, values_only=True)}
    assert len(rows) == 5 and rows["a.xlsx"] == ("通过", None) and rows["自评表.xlsx"][0] == "通过"
    for name in ("自评表.xlsx.download", "乙单位自评表.xls.part", "Unconfirmed 123456.crdownload"):
        assert rows[name] == ("无法读取", f"“{name}”{why}")


def test_a_download_not_finished_beside_another_workbook_is_a_row(tmp_path):
    """review B #4: 丙.xlsx.crdownload beside 乙.xlsx got no row and exit 0 — another
    workbook in the folder does not make 丙's table in."""
    (tmp_path / "收件").mkdir()
    standard(tmp_path / "收件" / "乙.xlsx")
    (tmp_path / "收件" / "丙.xlsx.crdownload").write_bytes(b"PK\x03\x04" + bytes(100))
    from openpyxl import load_workbook

    code, out = batch(tmp_path / "收件", "-o", tmp_path / "汇总.xlsx", "--workers", "1")
    assert code == 2 and "1 个文件无法读取" in out and "须人工审核，或请填报单位提交" not in out, out
    rows = {row[0]: row[10] for row in load_workbook(tmp_path / "汇总.xlsx")["汇总"].iter_rows(
        min_row=2, values_only=True)}
    assert rows == {"乙.xlsx": "通过", "丙.xlsx.crdownload": "无法读取"}


def test_a_folder_named_like_a_download_is_entered(tmp_path):
    """rt35 r7 #5: a folder 资料.download (or .part, .crdownload) was passed over as a
    download not finished, and the complete table in it never checked. Only Safari's
    folder of a download, NAME.xlsx.download, is one."""
    inbox = tmp_path / "收件"
    for folder in ("资料.download", "备份.part", "旧.crdownload", "自评表.crdownload"):
        (inbox / "丁单位" / folder).mkdir(parents=True)
        standard(inbox / "丁单位" / folder / "自评表.xlsx")
    code, out = batch(inbox, "-o", tmp_path / "汇总.xlsx", "--workers", "1")
    assert code == 0 and "已校验 4/4" in out and "未下载完" not in out, out
