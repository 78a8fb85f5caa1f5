"""Every check: a workbook that fails it and one that passes, each built from a
compact description (a change to the published Putuo table, which has no finding)."""

import re

import pytest
from test_grade_by_rules import rows as boundary_rows
from workbooks import (
    PUTUO_1_MONEY,
    PUTUO_1_ROWS,
    STANDARD,
    Book,
    Formula,
    sichuan,
    standard,
    standard_sheet,
)

from jixiao.checks import REGISTRY, run_checks
from jixiao.model import evaluate
from jixiao.read.workbook import read_tables
from jixiao.rules import indicator_score

FIELDS = ("level1", "level2", "name", "target", "actual", "weight", "score", "reason")
MONEY_FIELDS = ("label", "initial", "budget", "executed", "weight", "rate", "score")


def rows(*changes, drop=()):
    """PUTUO_1_ROWS with (index, {field: value}) changes, without the rows in ``drop``."""
    table = [list(row) for row in PUTUO_1_ROWS]
    for index, fields in changes:
        for key, value in fields.items():
            table[index][FIELDS.index(key)] = value
    return [tuple(row) for index, row in enumerate(table) if index not in drop]


def money(*changes):
    lines = [list(line) for line in PUTUO_1_MONEY]
    for index, fields in changes:
        for key, value in fields.items():
            lines[index][MONEY_FIELDS.index(key)] = value
    return [tuple(line) for line in lines]


def findings(path, select=None):
    out = []
    for table in read_tables(path):
        out.extend(run_checks(table, evaluate(table), select=select))
    return out


SATISFACTION_85 = {"target": "≥95%", "actual": "85%"}

NO_SCORE = ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值",
            "偏差原因分析及改进措施")


NO_WEIGHT = ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "得分",
             "偏差原因分析及改进措施")
NO_POINTS = ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "偏差原因分析及改进措施")


def no_points(*changes):
    """PUTUO_1_ROWS without 分值 and 得分 (湖南 衡山), no 总分 nor 等级."""
    return {"rows": [(*row[:5], row[7]) for row in rows(*changes)], "header": NO_POINTS,
            "total": None, "grade": None}


def unscored(*changes):
    """PUTUO_1_ROWS in a layout without 得分 column."""
    return [(*row[:6], row[7]) for row in rows(*changes)]


def judged_column(judged):
    """PUTUO_1_ROWS with a 人工评分 column before the 偏差原因, filled as ``judged`` (row
    index → the number typed)."""
    return {"rows": [(*row[:7], judged.get(index), row[7]) for index, row in enumerate(rows())],
            "header": (*STANDARD[:7], "人工评分", STANDARD[7])}


# code → (failing descriptions, passing descriptions); each a dict of ``standard`` options.
CASES = {
    "JX001": ([{"rows": [(*row[:3], None, None, row[5], None, None) for row in PUTUO_1_ROWS],
                "total": (100, None), "grade": None},
               {"rows": [(*row[:4], None, row[5], None, None) for row in PUTUO_1_ROWS],
                "total": (100, None), "grade": None}], [{}]),
    "JX101": ([{"rows": rows((3, {"weight": 20, "score": 20})), "total": (90, 89.98)}], [{}]),
    "JX102": ([{"rows": rows((1, {"weight": 35, "score": 35}), (3, {"weight": 20, "score": 20}))}],
              [{}]),
    "JX103": ([{"rows": rows((0, {"level2": "数量指标 (20 分)"}))}],
              [{"rows": rows((0, {"level2": "数量指标 (5 分)"}))}]),
    "JX104": ([{"rows": rows((3, {"weight": 40, "score": 40}), drop=[4])}], [{}]),
    "JX105": ([{"rows": rows((2, {"name": "预算编制规范性"}))}], [{}]),
    "JX106": ([{"rows": rows((1, {"weight": "二十五"}))}, {"rows": rows((1, {"weight": None}))},
               {"rows": rows((1, {"weight": 0}))}], [{"rows": rows((1, {"weight": "25 分"}))}]),
    "JX107": ([{"rows": rows((3, {"level1": None}))}], [{}]),
    "JX108": ([{"rows": [(*row[:5], *row[6:]) for row in PUTUO_1_ROWS], "total": (None, 99.98),
                "header": NO_WEIGHT}, no_points()], [{}]),
    "JX109": ([{"rows": rows((2, {"level2": "质量指标", "weight": None, "score": 22.5}),
                             (1, {"weight": 45, "score": 22.5})),
                "merged": ("一级指标", "二级指标", "分值")}],
              [{}, {"rows": rows((2, {"level2": "质量指标", "weight": 20})),
                    "merged": ("一级指标", "二级指标", "分值")}]),
    # a hidden row of jixiao's template (its JX_Rules name): counted by its formulas, and
    # so by check; a hidden row of another table is last year's, not read
    "JX110": ([{"rules_cell": "mof2020", "hidden": [11]},
               {"rules_cell": "mof2020", "hidden": [11], "rows": rows((0, {"weight": None}))}],
              [{}, {"rules_cell": "mof2020"}, {"hidden": [11]}]),
    "JX111": ([{"rows": rows((0, {"weight": Formula("=50/3", 50 / 3)}))},
               {"rows": rows((1, {"weight": 12.345, "score": 12.345}),
                             (2, {"weight": 32.655, "score": 32.655}))}],
              [{"rows": rows((1, {"weight": 12.35, "score": 12.35}),
                             (2, {"weight": 32.65, "score": 32.65}))}]),
    "JX201": ([{"rows": rows((4, {"target": None}))}], [{}]),
    "JX202": ([{"rows": rows((4, {"actual": None}))}], [{}]),
    "JX203": ([{"rows": rows((0, {"target": "≠90.00(%)"}))},
               {"rows": rows((4, {"target": "≤90%", "actual": "95%"}))},
               {"rows": rows((4, {"target": "≥120%", "actual": "95%", "score": 7.92}))}],
              [{"rows": rows((4, {"target": "≥90%", "actual": "95%"}))}]),
    "JX204": ([{"rows": rows((0, {"target": "≥90 万元", "actual": "4 小时"}))},
               {"rows": rows((1, {"actual": 25}))},
               {"rows": rows((4, {"target": "≥95%", "actual": "达成"}))},
               {"rows": rows((0, {"name": "培训场次", "target": "≥6 次", "actual": "已完成"}))}],
              [{"rows": rows((0, {"target": "≥90%", "actual": 0.998}))},
               {"rows": rows((4, {"target": "不低于上年", "actual": "高于上年"}))},
               {"rows": rows((4, {"target": "≥95%", "actual": "未开展满意度调查", "score": 0,
                                  "reason": "本年未开展"}))}]),
    "JX205": ([{"rows": rows((0, {"level2": "成本指标", "name": "项目投入资金",
                                  "target": "≥30 万元", "actual": "30 万元"}))}],
              [{"rows": rows((0, {"level2": "成本指标", "name": "项目投入资金",
                                  "target": "≤30 万元", "actual": "30 万元"}))},
               {"rows": rows((0, {"level2": "成本指标", "name": "人均财政补助标准",
                                  "target": "≥610元/人", "actual": "610元/人"}))}]),
    "JX206": ([{"rows": rows((4, {"name": "培训场次", "target": "≥12 个", "actual": "36 个"}))},
               {"rows": rows((4, {"name": "培训场次", "target": "12 个", "actual": "36 个"}))},
               {"rows": rows((4, {"name": "培训场次", "target": "＝12 个", "actual": "36 个"}))}],
              [{"rows": rows((4, {"level2": "成本指标", "name": "培训成本", "target": "12 万元",
                                  "actual": "36 万元"}))},
               {"rows": rows((4, {"name": "差错率", "target": "2%", "actual": "6%"}))},
               {"rows": rows((4, {"level2": "时效指标", "name": "办结时限", "target": "2 天",
                                  "actual": "6 天"}))},
               {"rows": rows((4, {"name": "培训场次", "target": "≥12 个", "actual": "36 个",
                                  "reason": "年中追加培训任务，下年度调高指标值"}))},
               {"rows": rows((4, {"name": "培训场次", "target": "≥12 个", "actual": "17 个"}))},
               {"rows": rows((4, {"name": "新增服务项目", "target": "≥1 项", "actual": "2 项"}))}]),
    "JX207": ([{"rows": rows((4, {"name": "受益人数", "target": "≥1.2 万人", "actual": 11800}))}],
              [{"rows": rows((4, {"name": "受益人数", "target": "≥1.2 万人", "actual": 1.25}))},
               {"rows": rows((4, {"name": "受益人数", "target": "≥1.2 万人",
                                  "actual": "12500 人"}))}]),
    "JX208": ([{"header": ("一级指标", "二级指标", "三级指标", "年度指标值", "实绩", "分值", "得分",
                           "偏差原因分析及改进措施")},
               {"header": ("一级指标", "二级指标", "三级指标", "考核要求", "实际完成值", "分值",
                           "得分", "偏差原因分析及改进措施")}],
              [{}, {"rows": unscored(), "header": NO_SCORE, "total": (100, None)}]),
    "JX301": ([{"money": money((0, {"rate": 98.5}))}, {"money": money((0, {"rate": "95%"}))}],
              [{}, {"money": [("年度资金总额", 10, 10, 9.96, 10, "100%", 9.96)]}]),
    "JX302": ([{"money": money((0, {"score": 10}))}],
              [{}, {"money": money((0, {"score": 9.98}))}]),
    "JX303": ([{"money": money((0, {"executed": 33}), (1, {"executed": 33}))}], [{}]),
    "JX304": ([{"money": money((1, {"budget": 30}))}], [{}]),
    "JX305": ([{"rows": rows((0, {"actual": "90.00(%)"}))}], [{}]),
    "JX306": ([{"money": money((0, {"executed": 25, "rate": 79.21, "score": 7.92}),
                               (1, {"executed": 25, "rate": 79.21})),
                "rows": rows((0, {"actual": "79.21(%)", "score": 4.4, "reason": None}))}],
              [{"money": money((0, {"executed": 25, "rate": 79.21, "score": 7.92}),
                               (1, {"executed": 25, "rate": 79.21})),
                "rows": rows((0, {"actual": "79.21(%)", "score": 4.4,
                                  "reason": "设备尾款次年支付"}))}]),
    # no amount at all on the 年度资金总额 line: JX307's hint; only B missing is JX309's error
    "JX307": ([{"money": money((0, {"initial": None, "budget": None, "executed": None}))}],
              [{}]),
    "JX309": ([{"money": money((0, {"executed": None}), (1, {"executed": None}))},
               {"money": money((0, {"budget": None}), (1, {"budget": None}))}], [{}]),
    # a blank 执行率 beside A, B and the score (天长 2022); not where the layout has no 执行率
    # column, nor where the 得分 is blank too (JX406's), nor where a formula computes it
    "JX308": ([{"money": money((0, {"rate": None}))},
               {"money": money((0, {"rate": "—"}), (1, {"rate": None}))}],
              [{}, {"money": money((0, {"rate": None, "score": None}))},
               {"money": [(line[0], line[2], line[3], line[4], line[6]) for line in money()],
                "money_header": ("全年预算数", "全年执行数", "分值", "得分")},
               {"money": money((0, {"rate": Formula("=D6/C6", 0.998)}))}]),
    "JX401": ([{"rows": rows((4, {"score": 12}))}], [{}]),
    "JX402": ([{"rows": rows((4, {"name": "参保人数", "target": "≥96.7 万人",
                                  "actual": "91.8 万人"}))}],
              [{"rows": rows((4, {"name": "参保人数", "target": "≥96.7 万人",
                                  "actual": "91.8 万人", "score": 9.49, "reason": "外迁"}))}]),
    "JX403": ([{"rows": rows((0, {"score": 4}))}], [{}]),
    "JX404": ([{"rows": rows((4, {**SATISFACTION_85, "score": 7, "reason": "未联网结算"}))}],
              [{"rows": rows((4, {**SATISFACTION_85, "score": 8.95, "reason": "未联网结算"}))}]),
    "JX405": ([{"rows": rows((4, {**SATISFACTION_85, "score": 8.95}))},
               no_points((4, SATISFACTION_85))],
              [{"rows": rows((4, {**SATISFACTION_85, "score": 8.95, "reason": "未联网结算"}))},
               no_points((4, {**SATISFACTION_85, "reason": "未联网结算"})), no_points()]),
    "JX406": ([{"rows": rows((4, {"score": None}))}, {"money": money((0, {"score": None}))}],
              [{}]),
    "JX407": ([{"rows": rows((4, {"score": -2}))}], [{}]),
    "JX408": ([{"rows": rows((1, {"actual": "部分达成", "score": 25}))}],
              [{"rows": rows((1, {"actual": "部分达成", "score": 18, "reason": "部分科室未完成"}))}]),
    "JX409": ([{"rows": unscored((2, {"target": "＜24 小时", "actual": "24 小时",
                                      "reason": "按时拨付"})),
                "header": NO_SCORE, "total": (100, None)},
               {"rows": unscored((4, {**SATISFACTION_85, "reason": "未联网结算"})),
                "header": NO_SCORE, "total": (100, None)},
               no_points((4, {**SATISFACTION_85, "reason": "未联网结算"}))],
              [{"rows": unscored(), "header": NO_SCORE, "total": (100, None)}, no_points(),
               {"rows": rows((2, {"target": "＜24 小时", "actual": "24 小时", "score": 16,
                                  "reason": "按时拨付"}))}]),
    "JX410": ([{"rows": rows((3, {"target": "稳步提升", "actual": "有待加强", "score": None}))},
               {"rows": rows((3, {"target": "稳步提升", "actual": "有待加强"}))}],
              [{"rows": rows((3, {"target": "持续推进", "actual": "持续推进中"}))},
               {"rows": rows((2, {"target": "规定时间内", "actual": "规定时间内"}))}]),
    "JX411": ([{"rows": rows(*((i, {"score": "100%"}) for i in range(5))),
                "money": money((0, {"score": "99.8%"}))}],
              [{}, {"rows": rows((4, {"score": "100%"}))}]),  # one stray %: JX401, not JX411
    # a deduction in brackets beside the score that is not 分值 − 得分; passing: one that is
    "JX412": ([{"rows": rows((0, {"score": "5（扣0.5分）"}))}],
              [{"rows": rows((0, {"score": "5（扣0分）"}))}, {"rows": rows((0, {"score": "得5分"}))}]),
    # a 人工评分 column (as jixiao's templates have) filled on the quantitative 执行率 row
    "JX413": ([judged_column({0: 3})],
              [{}, judged_column({0: 5}), judged_column({1: 22})]),
    "JX501": ([{"total": (100, 100)}, {"total": (100, None)}], [{}]),
    # the third: scores as the rules give them total 89.98 (良), the 总分 written 90, 优
    "JX502": ([{"grade": "良"}, {"grade": "甲"},
               # three scores 0.01 above the rules' lift 89.97 (良) to a written 90 (优)
               {"rows": boundary_rows(up=(0.01, 0.01, 0.01)), "total": (100, 90), "grade": "优"}],
              [{}, {"grade": "优秀"}]),
    # the unit's own score formulas, one row typed over with a score the rules do not give;
    # passing: typed as the rules give it, and a column of =G11 (得分 = 分值) beside it
    "JX503": ([{"rows": [(*row[:6], Formula(f'=IF(F{11 + i}="达成指标",G{11 + i},0)', row[6])
                          if i else 4, None) for i, row in enumerate(PUTUO_1_ROWS)]}],
              [{"rows": [(*row[:6], Formula(f"=G{11 + i}", row[6]), None)
                         for i, row in enumerate(PUTUO_1_ROWS)]},
               {"rows": [(*row[:6], Formula(f'=IF(F{11 + i}="达成指标",G{11 + i},0)', row[6])
                          if i else 5, None) for i, row in enumerate(PUTUO_1_ROWS)]},
               {"rows": [(*row[:6], Formula(f"=G{11 + i}", row[6]) if i else 4, None)
                         for i, row in enumerate(PUTUO_1_ROWS)]}]),
    "JX504": ([{"rows": rows((0, {"score": Formula("=JX_SCORE(D11,E11,F11)", 3)}))},
               {"rows": rows((0, {"score": Formula("=JX_SCORE(D11,E11,F11)")}))},
               {"rows": rows((0, {"score": Formula("=JX_SCORE(D11,E11,F11)", "#NAME?")}))}],
              [{"rows": rows((0, {"score": Formula("=JX_SCORE(D11,E11,F11)", 5)}))}]),
    # the 评分规则 cell of jixiao's template (named JX_Rules) naming no rule set
    "JX505": ([{"rules_cell": "浙江"}, {"rules_cell": "省标准"}],
              [{}, {"rules_cell": ""}, {"rules_cell": "mof2020"}, {"rules_cell": "四川"},
               {"rules_cell": "比例法"}]),
    # a 自评结论 under the 总分 and 等级 rows stating other ones (rt25-f s07f)
    "JX506": ([{"conclusion": "经自评，该项目得分92分，评价等级为良。"},
               {"conclusion": "自评得分98分"}],
              [{}, {"conclusion": "经自评，该项目得分99.98分，评价等级为优。"},
               {"conclusion": "项目完成情况良好，达到预期目标。"}]),
    # (a cell typed as 1e999 cannot be written by openpyxl: test_output_safety.py patches XML)
    "JX601": ([{"money": money((0, {"budget": 1e-300, "executed": 1e300}))},
               {"rows": rows((1, {"weight": 1e308, "score": 1e308}),
                             (2, {"weight": 1e308, "score": 1e308}))}],
              [{}, {"rows": rows((1, {"score": 1e300}))}]),
    "JX901": ([{"rows": rows((0, {"reason": Formula("=cmd|' /C calc'!A0")}))}], [{}]),
}


def test_every_registered_check_has_cases():
    assert set(CASES) == set(REGISTRY)


@pytest.mark.parametrize("code", sorted(CASES))
def test_failing_workbook(code, tmp_path):
    for number, description in enumerate(CASES[code][0]):
        found = findings(standard(tmp_path / f"bad{number}.xlsx", **description), [code])
        assert found, (code, description)
        for item in found:
            assert item.code == code and item.sheet == "自评表"
            assert re.fullmatch(r"[A-Z]+\d+", item.cell), item
            assert re.search(r"[\u4e00-\u9fff]", item.message), item


@pytest.mark.parametrize("code", sorted(CASES))
def test_passing_workbook(code, tmp_path):
    for number, description in enumerate(CASES[code][1]):
        found = findings(standard(tmp_path / f"good{number}.xlsx", **description), [code])
        assert found == [], (code, description, found)


def test_the_published_putuo_table_has_no_finding(tmp_path):
    assert findings(standard(tmp_path / "t.xlsx")) == []


def test_findings_point_at_the_cell_of_the_mistake(tmp_path):
    bad = rows((4, {**SATISFACTION_85, "score": 7}))
    found = {item.code: item.cell for item in findings(standard(tmp_path / "t.xlsx", rows=bad))}
    assert found["JX404"] == "H15" and found["JX405"] == "I15" and found["JX501"] == "H16"


@pytest.mark.parametrize(("target", "actual"), [("≥95%", "达成"), ("≥6 次", "已完成"),
                                                ("≥6 次", "完成"), ("≥95%", "全部完成")])
def test_a_quantitative_target_answered_in_words_is_a_warning(tmp_path, target, actual):
    """≥95% done “达成”: full marks by the words, which no reviewer can check against the
    rule (before: nothing said). A warning at the 完成值 asking for the number measured;
    the score still follows the words (10 of 10, no JX402)."""
    bad = rows((4, {"target": target, "actual": actual}))
    found = findings(standard(tmp_path / "t.xlsx", rows=bad))
    assert [(item.code, item.severity, item.cell) for item in found] == [("JX204", "warning", "F15")]
    assert found[0].message == (f"“服务对象满意度”是定量指标（指标值“{target}”），完成值只写了"
                                f"“{actual}”，没有实际测得的数值：得分按文字读作“达成”计，"
                                "无法与指标值核对；应填写实际测得的数值")


@pytest.mark.parametrize(("target", "actual"), [("100%", "全部完成"), ("=100%", "已完成"),
                                                ("100%完成", "完成"), ("100%", "全覆盖")])
def test_a_target_of_100_percent_answered_all_done_is_100_percent(tmp_path, target, actual):
    """A completion rate of 100 % answered 全部完成 / 已完成 / 完成 is 100 %, as 全覆盖 is:
    met, 10 of 10, no finding (before: JX204 asked for the number measured). Of another
    rate (档案完整率) 已完成 is words: tests/checks/test_all_done_rates.py."""
    good = rows((4, {"name": "项目完成率", "target": target, "actual": actual}))
    assert findings(standard(tmp_path / "t.xlsx", rows=good)) == []
    result = indicator_score(target, actual, 10)
    assert result.value == 10.0 and result.met is True


@pytest.mark.parametrize(("target", "actual"), [("100%", "全部开工"), ("=100%", "已全部拨付"),
                                                ("100%", "均已到位"), ("100%", "全部发放"),
                                                # rt24 j s1: the act said finished
                                                ("100%", "全部发放到位"), ("100%", "已全部拨付完毕")])
def test_a_rate_of_100_percent_answered_all_of_its_act_is_100_percent(tmp_path, target, actual):
    """A 开工率 / 拨付率 / 到位率 of 100 % answered 全部开工 / 已全部拨付 / 均已到位: all of
    what the rate counts, 100 % as 全部完成 is — met, 10 of 10, no finding (before: JX204
    “完成值“全部开工”却不是数值”, no score, no total)."""
    good = rows((4, {"target": target, "actual": actual}))
    assert findings(standard(tmp_path / "t.xlsx", rows=good)) == []
    result = indicator_score(target, actual, 10)
    assert result.value == 10.0 and result.met is True


@pytest.mark.parametrize(("target", "actual"), [("≥5个", "全部开工"), ("100%", "已开工")])
def test_all_started_beside_a_count_or_started_alone_is_no_number(tmp_path, target, actual):
    """全部开工 beside a count (≥5个) says no how many; 已开工 beside 100% says some started,
    not all: both stay words for a quantitative target (JX204, no score), as before."""
    bad = rows((4, {"target": target, "actual": actual}))
    found = findings(standard(tmp_path / "t.xlsx", rows=bad), ["JX204"])
    assert [(item.code, item.cell, item.message) for item in found] == [
        ("JX204", "F15", f"“服务对象满意度”是定量指标，完成值“{actual}”却不是数值")]
    assert indicator_score(target, actual, 10).value is None


ACCURACY = {"level2": "质量指标", "name": "资金拨付准确率"}


@pytest.mark.parametrize(("target", "actual"), [("=100%", "全部准确"), ("100%", "均准确"),
                                                ("＝100%", "准确无误"), ("100%", "全部准确无误"),
                                                ("100%", "均正确")])
def test_an_accuracy_of_100_percent_answered_all_right_is_100_percent(tmp_path, target, actual):
    """A 准确率 of 100 % answered 全部准确 / 均准确 / 准确无误: all of it right, 100 % as
    全部拨付 is for a 拨付率 — met, 10 of 10, no finding (rt26 g p2 C16; before: JX204
    “完成值只写了“全部准确”，没有实际测得的数值”)."""
    good = rows((4, {**ACCURACY, "target": target, "actual": actual}))
    assert findings(standard(tmp_path / "t.xlsx", rows=good)) == []
    result = indicator_score(target, actual, 10)
    assert result.value == 10.0 and result.met is True


@pytest.mark.parametrize(("target", "actual"), [("≥95%", "全部准确"), ("100%", "准确")])
def test_all_right_beside_a_lower_rate_or_right_alone_is_no_number(tmp_path, target, actual):
    """全部准确 beside ≥95% says not how many were right; 准确 alone says it was done right,
    not all of it: words for a quantitative target (JX204), as before."""
    bad = rows((4, {**ACCURACY, "target": target, "actual": actual}))
    found = findings(standard(tmp_path / "t.xlsx", rows=bad), ["JX204"])
    assert [(item.code, item.cell, item.message) for item in found] == [(
        "JX204", "F15", f"“资金拨付准确率”是定量指标（指标值“{target}”），完成值只写了“{actual}”，"
                        "没有实际测得的数值：得分按文字读作“达成”计，无法与指标值核对；应填写实际测得的数值")]


@pytest.mark.parametrize(("target", "actual"), [("每月10日前", "及时"), ("≤3小时", "按时完成"),
                                                ("5个工作日内", "及时办结")])
def test_a_time_limit_answered_on_time_in_words_asks_for_no_number(tmp_path, target, actual):
    """A time limit (每月10日前, ≤3小时) answered 及时 / 按时完成: how timeliness rows are
    usually answered, the limit kept — no JX204 asking for a measured number (first run
    of today's JX204: it asked for one)."""
    good = rows((4, {"target": target, "actual": actual}))
    assert findings(standard(tmp_path / "t.xlsx", rows=good), ["JX204"]) == []
    late = rows((4, {"target": "≥95%", "actual": "及时"}))  # not a time limit: still asked
    assert [item.code for item in findings(standard(tmp_path / "u.xlsx", rows=late),
                                           ["JX204"])] == ["JX204"]


def test_jx306_is_a_warning_under_sichuan_and_a_hint_otherwise(tmp_path):
    low = {"money": money((0, {"executed": 25, "rate": 79.21, "score": 7.92}),
                          (1, {"executed": 25, "rate": 79.21})),
           "rows": rows((0, {"actual": "79.21(%)", "score": 4.4, "reason": None}))}
    [hint] = findings(standard(tmp_path / "m.xlsx", **low), ["JX306"])
    assert hint.severity == "info" and hint.cell == "G6"
    [warning] = findings(sichuan(tmp_path / "s.xlsx"), ["JX306"])
    assert warning.severity == "warning"
    assert findings(sichuan(tmp_path / "r.xlsx", reason="合同尾款次年支付"), ["JX306"]) == []


def test_sichuan_deduction_without_a_score_column_needs_a_reason(tmp_path):
    unmet = [("产出指标", "数量指标", "购置设备数量", "≥", 20, "台", 30, 18, None),
             ("产出指标", "质量指标", "设备验收合格率", "＝", 100, "%", 20, 100, None),
             ("产出指标", "成本指标", "设备购置成本", "≥", 100, "万元", 10, 75, None),
             ("效益指标", "社会效益指标", "基层诊疗能力", "定性", 95, "%", 30, "达成", None),
             ("满意度指标", "服务对象满意度指标", "患者满意度", "≥", 90, "%", 10, 92, None)]
    found = findings(sichuan(tmp_path / "s.xlsx", rows=unmet, reason="尾款"))
    codes = sorted(item.code for item in found)
    # 设备购置成本 “≥100万元” done 75: a deduction as written, met as the ceiling JX205
    # says a cost is — no deduction to explain until the sign is mended (one JX405 before)
    assert codes == ["JX203", "JX205", "JX405"], found
    deductions = [item.message for item in found if item.code == "JX405"]
    assert "得 27 分（满分 30）" in deductions[0]  # 30 × 18/20: scored by the rules, no 得分 column
    assert "定性" in found[0].message


def test_template_cells_overwritten_by_numbers(tmp_path):
    from openpyxl import load_workbook

    from jixiao.samples import sample
    from jixiao.template.build import build_template

    path = tmp_path / "tpl.xlsx"
    build_template(path, table=sample("putuo-1"))
    book = load_workbook(path)
    book["自评表"]["H13"] = 5  # the first score formula, typed over
    book.save(path)
    found = findings(path, ["JX503"])
    assert [(item.cell, item.code) for item in found] == [("H13", "JX503")]
    assert "公式" in found[0].message


@pytest.mark.parametrize("line", [("评分规则", "浙江"), ("评分方法", "按省标准打分"),
                                  ("评分规则：浙江省财政厅评分办法",)])
def test_a_received_tables_rules_text_is_a_description_not_the_templates_cell(tmp_path, line):
    """JX505 is the 评分规则 cell of jixiao's template (its JX_Rules name) only: a 评分方法
    or 评分规则 line of a received table describes how it was scored; the table is
    scored by mof2020 without a finding."""
    book = Book()
    sheet = standard_sheet(book.sheet())
    sheet.line(*line)
    path = book.save(tmp_path / "说明.xlsx")
    [table] = read_tables(path)
    assert table.rules.name == "mof2020" and findings(path) == []


def test_several_tables_are_each_checked(tmp_path):
    book = Book()
    sheet = standard_sheet(book.sheet("两张表"))
    sheet.blank(2)
    standard_sheet(sheet, name="第二个项目", grade="良")
    found = findings(book.save(tmp_path / "two.xlsx"))
    assert [(item.code, item.cell) for item in found] == [("JX502", "B36")]


def test_a_misfiled_cost_outside_the_template_points_at_its_heading(tmp_path):
    """The neighbouring shape of rt23's JX205 fix: a submitted table keeps pointing at
    the 二级 cell it is listed under (only jixiao's template locks that heading)."""
    bad = rows((0, {"level2": "成本指标", "name": "政策知晓率", "target": "≥90%",
                    "actual": "95%"}))
    found = findings(standard(tmp_path / "t.xlsx", rows=bad), ["JX205"])
    assert [(f.cell, f.message) for f in found] == [(
        "C11", "“政策知晓率”是知晓率，不是成本，却列在成本指标下"
            "（应归入效益指标）；“≥”的方向本身没有错")]
