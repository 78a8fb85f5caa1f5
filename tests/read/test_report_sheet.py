"""A 自评报告 or 自评结论 typed on a sheet of its own beside the workbook's one 自评表: its
sentences stating the project's 总分 or 评分等级 are compared with the table, as a Word
report's paragraphs are (rt34 r6 v3_c8, v3_c8b: "经自评，本项目自评得分95.5分，评价等级为
优。" on sheet 绩效自评报告, 总分 94.44 — 未发现问题). Only a sheet of text, only beside one
table; a sentence on another project or year says nothing of it."""

import json

from workbooks import Book, several_tables, standard_sheet

from jixiao.pipeline import check_workbook
from jixiao.report.json import json_report

# The standard table (first Putuo 2024 table): 总分 99.98 at H16, 优
NAME = "普陀区医疗保险事务中心信息安全等保项目机房设施升级改造"
SAID = "经自评，本项目自评得分95.5分，评价等级为优。"


def _report_sheet(book, name="绩效自评报告", conclusion=SAID):
    sheet = book.sheet(name)
    for text in (f"{NAME}2024年度绩效自评报告", None, "一、项目基本情况",
                 "本项目年度预算31.56万元，实际支出31.5万元。", None, "二、自评结论",
                 conclusion, None, "三、偏差原因", "预算执行进度略慢于计划。"):
        sheet.line(text)
    return sheet


def _book(tmp_path, conclusion=SAID, name="绩效自评报告", sheets=None):
    book = Book()
    standard_sheet(book.sheet())
    _report_sheet(book, name, conclusion)
    for title, lines in (sheets or {}).items():
        extra = book.sheet(title)
        for line in lines:
            extra.line(*line)
    return book.save(tmp_path / "t.xlsx")


def _jx506(path):
    [result] = [check_workbook(path)]
    assert result.error is None, result.error
    data = json.loads(json_report([result]))
    return [(f"{item['sheet']}!{item['cell']}", item["message"]) for item in data["findings"]
            if item["code"] == "JX506"]


def test_a_report_sheet_stating_another_total(tmp_path):
    """rt34 r6 v3_c8b: the report's conclusion on its own sheet, 95.5 against 99.98."""
    [(place, message)] = _jx506(_book(tmp_path))
    assert place == "绩效自评报告!A7"
    assert message.startswith("此处写总分 95.5，与 自评表!H16 的总分 99.98 不一致")


def test_a_conclusion_sheet_naming_the_project(tmp_path):
    """rt34 r6 v3_c8: a sheet 自评结论 of two lines, the project named in the sentence."""
    book = Book()
    standard_sheet(book.sheet())
    sheet = book.sheet("自评结论")
    sheet.line("自评结论")
    sheet.line(f"经自评，{NAME}项目自评得分95.5分，评价等级为良。")
    found = _jx506(book.save(tmp_path / "t.xlsx"))
    assert [place for place, _ in found] == ["自评结论!A2", "自评结论!A2"]
    assert "95.5" in found[0][1] and "“良”" in found[1][1]


def test_a_conclusion_stating_the_table_s_total(tmp_path):
    assert _jx506(_book(tmp_path, "经自评，本项目自评得分99.98分，评价等级为优。")) == []


def test_another_project_s_or_year_s_score_says_nothing(tmp_path):
    for said in ("城乡居民医疗救助项目自评得分92分，评价等级为良。",
                 "部门整体支出自评得分92分，评价等级为良。",
                 "2023年本项目自评得分92分，评价等级为良。",
                 "本项目包括两个子项目，其中培训子项目得分92分。"):
        assert _jx506(_book(tmp_path, said)) == [], said


def test_no_sheet_read_beside_two_tables(tmp_path):
    """Two tables (two projects): whose score a report sheet's sentence states is not told."""
    path = several_tables(tmp_path / "two.xlsx")
    from openpyxl import load_workbook

    book = load_workbook(path)
    sheet = book.create_sheet("绩效自评报告")
    sheet["A1"] = "绩效自评报告"
    sheet["A2"] = SAID
    book.save(path)
    [result] = [check_workbook(path)]
    assert result.error is None, result.error
    assert len(result.tables) >= 2
    assert not [finding for table in result.tables for finding in table.findings
                if finding.code == "JX506"]


def test_no_instructions_summary_or_findings_sheet_read(tmp_path):
    """A 填写说明's example, a 汇总 sheet's line, a 校验结果 sheet's message: none is a
    report on the project."""
    said = (SAID,)
    for title, lines in (("填写说明", [("填写说明",), ("例：经自评，本项目自评得分95.5分，评价等级为优。",)]),
                         ("项目汇总", [("自评结果汇总",), said]),
                         ("校验结果", [("代码", "级别", "位置", "说明"),
                                       ("JX506", "错误", "A7", "此处写总分 95.5，评价等级为优。")])):
        book = Book()
        standard_sheet(book.sheet())
        extra = book.sheet(title)
        for line in lines:
            extra.line(*line)
        assert _jx506(book.save(tmp_path / "t.xlsx")) == [], title


def test_no_table_like_sheet_read(tmp_path):
    """A sheet mostly of short cells and figures (a list) is no report."""
    rows = [("项目", "预算", "执行", "得分")] + [(f"项目{n}", 10, 9, 90) for n in range(6)]
    rows.append((SAID,))
    assert _jx506(_book(tmp_path, "无。", name="报告", sheets={"明细": rows})) == []


def test_a_renamed_findings_sheet_or_a_hidden_report_is_not_read(tmp_path):
    """jixiao's 校验结果 sheet renamed (its heading 代码 | 级别 | 位置 | 说明), and a report
    sheet the unit hid (last year's, as a rule)."""
    book = Book()
    standard_sheet(book.sheet())
    extra = book.sheet("Sheet2")
    extra.line("代码", "级别", "位置", "说明")
    extra.line(SAID, "错误", "A7", SAID)
    assert _jx506(book.save(tmp_path / "t.xlsx")) == []
    book = Book()
    standard_sheet(book.sheet())
    _report_sheet(book).ws.sheet_state = "hidden"
    assert _jx506(book.save(tmp_path / "t.xlsx")) == []


def test_the_annotated_copy_and_the_batch_summary_point_at_the_report_sheet(tmp_path):
    """The copy marks 绩效自评报告!A7 and its 校验结果 links there; the summary's 问题明细
    links to that cell of the file."""
    from openpyxl import load_workbook

    from jixiao.cli.main import main

    inbox = tmp_path / "收件"
    inbox.mkdir()
    _book(inbox)
    copy, summary = tmp_path / "copy.xlsx", tmp_path / "汇总.xlsx"
    assert main(["check", "--annotate", str(copy), str(inbox / "t.xlsx")]) == 1
    book = load_workbook(copy)
    assert book["绩效自评报告"]["A7"].comment.text.startswith("[JX506 错误] 此处写总分 95.5，"
                                                           "与 自评表!H16 的总分 99.98")
    [row] = [row for row in book["校验结果"].iter_rows() if row[0].value == "JX506"]
    assert (row[2].value, row[2].hyperlink.location) == ("绩效自评报告!A7", "'绩效自评报告'!A7")
    main(["batch", "--workers", "1", "--force", "-o", str(summary), str(inbox)])
    [row] = [row for row in load_workbook(summary)["问题明细"].iter_rows()
             if row[2].value == "JX506"]
    assert row[4].value == "绩效自评报告!A7"
    assert (tmp_path / row[0].hyperlink.target).is_file()
    assert row[0].hyperlink.location == "'绩效自评报告'!A7"
