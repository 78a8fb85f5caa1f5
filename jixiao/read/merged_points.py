"""A 分值 merged down over several indicator rows (one ``20`` for 数量指标's two rows).

Some units give a 二级 group its points in one merged 分值 cell instead of one per row,
as a label ``数量指标（20分）`` does. Read row by row, the first row had 20 points and
the others none (false JX106 分值缺失, JX403/JX405 on the first row, no total). The
merged points are the group's: each row of the group is checked at an equal share of
them (``20`` over two rows: 10 each; to the cent, adding up to them: ``10`` over three
is 3.34, 3.33, 3.33, the higher cent to a row the unit itself scored 3.34, so a group met
on every row earns its 10 — ``rules.even_shares``) — the form's own reading when nothing
says how the unit split them — and the group is kept as a subtotal (JX103 compares its
rows' 得分 with the merged points; JX109 says the share used).

The 得分 are read as written when each row has its own (none above its share). A 得分
merged over the same rows is the group's: given to the rows as the rules score them
where that adds up to it; a full group score goes to each row in full (an unmet row at
full marks is then JX402, at the merged cell); any other group score gives its met rows
full marks and the rest of the group's score to the rows that fell short, in proportion
to what the rules give them. A group whose rows' own 得分 exceed an equal share (the unit
split the points its own way, 12 and 8 of 20) is still one group: each row keeps the equal
share (the 分值 total, the total the rules compute), and the subtotal is marked
``split_unknown`` — no row's own 分值 is known, so its 得分 is judged with the group's
(JX401 the rows' sum above the merged points, JX402/JX403/JX405 on the group), never
against the share (``model.unsplit_group``).
"""

from __future__ import annotations

from dataclasses import replace

from jixiao.model import Indicator, SelfEvaluation, Sources, Subtotal, score_indicator
from jixiao.read.grid import Grid, note, points_at
from jixiao.rules import TOLERANCE, even_shares, round2
from jixiao.xlsx.refs import split_ref


def split_merged_points(grid: Grid, columns: dict[str, int], table: SelfEvaluation) -> None:
    """Read each 分值 merged over several indicator rows of ``grid`` as their group's (and
    a 得分 merged over rows with their own 分值, ``_split_merged_scores``)."""
    weight_column, score_column = columns.get("weight"), columns.get("score")
    if score_column is not None and score_column in grid.merged_down():
        _split_merged_scores(grid, weight_column, score_column, table)
    if weight_column is None or weight_column not in grid.merged_down():
        return  # no 分值 merged down: every table without one stops here
    groups: dict[tuple[int, int], list[tuple[int, Indicator]]] = {}
    for indicator in table.indicators:
        row = _row(grid, indicator)
        if row is None:
            continue
        anchor = grid.origin.get((row, weight_column))
        if anchor is not None and anchor[1] == weight_column:
            groups.setdefault(anchor, []).append((row, indicator))
    for (top, _), members in groups.items():
        rows = [row for row, _ in members]
        if len(members) < 2 or rows[0] != top:
            continue  # one row under its merge (an ordinary merged cell)
        stated = points_at(grid, top, weight_column)
        if stated is None or stated <= 0:
            continue
        _split(grid, table, top, weight_column, score_column, stated, members)


def _split_merged_scores(grid: Grid, weight_column: int | None, score_column: int,
                         table: SelfEvaluation) -> None:
    """A 得分 merged over rows that each have their own 分值 (数量指标's 10 and 10 scored 20
    in one cell): the group's, given to its rows as the rules score them where that adds
    up to it, else full marks to the rows met and the rest to those short in proportion."""
    groups: dict[tuple[int, int], list[tuple[int, Indicator]]] = {}
    for indicator in table.indicators:
        row = _row(grid, indicator)
        anchor = None if row is None else grid.origin.get((row, score_column))
        if anchor is not None and anchor[1] == score_column and (
                weight_column is None or grid.origin.get((row, weight_column)) is None):
            groups.setdefault(anchor, []).append((row, indicator))
    for (top, _), members in groups.items():
        indicators = [indicator for _, indicator in members]
        if len(members) < 2 or members[0][0] != top or any(
                indicator.weight is None for indicator in indicators) \
                or indicators[0].score_declared is None \
                or any(indicator.score_declared is not None for indicator in indicators[1:]):
            continue
        scores = _group_scores(indicators, indicators[0].score_declared, table)
        if scores is None:
            continue  # no split the rules allow: left as read (its checks say so)
        place = note(table, grid, top, score_column)
        for indicator, score in zip(indicators, scores, strict=True):
            indicator.score_declared = score
            indicator.sources["score"] = place


def _row(grid: Grid, indicator: Indicator) -> int | None:
    """The indicator's row on ``grid`` (from where its 分值 was read — always its own row —
    else its name: a 三级 merged down over several rows is read from the first)."""
    for key in ("weight", "name", "target"):
        place = dict.get(indicator.sources, key)
        if place is None:
            continue
        if isinstance(place, tuple):
            return place[1] if place[0] is grid else None
        return split_ref(place.cell)[0] if place.sheet == grid.name else None
    return None


def _split(grid: Grid, table: SelfEvaluation, top: int, weight_column: int,
           score_column: int | None, stated: float, members: list[tuple[int, Indicator]]) -> None:
    indicators = [indicator for _, indicator in members]
    merged_score = score_column is not None and all(
        grid.origin.get((row, score_column)) == (top, score_column) for row, _ in members)
    low = even_shares(stated, len(indicators))[-1]
    claimed = [] if merged_score else [  # the rows the unit itself gave the higher cent
        position for position, indicator in enumerate(indicators)
        if indicator.score_declared is not None and indicator.score_declared > low + TOLERANCE]
    shares = even_shares(stated, len(indicators), claimed)
    split_unknown = not merged_score and any(  # the unit split them its own way (12 and 8)
        indicator.score_declared is not None and indicator.score_declared > share + TOLERANCE
        for indicator, share in zip(indicators, shares, strict=True))
    group_score = indicators[0].score_declared if merged_score else None
    weight_place = note(table, grid, top, weight_column)
    for indicator, share in zip(indicators, shares, strict=True):
        indicator.weight = share
        indicator.sources["weight"] = weight_place
    if merged_score:
        score_place = note(table, grid, top, score_column)
        scores = _group_scores(indicators, group_score, table) \
            or even_shares(group_score, len(indicators))  # type: ignore[arg-type]
        for indicator, score in zip(indicators, scores, strict=True):
            if indicator.judged == indicator.score_declared and "judged" not in table.columns:
                indicator.judged = score
            indicator.score_declared = score
            indicator.sources["score"] = score_place
    sources = Sources({"weight": weight_place, "merged": weight_place})
    if split_unknown:
        sources["split_unknown"] = weight_place
    table.subtotals.append(Subtotal(indicators[0].level2 or indicators[0].name or "", stated,
                                    group_score, indicators, sources))


def _group_scores(indicators: list[Indicator], group: float | None,
                  table: SelfEvaluation) -> list[float | None] | None:
    """A group 得分 given to its rows (see the module's docstring), each row at its own
    分值; None where no split fits it (a score below what the rows met earn)."""
    if group is None:
        return [None] * len(indicators)
    weights = [indicator.weight or 0.0 for indicator in indicators]
    ruled = [score_indicator(replace(indicator, score_declared=None), table.rules).value
             for indicator in indicators]
    if all(value is not None for value in ruled) \
            and abs(sum(ruled) - group) <= TOLERANCE * len(indicators):  # type: ignore[arg-type]
        return ruled  # type: ignore[return-value]
    if abs(group - sum(weights)) <= TOLERANCE:
        return list(weights)
    full = [value is not None and value >= weight - TOLERANCE
            for value, weight in zip(ruled, weights, strict=True)]
    rest = group - sum(weight for weight, met in zip(weights, full, strict=True) if met)
    short = [value if value is not None else weight
             for value, weight, met in zip(ruled, weights, full, strict=True) if not met]
    if not short or rest < 0:  # every row met its target, or the score is below the met rows'
        return None
    total = sum(short) or 1.0
    return [weight if met else round2(rest * (value if value is not None else weight) / total)
            for value, weight, met in zip(ruled, weights, full, strict=True)]
