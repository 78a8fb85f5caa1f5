"""rt27: a 时效 row whose 年度指标值 and 实际完成值 are real Excel date cells (2024-03-31 and
2024-03-20, format yyyy/m/d). Excel passes such a cell to a JX_ function as a date
(xlwings: a datetime); the headless engines passed the day serials 45382 and 45371, so
JX_SCORE scored 10 × 45371 ÷ 45382 = 9.99 and JX_MET said 否, where finishing before the
deadline meets it: 10 and 是. ``jixiao check`` read it right and then flagged jixiao's own
output (JX504 stale, a false JX405). Now every engine gives the cell's date."""

from __future__ import annotations

import datetime

import openpyxl
import pytest
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from jixiao import cellfuncs
from jixiao.pipeline import check_workbook
from jixiao.recalc.cellformats import as_time, with_times
from jixiao.recalc.workbook import recalc_file, recalculate
from jixiao.template.build import build_template
from jixiao.xlsx.numformats import MAC_EPOCH
from jixiao.xlsx.package import Package

DEADLINE, EARLY, LATE = (datetime.datetime(2024, 3, 31), datetime.datetime(2024, 3, 20),
                         datetime.datetime(2024, 4, 20))


def test_a_date_cell_is_passed_as_a_date():
    assert as_time(45371.0, "yyyy/m/d") == EARLY
    assert as_time(45371.0, 'yyyy"年"m"月"d"日"') == EARLY
    assert as_time(45371.0, "General") == 45371.0  # a number typed: as it is
    assert as_time(0.125, "h:mm") == datetime.time(3, 0)  # a time: still a length of time
    ws = openpyxl.Workbook().active
    ws["E22"], ws["F22"] = DEADLINE, EARLY
    ws["E22"].number_format = ws["F22"].number_format = "yyyy/m/d"
    assert with_times("=JX_SCORE(E22,F22,G22)", ws["H22"]) == (
        '=JX_SCORE(_XLJX.AS_TIME(E22,"yyyy/m/d"),_XLJX.AS_TIME(F22,"yyyy/m/d"),G22)')


def test_the_functions_score_dates_as_dates_not_serials():
    assert cellfuncs.score(DEADLINE, EARLY, 10.0) == 10  # early meets the deadline
    assert cellfuncs.met(DEADLINE, EARLY) == "是"
    assert cellfuncs.score(45382.0, 45371.0, 10.0) == 9.99  # what the serials gave


def _filled(tmp_path, actual, judged=None, date1904=False):
    """(``date1904``: saved in the 1904 date system, the date cells' serials 1462 lower.)
    The add-in template: 执行率 100 % (10) + 培训人次 40 + 完工时间 late, judged 7
    + 开工时间 (the date row, 10) + 受益人数 20 + 满意度 10."""
    path = tmp_path / "t.xlsx"
    build_template(path, year=2024)
    wb = openpyxl.load_workbook(path)
    ws = wb["自评表"]
    ws["D3"], ws["D4"], ws["G4"] = "道路改造工程", "某县交通局", "某县公路中心"
    for cell in ("D6", "E6", "F6", "D7", "E7", "F7"):
        ws[cell] = 100
    reason = "原因：征地延误，下一步提前谋划"
    rows = [(13, "培训人次", "≥500人次", "500人次", 40, None, None),
            (21, "完工时间", "2024年6月30日前完成", datetime.datetime(2024, 8, 15), 10, reason, 7),
            (22, "开工时间", DEADLINE, actual, 10, reason if judged else None, judged),
            (30, "受益人数", "≥1000人", "1000人", 20, None, None),
            (40, "满意度", "≥90%", "95%", 10, None, None)]
    for row, name, target, done_value, weight, why, score in rows:
        ws[f"D{row}"], ws[f"E{row}"], ws[f"F{row}"], ws[f"G{row}"] = name, target, done_value, weight
        ws[f"I{row}"], ws[f"J{row}"] = why, score
    for cell in ("F21", "E22", "F22"):
        ws[cell].number_format = "yyyy/m/d"
    if date1904:
        wb.epoch = CALENDAR_MAC_1904  # openpyxl writes workbookPr date1904 and 1904 serials
    wb.save(path)
    return path


@pytest.mark.parametrize("engine", ["auto", "formulas"])
def test_recalc_scores_an_early_date_as_met(tmp_path, engine):
    # 10 (执行率) + 40 + 7 + 10 (2024-03-20 before 2024-03-31) + 20 + 10 = 97 — was 96.99
    path = _filled(tmp_path, EARLY)
    out, _ = recalc_file(path, tmp_path / "r.xlsx", engine=engine)
    ws = openpyxl.load_workbook(out, data_only=True)["自评表"]
    assert (ws["H22"].value, ws["K22"].value, ws["H43"].value) == (10, "是", 97)
    findings = check_workbook(out).findings
    assert not [f for f in findings if f.code in ("JX504", "JX405")], findings


def test_recalc_keeps_the_judged_score_of_a_late_date(tmp_path):
    # 2024-04-20 after 2024-03-31: 逾期完成, the 部分达成 band 6–8 of 10; the unit's 7 stands
    path = _filled(tmp_path, LATE, judged=7)
    out, _ = recalc_file(path, tmp_path / "r.xlsx")
    ws = openpyxl.load_workbook(out, data_only=True)["自评表"]
    assert (ws["H22"].value, ws["K22"].value, ws["H43"].value) == (7, "否", 94)
    findings = check_workbook(out).findings
    assert not [f for f in findings if f.code == "JX504"], findings


def test_recalc_asks_for_a_hand_score_of_a_late_date(tmp_path):
    path = _filled(tmp_path, LATE)
    out, _ = recalc_file(path, tmp_path / "r.xlsx")
    ws = openpyxl.load_workbook(out, data_only=True)["自评表"]
    assert str(ws["H22"].value).startswith("⚠ 逾期完成"), ws["H22"].value  # was 9.99


# rt29 r2: a workbook in Excel's 1904 date system (workbookPr date1904) counts serials from
# 1904-01-01: 2025-01-10 is 44205, not 45667. recalc read it 1462 days early (2021-01-09), so
# a date after the deadline scored as met, and user formulas got 1900-system results.
# LibreOffice's own calculation (soffice --convert-to csv) is the reference.

def test_a_1904_serial_is_read_from_1904():
    assert as_time(44205.0, "yyyy/m/d", MAC_EPOCH) == datetime.datetime(2025, 1, 10)
    assert as_time(44205.0, "yyyy/m/d") == datetime.datetime(2021, 1, 9)  # the 1900 reading


@pytest.mark.parametrize("engine", ["auto", "formulas"])
def test_recalc_reads_dates_of_a_1904_workbook(tmp_path, engine):
    # as test_recalc_scores_an_early_date_as_met: 10 + 40 + 7 + 10 + 20 + 10 = 97
    path = _filled(tmp_path, EARLY, date1904=True)
    assert Package(path).date1904
    out, _ = recalc_file(path, tmp_path / "r.xlsx", engine=engine)
    ws = openpyxl.load_workbook(out, data_only=True)["自评表"]
    assert (ws["H22"].value, ws["K22"].value, ws["H43"].value) == (10, "是", 97)


def test_a_late_date_of_a_1904_workbook_is_late(tmp_path):
    # 2024-04-20 after 2024-03-31 (read as 2020-04-19 before, met): the unit's 7 stands, 94
    path = _filled(tmp_path, LATE, judged=7, date1904=True)
    values = recalculate(path).values["自评表"]
    assert (values["H22"], values["K22"], values["H43"]) == (7, "否", 94)


def test_the_annotated_copy_of_a_1904_template_stores_the_right_score(tmp_path):
    from jixiao.report.annotate import annotate

    path = _filled(tmp_path, EARLY, date1904=True)
    copy = annotate(path, tmp_path / "a.xlsx", check_workbook(path).findings)
    ws = openpyxl.load_workbook(copy, data_only=True)["自评表"]
    assert (ws["H22"].value, ws["K22"].value, ws["H43"].value) == (10, "是", 97)


def _date_formulas(path, date1904):
    """F2 the date 2025-01-10 (a Friday) and formulas reading it, in either date system."""
    wb = openpyxl.Workbook()
    if date1904:
        wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "表"
    ws["F2"] = datetime.datetime(2025, 1, 10)
    ws["F2"].number_format = "yyyy/m/d"
    formulas = ['=IF(F2<=DATE(2024,12,31),"按期","逾期")', '=TEXT(F2,"yyyy-mm-dd")',
                "=F2-DATE(2024,12,31)", "=YEAR(F2)", "=MONTH(F2)", "=DAY(F2)", "=WEEKDAY(F2)",
                "=DATE(2025,1,10)", "=EDATE(F2,1)", '=DATEVALUE("2025-01-10")',
                '=DATEDIF(DATE(2024,12,31),F2,"d")', '=TEXT(DATE(2024,2,29),"yyyy年m月d日")']
    for column, formula in enumerate(formulas, start=1):
        ws.cell(row=4, column=column, value=formula)
    wb.save(path)


# What LibreOffice 7 computes for _date_formulas (soffice --convert-to csv, serials unformatted)
_DATE_RESULTS = ["逾期", "2025-01-10", 10, 2025, 1, 10, 6, None, None, None, 10, "2024年2月29日"]


@pytest.mark.parametrize(("date1904", "serials"), [(False, (45667, 45698, 45667)),
                                                   (True, (44205, 44236, 44205))])
def test_user_date_formulas_follow_the_workbook_date_system(tmp_path, date1904, serials):
    # DATE(2025,1,10) is 45667 in the 1900 system, 44205 in the 1904 one (1462 fewer);
    # EDATE a month later 2025-02-10: 45698 / 44236
    path = tmp_path / "d.xlsx"
    _date_formulas(path, date1904)
    row = recalculate(path, engine="formulas").values["表"]
    got = [row[f"{letter}4"] for letter in "ABCDEFGHIJKL"]
    want = [*_DATE_RESULTS[:7], *serials, *_DATE_RESULTS[10:]]
    assert got == want
