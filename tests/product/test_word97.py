"""A 自评表 typed into Word 97-2003 (.doc) gives the findings of the same table in Excel,
as a .docx does (tests/product/test_word_tables.py): written by hand per [MS-DOC]
(tests/docfiles.py) and by a word processor (LibreOffice Writer saving "MS Word 97").
Before, every .doc was refused ("请另存为 .docx") and a batch only counted them."""

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from docfiles import Cell, doc, workbook_doc
from libreoffice import convert, soffice
from test_word_tables import MISTAKEN_MONEY, MISTAKEN_ROWS, REASONED_ROWS, findings
from wordfiles import docx, workbook_html
from workbooks import PUTUO_1_ROWS, standard

from jixiao.pipeline import check_workbook
from jixiao.report.json import json_report
from jixiao.xlsx.doctable import doc_document
from jixiao.xlsx.wordtable import document_sheets

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def jixiao(*args):
    return subprocess.run([sys.executable, "-m", "jixiao", *map(str, args)], capture_output=True,
                          text=True, env=ENV, timeout=180, check=False)


def same_as_workbook(document, book):
    data, found = findings(document)
    expected, expected_found = findings(book)
    assert found == expected_found  # the same codes at the same cells
    for key in ("project", "total_declared", "total_computed", "grade_declared",
                "grade_computed"):
        assert data[key] == expected[key], key
    assert [i["score_computed"] for i in data["indicators"]] == \
        [i["score_computed"] for i in expected["indicators"]]
    return found


@pytest.mark.parametrize("options", [{}, {"huge": True, "narrow_tail": "End"}],
                         ids=["in-page", "data-stream"])
@pytest.mark.parametrize("mistaken", [False, True], ids=["putuo", "mistaken"])
def test_a_doc_gives_the_findings_of_the_workbook(tmp_path, options, mistaken):
    """Row properties in the PAPX page or in the Data stream (sprmPHugePapx), the text in
    one UTF-16 piece or with an 8-bit piece after it: the same table, the same findings."""
    book = standard(tmp_path / "自评表.xlsx", **(
        {"rows": MISTAKEN_ROWS, "money": MISTAKEN_MONEY} if mistaken else {}))
    found = same_as_workbook(workbook_doc(book, tmp_path / "自评表.doc", **options), book)
    assert bool(found) == mistaken
    if mistaken:
        assert ("JX501", "H16") in found and ("JX401", "H15") in found


def test_borders_a_little_off_in_the_lower_rows_of_a_doc_are_the_same_columns(tmp_path):
    """A .doc whose lower rows' cell edges are 15–50 twips off the upper rows' (a table
    split across pages saved by Word, a border dragged by hand): the workbook's findings
    at its cells, the one missing reason (JX405 at I15). Before: every edge was a column
    of its own (4 twips apart at most), the indicators read in other columns."""
    book = standard(tmp_path / "自评表.xlsx", rows=REASONED_ROWS, total=(100, 97.84))
    nudged = {1: 15, 2: -30, 3: 40, 4: -20, 5: 20, 6: -45, 7: 30, 8: -50}
    path = workbook_doc(book, tmp_path / "自评表.doc", nudged=(11, nudged))
    assert same_as_workbook(path, book) == [("JX405", "I15")]


def test_a_doc_libreoffice_wrote_reads_as_its_docx(tmp_path):
    """One document saved by a word processor (LibreOffice Writer, from the table as a web
    page) as .doc and as .docx: the same findings at the same cells, the workbook's."""
    book = standard(tmp_path / "自评表.xlsx", rows=MISTAKEN_ROWS, money=MISTAKEN_MONEY)
    page = tmp_path / "自评表.html"
    page.write_text(workbook_html(book), encoding="utf-8")
    written = {}
    for suffix, target in (("doc", "doc:MS Word 97"), ("docx", "docx:MS Word 2007 XML")):
        out = tmp_path / suffix
        out.mkdir()
        subprocess.run([soffice(), f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}",
                        "--headless", "--norestore", "--infilter=HTML (StarWriter)",
                        "--convert-to", target, "--outdir", str(out), str(page)],
                       capture_output=True, timeout=180,
                       env={**os.environ, "HOME": str(tmp_path)}, check=False)
        written[suffix] = out / f"自评表.{suffix}"
        if not written[suffix].exists():
            pytest.skip(f"LibreOffice wrote no .{suffix}")
    assert written["doc"].read_bytes()[:8] == bytes.fromhex("d0cf11e0a1b11ae1")
    data, found = findings(written["doc"])
    other, other_found = findings(written["docx"])
    assert found == other_found
    assert {**data, "file": ""} == {**other, "file": ""}
    expected, _ = findings(book)
    assert data["project"] == expected["project"]
    assert data["total_declared"] == expected["total_declared"]
    assert {code for code, _ in found} >= {"JX401", "JX501"}


def _laid_out(path):
    [(name, cells, merges)] = document_sheets(path.name, doc_document(path.name,
                                                                      path.read_bytes()), 10**6)
    return name, {(row, column): value for row, column, value, _ in cells}, sorted(merges)


def test_cells_spans_merges_fields_and_a_wide_row(tmp_path):
    """Columns are every row's cell edges: a cell over three columns spans them; vertMerge
    merges down; a field shows its result, not its code; a row of 14 cells (sprmTDefTable
    longer than 255 bytes: its 2-byte length) keeps every cell."""
    wide = [Cell(f"列{number}", 500) for number in range(1, 15)]
    path = doc(tmp_path / "t.doc", [
        "项目支出绩效自评表", "（2024年度）",
        [[Cell("一级指标", 1000, 3), Cell("三级指标", 2000), Cell("分值", 1000)],
         [Cell("", 1000, 1), Cell("培训人次", 1000), Cell("x", 1000), Cell(10, 1000)],
         [Cell("总分", 3000), Cell(100, 1000)]],
        "说明",
        [wide]], fields={"2024": " DATE \\@ yyyy "})
    name, cells, merges = _laid_out(path)
    assert name == "文档"
    assert cells[(1, 1)] == "项目支出绩效自评表" and cells[(2, 1)] == "（2024年度）"
    assert cells[(3, 1)] == "一级指标" and cells[(3, 2)] == "三级指标" and cells[(3, 4)] == "分值"
    assert cells[(4, 2)] == "培训人次" and cells[(4, 3)] == "x" and cells[(4, 4)] == 10
    assert cells[(5, 1)] == "总分" and cells[(5, 4)] == 100
    assert (3, 1, 4, 1) in merges and (3, 2, 3, 3) in merges and (5, 1, 5, 3) in merges
    assert "DATE" not in json.dumps(list(cells.values()), ensure_ascii=False)
    row = max(r for r, _ in cells)
    assert [cells[(row, column)] for column in range(1, 15)] == [f"列{n}" for n in range(1, 15)]


def test_a_table_nested_in_a_cell_is_a_table_in_that_cell(tmp_path):
    """A table nested in a cell (depth 2): a w:tbl in that cell, as in a .docx — its text
    where the outer table has other cells; where the outer table only frames it (one cell
    a row), a table of its own. Before: every nested paragraph a line of the outer cell."""
    inner = ((Cell("三级指标", 2000), Cell("分值", 1000)), (Cell("培训人次", 2000), Cell(10, 1000)))
    path = doc(tmp_path / "t.doc", ["标题", [[Cell("附件1", 3000, inner=inner)]], "中",
                                    [[Cell("说明", 2000, inner=inner), Cell("b", 1000)]]])
    _, cells, _ = _laid_out(path)
    assert cells == {(1, 1): "标题", (2, 1): "附件1", (3, 1): "三级指标", (3, 2): "分值",
                     (4, 1): "培训人次", (4, 2): 10, (6, 1): "中",
                     (7, 1): "说明\n三级指标\n分值\n培训人次\n10", (7, 2): "b"}


def test_a_doc_table_inside_a_frame_is_read_as_the_table(tmp_path):
    """The first Putuo table (99.98, 优) in the one cell of an outer table under 附件1."""
    book = standard(tmp_path / "t.xlsx")
    data, found = findings(workbook_doc(book, tmp_path / "t.doc", framed="附件1"))
    assert found == [] and (data["total_computed"], data["grade_computed"]) == (99.98, "优")
    assert data["project"]["year"] == 2024


def test_an_encrypted_or_damaged_doc_is_one_chinese_line(tmp_path):
    book = standard(tmp_path / "自评表.xlsx")
    locked = workbook_doc(book, tmp_path / "加密.doc", encrypted=True)
    damaged = tmp_path / "损坏.doc"
    damaged.write_bytes(workbook_doc(book, tmp_path / "x.doc").read_bytes()[:3000])
    for path, said in ((locked, "设置了密码的 Word 97-2003 文档"), (damaged, "损坏.doc")):
        done = jixiao("check", path)
        assert done.returncode == 2, done.stdout + done.stderr
        text = done.stdout + done.stderr
        assert said in text and "Traceback" not in text, text


def test_a_doc_with_an_embedded_workbook_is_read_as_the_document(tmp_path):
    """A .doc holding an Excel object (ObjectPool/…/Workbook) is a Word document, not an
    .xls (before: read by calamine as a workbook and refused as damaged)."""
    book = standard(tmp_path / "自评表.xlsx")
    path = workbook_doc(book, tmp_path / "自评表.doc",
                        storages={"ObjectPool": {"_1234": {"Workbook": b"\0" * 600}}})
    data, found = findings(path)
    assert found == [] and data["total_declared"] == 99.98


def test_recalc_refuses_a_doc_convert_makes_a_template(tmp_path):
    book = standard(tmp_path / "自评表.xlsx")
    document = workbook_doc(book, tmp_path / "自评表.doc")
    done = jixiao("recalc", document, "-o", tmp_path / "r.xlsx")
    said = done.stdout + done.stderr
    assert done.returncode == 2 and "Word 97-2003 文档（.doc）" in said and "jixiao convert" in said
    done = jixiao("convert", document, "-o", tmp_path / "模板.xlsx")
    assert done.returncode == 0, done.stdout + done.stderr
    assert findings(tmp_path / "模板.xlsx")[0]["total_computed"] == \
        findings(book)[0]["total_computed"]


def test_a_mangled_doc_is_refused_in_chinese_never_a_traceback(tmp_path):
    """Bytes of a .doc changed at random (its FIB, piece table, PAPX pages, text): each
    file is read or refused with a line naming it — never an exception."""
    import random

    from jixiao.pipeline import check_workbook

    book = standard(tmp_path / "自评表.xlsx")
    original = workbook_doc(book, tmp_path / "原.doc", huge=True).read_bytes()
    chance = random.Random(2026)
    for number in range(150):
        data = bytearray(original)
        for _ in range(chance.choice((1, 4, 32))):
            at = chance.randrange(512, len(data))  # past the compound file's header
            data[at] = chance.randrange(256)
        path = tmp_path / f"变{number}.doc"
        path.write_bytes(bytes(data))
        result = check_workbook(path)
        assert result.error is None or path.name in result.error, result.error


@pytest.mark.parametrize("kind", ["excel97", "excel2007"])
def test_a_worksheet_embedded_in_a_doc_is_read_as_a_workbook(tmp_path, kind):
    """A 自评报告.doc whose 自评表 is an Excel object (ObjectPool: an Excel 97 object's
    Workbook stream, an Excel 2007+ object's Package): the object's findings, placed in
    the embedded worksheet (before: 没有找到自评表)."""
    import olefile

    book = standard(tmp_path / "自评表.xlsx", rows=MISTAKEN_ROWS, money=MISTAKEN_MONEY)
    if kind == "excel97":
        out = convert(book, tmp_path, "xls")
        if not (out / "自评表.xls").exists():
            pytest.skip("LibreOffice wrote no .xls")
        with olefile.OleFileIO(str(out / "自评表.xls")) as compound:
            storage = {"\x01Ole": bytes(20), "Workbook": compound.openstream("Workbook").read()}
    else:
        storage = {"\x01Ole": bytes(20), "Package": book.read_bytes()}
    path = doc(tmp_path / "自评报告.doc", ["2024年度项目支出绩效自评报告", "附表：见下方工作表对象"],
               storages={"ObjectPool": {"_1712345678": storage,
                                        "_1712345679": {"WordDocument": bytes(600)}}})
    data, found = findings(path)
    _, expected = findings(book)
    assert found == expected and found  # the object's cells, the workbook's findings
    done = jixiao("check", path)
    assert "文档中嵌入的 Excel 工作表“自评表”!H16" in done.stdout, done.stdout


def test_a_finding_in_a_doc_is_placed_in_the_document(tmp_path):
    book = standard(tmp_path / "自评表.xlsx", rows=MISTAKEN_ROWS, money=MISTAKEN_MONEY)
    document = workbook_doc(book, tmp_path / "自评表.doc")
    data = json.loads(json_report([check_workbook(document)]))
    places = {item["code"]: item["place"] for item in data["findings"]}
    assert places["JX501"].startswith("第1个表格 第") and "列" in places["JX501"]


def test_tracked_deletions_hidden_text_and_symbol_signs_read_as_word_shows_them(tmp_path):
    """What Word shows: a tracked deletion (95 → 99.98 in the 总分) is gone, hidden text (a
    hidden 8 before the score 30) is not there, ≤ inserted from the Symbol font (w:sym
    F0A3) is ≤ — in the .docx and in the .doc Word (here LibreOffice) saves of it (before:
    总分 “9599.98”, 得分 830, target “2次” read as = 2; rt13 A1–A3)."""
    from wordfiles import workbook_docx

    rows = [*PUTUO_1_ROWS[:3], ("效益指标", "社会效益指标", "投诉次数", "≤2次", "1次", 30, 30, None),
            PUTUO_1_ROWS[4]]
    book = standard(tmp_path / "自评表.xlsx", rows=rows)
    plain = workbook_docx(book, tmp_path / "plain.docx")
    with zipfile.ZipFile(plain) as archive:
        xml = archive.read("word/document.xml").decode()
    xml = xml.replace('<w:t xml:space="preserve">≤2次</w:t>',
                      '<w:sym w:font="Symbol" w:char="F0A3"/><w:t xml:space="preserve">2次</w:t>')
    xml = xml.replace('<w:r><w:t xml:space="preserve">99.98</w:t></w:r>',
                      '<w:del w:id="1" w:author="审核" w:date="2025-01-01T00:00:00Z"><w:r>'
                      '<w:delText>95</w:delText></w:r></w:del>'
                      '<w:r><w:t xml:space="preserve">99.98</w:t></w:r>')
    score = xml.rindex('<w:r><w:t xml:space="preserve">30</w:t></w:r>')
    xml = xml[:score] + '<w:r><w:rPr><w:vanish/></w:rPr><w:t>8</w:t></w:r>' + xml[score:]
    document = docx(tmp_path / "自评表.docx", "", document=xml.encode())
    data, found = findings(document)
    assert found == [] and data["total_declared"] == 99.98
    [row] = [i for i in data["indicators"] if i["name"] == "投诉次数"]
    assert row["target"].startswith("≤") and row["score_declared"] == 30
    out = convert(document, tmp_path, "doc:MS Word 97")
    if not (out / "自评表.doc").exists():
        pytest.skip("LibreOffice wrote no .doc")
    again, found_again = findings(out / "自评表.doc")
    assert found_again == found and again["total_declared"] == 99.98
    [row] = [i for i in again["indicators"] if i["name"] == "投诉次数"]
    assert row["target"].startswith("≤") and row["score_declared"] == 30


def test_property_changes_before_the_piece_table_are_passed_over_a_bad_length_refused():
    """A Prc (0x01, cbGrpprl, grpprl) before the piece table is skipped; one whose length
    is negative is refused at once (before: the reader never moved on, and only the 60 s
    time limit stopped it; rt13 B2)."""
    import struct
    import threading

    from jixiao.errors import UnreadableWorkbook

    def built(prefix: bytes, where: Path) -> bytes:
        return doc(where, ["项目支出绩效自评表", [[Cell("项目名称"), Cell("x")]]],
                   property_changes=prefix).read_bytes()

    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        good = built(b"\x01" + struct.pack("<h", 3) + b"\x00\x00\x00", Path(folder) / "a.doc")
        bad = built(b"\x01" + struct.pack("<h", -3), Path(folder) / "b.doc")
    assert "项目支出绩效自评表" in doc_document("a.doc", good).decode()
    outcome: list[object] = []

    def read() -> None:
        try:
            doc_document("b.doc", bad)
        except UnreadableWorkbook as error:
            outcome.append(error)

    worker = threading.Thread(target=read, daemon=True)
    worker.start()
    worker.join(10)
    assert not worker.is_alive() and outcome and "b.doc" in str(outcome[0])


def test_a_word_document_holding_a_targets_table_gets_a_row_not_a_reports_count(tmp_path):
    """A unit that sent its 绩效目标表 (targets only) as a .doc: a row saying so, as the same
    table in an .xlsx gets — not counted among 自评报告 without a table (rt13 C4)."""
    from openpyxl import load_workbook

    inbox = tmp_path / "收件"
    inbox.mkdir()
    head = ["一级指标", "二级指标", "三级指标", "年度指标值"]
    rows = [["产出指标", "数量指标", "培训人次", "≥100人次"],
            ["效益指标", "社会效益指标", "覆盖率", "≥90%"],
            ["满意度指标", "服务对象满意度指标", "满意度", "≥90%"]]
    doc(inbox / "目标表.doc", ["2024年度项目支出绩效目标表", "项目名称：培训项目",
                               [[Cell(text, 1500) for text in line] for line in [head, *rows]]])
    data = json.loads(json_report([check_workbook(inbox / "目标表.doc")]))
    assert data["no_table"] and data["targets_only"] and "绩效目标表" in data["error"]
    done = jixiao("batch", inbox, "-o", tmp_path / "汇总.xlsx")
    assert done.returncode == 2, done.stdout + done.stderr
    sheet = load_workbook(tmp_path / "汇总.xlsx")["汇总"]
    header = [cell.value for cell in sheet[1]]
    [row] = [dict(zip(header, [cell.value for cell in line], strict=False))
             for line in sheet.iter_rows(min_row=2)]
    assert row["状态"] == "不是自评表" and "绩效目标表" in row["原因"]  # (rt27 #3: was 无法读取)
    assert "没有自评表" not in done.stdout


def test_a_cut_short_doc_and_an_rtf_named_doc_say_what_they_are(tmp_path):
    """A .doc cut short (its directory, naming WordDocument, lost) is not called an Excel
    file with a password; an RTF saved under a .doc name is called RTF (rt13 C1, C5)."""
    book = standard(tmp_path / "自评表.xlsx")
    whole = workbook_doc(book, tmp_path / "x.doc").read_bytes()
    cut = tmp_path / "截断.doc"
    cut.write_bytes(whole[:len(whole) // 2])
    rtf = tmp_path / "另存.doc"
    rtf.write_bytes(b"{\\rtf1\\ansi\\ansicpg936 {\\fonttbl}\\par \\u33258?\\u35780?}")
    for path, said, unsaid in ((cut, "已损坏或不完整", "密码"), (rtf, "RTF", "Excel 工作簿")):
        done = jixiao("check", path)
        text = done.stdout + done.stderr
        assert done.returncode == 2 and said in text and unsaid not in text, text
        assert "Traceback" not in text


def test_a_wps_writer_document_is_read_as_the_doc_it_is(tmp_path):
    """WPS 文字 (most offices' word processor) saves its .wps in Word 97-2003's binary
    format: the table in it is checked as the .doc is (before: check read it, but batch
    only counted it, unchecked). A Microsoft Works .wps (a compound file without a
    WordDocument stream) says what it is, not "an .xls with a password"."""
    from jixiao.xlsx.cfb import write

    book = standard(tmp_path / "自评表.xlsx", rows=MISTAKEN_ROWS, money=MISTAKEN_MONEY)
    wps = workbook_doc(book, tmp_path / "自评表.wps")
    same_as_workbook(wps, book)
    works = tmp_path / "旧文档.wps"
    works.write_bytes(write({"CONTENTS": b"\0" * 600, "SPELLING": b"\0" * 64}))
    done = jixiao("check", works)
    text = done.stdout + done.stderr
    assert done.returncode == 2 and "Microsoft Works" in text and "另存为 .docx" in text, text
    assert "密码" not in text and "Traceback" not in text
