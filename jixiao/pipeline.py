"""The one way a workbook is checked: ``check_workbook(path)``.

bytes → package (``xlsx/``) → table (``read/``) → evaluation (``rules``) → findings
(``checks/``) → ``FileResult`` (``report/``). The CLI (``jixiao check``), the batch and its
workers, and the add-in's 校验 button all call this function, so they cannot disagree.
It never raises for a bad input: a workbook jixiao cannot read comes back with ``error`` set.
A workbook that asks to be recalculated on opening is checked as opened (``read_as_opened``).
"""

from __future__ import annotations

from pathlib import Path

from jixiao.checks import run_checks
from jixiao.errors import (
    EmptyWorkbook,
    Encrypted,
    JixiaoError,
    NotASelfEvaluation,
    ResultsSummary,
    StrictOpenXml,
    TargetsOnly,
    UnreadableWorkbook,
    UnrecognisedTable,
)
from jixiao.model import evaluate
from jixiao.read.workbook import SubmittedWorkbook, read_workbook
from jixiao.report.result import CheckedTable, FileResult
from jixiao.rules import rule_set
from jixiao.xlsx.limits import Limits


def check_workbook(path: str | Path, rules: str | None = None, *,
                   data: bytes | None = None, limits: Limits | None = None) -> FileResult:
    """Read, evaluate and check every table of a workbook.

    ``rules`` overrides the rule set the workbook states (an unknown name
    raises ``UnknownRuleSet``: that is the caller's mistake, not the file's).
    ``data``: the file's content, when the caller has read it already; ``limits``: the
    ``Limits`` it read (a batch worker reads them once for many files).
    """
    chosen = rule_set(rules) if rules else None
    result = FileResult(Path(path))
    try:
        workbook = read_as_opened(result.path, data=data, limits=limits)
        result.notes, result.opened = workbook.notes, workbook.opened
        for table in workbook.tables:
            if chosen is not None:
                table.rules = chosen
            evaluation = evaluate(table)
            result.tables.append(CheckedTable(table, evaluation, run_checks(table, evaluation)))
    except JixiaoError as error:
        result.error, result.tables = str(error), []
        result.no_table = isinstance(error, NotASelfEvaluation)
        result.encrypted = isinstance(error, Encrypted)
        result.targets_only = isinstance(error, TargetsOnly)
        result.empty = isinstance(error, EmptyWorkbook)
        result.unrecognised = isinstance(error, UnrecognisedTable)
        result.results_summary = isinstance(error, ResultsSummary)
    except Exception as error:  # a bug must not stop a batch of hundreds of files
        result.error, result.tables = (f"“{result.path.name}”校验时出现内部错误（{type(error).__name__}: "
                                       f"{error}），请将此文件反馈给 jixiao 维护者"), []
    return result


STRICT_NOT_RECALCULATED = ("文件要求打开时重新计算（fullCalcOnLoad），但它是 Strict Open XML 格式，"
                           "jixiao 不能在其中重算公式：按文件保存的结果校验（可能不是打开后显示的数）")


NOT_RECALCULATED = ("文件要求打开时重新计算（fullCalcOnLoad），但 jixiao 无法重算其中的公式：按文件保存的"
                    "结果校验（可能不是打开后显示的数）")


def read_as_opened(path: str | Path, *, data: bytes | None = None,
                   limits: Limits | None = None) -> SubmittedWorkbook:
    """``read_workbook``, with the values the unit saw: a workbook asking to be recalculated
    on opening (fullCalcOnLoad: an export library's, its stored results 0 or a template's
    old ones) is read from a copy in memory holding what its formulas compute
    (``recalc.on_load``), with a note saying so. Every other workbook is read as it is."""
    workbook = read_workbook(path, data=data, limits=limits)
    if not workbook.calculate_on_load:
        return workbook
    import hashlib

    from jixiao.recalc.on_load import as_opened

    try:
        data = Path(path).read_bytes() if data is None else data
        opened = as_opened(path, data)
    except StrictOpenXml:  # recomputed by writing results into the package: not in strict
        workbook.notes.append(STRICT_NOT_RECALCULATED)
        return workbook
    except UnreadableWorkbook as error:  # a sheet over the limits the reader skipped …
        workbook.notes.append(f"{NOT_RECALCULATED}（{error}）")
        return workbook
    workbook = read_workbook(path, data=opened.data, limits=limits)
    workbook.notes.append(opened.note)
    workbook.opened = (hashlib.sha256(data).hexdigest(), opened.data)
    return workbook
