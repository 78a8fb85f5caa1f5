"""The 评分规则 cell of jixiao's templates (rt23): ``jixiao recalc`` and ``jixiao check``
read it by the one rule (``rules.rule_name``), and a word naming no rule set is told once,
at its cell, by both."""

from __future__ import annotations

import pytest
from test_real_shapes_clerk import filled, findings

from jixiao.cli.main import main

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
