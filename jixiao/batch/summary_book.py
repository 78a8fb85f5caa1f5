"""The summary workbook of ``jixiao batch``, for a reviewer to sort, filter and print.

    汇总      one row per table read (a file usually holds one), or per unreadable file:
              文件名 | 项目名称 | 主管部门 | 实施单位 | 填报/计算总分 | 填报/计算等级 | 错误数 |
              警告数 | 状态 | 原因 | 文件夹 | 标注副本 | 表样 | 年度 (表样: 项目支出, 部门整体支出 …: a
              部门整体 table is no project's, kept out of 统计's project counts, grades and
              averages; a duplicate's 原因 names its original:
              of the files with its bytes the one nearest the root, then the first in path order;
              a version of a project — another table of it, in another file or the same —
              names the others, and whether each declares the same: ``_with_versions``;
              a project's tables of two years are no versions: a table of another year
              than most tables' is kept out of 统计's grades and averages, ``_with_year``)
    问题明细  one row per finding, with its table's 年度; 文件 and 位置 link to the file
              (and the cell)
    统计      概况, grade distribution, findings per code, per 主管部门 — with native
              Excel bar charts of the grades and of the most frequent findings

Each list sheet has its header frozen, an autofilter, widths fitted to its text
and a landscape, one-page-wide print setup. The file is written atomically.

Memory stays flat however many files a batch has (a province has tens of
thousands): ``Summary`` is opened before the first file is checked and writes each
file's rows (from its typed ``FileSummary``) as soon as the files before it have come,
XlsxWriter writing row by row (``constant_memory``), its hyperlinks waiting on disk and
each row's XML made in one go (xlsx/stream_writer.py); in memory stay the few rows that
came early and the running counts — enough for the exit code and the 统计 sheet, whose
blocks are a few plain rows each (no pandas: importing it cost 0.3–0.4 s of every
batch). The 问题明细 rows are written while the workers check. The 汇总 rows wait on
disk (a pickle per file in the scratch folder, not in memory) and are written at the
end, after the last file: only then is it known which project has several versions
(versions of one project in any folders: every row of the group names the same
count, ``_with_versions``). Then 统计.
XlsxWriter rather than openpyxl's write-only mode
because it is twice as fast: 50,000 finding rows with their links took openpyxl 8.9 s,
XlsxWriter 4.8 s (2.8 s with the links on disk). The two lists of 2,000 sample
workbooks (9,000 rows) take 0.18 s, 0.52 s with XlsxWriter's cell calls. Excel
takes at most 65,530 hyperlinks on a sheet (with more, it "repairs" the file by
dropping them all), so the rows past that have their file name as plain text, and
统计 says so.

(Over 400 lines: three sheets streamed in one pass, with their links, widths and print setup.)
"""

from __future__ import annotations

import bisect
import contextlib
import datetime as _dt
import math
import os
import pickle
import re
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from jixiao.batch.cache import same_bytes
from jixiao.batch.outcome import (
    FINDINGS_SHEET,
    STATS_SHEET,
    SUMMARY_SHEET,
    BatchRun,
    Outcome,
    is_unicode,
    natural_order,
    path_order,
    shown_name,
)
from jixiao.batch.summary import (
    EMPTY,
    MANUAL,
    NOT_A_TABLE,
    NOT_READ,
    PASSED,
    PROJECT_FORM,
    REFUSED,
    UNFILLED,
    UNREADABLE,
    UNRECOGNISED,
    WITH_ERRORS,
    WITH_WARNINGS,
    FileSummary,
    TableSummary,
)
from jixiao.model import FORMS, project_key
from jixiao.parsing import compact_text
from jixiao.rules import GRADE_NAMES, grade_name, round2
from jixiao.xlsx.marks import MARK_PROPERTY, SUMMARY_MARK

# 文件名 shows the file's name whole (the column is as wide as the names, up to a point),
# linked to the file; its folder (the unit's, as a rule) and the annotated copy close the row.
# 年度: the table's (its title's, else its sheet's or file's name: ``read.workbook``), last
# as 表样 is, so the columns before keep their places.
SUMMARY_COLUMNS = ("文件名", "项目名称", "主管部门", "实施单位", "填报总分", "计算总分",
                   "填报等级", "计算等级", "错误数", "警告数", "状态", "原因", "文件夹", "标注副本",
                   "表样", "年度")
_COPY_COLUMN = SUMMARY_COLUMNS.index("标注副本")
_FILE, _PROJECT, _DEPARTMENT, _UNIT = (SUMMARY_COLUMNS.index(name)
                                       for name in ("文件名", "项目名称", "主管部门", "实施单位"))
_STATUS, _REASON = SUMMARY_COLUMNS.index("状态"), SUMMARY_COLUMNS.index("原因")
_FORM = SUMMARY_COLUMNS.index("表样")  # 项目支出, 部门整体支出 … (TableSummary.form_shown)
_YEAR = SUMMARY_COLUMNS.index("年度")
_PROJECT_FORM = FORMS[PROJECT_FORM].removesuffix("绩效自评表")
_NAME_WIDTH = 40  # the widest the 文件名 column gets: a longer name wraps
FINDING_COLUMNS = ("文件", "项目名称", "代码", "级别", "位置", "说明", "年度")
GRADES = GRADE_NAMES
# (a table not recognised is read by hand, as one whose scores cannot be checked)
_STATUS_FILLS = {UNREADABLE: "#D9D9D9", EMPTY: "#D9D9D9", NOT_A_TABLE: "#D9D9D9",
                 UNRECOGNISED: "#DDEBF7", UNFILLED: "#F4B084", WITH_ERRORS: "#FFC7CE",
                 WITH_WARNINGS: "#FFEB9C", MANUAL: "#DDEBF7", PASSED: "#C6EFCE"}
_MAX_FINDING_ROWS = 1_000_000  # a sheet holds 1,048,576 rows
_MAX_LINKS = 65_530            # Excel's limit of hyperlinks on one sheet (xlsx.stream_writer.MAX_LINKS)
_TOP_CODES = 10
_WIDTH_SAMPLE = 500            # column widths are fitted to the first rows of a list (held in memory)

@dataclass(slots=True)
class _Department:
    """Running totals of one 主管部门's readable tables."""

    name: str = ""           # as the first file (in path order) writes it: the group is of
    first: tuple[Any, ...] = ()  # the names alike (compact_text); that file's path_order
    tables: int = 0
    # of the computed totals that are numbers, by the table's year: (sum, count); the
    # average is of the inbox's year's (``Summary.of_main_year``)
    scores: dict[int | None, tuple[float, int]] = field(default_factory=dict)
    with_errors: int = 0     # tables 有错误 (not those 未填写: counted apart)
    unfilled: int = 0
    errors: int = 0
    warnings: int = 0


class Summary:
    """The summary of a batch, gathered outcome by outcome, written as it comes.

    Given its ``target`` and the run's ``files`` (``jixiao batch`` does), each file's rows
    go into the workbook as soon as every file before it (in path order) has come: its
    问题明细 rows are written while the workers check the next files, its 汇总 rows wait
    on disk for ``write_summary``, which writes them and the 统计 sheet. The outcomes
    come nearly in order (a few chunks in flight), so few rows wait; in memory stay those and the running counts. Without a
    ``target`` (a test, a notebook) the rows wait until ``write_summary``. Each file is
    added once, as ``run_batch`` does. Close it, or use it in a ``with``: a summary not
    written leaves nothing behind.
    """

    def __init__(self, target: Path | None = None, files: Iterable[str] = (),
                 others: dict[str, str] | None = None, own: dict[str, str] | None = None,
                 roots: Iterable[Path] = (), annotate_dir: Path | None = None) -> None:
        from jixiao.checks import SEVERITY_NAMES

        # 文件夹 and 标注副本 are shown short: below the inbox's or the 标注 folder's name
        self._places = Places(roots, annotate_dir)

        self.others = dict(others or {})  # the documents found that are no workbooks: path → kind
        self.own = dict(own or {})  # jixiao's own outputs found, not checked: path → what
        self.without_table: list[str] = []  # Word documents checked, no 自评表 in them: no row
        self.results_lists: list[str] = []  # 自评结果汇总表 files, no 自评表 in them: no row
        # annotated copies of earlier runs whose files are gone (describe_earlier_copies)
        self.earlier_copies = ""
        self.failed_copies = ""  # the annotated copies not written (describe_failed_copies)

        self._severity_names = SEVERITY_NAMES
        # rows of files not written yet, by file: [(汇总 rows, 问题明细 rows), …]
        self._waiting: dict[str, list[_Waiting]] = {}
        self._order: list[str] = []     # the run's files in the summary's order
        self._next = 0                  # the first of them not written yet
        self._contents: dict[str, str] = {}    # file → its content key, until it is written
        self._originals = Originals([])  # of the files with the same bytes, the original
        self._book: _Book | None = None
        # Versions of one project (a table corrected and sent again under another name, or
        # left twice in one workbook), by ``project_key``, duplicates left out: the key's
        # hash → its first file (the run's own string: ~80 bytes a file), and for a project
        # of several tables, their count. The 汇总 rows wait on disk until every file is in
        # (``_Book.spooled``); then the tables of those projects are read from there
        # (``_Versions``: their files, sheets and contents), so that each row of a project
        # names all its versions, in whatever folder, with the same count. Its tables of
        # different years (last year's kept beside this year's) are no versions of one
        # another: the versions are of (project's hash, year) (``_gather_versions``).
        self._projects: dict[int, str] = {}
        self._version_count: dict[int, int] = {}   # how many tables it has
        self._versions: dict[tuple[int, int | None], _Versions] = {}  # when every file is in
        self.unnamed_tables = 0  # counted tables without a 项目名称: each a project of its own
        self._not_projects: set[int] = set()  # of ``_projects``, the 部门整体 and 转移支付 tables
        self.other_forms = 0  # counted tables that are no project's (部门整体, 转移支付)
        self.unfilled_files: list[str] = []  # the first _NAMED counted files 未填写, in order
        self.statuses: Counter[str] = Counter()     # rows of 汇总 (tables, unreadable files) per status
        # 统计 counts each content once: a file with the bytes of one before it (the same
        # table sent twice) is counted as a duplicate only, when its rows are written
        self.duplicates = 0                 # files whose content an earlier file has
        self.counted: Counter[str] = Counter()      # the tables counted, per status
        self.unreadable_files = 0
        # files read without a 自评表, by status (REFUSED: 空文件, 不是自评表, 未识别表格)
        self.refused_files: Counter[str] = Counter()
        self.table_files = 0                # files read, with a 自评表 (one or more)
        self.several_tables_files = 0       # of those, with more than one
        self.finding_count = 0
        # by code and the severity it was given (JX306 is a 警告 under sichuan, a 提示 else)
        self.code_count: Counter[tuple[str, str]] = Counter()   # 次数
        self.code_files: Counter[tuple[str, str]] = Counter()   # 涉及文件数
        # the rule sets of the tables given each (code, severity): JX306's 提示 and 警告 told apart
        self.code_rules: dict[tuple[str, str], set[str]] = {}
        self.departments: dict[str, _Department] = {}
        # the grades by the table's year: 评分等级分布 counts the inbox's year's (``main_year``)
        self._grades: dict[int | None, tuple[Counter[str | None], Counter[str]]] = {}
        # the tables counted of each year written (a table of none is of the inbox's year),
        # and the first _NAMED files of each, in path order (统计›注意 names another year's)
        self.years: Counter[int] = Counter()
        self._year_files: dict[int, list[str]] = {}
        if target is not None:
            self._start(target, files)

    def __enter__(self) -> Summary:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def size_estimate(self) -> int:
        """About how many bytes the workbook will take at most: what its rows take in
        scratch files now (the workbook is these, compressed, and its 统计 sheet)."""
        if self._book is None:
            return 0
        files = [self._book._spool, *(sheet.row_data_fh for sheet in self._book.book.worksheets()
                                      if getattr(sheet, "row_data_fh", None) is not None)]
        size = 0
        for stream in files:
            with contextlib.suppress(OSError, ValueError, AttributeError):
                stream.flush()
                size += os.fstat(stream.fileno()).st_size
        return size

    def close(self) -> None:
        """Discard what is not written (the scratch files; the target is never touched)."""
        if self._book is not None:
            self._book.discard()
            self._book = None

    def _start(self, target: Path, files: Iterable[str]) -> None:
        # The caller's own strings, sorted (``path_order``: natural order, the same on
        # every platform; a name that is not UTF-8 is shown readable and linked as it
        # is): 8 bytes a file, however many files. Sorted already, as a run's files are,
        # they are not sorted again: that would hold every file's key at once.
        self._order = list(files)
        if not _sorted(self._order):
            self._order.sort(key=path_order)
        self._originals = Originals(self._order)
        self._places.base = os.path.realpath(target.resolve().parent)
        self._book = _Book(target, self._order, self._places.copy, self._places.file)

    def add(self, checked: FileSummary | Outcome) -> None:
        """The rows of one checked file (its ``FileSummary``, or its ``Outcome``), and its counts."""
        if isinstance(checked, Outcome):
            checked = FileSummary.from_report(checked.file, checked.report, checked.notes)
        file, tables = checked.file, checked.tables
        if checked.document_without_table or checked.results_summary:  # counted, no row
            (self.results_lists if checked.results_summary else self.without_table).append(file)
            self._waiting.setdefault(file, [])  # nothing to write; the files after it may be
            self._write_ready()
            return
        rows: list[tuple[Any, ...]] = []
        findings: list[tuple[Any, ...]] = []
        tally = _Tally()
        folder = readable_text(self._places.folder(os.path.dirname(file)))
        copy = checked.annotated  # its link goes to it; its cell shows it short (_List)
        from jixiao.read.selection import earlier_year_note, is_earlier_year_note

        # the check's note of last year's table kept beside this year's goes on that
        # table's row only (its sheet may hold this year's table too)
        notes = [note for note in checked.notes if not is_earlier_year_note(note)]
        latest = max((table.year for table in tables
                      if table.error is None and isinstance(table.year, int)), default=None)
        for number, table in enumerate(tables):
            status = table.status
            self.statuses[status] += 1
            tally.statuses[status] += 1
            if table.error is not None:
                tally.unreadable = True
                tally.refused = status if status in REFUSED else None
                rows.append((file, None, None, None, None, None, None, None, None, None,
                             status, readable_text(table.error), folder,
                             None, None, None, None, None))
                continue
            name = table.project
            for item in table.findings:
                sheet, cell = item.sheet, item.cell
                place = ((f"{sheet}!{cell}" if sheet else cell) if sheet is not None and cell
                         else sheet or "")  # as Finding.where: a sheet may be named ""
                if item.place:  # a Word document's, a web page's: no cell to open it at
                    place, sheet, cell = item.place, None, None
                findings.append((file, name, item.code,
                                 self._severity_names.get(item.severity, item.severity), place,
                                 readable_text(item.message), table.year, sheet, cell))
                tally.codes[item.code, findings[-1][3]] += 1
                tally.rules.setdefault((item.code, findings[-1][3]), set()).add(table.rules or "")
            errors, warnings = table.errors, table.warnings
            reasons = list(notes)
            grade = table.grade_counted
            if table.not_filled_in:  # the form goes back whole; its totals mean nothing
                reasons.insert(0, _unfilled_reason(table))
            # 分值合计 110: a computed 110 is no 优 (said where a total was computed: of a
            # blank form, JX001 says why it has none)
            elif table.weights_wrong and table.total_computed is not None:
                reasons.insert(0, f"分值合计为 {_points(table.weight_total)}，不是 100："
                                  "计算总分不评等级，也不计入按主管部门的平均分")
            elif status == MANUAL:  # (no error, no warning: nothing else says why)
                reasons.insert(0, table.manual_reason)
            elif table.no_total_reason or table.declared_reason:
                # its warnings do not say why 计算总分 is blank, or what it counts unchecked
                reasons.insert(0, table.no_total_reason or table.declared_reason)
            if not table.project_form:  # a 部门整体 table among the projects: no project
                reasons.insert(0, f"{FORMS.get(table.form or '', table.form)}，不是项目支出自评表："
                                  "不计入项目数、评分等级分布和按主管部门的平均计算总分")
            if isinstance(table.year, int) and latest is not None and table.year < latest:
                reasons.insert(0, earlier_year_note("此表", table.year, latest))
            if len(tables) > 1:
                # a Word document's table by its place (第1个表格), as its findings: no
                # Word document has the sheet “文档” it is read as
                reasons.insert(0, f"本文件共 {len(tables)} 张表，此为第 {number + 1} 张"
                                  f"（{table.place or f'工作表“{table.sheet}”'}）")
            rows.append((file, name, table.department, table.unit,
                         table.total_declared, table.total_computed, table.grade_declared,
                         grade, errors, warnings, status,
                         readable_text("；".join(reasons)) or None, folder, copy,
                         table.form_shown, table.year,
                         table.sheet, table.content))  # (these two: for ``_Versions`` only)
            tally.tables.append((table, errors, warnings))

        tally.several = len(tables) > 1
        self.finding_count += len(findings)
        if checked.content:
            self._contents[file] = checked.content
        self._waiting.setdefault(file, []).append((rows, findings, tally))
        self._write_ready()

    def _write_ready(self) -> None:
        """Write the rows of the files next in order that have come."""
        book, order, waiting = self._book, self._order, self._waiting
        if book is None:
            return
        while self._next < len(order):
            file = order[self._next]
            if file not in waiting:
                return
            original = self._originals.named.get(file)
            if original is not None and original[1] > self._next and original[0] not in waiting:
                return  # x - 副本.xlsx waits for x.xlsx (just after it): the same bytes?
            items = waiting.pop(file)
            self._next += 1
            self._write(book, file, items, self._originals.passable[self._next - 1])

    def _write(self, book: _Book, file: str, items: list[_Waiting], passable: bool = True
               ) -> None:
        """The rows of one file, in path order. Of the files with the same bytes one is
        the original (``Originals``); the others say so in their 原因 and are counted in
        统计 as duplicates only. ``passable``: a file nearer the root may come after this
        one; then, if it is an original, its counts wait on disk until every file is in."""
        key, first = self._originals.settle(file, self._contents, passable)
        for rows, findings, tally in items:
            if first is None or first == file and not self._originals.is_open(key):
                self._count(tally)
                self._add_versions(file, rows)
            elif first == file:
                book.defer(file, key, rows, tally)  # counted at the end if still the original
            book.add(file, rows, findings, key or 0)

    def _add_versions(self, file: str, rows: list[tuple[Any, ...]]) -> None:
        """Note the projects of a file's tables (a file counted, not a duplicate): each
        table of a project another version of it — a second one in the same file too —
        unless of another year (``_gather_versions`` tells)."""
        seen = set()
        for row in rows:
            key = _project_key(row)
            if key is None:  # (a file not read, or no 自评表: no table)
                self.unnamed_tables += row[_FORM] == _PROJECT_FORM
                continue
            key_hash = hash(key)
            if row[_FORM] not in (None, _PROJECT_FORM):  # versions of a 部门整体 table: no project
                self._not_projects.add(key_hash)
            first = self._projects.setdefault(key_hash, self._own_string(file))
            if first != file or key_hash in seen:
                self._version_count[key_hash] = self._version_count.get(key_hash, 1) + 1
            seen.add(key_hash)

    def _own_string(self, file: str) -> str:
        """The run's own string of ``file`` (its list's), if it is one of the run's files."""
        at = bisect.bisect_left(self._order, file)
        return self._order[at] if at < len(self._order) and self._order[at] == file else file

    def _gather_versions(self, spooled: Iterable[tuple[str, int, list[tuple[Any, ...]]]]
                         ) -> None:
        """The tables of each project of several (``_version_count``), from the 汇总 rows
        of the files counted: where each is and what it declares, by year — a project's
        2023 table is no version of its 2024 one. A table of no year known is a version
        of the project's tables of its one year (of those of no year, if it has several)."""
        years: dict[int, set[int]] = {}  # a project's years known
        for file, key, rows in spooled:
            if self._originals.original(file, key) != file:
                continue  # a duplicate's tables are no versions
            for row in rows:
                project = _project_key(row)
                key_hash = hash(project) if project is not None else 0
                if project is not None and key_hash in self._version_count:
                    year = _year(row)
                    versions = self._versions.get((key_hash, year))
                    if versions is None:
                        versions = self._versions[key_hash, year] = _Versions(
                            row[_PROJECT], _alike(project))
                        if year is not None:
                            years.setdefault(key_hash, set()).add(year)
                    versions.add(self._own_string(file), row[_SHEET], row[_CONTENT],
                                 row[_STATUS] == UNFILLED)
        for key_hash, known in years.items():
            unknown = self._versions.get((key_hash, None))
            if unknown is not None and len(known) == 1:
                versions = self._versions[key_hash, next(iter(known))]
                versions.merge(unknown)
                self._versions[key_hash, None] = versions

    def _with_versions(self, file: str, row: tuple[Any, ...]) -> tuple[Any, ...]:
        """A counted file's 汇总 row, its 原因 naming the other tables of its project (if
        any) and whether each declares the same as this one: written once every file is
        in, so each row of a group says the same count."""
        key = _project_key(row)
        versions = self._versions.get((hash(key), _year(row))) if key is not None else None
        if key is None or versions is None or versions.count < 2:
            return row
        count, in_one_file = versions.count, versions.in_one_file
        noun = "张表" if in_one_file else "个文件"
        me = (file, row[_SHEET], row[_CONTENT], row[_STATUS] == UNFILLED)
        others = list(versions.named)
        if me in others:
            others.remove(me)
        same = versions.contents[row[_CONTENT]] - 1 if row[_CONTENT] in versions.contents else 0
        folder = os.path.dirname(file)

        def place(other: _Version) -> str:
            other_file, sheet = other[0], other[1]
            if other_file == file:
                return f"本文件工作表“{readable_text(sheet or '')}”{_unfilled_mark(other[3])}"
            # one folder's by their names, others below the inbox's
            name = (os.path.basename(other_file) if os.path.dirname(other_file) == folder
                    else self._places.file(other_file))
            sheet_named = f"工作表“{readable_text(sheet)}”" if in_one_file and sheet else ""
            return f"“{readable_text(name)}”{sheet_named}{_unfilled_mark(other[3])}"

        more = "等" if count > len(versions.named) else ""
        if same == 0 or same == count - 1:  # every other differs, or every other is the same
            what = "内容相同" if same else "内容不同"
            note = (f"同一项目共 {count} {noun}：另见{'、'.join(place(other) for other in others)}"
                    f"{more}（{_alike(key)}，{what}）")
        else:  # some the same, some not: each named with its kind
            def listed(kind: list[str], how_many: int) -> str:
                if not kind:  # all beyond the first _NAMED
                    return f"另外 {how_many} {noun}"
                return "、".join(kind) + ("等" if how_many > len(kind) else "")

            alike = [place(other) for other in others if other[2] == row[_CONTENT]]
            unlike = [place(other) for other in others if other[2] != row[_CONTENT]]
            note = (f"同一项目共 {count} {noun}（{_alike(key)}）：与{listed(alike, same)}"
                    f"内容相同，与{listed(unlike, count - 1 - same)}内容不同")
        return _reason_with(row, row[_REASON], note)

    def _with_year(self, row: tuple[Any, ...]) -> tuple[Any, ...]:
        """A counted 汇总 row, its 原因 saying that its table, of another year than the
        inbox's, is not in 统计's grades and averages (where it would have been)."""
        year, main = _year(row), self.main_year
        if year is None or main is None or year == main or row[_STATUS] == UNFILLED \
                or row[_FORM] != _PROJECT_FORM:
            return row
        from jixiao.read.selection import is_earlier_year_note

        if any(is_earlier_year_note(part) for part in (row[_REASON] or "").split("；")):
            note = f"不计入 {main} 年度的评分等级分布和按主管部门的平均计算总分"  # its year said
        else:
            note = (f"此表是 {year} 年度的（本次汇总的表以 {main} 年度为主）："
                    "不计入评分等级分布和按主管部门的平均计算总分")
        return _reason_with(row, row[_REASON], note)

    @property
    def main_year(self) -> int | None:
        """The inbox's year: that of most tables counted (``main_year``)."""
        return main_year(self.years)

    def of_main_year(self, year: int | None) -> bool:
        """Whether a table of ``year`` is counted in 统计's grades and averages: of the
        inbox's year, or of none known."""
        main = self.main_year
        return year is None or main is None or year == main

    @property
    def other_years(self) -> int:
        """The tables counted of another year than the inbox's."""
        main = self.main_year
        return sum(count for year, count in self.years.items() if year != main)

    @property
    def grades_computed(self) -> Counter[str | None]:
        """评分等级分布's computed grades (GRADES, None or "other"): the inbox's year's."""
        return sum((grades[0] for year, grades in self._grades.items()
                    if self.of_main_year(year)), Counter())

    @property
    def grades_declared(self) -> Counter[str]:
        """评分等级分布's written grades (GRADES or "other"): the inbox's year's."""
        return sum((grades[1] for year, grades in self._grades.items()
                    if self.of_main_year(year)), Counter())

    def average(self, department: _Department) -> float | None:
        """A 主管部门's average 计算总分 (统计›按主管部门): of its tables of the inbox's year."""
        total = count = 0.0
        for year, (score_sum, scored) in department.scores.items():
            if self.of_main_year(year):
                total, count = total + score_sum, count + scored
        return round2(total / count) if count else None  # half-up, as Excel's ROUND

    @property
    def other_years_note(self) -> str:
        """What 统计›注意 says of the tables of other years ("" if none)."""
        main, count = self.main_year, self.other_years
        if not count:
            return ""
        years = "；".join(
            f"{year} 年度 {self.years[year]} 张："
            + "、".join(f"“{readable_text(self._places.file(file))}”"
                       for file in self._year_files[year])
            + (" 等" if self.years[year] > len(self._year_files[year]) else "")
            for year in sorted(self.years) if year != main)
        return (f"另有 {count} 张其他年度的表未计入评分等级分布和按主管部门的平均计算总分"
                f"（{years}），这两项只计 {main} 年度的表")

    def _count(self, tally: _Tally) -> None:
        """Add one file's counts to those of 统计."""
        self.counted.update(tally.statuses)
        self.unreadable_files += tally.unreadable and tally.refused is None
        if tally.refused is not None:
            self.refused_files[tally.refused] += 1
        if not tally.unreadable:
            self.table_files += 1
            self.several_tables_files += tally.several
        self.code_count.update(tally.codes)
        self.code_files.update(tally.codes.keys())
        for key, rules in tally.rules.items():
            self.code_rules.setdefault(key, set()).update(rules)
        for table, errors, warnings in tally.tables:
            self._count_table(table, errors, warnings)

    def _write_rest(self) -> None:
        """Every row still waiting, in order: the files after one that never came (a
        stopped run), and any file outside the run's list."""
        assert self._book is not None
        self._next = len(self._order)
        for file in sorted(self._waiting, key=path_order):
            if not _among(self._order, file):
                self._book.unlinked.add(file)  # not read by this run: no link to it
            self._write(self._book, file, self._waiting.pop(file))
        for file, key, rows, tally in self._book.deferred():  # the originals still open
            if self._originals.original(file, key) == file:
                self._count(tally)
                self._add_versions(file, rows)
        if self._version_count:
            self._gather_versions(self._book.spooled(keep=True))
        for file, key, rows in self._book.spooled():
            first = self._originals.original(file, key)
            if first != file:
                same = f"与“{readable_text(self._places.file(first))}”内容相同"
                rows = [_reason_with(row, same, row[_REASON]) for row in rows]
                self.duplicates += 1
            for row in rows:
                row = row if first != file else self._with_year(self._with_versions(file, row))
                self._book.table.add(row[:_SHEET])

    @property
    def project_count(self) -> int:
        """The projects of the tables counted: one for all versions of a project, one for
        each table without a 项目名称."""
        return len(self._projects) - len(self._not_projects) + self.unnamed_tables

    @property
    def versions(self) -> str:
        """What 统计›注意 says of the projects of several tables that differ ("" if none):
        each project by its name, then its files (and sheets, where a file holds two)."""
        groups = [versions for versions in self._groups() if not versions.alike]
        if not groups:
            return ""
        shown = []
        for versions in groups[:_VERSIONS_SHOWN]:
            places = [f"“{readable_text(self._places.file(file))}”"
                      + (f"工作表“{readable_text(sheet)}”" if versions.in_one_file and sheet
                         else "") + _unfilled_mark(unfilled)
                      for file, sheet, _, unfilled in versions.named]
            more = f" 等 {versions.count} {'张' if versions.in_one_file else '个'}" \
                if versions.count > len(versions.named) else ""
            shown.append(f"“{readable_text(versions.name)}”：{'、'.join(places)}{more}")
        more = f" 等（共 {len(groups)} 个项目）" if len(groups) > _VERSIONS_SHOWN else ""
        alike = "，或".join(sorted({versions.alike_words for versions in groups}, key=len))
        return (f"{len(groups)} 个项目各有多份内容不同的表（{alike}，可能是修改后"
                f"重新提交的版本），各自计数，请确认以哪一份为准：{'；'.join(shown)}{more}")

    def _groups(self) -> list[_Versions]:
        """The groups of versions: of one project and year, of two tables or more."""
        groups = {id(versions): versions for versions in self._versions.values()
                  if versions.count > 1}
        return list(groups.values())

    @property
    def unfilled(self) -> str:
        """What 统计›注意 says of the tables not filled in ("" if none)."""
        count = self.counted[UNFILLED]
        if not count:
            return ""
        shown = "、".join(f"“{readable_text(self._places.file(file))}”"
                         for file in self.unfilled_files)
        more = " 等" if count > len(self.unfilled_files) else ""
        return (f"{count} 张表未填写（空表，或只有指标值、没有实际完成值和得分），应整表退回"
                f"填报单位重填，所写总分和等级不计入评分等级分布：{shown}{more}")

    @property
    def repeated(self) -> str:
        """What 统计›注意 says of the projects whose tables in several files declare the
        same, every one ("" if none): the same table sent again, in another file."""
        names = [versions.name for versions in self._groups() if versions.alike]
        if not names:
            return ""
        shown = "、".join(f"“{readable_text(name)}”" for name in names[:_VERSIONS_SHOWN])
        more = " 等" if len(names) > _VERSIONS_SHOWN else ""
        return (f"{len(names)} 个项目的表在几个文件中内容完全相同（同一张表又交了一次），"
                f"各自计数：{shown}{more}")

    def _count_table(self, table: TableSummary, errors: int, warnings: int) -> None:
        # One group for a name written with half- or full-width brackets or spaces:
        # “某局(部门)” and “某局（部门）” are one 主管部门, shown as first written.
        name = table.department or NO_DEPARTMENT
        key = compact_text(name)
        place = path_order(table.file)
        totals = self.departments.get(key) or self.departments.setdefault(
            key, _Department(name, place))
        if place < totals.first:  # files come in any order: the name is the first's
            totals.name, totals.first = name, place
        totals.tables += 1
        year = table.year if isinstance(table.year, int) else None
        if year is not None:
            self.years[year] += 1
            files = self._year_files.setdefault(year, [])
            if table.file not in files:  # the first in path order, whenever counted
                bisect.insort(files, table.file, key=path_order)
                del files[_NAMED:]
        score = counted_score(table)
        if score is not None:
            score_sum, scored = totals.scores.get(year, (0.0, 0))
            totals.scores[year] = (score_sum + score, scored + 1)
        if table.not_filled_in:
            totals.unfilled += 1
            if table.file not in self.unfilled_files:  # the first in path order, whenever
                bisect.insort(self.unfilled_files, table.file, key=path_order)  # counted
                del self.unfilled_files[_NAMED:]
        else:
            totals.with_errors += errors > 0
        totals.errors += errors
        totals.warnings += warnings
        if not table.project_form:  # a 部门整体 table's grade is no project's
            self.other_forms += 1
            return
        computed, declared = self._grades.setdefault(year, (Counter(), Counter()))
        grade = table.grade_counted
        computed[grade if grade in GRADES or grade is None else "other"] += 1
        grade = table.declared_counted  # 优秀, √优 □良 …: the grade they name
        declared[grade if grade in GRADES else "other"] += 1

    @property
    def row_count(self) -> int:
        """Rows of 汇总: the tables read, and the files that could not be."""
        return sum(self.statuses.values())

    @property
    def notice(self) -> str:
        """What the closing line and the 统计 sheet say of the files without a row: the
        documents that are no workbooks, the Word documents without a 自评表, and the
        annotated copies of earlier runs left in the 标注 folder, and the annotated copies
        this run could not write."""
        from jixiao.batch.discover import (
            describe_others,
            describe_own,
            describe_results_lists,
            describe_without_table,
        )

        place = self._places.named  # with its folder: every unit sends its 自评报告.docx
        return "；".join(text for text in (
            self.failed_copies, describe_own(self.own, place),
            describe_others(self.others, place), describe_without_table(self.without_table, place),
            describe_results_lists(self.results_lists, place), self.earlier_copies) if text)

    def exit_code(self) -> int:
        """2: a file unreadable or read without a 自评表 (``NOT_READ``), or no 自评表 at all
        (a folder of 自评报告.docx only); 1: a file has errors (a table not filled in has its
        JX001); 0: neither (as ``jixiao check``)."""
        if any(self.statuses[status] for status in NOT_READ) or (
                self.without_table and not self.statuses):
            return 2
        return 1 if self.statuses[WITH_ERRORS] or self.statuses[UNFILLED] else 0

    def counts(self) -> Counter[str]:
        """The tables per status as 统计 counts them: each content once."""
        return Counter(self.counted)


# 按主管部门's row of the tables that name no 主管部门: not “（未填写）”, which beside its
# 未填写的表 column and 评分等级分布's 无法计算/未填写 would read as the forms not filled in
NO_DEPARTMENT = "（未写主管部门）"
_VERSIONS_SHOWN = 5  # groups of versions 统计›注意 names
_NAMED = 6  # files of one project named (in 原因 and 统计): a project sent 12,000 times
_CONTENTS = 256  # contents of one project told apart; one more is taken to differ from all
# A 汇总 row's two last items, not written: its table's sheet and content (``_Versions``)
_SHEET, _CONTENT = len(SUMMARY_COLUMNS), len(SUMMARY_COLUMNS) + 1
# one table of a project of several: (file, sheet, content, 未填写)
_Version = tuple[str, str | None, str | None, bool]


def _unfilled_mark(unfilled: bool) -> str:
    """“（未填写）” after a version of a project that is not filled in: the empty first
    upload beside the filled one, in 原因 and in 统计›注意."""
    return "（未填写）" if unfilled else ""


class _Versions:
    """The tables of one project and year of several (gathered when every file is in): its
    name as the first writes it, its first ``_NAMED`` tables in path order — (file, sheet,
    content, 未填写) — how many tables declare each content (a table of no content known,
    from an outcome of an earlier jixiao, is taken to differ from every other), how many
    there are and in which files."""

    __slots__ = ("alike_words", "contents", "count", "files", "name", "named", "unknown")

    def __init__(self, name: str, alike_words: str) -> None:
        self.name = name
        self.alike_words = alike_words  # ``_alike``: what its tables have in common
        self.named: list[_Version] = []
        self.contents: Counter[str] = Counter()
        self.unknown = 0
        self.count = 0
        self.files: set[str] = set()  # (the run's own strings)

    def add(self, file: str, sheet: str | None, content: str | None, unfilled: bool = False
            ) -> None:
        self.count += 1
        self.files.add(file)
        bisect.insort(self.named, (file, sheet, content, unfilled),
                      key=lambda item: path_order(item[0]))
        del self.named[_NAMED:]
        if content is not None and (content in self.contents or len(self.contents) < _CONTENTS):
            self.contents[content] += 1
        else:
            self.unknown += 1

    def merge(self, other: _Versions) -> None:
        """Take in ``other``'s tables (the project's of no year known)."""
        for item in other.named:
            bisect.insort(self.named, item, key=lambda item: path_order(item[0]))
        del self.named[_NAMED:]
        self.contents.update(other.contents)
        self.unknown += other.unknown
        self.count += other.count
        self.files |= other.files

    @property
    def in_one_file(self) -> bool:
        """Whether a file holds two of its tables or more (then they are named by sheet)."""
        return self.count > len(self.files)

    @property
    def alike(self) -> bool:
        """Whether every table of the project declares the same."""
        return not self.unknown and len(self.contents) == 1


def _project_key(row: tuple[Any, ...]) -> tuple[str, ...] | None:
    """A 汇总 row's project (``model.project_key``: 项目名称, 主管部门, 实施单位); None
    for a row without a 项目名称 (never grouped). A table that names neither 主管部门 nor
    实施单位 (a 评分附件表) is of its folder's unit: two units' 办公设备购置项目 in
    县财政局/ and 县统计局/ are two projects, not versions of one."""
    key = project_key(row[_PROJECT], row[_DEPARTMENT], row[_UNIT])
    if key is None or key[1] or key[2]:
        return key
    return (*key, os.path.dirname(row[_FILE]))


def _year(row: tuple[Any, ...]) -> int | None:
    """A 汇总 row's table's year, if one is known."""
    year = row[_YEAR]
    return year if isinstance(year, int) else None


def _reason_with(row: tuple[Any, ...], *texts: str | None) -> tuple[Any, ...]:
    """A 汇总 row whose 原因 is ``texts`` (the empty ones left out) joined by ；."""
    return (*row[:_REASON], "；".join(text for text in texts if text), *row[_REASON + 1:])


def _alike(key: tuple[str, ...]) -> str:
    """What the versions of a project have in common, as 原因 says it: no 单位相同 where
    no unit is written (``_project_key``: then they share a folder)."""
    return "项目名称和单位相同" if key[1] or key[2] else "项目名称相同（未写单位）"


@dataclass
class _Tally:
    """What one file adds to 统计, counted when its rows are written: only then is it
    known whether an earlier file has its content (then it is counted as a duplicate)."""

    statuses: Counter[str] = field(default_factory=Counter)
    unreadable: bool = False
    several: bool = False
    refused: str | None = None  # read without a 自评表: its status (REFUSED)
    codes: Counter[tuple[str, str]] = field(default_factory=Counter)  # (code, 级别) → 次数
    rules: dict[tuple[str, str], set[str]] = field(default_factory=dict)  # (code, 级别) → 规则
    tables: list[tuple[TableSummary, int, int]] = field(default_factory=list)


# a file's rows waiting for their turn: (汇总 rows, 问题明细 rows, its counts)
_Waiting = tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], _Tally]


class Places:
    """How 汇总 shows a file's folder and its annotated copy: below the name of the
    folder given (``jixiao batch 收件 … --annotate-dir 标注``: 收件/甲单位,
    标注/甲单位/x-校验.xlsx), not the whole path a reviewer would read past in every row;
    a path outside them relative to the summary's folder when inside it, else as it is."""

    def __init__(self, roots: Iterable[Path], annotate_dir: Path | None) -> None:
        # the deepest first: a folder given inside another is shown below its own name
        self.roots = sorted({os.path.realpath(root) for root in roots}, key=len, reverse=True)
        self.marked = os.path.realpath(annotate_dir) if annotate_dir is not None else None
        self.base: str | None = None  # the summary's folder

    @lru_cache(maxsize=1024)  # noqa: B019 (one per run; once per folder)
    def folder(self, folder: str) -> str:
        return self._short(folder, self.roots)

    def file(self, path: str) -> str:
        return os.path.join(self.folder(os.path.dirname(path)), os.path.basename(path))

    def named(self, path: str) -> str:
        """A file as a note names it: ``file``, readable."""
        return readable_text(self.file(path))

    def copy(self, path: str) -> str:
        folder, name = os.path.split(path)
        return os.path.join(self._short(folder, [self.marked] if self.marked else []), name)

    def _short(self, folder: str, roots: list[str]) -> str:
        real = os.path.realpath(folder or ".")
        for root in roots:
            if real == root or real.startswith(root.rstrip(os.sep) + os.sep):
                name = os.path.basename(root.rstrip(os.sep))
                if name:
                    return os.path.normpath(os.path.join(name, os.path.relpath(real, root)))
        if self.base and real.startswith(self.base.rstrip(os.sep) + os.sep):
            return os.path.relpath(real, self.base)
        return folder


# The names Windows, macOS, WPS, browsers and chat apps give a copy of x.xlsx: x - 副本.xlsx,
# x - 副本 (2).xlsx, x - Copy.xlsx, x(1).xlsx, x (1).xlsx, x（1）.xlsx, x 副本.xlsx, x的副本.xlsx,
# x 复制.xlsx, x - 复制.xlsx, x copy.xlsx, 复件 x.xlsx, Copy of x.xlsx
_COPY_SUFFIX = re.compile(r"(?:\s*-\s*(?:副本|复制|copy)|\s*的?副本|\s+复制|\s+copy)"
                          r"(?:\s*[(（]?\d+[)）]?)?$|\s*[(（]\d+[)）]$", re.IGNORECASE)
_COPY_PREFIX = re.compile(r"^(?:复件|副本|copy(?: \(\d+\))? of)\s+", re.IGNORECASE)


def _original_name(name: str) -> str | None:
    """The name of the file ``name`` looks like a copy of (x - 副本.xlsx: x.xlsx), or None."""
    stem, extension = os.path.splitext(name)
    original = stem
    for _ in range(3):  # x - 副本 - 副本.xlsx
        original = _COPY_PREFIX.sub("", _COPY_SUFFIX.sub("", original))
    return original + extension if original and original != stem else None


class Originals:
    """Of the files of a run with the same bytes (the same table sent twice under two
    names), the original — the one nearest the root (收件/x.xlsx, not 收件/0备份/x.xlsx),
    then the first in path order (but x.xlsx, not x - 副本.xlsx); the others are its
    duplicates, counted in 统计 as such only. The files are settled one by one in path
    order as they are written (``settle``); an original is final once no file nearer
    the root can come after it (``is_open``), else when every file is in (``original``).
    The 汇总 sheet and the reviewers' frames (``duplicates``) both ask this."""

    def __init__(self, order: list[str]) -> None:
        # a file named as a copy (x - 副本.xlsx) → its original's name (x.xlsx), if a file
        self.named = _originals(order)  # of the run; and its place in order
        # by place in the order: whether a file nearer the root comes after it (0/1)
        self.passable = _passable(order)
        self._first_with: dict[int, str] = {}  # content key (its start) → its original
        # the contents whose original may still change: a file nearer the root with those
        # bytes may come later (0备份/x.xlsx sorts before x.xlsx)
        self._open: set[int] = set()

    def settle(self, file: str, contents: dict[str, str], passable: bool
               ) -> tuple[int | None, str | None]:
        """``file``'s bytes (a key, None if it was not read) and their original as known
        now; ``contents``: the content keys of the files not settled yet (``file``'s is
        taken out). ``passable``: a file nearer the root may come after ``file``."""
        # the bytes alone, whatever the suffix: 自评表.xls and 自评表.et are one table
        content = same_bytes(contents.pop(file, ""))
        if not content:
            return None, None
        # 8 bytes of the bytes' SHA-256 key: 20,000 files keep ~2 MB, not the keys' 5 MB
        key = int(content, 16)
        first = self._first_with.get(key, "")
        if not first:  # the first with these bytes; but of x - 副本.xlsx and x.xlsx
            original = self.named.get(file)  # the same, x.xlsx is the original
            if original is not None and same_bytes(contents.get(original[0], "")) == content:
                first = original[0]  # settled next: it may be passed until then
                self._open.add(key)
            else:
                first = file
            self._first_with[key] = first
        elif key in self._open and _depth(file) < _depth(first):
            first = self._first_with[key] = file  # 收件/x.xlsx after 收件/0备份/x.xlsx
        if first == file:
            if passable:
                self._open.add(key)
            else:
                self._open.discard(key)
        return key, first

    def is_open(self, key: int | None) -> bool:
        """Whether the original of these bytes may still change."""
        return key in self._open

    def original(self, file: str, key: int | None) -> str:
        """The original of ``file`` (settled, its bytes ``key``), once every file is in."""
        return self._first_with.get(key, file) if key else file


def duplicates(files: list[tuple[str, str]]) -> dict[str, str]:
    """Each file that is a duplicate, and its original, as 汇总 says (``Originals``):
    ``files`` are (path, content key) in path order, all of a run."""
    originals = Originals([file for file, _ in files])
    contents = {file: content for file, content in files if content}
    keys = [(file, originals.settle(file, contents, bool(passable))[0])
            for (file, _), passable in zip(files, originals.passable, strict=True)]
    return {file: first for file, key in keys if (first := originals.original(file, key)) != file}


def _originals(order: list[str]) -> dict[str, tuple[str, int]]:
    """The files of a run named as copies of another of its files (same folder), each
    with that file and its place in ``order`` (sorted: ``path_order``). The suffix is compared ignoring
    case, as Windows names are: x - 副本.XLSX is a copy of x.xlsx (that very spelling
    first, if there are both)."""
    wanted: dict[str, str] = {}  # a file named as a copy → its original (same folder)
    for file in order:
        folder, name = os.path.split(file)
        original = _original_name(name)
        if original is not None:
            wanted[file] = os.path.join(folder, original)
    if not wanted:
        return {}
    by_lower = {_lower_suffix(original) for original in wanted.values()}
    places: dict[str, list[tuple[str, int]]] = {}  # the files that are originals
    for at, file in enumerate(order):
        if (lowered := _lower_suffix(file)) in by_lower:
            places.setdefault(lowered, []).append((file, at))
    found = {}
    for file, original in wanted.items():
        candidates = places.get(_lower_suffix(original), [])
        match = next((item for item in candidates if item[0] == original),
                     candidates[0] if candidates else None)
        if match is not None:
            found[file] = match
    return found


def _depth(file: str) -> int:
    """How far ``file`` lies below the root of its file system: of two files with the same
    bytes the one with fewer folders above it is the original (收件/x.xlsx, not the copy
    in 收件/0备份 that sorts before it)."""
    return os.path.abspath(file).count(os.sep)


def _passable(order: list[str]) -> bytearray:
    """For each file of ``order``, whether a file nearer the root comes after it: only
    then can another file become the original of its bytes after it is written."""
    passable = bytearray(len(order))
    nearest = None
    depths: dict[str, int] = {}  # a folder at a time: half the time of one per file
    for at in range(len(order) - 1, -1, -1):
        folder = os.path.dirname(order[at])
        depth = depths.get(folder)
        if depth is None:
            depth = depths[folder] = _depth(order[at])
        passable[at] = nearest is not None and nearest < depth
        nearest = depth if nearest is None else min(nearest, depth)
    return passable


def _sorted(files: list[str]) -> bool:
    """Whether ``files`` are in ``path_order``: one key at a time."""
    before: tuple[Any, ...] | None = None
    for file in files:
        key = path_order(file)
        if before is not None and key < before:
            return False
        before = key
    return True


def _among(files: list[str], file: str) -> bool:
    """Whether ``file`` is in ``files``, sorted (``path_order``)."""
    at = bisect.bisect_left(files, path_order(file), key=path_order)
    return at < len(files) and files[at] == file


def _lower_suffix(path: str) -> str:
    stem, suffix = os.path.splitext(path)
    return stem + suffix.lower()


def readable_text(text: str) -> str:
    """A text for a cell: a file name in it that is not UTF-8 read as GBK (what a Windows
    archive unzipped on Linux holds: ``shown_name``), else shown as U+FFFD. A cell cannot
    hold its bytes."""
    if is_unicode(text):
        return text
    return shown_name(text).encode("utf-8", "replace").decode("utf-8")


def _points(value: float | None) -> str:
    from jixiao.checks.base import points

    return points(value)


def main_year(years: Counter[int]) -> int | None:
    """The year of most tables (of two as many, the later): 统计's grades and averages
    are that year's, a table of another year (last year's kept beside) is left out."""
    return max(years, key=lambda year: (years[year], year)) if years else None


def counted_score(table: TableSummary) -> float | None:
    """The 计算总分 统计 averages by 主管部门 (a table it counts, not a duplicate's): a
    number, or None when it is none, the table is not filled in or the 分值 do not total
    100 (JX101): then it means nothing; or the table is no project's (部门整体支出)."""
    if table.not_filled_in or table.weights_wrong or not table.project_form:
        return None
    return _number(table.total_computed)


def _unfilled_reason(table: TableSummary) -> str:
    """The 原因 of a table not filled in: it goes back whole; what it writes of its total
    and grade (a template's formulas over an empty form: 9.8, 差) is no result."""
    written = []
    total = _number(table.total_declared)
    if total is not None:
        written.append(f"总分 {_points(total)}")
    if grade_name(table.grade_declared) is not None:
        written.append(f"等级“{readable_text(str(table.grade_declared))}”")
    reason = "自评表未填写，应整表退回重填"
    if written:
        reason += f"；表中所写的{'、'.join(written)}不是自评结果，不计入评分等级分布"
    if table.total_computed is not None:
        reason += "；计算总分不评等级，也不计入按主管部门的平均分"
    return reason


def _number(value: Any) -> float | None:
    """A score as pandas' ``to_numeric(errors="coerce")`` reads it: a number, or None."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return None if math.isnan(value) else float(value)
    try:
        number = float(str(value))
    except ValueError:
        return None
    return None if math.isnan(number) else number


# ================================================================ writing

def write_summary(target: Path, summary: Summary, run: BatchRun,
                  rules: str | None = None, keep: bool = False) -> Path:
    """Finish the summary workbook at ``target`` (atomically): the rows not written yet,
    then the 统计 sheet; return the name written. ``keep``: a file at ``target`` is
    replaced only if it is jixiao's own unedited summary (``own_summary``), else kept and
    the summary written to the first free NAME (2).xlsx … (``summary_name``, as annotated
    copies are: ``fileio.write_new``). A summary made without a target starts here, its
    links going only to the files this run read."""
    if summary._book is None:
        summary._start(target, run.done)
    book = summary._book
    assert book is not None
    summary._write_rest()
    written = book.finish(target, _statistics(summary, run, rules), keep)
    summary._book = None
    return written


def own_summary(path: Path) -> bool:
    """Whether the file at ``path`` is a summary jixiao wrote and nobody has edited and
    saved since (``xlsx.marks.unedited``, as ``report.annotate.own_copy`` knows an
    annotated copy): the one file a new summary of that name replaces. A reviewer's notes
    typed into 汇总 are kept."""
    from jixiao.xlsx.marks import unedited

    return unedited(str(path), SUMMARY_MARK)


def edited_summary(path: Path) -> bool:
    """Whether the file at ``path`` is a summary jixiao wrote that was edited, or opened
    and saved, since (``xlsx.marks.edited``): why a new summary did not replace it."""
    from jixiao.xlsx.marks import edited

    return edited(str(path), SUMMARY_MARK)


def summary_name(target: Path) -> Path | None:
    """Where ``write_summary(target, …, keep=True)`` writes now: ``target``, or the first
    NAME (2).xlsx … that is free or holds jixiao's own unedited summary; None when every
    name is taken (``fileio.next_name``)."""
    from jixiao.fileio import next_name

    return next_name(target, own_summary)


_SCRATCH = "jixiao-summary-"
_SCRATCH_QUIET = 600.0  # s without a write before a dead run's scratch folder is removed


def _scratch_folder() -> tempfile.TemporaryDirectory[str]:
    """A folder for XlsxWriter's scratch files, named by this process: the folders left
    by runs that were killed outright (SIGKILL, the OOM killer, a power cut: no cleanup
    could run) are removed first, so they do not pile up in the temp folder."""
    _remove_dead_scratch(Path(tempfile.gettempdir()))
    return tempfile.TemporaryDirectory(prefix=f"{_SCRATCH}{os.getpid()}-",
                                       ignore_cleanup_errors=True)


def _remove_dead_scratch(folder: Path) -> None:
    """Remove ``jixiao-summary-<pid>-…`` folders whose process is gone and whose files have
    not been written for ``_SCRATCH_QUIET`` s (a process of another PID namespace sharing
    the folder is still writing). POSIX only: elsewhere ``os.kill`` cannot ask."""
    if os.name != "posix":
        return
    now = time.time()
    try:
        found = list(folder.glob(f"{_SCRATCH}*-*"))
    except OSError:
        return
    for path in found:
        pid = path.name[len(_SCRATCH):].split("-", 1)[0]
        if not pid.isdigit() or _process_alive(int(pid)):
            continue
        try:
            newest = max([path.stat().st_mtime, *(f.stat().st_mtime for f in path.iterdir())])
        except OSError:
            continue  # another user's, or gone meanwhile
        if now - newest >= _SCRATCH_QUIET:
            shutil.rmtree(path, ignore_errors=True)


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's
    return True


class _Book:
    """The summary workbook being written: its two lists stream row by row (XlsxWriter's
    ``constant_memory``, its scratch files in a folder of their own), the file itself
    is made only by ``finish``. Links go only to the files ``linked`` — those of its
    rows but the ``unlinked`` ones (the summary's, told as they come)."""

    def __init__(self, target: Path, linked: list[str],
                 show_copy: Any = None, show_file: Any = None) -> None:
        from jixiao.xlsx.stream_writer import LinkedSheet, StreamingWorkbook
        from jixiao.xlsx.writeback import KEEP_CALC_ID

        self._scratch = _scratch_folder()
        try:
            # The file's name is given when it is written (``finish``): XlsxWriter makes
            # the zip only when closed, so a run stopped before leaves nothing beside it.
            self.book = StreamingWorkbook("", {
                "constant_memory": True, "tmpdir": self._scratch.name,
                "strings_to_numbers": False, "strings_to_formulas": False,
                "strings_to_urls": False})
            self.book.set_custom_property(MARK_PROPERTY, SUMMARY_MARK)  # a later batch skips it
            # No formulas: nothing for a program to recalculate on opening (XlsxWriter asks
            # for it: fullCalcOnLoad), so Excel asks no “是否保存” of a summary opened and
            # closed unedited — a yes would make the next run keep it as edited
            self.book.calc_on_load, self.book.calc_id = False, KEEP_CALC_ID
            self.styles = _Styles(self.book)
            base = str(target.resolve().parent)
            # Rows come in the order of ``linked``: a file is not linked only in the rare
            # rows written after the rest (a file outside it). No set of all the files
            # (a fifth of the memory the summary keeps a file) and no binary search
            # (a file's natural sort key, ``path_order``, 15 times a row).
            self.unlinked: set[str] = set()
            self.table = _List(self.book.add_worksheet(SUMMARY_SHEET, LinkedSheet), self.styles,
                               SUMMARY_COLUMNS, base, len(linked), self.unlinked, numbers=(4, 5), status_column=10,
                               name_only=True, copy_column=_COPY_COLUMN,
                               show_copy=show_copy)
            self.findings = _List(self.book.add_worksheet(FINDINGS_SHEET, LinkedSheet),
                                  self.styles, FINDING_COLUMNS, base, len(linked),
                                  self.unlinked, limit=_MAX_FINDING_ROWS, show_file=show_file)
            # 汇总's rows, until every file is in (``spooled``): a pickle per file
            self._spool = tempfile.TemporaryFile(dir=self._scratch.name)
            # the counts of originals a file nearer the root may still pass (``deferred``)
            self._deferred: Any = None
        except BaseException:
            self._scratch.cleanup()
            raise

    def add(self, file: str, rows: list[tuple[Any, ...]], findings: list[tuple[Any, ...]],
            content: int) -> None:
        """A file's 问题明细 rows, written now, and its 汇总 rows, kept on disk for
        ``spooled`` with its ``content`` (0: none; its original is known only then)."""
        pickle.dump((file, content, rows), self._spool, pickle.HIGHEST_PROTOCOL)
        for row in findings:
            self.findings.add(row)

    def spooled(self, keep: bool = False) -> Iterable[tuple[str, int, list[tuple[Any, ...]]]]:
        """The files ``add`` was given, in that order, one at a time: (file, content, 汇总
        rows); ``keep``: to be read again."""
        yield from _unspooled(self._spool, keep)

    def defer(self, file: str, content: int, rows: list[tuple[Any, ...]], tally: Any) -> None:
        """Keep on disk the rows and counts of an original that may yet be passed."""
        if self._deferred is None:
            self._deferred = tempfile.TemporaryFile(dir=self._scratch.name)
        pickle.dump((file, content, rows, tally), self._deferred, pickle.HIGHEST_PROTOCOL)

    def deferred(self) -> Iterable[tuple[str, int, list[tuple[Any, ...]], Any]]:
        """What ``defer`` was given, in that order, one at a time."""
        if self._deferred is not None:
            yield from _unspooled(self._deferred)

    def finish(self, target: Path, blocks: list[_Block], keep: bool = False) -> Path:
        """Make the file at ``target`` (``keep``: see ``write_summary``); the name written."""
        from xlsxwriter.exceptions import FileCreateError

        from jixiao.fileio import atomic_output, write_new

        def fill(temporary: Path) -> None:
            self.book.filename = str(temporary)
            try:
                self.book.close()
            except FileCreateError as error:  # an OSError inside: the writer says it
                raise error.args[0] if isinstance(error.args[0], OSError) else OSError(
                    str(error)) from None

        try:
            self.table.close()
            self.findings.close()
            _write_statistics(self.book, self.book.add_worksheet(STATS_SHEET), self.styles,
                              blocks)
            if keep:
                return write_new(target, fill, own_summary)
            with atomic_output(target) as temporary:
                fill(temporary)
            return target
        finally:
            self.discard()

    def discard(self) -> None:
        self._spool.close()
        if self._deferred is not None:
            self._deferred.close()
        self._scratch.cleanup()  # the rows' scratch files; no file was made at the target


def _unspooled(spool: Any, keep: bool = False) -> Iterable[Any]:
    """The pickles written to ``spool`` (our own scratch file), one at a time; then it
    is emptied (unless ``keep``)."""
    spool.seek(0)
    while True:
        try:
            yield pickle.load(spool)
        except EOFError:
            break
    if not keep:
        spool.seek(0)
        spool.truncate()


@dataclass(frozen=True)
class _Block:
    """One block of the 统计 sheet: a small table under its title."""

    title: str
    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]

    def column(self, number: int, rows: int | None = None) -> list[Any]:
        return [row[number] for row in self.rows[:rows]]


def _statistics(summary: Summary, run: BatchRun, rules: str | None) -> list[_Block]:
    """The 统计 blocks (a few rows each: plain tuples, no DataFrames)."""
    from jixiao.checks import REGISTRY

    statuses = summary.counted  # each content once: a duplicate's tables are not counted
    # The files found add up: with a 自评表, unreadable, read without one (empty, another
    # form, a table not recognised), Word without one, jixiao's own outputs (and, when
    # stopped, not done); the tables are counted apart, by status.
    found = len(run.files) + len(summary.own)
    overview: list[tuple[str, Any]] = [
        ("找到的文件", found),
        ("含自评表的文件", summary.table_files),
        ("无法读取的文件", summary.unreadable_files),
        ("空文件（没有任何内容，请单位重新提交）", summary.refused_files[EMPTY]),
        ("不是自评表的文件（如只交了绩效目标表）", summary.refused_files[NOT_A_TABLE]),
        ("未识别出表格的文件（有自评表的标题，须人工查看）", summary.refused_files[UNRECOGNISED]),
        ("Word 文档中没有自评表", len(summary.without_table)),
        ("自评结果汇总表（不是自评表，未校验）", len(summary.results_lists)),
        ("jixiao 的输出（汇总表、标注副本），未校验", len(summary.own)),
        ("重复提交的文件（与另一文件内容相同，不重复计数）", summary.duplicates)]
    if run.interrupted:
        overview.append(("校验中断、未完成的文件", len(run.files) - len(run.done)))
    overview.append(("读出的自评表",
                     sum(statuses.values()) - sum(statuses[status] for status in NOT_READ)))
    if summary.other_forms:  # (none, as a rule: a line only where there are)
        overview.append(("其中部门整体支出、转移支付等非项目表", summary.other_forms))
    if summary.other_years:  # last year's tables kept beside this year's
        overview.append((f"其中 {summary.main_year} 年度以外的表（不计入评分等级分布和平均计算总分）",
                         summary.other_years))
    overview += [("其中不同的项目（项目名称和单位相同的算一个）", summary.project_count),
                 ("含多张自评表的文件", summary.several_tables_files),
                 ("未填写的表（应整表退回重填）", statuses[UNFILLED]),
                 ("有错误的表", statuses[WITH_ERRORS]),
                 ("只有警告的表", statuses[WITH_WARNINGS]),
                 ("须人工审核的表（得分无法按规则核对）", statuses[MANUAL]),
                 ("通过的表", statuses[PASSED]),
                 ("已校验的文件", len(run.done)),
                 ("其中未变化、取自缓存", run.cached),
                 *([("其中未打开（压缩包、PDF 等）", run.unopened)] if run.unopened else []),
                 ("评分规则", rules or "各表写明的规则（默认 mof2020）"),
                 ("校验时间", _dt.datetime.now().strftime("%Y-%m-%d %H:%M")),
                 ("用时（秒）", round(run.seconds, 1))]
    if summary.notice:
        overview.append(("注意", summary.notice))
    if summary.unfilled:
        overview.append(("注意", summary.unfilled))
    if summary.other_years_note:
        overview.append(("注意", summary.other_years_note))
    if summary.versions:
        overview.append(("注意", summary.versions))
    if summary.repeated:
        overview.append(("注意", summary.repeated))
    if run.interrupted:
        overview.insert(0, ("注意", f"校验被中断：只完成了 {len(run.done)} / {len(run.files)} "
                                    "个文件，本表只含已完成的文件"))
    if summary.finding_count > _MAX_FINDING_ROWS:
        overview.append(("注意", f"问题超过 {_MAX_FINDING_ROWS} 条，问题明细只列出前 "
                                 f"{_MAX_FINDING_ROWS} 条"))
    for sheet, rows in ((SUMMARY_SHEET, summary.row_count),
                        (FINDINGS_SHEET, min(summary.finding_count, _MAX_FINDING_ROWS))):
        if rows > _MAX_LINKS:
            overview.append(("注意", f"Excel 每张工作表最多 {_MAX_LINKS} 个超链接："
                                     f"{sheet}第 {_MAX_LINKS + 2} 行起的“文件”没有链接"))

    computed, declared = summary.grades_computed, summary.grades_declared
    grades = [(grade, computed[grade], declared[grade]) for grade in GRADES]
    grades.append(("无法计算/未填写", computed[None], declared["other"]))

    codes = sorted(((code, severity, REGISTRY[code].summary if code in REGISTRY else "", count,
                     summary.code_files[code, severity],
                     "、".join(sorted(filter(None, summary.code_rules.get((code, severity), ()))))
                     or None)
                    for (code, severity), count in summary.code_count.items()),
                   key=lambda row: (-row[3], row[0], row[1]))

    departments = sorted(((item.name, item.tables, summary.average(item),
                           item.with_errors, item.errors, item.warnings, item.unfilled)
                          for item in summary.departments.values()),
                         key=lambda row: (-row[1], natural_order(row[0])))
    return [
        _Block("概况", ("项目", "数值"), overview),
        _Block("评分等级分布", ("等级", "计算等级（份）", "填报等级（份）"), grades),
        _Block("问题代码统计（按次数）", ("代码", "级别", "问题", "次数", "涉及文件数", "评分规则"),
               codes),
        _Block("按主管部门", ("主管部门", "表数", "平均计算总分", "有错误的表", "错误数", "警告数",
                          "未填写的表"),
               departments),
    ]


# ---------------------------------------------------------------- writing the sheets

class _Styles:
    """The workbook's cell formats, made once."""

    def __init__(self, book: Any) -> None:
        self.header = book.add_format({
            "bold": True, "bg_color": "#DDEBF7", "align": "center", "valign": "vcenter",
            "text_wrap": True, "bottom": 1, "bottom_color": "#808080"})
        self.link = book.add_format({"font_color": "#0563C1", "underline": 1,
                                     "text_wrap": True, "valign": "top"})
        self.wrap = book.add_format({"text_wrap": True, "valign": "top"})
        # every cell of a row at its top, numbers as the text beside them
        self.number = book.add_format({"num_format": "0.00", "valign": "top"})
        self.top = book.add_format({"valign": "top"})
        self.title = book.add_format({"bold": True, "font_size": 12})
        self.statuses = {status: book.add_format({"bg_color": colour})
                         for status, colour in _STATUS_FILLS.items()}


def _link_target(base: str, file: str) -> str:
    """The file as a hyperlink target, relative to the summary so the folder can move.

    Built only from the path jixiao read, every character that could make it anything
    but that file escaped: a name such as ``\\\\evil.example\\share\\y.xlsx``,
    ``file:\\\\…`` or ``http:evil.example.xlsx`` must not become a UNC path or a URL
    (a click would send the reviewer's Windows credentials to that host). The target
    starts with ``./`` or ``../``, so it is a relative path, never a scheme or a host."""
    folder, name = os.path.split(os.path.abspath(file))
    relative_folder = _relative_folder(folder, base)
    if relative_folder is None:  # another drive (Windows): an absolute file URI of our own
        return Path(os.path.join(os.path.realpath(folder), name)).as_uri()
    return relative_folder + _uri_escaped(name)


@lru_cache(maxsize=256)
def _relative_folder(folder: str, base: str) -> str | None:
    """The folder, its links resolved, relative to ``base`` as the start of a URI
    ("../收件/", "./"); None on another drive. Once per folder: files come folder by folder."""
    try:
        relative = os.path.relpath(os.path.realpath(folder), base)
    except ValueError:
        return None
    if relative == os.curdir:
        return "./"
    relative = _uri_escaped(relative.replace(os.sep, "/"), keep="/")
    return (relative if relative.startswith("../") else "./" + relative) + "/"


# What is escaped in a target (a URI): ASCII other than letters, digits and -._~!$&'()*+,;=@
# (so ':' and '\\' too: no scheme, no UNC path), and the invisible characters of other
# scripts. Chinese and other letters stay as they are, as Excel writes them.
_URI_UNSAFE = re.compile("[^0-9A-Za-z\\-._~!$&'()*+,;=@\u00a0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
                         "|[\u00a0\u00ad\u061c\u115f\u1160\u180e\u200b-\u200f\u2028-\u202f"
                         "\u205f-\u206f\u3000\u3164\ufeff\ufff0-\ufffd]")


def _uri_escaped(path: str, keep: str = "") -> str:
    """A path in a relationship's target, escaped as above: %XX of its UTF-8 bytes (of the
    bytes themselves where a file name is not UTF-8); ``keep``: characters left as they are."""
    def escaped(match: re.Match[str]) -> str:
        text = match.group()
        if text in keep:
            return text
        return "".join(f"%{byte:02X}" for byte in os.fsencode(text))

    return _URI_UNSAFE.sub(escaped, path)


def _print_setup(ws: Any, list_sheet: bool) -> None:
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    if list_sheet:
        ws.hide_gridlines(0)  # print the grid
        ws.repeat_rows(0)     # and the header on every page


class _List:
    """A list sheet, streamed row by row: frozen header, filter, widths, print setup;
    文件 links to the file (and, in 问题明细, to the cell of the finding) unless it is one
    of the files ``unlinked`` (``linked``: how many are). Every text is a text cell, never a formula, whatever it starts
    with. A row is the sheet's columns, then (问题明细) the finding's sheet and cell."""

    def __init__(self, ws: Any, styles: _Styles, columns: tuple[str, ...], base: str,
                 linked: int, unlinked: set[str], numbers: tuple[int, ...] = (),
                 status_column: int | None = None, limit: int | None = None,
                 name_only: bool = False, copy_column: int | None = None,
                 show_copy: Any = None, show_file: Any = None) -> None:
        self.ws, self.styles, self.columns, self.base, self.unlinked = (
            ws, styles, columns, base, unlinked)
        # name_only: 文件 shows the file's name (its folder has a column), kept whole;
        # copy_column: the column of the annotated copy, linked to it
        self.name_only, self.copy_column = name_only, copy_column
        self.show_copy = show_copy or (lambda path: path)  # the copy's path as shown
        # the file's path as shown where it is shown whole (问题明细): as 汇总's 文件夹 shows
        # its folder, below the inbox's name, never the whole absolute path
        self.show_file = show_file or (lambda path: path)
        # Excel's links per sheet go to the files first: the copies are linked only while
        # both fit (a copy's path is in its cell all the same)
        self.link_copies = copy_column is not None and 2 * linked <= _MAX_LINKS
        self.numbers, self.status_column, self.limit = numbers, status_column, limit
        self.count = 0
        # Text wraps in every text column: widths are cut to fit the page (_print_widths).
        self.formats = [styles.number if column in numbers else styles.wrap
                        for column in range(len(columns))]
        # name_only (汇总, 14 columns): its headers wrap onto two lines, so a column of
        # short values (填报总分 99.98) need not be as wide as its header
        self.header_lines = 2 if name_only else 1
        self.widths: list[float] = [_header_width(name, self.header_lines) for name in columns]
        self.fitted: list[float] | None = None
        self.sample: list[tuple[Any, ...]] = []
        self._file: str | None = None
        self._target: str | None = None
        self._shown: str | None = None
        ws.freeze_panes(1, 1)
        _print_setup(ws, list_sheet=True)
        if self.header_lines > 1:
            ws.set_row(0, self.header_lines * _LINE_HEIGHT)
        ws.write_row(0, 0, columns, styles.header)

    def add(self, values: tuple[Any, ...]) -> None:
        if self.limit is not None and self.count >= self.limit:
            return
        self.count += 1
        if self.fitted is not None:
            self._write(self.count, values)
            return
        # The first rows fix the widths (text fitted, then cut to the page) before any row
        # is written, so each row can be given the height its wrapped text needs:
        # LibreOffice keeps a row's height on opening instead of fitting it to the text.
        self.sample.append(values)
        if len(self.sample) >= _WIDTH_SAMPLE:
            self._fit()

    def _fit(self) -> None:
        from jixiao.terminal import display_width

        widths = self.widths
        for values in self.sample:
            for column, value in enumerate(self._shown_values(values)):
                # a text is at most twice as wide as it is long: most need no measuring
                if value is not None and 2 * len(text := str(value)) > widths[column]:
                    widths[column] = max(widths[column], display_width(text))
        widths = [min(max(text_width + 2, 6), 60) for text_width in widths]
        kept: tuple[int, ...] = ()
        if self.name_only:  # a name such as t1-zhongjiang-nomerge.xlsx cannot wrap: whole
            widths[0] = min(widths[0], _NAME_WIDTH)
            kept = (0,)
        self.fitted = _print_widths(widths, self.numbers, self.columns, kept, self.header_lines)
        for number, values in enumerate(self.sample, start=1):
            self._write(number, values)
        self.sample = []

    def _write(self, number: int, values: tuple[Any, ...]) -> None:
        width, ws = len(self.columns), self.ws
        if values[0] != self._file:
            self._file = file = values[0]
            self._target = (_link_target(self.base, file) if file not in self.unlinked
                            else None)
            self._shown = self._shown_file(file)
        sheet, cell = values[width:] or (None, None)
        location = (f"'{sheet.replace(chr(39), chr(39) * 2)}'!{cell}"
                    if sheet and cell else None)
        linked = self._target is not None and ws.link(
            number, 0, self._target, location,
            "打开文件" if location is None else "打开文件并定位", _MAX_LINKS)
        formats = self.formats
        formats[0] = self.styles.link if linked else self.styles.wrap
        copy = self.copy_column
        if copy is not None:
            formats[copy] = self.styles.wrap
            if values[copy] and self.link_copies and ws.link(
                    number, copy, _link_target(self.base, values[copy]), None, "打开标注副本",
                    _MAX_LINKS):
                formats[copy] = self.styles.link
        assert self.fitted is not None
        shown = self._shown_values(values)
        ws.append_row(number, shown, formats,
                      height=_row_height(shown, self.fitted, self.numbers))

    def _shown_values(self, values: tuple[Any, ...]) -> tuple[Any, ...]:
        """A row's values as its cells show them (the file's name only, where so)."""
        width, copy = len(self.columns), self.copy_column
        if copy is not None and values[copy]:
            values = (*values[:copy], readable_text(self.show_copy(values[copy])),
                      *values[copy + 1:])
        first = values[0]
        if first is not None:
            first = self._shown if first == self._file else self._shown_file(first)
        return (first, *values[1:width])

    def _shown_file(self, file: str) -> str:
        return readable_text(os.path.basename(file) if self.name_only else self.show_file(file))

    def close(self) -> None:
        if self.fitted is None:
            self._fit()
        assert self.fitted is not None
        ws, count, last = self.ws, self.count, len(self.columns) - 1
        ws.autofilter(0, 0, count, last)
        if self.status_column is not None and count:
            for status, style in self.styles.statuses.items():
                ws.conditional_format(1, self.status_column, count, self.status_column, {
                    "type": "cell", "criteria": "==", "value": f'"{status}"',
                    "format": style})
        for column, column_width in enumerate(self.fitted):
            ws.set_column(column, column, column_width)


_LINE_HEIGHT = 15.0  # points per line of 11 pt text


def _row_height(values: tuple[Any, ...], widths: list[float],
                numbers: tuple[int, ...]) -> float | None:
    """The height that shows every wrapped text of a row whole; None for one line."""
    from jixiao.terminal import display_width

    lines = 1
    for column, value in enumerate(values):
        if value is None or column in numbers:
            continue
        text = str(value)
        if 2 * len(text) > widths[column] - 1:
            per_line = max(1, int(widths[column]) - 1)
            lines = max(lines, -(-display_width(text) // per_line))
    return None if lines == 1 else lines * _LINE_HEIGHT


PRINT_WIDTH = 180  # character units across A4 landscape at 83 % (0.4 in margins): 9 pt text


def _header_width(header: str, lines: int) -> float:
    """How wide a header is when it may wrap onto ``lines`` lines (between characters:
    the headers are Chinese)."""
    from jixiao.terminal import display_width

    return -(-display_width(header) // lines) if lines > 1 else display_width(header)


def _print_widths(widths: list[float], numbers: tuple[int, ...],
                  columns: tuple[str, ...], kept: tuple[int, ...] = (),
                  header_lines: int = 1) -> list[float]:
    """Column widths that print one page wide at a readable size: the widest text
    columns are cut to one common width (their text wraps) while the narrower keep
    theirs — a 主管部门 of 7 characters stays on one line rather than giving up width in
    proportion to a long 原因 — never below their header (on ``header_lines`` lines); the
    columns ``numbers`` and ``kept`` (the file's name) keep theirs."""
    fixed = set(numbers) | set(kept)
    floors = [max(_header_width(column, header_lines) + 2, 6) for column in columns]
    text = [column for column in range(len(widths)) if column not in fixed]
    room = PRINT_WIDTH - sum(widths[column] for column in fixed)

    def cut(level: float) -> list[float]:
        return [widths[column] if column in fixed else
                max(floors[column], min(widths[column], level)) for column in range(len(widths))]

    if sum(widths[column] for column in text) <= room:
        return list(widths)
    low, high = 0.0, max(widths[column] for column in text)
    for _ in range(40):  # the highest level at which the text columns fit the room
        level = (low + high) / 2
        if sum(cut(level)[column] for column in text) <= room:
            low = level
        else:
            high = level
    return [round(width, 1) for width in cut(low)]


def _plain(value: Any) -> Any:
    """A block's value as a cell value: None and NaN → empty."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _widths(block: _Block, widest: int) -> list[float]:
    from jixiao.terminal import display_width

    widths = []
    for number, column in enumerate(block.columns):
        texts = [column] + [str(v) for v in block.column(number) if _plain(v) is not None]
        widths.append(min(max(max(display_width(text) for text in texts) + 2, 6), widest))
    return widths


def _write_statistics(book: Any, ws: Any, styles: _Styles, blocks: list[_Block]) -> None:
    """The blocks one under another, a blank row between; the two charts to their right."""
    widths: dict[int, float] = {}
    for block in blocks:
        for number, width in enumerate(_widths(block, widest=48)):
            widths[number] = max(widths.get(number, 0), width)
    widths[0] = max(widths.get(0, 0), 22)
    for number, width in widths.items():
        ws.set_column(number, number, width)
    _print_setup(ws, list_sheet=False)
    places: dict[str, tuple[int, _Block]] = {}
    row = 0
    for block in blocks:
        ws.write_string(row, 0, block.title, styles.title)
        ws.write_row(row + 1, 0, list(block.columns), styles.header)
        places[block.title] = (row + 1, block)  # the header row (from 0), the block
        column_widths = [widths.get(number, 8.43) for number in range(len(block.columns))]
        for number, values in enumerate(block.rows, start=row + 2):
            # a long text (注意: the files not checked …) wraps within its column, on a
            # row tall enough to show it whole — never running on under the charts
            height = _row_height(tuple(_plain(value) if isinstance(value, str) else None
                                       for value in values), column_widths, ())
            if height is not None:
                ws.set_row(number, height)
            for column, value in enumerate(values):
                value = _plain(value)  # a row's cells all at its top: a count beside its
                if isinstance(value, str):  # wrapped description, not a line lower
                    ws.write_string(number, column, value, styles.wrap if height else styles.top)
                elif value is not None:
                    ws.write_number(number, column, value, styles.top)
        row += len(block.rows) + 3
    _charts(book, ws, places)


def _charts(book: Any, ws: Any, blocks: dict[str, tuple[int, _Block]]) -> None:
    """Bar charts of the grades and of the most frequent codes. Their data is given too
    (``*_data``): in ``constant_memory`` XlsxWriter cannot read it back from the sheet to
    cache it in the chart, for viewers that do not recalculate."""
    from xlsxwriter.utility import xl_range_abs, xl_rowcol_to_cell

    def series(header: int, block: _Block, column: int, rows: int) -> dict[str, Any]:
        # The sheet's name quoted, as Excel writes it: '统计'!$A$1
        return {"name": f"='{STATS_SHEET}'!{xl_rowcol_to_cell(header, column, True, True)}",
                "name_data": [block.columns[column]],
                "categories": f"='{STATS_SHEET}'!{xl_range_abs(header + 1, 0, header + rows, 0)}",
                "categories_data": [_plain(value) for value in block.column(0, rows)],
                "values": f"='{STATS_SHEET}'!"
                          f"{xl_range_abs(header + 1, column, header + rows, column)}",
                "values_data": [_plain(value) for value in block.column(column, rows)]}

    header, block = blocks["评分等级分布"]
    chart = book.add_chart({"type": "column"})
    for column in (1, 2):
        chart.add_series(series(header, block, column, len(block.rows)))
    chart.set_title({"name": "评分等级分布"})
    chart.set_x_axis({"name": "等级"})
    chart.set_y_axis({"name": "份数"})
    chart.set_size({"width": 605, "height": 302})  # 16 × 8 cm
    ws.insert_chart(1, 7, chart)  # H2

    header, block = blocks["问题代码统计（按次数）"]
    if block.rows:
        top = min(len(block.rows), _TOP_CODES)
        chart = book.add_chart({"type": "bar"})
        chart.add_series(series(header, block, 3, top))
        chart.set_title({"name": f"最常见的问题（前 {top} 个代码）"})
        chart.set_x_axis({"name": "次数"})
        chart.set_y_axis({"name": "代码", "reverse": True})  # the most frequent on top
        chart.set_legend({"none": True})
        chart.set_size({"width": 605, "height": 340})  # 16 × 9 cm
        ws.insert_chart(19, 7, chart)  # H20


__all__ = ["FINDING_COLUMNS", "SUMMARY_COLUMNS", "Places", "Summary", "write_summary"]
