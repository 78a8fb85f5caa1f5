"""The check registry, findings, and the helpers every check shares.

A check takes a ``SelfEvaluation`` and its ``Evaluation`` and yields
``Finding``s. Each is registered with a stable code, a severity and a short
name; its docstring is its user documentation (``jixiao rules`` prints it,
``docs/rules.md`` is generated from it). ``run_checks`` runs them all.

(Over 400 lines: the registry and the helpers several checks share, which no one check owns.)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from jixiao import levels, rules
from jixiao.model import (
    HELPERS_MISSING,
    DocumentPlaces,
    Evaluation,
    Indicator,
    SelfEvaluation,
    Source,
    Subtotal,
    blank_value,
    evaluate,
    execution_row_rate,
    execution_written,
    formula_error,
    indicator_actual,
    is_execution_row,
    money_line_named,
    money_rate,
    names_unlisted_source,
    not_filled_in,
    plain_text,
    reason_in_values,
    scored_by_own_standard,
)
from jixiao.parsing import compact_text, parse_measure
from jixiao.units import fraction_as_percent
from jixiao.xlsx.numformats import number_as_shown, number_decimals, percent_decimals
from jixiao.xlsx.refs import FORMULA_STRING, split_ref

SEVERITIES = ("error", "warning", "info")
SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}
_EPSILON = 1e-9


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str  # error | warning | info
    sheet: str | None
    cell: str | None
    message: str   # Chinese

    @property
    def where(self) -> str:
        if self.sheet is not None and self.cell:  # an export may name a sheet "": the cell
            return f"{self.sheet}!{self.cell}" if self.sheet else self.cell
        return self.sheet or ""


CheckFunction = Callable[[SelfEvaluation, Evaluation], Iterable[Finding]]


@dataclass(frozen=True)
class Check:
    code: str
    severity: str
    name: str
    function: CheckFunction

    @property
    def doc(self) -> str:
        """The docstring, de-indented: its first line is the summary — the first
        paragraph, its wrapped lines joined (Chinese: no space between them)."""
        text = self.function.__doc__ or ""
        first, _, rest = text.strip().partition("\n")
        lines = rest.splitlines()
        indent = min((len(line) - len(line.lstrip()) for line in lines if line.strip()),
                     default=0)
        lines = [line[indent:] for line in lines]
        while lines and lines[0].strip():  # the summary goes on: one line of it
            first += lines.pop(0).strip()
        body = "\n".join(lines).strip()
        return f"{first.strip()}\n\n{body}".strip()

    @property
    def summary(self) -> str:
        return self.doc.partition("\n")[0]


REGISTRY: dict[str, Check] = {}


def check(code: str, severity: str, name: str) -> Callable[[CheckFunction], CheckFunction]:
    """Register a check function under a stable code."""
    assert severity in SEVERITIES, severity

    def register(function: CheckFunction) -> CheckFunction:
        if code in REGISTRY:
            raise ValueError(f"duplicate check code {code}")
        REGISTRY[code] = Check(code, severity, name, function)
        return function

    return register


def run_checks(table: SelfEvaluation, evaluation: Evaluation | None = None,
               select: Iterable[str] | None = None) -> list[Finding]:
    """All findings for a table, in code order then cell order."""
    evaluation = evaluation or evaluate(table)
    wanted = set(select) if select is not None else set(REGISTRY)
    if not_filled_in(table):  # an empty submission is one JX001, not a finding per empty cell
        wanted &= WHEN_EMPTY
    findings: list[Finding] = []
    for code in sorted(REGISTRY):
        if code in wanted:
            findings.extend(REGISTRY[code].function(table, evaluation))
    return findings


WHEN_EMPTY = frozenset(("JX001", "JX901"))  # the checks that still run on an empty table


def finding(code: str, source: Source | None, message: str,
            severity: str | None = None) -> Finding:
    """A Finding of a registered check at a source cell; each name quoted in its message
    on one line (``_one_line``)."""
    return Finding(code, severity or REGISTRY[code].severity,
                   source.sheet if source else None, source.cell if source else None,
                   _QUOTED.sub(_one_line, message))


# A text quoted in a message (“服务对象满意度指标”), and a line break inside a cell's text
# with the spaces around it (a converter's wrap: 服务对象满意\n度指标)
_QUOTED = re.compile("“[^“”]*”")
_BREAK = re.compile(r"[ \t\u3000]*[\r\n]+[ \t\u3000]*")


def _one_line(quoted: re.Match[str]) -> str:
    """A quoted text without its line breaks: joined as Chinese is (满意度), a space kept
    between two Latin letters or digits (Service satisfaction)."""
    text = quoted.group()
    return _BREAK.sub(lambda found: " " if text[found.start() - 1].isascii()
                      and text[found.end()].isascii() else "", text)


def findings_rows(findings: Iterable[Finding]) -> list[list[str]]:
    """The 校验结果 sheet as rows: a header, then one row per finding."""
    rows = [["代码", "级别", "位置", "说明"]]
    for item in findings:
        rows.append([item.code, SEVERITY_NAMES[item.severity], item.where, item.message])
    return rows


# ------------------------------------------------------------- helpers

def cell_named(table: SelfEvaluation, source: Source, *, sheet: bool = False) -> str:
    """Another cell named inside a message, as the report names a finding's place: in a
    Word document's (a web page's) own terms ("第1个表格 第14行第8列") — its sheet "文档"
    and A1 are nothing the document shows —, else its A1 ("G19"; with ``sheet``,
    "Sheet1!G19")."""
    if isinstance(table.document, DocumentPlaces):
        place = table.document.place(source.sheet, source.cell)
        if place is not None:
            return place
    return str(source) if sheet else source.cell


def label(indicator: Indicator) -> str:
    """What a row is called in every message and the report: its 三级 name, else its 二级's,
    else its 一级's (满意度指标 | 满意度指标 | (blank)) — one name for one row."""
    return indicator.name or indicator.level2 or indicator.level1 or "（未命名指标）"


blank = blank_value  # (model's: the reader tells an empty table by it too)


def full_marks(indicator: Indicator, value: float) -> bool:
    """Whether ``value`` is the indicator's whole 分值 (within ``rules.TOLERANCE``)."""
    return indicator.weight is not None and value >= indicator.weight - rules.TOLERANCE


def jixiao_formula(table: SelfEvaluation, source: Source | None) -> bool:
    """Whether a computed cell holds a formula of jixiao's own form: its value is jixiao's
    own result, so a difference from the rules means a stale cache (JX504), not a mistake.
    A unit's own table using the JX_ functions chose their arguments itself: what they
    show is its declared value, judged by the rules as a typed one (JX302, JX501 …)."""
    info = table.cell(source)
    if info is None or info.formula is None:
        return False
    # on jixiao's template any formula in a computed cell is the template's own: JX_ or native
    return table.locked_formulas


def unknown_rules_cell(table: SelfEvaluation) -> tuple[Source | None, str]:
    """The cell and text of jixiao's template's 评分规则 (JX_Rules) when it names no rule
    set jixiao knows (浙江, 省标准); (None, "") otherwise — blank, known, or not the
    template. JX505 reports it; the template's functions then show ⚠ in every 得分, the
    总分 and the 等级 by design, so those cells are not also JX406's or JX504's."""
    if not table.locked_formulas:
        return None, ""
    source = table.sources.get("rules")
    info = table.cell(source)
    text = plain_text(info.value).strip() if info is not None and info.value is not None else ""
    if not text or rules.rule_name(text) is not None:
        return None, ""
    return source, text


def typed_in(table: SelfEvaluation, line: object, key: str) -> object:
    """What an input cell holds as typed ("30万元", a 分值 "十" stay text), for the
    template's own formulas to read — a money line's amount, an indicator's or the
    funds' 分值; the value read where the table was built in code."""
    source = line.sources.get(key)  # type: ignore[attr-defined]
    if key == "weight" and merged_weight_unread(line):
        return None  # the row's own cell of a merged 分值, blank to its formulas
    info = table.cell(source)
    return info.value if info is not None else getattr(line, key)


def merged_weight_unread(line: object) -> bool:
    """An indicator on a lower row of a 分值 merged down over several rows (JX109): its
    分值 was read from the merged cell above, but a template's formulas read the row's own
    分值 cell, which is blank (the merged value stands in the top cell only)."""
    sources = getattr(line, "sources", {})
    weight, score = sources.get("weight"), sources.get("score")
    if weight is None or score is None or weight.sheet != score.sheet:
        return False
    return split_ref(weight.cell)[0] != split_ref(score.cell)[0]


def formula_deleted(table: SelfEvaluation, source: Source | None) -> bool:
    """A computed cell of jixiao's template left blank without its formula: deleted, or a
    row inserted without copying the formulas (JX503 says so; the cell is not unfilled).
    Only on jixiao's own form (its JX_ names): a unit's own table using the JX_ functions
    may never have had a formula in that cell (rt24: the 评分等级's label cell)."""
    if not table.locked_formulas or source is None:
        return False
    info = table.cell(source)
    return info is not None and not info.is_formula and blank(info.value)


def helpers_missing(table: SelfEvaluation, source: Source | None) -> bool:
    """An indicator's 得分 of jixiao's native template whose formula reads hidden helper
    cells of its row (M–AD) that hold no formula (``model.HELPERS_MISSING``): the row's
    visible cells copied without them, its 得分 blank whatever recalculates it (JX503 says
    so; the cell is not unfilled, its blank no stale result)."""
    return source is not None and HELPERS_MISSING + source.cell in table.sources


def formula_broken(table: SelfEvaluation, source: Source | None) -> bool:
    """A computed cell of jixiao's template whose formula refers to cells deleted (#REF! in
    its text: the rows an older 总分 began at, =JX_TOTAL(I6,#REF!:INDEX(H:H,ROW()-1))): no
    recalculation gives it a result (JX503 says so; its error is no lost result)."""
    if not table.template:
        return False
    info = table.cell(source)
    return info is not None and info.formula is not None \
        and "#REF!" in FORMULA_STRING.sub("", info.formula).upper()


def never_calculated(table: SelfEvaluation, source: Source | None) -> bool:
    """A formula saved without a result (a file written by a program, never opened in
    Excel): filled, its value unknown until recalculated (JX504), not missing."""
    info = table.cell(source)
    return info is not None and info.uncalculated


# the money block's amounts, as each line holds them (``FundLine``), in the form's words
MONEY_AMOUNTS = (("initial_budget", "年初预算数"), ("budget", "全年预算数"), ("executed", "全年执行数"))


def uncalculated_money(table: SelfEvaluation) -> list[tuple[Source, str]]:
    """(cell, what) of each amount and the 分值 of the money block saved as a formula
    without its result (=D7+D8+D9 written by a program): JX504 lists them; no check
    calls them unfilled or adds them up as blanks. (Its 执行率 and 得分 are computed
    cells, which JX504 lists with the others.)"""
    found: list[tuple[Source, str]] = []
    for line in (table.funds.total, *table.funds.parts):
        for key, name in MONEY_AMOUNTS:
            if key == "budget":
                name = table.funds.budget_column(line)  # as the header names it (调整后预算数)
            source = line.sources.get(key)
            if never_calculated(table, source) and all(source != seen for seen, _ in found):
                found.append((source, f"“{line.label}”的{name}"))
    weight = table.funds.sources.get("weight")
    if never_calculated(table, weight):
        found.append((weight, "执行率分值"))
    return found


def uncomputed_formula(table: SelfEvaluation, source: Source | None) -> bool:
    """A formula cell without a usable cached result (never calculated, or an error) — not
    one of the table's own formulas that Excel computed to an error (``formula_error``)."""
    info = table.cell(source)
    return info is not None and info.is_formula and (
        not info.cached or (info.error is not None and formula_error(table, source) is None))


def differs(a: float, b: float, tolerance: float = rules.SCORE_SLACK) -> bool:
    """Beyond ``tolerance``: by default the slack a written score has (``rules.SCORE_SLACK``,
    a whole step of the 2 decimals shown: 0.01)."""
    return abs(a - b) > tolerance + _EPSILON


def points(value: float | None) -> str:
    """A score or an amount as a reviewer writes it: 7, 8.95, 99.8, 1286.4 — to 2 decimals,
    never in scientific notation, and from 10,000 on with thousands separators (元 amounts:
    14,073,456.78, not “1.40735e+07”)."""
    if value is None:
        return "—"
    rounded = rules.round2(value)
    grouping = "," if abs(rounded) >= _GROUPED_FROM else ""
    return f"{rounded:{grouping}.2f}".rstrip("0").rstrip(".")


_GROUPED_FROM = 10000  # a score or a 万元 amount of four digits reads at a glance: 1286.4


def points_written(value: float) -> str:
    """A score quoted as the table holds it: as ``points`` where it has at most the 2
    decimals scores keep, else with its own (an unrounded 89.995 is “89.995”, not the
    “90” it rounds to — which a reviewer would not find in the cell)."""
    if rules.round2(value) == round(value, _WRITTEN_DECIMALS):
        return points(value)
    return f"{value:.{_WRITTEN_DECIMALS}f}".rstrip("0").rstrip(".")


_WRITTEN_DECIMALS = 9  # past these, a float's binary tail (89.97000000000001), not typing


def number_shown(table: SelfEvaluation, source: Source | None, value: float) -> float:
    """A score or 总分 as its cell shows it, on screen and on paper — what a reviewer adds
    and quotes: rounded to the decimals its number format shows, 2 or more (=F14*0.9/0.95
    under 0.00 shows 14.21, not 14.2105…); a formula's result under a format showing
    fewer decimals (JX404 says what that hides), or a formula of jixiao's template under
    General, to the 2 decimals scores keep. A number under General shows as it stands,
    typed or a unit's formula's result (=G13*F13/E13 shows 19.16666667: JX404, JX302 say
    it is not rounded, and a 总分 adding such numbers is their sum). ``value`` where no
    cell is known, or the number is typed as text."""
    info = table.cell(source)
    if info is None or isinstance(info.value, str):
        return value
    decimals = number_decimals(info.number_format)
    if decimals is not None and decimals >= 2:
        return number_as_shown(value, info.number_format)  # type: ignore[return-value]
    if info.is_formula and (decimals is not None or jixiao_formula(table, source)):
        return rules.round2(value)
    return value


def score_shown(table: SelfEvaluation, source: Source | None, declared: float) -> float | None:
    """The score its cell shows, on screen and on paper: as held where typed as text or
    shown as General; rounded to the decimals its number format shows (8.125 under "0"
    shows 8, under "0.000" 8.125, under "0.00" 8.13). None where no cell is known, or the
    format shows it otherwise (a percent…)."""
    info = table.cell(source)
    if info is None:
        return None
    if isinstance(info.value, str) or info.number_format in ("General", "@"):
        return declared
    return number_as_shown(declared, info.number_format)


def shown_unrounded(shown: float | None, rules_score: float, weight: float | None) -> bool:
    """Whether a score shown (``score_shown``) keeps more decimals than the 2 scores keep
    while it is the rules' ``rules_score`` but for them (19.995 for 20, 19.16666667 for
    19.17) — not where the 分值 itself has more (0.018: full marks are 0.018)."""
    return shown is not None and not differs(shown, rules_score) \
        and differs(shown, rules_score, 0) and points_written(shown) != points(shown) \
        and (weight is None or points_written(weight) == points(weight))


def rounding_hint(table: SelfEvaluation, source: Source | None) -> str:
    """What a finding of an unrounded score adds where the unit's formula computes it: to
    wrap it in ROUND (typed by hand: "")."""
    info = table.cell(source)
    return "；得分公式宜用 ROUND(…,2) 计算" if info is not None and info.is_formula else ""


def total_shown(table: SelfEvaluation) -> float | None:
    """The written 总分 as its cell shows it (``number_shown``): =SUM(…) of unrounded
    scores under 0.00 is the 89.99 printed, not 89.994881871."""
    if table.total_declared is None:
        return None
    return number_shown(table, table.sources.get("total"), table.total_declared)


def points_below(value: float, bound: float) -> str:
    """``value`` as ``points`` shows it, with the decimals it needs to stay below ``bound``
    where two would round it up to it: 89.996 under 90 is “89.996”, not “90”."""
    shown = points(value)
    for digits in range(3, 8):
        if float(shown.replace(",", "")) < bound:
            break
        shown = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return shown


def decimals_shown(table: SelfEvaluation, source: Source | None,
                   percent: float | None = None) -> int | None:
    """How many decimals of a percent a cell shows: typed as text ("99.80%" → 2, "0.14"
    → 0 where ``percent`` says it is the fraction of 14 %); a number as its format
    shows it (0.1446 as "0.0%" → 1), or as typed where the format is General (0.14 →
    0, 99.8 → 1). Never below 0: a rate is read to the whole percent at most. None
    where nothing says (no cell, a formula's unrounded result)."""
    info = table.cell(source)
    if info is None:
        return None
    value = info.value
    if isinstance(value, str):
        match = re.search(r"\d+(?:\.(\d+))?", compact_text(value))
        if match is None:
            return None
        typed, number = len(match.group(1) or ""), float(match.group(0))
        percent_sign = "%" in value or "％" in value
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        shown = percent_decimals(info.number_format)
        if shown is not None:
            return shown
        if info.number_format not in ("General", "@"):
            return None
        text = repr(float(value)).removesuffix(".0")
        if "e" in text:
            return None
        typed, number, percent_sign = len(text.partition(".")[2]), float(value), False
    else:
        return None
    if not percent_sign and percent is not None and number <= 1 \
            and abs(number * 100 - percent) < abs(number - percent):
        typed -= 2  # the fraction of the percent: 0.14 is 14 %
    return max(typed, 0)


def first_source(indicator: Indicator, *keys: str) -> Source | None:
    for key in keys:
        if key in indicator.sources:
            return indicator.sources[key]
    return next(iter(indicator.sources.values()), None)


def indicators_sum(table: SelfEvaluation) -> Subtotal | None:
    """A 合计 row that sums every indicator with points (四川 "合计 | 90" above the 总分,
    or in place of it): not a 一级's subtotal, not a heading's points."""
    weighted = {id(indicator) for indicator in table.indicators if indicator.weight is not None}
    return next((subtotal for subtotal in table.subtotals
                 if subtotal.weight is not None and "weight" in subtotal.sources
                 and "heading" not in subtotal.sources
                 and {id(member) for member in subtotal.members} >= weighted), None)


def level1_category(indicator: Indicator) -> str | None:
    """Which default 一级 an indicator counts towards (产出/效益/满意度/预算执行率); a
    table without 一级 (no such column, or the cell empty with none above) is told by
    the 二级 (社会效益指标 → 效益指标), as a reviewer reads it."""
    return levels.indicator_category(indicator.level1, indicator.level2, indicator.name)


def is_budget_rate_indicator(indicator: Indicator) -> bool:
    """预算执行率 / 预算资金执行率 / 资金执行率 listed as an indicator, or the same B ÷ A
    under another name (资金支付率, 支出进度: ``levels.states_money_rate``)."""
    return levels.is_budget_rate_name(indicator.name) \
        or levels.states_money_rate(indicator.name, indicator.target)


def wrong_rate_actual(table: SelfEvaluation, evaluation: Evaluation,
                      indicator: Indicator) -> float | None:
    """The 完成值 (in %) of a 预算执行率 indicator where it cannot stand for the money's
    执行率 (JX305's case) at the decimals its cell shows (``rules.rate_stands_for``);
    None where it can, or where either is no rate. The money's rate is 全年执行数 ÷
    全年预算数, else the rate the money block writes — then the two written rates agree
    where either stands for the other (资金栏 96%, 指标 96.37%); an indicator naming a
    source (中央资金执行率, 财政资金支付率) is held against that 其中 line's
    (``money_line_named``), and against none where the block has no such line."""
    if not is_budget_rate_indicator(indicator) or names_unlisted_source(table, indicator):
        return None
    actual = parse_measure(indicator_actual(indicator))
    if actual.kind != "number" or actual.value is None or actual.unit not in ("%", ""):
        return None
    value = fraction_as_percent(actual.value) if actual.unit == "" else actual.value
    source = indicator.sources.get("actual")  # (96.4% of 96.37: its decimals as shown)
    rate = money_rate(table, indicator, evaluation.rate)
    line = money_line_named(table, indicator) or table.funds.scored
    if rate is not None:
        capped = rate > CAPPED_RATE and line.rate_declared is not None \
            and rate_written_for(table, line.sources.get("rate"), line.rate_declared, CAPPED_RATE)
        # the block's 100 % for 105 of 100 (JX301 takes it): the row's 100 % agrees, and
        # its true 105 % as well
        agrees = rate_written_for(table, source, value, rate) \
            or (capped and rate_written_for(table, source, value, CAPPED_RATE))
        return None if agrees else value
    if line.rate_declared is None:
        return None
    agree = rate_written_for(table, source, value, line.rate_declared) \
        or rate_written_for(table, line.sources.get("rate"), line.rate_declared, value)
    return None if agree else value


# The 执行率 the 得分 counts at most (``rules.execution_score`` caps it): the rate a block
# may write for B over A (JX301), and a 预算执行率 row beside it too (JX305)
CAPPED_RATE = 100.0


def rate_written_for(table: SelfEvaluation, source: Source | None, written: float,
                     rate: float) -> bool:
    """Whether a 执行率 ``written`` in the cell at ``source`` can stand for ``rate`` at the
    decimals the cell shows (``rules.rate_stands_for``): "100%" for 99.6%, "95%" not for
    95.00 written 96, "99.80" not for 99.7."""
    return rules.rate_stands_for(written, rate, decimals_shown(table, source, written))


def scored_by(evaluation: Evaluation, score: rules.Score) -> str:
    """What computed a score, as a finding names it: the row's own 评分标准 where jixiao
    read it (``model.scored_by_own_standard``: 第三方 90%（含）-100%得3分), else the rules."""
    return "该行评分标准" if scored_by_own_standard(score) else evaluation.rules.label


def what_follows(table: SelfEvaluation, declared: float, score: float) -> str:
    """What a wrong score (the money's 执行率得分, a 预算执行率 row's 得分 ``declared``,
    taken from a wrong 执行率 or not) carried into the 总分 and the 评分等级: the 总分 and
    评分等级 they become once ``score`` replaces it, where the written 总分 is the sum of
    the written scores (else JX501 speaks of it) — so the clerk who corrects the score
    corrects them too; a 总分 over the full marks is said to be; "" where nothing changes."""
    followed = _followed(table, declared, score)
    if followed is None:
        return ""
    total, becomes, grade = followed
    over = f"超过满分 {points(rules.FULL_MARKS)}，" if total > rules.FULL_MARKS + rules.TOLERANCE \
        else ""  # (a score above its 分值 carried the 总分 over 100)
    said = f"；总分 {points(total)} {over}随之应为 {points(becomes)}"
    if grade is not None:
        said += f"，评分等级“{plain_text(table.grade_declared)}”应为“{grade}”"
    return said


def grade_moves(table: SelfEvaluation, declared: float, score: float) -> bool:
    """Whether the written 评分等级 changes once ``score`` replaces ``declared`` in the
    written 总分 (``what_follows`` says to what)."""
    followed = _followed(table, declared, score)
    return followed is not None and followed[2] is not None


def _followed(table: SelfEvaluation, declared: float, score: float
              ) -> tuple[float, float, str | None] | None:
    """(written 总分, the 总分 it becomes, the grade the written 评分等级 becomes or None)
    where the written 总分 is the sum of the written scores and changes; else None."""
    total = table.total_declared
    if total is None:
        return None
    scores = [i.score_declared for i in table.indicators
              if i.weight is not None or i.score_declared is not None]
    if execution_written(table):
        scores.append(table.funds.score_declared)
    summed = rules.total_score(scores)
    if summed is None or differs(summed, total, rules.TOLERANCE):
        return None
    becomes = rules.round2(total - declared + score)
    if not differs(becomes, total, rules.TOLERANCE):
        return None
    grade, written = rules.grade(becomes), rules.grade_name(table.grade_declared)
    moved = written is not None and written == rules.grade(total) and written != grade
    return total, becomes, grade if moved else None


def wrong_rate_said(table: SelfEvaluation, evaluation: Evaluation, indicator: Indicator,
                    score: float | None) -> str:
    """Where a 预算执行率 row is scored from the money's 执行率 because its 完成值 cannot
    stand for it (JX305): "；表中执行率写为 102.86%，有误，见 JX305", with the 总分 and
    评分等级 its written score carried (``what_follows``); else ""."""
    written = wrong_rate_actual(table, evaluation, indicator)
    if written is None or money_rate(table, indicator, evaluation.rate) is None:
        return ""
    follows = what_follows(table, indicator.score_declared, score) \
        if indicator.score_declared is not None and score is not None else ""
    return f"；表中执行率写为 {points(written)}%，有误，见 JX305{follows}"


def rate_by_money_only(table: SelfEvaluation, evaluation: Evaluation,
                       indicator: Indicator) -> float | None:
    """The money's 执行率 (in %) a 预算执行率 row of its own 一级 (or of 过程 | 资金管理) is
    scored by where the row writes no rate of its own — a 第三方 得分表 of 分值 and 得分
    only, its money above it or on a sheet of its own; None for any other row."""
    if not is_execution_row(indicator) or execution_row_rate(indicator) is not None:
        return None
    return money_rate(table, indicator, evaluation.rate)


def money_only_follows(table: SelfEvaluation, evaluation: Evaluation, indicator: Indicator,
                       score: float | None) -> str:
    """What a 预算执行率 row scored by the money alone (``rate_by_money_only``) carried into
    the 总分 and 评分等级 at its written 得分 (``what_follows``); "" for any other row."""
    if rate_by_money_only(table, evaluation, indicator) is None \
            or indicator.score_declared is None or score is None:
        return ""
    return what_follows(table, indicator.score_declared, score)


def misplaced_reason(table: SelfEvaluation, indicator: Indicator) -> str | None:
    """What to say where the cause is written in the row's 完成值 or 得分 cell, not in its
    偏差原因 (``reason_in_values``): a reviewer sees it, in the wrong column; else None."""
    found = reason_in_values(table, indicator)
    if found is None:
        return None
    column, note = found
    return f"原因写在了{column}单元格中（“{note}”），应写在偏差原因栏"
