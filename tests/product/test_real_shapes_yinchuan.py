"""The 宁夏 银川市本级部门项目支出绩效自评表 (2021, 初中公用经费; red team rt6-b t06): an
index system of four 一级 — 项目决策 / 项目管理 / 项目产出 / 项目效益 — each merged down over
its rows. Its 决策 and 管理 rows print "—" as the 指标值 on purpose (they are scored by
their 评分标准) and describe the situation as the 全年实际值; its 项目效益（35分） is merged
over the 满意度 row too (15 + 10 + 10 = 35)."""

from test_real_shapes import checked, codes
from workbooks import Book

HEADER = ("一级指标", "二级指标", "三级指标", "参考\n分值", "指标值(A)", "全年实际值(B)", "得分",
          "未完成原因分析及改进措施")
ROWS = [
    ("项目决策（10分）", "项目目标", "完整性", 4, "—", "目标明确、内容细化、目标量化", 4, None),
    (None, "项目立项", "相关性", 6, "—", "按照学校管理标准对学校进行管理", 6, None),
    ("项目管理（25分）", "投入管理", "预算执行率", 10, "—", "100%", 10, None),
    (None, "财务管理", "财务管理制度有效性", 15, "—", "财务制度健全，严格执行制度，会计核算规范",
     15, None),
    ("项目产出（30分）", "数量指标（30分）", "保障人数", 30, "2370人", "2370人", 30, None),
    ("项目效益（35分）", "社会效益指标", "效果显著", 15, "改善学校的办学条件", "改善学校的办学条件",
     15, None),
    (None, "可持续影响指标", "办学环境", 10, "社会认可的办学环境", "社会认可的办学环境", 10, None),
    (None, "服务对象满意度指标（10分）", "学生和老师满意度", 10, "≥90%", "95%", 10, None),
]
MANAGEMENT = 3  # the 财务管理制度有效性 row
OUTPUT = 4  # the 保障人数 row
SATISFACTION = 7


def yinchuan(path, rows=ROWS, merge=True):
    """The 银川 form: 自评得分 beside the 项目名称, a money block without 分值, the
    indicators with 参考分值 before the 指标值; no 总分 row."""
    book = Book()
    sheet = book.sheet("Sheet1")
    sheet.line("银川市本级部门项目支出绩效自评表（2021年）")
    sheet.line("项目名称", "初中公用经费", None, None, None, "自评得分", 100)
    sheet.line("主管部门", "银川市教育局", None, None, None, "财政审核评分")
    sheet.line("实施单位", "银川市第六中学")
    sheet.money([(64.8, 64.8, 64.8, "100%")],
                header=("年初预算数", "调整预算数(A)", "全年执行数(B)", "执行率(B/A)"))
    sheet.indicators(rows, header=HEADER, lead=None, merge=merge)
    return book.save(path)


def changed(index, **fields):
    keys = ("level1", "level2", "name", "weight", "target", "actual", "score", "reason")
    rows = [list(row) for row in ROWS]
    for key, value in fields.items():
        rows[index][keys.index(key)] = value
    return [tuple(row) for row in rows]


def _at(data, code):
    return [item["cell"] for item in data["findings"] if item["code"] == code]


# ---------------------------------------------------------------- "—" as the 指标值 (bug 1)

def test_a_dash_target_on_decision_and_management_rows_is_no_missing_target(tmp_path):
    table, data = checked(yinchuan(tmp_path / "t.xlsx"))
    assert table.layout == "third_party"
    assert len(table.indicators) == len(ROWS)
    assert "JX201" not in codes(data)


def test_an_empty_target_on_a_management_row_is_still_missing(tmp_path):
    _, data = checked(yinchuan(tmp_path / "t.xlsx", rows=changed(MANAGEMENT, target=None)))
    assert _at(data, "JX201") == ["E11"]


def test_a_dash_target_on_an_output_row_is_still_missing(tmp_path):
    _, data = checked(yinchuan(tmp_path / "t.xlsx", rows=changed(OUTPUT, target="—")))
    assert _at(data, "JX201") == ["E12"]


# ---------------------------------------------------------------- 满意度 under 效益 (bug 2)

def test_a_satisfaction_level2_under_a_merged_benefit_level1_stays_there(tmp_path):
    table, data = checked(yinchuan(tmp_path / "t.xlsx"))
    assert table.indicators[SATISFACTION].level1 == "项目效益（35分）"
    assert table.level1_inferred == []
    assert codes(data) == []  # 15 + 10 + 10 = 35: no JX103, no JX107


def test_a_satisfaction_row_under_a_lost_merge_stays_where_the_points_put_it(tmp_path):
    """The same table converted from a PDF (merges lost): 项目效益（35分） written once,
    its rows 15 + 10 make 35 only with the 满意度 row's 10 — the row is the 效益's (before:
    JX107 and a false JX103 “标明 35 分，其下各指标分值合计 25 分”)."""
    table, data = checked(yinchuan(tmp_path / "t.xlsx", merge=False))
    assert table.indicators[SATISFACTION].level1 == "项目效益（35分）"
    assert codes(data) == []


def test_a_satisfaction_level2_under_an_unmerged_blank_level1_still_moves(tmp_path):
    """Where the points do not say so (a 项目效益 heading without points, or one whose rows
    already make them), the 二级 tells the 一级 as before (JX107)."""
    for number, heading in enumerate(("项目效益", "项目效益（25分）")):
        rows = changed(5, level1=heading)
        table, data = checked(yinchuan(tmp_path / f"{number}.xlsx", rows, merge=False))
        assert table.indicators[SATISFACTION].level1 == "满意度指标"
        assert "JX107" in codes(data)


def test_a_standard_table_with_its_benefit_merged_over_the_satisfaction_row(tmp_path):
    # the 满意度 row stays under the merged 效益指标 and still counts as the 满意度's share:
    # no JX104 (满意度 missing), no JX102 (效益 40)
    book = Book()
    sheet = book.sheet("自评表")
    sheet.project("医保经办能力提升", "某县医疗保障局", "某县医保中心")
    sheet.money([("年度资金总额", 30, 30, 30, 10, "100%", 10)])
    sheet.indicators([
        ("产出指标", "数量指标", "经办业务量", "≥2 万件", "2.3 万件", 30, 30, None),
        ("产出指标", "质量指标", "差错率", "≤1%", "0.5%", 20, 20, None),
        ("效益指标", "社会效益指标", "群众办事便利度", "明显提升", "达成", 30, 30, None),
        (None, "服务对象满意度指标", "参保群众满意度", "≥90%", "95%", 10, 10, None)])
    sheet.total(100, 100)
    sheet.grade("优")
    table, data = checked(book.save(tmp_path / "t.xlsx"))
    assert table.layout == "standard"
    assert table.indicators[-1].level1 == "效益指标"
    assert codes(data) == []
