"""Round 26 (red team rt26/c, wb09_units.py): an amount per person and period written
元/人·月 in the 指标值 and 元/人/月 in the 完成值 (units copy targets from the 绩效目标表
as it was typed) is one unit; the period is never dropped (each test fails on 07d5364)."""

from test_real_shapes import checked
from workbooks import Book, standard_sheet

_ROWS = [
    ("产出指标", "数量指标", "高龄津贴发放人数", "≥5200人", "5316人", 20, 20, None),
    ("产出指标", "质量指标", "补贴发放准确率", "100%", "100%", 10, 10, None),
    ("产出指标", "成本指标", "80-89周岁高龄津贴标准", "100元/人·月", "100元/人/月", 10, 10, None),
    ("产出指标", "成本指标", "特困人员供养标准", "≤1200元/（人·月）", "1150元/人/月", 10, 10, None),
    ("效益指标", "社会效益指标", "老年人生活质量", "明显提高", "明显提高", 30, 30, None),
    ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "97.2%", 10, 10, None),
]


def test_an_amount_per_person_and_month_in_either_spelling_is_scored(tmp_path):
    """Before: JX204 F13 “元/人·月”与“元/人/月”无法比较, JX204 F14 “元/”与“元/人/月”
    (the bracketed 人·月 cut off as a note), and no 总分 nor grade computed."""
    book = Book()
    standard_sheet(book.sheet(), rows=_ROWS)
    _table, data = checked(book.save(tmp_path / "t.xlsx"))
    assert data["findings"] == []
    assert (data["total_computed"], data["grade_computed"]) == (99.98, "优")
    assert [(row["name"], row["score_computed"], row["met"]) for row in data["indicators"][2:4]] \
        == [("80-89周岁高龄津贴标准", 10.0, True), ("特困人员供养标准", 10.0, True)]


def test_a_yearly_amount_per_person_beside_a_monthly_one_stays_incomparable(tmp_path):
    """元/人/年 is no 元/人 (before: the 年 dropped, the message quoted “元/人”): each unit
    quoted whole."""
    rows = list(_ROWS)
    rows[3] = ("产出指标", "成本指标", "特困人员供养标准", "≤14400元/人/年", "1150元/人/月", 10, 10,
               None)
    book = Book()
    standard_sheet(book.sheet(), rows=rows)
    _table, data = checked(book.save(tmp_path / "t.xlsx"))
    assert [(f["code"], f["cell"], f["message"]) for f in data["findings"]] == [
        ("JX204", "F14", "“特困人员供养标准”的指标值单位“元/人/年”与完成值单位“元/人/月”无法比较")]
