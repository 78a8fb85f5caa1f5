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
        for column, formula in native.row_formulas(number, f"C{number}", f"L{number}").items():
            sheet[f"{column}{number}"] = formula
    path = tmp_path_factory.mktemp("native") / "native.xlsx"
    book.save(path)
    return rows, sheets_as_shown(path, path.parent)["rows"]


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
           "TRIM", "TEXT", "EXACT", "CHAR", "SUM", "COUNT", "COUNTIF"}


@pytest.fixture(scope="module")
def native_filled(tmp_path_factory):
    from jixiao.samples import sample
    from jixiao.template.build import build_template

    table = sample("putuo-1")
    table.indicators[0].actual = "92%"                      # ≥90% met
    table.indicators[1].actual = "部分达成"                  # judged 20 of 25
    table.indicators[1].judged = 18.0
    table.indicators[2].target, table.indicators[2].actual = "＜ 24 小时", "24 小时"  # strict
    table.indicators[3].target = "稳步提升到约 9 成"           # ⚠: an approximate number, no score
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
    used = {name.upper() for text in formulas for name in re.findall(r"([A-Za-z_.]+)\(", text)}
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
