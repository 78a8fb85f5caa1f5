"""A clerk's slips in jixiao's own template (user test rt12): the template, ``jixiao
recalc`` and ``jixiao check`` say the same thing about them, at the cell to change,
and never send the clerk round in a loop.

The filled form is the real 濉溪县 临时救助 2019 table (30/30 万元, ten indicators,
98.84 优 when sound), typed into ``jixiao new``'s template as a clerk does.
"""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest
from libreoffice import sheets_as_shown
from openpyxl.worksheet.cell_range import CellRange

from jixiao import native, rules
from jixiao.cli.main import main
from jixiao.layout import SHEET
from jixiao.pipeline import check_workbook
from jixiao.recalc.workbook import recalc_file
from jixiao.template.build import build_template

ROWS = {13: ("农村低保发放人数(按月平均)", "≥21933人", "21980人", 5, None),
        14: ("建档立卡贫困人口中接受临时救助的人次数", "≥59人次", "87人次", 5, None),
        15: ("特困人员救助供养人数(按月平均)", "≥4754人", "4604人", 5,
             "特困人员实行动态管理，部分人员死亡或转入低保，下年度加强核查"),
        16: ("扶贫临时救助人数(按月平均)", "≥7人", "7人", 10, None),
        17: ("农村低保标准", "≥530", "583", 5, None),
        18: ("农村特困人员救助供养基本生活标准", "≥570", "758", 5, None),
        19: ("扶贫临时救助标准", "≤5300元/户", "5830元/户", 10,
             "个别家庭因病致贫，救助金额超标准，下年度严格按标准审批"),
        21: ("救助资金发放及时性", "及时", "达成", 5, None),
        30: ("受益建档立卡贫困人口数", "≥80人", "87人", 30, None),
        40: ("受助对象满意度", "≥90%", "95%", 10, None)}


def filled(folder: Path, change=None, formulas: str = "addin") -> Path:
    """The template filled by a clerk (openpyxl, inputs only), ``change``d, not recalculated."""
    blank = folder / "blank.xlsx"
    build_template(blank, year=2024, formulas=formulas)
    book = openpyxl.load_workbook(blank)
    sheet = book[SHEET]
    sheet["D3"], sheet["D4"], sheet["G4"] = "临时救助", "濉溪县民政局", "濉溪县民政局"
    for row in (6, 7):
        sheet[f"D{row}"] = sheet[f"E{row}"] = sheet[f"F{row}"] = 30
    sheet["D11"], sheet["G11"] = "为建档立卡扶贫户解决临时性的困难", "救助 87 人次，完成目标任务。"
    for row, (name, target, actual, weight, reason) in ROWS.items():
        sheet[f"D{row}"], sheet[f"E{row}"], sheet[f"F{row}"], sheet[f"G{row}"] = \
            name, target, actual, weight
        if reason:
            sheet[f"I{row}"] = reason
    if change is not None:
        change(book, sheet)
    path = folder / "filled.xlsx"
    book.save(path)
    return path


def recalculated(path: Path) -> Path:
    return recalc_file(path, path.with_name(path.stem + ".recalc.xlsx"))[0]


def findings(path: Path) -> list[str]:
    result = check_workbook(path)
    assert result.error is None, result.error
    return [f"{item.code} {item.severity} {item.cell} {item.message}" for item in result.findings]


def shown(path: Path, *refs: str) -> list[object]:
    sheet = openpyxl.load_workbook(path, data_only=True)[SHEET]
    return [sheet[ref].value for ref in refs]


def test_the_sound_fill_is_9884_and_has_no_finding(tmp_path):
    path = recalculated(filled(tmp_path))
    assert shown(path, "H43", "H44") == [98.84, "优"]
    assert findings(path) == []


# ---------------------------------------------------------------- 1: an empty A or B

def _no_budget(book, sheet):
    sheet["E6"] = sheet["E7"] = None  # only the 年初预算数 filled: a common slip


def _no_executed(book, sheet):
    sheet["F6"] = None


@pytest.mark.parametrize("formulas", ["addin", "native"])
@pytest.mark.parametrize(("change", "cell", "message"), [
    (_no_budget, "E6", "全年预算数(A)未填写（年初预算数已填 30），执行率得分、总分无法计算"),
    (_no_executed, "F6", "全年执行数(B)未填写，执行率得分、总分无法计算")])
def test_an_empty_budget_or_executed_leaves_total_and_grade_uncomputed(
        tmp_path, formulas, change, cell, message):
    """Before: I6 blank, the 总分 88.84 and 良 without the 执行率's 10 points, and check only
    a hint (JX307), exit 0."""
    path = recalculated(filled(tmp_path, change, formulas))
    total, grade, score = shown(path, "H43", "H44", "I6")
    assert total == native.WARN_TOTAL and not str(grade or "").strip()  # "" is stored as a space
    assert str(score).startswith("⚠ 全年")
    assert findings(path) == [f"JX309 error {cell} {message}"]
    assert main(["check", str(path)]) == 1


@pytest.mark.parametrize("formulas", ["addin", "native"])
def test_a_money_block_left_blank_is_an_error_not_a_hint(tmp_path, formulas):
    """A blank money block under scored indicators: the 总分 shows ⚠ and no grade, as for
    one empty amount, and check says so at E6. Before: the 总分 88.84 and 良, 10 points
    short, and only check said so. A fresh form, nothing scored, still shows nothing."""
    def change(book, sheet):
        for row in (6, 7):
            for column in "DEF":
                sheet[f"{column}{row}"] = None

    path = recalculated(filled(tmp_path, change, formulas))
    total, grade, score = shown(path, "H43", "H44", "I6")
    assert total == native.WARN_MONEY_BLANK == "⚠ " + rules.MONEY_BLANK
    assert not str(grade or "").strip() and not str(score or "").strip()
    assert findings(path) == [f"JX309 error E6 {rules.MONEY_BLANK}（执行率分值 10）"]
    assert main(["check", str(path)]) == 1


@pytest.mark.parametrize("formulas", ["addin", "native"])
def test_a_fresh_form_shows_no_warning_in_its_total(tmp_path, formulas):
    path = tmp_path / "new.xlsx"
    build_template(path, year=2024, formulas=formulas)
    path = recalculated(path)
    assert [str(value or "").strip() for value in shown(path, "H43", "H44", "I6")] == ["", "", ""]
    assert [item.split()[0] for item in findings(path)] == ["JX001"]  # 空表: nothing else


def test_the_rate_shows_what_is_missing_not_none(tmp_path):
    """Before: "⚠ 全年预算数“None”不是数字" in H6 (and “” for a blank text)."""
    path = recalculated(filled(tmp_path, lambda book, sheet: sheet.__setitem__("E6", " ")))
    assert shown(path, "H6") == ["⚠ 全年预算数(A)未填写"]
    text = "".join(str(value) for value in shown(path, "H6", "I6", "H7", "H43"))
    assert "None" not in text and "“”" not in text


# ---------------------------------------------------------------- 3: money typed as text

def _money_text(book, sheet):
    sheet["E6"], sheet["F6"] = "30万元", "29.5万元"


@pytest.mark.parametrize("formulas", ["addin", "native"])
def test_money_typed_as_text_is_refused_alike_by_template_and_check(tmp_path, formulas):
    """Before: the template showed ⚠ and stored 88.84 良, check computed 98.67 优 from the
    same cells and said JX406 "执行率未填写得分" at the formula cell I6."""
    path = recalculated(filled(tmp_path, _money_text, formulas))
    assert shown(path, "H6", "H43") == [
        "⚠ 全年预算数(A)“30万元”是文字，不是数值：请只填数字（单位已是万元；单元格为文本格式的，改为常规格式后重新输入）", native.WARN_TOTAL]
    assert findings(path) == [
        "JX309 error E6 全年预算数(A)“30万元”是文字，不是数值：请只填数字（单位已是万元；单元格为文本格式的，改为常规格式后重新输入）",
        "JX309 error F6 全年执行数(B)“29.5万元”是文字，不是数值：请只填数字（单位已是万元；单元格为文本格式的，改为常规格式后重新输入）"]
    result = check_workbook(path)
    assert result.tables[0].evaluation.total is None  # as the workbook shows: no total


def _money_pasted_as_text(book, sheet):
    for row in (6, 7):  # the 一体化 system's export pasted: texts of plain numbers
        sheet[f"E{row}"], sheet[f"F{row}"] = "30.00", " 30 "


@pytest.mark.parametrize("formulas", ["addin", "native"])
def test_plain_numbers_pasted_as_text_count_alike_in_template_and_check(tmp_path, formulas):
    """Before (rt23): "30.00" pasted as text showed ⚠ in H6, I6 and the 总分, and check
    said JX309 (error) at each amount — the template's 分值 "10" as text counted, its
    money did not. A text that is plainly a number is that number (rules.text_number)."""
    path = recalculated(filled(tmp_path, _money_pasted_as_text, formulas))
    assert shown(path, "H6", "I6", "H43", "H44") == [1, 10, 98.84, "优"]
    assert findings(path) == []
    assert main(["check", str(path)]) == 0


def _money_typed(budget, executed):
    def change(book, sheet):
        for row in (6, 7):  # 年初预算数 left blank: the text amounts are the only money
            sheet[f"D{row}"], sheet[f"E{row}"], sheet[f"F{row}"] = None, budget, executed
    return change


@pytest.mark.parametrize("formulas", ["addin", "native"])
@pytest.mark.parametrize(("budget", "executed", "rate", "score", "total"), [
    ("1,234.56", "1,200.00", 1200 / 1234.56, 9.72, 98.56),  # from a finance system
    ("１００．００", "９５", 0.95, 9.5, 98.34)])                # typed with a full-width IME
def test_grouped_and_full_width_amounts_pasted_as_text_count_as_numbers(
        tmp_path, formulas, budget, executed, rate, score, total):
    """Before (rt24): ⚠ in H6, I6 and the 总分, and check said JX309 (error) at E6 and F6 —
    Excel's own arithmetic reads these texts as numbers, and plain tables did already."""
    path = recalculated(filled(tmp_path, _money_typed(budget, executed), formulas))
    assert shown(path, "H6", "I6", "H43", "H44") == [pytest.approx(rate), score, total, "优"]
    assert findings(path) == []
    assert main(["check", str(path)]) == 0


@pytest.mark.parametrize("formulas", ["addin", "native"])
@pytest.mark.parametrize(("budget", "executed"), [
    ("30\u00a0", "\u00a030"),   # a no-break space, from a web finance system
    ("\u300030", "30\u3000"),   # a 全角空格, from an IME
    ("30\u200b", "\ufeff30")])  # a zero-width space, a byte-order mark
def test_amounts_pasted_with_a_space_that_trim_keeps_count_as_numbers(
        tmp_path, formulas, budget, executed):
    """Before (rt24): recalc showed ⚠ “30 ”是文字 in H6, I6 and the 总分 (exit 1) while check
    read 30 silently, computed 98.84 and said JX504 at “—” that the ⚠ should be 98.84 — and
    recalc again gave the ⚠: a loop; a zero-width space gave JX309 quoting “30​”. TRIM keeps
    U+00A0 and U+3000: the formulas read them as spaces (rules.number_text)."""
    path = recalculated(filled(tmp_path, _money_typed(budget, executed), formulas))
    assert shown(path, "H6", "I6", "H43", "H44") == [1, 10, 98.84, "优"]
    assert findings(path) == []
    assert main(["check", str(path)]) == 0


@pytest.mark.parametrize("formulas", ["addin", "native"])
def test_an_amount_with_a_character_that_shows_nothing_is_quoted_visibly(tmp_path, formulas):
    """A soft hyphen (not read by the native formulas: ⚠ everywhere alike) is named where it
    stands in JX309's quote — before, “30­” looked like a valid 30."""
    path = recalculated(filled(tmp_path, _money_typed("30\u00ad", 30), formulas))
    message = rules.AMOUNT_NOT_NUMBER.format(what=rules.BUDGET_NAME, value="30\u00ad")
    assert shown(path, "H6", "H43") == [f"⚠ {message}", native.WARN_TOTAL]
    assert [item for item in findings(path) if item.startswith("JX309 error E6")] == [
        "JX309 error E6 " + message.replace("30\u00ad", "30[不可见字符]")]
    assert not [item for item in findings(path) if item.startswith("JX504")]


@pytest.mark.parametrize("formulas", ["addin", "native"])
@pytest.mark.parametrize("budget", ["100万元", "1,2,3"])
def test_an_amount_with_a_unit_or_commas_not_grouping_thousands_is_still_refused(
        tmp_path, formulas, budget):
    path = recalculated(filled(tmp_path, _money_typed(budget, "95"), formulas))
    message = rules.AMOUNT_NOT_NUMBER.format(what=rules.BUDGET_NAME, value=budget)
    assert shown(path, "H6", "H43") == [f"⚠ {message}", native.WARN_TOTAL]
    assert [item for item in findings(path) if " error " in item] == [
        f"JX309 error E6 {message}", f"JX309 error E7 “当年财政拨款”{message}"]


def test_money_in_numbers_that_are_wrong_is_still_flagged(tmp_path):
    """The new shape does not let a real mistake pass: 财政拨款 30 under a total of 29.5."""
    path = recalculated(filled(tmp_path, lambda book, sheet: sheet.__setitem__("F6", 29.5)))
    assert shown(path, "H43", "H44") == [98.67, "优"]
    assert [item for item in findings(path) if item.startswith("JX304")] == [
        "JX304 error F6 全年执行数：各明细合计 30（当年财政拨款 30），年度资金总额为 29.5"]


@pytest.mark.parametrize(("cases", "numbers"), [
    ({6: (30, None), 7: ("30万元", 29.5), 8: (" ", 3), 9: (0, 0)}, [False, False, False, True]),
    # texts that are plainly numbers (read: rules.text_number), and near misses (refused)
    ({6: (" 30.50 ", "30"), 7: ("1,250.00", 30), 8: (3, "30."), 9: ("3 0", ".5")},
     [True, True, False, False]),
    # thousands grouped and full-width digits read (ASC), commas not grouping them refused
    ({6: ("１，２３４．５０", "1,200"), 7: ("1,2,3", 30), 8: ("12,34", 3), 9: ("１００万元", "９５")},
     [True, False, False, False]),
    # pasted from the web: no-break and full-width spaces, zero-width marks read; a soft
    # hyphen (rules.NUMBER_INVISIBLE leaves it: the formula's length) and a space inside not
    ({6: ("30\u00a0", "\u300030"), 7: ("30\u200b", "\u206030\ufeff"), 8: ("3\u00ad", 3),
      9: ("3\u00a00", 3)}, [True, True, False, False])])
def test_libreoffice_shows_the_money_cells_as_jixiao_stored_them(tmp_path, cases, numbers):
    """The native money formulas and their Python twin agree on blank, text and 0 amounts."""

    def change(book, sheet):
        for row, (budget, executed) in cases.items():
            sheet[f"E{row}"], sheet[f"F{row}"] = budget, executed

    path = recalculated(filled(tmp_path, change, "native"))
    stored = shown(path, *(f"H{row}" for row in cases), "I6", "H43")
    computed = sheets_as_shown(path, tmp_path, recalculate=True)[SHEET]
    assert [isinstance(rate, (int, float)) for rate in stored[:4]] == numbers
    rates = [computed[row - 1][7].strip() for row in cases]
    assert [float(rate.rstrip("%")) / 100 if rate.endswith("%") else rate for rate in rates] \
        == [pytest.approx(value) if isinstance(value, (int, float)) else value
            for value in stored[:4]]
    assert computed[5][8].strip() == str(stored[4]) and computed[42][7].strip() == str(stored[5])


def test_a_native_actual_pasted_with_a_no_break_space_is_scored_by_the_formulas(tmp_path):
    """Before (rt24): 完成值 “95%” + U+00A0 showed ⚠ 此写法须用 jixiao check 计分 in LibreOffice
    (TRIM keeps it) while check read 95%: JX406 and a JX504 at “—”. The formulas drop it
    as the reader does (native.REPLACEMENTS); a no-break space inside a 指标值 too."""
    def change(book, sheet):
        sheet["F40"], sheet["E18"] = "95%\u00a0", "≥\u00a0570"

    path = recalculated(filled(tmp_path, change, "native"))
    assert shown(path, "H18", "H40", "H43") == [5, 10, 98.84]
    computed = sheets_as_shown(path, tmp_path, recalculate=True)[SHEET]
    assert [computed[row - 1][7].strip() for row in (18, 40, 43)] == ["5", "10", "98.84"]
    assert findings(path) == []


# ---------------------------------------------------------------- 5: recalc's exit code

@pytest.mark.parametrize("formulas", ["addin", "native"])
def test_recalc_exits_1_when_the_file_it_wrote_shows_warnings(tmp_path, capsys, formulas):
    """Before: exit 0 with ⚠ in the 总分 — a script could not tell the result is incomplete."""
    path = filled(tmp_path, _no_executed, formulas)
    assert main(["recalc", str(path)]) == 1
    out = capsys.readouterr().out
    assert "自评表!F6" not in out and "⚠ 全年执行数(B)未填写" in out
    assert "结果不完整（退出码 1）" in out and "总分和评分等级未能算出" in out
    assert main(["recalc", str(filled(tmp_path, None, formulas)), "-o",
                 str(tmp_path / "sound.xlsx")]) == 0


# ---------------------------------------------------------------- 6: one missing 人工评分

def test_one_missing_manual_score_is_one_finding_and_the_total_line(tmp_path):
    """Before: JX408 and JX410 twice at the same J21, the band said twice."""
    path = recalculated(filled(tmp_path, lambda book, sheet: sheet.__setitem__("F21", "部分达成")))
    assert findings(path) == [
        "JX408 warning J21 “救助资金发放及时性”为“部分达成”，请在人工评分列填写 3–4 分之间"
        "（财政部规则）",
        "JX410 warning J21 总分待人工评分后确定：1 项得分待定（“救助资金发放及时性”），"
        "按财政部规则总分在 96.84–97.84 之间"]


def test_a_manual_score_outside_its_band_is_still_flagged(tmp_path):
    def change(book, sheet):
        sheet["F21"], sheet["J21"], sheet["I21"] = "部分达成", 4.5, "部分乡镇发放延迟"

    path = recalculated(filled(tmp_path, change))
    assert findings(path) == [
        "JX408 warning J21 “救助资金发放及时性”为“部分达成”，人工评分填写为 4.5，不在 3–4 分之间"
        "（财政部规则）"]


# ---------------------------------------------------------------- 2, 4: formulas missing

_REF = re.compile(r"(\$?)([A-Z]{1,3})(\$?)(\d+)")


def _shifted(text: str, at: int) -> str:
    """References at or below row ``at`` one row down (outside quoted strings)."""
    def move(match: re.Match[str]) -> str:
        row = int(match.group(4))
        return f"{match.group(1)}{match.group(2)}{match.group(3)}{row + (row >= at)}"

    parts = text.split('"')
    parts[::2] = [_REF.sub(move, part) for part in parts[::2]]
    return '"'.join(parts)


def copy_formulas(sheet, source: int, target: int, saved=lambda text: text) -> None:
    """Copy row ``source``'s formulas into row ``target``, each moved as Excel's fill moves
    it (``saved``: how Excel then stores the text)."""
    from openpyxl.formula.translate import Translator

    for cell in sheet[source]:
        if isinstance(cell.value, str) and cell.value.startswith("="):
            sheet.cell(target, cell.column, saved(Translator(cell.value, origin=cell.coordinate)
                                                  .translate_formula(f"{cell.column_letter}{target}")))


def insert_row(book, sheet, at: int) -> None:
    """Insert a blank row as Excel does: formulas, merges and names below it move down,
    ranges across it grow; no formula is copied into the new row."""
    merges = [CellRange(str(merged)) for merged in sheet.merged_cells.ranges]
    for merged in merges:
        sheet.unmerge_cells(merged.coord)
    sheet.insert_rows(at)
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.value = _shifted(cell.value, at)
    for merged in merges:
        if merged.min_row >= at:
            merged.shift(0, 1)
        elif merged.max_row >= at:
            merged.expand(down=1)
        sheet.merge_cells(merged.coord)
    for name in book.defined_names.values():
        name.attr_text = _shifted(name.attr_text, at)


def _inserted(book, sheet, formulas: bool = False, actual: str = "9453人") -> None:
    """A 数量指标 row inserted at 16, typed in; the 及时性 row (now 22) emptied to keep 100."""
    insert_row(book, sheet, 16)
    sheet["D16"], sheet["E16"], sheet["F16"], sheet["G16"] = \
        "其中：农村低保对象中建档立卡贫困人口数量", "≥9431人", actual, 5
    for column in "DEFGI":
        sheet[f"{column}22"] = None
    if formulas:  # copied from the row above, as the finding asks
        for column in "HK":
            sheet[f"{column}16"] = sheet[f"{column}15"].value.replace("15", "16")


def test_a_row_inserted_without_its_formula_is_one_error_at_that_row_and_no_loop(tmp_path):
    """Before: JX406 "未填写得分" at the locked H16 and JX504 "stale, run recalc" on the
    总分; recalc gave the same 93.84 again, and check the same findings."""
    path = recalculated(filled(tmp_path, _inserted))
    message = ("JX503 error H16 第16行“其中：农村低保对象中建档立卡贫困人口数量”的得分没有公式"
               "（新插入的行，或公式被删除），不计入总分（按财政部规则应为 5）："
               "请从上一行复制 H 列（得分）和 K 列（是否达成）的公式")
    assert findings(path) == [message]
    again, _ = recalc_file(path, in_place=True)
    assert findings(again) == [message]  # recalc cannot fix it, and check does not say it can


def test_recalc_says_which_row_has_no_score_formula_and_exits_1(tmp_path, capsys):
    """Before: "全部公式计算成功", exit 0, and a 总分 without the row."""
    path = filled(tmp_path, _inserted)
    assert main(["recalc", str(path)]) == 1
    out = capsys.readouterr().out
    assert "第16行填了分值，得分单元格 自评表!H16 却没有公式" in out
    assert "请从上一行复制 H 列（得分）和 K 列（是否达成）的公式后再重算" in out
    assert "全部公式计算成功" not in out
    copied = filled(tmp_path, lambda book, sheet: _inserted(book, sheet, True))
    assert main(["recalc", str(copied), "-o", str(tmp_path / "copied.xlsx")]) == 0


def test_the_inserted_row_with_its_formulas_copied_is_clean_and_counted(tmp_path):
    path = recalculated(filled(tmp_path, lambda book, sheet: _inserted(book, sheet, True)))
    assert shown(path, "H16", "H44", "H45") == [5, 98.84, "优"]
    assert findings(path) == []


def test_a_shortfall_in_the_inserted_row_is_still_flagged(tmp_path):
    path = recalculated(filled(tmp_path, lambda book, sheet: _inserted(book, sheet, True,
                                                                        "9000人")))
    assert [item.split(" ", 3)[:3] for item in findings(path)] == [["JX405", "error", "I16"]]


def test_a_deleted_total_formula_says_so_without_none(tmp_path):
    """Before: JX501 "总分未填写" and JX504 "评分等级公式保存的结果为“None”"."""
    path = recalculated(filled(tmp_path, lambda book, sheet: sheet.__setitem__("H43", None)))
    assert findings(path) == [
        "JX503 error H43 总分公式被删除，单元格为空（按财政部规则应为 98.84）："
        "请从 jixiao new 新建的模板中复制同一位置的公式恢复"]


@pytest.mark.parametrize("formulas", ["addin", "native"])
def test_a_row_the_rules_cannot_score_says_the_total_waits_for_it(tmp_path, formulas):
    """A 完成值 in hours against a target in 人: the row's score and the 总分 show ⚠ (recalc
    says the results are incomplete), and check said only JX204, as if the table were
    scored (rt14-b A5). Now the total line says which row the 总分 waits for, at the 完成值
    cell the clerk fixes; a score written on a submitted form stays without that line."""
    path = recalculated(filled(tmp_path, lambda book, sheet: sheet.__setitem__("F16", "4小时"),
                               formulas))
    found = findings(path)
    assert [item.split()[0] for item in found] == ["JX204", "JX410"], found
    assert found[1] == ("JX410 warning F16 总分无法算出：1 项得分待定"
                        "（“扶贫临时救助人数(按月平均)”）；其余各项得分合计 88.84")


# ---------------------------------------------------------------- rt23: typed over formulas

def _rate_typed(value):
    def change(book, sheet):
        sheet.protection.sheet = False
        sheet["H6"] = value  # the 执行率 typed as text over JX_RATE
    return change


def test_a_rate_typed_as_text_scores_as_the_same_rate_typed_as_a_number(tmp_path):
    """Before: "100%" typed as text over H6 left I6 "⚠ 执行率“100%”不是数字" and the 总分 ⚠,
    while check computed 10 and 98.84 and said JX504 three times without a cell — right
    after a recalc, which changed nothing. The template now reads the text as the rate it
    plainly is (rules.text_rate), so only the overwritten formula is left to say."""
    path = recalculated(filled(tmp_path, _rate_typed("100%")))
    assert shown(path, "I6", "H43", "H44") == [10, 98.84, "优"]
    assert findings(path) == [
        "JX503 warning H6 “年度资金总额”的执行率是手工填写的“100%”，覆盖了原有公式；"
        "请撤销这次修改（Ctrl+Z），或从 jixiao new 新建的模板中复制同一位置的公式恢复"]


def test_a_misfiled_cost_points_at_its_own_name_not_the_locked_heading(tmp_path):
    """Before: JX205 at 自评表!C24, the merged, locked 成本指标 heading."""
    def change(book, sheet):
        sheet["D25"], sheet["E25"], sheet["F25"], sheet["G25"] = "政策知晓率", "≥90%", "95%", 5
        sheet["G30"] = 25

    path = recalculated(filled(tmp_path, change))
    assert [item for item in findings(path) if item.startswith("JX205")] == [
        "JX205 warning D25 “政策知晓率”是知晓率，不是成本，却列在成本指标下"
        "（应归入效益指标）；“≥”的方向本身没有错"]
    assert not openpyxl.load_workbook(path)[SHEET]["D25"].protection.locked
