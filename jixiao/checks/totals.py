"""JX5xx — 总分, 评分等级, and the formulas that compute them.

Over 400 lines: the one family's checks and their docstrings (which docs/rules.md and
`jixiao rules` print), each check short; a family split across modules would be harder
to read against its codes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from jixiao import rules
from jixiao.checks.base import (
    Finding,
    cell_named,
    check,
    differs,
    finding,
    formula_broken,
    formula_deleted,
    helpers_missing,
    jixiao_formula,
    label,
    never_calculated,
    number_shown,
    points,
    points_written,
    total_shown,
    typed_in,
    uncalculated_money,
    uncomputed_formula,
    unknown_rules_cell,
)
from jixiao.checks.money import money_problems
from jixiao.checks.scores import over_scored
from jixiao.checks.targets import sign_unsure
from jixiao.checks.weights import (
    execution_points_unread,
    money_points_missing,
    points_erring,
    weights_wrong,
)
from jixiao.errors import ScoreInputError
from jixiao.layout import COLUMN
from jixiao.model import (
    ERROR_MEANINGS,
    RULES_AND_DECLARED,
    SHOWN_ERROR,
    CellInfo,
    Evaluation,
    Indicator,
    SelfEvaluation,
    Source,
    execution_in_total,
    execution_written,
    formula_error,
    formula_error_said,
    plain_text,
    result_lost,
    shown_error,
)
from jixiao.parsing import clock_duration, compact_text, parse_points
from jixiao.xlsx.numformats import shows_percent
from jixiao.xlsx.refs import FORMULA_STRING, column_number, resolved_row_index, split_ref


@check("JX501", "error", "总分不等于各项得分之和")
def total_is_sum(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """总分不等于执行率得分与各指标得分之和。

    没有分值列的表，各项得分之和（总分）超过 100 的同样报告。

    得分超过分值（JX401）或为负数（JX407）的，总分按该项只计分值（负数计 0）加出的也不报告：
    总分已是规则允许的数，要改的是那一项得分。

    分值合计不是 100 时（JX101），各项得分之和随之偏离（分值合计 110 的表，得分之和
    可达 110）：此时说明写明先改正分值，而不是把总分改成超过 100 的和；表中整个没有
    资金栏、各指标合计 90、总分行分值写 100 的，缺的是预算执行情况一栏，说明写明补上它。

    各项得分指表中计分的每一项：各指标的得分，加上执行率得分——填在资金表或
    预算执行率行的，按填写的数；版式没有执行率得分单元格的（四川格式：指标权重合计
    90，执行率的 10 分按资金计算），按资金算出的数。

    资金栏有表头和金额、却没有一行读作资金行的（JX307），各项得分之和不含执行率得分：
    总分高于这一和的，为警告，说明执行率得分未读取，不要求改正分值或总分。

    总分与按规则计算的总分一致、只是某项得分写得与规则不符（各项得分之和因此不等于总分）的，
    在写错的得分单元格报告，列出各项应为多少：总分已计入了规则的得分，要改的是那一项，
    不是总分（该项另有 JX404 或 JX302）；其中有得分暂不核对的行（符号待改正，JX203、JX205）的，
    不要求把它改成规则的得分，按总分不等于各项得分之和报告。

    总分加错时，各项得分之和给出的等级与填报总分的不同的，一并说明：填报的等级已是
    各项得分之和的（总分 88、之和 98、等级“优”），不需改动；等级随填报的总分（“良”），
    改正总分后随之改为“优”。

    总分是公式、读到了得分单元格的，写明公式为何不等于各项得分之和：不含资金栏的执行率
    得分（=SUM(H13:H18)）；只做加法的（=SUM(…)+H6），还写明把某项得分计入了两次，或计入了
    不是得分的单元格（=SUM(G6:G18) 计入了执行率）。

    总分是公式、公式的区域漏掉了有分值或得分的指标行的，写明漏掉的是哪几行。最常见的是在
    总分行上方（最后一个指标行下方）插入了行：Excel 只在区域内部插入行时才扩大区域，
    旧模板的 =JX_TOTAL(I6,H13:H42) 不会计入新的第 43 行，重算也不会。jixiao 模板的
    总分公式同样报告（其他情况下模板公式的结果由 JX504 核对），包括在指标区域最上方
    （第 13 行）插入了行、公式区域随之下移为 H14:INDEX(H:H,ROW()-1) 的；现在的模板从表头的
    下一行合计到总分的上一行（INDEX(H:H,ROW(H12)+1):INDEX(H:H,ROW()-1)），在指标区域最上方
    或总分行上方插入的行都自动计入。

    表中没有得分列（四川格式、分值 | 偏差原因的表）而填报了总分的，与按规则算出的总分
    核对（定性指标按其等级允许的区间），不在其中的报告。

    总分是公式、显示错误值（#REF!、#DIV/0!）的，写明没有有效总分；各项得分都有的，一并
    写明各项得分之和，有得分未填或显示错误值的（JX406），写明改正后总分随之算出。

    各项得分和总分按单元格显示的数核对：得分公式没有 ROUND、单元格格式显示两位小数的
    （=F14*0.9/0.95 显示 14.21），按 14.21 相加；这样的各项得分显示合计 90.00、总分公式
    =SUM(…) 按未四舍五入的数相加显示 89.99 的，在总分单元格报告，引用显示的数，并写明是哪个
    单元格显示的数与存的数不同。

    **为什么**：总分决定评分等级；加错或改了得分忘了改总分都很常见。

    **错误示例**：执行率得分 10，各指标得分 20、10、10、10、30、7，总分写 100。

    **正确示例**：总分 97。
    """
    source = table.sources.get("total")
    if "score" not in table.columns:
        yield from _unscored_total(table, evaluation, source)
        return
    left_out = _left_out(table, source)
    if _computed_by_template(table, source):
        if left_out and not formula_deleted(table, source):  # recalculating cannot mend it
            yield finding("JX501", source, _left_out_message(table, evaluation, source, left_out))
        return  # a template's deleted 总分 formula is JX503's
    summed = _written_sum(table, evaluation)
    if summed is None:  # a missing score is JX406; an unknown 执行率, the money checks'
        error = formula_error(table, source) if table.total_declared is None else None
        if error is not None:  # the 总分's own error, said where it shows
            said = "有分值显示错误值（见 JX106）" if points_erring(table) \
                else "有得分未填或显示错误值（见 JX406）"
            yield finding("JX501", source, f"总分公式显示 {error}，没有有效总分：{said}，"
                                           "改正后总分随之算出")
        return
    expected = summed.total
    made_of = f"（含按资金计算的执行率得分 {points(summed.execution)}）" \
        if summed.execution is not None and not execution_written(table) else ""
    if table.total_declared is None:
        if source is not None:
            error = formula_error(table, source)
            written = f"总分公式显示 {error}" if error else "总分未填写"
            yield finding("JX501", source,
                          f"{written}，各项得分之和为 {points(expected)}{made_of}")
        return
    if _off_sum(table, summed):
        off = _items_off_under_rules_total(table, evaluation)
        if off:  # the 总分 is the rules' own: the item written off it is what to change
            yield finding("JX501", off[0][0] or source, _items_off_message(table, evaluation,
                                                                           summed, off))
            return
        if _execution_unread(table, summed):  # the gap may be the 执行率得分 not read
            yield finding("JX501", source, f"总分写为 {points_written(summed.written)}，"  # type: ignore[arg-type]
                                           f"各项得分之和为 {points(expected)}（不含执行率得分："
                                           "资金栏未能读取，见 JX307）", severity="warning")
            return
        yield finding("JX501", source, f"总分写为 {points_written(summed.written)}，"  # type: ignore[arg-type]
                                       f"各项得分之和为 {points(expected)}{made_of}"
                                       f"{_tails_note(table, summed)}"
                                       f"{_formula_note(table, source, left_out, summed)}"
                                       f"{_weights_first(table)}"
                                       f"{_grade_after_fix(table, evaluation, summed)}")
    elif "weight" not in table.columns and expected > rules.FULL_MARKS + rules.TOLERANCE:
        yield finding("JX501", source, f"总分 {points(expected)} 超过满分 100：表中没有分值列，"
                                       "无法核对各项得分，请核对哪些得分超过了分值")


def _tails_note(table: SelfEvaluation, summed: _Sum) -> str:
    """What a JX501 adds where the 总分 is the sum of the scores as their cells hold them
    but not as they show them (=F14*0.9/0.95 under 0.00: 14.2105… shown 14.21, the 总分
    =SUM(…) 89.99 under scores showing 90.00): which cell hides a tail."""
    if summed.tail is None or summed.held is None or summed.written is None \
            or differs(summed.held, summed.written, rules.TOLERANCE):
        return ""
    cell, held, shown = summed.tail
    return (f"（按各单元格显示的数相加；{cell_named(table, cell)} 显示 {points(shown)}，单元格中为 "
            f"{points_written(held)}，总分按未四舍五入的数相加为 {points(summed.held)}，"
            "得分宜用 ROUND(…,2) 计算）")


def _unscored_total(table: SelfEvaluation, evaluation: Evaluation, source: Source | None
                    ) -> Iterator[Finding]:
    """JX501 for a table without a 得分 column: its 总分 outside what the rules give (each
    qualitative row anywhere in its level's band). Where a 部分达成 row leaves the rules
    no one total, only the range (``total_range``), the range is said — a warning, as the
    band rests on the level read (JX502's); where no range either, JX410 says once that the
    total is not known and the written one unchecked."""
    written = total_shown(table)
    if written is None or source is None or evaluation.total_range is None:
        return
    low, high = evaluation.total_range
    if low - rules.TOLERANCE <= written <= high + rules.TOLERANCE:
        return
    said = f"总分写为 {points_written(written)}；表中没有得分列，按{evaluation.rules.label}"
    if evaluation.total is not None:
        yield finding("JX501", source, f"{said}各项得分之和为 {points(evaluation.total)}")
        return
    rows = "、".join(f"“{label(indicator)}”为{score.level_name}，得分应在 "
                    f"{rules.band_text(*score.band)} 之间"
                    for indicator, score in zip(table.indicators, evaluation.scores, strict=True)
                    if score.band is not None and score.value is None)
    yield finding("JX501", source, f"{said}各项得分之和在 {rules.band_text(low, high)} 之间（{rows}）",
                  severity="warning")


@dataclass(frozen=True)
class _Sum:
    """The scores the written 总分 is held against (JX501) and their sum."""

    rows: list[Indicator]      # the indicator rows counted: each with a 分值 or a score
    scores: list[float]        # their scores as their cells show them (``number_shown``)
    execution: float | None    # the 执行率得分 counted with them; None where none is
    total: float
    written: float | None      # the 总分 written, as its cell shows it
    held: float | None         # the scores' sum as their cells hold them (14.2105…, not 14.21)
    tail: tuple[Source, float, float] | None  # a score cell showing another number than it holds


def _computed_by_template(table: SelfEvaluation, source: Source | None) -> bool:
    """A 总分 jixiao's template computes (its JX_ formula, one never calculated, or one
    deleted): recalculating sets it, so it is never said to be added wrong."""
    return jixiao_formula(table, source) or uncomputed_formula(table, source) \
        or formula_deleted(table, source)


def _written_sum(table: SelfEvaluation, evaluation: Evaluation) -> _Sum | None:
    """The sum of the scores the table writes (``execution_in_total`` says which 执行率得分
    it counts): the 总分 the table should show. None without a score column, or where a
    score is missing."""
    if "score" not in table.columns:
        return None
    # (a row whose 分值 or 得分 shows an error value counts: its score is unknown)
    rows = [i for i in table.indicators if i.weight is not None or i.score_declared is not None
            or shown_error(table, i.sources.get("weight"))
            or shown_error(table, i.sources.get("score"))]
    if any(i.score_declared is None for i in rows):
        return None
    scores = [number_shown(table, i.sources.get("score"), i.score_declared)  # type: ignore[arg-type]
              for i in rows]
    counted, held = execution_in_total(table, evaluation.execution_score, written=True)
    cells = [(i.sources.get("score"), i.score_declared, score) for i, score in zip(rows, scores, strict=True)]
    execution = held
    if counted and held is not None and execution_written(table):
        execution = number_shown(table, table.funds.sources.get("score"), held)
        cells.insert(0, (table.funds.sources.get("score"), held, execution))
    total = rules.total_score([*scores, *([execution] if counted else [])])
    if total is None or not (scores or counted):
        return None
    tail = next(((cell, value, shown) for cell, value, shown in cells
                 if cell is not None and differs(value, shown, 0)), None)  # type: ignore[arg-type]
    return _Sum(rows, scores, execution if counted else None, total, total_shown(table),
                rules.total_score([i.score_declared for i in rows] + ([held] if counted else [])),
                tail)  # type: ignore[arg-type]


def _off_sum(table: SelfEvaluation, summed: _Sum) -> bool:
    """Whether the written 总分 is not the sum of the written scores — nor the sum the
    rules allow with each score past its 分值 counted as its 分值 (JX401's to say)."""
    written = summed.written
    others = [] if summed.execution is None else [summed.execution]
    return written is not None and differs(written, summed.total, rules.TOLERANCE) \
        and not _within_points_sum(summed, others, written)


def _misadded(table: SelfEvaluation, evaluation: Evaluation) -> _Sum | None:
    """The written scores' sum where JX501 says at the 总分 cell that the 总分 was added
    wrong: the 总分 the grade then follows (JX502). None where the 总分 is the sum, or
    is the rules' own total while an item is written off the rules (the item is what
    JX501 points at), or the template computes it."""
    if _computed_by_template(table, table.sources.get("total")):
        return None
    summed = _written_sum(table, evaluation)
    if summed is None or not _off_sum(table, summed) \
            or _items_off_under_rules_total(table, evaluation) \
            or _execution_unread(table, summed):
        return None
    return summed


def _execution_unread(table: SelfEvaluation, summed: _Sum) -> bool:
    """Whether a 总分 above the written scores' sum may hold the 执行率得分 of a money block
    jixiao could not read (JX307: a header with amounts under it, no line read): the sum
    counts no 执行率得分, so the gap is not known to be a mistake."""
    return "money_unread" in table.sources and summed.execution is None \
        and summed.written is not None and summed.written > summed.total


def _items_off_under_rules_total(table: SelfEvaluation, evaluation: Evaluation
                                 ) -> list[tuple[Source | None, str, float, float]]:
    """Where the written 总分 is the one the rules give though the written scores do not
    add up to it: the scores written off the rules — they account for the gap, and the
    unit's total shows it counted the rules' score, not the one written. Empty where the
    written 总分 is not the rules' total, or the rules' total is not known, or one of them
    waits for its sign (``targets.sign_unsure``): the rules' score of it may not stand."""
    written = total_shown(table)
    if evaluation.total_basis != "rules" or evaluation.total is None \
            or written is None or differs(written, evaluation.total, rules.TOLERANCE):
        return []
    off = _scores_off_rules(table, evaluation)
    held = {i.sources.get("score") for i in table.indicators if sign_unsure(i)}
    if any(source in held for source, _, _, _ in off):
        return []  # a score held for its sign (JX203, JX205) is not to be changed to the rules'
    return off


def _items_off_message(table: SelfEvaluation, evaluation: Evaluation, summed: _Sum,
                       off: list[tuple[Source | None, str, float, float]]) -> str:
    """JX501 where the 总分 is right and items are written off the rules: it names them."""
    items = "、".join(f"{cell_named(table, source) + ' ' if source is not None else ''}{name}得分 "
                      f"{points_written(declared)}（应为 {points(computed)}）"
                      for source, name, declared, computed in off)
    which = "该项" if len(off) == 1 else "这些"
    return (f"总分写为 {points_written(summed.written)}，与按{evaluation.rules.label}"  # type: ignore[arg-type]
            f"计算的总分一致，但各项得分之和为 {points(summed.total)}：{items}；"
            f"请改正{which}得分，总分不需改动")


def _grade_after_fix(table: SelfEvaluation, evaluation: Evaluation, summed: _Sum) -> str:
    """What a JX501 adds of the 评分等级 where the sum gives another grade than the
    written 总分: the written grade is already the sum's (keep it), or it follows the
    written 总分 (change it with the 总分). Nothing where the grade is missing or
    unreadable, or the rules give yet another grade (JX502 says those)."""
    written = rules.grade_name(table.grade_declared)
    if written is None or summed.written is None or weights_wrong(table) is not None:
        return ""
    right = rules.grade(summed.total)
    if rules.grade(summed.written) == right \
            or (evaluation.total_basis == "rules" and evaluation.grade != right):
        return ""
    if written == right:
        return f"；评分等级“{plain_text(table.grade_declared)}”与各项得分之和相符，不需改动"
    if written == rules.grade(summed.written):
        return f"；总分改正后，评分等级应随之改为“{_named(table, right)}”"
    return ""


# A cell or range of a formula's text (H13, $H$13:H42), not a function's name (LOG10()
_FORMULA_REFERENCE = re.compile(r"(?<![\w.$])\$?([A-Za-z]{1,3})\$?(\d+)"
                                r"(?::\$?([A-Za-z]{1,3})\$?(\d+))?(?![\w.(!:])")
_FUNCTION_NAME = re.compile(r"(?:\[\d+\]!)?(?:_xludf\.)?[A-Za-z_][\w.]*\s*\(")
_EXPONENT = re.compile(r"(?<![\w.])\d+(?:\.\d*)?[eE][+-]?\d+")  # 1.5E+3: a number, no name
Area = tuple[int, int, int, int]  # top, left, bottom, right


def _areas_read(formula: str) -> list[Area] | None:
    """The cells and ranges a formula reads, as areas (top, left, bottom, right), one for
    each time it names them (=H6+SUM(H13:H18)+H6 names H6 twice); None when its text does
    not tell: a whole column, another sheet, a defined name, or a reference it computes
    (INDEX, OFFSET; the template's INDEX(H:H,ROW()-1) is resolved before, ``_reads``)."""
    text = FORMULA_STRING.sub("", formula.lstrip("="))
    if re.search(r"\b(?:INDEX|OFFSET|INDIRECT)\s*\(", text, re.IGNORECASE):
        return None
    areas: list[Area] = []
    for match in _FORMULA_REFERENCE.finditer(text):
        first_column, first_row = column_number(match.group(1)), int(match.group(2))
        last_column = column_number(match.group(3)) if match.group(3) else first_column
        last_row = int(match.group(4)) if match.group(4) else first_row
        areas.append((min(first_row, last_row), min(first_column, last_column),
                      max(first_row, last_row), max(first_column, last_column)))
    rest = _EXPONENT.sub("", _FUNCTION_NAME.sub("", _FORMULA_REFERENCE.sub("", text)))
    if re.search(r"[^\W\d]|!", re.sub(r"\b(?:TRUE|FALSE)\b", "", rest, flags=re.IGNORECASE)):
        return None  # a name, a whole column (H:H) or a sheet's: cells unknown
    return areas


def _rows_read(formula: str) -> set[int] | None:
    """The rows whose cells a formula reads (=JX_TOTAL(I6,H13:H42): 6 and 13–42), or None
    when its text does not tell (``_areas_read``)."""
    areas = _areas_read(formula)
    if areas is None:
        return None
    return {row for top, _, bottom, _ in areas for row in range(top, bottom + 1)}


def _additive(formula: str) -> bool:
    """Whether a formula only adds up what it reads (=SUM(H13:H18)+H6, =H6+H13+H14): each
    cell it names counts once for each time it is named."""
    text = FORMULA_STRING.sub("", formula.lstrip("="))
    rest = re.sub(r"\bSUM\s*\(", "(", _FORMULA_REFERENCE.sub("", text), flags=re.IGNORECASE)
    return re.fullmatch(r"[\s+(),]*", rest) is not None


def _indicator_row(indicator: Indicator, sheet: str) -> int | None:
    source = indicator.sources.get("score") or indicator.sources.get("name")
    if source is None or source.sheet != sheet:
        return None
    return split_ref(source.cell)[0]


def _reads(table: SelfEvaluation, source: Source | None) -> Callable[[Indicator], bool]:
    """Whether the formula at ``source`` (a 总分, a 分值合计) reads an indicator's row; every
    row when the formula's text does not tell which it reads, or it reads no indicator row
    (it adds up subtotals, or sits elsewhere)."""
    info = table.cell(source)
    rows = None
    if source is not None and info is not None and info.formula:
        # H14:INDEX(H:H,ROW()-1) in row 45 reads H14:H44: a row inserted at 13 is left out
        rows = _rows_read(resolved_row_index(info.formula, split_ref(source.cell)[0]))
    if source is None or rows is None:
        return lambda _indicator: True
    placed = {id(i): _indicator_row(i, source.sheet) for i in table.indicators}
    if not any(row in rows for row in placed.values()):
        return lambda _indicator: True
    return lambda indicator: placed[id(indicator)] is None or placed[id(indicator)] in rows


def _left_out(table: SelfEvaluation, source: Source | None) -> list[Indicator]:
    """Indicator rows with a 分值 or a score that the formula at ``source`` does not read:
    a row inserted just above the 总分 row lies outside an older template's H13:H42 (Excel
    grows a range only for a row inserted within it), and no recalculation adds it."""
    reads = _reads(table, source)
    return [i for i in table.indicators
            if (i.weight is not None or i.score_declared is not None) and not reads(i)]


def _left_out_rows(table: SelfEvaluation, source: Source, left_out: list[Indicator]) -> str:
    """"第 43 行（“农户满意度”，得分 5）"."""
    def one(indicator: Indicator) -> str:
        score = f"，得分 {points(indicator.score_declared)}" \
            if indicator.score_declared is not None else ""
        return f"第 {_indicator_row(indicator, source.sheet)} 行（“{label(indicator)}”{score}）"
    return "、".join(one(indicator) for indicator in left_out)


def _quoted(formula: str) -> str:
    """A formula as a message quotes it: in full when short (=JX_TOTAL(I6,H13:H42)), else
    not at all (the native template's run to pages; the cell is named)."""
    formula = formula.lstrip("=")
    return f" ={formula} " if len(formula) <= _QUOTED_FORMULA else ""


def _formula_note(table: SelfEvaluation, source: Source | None, left_out: list[Indicator],
                  summed: _Sum) -> str:
    """What a JX501 adds when the 总分 is a formula whose text shows why it is not the
    sum: the indicator rows it leaves out, the 执行率得分 it leaves out, a score it adds
    more than once, the cells it adds that hold no score."""
    info = table.cell(source)
    if source is None or info is None or not info.formula:
        return ""
    notes = [f"不含{_left_out_rows(table, source, left_out)}"] if left_out else []
    areas = _areas_read(resolved_row_index(info.formula, split_ref(source.cell)[0]))
    if areas is not None:
        notes += _cells_note(table, source, areas, _additive(info.formula), left_out, summed)
    return f"：总分公式{_quoted(info.formula)}{'，'.join(notes)}" if notes else ""


def _cells_note(table: SelfEvaluation, source: Source, areas: list[Area], additive: bool,
                left_out: list[Indicator], summed: _Sum) -> list[str]:
    """The 执行率得分 cell a 总分 formula over the scores leaves out (=SUM(G13:G18) beside
    the money block's H6); and, where the formula only adds, the scores it adds more than
    once and the cells it adds that are no score (=SUM(G6:G18) takes in the 执行率 G6).
    Nothing where it names no indicator's score cell (it adds subtotals: no telling)."""
    def times(cell: Source) -> int:
        if cell.sheet != source.sheet:
            return 0
        row, column = split_ref(cell.cell)
        return sum(1 for top, left, bottom, right in areas
                   if top <= row <= bottom and left <= column <= right)

    scores = {indicator.sources["score"]: (f"“{label(indicator)}”得分", score)
              for indicator, score in zip(summed.rows, summed.scores, strict=True)
              if "score" in indicator.sources}
    if not any(times(cell) for cell in scores):
        return []
    notes = []
    execution = table.funds.sources.get("score") \
        if summed.execution is not None and execution_written(table) else None
    if execution is not None and execution not in scores:
        scores[execution] = ("执行率得分", summed.execution)
        if not times(execution):
            notes.append(f"不含执行率得分 {cell_named(table, execution)}（{points_written(summed.execution)}）")  # type: ignore[arg-type]
    if not additive:
        return notes
    for cell, (what, value) in scores.items():
        if times(cell) > 1 and value is not None:
            notes.append(f"把{what} {cell_named(table, cell)}（{points_written(value)}）计入了 {times(cell)} 次")
    roles = _cell_roles(table)
    others = sorted(((cell, info) for cell, info in table.cells.items()
                     if cell not in scores and cell != source and times(cell)
                     and isinstance(info.value, (int, float)) and not isinstance(info.value, bool)
                     and info.value != 0),  # (a 0 adds nothing: no cause)
                    key=lambda item: _row_column(item[0]))
    if others:
        listed = "、".join(f"{cell_named(table, cell)}（{_role_value(roles.get(cell), info)}）"
                          for cell, info in others[:_LISTED_CELLS])
        more = f"等 {len(others)} 个单元格" if len(others) > _LISTED_CELLS else ""
        notes.append(f"又计入了不是得分的 {listed}{more}")
    return notes


_LISTED_CELLS = 3  # cells a note names before it counts the rest


def _cell_roles(table: SelfEvaluation) -> dict[Source, str]:
    """What the cells a 总分 formula should not add hold: the money's amounts and 执行率,
    the 分值."""
    roles: dict[Source, str] = {}
    for line in (table.funds.total, *table.funds.parts):
        for key, name in (("initial_budget", "年初预算数"),
                          ("budget", table.funds.budget_column(line)),
                          ("executed", "全年执行数"), ("rate", "执行率")):
            if key in line.sources:
                roles[line.sources[key]] = name
    if "weight" in table.funds.sources:
        roles[table.funds.sources["weight"]] = "执行率分值"
    for indicator in table.indicators:
        if "weight" in indicator.sources:
            roles[indicator.sources["weight"]] = "分值"
    if "weight_total" in table.sources:
        roles[table.sources["weight_total"]] = "分值合计"
    return roles


def _role_value(role: str | None, info: CellInfo) -> str:
    """“执行率 95%”: a cell's role and its number as it shows (a percent as one)."""
    value = float(info.value)
    shown = f"{points(value * 100)}%" if shows_percent(info.number_format) \
        else points_written(value)
    return f"{role} {shown}" if role else shown


def _left_out_message(table: SelfEvaluation, evaluation: Evaluation, source: Source,
                      left_out: list[Indicator]) -> str:
    """JX501 for a formula 总分 (jixiao's template) whose range leaves out indicator rows."""
    formula = table.cell(source).formula or ""  # type: ignore[union-attr]
    last = max(_indicator_row(indicator, source.sheet) or 0 for indicator in left_out)
    shown = f"总分为 {points(table.total_declared)}，" if table.total_declared is not None \
        else ""
    total = f"各项得分之和为 {points(evaluation.total)}；" if evaluation.total is not None else ""
    weights = ""
    weight_source = table.sources.get("weight_total")
    if weight_source is not None and _left_out(table, weight_source):
        weight_info = table.cell(weight_source)
        value = weight_info.value if weight_info is not None else None
        now = f"，显示 {points(value)}" if isinstance(value, (int, float)) \
            and not isinstance(value, bool) else ""
        weights = f"分值合计公式（{cell_named(table, weight_source)}）同样不含这些行{now}；"
    return (f"总分公式{_quoted(formula)}不含{_left_out_rows(table, source, left_out)}：{shown}{total}"
            f"{weights}重算也不会计入。请把公式中的区域扩到第 {last} 行，或从 jixiao new 新建的"
            "模板中复制总分和分值合计的公式（新模板从表头的下一行合计到总分的上一行，"
            "在指标区域最上方或总分行上方插入的行都自动计入）")


def _within_points_sum(summed: _Sum, others: list[float | None], written: float) -> bool:
    """Whether the written 总分 is the sum with each row's score past its 分值 counted as
    its 分值 (a negative one as 0) — the total the rules allow, which the unit added up
    rightly: the score is JX401's (JX407's), the total needs no change. (``others``: the
    执行率得分 counted with the rows.)"""
    scores = summed.scores
    capped = [min(max(score, 0.0), row.weight) if row.weight is not None else max(score, 0.0)
              for row, score in zip(summed.rows, scores, strict=True)]
    if capped == scores:
        return False  # no score past its 分值: the plain sum is the only one
    total = rules.total_score([*capped, *others])
    return total is not None and not differs(written, total, rules.TOLERANCE)


def _weights_first(table: SelfEvaluation) -> str:
    """What a JX501 adds when the 分值 do not total 100 (JX101): the sum it quotes rests
    on them, so the fix is the 分值, not a 总分 above 100 — or, the money block missing
    (``money_points_missing``), that block."""
    total = weights_wrong(table)
    if total is None or execution_points_unread(table, total):
        return ""  # (the rest may be the 执行率's points, unread: JX101 a warning)
    if money_points_missing(table) is not None:  # the 执行率's 10 with the money block
        return (f"；但分值合计为 {points(total)}，不是 100（见 JX101）：应补上预算执行情况一栏"
                "（全年预算数、全年执行数、执行率得分），再重算总分")
    return (f"；但分值合计为 {points(total)}，不是 100（见 JX101）：应先改正各项分值，"
            "再据此重算得分和总分")


@check("JX502", "error", "评分等级与总分不符")
def grade_matches_total(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """填报的评分等级不是总分应得的等级（优 ≥ 90，良 80–90，中 60–80，差 < 60）。

    等级写成“优秀”“良好”“合格”，或字母后注明文字（“A（优秀）”“优秀（A）”）的，按文字读；
    只写字母（A、B、C、D）的不读作等级（各地字母的含义不一），报告此项并说明应写优、良、中、差。

    等级与填报的总分相符、但与按规则计算的总分不符的同样报告，并列出得分与规则不同的各行：
    几项得分各高 0.01（每项都在 JX404 允许的误差内），总分便可从 89.97 变成 90、等级从良变成优。
    按规则计算的总分未知（有指标无法计分）的，不报告此项；人工评分的定性指标（部分达成、未达成）得分在区间内的，按填写的得分计入。
    定性指标的得分不在其区间内（JX408）、规则只给出区间的，总分按该项在区间内任取一个
    得分计算，也是一个区间：区间内的总分都是同一等级、而填报的等级不是它的，同样报告，
    写明总分的区间和它给出的等级（分值 20 的“部分达成”填满分 20，总分 91.89、等级“优”；
    该项应在 12–16 之间，总分只能在 83.89–87.89 之间，等级应为“良”）。这一等级依据读出的
    完成程度（JX408 为警告），同为警告；区间跨过等级线的（86.87–90.87），不报告。
    总分本身加错的（总分不等于各项得分之和，JX501 在总分单元格报告），等级按各项得分之和
    判断：填报的等级是各项得分之和的（总分 88、之和 98、等级“优”），或随填报的总分、
    改正总分后随之改正的（JX501 一并说明），不报告；两者都不是的，写明各项得分之和应得的等级。
    得分本身与规则不符（未达到指标值却填满分，JX402）、按规则计算的总分因此另得一个等级的，
    写明的是规则的等级，并注明各项得分之和的等级：三项满分使之和为 99.85（优），规则为 89.02
    （良），填“中”的，应为“良”（不论总分写为 85 还是 99.85），改正得分后各项得分之和即随之改变；
    填报的正是规则的等级、只是总分加错的，由 JX501 报告总分，不报告此项。
    得分空着（JX406）而规则给出得分的同样：总分只是已填得分之和，等级按规则计算的总分
    判断——填报的正是规则的等级的，写明填写未填的得分、改正总分后等级不需改动，不要求
    改成已填得分之和的等级；不是的，写明规则的等级。空着的是定性指标的，规则只给出
    区间（分值 30 的“达成”：24–30；“部分达成”：18–24），按规则计算的总分也是区间：区间内的总分都是同一等级的，
    写明总分的区间和它给出的等级；区间跨过等级线的（88.41–94.41，良或优），填报区间内的
    任一等级或已填得分之和的等级，都不报告此项。
    总分以填写的数引用（89.995，不是四舍五入后的 90），并注明保留两位小数后的总分；是公式
    结果、单元格格式显示两位小数的，按显示的数引用（89.99）。得分按单元格显示的数与规则比较
    （显示 14.21 的 14.2105… 即规则的 14.21）；得分空着而规则给出得分的，列为“未填”。
    只因几项得分各差 0.01 而改变等级的为错误；未达到指标值的正向指标得分高于规则任何舍入
    所能得到的（JX404 为错误的，如“≥12场”完成 9 场、规则 7.5、填 9）而改变等级的，同为
    错误；有得分与规则相差超过 0.01、JX404 为警告的（可能是对指标值的不同理解），按填写的
    得分计入后等级仍与填报的不符的，为错误，否则同为警告，请与该项得分一并核对。

    分值合计不是 100（JX101）的表不评等级：等级空着的不报告；填写了的，按补足或改正分值后
    总分可能的范围判断——分值合计 W 少于 100 的，总分 T 可到 T + (100 − W)，多于 100 的可低至
    T − (W − 100)（都在 0–100 以内），范围内没有一个总分是填报的等级的，才报告此项，写明
    可能的等级：没有预算执行情况一栏、指标分值合计 90、总分 86.22、等级“差”的，应为“良”
    或“优”（86.22–96.22）；一项分值 15 误写 16（合计 101）、总分 96.82、等级“良”的，
    应为“优”（95.82–96.82）。
    评分等级是公式、与总分一同显示错误值（#REF!）的，写明没有有效等级，总分改正后随之算出。

    **为什么**：等级是结果公开和预算安排的依据，常在改了总分后忘了改。

    **错误示例**：总分 89.5，评分等级“优”；或各项得分按规则合计 89.97，三项各多写 0.01，
    总分写 90，评分等级“优”。

    **正确示例**：评分等级“良”（后一例同时把三项得分和总分改为按规则计算的数）。
    """
    source = table.sources.get("grade")
    total = total_shown(table)
    if total is None and table.grade_declared is None and formula_error(table, source):
        # the 等级 of a 总分 showing no number (JX501): its own error, said where it shows
        yield finding("JX502", source, f"评分等级公式显示 {formula_error(table, source)}，"
                                       "没有有效等级：总分没有有效结果，改正后等级随之算出")
        return
    if total is None or jixiao_formula(table, source) or uncomputed_formula(table, source):
        return
    misadded = _misadded(table, evaluation)
    weights = weights_wrong(table)
    if weights is not None:  # 分值合计 not 100: no grade to give (JX101; rules.ungraded)
        yield from _grade_off_hundred(table, total, misadded, weights)
        return
    # a 总分 added wrong (JX501 at its cell): the grade follows the sum it should show
    basis = misadded.total if misadded is not None else total
    by_rules = _grade_by_rules(table, evaluation, basis)
    written = rules.grade_name(table.grade_declared)
    if by_rules is None and _open_by_blanks(table, evaluation, written):
        return  # 良 or 优 as the blank 定性 row is filled (JX406 asks for it)
    if by_rules is not None and written != rules.grade(basis) \
            and (_scores_off_rules(table, evaluation, blank=True) or evaluation.total is None):
        # scores written off the rules, or left blank where the rules give one: the sum's
        # grade changes once they are mended or filled
        yield from _grade_not_rules(table, evaluation, total, basis, misadded is not None,
                                    by_rules)
        return
    expected = rules.grade(basis)
    named = _named(table, expected)
    graded = f"各项得分之和 {points(basis)}" if misadded is not None \
        else f"总分 {points_written(total)}"
    see = f"（总分写为 {points_written(total)}，见 JX501）" if misadded is not None \
        else f"（总分保留两位小数为 {points(total)}）" if points_written(total) != points(total) \
        else ""
    if table.grade_declared is None:
        if source is not None:
            yield finding("JX502", source, f"评分等级未填写，{graded} 应为“{named}”{see}")
        return
    if written is None:
        yield finding("JX502", source, f"评分等级“{plain_text(table.grade_declared)}”"
                                       f"{_unread_grade(table)}，{graded} 应为“{named}”{see}")
    elif written != expected:
        if misadded is not None and written in (rules.grade(total), evaluation.grade):
            return  # the written 总分's grade (JX501: it changes with the 总分), or the rules'
        yield finding("JX502", source, f"评分等级写为“{plain_text(table.grade_declared)}”，"
                                       f"{graded} 应为“{named}”{see}")
    elif by_rules is not None:
        yield finding("JX502", source, f"{_rules_total(table, evaluation)}，评分等级应为"
                                       f"“{_named(table, by_rules)}”"
                                       f"（填报“{plain_text(table.grade_declared)}”，总分填报 "
                                       f"{points_written(total)}）{_off_listed(table, evaluation)}",
                      severity=None if _rules_grade_sure(table, evaluation, written)
                      else "warning")


def _grade_off_hundred(table: SelfEvaluation, total: float, misadded: _Sum | None,
                       weights: float) -> Iterator[Finding]:
    """JX502 where the 分值 total ``weights``, not 100 (JX101): no grade is given, so a
    blank one is asked for by no one; a grade written is wrong where no 总分 the table can
    have once they are made up or corrected (``rules.totals_once_weighed``) has it — 86.22
    out of 90 graded 差 is 良 or 优 whatever the 10 missing points bring. A 总分 added wrong
    (JX501): the sum of the scores may be the one to make up too."""
    source = table.sources.get("grade")
    if table.grade_declared is None or source is None:
        return
    low, high = rules.totals_once_weighed(total, weights)
    possible = _grades_between(low, high)
    written = rules.grade_name(table.grade_declared)
    if written in possible or misadded is not None and written in _grades_between(
            *rules.totals_once_weighed(misadded.total, weights)):
        return
    names = [f"“{_named(table, grade)}”" for grade in reversed(possible)]
    named = names[0] if len(names) == 1 else "、".join(names[:-1]) + "或" + names[-1]
    span = points(low) if low == high else rules.band_text(low, high)
    made = "补足" if weights < rules.FULL_MARKS else "改正"
    graded = f"总分 {points_written(total)} 应为{named}（分值合计 {points(weights)}，不是 100：" \
             f"按{made}分值后的总分 {span}）"
    shown = plain_text(table.grade_declared)
    yield finding("JX502", source, f"评分等级“{shown}”{_unread_grade(table)}，{graded}"
                  if written is None else f"评分等级写为“{shown}”，{graded}")


def _grade_not_rules(table: SelfEvaluation, evaluation: Evaluation, total: float,
                     basis: float, misadded: bool, by_rules: str) -> Iterator[Finding]:
    """JX502 where the written grade is not the one of the 总分 the table gives (``basis``)
    and the rules' total, known, gives another (scores written off the rules): the grade
    to name is the rules' — the sum's changes as soon as the scores are mended. Silent
    where the grade written is the rules' and JX501 already has the 总分 to change."""
    source = table.sources.get("grade")
    written = rules.grade_name(table.grade_declared)
    if written == by_rules and misadded:
        return
    sum_grade = _named(table, rules.grade(basis))
    rules_grade = _named(table, by_rules)
    given = (f"各项得分之和 {points(basis)} 为“{sum_grade}”，总分写为 "
             f"{points_written(total)}，见 JX501") if misadded \
        else f"总分 {points_written(total)} 为“{sum_grade}”"
    rules_total = _rules_total(table, evaluation)
    off = _off_listed(table, evaluation)
    if table.grade_declared is None:
        if source is not None:
            yield finding("JX502", source, f"评分等级未填写，{rules_total} 应为“{rules_grade}”"
                                           f"（{given}）{off}")
        return
    shown = plain_text(table.grade_declared)
    if written is None:
        yield finding("JX502", source, f"评分等级“{shown}”{_unread_grade(table)}，{rules_total} "
                                       f"应为“{rules_grade}”（{given}）{off}")
    elif written == by_rules:  # the 总分, the sum of the scores written, is what is off
        yield finding("JX502", source, f"评分等级写为“{shown}”，与总分 {points_written(total)} "
                                       f"不符（应为“{sum_grade}”），但与{rules_total} 相符："
                                       f"{_to_mend(table, evaluation)}后，等级不需改动{off}")
    else:
        yield finding("JX502", source, f"评分等级写为“{shown}”，{rules_total} 应为“{rules_grade}”"
                                       f"（{given}）{off}")


def _to_mend(table: SelfEvaluation, evaluation: Evaluation) -> str:
    """What the unit does before a grade the rules give stands beside its 总分: mend the
    scores written off the rules and the 总分, or — where the only gap is scores left
    blank (JX406) — fill those in and mend the 总分."""
    off = _scores_off_rules(table, evaluation, blank=True)
    banded = [indicator.score_declared for indicator, score
              in zip(table.indicators, evaluation.scores, strict=True)
              if score.value is None and score.band is not None]  # 部分达成: blank, or JX408
    if (off or banded) and all(declared is None for _, _, declared, _ in off) \
            and all(declared is None for declared in banded):
        return "按规则填写未填的得分、改正总分"
    return "按规则改正各项得分和总分"


def _named(table: SelfEvaluation, grade: str) -> str:
    """A grade as the table names its grades: 优秀 for 优 where it grades on 优秀/良好/合格/
    不合格 (``rules.grade_as_written``)."""
    return rules.grade_as_written(grade, table.grade_declared)


def _unread_grade(table: SelfEvaluation) -> str:
    """Why a written 评分等级 is not read as one of 优/良/中/差."""
    ticked = rules.ticked_grades(table.grade_declared)
    names = "、".join(rules.GRADE_NAMES)
    return f"勾选了多个等级（{'、'.join(ticked)}）" if ticked else "未勾选等级" \
        if ticked is not None else f"是字母等级，不是{names}之一（字母各地含义不一，" \
        f"请写{names}，或在字母后注明，如“A（{rules.GRADE_NAMES[0]}）”）" \
        if rules.grade_letter(table.grade_declared) else f"不是{names}之一"


def _off_listed(table: SelfEvaluation, evaluation: Evaluation) -> str:
    """The scores written off the rules, and those left blank, as JX502 lists them after
    its sentence."""
    off: list[tuple[Source | None, str, float | None, float | None]] = list(
        _scores_off_rules(table, evaluation, blank=True))
    blank = _blank_bands(table, evaluation)
    listed = {cell for cell, _, _, _ in off}
    off += [(indicator.sources.get("score"), f"“{label(indicator)}”", None, None)
            for indicator, score in blank  # a blank 部分达成 row: the rules' band, no score
            if score.value is None and indicator.sources.get("score") not in listed]
    if not off:
        return ""
    bands = {indicator.sources.get("score"): score.band for indicator, score in blank
             if indicator.sources.get("score") is not None}
    rank = {indicator.sources.get("score"): at for at, indicator in enumerate(table.indicators)}
    off.sort(key=lambda item: -1 if item[1] == "执行率" else rank.get(item[0], len(rank)))
    return "；各项得分与规则相差：" + "、".join(
        f"{cell_named(table, cell) if cell is not None else name + '得分'} "
        f"{'未填' if declared is None else points_written(declared)}"
        f"（规则 {rules.band_text(*bands[cell]) if declared is None and cell in bands else points(computed)}）"
        for cell, name, declared, computed in off)


def _grade_by_rules(table: SelfEvaluation, evaluation: Evaluation, basis: float) -> str | None:
    """The grade the rules' 总分 gives where it is not the one of the 总分 the table gives
    (``basis``: the written 总分, or the sum of the written scores where the 总分 was added
    wrong): scores a hair above the rules' (each within JX404's 0.01) can lift 89.97 to 90
    and 良 to 优, scores typed at full marks for missed targets 89 to 99, a 部分达成 at full
    marks 86 to 92 (``rules_grade``). None where the rules give no one grade, or only the
    written scores summed (``total_basis``), the 分值 do not total 100 (no grade, JX101),
    or the template computes the grade (JX504's)."""
    source = table.sources.get("grade")
    by_rules = _rules_grade(table, evaluation)
    if by_rules is None or weights_wrong(table) is not None \
            or jixiao_formula(table, source) or uncomputed_formula(table, source):
        return None
    return None if by_rules == rules.grade(basis) else by_rules


def _rules_grade(table: SelfEvaluation, evaluation: Evaluation) -> str | None:
    """The grade of the rules' 总分; where a person scores some rows within their level's
    band (部分达成 written at full marks: the rules' total unknown), or a 定性 row the rules
    give a band for is left blank (``_blank_span``), the one grade every 总分 the bands
    allow has (``total_range``: 83.89–87.89 is 良 whatever the row's score). None where
    the rules give no total, or totals of two grades, or the range counts rows the rules
    cannot judge at the 得分 written (``RULES_AND_DECLARED``: no rules' grade)."""
    span = _rules_span(table, evaluation)
    if span is None:
        return None
    low, high = span
    return rules.grade(low) if rules.grade(low) == rules.grade(high) else None


def _rules_span(table: SelfEvaluation, evaluation: Evaluation) -> tuple[float, float] | None:
    """The lowest and highest 总分 the rules allow, as JX502 grades by them: the rules'
    total — across the bands of the 定性 rows left blank (``_blank_span``) — or the range
    of the rows a person scores within their bands (``total_range``). None as for
    ``_rules_grade``."""
    if evaluation.total_basis == "rules":
        return _blank_span(table, evaluation) or (evaluation.total, evaluation.total)
    if evaluation.total is not None or evaluation.total_range is None \
            or evaluation.total_basis == RULES_AND_DECLARED:
        return None
    return evaluation.total_range


def _blank_bands(table: SelfEvaluation, evaluation: Evaluation) -> list[tuple[Indicator, rules.Score]]:
    """The rows whose 得分 is left blank (JX406) though the rules give it only within a band
    (a 定性 row 达成: 80–100 % of its 分值, the rules' own score its top; 部分达成: 60–80 %,
    a person's score, the rules' none): the unit may fill in any score of the band. None in
    a table without a 得分 column (its bands are ``total_range``'s already)."""
    if "score" not in table.columns:
        return []
    return [(indicator, score)
            for indicator, score in zip(table.indicators, evaluation.scores, strict=True)
            if indicator.score_declared is None and score.band is not None]


def _blank_span(table: SelfEvaluation, evaluation: Evaluation) -> tuple[float, float] | None:
    """The rules' 总分 where a row left blank may be given any score of its band
    (``_blank_bands``): 群众出行条件 30 blank, its band 24–30, makes the rules' 94.41 into
    88.41–94.41; a blank 部分达成 row (no rules' score, no total) is counted across its band
    by ``total_range`` already (基层治理能力 30 blank, 18–24: 87.8–93.8). None where no
    such row is blank or the rules give neither."""
    blank = _blank_bands(table, evaluation)
    if not blank:
        return None
    if evaluation.total is None:
        return evaluation.total_range
    low = evaluation.total - sum(score.value - score.band[0] for _, score in blank)
    high = evaluation.total + sum(score.band[1] - score.value for _, score in blank)
    return rules.round2(low), rules.round2(high)


def _grades_between(low: float, high: float) -> tuple[str, ...]:
    """The grades of every 总分 from ``low`` to ``high``: 88.41–94.41 is 优 or 良."""
    best, worst = (rules.GRADE_NAMES.index(rules.grade(end)) for end in (high, low))
    return rules.GRADE_NAMES[best:worst + 1]


def _open_by_blanks(table: SelfEvaluation, evaluation: Evaluation, written: str | None
                    ) -> bool:
    """Whether the grade written is one of those a rules' total across the bands of blank
    定性 rows allows (``_blank_span`` 88.41–94.41: 良 or 优): the unit settles which as it
    fills those rows in (JX406), so no grade is to name. False where the 分值 do not total
    100 (JX101: no grade) or the template computes the grade."""
    span = _blank_span(table, evaluation)
    source = table.sources.get("grade")
    return span is not None and written in _grades_between(*span) \
        and weights_wrong(table) is None and not jixiao_formula(table, source) \
        and not uncomputed_formula(table, source)


def _rules_total(table: SelfEvaluation, evaluation: Evaluation) -> str:
    """The rules' 总分 as JX502 quotes it: the total, or the range the bands allow with
    the rows a person scores within them (计算总分（“群众生活”为部分达成，得分应在
    12–16 之间）为 83.89–87.89) or leaves blank (（“群众出行条件”得分未填，为达成，得分应在
    24–30 之间）为 88.41–94.41)."""
    said = f"按{evaluation.rules.label}计算总分"
    blank = [indicator for indicator, _ in _blank_bands(table, evaluation)]
    span = _rules_span(table, evaluation) or evaluation.total_range
    if span is None or evaluation.total is not None and span[0] == span[1]:
        return f"{said} {points(evaluation.total)}"
    rows = "、".join(f"“{label(indicator)}”{'得分未填，' if indicator in blank else ''}"
                    f"为{score.level_name}，得分应在 {rules.band_text(*score.band)} 之间"
                    for indicator, score in zip(table.indicators, evaluation.scores, strict=True)
                    if score.band is not None and (score.value is None or indicator in blank))
    return f"{said}（{rows}）为 {rules.band_text(*span)}"


def _rules_grade_sure(table: SelfEvaluation, evaluation: Evaluation, written: str | None
                      ) -> bool:
    """Whether the written grade is wrong whichever reading the unit took: the rules' 总分
    with every score that may rest on another reading of its target (off the rules by more
    than 0.01 and not ``scores.over_scored``: a JX404 warning) counted as written still
    gives another grade — across the bands of 定性 rows left blank (``_blank_span``), every
    total of them. The scores off by 0.01 at most, and those above any rounding of
    分值 × 完成值 ÷ 指标值 for a target not met, are surely the rules'."""
    if evaluation.total is None:
        return False
    moved = 0.0
    for indicator, score in zip(table.indicators, evaluation.scores, strict=True):
        declared, computed = indicator.score_declared, score.value
        if declared is not None:
            declared = number_shown(table, indicator.sources.get("score"), declared)
        if declared is not None and computed is not None and differs(declared, computed) \
                and not over_scored(table, indicator, score):
            moved += declared - computed
    execution = table.funds.score_declared
    if execution_written(table) and execution is not None \
            and evaluation.execution_score is not None:
        execution = number_shown(table, table.funds.sources.get("score"), execution)
        if differs(execution, evaluation.execution_score):
            moved += execution - evaluation.execution_score
    low, high = _blank_span(table, evaluation) or (evaluation.total, evaluation.total)
    return written not in _grades_between(rules.round2(low + moved),
                                          rules.round2(high + moved))


def _scores_off_rules(table: SelfEvaluation, evaluation: Evaluation, blank: bool = False
                      ) -> list[tuple[Source | None, str, float | None, float]]:
    """Every written score not the rules' (the 执行率得分 too, first), however little, as
    (its cell, what it is, written as its cell shows it, the rules'): 14.2105… shown 14.21
    is the rules' 14.21 (``number_shown``). Off by no more than the 0.01 JX404 allows, the
    grade a score moves is surely the rules'; off by more, the rules' reading may not
    settle it (JX404 is a warning) — unless it is over-scored past any rounding of the
    rule (``_rules_grade_sure`` weighs which). ``blank``: a score left blank that the rules
    give is one too (written None) — listed, though it moves no written total."""
    def shown(source: Source | None, declared: float | None) -> float | None:
        return None if declared is None else number_shown(table, source, declared)

    pairs = [(indicator.sources.get("score"), f"“{label(indicator)}”",
              shown(indicator.sources.get("score"), indicator.score_declared), score.value)
             for indicator, score in zip(table.indicators, evaluation.scores, strict=True)
             if indicator.weight is not None or indicator.score_declared is not None]
    if execution_written(table):
        pairs.insert(0, (table.funds.sources.get("score"), "执行率",
                         shown(table.funds.sources.get("score"), table.funds.score_declared),
                         evaluation.execution_score))
    return [(source, name, declared, computed) for source, name, declared, computed in pairs
            if computed is not None
            and (differs(declared, computed, 0) if declared is not None else blank)]


# ---------------------------------------------------------------- formulas

def _computed_cells(table: SelfEvaluation, evaluation: Evaluation, current: bool = False
                    ) -> Iterator[tuple[Source, str, object]]:
    """(cell, what, the value jixiao computes for it) for every cell a template computes.

    The value is None when the rules give none (the cell then shows a ⚠ text).
    On jixiao's template the values are what its JX_ formulas give — the very
    functions of ``cellfuncs`` on the cells' inputs — so the checker never argues
    with the template. ``current``: the 总分 and 评分等级 as their formulas give
    them from the score cells as they are (a score typed over its formula is
    JX503's, not a stale total).
    """
    if table.template:
        yield from _template_cells(table, evaluation, current)
        return
    for indicator, score in zip(table.indicators, evaluation.scores, strict=True):
        if "score" in indicator.sources:
            yield indicator.sources["score"], f"“{label(indicator)}”的得分", score.value
    funds = table.funds
    for line in (funds.total, *funds.parts):
        if "rate" in line.sources:
            rate = None
            if line.budget is not None and line.executed is not None:
                try:
                    rate = rules.execution_rate(line.budget, line.executed)
                except ScoreInputError:
                    rate = 0.0 if line.budget == 0 and line.executed == 0 else None
            yield line.sources["rate"], f"“{line.label}”的执行率", rate
    if "score" in funds.sources:
        yield funds.sources["score"], "执行率得分", evaluation.execution_score
    if "weight_total" in table.sources:
        weights = [i.weight for i in table.indicators if i.weight is not None]
        total = rules.round2(sum(weights) + (funds.weight or 0.0)) if weights else None
        yield table.sources["weight_total"], "分值合计", total
    if "total" in table.sources:
        yield table.sources["total"], "总分", evaluation.total
    if "grade" in table.sources:
        yield table.sources["grade"], "评分等级", evaluation.grade


def _template_cells(table: SelfEvaluation, evaluation: Evaluation,
                    current: bool) -> Iterator[tuple[Source, str, object]]:
    from jixiao import cellfuncs
    def shown(value: object) -> object:  # "" and ⚠ texts: no value
        return None if value == "" or cellfuncs.is_error(value) else value

    if _native(table):
        yield from _native_cells(table, evaluation, current, shown)
        return

    funds = table.funds
    rate_fraction: object = ""
    for line in (funds.total, *funds.parts):
        fraction = cellfuncs.rate(typed_in(table, line, "budget"), typed_in(table, line, "executed"),
                                  line is funds.total and _rate_marks_total(
                                      table.cell(line.sources.get("rate"))))
        if line is funds.total:  # JX_EXEC_SCORE reads the rate cell as it is: one typed
            # over (95%) is JX301's and JX503's, not a stale 执行率得分 (rt7)
            rate_fraction = _as_shown(table, line.sources.get("rate"), fraction, current)
        if "rate" in line.sources:
            value = shown(fraction)
            yield line.sources["rate"], f"“{line.label}”的执行率", \
                None if value is None else float(value) * 100  # type: ignore[arg-type]
    # the formulas read the 分值 and 人工评分 cells as typed ("十" is no 10); a 分值 through
    # JX_POINTS in points (10% typed is 10, since rt21), directly as typed before. A cell
    # whose formula was deleted or typed over is what its formula, restored, gives: read
    # as the template's score formulas read the 分值 (one version of the template)
    scores_read_points = any(_reads_points(table.cell(i.sources.get("score")))
                             for i in table.indicators)

    def weight(line: object, formula_at: Source | None) -> object:
        held = table.cell(formula_at)
        reads_points = _reads_points(held) if held is not None and held.is_formula \
            else scores_read_points
        if not reads_points:
            return typed_in(table, line, "weight")
        info = table.cell(line.sources.get("weight"))  # type: ignore[attr-defined]
        return cellfuncs.points(typed_in(table, line, "weight"),  # “—” is "", as JX_POINTS
                                info is not None and shows_percent(info.number_format))

    rate_cell = table.cell(funds.total.sources.get("rate"))  # JX_EXEC_SCORE reads its format
    score_cell = table.cell(funds.sources.get("score"))
    execution = cellfuncs.execution_score(rate_fraction, weight(funds, funds.sources.get("score")),
                                          evaluation.rules.name if _scores_by_rules(score_cell)
                                          else None,
                                          None if rate_cell is None
                                          else shows_percent(rate_cell.number_format))
    parts = [_as_shown(table, funds.sources.get("score"), execution, current)]
    if "score" in funds.sources:
        yield funds.sources["score"], "执行率得分", shown(execution)
    in_total = _reads(table, table.sources.get("total"))  # an older H13:H42: not row 43
    for indicator in table.indicators:
        judged = table.cell(indicator.sources.get("judged"))  # JX_SCORE reads its format
        value = cellfuncs.score(indicator.target, indicator.actual,
                                weight(indicator, indicator.sources.get("score")),
                                evaluation.rules.name,
                                typed_in(table, indicator, "judged"), indicator.level2,
                                None, None,  # the 指标值, 完成值: read as shown already
                                judged is not None and shows_percent(judged.number_format))
        if in_total(indicator):
            parts.append(_as_shown(table, indicator.sources.get("score"), value, current))
        if "score" in indicator.sources:
            yield indicator.sources["score"], f"“{label(indicator)}”的得分", shown(value)
    # JX_WEIGHT_TOTAL reads the 分值 cells as typed, or (JX_POINTS) in points
    total_at = table.sources.get("weight_total")
    in_weights = _reads(table, total_at)
    weight_total = cellfuncs.weight_total(weight(funds, total_at),
                                          [weight(i, total_at) for i in table.indicators
                                           if in_weights(i)],
                                          evaluation.rules.name if _weighs_by_rules(
                                              table.cell(total_at)) else None)
    if "weight_total" in table.sources:
        yield table.sources["weight_total"], "分值合计", shown(weight_total)
    total = cellfuncs.total(*parts)
    if "total" in table.sources:
        yield table.sources["total"], "总分", shown(total)
    if "grade" in table.sources:  # JX_GRADE reads the 总分 cell as it is (and the 分值合计)
        source = table.sources["grade"]
        yield source, "评分等级", shown(cellfuncs.grade(
            _as_shown(table, table.sources.get("total"), total, current),
            weight_total if _grades_weights(table.cell(source)) else None))


def _reads_points(info: CellInfo | None) -> bool:
    """A template's formula reading its 分值 through JX_POINTS (since rt21): 10% typed is
    10 points. An older one passes the 分值 cell as typed: 0.1."""
    return info is not None and "JX_POINTS(" in (info.formula or "").upper()


def _points(table: SelfEvaluation, line: object) -> object:
    """A 分值 cell in points, as the template's formulas read it (``rules.weight_points``):
    10% typed (0.1 in a percent-formatted cell) is 10 points (rt20)."""
    info = table.cell(line.sources.get("weight"))  # type: ignore[attr-defined]
    return rules.weight_points(typed_in(table, line, "weight"),
                               info is not None and shows_percent(info.number_format))


def _weighs_by_rules(info: CellInfo | None) -> bool:
    """A template's JX_WEIGHT_TOTAL given the 评分规则 (…,JX_Rules), since rt24: under
    四川 a 执行率 分值 left blank or “—” counts 10. An older one counts it as blank."""
    formula = (info.formula or "") if info is not None else ""
    return re.search(r"JX_WEIGHT_TOTAL\s*\(.*,\s*JX_Rules\s*\)\s*$", formula,
                     re.IGNORECASE) is not None


def _scores_by_rules(info: CellInfo | None) -> bool:
    """A template's JX_EXEC_SCORE given the 评分规则 (…,JX_Rules), since rt27: a 执行率
    分值 left blank scores no 执行率 (“—”; 四川: 10). An older one takes it as 10."""
    formula = (info.formula or "") if info is not None else ""
    return re.search(r"JX_EXEC_SCORE\s*\(.*,\s*JX_Rules\s*\)\s*$", formula,
                     re.IGNORECASE) is not None


def _grades_weights(info: CellInfo | None) -> bool:
    """A template's JX_GRADE given the 分值合计 too (JX_GRADE(H43,G43), since rt14): no
    grade where they do not total 100. An older JX_GRADE(H43) grades any total."""
    formula = (info.formula or "") if info is not None else ""
    return re.search(r"JX_GRADE\s*\([^,()]*,", formula, re.IGNORECASE) is not None


def _rate_marks_total(info: CellInfo | None) -> bool:
    """A template's JX_RATE of the 年度资金总额 line told so (JX_RATE(E6,F6,TRUE), since
    rt20): 0 and 0 there is no rate. An older JX_RATE(E6,F6) shows 0 %."""
    formula = (info.formula or "") if info is not None else ""
    return re.search(r"JX_RATE\s*\([^,()]*,[^,()]*,\s*TRUE\s*\)", formula, re.IGNORECASE) \
        is not None


def _native(table: SelfEvaluation) -> bool:
    """A template made with ``--formulas native``: its score formulas are plain functions."""
    infos = [table.cell(i.sources.get("score")) for i in table.indicators]
    formulas = [info.formula for info in infos if info is not None and info.formula]
    return bool(formulas) and all("JX_SCORE" not in formula.upper() for formula in formulas)


def _points_missing(table: SelfEvaluation, source: Source | None) -> bool:
    """A native template's row whose hidden 分值 in points (AB) holds no formula — a row
    inserted without copying the row above, or given only its visible cells — where the
    分值合计 adds up that column (as it does since rt21, not the 分值 cells): the sheet's
    分值合计 leaves the row's 分值 out, whatever recalculates it."""
    if not (formula_deleted(table, source) or helpers_missing(table, source)):
        return False
    info = table.cell(table.sources.get("weight_total"))
    column = COLUMN["points"]
    return info is not None and f"{column}:{column}" in (info.formula or "").upper()


def _native_cells(table: SelfEvaluation, evaluation: Evaluation, current: bool,
                  shown: Callable[[object], object]) -> Iterator[tuple[Source, str, object]]:
    """The values the native formulas give (``jixiao.native``), cell by cell."""
    from jixiao import native
    funds = table.funds

    def points(line: object) -> object:  # a 分值 typed as 10% is 10 points (rt20)
        return _points(table, line)

    scores, weights, filled = [], [], []
    older = False
    in_total = _reads(table, table.sources.get("total"))  # an older H13:H42: not row 43
    in_weights = _reads(table, table.sources.get("weight_total"))
    def typed(indicator: Indicator, key: str) -> object:
        """A 指标值/完成值 as the formulas read it: a text as typed (the reader drops
        more whitespace than they do: a stored ⚠ of theirs is then no stale result)."""
        value = typed_in(table, indicator, key)  # a time cell (3:00) too: they do not read it
        return value if isinstance(value, str) or clock_duration(value) is not None \
            else getattr(indicator, key)

    for indicator in table.indicators:
        source = indicator.sources.get("score")
        sides = [typed(indicator, "target"), typed(indicator, "actual")]
        info = table.cell(source)  # a time cell (3:00): ⚠; an older template's formulas
        if info is not None and info.is_formula and _shows_number(info):  # recalculated by
            sides = [native.clock_number(side) for side in sides]  # LibreOffice: from 0.125
        values = native.row_values(*sides, points(indicator), evaluation.rules.name,
                                   typed_in(table, indicator, "judged"), indicator.level2)
        if in_total(indicator):
            filled.append(not native.unused_row(indicator.target, indicator.actual,
                                                points(indicator)))
            scores.append(_as_shown(table, source, values["score"], current))
        if in_weights(indicator) and not (current and _points_missing(table, source)):
            weights.append(points(indicator))  # SUM skips a 分值 in words
        if source is not None and _older_native(info, values["score"],
                                                typed_in(table, indicator, "weight")):
            older = True  # an older template's formulas: their ⚠ is their result
            yield source, f"“{label(indicator)}”的得分", None
        elif source is not None:
            yield source, f"“{label(indicator)}”的得分", shown(values["score"])
    lines = (funds.total, *funds.parts)
    execution_formula = table.cell(funds.sources.get("score"))  # under 四川 a 分值 left
    fund_weight = native.fund_points(points(funds), evaluation.rules.name,  # blank is 10
                                     native.reads_rule_set(execution_formula.formula
                                                           if execution_formula else None))
    rate_info = table.cell(funds.total.sources.get("rate"))  # typed over: I6 reads it
    money = native.money_values([(typed_in(table, line, "budget"), typed_in(table, line, "executed"))
                                 for line in lines], fund_weight, scores, weights,
                                filled=filled,
                                typed_rate=rate_info.value if current and rate_info is not None
                                and not rate_info.is_formula
                                and not native.is_blank(rate_info.value) else None)
    for line, rate in zip(lines, money["rates"], strict=False):
        if "rate" in line.sources:
            value = shown(rate)
            yield line.sources["rate"], f"“{line.label}”的执行率", \
                None if value is None else float(value) * 100  # type: ignore[arg-type]
    if "score" in funds.sources:
        yield funds.sources["score"], "执行率得分", shown(money["execution"])
    total = _as_shown(table, table.sources.get("total"), money["total"], current)
    grade = rules.grade(total) if isinstance(total, (int, float)) else ""  # as its formula
    info = table.cell(table.sources.get("grade"))
    if grade and info is not None and native.grades_weights(info.formula) \
            and rules.ungraded(money["weight_total"]) is not None:
        grade = ""  # "⚠ 分值合计 90，不是 100，不评等级"
    for key, what, value in (("weight_total", "分值合计", money["weight_total"]),
                             ("total", "总分", money["total"]), ("grade", "评分等级", grade)):
        if key in table.sources and not older:  # an older template's: its formulas' own
            yield table.sources[key], what, shown(value)


def _older_native(info: CellInfo | None, computed: object, weight: object) -> bool:
    """A native row showing a ⚠ of its formulas for a form they do not read (a date text,
    a 分值 “10分” before rt27) where today's formulas give a number: the workbook was made
    by an older template, its result is no stale one (recalculating it shows the same ⚠;
    its 分值合计, 总分 and 等级 follow those formulas too)."""
    from jixiao import native
    if info is None or not isinstance(info.value, str) \
            or not isinstance(computed, (int, float)) or isinstance(computed, bool):
        return False
    stored = info.value.strip()  # (a stale “⚠ 实际完成值为空” is no older template's)
    return stored == native.WARN_INPUT \
        or (stored == native.WARN_WEIGHT and rules.points_text(weight) is not None)


def _as_shown(table: SelfEvaluation, source: Source | None, computed: object,
              current: bool) -> object:
    """What a score cell holds for the total: its typed number when typed over (current)."""
    info = table.cell(source)
    if current and (_typed(info) or formula_deleted(table, source)
                    or helpers_missing(table, source)):
        return info.value if info is not None else None  # typed over, or left blank
    return computed


@check("JX503", "warning", "模板公式被数字覆盖或删除")
def formula_overwritten(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """应为公式的单元格（得分、执行率、总分、等级）被手工填写的数字覆盖，或公式被删除。

    对 jixiao 模板生成的工作簿，这些单元格都应是 JX_ 公式；对其他工作簿，
    得分列大部分是公式而个别行是数字时报告——只在这些公式确实计分（引用本行的完成值、
    指标值等，不只是分值）、手工填写的数又不是规则给出的得分时：得分列是 =F13 之类
    （得分 = 分值，完成的行）的，复制它只会给满分，不是可恢复的计分公式；手工填写的数
    与规则给出的相同（满意度 ≥95%、完成 93%、分值 10，填 9.79），或定性指标在其等级允许的
    区间内的，本身没有错，都不报告（与规则不符的得分由 JX403、JX404 等报告）。

    **为什么**：被覆盖的单元格不再随完成值变化，表面正确的数字可能早已过时。

    **错误示例**：得分列 H14 为 =JX_SCORE(…)，H15 被改成手工填写的 10。

    **正确示例**：从相邻行复制公式恢复 H15。

    jixiao 模板中，手工填写的数与规则算出的不同时为错误，并写明规则给出的数（执行率、
    执行率得分也是：95.5% 手工改写成 0.96，执行率得分随之成为 9.6）；
    执行率、执行率得分、总分和等级没有相邻行的同一公式可复制，提示撤销修改或从
    jixiao new 新建的模板中复制同一位置的公式。
    jixiao 模板中公式被删除、单元格空着的（包括插入行后没有复制公式的新行：
    该行得分不计入总分）同样是错误，写明从哪里复制公式；不再报该行“未填写得分”
    （JX406），重算后也不再报总分结果过时（JX504）。原生公式模板（`jixiao new --formulas
    native`）插入行后只复制了看得见的单元格（如 D:K）、得分公式读取的隐藏 M–AD 列没有公式的，
    得分在任何软件中重算都为空，同样是错误，提示复制上一整行（指向该行填写的三级指标单元格：
    得分单元格受保护）；不再报未填写得分（JX406）或
    结果未重算（JX504），分值合计也按表中公式实际计入的行核对。
    公式引用的单元格已被删除、公式中出现 #REF! 的（如删除了旧模板总分公式区域起点所在的
    第 13 行，=JX_TOTAL(I6,#REF!:INDEX(H:H,ROW()-1))），公式已损坏，重算也算不出结果：
    同样是错误，写明从哪里复制公式；它和引用它的评分等级显示的错误值不再报为结果丢失（JX504）。
    """
    if table.locked_formulas:  # jixiao's own form: every computed cell held its formula
        cells = list(_computed_cells(table, evaluation))
    elif not table.holds_formulas():
        return  # no formula to be overwritten
    else:
        scored = [(i, score) for i, score in zip(table.indicators, evaluation.scores, strict=True)
                  if "score" in i.sources]
        infos = [table.cell(i.sources["score"]) for i, _ in scored]
        formulas = sum(1 for info in infos if info is not None and info.is_formula)
        typed = sum(1 for info in infos if _typed(info))
        if formulas < 2 or formulas <= typed:
            return
        if not table.template:  # the unit's own formulas, not jixiao's
            if not _scoring_column(table, scored):
                return  # =F13 (得分 = 分值): a copy would give full marks, not the score
            scored = [(i, score) for i, score in scored
                      if not _as_rules_give(table.cell(i.sources["score"]), score)]
        cells = [(i.sources["score"], f"“{label(i)}”的得分", None) for i, _ in scored]
    for source, what, computed in cells:
        info = table.cell(source)
        if formula_deleted(table, source):
            yield finding("JX503", source, _deleted(table, source, what, computed),
                          severity="error")
            continue
        if formula_broken(table, source):
            yield finding("JX503", source, _broken(table, source, what, computed),
                          severity="error")
            continue
        if helpers_missing(table, source):
            yield finding("JX503", _row_input(table, source),
                          _copied_in_part(table, source, what, computed), severity="error")
            continue
        if not _typed(info):
            continue
        wrong = table.locked_formulas and computed is not None and what.endswith("的得分") \
            and _wrong_score(info, computed)
        if wrong:  # a number the rules would not give: an error, with what they give
            yield finding("JX503", source, f"{what}是手工填写的“{_shown(info)}”，覆盖了原有公式；"
                                           f"按{evaluation.rules.label}应为 {wrong}，"
                                           "请从相邻行复制公式恢复", severity="error")
            continue
        wrong = table.locked_formulas and computed is not None and _wrong_money(info, what,
                                                                                computed)
        if wrong:  # a rate rounded by hand (0.96 for 95.5 %): the scores move with it
            yield finding("JX503", source, f"{what}是手工填写的“{_shown(info)}”，覆盖了原有公式；"
                                           f"按{evaluation.rules.label}应为 {wrong}，"
                                           f"{_restore(table, what)}", severity="error")
        else:
            yield finding("JX503", source, f"{what}是手工填写的“{_shown(info)}”，"
                                           f"覆盖了原有公式；{_restore(table, what)}")


def _scoring_column(table: SelfEvaluation, scored: list[tuple[Indicator, rules.Score]]) -> bool:
    """Whether the 得分 column's formulas compute scores: some formula reads a cell of its
    row besides the row's 分值 (a 完成值, 指标值, 完成率). A column of =F13 (得分 = 分值,
    the met rows') or =ROUND(F13,2) scores nothing — a row typed beside it is no formula
    overwritten. A shared formula's follower (its text is the master's) tells nothing."""
    texts = [(indicator, info.formula) for indicator, info in
             ((indicator, table.cell(indicator.sources["score"])) for indicator, _ in scored)
             if info is not None and info.formula and info.formula.strip("= ")]
    if not texts:
        return True  # nothing to tell by: as before
    return any(_reads_beyond_weight(indicator, formula) for indicator, formula in texts)


def _reads_beyond_weight(indicator: Indicator, formula: str) -> bool:
    """Whether ``formula`` refers to a cell other than the indicator's 分值 cell: another
    cell, another sheet's, or a defined name (it may stand for anything: ``_areas_read``
    cannot tell what it reads)."""
    weight = indicator.sources.get("weight")
    if weight is None:
        return True
    areas = _areas_read(formula)
    if areas is None:
        return True
    row, column = split_ref(weight.cell)
    return any(area != (row, column, row, column) for area in areas)


def _as_rules_give(info: CellInfo | None, score: rules.Score) -> bool:
    """Whether a typed score is what the rules give the row (within rounding; for a 定性
    indicator scored by a person, within the band its level allows): right as it stands,
    whatever the neighbouring formulas would give (rt25-e 2: 9.79 typed for 93 of 95,
    beside =F13 rows that a copy would turn into full marks)."""
    value = parse_points(info.value) if info is not None else None
    if value is None:
        return False
    if score.value is not None:
        return not differs(value, score.value)
    if score.band is not None:
        low, high = score.band
        return low - rules.SCORE_STEP <= value <= high + rules.SCORE_STEP
    return False


def _restore(table: SelfEvaluation, what: str) -> str:
    """How to bring back an overwritten formula: an indicator's 得分 from a neighbouring
    row (each row holds the same formula); the template's 执行率, 执行率得分, 总分 and 等级
    have no neighbour holding theirs (H7 is a 其中 line's rate, I7 holds “—”)."""
    if not table.locked_formulas or what.endswith("的得分"):
        return "请从相邻行复制公式恢复"
    return "请撤销这次修改（Ctrl+Z），或从 jixiao new 新建的模板中复制同一位置的公式恢复"


def _deleted(table: SelfEvaluation, source: Source, what: str, computed: object) -> str:
    """What to say of a template cell whose formula is missing, and how to restore it."""
    row, should = split_ref(source.cell)[0], _should(table, computed)
    if what.endswith("的得分"):
        how = "请从上一行复制 H 列（得分）和 K 列（是否达成）的公式" if not _native(table) else \
            _COPY_WHOLE_ROW
        return f"第{row}行{what}没有公式（新插入的行，或公式被删除），不计入总分{should}：{how}"
    return (f"{what}公式被删除，单元格为空{should}：请从 jixiao new 新建的模板中复制"
            "同一位置的公式恢复")


def _copied_in_part(table: SelfEvaluation, source: Source, what: str, computed: object) -> str:
    """What to say of a native template's 得分 whose row lacks its hidden helper formulas
    (``helpers_missing``): the visible cells were copied alone; no recalculation scores it."""
    row, should = split_ref(source.cell)[0], _should(table, computed)
    return (f"第{row}行{what}为空：该行隐藏的 M–AD 列没有公式（插入行后只复制了看得见的单元格），"
            f"重算也算不出得分，不计入总分{should}：{_COPY_WHOLE_ROW}")


def _row_input(table: SelfEvaluation, source: Source) -> Source:
    """Where to point at a row of jixiao's template whose formulas are missing: at its
    三级指标 cell, which the clerk fills (the 得分 cell is locked; the fix is the whole row)."""
    if not table.template:
        return source
    return next((i.sources["name"] for i in table.indicators
                 if i.sources.get("score") == source and "name" in i.sources), source)


# a native template's row without its formulas: how the clerk restores them
_COPY_WHOLE_ROW = "请复制上一整行（含隐藏的 M–AD 列的公式）插入或粘贴到该行，再改写其填写内容"


def _should(table: SelfEvaluation, computed: object) -> str:
    """"（按财政部规则应为 5）" where the rules computed the cell, else nothing."""
    return f"（按{table.rules.label}应为 {points(float(computed))}）" \
        if isinstance(computed, (int, float)) else ""


_QUOTED_FORMULA = 100  # characters of a broken formula a message quotes


def _broken(table: SelfEvaluation, source: Source, what: str, computed: object) -> str:
    """What to say of a template cell whose formula refers to deleted cells (#REF!): the
    formula quoted when short (a JX_ one; the native template's run to pages)."""
    quoted = _quoted(table.cell(source).formula or "")  # type: ignore[union-attr]
    should = f"（按{table.rules.label}应为 {points(float(computed))}）" \
        if isinstance(computed, (int, float)) else ""
    how = "请从相邻行复制公式恢复" if what.endswith("的得分") else \
        "请从 jixiao new 新建的模板中复制总分和分值合计的公式恢复（新模板的区域从表头的下一行" \
        "算起，删除或插入指标行都不会损坏）" if what in ("总分", "分值合计") else \
        "请从 jixiao new 新建的模板中复制同一位置的公式恢复"
    return (f"{what}公式{quoted}引用的单元格已被删除（#REF!），公式已损坏，"
            f"重算也算不出结果{should}：{how}")


def _wrong_score(info: CellInfo, computed: object) -> str | None:
    """The rules' score as text when a typed score differs from it beyond rounding."""
    value = parse_points(info.value)
    if value is None or not differs(value, float(computed)):  # type: ignore[arg-type]
        return None
    return points(float(computed))  # type: ignore[arg-type]


def _wrong_money(info: CellInfo, what: str, computed: object) -> str | None:
    """The rules' 执行率 (“95.5%”) or 执行率得分 as text where the number typed over the
    template's formula is another one (0.96 for 31.5 ÷ 33 = 95.5 %: the formulas compute
    with the 96 %); None where it is the same number (95.5% typed) or no number."""
    if not isinstance(computed, (int, float)):
        return None
    if what.endswith("的执行率"):
        value = info.value
        typed = rules.text_rate(value) if isinstance(value, str) else value
        if not isinstance(typed, (int, float)) or isinstance(typed, bool):
            return None
        percent = typed * 100 if isinstance(value, str) else rules.rate_percent(
            typed, shows_percent(info.number_format))
        return f"{points(round(float(computed), 4))}%" if differs(percent, float(computed)) \
            else None
    return _wrong_score(info, computed) if what == "执行率得分" else None


def _typed(info: CellInfo | None) -> bool:
    return info is not None and not info.is_formula and info.value is not None \
        and not (isinstance(info.value, str) and info.value.strip() in ("—", "-", ""))


def _shown(info: CellInfo | None) -> str:
    value = info.value if info is not None else None
    return "None" if value is None else plain_text(value)


@check("JX504", "warning", "公式结果未重新计算")
def formula_results_current(table: SelfEvaluation,
                            evaluation: Evaluation) -> Iterator[Finding]:
    """公式单元格保存的结果已过时：与重新计算的结果不同、没有结果或显示错误。

    JX_ 公式的结果由 jixiao 按同一规则、从单元格现有的内容重新计算后比较（执行率、得分
    被手工填写的数字覆盖的，按覆盖后的数字计算，与规则的差异由 JX301、JX503 报告）；
    普通公式只检查有没有结果——
    jixiao 模板（含原生公式模板）的总分除外：总分保存为空或 ⚠、而按表中数据重新计算
    得出总分的，表格送出时没有总分，同样在此提示。
    年度指标值、实际完成值写成公式（=95%）而文件中没有保存结果的（由程序写出、
    从未在 Excel 中打开），同样在此提示，不算未填写（JX201、JX202）；资金栏的年初预算数、
    全年预算数、全年执行数和分值写成公式（=D7+D8+D9）而没有结果的也一样：不算未填写
    （JX309），不按空白与明细核对（JX304），执行率得分等重算后再算。

    **为什么**：用 WPS 或未启用加载项的 Excel 保存时，公式结果可能停留在旧值或显示
    #NAME?，审核人看到的分数并不是按当前数据算出的。

    **错误示例**：完成值已从 95% 改为 85%，得分单元格仍显示 10。

    **正确示例**：在装有 jixiao 加载项的 Excel 中点“一键重算”后保存。

    原生公式模板（`jixiao new --formulas native`）不需要 jixiao：提示在 Excel、WPS 或
    LibreOffice 中打开、重算后保存。jixiao 模板的计算单元格受保护、不能填写，提示不指向
    它们（不给单元格位置），只说明怎样重算；显示错误值的公式单元格逐一计数、列出，包括
    是否达成列和清空了的行（隐藏的辅助列不列出）。只有 JX_ 公式显示的 #NAME? 是没有
    jixiao 函数的软件保存后丢失的结果；其他错误值（循环引用的 #VALUE!、计算引擎没有的函数的
    #NAME?，以及引用它们的 JX_ 公式传下来的）是公式自己的结果，单独说明，请检查这些公式
    （资金单元格的见 JX309）。错误值有明确含义的，写明含义：#DIV/0! 是除数为空或为 0（写明
    公式所除的单元格），#REF! 是引用的单元格已被删除，#N/A 是查找的值没有找到。单位自己的
    执行率公式（=F6/E6）因全年预算数为 0 或空着（JX309 已在该单元格报告）而显示 #DIV/0! 的，
    不再报告；得分、总分、评分等级显示错误值的，由 JX406、JX501、JX502 报告。
    """
    if not table.holds_formulas():
        return  # no formula, no result to be stale

    def at(source: Source | None) -> Source | None:
        """Where to point: not at a computed cell of jixiao's template, which is locked
        (the clerk can only recalculate: the message says how)."""
        return None if table.locked_formulas and (source in computed_sources
                                                  or source in shown_errors) else source

    unknown_rules = bool(unknown_rules_cell(table)[1])
    computed_cells = list(_computed_cells(table, evaluation, current=True))
    computed_sources = {source for source, _, _ in computed_cells}
    broken = {source.cell for source, _, _ in computed_cells if formula_broken(table, source)}
    shown_errors = [table.sources[key] for key in table.sources if key.startswith(SHOWN_ERROR)]
    showing_errors: list[tuple[Source, str, str]] = []
    # the money's amounts and 分值 (=D7+D8+D9), first: the block stands above the indicators
    uncalculated = [item for item in uncalculated_money(table) if item[0] not in computed_sources]
    for source, what, computed in computed_cells:
        info = table.cell(source)
        if info is None or not info.is_formula or _reads_broken(info, source, broken) \
                or helpers_missing(table, source):
            continue  # (a broken formula, and what reads it, a row copied in part: JX503's)
        if info.error:
            if _told_elsewhere(table, source, info.error):
                continue
            showing_errors.append((source, what, info.error))
            continue
        if not info.cached:
            uncalculated.append((source, what))
            continue
        if ("JX_" not in (info.formula or "").upper()
                and not _total_left_out(table, source, info, computed)) or (
                unknown_rules and not _shows_number(info)):
            continue  # (under a 评分规则 they do not know, JX_ functions show ⚠: JX505's)
        stale = _stale(info, computed)
        if stale:
            saved = "为空" if not plain_text(info.value).strip() else f"为“{_shown(info)}”"
            yield finding("JX504", at(source), f"{what}公式保存的结果{saved}，"
                                           f"按{evaluation.rules.label}重新计算应为"
                                           f"“{stale}”")
    counted = {source for source, _, _ in showing_errors}
    before = len(showing_errors)
    for source in shown_errors:  # the template's other formula cells showing an error: a
        # 是否达成 (K), an emptied row's 得分 — each counted, as the clerk sees it
        info = table.cell(source)
        if source not in computed_sources and source not in counted \
                and info is not None and info.error:
            showing_errors.append((source, f"{source.cell} 单元格", info.error))
    if len(showing_errors) > before:  # in reading order, the added among the others
        showing_errors.sort(key=lambda item: _row_column(item[0]))
    for indicator in table.indicators:  # a 指标值 or 完成值 typed as a formula (=95%)
        for key, name in (("target", "年度指标值"), ("actual", "实际完成值"), ("weight", "分值")):
            if never_calculated(table, indicator.sources.get(key)):
                uncalculated.append((indicator.sources[key], f"“{label(indicator)}”的{name}"))
    # an error of the formula's own (a loop, a function no program computes, and what reads
    # it) is no result lost: told to check the formula, not to recalculate; a money amount's
    # is JX309's
    erring = _own_errors(table, showing_errors)
    amounts = {line.sources.get(key) for line in (table.funds.total, *table.funds.parts)
               for key in ("budget", "executed")}
    if erring:
        told = [item for item in showing_errors if item[0] in erring and item[0] not in amounts]
        showing_errors = [item for item in showing_errors if item[0] not in erring]
        if len(told) == 1:
            source, what, error = told[0]
            formula = info.formula if (info := table.cell(source)) is not None else None
            yield finding("JX504", at(source), f"{what}{formula_error_said(error, formula)}")
        elif told:
            errors = sorted({error for _, _, error in told})
            meaning = ERROR_MEANINGS.get(errors[0]) if len(errors) == 1 else None
            yield finding("JX504", at(told[0][0]),
                          f"{len(told)} 个公式单元格（{_cell_list(told)}）的公式结果为错误值 "
                          f"{'、'.join(errors)}，请检查这些公式（"
                          f"{meaning or '如循环引用或无法计算的函数'}，以及引用它们的公式）")
    recalc = _recalc_hint(table, tuple(item[0] for item in (*showing_errors, *uncalculated)))
    if len(showing_errors) == 1:
        source, what, error = showing_errors[0]
        hint = "（jixiao 加载项未启用）" if error == "#NAME?" else ""
        yield finding("JX504", at(source), f"{what}公式显示 {error}{hint}，没有有效结果；{recalc}")
    elif showing_errors:  # saved by a program without the JX_ functions: one line
        shown = sorted({error for _, _, error in showing_errors})
        lost = "#NAME?" in shown or any(
            "JX_" in (table.cell(source).formula or "").upper() for source, _, _ in showing_errors)
        why = "文件由没有 jixiao 函数的软件保存，结果已丢失" if lost \
            else "公式出错（如引用的单元格已删除），或保存前未重新计算"
        yield finding("JX504", at(showing_errors[0][0]),
                      f"{len(showing_errors)} 个公式单元格（{_cell_list(showing_errors)}）显示 "
                      f"{'、'.join(shown)}：{why}；{recalc}")
    if len(uncalculated) == 1:
        source, what = uncalculated[0]
        yield finding("JX504", at(source), f"{what}公式没有计算结果（保存前未重新计算）；{recalc}")
    elif uncalculated:  # a file written by a program and never opened in Excel: one line
        typed = [source for source, _ in uncalculated if at(source) is not None]
        yield finding("JX504", typed[0] if typed else None,
                      f"{len(uncalculated)} 个公式单元格（{_cell_list(uncalculated)}）"
                      f"没有计算结果：文件保存前未重新计算；{recalc}")


@check("JX505", "warning", "评分规则无法识别")
def rules_cell_known(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """jixiao 模板的“评分规则”单元格填写的不是 jixiao 能识别的评分规则（如“浙江”“省标准”）。

    这样的表按默认的 mof2020 规则（财政部 财预〔2020〕10号）校验；模板中的公式对这样的
    评分规则显示 ⚠，不给得分，这些 ⚠ 不再另报得分缺失（JX406）或结果未重算（JX504）。评分规则单元格空着的，按 mof2020 计分，不报告。
    只检查 `jixiao new` 生成的模板中名为 JX_Rules 的评分规则单元格；其他表格中的
    “评分方法”“评分规则”说明文字是对评分办法的描述，不在此检查。

    **为什么**：填表人写的规则名 jixiao 不认识，却被悄悄按另一套规则计分，审核人和
    填表人都以为用的是自己写的规则。

    **错误示例**：评分规则单元格填“浙江”或“省标准”。

    **正确示例**：从该单元格的下拉列表中选择 mof2020、ratio 或 sichuan（也可写“比例法”
    “四川”）。
    """
    source, text = unknown_rules_cell(table)
    if not text:
        return
    chosen = evaluation.rules
    yield finding("JX505", source, f"评分规则“{text}”不是 jixiao 能识别的评分规则，表中的公式"
                                   f"不按它计分（得分显示 ⚠）；本次按 {chosen.name}（{chosen.title}）"
                                   f"校验。请改为 {'、'.join(rules.RULE_SETS)} 之一后重算")


@check("JX506", "error", "自评结论与总分、等级不一致")
def results_stated_alike(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """表中另一处文字（多为表下的自评结论）写的总分或评分等级，与总分、评分等级单元格
    填报的不一致。表格上方的得分、等级栏（广东、浙江表：自评得分 | 96 | 自评等级 | 优）
    与表下总分行、评分等级行不一致的，同样在上方的单元格报告（总分按两位小数比较）。

    报告在那段文字所在的单元格，写明两处各是多少，以及各项得分之和（表中填写的各项得分
    相加，没有得分列的按规则计算；或总分应得的等级）：哪一处错了，改哪一处。文字按它写的小数位把总分四舍五入的（总分 99.05，结论写 99.1 分
    或 99 分）不算不一致；四舍五入后跨了等级的（89.6 写成 90 分）仍报告。总分、等级只写在
    文字中（没有总分行、评分等级行）的，这段文字就是填报的总分、等级，按 JX501、JX502 核对。

    **为什么**：表下的结论常从上年或别的项目复制，改了总分却忘了改结论；公开的是整张表，
    两处不一，审核人不知以哪一处为准。

    **错误示例**：总分 98、评分等级“优”，表下“自评结论：经自评，该项目得分92分，评价等级为良。”

    **正确示例**：自评结论写“该项目得分98分，评价等级为优”。
    """
    restated = table.restated
    if "total" in restated and table.total_declared is not None:
        yield finding("JX506", table.sources.get("restated_total"),
                      f"此处写总分 {points(restated['total'])}，与{_at(table, 'total')}总分 "
                      f"{points(table.total_declared)} 不一致{_restated_sum(table, evaluation)}")
    if "grade" in restated and table.grade_declared is not None:
        due = f"（总分 {points(table.total_declared)} 应为"\
              f"“{_named(table, rules.grade(table.total_declared))}”）" \
            if table.total_declared is not None else ""
        yield finding("JX506", table.sources.get("restated_grade"),
                      f"此处写评分等级“{plain_text(restated['grade'])}”，与{_at(table, 'grade')}"
                      f"评分等级“{plain_text(table.grade_declared)}”不一致{due}")


def _restated_sum(table: SelfEvaluation, evaluation: Evaluation) -> str:
    """What a JX506 on a restated 总分 adds: the sum of the scores the table writes (the
    总分 it should show, as JX501 adds it), or, without a 得分 column, the rules' total;
    nothing where a score is missing."""
    summed = _written_sum(table, evaluation)
    if summed is not None:
        return f"（各项得分之和为 {points(summed.total)}）"
    if "score" not in table.columns and evaluation.total is not None:
        return f"（按{evaluation.rules.label}各项得分之和为 {points(evaluation.total)}）"
    return ""


def _at(table: SelfEvaluation, key: str) -> str:
    """" G19 的" — where the table declares its 总分 (评分等级), for a message on its
    restatement ("自评表!G19" where that is on another sheet: a 自评结论's own); "填报的"
    for a table built in code."""
    source = table.sources.get(key)
    if source is None:
        return "填报的"
    said = table.sources.get(f"restated_{key}")
    return f" {cell_named(table, source, sheet=said is not None and said.sheet != source.sheet)} 的"


def _own_errors(table: SelfEvaluation, showing: list[tuple[Source, str, str]]) -> set[Source]:
    """The cells of ``showing`` whose error is the formula's own, not a result lost
    (``result_lost``: a JX_ formula's #NAME?, saved by a program without the JX_ functions):
    every other error, and a JX_ formula's #NAME? that reads (on its sheet) a cell showing
    one of those — a loop's #VALUE!, an unknown function's #NAME? — passed on to it."""
    own = {source for source, _, _ in showing if not result_lost(table.cell(source))
           and not _formula_unknown_name(table.cell(source))}
    lost = [source for source, _, _ in showing if source not in own]
    while own and lost:
        passed_on = [source for source in lost if _reads_any(table.cell(source), source, own)]
        if not passed_on:
            break
        own.update(passed_on)
        lost = [source for source in lost if source not in own]
    return own


def _formula_unknown_name(info: CellInfo | None) -> bool:
    """A #NAME? whose formula the file does not give (an .xls or .ods read by value): the
    template's JX_ results lost by the program that saved it, as before the formulas could
    be told apart (a LibreOffice .xls of the add-in template shows 68 of them)."""
    return info is not None and info.error == "#NAME?" and (info.formula or "=") == "="


def _reads_any(info: CellInfo | None, source: Source, cells: set[Source]) -> bool:
    """Whether the formula of ``info`` (at ``source``) names a cell of ``cells`` on its sheet."""
    text = FORMULA_STRING.sub("", (info.formula or "") if info is not None else "")
    for match in _FORMULA_REFERENCE.finditer(text):
        if match.start() > 0 and text[match.start() - 1] in "!'":
            continue  # another sheet's
        top, left = int(match.group(2)), column_number(match.group(1).upper())
        bottom = int(match.group(4)) if match.group(4) else top
        right = column_number(match.group(3).upper()) if match.group(3) else left
        for cell in cells:
            row, column = split_ref(cell.cell)
            if cell.sheet == source.sheet and top <= row <= bottom and left <= column <= right:
                return True
    for match in _WHOLE_COLUMNS.finditer(text):  # the template's INDEX(G:G,ROW()-1)
        left, right = (column_number(match.group(i).upper()) for i in (1, 2))
        if any(cell.sheet == source.sheet and left <= split_ref(cell.cell)[1] <= right
               for cell in cells):
            return True
    return False


_WHOLE_COLUMNS = re.compile(r"(?<![\w.$!'])\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})(?![\w(!])")


def _told_elsewhere(table: SelfEvaluation, source: Source, error: str) -> bool:
    """An error a formula of the table's own shows, which no recalculation mends: a 得分,
    总分 or 等级 (=1/0) is JX406's, JX501's or JX502's; a money line's 执行率 #DIV/0! over a
    全年预算数 of 0 is what Excel shows there (a line without money: no finding), over one
    left blank JX309's where it says that blank (its cause, at its cell)."""
    if formula_error(table, source) is None:
        return False
    lines = {line.sources.get("rate"): line for line in (table.funds.total, *table.funds.parts)}
    if source not in lines:
        return True
    line = lines[source]
    return error == "#DIV/0!" and (line.budget == 0 or (
        line.budget is None and line.sources.get("budget") is not None
        and any(cell == line.sources["budget"] for _, cell in money_problems(table))))


_RECALC_HINT = "请运行 jixiao recalc，或在装有 jixiao 加载项的 Excel 中点“一键重算”后保存"
# A native-formula template (``--formulas native``) needs neither: any program recalculates it
_NATIVE_RECALC_HINT = "请在 Excel、WPS 或 LibreOffice 中打开本表，重算（F9）后保存"


# A submitted table whose formulas are the spreadsheet's own (=SUM(H13:H20), =G13): any
# program recalculates it; jixiao recalc does too
_PLAIN_RECALC_HINT = "请在 Excel、WPS 或 LibreOffice 中打开本表，重算（F9）后保存，或运行 jixiao recalc"


# A template saved as .xls or .ods: jixiao recalc writes .xlsx only
_VALUES_ONLY_RECALC_HINT = ("请在 Excel、WPS 或 LibreOffice 中打开本表，另存为 .xlsx 后运行 jixiao recalc"
                            "（jixiao recalc 不能写入 .xls、.ods 文件）")


def _recalc_hint(table: SelfEvaluation, sources: tuple[Source, ...] = ()) -> str:
    if table.template and table.values_only:
        return _VALUES_ONLY_RECALC_HINT
    if table.template:
        return _NATIVE_RECALC_HINT if _native(table) else _RECALC_HINT
    if table.values_only:
        return _NATIVE_RECALC_HINT  # an .ods or .xls: jixiao recalc writes .xlsx only
    formulas = [(table.cell(source).formula or "") for source in sources
                if table.cell(source) is not None]
    return _RECALC_HINT if any("JX_" in formula.upper() for formula in formulas) \
        else _PLAIN_RECALC_HINT


def _row_column(source: Source) -> tuple[int, int, str]:
    """A cell's place in reading order: row, then column (H40 before K40 before H43)."""
    letters = source.cell.rstrip("0123456789")
    return int(source.cell[len(letters):] or 0), len(letters), letters


def _cell_list(items: list[tuple]) -> str:  # type: ignore[type-arg]
    cells = "、".join(item[0].cell for item in items[:6])
    return cells + (" 等" if len(items) > 6 else "")


def _reads_broken(info: CellInfo, source: Source, broken: set[str]) -> bool:
    """A template cell whose formula is broken (#REF!: JX503's), or reads one on its sheet
    (the 评分等级's =JX_GRADE(H39,G39) of a broken 总分): its error is no lost result."""
    if source.cell in broken:
        return True
    if not broken or not info.formula:
        return False
    text = FORMULA_STRING.sub("", info.formula)
    return any(match.group(0).replace("$", "").upper() in broken
               for match in _FORMULA_REFERENCE.finditer(text))


def _total_left_out(table: SelfEvaluation, source: Source, info: CellInfo,
                    computed: object) -> bool:
    """A template's 总分 formula (the native template's too, whose other plain formulas
    are only asked for a result) saved showing no total — blank or ⚠ — where its formulas,
    recomputed, give one: the table would go out without a total (rt23: rows marked “/”
    under an older template's formulas)."""
    return table.template and source == table.sources.get("total") and computed is not None \
        and (not plain_text(info.value).strip() or plain_text(info.value).startswith("⚠"))


def _shows_number(info: CellInfo) -> bool:
    return isinstance(info.value, (int, float)) and not isinstance(info.value, bool)


def _stale(info: CellInfo, computed: object) -> str | None:
    """The recomputed value as text when it differs from the cached one, else None."""
    cached = info.value
    if computed is None:
        if cached is None or (isinstance(cached, str) and cached.startswith("⚠")):
            return None
        return "⚠（规则无法计算）"
    if cached is None:  # "" shown where the rules give a value
        return points(float(computed)) if not isinstance(computed, str) else computed
    if isinstance(computed, str):
        return None if compact_text(cached) == computed else computed
    value = parse_points(cached) if not isinstance(cached, bool) else None
    if value is None:
        return points(float(computed))  # type: ignore[arg-type]
    if shows_percent(info.number_format):
        value *= 100
    if differs(value, float(computed), rules.TOLERANCE):  # type: ignore[arg-type]
        return points(float(computed))  # type: ignore[arg-type]
    return None

