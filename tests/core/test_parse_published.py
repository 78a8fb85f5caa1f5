"""指标值/完成值 as published tables print them, read as a person reads them: signs a
PDF export prints as look-alikes (═100%), standards per unit written with 每 before the
number (每亩300元), periods (2024年1月至12月), grading scales as 定性 targets (优良中低差)."""

import pytest

from jixiao import cellfuncs
from jixiao.parsing import parse_measure
from jixiao.rules import indicator_score

# ------------------------------------------------ look-alike signs


@pytest.mark.parametrize(("text", "op"), [
    ("═100%", "="), ("꞊100%", "="), ("≧100%", ">="), ("≽100%", ">="), ("⩾100%", ">="),
    ("≦100%", "<="), ("≼100%", "<="), ("⋜100%", "<="), ("﹦100%", "=")])
def test_a_look_alike_sign_is_the_sign(text, op):
    """公开14表 exports print = as ═ (a box-drawing line): read as = (before: JX203, no
    score), as ≧ and ﹦ already were."""
    measure = parse_measure(text)
    assert (measure.kind, measure.op, measure.value, measure.unit) == ("number", op, 100.0, "%")


def test_a_look_alike_sign_scores_as_the_sign():
    assert cellfuncs.score("═100%", "98%", 10) == 9.8
    assert cellfuncs.score("═100%", "100%", 10) == 10.0
    assert cellfuncs.score("≧90%且≦100%", "95%", 10) == 10.0  # a range in look-alikes
    assert indicator_score("═0起", "1起", 10).value == 0.0  # a miss still loses its points
    assert parse_measure("≠100%").kind == "unparsed"  # OCR damage stays flagged
