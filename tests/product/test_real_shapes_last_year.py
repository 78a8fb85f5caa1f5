"""Last year's figures kept beside this year's (上年得分 | 得分, 上年执行数 | 全年执行数):
a column naming the year before is never one of this year's. Before, a 上年得分 column
left of 得分 was read as the 得分 column (five false JX406 "未填写得分" on a sound table)."""

from __future__ import annotations

import pytest
from test_real_shapes import checked, codes
from workbooks import MONEY, PUTUO_1_MONEY, PUTUO_1_ROWS, STANDARD, standard

LAST_SCORES = (5, 24, 20, 28, 9)  # what the rows got last year


@pytest.mark.parametrize("word", ["上年得分", "去年得分", "上年度自评得分"])
def test_a_last_year_score_column_is_not_the_score(tmp_path, word):
    header = (*STANDARD[:6], word, *STANDARD[6:])
    rows = [(*row[:6], last, *row[6:]) for row, last in zip(PUTUO_1_ROWS, LAST_SCORES, strict=True)]
    table, data = checked(standard(tmp_path / "t.xlsx", rows=rows, header=header))
    assert codes(data) == []
    assert [i.score_declared for i in table.indicators] == [5, 25, 20, 30, 10]


def test_a_wrong_score_beside_last_years_is_still_found(tmp_path):
    header = (*STANDARD[:6], "上年得分", *STANDARD[6:])
    rows = [(*row[:6], last, *row[6:]) for row, last in zip(PUTUO_1_ROWS, LAST_SCORES, strict=True)]
    rows[1] = (*rows[1][:7], 30, None)  # 30 of 25 points
    _, data = checked(standard(tmp_path / "t.xlsx", rows=rows, header=header))
    assert "JX401" in codes(data)


def test_a_last_year_spending_column_is_not_this_years(tmp_path):
    money_header = (*MONEY[:3], "上年执行数", *MONEY[3:])
    money = [(*line[:4], 28.5 if index == 0 else "—", *line[4:])
             for index, line in enumerate(PUTUO_1_MONEY)]
    table, data = checked(standard(tmp_path / "t.xlsx", money=money, money_header=money_header))
    assert codes(data) == [] and table.funds.total.executed == 31.5
