"""Whatever jixiao writes shows its numbers in any program until an input changes (issue 14).

Each kind of file jixiao writes — a new template, the committed template, a
converted table, a recalculated file, an annotated copy — is opened by
LibreOffice (a real spreadsheet program that lacks the JX_ functions) and must
show no #NAME? and the scores jixiao computed; its <calcPr> asks no program to
recalculate on opening (docs/recalc.md).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from libreoffice import error_cells, sheets_as_shown, shown

from jixiao.checks import Finding
from jixiao.cli.main import main
from jixiao.layout import SHEET
from jixiao.model import evaluate
from jixiao.pipeline import check_workbook
from jixiao.read.by_names import read_template
from jixiao.recalc.workbook import recalc_file
from jixiao.report.annotate import RESULT_SHEET, annotate
from jixiao.samples import sample
from jixiao.template.build import build_template
from jixiao.xlsx.package import Package
from jixiao.xlsx.writeback import KEEP_CALC_ID

ROOT = Path(__file__).resolve().parents[2]
COMMITTED = ROOT / "workbook_templates" / "自评表.xlsx"
HOSTILE_SHEET = "=powershell|calc"


def calc_pr(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        found = re.search(r"<(?:\w+:)?calcPr[^>]*>", archive.read("xl/workbook.xml").decode())
    assert found, f"{path.name} has no <calcPr>"
    return found.group(0)


def cached_formula_results(path: Path) -> dict[tuple[str, str], object]:
    package = Package(path)
    return {(sheet.name, cell.ref): cell.value for sheet in package.sheets
            for cell in package.cells(sheet) if cell.formula is not None}


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> dict[str, Path]:
    """One file of every kind jixiao writes."""
    work = tmp_path_factory.mktemp("written")
    files: dict[str, Path] = {"committed": COMMITTED}
    files["new"] = work / "new.xlsx"
    assert main(["new", str(files["new"])]) == 0
    table = sample("putuo-1")
    filled = work / "filled.xlsx"
    build_template(filled, year=2024, table=table)
    files["filled"] = filled
    files["recalc"], _ = recalc_file(filled, work / "recalc.xlsx")
    files["convert"] = work / "convert.xlsx"
    assert main(["convert", str(files["recalc"]), "-o", str(files["convert"])]) == 0
    files["annotated"] = work / "annotated.xlsx"
    main(["check", str(files["recalc"]), "--annotate", str(files["annotated"])])
    return files


@pytest.mark.parametrize("kind", ["committed", "new", "filled", "recalc", "convert",
                                  "annotated"])
def test_no_program_is_asked_to_recalculate_on_opening(written, kind):
    tag = calc_pr(written[kind])
    assert "fullCalcOnLoad" not in tag
    assert int(re.search(r'calcId="(\d+)"', tag).group(1)) >= KEEP_CALC_ID


@pytest.mark.parametrize("kind", ["committed", "new", "filled", "recalc", "convert",
                                  "annotated"])
def test_every_formula_carries_a_result(written, kind):
    results = cached_formula_results(written[kind])
    assert results
    missing = [ref for ref, value in results.items() if value is None]
    assert not missing, f"{kind}: formulas without a stored result: {missing[:5]}"
    assert not any(isinstance(value, bool) for value in results.values())  # LO recalculates


@pytest.mark.parametrize("kind", ["committed", "new", "recalc", "convert", "annotated"])
def test_libreoffice_shows_no_error_and_the_scores(written, kind, tmp_path):
    sheets = sheets_as_shown(written[kind], tmp_path)
    assert not error_cells(sheets), error_cells(sheets)[:10]
    if kind in ("committed", "new"):
        return
    form = sheets[SHEET]
    expected = evaluate(read_template(written["filled"]))
    assert float(shown(form, "H43")) == pytest.approx(expected.total)
    assert shown(form, "H44") == expected.grade
    assert shown(form, "K13") in ("是", "否")


def test_the_annotated_copy_keeps_every_cached_result(written):
    before = cached_formula_results(written["recalc"])
    after = cached_formula_results(written["annotated"])
    assert {ref: value for ref, value in after.items() if ref[0] != RESULT_SHEET} == before


def test_the_annotated_copy_passes_its_own_check_as_its_input_does(written):
    codes = {finding.code for finding in check_workbook(written["annotated"]).findings}
    assert "JX504" not in codes


def test_input_text_is_never_written_as_a_formula(tmp_path):
    """A sheet named like a DDE call, and messages starting with "=", stay text."""
    source = tmp_path / "hostile.xlsx"
    build_template(source, table=sample("putuo-1"))
    recalculated, _ = recalc_file(source, tmp_path / "hostile.recalc.xlsx")
    book = openpyxl.load_workbook(recalculated)
    book.create_sheet(HOSTILE_SHEET)
    hostile_name = book.sheetnames[-1]
    assert hostile_name == HOSTILE_SHEET
    book.save(recalculated)
    findings = [Finding("JX203", "warning", hostile_name, "A1", "=HYPERLINK(\"http://x\",\"y\")"),
                Finding("JX404", "warning", SHEET, "H13", "=1+1")]
    target = annotate(recalculated, tmp_path / "marked.xlsx", findings)
    marked = openpyxl.load_workbook(target)
    result = marked[RESULT_SHEET]
    texts = [cell for row in result.iter_rows() for cell in row if cell.value is not None]
    assert any(str(cell.value).startswith(hostile_name) for cell in texts)
    assert all(cell.data_type == "s" for cell in texts), [
        (cell.coordinate, cell.value) for cell in texts if cell.data_type != "s"]
    with zipfile.ZipFile(target) as archive:
        sheet_parts = [name for name in archive.namelist() if name.startswith("xl/worksheets/")
                       and name.endswith(".xml")]
        formulas = "".join("".join(re.findall(r"<f[ >][^<]*", archive.read(part).decode()))
                           for part in sheet_parts)
    assert "HYPERLINK" not in formulas and "1+1" not in formulas
    assert "powershell" not in formulas


def test_a_file_without_results_still_gets_a_computed_total(tmp_path, monkeypatch):
    """A template saved by a program that computes nothing: the total is still computed."""
    import jixiao.template.build as template

    monkeypatch.setattr(template, "_store_results", lambda path: None)
    path = tmp_path / "uncalculated.xlsx"
    build_template(path, year=2024, table=sample("putuo-1"))
    assert all(value is None for value in cached_formula_results(path).values())
    checked = check_workbook(path).tables[0]
    assert checked.evaluation.total == 99.98 and checked.evaluation.grade == "优"


def test_recalc_lists_the_cells_that_show_a_warning(tmp_path, capsys):
    table = sample("putuo-1")
    # an approximate actual: no score (稳步提升到九成 is ≥90% since rt25; an approximate
    # target is scored as its number since rt28)
    table.indicators[0].target = "≥90%"
    table.indicators[0].actual = "约95%"
    path = tmp_path / "warned.xlsx"
    build_template(path, table=table)
    assert main(["recalc", str(path)]) == 1  # the file written shows ⚠: incomplete (rt12)
    out = capsys.readouterr().out
    assert "全部公式计算成功" not in out
    assert f"{SHEET}!H13  ⚠" in out


def test_a_file_saved_again_by_libreoffice_keeps_its_results(written, tmp_path):
    from libreoffice import convert, error_cells, sheets_as_shown

    saved = convert(written["recalc"], tmp_path, "xlsx") / "recalc.xlsx"
    assert saved.is_file(), "LibreOffice wrote no .xlsx"
    # opened again in LibreOffice: the blank results of unused rows stay blank (a plain
    # space was dropped on saving, and the cells showed #NAME?)
    assert not error_cells(sheets_as_shown(saved, tmp_path / "again"))
    result = check_workbook(saved)
    assert result.error is None
    assert not [item for item in result.findings if item.code == "JX504"]
    assert result.tables[0].table.total_declared == 99.98


def _submitted(tmp_path: Path, how: str) -> Path:
    """putuo-1 filled into jixiao's template as a unit may send it back: saved by a program
    without the JX_ functions (every result #NAME?), or by a program that stores no results
    at all (openpyxl)."""
    from jixiao.xlsx.package import ExcelError
    from jixiao.xlsx.writeback import write_cached_values

    filled = tmp_path / "filled.xlsx"
    build_template(filled, year=2024, table=sample("putuo-1"))
    submitted = tmp_path / f"submitted-{how}.xlsx"
    if how == "name":
        package = Package(filled)
        write_cached_values(package, submitted, {SHEET: {
            ref: ExcelError("#NAME?") for (sheet, ref) in cached_formula_results(filled)}},
            keep_calculation=True)
    else:
        openpyxl.load_workbook(filled).save(submitted)
    return submitted


@pytest.mark.parametrize("how", ["name", "none"])
@pytest.mark.parametrize("writer", ["package", "openpyxl"])
def test_the_annotated_copy_of_a_template_stores_the_recalculated_results(tmp_path, how,
                                                                        writer, monkeypatch):
    """The unit gets back a copy showing its scores (rt22): the results jixiao recalc stores,
    not the #NAME? (or nothing) of the file it sent; the file sent is not touched."""
    from libreoffice import error_cells, sheets_as_shown, shown

    import jixiao.report.annotate as annotating
    from jixiao.report.annotate import RESTATED
    from jixiao.xlsx.xmledit import CannotEdit

    submitted = _submitted(tmp_path, how)
    before = submitted.read_bytes()
    shown_before = cached_formula_results(submitted)
    assert all(value in (None, "#NAME?") for value in shown_before.values())
    if writer == "openpyxl":
        def refuse(*args, **kwargs):
            raise CannotEdit("as for a strict OOXML package")
        monkeypatch.setattr(annotating, "write_annotated", refuse)
    copy = tmp_path / "annotated.xlsx"
    assert main(["check", str(submitted), "--annotate", str(copy)]) in (0, 1)
    assert submitted.read_bytes() == before

    form = openpyxl.load_workbook(copy, data_only=True)[SHEET]
    # putuo-1: 31.50 of 31.56 spent, 执行率 99.81% → 9.98 of 10; every indicator met
    # (90 points) → 总分 99.98, 优
    assert round(form["H6"].value, 4) == 0.9981
    assert form["I6"].value == 9.98
    assert form["H13"].value == 5 and form["K13"].value == "是"
    assert form["H43"].value == 99.98 and form["H44"].value == "优"
    recalculated, _ = recalc_file(submitted, tmp_path / "recalc.xlsx")
    assert {ref: value for ref, value in cached_formula_results(copy).items()
            if ref[0] != RESULT_SHEET} == cached_formula_results(recalculated)

    rows = list(openpyxl.load_workbook(copy)[RESULT_SHEET].iter_rows(values_only=True))
    told = [row[3] for row in rows if row[0] == "JX504"]
    assert len(told) == 1 and told[0].endswith(RESTATED)
    assert ("显示 #NAME?" if how == "name" else "没有计算结果") in told[0]

    sheets = sheets_as_shown(copy, tmp_path / "lo")
    assert not error_cells(sheets), error_cells(sheets)[:10]
    assert [shown(sheets[SHEET], ref) for ref in ("I6", "H13", "K13", "H43", "H44")] == \
        ["9.98", "5", "是", "99.98", "优"]


def _with_own_formula(tmp_path, sheet, ref, formula, stored):
    """putuo-1 in jixiao's template with a formula of the unit's own (``stored`` its result),
    as a program without the JX_ functions saved it: 总分 and 等级 #NAME?."""
    from jixiao.xlsx.package import ExcelError
    from jixiao.xlsx.writeback import write_cached_values

    filled = tmp_path / "filled.xlsx"
    build_template(filled, year=2024, table=sample("putuo-1"))
    book = openpyxl.load_workbook(filled)
    (book[sheet] if sheet in book.sheetnames else book.create_sheet(sheet))[ref] = formula
    book.save(filled)
    submitted = tmp_path / "own.xlsx"
    results = {SHEET: {"H43": ExcelError("#NAME?"), "H44": ExcelError("#NAME?")}}
    results.setdefault(sheet, {})[ref] = stored
    write_cached_values(Package(filled), submitted, results, keep_calculation=True)
    # as Excel saved it: no fullCalcOnLoad (openpyxl's, kept above; a flagged workbook is
    # checked as recalculated on opening, test_annotate_stale.py)
    _without_full_calculation(submitted)
    return submitted


OS_VERSION = '=INFO("osversion")'  # a function the formulas engine does not have


def test_a_formula_of_its_own_no_engine_computes_keeps_its_result(tmp_path):
    """The unit's own formula on a sheet 附件 that no engine of jixiao computes keeps the
    result stored; the template's results are recalculated (rt27-r4 1) and JX504 says so."""
    from jixiao.report.annotate import RESTATED

    submitted = _with_own_formula(tmp_path, "附件", "A1", OS_VERSION, "Windows (64-bit) NT 10.00")
    copy = tmp_path / "annotated.xlsx"
    main(["check", str(submitted), "--annotate", str(copy)])
    results = cached_formula_results(copy)
    # putuo-1: 31.50 / 31.56 → 9.98 of 10, every indicator met: 99.98, 优
    assert results[(SHEET, "H43")] == 99.98 and results[(SHEET, "H44")] == "优"
    assert results[("附件", "A1")] == "Windows (64-bit) NT 10.00"
    rows = list(openpyxl.load_workbook(copy)[RESULT_SHEET].iter_rows(values_only=True))
    told = [row[3] for row in rows if row[0] == "JX504"]
    assert told and all(text.endswith(RESTATED) for text in told)


def test_a_score_reading_what_no_engine_computes_keeps_every_result_as_submitted(tmp_path):
    """年度资金总额's 全年预算数 from a function no engine of jixiao has: the 执行率 and
    every result after it cannot be recomputed, so no result of the copy is changed, and
    JX504 says nothing of stored results."""
    from jixiao.report.annotate import RESTATED

    submitted = _with_own_formula(tmp_path, SHEET, "E6", f'=IF({OS_VERSION[1:]}="",0,31.56)',
                                  31.56)
    copy = tmp_path / "annotated.xlsx"
    main(["check", str(submitted), "--annotate", str(copy)])
    results = cached_formula_results(copy)
    assert results[(SHEET, "H43")] == "#NAME?" and results[(SHEET, "H44")] == "#NAME?"
    assert results[(SHEET, "I6")] is None and results[(SHEET, "E6")] == 31.56
    rows = list(openpyxl.load_workbook(copy)[RESULT_SHEET].iter_rows(values_only=True))
    told = [row[3] for row in rows if row[0] == "JX504"]
    assert told and not any(RESTATED in text for text in told)


def _without_full_calculation(path):
    import re
    import zipfile

    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    parts["xl/workbook.xml"] = re.sub(rb'\s*fullCalcOnLoad="1"', b"", parts["xl/workbook.xml"])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
