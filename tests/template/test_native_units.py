"""rt35 r3: a native row whose 完成值 is in another unit than its 指标值 — “25 万参保居民医保待遇”
beside 100% (子洲 2023) — showed “⚠ 此写法须用 jixiao check 计分”, but jixiao check cannot score
it either (JX204: the units cannot be compared). Where one side is a plain % and the other a
unit no reading of jixiao puts beside a % (``native.units_conflict``), the cell says what the
add-in's JX_SCORE and JX204 say: 单位不一致 (``native.WARN_UNITS``). Units jixiao converts and
the formulas do not (小时 and 分钟, ‰ and %, 92分 of 100, 3个百分点) keep WARN_INPUT."""

from __future__ import annotations

import openpyxl
import pytest
from libreoffice import sheets_as_shown, shown

from jixiao import native
from jixiao.parsing import parse_measure
from jixiao.pipeline import check_workbook
from jixiao.recalc.workbook import recalc_file
from jixiao.rules import UNITS_DIFFER, indicator_score
from jixiao.template.build import build_template
from jixiao.template.fill import native_unscored

CONFLICTS = [("25 万参保居民医保待遇", "100%"), ("≥95%", "1200人"), ("≥3万人", "96%"),
             ("≤5%", "3个"), ("≥90%", "12人次参训"), ("100%", "8项")]
# jixiao compares these (or reads a bound, a date, a 约数): the formulas leave them to it
READ_BY_JIXIAO = [("≥95%", "90‰"), ("≥95%", "92分"), ("≥95%", "90个百分点"), ("≥95%", "3成"),
                  ("≥95%", "90万"), ("≥95升", "90%"), ("≥95%", "96%左右"), ("≥95%", "96%以上"),
                  ("≤2小时", "90分钟"), ("≥95%", "30天内"), ("≥95", "96%")]


@pytest.mark.parametrize(("target", "actual"), CONFLICTS)
def test_units_jixiao_cannot_compare_say_so(target, actual):
    assert native.row_values(target, actual, 10.0)["score"] == native.WARN_UNITS
    note = indicator_score(parse_measure(target), parse_measure(actual), 10.0).note
    assert note.startswith(UNITS_DIFFER), note  # what JX_SCORE and JX204 say
    assert native.WARN_UNITS.startswith(f"⚠ {UNITS_DIFFER}")


@pytest.mark.parametrize(("target", "actual"), READ_BY_JIXIAO)
def test_what_jixiao_reads_stays_to_check(target, actual):
    assert native.row_values(target, actual, 10.0)["score"] in (native.WARN_INPUT, 10.0, 9.47)


# Marks parsing drops after a value (parsing._FOOTNOTE_RE, END_MARKS, a closing 】): no unit —
# jixiao check scores 96※ beside ≥95% (review C, B); the formulas leave them to it
DROPPED_MARKS = ["※", "①", "⑳", "†", "‡", "¹", "＊", "…", "。】", "】", "²"]


@pytest.mark.parametrize("mark", DROPPED_MARKS)
def test_a_dropped_mark_is_no_unit(mark):
    for target, actual in (("≥95%", f"96{mark}"), ("≥95%", f"92{mark}"), (f"≥95{mark}", "96%")):
        assert native.row_values(target, actual, 10.0)["score"] == native.WARN_INPUT, \
            (target, actual)
    # with a unit parsing keeps, the unit still differs
    assert native.row_values("≥95%", f"96人{mark}", 10.0)["score"] == native.WARN_UNITS


UNITS = ["人", "个", "项", "次", "人次", "万元", "元", "元/人", "亿元", "万人", "吨", "公斤", "亩",
         "公顷", "公里", "米", "小时", "分钟", "天", "个月", "年", "个工作日", "‰", "‱", "分", "点",
         "个百分点", "成", "倍", "岁", "万", "千", "百万", "亿", "十", "升", "降", "名学生",
         "户家庭", "所学校", "台(套)", "万参保居民医保待遇", "人达成", "个合格", "人全部完成",
         "分以上", "人左右", "元/亩", "元/人*月", "次/年", "kWh", "km", "t", "h", "min", "㎡",
         "平方米", "立方米", "度", "场次", "批次", "家", "例", "张床", "人以上", "以内",
         *DROPPED_MARKS, "人※", "个①"]


def test_the_formulas_never_say_so_where_jixiao_compares():
    """Over every pairing of ``UNITS`` with %: where the formulas say 单位不一致, jixiao's
    rules say so too."""
    said = 0
    for unit in UNITS:
        for target, actual in ((f"≥95{unit}", "90%"), ("≥95%", f"90{unit}"), (f"25{unit}", "100%"),
                               ("≤5%", f"3{unit}"), (f"≤5{unit}", "3%"), ("≥30%", f"40{unit}")):
            if native.row_values(target, actual, 10.0)["score"] != native.WARN_UNITS:
                continue
            said += 1
            note = indicator_score(parse_measure(target), parse_measure(actual), 10.0).note
            assert note.startswith(UNITS_DIFFER), (target, actual, note)
    assert said > 100


def _converted(tmp_path, target, actual):
    path = tmp_path / "n.xlsx"
    build_template(path, year=2024, formulas="native")
    wb = openpyxl.load_workbook(path)
    ws = wb["自评表"]
    ws["D3"], ws["D4"], ws["G4"] = "医疗保障经办", "某县医保局", "某县医保中心"
    for cell in ("D6", "E6", "F6", "D7", "E7", "F7"):
        ws[cell] = 100
    rows = [(13, "城乡居民医保", target, actual, 20), (21, "培训人次", "≥500人次", "500人次", 30),
            (30, "受益人数", "≥1000人", "1000人", 30), (40, "满意度", "≥90%", "95%", 10)]
    for row, name, goal, done, weight in rows:
        ws[f"D{row}"], ws[f"E{row}"], ws[f"F{row}"], ws[f"G{row}"] = name, goal, done, weight
    wb.save(path)
    return path


def test_libreoffice_shows_it_and_check_agrees(tmp_path):
    path = _converted(tmp_path, "25 万参保居民医保待遇", "100%")
    sheet = sheets_as_shown(path, tmp_path, recalculate=True)["自评表"]
    assert shown(sheet, "H13") == native.WARN_UNITS
    assert shown(sheet, "H21") == "30"
    told = native_unscored(path)  # convert's advice still names the row and what to write
    assert len(told) == 1 and "请把完成值按指标值的单位“万参保居民医保待遇”填写" in told[0], told
    out, _ = recalc_file(path, tmp_path / "r.xlsx")  # the cached results jixiao stores
    assert openpyxl.load_workbook(out, data_only=True)["自评表"]["H13"].value == native.WARN_UNITS
    codes = sorted({f.code for f in check_workbook(out).findings})
    assert "JX204" in codes and "JX504" not in codes, codes


def test_libreoffice_leaves_a_dropped_mark_to_check(tmp_path):
    """review C: ≥95% beside 96※ (or 92①) showed 单位不一致 though jixiao check scores it."""
    path = _converted(tmp_path, "≥95%", "96※")
    wb = openpyxl.load_workbook(path)
    wb["自评表"]["E14"], wb["自评表"]["F14"], wb["自评表"]["G14"] = "≥90%", "92①", 10
    wb.save(path)
    sheet = sheets_as_shown(path, tmp_path, recalculate=True)["自评表"]
    assert shown(sheet, "H13") == native.WARN_INPUT
    assert shown(sheet, "H14") == native.WARN_INPUT


def test_libreoffice_keeps_warn_input_where_jixiao_reads_it(tmp_path):
    path = _converted(tmp_path, "≤2小时", "90分钟")
    sheet = sheets_as_shown(path, tmp_path, recalculate=True)["自评表"]
    assert shown(sheet, "H13") == native.WARN_INPUT
