"""The template's on-screen marks (``jixiao.template.highlights``) and ``jixiao check``
follow one rule: every cell the form marks, check names with the same code — so a clerk
in WPS with no Python sees what a reviewer's check will say. The conditions are
evaluated by the formulas engine on the values a recalculated form shows."""

from __future__ import annotations

import functools
import sys
from pathlib import Path

import formulas
import numpy as np
import openpyxl
import pytest
from openpyxl.utils.cell import range_boundaries

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "product"))
from test_real_shapes_clerk import filled, findings, recalculated  # noqa: E402

from jixiao.layout import LAST_ROW, SHEET  # noqa: E402
from jixiao.template.highlights import HIGHLIGHTS  # noqa: E402


def _set(**cells):
    def change(book, sheet):
        for ref, value in cells.items():
            sheet[ref] = value
    return change


def _percent_weight(book, sheet):
    sheet["G15"], sheet["I15"] = 0.05, None  # 5 points, typed as 5%
    sheet["G15"].number_format = "0%"


# the sound fill (98.84 优), then one slip each: (change, the marks it must show)
SLIPS = {
    "sound": (None, set()),
    "deduction without reason": (_set(I15=None), {("JX405", "I15")}),
    "reason only 无": (_set(I19="无"), {("JX405", "I19")}),
    # rt31: the dashes, slashes and N/A that check reads as no reason (``is_placeholder``)
    **{f"reason only {mark}": (_set(I19=mark), {("JX405", "I19")})
       for mark in ("/", "／", "—", "-", "——", "N/A")},
    # JX101 at the first 分值, where check points (rt20: the form marked the locked G43)
    "分值 missing": (_set(G17=None), {("JX106", "G17"), ("JX101", "G13")}),
    "分值 total 95": (_set(G16=5), {("JX101", "G13")}),
    "分值 total 95, first rows blank": (_set(G13=None, D13=None, E13=None, F13=None, I13=None,
                                             G16=5), {("JX101", "G14")}),
    "指标值 missing": (_set(E17=None), {("JX201", "E17")}),
    "完成值 missing": (_set(F17=None), {("JX202", "F17")}),
    "人工评分 wanted": (_set(F21="部分达成"), {("JX408", "J21")}),
    # rt21: a 分值 typed as 5% is 5 points for check and for the 得分: the deduction is
    # measured against them (the raw 0.05 left the native form unmarked)
    "分值 typed as a percent, deduction without reason": (_percent_weight, {("JX405", "I15")}),
    "人工评分 given": (_set(F21="部分达成", J21=3.5, I21="资金拨付晚了两周"), set()),
}


@functools.cache
def _compiled(formula: str):
    """A mark's condition compiled once per test process: compiling is most of a case's time
    (about 10 s for the form's conditions), and every case evaluates the same conditions."""
    return formulas.Parser().ast("=" + formula)[1].compile()


def _marks(path: Path) -> set[tuple[str, str]]:
    sheet = openpyxl.load_workbook(path, data_only=True)[SHEET]

    def value(ref: str):
        if ":" in ref:
            low_col, low_row, high_col, high_row = range_boundaries(ref)
            return np.array([[value(sheet.cell(r, c).coordinate) for c in range(low_col, high_col + 1)]
                             for r in range(low_row, high_row + 1)], dtype=object)
        held = sheet[ref].value
        return "" if held is None else held  # a blank cell, as the text functions see it

    marks = set()
    for highlight in HIGHLIGHTS:
        first, last = highlight.rows
        for row in range(first, last + 1):
            compiled = _compiled(highlight.formula(row, LAST_ROW))
            result = compiled(*(value(name.replace("$", "")) for name in compiled.inputs))
            if bool(np.ravel(result)[0]) is True:
                marks.add((highlight.code, f"{highlight.column}{row}"))
    return marks


@pytest.mark.parametrize("formulas_kind", ["addin", "native"])
@pytest.mark.parametrize("slip", list(SLIPS))
def test_the_form_marks_what_check_says_at_the_same_cell(tmp_path, slip, formulas_kind):
    change, expected = SLIPS[slip]
    path = recalculated(filled(tmp_path, change, formulas_kind))
    marks = _marks(path)
    assert marks == expected
    said = {tuple(item.split(" ", 3)[::2][:2]) for item in findings(path)}
    for code, cell in marks:
        assert (code, cell) in said, (code, cell, said)


def test_an_untouched_form_marks_nothing(tmp_path):
    from jixiao.template.build import build_template

    path = tmp_path / "blank.xlsx"
    build_template(path, year=2024)
    assert _marks(path) == set()
