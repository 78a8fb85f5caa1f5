"""A 自评报告 in Word: the 自评表 a table in the middle of the report's paragraphs, whose
conclusion (经自评，本项目自评得分96分，等级为“优”) may stand anywhere in the body — under a
heading after the table, or before it — and whose 偏差原因 may be written in a paragraph
instead of the table (rt27-r6: docx2/E*, F*, G1, docx/D06, D07, docx16/Z3, Z4)."""

import json
import re
import zipfile

import pytest
from wordfiles import paragraph, workbook_docx
from workbooks import standard

from jixiao.pipeline import check_workbook
from jixiao.report.json import json_report

# The first Putuo table: money 9.98 + 5 + 25 + 20 + 30 + 10 = 99.98, 优 (≥ 90)
COVER = (paragraph("三、项目评价及绩效分析")
         + paragraph("本项目全年预算31.56万元，实际支出31.5万元。"))


def checked(path):
    [result] = [check_workbook(path)]
    assert result.error is None, result.error
    [table] = result.tables
    return table.table, json.loads(json_report([result]))


def _report(tmp_path, text, *, before=False, name="r", **options):
    """The standard table as a Word report: ``text`` a paragraph after the table under a
    heading (or, ``before``, above the table's title)."""
    source = standard(tmp_path / f"{name}.xlsx", **options)
    if not before:
        return workbook_docx(source, tmp_path / f"{name}.docx",
                             after=paragraph("一、项目概况") + COVER + paragraph(text)
                             + paragraph("四、存在问题") + paragraph("无。"))
    made = workbook_docx(source, tmp_path / f"{name}-plain.docx")
    with zipfile.ZipFile(made) as archive:
        parts = {member: archive.read(member) for member in archive.namelist()}
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        b"<w:body>", b"<w:body>" + (COVER + paragraph(text)).encode(), 1)
    path = tmp_path / f"{name}.docx"
    with zipfile.ZipFile(path, "w") as archive:
        for member, data in parts.items():
            archive.writestr(member, data)
    return path


def _findings(data, code):
    return [item for item in data["findings"] if item["code"] == code]


def test_a_conclusion_under_a_heading_after_the_table_is_checked(tmp_path):
    """总分 99.98 in the table; four paragraphs under it the report says 96 分: JX506 at
    that paragraph, naming the 总分's cell as the document shows it (not H16)."""
    _, data = checked(_report(tmp_path, "经自评，本项目自评得分96分，等级为“优”。"))
    [found] = _findings(data, "JX506")
    assert found["place"].startswith("第1个表格之后的")
    assert "此处写总分 96" in found["message"] and "99.98" in found["message"]
    assert "第1个表格 第14行" in found["message"]
    assert re.search(r"\b[A-Z]{1,2}\d+\b", found["message"]) is None


def test_a_conclusion_grade_anywhere_is_checked(tmp_path):
    """总分 99.98 优 in the table; the report: 综合评分99.98分，评价等级为良: JX506 on the
    grade (99.98 is 优), not on the total (the same)."""
    _, data = checked(_report(tmp_path, "综合评分99.98分，评价等级为良。"))
    [found] = _findings(data, "JX506")
    assert "“良”" in found["message"] and "总分 99.98 应为“优”" in found["message"]


def test_a_conclusion_before_a_table_without_total_declares_it(tmp_path):
    """No 总分 or 等级 row; the report before the table says 自评得分96分，等级为“优”: the
    declared total 96 against the computed 99.98 (JX501), read from that paragraph."""
    table, data = checked(_report(tmp_path, "经自评，本项目自评得分96分，等级为“优”。",
                                  before=True, total=None, grade=None))
    assert table.total_declared == 96
    [found] = _findings(data, "JX501")
    assert found["place"].startswith("第1个表格之前的")


def test_zizhous_wording_declares_the_total(tmp_path):
    """No 总分 row; 绩效自评得 97 分，等级为“优”: the total read (97 against 99.98: JX501)."""
    table, data = checked(_report(tmp_path, "我单位2024年该项目绩效自评得 97 分，等级为“优”。",
                                  total=None, grade=None))
    assert (table.total_declared, table.grade_declared) == (97, "优")
    assert _findings(data, "JX501")


def test_other_numbers_of_the_report_are_not_its_conclusion(tmp_path):
    """The scale (总分100分) and last year's score are no conclusion of this table."""
    text = "本项目指标体系总分100分，其中产出指标80分；上年自评得分95分，等级为良。"
    _, data = checked(_report(tmp_path, text))
    assert not _findings(data, "JX506")


def test_a_table_matching_its_report_has_no_finding(tmp_path):
    _, data = checked(_report(tmp_path, "经自评，本项目自评得分99.98分，属于“优”等级。"))
    assert not _findings(data, "JX506") and not _findings(data, "JX502")


@pytest.mark.parametrize("text", [
    # the grading scale, common in 自评报告 (rt27 review: a false JX506 “此处写总分 90”)
    "评价结果分为四个等级：综合评分90分（含）以上为优秀等级，80（含）-90分为良好等级，"
    "60（含）-80分为合格等级，60分以下为不合格等级。",
    "服务对象满意度评价得分为95%。",  # a rate
    "产出指标考核得分45分。满意度指标评价得9.5分。",  # one 一级's, one indicator's score
])
def test_the_scale_a_rate_or_one_indicators_score_is_no_conclusion(tmp_path, text):
    _, data = checked(_report(tmp_path, text))
    assert not _findings(data, "JX506") and not _findings(data, "JX502")


def test_a_conclusion_beside_last_years_is_read(tmp_path):
    """本项目自评得分96分，较上年提高2分: the clause on last year is left out, not the
    sentence (the table's 99.98 is not the 96 said)."""
    _, data = checked(_report(tmp_path, "本项目自评得分96分，较上年提高2分。"))
    assert [f["message"][:9] for f in _findings(data, "JX506")] == ["此处写总分 96，"]


@pytest.mark.parametrize("text", [
    # rt31 n5.docx: the 2023 table's report quoting the 2022 score first
    "本项目2023年度自评得分95.6分，等级为优；2024年自评得分99.98分，等级为优。",
    "2023年自评得分95.6分，2024年自评得分99.98分。",
    "2025年，我单位对2024年度项目开展自评，自评得分99.98分，等级为优。",
])
def test_another_year_named_by_its_number_is_no_conclusion(tmp_path, text):
    """The table is 2024's: a sentence or clause on 2023 (or written in 2025 about 2024)
    says nothing of its total. Before: JX506 “此处写总分 95.6” for the first two."""
    _, data = checked(_report(tmp_path, text))
    assert not _findings(data, "JX506") and not _findings(data, "JX502")


def test_this_years_number_and_a_date_do_not_hide_a_conclusion(tmp_path):
    """2024 is the table's year; 2025年3月 a date (the report's), not another year's
    result: the 96 said is still this table's (99.98 in the table: JX506)."""
    text = "截至2025年3月，经自评，本项目2024年自评得分96分，等级为优。"
    _, data = checked(_report(tmp_path, text))
    assert [f["message"][:9] for f in _findings(data, "JX506")] == ["此处写总分 96，"]


@pytest.mark.parametrize("text", [
    # rt33 r7 w5: a 部门整体及项目支出 report, the department's score before the table
    "部门整体支出自评得分92分，评价等级为良。",
    "2024年度单位整体支出绩效自评得分92分，等级为良。",
    "部门整体得分92分，等级为良。",
    # another project of the department's, named before its result
    "城乡居民医疗救助项目自评得分92分，评价等级为良。",
    "我局就业见习补贴资金项目绩效自评得分92分。",
    # its result in the clauses after the one naming it (rt33 review: read as this table's)
    "城乡居民医疗救助项目经自评，得分92分，评价等级为良。",
    "城乡居民医疗救助项目通过绩效自评，得分92分，评价等级为良。",
    "城乡居民医疗救助项目的自评结果：得分92分，评价等级为良。",
])
def test_a_whole_department_or_another_project_is_no_conclusion(tmp_path, text):
    """The table (99.98 优) is of one project; a sentence whose subject is the department's
    (or the unit's) whole, or another project, states nothing of it — nor does its grade's
    clause after it (等级为良). Before: JX506 “此处写总分 92”."""
    _, data = checked(_report(tmp_path, text, before=True))
    assert not _findings(data, "JX506") and not _findings(data, "JX502")


@pytest.mark.parametrize("text", [
    "部门整体支出自评得分92分；本项目自评得分96分，等级为优。",
    "部门整体自评得分92分，其中本项目自评得分96分。",
    "机房设施升级改造项目自评得分96分。",  # the table's own project, by its name
    "信息安全等保项目自评得分96分。",
    "城乡居民医疗救助项目已完成，经自评，该项目得分96分。",
    "城乡居民医疗救助项目经自评，得分92分，评价等级为良。本项目经自评，得分96分，评价等级为优。",
])
def test_this_projects_result_beside_anothers_is_read(tmp_path, text):
    """The nearest subject before the result is this project (本项目, 该项目, its name in
    part): the 96 said is the table's (99.98 in it: JX506), whatever else the sentence or
    the one before names."""
    _, data = checked(_report(tmp_path, text, before=True))
    assert [f["message"][:9] for f in _findings(data, "JX506")] == ["此处写总分 96，"]
