"""Real published self-evaluation tables, typed in as data.

Sources: the seven 2024 年度 项目支出绩效自评表 published by 上海市普陀区医疗保险事务中心
(putuo-1 … putuo-7), and the table in 子洲县's 2023 年度 self-evaluation report
(zizhou-2023). The published documents are not in the repository; this module is their
data. Each sample keeps the published 执行率, 得分, 总分 and 等级 so tests can compare
(the form they fill is docs/domain.md §1, the ways they write targets §3).
``jixiao demo`` writes the first Putuo table into the template.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from jixiao.model import FundLine, Funds, Indicator, Project, SelfEvaluation

_PUTUO_DEPARTMENT = "上海市普陀区医疗保障局"
_PUTUO_UNIT = "上海市普陀区医疗保险事务中心"
_ACHIEVED = "达成指标"


@dataclass(frozen=True)
class PublishedTable:
    """A published table and the numbers it printed."""

    key: str
    table: SelfEvaluation
    rate: float            # 执行率 as printed, percent
    execution_score: float
    total: float
    grade: str
    scores: tuple[float, ...]  # indicator 得分 as printed


def _putuo(key: str, name: str, initial: float, budget: float, executed: float, rate: float,
           execution: float, rows: list[tuple[str, str, str, str, str, float, float]],
           total: float) -> PublishedTable:
    table = SelfEvaluation(
        project=Project(name=name, department=_PUTUO_DEPARTMENT, unit=_PUTUO_UNIT, year=2024),
        funds=Funds(
            total=FundLine("年度资金总额", initial, budget, executed, rate),
            parts=[FundLine("当年财政拨款", initial, budget, executed, rate),
                   FundLine("上年结转资金", 0.0, 0.0, 0.0, 0.0),
                   FundLine("其他资金", 0.0, 0.0, 0.0, 0.0)],
            weight=10.0, score_declared=execution),
        indicators=[Indicator(level1, level2, name3, target, actual, weight, score)
                    for level1, level2, name3, target, actual, weight, score in rows],
        total_declared=total, grade_declared="优")
    return PublishedTable(key, table, rate, execution, total, "优",
                          tuple(row[-1] for row in rows))


_OUT, _EFFECT, _SATISFY = "产出指标", "效益指标", "满意度指标"
_QTY, _QUAL, _TIME = "数量指标", "质量指标", "时效指标"
_SOCIAL, _SUSTAIN, _ECON = "社会效益指标", "可持续影响指标", "经济效益指标"
_SERVICE = "服务对象满意度指标"
_BUDGET_RATE = "预算资金执行率"

PUTUO_2024 = (
    _putuo("putuo-1", "普陀区医疗保险事务中心信息安全等保项目机房设施升级改造",
           30.03, 31.56, 31.50, 99.80, 9.98, [
               (_OUT, _QTY, _BUDGET_RATE, "≥90.00(%)", "99.80(%)", 5.0, 5.0),
               (_OUT, _QUAL, "预算编制规范性", "规范", _ACHIEVED, 25.0, 25.0),
               (_OUT, _TIME, "资金拨付及时性", "及时", _ACHIEVED, 20.0, 20.0),
               (_EFFECT, _SUSTAIN, "网络安全防护能力", "稳步提升", _ACHIEVED, 30.0, 30.0),
               (_SATISFY, _SERVICE, "服务对象满意度", "满意", _ACHIEVED, 10.0, 10.0),
           ], 99.98),
    _putuo("putuo-2", "定点机构协议管理专项经费", 34.00, 34.00, 33.90, 99.70, 9.97, [
        (_OUT, _QTY, _BUDGET_RATE, "=90.00(%)", "90.00(%)", 5.0, 5.0),
        (_OUT, _QUAL, "定点机构履约考核完成率", "=100.00(%)", "100.00(%)", 10.0, 10.0),
        (_OUT, _QUAL, "定点机构医保信息安全检查完成率", "=100.00(%)", "100.00(%)", 10.0, 10.0),
        (_OUT, _QUAL, "DIP 支付方式特殊病例评审完成率", "=100.00(%)", "100.00(%)", 10.0, 10.0),
        (_OUT, _TIME, "预算资金到位及时性", "及时", _ACHIEVED, 15.0, 15.0),
        (_EFFECT, _SOCIAL, "定点机构资源配置合理性", "合理", _ACHIEVED, 15.0, 15.0),
        (_EFFECT, _SUSTAIN, "医保基金使用规范性", "规范", _ACHIEVED, 15.0, 15.0),
        (_SATISFY, _SERVICE, "服务对象满意度", "满意", _ACHIEVED, 10.0, 10.0),
    ], 99.97),
    _putuo("putuo-3", "医疗保险经办业务档案外包服务费", 32.60, 32.60, 32.50, 99.69, 9.97, [
        (_OUT, _QTY, _BUDGET_RATE, "≥95.00(%)", "99.69(%)", 5.0, 5.0),
        (_OUT, _QUAL, "档案管理的规范性", "规范", _ACHIEVED, 25.0, 25.0),
        (_OUT, _TIME, "预算资金拨付及时性", "及时", _ACHIEVED, 20.0, 20.0),
        (_EFFECT, _SOCIAL, "绩效目标的合理性", "合理", _ACHIEVED, 30.0, 30.0),
        (_SATISFY, _SERVICE, "服务对象满意度", "满意", _ACHIEVED, 10.0, 10.0),
    ], 99.97),
    _putuo("putuo-4", "社区、医保服务管理经费", 13.00, 13.00, 12.68, 97.53, 9.75, [
        (_OUT, _QTY, _BUDGET_RATE, "≥90.00(%)", "97.53(%)", 5.0, 5.0),
        (_OUT, _QUAL, "预算编制规范性", "规范", _ACHIEVED, 25.0, 25.0),
        (_OUT, _TIME, "资金拨付及时性", "及时", _ACHIEVED, 20.0, 20.0),
        (_EFFECT, _SOCIAL, "长效管理制度建设", "完善", _ACHIEVED, 30.0, 30.0),
        (_SATISFY, _SERVICE, "服务对象满意度", "满意", _ACHIEVED, 10.0, 10.0),
    ], 99.75),
    _putuo("putuo-5", "普陀区医疗保险事务中心机房改造及等保加固建设项目",
           43.69, 43.69, 43.08, 98.60, 9.86, [
               (_OUT, _QTY, _BUDGET_RATE, "≥90.00(%)", "98.60(%)", 5.0, 5.0),
               (_OUT, _QUAL, "预算编制规范性", "规范", _ACHIEVED, 25.0, 25.0),
               (_OUT, _TIME, "资金拨付及时性", "及时", _ACHIEVED, 20.0, 20.0),
               (_EFFECT, _SUSTAIN, "网络安全防护能力", "稳步提升", _ACHIEVED, 30.0, 30.0),
               (_SATISFY, _SERVICE, "服务对象满意度", "满意", _ACHIEVED, 10.0, 10.0),
           ], 99.86),
    _putuo("putuo-6", "医保数字体验程序升级维护", 10.00, 10.00, 9.86, 98.60, 9.86, [
        (_OUT, _QTY, _BUDGET_RATE, "≥90.00(%)", "98.60(%)", 5.0, 5.0),
        (_OUT, _QUAL, "预算编制规范性", "规范", _ACHIEVED, 25.0, 25.0),
        (_OUT, _TIME, "资金拨付及时性", "及时", _ACHIEVED, 20.0, 20.0),
        (_EFFECT, _SOCIAL, "优化医保领域便民服务", "成效明显", _ACHIEVED, 30.0, 30.0),
        (_SATISFY, _SERVICE, "服务对象满意度", "满意", _ACHIEVED, 10.0, 10.0),
    ], 99.86),
    # As published, the three quantitative targets read "≠100.00(%)": "≥" damaged
    # in the PDF. They are typed here as published; tests fix the symbol.
    _putuo("putuo-7", "市民社区医疗互助帮困经费", 15000.00, 9154.00, 9154.00, 100.00, 10.00, [
        (_OUT, _QTY, _BUDGET_RATE, "≠100.00(%)", "100.00(%)", 5.0, 5.0),
        (_OUT, _QUAL, "门急诊医疗互助帮困补助（补贴）符合率", "≠100.00(%)", "100.00(%)", 20.0, 20.0),
        (_OUT, _QUAL, "住院医疗互助帮困补助符合率", "≠100.00(%)", "100.00(%)", 20.0, 20.0),
        (_OUT, _TIME, "预算资金拨付及时性", "及时", _ACHIEVED, 5.0, 5.0),
        (_EFFECT, _ECON, "补助审核标准掌握准确度", "准确", _ACHIEVED, 10.0, 10.0),
        (_EFFECT, _SOCIAL, "立项依据的充分性", "充分", _ACHIEVED, 5.0, 5.0),
        (_EFFECT, _SOCIAL, "项目立项的规范性", "规范", _ACHIEVED, 5.0, 5.0),
        (_EFFECT, _SOCIAL, "长效管理制度建设", "完善", _ACHIEVED, 5.0, 5.0),
        (_EFFECT, _SUSTAIN, "补助过程控制", "有效", _ACHIEVED, 5.0, 5.0),
        (_SATISFY, _SERVICE, "参加群众满意度", "满意", _ACHIEVED, 10.0, 10.0),
    ], 100.00),
)


def zizhou_2023() -> PublishedTable:
    """子洲县 2023: 满意度 ≥95%, actual 85%, given 7 of 10 (the rules say 8.95)."""
    rows = [
        (_OUT, _QTY, "全县 25 万城乡居民医保工作", "25 万参保居民医保待遇", "100%", 20.0, 20.0),
        (_OUT, _QUAL, "足额投入项目活动经费", "100%", "100%", 10.0, 10.0),
        (_OUT, _TIME, "项目完成时限", "2023 年 12 月 31 日前完成", "2023 年 12 月 31 日前全部完成",
         10.0, 10.0),
        (_OUT, "成本指标", "项目投入资金", "30 万元", "30 万元", 10.0, 10.0),
        (_EFFECT, _SOCIAL, "覆盖全县城乡居民医保管理", "≥75%", "85%", 30.0, 30.0),
        (_SATISFY, _SERVICE, "群众满意度", "≥95%", "85%", 10.0, 7.0),
    ]
    table = SelfEvaluation(
        project=Project(name="医疗保障经办和服务能力提升", department="子洲县医疗保障局",
                        unit="子洲县医疗保险经办中心", year=2023),
        funds=Funds(total=FundLine("年度资金总额", 30.0, 30.0, 30.0, 100.0),
                    parts=[FundLine("当年财政拨款", 30.0, 30.0, 30.0, 100.0)],
                    weight=10.0, score_declared=10.0),
        indicators=[Indicator(l1, l2, n, t, a, w, s) for l1, l2, n, t, a, w, s in rows],
        total_declared=97.0, grade_declared="优")
    return PublishedTable("zizhou-2023", table, 100.0, 10.0, 97.0, "优",
                          tuple(row[-1] for row in rows))




def sample(key: str) -> SelfEvaluation:
    """A fresh copy of a published table by key (putuo-1 … putuo-7, zizhou-2023)."""
    from jixiao.errors import JixiaoError

    tables = {item.key: item for item in (*PUTUO_2024, zizhou_2023())}
    if key not in tables:
        raise JixiaoError(f"没有名为“{key}”的样例，可用：{'、'.join(tables)}")
    return copy.deepcopy(tables[key].table)
