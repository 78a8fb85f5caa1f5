"""JX3xx — the money block: 预算数, 执行数, 执行率 and its score.

Over 400 lines: the one family's checks and their docstrings (which docs/rules.md and
`jixiao rules` print), each check short; a family split across modules would be harder
to read against its codes.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from jixiao import rules
from jixiao.checks.base import (
    CAPPED_RATE,
    MONEY_AMOUNTS,
    Finding,
    blank,
    cell_named,
    check,
    differs,
    finding,
    grade_moves,
    is_budget_rate_indicator,
    jixiao_formula,
    label,
    never_calculated,
    points,
    points_below,
    points_written,
    rate_written_for,
    rounding_hint,
    score_shown,
    shown_unrounded,
    typed_in,
    what_follows,
    wrong_rate_actual,
)
from jixiao.errors import ScoreInputError
from jixiao.layout import FUND_REASON, FUND_REASON_HEADER, FUND_REASON_TITLE
from jixiao.model import (
    ERROR_TEXTS,
    Evaluation,
    FundLine,
    Funds,
    Indicator,
    SelfEvaluation,
    Source,
    execution_row_rate,
    execution_written,
    explained,
    formula_error_said,
    money_line_named,
    money_rate,
    plain_text,
    result_lost,
    shown_error,
    unexplained,
)
from jixiao.parsing import parse_measure, visible_text
from jixiao.rules import SCORE_STEP, TOLERANCE
from jixiao.units import split_unit


def _lines(table: SelfEvaluation) -> list[FundLine]:
    """The money's lines, those of the blocks under it (转移支付资金 …) after its own."""
    return [line for funds in (table.funds, *table.funds.blocks)
            for line in (funds.total, *funds.parts)]


# The line's 执行率 cells: the one read as its 执行率, and a second one where the form has
# two (子洲: 全年执行率 | 分值 | 执行率 | 得分) — each checked against the money
_RATE_CELLS = ("rate", "rate_beside")


def _written_rate(line: FundLine, key: str = "rate") -> float | None:
    """The line's 执行率 as written in its cell ``key`` (``_RATE_CELLS``)."""
    return line.rate_declared if key == "rate" else line.rate_beside


def _rate_stands_for(table: SelfEvaluation, line: FundLine, rate: float,
                     key: str = "rate") -> bool:
    """Whether the line's written 执行率 (in its cell ``key``) can stand for ``rate``
    (``rate_written_for``)."""
    return rate_written_for(table, line.sources.get(key), _written_rate(line, key), rate)  # type: ignore[arg-type]


@check("JX301", "error", "执行率计算错误")
def rate_matches_money(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """执行率不等于 全年执行数 ÷ 全年预算数（超出舍入误差）。

    表中没有“全年预算数”列时按年初预算数计算；说明按表头的写法称呼预算数一栏（四川表的
    “调整后预算数”）。按显示的小数位判断舍入：
    写“99.80%”时允许 0.01 的误差；写整数百分比的，只允许四舍五入或截去小数得到的数
    （97.5% 可写 98% 或 97%，95.00% 只能写 95%，不能写 96%）；写成数字的按输入的位数
    （0.14 即 14%）或百分比格式显示的位数判断，最粗到整数百分比（0.1 不能代表 14.46%）。
    不带百分号、可读作小数也可读作百分数的数（1 即 100% 或 1%，0.5），按与 全年执行数 ÷
    全年预算数 相符的一种读（全年预算数 50、全年执行数 0.5，写 1 即 1%）；两种都不符时，表头
    写“执行率(%)”的按百分数读，否则按小数读；缺金额、算不出时按小数读（0.95 即 95%）。

    **为什么**：执行率决定执行率得分；用错分母（年初预算数）或抄错数是常见错误。

    同一行写了两个执行率的（子洲表：全年执行率 | 分值 | 执行率 | 得分），两处都核对，
    各自指向写错的一格；全年预算数或全年执行数未填、算不出执行率时，两处写得不一致
    （按各自显示的位数不能代表同一个数）也报告，指向第二处。超出预算（执行率超过 100%）
    时，分值、得分旁的第二处写得分所按的 100% 也对；只有一处执行率、执行率得分为满分
    （等于分值）的，写 100%（或 =MIN(B/A,1)）也对，不计分的其中各行写 100% 同样也对，
    超支由 JX303 提示；表头写“序时进度”“序时支出进度”
    “时间进度”的一栏，以及执行率旁写“支出进度”的一栏，是时间进度，不是执行率，不核对。
    全年执行数写了两栏的（已拨付资金 | 全年执行数），按支出的一栏（全年执行数、支出资金）
    计算，拨付的一栏不作执行数。

    **错误示例**：全年预算数 31.56、全年执行数 31.50，执行率写 99.00%。

    **正确示例**：执行率 99.81%（31.50 ÷ 31.56）。
    """
    for line in _lines(table):
        for key in _RATE_CELLS:
            rate = _wrong_rate(table, line, key)
            if rate is not None:
                yield finding("JX301", line.sources.get(key),
                              f"“{line.label}”{_rate_named(table, line, key)}写为 "
                              f"{points(_written_rate(line, key))}%，按 "
                              f"{_division(table, line)} 应为 {points(rate)}%")
        if _rates_disagree(table, line):
            first, second = _rate_names(table)
            yield finding("JX301", line.sources.get("rate_beside"),
                          f"“{line.label}”两处执行率不一致：{first}写为 "
                          f"{points(line.rate_declared)}%，{second}写为 "
                          f"{points(line.rate_beside)}%（{_division(table, line)}，"
                          "算不出执行率，无法判断哪一处对）")


def _rate_names(table: SelfEvaluation) -> tuple[str, str]:
    """The two 执行率 columns as the header names them (全年执行率, 执行率)."""
    return table.funds.rate_names or ("执行率", "执行率")


def _rate_named(table: SelfEvaluation, line: FundLine, key: str) -> str:
    """The 执行率 a finding speaks of: plain where the line has one, else which of its two
    by its header (the second's naming the first where that one is written otherwise)."""
    if line.rate_beside is None:
        return "执行率"
    first, second = _rate_names(table)
    if key == "rate":
        return first
    if line.rate_declared is None or line.rate_declared == line.rate_beside:
        return second
    return f"{second}（{first}写为 {points(line.rate_declared)}%）"


def _rates_disagree(table: SelfEvaluation, line: FundLine) -> bool:
    """Whether a line's two written 执行率 cannot stand for one rate, where its amounts
    give none to check them by (else each is checked against it)."""
    if line.rate_declared is None or line.rate_beside is None \
            or _computed_rate(line) is not None \
            or any(jixiao_formula(table, line.sources.get(key)) for key in _RATE_CELLS):
        return False
    capped = min(line.rate_declared, CAPPED_RATE)  # 105% beside 100%: the score's rate
    return not _rate_stands_for(table, line, line.rate_declared, "rate_beside") \
        and not _rate_stands_for(table, line, capped, "rate_beside") \
        and not _rate_stands_for(table, line, line.rate_beside, "rate")


def _wrong_rate(table: SelfEvaluation, line: FundLine, key: str = "rate") -> float | None:
    """The 执行率 the amounts give where the line's written one (in its cell ``key``) is
    wrong beyond the rounding it shows (JX301's case), else None."""
    if _written_rate(line, key) is None or jixiao_formula(table, line.sources.get(key)):
        return None
    rate = _computed_rate(line)
    if rate is None or _rate_stands_for(table, line, rate, key):
        return None
    if rate > CAPPED_RATE and _rate_stands_for(table, line, CAPPED_RATE, key) \
            and (key == "rate_beside" or _capped_for_full_marks(table, line)):
        return None  # spent over the budget: the rate the 分值 and 得分 stand beside, capped
    return rate


def _capped_for_full_marks(table: SelfEvaluation, line: FundLine) -> bool:
    """Whether a line's one 执行率 cell may write 100 % for B over A (105 of 100, typed or
    =MIN(B/A,1)): the rate the score counts (``rules.execution_score`` caps it), where the
    line's 执行率得分 is the full 分值 (or not written), and on a 其中 line that scores
    nothing (the template's =MIN(B/A,1) on every line) — JX303 tells the overspend."""
    if line.rate_beside is not None:
        return False
    funds = table.funds
    if any(line is share for share in funds.shares):  # (本级资金 5 | … | 4.75: its own)
        weight, score = line.weight, line.score_declared
    elif line is funds.scored:
        weight, score = funds.weight, funds.score_declared
    else:
        return True  # a 其中 line (or a block's below): no points its rate could be short of
    return score is None or weight is None or not differs(score, weight)


@check("JX302", "error", "执行率得分计算错误")
def execution_score_matches(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """执行率得分不等于 分值 × 执行率（不超过分值），相差超过 0.01。

    与指标得分（JX404）一样，相差不超过 0.01 的不报告：199.9 ÷ 200 = 99.95%，
    10 × 99.95% = 9.995，四舍五入为 10，写作 9.99（舍去了恰好的一半）的，不算错。
    得分保留了两位以上小数、单元格也这样显示的（手工填写 9.486363636，或公式
    =MIN(H6,1)*G6 未用 ROUND、常规格式显示 9.486363636），给出警告：未保留两位小数。

    执行率按 全年执行数 ÷ 全年预算数 计算，得分按这个执行率核对（算不出时才按表中写的
    执行率）：表中写的执行率算错了的（JX301），或取整后再计分的（97.5% 写作 98%、得分
    9.8，应为 9.75），照表中执行率算出的得分同样报告；只是按取整后的执行率计分、不改变
    评分等级的，为警告。总分是按写错的得分加出来的（无论执行率对错），写明总分、评分等级
    随之应为多少（得分超过分值、总分超过 100 的，一并指出）。
    年度资金总额一行的
    分值、得分写“—”（或空着），分值和得分写在其中一行（如“其中：财政拨款”）的，按该行的
    执行率核对，指向该行的得分。没有年度资金总额一行、各行各写分值和得分的（本级资金 5 分、
    转移支付资金 5 分），执行率分值是各行分值之和，各行得分按该行自己的执行率核对，指向该行的得分；
    另有合计一行、其分值和得分正是各行之和的（合计 10、9.75），同样按各行核对；资金栏下另有带
    自己表头的资金块、其年度资金总额也写了分值和得分的，各块按自己的执行率核对，消息写明块名。

    **为什么**：执行率得分是总分的一部分，常被直接写成满分 10 分。

    **错误示例**：分值 10，执行率 97.53%，得分写 10。

    **正确示例**：得分 9.75。
    """
    funds = table.funds
    if funds.shares:  # each line's 分值 × its own 执行率 (本级资金 5, 转移支付资金 5)
        yield from _shares_scored(table)
        return
    source = funds.sources.get("score")
    if funds.score_declared is None or jixiao_formula(table, source):  # (also where a
        # 预算执行率 row scores the 执行率 and the money restates it: ``execution_line`` false)
        return
    weight = funds.weight if funds.weight is not None else 10.0
    if weight < 0:
        return
    written = funds.scored.rate_declared  # (the 其中 line the points stand on, if so)
    wrong = _wrong_rate(table, funds.scored) is not None  # JX301: not a rate to score by
    # the rate is B ÷ A: the written one only where the amounts give none
    rate = evaluation.rate if evaluation.rate is not None else None if wrong else written
    if rate is None:
        return
    expected = rules.execution_score(rate, weight)
    shown = score_shown(table, source, funds.score_declared)
    if shown_unrounded(shown, expected, weight):  # 9.486363636 shown for 9.49 (as JX404's)
        yield finding("JX302", source,
                      f"执行率得分 {points_written(shown)} 未保留两位小数，按分值 "  # type: ignore[arg-type]
                      f"{points(weight)} × {_on_line(funds.scored, '执行率', table)} "
                      f"{points(rate)}% 应为 {points(expected)}{rounding_hint(table, source)}",
                      severity="warning")
    elif differs(funds.score_declared, expected):  # (within 0.01, as an indicator's: JX404)
        followed = written is not None and rate != written and not differs(
            funds.score_declared, rules.execution_score(written, weight))
        why = f"（表中执行率写为 {points(written)}%，有误，见 JX301）" if wrong \
            else f"（表中执行率写为 {points(written)}%，是舍入后的数；得分按 " \
                 f"{_division(table, funds.scored)} 计，不先舍入）"
        # the 总分 the written score carried (where it is the written scores' sum), whether
        # the score followed a wrong rate or is wrong on its own
        why = f"{why if followed else ''}{_what_follows(table, expected)}"
        # scored from the rate as written, rounded as it may be: the rules' way is B ÷ A
        # unrounded, a few hundredths apart — a warning, unless it moves the grade
        rounded = followed and not wrong and not (
            execution_written(table) and table.funds.score_declared is not None
            and grade_moves(table, table.funds.score_declared, expected))
        yield finding("JX302", source,
                      f"执行率得分写为 {points(funds.score_declared)}，按分值 {points(weight)} × "
                      f"{_on_line(funds.scored, '执行率', table)} {points(rate)}% 应为 "
                      f"{points(expected)}{why}", severity="warning" if rounded else None)


def _shares_scored(table: SelfEvaluation) -> Iterator[Finding]:
    """JX302 for the lines that each score their own 执行率 (``Funds.shares``): each
    line's 得分 against its 分值 × its own 全年执行数 ÷ 全年预算数."""
    wrong = []
    for line in table.funds.shares:
        source = line.sources.get("score")
        rate = _computed_rate(line)
        if line.score_declared is None or line.weight is None or rate is None \
                or jixiao_formula(table, source):
            continue
        expected = rules.execution_score(rate, line.weight)
        if differs(line.score_declared, expected):
            wrong.append((line, source, rate, expected))
    # the 总分 the written scores carried: each wrong one put right (4.75 + 5 → 4.75 + 4.5)
    follows = _what_follows(table, table.funds.score_declared - sum(
        line.score_declared - expected for line, _, _, expected in wrong)) \
        if wrong and table.funds.score_declared is not None else ""
    for line, source, rate, expected in wrong:
        yield finding("JX302", source,
                      f"“{line.label}”执行率得分写为 {points(line.score_declared)}，按分值 "
                      f"{points(line.weight)} × 执行率 {points(rate)}% 应为 {points(expected)}"
                      f"{follows}")


def _what_follows(table: SelfEvaluation, score: float) -> str:
    """What a wrong 执行率得分 (scored from a wrong 执行率 or not) carried into the 总分 and
    the 评分等级 (``what_follows``); "" where the table writes no cell for it."""
    if table.funds.score_declared is None or not execution_written(table):
        return ""
    return what_follows(table, table.funds.score_declared, score)


@check("JX303", "warning", "执行数大于预算数")
def executed_within_budget(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """全年执行数大于全年预算数。

    **为什么**：超预算支出须有调整手续；也常是预算数与执行数填反了。

    **错误示例**：全年预算数 30，全年执行数 33。

    **正确示例**：全年预算数 33（调整后），全年执行数 33。

    年度资金总额的全年预算数为 0 或空着、执行率无法计算（JX307 已报告）时，预算数为 0
    的各行不再逐行报告（同一原因：全年预算数未填）；预算数大于 0 的行照常报告。
    """
    # a 全年预算数 of 0 (left empty, its formulas reading nothing) where JX307 already says
    # the 执行率 cannot be computed for it: each line's 0 is that one cause, not an overspend
    budget = table.funds.scored.budget
    unbudgeted = (budget is None or budget <= 0) and _unverified(table, evaluation) is not None
    for funds in (table.funds, *table.funds.blocks):
        unit = funds.unit  # each of its lines' (``_unit``), taken once for the block
        for line in (funds.total, *funds.parts):
            if line.budget is None or line.executed is None \
                    or (unbudgeted and line.budget == 0):
                continue
            if line.executed > line.budget + TOLERANCE * unit:
                yield finding("JX303", line.sources.get("executed"),
                              f"“{line.label}”{table.funds.executed_column()} "
                              f"{_shown(line.executed, unit)} 大于"
                              f"{table.funds.budget_column(line)} {_shown(line.budget, unit)}")


def _sum(values: Iterator[float | None] | list[float | None]) -> float | None:
    """The sum of the amounts given; None when none is."""
    given = [value for value in values if value is not None]
    return sum(given) if given else None


@check("JX304", "error", "资金明细合计不等于总额")
def money_lines_add_up(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """当年财政拨款 + 上年结转资金 + 其他资金 ≠ 年度资金总额。

    **为什么**：总额与明细不符，说明有一行漏填或抄错，执行率也可能因此算错。

    **错误示例**：年度资金总额 34.00，其中财政拨款 30.00、上年结转 0、其他 0。

    **正确示例**：年度资金总额 34.00 = 财政拨款 34.00 + 0 + 0。按资金来源分列的
    （中央补助、省级资金、市县配套）可以是总额的明细，也可以是紧挨在它们上面的那一行
    （如财政拨款）的明细，这时它们的合计应等于那一行；财政拨款下再列的“其中：一般公共预算、
    政府性基金”（或紧挨在财政拨款下列出的各预算）同样是财政拨款的明细。紧挨在某一行下、
    合计等于该行的几行是该行的明细（明细下还可再分），只要有一种这样的分法使各行合计等于
    总额就不报（中央补助 8000、地方资金 4000 及其下的省级 1500、市级 1000、县级 1500，
    合计 12000）。部门整体表按收入性质分（财政拨款、
    其他资金）和按支出性质分（基本支出、项目支出）列出的，是同一总额的两种分法：
    各自合计应等于年度资金总额，不相加。某一行下只列了一行“其中”（当年财政拨款 600，
    其中：中央资金 400）的，是其中一部分，不要求相等（不超过该行即可）。专项债券、
    新增债券资金等政府债券列在财政拨款下的，是财政拨款的明细。消息写出所比较的各行及其合计，预算数一栏用表中自己的栏名（如“调整后预算数”）。
    金额保留两位小数、逐行四舍五入（由元折算为万元）的，各行合计与总额可差出尾差：每行与
    总额各差不到半个 0.01，n 行的合计至多差 n÷2（取整）个 0.01——两行、三行差 0.01 不报
    （1,234,550 元、765,450 元折为 123.46、76.55，合计 200.01，总额 2,000,000 元为 200.00）；
    表下“因四舍五入，合计数与分项之和存在尾差”的说明指的就是这种差额。以元为单位的表
    （项目资金（元））按元的两位小数计尾差：差 1 元、100 元都报告，消息按表中的元写出金额。
    一栏的明细除空格外只填了 0 的（当年财政拨款空着、上年结转填 0）视为未分列，与各行都空着
    一样不核对；明细中有金额的，空着的行即没有（上年结转空着为 0），照常核对。
    资金栏下另有一块带自己表头和年度资金总额的（转移支付资金（万元） | 年初预算数 | …），
    该块的其中各行与它自己的年度资金总额核对，消息写明块名（“转移支付资金”全年执行数：…）。
    其中各行之间的“小计”（小计、上级补助资金小计）是它上面几行（年度资金总额或上一个小计以下
    各行）之和，不算作明细：中央补助 600、省级补助 300、小计 900、县级配套 100 的明细合计
    600 + 300 + 100 = 1000。小计不等于这几行之和（也不等于其中最后几行之和）的，在小计上报告
    （“各明细合计 900（中央补助资金 600 + 省级补助资金 300），“小计”为 890”）。
    """
    for funds in (table.funds, *table.funds.blocks):
        yield from _block_adds_up(table, funds)


def _block_adds_up(table: SelfEvaluation, funds: Funds) -> Iterator[Finding]:
    """JX304 for one money block: the first, or one under it with a total of its own (its
    findings named by its label, “转移支付资金”全年执行数：…)."""
    if not funds.parts:
        return
    shown_budget = "budget" not in funds.total.sources or (
        funds.total.sources.get("budget") != funds.total.sources.get("initial_budget"))
    plain = [line for line in funds.parts if line.split is None]
    splits: dict[str, list[FundLine]] = {}
    for line in funds.parts:
        if line.split is not None:
            splits.setdefault(line.split, []).append(line)
    for key, name in MONEY_AMOUNTS:
        if key == "budget" and not shown_budget:
            continue  # no 全年预算数 column: A is the 年初预算数, already checked
        if key == "budget":
            name = funds.budget_column(funds.total)  # the column's own name (调整后预算数)
        if funds.label is not None:
            name = f"“{funds.label}”{name}"
        total = getattr(funds.total, key)
        if total is None or any(never_calculated(table, line.sources.get(key))
                                for line in funds.parts):
            continue  # (an amount saved as a formula without its result: JX504's)
        if plain:
            yield from _lines_add_up(funds.total, plain, key, name, funds.unit)
        for split, lines in splits.items():  # each breakdown on its own
            yield from _lines_add_up(funds.total, lines, key, f"{name}（{split}）", funds.unit)
        for subtotal, added in funds.subtotals:
            if not never_calculated(table, subtotal.sources.get(key)):
                yield from _subtotal_adds_up(subtotal, added, key, name, funds.unit)


def _subtotal_adds_up(subtotal: FundLine, added: list[FundLine], key: str, name: str,
                      unit: float) -> Iterator[Finding]:
    """JX304 at a 小计 line (``Funds.subtotals``) in column ``key``: not its lines' sum
    (those above it since the total or the 小计 before), nor that of the last of them (中央
    补助 then 地方资金: 省级 + 县级 = 小计)."""
    total = getattr(subtotal, key)
    if total is None or not added:
        return
    for start in range(1, len(added)):
        values = [getattr(line, key) for line in added[start:]]
        given = _sum(values)
        if given is not None and not differs(given, total, _tail(values, unit)):
            return
    yield from _lines_add_up(subtotal, added, key, name, unit, f"“{subtotal.label}”")


def _tail(values: list[float | None], unit: float = 1.0) -> float:
    """How far the amounts ``values`` (those given) may add up from their total by their
    rounding alone (``rules.rounding_tail``), shown with 2 decimals of the ``unit`` the
    cells show (``Funds.unit``: 0.01 元 in a table in 元, not 0.01 万元)."""
    return rules.rounding_tail(sum(value is not None for value in values)) * unit


def _shown(amount: float | None, unit: float) -> str:
    """An amount (in 万元) as its cell shows it, in the ``unit`` of its block (1,286,400
    in a table in 元, not 128.64)."""
    return points(None if amount is None else amount / unit)


def _unit(table: SelfEvaluation, line: FundLine) -> float:
    """The unit the cells of ``line`` show its amounts in (``Funds.unit``)."""
    return next((funds.unit for funds in (table.funds, *table.funds.blocks)
                 if any(line is one for one in (funds.total, *funds.parts))), table.funds.unit)


def _named(lines: list[FundLine], key: str, unit: float = 1.0) -> str:
    """The lines a sum adds, named: （中央补助 60 + 地方资金 37.5 + 其他资金 0）."""
    given = [f"{line.label} {_shown(getattr(line, key), unit)}" for line in lines
             if getattr(line, key) is not None]
    return f"（{' + '.join(given)}）" if given else ""


def _lines_add_up(total_line: FundLine, parts: list[FundLine], key: str, name: str,
                  unit: float = 1.0, total_name: str = "年度资金总额") -> Iterator[Finding]:
    """JX304 for the 其中 lines ``parts`` (not in a breakdown) in column ``key``, their
    cells showing ``unit`` (``Funds.unit``); the total named ``total_name``."""
    total = getattr(total_line, key)
    values = [getattr(line, key) for line in parts]
    if all(value is None for value in values):
        return
    everything = _sum(values)
    if everything is not None and not differs(everything, total, _tail(values, unit)):
        return  # (a cent or so apart: the lines' rounding, 元 converted to 万元 line by line)
    if _nests(values, total, unit):
        return  # 地方资金 400, then its 省级资金 250 + 市县资金 150: a line and its own parts
    if everything is not None and not math.isfinite(everything):
        return  # amounts too big to add: JX601 says so
    outer_lines = [line for line in parts if not line.nested]
    outer_values = [getattr(line, key) for line in outer_lines]
    nested_values = [getattr(line, key) for line in parts if line.nested]
    outer, nested = _sum(outer_values), _sum(nested_values)
    if nested is not None and not differs(nested, total, _tail(nested_values, unit)):
        return  # the sources break down the total, the other lines one of them
    parent = _parent_of_nested(parts)
    if parent is not None and any(word in parent.label for word in ("结转", "结余")):
        parent = None  # 上年结转 above 上级补助, 本级财政资金: last year's, not where they came from
    if outer is None or nested is None or parent is None \
            or differs(outer, total, _tail(outer_values, unit)):
        if parent is None and _not_filled_in(values):
            return  # (the total not broken down yet: as when every line is blank)
        # the sum compared: the lines beside the one the sources break down, else all
        added = outer_lines if parent is not None and outer is not None else parts
        shown = _sum(getattr(line, key) for line in added)
        yield finding("JX304", total_line.sources.get(key),
                      f"{name}：各明细合计 {_shown(shown or 0.0, unit)}{_named(added, key, unit)}，"
                      f"{total_name}为 {_shown(total, unit)}")
        return
    part = getattr(parent, key)
    if part is not None and sum(line.nested for line in parts) == 1 \
            and nested < part + TOLERANCE * unit:
        return  # one 其中 line (其中：中央资金 400 of 600): of which, not made of
    if part is None or differs(nested, part, _tail(nested_values, unit)):
        yield finding("JX304", parent.sources.get(key),
                      f"{name}：“{parent.label}”下按来源分列的合计 {_shown(nested, unit)}，"
                      f"“{parent.label}”为 {_shown(part or 0.0, unit)}")


def _not_filled_in(values: list[float | None]) -> bool:
    """Whether a column's 其中 lines were left unfilled, some of them given: nothing but
    zeros beside a blank (当年财政拨款 blank, 上年结转 0) — no line holds an amount, the total
    not broken down yet — not added up, as a column of blanks is not. A blank line beside an
    amount, above or below it (上年结转 blank: no carry-over, 0), is no gap: such a breakdown
    is added up."""
    given = [value for value in values if value is not None]
    return len(given) < len(values) and all(value == 0 for value in given)


_NESTINGS_TRIED = 20000  # a bound on the search, far above any money block's lines
_NESTED_LINES = 200  # a block of more lines is not searched (the search recurses per line)


def _nests(values: list[float | None], total: float, unit: float = 1.0) -> bool:
    """Whether the lines add up to the total once some are read as another line's own
    parts (``own_parts``)."""
    return own_parts(values, total, unit) is not None


def own_parts(values: list[float | None], total: float, unit: float = 1.0
              ) -> frozenset[int] | None:
    """The lines (their places in ``values``, one column's amounts) that are another line's
    own parts in a nesting that makes the lines add up to ``total`` — the run of two or
    more lines right under a line adding up to it (地方资金 400: 省级资金 250 + 市县资金
    150; 基本支出 1200: 人员经费 900 + 公用经费 300), perhaps with parts of their own; None
    where no nesting does. Every nesting is tried, not the first run that fits: 中央补助
    8000 over 地方资金 4000 + 省级 1500 + 市级 1000 + 县级 1500 is not what makes 12000
    (地方资金 over its three is). Amounts not given count 0; past ``_NESTINGS_TRIED``
    tries, or over ``_NESTED_LINES`` lines (a recursion per line), None."""
    if len(values) > _NESTED_LINES:
        return None
    amounts = [value or 0.0 for value in values]
    tail = _tail(values, unit)  # (a nesting's own lines are fewer: their tail no more)
    seen: dict[tuple[int, int, float], frozenset[int] | None] = {}
    tries = [0]

    def side_by_side(start: int, end: int, target: float) -> frozenset[int] | None:
        """Lines start … end - 1, each with its parts below it, adding up to ``target``:
        the places of the parts, or None."""
        if start == end:
            return frozenset() if not differs(target, 0.0, tail) else None
        key = (start, end, round(target, 6))
        if key not in seen:
            tries[0] += 1
            seen[key] = None
            head = amounts[start]
            for stop in (start + 1, *range(start + 3, end + 1)) \
                    if tries[0] <= _NESTINGS_TRIED else ():
                below = frozenset() if stop == start + 1 else (
                    side_by_side(start + 1, stop, head) if head else None)
                if below is None:
                    continue
                rest = side_by_side(stop, end, target - head)
                if rest is not None:
                    seen[key] = below | frozenset(range(start + 1, stop)) | rest
                    break
        return seen[key]

    return side_by_side(0, len(amounts), total)


def _parent_of_nested(parts: list[FundLine]) -> FundLine | None:
    """The line right above the first source line (中央补助 …) that is none itself."""
    for above, line in zip(parts, parts[1:], strict=False):
        if line.nested and not above.nested:
            return above
    return None


@check("JX305", "error", "预算执行率指标与资金执行率不符")
def budget_rate_indicator(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """“预算（资金）执行率”指标的实际完成值，与项目资金栏的执行率不同。

    **为什么**：同一个执行率在表中出现两次，应当一致；不一致时至少一处是错的。

    **错误示例**：项目资金栏执行率 99.70%，“预算资金执行率”指标完成值 90.00%。

    **正确示例**：两处都是 99.70%。

    同一个执行率换了名称的指标也比较：“资金支付率”“支出执行率”“资金支出率”“（预算）支出进度”。
    “资金拨付率”（拨给其他单位的）、“资金到位率”、“农民工工资支付率”等其他资金的比率，以及
    写明是年内某时点的支出进度（“前三季度支出进度”“上半年支出进度”），不是全年执行数 ÷ 全年
    预算数，不比较。

    按指标显示的小数位判断舍入（资金栏 96.37%、指标写 96.4% 或 96% 不算不一致；写整数
    百分比的，只允许四舍五入或截去小数得到的数：96.00% 写作 95% 或 97% 都不一致）。
    比较的是全年执行数 ÷ 全年预算数算出的执行率（算不出时才用资金栏写的执行率）：资金栏
    的执行率写错了（JX301），照实填写的指标不因此报错，照抄错数的指标报此错误。超出预算
    （全年执行数 105、全年预算数 100）、资金栏执行率写得分所按的 100% 的，指标写 100% 也一致。
    指标名称写明资金来源的（“中央资金执行率”“上年结转资金执行率”“财政资金支付率”“省级
    资金支出进度”），与资金栏中该来源的其中行（“中央补助资金”“当年财政拨款”）比较，该指标
    也按这一行的执行率计分；资金栏没有这一行（或不止一行）的，看不出该来源的执行率，不比较。
    资金在另一张工作表上的（评分附件表另附的资金情况表，部门各项目一行的资金明细表），说明中
    写出资金所在的单元格（“资金取自 资金明细!C5、D5”）。
    """
    for indicator in table.indicators:
        value = wrong_rate_actual(table, evaluation, indicator)
        if value is None:
            continue
        named = money_line_named(table, indicator)
        line = named or table.funds.scored
        computed = money_rate(table, indicator, evaluation.rate)
        rate = computed if computed is not None else line.rate_declared
        if rate is None:
            continue
        which = f"“{named.label}”" if named else ""
        source = indicator.sources.get("actual")
        yield finding("JX305", source,
                      f"“{label(indicator)}”完成值 {points(value)}%，与项目资金栏{which}的执行率 "
                      f"{points(rate)}% 不一致"
                      f"{_money_elsewhere(table, line, computed is not None, source)}")


def _money_elsewhere(table: SelfEvaluation, line: FundLine, computed: bool,
                     here: Source | None) -> str:
    """Where the 执行率 compared with a cell of ``here``'s sheet comes from (``line``'s
    amounts where ``computed``, else its written rate), where that is another sheet (a
    部门's 资金明细 listing every project): （资金明细!C5、D5：全年执行数 1080 ÷ 全年预算数
    1200）, or the rate's own cell where no amounts give it; else ""."""
    if computed:
        cells = [line.sources.get(key) for key in ("budget", "executed")]
        said = f"：{_division(table, line)}"
    else:
        cells, said = [line.sources.get("rate")], ""
    cells = [cell for cell in cells if cell is not None]
    if not cells or here is None or all(cell.sheet == here.sheet for cell in cells):
        return ""
    first = cells[0]
    rest = [cell.cell if cell.sheet == first.sheet else str(cell) for cell in cells[1:]]
    return f"（资金取自 {'、'.join([str(first), *rest])}{said}）"


@check("JX306", "warning", "执行率偏低未说明原因")
def low_rate_reason(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """执行率低于 90%，却没有说明原因。

    规则集 sichuan 要求说明（警告）；其他规则集作为提示。原因可写在项目资金栏的
    说明列（jixiao 模板资金栏右侧的“执行率偏低原因说明”，四川表的同名列：本检查指向该
    单元格；资金栏右侧的“备注”列写了原因的，如“因验收延后”）、资金栏下方紧接的一行
    （“执行率偏低原因：……”，或“执行率偏低原因 | ……”）、“预算执行率”指标（或指标值、完成值就是预算数、执行数的指标，如“工程资金金额
    43.2 → 37.24”）的偏差原因分析中，或表下的“偏差大或目标未完成原因分析”行。是否算说明了原因，
    与 JX405 的偏差原因用同一判断：“执行率未达90%原因：已完成”“原因：无”不算。
    没有项目资金栏时，按单列为一级指标的“预算执行率”行（或第三方指标体系“项目管理”“过程”
    下的“预算执行率”，银川）的完成值判断；资金栏没有原因列时，指向该行的偏差原因单元格。

    **为什么**：执行率偏低意味着资金沉淀，审核时须知道原因和改进措施。

    **错误示例**：执行率 75%，偏差原因空白。

    **正确示例**：偏差原因写明“设备采购合同于 12 月签订，尾款次年支付”。
    """
    rate = evaluation.rate
    if rate is None and table.funds.scored.budget != 0:
        rate = table.funds.scored.rate_declared  # a 执行率 of 0/0 is none (JX307 says why)
    rows: list = []
    row_source = None
    if rate is None:  # no money block: the 预算执行率 row of its own 一级, if any
        rows = [i for i in table.indicators if execution_row_rate(i) is not None]
        if rows:
            rate = execution_row_rate(rows[0])
            row_source = rows[0].sources.get("reason") or rows[0].sources.get("actual")
    threshold = evaluation.rules.rate_wanting_reason
    if rate is None or rate >= threshold - 1e-9:
        return
    reasons = [i.reason for i in table.indicators
               if is_budget_rate_indicator(i) or i in rows or _states_the_money(i, table)]
    if explained(table) or any(not unexplained(reason) for reason in reasons):
        return
    if row_source is None and "reason" not in table.funds.sources:
        # a money block without a 原因 column: the reason goes beside the rate's own row
        # (银川: 项目管理 | 预算执行率 | … | 未完成原因分析及改进措施), if the table has one
        row_source = next((i.sources["reason"] for i in table.indicators
                           if "reason" in i.sources and execution_row_rate(i) is not None), None)
    sources = table.funds.scored.sources
    where = ""
    if row_source is None and "reason" in table.funds.sources:
        # the money's own 原因 cell (四川's 执行率偏低原因说明, jixiao's template J6): the
        # empty cell to fill, not the rate
        row_source = table.funds.sources["reason"]
        what = FUND_REASON_TITLE if table.template else "资金栏的原因说明"
        where = f"：请在{what}（{cell_named(table, row_source, sheet=True)}）写明原因"
    elif row_source is None and table.template:
        # a template made before it had the cell: where the reader finds one (J5 | J6)
        where = (f"：请在资金栏右侧 {FUND_REASON_HEADER} 填写“{FUND_REASON_TITLE}”，"
                 f"其下 {FUND_REASON.replace('$', '')} 写明原因")
    source = row_source or sources.get("rate") or sources.get("executed")
    if jixiao_formula(table, source) and "executed" in sources:
        source = sources["executed"]  # the template's rate is locked: point at what was typed
    yield finding("JX306", source,
                  f"执行率 {points_below(rate, threshold)}% 低于 {points(threshold)}%，未说明原因{where}",
                  severity="warning" if evaluation.rules.reason_below_rate is not None
                  else "info")


def _states_the_money(indicator: Indicator, table: SelfEvaluation) -> bool:
    """Whether an indicator's 指标值 and 完成值 are the money's 预算数 and 执行数 (廊坊 2019:
    工程资金金额 43.2 → 37.24 beside 43.2 | 37.24): its 偏差原因 is the money's. The money
    is read in 万元; amounts in 元 (432000元) are scaled by ``units.split_unit``, bare
    numbers taken in the money's 万元."""
    total = table.funds.total
    if total.budget is None or total.executed is None or not total.budget:
        return False
    target, actual = parse_measure(indicator.target), parse_measure(indicator.actual)
    if target.kind != "number" or actual.kind != "number" or target.value is None \
            or actual.value is None or actual.unit != target.unit:
        return False
    scale, base = split_unit(target.unit)
    if base not in ("元", ""):
        return False
    in_wan = scale / 10000 if base == "元" or scale != 1.0 else 1.0  # 元, 万元, 万 → 万元
    return abs(target.value * in_wan - total.budget) < SCORE_STEP \
        and abs(actual.value * in_wan - total.executed) < SCORE_STEP


@check("JX309", "error", "全年预算数或全年执行数未填写")
def money_filled(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """执行率计分，年度资金总额却只填了一部分：全年预算数(A)或全年执行数(B)空着
    （如只填了年初预算数）；jixiao 模板中，资金单元格填的不是数字（“30万元”）——
    粘贴成文字的纯数字（“100.00”）照常按数值计算，不报告；不用的资金行填“/”“—”“无”的，
    与空着相同，不报告。其他表中金额一格填了读不出数额的文字（“壹仟贰佰万元”）的，
    在该格说明“无法读出金额”（“30万元”“¥1,286.40”照常读取）。jixiao 模板中资金单元格显示
    Excel 错误值的，不是填了文字：是公式的，说明公式结果为错误值（如循环引用、无法计算的函数），
    请检查该公式；是粘贴的错误值的，请改填数字（JX_ 公式的 #NAME? 是结果丢失，见 JX504）。

    与指标的实际完成值缺失（JX202）一样是错误：执行率得分算不出，总分和评分等级
    也就算不出（模板中显示 ⚠）。资金栏整行空白、只填了其中各行的，见 JX304、JX307；
    jixiao 模板中资金栏整行空白而指标已填写的同样报此错误（模板的总分显示 ⚠，
    而不是少算了执行率分值的合计）。

    **为什么**：执行率 = 全年执行数 ÷ 全年预算数；少了一个数，执行率得分（通常 10 分）
    就无从计算，按其余各项合计的总分会少算这 10 分。

    **错误示例**：年初预算数 30、全年预算数空白、全年执行数 30；或全年预算数填“30万元”。

    **正确示例**：全年预算数(A) 30、全年执行数(B) 30（模板中只填数字，单位已是万元）。
    """
    for problem, source in money_problems(table):
        yield finding("JX309", source, problem)


def money_problems(table: SelfEvaluation) -> list[tuple[str, Source | None]]:
    """(message, cell) of each amount the 执行率 needs that is missing or, in jixiao's
    template, not a number — the template's own words (``rules.template_amounts``)."""
    funds, scored = table.funds, table.funds.scored
    problems: list[tuple[str, Source | None]] = []
    if table.template:
        for line in _lines(table):
            for key, what in (("budget", rules.BUDGET_NAME), ("executed", rules.EXECUTED_NAME)):
                if never_calculated(table, line.sources.get(key)):
                    continue  # a formula to recalculate (JX504), not an amount left out
                info = table.cell(line.sources.get(key))
                if info is not None and info.error:  # an error value, no text typed
                    if not result_lost(info):  # (a JX_ formula's #NAME?: JX504's)
                        told = formula_error_said(info.error, info.formula) if info.is_formula \
                            else f"为错误值 {info.error}，不是数字：请改填数字"
                        problems.append((_on_line(line, what + told, table),
                                         line.sources.get(key)))
                    continue
                typed = typed_in(table, line, key)
                try:
                    rules.template_amount(typed, what)
                except ScoreInputError:  # the text quoted with what it hides shown
                    message = rules.AMOUNT_NOT_NUMBER.format(
                        what=what, value=visible_text(plain_text(typed)))
                    problems.append((_on_line(line, message, table), line.sources.get(key)))
    if not table.execution_line or table.funds_weight_source != "money" \
            or not funds.weight or problems:
        return problems
    unreadable = {key: text for key in ("budget", "executed")
                  if (text := _unreadable_amount(table, scored, key)) is not None}
    given = [value for key, value in (("initial_budget", scored.initial_budget),
                                      ("budget", scored.budget), ("executed", scored.executed))
             if value is not None or never_calculated(table, scored.sources.get(key))
             or key in unreadable]
    if table.template and not given and any(i.weight for i in table.indicators):
        # the template's formulas show ⚠ in the 总分 (a fresh form, nothing scored, none)
        return [(f"{rules.MONEY_BLANK}（执行率分值 {points(funds.weight)}）",
                 scored.sources.get("budget"))]
    for key, what, column in (("budget", funds.budget_column(scored, rules.BUDGET_NAME), "budget"),
                              ("executed", rules.EXECUTED_NAME, "executed")):
        source = scored.sources.get(key)
        if getattr(scored, key) is not None or not given or column not in table.fund_columns \
                or (key == "budget" and source == scored.sources.get("initial_budget")) \
                or never_calculated(table, source):  # a formula to recalculate (JX504)
            continue
        shown = shown_error(table, source)  # 公式显示 #REF!: not left empty
        message = what + shown if shown else rules.AMOUNT_MISSING.format(what=what)
        if key in unreadable:
            message = shown = rules.AMOUNT_UNREADABLE.format(what=what, value=unreadable[key])
        if key == "budget" and scored.initial_budget is not None and not shown:
            message += f"（年初预算数已填 {_shown(scored.initial_budget, funds.unit)}）"
        problems.append((_on_line(scored, message + "，执行率得分、总分无法计算", table), source))
    return problems


def _unreadable_amount(table: SelfEvaluation, line: FundLine, key: str) -> str | None:
    """The text of a money line's amount cell that holds words no amount is read from
    (“壹仟贰佰万元”), as a message quotes it; None where the amount was read, or the cell
    is blank, marked unused (“/”, “—”) or shows an error (``shown_error``)."""
    if getattr(line, key) is not None or shown_error(table, line.sources.get(key)):
        return None
    value = typed_in(table, line, key)
    if not isinstance(value, str) or rules.marked_unused(value):
        return None
    return visible_text(value.strip())


def _on_line(line: FundLine, message: str, table: SelfEvaluation) -> str:
    """A money line's message, named by its line where it is not the 年度资金总额."""
    return message if line is table.funds.total else f"“{line.label}”{message}"


@check("JX307", "info", "执行率得分无法核对")
def execution_unverified(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """执行率计分，但表中（及其他工作表中）找不到能算出执行率的资金数。

    评分附件表的“预算执行率”行只写了分值和得分、没有资金表时，按填报的得分计入总分；
    资金栏只写了年度资金总额、没有全年执行数时，执行率得分无法计算。四川格式的表
    （权重合计 90，执行率 10 分由资金计分）找不到资金栏时，同样报告，总分无法算出；
    权重合计 90 不报 JX101（缺的是资金数，不是分值）。

    资金栏有表头（全年预算数、全年执行数……），其下一行也填了金额，却没有一行能读作
    资金行的（“培训费”“差旅费”两行，没有年度资金总额、合计一行），同样报告，指向资金栏
    表头：资金、执行率及其分值、得分都未读取（分值合计、各项得分之和不含执行率的，JX101、
    JX501 为警告）。表头下只有一行金额的，不论行名（“农村公路养护资金”“工作经费”“小计”），
    读作年度资金总额一行，不报告此项。

    **为什么**：执行率得分应等于 分值 × 执行率；没有预算数和执行数，审核人无法核对。

    **错误示例**：附件表“预算执行率 | 10 | | | 3.10”，工作簿中没有资金安排情况表；
    资金栏“项目资金（万元） | 全年预算数 | 全年执行数 | 执行率 | 分值 | 得分”下两行
    “培训费 | 120 | 115.6”“差旅费 | 65 | 63”。

    **正确示例**：另附资金表，写明预算安排和实际支出（或全年预算数、全年执行数）。
    """
    said = _unverified(table, evaluation)
    if said is not None:
        yield finding("JX307", *said)


def _unverified(table: SelfEvaluation, evaluation: Evaluation) -> tuple[Source | None, str] | None:
    """JX307's (cell, message) where the table scores its 执行率 and no amount lets jixiao
    compute it; None otherwise."""
    unread = table.sources.get("money_unread")
    if unread is not None:
        return unread, _money_unread(table)
    funds = table.funds
    # the 执行率's points are the table's (a 分值 column, a 预算执行率 row, the rule set's
    # share beside its money), not the default of a table built in code
    if table.funds_weight_source is None or funds.weight is None \
            or evaluation.execution_score is not None or money_problems(table):
        return None  # a missing or unreadable amount is JX309's
    if any(never_calculated(table, funds.scored.sources.get(key)) for key in ("budget", "executed")):
        return None  # an amount saved as a formula without its result: JX504 asks to recalculate
    why = evaluation.execution_note or "没有全年预算数和全年执行数"
    columns = table.fund_columns | ({"budget"} if "initial" in table.fund_columns else set())
    unread = [what for key, what in MONEY_AMOUNTS[1:] if key not in columns]  # (A = 年初 then)
    if not table.fund_columns:  # no money block at all (四川's form sent without it)
        why = "表中找不到资金数（全年预算数、全年执行数）"
    elif unread:  # 下达资金 | 实际花费: the amounts filled under a heading not read
        why = f"资金栏中找不到{'、'.join(unread)}一栏（栏目名称未能识别）"
    if table.funds_weight_source == "row":
        source = funds.sources.get("score") or funds.sources.get("weight")
        if funds.score_declared is not None:
            return (source, f"预算执行率（分值 {points(funds.weight)}）无法核对：{why}；"
                            f"按填报的得分 {points(funds.score_declared)} 计入总分")
        return None
    source = funds.scored.sources.get("budget") or funds.sources.get("weight") \
        or table.sources.get("header")
    return (source, f"执行率得分（分值 {points(funds.weight)}）无法计算：{why}；"
                    f"总分无法算出{_by_the_lines(table)}")


def _money_unread(table: SelfEvaluation) -> str:
    """JX307's words where a money header has amounts under it and no line was read
    (``read.money.unread_money_header``): the row, by its label where it has one."""
    info = table.cell(table.sources.get("money_unread_label"))
    named = "一行" if info is None or blank(info.value) \
        else f"“{visible_text(str(info.value).strip())}”一行"
    return (f"资金栏表头下的{named}未能读作资金行（行名应写“年度资金总额”“合计”或“其中：财政拨款”"
            "等）：资金、执行率及执行率的分值、得分都未读取，执行率得分无法核对")


def _by_the_lines(table: SelfEvaluation) -> str:
    """What the 其中 lines give where the 年度资金总额 line is empty or 0 (a system export
    that left the total at 0, a clerk who filled only 财政拨款): their rate and score, for
    the reviewer to weigh; the total line itself stays what the table says (JX304)."""
    funds = table.funds
    total = funds.total
    if total.budget or total.executed or funds.rate_line is not None:
        return ""  # (a 其中 line's points: scored on that line alone)
    lines = [line for line in funds.parts if not line.nested]
    if any(never_calculated(table, line.sources.get(key)) for line in lines
           for key in ("budget", "executed")):
        return ""  # a line's amount is unknown until recalculated (JX504)
    budget = _sum(line.budget for line in lines)
    executed = _sum(line.executed for line in lines)
    try:
        rate = rules.execution_rate(budget, executed)
        score = rules.execution_score(rate, funds.weight)
    except ScoreInputError:
        return ""
    return (f"。按其中各行合计（{funds.budget_column(total)} {_shown(budget, funds.unit)}，"
            f"{funds.executed_column()} {_shown(executed, funds.unit)}），"
            f"执行率 {points(rate)}%，执行率得分应为 {points(score)}")


@check("JX308", "warning", "执行率未填写")
def rate_filled(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """项目资金栏有执行率一栏，年度资金总额（分值写在其中一行的，该行）的执行率却空着，
    而全年预算数、全年执行数和执行率得分都已填写；执行率一格是 #REF!、#DIV/0! 等错误值（公式出错后粘贴为数值）的，同样报告（公式本身算出错误值的，见 JX504）。

    说明中给出按 全年执行数 ÷ 全年预算数 算出的执行率。版式没有执行率一栏的不报；
    jixiao 模板中执行率是公式（由表格计算），也不报。

    **为什么**：执行率是执行率得分的依据；空着的执行率让审核人无法直接核对得分，
    也常是漏填了一格。

    **错误示例**：全年预算数 880、全年执行数 880、执行率空白、得分 10。

    **正确示例**：执行率 100%。
    """
    funds, line = table.funds, table.funds.scored
    source = line.sources.get("rate")
    if table.template or "rate" not in table.fund_columns or source is None \
            or line.rate_declared is not None or funds.score_declared is None \
            or not table.execution_line:
        return
    info = table.cell(source)
    shown = info.value.strip() if info is not None and isinstance(info.value, str) else ""
    # #REF!, #DIV/0! kept as a value (pasted as values): what a formula gave (a formula's
    # own error result is JX504's)
    error = shown.startswith(ERROR_TEXTS) and info is not None and not info.is_formula
    if info is not None and not error and (info.is_formula or not blank(info.value)):
        return  # a formula computes it (JX504 if it never did); a text: not left empty
    rate = _computed_rate(line)
    if rate is None:
        return
    what = f"执行率显示 {shown}（公式出错）" if error else "执行率未填写"
    yield finding("JX308", source,
                  f"“{line.label}”{what}：按 {_division(table, line)} 应为 {points(rate)}%")


def _division(table: SelfEvaluation, line: FundLine) -> str:
    """The 执行率's division in the table's words: 全年执行数 31.5 ÷ 全年预算数 31.56 (the
    年初预算数 where the table has no 全年预算数 and the line was read from it; each
    column's own name where the header gives another, 调整后预算数 in 四川's form,
    已拨付资金 for B)."""
    unit = _unit(table, line)
    return f"{table.funds.executed_column()} {_shown(line.executed, unit)} ÷ " \
        f"{table.funds.budget_column(line)} {_shown(line.budget, unit)}"


def _computed_rate(line: FundLine) -> float | None:
    """A line's 执行率 from its amounts (全年执行数 ÷ 全年预算数); None without both, a
    budget of 0 or less, or amounts the rules cannot take."""
    if line.budget is None or line.executed is None or line.budget <= 0:
        return None
    try:
        return rules.execution_rate(line.budget, line.executed)
    except ScoreInputError:
        return None
