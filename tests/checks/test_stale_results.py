"""rt34 r7 item 1: jixiao's template, recalculated, then an input changed by a program
without the add-in (or Excel with calculation off): 学员就业率's 完成值 80 % → 86 % of
≥85 %, its 得分 still the old 14.12 of 15. That number is the JX_ formula's stale
result, no deduction the unit typed: check said JX403 (已达到指标值…得分 14.12 却低于分值
15) at the cell, and JX504 twice without a cell (the annotated copy marked none, batch's
问题明细 had no link), while the copy — recalculated — held 15 beside a comment quoting
14.12. Now only JX504 speaks (naming no locked cell,
as rt20 decided: the clerk cannot type there; recalculating is the remedy)."""

from __future__ import annotations

import zipfile

import openpyxl
import pytest

from jixiao.pipeline import check_workbook
from jixiao.recalc.workbook import recalc_file
from jixiao.report.annotate import annotate
from jixiao.template.build import build_template

SHEET = "自评表"


def _stale(tmp_path, reason: str | None = "就业市场偏弱", before: str = "0.8", after: str = "0.86"):
    """The template filled (就业率 ≥85 %, 完成值 80 %, 分值 40: 37.65), recalculated, then
    F13 set to 86 % in the sheet's XML, every cached result kept (40 by the rules)."""
    path = tmp_path / "t.xlsx"
    build_template(path, year=2024)
    book = openpyxl.load_workbook(path)
    sheet = book[SHEET]
    sheet["D3"], sheet["D4"], sheet["G4"] = "培训经费", "某区人社局", "某区就业中心"
    for cell in ("D6", "E6", "F6", "D7", "E7", "F7"):
        sheet[cell] = 100
    sheet["D13"], sheet["E13"], sheet["F13"], sheet["G13"] = "学员就业率", "≥85%", float(before), 40
    sheet["F13"].number_format = "0%"
    sheet["I13"] = reason
    sheet["D40"], sheet["E40"], sheet["F40"], sheet["G40"] = "满意度", "≥90%", "95%", 50
    book.save(path)
    current, _ = recalc_file(path, tmp_path / "r.xlsx")
    stale = tmp_path / "s.xlsx"
    with zipfile.ZipFile(current) as source, zipfile.ZipFile(stale, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                cell = f'<c r="F13" s="38" t="n"><v>{before}</v></c>'.encode()
                assert data.count(cell) == 1
                data = data.replace(cell, cell.replace(before.encode(), after.encode()))
            target.writestr(item, data)
    return stale


@pytest.mark.parametrize("reason", ["就业市场偏弱", None])
def test_a_stale_score_is_told_as_not_recalculated_at_its_cell(tmp_path, reason):
    findings = check_workbook(_stale(tmp_path, reason)).findings
    codes = {item.code for item in findings}
    assert not {"JX403", "JX404", "JX405"} & codes  # 37.65 is no deduction the unit made
    assert [(item.sheet, item.cell, item.message) for item in findings
            if item.code == "JX504"] == [
        (None, None, "“学员就业率”的得分公式保存的结果为“37.65”，按财政部规则重新计算应为“40”"),
        (None, None, "总分公式保存的结果为“97.65”，按财政部规则重新计算应为“100”")]


@pytest.mark.parametrize("reason", ["就业市场偏弱", None])
def test_a_stale_full_score_is_no_full_marks_of_the_unit_s(tmp_path, reason):
    """完成值 90 % (40, full marks) changed to 50 % without recalculating: the 40 stored is
    no full marks the unit gave an unmet target (JX402, an error); the rules' 23.53 is
    judged — its deduction still wants a reason (JX405)."""
    findings = check_workbook(_stale(tmp_path, reason, "0.9", "0.5")).findings
    told = [(item.code, item.cell, item.message) for item in findings
            if item.code in ("JX401", "JX402", "JX403", "JX404", "JX405", "JX504")]
    expected = [("JX405", "I13", "“学员就业率”按财政部规则得 23.53 分（满分 40），须说明偏差原因")] \
        if reason is None else []
    assert told == [*expected,
                    ("JX504", None, "“学员就业率”的得分公式保存的结果为“40”，按财政部规则重新计算应为“23.53”"),
                    ("JX504", None, "总分公式保存的结果为“100”，按财政部规则重新计算应为“83.53”"),
                    ("JX504", None, "评分等级公式保存的结果为“优”，按财政部规则重新计算应为“良”")]


def test_the_recalculated_copy_quotes_no_stale_number_but_as_the_submitted_file_s(tmp_path):
    stale = _stale(tmp_path)
    findings = check_workbook(stale).findings
    copy = tmp_path / "x.xlsx"
    annotate(stale, copy, findings)
    sheet = openpyxl.load_workbook(copy)[SHEET]
    assert sheet["H13"].value.startswith("=JX_SCORE(")
    assert openpyxl.load_workbook(copy, data_only=True)[SHEET]["H13"].value == 40
    # JX504 names no cell on jixiao's template (its formula cells are locked, rt20): the
    # copy's 校验结果 sheet tells it; no comment quotes the stale 37.65 as a deduction
    assert sheet["H13"].comment is None or "JX403" not in sheet["H13"].comment.text
    told = [" ".join(str(value) for value in row if value is not None)
            for row in openpyxl.load_workbook(copy)["校验结果"].iter_rows(values_only=True)]
    assert any("JX504" in line and "37.65" in line and "以上指提交的文件" in line for line in told)
    assert not any("JX403" in line for line in told)
