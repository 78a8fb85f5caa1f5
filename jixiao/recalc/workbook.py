"""Headless recalculation (``jixiao recalc``): the numbers, without Excel.

    IN.xlsx ──Package──▶ fast    (only plain JX_ calls: the template) ──┐
                    └──▶ general (any formula, via the formulas package) ┴─▶ values
    values ──write_cached_values──▶ OUT.xlsx  (formulas kept, cached values set)

Every formula is evaluated and its result stored as the cell's cached value,
so WPS, LibreOffice or an Excel without the add-in show the numbers without
recalculating. A formula reading another workbook is not recomputed: it keeps the value
Excel stored for it (``external``). The JX_ functions are the core's ``cellfuncs`` in both engines
— the same functions the add-in's 一键重算 calls. The fast path is chosen only
when it is exact (see ``fast``); the tests check that both engines agree.

(Over 400 lines: the result of a recalculation, the choice of engine, writing the file
and what the template's own cells say of the result — rows unscored, rules unknown —
kept together, as ``jixiao recalc`` reports them.)
"""

from __future__ import annotations

import contextlib
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jixiao.errors import JixiaoError, NotRecalculated, UnreadableWorkbook, UsageError
from jixiao.fileio import (
    atomic_output,
    ensure_replaceable,
    held_for_replacement,
    keep_backup,
    write_new,
)
from jixiao.model import Source
from jixiao.recalc.external import Linked, linked_cells
from jixiao.recalc.kept_stored import Kept, keep_stored
from jixiao.xlsx.book import DefinedName, name_place
from jixiao.xlsx.numformats import shows_percent
from jixiao.xlsx.package import CellValue, ExcelError, Package
from jixiao.xlsx.refs import area_cells
from jixiao.xlsx.writeback import write_cached_values

ENGINES = ("auto", "core", "formulas")
SUFFIXES = (".xlsx", ".xlsm")

# Why a cell shows an Excel error, for the report.
ERROR_REASONS = {
    "#NAME?": "未知的函数或名称",
    "#DIV/0!": "除数为 0",
    "#VALUE!": "参数类型不对，无法计算",
    "#REF!": "引用了不存在的单元格",
    "#N/A": "没有可用的值",
    "#NUM!": "数值无效",
    "#NULL!": "区域不相交",
}


@dataclass(frozen=True)
class Failure:
    """A computed cell that shows an Excel error; its formula is kept. ``computed``: the
    error is the formula's own result, as Excel gives it (=F9/E9 of 0 ÷ 0 is #DIV/0!), not
    a cell the engine could not compute (a function it lacks, a loop, one reading such a
    cell) — told as a note, the recalculation complete."""

    source: Source
    value: ExcelError
    reason: str               # Chinese, for the user
    formula: str | None = None
    computed: bool = False


@dataclass
class Recalculation:
    """What a recalculation computed: sheet → {cell → value}, and what failed."""

    engine: str                                   # "core" (fast path) or "formulas"
    values: dict[str, dict[str, CellValue]]
    failures: list[Failure] = field(default_factory=list)
    cycles: list[list[Source]] = field(default_factory=list)  # 循环引用, one list per loop
    backup: Path | None = None                    # recalc --in-place: where the original went
    existing: Path | None = None  # the default output found there, kept: written beside it
    # jixiao's template: indicator rows with a 分值 but no score formula (``unscored_rows``)
    unscored: list[Source] = field(default_factory=list)
    # jixiao's template: its 评分规则 cell and what it holds, where that names no rule set
    # (``unknown_rules``): every score shows ⚠ for this one cell
    unknown_rules: tuple[Source, str] | None = None
    # formulas reading another workbook that kept the value Excel stored (``external``)
    kept: list[Linked] = field(default_factory=list)
    # the formula cells the engine could not compute (a function it lacks, a formula it
    # cannot parse, a loop, or one reading such a cell), each with why: their error value
    # is the engine's, not what Excel shows
    uncomputed: dict[Source, str] = field(default_factory=dict)
    # of those, the ones the table does not read, left with the value the file stores
    # (``kept_stored``): listed, not failures
    left: list[Kept] = field(default_factory=list)
    # formulas the engine cannot compute (a function it lacks, a formula it cannot parse or
    # that is too large) whose file stores a value, the table neither reading them nor scored
    # from them: kept at that value, the cells reading them computed from it
    # (``general.Result.kept``, ``general._kept_scoring``): listed, not failures
    stood: list[Kept] = field(default_factory=list)

    @property
    def uncomputable(self) -> list[Failure]:
        """The cells the engine could not compute (``failures`` less the error values that
        are the formulas' own results): the file written is incomplete."""
        return [failure for failure in self.failures if not failure.computed]

    @property
    def cell_count(self) -> int:
        """The cells computed (a kept value was not)."""
        return sum(len(cells) for cells in self.values.values()) - len(self.kept)

    @property
    def rules_warnings(self) -> list[tuple[Source, str]]:
        """The ⚠ cells that show only that the 评分规则 names no rule set (``unknown_rules``):
        what the native formulas and the JX_ functions show for it."""
        if self.unknown_rules is None:
            return []
        from jixiao.cellfuncs import ERROR_MARK
        from jixiao.errors import UnknownRuleSet
        from jixiao.native import WARN_RULES
        from jixiao.rules import rule_set

        try:
            rule_set(self.unknown_rules[1])
        except UnknownRuleSet as error:
            told = {WARN_RULES, f"{ERROR_MARK} {error}"}
        else:  # (not reached: the cell names no rule set)
            told = {WARN_RULES}
        return [(source, text) for source, text in self.warnings if text in told]

    @property
    def warnings(self) -> list[tuple[Source, str]]:
        """Cells whose result is a ⚠ text (the JX_ functions' “cannot score this”), with it."""
        from jixiao.cellfuncs import is_error

        helpers: tuple[str, ...] = ()
        if self.engine == "native":
            from jixiao.native import HELPER_COLUMNS as helpers
        return [(Source(sheet, ref), str(value)) for sheet, cells in self.values.items()
                for ref, value in cells.items()
                if is_error(value) and ref.rstrip("0123456789") not in helpers]


def recalculate(path: str | Path | Package, *, engine: str = "auto") -> Recalculation:
    """Evaluate every formula of a workbook; nothing is written.

    engine: "auto" (the fast path when exact, else formulas), "core" (the fast
    path or a JixiaoError) or "formulas".
    """
    if engine not in ENGINES:
        raise JixiaoError(f"未知的计算方式“{engine}”，可用：{'、'.join(ENGINES)}")
    package = path if isinstance(path, Package) else open_workbook(path)
    if engine in ("auto", "core") and _is_native_template(package):
        return _report(package, "native", _native_values(package), {}, [])
    linked = linked_cells(package)
    if engine in ("auto", "core"):
        from jixiao.recalc.fast import NotApplicable, evaluate

        try:
            return _report(package, "core", evaluate(package, linked), {}, [], linked)
        except NotApplicable:
            if engine == "core":
                raise JixiaoError(f"“{package.path.name}”含有 JX_ 函数以外的公式，"
                                  "不能只用核心计算；请用 --engine formulas 或 auto") from None
    if _is_native_template(package):
        _refuse_native_if_too_big(package)
    from jixiao.recalc.general import evaluate as evaluate_all

    general = evaluate_all(package, linked)
    cycles = [[Source(sheet, ref) for sheet, ref in cycle] for cycle in general.cycles]
    result = _report(package, "formulas", general.values, general.problems, cycles, linked,
                     general.unknown)
    result.stood = [Kept(Source(sheet, ref), reason, value)
                    for (sheet, ref), (reason, value) in general.kept.items()]
    return result


def _refuse_native_if_too_big(package: Package) -> None:
    """``--engine formulas`` on a native template: the general engine takes minutes over
    its 30 rows of long helper formulas (over the work limit), where the default engine
    computes the same formulas exactly in a moment — so say to use that one."""
    from jixiao.recalc.workload import check_workload

    try:
        check_workload(package)
    except JixiaoError as error:
        raise JixiaoError(f"“{package.path.name}”是 jixiao 的原生公式模板（--formulas native），"
                          "通用公式引擎算它要几分钟（超过工作量上限）；请去掉 --engine formulas，"
                          "用默认的计算方式（auto），它按模板的公式逐格精确计算，结果与 Excel、WPS、"
                          "LibreOffice 相同") from error


def _is_native_template(package: Package) -> bool:
    """A template written with ``--formulas native`` (its marker name says so)."""
    marked = [name for name in package.defined_names if name.text.strip('"').lower() == "native"]
    if not marked:  # every other workbook: jixiao.native need not be imported
        return False
    from jixiao.native import MARKER_NAME

    return any(name.name == MARKER_NAME for name in marked)


def _native_values(package: Package) -> dict[str, dict[str, CellValue]]:
    """The native template's formulas, computed as its plain functions compute them
    (``native.native_results``: the same steps as the formulas, in Python), on the rows it
    was built with (``layout.named_last_row``: a form ``jixiao convert`` made with more
    rows than the standard one names their count)."""
    from jixiao.layout import COLUMN, SHEET, named_last_row
    from jixiao.native import native_results
    from jixiao.recalc.cellformats import as_time, number_formats

    sheet = next((sheet for sheet in package.sheets if sheet.name == SHEET), None)
    if sheet is None:
        raise JixiaoError(f"“{package.path.name}”标明是原生公式模板，却没有工作表“{SHEET}”")
    cells = {cell.ref: cell for cell in package.cells(sheet)}
    formats = number_formats(package, sheet)
    sides = (COLUMN["target"], COLUMN["actual"])  # 3:00 typed there: a time, as openpyxl reads it

    def get(ref: str) -> CellValue:
        if ref not in cells:
            return None
        value = cells[ref].value
        return as_time(value, formats.get(ref, "General"), package.epoch) if ref.rstrip("0123456789") in sides \
            else value

    names = {name.name: name.text for name in package.defined_names if name.local_sheet is None}
    last_row = named_last_row(names.get)
    values = native_results(get,
                            lambda ref: cells[ref].formula.text if ref in cells
                            and cells[ref].formula is not None else None,
                            lambda ref: shows_percent(formats.get(ref, "General")),
                            last_row)
    formulas = {ref for ref, cell in cells.items() if cell.formula is not None}
    others = formulas - set(values)
    elsewhere = [f"{other.name}!{cell.ref}" for other in package.sheets
                 if other is not sheet and package.may_hold_formulas(other)
                 for cell in package.cells(other) if cell.formula is not None]
    if elsewhere:  # a sheet the clerk added (附件, 旧表) computing its own: not jixiao's
        raise NotRecalculated(
            f"“{package.path.name}”是原生公式模板，另有 {len(elsewhere)} 个公式在"
            f"其他工作表上（如 {elsewhere[0]}）：jixiao 只能计算模板自己的公式；"
            "请在 Excel、WPS 或 LibreOffice 中打开本表，重算（F9）后保存")
    unscorable = _rows_copied_in_part(package, cells)
    if unscorable:  # no program scores them: recalculating (F9) is not the cure
        raise NotRecalculated(
            f"“{package.path.name}”是原生公式模板，但第 {_row_list(unscorable)} 行"
            f"（如 {SHEET}!{COLUMN['score']}{unscorable[0]}）缺少模板的公式：插入行后没有复制整行，"
            "或只复制了看得见的单元格（隐藏的 M–AD 列没有公式），这些行在任何软件中重算都算不出"
            "得分；请在 Excel、WPS 或 LibreOffice 中打开本表，给这些行从上一行复制整行（含隐藏的 "
            "M–AD 列的公式）、再改写其填写内容，重算（F9）后保存")
    if others:
        missing = set(values) - formulas
        last_here, last_template = (max(map(_row_of, refs)) for refs in (formulas, values))
        if missing and last_here < last_template:  # the formulas moved up: rows deleted —
            # and maybe some inserted: only the difference is known
            raise NotRecalculated(
                f"“{package.path.name}”是原生公式模板，但比模板少了 {last_template - last_here} 行"
                f"（删除过行；模板最后的公式在第 {last_template} 行，本表在第 {last_here} 行）："
                "jixiao 只能按模板原样计算；请在 Excel、WPS 或 LibreOffice 中打开本表，重算（F9）后"
                "保存。以后用不到的指标行留空即可，不必删除")
        if missing and last_here > last_template:  # moved down: rows inserted (each
            # copied whole, as 填写说明 says: a row copied in part is told above)
            inserted = last_here - last_template
            raise NotRecalculated(
                f"“{package.path.name}”是原生公式模板，本表比模板多了 {inserted} 行（插入过行；"
                f"模板的总分在第 {last_row + 1} 行，本表在第 {last_row + 1 + inserted} 行）："
                "jixiao 不重算改动过行的原生公式模板；请在 Excel、WPS 或 LibreOffice 中打开本表，"
                "重算（F9）后保存——原生公式模板的公式由这些软件计算，插入的行已复制了整行的，"
                "照常计分")
        if missing:  # the template's formulas are not where it put them: rows moved
            row = min(_row_of(ref) for ref in missing)
            cell = f"H{row}" if f"H{row}" in missing else min(r for r in missing if _row_of(r) == row)
            raise NotRecalculated(
                f"“{package.path.name}”是原生公式模板，但第 {row} 行起的公式位置与模板"
                f"不同（插入或删除了行，如 {SHEET}!{cell} 没有公式）：jixiao 只能按模板原样计算；"
                "请在 Excel、WPS 或 LibreOffice 中打开本表，给新插入的行从上一行复制整行"
                "（含隐藏的 M–AD 列的公式）、再改写其填写内容，重算（F9）后保存")
        raise NotRecalculated(f"“{package.path.name}”是原生公式模板，另有 {len(others)} 个其他公式"
                              f"（如 {SHEET}!{sorted(others)[0]}）：请在电子表格软件中重算")
    _refuse_older_formulas(package, cells, last_row)
    return {SHEET: {ref: value for ref, value in values.items() if ref in formulas}}


def _refuse_older_formulas(package: Package, cells: dict[str, Any], last_row: int) -> None:
    """A native template made by an older jixiao (``native.older_formulas``): today's
    results stored under its formulas would not stay — Excel, WPS and LibreOffice compute
    the file's own formulas on opening (an older one shows ⚠ for ９６％, which today's
    score) — so nothing is written; the clerk brings the table into today's template."""
    from jixiao.layout import SHEET
    from jixiao.native import older_formulas

    older = older_formulas(lambda ref: cells[ref].formula.text if ref in cells
                           and cells[ref].formula is not None else None, last_row)
    if not older:
        return
    name = package.path.name
    new = f"{package.path.stem}-新版.xlsx"
    raise NotRecalculated(
        f"“{name}”中的原生公式与当前版本 jixiao 的模板不同：{len(older)} 个公式不一样"
        f"（如 {SHEET}!{older[0]}；旧版 jixiao 生成的模板，或公式被改动过），jixiao 按当前版本的公式计分，写入的得分在 Excel、WPS 或 "
        "LibreOffice 打开时会被本表的旧公式重新算过（旧公式读不了的写法显示 ⚠），因此未重算、"
        f"未写入任何文件。请把本表转入当前版本的模板：jixiao convert \"{name}\" -o \"{new}\" "
        "--formulas native（带过去填写的内容，不带自己改写的公式；得分随即算好，以后照常用 jixiao recalc 重算）；或在 Excel、WPS 或 "
        "LibreOffice 中打开本表，重算（F9）后保存（按本表的旧公式计分）")


def _row_of(ref: str) -> int:
    return int(ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))


def _rows_copied_in_part(package: Package, cells: dict[str, object]) -> list[int]:
    """The indicator rows of a native template that no program scores: a 得分 formula
    reading helper cells of its row that hold none (``native.helpers_missing``: the row's
    visible cells copied alone), or a row with a 分值 and no 得分 formula
    (``unscored_rows``: inserted without copying anything)."""
    from jixiao.layout import COLUMN
    from jixiao.native import helpers_missing

    def holds_formula(ref: str) -> bool:
        return ref in cells and cells[ref].formula is not None  # type: ignore[attr-defined]

    score = COLUMN["score"]
    rows = {_row_of(ref) for ref, cell in cells.items()
            if ref.rstrip("0123456789") == score and cell.formula is not None  # type: ignore[attr-defined]
            and helpers_missing(cell.formula.text, _row_of(ref), holds_formula)}  # type: ignore[attr-defined]
    rows.update(_row_of(source.cell) for source in unscored_rows(package))
    return sorted(rows)


def _row_list(rows: list[int]) -> str:
    """Rows as a clerk reads them: 15–22、25 (runs of consecutive rows joined)."""
    runs: list[list[int]] = []
    for row in rows:
        if runs and row == runs[-1][-1] + 1:
            runs[-1].append(row)
        else:
            runs.append([row])
    return "、".join(str(run[0]) if len(run) == 1 else f"{run[0]}–{run[-1]}" for run in runs)


def open_workbook(path: str | Path) -> Package:
    """The workbook at ``path``, told by its content, not its name (``foreign_format_of``, as
    ``check`` and ``annotate`` tell it): an .xlsx named .et or .xls is read; an .xls, .ods …
    under any name is refused with the one message ``annotate`` gives too. A folder, an empty
    file, an office program's lock file (~$自评表.xlsx) are refused as ``check`` refuses them
    (``read_bytes``, ``refuse_lock_file``)."""
    from jixiao.xlsx.book import member_of, read_bytes, refuse_lock_file, sniff
    from jixiao.xlsx.foreign import foreign_format, foreign_refusal, unidentified_compound

    path = Path(path)
    data, _ = read_bytes(path)
    refuse_lock_file(path, data, "重算")
    kind = foreign_format(data)
    if kind is not None:  # (a damaged compound file: damaged, as check says, not "an .xls")
        raise UnreadableWorkbook(unidentified_compound(path.name, data)
                                 or foreign_refusal(path.name, kind, "重新计算"))
    sniff(path, data)  # no zip: what it is (encrypted, a CSV, a web page …), as check says
    package = Package(path, data)
    types = package.members.get(member_of("[Content_Types].xml", package.members) or "", b"")
    if any(mark in types for mark in _TEMPLATE_TYPES):
        raise UnreadableWorkbook(  # its copy under .xlsx would be a template Excel refuses
            f"“{path.name}”是 Excel 模板（.xltx/.xltm），不能重新计算：请在 Excel 或 WPS 中"
            "另存为 .xlsx 工作簿后再运行")
    return package


# The content types of a template's workbook part (.xltx, .xltm)
_TEMPLATE_TYPES = (b"spreadsheetml.template.main+xml", b"ms-excel.template.macroEnabled.main+xml")


def output_suffix(path: str | Path, package: Package | None = None) -> str:
    """The extension of what recalc writes for ``path``: its own where it is .xlsx or .xlsm,
    else (an .xlsx named .et or .xls) .xlsx — .xlsm where ``package`` holds macros: Excel
    refuses a workbook whose type and extension differ."""
    suffix = Path(path).suffix
    if suffix.lower() in SUFFIXES:
        return suffix
    return ".xlsm" if package is not None and package.is_macro_enabled else ".xlsx"


def default_output(path: str | Path, package: Package | None = None) -> Path:
    """IN.xlsx → IN.recalc.xlsx beside it (IN.xlsm → IN.recalc.xlsm; an .xlsx named IN.et →
    IN.recalc.xlsx)."""
    path = Path(path)
    return path.with_name(f"{path.stem}.recalc{output_suffix(path, package)}")


def recalc_file(path: str | Path, output: str | Path | None = None, *, in_place: bool = False,
                engine: str = "auto", force: bool = False) -> tuple[Path, Recalculation]:
    """Recalculate ``path`` and write the copy with cached values; returns (written, result).

    Without ``output`` the copy is IN.recalc.xlsx beside the input (a name jixiao
    made up: never written through a link). Where anything is at the output already (an
    earlier result the user may have edited, IN.et's beside IN.xlsx's, or — at a name
    given as ``output`` — another unit's workbook), the copy goes to the first free
    NAME (2).xlsx … (``fileio.write_new``; the name kept is in ``result.existing``) —
    unless ``force``, which replaces it (through a link at a name given as ``output``). ``in_place`` first keeps a backup
    (``fileio.keep_backup``: IN.xlsx.bak, never overwritten; its name is in
    ``result.backup``), then replaces the input atomically, holding it locked so
    that a second run on the same file is refused. The input is never written
    otherwise.
    """
    source = Path(path)
    if in_place and output is not None:
        raise UsageError("--in-place 与 -o 不能同时使用")
    with held_for_replacement(source) if in_place else contextlib.nullcontext():
        package = open_workbook(source)
        target = source if in_place else Path(output) if output else default_output(source,
                                                                                     package)
        if not in_place and _same_file(source, target):
            same = "" if os.path.normpath(target) == os.path.normpath(source) else f"“{source}”"
            raise JixiaoError(f"输出文件“{target}”就是输入文件{same}；要覆盖原文件请使用 --in-place")
        suffix = output_suffix(source, package)
        if not in_place and target.suffix.lower() != suffix.lower():
            said = "输出文件须与输入一样" if suffix == source.suffix else \
                f"“{source.name}”实际是 {suffix} 工作簿，输出文件须"
            raise JixiaoError(f"{said}以 {suffix} 结尾（.xlsm 含宏，.xlsx 不能含宏）")
        if in_place:
            ensure_replaceable(source)  # read-only or open elsewhere: say so before any work
        result = recalculate(package, engine=engine)
        if in_place:
            result.backup = keep_backup(source)
        def fill(temporary: Path) -> None:
            write_cached_values(package, temporary, result.values)
            shutil.copymode(source, temporary)  # not the private mode of a temporary file

        derived = output is None and not in_place
        if not in_place and not force:
            written = write_new(target, fill)
            if written != target:
                result.existing = target
            return written, result
        with atomic_output(target, derived=derived) as temporary:
            fill(temporary)
    return target, result


def _same_file(first: Path, second: Path) -> bool:
    try:
        return second.exists() and os.path.samefile(first, second)
    except OSError:
        return False


def _report(package: Package, engine: str, values: dict[str, dict[str, CellValue]],
            problems: dict[tuple[str, str], str], cycles: list[list[Source]],
            linked: dict[tuple[str, str], Linked] | None = None,
            unknown: dict[tuple[str, str], str] | None = None) -> Recalculation:
    uncomputed = {**(unknown or {}), **problems}
    left = keep_stored(package, values, uncomputed, cycles) if uncomputed else []
    failed_sheets = {sheet for sheet, cells in values.items()
                     if any(isinstance(value, ExcelError) for value in cells.values())}
    formulas = {(sheet.name, cell.ref): cell.formula.text
                for sheet in package.sheets if sheet.name in failed_sheets
                for cell in package.cells(sheet) if cell.formula is not None and cell.formula.text}
    failures = []
    for sheet, cells in values.items():
        for ref, value in cells.items():
            if isinstance(value, ExcelError):
                reason = problems.get((sheet, ref)) or (unknown or {}).get((sheet, ref)) \
                    or ERROR_REASONS.get(value, "无法计算")
                text = formulas.get((sheet, ref))
                failures.append(Failure(Source(sheet, ref), value, reason,
                                        f"={text}" if text else None,
                                        computed=(sheet, ref) not in uncomputed))
    return Recalculation(engine, values, failures, cycles, unscored=unscored_rows(package),
                         unknown_rules=unknown_rules(package),
                         kept=[kept for kept in (linked or {}).values() if kept.value is not None],
                         uncomputed={Source(sheet, ref): reason
                                     for (sheet, ref), reason in uncomputed.items()},
                         left=left)


def unknown_rules(package: Package) -> tuple[Source, str] | None:
    """The 评分规则 cell of jixiao's template (``JX_Rules``) and its text, where the text
    names no rule set (``rules.rule_name``: 浙江, 省标准); None where it is blank, names one,
    or the workbook has no such cell. Both templates' formulas show ⚠ in every score under
    it; ``jixiao check`` reads the same cell by the same rule (JX505)."""
    from jixiao.model import plain_text
    from jixiao.rules import rule_name

    for defined in _scopes(package, "JX_Rules"):  # a copied sheet's own, too
        place = name_place(defined.text)
        if place is None or ":" in place[1]:
            continue
        sheet_name, ref = place
        sheet = next((sheet for sheet in package.sheets if sheet.name == sheet_name), None)
        if sheet is None:
            continue
        cell = next((cell for cell in package.cells(sheet) if cell.ref == ref), None)
        text = plain_text(cell.value).strip() if cell is not None and cell.value is not None \
            else ""
        if text and rule_name(text) is None:
            return Source(sheet_name, ref), text
    return None


def _scopes(package: Package, name: str) -> list[DefinedName]:
    """Every definition of ``name``: the workbook's, then each sheet's own (Excel and
    LibreOffice give a copied sheet of the template its own JX_ names)."""
    return sorted((defined for defined in package.defined_names
                   if defined.name == name and defined.placed),
                  key=lambda defined: defined.local_sheet is not None)


def unscored_rows(package: Package) -> list[Source]:
    """The score cells of jixiao's template (``JX_IndicatorScore``) left blank without a
    formula on a row with a 分值 (``JX_Weight``): a row inserted without copying the
    formulas, or one deleted. No recalculation scores them and the 总分 leaves them out;
    ``jixiao check`` says the same (JX503)."""
    out: list[Source] = []
    weights_by_scope = {defined.scope: defined.text for defined in _scopes(package, "JX_Weight")}
    for defined in _scopes(package, "JX_IndicatorScore"):  # a copied sheet's own, too
        places = [_place(defined.text), _place(weights_by_scope.get(defined.scope))]
        if None in places or places[0][0] != places[1][0]:  # type: ignore[index]
            continue
        (sheet_name, scores), (_, weights) = places  # type: ignore[misc]
        sheet = next((sheet for sheet in package.sheets if sheet.name == sheet_name), None)
        if sheet is None or len(scores) != len(weights):
            continue
        cells = {cell.ref: cell for cell in package.cells(sheet)}
        for score_ref, weight_ref in zip(scores, weights, strict=True):
            score, weight = cells.get(score_ref), cells.get(weight_ref)
            weighed = weight is not None and isinstance(weight.value, (int, float)) \
                and not isinstance(weight.value, bool) and weight.value > 0
            if weighed and (score is None or score.formula is None and (
                    score.value is None or str(score.value).strip() == "")) \
                    and Source(sheet_name, score_ref) not in out:
                out.append(Source(sheet_name, score_ref))
    return out


def _place(text: str | None) -> tuple[str, list[str]] | None:
    """(sheet, cells) of a one-column name such as "'自评表'!$H$13:$H$42"; None otherwise."""
    place = name_place(text)
    if place is None:
        return None
    sheet, area = place
    try:
        rows = area_cells(area)
    except ValueError:
        return None
    if any(len(row) != 1 for row in rows):
        return None
    return sheet, [row[0] for row in rows]


__all__ = ["ENGINES", "Failure", "Recalculation", "default_output", "recalc_file",
           "recalculate"]
