"""JX4xx — the 得分 of each indicator, against the rules of ``jixiao.rules``.

(Over 400 lines: one family of checks, each with the Chinese docstring that is its user
documentation in docs/rules.md.)
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator

from jixiao import levels
from jixiao.checks.base import (
    Finding,
    blank,
    cell_named,
    check,
    differs,
    finding,
    first_source,
    formula_deleted,
    full_marks,
    helpers_missing,
    indicators_sum,
    jixiao_formula,
    label,
    merged_weight_unread,
    misplaced_reason,
    money_only_follows,
    points,
    points_written,
    rate_by_money_only,
    rounding_hint,
    score_shown,
    scored_by,
    shown_unrounded,
    total_shown,
    typed_in,
    uncomputed_formula,
    unknown_rules_cell,
    wrong_rate_said,
)
from jixiao.checks.targets import sign_unsure
from jixiao.model import (
    RULES_AND_DECLARED,
    Evaluation,
    Indicator,
    SelfEvaluation,
    Source,
    Subtotal,
    blank_value,
    declared_rows,
    deduction_base,
    default_operator,
    execution_row_rate,
    explained,
    explains_all,
    formula_error,
    in_unsplit_group,
    indicator_actual,
    indicator_target,
    is_execution_row,
    judged_by_standard,
    measures_only,
    money_rate,
    noted_elsewhere,
    pair_shown,
    plain_text,
    reason_lists_others,
    refers_elsewhere,
    report_explanation,
    states_own_rule,
    target_measure,
    unsplit_groups,
)
from jixiao.parsing import (
    about_number,
    clock_duration,
    compact_text,
    parse_measure,
    range_word_after,
    states_scoring_rule,
)
from jixiao.rules import (
    NOT_SCORED,
    RANGE_UNSCORED,
    TOLERANCE,
    UNJUDGED,
    Score,
    about_target,
    band_text,
    beyond_rounding,
    is_met,
    judged_out_of_band,
    level_at_least,
    round2,
)
from jixiao.xlsx.numformats import number_decimals, shows_percent


def _pairs(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[tuple[Indicator, Score]]:
    yield from zip(table.indicators, evaluation.scores, strict=True)


def _judged(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[tuple[Indicator, Score]]:
    """The pairs whose score the rules can judge: not a 差错率 "1%" without its ≤, nor a
    响应时间 "2小时" in a table without 二级 (JX203 says to write the sign; read "＝", doing
    better would count as falling short), nor a cost written ≥ (JX205: ≤ likely meant),
    nor a row whose 分值 is only its share of a merged one the unit split its own way
    (``_groups`` judge those), nor an index system's row scored by its 评分标准
    (``judged_by_standard``: the evaluator's score)."""
    for indicator, score in _own_points(table, evaluation):
        if not sign_unsure(indicator) and not judged_by_standard(table, indicator):
            yield indicator, score


def _own_points(table: SelfEvaluation,
                evaluation: Evaluation) -> Iterator[tuple[Indicator, Score]]:
    """The pairs whose 得分 is judged against the row's own 分值: all but the rows of a
    merged 分值 the unit split its own way (``model.unsplit_groups``)."""
    grouped = bool(unsplit_groups(table))
    for indicator, score in _pairs(table, evaluation):
        if not (grouped and in_unsplit_group(table, indicator)):
            yield indicator, score


def _groups(table: SelfEvaluation, evaluation: Evaluation
            ) -> Iterator[tuple[Subtotal, list[tuple[Indicator, Score]], float]]:
    """Each merged 分值 the unit split its own way, with its rows' pairs and the sum of
    their 得分 — the group's, judged against the merged points (a row without its 得分:
    JX406's, the group is not judged)."""
    groups = unsplit_groups(table)
    if not groups:
        return
    scores = {id(indicator): score for indicator, score in _pairs(table, evaluation)}
    for group in groups:
        declared = [member.score_declared for member in group.members]
        if group.weight is None or None in declared:
            continue
        pairs = [(member, scores[id(member)]) for member in group.members]
        yield group, pairs, round2(sum(declared))  # type: ignore[arg-type]


def _group_text(group: Subtotal, pairs: list[tuple[Indicator, Score]]) -> str:
    """“数量指标”2 行合用的分值 20（各行得分 12、10）"""
    written = "、".join(points(indicator.score_declared) for indicator, _ in pairs)
    return f"“{group.label}”{len(pairs)} 行合用的分值 {points(group.weight)}（各行得分 {written}）"


@check("JX401", "error", "得分超过分值")
def score_within_weight(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """得分大于分值（指标或执行率）。

    **为什么**：预算管理一体化系统拒收此类表格（“得分不能大于分值”）。

    **错误示例**：分值 10，得分 12。

    **正确示例**：得分不超过 10。
    """
    for indicator, score in _own_points(table, evaluation):
        if indicator.score_declared is None or indicator.weight is None \
                or _jx503_speaks(table, indicator, score):
            continue
        if indicator.score_declared > indicator.weight + TOLERANCE:
            yield finding("JX401", indicator.sources.get("score"),
                          f"“{label(indicator)}”得分 {points(indicator.score_declared)} 大于分值 "
                          f"{points(indicator.weight)}")
    for group, pairs, scored in _groups(table, evaluation):
        if scored > group.weight + TOLERANCE:  # type: ignore[operator]
            yield finding("JX401", pairs[0][0].sources.get("score"),
                          f"{_group_text(group, pairs)}：得分合计 {points(scored)} 大于分值 "
                          f"{points(group.weight)}")
    funds = table.funds
    if funds.score_declared is not None and funds.weight is not None \
            and funds.score_declared > funds.weight + TOLERANCE:
        yield finding("JX401", funds.sources.get("score"),
                      f"执行率得分 {points(funds.score_declared)} 大于分值 {points(funds.weight)}")


@check("JX402", "error", "未完成却得满分")
def unmet_full_marks(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """指标没有完成，得分却是满分。

    **为什么**：这是审核中最常见的问题：完成值没有达到指标值，仍按满分自评。

    **错误示例**：指标值“≥ 96.7 万人”，完成值 91.8 万人，分值 10，得分 10。

    **正确示例**：得分 9.49（10 × 91.8 ÷ 96.7），并写明偏差原因。

    按公式计分四舍五入到两位小数后就是满分的（指标值 ≥80%、完成值 79.9%、分值 4：3.995
    记 4.00），填满分符合规则，不报告；jixiao 自己的约定取分值减 0.01（3.99），填 3.99 也可。

    表中没有分值列时满分不得而知：已达到指标值的各指标得分都相同（多为每项 10 分）、
    未达到的指标也得了这个分数的，作为警告请人工核对。
    """
    usual = _one_met_score(table, evaluation)
    for indicator, score in _judged(table, evaluation):
        declared = indicator.score_declared
        if _jx503_speaks(table, indicator, score):
            continue
        if _unmet_full_marks(indicator, score):
            wrong = wrong_rate_said(table, evaluation, indicator, score.value)
            should = f"，按{scored_by(evaluation, score)}应为 {points(score.value)}（{score.note}{wrong}）" \
                if score.value is not None and score.band is None else ""
            pair = _pair_text(indicator) if not wrong else (
                f"指标值 {_text(pair_shown(indicator)[0])}，执行率 "
                f"{points(money_rate(table, indicator, evaluation.rate))}%")
            by_money = rate_by_money_only(table, evaluation, indicator)
            unmet = f"未达到指标值（{pair}）" if by_money is None \
                else f"执行率 {points(by_money)}%，不到 100%"  # no 完成值: the money's rate
            yield finding("JX402", indicator.sources.get("score"),
                          f"“{label(indicator)}”{unmet}，却得满分 {points(declared)}{should}"
                          f"{money_only_follows(table, evaluation, indicator, score.value)}")
        elif usual is not None and _unmet_unscored(indicator, score) and declared is not None \
                and declared >= usual - TOLERANCE:
            yield finding("JX402", indicator.sources.get("score"),
                          f"“{label(indicator)}”未达到指标值（{_pair_text(indicator)}），得分 "
                          f"{points(declared)} 与已达到指标值的各指标相同；表中没有分值列，"
                          f"请核对是否应按完成比例扣分", severity="warning")
    for group, pairs, scored in _groups(table, evaluation):
        if scored < group.weight - TOLERANCE:  # type: ignore[operator]
            continue
        for indicator, score in pairs:
            if score.met is False and not sign_unsure(indicator) \
                    and execution_row_rate(indicator) is None:
                yield finding("JX402", indicator.sources.get("score"),
                              f"“{label(indicator)}”未达到指标值（{_pair_text(indicator)}），"
                              f"{_group_text(group, pairs)}，得分合计 {points(scored)}，却是满分；"
                              "未达到的行应按完成比例扣分")
                break  # one finding for the group's full marks


def _unmet_full_marks(indicator: Indicator, score: Score) -> bool:
    """JX402's case: a target not met, its 得分 the whole 分值 (0 of 0 points is no full
    marks: JX106). JX404 leaves it to JX402, which names the rule's score."""
    declared = indicator.score_declared
    return score.met is False and declared is not None and full_marks(indicator, declared) \
        and (indicator.weight or 0) > 0 \
        and not (score.value is not None and full_marks(indicator, score.value))


def _one_met_score(table: SelfEvaluation, evaluation: Evaluation) -> float | None:
    """Where the table has no 分值 column: the one 得分 every met indicator was given
    (at least three of them, all the same and above 0) — the points each row is likely
    worth; None where the met rows' scores differ (their weights do too)."""
    if "weight" in table.columns or "score" not in table.columns:
        return None
    scores = {indicator.score_declared for indicator, score in _pairs(table, evaluation)
              if score.met is True and indicator.weight is None
              and execution_row_rate(indicator) is None}
    count = sum(1 for _, score in _pairs(table, evaluation) if score.met is True)
    if count < 3 or len(scores) != 1:
        return None
    [value] = scores
    return value if value is not None and value > 0 else None


@check("JX403", "warning", "已完成却扣分")
def met_but_deducted(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """定量指标已达到指标值，得分却低于分值。

    定性指标“达成”时规则允许 80%–100% 的分数，不在此列（见 JX408）；单列为一级指标的
    预算执行率（以及“项目管理”“过程”下的预算执行率）按“分值 × 执行率”计分（95% 得
    9.5 分），也不在此列；列在产出等指标下、有自己指标值的“预算执行率”，得分按
    “分值 × 执行率”的同样不报告（两种读法均可）。

    **为什么**：规则规定完成即得满分；无故扣分多是抄错了数。

    **错误示例**：指标值“≥90%”，完成值 95%，分值 10，得分 9。

    **正确示例**：得分 10。
    """
    for indicator, score in _judged(table, evaluation):
        declared = indicator.score_declared
        if _met_but_deducted(indicator, score) and not _jx503_speaks(table, indicator, score):
            yield finding("JX403", indicator.sources.get("score"),
                          f"“{label(indicator)}”已达到指标值（{_pair_text(indicator)}），"
                          f"得分 {points(declared)} 却低于分值 {points(indicator.weight)}")
    for group, pairs, scored in _groups(table, evaluation):
        if scored < group.weight - TOLERANCE and all(  # type: ignore[operator]
                score.met is True and score.band is None and execution_row_rate(indicator) is None
                for indicator, score in pairs):
            yield finding("JX403", pairs[0][0].sources.get("score"),
                          f"{_group_text(group, pairs)}：各行均已达到指标值，得分合计 "
                          f"{points(scored)} 却低于分值 {points(group.weight)}")


def _met_but_deducted(indicator: Indicator, score: Score) -> bool:
    """JX403's case: a quantitative target met, its 得分 below its 分值 (not a 预算执行率
    row, scored 分值 × 执行率 though ≥90 % is met, nor one under 产出 given that score)."""
    declared = indicator.score_declared
    return score.met is True and score.band is None and declared is not None \
        and indicator.weight is not None and not full_marks(indicator, declared) \
        and execution_row_rate(indicator) is None \
        and (score.value is None or differs(declared, score.value))


@check("JX404", "warning", "得分与规则计算不符")
def score_matches_rules(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """定量指标的得分与评分规则算出的得分相差超过 0.01。

    **为什么**：按规则，未完成的正向指标得 分值 × 完成值 ÷ 指标值；随意打分会被财政复核改正。

    **错误示例**：满意度指标值“≥95%”，完成值 85%，分值 10，得分 7。

    **正确示例**：得分 8.95（10 × 85 ÷ 95）。

    已达到指标值却扣分的，由 JX403 指出；未达到却得满分的，由 JX402 指出（并写明规则
    得分），本检查不再重复。

    一般为警告：得分可能出于对指标值的另一种理解（反向指标各规则算法不同，月与天、万人与人
    的折算，约数，定性的区间）。正向指标（≥、＞，或＝大于 0 的数：各规则都按 分值 × 完成值
    ÷ 指标值 计分）未达到指标值、指标值和完成值都是同一单位的确切数值（不经折算，不是约数、
    “余”、界限或增减幅度，也没有写明本行自己的扣分办法）、所填得分又高于规则得分任何舍入
    所能得到的（完成比例进到整百分数、得分再进到一位小数）的，为错误：指标值“≥96.7万人”、
    完成值 91.8 万人、分值 10，规则 9.49，填 9.5 为警告（94.93% 进为 95%），填 9.99 为错误；
    指标值“≥12场”、完成值 9 场，规则 7.5，填 9 为错误。得分低于规则的仍为警告。
    表中有评分标准列（评分方法、计分办法、得分计算方法、评分细则）的，该行写有本行自己的
    评分办法（“完成得满分，每少1场扣0.5分”“完成率≥90%得满分，每降低1%扣1分”“酌情扣分”）
    时仍为警告，报告写明该行评分标准：得分可能按该办法计算，请人工核对；该列空着、只有
    横线，或只是重述规则本身（“完成得满分，未完成按比例扣分”“实际完成值/年度指标值×分值”）
    的，仍为错误。
    第三方评价指标体系中本行评分标准写明分档（“90%（含）-100%得3分”）或逐点扣分（“每降低1%
    扣0.5分”）的，按该标准核对（“按该行评分标准应为 3”；“完成率100%得10分，每降低1%扣
    0.5分”对数量指标按完成值 ÷ 指标值计完成率）；标准读不全的（“酌情扣分”“超支不得分”）
    按规则核对，规则只给出区间、填报得分低于满分的（酌情扣分）按填报得分计。

    得分按两位小数计：手工填写了更多位小数的得分（分值 30、指标值“≥80%”、完成值 53.32%，
    得分填 19.995，规则四舍五入为 20），与规则相差虽不到 0.01，同样报告，并照填写的数
    引用——否则总分（89.995）与等级看似不符，审核人也找不到表中的“20”。单位自己的得分
    公式未用 ROUND 取两位、常规格式显示出更多位小数的（=G13*F13/E13 显示 19.16666667），
    同样报告，并提示用 ROUND(…,2) 计算；总分按这些数相加的，不是总分加错。

    得分按单元格显示的数核对：数字格式显示三位小数的（0.000 显示 19.995），同上报告；
    显示的小数不到两位的（格式 0 把规则的 19.5 显示、打印为 20），按显示的数与规则比较，
    写明单元格中的数和格式。显示两位小数的（0.00 把 19.995 显示为 20.00）照旧不报告。

    月与天相比的（指标值“≤3个月”、完成值“100天”，分值 5），一个月按 28–31 天计出的得分
    （4.05–4.62）都不报告：单位常按每月 30 天计（4.44），jixiao 按每月 30.44 天
    （365.25÷12）计（4.52）。不在其间的，报告中写明这一折算方法和可认可的区间。
    """
    for indicator, score in _judged(table, evaluation):
        declared = indicator.score_declared
        if declared is None or score.value is None or score.band is not None \
                or _met_but_deducted(indicator, score) \
                or (_unmet_full_marks(indicator, score) and not _jx503_speaks(table, indicator, score)):
            continue
        source = indicator.sources.get("score")
        shown = score_shown(table, source, declared)
        # a score kept to more decimals than scores keep, and shown so (19.995 typed, or a
        # formula's 19.16666667 under General) — not where the 分值 itself has more (0.018
        # of 5,000 indicators: full marks are 0.018)
        unrounded = shown_unrounded(shown, score.value, indicator.weight)
        # a format showing fewer decimals than scores keep: the table shows 8 for 8.125
        hidden = shown is not None and points_written(shown) == points(shown) \
            and differs(shown, round2(declared), 0)
        shown_off = hidden and shown is not None and differs(shown, score.value)
        if not (differs(declared, score.value) or unrounded or shown_off):
            continue
        if not (jixiao_formula(table, source) or _typed_over_template(table, source)):
            what = f"得分显示为 {points(shown)}（单元格中为 {points_written(declared)}，" \
                   f"{_decimals_shown(table, source)}），" if hidden \
                else f"得分 {points_written(shown)} 未保留两位小数，" if unrounded \
                else f"得分 {points_written(declared)}，"
            wrong = wrong_rate_said(table, evaluation, indicator, score.value)
            written = min(declared, shown) if shown is not None else declared
            over = over_scored(table, indicator, score, written)
            yield finding("JX404", source,
                          f"“{label(indicator)}”{what}按{scored_by(evaluation, score)}应为 "
                          f"{points(score.value)}（{score.note}{wrong}）"
                          + money_only_follows(table, evaluation, indicator, score.value)
                          + ("" if over else _own_rule_said(table, indicator, score, written))
                          + (rounding_hint(table, source) if unrounded else ""),
                          severity="error" if over else None)


_RULE_QUOTED = 40  # characters of a 评分标准 quoted in a finding at most


def _own_rule_said(table: SelfEvaluation, indicator: Indicator, score: Score,
                   written: float) -> str:
    """Where only the row's 评分标准 keeps an over-score a warning: the rule it states,
    for the reviewer to score the row by (else "")."""
    if not states_own_rule(indicator.method) \
            or not over_scored(table, indicator, score, written, own_rule=False):
        return ""
    rule = str(indicator.method)
    rule = rule if len(rule) <= _RULE_QUOTED else rule[:_RULE_QUOTED] + "…"
    return f"；该行评分标准为“{rule}”，得分可能按此计算，请核对"


def over_scored(table: SelfEvaluation, indicator: Indicator, score: Score,
                written: float | None = None, own_rule: bool = True) -> bool:
    """JX404's error: a positive target not met whose 得分 (``written``, else the one
    declared) is above any rounding of 分值 × 完成值 ÷ 指标值 (``rules.beyond_rounding``),
    both values plain numbers in one unit — nothing but the rules can be meant. Not a
    预算执行率 (scored 分值 × 执行率 too), a sign in doubt (JX203, JX205), a row of a
    merged 分值 split the unit's way, a row of an evaluator's index system or one whose
    note — or 评分标准 column (``model.states_own_rule``: not merely 按比例) — states its
    own scoring rule (每少1场扣0.5分), nor a cell of jixiao's template (its scores are the
    rules'; one typed over it is JX503's). ``own_rule`` false: the 评分标准 left aside."""
    declared = indicator.score_declared if written is None else written
    source = indicator.sources.get("score")
    if declared is None or score.value is None or score.met is not False \
            or score.band is not None or score.span is not None \
            or execution_row_rate(indicator) is not None or is_execution_row(indicator) \
            or levels.is_budget_rate_name(indicator.name) or sign_unsure(indicator) \
            or table.layout == "third_party" or states_scoring_rule(indicator.reason) \
            or (own_rule and states_own_rule(indicator.method)) \
            or (unsplit_groups(table) and in_unsplit_group(table, indicator)) \
            or jixiao_formula(table, source) or _typed_over_template(table, source):
        return False
    return beyond_rounding(target_measure(indicator), indicator_actual(indicator),
                           indicator.weight, declared, default_operator(indicator))


def _decimals_shown(table: SelfEvaluation, source: Source | None) -> str:
    """How a score cell's format cuts its decimals, in words: 只显示整数, 只显示 1 位小数."""
    info = table.cell(source)
    decimals = number_decimals(info.number_format) if info is not None else None
    return "单元格格式只显示整数" if not decimals else f"单元格格式只显示 {decimals} 位小数"


@check("JX405", "error", "扣分未说明原因")
def deduction_explained(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """得分低于分值，偏差原因分析及改进措施却是空的。

    表中没有得分列时（如四川格式），或得分公式尚未计算、jixiao 模板的得分公式显示 ⚠ 时
    （如人工评分栏写了原因文字），按规则算出的得分判断。
    第三方评价指标体系和评分附件表没有偏差原因列时，扣分在报告正文中说明，不适用本检查。
    第三方评价指标体系的各行和决策、过程类指标按评价标准打分，扣分理由写明对照什么扣分的
    （“目标值偏低”“指标值低于上年实际完成值”“低于目标值”）就是评价人的原因；只写“偏低”“未达到”的仍不算。
    表下写有“偏差大或目标未完成原因分析”行的（四川格式），或写有“偏差原因分析及改进措施”
    “未完成原因”等标题、其下逐条（1.…、（1）…）或一段写明原因的，视为已说明；只写“无”“暂无”
    “正常”“已完成”“不适用”“未达到”“未完成”“没有偏差”“符合预期”“是”“否”“已整改”、只写原因的类别而不写是什么原因的
    （“客观原因”“其他原因”“受主客观因素影响”“受客观条件限制”，后面只重复未达标的也一样）、只写数据来源或方法的（“第三方问卷调查”“问卷调查300份”“统计年报”）、只有横线斜线（——、／、N/A）、只有数字、只有单位（单位：万元）或只是表格印好的提示语（请填写偏差
    原因）的不算说明；同样不算的：不论怎样措辞，只说完成了、按计划、较好或偏差小的（“按计划完成”
    “基本达到预期”“圆满完成”“良好”“偏差较小”“各项指标均按计划完成”），只重复差了多少、说了结果
    没说原因的（“少5个百分点”“低于目标值”“较上年下降5个百分点”，写在偏差原因栏或完成值后的括号里都一样），以及只写改进措施、不写原因的
    （“持续改进”“下一步将加强培训组织，提高培训质量”：栏中写了内容、缺少原因分析，给出警告）；
    偏差原因栏写了这类不算原因的内容（“／”“——”“无”）的，消息写明栏中写了什么（偏差原因只写了“／”，未说明原因）；
    只写“详见自评报告”“见附件”的，也给出警告（原因可能写在所指的材料中，表中没有）。偏差原因空着、原因写在了
    完成值或得分单元格里的（“9期（因汛期停课1期）”“9（汛期停课少办1期）”），给出警告：原因
    已写，应移到偏差原因栏；括号里只是数据来源或只说差了多少的（“96%（200份问卷）”“（抽样）”
    “（少办1期）”）不算原因。Word 自评报告中偏差原因栏空着、表格以外的正文有一句写明了该指标
    （指标名称或其二级、一级指标名称）、扣分或得分和原因的（“满意度指标扣1.05分，主要原因是……”），
    或写明该指标未达标及其原因的（“群众满意度未达标，原因是……”），以及表下（或表中）的自评结论、
    总体评价这样写明的（“自评结论：……体检人数未达标主要是部分外出务工居民未能返乡参检”），
    同样给出警告：原因写在了报告正文或自评结论中，应写在偏差原因栏；只写“部分指标未完成”而未点名
    指标的，或点名了指标而没写原因的，仍是错误。表下的偏差原因逐条写明指标名称的（1.培训合格率……；
    2.培训班次……），或不编号而每句原因都点名了指标或执行率的（偏差原因：预算执行率86%，因……），
    只说明所写的指标，未写到的扣分仍须说明；偏差原因写“无”而改进措施栏或其后的备注栏写了内容的，按改进措施、备注算已说明
    （备注只是指标解释、数据来源、计算公式等的不算；满分行也写了备注的说明栏中，扣分行的备注写了原因的
    算，只是数据来源、方法的如“问卷调查300份”不算，消息中注明该备注不是偏差原因；只有扣分行写了备注的也一样）。没有偏差原因
    列时，得分依据（评分依据）列或备注列当作原因说明，但各行都只写评分规则的（≥95%得满分，
    <90%不得分）与评分标准列一样不算。四川格式
    没有得分列时，定性指标部分达成或未达成必然扣分，同样须说明原因。
    单列为一级指标的“预算执行率”行（以及第三方指标体系“项目管理”“过程”下的“预算执行率”）
    按执行率得分，是否须说明原因按执行率判断（JX306）；部门整体指标体系“管理效率”等下
    有自己指标值的“预算执行率”（≥90%）未达到指标值而扣分的，与其他指标一样须说明原因。
    表中既没有分值列也没有得分列时（湖南等地的自评表），扣多少分无从计算，但未达到
    指标值按规则必然扣分，同样须说明原因。
    分值合并写在几行上、各行得分不是平均分配的（见 JX109），按这一组判断：得分合计低于
    合并的分值，至少一行须写明偏差原因（报告指向第一个未达到指标值的行）。

    **为什么**：每一处扣分都须说明原因和改进措施，否则自评报告会被退回。

    **错误示例**：满意度分值 10、得分 7，偏差原因空白。

    **正确示例**：偏差原因写“医保尚未实现全国联网结算，外出人员报销不便；下年……”。
    """
    if table.layout in ("third_party", "attachment") and "reason" not in table.columns:
        return  # an evaluator's index system or a report's 附件表: explained in the report
    if explains_all(table):
        return  # 偏差大或目标未完成原因分析 under the table explains them all
    unknown = _points_unknown(table)
    for group, pairs, scored in _groups(table, evaluation):
        if scored < group.weight - TOLERANCE and not any(  # type: ignore[operator]
                explained(table, indicator) for indicator, _ in pairs):
            short = next((indicator for indicator, score in pairs if score.met is False),
                         pairs[0][0])  # the reason belongs to the row that fell short
            yield finding("JX405", _reason_place(table, short, "score"),
                          f"{_group_text(group, pairs)}：得分合计 {points(scored)}，扣 "
                          f"{points(group.weight - scored)} 分，各行均未说明偏差原因"  # type: ignore[operator]
                          f"{_no_reason_column(table)}{_unnamed(table, short)}")
    for indicator, score in _own_points(table, evaluation):
        if indicator.weight is None and unknown and not explained(table, indicator) \
                and _unmet_unscored(indicator, score):
            column = "" if "reason" in table.columns else "；表中没有偏差原因列"
            yield finding("JX405", first_source(indicator, "reason", "actual"),
                          f"“{label(indicator)}”未达到指标值（{_pair_text(indicator)}），按规则"
                          f"须扣分，未说明偏差原因（表中没有分值和得分，扣分多少未知{column}）")
        if indicator.weight is None or explained(table, indicator):
            continue
        value, ruled = indicator.score_declared, False
        if value is None and ("score" not in table.columns or (
                uncomputed_formula(table, indicator.sources.get("score"))
                and jixiao_formula(table, indicator.sources.get("score")))) \
                and not sign_unsure(indicator):
            value, ruled = score.value, True  # what the rules (and the uncalculated JX_SCORE) give
        if value is None and _template_warns(table, indicator.sources.get("score")):
            value, ruled = score.value, True  # the template's ⚠ (人工评分 in words): the rules'
        if _jx503_speaks(table, indicator, score):
            value, ruled = score.value, True  # the number typed over the formula is JX503's
        if value is None and "score" not in table.columns and score.band is not None \
                and score.band[1] < indicator.weight - TOLERANCE:
            low, high = score.band  # 四川: a 部分达成 without a 得分 column, scored by a person
            yield finding("JX405", _reason_place(table, indicator, "actual"),
                          f"“{label(indicator)}”{score.level_name or '未完全达成'}，按规则得分在 "
                          f"{points(low)}–{points(high)} 分之间（分值 {points(indicator.weight)}），"
                          f"须扣分，未说明偏差原因{_no_reason_column(table)}"
                          f"{_remark_set_aside(indicator)}")
            continue
        if value is None or value >= deduction_base(table, indicator) - TOLERANCE:  # type: ignore[operator]
            continue
        if execution_row_rate(indicator) is not None and not _own_target_missed(indicator):
            continue  # the money's 执行率得分: a reason only below 90 % (JX306)
        source = _reason_place(table, indicator, "score")
        # a score the unit did not write (no 得分 column, a formula not yet calculated) is
        # the rules', said as JX409 says it: the unit deducted nothing
        deducted = (f"按{evaluation.rules.label}得 {points(value)} 分（满分 "
                    f"{points(indicator.weight)}），须说明偏差原因" if ruled else
                    f"扣 {points(indicator.weight - value)} 分"
                    f"（{points(value)}/{points(indicator.weight)}），{_reason_written(table, indicator)}")
        partly = _partly_said(table, indicator)
        if partly is not None:  # something written in the column, the cause not in it
            yield finding("JX405", source, f"“{label(indicator)}”扣 "
                          f"{points(indicator.weight - value)} 分，{partly}", severity="warning")  # type: ignore[operator]
            continue
        told = report_explanation(table, indicator, value) if not ruled else None
        if told is not None:  # 满意度指标扣1.05分，主要原因是… in the 自评结论 or report's text
            sentence, where = told
            written = "自评结论" if any(where == place for _, place in table.conclusion) \
                else "自评报告正文"
            yield finding("JX405", source, f"“{label(indicator)}”扣 "
                          f"{points(indicator.weight - value)} 分，偏差原因栏未写；原因写在了"  # type: ignore[operator]
                          f"{written}中（{cell_named(table, where, sheet=True)}：“{sentence}”），"
                          "应写在偏差原因栏", severity="warning")
            continue
        yield finding("JX405", source, f"“{label(indicator)}”{deducted}"
                      f"{_no_reason_column(table)}{_unnamed(table, indicator)}"
                      f"{_remark_set_aside(indicator)}")


def _reason_written(table: SelfEvaluation, indicator: Indicator) -> str:
    """What the row's 偏差原因 cell holds where it explains nothing: 偏差原因只写了“／”，
    未说明原因 for a cell filled with no reason (／, ——, 无, 是, 客观原因), so the clerk
    looking at a filled cell sees why; 未说明偏差原因 for one left blank."""
    written = indicator.reason.strip() if isinstance(indicator.reason, str) else ""
    if not written or "reason" not in table.columns:
        return "未说明偏差原因"
    quoted = written if len(written) <= _RULE_QUOTED else written[:_RULE_QUOTED] + "…"
    return f"偏差原因只写了“{quoted}”，未说明原因"


def _template_warns(table: SelfEvaluation, source: Source | None) -> bool:
    """Whether jixiao's template formula at ``source`` shows its own ⚠ (a 人工评分 or 分值
    typed in words, a writing only jixiao scores): the row is still scored by the rules,
    and a deduction they give still wants its reason (JX405)."""
    info = table.cell(source)
    return info is not None and jixiao_formula(table, source) \
        and str(info.value or "").startswith("⚠")


def _partly_said(table: SelfEvaluation, indicator: Indicator) -> str | None:
    """What to say where the row's 偏差原因 (else the table's 原因 row) only sends the reader
    elsewhere (详见自评报告: the cause may be there) or states only measures to come
    (下一年度加强资金管理: the analysis missing), or the cause is written in the 完成值 or
    得分 cell (``misplaced_reason``) — a warning, not an error; else None."""
    for written in (indicator.reason, table.reason):
        if refers_elsewhere(written):
            return (f"偏差原因只写了“{written.strip()}”，"  # type: ignore[union-attr]
                    "表中未写明原因（请核对所指的材料，或在表中写明原因）")
        if measures_only(written):
            return f"偏差原因只写了改进措施“{written.strip()}”，未分析未达到的原因（请写明原因）"  # type: ignore[union-attr]
    return misplaced_reason(table, indicator)



def _unnamed(table: SelfEvaluation, indicator: Indicator) -> str:
    """A note under the table that names other shortfalls but not this one (服务人数 for
    服务老年人数), or a 原因 row listing the ones it explains: said, so the unit writes
    the indicator's name there."""
    if reason_lists_others(table, indicator):
        return "（表下偏差原因未写明该指标）"
    return "（表下备注未写明该指标）" if noted_elsewhere(table, indicator) else ""


def _remark_set_aside(indicator: Indicator) -> str:
    """The row's 备注 read as no reason (``Indicator.remark``: 数据来源：…, a notes column's
    问卷调查300份), said, so the unit sees why the text beside the row was not taken."""
    remark = indicator.remark
    if not remark:
        return ""
    quoted = remark if len(remark) <= _RULE_QUOTED else remark[:_RULE_QUOTED] + "…"
    return f"（备注列的“{quoted}”不是偏差原因）"


def _own_target_missed(indicator: Indicator) -> bool:
    """Whether a 预算执行率 row of a 部门整体 index (管理效率 | 预算管理 | 预算执行率 ≥90%,
    an indicator of its own) fell short of its own 指标值: a deduction for a target
    missed, to be explained as any other's (JX405) — not only the money's JX306."""
    return levels.names_department_framework(indicator.level1) and is_met(
        target_measure(indicator), indicator_actual(indicator), default_op=">=") is False


def _no_reason_column(table: SelfEvaluation) -> str:
    if "reason" in table.columns:
        return ""
    if table.sources.get("reason") is None:
        return "（表中没有偏差原因列）"
    if table.layout == "sichuan":  # the form's own row under the table
        return "（表中没有偏差原因列：请在表下“偏差大或目标未完成原因分析”一行说明）"
    return "（表中没有偏差原因列：请在偏差原因栏或表下说明）"  # a heading the unit typed


def _reason_place(table: SelfEvaluation, indicator: Indicator, fallback: str) -> Source | None:
    """Where a missing reason is written: the row's 偏差原因 cell; in a table without that
    column (四川), the 偏差大或目标未完成原因分析 row under it (rt22e 4: it pointed at
    the row's 一级 cell); else the row's ``fallback`` cell, or without it (四川, no 得分
    column) the row's 完成值 or 三级 name — never a 一级 cell merged over many rows."""
    if "reason" not in table.columns and table.sources.get("reason") is not None:
        return table.sources["reason"]
    return first_source(indicator, "reason", fallback, "actual", "name")


def _points_unknown(table: SelfEvaluation) -> bool:
    """Neither a 分值 nor a 得分 column (湖南 衡山: 年度指标值 | 全年完成值 | 未完成原因和改进
    措施): whether a target was met is all the rules can tell of a row."""
    return "weight" not in table.columns and "score" not in table.columns


def _unmet_unscored(indicator: Indicator, score: Score) -> bool:
    """An indicator without points that fell short of its target as the rules read it —
    not a 预算执行率 row of its own 一级 (the money's, JX306) nor a 差错率 without its ≤
    or a cost written ≥ (JX203, JX205 first)."""
    return score.met is False and execution_row_rate(indicator) is None \
        and not sign_unsure(indicator)


@check("JX406", "error", "得分缺失")
def score_missing(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """表中有得分列，某个指标（或执行率）的得分却是空的，或得分单元格中表格自己的公式
    （不是 JX_ 函数）显示 #DIV/0!、#REF! 等错误值（重算也一样，没有有效得分）。

    **为什么**：空白的得分无法汇总，总分也就无法核对。

    **错误示例**：指标值“≥96.7 万人”，完成值 91.8 万人，得分空白。

    **正确示例**：得分 9.49。

    原生公式模板（`--formulas native`）中公式不能计分的行（得分显示 ⚠），作为警告给出规则
    算出的得分，指向要改的单元格：分值或人工评分填成文字（如文本格式的“5”）时指向该格，
    请只填数字（按数值计分的定量指标不用人工评分：说明请清空该格、原因写在偏差原因列）；指标值与完成值单位不同（如指标值“≥3.2万人”、完成值“33500人”）时指向完成值
    单元格，请把完成值按指标值的单位填写（“3.35万人”）；定性指标的完成值不是达成、部分达成、
    未达成（如指标值“建立”、完成值“已建立”）时指向完成值单元格，请在下拉框中选择；公式读不出
    完成值的（如指标值“≥50人”、完成值“62人（其中脱贫户18人）”、照抄的“≥95%”或写成
    “96%以上”）指向完成值单元格，请只填实际数值（“62人”“96%”）；指标值为“该等级及以上”而公式不能读取的（如
    “≥良好水平”，或旧版表格中的“≥良好”）指向指标值单元格，说明指标值不必改动、得分由 jixiao 计算；旧版模板的公式读不出全角数字的（如“≥３０处”），指向该单元格，
    说明数字是全角字符，请改为半角（“≥30处”）或用 jixiao convert 转入新模板；其他写法须由 jixiao 计分时指向指标值单元格。
    """
    if "score" not in table.columns:
        return
    formulas = table.holds_formulas()
    unknown_rules = bool(unknown_rules_cell(table)[1])
    for indicator, score in _pairs(table, evaluation):
        if not formulas and (indicator.score_declared is not None or indicator.weight is None):
            continue  # no formula to ask about, and a score is there (or no points to score)
        source = indicator.sources.get("score")
        if score.value is None and jixiao_formula(table, source):
            continue  # the template's own ⚠: the inputs are at fault, reported where they are
        info = table.cell(source)
        if jixiao_formula(table, source) and info is not None \
                and str(info.value or "").startswith("⚠") and unknown_rules:
            continue  # every 得分 shows ⚠ under a 评分规则 jixiao does not know: JX505's
        if jixiao_formula(table, source) and info is not None \
                and str(info.value or "").startswith("⚠") and merged_weight_unread(indicator):
            continue  # the row of a merged 分值 reads a blank one: JX109 says to unmerge
        if jixiao_formula(table, source) and info is not None \
                and str(info.value or "").startswith("⚠"):
            # the native template's formulas leave this row to jixiao: give its score
            yield _native_unscored(table, indicator, evaluation, score, str(info.value))
            continue
        if indicator.score_declared is None and indicator.weight is not None \
                and not uncomputed_formula(table, source) and not formula_deleted(table, source) \
                and not helpers_missing(table, source):
            yield finding("JX406", source, _no_score(table, source, f"“{label(indicator)}”的得分",
                                                     f"“{label(indicator)}”未填写得分"))
    funds = table.funds
    source = funds.sources.get("score")
    info = table.cell(source)
    if jixiao_formula(table, source) and (evaluation.execution_score is None or (
            info is not None and (str(info.value or "").startswith("⚠")
                                  or info.value == NOT_SCORED))):
        return  # the template's own ⚠ (a 分值 "十") or “—” (分值 blank, not scored): the
        # input is at fault, JX106 says where
    if "score" not in table.fund_columns or not table.execution_line \
            or funds.score_declared is not None:
        return
    # the lines that each score their own 执行率 (本级资金 5, 转移支付资金 5): the one missing
    missing = [(f"“{line.label}”执行率得分", line.sources.get("score"))
               for line in funds.shares if line.score_declared is None]
    for what, cell in missing or [("执行率得分", source)]:
        if not uncomputed_formula(table, cell) and not formula_deleted(table, cell):
            yield finding("JX406", cell, _no_score(table, cell, what, f"{what}未填写"))


def _native_unscored(table: SelfEvaluation, indicator: Indicator, evaluation: Evaluation,
                     score: Score, shown: str) -> Finding:
    """JX406 on a template row whose 得分 shows ⚠, at the cell at fault: a 分值 or
    人工评分 typed as text ("5" in a text-formatted cell, “10%” pasted, a reason typed in
    the 人工评分 column) where the formulas want a number (the native ones show
    native.WARN_WEIGHT, WARN_JUDGED; JX_SCORE ⚠ 分值“10%”不是数字); the 完成值 where it is in another unit
    than the 指标值's, or no level beside a 定性 指标值; else the 指标值 written in a way
    only jixiao scores — or the 完成值 where the 指标值 is read and it is not (62人（其中脱贫户
    18人）, a copied ≥95%: ``native.unread_sides``); a deadline, which the formulas never
    score, keeps the general words."""
    from jixiao import native

    scored = f"按{evaluation.rules.label}得分为 {points(score.value)}（{score.note}）"
    for warning, key, what in ((native.WARN_WEIGHT, "weight", "分值"),
                               (native.WARN_JUDGED, "judged", "人工评分")):
        source = indicator.sources.get(key)
        info = table.cell(source)
        # the add-in's JX_SCORE says it in its own words: ⚠ 分值“10%”不是数字
        own = shown.startswith(f"⚠ {what}“") and shown.endswith("不是数字")
        if (shown == warning or own) and info is not None and isinstance(info.value, str) \
                and key == "judged" and _judged_unused(score):
            # a reason typed into J of a quantitative row: no number is wanted there
            return finding("JX406", source,
                           f"“{label(indicator)}”是定量指标，人工评分“{plain_text(info.value)}”使表格"
                           f"公式不能计分；{JUDGED_UNUSED}；{scored}", severity="warning")
        if (shown == warning or own) and info is not None and isinstance(info.value, str):
            return finding("JX406", source,
                           f"“{label(indicator)}”的{what}“{plain_text(info.value)}”是文字，表格公式"
                           f"不能计分：请在该格只填数字（单元格为文本格式的，改为常规格式后重新"
                           f"输入）；{scored}", severity="warning")
    wide = next(((key, value, found) for key in ("target", "actual")
                 if (found := native.full_width_number(value := _as_typed(table, indicator, key)))
                 is not None), None)
    if shown == native.WARN_INPUT and wide is not None and _older_formulas(table, indicator):
        # ≥３０处: read by the formulas since rt34 — an older template's cannot; the clerk's
        # 指标值 looks as “≥95%” does, so name what it is: full-width digits
        key, value, (typed, half) = wide
        what = "指标值" if key == "target" else "完成值"
        return finding("JX406", first_source(indicator, key, "score"),
                       f"“{label(indicator)}”的{what}“{plain_text(value).strip()}”"
                       f"中的数字是全角字符（{typed}），本表的得分公式是旧版 jixiao 模板的，不能读取："
                       f"请改为半角（{half}），或用 jixiao convert 把本表转入新模板（--formulas "
                       f"native），表格即可自行计分；{scored}", severity="warning")
    if shown == native.WARN_INPUT and _older_formulas(table, indicator):
        # 好 beside 好, a level of a scale, 万 beside the unit: scored by the formulas since
        # rt33 — the ⚠ is an older template's, nothing in the row to change
        return finding("JX406", first_source(indicator, "actual", "target", "score"),
                       f"“{label(indicator)}”的得分公式是旧版 jixiao 模板的，不能计分这种写法，"
                       f"现在的模板可以：用 jixiao convert 把本表转入新模板（--formulas native），"
                       f"表格即可自行计分，填写的内容不必改动；{scored}", severity="warning")
    clock = next((key for key in ("actual", "target")
                  if clock_duration(typed_in(table, indicator, key)) is not None), None)
    if shown == native.WARN_INPUT and clock is not None:  # 3:00 typed: a time of day to them
        what = "完成值" if clock == "actual" else "指标值"
        return finding("JX406", indicator.sources.get(clock),
                       f"“{label(indicator)}”的{what}是时间格式（如 3:00），表格公式不能把它读作"
                       f"时长：请改填“{clock_duration(typed_in(table, indicator, clock))}”这样的文字，"
                       f"表格即可自行计分；{scored}", severity="warning")
    named = about_target(indicator_target(indicator)) if shown == native.WARN_INPUT else None
    if named is not None:  # 1000人左右: jixiao scores it as 1000人, the formulas cannot
        return finding("JX406", first_source(indicator, "target", "score"),
                       f"“{label(indicator)}”的指标值“{plain_text(indicator.target).strip()}”是约数，"
                       f"表格公式不能计分：请填写确切的数值（如“{named}”），表格即可自行计分；"
                       f"{scored}", severity="warning")
    differ = native.units_differ(indicator.target, indicator.actual) \
        if shown in (native.WARN_INPUT, native.WARN_UNITS) else None
    if differ is not None:  # ≥3.2万人 beside 33500人: the 完成值 to write in the target's unit
        t_unit, a_unit, converted = differ
        example = f"（如“{converted:g}{t_unit}”）" if converted is not None else ""
        return finding("JX406", first_source(indicator, "actual", "target", "score"),
                       f"“{label(indicator)}”的指标值{_unit_said(t_unit)}，完成值"
                       f"{_unit_said(a_unit)}，单位不同，表格公式不能换算比较：请把完成值"
                       + (f"按指标值的单位“{t_unit}”填写{example}" if t_unit
                          else "像指标值一样只填数字") +
                       f"，或两者用同一单位，表格即可自行计分；{scored}", severity="warning")
    if shown == native.WARN_INPUT and native.level_wanted(indicator.target, indicator.actual):
        return finding("JX406", first_source(indicator, "actual", "target", "score"),
                       f"“{label(indicator)}”是定性指标，完成值“{plain_text(indicator.actual)}”"
                       f"表格公式不能计分：请{native.CHOOSE_LEVEL}，表格即可自行计分；{scored}",
                       severity="warning")
    dated = native.unread_date(*(_as_typed(table, indicator, key) for key in ("target", "actual")),
                               indicator.level2) \
        if shown == native.WARN_INPUT \
        and parse_measure(indicator_target(indicator)).kind == "date" else None
    if dated is not None:  # 2024/8/25 typed into a date cell, 按时完成 beside 2024年8月31日前
        return _unread_date(table, indicator, *dated, scored)
    target_unread, actual_unread = native.unread_sides(
        *(_as_typed(table, indicator, key) for key in ("target", "actual"))) \
        if shown == native.WARN_INPUT \
        and parse_measure(indicator_target(indicator)).kind != "date" else (False, False)
    if actual_unread and not target_unread:  # ≥50人 beside 62人（其中脱贫户18人）
        return finding("JX406", first_source(indicator, "actual", "target", "score"),
                       f"“{label(indicator)}”的完成值“{plain_text(indicator.actual).strip()}”表格"
                       f"公式不能读取：请只填实际数值{_actual_example(indicator)}，表格即可自行"
                       f"计分；{scored}", severity="warning")
    if shown == native.WARN_INPUT and not actual_unread and _level_or_better(indicator):
        # ≥良好水平 (or ≥良好 under an older template's formulas): an approved 指标值 jixiao
        # scores as it stands — never to be rewritten for the formulas' sake
        return finding("JX406", first_source(indicator, "target", "score"),
                       f"“{label(indicator)}”的指标值“{plain_text(indicator.target).strip()}”"
                       f"（该等级及以上）表格公式不能计分，指标值不必改动，得分由 jixiao check 或"
                       f"加载项模板的 JX_ 函数计算：{scored}", severity="warning")
    if actual_unread:
        return finding("JX406", first_source(indicator, "target", "score"),
                       f"“{label(indicator)}”的指标值和完成值的写法须由 jixiao 计分：{scored}；"
                       "指标值改用常见写法（如“≥95%”“≤3 小时”）、完成值只填实际数值后表格可自行"
                       "计分", severity="warning")
    return finding("JX406", first_source(indicator, "target", "score"),
                   f"“{label(indicator)}”的写法须由 jixiao 计分：{scored}；改用常见写法"
                   "（如“≥95%”“≤3 小时”）后表格可自行计分", severity="warning")


def _level_or_better(indicator: Indicator) -> bool:
    """A 指标值 of a level or better (≥良好, ≥良好水平: ``rules.level_at_least``)."""
    target = parse_measure(indicator_target(indicator))
    return target.op is not None and level_at_least(target).kind == "qualitative"


# What the 人工评分 column of jixiao's templates is for, said where it is filled on a row
# the rules score from its numbers (JX406, JX413)
JUDGED_UNUSED = ("人工评分列只用于定性指标部分达成、未达成时评分，本行不用：请清空该格，扣分原因"
                 "写在偏差原因列")


def _judged_unused(score: Score) -> bool:
    """A row the rules score from its numbers (no band for a person to score in): the
    template's formulas never read its 人工评分."""
    return score.band is None and score.value is not None


def _judged_as_percent(table: SelfEvaluation, indicator: Indicator) -> bool:
    """Whether the 人工评分 was typed as a percent (70% in a percent-formatted cell, or the
    text “70%”), which the reader takes as 70 points, as a 分值 10% is 10."""
    info = table.cell(indicator.sources.get("judged"))
    if info is None:
        return False
    if isinstance(info.value, str):
        return info.value.strip().endswith(("%", "％"))
    return isinstance(info.value, (int, float)) and shows_percent(info.number_format)


def _unread_date(table: SelfEvaluation, indicator: Indicator, side: str,
                 typed: _dt.date | None, scored: str) -> Finding:
    """JX406 at the cell of a deadline row the native formulas read no date in
    (``native.unread_date``): a date typed into a date cell, to be written as the text they
    read (“2024年8月25日”); a 完成值 in words (按时完成), to give the day it was done; a
    指标值 without its year (12月底前)."""
    what, value = ("完成值", indicator.actual) if side == "actual" else ("指标值", indicator.target)
    deadline = parse_measure(indicator_target(indicator)).date
    ends = "前" if side == "target" else ""
    if typed is not None:
        said = (f"的{what}是日期格式的日期，表格公式不能把它当作日期比较：请写成"
                f"“{_date_words(typed)}{ends}”这样的文字日期")
    elif side == "actual":
        example = f"“{_date_words(deadline)}”" if deadline is not None else "“2024年12月20日”"
        said = (f"的完成值“{plain_text(value).strip()}”表格公式不能与指标值的期限比较：请写明"
                f"实际完成的日期，写成{example}这样的文字日期")
    else:
        example = _date_words(deadline) if deadline else f"{table.project.year or 2024}年12月31日"
        said = (f"的指标值“{plain_text(value).strip()}”表格公式不能读作日期：请写明年、月、日，"
                f"写成“{example}前”这样的文字日期")
    return finding("JX406", first_source(indicator, side, "score"),
                   f"“{label(indicator)}”{said}，表格即可自行计分；{scored}", severity="warning")


def _date_words(day: _dt.date) -> str:
    """A date as the text the native formulas read (``native.date_text``): 2024年8月25日."""
    return f"{day.year}年{day.month}月{day.day}日"


def _as_typed(table: SelfEvaluation, indicator: Indicator, key: str) -> object:
    """A 指标值/完成值 as its cell holds it, which the native formulas read (96%\xa0 pasted
    from a web system, not the reader's 96%); the model's value where no cell is known."""
    info = table.cell(indicator.sources.get(key))
    return info.value if info is not None else getattr(indicator, key)


def _actual_example(indicator: Indicator) -> str:
    """How the 完成值 the native formulas cannot read is written so they can: its number in
    the 指标值's unit (“62人” for 62人（其中脱贫户18人）); a figure told with a range word
    (96%以上) without the word; a bound (≥95%) has no number to offer, only the sign to
    leave out."""
    actual = parse_measure(indicator_actual(indicator))
    unit = parse_measure(indicator_target(indicator)).unit or ""
    told = range_word_after(actual)
    if told is not None:  # 96%以上: its figure, what the formulas read
        return f"（如“{told[0]}”，不写“{told[1]}”）"
    if about_number(actual) is not None:  # 约96%, 96%左右
        return "（确切的数值，不写“约”“左右”）"
    if actual.is_number and actual.op is None and actual.value is not None \
            and (actual.unit or "") == unit:
        return f"（如“{actual.value:g}{unit}”）"
    if actual.is_number and actual.op is not None:
        return "（不写“≥”“不低于”等界限）"
    return f"（数字加单位“{unit}”）" if unit else "（只填数字）"


def _older_formulas(table: SelfEvaluation, indicator: Indicator) -> bool:
    """Whether a row showing native.WARN_INPUT is one this jixiao's native formulas score —
    the same word on both sides, a level of a grading scale (``native.words_level``), 万
    beside the other side's unit (``native.ten_thousands``), full-width digits
    (``native.full_width_number``, since rt34) —: the workbook's formulas are an older
    template's."""
    from jixiao import native

    values = native.row_values(*(_as_typed(table, indicator, key) for key in ("target", "actual")),
                               1.0)
    if values["kind"] == native.WARN_INPUT:
        return False
    return bool(native.words_level(values["t_text"], values["a_text"])) or (
        values["kind"] == "N" and (native.ten_thousands(values["t_unit"], values["a_unit"])
                                   or native.ten_thousands(values["a_unit"], values["t_unit"]))
    ) or any(native.full_width_number(_as_typed(table, indicator, key)) is not None
             for key in ("target", "actual"))


def _unit_said(unit: str) -> str:
    return f"单位为“{unit}”" if unit else "没有写单位"


def _no_score(table: SelfEvaluation, source: Source | None, what: str, unfilled: str) -> str:
    """JX406's words: ``unfilled`` for a blank score; else what the cell shows — a formula
    of the table's own showing an error, an error value, or a text that is no number."""
    error = formula_error(table, source)
    if error is not None:
        return f"{what}公式显示 {error}，没有有效得分；请检查公式"
    info = table.cell(source)
    if info is not None and not info.is_formula and info.error:  # an error value pasted
        return f"{what}显示 {info.error}，没有有效得分，请填写数字（如 9.5）"
    if info is not None and not info.is_formula and not blank(info.value):
        return f"{what}“{plain_text(info.value)}”不是数字，请填写数字（如 9.5）"
    return unfilled


@check("JX407", "error", "得分为负数")
def score_not_negative(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """得分是负数。

    **为什么**：得分最低为 0；负数会冲减总分。

    **错误示例**：得分 -2。

    **正确示例**：得分 0。
    """
    for indicator in table.indicators:
        if indicator.score_declared is not None and indicator.score_declared < 0:
            yield finding("JX407", indicator.sources.get("score"),
                          f"“{label(indicator)}”得分 {points(indicator.score_declared)} 为负数")
    if table.funds.score_declared is not None and table.funds.score_declared < 0:
        yield finding("JX407", table.funds.sources.get("score"),
                      f"执行率得分 {points(table.funds.score_declared)} 为负数")


@check("JX408", "warning", "定性指标得分超出区间")
def qualitative_band(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """定性指标的得分不在其完成程度对应的区间内。

    mof2020：达成 80%–100%、部分达成 60%–80%、未达成 0–60% 的分值（ratio 规则为
    100–80 / 80–50 / 50–0）。

    **为什么**：定性指标虽由人评分，但分数须与“达成/部分达成/未达成”相称。

    **错误示例**：分值 10，完成值“部分达成”，得分 10。

    **正确示例**：得分在 6–8 之间，并说明原因。

    jixiao 模板中，“部分达成/未达成”的得分由人工评分列给出：人工评分为空或不在区间内时，
    本检查指向人工评分单元格并写明区间。人工评分按保留两位小数后的分数判断（得分即保留
    两位小数）：8.004 即 8，在 6–8 之间；8.006 即 8.01，不在，按填写的 8.006 写明。
    """
    for indicator, score in _own_points(table, evaluation):
        declared = indicator.score_declared
        if score.band is not None and score.value is None and jixiao_formula(
                table, indicator.sources.get("score")):
            # the template leaves the score to a person: point at the 人工评分 cell
            low, high = score.band
            source = first_source(indicator, "judged", "score")
            if indicator.judged is not None and _judged_as_percent(table, indicator):
                yield finding("JX408", source,  # as the template's 得分 cell says it
                              f"“{label(indicator)}”{_level_said(indicator, score)}，"
                              f"{judged_out_of_band(indicator.judged, score.band, True)}"
                              f"（{evaluation.rules.label}）")
                continue
            judged = f"人工评分填写为 {points_written(indicator.judged)}，不在" \
                if indicator.judged is not None else _judged_not_number(table, indicator) \
                or "请在人工评分列填写"
            yield finding("JX408", source,
                          f"“{label(indicator)}”{_level_said(indicator, score)}，{judged} {band_text(low, high)}"
                          f" 分之间（{evaluation.rules.label}）")
            continue
        if score.band is None or declared is None or jixiao_formula(
                table, indicator.sources.get("score")):
            continue
        low, high = score.band
        if declared < low - TOLERANCE or declared > high + TOLERANCE:
            yield finding("JX408", indicator.sources.get("score"),
                          f"“{label(indicator)}”{_level_said(indicator, score)}，得分应在 {band_text(low, high)} 之间，"
                          f"填写为 {points(declared)}")


def _judged_not_number(table: SelfEvaluation, indicator: Indicator) -> str | None:
    """“人工评分“三分”不是数字，请改填” when the 人工评分 cell holds words, as the template's
    得分 cell says (None when it is blank)."""
    info = table.cell(indicator.sources.get("judged"))
    raw = info.value if info is not None else None
    if blank(raw):
        return None
    return f"人工评分“{raw}”不是数字，请改填"


def _level_said(indicator: Indicator, score: Score) -> str:
    """The level a qualitative score rests on: quoted where the clerk wrote it (为“部分达成”),
    else what the rules read, with the target and actual it was read from (逾期完成（指标值
    2025年10月20日前完成，完成值 2025年10月28日完成）) — never a quote of words not written."""
    level = score.level_name
    if compact_text(indicator.actual) == level:
        return f"为“{level}”"
    return f"{level}（{_pair_text(indicator)}）"


def _jx503_speaks(table: SelfEvaluation, indicator: Indicator, score: Score) -> bool:
    """A 得分 shown that is no number of the unit's, where the rules give a score: one typed
    over the template's score formula (JX503 names the cell and the rule's score), or the
    stored result of the template's own JX_ formula that differs from the rule's — jixiao's
    functions are the rules, so it is a result not recalculated since an input changed
    (JX504 says so at the cell; rt34 r7). Neither is a deduction, full marks or an excess
    of the unit's (JX401–JX405 judge the rule's score, or stay silent). A native
    template's formula is not: the program that computed it may read a cell otherwise
    (LibreOffice's CELL("format") scores 3:00 as 3 hours), its result the table's own."""
    declared, source = indicator.score_declared, indicator.sources.get("score")
    if score.value is None or declared is None:
        return False
    if _typed_over_template(table, source):
        return True
    info = table.cell(source)
    return jixiao_formula(table, source) and info is not None \
        and _JX_CALL.search(info.formula or "") is not None and differs(declared, score.value)


# a call of jixiao's functions (JX_SCORE(…)), not the native template's JX_Rules name
_JX_CALL = re.compile(r"(?<![\w.])(?:_xludf\.)?JX_\w+\s*\(", re.IGNORECASE)


def _typed_over_template(table: SelfEvaluation, source) -> bool:  # type: ignore[no-untyped-def]
    """A number typed over a jixiao template's formula: JX503 says it, with the rule's value."""
    info = table.cell(source)
    return table.template and info is not None \
        and not info.is_formula


def _pair_text(indicator: Indicator) -> str:
    target, actual = pair_shown(indicator)
    return f"指标值 {_text(target)}，完成值 {_text(actual)}"


def _text(value: object) -> str:
    return "空" if value is None else plain_text(value).strip()


@check("JX409", "info", "未达到指标值（表中无得分列）")
def unmet_without_score_column(table: SelfEvaluation,
                               evaluation: Evaluation) -> Iterator[Finding]:
    """表中没有得分列（如四川格式），某个指标未达到指标值：说明规则给的得分。

    严格的指标值（“＜24 小时”“＞90%”）要求完成值越过目标值，恰好相等不算达到；
    这种情况填表人多以为已完成，报告为警告。其余未达到的指标已写偏差原因时作为提示
    （没写原因的由 JX405 报告扣分）。表中也没有分值列时，得分无法计算，只说明未达到
    指标值、得分须人工评定。

    **为什么**：没有得分列时，审核人看不到哪些指标没有完成、按规则该扣多少分。

    **错误示例**：指标值“＜24 小时”，完成值“24 小时”（没有得分列）。

    **正确示例**：完成值“20 小时”；或指标值写“≤24 小时”。
    """
    if "score" in table.columns:
        return  # the table shows its scores: JX402/JX404 compare them
    unknown = _points_unknown(table)
    for indicator, score in _pairs(table, evaluation):
        if indicator.weight is None:
            if not unknown or not _unmet_unscored(indicator, score):
                continue
            rule = "表中没有分值，得分须人工评定"
        elif score.met is not False:
            continue
        elif score.value is None and score.band is not None:
            continue  # a person scores it within a band: JX410 says so, with the band
        else:
            rule = (f"按{evaluation.rules.label}得 {points(score.value)} 分（满分 "
                    f"{points(indicator.weight)}）" if score.value is not None
                    else "得分须人工评定")
        strict = _strict_equality(indicator)
        if not strict and not explained(table, indicator) and (
                indicator.weight is None or score.value is not None
                and score.value < indicator.weight - TOLERANCE):
            continue  # JX405 shows the deduction already
        if strict:
            yield finding("JX409", first_source(indicator, "actual", "target"),
                          f"“{label(indicator)}”的指标值“{strict}”是严格的，完成值恰好等于指标值，"
                          f"不算达到指标值；{rule}", severity="warning")
        else:
            yield finding("JX409", first_source(indicator, "actual", "target"),
                          f"“{label(indicator)}”未达到指标值（{_pair_text(indicator)}）；{rule}")


def _strict_equality(indicator: Indicator) -> str | None:
    """The target text when it is strict (＜, ＞) and the actual equals it exactly."""
    from jixiao.model import indicator_actual, indicator_target, target_measure
    from jixiao.parsing import parse_measure
    from jixiao.units import comparable

    target = target_measure(indicator)
    if target.kind != "number" or target.op not in ("<", ">"):
        return None
    pair = comparable(target, parse_measure(indicator_actual(indicator)))
    if pair is None or abs(pair[0] - pair[1]) > 1e-9:
        return None
    return plain_text(indicator_target(indicator)).strip()


@check("JX410", "warning", "指标无法计分")
def open_scores(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """规则无法给出得分、须由人评定的指标；总分算不出时，按其余各项计算并列出待定的指标。

    也包括因指标值、完成值缺失或无法识别而算不出、也没有填报得分的指标（模板中显示 ⚠
    的得分；JX201–JX204 在各自单元格指出原因）：总分一行说明总分无法算出、待定的是哪几项。
    待定的只是须人工评分的定性指标（部分达成）时，总分一行写出按其等级区间算出的总分范围。
    规则无法判断的指标填了得分的，计算总分按其填报得分计入（报告总分一行、JSON 的
    `total_computed` 与 `total_basis` "rules_and_declared" 是同一个数），总分一行列出这些指标和
    计算总分；另有须在等级区间内人工评分的，写出总分的区间。
    表中没有得分列（四川格式）的，说明表中没有可核对的得分，列出其余各项按规则的合计，
    填报了总分的说明该总分无法核对。

    包括：完成值既不是“达成/部分达成/未达成”，也不能看出是否达到指标值（“有待加强”）；
    定性指标“部分达成/未达成”却没有合规的人工得分。与指标值相同或显然满足指标值的
    完成值（“规定时间内”→“规定时间内”，“持续推进”→“持续推进中”，“低”→“无投诉”）
    按达成计，不在此列。jixiao 模板中人工评分未填的，由 JX408 在人工评分单元格指出（一处），
    本检查只给出总分一行。

    **为什么**：一项得分算不出，总分和等级就都算不出；审核人须知道是哪几项、
    其余各项合计多少。

    **错误示例**：指标值“稳步提升”，完成值“有待加强”，没有得分。

    **正确示例**：完成值写“部分达成”，并在得分列（或人工评分列）填 6–8 分之间的得分。
    """
    open_rows: list[str] = []
    first_open: Source | None = None
    unjudged = 0  # open rows that wait for a person's judgement (not for a missing value)
    for indicator, score in _pairs(table, evaluation):
        if indicator.weight is None or score.value is not None:
            continue
        template = table.template
        # on the template the score is a locked formula: the clerk types the 人工评分
        source = first_source(indicator, *(("judged", "actual") if template
                                           else ("score", "actual")))
        if score.band is None and not score.note.startswith(UNJUDGED):
            # a missing or unreadable value (JX201–JX204 say which, at its cell): it is
            # what the clerk fixes, and the total line still counts the row as open
            # (a 指标值 of only a dash is as blank: JX201 names its cell)
            order = ("target", "actual") if blank_value(indicator.target) else ("actual", "target")
            source = first_source(indicator, *order) or source
        open_rows.append(label(indicator))
        first_open = first_open or source
        if score.band is not None and indicator.judged is not None:
            continue  # a person's score outside the band: JX408 says so, on that cell
        if score.band is not None and jixiao_formula(table, indicator.sources.get("score")):
            pass  # the template's 人工评分 left blank: JX408 says so once, with the band
        elif score.band is not None:
            low, high = score.band
            yield finding("JX410", source,
                          f"“{label(indicator)}”{_level_said(indicator, score)}，须人工评分（{band_text(low, high)} "
                          f"分之间）")
        elif score.note.startswith(RANGE_UNSCORED) and score.met is False \
                and indicator.score_declared is not None \
                and indicator.score_declared >= indicator.weight - TOLERANCE:
            continue  # outside the range at full marks: JX402 says it, as an error
        elif score.note.startswith(UNJUDGED) and indicator.score_declared is not None:
            yield finding("JX410", source,
                          f"“{label(indicator)}”{score.note}（{_pair_text(indicator)}），填报得分 "
                          f"{points(indicator.score_declared)} 无法按规则核对", severity="info")
        elif score.note.startswith(RANGE_UNSCORED):  # outside a range: a person scores it
            yield finding("JX410", source, f"“{label(indicator)}”{score.note}"
                                           f"（{_pair_text(indicator)}）")
        elif score.note.startswith(UNJUDGED):
            yield finding("JX410", source,
                          f"“{label(indicator)}”{score.note}（{_pair_text(indicator)}），"
                          "请写明达成/部分达成/未达成，或人工评分")
        elif indicator.score_declared is not None:
            continue  # a missing or unreadable value, a score written: JX201–JX204 say it
        # else: a missing or unreadable value, no score (the template's ⚠): JX201–JX204
        # say which, at its cell; the total line says the 总分 waits for it
        unjudged += 1
    if not unjudged:
        return
    where = _total_place(table) or first_open or table.sources.get("header")
    if table.template:
        where = first_open  # the template's 总分 is locked: point at what the clerk fills
    if evaluation.total_basis == RULES_AND_DECLARED:  # the 总分 line says the same
        yield finding("JX410", where, _declared_total(table, evaluation), severity="info")
        return
    if evaluation.total is not None:
        return
    known = [score.value for score in evaluation.scores if score.value is not None]
    if evaluation.execution_score is not None:
        known.append(evaluation.execution_score)
    if len(known) + len(open_rows) < len(evaluation.scores) + (
            evaluation.execution_score is not None):
        return  # other rows cannot be scored either (their own findings say why)
    without = ""
    # the 执行率's points are the table's (see JX307), and the rules could not score them
    if table.funds_weight_source is not None \
            and evaluation.execution_score is None and table.funds.weight is not None:
        if table.funds.score_declared is None:
            without = "（不含执行率得分）"
        else:
            known.append(table.funds.score_declared)
    names = _names(open_rows)
    if evaluation.total_range is not None:  # only bands pending: the total's range is known
        yield finding("JX410", where,
                      f"总分待人工评分后确定：{len(open_rows)} 项得分待定（{names}），按"
                      f"{evaluation.rules.label}总分在 {band_text(*evaluation.total_range)} 之间")
        return
    if "score" not in table.columns:  # the table writes no scores: the rules' sum, the 总分 unchecked
        written = "" if total_shown(table) is None \
            else f"；填报的总分 {points_written(total_shown(table))} 无法核对"
        yield finding("JX410", where,
                      f"表中没有得分列，总分按规则计算，但无法算出：{len(open_rows)} 项得分待定"
                      f"（{names}）；其余各项按{evaluation.rules.label}合计 {points(sum(known))}"
                      f"{without}{written}")
        return
    yield finding("JX410", where,
                  f"总分无法算出：{len(open_rows)} 项得分待定（{names}）；其余各项得分合计 "
                  f"{points(sum(known))}{without}")


def _names(rows: list[str]) -> str:
    """“甲”、“乙” 等: the rows a 总分 finding names, six at most."""
    return "、".join(f"“{name}”" for name in rows[:6]) + (" 等" if len(rows) > 6 else "")


def _declared_total(table: SelfEvaluation, evaluation: Evaluation) -> str:
    """JX410 on the 总分 where it counts rows the rules cannot judge at the 得分 written
    (``declared_rows``): which, and the total (or the range, rows in a band still open) —
    the one the 总分 line and the JSON give."""
    taken = [label(indicator) for indicator in declared_rows(table, evaluation)]
    said = f"{len(taken)} 项（{_names(taken)}）无法按规则核对，按其填报得分计入"
    if evaluation.total is not None:
        return f"{said}，计算总分为 {points(evaluation.total)}"
    banded = [label(indicator) for indicator, score in _pairs(table, evaluation)
              if score.value is None and score.band is not None]
    return (f"{said}；{_names(banded)}待人工评分，计算总分在 "
            f"{band_text(*evaluation.total_range)} 之间")  # type: ignore[misc]


def _total_place(table: SelfEvaluation) -> Source | None:
    """Where the 总分 stands or would: the 总分 row's 得分 (else 分值) cell, or a 合计 row
    summing every indicator (四川 "合计 | 90", no 得分 column: its 权重 cell); None when
    the table has neither — the first pending row's cell then (rt24 x1: not the header)."""
    summed = indicators_sum(table)
    return (table.sources.get("total") or table.sources.get("weight_total")
            or (summed is not None and (summed.sources.get("score")
                                        or summed.sources.get("weight"))) or None)


@check("JX411", "warning", "得分写成了百分比")
def score_as_share(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """得分栏填的是得分占分值的百分比（100%、98.5%），不是分数。

    只在百分比能解释整张表时这样读：各项得分都是 0–100% 的百分比，且填报的总分等于
    各项“分值 × 百分比”之和（或按分数读根本不可能：多数大于分值）。此时各项得分按
    分值 × 百分比计算后照常核对；一处“100%”夹在分数中间的，仍按分数读（JX401）。

    **为什么**：自评表的得分栏填分数；百分比须换算后才能与分值、总分对照。

    **错误示例**：分值 15，得分写“100%”；执行率得分写“98.5%”。

    **正确示例**：得分写 15；执行率得分写 9.85。
    """
    source = table.sources.get("score_shares")
    if source is None:
        return
    line = next((item for item in (*table.indicators, table.funds)
                 if item.sources.get("score") == source), None)
    info = table.cell(source)
    if line is None or info is None:
        return
    raw = info.value if isinstance(info.value, str) else f"{info.value * 100:g}%"
    what = f"“{label(line)}”" if isinstance(line, Indicator) else "执行率"
    yield finding("JX411", source,
                  f"得分写成了分值的百分比（{what}写“{raw.strip()}”）：已按 分值 × 百分比 计分"
                  f"（{points(line.weight)} × {raw.strip()} = {points(line.score_declared)} 分）；"
                  "得分栏应填分数")


@check("JX413", "info", "定量指标填了人工评分")
def judged_unused(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """jixiao 模板中，按数值计分的定量指标在人工评分列填了数字，且与规则得分不同：
    表格不读取它，得分仍按规则计算。

    **为什么**：人工评分列只用于定性指标（以及未达成须人工评分的行）在区间内评分；
    定量指标填在这里的分数被忽略，填表人却以为得分已改。

    **错误示例**：指标值“≥500册”，完成值“450册”，人工评分 8（表格得分 9）。

    **正确示例**：人工评分列空着，扣分原因写在偏差原因列。

    人工评分填了文字（多为扣分原因）的，得分公式显示 ⚠，由 JX406 说明同样的做法。
    """
    if "judged" not in table.columns:
        return
    for indicator, score in zip(table.indicators, evaluation.scores, strict=True):
        judged = indicator.judged
        if judged is None or not _judged_unused(score) or not differs(judged, score.value):
            continue
        yield finding("JX413", indicator.sources.get("judged"),
                      f"“{label(indicator)}”是定量指标，得分按规则计算为 {points(score.value)}"
                      f"（{score.note}），人工评分 {points_written(judged)} 不计入；{JUDGED_UNUSED}")


@check("JX412", "error", "扣分与分值、得分不符")
def deduction_matches(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """填写的扣分（扣分列，或得分栏中“9.68（扣0.32分）”的括注）不等于分值 − 得分。

    分值合并在几行上、各行得分另有分法的，不核对。

    **为什么**：扣分、得分两处写的不一致，至少一处写错了；审核人无法判断哪一个是
    单位的自评结果。

    **错误示例**：分值 10，扣分 0.5，得分 9.68。

    **正确示例**：分值 10，扣分 0.32，得分 9.68。
    """
    for indicator in table.indicators:
        lost, score, weight = indicator.deduction, indicator.score_declared, indicator.weight
        if lost is None or score is None or weight is None or score > weight + TOLERANCE \
                or in_unsplit_group(table, indicator):
            continue
        expected = round2(weight - score)
        if differs(lost, expected):
            yield finding("JX412", indicator.sources.get("deduction"),
                          f"“{label(indicator)}”扣分 {points_written(lost)} 与分值、得分不符："
                          f"分值 {points(weight)}，得分 {points(score)}，应扣 {points(expected)} 分")
