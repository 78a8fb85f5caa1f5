"""The fast cell source reads the shared strings and number formats Excel writes
itself, python-calamine the rest (rich text, unusual parts), and openpyxl what
openpyxl would refuse. Each workbook here is also read by both sources and
compared (tests/conftest.py)."""

import io
import re
import zipfile

import pytest
from engines import assert_engines_agree
from workbooks import sichuan, standard

from jixiao.xlsx.book import sheet_parts
from jixiao.xlsx.cells import calamine_sheets

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
STRINGS_RELATION = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
EXCEL_ROOT = (f'<worksheet xmlns="{MAIN}" xmlns:r="http://schemas.openxmlformats.org/'
              'officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/'
              'markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.'
              'microsoft.com/office/spreadsheetml/2009/9/ac">')


def sheets_of(path):
    data = path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return calamine_sheets(data, archive, sheet_parts(path, archive))


def excel_like(path, item=None, member="xl/sharedStrings.xml", declared=True):
    """The workbook at ``path`` as Excel saves it: its inline strings moved to shared
    strings (each ``<si>`` made by ``item``), Excel's root element and row attributes."""
    item = item or (lambda text: f'<si><t>{text}</t><phoneticPr fontId="1" '
                                 f'type="noConversion"/></si>')
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    strings: list[str] = []

    def shared(match):
        strings.append(match.group(3))
        return f'<c r="{match.group(1)}"{match.group(2)} t="s"><v>{len(strings) - 1}</v></c>'

    for name in [name for name in members if name.startswith("xl/worksheets/sheet")]:
        xml = members[name].decode()
        xml = re.sub(r'<c r="([A-Z]+[0-9]+)"((?: s="[0-9]+")?) t="inlineStr"><is><t>(.*?)</t>'
                     r"</is></c>", shared, xml)
        xml = re.sub(r"<worksheet [^>]*>", EXCEL_ROOT, xml, count=1)
        xml = re.sub(r'<row r="([0-9]+)"', r'<row r="\1" x14ac:dyDescent="0.25"', xml)
        members[name] = xml.encode()
    members[member] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
                       f'<sst xmlns="{MAIN}" count="{len(strings)}" uniqueCount="{len(strings)}">'
                       + "".join(item(text) for text in strings) + "</sst>").encode()
    if declared:
        members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(
            b"</Types>", f'<Override PartName="/{member}" ContentType="{STRINGS_TYPE}"/>'
                         f"</Types>".encode())
    members["xl/_rels/workbook.xml.rels"] = members["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>", f'<Relationship Id="rIdS" Type="{STRINGS_RELATION}" '
                             f'Target="/{member}"/></Relationships>'.encode())
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_excels_shared_strings_are_read_without_calamine(tmp_path, monkeypatch):
    path = excel_like(standard(tmp_path / "excel.xlsx"))
    import jixiao.xlsx.cells as fastread

    monkeypatch.setattr(fastread._Calamine, "sheet", lambda self, name: pytest.fail(name))
    sheets = sheets_of(path)
    assert sheets is not None
    assert any(value == "三级指标" for _, _, value, _ in sheets[0].cells)


@pytest.mark.parametrize("item, fast", [
    (lambda text: f"<si><t>{text}</t></si>", True),
    (lambda text: f'<si><t xml:space="preserve"> {text} </t></si>', True),
    (lambda text: f"<si><t>{text}\t</t></si>", True),          # untrimmed: read as it is
    (lambda text: f"<si><r><t>{text}</t></r></si>", True),     # rich text: calamine
    (lambda text: f'<si><r><rPr><b/></rPr><t>{text}</t></r><r><t xml:space="preserve"> '
                  f"</t></r></si>", True),
    (lambda text: f'<si><t>{text}</t><rPh sb="0" eb="1"><t>ヨミ</t></rPh></si>', True),
    (lambda text: f"<si><r><t>{text} </t></r></si>", False),    # calamine would trim it
    (lambda text: f"<si><t>{text}&amp;x005F_&#x41;</t></si>", True),
    (lambda text: f"<si><t>{text}&bogus;</t></si>", False),     # an XML parser refuses it
    (lambda text: f"<si><t>{text}&#1;</t></si>", False),
    (lambda text: f"<si><t>{text}\x01</t></si>", False),
    (lambda text: f"<si><!-- a comment --><t>{text}</t></si>", False),
])
def test_shared_strings_are_read_as_openpyxl_reads_them(tmp_path, item, fast):
    path = excel_like(sichuan(tmp_path / "t.xlsx"), item)
    assert (sheets_of(path) is not None) is fast
    assert_engines_agree(path)


def test_shared_strings_elsewhere_or_undeclared(tmp_path):
    elsewhere = excel_like(standard(tmp_path / "elsewhere.xlsx"), member="xl/strings.xml")
    undeclared = excel_like(standard(tmp_path / "undeclared.xlsx"), declared=False)
    for path in (elsewhere, undeclared):
        assert_engines_agree(path)


def test_a_cut_short_sheet_goes_to_openpyxl(tmp_path):
    path = standard(tmp_path / "t.xlsx")
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    xml = members["xl/worksheets/sheet1.xml"]
    members["xl/worksheets/sheet1.xml"] = xml[:xml.index(b"</sheetData>")]
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    assert sheets_of(path) is None
    assert_engines_agree(path)


def _two_names(path, names):
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    workbook = members["xl/workbook.xml"].decode()
    first = re.search(r"<sheet [^>]*/>", workbook).group(0)  # the sheet 自评表, as rId1
    second = first.replace('sheetId="1"', 'sheetId="9"')  # the same part under another name
    workbook = workbook.replace(first, first.replace('name="自评表"', f'name="{names[0]}"')
                                + second.replace('name="自评表"', f'name="{names[1]}"'))
    members["xl/workbook.xml"] = workbook.encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize("names", [("自评表", "自评表"), ("Sheet", "sheet")])
def test_sheet_names_openpyxl_changes_go_to_openpyxl(tmp_path, names):
    assert sheets_of(_two_names(standard(tmp_path / "t.xlsx"), names)) is None


def test_sheet_names_openpyxl_refuses_are_read_as_written(tmp_path):
    """“a[1]”: openpyxl refuses the name, the reference reads the sheet under a stand-in
    (tests/xlsx/test_sheet_names.py); both read it as “a[1]”."""
    path = _two_names(standard(tmp_path / "t.xlsx"), ("a[1]", "b"))
    assert [sheet.name for sheet in sheets_of(path)] == ["a[1]", "b"]
    assert_engines_agree(path)


def test_shared_strings_declared_but_missing_go_to_openpyxl(tmp_path):
    path = standard(tmp_path / "t.xlsx")  # inline strings only
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(
        b"</Types>", f'<Override PartName="/xl/sharedStrings.xml" ContentType="{STRINGS_TYPE}"/>'
                     f"</Types>".encode())
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    assert sheets_of(path) is None  # openpyxl refuses the file
    assert_engines_agree(path)


CODES = ['&quot;¥&quot;#,##0.00', 'yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;', "0.00%",
         "[h]:mm:ss", "0.0&#10;0", "0.0\t0", "yyyy-mm-dd\nhh:mm", "[$-804]yyyy/m/d", "@",
         "0.00_);[Red]\\(0.00\\)", "General"]


@pytest.mark.parametrize("numbers, fast", [
    ("".join(f'<numFmt numFmtId="{164 + i}" formatCode="{code}"/>' for i, code in
             enumerate(CODES)), True),
    ("".join(f"<numFmt formatCode='{code}' numFmtId='{164 + i}' />" for i, code in
             enumerate(CODES)), True),                        # read by a parser, not the regex
])
def test_number_formats_of_the_stylesheet_are_read_as_openpyxl_reads_them(tmp_path, numbers,
                                                                        fast):
    from jixiao.cli.main import main

    path = tmp_path / "t.xlsx"
    assert main(["demo", "-o", str(path)]) == 0  # the template, filled in: 20 cell styles
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    styles = members["xl/styles.xml"].decode()
    count = len(re.findall(r"<xf[\s/>]", styles[styles.index("<cellXfs"):]))
    styles = re.sub(r"<numFmts[^>]*?(/>|>.*?</numFmts>)", "", styles, flags=re.S)
    styles = styles.replace("<fonts", f'<numFmts count="{len(CODES)}">{numbers}</numFmts><fonts', 1)
    head, cells = styles.split("<cellXfs", 1)
    index = iter(range(10 ** 6))
    cells = re.sub(r'numFmtId="[0-9]+"', lambda m: f'numFmtId="{164 + next(index) % len(CODES)}"',
                   cells)
    members["xl/styles.xml"] = (head + "<cellXfs" + cells).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    assert count > 1
    assert (sheets_of(path) is not None) is fast
    assert_engines_agree(path)


def _rewritten(path, change):
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    change(members)
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _drop(name):
    return lambda members: members.pop(name)


def _edit(name, old, new):
    def change(members):
        assert old in members[name], (name, old)
        members[name] = members[name].replace(old, new, 1)
    return change


@pytest.mark.parametrize("change", [
    _drop("xl/_rels/workbook.xml.rels"),
    _edit("xl/_rels/workbook.xml.rels", b'Id="rId1"', b'Id="rId7"'),
    _edit("[Content_Types].xml", b"sheet.main+xml", b"sheet.mine+xml"),
    _edit("xl/styles.xml", b"</cellXfs>", b"</cellxfs>"),
], ids=["no workbook relationships", "a sheet without its relationship",
        "no workbook in the manifest", "stylesheet not well-formed"])
def test_a_workbook_openpyxl_cannot_open_goes_to_openpyxl(tmp_path, change):
    path = _rewritten(standard(tmp_path / "t.xlsx"), change)
    assert sheets_of(path) is None
    assert_engines_agree(path)


def test_a_sheet_the_reader_leaves_out_is_fine_if_openpyxl_finds_it(tmp_path):
    """The reader passes on no sheet it skips (too many rows, a chart sheet): then the
    workbook's relationships must still hold one for it, or openpyxl refuses the file."""
    from workbooks import Book, standard_sheet

    book = Book()
    standard_sheet(book.sheet("自评表"))
    book.sheet("明细").line("很多行")
    path = book.save(tmp_path / "t.xlsx")

    def first_sheet_only(path):
        data = path.read_bytes()
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return calamine_sheets(data, archive, {"自评表": "xl/worksheets/sheet1.xml"})

    with zipfile.ZipFile(path) as archive:
        assert list(sheet_parts(path, archive)) == ["自评表", "明细"]
    assert first_sheet_only(path) is not None
    _rewritten(path, _edit("xl/_rels/workbook.xml.rels", b'Id="rId2"', b'Id="rId9"'))
    assert first_sheet_only(path) is None
    assert_engines_agree(path)
