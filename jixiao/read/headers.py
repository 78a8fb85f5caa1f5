"""Finding the tables: a header row is found by its text, never by coordinates
(docs/domain.md §4). A row naming a 三级指标 (or 指标名称) column and a 分值 (or 权重) column
starts a table; each header cell gets a role ("name", "target", "weight" …), and the
roles found tell the layout. A header may take two rows: a cell merged down over both
heads its column in each, and a cell merged across names the columns under it; where a
converted PDF lost those merges, the two rows' roles are combined column by column.

    standard     一级 | 二级 | 三级 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因…,
                 the money block above it, with or without 全年预算数;
                 二级 may carry its points, "数量指标 (20 分)"
    sichuan      … 指标性质 | 指标值 | 度量单位 | 权重 | 实际完成指标值, often no 得分
    attachment   评分附件表: 一级 | 三级 | 权重 | 目标值 | 业绩值 | 评分结果, with
                 预算执行率 as an indicator row and the money maybe on another sheet
    third_party  第三方评价指标体系: 决策/过程/产出/效益, 分值 and 得分 per 三级指标

Where a header's words and its columns disagree, what is written under them decides
(``_by_the_data``: 河北's 符号 | value | 单位, 指标分值 over explanations, 折算得分).

The money block's column roles (``fund_role``) live here too: 全年预算数, 执行数, 执行率 …

(Over 400 lines: the two blocks' header words and the layouts they tell, one vocabulary.)
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from jixiao import levels
from jixiao.model import states_rule_only, unexplained
from jixiao.parsing import heading_points, is_bare_sign, names_part_of_year
from jixiao.read.grid import Grid, points
from jixiao.read.roles import is_placeholder
from jixiao.read.statements import YEAR_NAMED

# How a row is scored (得分计算方法, 评分标准, 计分办法 …): a word of scoring followed by one
# of method or standard names a description of the score, never the score (北京 2016:
# 得分计算方法 left of 得分), in the indicator block and the money block alike.
_SCORING = ("得分", "评分", "计分", "打分", "记分", "赋分", "给分", "扣分")
_SCORING_MEANS = ("方法", "办法", "方式", "标准", "依据", "细则", "要点", "规则", "公式", "原则",
                  "口径")
_SCORING_METHODS = tuple(f"{scoring}{how}{means}" for scoring in _SCORING
                         for how in ("", "计算") for means in _SCORING_MEANS)
# Of those, the ones stating a rule (评分标准, 计分办法, 得分计算方法, 评分细则), not its
# basis (得分依据, 评分要点, 计分口径): kept per row as the row's own rule (``method``)
_STATED_METHODS = tuple(method for method in _SCORING_METHODS
                        if not method.endswith(("依据", "要点", "口径")))
# A score's share of the 分值 (重庆 部门整体: 得分系数（%） | 指标权重（分） | 指标得分（分）,
# 100 % for full marks): 得分 = 分值 × 系数, a ratio and never the score itself.
# Beside a 得分 column it is ignored; without one it gives the score (``read.deductions``).
_SCORE_SHARES = ("得分系数", "得分率", "得分比例", "得分比率", "评分系数", "得分占比")
_COEFFICIENTS = (*_SCORE_SHARES, "完成系数", "达成系数")
# 扣分, 扣分值, 扣减分值 (分值 | 扣分 | 得分, or no 得分: 分值 − 扣分 is the score): the points
# deducted, never the 分值 their 分值 says (扣分原因, 扣分标准 are read before: texts)
_DEDUCTIONS = ("扣分", "扣减分", "扣除分")
# 扣分及原因, 扣分情况说明, 扣分事由: a deduction's words with a reason's name the text
# explaining it, a reason column (扣分情况 alone stays the 扣分 column its numbers make it)
_EXPLAINED = re.compile("原因|说明|理由|依据|事由")
_SCORED_POINTS = ("得分数", "自评分数", "评价分数", "实得分数", "考核分数", "评定分数", "评审分数",
                  "实际分数", "最终分数", "得分值", "自评分值")
# A score column's header after the 分值's words (自评分, 评价得分, 评分结果), in the
# indicator block and the money block alike: the money's 自评得分 is its 执行率得分
_SCORE_WORDS = ("得分", "评分结果", "评价得分", "自评得分", "评分")
# A column of last year's figures beside this year's (上年得分 | 得分): a header naming
# the year before is never one of this year's columns
_LAST_YEAR = ("上年", "去年", "上一年", "上年度")
# First match wins: specific words before the words they contain.
_INDICATOR_ROLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    # 复核分, 复核得分 (湖北 市县 form, beside 自评分): the 财政 reviewer's, never the unit's;
    # 上年得分, 上年完成值 (last year's, kept beside for comparison): never this year's
    ("ignore", ("复核", *_LAST_YEAR)),
    ("judged", ("人工评分",)),
    ("reason", ("扣分说明", "扣分理由", "得分说明", "评分说明", "偏差说明", "偏差分析", "存在问题",
                "整改措施", "得分理由", "评分理由", "打分理由", "打分说明", "计分说明", "得分原因",
                "扣分原因", "得分情况说明", "评价意见", "评价说明", "评价情况")),  # before 得分/评分:
    # a text (an evaluator's 评价意见 says why a row lost points, as a 得分说明 does)
    ("method", _STATED_METHODS),  # 评分标准: the row's own scoring rule, a text
    ("ignore", (*_SCORING_METHODS, "指标解释", "指标说明", "评价要点", "是否达成", "备注", "序号",
                "测算依据")),  # 三级指标测算依据 (发改 中央预算内投资): how, not the name
    # the 一级's (二级's) own points and score in columns of their own beside it (一级指标 |
    # 一级指标分值 | 一级指标得分); the 三级's are the indicator's (三级指标分值 | 三级指标得分)
    ("level1_weight", ("一级指标分值", "一级指标权重", "一级分值", "一级权重")),
    ("level2_weight", ("二级指标分值", "二级指标权重", "二级分值", "二级权重")),
    ("level1_score", ("一级指标得分", "一级得分")),
    ("level2_score", ("二级指标得分", "二级得分")),
    ("weight", ("三级指标分值", "三级指标权重", "三级分值", "三级权重")),
    ("score", ("三级指标得分", "三级得分")),
    ("level1", ("一级指标", "指标类别")),  # 指标类别: 一级 and 二级 in one cell (产出指标-数量指标)
    ("level2", ("二级指标",)),
    ("deepest", ("四级指标",)),  # 一级 | 二级 | 三级 | 四级 (2017 score sheets): the name
    ("name", ("三级指标", "指标名称", "指标内容", "具体指标")),
    ("sign", ("符号", "运算符", "比较符", "关系符", "指标方向")),  # ≥ ≤ …, 正向/反向
    ("nature", ("指标性质",)),
    ("unit", ("度量单位", "计量单位")),
    ("target", ("计划完成值", "计划完成数", "预期完成值")),  # before 完成值: what was planned
    # 全年实际完成, 实际完成量, 实际数, 完成数: what was done, in any of its words;
    # 实际指标值 (预期指标值 | 实际指标值) before the 指标值 it holds, which is the target's
    ("actual", ("实际完成指标值", "完成指标值", "实际指标值", "实际完成值", "全年完成值", "全年实际值", "实际完成数",
                "业绩值", "实际值", "完成值", "完成情况", "执行情况", "达成值", "实际达到", "实现情况",
                "实现值", "实际完成", "实际数", "完成数")),
    # 年度计划数, 全年计划数, 计划目标: what was planned
    ("target", ("年度指标值", "全年指标值", "预期指标值", "年度目标值", "指标值", "目标值",
                "计划值", "年度目标", "预期目标", "计划数", "计划目标", "计划指标", "目标数",
                "全年目标", "年初目标", "年度计划", "目标任务")),
    ("score_share", _SCORE_SHARES),  # before 得分: 得分系数（%） is the share of the 分值
    ("ignore", _COEFFICIENTS),  # 完成系数: no score
    ("deduction", _DEDUCTIONS),  # before 分值: 扣减分值
    ("score", _SCORED_POINTS),  # before 分数/分值: 自评分数, 得分值 are the score, 分数 the 分值
    ("weight", ("分值", "权重", "标准分", "分数", "满分")),
    ("ignore", ("系数",)),  # after 权重: 权重系数 is the 分值, 系数（%） a share of it
    ("score", _SCORE_WORDS),
    ("reason", ("原因", "改进措施", "情况说明")),
    # the target in fewer words, after every other role's ("年度指标得分" is the score)
    ("target", _FEWER_WORDS_TARGET := ("年度指标", "年度绩效目标", "预期值", "绩效目标")),
    ("other_name", ("评价指标", "考核指标", "评价内容", "考核内容")),  # the 三级 where none else is
)
# Who scored: the 自评表 is the unit's own scoring (单位自评); a reviewer's column beside
# it (主管部门评分, 财政评价, 审核得分, 专家评分; 复核 is never read) holds another's. Of two
# score columns the unit's own is the score (自评 before a score naming nobody, 得分,
# before a reviewer's), in any order; a reviewer's column alone stays the score (a
# 财政评价 sheet's).
_SELF_SCORED = "自评"
# The unit's own 自评 by the unit's name alone (自评, 单位自评, 本单位自评, 部门自评,
# 部门（单位）自评 — NFKC makes its brackets ASCII): under a 得分 merged across its
# columns the unit's own score (``_own_under_score``); not 自评扣分 (the deduction)
_OWN_SELF_SCORED = re.compile(
    rf"(?:(?:本|项目|实施)?(?:部门|单位)(?:[(（](?:部门|单位)[)）])?)?{_SELF_SCORED}")
_REVIEWERS = ("主管", "财政", "审核", "复核", "专家", "第三方", "评审", "评价组")


# 评价得分, 评审得分 (a 第三方评价 score table: 分值 | 评分标准 | 评价得分 | 单位自评分, or
# 单位自评分 | 评价得分): the evaluation's own score is the result the table reports, the
# unit's beside it what the unit claimed — the 评价得分 is the score in either order. Left
# blank under its header (a 自评表's column for whoever evaluates next) it gives way to the
# unit's own (``_unscored_evaluation``).
_EVALUATION_SCORED = re.compile(r"(?:评价|评审)(?:得分|分数|评分|分)")
_REVIEWER_RANK = 3


def _scorer_rank(text: str) -> int:
    """0 for a header naming the evaluation's score (评价得分, 评审得分), 1 for the unit's
    own (自评得分, 单位自评), 2 for one naming nobody (得分, 评分结果), 3 for a reviewer's
    (主管部门评分, 财政评价)."""
    if _EVALUATION_SCORED.match(text):
        return 0
    if any(word in text for word in _REVIEWERS):
        return _REVIEWER_RANK
    return 1 if _SELF_SCORED in text else 2


def _own_score_first(current: str, text: str) -> bool:
    """Whether a score column headed ``text`` is the score rather than the one headed
    ``current`` found before it (主管部门评分 | 自评得分: the unit's own)."""
    return _scorer_rank(text) < _scorer_rank(current)


_NO_COLUMN = ("ignore", "other_name")  # roles no column keeps as they are (other_name: _roles)
# roles that become no column of their own: 四级 → name (its 三级 → group3); a level's
# points (score) column → Header.level_weights (level_scores)
_RENAMED = ("deepest", "level1_weight", "level2_weight", "level1_score", "level2_score")
_EXACT_ROLES = {"单位": "unit", "指标": "name", "目标": "target", "说明": "reason",
                "一级": "level1", "二级": "level2", "三级": "name", "实际完成": "actual"}

_FUND_TOTAL = "资金总额"
# The budget as 转移支付 and investment forms name it, by what was allotted, approved or
# planned (下达资金, 预算下达数, 批复金额, 计划投资), or by the year alone (年度预算数, 预算资金):
# A only where no column names the year's budget after its changes (``names_an_allotment``)
_ALLOTTED_BUDGET = ("预算资金", "年度预算", "下达数", "下达资金", "批复金额", "批复数", "计划投资")
_YEARS_BUDGET = re.compile("全年预算|调整后|调整预算")  # 全年预算数, 调整后预算数, 调整预算数
_FUND_ROLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ignore", _LAST_YEAR),  # 上年执行数, 上年预算数: last year's amounts for comparison
    ("reason", ("原因",)),  # "执行率偏低原因说明" is no 执行率 column
    ("ignore", _SCORING_METHODS),  # 得分 | 得分计算方法: how the 得分 is computed
    ("ignore", _COEFFICIENTS),  # 得分系数: a share of the 分值, no 得分
    # what was planned at the start of the year: not A where the year's budget is given
    ("initial", ("年初预算数", "年初预算", "年初安排", "年初批复")),
    ("ignore", ("追加", "调减", "调增", "调整数", "调剂")),  # 追加（调减）预算数: a change, not A
    # the 执行率's points and score named after it (重庆: 执行率权重 | 执行率得分（分）)
    ("weight", tuple(f"执行率{word}" for word in ("权重", "分值", "分数", "满分"))),
    ("score", ("执行率得分", "执行率评分", "执行率自评得分")),
    # a time-schedule benchmark (序时进度执行率, 序时支出进度, 时间进度): the share of the year
    # gone (100 % at its end), not 全年执行数 ÷ 全年预算数 — no 执行率 column
    ("ignore", ("序时", "时间进度")),
    # 预算执行进度(%) (河北): the rate as written; 转移支付 forms name it by what was spent
    # or paid of the money (支出率, 支付进度, 资金使用率)
    ("rate", ("执行率", "执行进度", "支出率", "支出进度", "支付率", "支付进度", "使用率")),
    # what arrived (预算资金到位数, 下达资金到位数): neither A nor B, whatever budget it names
    ("ignore", ("预算资金到位", "下达资金到位", "批复资金到位", "下达到位")),
    ("budget", ("计划完成投资",)),  # the investment planned: A, not the 完成投资 B
    # B: what was spent; 决算数 is the amount the year's final accounts give
    ("executed", ("全年执行数", "全年执行", "实际执行数", "执行数", "实际支出", "支出数", "执行金额", "支出金额",
                  "实际执行", "决算",
                  # 国库集中支付 wording of the 一体化 systems: what was paid out, used
                  "支付数", "实际支付", "全年支付", "拨付数", "实际拨付", "使用数", "实际使用",
                  "已使用", "全年完成数",
                  # 转移支付 and investment forms: 支出资金, 已拨付资金, 完成投资 (到位资金 is
                  # what arrived, neither A nor B); what was passed on (拨付) is B only where
                  # no column names what was spent (``names_a_payout``)
                  "支出资金", "已支出", "资金支出", "累计支出", "拨付资金", "完成投资")),
    # A: the year's budget after its changes (预算安排数, 调整后预算 …); the year's 资金总额
    # is the same side of the 执行率 (四川: 年度资金总额（万元） | 120 | 全年执行数 | 114), where
    # no column names the budget itself (``names_the_total``); 转移支付 and investment forms
    # name it by what was allotted or approved (``_ALLOTTED_BUDGET``)
    ("budget", ("全年预算数", "调整后预算", "调整预算数", "预算数", "全年预算", "批复预算",
                "预算金额", "预算安排", *_ALLOTTED_BUDGET, _FUND_TOTAL)),
    ("score", _SCORED_POINTS),
    ("weight", ("分值", "分数", "权重")),
    ("score", _SCORE_WORDS),
    ("reason", ("说明", "备注")),  # 备注 beside the money line: the 执行率's reason written there
)


_RolePatterns = tuple[re.Pattern[str], tuple[tuple[str, re.Pattern[str]], ...]]


def _patterns(roles: tuple[tuple[str, tuple[str, ...]], ...]) -> _RolePatterns:
    """A pattern finding any word of any role, and each role's own, in the roles' order."""
    def any_of(words: Iterable[str]) -> re.Pattern[str]:
        return re.compile("|".join(re.escape(word) for word in words))

    return (any_of(word for _, words in roles for word in words),
            tuple((role, any_of(words)) for role, words in roles))


# Over the project's years (multi-year and continued projects: 实施期指标值, 中期目标,
# 累计完成值（截至2024年底）; 项目总投资 | 累计执行数 in the money block): beside a column of
# the same role that names none of these, that one holds the year's own value, in either
# order — the form scores the year. An adjustment (中期调整指标值) is the year's.
_OVER_YEARS = ("累计", "总投资", "以前年度", "实施期", "历年", "中期", "总体", "整体", "项目期",
               "全周期")


# A range of years (2024-2026年度指标值, 2024年至2026年): the 实施期's, over the years
_YEAR_RANGE = re.compile(r"(?:19|20)\d{2}年?[-－—–~～至到](?:19|20)\d{2}(?!\d)年?")


def over_years(text: str) -> bool:
    """Whether a header names a value over the project's years rather than the year's."""
    return (any(word in text for word in _OVER_YEARS) or _YEAR_RANGE.search(text) is not None) \
        and "调整" not in text


# Words of a text about the value (完成情况, 完成情况及偏差原因分析, 完成情况分析及改进措施):
# its header names the 完成值's role but its column holds no value — a column over the
# years gives way only to the year's own value column (全年完成值, 实际完成数)
_ABOUT_THE_VALUE = ("情况", "说明", "分析", "原因", "措施")
# …and a text about the value that gives the reason (完成情况及偏差原因分析) beside the
# 完成值's own column is the reason column
_GIVES_THE_REASON = re.compile("原因|措施")


def _names_the_value(text: str) -> bool:
    """Whether a header of the 指标值's or the 完成值's role names the value itself
    (全年完成值, 年度指标值), not a text about it (完成情况, 完成情况分析及改进措施)."""
    return not any(word in text for word in _ABOUT_THE_VALUE)


def _gives_way(over: str, text: str, year: int | None = None) -> bool:
    """Whether a column headed ``over`` gives way to one headed ``text`` of the same
    role: ``over`` names a value over the project's years (累计完成值, 实施期指标值),
    ``text`` the year's own value (全年完成值, 年度指标值); or ``over`` names part of the
    year (运行监控's 1-6月完成值, 半年完成值（截至6月30日）, 前三季度完成值: ``parsing.
    names_part_of_year``, where 1-12月 is the year), ``text`` the whole year's; or ``over``
    names a year before ``year`` (the header row's: ``_row_year``), ``text`` none before it;
    or ``over`` names a year other than ``year`` (or any, ``year`` unknown), ``text`` none
    (2023年完成值 | 年度指标值 | 实际完成值: the plain one is the year's). Either order."""
    earlier = _before(over, year) and not _before(text, year)
    another = year not in (named := _years(over)) and bool(named) and not _years(text)
    return (over_years(over) or names_part_of_year(over, header=True) or earlier or another) \
        and not over_years(text) and not names_part_of_year(text, header=True) \
        and _names_the_value(text)


# A value column naming its year by the number (2023年完成值 | 2024年度指标值 | 2024年实际
# 完成值): the table's year is the latest the 完成值 headers name where each names one (2024年
# 指标值 | 2025年指标值 | 2024年完成值: 2025 is next year's target), else the latest the other
# value headers name (2023年完成值 | 2024年度指标值 | 实际完成值): a 完成值 naming no year beside
# one naming a year is the table's year's, the other another year's (2023年完成值 | 年度指标值 |
# 实际完成值: no year known, 2023 not the table's); a range (2024-2026年度指标值) is over the
# years (``over_years``), no year of its own. A column naming another year than the table's
# holds that year's figures (as 上年完成值 does) and gives way to one of its role naming the
# table's year or none. Alone in its role it is read (a header copied from last year's). The
# year the title gives decides where the headers leave it open (``the_years_actual``).
def _row_year(texts: Iterable[str]) -> int | None:
    """The table's year the value headers (指标值, 完成值) among ``texts`` name by its number."""
    values = [text for text in texts if indicator_role(text) in _VALUES]
    actuals = [text for text in values if indicator_role(text) == "actual"]
    named = [text for text in actuals if _years(text)]
    if actuals and len(named) == len(actuals):
        values = actuals
    elif named:  # beside a plain 实际完成值: another year's, the table's year not theirs
        values = [text for text in values if text not in named]
    return max((found for text in values for found in _years(text)), default=None)


def _years(text: str) -> list[int]:
    """The years a header names by the number, not in a range of years (2024-2026年)."""
    return [int(found) for found in YEAR_NAMED.findall(_YEAR_RANGE.sub("", text))]


def the_years_actual(grid: Grid, header: Header, year: int | None) -> None:
    """Once the table's year is known (its title, its 年度 line): of the 完成值 columns
    its header row names, one naming that year by its number is the year's, and a plain
    one (实际完成值) beside one naming another year — what the header row alone could not
    tell (2023年完成值 | 年度指标值 | 实际完成值 under a 2023 title: the 2023 column; under a
    2024 one, or 2023年度指标值 copied beside it: 实际完成值). Sets ``header``'s 完成值 column."""
    actual = header.columns.get("actual")
    if year is None or actual is None:
        return
    rows = range(header.top, header.row + 1)
    first, last = min(header.columns.values()), max(header.columns.values())
    candidates: dict[int, list[int]] = {}  # column → the years its header names
    for column in grid.rows.get(header.row, ()):
        if not first <= column <= last or column in grid.hidden_columns and column != actual:
            continue  # another table's beside it; a hidden one (last year's)
        for row in rows:
            text = grid.texts.get((row, column), "")
            if indicator_role(text) == "actual" and _names_the_value(text) \
                    and not over_years(text) and not names_part_of_year(text, header=True) \
                    and not _explains(text):
                candidates[column] = _years(text)
                break
    if actual not in candidates or year in candidates[actual]:
        return
    own = next((column for column, years in candidates.items() if year in years), None)
    plain = next((column for column, years in candidates.items() if not years), None)
    if own is not None:
        header.columns["actual"] = own
    elif candidates[actual] and plain is not None:
        header.columns["actual"] = plain


def _before(text: str, year: int | None) -> bool:
    """Whether a header names a year before ``year`` by its number (2023年完成值)."""
    return year is not None and any(found < year for found in _years(text))


_INDICATOR_WORDS = _patterns(_INDICATOR_ROLES)
_FUND_WORDS = _patterns(_FUND_ROLES)
_UNIT_SUFFIX = re.compile(r"[(（][^)）]*[)）]$")


def _role(text: str, words: _RolePatterns) -> str | None:
    any_word, roles = words
    if not any_word.search(text):  # most cells; then not in the text shortened below either
        return None
    text = _UNIT_SUFFIX.sub("", text) or text  # "全年预算数(A)", "执行率(%)"
    for role, pattern in roles:  # in order: the first role with a word in the text
        if pattern.search(text):
            return role
    return None


# A level heading row's text as an export writes it (一级指标：产出指标, 二级指标:数量指标):
# the level's header word, a colon, and the level's name — no header cell; with a space
# for the colon (一级指标 产出指标, compacted 一级指标产出指标) only before a level's own
# name (a header's 三级指标名称 or 二级指标内容 stays a header)
_LEVEL_NAMED = re.compile(r"[一二三]级(?:指标)?[:：](?P<name>.+)")
_LEVEL_SPACED = re.compile(r"[一二三]级指标(?P<name>.+)")


_HEADER_LENGTH = 20  # characters at most of a header's own words: longer is a sentence
# A header's name followed by a bracketed instruction to the clerk (偏差原因分析（未完成或
# 大幅超额完成的须说明）, 实际完成值（截至2024年12月31日的实际完成数）): the leading words
# name the column, however long the note
_NOTED = re.compile(r"(?P<name>[^(（]+?)\s*[(（][^()（）]*[)）]")


@functools.lru_cache(maxsize=16384)
def indicator_role(text: str) -> str | None:
    if len(text) > _HEADER_LENGTH:
        noted = _NOTED.fullmatch(text)
        if noted is None or len(noted.group("name")) > _HEADER_LENGTH:
            return None  # a sentence, not a header
        text = noted.group("name")
    named = _LEVEL_NAMED.fullmatch(text)
    if named is not None and indicator_role(named.group("name").strip()) is None:
        return None  # 一级指标：产出指标 heads rows (一级指标 alone, or 一级指标：, a column)
    spaced = _LEVEL_SPACED.fullmatch(text)
    if spaced is not None and _level_name(spaced.group("name")):
        return None  # 一级指标 产出指标
    role = _EXACT_ROLES.get(text) or _role(text, _INDICATOR_WORDS)
    return "reason" if role == "deduction" and _EXPLAINED.search(text) else role


def _level_name(text: str) -> bool:
    """Whether ``text`` is a 一级 or 二级 name of its own (产出指标, 数量指标)."""
    return levels.is_level1_only(text) or levels.is_level2_only(text)


@functools.lru_cache(maxsize=16384)
def fund_role(text: str) -> str | None:
    return _role(text, _FUND_WORDS)


def names_the_total(text: str) -> bool:
    """Whether a budget heading names the year's 资金总额 rather than the budget itself:
    beside 调整后预算数 (四川: 年度资金总额 | 调整后预算数 | 全年执行数) the other is A."""
    return _FUND_TOTAL in text and fund_role(text.replace(_FUND_TOTAL, "")) != "budget"


def names_an_allotment(text: str) -> bool:
    """Whether a budget heading names what was allotted, approved or planned (批复金额,
    下达资金, 计划投资, 年度预算数) rather than the year's budget after its changes: beside
    全年预算数 or 调整后预算数 (批复金额 | 调整后预算数 | 全年执行数) the other is A."""
    return fund_role(text) == "budget" and any(word in text for word in _ALLOTTED_BUDGET) \
        and not _YEARS_BUDGET.search(text)


# What 转移支付 forms pass on to the counties and units (已拨付资金, 资金拨付数, 实际拨付数),
# listed beside what was spent (全年执行数, 支出资金)
_PASSED_ON = "拨付"


def names_a_payout(text: str) -> bool:
    """Whether a B heading names what was passed on to others (已拨付资金, 资金拨付数) rather
    than what was spent: beside 全年执行数 or 支出资金 (拨付资金 | 支出资金 | 支出率) the other
    is B; alone it is B."""
    return fund_role(text) == "executed" and _PASSED_ON in text


def names_a_progress(text: str) -> bool:
    """Whether a rate heading names a progress (支出进度, 预算执行进度) rather than a rate
    (执行率, 支出率): beside a rate it is a schedule's benchmark, not the rate as written
    (全年执行数 | 支出进度 | 分值 | 执行率 | 得分); alone it is the rate."""
    return fund_role(text) == "rate" and "率" not in text


# The amount a rate heading says it divides by A: 执行率 → 全年执行数, 支出率 → 支出资金,
# 支付进度 → 实际支付数, 资金使用率 → 实际使用数
_RATE_KIND = re.compile("(执行|支出|支付|使用)(?:率|进度)")


def rate_kind(text: str) -> str | None:
    """The word a rate heading names its B by (预算执行率 → 执行, 资金支出率 → 支出)."""
    found = _RATE_KIND.search(text)
    return found.group(1) if found else None


@dataclass
class Header:
    """An indicator header: its (last) row, the first data row, the column of each role."""

    row: int            # the (last) header row
    data_start: int
    columns: dict[str, int]
    top: int = 0        # the first header row (0: ``row``)
    money: int | None = None  # read: a money block's header row among the indicator rows
    # 一级 | 分值 | 二级 | 分值 | 三级 | 分值: the column of the 一级's and the 二级's points
    level_weights: dict[str, int] = field(default_factory=dict)
    # … and of their scores (一级 | 分值 | 得分 | 二级 | 三级 | 分值 | 得分)
    level_scores: dict[str, int] = field(default_factory=dict)
    # the column of a block heading under the 一级 header beside the 一级 (湖北: 项目绩效85分
    # | 产出指标40分 under 一级指标 merged over both), if any
    block: int | None = None

    def __post_init__(self) -> None:
        self.top = self.top or self.row


# Bare words under a header merged across two columns (指标值 over 年度 | 实际, over 计划 |
# 完成): which of the two values each column holds. Alone they name nothing.
_UNDER_VALUES = {"年度": "target", "全年": "target", "计划": "target", "目标": "target",
                 "预期": "target", "实际": "actual", "完成": "actual", "实际完成": "actual",
                 # 年度指标值 over 年初 | 调整后: the initial and the adjusted target
                 "年初": "target", "原定": "target", "年初设定": "target", "调整后": "target",
                 "调整": "target", "年中调整": "target", "调整后目标": "target"}

# Bare words a system export writes under a 年度指标值 (实际完成值) merged across the
# value in parts (符号 | 数值 | 计量单位, 数值 | 计量单位): the column of the value itself
_BARE_VALUE = frozenset(("数值", "值", "数量", "数字"))

_YEAR_WORDS = ("年度", "全年", "本年", "当年")
# Words of a plan: under a 完成情况 merged across 本年计划 | 本年完成 the 指标值's column; 任务
# too where the cell does not say it was done (本年任务 | 本年完成, not 本年完成任务)
_PLAN_WORDS = ("计划", "目标", "预期", "指标值")


def _under_value(text: str, head: str) -> str | None:
    """Which value a bare word under a header merged across columns (``head``) names: the
    year's under a 完成值 (实际完成值 over 累计 | 全年, 累计完成 | 本年完成, 项目累计 | 本年度,
    累计值 | 本年值) is the 完成值, not a target; the one over the years beside it none;
    the year's plan (完成情况 over 本年计划 | 本年完成, 当年计划 | 当年实际, 本年目标 | 本年完成)
    the 指标值; a bare 数值 (值, 数量) under either the value of the head's role."""
    if text in _BARE_VALUE and (role := indicator_role(head)) in _VALUES:
        return role
    if indicator_role(head) == "actual" and len(text) <= _WRAP_PIECE \
            and any(word in text for word in _YEAR_WORDS) and not over_years(text):
        planned = any(word in text for word in _PLAN_WORDS) \
            or "任务" in text and "完成" not in text
        return "target" if planned else "actual"
    return _UNDER_VALUES.get(text)


# 年度 | 实际 under a 指标值 merged across them, named as their column in full
_IN_FULL = {"target": "指标值", "actual": "完成值"}

_HEADER_DEPTH = 3  # header rows at most: a cell merged down from further up heads no column


def header_at(grid: Grid, row: int) -> Header | None:
    """The indicator header in ``row`` (with header cells merged down into it from the rows
    above, and a second header row below it, if any) — or over ``row`` and the next, where
    a converted PDF put the second line of each wrapped header cell in a row of its own
    ("年度指标" / "值", "一级指" / "标")."""
    texts = grid.texts
    cells = grid.rows.get(row, ())
    if not any(indicator_role(texts.get((row, column), "")) for column in cells):
        return None  # most rows: no header word at all
    own = {column: texts.get((row, column), "") for column in cells}
    if grid.hidden_columns:
        own = _shown_first(own, grid.hidden_columns)
    own = _names_block(grid, own)
    own = _block_label_spread(grid, row, own)
    own, under_across = _values_under_across(grid, row, own)
    header = _header(grid, row, _roles(own))
    if header is not None and under_across and header.top == row:
        header.top = row - 1  # the 指标值 over 年度 | 实际 is the header's first row
    if header is None or not {"target", "actual"} <= set(header.columns):
        joined = wrapped_texts(grid, row, own)
        if joined is not None:
            wrapped = _header(grid, row, _roles(joined), wrapped=True)
            if wrapped is not None and (header is None
                                        or len(wrapped.columns) > len(header.columns)):
                return wrapped
        return _two_rows(grid, row, own, header) or header
    elif (joined := wrapped_texts(grid, row, own, rests_only=True)) is not None:
        # 年度指标 / 值, 实际完成 / 值: words that name their column before the rest below
        wrapped = _header(grid, row, _roles(joined), wrapped=True)
        if wrapped is not None and set(wrapped.columns) >= set(header.columns):
            return wrapped
    return header


def _values_under_across(grid: Grid, row: int, own: dict[int, str]
                         ) -> tuple[dict[int, str], bool]:
    """``own`` with 年度 | 实际 (计划 | 完成, 年初 | 调整后) under a 指标值 merged across
    their columns in the row above named in full (年度指标值 | 实际完成值), and whether any
    was: where the header's names stand in this row, not in the 指标值's (绩效指标 merged
    across 一级 | 二级 | 三级 over them), this row is the header's last and its own words
    say which value each column holds. A header whose 一级 | 二级 | 三级 stand in the
    指标值's row reads them as the row under it (``_header``)."""
    named = dict(own)
    for column, text in own.items():
        head = grid.origin.get((row - 1, column))
        role = _under_value(text, grid.texts.get(head, "")) if head else None
        if role is None or head is None or head[0] != row - 1 \
                or not grid.is_merged_span(*head) \
                or indicator_role(grid.texts.get(head, "")) not in ("target", "actual"):
            continue
        named[column] = text + _IN_FULL[role]
    return named, named != own


_LEFT_OF_NAMES = frozenset({"target", "initial_target", "actual", "weight", "score", "reason",
                            "measures"})  # roles a header names right of its 三级, never left


def _names_block(grid: Grid, own: dict[int, str]) -> dict[int, str]:
    """A header row's texts less those left of its 三级指标's block of columns, an empty
    column between (empty from top to bottom), where they name a column that stands right
    of the names in a table (指标值, 完成值, 分值, 得分, 偏差原因): they head another block
    — the money block's 全年预算数 | 分值 | 得分, the 年度总体目标's 预期目标 | 实际完成情况 —
    beside which the unit put a 绩效目标 list (一级 | 二级 | 三级 | 指标值, no 完成值,
    分值 or 得分) on the same row; read together, the list took their 分值 and 得分 and
    the table beside it lost its money. An empty column inside a table's header (a
    column inserted) leaves the 一级 or 二级 left of it the header's."""
    names = [column for column, text in own.items()
             if indicator_role(text) in ("name", "deepest", "other_name")]
    if not names:
        return own
    used = grid.used_columns()
    empty = [column for column in range(min(own), min(names)) if column not in used]
    if not empty:
        return own
    gap = max(empty)
    return {column: text for column, text in own.items()
            if column > gap or indicator_role(text) not in _LEFT_OF_NAMES}


_SPREAD = {1: ("三级指标",), 2: ("一级指标", "三级指标"), 3: ("一级指标", "二级指标", "三级指标")}


def _block_label_spread(grid: Grid, row: int, own: dict[int, str]) -> dict[int, str]:
    """A header row whose only word for the indicators' columns is 绩效指标 (one header
    row, no 一级/二级/三级 under it): merged across three columns, they are 一级 | 二级 |
    三级 (two: 一级 | 三级); alone, the names' column (a Word table's 绩效指标 | 年度指标值
    | …, the levels written as heading rows). ``own`` as it is in any other row."""
    label = next((column for column, text in own.items() if text == "绩效指标"), None)
    if label is None or any(indicator_role(text) in ("name", "level1", "level2", "deepest")
                            for text in own.values()) \
            or not any(indicator_role(text) in ("target", "actual", "weight")
                       for column, text in own.items() if column > label):
        return own
    if any(indicator_role(grid.texts.get((row + 1, column), "")) in ("name", "level1", "level2")
           for column in grid.rows.get(row + 1, [])):
        return own  # 一级指标 | 二级指标 | 三级指标 in the row below: 绩效指标 labels them
    span = 1
    while grid.origin.get((row, label + span)) == (row, label):
        span += 1
    if span > 1 and grid.origin.get((row + 1, label)) == (row, label):
        return own  # merged down too: labels the block over a second header row
    spread = dict(own)
    names = _SPREAD.get(span, (*_SPREAD[3][:2], *[""] * (span - 3), "三级指标"))
    for offset, name in enumerate(names):
        spread[label + offset] = name
    return spread


def hidden_duplicates(grid: Grid, row: int) -> dict[int, int]:
    """The hidden columns of a header row passed over for a shown column of the same role,
    each with that shown column (调整前指标值 hidden beside 指标值). A column no table reads
    (上年完成值, 序号) is none: hidden or shown, it is not read."""
    own = {column: grid.texts.get((row, column), "") for column in grid.rows.get(row, [])}
    kept = _shown_first(own, grid.hidden_columns)
    shown: dict[str | None, int] = {}
    for column, text in own.items():
        if column not in grid.hidden_columns:
            shown.setdefault(indicator_role(text), column)
    return {column: shown[role] for column, text in own.items()
            if column not in kept and (role := indicator_role(text)) not in (None, *_NO_COLUMN)}


def _shown_first(own: dict[int, str], hidden: frozenset[int]) -> dict[int, str]:
    """The header texts less a hidden column's whose role a shown column also has: a unit
    reusing last year's sheet inserts this year's 实际完成值 and hides last year's, under
    the same header; Excel shows and prints only the new one. A hidden column alone in
    its role is still read."""
    shown = {indicator_role(text) for column, text in own.items() if column not in hidden}
    return {column: text for column, text in own.items()
            if column not in hidden or indicator_role(text) not in shown}


_TARGET_PARTS = ("nature", "sign", "target", "unit")  # the 指标值 written in parts


def _two_rows(grid: Grid, row: int, own: dict[int, str], alone: Header | None
              ) -> Header | None:
    """The header over ``row`` and the next whose merges a conversion lost: 绩效指标 | | |
    年度指标值 … above 一级指标 | 二级指标 | 三级指标, or 指标值 | (empty) above 年度 | 实际.
    The next row holds header words only, none merged and not a header by itself, each
    under a cell of ``row`` that names no column (or the same one, or — under 年度指标值 —
    a part of the target: 指标性质 | 指标值 | 度量单位, 丽江); the two rows' roles,
    column by column, make a full header that ``row`` alone (``alone``) does not."""
    below = grid.rows.get(row + 1)
    if not below:
        return None
    values, texts = grid.values, grid.texts
    if any(isinstance(values.get((row, column)), (int, float)) for column in own):
        return None  # a row of numbers is an indicator's (湖北: its block label written on
        # each row, 年度绩效目标1（40分）, over the block header printed again)
    combined = dict(own)
    under: dict[str, int] = {}  # 年度 | 实际 under the 指标值 whose merge was lost
    for column in below:
        if not isinstance(values.get((row + 1, column)), str) or (row + 1, column) in grid.origin \
                or (row + 1, column) in grid.formulas:
            return None  # a number or a formula: a first indicator row
        text = texts[(row + 1, column)]
        role = indicator_role(text)
        above = indicator_role(own.get(column, ""))
        if role is None:
            role = _value_under_lost_merge(own, column, text)
            if role is None:
                return None  # a note, an indicator's name: no second header row
            under.setdefault(role, column)
        elif above in (None, *_NO_COLUMN) or (above == "target" and role in _TARGET_PARTS):
            combined[column] = text  # 年度指标值 over 指标性质 | 指标值 | 度量单位: its parts
        elif above != role:
            return None  # two header rows of their own
    lower = _roles({column: texts[(row + 1, column)] for column in below})
    if {"name", "weight"} <= set(lower):
        return None  # the next row is the header, ``row`` something above it
    if any(grid.origin.get((row + 1, column)) == (row, column) for column in own):
        return None  # merged down from ``row``: read from the next row (_merged_down)
    columns = _roles(combined)
    for role, column in under.items():
        columns.setdefault(role, column)
    if not ({"target", "actual"} <= set(columns) or "score" in columns) or (
            alone is not None and set(columns) <= set(alone.columns)):
        return None
    return _header(grid, row, columns, wrapped=True)


def _value_under_lost_merge(own: dict[int, str], column: int, text: str) -> str | None:
    """年度 (计划) or 实际 (完成) under an unmerged 指标值 or the empty cell beside it — the
    merge across the two was lost: which value the column holds; else None."""
    role = _UNDER_VALUES.get(text)
    head = column
    while role is not None and head > column - 2 and not own.get(head):
        head -= 1  # the empty cell right of the 指标值
    if role is None or indicator_role(own.get(head, "")) != "target" or own.get(head + 1):
        return None
    return role


_ADJUSTED = ("调整", "全年", "年中", "变更", "修订")
_INITIAL = ("年初", "原", "计划", "预期", "设定")


def adjusted_target(first: str, second: str) -> bool:
    """Whether of two target columns the second (调整后指标值, 全年目标, 年中调整) holds
    the year's target as adjusted and the first (年度指标值, 年初目标, 原定) the initial one."""
    def says(text: str, words: tuple[str, ...]) -> bool:
        return any(word in text for word in words) and "调整前" not in text
    return (says(second, _ADJUSTED) and not says(first, _ADJUSTED)) \
        or (says(first, _INITIAL) and not says(second, _INITIAL) and "年初" in first)


_BESIDE = 4  # columns at most from the 偏差原因 to a second reason column (改进措施, 备注)


def _second_reason(role: str | None, columns: dict[str, int]) -> bool:
    """Whether a reason column comes after another (未完成原因分析 | 改进措施): the clerk may
    explain in either, so it is read as ``measures``."""
    return role == "reason" and "reason" in columns


_VALUES = ("target", "actual")
# What a header adds to 指标值 or 完成值 when its column explains the value, not holds it:
# 指标值设定依据, 指标值来源, 完成值数据来源, 实际完成情况说明, 实际完成值佐证材料 …
_EXPLAINING = re.compile("说明|依据|来源|佐证|证明|计算方法|测算方法")


def _explains(text: str) -> bool:
    """Whether a header naming the 指标值 or the 完成值 heads an explanation of it: beside
    the value's own column (年度指标值, 实际完成值), before it or after, it is not the
    value's; alone, its column is read as the value's (as before)."""
    return bool(_EXPLAINING.search(_UNIT_SUFFIX.sub("", text) or text))


def _roles(texts: dict[int, str]) -> dict[str, int]:
    """Column of each role the header texts of a row name (column → text)."""
    columns: dict[str, int] = {}
    weights, scores = [], []
    year = _row_year(texts.values())
    for column, text in texts.items():
        role = indicator_role(text)
        if role == "weight":
            weights.append(column)
        elif role == "score":
            scores.append(column)
        if _second_reason(role, columns) and column - columns["reason"] <= _BESIDE:
            # beside the first (a 偏差原因 further right is another block's: an example's)
            columns.setdefault("measures", column)
        if role in _VALUES and role in columns and _explains(text):
            continue  # 年度指标值 | 指标值调整说明: the value's column is the first
        if role and role != "ignore" and role not in columns:
            columns[role] = column
        elif role in _VALUES and _gives_way(texts[columns[role]], text, year):
            # 实施期指标值 | 年度指标值, 累计完成值 | 全年完成值, 2023年完成值 | 2024年实际完成值:
            columns[role] = column  # the year's
        elif role == "actual" and "reason" not in columns and _GIVES_THE_REASON.search(text):
            columns["reason"] = column  # 实际完成值 | … | 完成情况及偏差原因分析: the reason
        elif role == "score" and _own_score_first(texts[columns["score"]], text):
            columns[role] = column  # 主管部门评分 | 自评得分: the unit's own score
        elif role in _VALUES and _explains(texts[columns[role]]):
            columns[role] = column  # 指标值设定依据 | 年度指标值: the value's own column
        elif role == "target" and _fewer_words_target(texts[columns["target"]]) \
                and not _fewer_words_target(text):
            columns[role] = column  # 年度绩效目标（80分） heads the block, 年初目标值 the column
        elif role == "target" and "initial_target" not in columns \
                and adjusted_target(texts[columns["target"]], text):
            # 年初指标值 | 调整后指标值 (年度指标值 | 全年指标值): the year's target as
            # adjusted, the initial one where a row leaves it blank (no adjustment)
            columns["initial_target"], columns[role] = columns[role], column
        elif role == "actual" and _block_label(texts[columns["actual"]]) \
                and not _block_label(text):
            columns[role] = column  # 年度绩效指标完成情况 heads the block (安徽), 实际完成值 the column
    deepest = columns.pop("deepest", None)
    if deepest is not None:  # the 四级 names the row; its 三级 groups rows (or names a row alone)
        if "name" in columns:
            columns["group3"] = columns["name"]
        columns["name"] = deepest
    other = columns.pop("other_name", None)
    if other is None and "name" not in columns and "level2" in columns:
        # 一级指标 | 二级指标 | 绩效指标 | 年度指标值: right of the 二级, the 三级's name
        # (left of the 一级, 绩效指标 labels the block)
        other = next((column for column, text in texts.items()
                      if text == "绩效指标" and column > columns["level2"]), None)
    if other is not None and "name" not in columns:  # 一级 | 二级 | 评价指标 | 分值 | 得分
        columns["name"] = other
    if len(weights) > 1 and "name" in columns:  # 一级 | 分值 | 二级 | 分值 | 三级 | 分值:
        columns["weight"] = next((c for c in weights if c > columns["name"]), weights[0])
        lead = weights[0]
        if lead < columns["name"] < columns["weight"] and not {"level1", "level2"} & set(columns):
            # 项目权重 | 评价内容 | 分值 (湖北 市县 form): the points left of the names are
            # the 一级's, written in its cells (项目决策2分, 项目管理13分 merged down)
            columns["level1"] = lead
        for level in ("level1", "level2"):  # … and the 一级's and 二级's own points
            if level not in columns:
                continue
            after = next((c for c in weights if c > columns[level]), 0)
            following = min((c for c in (columns["name"], columns.get("level2", 0))
                             if c > columns[level]), default=0)  # the next level's column
            if after < following and after != columns["weight"]:
                columns[f"{level}_weight"] = after
    if len(scores) > 1 and "name" in columns:
        _level_scores(texts, columns, scores)
    return columns


def _level_scores(texts: dict[int, str], columns: dict[str, int], scores: list[int]) -> None:
    """一级 | 分值 | 得分 | 二级 | 三级 | 分值 | 得分 (第三方评价 index systems): of several
    得分 columns each belongs to the level column just before it — the one after the 三级's
    name is the indicator's (of several there, the unit's own: ``_own_score_first``), one
    after the 一级 (二级) and before the next level's column that level's own score, kept
    as ``level1_score`` (``level2_score``) to compare with its rows (JX103)."""
    name = columns["name"]
    own = [column for column in scores if column > name]
    if not own:
        return  # no score right of the names: the one found stays the score
    columns["score"] = own[0]
    for column in own[1:]:
        if _own_score_first(texts[columns["score"]], texts[column]):
            columns["score"] = column
    for level in ("level1", "level2"):
        if level not in columns:
            continue
        following = min((column for column in (name, columns.get("level2", 0))
                         if column > columns[level]), default=0)  # the next level's column
        after = next((column for column in scores if column > columns[level]), None)
        if after is not None and after < following:
            columns.setdefault(f"{level}_score", after)


_BLOCK_LABEL = re.compile(r"(?:指标|目标)完成情况")


def _block_label(text: str) -> bool:
    """Whether a header naming the 完成值 is the label of the indicator block (安徽's
    年度绩效指标完成情况 in the lead column): in a row that names the 完成值 column in
    words of its own (实际完成值), that column is the 完成值."""
    return bool(_BLOCK_LABEL.search(text))


def _fewer_words_target(text: str) -> bool:
    """Whether a header names the target only in fewer words (年度绩效目标, 年度指标), none
    of a 指标值's own (年度指标值, 目标值): in a row that has both, it heads something else
    — the block of the table (湖北: 年度绩效目标（80分） left of 一级指标)."""
    shortened = _UNIT_SUFFIX.sub("", text) or text
    return any(word in shortened for word in _FEWER_WORDS_TARGET) \
        and not _FULL_TARGET.search(shortened)


_FULL_TARGET = re.compile("|".join(
    re.escape(word) for role, words in _INDICATOR_ROLES[:-2] if role == "target" for word in words))
_WRAP_PIECE = 8  # characters at most of a wrapped header line's rest


def wrapped_texts(grid: Grid, row: int, own: dict[int, str], rests_only: bool = False
                  ) -> dict[int, str] | None:
    """The texts of ``row`` joined with the next row's where that row holds only the
    wrapped rest of them: short texts, each under a text of ``row``; else None.
    ``rests_only``: under a header whose words already name every column, each rest must
    also be shorter than the text above it and hold no digit — a first indicator row of
    short texts ("产出指标 | 数量指标 | 培训 …", "20 分") is no rest."""
    below = grid.rows.get(row + 1, [])
    if not below or any(isinstance(grid.values.get((row, column)), (int, float))
                        for column in own):
        return None  # a row of numbers (预算数 | 100 | 执行数 | 95 …) is no header's first line
    joined = dict(own)
    for column in below:
        value = grid.values.get((row + 1, column))
        text = grid.texts.get((row + 1, column), "")
        if not isinstance(value, str) or not text or len(text) > _WRAP_PIECE \
                or not own.get(column) or (row + 1, column) in grid.origin:
            return None
        if rests_only and (len(text) >= len(own[column])
                           or any(character.isdigit() for character in text)):
            return None
        joined[column] = own[column] + text
    return joined


def _header(grid: Grid, row: int, columns: dict[str, int], wrapped: bool = False
            ) -> Header | None:
    """The header of ``row`` whose own cells name ``columns`` (over it and the next row
    when ``wrapped``)."""
    texts = grid.texts
    top = row
    if "name" not in columns and "level2" in columns \
            and _names_under_level2(grid, columns["level2"], row + 2 if wrapped else row + 1):
        columns["name"] = columns.pop("level2")  # 一级指标 | 二级指标 | 年度指标值 | …
    if "name" in columns or "weight" in columns:  # a header row's half: few rows
        top = _merged_down(grid, row, columns)
    if "name" not in columns or ("weight" not in columns and not _scored_by_headings(columns)
                                 and not _points_in_names(grid, row, columns)):
        return None
    if not {"level1", "level2", "target", "actual", "score"} & set(columns):
        return None
    data_start = row + 2 if wrapped else row + 1
    below: dict[str, int] = {}
    second = not wrapped and not _indicator_values(grid, row + 1, columns)
    for column in grid.rows.get(row + 1, []) if second else []:
        # A second header row names the columns under a header merged across them
        # ("指标值" over 指标性质 | 指标值 | 度量单位), or under an empty header cell.
        if (row + 1, column) in grid.formulas:
            continue  # a computed cell (the template's ⚠ 分值为空或无效) names no column
        if _across_empty(grid, columns, column):
            continue  # another block's header (a 绩效目标 list beside the first row)
        text = texts.get((row + 1, column), "")
        above = grid.origin.get((row, column))
        spans = above is not None and above[0] == row and grid.is_merged_span(*above)
        role = indicator_role(text) or (
            _under_value(text, texts.get(above, "")) if spans and above else None) \
            or (_own_under_score(grid, above, text) if spans else None)
        if role and role not in _NO_COLUMN and (spans or (row, column) not in grid.values
                                          and (row, column) not in grid.origin):
            if role == "target" and "target" in below and "initial_target" not in below \
                    and adjusted_target(texts.get((row + 1, below["target"]), ""), text):
                below["initial_target"] = below["target"]  # 年初 | 调整后 under 年度指标值
                below["target"] = column
            elif role in _VALUES and role in below \
                    and _gives_way(texts.get((row + 1, below[role]), ""), text):
                below[role] = column  # 中期指标值 | 年度指标值 under 指标值: the year's
            elif role == "score" and "score" in below \
                    and _own_score_first(texts.get((row + 1, below["score"]), ""), text):
                below["score"] = column  # 评分 over 主管部门评分 | 单位自评分
            below.setdefault(role, column)
    if below:
        for role, column in below.items():
            if role not in columns or grid.same_merge((row, columns[role]), (row, column)):
                columns[role] = column
        data_start = row + 2
    _by_the_data(grid, columns, top, data_start)
    _actual_unit(grid, columns, range(top, data_start))
    level1 = columns.get("level1")
    if level1 is not None and any(indicator_role(texts.get((head, level1), "")) == "weight"
                                  for head in range(top, data_start)) \
            and not any(isinstance(value, str) and points(value) is None
                        for value in _written_under(grid, level1, data_start)[:1]):
        del columns["level1"]  # 项目权重 over points (15), not over 项目决策2分: no 一级
    block = _spanned_level1(grid, columns, top, data_start)
    if "reason" not in columns and {"target", "actual"} & set(columns):
        # no 偏差原因 column: the clerk explains a shortfall in the 备注 (a score sheet's
        # 备注, without 指标值 or 完成值, is an evaluator's remark, no reason column)
        remark = _remark_column(grid, columns["name"], range(top, data_start))
        if remark is not None:
            columns["reason"] = remark
    _reason_spread(grid, columns, range(top, data_start))
    _remark_beside(grid, columns, range(top, data_start))
    levels = {level: columns.pop(f"{level}_weight") for level in ("level1", "level2")
              if f"{level}_weight" in columns}
    scores = {level: columns.pop(f"{level}_score") for level in ("level1", "level2")
              if f"{level}_score" in columns}
    return Header(data_start - 1, data_start, columns, top, level_weights=levels,
                  level_scores=scores, block=block)


def _names_under_level2(grid: Grid, column: int, data_start: int) -> bool:
    """Whether a 二级 column, in a header naming no 三级 column, holds the indicators'
    names (一级指标 | 二级指标 | 年度指标值 | …, 培训农民人次 | 培训合格率 under 二级指标): two
    texts at least, each written on a row of its own (none merged down, none repeated), none
    a 一级 or 二级 category (数量指标, 社会效益, 服务对象满意度指标). A column of categories
    (the names written into the 指标值, 培训农民≥500人次) names no indicator."""
    for row in range(data_start, data_start + _DATA_ROWS):
        if grid.origin.get((row, column), (row, column))[0] != row:
            return False  # merged down over rows: a group's label
    written = [value for value in _written_under(grid, column, data_start)
               if isinstance(value, str) and not is_placeholder(value)]
    return len(written) >= 2 and len(set(written)) == len(written) \
        and not any(_level_category(text) for text in written)


def _level_category(text: str) -> bool:
    """Whether ``text`` names a 一级 or 二级 category (产出指标, 数量, 社会效益指标 (30 分),
    服务对象满意度指标), not an indicator (学员满意度)."""
    if _level_name(text):
        return True
    name = heading_points(text)[0].strip().rstrip(":：")
    return name.endswith(("指标", "目标")) and levels.level1_of_level2(name) is not None


def _indicator_values(grid: Grid, row: int, columns: dict[str, int]) -> bool:
    """Whether ``row``, under a header naming ``columns``, holds an indicator's values: a
    number under 分值 or 得分, or a name under 三级指标 beside a target or an actual, none
    of them a header word. It is the first indicator row, never a second header row,
    whatever its reason cell begins with (未完成原因：…, 改进措施：… under a 偏差原因分析
    merged across two columns)."""
    values, texts = grid.values, grid.texts
    if any(isinstance(values.get((row, columns[role])), (int, float))
           for role in ("weight", "score") if role in columns):
        return True

    def written(role: str) -> bool:  # the row's own text in the role's column, no header word
        cell = (row, columns.get(role, 0))
        return role in columns and grid.origin.get(cell, cell)[0] == row \
            and bool(texts.get(cell)) and indicator_role(texts[cell]) is None
    return written("name") and (written("target") or written("actual"))


def _own_under_score(grid: Grid, head: tuple[int, int] | None, text: str) -> str | None:
    """"score" for 自评 (单位自评, 部门（单位）自评) under a 得分 merged across its columns
    (得分 over 自评 | 复核, 单位自评 | 主管部门评价 | 财政复核, 主管部门复核 | 部门（单位）
    自评): alone the word names no column, there it names the unit's own score; else None
    (the reviewers' beside it name no column)."""
    if head is None or not _OWN_SELF_SCORED.fullmatch(text) \
            or indicator_role(grid.texts.get(head, "")) != "score":
        return None
    return "score"


def _across_empty(grid: Grid, columns: dict[str, int], column: int) -> bool:
    """Whether ``column`` lies beyond the header's columns, an empty column (empty from top
    to bottom) between: a cell there heads another block, not a column of this header."""
    first, last = min(columns.values()), max(columns.values())
    used = grid.used_columns()
    return any(between not in used for between in range(last + 1, column)) \
        or any(between not in used for between in range(column + 1, first))


def _reason_spread(grid: Grid, columns: dict[str, int], rows: range) -> None:
    """A 偏差原因 header merged across two columns with nothing under it naming the second:
    a reason typed in the second is the row's too (read where the first says nothing)."""
    reason = columns.get("reason")
    if reason is None or "measures" in columns or reason + 1 in columns.values():
        return
    if any(grid.origin.get((row, reason + 1)) == (row, reason) for row in rows):
        columns["measures"] = reason + 1


def _remark_beside(grid: Grid, columns: dict[str, int], rows: range) -> None:
    """A 备注 column right of the 偏差原因 (within ``_BESIDE`` columns: one further right
    is another block's) is read as ``remark``: a reason the clerk wrote there, the 偏差原因
    left empty (or 无), explains the row as well."""
    reason = columns.get("reason")
    if reason is None or not {"target", "actual"} & set(columns):
        return
    remark = next((column for row in rows for column in grid.rows.get(row, [])
                   if reason < column <= reason + _BESIDE
                   and grid.texts.get((row, column), "").startswith("备注")), None)
    if remark is not None and remark not in columns.values():
        columns["remark"] = remark


def _spanned_level1(grid: Grid, columns: dict[str, int], top: int, data_start: int
                    ) -> int | None:
    """An 一级 header merged across two columns or more (湖北 市县 form: 一级指标 over
    项目绩效85分 | 产出指标40分; or beside an empty header cell, the merge lost): the column
    under it that holds the 一级 names (产出, 效益, 满意度) becomes the 一级's, and the column
    left of it, holding a heading that names no 一级 (项目绩效85分, merged down over the
    block), is returned as the block's; else None."""
    level1 = columns.get("level1")
    if level1 is None:
        return None
    head = next((row for row in range(top, data_start)
                 if indicator_role(grid.texts.get((row, level1), "")) == "level1"), None)
    if head is None:
        return None
    last = level1 + 1
    if grid.is_merged_span(head, level1):
        while grid.origin.get((head, last + 1)) == (head, level1):
            last += 1
    elif (head, last) in grid.values or (head, last) in grid.origin:
        return None  # the next column has a header of its own (or a merge from above)
    # else: the merge lost (a converted PDF), the 一级 header over an empty header cell
    if any(level1 < column <= last for role, column in columns.items() if role != "level1"):
        return None
    for column in range(last, level1, -1):
        written = [value for value in _written_under(grid, column, data_start)
                   if isinstance(value, str)]
        if not any(levels.level1_category(text) is not None for text in written):
            continue
        left = [value for value in _written_under(grid, level1, data_start)
                if isinstance(value, str)]
        if not left or any(levels.level1_category(text) is not None for text in left):
            return None  # 一级 names in the first column too: no block heading
        columns["level1"] = column
        return level1
    return None


# roles that may stand between a value's column and its own 计量单位 (指标方向 | 指标值 | 计量单位)
_VALUE_PARTS = ("sign", "nature", "unit")


def _actual_unit(grid: Grid, columns: dict[str, int], rows: range) -> None:
    """Two 计量单位 columns, one right of the 指标值 and one right of the 完成值 (系统导出:
    年度指标值 | 计量单位 | 实际完成值 | 计量单位, or 实际完成值 merged over 完成值 | 计量单位):
    the one after the 完成值 is the 完成值's own (``actual_unit``: 25 | 分钟 beside ≤0.5 |
    小时), the other the 指标值's. One 计量单位 column alone, wherever it stands, is both's."""
    actual = columns.get("actual")
    if actual is None or "unit" not in columns:
        return
    units = sorted({column for row in rows for column in grid.rows.get(row, [])
                    if column not in grid.hidden_columns
                    and indicator_role(grid.texts.get((row, column), "")) == "unit"})
    if len(units) < 2:
        return
    named = [column for role, column in columns.items() if role not in _VALUE_PARTS]

    def right_after(value: int) -> int | None:
        """The first 计量单位 right of ``value`` with no other column named between."""
        return next((unit for unit in units if unit > value
                     and not any(value < column < unit for column in named)), None)

    own = right_after(actual)
    if own is None:
        return
    columns["actual_unit"] = own
    if columns["unit"] == own:  # 完成值 | 单位 left of 指标值 | 单位: the other is the 指标值's
        target = right_after(columns["target"]) if "target" in columns else None
        if target is None or target == own:
            del columns["actual_unit"]  # no second 计量单位 of the 指标值's: one for both
        else:
            columns["unit"] = target


_DATA_ROWS = 30  # rows under a header looked at to tell what its columns hold


def _by_the_data(grid: Grid, columns: dict[str, int], top: int, data_start: int) -> None:
    """The columns a header names told right by what is written under them (河北's budget
    system form, 成安 2020: 指标分值 | 预期指标值 over 符号 | (value) | 单位(文字描述) |
    … | 自评得分 over 单项指标得分 | 权重占比(%) | 单项指标折算得分):
    - a 折算得分 column is the score that counts (the 单项指标得分 beside it is out of 100,
      折算得分 = 单项指标得分 × 权重占比 / 100);
    - a column of texts under 分值 holds what the indicator means, not its points:
      the points are in the other column named as the weight (权重占比), if any;
    - a 指标值 column holding only signs (>=, ≤) is the sign of a 指标值 written in parts:
      the value is in the column right of it, the unit in the next, within the 指标值's
      columns (up to the next column a header names); where the value's column is named
      (符号 | 值 | 单位(文字描述)), the texts right of it are its unit;
    - a column of 一级-二级 pairs under a header of no level word is the levels' column
      (``_combined_levels``)."""
    named: dict[int, str] = {}  # each column's header text of its own, lowest row last
    for row in range(top, data_start):
        for column in grid.rows.get(row, []):
            if (row, column) in grid.values and grid.texts.get((row, column)):
                named[column] = grid.texts[(row, column)]
    _combined_levels(grid, columns, named, data_start)
    rescaled = [column for column, text in sorted(named.items())
                if "折算" in text and indicator_role(text) == "score"]
    if rescaled:
        columns["score"] = rescaled[0]
    _unscored_evaluation(grid, columns, named, data_start)
    weight = columns.get("weight")
    if weight is not None and _holds_texts(grid, weight, data_start):
        other = next((column for column, text in sorted(named.items()) if column != weight
                      and indicator_role(text) == "weight"
                      and not _holds_texts(grid, column, data_start)), None)
        if other is not None:
            columns["weight"] = other
    target = columns.get("target")
    if target is None:
        return
    parts = ("target", "sign", "unit")
    end = min((column for key, column in columns.items() if key not in parts and column > target),
              default=target + 3)
    written = _written_under(grid, target, data_start)
    if not written or not all(is_bare_sign(value) for value in written):
        # the value's column named (符号 | 值 | 单位(文字描述)): the unit the texts right of it
        if columns.get("sign") == target - 1 and "unit" not in columns \
                and target + 1 < end and _holds_texts(grid, target + 1, data_start):
            columns["unit"] = target + 1
        return
    columns["sign"] = target
    if target + 1 < end:
        columns["target"] = target + 1
        if target + 2 < end:
            columns["unit"] = target + 2
        elif columns.get("unit") in (target, target + 1):
            del columns["unit"]


_NAMES_ROLES = ("name", "other_name", "deepest")  # the roles of a header over the 三级's names


def _combined_levels(grid: Grid, columns: dict[str, int], named: dict[int, str],
                     data_start: int) -> None:
    """A column left of the 三级's names whose every cell on the rows of a name holds an
    一级 and its own 二级 in one (产出指标-数量指标, 效益指标—社会效益指标), under a header
    of no level word (指标类型, 类别, 指标维度, 考核内容; 指标, which alone would name the
    三级): the levels' column, as under 指标类别 — the 三级 the names column right of it.
    Names that merely hold 指标 (培训指标完成率) are no pair: the column stays the names'."""
    if "level1" in columns or "level2" in columns or "name" not in columns:
        return
    names = columns["name"]
    taken = set(columns.values()) - {names}
    for column in sorted(named):
        if column in taken or indicator_role(named[column]) not in (None, *_NAMES_ROLES):
            continue
        own = names if column != names else next(
            (right for right in sorted(named) if right > column and right not in taken
             and indicator_role(named[right]) in _NAMES_ROLES), None)
        if own is not None and own > column and _level_pairs(grid, column, own, data_start):
            columns["level1"], columns["name"] = column, own
            return


def _level_pairs(grid: Grid, column: int, names: int, data_start: int) -> bool:
    """Whether ``column``'s own cells beside the names in ``names`` begin with two 一级-二级
    pairs (``levels.combined_levels``) or more and hold none after the first that is not
    one (总分, 评分等级 | 优 below the table: the table has ended)."""
    written = [levels.combined_levels(value) is not None
               for value in _beside_names(grid, column, names, data_start)]
    run = written.index(False) if False in written else len(written)
    return run >= 2 and not any(written[run:])


def _beside_names(grid: Grid, column: int, names: int, data_start: int) -> list[object]:
    """The values of ``column``'s own cells (not merged from above) on the rows under a
    header that name an indicator in ``names`` — no 总分 row's."""
    return [value for row in range(data_start, data_start + _DATA_ROWS)
            if isinstance(grid.values.get((row, names)), str)
            and not is_placeholder(grid.values[(row, names)])
            and (value := grid.values.get((row, column))) is not None
            and grid.origin.get((row, column), (row, column)) == (row, column)]


def _unscored_evaluation(grid: Grid, columns: dict[str, int], named: dict[int, str],
                         data_start: int) -> None:
    """A 评价得分 column not filled with scores beside a score column that is (自评得分 |
    评价得分 left for whoever evaluates next: blank, “/”, “—”, “待评价”, or the
    department's scores on only the rows it marked down): the other column, not a
    reviewer's, is the score — nobody has evaluated the whole table. Filled on all but
    one row in ten (at least one) of the rows the other scores, the evaluation stands."""
    score = columns.get("score")
    if score is None or not _EVALUATION_SCORED.match(named.get(score, "")):
        return
    judged = _scored_cells(grid, columns, score, data_start)
    for column, text in sorted(named.items(), key=lambda item: (_scorer_rank(item[1]), item[0])):
        if column == score or indicator_role(text) != "score" \
                or _scorer_rank(text) >= _REVIEWER_RANK:
            continue
        own = _scored_cells(grid, columns, column, data_start)
        if judged < own - max(1, own // _UNSCORED_SHARE):
            columns["score"] = column
            return


_UNSCORED_SHARE = 10  # an evaluation may leave one row in this many (at least one) unscored


def _scored_cells(grid: Grid, columns: dict[str, int], column: int, data_start: int) -> int:
    """How many cells of ``column`` on the indicators' rows (under a header; beside a name
    where the names' column is known) hold points — no placeholder (“/”, “—”), no note."""
    values = _beside_names(grid, column, columns["name"], data_start) if "name" in columns \
        else _written_under(grid, column, data_start)
    return sum(not is_placeholder(value) and points(value) is not None for value in values)


def _written_under(grid: Grid, column: int, data_start: int) -> list[object]:
    """The values written in ``column`` under a header (its first rows of data)."""
    return [value for row in range(data_start, data_start + _DATA_ROWS)
            if (value := grid.values.get((row, column))) is not None
            and grid.origin.get((row, column), (row, column)) == (row, column)]


def _holds_texts(grid: Grid, column: int, data_start: int) -> bool:
    """Whether a column under a header holds texts (no points, no placeholder) more than
    anything else."""
    written = _written_under(grid, column, data_start)
    texts = sum(isinstance(value, str) and points(value) is None and not is_placeholder(value)
                for value in written)
    return texts * 2 > len(written)


def _scored_by_headings(columns: dict[str, int]) -> bool:
    """Whether a header without a 分值 column is still a 自评表's: 一级/二级, 三级, 指标值
    and 完成值 (湖北, 云南: the points stand in the headings, "产出指标（50分）", or nowhere;
    湖南 衡山: no 得分 either, 全年完成值 | 未完成原因和改进措施) — its rows are read, their
    weights (and scores) unknown. A 绩效目标表 has no 完成值: it stays no table."""
    return {"name", "target", "actual"} <= set(columns) \
        and ("level1" in columns or "level2" in columns)


_NAMES_LOOKED_AT = 3  # name cells under the header that must each state their points


def _points_in_names(grid: Grid, row: int, columns: dict[str, int]) -> bool:
    """Whether a header without a 分值 column is a 得分表's whose points stand in the names
    (湖南 部门整体支出绩效评价得分表: 一级 | 二级 | 三级 | 得分, "相关性（5分）"): a 得分
    column, an 一级 or 二级 column, and the first name cells below each with points."""
    if "score" not in columns or not ("level1" in columns or "level2" in columns):
        return False
    names = [grid.values.get((below, columns["name"])) for below in range(row + 1, row + 40)]
    names = [name for name in names if isinstance(name, str) and name.strip()]
    return len(names) >= 2 and all(
        heading_points(name)[1] is not None for name in names[:_NAMES_LOOKED_AT])


_BASIS = tuple(f"{scoring}依据" for scoring in _SCORING if scoring != "扣分")  # 得分依据 …


def _remark_column(grid: Grid, names: int, rows: range) -> int | None:
    """The column of a header cell 备注 (备注说明 …) in the header's rows, if any — else
    of a 得分依据 (评分依据, 打分依据): where a table has 指标值 and 完成值 but no reason
    column, why the score is what it is is the reason for a deduction. Not a column that
    holds only scoring rules (≥95%得满分，…<90%不得分, on full-mark rows and deductions
    alike): as a 评分标准 column, it explains nothing."""
    texts = [(column, grid.texts.get((row, column), "")) for row in rows
             for column in grid.rows.get(row, [])]
    remarks = [column for column, text in texts if text.startswith("备注")]
    bases = [column for column, text in texts if text.startswith(_BASIS)]
    return next((column for column in (*remarks, *bases)
                 if not _rules_only(grid, column, names, rows.stop)), None)


def _rules_only(grid: Grid, column: int, names: int, data_start: int) -> bool:
    """Whether ``column``'s texts beside the names, two at least, each state how the row is
    scored (or what the indicator is) and no cause (``model.states_rule_only``)."""
    written = [value for value in _beside_names(grid, column, names, data_start)
               if not unexplained(value)]
    return len(written) >= 2 and all(states_rule_only(value) for value in written)


def _merged_down(grid: Grid, row: int, columns: dict[str, int]) -> int:
    """Adds to ``columns`` the roles of ``row``'s cells covered by a header cell merged down
    from a row above: such a cell heads its column in every header row it covers ("绩效指标"
    across 一级|二级|三级 above them, 分值 and 得分 merged down beside them). The row's own
    header cells come first, and of the score columns the unit's own (``_own_score_first``).
    Returns the first header row: the highest that names one."""
    origin, texts = grid.origin, grid.texts
    heads = []  # (column, row above) of each cell merged down into ``row``
    for above in range(row - 1, max(row - _HEADER_DEPTH, 0), -1):
        for column in grid.rows.get(above, []):
            if origin.get((row, column)) == (above, column):
                heads.append((column, above))
    if any(above == row - 1 and indicator_role(texts.get((above, column), "")) == "reason"
           for column, above in heads):  # 偏差原因分析 merged down over two header rows: an
        # 改进措施 beside it over an empty cell of ``row`` is the second reason column,
        # though its merge down was left out
        heads.extend((column, row - 1) for column in grid.rows.get(row - 1, [])
                     if (row - 1, column) not in origin and (row, column) not in origin
                     and (row, column) not in grid.values
                     and indicator_role(texts.get((row - 1, column), "")) == "reason")
    top = row
    for column, above in sorted(heads):
        role = indicator_role(texts.get((above, column), ""))
        if _second_reason(role, columns):  # merged down beside the second header row
            role = "measures"
        if role == "score" and "score" in columns and _own_score_first(
                texts.get(origin.get((row, columns["score"]), (row, columns["score"])), ""),
                texts.get((above, column), "")):
            columns["score"] = column  # 主管部门评分 | 自评得分 merged down: the unit's own
        if role and role not in _NO_COLUMN:
            columns.setdefault(role, column)
            top = min(top, above)
    return top


def layout_of(columns: dict[str, int], level1_texts: list[str], level2_read: bool = False) -> str:
    """The layout the columns tell; ``level2_read``: the rows gave 二级 names without a
    二级 column (产出指标-数量指标 under 指标类别), as a standard table's."""
    if "nature" in columns:
        return "sichuan"
    if not {"target", "actual"} & set(columns) or any(
            levels.names_index_system(text) for text in level1_texts):
        return "third_party"
    if "level2" not in columns and not level2_read:
        return "attachment"
    return "standard"


@dataclass
class Found:
    """A header found in a sheet, and (once its rows are read) where its table ends."""

    grid: Grid
    header: Header
    end: int = 0  # last row that belongs to the table (total/grade row or last indicator)


def find_headers(grids: list[Grid]) -> list[Found]:
    """Every indicator header of every sheet, top to bottom; a header's own rows are not
    looked at for another header. A sheet holding two tables side by side is replaced in
    ``grids`` by a band of columns for each (``_side_by_side``), each band's headers found
    as a sheet's: the left table's first, then the right one's; so is a sheet holding a
    table's head beside its indicator part (``_head_beside``)."""
    found: list[Found] = []
    index = 0
    while index < len(grids):
        grid = grids[index]
        headers = _headers_in(grid)
        bands = _side_by_side(grid, headers) or _head_beside(grid, headers)
        if bands is not None:
            grids[index:index + 1] = bands  # each band looked at again (a third table)
            continue
        found.extend(headers)
        index += 1
    return found


def _headers_in(grid: Grid) -> list[Found]:
    found: list[Found] = []
    next_row = 1  # after a header, its data
    for row in grid.rows:  # in order
        if row < next_row:
            continue
        header = header_at(grid, row)
        if header is not None:
            found.append(Found(grid, header))
            next_row = header.data_start
    return found


# The roles that make a table's header by themselves: a second table beside the first
# names its 三级指标, an 一级 or 二级 and values or points again (一级指标 | 二级指标 |
# 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分), or without levels all of 指标名称 |
# 指标值 | 完成值 | 分值 | 得分 (重庆 部门整体); a notes block or a small calculation beside
# the table (说明; 指标 | 分值 | 得分) does not.
_TABLE_ROLES = frozenset({"level1", "level2", "name", "target", "actual", "weight", "score"})
_LEVEL_ROLES = frozenset({"level1", "level2"})
_SHARED_ROLES = 4  # roles at least both headers of two tables side by side name


@dataclass
class _Run:
    """Header cells side by side in a header's rows, up to an empty column: their
    columns and the table roles they name."""

    first: int
    last: int
    rows: tuple[int, ...]  # the header's rows, the row naming the 三级 here first
    roles: set[str]


def _header_runs(grid: Grid, header: Header, within: tuple[int, int] | None = None
                 ) -> list[_Run]:
    """The runs of header cells in ``header``'s rows that each name a table's header
    by themselves (``_TABLE_ROLES``): one for a table, two for tables side by side.
    ``within``: the first and last column the runs may take (``_fences``)."""
    first, last_allowed = within or (1, max(grid.used_columns(), default=1))
    covered: dict[int, set[str]] = {}  # column → roles its header cells name
    named: dict[int, int] = {}  # column → the row of its header cell naming the 三级
    heading: set[int] = set()  # the columns a header cell names any role of (偏差原因 too)
    for row in range(header.top, header.row + 1):
        for column in grid.rows.get(row, ()):
            if not first <= column <= last_allowed:
                continue  # the other table's, beside this one in its header's row
            role = indicator_role(grid.texts.get((row, column), ""))
            role = "name" if role in ("deepest", "other_name") else role
            covered.setdefault(column, set()).update({role} & _TABLE_ROLES)
            if role is not None and role != "ignore":
                heading.add(column)
            if role == "name":
                named.setdefault(column, row)
            last = column  # the columns a header cell is merged across
            while grid.origin.get((row, last + 1)) == (row, column) and last < last_allowed:
                last += 1
                covered.setdefault(last, set())
    runs: list[_Run] = []
    for column in sorted(covered):
        if runs and runs[-1].last == column - 1:
            runs[-1].last = column
            runs[-1].roles |= covered[column]
        else:
            runs.append(_Run(column, column, (header.row, header.top), set(covered[column])))
    runs = [part for run in runs for part in _split_again(run, covered, heading)]
    for run in runs:  # the header's row in this run (the other's, a row of its data)
        own = [row for column, row in named.items() if run.first <= column <= run.last]
        run.rows = (*own[:1], *run.rows)
    return [run for run in runs if "name" in run.roles and len(run.roles) >= _SHARED_ROLES
            and (run.roles & _LEVEL_ROLES or len(run.roles) > _SHARED_ROLES)]


def _split_again(run: _Run, covered: dict[int, set[str]], heading: set[int]) -> list[_Run]:
    """``run`` as two where a second header begins right beside the first (project B's
    table pasted against project A's, no empty column between): a column naming again the
    first 一级/二级/三级 role of the run, after the run has named a table's columns. The
    second begins after the first's last column naming a role, its 偏差原因 too (the
    second's 绩效指标 label column, naming none, is its own)."""
    columns = range(run.first, run.last + 1)
    first = next((covered[column] & (_LEVEL_ROLES | {"name"}) for column in columns
                  if covered[column] & (_LEVEL_ROLES | {"name"})), set())
    roles: set[str] = set()
    for column in columns:
        if first and column > run.first and first <= covered[column] \
                and len(roles) >= _SHARED_ROLES and "name" in roles and first <= roles:
            start = max(c for c in range(run.first, column) if c in heading) + 1
            left = _Run(run.first, start - 1, run.rows, roles)
            right = _Run(start, run.last, run.rows,
                         set().union(*(covered[c] for c in range(start, run.last + 1))))
            return [left, *_split_again(right, covered, heading)]
        roles |= covered[column]
    return [run]


# A label over a block beside the table that makes it an example, not a second table.
_EXAMPLE_LABELS = ("示例", "样例", "范例", "填报说明", "填表说明", "填写说明")


def _labelled_example(grid: Grid, run: _Run) -> bool:
    """Whether the two rows above a run of header cells say it is an example (填报示例：
    over 指标名称 | 指标值 | 实际完成值 | 分值 | 得分 beside the table, rt13)."""
    top = run.rows[0]  # the run's own header row
    return any(word in grid.texts.get((row, column), "")
               for row in range(max(1, top - 2), top)
               for column in range(run.first, run.last + 1) for word in _EXAMPLE_LABELS)


def _side_by_side(grid: Grid, headers: list[Found]) -> list[Grid] | None:
    """Two bands of columns of ``grid`` if it holds two tables side by side (a unit
    pasted project B's table to the right of project A's, each with its title, project,
    money, indicators, 总分 and 等级), else None. What the columns mean decides: a
    header that names a table's columns (``_header_runs``, ``_TABLE_ROLES``) right of
    another's last column, empty columns between, both naming the same columns mostly —
    in one row, or in rows of their own where the two tables' money blocks differ in
    length. An empty column inside one table's header (a 偏差原因 left blank, a column
    inserted), or a notes block or a small calculation beside the table names no second
    header. The right band begins after the last column left
    empty between the two (the right table's labels left of its header), or at its
    header; each band still holds its table's header."""
    runs = sorted((run for item, within in zip(headers, _fences(grid, headers), strict=True)
                   for run in _header_runs(grid, item.header, within)),
                  key=lambda run: run.first)
    starts = [run.first for run in runs]
    used: set[int] | None = None  # the columns holding any value, when first asked
    bands_at: dict[int, list[Grid]] = {}  # by the right band's first column
    tried: set[tuple[int, tuple[int, ...], tuple[int, ...]]] = set()
    for left in runs:  # (stacked tables share their columns: no pair, whatever their number)
        for right in runs[bisect.bisect_left(starts, left.last + 1):]:
            if len(left.roles & right.roles) < _SHARED_ROLES or _labelled_example(grid, right):
                continue
            if used is None:
                used = {column for _, column in grid.values}
            empty = [column for column in range(left.last + 1, right.first)
                     if column not in used]
            boundary = max(empty) + 1 if empty else right.first
            if (boundary, left.rows, right.rows) in tried:
                continue
            tried.add((boundary, left.rows, right.rows))
            bands = bands_at.get(boundary)
            if bands is None:
                bands = bands_at[boundary] = [grid.band(1, boundary - 1), grid.band(boundary)]
            if all(any(header_at(band, row) is not None for row in run.rows)
                   for band, run in zip(bands, (left, right), strict=True)):
                return bands
    return None


def _own_columns(header: Header) -> tuple[int, int]:
    """The first and last column ``header`` names a role of, less a 指标值 or 完成值 left
    of its 一级/二级/三级: the 预期目标 | 实际完成情况 of the 年度总体目标 of a table beside
    it, in the same row, are that table's."""
    columns = header.columns
    names = min((columns[role] for role in ("level1", "level2", "name") if role in columns),
                default=0)
    own = [column for role, column in columns.items()
           if column >= names or role not in _LEFT_OF_NAMES]
    return min(own), max(own)


def _fences(grid: Grid, headers: list[Found]) -> list[tuple[int, int]]:
    """For each header, the columns its runs may take: two tables pasted side by side with
    no empty column between, their header rows not in line (one has no 年度 line, fewer
    money lines, or was pasted lower), each have a header of their own, and each header's
    row goes on into the other table's cells beside it (its 年度总体目标, its indicators),
    so that each run took both tables' columns and none was right of the other. Where
    another header's own columns lie wholly left of this one's, its runs begin after that
    header's last column (the right table's 绩效指标 label is its own); where they lie
    wholly right, its runs end at its own last column. Tables stacked share their columns
    and fence nothing."""
    spans = [_own_columns(item.header) for item in headers]
    widest = max(grid.used_columns(), default=1)
    fences = []
    for first, last in spans:
        left = [other_last for _, other_last in spans if other_last < first]
        right = any(other_first > last for other_first, _ in spans)
        fences.append((max(left, default=0) + 1, last if right else widest))
    return fences


_MONEY_ROLES = frozenset({"initial", "budget", "executed"})  # two name a money block's header


def _head_beside(grid: Grid, headers: list[Found]) -> list[Grid] | None:
    """Two bands of columns of ``grid`` if it holds one table in two blocks side by side
    (laid out for one landscape page): the head on the left — title, 项目名称, the money
    block — and the indicator part with its 总分 and 等级 on the right, from the top,
    an empty column between. Read as one sheet, the head's rows beside the indicators
    would be read as theirs; in bands, the indicators are read by their own columns and
    the left band gives the table its head (``workbook.find_tables``). Only where the left
    band names no indicator header, holds a money header of its own (two of 年初预算数,
    全年预算数, 全年执行数 in a row) and goes on beside the indicator header's rows (a head
    above the header, in any columns, is read as a sheet's); else None."""
    if not headers:
        return None
    first = min((run.first for item in headers for run in _header_runs(grid, item.header)),
                default=None)
    if first is None or first < 3:  # no room for a head and an empty column left of it
        return None
    used = {column for _, column in grid.values}
    empty = [column for column in range(1, first) if column not in used]
    if not empty or not any(column < max(empty) for column in used):
        return None
    boundary = max(empty) + 1
    left = grid.band(1, boundary - 1)
    top = min(item.header.top for item in headers)
    if not any(row >= top for row in left.rows) or not any(
            len(_MONEY_ROLES & {fund_role(left.texts.get((row, column), ""))
                                for column in columns}) >= 2
            for row, columns in left.rows.items()):
        return None
    right = grid.band(boundary)
    if all(header_at(right, item.header.row) is None for item in headers):
        return None
    return [left, right]
