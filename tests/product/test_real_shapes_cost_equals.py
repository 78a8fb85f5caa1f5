"""A 成本指标 whose 指标值 writes “＝” (一体化 exports list 指标性质 ＝ for a cost amount;
many forms type ＝60万元): the ＝ says no more than no sign, so the cost is the ceiling
a bare “60万元” is — 57 万元 met at full marks, 66 万元 over by a tenth, 15 × 0.9 = 13.5.
Before (rt26 g p3), the ＝ was read as a goal: a false JX402 “应为 14.25（正向指标…）” on
the 57 and a false JX403 on the 66. A ＝ under any other 二级 stays a goal."""

import subprocess
import sys

import openpyxl
from test_real_shapes import checked, medical_insurance
from workbooks import Book, sichuan_scored_rows

from jixiao import cellfuncs, native


def _jixiao(*args, cwd):
    return subprocess.run([sys.executable, "-m", "jixiao", *args], cwd=cwd,
                          capture_output=True, text=True, check=False)


OVER = "设备涨价超支6万元；下年加强询价。"
ROWS = [
    ("产出指标", "数量指标", "采购设备台数", "≥20台", "20台", 10, 10, None),
    ("产出指标", "成本指标", "设备采购成本", "＝60万元", "57万元", 15, 15, None),
    ("产出指标", "成本指标", "年度运维成本", "=60万元", "66万元", 15, 13.5, OVER),
    ("产出指标", "数量指标", "发放人数", "＝1000人", "980人", 10, 10, None),  # a goal's ＝
    ("效益指标", "社会效益指标", "服务人次", "≥5000人次", "5200人次", 30, 30, None),
    ("满意度指标", "服务对象满意度指标", "满意度", "≥90%", "95%", 10, 10, None)]


def test_an_equals_cost_is_a_ceiling_and_an_equals_count_a_goal(tmp_path):
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", ROWS, total=98.5))
    assert [item["score_computed"] for item in data["indicators"]] == [10, 15, 13.5, 9.8, 30, 10]
    assert [item["met"] for item in data["indicators"]] == [True, True, False, False, True, True]
    # the ＝ cost gets no JX205 (“成本应写≤”): it is scored as the ceiling already
    assert [(item["code"], item["cell"], item["message"]) for item in data["findings"]] == [
        ("JX402", "H8", "“发放人数”未达到指标值（指标值 ＝1000人，完成值 980人），却得满分 10，"
                         "按财政部规则应为 9.8（正向指标：分值 × 实际完成值 ÷ 年度指标值）")]


def test_a_sichuan_equals_nature_on_a_cost_is_a_ceiling(tmp_path):
    """四川/一体化: 指标性质 ＝ | 60 | 万元 under 成本指标."""
    book = Book()
    sichuan_scored_rows(book, [
        ("产出指标", "数量指标", "采购设备台数", "≥", 20, "台", 20, 20, 20, None),
        ("产出指标", "成本指标", "设备采购成本", "＝", 60, "万元", 15, 57, 15, None),
        ("产出指标", "成本指标", "年度运维成本", "＝", 60, "万元", 15, 66, 13.5, OVER),
        ("效益指标", "社会效益指标", "服务人次", "≥", 5000, "人次", 30, 5200, 30, None),
        ("满意度指标", "服务对象满意度指标", "满意度", "≥", 90, "%", 10, 95, 10, None)])
    _, data = checked(book.save(tmp_path / "s.xlsx"))
    assert [(item["target"], item["score_computed"], item["met"])
            for item in data["indicators"][1:3]] == [("＝60万元", 15, True), ("＝60万元", 13.5, False)]
    assert [item["code"] for item in data["findings"]] == []


def test_the_jx_functions_and_the_native_formulas_read_the_equals_cost_alike():
    for target, actual, score, met in (("＝60万元", "57万元", 15, "是"),
                                       ("=60万元", "66万元", 13.5, "否")):
        assert cellfuncs.score(target, actual, 15.0, None, None, "成本指标") == score
        assert cellfuncs.met(target, actual, "成本指标") == met
        shown = native.row_values(target, actual, 15.0, None, None, "成本指标")
        assert (shown["eop"], shown["score"], shown["met_shown"]) == ("<=", score, met)
    shown = native.row_values("＝1000人", "980人", 10.0, None, None, "数量指标")
    assert (shown["eop"], shown["score"]) == ("=", 9.8)


def test_the_native_template_scores_an_equals_cost_as_a_ceiling(tmp_path):
    """The formulas themselves, recalculated: 成本指标 rows 24 and 25 of the template."""
    path = tmp_path / "t.xlsx"
    done = _jixiao("new", str(path), "--year", "2024", "--force", "--formulas", "native",
                   cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    wb = openpyxl.load_workbook(path)
    ws = wb["自评表"]
    for cell in ("D6", "E6", "F6", "E7", "F7"):
        ws[cell] = 100
    ws["D24"], ws["E24"], ws["F24"], ws["G24"] = "设备采购成本", "＝60万元", "57万元", 15
    ws["D25"], ws["E25"], ws["F25"], ws["G25"] = "年度运维成本", "=60万元", "66万元", 15
    ws["E25"].data_type = "s"  # typed text, not a formula
    ws["I25"] = OVER
    wb.save(path)
    out = tmp_path / "r.xlsx"
    done = _jixiao("recalc", str(path), "-o", str(out), cwd=tmp_path)
    assert done.returncode in (0, 1) and done.stderr == "", done.stderr  # 1: no grade, 40 points
    ws = openpyxl.load_workbook(out, data_only=True)["自评表"]
    assert [(ws[f"H{row}"].value, ws[f"K{row}"].value) for row in (24, 25)] == [
        (15, "是"), (13.5, "否")]


RATES = [
    ("产出指标", "数量指标", "采购设备台数", "≥20台", "20台", 10, 10, None),
    ("产出指标", "成本指标", "政府采购节约率", "＝5%", "3%", 15, 15, None),  # planted: 9
    ("产出指标", "成本指标", "补助资金足额发放率", "＝100%", "95%", 15, 14.25, "2户资料不全暂缓发放"),
    ("效益指标", "社会效益指标", "服务人次", "≥5000人次", "5200人次", 40, 40, None),
    ("满意度指标", "服务对象满意度指标", "满意度", "≥90%", "95%", 10, 10, None)]


def test_an_equals_rate_under_costs_is_a_rate_to_reach(tmp_path):
    """rt26 j2: ＝5% (a saving rate), ＝100% (paid in full) listed under 成本指标 are rates to
    reach, not ceilings — 3% of ＝5% at full marks is JX402 (after the ＝-cost reading it
    passed silently, and a correct 14.25 got a false JX403)."""
    _, data = checked(medical_insurance(tmp_path / "r.xlsx", RATES, total=99.25))
    assert [item["score_computed"] for item in data["indicators"]] == [10, 9, 14.25, 40, 10]
    assert [(item["code"], item["cell"]) for item in data["findings"]
            if item["code"] in ("JX402", "JX403")] == [("JX402", "H6")]
    for target, actual, score in (("＝5%", "3%", 9.0), ("＝100%", "95%", 14.25)):
        assert cellfuncs.score(target, actual, 15.0, None, None, "成本指标") == score
        shown = native.row_values(target, actual, 15.0, None, None, "成本指标")
        assert (shown["eop"], shown["score"]) == ("=", score)
