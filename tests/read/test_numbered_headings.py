"""A third-party index table in one 评价指标 column (评价指标 | 评分标准 | 分值 | 得分 | 得分说明,
as Word reports and PDF conversions print it), its 一级 and 二级 written as numbered heading
rows whatever their words: 一、项目决策 | | 22 | 20 / （一）项目立项 | | 6 | 6 / 1.立项依据
充分性 | … | 3 | 3. The headings' points are subtotals of the rows under them (JX103 where
they differ), never indicators. Before (rt29), each heading counted as an indicator:
分值合计 300 (JX101), 得分之和 288 (JX501), JX405 on four heading rows, grade "—"."""

from __future__ import annotations

import pytest
from workbooks import Book

from jixiao.checks import run_checks
from jixiao.model import evaluate
from jixiao.read.workbook import read_tables

HEADER = ("评价指标", "评分标准", "分值", "得分", "得分说明")
# (一级, 二级, 三级, 分值, 得分, 得分说明): 22/20 + 18/18 + 40/38 + 20/20 = 100/96, 优
ROWS = [
    ("项目决策", "项目立项", "立项依据充分性", 3, 3, "符合政策"),
    ("项目决策", "项目立项", "立项程序规范性", 3, 3, "按程序申报"),
    ("项目决策", "绩效目标", "绩效目标合理性", 4, 2, "部分指标与工作内容关联性不强，扣2分。"),
    ("项目决策", "绩效目标", "绩效指标明确性", 4, 4, "清晰"),
    ("项目决策", "资金投入", "预算编制科学性", 4, 4, "依据充分"),
    ("项目决策", "资金投入", "资金分配合理性", 4, 4, "合理"),
    ("项目过程", "资金管理", "资金到位率", 4, 4, "到位率100%"),
    ("项目过程", "资金管理", "预算执行率", 4, 4, "执行率100%"),
    ("项目过程", "资金管理", "资金使用合规性", 4, 4, "合规"),
    ("项目过程", "组织实施", "管理制度健全性", 3, 3, "健全"),
    ("项目过程", "组织实施", "制度执行有效性", 3, 3, "有效"),
    ("项目产出", "产出数量", "实际完成率", 12, 12, "完成"),
    ("项目产出", "产出质量", "质量达标率", 12, 12, "验收合格"),
    ("项目产出", "产出时效", "完成及时性", 12, 12, "按期完成"),
    ("项目产出", "产出成本", "成本节约率", 4, 2, "成本节约率0%，扣2分。"),
    ("项目效益", "项目效益", "实施效益", 10, 10, "实现线上办理"),
    ("项目效益", "项目效益", "满意度", 10, 10, "满意度96%"),
]
WORDS = "一二三四"


def _digits(item, name, level1):
    return f"{item}.{name}"


def _lines(rows, typed=int, numbered=_digits):
    """The rows under their numbered headings, each heading's points its rows' sums;
    ``numbered(item, name, 一级)`` writes a row's name with its list number (1.立项依据充分性)."""
    lines, level1, level2, opened1, opened2, item = [], None, None, 0, 0, 0
    for row in rows:
        if row[0] != level1:
            level1, level2, opened1, opened2 = row[0], None, opened1 + 1, 0
            mine = [r for r in rows if r[0] == level1]
            lines.append([f"{WORDS[opened1 - 1]}、{level1}", None,
                          typed(sum(r[3] for r in mine)), typed(sum(r[4] for r in mine)), None])
        if row[1] != level2:
            level2, opened2, item = row[1], opened2 + 1, 0
            mine = [r for r in rows if r[0] == level1 and r[1] == level2]
            lines.append([f"（{WORDS[opened2 - 1]}）{level2}", None,
                          typed(sum(r[3] for r in mine)), typed(sum(r[4] for r in mine)), None])
        item += 1
        lines.append([numbered(item, row[2], level1), "按评分标准评分", typed(row[3]),
                      typed(row[4]), row[5]])
    return lines


def _table(tmp_path, lines, total=96):
    book = Book()
    sheet = book.sheet("评分表")
    sheet.line("博湖县医保信息化建设经费项目绩效评价指标体系及评分表")  # row 1; header row 2
    sheet.indicators(lines, header=HEADER, lead=None, merge=False)
    sheet.total(100, total, label="合计")
    sheet.grade("优", label="评价等级")
    (table,) = read_tables(book.save(tmp_path / "heads.xlsx"))
    return table


@pytest.mark.parametrize("typed", [int, str])  # a PDF conversion writes the points as text
def test_numbered_headings_are_levels_and_their_points_subtotals(tmp_path, typed):
    table = _table(tmp_path, _lines(ROWS, typed))
    assert [(i.level1, i.level2, i.name) for i in table.indicators] == \
        [(r[0], r[1], f"{n}.{r[2]}") for r, n in zip(ROWS, (1, 2, 1, 2, 1, 2, 1, 2, 3, 1, 2,
                                                            1, 1, 1, 1, 1, 2), strict=True)]
    assert [(s.label, s.weight, s.score, len(s.members)) for s in table.subtotals] == [
        ("项目决策", 22, 20, 6), ("项目立项", 6, 6, 2), ("绩效目标", 8, 6, 2),
        ("资金投入", 8, 8, 2), ("项目过程", 18, 18, 5), ("资金管理", 12, 12, 3),
        ("组织实施", 6, 6, 2), ("项目产出", 40, 38, 4), ("产出数量", 12, 12, 1),
        ("产出质量", 12, 12, 1), ("产出时效", 12, 12, 1), ("产出成本", 4, 2, 1),
        ("项目效益", 20, 20, 2), ("项目效益", 20, 20, 2)]
    evaluation = evaluate(table)
    assert (evaluation.total, evaluation.grade) == (96, "优")
    assert run_checks(table, evaluation) == []


def test_a_wrong_heading_subtotal_is_jx103_at_its_cell(tmp_path):
    lines = _lines(ROWS)
    lines[0][3] = 21  # 一、项目决策 | | 22 | 21: its rows score 3 + 3 + 2 + 4 + 4 + 4 = 20
    table = _table(tmp_path, lines)
    evaluation = evaluate(table)
    assert (evaluation.total, evaluation.grade) == (96, "优")
    assert [(f.code, f.cell, f.message) for f in run_checks(table, evaluation)] == [
        ("JX103", "D3", "小计行“项目决策”得分 21，所汇总的 6 项指标得分合计 20")]


@pytest.mark.parametrize(("score", "found"), [
    (4, [("JX103", "D4"), ("JX401", "D5")]),  # over its 分值 3: capped, 96
    (2, [("JX103", "D4"), ("JX501", "D34")]),  # 96 written, the rows 95
])
def test_a_wrong_row_score_is_found_as_usual(tmp_path, score, found):
    """1.立项依据充分性 | 3 | <score>, its headings still saying 6 and 20: the row's mistake
    as in a table with 一级/二级 columns (JX401, or JX501 on the 合计), and the （一）
    heading whose rows no longer add up to it (JX103 on its 得分) — not 一、项目决策, whose
    20 is still the sum of its （一）（二）（三） headings' 6 + 6 + 8 (rt30 r8 H1)."""
    lines = _lines(ROWS)
    lines[2][3:5] = [score, "部分不符"]
    table = _table(tmp_path, lines)
    assert sorted((f.code, f.cell) for f in run_checks(table, evaluate(table))) == found


def test_rows_numbered_one_way_only_stay_indicators(tmp_path):
    """1. 2. 3. only (no heading rows): every row is an indicator, as before."""
    lines = [[f"{n}.{r[2]}", "按评分标准评分", r[3], r[4], r[5]]
             for n, r in enumerate(ROWS, 1)]
    table = _table(tmp_path, lines)
    assert len(table.indicators) == len(ROWS) and table.subtotals == []
    evaluation = evaluate(table)
    assert (evaluation.total, evaluation.grade) == (96, "优")
    assert run_checks(table, evaluation) == []


def test_a_heading_without_points_ends_the_group_above(tmp_path):
    """二、项目过程 written without points under 一、项目决策 | | 22 | 20: the 过程 rows are
    not 决策's (neither 一级 is a standard one, so the words tell them apart), and
    项目决策 sums its own 6 rows only — no JX103 of 40 against 22."""
    lines = _lines(ROWS)
    [process] = [line for line in lines if line[0] == "二、项目过程"]
    process[2:4] = [None, None]
    table = _table(tmp_path, lines)
    assert {s.label: (s.weight, len(s.members)) for s in table.subtotals}["项目决策"] == (22, 6)
    assert "项目过程" not in {s.label for s in table.subtotals}
    assert [i.level1 for i in table.indicators].count("项目过程") == 5
    evaluation = evaluate(table)
    assert (evaluation.total, evaluation.grade) == (96, "优")
    assert run_checks(table, evaluation) == []


@pytest.mark.parametrize("method", ["按满意度评分", None])
def test_a_numbered_heading_without_rows_under_it_is_an_indicator_of_its_own(tmp_path, method):
    """rt29 r7 n1: 四、项目效益 | | 10 | 10 over 1.实施效益 | 10 | 10, then 五、服务对象满意度
    | … | 10 | 10 with no numbered rows under it, the 合计 next: 五、 is scored on its own row,
    an indicator of its own 一级 — not one of 项目效益's rows (was JX103 “小计行“项目效益”分值
    10，所汇总的 2 项指标分值合计 20”). 22 + 18 + 40 + 10 = 90 points, 20 + 18 + 38 + 10 = 86,
    and 五、's 10 / 10: 100 / 96, 优."""
    lines = _lines(ROWS[:-1]) + [["五、服务对象满意度", method, 10, 10, "满意度96%"]]
    table = _table(tmp_path, lines)
    assert [(s.label, s.weight, s.score, len(s.members)) for s in table.subtotals][-2:] == [
        ("项目效益", 10, 10, 1), ("项目效益", 10, 10, 1)]
    assert [(i.level1, i.level2, i.name, i.weight, i.score_declared)
            for i in table.indicators][-2:] == [
        ("项目效益", "项目效益", "1.实施效益", 10, 10),
        ("服务对象满意度", None, "五、服务对象满意度", 10, 10)]
    evaluation = evaluate(table)
    assert (evaluation.total, evaluation.grade) == (96, "优")
    assert run_checks(table, evaluation) == []


def test_a_numbered_level2_heading_without_rows_under_it_is_an_indicator_of_its_own(tmp_path):
    """（二）产出质量 | … | 12 | 12 under 三、项目产出 with no numbered rows under it, （三）
    产出时效 next: an indicator of its own 二级 in 项目产出, not one of 产出数量's rows."""
    lines = _lines(ROWS)
    [quality] = [index for index, line in enumerate(lines) if line[0] == "（二）产出质量"]
    assert lines[quality + 1][0] == "1.质量达标率"
    lines[quality][1] = "按质量达标率评分"
    del lines[quality + 1]
    table = _table(tmp_path, lines)
    subtotals = {s.label: (s.weight, s.score, len(s.members)) for s in table.subtotals}
    assert (subtotals["项目产出"], subtotals["产出数量"]) == ((40, 38, 4), (12, 12, 1))
    assert "产出质量" not in subtotals
    assert [(i.level1, i.level2, i.name) for i in table.indicators][12] == \
        ("项目产出", "产出质量", "（二）产出质量")
    evaluation = evaluate(table)
    assert (evaluation.total, evaluation.grade) == (96, "优")
    assert run_checks(table, evaluation) == []


def _unnumbered(item, name, level1):
    return name


def _circled(item, name, level1):
    return "①②③④⑤"[item - 1] + name


def _benefit_unnumbered(item, name, level1):
    return name if level1 == "项目效益" else f"{item}.{name}"


SUBTOTALS = [("项目决策", 22, 20, 6), ("项目立项", 6, 6, 2), ("绩效目标", 8, 6, 2),
             ("资金投入", 8, 8, 2), ("项目过程", 18, 18, 5), ("资金管理", 12, 12, 3),
             ("组织实施", 6, 6, 2), ("项目产出", 40, 38, 4), ("产出数量", 12, 12, 1),
             ("产出质量", 12, 12, 1), ("产出时效", 12, 12, 1), ("产出成本", 4, 2, 1),
             ("项目效益", 20, 20, 2), ("项目效益", 20, 20, 2)]


@pytest.mark.parametrize("numbered", [_unnumbered, _circled, _benefit_unnumbered])
def test_headings_over_rows_not_numbered_in_digits_are_subtotals(tmp_path, numbered):
    """rt30 r1 n2, n3, n5: the rows under （一）项目立项 unnumbered (立项依据充分性), numbered
    ①②, or one group unnumbered among groups numbered 1. 2.: each heading's 分值 is the sum
    of the rows under it, down to the next heading of its level (22 = 3 + 3 + 4 + 4 + 4 + 4,
    6 = 3 + 3), so it is their subtotal as over rows numbered 1. 2. — not an indicator of
    its own (was 分值合计 300 (JX101) and 总分 288 (JX501) unnumbered or ①②, every heading an
    indicator and JX405 on four of them; 140 and 136 with 项目效益's rows alone unnumbered)."""
    table = _table(tmp_path, _lines(ROWS, numbered=numbered))
    items = [1, 2, 1, 2, 1, 2, 1, 2, 3, 1, 2, 1, 1, 1, 1, 1, 2]
    assert [(i.level1, i.level2, i.name) for i in table.indicators] == \
        [(r[0], r[1], numbered(n, r[2], r[0])) for r, n in zip(ROWS, items, strict=True)]
    assert [(s.label, s.weight, s.score, len(s.members)) for s in table.subtotals] == SUBTOTALS
    evaluation = evaluate(table)
    assert (evaluation.total, evaluation.grade) == (96, "优")
    assert run_checks(table, evaluation) == []


def test_a_heading_whose_rows_add_to_another_sum_is_still_a_heading(tmp_path):
    """rt30 r8 H1: the rows unnumbered, 绩效指标明确性 mistyped 5 (not 4) so （二）绩效目标
    | 8 has 4 + 5 = 9 under it: its sibling （一） headings sum their rows, so it is one of
    them and its 8 a wrong subtotal — one JX103 at its 分值 cell (8 ≠ 9), the 三级 total
    101 (JX101) — not an indicator (was JX101 109, JX103 on 决策, JX405, JX501, no grade)."""
    rows = [list(row) for row in ROWS]
    rows[3][3] = 5
    lines = _lines(ROWS, numbered=_unnumbered)
    [index] = [i for i, line in enumerate(lines) if line[0] == "绩效指标明确性"]
    lines[index][2] = 5
    table = _table(tmp_path, lines)
    assert [i.name for i in table.indicators] == [r[2] for r in ROWS]
    assert [(i.level1, i.level2) for i in table.indicators][3] == ("项目决策", "绩效目标")
    assert [(s.label, s.weight) for s in table.subtotals][2] == ("绩效目标", 8)
    evaluation = evaluate(table)
    found = [(f.code, f.cell) for f in run_checks(table, evaluation)]
    assert any(code == "JX101" for code, _ in found)
    assert [cell for code, cell in found if code == "JX103"] == ["C7"]
    assert not [code for code, _ in found if code in ("JX405", "JX501")]
