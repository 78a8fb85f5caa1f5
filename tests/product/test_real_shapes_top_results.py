"""The 自评得分 and 等级 written in a summary block above the table (广东, 浙江 forms:
自评得分 | 96 | 自评等级 | 优), or beside the 总分 under it under other labels (自评结果,
评价结果, 等次, 自评级别 …): read, and held against the 总分 and 评分等级 rows.

Every table here is the first Putuo 2024 table: 执行率 9.98 + indicators 90 = 99.98, 优."""

import pytest
from test_real_shapes import checked, codes
from workbooks import PUTUO_1_MONEY, PUTUO_1_ROWS, Book


def _putuo(path, *head, total=(100, 99.98), grade="优", bottom=None):
    """The Putuo table with the ``head`` lines (each a tuple of cells) between its title
    and its project rows; ``bottom``: a line of cells instead of the 总分 and 评分等级 rows."""
    book = Book()
    sheet = book.sheet()
    sheet.title("项目支出绩效自评表", "（2024 年度）")
    for cells in head:
        sheet.line(*cells)
    sheet.project("信息安全等保项目", "上海市普陀区医疗保障局", "上海市普陀区医疗保险事务中心")
    sheet.money(PUTUO_1_MONEY)
    sheet.indicators(PUTUO_1_ROWS)
    if bottom is not None:
        sheet.line(*bottom)
        return book.save(path)
    if total is not None:
        sheet.total(*total)
    if grade is not None:
        sheet.grade(grade)
    return book.save(path)


def _found(data):
    return [(item["code"], item["cell"], item["message"]) for item in data["findings"]]


# ---------------------------------------------------------------- a summary above the rows under it

def test_a_head_total_other_than_the_total_row_is_reported(tmp_path):
    """Before: 未发现问题. Head 96, 总分 row H17 99.98 (9.98 + 90, the sum): the head is off."""
    _, data = checked(_putuo(tmp_path / "t.xlsx", ("自评得分", 96, "自评等级", "优")))
    assert _found(data) == [("JX506", "B3", "此处写总分 96，与 H17 的总分 99.98 不一致"
                                           "（各项得分之和为 99.98）")]


def test_a_head_grade_other_than_the_grade_row_is_reported(tmp_path):
    """Before: 未发现问题. Head 良, 评分等级 row B18 优 (99.98 is 优)."""
    _, data = checked(_putuo(tmp_path / "t.xlsx", ("自评得分", 99.98, "自评等级", "良")))
    assert _found(data) == [("JX506", "D3", "此处写评分等级“良”，与 B18 的评分等级“优”不一致"
                                           "（总分 99.98 应为“优”）")]


def test_a_head_that_agrees_is_no_finding(tmp_path):
    table, data = checked(_putuo(tmp_path / "t.xlsx", ("自评得分", 99.98, "自评等级", "优秀")))
    assert codes(data) == [] and table.sources["total"].cell == "H17"


# ---------------------------------------------------------------- the grade's labels

@pytest.mark.parametrize("label", ["自评结果", "评价结果", "自评结论", "等次", "评定等级", "自评级别",
                                   "绩效等级", "自评等次"])
def test_a_head_grade_under_any_label_is_read(tmp_path, label):
    """Before (but for 绩效等级, 自评等次): 评分等级 填报 —, 未发现问题. 99.98 is 优, not 良."""
    table, data = checked(_putuo(tmp_path / "t.xlsx", ("自评得分", 99.98, label, "良好"),
                                 total=None, grade=None))
    assert table.grade_declared == "良好"
    assert _found(data) == [("JX502", "D3", "评分等级写为“良好”，总分 99.98 应为“优秀”")]


def test_a_head_result_holding_a_score_is_no_grade(tmp_path):
    """评价结果 | 99.98 names no grade: no 评分等级 read from it."""
    table, _ = checked(_putuo(tmp_path / "t.xlsx", ("评价结果", 99.98), grade=None))
    assert table.grade_declared is None


def test_a_head_over_two_rows(tmp_path):
    """Before: 评分等级 填报 —. 自评结果 | 良好 on the year's row, 自评得分 | 99.98 under it."""
    book = Book()
    sheet = book.sheet()
    sheet.line("项目支出绩效自评表")
    sheet.merge(1, 1, 8)
    sheet.line("（2024 年度）", None, "自评结果", "良好")
    sheet.line("自评得分", 99.98)
    sheet.project("信息安全等保项目", "上海市普陀区医疗保障局", "上海市普陀区医疗保险事务中心")
    sheet.money(PUTUO_1_MONEY)
    sheet.indicators(PUTUO_1_ROWS)
    _, data = checked(book.save(tmp_path / "t.xlsx"))
    assert _found(data) == [("JX502", "D2", "评分等级写为“良好”，总分 99.98 应为“优秀”")]


def test_a_head_sum_label_is_the_total(tmp_path):
    """Before: 总分 填报 —, 未发现问题. 得分合计 92, the sum 99.98."""
    _, data = checked(_putuo(tmp_path / "t.xlsx", ("得分合计", 92, "等级", "优秀"),
                             total=None, grade=None))
    assert [(code, cell) for code, cell, _ in _found(data)] == [("JX501", "B3")]


def test_a_bottom_row_of_score_and_result(tmp_path):
    """Before: 评分等级 填报 —. 自评得分 | 99.98 | | 自评结果 | 良好 under the indicators."""
    _, data = checked(_putuo(tmp_path / "t.xlsx",
                             bottom=("自评得分", 99.98, None, "自评结果", "良好")))
    assert _found(data) == [("JX502", "E16", "评分等级写为“良好”，总分 99.98 应为“优秀”")]


def test_a_total_row_ending_in_a_result(tmp_path):
    """Before: 评分等级 填报 —. 总分 | … | 100 | 99.98 | 评价结果：良好."""
    _, data = checked(_putuo(tmp_path / "t.xlsx", bottom=(
        "总分", None, None, None, None, None, 100, 99.98, "评价结果：良好")))
    assert _found(data) == [("JX502", "I16", "评分等级写为“良好”，总分 99.98 应为“优秀”")]


# ---------------------------------------------------------------- rt27 r5: the full mark, no grade, labels over values

@pytest.mark.parametrize("head", [("总分", 100, "自评得分", 99.98), ("总 分", "100分", "自评得分", "99.98分"),
                                  ("项目总分", 100, "项目得分", 99.98), ("自评得分", 99.98, "总分", 100)],
                         ids=["总分", "总 分", "项目总分", "得分在前"])
def test_a_head_total_beside_the_score_is_the_full_mark(tmp_path, head):
    """Before: JX506 “此处写总分 100，与 H17 的总分 99.98 不一致”. A 总分 | 100 beside the
    自评得分 (项目得分) in the block is the 满分; the score is 99.98, as the 总分 row says."""
    table, data = checked(_putuo(tmp_path / "t.xlsx", head))
    assert codes(data) == [], data["findings"]
    assert table.sources["total"].cell == "H17"


def test_a_head_project_score_alone_is_the_total(tmp_path):
    """项目自评得分 | 99.98 | 项目自评等级 | 优秀 with no 总分 row: the head's 99.98 is the
    declared total (rt27 r3 u01), 99.98 = 9.98 + 90, 优."""
    table, data = checked(_putuo(tmp_path / "t.xlsx", ("项目自评得分", 99.98, "项目自评等级", "优秀"),
                                 total=None, grade=None))
    assert (table.total_declared, table.sources["total"].cell) == (99.98, "B3")
    assert codes(data) == [], data["findings"]


def test_a_wrong_score_beside_the_full_mark_is_still_reported(tmp_path):
    """总分 | 100 | 自评得分 | 96: the 96 (D3) is held against H17's 99.98."""
    _, data = checked(_putuo(tmp_path / "t.xlsx", ("总分", 100, "自评得分", 96)))
    assert _found(data) == [("JX506", "D3", "此处写总分 96，与 H17 的总分 99.98 不一致"
                                           "（各项得分之和为 99.98）")]


@pytest.mark.parametrize(("label", "result"), [("自评结果", "合格"), ("评价结果", "较好"),
                                               ("自评结论", "一般")])
def test_a_head_result_naming_no_grade_is_not_compared(tmp_path, label, result):
    """Before: JX506 “此处写评分等级“合格”，与 B18 的评分等级“优”不一致”. A 自评结果 of
    合格 or 较好 (no 优/良/中/差 in it) says the evaluation passed, not a grade."""
    table, data = checked(_putuo(tmp_path / "t.xlsx", (label, result)))
    assert codes(data) == [], data["findings"]
    assert table.grade_declared == "优"


@pytest.mark.parametrize(("values", "found"), [
    ((100, 99.98, "优"), []),
    ((100, 95, "优"), [("JX506", "B4", "此处写总分 95，与 H18 的总分 99.98 不一致（各项得分之和为 99.98）")]),
    ((100, 99.98, "良"), [("JX506", "C4", "此处写评分等级“良”，与 B19 的评分等级“优”不一致"
                                          "（总分 99.98 应为“优”）")]),
], ids=["一致", "得分不符", "等级不符"])
def test_a_head_block_of_labels_over_values(tmp_path, values, found):
    """Before: not read (未发现问题 with 95 planted). 总分 | 自评得分 | 自评等级 on one row,
    100 | 95 | 优 under them: the 自评得分 is B4's, held against H18's 99.98 (9.98 + 90)."""
    _, data = checked(_putuo(tmp_path / "t.xlsx", ("总分", "自评得分", "自评等级"), values))
    assert _found(data) == found


# ---------------------------------------------------------------- grades written with 等次

@pytest.mark.parametrize(("grade", "found"), [("优秀等次", []), ("优等次", []), ("良好等次", ["JX502"])])
def test_a_grade_with_dengci(tmp_path, grade, found):
    """Before: 优秀等次 → JX502 不是优、良、中、差之一 (优秀级 was read)."""
    _, data = checked(_putuo(tmp_path / "t.xlsx", grade=grade))
    assert codes(data) == found
    if found:
        # named in the table's own scale (优秀/良好/合格/不合格, rt29)
        assert data["findings"][0]["message"] == f"评分等级写为“{grade}”，总分 99.98 应为“优秀”"


# ---------------------------------------------------------------- 权重 as decimal shares of 1

def _shares(path, weight, satisfaction="95%"):
    """The Putuo table under a 权重 column, each row's points written by ``weight`` (0.05
    for 5 points, or "5%"), the money's 10 too and the 总分 row's 100; 得分 in points."""
    header = ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "权重", "得分",
              "偏差原因分析及改进措施")
    rows = [(*row[:5], weight(row[5]), *row[6:]) for row in PUTUO_1_ROWS[:-1]]
    rows.append(("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", satisfaction,
                 weight(10), 10, None))
    money = [(PUTUO_1_MONEY[0][:4] + (weight(10),) + PUTUO_1_MONEY[0][5:]), *PUTUO_1_MONEY[1:]]
    book = Book()
    sheet = book.sheet()
    sheet.title("项目支出绩效自评表", "（2024 年度）")
    sheet.project("信息安全等保项目", "上海市普陀区医疗保障局", "上海市普陀区医疗保险事务中心")
    sheet.money(money)
    sheet.indicators(rows, header=header)
    sheet.total(weight(100), 99.98)
    sheet.grade("优")
    return book.save(path)


def _decimal(points):
    return round(points / 100, 4)


def _percent(points):
    return f"{points:g}%"


def test_decimal_weights_totalling_one_are_shares_of_the_100_points(tmp_path):
    """Before: 23 findings (JX101 分值合计为 1, JX302 应为 0.1, JX401 得分 5 大于分值 0.05 …).
    0.05 + 0.25 + 0.2 + 0.3 + 0.1 + money 0.1 = 1: read as 5, 25, 20, 30, 10 and 10 points,
    as "5%" … already are; the scores 5 + 25 + 20 + 30 + 10 + 9.98 = 99.98, 优."""
    table, data = checked(_shares(tmp_path / "t.xlsx", _decimal))
    assert [i.weight for i in table.indicators] == [5, 25, 20, 30, 10] and table.funds.weight == 10
    assert codes(data) == []


def test_decimal_weights_are_checked_as_percent_ones(tmp_path):
    """满意度 85% for ≥90%, full marks 10: 10 × 85 / 90 = 9.44 (JX402), as with "10%"."""
    _, shares = checked(_shares(tmp_path / "t.xlsx", _decimal, "85%"))
    _, percents = checked(_shares(tmp_path / "p.xlsx", _percent, "85%"))
    assert "JX402" in codes(percents)
    assert _found(shares) == _found(percents)


def test_decimal_weights_with_scores_as_shares_stay_as_they_are(tmp_path):
    """权重 0.1 … with 得分 in the same shares (total 0.9998): no points to read them as."""
    book = Book()
    sheet = book.sheet()
    header = ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "权重", "得分")
    sheet.indicators([(*row[:5], _decimal(row[5]), _decimal(row[6])) for row in PUTUO_1_ROWS]
                     + [("产出指标", "数量指标", "执行率", "100%", "100%", 0.1, 0.1)], header=header)
    sheet.total(1, 1)
    table, _ = checked(book.save(tmp_path / "t.xlsx"))
    assert [i.weight for i in table.indicators][:2] == [0.05, 0.25]
