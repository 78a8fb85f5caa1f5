"""JX506 on a 自评结论 stating another 总分 names the sum of the scores the table writes —
the 总分 the table should show —, not the rules' total (rt31 r7 p13_concl, d15_noafter:
"与 H21 的总分 97.28 不一致（各项得分之和为 98.72）" though the written scores add to
97.28)."""

import pytest
from workbooks import PUTUO_1_ROWS, standard

from jixiao.checks import run_checks
from jixiao.model import evaluate
from jixiao.read.workbook import read_tables

# The Putuo rows with the 预算资金执行率 written 4 of 5 (the rules give 5: JX404):
# written 9.98 + 4 + 25 + 20 + 30 + 10 = 98.98; the rules' total 99.98.
ROWS = [(*PUTUO_1_ROWS[0][:6], 4, "预算执行进度偏慢"), *PUTUO_1_ROWS[1:]]
SAID = "经自评，该项目得分96分，评价等级为优。"


def _jx506(path):
    (table,) = read_tables(path)
    return [(f.cell, f.message) for f in run_checks(table, evaluate(table), select=["JX506"])]


@pytest.mark.parametrize("total", [98.98, 99.98])
def test_the_sum_named_is_the_written_scores(tmp_path, total):
    """总分 98.98 (the written scores' sum) or 99.98 (the rules' total): either way the
    scores the table writes add to 98.98. Before: “各项得分之和为 99.98”."""
    path = standard(tmp_path / "t.xlsx", rows=ROWS, total=(100, total), conclusion=SAID)
    assert _jx506(path) == [
        ("B18", f"此处写总分 96，与 H16 的总分 {total:g} 不一致（各项得分之和为 98.98）")]
