"""How the 总分 and the 评分等级 are written and where (rt25-f).

A 总分 typed as 98% in Excel (0.98 shown as 98%) or in Chinese numerals (九十八分,
玖拾捌分) is the total it shows. Before: JX501 "总分写为 0.98" and JX502 "总分 0.98
应为“差”"; "总分未填写" for 九十八分, and a wrong 九十五分 not quoted.

A 总分 (and 评分等级) row printed above the indicators — right under their header, or
between the 年度总体目标 and the header — is read where it stands. Before: under the
header it ended the table (JX001 "没有填写任何三级指标", 计算 9.98), a 合计 | 100 | 98
there was a 小计 of no rows (JX103); above the header the 总分 was not read at all, so
a wrong one passed."""

import openpyxl
import pytest
from test_real_shapes import checked, codes
from workbooks import PUTUO_1_MONEY, PUTUO_1_ROWS, Book, standard


def _total_cell(path, value, number_format=None):
    """The standard table (分值 100, 总分 99.98, 优) with its 总分 cell rewritten."""
    book = openpyxl.load_workbook(path)
    sheet = book.active
    row = next(cell.row for cell in sheet["A"] if cell.value == "总分")
    cell = sheet.cell(row, 8)
    cell.value = value
    if number_format is not None:
        cell.number_format = number_format
    book.save(path)
    return path


@pytest.mark.parametrize(("value", "number_format"), [
    (0.9998, "0.00%"), ("99.98%", None), ("九十九点九八分", None), ("玖拾玖点玖捌", None)])
def test_a_total_is_read_as_it_shows(tmp_path, value, number_format):
    _, data = checked(_total_cell(standard(tmp_path / "t.xlsx"), value, number_format))
    assert (data["total_declared"], data["grade_declared"]) == (99.98, "优")
    assert codes(data) == []


@pytest.mark.parametrize(("value", "number_format", "written"), [
    (0.95, "0%", "95"), ("九十五分", None, "95"), ("玖拾伍", None, "95")])
def test_a_wrong_total_in_those_forms_is_quoted_as_written(tmp_path, value, number_format,
                                                          written):
    _, data = checked(_total_cell(standard(tmp_path / "t.xlsx"), value, number_format))
    assert [(item["code"], item["cell"], item["message"]) for item in data["findings"]] == [
        ("JX501", "H16", f"总分写为 {written}，各项得分之和为 99.98")]


# ------------------------------------------------------------ above the indicators

def _results_above(path, total=99.98, label="总分", grade_first=True, between=False,
                   grade_on_top=False):
    """The standard table with its 总分 row (``label`` | 100 | ``total``) under the
    indicator header (``between``: above it, under the 年度总体目标) and its 评分等级
    row under that (``grade_first``; ``grade_on_top``: over it) or under the indicators."""
    book = Book()
    sheet = book.sheet()
    sheet.title("项目支出绩效自评表", "（2024 年度）")
    sheet.project("信息安全等保项目", "上海市普陀区医疗保障局", "上海市普陀区医疗保险事务中心")
    sheet.money(PUTUO_1_MONEY)
    sheet.line("年度总体目标", "预期目标", None, None, "实际完成情况")
    sheet.line(None, "完成机房设施升级改造", None, None, "已完成")
    if between:
        sheet.line(label, None, None, None, None, None, 100, total)
        sheet.grade("优")
    sheet.indicators(())
    if grade_on_top:
        sheet.grade("优")
    if not between:
        sheet.total(100, total, label=label)
        if grade_first:
            sheet.grade("优")
    for values in PUTUO_1_ROWS:
        sheet.line(*values, start=2)
    if not between and not grade_first and not grade_on_top:
        sheet.grade("优")
    return book.save(path)


@pytest.mark.parametrize("shape", [{}, {"grade_first": False}, {"label": "合计"},
                                   {"label": "合计", "grade_first": False}, {"between": True},
                                   {"grade_on_top": True, "grade_first": False}])
def test_a_total_above_the_indicators_is_read_where_it_stands(tmp_path, shape):
    table, data = checked(_results_above(tmp_path / "t.xlsx", **shape))
    assert len(table.indicators) == 5 and table.subtotals == []
    assert (data["total_declared"], data["grade_declared"]) == (99.98, "优")
    assert codes(data) == []


@pytest.mark.parametrize(("shape", "cell"), [({}, "H13"), ({"between": True}, "H12")])
def test_a_wrong_total_above_the_indicators_is_flagged(tmp_path, shape, cell):
    _, data = checked(_results_above(tmp_path / "t.xlsx", total=92, **shape))
    assert [(item["code"], item["cell"], item["message"]) for item in data["findings"]] == [
        ("JX501", cell, "总分写为 92，各项得分之和为 99.98")]


def _sentence_above(path, text, merged=True, rows=False):
    """The standard table with ``text`` on a row of its own between the 年度总体目标 and
    the indicator header (``merged`` across the row), its 总分 and 评分等级 rows (99.98,
    优) under the indicators only where ``rows``."""
    book = Book()
    sheet = book.sheet()
    sheet.title("项目支出绩效自评表", "（2024 年度）")
    sheet.project("信息安全等保项目", "上海市普陀区医疗保障局", "上海市普陀区医疗保险事务中心")
    sheet.money(PUTUO_1_MONEY)
    sheet.line("年度总体目标", "预期目标", None, None, "实际完成情况")
    sheet.line(None, "完成机房设施升级改造，绩效考核得分90分以上、等级为优", None, None,
               "已完成，上年考核得分85分、等级为良")
    row = sheet.line(text)
    if merged:
        sheet.merge(row, 1, 9)
    sheet.indicators(PUTUO_1_ROWS)
    if rows:
        sheet.total(100, 99.98)
        sheet.grade("优")
    return book.save(path)


@pytest.mark.parametrize("merged", [True, False])
@pytest.mark.parametrize("text", ["自评得分：99.98分　　评价等级：优", "总分99.98分　等级优",
                                  "评价等级：优，自评得分：99.98分"])
def test_a_total_and_grade_in_a_sentence_above_the_header_are_read(tmp_path, text, merged):
    _, data = checked(_sentence_above(tmp_path / "t.xlsx", text, merged))
    assert (data["total_declared"], data["grade_declared"]) == (99.98, "优")
    assert codes(data) == []


@pytest.mark.parametrize("merged", [True, False])
def test_a_wrong_total_and_grade_in_a_sentence_above_the_header_are_flagged(tmp_path,
                                                                           merged):
    """rt25-i s10e: before, neither was read (总分 填报 —) and the table passed."""
    _, data = checked(_sentence_above(tmp_path / "t.xlsx", "自评得分：92分　　评价等级：良",
                                      merged))
    assert [(item["code"], item["cell"], item["message"]) for item in data["findings"]] == [
        ("JX501", "A12", "总分写为 92，各项得分之和为 99.98"),
        ("JX502", "A12", "评分等级写为“良”，各项得分之和 99.98 应为“优”（总分写为 92，见 JX501）")]


def test_a_sentence_above_the_header_contradicting_the_rows_is_reported_at_it(tmp_path):
    path = _sentence_above(tmp_path / "t.xlsx", "自评得分：92分　　评价等级：良", rows=True)
    table, data = checked(path)
    assert (data["total_declared"], data["grade_declared"]) == (99.98, "优")
    assert table.restated == {"total": 92.0, "grade": "良"}
    assert [(item["code"], item["cell"], item["message"]) for item in data["findings"]] == [
        ("JX506", "A12", "此处写总分 92，与 H19 的总分 99.98 不一致（各项得分之和为 99.98）"),
        ("JX506", "A12", "此处写评分等级“良”，与 B20 的评分等级“优”不一致（总分 99.98 应为“优”）")]


def test_a_text_above_the_header_naming_a_score_in_passing_is_no_statement(tmp_path):
    """Not changed: a line above the header stating a score and a grade, but opening with
    no 总分 or 等级 label (as the goal's 考核得分90分以上、等级为优), declares nothing."""
    table, data = checked(_sentence_above(tmp_path / "t.xlsx",
                                          "自评工作组织有力：得分85分，评价等级为良", rows=True))
    assert (data["total_declared"], data["grade_declared"]) == (99.98, "优")
    assert table.restated == {} and codes(data) == []


def test_a_subtotal_of_the_first_rows_is_still_one(tmp_path):
    """Not changed: 合计 | 30 | 30 under the first 一级's rows (rows above it) is their
    subtotal, not the 总分."""
    rows = [*PUTUO_1_ROWS[:3]]
    book = Book()
    sheet = book.sheet()
    sheet.title("项目支出绩效自评表", "（2024 年度）")
    sheet.project("信息安全等保项目", "上海市普陀区医疗保障局", "上海市普陀区医疗保险事务中心")
    sheet.money(PUTUO_1_MONEY)
    sheet.indicators(rows)
    sheet.line("合计", None, None, None, None, None, 50, 50)
    for values in PUTUO_1_ROWS[3:]:
        sheet.line(*values, start=2)
    sheet.total(100, 99.98)
    sheet.grade("优")
    table, data = checked(book.save(tmp_path / "t.xlsx"))
    assert len(table.indicators) == 5 and [s.weight for s in table.subtotals] == [50]
    assert (data["total_declared"], data["grade_declared"]) == (99.98, "优")
    assert codes(data) == []


# ------------------------------------------------------------ in a sentence

def _sentence(path, text, label=None, total_row=False):
    """The standard table (99.98, 优) with its 总分 and 等级 rows replaced by ``text`` in
    one cell merged across the row (``label``: in the cell after it, 自评结论 | <text>);
    ``total_row``: the 总分 row kept, its 得分 cell empty, the sentence under it."""
    book = openpyxl.load_workbook(path)
    sheet = book.active
    row = next(cell.row for cell in sheet["A"] if cell.value == "总分")
    for merged in list(sheet.merged_cells.ranges):
        if merged.min_row >= row:
            sheet.unmerge_cells(str(merged))
    for cells in sheet.iter_rows(min_row=row, max_row=row + 1):
        for cell in cells:
            cell.value = None
    if total_row:
        sheet.cell(row, 1, "总分")
        sheet.cell(row, 7, 100)
        row += 1
    if label is None:
        sheet.cell(row, 1, text)
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=9)
    else:
        sheet.cell(row, 1, label)
        sheet.cell(row, 2, text)
        sheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=9)
    book.save(path)
    return path


@pytest.mark.parametrize(("text", "label"), [
    ("自评得分99.98分    评价等级 优", None), ("总分99.98分　等级优", None),
    ("自评得分为99.98分，评价等级为优", None), ("经自评，该项目得分99.98分，评价等级为优。", None),
    ("自评得分九十九点九八分，等级为优", None),
    ("自评结论：经自评，该项目自评得分99.98分，自评等级为优。", None),
    ("经自评，该项目得分99.98分，评价等级为“优”。", "自评结论"),
    ("项目总分100分，自评得分99.98分，评价等级为优秀", "评价结论")])
def test_a_total_and_grade_in_a_sentence_are_read(tmp_path, text, label):
    _, data = checked(_sentence(standard(tmp_path / "t.xlsx"), text, label))
    assert data["total_declared"] == 99.98 and data["grade_declared"] in ("优", "优秀")
    assert codes(data) == []


@pytest.mark.parametrize(("text", "label", "cell"), [
    ("自评得分为92分，评价等级为优", None, "A16"),
    ("经自评，该项目得分92分，评价等级为优。", "自评结论", "B16")])
def test_a_wrong_total_in_a_sentence_is_flagged_at_its_cell(tmp_path, text, label, cell):
    _, data = checked(_sentence(standard(tmp_path / "t.xlsx"), text, label))
    assert [(item["code"], item["cell"], item["message"]) for item in data["findings"]] == [
        ("JX501", cell, "总分写为 92，各项得分之和为 99.98")]


def test_a_sentence_naming_no_total_leaves_the_total_unfilled_at_its_own_cell(tmp_path):
    """Not read as a total: a 总分 row merged across with nothing after its label — the
    finding names the merged label's cell, not the 得分 cell hidden under the merge."""
    _, data = checked(_sentence(standard(tmp_path / "t.xlsx"), "总分"))
    assert [(item["code"], item["cell"], item["message"]) for item in data["findings"]] == [
        ("JX501", "A16", "总分未填写，各项得分之和为 99.98")]


def test_a_conclusion_under_an_empty_total_cell_declares_the_total(tmp_path):
    """rt25 l1 (reversing d8e3a06): a 总分 row whose 得分 cell is empty, a 自评结论 under it
    naming the total and the grade. Before: JX501 总分未填写 at H16 though the unit stated
    99.98 — the 自评结论 is the unit's declaration, as it is where no 总分 row is printed."""
    path = _sentence(standard(tmp_path / "t.xlsx"), "经自评，该项目得分99.98分，评价等级为优。",
                     "自评结论", total_row=True)
    table, data = checked(path)
    assert (data["total_declared"], data["grade_declared"]) == (99.98, "优")
    assert (table.sources["total"].cell, table.sources["grade"].cell) == ("B17", "B17")
    assert data["findings"] == []


def test_a_wrong_total_in_a_conclusion_under_an_empty_total_cell_is_reported_at_it(tmp_path):
    """The stated total is checked as a written one: wrong, JX501 at the sentence."""
    path = _sentence(standard(tmp_path / "t.xlsx"), "经自评，该项目得分92分，评价等级为优。",
                     "自评结论", total_row=True)
    _, data = checked(path)
    assert data["total_declared"] == 92
    assert [(item["code"], item["cell"]) for item in data["findings"]] == [("JX501", "B17")]


def test_an_empty_total_cell_without_a_conclusion_is_still_unfilled(tmp_path):
    """The neighbour that must not change: the 自评结论 under the empty 总分 cell names
    the grade only — the total stays unfilled, the grade is read."""
    path = _sentence(standard(tmp_path / "t.xlsx"), "经自评，该项目评价等级为优。",
                     "自评结论", total_row=True)
    _, data = checked(path)
    assert (data["total_declared"], data["grade_declared"]) == (None, "优")
    assert [(item["code"], item["cell"], item["message"]) for item in data["findings"]
            if item["code"] == "JX501"] == [("JX501", "H16", "总分未填写，各项得分之和为 99.98")]


def test_a_conclusion_contradicting_the_total_and_grade_rows_is_reported_at_it(tmp_path):
    path = standard(tmp_path / "t.xlsx", total=(100, 99.98), grade="优",
                    conclusion="经自评，该项目得分92分，评价等级为良。")
    table, data = checked(path)
    assert (data["total_declared"], data["grade_declared"]) == (99.98, "优")
    assert table.restated == {"total": 92.0, "grade": "良"}
    assert [(item["code"], item["cell"], item["message"]) for item in data["findings"]] == [
        ("JX506", "B18", "此处写总分 92，与 H16 的总分 99.98 不一致（各项得分之和为 99.98）"),
        ("JX506", "B18", "此处写评分等级“良”，与 B17 的评分等级“优”不一致（总分 99.98 应为“优”）")]


@pytest.mark.parametrize("said", ["100", "100.0", "99.98", "一百"])
def test_a_conclusion_rounding_the_total_as_it_writes_it_is_no_contradiction(tmp_path, said):
    """99.98 said as 100 (or 100.0) in a sentence is the total rounded to the decimals
    the sentence writes, no copied total (rt25-i: 99.05 said as 99.1 or 99 was JX506)."""
    path = standard(tmp_path / "t.xlsx", total=(100, 99.98), grade="优",
                    conclusion=f"经自评，该项目得分{said}分，评价等级为优秀。")
    table, data = checked(path)
    assert table.restated == {} and codes(data) == []


@pytest.mark.parametrize("said", ["99.9", "99"])
def test_a_conclusion_not_rounding_the_total_still_contradicts_it(tmp_path, said):
    """Not changed: 99.98 said as 99.9 (cut, not rounded) or 99 is another total."""
    path = standard(tmp_path / "t.xlsx", total=(100, 99.98), grade="优",
                    conclusion=f"经自评，该项目得分{said}分，评价等级为优。")
    _, data = checked(path)
    assert [(item["code"], item["cell"], item["message"]) for item in data["findings"]] == [
        ("JX506", "B18", f"此处写总分 {said}，与 H16 的总分 99.98 不一致（各项得分之和为 99.98）")]


def test_a_grade_row_under_a_sentence_stating_the_total_is_read(tmp_path):
    book = openpyxl.load_workbook(standard(tmp_path / "t.xlsx"))
    sheet = book.active
    for merged in list(sheet.merged_cells.ranges):
        if merged.min_row == 16:
            sheet.unmerge_cells(str(merged))
    for cell in sheet[16]:
        cell.value = None
    sheet["A16"] = "经自评，该项目得分99.98分。"
    sheet.merge_cells("A16:I16")
    book.save(tmp_path / "t.xlsx")
    _, data = checked(tmp_path / "t.xlsx")
    assert (data["total_declared"], data["grade_declared"]) == (99.98, "优")
    assert codes(data) == []


def test_a_goal_block_among_the_rows_naming_a_score_is_no_statement(tmp_path):
    """Not changed: a 年度总体目标 block printed under the indicators, its texts naming a
    score (绩效考核得分90分以上), is no sentence of the table's results: the 总分 and 等级
    rows under it are read."""
    book = Book()
    sheet = book.sheet()
    sheet.title("项目支出绩效自评表", "（2024 年度）")
    sheet.project("信息安全等保项目", "上海市普陀区医疗保障局", "上海市普陀区医疗保险事务中心")
    sheet.money(PUTUO_1_MONEY)
    sheet.indicators(PUTUO_1_ROWS)
    sheet.line("年度总体目标", "预期目标", None, None, "实际完成情况")
    sheet.line(None, "完成机房改造，绩效考核得分90分以上", None, None, "已完成，考核得分95分")
    sheet.total(100, 99.98)
    sheet.grade("优")
    table, data = checked(book.save(tmp_path / "t.xlsx"))
    assert (data["total_declared"], data["grade_declared"]) == (99.98, "优")
    assert table.restated == {} and codes(data) == []
