"""A deduction explained in the table's own 自评结论 (自评结论：…其中服务对象满意度未达标，原因是
问卷回收率低) while the row's 偏差原因 cell is empty: the reason is given, in the wrong
place — JX405 a warning saying so and pointing at the empty 偏差原因 cell, as for a reason
written in a Word report's text (rt34 r6 v8_b9). A conclusion naming no indicator, or
naming it without a cause, explains nothing: JX405 stays an error."""

import json

import pytest
from workbooks import PUTUO_1_ROWS, Book, standard_sheet

from jixiao.pipeline import check_workbook
from jixiao.report.json import json_report

# 服务对象满意度 ≥90% done 85%: 10 × 85/90 = 9.44 (0.56 off), its 偏差原因 (I15) empty;
# total 9.98 + 5 + 25 + 20 + 30 + 9.44 = 99.42
DEDUCTED = [*PUTUO_1_ROWS[:-1],
            ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "85%", 10, 9.44, None)]
SAID = "本项目自评得分99.42分，评价等级为优。"


def _book(tmp_path, *lines, conclusion=None):
    """The standard table with the deduction; ``lines`` typed under its 评分等级 (each a row,
    its one text merged across), or ``conclusion`` as 自评结论 | <text>."""
    book = Book()
    sheet = standard_sheet(book.sheet(), rows=DEDUCTED, total=(100, 99.42),
                           conclusion=conclusion)
    for text in lines:
        sheet.merge(sheet.line(text), 1, 9)
    return book.save(tmp_path / "t.xlsx")


def _jx405(path):
    [result] = [check_workbook(path)]
    assert result.error is None, result.error
    data = json.loads(json_report([result]))
    return [item for item in data["findings"] if item["code"] == "JX405"]


@pytest.mark.parametrize("lines, conclusion", [
    ((), SAID + "其中服务对象满意度未达标，原因是问卷回收率低。"),  # 自评结论 | <text>
    (("自评结论：" + SAID + "满意度未达标主要是体检等候时间较长。",), None),  # one cell (v8_b9)
    (("自评结论", SAID + "服务对象满意度未达标。原因是问卷回收率低。"), None),  # heading / text
    (("总体评价：" + SAID + "服务对象满意度受等候时间较长影响未达标。",), None),
    # the cause clause with no subject of its own, before or after the shortfall
    ((), SAID + "因等候时间较长，服务对象满意度未达标。"),
    ((), SAID + "服务对象满意度为85%，未达标主要是由于等候时间较长。"),
    ((), SAID + "服务对象满意度未达标。这主要是由于等候时间较长。"),
])
def test_a_deduction_explained_in_the_conclusion_is_a_warning(tmp_path, lines, conclusion):
    [found] = _jx405(_book(tmp_path, *lines, conclusion=conclusion))
    assert found["severity"] == "warning"
    assert found["cell"] == "I15"  # the empty 偏差原因 cell, where the reason belongs
    assert "自评结论" in found["message"] and "应写在偏差原因栏" in found["message"]
    assert "满意度" in found["message"]


@pytest.mark.parametrize("text", [
    "受疫情影响，部分指标未完成。",  # names no indicator
    "服务对象满意度未达标。",  # names it, no cause
    "网络安全防护能力未达标，原因是设备老化。",  # names another
    "服务对象满意度调查由第三方开展，因样本覆盖全体服务对象。",  # a cause word, no shortfall
    # rt35 r7: a cause given for something else, in the next sentence or the next clause
    "共服务群众520人次，服务对象满意度85%。受疫情影响，部分活动推迟至11月。",  # a14
    "存在的问题：1.服务对象满意度为85%，未达到90%的目标。2.受药品价格下跌影响，群众获益不明显。",  # a12
    "满意度较上年有所提高。受疫情影响，门诊量不足。",  # a5
    "服务对象满意度达85%，门诊量不足主要是由于疫情。",  # a9
    "服务对象满意度85%，较上年提高。由于部分医生外出进修，门诊出诊率偏低。",  # a11
    "服务对象满意度85%，部分活动因疫情推迟。",  # the shortfall another's, the same sentence
    # 因时制宜 / 因地制宜 is no cause (a13)
    "服务对象满意度未达到年度目标。下一步将加强服务组织，因时制宜安排服务时间。",
    "服务对象满意度未达到年度目标，下一步将因地制宜改进服务。",
])
def test_a_conclusion_that_does_not_explain_the_deduction_leaves_the_error(tmp_path, text):
    [found] = _jx405(_book(tmp_path, "自评结论：" + SAID + text))
    assert found["severity"] == "error" and found["cell"] == "I15"
