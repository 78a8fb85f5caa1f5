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


# rt31 r1 b1/b2: a rate computed in floating point sits on a band's edge as written
RATE_BANDS = "执行率95%（含）以上得10分；90%（含）-95%得8分；80%（含）-90%得5分；80%以下不得分"


@pytest.mark.parametrize(("spent", "budget", "expected"), [
    (46.8, 52, 8),       # 46.8 / 52 × 100 = 89.99999999999999 in binary: 90 %, 90%（含）
    (21.47, 22.6, 10),   # 94.99999999999999: 95 %, 95%（含）以上
    (218.5, 230, 10),    # 95.0 exactly
    (46.7, 52, 5),       # 89.81 %: below 90
])
def test_a_rate_on_a_band_edge_in_floating_point_is_the_edge(spent, budget, expected):
    assert _score(RATE_BANDS, spent / budget * 100, 10) == expected


def test_a_deduction_from_a_rate_on_the_edge_in_floating_point():
    """≥90%得8分，每降低1%扣0.5分 at 46.8 / 52: 90 %, the full 8 (not 8 − 0.0000…)."""
    assert _score("满意度≥90%得8分，每降低1%扣0.5分", 46.8 / 52 * 100, 8) == 8


# rt31 r1 g1–g10, a4: common wordings of one standard (满意度 at 88 %, 分值 8, full at 90 %)
@pytest.mark.parametrize(("text", "expected"), [
    ("满意度达到90%以上得满分，每降低1个百分点扣0.5分", 7),   # g1: 8 − 2 × 0.5
    ("满意度≥90%，得8分；每降低1%，扣0.5分", 7),              # g2: a comma before the points
    ("满意度90%以上得满分，80-90%得5分，80%以下不得分", 5),    # g3: % only after 90
    ("满意度≥90%的得8分；满意度在80%-90%之间的得5分；80%以下不得分", 5),  # g4: 在…之间
    ("满意度≥90%得满分；85%≤满意度<90%得5分；满意度<85%不得分", 5),  # g5: written inequality
    ("满意度90%（含）以上得满分，80%（含）-90%（不含）得5分，80%以下不得分。", 5),  # g6
    ("1.满意度≥90%得8分；2.80%≤满意度<90%得5分；3.满意度<80%不得分", 5),  # g7: numbered
    ("满意度大于等于90%得满分，每降低1%扣0.5分", 7),           # g8
    ("满意度≥90%得满分；每低1个百分点扣0.5分，扣完为止", 7),   # g9
    ("满意度≥90%得满分、每降低1%扣0.5分", 7),                 # g10: 、 between clauses
    ("满意度≥90%得8分；85%≤满意度<90%得5分；满意度<85%不得分", 5),  # a4
])
def test_common_wordings_of_bands(text, expected):
    assert _score(text, 88, 8) == expected


@pytest.mark.parametrize(("rate", "expected"), [(90, 8), (89.9, 5), (85, 5), (84.9, 0), (100, 8)])
def test_a_written_inequality_holds_its_ends_as_written(rate, expected):
    """85%≤满意度<90%: 85 in, 90 out (the band above holds it)."""
    assert _score("满意度≥90%得8分；85%≤满意度<90%得5分；满意度<85%不得分", rate, 8) == expected


def test_a_written_inequality_the_other_way_round():
    """90%>满意度≥85%得5分 is 85%≤满意度<90%得5分."""
    text = "满意度≥90%得8分；90%>满意度≥85%得5分；满意度<85%不得分"
    assert [_score(text, rate, 8) for rate in (90, 88, 85, 84)] == [8, 5, 5, 0]


def test_达到_with_以上_holds_its_value():
    """达到90%以上: 90 reached is in — full marks at 90 beside 80-90%得5分."""
    assert _score("满意度达到90%以上得满分，80%-90%得5分", 90, 8) == 8


def test_an_end_neither_band_says_it_holds_stays_unread():
    """g3 at 90 %: 90%以上 and 80-90% both end at 90, neither says (含) — no score; the
    rules score the row (as before)."""
    assert _score("满意度90%以上得满分，80-90%得5分，80%以下不得分", 90, 8) is None


def test_decimals_or_numbering_both_sound_is_not_read():
    """1.5%以下得10分；2.5%以上不得分: 1.5 % and 2.5 % (2 % in no band), or clauses numbered
    1 and 2 of 5 % (5%以下得10分；5%以上不得分) — each reading a sound standard, which one
    the evaluator meant is unsure: not read, the rules score the row (rt31 r11)."""
    assert scoring_standard("1.5%以下得10分；2.5%以上不得分") is None


@pytest.mark.parametrize("text", [
    "满意度90得满分",                       # no percent at all
    "满意度80-90得5分",                     # no percent at all
    "满意度≥90%，否则酌情扣分",             # a comma before no points
    "85%≤满意度得5分",                      # one side of an inequality
    "满意度>90%以上得满分",                 # ＞ and 以上 together: 90 in or not, unsaid
    "1.满意度≥90%得满分",                   # one clause numbered: perhaps 1.满意度
])
def test_wordings_still_not_read(text):
    assert scoring_standard(text) is None


# rt31 r11 e10, e7: stacked lower bounds, the highest reached sets the score
CUMULATIVE_RATE = "执行率≥95%得4分；≥90%得3分；≥80%得2分；80%以下不得分"
CUMULATIVE_PASSED = "合格率≥98%得10分；≥95%得8分；≥90%得6分；90%以下不得分"


@pytest.mark.parametrize(("rate", "expected"), [
    (100, 4), (96, 4), (95, 4),
    (92.5, 3),    # e10: ≥90% and ≥80% both reached, ≥90% the higher: 3 (not None → 3.7)
    (90, 3), (85, 2), (80, 2),
    (79.9, 0),    # 80%以下 alone
])
def test_stacked_lower_bounds_of_the_rate(rate, expected):
    assert _score(CUMULATIVE_RATE, rate, 4) == expected


@pytest.mark.parametrize(("rate", "expected"), [(100, 10), (98, 10), (96, 8), (95, 8), (91, 6),
                                                (89, 0)])
def test_stacked_lower_bounds_of_a_pass_rate(rate, expected):
    """e7: 96 % reaches ≥95% and ≥90%, not ≥98%: 8 (not the rules' 9.6)."""
    assert _score(CUMULATIVE_PASSED, rate, 10) == expected


@pytest.mark.parametrize(("rate", "expected"), [(3, 10), (5, 10), (6, 6), (8, 6), (9, 0)])
def test_stacked_upper_bounds_of_a_ceiling(rate, expected):
    """返工率≤5%得10分；≤8%得6分；8%以上不得分: 3 % is under both, the lower 5 sets 10; 8 %
    is ≤8% (said) and the 8%以上 only implied: 6."""
    assert _score("返工率≤5%得10分；≤8%得6分；8%以上不得分", rate, 10) == expected


@pytest.mark.parametrize("text", [
    "执行率≥90%得2分；≥80%得3分",               # more points for the lower bound: no ladder
    "执行率≥95%得4分；≥90%得3分；85%-100%得2分",  # a band across the ladder
    "执行率≥95%得4分；≥90%得3分；≥90%得2分",     # one bound, two scores
])
def test_stacked_bounds_not_consistent_are_not_scored(text):
    """96 % is in several bands that do not fall with their bound: no score from them."""
    assert _score(text, 96, 4) is None


# rt31 r11 e1, e2: clauses numbered 1. 2. 3. with a digit right after the number
NUMBERED_100 = "1.100%得10分；2.90%（含）-100%得8分；3.90%以下不得分"
NUMBERED_95 = "1.95%以上得10分；2.90%（含）-95%得8分；3.90%以下不得分"


@pytest.mark.parametrize(("text", "rate", "expected"), [
    (NUMBERED_100, 100, 10),  # e1: 100%得10分 (read as 1.1 %: 8, a false JX404)
    (NUMBERED_100, 95, 8),
    (NUMBERED_100, 90, 8),
    (NUMBERED_100, 89, 0),
    (NUMBERED_95, 93, 8),     # e2: 90%（含）-95% (read as 1.95%以上 … : no score, the rules' 9.3)
    (NUMBERED_95, 96, 10),
    (NUMBERED_95, 89, 0),
    # numbered 1、 2、: no decimal to mistake
    ("1、95%以上得10分；2、90%（含）-95%得8分；3、90%以下不得分", 93, 8),
])
def test_numbered_clauses_with_a_digit_after_the_number(text, rate, expected):
    """Read as decimals (1.1%得10分；2.9%（含）-100%得8分；3.9%以下不得分) 3 % would be in two
    bands of 8 and 0 points — the numbering, a sound standard, is the reading."""
    assert _score(text, rate, 10) == expected


# rt31 r11 e3: one standard of two measures
def test_two_measures_adding_up_to_the_points_are_not_bands():
    """完成率≥90%得5分，验收合格率≥95%得5分 under 分值 10: 5 + 5 = 10 of two measures, not
    bands of one rate — 99 % scores no 5 from it (the rules score the row)."""
    assert _score("完成率≥90%得5分，验收合格率≥95%得5分", 99, 10) is None


def test_bands_of_one_measure_adding_up_to_the_points_are_bands():
    """满意度≥90%得6分；满意度80%（含）-90%得4分 under 分值 10: 6 + 4 = 10, but one measure: 85 % is 4."""
    assert _score("满意度≥90%得6分；满意度80%（含）-90%得4分", 85, 10) == 4


@pytest.mark.parametrize(("text", "rises", "falls"), [
    ("差错率≤1%得10分；≤2%得6分；≤3%得3分；3%以上不得分", False, True),
    ("差错率≤0.5%得10分；0.5%-1.0%得6分；1.0%以上不得分", False, True),
    ("满意度≥95%得6分，每降低1%扣0.5分", True, False),
    ("执行率100%得4分；90%（含）-100%得3分；80%以下不得分", True, False),
    ("≤1%得满分，每降低1%扣1分", False, False),  # a ceiling's full marks, a rate to reach's step
])
def test_which_way_a_standard_runs(text, rises, falls):
    """A rate to reach (its most points from a lower end) or to stay under (up to an upper
    end only): ``model._own_rate`` scores a ceiling row only by the second."""
    standard = scoring_standard(text)
    assert (standard.rises(), standard.falls()) == (rises, falls)


# rt33 r1 c1: a standard written for more points than the row's 分值 (copied from a
# 10-point template onto a 5-point row) is scaled to the 分值, not capped at it
TEN_POINT_CEILINGS = "差错率≤1%得10分；≤2%得6分；2%以上不得分"
TEN_POINT_RISE = "满意度≥95%得10分；≥90%得6分；90%以下不得分"


@pytest.mark.parametrize(("text", "rate", "expected"), [
    (TEN_POINT_CEILINGS, 1.5, 3),    # ≤2%: 6 of 10, × 5 ÷ 10 = 3 (the cap said 5)
    (TEN_POINT_CEILINGS, 0.8, 5),    # ≤1%: 10 of 10, the full 5
    (TEN_POINT_CEILINGS, 2.5, 0),
    (TEN_POINT_RISE, 92, 3),         # ≥90%: 6 of 10 → 3 (the cap said 5)
    (TEN_POINT_RISE, 96, 5),
    ("满意度≥95%得10分，每降低1%扣1分", 93, 4),  # 10 − 2 × 1 = 8 of 10 → 4
])
def test_a_standard_written_for_more_points_is_scaled_to_the_weight(text, rate, expected):
    assert _score(text, rate, 5) == expected


def test_full_marks_in_words_beside_more_points_than_the_weight_is_not_scored():
    """满意度≥95%得满分；≥90%得6分 under 分值 5: 6 points above full marks — which scale the
    standard is written in is unsure; the rules score the row."""
    assert _score("满意度≥95%得满分；≥90%得6分", 92, 5) is None
