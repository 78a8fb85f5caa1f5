"""A 自评表 in a Word document (.docx) or a web page (.xls saved as HTML) ends where its
table does (<w:tbl>, <table>): a table without a 总分 row followed by another table — a
校验结果 table, a 绩效目标表, an appendix of indicators — is read alone (before: the next
table's rows were its indicators, its 分值合计 its 总分). A table a PDF→Word conversion
split into several consecutive tables with the same columns (header printed again or
not), or whose 总分 row went onto a table of its own, is still one table."""

import json

from test_real_shapes import checked, codes
from wordfiles import cell, embedded_docx, paragraph, table, workbook_docx, workbook_html
from workbooks import PUTUO_1_MONEY, PUTUO_1_ROWS, standard

from jixiao.pipeline import check_workbook
from jixiao.report.json import json_report

# The standard sheet's rows: titles 1–2, project 3–4, money 5–9, header 10, indicators
# 11–15, 总分 16, 等级 17.
FIRST_INDICATOR, TOTAL_ROW = 11, 16
NAMES = [row[2] for row in PUTUO_1_ROWS]

CHECK_TABLE = table([[cell("校验项目"), cell("结果"), cell("说明")],
                     [cell("分值合计"), cell("100"), cell("通过")],
                     [cell("得分合计"), cell("99.98"), cell("通过")]])
# an appendix of indicators typed as a table of its own, in the 自评表's columns but one
APPENDIX_ROWS = [[cell("产出指标"), cell("数量指标"), cell("培训人次"), cell("≥500人次"),
                  cell("300人次"), cell("10"), cell("10")],
                 [cell("效益指标"), cell("社会效益指标"), cell("政策知晓率"), cell("≥90%"),
                  cell("95%"), cell("10"), cell("10")]]


def names(data):
    return [indicator["name"] for indicator in data["indicators"]]


def test_a_check_table_after_a_table_without_total_is_not_its_total(tmp_path):
    """校验结果 | 分值合计 100 under a 自评表 without 总分 row: before, 100 was read as the
    declared 总分 (JX501 总分写为 100，各项得分之和为 99.98)."""
    book = standard(tmp_path / "t.xlsx", total=None, grade=None)
    path = workbook_docx(book, tmp_path / "t.docx", after=paragraph("校验结果") + CHECK_TABLE)
    _, data = checked(path)
    assert codes(data) == []
    assert data["total_declared"] is None and data["total_computed"] == 99.98
    assert names(data) == NAMES


def test_an_appendix_table_is_not_read_as_indicators(tmp_path):
    """An appendix table right under the 自评表 (with or without a title between) whose rows
    look like indicators: before, 培训人次 and 政策知晓率 were read as its indicators (JX101
    分值合计 120, JX102, JX402, JX404 on a table that is not the 自评表)."""
    book = standard(tmp_path / "t.xlsx", total=None, grade=None)
    for number, between in enumerate(("", paragraph("附表：绩效指标说明"))):
        path = workbook_docx(book, tmp_path / f"t{number}.docx",
                             after=between + table(APPENDIX_ROWS))
        _, data = checked(path)
        assert names(data) == NAMES, between
        assert codes(data) == [], between


def test_a_second_table_in_the_same_columns_after_a_title_is_another_table(tmp_path):
    """The same rows again, in the same columns, but under a title of their own: another
    table (here no header: nothing to read), not the 自评表 going on."""
    book = standard(tmp_path / "t.xlsx", total=None, grade=None)
    rows = [[cell(), *row, cell("")] for row in APPENDIX_ROWS]
    path = workbook_docx(book, tmp_path / "t.docx", after=paragraph("附表") + table(rows))
    _, data = checked(path)
    assert names(data) == NAMES


def _findings(path):
    [result] = [check_workbook(path)]
    assert result.error is None, result.error
    data = json.loads(json_report([result]))
    return data, sorted(item["code"] for item in data["findings"])


MISTAKEN_ROWS = [PUTUO_1_ROWS[0], PUTUO_1_ROWS[1], PUTUO_1_ROWS[2],
                 ("效益指标", "可持续影响指标", "网络安全防护能力", "≥95%", "85%", 30, 30, None),
                 ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "95%", 10, 12, None)]


def test_a_table_split_into_several_word_tables_is_one_table(tmp_path):
    """A PDF→Word conversion puts each page's rows in a w:tbl of their own, the same columns:
    with the header printed again on each page or not, the rows, the 总分 and the grade
    below the split are the table's, and its mistakes there are found (a target missed
    with full marks, a score over its weight)."""
    for rows in (PUTUO_1_ROWS, MISTAKEN_ROWS):
        book = standard(tmp_path / "t.xlsx", rows=rows, money=PUTUO_1_MONEY)
        expected, expected_codes = _findings(book)
        for again in (False, True):
            for widths in (None, [900, 1500, 1500, 2000, 1200, 1200, 800, 800, 2400]):
                path = workbook_docx(book, tmp_path / "s.docx", widths=widths,
                                     splits=(FIRST_INDICATOR + 2, TOTAL_ROW - 1),
                                     header_again=again)
                data, found = _findings(path)
                assert found == expected_codes, (again, widths)
                assert names(data) == [row[2] for row in rows]
                for key in ("total_declared", "total_computed", "grade_declared"):
                    assert data[key] == expected[key], key
        if rows is MISTAKEN_ROWS:
            assert {"JX401", "JX402"} <= set(expected_codes)


def test_a_page_that_leaves_out_the_first_column_is_the_table_going_on(tmp_path):
    """A PDF→Word conversion drops, on the next page, the column whose cell was merged down
    from the page before (绩效指标 beside every row): the page's w:tbl has one grid column
    less, the rest as wide as the table's last ones. Its rows and 总分 are the table's, in
    their columns. Before, the page was another table: the indicators read stopped at the
    split (JX101 分值合计 40, JX104 缺少效益/满意度指标), its mistakes went unseen."""
    widths = [900, 1500, 1500, 2000, 1200, 1200, 800, 800, 2400]
    for rows in (PUTUO_1_ROWS, MISTAKEN_ROWS):
        book = standard(tmp_path / "t.xlsx", rows=rows, money=PUTUO_1_MONEY)
        expected, expected_codes = _findings(book)
        path = workbook_docx(book, tmp_path / "s.docx", widths=widths, carried=1,
                             splits=(FIRST_INDICATOR + 2,))
        data, found = _findings(path)
        assert found == expected_codes
        assert names(data) == [row[2] for row in rows]
        for key in ("total_declared", "total_computed", "grade_declared"):
            assert data[key] == expected[key], key
    # a table of one column less whose columns are not as wide as the table's last ones
    # is no page of it: another table, its rows not read into this one
    other = [2400, 800, 800, 1200, 1200, 2000, 1500, 1500]
    path = workbook_docx(book, tmp_path / "o.docx", widths=widths, carried=1,
                         splits=(FIRST_INDICATOR + 2,))
    _with_second_grid(path, other)
    assert names(_findings(path)[0]) == [row[2] for row in rows[:2]]


def test_a_split_table_whose_pages_autofit_their_columns_is_one_table(tmp_path):
    """Word's autofit sizes each page's columns by that page's text: the second w:tbl has
    as many columns, as wide in all (12300 twips), but each other than the first's (by
    2200 twips in all, more than a tenth). With the header printed again or not, its rows,
    总分 and mistakes are the table's. Before: another table, the indicators read stopped
    at the split (JX101, JX104) and the mistakes below it went unseen. A page 1.2 times
    as wide in all is still another table."""
    widths = [900, 1500, 1500, 2000, 1200, 1200, 800, 800, 2400]
    autofit = [600, 1300, 1900, 2400, 1000, 1000, 700, 700, 2700]
    book = standard(tmp_path / "t.xlsx", rows=MISTAKEN_ROWS, money=PUTUO_1_MONEY)
    expected, expected_codes = _findings(book)
    assert {"JX401", "JX402"} <= set(expected_codes)
    for again in (False, True):
        path = workbook_docx(book, tmp_path / "s.docx", widths=widths,
                             splits=(FIRST_INDICATOR + 2,), header_again=again)
        _with_second_grid(path, autofit)
        data, found = _findings(path)
        assert found == expected_codes, again
        assert names(data) == [row[2] for row in MISTAKEN_ROWS]
        for key in ("total_declared", "total_computed", "grade_declared"):
            assert data[key] == expected[key], key
    path = workbook_docx(book, tmp_path / "w.docx", widths=widths,
                         splits=(FIRST_INDICATOR + 2,))
    _with_second_grid(path, [round(1.2 * width) for width in autofit])
    assert names(_findings(path)[0]) == [row[2] for row in MISTAKEN_ROWS[:2]]


def _with_second_grid(path, widths):
    """Give the document's second table other w:gridCol widths."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    document = members["word/document.xml"].decode()
    grids = list(re.finditer(r"<w:tblGrid>.*?</w:tblGrid>", document))
    second = "<w:tblGrid>" + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths) + "</w:tblGrid>"
    members["word/document.xml"] = (document[:grids[1].start()] + second
                                    + document[grids[1].end():]).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def test_a_total_row_on_a_table_of_its_own_is_the_tables_total(tmp_path):
    """The 总分 and 评分等级 rows split off into a table of other columns (a converted PDF's
    last page): still the table's 总分 — a wrong one is still JX501."""
    for total, expected in ((99.98, []), (95, ["JX501"])):
        book = standard(tmp_path / "t.xlsx", total=(100, total))
        path = workbook_docx(book, tmp_path / "t.docx", splits=(TOTAL_ROW,))
        data, found = _findings(path)
        assert data["total_declared"] == total
        assert found == expected


def test_a_split_table_of_other_widths_is_another_table(tmp_path):
    """Tables of as many columns but far other widths right under each other are two
    tables: the second one's rows are not the first one's indicators."""
    book = standard(tmp_path / "t.xlsx", total=None, grade=None)
    narrow = [400] * 9
    wide = [400, 400, 400, 400, 400, 400, 400, 3000, 3000]
    rows = [[cell(), *row, cell("")] for row in APPENDIX_ROWS]
    path = workbook_docx(book, tmp_path / "t.docx", widths=narrow,
                         after=table(rows, widths=wide))
    _, data = checked(path)
    assert names(data) == NAMES


def _page(book, after=""):
    page = workbook_html(book)
    return page.replace("</table></body>", f"</table>{after}</body>")


def test_a_web_page_table_ends_at_its_table(tmp_path):
    """The same in a web page saved as .xls: a 校验结果 <table> under a 自评表 without 总分
    is not read into it (before: JX501 from its 分值合计)."""
    book = standard(tmp_path / "t.xlsx", total=None, grade=None)
    check = ("<p>校验结果</p><table><tr><td>校验项目</td><td>结果</td><td>说明</td></tr>"
             "<tr><td>分值合计</td><td>100</td><td>通过</td></tr></table>")
    path = tmp_path / "t.xls"
    path.write_text(_page(book, check), encoding="utf-8")
    _, data = checked(path)
    assert codes(data) == [] and data["total_declared"] is None
    appendix = ("<table>" + "".join(
        "<tr>" + "".join(f"<td>{value}</td>" for value in row) + "</tr>"
        for row in (("产出指标", "数量指标", "培训人次", "≥500人次", "300人次", 10, 10),)) + "</table>")
    path.write_text(_page(book, appendix), encoding="utf-8")
    _, data = checked(path)
    assert names(data) == NAMES and codes(data) == []


# ------------------------------------------------ where a finding is, in the document's terms

MISTAKEN_MONEY = [("年度资金总额", 30.03, 31.56, 31.50, 10, 99.80, 10), *PUTUO_1_MONEY[1:]]


def _places(data):
    return {(item["code"], item["place"]) for item in data["findings"]}


def test_a_finding_in_a_word_table_names_its_table_row_and_column(tmp_path):
    """文档!H13 means nothing to a reviewer with the Word file open: the finding says which
    table, which row, which cell of the row (a cell merged down from above counts, as Word
    counts it; a cell spanning columns counts once). The sheet and cell stay as they were."""
    book = standard(tmp_path / "t.xlsx", rows=MISTAKEN_ROWS, money=MISTAKEN_MONEY)
    path = workbook_docx(book, tmp_path / "t.docx", after=paragraph("附：校验结果")
                         + CHECK_TABLE)
    data, _ = _findings(path)
    assert {("JX302", "第1个表格 第4行第8列"), ("JX401", "第1个表格 第13行第8列"),
            ("JX402", "第1个表格 第12行第8列"), ("JX501", "第1个表格 第14行第3列")} \
        <= _places(data)
    jx401 = next(item for item in data["findings"] if item["code"] == "JX401")
    assert (jx401["sheet"], jx401["cell"]) == ("文档", "H15")
    assert data["indicators"][0]["place"] == "第1个表格 第9行第4列"
    workbook, _ = _findings(book)
    assert {item["place"] for item in workbook["findings"]} == {None}  # a workbook: its A1


def test_the_text_report_names_the_place_in_the_document(tmp_path, capsys):
    from jixiao.cli.main import main

    book = standard(tmp_path / "t.xlsx", rows=MISTAKEN_ROWS)
    path = workbook_docx(book, tmp_path / "t.docx")
    main(["check", str(path)])
    out = capsys.readouterr().out
    assert "JX401  第1个表格 第13行第8列" in out and "文档!H15" not in out


def test_a_paragraph_and_a_second_table_are_named_too(tmp_path):
    """Cells outside the first table: the paragraphs between tables count from the table
    above, a second table's rows from its own first row."""
    from jixiao.model import DocumentPlaces

    places = DocumentPlaces("文档", ((3, ((1,), (1, 3))), (8, ((1, 2), (2, 3)))))
    assert places.place("文档", "A1") == "第1个表格之前的第1段文字"
    assert places.place("文档", "C4") == "第1个表格 第2行第2列"
    assert places.place("文档", "A6") == "第1个表格之后的第1段文字"
    assert places.place("文档", "C9") == "第2个表格 第2行第2列"
    assert places.place("文档", "A11") == "第2个表格之后的第1段文字"
    assert places.place("其他", "A1") is None


def test_a_finding_in_a_web_page_names_its_table_row_and_column(tmp_path):
    """A web page saved as .xls: LibreOffice lays its tables out other than jixiao does (no
    blank row after a table, columns by width), so its A1 is no help either: the place in
    the page is given as for Word."""
    book = standard(tmp_path / "t.xlsx", rows=MISTAKEN_ROWS)
    path = tmp_path / "t.xls"
    path.write_text(workbook_html(book), encoding="utf-8")
    data, _ = _findings(path)
    assert ("JX401", "第1个表格 第13行第8列") in _places(data)  # (绩效指标 merged from above counts)


def test_a_web_page_counts_a_cell_merged_down_from_above_as_word_does(tmp_path):
    """A <td rowspan> covers the cells below it, which the rows under it do not write
    again; a Word table writes them (vMerge). Counted as the reader sees the table, one
    column keeps one number down the table, and the page and the .docx of one table name
    every finding and indicator alike (rt13 C2: before, 产出指标 was "第13行第1列" in the
    page, "第13行第2列" in the .docx, and one column of names was 第3、第1、第2列)."""
    book = standard(tmp_path / "t.xlsx", rows=MISTAKEN_ROWS, money=MISTAKEN_MONEY)
    page = tmp_path / "t.xls"
    page.write_text(workbook_html(book), encoding="utf-8")
    word = workbook_docx(book, tmp_path / "t.docx")
    seen, expected = _findings(page)[0], _findings(word)[0]
    assert _places(seen) == _places(expected)
    assert [item["place"] for item in seen["indicators"]] == \
        [item["place"] for item in expected["indicators"]]
    names = {item["place"].rsplit("第", 1)[1] for item in seen["indicators"]}
    assert len(names) == 1 and len(seen["indicators"]) >= 4


# ------------------------------------------------ an Excel worksheet embedded in Word

def _error(path):
    [result] = [check_workbook(path)]
    return result.error


def test_an_excel_worksheet_embedded_in_word_is_read(tmp_path):
    """The 自评表 pasted into Word as an Excel object (word/embeddings/…xlsx behind an
    o:OLEObject): before, "没有找到自评表". Now read as the workbook is — the same findings,
    a wrong score still flagged —, each placed in the embedded worksheet."""
    book = standard(tmp_path / "t.xlsx", rows=MISTAKEN_ROWS, money=MISTAKEN_MONEY)
    path = embedded_docx(tmp_path / "t.docx", [book.read_bytes()],
                         body=paragraph("附件：项目支出绩效自评表"))
    data, found = _findings(path)
    expected, expected_codes = _findings(book)
    assert found == expected_codes and {"JX401", "JX402", "JX501"} <= set(found)
    for key in ("total_declared", "total_computed", "grade_declared", "project"):
        assert data[key] == expected[key], key
    assert data["file"] == str(path)
    jx401 = next(item for item in data["findings"] if item["code"] == "JX401")
    assert jx401["place"] == "文档中嵌入的 Excel 工作表“自评表”!H15"
    assert (jx401["sheet"], jx401["cell"]) == ("自评表", "H15")


def test_a_word_table_and_embedded_worksheets_are_each_read(tmp_path):
    """A document with a table of its own and two embedded worksheets: three tables, the
    embedded ones numbered; an object that is no workbook (a Word document) is none."""
    first = standard(tmp_path / "a.xlsx")
    second = standard(tmp_path / "b.xlsx", rows=MISTAKEN_ROWS, name="第二个项目")
    own = workbook_docx(first, tmp_path / "own.docx")
    import zipfile

    with zipfile.ZipFile(own) as archive:
        document = archive.read("word/document.xml").decode()
    body = document.split("<w:body>")[1].split("<w:sectPr/>")[0]
    path = embedded_docx(tmp_path / "t.docx", [second.read_bytes(), first.read_bytes(),
                                               own.read_bytes()], body=body)
    [result] = [check_workbook(path)]
    assert result.error is None, result.error
    places = [checked.table.document.place("自评表", "A1") if checked.table.document else None
              for checked in result.tables]
    assert len(result.tables) == 3
    assert places[1:] == ["文档中嵌入的 Excel 工作表（第1个）“自评表”!A1",
                          "文档中嵌入的 Excel 工作表（第2个）“自评表”!A1"]
    assert result.tables[1].table.project.name == "第二个项目"
    assert "JX401" in {item.code for item in result.tables[1].findings}


def test_an_embedded_zip_bomb_is_refused(tmp_path):
    """An embedded workbook is checked as any workbook is: a bomb (one member of zeros
    packed 1000:1; a member lying about its size) is refused, not unpacked."""
    from hostile import zip_bomb_lying, zip_bomb_ratio

    for bomb in (zip_bomb_ratio, zip_bomb_lying):
        folder = tmp_path / bomb.__name__
        folder.mkdir()
        path = embedded_docx(folder / "t.docx", [bomb(folder).read_bytes()])
        error = _error(path)
        assert error is not None and "嵌入的 Excel 工作表" in error, error
        assert "超出安全上限" in error or "损坏" in error, error
    # beside a table of the document's own: that table is read, the bomb is not
    book = standard(tmp_path / "a.xlsx")
    own = workbook_docx(book, tmp_path / "own.docx")
    import zipfile

    with zipfile.ZipFile(own) as archive:
        body = archive.read("word/document.xml").decode().split("<w:body>")[1] \
            .split("<w:sectPr/>")[0]
    path = embedded_docx(tmp_path / "both.docx", [zip_bomb_ratio(tmp_path).read_bytes()],
                         body=body)
    [result] = [check_workbook(path)]
    assert result.error is None and len(result.tables) == 1
    assert any("超出安全上限" in note for note in result.notes), result.notes


def test_a_document_with_an_object_that_is_no_worksheet_has_no_table(tmp_path):
    book = standard(tmp_path / "a.xlsx")
    own = workbook_docx(book, tmp_path / "own.docx")
    path = embedded_docx(tmp_path / "t.docx", [own.read_bytes()], prog_id="Word.Document.12",
                         names=["Microsoft_Word_Document.docx"])
    assert "没有找到" in (_error(path) or "")


def test_libreoffice_opens_the_document_with_the_embedded_worksheet(tmp_path):
    """The hand-built package is a real one: LibreOffice opens it and prints the object."""
    import os
    import subprocess

    from libreoffice import soffice

    book = standard(tmp_path / "t.xlsx")
    path = embedded_docx(tmp_path / "t.docx", [book.read_bytes()])
    out = tmp_path / "pdf"
    subprocess.run([soffice(), f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
                    "--headless", "--norestore", "--convert-to", "pdf", "--outdir", str(out),
                    str(path)], capture_output=True, timeout=180, check=False,
                   env={**os.environ, "HOME": str(tmp_path)})
    assert (out / "t.pdf").exists() and (out / "t.pdf").stat().st_size > 1000


def test_an_excel_97_object_embedded_in_word_is_read(tmp_path):
    """An older Excel object (Excel.Sheet.8: word/embeddings/oleObject1.bin, an OLE2 file
    holding the Workbook stream — here an .xls LibreOffice wrote) is read by its values."""
    from libreoffice import convert

    book = standard(tmp_path / "t.xlsx", rows=MISTAKEN_ROWS)
    old = convert(book, tmp_path, "xls") / "t.xls"
    if not old.exists():
        import pytest

        pytest.skip("LibreOffice wrote no .xls")
    path = embedded_docx(tmp_path / "t.docx", [old.read_bytes()], prog_id="Excel.Sheet.8",
                         names=["oleObject1.bin"])
    data, found = _findings(path)
    assert "JX401" in found
    assert next(item["place"] for item in data["findings"] if item["code"] == "JX401") \
        .startswith("文档中嵌入的 Excel 工作表“")


def test_a_second_projects_table_right_under_is_its_own_table(tmp_path):
    """Two projects' tables of the same grid with nothing between (the second one's title
    inside its table, over its project rows): two tables, the first one's rows its own."""
    import zipfile

    first = standard(tmp_path / "a.xlsx", total=None, grade=None)
    second = standard(tmp_path / "b.xlsx", rows=MISTAKEN_ROWS, name="第二个项目")
    other = workbook_docx(second, tmp_path / "b.docx")
    with zipfile.ZipFile(other) as archive:
        document = archive.read("word/document.xml").decode()
    second_table = document[document.index("<w:tbl>"):document.rindex("</w:tbl>") + 8]
    path = workbook_docx(first, tmp_path / "t.docx", after=second_table)
    [result] = [check_workbook(path)]
    assert result.error is None, result.error
    assert [checked.table.project.name for checked in result.tables] == [
        "普陀区医疗保险事务中心信息安全等保项目机房设施升级改造", "第二个项目"]
    assert [indicator.name for indicator in result.tables[0].table.indicators] == NAMES
    assert "JX401" in {item.code for item in result.tables[1].findings}
    assert "JX401" not in {item.code for item in result.tables[0].findings}


def _split_page(book, again):
    """The page's table split in two <table>s before the 效益 row (a page break), each
    with its own 绩效指标 cell; ``again``: the header printed again on top of the second."""
    lines = workbook_html(book).split("\n")
    lead = next(number for number, line in enumerate(lines) if ">绩效指标</td>" in line)
    split = next(number for number, line in enumerate(lines) if "<td>效益指标</td>" in line)
    header = lines[lead]
    lines[lead] = header.replace('rowspan="6"', f'rowspan="{split - lead}"')
    rest = split - lead  # the rows from the split down to the last indicator
    below = [f"<tr><td></td>{line[4:]}" for line in lines[split:lead + 6]]
    if again:
        below.insert(0, header.replace('rowspan="6"', f'rowspan="{6 - rest + 1}"'))
        below[1:] = [line.replace("<tr><td></td>", "<tr>", 1) for line in below[1:]]
    return "\n".join([*lines[:split], '</table><table border="1">', *below,
                      *lines[lead + 6:]])


def test_a_web_page_table_split_in_two_is_one_table(tmp_path):
    """A web page's table split into two <table>s of the same columns (header printed again
    or not): one table, its mistakes below the split found."""
    book = standard(tmp_path / "t.xlsx", rows=MISTAKEN_ROWS)
    expected, expected_codes = _findings(book)
    assert "JX401" in expected_codes
    for again in (False, True):
        path = tmp_path / f"t{again}.xls"
        path.write_text(_split_page(book, again), encoding="utf-8")
        data, found = _findings(path)
        assert found == expected_codes, again
        assert names(data) == [row[2] for row in MISTAKEN_ROWS]
        assert data["total_declared"] == expected["total_declared"]


def test_libreoffice_lays_a_web_page_out_otherwise_so_its_a1_is_no_place(tmp_path):
    """Why a web page's findings get a place in the page: LibreOffice opening the .xls puts
    its paragraphs and tables on other rows than jixiao's sheet does (blank rows after the
    paragraphs, none between some tables), so jixiao's A1 names no cell a reviewer sees."""
    from libreoffice import sheets_as_shown

    from jixiao.xlsx.webtable import html_sheets

    page = ("<html><head><meta charset='utf-8'></head><body><p>项目支出绩效自评表</p>"
            "<p>（2024 年度）</p><table><tr><td>项目名称</td><td>x</td></tr></table>"
            "<p>校验结果</p><table><tr><td>校验项目</td><td>结果</td></tr></table></body></html>")
    path = tmp_path / "p.xls"
    path.write_text(page, encoding="utf-8")
    [(_, cells, _)] = html_sheets(path.name, path.read_bytes(), 1000)
    ours = next(row for row, _, value, _ in cells if value == "校验项目")
    [shown] = sheets_as_shown(path, tmp_path).values()
    theirs = next(number for number, row in enumerate(shown, start=1) if row[0] == "校验项目")
    assert ours != theirs


def test_a_continued_line_between_the_parts_keeps_one_table(tmp_path):
    """A line saying the table goes on, between its two w:tbl after a page break (续表,
    （续表）, 续上表, 续表1, 附件1（续）, 项目支出绩效自评表（续）), the header printed again
    or not: one table, its five indicators, 总分 99.98 as written. Before, the line made the
    second part another table (JX101 分值合计为 50, JX104 缺少一级指标, convert wrote two
    templates)."""
    book = standard(tmp_path / "t.xlsx", rows=PUTUO_1_ROWS, money=PUTUO_1_MONEY)
    expected, expected_codes = _findings(book)
    for line in ("续表", "（续表）", "续上表", "续表1", "附件1（续）", "项目支出绩效自评表（续）"):
        for again in (False, True):
            path = workbook_docx(book, tmp_path / "s.docx", splits=(FIRST_INDICATOR + 2,),
                                 header_again=again, between=paragraph(line))
            data, found = _findings(path)
            assert found == expected_codes == [], (line, again)
            assert names(data) == NAMES, (line, again)
            assert data["total_declared"] == expected["total_declared"]
            assert data["total_computed"] == 99.98
