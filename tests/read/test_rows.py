"""What each row under the indicator header is: the 总分 row and the 评分等级 row by what
their labels mean (总得分, 评价总分, 自评得分 … 绩效评价等级, 等级评定 …), a 偏差原因 merged
down over the rows it explains, and unused template rows holding only "/" or "—"."""

from __future__ import annotations

import openpyxl
import pytest
from workbooks import PUTUO_1_MONEY, PUTUO_1_ROWS, Book

from jixiao import levels
from jixiao.checks import run_checks
from jixiao.model import Source, evaluate
from jixiao.pipeline import check_workbook
from jixiao.read.by_names import table_from_ranges
from jixiao.read.roles import is_grade_label, is_total_label, without_template_number
from jixiao.read.workbook import read_tables
from jixiao.recalc.workbook import recalc_file
from jixiao.template.build import build_template

# The first Putuo 2024 table: 执行率 31.50 / 31.56 = 99.81% → 10 × 0.9981 = 9.98;
# indicators 5 + 25 + 20 + 30 + 10 = 90, all met; 总分 99.98, 优.
TOTAL = 99.98


def _sheet(tmp_path, rows=PUTUO_1_ROWS, total=(100, TOTAL), total_label="总分",
           grade="优", grade_label="评分等级", reason_merge=None, name="t.xlsx",
           merges=()):
    """A standard table; ``reason_merge``: (first, last) indicator indexes whose 偏差原因
    cell is one cell merged down over them (``merges``: (header, first, last) the same for
    other columns). The sheet's rows: (first indicator row, sheet)."""
    book = Book()
    sheet = book.sheet()
    sheet.title("项目支出绩效自评表", "（2024 年度）")
    sheet.project("信息安全等保项目", "上海市普陀区医疗保障局", "上海市普陀区医疗保险事务中心")
    sheet.money(PUTUO_1_MONEY)
    first = sheet.row + 1
    sheet.indicators(rows)
    if reason_merge is not None:
        column = sheet.columns["偏差原因分析及改进措施"]
        sheet.merge(first + reason_merge[0], column, column, first + reason_merge[1])
    for heading, top, bottom in merges:
        column = sheet.columns[heading]
        sheet.merge(first + top, column, column, first + bottom)
    if total is not None:
        sheet.total(*total, label=total_label)
    if grade is not None:
        sheet.grade(grade, label=grade_label)
    tables = read_tables(book.save(tmp_path / name))
    assert len(tables) == 1
    return tables[0], first


def _codes(table):
    return [(f.code, f.cell) for f in run_checks(table, evaluate(table))]


# ------------------------------------------------------------------ 1. total and grade rows

@pytest.mark.parametrize("label", ["总得分", "评价总分", "自评得分", "评价得分", "总体得分",
                                   "得分总计", "综合评分", "自评得分合计", "总 分（100 分）",
                                   "绩效评价总分", "合计得分"])
def test_a_total_row_is_known_by_what_its_label_means(tmp_path, label):
    table, _ = _sheet(tmp_path, total_label=label)
    assert [i.name for i in table.indicators] == [row[2] for row in PUTUO_1_ROWS]
    assert table.total_declared == TOTAL
    assert (table.grade_declared, evaluate(table).total) == ("优", TOTAL)
    assert _codes(table) == []


def test_a_topic_score_is_an_indicator_not_the_total(tmp_path):
    # 满意度 split in two rows of 5 under one merged 一级/二级: the second row's first
    # text is its 三级 name "满意度得分", an indicator (≥90 分, actual 95 分: full 5).
    rows = [*PUTUO_1_ROWS[:4],
            ("满意度指标", "服务对象满意度指标", "服务对象满意度", "满意", "达成指标", 5, 5, None),
            ("满意度指标", "服务对象满意度指标", "满意度得分", "≥90 分", "95 分", 5, 5, None)]
    table, _ = _sheet(tmp_path, rows=rows)
    assert [i.name for i in table.indicators][-2:] == ["服务对象满意度", "满意度得分"]
    assert sum(i.weight for i in table.indicators) == 90
    assert table.total_declared == TOTAL and evaluate(table).total == TOTAL
    assert _codes(table) == []


# rt35 r5 (f1_kaohe, c4_14, c4_31): an indicator named as a whole score (考核得分, 综合评分)
# on the second row of its 二级, the 一级/二级 cells merged down over it, was taken as the
# 总分 row and every row under it dropped (计算 45). A row with a 指标值, a 完成值 and a
# 分值 short of the full marks under a group is an indicator whatever its name.
SCORE_NAMES = ["考核得分", "综合评分", "考核评分", "绩效考核评分", "综合得分率", "综合得分"]


@pytest.mark.parametrize("name", SCORE_NAMES)
def test_an_indicator_named_as_a_whole_score_is_not_the_total(tmp_path, name):
    # 质量 split in two rows under one merged 一级/二级: 规范 (20) and ≥90分 / 95分 (5)
    rows = [PUTUO_1_ROWS[0],
            ("产出指标", "质量指标", "预算编制规范性", "规范", "达成指标", 20, 20, None),
            ("产出指标", "质量指标", name, "≥90分", "95分", 5, 5, None),
            *PUTUO_1_ROWS[2:]]
    table, _ = _sheet(tmp_path, rows=rows)
    assert [i.name for i in table.indicators] == [row[2] for row in rows]
    assert sum(i.weight for i in table.indicators) == 90
    assert table.total_declared == TOTAL and evaluate(table).total == TOTAL
    assert _codes(table) == []


@pytest.mark.parametrize("name", SCORE_NAMES)
def test_an_indicator_named_as_a_whole_score_on_the_template(tmp_path, name):
    path = tmp_path / "t.xlsx"
    build_template(path, year=2024)
    wb = openpyxl.load_workbook(path)
    ws = wb["自评表"]
    ws["D3"], ws["D4"], ws["G4"] = "培训项目", "某区人社局", "某区培训中心"
    for cell in ("D6", "E6", "F6", "D7", "E7", "F7"):
        ws[cell] = 100
    for row, values in ((13, ("培训人次", "≥1000人次", "1200人次", 30)),
                        (17, ("培训合格率", "≥90%", "92%", 15)),
                        (18, (name, "≥90分", "95分", 5)),
                        (30, ("受益群众", "≥500人", "520人", 30)),
                        (40, ("学员满意度", "≥90%", "95%", 10))):
        for column, value in zip("DEFG", values, strict=True):
            ws[f"{column}{row}"] = value
    wb.save(path)
    out, _ = recalc_file(path, tmp_path / "r.xlsx")
    for checked in (path, out):  # saved without results, or recalculated
        result = check_workbook(checked)
        (table,) = result.tables
        assert name in [i.name for i in table.table.indicators]
        assert (table.evaluation.total, table.evaluation.grade) == (100, "优")
        assert [f.code for f in result.findings if f.code != "JX504"] == []


@pytest.mark.parametrize(("text", "total"), [
    ("总分", True), ("合计", True), ("总得分", True), ("分值合计", True), ("总计", True),
    ("满意度得分", False), ("执行率得分", False), ("得分", False), ("评分等级", False),
    ("小计", False), ("总体目标", False), ("群众评价得分", False)])
def test_total_labels(text, total):
    assert is_total_label(text) is total


@pytest.mark.parametrize(("text", "grade"), [
    ("绩效评价等级", True), ("评价等级", True), ("绩效等级", True), ("等级评定", True),
    ("评分等级(优/良/中/差)", True), ("自评结果", True), ("评价等次", True), ("自评等次", True),
    ("等次", True), ("自评结论", True), ("评价结论", True), ("结论", False), ("等级医院达标率", False), ("等次评定工作完成率", False), ("评分结果", False), ("总分", False)])
def test_grade_labels(text, grade):
    assert is_grade_label(text) is grade


@pytest.mark.parametrize("label", ["绩效评价等级", "评价等级", "绩效等级", "等级评定"])
def test_a_grade_row_is_known_and_checked(tmp_path, label):
    table, _ = _sheet(tmp_path, total_label="评价总分", grade_label=label)
    assert table.grade_declared == "优"
    assert _codes(table) == []
    wrong, _ = _sheet(tmp_path, total_label="评价总分", grade="良", grade_label=label,
                      name="wrong.xlsx")
    assert [code for code, _ in _codes(wrong)] == ["JX502"]  # 99.98 is 优, not 良


# ------------------------------------------------------------------ 2. a merged 偏差原因

# 质量 ≥95% met at 90%: 25 × 90/95 = 23.68; 时效 ≥100% at 95%: 20 × 0.95 = 19; one reason
# merged over both. Indicators 5 + 23.68 + 19 + 30 + 10 = 87.68; 总分 97.66, 优.
REASON = "设备到货延迟，验收和交付顺延，下年度提前采购"
DEDUCTED = [PUTUO_1_ROWS[0],
            ("产出指标", "质量指标", "验收合格率", "≥95%", "90%", 25, 23.68, REASON),
            ("产出指标", "时效指标", "按时完成率", "≥100%", "95%", 20, 19, None),
            *PUTUO_1_ROWS[3:]]


def test_a_reason_merged_down_explains_every_row_it_spans(tmp_path):
    table, first = _sheet(tmp_path, rows=DEDUCTED, total=(100, 97.66), reason_merge=(1, 2))
    quality, timely = table.indicators[1:3]
    assert quality.reason == timely.reason == REASON
    assert timely.sources["reason"] == Source("自评表", f"I{first + 1}")  # the merge's cell
    assert evaluate(table).total == 97.66
    assert _codes(table) == []


def test_a_reason_missing_under_a_merge_points_at_the_cell_to_fill(tmp_path):
    rows = [*DEDUCTED[:1], (*DEDUCTED[1][:7], None), *DEDUCTED[2:]]
    table, first = _sheet(tmp_path, rows=rows, total=(100, 97.66), reason_merge=(1, 2))
    # the empty merged cell is one cell: both findings point at its top, the editable one
    assert _codes(table) == [("JX405", f"I{first + 1}"), ("JX405", f"I{first + 1}")]


def test_a_reason_of_one_row_does_not_explain_the_next(tmp_path):
    table, first = _sheet(tmp_path, rows=DEDUCTED, total=(100, 97.66))
    assert table.indicators[2].reason is None
    assert _codes(table) == [("JX405", f"I{first + 2}")]


# ------------------------------------------------------------------ 2b. a merged 三级

# 质量's 25 points in two rows under one 水质达标率 merged down over them, each its own
# 指标值, 完成值, 分值 and 得分; 末梢水 ≥90% at 85% given full marks: 10 × 85/90 = 9.44.
WATER = [PUTUO_1_ROWS[0],
         ("产出指标", "质量指标", "水质达标率", "出厂水≥95%", "98%", 15, 15, None),
         ("产出指标", "质量指标", None, "末梢水≥90%", "85%", 10, 10, None),
         *PUTUO_1_ROWS[2:]]


def test_a_name_merged_over_rows_with_their_own_points_names_each(tmp_path):
    table, first = _sheet(tmp_path, rows=WATER, merges=[("三级指标", 1, 2)])
    plant, tap = table.indicators[1:3]
    assert (plant.name, tap.name) == ("水质达标率", "水质达标率")
    assert tap.sources["name"] == Source("自评表", f"D{first + 1}")  # the merge's cell
    assert (tap.target, tap.weight) == ("末梢水≥90%", 10)
    # one name written once over its two rows: no duplicate (JX105); the finding names
    # the indicator, its cell and 指标值 the row
    assert [(f.code, f.cell, f.message) for f in run_checks(table, evaluate(table))] == [
        ("JX402", f"H{first + 2}", "“水质达标率”未达到指标值（指标值 末梢水≥90%，完成值 85%），"
         "却得满分 10，按财政部规则应为 9.44（正向指标：分值 × 实际完成值 ÷ 年度指标值）")]


def test_a_score_merged_under_a_merged_name_is_split_among_its_own_rows(tmp_path):
    # 管网水 6 and 末梢水 4 scored 10 in one cell under 水质达标率 merged over three rows:
    # the group's score, each row found by its own 分值 (not by the name read a row above)
    rows = [*WATER[:2], ("产出指标", "质量指标", None, "管网水≥90%", "92%", 6, 10, None),
            ("产出指标", "质量指标", None, "末梢水≥90%", "85%", 4, None, None), *WATER[3:]]
    rows[1] = (*rows[1][:5], 15, 15, None)
    table, first = _sheet(tmp_path, rows=rows,
                          merges=[("三级指标", 1, 3), ("得分", 2, 3)])
    assert [(i.name, i.score_declared) for i in table.indicators[1:4]] == [
        ("水质达标率", 15), ("水质达标率", 6), ("水质达标率", 4)]
    assert [(f.code, f.cell, f.message) for f in run_checks(table, evaluate(table))] == [
        ("JX402", f"H{first + 2}", "“水质达标率”未达到指标值（指标值 末梢水≥90%，完成值 85%），"
         "却得满分 4，按财政部规则应为 3.78（正向指标：分值 × 实际完成值 ÷ 年度指标值）")]


def test_a_name_merged_over_a_row_without_points_leaves_it_unnamed(tmp_path):
    # the second row has no 分值 of its own: no indicator named by the merge (a 分值
    # forgotten, JX106, as before)
    rows = [WATER[0], (*WATER[1][:5], 25, 25, None), (*WATER[2][:5], None, None, None),
            *WATER[3:]]
    table, first = _sheet(tmp_path, rows=rows, merges=[("三级指标", 1, 2)])
    assert [indicator.name for indicator in table.indicators[1:3]] == ["水质达标率", None]
    assert [(f.code, f.cell, f.message) for f in run_checks(table, evaluate(table))] == [
        ("JX106", f"G{first + 2}", "“质量指标”未填写分值")]


# ------------------------------------------------------------------ 3. unused template rows

@pytest.mark.parametrize("unused", [
    ("产出指标", "数量指标", "/", "/", "/", "/", "/", "/"),
    ("产出指标", "数量指标", "／", "／", "／", "／", "／", None),
    ("产出指标", "数量指标", "—", "—", "—", 0, 0, None),
    ("产出指标", "数量指标", "——", "——", "——", "-", "-", "无"),
    ("产出指标", "数量指标", "无", "无", "无", "0", "0", None)])
def test_an_unused_template_row_is_not_an_indicator(tmp_path, unused):
    rows = [PUTUO_1_ROWS[0], unused, *PUTUO_1_ROWS[1:4],
            ("效益指标", "经济效益指标", "—", "—", "—", 0, 0, None), *PUTUO_1_ROWS[4:]]
    table, _ = _sheet(tmp_path, rows=rows)
    assert [i.name for i in table.indicators] == [row[2] for row in PUTUO_1_ROWS]
    assert evaluate(table).total == TOTAL
    assert _codes(table) == []


def test_a_named_row_with_a_placeholder_is_still_read(tmp_path):
    # 预算资金执行率 with "/" for its actual: a real indicator whose actual is missing
    rows = [("产出指标", "数量指标", "预算资金执行率", "≥90.00(%)", "/", 5, 5, None),
            *PUTUO_1_ROWS[1:]]
    table, first = _sheet(tmp_path, rows=rows)
    assert table.indicators[0].name == "预算资金执行率"
    assert ("JX202", f"F{first}") in _codes(table)


def test_the_template_reader_skips_unused_rows_too():
    values = {"JX_Name": [["甲"], ["/"], ["—"]], "JX_Target": [["≥1 个"], ["/"], ["—"]],
              "JX_Actual": [["2 个"], ["/"], ["—"]], "JX_Weight": [[20.0], ["/"], [0]],
              "JX_Level1": [["产出指标"], [None], [None]],
              "JX_Level2": [["数量指标"], [None], [None]]}

    def get_range(name):
        if name not in values:
            raise KeyError(name)
        return "表", "D13", values[name]

    (indicator,) = table_from_ranges(get_range).indicators
    assert indicator.name == "甲"


@pytest.mark.parametrize(("written", "grade"), [("99.98（优）", "优"), ("99.98分 优秀", "优秀"),
                                                ("99.98(良)", "良")])
def test_a_total_cell_that_names_the_grade_gives_both(tmp_path, written, grade):
    table, _ = _sheet(tmp_path, total=(100, written), grade=None)
    assert (table.total_declared, table.grade_declared) == (99.98, grade)
    found = [(f.code, f.cell) for f in run_checks(table, evaluate(table))]
    assert found == ([] if grade != "良" else [("JX502", table.sources["total"].cell)])


@pytest.mark.parametrize(("written", "grade", "found"), [
    ("优", "优", []), ("良", "良", ["JX502"]),
    ("项目完成情况较好，达到预期目标", None, []),  # a sentence: no grade to check
])
def test_a_conclusion_row_gives_the_grade_it_names(tmp_path, written, grade, found):
    """自评结论 | 优: the grade; 自评结论 | a sentence of judgement: none — not JX502's
    "评分等级 … 不是优、良、中、差之一"."""
    table, _ = _sheet(tmp_path, grade=written, grade_label="自评结论")
    assert table.grade_declared == grade
    assert [code for code, _ in _codes(table)] == found


@pytest.mark.parametrize(("written", "total", "found"), [
    ("总分：99.98分", 99.98, []), ("总分:99.98", 99.98, []), ("总分：95分", 95.0, ["JX501"]),
    ("总分（100分）", None, ["JX501"]),  # the most points, no score: still not filled in
])
def test_a_total_typed_into_its_label_cell(tmp_path, written, total, found):
    """总分：99.98分 in one cell, the 得分 cell beside it empty: the 总分 written."""
    table, _ = _sheet(tmp_path, total=(None, None), total_label=written)
    assert table.total_declared == total
    assert [code for code, _ in _codes(table)] == found
    if total is not None:  # the finding points at the label's cell, column A of the row
        row = table.sources["weight_total"].cell.lstrip("ABCDEFGHIJ")
        assert table.sources["total"].cell == f"A{row}"


# ------------------------------------------------------------------ 4. rows no indicator
# The template's own rows, 一级 headings, breakdowns and a goal block among the rows.

@pytest.mark.parametrize("name", ["指标2:", "指标1：", "指标２", "……", "...", "指标2:……",
                                  "指标 3："])
@pytest.mark.parametrize("cells", [(None, None, None, None), ("/", "/", "/", "/"),
                                   (None, None, 0, None)])
def test_a_template_row_left_unused_is_no_indicator(tmp_path, name, cells):
    """The form offers numbered rows (指标1：, 指标2：, ……) under each 二级; those left with
    only that label (and "/" or 0 points) are no indicators — no JX106/JX201/JX202 — and
    no wrapped rest of the name above (网络安全防护能力 / 指标2: read as one name)."""
    rows = [PUTUO_1_ROWS[0], (None, None, name, *cells), *PUTUO_1_ROWS[1:4],
            (None, None, name, *cells), ("效益指标", "经济效益指标", name, *cells),
            *PUTUO_1_ROWS[4:]]
    table, _ = _sheet(tmp_path, rows=rows)
    assert [i.name for i in table.indicators] == [row[2] for row in PUTUO_1_ROWS]
    assert evaluate(table).total == TOTAL
    assert _codes(table) == []


def test_a_template_label_with_a_target_is_still_an_indicator(tmp_path):
    """指标2： with a 指标值 typed but no 分值 or 完成值: an indicator left half filled in."""
    rows = [*PUTUO_1_ROWS[:3], (None, None, "指标2：", "≥2次", None, None, None, None),
            *PUTUO_1_ROWS[3:]]
    table, first = _sheet(tmp_path, rows=rows)
    assert [i.name for i in table.indicators][3] == "指标2："
    assert {("JX106", f"G{first + 3}"), ("JX202", f"F{first + 3}")} <= set(_codes(table))


AREA_ROWS = [("产出指标", "数量指标", "补助种植面积", "≥29.5亩", "29.5亩", 5, 5, None),
             (None, None, "其中：桃树种植面积", "1.5亩", "1.5亩", None, None, None),
             (None, None, "其中露天蔬菜", "20亩", "20亩", None, None, None),
             *PUTUO_1_ROWS[1:]]


def test_a_breakdown_row_explains_the_row_above_and_is_not_scored(tmp_path):
    """其中… rows without points under an indicator say what its count is made of: no
    indicators of their own (no JX106) and not glued into the row above (before: 补助种植
    面积其中：桃树种植面积…, target “≥29.5亩1.5亩20亩”, JX203 and no 总分 computed)."""
    table, _ = _sheet(tmp_path, rows=AREA_ROWS)
    first = table.indicators[0]
    assert (first.name, first.target, first.actual) == ("补助种植面积", "≥29.5亩", "29.5亩")
    assert len(table.indicators) == len(PUTUO_1_ROWS)
    assert evaluate(table).total == TOTAL
    assert _codes(table) == []


def test_a_breakdown_row_with_points_is_an_indicator(tmp_path):
    """其中… with its own 分值 and 得分 is scored: here its 5 points make the weights 95."""
    rows = [*AREA_ROWS[:2], (None, None, "其中大棚蔬菜", "3亩", "2亩", 5, 5, None),
            *AREA_ROWS[3:]]
    table, first = _sheet(tmp_path, rows=rows)
    assert [i.name for i in table.indicators][1] == "其中大棚蔬菜"
    codes = [code for code, _ in _codes(table)]
    assert "JX402" in codes  # 2亩 of 3亩, full marks


def _section_rows(tmp_path, headings=("一、产出指标（50分）", "二、效益指标（30分）",
                                      "三、满意度指标（10分）"), points=None):
    """No 一级 column: each 一级 a row across the table above its 二级 | 三级 | … rows;
    ``points``: (分值, 得分) of each, in their columns (the heading not merged across)."""
    book = Book()
    sheet = book.sheet()
    sheet.title("项目支出绩效自评表", "（2024 年度）")
    sheet.project("信息安全等保项目", "上海市普陀区医疗保障局", "上海市普陀区医疗保险事务中心")
    sheet.money(PUTUO_1_MONEY)
    header = ("二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
              "偏差原因分析及改进措施")
    sheet.line(*header)
    sheet.columns = {text: index for index, text in enumerate(header, start=1)}
    groups = [PUTUO_1_ROWS[:3], PUTUO_1_ROWS[3:4], PUTUO_1_ROWS[4:]]
    for index, (heading, rows) in enumerate(zip(headings, groups, strict=True)):
        if points is None:
            row = sheet.line(heading)
            sheet.merge(row, 1, len(header))
        else:
            sheet.line(heading, None, None, None, *points[index])
        for values in rows:
            sheet.line(*values[1:])
    sheet.total(100, TOTAL)
    sheet.grade("优")
    [table] = read_tables(book.save(tmp_path / "s.xlsx"))
    return table


@pytest.mark.parametrize("headings", [
    ("一、产出指标（50分）", "二、效益指标（30分）", "三、满意度指标（10分）"),
    ("（一）产出指标(50分)", "（二）效益指标(30分)", "（三）满意度指标(10分)"),
    ("产出指标（50分）", "效益指标（30分）", "满意度指标（10分）"),
    ("一、产出指标", "二、效益指标", "三、满意度指标")])
def test_level1_written_as_section_rows_heads_the_rows_below(tmp_path, headings):
    """一、产出指标（50分） across the table: the 一级 of the rows under it, its points
    checked against theirs (JX103) — no indicator (before: JX106/JX201/JX202 for each
    heading, and JX103 “标明 50 分，其下各指标分值合计 0 分”)."""
    table = _section_rows(tmp_path, headings)
    assert [i.name for i in table.indicators] == [row[2] for row in PUTUO_1_ROWS]
    assert [levels.level1_category(i.level1) for i in table.indicators] == [
        levels.OUTPUT] * 3 + [levels.BENEFIT, levels.SATISFACTION]
    assert not table.indicators[0].level1.startswith(("一", "("))
    assert evaluate(table).total == TOTAL
    assert _codes(table) == []


def test_a_section_row_with_its_points_in_their_columns_sums_the_rows_below(tmp_path):
    """一、产出指标 | | | | 50 | 50: the 一级 and its subtotal, checked against its rows;
    60 there where they weigh 50 is JX103."""
    points = [(50, 50), (30, 30), (10, 10)]
    table = _section_rows(tmp_path, ("一、产出指标", "二、效益指标", "三、满意度指标"), points)
    assert [i.name for i in table.indicators] == [row[2] for row in PUTUO_1_ROWS]
    assert [(s.weight, len(s.members)) for s in table.subtotals] == [(50, 3), (30, 1), (10, 1)]
    assert evaluate(table).total == TOTAL
    assert _codes(table) == []
    points[0] = (60, 50)
    table = _section_rows(tmp_path, ("一、产出指标", "二、效益指标", "三、满意度指标"), points)
    assert len(table.indicators) == len(PUTUO_1_ROWS)
    assert [code for code, _ in _codes(table)] == ["JX103"]


def test_a_section_row_whose_points_differ_from_its_rows(tmp_path):
    table = _section_rows(tmp_path, ("一、产出指标（60分）", "二、效益指标（30分）",
                                     "三、满意度指标（10分）"))
    [found] = [f for f in run_checks(table, evaluate(table)) if f.code == "JX103"]
    assert "标明 60 分，其下各指标分值合计 50 分" in found.message


@pytest.mark.parametrize("after", [5, 3])
def test_a_goal_block_printed_under_the_indicators_is_no_indicator(tmp_path, after):
    """年度总体目标 | 预期目标 | 实际完成情况 and their texts between the last indicator and
    the 总分 (before: JX106 for “预期目标” and for the goal's text, JX203 on its numbers);
    printed amid the rows, the rows under it (分值 typed “30 分”) are read again. Its texts
    are the table's 预期目标 and 实际完成情况."""
    book = Book()
    sheet = book.sheet()
    sheet.title("项目支出绩效自评表", "（2024 年度）")
    sheet.project("信息安全等保项目", "上海市普陀区医疗保障局", "上海市普陀区医疗保险事务中心")
    sheet.money(PUTUO_1_MONEY)
    rows = [(*row[:5], f"{row[5]} 分", f"{row[6]} 分", row[7]) for row in PUTUO_1_ROWS]
    sheet.indicators(rows[:after])
    first = sheet.line("年度总体目标", "预期目标", None, None, "实际完成情况")
    sheet.line(None, "完成机房 3 处设施升级，等保测评通过率 100%", None, None,
               "完成 3 处升级，测评全部通过")
    sheet.merge(first, 1, 1, first + 1)
    for row in rows[after:]:
        sheet.line(None, *row)
    sheet.total(100, TOTAL)
    sheet.grade("优")
    [table] = read_tables(book.save(tmp_path / "g.xlsx"))
    assert [i.name for i in table.indicators] == [row[2] for row in PUTUO_1_ROWS]
    assert (table.total_declared, table.grade_declared) == (TOTAL, "优")
    assert (table.project.goal_expected, table.project.goal_actual) == (
        "完成机房 3 处设施升级，等保测评通过率 100%", "完成 3 处升级，测评全部通过")
    assert evaluate(table).total == TOTAL
    assert _codes(table) == []


def test_an_indicator_named_after_the_goal_is_still_read(tmp_path):
    """总体目标完成率 without its 分值 is an indicator left half filled in (JX106), not a
    goal block; nor is a 其中… row above every indicator a breakdown."""
    rows = [("产出指标", "数量指标", "其中：培训人次", "≥500人次", "520人次", None, None, None),
            *PUTUO_1_ROWS, (None, None, "总体目标完成率", "100%", "100%", None, None, None)]
    table, first = _sheet(tmp_path, rows=rows)
    names = [i.name for i in table.indicators]
    assert names[0] == "其中：培训人次" and names[-1] == "总体目标完成率"
    found = _codes(table)
    assert ("JX106", f"G{first}") in found and ("JX106", f"G{first + 6}") in found


@pytest.mark.parametrize(("name", "read"), [
    ("指标5:举办健康教育知识讲座", "举办健康教育知识讲座"),   # 稷山: the template's number kept
    ("指标 12：培训人次", "培训人次"), ("三级指标1、受益人数", "受益人数"),
    ("指标一．完成率", "完成率"),
    ("指标1：", "指标1："), ("指标2", "指标2"),            # the bare placeholder stays as it is
    ("指标1.5倍以上", "指标1.5倍以上"), ("指标完成率", "指标完成率"), ("培训场次", "培训场次"),
])
def test_a_name_written_after_the_templates_number_is_read_without_it(name, read):
    assert without_template_number(name) == read


def test_the_templates_number_is_not_part_of_the_indicators_name(tmp_path):
    """稷山 2021: `指标5:举办健康教育知识讲座` named every finding “指标5:举办…”."""
    rows = [list(row) for row in PUTUO_1_ROWS]
    rows[0][2] = f"指标1：{rows[0][2]}"
    book = Book()
    sheet = book.sheet("自评表")
    sheet.money(PUTUO_1_MONEY)
    sheet.indicators(rows)
    [table] = read_tables(book.save(tmp_path / "t.xlsx"))
    assert table.indicators[0].name == PUTUO_1_ROWS[0][2]


def test_a_band_of_a_grid_carries_everything_a_grid_has():
    """``Grid.band`` (one of two tables side by side) is built field by field: a field the
    grid gains must be given to its bands too (before: a Word document's tables were not,
    and reading a band of one raised AttributeError)."""
    from jixiao.read.grid import Grid
    from jixiao.xlsx.sheet import SheetCells

    grid = Grid(SheetCells("表", [(1, 1, "一级指标", "General"), (1, 3, "分值", "General")],
                           [], {}))
    assert set(vars(grid.band(1, 2))) == set(vars(grid))


# A table whose 一级 and 二级 are heading rows in its one 绩效指标 column (a red team's):
# 执行率 118.2 / 120 = 98.5% → 9.85; indicators 20 + 8 (12 of 15 乡镇) + 10 + 5 + 5 + 15
# + 15 + 8.95 (85% of 95%) = 86.95; 总分 96.8, 优.
_ONE_COLUMN = {
    ("产出指标", "数量指标"): [("培训人数", "≥1200人", "1250人", 20, 20, None),
                          ("覆盖乡镇数", "≥15个", "12个", 10, 8, "部分乡镇因道路施工推迟至次年开展")],
    ("产出指标", "质量指标"): [("培训合格率", "≥95%", "98.5%", 10, 10, None)],
    ("产出指标", "时效指标"): [("项目完成时间", "2024年12月31日前", "2024年11月20日", 5, 5, None)],
    ("产出指标", "成本指标"): [("人均培训成本", "≤500元", "480元", 5, 5, None)],
    ("效益指标", "社会效益指标"): [("政策知晓率", "≥90%", "92%", 15, 15, None)],
    ("效益指标", "可持续影响指标"): [("长效机制", "健全", "健全", 15, 15, None)],
    ("满意度指标", "服务对象满意度指标"): [
        ("服务对象满意度", "≥95%", "85%", 10, 8.95, "部分学员认为课时偏少")],
}


def _one_column(tmp_path, level1, level2, code=None, hidden=False):
    """``level1``/``level2``: how a heading row writes its level ("一级：{}");
    ``code``: (header, codes of the 一级, 二级 and indicator rows) of a column left of the
    names, ``hidden`` if it is."""
    book = Book()
    sheet = book.sheet()
    sheet.title("项目支出绩效自评表", "（2024 年度）")
    sheet.project("农村实用技术培训项目", "某县农业农村局", "某县农业技术推广中心")
    sheet.money([("年度资金总额", 100, 120, 118.2, 10, "98.50%", 9.85),
                 ("其中：当年财政拨款", 100, 120, 118.2, "—", "98.50%", "—")])
    lead = () if code is None else (code[0],)
    sheet.line(*lead, "绩效指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施")
    numbers = ["一", "二", "三", "四"]
    seen: list[str] = []
    for (one, two), rows in _ONE_COLUMN.items():
        if one not in seen:
            seen.append(one)
            second = 0
            sheet.line(*(() if code is None else (code[1],)),
                       level1.format(one, n=numbers[len(seen) - 1]))
        second += 1
        sheet.line(*(() if code is None else (code[2],)), level2.format(two, n=numbers[second - 1]))
        for values in rows:
            sheet.line(*(() if code is None else (code[3],)), *values)
    offset = () if code is None else (None,)
    sheet.line(*offset, "总分", None, None, 100, 96.8)
    sheet.line(*offset, "评分等级", "优")
    if hidden:
        sheet.ws.column_dimensions["A"].hidden = True
    [table] = read_tables(book.save(tmp_path / "one.xlsx"))
    return table


@pytest.mark.parametrize(("level1", "level2", "code", "hidden"), [
    ("{}", "{}", None, False),
    ("{n}、{}", "（{n}）{}", None, False),
    ("一级：{}", "二级：{}", None, False),  # an export's level written before the name
    ("一级:{}", "二级:{}", None, False),
    ("一级指标：{}", "二级指标：{}", None, False),  # the level's header word before the name
    ("一级指标:{}", "二级指标:{}", None, False),
    ("一级指标：{}", "{}", None, False),
    ("一级指标：{}", "二级指标：{}", ("指标编码", "1", "2", "301"), False),
    ("{}", "{}", ("指标编码", "1", "2", "301"), False),  # a code column left of the names
    ("{}", "{}", ("指标编码", "1", "2", "301"), True),
    ("{n}、{}", "（{n}）{}", ("编码", "1", "1.1", "1.1.1"), True),
    ("一级：{}", "二级：{}", ("代码", "A01", "A0101", "A010101"), False),
    ("{}", "{}", ("序号", 1, 2, 3), False),
])
def test_level_heading_rows_in_one_name_column(tmp_path, level1, level2, code, hidden):
    """产出指标 / 数量指标 as rows in the one 绩效指标 column head the rows under them,
    written 一级：产出指标 too, with a 指标编码 column beside (before: read as a 评分附件表,
    each heading row an indicator — JX106/JX201/JX202 on each, no 一级/二级, no total)."""
    table = _one_column(tmp_path, level1, level2, code, hidden)
    assert [(i.level1, i.level2, i.name) for i in table.indicators] == [
        (one, two, values[0]) for (one, two), rows in _ONE_COLUMN.items() for values in rows]
    assert table.layout == "standard"
    assert (table.total_declared, table.grade_declared) == (96.8, "优")
    assert evaluate(table).total == 96.8
    assert _codes(table) == []
