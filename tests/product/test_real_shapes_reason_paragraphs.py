"""A Word submission whose table has no 偏差原因 column (or leaves it empty) explains its
deductions in paragraphs under the table: a heading (四、偏差原因分析及改进措施,
偏差原因分析及改进措施：, （四）偏差原因分析, 未完成原因：) and the reasons under it, as
numbered items (1.… / （1）…) or a paragraph. Before (rt24 q d2v a/b/e/g/h, d14 b): only the
heading's own row was read, and every deduction got JX405 — with 四川's advice to write in
the “偏差大或目标未完成原因分析” row, a row this table does not have. A 评分等级 written in a
sentence (评分等级：良。) is quoted without its full stop."""

import pytest
from test_real_shapes import checked, codes
from wordfiles import paragraph, workbook_docx
from workbooks import NO_REASON, standard

# 培训人数 480 of ≥500 and 参训人员就业率 76% of ≥80% lose 1 and 1.5 points: 97.48 优
ROWS = [("产出指标", "数量指标", "培训人数", "≥500人", "480人", 25, 24),
        ("产出指标", "质量指标", "培训合格率", "≥95%", "96%", 20, 20),
        ("产出指标", "时效指标", "补贴发放及时率", "=100%", "100%", 5, 5),
        ("效益指标", "社会效益指标", "参训人员就业率", "≥80%", "76%", 30, 28.5),
        ("满意度指标", "服务对象满意度指标", "受训人员满意度", "≥90%", "93%", 10, 10)]
FIRST = "培训人数未达标，原因是部分学员中途退出，下一步加强跟踪。"
SECOND = "参训人员就业率未达标，原因是部分学员选择升学。"


def _document(tmp_path, lines, grade="优"):
    book = standard(tmp_path / "t.xlsx", rows=ROWS, header=NO_REASON, total=(100, 97.48),
                    grade=grade)
    return workbook_docx(book, tmp_path / "t.docx",
                         after="".join(paragraph(line) for line in lines))


@pytest.mark.parametrize(("lines", "reason", "unexplained"), [
    (["四、偏差原因分析及改进措施", f"1.{FIRST}", f"2.{SECOND}"], f"1.{FIRST}；2.{SECOND}", []),
    (["偏差原因分析及改进措施：", f"1.{FIRST}", f"2.{SECOND}"], f"1.{FIRST}；2.{SECOND}", []),
    (["未完成原因：", f"（1）{FIRST}", f"（2）{SECOND}"], f"（1）{FIRST}；（2）{SECOND}", []),
    (["（四）偏差原因分析", FIRST + SECOND], FIRST + SECOND, []),
    (["偏差原因分析及改进措施：", FIRST + SECOND, "填报人：张三"], FIRST + SECOND, []),
    # Word's blank line: no row; the item names 培训人数 alone, so 就业率 is unexplained (rt28)
    (["偏差原因分析：", "", f"1.{FIRST}"], f"1.{FIRST}", ["JX405"])])
def test_a_reason_heading_takes_the_paragraphs_under_it(tmp_path, lines, reason, unexplained):
    table, data = checked(_document(tmp_path, lines))
    assert table.reason == reason
    assert codes(data) == unexplained


@pytest.mark.parametrize("lines", [
    ["四、偏差原因分析及改进措施", "五、其他需要说明的问题", "无。"],  # the next section
    ["偏差原因分析：", "改进措施：下一步加强政策宣传。"],  # a heading of its own
    ["偏差原因分析及改进措施：", "填报人：张三"]])  # the signature line
def test_a_reason_heading_with_nothing_of_its_own_under_it_explains_nothing(tmp_path, lines):
    """The heading stays empty: each deduction is told at the heading, with advice fit for
    a table that is not 四川's."""
    table, data = checked(_document(tmp_path, lines))
    assert table.reason is None
    found = [(item["code"], item["place"], item["message"]) for item in data["findings"]]
    heading = "第1个表格之后的第1段文字"
    assert found == [
        ("JX405", heading, "“培训人数”扣 1 分（24/25），未说明偏差原因"
                           "（表中没有偏差原因列：请在偏差原因栏或表下说明）"),
        ("JX405", heading, "“参训人员就业率”扣 1.5 分（28.5/30），未说明偏差原因"
                           "（表中没有偏差原因列：请在偏差原因栏或表下说明）")]


@pytest.mark.parametrize(("grade", "codes_found"), [("优。", []), ("良。", ["JX502"])])
def test_a_grade_in_a_sentence_is_read_without_its_full_stop(tmp_path, grade, codes_found):
    """d5 / d11 g: 评分等级：优。 was reported 填报 “优。”, and JX502 quoted “良。”."""
    table, data = checked(_document(tmp_path, [f"评分等级：{grade}", "偏差原因分析：",
                                               FIRST + SECOND], grade=None))
    assert table.grade_declared == grade[0]
    assert codes(data) == codes_found
    if codes_found:
        [jx502] = data["findings"]
        assert jx502["message"] == "评分等级写为“良”，总分 97.48 应为“优”"


def test_a_reason_heading_explains_an_empty_reason_column_too(tmp_path):
    """d14 b: the table has its 偏差原因 column, left empty, the reasons under the table."""
    book = standard(tmp_path / "t.xlsx", rows=[(*row, None) for row in ROWS],
                    total=(100, 97.48))
    path = workbook_docx(book, tmp_path / "t.docx", after=paragraph("偏差原因分析及改进措施：")
                         + paragraph(f"1.{FIRST}") + paragraph(f"2.{SECOND}"))
    table, data = checked(path)
    assert table.reason == f"1.{FIRST}；2.{SECOND}"
    assert codes(data) == []


def test_a_reason_naming_one_shortfall_without_a_cause_word_explains_that_one(tmp_path):
    """rt31 r7 d18: 偏差原因 | 培训人数未达标系部分学员中途退出 names 培训人数 (its reason, 系
    no cause word the reader knows) and not 参训人员就业率 (28.5/30): that deduction is
    unexplained, JX405 at its row. Before, a text with no cause read explained every
    shortfall, the one it names and all others."""
    table, data = checked(_document(tmp_path, ["四、偏差原因分析及改进措施",
                                               "培训人数未达标系部分学员中途退出。"]))
    assert table.reason == "培训人数未达标系部分学员中途退出。"
    [jx405] = data["findings"]
    assert jx405["code"] == "JX405"
    assert jx405["message"].startswith("“参训人员就业率”扣 1.5 分（28.5/30），未说明偏差原因")
