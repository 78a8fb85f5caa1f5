"""One checked file as typed rows: ``FileSummary`` of ``TableSummary``.

Made once from the JSON ``jixiao check FILE --json`` prints (an ``Outcome``'s
report) — in the worker that checked the file, or from the cache's brief copy —
and used by the summary workbook (``summary_book``) and the reviewers' DataFrames
(``frame``), so neither reads the JSON by string key or tuple index. The JSON
stays the one format of a result; these are its fields under names.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass
from typing import Any, TypeVar

from jixiao.model import FORMS, RULES_AND_DECLARED
from jixiao.rules import FULL_MARKS, TOLERANCE, band_text, grade_name

# a Word document (WPS 文字's .wps too): one without a 自评表 gets no row
WORD_SUFFIXES = (".docx", ".doc", ".wps")
UNREADABLE, WITH_ERRORS, WITH_WARNINGS, PASSED = "无法读取", "有错误", "有警告", "通过"
# Read, no error or warning, but its scores could not be checked against the rules — no
# 分值 column (JX108 says what was checked and what not) or no total computed: nothing
# was passed, a reviewer reads it by hand.
MANUAL = "须人工审核"
MANUAL_CODES = ("JX108",)
# Read, but not filled in (JSON "not_filled_in", JX001: blank, or the targets copied without
# one 完成值 or 得分): the whole form goes back to the unit, not one mistake to correct. Its
# written 总分 and 等级 (a template's formulas over an empty form: 9.8, 差) are no result.
UNFILLED = "未填写"
# Read, and no 自评表 read from it (JSON "no_table"; ``read.selection.no_table`` tells which,
# ``jixiao check`` prints the same 原因, the JSON error): not damaged, and each asks the
# reviewer for something else —
# another form than a 自评表 (a 绩效目标表 sent for it, a 工资表): ignore it, or ask for the 自评表;
NOT_A_TABLE = "不是自评表"
# nothing at all in it (JSON "empty"): ask the unit to send it again;
EMPTY = "空文件"
# titled a 自评表, its header row not found (JSON "unrecognised"): open it by hand.
UNRECOGNISED = "未识别表格"
REFUSED = (EMPTY, NOT_A_TABLE, UNRECOGNISED)
NOT_READ = (UNREADABLE, *REFUSED)  # a file's status where no table was read from it
STATUSES = (*NOT_READ, UNFILLED, WITH_ERRORS, WITH_WARNINGS, MANUAL, PASSED)
# What 汇总's 表样 shows of a table's form (model.FORMS without 绩效自评表): 项目支出,
# 部门整体支出, 转移支付区域
PROJECT_FORM = "project"
NO_TOTAL_REASON = "算不出总分，计算总分和计算等级空着：各指标得分和总分须人工按评分规则核对"
# A total computed with rows the rules cannot judge at their written 得分 (JSON total_basis
# "rules_and_declared"): counted, but those scores were not checked
DECLARED_REASON = "计算总分含按填报得分计入的指标：其得分无法按评分规则核对"

_Plain = TypeVar("_Plain", bound=type)


def plain_pickle(cls: _Plain) -> _Plain:
    """Pickle a slots dataclass as its class and its fields in order: what a worker hands
    back for each file travels as plain tuples, not as per-attribute state (half the time
    each way)."""
    fields = operator.attrgetter(*cls.__slots__)

    def __reduce__(self: Any) -> tuple[Any, tuple[Any, ...]]:
        return cls, fields(self)

    cls.__reduce__ = __reduce__  # type: ignore[method-assign, assignment]
    return cls



@plain_pickle
@dataclass(frozen=True, slots=True)
class FindingSummary:
    code: str
    severity: str            # "error", "warning", "info"
    sheet: str | None
    cell: str | None
    message: str
    place: str | None = None  # in a document's own terms (Word, a web page): JSON's place


@plain_pickle
@dataclass(frozen=True, slots=True)
class IndicatorSummary:
    """One indicator row of a table (only from a full outcome: the brief has none)."""

    level1: str | None
    level2: str | None
    name: str | None
    target: Any
    actual: Any
    weight: float | None
    score_declared: float | None
    score_computed: float | None
    met: bool | None
    sheet: str | None
    cell: str | None


@plain_pickle
@dataclass(frozen=True, slots=True)
class TableSummary:
    """One table read from a file, or the file that could not be read (``error``)."""

    file: str
    error: str | None = None
    sheet: str | None = None
    layout: str | None = None
    rules: str | None = None
    project: str | None = None
    department: str | None = None
    unit: str | None = None
    year: Any = None
    total_declared: Any = None
    total_computed: Any = None
    grade_declared: Any = None
    grade_computed: Any = None
    weight_total: float | None = None  # the 分值合计 (JSON "weight_total"): 100, or JX101
    findings: tuple[FindingSummary, ...] = ()
    indicators: tuple[IndicatorSummary, ...] = ()
    no_table: bool = False  # the file was read and holds no 自评表 (JSON "no_table")
    encrypted: bool = False  # it has a password to open (JSON "encrypted")
    targets_only: bool = False  # a 绩效目标表 sent for the 自评表 (JSON "targets_only")
    empty: bool = False  # every sheet of it blank (JSON "empty")
    unrecognised: bool = False  # titled a 自评表, no header found (JSON "unrecognised")
    # a 自评结果汇总表, no 自评表 and nothing wrong (JSON "results_summary"): no row
    results_summary: bool = False
    form: str | None = None  # project / department / transfer (JSON "form"; model.FORMS)
    content: str | None = None  # the digest of what the table declares (JSON "content")
    not_filled_in: bool = False  # JX001: no self-evaluation in it (JSON "not_filled_in")
    total_basis: str | None = None  # what total_computed is made of (JSON "total_basis")
    # the 总分 a person's scores within their bands allow (JSON "total_range"), or None
    total_range: tuple[float, float] | None = None
    # where a document's table is in its own terms (JSON "place": 第1个表格), or None
    place: str | None = None

    @property
    def errors(self) -> int:
        return sum(item.severity == "error" for item in self.findings)

    @property
    def warnings(self) -> int:
        return sum(item.severity == "warning" for item in self.findings)

    @property
    def weights_wrong(self) -> bool:
        """The 分值 do not total 100 (JX101): the computed total and grade mean nothing."""
        return self.weight_total is not None and abs(self.weight_total - FULL_MARKS) > TOLERANCE

    @property
    def grade_counted(self) -> str | None:
        """The computed grade a batch shows and counts: none of a table not filled in, or
        whose 分值 do not total 100 (JX101: a computed 110 is no 优)."""
        return None if self.not_filled_in or self.weights_wrong else self.grade_computed

    @property
    def declared_counted(self) -> str | None:
        """The written grade a batch counts, as the grade it names (优秀, √优 □良 …: 优;
        None if it names none): none of a table not filled in, whose 差 is no result."""
        return None if self.not_filled_in else grade_name(self.grade_declared)

    @property
    def status(self) -> str:
        if self.error is not None:
            if self.encrypted or not self.no_table:
                return UNREADABLE
            return EMPTY if self.empty else UNRECOGNISED if self.unrecognised else NOT_A_TABLE
        if self.not_filled_in:
            return UNFILLED
        if self.errors:
            return WITH_ERRORS
        if self.warnings:
            return WITH_WARNINGS
        return MANUAL if self.manual_reason else PASSED

    @property
    def manual_reason(self) -> str:
        """Why a reviewer is to check its scores by hand, as 汇总's 原因 says it ("" if
        they were checked): no 分值 column (JX108), or no total computed."""
        if any(item.code in MANUAL_CODES for item in self.findings):
            return "表中没有分值列（JX108）：各指标得分无法按评分规则核对"
        return self.no_total_reason or self.declared_reason

    @property
    def no_total_reason(self) -> str:
        """Why its 计算总分 and 计算等级 are blank, as 汇总's 原因 says it ("" if a total was
        computed, or the table is not filled in: JX001 says why): the range a person's
        scores within their bands allow, as the report's 总分 line gives it, where known."""
        if self.total_computed is not None or self.not_filled_in:
            return ""
        if self.total_range is None:
            return NO_TOTAL_REASON
        written = "（含按填报得分计入的指标）" if self.total_basis == RULES_AND_DECLARED else ""
        return (f"计算总分待人工评分后确定，在 {band_text(*self.total_range)} 之间{written}，"
                "计算总分和计算等级空着")

    @property
    def declared_reason(self) -> str:
        """What 汇总's 原因 says of a 计算总分 counting rows the rules cannot judge at the
        得分 written ("" otherwise)."""
        if self.total_computed is not None and self.total_basis == RULES_AND_DECLARED \
                and not self.not_filled_in:
            return DECLARED_REASON
        return ""

    @property
    def project_form(self) -> bool:
        """A 项目支出 table (or one of an older JSON, without "form"): a 部门整体 or 转移支付
        table is no project, kept out of the projects' counts, grades and averages."""
        return self.form in (None, PROJECT_FORM)

    @property
    def form_shown(self) -> str | None:
        """Its form as 汇总's 表样 shows it (None for a file not read)."""
        if self.error is not None:
            return None
        name = FORMS.get(self.form or PROJECT_FORM, self.form or "")
        return name.removesuffix("绩效自评表") or name

    @classmethod
    def from_json(cls, table: dict[str, Any], file: str,
                  indicators: bool = True) -> TableSummary:
        """A table's JSON object (``report.json.table_json``, or a file's error object);
        ``indicators``: with its indicator rows."""
        findings = tuple(FindingSummary(item["code"], item["severity"], item.get("sheet"),
                                        item.get("cell"), item["message"], item.get("place"))
                         for item in table.get("findings") or ())
        if "error" in table:
            return cls(file, error=table["error"], findings=findings,
                       no_table=bool(table.get("no_table")),
                       encrypted=bool(table.get("encrypted")),
                       targets_only=bool(table.get("targets_only")),
                       empty=bool(table.get("empty")),
                       unrecognised=bool(table.get("unrecognised")),
                       results_summary=bool(table.get("results_summary")))
        project = table.get("project") or {}
        rows = tuple(IndicatorSummary(
            item.get("level1"), item.get("level2"), item.get("name"), item.get("target"),
            item.get("actual"), item.get("weight"), item.get("score_declared"),
            item.get("score_computed"), item.get("met"), item.get("sheet"), item.get("cell"))
            for item in table.get("indicators") or ()) if indicators else ()
        return cls(file, None, table.get("sheet"), table.get("layout"), table.get("rules"),
                   project.get("name"), project.get("department"), project.get("unit"),
                   project.get("year"), table.get("total_declared"),
                   table.get("total_computed"), table.get("grade_declared"),
                   table.get("grade_computed"), table.get("weight_total"), findings, rows,
                   form=table.get("form"), content=table.get("content"),
                   not_filled_in=bool(table.get("not_filled_in")),
                   total_basis=table.get("total_basis"),
                   total_range=tuple(table["total_range"]) if table.get("total_range") else None,
                   place=table.get("place"))


@plain_pickle
@dataclass(frozen=True, slots=True)
class FileSummary:
    """A checked file: its tables (one as a rule), and the notes of its check."""

    file: str
    tables: tuple[TableSummary, ...]
    notes: tuple[str, ...] = ()
    annotated: str | None = None  # the annotated copy of it a batch wrote (or found made)
    content: str = ""             # its content's key (cache.content_key): duplicates

    @classmethod
    def from_report(cls, file: str, report: Any, notes: list[str] | tuple[str, ...] = (),
                    indicators: bool = False) -> FileSummary:
        """From the JSON value of ``jixiao check FILE --json`` (an object, or a list of
        them); ``indicators``: keep each table's indicator rows (the reviewers' frame)."""
        tables = report if isinstance(report, list) else [report]
        return cls(file, tuple(TableSummary.from_json(table, file, indicators)
                               for table in tables), tuple(notes))

    @property
    def unreadable(self) -> bool:
        return any(table.error is not None for table in self.tables)

    @property
    def document_without_table(self) -> bool:
        """A Word document read, in which no 自评表 was found (a 自评报告, not a damaged
        file): counted in a batch's closing line, given no row."""
        return self.file.lower().endswith(WORD_SUFFIXES) and bool(self.tables) and all(
            table.no_table and not table.targets_only and not table.empty for table in self.tables)

    @property
    def results_summary(self) -> bool:
        """A department's 自评结果汇总表 (``errors.ResultsSummary``): counted in a batch's
        closing line, given no row, raising no exit code."""
        return bool(self.tables) and all(table.results_summary for table in self.tables)


__all__ = ["EMPTY", "MANUAL", "NOT_A_TABLE", "NOT_READ", "NO_TOTAL_REASON", "PASSED", "REFUSED", "STATUSES", "UNRECOGNISED", "UNFILLED", "UNREADABLE", "WITH_ERRORS", "WITH_WARNINGS", "FileSummary", "FindingSummary", "IndicatorSummary", "TableSummary"]
