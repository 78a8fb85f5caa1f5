"""A clerk in jixiao's own template (user test rt14): the template, ``jixiao recalc`` and
``jixiao check`` follow one rule, and every finding names a cell the clerk can change.

The filled form is test_real_shapes_clerk's 濉溪县 临时救助 2019 table (98.84 优)."""

from __future__ import annotations

import pytest
from libreoffice import sheets_as_shown
from test_real_shapes_clerk import filled, findings, recalculated, shown

from jixiao.layout import SHEET
from jixiao.recalc.workbook import recalc_file

# ---------------------------------------------------------------- A2: 分值 typed as text

@pytest.mark.parametrize("formulas", ["addin", "native"])
def test_a_weight_in_words_is_one_finding_and_recalc_and_check_agree(tmp_path, formulas):
    """Before: recalc wrote ⚠ into G43 and check said JX504 "应为 90" at the locked G43,
    again after every recalc. JX106 at G14's cell is what the clerk fixes."""
    path = recalculated(filled(tmp_path, lambda book, sheet: sheet.__setitem__("G17", "五"),
                               formulas))
    codes = [item.split(" ", 3)[:3] for item in findings(path)]
    assert ["JX106", "error", "G17"] in codes
    assert not [code for code in codes if code[0] == "JX504"], codes
    again, _ = recalc_file(path, in_place=True)
    assert [item.split(" ", 3)[:3] for item in findings(again)] == codes


# ---------------------------------------------------------------- D2: one way to write a range

@pytest.mark.parametrize("formulas", ["addin", "native"])
def test_the_cell_and_the_finding_write_the_manual_band_alike(tmp_path, formulas):
    """Before: H21 "请在 3.00–4.00 分之间人工评分", the finding "填写 3–4 分之间"."""
    path = recalculated(filled(tmp_path, lambda book, sheet: sheet.__setitem__("F21", "部分达成"),
                               formulas))
    [cell] = shown(path, "H21")
    assert "3–4 分" in cell and ".00" not in cell
    assert any("3–4 分之间" in item for item in findings(path))


# ---------------------------------------------------------------- B3: JX104 at a cell

def test_a_missing_level1_points_at_its_first_empty_row(tmp_path):
    """Before: JX104 at no cell ("—"): the annotated copy had no note for it."""
    def change(book, sheet):
        for column in "DEFGI":
            sheet[f"{column}40"] = None
        sheet["G30"] = 40  # keep 100

    path = recalculated(filled(tmp_path, change))
    assert [item for item in findings(path) if item.startswith("JX104")] == [
        "JX104 warning D40 缺少一级指标“满意度指标”：请在模板中该一级指标下的空行填写三级指标"]


# ---------------------------------------------------------------- B4: a score typed over

def test_a_score_typed_over_its_formula_is_jx503_alone(tmp_path):
    """Before: JX405 asked a 偏差原因 for the met target, and JX403 said it again."""
    path = recalculated(filled(tmp_path, lambda book, sheet: sheet.__setitem__("H13", 3)))
    assert findings(path) == [
        "JX503 error H13 “农村低保发放人数(按月平均)”的得分是手工填写的“3”，覆盖了原有公式；"
        "按财政部规则应为 5，请从相邻行复制公式恢复"]


def test_full_marks_typed_over_an_unmet_target_still_wants_its_reason(tmp_path):
    """The rule's score is short of the 分值: the reason is still asked for (JX405)."""
    def change(book, sheet):
        sheet["H15"], sheet["I15"] = 5, None

    codes = [item.split(" ", 3)[:3] for item in findings(recalculated(filled(tmp_path, change)))]
    assert codes == [["JX405", "error", "I15"], ["JX503", "error", "H15"]]


# ---------------------------------------------------------------- C3: what recalculates a native form

def test_a_native_form_saved_without_results_is_sent_to_any_spreadsheet(tmp_path):
    """Before: "请运行 jixiao recalc，或在装有 jixiao 加载项的 Excel 中点“一键重算”", though the
    native form needs neither."""
    [message] = [item for item in findings(filled(tmp_path, formulas="native"))
                 if item.startswith("JX504")]
    assert message.endswith("请在 Excel、WPS 或 LibreOffice 中打开本表，重算（F9）后保存")
    assert "jixiao recalc" not in message and "加载项" not in message
    [message] = [item for item in findings(filled(tmp_path)) if item.startswith("JX504")]
    assert "jixiao recalc" in message  # the add-in's form still needs one of them


# ---------------------------------------------------------------- D6: no quote of unwritten words

def test_a_late_date_is_said_with_the_target_and_actual_not_quoted_as_written(tmp_path):
    """Before: "“救助资金发放及时性”为“逾期完成”", words the clerk never wrote."""
    def change(book, sheet):
        sheet["E21"], sheet["F21"] = "2019年10月20日前完成", "2019年10月28日完成"

    [message] = [item for item in findings(recalculated(filled(tmp_path, change)))
                 if item.startswith("JX408")]
    assert message == ("JX408 warning J21 “救助资金发放及时性”逾期完成（指标值 2019年10月20日前完成，"
                       "完成值 2019年10月28日完成），请在人工评分列填写 3–4 分之间（财政部规则）")


# ---------------------------------------------------------------- A6: no grade off 100 points

def _weights_90(book, sheet):
    sheet["G30"] = 20  # the 分值 total 90


@pytest.mark.parametrize("formulas", ["addin", "native"])
def test_a_form_whose_weights_are_not_100_shows_no_grade(tmp_path, formulas):
    """Before: H44 showed 良 (88.84), while check, batch and JSON said no grade is given."""
    path = recalculated(filled(tmp_path, _weights_90, formulas))
    assert shown(path, "G43", "H43", "H44") == [90, 88.84, "⚠ 分值合计 90，不是 100，不评等级"]
    codes = [item.split(" ", 3)[:3] for item in findings(path)]
    assert codes == [["JX101", "error", "G13"], ["JX102", "warning", "G30"]]  # no JX504
    again, _ = recalc_file(path, in_place=True)
    assert [item.split(" ", 3)[:3] for item in findings(again)] == codes


def test_libreoffice_shows_the_native_grade_cell_as_jixiao_stored_it(tmp_path):
    path = recalculated(filled(tmp_path, _weights_90, "native"))
    computed = sheets_as_shown(path, tmp_path, recalculate=True)[SHEET]
    assert computed[43][7].strip() == "⚠ 分值合计 90，不是 100，不评等级"


def test_an_older_template_keeps_grading_as_its_formula_does(tmp_path):
    """JX_GRADE(H43) of a template made before: recalc and check follow the formula in
    the file (良), and do not argue with each other."""
    def change(book, sheet):
        _weights_90(book, sheet)
        sheet["H44"] = "=JX_GRADE(H43)"

    path = recalculated(filled(tmp_path, change))
    assert shown(path, "H44") == ["良"]
    assert [item.split(" ", 3)[0] for item in findings(path)] == ["JX101", "JX102"]


# ---------------------------------------------------------------- B1: where the low rate's reason goes

def _low_rate(book, sheet):
    sheet["K2"], sheet["F6"], sheet["F7"] = "sichuan", 24, 24  # 80 %


@pytest.mark.parametrize("formulas", ["addin", "native"])
def test_the_template_has_a_cell_for_the_low_rate_reason(tmp_path, formulas):
    """Before: JX306 at F6 "未说明原因", and nowhere on the form to write one."""
    path = recalculated(filled(tmp_path, _low_rate, formulas))
    assert shown(path, "J5") == ["执行率偏低原因说明"]
    assert findings(path) == [
        "JX306 warning J6 执行率 80% 低于 90%，未说明原因：请在执行率偏低原因说明（自评表!J6）写明原因"]

    def explained(book, sheet):
        _low_rate(book, sheet)
        sheet["J6"] = "培训延至次年一季度，补贴随之结转"

    assert findings(recalculated(filled(tmp_path, explained, formulas))) == []


def test_a_template_made_before_the_reason_cell_says_where_one_goes(tmp_path):
    def older(book, sheet):
        _low_rate(book, sheet)
        sheet["J5"] = None
        del book.defined_names["JX_FundReason"]

    assert findings(recalculated(filled(tmp_path, older))) == [
        "JX306 warning F6 执行率 80% 低于 90%，未说明原因：请在资金栏右侧 J5 填写“执行率偏低原因说明”，"
        "其下 J6 写明原因"]

    def older_explained(book, sheet):
        older(book, sheet)
        sheet["J5"], sheet["J6"] = "执行率偏低原因说明", "培训延至次年一季度"

    assert findings(recalculated(filled(tmp_path, older_explained))) == []


# ---------------------------------------------------------------- C1: last year's table as this year's form

def test_convert_with_a_year_gives_a_form_to_fill_not_last_years_answers(tmp_path):
    """Before: only a copy of last year's table (年度 2019, every 实际完成值, 偏差原因 and
    score kept), which check passed as finished."""
    from jixiao.cli.main import main

    last = recalculated(filled(tmp_path))
    new = tmp_path / "今年.xlsx"
    assert main(["convert", str(last), "-o", str(new), "--year", "2025"]) == 0
    assert shown(new, "E2", "D13", "E13", "G13") == [2025, "农村低保发放人数(按月平均)",
                                                   "≥21933人", 5]
    assert shown(new, "F13", "I15", "J21", "D6", "E6", "F6", "G11", "D11") == [
        None, None, None, None, None, None, None, "为建档立卡扶贫户解决临时性的困难"]
    assert shown(new, "H13") == ["⚠ 实际完成值为空"]  # a form to fill, not a finished one
    copy = tmp_path / "副本.xlsx"  # without --year: last year's table, as it was
    assert main(["convert", str(last), "-o", str(copy)]) == 0
    assert shown(copy, "E2", "F13", "H44") == [2024, "21980人", "优"]


@pytest.mark.parametrize("formulas", ["addin", "native"])
@pytest.mark.parametrize(("cell", "value", "where"), [("G6", "十", "G6"), ("J21", "三", "J21")])
def test_points_in_words_are_reported_where_typed_and_nowhere_locked(
        tmp_path, formulas, cell, value, where):
    """Before (add-in form): a money 分值 "十" gave JX406 at the locked I6 and JX504 at I6,
    H43 and H44 — check read it as 10, the formulas as no number."""
    def change(book, sheet):
        sheet["F21"] = "部分达成"
        sheet[cell] = value

    path = recalculated(filled(tmp_path, change, formulas))
    cells = [item.split(" ", 3)[2] for item in findings(path)]
    assert where in cells or cell == "J21"
    assert not {"I6", "H43", "H44"} & set(cells), findings(path)


# ------------------------------------------ a 人工评分 in words, and the rule set's name

@pytest.mark.parametrize("formulas", ["addin", "native"])
def test_a_judged_score_in_words_is_said_to_be_no_number_as_the_cell_says(tmp_path, formulas):
    """Before: the 得分 cell showed "⚠ 人工评分“三分”不是数字" while JX408 asked the clerk
    to "请在人工评分列填写 3–4 分" — as if the cell were empty."""
    def change(book, sheet):
        sheet["F21"], sheet["J21"] = "部分达成", "三分"

    path = recalculated(filled(tmp_path, change, formulas))
    [message] = [item for item in findings(path) if item.startswith("JX408")]
    assert message == ("JX408 warning J21 “救助资金发放及时性”为“部分达成”，人工评分“三分”不是数字，"
                       "请改填 3–4 分之间（财政部规则）")


def test_findings_name_the_rule_set_in_words_a_clerk_knows(tmp_path):
    """Before: "按 mof2020 规则应为 5" — the command line's name for the rules."""
    def change(book, sheet):
        sheet["H16"] = 5  # typed over the score formula: the rules give 10

    messages = findings(recalculated(filled(tmp_path, change)))
    assert any("按财政部规则应为 10" in item for item in messages), messages
    assert not any("mof2020" in item for item in messages), messages


@pytest.mark.parametrize("formulas", ["addin", "native"])
def test_a_missing_target_or_actual_is_named_in_the_score_cell(tmp_path, formulas):
    """Before: the native template's 得分 said "⚠ 此写法须用 jixiao check 计分" for a blank
    年度指标值 — as if the writing were unusual; the add-in's said what is missing."""
    def change(book, sheet):
        sheet["E17"], sheet["F18"] = None, None

    path = recalculated(filled(tmp_path, change, formulas))
    assert shown(path, "H17", "H18") == ["⚠ 年度指标值为空", "⚠ 实际完成值为空"]


def test_recalc_of_a_native_form_with_an_inserted_row_names_the_row(tmp_path, capsys):
    """rt12 #15. Before: "另有 18 个其他公式（如 自评表!AA43）：请在电子表格软件中重算" —
    a hidden helper cell, and no word of the row the clerk inserted."""
    from jixiao.cli.main import main

    def insert_row_16(book, sheet):
        sheet.move_range("A16:AD44", rows=1, translate=True)  # what inserting a row does
        sheet["D16"], sheet["E16"], sheet["F16"], sheet["G16"] = "新增指标", "≥5人", "6人", 5

    path = filled(tmp_path, insert_row_16, "native")
    assert main(["recalc", str(path), "-o", str(tmp_path / "out.xlsx")]) == 1
    message = capsys.readouterr().err
    assert "但第 16 行（如 自评表!H16）缺少模板的公式：插入行后没有复制整行" in message, message
    assert "从上一行复制整行（含隐藏的 M–AD 列的公式）" in message
    assert not (tmp_path / "out.xlsx").exists()


def test_recalc_of_a_native_form_with_formulas_on_a_sheet_of_the_clerks_own(tmp_path, capsys):
    """A native form with a 附件 sheet the clerk added, computing its own (=SUM(B1:B2)):
    jixiao computes only the form's formulas — said, exit 2, nothing written (rt18-b 2:
    before, “全部公式计算成功”, exit 0, the 附件's formulas left without results and the
    file told not to recalculate on opening)."""
    from jixiao.cli.main import main

    def add_sheet(book, sheet):
        extra = book.create_sheet("附件")
        extra["B1"], extra["B2"], extra["B3"] = 1, 2, "=SUM(B1:B2)"

    path = filled(tmp_path, add_sheet, "native")
    assert main(["recalc", str(path), "-o", str(tmp_path / "out.xlsx")]) == 1
    message = capsys.readouterr().err
    assert "另有 1 个公式在其他工作表上（如 附件!B3）" in message, message
    assert not (tmp_path / "out.xlsx").exists()


def test_recalc_of_a_native_form_with_a_deleted_row_says_a_row_was_deleted(tmp_path, capsys):
    """rt21c #5. Before: "第 42 行起的公式位置与模板不同…给新插入的行从上一行复制整行" for a
    form where the clerk had deleted row 22 and inserted nothing."""
    from jixiao.cli.main import main

    def delete_row_22(book, sheet):
        sheet.move_range("A23:AD44", rows=-1, translate=True)  # what deleting a row does

    path = filled(tmp_path, delete_row_22, "native")
    assert main(["recalc", str(path), "-o", str(tmp_path / "out.xlsx")]) == 1
    message = capsys.readouterr().err
    assert "但比模板少了 1 行（删除过行；模板最后的公式在第 44 行，本表在第 43 行）" in message, message
    assert "插入" not in message and "不必删除" in message
    assert not (tmp_path / "out.xlsx").exists()
