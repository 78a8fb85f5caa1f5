"""重庆's 部门整体绩效自评表 (red team round 9, T1: 西部(重庆)科学城融媒体中心 2021): a flat
指标名称 list without 一级 or 二级 columns, a 得分系数（%） column beside 指标权重（分） and
指标得分（分）, and a money block whose one amount row is labelled only by the block's
header 部门预算执行情况（万元） merged down beside it, its points headed 执行率权重 and its
score 执行率得分（分）."""

import pytest
from test_real_shapes import checked, codes
from workbooks import Book

MONEY_HEADER = ("年初预算数", "全年（调整）预算数", "全年执行数", "执行率（%）", "执行率权重",
                "执行率得分（分）")
# (指标名称, 计量单位, 指标性质, 年初指标值, 全年完成值, 得分系数, 指标权重, 指标得分)
ROWS = [("组织宣传活动次数", "次", "定量指标", "≥40次", "43次", "100%", 40, 40),
        ("播发稿件数量", "篇", "定量指标", "≥2200篇", "2859篇", "100%", 40, 40),
        ("服务对象满意度", "%", "定量指标", "≥90%", "95%", "100%", 10, 10)]


def chongqing(path, rows=ROWS, *, coefficient="得分系数（%）", label=None, merged=True,
              money=(100, 100, 76, "76%", 10, 7.6), total=97.6, block="部门预算执行情况（万元）"):
    """The 重庆 form; ``coefficient``: the coefficient column's header (None: no such
    column); ``label``: the money row's own label (None: only the block's, merged down
    over the row where ``merged``)."""
    book = Book()
    sheet = book.sheet("部门整体")
    sheet.line("部门整体绩效自评表")
    sheet.line("主管部门", "某融媒体中心", None, None, None, None, "自评总分（分）", None, total)
    top = sheet.line(block, *MONEY_HEADER)
    sheet.line(label, *money)
    if merged and label is None:
        sheet.merge(top, 1, 1, top + 1)
    lead = ("绩效指标", "指标名称", "计量单位", "指标性质", "年初指标值", "全年完成值")
    tail = ("指标权重（分）", "指标得分（分）", "是否核心指标")
    sheet.line(*lead, *((coefficient,) if coefficient else ()), *tail)
    for name, unit, kind, target, actual, share, weight, score in rows:
        sheet.line(None, name, unit, kind, target, actual, *((share,) if coefficient else ()),
                   weight, score, "否")
    return book.save(path)


# ------------------------------------------------------------ 得分系数 is no score


@pytest.mark.parametrize("coefficient", ["得分系数（%）", "得分率", "得分率(%)", "完成系数"])
def test_a_score_coefficient_column_is_not_the_score(tmp_path, coefficient):
    """T1 H: 得分系数（%） 100% was read as a score of 100 (JX401 on every row, JX501 "各项
    得分之和为 2100", JX404/JX408); the score is 指标得分（分）."""
    table, data = checked(chongqing(tmp_path / "t.xlsx", coefficient=coefficient,
                                    label="年度资金总额"))
    assert [i.score_declared for i in table.indicators] == [40, 40, 10]
    assert not {"JX401", "JX404", "JX408", "JX501"} & set(codes(data)), data["findings"]
    assert data["total_computed"] == pytest.approx(97.6)


def test_a_wrong_score_beside_a_coefficient_is_still_flagged(tmp_path):
    """Under the new reading a real mistake is still found: a missed target scored full
    marks (JX402), a score above its 分值 (JX401). The 总分 97.6 written counts that 45 as
    its 40 — the total the rules allow — so it is no JX501 (the score is what to change);
    a 总分 that is neither sum is."""
    rows = [(*ROWS[0][:4], "30次", "100%", 40, 40), (*ROWS[1][:7], 45), ROWS[2]]
    _, data = checked(chongqing(tmp_path / "t.xlsx", rows, label="年度资金总额"))
    found = codes(data)
    assert "JX402" in found and "JX401" in found and "JX501" not in found, data["findings"]
    _, data = checked(chongqing(tmp_path / "u.xlsx", rows, label="年度资金总额", total=99))
    assert "JX501" in codes(data), data["findings"]


# ------------------------------------------------------------ the money row without a label

STANDARD_ROWS = [("产出指标", "数量指标", "组织宣传活动次数", "≥40次", "43次", 50, 50, None),
                 ("效益指标", "社会效益指标", "播发稿件数量", "≥2200篇", "2859篇", 30, 30, None),
                 ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "95%", 10, 10, None)]


def standard_with_block_label(path, money=(100, 100, 76, "76%", 10, 7.6), merged=True,
                              header=MONEY_HEADER):
    """The standard indicators under the 重庆 money block (red team r5)."""
    book = Book()
    sheet = book.sheet()
    sheet.line("部门整体绩效自评表")
    sheet.line("主管部门", "某融媒体中心", None, None, None, "自评总分（分）", 97.6)
    top = sheet.line("部门预算执行情况（万元）", *header)
    sheet.line(None, *money)
    if merged:
        sheet.merge(top, 1, 1, top + 1)
    sheet.indicators(STANDARD_ROWS)
    sheet.total(100, 97.6)
    return book.save(path)


@pytest.mark.parametrize("merged", [True, False])
@pytest.mark.parametrize("shape", ["chongqing", "standard"])
def test_the_money_row_labelled_only_by_the_block_is_the_total(tmp_path, shape, merged):
    """T1: 部门预算执行情况（万元） merged down over its one amount row, which has no label
    of its own — the row was not read (JX101 "分值合计为 90", JX501 "各项得分之和为 90",
    the 76 % without a reason unreported). It is the 年度资金总额 line: 执行率权重 10 its
    points, 执行率得分（分） 7.6 its score."""
    build = chongqing if shape == "chongqing" else standard_with_block_label
    table, data = checked(build(tmp_path / "t.xlsx", merged=merged))
    funds = table.funds
    assert (funds.total.budget, funds.total.executed) == (100, 76)
    assert (funds.weight, funds.score_declared) == (10, 7.6)
    assert not {"JX101", "JX501"} & set(codes(data)), data["findings"]
    assert "JX306" in codes(data)  # 76 % and no reason anywhere
    assert data["total_computed"] == pytest.approx(97.6)


@pytest.mark.parametrize("block", ["部门预算执行情况（万元）", "项目经费（万元）", "资金情况"])
def test_a_wrong_execution_score_in_the_unlabelled_row_is_flagged(tmp_path, block):
    """The row read, its mistakes are found: 执行率得分 9 for 76 % of 10 (JX302), a rate
    written 80 % for 76 of 100 (JX301), and the 总分 that counts the 9 (JX501)."""
    _, data = checked(chongqing(tmp_path / "t.xlsx", money=(100, 100, 76, "80%", 10, 9),
                                block=block, total=99))
    assert {"JX301", "JX302"} <= set(codes(data)), data["findings"]


def test_the_execution_points_and_score_named_after_the_rate_are_read(tmp_path):
    """执行率权重 | 执行率得分（分） beside 执行率（%） are the 执行率's 分值 and 得分, not two
    more 执行率 columns: a wrong 执行率得分 in a labelled row is JX302 (before: unread)."""
    table, data = checked(chongqing(tmp_path / "t.xlsx", label="年度资金总额",
                                    money=(100, 100, 76, "76%", 10, 9), total=99))
    assert (table.funds.weight, table.funds.score_declared) == (10, 9)
    assert "JX302" in codes(data), data["findings"]


def test_an_amount_row_with_a_label_of_its_own_is_not_taken_for_the_total(tmp_path):
    """A row under the block with a text of its own that names no money line (说明) is
    no money line: the block stays unread as before, nothing is invented."""
    table, _ = checked(chongqing(tmp_path / "t.xlsx", label="说明"))
    assert table.funds.total is None or table.funds.total.executed is None


def test_a_money_row_with_its_amounts_lost_keeps_its_rate_points_and_score(tmp_path):
    """T1 as published online: the amounts lost, 执行率 76% | 10 | 7.6 kept — the row is
    still the 执行率's (no JX101 "分值合计为 90"); the score is not checkable (JX307)."""
    table, data = checked(chongqing(tmp_path / "t.xlsx", money=(None, None, None, "76%", 10, 7.6)))
    assert (table.funds.weight, table.funds.score_declared) == (10, 7.6)
    assert table.funds.total.rate_declared == 76
    assert "JX101" not in codes(data) and "JX501" not in codes(data), data["findings"]


# ------------------------------------------------------------ no 一级 column; its rule set


def test_a_flat_indicator_list_misses_no_level1(tmp_path):
    """重庆's form has no 一级 or 二级 column: JX104 "缺少一级指标 产出/效益/满意度" three
    times was false. A table with a 一级 column still misses its 满意度 (JX104)."""
    _, data = checked(chongqing(tmp_path / "t.xlsx", label="年度资金总额"))
    assert "JX104" not in codes(data), data["findings"]
    book = Book()
    sheet = book.sheet()
    sheet.money([("年度资金总额", 100, 100, 100, 10, "100%", 10)])
    sheet.indicators([(*STANDARD_ROWS[0][:5], 60, 60, None), *STANDARD_ROWS[1:2]])
    sheet.total(100, 100)
    _, data = checked(book.save(tmp_path / "s.xlsx"))
    assert [f["message"] for f in data["findings"] if f["code"] == "JX104"] == [
        "缺少一级指标“满意度指标”"]


def test_the_chongqing_form_is_scored_by_the_default_rules(tmp_path):
    """指标性质 (定量指标/定性指标) in a flat 指标名称 list is 重庆's form, not 四川's
    (一级 | 二级 | 三级 | 指标性质 …): its 执行率权重 is no 四川 money block, the rule set
    the default mof2020 (before: "评分规则 sichuan", the 76 % a warning)."""
    _, data = checked(chongqing(tmp_path / "t.xlsx"))
    assert data["rules"] == "mof2020"
    assert [(f["code"], f["severity"]) for f in data["findings"]] == [("JX306", "info")]


def test_the_unlabelled_money_row_below_the_indicators_is_no_indicator(tmp_path):
    """The same block printed under the indicator rows: its amount row is the money line,
    not an indicator "100" (JX106, JX203 before)."""
    book = Book()
    sheet = book.sheet("部门整体")
    sheet.line("部门整体绩效自评表")
    sheet.line("主管部门", "某融媒体中心", None, None, None, None, "自评总分（分）", None, 97.6)
    sheet.line("绩效指标", "指标名称", "计量单位", "指标性质", "年初指标值", "全年完成值", "得分系数（%）",
               "指标权重（分）", "指标得分（分）", "是否核心指标")
    for row in ROWS:
        sheet.line(None, *row, "否")
    top = sheet.line("部门预算执行情况（万元）", *MONEY_HEADER)
    sheet.line(None, 100, 100, 76, "76%", 10, 7.6)
    sheet.merge(top, 1, 1, top + 1)
    table, data = checked(book.save(tmp_path / "t.xlsx"))
    assert [i.name for i in table.indicators] == [row[0] for row in ROWS]
    assert (table.funds.total.executed, table.funds.weight, table.funds.score_declared) == (76, 10, 7.6)
    assert codes(data) == ["JX306"], data["findings"]
