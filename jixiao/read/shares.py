"""得分 written as a share of the 分值 (``100%``, ``98.5%``) instead of points, and 权重
written as decimal shares of the whole (0.15, 0.1 …, 合计 1) beside 得分 in points.

Some units fill the 得分 column with how much of each row's 分值 was earned: 15 points
at full marks written ``100%``, the 执行率得分 of 10 points at 98.5 % written ``98.5%``.
Read as points they are 100 and 98.5 (a total near 800, a JX401 on every row). The
reading is taken only where it explains the whole table:

- every filled 得分 (indicators and the 执行率's) is a share — text ending in %, or a
  number shown in a percent format — between 0 and 100 %, on a row with a 分值;
- and the 总分 written equals Σ 分值 × share (within the tolerance), or reading them as
  points is impossible (most exceed their 分值; a wrong 总分 is then JX501 as ever).

Then each 得分 is 分值 × share, rounded to 2 decimals, and checked as any score is;
``sources["score_shares"]`` keeps the first such cell, where JX411 asks for points.
A single ``100%`` among point scores is left as it is (JX401 says 100 > 分值).

A 权重 column of decimals (``read_weight_shares``) is read as its shares of the 100
points — 0.15 is 15, as "15%" and 15% typed into Excel already are — only where every
weight (the money's too) is a share of 1, they total 1 (± 0.01), and the 得分 are on the
100 scale (they total more than the weights can). So are the indicators' alone where the
执行率's points stand beside them as a plain number (the money's 分值 10, a 预算执行率
row's 10, or the rule set's 10 where the table lists none) and they make the 100 with
them: 10 + (0.3 + 0.2 + 0.15 + 0.15 + 0.1) × 100 = 100 (± 1) — with the indicators' 得分
in points, or none where the table writes the 10 itself. ``sources["weight_shares"]``
keeps the first such cell, where the 总分 row's written 1 counts 100 (JX101). A 合计 or
总分 row's 权重 summed over the column as written (=SUM(G13:G17) 0.9, or 10.9 with the
money's 10) states the same weights: ``shares_as_written`` gives that sum to JX101/JX103.
"""

from __future__ import annotations

from jixiao.model import SelfEvaluation, is_execution_row
from jixiao.parsing import normalize_text, parse_points
from jixiao.rules import FULL_MARKS, SHARES_SLACK, TOLERANCE, round2


def _share(table: SelfEvaluation, line: object) -> float | None:
    """The share of its 分值 a line's 得分 cell states (1.0 for 100%); None for points."""
    info = table.cell(line.sources.get("score"))  # type: ignore[attr-defined]
    if info is None:
        return None
    value = info.value
    if isinstance(value, str):
        text = normalize_text(value).strip()
        if not text.endswith("%"):
            return None
        number = parse_points(text[:-1])
        return None if number is None else number / 100
    if isinstance(value, (int, float)) and not isinstance(value, bool) \
            and "%" in info.number_format:
        return float(value)
    return None


def read_shares(table: SelfEvaluation) -> None:
    """Turn 得分 written as shares of the 分值 into points, where that explains the table."""
    lines: list = [i for i in table.indicators if i.score_declared is not None]
    if table.funds.score_declared is not None and "score" in table.funds.sources:
        lines.append(table.funds)
    if len(lines) < 2 or any(line.weight is None for line in lines):
        return
    shares: list[float] = []
    for line in lines:  # the first score in points ends it: most tables, at one cell
        share = _share(table, line)
        if share is None or not -TOLERANCE <= share <= 1 + TOLERANCE:
            return
        shares.append(share)
    scores = [round2(line.weight * share) for line, share in zip(lines, shares, strict=True)]
    totals_agree = table.total_declared is not None \
        and abs(sum(scores) - table.total_declared) <= max(TOLERANCE, 0.01 * len(lines))
    as_points_impossible = \
        2 * sum(line.score_declared > line.weight + TOLERANCE for line in lines) > len(lines)
    if not (totals_agree or as_points_impossible):
        return  # most read fine as points, and the 总分 does not say otherwise
    without_judged = "judged" not in table.columns
    for line, score in zip(lines, scores, strict=True):
        if without_judged and getattr(line, "judged", None) == line.score_declared:
            line.judged = score  # the reader took the 得分 for the person's score
        line.score_declared = score
    table.sources["score_shares"] = lines[0].sources["score"]


def read_weight_shares(table: SelfEvaluation) -> None:
    """Turn 权重 written as decimal shares of 1 into points, where the 得分 are points."""
    lines: list = [i for i in table.indicators if i.weight is not None]
    if table.funds.weight is not None and table.execution_line \
            and table.funds_weight_source != "rules":
        lines.append(table.funds)
    weights = [line.weight for line in lines]
    if len(lines) < 2 or any(not -TOLERANCE <= weight <= 1 + TOLERANCE for weight in weights) \
            or abs(sum(weights) - 1) > SHARES_SLACK:
        _read_shares_beside_points(table)
        return
    scores = [line.score_declared for line in lines if line.score_declared is not None]
    if sum(scores) <= 1 + SHARES_SLACK:
        return  # 得分 in the same shares (or none): nothing says the weights are not points
    _as_points(table, lines)


def _read_shares_beside_points(table: SelfEvaluation) -> None:
    """Turn the indicators' 权重 0.3, 0.2 … into points where the 执行率's points stand
    beside them unscaled (10) and 10 + their total × 100 makes the 100."""
    money: list = [i for i in table.indicators
                   if i.weight is not None and i.weight >= 1 and is_execution_row(i)]
    if table.funds.weight is not None and table.execution_line:
        money.append(table.funds)
    shares: list = [i for i in table.indicators
                    if i.weight is not None and not any(i is line for line in money)]
    if not money or len(shares) < 2 or any(not 0 < line.weight < 1 for line in shares):
        return
    points = sum(line.weight for line in money)
    share_total = sum(line.weight for line in shares)
    if points < 1 or abs(points + share_total * FULL_MARKS - FULL_MARKS) \
            > SHARES_SLACK * FULL_MARKS:
        return  # the shares leave the 100 short or over: a weighting to report (JX101)
    scores = [line.score_declared for line in shares if line.score_declared is not None]
    if sum(scores) <= share_total + SHARES_SLACK \
            and (scores or table.funds_weight_source == "rules"):
        return  # 得分 in the same shares, or no 10 the table writes to set the scale
    _as_points(table, shares)


def shares_as_written(table: SelfEvaluation, lines: list) -> float | None:
    """What ``lines``' 权重 total as their cells write them (0.3 + 0.2 + 0.15 + 0.15 + 0.1
    = 0.9 for the 30, 20, 15, 15, 10 read from them; 10.9 with the money's 10), where the
    table's 权重 were read as shares; None where they were not."""
    if "weight_shares" not in table.sources:
        return None
    total = 0.0
    for line in lines:
        info = table.cell(line.sources.get("weight"))
        written = None if info is None or isinstance(info.value, bool) \
            else parse_points(info.value)
        total += (line.weight or 0.0) if written is None else written  # the rules' 10: no cell
    return round2(total)


def _as_points(table: SelfEvaluation, lines: list) -> None:
    for line in lines:
        line.weight = round2(line.weight * FULL_MARKS)
    table.sources["weight_shares"] = lines[0].sources.get("weight")
