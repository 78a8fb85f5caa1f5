"""``jixiao check`` and ``jixiao rules``: exit codes, text and JSON reports,
annotated copies, and the generated docs/rules.md."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from workbooks import BROKEN_KINDS, PUTUO_1_ROWS, broken, putuo, standard, zizhou

from jixiao.checks import REGISTRY, rules_markdown
from jixiao.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
SNAPSHOTS = Path(__file__).resolve().parents[1] / "snapshots"
# last year's indicator, kept in the table on a hidden row
OLD_ROW = ("产出指标", "时效指标", "上年度旧指标（已停用）", "≥50%", "30%", 10, 3, None)


def run(capsys, *argv):
    code = main(["check", *map(str, argv)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


# ---------------------------------------------------------------- exit codes

def test_exit_0_without_errors_even_with_warnings(tmp_path, capsys):
    assert run(capsys, standard(tmp_path / "clean.xlsx"))[0] == 0
    code, out, _ = run(capsys, putuo(tmp_path / "p7.xlsx", "putuo-7"))  # JX203 warnings only
    assert code == 0 and "警告（3）" in out


def test_exit_1_with_errors(tmp_path, capsys):
    code, out, _ = run(capsys, zizhou(tmp_path / "zizhou.xlsx"))
    assert code == 1 and "JX405" in out


@pytest.mark.parametrize("kind", BROKEN_KINDS)
def test_exit_2_for_what_cannot_be_read(kind, tmp_path, capsys):
    path = broken(tmp_path, kind)
    code, out, _ = run(capsys, path)
    assert code == 2
    assert "无法校验" in out and path.name in out
    code, out, err = run(capsys, path, "--json")
    assert code == 2 and json.loads(out)["error"] and path.name in err


@pytest.mark.parametrize(("name", "data", "words"), [
    ("自评表.pdf", b"%PDF-1.7\n", "是 PDF 文件"),
    ("自评表.xlsx", b"%PDF-1.4\n", "是 PDF 文件"),  # renamed: its bytes tell
    ("扫描件.jpg", b"\xff\xd8\xff\xe0\0\x10JFIF", "是图片"),
    ("截图.png", b"\x89PNG\r\n\x1a\n", "是图片"),
    ("材料.rar", b"Rar!\x1a\x07\x01\x00", "是压缩包（rar/7z）：请先解压"),
])
def test_a_printed_page_an_image_or_an_archive_is_named_for_what_it_is(tmp_path, capsys, name,
                                                                     data, words):
    """A reviewer's folder holds scans, PDFs and archives beside the workbooks: each is
    named for what it is, with what to ask the unit for (before: “不是 Excel 工作簿，或文件
    已损坏”, which sends the reviewer looking for damage)."""
    path = tmp_path / name
    path.write_bytes(data)
    code, out, _ = run(capsys, path)
    assert code == 2 and f"“{name}”{words}" in out and "已损坏" not in out


@pytest.mark.parametrize(("name", "data", "said"), [
    ("导出.csv", "三级指标,分值,得分\n数量,10,10\n".encode("gbk"),
     "“导出.csv”是 CSV 文本文件，不是 Excel 工作簿：请在 Excel 中打开后另存为 .xlsx 再试"),
    ("自评表.xlsx", "\ufeff三级指标,分值,得分\n数量,10,10\n".encode(),
     "“自评表.xlsx”是文本文件（CSV 表格），只是扩展名改成了 Excel 的，不是 Excel 工作簿："
     "请在 Excel 中打开后另存为 .xlsx 再试"),
    ("说明.xlsx", "请见附件。\r\n".encode("gbk"),
     "“说明.xlsx”是文本文件，只是扩展名改成了 Excel 的，不是 Excel 工作簿：请提交自评表的 Excel 文件"),
    # rt20 #8: a .txt is what its name says, not a file renamed to Excel's extension
    ("report.txt", "子洲县财政支出项目绩效自评报告\n".encode(),
     "“report.txt”是文本文件（扩展名 .txt），不是表格文件：jixiao 读取 Excel（.xlsx、.xls）、"
     "WPS（.et）、LibreOffice（.ods）和 Word（.docx、.doc）中的自评表，请提交自评表的 Excel 文件"),
    ("导出.txt", "三级指标\t分值\t得分\n".encode(),
     "“导出.txt”是文本文件（CSV 表格，扩展名 .txt），不是 Excel 工作簿：请在 Excel 中打开后另存为 .xlsx 再试"),
])
def test_a_text_file_is_named_a_text_file(tmp_path, capsys, name, data, said):
    """rt19 #6: a CSV given to check, or a text file renamed .xlsx, was “不是 Excel
    工作簿…或文件已损坏”: now said to be the text it is, and what to do."""
    path = tmp_path / name
    path.write_bytes(data)
    code, out, _ = run(capsys, path)
    assert code == 2 and f"无法校验：{said}" in out and "已损坏" not in out


def _office_lock(user: str) -> bytes:
    """What Excel writes to ``~$x.xlsx`` while x.xlsx is open: 165 bytes, the user's name
    in the ANSI code page and again in UTF-16, each after its length, padded with spaces."""
    ansi, wide = user.encode("gbk"), user.encode("utf-16-le")
    wide += " ".encode("utf-16-le") * (54 - len(user))
    return (bytes([len(user)]) + ansi.ljust(53, b" ") + bytes([len(user), 0]) + wide).ljust(165)


@pytest.mark.parametrize("data", [_office_lock("张三"), _office_lock("Administrator"),
                                  b"\rAdministrator".ljust(165, b" ")])  # all text: WPS
def test_an_office_lock_file_is_named_for_what_it_is(tmp_path, capsys, data):
    """rt20 #3: ``~$x.xlsx`` given to check was "a text file" or "damaged"."""
    assert len(data) == 165
    path = tmp_path / "~$x.xlsx"
    path.write_bytes(data)
    code, out, _ = run(capsys, path)
    assert code == 2
    assert out.splitlines()[1] == (
        "无法校验：“~$x.xlsx”是 Excel（或 WPS）打开“x.xlsx”时生成的临时锁定文件"
        "（只记着打开者的名字），不是提交的自评表：请校验“x.xlsx”本身")
    (tmp_path / ".~lock.x.xlsx#").write_text("张三,zhang-pc,zhang,04.05.2025 10:02,file:///C:/"
                                             "Users/zhang/AppData/Roaming/LibreOffice/4;")
    code, out, _ = run(capsys, tmp_path / ".~lock.x.xlsx#")
    assert code == 2 and "“.~lock.x.xlsx#”是 LibreOffice 打开“x.xlsx”时生成的临时锁定文件" in out


def test_a_real_workbook_named_like_a_lock_file_is_checked(tmp_path, capsys):
    code, out, _ = run(capsys, standard(tmp_path / "~$clean.xlsx"))
    assert code == 0 and "锁定文件" not in out


def test_a_word_table_is_placed_in_the_document_terms_the_json_uses(tmp_path, capsys):
    """rt20 #4: the 位置 line of a table read from Word said “文档” (the sheet jixiao lays
    the document out on), which nothing in Word shows: now the table's number, as the
    JSON's ``place``; each finding at the same place as in the JSON."""
    import zipfile

    from wordfiles import cell, docx, paragraph, table, workbook_docx

    made = workbook_docx(zizhou(tmp_path / "zizhou.xlsx"), tmp_path / "made.docx")
    with zipfile.ZipFile(made) as archive:
        xml = archive.read("word/document.xml").decode()
    contact = table([[cell("填报人"), cell("张三")]]) + paragraph("附：自评表")
    path = docx(tmp_path / "子洲.docx", "",
                document=xml.replace("<w:body>", "<w:body>" + contact, 1).encode())
    code, out, _ = run(capsys, path)
    assert code == 1
    lines = out.splitlines()
    assert lines[2] == "  位置 第2个表格 · 标准格式（财预〔2020〕10号） · 评分规则 mof2020"
    assert lines[5] == "  JX405  第2个表格 第15行第9列  “群众满意度”扣 3 分（7/10），未说明偏差原因"
    code, out, _ = run(capsys, path, "--json")
    data = json.loads(out)
    assert (data["sheet"], data["place"]) == ("文档", "第2个表格")
    assert [(item["code"], item["place"]) for item in data["findings"]] == [
        ("JX204", "第2个表格 第10行第6列"), ("JX404", "第2个表格 第15行第8列"),
        ("JX405", "第2个表格 第15行第9列")]
    for item in data["findings"]:
        assert f"  {item['code']}  {item['place']}  " in "\n".join(lines)
    code, out, _ = run(capsys, zizhou(tmp_path / "zizhou2.xlsx"), "--json")
    assert json.loads(out)["place"] is None  # a workbook's sheet names it


def test_an_empty_workbook_and_a_damaged_docx_are_named_so(tmp_path, capsys):
    """rt19 #6: a workbook with nothing in it got the long explanation of the header
    looked for; a damaged .docx “无法作为 .xlsx 打开”."""
    from openpyxl import Workbook
    from wordfiles import docx, paragraph

    Workbook().save(tmp_path / "空.xlsx")
    code, out, _ = run(capsys, tmp_path / "空.xlsx")
    assert code == 2 and ("无法校验：“空.xlsx”是空的工作簿：没有任何内容（各工作表都是空白的），"
                          "请填报单位提交填好的自评表") in out
    data = docx(tmp_path / "d.docx", paragraph("自评报告")).read_bytes()
    (tmp_path / "坏.docx").write_bytes(data[:len(data) // 2])
    os.utime(tmp_path / "坏.docx", (0, 0))  # not just written: damaged, not still copying
    code, out, _ = run(capsys, tmp_path / "坏.docx")
    assert code == 2 and ("“坏.docx”已损坏，无法作为 Word 文档（.docx）打开（压缩包结构不完整）"
                          in out)


def test_an_ofd_or_a_zip_of_files_is_named_for_what_it_is(tmp_path, capsys):
    import zipfile

    for name, member in (("自评表.ofd", "OFD.xml"), ("材料.zip", "自评表/说明.txt")):
        with zipfile.ZipFile(tmp_path / name, "w") as archive:
            archive.writestr(member, "x")
        code, out, _ = run(capsys, tmp_path / name)
        assert code == 2
        assert ("OFD 版式文件" if name.endswith("ofd") else "请先解压") in out


def test_exit_2_wins_over_errors_in_other_files(tmp_path, capsys):
    code, out, _ = run(capsys, zizhou(tmp_path / "z.xlsx"), broken(tmp_path, "xls"))
    assert code == 2 and "共 2 个文件（1 个无法校验）" in out


def test_unknown_rule_set_is_refused(tmp_path, capsys):
    code, _, err = run(capsys, standard(tmp_path / "t.xlsx"), "--rules", "beijing")
    assert code == 2 and "未知的评分规则" in err


def test_rules_option_overrides_the_workbook(tmp_path, capsys):
    code, out, _ = run(capsys, zizhou(tmp_path / "z.xlsx"), "--json", "--rules", "ratio")
    assert json.loads(out)["rules"] == "ratio"


# ---------------------------------------------------------------- text

def test_text_report_snapshot(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    zizhou(tmp_path / "zizhou.xlsx")
    putuo(tmp_path / "putuo-2.xlsx", "putuo-2")
    broken(tmp_path, "xls")
    code, out, _ = run(capsys, "zizhou.xlsx", "putuo-2.xlsx", "old.xls")
    assert code == 2
    snapshot = SNAPSHOTS / "check_report.txt"
    if os.environ.get("JIXIAO_UPDATE_SNAPSHOTS"):
        snapshot.parent.mkdir(exist_ok=True)
        snapshot.write_text(out, encoding="utf-8")
    assert out == snapshot.read_text(encoding="utf-8")


def test_text_report_is_grouped_by_severity_and_ends_with_counts(tmp_path, capsys):
    _, out, _ = run(capsys, zizhou(tmp_path / "zizhou.xlsx"))
    lines = out.rstrip().splitlines()
    assert lines.index("错误（1）") < lines.index("警告（2）")
    assert "  JX405  自评表!I17  “群众满意度”扣 3 分（7/10），未说明偏差原因" in lines
    assert lines[-1] == "共 1 个错误，2 个警告，0 个提示"


# ---------------------------------------------------------------- JSON

def test_json_rate_declared_in_a_percent_cell_is_the_percent_shown(tmp_path, capsys):
    """rt22: a 执行率 0.974 formatted as % was "rate_declared": 97.39999999999999."""
    from workbooks import PUTUO_1_MONEY, Percent

    money = [(PUTUO_1_MONEY[0][0], 30.0, 30.0, 29.22, 10, Percent(0.974), 9.74),
             *PUTUO_1_MONEY[1:]]
    _, out, _ = run(capsys, standard(tmp_path / "rate.xlsx", money=money), "--json")
    assert json.loads(out)["funds"]["rate_declared"] == 97.4


def test_json_numbers_are_as_a_spreadsheet_shows_them_and_typed_ones_as_typed(tmp_path,
                                                                              capsys):
    """rt25 (j2): a 总分 formula's stored result 99.97999999999999 (binary arithmetic)
    was "total_declared": 99.97999999999999; it is 99.98, as Excel shows it. A number
    typed to 15 significant digits (the most a spreadsheet keeps) stays as typed."""
    from workbooks import PUTUO_1_MONEY, Formula

    money = [(*PUTUO_1_MONEY[0][:2], 31.5600000000001, *PUTUO_1_MONEY[0][3:]),
             *PUTUO_1_MONEY[1:]]
    path = standard(tmp_path / "t.xlsx", money=money,
                    total=(100, Formula("=H6+SUM(H11:H15)", 99.97999999999999)))
    data = json.loads(run(capsys, path, "--json")[1])
    assert (data["total_declared"], data["total_computed"]) == (99.98, 99.98)
    assert data["funds"]["budget"] == 31.5600000000001


def test_json_for_one_table(tmp_path, capsys):
    _, out, _ = run(capsys, putuo(tmp_path / "p2.xlsx", "putuo-2"), "--json")
    data = json.loads(out)
    assert set(data) >= {"file", "layout", "rules", "project", "funds", "indicators",
                         "total_declared", "total_computed", "grade_declared",
                         "grade_computed", "findings"}
    assert data["layout"] == "standard" and data["rules"] == "mof2020"
    assert data["project"]["department"] == "上海市普陀区医疗保障局"
    funds = data["funds"]
    assert funds["rate"] == 99.71 and funds["rate_declared"] == 99.7  # percent, not 0.997
    assert (funds["budget"], funds["executed"], funds["weight"]) == (34.0, 33.9, 10.0)
    assert (funds["score_declared"], funds["score_computed"]) == (9.97, 9.97)
    first = data["indicators"][0]
    assert first == {"level1": "产出指标", "level2": "数量指标", "name": "预算资金执行率",
                     "target": "=90.00(%)", "actual": "90.00(%)", "weight": 5.0,
                     "score_declared": 5.0, "score_computed": 5.0, "met": True,
                     "sheet": "自评表", "cell": "C13", "place": None}  # (place: documents')
    assert (data["total_declared"], data["total_computed"]) == (99.97, 99.97)
    assert (data["grade_declared"], data["grade_computed"]) == ("优", "优")
    assert data["findings"] == [{"code": "JX305", "severity": "error", "sheet": "自评表",
                                 "cell": "E13", "place": None,
                                 "message": data["findings"][0]["message"]}]


def test_json_absent_values_are_null_and_several_files_give_a_list(tmp_path, capsys):
    _, out, _ = run(capsys, zizhou(tmp_path / "z.xlsx"), putuo(tmp_path / "p.xlsx"), "--json")
    first, second = json.loads(out)
    assert first["total_computed"] is None and first["grade_declared"] is None
    assert first["indicators"][0]["score_computed"] is None
    assert first["indicators"][0]["met"] is None
    assert second["findings"] == []


def test_json_carries_the_notes_the_text_report_prints(tmp_path, capsys):
    """The 注意 lines (a hidden row not read …) are in the JSON too, each table's object
    carrying its file's notes as the text report prints them (rt32 r6 hid402)."""
    rows = [*PUTUO_1_ROWS[:3], OLD_ROW, *PUTUO_1_ROWS[3:]]
    path = standard(tmp_path / "hidden.xlsx", rows=rows, hidden=[14])
    note = ("工作表“自评表”第 14 行是隐藏行（“上年度旧指标（已停用）”），不显示也不打印，未读取；"
            "若其中是本年的指标或资金，请取消隐藏后再校验")
    _, text, _ = run(capsys, path)
    assert f"注意：{note}" in text.splitlines()
    _, out, _ = run(capsys, path, "--json")
    assert json.loads(out)["notes"] == [note]
    _, out, _ = run(capsys, putuo(tmp_path / "p.xlsx"), "--json")
    assert json.loads(out)["notes"] == []


# ---------------------------------------------------------------- annotate

def test_annotated_copy_marks_cells_and_lists_findings(tmp_path, capsys):
    source = zizhou(tmp_path / "zizhou.xlsx")
    before = source.read_bytes()
    target = tmp_path / "zizhou-校验.xlsx"
    code, out, _ = run(capsys, source, "--annotate", target)
    assert code == 1 and "已写入标注副本" in out
    assert source.read_bytes() == before
    book = load_workbook(target)
    sheet = book["自评表"]
    assert "JX405" in sheet["I17"].comment.text and sheet["I17"].fill.fgColor.rgb.endswith("FFC7CE")
    assert "JX404" in sheet["H17"].comment.text and sheet["H17"].fill.fgColor.rgb.endswith("FFEB9C")
    assert sheet["D12"].value == "全县 25 万城乡居民医保工作"  # the data is all still there
    results = book["校验结果"]
    assert [cell.value for cell in results[1]] == ["代码", "级别", "位置", "说明"]
    codes = [row[0].value for row in results.iter_rows(min_row=2)]
    assert codes == ["JX204", "JX404", "JX405", None, "总分"]
    # after a blank row, the 总分 line as the terminal gives it
    assert results.cell(6, 4).value == (
        "总分 填报 97 / 计算 —（1 项得分规则无法计算：“全县 25 万城乡居民医保工作”，须人工核对）；"
        "评分等级 填报 — / 计算 —")
    assert results.cell(6, 4).value in out
    link = results.cell(2, 3).hyperlink  # a link within the workbook, as every program follows
    assert link.location == "'自评表'!F12" and not link.target
    assert book.active.title == "校验结果"
    # printed one page wide, landscape, the messages wrapped, the header on each page
    assert results.page_setup.fitToWidth == 1 and results.page_setup.fitToHeight == 0
    assert results.sheet_properties.pageSetUpPr.fitToPage
    assert results.page_setup.orientation == "landscape" and results.print_title_rows == "$1:$1"
    assert results.cell(2, 4).alignment.wrap_text and results.freeze_panes == "A2"


def test_annotated_copy_keeps_images_charts_and_other_sheets(tmp_path, capsys):
    import zipfile

    from openpyxl.chart import BarChart, Reference
    from openpyxl.drawing.image import Image
    from PIL import Image as Picture

    source = zizhou(tmp_path / "zizhou.xlsx")
    book = load_workbook(source)
    Picture.new("RGB", (40, 30), "red").save(tmp_path / "stamp.png")
    book["自评表"].add_image(Image(tmp_path / "stamp.png"), "K2")
    notes = book.create_sheet("附表")
    for row in range(1, 5):
        notes.append([f"第{row}季度", row * 7.5])
    chart = BarChart()
    chart.add_data(Reference(notes, min_col=2, min_row=1, max_row=4))
    notes.add_chart(chart, "D2")
    book.save(source)
    target = tmp_path / "annotated.xlsx"
    run(capsys, source, "--annotate", target)
    members = zipfile.ZipFile(target).namelist()
    assert any(name.startswith("xl/media/") for name in members)
    assert any(name.startswith("xl/charts/chart") for name in members)
    assert load_workbook(target)["附表"]["B4"].value == 30.0


def test_a_units_own_sheet_named_like_the_findings_sheet_is_kept(tmp_path, capsys):
    """The unit's own sheet named 校验结果 (rt18-d 6: before, deleted with its table);
    the findings go to 校验结果2, as the 校验 button writes them. Annotating jixiao's copy
    again replaces its own sheet."""
    source = zizhou(tmp_path / "zizhou.xlsx")
    book = load_workbook(source)
    book["自评表"].title = "校验结果"
    book.save(source)
    target = tmp_path / "annotated.xlsx"
    run(capsys, source, "--annotate", target)
    copy = load_workbook(target)
    assert copy.sheetnames == ["校验结果", "校验结果2"]
    assert copy["校验结果"]["D12"].value == "全县 25 万城乡居民医保工作"
    assert copy.active.title == "校验结果2"
    again = tmp_path / "again.xlsx"
    run(capsys, target, "--annotate", again)
    assert load_workbook(again).sheetnames == ["校验结果", "校验结果2"]


def test_a_units_review_log_starting_with_code_is_kept(tmp_path, capsys):
    """A unit's 校验结果 sheet whose A1 happens to be 代码 (代码 | 单位 | 问题 | 处理意见:
    rt19-c 2): kept; only jixiao's own header 代码 | 级别 | 位置 | 说明 is replaced."""
    source = standard(tmp_path / "t.xlsx")
    book = load_workbook(source)
    book.create_sheet("校验结果").append(["代码", "单位", "问题", "处理意见"])
    book.save(source)
    target = tmp_path / "annotated.xlsx"
    run(capsys, source, "--annotate", target)
    copy = load_workbook(target)
    assert copy.sheetnames[-2:] == ["校验结果", "校验结果2"]
    assert copy["校验结果"]["D1"].value == "处理意见"


def test_a_copy_of_formulas_never_calculated_is_calculated_on_opening(tmp_path, capsys):
    """A file a program wrote with formulas and no results (rt18-b 3): the copy keeps
    'calculate on opening', or Excel and WPS would show the 总分 empty; a copy of a file with
    every result stored keeps them and is not recalculated."""
    import re
    import zipfile

    source = standard(tmp_path / "formulas.xlsx")
    book = load_workbook(source)
    sheet = book.active
    [total] = [cell for row in sheet.iter_rows() for cell in row if cell.value == 99.98]
    total.value = "=ROUND(SUM(H12:H16)+H6,2)"  # as openpyxl writes it: no result
    book.save(source)
    target = tmp_path / "annotated.xlsx"
    run(capsys, source, "--annotate", target)
    workbook = zipfile.ZipFile(target).read("xl/workbook.xml").decode()
    assert re.search(r'<calcPr[^>]*fullCalcOnLoad="1"', workbook), workbook
    plain = standard(tmp_path / "plain.xlsx")
    run(capsys, plain, "--annotate", tmp_path / "plain-annotated.xlsx")
    workbook = zipfile.ZipFile(tmp_path / "plain-annotated.xlsx").read("xl/workbook.xml").decode()
    assert "fullCalcOnLoad" not in workbook


def test_annotate_never_overwrites_the_original(tmp_path, capsys):
    source = zizhou(tmp_path / "zizhou.xlsx")
    before = source.read_bytes()
    code, _, err = run(capsys, source, "--annotate", source)
    assert code == 2 and "不能覆盖原文件" in err
    assert source.read_bytes() == before


def test_annotate_several_files_into_a_folder(tmp_path, capsys):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    run(capsys, zizhou(tmp_path / "z.xlsx"), putuo(tmp_path / "p.xlsx"), "--annotate", out_dir)
    assert sorted(path.name for path in out_dir.iterdir()) == ["p-校验.xlsx", "z-校验.xlsx"]


def test_annotate_makes_its_folder_as_batch_does(tmp_path, capsys):
    """--annotate into a folder that does not exist yet: made, for one file and for several
    (batch --annotate-dir does the same); a name ending in .xlsx stays a file name."""
    several, one = tmp_path / "新目录" / "多个", tmp_path / "单个"
    run(capsys, zizhou(tmp_path / "z.xlsx"), putuo(tmp_path / "p.xlsx"), "--annotate", several)
    assert sorted(path.name for path in several.iterdir()) == ["p-校验.xlsx", "z-校验.xlsx"]
    run(capsys, zizhou(tmp_path / "z.xlsx"), "--annotate", one)
    assert [path.name for path in one.iterdir()] == ["z-校验.xlsx"]


def test_annotate_with_a_workbook_name_for_several_files_is_refused(tmp_path, capsys):
    """Before: a folder named "标注.xlsx" was made quietly, the copies inside (rt14-b C2)."""
    code, _, err = run(capsys, zizhou(tmp_path / "z.xlsx"), putuo(tmp_path / "p.xlsx"),
                       "--annotate", tmp_path / "标注.xlsx")
    assert code == 2 and "只能用于校验一个文件" in err and "Traceback" not in err
    assert not (tmp_path / "标注.xlsx").exists()


def test_check_of_a_folder_points_to_batch(tmp_path, capsys):
    code, out, err = run(capsys, tmp_path)
    assert code == 2 and "是文件夹" in err and "jixiao batch" in err
    assert "1 个文件" not in out


def test_an_unknown_option_shows_the_usage_of_its_command(tmp_path, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["check", str(zizhou(tmp_path / "z.xlsx")), "--bogus"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "jixiao check" in err and "--bogus" in err and "子命令" not in err


# ---------------------------------------------------------------- rules

def test_rules_lists_every_code(capsys):
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    for code in REGISTRY:
        assert code in out
    assert main(["rules", "jx405"]) == 0
    assert "**为什么**" in capsys.readouterr().out
    assert main(["rules", "JX999"]) == 2


def test_docs_rules_md_is_generated_from_the_docstrings():
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == rules_markdown(), "docs/rules.md 已过时：jixiao rules --markdown > docs/rules.md"


def test_every_check_is_documented_with_why_and_examples():
    for check in REGISTRY.values():
        for section in ("**为什么**", "**错误示例**", "**正确示例**"):
            assert section in check.doc, (check.code, section)


def test_check_commands_import_nothing_heavy():
    code = ("import sys, jixiao.cli.check, jixiao.cli.rules; "
            "print(sorted(m for m in ('openpyxl', 'pandas', 'formulas') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, check=True).stdout
    assert out.strip() == "[]"


# ---------------------------------------------------------------- convert

def test_convert_moves_a_table_into_the_template(tmp_path, capsys):
    from jixiao.read.by_names import read_template

    out = tmp_path / "2024.xlsx"
    assert main(["convert", str(zizhou(tmp_path / "z.xlsx")), "-o", str(out)]) == 0
    assert "已转换" in capsys.readouterr().out
    table = read_template(out)
    assert table.project.name == "医疗保障经办和服务能力提升" and table.project.year == 2023
    assert [i.name for i in table.indicators][-1] == "群众满意度"
    assert [(i.target, i.actual, i.weight) for i in table.indicators][-1] == ("≥95%", "85%", 10)
    assert table.funds.total.budget == 30
    assert main(["convert", str(zizhou(tmp_path / "z.xlsx")), "-o", str(out)]) == 2  # exists
    assert "--force" in capsys.readouterr().err


def test_convert_takes_a_table_without_level2_and_its_rate_row(tmp_path, capsys):
    """A 评分附件表 (一级 | 三级 | 权重 | 目标值 | 业绩值, no 二级; 预算执行率 as a row): each
    三级 under the 二级 its words or its 一级 name, the rate row's points the money block's
    (rt18-b 6: before, “二级指标“”不在标准模板中”, exit 2); recalculated, the same total."""
    import sys

    sys.path.insert(0, str(Path(__file__).parents[1] / "product"))
    from test_real_shapes import attachment

    from jixiao.read.by_names import read_template

    source = attachment(tmp_path / "附件表.xlsx")
    out = tmp_path / "模板.xlsx"
    assert main(["convert", str(source), "-o", str(out)]) == 0
    assert "已转换" in capsys.readouterr().out
    table = read_template(out)
    assert [(i.level2, i.name) for i in table.indicators] == [
        ("数量指标", "培训人次"), ("质量指标", "培训合格率"), ("社会效益指标", "参保率提升"),
        ("社会效益指标", "政策知晓率"), ("服务对象满意度指标", "参训人员满意度")]
    assert table.funds.weight == 10
    recalculated = tmp_path / "重算.xlsx"
    assert main(["recalc", str(out), "-o", str(recalculated)]) == 0
    capsys.readouterr()
    main(["check", str(recalculated), "--json"])
    assert json.loads(capsys.readouterr().out)["total_computed"] == 97.6


def test_convert_joins_sichuan_targets(tmp_path, capsys):
    from workbooks import sichuan

    from jixiao.read.by_names import read_template

    out = tmp_path / "sc.xlsx"
    assert main(["convert", str(sichuan(tmp_path / "s.xlsx")), "-o", str(out)]) == 0
    table = read_template(out)
    assert table.rules.name == "sichuan"
    assert [i.target for i in table.indicators][:2] == ["≥20台", "＝100%"]
    assert "执行率 10 分" in capsys.readouterr().out


ZIZHOU_GOAL = "进一步提升医疗保障经办和服务水平。"


def test_convert_carries_the_overall_goal_over(tmp_path):
    """年度总体目标 (预期目标 / 实际完成情况) survives convert, from a standard-layout table
    and from a file that is already the template (convert of a convert)."""
    from jixiao.read.by_names import read_template

    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    assert main(["convert", str(zizhou(tmp_path / "z.xlsx")), "-o", str(first)]) == 0
    assert main(["convert", str(first), "-o", str(second)]) == 0
    for path in (first, second):
        project = read_template(path).project
        assert (project.goal_expected, project.goal_actual) == (ZIZHOU_GOAL, ZIZHOU_GOAL)


def test_convert_carries_a_sichuan_goal_over(tmp_path):
    """A 四川 table states its goal as one text beside 年度总体目标: it becomes 预期目标."""
    from workbooks import Book, sichuan_head

    from jixiao.read.by_names import read_template

    book = Book()
    sheet = sichuan_head(book, "四川", (100, 98), "98%")
    row = sheet.line("年度总体目标", None, "购置设备 20 台，提升基层诊疗能力")
    sheet.merge(row, 1, 2)
    sheet.merge(row, 3, 9)
    sheet.indicators([("产出指标", "数量指标", "购置设备数量", "≥", 20, "台", 90, 20, None)],
                     header=("一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位",
                             "权重", "实际完成指标值", "偏差原因分析及改进措施"), lead=None)
    out = tmp_path / "out.xlsx"
    assert main(["convert", str(book.save(tmp_path / "s.xlsx")), "-o", str(out)]) == 0
    project = read_template(out).project
    assert project.goal_expected == "购置设备 20 台，提升基层诊疗能力"
    assert project.goal_actual is None


def test_convert_refuses_what_the_template_cannot_hold(tmp_path, capsys):
    from workbooks import THIRD_PARTY, Book

    book = Book()
    book.sheet("体系").indicators([("决策", "项目实施", "实施依据充分性", "…", 100, 98)],
                                 header=THIRD_PARTY, lead=None)
    path = book.save(tmp_path / "tp.xlsx")
    assert main(["convert", str(path), "-o", str(tmp_path / "out.xlsx")]) == 2
    assert "不在标准模板中" in capsys.readouterr().err


def test_an_internal_error_is_reported_not_raised(tmp_path, capsys, monkeypatch):
    import jixiao.pipeline

    def broken_checks(*args, **kwargs):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(jixiao.pipeline, "run_checks", broken_checks)
    code, out, _ = run(capsys, standard(tmp_path / "t.xlsx"))
    assert code == 2 and "内部错误" in out and "ZeroDivisionError" in out


def test_a_skipped_large_sheet_is_mentioned(tmp_path, capsys):
    from workbooks import big_sheet

    code, out, _ = run(capsys, big_sheet(tmp_path / "big.xlsx", 20_000))
    assert code == 0 and "注意：工作表“明细”有 20000 行" in out


def test_an_xlsm_without_macros_may_be_annotated_as_xlsx_one_with_macros_not(tmp_path, capsys):
    """An .xlsm saved without a VBA project is annotated to an .xlsx the reviewer asked for
    (rt19-b 7: before, refused as “含宏”); one with macros still needs .xlsm."""
    import shutil
    import zipfile

    from hostile import macro

    plain = tmp_path / "plain.xlsm"
    shutil.copyfile(standard(tmp_path / "t.xlsx"), plain)
    target = tmp_path / "copy.xlsx"
    run(capsys, plain, "--annotate", target)
    with zipfile.ZipFile(target) as archive:
        assert "macroEnabled" not in archive.read("[Content_Types].xml").decode()
    assert load_workbook(target).sheetnames[-1] == "校验结果"
    with_macros = tmp_path / "m.xlsm"
    shutil.copyfile(macro(tmp_path), with_macros)
    code, out, err = run(capsys, with_macros, "--annotate", tmp_path / "m-copy.xlsx")
    assert code == 2 and "含宏" in out + err
