"""A 分值 column printed but left blank on every row, the points written only in the
二级 (or 一级) labels (`数量指标（20分）`): read as the tables without a 分值 column are
(JX108, each label's points bound the 得分 of its rows, JX103), not as 15 missing 分值."""

from test_real_shapes import checked, codes
from workbooks import standard

ROWS = [
    ("产出指标", "数量指标（20分）", "保障学生人数", "≥1200人", "1236人", None, 10, None),
    ("产出指标", "数量指标（20分）", "保障教职工人数", "≥80人", "86人", None, 10, None),
    ("产出指标", "质量指标（10分）", "公用经费足额拨付率", "=100%", "100%", None, 10, None),
    ("产出指标", "时效指标（10分）", "资金拨付及时性", "及时", "及时", None, 10, None),
    ("产出指标", "成本指标（10分）", "生均公用经费标准", "≤800元/生", "800元/生", None, 10, None),
    ("效益指标", "社会效益指标（30分）", "学校正常运转", "保障", "达到预期", None, 30, None),
    ("满意度指标", "服务对象满意度指标（10分）", "师生满意度", "≥90%", "95%", None, 10, None),
]
MONEY = [
    ("年度资金总额", 100, 100, 98.5, 10, 98.5, 9.85),
    ("其中：当年财政拨款", 100, 100, 98.5, "—", 98.5, "—"),
    ("上年结转资金", 0, 0, 0, "—", 0, "—"),
    ("其他资金", 0, 0, 0, "—", 0, "—"),
]
LEVEL1_ROWS = [("产出指标（50分）" if row[0] == "产出指标" else "效益指标（30分）"
                if row[0] == "效益指标" else "满意度指标（10分）",
                row[1].split("（")[0], *row[2:]) for row in ROWS]


def _table(path, rows=ROWS, total=99.85):
    return standard(path, rows=rows, money=MONEY, total=(100, total), grade="优")


def test_points_only_in_the_level2_labels_read_as_no_points_column(tmp_path):
    _, data = checked(_table(tmp_path / "t.xlsx"))
    assert codes(data) == ["JX108"]
    assert (data["total_computed"], data["total_basis"]) == (99.85, "declared")


def test_points_only_in_the_level1_labels_read_as_no_points_column(tmp_path):
    _, data = checked(_table(tmp_path / "t.xlsx", LEVEL1_ROWS))
    assert codes(data) == ["JX108"]


def test_scores_over_a_label_s_points_are_still_found(tmp_path):
    rows = list(ROWS)
    rows[1] = (*rows[1][:6], 12, None)  # 数量指标: 10 + 12 = 22 > 20
    _, data = checked(_table(tmp_path / "t.xlsx", rows, total=99.85))
    found = [(item["code"], item["message"]) for item in data["findings"]]
    assert any(code == "JX103" and "得分合计 22 分，超过标明的分值" in message
               for code, message in found), found
    assert "JX501" in codes(data)  # 101.85 summed, 99.85 written


def test_a_blank_points_column_without_label_points_still_lacks_its_points(tmp_path):
    rows = [(row[0], row[1].split("（")[0], *row[2:]) for row in ROWS]
    _, data = checked(_table(tmp_path / "t.xlsx", rows))
    assert "JX106" in codes(data)
