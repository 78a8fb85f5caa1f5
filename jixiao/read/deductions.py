"""Scores written as what was lost: a table with a 扣分 or a 得分率 column and no 得分.

Some county forms print 分值 | 扣分 | 扣分原因 (or 分值 | 得分率（%）) and no 得分 column:
the unit's score of a row is 分值 − 扣分 (分值 × 得分率 ÷ 100). Read so, it is the row's
declared score, kept at the 扣分 (得分率) cell it came from, and judged as any score is
(JX401–JX404, JX501). Where the column has a deduction on some row, a blank 扣分 cell (or
"—") is none deducted; a column left blank throughout scores nothing (JX409 as before).
A 得分率 is a percent: "98.5%", 98.5 % in a percent format, 98.5; a column whose plain
numbers are all at most 1 holds fractions (0.985). Beside a 得分 column both are only
read: the 扣分 for JX412 (``Indicator.deduction``), the 得分率 not at all.
"""

from __future__ import annotations

from jixiao.model import Indicator, SelfEvaluation
from jixiao.parsing import is_placeholder, normalize_text, parse_points
from jixiao.read.grid import percent_shown
from jixiao.rules import round2


def read_deductions(table: SelfEvaluation) -> None:
    """Give each row its score from the 扣分 or 得分率 column where there is no 得分 one."""
    if "score" in table.columns:
        return
    rows = [indicator for indicator in table.indicators
            if indicator.weight is not None and indicator.score_declared is None]
    if "deduction" in table.columns and any(row.deduction is not None for row in rows):
        key = "deduction"
        scores = [(row, None if (lost := _deducted(table, row)) is None
                   else row.weight - lost) for row in rows]  # type: ignore[operator]
    elif "score_share" in table.columns:
        key = "score_share"
        shares = [(row, _share(table, row)) for row in rows]
        # plain numbers all ≤ 1 (0.985): fractions; else percents (98.5)
        scale = 1 if all(share <= 1 for _, (share, percent) in shares
                         if share is not None and not percent) else 100
        scores = [(row, None if share is None else row.weight * share / (1 if percent else scale))
                  for row, (share, percent) in shares]  # type: ignore[operator]
    else:
        return
    if all(score is None for _, score in scores):
        return  # a column left blank: no score written (JX409 as before)
    for row, score in scores:
        if score is None or key not in row.sources:
            continue
        row.score_declared = round2(score)
        row.sources["score"] = row.sources[key]
        if "judged" not in table.columns:
            row.judged = row.score_declared
    table.columns = table.columns | {"score"}


def _deducted(table: SelfEvaluation, row: Indicator) -> float | None:
    """A row's 扣分: as written, none where its cell is blank or "—"; None for a text."""
    if row.deduction is not None:
        return row.deduction
    info = table.cell(row.sources.get("deduction"))
    value = None if info is None else info.value
    return 0.0 if value is None or is_placeholder(value) else None


def _share(table: SelfEvaluation, row: Indicator) -> tuple[float | None, bool]:
    """A row's 得分率 and whether it is a fraction already (written with %): "98.5%" and
    98.5 % in a percent format → (0.985, True); 98.5 → (98.5, False); blank → (None, False)."""
    info = table.cell(row.sources.get("score_share"))
    if info is None or info.value is None or isinstance(info.value, bool):
        return None, False
    value = info.value
    if isinstance(value, str):
        return _share_text(value)
    if isinstance(value, (int, float)):  # 0.985 in a 0.00% cell; 98.5 in a 0.00"%" one
        shown = percent_shown(value, info.number_format)
        return _share_text(shown) if isinstance(shown, str) else (float(value), False)
    return None, False


def _share_text(text: str) -> tuple[float | None, bool]:
    text = normalize_text(text).strip()
    if text.endswith("%"):
        number = parse_points(text[:-1])
        return (None, False) if number is None else (number / 100, True)
    return parse_points(text), False
