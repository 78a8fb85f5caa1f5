"""The real published tables (jixiao/samples.py), typed into their own layouts, checked as
a reviewer would: Putuo 2024 (seven tables) and Zizhou 2023."""

import pytest
from workbooks import putuo, zizhou

from jixiao.checks import run_checks
from jixiao.model import evaluate
from jixiao.read.workbook import read_tables
from jixiao.samples import PUTUO_2024, zizhou_2023

# What a reviewer finds in each published table.
EXPECTED = {
    "putuo-1": [], "putuo-3": [], "putuo-4": [], "putuo-5": [], "putuo-6": [],
    # 预算资金执行率 indicator 90.00% against 99.70% in the money block
    "putuo-2": [("JX305", "E13")],
    # "≠100.00(%)": ≥ damaged when the PDF was made
    "putuo-7": [("JX203", "D13"), ("JX203", "D14"), ("JX203", "D15")],
}


def checked(path):
    [table] = read_tables(path)
    evaluation = evaluate(table)
    return table, evaluation, run_checks(table, evaluation)


@pytest.mark.parametrize("published", PUTUO_2024, ids=lambda p: p.key)
def test_putuo_tables_read_as_published_and_checked(published, tmp_path):
    table, evaluation, findings = checked(putuo(tmp_path / f"{published.key}.xlsx",
                                                published.key))
    sample = published.table
    assert table.project.name == sample.project.name and table.project.year == 2024
    assert table.funds.total.rate_declared == published.rate
    assert table.funds.score_declared == published.execution_score
    assert [i.name for i in table.indicators] == [i.name for i in sample.indicators]
    assert tuple(i.score_declared for i in table.indicators) == published.scores
    assert (table.total_declared, table.grade_declared) == (published.total, published.grade)
    assert [(item.code, item.cell) for item in findings] == EXPECTED[published.key]
    if published.key != "putuo-7":
        assert (evaluation.total, evaluation.grade) == (published.total, published.grade)


def test_zizhou_deduction_without_reason_and_a_score_the_rules_would_not_give(tmp_path):
    table, evaluation, findings = checked(zizhou(tmp_path / "zizhou.xlsx"))
    published = zizhou_2023()
    assert [i.weight for i in table.indicators] == [i.weight for i in published.table.indicators]
    assert tuple(i.score_declared for i in table.indicators) == published.scores
    assert table.total_declared == 97
    codes = {item.code: item for item in findings}
    assert sorted(codes) == ["JX204", "JX404", "JX405"]
    assert codes["JX405"].severity == "error" and "群众满意度" in codes["JX405"].message
    assert "扣 3 分" in codes["JX405"].message and codes["JX405"].cell == "I17"
    assert "7" in codes["JX404"].message and "8.95" in codes["JX404"].message
    assert codes["JX404"].cell == "H17"
    # "25 万参保居民医保待遇" against "100%": nothing to compare
    assert codes["JX204"].cell == "F12"
    assert evaluation.scores[-1].value == 8.95
