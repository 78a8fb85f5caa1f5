"""Where units write the 总分, the 评分等级 and the sum of their indicators (the red team's
layouts of correct tables): each is read where it stands, a correct table gives no
finding, and a wrong number is found in its own cell."""

import pytest
from test_real_shapes import FULLY_SPENT, QUALITATIVE_MET, checked, codes
from workbooks import Book

# 经办业务量 1.9 of ≥2 万件: 20 × 1.9/2 = 19 — 执行率 10 + indicators 89 = 99, graded 优
ROWS = [("产出指标", "数量指标", "经办业务量", "≥2 万件", "1.9 万件", 20, 19, "年末申报减少"),
        *QUALITATIVE_MET[1:]]
TOTAL = 99
# the columns of a table under the lead column 绩效指标 (A): 一级 B … 分值 G, 得分 H, 偏差原因 I;
# its rows: project 1, money 2–3, header 4, indicators 5–11, what closes it from 12
WEIGHT, SCORE, REASON = 7, 8, 9


def table(path, closing, rows=ROWS, money=FULLY_SPENT):
    """The 医保 table down to its indicator rows; ``closing(sheet)`` writes the rest."""
    book = Book()
    sheet = book.sheet("自评表")
    sheet.project("医保经办能力提升")
    if money:
        sheet.money(money)
    sheet.indicators(rows)
    closing(sheet)
    return book.save(path)


def _total_beside_label(sheet, total):
    sheet.line("总分", total)
    sheet.grade("优")


def _total_right_of_merged_label(sheet, total):
    row = sheet.line("总分", None, total)
    sheet.merge(row, 1, 2)
    sheet.grade("优")


def _total_and_grade_on_one_row(sheet, total):
    row = sheet.line("自评得分", None, total, None, None, "自评等级", "优")
    sheet.merge(row, 1, 2)


def _total_and_grade_on_one_row_unmerged(sheet, total):
    sheet.line("自评得分", total, None, None, "自评等级", "优")


def _total_under_the_weight_column(sheet, total):
    row = sheet.line("总分", *[None] * (WEIGHT - 2), total)
    sheet.merge(row, 1, WEIGHT - 1)
    sheet.grade("优")


def _total_in_weight_and_score_merged(sheet, total):
    row = sheet.line("总分", *[None] * (WEIGHT - 2), total)
    sheet.merge(row, 1, WEIGHT - 1)
    sheet.merge(row, WEIGHT, SCORE)
    sheet.grade("优")


BESIDE = {"beside": (_total_beside_label, "B12"),
          "merged-label": (_total_right_of_merged_label, "C12"),
          "grade-on-row": (_total_and_grade_on_one_row, "C12"),
          "grade-on-row-unmerged": (_total_and_grade_on_one_row_unmerged, "B12"),
          "under-weight": (_total_under_the_weight_column, "G12"),
          "weight-and-score-merged": (_total_in_weight_and_score_merged, "G12")}


@pytest.mark.parametrize("shape", BESIDE)
def test_a_total_beside_its_label_is_the_total(tmp_path, shape):
    """总分 | 98.5 beside the label (merged or not), 自评得分 | 98.5 | … | 自评等级 | 优 on
    one row, 98.5 under the 分值 column or in 分值 and 得分 merged: the 总分, wherever the
    得分 column's cell is empty (before: a false JX501 总分未填写)."""
    closing, cell = BESIDE[shape]
    _, data = checked(table(tmp_path / "t.xlsx", lambda sheet: closing(sheet, TOTAL)))
    assert codes(data) == []
    assert (data["total_declared"], data["grade_declared"]) == (TOTAL, "优")
    _, data = checked(table(tmp_path / "wrong.xlsx", lambda sheet: closing(sheet, 97)))
    [found] = data["findings"]
    assert (found["code"], found["cell"]) == ("JX501", cell)


def test_the_points_total_is_no_score(tmp_path):
    """总分 | 100 with the 得分 cell empty: the 100 is the 分值 total, the score is not
    filled in; with a score typed further right, that score is the total."""
    def unfilled(sheet):
        sheet.total(100, None)
        sheet.grade("优")

    _, data = checked(table(tmp_path / "t.xlsx", unfilled))
    [found] = data["findings"]
    assert (found["code"], found["cell"]) == ("JX501", "H12") and "未填写" in found["message"]

    def in_the_reason_column(sheet):
        row = sheet.total(100, None)
        sheet.put(row, REASON, TOTAL)
        sheet.grade("优")

    _, data = checked(table(tmp_path / "u.xlsx", in_the_reason_column))
    assert codes(data) == [] and data["total_declared"] == TOTAL


@pytest.mark.parametrize(("grade", "found"), [("优", []), ("良", ["JX502"]), ("无", [])])
def test_a_grade_typed_right_of_the_total_is_the_grade(tmp_path, grade, found):
    """总分 | 100 | 99 | 优, the grade in the 偏差原因 column of the 总分 row without a
    label of its own: the grade (before: not read, a wrong grade passed); a text that
    names no grade there is none."""
    def closing(sheet):
        row = sheet.total(100, TOTAL)
        sheet.put(row, REASON, grade)

    _, data = checked(table(tmp_path / "t.xlsx", closing))
    assert codes(data) == found and data["total_declared"] == TOTAL
    assert data["grade_declared"] == (None if grade == "无" else grade)
    if found:
        assert data["findings"][0]["cell"] == "I12"


@pytest.mark.parametrize(("total", "found"), [(TOTAL, []), (95, ["JX501"])])
def test_a_total_under_the_grade_row_is_read(tmp_path, total, found):
    """评分等级 | 优 printed above 总分 | 100 | 99: the total is read (before: the grade row
    ended the table, the total was never read and a wrong one passed silently)."""
    def closing(sheet):
        sheet.grade("优")
        sheet.total(100, total)

    _, data = checked(table(tmp_path / "t.xlsx", closing))
    assert codes(data) == found
    assert (data["total_declared"], data["grade_declared"]) == (total, "优")
    if found:
        assert data["findings"][0]["cell"] == "H13"
