"""The unit's score beside the reviewers' columns (red team rt26-b): the 自评表 is the
unit's own scoring, so of 主管部门评分 | 财政评分 | 自评得分 (in any order), or 得分 over
单位自评 | 主管部门评价 | 财政复核, the 自评 column is the score — the reviewers' (blank,
or filled with their stricter scores) are never read as the unit's. A reviewer's column
alone (no 自评 column) stays the score, as before."""

import pytest
from openpyxl import Workbook
from test_real_shapes import checked, codes
from workbooks import Book

# (一级, 二级, 三级, 指标值, 完成值, 分值, the unit's 得分, the reviewer's, 偏差原因)
ROWS = [
    ("产出指标", "数量指标", "培训人数", "≥500人次", "520人次", 20, 20, 20, None),
    ("产出指标", "数量指标", "覆盖乡镇数", "≥18个", "18个", 10, 10, 10, None),
    ("产出指标", "质量指标", "培训合格率", "≥95%", "92%", 10, 9.68, 8, "部分学员未参加补考"),
    ("产出指标", "时效指标", "培训完成及时性", "及时", "及时", 5, 5, 5, None),
    ("产出指标", "成本指标", "人均培训成本", "≤300元/人", "280元/人", 5, 5, 5, None),
    ("效益指标", "社会效益指标", "群众政策知晓率", "≥90%", "93%", 15, 15, 15, None),
    ("效益指标", "可持续影响指标", "培训长效机制", "健全", "健全", 15, 15, 15, None),
    ("满意度指标", "服务对象满意度指标", "参训人员满意度", "≥90%", "95%", 10, 10, 9, None),
]
MONEY = [("年度资金总额", 100, 100, 95, 10, "95%", 9.5)]
TOTAL, REVIEWED = 99.18, 97.5  # 9.5 + 89.68; the reviewer's 9.5 + 88
SELF = ("自评", "单位自评", "自评得分", "单位自评分", "得分", "部门（单位）自评", "部门(单位)自评",
        "部门自评")  # the unit's (得分: names nobody)


def _book(scores, *, two_rows=None, filled=True, rows=ROWS, reviewed=REVIEWED):
    """The table with the score columns headed ``scores`` (one header row; ``two_rows``:
    under that word merged across them), the unit's scores under the header in ``SELF``,
    the reviewer's under the others (blank unless ``filled``; ``reviewed`` on the 总分 row):
    the book and the columns."""
    book = Book()
    sheet = book.sheet("自评表")
    sheet.project("基层农技人员培训", "某县农业农村局", "某县农业技术推广中心")
    sheet.money(MONEY)
    lead = ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值")
    reason = len(lead) + len(scores) + 1
    top = sheet.line(*lead, *(scores if two_rows is None else (two_rows,)), None if two_rows
                     else "偏差原因分析及改进措施")
    if two_rows is not None:
        sheet.put(top, reason, "偏差原因分析及改进措施")
        sheet.line(*[None] * len(lead), *scores)
        sheet.merge(top, len(lead) + 1, len(lead) + len(scores))
        for column in (*range(1, len(lead) + 1), reason):
            sheet.merge(top, column, column, top + 1)
    own = [i for i, text in enumerate(scores) if text in SELF]
    for *head, unit, reviewer, why in rows:
        sheet.line(*head, *[unit if i in own else reviewer if filled else None
                            for i in range(len(scores))], why)
    sheet.line("总分", None, None, None, None, 100, *[
        TOTAL if i in own else reviewed if filled else None for i in range(len(scores))])
    sheet.grade("优")
    return book, [len(lead) + 1 + i for i in own]


def _read_right(tmp_path, scores, **options):
    book, own = _book(scores, **options)
    table, data = checked(book.save(tmp_path / "t.xlsx"))
    assert [i.score_declared for i in table.indicators] == [row[6] for row in ROWS]
    assert codes(data) == []
    assert (data["total_declared"], data["total_computed"]) == (TOTAL, TOTAL)
    return own


@pytest.mark.parametrize("filled", [True, False], ids=["复核已填", "复核空白"])
@pytest.mark.parametrize("scores", [
    ("主管部门评分", "自评得分"), ("财政评分", "自评得分"), ("主管部门评分", "财政评分", "自评得分"),
    ("专家评分", "得分"), ("自评得分", "主管部门审核得分"),
], ids="|".join)
def test_the_units_own_score_column_beside_the_reviewers(tmp_path, scores, filled):
    """主管部门评分 | 自评得分 (before: the department's column read as the unit's — blank,
    eight JX406; filled, JX404/JX403/JX405/JX501 on the department's scores)."""
    _read_right(tmp_path, scores, filled=filled)


@pytest.mark.parametrize("scores", [
    ("自评", "复核"), ("单位自评", "主管部门评价", "财政复核"), ("单位自评", "财政评价"),
    ("财政评价", "单位自评"), ("主管部门评分", "单位自评分"), ("自评得分", "复核得分"),
], ids="|".join)
def test_the_units_own_score_under_a_score_header_over_two_rows(tmp_path, scores):
    """得分 merged across 自评 | 复核 (单位自评 | 主管部门评价 | 财政复核): the 自评 column
    (before: the second row read as an indicator, JX106 “二级指标”未填写分值, no total)."""
    _read_right(tmp_path, scores, two_rows="得分")


@pytest.mark.parametrize("order", [1, -1], ids=["自评在左", "自评在右"])
@pytest.mark.parametrize("scores", [
    ("部门（单位）自评", "主管部门复核"), ("部门(单位)自评", "主管部门评价"),
    ("部门（单位）自评", "主管部门评价"), ("部门自评", "财政复核"),
], ids="|".join)
def test_the_department_units_own_score_under_a_score_header_over_two_rows(
        tmp_path, scores, order):
    """得分 merged across 部门（单位）自评 | 主管部门复核 (red team rt34, county forms), in
    either order: the 部门（单位）自评 column is the unit's own score, the second row a
    header (before: it was read as an indicator, JX106 “二级指标”未填写分值, no total,
    and 主管部门复核 left of it read as the score, JX404 on the department's number)."""
    _read_right(tmp_path, scores[::order], two_rows="得分")


def test_the_units_own_score_merged_down_beside_the_reviewers(tmp_path):
    """绩效指标 over 一级 | 二级 | 三级, 分值 | 主管部门评分 | 自评得分 merged down over
    both header rows: the 自评得分."""
    book = Book()
    sheet = book.sheet("自评表")
    sheet.project("基层农技人员培训")
    sheet.money(MONEY)
    top = sheet.line("绩效指标", None, None, "年度指标值", "实际完成值", "分值", "主管部门评分",
                     "自评得分", "偏差原因分析及改进措施")
    sheet.line("一级指标", "二级指标", "三级指标")
    sheet.merge(top, 1, 3)
    for column in range(4, 10):
        sheet.merge(top, column, column, top + 1)
    for *head, unit, reviewer, why in ROWS:
        sheet.line(*head, reviewer, unit, why)
    sheet.line("总分", None, None, None, None, 100, REVIEWED, TOTAL)
    sheet.grade("优")
    table, data = checked(book.save(tmp_path / "t.xlsx"))
    assert [i.score_declared for i in table.indicators] == [row[6] for row in ROWS]
    assert codes(data) == []


def test_a_wrong_own_score_is_found_in_its_column_not_the_reviewers(tmp_path):
    """The unit's full marks on the 培训合格率 (92 % of ≥95 %) beside the department's right
    9.68: JX402 at the unit's cell, and JX501 (its 总分 99.18 is not the sum of its own
    scores, 99.5) pointing at it too."""
    rows = [(*row[:6], 10, 9.68, None) if row[2] == "培训合格率" else row for row in ROWS]
    book, [own] = _book(("主管部门评分", "自评得分"), rows=rows)
    _, data = checked(book.save(tmp_path / "t.xlsx"))
    letter = "ABCDEFGHI"[own - 1]
    row = next(item["cell"] for item in data["indicators"] if item["name"] == "培训合格率")[1:]
    assert sorted((item["code"], item["cell"]) for item in data["findings"]) == [
        ("JX402", f"{letter}{row}"), ("JX501", f"{letter}{row}")]


@pytest.mark.parametrize("review", ["财政评分", "主管部门评分"])
def test_a_reviewers_column_alone_is_still_the_score(tmp_path, review):
    """No 自评 column: a 财政评分 (主管部门评分) column alone is the table's score, as before
    (a 财政 evaluation sheet scores the project itself)."""
    book = Book()
    sheet = book.sheet("自评表")
    sheet.project("基层农技人员培训")
    sheet.money(MONEY)
    sheet.line("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", review,
               "偏差原因分析及改进措施")
    for *head, unit, _, why in ROWS:
        sheet.line(*head, unit, why)
    sheet.line("总分", None, None, None, None, 100, TOTAL)
    sheet.grade("优")
    table, data = checked(book.save(tmp_path / "t.xlsx"))
    assert [i.score_declared for i in table.indicators] == [row[6] for row in ROWS]
    assert codes(data) == []


# rt26 j1 t3: a 第三方评价 score table (决策/过程/产出/效益), the evaluators' 评价得分 left of
# the unit's 单位自评分 (kept for comparison): (一级, 二级, 三级, 分值, 评价得分, 单位自评分)
EVALUATED = [
    ("决策", "项目立项", "立项依据充分性", 10, 10, 10),
    ("决策", "绩效目标", "绩效目标合理性", 10, 8, 10),
    ("过程", "资金管理", "预算执行率", 10, 9.5, 10),
    ("过程", "组织实施", "管理制度健全性", 10, 7, 10),
    ("产出", "产出数量", "信息系统建设数量", 20, 20, 20),
    ("产出", "产出时效", "完成及时性", 10, 8, 10),
    ("效益", "社会效益", "医保结算效率提升", 20, 16, 20),
    ("效益", "满意度", "参保群众满意度", 10, 9, 10),
]
EVALUATION_TOTAL = 87.5  # 良; the unit's own 100


def _evaluation_book(path, scores, *, deduction=False, totals=None):
    """The 评分表 with ``scores`` (each "评价" or "自评" for whose column) after 分值 |
    评分标准, a 扣分 column (分值 − 评价得分) after the 评价得分 if ``deduction``, then 扣分原因;
    the 合计 row's columns ``totals`` (whose → value), 评价等级 良."""
    wb = Workbook()
    ws = wb.active
    ws.title = "评分表"
    ws["A1"] = "博湖县医保信息化建设项目绩效评价指标体系评分表"
    ws["A2"], ws["B2"] = "项目名称", "博湖县医保信息化建设项目"
    heads = {"评价": "评价得分", "自评": "单位自评分"}
    header = ["一级指标", "二级指标", "三级指标", "分值", "评分标准"]
    whose = []
    for who in scores:
        header.append(heads[who])
        whose.append(who)
        if deduction and who == "评价":
            header.append("扣分")
            whose.append("扣分")
    header.append("扣分原因")
    for column, text in enumerate(header, 1):
        ws.cell(4, column, text)
    for offset, (one, two, name, weight, judged, own) in enumerate(EVALUATED):
        values = {"评价": judged, "自评": own, "扣分": round(weight - judged, 2)}
        line = [one, two, name, weight, "按评分标准打分",
                *[values[who] for who in whose], "" if judged == weight else "未完全达到目标"]
        for column, value in enumerate(line, 1):
            ws.cell(5 + offset, column, value)
    last = 5 + len(EVALUATED)
    ws.cell(last, 1, "合计")
    ws.cell(last, 4, 100)
    for who, value in (totals or {}).items():
        ws.cell(last, 6 + whose.index(who), value)
    ws.cell(last + 1, 1, "评价等级")
    ws.cell(last + 1, 2, "良")
    wb.save(path)
    return path


@pytest.mark.parametrize("order", [("评价", "自评"), ("自评", "评价")], ids=["评价在左", "自评在左"])
@pytest.mark.parametrize(("deduction", "totals"), [
    (False, {"评价": EVALUATION_TOTAL, "自评": 100}), (False, {"评价": EVALUATION_TOTAL}),
    (True, {"评价": EVALUATION_TOTAL, "扣分": 12.5, "自评": 100})], ids=["两列合计", "仅评价合计", "含扣分"])
def test_the_evaluators_score_beside_the_units_is_the_score(tmp_path, order, deduction, totals):
    """评价得分 | (扣分 |) 单位自评分, and 单位自评分 | 评价得分 (| 扣分): the evaluators'
    column is the table's score in either order — the unit's is what it claimed. Hand
    sum of 评价得分: 10 + 8 + 9.5 + 7 + 20 + 8 + 16 + 9 = 87.5 (良). Was the 单位自评分
    (100) whichever stood left: JX502 “应为优”, JX501 “总分写为 87.5，各项得分之和为
    100”, and with 扣分 a JX412 on every row the evaluators deducted (6 rows)."""
    path = _evaluation_book(tmp_path / "e.xlsx", order, deduction=deduction, totals=totals)
    table, data = checked(path)
    assert [i.score_declared for i in table.indicators] == [row[4] for row in EVALUATED]
    assert (data["total_declared"], data["total_computed"]) == (EVALUATION_TOTAL, EVALUATION_TOTAL)
    assert codes(data) == [], data["findings"]


@pytest.mark.parametrize("scores", [("财政评价得分", "自评得分"), ("专家评审得分", "自评得分")],
                         ids="|".join)
def test_a_named_reviewers_evaluation_still_gives_way_to_the_units_own(tmp_path, scores):
    """评价/评审 after a reviewer's name (财政评价得分, 专家评审得分) stay the reviewer's:
    the 自评得分 right of them is the score."""
    _read_right(tmp_path, scores)


@pytest.mark.parametrize("scores", [("自评得分", "评价得分"), ("评价得分", "自评得分")],
                         ids="|".join)
def test_a_blank_evaluation_column_gives_way_to_the_units_own(tmp_path, scores):
    """A 自评表 with a 评价得分 column left blank (for whoever evaluates next) beside the
    unit's 自评得分: nothing is scored there yet, the 自评得分 is the score (9.5 + 89.68
    = 99.18, 优) in either order — not eight JX406 on the blank cells."""
    _read_right(tmp_path, scores, filled=False)


# rt27 r5 c1a/c1b/c1e: the 评价得分 column of a 自评表 holding placeholders, a note, or the
# department's scores on the rows it marked down only: (the reviewer's cell on each row, the
# 总分 row's)
_UNFINISHED = {
    "斜杠": (["/"] * len(ROWS), "/"),
    "破折号": (["—"] * len(ROWS), "—"),
    "待评价": (["待评价"] + [None] * (len(ROWS) - 1), None),
    "仅扣分行": ([None, None, 8, None, None, None, None, 9], None),
}


@pytest.mark.parametrize("scores", [("自评得分", "评价得分"), ("评价得分", "自评得分")],
                         ids="|".join)
@pytest.mark.parametrize("unfinished", list(_UNFINISHED), ids=list(_UNFINISHED))
def test_an_evaluation_column_not_filled_with_scores_gives_way(tmp_path, scores, unfinished):
    """A 评价得分 column that holds “/”, “—”, “待评价” or scores on only the rows the
    department marked down (2 of 8) is no complete scoring: the unit's filled 自评得分 is
    the score (9.5 + 89.68 = 99.18, 优), no findings. Was the 评价得分 column: a JX406
    “未填写得分” (or “不是数字”) on every row it left unscored."""
    cells, reviewed = _UNFINISHED[unfinished]
    rows = [(*row[:7], cell, row[8]) for row, cell in zip(ROWS, cells, strict=True)]
    _read_right(tmp_path, scores, rows=rows, reviewed=reviewed)
