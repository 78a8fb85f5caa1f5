"""Round 24 (red team rt24 g/j): ``jixiao convert`` puts each money line in the template's
line its label means — 上年结转资金（专项债券） in 上年结转资金 (before: read as a part of
财政拨款 above it, listed as having no line, the converted file JX304); the lines funded by
a level of government (中央预算内投资, 省级补助资金, 区级财政资金 …) summed into 当年财政拨款
and named (before: listed, 当年财政拨款 left empty, JX304); and where the lines cannot all
be placed, no breakdown that contradicts the total. A correct table converts, is
recalculated and checks with no JX304 and its own 总分."""

import json

from openpyxl import load_workbook
from test_real_shapes import QUALITATIVE_MET, medical_insurance

from jixiao.cli.main import main
from jixiao.layout import FUND_ROWS
from jixiao.read.workbook import read_workbook

_TOTAL = ("年度资金总额", 3000, 3000, 2850, 10, "95%", 9.5)
_SPECIAL_BOND = [  # a 专项债 project's money, its carried-over bond money named so
    _TOTAL,
    ("其中：当年财政拨款", 2600, 2600, 2500, "—", None, "—"),
    ("  其中：一般公共预算", 600, 600, 550, "—", None, "—"),
    ("        地方政府专项债券", 2000, 2000, 1950, "—", None, "—"),
    ("上年结转资金（专项债券）", 400, 400, 350, "—", None, "—"),
    ("其他资金（单位自筹）", 0, 0, 0, "—", None, "—")]
_BY_LEVEL = [  # a 基本建设 project funded by each level of government, and carried over
    ("年度资金总额", 800, 1000, 960, 10, "96%", 9.6),
    ("其中：中央预算内投资", 500, 500, 500, "—", None, "—"),
    ("省级补助资金", 200, 200, 200, "—", None, "—"),
    ("市级补助资金", 100, 150, 130, "—", None, "—"),
    ("县级配套资金", 0, 100, 80, "—", None, "—"),
    ("上年结转资金", 0, 50, 50, "—", None, "—")]
_BOUGHT = [  # a 政府购买服务 project: 市级 / 区级财政资金, 上年结转
    ("年度资金总额", 240, 240, 228, 10, "95%", 9.5),
    ("其中：市级财政资金", 120, 120, 120, "—", None, "—"),
    ("区级财政资金", 100, 100, 90, "—", None, "—"),
    ("上年结转资金", 20, 20, 18, "—", None, "—")]
_NOTE = ("  注意：模板的资金栏只有当年财政拨款、上年结转资金、其他资金三行，"
         "原表的以下资金明细没有对应的行，未转入：")


def _source(path, money):
    total = 90 + money[0][-1]
    return medical_insurance(path, QUALITATIVE_MET, total, money=money)


def _convert(capsys, source, out):
    code = main(["convert", str(source), "-o", str(out)])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    assert code == 0
    return captured.out.splitlines()[1:]


def _checked(capsys, path):
    """(总分, the JX304 findings' cells) of ``path`` as ``jixiao check --json`` gives them."""
    main(["check", str(path), "--json"])
    data = json.loads(capsys.readouterr().out)
    return data["total_computed"], [f["cell"] for f in data["findings"] if f["code"] == "JX304"]


def _round_trip(tmp_path, capsys, money):
    """The source's (总分, JX304 cells), the convert notes, the template's money cells
    (年初预算数, 全年预算数, 全年执行数 of its four lines) and the recalculated (总分, JX304)."""
    source = _source(tmp_path / "原表.xlsx", money)
    out, recalculated = tmp_path / "模板.xlsx", tmp_path / "重算.xlsx"
    notes = _convert(capsys, source, out)
    assert main(["recalc", str(out), "-o", str(recalculated)]) == 0
    capsys.readouterr()
    sheet = load_workbook(out)["自评表"]
    cells = [tuple(sheet[f"{column}{row}"].value for column in "DEF") for row in FUND_ROWS]
    return _checked(capsys, source), notes, cells, _checked(capsys, recalculated)


def test_a_carried_over_line_with_a_bracketed_note_is_carried_over(tmp_path, capsys):
    """上年结转资金（专项债券） right under the bonds of 当年财政拨款: the money carried
    over, the 专项债券 only what it was — not a third part of 财政拨款."""
    parts = read_workbook(_source(tmp_path / "r.xlsx", _SPECIAL_BOND)).tables[0].funds.parts
    assert [(line.label, line.nested) for line in parts] == [
        ("当年财政拨款", False), ("一般公共预算", True), ("地方政府专项债券", True),
        ("上年结转资金(专项债券)", False), ("其他资金(单位自筹)", False)]
    source, notes, cells, converted = _round_trip(tmp_path, capsys, _SPECIAL_BOND)
    assert source == converted == (99.5, [])
    assert cells == [(3000, 3000, 2850), (2600, 2600, 2500), (400, 400, 350), (0, 0, 0)]
    assert notes == [_NOTE, "    “一般公共预算”（年初预算数 600，全年预算数 600，全年执行数 550）",
                     "    “地方政府专项债券”（年初预算数 2000，全年预算数 2000，全年执行数 1950）"]


def test_a_bond_with_a_note_under_fiscal_money_stays_part_of_it(tmp_path):
    """The neighbour that must not change: 政府性基金（专项债券） under 财政拨款 is one of
    the budgets 财政拨款 is made of, its note as the rest of its label."""
    money = [_TOTAL, ("其中：当年财政拨款", 2600, 2600, 2500, "—", None, "—"),
             ("一般公共预算", 600, 600, 550, "—", None, "—"),
             ("政府性基金（专项债券）", 2000, 2000, 1950, "—", None, "—"),
             ("上年结转资金", 400, 400, 350, "—", None, "—")]
    parts = read_workbook(_source(tmp_path / "r.xlsx", money)).tables[0].funds.parts
    assert [line.nested for line in parts] == [False, True, True, False]


def test_lines_by_level_of_government_are_summed_into_fiscal_money(tmp_path, capsys):
    """中央预算内投资, 省级补助资金, 市级补助资金, 县级配套资金: this year's money from a
    budget, together the template's 当年财政拨款, named in one note (before: each listed as
    having no line, 当年财政拨款 empty, the converted file JX304 in D6, E6 and F6)."""
    source, notes, cells, converted = _round_trip(tmp_path, capsys, _BY_LEVEL)
    assert source == converted == (99.6, [])
    assert cells == [(800, 1000, 960), (800, 950, 910), (0, 50, 50), (None, None, None)]
    assert notes == ["  注意：原表的“中央预算内投资”、“省级补助资金”、“市级补助资金”、“县级配套资金”"
                     "合计转入模板的“当年财政拨款”（年初预算数 800，全年预算数 950，全年执行数 910）"]


def test_city_and_district_fiscal_money_are_summed_too(tmp_path, capsys):
    source, notes, cells, converted = _round_trip(tmp_path, capsys, _BOUGHT)
    assert source == converted == (99.5, [])
    assert cells == [(240, 240, 228), (220, 220, 210), (20, 20, 18), (None, None, None)]
    assert notes == ["  注意：原表的“市级财政资金”、“区级财政资金”合计转入模板的“当年财政拨款”"
                     "（年初预算数 220，全年预算数 220，全年执行数 210）"]


def test_a_line_the_template_has_no_line_for_leaves_no_breakdown_against_the_total(
        tmp_path, capsys):
    """财政拨款 and 其他资金 placed, 银行贷款 not: the two written alone would add up to less
    than the total, an error the table has not — the three lines are left empty and said so."""
    money = [_TOTAL, ("其中：财政拨款", 2600, 2600, 2500, "—", None, "—"),
             ("其他资金", 100, 100, 100, "—", None, "—"),
             ("银行贷款", 300, 300, 250, "—", None, "—")]
    source, notes, cells, converted = _round_trip(tmp_path, capsys, money)
    assert source == converted == (99.5, [])
    assert cells == [(3000, 3000, 2850), (None,) * 3, (None,) * 3, (None,) * 3]
    assert notes == [
        "  注意：原表的资金明细不能都对应到模板的当年财政拨款、上年结转资金、其他资金三行，"
        "只转入一部分会与年度资金总额不符，这三行留空，请按原表填写；没有对应行的是：",
        "    “银行贷款”（年初预算数 300，全年预算数 300，全年执行数 250）"]


def test_a_table_whose_lines_do_not_add_up_keeps_its_error(tmp_path, capsys):
    """区级财政资金 执行 70 where 90 adds up: the lines are converted as written, the
    template's JX304 the table's own."""
    money = [*_BOUGHT[:2], ("区级财政资金", 100, 100, 70, "—", None, "—"), _BOUGHT[3]]
    source, _, cells, converted = _round_trip(tmp_path, capsys, money)
    assert cells[1] == (220, 220, 190)
    assert (source[1], converted[1]) == (["E3"], ["F6"])  # 全年执行数 in each
