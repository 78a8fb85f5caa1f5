"""rt35: ``jixiao recalc`` on a native template made by an older jixiao stored today's
results (the Python twin of today's formulas) under the file's older formulas — ９６％ scored
25 where the older formulas, recalculated by Excel, WPS or LibreOffice on opening, show ⚠.
Now recalc finds formulas that are not today's template's (``native.older_formulas``) and
writes nothing: it says to bring the table into today's template (jixiao convert), or to
recalculate it in a spreadsheet program. A file of today's formulas, saved again by a
spreadsheet program (which writes 1E-4 as 0.0001, may quote the sheet's name), is today's."""

from __future__ import annotations

import re
import zipfile

import pytest

from jixiao import native
from jixiao.cli.main import main
from jixiao.errors import NotRecalculated
from jixiao.recalc.workbook import recalc_file
from jixiao.samples import sample
from jixiao.template.build import build_template


def _native(tmp_path, actual="96%"):
    """putuo-1 in today's native template, row 17's 完成值 ``actual``."""
    from openpyxl import load_workbook

    path = tmp_path / "自评表.xlsx"
    build_template(path, year=2024, table=sample("putuo-1"), formulas="native")
    book = load_workbook(path)
    book["自评表"]["E17"], book["自评表"]["F17"] = "≥95%", actual
    book.save(path)
    return path


def _rewritten(path, target, change):
    """``path`` copied to ``target`` with its sheet's XML passed through ``change``."""
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(target, "w") as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = change(data.decode("utf-8")).encode("utf-8")
            out.writestr(item, data)
    return target


def _before_rt34(text: str) -> str:
    """The sheet as a template made before rt34 wrote it: no hidden AC:AD helpers, M and
    Q reading the 指标值/完成值 themselves."""
    text, count = re.subn(r'<c r="A[CD]\d+"[^>]*?(?:/>|>.*?</c>)', "", text)
    assert count >= 2 * 28
    return re.sub(r"\bAD(\d+)", r"F\1", re.sub(r"\bAC(\d+)", r"E\1", text))


def test_an_older_native_template_is_not_recalculated(tmp_path, capsys):
    older = _rewritten(_native(tmp_path, "９６％"), tmp_path / "旧表.xlsx", _before_rt34)
    before = older.read_bytes()
    with pytest.raises(NotRecalculated) as raised:
        recalc_file(older, tmp_path / "out.xlsx")
    message = str(raised.value)
    assert message.startswith("“旧表.xlsx”中的原生公式与当前版本 jixiao 的模板不同：")
    assert "与当前版本 jixiao 的模板不同" in message and "jixiao convert" in message
    assert "--formulas native" in message and "重算（F9）后保存" in message
    assert not (tmp_path / "out.xlsx").exists()
    assert main(["recalc", str(older), "--in-place"]) == 1  # as another NotRecalculated
    assert "旧版 jixiao" in capsys.readouterr().err
    assert older.read_bytes() == before and not list(tmp_path.glob("*.bak"))


def test_one_formula_changed_is_older(tmp_path):
    """A template whose only difference is one formula's text (a change of rt33, say):
    today's results are not what that formula shows."""
    def one_changed(text: str) -> str:
        cell = re.search(r'<c r="M17"[^>]*>.*?</c>', text, re.S)
        assert cell is not None
        changed = cell.group(0).replace("ISNUMBER(E17)", "ISNUMBER(E17+0)", 1)
        assert changed != cell.group(0)
        return text.replace(cell.group(0), changed)

    older = _rewritten(_native(tmp_path), tmp_path / "旧表.xlsx", one_changed)
    with pytest.raises(NotRecalculated, match="如 自评表!M17"):
        recalc_file(older, tmp_path / "out.xlsx")


def test_todays_formulas_saved_again_by_a_spreadsheet_program_are_todays(tmp_path):
    """What LibreOffice (and Excel) change writing the same formulas back: 1E-4 as 0.0001,
    1E6 as 1000000, FALSE as FALSE(), a function's name in other case, spaces."""
    def saved_again(text: str) -> str:
        text = text.replace("1E-4", "0.0001").replace("1E6", "1000000")
        text = text.replace(",FALSE,", ",FALSE(),")
        assert "0.0001" in text and "FALSE()" in text
        return text.replace("LOOKUP(2,1/(", "lookup(2, 1/(")

    path = _rewritten(_native(tmp_path), tmp_path / "再存.xlsx", saved_again)
    _, result = recalc_file(path, tmp_path / "out.xlsx")
    assert result.engine == "native"
    assert result.values["自评表"]["H17"] == 25


def test_the_formulas_compared_are_the_ones_the_template_writes(tmp_path):
    """``native.template_formulas`` is what ``build_template`` writes, cell for cell."""
    from jixiao.xlsx.package import Package

    path = tmp_path / "t.xlsx"
    build_template(path, formulas="native")
    package = Package(path)
    sheet = package.sheets[0]
    written = {cell.ref: "=" + cell.formula.text for cell in package.cells(sheet)
               if cell.formula is not None}
    assert written == native.template_formulas()
    assert native.older_formulas(lambda ref: written[ref][1:] if ref in written else None) == []


@pytest.mark.parametrize(("one", "other", "same"), [
    ('IF(A1<1E-4,"x  y",0)', "if( A1 < 0.0001 , \"x  y\" , 0 )", True),
    ('IF(A1<1E-4,"x  y",0)', 'IF(A1<1E-4,"x y",0)', False),   # a text literal's spaces count
    ('IF(A1<1E-4,"a",0)', 'IF(A1<1E-4,"A",0)', False),         # and its letters' case
    ("ROUND(G13*100,10)", "ROUND(G13*100,10.0)", True),
    ("ROUND(G13*100,10)", "ROUND(G13*100,1)", False),
    ("SUM(自评表!$G$13:$G$42)", "SUM('自评表'!$G$13:$G$42)", True),
    ("_xlfn.IFERROR(A1,0)", "IFERROR(A1,0)", True),
    ("IF(A1,TRUE,FALSE)", "IF(A1,TRUE(),FALSE())", True),               # LibreOffice's
    ('IF(A1,"TRUE",FALSE)', 'IF(A1,"TRUE()",FALSE)', False),
])
def test_formulas_alike(one, other, same):
    assert native.same_formula(one, other) is same


def test_the_annotated_copy_of_an_older_template_keeps_its_stored_results(tmp_path):
    """check --annotate stores what ``jixiao recalc`` would in a copy of jixiao's template:
    of an older native one it stored today's 25 under the formulas that show ⚠; now the
    copy keeps the results the file stores, as its formulas give them."""
    from openpyxl import load_workbook

    from jixiao.xlsx.package import Package
    from jixiao.xlsx.writeback import write_cached_values

    older = _rewritten(_native(tmp_path, "９６％"), tmp_path / "旧表.xlsx", _before_rt34)
    write_cached_values(Package(older), older, {"自评表": {
        "H17": native.WARN_INPUT, "H43": native.WARN_TOTAL}})
    copy = tmp_path / "旧表-校验.xlsx"
    main(["check", str(older), "--annotate", str(copy)])
    shown = load_workbook(copy, data_only=True)["自评表"]
    assert (shown["H17"].value, shown["H43"].value) == (native.WARN_INPUT, native.WARN_TOTAL)
