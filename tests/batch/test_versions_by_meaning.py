"""A unit sends its table as .xlsx and again as Word (or a web page saved as .xls): the
Excel holds a date cell, a number, a percent-formatted number, where the Word copy holds the
text each shows (2024年11月30日, 1,200, 99.80%). Both are one table: the batch compares what
each value means as the scoring reads it, not how it was stored — and a real difference (a
完成值, a score, a reason) still makes another version (rt33)."""

import datetime as dt
import io
import json
import os
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from wordfiles import workbook_docx, workbook_html
from workbooks import Book, standard_sheet

from jixiao.batch.summary_book import SUMMARY_COLUMNS
from jixiao.cli.main import main

_TYPED = [  # as the .xlsx holds them: a percent-formatted number, a number, a date cell
    ("产出指标", "数量指标", "预算资金执行率", "≥90%", 0.998, 5, 5, None),
    ("产出指标", "数量指标", "培训人次", "≥1000", 1200, 5, 5, None),
    ("产出指标", "质量指标", "预算编制规范性", "规范", "达成指标", 20, 20, None),
    ("产出指标", "时效指标", "完成时间", "2024年12月31日前", dt.datetime(2024, 11, 30), 20, 20,
     None),
    ("效益指标", "可持续影响指标", "网络安全防护能力", "稳步提升", "达成指标", 30, 28,
     "部分设备到货延迟，已督促供应商"),
    ("满意度指标", "服务对象满意度指标", "服务对象满意度", "满意", "达成指标", 10, 10, None),
]
# the same table as Word shows it: each value its cell's text (a trailing space, full-width
# digits, a number's thousands separator, the percent and the date as formatted)
_SHOWN = {(0, 4): "99.80%", (1, 4): "1,200", (2, 4): "达成指标 ", (2, 5): "２０",
          (3, 4): "2024年11月30日", (4, 7): "部分设备到货延迟，已督促供应商 "}


def _book(path: Path, changed: dict[tuple[int, int], Any] | None = None) -> Path:
    """The table as .xlsx: ``changed`` None, typed (its 执行率 cell formatted 0.00%); else
    as text, the shown values with ``changed`` over them."""
    rows = [list(row) for row in _TYPED]
    if changed is not None:
        for (row, column), value in {**_SHOWN, **changed}.items():
            rows[row][column] = value
    book = Book()
    sheet = standard_sheet(book.sheet(), rows=rows, total=(100, 98), grade="优")
    if changed is None:
        for line in sheet.ws.iter_rows():
            for cell in line:
                if cell.value == 0.998:
                    cell.number_format = "0.00%"
    return book.save(path)


def _content(path: Path) -> str:
    out = io.StringIO()
    with redirect_stdout(out):
        main(["check", str(path), "--json"])
    found = json.loads(out.getvalue())
    (table,) = found if isinstance(found, list) else [found]
    return table["content"]


def _docx(tmp_path: Path, name: str, changed: dict[tuple[int, int], Any]) -> Path:
    return workbook_docx(_book(tmp_path / f"{name}-shown.xlsx", changed), tmp_path / f"{name}.docx")


def test_the_word_and_web_copies_of_an_excel_table_declare_the_same(tmp_path):
    typed = _content(_book(tmp_path / "a.xlsx"))
    assert _content(_docx(tmp_path, "b", {})) == typed
    page = tmp_path / "c.xls"
    page.write_text(workbook_html(_book(tmp_path / "c-shown.xlsx", {})), encoding="utf-8")
    assert _content(page) == typed


@pytest.mark.parametrize("shown", [
    {(3, 4): "11月30日"},       # the date cell formatted m月d日: in the table's year
    {(3, 4): "2024/11/30"},
    {(0, 4): "99.8％"},
    {(1, 4): "１２００"},
    {(1, 4): "1200.00"},
])
def test_other_texts_of_the_same_values_are_the_same_table(tmp_path, shown):
    assert _content(_docx(tmp_path, "b", shown)) == _content(_book(tmp_path / "a.xlsx"))


@pytest.mark.parametrize("changed", [
    {(3, 4): "2024年12月5日"},           # another date done
    {(1, 4): "1,300"},                   # another count
    {(0, 4): "99.70%"},                  # another rate
    {(2, 6): "18"},                      # another score
    {(4, 5): "25"},                      # another weight
    {(4, 7): "设备到货延迟"},             # another reason
    {(5, 4): "基本达成"},                 # another wording of the 完成值
    {(1, 4): "1,200人次"},               # a unit the .xlsx does not write
    {(3, 4): "11月30日前后"},             # a date and more
])
def test_a_real_difference_still_makes_another_version(tmp_path, changed):
    assert _content(_docx(tmp_path, "b", changed)) != _content(_book(tmp_path / "a.xlsx"))


def test_the_batch_calls_the_excel_and_word_copies_the_same(tmp_path):
    inbox = tmp_path / "收件"
    inbox.mkdir()
    _book(inbox / "a.xlsx")
    workbook_docx(_book(tmp_path / "b-shown.xlsx", {}), inbox / "b.docx")
    workbook_docx(_book(tmp_path / "c-shown.xlsx", {(3, 4): "2024年12月5日"}), inbox / "c.docx")
    os.chdir(tmp_path)
    with redirect_stdout(io.StringIO()):
        main(["batch", "收件", "-o", "s.xlsx", "--workers", "1"])
    reasons = {row[0]: row[SUMMARY_COLUMNS.index("原因")] or "" for row in
               load_workbook(tmp_path / "s.xlsx")["汇总"].iter_rows(min_row=2, values_only=True)}
    assert "与“b.docx”内容相同，与“c.docx”内容不同" in reasons["a.xlsx"]
    assert "与“a.xlsx”内容相同，与“c.docx”内容不同" in reasons["b.docx"]
    assert "内容不同" in reasons["c.docx"] and "内容相同" not in reasons["c.docx"]


@pytest.mark.parametrize("written", ["无", "—", "－", "-", "／", "/"])
def test_a_blank_value_and_one_written_none_are_other_versions(tmp_path, written):
    # a blank 完成值 is missing (JX202), a written 无 or dash says none (or not applicable):
    # the 初稿 left blank and the final version that writes it are not one table (rt33 r11 c7)
    blank = _content(_book(tmp_path / "blank.xlsx", {(5, 4): None}))
    assert _content(_book(tmp_path / "none.xlsx", {(5, 4): written})) != blank
    assert _content(_book(tmp_path / "spaces.xlsx", {(5, 4): "  "})) == blank
