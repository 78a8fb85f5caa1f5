"""A deduction explained in a 自评报告's text (满意度指标扣1.05分，主要原因是…) while the
table's 偏差原因 cell is empty: the reason is given, in the wrong place — JX405 a warning
saying so, as for a reason written in the 完成值 cell (rt27-r6: docx/D07, docx16/Z3)."""

from test_report_text import _findings, _report, checked
from workbooks import PUTUO_1_ROWS

# A deduction: 服务对象满意度 8.95 of 10 (1.05 off), its 偏差原因 empty; the total 98.93
DEDUCTED = [*PUTUO_1_ROWS[:-1], (*PUTUO_1_ROWS[-1][:5], 10, 8.95, None)]


def test_a_deduction_explained_in_the_report_text_is_a_warning(tmp_path):
    """满意度指标扣1.05分，主要原因是…: the reason is given, in the report's text rather
    than the 偏差原因 column — JX405 a warning saying so, not an error."""
    text = "满意度指标扣1.05分，主要原因是部分参保人对办事时间安排不满意，下一步将优化服务。"
    _, data = checked(_report(tmp_path, text, rows=DEDUCTED, total=(100, 98.93)))
    [found] = _findings(data, "JX405")
    assert found["severity"] == "warning"
    assert "正文" in found["message"] and "偏差原因栏" in found["message"]


def test_zizhous_report_sentence_explains_the_deduction(tmp_path):
    """满意度指标方面共10分，得8.95分，主要是由于…: names it, its score and a cause."""
    text = "满意度指标方面共10分，得8.95分，主要是由于医保政策未能实现全国联网结算。"
    _, data = checked(_report(tmp_path, text, rows=DEDUCTED, total=(100, 98.93)))
    assert [item["severity"] for item in _findings(data, "JX405")] == ["warning"]


def test_a_report_sentence_without_a_cause_explains_nothing(tmp_path):
    text = "满意度指标扣1.05分。"
    _, data = checked(_report(tmp_path, text, rows=DEDUCTED, total=(100, 98.93)))
    assert [item["severity"] for item in _findings(data, "JX405")] == ["error"]


def test_a_report_sentence_naming_the_shortfall_and_its_cause_is_a_warning(tmp_path):
    """服务对象满意度未达标，主要原因是…: no points said, but the indicator named with its
    shortfall and a cause — read as a note under the table would be (rt34 r6 v8_b9)."""
    text = "服务对象满意度未达标，主要原因是部分参保人对办事时间安排不满意。"
    _, data = checked(_report(tmp_path, text, rows=DEDUCTED, total=(100, 98.93)))
    [found] = _findings(data, "JX405")
    assert found["severity"] == "warning" and "自评报告正文" in found["message"]


def test_a_report_sentence_naming_the_shortfall_without_a_cause_explains_nothing(tmp_path):
    text = "服务对象满意度未达标。"
    _, data = checked(_report(tmp_path, text, rows=DEDUCTED, total=(100, 98.93)))
    assert [item["severity"] for item in _findings(data, "JX405")] == ["error"]
