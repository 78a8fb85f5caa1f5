"""The standard template: its contract (defined names), its form, and what the reader of
its names (``jixiao.read.by_names``) reads back from it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils.cell import range_boundaries

from jixiao.cellfuncs import FUNCTIONS
from jixiao.checks.weights import weights_wrong
from jixiao.errors import JixiaoError
from jixiao.layout import DEFINED_NAMES, GROUPS, NAME_RANGES, PRINT_AREA, SHEET
from jixiao.model import (
    UNUSED_ROW,
    FundLine,
    Funds,
    Indicator,
    Project,
    SelfEvaluation,
    Source,
    evaluate,
)
from jixiao.read.by_names import read_template
from jixiao.samples import sample
from jixiao.template.build import build_template

ROOT = Path(__file__).resolve().parents[2]
COMMITTED = ROOT / "workbook_templates" / "自评表.xlsx"

SHAPES = {  # name → (rows, columns)
    **{name: (1, 1) for name in (
        "JX_Year", "JX_ProjectName", "JX_Department", "JX_Unit", "JX_Rules",
        "JX_FundWeight", "JX_FundScore", "JX_FundReason", "JX_GoalExpected", "JX_GoalActual",
        "JX_WeightTotal", "JX_TotalScore", "JX_TotalGrade")},
    **{name: (4, 1) for name in (
        "JX_FundLabel", "JX_FundInitial", "JX_FundBudget", "JX_FundExecuted", "JX_FundRate")},
    **{name: (30, 1) for name in (
        "JX_Level1", "JX_Level2", "JX_Name", "JX_Target", "JX_Actual", "JX_Weight",
        "JX_IndicatorScore", "JX_Reason", "JX_Judged", "JX_IndicatorMet")},
}


@pytest.fixture(scope="module")
def blank(tmp_path_factory):
    path = tmp_path_factory.mktemp("template") / "blank.xlsx"
    build_template(path, year=2024)
    return path


@pytest.fixture(scope="module")
def book(blank):
    return openpyxl.load_workbook(blank)


@pytest.fixture(scope="module")
def sheet(book):
    return book[SHEET]


def name_range(book, name):
    (sheet_name, ref), = book.defined_names[name].destinations
    return book[sheet_name], ref.replace("$", "")


def cells_of(book, name):
    ws, ref = name_range(book, name)
    return [cell for row in ws[ref] for cell in row] if ":" in ref else [ws[ref]]


# ---------------------------------------------------------------- contract

def test_every_defined_name_exists_with_its_shape(book):
    assert set(DEFINED_NAMES) == set(SHAPES)
    for name in DEFINED_NAMES:
        ws, ref = name_range(book, name)
        assert ws.title == SHEET
        min_col, min_row, max_col, max_row = range_boundaries(ref)
        assert (max_row - min_row + 1, max_col - min_col + 1) == SHAPES[name], name


def test_no_defined_name_shadows_a_worksheet_function():
    # Names are case-insensitive in Excel and LibreOffice: "JX_Score" would hide JX_SCORE.
    functions = {name.lower() for name in FUNCTIONS}
    assert not functions & {name.lower() for name in DEFINED_NAMES}


def test_names_point_at_the_cells_their_headers_describe(sheet, book):
    header = {cell.value: cell.column_letter for cell in sheet[12] if cell.value}
    for name, title in (("JX_Name", "三级指标"), ("JX_Target", "年度指标值"),
                        ("JX_Actual", "实际完成值"), ("JX_Weight", "分值"),
                        ("JX_IndicatorScore", "得分"), ("JX_Reason", "偏差原因分析及改进措施"),
                        ("JX_IndicatorMet", "是否达成")):
        assert NAME_RANGES[name].split(":")[0].strip("$")[0] == header[title], name
    labels = [cell.value for cell in cells_of(book, "JX_FundLabel")]
    assert labels == ["年度资金总额", "其中：当年财政拨款", "上年结转资金", "其他资金"]


# ---------------------------------------------------------------- the form

def test_heading_money_block_and_totals(sheet, book):
    assert sheet["A1"].value == "项目支出绩效自评表"
    assert cells_of(book, "JX_Year")[0].value == 2024
    texts = {cell.value for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)}
    for text in ("项目名称", "主管部门", "实施单位", "年初预算数", "全年预算数(A)", "全年执行数(B)",
                 "执行率(B/A)", "年度总体目标", "预期目标", "实际完成情况", "绩效指标", "总分",
                 "评分等级", "人工评分（部分达成/未达成时填）", "评分规则"):
        assert text in texts, text
    assert cells_of(book, "JX_FundWeight")[0].value == 10
    weight_column = cells_of(book, "JX_FundWeight")[0].column_letter
    assert [sheet[f"{weight_column}{row}"].value for row in (7, 8, 9)] == ["—"] * 3


def test_indicator_groups_are_prefilled_and_merged(sheet, book):
    level1 = cells_of(book, "JX_Level1")
    level2 = cells_of(book, "JX_Level2")
    merged = {str(ref) for ref in sheet.merged_cells.ranges}
    row = level1[0].row
    for _, second_level, count in GROUPS:
        column = level2[0].column_letter
        assert sheet[f"{column}{row}"].value == second_level
        assert f"{column}{row}:{column}{row + count - 1}" in merged
        row += count
    assert [(g[0], g[1], g[2]) for g in GROUPS][:4] == [
        ("产出指标", "数量指标", 4), ("产出指标", "质量指标", 4), ("产出指标", "时效指标", 3),
        ("产出指标", "成本指标", 3)]
    column = level1[0].column_letter
    first, last = level1[0].row, level1[-1].row
    assert {f"{column}{first}:{column}{first + 13}", f"{column}{first + 14}:{column}{first + 26}",
            f"{column}{first + 27}:{column}{last}"} <= merged
    assert [sheet[f"{column}{r}"].value for r in (first, first + 14, first + 27)] == [
        "产出指标", "效益指标", "满意度指标"]


def test_computed_cells_hold_jx_formulas(book):
    expected = {"JX_FundRate": "JX_RATE(", "JX_FundScore": "JX_EXEC_SCORE(",
                "JX_IndicatorScore": "JX_SCORE(", "JX_IndicatorMet": "JX_MET(",
                "JX_WeightTotal": "JX_WEIGHT_TOTAL(", "JX_TotalScore": "JX_TOTAL(",
                "JX_TotalGrade": "JX_GRADE("}
    for name, function in expected.items():
        for cell in cells_of(book, name):
            assert isinstance(cell.value, str) and cell.value.startswith("=" + function), (
                name, cell.coordinate, cell.value)
    for formula in (cell.value for cell in cells_of(book, "JX_IndicatorScore")):
        assert ",JX_Rules," in formula  # the rule-set cell, by its name
    used = {match for cell in cells_of(book, "JX_IndicatorScore") + cells_of(book, "JX_TotalScore")
            for match in re.findall(r"JX_[A-Z_]+(?=\()", cell.value)}
    assert used <= set(FUNCTIONS)


def test_cost_rows_pass_their_merged_level2_cell(book):
    """A 成本指标 row's formula must see "成本指标", which sits in the group's first row:
    it passes the 二级 column from the first indicator row down to its own row, whose last
    non-empty cell is the row's 二级 (so a row copied into another block reads that one)."""
    scores = cells_of(book, "JX_IndicatorScore")
    level2 = cells_of(book, "JX_Level2")
    first_cost = next(i for i, cell in enumerate(level2) if cell.value == "成本指标")
    for offset in range(3):
        cell = scores[first_cost + offset]
        assert cell.value.endswith(f",$C${level2[0].row}:$C{cell.row})")


def test_number_formats(book):
    assert {cell.number_format for cell in cells_of(book, "JX_FundRate")} == {"0.00%"}
    for name in ("JX_FundBudget", "JX_FundExecuted", "JX_FundInitial", "JX_Weight",
                 "JX_IndicatorScore", "JX_FundScore", "JX_TotalScore"):
        assert {cell.number_format for cell in cells_of(book, name)} == {"0.00"}, name


def test_protection_on_without_password_inputs_unlocked(sheet, book):
    protection = sheet.protection
    assert protection.sheet is True
    assert not protection.password
    assert protection.formatColumns is False and protection.formatRows is False
    for name in ("JX_Year", "JX_ProjectName", "JX_Department", "JX_Unit", "JX_Rules",
                 "JX_FundInitial", "JX_FundBudget", "JX_FundExecuted", "JX_FundWeight",
                 "JX_GoalExpected", "JX_GoalActual", "JX_Name", "JX_Target", "JX_Actual",
                 "JX_Weight", "JX_Reason", "JX_Judged"):
        for cell in cells_of(book, name):
            assert cell.protection.locked is False, (name, cell.coordinate)
            assert cell.fill.fgColor.rgb.endswith("FFF2CC")
    for name in ("JX_FundRate", "JX_FundScore", "JX_IndicatorScore", "JX_IndicatorMet",
                 "JX_WeightTotal", "JX_TotalScore", "JX_TotalGrade", "JX_Level1", "JX_Level2",
                 "JX_FundLabel"):
        for cell in cells_of(book, name):
            assert cell.protection.locked is True, (name, cell.coordinate)
    assert sheet["A1"].protection.locked is True


def test_data_validation_lists(sheet, book):
    validations = sheet.data_validations.dataValidation

    def covering(cell):
        return [dv for dv in validations if cell.coordinate in dv.sqref]

    for cell in cells_of(book, "JX_Actual"):
        (dv,) = covering(cell)
        assert dv.type == "list" and dv.formula1 == '"达成,部分达成,未达成"'
        assert not dv.showErrorMessage  # numbers must still be accepted
    (dv,) = covering(cells_of(book, "JX_Rules")[0])
    assert dv.type == "list" and dv.formula1 == '"mof2020,ratio,sichuan"'
    assert cells_of(book, "JX_Rules")[0].value == "mof2020"
    for name in ("JX_Weight", "JX_FundBudget", "JX_FundExecuted", "JX_FundWeight", "JX_Judged"):
        for cell in cells_of(book, name):
            (dv,) = covering(cell)
            assert (dv.type, dv.operator, dv.formula1) == ("decimal", "greaterThanOrEqual", "0")


def test_print_setup(sheet):
    assert sheet.page_setup.paperSize in (9, "9")
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert int(sheet.page_setup.fitToWidth) == 1 and int(sheet.page_setup.fitToHeight) == 0
    assert sheet.print_options.horizontalCentered
    assert sheet.print_area.replace("$", "").split("!")[-1] == PRINT_AREA
    # The helper columns (人工评分, 是否达成) and the rule-set cell lie outside the print area.
    last_printed = range_boundaries(PRINT_AREA)[2]
    for name in ("JX_Judged", "JX_IndicatorMet", "JX_Rules"):
        assert range_boundaries(NAME_RANGES[name].replace("$", "").split(":")[0])[0] > last_printed


def test_other_sheets(book):
    assert book.sheetnames == [SHEET, "xlwings.conf", "填写说明"]
    conf = book["xlwings.conf"]
    assert (conf["A1"].value, conf["B1"].value) == ("UDF Modules", "jixiao_udfs")
    help_text = " ".join(str(cell.value) for row in book["填写说明"].iter_rows() for cell in row
                         if cell.value)
    for word in ("JX_SCORE", "JX_TOTAL", "mof2020", "ratio", "sichuan", "人工评分"):
        assert word in help_text


def test_rules_and_year_arguments(tmp_path):
    path = tmp_path / "ratio.xlsx"
    build_template(path, rules="ratio")
    table = read_template(path)
    assert table.rules.name == "ratio"
    assert table.project.year is None
    with pytest.raises(JixiaoError, match="未知的评分规则"):
        build_template(tmp_path / "bad.xlsx", rules="nosuch")
    assert not (tmp_path / "bad.xlsx").exists()


# ---------------------------------------------------------------- reading

def typed_inputs(table):
    """What a person types into the template (the scores are formulas)."""
    def line(fund):
        return (fund.label, fund.initial_budget, fund.budget, fund.executed)

    return (table.project, table.rules, line(table.funds.total),
            [line(part) for part in table.funds.parts], table.funds.weight,
            [(i.level1, i.level2, i.name, i.target, i.actual, i.weight, i.reason, i.judged)
             for i in table.indicators])


def small_table():
    return SelfEvaluation(
        project=Project("信息安全等保项目", "上海市普陀区医疗保障局", "上海市普陀区医疗保险事务中心",
                        2024),
        funds=Funds(total=FundLine("年度资金总额", 30.03, 31.56, 31.5),
                    parts=[FundLine("上年结转资金", 0.0, 0.0, 0.0),
                           FundLine("当年财政拨款", 30.03, 31.56, 31.5)], weight=10.0),
        indicators=[
            Indicator("产出指标", "数量指标", "预算资金执行率", "≥90.00(%)", "99.80(%)", 5.0),
            Indicator("产出指标", "成本指标", "单价", "30 万元", 33, 10.0, reason="材料涨价"),
            Indicator("产出指标", "数量指标", "设备数", "≥6 台", "6 台", 10.0),
            Indicator("效益指标", "可持续影响指标", "防护能力", "稳步提升", "部分达成", 30.0,
                      judged=21.0),
            Indicator("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥95%", "85%", 10.0,
                      reason="宣传不足"),
        ],
        rules="sichuan")


def test_round_trip_keeps_everything_typed(tmp_path):
    table = small_table()
    path = tmp_path / "filled.xlsx"
    build_template(path, table=table)
    read = read_template(path)
    expected = small_table()
    # The template's order: groups as on paper, 其中 lines as on paper.
    expected.indicators = [expected.indicators[i] for i in (0, 2, 1, 3, 4)]
    expected.funds.parts.reverse()
    assert typed_inputs(read) == typed_inputs(expected)
    assert read.layout == "standard"
    # The results are stored with the formulas: any program shows them on opening.
    computed = evaluate(read)
    # its 分值 total 75: no grade, as check says (CheckedTable.grade), the cell a ⚠ text
    assert weights_wrong(read) == 75
    assert (read.total_declared, read.grade_declared) == (computed.total, None)
    assert [i.score_declared for i in read.indicators] == [s.value for s in computed.scores]


def test_sources_point_at_the_cells(tmp_path):
    path = tmp_path / "filled.xlsx"
    build_template(path, table=small_table())
    read = read_template(path)
    first, second, cost = read.indicators[:3]
    assert first.sources == {key: Source(SHEET, f"{column}13") for key, column in (
        ("level1", "B"), ("level2", "C"), ("name", "D"), ("target", "E"), ("actual", "F"),
        ("weight", "G"), ("score", "H"), ("reason", "I"), ("judged", "J"))}
    assert second.sources["name"] == Source(SHEET, "D14")
    assert second.sources["level2"] == Source(SHEET, "C13")  # the merged group's text
    assert cost.level2 == "成本指标" and cost.sources["weight"] == Source(SHEET, "G24")
    funds = read.funds
    assert funds.total.sources == {"initial_budget": Source(SHEET, "D6"),
                                   "budget": Source(SHEET, "E6"),
                                   "executed": Source(SHEET, "F6"), "rate": Source(SHEET, "H6")}
    assert funds.parts[0].sources["budget"] == Source(SHEET, "E7")
    assert funds.sources == {"weight": Source(SHEET, "G6"), "score": Source(SHEET, "I6"),
                             "reason": Source(SHEET, "J6")}  # 执行率偏低原因说明
    assert read.sources == {"total": Source(SHEET, "H43"), "grade": Source(SHEET, "H44"),
                            "weight_total": Source(SHEET, "G43"), "rules": Source(SHEET, "K2"),
                            # each 一级's first unused 三级指标 cell (JX104 points there)
                            UNUSED_ROW + "产出指标": Source(SHEET, "D15"),
                            UNUSED_ROW + "效益指标": Source(SHEET, "D27"),
                            UNUSED_ROW + "满意度指标": Source(SHEET, "D41")}


@pytest.mark.parametrize("key", ["putuo-1", "putuo-2", "putuo-7", "zizhou-2023"])
def test_published_tables_survive_the_template(tmp_path, key):
    table = sample(key)
    path = tmp_path / f"{key}.xlsx"
    build_template(path, table=table)
    read = read_template(path)
    assert read.project == table.project
    assert [(i.name, i.target, i.actual, i.weight) for i in read.indicators] == [
        (i.name, i.target, i.actual, i.weight) for i in table.indicators]


def with_cached_values(path, values):
    """Give formula cells the results Excel would have stored on saving."""
    from jixiao.xlsx.package import Package
    from jixiao.xlsx.writeback import write_cached_values

    package = Package(path)
    formulas = {cell.ref for cell in package.cells(package.sheets[0]) if cell.formula}
    assert set(values) <= formulas, set(values) - formulas
    write_cached_values(package, path, {package.sheets[0].name: values})


def test_declared_scores_come_from_cached_results(tmp_path):
    path = tmp_path / "calculated.xlsx"
    build_template(path, table=small_table())
    with_cached_values(path, {"H6": 0.998099, "I6": 9.98, "H13": 5, "H24": 9, "H43": 84.3,
                              "G43": 100, "H44": "良", "H14": "⚠ 分值为空"})
    read = read_template(path)
    assert read.funds.total.rate_declared == pytest.approx(99.8099)
    assert read.funds.score_declared == 9.98
    assert read.indicators[0].score_declared == 5.0
    assert read.indicators[1].score_declared is None  # an error text is no score
    assert read.indicators[2].score_declared == 9.0
    assert (read.total_declared, read.grade_declared) == (84.3, "良")


def test_a_score_typed_over_the_formula_is_read(tmp_path):
    path = tmp_path / "typed.xlsx"
    build_template(path, table=small_table())
    book = openpyxl.load_workbook(path)
    book[SHEET]["H13"] = 4.5
    book[SHEET]["H44"] = "优"
    book.save(path)
    read = read_template(path)
    assert read.indicators[0].score_declared == 4.5 and read.grade_declared == "优"


def test_reader_follows_the_names_not_the_coordinates(tmp_path):
    path = tmp_path / "moved.xlsx"
    build_template(path, table=small_table())
    book = openpyxl.load_workbook(path)
    book[SHEET].insert_rows(1, 3)  # openpyxl moves cells but not names: move them as Excel would
    for name in DEFINED_NAMES:
        defined = book.defined_names[name]
        defined.attr_text = re.sub(r"\$(\d+)", lambda m: f"${int(m.group(1)) + 3}",
                                   defined.attr_text)
    book.save(path)
    read = read_template(path)
    assert read.indicators[0].name == "预算资金执行率"
    assert read.indicators[0].sources["name"] == Source(SHEET, "D16")
    assert read.project.name == "信息安全等保项目"


def test_more_indicators_than_a_group_has_rows_get_rows_of_their_own(tmp_path):
    """Before rt34: “产出指标“时效指标”有 4 条三级指标，标准模板只有 3 行”, no file. The
    form now has a 4th 时效 row (and so every row below one lower); the table reads back
    whole, in the template's order. A 二级 not in the template still refuses."""
    table = small_table()
    table.indicators += [Indicator("产出指标", "时效指标", f"时效{i}", "及时", "达成", 5.0)
                         for i in range(4)]
    path = tmp_path / "x.xlsx"
    build_template(path, table=table)
    read = read_template(path)
    assert [i.name for i in read.indicators] == [
        "预算资金执行率", "设备数", "时效0", "时效1", "时效2", "时效3", "单价", "防护能力",
        "服务对象满意度"]
    assert read.indicators[5].sources["name"] == Source(SHEET, "D24")  # 21, 22, 23 and 24
    assert name_range(openpyxl.load_workbook(path), "JX_Name")[1] == "D13:D43"
    table.indicators = [Indicator("产出指标", "其他指标", "甲", "1", "1", 5.0)]
    with pytest.raises(JixiaoError, match="不在标准模板中"):
        build_template(tmp_path / "x.xlsx", table=table)


# ---------------------------------------------------------------- the committed file

def test_builds_are_reproducible(tmp_path):
    build_template(tmp_path / "a.xlsx")
    build_template(tmp_path / "b.xlsx")
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()


def test_every_member_of_a_build_carries_the_fixed_timestamp(tmp_path):
    """Worksheets are written by openpyxl through ZipFile.write, which would stamp the
    temporary file's mtime: two builds a second apart would differ."""
    build_template(tmp_path / "a.xlsx")
    with zipfile.ZipFile(tmp_path / "a.xlsx") as archive:
        stamps = {info.filename: info.date_time for info in archive.infolist()}
    assert any(name.startswith("xl/worksheets/") for name in stamps)
    assert set(stamps.values()) == {next(iter(stamps.values()))}
    from jixiao.template.reproducible import FIXED_TIME

    assert set(stamps.values()) == {FIXED_TIME.timetuple()[:6]}  # the fixed time, not today


def test_committed_template_is_a_fresh_build(tmp_path):
    fresh = tmp_path / "fresh.xlsx"
    build_template(fresh)
    with zipfile.ZipFile(COMMITTED) as committed, zipfile.ZipFile(fresh) as built:
        assert sorted(committed.namelist()) == sorted(built.namelist())
        for member in built.namelist():
            assert committed.read(member) == built.read(member), (
                f"{member} differs: run python scripts/make_template.py")


def test_cli_new_writes_and_refuses_to_overwrite(tmp_path):
    def jixiao(*args):
        return subprocess.run([sys.executable, "-m", "jixiao", *args], capture_output=True,
                              text=True, encoding="utf-8", cwd=ROOT, timeout=120)

    out = tmp_path / "新表.xlsx"
    result = jixiao("new", str(out), "--year", "2025", "--rules", "sichuan")
    assert result.returncode == 0, result.stderr
    assert "已生成" in result.stdout
    table = read_template(out)
    assert (table.project.year, table.rules.name) == (2025, "sichuan")
    again = jixiao("new", str(out))
    assert again.returncode == 2 and "--force" in again.stderr and "Traceback" not in again.stderr
    assert jixiao("new", str(out), "--force").returncode == 0
    assert read_template(out).rules.name == "mof2020"


@pytest.fixture(scope="module")
def libreoffice_pdf(tmp_path_factory):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not on PATH: cannot check the template opens")
    work = tmp_path_factory.mktemp("soffice")
    source = work / "template.xlsx"
    build_template(source, table=small_table())
    profile = (work / "profile").as_uri()
    env = {**os.environ, "HOME": str(work)}
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(work), str(source)],
                   capture_output=True, timeout=120, env=env, check=False)
    return work / "template.pdf"


def test_libreoffice_opens_and_prints_it(libreoffice_pdf):
    assert libreoffice_pdf.is_file(), "LibreOffice produced no PDF"
    data = libreoffice_pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 10_000


def test_the_native_templates_help_explains_its_own_formulas(tmp_path):
    """A clerk with the native template has no add-in: its 填写说明 never sends them to JX_."""
    build_template(tmp_path / "n.xlsx", formulas="native")
    build_template(tmp_path / "a.xlsx")
    from openpyxl import load_workbook

    def texts(path):
        sheet = load_workbook(path)["填写说明"]
        return " ".join(str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value)
    assert "JX_" not in texts(tmp_path / "n.xlsx") and "⚠" in texts(tmp_path / "n.xlsx")
    assert "JX_SCORE" in texts(tmp_path / "a.xlsx")
