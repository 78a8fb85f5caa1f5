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
from jixiao.model import Indicator, default_operator, score_indicator

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
    formula = native.money_formulas((5,), 10, 20, 21, 22)["H22"]
    for grade in rules.GRADES[:-1]:
        assert f'>={grade.floor:g},"{grade.name}"' in formula
    assert f'"{rules.GRADES[-1].name}"' in formula


@pytest.mark.parametrize(("written", "grade"), [
    ("优", "优"), ("优秀", "优"), ("优等", "优"), ("良好", "良"), ("合格", "中"), ("一般", "中"),
    ("较差", "差"), ("不合格", "差"), ("差级", "差"), ("甲", None), (90, None)])
def test_grade_name_reads_the_words_of_the_grades(written, grade):
    assert rules.grade_name(written) == grade


# ---------------------------------------------------------------- directions

_DIRECTION_CASES = [  # (二级指标, target, actual): the target has no ≥/≤
    ("成本指标", "30 万元", "33 万元"),
    ("成本指标", "30", 29),
    ("经济成本指标", "100", 120),
    ("数量指标", "30", 33),
    ("数量指标", "100", 90),
    (None, "100", 120),
    ("", "5", 6),
]


def test_direction_is_the_one_rule_of_costs():
    assert rules.direction("成本指标") is rules.Direction.CEILING
    assert rules.direction("质量指标") is rules.Direction.GOAL
    assert rules.direction(None) is rules.Direction.GOAL
    assert rules.direction(3.0) is rules.Direction.GOAL
    # "成本" in …: a second reading of costs (the template's list of 二级 words is no rule)
    assert _hits(r"""["']成本["']\s+(not\s+)?in\b|SEARCH\(["']成本""",
                 allowed=("jixiao/rules.py",)) == []


@pytest.mark.parametrize(("level2", "target", "actual"), _DIRECTION_CASES)
def test_every_user_of_the_direction_agrees(level2, target, actual):
    """The model, the JX_ functions and the native formulas read a bare target alike."""
    op = rules.direction(level2).value
    indicator = Indicator("产出指标", level2, "x", target, actual, 10.0)
    assert default_operator(indicator) == op
    met = rules.is_met(target, actual, default_op=op)
    assert cellfuncs.met(target, actual, level2) == cellfuncs.MET_TEXT[met]
    model_score = score_indicator(indicator).value
    assert cellfuncs.score(target, actual, 10.0, None, None, level2) == model_score
    shown = native.row_values(target, actual, 10.0, None, None, level2)
    assert shown["eop"] == op
    assert shown["score"] == model_score
    assert shown["met_shown"] == cellfuncs.MET_TEXT[met]
