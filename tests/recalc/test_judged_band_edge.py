"""rt33: a 人工评分 is judged at the 2 decimals scores keep. One at its band's edge computed
by a formula (=G30*0.8 beside 分值 3: 2.4000000000000004 in binary floating point) was
“人工评分 2.4 不在 1.8–2.4 分之间” in the 得分 cell, in JX408 and in JX_SCORE, and the 总分
was not computed; one typed 8.004 beside 6–8 was rejected while 7.555 (7.56) was taken.
The 得分 kept is the 人工评分 rounded to 2 decimals, so that rounded value is what must lie
in the band: 8.004 is 8, inside 6–8; 8.006 is 8.01, outside — and JX408 quotes it as typed."""

from __future__ import annotations

import openpyxl
import pytest
from workbooks import road_template

from jixiao import cellfuncs
from jixiao.pipeline import check_workbook
from jixiao.recalc.workbook import recalc_file
from jixiao.rules import indicator_score


@pytest.mark.parametrize(("weight", "share"), [
    (3, 0.8), (6, 0.8), (7, 0.8),  # 2.4000000000000004, 4.800000000000001, 5.6000000000000005
    (3, 0.6), (6, 0.6), (9, 0.6),  # 1.7999999999999998, 3.5999999999999996, 5.3999999999999995
])
def test_a_judged_score_at_a_band_edge_computed_in_floats_is_inside(weight, share):
    judged = weight * share
    assert judged != round(weight * share, 2)  # the binary tail the band test met
    found = indicator_score("好/较好/一般/差", "较好", weight, judged=judged)
    assert found.band == (round(weight * 0.6, 2), round(weight * 0.8, 2))
    assert found.value == round(weight * share, 2)
    assert cellfuncs.score("好/较好/一般/差", "较好", weight, "mof2020", judged) == \
        round(weight * share, 2)


@pytest.mark.parametrize(("judged", "value"), [
    (8.004, 8.0), (7.555, 7.56), (5.996, 6.0), (8.005, None), (8.006, None), (5.994, None)])
def test_a_judged_score_is_judged_at_two_decimals(judged, value):
    # 分值 10, 部分达成: 6–8; the score kept is the 人工评分 rounded half-up to 2 decimals
    found = indicator_score("规范", "部分达成", 10, judged=judged)
    assert found.value == value
    if value is None:
        assert f"人工评分 {judged:g} 不在 6–8 分之间" in found.note  # as typed, not 8.01


def _template(path, weight, judged):
    """The add-in template: 执行率 100 % (10) + 培训人次 met (50) + 群众出行条件 部分达成
    (分值 ``weight``, 人工评分 ``judged``) + 就业 met (30 − ``weight``) + 满意度 met (10)."""
    rows = [(13, "培训人次", "≥500人次", "500人次", 50, None),
            (30, "群众出行条件", "好/较好/一般/差", "较好", weight, "个别偏远村组道路仍较窄"),
            (31, "带动就业人数", "≥50人", "60人", 30 - weight, None),
            (40, "群众满意度", "≥90%", "93%", 10, None)]
    wb, ws = road_template(path, rows)
    ws["J30"] = judged
    wb.save(path)
    return path


@pytest.mark.parametrize("engine", ["auto", "formulas"])
def test_recalc_takes_a_formula_judged_score_at_its_band_edge(tmp_path, engine):
    # by hand: 10 + 50 + 3 × 0.8 = 2.4 + 27 + 10 = 99.4, 优 (was ⚠ and no 总分)
    path = _template(tmp_path / "j.xlsx", 3, "=G30*0.8")
    out, _ = recalc_file(path, tmp_path / "r.xlsx", engine=engine)
    ws = openpyxl.load_workbook(out, data_only=True)["自评表"]
    assert (ws["H30"].value, ws["H43"].value, ws["H44"].value) == (2.4, 99.4, "优")
    assert not check_workbook(out).findings


def test_a_judged_score_of_three_decimals_rounding_into_the_band_is_taken(tmp_path):
    # 分值 10, 8.004 typed: 8 (inside 6–8); 10 + 50 + 8 + 20 + 10 = 98, 优
    out, _ = recalc_file(_template(tmp_path / "j.xlsx", 10, 8.004), tmp_path / "r.xlsx")
    ws = openpyxl.load_workbook(out, data_only=True)["自评表"]
    assert (ws["H30"].value, ws["H43"].value, ws["H44"].value) == (8, 98, "优")


def test_jx408_quotes_the_judged_score_as_typed(tmp_path):
    # 8.006 is 8.01 at 2 decimals, outside 6–8: quoted 8.006 (was “人工评分填写为 8.01”; 8.004
    # was quoted “8”, inside the band it was said to be outside of)
    out, _ = recalc_file(_template(tmp_path / "j.xlsx", 10, 8.006), tmp_path / "r.xlsx")
    findings = [(f.code, f.cell, f.message) for f in check_workbook(out).findings]
    assert findings == [("JX408", "J30", "“群众出行条件”部分达成（指标值 好/较好/一般/差，完成值 较好），"
            "人工评分填写为 8.006，不在 6–8 分之间（财政部规则）")]
