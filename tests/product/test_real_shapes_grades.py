"""What units really send, continued: a 评分等级 ticked in a tick box, several project labels
in one cell, and 一级 and 二级 written in one cell — read as a reviewer reads them, with no
finding on a correct table."""

import pytest
from test_real_shapes import checked, codes
from workbooks import Book, standard_sheet

# ---------------------------------------------------------------- a grade ticked in a tick box


def _graded(path, *grade_cells):
    """The standard Putuo table (总分 99.98: 优) with the given cells after 评分等级."""
    book = Book()
    sheet = standard_sheet(book.sheet(), grade=None)
    sheet.line("评分等级", *grade_cells)
    return book.save(path)


@pytest.mark.parametrize("grade", [
    "√优 □良 □中 □差", "☑优 ☐良 ☐中 ☐差", "■优 □良 □中 □差", "优（√） 良（ ） 中（ ） 差（ ）",
    "优√", "优☑", "优☑  良□  中□  差□", "✔优 □良 □中 □差", "✓优 □良 □中 □差",
    "R优 £良 £中 £差",     # Wingdings 2: R is ☑, £ is ☐
    "þ优 ¨良 ¨中 ¨差",     # Wingdings: þ is ☑, ¨ is ☐
    "☑优秀 ☐良好 ☐合格 ☐不合格", "√优\n□良\n□中\n□差"])
def test_the_ticked_grade_is_the_grade(tmp_path, grade):
    """Before: JX502 评分等级“√优 □良 □中 □差”不是优、良、中、差之一 on a correct table."""
    _, data = checked(_graded(tmp_path / "t.xlsx", grade))
    assert data["grade_declared"] == grade and data["grade_computed"] == "优"
    assert codes(data) == []


def test_a_tick_on_the_wrong_grade_is_that_grade(tmp_path):
    _, data = checked(_graded(tmp_path / "t.xlsx", "□优 √良 □中 □差"))
    [item] = data["findings"]
    assert item["code"] == "JX502" and item["cell"] == "B17"
    assert item["message"] == "评分等级写为“□优 √良 □中 □差”，总分 99.98 应为“优”"


@pytest.mark.parametrize(("grade", "said"), [
    ("√优 √良 □中 □差", "勾选了多个等级（优、良）"), ("优（√） 良（√） 中（ ） 差（ ）", "勾选了多个等级（优、良）"),
    ("□优 □良 □中 □差", "未勾选等级"), ("优（ ） 良（ ） 中（ ） 差（ ）", "未勾选等级")])
def test_several_or_no_grades_ticked_is_no_grade(tmp_path, grade, said):
    _, data = checked(_graded(tmp_path / "t.xlsx", grade))
    [item] = data["findings"]
    assert item["code"] == "JX502"
    assert item["message"] == f"评分等级“{grade}”{said}，总分 99.98 应为“优”"


def test_a_box_in_each_cell_after_the_label(tmp_path):
    """评分等级 | ☑优 | □良 | □中 | □差: the ticked cell is the grade."""
    _, data = checked(_graded(tmp_path / "t.xlsx", "☑优", "□良", "□中", "□差"))
    assert codes(data) == []
    _, data = checked(_graded(tmp_path / "t2.xlsx", "□优", "☑良", "□中", "□差"))
    assert [(item["code"], item["cell"]) for item in data["findings"]] == [("JX502", "C17")]


@pytest.mark.parametrize(("grade", "found"), [
    ("优", []), ("优秀", []), ("优（95分）", []), ("良好", ["JX502"]), ("甲", ["JX502"]),
    ("优良", ["JX502"])])
def test_grades_in_words_read_as_before(tmp_path, grade, found):
    _, data = checked(_graded(tmp_path / "t.xlsx", grade))
    assert codes(data) == found
    if grade == "甲":
        assert "不是优、良、中、差之一" in data["findings"][0]["message"]
