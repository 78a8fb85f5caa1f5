"""What system exports and filled-in forms of real submissions hold (red teams of
2026-12-04): a 年度资金总额 line left at 0 (or empty) while its 其中 lines hold the money
(池州 贵池区), values written as formulas never calculated, template rows marked not
applicable."""

import pytest
from test_real_shapes import QUALITATIVE_MET, checked, codes, medical_insurance
from workbooks import Formula

# 本年财政拨款 90 / 89.974 / 89.974 (rate 99.97 %): the total line 0 0 0, its 执行率 0, 得分 0
ZERO_TOTAL = [("年度资金总额", 0, 0, 0, 10, 0, 0),
              ("其中：本年财政拨款", 90, 89.974, 89.974, "—", None, "—"),
              ("上年结转资金", None, None, None, "—", None, "—"),
              ("其他资金", None, None, None, "—", None, "—")]
EMPTY_TOTAL = [("年度资金总额", None, None, None, 10, None, 10), *ZERO_TOTAL[1:]]


@pytest.mark.parametrize(("money", "wrong_lines"), [(ZERO_TOTAL, 3), (EMPTY_TOTAL, 0)],
                         ids=["total-0", "total-empty"])
def test_a_total_line_left_empty_says_what_its_lines_give(tmp_path, money, wrong_lines):
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", QUALITATIVE_MET, 90, money=money))
    found = codes(data)
    # the total line that disagrees with its lines is an error in each column (0 ≠ 90 …)
    assert found.count("JX304") == wrong_lines
    # a rate of 0 over a budget of 0 is no rate: no "执行率 0% 低于 90%" beside "无法计算"
    assert "JX306" not in found
    [note] = [item for item in data["findings"] if item["code"] == "JX307"]
    assert note["message"].endswith("按其中各行合计（全年预算数 89.97，全年执行数 89.97），"
                                    "执行率 100%，执行率得分应为 10")


def test_a_total_line_of_its_own_is_not_replaced_by_its_lines(tmp_path):
    """Where the total line holds money, the note adds nothing: the rate is the total's.
    Its 全年执行数 left blank is a missing actual (JX309, rt12), not JX307's hint."""
    money = [("年度资金总额", 100, 100, None, 10, None, None), *ZERO_TOTAL[1:]]
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", QUALITATIVE_MET, 90, money=money))
    assert not [item for item in data["findings"] if item["code"] == "JX307"]
    [note] = [item for item in data["findings"] if item["code"] == "JX309"]
    assert note["severity"] == "error" and "按其中各行合计" not in note["message"]
    assert note["message"].startswith("全年执行数(B)未填写")


def test_a_target_typed_as_a_formula_never_calculated_is_not_missing(tmp_path):
    """A 指标值 `=95%` in a file written by a program (no result saved): filled, its value
    unknown until recalculated — JX504 says so; no JX201 "未填写", and recalculating gives
    the table its scores."""
    rows = [*QUALITATIVE_MET[:-1],
            ("满意度指标", "服务对象满意度指标", "参保群众满意度", Formula("=95%"), Formula("=96%"), 10,
             10, None)]
    path = medical_insurance(tmp_path / "t.xlsx", rows, 100)
    _, data = checked(path)
    assert codes(data) == ["JX504"]
    [note] = data["findings"]
    assert note["message"].startswith("2 个公式单元格（E11、F11）没有计算结果")

    from jixiao.recalc.workbook import recalc_file

    recalc_file(path, tmp_path / "r.xlsx")
    _, data = checked(tmp_path / "r.xlsx")
    assert codes(data) == []
    assert data["total_computed"] == 100


def test_a_weight_typed_as_a_formula_never_calculated_is_not_missing(tmp_path):
    """rt15 D8: 分值 `=10` with no result saved — JX504 (recalculate), not JX106 “未填写分值”;
    recalculating gives the table its total."""
    rows = [*QUALITATIVE_MET[:-1],
            ("满意度指标", "服务对象满意度指标", "参保群众满意度", "≥95%", "96%", Formula("=10"),
             10, None)]
    path = medical_insurance(tmp_path / "t.xlsx", rows, 100)
    _, data = checked(path)
    assert codes(data) == ["JX504"]
    assert data["findings"][0]["message"].startswith("“参保群众满意度”的分值公式没有计算结果")

    from jixiao.recalc.workbook import recalc_file

    recalc_file(path, tmp_path / "r.xlsx")
    _, data = checked(tmp_path / "r.xlsx")
    assert codes(data) == [] and data["total_computed"] == 100


@pytest.mark.parametrize("name", ["指标1：/", "指标1：—", "指标2:无"])
def test_a_template_row_marked_not_applicable_is_no_indicator(tmp_path, name):
    """`指标1：/ | / | /`, no points (a row the unit marked not applicable, 安徽 天长): no
    JX106/JX201/JX202 on it, and the 总分 is computed."""
    rows = [*QUALITATIVE_MET[:5], ("效益指标", "生态效益指标", name, "/", "/", None, None, None),
            *QUALITATIVE_MET[5:]]
    table, data = checked(medical_insurance(tmp_path / "t.xlsx", rows, 100))
    assert codes(data) == [] and data["total_computed"] == 100
    assert len(table.indicators) == len(QUALITATIVE_MET)


def test_a_wrong_execution_score_names_the_rate_its_expected_score_follows_from(tmp_path):
    """廊坊: 65.07 of 65.66 (99.1 %), 执行率 written 99%, 得分 9: the message said "× 执行率
    99.1% 应为 9.9" — 9.9 is 10 × 99 %, the written rate; 10 × 99.1 % is 9.91, the score
    the rules give (rt26 f: 分值 × B/A, the written rate rounded or not)."""
    money = [("年度资金总额", None, 65.66, 65.07, 10, "99%", 9)]
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", QUALITATIVE_MET, 99, money=money))
    [finding] = [item for item in data["findings"] if item["code"] == "JX302"]
    assert finding["message"] == ("执行率得分写为 9，按分值 10 × 执行率 99.1% 应为 9.91；"
                                  "总分 99 随之应为 99.91")  # (rt29: the 总分 it carried)


def test_a_target_and_actual_merged_down_over_two_rows_are_both_rows(tmp_path):
    """黄石 (湖北 form): one 指标值 and 完成值 merged over the two 三级 they measure: the lower
    row has them too (it was JX201 and JX202, and no total)."""
    from workbooks import Book

    rows = [*QUALITATIVE_MET[:4],
            ("效益指标", "社会效益指标", "使读者更方便快捷查找检阅", "可扩展到省图", "可扩展到省图",
             10, 10, None),
            ("效益指标", "社会效益指标", "促进文化发展", None, None, 10, 10, None),
            *QUALITATIVE_MET[5:]]
    book = Book()
    sheet = book.sheet("自评表")
    sheet.project("共享工程")
    sheet.money([("年度资金总额", 30, 30, 30, 10, "100%", 10)])
    sheet.indicators(rows)
    sheet.total(100, 100)
    sheet.grade("优")
    first = 4 + 1 + 4  # project 1, money 2–3, header 4, the fifth indicator on row 9
    for column in (sheet.columns["年度指标值"], sheet.columns["实际完成值"]):
        sheet.merge(first, column, column, first + 1)
    table, data = checked(book.save(tmp_path / "t.xlsx"))
    assert codes(data) == [] and data["total_computed"] == 100
    assert (table.indicators[5].target, table.indicators[5].actual) == ("可扩展到省图",) * 2


FOUR_LEVELS = [  # 2017 项目支出绩效评价得分表: 一级 | 二级 | 三级 | 四级 | 分值 | 得分
    ("共性指标（30分）", "项目决策（20分）", "科学决策（10分）", "必要性", 5, 5),
    (None, None, None, "可行性", 5, 5),
    (None, None, "绩效目标（10分）", "明确性", 5, 5),
    (None, None, None, "合理性", 5, 4),
    (None, "项目管理（10分）", "资金管理（10分）", "资金使用", 10, 10),
    ("特性指标（70分）", "项目效益（70分）", "社会效益（可选项）", None, 60, 60),
    (None, None, "经济效益（可选项）", None, None, None),
    (None, None, "服务对象满意度", None, 10, 10)]


def four_level_sheet(weight_total, total, merge_label=True):
    """The 2017 four-level 评价得分表 (分值 E, 得分 F; weights 100, scores 99) and its 总分
    row "总分 | weight_total | total" (the label merged over 一级 … 四级 unless not
    ``merge_label``): (book, sheet, the 总分 row)."""
    from workbooks import Book

    book = Book()
    sheet = book.sheet("得分表")
    sheet.line("项目支出绩效评价得分表（2017年度）")
    sheet.line("一级指标", "二级指标", "三级指标", "四级指标", "分值", "得分")
    for values in FOUR_LEVELS:
        sheet.line(*values)
    row = sheet.line("总分", None, None, None, weight_total, total)
    if merge_label:
        sheet.merge(row, 1, 4)
    return book, sheet, row


@pytest.mark.parametrize("merge", [False, True], ids=["merges-lost", "merged"])
def test_a_four_level_score_sheet_names_each_row_by_its_deepest_level(tmp_path, merge):
    """一级 | 二级 | 三级 | 四级 | 分值 | 得分: the 四级 names a row, a 三级 without 四级 names
    its own; an optional row the unit left empty (经济效益（可选项）) is no indicator. Before:
    the 四级 went unread and 可行性 was lost (JX101 95, JX103 ×2, a sum of 94), and the
    optional row was JX106."""
    book, sheet, _ = four_level_sheet(100, 99, merge_label=False)
    if merge:
        # title 1, header 2, rows 3–10: 共性 3–7, 项目决策 3–6, 科学决策 3–4, 绩效目标 5–6,
        # 特性 and 项目效益 8–10
        for first, last, column in ((3, 7, 1), (3, 6, 2), (3, 4, 3), (5, 6, 3), (8, 10, 1),
                                    (8, 10, 2)):
            sheet.merge(first, column, column, last)
    table, data = checked(book.save(tmp_path / "t.xlsx"))
    assert codes(data) == []
    assert [indicator.name for indicator in table.indicators] == [
        "必要性", "可行性", "明确性", "合理性", "资金使用", "社会效益（可选项）", "服务对象满意度"]
    assert sum(indicator.weight for indicator in table.indicators) == 100


def test_the_json_says_when_a_readable_file_holds_no_table(tmp_path, capsys):
    """A file that opens but holds no 自评表 (a report, a sheet of notes) is marked
    "no_table" — how a batch tells a 自评报告.docx (no row) from a damaged file (a row)."""
    import json

    from openpyxl import Workbook

    from jixiao.cli.main import main

    notes = tmp_path / "说明.xlsx"
    book = Workbook()
    book.active["A1"] = "填表说明：请按财政局要求填写"
    book.save(notes)
    damaged = tmp_path / "坏.xlsx"
    damaged.write_bytes(b"PK\x03\x04 not a zip")
    assert main(["check", str(notes), str(damaged), "--json"]) == 2
    objects = json.loads(capsys.readouterr().out)
    assert [item.get("no_table", False) for item in objects] == [True, False]
