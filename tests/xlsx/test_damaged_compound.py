"""An OLE2 compound file holding neither an Excel workbook's stream nor a Word document's
(damaged, cut short): check and recalc tell it with one line, from one sniffer — recalc
used to call it flatly an .xls, check named python-calamine's exception class (rt33)."""

from __future__ import annotations

import pytest
from workbooks import broken

from jixiao.cli.main import main
from jixiao.pipeline import check_workbook

SAID = ("“{name}”是旧版 Office 复合文档（旧版 Excel 97-2003 的 .xls 或 Word 97-2003 的 .doc），"
        "但已损坏或不完整（看不出是哪一种），无法读取；请向填报单位重新索取原文件（若能在 Excel 或 "
        "Word 中打开，另存为 .xlsx 或 .docx 再试）")


@pytest.mark.parametrize("name", ["old.xls", "ole.xlsx"])
def test_check_and_recalc_say_the_same_line(tmp_path, capsys, name):
    path = broken(tmp_path, "xls").rename(tmp_path / name)
    said = SAID.format(name=name)
    assert check_workbook(path).error == said
    assert main(["recalc", str(path)]) == 2
    assert capsys.readouterr().err == f"jixiao：{said}\n"
