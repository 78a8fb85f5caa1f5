"""A unit's own table whose 得分 column holds formulas on some rows and a typed score on
another (red team rt25-e 2). The met rows hold =G11 … (得分 = 分值); the missed 满意度 row
holds 9.79 typed (10 × 93 ÷ 95, the deduction explained). Before, JX503 told the unit to
restore the “overwritten formula” by copying from a neighbouring row — =G15 would give 10,
full marks on a missed target. JX503 on such a table now speaks only where the column's
formulas compute scores and the typed number is not what the rules give; jixiao's template
(JX_ formulas) is judged as before."""

from __future__ import annotations

import re
import zipfile

from workbooks import PUTUO_1_ROWS, Formula, standard

from jixiao.pipeline import check_workbook

REASON = "部分使用人员对机房搬迁期间的临时网络不满意，下年度加强沟通。"


def own_rows(formula, typed=9.79):
    """PUTUO_1_ROWS with the 满意度 row missed (≥95%, 93%: 9.79 by the rules) and its score
    typed; every other score a ``formula(row)`` with its result."""
    rows = [(*row[:6], Formula(formula(11 + i), row[6]), row[7])
            for i, row in enumerate(PUTUO_1_ROWS[:4])]
    *head, _, _, _, _, _ = PUTUO_1_ROWS[4]
    rows.append((*head, "≥95%", "93%", 10, typed, REASON))
    return rows


def checked(path):
    result = check_workbook(path)
    assert result.error is None, result.error
    return [(item.code, item.cell, item.message) for item in result.findings]


def test_a_score_typed_as_the_rules_give_it_beside_copies_of_the_weight(tmp_path):
    path = standard(tmp_path / "t.xlsx", rows=own_rows(lambda row: f"=G{row}"),
                    total=(100, 99.77))
    assert checked(path) == []


def test_a_score_typed_beside_a_filled_down_shared_formula(tmp_path):
    """=G11 filled down (Excel stores one shared formula, its followers without text)."""
    path = standard(tmp_path / "t.xlsx", rows=own_rows(lambda row: f"=G{row}"),
                    total=(100, 99.77))
    with zipfile.ZipFile(path) as archive:
        parts = {info.filename: archive.read(info) for info in archive.infolist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    sheet = sheet.replace("<f>G11</f>", '<f t="shared" ref="H11:H14" si="0">G11</f>')
    sheet, count = re.subn(r"<f>G1[234]</f>", '<f t="shared" si="0"/>', sheet)
    assert count == 3
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    assert checked(path) == []


def test_a_wrong_score_typed_beside_copies_of_the_weight_is_no_formula_to_restore(tmp_path):
    """7 typed where the rules give 9.79: JX404 says so; no JX503 sending the unit to a
    neighbour's =G14, which would give full marks."""
    path = standard(tmp_path / "t.xlsx", rows=own_rows(lambda row: f"=G{row}", typed=7),
                    total=(100, 96.98))
    assert [code for code, _, _ in checked(path)] == ["JX404"]


SCORING = '=IF(F{0}="达成指标",G{0},0)'  # the unit's own score formula: reads the 完成值


def test_a_score_typed_as_the_rules_give_it_beside_score_formulas(tmp_path):
    path = standard(tmp_path / "t.xlsx", rows=own_rows(SCORING.format), total=(100, 99.77))
    assert checked(path) == []


def test_a_wrong_score_typed_over_a_column_of_score_formulas_is_still_reported(tmp_path):
    """The neighbouring shape that must not change: score formulas, one row typed with a
    number the rules do not give."""
    path = standard(tmp_path / "t.xlsx", rows=own_rows(SCORING.format, typed=7),
                    total=(100, 96.98))
    assert checked(path) == [
        ("JX404", "H15", "“服务对象满意度”得分 7，按财政部规则应为 9.79（正向指标：分值 × 实际完成值 ÷ 年度指标值）"),
        ("JX503", "H15", "“服务对象满意度”的得分是手工填写的“7”，覆盖了原有公式；请从相邻行复制公式恢复")]


def test_a_score_formula_reading_its_row_through_offset_computes_scores(tmp_path):
    """=IF(OFFSET(G11,0,-1)="达成指标",G11,0) reads the 完成值 (F11) though its text names
    only the 分值: a formula whose cells its text does not tell (``_areas_read``: OFFSET,
    INDIRECT, a name) may read anything, so the column computes scores and a wrong number
    typed over it is an overwritten formula. (Before, a second reader of the formula's
    text saw only G11 — copies of the 分值 — and said nothing of the overwritten formula.)"""
    offset = '=IF(OFFSET(G{0},0,-1)="达成指标",G{0},0)'.format
    path = standard(tmp_path / "t.xlsx", rows=own_rows(offset, typed=7), total=(100, 96.98))
    assert checked(path) == [
        ("JX404", "H15", "“服务对象满意度”得分 7，按财政部规则应为 9.79（正向指标：分值 × 实际完成值 ÷ 年度指标值）"),
        ("JX503", "H15", "“服务对象满意度”的得分是手工填写的“7”，覆盖了原有公式；请从相邻行复制公式恢复")]


def test_what_a_formula_s_text_tells_it_reads():
    """The one reader of a formula's references (``_areas_read``), as the 得分 column's
    formulas are judged by it: a defined name written in Chinese (=得分率*G11) tells
    nothing of what it reads, as an ASCII one does; a number written with an exponent
    (=G11*1E0) is no name; the 分值 alone, read twice, is the 分值 alone."""
    from types import SimpleNamespace

    from jixiao.checks.totals import _areas_read, _reads_beyond_weight

    weight = SimpleNamespace(sources={"weight": SimpleNamespace(cell="G11")})
    assert _areas_read("=得分率*G11") is None and _areas_read("=RATE*G11") is None
    assert _areas_read("=G11*1E0") == [(11, 7, 11, 7)]
    assert [_reads_beyond_weight(weight, formula) for formula in
            ("=ROUND($G$11,2)", "=MIN(G11,G11:G11)", "=G11*1E0", "=得分率*G11", "=G11+F11")] \
        == [False, False, False, True, True]
