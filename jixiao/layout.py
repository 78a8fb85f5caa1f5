"""The standard form's layout: its sheets, rows, columns and defined names.

The one contract shared by the template builder (``template/``), the reader that finds a
table by the template's defined names, and recalculation of a native-formula template."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

SHEET = "自评表"
HELP_SHEET = "填写说明"
CONF_SHEET = "xlwings.conf"
UDF_MODULE = "jixiao_udfs"

# (一级指标, 二级指标, rows) in the order of the paper form; 30 rows in all.
GROUPS: tuple[tuple[str, str, int], ...] = (
    ("产出指标", "数量指标", 4),
    ("产出指标", "质量指标", 4),
    ("产出指标", "时效指标", 3),
    ("产出指标", "成本指标", 3),
    ("效益指标", "经济效益指标", 3),
    ("效益指标", "社会效益指标", 4),
    ("效益指标", "生态效益指标", 3),
    ("效益指标", "可持续影响指标", 3),
    ("满意度指标", "服务对象满意度指标", 3),
)
INDICATOR_ROWS = sum(rows for _, _, rows in GROUPS)
HEADER_ROW = 12
FIRST_ROW = HEADER_ROW + 1
LAST_ROW = FIRST_ROW + INDICATOR_ROWS - 1
TOTAL_ROW = LAST_ROW + 1
GRADE_ROW = LAST_ROW + 2
FUND_ROWS = (6, 7, 8, 9)
FUND_LABELS = ("年度资金总额", "其中：当年财政拨款", "上年结转资金", "其他资金")
PRINT_AREA = f"A1:I{GRADE_ROW}"
# 执行率偏低原因说明 (the sichuan rules want it below 90 %): right of the money block, its
# header above it, as the 四川 form's column; outside the print area, as the 人工评分
FUND_REASON_HEADER = f"J{FUND_ROWS[0] - 1}"
FUND_REASON = f"$J${FUND_ROWS[0]}"
FUND_REASON_TITLE = "执行率偏低原因说明"

# Indicator block columns: 一级 B, 二级 C, 三级 D, 指标值 E, 完成值 F, 分值 G,
# 得分 H, 偏差原因 I; outside the print area 人工评分 J and 是否达成 K; hidden, the 分值 in
# points (10% typed is 10: ``rules.weight_points``), which the score formulas of both
# template variants, the 分值合计 and the highlights read (since rt21 in the JX_ one).
COLUMN = {"level1": "B", "level2": "C", "name": "D", "target": "E", "actual": "F",
           "weight": "G", "score": "H", "reason": "I", "judged": "J", "met": "K",
           "points": "AB"}


def _rows(column: str, last_row: int = LAST_ROW) -> str:
    return f"${column}${FIRST_ROW}:${column}${last_row}"


def _funds(column: str) -> str:
    return f"${column}${FUND_ROWS[0]}:${column}${FUND_ROWS[-1]}"


def name_ranges(last_row: int = LAST_ROW) -> dict[str, str]:
    """The contract: defined name → its range on the sheet 自评表 of a fresh form whose
    indicator rows end at ``last_row`` (the 总分 and 评分等级 rows right below them)."""
    total_row, grade_row = last_row + 1, last_row + 2
    return {
        "JX_Year": "$E$2",
        "JX_ProjectName": "$D$3",
        "JX_Department": "$D$4",
        "JX_Unit": "$G$4",
        "JX_Rules": "$K$2",
        "JX_FundLabel": _funds("B"),
        "JX_FundInitial": _funds("D"),
        "JX_FundBudget": _funds("E"),
        "JX_FundExecuted": _funds("F"),
        "JX_FundWeight": f"$G${FUND_ROWS[0]}",
        "JX_FundRate": _funds("H"),
        "JX_FundScore": f"$I${FUND_ROWS[0]}",
        "JX_FundReason": FUND_REASON,
        "JX_GoalExpected": "$D$11",
        "JX_GoalActual": "$G$11",
        **{name: _rows(COLUMN[key], last_row) for name, key in _ROW_NAMES.items()},
        "JX_WeightTotal": f"$G${total_row}",
        "JX_TotalScore": f"$H${total_row}",
        "JX_TotalGrade": f"$H${grade_row}",
    }


_ROW_NAMES = {"JX_Level1": "level1", "JX_Level2": "level2", "JX_Name": "name",
              "JX_Target": "target", "JX_Actual": "actual", "JX_Weight": "weight",
              "JX_IndicatorScore": "score", "JX_Reason": "reason", "JX_Judged": "judged",
              "JX_IndicatorMet": "met"}
NAME_RANGES: dict[str, str] = name_ranges()
DEFINED_NAMES: tuple[str, ...] = tuple(NAME_RANGES)


def above_total(column: str, first: int = FIRST_ROW) -> str:
    """The indicator rows of ``column`` as the 总分 row's formulas read them: from the row
    below the indicator header (``first`` - 1) down to the row above the formula's own,
    ``INDEX(H:H,ROW(H12)+1):INDEX(H:H,ROW()-1)``. A row inserted at either end of the block
    falls inside it: Excel grows a plain H13:H42 only for a row inserted within it — one
    inserted at row 13 shifts it to H14:H43, one just above the 总分 stays outside — and
    deleting the first indicator rows leaves the header cell, where H13 would be #REF!.
    The header row itself is not in the range: its texts (得分, 分值) would be a score the
    JX_ functions cannot read. INDEX, not OFFSET: OFFSET is volatile, recalculated on
    opening, and a JX_ 总分 then shows #NAME? where the add-in is missing; INDEX keeps the
    stored result."""
    header = f"{column}{first - 1}"
    return f"INDEX({column}:{column},ROW({header})+1):INDEX({column}:{column},ROW()-1)"


def level2_range(row: int) -> str:
    """The 二级指标 column from the first indicator row down to ``row`` ("$C$13:$C24"):
    the row's own 二级 is its last non-empty cell (一级/二级 are merged, only a group's
    first row holds the text). Relative at its end, so a row copied into another block
    scores by the block it sits in."""
    column = COLUMN["level2"]
    return f"${column}${FIRST_ROW}:${column}{row}"


@dataclass(frozen=True)
class Form:
    """The indicator rows of a form: the standard one's (``STANDARD``: ``GROUPS``), or more
    in some groups — ``jixiao convert`` of a table with more indicators under a 二级 than
    the standard form has rows (``with_rows``). Only the indicator block grows: what is
    above it stays where it is, the 总分 and 评分等级 rows follow it."""

    groups: tuple[tuple[str, str, int], ...] = GROUPS

    @property
    def last_row(self) -> int:
        return FIRST_ROW + sum(rows for _, _, rows in self.groups) - 1

    @property
    def total_row(self) -> int:
        return self.last_row + 1

    @property
    def grade_row(self) -> int:
        return self.last_row + 2

    @property
    def print_area(self) -> str:
        return f"A1:I{self.grade_row}"

    @property
    def name_ranges(self) -> dict[str, str]:
        return name_ranges(self.last_row)

    def group_starts(self) -> list[int]:
        """The first row of each group."""
        starts, row = [], FIRST_ROW
        for _, _, count in self.groups:
            starts.append(row)
            row += count
        return starts

    def group_first_row(self, row: int) -> int:
        for start, (_, _, count) in zip(self.group_starts(), self.groups, strict=True):
            if row < start + count:
                return start
        raise ValueError(row)

    def with_rows(self, wanted: Sequence[int]) -> Form:
        """This form with at least ``wanted[i]`` rows in group i."""
        return Form(tuple((level1, level2, max(count, want)) for (level1, level2, count), want
                          in zip(self.groups, wanted, strict=True)))


STANDARD = Form()


def group_first_row(row: int) -> int:
    return STANDARD.group_first_row(row)


# A form with more indicator rows than the standard one names their count (a constant, which
# no spreadsheet program moves when rows are inserted or deleted): the form as it was built
ROWS_NAME = "JX_IndicatorRows"


def named_last_row(reference: Callable[[str], str | None]) -> int:
    """The last indicator row of a form as built, from its defined names (``reference(name)``:
    the text a name holds): ``ROWS_NAME``'s count where ``jixiao convert`` built a form with
    more rows (``Form``), else the standard form's. Rows a clerk inserts or deletes later
    are found against this, as in the standard form."""
    text = (reference(ROWS_NAME) or "").strip().lstrip("=")
    rows = int(text) if text.isdigit() else INDICATOR_ROWS
    return FIRST_ROW + max(rows, INDICATOR_ROWS) - 1
