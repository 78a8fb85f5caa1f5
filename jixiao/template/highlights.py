"""What the template marks on screen: the cells a check would name, by the same rule.

A clerk with no Python (WPS, the native template) never runs ``jixiao check``; the form
itself then shows where it would say something — conditional formatting, which every
spreadsheet program evaluates (Excel, WPS, LibreOffice) without the add-in:

    code   cell                   when
    JX101  first 分值 (G)          the 分值 typed do not total 100 (none typed: no mark):
                                   the first number in G, where check points (the
                                   分值合计 G43 is locked; the 评分等级 says ⚠ there)
    JX106  分值 (G)                an indicator named in D has no 分值
    JX201  年度指标值 (E)          a row with a 分值 has no 年度指标值
    JX202  实际完成值 (F)          a row with a 分值 and a 年度指标值 has no 实际完成值
    JX405  偏差原因 (I)            the 得分 is below the 分值 and no reason is written
                                   (blank, only / ／ — - —— N/A: ``parsing.is_placeholder``,
                                   or only “无”/“暂无” …: ``model.NO_REASON``);
                                   the 分值 in points, from the hidden column AB (10%
                                   typed is 10, as the 得分 counts it)
    JX408  人工评分 (J)            the 得分 cell asks for a person's score

Each highlight is a subset of its check: whatever the form marks, ``jixiao check`` says
at the same cell; a check may say more
(rows it reads in ways a formula cannot). tests/template/test_highlights.py holds the two
to that on filled forms.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from jixiao.layout import COLUMN, FIRST_ROW, LAST_ROW
from jixiao.model import NO_REASON
from jixiao.native import placeholder
from jixiao.rules import FULL_MARKS, TOLERANCE

# Excel's own presets: "light red fill with dark red text" for what check calls an
# error, "yellow fill with dark yellow text" would vanish against the input cells'
# light yellow, so warnings are orange
_ERROR = (PatternFill("solid", bgColor="FFC7CE"), Font(color="9C0006"))
_WARNING = (PatternFill("solid", bgColor="F8CBAD"), Font(color="833C0B"))


@dataclass(frozen=True)
class Highlight:
    code: str
    column: str
    rows: tuple[int, int]  # the standard form's
    # the condition for one row, with that row's cells; the form's last indicator row
    # given where it reads the 分值合计 below it (JX101)
    formula: Callable[[int, int], str]
    error: bool = True

    def ref(self, last_row: int = LAST_ROW) -> str:
        """The cells it marks on a form whose indicator rows end at ``last_row``."""
        first, last = self.rows[0], max(self.rows[1], last_row)
        return f"{self.column}{first}" if first == last else f"{self.column}{first}:{self.column}{last}"


def _blank(ref: str) -> str:
    return f"LEN(TRIM({ref}))=0"


def _no_reason(ref: str) -> str:
    # each word compared on its own: no array constant, which not every program takes here;
    # a placeholder (/, ／, —, -, ——, N/A) as check reads one (``parsing.is_placeholder``)
    words = ",".join(f'TRIM({ref})="{word}"' for word in sorted(NO_REASON))
    return f"OR({placeholder(ref)},{words})"


def _row(key: str, row: int) -> str:
    return f"${COLUMN[key]}{row}"


def _deduction(row: int) -> str:
    # the 分值 in points (hidden AB: 10% typed is 10), as the 得分 was scored on it
    score, weight = _row("score", row), _row("points", row)
    return (f"IF(AND(ISNUMBER({score}),ISNUMBER({weight})),"
            f"AND({score}<{weight}-{TOLERANCE:g},{_no_reason(_row('reason', row))}),FALSE)")


_ROWS = (FIRST_ROW, LAST_ROW)


def _total(last_row: int) -> str:
    return f"${COLUMN['weight']}${last_row + 1}"  # the 分值合计, under the last row


def _weights(last_row: int) -> str:  # none typed: untouched
    return f"${COLUMN['weight']}${FIRST_ROW}:${COLUMN['weight']}${last_row}"


def _first_weight(row: int) -> str:
    """Row ``row``'s 分值 is the first number typed in the column (the only one from the
    first row down to it): where JX101 points, the 分值合计 being locked."""
    weight = COLUMN["weight"]
    return (f"IF(ISNUMBER(${weight}{row}),COUNT(${weight}${FIRST_ROW}:${weight}{row})=1,"
            "FALSE)")


HIGHLIGHTS = (
    Highlight("JX101", COLUMN["weight"], _ROWS,
              lambda row, last: f"IF(AND(ISNUMBER({_total(last)}),COUNT({_weights(last)})>0),"
                                f"AND(ABS({_total(last)}-{FULL_MARKS:g})>{TOLERANCE:g},"
                                f"{_first_weight(row)}),FALSE)"),
    Highlight("JX106", COLUMN["weight"], _ROWS,
              lambda row, _last: f"AND(NOT({_blank(_row('name', row))}),"
                                 f"{_blank(_row('weight', row))})"),
    Highlight("JX201", COLUMN["target"], _ROWS,
              lambda row, _last: f"AND(ISNUMBER({_row('weight', row)}),"
                                 f"{_blank(_row('target', row))})"),
    Highlight("JX202", COLUMN["actual"], _ROWS,
              lambda row, _last: f"AND(ISNUMBER({_row('weight', row)}),"
                                 f"NOT({_blank(_row('target', row))}),{_blank(_row('actual', row))})"),
    Highlight("JX405", COLUMN["reason"], _ROWS, lambda row, _last: _deduction(row)),
    Highlight("JX408", COLUMN["judged"], _ROWS,
              lambda row, _last: f'ISNUMBER(SEARCH("人工评分",{_row("score", row)}))', error=False),
)


def write_highlights(ws: Worksheet, last_row: int = LAST_ROW) -> None:
    """Put the conditional formats of ``HIGHLIGHTS`` on the form, its indicator rows ending
    at ``last_row`` (a form with more rows than the standard one: ``layout.Form``)."""
    for highlight in HIGHLIGHTS:
        fill, font = _ERROR if highlight.error else _WARNING
        ws.conditional_formatting.add(highlight.ref(last_row), FormulaRule(
            formula=[highlight.formula(highlight.rows[0], last_row)], fill=fill, font=font,
            stopIfTrue=False))
