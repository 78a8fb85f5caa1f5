"""Cells an .xls or .ods shows as a percentage: python-calamine gives the workbook's values
without their number formats, so 10% typed into a 权重 cell (0.1 kept) read as 0.1 points.
The file's own records say how each cell is shown (``xlsx.foreign_layout``)."""

from __future__ import annotations

import pytest
from workbooks import PUTUO_1_ROWS, Book, Percent, standard_sheet

from jixiao.pipeline import check_workbook


@pytest.mark.parametrize("kind", ["xls", "ods"])
def test_a_weight_typed_as_a_percentage_in_an_xls_or_ods_counts_its_points(tmp_path, kind):
    """权重 typed as 10% keeps 0.1 in the cell and shows 10%. python-calamine gives an
    .xls's or .ods's values without their formats: before, each 权重 was a tenth of a point
    or less (分值合计 10.9, JX401 and JX408 on every row of a correct table). The XF of
    each number cell (.xls) and office:value-type="percentage" (.ods) say it is shown as a
    percentage, as an .xlsx's number format does."""
    from libreoffice import convert

    rows = [(*row[:5], Percent(row[5] / 100), *row[6:]) for row in PUTUO_1_ROWS]
    header = ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "权重", "得分",
              "偏差原因分析及改进措施")
    book = Book()
    standard_sheet(book.sheet(), rows=rows, header=header)
    [path] = convert(book.save(tmp_path / "t.xlsx"), tmp_path, kind).glob(f"*.{kind}")
    result = check_workbook(path)
    assert result.findings == []
    assert [i.weight for i in result.tables[0].table.indicators] == [r[5] for r in PUTUO_1_ROWS]
