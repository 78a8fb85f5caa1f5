"""JX2xx — 年度指标值 and 实际完成值.

(Over 400 lines: one family of checks — a target or 完成值 missing, unread, written as a
bound, in a unit that does not compare, or filed in the wrong direction — each reading the
same pair of cells; split, the families' shared helpers would cross modules.)
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from jixiao.checks.base import (
    Finding,
    blank,
    check,
    finding,
    first_source,
    full_marks,
    jixiao_formula,
    label,
    misplaced_reason,
    never_calculated,
    points,
)
from jixiao.levels import names_cost
from jixiao.model import (
    Evaluation,
    Indicator,
    SelfEvaluation,
    Source,
    ceiling_unsure,
    default_operator,
    explained,
    explains_all,
    indicator_actual,
    indicator_target,
    pair_shown,
    plain_text,
    score_indicator,
    shown_error,
    target_measure,
    unexplained,
    without_target,
)
from jixiao.parsing import (
    LEVEL_NAMES,
    Measure,
    about_number,
    change_on_last_year,
    change_stated,
    compact_text,
    damaged_at_least,
    done_is_whole,
    floor_of_nothing,
    opens_with_number,
    parse_measure,
)
from jixiao.rules import (
    EMPTY_TARGET,
    FAR_BEYOND,
    RISING_RATES,
    TOLERANCE,
    Direction,
    about_settled,
    about_target,
    actual_as_read,
    bound_as_done,
    bound_short,
    direction,
    is_cost,
    is_falling_rate,
    is_saving,
    level_at_least,
)
from jixiao.units import (
    as_compared,
    bare_in_base,
    comparable,
    is_count,
    is_time,
    names_per_head,
    per_head,
    split_unit,
    unit_name,
)
from jixiao.xlsx.numformats import number_shown

# A share where more is better (``RISING_RATES``): "≤ 95%" or "≥ 120%" is a slip; its sign
# the right way round
_TURNED = str.maketrans("≤＜<≦⩽", "≥＞>≧⩾")


def _falling(name: str) -> bool:
    return is_falling_rate(name)


def unsigned_falling_rate(indicator: Indicator) -> bool:
    """Whether the indicator is a rate where less is better (差错率, 投诉率 …) whose 指标值
    is a number above 0 written without ≥/≤ and read "＝" (not a ceiling already by its
    二级): its scores cannot be judged by the rules until the sign is written (JX203)."""
    if not _falling(indicator.name or ""):
        return False
    target_text = indicator_target(indicator)
    target = parse_measure(target_text)
    return target.kind == "number" and target.op is None and bool(target.value) \
        and default_operator(indicator) == Direction.GOAL.value


def bare_target_unsure(indicator: Indicator) -> bool:
    """Whether a bare 指标值 may mean ≤ as well as the "＝" the rules read: a 差错率 "1%"
    (``unsigned_falling_rate``), or a row without 二级 whose name may be a time allowed or
    a cost (``model.ceiling_unsure``). JX203 asks for the sign; its score is not judged."""
    return unsigned_falling_rate(indicator) or ceiling_unsure(indicator)


def sign_unsure(indicator: Indicator) -> bool:
    """Whether the row's score waits for its sign: a bare 指标值 that may mean ≤
    (``bare_target_unsure``, JX203) or a cost written ≥ (``cost_at_least``, JX205). The
    rules score it by the sign as written (as JX_SCORE does); the checks that judge a
    score, or a target met or exceeded, hold until the unit writes the sign it meant."""
    return bare_target_unsure(indicator) or cost_at_least(indicator)


def _is_indicator(indicator: Indicator) -> bool:
    return indicator.weight is not None or bool(indicator.name)


@check("JX201", "error", "年度指标值缺失")
def target_missing(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """有分值的指标没有填写年度指标值。

    **为什么**：没有指标值就无法判断是否完成，得分无从计算。

    **错误示例**：三级指标“群众满意度”，分值 10，年度指标值空白。

    **正确示例**：年度指标值填写“≥95%”。

    第三方评价指标体系中指标值和完成值都写“—”的行（决策、过程类，按评分标准打分）不适用；
    决策、过程（管理）类指标（二级为项目立项、绩效目标、资金投入、资金管理、组织实施等）的
    指标值写“—”“/”或空着的，完成值写了情况说明也不适用：这些指标没有年度指标值。
    只写“无”的指标值，除非完成值也是“无”“未发生”、几起事故或“有”“发生”（指标值即
    “无事故”：“有”是未达成，得 0 分，见 JX402），同样没有目标。
    """
    if "target" not in table.columns:
        return
    for indicator, score in zip(table.indicators, evaluation.scores, strict=True):
        if not _is_indicator(indicator):
            continue
        target = indicator_target(indicator)
        if without_target(table, indicator):
            continue
        if not (blank(target) or score.note == EMPTY_TARGET) \
                or never_calculated(table, indicator.sources.get("target")):
            continue
        if blank(target):
            yield finding("JX201", indicator.sources.get("target"), f"“{label(indicator)}”"
                          + _unfilled(table, indicator.sources.get("target"), "年度指标值"))
        elif score.note == EMPTY_TARGET:  # 无 beside 520人次: no goal stated
            yield finding("JX201", indicator.sources.get("target"),
                          f"“{label(indicator)}”的年度指标值只写了“{plain_text(target).strip()}”，"
                          "请写明目标（如“≥500人次”；要求不发生的写“无重大安全事故”或“＝0起”）")


def _unfilled(table: SelfEvaluation, source: Source | None, what: str) -> str:
    """An indicator's 指标值 or 完成值 read as empty, after its name: 未填写, or what its
    cell shows instead — an Excel error (公式显示 #DIV/0!), never called unfilled."""
    shown = shown_error(table, source)
    if shown is None:
        return f"未填写{what}"
    fix = "请检查公式" if shown.startswith("公式") else f"请填写{what}"
    return f"的{what}{shown}，没有有效的{what}；{fix}"


@check("JX202", "error", "实际完成值缺失")
def actual_missing(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """有分值的指标没有填写实际完成值。

    **为什么**：没有完成值，得分就只是自报，审核人无法核对。

    **错误示例**：“项目完成时限”的实际完成值空白，却得满分。

    **正确示例**：实际完成值填写“2023 年 12 月 31 日前全部完成”。

    只写“无”的完成值，除非指标值本就要求“无”（无重大安全事故、零投诉、＝0 起），
    同样看不出完成情况（警告）；偏差原因栏说明了缘由、且未得满分的除外（jixiao 模板中
    得分公式因此显示 ⚠、没有得分的不除外）。
    """
    if "actual" not in table.columns:
        return
    for indicator, score in zip(table.indicators, evaluation.scores, strict=True):
        if not _is_indicator(indicator) or without_target(table, indicator):
            continue
        if blank(indicator.actual):
            if never_calculated(table, indicator.sources.get("actual")):
                continue
            yield finding("JX202", indicator.sources.get("actual"), f"“{label(indicator)}”"
                          + _unfilled(table, indicator.sources.get("actual"), "实际完成值"))
        elif score.met is None and score.value is None and \
                parse_measure(indicator_actual(indicator)).kind == "empty" \
                and not _explained_without_full_marks(table, indicator):
            yield finding("JX202", indicator.sources.get("actual"),
                          f"“{label(indicator)}”的实际完成值只写了“{plain_text(indicator.actual).strip()}”，"
                          f"看不出是否达到指标值“{plain_text(indicator_target(indicator)).strip()}”",
                          severity="warning")


def _explained_without_full_marks(table: SelfEvaluation, indicator: Indicator) -> bool:
    """A 完成值 "无" the 偏差原因 explains (没有轮换、动用库存), its row not scored in full:
    the reviewer reads why; full marks for it are still asked about. Not in jixiao's
    template whose 得分 formula shows ⚠ for it: no score stands, and JX406 leaves the
    row to the finding at its inputs — this one."""
    declared = indicator.score_declared
    if declared is None and jixiao_formula(table, indicator.sources.get("score")):
        return False
    return not unexplained(indicator.reason) \
        and not (declared is not None and full_marks(indicator, declared))


@check("JX203", "warning", "指标值无法识别或可疑")
def target_suspicious(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """年度指标值（或完成值）无法识别，或写法自相矛盾。

    包括：转换损坏的符号（“≠100.00(%)”本应是“≥”，按“≥”计分；成本、时限等越低越好的
    指标不知原意，不计分）；指标性质为“定性”却填了数值；
    指标性质“正向”（“反向”）而指标方向为“小于等于”（“大于等于”）；
    满意度、完成率等越高越好的比率写成“≤”，或目标超过 100%；差错率、投诉率等越低越好的
    比率没有写“≤”（按“＝”计分，做得更好反而扣分；这类指标的得分不再按规则核对，
    改正符号后再核对）；表中没有二级指标时，名称看不准是上限还是目标的时间、费用、成本比率
    （“响应时间 2小时”可能是时限，“培训时间 40小时”却是目标；“培训费用”“维修成本率”）没有写“≤”或“≥”
    （名称写明成本、时限、周期的，如“人均培训成本 300元/人”“办结时限 5个工作日”，以及成本控制率、
    成本超支率，按“≤”计分，不报告；成本节约率等节约、降低比率按目标计分；这类指标的得分同样不按“＝”核对）；完成值只写了指标值另一侧的界限（指标值“≥95%”，完成值“低于95%”
    “95%以下”）：未达到，但不知实际数值，得分无法计算；完成值照指标值写成界限（指标值“≥95%”，
    完成值“≥95%”“不低于96%”）：按达到计分，但没有写出实际完成的数值；指标值是约数
    （“约500人”“1000人左右”），按其中的数值计分，完成值未达到这个数值的（480人）提示人工复核得分；
    完成值是约数（“约25万元”）而所说的数比指标值高出（“≤”的指标值：低出）10% 以上的，按达到计分，
    低出（“≤”的指标值：高出）10% 以上的（“约2.5万元”对“≥20万元”），按未达到、以所说的数计分，
    都提示填写确切的数值（离指标值更近的，无法判断是否达到，不计分）。
    jixiao 模板中，指标值或完成值是数、符号和单位只写在数字格式里（粘贴来的 30，
    格式 `"≤"0"天"`，显示“≤30天”）：表格公式只读到数 30，按显示的文字计分不同时报错误，
    指向改变得分的单元格，请把显示的文字作为文字输入。

    **为什么**：无法识别的指标值不能计分；写反方向的指标值会让未完成的指标得满分。

    **错误示例**：“≠100.00(%)”；指标性质“定性”、指标值 95；“满意度 ≤ 90%”；“差错率 1%”。

    **正确示例**：“≥100.00(%)”；指标性质“≥”、指标值 95、度量单位 %；“满意度 ≥ 90%”；
    “差错率 ≤1%”。
    """
    for indicator, score in zip(table.indicators, evaluation.scores, strict=True):
        if table.template:
            yield from _format_unseen(table, indicator, score.value)
        target_text = indicator_target(indicator)
        target = target_measure(indicator)
        shown = plain_text(target_text).strip()
        problem = None
        if level_at_least(target).kind == "unparsed" and as_compared(
                target, parse_measure(indicator_actual(indicator)))[0].kind == "unparsed":
            # (每月10日前 beside 按时发放 is a statement the 完成值 answers: read; ≥良好 a level)
            problem = f"“{label(indicator)}”的年度指标值“{shown}”：{target.problem}"
            if damaged_at_least(target) is not target and default_operator(indicator) != "<=":
                problem += "；本次已按“≥”计分"  # (as ``rules`` scores it)
        elif score.met is False and (named := about_target(target)) is not None:
            problem = (f"“{label(indicator)}”的年度指标值“{shown}”是约数：已按 {named} 计分，完成值"
                       f"“{plain_text(indicator.actual).strip()}”未达到；约数容许多大的偏差，计分规则"
                       "没有规定，请人工复核得分，并把指标值改为确切的数值")
        elif _nature_qualitative(indicator) and target.kind == "number":
            problem = f"“{label(indicator)}”的指标性质为“定性”，指标值却是数值“{shown}”"
        elif (target.kind == "number" and target.unit == "%" and target.value is not None
              and any(word in (indicator.name or "") for word in RISING_RATES)
              and not _falling(indicator.name or "")):  # 不合格率 is no 合格率
            if target.op in ("<", "<="):
                turned = shown.translate(_TURNED)
                problem = f"“{label(indicator)}”越高越好，年度指标值“{shown}”应写成“{turned}”"
            elif target.value > 100:
                problem = f"“{label(indicator)}”的指标值“{shown}”超过 100%，无法达到"
        elif indicator.contrary_nature is not None:
            problem = (f"“{label(indicator)}”的指标性质为“{indicator.contrary_nature}”，指标方向却是"
                       f"“{plain_text(indicator.nature).strip()}”，两者相反；已按指标方向计分，"
                       "请核对哪一个是对的")
        elif unsigned_falling_rate(indicator):
            problem = (f"“{label(indicator)}”越低越好，指标值“{shown}”却没有写“≤”，按规则读作"
                       f"“＝”，低于它反而按未完成计分；应写“≤{shown}”")
        elif ceiling_unsure(indicator):
            problem = (f"表中没有二级指标，看不出“{label(indicator)}”的指标值“{shown}”是不得超过的"
                       f"上限（时限、成本）还是应达到的目标，按规则读作“＝”，得分暂不核对；"
                       f"是上限请写“≤{shown}”，是目标请写“≥{shown}”")
        if problem is not None:  # its cell named only for a finding
            yield finding("JX203", first_source(
                indicator, *(("contrary_nature",) if indicator.contrary_nature else ()),
                "target", "nature"), problem)
        actual = parse_measure(indicator_actual(indicator))
        if actual.kind == "unparsed" and actual_as_read(
                target, actual, default_operator(indicator)).kind == "unparsed":
            # (随机抽取200名…，满意度95% beside ≥90%: the one number in the 指标值's unit, read;
            # 达到预期目标 → 超出预期目标20%: 达成 in words, as the rules score it)
            yield finding("JX203", indicator.sources.get("actual"),
                          f"“{label(indicator)}”的实际完成值“{plain_text(indicator.actual).strip()}”："
                          f"{actual.problem}")
        elif (settled := about_settled(
                target, actual, default_operator(indicator))) is not None:
            # 约25万元 (约2.5万元) beside ≥20万元: met (missed) on every reading of 约, the
            # figure still asked for
            yield finding("JX203", indicator.sources.get("actual"),
                          f"“{label(indicator)}”的实际{settled}；请填写确切的数值")
        elif (short := bound_short(
                target, actual, default_operator(indicator))) is not None:
            yield finding("JX203", indicator.sources.get("actual"), f"“{label(indicator)}”的{short}")
        elif actual.op is not None and (copied := bound_as_done(
                target, actual, default_operator(indicator))) is not None:
            yield finding("JX203", indicator.sources.get("actual"), f"“{label(indicator)}”的{copied}")


def _format_unseen(table: SelfEvaluation, indicator: Indicator,
                   scored: float | None) -> Iterator[Finding]:
    """On jixiao's template, a 指标值/完成值 typed as a number whose number format writes a
    sign or unit beside it (30 pasted with "≤"0"天", shown ≤30天): the formulas — and check,
    to agree with them — score the number as stored, while the table shows, and a reviewer
    reads, the text. Where the text as shown (read as on any other table) scores
    differently, the clerk is told at the cell whose text changes the score to type it as
    text: an error, the score the table shows is not the one its printed values earn."""
    shown: dict[str, str] = {}
    for key in ("target", "actual"):
        info = table.cell(indicator.sources.get(key))
        value = info.value if info is not None else None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            text = number_shown(value, info.number_format)
            if text is not None:
                shown[key] = text
    if not shown:
        return
    def differs(**texts: str) -> bool:
        value = score_indicator(replace(indicator, **texts), table.rules).value
        return value is not None and scored is not None and abs(value - scored) >= TOLERANCE

    if not differs(**shown):
        return
    as_shown = score_indicator(replace(indicator, **shown), table.rules).value
    # the cell whose text alone changes the score (≤30天 beside 35天: the ≤, not the 天)
    culprits = [key for key in shown if differs(**{key: shown[key]})] or list(shown)
    for key in culprits:
        text = shown[key]
        what = "年度指标值" if key == "target" else "实际完成值"
        stored = plain_text(table.cell(indicator.sources[key]).value)
        yield finding("JX203", indicator.sources[key],
                      f"“{label(indicator)}”的{what}单元格存的是数 {stored}，数字格式把它显示为"
                      f"“{text}”：表格公式只读到 {stored}，得分 {points(scored)}；按显示的"
                      f"“{text}”，按{table.rules.label}得分应为 {points(as_shown)}。请把“{text}”"
                      "作为文字输入（单元格格式改为“常规”或“文本”后重新输入）", severity="error")


# The words that answer a time limit (≤3小时, 每月10日前, 5个工作日内) kept: 及时 for
# “每月10日前” is how timeliness rows are usually answered.
_ON_TIME = ("及时", "按时", "按期", "如期", "准时")


def _on_time_answered(target: Measure, actual: Measure) -> bool:
    """Whether a time limit is answered “kept” in words (及时, 按时完成)."""
    return is_time(target.unit or "") and any(word in actual.text for word in _ON_TIME)


def _nature_qualitative(indicator: Indicator) -> bool:
    """Whether the 指标性质 column calls the indicator 定性 (四川)."""
    return compact_text(indicator.nature) in ("定性", "定性指标")


@check("JX204", "warning", "指标值与完成值单位不一致")
def units_compatible(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """年度指标值和实际完成值的单位（或类型）无法比较。

    单位能换算的不算（万人与人、% 与 0.95、小时与分钟）；不能换算的才报告，
    例如“25 万参保居民”与“100%”，或定性指标填了数值。定量指标（“≥95%”“≥6 次”）的
    完成值只写“达成”“已完成”“完成”等文字、没有数值的，同样报告：是否达到、得分多少
    都无从核对（得分照文字所说的完成程度计，消息写明读作哪一级）；先写等级、括号里附人数等说明的（“≥90%”
    对“满意（抽样200人）”，说明里的数不是指标值所量的）同样按等级读、这样报告。完成率、完工率、进度的指标值
    恰为 100% 的（“100%”“＝100%”，或指标值写“100%完成”），完成值“全部完成”“已完成”“完成”即 100%
    （其后另有不减其意的说明的，如“已完成，验收合格”，也是），与“全覆盖”一样，不报告；其他比率（档案完整率、验收合格率 100%）写“已完成”的，只说工作做完了，
    没说比率达到多少，照常报告；开工率、
    拨付率、到位率等写“全部开工”“已全部拨付”“均已到位”“全部发放到位”（全部做到该比率
    所计的事）的也是，准确率、正确率写“全部准确”“均准确”“准确无误”的也是；
    时限（“≤3小时”“每月10日前”）的完成值写“及时”“按时完成”的，即在时限内，也不报告。

    **为什么**：单位不同时是否完成无从判断，得分也无法核对。

    **错误示例**：指标值“25 万参保居民医保待遇”，完成值“100%”。

    **正确示例**：指标值“≥25 万人”，完成值“25.3 万人”。
    """
    for indicator in table.indicators:
        target, actual = as_compared(target_measure(indicator),
                                      parse_measure(indicator_actual(indicator)))
        name = label(indicator)
        problem = None
        if target.is_number and actual.is_number:
            if comparable(target, actual) is None:
                problem = (f"“{name}”的指标值单位“{unit_name(target.unit)}”与完成值单位"
                           f"“{unit_name(actual.unit)}”无法比较")
        elif target.kind == "number" and actual.kind == "qualitative" and actual.level is None:
            problem = f"“{name}”是定量指标，完成值“{actual.text.strip()}”却不是数值"
        elif target.kind == "number" and actual.level in ("achieved", "partial") \
                and actual.kind == "qualitative" and change_on_last_year(target) is None \
                and not (floor_of_nothing(target) and change_on_last_year(actual, named=False)) \
                and not _nature_qualitative(indicator) and not _on_time_answered(target, actual) \
                and not done_is_whole(indicator.name, target, actual):  # 完成率100% → 已完成
            # (不低于上年 is answered in words: 高于上年, ≥0% too: 与上年持平; 定性 with a
            # number is JX203's)
            problem = (f"“{name}”是定量指标（指标值“{target.text.strip()}”），完成值只写了"
                       f"“{actual.text.strip()}”，没有实际测得的数值：得分按文字读作"
                       f"“{LEVEL_NAMES[actual.level]}”计，无法与指标值核对；应填写实际测得的数值")
        elif target.is_number and actual.kind == "qualitative" and actual.level is None:
            problem = (f"“{name}”的指标值是期限“{target.text.strip()}”，完成值“"
                       f"{actual.text.strip()}”却不是日期，也未写明是否按时完成")
        elif target.kind == "qualitative" and actual.kind == "number":
            shown = actual.text.strip()
            problem = (f"“{name}”是定性指标，完成值却是数值“{shown}”，应写达成/部分达成/未达成"
                       if opens_with_number(shown) else
                       f"“{name}”是定性指标，完成值“{shown}”只写了"
                       f"{'时间' if is_time(actual.unit) else '数量'}，未写明是否达成，"
                       "应写达成/部分达成/未达成")  # 每月8日 is a date, not a quantity
        elif target.kind == "qualitative" and actual.kind == "date" and actual.level is None:
            problem = (f"“{name}”是定性指标，完成值“{actual.text.strip()}”是日期，无法判断"
                       "是否达成，应写达成/部分达成/未达成（或写明完成情况）")
        if problem is not None:  # its cell named only for a finding
            yield finding("JX204", first_source(indicator, "actual", "target"), problem)


# Under 成本指标, a share that is not a cost: misfiled — and where it belongs by what it is
# (a 预算执行率 is scored by the money block's 执行率 points, or listed under 产出/过程 —
# never 效益/满意度). A saving (节约) rate rises by nature (``rules.SAVINGS``).
_NOT_COSTS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("执行率",), "应按资金栏的执行率计分，或列在产出指标、过程指标下"),
    (("满意度", "满意率"), "应归入满意度指标"),
    (("知晓率",), "应归入效益指标"),
    (("合格率", "达标率", "正确率", "准确率"), "应归入质量指标"),
    (("及时率",), "应归入时效指标"),
    (("覆盖率", "完成率", "参保率", "到位率", "兑付率", "发放率", "使用率"),
     "应归入数量、质量指标或效益指标"),
)
# A standard paid to each beneficiary (人均财政补助标准 ≥610元/人/年, 基础养老金最低标准
# ≥143元/人·月, 孤儿基本生活费标准, 农村低保标准, 生均公用经费 ≥650元/生·年, 村干部基本报酬
# ≥3000元/人·月, 村均运转经费 ≥20万元/村, 每公里养护资金 ≥1万元/公里, 最低工资 ≥1900元/月):
# at least that much is the goal — no cost to keep under. Per head: the name says a standard
# (标准), a minimum (最低) or each it is paid to (人均, 每亩, 村均, 每公里:
# ``units.names_per_head``), or the unit is per person, household or other thing paid to
# (元/人·月, 元/户, 元/生·年, 元/亩, 万元/村, 万元/公里). Not where the name says a cost
# (人均培训成本标准, 养老金发放成本; 人均培训费用 names nothing paid) or a sum paid out
# (抚恤金支出, 救助金发放总额, 养老金发放金额 ≥1200万元, 村级运转经费 ≥200万元; 保障金
# ≥500万元 is one too, by its unit).
_PAID_STANDARDS = ("补助", "补贴", "资助", "奖补", "救助标准", "保障标准", "发放标准", "奖励标准",
                   "生活标准", "生活费", "低保标准", "供养标准", "养老金", "保障金", "救助金",
                   "抚恤", "津贴", "经费", "助学金", "奖学金", "慰问金", "报酬", "工资", "膳食",
                   "养护资金")
_SUMS_PAID = ("支出", "总额", "金额")
# Words that make a name a standard without a unit per head (基础养老金最低标准, 最低工资)
_STANDARD_WORDS = ("标准", "最低")


def _paid_standard(name: str, target: Measure) -> bool:
    """A per-head amount (人均补助金额 ≥610元/人, 耕地地力保护补贴 ≥100元/亩) is a standard
    even where its name says 金额; a 标准 or a 最低 (最低工资 ≥1900元/月) is one unless the
    name says a sum paid out."""
    if is_cost(name) or not any(word in name for word in _PAID_STANDARDS):
        return False
    if per_head(target.unit) or names_per_head(name):
        return True
    return any(word in name for word in _STANDARD_WORDS) \
        and not any(word in name for word in _SUMS_PAID)


def _filed_as_cost(indicator: Indicator) -> bool:
    """Whether the row is a 成本指标's: under a 二级 of costs (scored as a ceiling), or,
    without a 二级, named a cost as ``levels.names_cost`` files it."""
    if isinstance(indicator.level2, str) and indicator.level2.strip():
        return direction(indicator.level2) is Direction.CEILING
    return names_cost(indicator.level1, indicator.name)


def cost_at_least(indicator: Indicator) -> bool:
    """Whether a 成本指标 is written ≥ or ＞ where a cost's ceiling (≤) was likely meant
    (JX205): not a fall to reach (较上年下降5%), a saving (成本节约率), a standard paid per
    head (人均补助标准), nor a share misfiled under 成本 (知晓率: its ≥ is right)."""
    name = _at_least_under_cost(indicator)
    return name is not None and _misfiled(name) is None


def _at_least_under_cost(indicator: Indicator) -> str | None:
    """The name (compacted) of a row filed under 成本指标 whose 指标值 is ≥ or ＞ where
    that is no cost's own way; None for a fall to reach, a saving, a standard paid."""
    if not _filed_as_cost(indicator):
        return None  # under another 二级 (经济效益指标: 降低运输成本 is no 成本指标)
    target = parse_measure(indicator_target(indicator))
    if target.kind != "number" or target.op not in (">=", ">") \
            or change_stated(target) == "fall":
        return None  # (较上年下降5%: the fall to reach, at least it — a cost's way)
    name = compact_text(indicator.name)
    if is_saving(name) or _paid_standard(name, target):
        return None  # a saving (降低运输成本), a standard paid per person: ≥ is right
    return name


def _misfiled(name: str) -> tuple[str, str] | None:
    """A share listed under 成本指标 that is no cost (知晓率), and where it belongs."""
    if is_cost(name):
        return None
    return next(((word, advice) for words, advice in _NOT_COSTS for word in words
                 if word in name), None)


@check("JX205", "warning", "成本指标方向为≥")
def cost_direction(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """成本指标的指标值写成了“≥”或“＞”，或成本指标下列的其实不是成本。

    成本节约率、节支率这类“节约”比率，以及写明成本降下来的指标（降低运输成本、农户生产
    成本降低、减轻患者医疗成本）都是越高越好，按人发放的标准（人均财政补助标准
    ≥610元，基础养老金最低标准、孤儿基本生活费标准、农村低保标准、最低工资，以及单位按人、
    按户、按村、按公里的补助、经费、助学金、奖学金、慰问金、报酬、工资、膳食费、养护资金：
    “生均公用经费 ≥650元/生·年”“村干部基本报酬 ≥3000元/人·月”“村均运转经费 ≥20万元/村”
    “每公里养护资金 ≥1万元/公里”）是至少应发的数，写“≥”都是对的，不报告，得分照常核对；
    名称说的是成本的（人均培训成本 ≥800元/人、人均培训成本标准）或发放总数的（抚恤金支出、
    救助金发放总额、养老金发放金额、“保障金 ≥500万元”“村级运转经费 ≥200万元”）照样报告。只核对列在成本指标下的指标（没有
    二级指标一列的表，按三级指标名称归入成本指标的）；列在经济效益等其他二级指标下的，
    名称里有“成本”也不按成本指标报告。知晓率、满意度、合格率、及时率、
    覆盖率等比率不是成本，列在成本指标下是归类错误，不必改方向，按其性质移到效益、满意度、
    质量或时效指标；预算执行率应按资金栏的执行率计分，或列在产出指标、过程指标下。

    方向写成“≥”的成本指标，得分暂不核对（不报告未达到指标值却得满分、得分与规则不符、
    大幅超额完成未说明原因），改正符号后再核对：“≥800元/人”完成 760元/人，按“≤”是达成、
    满分，按写的“≥”却未达到（10 × 760 ÷ 800 = 9.5），原意只有填报单位知道（节约率、发放
    标准写“≥”就是对的）；与差错率没写“≤”时一样（JX203）。按规则计算的得分和总分、模板的
    得分公式仍按写的“≥”计算。

    **为什么**：成本是上限，应“≤”；写成“≥”时，花得越多得分越高。

    **错误示例**：成本指标“项目投入资金”，指标值“≥30 万元”；成本指标“医保政策知晓率
    ≥90%”。

    **正确示例**：“≤30 万元”（未写符号或写“＝”的成本指标按“≤”理解）；“成本节约率 ≥0”；
    “较上年下降5%”（要降下来的幅度，至少降这么多，正是成本的方向）；知晓率列在社会效益
    指标下。
    """
    for indicator in table.indicators:
        if cost_at_least(indicator):
            shown = parse_measure(indicator_target(indicator)).text.strip()
            yield finding("JX205", first_source(indicator, "target", "nature"),
                          f"成本指标“{label(indicator)}”的指标值“{shown}”方向为“≥”，"
                          "成本应写“≤”；得分暂不核对，改正符号后再核对")
            continue
        name = _at_least_under_cost(indicator)
        misfiled = _misfiled(name) if name is not None else None
        if misfiled is not None:
            # the 二级 heading says where it is listed; in jixiao's template that heading
            # is locked, and the row is moved by its own 三级指标 cell
            keys = ("name", "level2") if table.template else ("level2", "name")
            yield finding("JX205", first_source(indicator, *keys),
                          f"“{label(indicator)}”是{misfiled[0]}，不是成本，却列在成本指标下"
                          f"（{misfiled[1]}）；“≥”的方向本身没有错")


@check("JX206", "warning", "大幅超额完成未说明原因")
def far_exceeded(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """完成值超出指标值 50% 以上（正向指标：“≥”“＞”，以及按目标计分的不带符号或“＝”的
    指标值，如“6次”完成“150次”），偏差原因分析却是空的（表下“偏差大或目标未完成原因分析”
    一行写了原因的，与 JX405 一样算已说明）。只写“超额完成”“达到预期”等、说了结果没说原因的，
    与 JX405 一样不算说明。原因写在完成值单元格里的（“1200人（上级追加返乡人员培训任务）”），
    与 JX405 一样提示应移到偏差原因栏。

    表中没有分值列的（湖北、湖南等地的格式），各指标同样核对。
    计数的指标只多完成一个（指标值“≥1 项”，完成值“2 项”）不算大幅超额，不报告。

    **为什么**：财政部门要求对大幅超额完成的指标说明原因：多半是年初目标定得过低，
    下一年度应据实调高。

    **错误示例**：指标值“≥12 个”，完成值“36 个”，偏差原因空白。

    **正确示例**：偏差原因写“年中追加任务，下年度按实际需求调高指标值”。
    """
    if "reason" not in table.columns:
        return  # the layout has nowhere to write it (评分附件表, 第三方)
    if explains_all(table):
        return  # 偏差大或目标未完成原因分析 under the table explains them all (as for JX405)
    weighted = "weight" in table.columns  # else no row has points (湖北, 湖南 衡山)
    for indicator in table.indicators:
        if explained(table, indicator) or (weighted and indicator.weight is None):
            continue
        target = target_measure(indicator)
        target = about_number(target) or target  # 约500人 is 500人 (as the rules score it)
        actual = parse_measure(indicator_actual(indicator))
        if target.kind != "number" or actual.kind != "number" or not _goal(indicator, target):
            continue
        pair = comparable(target, actual)
        if pair is None or pair[0] <= 0 or pair[1] <= pair[0] * FAR_BEYOND \
                or _magnitude_mismatch(target, parse_measure(indicator.actual)) is not None:
            continue  # (a bare 11800 beside 万人 is JX207's)
        goal, done = pair
        if done - goal <= 1 and is_count(target.unit) and is_count(actual.unit):
            continue  # ≥1项 → 2项: one thing more than asked is no deviation to explain
        target_text, actual_text = pair_shown(indicator)
        misplaced = misplaced_reason(table, indicator)
        yield finding("JX206", first_source(indicator, "reason", "actual"),
                      f"“{label(indicator)}”完成值 {plain_text(actual_text).strip()} 是指标值 "
                      f"{plain_text(target_text).strip()} 的 {done / goal * 100:.0f}%（超出 "
                      f"{(done / goal - 1) * 100:.0f}%），" + (misplaced or
                      "未说明原因（年度指标值是否定得过低？请在偏差原因中说明）"))


def _goal(indicator: Indicator, target: Measure) -> bool:
    """Whether more is better: a ≥ or ＞ target, or a bare or ＝ one the rules read as a
    goal (not under 成本指标, no time allowed, no rate of something bad: 差错率 …)."""
    if target.op in (">=", ">"):
        return not cost_at_least(indicator)  # (a cost's ≥ in doubt: JX205 first)
    return target.op in (None, "=") and not is_falling_rate(indicator.name) \
        and default_operator(indicator) == Direction.GOAL.value and not ceiling_unsure(indicator)


@check("JX207", "warning", "完成值数量级与单位矛盾")
def magnitude_matches_unit(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """完成值只写了数字，指标值的单位带“万”（万人、万元），按万计数量级明显不对。

    只写数字的完成值，按“万”计和按基本单位计哪个更接近指标值就按哪个计分（“≥1.2 万人”
    与 11800 按 11800 人计，与 1.18 按 1.18 万人计；四川格式度量单位列写“万人”时也是
    如此）；按基本单位计时，本检查说明按哪种理解计分、另一种理解是多少。

    **为什么**：单位没写，计分只能推断；“≥1.2 万人”完成 11800 人未达到指标值，若按万人
    理解却成了超额完成满分。

    **错误示例**：指标值“≥1.2 万人”，完成值 11800。

    **正确示例**：完成值写“1.18 万人”或“11800 人”。
    """
    for indicator in table.indicators:
        target = parse_measure(indicator_target(indicator))
        # as typed: a 度量单位 column is the target's — unless the 完成值 has one of its own
        actual = parse_measure(indicator_actual(indicator) if indicator.actual_unit
                               else indicator.actual)
        mismatch = _magnitude_mismatch(target, actual)
        if mismatch is None:
            continue
        share, scale, base = mismatch
        value = _plain(actual.value)
        yield finding("JX207", first_source(indicator, "actual"),
                      f"“{label(indicator)}”完成值“{value}”未写单位，按 {value} "
                      f"{base or '（基本单位）'}（即 {_plain(round(actual.value / scale, 4))} "
                      f"{target.unit}）计分，是指标值的 {share * 100:.0f}%；若指 {value} "
                      f"{target.unit}，请写明单位")


_VALUE_COLUMNS = (("target", "年度指标值", "年度指标值、年度目标值、目标值、指标值"),
                  ("actual", "实际完成值", "实际完成值、实际完成指标值、全年完成值、业绩值、完成情况"))


@check("JX208", "warning", "表头中没有指标值或完成值列")
def value_columns_found(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """有得分列的自评表，表头中却找不到“年度指标值”或“实际完成值”列。

    表头按文字识别；写法不在可识别之列（如“实绩”“绩效目标”）时，这一列没有读取，
    各项得分无法按规则核对——不报告，审核人会以为表格已通过校验。

    **为什么**：得分是否合规要由指标值和完成值算出；缺了其中一列，错误的得分也看不出来。

    **错误示例**：表头写“一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实绩 | 分值 | 得分”。

    **正确示例**：把“实绩”改为“实际完成值”。
    """
    if table.template or table.layout == "third_party" or "score" not in table.columns \
            or not any(indicator.weight is not None for indicator in table.indicators):
        return
    for key, name, known in _VALUE_COLUMNS:
        if key not in table.columns:
            yield finding("JX208", table.sources.get("header"),
                          f"表头中没有找到“{name}”列（可识别的写法：{known}），该列未读取，"
                          "各项得分无法按规则核对；请把该列表头改为上述写法之一")


def _magnitude_mismatch(target: Measure, actual: Measure) -> tuple[float, float, str] | None:
    """(its share of the target, the unit's scale, its base unit) where a bare 完成值
    beside a 万-unit is read in the base unit (``units.bare_in_base``)."""
    if target.kind != "number" or actual.kind != "number" or actual.unit \
            or not target.value or not actual.value:
        return None
    scale, base = split_unit(target.unit)
    goal = target.value * scale
    if scale == 1.0 or not bare_in_base(actual.value, scale, goal):
        return None
    return actual.value / goal, scale, base


def _plain(value: float) -> str:
    return f"{value:g}"
