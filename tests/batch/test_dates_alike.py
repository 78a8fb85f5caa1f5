"""A table saved as .xlsx and again as .xls (LibreOffice 另存为) is one table: a date
cell reads the same from both, so the batch sees the same content (rt29)."""

import datetime as dt
import io
import json
import os
import shutil
from contextlib import redirect_stdout
from pathlib import Path

from libreoffice import convert, soffice
from openpyxl import load_workbook
from workbooks import PUTUO_1_ROWS, standard

from jixiao.batch.summary_book import SUMMARY_COLUMNS
from jixiao.cli.main import main

_DATE_ROW = ("产出指标", "时效指标", "完成时间", "2024年12月31日前", dt.datetime(2024, 12, 20),
             20, 20, None)


def _tables(path: Path) -> list[dict]:
    out = io.StringIO()
    with redirect_stdout(out):
        main(["check", str(path), "--json"])
    found = json.loads(out.getvalue())
    return found if isinstance(found, list) else [found]


def test_a_date_cell_reads_alike_from_xlsx_and_xls_and_the_batch_sees_one_table(tmp_path):
    soffice()
    inbox = tmp_path / "收件"
    inbox.mkdir()
    rows = [row if row[2] != "资金拨付及时性" else _DATE_ROW for row in PUTUO_1_ROWS]
    original = standard(inbox / "a.xlsx", rows=rows)
    saved = convert(original, tmp_path, "xls") / "a.xls"
    shutil.copy(saved, inbox / "b.xls")

    (xlsx,), (xls,) = _tables(inbox / "a.xlsx"), _tables(inbox / "b.xls")
    dates = [[i["actual"] for i in table["indicators"] if i["name"] == "完成时间"]
             for table in (xlsx, xls)]
    assert dates == [["2024-12-20"], ["2024-12-20"]]  # not 2024-12-20T00:00:00 from the .xlsx
    assert xlsx["content"] == xls["content"]

    os.chdir(tmp_path)
    with redirect_stdout(io.StringIO()):
        main(["batch", "收件", "-o", "s.xlsx", "--workers", "1"])
    reasons = {row[0]: row[SUMMARY_COLUMNS.index("原因")] or "" for row in
               load_workbook(tmp_path / "s.xlsx")["汇总"].iter_rows(min_row=2, values_only=True)}
    assert "内容相同" in reasons["b.xls"] and "内容不同" not in reasons["b.xls"]
