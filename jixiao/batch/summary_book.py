"""The summary workbook of ``jixiao batch``, for a reviewer to sort, filter and print.

    汇总      one row per table read (a file usually holds one), or per unreadable file:
              文件 | 项目名称 | 主管部门 | 实施单位 | 填报/计算总分 | 填报/计算等级 | 错误数 | 警告数 | 状态 | 原因
    问题明细  one row per finding; 文件 and 位置 link to the file (and the cell)
    统计      概况, grade distribution, findings per code, per 主管部门 — with native
              Excel bar charts of the grades and of the most frequent findings

Each list sheet has its header frozen, an autofilter, widths fitted to its text
and a landscape, one-page-wide print setup. The file is written atomically.

Memory stays flat however many files a batch has (a province has tens of
thousands): ``Summary`` sends each file's rows (its typed ``FileSummary``) to a temporary SQLite database
as it arrives and keeps in memory only running counts — enough for the exit code
and the 统计 sheet, whose blocks are a few plain rows each (no pandas: importing it
cost 0.3–0.4 s of every batch). ``write_summary``
reads the rows back in path order, a chunk at a time, and XlsxWriter writes them
row by row (``constant_memory``), its hyperlinks waiting on disk and each row's XML
made in one go (xlsx/stream_writer.py). XlsxWriter rather than openpyxl's write-only mode
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
import datetime as _dt
import itertools
import math
import os
import re
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from jixiao.batch.outcome import FINDINGS_SHEET, STATS_SHEET, SUMMARY_SHEET, BatchRun, Outcome
from jixiao.batch.summary import FileSummary, TableSummary
from jixiao.rules import GRADE_NAMES

SUMMARY_COLUMNS = ("文件", "项目名称", "主管部门", "实施单位", "填报总分", "计算总分",
                   "填报等级", "计算等级", "错误数", "警告数", "状态", "原因")
FINDING_COLUMNS = ("文件", "项目名称", "代码", "级别", "位置", "说明")
GRADES = GRADE_NAMES
_STATUS_FILLS = {"无法读取": "#D9D9D9", "有错误": "#FFC7CE", "有警告": "#FFEB9C", "通过": "#C6EFCE"}
_MAX_FINDING_ROWS = 1_000_000  # a sheet holds 1,048,576 rows
_MAX_LINKS = 65_530            # Excel's limit of hyperlinks on one sheet (xlsx.stream_writer.MAX_LINKS)
_TOP_CODES = 10
_WIDTH_SAMPLE = 500            # column widths are fitted to the first rows of a list (held in memory)
_CHUNK = 2000                  # rows inserted, or read back, at a time

# The rows in SQLite: the key is the path and the row's place in its file, so reading
# in key order gives the summary's order (sorted by file, a file's rows in order). The
# path is kept as bytes: a file name that is not UTF-8 (GBK, from an unzipped Windows
# archive) is no valid SQLite text, and two names must never become one.
_SCHEMA = """
CREATE TABLE summary_row (file BLOB NOT NULL, seq INTEGER NOT NULL, project, department, unit,
    total_declared, total_computed, grade_declared, grade_computed, errors, warnings, status,
    reason, PRIMARY KEY (file, seq)) WITHOUT ROWID;
CREATE TABLE finding_row (file BLOB NOT NULL, seq INTEGER NOT NULL, project, code, severity,
    place, message, sheet, cell, PRIMARY KEY (file, seq)) WITHOUT ROWID;
"""
# OR REPLACE: a batch interrupted by Ctrl-C between its insert and its commit is simply
# inserted again by the next flush.
_INSERT_ROW = "INSERT OR REPLACE INTO summary_row VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"
_INSERT_FINDING = "INSERT OR REPLACE INTO finding_row VALUES (?,?,?,?,?,?,?,?,?)"
_SELECT_ROWS = ("SELECT file, project, department, unit, total_declared, total_computed, "
                "grade_declared, grade_computed, errors, warnings, status, reason "
                "FROM summary_row ORDER BY file, seq")
_SELECT_FINDINGS = ("SELECT file, project, code, severity, place, message, sheet, cell "
                    "FROM finding_row ORDER BY file, seq LIMIT ?")


@dataclass(slots=True)
class _Department:
    """Running totals of one 主管部门's readable tables."""

    tables: int = 0
    score_sum: float = 0.0   # of the computed totals that are numbers
    scored: int = 0
    with_errors: int = 0
    errors: int = 0
    warnings: int = 0


class Summary:
    """The summary of a batch, gathered outcome by outcome.

    The rows go to a temporary SQLite database (SQLite's own: deleted when closed, and
    by the operating system if the process dies); in memory stay only running counts.
    Each file is added once, as ``run_batch`` does. Close it, or use it in a ``with``.
    """

    def __init__(self) -> None:
        from jixiao.checks import SEVERITY_NAMES

        self._severity_names = SEVERITY_NAMES
        self._db = sqlite3.connect("")  # "": a private temporary database on disk
        self._db.execute("PRAGMA journal_mode = MEMORY")
        self._db.execute("PRAGMA synchronous = OFF")
        self._db.executescript(_SCHEMA)
        self._rows: list[tuple[Any, ...]] = []      # waiting to be inserted
        self._findings: list[tuple[Any, ...]] = []
        self.statuses: Counter[str] = Counter()     # tables (or unreadable files) per status
        self.unreadable_files = 0
        self.finding_count = 0
        self.code_count: Counter[str] = Counter()   # 次数
        self.code_files: Counter[str] = Counter()   # 涉及文件数
        self.departments: dict[str, _Department] = {}
        self.grades_computed: Counter[str | None] = Counter()  # GRADES, None or another
        self.grades_declared: Counter[str] = Counter()         # GRADES or "other"

    def __enter__(self) -> Summary:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    def add(self, checked: FileSummary | Outcome) -> None:
        """The rows of one checked file (its ``FileSummary``, or its ``Outcome``), and its counts."""
        if isinstance(checked, Outcome):
            checked = FileSummary.from_report(checked.file, checked.report, checked.notes)
        file, tables = _path_key(checked.file), checked.tables
        rows, findings, codes = [], [], set()
        unreadable = False
        for number, table in enumerate(tables):
            status = table.status
            self.statuses[status] += 1
            if table.error is not None:
                unreadable = True
                rows.append((file, number, None, None, None, None, None, None, None, None,
                             None, status, readable_text(table.error)))
                continue
            name = table.project
            for item in table.findings:
                sheet, cell = item.sheet, item.cell
                place = f"{sheet}!{cell}" if sheet and cell else sheet or ""
                findings.append((file, len(findings), name, item.code,
                                 self._severity_names.get(item.severity, item.severity), place,
                                 item.message, sheet, cell))
                codes.add(item.code)
            errors, warnings = table.errors, table.warnings
            reasons = list(checked.notes)
            if len(tables) > 1:
                reasons.insert(0, f"本文件共 {len(tables)} 张表，此为第 {number + 1} 张"
                                  f"（工作表“{table.sheet}”）")
            rows.append((file, number, name, table.department, table.unit,
                         table.total_declared, table.total_computed, table.grade_declared,
                         table.grade_computed, errors, warnings, status,
                         readable_text("；".join(reasons)) or None))
            self._count_table(table, errors, warnings)

        self.unreadable_files += unreadable
        self.finding_count += len(findings)
        self.code_count.update(item[3] for item in findings)
        self.code_files.update(codes)
        self._rows.extend(rows)
        self._findings.extend(findings)
        if len(self._rows) + len(self._findings) >= _CHUNK:
            self._flush()

    def _count_table(self, table: TableSummary, errors: int, warnings: int) -> None:
        key = table.department or "（未填写）"
        totals = self.departments.get(key) or self.departments.setdefault(key, _Department())
        totals.tables += 1
        score = _number(table.total_computed)
        if score is not None:
            totals.score_sum += score
            totals.scored += 1
        totals.with_errors += errors > 0
        totals.errors += errors
        totals.warnings += warnings
        grade = table.grade_computed
        self.grades_computed[grade if grade in GRADES or grade is None else "other"] += 1
        grade = table.grade_declared
        self.grades_declared[grade if grade in GRADES else "other"] += 1

    def _flush(self) -> None:
        with self._db:  # one transaction per chunk
            self._db.executemany(_INSERT_ROW, self._rows)
            self._db.executemany(_INSERT_FINDING, self._findings)
        self._rows.clear()
        self._findings.clear()

    def rows(self) -> Iterator[tuple[Any, ...]]:
        """The 汇总 rows in order, each in ``SUMMARY_COLUMNS`` order (文件: the path)."""
        self._flush()
        yield from _with_paths(_chunked(self._db.execute(_SELECT_ROWS)))

    def finding_rows(self, limit: int) -> Iterator[tuple[Any, ...]]:
        """The first ``limit`` 问题明细 rows in order: ``FINDING_COLUMNS``, then sheet, cell."""
        self._flush()
        yield from _with_paths(_chunked(self._db.execute(_SELECT_FINDINGS, (limit,))))

    @property
    def row_count(self) -> int:
        """Rows of 汇总: the tables read, and the files that could not be."""
        return sum(self.statuses.values())

    def exit_code(self) -> int:
        """2: a file unreadable; 1: a file has errors; 0: neither (as ``jixiao check``)."""
        return 2 if self.statuses["无法读取"] else 1 if self.statuses["有错误"] else 0

    def counts(self) -> Counter[str]:
        return Counter(self.statuses)


def _chunked(cursor: sqlite3.Cursor) -> Iterator[tuple[Any, ...]]:
    while chunk := cursor.fetchmany(_CHUNK):
        yield from chunk


def _path_key(file: str) -> bytes:
    """A path as stored: bytes, whatever it holds (lone surrogates: bytes not UTF-8)."""
    return file.encode("utf-8", "surrogatepass")


def _with_paths(rows: Iterator[tuple[Any, ...]]) -> Iterator[tuple[Any, ...]]:
    path = key = None
    for row in rows:
        if row[0] != key:
            key, path = row[0], row[0].decode("utf-8", "surrogatepass")
        yield (path, *row[1:])


_NOT_UTF8 = re.compile("[\udc80-\udcff]+")  # bytes of a file name that were not UTF-8


def readable_text(text: str) -> str:
    """A text for a cell: the bytes of a file name that were not UTF-8 read as GBK (what a
    Windows archive unzipped on Linux holds), else shown as U+FFFD. A cell cannot hold them."""
    if not _NOT_UTF8.search(text):
        return text
    def decoded(match: re.Match[str]) -> str:
        raw = bytes(ord(character) - 0xDC00 for character in match.group())
        return raw.decode("gb18030", "replace")

    return _NOT_UTF8.sub(decoded, text).encode("utf-8", "replace").decode("utf-8")


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
                  rules: str | None = None) -> Path:
    """Write the summary workbook at ``target`` (atomically)."""
    from xlsxwriter.exceptions import FileCreateError

    from jixiao.fileio import atomic_output
    from jixiao.xlsx.stream_writer import LinkedSheet, StreamingWorkbook

    blocks = _statistics(summary, run, rules)
    base = str(target.resolve().parent)
    read = sorted(run.done)  # links go only to the files this run read (8 bytes a file)
    # XlsxWriter's own scratch files go in a folder removed even on an error or Ctrl-C.
    with tempfile.TemporaryDirectory(prefix="jixiao-summary-",
                                     ignore_cleanup_errors=True) as scratch, \
            atomic_output(target) as temporary:
        book = StreamingWorkbook(str(temporary), {
            "constant_memory": True, "tmpdir": scratch, "strings_to_numbers": False,
            "strings_to_formulas": False, "strings_to_urls": False})
        styles = _Styles(book)
        _write_list(book.add_worksheet(SUMMARY_SHEET, LinkedSheet), styles,
                    SUMMARY_COLUMNS, summary.rows(), summary.row_count, base, read,
                    numbers=(4, 5), status_column=10)
        _write_list(book.add_worksheet(FINDINGS_SHEET, LinkedSheet), styles,
                    FINDING_COLUMNS, summary.finding_rows(_MAX_FINDING_ROWS),
                    min(summary.finding_count, _MAX_FINDING_ROWS), base, read)
        _write_statistics(book, book.add_worksheet(STATS_SHEET), styles, blocks)
        try:
            book.close()
        except FileCreateError as error:  # an OSError inside: atomic_output says it in Chinese
            raise error.args[0] if isinstance(error.args[0], OSError) else OSError(
                str(error)) from None
    return target


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

    statuses = summary.statuses
    overview = [("找到的文件", len(run.files)), ("已校验的文件", len(run.done)),
                ("其中未变化、取自缓存", run.cached),
                ("读出的自评表", summary.row_count - statuses["无法读取"]),
                ("无法读取的文件", summary.unreadable_files),
                ("有错误的表", statuses["有错误"]),
                ("只有警告的表", statuses["有警告"]),
                ("通过的表", statuses["通过"]),
                ("评分规则", rules or "各表写明的规则（默认 mof2020）"),
                ("校验时间", _dt.datetime.now().strftime("%Y-%m-%d %H:%M")),
                ("用时（秒）", round(run.seconds, 1))]
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

    codes = sorted(((code, _severity_name(REGISTRY[code].severity) if code in REGISTRY else "",
                     REGISTRY[code].summary if code in REGISTRY else "", count,
                     summary.code_files[code]) for code, count in summary.code_count.items()),
                   key=lambda row: (-row[3], row[0]))

    departments = sorted(((name, item.tables,
                           round(item.score_sum / item.scored, 2) if item.scored else None,
                           item.with_errors, item.errors, item.warnings)
                          for name, item in summary.departments.items()),
                         key=lambda row: (-row[1], row[0]))
    return [
        _Block("概况", ("项目", "数值"), overview),
        _Block("评分等级分布", ("等级", "计算等级（份）", "填报等级（份）"), grades),
        _Block("问题代码统计（按次数）", ("代码", "级别", "问题", "次数", "涉及文件数"), codes),
        _Block("按主管部门", ("主管部门", "表数", "平均计算总分", "有错误的表", "错误数", "警告数"),
               departments),
    ]


def _severity_name(severity: str) -> str:
    from jixiao.checks import SEVERITY_NAMES

    return SEVERITY_NAMES.get(severity, severity)


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
        self.number = book.add_format({"num_format": "0.00"})
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


def _write_list(ws: Any, styles: _Styles, columns: tuple[str, ...],
                rows: Iterator[tuple[Any, ...]], count: int, base: str, read: list[str],
                numbers: tuple[int, ...] = (), status_column: int | None = None) -> None:
    """A list sheet, streamed row by row: frozen header, filter, widths, print setup;
    文件 links to the file (and, in 问题明细, to the cell of the finding) if it is one of
    the files ``read`` (sorted). Every text is a text cell, never a formula, whatever it starts with."""
    from jixiao.terminal import display_width

    width = len(columns)
    last = width - 1
    # Text wraps in every text column: widths are cut to fit the page (_print_widths).
    formats = [styles.number if column in numbers else styles.wrap for column in range(width)]
    widths = [display_width(name) for name in columns]
    ws.freeze_panes(1, 1)
    ws.autofilter(0, 0, count, last)
    _print_setup(ws, list_sheet=True)
    if status_column is not None and count:
        for status, style in styles.statuses.items():
            ws.conditional_format(1, status_column, count, status_column, {
                "type": "cell", "criteria": "==", "value": f'"{status}"', "format": style})
    ws.write_row(0, 0, columns, styles.header)

    # The first rows fix the widths (text fitted, then cut to the page) before any row is
    # written, so each row can be given the height its wrapped text needs: LibreOffice
    # keeps a row's height on opening instead of fitting it to the text.
    rows = iter(rows)
    sample = list(itertools.islice(rows, _WIDTH_SAMPLE))
    for values in sample:
        for column, value in enumerate(values[:width]):
            # a text is at most twice as wide as it is long: most need no measuring
            if value is not None and 2 * len(text := str(value)) > widths[column]:
                widths[column] = max(widths[column], display_width(text))
    fitted = _print_widths([min(max(text_width + 2, 6), 60) for text_width in widths],
                           numbers, columns)

    append_row, link = ws.append_row, ws.link
    file = target = shown = None
    for number, values in enumerate(itertools.chain(sample, rows), start=1):
        if values[0] != file:
            file = values[0]
            target = _link_target(base, file) if _among(read, file) else None
            shown = readable_text(file)
        sheet, cell = values[width:] or (None, None)
        location = (f"'{sheet.replace(chr(39), chr(39) * 2)}'!{cell}"
                    if sheet and cell else None)
        linked = target is not None and link(
            number, 0, target, location, "打开文件" if location is None else "打开文件并定位",
            _MAX_LINKS)
        formats[0] = styles.link if linked else styles.wrap
        append_row(number, (shown, *values[1:width]), formats,
                   height=_row_height(values[:width], fitted, numbers))
    for column, column_width in enumerate(fitted):
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


PRINT_WIDTH = 150  # character units across A4 landscape at 100 % (0.4 in margins)


def _print_widths(widths: list[float], numbers: tuple[int, ...],
                  columns: tuple[str, ...]) -> list[float]:
    """Column widths that print one page wide at a readable size: the text columns
    give up width in proportion (their text wraps), never below their header."""
    from jixiao.terminal import display_width

    fixed = sum(width for column, width in enumerate(widths) if column in numbers)
    text = sum(width for column, width in enumerate(widths) if column not in numbers)
    room = PRINT_WIDTH - fixed
    if text <= room or text <= 0:
        return widths
    share = max(room, 0) / text
    return [width if column in numbers else
            max(round(width * share, 1), display_width(columns[column]) + 2, 6)
            for column, width in enumerate(widths)]


def _among(items: list[str], item: str) -> bool:
    """Whether ``item`` is in the sorted list ``items``."""
    at = bisect.bisect_left(items, item)
    return at < len(items) and items[at] == item


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
        for number, values in enumerate(block.rows, start=row + 2):
            for column, value in enumerate(values):
                value = _plain(value)
                if isinstance(value, str):
                    ws.write_string(number, column, value)
                elif value is not None:
                    ws.write_number(number, column, value)
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


__all__ = ["FINDING_COLUMNS", "SUMMARY_COLUMNS", "Summary", "write_summary"]
