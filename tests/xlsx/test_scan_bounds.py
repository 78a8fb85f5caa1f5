"""Bounds that hold whatever a file holds (issue 11, items 4, 5 and 13): compression
methods that cannot be inflated in bounded steps, parts scanned by what the package says
they are, XML in other encodings, a scan of cells linear in any text, what the formula
engine may build at run time, a time bound in every command, the row limit, and no
English library warning on the user's screen."""

import io
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from hostile import built_on_demand, member, rezip
from workbooks import Book, standard, standard_sheet

from jixiao.cli.main import main
from jixiao.errors import JixiaoError, TimedOut, UnreadableWorkbook
from jixiao.timeouts import DEFAULT_FILE_SECONDS, file_seconds, time_limit
from jixiao.xlsx.book import count_rows
from jixiao.xlsx.guard import check_package
from jixiao.xlsx.limits import Limits
from jixiao.xlsx.package import _cell_spans, _children, _inline_text
from jixiao.xlsx.plainxml import Unsure, document

ROOT = Path(__file__).resolve().parents[2]
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    return built_on_demand(tmp_path_factory.mktemp("bounds"))


# ---------------------------------------------------------------- item 4: methods

@pytest.mark.parametrize(("method", "name"), [(zipfile.ZIP_BZIP2, "bzip2"),
                                              (zipfile.ZIP_LZMA, "LZMA")])
def test_a_member_packed_otherwise_than_excel_does_is_refused_before_unpacking(
        tmp_path, method, name):
    path = standard(tmp_path / "good.xlsx")
    target = tmp_path / f"{name}.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(target, "w") as out:
        for info in source.infolist():
            out.writestr(info.filename, source.read(info), compress_type=zipfile.ZIP_DEFLATED)
        out.writestr("xl/media/image1.png", bytes(range(256)) * 32, compress_type=method)
    with pytest.raises(UnreadableWorkbook, match=f"{target.name}.*使用 {name} 压缩方式"):
        check_package(target)


def test_the_bzip2_bomb_is_refused_within_a_fraction_of_a_second(files):
    path = files("bzip2-bomb")
    started = time.perf_counter()
    with pytest.raises(UnreadableWorkbook, match="bzip2"):
        check_package(path)
    assert time.perf_counter() - started < 1


# ---------------------------------------------------------------- item 4: parts by what they are

@pytest.mark.parametrize(("kind", "words"), [
    ("worksheet-named-png", "xl/media/sheet1.png 含有 DTD/实体声明"),
    ("worksheet-named-bin", "单元格（含合并区域）超过 500,000 个"),
    ("ebcdic-entity", "xl/worksheets/sheet2.xml 不是 UTF-8 编码的 XML"),
])
def test_parts_are_scanned_by_what_the_package_says_they_are(files, kind, words):
    with pytest.raises(UnreadableWorkbook, match=words):
        check_package(files(kind))


def test_recalc_never_copies_a_dtd_from_a_worksheet_named_png(files, tmp_path, capsys):
    output = tmp_path / "out.xlsx"
    assert main(["recalc", str(files("worksheet-named-png")), "-o", str(output)]) == 2
    assert "DTD" in capsys.readouterr().err
    assert not output.exists()


def _with_sheet2(tmp_path: Path, data: bytes, name: str = "xl/worksheets/sheet2.xml") -> Path:
    book = Book()
    standard_sheet(book.sheet())
    book.wb.create_sheet("附表").append(["x"])
    path = book.save(tmp_path / "source.xlsx")
    return rezip(path, tmp_path / "odd.xlsx", replace={name: data})


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-be", "cp500", "cp037"])
def test_a_worksheet_in_an_encoding_the_scan_cannot_read_is_refused(tmp_path, encoding):
    text = (f'<?xml version="1.0" encoding="{encoding}"?><!DOCTYPE w [<!ENTITY e SYSTEM '
            f'"file:///etc/passwd">]><worksheet xmlns="{_MAIN}"><sheetData/></worksheet>')
    with pytest.raises(UnreadableWorkbook, match="不是 UTF-8 编码的 XML"):
        check_package(_with_sheet2(tmp_path, text.encode(encoding)))


def test_an_encoding_declared_other_than_utf8_or_utf16_is_refused(tmp_path):
    text = (f'<?xml version="1.0" encoding="ISO-8859-7"?><worksheet xmlns="{_MAIN}">'
            "<sheetData/></worksheet>")
    with pytest.raises(UnreadableWorkbook, match="声明的编码为 ISO-8859-7"):
        check_package(_with_sheet2(tmp_path, text.encode()))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
def test_utf8_worksheets_pass_and_utf16_ones_are_refused(tmp_path, encoding):
    """The cell and merged-range limits read UTF-8 bytes, so a UTF-16 part is refused: a
    fuzzed UTF-16 sheet with a whole-sheet merge took 6.8 GB in openpyxl (case 89601)."""
    declared = "UTF-16" if "16" in encoding else "UTF-8"
    text = (f'<?xml version="1.0" encoding="{declared}"?><worksheet xmlns="{_MAIN}"><sheetData>'
            '<row r="1"><c r="A1"><v>1</v></c></row></sheetData>'
            '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>')
    path = _with_sheet2(tmp_path, text.encode(encoding))
    if "16" in encoding:
        with pytest.raises(UnreadableWorkbook, match="不是 UTF-8 编码的 XML（UTF-16"):
            check_package(path)
    else:
        with pytest.raises(UnreadableWorkbook, match="单元格"):  # the merge is counted
            check_package(path)


def test_an_image_is_not_scanned_even_holding_dtd_bytes(tmp_path):
    """A picture may hold any bytes; it is not XML, and nothing reads it as XML."""
    path = standard(tmp_path / "good.xlsx")
    png = b"\x89PNG\r\n\x1a\n" + b"<!DOCTYPE x [<!ENTITY a 'b'>]>" + b'<c r="A1">' * 100
    target = rezip(path, tmp_path / "picture.xlsx", add={"xl/media/image1.png": png})
    assert check_package(target).cells == check_package(path).cells


def test_a_part_the_content_types_call_xml_is_refused_when_it_does_not_begin_as_xml(tmp_path):
    path = standard(tmp_path / "good.xlsx")
    types = member(path, "[Content_Types].xml").decode().replace(
        "</Types>", '<Override PartName="/xl/custom.dat" ContentType="application/xml"/></Types>')
    target = rezip(path, tmp_path / "custom.xlsx", replace={"[Content_Types].xml": types.encode()},
                   add={"xl/custom.dat": '<?xml version="1.0"?><a/>'.encode("utf-32")})
    with pytest.raises(UnreadableWorkbook, match="xl/custom.dat 不是 UTF-8"):
        check_package(target)


# ---------------------------------------------------------------- item 5: a linear scan

_HEAD = '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c>'
_TAIL = '<c r="C1"><v>2</v></c></row></sheetData></worksheet>'


@pytest.mark.parametrize("markup", [
    "<!--" + '<c r="B1">' * 60_000 + "-->",
    "<?x " + '<c r="B1">' * 60_000 + "?>",
    "<![CDATA[" + '<c r="B1">' * 60_000 + "]]>",
    '<c r="B1">' * 60_000,
    '<c r="B1" a="' * 60_000,
    '<c r="B1"><v>' * 60_000,
], ids=["comment", "instruction", "cdata", "unclosed", "open-quote", "unclosed-values"])
def test_the_cell_scan_is_linear_whatever_the_sheet_holds(markup):
    """60,000 unclosed tags: 797 s before (each searched to the end of the sheet)."""
    with time_limit(10, "scan"):
        refs = [span.ref for span in _cell_spans(_HEAD + markup + _TAIL)]
    assert refs[0] == "A1" and refs[-1] == "C1"
    assert len(refs) == 2 or markup.startswith('<c r="B1"><v>')


def _sheet_member(tmp_path, sheet_data: bytes):
    path = tmp_path / "rows.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"<worksheet><sheetData>" + sheet_data
                         + b"</sheetData></worksheet>")
    return path


@pytest.mark.parametrize(("rows", "counted"), [
    (b"".join(b'<row r="%d"><c r="A%d"><v>1</v></c>' % (n, n) for n in range(1, 40_001)),
     40_000),
    (b"".join(b'<row r="%d"><c r="A%d"/>' % (n, n) for n in range(1, 40_001)), 0),
    (b'<row r="1"><c r="A1"><v>1</v></c></row><row r="2"/><row r="3" s="1"><c r="A3"/></row>'
     b'<row r="4"><c r="A4"><f>1+1</f></c></row><x:row r="5"><x:c><x:is><x:t>a</x:t></x:is>'
     b"</x:c></x:row><rowBreaks><v>1</v></rowBreaks>", 3),
], ids=["40000-unclosed-with-values", "40000-unclosed-empty", "well-formed"])
def test_rows_are_counted_in_linear_time_even_unclosed(tmp_path, rows, counted):
    """A damaged sheet of rows never closed (a mutated file, a cut-off export): counting
    the rows for the row limit searched each to the end of the sheet, 14 s for 8,000 rows,
    hours for a sheet at the size limit."""
    path = _sheet_member(tmp_path, rows)
    with zipfile.ZipFile(path) as archive, time_limit(10, "rows"):
        assert count_rows(path, archive, "xl/worksheets/sheet1.xml", Limits()) == counted


def test_cells_in_comments_are_not_cells():
    text = _HEAD + '<!-- <c r="B1"><v>9</v></c> --><?pi <c r="B2"/> ?>' + _TAIL
    assert [span.ref for span in _cell_spans(text)] == ["A1", "C1"]


def test_a_cells_children_and_inline_text_are_found_in_linear_time():
    with time_limit(10, "children"):
        assert _children("<v>" * 60_000 + "<v>3</v>")["v"][1] == "3"
        assert _inline_text("<t>" * 60_000 + "<t>文</t>" + "<rPh>" * 60_000) == "文"


def test_the_fast_reader_leaves_processing_instructions_to_openpyxl():
    xml = (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{_MAIN}"><sheetData>'
           '<?x <c r="B1"><v>2</v></c> ?><row r="1"><c r="A1"><v>1</v></c></row></sheetData>'
           "</worksheet>").encode()
    with pytest.raises(Unsure):
        document(xml)


@pytest.mark.parametrize("kind", ["tags-in-comment", "tags-in-instruction"])
def test_check_and_recalc_pass_over_60000_tags_in_markup(files, kind, tmp_path, capsys):
    path = files(kind)
    with time_limit(30, kind):
        assert main(["check", str(path)]) == 1  # read whole: the blank template's JX001
        assert "自评表未填写" in capsys.readouterr().out
        assert main(["recalc", str(path), "-o", str(tmp_path / "out.xlsx")]) == 0
    assert "全部公式计算成功" in capsys.readouterr().out


# ---------------------------------------------------------------- item 4: the engine at run time

@pytest.mark.parametrize(("kind", "cell", "words"), [
    ("indirect-whole-columns", "B1", "引用的区域过大（10,485,760 个单元格"),
    ("huge-arrays", "B1", "MUNIT 要生成的数组过大（10,000,000,000 个单元格）"),
    ("huge-arrays", "B2", "REPT 要生成 1,000,000,000 个字符的文字"),
    ("huge-arrays", "B3", "MAKEARRAY 要生成的数组过大"),
])
def test_the_engine_is_not_let_build_what_a_formula_asks_beyond_the_limits(files, kind, cell,
                                                                           words):
    from jixiao.recalc.workbook import recalculate

    with time_limit(60, kind):
        result = recalculate(files(kind), engine="formulas")
    [failure] = [item for item in result.failures if str(item.source).endswith(cell)]
    assert failure.value == "#VALUE!" and words in failure.reason
    assert result.values["附表"]["C1"] == 2  # the rest is computed


def test_small_arrays_are_still_built(tmp_path):
    from jixiao.recalc.workbook import recalculate

    book = Book()
    standard_sheet(book.sheet())
    sheet = book.wb.create_sheet("附表")
    sheet["A1"], sheet["B1"] = '=LEN(REPT("ab",3))', "=SUM(MAKEARRAY(2,3,LAMBDA(r,c,r*c)))"
    path = book.save(tmp_path / "small.xlsx")
    result = recalculate(path, engine="formulas")
    assert result.values["附表"] == {"A1": 6, "B1": 18} and not result.failures


# ---------------------------------------------------------------- item 5: a time bound everywhere

@pytest.mark.parametrize("command", ["check", "recalc", "convert"])
def test_every_command_gives_up_on_a_file_after_its_time(tmp_path, capsys, command, monkeypatch):
    path = standard(tmp_path / "慢.xlsx")

    def slow(*args, **kwargs):
        time.sleep(5)

    monkeypatch.setattr("jixiao.read.workbook.find_tables", slow)
    monkeypatch.setattr("jixiao.recalc.workbook.recalculate", slow)
    extra = {"check": [], "recalc": ["-o", str(tmp_path / "o.xlsx")],
             "convert": ["-o", str(tmp_path / "c.xlsx")]}[command]
    started = time.monotonic()
    assert main([command, str(path), *extra, "--timeout", "0.3"]) == 2
    assert time.monotonic() - started < 3
    out, err = capsys.readouterr()
    assert "“慢.xlsx”处理超过 0.3 秒，已放弃" in out + err and "JIXIAO_TIMEOUT" in out + err
    assert not (tmp_path / "o.xlsx").exists() and not (tmp_path / "c.xlsx").exists()


def test_the_time_bound_holds_when_code_inside_swallows_the_first_interruption():
    """formulas, openpyxl and jixiao's fallbacks catch every Exception in places."""
    started = time.monotonic()
    with pytest.raises(TimedOut), time_limit(0.2, "吞.xlsx"):
        try:
            while True:
                time.sleep(0.01)
        except Exception:  # noqa: BLE001 — as a library would
            pass
        while time.monotonic() - started < 10:
            time.sleep(0.01)
    assert time.monotonic() - started < 5


def test_the_time_bound_comes_from_the_option_the_environment_or_the_default():
    assert file_seconds(None, {}) == DEFAULT_FILE_SECONDS
    assert file_seconds(None, {"JIXIAO_TIMEOUT": "2.5"}) == 2.5
    assert file_seconds(None, {"JIXIAO_TIMEOUT": "0"}) is None
    assert file_seconds(7, {"JIXIAO_TIMEOUT": "2.5"}) == 7
    for junk in ("many", "inf", "-1", "nan", "1e400"):
        with pytest.raises(JixiaoError, match=f"JIXIAO_TIMEOUT 的值“{junk}”"):
            file_seconds(None, {"JIXIAO_TIMEOUT": junk})


def test_the_environment_sets_the_time_bound_of_check(tmp_path, capsys, monkeypatch):
    path = standard(tmp_path / "慢.xlsx")
    monkeypatch.setattr("jixiao.read.workbook.find_tables", lambda *a, **k: time.sleep(5))
    monkeypatch.setenv("JIXIAO_TIMEOUT", "0.2")
    assert main(["check", str(path)]) == 2
    assert "处理超过 0.2 秒" in capsys.readouterr().out


# ---------------------------------------------------------------- item 13

def test_a_table_of_5000_indicators_is_read(files):
    from jixiao.read.workbook import read_workbook

    [table] = read_workbook(files("5000-indicators")).tables
    assert len(table.indicators) == 5_000


def test_the_row_limit_is_set_by_the_environment(files, monkeypatch):
    from jixiao.read.workbook import read_workbook

    monkeypatch.setenv("JIXIAO_MAX_ROWS", "4000")
    with pytest.raises(UnreadableWorkbook, match="超过 4000 行的上限.*JIXIAO_MAX_ROWS"):
        read_workbook(files("5000-indicators"))
    assert Limits.from_environment({"JIXIAO_MAX_ROWS": "20000"}).max_rows == 20_000


def test_no_english_library_warning_reaches_the_user(tmp_path):
    """A member named twice (zipfile warns "Duplicate name" when one is written twice)."""
    path = standard(tmp_path / "dup.xlsx")
    data = io.BytesIO(path.read_bytes())
    with zipfile.ZipFile(data, "a") as archive, pytest.warns(UserWarning, match="Duplicate"):
        archive.writestr("docProps/app.xml", member(path, "docProps/app.xml"))
    twice = tmp_path / "twice.xlsx"
    twice.write_bytes(data.getvalue())
    output = tmp_path / "out.xlsx"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("PYTHONWARNINGS", None)
    for argv in (["recalc", str(twice), "-o", str(output)], ["check", str(twice)]):
        done = subprocess.run([sys.executable, "-m", "jixiao", *argv], capture_output=True,
                              text=True, env=env, timeout=120, check=False)
        assert done.returncode in (0, 1), done.stdout + done.stderr
        assert "Warning" not in done.stderr and "Duplicate" not in done.stderr, done.stderr
    with zipfile.ZipFile(output) as archive:
        names = archive.namelist()
    assert len(names) == len(set(names))


@pytest.mark.parametrize("command", ["recalc", "check"])
def test_a_245_byte_file_name_can_be_recalculated_in_place_and_annotated(tmp_path, command,
                                                                        capsys):
    name = "自评表" * 26 + "表表" + ".xlsx"  # 240 + 5 bytes: the hidden temporary name needs more
    assert len(name.encode()) == 245
    path = standard(tmp_path / name)
    if command == "recalc":
        assert main(["recalc", str(path), "--in-place"]) == 0
        assert Path(str(path) + ".bak").is_file()
    else:
        target = tmp_path / ("标注" * 40 + ".xlsx")
        assert main(["check", str(path), "--annotate", str(target)]) == 0
        assert target.is_file()
    assert not [item for item in os.listdir(tmp_path) if item.endswith(".tmp")]
    capsys.readouterr()


def _with_rows_far_down(path, how):
    """A standard table and, far below it, rows only formatted (``how`` "border": a
    border drawn down to row 12000) or one stray space (``how`` "stray": A12000)."""
    from openpyxl import load_workbook
    from openpyxl.styles import Border, Side

    book = load_workbook(path)
    sheet = book.worksheets[0]
    if how == "border":
        for row in range(60, 12000):
            sheet.cell(row, 2).border = Border(bottom=Side(style="thin"))
    else:
        sheet["A12000"] = " "
    book.save(path)
    return path


@pytest.mark.parametrize("how", ["border", "stray"])
@pytest.mark.parametrize("suffix", [".xlsx", ".xls", ".ods"])
def test_rows_only_formatted_or_one_stray_cell_are_no_long_sheet(tmp_path, how, suffix):
    """The row limit is about rows with content (a ledger): a border drawn down to row
    12000 refused the .xlsx as 过大, a stray space at A12000 dropped the .xls/.ods sheet
    with 没有找到 (the limit's note lost). Every format reads the table now."""
    from libreoffice import convert

    from jixiao.read.workbook import read_workbook

    path = _with_rows_far_down(standard(tmp_path / "t.xlsx"), how)
    if suffix != ".xlsx":
        path = convert(path, tmp_path, suffix.lstrip(".")) / f"t{suffix}"
    [table] = read_workbook(path).tables
    assert len(table.indicators) > 3


@pytest.mark.parametrize("suffix", [".xls", ".ods"])
def test_an_xls_or_ods_sheet_over_the_row_limit_says_so(tmp_path, suffix):
    """Before, the sheet was dropped and the file said 没有找到项目支出绩效自评表."""
    from libreoffice import convert

    from jixiao.read.workbook import read_workbook

    path = convert(standard(tmp_path / "t.xlsx"), tmp_path, suffix.lstrip(".")) / f"t{suffix}"
    with pytest.raises(UnreadableWorkbook, match="过大.*超过 5 行的上限.*JIXIAO_MAX_ROWS"):
        read_workbook(path, max_rows=5)
