"""A 第三方 index system's 评分标准 of percent bands and per-percent deductions, read whole
(parsing.scoring_standard) and applied to a rate (rules.standard_score): every answer here
is worked by hand from the standard's words."""

import pytest

from jixiao.parsing import scoring_standard
from jixiao.rules import standard_score

BANDS = "执行率100%得4分；90%（含）-100%得3分；80%（含）-90%得2分；80%以下不得分"
AT_LEAST = "执行率90%（含）以上得3分，80%（含）-90%得2分，80%以下不得分"
SATISFACTION = "满意度≥95%得6分，每降低1%扣0.5分"
ARRIVED = "到位率100%得3分，每降低1%扣0.1分"


def _score(text, rate, weight):
    standard = scoring_standard(text)
    assert standard is not None, text
    return standard_score(standard, rate, weight)


@pytest.mark.parametrize(("rate", "expected"), [
    (100, 4),     # 100%得4分 says it holds 100; the 90–100 band only implies it
    (99.99, 3),
    (92.5, 3),    # t4: 200 / 185
    (90, 3),      # 90%（含）
    (89.9, 2),
    (80, 2),      # 80%（含）, not 80%以下
    (79.9, 0),
    (0, 0),
])
def test_bands_of_the_rate(rate, expected):
    assert _score(BANDS, rate, 4) == expected


def test_a_rate_no_band_holds_is_not_scored():
    """105 %: above 100%得4分 and the 90–100 band alike — the standard says nothing of it."""
    assert _score(BANDS, 105, 4) is None


@pytest.mark.parametrize(("rate", "expected"), [(100, 3), (90, 3), (85, 2), (80, 2), (75, 0)])
def test_a_band_from_a_rate_upwards(rate, expected):
    """90%（含）以上得3分: 90 and everything above."""
    assert _score(AT_LEAST, rate, 3) == expected


@pytest.mark.parametrize(("rate", "expected"), [
    (100, 6), (95, 6),
    (94, 5.5),     # 1 point below 95: 6 − 0.5
    (92, 4.5),     # 3 below: 6 − 1.5
    (94.5, 5.75),  # half a point below, in proportion: 6 − 0.25
    (80, 0),       # 15 below: 6 − 7.5, never below 0
])
def test_a_deduction_per_percentage_point(rate, expected):
    assert _score(SATISFACTION, rate, 6) == expected


def test_a_deduction_from_full_marks_at_100_percent():
    """到位率 92.5 %: 7.5 points below 100, 3 − 7.5 × 0.1 = 2.25; 资金全部到位 3."""
    assert _score(ARRIVED, 92.5, 3) == 2.25
    assert _score(ARRIVED, 100, 3) == 3


def test_full_marks_in_words():
    """≥95%得满分，每下降1个百分点扣1分 under a 分值 of 10: 93 % is 10 − 2 = 8."""
    assert _score("≥95%得满分，每下降1个百分点扣1分", 93, 10) == 8
    assert _score("≥95%得满分，每下降1个百分点扣1分，扣完为止", 80, 10) == 0


def test_two_bands_meeting_at_an_end_neither_says_it_holds():
    """90%-100%得3分，80%-90%得2分: 90 % is the end of both, neither says (含) — no score;
    95 % is in the one only."""
    assert _score("90%-100%得3分，80%-90%得2分", 90, 3) is None
    assert _score("90%-100%得3分，80%-90%得2分", 95, 3) == 3


@pytest.mark.parametrize("text", [
    "立项依据充分得3分，否则酌情扣分",
    "完成率100%得10分，按比例扣分",
    "按期完成得10分，每延期一个月扣1分",
    "未达到95%不得分",          # the rate short of 95 %, not a band from 95
    "保障水平明显提高得8分，否则酌情扣分",
    "…",
    None,
])
def test_a_standard_read_in_part_is_not_read(text):
    assert scoring_standard(text) is None
