"""Round 27: a table without a 得分 column (四川) whose rules' 总分 is not one number. A
部分达成 row gives a range: a written 总分 outside it is JX501 (before, 83dff4a: nothing —
JX501 returned where the rules gave no one total). A row no rule scores (完成值 “见附件”)
leaves no total at all: JX410 says once that the table writes no scores, what the rules
give the rest and that the written 总分 is unchecked (before: “其余各项得分合计 79.6” — of
scores the table never wrote — and the 95 unmentioned)."""

from openpyxl import load_workbook
from test_real_shapes import checked
from workbooks import sichuan

# 权重 90 + the 执行率's 10 (四川: 96 ÷ 100 = 96 %, 9.6): met rows 20 + 20 + 10 + 10 = 60
ROWS = [("产出指标", "数量指标", "购置设备数量", "≥", 20, "台", 20, 20, None),
        ("产出指标", "质量指标", "设备验收合格率", "＝", 100, "%", 20, 100, None),
        ("产出指标", "成本指标", "设备购置成本", "≤", 100, "万元", 10, 75, None),
        ("效益指标", "社会效益指标", "基层诊疗能力", "定性", "明显提升", None, 30, "达成", None),
        ("满意度指标", "服务对象满意度指标", "患者满意度", "≥", 90, "%", 10, 92, None)]
PARTLY = (*ROWS[3][:7], "部分达成", "设备到货较晚，培训未全部开展")


def _table(path, rows, total=None):
    sichuan(path, rate="96%", money=(100, 96), rows=rows)
    if total is not None:
        book = load_workbook(path)
        sheet = book.active
        row = sheet.max_row + 1
        sheet.cell(row, 2, "总分")
        sheet.cell(row, 8, total)
        book.save(path)
    return path


def _said(data):
    return [(f["code"], f["severity"], f["message"]) for f in data["findings"]]


def test_a_written_total_outside_the_bands_range_is_a_jx501(tmp_path):
    """基层诊疗能力 部分达成: 60–80 % of 30 = 18–24; 60 + 9.6 + 18–24 = 87.6–93.6; 95 is
    above it."""
    _, data = checked(_table(tmp_path / "t.xlsx", [*ROWS[:3], PARTLY, ROWS[4]], 95))
    assert ("JX501", "warning",
            "总分写为 95；表中没有得分列，按四川省规则各项得分之和在 87.6–93.6 之间"
            "（“基层诊疗能力”为部分达成，得分应在 18–24 之间）") in _said(data)


def test_a_written_total_inside_the_bands_range_stands(tmp_path):
    _, data = checked(_table(tmp_path / "t.xlsx", [*ROWS[:3], PARTLY, ROWS[4]], 90))
    assert "JX501" not in [code for code, _, _ in _said(data)]


def test_no_total_at_all_says_the_table_writes_no_scores_once(tmp_path):
    """购置设备数量 “见附件”: no rule scores it; the rest 20 + 10 + 30 + 10 + 9.6 = 79.6."""
    rows = [(*ROWS[0][:7], "见附件", None), *ROWS[1:]]
    _, data = checked(_table(tmp_path / "t.xlsx", rows, 95))
    assert [said for said in _said(data) if said[0] in ("JX410", "JX501")] == [
        ("JX410", "warning", "表中没有得分列，总分按规则计算，但无法算出：1 项得分待定（“购置设备数量”）；"
                             "其余各项按四川省规则合计 79.6；填报的总分 95 无法核对")]
    _, data = checked(_table(tmp_path / "u.xlsx", rows))
    assert [said for said in _said(data) if said[0] in ("JX410", "JX501")] == [
        ("JX410", "warning", "表中没有得分列，总分按规则计算，但无法算出：1 项得分待定（“购置设备数量”）；"
                             "其余各项按四川省规则合计 79.6")]
