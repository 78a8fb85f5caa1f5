"""A reason written in the 备注: real tables often end in a 备注 column, and the unit
explains a shortfall there (受疫情影响，部分项目延期开工) — with no 偏差原因 column, or
beside one left empty or holding 无. A reviewer reads the row as explained; before, a
table with both columns said JX405 (JX206) though the 备注 gave the cause. A 备注 that
says nothing (无, 已完成, a unit: 单位：万元) explains nothing, and a table whose 备注
holds notes on full-score rows reads as it did."""

import pytest
from test_real_shapes import checked, codes
from workbooks import PUTUO_1_MONEY, PUTUO_1_ROWS, STANDARD, Book, sichuan_head, standard_sheet

from jixiao.model import Indicator, SelfEvaluation, explained, explains_shortfall, explanation

REASON = "受疫情影响，部分项目延期开工"
WITH_REMARK = (*STANDARD, "备注")
SATISFACTION = 15  # the 满意度 row: ≥95% done 85%, 10 × 85/95 = 8.95


def _deducted(tmp_path, reason, remark, header=WITH_REMARK, gap=0):
    """The Putuo table with its 满意度 row scored 8.95 of 10, ``reason`` in its 偏差原因
    (none without that column), ``remark`` in the 备注 ``gap`` columns further right."""
    rows = []
    for index, row in enumerate(PUTUO_1_ROWS):
        values = list(row[:7]) + ([None] if "偏差原因分析及改进措施" in header else [])
        if index == 4:
            values[3:7] = ["≥95%", "85%", 10, 8.95]
            values[7:] = [reason] if len(values) > 7 else []
        rows.append((*values, *[None] * gap, remark if index == 4 else None))
    book = Book()
    standard_sheet(book.sheet(), rows=rows, header=header, total=(100, 98.93))
    return book.save(tmp_path / "t.xlsx")


def _found(data):
    return [(item["code"], item["cell"]) for item in data["findings"]]


@pytest.mark.parametrize("reason", [None, "无", "——"])
def test_the_remark_explains_where_the_reason_column_says_nothing(tmp_path, reason):
    table, data = checked(_deducted(tmp_path, reason, REASON))
    assert codes(data) == []  # before: JX405 at I15
    satisfaction = table.indicators[4]
    assert satisfaction.reason == REASON
    assert satisfaction.sources["reason"].cell == f"J{SATISFACTION}"  # where it is written


def test_the_reason_column_still_comes_first(tmp_path):
    table, data = checked(_deducted(tmp_path, "样本偏少", REASON))
    assert codes(data) == []
    assert table.indicators[4].reason == "样本偏少"
    assert table.indicators[4].sources["reason"].cell == f"I{SATISFACTION}"


@pytest.mark.parametrize("remark", [None, "无", "已完成", "单位：万元", "万元", "计量单位：%"])
def test_a_remark_saying_nothing_leaves_the_deduction_unexplained(tmp_path, remark):
    """The finding points at the 偏差原因 cell: where the reason belongs."""
    _, data = checked(_deducted(tmp_path, None, remark))
    assert _found(data) == [("JX405", f"I{SATISFACTION}")]
    assert data["findings"][0]["message"] == "“服务对象满意度”扣 1.05 分（8.95/10），未说明偏差原因"


@pytest.mark.parametrize("remark", ["单位：万元", "人次"])
def test_without_a_reason_column_a_unit_in_the_remark_is_no_reason(tmp_path, remark):
    _, data = checked(_deducted(tmp_path, None, remark, header=(*STANDARD[:-1], "备注说明")))
    assert _found(data) == [("JX405", f"I{SATISFACTION}")]  # the 备注说明 cell


def test_a_unit_in_the_reason_column_is_no_reason(tmp_path):
    _, data = checked(_deducted(tmp_path, "单位：个", None))
    assert _found(data) == [("JX405", f"I{SATISFACTION}")]


def test_a_remark_heading_a_block_further_right_is_not_the_tables(tmp_path):
    """备注 five columns right of the 偏差原因 (a notes block's heading): not read."""
    header = (*STANDARD, None, None, None, None, "备注")
    _, data = checked(_deducted(tmp_path, None, REASON, header=header, gap=4))
    assert _found(data) == [("JX405", f"I{SATISFACTION}")]


def _far_exceeded(tmp_path, remark):
    rows = [(*row, None) for row in PUTUO_1_ROWS]
    rows[0] = ("产出指标", "数量指标", "培训场次", "≥12个", "36个", 5, 5, None, remark)
    book = Book()
    standard_sheet(book.sheet(), rows=rows, header=WITH_REMARK)
    return book.save(tmp_path / "t.xlsx")


def test_a_far_exceeded_target_explained_in_the_remark(tmp_path):
    _, data = checked(_far_exceeded(tmp_path, "年中追加任务，下年度调高指标值"))
    assert codes(data) == []  # before: JX206 at I11


def test_a_far_exceeded_target_with_a_unit_in_the_remark_is_still_told(tmp_path):
    _, data = checked(_far_exceeded(tmp_path, "单位：个"))
    assert _found(data) == [("JX206", "I11")]


def test_a_sichuan_shortfall_explained_in_the_remark(tmp_path):
    """四川 two-row header, no 得分: 18 of ≥20 台 with the cause in the 备注 is a told
    shortfall (JX409), no longer an unexplained deduction (JX405 at J8)."""
    book = Book()
    sheet = sichuan_head(book, "四川", (100, 96), "96%")
    row = sheet.line(None, "一级指标", "二级指标", "三级指标", "指标值", None, None, "权重",
                     "实际完成指标值", "偏差原因分析及改进措施", "备注")
    sheet.merge(row, 5, 7)
    sheet.line(None, None, None, None, "指标性质", "指标值", "度量单位")
    for values in [
            ("产出指标", "数量指标", "购置设备数量", "≥", 20, "台", 30, 18, None, REASON),
            ("产出指标", "质量指标", "设备验收合格率", "＝", 100, "%", 20, 100, None, "单位：%"),
            ("产出指标", "成本指标", "设备购置成本", "≤", 100, "万元", 10, 75, None, None),
            ("效益指标", "社会效益指标", "基层诊疗能力", "定性", "明显提升", None, 20, "达成",
             None, "按年度计划"),
            ("满意度指标", "服务对象满意度指标", "患者满意度", "≥", 90, "%", 10, 92, None, None)]:
        sheet.line(None, *values)
    table, data = checked(book.save(tmp_path / "t.xlsx"))
    assert _found(data) == [("JX409", "I8")]
    assert table.indicators[0].sources["reason"].cell == "K8"


NOTES = ["单位：万元", "按年度计划", None, "无", "—"]


@pytest.mark.parametrize("header", [WITH_REMARK, (*STANDARD[:-1], "备注")])
def test_notes_in_the_remark_of_full_score_rows_change_nothing(tmp_path, header):
    """The neighbouring shape: every row met and scored in full, the 备注 holding notes
    — read as before, its texts no 指标值 or 完成值, no finding."""
    reasons = len(header) - 7
    rows = [(*row[:7], *[None] * (reasons - 1), note) for row, note in zip(PUTUO_1_ROWS, NOTES, strict=True)]
    book = Book()
    standard_sheet(book.sheet(), rows=rows, header=header)
    table, data = checked(book.save(tmp_path / "t.xlsx"))
    assert codes(data) == []
    assert [(i.name, i.target, i.actual, i.weight, i.score_declared) for i in table.indicators] \
        == [(*row[2:5], float(row[5]), float(row[6])) for row in PUTUO_1_ROWS]
    assert data["total_computed"] == 99.98


# The rt5 table (a 医保经办 project): 成本 110万元 of ≤100万元 scored 9/10 (row 14) and
# 满意度 85% of ≥90% scored 9.44/10 (row 17), their 偏差原因 (column I) empty; the 备注
# (column J) beside it
MEDICAL = [
    ("产出指标", "数量指标", "参保居民待遇支付人数", "≥96.7万人", "97.2万人", 20, 20, "无"),
    (None, "质量指标", "医保结算准确率", "≥98%", "99.5%", 10, 10, "无"),
    (None, "时效指标", "待遇支付及时率", "≥95%", "98%", 10, 10, "无"),
    (None, "成本指标", "经办服务成本", "≤100万元", "110万元", 10, 9, None),
    ("效益指标", "社会效益指标", "群众看病负担", "明显减轻", "明显减轻", 20, 20, "无"),
    (None, "可持续影响指标", "医保经办服务长效机制", "健全", "健全", 10, 10, "无"),
    ("满意度指标", "服务对象满意度指标", "参保群众满意度", "≥90%", "85%", 10, 9.44, None),
]
COST, SHARE = 3, 6  # MEDICAL's deducted rows
UNEXPLAINED = [
    ("JX405", "I14", "“经办服务成本”扣 1 分（9/10），未说明偏差原因"),
    ("JX405", "I17", "“参保群众满意度”扣 0.56 分（9.44/10），未说明偏差原因")]


def _medical(tmp_path, remarks, rows=MEDICAL, total=98.42):
    """``rows`` with ``remarks`` (row index → 备注) beside the 偏差原因."""
    book = Book()
    standard_sheet(book.sheet(), rows=[(*row, remarks.get(index)) for index, row in enumerate(rows)],
                   header=WITH_REMARK, total=(100, total), money=PUTUO_1_MONEY)
    return book.save(tmp_path / "t.xlsx")


def _told(data):
    return [(item["code"], item["cell"], item["message"]) for item in data["findings"]]


def test_reasons_in_the_remark_explain_both_deductions(tmp_path):
    table, data = checked(_medical(tmp_path, {
        SHARE: "受调查样本影响，部分群众对报销时限不满意，下年度将压缩办理时限",
        COST: "因参保人数增加，经办成本上升，将加强成本控制"}))
    assert _told(data) == []
    assert table.indicators[SHARE].sources["reason"].cell == "J17"


@pytest.mark.parametrize("share, cost", [
    ("指标解释：通过问卷调查抽样，满意人数占调查人数的比例", "数据来源：财务决算报表"),
    ("计算公式：满意人数/调查总人数×100%", "按实际支出金额计算"),
    ("满意人数/调查人数×100%", "评分标准：超支不得分"),
    ("计量单位：%", "单位：万元")])
def test_a_remark_describing_the_indicator_is_no_reason(tmp_path, share, cost):
    """指标解释、数据来源、计算公式、评分标准、how it is counted, a formula, a unit: what
    the indicator is, not why it fell short (19c81ea read them as reasons: no finding).
    JX405 names a description set aside (rt28); a unit says nothing, and is not named."""
    table, data = checked(_medical(tmp_path, {SHARE: share, COST: cost}))
    assert _told(data) == [
        (code, cell, message + ("" if "单位" in remark else f"（备注列的“{remark}”不是偏差原因）"))
        for (code, cell, message), remark in zip(UNEXPLAINED, (cost, share), strict=True)]
    assert table.indicators[SHARE].sources["reason"].cell == "I17"


def test_a_notes_column_explains_no_row(tmp_path):
    """The 备注 holds text on rows scored in full (问卷调查, 财务报表): a notes column,
    so its text on the deducted rows is a note too."""
    notes = {0: "医保信息系统", 1: "医保结算系统", 2: "财务报表", COST: "财务决算", SHARE: "问卷调查"}
    _, data = checked(_medical(tmp_path, notes))
    assert _told(data) == [  # the 备注 set aside, and said so (rt28)
        (code, cell, f"{message}（备注列的“{note}”不是偏差原因）")
        for (code, cell, message), note in zip(UNEXPLAINED, ("财务决算", "问卷调查"), strict=True)]


def test_sources_on_every_row_hide_neither_a_deduction_nor_an_overrun(tmp_path):
    """The rt5 t15 table: 偏差原因 “无” on every row, 数据来源 in every 备注; 35 of ≥10
    次 and 85% of ≥90% are asked about, as before 19c81ea."""
    rows = [(*row[:7], "无") for row in MEDICAL]
    rows[0] = ("产出指标", "数量指标", "开展政策宣传活动", "≥10次", "35次", 20, 20, "无")
    rows[COST] = (None, "成本指标", "经办服务成本", "≤100万元", "98.5万元", 10, 10, "无")
    remarks = dict.fromkeys(range(len(rows)), "数据来源：医保信息系统统计")
    remarks[0], remarks[SHARE] = "数据来源：宣传活动台账", "指标解释：满意人数/调查人数"
    _, data = checked(_medical(tmp_path, remarks, rows, total=99.42))
    assert [(code, cell) for code, cell, _ in _told(data)] == [("JX206", "I11"), ("JX405", "I17")]


def test_a_reason_beside_notes_that_describe_is_still_read(tmp_path):
    """The neighbouring shape: 指标解释 and units on the full rows, the cause on the
    deducted ones — a description is no note of the kind that makes a notes column."""
    remarks = {0: "指标解释：当年享受待遇人数", 1: "单位：%", 2: "无",
               SHARE: REASON, COST: "因参保人数增加，经办成本上升"}
    table, data = checked(_medical(tmp_path, remarks))
    assert _told(data) == []
    assert table.indicators[COST].sources["reason"].cell == "J14"


def test_an_overrun_explained_in_the_remark_makes_no_notes_column(tmp_path):
    """A row scored in full but far beyond its 指标值 has something to explain: its 备注
    is a reason, and the deducted row's 备注 beside it still counts."""
    rows = list(MEDICAL)
    rows[0] = ("产出指标", "数量指标", "开展政策宣传活动", "≥10次", "35次", 20, 20, "无")
    _, data = checked(_medical(tmp_path, {0: "年中追加任务，下年度调高指标值", SHARE: REASON,
                                          COST: "因参保人数增加，经办成本上升"}, rows))
    assert _told(data) == []


# ---------------------------------------------------------------- a note under the table

LOW_RATE_MONEY = [("年度资金总额", 80, 80, 60, 10, 75.0, 7.5),
                  ("其中：当年财政拨款", 80, 80, 60, "—", 75.0, "—")]
CAUSES = "执行率低于90%的原因：2所学校撤并，20万元未支出；满意度未达标因活动内容单一，下年丰富活动项目。"


def _noted(tmp_path, *note):
    """The Putuo table with a 执行率 of 75% and its 满意度 row scored 8.95 of 10, both
    unexplained in their rows; under its 评分等级 the row ``note`` (one cell merged across,
    or a label and its text), then the signature line."""
    rows = [list(row) for row in PUTUO_1_ROWS]
    rows[0][2:5] = ["机房设备采购数量", "≥10台", "10台"]  # no second 执行率 to compare
    rows[4][3:7] = ["≥95%", "85%", 10, 8.95]
    book = Book()
    sheet = standard_sheet(book.sheet(), rows=rows, money=LOW_RATE_MONEY, total=(100, 96.45))
    row = sheet.line(*note)
    sheet.merge(row, len(note), 9)
    sheet.line("单位负责人：王某某", None, None, "填报人：赵某", None, "填报日期：2025年3月5日")
    return book.save(tmp_path / "t.xlsx")


@pytest.mark.parametrize("note", [
    (f"备注：{CAUSES}",), ("备注", CAUSES), (f"说明：{CAUSES}",),
    ("注：满意度偏低是由于部分群众对报销时限不了解；资金执行率受工程延期影响。",),
    (f"偏差原因分析及改进措施：{CAUSES}",)])  # as before
def test_a_note_under_the_table_explaining_the_shortfalls_explains_them(tmp_path, note):
    """rt24 s6: the unit explains the low 执行率 and the deduction in a 备注 (说明) row
    under the 评分等级, as others do in a 偏差原因分析 row there. Before: JX306 at G6 and
    JX405 at I13 though the note gives both causes."""
    table, data = checked(_noted(tmp_path, *note))
    assert _found(data) == []
    text = note[0].split("：", 1)[1] if len(note) == 1 else note[1]
    cell = "A16" if len(note) == 1 else "B16"
    if note[0].startswith("偏差原因分析"):  # the table's 原因 row: explains all it holds
        assert (table.reason, table.sources["reason"].cell, table.notes) == (text, cell, [])
    else:  # a note: explains what it names
        assert (table.notes, table.sources["note"].cell, table.reason) == ([text], cell, None)


@pytest.mark.parametrize("note", [
    ("备注：本表金额单位万元",), ("备注", "本表金额单位：万元"), ("备注：数据来源：财务决算报表",),
    ("备注：以上数据经审核",), ("说明：以上数据经单位负责人审核。",),
    ("填表说明：执行率低于90%的须说明原因，扣分指标须说明偏差原因。",),
    ("说明：扣分指标须说明偏差原因及改进措施（200字以内）",), ("说明：扣分的指标需写明偏差原因",),
    # rt24 f s02/s01: each cleared both before (0 findings)
    ("注：因四舍五入，合计数与分项之和可能存在尾差。",),
    ("注：未完成年度指标值的，需分析原因并提出改进措施。",),
    ("说明：1.扣分指标须在偏差原因分析及改进措施栏说明原因；2.金额单位：万元。",),
    ("说明：本项目执行情况良好，无未完成指标。",), ("说明：各项指标均已完成，没有低于目标值的情况。",),
    ("备注：自评得分低于80分的项目，下一年度预算将予以压减。",),
    ("备注：因满意度与执行率均已达标，本年度无偏差。",)])
def test_a_note_under_the_table_that_explains_nothing_leaves_them_unexplained(tmp_path, note):
    """A note of the table's unit, source, rounding or review, the form's printed prompt, a
    denial (无未完成指标) or a policy (…的项目，…将…) says no cause: the low 执行率 and the
    deduction are still told, where they were."""
    table, data = checked(_noted(tmp_path, *note))
    assert _found(data) == [("JX306", "G6"), ("JX405", "I13")]
    assert (table.reason, table.notes) == (None, [])


@pytest.mark.parametrize(("note", "found"), [
    ("备注：满意度未达标因活动内容单一，下年丰富活动项目。", [("JX306", "G6")]),
    ("备注：执行率低于90%的原因：2所学校撤并，20万元未支出。", [("JX405", "I13")]),
    ("说明：资金未支出。满意度偏低，原因是部分群众对报销时限不了解。", [("JX306", "G6")]),
    ("备注：网络安全防护能力稳步提升，受设备到货延迟影响，部分功能下年上线。",
     [("JX306", "G6"), ("JX405", "I13")])])
def test_a_note_explains_only_the_shortfalls_it_names(tmp_path, note, found):
    """A note explains the 执行率 where a sentence with a cause names it (执行率, 资金),
    an indicator where one names it (满意度 for 服务对象满意度): the rest stays told. Before,
    any such note explained the whole table."""
    table, data = checked(_noted(tmp_path, note))
    assert _found(data) == found


@pytest.mark.parametrize(("note", "explains"), [
    ("执行率低于90%的原因：2所学校撤并", True), ("满意度未达标，因活动内容单一", True),
    ("因活动内容单一", True), ("由于工程延期", True), ("受疫情影响部分活动取消", True),
    ("就业率偏低是部分学员升学导致的", True), ("除就业率外均已完成，就业率未达标因学员升学", True),
    ("满意度未达标，下年丰富活动项目", False),  # a shortfall and a remedy, no cause
    ("本表金额单位万元", False), ("单位：万元", False), ("数据来源：财务决算报表", False),
    ("以上数据经审核", False), ("无", False), ("未完成", False), (None, False),
    ("因四舍五入，合计数与分项之和可能存在尾差", False), ("本项目无未完成指标，因此无偏差", False),
    ("自评得分低于80分的项目，因故将压减预算", False)])
def test_explains_shortfall(note, explains):
    """The one test of a note's words: something said (not ``unexplained``), a cause in a
    sentence that is no denial, rounding, unit, source or policy."""
    assert explains_shortfall(note) is explains


def _table(*names, note):
    return SelfEvaluation(indicators=[Indicator("效益指标", "社会效益指标", name) for name in names],
                          notes=[note])


@pytest.mark.parametrize(("names", "note", "explains"), [
    (("项目完成率", "培训完成率"), "项目完成率未达标因2个项目延期", [True, False]),
    (("项目完成率", "培训完成率"), "完成率未达标因2个项目延期", [True, True]),
    (("学生及家长满意度", "就业率"), "满意度偏低由于食堂改造", [True, False]),
    (("学生及家长满意度（%）", "就业率"), "家长满意度偏低由于食堂改造", [True, False]),
    (("就业率", "学员满意度"), "就业率未达标。原因是部分学员升学", [True, False]),
    (("就业率", "学员满意度"), "就业率未达标。满意度偏低。原因是部分学员升学", [False, True]),
    (("就业率", "学员满意度"), "本年度各项指标完成较好；受疫情影响部分活动取消", [False, False])])
def test_a_note_explains_the_indicators_it_names(names, note, explains):
    """By its 三级 name or a tail of it, the longest tail written winning; a sentence of a
    cause naming none follows the one before it. The 执行率 is named by none of these."""
    table = _table(*names, note=note)
    assert [explained(table, indicator) for indicator in table.indicators] == explains
    assert explained(table) is False


def _noted_below(tmp_path, *lines, rows=None, total=96.45):
    """The ``_noted`` table (``rows`` changed as given: index → cells 3..6, its 总分
    ``total``) with the rows ``lines`` under its 评分等级 — each a tuple of cells, one
    text alone merged across A:I, a ("label", text) pair merged B:I; a ``None`` label under
    a label merges that label down over both; () a blank row — then the signature line."""
    table = [list(row) for row in PUTUO_1_ROWS]
    table[0][2:5] = ["机房设备采购数量", "≥10台", "10台"]
    table[4][3:7] = ["≥95%", "85%", 10, 8.95]
    for index, cells in (rows or {}).items():
        table[index][3:7] = cells
    book = Book()
    sheet = standard_sheet(book.sheet(), rows=table, money=LOW_RATE_MONEY, total=(100, total))
    above = None
    for cells in lines:
        if not cells:  # a blank row
            sheet.blank()
            above = None
            continue
        row = sheet.line(*cells)
        if cells[0] is None and above is not None:
            sheet.merge(above, 1, 1, row)
        sheet.merge(row, len(cells), 9)
        above = row
    sheet.line("单位负责人：王某某", None, None, "填报人：赵某", None, "填报日期：2025年3月5日")
    return book.save(tmp_path / "t.xlsx")


RATE_ITEM = "1.预算执行率偏低的原因是2所学校撤并，20万元未支出。"
SATISFACTION_ITEM = "2.满意度未达标，主要因活动内容单一，下年丰富活动项目。"


@pytest.mark.parametrize("lines", [
    (("说明：",), (RATE_ITEM,), (SATISFACTION_ITEM,)),
    (("备注：",), (RATE_ITEM,), (SATISFACTION_ITEM,)),
    ((f"备注：{RATE_ITEM}",), (SATISFACTION_ITEM,)),
    (("备注", RATE_ITEM), (None, SATISFACTION_ITEM))])
def test_a_note_goes_on_in_the_rows_under_it(tmp_path, lines):
    """rt24 j n1c/n1e/n2a/n2f: the note's items on rows of their own — under a label
    written alone, numbered after the note's first item, or beside its label merged down.
    Before, only the label's row was read: JX306 at G6 and JX405 at I13 (or the JX405 only,
    the 执行率 named on the label's row)."""
    table, data = checked(_noted_below(tmp_path, *lines))
    assert _found(data) == []
    assert table.notes == [f"{RATE_ITEM}；{SATISFACTION_ITEM}"]


@pytest.mark.parametrize("lines", [
    (("说明：",), ("1.本表金额单位为万元。",), ("2.数据来源于财务决算报表。",)),
    ((f"备注：{RATE_ITEM}",), ("满意度未达标，主要因活动内容单一。",)),  # no item, no merge
    ((f"备注：{RATE_ITEM}",), ("说明：满意度调查由第三方开展。",)),  # another label
    ((f"备注：{RATE_ITEM}",), (), (SATISFACTION_ITEM,))])  # a blank row between
def test_rows_not_going_on_with_a_note_are_not_read_with_it(tmp_path, lines):
    """The note ends at a row that is no item of it: the rest stays told as before."""
    table, data = checked(_noted_below(tmp_path, *lines))
    told = [("JX306", "G6"), ("JX405", "I13")] if lines[0] == ("说明：",) else [("JX405", "I13")]
    assert _found(data) == told


@pytest.mark.parametrize(("note", "found"), [
    ("备注：服务对象满意度较上年明显提高，主要因服务内容更加丰富；资金使用规范，因严格执行财务制度。",
     [("JX306", "G6"), ("JX405", "I13")]),
    ("备注：满意度调查由第三方机构开展，因样本覆盖全体服务对象，数据真实可靠。执行率偏低是由于工程款未到结算期。",
     [("JX405", "I13")])])
def test_a_note_naming_an_indicator_with_a_cause_but_no_shortfall_explains_nothing(
        tmp_path, note, found):
    """rt24 j n2b/n2c: a note praising (满意度提高，因…) or telling how the survey was made
    (…由第三方开展，因样本覆盖…) names the indicator with a cause word, of no shortfall.
    Before: both findings vanished."""
    table, data = checked(_noted(tmp_path, note))
    assert _found(data) == found
    satisfaction = next(item for item in data["findings"] if item["code"] == "JX405")
    assert satisfaction["message"] == "“服务对象满意度”扣 1.05 分（8.95/10），未说明偏差原因"


def test_a_note_naming_the_shortfall_by_its_group_explains_its_rows(tmp_path):
    """rt24 j n3a: 时效指标未完成，原因是… names the rows under 时效指标; the 满意度 row the
    note names in no way stays told, and its message says the note leaves it out. Before:
    JX405 at I12 as well, and no word of the note."""
    note = "备注：时效指标未完成，原因是部分项目验收延后；执行率低于90%，因2所学校撤并。"
    table, data = checked(_noted_below(tmp_path, (note,),
                                       rows={2: ["100%", "90%", 20, 18]}, total=94.45))
    assert _found(data) == [("JX405", "I13")]
    assert data["findings"][0]["message"] == \
        "“服务对象满意度”扣 1.05 分（8.95/10），未说明偏差原因（表下备注未写明该指标）"


@pytest.mark.parametrize(("note", "explains"), [
    ("时效指标未完成，原因是项目验收延后", [False, True, True, False]),
    ("产出指标未达标，因项目延期", [True, True, True, False]),
    ("数量指标未完成，因部分老人入住养老机构", [True, False, False, False]),
    ("时效指标完成较好，因资金拨付及时", [False, False, False, False]),
    ("满意度较上年明显提高，主要因服务内容更加丰富", [False, False, False, False]),
    ("满意度偏低是因为服务内容单一", [False, False, False, True])])
def test_a_note_names_the_rows_of_a_group(note, explains):
    """A 二级 (or 一级) name written whole names every row under it — with a shortfall said,
    as a 三级 name must be."""
    table = SelfEvaluation(indicators=[
        Indicator("产出指标", "数量指标", "服务老年人数"),
        Indicator("产出指标", "时效指标", "补贴发放及时率"),
        Indicator("产出指标", "时效指标", "资金拨付及时性"),
        Indicator("满意度指标", "服务对象满意度指标", "老年人满意度")], notes=[note])
    assert [explained(table, indicator) for indicator in table.indicators] == explains


def test_a_note_is_matched_against_the_names_once_for_the_whole_table(monkeypatch):
    """Asking of each of 40 indicators whether a note explains it matches the note's
    sentences (and the clauses of a sentence of several) against the names once, not once
    per indicator (40 × 3 sentences before): same answers, and the first words explaining
    each."""
    import jixiao.model as model

    calls = []
    matched = model._names_in
    monkeypatch.setattr(model, "_names_in", lambda *args: calls.append(1) or matched(*args))
    names = [f"第{number}项工程完成率" for number in range(1, 41)]
    note = "第3项工程完成率偏低，因拆迁延误。第7项工程完成率未达标。原因是材料涨价"
    table = SelfEvaluation(indicators=[Indicator("产出指标", "数量指标", name) for name in names],
                           notes=[note])
    said = {name: explanation(table, indicator)
            for name, indicator in zip(names, table.indicators, strict=True)}
    assert {name: words for name, words in said.items() if words} == {
        "第3项工程完成率": "第3项工程完成率偏低，因拆迁延误",
        "第7项工程完成率": "第7项工程完成率未达标。原因是材料涨价"}
    assert len(calls) == 5  # 3 sentences, the first's 2 clauses
