"""rt30 r6 3: a 分值 typed as a percent (5% in a percent-formatted cell: 0.05) counts 5
points in jixiao's template (JX_POINTS). Where a row's 得分 formula was deleted or typed
over, JX503 named the score the rules give from 0.05 points (“应为 0.05”): the template's
score formulas read the 分值 through JX_POINTS, and so must the score JX503 asks for —
the one reading JX504 uses on a stale result."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from jixiao.pipeline import check_workbook
from jixiao.samples import sample
from jixiao.template.build import build_template

SHEET = "自评表"


def _template(folder: Path, **cells: object) -> Path:
    """putuo-1 in jixiao's template (row 13: ≥90.00(%), 99.80(%), 分值 5), its G13 typed
    as 5% (0.05, percent format), then ``cells`` set (None: emptied)."""
    path = folder / "t.xlsx"
    build_template(path, table=sample("putuo-1"))
    book = openpyxl.load_workbook(path)
    sheet = book[SHEET]
    sheet["G13"] = 0.05
    sheet["G13"].number_format = "0%"
    for ref, value in cells.items():
        sheet[ref] = value
    book.save(path)
    return path


def _jx503(path: Path) -> list[str]:
    result = check_workbook(path)
    assert result.error is None, result.error
    return [item.message for item in result.findings if item.code == "JX503"]


@pytest.mark.parametrize(("cells", "should"), [
    ({"H13": None}, "5"),                          # deleted: the row met, full 5 points
    ({"H13": None, "F13": "80.00(%)"}, "4.44"),    # 5 × 80 / 90
], ids=["met", "short"])
def test_a_deleted_score_names_the_score_of_the_points(tmp_path, cells, should):
    messages = _jx503(_template(tmp_path, **cells))
    assert len(messages) == 1
    assert f"不计入总分（按财政部规则应为 {should}）" in messages[0]


def test_a_score_typed_over_names_the_score_of_the_points(tmp_path):
    messages = _jx503(_template(tmp_path, H13=3))
    assert len(messages) == 1 and "手工填写的“3”" in messages[0]
    assert "按财政部规则应为 5，" in messages[0]
