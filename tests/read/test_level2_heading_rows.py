"""A table with a 一级指标 column but no 二级 column, its 二级 written as heading rows in
the 三级 column ("数量指标 | | | 20 | 19.44" above its own rows): every such row is the
二级 of the rows under it — the first of its 一级 group as much as those amid it — and its
points their subtotal, never an indicator (rt32 r4 L1–L6)."""

import pytest
from workbooks import MONEY, Book, Percent

from jixiao.checks import run_checks
from jixiao.model import evaluate
from jixiao.read.workbook import read_tables

# (一级, 二级, 三级, 指标值, 完成值, 分值, 得分, 偏差原因) — scored by hand (mof2020):
# 812 / 860 × 10 = 9.44, 285 / 300 × 15 = 14.25; 执行率 178.6 / 185 = 96.54 % → 9.65;
# 总分 10 + 9.44 + 10 + 10 + 10 + 14.25 + 15 + 10 + 9.65 = 98.34, 优
ROWS = [
    ("产出指标", "数量指标", "培训高素质农民人数", "≥1200人次", "1350人次", 10, 10, None),
    ("产出指标", "数量指标", "发放种粮补贴户数", "≥860户", "812户", 10, 9.44,
     "部分农户外出务工未及时申报，下年提前摸底"),
    ("产出指标", "质量指标", "培训考核合格率", "≥95%", "97.2%", 10, 10, None),
    ("产出指标", "时效指标", "资金拨付及时率", "=100%", "100%", 10, 10, None),
    ("产出指标", "成本指标", "人均培训成本", "≤800元/人", "760元/人", 10, 10, None),
    ("效益指标", "社会效益指标", "带动农民就业人数", "≥300人", "285人", 15, 14.25,
     "受市场行情影响，部分学员未实现就业，下年加强跟踪服务"),
    ("效益指标", "可持续影响指标", "农技推广长效机制", "健全", "健全", 15, 15, None),
    ("满意度指标", "服务对象满意度指标", "参训农民满意度", "≥90%", "92.5%", 10, 10, None),
]
NAMES = [row[2] for row in ROWS]
LEVEL2 = [row[1] for row in ROWS]
# each 二级's points and score: its rows' sums
HEADINGS = [("数量指标", 20, 19.44), ("质量指标", 10, 10), ("时效指标", 10, 10),
            ("成本指标", 10, 10), ("社会效益指标", 15, 14.25), ("可持续影响指标", 15, 15),
            ("服务对象满意度指标", 10, 10)]
NUMBERED = {"数量指标": "（一）数量指标", "质量指标": "（二）质量指标", "时效指标": "（三）时效指标",
            "成本指标": "（四）成本指标", "社会效益指标": "（一）社会效益指标",
            "可持续影响指标": "（二）可持续影响指标", "服务对象满意度指标": "（一）服务对象满意度指标"}
HEADER = ("一级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施")


def _lines(points=True, numbered=False, level1="merged"):
    """The rows with a heading row above each 二级's; ``level1``: "merged" (over its
    group, the heading row included), "every" (written on each row), "first" (on its
    group's first row only, the others blank)."""
    lines, points_of = [], {name: (weight, score) for name, weight, score in HEADINGS}
    previous_level2 = previous_level1 = None
    for level1_name, level2, name, target, actual, weight, score, reason in ROWS:
        if level2 != previous_level2:
            heading = NUMBERED[level2] if numbered else level2
            weight_score = points_of[level2] if points else (None, None)
            lines.append((level1_name, heading, None, None, *weight_score, None))
            previous_level2 = level2
        lines.append((level1_name, name, target, actual, weight, score, reason))
    if level1 == "first":
        shown = []
        for line in lines:
            shown.append((None if line[0] == previous_level1 else line[0], *line[1:]))
            previous_level1 = line[0]
        lines = shown
    return lines


def _table(tmp_path, lines, header=HEADER, level1="merged"):
    book = Book()
    sheet = book.sheet()
    sheet.title("项目支出绩效自评表", "（2024年度）")
    sheet.project("2024年高素质农民培育及种粮补贴项目", "XX县农业农村局", "XX县农业技术推广中心")
    sheet.money([("年度资金总额", 200, 185, 178.6, 10, Percent(0.9654), 9.65),
                 ("其中：当年财政拨款", 165, 150, 145.6, "—", Percent(0.9707), "—"),
                 ("上年结转资金", 35, 35, 33, "—", Percent(0.9429), "—")], header=MONEY)
    sheet.indicators(lines, header=header, merge=level1 == "merged", merged=("一级指标",))
    sheet.total(100, 98.34)
    sheet.grade("优")
    (table,) = read_tables(book.save(tmp_path / "headings.xlsx"))
    return table


@pytest.mark.parametrize(("header", "numbered", "level1"), [
    (HEADER, False, "merged"),
    (("一级指标", "二级/三级指标", *HEADER[2:]), False, "merged"),
    (("一级指标", "指标名称", *HEADER[2:]), True, "merged"),
    (HEADER, False, "every"),
    (HEADER, False, "first"),
], ids=["三级指标", "二级/三级指标", "numbered", "level1-every-row", "level1-first-row"])
def test_a_level2_heading_row_opening_its_level1_is_a_subtotal(tmp_path, header, numbered,
                                                                 level1):
    table = _table(tmp_path, _lines(numbered=numbered, level1=level1), header, level1)
    assert [i.name for i in table.indicators] == NAMES
    assert [i.level2 for i in table.indicators] == LEVEL2  # （一） is the heading's number
    assert [i.level1 for i in table.indicators] == [row[0] for row in ROWS]
    assert [(s.weight, s.score, [m.name for m in s.members]) for s in table.subtotals] == [
        (20, 19.44, NAMES[:2]), (10, 10, NAMES[2:3]), (10, 10, NAMES[3:4]),
        (10, 10, NAMES[4:5]), (15, 14.25, NAMES[5:6]), (15, 15, NAMES[6:7]),
        (10, 10, NAMES[7:])]
    evaluation = evaluate(table)
    assert (evaluation.total, evaluation.grade) == (98.34, "优")
    assert [f.code for f in run_checks(table, evaluation)] == []


@pytest.mark.parametrize("level1", ["merged", "every"])
def test_a_level2_heading_row_without_points_names_its_rows(tmp_path, level1):
    table = _table(tmp_path, _lines(points=False, level1=level1), level1=level1)
    assert [i.name for i in table.indicators] == NAMES
    assert [i.level2 for i in table.indicators] == LEVEL2
    assert table.subtotals == []
    evaluation = evaluate(table)
    assert (evaluation.total, evaluation.grade) == (98.34, "优")
    assert [f.code for f in run_checks(table, evaluation)] == []


def test_a_wrong_first_heading_is_jx103_not_an_indicator(tmp_path):
    lines = _lines()
    lines[0] = ("产出指标", "数量指标", None, None, 25, 19.44, None)  # its rows: 10 + 10
    table = _table(tmp_path, lines)
    assert [i.name for i in table.indicators] == NAMES
    assert [f.code for f in run_checks(table, evaluate(table))] == ["JX103"]


def test_an_indicator_named_after_a_level2_stays_an_indicator(tmp_path):
    """服务对象满意度 | ≥90% | 95% is the 满意度 group's one indicator, and 数量指标完成率 an
    indicator whose name holds a 二级's: both measured, both opening their 一级."""
    lines = [line for line in _lines() if line[0] != "满意度指标"]
    lines[0] = ("产出指标", "数量指标完成率", "≥95%", "98%", 20, 20, None)  # no heading now
    del lines[1:3]  # its two rows: 20 points in one
    lines.append(("满意度指标", "服务对象满意度", "≥90%", "95%", 10, 10, None))
    table = _table(tmp_path, lines)
    assert [i.name for i in table.indicators] == ["数量指标完成率", *NAMES[2:7], "服务对象满意度"]
    assert [(i.weight, i.score_declared) for i in table.indicators][0] == (20, 20)
    assert [s.weight for s in table.subtotals] == [10, 10, 10, 15, 15]
    # 20 + 10 + 10 + 10 + 14.25 + 15 + 10 + 9.65 = 98.9
    evaluation = evaluate(table)
    assert (evaluation.total, evaluation.grade) == (98.9, "优")
