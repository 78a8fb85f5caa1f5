"""What ``jixiao check`` says of a file a unit did not send whole or sent locked (rt34):
a workbook still being copied or downloaded is not called 已损坏, and a Word document
with a password is told how Word (not Excel) takes the password off."""

import os
import time

import pytest
from workbooks import standard

from jixiao.cli.main import main

_CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def run(capsys, *argv):
    code = main(["check", *map(str, argv)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out


def _cut_short(tmp_path, name="正在下载的自评表.xlsx", keep=3000):
    """The first ``keep`` bytes of a workbook: a copy or download not finished."""
    data = standard(tmp_path / "whole.xlsx").read_bytes()
    path = tmp_path / name
    path.write_bytes(data[:keep])
    return path, data


def _age(path, seconds):
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_a_workbook_being_written_may_still_be_copying(tmp_path, capsys):
    path, data = _cut_short(tmp_path)
    code, out = run(capsys, path)
    assert code == 2
    assert ("无法校验：“正在下载的自评表.xlsx”无法作为 .xlsx 打开（压缩包结构不完整）：文件在 2 分钟内"
            "刚被修改，可能正在复制或下载，请稍后重新检查；过后仍无法打开，则文件已损坏，请填报单位"
            "重新提交") in out
    path.write_bytes(data)  # the copy finished: read as any workbook
    assert run(capsys, path)[0] == 0


def test_an_old_cut_short_workbook_is_damaged(tmp_path, capsys):
    path, _ = _cut_short(tmp_path)
    _age(path, 600)
    code, out = run(capsys, path)
    assert code == 2 and ("“正在下载的自评表.xlsx”已损坏，无法作为 .xlsx 打开（压缩包结构不完整）"
                          in out) and "正在复制或下载" not in out


def test_a_recent_file_with_its_end_record_is_damaged_not_in_transit(tmp_path, capsys):
    """A zip whose end record is there but whose directory is broken was not cut short."""
    data = standard(tmp_path / "whole.xlsx").read_bytes()
    end = data.rfind(b"PK\x05\x06")
    directory = int.from_bytes(data[end + 16:end + 20], "little")
    path = tmp_path / "坏目录.xlsx"
    path.write_bytes(data[:directory] + b"\0" * 46 + data[directory + 46:])
    code, out = run(capsys, path)
    assert code == 2 and "“坏目录.xlsx”已损坏" in out and "正在复制或下载" not in out


def _encrypted(path):
    """A document with an opening password, as Office writes it: an OLE2 container
    holding EncryptionInfo and EncryptedPackage (not a zip)."""
    path.write_bytes(_CFB + bytes(1000) + "EncryptionInfo".encode("utf-16-le") + bytes(1000)
                     + "EncryptedPackage".encode("utf-16-le") + bytes(1000))
    return path


_REVIEWER = "；没有密码的审核人，请填报单位提交未加密的文件"
_EXCEL = "请在 Excel 中取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空）后再试"
_WORD = "请在 Word 中取消密码（文件 → 信息 → 保护文档 → 用密码进行加密，清空）后再试"


@pytest.mark.parametrize(("name", "how"), [
    ("加密的自评表.docx", _WORD), ("加密的自评表.doc", _WORD), ("加密的自评表.docm", _WORD),
    ("加密的自评表.dotm", _WORD),
    ("加密的自评表.xlsx", _EXCEL), ("加密的自评表.xls", _EXCEL), ("加密的自评表.ods", _EXCEL),
    ("加密的自评表.et", "请在 WPS 表格中取消打开密码后再试"),
    ("加密的自评表.wps", "请在 WPS 文字中取消打开密码后再试"),
])
def test_a_password_is_taken_off_in_the_program_of_the_file(tmp_path, capsys, name, how):
    code, out = run(capsys, _encrypted(tmp_path / name))
    assert code == 2 and f"无法校验：“{name}”设置了打开密码（已加密），{how}{_REVIEWER}" in out


def test_a_docx_encrypted_by_office_is_told_of_word(tmp_path, capsys):
    """The real thing: a .docx encrypted as Word does (msoffcrypto's Agile encryption)."""
    msoffcrypto = pytest.importorskip("msoffcrypto")
    from wordfiles import docx, paragraph

    plain = docx(tmp_path / "plain.docx", paragraph("项目支出绩效自评表"))
    path = tmp_path / "加密的自评表.docx"
    with open(plain, "rb") as source, open(path, "wb") as target:
        msoffcrypto.OfficeFile(source).encrypt("1234", target)
    code, out = run(capsys, path)
    assert code == 2 and _WORD in out and "Excel" not in out
