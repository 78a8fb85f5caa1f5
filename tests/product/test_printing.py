"""Printing as a clerk would (issue 14): the form alone, its footer whole, every ⚠ shown,
and the batch summary one page wide at a readable size.

LibreOffice converts to PDF (it prints every sheet of a workbook), pdftotext reads the
text layer; both are skipped when missing.
"""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest
from libreoffice import pdf_of, pdf_pages_text

from jixiao.layout import CONF_SHEET, HELP_SHEET, SHEET
from jixiao.model import evaluate
from jixiao.read.by_names import read_template
from jixiao.samples import sample
from jixiao.template.build import build_template

WARNED_TARGET = "稳步提升到九成以上并保持"


@pytest.fixture(scope="module")
def filled(tmp_path_factory) -> Path:
    table = sample("putuo-1")
    table.indicators[1].target = WARNED_TARGET  # 质量指标: a qualitative target, numeric actual
    table.indicators[1].actual = "95%"
    path = tmp_path_factory.mktemp("print") / "filled.xlsx"
    build_template(path, year=2024, table=table)
    return path


def test_only_the_form_is_printed(filled):
    book = openpyxl.load_workbook(filled)
    assert book[CONF_SHEET].sheet_state == "hidden"
    help_sheet = book[HELP_SHEET]
    assert help_sheet.sheet_state == "visible"  # readable on screen
    area = help_sheet.print_area
    area = area[0] if isinstance(area, list) else area
    cells = area.split("!")[-1].replace("$", "")
    assert ":" not in cells and help_sheet[cells].value is None  # one blank cell


def test_a_warning_row_is_tall_enough_for_its_text(filled):
    sheet = openpyxl.load_workbook(filled, data_only=True)[SHEET]
    warned = next(row for row in range(13, 43) if sheet[f"E{row}"].value == WARNED_TARGET)
    text = sheet[f"H{warned}"].value
    assert text.startswith("⚠")
    per_line = sheet.column_dimensions["H"].width - 1
    lines = -(-sum(2 if ord(ch) > 0x2E7F else 1 for ch in text) // int(per_line))
    assert sheet.row_dimensions[warned].height >= lines * 14


def test_the_filled_form_prints_on_its_pages_with_footer_and_scores(filled, tmp_path):
    pages = pdf_pages_text(pdf_of(filled, tmp_path))
    count = len(pages)
    assert 1 <= count <= 3, f"{count} pages: the form should print alone"
    for number, page in enumerate(pages, start=1):
        assert f"第 {number} 页，共 {count} 页" in page  # the footer, whole, on every page
    text = "\n".join(pages)
    expected = evaluate(read_template(filled))
    assert f"{expected.execution_score:.2f}" in text
    scored = [score.value for score in expected.scores if score.value is not None]
    assert scored and all(f"{value:.2f}" in text for value in scored)
    assert "⚠" in text  # the warned score and the total that cannot be summed
    assert "填写说明" not in text and "UDF Modules" not in text


def test_the_summary_prints_one_page_wide_at_a_readable_size(tmp_path):
    from jixiao.cli.main import main

    folder = tmp_path / "收件"
    folder.mkdir()
    for number, key in enumerate(("putuo-1", "putuo-2", "putuo-3", "zizhou-2023"), start=1):
        table = sample(key)
        table.project.name = f"{table.project.name}（第 {number} 份，名称很长的项目也要完整打印）"
        build_template(folder / f"{number}-{key}.xlsx", year=2024, table=table)
    summary = tmp_path / "汇总.xlsx"
    assert main(["batch", str(folder), "-o", str(summary)]) in (0, 1)
    import zipfile

    with zipfile.ZipFile(summary) as archive:
        parts = [name for name in archive.namelist() if name.startswith("xl/worksheets/sheet")]
        for part in parts:
            xml = archive.read(part).decode()
            assert 'fitToPage="1"' in xml and 'fitToWidth' not in xml or 'fitToWidth="1"' in xml
            columns = re.findall(r'<col min="(\d+)" max="(\d+)" width="([\d.]+)"', xml)
            used = len(re.findall(r'<c r="[A-Z]+1"', xml))
            width = sum((min(int(last), used) - int(first) + 1) * float(value)
                        for first, last, value in columns if int(first) <= used)
            # A4 landscape holds about 150 character units at 100 %: at least 75 % scale
            assert width <= 200, f"{part}: {width:.0f} units wide prints too small"
    pages = pdf_pages_text(pdf_of(summary, tmp_path))
    text = "\n".join(pages)
    for number in range(1, 5):
        assert f"第 {number} 份" in text
    assert re.search(r"\d+\.\d\d", text)  # the scores are in the text layer
