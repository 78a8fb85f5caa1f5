"""An evaluator's 扣分理由 on a row scored by an evaluation criterion — any row of a 第三方
评价指标体系, a 决策 or 过程 row — is its reason, though it speaks of targets: 目标值偏低
on 绩效目标合理性 says why the targets were marked down (rt32 r8 n5: before, read as the
shortfall restated, JX405 “扣 2 分（4/6），未说明偏差原因”). On a 自评表's own rows the same
words still restate the shortfall (tests/product/test_real_shapes_rt27_restated.py).

The table (n5_keyeval_deduct): 决策 6 + 4 + 8 = 18; 过程 4.5 + 4 + 8 = 16.5; 产出 15 + 9 +
10 + 5 = 39; 效益 9 + 10 = 19; 18 + 16.5 + 39 + 19 = 92.5; 扣分 2 + 1.5 + 2 + 1 + 1 = 7.5."""

import json

import pytest
from workbooks import Book

from jixiao.pipeline import check_workbook
from jixiao.report.json import json_report

HEADER = ("一级指标", "二级指标", "三级指标", "分值", "评分标准", "扣分", "得分", "扣分理由")
AIM_ROW = 6  # 绩效目标合理性: 分值 6, 扣 2, 得 4


def _key_evaluation(path, aim_reason, output_reason="准确率99%"):
    """n5_keyeval_deduct: a 重点评价 score sheet under its money line, ``aim_reason`` the
    绩效目标合理性 row's 扣分理由 (H6), ``output_reason`` the 补贴发放准确率 row's (H13)."""
    book = Book()
    sheet = book.sheet("评分表")
    sheet.line("居家养老服务补贴项目绩效评价指标体系及评分表")
    sheet.line("项目名称", "居家养老服务补贴")
    sheet.line("全年预算数（万元）", 300, "全年执行数（万元）", 276, "执行率", "92%")
    sheet.line(*HEADER)
    for row in [
            ("决策", "项目立项", "立项依据充分性", 6, "依据充分得6分，每缺一项扣2分", 0, 6, None),
            (None, "绩效目标", "绩效目标合理性", 6, "合理得6分，否则酌情扣分", 2, 4, aim_reason),
            (None, "资金投入", "预算编制科学性", 8, "科学得8分，否则酌情扣分", 0, 8, None),
            ("过程", "资金管理", "预算执行率", 6, "执行率≥95%得满分，每降低1%扣0.5分", 1.5, 4.5,
             "执行率92%"),
            (None, None, "资金使用合规性", 6, "合规得6分，发现一处问题扣2分", 2, 4, "1笔补贴重复发放"),
            (None, "组织实施", "管理制度健全性", 8, "健全得8分", 0, 8, None),
            ("产出", "产出数量", "享受补贴老人数", 15, "完成率100%得满分，每降低1%扣0.5分", 0, 15, None),
            (None, "产出质量", "补贴发放准确率", 10, "100%得满分，每降低1%扣1分", 1, 9, output_reason),
            (None, "产出时效", "补贴发放及时性", 10, "及时得满分，每延迟一月扣2分", 0, 10, None),
            (None, "产出成本", "成本控制", 5, "未超预算得满分", 0, 5, None),
            ("效益", "社会效益", "老年人生活质量改善", 10, "明显改善得满分", 1, 9, "部分老人认为改善不明显"),
            (None, "满意度", "服务对象满意度", 10, "≥90%得满分，每降低1%扣0.5分", 0, 10, None)]:
        sheet.line(*row)
    sheet.line("合计", None, None, 100, None, 7.5, 92.5)
    return book.save(path)


def checked(path):
    result = check_workbook(path)
    assert result.error is None, result.error
    return json.loads(json_report([result]))


def _jx405(data):
    return [(finding["cell"], finding["severity"]) for finding in data["findings"]
            if finding["code"] == "JX405"]


@pytest.mark.parametrize("reason", ["目标值偏低", "指标值低于上年实际完成值", "低于目标值",
                                    "绩效目标值设定偏低，未体现项目实际产出"])
def test_an_evaluators_reason_on_a_decision_row_is_a_reason(tmp_path, reason):
    data = checked(_key_evaluation(tmp_path / "n5.xlsx", reason))
    assert data["layout"] == "third_party"
    assert data["total_declared"] == data["total_computed"] == 92.5
    assert _jx405(data) == []


@pytest.mark.parametrize("reason", ["低于目标值", "未达到目标值"])
def test_an_evaluators_reason_on_an_output_row_of_an_index_system_is_a_reason(tmp_path, reason):
    """Any row of a 第三方 index system is scored by its criterion: 补贴发放准确率 扣 1 分
    (9/10), “低于目标值” is the evaluator's reason for it."""
    data = checked(_key_evaluation(tmp_path / "n5.xlsx", "目标值偏低", reason))
    assert _jx405(data) == []


@pytest.mark.parametrize("reason", [None, "无", "偏低", "未达到", "未完成"])
def test_no_reason_on_a_decision_row_is_still_none(tmp_path, reason):
    """Blank, 无, and the bare words of a shortfall (偏低, 未达到: of what?) explain nothing
    on an evaluator's row either."""
    data = checked(_key_evaluation(tmp_path / "n5.xlsx", reason))
    assert _jx405(data) == [(f"H{AIM_ROW}", "error")]
