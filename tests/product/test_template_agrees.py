"""The template never argues with its checker (issue 14), as a property.

A clerk fills the template — typed inputs only — and runs ``jixiao recalc``;
then ``jixiao check``:

* a sound fill (weights 90 + 10, every row with target, actual and a reason,
  money lines that add up, judged scores inside their band) gets no error;
* any fill gets findings only on cells the clerk can change (never on a
  locked formula cell) or on no cell at all.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao.layout import GROUPS, SHEET
from jixiao.model import FundLine, Funds, Indicator, Project, SelfEvaluation
from jixiao.pipeline import check_workbook
from jixiao.recalc.workbook import recalc_file
from jixiao.rules import rule_set
from jixiao.template.build import build_template

LEVELS = [(level1, level2) for level1, level2, _ in GROUPS]
SLOTS = {level2: rows for _, level2, rows in GROUPS}
UNITS = ["%", "小时", "个", "万元", "次", ""]
OPERATORS = ["≥", "＞", "≤", "＜", "＝", "", "不低于", "大于", "不超过", "小于", ">=", "<"]
QUALITATIVE = ["及时", "规范", "满意", "明显提升", "通过"]
LEVEL_WORDS = {"achieved": "达成", "partial": "部分达成", "not": "未达成"}


@pytest.fixture(scope="module")
def input_cells(tmp_path_factory) -> set[str]:
    """The cells a clerk can type into: the unlocked cells of the form."""
    path = tmp_path_factory.mktemp("blank") / "blank.xlsx"
    build_template(path)
    sheet = openpyxl.load_workbook(path)[SHEET]
    return {cell.coordinate for row in sheet.iter_rows() for cell in row
            if not cell.protection.locked}


@st.composite
def quantitative_row(draw):
    unit = draw(st.sampled_from(UNITS))
    op = draw(st.sampled_from(OPERATORS))
    goal = draw(st.sampled_from([0, 1, 3, 24, 90, 95, 100, 30.5, 967]))
    actual = draw(st.one_of(st.just(goal), st.just(goal * 2), st.just(goal / 2),
                            st.floats(min_value=0, max_value=2000, allow_nan=False)
                            .map(lambda x: round(x, 2))))
    actual_unit = unit if draw(st.booleans()) else ""
    return f"{op}{goal:g}{unit}", f"{actual:g}{actual_unit}", None


@st.composite
def qualitative_row(draw, weight, rules):
    level = draw(st.sampled_from(list(LEVEL_WORDS)))
    band = rule_set(rules).bands[level]
    judged = None
    if level != "achieved":
        low, high = band
        judged = round(weight * draw(st.floats(min_value=low, max_value=high)), 2)
        judged = min(max(judged, round(weight * low + 0.005, 2)), round(weight * high, 2))
    return draw(st.sampled_from(QUALITATIVE)), LEVEL_WORDS[level], judged


@st.composite
def sound_fill(draw) -> SelfEvaluation:
    rules = draw(st.sampled_from(["mof2020", "ratio", "sichuan"]))
    budget = draw(st.floats(min_value=1, max_value=5000).map(lambda x: round(x, 2)))
    executed = round(budget * draw(st.floats(min_value=0.9, max_value=1.0)), 2)
    funds = Funds(total=FundLine("年度资金总额", budget, budget, executed),
                  parts=[FundLine("其中：当年财政拨款", budget, budget, executed)], weight=10.0)
    rows, weights = [], []
    for level1, points in rule_set("mof2020").default_weights.items():
        if level1 == "预算执行率":
            continue
        groups = [level2 for first, level2 in LEVELS if first == level1]
        count = draw(st.integers(min_value=1, max_value=min(4, int(points))))
        chosen = draw(st.lists(st.sampled_from(groups), min_size=count, max_size=count))
        placed = [(level1, level2) for index, level2 in enumerate(chosen)
                  if chosen[:index].count(level2) < SLOTS[level2]]
        cuts = sorted(draw(st.lists(st.integers(min_value=1, max_value=int(points) - 1),
                                    min_size=len(placed) - 1, max_size=len(placed) - 1,
                                    unique=True)))
        rows += placed
        weights += [b - a for a, b in zip([0, *cuts], [*cuts, int(points)], strict=True)]
    indicators = []
    for number, ((level1, level2), weight) in enumerate(zip(rows, weights, strict=True)):
        if draw(st.booleans()):
            target, actual, judged = draw(quantitative_row())
        else:
            target, actual, judged = draw(qualitative_row(weight, rules))
        indicators.append(Indicator(level1, level2, f"指标{number + 1}", target, actual,
                                    float(weight), reason="已说明偏差原因", judged=judged))
    return SelfEvaluation(Project("项目", "主管部门", "实施单位", 2024, "目标", "完成"), funds,
                          indicators, rules=rules)


def checked(table: SelfEvaluation, folder: Path, formulas: str = "addin"):
    path = folder / "filled.xlsx"
    build_template(path, table=table, formulas=formulas)
    written, _ = recalc_file(path, folder / "filled.recalc.xlsx")
    result = check_workbook(written)
    assert result.error is None, result.error
    return result.findings


def assert_only_input_cells(findings, input_cells) -> None:
    """No finding points at a cell the clerk cannot change (a locked or computed cell)."""
    locked = [f"{item.code} {item.where} {item.message}" for item in findings
              if item.cell is not None and (item.sheet != SHEET or item.cell not in input_cells)]
    assert not locked


def assert_no_error_and_only_input_cells(findings, input_cells) -> None:
    errors = [f"{item.code} {item.where} {item.message}" for item in findings
              if item.severity == "error"]
    assert not errors
    assert_only_input_cells(findings, input_cells)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(table=sound_fill())
def test_a_sound_fill_gets_no_error_and_warnings_only_on_inputs(table, tmp_path_factory,
                                                                input_cells):
    findings = checked(table, tmp_path_factory.mktemp("fill"))
    assert_no_error_and_only_input_cells(findings, input_cells)



maybe_number = st.one_of(st.none(), st.floats(min_value=0, max_value=1000, allow_nan=False)
                         .map(lambda x: round(x, 2)))
any_target = st.one_of(st.none(), st.sampled_from(QUALITATIVE + ["≠100%", "全部完成", "2024 年 12 月前"]),
                       st.tuples(st.sampled_from(OPERATORS), st.sampled_from([0, 5, 90, 100]),
                                 st.sampled_from(UNITS)).map(lambda t: f"{t[0]}{t[1]}{t[2]}"))
any_actual = st.one_of(st.none(), st.sampled_from([*LEVEL_WORDS.values(), "完成", "较好"]),
                       st.tuples(st.floats(min_value=0, max_value=300, allow_nan=False),
                                 st.sampled_from(UNITS)).map(lambda t: f"{t[0]:.4g}{t[1]}"))


# money as clerks type it: a number, blank, or a text ("30万元", "29.5") the template refuses
maybe_money = st.one_of(maybe_number, st.sampled_from(["30万元", "29.5", "30 万元"]))


@st.composite
def any_fill(draw) -> SelfEvaluation:
    budget, executed = draw(maybe_money), draw(maybe_money)
    funds = Funds(total=FundLine("年度资金总额", draw(maybe_number), budget, executed),
                  weight=draw(st.one_of(st.none(), st.sampled_from([10.0, 5.0, 0.0]))))
    rows = draw(st.lists(st.sampled_from(LEVELS), max_size=8))
    used: dict[str, int] = {}
    indicators = []
    for number, (level1, level2) in enumerate(rows):
        if used.get(level2, 0) == SLOTS[level2]:
            continue
        used[level2] = used.get(level2, 0) + 1
        indicators.append(Indicator(
            level1, level2, draw(st.one_of(st.none(), st.just(f"指标{number}"))),
            draw(any_target), draw(any_actual),
            draw(st.one_of(st.none(), st.sampled_from([0.0, 5.0, 10.0, 12.5, 30.0]))),
            reason=draw(st.one_of(st.none(), st.just("原因"))), judged=draw(maybe_number)))
    return SelfEvaluation(Project("项目"), funds, indicators,
                          rules=draw(st.sampled_from(["mof2020", "ratio", "sichuan"])))


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(table=any_fill())
def test_any_fill_gets_findings_only_on_cells_the_clerk_can_change(table, tmp_path_factory,
                                                                   input_cells):
    findings = checked(table, tmp_path_factory.mktemp("fill"))
    assert_only_input_cells(findings, input_cells)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(table=sound_fill())
def test_the_native_template_agrees_with_its_checker_too(table, tmp_path_factory, input_cells):
    findings = checked(table, tmp_path_factory.mktemp("fill"), formulas="native")
    assert_no_error_and_only_input_cells(findings, input_cells)


# ---------------------------------------------------------------- the cases seen (issue 14)

def _putuo_with(tmp_path: Path, **changes) -> Path:
    from jixiao.samples import sample

    table = sample("putuo-1")
    for key, value in changes.items():
        setattr(table.indicators[0], key, value)
    path = tmp_path / "filled.xlsx"
    build_template(path, year=2024, table=table)
    return recalc_file(path, tmp_path / "filled.recalc.xlsx")[0]


def _findings(path: Path) -> list[str]:
    return [f"{item.code} {item.severity} {item.cell} {item.message}"
            for item in check_workbook(path).findings]


def test_strict_target_met_only_at_equality_agrees_with_its_score(tmp_path):
    path = _putuo_with(tmp_path, target="＜ 24 小时", actual="24 小时", reason="恰好 24 小时")
    findings = _findings(path)
    assert not [item for item in findings if " error " in item], findings
    cells = openpyxl.load_workbook(path, data_only=True)[SHEET]
    assert (cells["H13"].value, cells["K13"].value) == (4.0, "否")  # 80 % of 5, not met


def test_a_score_typed_over_its_formula_is_one_error_with_the_rules_value(tmp_path):
    path = _putuo_with(tmp_path, name="服务对象满意度", target="≥95%", actual="85%",
                       reason="宣传不足")
    book = openpyxl.load_workbook(path)
    assert book[SHEET]["H13"].value.startswith("=JX_SCORE")
    book[SHEET]["H13"] = 4  # the rules give 5 × 85 / 95 = 4.47
    typed = tmp_path / "typed.xlsx"
    book.save(typed)
    recalculated, _ = recalc_file(typed, tmp_path / "typed.recalc.xlsx")
    findings = _findings(recalculated)
    assert [item for item in findings if " H13 " in item or "JX504" in item] == [
        "JX503 error H13 “服务对象满意度”的得分是手工填写的“4”，覆盖了原有公式；"
        "按财政部规则应为 4.47，请从相邻行复制公式恢复"], findings


def test_a_manual_score_outside_its_band_points_at_the_manual_score(tmp_path):
    path = _putuo_with(tmp_path, target="及时", actual="部分达成", judged=4.5, reason="延误")
    findings = _findings(path)
    assert [item for item in findings if "指标" in item.split(" ", 3)[3][:12] or " J13 " in item
            or " H13 " in item] == [
        "JX408 warning J13 “预算资金执行率”为“部分达成”，人工评分填写为 4.5，不在 3–4 分之间"
        "（财政部规则）"], findings


def test_a_file_whose_results_were_lost_gets_one_warning_saying_how_to_recalculate(tmp_path):
    from jixiao.xlsx.package import ExcelError, Package
    from jixiao.xlsx.writeback import write_cached_values

    path = _putuo_with(tmp_path)
    package = Package(path)
    sheet = package.sheets[0]
    lost = {cell.ref: ExcelError("#NAME?") for cell in package.cells(sheet) if cell.formula}
    saved = tmp_path / "saved-by-libreoffice.xlsx"
    write_cached_values(package, saved, {sheet.name: lost})
    stale = [item for item in _findings(saved) if item.startswith("JX504")]
    assert len(stale) == 1 and "jixiao recalc" in stale[0] and "一键重算" in stale[0], stale


def test_every_formula_cell_showing_an_error_is_counted_and_listed(tmp_path):
    """rt22: JX504 said “3 个公式单元格（H40、H43、H44）显示 #NAME?” where the row's 是否达成
    K40 showed #NAME? too, and left out an emptied row's 得分 and 是否达成 (H37, K37). It
    counts every visible formula cell of the table showing an error, in reading order,
    pointing at none of them (they are locked)."""
    from jixiao.xlsx.package import ExcelError, Package
    from jixiao.xlsx.writeback import write_cached_values

    path = _putuo_with(tmp_path)
    package = Package(path)
    sheet = package.sheets[0]
    lost = {ref: ExcelError("#NAME?") for ref in ("H17", "K17", "H20", "K20", "AB20", "H44")}
    saved = tmp_path / "saved-by-libreoffice.xlsx"
    write_cached_values(package, saved, {sheet.name: lost})
    assert [item for item in _findings(saved) if item.startswith("JX504")] == [
        "JX504 warning None 5 个公式单元格（H17、K17、H20、K20、H44）显示 #NAME?：文件由没有 "
        "jixiao 函数的软件保存，结果已丢失；请运行 jixiao recalc，或在装有 jixiao 加载项的 Excel "
        "中点“一键重算”后保存"]


def test_a_nearly_empty_fill_is_one_table_with_its_weight_total_agreed(tmp_path, input_cells):
    """Found by the property above: a fill with 二级 only, one 达成 and one 及时, read as two
    tables (a merged 二级 taken for a header over two rows) and JX504 on the locked 分值合计."""
    rows = [Indicator("产出指标", "质量指标", None, None, None, None),
            Indicator("产出指标", "质量指标", None, None, None, None),
            Indicator("产出指标", "质量指标", None, None, "达成", None),
            Indicator("产出指标", "数量指标", None, "及时", None, None)]
    table = SelfEvaluation(Project("项目"), Funds(total=FundLine("年度资金总额")), rows,
                           rules="mof2020")
    findings = checked(table, tmp_path)
    assert_only_input_cells(findings, input_cells)


@pytest.mark.parametrize(("budget", "executed", "cell", "message"), [
    (None, 30.0, "E6", "全年预算数(A)未填写（年初预算数已填 30），执行率得分、总分无法计算"),
    (30.0, None, "F6", "全年执行数(B)未填写，执行率得分、总分无法计算"),
    ("30万元", 30.0, "E6", "全年预算数(A)“30万元”是文字，不是数值：请只填数字（单位已是万元；单元格为文本格式的，改为常规格式后重新输入）")])
@pytest.mark.parametrize("formulas", ["addin", "native"])
def test_money_missing_or_typed_as_text_is_one_error_on_its_input_cell(
        tmp_path, input_cells, budget, executed, cell, message, formulas):
    """rt12: the template stored 总分 88.84 / 良 without the 执行率's 10 points, and check
    only hinted (JX307) — or computed 98.67 from “30万元” where the template showed ⚠."""
    from jixiao.samples import sample

    table = sample("putuo-1")
    table.funds = Funds(total=FundLine("年度资金总额", 30.0, budget, executed), weight=10.0)
    findings = checked(table, tmp_path, formulas)
    assert [f"{item.code} {item.cell} {item.message}" for item in findings
            if item.severity == "error"] == [f"JX309 {cell} {message}"]
    assert_only_input_cells(findings, input_cells)


# ---------------------------------------------------------------- rt20: one rule each

def _zero_budget(tmp_path: Path, formulas: str) -> Path:
    from jixiao.samples import sample

    table = sample("putuo-1")
    table.funds = Funds(total=FundLine("年度资金总额", 0.0, 0.0, 0.0), weight=10.0)
    path = tmp_path / "filled.xlsx"
    build_template(path, table=table, formulas=formulas)
    return recalc_file(path, tmp_path / "filled.recalc.xlsx")[0]


@pytest.mark.parametrize(("formulas", "rate"), [
    ("addin", "⚠ 全年预算数为 0，须大于 0 才能计算执行率"),
    ("native", "⚠ 预算数须大于 0，执行数须为不小于 0 的数")])
def test_a_zero_budget_leaves_no_rate_and_no_total_as_check_says(tmp_path, formulas, rate):
    """rt20: the JX_ template showed 执行率 0 %, 执行率得分 0 and 总分 90 / 优 where check
    says the total cannot be computed (JX307); the native one already showed ⚠."""
    path = _zero_budget(tmp_path, formulas)
    cells = openpyxl.load_workbook(path, data_only=True)[SHEET]
    assert [cells[ref].value for ref in ("H6", "I6", "H43")] == [
        rate, rate, "⚠ 有得分未能计算，总分无法合计"]
    assert (cells["H44"].value or "").strip() == ""  # a no-break space: nothing shown
    assert _findings(path) == ["JX307 info E6 执行率得分（分值 10）无法计算：全年预算数为 0，"
                               "须大于 0 才能计算执行率；总分无法算出"]


def test_libreoffice_shows_the_zero_budget_s_warning_not_a_total(tmp_path):
    from libreoffice import sheets_as_shown

    shown = sheets_as_shown(_zero_budget(tmp_path, "addin"), tmp_path / "lo")[SHEET]
    assert shown[5][7:9] == ["⚠ 全年预算数为 0，须大于 0 才能计算执行率"] * 2  # H6, I6
    assert shown[42][7] == "⚠ 有得分未能计算，总分无法合计"  # H43
    assert shown[43][7].strip() == ""  # H44: no grade


@pytest.mark.parametrize(("formulas", "how"), [
    ("addin", "请运行 jixiao recalc，或在装有 jixiao 加载项的 Excel 中点“一键重算”后保存"),
    ("native", "请在 Excel、WPS 或 LibreOffice 中打开本表，重算（F9）后保存")])
def test_results_never_calculated_point_at_no_locked_cell(tmp_path, input_cells, formulas, how):
    """rt20 item 4: ``jixiao new``, then filled by openpyxl (which keeps no results): JX504
    pointed at H6 (or H13), locked formula cells; now at no cell, saying how to recalculate."""
    path = tmp_path / "filled.xlsx"
    build_template(path, formulas=formulas)
    book = openpyxl.load_workbook(path)
    sheet = book[SHEET]
    sheet["D3"], sheet["E6"], sheet["F6"] = "项目", 100, 95
    for column, value in zip("DEFGI", ("培训", "≥90%", "80%", 90, "原因"), strict=True):
        sheet[f"{column}13"] = value
    book.save(path)
    findings = check_workbook(path).findings
    stale = [f"{item.cell} {item.message}" for item in findings if item.code == "JX504"]
    first = "H6、H7、H8、H9、I6、H13" if formulas == "addin" else "H13、H6、H7、H8、H9、I6"
    assert stale == [f"None 9 个公式单元格（{first} 等）没有计算结果：文件保存前未重新计算；{how}"]
    assert_only_input_cells(findings, input_cells)


# ---------------------------------------------------------------- rt21: 分值 typed as 10%

def _percent_weights(tmp_path: Path, change=None) -> Path:
    """putuo-1 in the JX_ template, then typed by a clerk (openpyxl): the 分值 of the 执行率
    and of 服务对象满意度 as 10%, of 预算资金执行率 as 5.00% — numbers in percent-formatted
    cells, 0.1 and 0.05 — and 服务对象满意度 部分达成, judged 7 with its reason."""
    from jixiao.samples import sample

    path = tmp_path / "percent.xlsx"
    build_template(path, year=2024, table=sample("putuo-1"))
    book = openpyxl.load_workbook(path)
    sheet = book[SHEET]
    sheet["G6"], sheet["G13"], sheet["G40"] = 0.1, 0.05, 0.1
    for ref, shown in (("G6", "0%"), ("G13", "0.00%"), ("G40", "0%")):
        sheet[ref].number_format = shown
    sheet["F40"], sheet["J40"], sheet["I40"] = "部分达成", 7, "少数服务对象反映办理时间长，已简化流程"
    if change is not None:
        change(sheet)
    book.save(path)
    return path


def test_a_weight_typed_as_a_percent_counts_its_points_in_the_jx_template(tmp_path):
    """rt21: jixiao check (read.grid.points_at) and the native template count 10% typed as
    10 points; the JX_ template passed the cell's 0.1 to JX_SCORE and the totals (人工评分 7
    "不在 0.06–0.08 分之间", 分值合计 75.25). Its formulas now read every 分值 through
    JX_POINTS, and both engines of ``jixiao recalc`` give the same."""
    from jixiao.recalc.workbook import recalculate

    path = _percent_weights(tmp_path)
    written, result = recalc_file(path, tmp_path / "percent.recalc.xlsx")
    assert result.engine == "core"
    cells = openpyxl.load_workbook(written, data_only=True)[SHEET]
    # 10 × 31.5/31.56 = 9.98; 5 + 25 + 20 + 30 + 7 + 9.98 = 96.98
    assert [cells[ref].value for ref in ("H13", "AB13", "H40", "AB40", "I6", "G43", "H43",
                                         "H44")] == [5, 5, 7, 10, 9.98, 100, 96.98, "优"]
    check = check_workbook(written)
    assert check.tables[0].evaluation.total == 96.98
    assert [f"{f.code} {f.cell}" for f in check.findings if f.severity == "error"] == []
    assert not [f for f in check.findings if f.code in ("JX503", "JX504")]
    general = recalculate(path, engine="formulas")  # the engine for a clerk's own formulas
    assert general.values == result.values


def test_libreoffice_shows_the_percent_typed_weights_points(tmp_path):
    """The recalculated JX_ template in a program without the add-in (LibreOffice): the
    stored results — no JX_POINTS is recalculated into #NAME?."""
    from libreoffice import error_cells, sheets_as_shown

    path = _percent_weights(tmp_path)
    written, _ = recalc_file(path, tmp_path / "percent.recalc.xlsx")
    sheets = sheets_as_shown(written, tmp_path / "lo")
    assert not error_cells(sheets), error_cells(sheets)[:5]
    shown = sheets[SHEET]
    assert [float(shown[row][column]) for row, column in ((39, 7), (5, 8), (42, 6), (42, 7))] \
        == [7, 9.98, 100, 96.98]  # H40, I6, G43, H43
    assert shown[43][7] == "优"  # H44


def _before_rt21(sheet) -> None:
    """The formulas of a template made before rt21: the 分值 cells passed as typed."""
    sheet["I6"] = "=JX_EXEC_SCORE(H6,G6)"
    sheet["G43"] = "=JX_WEIGHT_TOTAL(G6,G13:G42)"
    for row in range(13, 43):
        sheet[f"H{row}"] = sheet[f"H{row}"].value.replace(f"JX_POINTS(G{row})", f"G{row}")
        sheet[f"AB{row}"] = None


def test_a_template_made_before_jx_points_computes_as_it_always_did(tmp_path):
    """An older workbook keeps its formulas' results (10% typed is 0.1 there), and check
    computes what those formulas give: no formula is said to be stale or overwritten."""
    path = _percent_weights(tmp_path, _before_rt21)
    written, _ = recalc_file(path, tmp_path / "old.recalc.xlsx")
    cells = openpyxl.load_workbook(written, data_only=True)[SHEET]
    # 0.1 × 0.9981 = 0.0998 → 0.1; 0.1 + 0.05 + 25 + 20 + 30 + 0.1 = 75.25
    assert [cells[ref].value for ref in ("H13", "H40", "I6", "G43", "H43")] == [
        0.05, "⚠ 定性指标：部分达成，人工评分 7 不在 0.06–0.08 分之间", 0.1, 75.25,
        "⚠ 有得分未能计算，总分无法合计"]
    codes = {f.code for f in check_workbook(written).findings}
    assert not codes & {"JX503", "JX504"}, codes


# ---------------------------------------------------------------- rt23: unused rows marked "/"

# putuo-1 fills rows 13, 17, 21, 30 and 40; a paper form asks for "/" in the rows left unused
_UNUSED = {14: "/", 15: "／", 16: "—", 18: "——", 19: "-", 20: "无", 22: "N/A"}


def _unused_rows_marked(tmp_path: Path, formulas: str, edit=None) -> Path:
    from jixiao.samples import sample

    path = tmp_path / "marked.xlsx"
    build_template(path, year=2024, table=sample("putuo-1"), formulas=formulas)
    book = openpyxl.load_workbook(path)
    sheet = book[SHEET]
    for row, mark in _UNUSED.items():
        for column in "DEFG":
            sheet[f"{column}{row}"] = mark
    sheet["G23"] = 0  # a 分值 of 0 beside blank cells: unused too, as the reader takes it
    if edit is not None:
        edit(sheet)
    book.save(path)
    return path


@pytest.mark.parametrize("formulas", ["addin", "native"])
def test_rows_marked_unused_with_slashes_score_nothing_and_the_total_shows(tmp_path, formulas,
                                                                          capsys):
    """rt23 a10/a11: rows filled with “/” or “—” showed ⚠ 分值“/”不是数字 (⚠ 分值为空或无效
    in the native template), the 总分 ⚠ and no 等级, recalc exited 1 — while check read
    them as unused rows and said 未发现问题. Now the JX_ functions and the native formulas
    take such a row as the reader does: no score, and the total and grade show."""
    from jixiao.cli.main import main

    path = _unused_rows_marked(tmp_path, formulas)
    assert main(["recalc", str(path), "--in-place"]) == 0
    capsys.readouterr()
    cells = openpyxl.load_workbook(path, data_only=True)[SHEET]
    assert [str(cells[f"H{row}"].value or "").strip() for row in (*_UNUSED, 23)] == [""] * 8
    assert [str(cells[f"K{row}"].value or "").strip() for row in (*_UNUSED, 23)] == [""] * 8
    result = check_workbook(path)
    evaluation = result.tables[0].evaluation
    assert (cells["G43"].value, cells["H43"].value, cells["H44"].value) == (
        100, evaluation.total, evaluation.grade) == (100, 99.98, "优")
    assert [f"{f.code} {f.message}" for f in result.findings] == []


def test_libreoffice_scores_rows_marked_unused_as_jixiao_stored(tmp_path):
    """The native template's formulas, computed by LibreOffice, show what jixiao stored."""
    path = recalc_file(_unused_rows_marked(tmp_path, "native"), tmp_path / "stored.xlsx")[0]

    stored, computed = _stored_and_computed(path, tmp_path / "lo")
    assert computed[:44] == stored[:44]
    assert [computed[42][7], computed[43][7]] == ["99.98", "优"]  # H43, H44
    assert {computed[row - 1][7] for row in (*_UNUSED, 23)} == {""}


@pytest.mark.parametrize("formulas", ["addin", "native"])
def test_a_row_with_a_weight_beside_slashes_is_no_unused_row(tmp_path, formulas):
    """The neighbour that must not change: “/” in 指标值 and 完成值 but a 分值 of 5 is an
    indicator the clerk left unfilled — no score, no total, and check says what is missing."""
    def edit(sheet):
        sheet["D14"], sheet["G14"] = None, 5

    path = recalc_file(_unused_rows_marked(tmp_path, formulas, edit), tmp_path / "r.xlsx")[0]
    cells = openpyxl.load_workbook(path, data_only=True)[SHEET]
    assert str(cells["H14"].value).startswith("⚠")
    assert cells["H43"].value == "⚠ 有得分未能计算，总分无法合计"
    missing = [f"{f.code} {f.cell} {f.message}" for f in check_workbook(path).findings
               if f.code in ("JX201", "JX202")]
    assert missing == ["JX201 E14 “数量指标”未填写年度指标值", "JX202 F14 “数量指标”未填写实际完成值"]



# ---------------------------------------------------------------- rt28: unused money lines

# 上年结转资金 (row 8) and 其他资金 (row 9) left unused with what clerks type or paste there
_UNUSED_MONEY = {"D8": "／", "E8": "/", "F8": "—", "D9": "-", "E9": "－", "F9": "无"}


def _money_marked(tmp_path: Path, formulas: str, marks: dict[str, object]) -> Path:
    from jixiao.samples import sample

    path = tmp_path / "money.xlsx"
    build_template(path, year=2024, table=sample("putuo-1"), formulas=formulas)
    book = openpyxl.load_workbook(path)
    for ref, mark in marks.items():
        book[SHEET][ref] = mark
    book.save(path)
    return path


@pytest.mark.parametrize("formulas", ["addin", "native"])
def test_money_lines_marked_unused_with_slashes_are_blank_lines(tmp_path, formulas, capsys):
    """rt28 e23: “/” or “—” in 上年结转资金 and 其他资金 gave four JX309 (“/”是文字，不是数值),
    ⚠ in H8 and H9 and recalc exit 1 on a correct table, whose money adds up with them
    read as blank. One rule (``rules.template_amount``): such a line is an unused line,
    blank in check, the JX_ functions, recalc and the native formulas."""
    from jixiao.cli.main import main

    path = _money_marked(tmp_path, formulas, _UNUSED_MONEY)
    assert main(["recalc", str(path), "--in-place"]) == 0
    capsys.readouterr()
    cells = openpyxl.load_workbook(path, data_only=True)[SHEET]
    assert [str(cells[ref].value or "").strip() for ref in ("H8", "H9")] == ["", ""]
    result = check_workbook(path)
    evaluation = result.tables[0].evaluation
    assert (cells["I6"].value, cells["H43"].value, cells["H44"].value) == (
        9.98, evaluation.total, evaluation.grade) == (9.98, 99.98, "优")  # 10 × 31.5 / 31.56
    assert [f"{f.code} {f.message}" for f in result.findings] == []


@pytest.mark.parametrize("formulas", ["addin", "native"])
def test_a_word_in_an_unused_money_line_is_still_not_a_number(tmp_path, formulas):
    """The neighbour that must not change: “约50万” is an amount written as text, not a mark
    of an unused line — JX309 on its cell, ⚠ in its 执行率; the “/” beside it is blank."""
    marks = {"E8": "约50万", "F8": "/"}
    path = recalc_file(_money_marked(tmp_path, formulas, marks), tmp_path / "r.xlsx")[0]
    cells = openpyxl.load_workbook(path, data_only=True)[SHEET]
    assert str(cells["H8"].value).startswith("⚠ 全年预算数(A)“约50万”是文字")
    assert [f"{f.code} {f.cell} {f.message}" for f in check_workbook(path).findings
            if f.severity == "error"] == [
        "JX309 E8 “上年结转资金”全年预算数(A)“约50万”是文字，不是数值：请只填数字（单位已是万元；"
        "单元格为文本格式的，改为常规格式后重新输入）"]


def test_libreoffice_shows_money_lines_marked_unused_as_jixiao_stored(tmp_path):
    """The native template's money formulas, computed by LibreOffice, read “/” “—” “－” “无”
    “／” “-” as blank: what jixiao recalc stored, no ⚠ in H8, H9 or the 总分."""
    path = recalc_file(_money_marked(tmp_path, "native", _UNUSED_MONEY), tmp_path / "s.xlsx")[0]

    stored, computed = _stored_and_computed(path, tmp_path / "lo")
    assert computed[:44] == stored[:44]
    assert [computed[7][7], computed[8][7]] == ["", ""]  # H8, H9
    assert [computed[5][8], computed[42][7], computed[43][7]] == ["9.98", "99.98", "优"]

def _stored_and_computed(path, folder):
    """The 自评表 as LibreOffice shows what was stored, then as it computes it itself; each
    text stripped (an empty result is stored as one space, docs/recalc.md)."""
    from libreoffice import sheets_as_shown

    def stripped(rows):
        return [[text.strip() for text in row] for row in rows]

    return (stripped(sheets_as_shown(path, folder)[SHEET]),
            stripped(sheets_as_shown(path, folder, recalculate=True)[SHEET]))


def test_a_units_own_money_line_of_slashes_is_no_error(tmp_path):
    """A unit's own table (not the template): 上年结转资金 | / | / | / is a line not used,
    never JX309; the total is the 年度资金总额's."""
    from workbooks import PUTUO_1_MONEY, standard

    money = [*PUTUO_1_MONEY[:2], ("上年结转资金", "/", "/", "/", "—", "/", "—"),
             ("其他资金", "—", "—", "—", "—", "—", "—")]
    result = check_workbook(standard(tmp_path / "own.xlsx", money=money))
    assert result.tables[0].evaluation.total == 99.98
    assert [f"{f.code} {f.message}" for f in result.findings] == []


@pytest.mark.parametrize("stored", ["⚠ 有得分未能计算，总分无法合计", ""])
def test_a_native_template_saved_without_its_total_is_not_passed(tmp_path, stored):
    """rt23 a11: the native template's 总分 saved as ⚠ (an older template's formulas beside
    rows marked “/”) or blank, while its formulas give a total: check said 未发现问题 and
    a batch counted the table as 通过 with an empty 总分. The 总分 of a template is now
    compared as the JX_ template's is (JX504: recalculating gives it)."""
    from jixiao.samples import sample
    from jixiao.xlsx.package import Package
    from jixiao.xlsx.writeback import write_cached_values

    path = tmp_path / "native.xlsx"
    build_template(path, year=2024, table=sample("putuo-1"), formulas="native")
    write_cached_values(Package(path), path, {SHEET: {"H43": stored, "H44": ""}})
    saved = "为空" if not stored else f"为“{stored}”"
    assert _findings(path) == [
        f"JX504 warning None 总分公式保存的结果{saved}，按财政部规则重新计算应为“99.98”"]


# rt27: a 时效 row's deadline and date written as text, in the native template (资金拨付及时性,
# row 21, 分值 20; the rest as putuo-1: 执行率得分 9.98 + 5 + 25 + 30 + 10 = 79.98).
# Early: 20 (达成); late, 人工评分 15: inside 部分达成's 12–16, so 15; late without one: the
# row asks for it, no 总分 — all as jixiao check scores the row.
DEADLINE_FILLS = [
    ("2024年12月31日前", "2024年11月完成", None, "20", "是", "99.98"),
    ("2024 年 12 月 31 日前完成", "2024年12月31日前全部完成", None, "20", "是", "99.98"),
    ("2024年6月30日前", "2024年7月20日完成", 15.0, "15", "否", "94.98"),
    ("2024年6月30日前", "2024年7月20日完成", None, "⚠ 请在人工评分列填写 12–16 分", "否",
     "⚠ 有得分未能计算，总分无法合计"),
]


@pytest.mark.parametrize(("target", "actual", "judged", "score", "met", "total"), DEADLINE_FILLS)
def test_a_deadline_written_as_text_is_scored_by_the_native_template_as_check_scores_it(
        tmp_path, target, actual, judged, score, met, total):
    """Before: the row showed “⚠ 此写法须用 jixiao check 计分” and the 总分 ⚠ for every 时效
    row written as a date (the commonest row of real tables); check JX406 said so."""
    from jixiao.samples import sample

    table = sample("putuo-1")
    row = table.indicators[2]
    row.target, row.actual, row.judged = target, actual, judged
    path = tmp_path / "native.xlsx"
    build_template(path, year=2024, table=table, formulas="native")
    stored_path = recalc_file(path, tmp_path / "stored.xlsx")[0]

    stored, computed = _stored_and_computed(stored_path, tmp_path / "lo")
    assert computed[:44] == stored[:44]
    assert [computed[20][7], computed[20][10], computed[42][7]] == [score, met, total]  # H21 K21 H43
    result = check_workbook(stored_path)
    evaluation = result.tables[0].evaluation
    assert (str(evaluation.total) if evaluation.total is not None else total) == total
    codes = [f"{f.code} {f.cell}" for f in result.findings]
    assert not [code for code in codes if code.split()[0] in ("JX406", "JX503", "JX504")], codes
