"""Heading rows that carry points (rt27 r3 dd02, dd08, ee01, ee06).

A 一级 or 二级 heading row — its level named, no 三级, no 指标值 or 完成值, its points —
heads the rows under it whatever they add up to. Before, one whose rows did not add up
became a fake indicator (JX101 分值合计 130, JX201/JX202 “数量指标”未填写…, JX405, JX501,
“1 项得分规则无法计算：“””), and the mistake itself was never told. And a heading's
group ends at the next heading of its level or above, with points or without: before,
“一、产出指标 | 50 | 50” ran on over 效益 and 满意度 (their headings blank) and gave two
false JX103 (“所汇总的 8 项指标分值合计 90”)."""

from __future__ import annotations

import pytest
from test_real_shapes import checked, codes
from workbooks import Book, standard_sheet

# The training project of r3's tables; 执行率 95 % → 9.5 of 10 (money below).
# 产出 15 + 10 + 10 + 5 + 10 = 50, 效益 20 (76 % of ≥80 %: 0.95 × 20 = 19) + 10,
# 满意度 10: weights 90 + 10 = 100; scores 50 + 29 + 10 + 9.5 = 98.5 (优).
ROWS = [
    ("产出指标", "数量指标", "培训人数", "≥500人", "520人", 15, 15, None),
    ("产出指标", "数量指标", "开展活动次数", "≥12次", "12次", 10, 10, None),
    ("产出指标", "质量指标", "培训合格率", "≥95%", "96%", 10, 10, None),
    ("产出指标", "时效指标", "资金拨付及时率", "100%", "100%", 5, 5, None),
    ("产出指标", "成本指标", "人均培训成本", "≤800元", "780元", 10, 10, None),
    ("效益指标", "社会效益指标", "参训人员就业率", "≥80%", "76%", 20, 19,
     "部分学员选择升学，未就业；下年加强就业指导"),
    ("效益指标", "可持续影响指标", "培训长效机制", "健全", "健全", 10, 10, None),
    ("满意度指标", "服务对象满意度指标", "参训学员满意度", "≥90%", "93%", 10, 10, None),
]
MONEY = [("年度资金总额", 200, 200, 190, 10, "95%", 9.5)]
TOTAL = (100, 98.5)
WORD = ("指标名称", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施")
ORDINALS = "一二三四"


def _sums(level: int, value: str) -> tuple[float, float]:
    rows = [row for row in ROWS if row[level] == value]
    return sum(row[5] for row in rows), sum(row[6] for row in rows)


def _level2_headings(points: dict[str, float], repeat: bool) -> list[tuple]:
    """dd08/dd09: ``产出指标 | 数量指标 | | | | 30 | 25`` above its rows, the 一级 on every
    row, the 二级 on its heading only (or again on each row, ``repeat``)."""
    lines, level2 = [], None
    for row in ROWS:
        if row[1] != level2:
            level2 = row[1]
            weight, score = _sums(1, level2)
            lines.append((row[0], level2, None, None, None, points.get(level2, weight), score,
                          None))
        lines.append((row[0], row[1] if repeat else None, *row[2:]))
    return lines


def _level1_headings(points: dict[str, float]) -> list[tuple]:
    """dd02: ``产出指标 | | | | | 55 | 50`` above its rows, whose 一级 cells are blank."""
    lines, level1 = [], None
    for row in ROWS:
        if row[0] != level1:
            level1 = row[0]
            weight, score = _sums(0, level1)
            lines.append((level1, None, None, None, None, points.get(level1, weight), score,
                          None))
        lines.append((None, *row[1:]))
    return lines


def _table(tmp_path, lines, header=None, merged=()):
    book = Book()
    options = {} if header is None else {"header": header}
    standard_sheet(book.sheet(), rows=lines, money=MONEY, total=TOTAL, merged=merged,
                   name="职业技能培训项目", **options)
    return checked(book.save(tmp_path / "t.xlsx"))


def _findings(data):
    return [(item["code"], item["cell"], item["message"]) for item in data["findings"]]


@pytest.mark.parametrize("repeat", [False, True])
@pytest.mark.parametrize("merged", [(), ("一级指标",)])
def test_a_level2_heading_whose_rows_do_not_add_up_is_the_one_finding(tmp_path, repeat,
                                                                       merged):
    """dd08 (dd09: the 二级 again on each row): 数量指标 says 30, its rows 15 + 10 = 25.
    One JX103 on the heading's 分值 (G8: 绩效指标 in A, the header on row 7, the heading
    the first row under it);
    its 得分 25 is its rows' 25. The table is 90 + 10 = 100, 98.5 优."""
    table, data = _table(tmp_path, _level2_headings({"数量指标": 30}, repeat), merged=merged)
    assert _findings(data) == [("JX103", "G8", "小计行“数量指标”分值 30，所汇总的 2 项指标分值合计 25")]
    assert [i.name for i in table.indicators] == [row[2] for row in ROWS]
    assert (data["weight_total"], data["total_computed"], data["grade_computed"]) == \
        (100, 98.5, "优")


@pytest.mark.parametrize("repeat", [False, True])
def test_level2_headings_that_add_up_are_no_finding(tmp_path, repeat):
    """dd06/dd07, the matching correct tables: nothing to say."""
    _, data = _table(tmp_path, _level2_headings({}, repeat))
    assert codes(data) == []
    assert data["total_computed"] == 98.5


@pytest.mark.parametrize("merged", [(), ("二级指标",)])
def test_a_level1_heading_whose_rows_do_not_add_up_is_the_one_finding(tmp_path, merged):
    """dd02: 产出指标 says 55, its rows 15 + 10 + 10 + 5 + 10 = 50 (得分 50, as theirs).
    One JX103 on G8 (its 分值); no 未命名指标, weights 90 + 10 = 100, 98.5 优."""
    table, data = _table(tmp_path, _level1_headings({"产出指标": 55}), merged=merged)
    assert _findings(data) == [("JX103", "G8", "小计行“产出指标”分值 55，所汇总的 5 项指标分值合计 50")]
    assert len(table.indicators) == len(ROWS)
    assert (data["weight_total"], data["total_computed"], data["grade_computed"]) == \
        (100, 98.5, "优")


def _word(points: dict[str, tuple[float, float]]) -> list[tuple]:
    """ee01/ee06: 一、产出指标 / （一）数量指标 / 1.培训人数 in the one name column; only
    the headings in ``points`` carry points, the others are blank."""
    lines, level1, level2, opened = [], None, None, 0
    for row in ROWS:
        if row[0] != level1:
            level1, level2 = row[0], None
            lines.append((f"{ORDINALS[opened]}、{level1}", None, None,
                          *points.get(level1, (None, None)), None))
            opened, sub = opened + 1, 0
        if row[1] != level2:
            level2 = row[1]
            lines.append((f"（{ORDINALS[sub]}）{level2}", None, None,
                          *points.get(level2, (None, None)), None))
            sub, number = sub + 1, 0
        number += 1
        lines.append((f"{number}.{row[2]}", *row[3:]))
    return lines


@pytest.mark.parametrize("points", [{"产出指标": (50, 50)}, {"数量指标": (25, 25)},
                                    {"产出指标": (50, 50), "数量指标": (25, 25)},
                                    {"效益指标": (30, 29)}])
def test_a_heading_with_points_ends_at_the_next_heading_without(tmp_path, points):
    """ee06 (only 一、产出指标 50 | 50 has points) and ee01 (only （一）数量指标 25 | 25):
    the group ends at 二、效益指标 / （二）质量指标, blank as they are — no JX103 over 8 rows."""
    table, data = _table(tmp_path, _word(points), header=WORD)
    assert codes(data) == []
    assert data["total_computed"] == 98.5
    assert [len(s.members) for s in table.subtotals] == \
        [{"产出指标": 5, "数量指标": 2, "效益指标": 2}[name] for name in points]


def test_a_lone_heading_with_points_is_still_checked_against_its_own_rows(tmp_path):
    """ee06 with 一、产出指标 55 | 50: JX103 on its 分值 (E8) over its 5 rows (50), not
    over 8 (90)."""
    _, data = _table(tmp_path, _word({"产出指标": (55, 50)}), header=WORD)
    assert _findings(data) == [("JX103", "E8", "小计行“产出指标”分值 55，所汇总的 5 项指标分值合计 50")]


def test_a_half_filled_row_amid_its_groups_rows_is_no_heading(tmp_path):
    """产出指标 | 数量指标 | | | | 7 | 7 between two 数量指标 rows (the 二级 on every row; the
    row below weighs 10):
    it opens nothing, so it is an indicator its unit left half filled (JX201/JX202 say
    what is missing), not a heading over 开展活动次数 (no JX103)."""
    lines = [tuple(row) for row in ROWS]
    lines.insert(1, ("产出指标", "数量指标", None, None, None, 7, 7, None))
    table, data = _table(tmp_path, lines)
    assert {"JX201", "JX202"} <= set(codes(data))
    assert "JX103" not in codes(data)
    assert table.subtotals == []
