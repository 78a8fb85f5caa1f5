"""Excel's formula limits in the native template: no formula of a new native template (nor
of one written by ``jixiao convert --formulas native``) is nested deeper than Excel's 64
levels or longer than its 8,192 characters — Excel writes none such and may drop ("repair")
one on opening; LibreOffice computes them, so its parity tests would not tell. The text
normalisation of 指标值/完成值 is split over t_raw/a_raw (AC, AD) and t_text/a_text (M, Q)
for it (rt34)."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao import native
from jixiao.recalc.limits import MAX_FORMULA_LENGTH, MAX_FORMULA_NESTING, formula_nesting

ROOM = 48  # well below 64: room for later words


def _formulas(path: Path) -> dict[str, str]:
    from jixiao.xlsx.package import Package

    package = Package(path)
    return {f"{sheet.name}!{cell.ref}": cell.formula.text for sheet in package.sheets
            for cell in package.cells(sheet) if cell.formula is not None}


def _too_big(formulas: dict[str, str]) -> list[tuple[str, int, int]]:
    return [(ref, formula_nesting(text), len(text)) for ref, text in formulas.items()
            if formula_nesting(text) > MAX_FORMULA_NESTING or len(text) > MAX_FORMULA_LENGTH]


def test_no_row_formula_is_nested_near_excels_limit():
    depths = {column: formula_nesting(text)
              for column, text in native.row_formulas(13, native.own_level2(13)).items()}
    assert max(depths.values()) <= ROOM, depths


def test_a_new_native_template_keeps_within_excels_limits(tmp_path):
    from jixiao.cli.main import main

    path = tmp_path / "blank.xlsx"
    assert main(["new", str(path), "--formulas", "native"]) == 0
    formulas = _formulas(path)
    assert len(formulas) > 400
    assert not _too_big(formulas)
    assert {ref.split("!")[1] for ref in formulas} >= {"AC13", "AD13", "AC40", "AD40"}


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> Path:
    from jixiao.cli.main import main
    from jixiao.samples import sample
    from jixiao.template.build import build_template

    folder = tmp_path_factory.mktemp("native-limits")
    table = sample("putuo-1")
    table.indicators[0].target, table.indicators[0].actual = "≥ ９０％。", "９２％；"
    source = folder / "source.xlsx"
    build_template(source, year=2024, table=table)
    out = folder / "converted.xlsx"
    assert main(["convert", str(source), "-o", str(out), "--formulas", "native"]) == 0
    return out


def test_convert_to_native_keeps_within_excels_limits(converted):
    assert not _too_big(_formulas(converted))


def test_the_helper_columns_are_hidden(converted):
    from openpyxl import load_workbook

    sheet = load_workbook(converted)["自评表"]
    assert all(sheet.column_dimensions[column].hidden for column in native.HELPER_COLUMNS)
    assert {"AC", "AD"} <= set(native.HELPER_COLUMNS)


def test_check_reads_no_helper_column_of_a_filled_native_workbook(converted):
    from jixiao.pipeline import check_workbook

    findings = check_workbook(converted).findings
    helpers = set(native.HELPER_COLUMNS)
    about_helpers = [f for f in findings if f.cell
                     and f.cell.split(":")[0].replace("$", "").rstrip("0123456789") in helpers]
    assert not about_helpers, about_helpers
    assert not [f for f in findings if f.code in ("JX503", "JX504", "JX406", "JX404")], findings


def test_the_split_normalisation_is_the_whole_one():
    for text in ("≥ ９０％。", "不低于 1,200 人", "\u200b９６．５％；。", "达成", "", None, 95.0):
        values = native.row_values(text, text, 10.0)
        number = isinstance(text, float)
        assert values["t_text"] == ("" if number else
                                    native.end_marks_dropped(native._normalised(text), text))
        assert values["t_raw"] == values["a_raw"] == (
            "" if number else native._normalised(text, native.REPLACEMENTS[:native._RAW_STEPS]))
