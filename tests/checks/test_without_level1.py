"""A table with no 一级指标 column: the 二级 names tell each row's 一级, as a reviewer
reads them (数量指标 → 产出, 可持续影响指标 → 效益, 服务对象满意度指标 → 满意度)."""

from workbooks import PUTUO_1_ROWS, STANDARD, standard

from jixiao.checks import run_checks
from jixiao.model import evaluate
from jixiao.read.workbook import read_tables

WITHOUT_LEVEL1 = STANDARD[1:]


def codes(path):
    found = []
    for table in read_tables(path):
        found.extend(run_checks(table, evaluate(table)))
    return [(finding.code, finding.message) for finding in found]


def test_no_level1_column_counts_each_row_by_its_level2(tmp_path):
    rows = [row[1:] for row in PUTUO_1_ROWS]  # the published table, its 一级 column left out
    assert codes(standard(tmp_path / "no-level1.xlsx", rows=rows, header=WITHOUT_LEVEL1)) == []


def test_a_missing_kind_is_still_missing_without_level1(tmp_path):
    rows = [row[1:] for row in PUTUO_1_ROWS[:4]]  # no 满意度 row: its 10 points elsewhere
    rows[0] = (*rows[0][:4], 15, 15, None)
    found = codes(standard(tmp_path / "no-satisfaction.xlsx", rows=rows, header=WITHOUT_LEVEL1))
    assert ("JX104", "缺少一级指标“满意度指标”") in found
    assert [code for code, _ in found if code == "JX104"] == ["JX104"]


def test_bare_level2_names_count_too(tmp_path):
    """数量 / 质量 / 时效 (no 指标 after them) are 产出's 二级 as 数量指标 is: no false JX104
    (缺少一级指标“产出指标”)."""
    bare = {"数量指标": "数量", "质量指标": "质量", "时效指标": "时效"}
    rows = [(bare.get(row[1], row[1]), *row[2:]) for row in PUTUO_1_ROWS]
    assert codes(standard(tmp_path / "bare-level2.xlsx", rows=rows, header=WITHOUT_LEVEL1)) == []
