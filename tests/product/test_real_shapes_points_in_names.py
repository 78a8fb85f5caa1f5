"""Tables whose points stand in the names, not in a 分值 column: the 湖南 部门整体支出绩效
评价得分表 (2017): 一级指标 | 二级指标 | 三级指标 | 得分, "相关性（5分）" in every name and
"部门决策（25分）" in the headings over them."""

import pytest
from test_real_shapes import checked, codes
from workbooks import Book

# (一级, 二级, 三级, 得分): 一级/二级 written once, merged down over their rows
HUNAN_ROWS = [
    ("部门决策（25分）", "目标任务（15分）", "相关性（5分）", 5),
    (None, None, "明确性（5分）", 5),
    (None, None, "合理性（5分）", 5),
    (None, "预算编制（10分）", "测算依据（5分）", 2),
    (None, None, "目标管理（5分）", 4),
    ("综合管理（30分）", "信息公开（30分）", "预算公开（30分）", 30),
    ("部门绩效情况（45分）", "履职成效（35分）", "重点工作完成情况（35分）", 35),
    (None, "满意度（10分）", "社会公众满意度（10分）", 10),
]


def hunan(path, rows=HUNAN_ROWS, total=96, grade=None, merged=True):
    book = Book()
    sheet = book.sheet("得分表")
    sheet.line("2017年部门整体支出绩效评价得分表")
    sheet.line("一级指标", "二级指标", "三级指标", "得分")
    first = None
    heads = {1: None, 2: None}
    for row in rows:
        at = sheet.line(*row)
        first = first or at
        for column in (1, 2):
            if row[column - 1] is not None:
                if heads[column] is not None and merged and at - 1 > heads[column]:
                    sheet.merge(heads[column], column, column, at - 1)
                heads[column] = at
    end = sheet.line("总分", None, None, total)
    for column in (1, 2):
        if merged and end - 1 > heads[column]:
            sheet.merge(heads[column], column, column, end - 1)
    if grade is not None:
        sheet.line("评价等次", None, None, grade)
    return book.save(path)


@pytest.mark.parametrize("merged", [True, False])
def test_points_in_names_are_the_weights(tmp_path, merged):
    table, data = checked(hunan(tmp_path / "hunan.xlsx", merged=merged))
    assert [(row.name, row.weight, row.score_declared) for row in table.indicators] == [
        (name.split("（")[0], float(name.split("（")[1].rstrip("分）")), score)
        for _, _, name, score in HUNAN_ROWS]
    assert [row.level2 for row in table.indicators][:4] == [
        "目标任务（15分）", "目标任务（15分）", "目标任务（15分）", "预算编制（10分）"]
    assert [item for item in data["findings"] if item["severity"] in ("error", "warning")] == []
    assert (data["total_computed"], data["grade_computed"]) == (96, "优")


def test_points_in_names_total_and_grade(tmp_path):
    _, data = checked(hunan(tmp_path / "hunan.xlsx", total=96))
    assert "JX501" not in codes(data)
    _, data = checked(hunan(tmp_path / "wrong-total.xlsx", total=90))
    assert "JX501" in codes(data)
    _, data = checked(hunan(tmp_path / "wrong-grade.xlsx", grade="良"))
    assert codes(data) == ["JX502"]


def test_points_in_names_score_above_points_is_flagged(tmp_path):
    rows = list(HUNAN_ROWS)
    rows[3] = (None, "预算编制（10分）", "测算依据（5分）", 7)
    _, data = checked(hunan(tmp_path / "above.xlsx", rows=rows, total=101))
    assert "JX401" in codes(data)


def test_points_in_names_heading_against_rows(tmp_path):
    rows = list(HUNAN_ROWS)
    rows[0] = ("部门决策（25分）", "目标任务（20分）", "相关性（5分）", 5)  # 3 × 5 is 15, not 20
    _, data = checked(hunan(tmp_path / "heading.xlsx", rows=rows))
    assert "JX103" in codes(data)
    rows = list(HUNAN_ROWS)
    rows[5] = ("综合管理（30分）", "信息公开（30分）", "预算公开（20分）", 20)  # 一级/二级 say 30
    _, data = checked(hunan(tmp_path / "level1.xlsx", rows=rows, total=86))
    assert "JX103" in codes(data)
