"""rt30 r6 1: SUBTOTAL and AGGREGATE, which the formulas package lacks, as Excel computes
them. Before, a 资金明细 sheet's 合计 =SUBTOTAL(9,C2:C5) linked into the 全年预算数 became
#NAME? (“未知的函数或名称”) in the general engine, and with it the 执行率, its score, the
总分 and the grade — an output worse than the input, whose stored 20 and 18.5 check read."""

from __future__ import annotations

import math
from pathlib import Path

import openpyxl
import pytest

from jixiao.recalc.workbook import recalc_file
from jixiao.samples import sample
from jixiao.template.build import build_template

# A1:A6: 10, 20, 30 (row 3 hidden by hand), a 小计 =SUBTOTAL(9,A1:A3) (60: a hand-hidden
# row is no filtered one), a text, 5. A10:A13: a filtered list (header, 1, 2 filtered out,
# 4). B1 =1/0, B2 7.
CASES = [
    ("=SUBTOTAL(9,A1:A6)", 65),             # 10+20+30+5: the 小计 and the text left out
    ("=SUBTOTAL(109,A1:A6)", 35),           # the hidden row 3 too
    ("=SUBTOTAL(9,A11:A13)", 5),            # 1+4: the row the filter hides left out
    ("=SUBTOTAL(109,A11:A13)", 5),
    ("=SUBTOTAL(2,A1:A6)", 4),              # COUNT: 10, 20, 30, 5
    ("=SUBTOTAL(3,A1:A6)", 5),              # COUNTA: the text counts, the 小计 not
    ("=SUBTOTAL(1,A1:A3)", 20),
    ("=SUBTOTAL(4,A1:A6)", 30),
    ("=SUBTOTAL(5,A1:A6)", 5),
    ("=SUBTOTAL(6,A1:A2)", 200),
    ("=SUBTOTAL(7,A1:A3)", 10),             # sample deviation of 10, 20, 30
    ("=SUBTOTAL(8,A1:A3)", math.sqrt(200 / 3)),
    ("=SUBTOTAL(10,A1:A3)", 100),
    ("=SUBTOTAL(11,A1:A3)", 200 / 3),
    ("=SUBTOTAL(9,A1:A2,A6)", 35),
    ("=SUBTOTAL(12,A1:A2)", "#VALUE!"),     # no such function number
    ("=SUBTOTAL(9,B1:B2)", "#DIV/0!"),      # an error among the cells is the result
    ("=SUBTOTAL(2,B1:B2)", 1),              # … but COUNT leaves it out
    ("=_xlfn.AGGREGATE(9,6,B1:B2)", 7),     # option 6: errors left out
    ("=AGGREGATE(9,4,B1:B2)", "#DIV/0!"),   # option 4: nothing left out
    ("=AGGREGATE(9,0,A1:A6)", 65),          # the 小计 left out, the hidden row counted
    ("=AGGREGATE(9,5,A1:A6)", 95),          # the hidden row left out, the 小计 (60) counted
    ("=AGGREGATE(9,4,A1:A6)", 125),
    ("=AGGREGATE(14,6,A1:A6,2)", 30),       # LARGE: 60, 30, …
    ("=AGGREGATE(15,6,A1:A3,1)", 10),       # SMALL
    ("=AGGREGATE(16,4,A1:A3,0.25)", 15),    # PERCENTILE.INC: rank 0.5 between 10 and 20
    ("=AGGREGATE(17,4,A1:A3,1)", 15),       # QUARTILE.INC
    ("=AGGREGATE(18,4,A1:A3,0.5)", 20),     # PERCENTILE.EXC: rank 0.5 × 4 = 2
    ("=AGGREGATE(19,4,A1:A3,1)", 10),       # QUARTILE.EXC: rank 0.25 × 4 = 1
    ("=AGGREGATE(12,4,A1:A3)", 20),         # MEDIAN
    ("=AGGREGATE(13,4,A1:A6)", "#N/A"),     # MODE.SNGL: no value met twice
]


@pytest.fixture(scope="module")
def recalculated(tmp_path_factory) -> dict[str, object]:
    folder: Path = tmp_path_factory.mktemp("subtotals")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "表"
    for ref, value in {"A1": 10, "A2": 20, "A3": 30, "A4": "=SUBTOTAL(9,A1:A3)", "A5": "文字",
                       "A6": 5, "A10": "金额", "A11": 1, "A12": 2, "A13": 4,
                       "B1": "=1/0", "B2": 7}.items():
        sheet[ref] = value
    sheet.row_dimensions[3].hidden = True
    sheet.auto_filter.ref = "A10:A13"
    sheet.auto_filter.add_filter_column(0, ["1", "4"])
    sheet.row_dimensions[12].hidden = True
    for row, (formula, _) in enumerate(CASES, start=1):
        sheet.cell(row, 3, formula)
    source = folder / "小计.xlsx"
    book.save(source)
    written, result = recalc_file(source, folder / "小计.recalc.xlsx")
    assert result.engine == "formulas"
    values = openpyxl.load_workbook(written, data_only=True)["表"]
    assert values["A4"].value == 60
    return {formula: values.cell(row, 3).value for row, (formula, _) in enumerate(CASES, start=1)}


@pytest.mark.parametrize(("formula", "shown"), CASES, ids=[case[0] for case in CASES])
def test_subtotal_and_aggregate_give_excels_answer(recalculated, formula, shown):
    expected = shown if isinstance(shown, str) else pytest.approx(shown)
    assert recalculated[formula] == expected


def test_a_total_of_amounts_summed_by_subtotal_scores_as_the_file_stored_it(tmp_path):
    """The putuo sample's 31.56 and 31.50 as the 合计 of a 资金明细 sheet (four lines each),
    linked into the 全年预算数 and 全年执行数: the same 99.98 优 as the amounts typed."""
    path = tmp_path / "p.xlsx"
    build_template(path, table=sample("putuo-1"))
    book = openpyxl.load_workbook(path)
    lines = book.create_sheet("资金明细")
    lines.append(["序号", "支出内容", "全年预算数", "全年执行数"])
    for number, (budget, spent) in enumerate([(12, 12), (10.56, 10.5), (6, 6), (3, 3)],
                                             start=1):
        lines.append([number, f"支出{number}", budget, spent])
    lines["B6"], lines["C6"], lines["D6"] = "合计", "=SUBTOTAL(9,C2:C5)", "=SUBTOTAL(9,D2:D5)"
    book["自评表"]["E6"], book["自评表"]["F6"] = "=资金明细!C6", "=资金明细!D6"
    book.save(path)
    written, result = recalc_file(path, tmp_path / "r.xlsx")
    assert result.engine == "formulas" and not result.failures and not result.left
    shown = openpyxl.load_workbook(written, data_only=True)
    assert (shown["资金明细"]["C6"].value, shown["资金明细"]["D6"].value) == pytest.approx(
        (31.56, 31.5))
    assert (shown["自评表"]["H43"].value, shown["自评表"]["H44"].value) == (99.98, "优")
