"""What reading gives: a ``WorkbookTable`` — the model (``SelfEvaluation``) plus the cell
facts the checks need: its layout, its header columns, and for every cell it read the value
shown and the formula behind it (``CellInfo``), and its subtotal rows (``Subtotal``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from jixiao.model import Indicator, SelfEvaluation, Source
from jixiao.xlsx.external import ExternalContent
from jixiao.xlsx.package import ERROR_TEXTS as EXCEL_ERRORS

LAYOUTS = {
    "standard": "标准格式（财预〔2020〕10号）",
    "sichuan": "四川格式（指标性质/指标值/度量单位）",
    "attachment": "评分附件表",
    "third_party": "第三方评价指标体系",
}


@dataclass(frozen=True)
class CellInfo:
    """One cell as read: the value shown (a formula's cached result) and its formula."""

    value: Any
    formula: str | None = None
    number_format: str = "General"
    cached: bool = True  # False: a formula saved without a result (never calculated)

    @property
    def is_formula(self) -> bool:
        return self.formula is not None

    @property
    def error(self) -> str | None:
        """The Excel error shown in the cell (#NAME? …), if any."""
        if isinstance(self.value, str) and self.value.startswith(EXCEL_ERRORS):
            return self.value
        return None


@dataclass
class Subtotal:
    """A 一级 (or 二级) subtotal row ("产出目标 | | 40 | | | 40"): its points, and the
    indicator rows it sums. Never an indicator itself."""

    label: str
    weight: float | None
    score: float | None
    members: list[Indicator]
    sources: dict[str, Source]


@dataclass
class WorkbookTable(SelfEvaluation):
    """A table read from a workbook: the model plus what the checks need to know
    about the cells (which columns the layout has, formulas, cached values)."""

    file: str = ""
    columns: frozenset[str] = frozenset()        # indicator columns: "target", "score" …
    fund_columns: frozenset[str] = frozenset()   # money-block columns: "budget", "weight" …
    cells: dict[Source, CellInfo] = field(default_factory=dict)
    template: bool = False   # made from jixiao's template (JX_ names or formulas)
    external: list[ExternalContent] = field(default_factory=list)  # links, DDE (JX901)
    # Where the 执行率's 分值 (funds.weight) came from: "money" (the money block's 分值
    # column), "row" (a 预算执行率 row of a 评分附件表), "rules" (the rule set's share:
    # the table lists money but no points for it, its indicators total 90), or None.
    funds_weight_source: str | None = None
    subtotals: list[Subtotal] = field(default_factory=list)  # 一级/二级 小计 rows
    # (indicator, the 一级 carried down to it) where its 二级 names another 一级
    level1_inferred: list[tuple[Indicator, str]] = field(default_factory=list)
    execution_row: Indicator | None = None  # the 预算执行率 row read as the money's score

    @property
    def execution_line(self) -> bool:
        """Whether the 执行率 is scored: in the money block (分值/得分 columns), by a
        预算执行率 row, or by the rule set's share beside the money."""
        return (self.funds_weight_source is not None or "weight" in self.fund_columns
                or "score" in self.fund_columns)

    def cell(self, source: Source | None) -> CellInfo | None:
        return self.cells.get(source) if source is not None else None


__all__ = ["EXCEL_ERRORS", "LAYOUTS", "CellInfo", "Subtotal", "WorkbookTable"]
