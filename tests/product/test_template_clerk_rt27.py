"""A clerk fills jixiao's templates (the JX_ add-in one and the native-formula one) and
recalculates (user test rt27): the two give the same scores, ``jixiao check`` flags no
error on a sound fill and points at no locked cell."""

from __future__ import annotations

import pytest
from test_real_shapes_clerk import filled, findings, recalculated, shown


def _rate_points_moved_onto_row_30(book, sheet):
    sheet["G6"] = None  # the 执行率's 10 points moved onto 受益建档立卡贫困人口数: 30 → 40
    sheet["G30"] = 40


@pytest.mark.parametrize("formulas", ["addin", "native"])
def test_a_blank_rate_points_beside_indicators_of_100_scores_no_rate(tmp_path, formulas):
    """The indicators total 100 (90 + the 10 moved), the 执行率's 分值 G6 left blank: the
    rate is not scored (I6 shows “—”). The sound fill's 98.84 = 10 (rate 30/30) + 88.84; now the row
    30's 40 points are full (87 ≥ 80), so 88.84 + 10 = 98.84 without any 执行率得分 —
    was I6 10 (a blank 分值 taken as 10), 总分 108.84 above 100."""
    path = recalculated(filled(tmp_path, _rate_points_moved_onto_row_30, formulas))
    assert shown(path, "I6", "G43", "H43", "H44") == ["—", 100, 98.84, "优"]
    assert findings(path) == []


def test_jx_exec_score_given_the_rules_scores_no_rate_for_a_blank_points():
    from jixiao import cellfuncs
    # 分值 × 执行率 = 10 × 95.5 % = 9.55 where a 分值 is given or the rules give one
    assert cellfuncs.execution_score(0.955, 10, "mof2020") == 9.55
    assert cellfuncs.execution_score(0.955, "", "四川") == 9.55
    assert cellfuncs.execution_score(0.955, "", "mof2020") == "—"
    assert cellfuncs.execution_score("", "", "mof2020") == "—"  # money blank too: not scored
    assert cellfuncs.execution_score(0.955, "") == 9.55  # an older template: no rules, 10
    assert cellfuncs.total("—", [[40], [50.5]]) == 90.5  # the 总分 skips it


def _reason_in_judged_column(book, sheet):
    sheet["I15"] = None  # the reason for 4604 of ≥4754 typed in the 人工评分 column J15
    sheet["J15"] = "部分人员死亡或转入低保"


@pytest.mark.parametrize("formulas", ["addin", "native"])
def test_a_reason_typed_in_the_judged_column_is_pointed_at_there(tmp_path, formulas):
    """人工评分 J15 holds words: the formulas cannot score row 15 (5 × 4604/4754 = 4.84);
    the finding is at J15 (a number wanted there), not at the 指标值 E15 ≥4754人 with
    advice to rewrite it — was JX406 at E15 for the add-in template."""
    path = recalculated(filled(tmp_path, _reason_in_judged_column, formulas))
    found = findings(path)
    assert [line.split(" ", 3)[:3] for line in found if line.startswith("JX406")] == [
        ["JX406", "warning", "J15"]]
    # a quantitative row wants no 人工评分: the reason belongs in 偏差原因 (rt32, JX406 said
    # 请在该格只填数字, and a number typed there is not counted either: JX413)
    assert any("是定量指标，人工评分“部分人员死亡或转入低保”使表格公式不能计分" in line
               for line in found)


def _weights_typed_as_percent_text(book, sheet):
    sheet["G13"] = "5%"  # pasted as text: neither formula reads it (JX_POINTS reads 5% numbers)


@pytest.mark.parametrize("formulas", ["addin", "native"])
def test_a_weight_typed_as_percent_text_is_pointed_at_in_its_cell(tmp_path, formulas):
    """The 分值 G13 “5%” is text: the finding is at G13 — was JX406 at E13 (the 指标值) for
    the add-in template."""
    path = recalculated(filled(tmp_path, _weights_typed_as_percent_text, formulas))
    found = [line for line in findings(path) if line.startswith("JX406")]
    assert [line.split(" ", 3)[:3] for line in found] == [["JX406", "warning", "G13"]]
    assert "分值“5%”是文字" in found[0]


@pytest.mark.parametrize("formulas", ["addin", "native"])
def test_the_deduction_of_a_row_the_formulas_cannot_score_still_wants_its_reason(
        tmp_path, formulas):
    """Row 15 (4604 of ≥4754人, 5 points) scores 5 × 4604/4754 = 4.84 by the rules: its
    偏差原因 I15 is empty (the reason went into J15), so JX405 at I15 — was none."""
    path = recalculated(filled(tmp_path, _reason_in_judged_column, formulas))
    assert "JX405 error I15 “特困人员救助供养人数(按月平均)”按财政部规则得 4.84 分（满分 5），" \
        "须说明偏差原因" in findings(path)


def _rate_rounded_by_hand(book, sheet):
    sheet["F6"] = sheet["F7"] = 28.65  # 28.65 ÷ 30 = 95.5 %
    sheet["H6"] = 0.96  # typed over the rate's formula, rounded by hand


@pytest.mark.parametrize("formulas", ["addin", "native"])
def test_a_rate_rounded_by_hand_over_its_formula_is_an_error_giving_the_rules_rate(
        tmp_path, formulas):
    """0.96 typed over H6 where 28.65 ÷ 30 = 95.5 %: the formulas score 10 × 96 % = 9.6,
    not 9.55, so the 总分 moves by 0.05 — an error (JX503's docstring: in the template a
    typed number other than the rules' is one, with the rules' number); was a warning."""
    path = recalculated(filled(tmp_path, _rate_rounded_by_hand, formulas))
    assert "JX503 error H6 “年度资金总额”的执行率是手工填写的“0.96”，覆盖了原有公式；按财政部规则应为 " \
        "95.5%，请撤销这次修改（Ctrl+Z），或从 jixiao new 新建的模板中复制同一位置的公式恢复" \
        in findings(path)


def _rate_typed_as_text(book, sheet):
    sheet["F6"] = sheet["F7"] = 28.65  # 28.65 ÷ 30 = 95.5 %
    sheet["H6"] = "95.5%"  # typed as text over the rate's formula: the rules' number


@pytest.mark.parametrize("formulas", ["addin", "native"])
def test_a_rate_typed_as_text_over_its_formula_is_no_finding_at_the_locked_score(
        tmp_path, formulas):
    """“95.5%” typed over H6 is the rate B ÷ A gives: JX503 (a warning) at H6 only — was,
    for the native template, JX401 “执行率得分 95.5 大于分值 10” at the locked I6 (its
    formula passed the text on) and a JX504 without a cell."""
    path = recalculated(filled(tmp_path, _rate_typed_as_text, formulas))
    found = findings(path)
    assert [line.split(" ", 3)[:3] for line in found] == [["JX503", "warning", "H6"]], found


def _weights_with_a_points_word(book, sheet):
    sheet["G6"], sheet["G13"], sheet["G14"], sheet["G40"] = "10分", "5分", " 5 ", "１０ 分"


@pytest.mark.parametrize("formulas", ["addin", "native"])
def test_weights_written_with_fen_or_spaces_count_alike_in_both_templates(tmp_path, formulas):
    """“10分”, “5分”, “ 5 ”, “１０ 分” are the 分值 10, 5, 5, 10: the sound fill's 100 points
    and 98.84 in both templates, no finding — was, in the native one, ⚠ 分值为空或无效 on
    those rows and a 分值合计 without them (JX_: read as numbers)."""
    path = recalculated(filled(tmp_path, _weights_with_a_points_word, formulas))
    assert shown(path, "I6", "H13", "H14", "H40", "G43", "H43", "H44") == \
        [10, 5, 5, 10, 100, 98.84, "优"]
    assert findings(path) == []


@pytest.mark.parametrize("change, expected", [
    # G6 blank, indicators 100: no 执行率得分, 总分 98.84 of the indicators alone
    (_rate_points_moved_onto_row_30, {"I6": "—", "G43": "100", "H43": "98.84"}),
    # “10分”, “ 5 ”, “１０ 分”: points as the numbers
    (_weights_with_a_points_word, {"I6": "10", "H13": "5", "G43": "100", "H43": "98.84"}),
    # “95.5%” typed over H6: ⚠ in I6, no total — not 95.5 passed on as a score
    (_rate_typed_as_text, {"I6": "⚠ 执行率“95.5%”是文字，不能计算执行率得分",
                           "H43": "⚠ 有得分未能计算，总分无法合计"}),
])
def test_libreoffice_recalculating_the_native_template_shows_what_jixiao_stored(
        tmp_path, change, expected):
    """The native formulas in a real spreadsheet program (LibreOffice, recalculating on
    load) show what ``jixiao recalc`` stored for the same inputs."""
    from libreoffice import error_cells, sheets_as_shown
    from libreoffice import shown as lo_shown

    path = recalculated(filled(tmp_path, change, "native"))
    stored = dict(zip(expected, shown(path, *expected), strict=True))
    sheets = sheets_as_shown(path, tmp_path / "lo", recalculate=True)
    rows = sheets["自评表"]
    assert not error_cells({"自评表": rows})
    seen = {ref: lo_shown(rows, ref) for ref in expected}
    assert seen == expected
    assert {ref: str(value) if not isinstance(value, float) else f"{value:g}"
            for ref, value in stored.items()} == expected
