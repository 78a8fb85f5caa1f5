"""JX1xx — the weights (分值/权重) of a table.

Over 400 lines: the one family's checks and their docstrings (which docs/rules.md and
`jixiao rules` print), each check short; a family split across modules would be harder
to read against its codes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from jixiao.checks.base import (
    Finding,
    blank,
    cell_named,
    check,
    differs,
    finding,
    first_source,
    indicators_sum,
    jixiao_formula,
    label,
    level1_category,
    merged_weight_unread,
    never_calculated,
    points,
)
from jixiao.levels import (
    EXECUTION,
    heading_groups,
    missing_department_levels,
    names_department_framework,
)
from jixiao.model import (
    HIDDEN_COUNTED,
    LEVELS_BELOW,
    UNUSED_ROW,
    Evaluation,
    Indicator,
    SelfEvaluation,
    Source,
    Subtotal,
    form_parts,
    plain_text,
    shown_error,
    without_levels,
)
from jixiao.parsing import compact_text, numbers_apart, parse_points
from jixiao.read.shares import shares_as_written
from jixiao.rules import FULL_MARKS, SHARES_SLACK, TOLERANCE, round2, to_score_step
from jixiao.xlsx.numformats import shows_percent
from jixiao.xlsx.refs import split_ref

_REQUIRED_LEVEL1 = ("产出指标", "效益指标", "满意度指标")


def _template(table: SelfEvaluation) -> bool:
    """jixiao's own template: labels and 合计 are locked, findings go to typed cells."""
    return table.template


def _third_party(table: SelfEvaluation) -> bool:
    return table.layout == "third_party"


def _department(table: SelfEvaluation) -> bool:
    """Whether the table uses the 部门整体 framework (运行成本, 管理效率, 履职效能, 社会效应,
    服务对象满意度), not a project's 产出/效益/满意度."""
    return any(names_department_framework(indicator.level1) for indicator in table.indicators)


@check("JX101", "error", "分值合计不为100")
def weights_total_100(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """分值合计（各指标分值 + 执行率分值）不等于 100。

    执行率分值取项目资金栏的分值、评分附件表的“预算执行率”行；表中列了资金却没有
    给执行率分值（四川格式等）时，按评分规则的执行率分值（10 分）计入：各指标合计 90
    正确（90 + 10 = 100），合计 70 则不对（70 + 10 = 80）；四川格式的表找不到资金栏的，
    同样计入（缺的是资金数，见 JX307）；资金栏有表头和金额、却没有一行读作资金行的，
    照常报告：不足 100 时为警告，说明执行率的分值未计入（见 JX307），资金栏读取后再核对；表中
    整个没有资金栏（也没有预算执行率一行）、各指标合计 90、总分行分值写 100 的，说明缺的是
    预算执行情况一栏及执行率的 10 分（不是分值写错）。各指标本身已合计 100 的，
    视为不另给执行率计分；“项目管理”（过程）下已列“预算执行率”、各指标分值已合计 100
    的（银川），资金栏的分值、得分是这一行的重述，执行率只计一次（资金栏的得分仍按
    分值 × 执行率核对，JX302）。表中没有分值列、分值只写在一级（或二级）指标标题中的（湖北：
    “产出指标（60分）”），按标题写明的分值加执行率分值核对；只有一块有分值列的（湖北
    市县表：项目决策、项目管理各行有分值，“项目绩效85分”一块没有），按各行分值加另一块
    标题写明的分值核对（2 + 13 + 85 = 100）；只有“项目绩效85分”一块的（另一块没有报送，
    或由 PDF 转成时丢了），表中只有 85 分，其余 15 分是项目决策、项目管理的，不是执行率
    的，同样报告。总分（合计）行分值栏写明的分值合计与各指标
    分值之和（表中计执行率分值的，加执行率分值）不符的，同样报在该单元格（“分值合计写为
    97，各指标分值之和为 100”）；写成两个数的（“100 100”，转换时两格并进一格）也报在该
    单元格，不读作 100100。有分值显示错误值的（=VLOOKUP(…) 显示 #N/A，JX106），该分值未知，
    分值合计无法核对，不报告此项。

    **为什么**：自评表满分为 100 分，分值合计为 70 或 90 时总分和等级都失去意义。

    **错误示例**：执行率 10 分，产出 50、效益 20、满意度 10，合计 90。

    **正确示例**：执行率 10 + 产出 50 + 效益 30 + 满意度 10 = 100；四川格式各指标权重
    合计 90，资金栏不列分值。
    """
    if _points_uncalculated(table) or points_erring(table):
        return  # a 分值 =10 saved without its result, or showing #N/A (JX106): the sum
        # is known once recalculated or mended
    weights = [i.weight for i in table.indicators if i.weight is not None]
    if not weights:
        if "weight" not in table.columns:
            yield from _headings_total(table)
        return
    parts = weight_parts(table)
    if parts is None:
        return  # rows whose points no heading states: the total cannot be known
    indicators, execution, total = parts
    if abs(total - FULL_MARKS) > TOLERANCE:
        where = _weight_total_cell(table)
        if jixiao_formula(table, where):  # the template's locked 合计: point at a typed 分值
            where = next((i.sources["weight"] for i in table.indicators
                          if i.weight is not None and "weight" in i.sources),
                         table.funds.sources.get("weight"))
        detail = ""
        if execution:
            detail = f"（各指标 {points(indicators)} + 执行率 {points(execution)}"
            if table.funds_weight_source == "rules":
                detail += f"，表中未列执行率分值，按{evaluation.rules.label}计 " \
                          f"{points(execution)} 分"
            detail += "）"
        elif execution_points_unread(table, total):
            yield finding("JX101", where, f"分值合计为 {total:g}（资金栏未能读取，执行率的分值未计入，"
                                          "见 JX307），资金栏读取后再核对是否为 100",
                          severity="warning")
            return
        elif (missing := money_points_missing(table)) is not None:
            detail = f"（表中没有预算执行情况（项目资金、执行率）一栏，缺执行率的 {points(missing)} 分）"
        yield finding("JX101", where, f"分值合计为 {total:g}{detail}，应为 100")
        return
    yield from _written_weight_total(table, indicators, execution, total)


def _weight_total_cell(table: SelfEvaluation) -> Source | None:
    """Where JX101 names a wrong 分值合计: the 总分 row's 分值 cell when it holds one; else
    the 分值 of a 合计 row summing all the indicators above the 总分 (四川 "合计 | 90",
    the 自评得分 row's 权重 cell empty, or no such row); else the 总分 row's 分值 cell,
    the money block's 分值, the 分值 heading."""
    written = table.sources.get("weight_total")
    info = table.cell(written)
    if written is not None and written != table.sources.get("total") \
            and (info is None or not blank(info.value)):
        return written
    summed = indicators_sum(table)
    whole = summed.sources["weight"] if summed is not None else None
    return (whole or written or table.funds.sources.get("weight")
            or table.sources.get("weight_header") or table.sources.get("header"))


def weight_parts(table: SelfEvaluation) -> tuple[float, float, float] | None:
    """The 分值 the table gives, as JX101 adds them: (the indicators', the 执行率's, their
    total); None when a row's points are stated nowhere (or no row has any). A table
    without one indicator row (the money filled, no 三级指标: JX001) gives the 执行率's
    alone — 10, no 100: its 9.5 is no 差 (as the template's 评分等级 cell says)."""
    execution = (table.funds.weight or 0.0) if table.execution_line else 0.0
    if not table.indicators:
        return 0.0, execution, execution
    weights = [i.weight for i in table.indicators if i.weight is not None]
    if not weights:
        return None
    indicators = round2(sum(weights))
    if "weight" not in table.columns and len(weights) < len(table.indicators):
        headed = _headed_points([i for i in table.indicators if i.weight is None], table)
        if headed is None:
            return None
        indicators = round2(indicators + headed)
    return indicators, execution, round2(indicators + execution)


def _points_uncalculated(table: SelfEvaluation) -> bool:
    """Whether an indicator's or the money's 分值 is a formula saved without its result
    (=10): JX504 asks to recalculate; until then the 分值合计 is unknown."""
    return any(never_calculated(table, source) for source in (
        *(i.sources.get("weight") for i in table.indicators), table.funds.sources.get("weight")))


def points_erring(table: SelfEvaluation) -> list[Source]:
    """The 分值 cells (an indicator's, the 执行率's) showing an Excel error value (#N/A of
    a VLOOKUP whose key was renamed, #REF!): a number is there, unread — until it is
    mended, no sum of the 分值 (JX101, JX102) nor of the scores (JX501) can be checked."""
    lines = [(i.weight, i.sources.get("weight")) for i in table.indicators]
    if table.execution_line:
        lines.append((table.funds.weight, table.funds.sources.get("weight")))
    return [source for weight, source in lines
            if weight is None and source is not None and shown_error(table, source)]


def execution_points_unread(table: SelfEvaluation, total: float) -> bool:
    """Whether a 分值合计 short of 100 may be made up by the 执行率's points in a money
    block jixiao could not read (JX307: a header with amounts under it, no line read)."""
    return "money_unread" in table.sources and total < FULL_MARKS


def weights_wrong(table: SelfEvaluation) -> float | None:
    """The 分值合计 when it is not 100 (JX101's first finding), else None — None too
    where a 分值 is unknown (a formula saved without its result, or showing an error)."""
    if _points_uncalculated(table) or points_erring(table):
        return None
    parts = weight_parts(table)
    if parts is None or abs(parts[2] - FULL_MARKS) <= TOLERANCE:
        return None
    return parts[2]


def money_points_missing(table: SelfEvaluation) -> float | None:
    """The 执行率's points a table lacks with its whole money block (rt32 m3: a table
    pasted without its 项目资金 lines): no money read or seen, no 预算执行率 row, its
    indicators' 分值 the 100 less the rule set's 执行率 share and its 总分 row's 分值 100
    — the 10 missing are the block's, not a 分值 to correct; else None."""
    if table.fund_columns or "money_unread" in table.sources \
            or table.funds_weight_source is not None:
        return None
    share = table.rules.default_weights[EXECUTION]
    parts = weight_parts(table)
    if parts is None or abs(parts[2] + share - FULL_MARKS) > TOLERANCE:
        return None
    info = table.cell(table.sources.get("weight_total"))
    written = parse_points(info.value) if info is not None else None
    return share if written is not None and abs(written - FULL_MARKS) <= TOLERANCE else None


def _written_weight_total(table: SelfEvaluation, indicators: float, execution: float,
                          total: float) -> Iterator[Finding]:
    """The 分值合计 written in the 总分 (合计) row's 分值 cell against the rows' 分值 (with
    the 执行率's where the form counts it; where the table gives the 执行率 no points, its
    indicators' sum alone is right too — 四川 合计 90). Never the template's own formula,
    nor a 总分 typed there (``read.totals.settle_weight_total``)."""
    source = table.sources.get("weight_total")
    info = table.cell(source)
    if info is None or isinstance(info.value, bool) or source == table.sources.get("total") \
            or jixiao_formula(table, source):
        return
    written = parse_points(info.value)
    if written is None:
        if isinstance(info.value, str) and numbers_apart(info.value):  # 100 100: two cells
            # a converter ran into one
            yield finding("JX101", source, f"分值合计写为“{info.value.strip()}”，是两个数，"
                          f"不是一个分值；{_rows_sum(indicators, execution, total)}")
        return
    if isinstance(info.value, (int, float)) and shows_percent(info.number_format) \
            or "weight_shares" in table.sources and abs(written - 1) <= SHARES_SLACK:
        written *= 100  # 1 shown as 100%, or a plain 1 over 权重 0.15 …, as they count 15
    right = [total] + ([indicators] if table.funds_weight_source == "rules" else [])
    money = [table.funds] if table.execution_line else []
    right += [value for value in (shares_as_written(table, table.indicators),
                                  shares_as_written(table, [*table.indicators, *money]))
              if value is not None]  # =SUM over 0.3, 0.2 …: 0.9, or 10.9 with the money's 10
    if any(abs(written - value) <= TOLERANCE for value in right):
        return
    yield finding("JX101", source, f"分值合计写为 {points(written)}，"
                  f"{_rows_sum(indicators, execution, total)}")


def _rows_sum(indicators: float, execution: float, total: float) -> str:
    """What the rows' 分值 add up to, in a JX101 about the 分值合计 written."""
    if execution:
        return f"各指标与执行率分值之和为 {points(total)}（各指标 {points(indicators)} + " \
               f"执行率 {points(execution)}）"
    return f"各指标分值之和为 {points(total)}"


def _headed_points(rows: list[Indicator], table: SelfEvaluation) -> float | None:
    """The points the headings over ``rows`` (indicators without a 分值 of their own, in a
    table whose other block has a 分值 column: 湖北 市县, 项目绩效85分) state together: their
    block's heading, else their 一级's, else their 二级's, where every row stands under one;
    None if they do not."""
    ids = {id(row) for row in rows}
    blocks = [subtotal for subtotal in table.subtotals if "block" in subtotal.sources
              and subtotal.weight is not None and subtotal.members
              and all(id(member) in ids for member in subtotal.members)]
    if sum(len(block.members) for block in blocks) == len(rows):
        return round2(sum(block.weight or 0.0 for block in blocks))
    for level in ("level1", "level2"):
        groups = heading_groups(rows, level)
        if groups and sum(len(members) for _, _, members in groups) == len(rows):
            return round2(sum(stated for _, stated, _ in groups))
    return None


def _headings_total(table: SelfEvaluation) -> Iterator[Finding]:
    """A table without a 分值 column (湖北): the points its 一级 headings state (else its
    二级's), where every indicator stands under one, with the 执行率's, make 100."""
    if table.funds_weight_source == "headings":
        return  # the 执行率's points are what the headings leave: 100 by construction
    parts = form_parts(table)
    if parts and sum(len(part.members) for part in parts) == len(table.indicators):
        yield from _parts_total(table, parts)
        return
    for level in ("level1", "level2"):
        groups = heading_groups(table.indicators, level)
        if groups and sum(len(rows) for _, _, rows in groups) == len(table.indicators):
            break
    else:
        return
    stated = round2(sum(points_ for _, points_, _ in groups))
    execution = table.funds.weight if table.execution_line and table.funds.weight else 0.0
    total = round2(stated + execution)
    if abs(total - FULL_MARKS) <= TOLERANCE:
        return
    names = "、".join(f"{name} {points(value)}" for name, value, _ in groups)
    detail = f"+ 执行率 {points(execution)} = {points(total)}" if execution else ""
    word = "一级" if level == "level1" else "二级"
    yield finding("JX101", groups[0][2][0].sources.get(level) or table.sources.get("header"),
                  f"各{word}指标标题写明的分值合计 {points(stated)}（{names}）{detail}，应为 100")


def _parts_total(table: SelfEvaluation, parts: list[Subtotal]) -> Iterator[Finding]:
    """A table of the 湖北 市县 form's 绩效 part alone (项目绩效85分 over 产出/效益/满意度,
    the 项目决策/项目管理 block with its 分值 column not submitted, or lost in a PDF's
    conversion): it holds 85 of the 100 points, the rest being the missing parts' (not
    the 执行率's, ``form_parts``)."""
    stated = round2(sum(part.weight or 0.0 for part in parts))
    if abs(stated - FULL_MARKS) <= TOLERANCE:
        return
    names = "、".join(f"“{part.label}”（{points(part.weight)} 分）" for part in parts)
    where = parts[0].sources.get("heading") or table.sources.get("header")
    if stated < FULL_MARKS:
        yield finding("JX101", where,
                      f"分值合计为 {points(stated)}，应为 100：表中只有{names}，其余 "
                      f"{points(round2(FULL_MARKS - stated))} 分所在的部分（项目决策、项目管理等，"
                      "列有分值的另一块）不在表中；总分只含表中各指标的得分，请补齐另一块后核对")
    else:
        yield finding("JX101", where, f"各部分标题写明的分值合计 {points(stated)}：{names}，应为 100")


@check("JX102", "warning", "一级指标权重与默认不同")
def level1_default_weights(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """一级指标的分值合计与评分规则的默认权重不同。

    默认权重：产出指标 50、效益指标 30、满意度指标 10、预算执行率 10。单位可以调整，
    但须说明理由。第三方评价指标体系（决策/过程/产出/效益）、部门整体绩效指标体系
    （运行成本/管理效率/履职效能/社会效应/服务对象满意度）和不给执行率计分的表
    （多数四川格式）不适用本检查；四川规则只规定预算执行率 10 分（各指标合计 90 分，
    不规定一级指标之间的分配），只核对这一项。表样本身在表头写明执行率分值的（湖北：
    “预算执行情况（万元）（20分）”“得分(20分*执行率)”“年度绩效目标（80分）”），
    按表样的分配，不适用本检查。一级指标下有分值显示错误值的（JX106），该一级指标的
    分值合计未知，不报告。

    **为什么**：权重被悄悄改动（如把满意度调到 30 分）会抬高总分，审核时须核实理由。

    **错误示例**：产出指标各行分值合计 60，效益指标 20。

    **正确示例**：产出 50、效益 30、满意度 10，执行率 10。
    """
    if _third_party(table) or table.funds_weight_source == "form" or _department(table):
        return  # the printed form states its own split (湖北: 预算执行情况（20分）)
    defaults = evaluation.rules.default_weights
    sums: dict[str, float] = {}
    where: dict[str, Callable[[], Source | None]] = {}  # its cell, named for a finding only
    first, second = ("weight", "level1") if _template(table) else ("level1", "weight")
    erring = set(points_erring(table))
    unknown = set()  # the categories with a 分值 showing an error (JX106): their sum unknown
    for indicator in table.indicators:
        category = level1_category(indicator)
        if category is not None and indicator.sources.get("weight") in erring:
            unknown.add(category)
        if category is None or indicator.weight is None:
            continue
        sums[category] = sums.get(category, 0.0) + indicator.weight
        if category not in where:
            sources = indicator.sources
            where[category] = lambda sources=sources: sources.get(first) or sources.get(second)
    if table.funds.weight is not None and table.execution_line \
            and table.funds_weight_source not in ("rules", "headings"):  # stated, not implied
        sums["预算执行率"] = sums.get("预算执行率", 0.0) + table.funds.weight
        where.setdefault("预算执行率", lambda: table.funds.sources.get("weight"))
    if "预算执行率" not in sums:
        return  # no 执行率 points at all (四川 tables): the default split cannot apply
    default_text = "、".join(f"{name.removesuffix('指标')} {points(value)}"
                             for name, value in defaults.items())
    if table.funds.sources.get("weight") in erring:
        unknown.add("预算执行率")
    for category, value in sums.items():
        expected = defaults.get(category)
        if expected is not None and differs(value, expected, TOLERANCE) and category not in unknown:
            yield finding("JX102", where[category](),
                          f"一级指标“{category}”分值合计 {points(value)}，默认为 "
                          f"{points(expected)}（{default_text}）；调整权重须说明理由")


@check("JX103", "error", "二级指标分值与明细不符")
def heading_points_match_rows(table: SelfEvaluation,
                              evaluation: Evaluation) -> Iterator[Finding]:
    """二级（或一级）指标标题或小计行写明的分值（得分），与其下各三级指标之和不等；
    表中没有分值列的（湖北、云南格式：分值只写在一级、二级指标标题中，或写在整块指标的
    标题中，如“年度绩效目标1（40分）”），其下各指标得分之和超过标题写明的分值。

    评分附件表的小计行（“产出目标 | | 40 | | | 40”：没有三级指标名称，分值等于其下
    各行之和，或只写了一级指标名称）不是指标：只用来核对其下各行的分值和得分。一级、
    二级指标各有分值（得分）列的（一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值；
    第三方评价的一级指标 | 分值 | 得分 | 二级指标 | 三级指标 | 分值 | 得分：重复的分值、得分列
    各属其前面最近的一列指标，三级指标之后的是各行的），一级、二级的分值和得分同样核对。

    一级标题的分值（得分）等于其下各二级标题之和、二级标题与其下各行不符的，只在二级标题
    报告（“一、决策 22”下“（二）绩效目标 6”的两行合计 7：报在绩效目标）。

    一级、二级单元格没有合并、在每一行重复写同一标题（“产出指标(50分)”）的，连续重复
    该标题的各行合为一组，与标题的分值核对一次。

    **为什么**：标题“数量指标（20 分）”是对下面各行分值的汇总，二者不一致说明有一处填错。

    **错误示例**：“数量指标 (20 分)”下两行分值 10 和 5，合计 15。

    **正确示例**：“数量指标 (20 分)”下两行分值 10 和 10。
    """
    weighted = "weight" in table.columns
    for level in ("level2", "level1"):
        for name, stated, members in heading_groups(table.indicators, level):
            source = members[0].sources.get(level)
            if weighted or all(member.weight is not None for member in members):
                total = sum(member.weight or 0.0 for member in members)
                if differs(total, stated, TOLERANCE):
                    yield finding("JX103", source,
                                  f"“{name}”标明 {points(stated)} 分，其下各指标分值合计 "
                                  f"{points(total)} 分")
                continue
            scored = sum(member.score_declared or 0.0 for member in members)
            if scored > stated + TOLERANCE:  # no 分值 column: its 得分 at most its points
                yield finding("JX103", source,
                              f"“{name}”标明 {points(stated)} 分，其下各指标得分合计 "
                              f"{points(scored)} 分，超过标明的分值")
    for subtotal in table.subtotals:
        members = subtotal.members
        if not weighted:  # a block's heading (湖北: 年度绩效目标1（40分）): its 得分 at most
            scored = sum(member.score_declared or 0.0 for member in members)  # its points
            if subtotal.weight is not None and scored > subtotal.weight + TOLERANCE:
                yield finding("JX103", subtotal.sources.get("heading"),
                              f"“{subtotal.label}”标明 {points(subtotal.weight)} 分，其下各指标"
                              f"得分合计 {points(scored)} 分，超过标明的分值")
            continue
        weights = sum(member.weight or 0.0 for member in members)
        as_written = shares_as_written(table, members)  # 合计 =SUM over 0.3, 0.2 …: 0.9
        what = "" if "heading" in subtotal.sources else "小计行"  # 一级 | 分值 | 二级 | 分值
        parts = _parts(subtotal, table.subtotals)
        if subtotal.weight is not None and differs(weights, subtotal.weight, TOLERANCE) \
                and (as_written is None or differs(as_written, subtotal.weight, TOLERANCE)) \
                and not _parts_add_up(parts, subtotal.weight, "weight"):
            yield finding("JX103", subtotal.sources.get("weight"),
                          f"{what}“{subtotal.label}”分值 {points(subtotal.weight)}，所汇总的 "
                          f"{len(members)} 项指标分值合计 {points(weights)}")
        scores = [member.score_declared for member in members]
        if subtotal.score is not None and scores and None not in scores \
                and differs(sum(scores), subtotal.score, TOLERANCE) \
                and not _parts_add_up(parts, subtotal.score, "score"):  # type: ignore[arg-type]
            yield finding("JX103", subtotal.sources.get("score"),
                          f"{what}“{subtotal.label}”得分 {points(subtotal.score)}，所汇总的 "
                          f"{len(members)} 项指标得分合计 {points(sum(scores))}")  # type: ignore[arg-type]


def _parts(subtotal: Subtotal, subtotals: list[Subtotal]) -> list[Subtotal]:
    """The 二级 subtotals a 一级 subtotal's rows fall into, where they cover all its rows
    (一、决策 over （一）（二）（三）); else none."""
    mine = {id(member) for member in subtotal.members}
    parts = [other for other in subtotals if other is not subtotal and other.members
             and {id(member) for member in other.members} < mine]
    covered = {id(member) for part in parts for member in part.members}
    return parts if covered == mine else []


def _parts_add_up(parts: list[Subtotal], stated: float, what: str) -> bool:
    """Whether a 一级's points (or score) are the sum of its 二级 subtotals' (22 = 6 + 6 + 10):
    a row mistyped under one of them is that 二级's JX103 alone (rt30 r8 H1)."""
    values = [getattr(part, what) for part in parts]
    return bool(values) and None not in values \
        and not differs(sum(values), stated, TOLERANCE)  # type: ignore[arg-type]


@check("JX104", "warning", "缺少必备的一级指标")
def required_level1(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """缺少产出指标、效益指标或满意度指标中的某一类。

    第三方评价指标体系（决策/过程/产出/效益）不适用本检查；表中没有一级指标、二级指标
    列，各行也没有写一级、二级指标的（如重庆部门整体绩效自评表只有“指标名称”一列），
    无从判断缺少哪一类，同样不适用。
    部门整体绩效指标体系（一级指标为运行成本、管理效率、履职效能、社会效应、服务对象
    满意度）中，履职效能、社会效应、服务对象满意度相当于产出、效益、满意度指标：按这三类
    核对，缺少的报告其名称（如“缺少一级指标“社会效应””）。

    **为什么**：财预〔2020〕10号要求自评覆盖产出、效益和满意度，缺一类的自评表会被退回。

    **错误示例**：只有产出指标和效益指标，没有“服务对象满意度”。

    **正确示例**：产出指标、效益指标、满意度指标各至少一行。
    """
    if _third_party(table) or not table.indicators or without_levels(table):
        return
    if _department(table):
        level1s = [indicator.level1 for indicator in table.indicators]
        for required in missing_department_levels(level1s):  # 运行成本 … 服务对象满意度
            yield finding("JX104", table.sources.get("header"),
                          f"缺少一级指标“{required}”（部门整体绩效指标体系：运行成本、管理效率、"
                          "履职效能、社会效应、服务对象满意度）")
        return
    present = {level1_category(indicator) for indicator in table.indicators}
    for required in _REQUIRED_LEVEL1:
        if required not in present:
            if _template(table):  # its rows are there, blank: the first one's 三级指标 cell
                yield finding("JX104", table.sources.get(UNUSED_ROW + required),
                              f"缺少一级指标“{required}”：请在模板中该一级指标下的空行填写三级指标")
            else:
                yield finding("JX104", table.sources.get("header"), f"缺少一级指标“{required}”")


# The list number before a 三级 name (1. （1） ① 1、 2 一、): 1.培训人数 and 2.培训人数 are one
_LIST_NUMBER = re.compile(r"^\s*(?:[(（]?\d{1,2}[)）、.．](?!\d)|\d{1,2}\s+|[①-⑳]|"
                          r"[一二三四五六七八九十]{1,3}、)\s*")


@check("JX105", "warning", "三级指标重复")
def duplicate_indicator(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """同一个三级指标列了两次。

    **为什么**：重复的指标会重复计分，也常常是复制上一年表格时留下的。

    **错误示例**：“服务对象满意度”在第 18 行和第 21 行各出现一次。

    **正确示例**：每个三级指标只出现一次；一个三级指标单元格向下合并在几行上、各行有自己的
    指标值和分值（“水质达标率”下分“出厂水≥95%”“末梢水≥90%”两行）的，只写了一次，不算重复。
    """
    seen: dict[str, Indicator] = {}  # the first of each name (its cell named for a finding)
    for indicator in table.indicators:
        key = compact_text(_LIST_NUMBER.sub("", indicator.name or "", count=1))  # 2.培训人数
        if not key:
            continue
        if key in seen:
            first = seen[key].sources.get("name")
            if first is not None and first == indicator.sources.get("name"):
                continue  # one 三级 merged down over its rows (出厂水≥95% | 末梢水≥90%): written once
            where = f"（与 {cell_named(table, first, sheet=True)} 重复）" if first else ""
            yield finding("JX105", indicator.sources.get("name"),
                          f"三级指标“{indicator.name}”重复出现{where}")
        else:
            seen[key] = indicator


@check("JX106", "error", "分值缺失或无效")
def weight_valid(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """指标（或执行率）的分值为空、不是数字，或不大于 0。

    资金表的分值和得分都空着、各指标分值已合计 100 的表，执行率不计分，不要求填写。
    按四川省规则计分的表（四川表样执行率不列分值），执行率分值空着或填“—”的按规则的
    10 分计，不报告。分值显示错误值的（=VLOOKUP(…) 查不到而显示 #N/A），写明改正前分值
    合计、一级指标分值和总分都无法核对：JX101、JX102 不报告，总分不与其余各项得分之和
    比较（JX501）。

    **为什么**：没有有效的分值，得分和分值合计都无法计算。

    **错误示例**：分值写“十分”、留空，或填 0。

    **正确示例**：分值填 10 或“10 分”。
    """
    for indicator in table.indicators if "weight" in table.columns else ():  # else JX108
        if indicator.weight is not None and indicator.weight > 0:
            continue  # valid: no need to name its cell
        source = indicator.sources.get("weight")
        yield from _weight_problem(table, indicator.weight, source, f"“{label(indicator)}”")
    if "weight" in table.fund_columns and table.execution_line:  # (not scored: the
        # indicators were given all 100 points and the money's 分值 left blank)
        yield from _weight_problem(table, table.funds.weight, table.funds.sources.get("weight"),
                                   "执行率")


def _weight_problem(table: SelfEvaluation, weight: float | None, source: Source | None,
                    what: str) -> Iterator[Finding]:
    if weight is not None:
        if weight <= 0:
            yield finding("JX106", source, f"{what}的分值为 {points(weight)}，应大于 0")
        return
    if never_calculated(table, source):
        return  # =10 saved without its result: filled, to recalculate (JX504)
    info = table.cell(source)
    raw = info.value if info is not None else None
    if info is not None and info.error:  # (no sum of 分值 or 得分 is checked: ``points_erring``)
        yield finding("JX106", source, f"{what}的分值显示为 {info.error}，不是数字；改正前"
                                       "分值合计、一级指标分值和总分都无法核对")
    elif blank(raw):
        yield finding("JX106", source, f"{what}未填写分值")
    else:
        yield finding("JX106", source, f"{what}的分值“{plain_text(raw)}”不是数字")


@check("JX107", "info", "一级指标按二级指标归类")
def level1_from_level2(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """一级指标单元格为空，上方的一级指标与本行的二级指标不符（或上方没有一级指标、下方
    第一个一级指标与本行的二级指标不符），按二级指标归类。一级指标写在本组中间一行或第二行、
    没有合并到第一行的（PDF 转换的表格），其上方各行属于该一级指标，不提示。

    社会效益、经济效益、生态效益、可持续影响指标属于效益指标；服务对象满意度指标属于
    满意度指标；数量、质量、时效、成本指标属于产出指标。效益类一级指标的合并单元格覆盖
    满意度二级指标的（项目决策/项目管理/项目产出/项目效益四个一级的表样，满意度列在效益
    之下），按合并单元格归入效益，不适用；其分值仍计入满意度。jixiao 模板中一级、二级
    指标单元格受保护，提示指向本组第一个三级指标单元格。

    **为什么**：一级指标留空时通常沿用上方合并单元格，但“社会效益指标”不会属于产出
    指标；按错的一级汇总分值会误报权重问题。

    **错误示例**：产出指标下几行之后，一级指标空白、二级指标“社会效益指标”。

    **正确示例**：该行的一级指标写“效益指标”（或合并单元格只覆盖产出指标各行）。

    jixiao 模板中在指标区第一行（第 13 行）插入的行，一级、二级指标单元格为空：Excel 和
    LibreOffice 把一级、二级的合并单元格整体下移，而不是扩展到新行。这样的行按下方一组的
    一级、二级指标读取（与表中公式读取二级指标相同），分值计入该组，并提示把合并单元格
    扩展到该行。单位自制的表格不这样读。
    """
    for key in table.sources:
        if key.startswith(LEVELS_BELOW):
            told = _levels_below(table, table.sources[key])
            if told is not None:
                yield told
    seen: set[object] = set()
    for indicator, carried in table.level1_inferred:
        group = indicator.sources.get("level2") or indicator.sources.get("name")
        key = (group, indicator.level1)
        if key in seen:
            continue
        seen.add(key)
        # in jixiao's template the merged 一级/二级 headings are locked: point at the group's
        # first 三级指标 cell, one the clerk can select (rt7)
        where = first_source(indicator, "name", "level2") if table.template else group
        above = f"（而非上方的“{carried}”）" if carried else "（上方没有一级指标）"
        yield finding("JX107", where,
                      f"“{indicator.level2}”所在行一级指标为空，按二级指标归入“{indicator.level1}”"
                      f"{above}")


def _levels_below(table: SelfEvaluation, source: Source) -> Finding | None:
    """JX107 on a template row above the block's first 一级 (``LEVELS_BELOW``), read as the
    group below: at its 三级指标 cell, the merged headings being locked."""
    row = next((indicator for indicator in table.indicators
                if indicator.sources.get("name") == source), None)
    if row is None:  # no indicator of that cell: nothing to tell
        return None
    groups = "”“".join(text for text in (row.level1, row.level2) if text)
    number = split_ref(source.cell)[0]
    return finding("JX107", source,
                   f"第{number}行“{label(row)}”的一级、二级指标为空（插在“{groups}”合并单元格"
                   f"上方的行），按下方的“{groups}”归类；请把一级、二级指标的合并单元格扩展到该行")


@check("JX108", "info", "表中没有分值列")
def no_weight_column(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """表头中没有分值（权重）列：各指标的分值未知（也没有得分列的，得分同样未知）。

    湖北、云南等地的格式只在一级、二级指标标题中写分值（“产出指标（40 分）”），或只在
    整块指标的标题中写（“年度绩效目标1（40分）”），或根本不写。这样的表照常读取，核对得分之和不超过标题写明的分值（JX103）、总分和等级；
    各指标的得分是否符合评分规则无法核对，须由人审核。

    有的自评表（湖南等地）既没有分值列也没有得分列，只有指标值、完成值和未完成原因：
    照常读取，核对资金和执行率（JX3xx）、指标值和完成值（JX2xx），以及未达到指标值
    是否说明原因（JX405）；各指标得分、总分和等级无从计算，须人工审核。

    **为什么**：不能替单位编造各指标的分值；说明哪些没有核对，审核人才知道还要看什么。

    **错误示例**：表头“一级指标 | 二级指标 | 三级指标 | 年初指标值 | 年终完成值 | 自评分”；
    或“一级指标 | 二级指标 | 三级指标 | 年度指标值 | 全年完成值 | 未完成原因和改进措施”。

    湖北市县表分块印制：“项目决策”“项目管理”一块有分值列，“项目绩效”一块只在标题写
    分值（“项目绩效85分”“产出指标40分”“数量指标15分”），两块按一张表读取，本提示写明
    有分值的指标数；有分值的各行照常核对得分不超过分值（JX401）。

    **正确示例**：表头另有“分值”列，每个三级指标写明分值。
    """
    if "weight" in table.columns or not table.indicators:
        return
    if "score" not in table.columns:
        money = "资金、执行率、" if table.fund_columns else ""  # (a money block read)
        unread = "" if money else "；没有读到项目资金栏，资金和执行率也须人工审核"
        yield finding("JX108", table.sources.get("header"),
                      f"表中既没有分值列也没有得分列，各指标分值和得分未知：已核对{money}"
                      "指标值和完成值，及未达到指标值是否说明原因；各指标得分、总分和评分等级"
                      f"无法计算和核对，须人工审核{unread}")
        return
    headed = any(heading_groups(table.indicators, level) for level in ("level1", "level2")) \
        or any("heading" in subtotal.sources and "block" not in subtotal.sources
               for subtotal in table.subtotals)  # 一级 | 一级指标分值: the 一级's own points
    blocks = [subtotal for subtotal in table.subtotals if "block" in subtotal.sources]
    if headed:
        checked = "已核对各一级、二级指标的得分之和不超过标题写明的分值，及总分和等级"
    elif blocks:  # 湖北: 年度绩效目标1（40分）, 年度绩效目标2（40分）
        stated = "、".join(f"“{block.label}”{points(block.weight)} 分" for block in blocks[:4])
        checked = f"各部分标题写明了分值（{stated}），已核对其下各指标得分之和不超过该分值，" \
                  "及总分和等级"
    else:
        checked = "一级、二级指标标题中也没有写分值，只核对了总分和等级"
    lead = "表中没有分值列，各指标分值未知"
    weighed = sum(indicator.weight is not None for indicator in table.indicators)
    if weighed:  # 湖北 市县: the 决策/管理 block has its 分值 column, the 绩效 block none
        lead = f"表中只有 {weighed} 项指标列有分值，其余 {len(table.indicators) - weighed} 项" \
               "没有分值列、分值未知"
    yield finding("JX108", table.sources.get("header"),
                  f"{lead}：{checked}；各指标得分是否符合评分规则无法核对，须人工审核")


def _merged_unread_by_formulas(table: SelfEvaluation, subtotal: Subtotal) -> str:
    """JX109's words where a template's score formulas read the rows of a merged 分值
    one by one (``merged_weight_unread``): all but the first see a blank cell; "" elsewhere."""
    members = [member for member in subtotal.members
               if merged_weight_unread(member) and jixiao_formula(table, member.sources.get("score"))]
    top = subtotal.sources.get("merged")
    if not members or top is None:
        return ""
    column = top.cell.rstrip("0123456789")
    last = max(split_ref(member.sources["score"].cell)[0] for member in members)
    shares = {member.weight for member in subtotal.members}
    each = f"各 {points(subtotal.members[0].weight)} 分" if len(shares) == 1 else \
        "、".join(points(member.weight) for member in subtotal.members) + " 分"
    return (f"“{subtotal.label}”{len(subtotal.members)} 行的分值合并写在 {top.cell}:{column}{last}"
            f"（{points(subtotal.weight)}）：模板的得分公式逐行读取本行的分值，合并后只有第一行"
            "读得到，其余各行得分显示“⚠ 分值为空”，总分和评分等级算不出，重算也不能改正："
            "请取消合并（工作表保护没有密码，可先撤消保护），在每行填写"
            f"该行的分值（如{each}，合计 {points(subtotal.weight)}）")


@check("JX109", "info", "分值合并填写")
def merged_points(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """一个分值单元格向下合并在几个三级指标上（如数量指标两行合写“20”）：按每行平均分配核对。

    这一组的分值是几行合计的，单位没有写各行怎么分，jixiao 按平均分配（20 分两行，
    每行 10 分）核对各行得分；分不尽的按 0.01 分分配，各行合计仍等于合并的分值（10 分三行：
    3.34、3.33、3.33，多出的 0.01 给单位自己得 3.34 的那一行），各行全部完成即得满 10 分；得分也合并填写的，按规则把组得分分到各行（未完成的行
    得满分照样报 JX402）。各行自填的得分有超过平均分配的（12 和 8），说明单位另有分法：
    这几行仍合用这一个分值（不报分值缺失），各行得分不与平均分配比较，而按这一组核对——
    得分合计大于合并的分值报 JX401，有未达到指标值的行而合计满分报 JX402，各行均已达到
    指标值而合计低于分值报 JX403，合计低于分值而各行都没写偏差原因报 JX405（一组扣了分，
    至少一行须说明原因）；总分按平均分配计算。

    **为什么**：审核人须知道各行的分值是推定的，不是表中写明的。

    **错误示例**：数量指标两行的分值合并写“20”。

    **正确示例**：每个三级指标各写分值（10、10）。

    jixiao 模板（撤消了工作表保护后合并的）中这是警告：模板的得分公式逐行读取本行的分值，
    合并后只有第一行读得到，其余各行得分显示“⚠ 分值为空”，总分算不出，重算也不能改正；
    提示取消合并、逐行填写分值。这些行的得分、分值合计和总分按公式实际读到的分值核对，
    不报结果过时（JX504）或得分缺失（JX406）。
    """
    for subtotal in table.subtotals:
        if "merged" not in subtotal.sources:
            continue
        unread = _merged_unread_by_formulas(table, subtotal)
        if unread:
            yield finding("JX109", subtotal.sources.get("merged"), unread, severity="warning")
            continue
        shares = {member.weight for member in subtotal.members}
        share = f"每行 {points(subtotal.members[0].weight)} 分" if len(shares) == 1 else \
            f"各行 {'、'.join(points(member.weight) for member in subtotal.members)} 分"
        merged = f"“{subtotal.label}”{len(subtotal.members)} 行的分值合并写为 " \
                 f"{points(subtotal.weight)}，各行分值未写明"
        if "split_unknown" in subtotal.sources:
            written = "、".join(points(member.score_declared) for member in subtotal.members)
            yield finding("JX109", subtotal.sources.get("merged"),
                          f"{merged}；各行得分（{written}）不是平均分配，按这 "
                          f"{len(subtotal.members)} 行的得分合计核对，总分按{share}计算")
            continue
        yield finding("JX109", subtotal.sources.get("merged"),
                      f"{merged}，按{share}核对")


@check("JX110", "warning", "隐藏行计入总分")
def hidden_row_counted(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """jixiao 模板中被隐藏的指标行填有分值、指标值或完成值：它不显示也不打印，模板的分值合计
    和总分却计入这一行。

    模板的公式（分值合计、各行得分、总分）按指标区的每一行计算，隐藏的行也不例外；
    `jixiao check` 与模板按同一规则读取，隐藏行照常作为指标核对（其他表中隐藏的行是单位
    留下的上年指标，不读取，见 docs/readings.md）。隐藏行没有分值的，模板的得分显示
    “⚠ 分值为空”，总分和评分等级算不出，本条指出就是这一行。只写了指标名称的隐藏行
    公式不计，照旧不读取。

    **为什么**：填表人看不到这一行，却不知道分值合计、总分为什么与看到的各行不符；
    隐藏的若是上年的指标，它被算进了本年的总分。

    **错误示例**：把上年的指标“老旧管网改造长度（上年指标）| ≥8公里 | 8.2公里 | 5”隐藏在
    表中，看到的各行分值合计 95，模板的分值合计却是 100。

    **正确示例**：上年的指标整行清空或删除；本年的指标不隐藏。
    """
    for key, source in table.sources.items():
        if not key.startswith(HIDDEN_COUNTED):
            continue
        row = int(key.removeprefix(HIDDEN_COUNTED))
        found = next(((indicator, score) for indicator, score
                      in zip(table.indicators, evaluation.scores, strict=False)
                      if any(place.sheet == source.sheet and split_ref(place.cell)[0] == row
                             for place in indicator.sources.values() if place.cell)), None)
        if found is None:
            continue
        indicator, score = found
        lead = f"第{row}行是隐藏行（“{label(indicator)}”），不显示也不打印，但模板"
        clear = "是上年的，请清空（或删除）这一行"
        if indicator.weight is not None:
            scored = f"得分 {points(score.value)}" if score.value is not None \
                else "得分算不出，总分和评分等级因此也算不出"
            yield finding("JX110", source,
                          f"{lead}的分值合计和总分计入这一行（分值 {points(indicator.weight)}，"
                          f"{scored}）：是本年的指标，请取消隐藏；{clear}")
            continue
        typed = [what for what, value in (("年度指标值", indicator.target),
                                          ("实际完成值", indicator.actual))
                 if not blank(value)]
        wanted = "、".join(["分值", *(what for what in ("年度指标值", "实际完成值")
                                     if what not in typed)])
        wanted = wanted.replace("、", "和") if wanted.count("、") == 1 else wanted
        yield finding("JX110", source,
                      f"{lead}计入这一行：它填了{'和'.join(typed) or '得分'}，却没有分值，得分显示"
                      " ⚠（分值为空），总分和评分等级因此算不出。是本年的指标，请取消隐藏并填写"
                      f"{wanted}；{clear}")


@check("JX111", "error", "分值不是两位小数")
def weight_two_decimals(table: SelfEvaluation, evaluation: Evaluation) -> Iterator[Finding]:
    """指标（或执行率）的分值多于两位小数：写成公式 =50/3（16.666…）或 33.333 的。

    得分保留两位小数，满分即分值四舍五入到两位小数：分值 16.666… 满分得 16.67，大于分值；
    三个 =50/3 全部满分，总分为 100.01。分值 33.334 满分只得 33.33，达不到分值。jixiao 合并
    分值按行平均分配的（JX109），分到各行的分值本是两位小数，不适用。

    **为什么**：得分不能大于分值（预算管理一体化系统拒收“得分不能大于分值”的表），各项全部
    满分的表总分应为 100。

    **错误示例**：产出指标 50 分，三个三级指标分值都写 =50/3。

    **正确示例**：分值写 16.67、16.67、16.66（合计 50）。
    """
    lines = [(label(i), i.weight, i.sources.get("weight")) for i in table.indicators]
    if table.execution_line:
        lines.append(("执行率", table.funds.weight, table.funds.sources.get("weight")))
    odd = [line for line in lines if line[1] is not None and line[1] > 0
           and not to_score_step(line[1])]
    if not odd:
        return
    perfect = round2(sum(round2(weight) for _, weight, _ in lines if weight is not None))
    parts = weight_parts(table)
    total = (f"，各项全部满分时总分为 {points(perfect)}"
             if parts is not None and abs(parts[2] - FULL_MARKS) <= TOLERANCE
             and abs(perfect - FULL_MARKS) > TOLERANCE else "")
    for name, weight, source in odd:
        info = table.cell(source)
        formula = f"（{info.formula}）" if info is not None and info.formula else ""
        full = round2(weight)
        marks = f"满分 {points(full)} 大于分值" if full > weight else \
            f"满分只得 {points(full)}，达不到分值"
        what = name if name == "执行率" else f"“{name}”"
        yield finding("JX111", source,
                      f"{what}的分值为 {_decimals_shown(weight)}{formula}，不是两位小数：得分保留"
                      f"两位小数，{marks}{total}；请写成两位小数，并使分值合计为 100")


def _decimals_shown(weight: float) -> str:
    """A 分值 of more than 2 decimals as it is: 33.333, 16.666… (=50/3: cut, not rounded)."""
    whole, _, decimals = f"{weight:.10f}".rstrip("0").partition(".")
    return f"{whole}.{decimals[:3]}…" if len(decimals) > 3 else f"{whole}.{decimals}"
