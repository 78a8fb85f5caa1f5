"""``jixiao convert`` says what of the workbook it did not carry into the template:
comments, pictures, charts, other sheets, macros (rt29: they were dropped silently)."""

import io
import zipfile
from pathlib import Path

from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.drawing.image import Image
from PIL import Image as Picture
from workbooks import Book, standard, standard_sheet

from jixiao.cli.main import main


def _rich(path: Path) -> Path:
    """A standard table with a comment on F14 and a stamp, and a 资金明细 sheet with a chart."""
    book = Book()
    sheet = standard_sheet(book.sheet())
    sheet.ws["F14"].comment = Comment("审核：请补充依据", "审核人")
    stamp = io.BytesIO()
    Picture.new("RGB", (40, 40), "red").save(stamp, "PNG")
    sheet.ws.add_image(Image(stamp), "J2")
    money = book.wb.create_sheet("资金明细")
    for row in (("月份", "支出"), ("1月", 3), ("2月", 5)):
        money.append(row)
    chart = BarChart()
    chart.add_data(Reference(money, min_col=2, min_row=1, max_row=3), titles_from_data=True)
    money.add_chart(chart, "D2")
    return book.save(path)


def _with_macros(source: Path, target: Path) -> Path:
    """``source`` as an .xlsm holding a VBA project (its bytes are never run or read)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            data = old.read(item)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Default Extension="bin" ContentType='
                                    b'"application/vnd.ms-office.vbaProject"/></Types>')
            new.writestr(item, data)
        new.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0" + bytes(508))
    return target


def test_convert_names_what_it_left_behind(tmp_path, capsys):
    source = _rich(tmp_path / "rich.xlsx")
    assert main(["convert", str(source), "-o", str(tmp_path / "new.xlsx")]) == 0
    out = capsys.readouterr().out
    assert "注意：原表的批注 1 条、图片 1 张、图表 1 个、工作表“资金明细”未转入，请对照原文件" in out

    xlsm = _with_macros(source, tmp_path / "rich.xlsm")
    assert main(["convert", str(xlsm), "-o", str(tmp_path / "new2.xlsx")]) == 0
    out = capsys.readouterr().out
    assert "、工作表“资金明细”、宏（VBA）未转入，请对照原文件" in out


def test_a_plain_table_has_nothing_left_behind(tmp_path, capsys):
    source = standard(tmp_path / "plain.xlsx")
    assert main(["convert", str(source), "-o", str(tmp_path / "new.xlsx")]) == 0
    assert "未转入" not in capsys.readouterr().out
    # jixiao's own form converted again: its 填写说明 sheet is in the new one too
    assert main(["convert", str(tmp_path / "new.xlsx"), "-o", str(tmp_path / "again.xlsx")]) == 0
    assert "未转入" not in capsys.readouterr().out
