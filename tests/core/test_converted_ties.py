"""A score on a tie stays a tie when the 完成值 is written in another unit than the 指标值.

docs/domain.md §2: a score on a tie is rounded as the tie it is (8.335 → 8.34). rt32: ≥100亩
done 6.5公顷, 分值 5, is 5 × 97.5 ÷ 100 = 4.875 → 4.88 by hand — jixiao gave 4.87, because 100亩
was 66666.666… 平方米 in binary and the tie landed a hair low; on E_rural_90.xlsx the 总分 came
to 89.99 and a false JX502 said the grade 优 should be 良.

Every pair of units ``units.py`` converts between is tried below on three ties, each worked
by hand from the sizes written here (not from units.py): a 完成值 at 97.5 % of a goal (分值 5:
5 × 0.975 = 4.875 → 4.88), one 2.5 % over a ceiling (5 × (1 − 0.025) = 4.875 → 4.88), and a
goal whose share has a third in it (分值 3 at 2.935 ÷ 3 of the goal: 3 × 2.935 ÷ 3 = 2.935 →
2.94 — the case a conversion through 1/3 of a unit or through 15 亩 a 公顷 loses).
"""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction as F
from itertools import permutations

import pytest

from jixiao.cellfuncs import FUNCTIONS
from jixiao.rules import indicator_score

# The units of each quantity and their sizes, by hand, in the smallest one listed.
SIZES: dict[str, dict[str, F]] = {
    "time": {"秒": F(1), "分钟": F(60), "小时": F(3600), "天": F(86400), "周": F(604800)},
    "calendar": {"个月": F(1), "季度": F(3), "年": F(12)},
    "length": {"厘米": F(1), "米": F(100), "公里": F(100000), "km": F(100000), "千米": F(100000)},
    # 1 公顷 = 10000 平方米 = 15 亩, so 1 亩 = 2000/3 平方米; 1 平方公里 = 100 公顷
    "area": {"平方米": F(1), "㎡": F(1), "亩": F(2000, 3), "万亩": F(2000 * 10000, 3),
             "公顷": F(10000), "平方公里": F(10**6), "万平方米": F(10000)},
    "volume": {"毫升": F(1), "升": F(1000), "立方米": F(10**6), "方": F(10**6)},
    "mass": {"微克": F(1), "毫克": F(1000), "克": F(10**6), "公斤": F(10**9), "吨": F(10**12)},
    "energy": {"瓦时": F(1), "千瓦时": F(1000), "度": F(1000), "万千瓦时": F(10**7),
               "兆瓦时": F(10**6)},
    "power": {"瓦": F(1), "千瓦": F(1000), "兆瓦": F(10**6)},
    "parts": {"‱": F(1), "‰": F(10), "%": F(100)},
    "count": {"人": F(1), "万人": F(10000)},
    "money": {"元": F(1), "万元": F(10000), "亿元": F(10**8)},
    # an amount per area: per 亩 is 15 times as much per 公顷 (元/公顷 = 元/亩 ÷ 15)
    "per area": {"元/平方米": F(1), "元/亩": F(3, 2000), "元/公顷": F(1, 10000),
                 "万元/亩": F(3 * 10000, 2000)},
}

# 升 (litre) is read as a rise on last year (parsing.RISE, the marker of 较上年增长5): 195升
# beside ≥0.2立方米 is 单位不一致 — a reading of its own, not a conversion's (left to fix there)
_LITRE = pytest.mark.xfail(reason="升 is parsing.RISE", strict=True)
PAIRS = [pytest.param(quantity, a, b, marks=[_LITRE] if "升" in (a, b) else [])
         for quantity, sizes in SIZES.items() for a, b in permutations(sizes, 2)]
_STEPS = (1, 2, 4, 5, 8)


def _odd_part(number: int) -> int:
    """``number`` without its factors 2 and 5: what keeps a fraction of it from ending."""
    for prime in (2, 5):
        while number % prime == 0:
            number //= prime
    return number


def _text(number: F) -> str:
    return f"{(Decimal(number.numerator) / Decimal(number.denominator)).normalize():f}"


def _tie(share: F, target_size: F, actual_size: F, target_unit: str) -> tuple[str, str]:
    """A 指标值 T (in its unit) whose 完成值 at ``share`` of it is a decimal in the other
    unit, both of a size a table writes (nearest 100 of each): (T, that 完成值) as written."""
    ratio = share * target_size / actual_size
    odd = _odd_part(ratio.denominator)  # T holds it, so T × ratio ends
    candidates = [F(odd * step) * F(10) ** power for power in range(-3, 8) for step in _STEPS]
    if target_unit == "年":  # (2024年 is a year, not 2024 years)
        candidates = [target for target in candidates if target <= 100]
    target = min(candidates, key=lambda target: abs(math.log10(target) - 2)
                 + abs(math.log10(target * ratio) - 2))
    return _text(target), _text(target * ratio)


@pytest.mark.parametrize(("quantity", "target_unit", "actual_unit"), PAIRS)
def test_a_converted_goal_met_97_5_percent_scores_the_tie_rounded_up(quantity, target_unit,
                                                                     actual_unit):
    sizes = SIZES[quantity]
    target, actual = _tie(F(975, 1000), sizes[target_unit], sizes[actual_unit], target_unit)
    score = indicator_score(f"≥{target}{target_unit}", f"{actual}{actual_unit}", 5)
    assert score.value == 4.88, (target, actual, score)  # 5 × 0.975 = 4.875


@pytest.mark.parametrize(("quantity", "target_unit", "actual_unit"), PAIRS)
def test_a_converted_ceiling_overrun_2_5_percent_scores_the_tie_rounded_up(quantity, target_unit,
                                                                           actual_unit):
    sizes = SIZES[quantity]
    target, actual = _tie(F(1025, 1000), sizes[target_unit], sizes[actual_unit], target_unit)
    score = indicator_score(f"≤{target}{target_unit}", f"{actual}{actual_unit}", 5)
    assert score.value == 4.88, (target, actual, score)  # 5 × (1 − 0.025) = 4.875


@pytest.mark.parametrize(("quantity", "target_unit", "actual_unit"), PAIRS)
def test_a_converted_share_with_a_third_in_it_scores_the_tie_rounded_up(quantity, target_unit,
                                                                        actual_unit):
    sizes = SIZES[quantity]
    target, actual = _tie(F(2935, 3000), sizes[target_unit], sizes[actual_unit], target_unit)
    score = indicator_score(f"≥{target}{target_unit}", f"{actual}{actual_unit}", 3)
    assert score.value == 2.94, (target, actual, score)  # 3 × 2.935 ÷ 3 = 2.935


@pytest.mark.parametrize(("target", "actual", "weight", "score"), [
    # the red team's, by hand: 6.5公顷 = 97.5亩; 5 × 97.5 ÷ 100 = 4.875 → 4.88
    ("≥100亩", "6.5公顷", 5, 4.88),
    ("≥100亩", "65000平方米", 5, 4.88),
    ("≥100亩", "6.5万平方米", 5, 4.88),
    ("≥1万亩", "6.5平方公里", 5, 4.88),   # 6.5平方公里 = 650公顷 = 9750亩
    ("≥1万亩", "650公顷", 5, 4.88),
    ("≥10公顷", "146.75亩", 3, 2.94),    # 146.75亩 ÷ 15 = 9.78333公顷; 3 × 146.75 ÷ 150 = 2.935
    ("≤3000元/亩", "46125元/公顷", 5, 4.88),  # 3075元/亩: 5 × (1 − 75 ÷ 3000) = 4.875
    ("≤50秒", "52.25秒", 5, 4.78),       # 5 × (1 − 2.25 ÷ 50) = 4.775
    ("≥50秒", "0.8125分钟", 5, 4.88),     # 48.75秒: 5 × 0.975
    ("≥1小时", "58.5分钟", 5, 4.88),
])
def test_the_red_teams_converted_ties(target, actual, weight, score):
    assert indicator_score(target, actual, weight).value == score


def test_the_worksheet_functions_convert_alike():
    """JX_SCORE (the add-in, ``jixiao recalc``) calls the same rules: the same ties."""
    score, scores = FUNCTIONS["JX_SCORE"], FUNCTIONS["JX_SCORES"]
    assert score("≥100亩", "6.5公顷", 5) == 4.88
    assert score("≥10公顷", "146.75亩", 3) == 2.94
    assert scores([["≥1万亩"], ["≤3000元/亩"]], [["650公顷"], ["46125元/公顷"]], [[5], [5]]) \
        == [[4.88], [4.88]]
