"""rt27: 无 as the 实际完成值 of a number target (培训场次 ≥10场 | 无) was taken for a blank
cell: the template's 得分 said “⚠ 实际完成值为空” — but the cell is filled — and check gave no
finding at the cell where the 偏差原因 explained it (only JX410's summary), while 暂无 gets
JX204. 无 there is not read as 0: published tables write it for a year the indicator did not
apply (衡山 2020 储备粮: 保障率 100% | 无, 偏差原因“没有轮换、动用库存”, 5 of 10 given by
hand), so 0 points would be a false error. It stays unscored, like 暂无, and is said so:
the score says what to write, and check points at the cell (JX202) where no score
stands in the row. Beside a target of none (＝0起, ≤2次) 无 is still 0 of it."""

from __future__ import annotations

import openpyxl
import pytest

from jixiao import cellfuncs, native
from jixiao.pipeline import check_workbook
from jixiao.recalc.workbook import recalc_file
from jixiao.template.build import build_template

REASON = "原因：受疫情影响培训未开展，下一步线上补训"
TOLD = "⚠ 完成值“无”看不出是否达到指标值：未开展的请填 0，已完成的请填实际数值"


@pytest.mark.parametrize(("target", "actual", "shown"), [
    ("≥10场", "无", TOLD),
    ("＝47个", "无", TOLD),
    ("≤50万元", "无", TOLD),  # none spent, or none to spend: a reviewer cannot tell
    ("≥10场", "—", "⚠ 实际完成值为空"),  # a mark for nothing written: as blank
    ("≥10场", None, "⚠ 实际完成值为空"),
    ("≤2次", "无", 10),  # a count of none wanted: none happened, as before
    ("=0起", "无", 10),
])
def test_wu_beside_a_number_says_what_to_write(target, actual, shown):
    assert cellfuncs.score(target, actual, 10.0, None, None, "数量指标") == shown


def _template(tmp_path, reason):
    """The add-in template: 执行率 100 % (10) + 培训场次 ≥10场 | 无 (40) + 满意度 (50)."""
    path = tmp_path / "t.xlsx"
    build_template(path, year=2024)
    wb = openpyxl.load_workbook(path)
    ws = wb["自评表"]
    ws["D3"], ws["D4"], ws["G4"] = "基层培训项目", "某县人社局", "某县就业中心"
    for cell in ("D6", "E6", "F6", "D7", "E7", "F7"):
        ws[cell] = 100
    ws["D13"], ws["E13"], ws["F13"], ws["G13"], ws["I13"] = "培训场次", "≥10场", "无", 40, reason
    ws["D40"], ws["E40"], ws["F40"], ws["G40"] = "满意度", "≥90%", "95%", 50
    wb.save(path)
    out, _ = recalc_file(path, tmp_path / "r.xlsx")
    return out


@pytest.mark.parametrize("reason", [REASON, None])
def test_the_template_points_at_wu_whether_explained_or_not(tmp_path, reason):
    out = _template(tmp_path, reason)
    assert openpyxl.load_workbook(out, data_only=True)["自评表"]["H13"].value == TOLD
    findings = check_workbook(out).findings
    assert [(f.code, f.cell, f.message) for f in findings if f.code == "JX202"] == [
        ("JX202", "F13", "“培训场次”的实际完成值只写了“无”，看不出是否达到指标值“≥10场”")]


def test_native_formulas_leave_wu_to_jixiao():
    assert native.row_values("≥10场", "无", 10.0)["score"] == native.WARN_INPUT
