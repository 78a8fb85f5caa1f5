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


# ---------------------------------------------------------------- 一级 and 二级 in one cell

COMBINED_HEADER = ("指标类别", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                   "偏差原因分析及改进措施")
LEVELS_READ = [("产出指标", "数量指标"), ("产出指标", "质量指标"), ("产出指标", "时效指标"),
               ("产出指标", "成本指标"), ("效益指标", "社会效益指标"),
               ("满意度指标", "服务对象满意度指标")]
COMBINED_ROWS = [
    ("产出指标{}数量指标", "经办业务量", "≥2 万件", "2.3 万件", 20, 20, None),
    ("产出指标{}质量指标", "差错率", "≤1%", "0.5%", 10, 10, None),
    ("产出指标{}时效指标", "待遇发放时限", "规定时间内", "规定时间内", 10, 10, None),
    ("产出指标{}成本指标", "人均经办成本", "30元", "28元", 10, 10, None),  # no sign: a ceiling
    ("效益指标{}社会效益指标", "医保便民服务", "持续推进", "持续推进中", 30, 30, None),
    ("满意度指标{}服务对象满意度指标", "参保群众满意度", "≥90%", "95%", 10, 10, None)]


def _combined(path, joiner, merged=False):
    """A standard table whose 一级 and 二级 share one 指标类别 cell, joined by ``joiner``
    (``merged``: the cell spans the two columns 一级指标 | 二级指标 instead)."""
    book = Book()
    sheet = book.sheet()
    sheet.project("医保经办能力提升", DEPARTMENT, UNIT)
    sheet.money([("年度资金总额", 30, 30, 30, 10, "100%", 10)])
    rows = [(row[0].format(joiner), *row[1:]) for row in COMBINED_ROWS]
    if merged:
        sheet.indicators([(row[0], None, *row[1:]) for row in rows])
        for row in range(sheet.row - len(rows), sheet.row):
            sheet.merge(row, 2, 3)
    else:
        sheet.indicators(rows, header=COMBINED_HEADER)
    sheet.total(100, 100)
    sheet.grade("优")
    return book.save(path)


@pytest.mark.parametrize("joiner", ["-", "—", "／", "/", "\n", " - ", "——"])
def test_level1_and_level2_in_one_cell(tmp_path, joiner):
    """Before: three JX104 缺少一级指标 warnings, no 一级 or 二级 read, a 评分附件表."""
    table, data = checked(_combined(tmp_path / "t.xlsx", joiner))
    assert [(i.level1, i.level2) for i in table.indicators] == LEVELS_READ
    assert data["layout"] == "standard" and codes(data) == []
    assert table.indicators[0].sources["level2"].cell == "B6"
    assert data["indicators"][3]["met"] is True  # 成本指标: 28元 against 30元 is within


def test_level1_and_level2_in_one_cell_merged_across_both_columns(tmp_path):
    table, data = checked(_combined(tmp_path / "t.xlsx", "-", merged=True))
    assert [(i.level1, i.level2) for i in table.indicators] == LEVELS_READ
    assert codes(data) == []


def test_a_category_column_of_level1_names_alone(tmp_path):
    """指标类别 holding only the 一级: the 一级, no 二级 made up, a 评分附件表 as before."""
    book = Book()
    sheet = book.sheet()
    sheet.project("医保经办能力提升", DEPARTMENT, UNIT)
    sheet.money([("年度资金总额", 30, 30, 30, 10, "100%", 10)])
    rows = [(row[0].format("-").split("-")[0], *row[1:]) for row in COMBINED_ROWS]
    rows[3] = (*rows[3][:2], "≤30元", *rows[3][3:])  # no 成本指标 to make 30元 a ceiling
    sheet.indicators(rows, header=COMBINED_HEADER, merge=False)
    sheet.total(100, 100)
    sheet.grade("优")
    table, data = checked(book.save(tmp_path / "t.xlsx"))
    assert [(i.level1, i.level2) for i in table.indicators] == [
        (level1, None) for level1, _ in LEVELS_READ]
    assert data["layout"] == "attachment" and codes(data) == []


@pytest.mark.parametrize("level1", ["产出指标-社会效益指标", "重点任务-数量指标", "产出指标（一）"])
def test_a_level1_with_a_dash_that_names_no_pair_stays_whole(tmp_path, level1):
    rows = [(level1, "数量指标", *COMBINED_ROWS[0][1:])]
    book = Book()
    sheet = book.sheet()
    sheet.project("医保经办能力提升", DEPARTMENT, UNIT)
    sheet.indicators(rows)
    table, _ = checked(book.save(tmp_path / "t.xlsx"))
    assert (table.indicators[0].level1, table.indicators[0].level2) == (level1, "数量指标")
