"""A table's money lines in the template's three 其中 lines (当年财政拨款, 上年结转资金,
其他资金): each line by what its label means, the lines meaning one of them summed into
it; never a breakdown that does not add up to the total where the table's did."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from jixiao.layout import FUND_LABELS
from jixiao.model import FundLine, SelfEvaluation, plain_text

# The template's 其中 lines, without the 其中：
LINE_NAMES = tuple(label.removeprefix("其中：") for label in FUND_LABELS[1:])
_FISCAL, _CARRIED, _OTHER = range(3)

# Each line by the words that mean it, in this order: 结转 first, as 上年结转的财政拨款 is
# carried over money, not this year's; then this year's money from a budget — 财政拨款,
# the budgets it is made of, and what a level of government gives (中央预算内投资, 省级
# 补助资金, 县级配套资金, 区级财政资金, 上级转移支付); then the unit's and others' money
_CARRIED_WORDS = ("结转", "结余")
_FISCAL_WORDS = ("财政拨款", "财政资金", "公共预算", "政府性基金", "国有资本经营")
_BY_LEVEL = re.compile(r"(?:(?:中央|上级|本级|地方|省市|市县|省|州|市|县|区|乡镇|乡|镇)"
                       r"级?(?:本级)?[和及与、]?)+"
                       r"(?:财政|预算内|补助|补贴|配套|专项|转移支付|拨款|资金)")
_OTHER_WORDS = ("其他", "自筹", "社会", "自有")
_NUMBERING = re.compile(r"^[\d一二三四五六七八九十]+[.、．]")


def line_of(label: str) -> int | None:
    """Which of the template's 其中 lines a money line's label means (an index of
    ``LINE_NAMES``), judged by its label outside bracketed notes (上年结转资金（专项债券）
    is carried over money) where that says: None where nothing does."""
    plain = label.removeprefix("其中：").removeprefix("其中:").strip()
    outside = _NUMBERING.sub("", re.sub(r"[(（][^()（）]*[)）]", "", plain).strip())
    for text in (outside, plain):
        if any(word in text for word in _CARRIED_WORDS):
            return _CARRIED
        if any(word in text for word in _FISCAL_WORDS) or _BY_LEVEL.match(text):
            return _FISCAL
        if any(word in text for word in _OTHER_WORDS):
            return _OTHER
    return None


@dataclasses.dataclass
class Placement:
    """Where a table's money lines go in the template."""

    lines: list[FundLine | None]  # the template's 其中 lines, in its order (None: empty)
    summed: list[list[FundLine]]  # the table's lines each of them holds
    within: list[FundLine]        # lines breaking down one placed (一般公共预算 under 财政拨款)
    left: list[FundLine]          # lines the template has no line for
    dropped: bool = False         # none written: the placed lines would not add up


def place_money(table: SelfEvaluation) -> Placement:
    """The template's 其中 lines for ``table``: each line by its label (``line_of``), the
    lines of one meaning summed (中央、省级、市级补助 → 当年财政拨款), a line's own parts
    (地方资金: 省级资金 + 市县资金, as JX304 reads them) not counted twice; the sources right
    under a placed line (财政拨款: 一般公共预算, 专项债券) are its breakdown, in it already —
    under 上年结转 they are where this year's money came from. Where the lines so placed
    would not add up to the total (JX304) and the table's did, none is written
    (``dropped``)."""
    parts = table.funds.parts
    summed: list[list[FundLine]] = [[] for _ in LINE_NAMES]
    within: list[FundLine] = []
    left: list[FundLine] = []
    parent = None  # the line above a run of sources, which they break down
    for line in parts:
        meaning = line_of(line.label or "")
        if not line.nested:
            parent = meaning if meaning in (_FISCAL, _OTHER) else None
        elif parent is not None:
            within.append(line)
            continue
        (left if meaning is None else summed[meaning]).append(line)
    lines: list[FundLine | None] = [FundLine(name) if group else None
                                    for name, group in zip(LINE_NAMES, summed, strict=True)]
    for key in _AMOUNTS:
        amounts = _column(parts, summed, key, table.funds.total)
        for line, amount in zip(lines, amounts, strict=True):
            if line is not None:
                setattr(line, key, amount)
    placement = Placement(lines, summed, within, left)
    placement.dropped = _adds_up_less(table, [line for line in lines if line is not None])
    return placement


_AMOUNTS = ("initial_budget", "budget", "executed")


def _column(parts: list[FundLine], summed: list[list[FundLine]], key: str,
            total: FundLine) -> list[float | None]:
    """The template lines' amounts in column ``key``: each the sum of its lines; where
    these miss the total and leaving out each line's own parts (JX304's reading) meets
    it, without those."""
    from jixiao.checks.base import differs
    from jixiao.checks.money import own_parts
    from jixiao.rules import TOLERANCE

    def sums(skipped: set[int]) -> list[float | None]:
        counted = [line for at, line in enumerate(parts) if at not in skipped]
        given = [[getattr(line, key) for line in group if getattr(line, key) is not None
                  and any(line is one for one in counted)] for group in summed]
        return [sum(amounts) if amounts else None for amounts in given]

    plain = sums(set())
    whole = getattr(total, key)
    if whole is None or not differs(sum(a or 0.0 for a in plain), whole, TOLERANCE):
        return plain
    folded = sums(set(own_parts([getattr(line, key) for line in parts], whole) or ()))
    return folded if not differs(sum(a or 0.0 for a in folded), whole, TOLERANCE) else plain


def by_line(parts: Sequence[FundLine]) -> list[FundLine | None]:
    """The 其中 lines of a table in the template's shape (``place_money``'s, a sample's),
    each at the template line its label means."""
    placed: list[FundLine | None] = [None] * len(LINE_NAMES)
    for line in parts:
        meaning = None if line.nested else line_of(line.label or "")
        if meaning is not None and placed[meaning] is None:
            placed[meaning] = line
    return placed


def _adds_up_less(table: SelfEvaluation, lines: list[FundLine]) -> bool:
    """Whether the template's lines ``lines`` disagree with the total (JX304) where the
    table's own lines did not."""
    from jixiao.checks.base import run_checks

    placed = dataclasses.replace(table, funds=dataclasses.replace(table.funds, parts=lines))
    return bool(run_checks(placed, select={"JX304"})) \
        and not run_checks(table, select={"JX304"})


def money_notes(table: SelfEvaluation) -> list[str]:
    """What ``jixiao convert`` says of the money lines: the lines summed into one of the
    template's, those it has no line for, and a breakdown not written."""
    placement = place_money(table)
    notes = []
    if placement.dropped:
        unplaced = placement.left or [line for group in placement.summed for line in group]
        notes.append("  注意：原表的资金明细不能都对应到模板的当年财政拨款、上年结转资金、其他资金"
                     "三行，只转入一部分会与年度资金总额不符，这三行留空，请按原表填写；"
                     "没有对应行的是：")
        notes += [f"    {_with_amounts(line)}" for line in unplaced]
        return notes
    for line, group in zip(placement.lines, placement.summed, strict=True):
        if line is not None and len(group) > 1:
            notes.append(f"  注意：原表的{'、'.join(f'“{part.label}”' for part in group)}"
                         f"合计转入模板的{_with_amounts(line)}")
    unplaced = [line for line in table.funds.parts
                if any(line is other for other in (*placement.within, *placement.left))]
    if unplaced:
        notes.append("  注意：模板的资金栏只有当年财政拨款、上年结转资金、其他资金三行，"
                     "原表的以下资金明细没有对应的行，未转入：")
        notes += [f"    {_with_amounts(line)}" for line in unplaced]
    return notes


def _with_amounts(line: FundLine) -> str:
    amounts = "，".join(f"{name} {plain_text(getattr(line, key))}" for key, name in zip(
        _AMOUNTS, ("年初预算数", "全年预算数", "全年执行数"), strict=True)
        if getattr(line, key) is not None)
    return f"“{line.label}”" + (f"（{amounts}）" if amounts else "")
