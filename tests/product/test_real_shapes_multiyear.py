"""Multi-year and continued (续建) projects: a column over the project's years (实施期指标值,
中期指标值, 累计完成值) beside the year's own column of the same role. The form scores the
year, so the year's 指标值 and 完成值 are read, whatever the order of the columns (the
multi-year-first shapes fail on 07d5364, where the leftmost column was read; the year-first
and lone ones pass there too: they must not change)."""

import pytest
from test_real_shapes import checked, codes
from test_real_shapes_round16 import HEAD
from workbooks import grid_book

# (一级, 二级, 三级, 实施期指标值, 年度指标值, 完成值, 分值, 得分, 偏差原因): 9.8 + 89 = 98.8,
# scored on the 年度 target (on the 实施期 one 改造户数 would be 7 and 停车位 3)
ROWS = [("产出指标", "数量指标", "改造老旧小区户数", "≥3000户", "≥1000户", "1050户", 20, 20, None),
        ("产出指标", "数量指标", "新增停车位", "≥600个", "≥200个", "180个", 10, 9,
         "部分小区用地不足，停车位调整至2025年建设"),
        ("产出指标", "质量指标", "工程竣工验收合格率", "=100%", "=100%", "100%", 20, 20, None),
        ("效益指标", "社会效益指标", "居民居住条件改善", "明显改善", "有所改善", "有所改善", 30, 30, None),
        ("满意度指标", "服务对象满意度指标", "改造小区居民满意度", "≥90%", "≥85%", "88%", 10, 10, None)]
_LEVELS = ["一级指标", "二级指标", "三级指标"]
_SCORED = ["分值", "得分", "偏差原因分析及改进措施"]


def _closing(score=98.8, at=6):
    return [["总分", *[None] * (at - 2), 100, score], ["评分等级", "优"]]


def _table(path, header, rows, closing=None, above=None, merges=()):
    """HEAD's project and money rows, (``above`` and) ``header``, the rows and the total."""
    lines = [*HEAD, *([above] if above else []), header, *map(list, rows)]
    return grid_book(path, [*lines, *(closing or _closing())], merges=merges)


def _ordered(rows, order):
    """Each row's 实施期 and 年度 targets in ``order`` ("span" first or "year" first)."""
    if order == "span":
        return rows
    return [(*row[:3], row[4], row[3], *row[5:]) for row in rows]


def _targets(data):
    return [indicator["target"] for indicator in data["indicators"]]


@pytest.mark.parametrize(("header", "order"), [
    (["实施期指标值", "年度指标值", "全年实际值"], "span"),
    (["中期指标值", "年度指标值", "实际完成值"], "span"),
    (["总体目标值", "本年目标值", "实际完成值"], "span"),
    (["年度指标值", "实施期指标值", "全年实际值"], "year"),  # the year's first: as before
])
def test_the_years_target_beside_a_multi_year_one_in_either_order(tmp_path, header, order):
    """实施期指标值 | 年度指标值 | 全年实际值 (a 续建 project's table, correct on the year's
    target): before, the 实施期 target was read — JX402 “改造老旧小区户数”未达到指标值
    （指标值 ≥3000户 …）, JX404, JX502 on a correct table."""
    table, data = checked(_table(tmp_path / "t.xlsx", [*_LEVELS, *header, *_SCORED],
                                 _ordered(ROWS, order), _closing(at=7)))
    assert codes(data) == []
    assert _targets(data) == ["≥1000户", "≥200个", "=100%", "有所改善", "≥85%"]
    assert data["total_computed"] == 98.8


@pytest.mark.parametrize("order", ["span", "year"])
def test_two_header_rows_with_the_mid_term_target_under_the_zhibiaozhi(tmp_path, order):
    """指标值 merged over 中期指标值 | 年度指标值, the other header cells merged down: the
    year's target in either order (before, with 中期 first: four false findings)."""
    under = ["中期指标值", "年度指标值"] if order == "span" else ["年度指标值", "中期指标值"]
    above = [*_LEVELS, "指标值", None, "全年实际完成值", *_SCORED]
    header = [None, None, None, *under, None, None, None, None]
    at = len(HEAD) + 1  # the 指标值's row
    merges = [(at, 4, 0, 1), *((at, column, 1, 0) for column in (1, 2, 3, 6, 7, 8, 9))]
    table, data = checked(_table(tmp_path / "t.xlsx", header, _ordered(ROWS, order),
                                 _closing(at=7), above=above, merges=merges))
    assert codes(data) == []
    assert _targets(data) == ["≥1000户", "≥200个", "=100%", "有所改善", "≥85%"]


def test_a_cumulative_actual_left_of_the_years(tmp_path):
    """年度指标值 | 累计完成值（截至2024年底） | 全年完成值: the year's 900户 of ≥1000户 at full
    marks is told (before: the 累计 1900户 read as done — the planted mistake missed, and a
    false JX206, JX403 and JX202 instead)."""
    rows = [("产出指标", "数量指标", "改造老旧小区户数", "≥1000户", "1900户", "900户", 20, 20, None),
            ("产出指标", "数量指标", "新增停车位", "≥200个", "380个", "180个", 10, 9,
             "部分小区用地不足，停车位调整至2025年建设"),
            ("产出指标", "时效指标", "年度任务完工时间", "2024年12月31日前", "—", "2024年12月20日", 20, 20,
             None),
            ("效益指标", "社会效益指标", "居民居住条件改善", "有所改善", "有所改善", "有所改善", 30, 30,
             None),
            ("满意度指标", "服务对象满意度指标", "改造小区居民满意度", "≥85%", "88%", "88%", 10, 10, None)]
    header = [*_LEVELS, "年度指标值", "累计完成值（截至2024年底）", "全年完成值", *_SCORED]
    table, data = checked(_table(tmp_path / "t.xlsx", header, rows, _closing(at=7)))
    assert [(f["code"], f["cell"], f["message"]) for f in data["findings"]] == [
        ("JX402", "H8", "“改造老旧小区户数”未达到指标值（指标值 ≥1000户，完成值 900户），却得满分 20，"
         "按财政部规则应为 18（正向指标：分值 × 实际完成值 ÷ 年度指标值）")]
    assert [indicator["actual"] for indicator in data["indicators"]][:3] == [
        "900户", "180个", "2024年12月20日"]


def test_sichuan_with_the_implementation_periods_target(tmp_path):
    """四川 专项预算项目: 指标性质 | 实施期指标值 | 年度指标值 | 度量单位 | 权重 | 实际完成指标值,
    every 年度 target met: before, scored on the 实施期 target — five false JX405."""
    header = [*_LEVELS, "指标性质", "实施期指标值", "年度指标值", "度量单位", "权重", "实际完成指标值"]
    rows = [("产出指标", "数量指标", "建成高标准农田面积", "≥", 30000, 10000, "亩", 25, 10500),
            ("产出指标", "质量指标", "工程验收合格率", "＝", 100, 100, "%", 10, 100),
            ("产出指标", "时效指标", "年度任务完成率", "≥", 100, 95, "%", 10, 96),
            ("产出指标", "成本指标", "亩均建设成本", "≤", 3000, 3000, "元/亩", 5, 2900),
            ("效益指标", "经济效益指标", "亩均粮食增产", "≥", 100, 50, "公斤", 15, 55),
            ("效益指标", "可持续影响指标", "工程设施完好率", "≥", 95, 90, "%", 15, 92),
            ("满意度指标", "服务对象满意度指标", "受益农户满意度", "≥", 95, 90, "%", 10, 91)]
    head = [["专项预算项目绩效目标完成情况自评表（2024年度）"], ["项目名称", "高标准农田建设"],
            ["预算执行情况（万元）", "年度资金总额", "调整后预算数", "全年执行数", "执行率"],
            ["预算资金", 800, 820, 803.6, "98.00%"]]
    table, data = checked(grid_book(tmp_path / "t.xlsx", [*head, header, *map(list, rows)]))
    assert codes(data) == []
    assert data["layout"] == "sichuan"
    assert [i["score_computed"] for i in data["indicators"]] == [25, 10, 10, 5, 15, 15, 10]


def test_a_lone_implementation_period_target_is_still_the_target(tmp_path):
    """实施期指标值 with no 年度 column beside it: the only target the table gives, read as
    before (the unit wrote the year's there; nothing tells otherwise)."""
    rows = [(*row[:3], row[4], *row[5:]) for row in ROWS]
    header = [*_LEVELS, "实施期指标值", "实际完成值", *_SCORED]
    table, data = checked(_table(tmp_path / "t.xlsx", header, rows))
    assert codes(data) == []
    assert _targets(data) == ["≥1000户", "≥200个", "=100%", "有所改善", "≥85%"]


@pytest.mark.parametrize(("above", "under", "rows"), [
    # 实际完成值 merged over bare 累计 | 全年 (before: the 累计 column read as the 完成值,
    # 全年 as a second target — JX204, three JX206 and a JX403 on a correct table)
    (["年度指标值", "实际完成值", None], [None, "累计", "全年"],
     [(*row[:3], row[4], "9999", *row[5:]) for row in ROWS]),
    # 指标值 merged over bare 实施期 | 年度 | 实际: 实施期 alone names no column (as before)
    (["指标值", None, None], ["实施期", "年度", "实际"], ROWS),
])
def test_bare_words_under_a_merged_header(tmp_path, above, under, rows):
    at = len(HEAD) + 1
    start = 4 + above.index(None) - 1  # the merged header's first column
    span = len(above) - above.index(None)
    merges = [(at, start, 0, span), *((at, column, 1, 0) for column in range(1, 10)
                                      if not start <= column <= start + span)]
    header = [None, None, None, *under, None, None, None]
    table, data = checked(_table(tmp_path / "t.xlsx", header, rows, _closing(at=7),
                                 above=[*_LEVELS, *above, *_SCORED], merges=merges))
    assert codes(data) == []
    assert [indicator["actual"] for indicator in data["indicators"]] == [
        "1050户", "180个", "100%", "有所改善", "88%"]
    assert _targets(data) == ["≥1000户", "≥200个", "=100%", "有所改善", "≥85%"]


# (一级, 二级, 三级, 年度指标值, 累计完成值, 分值, 得分, 偏差原因): ROWS without the 实施期 target
_CUMULATIVE = [(*row[:3], *row[4:]) for row in ROWS]
_ACTUALS = ["1050户", "180个", "100%", "有所改善", "88%"]


def test_a_cumulative_actual_beside_a_completion_text_column(tmp_path):
    """年度指标值 | 累计完成值 | … | 完成情况 (已完成, 基本完成): the 累计 column is the only
    value column, so the 完成值 (before: it gave way to the 完成情况 text — six false JX204
    “完成值只写了“已完成””, the scoring rule not computable)."""
    header = [*_LEVELS, "年度指标值", "累计完成值", *_SCORED, "完成情况"]
    rows = [(*row, "已完成" if row[5] == row[6] else "基本完成") for row in _CUMULATIVE]
    table, data = checked(_table(tmp_path / "t.xlsx", header, rows))
    assert codes(data) == []
    assert [indicator["actual"] for indicator in data["indicators"]] == _ACTUALS
    assert data["total_computed"] == 98.8


@pytest.mark.parametrize(("actual", "reason"), [
    ("全年累计完成值", "完成情况及偏差原因分析"),
    ("实际完成值（累计）", "完成情况分析及改进措施"),
    ("实际完成值", "目标任务完成情况及偏差原因"),
])
def test_a_completion_and_reason_column_beside_the_actual(tmp_path, actual, reason):
    """累计完成值 | 分值 | 得分 | 完成情况及偏差原因分析: the last column, naming the 完成值's
    role in 完成情况, holds the reason (before: the 累计 column gave way to it — seven false
    JX202 “未填写实际完成值” — and, as on 9500ff2, a false JX405 “表中没有偏差原因列”);
    without the reason the shortfall is told at that column."""
    header = [*_LEVELS, "年度指标值", actual, *_SCORED[:2], reason]
    table, data = checked(_table(tmp_path / "t.xlsx", header, _CUMULATIVE))
    assert codes(data) == []
    assert [indicator["actual"] for indicator in data["indicators"]] == _ACTUALS
    unexplained = [(*row[:7], None) for row in _CUMULATIVE]
    table, data = checked(_table(tmp_path / "u.xlsx", header, unexplained))
    assert [(f["code"], f["cell"]) for f in data["findings"]] == [("JX405", "H9")]
