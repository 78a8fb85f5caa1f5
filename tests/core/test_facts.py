"""Each domain fact has one home with a name, and a second copy of it fails here.

The tolerance, the grades, the directions (成本 means ≤), percent normalisation,
the text normalisers and the 10.0 → "10" text each live once; these tests look
for copies in the source and ask every user of a fact the same questions.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from jixiao import cellfuncs, native, rules
from jixiao.model import Indicator, default_operator, plain_text, score_indicator
from jixiao.parsing import compact_text, is_placeholder, normalize_text, parse_measure
from jixiao.units import comparable, fraction_as_percent

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted(p for folder in ("jixiao", "udfs", "addin") for p in (ROOT / folder).rglob("*.py"))


def _code_lines(path: Path) -> list[tuple[int, str]]:
    """(number, line) of the source without comments (docstrings stay: they are short)."""
    return [(number, line.split("#")[0]) for number, line in
            enumerate(path.read_text(encoding="utf-8").splitlines(), 1)]


def _hits(pattern: str, *, allowed: tuple[str, ...]) -> list[str]:
    regex = re.compile(pattern)
    return [f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
            for path in SOURCES if str(path.relative_to(ROOT)) not in allowed
            for number, line in _code_lines(path) if regex.search(line)]


# ---------------------------------------------------------------- TOLERANCE

def test_the_tolerance_is_written_once():
    assert rules.TOLERANCE == 0.005 == rules.SCORE_STEP / 2
    assert _hits(r"(?<![\d.])0\.005(?!\d)", allowed=("jixiao/rules.py",)) == []


# ---------------------------------------------------------------- grades

def test_grades_are_listed_once():
    # the top grades as string literals ("优", '良') outside the home (sample data aside;
    # 中 and 差 are words of other things too)
    assert _hits(r"""["'](优|良)["']""", allowed=("jixiao/rules.py", "jixiao/samples.py")) == []
    assert rules.GRADE_NAMES == ("优", "良", "中", "差")


@pytest.mark.parametrize("total", [100, 90, 89.995, 89.994, 80, 79.99, 60, 59.995, 59.994, 0])
def test_every_user_of_the_grades_agrees(total):
    expected = rules.grade(total)
    assert cellfuncs.grade(total) == expected
    assert native.money_values([(100.0, 100.0)], 10.0, [total - 10], [90.0])["grade"] == expected


def test_the_native_grade_formula_is_built_from_the_grades():
    formula = native.money_formulas((5,), 10, 21, 22)["H22"]
    for grade in rules.GRADES[:-1]:
        assert f'>={grade.floor:g},"{grade.name}"' in formula
    assert f'"{rules.GRADES[-1].name}"' in formula


@pytest.mark.parametrize(("written", "grade"), [
    ("优", "优"), ("优秀", "优"), ("优等", "优"), ("良好", "良"), ("较好", "良"), ("合格", "中"),
    ("一般", "中"),
    ("较差", "差"), ("不合格", "差"), ("差级", "差"), ("甲", None), (90, None)])
def test_grade_name_reads_the_words_of_the_grades(written, grade):
    assert rules.grade_name(written) == grade


@pytest.mark.parametrize(("grade", "written", "named"), [
    ("优", "良好", "优秀"), ("良", "合格", "良好"), ("中", "优秀等次", "合格"), ("差", "合格", "不合格"),
    ("优", "良", "优"), ("良", "中等", "良"), ("良", "较好", "良"), ("优", None, "优"),
    ("优", "√良好 □优秀", "优")])  # a tick box names its own words: the grade names
def test_a_grade_is_named_in_the_scale_the_table_writes(grade, written, named):
    """96 graded 良好 on a table of 优秀/良好/合格/不合格 should be 优秀, not 优 (rt29 tp08b);
    the scale's names are the grades' own (``Grade.scaled``), of the same floors."""
    assert rules.grade_as_written(grade, written) == named
    assert [item.scaled for item in rules.GRADES] == ["优秀", "良好", "合格", "不合格"]


# ---------------------------------------------------------------- directions

_DIRECTION_CASES = [  # (二级指标, target, actual): the target has no ≥/≤ (＝ says no more)
    ("成本指标", "30 万元", "33 万元"),
    ("成本指标", "＝60万元", "57万元"),     # 一体化's 指标性质 ＝: still the ceiling
    ("成本指标", "=60万元", "66万元"),
    ("时效指标", "＝5个工作日", "3个工作日"),
    ("数量指标", "＝1000人", "980人"),      # a goal's ＝ stays a goal
    ("成本指标", "30", 29),
    ("经济成本指标", "100", 120),
    ("数量指标", "30", 33),
    ("数量指标", "100", 90),
    (None, "100", 120),
    ("", "5", 6),
    ("时效指标", "5个工作日", "3个工作日"),  # the time allowed: a ceiling
    ("时效指标", "2小时", "3小时"),
    ("时效指标", "2h", "1h"),
    ("时效指标", "100%", "95%"),            # a rate under 时效: a goal
    ("数量指标", "40小时", "30小时"),        # hours of training: a goal
]


def test_direction_is_the_one_rule_of_costs():
    assert rules.direction("成本指标") is rules.Direction.CEILING
    assert rules.direction("质量指标") is rules.Direction.GOAL
    assert rules.direction(None) is rules.Direction.GOAL
    assert rules.direction(3.0) is rules.Direction.GOAL
    assert rules.direction("时效指标", "5个工作日") is rules.Direction.CEILING
    assert rules.direction("时效指标", "15日") is rules.Direction.CEILING
    assert rules.direction("时效指标", "100%") is rules.Direction.GOAL
    assert rules.direction("时效指标") is rules.Direction.GOAL
    assert rules.direction("数量指标", "40小时") is rules.Direction.GOAL
    # "成本" in …: a second reading of costs (the template's list of 二级 words is no rule)
    assert _hits(r"""["']成本["']\s+(not\s+)?in\b|SEARCH\(["']成本""",
                 allowed=("jixiao/rules.py",)) == []


@pytest.mark.parametrize(("level2", "target", "actual"), _DIRECTION_CASES)
def test_every_user_of_the_direction_agrees(level2, target, actual):
    """The model, the JX_ functions and the native formulas read a bare target alike."""
    op = rules.direction(level2, target).value
    indicator = Indicator("产出指标", level2, "x", target, actual, 10.0)
    assert default_operator(indicator) == op
    met = rules.is_met(target, actual, default_op=op)
    assert cellfuncs.met(target, actual, level2) == cellfuncs.MET_TEXT[met]
    model_score = score_indicator(indicator).value
    assert cellfuncs.score(target, actual, 10.0, None, None, level2) == model_score
    shown = native.row_values(target, actual, 10.0, None, None, level2)
    assert shown["eop"] == op  # (个工作日 too: a duration, scored by the native formulas)
    assert shown["score"] == model_score
    assert shown["met_shown"] == cellfuncs.MET_TEXT[met]


# ---------------------------------------------------------------- percent normalisation

def test_bare_fractions_are_read_as_percent_in_one_place():
    assert fraction_as_percent(0.95) == 95.0
    assert fraction_as_percent(0.95, 90.0) == 95.0
    assert fraction_as_percent(99.8, 90.0) == 99.8
    assert fraction_as_percent(0.8, 0.5) == 0.8  # beside 0.5 %, 0.8 is 0.8 %
    assert fraction_as_percent(-0.5) == -0.5
    # a second copy: a bound "<= 1" (or "0 < x <= 1.0") and a "* 100" on one line
    copies = _hits(r"<=\s*1(\.0)?\b.*\*\s*100|\*\s*100\b.*<=\s*1(\.0)?\b",
                   allowed=("jixiao/units.py",))
    assert [hit.partition(":")[0] for hit in copies] == ["jixiao/native.py"]  # as a formula


@pytest.mark.parametrize(("goal", "bare", "pair", "points"), [
    ("≥90", 0.95, (90.0, 95.0), 10.0),  # a 合格率's % left off both sides: 0.95 is 95
    ("≥90", 0.85, (90.0, 85.0), 9.44),  # 10 × 85 ÷ 90
    ("≥90", 95, (90.0, 95.0), 10.0),
    ("0.9", 95, (90.0, 95.0), 10.0),    # the fraction on the target's side
    ("≥2", 0.5, (2.0, 0.5), 2.5),       # a small count keeps its reading
    ("≥90", 0.3, (90.0, 0.3), 0.03),    # 30 is not within half of 90: left as written
    ("≥120", 0.95, (120.0, 0.95), 0.08),  # no rate's 50–100
])
def test_a_bare_fraction_beside_a_bare_rate_is_its_percent(goal, bare, pair, points):
    """rt15 L5: ≥90 (% left off) beside a General-format 0.95 scored 0.11 of 10 points."""
    assert comparable(parse_measure(goal), parse_measure(bare)) == pair
    shown = native.row_values(goal, bare, 10.0)
    assert (shown["goal"], shown["done"]) == pair
    assert rules.indicator_score(goal, bare, 10.0).value == shown["score"] == points


@pytest.mark.parametrize("bare", [0, 0.5, 0.95, 1, 1.5, 95, 99.8])
@pytest.mark.parametrize("goal", ["≥0.5%", "≥90%", "≥95%", "≤100%"])
def test_the_rules_and_the_native_formulas_read_a_bare_actual_alike(bare, goal):
    target = parse_measure(goal)
    pair = comparable(target, parse_measure(bare))
    assert pair is not None
    shown = native.row_values(goal, bare, 10.0)
    assert (shown["goal"], shown["done"]) == (pair[0], max(pair[1], 0.0))


# ---------------------------------------------------------------- text

def test_cell_text_has_one_normaliser():
    assert compact_text(" 三级\u3000指标\n（A） ") == "三级指标(A)"
    assert compact_text(None) == "" and compact_text(10) == "10"
    assert normalize_text("执行率 (%)") == "执行率%"
    assert rules.rule_name(" 四 川 ") == "sichuan"
    assert _hits(r"NFKC", allowed=("jixiao/parsing.py",)) == []


def test_a_whole_float_is_shown_without_decimals_in_one_place():
    assert plain_text(10.0) == "10" and plain_text(None) == "" and plain_text(" a ") == " a "
    # "10.0 → '10'": a float's is_integer() turned into str(int(…)) (the xlsx writer's
    # number text, the year reader and the .xls/.ods cell source giving a whole number as
    # the int an .xlsx's gives are other rules)
    assert _hits(r"is_integer\(\)", allowed=("jixiao/model.py", "jixiao/xlsx/writeback.py",
                                             "jixiao/read/by_names.py",
                                             "jixiao/xlsx/foreign.py")) == []
    assert _hits(r"str\(int\(", allowed=("jixiao/model.py", "jixiao/xlsx/writeback.py")) == []


# ---------------------------------------------------------------- part of the year (rt32)

# (words, in a header, in a name or value): whether they name a part of the year. Every
# month's range but 1-12月 (7-12月 is the second half), every quarter's but 1-4, 截至 any
# month but 12月; a header may name the part by its length alone (半年完成值, 季度执行数),
# where a name's or value's 半年 and 季度 are a length or a frequency (每半年1期).
PART_OF_YEAR_WORDS = [
    ("1-6月", True, True), ("1—6月", True, True), ("1–6月", True, True), ("1～9月", True, True),
    ("1至9月", True, True), ("1月至9月", True, True), ("1-9月份", True, True),
    ("2024年1-6月", True, True), ("一至九月", True, True), ("1-11月", True, True),
    ("7-12月", True, True), ("10-12月", True, True), ("2-6月", True, True),
    ("前三季度", True, True), ("前两个季度", True, True), ("第三季度", True, True),
    ("三季度", True, True), ("第四季度", True, True), ("1-3季度", True, True),
    ("第一季度至第三季度", True, True), ("上半年", True, True), ("下半年", True, True),
    ("年中", True, True), ("截至6月底", True, True), ("截至9月", True, True),
    ("截止6月", True, True), ("截止2024年6月30日", True, True), ("截至2024年9月30日", True, True),
    ("半年", True, False), ("季度", True, False),
    ("1-12月", False, False), ("1—12月", False, False), ("1至12月", False, False),
    ("1月至12月", False, False), ("一至十二月", False, False), ("1-4季度", False, False),
    ("一至四季度", False, False), ("第一季度至第四季度", False, False), ("截至12月31日", False, False),
    ("截止2024年12月31日", False, False), ("截至12月底", False, False), ("截至十二月底", False, False),
    ("全年", False, False), ("年度", False, False), ("本年", False, False), ("当年", False, False),
    ("每季度1次", False, False), ("每半年1期", False, False), ("半年一次", None, False),
    ("当年中央资金执行率", None, False), ("2024年中央资金", None, False), ("年中期评估", None, False),
]


@pytest.mark.parametrize(("words", "header", "name"), PART_OF_YEAR_WORDS)
def test_the_part_of_the_year_is_read_in_one_place(words, header, name):
    from jixiao.parsing import names_part_of_year

    assert names_part_of_year(words) is name
    if header is not None:
        assert names_part_of_year(words + "完成值", header=True) is header


@pytest.mark.parametrize(("name", "year"), [
    ("当年中央资金执行率", True),  # 当年中央: no 年中 (before: a mid-year rate, not compared)
    ("1—6月预算执行率", False), ("截止6月底预算执行率", False), ("预算执行率", True)])
def test_the_years_budget_rate_is_told_by_the_same_words(name, year):
    from jixiao.levels import is_budget_rate_name

    assert is_budget_rate_name(name) is year


@pytest.mark.parametrize(("name", "target", "year"), [
    ("支出进度", "截止6月底达到50%", False), ("支出进度", "1—6月≥50%", False),
    ("支出进度", "截至12月底达到100%", True)])
def test_the_years_money_rate_is_told_by_the_same_words(name, target, year):
    from jixiao.levels import states_money_rate

    assert states_money_rate(name, target) is year


def test_the_words_of_a_part_of_the_year_are_written_once():
    assert _hits(r"_PART_OF_YEAR\s*=|re\.compile\(.*(?:上半年|前三季度|截\[至止\])",
                 allowed=("jixiao/parsing.py",)) == []


# ---------------------------------------------------------------- Score carries its level

@pytest.mark.parametrize(("target", "actual", "level", "name"), [
    ("达成", "部分达成", "partial", "部分达成"),
    ("达成", "未达成", "not", "未达成"),
    ("达成", "达成", "achieved", "达成"),
    ("2024年12月31日前", "2024年12月20日", "achieved", "按时完成"),
    ("2024年6月底前", "2024年8月", "partial", "逾期完成"),
    ("2024年6月底前", "2024年8月尚未完成", "not", "未完成"),
])
def test_a_qualitative_score_carries_its_level(target, actual, level, name):
    score = rules.indicator_score(target, actual, 10.0)
    assert (score.level, score.level_name) == (level, name)
    assert score.band is not None


def test_a_quantitative_score_has_no_level():
    assert rules.indicator_score("≥90%", "95%", 10.0).level is None


def test_no_check_reads_a_level_back_out_of_a_note():
    assert _hits(r"note\.split|removeprefix\(\"定性指标", allowed=()) == []


# ---------------------------------------------------------------- one exception tree

def test_every_error_a_user_may_see_is_defined_in_errors():
    """A JixiaoError subclass lives in errors.py; other exception classes are private
    signals inside one module (a leading underscore, or caught where raised)."""
    user_errors = _hits(r"^\s*class \w+\((\w+\.)?(JixiaoError|UnreadableWorkbook|"
                        r"NotASelfEvaluation|UnknownRuleSet|ScoreInputError|OutputError|"
                        r"UsageError|NoExcel|TimedOut)\)", allowed=("jixiao/errors.py",))
    assert user_errors == []


def test_the_same_mistake_reads_alike_everywhere():
    from jixiao import errors

    assert str(errors.missing_file("甲.xlsx")) == "找不到文件“甲.xlsx”"
    assert isinstance(errors.wrong_suffix("甲.txt"), errors.OutputError)
    assert _hits(r"找不到文件“|须以 \.xlsx 结尾", allowed=("jixiao/errors.py",)) == []



# ---------------------------------------------------------------- rule-set names

def test_rule_set_names_are_read_in_one_place():
    # rules.rule_name reads a person's words; nobody else compares with a name or a word
    # (a RuleSet's reverse formula and a table's layout have names of their own)
    assert _hits(r"""(?<!reverse )(?<!layout )[=!]=\s*["'](ratio|sichuan|mof2020)["']"""
                 r"""|["'](四川|比例)["']\s+in\b""",
                 allowed=("jixiao/rules.py",)) == []


def test_the_native_formulas_take_their_names_and_shares_from_the_rule_sets():
    for name in rules.RULE_SETS:
        assert name in native.WARN_RULES
        assert native.row_values("≥90%", "95%", 10.0, name)["kind"] == "N"
    assert native.row_values("≥90%", "95%", 10.0, "nosuch")["kind"] == native.WARN_RULES
    for name, ruleset in rules.RULE_SETS.items():
        for level, words in (("partial", "部分达成"), ("not", "未达成")):
            for judged in ruleset.bands[level]:
                expected = rules.indicator_score("达成", words, 10.0, name, judged * 10).value
                assert native.row_values("达成", words, 10.0, name, judged * 10)["score"] == expected


# ---------------------------------------------------------------- placeholders (rt23)

@pytest.mark.parametrize("mark", ["/", "／", "—", "——", "-", "－", "–", "\u2011", "无", "N/A", "na",
                                  " / ", "", None])
def test_every_user_of_the_placeholder_takes_an_unused_row_alike(mark):
    """The reader, the JX_ functions and the native formulas' twin: one notion (parsing)."""
    from jixiao.read.roles import is_placeholder as read_placeholder

    assert is_placeholder(mark) and read_placeholder(mark)
    assert cellfuncs.score(mark, mark, cellfuncs.points(mark)) == ""
    assert cellfuncs.met(mark, mark) == ""
    assert native.unused_row(mark, mark, mark) and native.row_values(mark, mark, mark)["score"] == ""


@pytest.mark.parametrize("value", ["无效", "5", 0, 5.0, "N/A/", "/无", "—5", "达成"])
def test_a_value_is_no_placeholder_for_any_of_them(value):
    assert not is_placeholder(value)
    assert not native.unused_row(value, value, 5.0) and not cellfuncs.unused_row(value, value, 5.0)


def test_each_reading_is_written_once_in_the_readings_document():
    """docs/readings.md is where a reviewer looks up how a layout is read: a reading amended by
    a later round replaces its line. Two lines opening alike (an old and a new version kept
    side by side after a merge) tell the reader two different things, as 效果较好 did."""
    openings: dict[str, int] = {}
    twice = []
    lines = (ROOT / "docs" / "readings.md").read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, 1):
        if line.startswith("- ") and len(line) > 60:
            if line[:40] in openings:
                twice.append(f"lines {openings[line[:40]]} and {number}: {line[:40]}")
            openings.setdefault(line[:40], number)
    assert not twice
