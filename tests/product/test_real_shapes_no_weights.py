"""Tables without a 分值 column (湖北 省直, 襄阳, 黄冈 forms): what can still be computed and
checked from the 得分 the unit wrote and the points its headings state."""

from test_real_shapes import checked, codes
from test_real_shapes_headers import NO_WEIGHT_ROWS, _hubei, _no_weights

from jixiao.cli.main import main

# ---------------------------------------------------------------- the 总分 of the written scores


def test_the_total_without_a_weight_column_is_the_sum_of_the_written_scores(tmp_path):
    """襄阳 2021: every 得分 filled, no 分值 column. JX501 computed their sum, but the summary
    said “计算 —” (for the 总分 and the 等级): now the sum (indicators as written, the
    执行率得分 by the rules: 80 + 19.8) and its grade, marked as made of the written scores."""
    _, data = checked(_no_weights(tmp_path / "t.xlsx", NO_WEIGHT_ROWS, 99.8))
    assert (data["total_computed"], data["grade_computed"], data["total_basis"]) == (
        99.8, "优", "declared")
    assert codes(data) == ["JX108"]


def test_a_wrong_total_without_a_weight_column_is_still_found(tmp_path):
    _, data = checked(_no_weights(tmp_path / "t.xlsx", NO_WEIGHT_ROWS, 100))
    assert codes(data) == ["JX108", "JX501"]
    assert (data["total_computed"], data["total_basis"]) == (99.8, "declared")


def test_the_summary_says_what_the_total_is_made_of(tmp_path, capsys):
    path = _no_weights(tmp_path / "t.xlsx", NO_WEIGHT_ROWS, 100)
    main(["check", str(path)])
    out = capsys.readouterr().out
    assert "总分 填报 100 / 计算 99.8（表中没有分值列，各指标按填报得分计）；评分等级 填报 — / 计算 优" \
        in out


def test_a_row_without_its_score_leaves_the_total_unknown(tmp_path):
    rows = list(NO_WEIGHT_ROWS)
    rows[1] = (*rows[1][:5], None)
    _, data = checked(_no_weights(tmp_path / "t.xlsx", rows, 84.8))
    assert (data["total_computed"], data["grade_computed"], data["total_basis"]) == (
        None, None, None)


def test_a_scored_table_keeps_its_rule_total(tmp_path):
    _, data = checked(_hubei(tmp_path / "t.xlsx"))
    assert (data["total_computed"], data["total_basis"]) == (99.8, "rules")
