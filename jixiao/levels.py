"""The 一级/二级 names of the standard form, and which 一级 a name belongs to.

The standard 一级 are 产出指标, 效益指标 and 满意度指标 (docs/domain.md §1), with the
预算执行率 as the fourth share of the 100 points; each 二级 belongs to one of them
(数量/质量/时效/成本 → 产出; 经济/社会/生态效益, 可持续影响 → 效益; 满意度 → 满意度).
Real tables write them loosely ("产出目标", "社会效益指标 (30 分)"), so every
function here matches normalised text by its key words.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any

from jixiao.layout import GROUPS
from jixiao.parsing import heading_points, names_part_of_year, normalize_text
from jixiao.rules import COST_WORD, RISING_RATES, is_saving

OUTPUT, BENEFIT, SATISFACTION, EXECUTION = "产出指标", "效益指标", "满意度指标", "预算执行率"
LEVEL1_NAMES = (OUTPUT, BENEFIT, SATISFACTION)

# 二级 key words → the 一级 they belong to; 满意 first: "满意度指标" has no other word.
_LEVEL2_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (SATISFACTION, ("满意",)),
    (BENEFIT, ("经济效益", "社会效益", "生态效益", "环境效益", "可持续影响", "可持续发展")),
    (OUTPUT, ("数量指标", "质量指标", "时效指标", "成本指标")),
)
# A cell holding nothing but a 一级 name (a 评分附件表 subtotal row's label).
_LEVEL1_ONLY = frozenset({"产出", "产出指标", "产出目标", "效益", "效益指标", "效益目标", "效果",
                          "效果指标", "满意度", "满意度指标", "满意度目标", "决策", "决策指标",
                          "过程", "过程指标", "管理", "管理指标", "绩效", "绩效指标"})


@functools.lru_cache(maxsize=4096)
def level1_category(level1: str | None, name: str | None = None) -> str | None:
    """Which default 一级 an indicator counts towards (产出/效益/满意度/预算执行率). A 一级
    that names the budget's execution (预算执行情况, 预算执行) is the 预算执行率's where
    ``name`` is the rate (预算执行率, 预算资金执行率), and no default 一级 otherwise."""
    text = normalize_text(level1 or "")
    if "满意" in text:
        return SATISFACTION
    if "产出" in text:
        return OUTPUT
    if "效益" in text or "效果" in text:
        return BENEFIT
    if "执行率" in text or (not text and _names_budget_execution(name)):
        return EXECUTION
    if ("预算执行" in text or "资金执行" in text) and is_budget_rate_name(name):
        return EXECUTION  # 预算执行情况（10分）| 预算执行率: the 一级 of the rate, in other words
    if text and (by_level2 := level1_of_level2(text)) is not None:
        return level1_category(by_level2)  # 成本指标 as a 一级 of its own counts with the 产出
    return None


@functools.lru_cache(maxsize=4096)  # asked of each row by the reader, model and checks
def indicator_category(level1: str | None, level2: str | None, name: str | None) -> str | None:
    """Which default 一级 an indicator row counts towards, as a reviewer reads it: by its
    一级; where it has none, by its 二级 (社会效益指标 → 效益), else by its name (预算执行率).
    A 满意度 二级 under a 效益 一级 (``holds_satisfaction``) is the 满意度's share."""
    if not level1 or holds_satisfaction(level1, level2):
        by_level2 = level1_of_level2(level2)
        if by_level2 is not None:  # 预算执行率 listed under 数量指标 counts as 产出
            return level1_category(by_level2)
    return level1_category(level1, name)


def holds_satisfaction(level1: str | None, level2: str | None) -> bool:
    """Whether a 效益 一级 holds a 满意度 二级: the index systems of 决策/过程/产出/效益 list
    满意度 under 效益 (宁夏: 项目效益（35分） merged over 社会效益 15, 可持续影响 10 and
    服务对象满意度指标（10分）). The 满意度 is still its own share of the default split."""
    return level1_category(level1) == BENEFIT and level1_of_level2(level2) == SATISFACTION


# The 部门整体 framework (部门整体支出绩效评价指标体系) a 部门整体 table may use instead of
# 产出/效益/满意度: 运行成本 / 管理效率 / 履职效能 / 社会效应 / 服务对象满意度. Its own 一级
# (the first four) tell it; of its five, 履职效能, 社会效应 and 服务对象满意度 stand where
# a project's 产出, 效益 and 满意度 do — the levels a self-evaluation must cover — each
# with the words that name it (社会效应 written 社会效益 too).
_DEPARTMENT_OWN = ("运行成本", "管理效率", "履职效能", "社会效应")
DEPARTMENT_REQUIRED = (("履职效能", ("履职", "效能")), ("社会效应", ("效应", "效益", "效果")),
                       ("服务对象满意度", ("满意",)))


def names_department_framework(level1: str | None) -> bool:
    """Whether a 一级 is one only the 部门整体 framework has (运行成本, 管理效率, 履职效能,
    社会效应)."""
    text = normalize_text(level1 or "")
    return any(word in text for word in _DEPARTMENT_OWN)


def missing_department_levels(level1s: Iterable[str | None]) -> list[str]:
    """The 部门整体 framework's required 一级 (履职效能, 社会效应, 服务对象满意度) that none
    of ``level1s`` names."""
    texts = [normalize_text(text or "") for text in level1s]
    return [name for name, words in DEPARTMENT_REQUIRED
            if not any(word in text for text in texts for word in words)]


# 一级 words of an evaluator's index system (第三方: 决策/过程/产出/效益); 管理 is the 过程 of
# 宁夏's form (项目决策 / 项目管理 / 项目产出 / 项目效益)
_INDEX_SYSTEM_WORDS = ("决策", "过程")
_PROCESS_WORDS = (*_INDEX_SYSTEM_WORDS, "管理")


def names_index_system(level1: str | None) -> bool:
    """Whether a 一级 is one only an index system has: 决策, 过程 (项目决策, 过程指标)."""
    text = normalize_text(level1 or "")
    return any(word in text for word in _INDEX_SYSTEM_WORDS)


def is_process_level1(level1: str | None) -> bool:
    """Whether a 一级 is an index system's 决策 or 过程 (项目决策, 过程指标, and 项目管理, the
    过程 of 宁夏's form): rows scored by their 评分标准, against no target."""
    text = normalize_text(level1 or "")
    return level1_category(level1) is None and any(word in text for word in _PROCESS_WORDS)


# 二级 words of an index system's 决策 and 过程 (管理): 项目立项, 绩效目标 (宁夏: 项目目标),
# 资金投入; 资金管理 (投入管理, 财务管理), 组织实施 (业务管理)
_PROCESS_LEVEL2_WORDS = ("立项", "绩效目标", "项目目标", "资金投入", "投入管理", "资金管理",
                         "财务管理", "组织实施", "业务管理")


def is_process_row(level1: str | None, level2: str | None) -> bool:
    """Whether a row is an index system's 决策 or 过程 (``is_process_level1``), or, its 一级
    naming none of 产出/效益/满意度, sits under one of their 二级 (项目立项, 资金管理 …)."""
    if is_process_level1(level1):
        return True
    text = normalize_text(level2 or "")
    return level1_category(level1) is None and level1_of_level2(level2) is None \
        and any(word in text for word in _PROCESS_LEVEL2_WORDS)


@functools.lru_cache(maxsize=4096)
def level1_of_level2(level2: str | None) -> str | None:
    """The 一级 a 二级 name belongs to ("社会效益指标 (30 分)" → 效益指标), if it says."""
    text, _ = heading_points(level2)
    for level1, words in _LEVEL2_WORDS:
        if any(word in text for word in words):
            return level1
    if normalize_text(text).removesuffix("目标") in _OUTPUT_BARE:  # 数量, 时效目标
        return OUTPUT
    return None


_OUTPUT_BARE = frozenset(("数量", "质量", "时效", "成本"))

# A table without 二级 (评分附件: 一级 | 三级 | 权重 …): the words of a 三级 that name its
# 二级 within its 一级 (word, key word of the standard 二级), first match first.
_NAME_LEVEL2 = (("满意", "满意"), ("及时", "时效"), ("时限", "时效"), ("时间", "时效"),
                ("周期", "时效"), ("进度", "时效"), (COST_WORD, COST_WORD), ("费用", COST_WORD),
                ("合格", "质量"), ("质量", "质量"), ("达标", "质量"), ("经济", "经济"),
                ("收入", "经济"), ("生态", "生态"), ("环境", "生态"), ("长效", "可持续"),
                ("可持续", "可持续"))
# Of those, the words that name a ceiling surely enough to read a bare 指标值 under it (≤):
# a cost (人均培训成本 300元/人) and a time allowed (办结时限 5个工作日, 建设周期 6个月).
# 时间 may be hours given as much as allowed (培训时间 40小时 / 响应时间 2小时) and 费用 an
# amount paid out as much as a cost: unsure — the checks ask for the ≤ instead.
_SURE_CEILING_WORDS = (COST_WORD, "时限", "周期")
# A rate of a cost itself: the cost word, at most two characters (控制, 节约, none), 率 —
# 成本控制率, 费用节约率; not 成本核算准确率 (a rate of something done about costs)
_COST_RATE = re.compile(rf"(?:{COST_WORD}|费用)(.{{0,2}})率")
# Of those, the ones surely a ceiling: spent within what was allowed (成本控制率 100%, 98%
# met), or over it (成本超支率). A saving (``rules.is_saving``) is a goal; any other may be
# either.
_CEILING_RATES = ("控制", "超支")


@functools.lru_cache(maxsize=4096)
def named_level2(level1: str | None, name: str | None) -> str | None:
    """The standard 二级 (as the form names it: 时效指标, 成本指标 …) that a 三级's words
    name within its 一级, for a row without 二级 ("补贴办结时限" under 产出 → 时效指标);
    None where no word does or the 一级 is none of 产出/效益/满意度. ``jixiao convert``
    files the row under it, and a bare 指标值 is read as under it (``model``)."""
    owned = [level2 for owner, level2, _ in GROUPS if owner == level1_category(level1)]
    text = normalize_text(name or "")
    return next((level2 for word, key in _NAME_LEVEL2 if word in text
                 for level2 in owned if key in level2), None)


def names_ceiling_surely(name: str | None) -> bool:
    """Whether a 三级's name says surely that its 二级, named by it (``named_level2``), is
    a ceiling: a 成本, a 时限 or a 周期; of rates, only a cost's 控制率 or 超支率 (维修成本
    控制率 100%) — 成本节约率 and a cost lowered (降低运输成本 5%, ``rules.is_saving``) are
    goals, 维修成本率 either (``names_cost_rate``)."""
    text = normalize_text(name or "")
    if "率" in text:
        return (found := _COST_RATE.search(text)) is not None \
            and found.group(1) in _CEILING_RATES
    return not is_saving(text) and any(word in text for word in _SURE_CEILING_WORDS)


def names_cost(level1: str | None, name: str | None) -> bool:
    """Whether a row without 二级 is a cost as its name files it within its 一级
    (``named_level2``: 人均培训成本 under 产出 → 成本指标) — where the 一级 is none of
    产出/效益/满意度, its name speaking of a 成本 — and no saving (``rules.is_saving``)."""
    if is_saving(name):
        return False
    if level1_category(level1) is None:
        return COST_WORD in normalize_text(name or "")
    return COST_WORD in (named_level2(level1, name) or "")


def names_cost_rate(name: str | None) -> bool:
    """Whether a 三级 is a rate of a cost itself (成本控制率, 维修成本率, 费用报销率) that is
    neither a saving (成本节约率, 成本降低率) nor a rate that rises by its name (成本执行率,
    ``RISING_RATES``) — goals: under 成本指标 a ceiling, on its own either way."""
    text = normalize_text(name or "")
    return _COST_RATE.search(text) is not None and not is_saving(text) \
        and not any(word in text for word in RISING_RATES)


def heading_groups(indicators: Iterable[Any], level: str) -> list[tuple[str, float, list[Any]]]:
    """The rows under each 一级 (``level`` "level1") or 二级 ("level2") heading that states
    its points ("产出指标（50分）", "数量指标15分"): (name, points, its indicators), in order.

    A merged heading cell is one group; so is a run of rows that write the same heading
    again on every row (cells not merged, a converted PDF, a clerk's own table) — its
    points belong to the rows that repeat it, not to each row."""
    groups: dict[object, tuple[str, float, list[Any]]] = {}
    previous: tuple[object, object] | None = None  # the last row's (heading, group key)
    for indicator in indicators:
        text = getattr(indicator, level)
        name, stated = heading_points(text)
        if stated is None:
            previous = None
            continue
        heading = (text, indicator.level1 if level == "level2" else None)
        key = previous[1] if previous is not None and previous[0] == heading \
            else indicator.sources.get(level) or (level, text)
        previous = (heading, key)
        groups.setdefault(key, (name, stated, []))[2].append(indicator)
    return list(groups.values())


def combined_levels(text: object) -> tuple[str, str] | None:
    """一级 and 二级 written in one cell, joined by a dash, a slash, a line break, a colon,
    a middle dot, an arrow, a comma or a bar ("产出指标-数量指标", "效益指标／社会效益指标",
    "产出指标：成本指标", "产出指标·时效指标"), or the 二级 in brackets after the 一级
    ("产出指标（成本指标）"): the two names, where the first is a 一级 and the second a 二级
    of it; else None."""
    if not isinstance(text, str):
        return None
    text = text.strip()
    parts = [part.strip() for part in _LEVELS_JOINED.split(text, maxsplit=1)]
    bracketed = _LEVEL2_BRACKETED.fullmatch(text)
    if len(parts) != 2 and bracketed is not None:
        parts = [bracketed.group("level1"), bracketed.group("level2").strip()]
    if len(parts) == 2 and is_level1_only(parts[0]) \
            and level1_of_level2(parts[1]) == level1_category(parts[0]) is not None:
        return parts[0], parts[1]
    return None


_LEVELS_JOINED = re.compile(r"\s*(?:[-－—–―/／]+|\n|[:：·•・>＞→|｜，,、])\s*")
_LEVEL2_BRACKETED = re.compile(r"(?P<level1>[^(（]+?)\s*[(（](?P<level2>[^()（）]+)[)）]")


def is_level1_only(text: str | None, *, as_name: bool = False) -> bool:
    """Whether a cell says nothing but a 一级 name ("产出目标", "效益指标 (30 分)").

    ``as_name``: the text stands in the 三级 column, where "满意度" or "过程" may be an
    indicator's own name: only "…指标"/"…目标" (or 产出, 效益) count there."""
    name, _ = heading_points(text)
    name = normalize_text(name).rstrip(":：")
    if as_name and not (name.endswith(("指标", "目标")) or name in ("产出", "效益")):
        return False
    return name in _LEVEL1_ONLY


_LEVEL2_BARE = ("数量", "质量", "时效", "成本", "经济效益", "社会效益", "生态效益", "环境效益",
                "可持续影响", "可持续发展", "服务对象满意度", "社会公众满意度", "满意度")


def is_level2_only(text: str | None) -> bool:
    """Whether a cell says nothing but a 二级 name (数量指标, 社会效益指标 (30 分), 时效目标,
    服务对象满意度指标) — a heading row over its 三级 where the table has no 二级 column."""
    name, _ = heading_points(text)
    name = normalize_text(name).rstrip(":：")
    for suffix in ("指标", "目标"):
        name = name.removesuffix(suffix)
    return name in _LEVEL2_BARE and name != "满意度"


# The full 一级/二级 names a narrow column may wrap over rows (``joined_split``).
_FULL_NAMES = tuple(sorted({*_LEVEL1_ONLY, *(f"{name}指标" for name in _LEVEL2_BARE),
                            *(f"{name}目标" for name in _LEVEL2_BARE), "服务对象满意度指标"},
                           key=len))


def _names_level(text: str) -> bool:
    return is_level1_only(text) or level1_of_level2(text) is not None \
        or level1_category(text) is not None


def joined_split(above: object, piece: object) -> str | None:
    """A 一级/二级 name wrapped over two rows of a PDF conversion's narrow column ("成本" |
    "指标", "可持续影" | "响指标", "产出" | "指标"): the name joined where ``piece`` names no
    level alone and the two make one (or the start of one: "可持" | "续影" | "响指标");
    None otherwise."""
    if not isinstance(above, str) or not isinstance(piece, str):
        return None
    head, tail = normalize_text(above), normalize_text(piece)
    if not head or not tail or _names_level(tail):
        return None
    joined = head + tail
    if is_level1_only(joined) or is_level2_only(joined) \
            or (not _names_level(head) and any(name.startswith(joined) for name in _FULL_NAMES)):
        return joined
    return None


def _names_budget_execution(name: str | None) -> bool:
    """A row without 一级 named for the budget's execution: 执行率, 预算执行率, 支出执行率 —
    not another plan's (政府采购执行率, 合同执行率: indicators like any other)."""
    text = normalize_text(name or "")
    return text == "执行率" or "支出执行率" in text or is_budget_rate_name(text)


def is_budget_rate_name(name: str | None) -> bool:
    """预算执行率 / 预算资金执行率 / 资金执行率 as an indicator's name — the year's: not
    前三季度预算执行率 (a rate in September, no 执行率 of the money block)."""
    text = normalize_text(name or "")
    return "执行率" in text and ("预算" in text or "资金" in text) and not names_part_of_year(text)


# Where a money line's money came from, as its label and an indicator's name say it (the
# money block's 其中 lines, docs/domain.md §1): 中央资金执行率 is the 中央 line's 执行率
_MONEY_SOURCES = ("中央", "省级", "市级", "县级", "区级", "州级", "乡镇", "本级", "地方", "上级",
                  "财政拨款", "上年结转", "其他资金", "自筹", "配套", "财政资金")
# The word a money line's label says a source with, where the name's differs (财政资金支付率
# is the 当年财政拨款 line's)
SOURCE_IN_LINE = {"财政资金": "财政"}


# The money's own 执行率 (B ÷ A, DOMAIN §1) under another name: what is paid or spent of
# the project's budget (资金支付率, 支出执行率, 资金支出率, 支出进度), once the words naming
# whose money (预算, 资金, 中央, 上年结转…) are taken out. Not 拨付率 (passed on to others),
# 到位率 (received), 工资支付率 or 补助资金支付率 (what else is left names other money).
_MONEY_RATE = re.compile("(?:支付|支出(?:执行)?)率|支出进度")
_WHOSE_MONEY = re.compile("|".join(("预算", "资金", "项目", "财政", "专项", "年度", "全年", "本年",
                                    *_MONEY_SOURCES)))


def states_money_rate(name: str | None, target: object = None) -> bool:
    """Whether an indicator's name (and its 指标值) states the money's own B ÷ A under
    another name than 预算（资金）执行率 (``_MONEY_RATE``): 资金支付率, 预算支出进度 — not
    前三季度支出进度, 资金拨付率, 农民工工资支付率."""
    text = normalize_text(name or "")
    if _MONEY_RATE.fullmatch(_WHOSE_MONEY.sub("", text)) is None:
        return False
    return not any(names_part_of_year(words)  # 前三季度, 上半年: a date's, not the year's
                   for words in (text, target) if isinstance(words, str))


def rate_source(name: str | None) -> str | None:
    """The source of money a 执行率 indicator's name names (中央资金执行率 → 中央, 上年结转
    资金执行率 → 上年结转, 中央资金支付率 → 中央); None for the budget's own (预算执行率,
    资金执行率) or a name of no 执行率 (``states_money_rate``)."""
    text = normalize_text(name or "")
    if "执行率" not in text and not states_money_rate(text):
        return None
    return next((word for word in _MONEY_SOURCES if word in text), None)
