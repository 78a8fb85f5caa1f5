"""Evaluators' index tables where each level carries its own points and score
(一级指标 | 分值 | 得分 | 二级指标 | 三级指标 | 分值 | 得分, 一级 cells merged down; or 分值
| 得分 after all three levels): each 分值/得分 pair belongs to the level just before it —
the one after the 三级 is the indicator's, the others are the level's subtotals, compared
with the sum of their rows (the red team's round 29: the 一级's 得分 was taken as the
rows' and shared over them by their 分值, the real 三级 得分 column never read)."""

import pytest
from test_real_shapes import checked, codes
from workbooks import Book

# 博湖县医保信息化建设经费项目 (a third-party index system, 22/18/40/20): each 一级 with its
# 分值 and 得分, each 二级 with its 分值 and 得分, each 三级 with its 分值 and 得分
GROUPS = [
    ("项目决策", 22, 20, [("项目立项", 6, 6, [("立项依据充分性", 3, 3), ("立项程序规范性", 3, 3)]),
                         ("绩效目标", 8, 6, [("绩效目标合理性", 4, 2), ("绩效指标明确性", 4, 4)]),
                         ("资金投入", 8, 8, [("预算编制科学性", 4, 4), ("资金分配合理性", 4, 4)])]),
    ("项目过程", 18, 18, [("资金管理", 12, 12, [("资金到位率", 4, 4), ("预算执行率", 4, 4),
                                             ("资金使用合规性", 4, 4)]),
                         ("组织实施", 6, 6, [("管理制度健全性", 3, 3), ("制度执行有效性", 3, 3)])]),
    ("项目产出", 40, 38, [("产出数量", 12, 12, [("实际完成率", 12, 12)]),
                         ("产出质量", 12, 12, [("质量达标率", 12, 12)]),
                         ("产出时效", 12, 12, [("完成及时性", 12, 12)]),
                         ("产出成本", 4, 2, [("成本节约率", 4, 2)])]),
    ("项目效益", 20, 20, [("项目效益", 20, 20, [("实施效益", 10, 10), ("满意度", 10, 10)])])]
# the rows' own 得分: 3+3+2+4+4+4 = 20, 4+4+4+3+3 = 18, 12+12+12+2 = 38, 10+10 = 20 → 96
WEIGHTS = [3, 3, 4, 4, 4, 4, 4, 4, 4, 3, 3, 12, 12, 12, 4, 10, 10]
SCORES = [3, 3, 2, 4, 4, 4, 4, 4, 4, 3, 3, 12, 12, 12, 2, 10, 10]

LEVEL1_POINTS = ("一级指标", "分值", "得分", "二级指标", "三级指标", "分值", "得分", "评分标准")
EVERY_LEVEL = ("一级指标", "分值", "得分", "二级指标", "分值", "得分", "三级指标", "分值", "得分",
               "评分标准")


def _changed(groups, level1=None, level2=None, row=None):
    """``groups`` with one 一级's (二级's, 三级's) 得分 replaced: (name, score)."""
    def scored(name, score, change):
        return change[1] if change and change[0] == name else score
    return [(name1, weight1, scored(name1, score1, level1),
             [(name2, weight2, scored(name2, score2, level2),
               [(name3, weight3, scored(name3, score3, row)) for name3, weight3, score3 in rows])
              for name2, weight2, score2, rows in seconds])
            for name1, weight1, score1, seconds in groups]


def _levels_table(path, header=LEVEL1_POINTS, groups=GROUPS, total=96):
    """The table as the evaluator lays it out: the title, the header in row 2, the 一级
    (and its 分值, 得分) merged down over its rows, the 二级 (and its 分值, 得分, if the
    header has them) over its; 合计 with each 分值/得分 pair's sums, 评价等级 优."""
    book = Book()
    sheet = book.sheet("评分表")
    sheet.line("博湖县医保信息化建设经费项目绩效评价指标体系及评分表")
    sheet.line(*header)
    level2_points = len(header) == len(EVERY_LEVEL)
    for name1, weight1, score1, seconds in groups:
        first1 = sheet.row
        for name2, weight2, score2, rows in seconds:
            first2 = sheet.row
            for index, (name3, weight3, score3) in enumerate(rows):
                lead1 = (name1, weight1, score1) if sheet.row == first1 else (None,) * 3
                lead2 = ((name2, weight2, score2) if level2_points else (name2,)) if index == 0 \
                    else (None,) * (3 if level2_points else 1)
                sheet.line(*lead1, *lead2, name3, weight3, score3, "…")
            for column in range(4, 7 if level2_points else 5):
                if sheet.row - 1 > first2:
                    sheet.merge(first2, column, column, sheet.row - 1)
        for column in (1, 2, 3):
            if sheet.row - 1 > first1:
                sheet.merge(first1, column, column, sheet.row - 1)
    if level2_points:
        sheet.line("合计", 100, total, None, 100, total, None, 100, total)
    else:
        sheet.line("合计", 100, total, None, None, 100, total)
    sheet.line("评价等级", "优")
    return book.save(path)


def _jx(data, code):
    return [(f["cell"], f["message"]) for f in data["findings"] if f["code"] == code]


def test_the_rows_own_scores_are_read_beside_the_level1_points(tmp_path):
    """一级指标 | 分值 | 得分 | 二级指标 | 三级指标 | 分值 | 得分: each row's 分值 and 得分 are
    F and G, 96 in all as written (before: the 一级's 得分 20 shared over its rows by their
    分值, 96.02, a false JX501)."""
    table, data = checked(_levels_table(tmp_path / "t.xlsx"))
    assert [i["weight"] for i in data["indicators"]] == WEIGHTS
    assert [i["score_declared"] for i in data["indicators"]] == SCORES
    assert data["total_declared"] == 96 and data["total_computed"] == 96
    assert codes(data) == []
    assert sorted((s.label, s.weight, s.score, len(s.members)) for s in table.subtotals) == [
        ("项目产出", 40, 38, 4), ("项目决策", 22, 20, 6), ("项目效益", 20, 20, 2),
        ("项目过程", 18, 18, 5)]


@pytest.mark.parametrize("header", [
    ("一级指标", "一级分值", "一级得分", "二级指标", "三级指标", "分值", "得分", "评分标准"),
    ("一级指标", "一级指标分值", "一级指标得分", "二级指标", "三级指标", "三级指标分值", "三级指标得分",
     "评分标准"),
    ("一级指标", "分值", "得分", "二级指标", "三级指标", "三级指标分值", "三级指标得分", "评分标准"),
    ("一级指标", "指标分值", "指标得分", "二级指标", "三级指标", "指标分值", "指标得分", "评分标准")])
def test_the_levels_points_named_in_other_words(tmp_path, header):
    """一级分值 | 一级得分, 一级指标分值 … 三级指标得分, 三级指标分值 beside a bare 分值 (before:
    no table found, or the 一级's 22 as the rows' merged 分值 with three JX109), 指标分值 |
    指标得分 at both levels: read the same."""
    table, data = checked(_levels_table(tmp_path / "t.xlsx", header))
    assert [i["weight"] for i in data["indicators"]] == WEIGHTS
    assert [i["score_declared"] for i in data["indicators"]] == SCORES
    assert data["total_declared"] == 96 and codes(data) == []
    assert len(table.subtotals) == 4


def test_a_level1_score_that_is_not_its_rows_sum(tmp_path):
    """项目决策's 得分 written 21, its six rows 20: JX103 at its 得分 cell (before: only a
    JX501 for a 总分 of 96 that is right)."""
    path = _levels_table(tmp_path / "t.xlsx", groups=_changed(GROUPS, level1=("项目决策", 21)))
    _, data = checked(path)
    assert _jx(data, "JX103") == [("C3", "“项目决策”得分 21，所汇总的 6 项指标得分合计 20")]
    assert codes(data) == ["JX103"]


def test_a_level1_weight_that_is_not_its_rows_sum(tmp_path):
    path = _levels_table(tmp_path / "t.xlsx", groups=[("项目决策", 24, 20, GROUPS[0][3]),
                                                      *GROUPS[1:]])
    _, data = checked(path)
    assert _jx(data, "JX103") == [("B3", "“项目决策”分值 24，所汇总的 6 项指标分值合计 22")]


def test_a_row_scored_over_its_points_is_named(tmp_path):
    """资金使用合规性 scored 5 of 4 (项目过程 19, 合计 97 as its rows): JX401 at that row's
    得分, G11 (before: five JX401 at the 一级's C9 for scores shared from its 19)."""
    groups = _changed(GROUPS, level1=("项目过程", 19), row=("资金使用合规性", 5))
    _, data = checked(_levels_table(tmp_path / "t.xlsx", groups=groups, total=97))
    assert _jx(data, "JX401") == [("G11", "“资金使用合规性”得分 5 大于分值 4")]
    assert codes(data) == ["JX401"]


def test_points_and_scores_at_every_level(tmp_path):
    """一级 | 分值 | 得分 | 二级 | 分值 | 得分 | 三级 | 分值 | 得分: the 三级's pair is the
    rows', the others compared with their rows — all agree."""
    table, data = checked(_levels_table(tmp_path / "t.xlsx", EVERY_LEVEL))
    assert [i["weight"] for i in data["indicators"]] == WEIGHTS
    assert [i["score_declared"] for i in data["indicators"]] == SCORES
    assert data["total_declared"] == 96 and codes(data) == []
    assert len(table.subtotals) == 4 + 10


@pytest.mark.parametrize(("change", "found"), [
    ({"level2": ("绩效目标", 4)}, [("F5", "“绩效目标”得分 4，所汇总的 2 项指标得分合计 6")]),
    ({"level1": ("项目决策", 21)}, [("C3", "“项目决策”得分 21，所汇总的 6 项指标得分合计 20")])])
def test_a_level_score_at_every_level_that_is_not_its_rows_sum(tmp_path, change, found):
    """绩效目标's 得分 written 4, its rows 2 + 4 = 6 (before: never looked at); 项目决策's
    21, its rows 20."""
    path = _levels_table(tmp_path / "t.xlsx", EVERY_LEVEL, _changed(GROUPS, **change))
    _, data = checked(path)
    assert _jx(data, "JX103") == found
    assert codes(data) == ["JX103"]
