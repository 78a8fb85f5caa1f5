"""rt30: a 完成值 above 100 % typed as a percent (Excel stores 105% as 1.05, format 0%)
beside ≥100% was scored by the add-in template's JX_SCORE as 1.05 %: 5 × 1.05 ÷ 100 = 0.05,
是否达成 否, while ``jixiao check`` reads the cell as shown, 105 %, and then flagged
jixiao's own output (JX403, JX504). Every JX_ function that reads a 指标值 or 完成值 is now
told, as JX_POINTS is, whether the cell shows a percent (``cellfuncs.READS_FORMAT``):
Excel's through the cell (``udfs/``), the headless engines through an added argument
(``recalc.cellformats``), the number then read as check reads it (``rules.percent_text``)."""

from __future__ import annotations

import openpyxl
import pytest
from workbooks import road_template

from jixiao import cellfuncs
from jixiao.pipeline import check_workbook
from jixiao.recalc.cellformats import with_formats
from jixiao.recalc.workbook import recalc_file
from jixiao.rules import percent_text


def test_a_number_in_a_percent_cell_is_read_as_the_percent_shown():
    assert percent_text(1.05) == "105%"
    assert percent_text(0.985) == "98.5%"
    assert percent_text(1.0345) == "103.45%"


def test_the_functions_read_a_percent_cell_as_check_does():
    # ≥100%, 105% typed: met, the full 5 (was 5 × 1.05 ÷ 100 = 0.05, 否)
    assert cellfuncs.score("≥100%", 1.05, 5.0, None, None, None, False, True) == 5
    assert cellfuncs.met("≥100%", 1.05, None, 5.0, False, True) == "是"
    # ≤100%, 103% typed: 5 × (1 − 3 ÷ 100) = 4.85 (was 5: 1.03 % under 100 %)
    assert cellfuncs.score("≤100%", 1.03, 5.0, None, None, None, False, True) == 4.85
    # ≥120%, 110% typed: 5 × 110 ÷ 120 = 4.58 (was 0.05)
    assert cellfuncs.score("≥120%", 1.1, 5.0, None, None, None, False, True) == 4.58
    # a 指标值 typed as a percent (1.2, 0%) beside a 完成值 typed as one: 5 × 110 ÷ 120
    assert cellfuncs.score(1.2, 1.1, 5.0, None, None, None, True, True) == 4.58
    # no format given (a value, or an older caller): as typed, unchanged
    assert cellfuncs.score("≥100%", 1.05, 5.0) == 0.05
    assert cellfuncs.score("≥100%", 1.05, 5.0, None, None, None, False, False) == 0.05
    column = cellfuncs.scores([["≥100%"], ["≤100%"]], [[1.05], [1.03]], [[5.0], [5.0]],
                              None, None, None, [[False], [False]], [[True], [True]])
    assert column == [[5], [4.85]]


def test_the_formulas_engine_is_given_the_cells_percent_formats():
    ws = openpyxl.Workbook().active
    ws["E13"], ws["F13"], ws["F14"] = "≥100%", 1.05, "96%"
    ws["F13"].number_format = "0%"
    assert with_formats("=JX_SCORE(E13,F13,JX_POINTS(G13),JX_Rules,J13,$C$13:$C13)",
                        ws["H13"]) == ("=JX_SCORE(E13,F13,JX_POINTS(G13,FALSE),JX_Rules,J13,"
                                       "$C$13:$C13,FALSE,TRUE,FALSE)")
    assert with_formats("=JX_MET(E13,F13,$C$13:$C13,G13)", ws["K13"]) == \
        "=JX_MET(E13,F13,$C$13:$C13,G13,FALSE,TRUE)"
    assert with_formats("=JX_SCORE(E13,F13,G13)", ws["H13"]) == \
        '=JX_SCORE(E13,F13,G13,"","","",FALSE,TRUE)'
    assert with_formats("=JX_SCORES(E13:E14,F13:F14,G13:G14,JX_Rules,J13:J14)", ws["H13"]) == \
        '=JX_SCORES(E13:E14,F13:F14,G13:G14,JX_Rules,J13:J14,"",{FALSE;FALSE},{TRUE;FALSE},' \
        "{FALSE;FALSE})"
    assert with_formats('=JX_SCORE("≥100%",F13,5)', ws["H13"]) == \
        '=JX_SCORE("≥100%",F13,5,"","","","",TRUE)'  # a value: no format to give
    given = '=JX_SCORE(E13,F13,G13,"","","",FALSE,FALSE)'  # already given: as it is
    assert with_formats(given, ws["H13"]) == given


_template = road_template


def _filled(tmp_path):
    """执行率 100 % (10) + 完成率 ≥100% typed 105% (40) + 决算比率 ≤100% typed 103% (10) +
    缩短比例 ≥120% typed 110% (20) + 就业 (10) + 满意度 “93%” (10)."""
    path = tmp_path / "t.xlsx"
    rows = [(13, "年度养护计划完成率", "≥100%", 1.05, 40, None),
            (24, "工程决算与合同价比率", "≤100%", 1.03, 10, "材料价格上涨，决算超出合同价3%"),
            (30, "群众出行时间缩短比例", "≥120%", 1.1, 20, "部分路段延期开工，缩短比例未达目标"),
            (31, "带动就业人数", "≥50人", "60人", 10, None),
            (40, "群众满意度", "≥90%", "93%", 10, None)]
    wb, _ws = _template(path, rows, percent_typed=(13, 24, 30))
    wb.save(path)
    return path


@pytest.mark.parametrize("engine", ["auto", "formulas"])
def test_recalc_scores_a_percent_typed_actual_as_check_reads_it(tmp_path, engine):
    # by hand: 40 (105% ≥ 100%) + 10 × (1 − 3 ÷ 100) = 9.7 + 20 × 110 ÷ 120 = 18.33 + 10
    # + 10 + 执行率 10 = 98.03, 优 (was 0.42, 10 and 0.18: 总分 40.6)
    out, _ = recalc_file(_filled(tmp_path), tmp_path / "r.xlsx", engine=engine)
    ws = openpyxl.load_workbook(out, data_only=True)["自评表"]
    assert [ws[f"H{row}"].value for row in (13, 24, 30, 40)] == [40, 9.7, 18.33, 10]
    assert [ws[f"K{row}"].value for row in (13, 24, 30, 40)] == ["是", "否", "否", "是"]
    assert (ws["H43"].value, ws["H44"].value) == (98.03, "优")
    findings = check_workbook(out).findings
    assert not findings, findings


def _judged(tmp_path, judged, number_format="0%"):
    """执行率 100 % (10) + 培训人次 50 + 群众出行条件 提升 → 部分达成 (20, 人工评分
    ``judged``, its cell formatted ``number_format``) + 就业 10 + 满意度 10."""
    path = tmp_path / "j.xlsx"
    rows = [(13, "培训人次", "≥500人次", "500人次", 50, None),
            (30, "群众出行条件", "提升", "部分达成", 20, "个别偏远村组道路仍较窄"),
            (31, "带动就业人数", "≥50人", "60人", 10, None),
            (40, "群众满意度", "≥90%", "93%", 10, None)]
    wb, ws = _template(path, rows)
    ws["J30"] = judged
    ws["J30"].number_format = number_format
    wb.save(path)
    return path


@pytest.mark.parametrize("engine", ["auto", "formulas"])
def test_a_judged_score_typed_as_a_percent_asks_for_points_alike(tmp_path, engine):
    """rt30: 人工评分 70% typed (0.7, format 0%) beside 部分达成 of 20 (band 12–16): the
    得分 cell said “人工评分 0.7 不在 12–16 分之间”, JX408 “人工评分填写为 70”. Both now
    say 70% and ask for points."""
    out, _ = recalc_file(_judged(tmp_path, 0.7), tmp_path / "r.xlsx", engine=engine)
    ws = openpyxl.load_workbook(out, data_only=True)["自评表"]
    said = "人工评分 70% 不在 12–16 分之间：请填写分数（如 14），不是百分比"
    assert ws["H30"].value == f"⚠ 定性指标：部分达成，{said}"
    findings = check_workbook(out).findings
    assert [(f.code, f.cell, f.message) for f in findings] == [
        ("JX408", "J30", f"“群众出行条件”为“部分达成”，{said}（财政部规则）")]


def test_a_judged_score_in_points_is_unchanged(tmp_path):
    # 14 typed in a General cell: 10 + 50 + 14 + 10 + 10 = 94, 优; no finding
    out, _ = recalc_file(_judged(tmp_path, 14, "General"), tmp_path / "r.xlsx")
    ws = openpyxl.load_workbook(out, data_only=True)["自评表"]
    assert (ws["H30"].value, ws["H43"].value, ws["H44"].value) == (14, 94, "优")
    assert not check_workbook(out).findings
