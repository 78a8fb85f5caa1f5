"""What units really send, continued: a 评分等级 ticked in a tick box, several project labels
in one cell, and 一级 and 二级 written in one cell — read as a reviewer reads them, with no
finding on a correct table."""

import pytest
from test_real_shapes import checked, codes
from workbooks import PUTUO_1_MONEY, PUTUO_1_ROWS, Book, standard_sheet

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


# ---------------------------------------------------------------- several project labels in one cell

DEPARTMENT, UNIT = "某县农业农村局", "某县农村经济服务中心"


def _project_lines(path, *lines):
    """The standard Putuo table whose project block is the given lines, each one cell."""
    book = Book()
    sheet = book.sheet()
    for text in lines:
        row = sheet.line(text)
        sheet.merge(row, 1, 8)
    sheet.money(PUTUO_1_MONEY)
    sheet.indicators(PUTUO_1_ROWS)
    sheet.total(100, 99.98)
    sheet.grade("优")
    return book.save(path)


@pytest.mark.parametrize("gap", ["      ", " ", "\u3000\u3000", "\n", "\t"])
def test_department_and_unit_in_one_cell(tmp_path, gap):
    """Before: 主管部门 “某县农业农村局      实施单位：某县农村经济服务中心”, 实施单位 none."""
    table, data = checked(_project_lines(tmp_path / "t.xlsx", "项目名称：基层站点建设",
                                         f"主管部门：{DEPARTMENT}{gap}实施单位：{UNIT}"))
    assert (table.project.name, table.project.department, table.project.unit) == (
        "基层站点建设", DEPARTMENT, UNIT)
    assert data["project"]["unit"] == UNIT
    assert table.sources["project_department"].cell == table.sources["project_unit"].cell == "A2"
    assert codes(data) == []


def test_name_department_and_unit_in_one_cell(tmp_path):
    table, data = checked(_project_lines(
        tmp_path / "t.xlsx", f"项目名称：基层站点建设    主管部门：{DEPARTMENT}    实施单位：{UNIT}"))
    assert (table.project.name, table.project.department, table.project.unit) == (
        "基层站点建设", DEPARTMENT, UNIT)
    assert codes(data) == []


def test_labels_with_a_note_before_the_colon(tmp_path):
    table, _ = checked(_project_lines(tmp_path / "t.xlsx", "项目名称：基层站点建设",
                                      f"主管部门（盖章）：{DEPARTMENT}  实施单位（盖章）：{UNIT}"))
    assert (table.project.department, table.project.unit) == (DEPARTMENT, UNIT)


@pytest.mark.parametrize("name", ["预算单位财务管理系统", "实施单位能力提升", "主管部门业务培训",
                                  "村级服务站点建设（项目单位：某中心）"])
def test_a_name_holding_a_label_word_without_its_colon_stays_whole(tmp_path, name):
    """A label's word without its colon, or in brackets, is part of the name."""
    table, _ = checked(_project_lines(tmp_path / "t.xlsx", f"项目名称：{name}",
                                      f"主管部门：{DEPARTMENT}", f"实施单位：{UNIT}"))
    assert (table.project.name, table.project.department, table.project.unit) == (
        name, DEPARTMENT, UNIT)
