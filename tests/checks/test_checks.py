"""The first checks (JX101, JX201): a failing and a passing table each."""

import pytest

from jixiao.checks import REGISTRY, findings_rows, run_checks
from jixiao.model import FundLine, Funds, Indicator, SelfEvaluation, Source


def table(*rows, fund_weight=10.0):
    """rows: (name, target, actual, weight) in one sheet, row 14 on."""
    indicators = []
    for offset, (name, target, actual, weight) in enumerate(rows):
        row = 14 + offset
        indicators.append(Indicator(
            "产出指标", "数量指标", name, target, actual, weight,
            sources={"target": Source("自评表", f"F{row}"), "weight": Source("自评表", f"H{row}")}))
    return SelfEvaluation(
        funds=Funds(total=FundLine("年度资金总额", 10, 10, 10), weight=fund_weight,
                    sources={"weight": Source("自评表", "G7")}),
        indicators=indicators, sources={"weight_total": Source("自评表", "H44")})


def codes(findings):
    return [f.code for f in findings]


def test_jx101_weights_totalling_90_are_an_error():
    findings = run_checks(table(("a", "≥1", "1", 50), ("b", "≥1", "1", 30)), select=["JX101"])
    assert codes(findings) == ["JX101"]
    assert findings[0].severity == "error"
    assert findings[0].where == "自评表!H44"
    assert "90" in findings[0].message


def test_jx101_weights_totalling_100_pass():
    ok = table(("a", "≥1", "1", 50), ("b", "≥1", "1", 30), ("c", "满意", "达成", 10))
    assert run_checks(ok, select=["JX101"]) == []


def test_jx201_missing_target_points_at_its_cell():
    findings = run_checks(table(("满意度", None, "85%", 10), ("b", "≥1", "1", 80)),
                          select=["JX201"])
    assert codes(findings) == ["JX201"]
    assert (findings[0].sheet, findings[0].cell) == ("自评表", "F14")
    assert "满意度" in findings[0].message


def test_jx201_passes_when_every_target_is_there():
    assert run_checks(table(("a", "≥1", "1", 90)), select=["JX201"]) == []


def test_every_check_is_documented_in_chinese():
    for check in REGISTRY.values():
        assert check.doc and "为什么" in check.doc, check.code
        assert check.code.startswith("JX") and check.severity in ("error", "warning", "info")


def test_findings_rows_for_the_result_sheet():
    findings = run_checks(table(("满意度", None, "85%", 10)), select=["JX101", "JX201"])
    rows = findings_rows(findings)
    assert rows[0] == ["代码", "级别", "位置", "说明"]
    assert ["JX101", "错误", "自评表!H44"] == rows[1][:3]
    assert rows[2][:3] == ["JX201", "错误", "自评表!F14"]


def test_the_checks_read_the_cell_facts_of_the_model_whichever_reader_made_it():
    """A table built in code claims no 分值/得分 cell for its 执行率: nothing is asked of
    them; the same values with the money block's 分值 and 得分 columns read are checked."""
    import dataclasses

    built = table(("a", "≥1", "1", 50), ("b", "≥1", "1", 40))
    built.funds = Funds(weight=10.0)  # no 全年预算数 / 全年执行数
    for indicator in built.indicators:
        indicator.score_declared = indicator.weight
    assert [f for f in run_checks(built) if f.code in ("JX307", "JX406")] == []
    read = dataclasses.replace(built, fund_columns=frozenset(("label", "weight", "score")),
                               funds_weight_source="money")
    assert [(f.code, f.message[:8]) for f in run_checks(read) if f.code in ("JX307", "JX406")] \
        == [("JX307", "执行率得分（分值"), ("JX406", "执行率得分未填写")]


def test_numbers_read_as_floats_are_written_as_typed():
    """An .ods, a .docx or a web page gives 69.0 where the .xlsx gives 69: the messages say
    "完成值 69 是指标值 30 的 230%", not "69.0" and "30.0", whatever the format."""
    findings = run_checks(table(("医疗保障次数", 30.0, 69.0, 90), ("b", "无", "无", 0)),
                          select=["JX206", "JX202"])
    messages = " ".join(item.message for item in findings)
    assert "完成值 69 是指标值 30 的 230%（超出 130%）" in messages and ".0" not in messages


def test_each_codes_summary_is_a_whole_sentence_not_its_first_line():
    """`jixiao rules` and the batch's 统计 sheet show each code's summary: the docstring's
    first paragraph, not its first line cut mid-sentence ("…与其下各三级指标之和不等；"),
    and not the code's name said again (rt14-b C4)."""
    from jixiao.checks import REGISTRY

    for code, item in REGISTRY.items():
        assert item.summary.endswith("。"), (code, item.summary)
        assert not item.summary.startswith(item.name), (code, item.summary)
        assert "\n" not in item.summary


def test_a_damaged_at_least_is_scored_as_at_least_and_still_flagged():
    """rt22 (s_ocr_short_P): ≠100.00(%) (a ≥ damaged, DOMAIN.md §3), 95.00(%) done, full
    marks: before, only JX203 and no total; now scored as ≥ — JX402 says 9.5."""
    from jixiao.model import evaluate

    short = table(("指标X", "≠100.00(%)", "95.00(%)", 10), ("b", "≥1", "1", 80))
    short.indicators[0].score_declared = 10.0
    short.indicators[0].sources["score"] = Source("自评表", "I14")
    found = [(f.code, f.where, f.message) for f in run_checks(short, select=["JX203", "JX402"])]
    assert found == [
        ("JX203", "自评表!F14", "“指标X”的年度指标值“≠100.00(%)”：“≠”不是有效的指标性质（多为“≥”"
                              "在转换中损坏），请改为 ≥、＞、＝、≤ 或 ＜；本次已按“≥”计分"),
        ("JX402", "自评表!I14", "“指标X”未达到指标值（指标值 ≠100.00(%)，完成值 95.00(%)），却得满分 10，"
                              "按财政部规则应为 9.5（正向指标：分值 × 实际完成值 ÷ 年度指标值）")]
    assert evaluate(short).total == 99.5


def test_an_overrun_explained_under_the_table_is_explained():
    """rt22e 2: 培训人次 ≥500 done 1000 (200 %), full marks, and the 偏差大或目标未完成原因分析
    row under the table explaining it: explained, as that row explains a deduction (JX405).
    Before: JX206 “未说明原因” beside it. Without the row, JX206."""
    built = table(("培训人次", "≥500人次", "1000人次", 90))
    built.indicators[0].score_declared = 90.0
    assert codes(run_checks(built, select=["JX206"])) == ["JX206"]
    built.reason = "年中追加培训任务，下年度按实际需求调高指标值"
    assert run_checks(built, select=["JX206"]) == []


@pytest.mark.parametrize(("target", "actual", "found"), [
    ("≥1项", "2项", []), ("≥1个", "2个", []), ("≥2场次", "3场次", []),
    ("≥1项", "3项", ["JX206"]), ("≥2个", "4个", ["JX206"]),
    ("≥1%", "2%", ["JX206"]), ("≥1万元", "2万元", ["JX206"])])
def test_one_counted_thing_more_than_asked_is_no_overrun(target, actual, found):
    """rt23 item 4: ≥1项 done 2项 is 100 % over, yet only one thing more — no deviation a
    reviewer wants explained (before: JX206 “超出指标值 ≥1项 的 100%”). Two things more,
    or a share or an amount doubled, still asked about."""
    built = table(("新增便民服务项目", target, actual, 90))
    built.indicators[0].score_declared = 90.0
    assert codes(run_checks(built, select=["JX206"])) == found


def test_jx203_a_bound_written_as_the_actual_is_no_measured_value(tmp_path):
    """rt24 s6: a 完成值 copied from the 指标值 (“≥95%” for “≥95%”) got full marks and
    no word. A bound written with a sign or word before the number is no measured value:
    JX203 at the 完成值, scored as met still. Not 95%以上 beside ≥90% (docs/readings.md:
    at least 95 %, met), 达到96% (what was reached), nor a ＜24小时 指标值's 20小时."""
    from jixiao.pipeline import check_workbook
    from tests.workbooks import standard

    rows = [
        ("产出指标", "数量指标", "活动覆盖率", "≥95%", "≥95%", 20, 20, None),
        ("产出指标", "质量指标", "验收合格率", "≥95%", "不低于96%", 20, 20, None),
        ("产出指标", "时效指标", "响应时间", "＜24小时", "20小时", 20, 20, None),
        ("效益指标", "社会效益指标", "群众知晓率", "≥90%", "95%以上", 20, 20, None),
        ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥95%", "达到96%", 10, 10, None),
    ]
    result = check_workbook(standard(tmp_path / "bound.xlsx", rows=rows))
    found = [(f.code, f.cell, f.message) for f in result.findings if f.code == "JX203"]
    bound = "写的是界限，不是实际完成的数值：已按达到指标值“≥95%”计分，请填写实际测得的数值"
    assert found == [("JX203", "F11", f"“活动覆盖率”的完成值“≥95%”{bound}"),
                     ("JX203", "F12", f"“验收合格率”的完成值“不低于96%”{bound}")]
    assert [(s.value, s.met) for s in result.tables[0].evaluation.scores][:2] == [
        (20.0, True), (20.0, True)]


def test_a_measured_rise_over_a_growth_ceiling_is_scored_as_a_reverse_target(tmp_path):
    """rt24 j c1/d2: 增长≤5% (较上年增长不超过5%, 增幅≤5%) answered 增长7% was read as a
    bound over the ceiling — JX203 “只说明超过…没有写出实际数值” and no total. A change word
    before a number is no bound: a rise of 7 % measured, 20 × (1 − (7 − 5) ÷ 5) = 12. A rise
    written with a bound (增长7%以上) still tells only that it is over: JX203, no score."""
    from jixiao.pipeline import check_workbook
    from tests.workbooks import standard

    rows = [
        ("产出指标", "成本指标", "管护费用增幅", "增长≤5%", "增长7%", 20, 12, "新增管护村庄"),
        ("产出指标", "成本指标", "运维费用增幅", "较上年增长不超过5%", "较上年增长7%", 20, 12,
         "新增管护村庄"),
        ("产出指标", "成本指标", "保洁费用增幅", "增幅≤5%", "增长7%", 20, 12, "新增管护村庄"),
        ("效益指标", "社会效益指标", "人工费用增幅", "增长≤5%", "增长7%以上", 20, 12, "新增管护村庄"),
        ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "95%", 10, 10, None),
    ]
    result = check_workbook(standard(tmp_path / "growth.xlsx", rows=rows))
    found = [(f.code, f.cell, f.message) for f in result.findings if f.code == "JX203"]
    assert found == [("JX203", "F14", "“人工费用增幅”的完成值“增长7%以上”只说明超过指标值“增长≤5%”，"
                      "未达到，且没有写出实际数值：得分无法计算，请填写确切的完成值")]
    assert [(s.value, s.met) for s in result.tables[0].evaluation.scores] == [
        (12.0, False), (12.0, False), (12.0, False), (None, False), (10.0, True)]


def test_jx203_an_overrun_denied_is_a_bound_on_the_met_side(tmp_path):
    """rt24 j s1: 未超过2000元/人 beside ≤2000元/人 was “无法识别…中的数值” (no score, no
    total), and 没有超过2000元 read as ＞2000. An overrun denied is ≤ it: a bound on the met
    side — JX203 “写的是界限”, scored as met."""
    from jixiao.parsing import parse_measure
    from jixiao.pipeline import check_workbook
    from tests.workbooks import standard

    read = [parse_measure(text) for text in ("未超过2000元/人", "没有超过2000元")]
    assert [(m.op, m.value, m.unit) for m in read] == [("<=", 2000.0, "元/人"), ("<=", 2000.0, "元")]
    rows = [
        ("产出指标", "成本指标", "人均服务成本", "≤2000元/人", "未超过2000元/人", 20, 20, None),
        ("产出指标", "数量指标", "服务人数", "≥500人", "520人", 30, 30, None),
        ("效益指标", "社会效益指标", "群众知晓率", "≥90%", "95%", 30, 30, None),
        ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥95%", "96%", 10, 10, None),
    ]
    result = check_workbook(standard(tmp_path / "overrun.xlsx", rows=rows))
    assert [(f.code, f.cell, f.message) for f in result.findings] == [
        ("JX203", "F11", "“人均服务成本”的完成值“未超过2000元/人”写的是界限，不是实际完成的数值："
                         "已按达到指标值“≤2000元/人”计分，请填写实际测得的数值")]
    score = result.tables[0].evaluation.scores[0]
    assert (score.value, score.met) == (20.0, True)


@pytest.mark.parametrize(("reason", "found"), [
    ("受主客观因素影响", ["JX405"]), ("受客观条件限制", ["JX405"]), ("客观原因，未完全达标", ["JX405"]),
    ("受客观条件限制，山区交通不便导致部分农户未能改厕", [])])
def test_jx405_a_cause_named_by_its_kind_explains_no_deduction(reason, found):
    """rt35 r1 x1–x10: 改厕验收合格率 ≥95% done 92%, 9.68 of 10 — a stock phrase naming
    only the kind of cause is no 偏差原因 (before: no finding); a cause after it is."""
    built = table(("改厕验收合格率", "≥95%", "92%", 10), ("b", "≥1", "1", 80))
    built.indicators[0].score_declared = 9.68
    built.indicators[0].reason = reason
    assert codes(run_checks(built, select=["JX405"])) == found
