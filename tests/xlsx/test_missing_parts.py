"""A workbook whose listed sheet has no part in the zip (xl/worksheets/sheet1.xml cut out):
the file is damaged, and check and recalc say so, naming the sheet and the member — not
“没有找到项目支出绩效自评表” nor “不是有效的 .xlsx/.xlsm 工作簿（KeyError）” (rt33)."""

from __future__ import annotations

import zipfile

from workbooks import putuo

from jixiao.cli.main import main
from jixiao.pipeline import check_workbook

SAID = ("“{name}”已损坏：工作表“{sheet}”的内容（xl/worksheets/sheet{number}.xml）不在文件中；"
        "请向填报单位重新索取原文件（或在 Excel 中打开、让它修复后另存）")


def _without(path, member):
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    del members[member]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return path


def _second_sheet(path):
    """The Putuo table with a sheet 说明 added after it (xl/worksheets/sheet2.xml)."""
    import openpyxl

    book = openpyxl.load_workbook(path)
    book.create_sheet("说明")["A1"] = "填报说明"
    book.save(path)
    return path


def test_the_table_s_sheet_missing_is_told_as_damage(tmp_path, capsys):
    path = _without(putuo(tmp_path / "p.xlsx"), "xl/worksheets/sheet1.xml")
    said = SAID.format(name="p.xlsx", sheet="自评表", number=1)
    assert check_workbook(path).error == said
    assert main(["recalc", str(path)]) == 2
    assert capsys.readouterr().err == f"jixiao：{said}\n"


def test_another_sheet_missing_is_a_note_and_the_table_is_checked(tmp_path, capsys):
    path = _without(_second_sheet(putuo(tmp_path / "p.xlsx")), "xl/worksheets/sheet2.xml")
    result = check_workbook(path)
    assert result.error is None and len(result.tables) == 1
    assert result.notes == ["工作表“说明”的内容（xl/worksheets/sheet2.xml）不在文件中（文件已损坏），"
                            "未读取"]
    assert main(["recalc", str(path)]) == 2  # nothing is written into a damaged package
    assert capsys.readouterr().err == "jixiao：" + SAID.format(name="p.xlsx", sheet="说明",
                                                              number=2) + "\n"
