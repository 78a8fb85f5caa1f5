"""jixiao.xlsx.guard: limits checked before any parser, XML that cannot expand, and
one file's work run under a time limit."""

import time
import zipfile

import pytest
from hostile import built_on_demand, rezip
from workbooks import big_sheet, standard

from jixiao.errors import JixiaoError, UnreadableWorkbook
from jixiao.read.workbook import read_workbook
from jixiao.xlsx.guard import check_package
from jixiao.xlsx.limits import Limits
from jixiao.xlsx.xml import parse_xml


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    """Corpus files, built once, outside ``tmp_path`` (no engine comparison)."""
    return built_on_demand(tmp_path_factory.mktemp("hostile"))


@pytest.mark.parametrize(("kind", "words"), [
    ("zip-bomb", "解压后共 1024 MB，上限 50 MB"),
    ("zip-bomb-lying", "解压后共 200 MB"),
    ("zip-bomb-ratio", "压缩比为 1028:1，上限 100:1"),
    ("overlapping-members", "解压后共 20000 MB"),
    ("many-members", "个成员，上限 10000"),
    ("huge-merge", "单元格（含合并区域）超过 500,000 个"),
    ("huge-array-formula", "单元格（含合并区域）超过"),
    ("huge-hyperlink", "单元格（含合并区域）超过"),
    ("million-cells", "单元格（含合并区域）超过"),
    ("billion-laughs", "DTD/实体声明"),
    ("external-entity", "DTD/实体声明"),
    ("external-entity-utf16", "不是 UTF-8 编码的 XML"),
    ("zip-password", "压缩包设置了密码"),
    ("ods", "OpenDocument"),
    ("zip-not-workbook", "不是 Excel 工作簿"),
    ("crc-mismatch", "无法解压"),
    ("bad-utf8-member-name", "已损坏"),
])
def test_over_a_limit_or_hostile_is_refused_quickly_naming_the_file(files, kind, words):
    path = files(kind)
    started = time.perf_counter()
    with pytest.raises(UnreadableWorkbook) as refused:
        check_package(path)
    assert time.perf_counter() - started < 5
    message = str(refused.value)
    assert words in message and path.name in message and "\n" not in message


@pytest.mark.parametrize("kind", ["template", "million-empty-rows", "all-16384-columns",
                                  "10mb-comment", "gbk-member-names", "macro"])
def test_real_and_merely_large_workbooks_pass(files, kind):
    report = check_package(files(kind))
    assert report.members > 0 and report.cells < 1_000_000


def test_what_is_not_a_zip_is_left_to_the_caller(files):
    for kind in ("xls", "encrypted", "html-as-xlsx", "empty-file"):
        assert check_package(files(kind)).members == 0


def test_the_limit_is_named_with_the_variable_that_raises_it(files, monkeypatch):
    path = files("zip-bomb-ratio")
    with pytest.raises(UnreadableWorkbook, match="JIXIAO_MAX_RATIO"):
        check_package(path)
    monkeypatch.setenv("JIXIAO_MAX_RATIO", "2000")
    assert check_package(path).unpacked_bytes > 20 << 20


def test_limits_from_the_environment():
    limits = Limits.from_environment({"JIXIAO_MAX_UNPACKED_MB": "200", "JIXIAO_MAX_CELLS": "5",
                                      "JIXIAO_MAX_FILE_MB": " "})
    assert limits.max_unpacked_bytes == 200 << 20 and limits.max_cells == 5
    assert limits.max_file_bytes == Limits().max_file_bytes
    with pytest.raises(JixiaoError, match="JIXIAO_MAX_CELLS"):
        Limits.from_environment({"JIXIAO_MAX_CELLS": "many"})


def test_cells_are_counted_as_they_stream_across_chunk_boundaries(tmp_path):
    path = standard(tmp_path / "t.xlsx")
    rows = "".join(f'<row r="{row}">' + f'<c r="A{row}"><v>1</v></c><x:c r="B{row}"/>'
                   + "</row>" for row in range(1, 20_001))
    sheet = (f'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
             f'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
             f'{rows}</sheetData><mergeCells><mergeCell ref="C1:D10"/></mergeCells></worksheet>')
    out = rezip(path, tmp_path / "many.xlsx", replace={"xl/worksheets/sheet1.xml": sheet.encode()})
    report = check_package(out)
    assert (report.cells, report.formatted) == (40_000 + 20, 20_000)  # the <x:c/> are empty
    with pytest.raises(UnreadableWorkbook, match="单元格（含合并区域）超过 20,019 个"):
        check_package(out, limits=Limits(max_cells=20_019))
    with pytest.raises(UnreadableWorkbook, match="空单元格超过 19,999 个.*JIXIAO_MAX_FORMAT_CELLS"):
        check_package(out, limits=Limits(max_format_cells=19_999))


def _with_sheet(tmp_path, rows: str, part: str = "xl/worksheets/sheet2.xml"):
    """big_sheet's workbook (the Putuo table, and 明细) with 明细's rows as given."""
    sheet = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             f"<sheetData>{rows}</sheetData></worksheet>")
    return rezip(big_sheet(tmp_path / "t.xlsx", 1), tmp_path / "styled.xlsx",
                 replace={part: sheet.encode()})


def test_cells_kept_for_a_border_only_count_against_their_own_higher_limit(tmp_path):
    # A border dragged over A21:I1020 below the table: 9,000 empty cells, 9 with values
    rows = '<row r="1">' + "".join(f'<c r="{c}1"><v>1</v></c>' for c in "ABCDEFGHI") + "</row>"
    rows += "".join(f'<row r="{row}">' + "".join(f'<c r="{c}{row}" s="0" t="n" />'
                                                for c in "ABCDEFGHI") + "</row>"
                    for row in range(21, 1021))
    out = _with_sheet(tmp_path, rows)
    table = check_package(standard(tmp_path / "plain.xlsx"))
    report = check_package(out, limits=Limits(max_cells=table.cells - table.formatted + 9))
    assert report.formatted - table.formatted == 9_000
    assert report.cells - report.formatted == table.cells - table.formatted + 9
    with pytest.raises(UnreadableWorkbook, match="空单元格超过 8,999 个"):
        check_package(out, limits=Limits(max_format_cells=table.formatted + 8_999))
    # the reader reads the table as without them, by either cell source
    for engine in ("auto", "openpyxl"):
        read = read_workbook(out, engine=engine, limits=Limits(max_cells=table.cells + 9))
        assert [t.project.name for t in read.tables] == ["普陀区医疗保险事务中心信息安全等保项目机房设施升级改造"]
        assert read.notes == []


def test_a_value_inside_an_attribute_is_no_empty_cell(tmp_path):
    # "/>" inside an attribute value does not end the cell: its value counts
    out = _with_sheet(tmp_path, '<row r="1"><c r="A1" x="/>"><v>1</v></c><c r="B1"/></row>')
    assert check_package(out).formatted - check_package(standard(tmp_path / "p.xlsx")).formatted == 1


def test_a_sheet_over_a_limit_beside_the_table_is_skipped_with_a_note(tmp_path):
    rows = "".join(f'<row r="{row}"><c r="A{row}"><v>{row}</v></c><c r="B{row}"><v>1</v></c>'
                   "</row>" for row in range(1, 301))  # 600 cells
    out = _with_sheet(tmp_path, rows)
    limits = Limits(max_cells=599)
    with pytest.raises(UnreadableWorkbook, match="超过 599 个"):
        check_package(out, limits=limits)  # recalc, annotate: they read every sheet
    report = check_package(out, limits=limits, skip_sheets=True)
    assert report.oversized == {"xl/worksheets/sheet2.xml": (
        "的单元格（含合并区域）超过 599 个", "JIXIAO_MAX_CELLS")}
    for engine in ("auto", "openpyxl"):
        read = read_workbook(out, engine=engine, limits=limits)
        assert len(read.tables) == 1
        assert read.notes == ["工作表“明细”的单元格（含合并区域）超过 599 个，已跳过"
                              "（可设置环境变量 JIXIAO_MAX_CELLS 调高）"]
    # a table over the limit itself: nothing is left to check
    with pytest.raises(UnreadableWorkbook, match="过大：工作表“自评表”的单元格（含合并区域）超过 100 个"
                       ".*请删除无关的工作表、表中大片多余的行列后再试"):
        read_workbook(out, limits=Limits(max_cells=100))
    # the package's own limits still refuse the file
    with pytest.raises(UnreadableWorkbook, match="解压后共 .*JIXIAO_MAX_UNPACKED_MB"):
        check_package(out, limits=Limits(max_cells=599, max_unpacked_bytes=20_000),
                      skip_sheets=True)


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path):
    path = standard(tmp_path / "t.xlsx")
    with pytest.raises(UnreadableWorkbook, match="文件大小"):
        check_package(path, limits=Limits(max_file_bytes=1000))


def test_the_parsers_themselves_refuse_entities(files, monkeypatch):
    """Defence in depth: were the check skipped, openpyxl and xlsx.package still refuse."""
    import openpyxl

    import jixiao.xlsx.guard
    import jixiao.xlsx.package
    from jixiao.read.workbook import read_workbook
    from jixiao.xlsx.package import Package

    assert openpyxl.DEFUSEDXML  # openpyxl parses with defusedxml
    with pytest.raises(SyntaxError):
        parse_xml(b'<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>')
    monkeypatch.setattr(jixiao.xlsx.guard, "check_package", lambda *args, **kwargs: None)
    monkeypatch.setattr(jixiao.xlsx.package, "check_package", lambda *args, **kwargs: None)
    for kind in ("billion-laughs", "external-entity"):
        with pytest.raises(UnreadableWorkbook):
            read_workbook(files(kind), engine="openpyxl")
    with pytest.raises(UnreadableWorkbook):
        Package(files("billion-laughs"))


def test_external_links_and_dde_are_found_never_followed(files):
    report = check_package(files("external-link"))
    assert [(item.kind, item.target) for item in report.external] == [
        ("link", "C:\\财务\\2024\\预算明细.xlsx")]  # file:///C:/… as Windows names it
    found = {(item.kind, item.target, item.cell) for item in check_package(files("dde")).external}
    assert ("dde", "=cmd|' /C calc'!A0", "A1") in found
    assert ("dde", "cmd|/c calc", None) in found
    assert not any("HYPERLINK" in target for _, target, _ in found)


def test_a_good_table_has_no_external_content(files):
    assert check_package(files("template")).external == []


def test_zip_members_are_never_all_held_in_memory(files):
    """The 1 GB bomb, allowed by raised limits, streams in bounded memory."""
    import resource

    limits = Limits(max_unpacked_bytes=2 << 30, max_ratio=10**6)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    report = check_package(files("zip-bomb"), limits=limits)
    assert report.unpacked_bytes > 1 << 30
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100 * 1024  # KiB


def test_check_package_accepts_bytes_already_read(files):
    path = files("zip-bomb-ratio")
    with pytest.raises(UnreadableWorkbook, match="bomb-ratio.xlsx"):
        check_package(path, path.read_bytes())
    assert zipfile.is_zipfile(path)


# ---------------------------------------------------------------- formulas

def test_the_general_engine_refuses_more_work_than_it_can_do(tmp_path, monkeypatch):
    from openpyxl import Workbook

    from jixiao.recalc.workbook import recalculate

    book = Workbook()
    # the 800 cells of the range count, each ~1.1 (a node, and its place in the range)
    book.active["A1"], book.active["B1"] = 1, '=A1+COUNTIF(C1:C800,">0")'
    path = tmp_path / "w.xlsx"
    book.save(path)
    assert recalculate(path).values == {"Sheet": {"B1": 1.0}}
    monkeypatch.setenv("JIXIAO_MAX_FORMULA_WORK", "800")
    with pytest.raises(JixiaoError, match="通用公式引擎.*约 888 个计算单元，上限 800.*"
                                          "JIXIAO_MAX_FORMULA_WORK 设为 888 以上"):
        recalculate(path)


def test_reader_file_size_limit_is_the_one_raisable_limit(tmp_path, monkeypatch):
    from workbooks import putuo

    from jixiao.read.workbook import read_workbook

    path = putuo(tmp_path / "p.xlsx")
    monkeypatch.setenv("JIXIAO_MAX_FILE_MB", "0.001")
    with pytest.raises(UnreadableWorkbook, match="JIXIAO_MAX_FILE_MB"):
        read_workbook(path)
    monkeypatch.setenv("JIXIAO_MAX_FILE_MB", "100")
    assert read_workbook(path)


def _ledger(path, rows=6_000):
    """An honest large workbook: a 工资发放明细 of ``rows`` rows, varied numbers (about 7:1
    packed, as such exports are), beside no 自评表."""
    import random

    import xlsxwriter

    numbers = random.Random(32)
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("明细")
    for row in range(rows):
        sheet.write_row(row, 0, [f"职工{row:06d}", numbers.randrange(10**8), numbers.random() * 9000,
                                 numbers.random() * 1000, f"2024-{row % 12 + 1:02d}"])
    book.close()
    return path


def test_a_large_honest_workbook_is_too_large_not_a_zip_bomb(tmp_path, files, capsys,
                                                              monkeypatch):
    """rt32 #3: an 8 MB ledger of 150,000 rows (60 MB unpacked, 7.5:1) was refused as
    “可能是“压缩炸弹””. Only a file packed as tightly as a bomb (past ``max_ratio``,
    100:1) is called one; a large honest file is too large, and said so plainly — still
    无法读取, exit 2, with the variable that raises the limit."""
    from jixiao.cli.main import main
    from jixiao.xlsx.limits import MB, megabytes, over_unpacked

    path = _ledger(tmp_path / "工资发放明细.xlsx")
    with zipfile.ZipFile(path) as archive:
        unpacked = sum(info.file_size for info in archive.infolist())
    assert 3 < unpacked / path.stat().st_size < 15  # as packed as real exports
    limit = Limits(max_unpacked_bytes=MB)
    with pytest.raises(UnreadableWorkbook) as refused:
        check_package(path, limits=limit)
    assert str(refused.value) == (
        f"“工资发放明细.xlsx”过大：解压后共 {megabytes(unpacked)}，超过 1.0 MB 的上限。"
        "自评表通常只有几十 KB；如确属正常文件，可设置环境变量 JIXIAO_MAX_UNPACKED_MB 调高上限")
    monkeypatch.setenv("JIXIAO_MAX_UNPACKED_MB", "1")
    assert main(["check", str(path)]) == 2  # 无法读取, as before
    assert f"无法校验：{refused.value}" in capsys.readouterr().out
    # the figures of the report: 60 MB from 8 MB is a large file; from 0.5 MB, a bomb
    assert str(over_unpacked("明细.xlsx", 60 * MB, 8 * MB, Limits())) == (
        "“明细.xlsx”过大：解压后共 60 MB，超过 50 MB 的上限。自评表通常只有几十 KB；"
        "如确属正常文件，可设置环境变量 JIXIAO_MAX_UNPACKED_MB 调高上限")
    assert str(over_unpacked("明细.xlsx", 60 * MB, MB // 2, Limits())) == (
        "“明细.xlsx”超出安全上限：解压后共 60 MB，上限 50 MB（可能是“压缩炸弹”）。"
        "自评表通常只有几十 KB；如确属正常文件，可设置环境变量 JIXIAO_MAX_UNPACKED_MB 调高上限")
    assert str(over_unpacked("明细.xlsx", 51 * MB, 8 * MB, Limits(), counted=False)) == (
        "“明细.xlsx”过大：解压后超过 50 MB 的上限。自评表通常只有几十 KB；"
        "如确属正常文件，可设置环境变量 JIXIAO_MAX_UNPACKED_MB 调高上限")
    # the bombs of the corpus are still called so
    for kind in ("zip-bomb", "zip-bomb-lying", "overlapping-members"):
        with pytest.raises(UnreadableWorkbook, match="可能是“压缩炸弹”"):
            check_package(files(kind))


def _libreoffice_shared_strings(rows=20_000):
    """Shared strings of a ledger's ``rows`` as LibreOffice writes mixed CJK/Latin text
    (培训班第12期支出): three rich-text runs, their fonts spelled out each time — a part
    of 8 MB that deflate packs over 100:1 (rt34 r7 #3)."""
    def run(font, text):
        return (f'<r><rPr><sz val="11"/><color rgb="FF000000"/><rFont val="{font}"/>'
                f'<family val="2"/></rPr><t xml:space="preserve">{text}</t></r>')

    entries = "".join(f"<si>{run('DejaVu Sans', '培训班第')}{run('Calibri', row)}"
                      f"{run('DejaVu Sans', '期支出')}</si>" for row in range(1, rows + 1))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://'
            f'schemas.openxmlformats.org/spreadsheetml/2006/main" count="{rows}" '
            f'uniqueCount="{rows}">{entries}</sst>').encode()


def test_a_ledger_saved_by_libreoffice_is_not_a_zip_bomb(tmp_path, files):
    """rt34 r7 #3: a 自评表 with a 20,000-row ledger sheet saved by LibreOffice (770 KB) was
    refused: its xl/sharedStrings.xml of 8.5 MB packs 109:1, past the 100:1 of a member
    of 1 MB or more. A member too small to harm within the limit on the total (50 MB,
    streamed) is no bomb, whatever its ratio; the 20 MB of zeros still is."""
    good = standard(tmp_path / "good.xlsx")
    path = rezip(good, tmp_path / "lo.xlsx", add={"xl/sharedStrings.xml": _libreoffice_shared_strings()})
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/sharedStrings.xml")
    assert info.file_size > 5 << 20 and info.file_size > 100 * info.compress_size  # as LO's
    assert check_package(path).unpacked_bytes > 5 << 20
    assert read_workbook(path)
    with pytest.raises(UnreadableWorkbook, match="压缩比为 1028:1，上限 100:1"):
        check_package(files("zip-bomb-ratio"))
