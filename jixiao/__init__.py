"""jixiao (绩效): the 项目支出绩效自评表 that scores and checks itself.

The public API: parse targets, apply a rule set, evaluate a whole table.
"""

from jixiao.errors import (
    JixiaoError,
    NotASelfEvaluation,
    OutputError,
    TimedOut,
    UnknownRuleSet,
    UnreadableWorkbook,
)
from jixiao.model import (
    Evaluation,
    FundLine,
    Funds,
    Indicator,
    Project,
    SelfEvaluation,
    Source,
    evaluate,
)
from jixiao.parsing import Measure, parse_measure
from jixiao.rules import (
    RULE_SETS,
    RuleSet,
    Score,
    execution_rate,
    execution_score,
    grade,
    indicator_score,
    is_met,
    round2,
    rule_set,
    total_score,
)

__version__ = "0.1.0"

__all__ = [
    "RULE_SETS", "Evaluation", "FundLine", "Funds", "Indicator", "JixiaoError", "Measure",
    "NotASelfEvaluation", "OutputError", "Project", "RuleSet", "Score", "SelfEvaluation",
    "Source", "TimedOut", "UnknownRuleSet", "UnreadableWorkbook", "evaluate", "execution_rate",
    "execution_score", "grade", "indicator_score", "is_met", "parse_measure", "round2",
    "rule_set", "total_score",
]
