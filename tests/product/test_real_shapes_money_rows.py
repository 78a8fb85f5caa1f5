"""Money written down the rows with its label beside each amount, and the 执行率's 分值 and
得分 beside them (rt15 L6, R14): 预算执行率 | 98% | 分值 | 10 | 得分 | 10 on the rate's
row, or 分值 | 执行率 | 得分 headers over the block with the numbers under them. Before,
the amounts were read but not the points: a 执行率得分 of 10 (not 9.98) went without JX302,
and where the first label was 年度资金总额 (R14) no money was read at all (JX307 only)."""

from __future__ import annotations

import pytest
from test_real_shapes import checked
from workbooks import PUTUO_1_ROWS, Book

TOTAL = sum(row[5] for row in PUTUO_1_ROWS) + 10  # the indicators' 90 and the 执行率's 10


def _book(path, money_rows, score):
    book = Book()
    sheet = book.sheet()
    sheet.title("项目支出绩效自评表", "（2024年度）")
    sheet.project("某项目", "某局", "某中心")
    for values in money_rows(score):
        sheet.line(*values)
    sheet.indicators(PUTUO_1_ROWS)
    scores = sum(row[6] for row in PUTUO_1_ROWS) + score
    sheet.total(TOTAL, round(scores, 2))
    sheet.grade("优")
    return book.save(path)


def _key_value(score):  # the 执行率 row with its points beside it
    return [("项目资金情况（万元）", "年度预算数", 100, "其中：财政拨款", 100, "其他资金", 0),
            (None, "全年执行数", 99.8, "其中：财政拨款", 99.8, "其他资金", 0),
            (None, "预算执行率", "99.8%", "分值", 10, "得分", score)]


def _pairs(score):  # R14: 年度资金总额 first
    return [("项目资金（万元）", "年度资金总额", 100, "其中：财政拨款", 90, "其他资金", 10),
            (None, "全年执行数", 99.8, "其中：财政拨款", 89.8, "其他资金", 10),
            (None, "执行率", "99.8%", "分值", 10, "得分", score)]


def _transposed(score):  # the sources across, the amounts down, the points under headers
    return [("项目资金（万元）", "年度资金总额", "其中：财政拨款", "其他资金", "分值", "执行率", "得分"),
            ("年初预算数", 100, 100, 0),
            ("全年预算数", 100, 100, 0, 10, "99.8%", score),
            ("全年执行数", 99.8, 99.8, 0)]


@pytest.mark.parametrize("money_rows", [_key_value, _pairs, _transposed])
def test_the_execution_points_beside_money_down_the_rows_are_read(tmp_path, money_rows):
    _, data = checked(_book(tmp_path / "right.xlsx", money_rows, 9.98))
    assert data["findings"] == []
    assert (data["funds"]["budget"], data["funds"]["executed"], data["funds"]["rate_declared"],
            data["funds"]["weight"], data["funds"]["score_declared"]) == (100, 99.8, 99.8, 10, 9.98)
    _, data = checked(_book(tmp_path / "wrong.xlsx", money_rows, 10))
    [finding] = data["findings"]
    assert (finding["code"], finding["message"]) == \
        ("JX302", "执行率得分写为 10，按分值 10 × 执行率 99.8% 应为 9.98；总分 100 随之应为 99.98")
