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

from jixiao import cellfuncs
from jixiao.pipeline import check_workbook
from jixiao.recalc.cellformats import as_time, with_times
from jixiao.recalc.workbook import recalc_file
from jixiao.template.build import build_template

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


def _filled(tmp_path, actual, judged=None):
    """The add-in template: 执行率 100 % (10) + 培训人次 40 + 完工时间 late, judged 7
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
