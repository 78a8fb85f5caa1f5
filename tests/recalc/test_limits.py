"""The formula limits both engines share (recalc/limits.py)."""

from __future__ import annotations

from jixiao.recalc.limits import formula_nesting, formula_problem, formula_tokens, reference_areas


def test_formula_limits_are_excels_own_and_a_range_cap():
    assert formula_problem("JX_SCORE(D11,E11,F11)") is None
    assert sorted(reference_areas('SUM(A:B)+COUNT(3:4)+SUM(Sheet1!$A$1:$B$3)&"A:A"')) == [
        6, 2 * 16_384, 2 * 1_048_576]
    assert "引用的区域过大" in formula_problem("SUM(A:A)")
    assert formula_nesting('IF(("(((",1),2)') == 2
    assert "嵌套 65 层" in formula_problem("(" * 65 + "1" + ")" * 65)
    assert "超过 Excel 的上限 8192" in formula_problem("1+" * 4100 + "1")


def test_ranges_written_as_text_in_indirect_count_as_ranges():
    assert reference_areas('SUM(INDIRECT("A:J"))') == [10 * 1_048_576]
    assert reference_areas('INDIRECT("表!A1:B2")+INDIRECT("3:4")') == [4, 2 * 16_384]
    assert reference_areas('"A:J"&INDIRECT_X("A1")') == []


def test_a_range_past_column_z_counts_its_columns():
    assert reference_areas("SUM(AA1:AC2)") == [6]
    assert reference_areas("SUM(zz:aab)") == [3 * 1_048_576]  # ZZ = 702, AAB = 704


def test_formula_parts_are_counted_texts_whole():
    assert formula_tokens('IF(A1>0,"a,b",SUM(B1:B3))') == 13
