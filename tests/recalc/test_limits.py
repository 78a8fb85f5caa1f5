"""The formula limits both engines share (recalc/limits.py)."""

from __future__ import annotations

from jixiao.recalc.limits import formula_nesting, formula_problem, formula_tokens, reference_areas
from jixiao.recalc.whole import clamped


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


def test_a_whole_column_is_cut_to_the_used_rows_unless_blanks_count():
    used = {None: (8, 4), "资金": (5, 4)}.get
    assert clamped('VLOOKUP("总额",资金!A:D,3,FALSE)+SUM($B:$B)', used) == \
        'VLOOKUP("总额",资金!A$1:D$5,3,FALSE)+SUM($B$1:$B$8)'
    assert clamped("SUM('资金'!2:3)", used) == "SUM('资金'!$A2:$D3)"
    assert clamped('SUM(无此表!A:A)&"A:A"', used) == 'SUM(无此表!A:A)&"A:A"'
    assert clamped('COUNTIF(A:A,">2")', used) == 'COUNTIF(A$1:A$8,">2")'
    for blanks_count in ('COUNTIF(A:A,"<>否")', 'COUNTIF(A:A,"")', "COUNTIF(A:A,C1)",
                         "COUNTBLANK(A:A)", "ROWS(A:A)", 'SUMPRODUCT((A:A="")*1)'):
        assert clamped(blanks_count, used) == blanks_count
