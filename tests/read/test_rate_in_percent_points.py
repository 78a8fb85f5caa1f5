"""A bare number in the 执行率 column (rt30 p08): where it reads either way (1 is 1 % or
100 %), the reading B ÷ A gives wins; without both amounts, the fraction as always."""

import pytest
from workbooks import MONEY, PUTUO_1_ROWS, standard

from jixiao.checks import run_checks
from jixiao.model import evaluate
from jixiao.read.workbook import read_tables

PERCENT_HEADER = (*MONEY[:4], "执行率(%)", MONEY[5])


def _read(tmp_path, budget, executed, rate, score, header=MONEY):
    rows = [(*row[:5], row[5], row[6], row[7]) for row in PUTUO_1_ROWS]
    path = standard(tmp_path / "t.xlsx", rows=rows, money_header=header,
                    money=[("年度资金总额", budget, budget, executed, 10, rate, score)],
                    total=(100, 90 + score))
    (table,) = read_tables(path)
    found = {f.code for f in run_checks(table, evaluate(table))}
    return table.funds.total.rate_declared, found


@pytest.mark.parametrize("header", [PERCENT_HEADER, MONEY])
def test_one_written_for_one_percent_is_one_percent(tmp_path, header):
    """p08: 全年预算数 50, 全年执行数 0.5: 0.5 ÷ 50 = 1 %, written 1, score 10 × 1 % = 0.1.
    Read as 100 % it was a false JX301 (应为 1%)."""
    rate, found = _read(tmp_path, 50, 0.5, 1, 0.1, header)
    assert rate == 1.0 and "JX301" not in found and "JX302" not in found


@pytest.mark.parametrize("header", [PERCENT_HEADER, MONEY])
def test_one_written_for_the_whole_budget_spent_is_one_hundred_percent(tmp_path, header):
    """50 of 50 spent: 100 %; 1 written is the fraction, as before (no JX301)."""
    rate, found = _read(tmp_path, 50, 50, 1, 10, header)
    assert rate == 100.0 and "JX301" not in found


def test_a_fraction_under_a_percent_header_that_fits_b_over_a_is_the_fraction(tmp_path):
    """31.50 ÷ 31.56 = 99.81 %: 0.998 written under 执行率(%) is 99.8 % (0.998 % fits nothing)."""
    rate, found = _read(tmp_path, 31.56, 31.50, 0.998, 9.98, PERCENT_HEADER)
    assert rate == 99.8 and "JX301" not in found


def test_a_bare_fraction_without_amounts_is_the_fraction_whatever_the_header(tmp_path):
    """No B to decide by (rev30 A): 0.95 under 执行率(%) beside 100 | 100 | blank is 95 %, as
    before and as JX_EXEC_SCORE reads it — not 0.95 % (a false JX302 应为 0.1 and JX306)."""
    rate, found = _read(tmp_path, 100, None, 0.95, 9.5, PERCENT_HEADER)
    assert rate == 95.0 and "JX302" not in found and "JX306" not in found
    assert "JX309" in found
    assert _read(tmp_path, None, None, 0.5, 5, MONEY)[0] == 50.0
