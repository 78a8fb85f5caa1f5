"""rt31 r6: a 发放花名册 of 20,000 rows kept beside the 自评表 and summed by one
``=SUM(H2:H20001)/10000`` made ``jixiao recalc`` refuse the workbook (“约 176,593 个计算单元，
上限 60,000”), refuse again when the limit was raised as advised (the estimate had grown to
228,839), and give up after a minute at 640 MB when raised further. The general engine loaded
every typed-in cell of the roster; now it loads the cells formulas read, SUM, COUNT … over a
long range of typed-in values are computed in Python (``plain_ranges``), and the estimate
counts what is loaded."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest

from jixiao.errors import JixiaoError
from jixiao.recalc import plain_ranges
from jixiao.recalc.workbook import recalculate
from jixiao.recalc.workload import check_workload, formula_work
from jixiao.xlsx.package import Package

ROWS = 3000


def _amount(index: int) -> object:
    """金额(元) of roster row ``index``: 100–180 yuan, a few not filled in or written as text."""
    if index % 500 == 7:
        return None
    if index % 700 == 3:
        return "待核"
    return 100 + index % 9 * 10


def _roster(path: Path, rows: int = ROWS, formula_per_row: bool = False) -> Path:
    book = openpyxl.Workbook()
    summary = book.active
    summary.title = "汇总"
    roster = book.create_sheet("发放花名册")
    roster.append(["序号", "姓名", "身份证号", "街道", "居委", "补贴类别", "月份", "金额(元)"])
    for index in range(1, rows + 1):
        roster.append([index, f"居民{index:05d}", f"31010719410101{index:04d}", "长寿路街道",
                       f"第{index % 7}居委", "助餐" if index % 3 == 0 else "居家养老",
                       index % 12 + 1, _amount(index)])
        if formula_per_row:
            roster[f"I{index + 1}"] = f"=H{index + 1}*2"
    last = rows + 1
    roster["J2"] = f"=SUM(H2:H{last})/10000"
    summary["A1"] = "=发放花名册!J2"
    summary["A2"] = f"=COUNT(发放花名册!H2:H{last})"
    summary["A3"] = f"=COUNTA(发放花名册!H2:H{last})"
    summary["A4"] = f"=ROUND(AVERAGE(发放花名册!$H$2:$H${last}),4)"
    summary["A5"] = f"=MAX(发放花名册!H2:H{last})-MIN(发放花名册!H2:H{last})"
    summary["A6"] = "=A1*2"
    book.save(path)
    return path


def _amounts(rows: int = ROWS) -> list[int]:
    return [amount for amount in map(_amount, range(1, rows + 1)) if isinstance(amount, int)]


def test_a_long_roster_summed_by_one_formula_is_computed_within_a_low_limit(tmp_path, monkeypatch):
    path = _roster(tmp_path / "花名册.xlsx")
    # before: 3,001 rows × 10 columns of used area counted as 30,010 units, refused
    monkeypatch.setenv("JIXIAO_MAX_FORMULA_WORK", "8000")
    amounts = _amounts()
    total = sum(amounts)  # hand-checkable: 3000 rows, 6 blank, 5 “待核”
    assert len(amounts) == 3000 - 6 - 5
    values = recalculate(path).values
    assert values["发放花名册"]["J2"] == pytest.approx(total / 10000)
    assert values["汇总"] == pytest.approx({
        "A1": total / 10000, "A2": 2989.0, "A3": 2994.0,  # COUNTA counts “待核”, not blanks
        "A4": round(total / 2989, 4), "A5": 80.0, "A6": total / 5000})


def test_the_roster_costs_its_file_cells_only(tmp_path):
    short = Package(_roster(tmp_path / "short.xlsx", 1500))
    long = Package(_roster(tmp_path / "long.xlsx", 3000))
    # 7 formulas of a few parts each; the roster's cells only as openpyxl holds them
    assert formula_work(short) - short.inspection.cells // 10 \
        == formula_work(long) - long.inspection.cells // 10 < 100


def test_genuine_formula_work_is_still_refused_and_the_advice_works(tmp_path, monkeypatch):
    path = _roster(tmp_path / "逐行公式.xlsx", formula_per_row=True)  # 3000 × =H2*2, not folded
    monkeypatch.setenv("JIXIAO_MAX_FORMULA_WORK", "8000")
    with pytest.raises(JixiaoError, match=r"约 ([\d,]+) 个计算单元，上限 8,000.*"
                                          r"JIXIAO_MAX_FORMULA_WORK 设为 (\d+) 以上") as refused:
        recalculate(path)
    counted = str(refused.value).split("约 ")[1].split(" ")[0].replace(",", "")
    advised = str(refused.value).split("设为 ")[1].split(" ")[0]
    assert advised == counted  # copied as shown: no thousands commas the variable refuses
    monkeypatch.setenv("JIXIAO_MAX_FORMULA_WORK", advised)
    check_workload(Package(path))  # the number the message names is enough


def test_folded_calls_agree_with_the_engine(tmp_path, monkeypatch):
    """The reference path: the same calls over short ranges, folded and through formulas."""
    book = openpyxl.Workbook()
    sheet = book.active
    for row, value in enumerate([3, 4.5, "12", True, None, -2], start=1):
        sheet[f"A{row}"] = value  # "12" and TRUE in a range are left out, as the blank
    sheet["B1"], sheet["B2"], sheet["C1"], sheet["C2"] = "#N/A", 1, "文字", None
    calls = ["SUM(A1:A6)", "COUNT(A1:A6)", "COUNTA(A1:A6)", "AVERAGE(A1:A6)", "MAX(A1:A6)",
             "MIN(A1:A6)", "SUM(A1:A6,Sheet!B2:B2)", "SUM(B1:B2)", "COUNT(B1:B2)",
             "AVERAGE(C1:C2)", "MAX(C1:C2)", "SUM(A1:A6)*2+1"]
    for row, call in enumerate(calls, start=1):
        sheet[f"E{row}"] = f"={call}"
    path = tmp_path / "对照.xlsx"
    book.save(path)
    engine = recalculate(path).values["Sheet"]
    monkeypatch.setattr(plain_ranges, "FOLD_FROM", 1)
    folded = recalculate(path).values["Sheet"]
    assert folded == engine
    assert [str(folded[f"E{row}"]) for row in range(1, len(calls) + 1)] == [
        "5.5", "3.0", "5.0", str(5.5 / 3), "4.5", "-2.0", "6.5", "#N/A", "1.0", "#DIV/0!",
        "0.0", "12.0"]


def test_a_range_holding_a_formula_is_left_to_the_engine():
    def read(area: plain_ranges.Area) -> list[object] | None:
        return None if area.sheet == "汇总" else [1.0] * area.cells

    assert plain_ranges.folded("SUM(汇总!A1:A2000)+SUM(花名册!H2:H2001)", read) \
        == "SUM(汇总!A1:A2000)+(2000.0)"
    assert plain_ranges.folded('SUMIF(H2:H2001,">0")&"SUM(H2:H2001)"', read) \
        == 'SUMIF(H2:H2001,">0")&"SUM(H2:H2001)"'
    assert plain_ranges.folded("SUM(H2:H20)", read) == "SUM(H2:H20)"  # short: the engine's


def test_too_much_work_says_where_it_is_and_what_can_compute_it(tmp_path, monkeypatch):
    """rt34 r7 #3: “请在 Excel 中重算” was a dead end for a workbook of JX_ functions (an
    Excel without the add-in cannot compute them). The refusal names the sheet holding
    most of the work, the add-in's 一键重算 where JX_ functions are used, and moving a
    ledger of its own formulas out — never the sheet of the JX_ functions."""
    monkeypatch.setenv("JIXIAO_MAX_FORMULA_WORK", "2000")
    plain = _roster(tmp_path / "逐行公式.xlsx", 800, formula_per_row=True)
    with pytest.raises(JixiaoError) as refused:
        check_workload(Package(plain))
    said = str(refused.value)
    # its share of the work, and how many formulas it holds (rt35 r7 #4: the share was
    # said to be its formulas)
    assert re.search(r"，其中工作表“发放花名册”占约 [\d,]+ 个，含公式 801 个）", said), said
    assert "在 Excel、WPS 或 LibreOffice 中重算后保存" in said
    assert "把“发放花名册”另存为单独的工作簿" in said and "一键重算" not in said
    assert said.endswith(f"JIXIAO_MAX_FORMULA_WORK 设为 {formula_work(Package(plain))} 以上"
                         "（计算会很慢、占用大量内存）")

    book = openpyxl.load_workbook(plain)
    book["汇总"]["B1"] = "=JX_GRADE(A1)"
    book.save(scored := tmp_path / "自评表.xlsx")
    with pytest.raises(JixiaoError) as refused:
        check_workload(Package(scored))
    said = str(refused.value)
    assert "在装有 jixiao 加载项的 Excel 中打开，点“一键重算”后保存" in said
    assert "把“发放花名册”另存为单独的工作簿" in said

    book = openpyxl.load_workbook(plain)  # the work in the sheet of the JX_ functions
    book["发放花名册"]["K1"] = "=JX_GRADE(J2)"
    book.save(own := tmp_path / "大表.xlsx")
    with pytest.raises(JixiaoError) as refused:
        check_workload(Package(own))
    said = str(refused.value)
    assert "其中工作表“发放花名册”" in said and "另存为单独的工作簿" not in said
    assert "一键重算" in said
