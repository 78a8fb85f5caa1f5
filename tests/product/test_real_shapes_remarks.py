"""A reason written in the 备注: real tables often end in a 备注 column, and the unit
explains a shortfall there (受疫情影响，部分项目延期开工) — with no 偏差原因 column, or
beside one left empty or holding 无. A reviewer reads the row as explained; before, a
table with both columns said JX405 (JX206) though the 备注 gave the cause. A 备注 that
says nothing (无, 已完成, a unit: 单位：万元) explains nothing, and a table whose 备注
holds notes on full-score rows reads as it did."""

import pytest
from test_real_shapes import checked, codes
from workbooks import PUTUO_1_ROWS, STANDARD, Book, sichuan_head, standard_sheet

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
