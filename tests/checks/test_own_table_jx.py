"""A unit's own standard-form sheet (not ``jixiao new``) scoring with the JX_ functions
(rt24): its JX_ results are read as check reads the cells, judged by the rules as typed
values, and no cell of it is said to have lost a formula of jixiao's template."""

import re
import zipfile

import openpyxl
import pytest

from jixiao.pipeline import check_workbook
from jixiao.recalc.cellformats import with_formats
from jixiao.recalc.workbook import recalc_file

ROWS = [  # 二级, 三级, 指标值, 完成值, 分值
    ("产出指标", "数量指标", "补贴发放人数", "≥1200人", "1180人", 30),
    ("产出指标", "质量指标", "补贴发放准确率", "100%", "100%", 10),
    ("产出指标", "时效指标", "补贴按月发放", "每月10日前", "按时发放", 10),
    ("效益指标", "社会效益指标", "老年人生活质量", "有效提升", "达成", 30),
    ("满意度指标", "服务对象满意度指标", "老人满意度", "≥90%", "96%", 10),
    ("效益指标", "经济效益指标", "/", "/", "/", "/"),
]


def own_table(path, rate="=JX_RATE(D6,E6,TRUE)", score="=JX_EXEC_SCORE(G6,F6)", unused="/"):
    """The unit's own sheet: money 200 → 190 (95 %), 分值 10; indicators 29.5 + 90."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "自评表"
    sheet["A1"], sheet["A2"] = "项目支出绩效自评表", "（2024年度）"
    sheet["A3"], sheet["C3"] = "项目名称", "社区养老服务补贴"
    sheet["A4"], sheet["C4"], sheet["E4"], sheet["F4"] = "主管部门", "某区民政局", "实施单位", "某区养老服务中心"
    for column, text in zip("ACDEFGH", ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数",
                                        "分值", "执行率", "得分"], strict=True):
        sheet[f"{column}5"] = text
    sheet["B6"], sheet["C6"], sheet["D6"], sheet["E6"], sheet["F6"] = "年度资金总额", 200, 200, 190, 10
    sheet["G6"], sheet["H6"] = rate, score
    if isinstance(rate, str):
        sheet["G6"].number_format = "0.00%"
    sheet["A8"], sheet["B8"], sheet["E8"] = "年度总体目标", "预期目标", "实际完成情况"
    sheet["B9"], sheet["E9"] = "为1200名老人提供补贴", "为1180名老人提供补贴"
    for column, text in zip("ABCDEFGHI", ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值",
                                          "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
                            strict=True):
        sheet[f"{column}12"] = text
    for row, (level1, level2, name, target, actual, weight) in enumerate(ROWS, start=13):
        for column, value in zip("BCDEFG", (level1, level2, name, target, actual, weight),
                                 strict=True):
            sheet[f"{column}{row}"] = value
        sheet[f"H{row}"] = unused if weight == "/" else f"=JX_SCORE(E{row},F{row},G{row},,,C{row})"
    sheet["I13"] = "个别老人去世、迁出"
    sheet["A19"], sheet["G19"], sheet["H19"] = "总分", "=JX_WEIGHT_TOTAL(F6,G13:G18)", \
        "=JX_TOTAL(H6,H13:H18)"
    sheet["A20"], sheet["H20"] = "评分等级", "=JX_GRADE(H19,G19)"
    book.save(path)
    return path


def checked(path):
    written, result = recalc_file(path)
    assert not result.failures
    values = openpyxl.load_workbook(written, data_only=True)["自评表"]
    outcome = check_workbook(written)
    findings = [(f.code, f.cell, f.message) for table in outcome.tables for f in table.findings]
    return values, outcome.tables[0].table, findings


def test_a_rate_typed_95_scores_95_percent_and_is_no_template_cell(tmp_path):
    """G6 typed 95 (General) under =JX_EXEC_SCORE(G6,F6): 9.5 points and 总分 99, as
    check reads the rate — before, 10 and 99.5, and a JX503 calling G6 a template formula
    typed over (“从 jixiao new 新建的模板中复制”), a cell that never held one."""
    values, _, findings = checked(own_table(tmp_path / "own.xlsx", rate=95))
    assert (values["H6"].value, values["H19"].value, values["H20"].value) == (9.5, 99, "优")
    assert findings == []


def test_an_unused_rows_slash_score_is_skipped_by_the_total(tmp_path):
    """“/” in an unused row's 得分: JX_TOTAL adds up the rest (99), as JX_WEIGHT_TOTAL
    skips its “/” 分值 — before, “⚠ 得分“/”不是数字”, an empty 评分等级, a JX504 and a
    JX503 “评分等级公式被删除” at B21, an empty cell of a table that never had one."""
    values, _, findings = checked(own_table(tmp_path / "own.xlsx"))
    assert (values["H19"].value, values["H20"].value) == (99, "优")
    assert findings == []


def test_blank_unused_rows_stay_clean(tmp_path):
    """The neighbour that must not change: the unused row's 得分 left blank."""
    values, _, findings = checked(own_table(tmp_path / "own.xlsx", unused=None))
    assert (values["H6"].value, values["H19"].value, values["H20"].value) == (9.5, 99, "优")
    assert findings == []


def _saved_as(path, cached):
    """``path`` with the results of some formula cells replaced (an older add-in's)."""
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    xml = members["xl/worksheets/sheet1.xml"].decode()
    for ref, value in cached.items():
        xml, count = re.subn(rf'(<c r="{ref}"[^>]*><f>[^<]*</f><v>)[^<]*(</v>)',
                             rf"\g<1>{value}\g<2>", xml)
        assert count == 1, ref
    members["xl/worksheets/sheet1.xml"] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_an_own_tables_jx_result_against_the_rules_is_reported_as_a_typed_one(tmp_path):
    """The own table saved with 10 in =JX_EXEC_SCORE(G6,F6) (an older add-in's 9500 % of a
    typed 95) and the 总分 99.5: its JX_ results are what the unit submits, judged by the
    rules as a typed 10 is (JX302) — before, only JX504's stale results, as if they were
    jixiao's template's own."""
    written, _ = recalc_file(own_table(tmp_path / "own.xlsx", rate=95))
    _saved_as(written, {"H6": 10, "H19": 99.5})
    findings = [(f.code, f.cell, f.message) for table in check_workbook(written).tables
                for f in table.findings]
    assert findings == [
        ("JX302", "H6", "执行率得分写为 10，按分值 10 × 执行率 95% 应为 9.5；总分 99.5 随之应为 99"),
        ("JX504", "H6", "执行率得分公式保存的结果为“10”，按财政部规则重新计算应为“9.5”"),
        ("JX504", "H19", "总分公式保存的结果为“99.5”，按财政部规则重新计算应为“99”")]


@pytest.mark.parametrize(("formula", "written"), [
    # the arguments left out before the format blank as ``prepare`` writes them, "" (rt30)
    ("=JX_EXEC_SCORE(G6,F6)", '=JX_EXEC_SCORE(G6,F6,"",TRUE)'),
    ("=JX_EXEC_SCORE(G6)", '=JX_EXEC_SCORE(G6,"","",TRUE)'),
    ("=JX_EXEC_SCORE(G6,JX_POINTS(F6))", '=JX_EXEC_SCORE(G6,JX_POINTS(F6,FALSE),"",TRUE)'),
    # the template's, given the 评分规则 (since rt27): the format comes after it
    ("=JX_EXEC_SCORE(G6,JX_POINTS(F6),JX_Rules)",
     "=JX_EXEC_SCORE(G6,JX_POINTS(F6,FALSE),JX_Rules,TRUE)"),
    ("=JX_EXEC_SCORE(G6,F6,,FALSE)", "=JX_EXEC_SCORE(G6,F6,,FALSE)"),
])
def test_the_formulas_engine_is_given_the_rate_cells_format(tmp_path, formula, written):
    """The general engine passes values only: JX_EXEC_SCORE's call is written out with
    its rate cell's percent format, as the fast path and Excel's function read it."""
    sheet = openpyxl.load_workbook(own_table(tmp_path / "own.xlsx"))["自评表"]
    assert with_formats(formula, sheet["H6"]) == written
