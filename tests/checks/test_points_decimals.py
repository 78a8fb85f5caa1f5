"""A 分值 not written to 2 decimals (=50/3, 33.333): its full marks, rounded to 2 decimals
as every score is, exceed it (16.67 > 16.666…) and a perfect table totals 100.01 — JX111
at the 分值 cell (rt34 r5 s6, s7). A 分值 split by jixiao itself (a merged 20 over three
rows: 6.67, 6.67, 6.66) is written to 2 decimals and is no finding."""

from workbooks import Formula, road_template, standard

from jixiao.checks import run_checks
from jixiao.model import evaluate
from jixiao.read.workbook import read_tables
from jixiao.recalc.workbook import recalc_file
from jixiao.rules import to_score_step

ROWS = [
    ("产出指标", "数量指标", "预算资金执行率", "≥90.00(%)", "99.80(%)", 5, 5, None),
    ("产出指标", "质量指标", "预算编制规范性", "规范", "达成指标", 25, 25, None),
    ("产出指标", "时效指标", "资金拨付及时性", "及时", "达成指标", 20, 20, None),
    ("效益指标", "可持续影响指标", "网络安全防护能力", "稳步提升", "达成指标", 30, 30, None),
    ("满意度指标", "服务对象满意度指标", "服务对象满意度", "满意", "达成指标", 10, 10, None),
]


def _findings(path, weights, scores, total):
    rows = [(*row[:5], weight, score, None)
            for row, weight, score in zip(ROWS, weights, scores, strict=False)]
    standard(path, rows=rows, total=(100, total))
    [table] = read_tables(path)
    return [(f.code, f.where, f.message) for f in run_checks(table, evaluate(table))]


def test_a_formula_weight_of_thirds_is_reported_at_each_weight_cell(tmp_path):
    third = Formula("=50/3", 50 / 3)
    found = _findings(tmp_path / "t.xlsx", [third, third, third, 30, 10],
                      [16.67, 16.67, 16.67, 30, 10], 99.99)
    jx111 = [(where, message) for code, where, message in found if code == "JX111"]
    assert len(jx111) == 3, found
    where, message = jx111[0]
    assert [w for w, _ in jx111] == ["自评表!G11", "自评表!G12", "自评表!G13"]
    assert "“预算资金执行率”的分值为 16.666…（=50/3），不是两位小数" in message
    assert "满分 16.67 大于分值，各项全部满分时总分为 100.01" in message
    assert "请写成两位小数" in message and "合计为 100" in message


def test_a_typed_weight_of_three_decimals_is_reported(tmp_path):
    found = _findings(tmp_path / "t.xlsx", [16.667, 16.667, 16.666, 30, 10],
                      [16.67, 16.67, 16.67, 30, 10], 99.99)
    messages = [message for code, _, message in found if code == "JX111"]
    assert len(messages) == 3, found
    assert "分值为 16.667，不是两位小数" in messages[0]
    assert "分值为 16.666，不是两位小数" in messages[2]


def test_weights_of_two_decimals_are_no_finding(tmp_path):
    found = _findings(tmp_path / "t.xlsx", [16.67, 16.67, 16.66, 30, 10],
                      [16.67, 16.67, 16.66, 30, 10], 99.98)
    assert [f for f in found if f[0] in ("JX111", "JX101", "JX401")] == []


def test_the_template_with_a_third_of_50_is_reported_at_its_weight_cells(tmp_path):
    """rt34 r5 s6: 分值 =50/3 in G13, G14, G17, every indicator met: 总分 100.01, 优, no
    finding; now JX111 at G13, G14 and G17."""
    path = tmp_path / "s6.xlsx"
    wb, ws = road_template(path, [
        (13, "养护里程", "≥120公里", "120公里", "=50/3", None),
        (14, "桥梁维修", "≥3座", "3座", "=50/3", None),
        (17, "验收合格率", "≥95%", "100%", "=50/3", None),
        (30, "出行便利", "明显改善", "明显改善", 30, None),
        (40, "满意度", "≥90%", "95%", 10, None)])
    wb.save(path)
    out = tmp_path / "s6.recalc.xlsx"
    recalc_file(path, out)
    [table] = read_tables(out)
    found = [f for f in run_checks(table, evaluate(table)) if f.code == "JX111"]
    assert sorted(f.where.split("!")[-1] for f in found) == ["G13", "G14", "G17"], found
    assert all(f.severity == "error" for f in found)


def test_float_noise_off_two_decimals_is_no_finding(tmp_path):
    """rt34 review: 14.999999999 (a converter's or WPS's noise) was flagged as not 2 decimals;
    within 1e-6 of 2 decimals it is 2 decimals. 33.333 and =50/3 stay flagged."""
    assert to_score_step(14.999999999) and to_score_step(16.670000001) and to_score_step(0.1 * 300)
    assert not to_score_step(33.333) and not to_score_step(50 / 3) and not to_score_step(16.6666)
    found = _findings(tmp_path / "t.xlsx", [5, 25, 14.999999999, 35.000000001, 20],
                      [5, 25, 15, 35, 20], 100)
    assert [code for code, *_ in found if code == "JX111"] == []
