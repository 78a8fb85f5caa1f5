"""The 总分 and the 评分等级 a sentence states (read/statements.py, rt25-f): what is read
from a 自评结论 or the 总分 row's one merged cell, and what is not."""

import pytest
from wordfiles import workbook_docx
from workbooks import Book, standard_sheet

from jixiao.checks import run_checks
from jixiao.model import evaluate
from jixiao.read.statements import _report_results, _results, stated_results
from jixiao.read.workbook import read_tables


@pytest.mark.parametrize(("text", "total", "grade"), [
    ("自评得分98.00分    评价等级 优", 98.0, "优"),
    ("总分98分　等级优", 98.0, "优"),
    ("自评得分为92分，评价等级为良。", 92.0, "良"),
    ("经自评，该项目得分98分，评价等级为优秀。", 98.0, "优秀"),
    ("自评结论：经自评，该项目自评得分92分，自评等级为良。", 92.0, "良"),
    ("经自评，得分 95.5 分", 95.5, None),
    ("自评得分九十八分，等级为“优”", 98.0, "优"),
    ("项目总分100分，自评得分98分", 98.0, None),  # the scale, then the score
    ("自评总分100分，评价等级优", 100.0, "优"),
    ("经自评，该项目得分98分，其中满意度得分9分", 98.0, None),
    ("满意度得分9分，执行率得分9.5分", None, None),  # one topic's score, no total
    ("总分值100分", None, None),  # the scale
    ("评价结果为优", None, "优"),
    ("较上年等级提升，实施结果良好", None, None),  # a result of the work, no grade
    ("评价等级：A", None, None),  # a letter: not read (JX502 speaks of letters in a cell)
    ("项目完成情况良好，达到预期目标", None, None),
    (98, None, None)])
def test_stated_results(text, total, grade):
    assert stated_results(text) == (total, grade)


@pytest.mark.parametrize(("text", "decimals"), [
    ("经自评，该项目得分99分", 0), ("经自评，该项目得分99.0分", 1), ("自评得分99.05分", 2),
    ("自评得分九十九点一分", 1), ("自评得分九十九分", 0)])
def test_the_decimals_a_stated_total_is_written_with(text, decimals):
    """What a restated total may be rounded to (rules.rounded_alike): 99.0 is written
    with one decimal, so it is no rounding of 99.05 (99.1), though 99 is."""
    assert _results(text)[1] == decimals


@pytest.mark.parametrize(("text", "total", "grade"), [
    # zizhou's report: 自评得 then the number (rt27-r6 2)
    ("我单位2023年城乡居民就业技能培训项目绩效自评得 97 分，等级为“优”。", 97.0, "优"),
    ("综合评分98.93分，评价等级为良。", 98.93, "良"),
    ("经自评，本项目得分98.93分，属于“优”等级。", 98.93, "优"),
    ("项目自评得分96分，评定为良好等次", 96.0, "良好"),
    ("满意度指标方面共10分，得8.95分，主要是由于联网结算未实现", None, None),
    ("问卷评分90分以上的占95%", None, None)])  # not the project's: no 综合/自评 before 评分
def test_more_wordings_of_the_projects_results(text, total, grade):
    assert stated_results(text) == (total, grade)


def _stated_below(path, *line, total=None):
    """The Putuo table (执行率 9.98 + rows 90 = 99.98, 优) with no 评分等级 row (and no
    总分 row unless ``total``), ``line`` under its last row, merged over the columns right
    of its first cell."""
    book = Book()
    sheet = standard_sheet(book.sheet(), total=total, grade=None)
    row = sheet.line(*line)
    if len(line) > 1:
        sheet.merge(row, 2, 9)
    (table,) = read_tables(book.save(path))
    return table


RESULTS_SAID = "该项目自评得分99.98分，等级为优。"


@pytest.mark.parametrize("line", [
    ("自评结果", RESULTS_SAID),
    ("自评结果", "经自评，本项目综合得分99.98分，自评等级为“优”。"),
    ("评价结果", RESULTS_SAID),
    ("评分等级", RESULTS_SAID),
    ("自评结论", RESULTS_SAID),
    ("备注：本项目自评得分99.98分，自评等级为“优”。",),
    ("备注", RESULTS_SAID)])
def test_a_sentence_under_a_results_label_or_in_a_note_declares_total_and_grade(tmp_path,
                                                                                  line):
    """rt29 r7 f1, g1, e23, e24: a sentence under 自评结果 (any grade label, as under
    自评结论) or in a 备注 declares the 总分 and the grade it states — 99.98 and 优, not
    the sentence taken whole as the grade (was: 总分 “—”, 评分等级 the sentence)."""
    table = _stated_below(tmp_path / "t.xlsx", *line)
    assert (table.total_declared, table.grade_declared) == (99.98, "优")
    assert run_checks(table, evaluate(table)) == []


def test_a_results_sentence_under_the_total_row_is_read_for_its_grade(tmp_path):
    """rt29 r7 h1: 总分 99.98 and under it 自评结果 | <sentence>: the grade is the 优 it
    states (was JX502 “评分等级“该项目…”不是优、良、中、差之一”)."""
    table = _stated_below(tmp_path / "t.xlsx", "自评结果", RESULTS_SAID, total=(100, 99.98))
    assert (table.total_declared, table.grade_declared) == (99.98, "优")
    assert run_checks(table, evaluate(table)) == []


def test_a_wrong_grade_stated_under_a_results_label_is_jx502(tmp_path):
    """自评结果 | 该项目自评得分99.98分，等级为良: the grade declared is 良, and 99.98 is 优."""
    table = _stated_below(tmp_path / "t.xlsx", "自评结果", "该项目自评得分99.98分，等级为良。",
                          total=(100, 99.98))
    assert table.grade_declared == "良"
    assert [f.code for f in run_checks(table, evaluate(table))] == ["JX502"]


@pytest.mark.parametrize("line", [("自评结果", "良好"), ("自评结果", "很好")])
def test_a_grade_under_a_results_label_is_still_the_cell(tmp_path, line):
    """A grade (or a word that is none, JX502's to say) beside 自评结果 is the grade cell."""
    table = _stated_below(tmp_path / "t.xlsx", *line, total=(100, 99.98))
    assert table.grade_declared == line[1]


def test_a_note_of_the_scale_declares_nothing(tmp_path):
    """备注：总分100分，90分（含）以上为优 states the scale, not this project's results."""
    table = _stated_below(tmp_path / "t.xlsx", "备注：总分100分，90分（含）以上为优。")
    assert (table.total_declared, table.grade_declared) == (None, None)


@pytest.mark.parametrize("line", [
    "填表说明：总分为100分；得分90分（含）以上为优。",
    "填表说明：1.总分为100分。2.评价等级：90分以上为优，80-90分为良。",
    "填表说明：总分90分（含）以上为优。",
    "填写说明：得分90分以上为优。"])
def test_the_forms_instructions_under_the_total_state_nothing(tmp_path, line):
    """rt31 r7 m3–m23: 填表说明 under the 总分 99.98 states the scale as a note does — no
    restated total 90 (was JX506 “此处写总分 90，与总分 99.98 不一致”)."""
    table = _stated_below(tmp_path / "t.xlsx", line, total=(100, 99.98))
    assert (table.total_declared, table.grade_declared) == (99.98, None)
    assert table.restated == {}
    assert run_checks(table, evaluate(table)) == []


def test_a_conclusion_cell_on_last_year_restates_nothing_of_it(tmp_path):
    """A 自评结论 cell read as a report's paragraph is (rt31 r7 n5): its sentence on 上年
    says nothing of this table. Before: JX506 “此处写总分 95，与总分 99.98 不一致”."""
    text = "上年自评得分95分，等级为良。本年自评得分99.98分，等级为优。"
    table = _stated_below(tmp_path / "t.xlsx", "自评结论", text, total=(100, 99.98))
    assert (table.total_declared, table.grade_declared) == (99.98, "优")
    assert table.restated == {}
    assert run_checks(table, evaluate(table)) == []


@pytest.mark.parametrize("text", ["较上年提高3.6分，自评得分99.98分，等级为优。",
                                  "自评得分99.98分，较上年提高3.6分，等级为优。",
                                  "比上年增加2分，本年自评得分99.98分，等级为优。"])
def test_a_conclusion_cell_comparing_with_last_year_is_read(tmp_path, text):
    """A clause comparing with 上年 (较上年提高3.6分) is this year's, stating no result of
    its own: the sentence's 99.98 and 优 are the table's declared ones (JSON identity
    rt31: “较上年提高3.6分，自评得分99.6分，等级为优” had stopped being read at 较上年 once a
    自评结论 cell naming 上年 was read sentence by sentence — 总分 填报 —)."""
    table = _stated_below(tmp_path / "t.xlsx", "自评结论", text)
    assert (table.total_declared, table.grade_declared) == (99.98, "优")


@pytest.mark.parametrize("text", ["2023年自评得分90分，等级为良。",
                                  "2023年度得分90分，等级为良。",
                                  "上年自评得分90分，等级为良。",
                                  "本项目2023年度，经自评得分90分，等级为良。"])  # rt33 r1 u5
def test_a_conclusion_cell_on_another_year_by_its_number_restates_nothing(tmp_path, text):
    """The table is 2024's (its title's （2024 年度）, read after its rows): a 自评结论 on
    2023 says nothing of it, neither its 90 nor its 良 (the table has no 评分等级 row: the
    良 was its declared grade). Before (rt31 review): JX506 “此处写总分 90，与总分 99.98 不
    一致” — the year was not known where the cell was read."""
    table = _stated_below(tmp_path / "t.xlsx", "自评结论", text, total=(100, 99.98))
    assert table.project.year == 2024
    assert (table.total_declared, table.grade_declared) == (99.98, None)  # no 评分等级 row
    assert table.restated == {}
    assert "JX506" not in {finding.code for finding in run_checks(table, evaluate(table))}


@pytest.mark.parametrize(("text", "total", "grade"), [
    # the figure this year's score went to after the change on last year (rt32 r1)
    ("项目自评得分较上年提高4.8分，为96分，等级为优。", 96.0, "优"),
    ("本项目自评得分较上年提高2分，达到95分，等级为优。", 95.0, "优"),
    ("与上年相比，自评得分由92分提高到96分，等级为优。", 96.0, "优"),
    ("项目自评得分由上年的92分提高至99.8分，等级为优。", 99.8, "优"),
    ("项目自评得分较上年的95分提高至99.8分，等级为优。", 99.8, "优"),
    ("自评得分较2023年下降1.5分，为93.5分。", 93.5, None),
    # the change and last year's figure are no score of this year's
    ("项目自评得分99.8分，较上年（95分）提高4.8分，等级为优。", 99.8, "优"),
    ("项目自评得分96分，较上年提高3.6分，评价等级为优。", 96.0, "优"),
    ("项目自评得分95分，比上年增加2分，等级为优。", 95.0, "优"),
    ("较上年提高4.8分，为96分。", None, None),  # no score named: a figure of what?
    ("满意度较上年提高2个百分点，达到95%。", None, None)])
def test_a_score_changed_from_last_years_is_the_figure_it_went_to(text, total, grade):
    """A sentence telling this year's score by its change on last year's states the
    figure it went to (96), not the change (4.8分) nor last year's (92分) — before, the
    clause comparing with 上年 was dropped and the figure after it, or after 由92分提高到,
    read as no score: no JX506 on 96 beside the table's 99.8."""
    said_total, _, said_grade = _report_results(text, 2024)
    assert (said_total, said_grade) == (total, grade)


@pytest.mark.parametrize(("text", "restated"), [
    ("项目自评得分较上年提高4.8分，为96分，等级为优。", {"total": 96.0}),
    ("本项目自评得分较上年提高2分，达到95分，等级为优。", {"total": 95.0}),
    ("与上年相比，自评得分由92分提高到96分，等级为优。", {"total": 96.0}),
    ("对照2023年批复的绩效目标自评得分95分，等级为优。", {"total": 95.0}),
    ("依据2023年签订的合同自评得分95分。", {"total": 95.0}),
    ("项目自评得分由上年的92分提高至99.98分，等级为优。", {}),
    ("项目自评得分较上年的95分提高至99.98分，等级为优。", {}),
    ("项目自评得分99.98分，较上年（95分）提高4.98分，等级为优。", {})])
def test_a_conclusion_restating_this_years_score_beside_another_is_jx506(tmp_path, text,
                                                                         restated):
    """rt32 r1 (s06, s10, s24, s30–s34): the 总分 99.98 of a 2024 table and a 自评结论
    naming last year or another year's goals: the score it gives this year is compared."""
    table = _stated_below(tmp_path / "t.xlsx", "自评结论", text, total=(100, 99.98))
    assert table.restated == restated
    codes = [finding.code for finding in run_checks(table, evaluate(table))]
    assert codes == (["JX506"] if restated else [])


def test_a_conclusion_cell_on_this_year_by_its_number_is_read(tmp_path):
    """2024 is the table's year: the 90 it states contradicts the rows' 99.98 (JX506)."""
    table = _stated_below(tmp_path / "t.xlsx", "自评结论", "2024年自评得分90分，等级为优。",
                          total=(100, 99.98))
    assert table.restated == {"total": 90.0}


@pytest.mark.parametrize(("text", "total", "grade"), [
    # a year in a clause stating no result (a notice's, the project's start, its goals)
    ("按照2025年绩效自评工作通知要求，本项目自评得分为92分，等级为优。", 92.0, "优"),
    ("本项目于2021年立项，自评得分95分，等级为优。", 95.0, "优"),
    ("根据2022年度绩效目标，本项目自评得分95分，等级为优。", 95.0, "优"),
    ("本项目自2021年起实施，2024年自评得分90分，等级为优。", 90.0, "优"),
    ("截至2025年3月，经自评，本项目自评得分96分。", 96.0, None),
    # a year tied to the result its clause states: that year's, and the clauses after it
    ("2023年自评得分95.6分，等级为良。", None, None),
    ("2023年度得分95.6分，等级为良。", None, None),
    ("本项目2023年评价等级为良。", None, None),
    ("本项目2023年自评得分95.6分，等级为良；2024年自评得分98.28分，等级为优。", 98.28, "优"),
    ("2023年自评得分95.6分，2024年自评得分98.28分。", 98.28, None),
    ("2024年自评得分98分，较2023年提高2分。", 98.0, None),
    # a year of the goals, the contract the score is given against, no comma after them
    # (rt32 r1 s06, s24; read since 2e53c7b only with the comma)
    ("对照2023年批复的绩效目标自评得分95分，等级为优。", 95.0, "优"),
    ("依据2023年签订的合同自评得分95分。", 95.0, None),
    ("按照2025年绩效自评工作通知要求自评得分92分，等级为优。", 92.0, "优"),
    ("对照2023年批复的绩效目标，自评得分95分，等级为优。", 95.0, "优"),
    ("依据2023年签订的合同及2024年实施方案，项目自评得分95分。", 95.0, None),
    # … but a basis naming no document before the score is the score's year, and a
    # document without a basis word before the year is the year's own self-evaluation
    ("根据2023年自评得分95.6分，等级为良。", None, None),
    ("2023年度绩效目标自评得分95.6分，等级为良。", None, None)])
def test_a_year_is_another_years_result_only_where_it_names_it(text, total, grade):
    """Of a 2024 table (rt31 review): before, any year number but 2024 dropped its clause
    and those after it, the 92 of the first sentence, this year's, unread (no JX506)."""
    said_total, _, said_grade = _report_results(text, 2024)
    assert (said_total, said_grade) == (total, grade)


@pytest.mark.parametrize(("text", "total", "grade"), [
    # rt32 r7 h/g: a year in a clause of its own, or leading an adverbial of an evaluation,
    # is the year of the result in the clauses after it, up to one naming this year
    ("2023年度，该项目自评得分94分；2024年度，自评得分98.85分。", 98.85, None),
    ("根据2023年度项目绩效评价报告，该项目得分94分，等级为优；本年度自评得分98.85分。",
     98.85, None),
    ("在2023年度财政重点绩效评价中，该项目得分94分，本年度自评得分98.85分，等级为优。",
     98.85, "优"),
    ("依据2023年度绩效评价结果，该项目得分94分，本年度已按要求整改，自评得分98.85分。",
     98.85, None),
    ("2023年度，该项目自评得分94分，等级为良。", None, None),
    ("在2023年，该项目评价得分94分。", None, None),
    # … not a basis the score is given against, nor a year stating nothing of a result
    ("根据2023年度绩效评价工作方案，本项目自评得分95分，等级为优。", 95.0, "优"),
    ("根据2023年度绩效评价指标体系，本项目自评得分95分。", 95.0, None),
    ("2024年度，该项目自评得分98.85分。", 98.85, None)])
def test_a_year_leading_its_own_clause_is_the_results_after_it(text, total, grade):
    """Of a 2024 table: before, the 94 of 2023 was read as this year's total (JX506 “此处写
    总分 94，与 H19 的总分 98.85 不一致”) — the year stood in a clause stating no result."""
    said_total, _, said_grade = _report_results(text, 2024)
    assert (said_total, said_grade) == (total, grade)


@pytest.mark.parametrize(("text", "total", "grade"), [
    # rt33 r1 u5/u4/s7: a short subject before the year, the comma after it
    ("本项目2023年度，经自评得分95分。", None, None),
    ("该项目2023年度，自评得分95分。", None, None),
    ("该项目2023年度，自评得分95分；2024年度项目运行良好，自评得分99.8分。", 99.8, None),
    ("项目2023年度，自评得分95分，等级为良。", None, None),
    ("我单位2023年度，项目自评得分95分。", None, None),
    ("本单位在2023年度，该项目自评得分95分。", None, None),
    ("该项目2023年度自评得分95分，2024年度自评得分99.8分。", 99.8, None),
    # … this year's, named the same way, is read; so is a score after a longer clause
    ("本项目2024年度，自评得分99.8分。", 99.8, None),
    ("本项目2024年度，自评得分98分。", 98.0, None),
    ("本项目2023年度立项实施，自评得分95分。", 95.0, None)])
def test_a_year_after_a_short_subject_is_the_results_after_it(text, total, grade):
    """Of a 2024 table (rt33 r1): before, the year read as the clause's own only alone
    (2023年度，…); after 本项目/该项目 the 95 of 2023 was this year's total (JX506 error)."""
    said_total, _, said_grade = _report_results(text, 2024)
    assert (said_total, said_grade) == (total, grade)


RESTATED_WRONG = {"total": 89.5, "grade": "良"}  # 89.5 is 良 (80 to 90), the rows' 99.98 优


@pytest.mark.parametrize("label", ["自评结论", "评价结论", "总体评价", "结论", "自评结论：",
                                   "绩效自评结论", "综合评价"])
@pytest.mark.parametrize("merged", [False, True])
@pytest.mark.parametrize("text", ["经自评，该项目2024年度得分89.5分，评价等级为良。",
                                  "经自评，该项目得分89.5分，评价等级为良。"])
def test_a_conclusion_under_its_label_on_a_row_of_its_own_is_read(tmp_path, label,
                                                                   merged, text):
    """rt33 r9 c2, c3, c8: 总分 99.98, 评分等级 优, then 自评结论 alone on a row and the
    sentence on the next: the sentence is the label's, its 89.5 and 良 restate the table
    (JX506 twice) as they do beside the label. Before: the label alone ended the table,
    the sentence unread — 未发现问题."""
    book = Book()
    sheet = standard_sheet(book.sheet())
    row = sheet.line(label)
    if merged:
        sheet.merge(row, 1, 9)
    sheet.merge(sheet.line(text), 1, 9)
    sheet.merge(sheet.line("项目资金全部按时发放，下年度加强动态管理。"), 1, 9)
    (table,) = read_tables(book.save(tmp_path / "t.xlsx"))
    assert (table.total_declared, table.grade_declared) == (99.98, "优")
    assert table.restated == RESTATED_WRONG
    assert [f.code for f in run_checks(table, evaluate(table))] == ["JX506", "JX506"]


@pytest.mark.parametrize(("text", "restated"), [
    ("经自评，该项目2024年度得分99.98分，评价等级为优。", {}),  # the table's own: right
    ("经自评，该项目2023年度得分95分，评价等级为良。", {}),  # another year's
    ("2023年度，该项目自评得分95分，等级为良。", {}),
    ("项目资金全部按时发放，下年度加强动态管理。", {})])  # no result stated
def test_a_conclusion_under_its_label_row_restates_only_this_years_results(tmp_path, text,
                                                                          restated):
    book = Book()
    sheet = standard_sheet(book.sheet())
    sheet.line("自评结论")
    sheet.merge(sheet.line(text), 1, 9)
    (table,) = read_tables(book.save(tmp_path / "t.xlsx"))
    assert table.project.year == 2024
    assert table.restated == restated
    assert run_checks(table, evaluate(table)) == []


@pytest.mark.parametrize(("text", "restated"), [
    ("经自评，该项目2024年度得分89.5分，评价等级为良。", RESTATED_WRONG),
    ("经自评，该项目2024年度得分89.5分。", {"total": 89.5}),
    ("经自评，2024年度得分89.5分。", {"total": 89.5}),
    ("经自评，本项目2024年总得分89.5分。", {"total": 89.5}),
    ("经自评，该项目2023年度得分89.5分，评价等级为良。", {})])
def test_a_score_after_the_tables_own_year_is_its_total(tmp_path, text, restated):
    """rt33 r9 c4, c7: 该项目2024年度得分89.5分 under a 2024 table states its 总分 — the
    year between 该项目 and 得分 is the table's own (before: only the 良 was read; the
    total alone, nothing). Another year's stays unread."""
    book = Book()
    sheet = standard_sheet(book.sheet())
    sheet.merge(sheet.line(text), 1, 9)
    (table,) = read_tables(book.save(tmp_path / "t.xlsx"))
    assert table.restated == restated


@pytest.mark.parametrize(("text", "total"), [
    ("经自评，该项目2024年度得分89.5分", 89.5),
    ("本项目2024年得分92分", 92.0),
    ("经自评，2024年度得分89.5分", 89.5),
    ("项目2024年度总得分98分", 98.0),
    ("项目2024年度分两批下达资金", None)])  # no score: 分 is no 得分 nor 总分
def test_a_year_between_the_subject_and_its_score(text, total):
    assert stated_results(text)[0] == total
    assert _report_results(text, 2024)[0] == total
    assert _report_results(text.replace("2024", "2023"), 2024)[0] is None


def test_a_conclusion_under_its_label_row_in_a_word_table_is_read(tmp_path):
    """The same rows typed into a Word table (自评结论 alone, the sentence under it, both
    inside the table): read as in a sheet. A 自评结论 heading among the report's
    paragraphs is the report's reading (tests/read/test_report_text.py)."""
    book = Book()
    sheet = standard_sheet(book.sheet())
    sheet.merge(sheet.line("自评结论"), 1, 9)
    sheet.merge(sheet.line("经自评，该项目2024年度得分89.5分，评价等级为良。"), 1, 9)
    (table,) = read_tables(workbook_docx(book.save(tmp_path / "t.xlsx"), tmp_path / "t.docx"))
    assert table.restated == RESTATED_WRONG
    assert [f.code for f in run_checks(table, evaluate(table))] == ["JX506", "JX506"]


@pytest.mark.parametrize(("text", "total", "grade"), [
    # rt33 r11 c10c_0: the sub-projects' scores, then the project's: 99.02 (was 86.5, JX506)
    ("本项目包括两个子项目，其中培训项目2024年度得分86.5分，设备购置项目2024年度得分92分，"
     "项目综合得分99.02分，评价等级为优。", 99.02, "优"),
    ("经自评，该项目2024年度得分99.02分，评价等级为优。其中培训子项目2024年度得分86.5分，"
     "等级为良。", 99.02, "优"),
    ("经自评，项目综合得分99.02分，评价等级为优。其中，培训子项目2024年度得分86.5分。", 99.02, "优"),
    # a part's score and its grade alone (c10b_1): neither is the table's
    ("其中：培训项目2024年度得分86.5分，等级为良。", None, None),
    # another project's (c10b_0, c10b_2)
    ("说明：本表参照的省级示范项目2024年度得分95分。", None, None),
    ("附件2中的设备购置项目得分86.5分。", None, None),
    ("同批次的市级示范项目得分90分。", None, None),
    ("经自评，该项目2024年度得分99.02分。（注：参照项目——市级示范点项目2024年度得分86.5分。）",
     99.02, None),
    # several scores, one of the whole project: that one
    ("培训项目得分86.5分，设备购置项目得分92分，项目综合得分99.02分", 99.02, None),
    # a 其中 stating no score leaves the grade after it the project's
    ("本项目总分95分，其中中央资金80万元，等级为优", 95.0, "优"),
    ("项目资金100万元，其中中央资金80万元，经自评得分95分，等级为优", 95.0, "优"),
    # the table's own goals looked to: no other project
    ("对照项目绩效目标，本项目自评得分95分", 95.0, None),
    ("对照项目绩效目标自评得分95分", 95.0, None),
])
def test_a_score_of_a_part_or_of_another_project_is_not_the_total(text, total, grade):
    """A score whose subject is another thing named (其中…项目, 子项目, 参照的…项目, 同批次的…
    项目) is not this table's 总分, nor the grade said with it; of several, the one said of the
    whole project (项目综合得分, 该项目…得分) is."""
    assert stated_results(text) == (total, grade)
    said_total, _, said_grade = _report_results(text, 2024)
    assert (said_total, said_grade) == (total, grade)


@pytest.mark.parametrize("text", [
    "自评结论：本项目包括两个子项目，其中培训项目2024年度得分86.5分，设备购置项目2024年度"
    "得分92分，项目综合得分99.98分，评价等级为优。",  # (the sheet's 总分 99.98)
    "其中：培训项目2024年度得分86.5分，等级为良。",
    "说明：本表参照的省级示范项目2024年度得分95分。"])
def test_a_conclusion_on_the_parts_restates_nothing(tmp_path, text):
    """rt33 r11 c10c_0, c10b_1, c10b_0: false JX506 (此处写总分 86.5 …) under a table whose
    总分 is right."""
    book = Book()
    sheet = standard_sheet(book.sheet())
    sheet.merge(sheet.line(text), 1, 9)
    (table,) = read_tables(book.save(tmp_path / "t.xlsx"))
    assert table.restated == {}


@pytest.mark.parametrize(("text", "total", "grade"), [
    # rt33 review: a 其中 stating no score is one clause; what follows is the project's
    ("项目预算31.56万元，其中财政拨款31.56万元，年度自评得分85分，评价等级为良", 85.0, "良"),
    ("项目预算31.56万元，其中财政拨款31.56万元，本年度自评得分85分，评价等级为良", 85.0, "良"),
    ("项目预算31.56万元，其中财政拨款31.56万元，单位自评得分85分，评价等级为良", 85.0, "良"),
    # a 其中 on the project itself (其中本项目…) is no part
    ("其中本项目自评得分96分", 96.0, None),
    # a part stating its score, or naming a project, runs on to a clause on the whole
    ("其中培训项目得分86.5分，本年度自评得分92分，等级为优", 92.0, "优"),
    ("其中，培训项目得分86.5分，等级为良", None, None),
    # a count before 个 is no score (项目分为两个子项目: not 项目分 2)
    ("本项目分为两个子项目实施，经自评，总分92分", 92.0, None),
    ("本项目分为2个子项目实施，经自评，总分92分", 92.0, None),
    ("本项目分为十二个标段，经自评，总分92分", 92.0, None)])
def test_a_part_ends_where_its_subject_does(text, total, grade):
    assert stated_results(text) == (total, grade)
    said_total, _, said_grade = _report_results(text, 2024)
    assert (said_total, said_grade) == (total, grade)


def test_a_conclusion_after_a_share_of_the_money_is_read(tmp_path):
    """rt33 review concl.xlsx: 其中财政拨款… names money, not a part scored apart; the 85
    and 良 after it restate the table's 99.98 优 wrongly (was: nothing read)."""
    book = Book()
    sheet = standard_sheet(book.sheet())
    sheet.merge(sheet.line("项目预算31.56万元，其中财政拨款31.56万元，年度自评得分85分，"
                           "评价等级为良。"), 1, 9)
    (table,) = read_tables(book.save(tmp_path / "t.xlsx"))
    assert table.restated == {"total": 85.0, "grade": "良"}
    assert [f.code for f in run_checks(table, evaluate(table))] == ["JX506", "JX506"]



@pytest.mark.parametrize("lead", ["对照项目绩效目标", "根据项目实施情况", "通过项目实施",
                                  "按照项目管理办法", "围绕项目目标", "严格按照项目管理要求",
                                  "经对项目实施情况进行自评", "完善项目管理制度"])
def test_a_phrase_before_project_is_no_other_projects_name(lead):
    """rt33 review report.docx: 对照项目绩效目标 (a preposition or a verb before 项目) names
    no other project; the score after it is the table's."""
    assert _report_results(f"{lead}，经自评，得分85分，评价等级为良", 2024, "培训项目") \
        == (85.0, 0, "良")
    assert _report_results(f"{lead}自评得分85分", 2024, "培训项目")[0] == 85.0


@pytest.mark.parametrize("text", [
    "城乡居民医疗救助项目自评得分92分，评价等级为良",
    "城乡居民医疗救助项目，自评得分92分，评价等级为良",
    "设备购置项目2024年度得分92分",
    "部门整体支出自评得分92分，评价等级为良"])
def test_another_project_named_with_its_result_is_not_the_tables(text):
    assert _report_results(text, 2024, "培训项目") == (None, 0, None)


@pytest.mark.parametrize(("text", "total", "grade"), [
    # rt34 r6 v5_e5, v5_e3, v11_b; r1 f1, f2: the 执行率's score said before the total
    ("自评结论：本项目年度预算100万元，执行95万元，执行率95%，得分9.5分，项目自评得分94.44分，"
     "评价等级为优。", 94.44, "优"),
    ("执行率95%，得分9.5分。综合得分94.44分", 94.44, None),
    ("项目全年预算185万元，执行178.6万元，其中：资金执行率96.54%，得分9.65分；总分98.34分，"
     "评价等级为优。", 98.34, "优"),
    ("项目全年预算185万元，执行178.6万元，执行率96.54%，得分9.65分；绩效指标得分88.69分；"
     "总分98.34分", 98.34, None),
    # rt34 r6 v5_e1, v3_c6: the parts listed, then their 合计 or the 综合得分
    ("预算执行得分9.5分，产出指标得分48.5分，效益指标得分27分，满意度得分9.44分，合计96.44分，"
     "等级为优", 96.44, "优"),
    ("自评结论：本项目预算执行率95%，得分9.5分；产出指标得分48.5分；效益指标得分27分；满意度"
     "指标得分9.44分；综合得分96.44分，评价等级为优。", 96.44, "优"),
    ("各项得分合计96.44分，评价等级为优", 96.44, "优"),
    # a part's score alone: no total
    ("预算执行率95%，得分9.5分", None, None),
    ("服务对象满意度92.5%，得分9.25分", None, None),
    ("产出指标合计48.5分", None, None),
    ("满意度评价得分9.44分", None, None),
    # the part named with its 得分: the total after it (controls)
    ("执行率得分9.5分，项目自评得分94.44分", 94.44, None),
    ("执行率95%，得9.5分，项目自评得分94.44分", 94.44, None),
    # no part's figure before the 得分, or the indicators only looked to: the total
    ("经自评，各项指标均已完成，得分98分，评价等级为优", 98.0, "优"),
    ("对照绩效指标自评得分95分", 95.0, None)])
def test_a_parts_score_is_not_the_total(text, total, grade):
    """A 得分 right after a part's figure (执行率95%，得分9.5分) or after a part named
    (满意度评价得分, 产出指标合计) is that part's; the total is the one the sentence states
    of the whole (项目自评得分, 总分, 综合得分, 合计)."""
    assert stated_results(text) == (total, grade)
    said_total, _, said_grade = _report_results(text, 2024)
    assert (said_total, said_grade) == (total, grade)


@pytest.mark.parametrize(("text", "total", "grade"), [
    # a bare 得分 after a figure: the part's only where it fits the part's 分值 (执行率 10,
    # 满意度 10, 产出 50, 效益 30) or a whole total follows; else the total (revA)
    ("项目预算执行率95%，得分98分，评价等级为优", 98.0, "优"),
    ("本项目全年预算执行率100%，得分98.5分", 98.5, None),
    ("项目执行率为98.5%，满意度为96%，得分97.6分", 97.6, None),
    ("本项目产出指标完成率100%，得分96分", 96.0, None),
    ("全年执行资金120万元，得分95分", 95.0, None),
    ("执行率95%，得分9.5分，项目自评得分94.44分", 94.44, None),
    ("本项目产出指标完成率100%，得分48分", None, None),
    # 绩效指标: all the indicators, no part
    ("该项目绩效指标自评得分95分", 95.0, None),
    ("项目支出绩效指标自评得分95分", 95.0, None),
    # a 合计 of 各项/以上/各/全部: the whole; right after one part named: that part's
    ("各项指标得分合计96.44分", 96.44, None),
    ("以上各指标合计得分95分", 95.0, None),
    ("满意度指标10分，合计得分9分", None, None),
    ("执行率10分、产出48.5分、效益27分、满意度9分，合计94.5分", 94.5, None),
    ("预算执行率95%，得分9.5分，合计94.5分", 94.5, None),
    ("预算执行得分9.5分，产出指标得分48.5分，效益指标得分27分，满意度得分9.44分，合计96.44分",
     96.44, None)])
def test_a_figure_or_indicators_before_a_score_leave_the_total_where_it_cannot_be_a_parts(
        text, total, grade):
    """A 得分 after a part's figure is the part's only where it is no more than that part's
    分值 or the whole's total follows (执行率95%，得分98分 is the total 98); 绩效指标 is all
    the indicators; a 合计 of all the indicators is the total, of one part that part's."""
    assert stated_results(text) == (total, grade)
    said_total, _, said_grade = _report_results(text, 2024)
    assert (said_total, said_grade) == (total, grade)


@pytest.mark.parametrize(("text", "restated"), [
    ("自评结论：本项目年度预算100万元，执行95万元，执行率95%，得分9.5分，项目自评得分99.98分，"
     "评价等级为优。", {}),
    ("自评结论：预算执行得分9.5分，产出指标得分48.5分，效益指标得分27分，满意度得分9.44分，"
     "合计96.44分，等级为优。", {"total": 96.44}),
    ("自评结论：本项目预算执行率95%，得分9.5分；产出指标得分48.5分；综合得分96.44分，评价等级"
     "为优。", {"total": 96.44})])
def test_a_conclusion_with_its_parts_scores_restates_only_its_total(tmp_path, text,
                                                                     restated):
    """rt34 r6 v5_e5 (false JX506 "此处写总分 9.5"), v5_e1 (the wrong 合计 unread), v3_c6
    (JX506 quoting 9.5, not the 96.44 stated)."""
    book = Book()
    sheet = standard_sheet(book.sheet())
    sheet.merge(sheet.line(text), 1, 9)
    (table,) = read_tables(book.save(tmp_path / "t.xlsx"))
    assert table.restated == restated
    findings = run_checks(table, evaluate(table))
    assert [f.code for f in findings] == ["JX506"] * len(restated)
    assert all("96.44" in f.message for f in findings)


@pytest.mark.parametrize("blank", [0, 1])
def test_a_conclusion_heading_owns_the_text_rows_under_it(tmp_path, blank):
    """rt34 r1 d10: 自评结论 alone on a row, a line stating no result, then 经自评，得分95分，
    评价等级为良: the heading's too (was 未发现问题: the heading owned the next row only)."""
    book = Book()
    sheet = standard_sheet(book.sheet())
    sheet.merge(sheet.line("自评结论"), 1, 9)
    sheet.merge(sheet.line("项目已按计划完成各项绩效目标。"), 1, 9)
    sheet.blank(blank)
    sheet.merge(sheet.line("经自评，得分95分，评价等级为良。"), 1, 9)
    (table,) = read_tables(book.save(tmp_path / "t.xlsx"))
    assert table.restated == {"total": 95.0, "grade": "良"}
    assert [f.code for f in run_checks(table, evaluate(table))] == ["JX506", "JX506"]


def test_a_conclusion_headings_rows_end_at_the_signatures(tmp_path):
    """The heading's rows end at the signature lines: what follows them is not read."""
    book = Book()
    sheet = standard_sheet(book.sheet())
    sheet.merge(sheet.line("自评结论"), 1, 9)
    sheet.merge(sheet.line("项目已按计划完成各项绩效目标。"), 1, 9)
    sheet.line("填报人：张三", None, None, None, "联系电话：86661234")
    sheet.merge(sheet.line("经自评，得分95分，评价等级为良。"), 1, 9)
    (table,) = read_tables(book.save(tmp_path / "t.xlsx"))
    assert table.restated == {}
