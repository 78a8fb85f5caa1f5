"""The summary workbook of ``jixiao batch``, for a reviewer to sort, filter and print.

    汇总      one row per table read (a file usually holds one), or per unreadable file:
              文件 | 项目名称 | 主管部门 | 实施单位 | 填报/计算总分 | 填报/计算等级 | 错误数 | 警告数 | 状态 | 原因
    问题明细  one row per finding; 文件 and 位置 link to the file (and the cell)
    统计      概况, grade distribution, findings per code, per 主管部门 — with native
              Excel bar charts of the grades and of the most frequent findings

Each list sheet has its header frozen, an autofilter, widths fitted to its text
and a landscape, one-page-wide print setup. The tables and the statistics are
pandas DataFrames; openpyxl writes them in write-only mode, row by row, so the
memory used does not grow with a workbook object of every cell (tens of
thousands of findings for a province). The file is written atomically.
"""

from __future__ import annotations

import datetime as _dt
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .batch import BatchRun, Outcome

SUMMARY_SHEET, FINDINGS_SHEET, STATS_SHEET = "汇总", "问题明细", "统计"
SUMMARY_COLUMNS = ("文件", "项目名称", "主管部门", "实施单位", "填报总分", "计算总分",
                   "填报等级", "计算等级", "错误数", "警告数", "状态", "原因")
FINDING_COLUMNS = ("文件", "项目名称", "代码", "级别", "位置", "说明")
STATUSES = ("无法读取", "有错误", "有警告", "通过")
GRADES = ("优", "良", "中", "差")
_STATUS_FILLS = {"无法读取": "D9D9D9", "有错误": "FFC7CE", "有警告": "FFEB9C", "通过": "C6EFCE"}
_MAX_FINDING_ROWS = 1_000_000  # a sheet holds 1,048,576 rows
_TOP_CODES = 10


@dataclass(slots=True)
class _Row:
    values: tuple[Any, ...]                       # in SUMMARY_COLUMNS order
    department: str | None = None


@dataclass(slots=True)
class _FindingRow:
    values: tuple[Any, ...]                       # in FINDING_COLUMNS order
    sheet: str | None = None
    cell: str | None = None


@dataclass
class Summary:
    """The rows of the summary, gathered outcome by outcome (small: no cell data)."""

    rows: dict[str, list[_Row]] = field(default_factory=dict)
    findings: dict[str, list[_FindingRow]] = field(default_factory=dict)

    def add(self, outcome: Outcome) -> None:
        from .checks import SEVERITY_NAMES

        rows, findings = [], []
        tables = outcome.tables
        for number, table in enumerate(tables, start=1):
            if "error" in table:
                rows.append(_Row((outcome.file, None, None, None, None, None, None, None,
                                  None, None, "无法读取", table["error"])))
                continue
            project = table.get("project") or {}
            counts = Counter(item["severity"] for item in table["findings"])
            status = ("有错误" if counts["error"] else "有警告" if counts["warning"] else "通过")
            reasons = list(outcome.notes)
            if len(tables) > 1:
                reasons.insert(0, f"本文件共 {len(tables)} 张表，此为第 {number} 张"
                                  f"（工作表“{table.get('sheet')}”）")
            rows.append(_Row((outcome.file, project.get("name"), project.get("department"),
                              project.get("unit"), table.get("total_declared"),
                              table.get("total_computed"), table.get("grade_declared"),
                              table.get("grade_computed"), counts["error"], counts["warning"],
                              status, "；".join(reasons) or None), project.get("department")))
            for item in table["findings"]:
                where = (f"{item['sheet']}!{item['cell']}" if item.get("sheet") and item.get("cell")
                         else item.get("sheet") or "")
                findings.append(_FindingRow(
                    (outcome.file, project.get("name"), item["code"],
                     SEVERITY_NAMES.get(item["severity"], item["severity"]), where,
                     item["message"]), item.get("sheet"), item.get("cell")))
        self.rows[outcome.file] = rows
        self.findings[outcome.file] = findings

    def ordered_rows(self) -> list[_Row]:
        return [row for file in sorted(self.rows) for row in self.rows[file]]

    def ordered_findings(self) -> list[_FindingRow]:
        return [row for file in sorted(self.findings) for row in self.findings[file]]

    def exit_code(self) -> int:
        """2: a file unreadable; 1: a file has errors; 0: neither (as ``jixiao check``)."""
        statuses = {row.values[10] for rows in self.rows.values() for row in rows}
        return 2 if "无法读取" in statuses else 1 if "有错误" in statuses else 0

    def counts(self) -> Counter[str]:
        return Counter(row.values[10] for rows in self.rows.values() for row in rows)


# ================================================================ writing

def write_summary(target: Path, summary: Summary, run: BatchRun,
                  rules: str | None = None) -> Path:
    """Write the summary workbook at ``target`` (atomically)."""
    import pandas as pd
    from openpyxl import Workbook

    from .fileio import atomic_output

    rows = summary.ordered_rows()
    findings = summary.ordered_findings()
    truncated = len(findings) > _MAX_FINDING_ROWS
    findings = findings[:_MAX_FINDING_ROWS]
    table = pd.DataFrame([row.values for row in rows], columns=list(SUMMARY_COLUMNS))
    details = pd.DataFrame([row.values for row in findings], columns=list(FINDING_COLUMNS))
    table["主管部门_"] = [row.department for row in rows]
    blocks = _statistics(table, details, run, rules, truncated)
    base = target.resolve().parent
    book = Workbook(write_only=True)
    _write_list(book.create_sheet(SUMMARY_SHEET), table[list(SUMMARY_COLUMNS)], base, None,
                numbers=(5, 6), status_column="K")
    _write_list(book.create_sheet(FINDINGS_SHEET), details, base,
                [(row.sheet, row.cell) for row in findings])
    _write_statistics(book.create_sheet(STATS_SHEET), blocks)
    with atomic_output(target) as temporary:
        book.save(temporary)
    return target


def _statistics(table: Any, details: Any, run: BatchRun, rules: str | None,
                truncated: bool) -> list[tuple[str, Any]]:
    """The 统计 blocks, each a (title, DataFrame)."""
    import pandas as pd

    from .checks import REGISTRY

    status = table["状态"]
    readable = table[status != "无法读取"]
    counts = status.value_counts()
    overview = [("找到的文件", len(run.files)), ("已校验的文件", len(run.done)),
                ("其中未变化、取自缓存", run.cached), ("读出的自评表", len(readable)),
                ("无法读取的文件", int(table.loc[status == "无法读取", "文件"].nunique())),
                ("有错误的表", int(counts.get("有错误", 0))),
                ("只有警告的表", int(counts.get("有警告", 0))),
                ("通过的表", int(counts.get("通过", 0))),
                ("评分规则", rules or "各表写明的规则（默认 mof2020）"),
                ("校验时间", _dt.datetime.now().strftime("%Y-%m-%d %H:%M")),
                ("用时（秒）", round(run.seconds, 1))]
    if run.interrupted:
        overview.insert(0, ("注意", f"校验被中断：只完成了 {len(run.done)} / {len(run.files)} "
                                    "个文件，本表只含已完成的文件"))
    if truncated:
        overview.append(("注意", f"问题超过 {_MAX_FINDING_ROWS} 条，问题明细只列出前 "
                                 f"{_MAX_FINDING_ROWS} 条"))

    computed = readable["计算等级"].fillna("无法计算").value_counts()
    declared = readable["填报等级"].fillna("未填写").value_counts()
    grades = pd.DataFrame({
        "等级": [*GRADES, "无法计算/未填写"],
        "计算等级（份）": [int(computed.get(grade, 0)) for grade in GRADES]
        + [int(computed.get("无法计算", 0))],
        "填报等级（份）": [int(declared.get(grade, 0)) for grade in GRADES]
        + [int(declared[~declared.index.isin(GRADES)].sum())],
    })

    if len(details):
        codes = (details.groupby("代码").agg(次数=("文件", "size"), 涉及文件数=("文件", "nunique"))
                 .reset_index().sort_values(["次数", "代码"], ascending=[False, True]))
    else:
        codes = pd.DataFrame({"代码": [], "次数": [], "涉及文件数": []})
    codes.insert(1, "级别", [_severity_name(REGISTRY[code].severity) if code in REGISTRY
                             else "" for code in codes["代码"]])
    codes.insert(2, "问题", [REGISTRY[code].summary if code in REGISTRY else ""
                             for code in codes["代码"]])

    by_department = readable.assign(
        部门=readable["主管部门_"].fillna("（未填写）"),
        有错误=readable["状态"] == "有错误",
        总分=pd.to_numeric(readable["计算总分"], errors="coerce"))
    departments = (by_department.groupby("部门")
                   .agg(表数=("文件", "size"), 平均计算总分=("总分", "mean"),
                        有错误的表=("有错误", "sum"), 错误数=("错误数", "sum"),
                        警告数=("警告数", "sum"))
                   .reset_index().rename(columns={"部门": "主管部门"})
                   .sort_values(["表数", "主管部门"], ascending=[False, True]))
    departments["平均计算总分"] = departments["平均计算总分"].round(2)
    return [
        ("概况", pd.DataFrame(overview, columns=["项目", "数值"])),
        ("评分等级分布", grades),
        ("问题代码统计（按次数）", codes.reset_index(drop=True)),
        ("按主管部门", departments.reset_index(drop=True)),
    ]


def _severity_name(severity: str) -> str:
    from .checks import SEVERITY_NAMES

    return SEVERITY_NAMES.get(severity, severity)


# ---------------------------------------------------------------- writing the sheets

def _plain(value: Any) -> Any:
    """A DataFrame value as a cell value: NaN/None → empty, numpy numbers → Python."""
    if value is None:
        return None
    if isinstance(value, float) and value != value:
        return None
    if hasattr(value, "item"):  # numpy scalar
        value = value.item()
        if isinstance(value, float) and value != value:
            return None
    return value


def _widths(frame: Any, sample: int = 2000, widest: int = 60) -> list[float]:
    from .report import display_width

    widths = []
    for column in frame.columns:
        texts = [str(column)] + [str(v) for v in frame[column].head(sample) if _plain(v) is not None]
        widths.append(min(max(max(display_width(text) for text in texts) + 2, 6), widest))
    return widths


def _styled(ws: Any, value: Any, **style: Any) -> Any:
    from openpyxl.cell.cell import WriteOnlyCell

    cell = WriteOnlyCell(ws, value=value)
    for name, item in style.items():
        setattr(cell, name, item)
    return cell


def _header_cells(ws: Any, names: list[str]) -> list[Any]:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin", color="808080")
    return [_styled(ws, name, font=Font(bold=True), fill=PatternFill("solid", fgColor="DDEBF7"),
                    alignment=Alignment(horizontal="center", vertical="center",
                                        wrap_text=True),
                    border=Border(bottom=thin)) for name in names]


def _print_setup(ws: Any, title_rows: str | None, grid: bool = True) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = "9"  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = grid
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    if title_rows:
        ws.print_title_rows = title_rows


def _link(base: Path, file: str) -> str:
    """The file as a hyperlink target, relative to the summary so the folder can move."""
    path = Path(file).resolve()
    try:
        return Path(os.path.relpath(path, base)).as_posix()
    except ValueError:  # another drive (Windows)
        return path.as_uri()


def _write_list(ws: Any, frame: Any, base: Path,
                places: list[tuple[str | None, str | None]] | None,
                numbers: tuple[int, ...] = (), status_column: str | None = None) -> None:
    """A list sheet: frozen header, filter, widths, print setup, then the rows streamed;
    文件 links to the file (and, in 问题明细, to the cell of the finding)."""
    from copy import copy

    from openpyxl.cell.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.hyperlink import Hyperlink

    names = list(frame.columns)
    last = len(names)
    for number, width in enumerate(_widths(frame), start=1):
        ws.column_dimensions[get_column_letter(number)].width = width
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = f"A1:{get_column_letter(last)}{len(frame) + 1}"
    _print_setup(ws, "1:1")
    if status_column and len(frame):
        _status_colours(ws, f"{status_column}2:{status_column}{len(frame) + 1}")
    ws.append(_header_cells(ws, names))

    # One styled cell of each kind, then copies of its style array: assigning Font and
    # Alignment objects cell by cell costs a style lookup each.
    link_style = _styled(ws, None, font=Font(color="0563C1", underline="single"))._style
    wrap_style = _styled(ws, None, alignment=Alignment(wrap_text=True, vertical="top"))._style
    number_style = _styled(ws, None, number_format="0.00")._style
    links: dict[str, str] = {}
    for index, values in enumerate(frame.itertuples(index=False, name=None)):
        row: list[Any] = [_plain(value) for value in values]
        file = row[0]
        target = links.get(file) or links.setdefault(file, _link(base, file))
        sheet, cell_ref = places[index] if places else (None, None)
        location = (f"'{sheet.replace(chr(39), chr(39) * 2)}'!{cell_ref}"
                    if sheet and cell_ref else None)
        link = WriteOnlyCell(ws, value=file)
        link.hyperlink = Hyperlink(ref="", target=target, location=location,
                                   tooltip="打开文件" if location is None else "打开文件并定位")
        link._style = copy(link_style)
        row[0] = link
        for column in numbers:
            if row[column - 1] is not None:
                cell = WriteOnlyCell(ws, value=row[column - 1])
                cell._style = copy(number_style)
                row[column - 1] = cell
        if row[last - 1] is not None:
            cell = WriteOnlyCell(ws, value=row[last - 1])
            cell._style = copy(wrap_style)
            row[last - 1] = cell
        ws.append(row)


def _status_colours(ws: Any, area: str) -> None:
    """状态 coloured by conditional formats (one rule per status, not one fill per row)."""
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import PatternFill

    for status, colour in _STATUS_FILLS.items():
        ws.conditional_formatting.add(area, CellIsRule(
            operator="equal", formula=[f'"{status}"'], fill=PatternFill("solid", bgColor=colour)))


def _write_statistics(ws: Any, blocks: list[tuple[str, Any]]) -> None:
    """The blocks one under another, a blank row between; the two charts to their right."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    widths: dict[int, float] = {}
    for _, frame in blocks:
        for number, width in enumerate(_widths(frame, widest=48), start=1):
            widths[number] = max(widths.get(number, 0), width)
    widths[1] = max(widths.get(1, 0), 22)
    for number, width in widths.items():
        ws.column_dimensions[get_column_letter(number)].width = width
    _print_setup(ws, None, grid=False)
    places: dict[str, tuple[int, int]] = {}
    row = 1
    for title, frame in blocks:
        ws.append([_styled(ws, title, font=Font(bold=True, size=12))])
        ws.append(_header_cells(ws, [str(name) for name in frame.columns]))
        places[title] = (row + 1, len(frame))  # the header row, the number of data rows
        for values in frame.itertuples(index=False, name=None):
            ws.append([_plain(value) for value in values])
        ws.append([])
        row += len(frame) + 3
    _charts(ws, places)


def _charts(ws: Any, places: dict[str, tuple[int, int]]) -> None:
    from openpyxl.chart import BarChart, Reference

    header, grades = places["评分等级分布"]
    chart = BarChart()
    chart.type = "col"
    chart.title = "评分等级分布"
    chart.y_axis.title = "份数"
    chart.x_axis.title = "等级"
    chart.add_data(Reference(ws, min_col=2, max_col=3, min_row=header, max_row=header + grades),
                   titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=header + 1, max_row=header + grades))
    _visible_axes(chart)
    chart.width, chart.height = 16, 8
    ws.add_chart(chart, "H2")

    header, codes = places["问题代码统计（按次数）"]
    if codes:
        top = min(codes, _TOP_CODES)
        chart = BarChart()
        chart.type = "bar"
        chart.title = f"最常见的问题（前 {top} 个代码）"
        chart.x_axis.title = "代码"
        chart.y_axis.title = "次数"
        chart.add_data(Reference(ws, min_col=4, min_row=header, max_row=header + top),
                       titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=1, min_row=header + 1, max_row=header + top))
        chart.x_axis.scaling.orientation = "maxMin"  # the most frequent on top
        chart.legend = None
        _visible_axes(chart)
        chart.width, chart.height = 16, 9
        ws.add_chart(chart, "H20")


def _visible_axes(chart: Any) -> None:
    """openpyxl ≥ 3.1 marks axes deleted unless told; Excel would then hide them."""
    for axis in (chart.x_axis, chart.y_axis):
        axis.delete = False


__all__ = ["FINDING_COLUMNS", "SUMMARY_COLUMNS", "Summary", "write_summary"]
