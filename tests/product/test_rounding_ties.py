"""A score on a rounding tie is what a spreadsheet shows for it.

The rules' scores are computed in binary floating point, where a hand-computed tie
such as 10 × 83.35 % = 8.335 lands a hair below (8.334999999999999). LibreOffice
(as Excel and WPS) keeps 15 significant digits and gives ROUND(…, 2) = 8.34; the
native-formula template scores with that ROUND, the Python core with ``round2``:
they must agree, so that a clerk's 8.34 is not called wrong by one and right by
the other.
"""

from __future__ import annotations

import openpyxl
import pytest
from libreoffice import sheets_as_shown

from jixiao.rules import indicator_score, round2

# (formula as the native template would compute it, the same in Python)
TIES = [
    ("=ROUND(10*(83.35/100),2)", 10 * (83.35 / 100)),           # 正向: 分值 × 完成值 / 目标值
    ("=ROUND(10*(1-(22.15-20)/20),2)", 10 * (1 - (22.15 - 20) / 20)),  # 反向 (成本)
    ("=ROUND(10*(38.9/40),2)", 10 * (38.9 / 40)),               # 执行率 97.25 % of 10
    ("=ROUND(20*(91.8/96.7),2)", 20 * (91.8 / 96.7)),           # no tie: plain rounding
    ("=ROUND(2.675,2)", 2.675),
    ("=ROUND(1.005,2)", 1.005),
    ("=ROUND(15*(0.3/0.4),2)", 15 * (0.3 / 0.4)),
    ("=ROUND(89.995,2)", 89.995),
]


@pytest.fixture(scope="module")
def shown(tmp_path_factory):
    work = tmp_path_factory.mktemp("ties")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "ties"
    for row, (formula, _) in enumerate(TIES, start=1):
        sheet.cell(row, 1, formula)
    path = work / "ties.xlsx"
    book.save(path)
    return sheets_as_shown(path, work, recalculate=True)["ties"]


def test_libreoffice_rounds_every_tie_as_round2_does(shown):
    got = [float(row[0]) for row in shown[:len(TIES)]]
    assert got == [round2(value) for _, value in TIES]
    assert got[:3] == [8.34, 8.93, 9.73]  # the hand-computed ties, rounded up


def test_an_indicator_on_a_tie_scores_what_the_spreadsheet_shows(shown):
    assert indicator_score("100%", "83.35%", 10).value == float(shown[0][0])
    assert indicator_score("≤20 万元", "22.15 万元", 10).value == float(shown[1][0])
