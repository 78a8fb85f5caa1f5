"""一级 and 二级 written as heading rows in the one 指标名称 column (Word forms, forms without
level columns): 一、产出指标 / （一）数量指标 / 1.培训人数 … Before (rt15 D1), each 二级
heading was read as an empty indicator: JX106, JX201 and JX202 on every one (21 false
errors on one table), and with their points written, JX101 分值合计 190 and JX103."""

from __future__ import annotations

import pytest
from test_real_shapes import checked, codes
from workbooks import PUTUO_1_ROWS, Book, standard_sheet

HEADER = ("指标名称", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施")
ORDINALS = "一二三"


def _rows(with_points: bool, rows=PUTUO_1_ROWS):
    lines, level1, level2, opened = [], None, None, 0
    for row in rows:
        if row[0] != level1:
            level1, level2 = row[0], None
            points = sum(r[5] for r in rows if r[0] == level1)
            number, opened = ORDINALS[opened], opened + 1
            lines.append((f"{number}、{level1}", None, None, *((points, points) if with_points
                                                              else (None, None)), None))
        if row[1] != level2:
            level2 = row[1]
            points = sum(r[5] for r in rows if r[1] == level2)
            lines.append((f"（一）{level2}", None, None, *((points, points) if with_points
                                                         else (None, None)), None))
        lines.append((f"1.{row[2]}", *row[3:]))
    return lines


@pytest.mark.parametrize("with_points", [False, True])
def test_level_headings_in_the_name_column_are_no_indicators(tmp_path, with_points):
    book = Book()
    standard_sheet(book.sheet(), rows=_rows(with_points), header=HEADER)
    table, data = checked(book.save(tmp_path / "t.xlsx"))
    assert codes(data) == []
    assert data["total_computed"] == 99.98
    assert [(i.level1, i.level2) for i in table.indicators] == \
        [(row[0], row[1]) for row in PUTUO_1_ROWS]


def test_a_mistake_under_the_headings_is_found_alone(tmp_path):
    rows = [list(row) for row in PUTUO_1_ROWS]
    rows[4][3:5] = ["≥95%", "85%"]  # 服务对象满意度 missed at full marks
    book = Book()
    standard_sheet(book.sheet(), rows=_rows(False, [tuple(r) for r in rows]), header=HEADER)
    _, data = checked(book.save(tmp_path / "t.xlsx"))
    assert codes(data) == ["JX402"]


def test_a_level2_headings_points_are_checked_against_its_rows(tmp_path):
    """A 二级 heading row's own points (（一）数量指标 | | | 10 | 10) are the subtotal of the
    rows under it, as a 一级 heading's are: 10 over a 5-point row is JX103 on that
    heading's cells. Before, its points were passed over and the mistake went unseen."""
    lines = [list(line) for line in _rows(True)]
    [quantity] = [line for line in lines if line[0] == "（一）数量指标"]
    quantity[3:5] = [10, 10]  # the row under it weighs 5
    book = Book()
    standard_sheet(book.sheet(), rows=[tuple(line) for line in lines], header=HEADER)
    table, data = checked(book.save(tmp_path / "t.xlsx"))
    assert [(f["code"], f["cell"], f["message"]) for f in data["findings"]] == [
        ("JX103", "E12", "小计行“数量指标”分值 10，所汇总的 1 项指标分值合计 5"),
        ("JX103", "F12", "小计行“数量指标”得分 10，所汇总的 1 项指标得分合计 5")]
    assert data["total_computed"] == 99.98
    assert len(table.indicators) == len(PUTUO_1_ROWS)
    assert {subtotal.label: subtotal.weight for subtotal in table.subtotals} == {
        "产出指标": 50, "数量指标": 10, "质量指标": 25, "时效指标": 20, "效益指标": 30,
        "可持续影响指标": 30, "满意度指标": 10, "服务对象满意度指标": 10}


@pytest.mark.parametrize(("level1", "level2"), [
    ("一级指标：{}", "二级指标：{}"), ("一级指标:{}", "二级指标:{}"), ("一级指标：{}", "（一）{}"),
    ("一级指标 {}", "二级指标 {}"), ("一级指标\u3000{}", "二级指标\u3000{}"),  # rt22d: a space
])
def test_headings_written_after_their_levels_header_word(tmp_path, level1, level2):
    """一级指标：产出指标 / 二级指标：数量指标 as an export writes its heading rows in the one
    指标名称 column, read as 一级：产出指标 is. Before, the first was taken for a second
    header row (一级指标 under 指标名称) and the file refused: “没有找到项目支出绩效自评表”."""
    lines = [(level1.format(line[0][2:]) if line[0][1] == "、" else
              level2.format(line[0][3:]) if line[0].startswith("（一）") else line[0], *line[1:])
             for line in _rows(False)]
    book = Book()
    standard_sheet(book.sheet(), rows=lines, header=HEADER)
    table, data = checked(book.save(tmp_path / "t.xlsx"))
    assert codes(data) == []
    assert data["total_computed"] == 99.98 and data["weight_total"] == 100
    assert [(i.level1, i.level2, i.name) for i in table.indicators] == \
        [(row[0], row[1], f"1.{row[2]}") for row in PUTUO_1_ROWS]
