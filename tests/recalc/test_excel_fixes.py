"""The general engine gives Excel's answer where formulas' own functions do not."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from jixiao.recalc.workbook import recalc_file

# (formula, what Excel and LibreOffice show) — each differed in formulas as shipped.
CASES = [
    ("=ROUND(0.145,2)", 0.15),
    ("=ROUND(A1*80.55/90,2)", 4.48),       # a ratio score: 5 × 80.55 / 90 = 4.475
    ("=ROUND(-2.675,2)", -2.68),
    ("=ROUND(1234.5,-1)", 1230.0),
    ("=ROUNDUP(0.1*3,1)", 0.3),
    ("=ROUNDDOWN(0.7+0.1,1)", 0.8),
    ('=IF(0.1+0.2=0.3,"是","否")', "是"),
    ('=IF(0.3+0.6>=0.9,"是","否")', "是"),
    ('=TRIM("  资金  到位 ")', "资金 到位"),
    ('=VALUE("95%")', 0.95),
    ('=VALUE(" 1,234.5 ")', 1234.5),
    ('=LENB("项目支出")', 8),
    ('=DATEDIF(DATE(2024,1,1),DATE(2024,12,31),"d")', 365),
    ('=HYPERLINK("#表!A1","跳转")', "跳转"),
]


@pytest.fixture(scope="module")
def recalculated(tmp_path_factory) -> dict[str, object]:
    folder: Path = tmp_path_factory.mktemp("excel_rules")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "表"
    sheet["A1"] = 5
    for row, (formula, _) in enumerate(CASES, start=2):
        sheet.cell(row, 2, formula)
    source = folder / "公式.xlsx"
    book.save(source)
    output = folder / "公式.recalc.xlsx"
    recalc_file(source, output)
    values = openpyxl.load_workbook(output, data_only=True)["表"]
    return {formula: values.cell(row, 2).value for row, (formula, _) in enumerate(CASES, start=2)}


@pytest.mark.parametrize(("formula", "shown"), CASES, ids=[case[0] for case in CASES])
def test_the_general_engine_gives_excels_answer(recalculated, formula, shown):
    expected = pytest.approx(shown) if isinstance(shown, float) else shown
    assert recalculated[formula] == expected
