"""Value columns whose headers name their year by its number (2023年完成值 | 2024年度指标值 |
2024年实际完成值): the column of the table's year holds this year's 完成值, an earlier
year's column last year's, as 上年完成值 | 本年指标值 | 本年完成值 reads. Before, the 2023
column, coming first, was read as the 完成值 (two false JX402 on a sound table)."""

from __future__ import annotations

import json

from workbooks import PUTUO_1_ROWS, STANDARD, standard

from jixiao.pipeline import check_workbook
from jixiao.report.json import json_report


def checked(path):
    [result] = [check_workbook(path)]
    [checked_table] = result.tables
    return checked_table.table, json.loads(json_report([result]))


def codes(data):
    return sorted(item["code"] for item in data["findings"])


# What the rows reached last year: the first short of this year's ≥90.00(%)
LAST_YEAR = ("85.00(%)", "达成指标", "达成指标", "达成指标", "达成指标")


def _with_last_year(tmp_path, last: str, target: str = "2024年度指标值",
                    actual: str = "2024年实际完成值"):
    header = (*STANDARD[:3], last, target, actual, *STANDARD[5:])
    rows = [(*row[:3], before, *row[3:]) for row, before in zip(PUTUO_1_ROWS, LAST_YEAR, strict=True)]
    return checked(standard(tmp_path / "t.xlsx", rows=rows, header=header))


def test_an_earlier_years_column_is_last_years(tmp_path):
    table, data = _with_last_year(tmp_path, "2023年完成值")
    assert codes(data) == []
    assert [i.actual for i in table.indicators] == ["99.80(%)", *["达成指标"] * 4]
    assert data["total_computed"] == 99.98  # 9.98 + 90, all met


def test_an_earlier_years_column_beside_an_unnumbered_actual(tmp_path):
    # the year named by the target's header only: 实际完成值 is that year's
    table, data = _with_last_year(tmp_path, "2023年完成值", actual="实际完成值")
    assert codes(data) == []
    assert table.indicators[0].actual == "99.80(%)"


def test_last_year_in_words_as_before(tmp_path):
    table, data = _with_last_year(tmp_path, "上年完成值", "本年指标值", "本年完成值")
    assert codes(data) == []
    assert table.indicators[0].actual == "99.80(%)"


def test_the_only_actual_column_naming_a_year_is_read(tmp_path):
    header = (*STANDARD[:3], "2024年度指标值", "2024年实际完成值", *STANDARD[5:])
    table, data = checked(standard(tmp_path / "t.xlsx", header=header))
    assert codes(data) == []
    assert table.indicators[0].actual == "99.80(%)"


def test_the_only_actual_column_naming_an_earlier_year_is_still_read(tmp_path):
    # a copied header (2023年实际完成值 under a 2024 title, no other 完成值): the column read
    header = (*STANDARD[:3], "2024年度指标值", "2023年实际完成值", *STANDARD[5:])
    table, _ = checked(standard(tmp_path / "t.xlsx", header=header))
    assert [i.actual for i in table.indicators] == [row[4] for row in PUTUO_1_ROWS]


def test_an_earlier_years_column_right_of_this_years(tmp_path):
    header = (*STANDARD[:3], "2024年度指标值", "2024年实际完成值", "2023年完成值", *STANDARD[5:])
    rows = [(*row[:5], before, *row[5:]) for row, before in zip(PUTUO_1_ROWS, LAST_YEAR, strict=True)]
    table, data = checked(standard(tmp_path / "t.xlsx", rows=rows, header=header))
    assert codes(data) == []
    assert table.indicators[0].actual == "99.80(%)"


# Targets of another column than the year's: the first above the 99.80 % reached (if read
# as the target, the full 5 points on a missed target: JX402)
OTHER_TARGETS = ("≥99.90(%)", "规范", "及时", "稳步提升", "满意")


def _with_another_target(tmp_path, first: str, second: str, actual: str):
    header = (*STANDARD[:3], first, second, actual, *STANDARD[5:])
    rows = [(*row[:4], other, *row[4:])
            for row, other in zip(PUTUO_1_ROWS, OTHER_TARGETS, strict=True)]
    return checked(standard(tmp_path / "t.xlsx", rows=rows, header=header))


def test_a_range_of_years_is_over_the_years(tmp_path):
    # 2024-2026年度指标值 is the 实施期's target: not the table's year (2026), which made
    # it the year's target over 2024年度指标值
    table, data = _with_another_target(tmp_path, "2024年度指标值", "2024-2026年度指标值",
                                       "2024年实际完成值")
    assert [i.target for i in table.indicators] == [row[3] for row in PUTUO_1_ROWS]
    assert codes(data) == []


def test_a_range_of_years_gives_way_before_the_years_target(tmp_path):
    header = (*STANDARD[:3], "2024-2026年度指标值", "2024年度指标值", "2024年实际完成值",
              *STANDARD[5:])
    rows = [(*row[:3], other, *row[3:])
            for row, other in zip(PUTUO_1_ROWS, OTHER_TARGETS, strict=True)]
    table, data = checked(standard(tmp_path / "t.xlsx", rows=rows, header=header))
    assert [i.target for i in table.indicators] == [row[3] for row in PUTUO_1_ROWS]
    assert codes(data) == []


def test_the_table_year_is_the_actuals(tmp_path):
    # 2025年指标值 is next year's: the 完成值 names the table's year, 2024
    table, data = _with_another_target(tmp_path, "2024年指标值", "2025年指标值", "2024年完成值")
    assert [i.target for i in table.indicators] == [row[3] for row in PUTUO_1_ROWS]
    assert codes(data) == []


# The table's year in its title only (（2024 年度）), the 完成值 columns 2023年完成值 | 实际完成值:
# the plain one is the year's. A counted row tells the columns apart by its score: 51200人
# (last year's) of ≥52000人 would score 25 × 51200 / 52000 = 24.62 (JX402), 53000人 scores 25.
COUNTED = ("产出指标", "数量指标", "参保登记人数", "≥52000人", "53000人", 25, 25, None)
COUNTED_ROWS = [PUTUO_1_ROWS[0], COUNTED, *PUTUO_1_ROWS[2:]]
COUNTED_LAST = ("85.00(%)", "51200人", "达成指标", "达成指标", "达成指标")


def _titled(tmp_path, year, last: str = "2023年完成值", target: str = "年度指标值",
            actual: str = "实际完成值"):
    header = (*STANDARD[:3], last, target, actual, *STANDARD[5:])
    rows = [(*row[:3], before, *row[3:])
            for row, before in zip(COUNTED_ROWS, COUNTED_LAST, strict=True)]
    return checked(standard(tmp_path / "t.xlsx", rows=rows, header=header, year=year))


def test_a_year_named_column_beside_a_plain_one_under_another_years_title(tmp_path):
    table, data = _titled(tmp_path, 2024)
    assert [i.actual for i in table.indicators[:2]] == ["99.80(%)", "53000人"]
    assert codes(data) == []
    assert data["total_computed"] == 99.98  # 9.98 + 5 + 25 + 20 + 30 + 10: all met


def test_a_year_named_column_beside_a_plain_one_with_no_year_anywhere(tmp_path):
    # the plain 实际完成值 beside it says the 2023 column is another year's
    table, data = _titled(tmp_path, None)
    assert table.indicators[1].actual == "53000人"
    assert codes(data) == []
    assert data["total_computed"] == 99.98


def test_the_targets_header_copied_from_last_year_the_title_decides(tmp_path):
    # 2023年完成值 | 2023年度指标值 | 实际完成值 under a 2024 title: the headers alone name
    # 2023 only; the title's 2024 makes the plain 实际完成值 the year's
    table, data = _titled(tmp_path, 2024, target="2023年度指标值")
    assert table.indicators[1].actual == "53000人"
    assert data["total_computed"] == 99.98


def test_a_column_naming_the_titles_year_is_the_years(tmp_path):
    # under a 2023 title the 2023年完成值 column is the year's: 51200人 of ≥52000人 scores
    # 25 × 51200 / 52000 = 24.62, not the 25 filled in (JX402)
    table, data = _titled(tmp_path, 2023)
    assert table.indicators[1].actual == "51200人"
    assert "JX402" in codes(data)
    [counted] = [f for f in data["findings"] if f["code"] == "JX402"]
    assert "24.62" in counted["message"]


def test_the_only_actual_column_naming_the_titles_year(tmp_path):
    header = (*STANDARD[:3], "年度指标值", "2023年完成值", *STANDARD[5:])
    table, data = checked(standard(tmp_path / "t.xlsx", rows=COUNTED_ROWS, header=header,
                                   year=2023))
    assert table.indicators[1].actual == "53000人"
    assert codes(data) == []
    assert data["total_computed"] == 99.98


def test_last_year_in_words_with_no_year_anywhere(tmp_path):
    table, data = _titled(tmp_path, None, "上年完成值", "指标值", "完成值")
    assert table.indicators[1].actual == "53000人"
    assert codes(data) == []
    assert data["total_computed"] == 99.98
