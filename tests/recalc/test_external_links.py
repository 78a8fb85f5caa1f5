"""jixiao recalc on formulas that read another workbook (=[1]汇总!B2): the value Excel stored
is kept and the cells depending on it are computed from it, in both engines (rt24-m: the
general engine wrote #REF! into 全年预算数 and every cell after it, check then said JX309)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hostile import _with_external, member, rezip

from jixiao.cli.main import main
from jixiao.pipeline import check_workbook
from jixiao.recalc.workbook import recalculate
from jixiao.samples import sample
from jixiao.template.build import build_template
from jixiao.xlsx.package import ExcelError

SHEET = "自评表"
_CACHE = ('<externalBook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
          'relationships" r:id="rId1"><sheetNames><sheetName val="汇总"/></sheetNames>'
          '<sheetDataSet><sheetData sheetId="0"><row r="2"><cell r="B2"><v>{}</v></cell></row>'
          "</sheetData></sheetDataSet></externalBook>")
_TARGET = "file:///D:/%E9%A2%84%E7%AE%97/2024%E9%A2%84%E7%AE%97%E6%B1%87%E6%80%BB.xlsx"


def template(tmp_path: Path, budget: str | float, name: str) -> Path:
    """The jixiao template of a published table, 全年预算数 E6 ``budget`` (a formula or a number)."""
    path = tmp_path / f"{name}.plain.xlsx"
    build_template(path, table=sample("putuo-1"))
    book = openpyxl.load_workbook(path)
    book[SHEET]["E6"] = budget
    book.save(path)
    return path


def linked(tmp_path: Path, stored: str | None = "320", cache: str | None = "320",
           formula: str = "[1]汇总!B2", cell: str = "E6") -> Path:
    """The template with ``cell`` reading workbook [1] (D:\\预算\\2024预算汇总.xlsx), the value
    ``stored`` in the cell (<v>) and ``cache`` in the link part (None: not stored there)."""
    path = template(tmp_path, f"={formula}" if cell == "E6" else 320, "linked")
    if cell != "E6":
        book = openpyxl.load_workbook(path)
        book[SHEET][cell] = f"={formula}"
        book.save(path)
    sheet = member(path, "xl/worksheets/sheet1.xml").decode()
    escaped = formula.replace("'", "&apos;")
    sheet, count = re.subn(rf'(<c r="{cell}"[^>]*>)<f>{re.escape(escaped)}</f><v\s*/>',
                           rf'\1<f>{escaped}</f>' + (f"<v>{stored}</v>" if stored else ""), sheet)
    assert count == 1
    rezip(path, tmp_path / "cached.xlsx", replace={"xl/worksheets/sheet1.xml": sheet.encode()})
    body = _CACHE.format(cache) if cache else _CACHE.split("<sheetDataSet>")[0] + "</externalBook>"
    return _with_external(tmp_path / "cached.xlsx", tmp_path / "linked.xlsx", body, _TARGET)


def cell_xml(path: Path, ref: str) -> str:
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    found = re.search(rf'<c r="{ref}"[^>]*>.*?</c>', sheet)
    assert found is not None
    return found.group()


@pytest.mark.parametrize("engine", ["core", "formulas"])
def test_a_linked_budget_keeps_its_stored_value_and_scores_from_it(tmp_path, capsys, engine):
    path = linked(tmp_path)
    typed = recalculate(template(tmp_path, 320, "typed"), engine=engine)
    out = tmp_path / "out.xlsx"
    assert main(["recalc", str(path), "-o", str(out), "--engine", engine]) == 0
    printed = capsys.readouterr().out
    assert ("有 1 个单元格引用其他工作簿（jixiao 从不打开其他文件），未重算；依赖它们的单元格按保留的值计算：\n"
            "  自评表!E6  引用其他工作簿“D:\\预算\\2024预算汇总.xlsx”，保留文件中保存的值 320\n"
            "其余公式计算成功；") in printed
    assert "#REF!" not in printed
    assert cell_xml(out, "E6").endswith("<f>[1]汇总!B2</f><v>320</v></c>")
    result = recalculate(path, engine=engine)
    assert result.failures == [] and [(k.ref, k.value) for k in result.kept] == [("E6", 320.0)]
    values = result.values[SHEET]
    assert values.pop("E6") == 320.0
    assert values == typed.values[SHEET]  # H6, I6, 总分 H43, 等级 H44 as with 320 typed
    assert values["H6"] == 31.5 / 320 and isinstance(values["H43"], float)  # F6 is 31.5
    typed_out = tmp_path / "typed-out.xlsx"
    assert main(["recalc", str(tmp_path / "typed.plain.xlsx"), "-o", str(typed_out)]) == 0
    findings = check_workbook(out).findings
    assert [f.code for f in findings] == [f.code for f in check_workbook(typed_out).findings
                                          ] + ["JX901"]  # no JX309 “#REF!”是文字, no JX504
    assert findings[-1].message.startswith("外部链接：引用了其他文件“D:\\预算\\2024预算汇总.xlsx”。")


def test_a_linked_side_cell_keeps_its_value_in_both_engines(tmp_path):
    path = linked(tmp_path, cell="Z2")
    core, general = (recalculate(path, engine=engine) for engine in ("core", "formulas"))
    assert core.values == general.values and core.failures == general.failures == []
    assert core.values[SHEET]["Z2"] == 320.0 and core.engine == "core"


def test_without_a_value_in_the_cell_the_link_parts_value_is_kept(tmp_path):
    path = linked(tmp_path, stored=None, cache="318.5")
    for engine in ("core", "formulas"):
        result = recalculate(path, engine=engine)
        assert result.values[SHEET]["E6"] == 318.5, engine
        assert [k.reason for k in result.kept] == [
            "引用其他工作簿“D:\\预算\\2024预算汇总.xlsx”，保留外部链接中保存的值 318.5"]
    out = tmp_path / "out.xlsx"
    assert main(["recalc", str(path), "-o", str(out)]) == 0
    assert cell_xml(out, "E6").endswith("<f>[1]汇总!B2</f><v>318.5</v></c>")


def test_with_no_value_stored_anywhere_the_cell_shows_ref_and_says_the_book_is_not_open(
        tmp_path, capsys):
    path = linked(tmp_path, stored=None, cache=None, formula="[1]汇总!B2*1")
    out = tmp_path / "out.xlsx"
    assert main(["recalc", str(path), "-o", str(out)]) == 1
    printed = capsys.readouterr().out
    assert ("  自评表!E6  #REF!  引用的其他工作簿“D:\\预算\\2024预算汇总.xlsx”未打开"
            "（jixiao 从不打开其他文件），文件中也没有保存它的值  =[1]汇总!B2*1") in printed
    assert "  自评表!H6  #REF!  依赖未算出的单元格 自评表!E6  =JX_RATE(E6,F6,TRUE)" in printed
    assert "不存在的单元格" not in printed
    assert recalculate(path).values[SHEET]["E6"] == ExcelError("#REF!")


def test_a_formula_over_a_kept_cell_is_computed_from_it_and_add_in_calls_are_no_links(tmp_path):
    """The neighbouring shapes: a formula of this workbook over the linked cell is computed
    (the general engine), and [1]!JX_RATE(…), the add-in's function, is not a link."""
    path = linked(tmp_path, cell="Z2")
    book = openpyxl.load_workbook(path)
    book[SHEET]["Z3"] = "=Z2*2+1"
    book[SHEET]["Z4"] = "=[1]!JX_RATE(320,310,TRUE)"
    book.save(tmp_path / "plus.xlsx")
    sheet = member(tmp_path / "plus.xlsx", "xl/worksheets/sheet1.xml").decode()
    sheet = sheet.replace("<f>[1]汇总!B2</f><v></v>", "<f>[1]汇总!B2</f><v>320</v>").replace(
        "<f>[1]汇总!B2</f><v/>", "<f>[1]汇总!B2</f><v>320</v>")
    rezip(tmp_path / "plus.xlsx", tmp_path / "plus2.xlsx",
          replace={"xl/worksheets/sheet1.xml": sheet.encode()})
    result = recalculate(tmp_path / "plus2.xlsx")
    assert result.engine == "formulas" and result.failures == []
    assert [(k.ref, k.value) for k in result.kept] == [("Z2", 320.0)]
    assert (result.values[SHEET]["Z3"], result.values[SHEET]["Z4"]) == (641.0, 0.96875)
