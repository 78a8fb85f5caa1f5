"""The native score formulas (``jixiao.native``) against a real engine and against the rules.

Over a thousand random rows — every direction, %, counts, 万元, qualitative
levels, values at the target and at twice the target, odd writing — are written
with their native formulas into a workbook that LibreOffice computes (it has no
cached results). On every row LibreOffice shows exactly what ``native.row_values``
says; on every row the formulas claim (a number), that number is the score of
``rules.indicator_score`` via ``cellfuncs.score``, and 是否达成 agrees; the rest show ⚠.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from libreoffice import error_cells, sheets_as_shown
from openpyxl import Workbook

from jixiao import cellfuncs, native
from jixiao.rules import rule_set

ROWS = 1200
FIRST = 2
COLUMNS = {"level2": "C", "target": "E", "actual": "F", "weight": "G", "judged": "J",
           "rules": "L"}
OPS = ["≥", "＞", "≤", "＜", "＝", "", "不低于", "大于", "不超过", "小于", ">=", "<", "低于",
       "≠", "大于等于", "以内"]
UNITS = ["%", "小时", "个", "次", "万元", "", "人", "万人", "天", "分钟", "h", "(%)", "％",
         "元/人*月", "元/月", "次/年", "个月", "个工作日", "日", "月底前"]
QUALITATIVE = ["及时", "规范", "满意", "明显提升", "有效", "2024年12月31日前"]
LEVELS = ["达成", "部分达成", "未达成", "达成指标", "基本完成"]
RULE_SET = "AE"  # beside the helper columns (M:AD): the rule set column L names
LEVEL2 = ["数量指标", "质量指标", "时效指标", "成本指标", "满意度指标"]


def random_row(rng: random.Random) -> dict[str, object]:
    weight = rng.choice([5.0, 10.0, 20.0, 2.5, 0.0, 7.3])
    rules = rng.choice(["mof2020", "ratio", "sichuan", "", "MOF2020 "])
    level2 = rng.choice(LEVEL2)
    judged: object = None
    if rng.random() < 0.25:
        target: object = rng.choice(QUALITATIVE + ["≥95%", "100"])
        actual: object = rng.choice(LEVELS)
        low, high = rule_set(rules.strip() or None).bands.get(
            {"达成": "achieved", "部分达成": "partial"}.get(str(actual), "not"))
        if rng.random() < 0.7:
            judged = round(weight * rng.uniform(low - 0.1, high + 0.1), 2)
        return dict(target=target, actual=actual, weight=weight, judged=judged, rules=rules,
                    level2=level2)
    goal = rng.choice([0, 1, 3, 24, 90, 95, 100, 30.5, 0.95, 967, 12.25])
    unit = rng.choice(UNITS)
    op = rng.choice(OPS)
    text = f"{op}{goal:g}{unit}" if op != "以内" else f"{goal:g}{unit}以内"
    if rng.random() < 0.1:
        text = text.replace(f"{goal:g}", f" {goal:g} ")
    target = float(goal) if rng.random() < 0.08 else text
    edge = rng.choice([goal, 2 * goal, goal / 2, goal * 1.5, goal + 0.01, goal - 0.01, 0, -1,
                       rng.uniform(0, 3 * max(goal, 1))])
    edge = round(edge, rng.choice([0, 2, 4]))
    actual_unit = rng.choice([unit, unit, "", "%", "个", "万人"])
    if rng.random() < 0.3:
        actual = edge  # a number cell
    elif unit in ("%", "(%)", "％") and rng.random() < 0.3:
        actual = round(edge / 100, 4)  # 0.95 for 95 %
    elif unit == "" and rng.random() < 0.3:
        actual = round(edge / 100, 4)  # 0.95 beside ≥90 written without its %
    else:
        actual = f"{edge:g}{actual_unit}"
    if rng.random() < 0.03:
        actual = "1,000" if rng.random() < 0.5 else "=100%"
    if rng.random() < 0.03:
        weight = None  # type: ignore[assignment]
    if rng.random() < 0.06:  # typed in full-width (全角) input mode: ≥９５％, １．５万人 (rt34)
        wide = str.maketrans("0123456789.", "０１２３４５６７８９．")
        side = rng.choice(["target", "actual", "both"])
        if side != "actual" and isinstance(target, str):
            target = target.translate(wide)
        if side != "target" and isinstance(actual, str):
            actual = actual.translate(wide)
    return dict(target=target, actual=actual, weight=weight, judged=judged, rules=rules,
                level2=level2)


@pytest.fixture(scope="module")
def computed(tmp_path_factory) -> tuple[list[dict[str, object]], dict[str, list[list[str]]]]:
    rng = random.Random(14)
    rows = [random_row(rng) for _ in range(ROWS)]
    book = Workbook()
    sheet = book.active
    sheet.title = "rows"
    for number, row in enumerate(rows, start=FIRST):
        for key, column in COLUMNS.items():
            cell = sheet[f"{column}{number}"]
            cell.value = row[key]
            if isinstance(row[key], str) and row[key].startswith("="):
                cell.data_type = "s"  # typed text, as a clerk's "=100%" stays text
        _write_row_formulas(sheet, number)
    path = tmp_path_factory.mktemp("native") / "native.xlsx"
    book.save(path)
    return rows, sheets_as_shown(path, path.parent)["rows"]


def _write_row_formulas(sheet, number: int) -> None:
    """Row ``number``'s native formulas, its 评分规则 in column L read as the template's
    JX_RuleSet name reads it (``native.rule_set_formula``, here in column AE)."""
    sheet[f"{RULE_SET}{number}"] = "=" + native.rule_set_formula(f"{COLUMNS['rules']}{number}")
    for column, formula in native.row_formulas(number, f"C{number}", f"{RULE_SET}{number}").items():
        sheet[f"{column}{number}"] = formula

def _rows_shown(folder, rows: list[dict[str, object]]) -> list[list[str]]:
    """``rows`` (COLUMNS key → value), each with its native formulas, as LibreOffice shows
    them after computing the sheet."""
    book = Workbook()
    sheet = book.active
    sheet.title = "rows"
    for number, row in enumerate(rows, start=FIRST):
        for key, value in row.items():
            sheet[f"{COLUMNS[key]}{number}"] = value
        _write_row_formulas(sheet, number)
    path = folder / "rows.xlsx"
    book.save(path)
    return sheets_as_shown(path, folder)["rows"]



def _shown(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.10g}"
    return "" if value is None else str(value)


def _cell(lines: list[list[str]], number: int, column: str) -> str:
    index = sum((ord(ch) - 64) * 26 ** power for power, ch in enumerate(reversed(column))) - 1
    line = lines[number - 1] if number <= len(lines) else []
    return line[index] if index < len(line) else ""


def _same(shown: str, expected: object) -> bool:
    if isinstance(expected, float):
        try:
            return abs(float(shown) - expected) <= 1e-9 * max(1.0, abs(expected))
        except ValueError:
            return False
    if expected is True or expected is False:
        return shown.upper() == str(expected).upper()
    return shown == _shown(expected)


def test_libreoffice_shows_what_the_python_mirror_says_on_every_row(computed):
    rows, lines = computed
    wrong = []
    for number, row in enumerate(rows, start=FIRST):
        expected = native.row_values(row["target"], row["actual"], row["weight"], row["rules"],
                                     row["judged"], row["level2"])
        checks = {"H": expected["score"], "K": expected["met_shown"],
                  **{column: expected[key] for key, column in
                     zip(native.HELPER_KEYS, native.HELPER_COLUMNS, strict=True)}}
        for column, value in checks.items():
            if not _same(_cell(lines, number, column), value):
                wrong.append((number, column, row, _cell(lines, number, column), value))
    assert not wrong, wrong[:5]


def test_every_number_the_formulas_give_is_the_rules_score(computed):
    rows, _ = computed
    handled = 0
    for row in rows:
        expected = native.row_values(row["target"], row["actual"], row["weight"], row["rules"],
                                     row["judged"], row["level2"])
        score = expected["score"]
        if isinstance(score, float):
            handled += 1
            rules_score = cellfuncs.score(row["target"], row["actual"], row["weight"],
                                          row["rules"] or None, row["judged"], row["level2"])
            assert score == rules_score, (row, score, rules_score)
            met = cellfuncs.met(row["target"], row["actual"], row["level2"])
            assert expected["met_shown"] == met, (row, expected["met_shown"], met)
        elif score != "":
            assert str(score).startswith("⚠"), (row, score)
    share = handled / len(rows)
    print(f"native formulas score {handled} of {len(rows)} random rows ({share:.0%})")
    assert share > 0.35  # the common forms are handled, not only the trivial ones


# ---------------------------------------------------------------- the native template

ALLOWED = {"IF", "AND", "OR", "NOT", "ISNUMBER", "ISERROR", "SEARCH", "SUBSTITUTE", "LEFT",
           "MID", "RIGHT", "LEN", "VALUE", "IFERROR", "ROUND", "MIN", "MAX", "ABS", "LOWER",
           "TRIM", "TEXT", "EXACT", "CHAR", "SUM", "COUNT", "COUNTIF", "SUMPRODUCT", "CELL",
           "INT", "LOG10", "FIND", "LOOKUP",  # LOOKUP(2,1/(C13:C24<>""),…): a row's own 二级
           "INDEX", "ROW",  # INDEX(H:H,ROW(H12)+1):INDEX(H:H,ROW()-1): the 总分's rows
           "ASC",  # full-width digits of an amount typed as text (１００．００) made ASCII
           "DATE",  # 2024年12月31日前 read as that day (native.date_text)
           "CHOOSE", "MATCH"}  # a money line's cells read once each (native._amount_kind)


@pytest.fixture(scope="module")
def native_filled(tmp_path_factory):
    from jixiao.samples import sample
    from jixiao.template.build import build_template

    table = sample("putuo-1")
    table.indicators[0].actual = "92%"                      # ≥90% met
    table.indicators[1].actual = "部分达成"                  # judged 20 of 25
    table.indicators[1].judged = 18.0
    table.indicators[2].target, table.indicators[2].actual = "＜ 24 小时", "24 小时"  # strict
    # ⚠: an approximate 完成值, no score (a 指标值 “稳步提升到约 9 成” is read as 90% since rt28)
    table.indicators[3].target, table.indicators[3].actual = "≥90%", "约 9 成"
    path = tmp_path_factory.mktemp("native-template") / "native.xlsx"
    build_template(path, year=2024, table=table, formulas="native")
    return path


def test_the_native_template_uses_only_shared_functions(tmp_path):
    import re

    from jixiao.cli.main import main
    from jixiao.xlsx.package import Package

    path = tmp_path / "blank.xlsx"
    assert main(["new", str(path), "--formulas", "native"]) == 0
    package = Package(path)
    formulas = [cell.formula.text for sheet in package.sheets for cell in package.cells(sheet)
                if cell.formula is not None]
    assert len(formulas) > 400
    used = {name.upper() for text in formulas for name in re.findall(r"([A-Za-z_.][A-Za-z0-9_.]*)\(", text)}
    assert used <= ALLOWED, used - ALLOWED
    assert not any("JX_" in text.upper() and "JX_RULES" not in text.upper() for text in formulas)


def test_libreoffice_computes_what_jixiao_stored(native_filled, tmp_path):
    from jixiao.layout import SHEET

    def stripped(rows):  # an empty result is stored as one space (docs/recalc.md)
        return [[text.strip() for text in row] for row in rows]

    as_stored = sheets_as_shown(native_filled, tmp_path)
    as_computed = sheets_as_shown(native_filled, tmp_path, recalculate=True)
    assert not error_cells(as_stored) and not error_cells(as_computed)
    stored, computed = stripped(as_stored[SHEET]), stripped(as_computed[SHEET])
    assert computed[12:44] == stored[12:44]  # the indicator block, 总分, 评分等级
    assert [row[:9] for row in computed[:11]] == [row[:9] for row in stored[:11]]
    assert _cell(computed, 43, "H") not in ("", "#NAME?")


def test_check_and_recalc_take_the_native_formulas_as_the_templates_own(native_filled, tmp_path):
    from jixiao.pipeline import check_workbook
    from jixiao.recalc.workbook import recalc_file
    from jixiao.xlsx.package import Package

    findings = check_workbook(native_filled).findings
    assert not [f for f in findings if f.code in ("JX503", "JX504", "JX406", "JX404")], findings
    again, result = recalc_file(native_filled, tmp_path / "again.xlsx")
    assert result.engine == "native"
    # the ⚠ row and the total it leaves open, each once (not the hidden helper cells)
    assert [where.cell for where, _ in result.warnings] == ["H37", "H43"]

    def cached(path):
        package = Package(path)
        return {cell.ref: cell.value for cell in package.cells(package.sheets[0])
                if cell.formula is not None}

    assert cached(again) == cached(native_filled)


def test_convert_writes_the_native_template(native_filled, tmp_path):
    from jixiao.cli.main import main
    from jixiao.xlsx.package import Package

    out = tmp_path / "converted.xlsx"
    assert main(["convert", str(native_filled), "-o", str(out), "--formulas", "native"]) == 0
    package = Package(out)
    assert any(name.name == native.MARKER_NAME for name in package.defined_names)


def test_a_first_row_whose_formulas_say_fenzhi_is_no_second_header_row(tmp_path):
    """The native template's first indicator row with 分值 typed as text ("10分"): its
    helper cells, under no header, say “⚠ 分值为空或无效” after recalc — a computed text,
    never a header word (before: the row was taken for a second header row and dropped,
    a false JX101 分值合计为 90)."""
    from openpyxl import load_workbook

    from jixiao.cli.main import main
    from jixiao.pipeline import check_workbook
    from jixiao.recalc.workbook import recalc_file

    path = tmp_path / "native.xlsx"
    assert main(["new", str(path), "--formulas", "native"]) == 0
    book = load_workbook(path)
    sheet = book["自评表"]
    for column, value in zip("DEF", (13, 13, 12.68), strict=True):
        sheet[f"{column}6"] = value
    for row, name, target, actual, weight in [
            (13, "服务点数量", "≥10个", "12个", "10分"), (14, "培训", "≥500人次", "520人次", 40),
            (30, "参保率", "≥98%", "98.5%", 30), (40, "满意度", "≥90%", "95%", 10)]:
        for column, value in zip("DEFG", (name, target, actual, weight), strict=True):
            sheet[f"{column}{row}"] = value
    book.save(path)
    recalculated, _ = recalc_file(path, tmp_path / "out.xlsx")
    result = check_workbook(recalculated)
    assert [i.name for i in result.tables[0].table.indicators][0] == "服务点数量"
    assert not [f for f in result.findings if f.severity == "error"]


@pytest.mark.parametrize(("target", "actual", "level2"), [
    ("≥530元/人*月", "583元/人*月", "数量指标"),  # 濉溪 2019 临时救助: a rate per person-month
    ("≥530元/人*月", "500元/人*月", "数量指标"),
    ("≤300元/月", "320元/月", "成本指标"),
    ("≤5个工作日", "3个工作日", "时效指标"),
    ("5个工作日", "7个工作日", "时效指标"),      # a duration under 时效: a ceiling
    ("≥12个月", "10个月", "数量指标"),
    ("≤2次/年", "3次/年", "质量指标"),
])
def test_a_rate_per_period_or_a_duration_in_both_cells_is_scored_as_the_rules_score(
        target, actual, level2):
    """The same unit on both sides holding 月/日/年 is a date only when it names one (12月底前);
    a rate per month and a duration are amounts the native template scores (before: ⚠ and no
    总分 for the real table, rt12 item 12)."""
    shown = native.row_values(target, actual, 10.0, None, None, level2)
    assert shown["score"] == cellfuncs.score(target, actual, 10.0, None, None, level2)
    assert shown["met_shown"] == cellfuncs.met(target, actual, level2)


def test_a_date_in_both_cells_is_still_left_to_jixiao_check():
    assert str(native.row_values("12月底前", "11月底前", 10.0, None, None, "时效指标")["score"]
               ).startswith("⚠")


# ---------------------------------------------------------------- rt19

# 指标值, 完成值 typed as a percent (a number in a percent-formatted cell: 105% is 1.05),
# 二级指标, the score (分值 10) and 是否达成 of jixiao check, by hand
PERCENT_ROWS = [
    ("≥100%", 1.05, "数量指标", 10.0, "是"),   # before: 1.05 against 100, 0.11 and 否
    ("≤100%", 1.05, "成本指标", 9.5, "否"),    # 10 × (1 − 5/100); before: 10
    ("≥90%", 1.02, "质量指标", 10.0, "是"),
    ("≤5%", 1.2, "质量指标", 0.0, "否"),       # 120 % ≥ twice 5 %; before: 10
    ("≥95%", 0.98, "质量指标", 10.0, "是"),
    ("≥95%", 0.9, "质量指标", 9.47, "否"),     # 10 × 90/95
    ("≥99%", 0.9876543, "质量指标", 9.98, "否"),  # read as 98.7654 % (6 digits): 9.976
    (1.0, 1.05, "数量指标", 10.0, "是"),       # 100% typed as a percent too: ≥ 100
    ("≥90", 0.95, "质量指标", 10.0, "是"),     # a target without % beside 95%
]


@pytest.fixture(scope="module")
def percent_rows(tmp_path_factory) -> list[list[str]]:
    book = Workbook()
    sheet = book.active
    sheet.title = "rows"
    for number, (target, actual, level2, _, _) in enumerate(PERCENT_ROWS, start=FIRST):
        sheet[f"C{number}"], sheet[f"G{number}"] = level2, 10.0
        for column, value in (("E", target), ("F", actual)):
            sheet[f"{column}{number}"] = value
            if isinstance(value, float):
                sheet[f"{column}{number}"].number_format = "0%" if number % 2 else "0.00%"
        _write_row_formulas(sheet, number)
    path = tmp_path_factory.mktemp("native-percent") / "percent.xlsx"
    book.save(path)
    return sheets_as_shown(path, path.parent)["rows"]


def _as_read(value: object) -> object:
    """A number typed as a percent as the reader takes it (read.grid.percent_shown)."""
    return f"{round(value * 100, 10):g}%" if isinstance(value, float) else value


@pytest.mark.parametrize("index", range(len(PERCENT_ROWS)))
def test_a_percentage_typed_as_a_percent_is_scored_as_jixiao_check_scores_it(
        percent_rows, index):
    """105% typed into the 完成值 is 105 %, above 100 % too (before: the formulas took the
    stored 1.05 for 1.05 % beside ≥100%, rt19 item 1)."""
    target, actual, level2, score, met = PERCENT_ROWS[index]
    number = FIRST + index
    assert float(_cell(percent_rows, number, "H")) == score
    assert _cell(percent_rows, number, "K") == met
    shown = native.row_values(target, actual, 10.0, None, None, level2,
                              isinstance(target, float), True)
    assert (shown["score"], shown["met_shown"]) == (score, met)
    assert cellfuncs.score(_as_read(target), _as_read(actual), 10.0, None, None, level2) == score
    assert cellfuncs.met(_as_read(target), _as_read(actual), level2) == met


def _native_template(tmp_path, edit) -> Path:
    """putuo-1 in the native template, edited with openpyxl (``edit(sheet)``) and its
    results stored by jixiao recalc."""
    from openpyxl import load_workbook

    from jixiao.recalc.workbook import recalc_file
    from jixiao.samples import sample
    from jixiao.template.build import build_template

    path = tmp_path / "edited.xlsx"
    build_template(path, year=2024, table=sample("putuo-1"), formulas="native")
    book = load_workbook(path)
    edit(book["自评表"])
    book.save(path)
    again, _ = recalc_file(path, tmp_path / "stored.xlsx")
    return again


def _stored_and_computed(path, tmp_path):
    from jixiao.layout import SHEET

    def stripped(rows):  # an empty result is stored as one space (docs/recalc.md)
        return [[text.strip() for text in row] for row in rows]

    stored = stripped(sheets_as_shown(path, tmp_path)[SHEET])
    computed = stripped(sheets_as_shown(path, tmp_path, recalculate=True)[SHEET])
    return stored, computed


def test_recalc_and_libreoffice_read_a_percent_typed_completion_alike(tmp_path):
    def edit(sheet):
        sheet["E13"], sheet["F13"] = "≥100%", 1.05
        sheet["F13"].number_format = "0%"

    path = _native_template(tmp_path, edit)
    stored, computed = _stored_and_computed(path, tmp_path)
    assert computed[12:44] == stored[12:44]
    assert (_cell(computed, 13, "H"), _cell(computed, 13, "K")) == ("5", "是")
    assert _cell(computed, 43, "H") == "99.98"  # 执行率得分 9.98 (31.5/31.56) + 5+25+20+30+10
    from jixiao.pipeline import check_workbook
    result = check_workbook(path)
    assert result.tables[0].evaluation.total == 99.98
    assert not [f for f in result.findings if f.code in ("JX503", "JX504", "JX404")]


def test_a_zero_budget_leaves_the_total_uncomputed_as_jixiao_check_does(tmp_path):
    """全年预算数 0, 全年执行数 0: jixiao check computes no 执行率 (JX307) and no 总分; the
    template shows ⚠ (before: 执行率 0, 执行率得分 0, 总分 90 优, rt19 item 3). The 其中
    lines at 0 and 0 still show 0 (an unused line)."""
    from jixiao.pipeline import check_workbook

    def edit(sheet):
        for column in "DEF":
            sheet[f"{column}6"] = sheet[f"{column}7"] = 0

    path = _native_template(tmp_path, edit)
    stored, computed = _stored_and_computed(path, tmp_path)
    assert computed[:44] == stored[:44]
    assert _cell(computed, 6, "H") == _cell(computed, 6, "I") == native.WARN_MONEY
    assert _cell(computed, 8, "H") in ("0", "0.00%", "0%")
    assert _cell(computed, 43, "H") == native.WARN_TOTAL
    assert _cell(computed, 44, "H") == ""
    result = check_workbook(path)
    assert result.tables[0].evaluation.total is None
    assert "JX307" in [f.code for f in result.findings]
    assert not [f for f in result.findings if f.code in ("JX503", "JX504", "JX404")]


def test_a_weight_typed_as_a_percent_counts_its_points_as_jixiao_check_reads_it(tmp_path):
    """10% typed into a 分值 (0.1 in a percent-formatted cell) is 10 points for jixiao
    check, as a 权重 "10%" is (read.grid.points_at); the native formulas took 0.1 points:
    得分 0.1, 分值合计 90.1, no grade, and check saw a 9.9-point deduction (rt20 item 2)."""
    from jixiao.pipeline import check_workbook

    def edit(sheet):
        sheet["G40"], sheet["G6"] = 0.1, 0.1  # 服务对象满意度 (10), the 执行率's 10
        sheet["G40"].number_format = sheet["G6"].number_format = "0%"

    path = _native_template(tmp_path, edit)
    stored, computed = _stored_and_computed(path, tmp_path)
    assert computed[:44] == stored[:44]
    assert [_cell(computed, row, column) for row, column in
            ((40, "H"), (40, "AB"), (6, "I"), (43, "G"), (43, "H"), (44, "H"))] == [
        "10", "10", "9.98", "100", "99.98", "优"]
    result = check_workbook(path)
    assert result.tables[0].evaluation.total == 99.98
    assert [f"{f.code} {f.cell}" for f in result.findings if f.severity == "error"] == []


def test_a_weight_or_manual_score_typed_as_text_is_pointed_at_where_it_is(tmp_path):
    """A 人工评分 typed as text ("20" in a text-formatted cell) makes the row's 得分 show ⚠;
    JX406 pointed at it, not at the 指标值 (rt20 item 3). A 分值 "5" typed as text is plainly
    5 points, read as such since rt27 (as the JX_ template and jixiao check read it)."""
    from jixiao.pipeline import check_workbook

    def edit(sheet):
        sheet["G13"] = "5"
        sheet["F17"], sheet["J17"] = "部分达成", "20"

    path = _native_template(tmp_path, edit)
    findings = [f"{f.code} {f.severity} {f.cell} {f.message}" for f in check_workbook(path).findings
                if f.code == "JX406"]
    tail = "是文字，表格公式不能计分：请在该格只填数字（单元格为文本格式的，改为常规格式后重新输入）；"
    assert findings == [
        f"JX406 warning J17 “预算编制规范性”的人工评分“20”{tail}按财政部规则得分为 20（定性指标：部分达成，人工评分）"]


def test_units_that_differ_point_at_the_actual_and_say_to_write_it_in_the_targets_unit(
        tmp_path):
    """rt22: ≥3.2万人 beside 33500人 showed ⚠ — the formulas did not convert 万人 and 人 —
    and JX406 pointed at the 指标值, already written the common way, and said to write it
    so. What makes the row score itself is the 完成值 in the 指标值's unit. (Since rt33 the
    formulas convert 万 before the other side's unit: ≥1.2亿元 beside 13000万元 is one they
    still do not.)"""
    from jixiao.pipeline import check_workbook

    def edit(sheet):
        sheet["E17"], sheet["F17"] = "≥1.2亿元", "13000万元"
        sheet["E21"], sheet["F21"] = "≥3.2万人", 33500
        sheet["E37"], sheet["F37"] = "≥32000", "3.35万人"
        sheet["E40"], sheet["F40"] = "24小时以内", "20小时"

    path = _native_template(tmp_path, edit)
    findings = [f"{f.code} {f.severity} {f.cell} {f.message}" for f in check_workbook(path).findings
                if f.code == "JX406"]
    why = "单位不同，表格公式不能换算比较：请把完成值"
    then = "，或两者用同一单位，表格即可自行计分；按财政部规则得分为"
    assert findings == [
        f"JX406 warning F17 “预算编制规范性”的指标值单位为“亿元”，完成值单位为“万元”，{why}"
        f"按指标值的单位“亿元”填写（如“1.3亿元”）{then} 25（完成值达到指标值）",
        f"JX406 warning F21 “资金拨付及时性”的指标值单位为“万人”，完成值没有写单位，{why}"
        f"按指标值的单位“万人”填写{then} 20（完成值达到指标值）",
        f"JX406 warning F37 “网络安全防护能力”的指标值没有写单位，完成值单位为“万人”，{why}"
        f"像指标值一样只填数字{then} 30（完成值达到指标值）",
        "JX406 warning E40 “服务对象满意度”的写法须由 jixiao 计分：按财政部规则得分为 10"
        "（完成值未超过指标值）；改用常见写法（如“≥95%”“≤3 小时”）后表格可自行计分"]

    def same_unit(sheet):
        sheet["E17"], sheet["F17"] = "≥3.2万人", "3.35万人"

    assert [f.code for f in check_workbook(_native_template(tmp_path, same_unit)).findings
            if f.code == "JX406"] == []


def test_a_qualitative_row_is_told_to_choose_a_level_in_the_actual(tmp_path):
    """rt23: 已建立 beside the 定性 指标值 建立 shows ⚠; JX406 pointed at the 指标值 and said
    to write it like “≥95%”. The formulas score it with a level in the 完成值's dropdown.
    A number 指标值 beside words (≥95% beside 已完成) wants a number in the 完成值 (rt24)."""
    from jixiao.pipeline import check_workbook

    def edit(sheet):
        sheet["E17"], sheet["F17"] = "建立", "已建立"
        sheet["E21"], sheet["F21"] = "≥95%", "已完成"

    path = _native_template(tmp_path, edit)
    findings = [f"{f.code} {f.severity} {f.cell} {f.message}" for f in check_workbook(path).findings
                if f.code == "JX406"]
    assert findings == [
        "JX406 warning F17 “预算编制规范性”是定性指标，完成值“已建立”表格公式不能计分：请在完成值"
        "的下拉框中选择达成、部分达成或未达成，表格即可自行计分；按财政部规则得分为 25（定性指标：达成）",
        "JX406 warning F21 “资金拨付及时性”的完成值“已完成”表格公式不能读取：请只填实际数值"
        "（数字加单位“%”），表格即可自行计分；按财政部规则得分为 20（定量指标的完成值“已完成”"
        "按文字读作达成）"]

    def chosen(sheet):
        sheet["E17"], sheet["F17"] = "建立", "达成"

    assert [f.code for f in check_workbook(_native_template(tmp_path, chosen)).findings
            if f.code == "JX406"] == []


def test_a_percent_in_numerals_is_no_qualitative_row_to_the_template(tmp_path):
    """rt25 j1: 九十五%以上 is 95%以上 to jixiao, a text with no digit to the formulas (⚠).
    JX406 said it was a 定性 指标值 and to choose 达成 in the 完成值 beside it; it points
    at the 指标值 to write the common way. ≥95% beside 九十七% points at the 完成值."""
    from jixiao.pipeline import check_workbook

    def edit(sheet):
        sheet["E21"], sheet["F21"] = "九十五%以上", "85%"
        sheet["E37"], sheet["F37"] = "≤95%", "九十三%"

    findings = [f"{f.code} {f.severity} {f.cell} {f.message}"
                for f in check_workbook(_native_template(tmp_path, edit)).findings
                if f.code == "JX406"]
    assert findings == [
        "JX406 warning E21 “资金拨付及时性”的写法须由 jixiao 计分：按财政部规则得分为 17.89"
        "（正向指标：分值 × 实际完成值 ÷ 年度指标值）；改用常见写法（如“≥95%”“≤3 小时”）后表格可"
        "自行计分",
        "JX406 warning F37 “网络安全防护能力”的完成值“九十三%”表格公式不能读取：请只填实际数值"
        "（如“93%”），表格即可自行计分；按财政部规则得分为 30（完成值未超过指标值）"]


def test_jx406_points_at_the_side_the_formulas_cannot_read(tmp_path):
    """rt24 s11: ≥50人 beside “62人（其中脱贫户18人）” and ≥95% beside a 完成值 copied as
    “≥95%” show ⚠; JX406 pointed at the 指标值, written the common way already, and said
    to write it like “≥95%”. The cell the formulas cannot read is the 完成值. A 指标值 they
    cannot read (24小时以内, not the common ≤24小时) keeps the 指标值 and its advice; both
    unread, the 指标值 and words for both; a deadline without its year (one with it is
    scored, rt27): the 指标值, to be written with its year (rt30)."""
    from jixiao.pipeline import check_workbook

    def edit(sheet):
        sheet["E17"], sheet["F17"] = "≥50人", "62人（其中脱贫户18人）"
        sheet["E21"], sheet["F21"] = "≥95%", "≥95%"
        sheet["E37"], sheet["F37"] = "24小时以内", "20小时"
        sheet["E40"], sheet["F40"] = "24小时以内", "20小时（其中夜间3小时）"
        sheet["E13"], sheet["F13"] = "12月31日前", "12月20日完成"  # no year: not read

    findings = [f"{f.code} {f.severity} {f.cell} {f.message}"
                for f in check_workbook(_native_template(tmp_path, edit)).findings
                if f.code == "JX406"]
    unread = "表格公式不能读取：请只填实际数值"
    assert findings == [
        "JX406 warning E13 “预算资金执行率”的指标值“12月31日前”表格公式不能读作日期：请写明年、月、日，"
        "写成“2024年12月31日前”这样的文字日期，表格即可自行计分；按财政部规则得分为 5（按时完成）",
        f"JX406 warning F17 “预算编制规范性”的完成值“62人（其中脱贫户18人）”{unread}（如“62人”），"
        "表格即可自行计分；按财政部规则得分为 25（完成值达到指标值）",
        f"JX406 warning F21 “资金拨付及时性”的完成值“≥95%”{unread}（不写“≥”“不低于”等界限），"
        "表格即可自行计分；按财政部规则得分为 20（完成值达到指标值）",
        "JX406 warning E37 “网络安全防护能力”的写法须由 jixiao 计分：按财政部规则得分为 30"
        "（完成值未超过指标值）；改用常见写法（如“≥95%”“≤3 小时”）后表格可自行计分",
        "JX406 warning E40 “服务对象满意度”的指标值和完成值的写法须由 jixiao 计分：按财政部规则"
        "得分为 10（完成值未超过指标值）；指标值改用常见写法（如“≥95%”“≤3 小时”）、完成值只填"
        "实际数值后表格可自行计分"]


def test_a_completion_told_as_a_bound_or_about_points_at_the_actual(tmp_path):
    """rt32 r2 T2/T1: 96%以上, 500册以上, 1200人以上 beside ≥95%, ≥500册, ≥1000人 show ⚠ (the
    formulas read a unit “%以上”); JX406 pointed at the 指标值, written the common way
    already, and said to write it like “≥95%”. The cell to change is the 完成值: its figure
    without 以上, as 不低于96% is told to drop its bound."""
    from jixiao.pipeline import check_workbook

    def edit(sheet):
        sheet["E13"], sheet["F13"] = "≥95%", "96%以上"
        sheet["E17"], sheet["F17"] = "≥500册", "500册以上"
        sheet["E21"], sheet["F21"] = "≥1000人", "1200人及以上"
        sheet["E37"], sheet["F37"] = "≤5%", "4%以内"

    findings = [f"{f.code} {f.severity} {f.cell} {f.message}"
                for f in check_workbook(_native_template(tmp_path, edit)).findings
                if f.code == "JX406"]
    unread = "表格公式不能读取：请只填实际数值"
    assert findings == [
        f"JX406 warning F13 “预算资金执行率”的完成值“96%以上”{unread}（如“96%”，不写“以上”），"
        "表格即可自行计分；按财政部规则得分为 5（完成值达到指标值）",
        f"JX406 warning F17 “预算编制规范性”的完成值“500册以上”{unread}（如“500册”，不写“以上”），"
        "表格即可自行计分；按财政部规则得分为 25（完成值达到指标值）",
        f"JX406 warning F21 “资金拨付及时性”的完成值“1200人及以上”{unread}（如“1200人”，不写"
        "“及以上”），表格即可自行计分；按财政部规则得分为 20（完成值达到指标值）",
        f"JX406 warning F37 “网络安全防护能力”的完成值“4%以内”{unread}（如“4%”，不写“以内”），"
        "表格即可自行计分；按财政部规则得分为 30（完成值未超过指标值）"]


def test_a_completion_given_about_far_past_the_target_points_at_the_actual(tmp_path):
    """rt32 r2 T1: 约25万元 beside ≥20万元 is met for jixiao (25 % past it: rules.about_settled);
    the formulas read no 约数 (⚠). JX406 asks, at the 完成值, for the exact figure — 96%左右
    was told its unit “%左右” differed from “%”. Near the target (约96% beside ≥95%) no
    score: JX203 asks, no JX406."""
    from jixiao.pipeline import check_workbook

    def edit(sheet):
        sheet["E37"], sheet["F37"] = "≥20万元", "约25万元"
        sheet["E40"], sheet["F40"] = "≥80%", "96%左右"
        sheet["E13"], sheet["F13"] = "≥95%", "约96%"
        sheet["I13"] = "以抽样估算"

    findings = [f"{f.code} {f.severity} {f.cell} {f.message}"
                for f in check_workbook(_native_template(tmp_path, edit)).findings
                if f.code == "JX406"]
    unread = "表格公式不能读取：请只填实际数值（确切的数值，不写“约”“左右”），表格即可自行计分"
    assert findings == [
        f"JX406 warning F37 “网络安全防护能力”的完成值“约25万元”{unread}；按财政部规则得分为 30"
        "（完成值达到指标值；完成值“约25万元”是约数，高于指标值“≥20万元”10% 以上，按达到计分）",
        f"JX406 warning F40 “服务对象满意度”的完成值“96%左右”{unread}；按财政部规则得分为 10"
        "（完成值达到指标值；完成值“96%左右”是约数，高于指标值“≥80%”10% 以上，按达到计分）"]


def test_a_no_break_space_pasted_after_a_value_is_read_by_the_formulas():
    """rt24 s11: “96%\xa0” pasted from a web system (the reader reads 96%) showed ⚠: the
    formulas dropped spaces but not the no-break space. The twin, as the formulas now."""
    shown = native.row_values("≥95%\xa0", "96%\xa0", 10.0)
    assert (shown["kind"], shown["a_unit"], shown["score"]) == ("N", "%", 10.0)
    assert native.row_values("\xa0/\xa0", "/", "/")["kind"] == ""  # an unused row, as read
    assert ',"\xa0","")' in native.row_formulas(13, "C13")["AD"]  # a_raw (Q reads it, rt34)


def test_a_row_with_inputs_and_no_score_leaves_no_total(tmp_path):
    """An inserted row given only the H formula (its hidden M:AD helpers empty) scores
    nothing: the 总分 shows ⚠ instead of a total without it (rt19 item 2)."""
    from openpyxl import load_workbook

    from jixiao.samples import sample
    from jixiao.template.build import build_template

    path = tmp_path / "partial.xlsx"
    build_template(path, year=2024, table=sample("putuo-1"), formulas="native")
    book = load_workbook(path)
    sheet = book["自评表"]
    sheet["D14"], sheet["E14"], sheet["F14"], sheet["G14"] = "新增指标", "≥5人", "6人", 5
    for column in native.HELPER_COLUMNS:
        sheet[f"{column}14"] = None
    book.save(path)
    computed = sheets_as_shown(path, tmp_path, recalculate=True)["自评表"]
    assert _cell(computed, 14, "H").strip() == ""
    assert _cell(computed, 43, "H") == native.WARN_TOTAL
    assert native.money_values([(30.0, 30.0)], 10.0, [5.0, ""], [5.0, 5.0],
                               filled=[True, True])["total"] == native.WARN_TOTAL
    assert native.money_values([(30.0, 30.0)], 10.0, [5.0, ""], [5.0, None],
                               filled=[True, False])["total"] == 15.0


def test_the_native_template_tells_how_to_add_a_row_that_scores(tmp_path):
    """Copying H and K alone leaves the helpers M:AD empty (rt19 item 2): the 填写说明
    says to copy the whole row; the unused xlwings.conf sheet is gone (item 4)."""
    from openpyxl import load_workbook

    from jixiao.cli.main import main
    from jixiao.layout import HELP_SHEET, SHEET

    path = tmp_path / "blank.xlsx"
    assert main(["new", str(path), "--formulas", "native"]) == 0
    book = load_workbook(path)
    assert book.sheetnames == [SHEET, HELP_SHEET]
    text = "\n".join(str(cell.value) for row in book[HELP_SHEET].iter_rows() for cell in row
                     if cell.value)
    assert "插入复制的单元格" in text and "整行" in text
    assert "复制得分（H 列）和是否达成（K 列）的公式" not in text
    assert "都写带年份的日期" in text  # rt27: what the formulas score of a deadline


# ---------------------------------------------------------------- thousands separators

# 指标值, 完成值, 二级指标 and the score (分值 10) of jixiao check, by hand; None: the core
# groups the digits otherwise than by thousands (1,2), or the native formulas leave the
# number to jixiao check (more than five groups, a dot at the end): ⚠
COMMA_ROWS = [
    ("≥1,200人", "1,150人", "数量指标", 9.58),          # 10 × 1150/1200 = 9.583
    ("≤1,500元", "1,650元", "成本指标", 9.0),           # 10 × (1 − 150/1500)
    ("≥1，200人", "1，250人", "数量指标", 10.0),         # full-width commas
    ("≥1,200人", 1150.0, "数量指标", 9.58),              # a number cell beside
    ("≥1,000", "1,000", "数量指标", 10.0),
    ("≤1,234,567.5元", "1,300,000元", "成本指标", 9.47),  # 10 × (1 − 65432.5/1234567.5) = 9.470
    ("≥1200,000元", "1,080,000元", "数量指标", 9.0),     # the core: any first group, then threes
    ("≥0,500人", "400人", "数量指标", 8.0),              # 0,500 is 500 for the core too
    ("≥1,2人", "1人", "数量指标", None),                 # the core reads no number: 数值后还有数字
    ("≥12,34人", "12人", "数量指标", None),
    ("≥1,2000人", "1,150人", "数量指标", None),
    ("≥1,000人", "1,0000人", "数量指标", None),
    ("≥1,000人", ",900人", "数量指标", None),
    ("≥1,,200人", "900人", "数量指标", None),
    ("≥1.200,5人", "900人", "数量指标", None),
    ("≥1,200.人", "1,150人", "数量指标", None),
    ("≥1,000,000,000,000,000,000人", "1人", "数量指标", None),  # six groups: left to check
]


@pytest.fixture(scope="module")
def comma_rows(tmp_path_factory) -> list[list[str]]:
    return _rows_shown(tmp_path_factory.mktemp("native-commas"), [
        {"level2": level2, "weight": 10.0, "target": target, "actual": actual}
        for target, actual, level2, _ in COMMA_ROWS])


@pytest.mark.parametrize("index", range(len(COMMA_ROWS)))
def test_thousands_separators_are_read_as_jixiao_check_reads_them(comma_rows, index):
    """≥1,200人 beside 1,150人 is scored by the formulas as by jixiao check (before: ⚠ 此写法须用
    jixiao check 计分, and no 总分, rt20); a comma the core does not read as a thousands
    separator (1,2) still leaves the row to jixiao check, never another number."""
    target, actual, level2, score = COMMA_ROWS[index]
    number = FIRST + index
    shown = native.row_values(target, actual, 10.0, None, None, level2)
    if score is None:
        assert _cell(comma_rows, number, "H") == native.WARN_INPUT
        assert shown["score"] == native.WARN_INPUT
        return
    assert float(_cell(comma_rows, number, "H")) == score
    assert shown["score"] == score
    assert cellfuncs.score(target, actual, 10.0, None, None, level2) == score
    met = cellfuncs.met(target, actual, level2)
    assert _cell(comma_rows, number, "K") == shown["met_shown"] == met == (
        "是" if score == 10 else "否")


def test_a_template_with_thousands_separators_totals_as_jixiao_check(tmp_path):
    """The rt20 repro's rows in the native template: LibreOffice computes 4.79 and 9 for
    them and the 总分 jixiao check computes (before: both rows and the 总分 showed ⚠)."""
    from jixiao.pipeline import check_workbook

    def edit(sheet):
        sheet["D13"], sheet["E13"], sheet["F13"] = "培训人数", "≥1,200人", "1,150人"  # 5 × 1150/1200
        sheet["D24"], sheet["E24"], sheet["F24"], sheet["G24"] = "人均培训成本", "≤1，500元", \
            "1，650元", 10
        sheet["G37"] = 20  # 分值 still 100 in all

    path = _native_template(tmp_path, edit)
    stored, computed = _stored_and_computed(path, tmp_path)
    assert computed[:44] == stored[:44]
    assert [_cell(computed, row, column) for row, column in
            ((13, "H"), (24, "H"), (43, "G"), (43, "H"), (44, "H"))] == [
        "4.79", "9", "100", "98.77", "优"]  # 9.98 + 4.79 + 25 + 20 + 20 + 9 + 10
    result = check_workbook(path)
    table = result.tables[0]
    assert table.evaluation.total == 98.77
    assert not [f for f in result.findings if f.code in ("JX406", "JX503", "JX504", "JX404")]


RULE_WORDS = ["四川", "比例法", "mof2020", "RATIO ", "sichuan（四川）", "财预〔2020〕10号", "财政部规则",
              "比例 法", "四\n川", "浙江", "省标准", "mof2020、ratio 或 sichuan", "mof2020 比例法",
              "\u3000ratio\u00a0", 2020]


def test_libreoffice_reads_the_rules_cell_as_the_python_mirror_does(tmp_path):
    """The template's JX_RuleSet (``native.rule_set_formula``) against ``rule_set_key``,
    which tests/product/test_template_rules_cell.py holds to ``rules.rule_name``."""
    book = Workbook()
    sheet = book.active
    sheet.title = "rows"
    for number, word in enumerate(RULE_WORDS, start=FIRST):
        sheet[f"L{number}"] = word
        sheet[f"{RULE_SET}{number}"] = "=" + native.rule_set_formula(f"L{number}")
    path = tmp_path / "rules.xlsx"
    book.save(path)
    rows = sheets_as_shown(path, tmp_path)["rows"]
    assert [_cell(rows, number, RULE_SET) for number in range(FIRST, FIRST + len(RULE_WORDS))] \
        == [native.rule_set_key(word) for word in RULE_WORDS]


REVERSE_TIES = [  # (指标值, 完成值, 分值, the hand-computed score): 5.745, 0.525, 0.045, 0.975
    ("≤10万元", "16.17万元", 15.0, 5.75), ("≤4小时", "7.65小时", 6.0, 0.53),
    ("≤5小时", "9.97小时", 7.5, 0.05), ("≤8小时", "14.96小时", 7.5, 0.98),
    ("≤20万元", "22.15万元", 10.0, 8.93), ("≥80%", "79.9%", 4.0, 3.99),
]


def test_libreoffice_rounds_a_reverse_tie_up_as_the_rules_do(tmp_path):
    """1 − (7.65 − 4) ÷ 4 is a hair below 0.0875 in binary: the formula rounds to 10
    decimals first, as rules.formula_points computes in decimal."""
    book = Workbook()
    sheet = book.active
    sheet.title = "rows"
    for number, (target, actual, weight, _) in enumerate(REVERSE_TIES, start=FIRST):
        for key, value in {"target": target, "actual": actual, "weight": weight,
                           "rules": "mof2020", "level2": "时效指标"}.items():
            sheet[f"{COLUMNS[key]}{number}"] = value
        _write_row_formulas(sheet, number)
    book.save(tmp_path / "ties.xlsx")
    lines = sheets_as_shown(tmp_path / "ties.xlsx", tmp_path, recalculate=True)["rows"]
    shown = [float(_cell(lines, number, "H")) for number in range(FIRST, FIRST + len(REVERSE_TIES))]
    assert shown == [score for *_, score in REVERSE_TIES]
    assert [native.row_values(target, actual, weight, "mof2020", None, "时效指标")["score"]
            for target, actual, weight, _ in REVERSE_TIES] == shown


@pytest.mark.parametrize("fmt", ["yyyy/m/d", "m/d/yy"])
def test_a_deadline_typed_as_date_cells_is_left_to_jixiao_everywhere(tmp_path, fmt):
    """rt27: 时效 指标值 2024-03-31 and 完成值 2024-03-20 typed as date cells. The formulas
    only see the serials 45382 and 45371 and scored 20 × 45371 ÷ 45382 = 19.99 and 否 (the
    deadline is met early: 20, 是). LibreOffice's CELL("format") gives "G" for yyyy/m/d, so
    a 时效 row's number in the serial range of dates (30000–80000: 1982–2119) is taken as a
    date, which they cannot compare: ⚠, as ``row_values`` says; check gives the 20."""
    import datetime

    from jixiao.pipeline import check_workbook

    def edit(sheet):
        sheet["E21"], sheet["F21"] = datetime.datetime(2024, 3, 31), datetime.datetime(2024, 3, 20)
        sheet["E21"].number_format = sheet["F21"].number_format = fmt

    path = _native_template(tmp_path, edit)
    stored, computed = _stored_and_computed(path, tmp_path)
    assert computed[:44] == stored[:44]
    assert (_cell(computed, 21, "H"), _cell(computed, 21, "K")) == (native.WARN_INPUT, "未知")
    result = check_workbook(path)
    assert result.tables[0].evaluation.total == 99.98  # as putuo-1: 9.98 + 5+25+20+30+10
    assert [f"{f.code} {f.cell}" for f in result.findings
            if f.code in ("JX402", "JX405", "JX504", "JX503")] == []
    assert [f"{f.cell} {'按财政部规则得分为 20（按时完成）' in f.message}"
            for f in result.findings if f.code == "JX406"] == ["E21 True"]
    assert native.row_values(45382.0, 45371.0, 20.0, None, None, "时效指标")["score"] \
        == native.WARN_INPUT
    assert native.row_values(45382.0, 45371.0, 20.0, None, None, "数量指标")["score"] == 19.99


# ---------------------------------------------------------------- rt27: deadlines written as text

# 指标值, 完成值, 人工评分, 评分规则, 二级指标, then the score (分值 10) and 是否达成 of jixiao
# check, by hand; WARN: the formulas leave the row to jixiao check (the core's ⚠, or a form
# they do not read, which check may score). On time or early: 达成, full marks (a 人工评分 inside 8–10 is taken);
# late: 部分达成, 6–8 (ratio 5–8) from the 人工评分 column, ⚠ without one. A year and month
# alone is that month's last day.
WARN = native.WARN_INPUT
DATE_TEXT_ROWS = [
    ("2024年12月31日前", "2024年12月20日", None, "", "时效指标", 10.0, "是"),         # early
    ("2024 年 12 月 31 日前完成", "2024年12月31日前全部完成", None, "", "时效指标", 10.0, "是"),
    ("2024年12月底前", "2024年11月完成", None, "", "时效指标", 10.0, "是"),   # 11-30 ≤ 12-31
    ("2024年12月31日之前", "2024年12月20日", 9.0, "", "时效指标", 9.0, "是"),  # 9 in 8–10
    ("2024年12月末", "2024年12月31日", None, "", "时效指标", 10.0, "是"),      # the same day
    ("2024年12月31日以前", "2024年12月底前完成", None, "", "数量指标", 10.0, "是"),
    ("2024年12月31日前", "2025年1月5日", None, "", "时效指标", "⚠", "否"),     # late: 6–8 asked
    ("2024年12月31日前", "2025年1月5日完成", 7.0, "", "时效指标", 7.0, "否"),   # 7 in 6–8
    ("2024年11月15日前", "2024年11月完成", 7.5, "", "时效指标", 7.5, "否"),   # 11-30 > 11-15
    ("2024年12月31日前", "2025年1月5日", 9.0, "", "时效指标", "⚠", "否"),      # 9 not in 6–8
    ("2024年6月30日前", "2024年7月", 5.0, "ratio", "时效指标", 5.0, "否"),     # ratio: 5–8
    ("2024年6月30日前", "2024年7月", 5.0, "mof2020", "时效指标", "⚠", "否"),   # not in 6–8
    ("2024年2月30日前", "2024年2月20日", None, "", "时效指标", WARN, "未知"),  # no such day
    ("2024年12月31日前", "2024年12月31日前未完成", None, "", "时效指标", WARN, "未知"),
    ("2024年12月31日前", "12月20日", None, "", "时效指标", WARN, "未知"),      # no year
    ("2024年12月31日前", "2024年12月20号", None, "", "时效指标", WARN, "未知"),
    ("2024年12月31日前", "２０２４年12月20日", None, "", "时效指标", 10.0, "是"),  # rt34: full-width
]


@pytest.fixture(scope="module")
def date_text_rows(tmp_path_factory) -> list[list[str]]:
    return _rows_shown(tmp_path_factory.mktemp("native-date-texts"), [
        {"target": target, "actual": actual, "weight": 10.0, "judged": judged, "rules": rules,
         "level2": level2} for target, actual, judged, rules, level2, _, _ in DATE_TEXT_ROWS])


@pytest.mark.parametrize("index", range(len(DATE_TEXT_ROWS)))
def test_a_deadline_and_its_date_written_as_text_are_scored_as_jixiao_check_scores_them(
        date_text_rows, index):
    """rt27: every 时效 row written as date text (2024年12月31日前 beside 2024年12月20日)
    showed “⚠ 此写法须用 jixiao check 计分”, and the table had no 总分 in the native template.
    Both sides a date with its year: on time is 达成 (full marks), late 部分达成 — the
    人工评分 in its band, as jixiao check scores it; anything else still ⚠."""
    target, actual, judged, rules, level2, score, met = DATE_TEXT_ROWS[index]
    number = FIRST + index
    shown = native.row_values(target, actual, 10.0, rules, judged, level2)
    core = cellfuncs.score(target, actual, 10.0, rules or None, judged, level2)
    assert (_cell(date_text_rows, number, "K"), shown["met_shown"]) == (met, met)
    if isinstance(score, float):
        assert float(_cell(date_text_rows, number, "H")) == shown["score"] == core == score
        assert cellfuncs.met(target, actual, level2) == met
    else:
        assert _cell(date_text_rows, number, "H").startswith("⚠")
        assert str(shown["score"]).startswith(score)
        assert _cell(date_text_rows, number, "H") == shown["score"]
        assert str(core).startswith("⚠") or score == WARN  # (12月20日: check places its year)


DEADLINES = ["2024年12月31日前", "2024 年 12 月 31 日前完成", "2024年12月底前", "2024年12月31日",
             "2024年12月前", "2024年12月", "2024年12月31日以前", "2024年12月31日之前全部完成",
             "2024年11月30日前", "2024年6月30日前", "2024年2月29日前", "2023年2月29日前",
             "2024年12月底完成", "2024年13月前", "2024年12月32日前", "2024年12月31日后",
             "2024年12月中旬前", "2024年|12月"]
DONE = ["2024年12月20日", "2024年12月31日前全部完成", "2024年11月完成", "2025年1月5日", "2025年1月",
        "2024年12月31日", "2024年12月底", "2024年12月底前完成", "2024年2月29日完成", "2024年07月",
        "2024年12月31日前未完成", "2024年12月31日后完成", "2024年12月20日前完成", "2024年1月1日完成了",
        "2024年12月0日", "2024年12月末完成"]


@pytest.fixture(scope="module")
def date_grid(tmp_path_factory):
    rows = [(target, actual, judged, rules) for target in DEADLINES for actual in DONE
            for judged, rules in ((None, ""), (7.0, "mof2020"), (5.5, "ratio"))]
    return rows, _rows_shown(tmp_path_factory.mktemp("native-date-grid"), [
        {"target": target, "actual": actual, "weight": 10.0, "judged": judged, "rules": rules,
         "level2": "时效指标"} for target, actual, judged, rules in rows])


def test_every_date_text_pair_shows_the_cores_score_or_a_warning(date_grid):
    """Every pair of the deadlines and dates above, three 人工评分/评分规则 each: LibreOffice
    shows what ``row_values`` says, and a number only where it is the core's score (the
    dates it cannot read, 号, 中旬, no year, 未完成 … show ⚠)."""
    rows, lines = date_grid
    wrong, scored = [], 0
    for number, (target, actual, judged, rules) in enumerate(rows, start=FIRST):
        shown = native.row_values(target, actual, 10.0, rules, judged, "时效指标")
        for column, value in (("H", shown["score"]), ("K", shown["met_shown"]),
                              ("T", shown["level"]), ("U", shown["kind"])):
            if not _same(_cell(lines, number, column), value):
                wrong.append((target, actual, judged, column, _cell(lines, number, column), value))
        core = cellfuncs.score(target, actual, 10.0, rules or None, judged, "时效指标")
        if isinstance(shown["score"], float):
            scored += 1
            if shown["score"] != core or shown["met_shown"] != cellfuncs.met(target, actual,
                                                                              "时效指标"):
                wrong.append((target, actual, judged, rules, shown["score"], core))
        elif not str(shown["score"]).startswith("⚠"):
            wrong.append((target, actual, judged, rules, shown["score"]))
    assert not wrong, wrong[:5]
    assert scored > len(rows) // 5  # most pairs hold a form the formulas leave to check


@pytest.mark.parametrize(("stored_score", "stale"), [
    (native.WARN_INPUT, False), (native.WARN_WEIGHT, False), (native.WARN_WEIGHT, True),
    (3, True), ("⚠ 实际完成值为空", True)])
def test_an_older_templates_warning_on_a_date_text_is_no_stale_result(tmp_path, stored_score,
                                                                      stale):
    """rt27: the native formulas now score a deadline and its date written as texts
    (2024年12月31日前 / 2024年12月20日). A native workbook made before shows the ⚠ its own
    formulas give for them in 得分 and 总分 — recalculating it shows the same ⚠, so check's
    mirror of today's formulas must not call it stale (was: two JX504 “应为 20”/“应为 99.98”
    on every such workbook). A number stored there that is not the rules' still is (3), and
    so is a ⚠ no template gives for these inputs (实际完成值为空: left from before the row
    was filled). The 分值 “10分” an older template could not read: WARN_WEIGHT, only where
    today's formulas read the 分值 text (“5分”), not beside a plain 5."""
    from jixiao.pipeline import check_workbook
    from jixiao.xlsx.package import Package
    from jixiao.xlsx.writeback import write_cached_values

    def edit(sheet):
        sheet["E21"], sheet["F21"] = "2024年12月31日前", "2024年12月20日"
        if stored_score == native.WARN_WEIGHT and not stale:
            sheet["G21"] = f"{sheet['G21'].value}分"

    path = _native_template(tmp_path, edit)
    stored, _ = _stored_and_computed(path, tmp_path)
    assert _cell(stored, 21, "H") not in ("", native.WARN_INPUT)  # today's formulas score it
    package = Package(path)  # the results an older template stored
    older = {"H21": stored_score, "H43": native.WARN_TOTAL, "G43": 90}  # 分值合计 without it
    write_cached_values(package, path, {package.sheets[0].name: older})
    found = [f"{f.code} {f.cell}" for f in check_workbook(path).findings if f.code == "JX504"]
    assert (found != []) is stale, found


def test_an_about_target_is_left_to_jixiao_which_scores_it(tmp_path):
    """rt28: 约500人, 1000人左右, ≥500盏左右 — the formulas read no 约数 (1000人左右 was a unit
    “人左右”: JX406 said to write the 完成值 “1050人左右”, itself a 约数 jixiao asks about).
    They show ⚠; jixiao scores each as its number (25; 20 × 480 ÷ 500 = 19.2; 30) and
    JX406 asks, at the 指标值, for the number without 约. A 约数 in the 完成值 (1050人左右
    beside the same unit) shows ⚠ too: jixiao asks about it (before: the formulas' 10)."""
    from jixiao.pipeline import check_workbook

    def edit(sheet):
        sheet["E17"], sheet["F17"] = "1000人左右", "1050人"
        sheet["E21"], sheet["F21"] = "约500人", "480人"
        sheet["I21"] = "部分学员未参加鉴定考试；下年度加强组织动员。"
        sheet["E37"], sheet["F37"] = "≥500盏左右", "520盏"

    result = check_workbook(_native_template(tmp_path, edit))
    checked = result.tables[0]
    scores = {indicator.sources["target"].cell: score.value for indicator, score
              in zip(checked.table.indicators, checked.evaluation.scores, strict=True)}
    assert (scores["E17"], scores["E21"], scores["E37"]) == (25.0, 19.2, 30.0)
    assert result.tables[0].evaluation.total == 99.18  # 100 − 0.8 − 执行率's 0.02
    findings = [f"{f.code} {f.severity} {f.cell} {f.message}" for f in result.findings
                if f.code == "JX406"]
    tail = "是约数，表格公式不能计分：请填写确切的数值"
    assert findings == [
        f"JX406 warning E17 “预算编制规范性”的指标值“1000人左右”{tail}（如“1000人”），表格即可"
        "自行计分；按财政部规则得分为 25（完成值达到指标值）",
        f"JX406 warning E21 “资金拨付及时性”的指标值“约500人”{tail}（如“500人”），表格即可自行计分；"
        "按财政部规则得分为 19.2（正向指标：分值 × 实际完成值 ÷ 年度指标值；指标值“约500人”是约数，"
        "按 500人 计）",
        f"JX406 warning E37 “网络安全防护能力”的指标值“≥500盏左右”{tail}（如“≥500盏”），表格即可"
        "自行计分；按财政部规则得分为 30（完成值达到指标值）"]
    for target, actual in (("1000人左右", "1050人左右"), ("1000左右", "1050"), ("90%上下", "92%")):
        assert native.row_values(target, actual, 10.0)["score"] == native.WARN_INPUT
# 指标值, 完成值, 二级指标 and the score (分值 10) of jixiao check, by hand; None: the formulas
# leave the row to jixiao check (⚠), never another number. rt28: a sentence's end after the
# value (≥90%。, 96%；) and a negative 完成值 (-2%, which the rules take as 0).
PUNCTUATED_ROWS = [
    ("≥90%。", "96%", "质量指标", 10.0),
    ("≥10公里。", "12公里", "数量指标", 10.0),
    ("≤50万元。", "55万元", "成本指标", 9.0),           # 10 × (1 − 5/50)
    ("≥3个。", "2个", "数量指标", 6.67),                # 10 × 2/3 = 6.667
    ("≥95%；", "90%;", "质量指标", 9.47),               # 10 × 90/95 = 9.474
    ("≥95%", "96%。", "质量指标", 10.0),
    ("≥95%.", "0.96", "质量指标", 10.0),                # a bare 0.96 beside % is 96 %
    ("≥1,200人。", "1,150人.", "数量指标", 9.58),        # 10 × 1150/1200 = 9.583
    ("≥95%。；", "96%", "质量指标", 10.0),              # two marks
    ("≥95%", "96% 。 ", "质量指标", 10.0),              # spaces around the mark
    ("≤2小时。", "3小时", "时效指标", 5.0),             # 10 × (1 − 1/2)
    ("≥95%*", "96%*", "质量指标", 10.0),                # a note's mark
    ("2024年12月31日前。", "2024年12月20日。", "时效指标", 10.0),
    ("≥95%", "。", "质量指标", None),                   # no number at all: the core's ⚠ too
    ("≥95%。。。", "0.96", "质量指标", None),           # three marks: left to check, not 0.1
    ("≥95%（注）", "0.96", "质量指标", None),           # a note after the %: not 0.1 either
    ("≥5%", "-2%", "成本指标", 0.0),                    # a negative 完成值 counts as 0
    ("≥95%", "－2%", "质量指标", 0.0),                  # a full-width minus
    ("≤5%", "-2%", "成本指标", 10.0),                   # 0 ≤ 5
    ("≥100人", "-3人", "数量指标", 0.0),
    ("≥90", "-0.5", "质量指标", 0.0),
    ("＝0起", "-1起", "质量指标", 10.0),                 # as 0 beside ＝0
    ("≥5%", "-2%。", "成本指标", 0.0),
    ("≥95%", "-0%", "质量指标", 0.0),
    ("≥5%", "--2%", "成本指标", None),                  # no number to the core either
    ("≥-5%", "-2%", "成本指标", None),                  # a negative 指标值: left to check
    ("≥5%", "-", "成本指标", None),                     # a dash: the core's ⚠ too
]


@pytest.fixture(scope="module")
def punctuated_rows(tmp_path_factory) -> list[list[str]]:
    return _rows_shown(tmp_path_factory.mktemp("native-punctuated"), [
        {"level2": level2, "weight": 10.0, "target": target, "actual": actual}
        for target, actual, level2, _ in PUNCTUATED_ROWS])


@pytest.mark.parametrize("index", range(len(PUNCTUATED_ROWS)))
def test_a_sentences_end_and_a_negative_actual_are_scored_as_jixiao_check_scores_them(
        punctuated_rows, index):
    """rt28: ≥90%。 beside 96% showed ⚠ (the unit read as “%。”) and left the 总分 blank, and
    -2% beside ≥5% showed ⚠; jixiao check scores both (10, and 0: a negative 完成值 is 0).
    The formulas drop a sentence's end after a value as the reader does
    (``parsing.END_MARKS``) and read a leading minus."""
    target, actual, level2, score = PUNCTUATED_ROWS[index]
    number = FIRST + index
    shown = native.row_values(target, actual, 10.0, None, None, level2)
    for column, key in (("H", "score"), ("K", "met_shown"),
                        *zip(native.HELPER_COLUMNS, native.HELPER_KEYS, strict=True)):
        assert _same(_cell(punctuated_rows, number, column), shown[key]), (column, shown[key])
    if score is None:
        assert _cell(punctuated_rows, number, "H") == native.WARN_INPUT
        assert _cell(punctuated_rows, number, "K") == "未知"
        return
    assert float(_cell(punctuated_rows, number, "H")) == score
    assert cellfuncs.score(target, actual, 10.0, None, None, level2) == score
    met = cellfuncs.met(target, actual, level2)
    assert _cell(punctuated_rows, number, "K") == met == ("是" if score == 10 else "否")


def test_a_template_with_sentence_ends_and_a_negative_actual_totals_as_jixiao_check(tmp_path):
    """The rt28 rows in the native template: LibreOffice scores them and the 总分 as jixiao
    check does, and check asks nothing of them (before: ⚠, no 总分, and JX406 said the unit
    was “%。” and to write the 完成值 “96%。”, or to write “-2%” where -2% stood)."""
    from jixiao.pipeline import check_workbook

    def edit(sheet):
        sheet["E13"], sheet["F13"] = "≥90%。", "96%"          # 5
        sheet["E17"], sheet["F17"] = "≥5%", "-2%"             # 0 of 25
        sheet["E21"], sheet["F21"] = "≥10公里。", "12公里"     # 20
        sheet["E37"], sheet["F37"] = "≤50万元。", "55万元"     # 30 × (1 − 5/50) = 27
        sheet["E40"], sheet["F40"] = "≥3个。", "2个"           # 10 × 2/3 = 6.67

    path = _native_template(tmp_path, edit)
    stored, computed = _stored_and_computed(path, tmp_path)
    assert computed[:44] == stored[:44]
    assert [_cell(computed, row, "H") for row in (13, 17, 21, 37, 40, 43, 44)] == [
        "5", "0", "20", "27", "6.67", "68.65", "中"]  # 9.98 + 5 + 0 + 20 + 27 + 6.67
    result = check_workbook(path)
    assert result.tables[0].evaluation.total == 68.65
    assert not [f for f in result.findings if f.code in ("JX406", "JX503", "JX504")]


# (指标值, 完成值, 人工评分, what the 得分 cell shows by hand): a positive target of 0 missed
# is 未达成, scored in its band (mof2020 0–60 % of 10: 0–6) with the 人工评分 column
MISSED_AT_ZERO_ROWS = [
    ("≥0%", "-2%", None, "⚠ 请在人工评分列填写 0–6 分"),
    ("≥0%", "-2%", 0.0, 0.0),
    ("≥0%", "-2%", 4.0, 4.0),
    ("≥0%", "-2%", 10.0, "⚠ 人工评分应在 0–6 分之间"),
    ("＞0", "-2%", None, "⚠ 请在人工评分列填写 0–6 分"),  # not “equal to the target”: 8
    ("不低于0", "-0.5", None, "⚠ 请在人工评分列填写 0–6 分"),
    ("≥0%", "0%", None, 10.0),                              # met at the target
    ("＞0", "0", None, 8.0),                                # strict, met only at equality
]


def test_a_negative_actual_below_a_target_of_zero_is_scored_in_the_unmet_band(tmp_path):
    """rt30 (n01, n04): −2% beside ≥0% showed full marks (the 完成值 counted as 0 first,
    which reaches 0), and beside ＞0 8 of 10 (“equal to the target”). By hand −2 < 0: not
    met, and 分值 × 完成值 ÷ 指标值 means nothing at 0 — the formulas ask for a 人工评分 in
    the 未达成 band, as jixiao check does (``rules._missed_without_ratio``)."""
    shown = _rows_shown(tmp_path, [{"level2": "社会效益指标", "weight": 10.0, "target": target,
                                    "actual": actual, "judged": judged}
                                   for target, actual, judged, _ in MISSED_AT_ZERO_ROWS])
    for index, (target, actual, judged, by_hand) in enumerate(MISSED_AT_ZERO_ROWS):
        number = FIRST + index
        values = native.row_values(target, actual, 10.0, None, judged, "社会效益指标")
        assert values["score"] == by_hand, (target, actual, judged)
        for column, key in (("H", "score"), ("K", "met_shown"),
                            *zip(native.HELPER_COLUMNS, native.HELPER_KEYS, strict=True)):
            assert _same(_cell(shown, number, column), values[key]), (index, column, values[key])
        core = cellfuncs.score(target, actual, 10.0, None, judged, "社会效益指标")
        assert core == by_hand if isinstance(by_hand, float) \
            else str(core).startswith("⚠") and "0–6 分之间" in str(core)
        assert values["met_shown"] == cellfuncs.met(target, actual, "社会效益指标") \
            == ("是" if by_hand == 10.0 else "否")


# 指标值, 完成值, 人工评分 and the score (分值 10) of jixiao check, by hand: a level wanted
# or better (≥良好: 良好及以上, rules.level_at_least) scored as the plain level is. A band's
# text: the formulas' ⚠ asking for the 人工评分; None: left to jixiao check (⚠).
LEVEL_AT_LEAST_ROWS = [
    ("≥良好", "达成", None, 10.0),
    ("≥良好", "部分达成", None, "⚠ 请在人工评分列填写 6–8 分"),
    ("≥良好", "部分达成", 7.0, 7.0),
    ("≥良好", "未达成", 3.0, 3.0),
    ("≥合格", "达成", None, 10.0),
    ("≥优良", "达成指标", None, 10.0),
    ("≥满意", "达成", None, 10.0),
    ("≥ 良好 ", "达成", None, 10.0),                # spaces, as the formulas drop them
    ("不低于良好", "达成", None, 10.0),
    ("≥良好等级", "达成", None, 10.0),
    ("＞良好", "达成", None, None),                  # ＞ a level: JX203 (known.md)
    ("≥明显提升", "达成", None, None),               # no level after ≥: JX203
    ("≥良好", "优良", None, None),                   # a level word, not 达成: choose one
]


@pytest.fixture(scope="module")
def level_rows(tmp_path_factory) -> list[list[str]]:
    return _rows_shown(tmp_path_factory.mktemp("native-levels"), [
        {"level2": "质量指标", "weight": 10.0, "target": target, "actual": actual,
         "judged": judged} for target, actual, judged, _ in LEVEL_AT_LEAST_ROWS])


@pytest.mark.parametrize("index", range(len(LEVEL_AT_LEAST_ROWS)))
def test_a_level_or_better_is_scored_as_the_level_is(level_rows, index):
    """rt32 r2 Q3/Q2: ≥良好 (≥合格, ≥优良) beside 达成 showed ⚠ and JX406 told the clerk to
    rewrite the approved 指标值 as “≥95%”; jixiao scores it as 良好 (10). The formulas read
    ≥ before a level the core reads as that level or better (``native.LEVELS_AT_LEAST``)."""
    target, actual, judged, score = LEVEL_AT_LEAST_ROWS[index]
    number = FIRST + index
    shown = native.row_values(target, actual, 10.0, None, judged, "质量指标")
    for column, key in (("H", "score"), ("K", "met_shown"),
                        *zip(native.HELPER_COLUMNS, native.HELPER_KEYS, strict=True)):
        assert _same(_cell(level_rows, number, column), shown[key]), (column, shown[key])
    if score is None:
        assert _cell(level_rows, number, "H") == native.WARN_INPUT
        return
    assert _same(_cell(level_rows, number, "H"), score)
    core = cellfuncs.score(target, actual, 10.0, None, judged, "质量指标")
    assert core == score if isinstance(score, float) else core.startswith("⚠")


# (分值, 人工评分, the score shown by hand) beside 部分达成 (mof2020 60–80 %): a 人工评分 is
# judged as the 得分 keeps it, to 2 decimals — 3 × 0.8 computed is 2.4000000000000004, the
# band's top 2.4; 8.004 is 8 (6–8); 8.006 is 8.01, outside
JUDGED_EDGE_ROWS = [
    (3.0, "=G{row}*0.8", 2.4), (3.0, "=G{row}*0.6", 1.8), (9.0, "=G{row}*0.6", 5.4),
    (10.0, 8.004, 8.0), (10.0, 5.996, 6.0), (10.0, 8.006, "⚠ 人工评分应在 6–8 分之间"),
]


def test_a_judged_score_is_judged_at_two_decimals_as_jixiao_judges_it(tmp_path):
    """rt33: the native formulas, their Python twin and JX_SCORE agree on a 人工评分 at a
    band's edge: the twin rejected =G*0.8 at 分值 3 (LibreOffice took it), and all three
    rejected a typed 8.004 that 2 decimals make 8."""
    shown = _rows_shown(tmp_path, [
        {"level2": "质量指标", "weight": weight, "target": "规范", "actual": "部分达成",
         "judged": judged.format(row=FIRST + index) if isinstance(judged, str) else judged}
        for index, (weight, judged, _) in enumerate(JUDGED_EDGE_ROWS)])
    for index, (weight, judged, by_hand) in enumerate(JUDGED_EDGE_ROWS):
        number = FIRST + index
        if isinstance(judged, str):
            judged = weight * float(judged.rsplit("*", 1)[1])  # the formula's float
        assert _same(_cell(shown, number, "H"), by_hand), (index, _cell(shown, number, "H"))
        assert native.row_values("规范", "部分达成", weight, None, judged, "质量指标")["score"] \
            == by_hand
        core = cellfuncs.score("规范", "部分达成", weight, None, judged, "质量指标")
        assert core == by_hand if isinstance(by_hand, float) else "不在 6–8 分之间" in core


def test_a_level_or_better_beside_another_level_word_asks_for_a_level(tmp_path):
    """rt32 r2 Q2: ≥良好 beside 优良 (jixiao: 达成, 10) — JX406 pointed at the 指标值 and said
    to rewrite it as “≥95%”. As beside a plain 良好: choose 达成 in the 完成值's dropdown.
    A level or better the formulas do not read (≥良好水平; ≥良好 in an older template) is
    never to be rewritten: jixiao scores it as it stands."""
    from jixiao.pipeline import check_workbook

    def edit(sheet):
        sheet["E17"], sheet["F17"] = "≥良好", "优良"
        sheet["E21"], sheet["F21"] = "≥合格", "达成"
        sheet["E37"], sheet["F37"] = "≥良好水平", "达成"  # an ending the formulas do not list

    findings = [f"{f.code} {f.severity} {f.cell} {f.message}"
                for f in check_workbook(_native_template(tmp_path, edit)).findings
                if f.code == "JX406"]
    assert findings == [
        "JX406 warning F17 “预算编制规范性”是定性指标，完成值“优良”表格公式不能计分：请在完成值"
        "的下拉框中选择达成、部分达成或未达成，表格即可自行计分；按财政部规则得分为 25（定性指标：达成）",
        "JX406 warning E37 “网络安全防护能力”的指标值“≥良好水平”（该等级及以上）表格公式不能计分，"
        "指标值不必改动，得分由 jixiao check 或加载项模板的 JX_ 函数计算：按财政部规则得分为 30"
        "（定性指标：达成）"]


def test_more_sentence_ends_than_the_formulas_drop_are_no_other_unit():
    """≥95%。。。 beside 96%: the formulas drop two marks, not three, and leave the row to
    jixiao check; JX406 is then to say the 指标值 is written in a way they do not read, not
    that its unit is “%。” and the 完成值 is to be written “96%。” (rt28)."""
    assert native.row_values("≥95%。。。", "96%", 10.0)["score"] == native.WARN_INPUT
    assert native.units_differ("≥95%。。。", "96%") is None
    assert native.unread_sides("≥95%。。。", "96%") == (True, False)
    assert native.units_differ("≥1.2亿元。", "13000万元") == ("亿元", "万元", 1.3)


# ---------------------------------------------------------------- rt28: money cells marked unused

# (全年预算数, 全年执行数) of a 其中 line and its 执行率, by hand: "" an unused line (blank, or
# marked unused: ``parsing.is_placeholder``), a fraction, or ⚠ with what to fix
_MARKS = ["/", "—", "-", "－", "无", "／", "——", " / ", "\u00a0/\u00a0", "N/A", "na", "－－", "—/"]
_NOT_TEXT = "是文字，不是数值：请只填数字（单位已是万元；单元格为文本格式的，改为常规格式后重新输入）"
_NO_BUDGET, _NO_EXECUTED = "⚠ 全年预算数(A)未填写", "⚠ 全年执行数(B)未填写"
MONEY_CELLS = [
    *((mark, mark, "") for mark in _MARKS),
    *((mark, None, "") for mark in _MARKS[:6]), *((None, mark, "") for mark in _MARKS[:6]),
    (None, None, ""), ("/", 30.0, _NO_BUDGET), (30.0, "—", _NO_EXECUTED), (0.0, "无", _NO_EXECUTED),
    (40.0, "30", 0.75), ("1,234.5", 617.25, 0.5), (0.0, 0.0, 0.0),
    ("约50万", "/", f"⚠ 全年预算数(A)“约50万”{_NOT_TEXT}"),
    ("/", "约50万", f"⚠ 全年执行数(B)“约50万”{_NOT_TEXT}"),
    ("/50", "/", f"⚠ 全年预算数(A)“/50”{_NOT_TEXT}"),
    ("30万元", 30.0, f"⚠ 全年预算数(A)“30万元”{_NOT_TEXT}"),
    ("ＮＡ", "\u3000—\u200b", ""), ("无无", "/", f"⚠ 全年预算数(A)“无无”{_NOT_TEXT}"),
    # a soft hyphen, a line break: text the formulas cannot see through (rules.marked_unused)
    ("/\u00ad", "/", f"⚠ 全年预算数(A)“/\u00ad”{_NOT_TEXT}"),
    ("/", "—\n", f"⚠ 全年执行数(B)“—\n”{_NOT_TEXT}"),
]


@pytest.fixture(scope="module")
def money_shown(tmp_path_factory) -> list[list[str]]:
    rows = range(FIRST + 1, FIRST + 1 + len(MONEY_CELLS))
    formulas = native.money_formulas((FIRST, *rows), FIRST, rows[-1] + 2, rows[-1] + 3)
    book = Workbook()
    sheet = book.active
    sheet.title = "money"
    for number, (budget, executed, _) in zip(rows, MONEY_CELLS, strict=True):
        sheet[f"E{number}"], sheet[f"F{number}"] = budget, executed
        sheet[f"H{number}"] = formulas[f"H{number}"]
    path = tmp_path_factory.mktemp("native-money") / "money.xlsx"
    book.save(path)
    return sheets_as_shown(path, path.parent)["money"]


@pytest.mark.parametrize("index", range(len(MONEY_CELLS)))
def test_money_cells_marked_unused_are_read_as_the_core_reads_them(money_shown, index):
    """rt28 e23: “/”, “—”, “－”, “无” … in a money line's cells showed ⚠ “/”是文字 in the native
    template's 执行率; LibreOffice now shows what the core (``rules.template_amounts``, as
    the add-in's JX_RATE, recalc's twin and check read the line) gives: blank for a line
    marked unused, ⚠ for an amount missing or a word."""
    budget, executed, rate = MONEY_CELLS[index]
    assert cellfuncs.rate(budget, executed) == rate
    assert native.money_values([(30.0, 30.0), (budget, executed)], 10.0, [], [])["rates"][1] \
        == rate
    assert _same(_cell(money_shown, FIRST + 1 + index, "H"), rate)


# ---------------------------------------------------------------- rt33: words and 万

# (指标值, 完成值, 人工评分, 评分规则, 二级, what the 得分 cell shows by hand, 是否达成)
WORD_ROWS = [
    ("好", "好", None, "", "质量指标", 10.0, "是"),                    # the same words: 达成
    ("明显改善", "明显改善", None, "", "社会效益指标", 10.0, "是"),
    ("健全", "健 全", None, "", "可持续影响指标", 10.0, "是"),            # spaces dropped
    ("及时", "及时", 9.0, "", "时效指标", 9.0, "是"),                    # 达成 band 8–10
    ("好/较好/一般/差", "好", None, "", "质量指标", 10.0, "是"),         # the scale's top
    ("好/较好/一般/差", "较好", None, "", "质量指标", "⚠ 请在人工评分列填写 6–8 分", "否"),
    ("好/较好/一般/差", "较好", 7.0, "", "质量指标", 7.0, "否"),         # 部分达成 6–8
    ("好/较好/一般/差", "一般", 3.5, "", "质量指标", "⚠ 人工评分应在 6–8 分之间", "否"),
    ("好/较好/一般/差", "差", 3.0, "", "质量指标", 3.0, "否"),           # 未达成 0–6
    ("优、良、中、差", "中", 5.0, "ratio", "质量指标", 5.0, "否"),       # 比例法 部分 5–8
    ("优秀/良好/合格/不合格", "不合格", None, "", "质量指标",
     "⚠ 请在人工评分列填写 0–6 分", "否"),
    # written worst first: the top is the best level, the bad end 未达成 (rt33 r12 g1)
    ("差/中/良/优", "差", None, "", "质量指标", "⚠ 请在人工评分列填写 0–6 分", "否"),
    ("差/中/良/优", "优", None, "", "质量指标", 10.0, "是"),
    ("差/中/良/优", "良", 7.0, "", "质量指标", 7.0, "否"),
    ("良好/优秀", "良好", 7.5, "", "质量指标", 7.5, "否"),
    ("良好/优秀", "优秀", None, "", "质量指标", 10.0, "是"),
    ("≥1.2万人", "11800人", None, "", "数量指标", 9.83, "否"),           # 10 × 11800/12000
    ("≥1.2万人", "12000人", None, "", "数量指标", 10.0, "是"),
    ("≥3000人", "0.3万人", None, "", "数量指标", 10.0, "是"),
    ("≤30万元", "330000元", None, "", "成本指标", 9.0, "否"),            # 10 × (1 − 3/30)
    ("≤30万元", "330000元", None, "ratio", "成本指标", 9.09, "否"),      # 10 × 30/33
    ("≥1万人次", "9000人次", None, "", "社会效益指标", 9.0, "否"),
    # left to jixiao check: a level of its own, no mark between the levels, a level not on
    # the scale, a bare number or another unit beside 万
    ("健全", "基本健全", None, "", "质量指标", WARN, "否"),
    ("规范", "较规范", None, "", "质量指标", WARN, "否"),
    ("较好", "好", None, "", "质量指标", WARN, "是"),
    ("好坏", "好", None, "", "质量指标", WARN, "是"),
    ("好/较好/一般/差", "良好", None, "", "质量指标", WARN, "否"),
    ("好/较好/一般/差", "好/较好/一般/差", None, "", "质量指标", WARN, "未知"),
    ("≥1.2万人", 11800, None, "", "数量指标", WARN, "否"),
    ("≥2万余人", "20000人", None, "", "数量指标", WARN, None),
    ("≥1.2亿元", "13000万元", None, "", "经济效益指标", WARN, "是"),
]


@pytest.fixture(scope="module")
def word_rows(tmp_path_factory) -> list[list[str]]:
    return _rows_shown(tmp_path_factory.mktemp("native-words"), [
        {"target": target, "actual": actual, "weight": 10.0, "judged": judged, "rules": rules,
         "level2": level2} for target, actual, judged, rules, level2, _, _ in WORD_ROWS])


@pytest.mark.parametrize("index", range(len(WORD_ROWS)))
def test_the_same_words_a_level_on_a_scale_and_wan_are_scored_as_jixiao_check_scores_them(
        word_rows, index):
    """rt33: 好 beside 好, 明显改善 beside 明显改善, 好/较好/一般/差 beside 较好, ≥1.2万人 beside
    11800人 showed “⚠ 此写法须用 jixiao check 计分” in the native template (and the 总分 ⚠),
    which jixiao check scores. The formulas now read them as the core does: the same words
    达成 (of ``native.SAME_WORDS``), a scale's first level 达成, its bad end 未达成, another
    部分达成 with the 人工评分 in its band, 万 before the other side's unit × 10,000."""
    target, actual, judged, rules, level2, score, met = WORD_ROWS[index]
    number = FIRST + index
    shown = native.row_values(target, actual, 10.0, rules, judged, level2)
    for column, key in (("H", "score"), ("K", "met_shown"),
                        *zip(native.HELPER_COLUMNS, native.HELPER_KEYS, strict=True)):
        assert _same(_cell(word_rows, number, column), shown[key]), (column, shown[key])
    assert _same(_cell(word_rows, number, "H"), score)
    core = cellfuncs.score(target, actual, 10.0, rules or None, judged, level2)
    if met is not None:
        assert cellfuncs.met(target, actual, level2) == met
    if isinstance(score, float):
        assert core == score
        assert shown["met_shown"] == met
    elif score != WARN:
        assert core.startswith("⚠") and score.split()[-2] in core  # the same band


@pytest.mark.parametrize("level2", [None, "质量指标", "成本指标", "时效指标", "满意度指标",
                                    "社会效益指标", "可持续影响指标"])
def test_every_word_the_formulas_take_as_met_by_itself_is_met_for_the_core(level2):
    """``native.SAME_WORDS``: each beside itself is 达成 (full marks) for the core, under
    any 二级, and a 定性 指标值 to the formulas."""
    wrong = [word for word in native.SAME_WORDS
             if cellfuncs.score(word, word, 10.0, None, None, level2) != 10.0
             or cellfuncs.met(word, word, level2) != "是"
             or native.row_values(word, word, 10.0, None, None, level2)["score"] != 10.0]
    assert not wrong


SCALES = ["好/较好/一般/差", "优/良/中/差", "优、良、中、差", "优秀/良好/合格/不合格", "好/差",
          "优/良/中/低/差", "好/一般/差", "优/良", "好/好/差", "好//差", "合格/不合格", "高/中/低",
          "优秀、良好、一般、较差", "好/较好/一般/差/", "优/良/中/差（选一）", "较好/好/差",
          "差/中/良/优", "不合格/合格/良好/优秀", "良好/优秀", "低/较低/一般/较高/高", "差/较差",
          "坏/好"]
SCALE_ACTUALS = ["好", "较好", "一般", "差", "优", "良", "中", "低", "优秀", "良好", "合格",
                 "不合格", "较差", "高", "较低", "坏", "好/差", "达成", "较好，个别问题待整改", ""]


@pytest.fixture(scope="module")
def scale_grid(tmp_path_factory):
    rows = [(target, actual, judged, rules) for target in SCALES for actual in SCALE_ACTUALS
            for judged, rules in ((None, ""), (7.0, "mof2020"), (5.5, "ratio"))]
    return rows, _rows_shown(tmp_path_factory.mktemp("native-scale-grid"), [
        {"target": target, "actual": actual or None, "weight": 10.0, "judged": judged,
         "rules": rules, "level2": "质量指标"} for target, actual, judged, rules in rows])


def test_every_level_beside_a_scale_shows_the_cores_score_or_a_warning(scale_grid):
    """Every scale above beside every level, three 人工评分/评分规则 each: LibreOffice shows
    what ``row_values`` says; a number only where it is the core's score, a band only
    where it is the core's band."""
    rows, lines = scale_grid
    wrong, scored = [], 0
    for number, (target, actual, judged, rules) in enumerate(rows, start=FIRST):
        shown = native.row_values(target, actual or None, 10.0, rules, judged, "质量指标")
        for column, value in (("H", shown["score"]), ("K", shown["met_shown"]),
                              ("T", shown["level"]), ("U", shown["kind"])):
            if not _same(_cell(lines, number, column), value):
                wrong.append((target, actual, judged, column, _cell(lines, number, column), value))
        if shown["kind"] != "Q":
            continue
        scored += 1
        core = cellfuncs.score(target, actual, 10.0, rules or None, judged, "质量指标")
        met = cellfuncs.met(target, actual, "质量指标")
        same = shown["score"] == core if isinstance(shown["score"], float) else \
            isinstance(core, str) and shown["score"].split()[-2] in core
        if not same or shown["met_shown"] != met:
            wrong.append((target, actual, judged, rules, shown["score"], core, met))
    assert not wrong, wrong[:5]
    assert scored > len(rows) // 8  # most pairs: a level off the scale, or no scale


def test_a_template_with_the_same_words_a_scale_and_wan_totals_as_jixiao_check(tmp_path):
    """The rt33 rows in the native template: LibreOffice scores them and the 总分 as jixiao
    check does, and check asks nothing of them (before: ⚠ in each, no 总分, and JX406 said
    to choose a level or to write the 完成值 in 万人)."""
    from jixiao.pipeline import check_workbook

    def edit(sheet):
        sheet["E13"], sheet["F13"] = "≥1.2万人", "11800人"          # 5 × 11800/12000 = 4.92
        sheet["E17"], sheet["F17"] = "好/较好/一般/差", "较好"        # 部分达成: 15–20 of 25
        sheet["J17"] = 18
        sheet["E21"], sheet["F21"] = "健全", "健全"                  # 20
        sheet["E37"], sheet["F37"] = "明显改善", "明显改善"           # 30
        sheet["E40"], sheet["F40"] = "满意", "满意"                  # 10

    path = _native_template(tmp_path, edit)
    stored, computed = _stored_and_computed(path, tmp_path)
    assert computed[:44] == stored[:44]
    assert [_cell(computed, row, "H") for row in (13, 17, 21, 37, 40, 43, 44)] == [
        "4.92", "18", "20", "30", "10", "92.9", "优"]  # 9.98 + 4.92 + 18 + 20 + 30 + 10
    result = check_workbook(path)
    assert result.tables[0].evaluation.total == 92.9
    assert not [f for f in result.findings if f.code in ("JX406", "JX503", "JX504")]


# ---------------------------------------------------------------- rt34: full-width digits

# 指标值, 完成值, 二级指标 and the score (分值 10) of jixiao check, by hand: digits and a point
# typed in full-width (全角) input mode, as DOMAIN §3 finds them (None: left to jixiao check)
FULL_WIDTH_ROWS = [
    ("≥３０处", "32处", "数量指标", 10.0),
    ("≥１．２万人", "1.15万人", "社会效益指标", 9.58),    # 10 × 1.15/1.2 = 9.583
    ("≥95%", "９６％", "质量指标", 10.0),
    ("≥４次", "４次", "数量指标", 10.0),
    ("≤１００万元", "９８万元", "成本指标", 10.0),
    ("≥９５％", "９０％", "质量指标", 9.47),               # 10 × 90/95 = 9.474
    ("≥９５％。", "９６％。", "质量指标", 10.0),           # a sentence's end after them
    ("≥１，２００人", "1,150人", "数量指标", 9.58),
    ("≥1.2万人", "１１８００人", "数量指标", 9.83),        # 万 beside the unit
    ("≤２小时", "３小时", "时效指标", 5.0),                # 10 × (1 − 1/2)
    ("≥９５％", "-２％", "质量指标", 0.0),                 # below zero
    ("≥９５", "０．９６", "质量指标", 10.0),               # a bare fraction beside ≥95
    ("２０２４年１２月３１日前", "２０２４年１２月２０日", "时效指标", 10.0),
    ("≥３０处", "约３２处", "数量指标", None),             # a 约数: jixiao asks about it
]


@pytest.fixture(scope="module")
def full_width_rows(tmp_path_factory) -> list[list[str]]:
    return _rows_shown(tmp_path_factory.mktemp("native-full-width"), [
        {"level2": level2, "weight": 10.0, "target": target, "actual": actual}
        for target, actual, level2, _ in FULL_WIDTH_ROWS])


@pytest.mark.parametrize("index", range(len(FULL_WIDTH_ROWS)))
def test_full_width_digits_are_scored_as_jixiao_check_scores_them(full_width_rows, index):
    """rt34 F2: “≥３０处” beside 32处, “９６％” showed ⚠ in the native template (and the 总分 ⚠),
    which jixiao check and the add-in template score (the core reads them as ASCII). The
    formulas now read full-width digits and point as their ASCII twins."""
    target, actual, level2, score = FULL_WIDTH_ROWS[index]
    number = FIRST + index
    shown = native.row_values(target, actual, 10.0, None, None, level2)
    for column, key in (("H", "score"), ("K", "met_shown"),
                        *zip(native.HELPER_COLUMNS, native.HELPER_KEYS, strict=True)):
        assert _same(_cell(full_width_rows, number, column), shown[key]), (column, shown[key])
    if score is None:
        assert _cell(full_width_rows, number, "H") == native.WARN_INPUT
        return
    assert float(_cell(full_width_rows, number, "H")) == score
    assert cellfuncs.score(target, actual, 10.0, None, None, level2) == score
    assert _cell(full_width_rows, number, "K") == cellfuncs.met(target, actual, level2)


def test_a_template_with_full_width_digits_totals_as_jixiao_check(tmp_path):
    """rt34 F2 (N1.xlsx): LibreOffice scores the full-width rows and the 总分 as jixiao check
    does, and check asks nothing of them (before: ⚠ in H, no 总分, and JX406 said to write
    them “in the common way (≥95%)” — as they already were, in full-width digits)."""
    from jixiao.pipeline import check_workbook

    def edit(sheet):
        sheet["E13"], sheet["F13"] = "≥３０处", "32处"              # 5
        sheet["E17"], sheet["F17"] = "≥１．２万人", "1.15万人"      # 25 × 1.15/1.2 = 23.96
        sheet["E21"], sheet["F21"] = "≥95%", "９６％"               # 20
        sheet["E37"], sheet["F37"] = "≤１００万元", "９８万元"       # 30

    path = _native_template(tmp_path, edit)
    stored, computed = _stored_and_computed(path, tmp_path)
    assert computed[:44] == stored[:44]
    assert [_cell(computed, row, "H") for row in (13, 17, 21, 37)] == ["5", "23.96", "20", "30"]
    result = check_workbook(path)
    assert _cell(computed, 43, "H") == f"{result.tables[0].evaluation.total:g}"
    assert not [f for f in result.findings if f.code in ("JX406", "JX503", "JX504")]
