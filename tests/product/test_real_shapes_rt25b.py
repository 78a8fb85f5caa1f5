"""Provincial column orders (red team rt25 b): correct tables, and tables with a mistake
planted, each read before with a false finding or a missed one."""

from __future__ import annotations

import pytest
from test_real_shapes import checked, codes
from workbooks import Book

DEPARTMENT, UNIT = "某县卫生健康局", "某县疾病预防控制中心"
MONEY = [("年度资金总额", 100, 120, 114, 10, "95%", 9.5)]
# (一级, 二级, 三级, 指标值, 完成值, 分值, 得分, 偏差原因): 9.5 + 89.25 = 98.75. The 时效
# and 成本 rows write no sign: their 二级 makes them ceilings (DOMAIN.md: ≤)
ROWS = [
    ("产出指标", "数量指标", "培训人数", "≥500人次", "520人次", 10, 10, None),
    ("产出指标", "数量指标", "居民健康档案建档率", "≥95%", "90%", 10, 9.47,
     "外出务工人员多，建档率未达标；下一步加强入户建档。"),
    ("产出指标", "质量指标", "体检报告合格率", "100%", "100%", 10, 10, None),
    ("产出指标", "时效指标", "审核办结时限", "5个工作日", "3个工作日", 10, 10, None),
    ("产出指标", "成本指标", "人均培训成本", "300元/人", "280元/人", 10, 10, None),
    ("效益指标", "社会效益指标", "居民健康知识知晓率", "≥80%", "85%", 15, 15, None),
    ("效益指标", "可持续影响指标", "长效管理机制", "健全", "健全", 15, 15, None),
    ("满意度指标", "服务对象满意度指标", "居民满意度", "≥90%", "88%", 10, 9.78,
     "个别村卫生室服务态度有待改进，已组织培训。")]
LEVELS = [(level1, level2) for level1, level2, *_ in ROWS]


def _book(path, header, rows, total=98.75):
    book = Book()
    sheet = book.sheet()
    sheet.title("项目支出绩效自评表", "（2024年度）")
    sheet.project("乡镇卫生院基本公共卫生服务项目", DEPARTMENT, UNIT)
    sheet.money(MONEY)
    sheet.indicators(rows, header=header, lead=None, merged=header[:1])
    sheet.total(sum(row[-3] for row in rows) + 10, total)
    sheet.grade("优")
    return book.save(path)


# ---------------------------------------------------------------- 一级-二级 in one column

def _levels_in_one(path, header, rows=ROWS, total=98.75):
    return _book(path, (header, "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                        "偏差原因分析及改进措施"),
                 [(f"{level1}-{level2}", *rest) for level1, level2, *rest in rows], total)


@pytest.mark.parametrize("header", ["指标", "指标类型", "指标分类", "类别", "绩效指标",
                                    "指标维度", "考核内容", "评价维度"])
def test_a_column_of_level_pairs_is_the_levels_whatever_its_header(tmp_path, header):
    """产出指标-成本指标 under 指标类型 (类别, 指标维度 …; 指标 alone would name the 三级):
    the 一级 and 二级, as under 指标类别. Before: the column ignored (under 指标, taken
    for the names), a 评分附件表 without 二级 — the 时效 and 成本 rows scored as rising,
    JX402 at F11 and F12 (应为 6, 应为 9.33)."""
    table, data = checked(_levels_in_one(tmp_path / "t.xlsx", header))
    assert [(i.level1, i.level2) for i in table.indicators] == LEVELS
    assert [i.name for i in table.indicators][:2] == ["培训人数", "居民健康档案建档率"]
    assert data["layout"] == "standard" and codes(data) == []
    assert data["total_computed"] == 98.75
    assert table.indicators[4].sources["level1"].cell == "A12"


def test_a_missing_level1_is_told_under_a_column_of_level_pairs(tmp_path):
    """No 满意度指标 row (its 10 points given to 效益): JX104 and JX102, which a table
    whose levels went unread passed over."""
    rows = [*ROWS[:5], (*ROWS[5][:5], 25, 25, None), *ROWS[6:7]]
    _, data = checked(_levels_in_one(tmp_path / "t.xlsx", "指标类型", rows, total=98.97))
    assert [(item["code"], item["cell"], item["message"]) for item in data["findings"]] == [
        ("JX102", "A13", "一级指标“效益指标”分值合计 40，默认为 30（产出 50、效益 30、满意度 10、"
                         "预算执行率 10）；调整权重须说明理由"),
        ("JX104", "B7", "缺少一级指标“满意度指标”")]


@pytest.mark.parametrize("written", [
    ["产出指标", "产出指标", "产出指标", "产出指标", "产出指标", "效益指标", "效益指标", "满意度指标"],
    ["产出指标-数量指标", "产出指标-数量指标", "重点工作-培训", "重点工作-宣传", "产出指标-成本指标",
     "效益指标-社会效益指标", "效益指标-可持续影响指标", "满意度指标-服务对象满意度指标"]])
def test_a_column_not_of_level_pairs_on_every_row_stays_unread(tmp_path, written):
    """一级 names alone, or pairs beside other categories (重点工作-培训), under 类别: no
    column of levels — read as before (no 一级, no 二级, a 评分附件表)."""
    rows = [(category, *row[2:]) for category, row in zip(written, ROWS, strict=True)]
    path = _book(tmp_path / "t.xlsx", ("类别", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                                       "偏差原因分析及改进措施"), rows)
    table, data = checked(path)
    assert [(i.level1, i.level2) for i in table.indicators] == [(None, None)] * len(ROWS)
    assert [i.name for i in table.indicators][:2] == ["培训人数", "居民健康档案建档率"]
    assert data["layout"] == "attachment"


# ---------------------------------------------------------------- a scoring rule in the value's cell

@pytest.mark.parametrize(("target", "actual"), [
    ("≥95%，每少1%扣0.5分", "90%"), ("≥95%\n评分标准：完成得满分，每少1个百分点扣0.5分", "90%"),
    ("建档率≥95%，达到得10分，每降1%扣1分", "90%"), ("≥95%", "90%\n扣0.53分")])
def test_a_scoring_rule_after_the_value_in_its_cell_is_read_as_in_brackets(tmp_path, target,
                                                                            actual):
    """The 建档率 row's rule after a comma or on a new line of its 指标值 (or its 完成值):
    scored as ≥95%（每少1%扣0.5分） is, 9.47. Before: JX203 at D9/E9 “数值后还有数字”,
    the total “—”."""
    rows = [*ROWS]
    rows[1] = (*ROWS[1][:3], target, actual, *ROWS[1][5:])
    header = ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
              "偏差原因分析及改进措施")
    _, data = checked(_book(tmp_path / "t.xlsx", header, rows))
    assert codes(data) == []
    assert data["indicators"][1]["score_computed"] == 9.47
    assert data["total_computed"] == 98.75


# ---------------------------------------------------------------- a 评分依据 of rules only

RULES = ["完成得满分，每少1%扣0.5分", "≥95%得满分，90%-95%得80%分值，<90%不得分",
         "达到得满分，未达到不得分", "达到得满分，每低1个百分点扣0.5分", "不超过得满分，每超出1%扣0.5分",
         "每降低1个百分点扣1分", "健全得满分，基本健全得80%分值", "满意度每降低1个百分点扣1分"]
WITH_BASIS = ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分")


@pytest.mark.parametrize("header", ["评分依据", "得分依据", "打分依据", "备注"])
def test_a_basis_column_of_scoring_rules_explains_no_deduction(tmp_path, header):
    """No 偏差原因 column; a 评分依据 holding the scoring rule on every row, full marks
    and deductions alike: no reason, as under 评分标准. Before: taken for the reasons,
    the two deductions (9.47/10, 9.78/10) passed as explained."""
    rows = [(*row[:7], rule) for row, rule in zip(ROWS, RULES, strict=True)]
    _, data = checked(_book(tmp_path / "t.xlsx", (*WITH_BASIS, header), rows))
    assert [(item["code"], item["cell"], item["message"]) for item in data["findings"]] == [
        ("JX405", "G9", "“居民健康档案建档率”扣 0.53 分（9.47/10），未说明偏差原因（表中没有偏差原因列）"),
        ("JX405", "G15", "“居民满意度”扣 0.22 分（9.78/10），未说明偏差原因（表中没有偏差原因列）")]


def test_a_basis_column_with_the_deductions_explained_stays_their_reasons(tmp_path):
    """The rules on the full-mark rows, what went wrong on the deductions (外出务工人员多，
    建档率未达标，扣0.53分): the 得分依据 explains them, as before."""
    rows = [(*row[:7], row[7] or rule) for row, rule in zip(ROWS, RULES, strict=True)]
    rows[1] = (*rows[1][:7], "外出务工人员多，建档率未达标，扣0.53分")
    table, data = checked(_book(tmp_path / "t.xlsx", (*WITH_BASIS, "得分依据"), rows))
    assert codes(data) == []
    assert table.indicators[1].sources["reason"].cell == "H9"
