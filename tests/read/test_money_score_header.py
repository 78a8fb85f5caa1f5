"""The money block's 得分 column headed as the evaluation's score (自评得分, 自评分,
评价得分 — the usual score header in many provinces) is the 执行率得分, read as the
money's 得分: not a 总分 written above the table (red team rt29 c80, c80b, c80c, w4).

The money: 全年预算数 1286.40, 全年执行数 1201.35, 执行率 1201.35 ÷ 1286.4 = 93.3886 %,
得分 10 × 0.933886 = 9.34; the indicators' 20 + 15 + 15 + 30 + 10 = 90; 总分 99.34 (优)."""

import pytest
from workbooks import standard

from jixiao.checks import run_checks
from jixiao.model import evaluate
from jixiao.read.workbook import read_tables

ROWS = [
    ("产出指标", "数量指标", "补助发放户数", "≥1200户", "1236户", 20, 20, None),
    ("产出指标", "质量指标", "补助标准执行准确率", "＝100%", "100%", 15, 15, None),
    ("产出指标", "时效指标", "资金拨付及时率", "≥95%", "98%", 15, 15, None),
    ("效益指标", "社会效益指标", "困难群众基本生活保障水平", "有效提升", "有效提升", 30, 30, None),
    ("满意度指标", "服务对象满意度指标", "受助群众满意度", "≥90%", "95%", 10, 10, None),
]


def _money(score):
    return [
        ("年度资金总额", 1250, 1286.4, 1201.35, 10, "93.39%", score),
        ("其中：中央补助资金", 800, 836.4, 790.2, "—", "94.48%", "—"),
        ("省级资金", 250, 250, 236.15, "—", "94.46%", "—"),
        ("县级配套资金", 200, 200, 175, "—", "87.50%", "—"),
    ]


def _table(tmp_path, score_header, score=9.34, total=99.34):
    header = ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", score_header)
    path = standard(tmp_path / "t.xlsx", rows=ROWS, money=_money(score), money_header=header,
                    total=(100, total), grade="优")
    (table,) = read_tables(path)
    return table


def _findings(table):
    return [(f.code, f.cell, f.message) for f in run_checks(table, evaluate(table))]


@pytest.mark.parametrize("score_header", ["自评得分", "自评分", "评价得分", "得分"])
def test_the_money_score_column_headed_as_the_evaluation_score_is_the_execution_score(
        tmp_path, score_header):
    table = _table(tmp_path, score_header)
    assert table.funds.score_declared == 9.34
    assert table.funds.sources["score"].cell == "H6"
    assert table.total_declared == 99.34
    assert table.sources.get("restated_total") is None  # no 总分 above the table
    assert evaluate(table).total == 99.34
    assert _findings(table) == []  # no JX506 "此处写总分 9.34"


def test_a_wrong_score_under_zi_ping_fen_is_the_execution_score_wrong(tmp_path):
    """10 written for 9.34 under 自评分: JX302 at H6, the 总分 100 following it — not JX501
    at the total with the score unread (w4)."""
    table = _table(tmp_path, "自评分", score=10, total=100)
    assert table.funds.score_declared == 10
    assert [code for code, _, _ in _findings(table)] == ["JX302"]
    [(_, cell, message)] = _findings(table)
    assert cell == "H6"
    assert message.startswith("执行率得分写为 10，按分值 10 × 执行率 93.39% 应为 9.34")
