"""The 总分 row's written 分值合计 and what stands between the indicators and the 总分
(red team round 10: D3, M4, M1): a 分值合计 under the 分值 column is no 总分, a wrong one
is an error in its own cell, and a signature line typed above the 总分 row does not end
the table."""

import pytest
from test_real_shapes import checked, codes
from test_real_shapes_exports import four_level_sheet
from test_real_shapes_totals import ROWS, TOTAL, table


def score_sheet(path, weight_total, total):
    """The 2017 four-level 评价得分表 with the given 总分 row: (its path, the 总分 row)."""
    book, _, row = four_level_sheet(weight_total, total)
    return book.save(path), row


def _cells(data):
    return sorted((found["code"], found["cell"]) for found in data["findings"])


def test_a_correct_weight_total_gives_nothing(tmp_path):
    """分值合计 100 and 总分 99, each in its column: no finding (also "100分")."""
    for weight_total in (100, "100分"):
        path, _ = score_sheet(tmp_path / "t.xlsx", weight_total, 99)
        _, data = checked(path)
        assert codes(data) == [] and data["total_declared"] == 99


def test_a_weight_total_with_the_total_unfilled_is_no_total(tmp_path):
    """分值合计 97 under 分值, 得分 empty (D3): the 97 is the 分值合计, not the 总分 — the
    总分 is not filled in (as with 100 there), and the 97 is wrong in its own cell (before:
    JX501 "总分写为 97" at the 分值 cell)."""
    path, row = score_sheet(tmp_path / "t.xlsx", 97, None)
    _, data = checked(path)
    assert _cells(data) == [("JX101", f"E{row}"), ("JX501", f"F{row}")]
    messages = {found["code"]: found["message"] for found in data["findings"]}
    assert "未填写" in messages["JX501"]
    assert "分值合计写为 97" in messages["JX101"] and "100" in messages["JX101"]


def test_a_total_typed_under_the_weight_column_is_still_the_total(tmp_path):
    """The 总分 typed under 分值 (得分 empty) where it is the written scores' sum: the total."""
    path, _ = score_sheet(tmp_path / "t.xlsx", 99, None)
    _, data = checked(path)
    assert codes(data) == [] and data["total_declared"] == 99


@pytest.mark.parametrize("total", [99, 98])
def test_a_wrong_weight_total_beside_the_total_is_an_error(tmp_path, total):
    """分值合计 97 with the 总分 filled (M4): an error at the 分值合计 (before: nothing); a
    wrong 总分 beside it is still JX501."""
    path, row = score_sheet(tmp_path / "t.xlsx", 97, total)
    _, data = checked(path)
    expected = [("JX101", f"E{row}")] + ([("JX501", f"F{row}")] if total != 99 else [])
    assert _cells(data) == expected
    [weights] = [found for found in data["findings"] if found["code"] == "JX101"]
    assert weights["message"].startswith("分值合计写为 97，各指标分值之和为 100")


def test_a_wrong_weight_total_in_the_standard_form_is_an_error(tmp_path):
    """The standard form's 总分 row "总分 | 95 | 99" (执行率 10 + indicators 90 = 100): an
    error at the 分值合计; "总分 | 100 | 99" gives nothing."""
    def closing(weight_total):
        def write(sheet):
            sheet.total(weight_total, TOTAL)
            sheet.grade("优")
        return write

    _, data = checked(table(tmp_path / "t.xlsx", closing(100)))
    assert codes(data) == []
    _, data = checked(table(tmp_path / "u.xlsx", closing(95)))
    assert _cells(data) == [("JX101", "G12")]


SIGNATURE = "单位负责人：王某   填表人：李某   日期：2024年2月1日"


@pytest.mark.parametrize("total", [TOTAL, 97])
def test_a_signature_line_above_the_total_does_not_end_the_table(tmp_path, total):
    """A 签字 line typed between the last indicator and the 总分 row (M1): the 总分 and the
    grade below are read (before: neither, a wrong total passed)."""
    def closing(grade):
        def write(sheet):
            sheet.line(SIGNATURE)
            sheet.total(100, total)
            sheet.grade(grade)
        return write

    _, data = checked(table(tmp_path / "t.xlsx", closing("优")))
    assert (data["total_declared"], data["grade_declared"]) == (total, "优")
    assert _cells(data) == ([] if total == TOTAL else [("JX501", "H13")])
    _, data = checked(table(tmp_path / "u.xlsx", closing("良")))
    assert ("JX502", "B14") in _cells(data)


def test_a_signature_line_under_the_total_still_ends_the_table(tmp_path):
    """The signature line under the 总分 and 等级, an indicator-like row below it: not read."""
    def closing(sheet):
        sheet.total(100, TOTAL)
        sheet.grade("优")
        sheet.line(SIGNATURE)
        sheet.line(*ROWS[0][:5])

    _, data = checked(table(tmp_path / "t.xlsx", closing))
    assert codes(data) == []


@pytest.mark.parametrize("weight_total", ["100 100", "25 75"])
def test_a_weight_total_of_two_numbers_run_together_is_told(tmp_path, weight_total):
    """rt31 r9 f_tot1: “100 100” (two cells a converter ran into one) is no 分值合计 of
    100,100, nor one to pass over: JX101 in its cell, as two numbers (before the fix of
    parse_points: “分值合计写为 100100”; with it, nothing)."""
    path, row = score_sheet(tmp_path / "t.xlsx", weight_total, 99)
    _, data = checked(path)
    assert _cells(data) == [("JX101", f"E{row}")]
    [jx101] = data["findings"]
    assert jx101["message"].startswith(f"分值合计写为“{weight_total}”，是两个数，不是一个分值；"
                                       "各指标")
