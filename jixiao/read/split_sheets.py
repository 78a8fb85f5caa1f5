"""Tables split across sheets (docs/domain.md §4): a table's title, 项目名称 and money
on a sheet of their own (表1 基本情况), its indicators and 总分 on another (表2 绩效指标).
With one such money sheet in the workbook it is the table's (``find_tables``); with
several, ``paired_money`` tells which is whose."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

from jixiao.model import SelfEvaluation
from jixiao.parsing import compact_text
from jixiao.read.money import MoneyBlock
from jixiao.read.project import name_from_sheet


@dataclass
class IndicatorHalf:
    """A table without money of its own, alone on its sheet: the indicator half of a pair."""

    table: SelfEvaluation
    sheet: str
    titled: bool  # its name is only its title's reading


def paired_money(tables: dict[int, IndicatorHalf], blocks: list[MoneyBlock],
                 names: dict[str, str | None], sheets: list[str]) -> dict[int, MoneyBlock]:
    """Each table (by its index in ``tables``) paired with the money block alone on a
    sheet without a table (``blocks``) that is its: first by the 项目名称 both sheets write
    (``names``: each money sheet's, by its sheet), then by a project's name both sheets'
    names hold (困难残疾人生活补贴-资金, 困难残疾人生活补贴-指标), then by the order of
    the sheets (``sheets``: the workbook's) — the money sheet right before or after the
    table's, taken two by two from the first (表1 资金 | 表2 指标 | 表3 资金 | 表4 指标).
    A pair whose two sheets name different projects is never made."""
    pairs: dict[int, MoneyBlock] = {}
    _pair_by(pairs, tables, blocks,
             lambda half, block: _same_project(half, names.get(block.grid.name)))
    _pair_by(pairs, tables, blocks, lambda half, block: _shared_name(
        half.sheet, block.grid.name, half.table) is not None)
    position = {sheet: number for number, sheet in enumerate(sheets)}
    sides: dict[int, IndicatorHalf | MoneyBlock] = {}
    for index, half in tables.items():
        if index not in pairs:
            sides[position[half.sheet]] = half
    for block in blocks:
        if not _taken(block, pairs):
            sides[position[block.grid.name]] = block
    taken: set[int] = set()
    for at in sorted(sides):
        one, other = sides[at], sides.get(at + 1)
        if at in taken or other is None or isinstance(one, IndicatorHalf) == isinstance(other, IndicatorHalf):
            continue
        half, block = (one, other) if isinstance(one, IndicatorHalf) else (other, one)
        assert isinstance(half, IndicatorHalf) and isinstance(block, MoneyBlock)
        if _other_project(half, names.get(block.grid.name)):
            continue
        index = next(number for number, each in tables.items() if each is half)
        pairs[index] = block
        taken |= {at, at + 1}
    return pairs


def _pair_by(pairs: dict[int, MoneyBlock], tables: dict[int, IndicatorHalf],
             blocks: list[MoneyBlock], fits: Callable[[IndicatorHalf, MoneyBlock], bool]) -> None:
    """Into ``pairs``: each table not yet paired that ``fits`` exactly one block not yet
    paired, which fits no other such table."""
    open_tables = {index: half for index, half in tables.items() if index not in pairs}
    open_blocks = [block for block in blocks if not _taken(block, pairs)]
    fitting = {index: [block for block in open_blocks if fits(half, block)]
               for index, half in open_tables.items()}
    for index, chosen in fitting.items():
        if len(chosen) == 1 and sum(any(block is chosen[0] for block in others)
                                    for others in fitting.values()) == 1:
            pairs[index] = chosen[0]


def _taken(block: MoneyBlock, pairs: dict[int, MoneyBlock]) -> bool:
    return any(block is taken for taken in pairs.values())


def _same_project(half: IndicatorHalf, name: str | None) -> bool:
    """Whether the table's 项目名称 is the money sheet's (``name``, compact)."""
    own = compact_text(half.table.project.name)
    return bool(own and name) and not _other_project(half, name)


def _other_project(half: IndicatorHalf, name: str | None) -> bool:
    """Whether the table names a project and the money sheet (``name``: its 项目名称,
    compact) another — a name only the title gives is the label's where either holds the
    other (高素质农民培育项目, 2023年高素质农民培育项目)."""
    own = compact_text(half.table.project.name)
    if not own or not name:
        return False
    return own != name and not (half.titled and (own in name or name in own))


_SEPARATORS = " -_—–－·:：()（）[]【】"


def _shared_name(first: str, second: str, table: SelfEvaluation) -> str | None:
    """The project's name two sheets' names both begin (or end) with, where it reads as a
    project's (``name_from_sheet``): 困难残疾人生活补贴 of 困难残疾人生活补贴-资金 and
    困难残疾人生活补贴-指标; None for 表1 基本情况 and 表2 绩效指标."""
    reversed_suffix = os.path.commonprefix([first[::-1], second[::-1]])
    for part in (os.path.commonprefix([first, second]), reversed_suffix[::-1]):
        name = name_from_sheet(part.strip(_SEPARATORS), table.project)
        if name:
            return compact_text(name)
    return None
