"""Submissions as pandas DataFrames, for reviewers who analyse a folder in Jupyter.

    from jixiao.batch.frame import check_folder, tables_frame, indicators_frame
    files = check_folder("收件/")         # each file checked, in parallel, as ``jixiao batch`` does
    tables = tables_frame(files)          # one row per table (and per unreadable file)
    indicators_frame(files)               # one row per indicator
    findings_frame(files)                 # one row per finding
    tables[tables.scored].groupby("department")["total_computed"].mean()  # as 统计 says

The rows come from ``FileSummary`` — the typed form of the JSON ``jixiao check
--json`` prints, the same the summary workbook is made from — so a frame, the JSON
and the workbook agree. pandas is imported here only: ``jixiao batch`` never loads it.
Column names are the JSON's field names (docs/json-schema.md), and three of the
summary's: ``duplicate_of`` (the file whose bytes a duplicate has: 汇总's 原因 names
it, 统计 leaves it out), ``counted`` (统计 counts the row: not a duplicate's) and
``scored`` (its 计算总分 is in 统计's average by 主管部门: counted, a project's table
— no 部门整体 one —, filled in, the 分值 total 100, and of the year of most tables or of
none: last year's table kept beside is not). Each is decided by the summary's own code
(``summary_book.Originals``, ``counted_score``, ``main_year``), on the files given together.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from jixiao.batch.cache import content_key, hashed_content
from jixiao.batch.discover import discover
from jixiao.batch.run import BatchOptions, Checked, Job, _run_local, check_one
from jixiao.batch.summary import FileSummary
from jixiao.batch.summary_book import counted_score, duplicates, main_year
from jixiao.xlsx.limits import Limits

if TYPE_CHECKING:
    import pandas as pd

TABLE_COLUMNS = ("file", "sheet", "layout", "form", "rules", "project", "department", "unit", "year",
                 "total_declared", "total_computed", "grade_declared", "grade_computed",
                 "not_filled_in", "errors", "warnings", "status", "error", "duplicate_of",
                 "counted", "scored")
INDICATOR_COLUMNS = ("file", "sheet", "project", "department", "level1", "level2", "name",
                     "target", "actual", "weight", "score_declared", "score_computed", "met",
                     "cell", "duplicate_of")
FINDING_COLUMNS = ("file", "project", "code", "severity", "sheet", "cell", "message",
                   "duplicate_of")


def check_folder(paths: str | Iterable[str], rules: str | None = None,
                 workers: int | None = None, timeout: float | None = 60.0) -> list[FileSummary]:
    """Every workbook below ``paths`` (folders, files or glob patterns, as ``jixiao
    batch`` takes them) checked, in path order, each with its indicator rows and its
    content's key (which files are duplicates: the frames' ``duplicate_of``). No cache
    and no file is written. A Word document without a 自评表 (a 自评报告) is left out,
    as the summary gives it no row."""
    arguments = [paths] if isinstance(paths, str) else list(paths)
    odd: dict[str, str] = {}
    files = discover(arguments, odd=odd, own={})  # jixiao's own outputs are not checked
    options = BatchOptions(rules=rules, workers=workers, timeout=timeout)
    summaries = {file: FileSummary.from_report(file, {"file": file, "findings": [],
                                                      "error": f"“{Path(file).name}”{why}"})
                 for file, why in odd.items()}
    jobs: list[Job] = [(file, rules, None, timeout) for file in files if file not in odd]
    for checked in _run_local(jobs, options, work=_with_indicators):
        assert checked.summary is not None
        if not (checked.summary.document_without_table or checked.summary.results_summary):
            summaries[checked.file] = replace(checked.summary, content=checked.content)
    return [summaries[file] for file in files if file in summaries]


def _with_indicators(jobs: list[Job]) -> list[Checked]:
    """The workers' function: each file read once, hashed and checked (as a batch's
    worker does), its summary with its indicator rows, and its content's key."""
    limits = Limits.from_environment()
    done = []
    for job in jobs:
        digest, data = hashed_content(job[0], limits.max_file_bytes)
        done.append(Checked.of(check_one(*job[:4], data=data, limits=limits),
                               content_key("", job[0], digest), indicators=True))
    return done


def _duplicates(files: list[FileSummary]) -> dict[str, str]:
    """The files given that are duplicates, each with its original (``summary_book``)."""
    return duplicates([(summary.file, summary.content) for summary in files])


def tables_frame(files: Iterable[FileSummary]) -> pd.DataFrame:
    """One row per table read, and one per file that could not be (``status`` 无法读取, or
    one of ``summary.REFUSED`` for a file read without a 自评表; ``error`` says why); ``duplicate_of``, ``counted`` and ``scored`` as the summary's
    汇总 and 统计 decide them (the module's docstring)."""
    import pandas as pd

    files = list(files)
    copies = _duplicates(files)
    main = main_year(Counter(table.year for summary in files if summary.file not in copies
                             for table in summary.tables
                             if table.error is None and isinstance(table.year, int)))
    rows = [(table.file, table.sheet, table.layout, table.form, table.rules, table.project,
             table.department, table.unit, table.year, table.total_declared,
             table.total_computed, table.grade_declared, table.grade_computed,
             table.not_filled_in, table.errors, table.warnings, table.status, table.error,
             copies.get(summary.file), summary.file not in copies,
             summary.file not in copies and table.error is None
             and counted_score(table) is not None
             and (main is None or not isinstance(table.year, int) or table.year == main))
            for summary in files for table in summary.tables]
    return pd.DataFrame(rows, columns=list(TABLE_COLUMNS))


def indicators_frame(files: Iterable[FileSummary]) -> pd.DataFrame:
    """One row per indicator of every table (``check_folder`` keeps them)."""
    import pandas as pd

    files = list(files)
    copies = _duplicates(files)
    rows = [(table.file, item.sheet, table.project, table.department, item.level1,
             item.level2, item.name, item.target, item.actual, item.weight,
             item.score_declared, item.score_computed, item.met, item.cell,
             copies.get(summary.file))
            for summary in files for table in summary.tables for item in table.indicators]
    return pd.DataFrame(rows, columns=list(INDICATOR_COLUMNS))


def findings_frame(files: Iterable[FileSummary]) -> pd.DataFrame:
    """One row per finding (``severity``: error, warning, info)."""
    import pandas as pd

    files = list(files)
    copies = _duplicates(files)
    rows = [(table.file, table.project, item.code, item.severity, item.sheet, item.cell,
             item.message, copies.get(summary.file))
            for summary in files for table in summary.tables for item in table.findings]
    return pd.DataFrame(rows, columns=list(FINDING_COLUMNS))


__all__ = ["check_folder", "findings_frame", "indicators_frame", "tables_frame"]
