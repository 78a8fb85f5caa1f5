"""The 宁夏 银川市本级部门项目支出绩效自评表 (2021, 初中公用经费; red team rt6-b t06): an
index system of four 一级 — 项目决策 / 项目管理 / 项目产出 / 项目效益 — each merged down over
its rows. Its 决策 and 管理 rows print "—" as the 指标值 on purpose (they are scored by
their 评分标准) and describe the situation as the 全年实际值; its 项目效益（35分） is merged
over the 满意度 row too (15 + 10 + 10 = 35)."""

import pytest
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
RATE = 2  # the 预算执行率 row
MANAGEMENT = 3  # the 财务管理制度有效性 row
OUTPUT = 4  # the 保障人数 row
SATISFACTION = 7


MONEY_HEADER = ("年初预算数", "调整预算数(A)", "全年执行数(B)", "执行率(B/A)")
SPENT = ("年度资金总额", 64.8, 64.8, 64.8, "100%")


def yinchuan(path, rows=ROWS, merge=True, money=SPENT, money_points=None, total=100):
    """The 银川 form: 自评得分 beside the 项目名称, a money block without 分值 (``money``:
    its 年度资金总额 line, None: no money block), the indicators with 参考分值 before the
    指标值, the 预算执行率 a 三级 of 项目管理; no 总分 row. ``money_points``: (分值, 得分)
    in the money block too (a form that prints them there as well)."""
    book = Book()
    sheet = book.sheet("Sheet1")
    sheet.line("银川市本级部门项目支出绩效自评表（2021年）")
    sheet.line("项目名称", "初中公用经费", None, None, None, "自评得分", total)
    sheet.line("主管部门", "银川市教育局", None, None, None, "财政审核评分")
    sheet.line("实施单位", "银川市第六中学")
    if money is not None:
        header, line = MONEY_HEADER, money
        if money_points is not None:
            header, line = (*MONEY_HEADER, "分值", "得分"), (*money, *money_points)
        sheet.money([line], header=header)
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


def test_an_empty_target_on_a_management_row_is_no_missing_target_either(tmp_path):
    """Left blank as "—" is printed (rt29 tp22b): such a row never has a target; before,
    JX201 “未填写年度指标值”. Its 得分 is counted as written: 4 + 6 + 10 + 15 + 30 + 15 +
    10 + 10 = 100."""
    table, data = checked(yinchuan(tmp_path / "t.xlsx", rows=changed(MANAGEMENT, target=None)))
    assert "JX201" not in codes(data)
    assert (data["total_computed"], data["total_basis"]) == (100, "rules")


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


# ---------------------------------------------------------------- 预算执行率 under 项目管理 (过程)

LOW = ("年度资金总额", 64.8, 64.8, 51.84, "80%")  # 80 % spent
PROCESS_NAMES = {"项目决策（10分）": "决策（10分）", "项目管理（25分）": "过程（25分）",
                 "项目产出（30分）": "产出（30分）", "项目效益（35分）": "效益（35分）"}


def _rows(process, **fields):
    """ROWS with the 预算执行率 row's ``fields`` changed; ``process``: the 一级 named as
    an evaluator's index system names them (决策/过程/产出/效益)."""
    rows = changed(RATE, **fields)
    if process:
        rows = [(PROCESS_NAMES.get(row[0], row[0]), *row[1:]) for row in rows]
    return rows


def _rate_cells(money):
    """The 预算执行率 row's 得分 and 原因 cells: its row is 10 under the money block, 8
    without it."""
    row = 10 if money is not None else 8
    return f"G{row}", f"H{row}"


VARIANTS = [(SPENT, None), (None, None), (SPENT, (10, 10))]


@pytest.mark.parametrize("process", [False, True])
@pytest.mark.parametrize(("money", "money_points"), VARIANTS)
def test_the_rate_as_a_management_row_is_scored_once(tmp_path, money, money_points, process):
    """项目管理（25分） | 投入管理 | 预算执行率 | 10 | — | 100% | 10, the indicators' 分值 making
    100, with the money block above it (its 分值 | 得分 10 | 10 printed too, or not) or
    none: nothing to report, the row scored by the rate (10 × 100 %). Before, the money's
    10 was counted beside the row's: JX101 “分值合计为 110” and JX501 “各项得分之和为 110”."""
    table, data = checked(yinchuan(tmp_path / "t.xlsx", rows=_rows(process), money=money,
                                   money_points=money_points))
    assert table.layout == "third_party"
    assert codes(data) == [], data["findings"]
    assert data["indicators"][RATE]["score_computed"] == 10


@pytest.mark.parametrize("process", [False, True])
@pytest.mark.parametrize("money", [LOW, None])
def test_a_low_rate_in_its_management_row_is_judged_by_the_rate_rule(tmp_path, money, process):
    """80 % → 8 of 10, no reason: JX306 once, in the row's 原因 cell (the money block has
    no 原因 column) — not JX405 “扣 2 分” besides (before: JX405, and JX306 on the money's
    执行率 cell). With a reason: nothing."""
    rows = _rows(process, actual="80%", score=8)
    _, data = checked(yinchuan(tmp_path / "t.xlsx", rows=rows, money=money, total=98))
    assert codes(data) == ["JX306"], data["findings"]
    assert _at(data, "JX306") == [_rate_cells(money)[1]]
    rows = _rows(process, actual="80%", score=8, reason="部分设备采购延至次年")
    _, data = checked(yinchuan(tmp_path / "r.xlsx", rows=rows, money=money, total=98))
    assert codes(data) == []


@pytest.mark.parametrize("money", [("年度资金总额", 64.8, 64.8, 58.32, "90%"), None])
def test_a_rate_of_90_percent_needs_no_reason_for_its_point(tmp_path, money):
    """90 % → 9 of 10 without a reason: the 执行率 rule asks for none (before: JX405)."""
    rows = changed(RATE, actual="90%", score=9)
    _, data = checked(yinchuan(tmp_path / "t.xlsx", rows=rows, money=money, total=99))
    assert codes(data) == [], data["findings"]


@pytest.mark.parametrize("money", [LOW, None])
def test_a_low_rate_scored_in_full_is_still_flagged(tmp_path, money):
    """80 % scored 10 of 10 in the 项目管理 row: the rules give 8 (before: nothing at all)."""
    rows = changed(RATE, actual="80%", score=10, reason="部分设备采购延至次年")
    _, data = checked(yinchuan(tmp_path / "t.xlsx", rows=rows, money=money))
    assert codes(data) == ["JX402"], data["findings"]
    score_cell = _rate_cells(money)[0]
    assert _at(data, "JX402") == [score_cell]
    [message] = [f["message"] for f in data["findings"] if f["code"] == "JX402"]
    assert "应为 8（预算执行率：分值 × 执行率）" in message


def test_a_row_rate_unlike_the_moneys_is_still_flagged(tmp_path):
    """The money 100 % spent, the 项目管理 row's 全年实际值 90 %: JX305 at the row, and its
    9 points scored from the wrong 90 % are not the 10 the money's 100 % gives (JX404)."""
    rows = changed(RATE, actual="90%", score=9)
    _, data = checked(yinchuan(tmp_path / "t.xlsx", rows=rows, total=99))
    assert codes(data) == ["JX305", "JX404"], data["findings"]
    assert _at(data, "JX305") == ["F10"]
    assert _at(data, "JX404") == ["G10"]
    [message] = [f["message"] for f in data["findings"] if f["code"] == "JX404"]
    assert message.endswith("应为 10（预算执行率：分值 × 执行率，执行率按全年执行数 ÷ 全年预算数"
                            "为 100%；表中执行率写为 90%，有误，见 JX305；总分 99 随之应为 100）"), message


def test_a_money_score_restating_the_row_is_still_checked(tmp_path):
    """The money block's 分值 10 | 得分 10 at 80 % (the row rightly 8): counted once, in
    the row, but the money's 得分 is still not 10 × 80 % (JX302)."""
    rows = changed(RATE, actual="80%", score=8, reason="部分设备采购延至次年")
    _, data = checked(yinchuan(tmp_path / "t.xlsx", rows=rows, money=LOW, money_points=(10, 10),
                               total=98))
    assert codes(data) == ["JX302"], data["findings"]
    assert _at(data, "JX302") == ["H6"]


def test_a_wrong_total_over_the_management_row_is_still_flagged(tmp_path):
    _, data = checked(yinchuan(tmp_path / "t.xlsx", money_points=(10, 10), total=95))
    assert codes(data) == ["JX501"]
    assert [f["message"] for f in data["findings"]] == ["总分写为 95，各项得分之和为 100"]
