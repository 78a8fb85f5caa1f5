"""Reading a submitted workbook, whatever its layout (DOMAIN.md §4).

``read_workbook(path)`` opens a workbook (.xlsx/.xlsm; .xls/.xlsb/.ods by value), finds every self-evaluation table
in every sheet by its header text — never by coordinates — and returns each as
a ``WorkbookTable``: a ``SelfEvaluation`` that also knows its header columns
and, for every cell it read, the value shown and the formula behind it.

Layouts (``WorkbookTable.layout``):

    standard     一级 | 二级 | 三级 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因…,
                 the money block above it, with or without 全年预算数;
                 二级 may carry its points, "数量指标 (20 分)"
    sichuan      … 指标性质 | 指标值 | 度量单位 | 权重 | 实际完成指标值, often no 得分
    attachment   评分附件表: 一级 | 三级 | 权重 | 目标值 | 业绩值 | 评分结果, with
                 预算执行率 as an indicator row and the money maybe on another sheet
    third_party  第三方评价指标体系: 决策/过程/产出/效益, 分值 and 得分 per 三级指标

Merged 一级/二级 cells are carried down; a carried 一级 gives way to the one its
二级 names (社会效益指标 → 效益指标, ``level1_inferred``). Subtotal rows (一级/二级
小计 of a 评分附件表) become ``subtotals``, never indicators; a 预算执行率 row of its
own 一级 is the money's 分值 and 得分. Money is read as a block above the table, as
资金总额 | 年初预算数 | 全年预算数 | 全年执行数 side by side, or as a 资金安排情况
table down the rows (预算安排 / 实际支出 / 预算执行率), on any sheet; amounts in 元
become 万元. .xls, .xlsb and .ods are read by their values (``jixiao.xlsx.foreign``).
Several tables in one workbook (one per sheet, or stacked) each become a table. What cannot be opened raises
``UnreadableWorkbook``; a workbook without any table ``NotASelfEvaluation`` —
both with a Chinese message naming the file.

The cells come from a pluggable source, one ``SheetCells`` per worksheet:
python-calamine (``jixiao.xlsx.cells``, the default) or openpyxl (the reference,
``engine="openpyxl"``). Tables are found in ``SheetCells`` only, so both give the
same tables; the fast source hands a file to openpyxl whenever it cannot be sure.
"""

from __future__ import annotations

import datetime as _dt
import functools
import io
import os
import posixpath
import re
import unicodedata
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jixiao import levels
from jixiao.errors import NotASelfEvaluation, UnreadableWorkbook
from jixiao.fileio import os_error_text
from jixiao.model import FundLine, Funds, Indicator, Project, SelfEvaluation, Source
from jixiao.parsing import grade_name, parse_amount, parse_points, parse_rate
from jixiao.rules import RULE_SETS, rule_name
from jixiao.xlsx.external import ExternalContent
from jixiao.xlsx.foreign import CFB as _CFB
from jixiao.xlsx.foreign import foreign_format, foreign_sheets
from jixiao.xlsx.guard import check_package
from jixiao.xlsx.limits import Limits
from jixiao.xlsx.package import ERROR_TEXTS as EXCEL_ERRORS
from jixiao.xlsx.refs import column_letters
from jixiao.xlsx.sheet import SheetCells

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


_EMPTY_CELL = CellInfo(None)


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


ENGINES = ("auto", "calamine", "openpyxl")


@dataclass
class SubmittedWorkbook:
    """Everything read from one file."""

    path: Path
    tables: list[WorkbookTable]
    notes: list[str] = field(default_factory=list)  # sheets skipped and why, in Chinese


# ================================================================ opening

def read_workbook(path: str | Path, *, max_rows: int | None = None,
                  engine: str = "auto") -> SubmittedWorkbook:
    """Every self-evaluation table of the workbook at ``path``.

    A sheet of more than ``max_rows`` rows (default ``Limits.max_rows``,
    ``JIXIAO_MAX_ROWS``) is skipped: a ledger or an export, not a table.

    ``engine``: "auto" and "calamine" read the cells with python-calamine where it
    gives what openpyxl gives, else with openpyxl; "openpyxl" always uses openpyxl.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}")
    path = Path(path)
    data, limits = _read_bytes(path)
    max_rows = limits.max_rows if max_rows is None else max_rows
    kind = foreign_format(data)
    if kind is not None:
        if kind != "xls":
            check_package(path, data, limits, ods=kind == "ods")  # bombs, DTDs: before calamine
        found, notes = foreign_sheets(path.name, data, kind, max_rows)
        sheets = [SheetCells(name, cells, merges, {}) for name, cells, merges in found]
        return _workbook(path, sheets, notes, False, False, [])
    _sniff(path, data)
    # zip bombs, DTDs, too many cells: before any parser; the parts it unpacked are kept
    package = check_package(path, data, limits, keep=True)
    archive = package.contents if package.contents is not None else _open_zip(path, data)
    with archive:
        parts = _sheet_parts(path, archive)
        notes: list[str] = []
        too_big: set[str] = set()
        for sheet, part in parts.items():
            if archive.getinfo(part).file_size < 5 * (max_rows + 1):
                continue  # too short for more rows: a <row> tag takes 5 bytes
            rows = _count_rows(path, archive, part, limits)
            if rows > max_rows:
                too_big.add(part)
                notes.append(f"工作表“{sheet}”有 {rows} 行，超过 {max_rows} 行的上限，已跳过"
                             "（可设置环境变量 JIXIAO_MAX_ROWS 调高）")
        defined_names = _has_jx_names(archive)
        sheets = None
        if engine != "openpyxl":
            from jixiao.xlsx.cells import calamine_sheets

            sheets = calamine_sheets(data, archive, {sheet: part for sheet, part in parts.items()
                                                     if part not in too_big})
        if sheets is None:
            formulas = {sheet: _formulas(archive, part) for sheet, part in parts.items()
                        if part not in too_big}
            source = io.BytesIO(_without(archive, too_big) if too_big else data)
    if sheets is None:
        sheets = _openpyxl_sheets(path, source, formulas)
    return _workbook(path, sheets, notes, bool(too_big), defined_names, package.external)


def _workbook(path: Path, sheets: list[SheetCells], notes: list[str], too_big: bool,
              defined_names: bool, external: list[ExternalContent]) -> SubmittedWorkbook:
    """The tables found in the sheets read, whatever format they came from."""
    grids = [_Grid(sheet) for sheet in sheets]
    template = defined_names or any("JX_" in formula.upper() for grid in grids
                                    for formula in grid.formulas.values())
    tables = _find_tables(grids, path.name, template)
    if not tables:
        if too_big:
            raise UnreadableWorkbook(
                f"“{path.name}”过大：{'；'.join(notes)}。自评表通常只有几十行，"
                "请删除无关的工作表后再试")
        raise NotASelfEvaluation(
            f"“{path.name}”中没有找到项目支出绩效自评表：没有一行表头同时含有"
            "“三级指标”（或指标名称）和“分值”（或权重）")
    for table in tables:
        table.file = str(path)
        table.template = template
    tables[0].external = external  # the workbook's, reported once
    return SubmittedWorkbook(path, tables, notes)


def read_tables(path: str | Path) -> list[WorkbookTable]:
    """The tables of the workbook at ``path`` (see ``read_workbook``)."""
    return read_workbook(path).tables


def _read_bytes(path: Path) -> tuple[bytes, Limits]:
    """The file's content, and the limits (from the environment, read once per file)."""
    if not path.is_file():
        if not path.exists():
            raise UnreadableWorkbook(f"找不到文件“{path}”")
        raise UnreadableWorkbook(f"“{path}”不是文件")
    try:
        with path.open("rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            if size == 0:
                raise UnreadableWorkbook(f"“{path.name}”是空文件（0 字节）")
            limits = Limits.from_environment()
            limit = limits.max_file_bytes  # one limit, raisable by JIXIAO_MAX_FILE_MB
            if size > limit:
                raise UnreadableWorkbook(
                    f"“{path.name}”过大（{size / 1024 / 1024:.0f} MB），"
                    f"超过 {limit // 1024 // 1024} MB 的上限"
                    "（确属正常的大文件可设环境变量 JIXIAO_MAX_FILE_MB 调高）")
            return stream.read(), limits
    except OSError as error:
        raise UnreadableWorkbook(f"无法读取“{path.name}”：{os_error_text(error)}") from None




def _sniff(path: Path, data: bytes) -> None:
    """Refuse, with the reason a clerk can act on, what is not an OOXML zip."""
    name = path.name
    if data.startswith(_CFB):  # an OLE2 file that foreign_format did not take: encrypted
        raise UnreadableWorkbook(f"“{name}”设置了打开密码（已加密），请在 Excel 中取消密码"
                                 "（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空）后再试")
    if data.startswith(b"PK"):
        return
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<html", b"<!doctype", b"<?xml", b"<table", b"<meta")):
        raise UnreadableWorkbook(f"“{name}”是网页（HTML/XML）文件，只是扩展名像 Excel，"
                                 "请在 Excel 中打开后另存为 .xlsx 再试")
    raise UnreadableWorkbook(f"“{name}”不是 Excel 工作簿（.xlsx/.xlsm），或文件已损坏")


def _open_zip(path: Path, data: bytes) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        raise UnreadableWorkbook(f"“{path.name}”已损坏，无法作为 .xlsx 打开"
                                 "（压缩包结构不完整）") from None
    if "content.xml" in names and "mimetype" in names:
        archive.close()
        raise UnreadableWorkbook(f"“{path.name}”是 OpenDocument（.ods）表格，"
                                 "请在 WPS/LibreOffice/Excel 中另存为 .xlsx 后再试")
    if "[Content_Types].xml" not in names:
        archive.close()
        raise UnreadableWorkbook(f"“{path.name}”是压缩包，但不是 Excel 工作簿（.xlsx/.xlsm）")
    return archive


_NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_NS_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def _elements(xml: bytes, tag: str) -> list[dict[str, str]]:
    """The attributes of every ``tag`` ("{namespace}name") element, in document order.

    What ``defusedxml.ElementTree.fromstring(xml).iter(tag)`` gives, without the
    tree: the same expat parser, the same refusals (entities, external references,
    undefined entities) and ``ParseError`` for what is not well-formed.
    """
    from xml.etree.ElementTree import ParseError
    from xml.parsers import expat

    from defusedxml.common import EntitiesForbidden, ExternalReferenceForbidden

    wanted = tag[1:] if tag.startswith("{") else tag  # expat: "namespace}name"
    found: list[dict[str, str]] = []

    def start(name: str, attributes: dict[str, str]) -> None:
        if name == wanted:
            found.append({"{" + key if "}" in key else key: value
                          for key, value in attributes.items()})

    def entity(name: str, is_parameter: bool, value: str | None, base: str | None,
               system: str | None, public: str | None, notation: str | None) -> None:
        raise EntitiesForbidden(name, value, base, system, public, notation)

    def unparsed_entity(name: str, base: str | None, system: str | None,
                        public: str | None, notation: str | None) -> None:
        raise EntitiesForbidden(name, None, base, system, public, notation)

    def external(context: str, base: str | None, system: str | None,
                 public: str | None) -> None:
        raise ExternalReferenceForbidden(context, base, system, public)

    def skipped(name: str, is_parameter: bool) -> None:
        if not is_parameter:  # as ElementTree: an entity it does not know is an error
            error = expat.ExpatError(f"undefined entity &{name};: line {parser.ErrorLineNumber}, "
                                     f"column {parser.ErrorColumnNumber}")
            error.code, error.lineno, error.offset = (  # type: ignore[attr-defined]
                11, parser.ErrorLineNumber, parser.ErrorColumnNumber)
            raise error

    parser = expat.ParserCreate(None, "}")
    parser.StartElementHandler = start
    parser.EntityDeclHandler = entity
    parser.UnparsedEntityDeclHandler = unparsed_entity
    parser.ExternalEntityRefHandler = external
    parser.SkippedEntityHandler = skipped
    try:
        parser.Parse(xml, True)
    except expat.ExpatError as error:
        failure = ParseError(error)
        failure.code, failure.position = error.code, (error.lineno, error.offset)
        raise failure from None
    return found


def _relationships(archive: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """Id → (type, target member) of a part's relationships."""
    folder, name = posixpath.split(part)
    rels_member = posixpath.join(folder, "_rels", name + ".rels")
    if rels_member not in archive.namelist():
        return {}
    result = {}
    for rel in _elements(archive.read(rels_member), f"{{{_NS_PKG}}}Relationship"):
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External":
            continue
        member = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
            posixpath.join(folder, target))
        result[rel.get("Id", "")] = (rel.get("Type", ""), member)
    return result


def _sheet_parts(path: Path, archive: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet name → its XML member, in workbook order."""
    try:
        workbook = next((member for kind, member in _relationships(archive, "").values()
                         if kind.endswith("/officeDocument")), "xl/workbook.xml")
        rels = _relationships(archive, workbook)
        parts = {}
        for sheet in _elements(archive.read(workbook), f"{{{_NS_MAIN}}}sheet"):
            kind, member = rels.get(sheet.get(f"{{{_NS_REL}}}id", ""), ("", ""))
            if kind.endswith("/worksheet") and member in archive.namelist():
                parts[sheet.get("name", "")] = member
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, SyntaxError) as error:
        raise UnreadableWorkbook(f"“{path.name}”已损坏，无法读取工作簿结构"
                                 f"（{type(error).__name__}）") from None
    return parts


_ROW_TAG = re.compile(rb"<(?:\w+:)?row[\s>/]")


def _count_rows(path: Path, archive: zipfile.ZipFile, part: str, limits: Limits) -> int:
    try:
        info = archive.getinfo(part)
        if info.file_size > limits.max_unpacked_bytes:
            return 1 << 30
        return len(_ROW_TAG.findall(archive.read(part)))
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        raise UnreadableWorkbook(f"“{path.name}”已损坏，工作表无法解压"
                                 f"（{type(error).__name__}）") from None


def _formulas(archive: zipfile.ZipFile, part: str) -> dict[str, tuple[str, bool]]:
    """A1 cell → (formula text, whether a result was saved with it), from the sheet
    XML: openpyxl gives either the formulas or the cached values, not both."""
    from defusedxml import ElementTree

    found: dict[str, tuple[str, bool]] = {}
    cell_tag, formula_tag, value_tag = (f"{{{_NS_MAIN}}}{tag}" for tag in "cfv")
    try:
        with archive.open(part) as stream:
            for _, element in ElementTree.iterparse(stream, events=("end",)):
                if element.tag == cell_tag:
                    formula = element.find(formula_tag)
                    if formula is not None:
                        value = element.find(value_tag)
                        # An empty <v/> is a result only for a text formula giving "".
                        cached = value is not None and (
                            bool(value.text) or element.get("t") in ("str", "s", "inlineStr"))
                        found[element.get("r", "")] = ("=" + (formula.text or ""), cached)
                    element.clear()
    except Exception:  # a malformed sheet: openpyxl will say what is wrong with it
        return found
    return found


def _has_jx_names(archive: zipfile.ZipFile) -> bool:
    try:
        return any(b"JX_" in archive.read(member) for member in archive.namelist()
                   if member.endswith("workbook.xml"))
    except (KeyError, zipfile.BadZipFile, OSError):
        return False


_EMPTY_SHEET = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                b'<worksheet xmlns="' + _NS_MAIN.encode() + b'"><sheetData/></worksheet>')


def _without(archive: zipfile.ZipFile, parts: set[str]) -> bytes:
    """The workbook with the given sheets emptied, so openpyxl need not parse them."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in archive.infolist():
            copy.writestr(info, _EMPTY_SHEET if info.filename in parts else archive.read(info))
    return out.getvalue()


def _openpyxl_sheets(path: Path, source: io.BytesIO,
                     formulas: dict[str, dict[str, tuple[str, bool]]]) -> list[SheetCells]:
    """The reference cell source: openpyxl, values only, formulas from the XML pass."""
    from openpyxl.cell.cell import MergedCell

    book = _load(path, source)
    try:
        sheets = []
        for ws in book.worksheets:
            if ws.title not in formulas:
                continue
            # ws._cells holds only the cells that exist; iter_rows() would create the rest.
            cells = [(row, column, cell.value, cell.number_format)
                     for (row, column), cell in ws._cells.items()
                     if not isinstance(cell, MergedCell) and cell.value is not None]
            merges = [(merged.min_row, merged.min_col, merged.max_row, merged.max_col)
                      for merged in ws.merged_cells.ranges]
            sheets.append(SheetCells(ws.title, cells, merges, formulas[ws.title]))
    finally:
        book.close()
    return sheets


def _load(path: Path, source: io.BytesIO) -> Any:
    import warnings

    from openpyxl import load_workbook

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "unsupported extension", data validation …
            return load_workbook(source, data_only=True, keep_links=False)
    except Exception as error:  # any failure inside openpyxl means the file is damaged
        raise UnreadableWorkbook(f"“{path.name}”已损坏或格式异常，无法读取"
                                 f"（{type(error).__name__}）") from None


# ================================================================ the grid

def header_text(value: Any) -> str:
    """A cell's text for matching: NFKC, no spaces or line breaks."""
    if value is None:
        return ""
    return _normalized(str(value))


# Memoised: the same labels are matched against every row of every table (a batch reads
# thousands of workbooks with the same headers), and these functions are pure.
@functools.lru_cache(maxsize=16384)
def _normalized(text: str) -> str:
    # split() drops what re's \s matches: every character that isspace()
    return "".join(unicodedata.normalize("NFKC", text).split())


class _Grid:
    """One worksheet's non-empty cells, merged ranges and formulas."""

    def __init__(self, sheet: SheetCells) -> None:
        self.name: str = sheet.name
        self.values: dict[tuple[int, int], Any] = {}
        # header_text of every value, made once: headers, labels and the 评分规则 cell
        # are looked for by it in every row, some rows several times
        self.texts: dict[tuple[int, int], str] = {}
        self.formats: dict[tuple[int, int], str] = {}
        values, texts, formats = self.values, self.texts, self.formats
        for row, column, value, number_format in sheet.cells:
            if isinstance(value, str):
                value = value.strip()
                if not value:
                    continue
                text = _normalized(value)
            elif value is None:
                continue
            else:
                text = header_text(value)
            where = (row, column)
            values[where] = value
            texts[where] = text
            if number_format and number_format != "General":
                formats[where] = number_format
        self.origin: dict[tuple[int, int], tuple[int, int]] = {}
        for min_row, min_col, max_row, max_col in sheet.merges:
            if (max_row - min_row + 1) * (max_col - min_col + 1) > 20_000:
                continue  # a merge over a whole page carries no table structure
            top_left = (min_row, min_col)
            for row in range(min_row, max_row + 1):
                for column in range(min_col, max_col + 1):
                    self.origin[(row, column)] = top_left
        self.formulas: dict[tuple[int, int], str] = {}
        self.uncached: set[tuple[int, int]] = set()
        for ref, (formula, cached) in sheet.formulas.items():
            try:
                where = _coordinate_to_tuple(ref)
            except (ValueError, TypeError, NameError):  # NameError: openpyxl on "" (no r=)
                continue
            self.formulas[where] = formula
            if not cached:
                self.uncached.add(where)
        # Cell sources list the cells row by row, so this sort has little to do.
        cells = list(values)
        cells.extend(where for where in self.formulas if where not in values)
        cells.sort()
        self.rows: dict[int, list[int]] = {}
        for row, column in cells:
            self.rows.setdefault(row, []).append(column)
        self.max_row = max(self.rows, default=0)
        self._cells: dict[tuple[int, int], tuple[Source, CellInfo]] = {}  # made once

    def raw(self, row: int, column: int) -> Any:
        return self.values.get((row, column))

    def cell(self, row: int, column: int) -> tuple[Source, CellInfo]:
        """Where a cell is and what it holds, made once per cell however often asked."""
        where = (row, column)
        found = self._cells.get(where)
        if found is None:
            value, formula = self.values.get(where), self.formulas.get(where)
            if value is None and formula is None:
                info = _EMPTY_CELL  # formats hold cells with values, uncached formulas
            else:
                info = CellInfo(value, formula, self.formats.get(where, "General"),
                                where not in self.uncached)
            found = self._cells[where] = (
                Source(self.name, f"{_column_letter(column)}{row}"), info)
        return found

    def source(self, row: int, column: int) -> Source:
        return self.cell(row, column)[0]

    def info(self, row: int, column: int) -> CellInfo:
        return self.cell(row, column)[1]

    def is_merged_span(self, row: int, column: int) -> bool:
        """Whether a cell is the origin of a merge wider than one column."""
        return self.origin.get((row, column + 1)) == (row, column)

    def same_merge(self, a: tuple[int, int], b: tuple[int, int]) -> bool:
        return self.origin.get(a, a) == self.origin.get(b, b)

    def right_of(self, row: int, column: int, limit: int = 12) -> tuple[Any, int] | None:
        """The first value to the right of a label, outside the label's own merge."""
        for other in range(column + 1, column + limit + 1):
            if self.same_merge((row, column), (row, other)):
                continue
            value = self.raw(row, other)
            if value is not None:
                return value, other
        return None


# ================================================================ headers

# First match wins: specific words before the words they contain.
_INDICATOR_ROLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("judged", ("人工评分",)),
    ("ignore", ("评分标准", "评分要点", "评分细则", "评分方法", "计分方法", "指标解释", "指标说明",
                "评价要点", "是否达成", "备注", "序号")),
    ("level1", ("一级指标",)),
    ("level2", ("二级指标",)),
    ("name", ("三级指标", "指标名称", "指标内容", "具体指标")),
    ("nature", ("指标性质",)),
    ("unit", ("度量单位", "计量单位")),
    ("actual", ("实际完成指标值", "实际完成值", "全年完成值", "全年实际值", "实际完成数", "业绩值",
                "实际值", "完成值", "完成情况")),
    ("target", ("年度指标值", "全年指标值", "预期指标值", "年度目标值", "指标值", "目标值",
                "计划值")),
    ("weight", ("分值", "权重", "标准分", "分数")),
    ("score", ("得分", "评分结果", "评价得分", "自评得分", "评分")),
    ("reason", ("原因", "改进措施")),
)
_EXACT_ROLES = {"单位": "unit", "指标": "name"}

_FUND_ROLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("reason", ("原因",)),  # "执行率偏低原因说明" is no 执行率 column
    ("initial", ("年初预算数", "年初预算")),
    ("rate", ("执行率",)),
    ("executed", ("全年执行数", "实际执行数", "执行数", "实际支出", "支出数", "执行金额")),
    ("budget", ("全年预算数", "调整后预算数", "调整预算数", "预算数", "全年预算")),
    ("weight", ("分值", "分数", "权重")),
    ("score", ("得分",)),
    ("reason", ("说明",)),
)
_FUND_LABELS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("total", ("资金总额", "总额", "合计", "总计")),
    ("part", ("财政拨款", "财政资金", "上年结转", "结转资金", "其他资金", "自筹", "其他")),
)


_RolePatterns = tuple[re.Pattern[str], tuple[tuple[str, re.Pattern[str]], ...]]


def _patterns(roles: tuple[tuple[str, tuple[str, ...]], ...]) -> _RolePatterns:
    """A pattern finding any word of any role, and each role's own, in the roles' order."""
    def any_of(words: Iterable[str]) -> re.Pattern[str]:
        return re.compile("|".join(re.escape(word) for word in words))

    return (any_of(word for _, words in roles for word in words),
            tuple((role, any_of(words)) for role, words in roles))


_INDICATOR_WORDS = _patterns(_INDICATOR_ROLES)
_FUND_WORDS = _patterns(_FUND_ROLES)
_UNIT_SUFFIX = re.compile(r"[(（][^)）]*[)）]$")


def _role(text: str, words: _RolePatterns) -> str | None:
    any_word, roles = words
    if not any_word.search(text):  # most cells; then not in the text shortened below either
        return None
    text = _UNIT_SUFFIX.sub("", text) or text  # "全年预算数(A)", "执行率(%)"
    for role, pattern in roles:  # in order: the first role with a word in the text
        if pattern.search(text):
            return role
    return None


@functools.lru_cache(maxsize=16384)
def _indicator_role(text: str) -> str | None:
    if len(text) > 20:
        return None  # a sentence, not a header
    return _EXACT_ROLES.get(text) or _role(text, _INDICATOR_WORDS)


@functools.lru_cache(maxsize=16384)
def _fund_role(text: str) -> str | None:
    return _role(text, _FUND_WORDS)


@dataclass
class _Header:
    row: int            # the (last) header row
    data_start: int
    columns: dict[str, int]


def _header_at(grid: _Grid, row: int) -> _Header | None:
    """The indicator header in ``row`` (with a second header row below it, if any)."""
    columns: dict[str, int] = {}
    texts = grid.texts
    for column in grid.rows.get(row, []):
        role = _indicator_role(texts.get((row, column), ""))
        if role and role != "ignore" and role not in columns:
            columns[role] = column
    if "name" not in columns or "weight" not in columns:
        return None
    if not {"level1", "level2", "target", "actual", "score"} & set(columns):
        return None
    data_start = row + 1
    below: dict[str, int] = {}
    for column in grid.rows.get(row + 1, []):
        # A second header row names the columns under a header merged across them
        # ("指标值" over 指标性质 | 指标值 | 度量单位), or under an empty header cell.
        role = _indicator_role(texts.get((row + 1, column), ""))
        above = grid.origin.get((row, column))
        spans = above is not None and above[0] == row and grid.is_merged_span(*above)
        if role and role != "ignore" and (spans or (row, column) not in grid.values
                                          and (row, column) not in grid.origin):
            below.setdefault(role, column)
    if below:
        for role, column in below.items():
            if role not in columns or grid.same_merge((row, columns[role]), (row, column)):
                columns[role] = column
        data_start = row + 2
    return _Header(data_start - 1, data_start, columns)


def _layout(columns: dict[str, int], level1_texts: list[str]) -> str:
    if "nature" in columns:
        return "sichuan"
    if not {"target", "actual"} & set(columns) or any(
            word in text for text in level1_texts for word in ("决策", "过程")):
        return "third_party"
    if "level2" not in columns:
        return "attachment"
    return "standard"


# ================================================================ tables

_TOTAL_LABELS = ("总分", "合计", "总计", "综合得分", "自评总分", "得分合计", "分值合计")
_GRADE_LABELS = ("评分等级", "自评等级", "评价等级", "绩效等级", "等级", "评价结果", "自评结果")
_STOP_BLANK_ROWS = 5


@dataclass
class _Found:
    grid: _Grid
    header: _Header
    end: int = 0  # last row that belongs to the table (total/grade row or last indicator)


def _find_tables(grids: list[_Grid], file_name: str,
                 template: bool = False) -> list[WorkbookTable]:
    found: list[_Found] = []
    for grid in grids:
        next_row = 1  # after a header, its data
        for row in grid.rows:  # in order
            if row < next_row:
                continue
            header = _header_at(grid, row)
            if header is not None:
                found.append(_Found(grid, header))
                next_row = header.data_start
    tables: list[WorkbookTable] = []
    money_by_table: list[_Money | None] = []
    previous_end: dict[str, int] = {}
    for item in found:
        grid = item.grid
        next_header = min((other.header.row for other in found if other.grid is grid
                           and other.header.row > item.header.row), default=grid.max_row + 1)
        table = WorkbookTable(file=file_name, template=template)
        table.columns = frozenset(item.header.columns)
        table.sources["header"] = grid.source(item.header.row, item.header.columns["name"])
        item.end = _read_indicators(grid, item.header, next_header, table)
        top = previous_end.get(grid.name, 0) + 1
        previous_end[grid.name] = item.end
        _read_project(grid, top, item.header.row, table)
        money = _find_money(grid, top, item.header.row)
        money_by_table.append(money)
        table.layout = _layout(item.header.columns,
                               [i.level1 or "" for i in table.indicators])
        tables.append(table)
    spare_money = _money_outside(grids, found)
    spare_project = _project_outside(grids, found)
    stated_rules = _rules_from_workbook(grids) if tables else None  # the same for every table
    for table, money in zip(tables, money_by_table, strict=True):
        if money is None and len(spare_money) == 1:
            money = spare_money[0]
        if money is not None:
            _apply_money(money, table)
        else:
            table.funds = Funds(weight=None)
        if spare_project is not None:
            for key in ("name", "department", "unit", "year"):
                if getattr(table.project, key) is None:
                    setattr(table.project, key, getattr(spare_project.project, key))
                    if key in spare_project.sources:
                        table.sources.setdefault(f"project_{key}", spare_project.sources[key])
        if table.layout == "sichuan":  # the province's own rules, unless the workbook says
            table.rules = "sichuan"
        if stated_rules is not None:
            table.rules, table.sources["rules"] = stated_rules
        _execution_weight(table, money is not None)
    return tables


def _execution_weight(table: WorkbookTable, has_money: bool) -> None:
    """Where the 执行率's points are: a 预算执行率 row, the money block's 分值 column,
    or — a table with money but no points for it, whose indicators do not already
    total 100 (四川 style: 90 + 10) — the rule set's share of the 100 points."""
    funds, row = table.funds, table.execution_row
    if row is not None:
        funds.weight, funds.score_declared = row.weight, row.score_declared
        for key in ("weight", "score", "reason"):
            if key in row.sources:
                funds.sources[key] = row.sources[key]
        if funds.reason is None and row.reason:
            funds.reason = row.reason
        table.funds_weight_source = "row"
    elif "weight" in table.fund_columns:
        table.funds_weight_source = "money"
    elif has_money and table.layout != "third_party" and table.indicators:
        weights = [i.weight for i in table.indicators if i.weight is not None]
        listed = any(levels.level1_category(i.level1, i.name) == levels.EXECUTION
                     for i in table.indicators)
        if weights and not listed and abs(sum(weights) - 100.0) > 0.005:
            funds.weight = RULE_SETS[table.rules].default_weights[levels.EXECUTION] \
                if table.rules in RULE_SETS else 10.0
            table.funds_weight_source = "rules"


def _note(table: WorkbookTable, grid: _Grid, row: int, column: int) -> Source:
    source, info = grid.cell(row, column)
    table.cells[source] = info
    return source


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        if value.startswith(EXCEL_ERRORS):
            return None
        value = value.strip()
        return value or None
    return value


def _cell_value(grid: _Grid, row: int, column: int) -> Any:
    """A target/actual as a text the parser reads: 0.95 formatted as % → "95%";
    cleaned (``_clean``): errors and blanks are None."""
    value = _clean(grid.values.get((row, column)))
    if value is None or isinstance(value, str):  # most cells
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool) \
            and "%" in grid.formats.get((row, column), ""):
        return f"{round(value * 100, 10):g}%"
    if isinstance(value, _dt.time):
        return str(value)
    return value


_LEVELS = ("level1", "level2")  # carried down from merged cells
_ALWAYS_NOTED = frozenset(("target", "actual", "weight", "score", "reason", "judged"))  # even if empty
_CONTENT = ("name", "target", "actual", "weight", "nature", "unit")  # one makes an indicator


def _read_indicators(grid: _Grid, header: _Header, stop: int, table: WorkbookTable) -> int:
    """Read the rows under ``header`` up to the 总分/等级 row; the table's last row."""
    columns = header.columns
    carried: dict[str, tuple[Any, Source | None]] = {"level1": (None, None),
                                                     "level2": (None, None)}
    leftmost = min(columns.values())
    numbers = [columns[key] for key in ("weight", "score") if key in columns]
    label_before = max(numbers, default=leftmost)
    values, origin, noted = grid.values, grid.origin, table.cells
    last = header.row
    blank_run = 0
    row = header.data_start
    first = len(table.indicators)
    heads: list[tuple[bool, bool]] = []  # per indicator read: (own 一级 cell, own 二级 cell)
    while row < stop:
        present = grid.rows.get(row)
        if not present:
            blank_run += 1
            if blank_run >= _STOP_BLANK_ROWS:
                break
            row += 1
            continue
        blank_run = 0
        label = _row_label(grid, row, label_before)
        if label and label.startswith(_TOTAL_LABELS):
            _read_total(grid, row, columns, table)
            last = row
            grade_row = _find_grade(grid, row, min(stop, row + 4), table)
            last = grade_row or last
            break
        if label and label.startswith(_GRADE_LABELS):
            _read_grade(grid, row, table)
            last = row
            break
        if "项目名称" in (label or ""):
            break
        read: dict[str, Any] = {}  # column key → value, for the cells noted
        sources: dict[str, Source] = {}
        own = [False, False]
        for key, column in columns.items():
            if key in _LEVELS:
                where = origin.get((row, column), (row, column))
                value = _clean(values.get(where))
                if value is not None and where[0] == row:
                    own[_LEVELS.index(key)] = True
            else:
                where = (row, column)
                value = _cell_value(grid, row, column)  # cleaned already
            if value is not None or key in _ALWAYS_NOTED:
                source, info = grid.cell(*where)
                noted[source] = info
                read[key] = value
                sources[key] = source
        for key in _LEVELS:
            if read.get(key) is not None:
                if key == "level1" and carried["level1"][1] != sources[key]:
                    carried["level2"] = (None, None)  # a new 一级 starts its own 二级
                carried[key] = (read[key], sources[key])
        score_typed = (read.get("score") is not None
                       and (row, columns["score"]) not in grid.formulas)
        if not score_typed and all(read.get(key) is None for key in _CONTENT):
            row += 1
            continue
        indicator = _indicator(read, sources, carried)
        if not own[0]:  # a 一级 carried down (blank cell, or a merge from above)
            _infer_level1(indicator, table)
        table.indicators.append(indicator)
        heads.append((own[0], own[1]))
        last = row
        row += 1
    if {"target", "actual"} & set(columns):  # not in an index system (第三方): a real row there
        _take_execution_row(table, first, heads)
    _take_subtotals(table, first, heads, "level2" in columns)
    return last


def _infer_level1(indicator: Indicator, table: WorkbookTable) -> None:
    """A blank 一级 filled from above, where the row's 二级 names another 一级
    (社会效益指标 under a carried 产出指标): the 二级 wins; the check says so."""
    carried = indicator.level1
    inferred = levels.level1_of_level2(indicator.level2)
    category = levels.level1_category(carried)
    if carried and inferred and category is not None and category != inferred:
        indicator.level1 = inferred
        table.level1_inferred.append((indicator, carried))


def _blank_measure(indicator: Indicator) -> bool:
    return all(_blank_text(value) for value in (indicator.target, indicator.actual,
                                                indicator.nature, indicator.unit))


def _blank_text(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value.strip() in ("", "-", "—", "/"))


def _take_execution_row(table: WorkbookTable, first: int, heads: list[tuple[bool, bool]]) -> None:
    """The 预算执行率 row of a 评分附件表 ("预算执行率 | 预算执行率 | 10 | | | 3.10"): no
    target or actual, its points and score are the money's; it leaves the indicators."""
    if table.execution_row is not None:
        return
    for index in range(first, len(table.indicators)):
        indicator = table.indicators[index]
        if indicator.weight is None or not _blank_measure(indicator):
            continue
        # its own 一级 (预算执行率 beside 产出/效益/满意度), not an indicator under 产出
        if levels.level1_category(indicator.level1, indicator.name) == levels.EXECUTION:
            table.execution_row = table.indicators.pop(index)
            heads.pop(index - first)
            return


def _take_subtotals(table: WorkbookTable, first: int, heads: list[tuple[bool, bool]],
                    has_level2: bool) -> None:
    """Move 小计 rows out of the indicators into ``table.subtotals``.

    A row without target and actual is a subtotal when its name cell holds only a 一级
    name, when it opens a 一级 in a layout without 二级 column (评分附件表) and rows
    follow, or when its points equal the sum of the rows below it; a row labelled 小计
    sums the rows above it. jixiao's template has no subtotal rows: a row of it with
    points and nothing else is a half-filled indicator (JX201/JX202 say what is missing)."""
    if table.template:
        return
    rows = table.indicators[first:]
    ranks: list[int | None] = []  # 0: a 一级 subtotal, 1: 二级, 2: unlabelled; None: a row
    for indicator, (own1, own2) in zip(rows, heads, strict=True):
        rank = None
        if indicator.weight is not None and _blank_measure(indicator):
            own = (indicator.name, indicator.level1 if own1 else None,
                   indicator.level2 if own2 else None)
            if any(header_text(text).startswith("小计") for text in own if text):
                rank = -1  # "小计" under its rows
            elif _blank_text(indicator.name):  # empty, or "—" / "/"
                rank = 0 if own1 and levels.is_level1_only(indicator.level1) \
                    else 1 if own2 else 2
            elif levels.is_level1_only(indicator.name, as_name=True):
                rank = 0
        ranks.append(rank)
    if all(rank is None for rank in ranks):
        return
    taken: set[int] = set()
    for index, rank in enumerate(ranks):
        if rank is None:
            continue
        heading = rows[index]
        if rank == -1:  # the rows above it, back to the previous subtotal or 一级 start
            members = []
            for above in range(index - 1, -1, -1):
                if ranks[above] is not None:
                    break
                members.insert(0, rows[above])
                if heads[above][0]:
                    break
            taken.add(index)
            table.subtotals.append(Subtotal("小计", heading.weight, heading.score_declared,
                                            members, _heading_sources(heading)))
            continue
        named = not _blank_text(heading.name)
        category = levels.level1_category(heading.name if named else heading.level1)
        members = []
        for below in range(index + 1, len(rows)):
            other_rank, (own1, own2) = ranks[below], heads[below]
            if other_rank is not None:
                if other_rank <= rank:
                    break
                continue  # a 二级 subtotal inside a 一级
            if rank == 0:
                if own1 and levels.level1_category(rows[below].level1) != category:
                    break
            elif own1 or own2:
                break
            members.append(rows[below])
        total = sum(member.weight or 0.0 for member in members)
        if named or (members and (abs(total - heading.weight) <= 0.005
                                  or (rank == 0 and not has_level2))):
            taken.add(index)
            text = heading.name if named else (heading.level1 if rank == 0 else heading.level2)
            label = str(text or "小计")
            if named:
                for member in members:
                    if member.level1 is None:
                        member.level1 = label
            table.subtotals.append(Subtotal(label, heading.weight, heading.score_declared,
                                            members, _heading_sources(heading)))
    if taken:
        table.indicators[first:] = [row for index, row in enumerate(rows) if index not in taken]


def _heading_sources(heading: Indicator) -> dict[str, Source]:
    return {key: heading.sources[key] for key in ("name", "level1", "level2", "weight", "score")
            if key in heading.sources}


def _rc(source: Source) -> tuple[int, int]:
    return _coordinate_to_tuple(source.cell)


# openpyxl's coordinate_to_tuple and get_column_letter, without importing openpyxl (a
# third of a second for a fresh batch worker) for the references every file has.
_PLAIN_REF = re.compile(r"([A-Z]{1,3})([1-9][0-9]*)")


@functools.lru_cache(maxsize=4096)
def _coordinate_to_tuple(ref: str) -> tuple[int, int]:
    """"H13" → (13, 8)."""
    plain = _PLAIN_REF.fullmatch(ref)
    if plain is None:
        from openpyxl.utils.cell import coordinate_to_tuple

        return coordinate_to_tuple(ref)  # "$A$1", "a1", and its errors for the rest
    letters, digits = plain.groups()
    column = 0
    for letter in letters:
        column = column * 26 + ord(letter) - 64
    return int(digits), column


def _column_letter(column: int) -> str:
    """8 → "H"."""
    if 0 < column < len(_LETTERS):
        return _LETTERS[column]
    if not 1 <= column <= 18278:  # ZZZ
        from openpyxl.utils.cell import get_column_letter

        return get_column_letter(column)  # its error
    return column_letters(column)


_LETTERS = ("", *(column_letters(column) for column in range(1, 703)))  # A … ZZ


def _row_label(grid: _Grid, row: int, before: int) -> str:
    """The first text of a row left of the number columns (总分, 评分等级 …)."""
    for column in grid.rows.get(row, []):
        if column >= before:
            break
        if isinstance(grid.values.get((row, column)), str):
            return grid.texts[(row, column)]
    return ""


def _indicator(read: dict[str, Any], sources: dict[str, Source],
               carried: dict[str, tuple[Any, Source | None]]) -> Indicator:
    value = read.get
    level1, level1_source = carried["level1"]
    level2, level2_source = carried["level2"]
    indicator = Indicator(
        level1=None if level1 is None else str(level1).strip(),
        level2=None if level2 is None else str(level2).strip(),
        name=_text(value("name")), target=value("target"), actual=value("actual"),
        weight=_points(value("weight")), score_declared=_points(value("score")),
        reason=_text(value("reason")), nature=_text(value("nature")), unit=_text(value("unit")))
    judged = _points(value("judged")) if "judged" in read else indicator.score_declared
    indicator.judged = judged
    indicator.sources = sources  # made for this row alone
    if level1_source is not None:
        indicator.sources["level1"] = level1_source
    if level2_source is not None:
        indicator.sources["level2"] = level2_source
    return indicator


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _points(value: Any) -> float | None:
    """A 分值/得分 cell; a 权重 written as "10%" counts 10 points."""
    points = parse_points(value)
    if points is None and isinstance(value, str) and value.strip().endswith(("%", "％")):
        points = parse_points(value.strip()[:-1])
    return points


def _read_total(grid: _Grid, row: int, columns: dict[str, int], table: WorkbookTable) -> None:
    if "weight" in columns:
        table.sources["weight_total"] = _note(table, grid, row, columns["weight"])
    if "score" in columns:
        table.sources["total"] = _note(table, grid, row, columns["score"])
        table.total_declared = _points(_clean(grid.raw(row, columns["score"])))
    elif "weight" not in columns:
        found = grid.right_of(row, grid.rows[row][0])
        if found:
            table.sources["total"] = _note(table, grid, row, found[1])
            table.total_declared = parse_points(_clean(found[0]))
    for column in grid.rows.get(row, []):  # "总分 | 97 | 等级 | 优" on one row
        if grid.texts.get((row, column), "").startswith(_GRADE_LABELS[:5]):
            _read_grade(grid, row, table, column)


def _find_grade(grid: _Grid, start: int, stop: int, table: WorkbookTable) -> int | None:
    if "grade" in table.sources:
        return start
    for row in range(start + 1, stop + 1):
        for column in grid.rows.get(row, []):
            if grid.texts.get((row, column), "").startswith(_GRADE_LABELS):
                _read_grade(grid, row, table, column)
                return row
    return None


def _read_grade(grid: _Grid, row: int, table: WorkbookTable, column: int | None = None) -> None:
    if column is None:
        column = next(c for c in grid.rows[row]
                      if grid.texts.get((row, c), "").startswith(_GRADE_LABELS))
    label = grid.texts.get((row, column), "")
    inline = re.sub(r"^[^:：]*[:：]", "", label) if re.search("[:：]", label) else ""
    if inline:
        table.grade_declared = inline
        table.sources["grade"] = _note(table, grid, row, column)
        return
    found = _grade_cell(grid, row, column)
    if found is None:  # an empty grade cell: point at the first cell after the label
        other = next(c for c in range(column + 1, column + 40)
                     if not grid.same_merge((row, column), (row, c)))
        table.sources["grade"] = _note(table, grid, row, other)
        return
    value, where = found
    table.sources["grade"] = _note(table, grid, row, where)
    cleaned = _clean(value)
    table.grade_declared = None if cleaned is None else str(cleaned).strip()


def _grade_cell(grid: _Grid, row: int, column: int) -> tuple[Any, int] | None:
    """The grade right of its label: the first cell that names a grade (优秀 under 评分结果,
    past a stray 0 under 权重), else the first text, else the first value."""
    first = grid.right_of(row, column)
    if first is None or grade_name(first[0]):
        return first
    text = first if isinstance(first[0], str) else None
    for other in grid.rows.get(row, []):
        if other <= first[1]:
            continue
        value = grid.values.get((row, other))
        if grade_name(value):
            return value, other
        if text is None and isinstance(value, str):
            text = (value, other)
    return text or first


# ================================================================ project

_PROJECT_LABELS = (
    ("name", ("项目名称", "专项名称", "自评项目名称", "项目(专项)名称")),
    ("department", ("主管部门",)),
    ("unit", ("实施单位", "项目实施单位", "自评项目单位", "项目单位")),
)
_ANY_LABEL = tuple(label for _, labels in _PROJECT_LABELS for label in labels)
_YEAR = re.compile(r"((?:19|20)\d{2})年度|^((?:19|20)\d{2})年.*(?:自评|绩效)")


@dataclass
class _ProjectFound:
    project: Project
    sources: dict[str, Source]


def _scan_project(grid: _Grid, top: int, bottom: int) -> _ProjectFound:
    project, sources = Project(), {}
    values, texts = grid.values, grid.texts
    for row in range(top, bottom):
        columns = grid.rows.get(row)
        if not columns:
            continue
        for column in columns:
            text = texts.get((row, column), "")
            if not text.startswith(_ANY_LABEL):
                continue  # most cells: no label at all
            for key, labels in _PROJECT_LABELS:
                if getattr(project, key) is not None or not text.startswith(labels):
                    continue
                inline = re.split("[:：]", str(grid.raw(row, column)), maxsplit=1)
                if len(inline) == 2 and inline[1].strip():  # "项目名称：某某项目"
                    setattr(project, key, inline[1].strip())
                    sources[key] = grid.source(row, column)
                    break
                found = grid.right_of(row, column, limit=6)
                if found is not None and not texts[(row, found[1])].startswith(_ANY_LABEL):
                    setattr(project, key, str(found[0]).strip())
                    sources[key] = grid.source(row, found[1])
                break
        if project.goal_expected is None and project.goal_actual is None:
            _scan_goal(grid, row, columns, project, sources)
        if project.year is None:
            line = "".join(texts[(row, c)] for c in columns
                           if isinstance(values.get((row, c)), (str, int, float)))
            match = _YEAR.search(line)
            if match:
                project.year = int(match.group(1) or match.group(2))
                sources["year"] = grid.source(row, columns[0])
    return _ProjectFound(project, sources)


_GOAL_LABEL = ("年度总体目标", "总体目标", "年度目标")
_GOAL_COLUMNS = (("goal_expected", ("预期目标", "年初设定目标", "年度预期目标")),
                 ("goal_actual", ("实际完成情况", "全年实际完成情况", "年度实际完成情况")))


def _scan_goal(grid: _Grid, row: int, columns: list[int], project: Project,
               sources: dict[str, Source]) -> None:
    """年度总体目标: the texts under 预期目标 / 实际完成情况 (the standard form), or the one
    text beside the label where a layout has no such headings."""
    texts = grid.texts
    label = next((c for c in columns if texts.get((row, c), "").startswith(_GOAL_LABEL)
                  and len(texts[(row, c)]) <= 12), None)
    if label is None:
        return
    found = False
    for header_row in (row, row + 1):
        for column in grid.rows.get(header_row) or ():
            if column <= label:
                continue
            text = texts.get((header_row, column), "")
            for key, labels in _GOAL_COLUMNS:
                if getattr(project, key) is None and text in labels:
                    below = header_row + 1
                    while grid.same_merge((header_row, column), (below, column)):
                        below += 1
                    value = grid.raw(below, column)
                    found = True
                    if value is not None and str(value).strip():
                        setattr(project, key, str(value).strip())
                        sources[key] = grid.source(below, column)
        if found:
            return
    beside = grid.right_of(row, label, limit=8)
    if beside is not None and isinstance(beside[0], str):
        project.goal_expected = beside[0].strip()
        sources["goal_expected"] = grid.source(row, beside[1])


def _read_project(grid: _Grid, top: int, bottom: int, table: WorkbookTable) -> None:
    found = _scan_project(grid, top, bottom)
    table.project = found.project
    for key, source in found.sources.items():
        table.sources[f"project_{key}"] = source
        table.cells[source] = grid.info(*_rc(source))


def _project_outside(grids: list[_Grid], found: list[_Found]) -> _ProjectFound | None:
    """Project labels in a sheet without a table (a cover sheet), if any."""
    with_tables = {item.grid.name for item in found}
    for grid in grids:
        if grid.name in with_tables:
            continue
        project = _scan_project(grid, 1, grid.max_row + 1)
        if project.project.name or project.project.department:
            return project
    return None


def _rules_from_workbook(grids: list[_Grid]) -> tuple[str, Source] | None:
    """The rule set a workbook states in a cell labelled 评分规则, and where."""
    for grid in grids:
        for (row, column), text in grid.texts.items():
            if not text.startswith("评分规则") or not isinstance(grid.values[(row, column)], str):
                continue
            found = grid.right_of(row, column, limit=3)
            if found is None:
                continue
            name = _rule_name(str(found[0]))
            if name:
                return name, grid.source(row, found[1])
    return None


def _rule_name(text: str) -> str | None:
    return rule_name(header_text(text))


# ================================================================ money

@dataclass
class _Money:
    grid: _Grid
    header_row: int
    columns: dict[str, int]
    lines: list[tuple[int, str, int | None]]  # (row, label, label column)
    scale: float = 1.0  # 1/10000 where the headers say the amounts are in 元
    # labels down the rows (资金安排情况: 预算安排 (1) | 500000): role → (row, column)
    by_label: dict[str, tuple[int, int]] | None = None


# 资金安排情况 tables list the money down the rows: label → role.
_ROW_LABELS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("rate", ("预算执行率", "资金执行率", "执行率")),
    ("budget", ("预算安排", "全年预算数", "调整后预算数", "预算数", "预算资金", "年度预算")),
    ("executed", ("实际支出", "全年执行数", "实际执行数", "执行数", "支出数", "实际使用")),
)
_ANY_ROW_LABEL = re.compile("|".join(word for _, words in _ROW_LABELS for word in words))


def _row_label_role(label: str) -> str | None:
    """预算安排 (1) → budget, 实际支出 (4) → executed, 预算执行率(%) (6)=(4)/(1) → rate."""
    if not _ANY_ROW_LABEL.search(label) or len(label) > 24:
        return None
    for role, words in _ROW_LABELS:
        if any(word in label for word in words):
            return None if role != "rate" and "率" in label else role  # 到位率 is no amount
    return None


def _in_yuan(texts: Iterable[str]) -> bool:
    """Whether headers say amounts are in 元 ("单位：元", "金额（元）"), not 万元."""
    for text in texts:
        if "万元" in text:
            return False
        if re.search(r"(?:单位[:：]|[(（])元", text) or text.endswith("元"):
            return True
    return False


def _money_by_rows(grid: _Grid, top: int, bottom: int) -> _Money | None:
    """A 资金安排情况 table: 预算安排 / 实际支出 / 预算执行率 labels down one column, each
    amount right of its label; in 元 where a label, header or title says so."""
    texts = grid.texts
    for row in range(top, bottom):
        for column in grid.rows.get(row, []):
            if _row_label_role(texts.get((row, column), "")) is None:
                continue
            found: dict[str, tuple[int, int]] = {}
            for below in range(row, min(bottom, row + 12)):
                role = _row_label_role(texts.get((below, column), ""))
                if role is None or role in found:
                    continue
                value = grid.right_of(below, column, limit=4)
                if value is not None and (parse_amount(value[0]) is not None
                                          or role == "rate"):
                    found[role] = (below, value[1])
            if "budget" in found and "executed" in found:
                around = [texts.get((r, c), "") for r in range(max(1, row - 3), row + 12)
                          for c in grid.rows.get(r, []) if isinstance(
                              grid.values.get((r, c)), str)]
                scale = 1e-4 if _in_yuan(around) else 1.0
                return _Money(grid, row, {role: cell[1] for role, cell in found.items()},
                              [(row, "年度资金总额", None)], scale, found)
    return None




def _money_header(grid: _Grid, row: int) -> dict[str, int] | None:
    columns: dict[str, int] = {}
    for column in grid.rows.get(row, []):
        text = grid.texts.get((row, column), "")
        if len(text) > 16:
            continue
        role = _fund_role(text)
        if role and role not in columns:
            columns[role] = column
    if len({"initial", "budget", "executed"} & set(columns)) < 2 and not (
            "budget" in columns and "rate" in columns):
        return None
    return columns


def _fund_label(text: str) -> str | None:
    for kind, words in _FUND_LABELS:
        if any(word in text for word in words):
            return kind
    return None


def _find_money(grid: _Grid, top: int, bottom: int) -> _Money | None:
    for row in range(top, bottom):
        if row not in grid.rows:
            continue
        columns = _money_header(grid, row)
        if columns is None:
            continue
        first = min(columns.values())
        lines = []
        for below in range(row + 1, min(bottom, row + 10)):
            label, label_column = "", None
            for column in grid.rows.get(below, []):
                if column >= first:
                    break
                if isinstance(grid.values.get((below, column)), str):
                    label, label_column = grid.texts[(below, column)], column
            if not _fund_label(label):
                if lines:
                    break
                continue
            lines.append((below, label, label_column))
        if not lines:  # 资金总额 | 年初预算数 | 全年预算数 | 全年执行数, the amounts below
            label = next((grid.texts[(row, c)] for c in grid.rows[row] if c < first
                          and isinstance(grid.values.get((row, c)), str)), "")
            amount = columns.get("executed", columns.get("budget"))
            if "资金" in label and amount is not None \
                    and parse_amount(_clean(grid.raw(row + 1, amount))) is not None:
                lines = [(row + 1, "年度资金总额", None)]
        if lines:
            heads = [grid.texts.get((row, c), "") for c in grid.rows[row]]
            return _Money(grid, row, columns, lines, 1e-4 if _in_yuan(heads) else 1.0)
    for row in range(top, bottom):  # "年度资金总额：30 万元" without a money header
        for column in grid.rows.get(row, []):
            text = grid.texts.get((row, column), "")
            if "资金总额" in text and len(text) <= 16:
                found = grid.right_of(row, column, limit=4)
                if found is not None and parse_amount(found[0]) is not None:
                    return _Money(grid, row, {"budget": found[1]}, [(row, text, column)])
    return _money_by_rows(grid, top, bottom)


def _money_outside(grids: list[_Grid], found: list[_Found]) -> list[_Money]:
    """Money blocks below every table of a sheet, or on a sheet without a table."""
    spare = []
    for grid in grids:
        ends = [item.end for item in found if item.grid is grid]
        money = _find_money(grid, max(ends, default=0) + 1, grid.max_row + 1)
        if money is not None:
            spare.append(money)
    return spare


def _apply_money(money: _Money, table: WorkbookTable) -> None:
    grid, columns = money.grid, money.columns
    table.fund_columns = frozenset(columns)
    if money.by_label is not None:
        _apply_money_rows(money, table)
        return
    lines = []
    for row, label, label_column in money.lines:
        line = FundLine(_plain_label(label))
        if label_column is not None:
            line.sources["label"] = _note(table, grid, row, label_column)
        for key, role in (("initial_budget", "initial"), ("budget", "budget"),
                          ("executed", "executed")):
            if role in columns:
                line.sources[key] = _note(table, grid, row, columns[role])
                setattr(line, key, _amount(grid, row, columns[role], money.scale))
        if "budget" not in columns and "initial" in columns:  # A = 年初预算数 then
            line.budget = line.initial_budget
            line.sources["budget"] = line.sources["initial_budget"]
        if "rate" in columns:
            line.sources["rate"] = _note(table, grid, row, columns["rate"])
            line.rate_declared = _rate(grid, row, columns["rate"])
        lines.append(line)
    totals = [line for line, (_, label, _) in zip(lines, money.lines, strict=True)
              if _fund_label(label) == "total"]
    total = totals[0] if totals else lines[0]
    funds = Funds(total=total, parts=[line for line in lines if line is not total])
    first_row = next(row for (row, _, _), line in zip(money.lines, lines, strict=True)
                     if line is total)
    funds.weight = None
    for key, role in (("weight", "weight"), ("score", "score"), ("reason", "reason")):
        if role not in columns:
            continue
        funds.sources[key] = _note(table, grid, first_row, columns[role])
        value = _clean(grid.raw(first_row, columns[role]))
        if key == "weight":
            funds.weight = parse_points(value)
        elif key == "score":
            funds.score_declared = parse_points(value)
        elif value is not None:
            funds.reason = str(value)
    table.funds = funds


def _apply_money_rows(money: _Money, table: WorkbookTable) -> None:
    grid, line = money.grid, FundLine("年度资金总额")
    for key, role in (("budget", "budget"), ("executed", "executed")):
        row, column = money.by_label[role]  # type: ignore[index]
        line.sources[key] = _note(table, grid, row, column)
        setattr(line, key, _amount(grid, row, column, money.scale))
    if "rate" in money.by_label:  # type: ignore[operator]
        row, column = money.by_label["rate"]  # type: ignore[index]
        line.sources["rate"] = _note(table, grid, row, column)
        line.rate_declared = _rate(grid, row, column)
    table.funds = Funds(total=line, weight=None)


def _amount(grid: _Grid, row: int, column: int, scale: float) -> float | None:
    raw = _clean(grid.raw(row, column))
    amount = parse_amount(raw)
    if amount is None or scale == 1.0 or (isinstance(raw, str) and "元" in raw):
        return amount  # "30 万元", "500000 元": the cell says its unit
    return round(amount * scale, 6)  # 元 → 万元


def _plain_label(label: str) -> str:
    label = label.rstrip(":：")
    for prefix in ("其中:", "其中："):
        label = label.removeprefix(prefix)
    return label or "年度资金总额"


def _rate(grid: _Grid, row: int, column: int) -> float | None:
    value = _clean(grid.raw(row, column))
    percent = "%" in grid.formats.get((row, column), "")
    if isinstance(value, (int, float)) and not isinstance(value, bool) and not percent \
            and 0 < value <= 1.0:
        percent = True  # 0.998 typed without a % format is still 99.8%
    return parse_rate(value, percent_format=percent)


__all__ = ["ENGINES", "LAYOUTS", "CellInfo", "SheetCells", "SubmittedWorkbook", "WorkbookTable",
           "header_text", "read_tables", "read_workbook"]
