"""小计 rows of tables whose 一级 is written on every row instead of merged, and a
预算执行率 row of its own 一级 judged by the money's rule (the red team's round 2)."""

import pytest
from test_real_shapes import FULLY_SPENT, checked, codes
from test_real_shapes_totals import ROWS, TOTAL
from workbooks import THIRD_PARTY, Book


def _with_subtotals(rows, label_column):
    """``rows`` with a 小计 row after each 一级's rows, its label in the 三级 ("name") or
    the 一级 column ("level1"); each 一级 written on every row of it."""
    out, level1 = [], None
    for row in [*rows, (None,)]:
        if level1 and row[0] != level1:
            members = [r for r in rows if r[0] == level1]
            sums = (sum(r[5] for r in members), sum(r[6] for r in members))
            out.append((level1, None, "小计", None, None, *sums, None) if label_column == "name"
                       else ("小计", None, None, None, None, *sums, None))
        if row[0] is not None:
            out.append(row)
        level1 = row[0]
    return out


def _standard(path, rows, merge, total=TOTAL):
    book = Book()
    sheet = book.sheet("自评表")
    sheet.project("医保经办能力提升")
    sheet.money(FULLY_SPENT)
    sheet.indicators(rows, merge=merge)
    sheet.total(100, total)
    sheet.grade("优")
    return book.save(path)


@pytest.mark.parametrize("merge", [False, True])
@pytest.mark.parametrize("label_column", ["name", "level1"])
def test_level1_subtotals_with_the_level1_on_every_row(tmp_path, label_column, merge):
    """产出指标 | … written on each of its 4 rows, then 小计 | 50 | 49: the 小计 sums all 4
    (before: only the row above it, a false JX103 “所汇总的 1 项指标分值合计 10”);
    the same table with merged 一级 cells still reads the same."""
    rows = _with_subtotals(ROWS, label_column)
    table, data = checked(_standard(tmp_path / "t.xlsx", rows, merge))
    assert codes(data) == []
    assert len(data["indicators"]) == len(ROWS)
    assert [(s.weight, len(s.members)) for s in table.subtotals] == [(50, 4), (30, 2), (10, 1)]


def test_a_wrong_subtotal_with_the_level1_on_every_row_is_found(tmp_path):
    rows = _with_subtotals(ROWS, "name")
    rows[4] = (*rows[4][:5], 55, *rows[4][6:])  # 产出指标's 小计: 55 of 50 points
    _, data = checked(_standard(tmp_path / "t.xlsx", rows, False))
    [found] = [item for item in data["findings"] if item["code"] == "JX103"]
    assert found["cell"] == "G9" and "所汇总的 4 项指标分值合计 50" in found["message"]


def test_level2_subtotals_with_the_level1_on_every_row(tmp_path):
    """A 小计 per 二级 (数量 then 质量/时效 of 产出), the 一级 on every row: each 小计 sums
    its own rows back to the 小计 above it, not the whole 一级."""
    output = [row for row in ROWS if row[0] == "产出指标"]
    rows = [output[0], ("产出指标", "数量指标", "小计", None, None, 20, 19, None),
            *output[1:], ("产出指标", None, "小计", None, None, 30, 30, None),
            *[row for row in ROWS if row[0] != "产出指标"]]
    table, data = checked(_standard(tmp_path / "t.xlsx", rows, False))
    assert codes(data) == []
    assert [(s.weight, len(s.members)) for s in table.subtotals] == [(20, 1), (30, 3)]


THIRD_ROWS = [("决策", "项目立项", "立项依据充分性", "…", 12, 12),
              ("决策", "绩效目标", "目标明确性", "…", 10, 8),
              ("过程", "资金管理", "预算执行率", "…", 10, 10),
              ("过程", "组织实施", "制度执行有效性", "…", 8, 8),
              ("产出", "产出数量", "实际完成率", "…", 25, 24),
              ("产出", "产出质量", "质量达标率", "…", 15, 14),
              ("效益", "项目效益", "社会效益", "…", 12, 12),
              ("效益", "满意度", "服务对象满意度", "…", 8, 7)]


@pytest.mark.parametrize(("label", "above"), [("小计", False), ("{}小计", False),
                                               ("{}小计", True)])
def test_third_party_subtotals_with_the_level1_on_every_row(tmp_path, label, above):
    """An index system (第三方) with 决策 | … on each row and 小计 / 决策小计 under them,
    or 决策小计 in the 一级 column above them: no JX103 (before: 8 under them, each 小计
    against the one row above it; 6 above them, each against the 一级 before it)."""
    rows, level1 = [], None
    for row in [*THIRD_ROWS, (None,)]:
        if row[0] != level1 and (level1 if not above else row[0]):
            name = level1 if not above else row[0]
            members = [r for r in THIRD_ROWS if r[0] == name]
            sums = (sum(r[4] for r in members), sum(r[5] for r in members))
            rows.append((name, None, label.format(name), None, *sums) if not above
                        else (label.format(name), None, None, None, *sums))
        if row[0] is not None:
            rows.append(row)
        level1 = row[0]
    book = Book()
    sheet = book.sheet("指标体系")
    sheet.project("第三方评价项目", "某市财政局")
    sheet.indicators(rows, header=THIRD_PARTY, lead=None, merge=False)
    sheet.total(100, 95, label="合计")
    table, data = checked(book.save(tmp_path / "t.xlsx"))
    assert "JX103" not in codes(data)
    assert [(s.weight, len(s.members)) for s in table.subtotals] == [
        (22, 2), (18, 2), (40, 2), (20, 2)]


def _execution_row_table(path, actual, score, reason=None, rows=ROWS, level1="预算执行率",
                         name="预算执行率"):
    """No money block: the 预算执行率 is its own 一级, a row "≥90% | actual | 10 | score"
    above the indicators (89 of 90)."""
    book = Book()
    sheet = book.sheet("自评表")
    sheet.project("医保经办能力提升")
    sheet.indicators([(level1, "预算执行率", name, "≥90%", actual, 10, score, reason),
                      *rows], merge=False)
    sheet.total(100, score + sum(row[6] for row in rows))
    sheet.grade("优" if score + sum(row[6] for row in rows) >= 90 else "良")
    return book.save(path)


def test_an_execution_row_above_90_percent_needs_no_reason(tmp_path):
    """预算执行率 as its own 一级, 95 % → 9.5 of 10: the money's 执行率得分, which needs a
    reason only below 90 % (JX306) — no JX405 (before: “扣 0.5 分，未说明偏差原因”)."""
    table, data = checked(_execution_row_table(tmp_path / "t.xlsx", "95%", 9.5))
    assert codes(data) == []
    assert data["total_computed"] == 98.5


def test_an_execution_row_below_90_percent_is_judged_once_by_the_rate_rule(tmp_path):
    """80 % → 8 of 10 with no reason: JX306 (the 执行率 rule) in the row, not JX405 too;
    with a reason nothing; an indicator's deduction without reason is still JX405."""
    _, data = checked(_execution_row_table(tmp_path / "t.xlsx", "80%", 8))
    assert codes(data) == ["JX306"]
    [found] = data["findings"]
    assert found["cell"] == "I3" and "执行率 80% 低于 90%" in found["message"]
    _, data = checked(_execution_row_table(tmp_path / "r.xlsx", "80%", 8, "年底尾款次年支付"))
    assert codes(data) == []
    rows = [(*ROWS[0][:7], None), *ROWS[1:]]  # 经办业务量 19 of 20, its reason gone
    _, data = checked(_execution_row_table(tmp_path / "u.xlsx", "95%", 9.5, rows=rows))
    assert codes(data) == ["JX405"]
    assert "经办业务量" in data["findings"][0]["message"]


@pytest.mark.parametrize("level1", ["预算执行情况", "预算执行情况（10分）", "预算执行",
                                    "预算执行指标"])
def test_an_execution_row_under_another_name_of_its_level1(tmp_path, level1):
    """The 一级 of the rate written 预算执行情况 (the 四川 money part's heading) or 预算执行
    (部门整体), its 三级 预算执行率: the money's 执行率得分 as under 一级 预算执行率, 95 % →
    9.5 of 10 (before: JX403, JX404 “应为 10” and JX405). A full 10 for it is still wrong."""
    table, data = checked(_execution_row_table(tmp_path / "t.xlsx", "95%", 9.5, level1=level1))
    assert codes(data) == []
    assert data["total_computed"] == 98.5
    _, data = checked(_execution_row_table(tmp_path / "f.xlsx", "95%", 10, level1=level1))
    assert "JX404" in codes(data)
    assert data["total_computed"] == 98.5


# 一级/二级 with their points, written again on every row (not merged): 产出 50 over 4 rows
POINTS_EVERY_ROW = [
    ("产出指标(50分)", "数量指标（30分）", "经办业务量", "≥2 万件", "2.3 万件", 20, 20, None),
    ("产出指标(50分)", "数量指标（30分）", "参保登记人数", "≥800人", "860人", 10, 10, None),
    ("产出指标(50分)", "时效指标（10分）", "待遇发放时限", "≤5个工作日", "3个工作日", 10, 10, None),
    ("产出指标(50分)", "质量指标（10分）", "经办差错率", "≤1%", "0.5%", 10, 10, None),
    ("效益指标(30分)", "社会效益指标（30分）", "医保便民服务", "持续推进", "持续推进中", 20, 20, None),
    ("效益指标(30分)", "社会效益指标（30分）", "异地就医直接结算率", "≥95%", "97%", 10, 10, None),
    ("满意度指标(10分)", "服务对象满意度指标（10分）", "参保群众满意度", "≥90%", "95%", 10, 10,
     None)]


@pytest.mark.parametrize("merge", [False, True])
def test_heading_points_repeated_on_every_row_are_the_groups(tmp_path, merge):
    """`产出指标(50分)` and `数量指标（30分）` written on every row of their group (a converted
    PDF, a clerk's own table): the points belong to the rows that repeat them, checked
    once (before: a false JX103 on every row, “标明 50 分，其下各指标分值合计 20 分”)."""
    _, data = checked(_standard(tmp_path / "t.xlsx", POINTS_EVERY_ROW, merge, 100))
    assert codes(data) == []


@pytest.mark.parametrize("merge", [False, True])
def test_a_repeated_heading_whose_rows_do_not_sum_is_found_once(tmp_path, merge):
    """The 参保登记人数 row given 5 points instead of 10: its 二级 (30) and 一级 (50) are
    each flagged once, at the group's first cell."""
    rows = list(POINTS_EVERY_ROW)
    rows[1] = (*rows[1][:5], 5, 5, "年中政策调整")
    _, data = checked(_standard(tmp_path / "t.xlsx", rows, merge, 95))
    found = sorted((item["cell"], item["message"]) for item in data["findings"]
                   if item["code"] == "JX103")
    assert found == [("B5", "“产出指标”标明 50 分，其下各指标分值合计 45 分"),
                     ("C5", "“数量指标”标明 30 分，其下各指标分值合计 25 分")]


PER_LEVEL = ("一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "年度指标值", "实际完成值",
             "得分", "偏差原因分析及改进措施")
PER_LEVEL_ROWS = [
    ("产出指标", 50, "数量指标", 20, "培训人次", 20, "≥500人次", "520人次", 20, None),
    ("产出指标", None, "质量指标", 10, "培训合格率", 10, "≥95%", "96%", 10, None),
    ("产出指标", None, "时效指标", 10, "培训完成及时性", 10, "2024年12月31日前完成",
     "2024年12月20日完成", 10, None),
    ("产出指标", None, "成本指标", 10, "人均培训成本", 10, "≤300元", "280元", 10, None),
    ("效益指标", 30, "社会效益指标", 20, "参训人员就业率", 20, "≥80%", "85%", 20, None),
    ("效益指标", None, "可持续影响指标", 10, "培训长效机制", 10, "建立", "已建立", 10, None),
    ("满意度指标", 10, "服务对象满意度指标", 10, "学员满意度", 10, "≥95%", "97%", 10, None)]


def _per_level(path, rows):
    book = Book()
    sheet = book.sheet("自评表")
    sheet.project("农村劳动力技能培训")
    sheet.money(FULLY_SPENT)
    sheet.indicators(rows, header=PER_LEVEL)
    sheet.total(100, 100)
    sheet.grade("优")
    return book.save(path)


@pytest.mark.parametrize(("change", "found"), [
    ({}, []),
    ({(0, 3): 25}, [("E5", "“数量指标”分值 25，所汇总的 1 项指标分值合计 20")]),
    ({(0, 1): 60}, [("C5", "“产出指标”分值 60，所汇总的 4 项指标分值合计 50")])])
def test_the_points_of_each_level_in_a_column_of_their_own(tmp_path, change, found):
    """一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值: the 一级's and 二级's points are
    compared with their rows (before: never looked at, a mismatch passed)."""
    rows = [list(row) for row in PER_LEVEL_ROWS]
    for (index, column), value in change.items():
        rows[index][column] = value
    _, data = checked(_per_level(tmp_path / "t.xlsx", [tuple(row) for row in rows]))
    assert [(f["cell"], f["message"]) for f in data["findings"] if f["code"] == "JX103"] \
        == found
    assert codes(data) == ["JX103"] * len(found)
