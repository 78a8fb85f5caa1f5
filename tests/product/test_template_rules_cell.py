"""The 评分规则 cell of jixiao's templates (rt23): ``jixiao recalc`` and ``jixiao check``
read it by the one rule (``rules.rule_name``), and a word naming no rule set is told once,
at its cell, by both."""

from __future__ import annotations

import pytest
from test_real_shapes_clerk import filled, findings

from jixiao.cli.main import main
from jixiao.pipeline import check_workbook

UNKNOWN = ("“filled.xlsx”的评分规则单元格 自评表!K2 填的是“浙江”，不是 jixiao 能识别的评分规则，"
           "模板的公式不按它计分（10 个得分单元格显示 ⚠，总分和评分等级算不出）：请把 自评表!K2 改为 "
           "mof2020、ratio、sichuan 之一（也可写“比例法”“四川”“财预〔2020〕10号”“财政部”）后重算")


def _rules(word):
    def change(book, sheet):
        sheet["K2"] = word
    return change


@pytest.mark.parametrize("formulas", ["addin", "native"])
def test_recalc_tells_an_unknown_rules_word_once_at_its_cell(tmp_path, formulas, capsys):
    """Was eleven ⚠ lines, one per score and the 总分, none naming K2 (the addin's also
    repeating the rule sets); check says JX505 at K2. The file written still shows ⚠ (the
    formulas do not score by 浙江): exit 1, as for any incomplete result."""
    path = filled(tmp_path, _rules("浙江"), formulas)
    out = tmp_path / "out.xlsx"
    assert main(["recalc", str(path), "-o", str(out)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[1:] == [UNKNOWN, "结果不完整（退出码 1）：得分、总分和评分等级未能算出"]
    assert [line.split(" ", 3)[:3] for line in findings(out)] == [["JX505", "warning", "K2"]]


@pytest.mark.parametrize("formulas", ["addin", "native"])
def test_another_warning_under_an_unknown_rules_word_is_still_listed(tmp_path, formulas, capsys):
    """The neighbour that must not change: a ⚠ of its own (全年执行数 left blank) is listed
    with its cell as before, after the 评分规则 line."""
    def change(book, sheet):
        _rules("浙江")(book, sheet)
        sheet["F6"] = None

    path = filled(tmp_path, change, formulas)
    assert main(["recalc", str(path), "-o", str(tmp_path / "out.xlsx")]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[1] == UNKNOWN
    assert lines[2] == "有 3 个单元格显示 ⚠（规则无法计算，请按提示修改输入）："
    assert [line.split()[0] for line in lines[3:6]] == ["自评表!H6", "自评表!I6", "自评表!H43"]


# ------------------------------------------------- the native template reads it as check does

RULE_WORDS_READ = [("四川", 98.84), ("比例法", 98.93), (" Sichuan（四川） ", 98.84),
                   ("财预〔2020〕10号", 98.84)]


@pytest.mark.parametrize(("word", "total"), RULE_WORDS_READ)
def test_the_native_template_scores_by_the_rule_set_its_rules_word_names(tmp_path, word, total):
    """Was: the native formulas took only mof2020/ratio/sichuan as typed, so a 评分规则 of
    四川 — sichuan to check and to the JX_ functions — showed ⚠ in every 得分, and the
    annotated copy stored 总分 “⚠ 有得分未能计算” (check: 98.84, 优); a recalculated file
    then had JX406 and JX504 (“按四川省规则重新计算应为 5”) on every row, which no
    recalculation mended. The copy now stores the core's total and grade, and LibreOffice
    shows them."""
    from libreoffice import error_cells, sheets_as_shown, shown
    from openpyxl import load_workbook

    from jixiao.layout import SHEET

    path = filled(tmp_path, _rules(word), "native")
    [checked] = check_workbook(path).tables
    evaluation = checked.evaluation
    assert (evaluation.total, evaluation.grade) == (total, "优")
    copy = tmp_path / "annotated.xlsx"
    assert main(["check", str(path), "--annotate", str(copy)]) == 0
    form = load_workbook(copy, data_only=True)[SHEET]
    assert (form["H43"].value, form["H44"].value) == (evaluation.total, evaluation.grade)
    sheets = sheets_as_shown(copy, tmp_path / "lo")
    assert not error_cells(sheets)
    assert [shown(sheets[SHEET], ref) for ref in ("H43", "H44")] == [f"{total:g}", "优"]
    out = tmp_path / "out.xlsx"
    assert main(["recalc", str(path), "-o", str(out)]) == 0
    assert findings(out) == []


def test_a_word_naming_no_rule_set_still_shows_warnings_in_the_native_template(tmp_path):
    """The neighbour that must not change: 浙江 names no rule set (JX505), and the native
    formulas give no score under it, as the JX_ functions give none."""
    from openpyxl import load_workbook

    from jixiao import native
    from jixiao.layout import SHEET

    path = filled(tmp_path, _rules("浙江"), "native")
    copy = tmp_path / "annotated.xlsx"
    main(["check", str(path), "--annotate", str(copy)])
    form = load_workbook(copy, data_only=True)[SHEET]
    assert (form["H13"].value, form["H43"].value) == (native.WARN_RULES, native.WARN_TOTAL)


def test_an_older_native_template_is_computed_as_its_own_formulas_read_the_rules_cell():
    """A native template written before rt23 reads the 评分规则 cell by the exact name
    (LOWER(TRIM(JX_Rules))): recalc stores what its formulas show there, ⚠ for 四川."""
    from jixiao import native

    inputs = {"K2": "四川", "E13": "≥5人", "F13": "5人", "G13": 10}
    older = '=IF(AND(E13="",F13="",AB13=""),"",IF(AND(LOWER(TRIM(JX_Rules))<>"",…'
    for formula, score in ((None, 10), (lambda ref: older, native.WARN_RULES)):
        assert native.native_results(inputs.get, formula)["H13"] == score


@pytest.mark.parametrize("word", ["四川", "比例法", "mof2020", "RATIO ", "sichuan（四川）",
                                  "财预〔2020〕10号", "财政部规则", "比例 法", "四\n川", "浙江",
                                  "省标准", "mof2020、ratio 或 sichuan", "", None, 2020,
                                  "mof2020 比例法"])
def test_the_native_reading_of_the_rules_cell_is_rules_rule_name(word):
    from jixiao import native
    from jixiao.rules import rule_name

    expected = rule_name(str(word)) if word not in (None, "") else ""
    assert native.rule_set_key(word) == (expected if expected is not None else "?")
