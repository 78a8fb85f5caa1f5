"""How much of a qualitative 指标值 in words a 完成值 in words reaches, by the degree each
says (parsing._DEGREES) and a middling 一般. Each pair was checked by hand against
DOMAIN.md §2: 达成年度指标 80–100% of 分值, 部分达成并具有一定效果 60–80%, 未达成且效果较差
0–60% (rule set ``ratio``: 100–80 / 80–50 / 50–0).

The degrees, least first: a little (有所, 略有, 有一定), the change alone or an effect (提升;
有效/切实 提升), fairly (较明显, 较大), much (明显, 显著, 大幅). A 完成值 of a smaller
degree than its 指标值 is 部分达成 (rt28: 有效降低 → 略有降低 was 达成, 一般 against a change
wanted 无法判断). 效果较好 is no degree: it meets 明显提升 and 效果显著, as before."""

from __future__ import annotations

import pytest

from jixiao.rules import indicator_score

# (指标值, 完成值, level); 分值 15, so 达成 12–15 (15 computed), 部分达成 9–12, 未达成 0–9
PAIRS = [
    # an effect wanted (有效, 切实), a little reached: 部分达成 (rt28)
    ("有效降低", "略有降低", "partial"),
    ("有效改善", "有所改善", "partial"),
    ("有效提高", "有一定提高", "partial"),
    ("切实提高", "有所提高", "partial"),
    ("有效增强", "有所增强", "partial"),
    ("有效控制", "有所控制", "partial"),
    # much wanted, fairly reached (显著 → 较明显 as before); a good effect meets it
    ("效果显著", "效果较好", "achieved"),
    ("明显提升", "效果较好", "achieved"),
    ("显著", "较明显", "partial"),
    # much or fairly wanted, the change alone or an effect reached (大幅提升 → 提升 as before)
    ("大幅提升", "提升", "partial"),
    ("较明显提升", "提升", "partial"),
    ("显著提升", "有效提升", "partial"),
    # much wanted, a little reached (as before)
    ("明显提升", "有所提升", "partial"),
    ("显著提高", "略有提高", "partial"),
    ("明显增强", "有所增强", "partial"),
    # a middling effect: 一般 alone as 效果一般 (rt28: 一般 was 无法判断)
    ("明显改善", "一般", "partial"),
    ("有效提升", "一般", "partial"),
    ("显著提升", "一般", "partial"),
    ("提升", "一般", "partial"),
    ("明显改善", "一般，部分老人参与度不高", "partial"),
    ("显著提升", "效果一般", "partial"),
    ("有效提升", "效果一般", "partial"),
    ("满意", "一般", "partial"),       # the satisfaction scale: one level above 不满意
    ("较好", "一般", "partial"),       # 较好 (良) → 一般 (中): one level short
    ("好", "一般", "not"),             # 好 → 一般: two levels short
    # as much as wanted or more: 达成
    ("有效提升", "有效提升", "achieved"),
    ("达成", "有效提升", "achieved"),
    ("有效提升", "达成", "achieved"),
    ("有效降低", "降低", "achieved"),      # the change said is the effect wanted
    ("有效降低", "明显降低", "achieved"),
    ("有效改善", "显著改善", "achieved"),
    ("有效提升", "较明显提升", "achieved"),
    ("切实提高", "切实提高", "achieved"),
    ("显著", "显著", "achieved"),
    ("较好", "较好", "achieved"),
    ("效果较好", "效果较好", "achieved"),
    ("效果显著", "效果显著", "achieved"),
    ("明显提升", "显著提升", "achieved"),
    ("有效保障", "有效", "achieved"),
    ("有效性提升", "有效性有所提升", "achieved"),  # 有效性: what rises, no degree wanted
    # the other way, or denied: 未达成
    ("有效降低", "未降低", "not"),
    ("有效提升", "下降", "not"),
    ("明显改善", "效果较差", "not"),
]
BANDS = {"achieved": (12.0, 15.0), "partial": (9.0, 12.0), "not": (0.0, 9.0)}


@pytest.mark.parametrize(("target", "actual", "level"), PAIRS)
def test_the_level_a_completion_in_words_reaches(target, actual, level):
    score = indicator_score(target, actual, 15)
    assert (score.level, score.band) == (level, BANDS[level])
    assert score.value == (15.0 if level == "achieved" else None)  # else a person scores


def test_the_ratio_rule_sets_band_for_an_effect_reached_a_little():
    """ratio: 部分达成 is 80–50 % — 7.5 to 12 of 15."""
    score = indicator_score("有效降低", "略有降低", 15, "ratio")
    assert (score.level, score.band) == ("partial", (7.5, 12.0))
