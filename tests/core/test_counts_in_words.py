"""Counts written in words beside numbers: no incidents (无, 未发生 against ＝0 起) and
the same unit named two ways (场次 and 场)."""

import pytest
from workbooks import PUTUO_1_ROWS, standard

from jixiao.checks import run_checks
from jixiao.model import evaluate
from jixiao.read.workbook import read_tables
from jixiao.rules import indicator_score, is_met


@pytest.mark.parametrize(("target", "actual"), [
    ("＝0 起", "未发生"), ("0起", "无"), ("≤0 起", "无"), ("无", "0 起"), ("零", "0"),
    ("＝0 起", "未发生安全责任事故"),
])
def test_no_incidents_in_words_meet_a_zero_target(target, actual):
    score = indicator_score(target, actual, 10)
    assert (score.value, score.met) == (10.0, True)
    assert is_met(target, actual) is True


def test_incidents_against_a_zero_target_still_score_nothing():
    assert indicator_score("＝0 起", "2 起", 10).value == 0.0
    assert indicator_score("≥95%", "无", 10).value is None  # 无 is no count of a share


def test_sessions_counted_as_changci_or_chang_are_one_unit():
    assert indicator_score("≥3 场次", "3场", 10).value == 10.0
    assert indicator_score("≥4 场次", "3场", 10).value == 7.5  # 10 × 3/4


def test_a_zero_incident_row_in_a_table_is_scored_and_not_flagged(tmp_path):
    rows = [list(row) for row in PUTUO_1_ROWS]
    rows[1][2:5] = ["安全责任事故发生数", "＝0 起", "未发生"]  # 25 points, met
    path = standard(tmp_path / "zero.xlsx", rows=[tuple(row) for row in rows])
    (table,) = read_tables(path)
    evaluation = evaluate(table)
    assert evaluation.scores[1].value == 25.0 and evaluation.total == 99.98
    assert [f.code for f in run_checks(table, evaluation)] == []
