"""JX901: links out of a submitted workbook are listed, never followed or run."""

from hostile import dde, external_link
from workbooks import Book, standard, standard_sheet

from jixiao.checks import run_checks
from jixiao.pipeline import check_workbook
from jixiao.read.workbook import read_workbook


def jx901(path):
    return [item for table in read_workbook(path).tables
            for item in run_checks(table, select=["JX901"])]


def test_jx901_a_dde_formula_points_at_its_cell(tmp_path):
    book = Book()
    standard_sheet(book.sheet())
    book.wb["自评表"]["K3"] = "=cmd|' /C calc'!A0"
    findings = jx901(book.save(tmp_path / "dde.xlsx"))
    assert [(f.code, f.severity, f.where) for f in findings] == [("JX901", "info", "自评表!K3")]
    assert "=cmd|' /C calc'!A0" in findings[0].message and "从不执行" in findings[0].message


def test_jx901_a_link_to_another_file_and_a_dde_link_part(tmp_path):
    linked = jx901(external_link(tmp_path))
    assert [f.message.split("。")[0] for f in linked] == [
        "外部链接：引用了其他文件“C:\\财务\\2024\\预算明细.xlsx”"]  # as Windows names it
    messages = [f.message for f in jx901(dde(tmp_path))]
    assert any(m.startswith("DDE 链接：cmd|/c calc") for m in messages)
    assert sum(m.startswith("DDE 公式") for m in messages) == 2  # HYPERLINK is no DDE


def test_jx901_names_a_linked_file_as_the_clerk_knows_it(tmp_path):
    """Excel writes the link's path percent-encoded (rt24-m: JX901 quoted
    file:///D:/%E9%A2%84…xlsx): shown decoded, a Windows drive path with backslashes, a
    network share as \\\\server\\share; a file beside the workbook and a web address as written."""
    from hostile import _sheet_with, _with_external

    body = ('<externalBook xmlns:r="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships" r:id="rId1"/>')
    for target, shown in [
            ("file:///D:/%E9%A2%84%E7%AE%97/2024%E9%A2%84%E7%AE%97%E6%B1%87%E6%80%BB.xlsx",
             "D:\\预算\\2024预算汇总.xlsx"),
            ("file://///fs01/%E8%B4%A2%E5%8A%A1/a.xlsx", "\\\\fs01\\财务\\a.xlsx"),
            ("%E9%A2%84%E7%AE%97%E6%B1%87%E6%80%BB.xlsx", "预算汇总.xlsx"),
            ("https://oa.example.cn/%E9%A2%84%E7%AE%97.xlsx", "https://oa.example.cn/预算.xlsx")]:
        path = _sheet_with(tmp_path, "t.xlsx", lambda ws: None)
        linked = _with_external(path, tmp_path / "linked.xlsx", body, target)
        assert [f.message.split("。")[0] for f in jx901(linked)] == [
            f"外部链接：引用了其他文件“{shown}”"], target


def test_jx901_passes_the_link_excel_writes_to_jixiaos_own_addin(tmp_path):
    """[1]!JX_SCORE(…) saved by Excel links to the add-in itself (rt19-c 4: before, JX901
    “引用了其他文件…jixiao.xlam” on every template saved with the add-in loaded); another
    workbook of that folder is still listed."""
    from hostile import _sheet_with, _with_external

    body = ('<externalBook xmlns:r="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships" r:id="rId1"/>')
    for target, listed in [
            ("file:///C:\\Users\\张三\\AppData\\Roaming\\Microsoft\\Excel\\XLSTART\\jixiao.xlam", 0),
            ("C:/Users/张三/AppData/Roaming/Microsoft/Excel/XLSTART/JIXIAO.XLAM", 0),
            ("file:///C:/Users/张三/AppData/Roaming/Microsoft/Excel/XLSTART/预算.xlsx", 1)]:
        path = _sheet_with(tmp_path, "t.xlsx", lambda ws: None)
        linked = _with_external(path, tmp_path / "linked.xlsx", body, target)
        assert len(jx901(linked)) == listed, target


def test_jx901_passes_a_table_without_links(tmp_path):
    assert jx901(standard(tmp_path / "t.xlsx")) == []


def test_jx901_is_reported_once_for_a_workbook_of_several_tables(tmp_path):
    book = Book()
    standard_sheet(book.sheet("表一"))
    standard_sheet(book.sheet("表二"), name="另一个项目")  # (an identical copy counts once)
    book.wb["表二"]["K3"] = "=cmd|' /C calc'!A0"
    result = check_workbook(book.save(tmp_path / "two.xlsx"))
    assert len(result.tables) == 2
    assert [f.where for f in result.findings if f.code == "JX901"] == ["表二!K3"]


def test_recalc_never_opens_a_linked_workbook(tmp_path):
    from openpyxl import Workbook

    from jixiao.recalc.workbook import recalculate

    other = Workbook()
    other.active.title = "S"
    other.active["A1"] = 42
    other.save(tmp_path / "other.xlsx")
    book = Workbook()
    book.active["A1"], book.active["A2"] = "='[other.xlsx]S'!A1+1", "=1+1"
    book.save(tmp_path / "main.xlsx")
    values = recalculate(tmp_path / "main.xlsx").values["Sheet"]
    assert values == {"A1": "#REF!", "A2": 2.0}  # not 43: other.xlsx stays closed


def test_recalc_of_links_and_dde_gives_errors_not_actions(tmp_path):
    from jixiao.recalc.workbook import recalculate

    values = recalculate(dde(tmp_path)).values["附表"]
    # DDE: an error, no program started; HYPERLINK shows its name as Excel does, opens nothing
    assert (values["A1"], values["A2"], values["A3"]) == ("#NAME?", "#NAME?", "点击")
    assert recalculate(external_link(tmp_path)).values["附表"] == {"A1": "#REF!"}
