"""rt31 r6: recalc refused what it cannot read less clearly than check: an empty file was
“不是有效的 .xlsx/.xlsm 工作簿（BadZipFile）”, Excel's lock file ~$自评表.xlsx the same, a folder
“找不到文件” although it is there. Now recalc (and convert) say what check says, from the same
place; and a stopped recalc names the file it was recalculating."""

from __future__ import annotations

import pytest

import jixiao.recalc.workbook as workbook
from jixiao.cli.main import main

LOCK = b"\x0cadministrator" + b" " * 40 + b"\x00\x00"  # what Excel keeps beside an open file


def _refusal(capsys, argv: list[str]) -> str:
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    return captured.err.strip()


def test_an_empty_file_is_named_empty(tmp_path, capsys):
    empty = tmp_path / "空表.xlsx"
    empty.write_bytes(b"")
    assert _refusal(capsys, ["recalc", str(empty)]) == "jixiao：“空表.xlsx”是空文件（0 字节）"
    assert not list(tmp_path.glob("*.recalc*"))


def test_a_lock_file_names_the_workbook_to_recalculate(tmp_path, capsys):
    lock = tmp_path / "~$自评表.xlsx"
    lock.write_bytes(LOCK)
    assert _refusal(capsys, ["recalc", str(lock)]) == (
        "jixiao：“~$自评表.xlsx”是 Excel（或 WPS）打开“自评表.xlsx”时生成的临时锁定文件"
        "（只记着打开者的名字），不是提交的自评表：请重算“自评表.xlsx”本身")


@pytest.mark.parametrize(("command", "told"), [
    ("recalc", "jixiao recalc 重算单个工作簿，请给出文件夹中的一个 .xlsx 或 .xlsm 文件"),
    ("convert", "jixiao convert 转换单个文件"),
    ("check", "jixiao check 校验单个文件。校验整个文件夹请用：jixiao batch"),
])
def test_a_folder_is_named_a_folder(tmp_path, capsys, command, told):
    folder = tmp_path / "2024年 绩效自评"
    folder.mkdir()
    argv = [command, str(folder)] + (["-o", str(tmp_path / "c.xlsx")] if command == "convert"
                                     else [])
    assert _refusal(capsys, argv).startswith(f"jixiao：“{folder}”是文件夹；{told}")


def test_a_stopped_recalc_names_its_file(tmp_path, capsys, monkeypatch):
    def stopped(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(workbook, "recalc_file", stopped)
    assert main(["recalc", str(tmp_path / "自评表.xlsx")]) == 130
    assert capsys.readouterr().err.strip() == "jixiao：已中断（正在重算“自评表.xlsx”）"
    assert main(["rules"]) == 0  # the next command names nothing of the last one's
