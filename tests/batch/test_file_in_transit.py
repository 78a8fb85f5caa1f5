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
