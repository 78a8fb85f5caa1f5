"""rt24: a 响应时间 完成值 typed as a clock time, 3:00 (Excel stores 0.125, format h:mm),
against ≤2小时 is 3 hours — 5 of 10 points (反向: 10 × (1 − (3 − 2) ÷ 2)), not 0.125 小时
and the full 10. One reading (``parsing.clock_duration``) for check, the JX_ functions
(Excel passes the cell as 1899-12-30 03:00), the core engine; the native formulas, which
cannot read it, show ⚠ and check explains it (JX406)."""

from __future__ import annotations

import datetime
import json
import subprocess
import sys

import openpyxl
import pytest

from jixiao import cellfuncs, native
from jixiao.parsing import clock_duration, clock_seconds
from jixiao.recalc.cellformats import as_time, with_times
from tests.workbooks import PUTUO_1_ROWS, standard


def test_a_time_of_day_is_a_length_of_time():
    assert clock_duration(datetime.time(3, 0)) == "3小时"
    assert clock_duration(datetime.time(0, 45)) == "45分钟"
    assert clock_duration(datetime.time(1, 30)) == "1小时30分钟"
    assert clock_duration(datetime.timedelta(hours=27, minutes=30)) == "27小时30分钟"
    assert clock_duration(datetime.datetime(1899, 12, 30, 3, 0)) == "3小时"  # xlwings
    assert clock_duration(datetime.datetime(2024, 6, 30)) is None  # a date keeps its day
    assert clock_duration(0.125) is None
    assert as_time(0.125, "h:mm") == datetime.time(3, 0)
    assert as_time(0.125, "General") == 0.125
    assert as_time(45473.0, "yyyy-mm-dd") == datetime.datetime(2024, 6, 30)  # a date: a date


def test_the_functions_score_a_clock_time_as_hours():
    excel_passes = datetime.datetime(1899, 12, 30, 3, 0)
    assert cellfuncs.score("≤2小时", excel_passes, 10.0) == 5
    assert cellfuncs.met("≤2小时", excel_passes) == "否"
    assert cellfuncs.score("≤2小时", datetime.time(1, 30), 10.0) == 10
    assert cellfuncs.score("≤2小时", 0.125, 10.0) == 10  # a bare number: as typed, unchanged


def test_native_formulas_leave_a_clock_time_to_jixiao():
    shown = native.row_values("≤2小时", datetime.time(3, 0), 10.0)
    assert shown["score"] == native.WARN_INPUT
    assert native.row_values("≤2小时", "3小时", 10.0)["score"] == 5  # written out: scored
    assert native.row_values("≤2", 1.5, 10.0)["score"] == 10  # a plain number: still scored
    assert any('CELL("format",F21)="D9"' in text  # Excel's code for h:mm
               for text in native.row_formulas(21, "C21").values())


def _jixiao(*args, cwd):
    return subprocess.run([sys.executable, "-m", "jixiao", *args], cwd=cwd,
                          capture_output=True, text=True, check=False)


def _template(tmp_path, native_formulas: bool, engine: str = "auto"):  # noqa: FBT001
    path = tmp_path / "t.xlsx"
    done = _jixiao("new", str(path), "--year", "2024", "--force",
                   *(["--formulas", "native"] if native_formulas else []), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    wb = openpyxl.load_workbook(path)
    ws = wb["自评表"]
    ws["D3"], ws["D4"], ws["G4"] = "安全生产专项", "某县应急局", "某县应急管理中心"
    for cell in ("D6", "E6", "F6", "E7", "F7"):
        ws[cell] = 100
    rows = [(13, "隐患排查次数", "≥12次", "12次", 40), (21, "事故响应时间", "≤2小时", datetime.time(3, 0), 10),
            (30, "群众安全感", "提升", "达成", 30), (40, "企业满意度", "≥90%", "93%", 10)]
    for row, name, target, actual, weight in rows:
        ws[f"D{row}"], ws[f"E{row}"], ws[f"F{row}"], ws[f"G{row}"] = name, target, actual, weight
    ws["F21"].number_format = "h:mm"
    ws["I21"] = "个别事故夜间响应慢"
    wb.save(path)
    out = tmp_path / "r.xlsx"
    done = _jixiao("recalc", str(path), "-o", str(out), "--engine", engine, cwd=tmp_path)
    assert done.returncode == (1 if native_formulas else 0), done.stdout  # 1: a ⚠ shown
    return out


def test_addin_template_scores_3_00_as_three_hours(tmp_path):
    out = _template(tmp_path, native_formulas=False)
    ws = openpyxl.load_workbook(out, data_only=True)["自评表"]
    assert (ws["H21"].value, ws["K21"].value, ws["H43"].value) == (5, "否", 95)
    checked = _jixiao("check", str(out), cwd=tmp_path)
    assert "未发现问题" in checked.stdout, checked.stdout
    assert "JX504" not in checked.stdout and "JX203" not in checked.stdout


def test_the_formulas_engine_scores_3_00_as_the_core_engine_does(tmp_path):
    out = _template(tmp_path, native_formulas=False, engine="formulas")
    ws = openpyxl.load_workbook(out, data_only=True)["自评表"]
    assert (ws["H21"].value, ws["K21"].value, ws["H43"].value) == (5, "否", 95)
    formulas = openpyxl.load_workbook(out)["自评表"]
    assert formulas["H21"].value == "=JX_SCORE(E21,F21,JX_POINTS(G21),JX_Rules,J21,$C$13:$C21)"


def test_a_time_cell_is_read_through_as_time_for_the_formulas_engine():
    ws = openpyxl.Workbook().active
    ws["F21"], ws["F22"], ws["E21"] = datetime.time(3, 0), 1.5, "≤2小时"
    ws["F21"].number_format = 'h"时"mm'
    text = '=JX_SCORE(E21,F21,JX_POINTS(G21))&"JX_MET(E21,F21)"&_xludf.JX_MET(E21,Sheet!F21)'
    assert with_times(text, ws["H21"]) == (
        '=JX_SCORE(E21,_XLJX.AS_TIME(F21,"h""时""mm"),JX_POINTS(G21))&"JX_MET(E21,F21)"'
        '&_xludf.JX_MET(E21,_XLJX.AS_TIME(Sheet!F21,"h""时""mm"))')
    assert with_times("=JX_SCORES(E21:E22,F21:F22,G21:G22)", ws["H21"]) == (
        '=JX_SCORES(E21:E22,_XLJX.AS_TIME(F21:F22,{"h""时""mm";"General"}),G21:G22)')
    plain = "=JX_SCORE(E22,F22,G22)+JX_POINTS(F21)"  # no time cell read as 完成值: unchanged
    assert with_times(plain, ws["H22"]) == plain


def test_native_template_shows_a_warning_and_check_says_why(tmp_path):
    out = _template(tmp_path, native_formulas=True)
    ws = openpyxl.load_workbook(out, data_only=True)["自评表"]
    assert ws["H21"].value == native.WARN_INPUT
    checked = _jixiao("check", str(out), cwd=tmp_path)
    assert ("JX406  自评表!F21  “事故响应时间”的完成值是时间格式（如 3:00），表格公式不能把它读作时长："
            "请改填“3小时”这样的文字，表格即可自行计分；按财政部规则得分为 5") in checked.stdout
    assert "JX504" not in checked.stdout and "JX402" not in checked.stdout


@pytest.mark.parametrize(("actual", "code"), [(datetime.time(3, 0), "JX402"), ("0.125", None)])
def test_a_plain_table_reads_3_00_as_three_hours(tmp_path, actual, code):
    rows = [*PUTUO_1_ROWS[:-1], ("满意度指标", "时效指标", "事故响应时间", "≤2小时", actual, 10, 10, None)]
    path = standard(tmp_path / "p.xlsx", rows=rows, total=None, grade=None)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    cell = next(c for row in ws.iter_rows() for c in row if c.value == actual)
    cell.number_format = "h:mm"
    wb.save(path)
    checked = _jixiao("check", "--json", str(path), cwd=tmp_path)
    assert checked.returncode in (0, 1), checked.stderr
    findings = [f for f in json.loads(checked.stdout)["findings"] if "事故响应时间" in f["message"]]
    if code is None:  # a text 0.125 in the same cell: no duration read into it
        assert not any("3小时" in f["message"] for f in findings)
    else:
        assert [(f["code"], f["message"].split("，却")[0]) for f in findings] == [
            (code, "“事故响应时间”未达到指标值（指标值 ≤2小时，完成值 3小时）")]
        assert findings[0]["message"].endswith("按财政部规则应为 5（反向指标：分值 × (1 − (实际完成值 − 年度指标值) ÷ 年度指标值)）")


@pytest.mark.parametrize(("stored", "expected"), [
    ({"H21": 10, "K21": "是", "H43": 100, "H44": "优"}, ["JX402 H21"]),  # recalculated by LibreOffice
    ({}, ["JX406 F21"]),  # by Excel or jixiao recalc: ⚠
    ({"H21": 10, "K21": "是"}, ["JX402 H21", "JX504 —"]),  # its 总分 not recalculated: stale
])
def test_native_template_recalculated_by_libreoffice_is_current(tmp_path, stored, expected):
    """LibreOffice's CELL("format") gives "G" for h:mm: an older template's native formulas
    scored 3:00 there from 0.125 (10), Excel's show ⚠ — either is what the formulas give:
    no JX504 for the row (today's show ⚠ in LibreOffice too: the test below)."""
    from jixiao.xlsx.package import Package
    from jixiao.xlsx.writeback import write_cached_values

    out = _template(tmp_path, native_formulas=True)
    if stored:
        write_cached_values(Package(out), out, {"自评表": stored})
    checked = _jixiao("check", "--json", str(out), cwd=tmp_path)
    findings = json.loads(checked.stdout)["findings"]
    assert [f"{f['code']} {f['cell'] or '—'}" for f in findings] == expected, findings


@pytest.mark.parametrize(("value", "seconds", "number"), [
    (datetime.time(3), 10800, 0.125),
    (datetime.time(1, 30, 15, 500), 5415.0005, 5415.0005 / 86400),
    (datetime.timedelta(hours=26, minutes=5), 93900, 93900 / 86400),
    (datetime.datetime(1899, 12, 30, 3), 10800, 0.125),  # xlwings: day 0 at 03:00
    (datetime.timedelta(0), 0, 0.0),
    (datetime.timedelta(seconds=-5), None, datetime.timedelta(seconds=-5)),
    (datetime.datetime(1899, 12, 30), None, datetime.datetime(1899, 12, 30)),
    (datetime.datetime(2024, 1, 1, 3), None, datetime.datetime(2024, 1, 1, 3)),  # a date
    (0.125, None, 0.125), ("3:00", None, "3:00"), (None, None, None)])
def test_a_time_cell_is_parsed_once_for_jixiao_and_for_libreoffice(value, seconds, number):
    """The one reading of a time cell (``parsing.clock_seconds``): the length of time jixiao
    scores (``clock_duration``) and the day's fraction LibreOffice's formulas score
    (``native.clock_number``) come from it; anything else is left as it is."""
    assert clock_seconds(value) == seconds
    assert native.clock_number(value) == number
    assert (clock_duration(value) is None) is (seconds is None)


def test_libreoffice_leaves_a_clock_time_to_jixiao_as_excel_does(tmp_path):
    """rt35 r5: LibreOffice's CELL("format") gives "G" for h:mm and [h]:mm, not Excel's "D9":
    its native formulas scored 12:00 beside ≤2小时 from 0.5 — 0.5 小时, full marks (jixiao:
    12 小时, 0). They now tell its "G" from General by a blank General cell
    (``native.GENERAL_CELL``: "F0" there) and show ⚠ as Excel does — the helpers as
    ``row_values`` gives them; a 0.5 typed in a General cell is still 0.5 小时, scored."""
    from libreoffice import convert, sheets_as_shown, shown

    from jixiao.pipeline import check_workbook
    from jixiao.recalc.workbook import recalc_file
    from jixiao.template.build import build_template

    path = tmp_path / "n.xlsx"
    build_template(path, year=2024, formulas="native")
    wb = openpyxl.load_workbook(path)
    ws = wb["自评表"]
    ws["D3"], ws["D4"], ws["G4"] = "安全生产专项", "某县应急局", "某县应急管理中心"
    for cell in ("D6", "E6", "F6", "E7", "F7"):
        ws[cell] = 100
    rows = [(13, "隐患排查次数", "≥12次", "12次", 20, None), (17, "合格率", "≥90%", 0.95, 10, "General"),
            (21, "事故响应时间", "≤2小时", datetime.time(12, 0), 5, "h:mm"),
            (22, "处置时长", "≤3小时", datetime.timedelta(hours=4, minutes=30), 5, "[h]:mm"),
            (23, "到场时间", "≤2", 1.5, 10, None),
            (30, "群众安全感", "提升", "达成", 30, None), (40, "企业满意度", "≥90%", "93%", 10, None)]
    for row, name, target, actual, weight, fmt in rows:
        ws[f"D{row}"], ws[f"E{row}"], ws[f"F{row}"], ws[f"G{row}"] = name, target, actual, weight
        if fmt:
            ws[f"F{row}"].number_format = fmt
    ws["I21"] = ws["I22"] = "个别事故夜间响应慢"
    wb.save(path)
    stored_path, _ = recalc_file(path, tmp_path / "stored.xlsx")
    stored = openpyxl.load_workbook(stored_path, data_only=True)["自评表"]  # row_values
    computed = sheets_as_shown(stored_path, tmp_path, recalculate=True)["自评表"]
    cells = [f"{column}{row}" for row in (17, 21, 22, 23) for column in "HKR"]
    assert [shown(computed, cell) for cell in cells] == [
        "10", "是", "", native.WARN_INPUT, "未知", "时刻", native.WARN_INPUT, "未知", "时刻",
        "10", "是", ""]  # 1.5 in the template's text-format (@) 完成值: no time
    assert [shown(computed, cell) for cell in cells] \
        == [f"{value:g}" if isinstance(value := stored[cell].value, (int, float))
            else value.strip() for cell in cells]
    saved = convert(stored_path, tmp_path, "xlsx", recalculate=True) / "stored.xlsx"
    findings = check_workbook(saved).findings
    assert [f"{f.code} {f.cell}" for f in findings if f.code in ("JX402", "JX405", "JX406", "JX504")] \
        == ["JX406 F21", "JX406 F22"], [f"{f.code} {f.cell} {f.message}" for f in findings]
