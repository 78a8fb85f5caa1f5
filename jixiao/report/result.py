"""What checking one workbook found: ``FileResult`` (its tables, or why it could not be
read), and the command's exit code for a list of them.

``pipeline.check_workbook`` returns a ``FileResult``; ``report/text.py`` and
``report/json.py`` format a list of them. ``exit_code`` is 0 (no errors), 1 (errors) or
2 (a file unreadable or not a 自评表; a 自评结果汇总表 raises none).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from jixiao.checks import Finding
from jixiao.model import Evaluation, SelfEvaluation

# How the note of a file whose annotated copy was asked for and not written begins
# (``jixiao check --annotate``, ``jixiao batch --annotate-dir``)
ANNOTATION_FAILED = "未能写出标注副本"


@dataclass
class CheckedTable:
    table: SelfEvaluation
    evaluation: Evaluation
    findings: list[Finding]

    @property
    def grade(self) -> str | None:
        """The grade of the computed 总分 — none where the 分值 do not total 100 (JX101):
        a table whose 分值 total 110 can compute 110, which is no 优. The one answer the
        text report, the JSON and the batch summary give."""
        from jixiao.checks.weights import weights_wrong

        return None if weights_wrong(self.table) is not None else self.evaluation.grade


@dataclass
class FileResult:
    path: Path
    tables: list[CheckedTable] = field(default_factory=list)
    error: str | None = None                         # why the file could not be checked
    no_table: bool = False  # it was read, and holds no 自评表 (``NotASelfEvaluation``)
    encrypted: bool = False  # it has a password to open (``Encrypted``)
    targets_only: bool = False  # what it holds is a 绩效目标表 (``TargetsOnly``)
    empty: bool = False  # every sheet of it is blank (``EmptyWorkbook``)
    unrecognised: bool = False  # titled a 自评表, no header found (``UnrecognisedTable``)
    results_summary: bool = False  # a 自评结果汇总表, no 自评表 (``ResultsSummary``)
    notes: list[str] = field(default_factory=list)   # sheets skipped …
    # A workbook read as opened (fullCalcOnLoad): (SHA-256 of the file, the copy read with
    # its formulas' results), for ``annotate`` to store them without computing them again
    opened: tuple[str, bytes] | None = field(default=None, repr=False)

    @property
    def findings(self) -> list[Finding]:
        return [item for checked in self.tables for item in checked.findings]


def exit_code(results: list[FileResult]) -> int:
    """2 where a file could not be checked — not a 自评结果汇总表, which holds nothing to
    check and nothing wrong —, 1 where a table has an error, else 0."""
    if any(result.error and not result.results_summary for result in results):
        return 2
    if any(item.severity == "error" for result in results for item in result.findings):
        return 1
    return 0


def table_place(table: SelfEvaluation) -> str | None:
    """Where a table read from a document is, in the document's terms ("第1个表格", the
    embedded worksheet); None for a workbook's (its sheet names it). The text report's
    位置 and the JSON's top-level ``place``."""
    where = table.sources.get("header")
    if table.document is None or where is None:
        return None
    return table.document.table_of(where.sheet, where.cell)
