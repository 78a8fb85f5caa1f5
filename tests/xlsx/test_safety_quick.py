"""The quick paths of jixiao.xlsx.guard and the reader's opening give exactly what the
general ones give: the scanner's cell placing and area counting, the one-step
unpacking of a small member, the members remembered as clean, the kept parts
(``CheckedZip``) and the reader's element collector (``_elements``) — on every
file of the hostile corpus, on the test workbooks and on random XML."""

import io
import itertools
import re
import zipfile
import zlib

import pytest
from hostile import CORPUS, build
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from workbooks import putuo, standard

import jixiao.xlsx.guard as safety
from jixiao.errors import UnreadableWorkbook
from jixiao.read.workbook import read_workbook
from jixiao.xlsx.book import _elements
from jixiao.xlsx.guard import (
    _CHUNK,
    _CLEAN_LIMIT,
    _CLEAN_MEMBERS,
    CheckedZip,
    _data_ends,
    _inflate_small,
    _small_member,
    check_package,
)
from jixiao.xlsx.refs import column_number
from jixiao.xlsx.scan import (
    _AREA,
    _CELL_OR_FORMULA,
    _CELL_REF,
    _CELL_TAG,
    _DDE,
    _DOCTYPES,
    _R,
    _ROW_OR_CELL,
    MemberScanner,
    _xml_text,
)

_MEMBER_CAP = 8 << 20  # bytes of a member fed to both scanners: bombs need not be unpacked whole


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Every corpus file, built once (outside tmp_path: no cell-source comparison)."""
    directory = tmp_path_factory.mktemp("corpus")
    return {kind: build(kind, directory / kind) for kind in CORPUS}


def _zips(corpus):
    for kind, path in corpus.items():
        if path.is_file() and zipfile.is_zipfile(path):
            try:
                archive = zipfile.ZipFile(path)
            except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError):
                continue
            with archive:
                yield kind, path, archive


# ---------------------------------------------------------------- the scanner

class _Reference(MemberScanner):
    """The scanning as it was before the quick paths (18f9eff), kept as the reference."""

    def _scan(self, region: bytes) -> None:
        if not region:
            return
        for match in _ROW_OR_CELL.finditer(region):
            self._place(match.group(1) == b"row", _R.search(match.group(2)))
        if b"ref" in region:
            self.cells += sum(_reference_area(match.group(1)) for match in _AREA.finditer(region))
        if (b"<!" in region or b"<\x00!" in region) and any(m in region for m in _DOCTYPES):
            self.doctype = True
        if b"|" not in region:
            at = region.rfind(b"<c ")
            if at >= 0:
                found = _CELL_OR_FORMULA.match(region, at)
                self._cell = found.group(1).decode("ascii", "replace") if found else None
            return
        for match in _CELL_OR_FORMULA.finditer(region):
            address, formula = match.groups()
            if address is not None:
                self._cell = address.decode("ascii", "replace")
                continue
            text = _xml_text(formula.decode("utf-8", "replace"))
            if "|" in text and _DDE.search(text):
                self.dde.append((self._cell, "=" + text))


def _reference_area(value: bytes) -> int:
    total = 0
    for piece in value.split():
        piece = piece.rsplit(b"!", 1)[-1].replace(b"$", b"")
        first, _, last = piece.partition(b":")
        if not last:
            continue
        if first.isdigit() and last.isdigit():
            total += 16_384 * (abs(int(last) - int(first)) + 1)
        elif first.isalpha() and last.isalpha():
            total += 1_048_576 * (abs(column_number(last) - column_number(first)) + 1)
        else:
            start, end = _CELL_REF.fullmatch(first), _CELL_REF.fullmatch(last)
            if start and end:
                total += (abs(int(end.group(2)) - int(start.group(2))) + 1) * (
                    abs(column_number(end.group(1)) - column_number(start.group(1))) + 1)
    return total


def _state(scanner: MemberScanner) -> tuple:
    return (scanner.cells, scanner.top, scanner.left, scanner.bottom, scanner.right,
            scanner.outside, scanner._row, scanner._column, scanner.doctype, scanner.dde,
            scanner._cell, scanner.keep)


def _outside_state(scanner: MemberScanner) -> tuple:
    """What a member's scan leaves for the package (not where it stopped in the member)."""
    return (scanner.cells, scanner.top, scanner.left, scanner.bottom, scanner.right,
            scanner.outside, scanner.doctype, scanner.dde, scanner.keep)


def _both(part: str, chunks) -> tuple[MemberScanner, MemberScanner]:
    """Feed the chunks to the quick scanner and the reference, comparing after each."""
    quick, reference = MemberScanner(part, scan=True), _Reference(part, scan=True)
    for chunk in chunks:
        quick.feed(chunk)
        reference.feed(chunk)
        assert _state(quick) == _state(reference)
    quick.finish()
    reference.finish()
    assert _state(quick) == _state(reference)
    return quick, reference


def _member_chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo):
    fed = 0
    try:
        with archive.open(info) as member:
            while fed < _MEMBER_CAP and (chunk := member.read(_CHUNK)):
                fed += len(chunk)
                yield chunk
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError,
            NotImplementedError, RuntimeError):
        return  # what zipfile cannot unpack: both scanners saw the same chunks


def test_the_quick_scan_agrees_with_the_reference_on_the_whole_corpus(corpus):
    members = 0
    for _, _, archive in _zips(corpus):
        for info in archive.infolist():
            _both(info.filename, _member_chunks(archive, info))
            members += 1
    assert members > 200


def test_the_quick_scan_agrees_on_test_workbooks_and_takes_its_quick_path(tmp_path_factory):
    directory = tmp_path_factory.mktemp("books")
    for path in (standard(directory / "s.xlsx"), putuo(directory / "p.xlsx")):
        with zipfile.ZipFile(path) as archive:
            sheet = archive.read("xl/worksheets/sheet1.xml")
        quick, _ = _both("xl/worksheets/sheet1.xml", [sheet])
        assert quick.cells > 50
        last_cell = sheet.rfind(b"<c ")
        fresh = MemberScanner("xl/worksheets/sheet1.xml", scan=True)
        assert fresh._place_plain(sheet, _CELL_TAG.findall(sheet), last_cell) == last_cell + 1


_ADDRESSES = st.builds(
    "{}{}".format,
    st.sampled_from(["A", "B", "K", "Z", "AB", "XFD", "XFE", "ZZZ", "AAAA", "a", "$A", ""]),
    st.sampled_from(["0", "1", "2", "12", "007", "1048576", "1048577", "9999999", "12345678",
                     "$3", ""]))
_TOKENS = st.one_of(
    _ADDRESSES.map('<c r="{}"/>'.format),
    _ADDRESSES.map('<c r="{}" s="1" t="n" />'.format),
    _ADDRESSES.map('<c r="{}"><v>1</v></c>'.format),
    _ADDRESSES.map('<c r="{}"><f>cmd|\' /c calc\'!A0</f></c>'.format),
    _ADDRESSES.map('<c s="2" r="{}">'.format),
    _ADDRESSES.map("<c r='{}'/>".format),
    _ADDRESSES.map('<x:c r="{}"/>'.format),
    _ADDRESSES.map('<c\tr="{}"/>'.format),
    _ADDRESSES.map('<c  r="{}"/>'.format),
    st.sampled_from(["<c/>", "<c>", "<c >", '<c r="">', "</c>", "<c", '<c r="A1',
                     "<row>", "<row/>", "</row>", "<x:row>", '<row r="x">', '<row r="">',
                     '<row spans="1:3" r="4">', "<row\n>", '<col min="1" max="2"/>', "<cols>",
                     '<color rgb="FF000000"/>', "<cfRule>", '<mergeCell ref="A:C"/>',
                     '<mergeCell ref="2:3"/>', "<mergeCell ref='$A$1:$B$2'/>",
                     '<hyperlink ref="A1:B2" r:id="rId1"/>', '<x:mergeCell ref="A1:D4"/>',
                     '<f t="shared" ref="A1:A9" si="0">A1</f>', "<f>SUM(A1:A3)</f>",
                     '<dimension ref="A1:K44"/>', "<!DOCTYPE a>", "<!-- x -->", " of ",
                     "<sheetData>", "</sheetData>", "|", "!", "<v>ref</v>", "\n", "\t"]),
    st.builds('<row r="{}">'.format, st.sampled_from(["1", "7", "1048576", "1048577", "0"])),
    st.builds('<mergeCell ref="{}:{}"/>'.format, _ADDRESSES, _ADDRESSES),
    st.text(alphabet="<>/=\"' crowf:A1$|!\t", max_size=12),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_TOKENS, max_size=80), st.lists(st.integers(0, 3000), max_size=6))
def test_the_quick_scan_agrees_with_the_reference_on_random_xml(tokens, cuts):
    xml = "".join(tokens).encode()
    edges = [0, *sorted(min(cut, len(xml)) for cut in cuts), len(xml)]
    _both("xl/worksheets/sheet1.xml", [xml[a:b] for a, b in itertools.pairwise(edges) if b > a])


@pytest.mark.parametrize("first", [
    '<abcdefghijklmnop:mergeCell ref="A1:B2"/>', '<abcdefghijklmnopq:mergeCell ref="A1:B2"/>',
    '<x:mergeCell ref="A1:B2"/>', '<x.y-z:hyperlink ref="A1:B9"/>', '<p:f t="array" ref="A1:C3">',
    '<f\tref="A1:A5">', '<mergeCell\nref="C1:C2"/>', '<_:hyperlink  ref = \'B2:B3\'/>'])
def test_areas_are_counted_from_their_first_element_whatever_its_prefix(first):
    xml = (f'<dimension ref="A1:K9"/><c r="A1"/>{first}<mergeCell ref="A1:D4"/>').encode()
    _both("xl/worksheets/sheet1.xml", [xml])
    _both("xl/worksheets/sheet1.xml", [b"<v>of </v>" * 3 + xml])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_ADDRESSES, st.integers(0, 3)), min_size=1, max_size=40),
       st.sampled_from(["", '<row r="3">', "<row>", '<row r="x"/>']))
def test_plain_rows_of_cells_agree_whatever_the_state_before(cells, tail):
    """Mostly plain sheets, as programs write them, cut so the quick path takes part."""
    forms = ['<c r="{}"/>', '<c r="{}" s="1"><v>2</v></c>', '<c r="{}" t="s"><v>0</v></c>',
             '<c s="1" r="{}"/>']
    body = "".join(forms[form].format(address) for address, form in cells)
    xml = f'<sheetData><row r="2">{body}</row>{tail}<c t="n"/><c/></sheetData>'.encode()
    _both("xl/worksheets/sheet1.xml", [xml[:len(xml) // 2], xml[len(xml) // 2:]])


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_TOKENS, max_size=40))
def test_a_member_found_clean_leaves_the_reference_scanner_as_fresh(tokens):
    """What ``found_nothing`` lets be remembered: content whose whole scan changes
    nothing a fresh scanner holds, so that skipping it gives the same state."""
    xml = "".join(tokens).encode()
    for part in ("xl/theme/theme1.xml", "xl/workbook.xml"):
        quick, reference = _both(part, [xml])
        if quick.found_nothing:
            fresh = _Reference(part, scan=True)
            fresh.feed(xml, clean=True)
            fresh.finish()
            assert _outside_state(fresh) == _outside_state(reference)


# ---------------------------------------------------------------- unpacking

def _unpack_small(stream, info, end):
    """A member unpacked in one step as ``check_package`` takes it (``_small_member``, then
    ``_inflate_small``); None where it leaves the member to zipfile."""
    packed = _small_member(stream, info, end)
    return _inflate_small(info, packed) if packed is not None else None


def test_a_small_member_is_unpacked_at_once_only_as_zipfile_would(corpus):
    """Never a member zipfile refuses; the same bytes for every other it takes."""
    taken = refused = 0
    for kind, path, archive in _zips(corpus):
        ends = _data_ends(archive.infolist(), archive.start_dir)
        with open(path, "rb") as stream:
            for info in archive.infolist():
                quick = _unpack_small(stream, info, ends[info.header_offset])
                try:
                    with archive.open(info) as member:
                        expected = member.read(_CHUNK + 1)
                except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError,
                        NotImplementedError, RuntimeError):
                    assert quick is None, (kind, info.filename)
                    refused += 1
                    continue
                if quick is not None:
                    assert quick == expected, (kind, info.filename)
                    taken += 1
    assert taken > 200 and refused > 0


def _with_member(data: bytes, name: str, change) -> bytes:
    """The zip with the local copy of ``name`` changed by ``change(bytearray, offset)``."""
    copy = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        change(copy, archive.getinfo(name).header_offset)
    return bytes(copy)


def test_what_zipfile_would_refuse_is_left_to_it_with_its_words(tmp_path):
    path = standard(tmp_path / "t.xlsx")
    data = path.read_bytes()
    member = "xl/workbook.xml"

    def rename(copy, at):  # the local header names another member
        start = at + 30
        copy[start:start + 3] = b"XL/"

    def flip(copy, at):  # a bit of the data changed after the checksum was written
        length = int.from_bytes(copy[at + 26:at + 28], "little")
        extra = int.from_bytes(copy[at + 28:at + 30], "little")
        copy[at + 30 + length + extra + 5] ^= 0x40

    def signature(copy, at):
        copy[at:at + 4] = b"PK\x01\x02"

    for change, words in ((rename, "无法解压"), (flip, "无法解压"), (signature, "无法解压")):
        damaged = _with_member(data, member, change)
        with zipfile.ZipFile(io.BytesIO(damaged)) as archive:
            info = archive.getinfo(member)
            ends = _data_ends(archive.infolist(), archive.start_dir)
            assert _unpack_small(io.BytesIO(damaged), info, ends[info.header_offset]) is None
        with pytest.raises(UnreadableWorkbook) as refused:
            check_package(path, damaged)
        assert words in str(refused.value) and member in str(refused.value)


def test_data_running_into_the_next_member_is_left_to_zipfile():
    """Newer zipfile refuses such "overlapped entries"; the quick path never takes them."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a.xml", b"<a>" + b"x" * 500 + b"</a>")
        archive.writestr("b.xml", b"<b/>")
    data = bytearray(out.getvalue())
    entry = data.index(b"PK\x01\x02")  # a.xml's directory entry: its packed size + 20
    size = int.from_bytes(data[entry + 20:entry + 24], "little")
    data[entry + 20:entry + 24] = (size + 20).to_bytes(4, "little")
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("a.xml")
        ends = _data_ends(archive.infolist(), archive.start_dir)
        assert _unpack_small(io.BytesIO(bytes(data)), info, ends[info.header_offset]) is None
        fair = archive.getinfo("b.xml")
        assert _unpack_small(io.BytesIO(bytes(data)), fair, ends[fair.header_offset]) == b"<b/>"


def _outcome(path, data):
    try:
        report = check_package(path, data, keep=True)
    except UnreadableWorkbook as error:
        return str(error)
    if report.contents is None:
        return report  # not a zip
    with report.contents as kept:
        parts = {info.filename: kept.read(info) for info in kept.infolist()}
    return (report.members, report.unpacked_bytes, report.cells, report.external, parts)


def test_members_remembered_as_clean_give_the_outcome_of_unpacking_them(corpus, monkeypatch):
    """Every corpus file checked with nothing remembered, then again after all were
    checked (their theme, styles … remembered): the same refusal or report."""
    datas = {kind: path.read_bytes() for kind, path in corpus.items() if path.is_file()}
    monkeypatch.setattr(safety, "_CLEAN_LIMIT", 10_000)
    _CLEAN_MEMBERS.clear()
    first = {}
    for kind, data in datas.items():
        first[kind] = _outcome(corpus[kind], data)
        _CLEAN_MEMBERS.clear()
    for kind, data in datas.items():
        _outcome(corpus[kind], data)
    assert len(_CLEAN_MEMBERS) > 5
    for kind, data in datas.items():
        assert _outcome(corpus[kind], data) == first[kind], kind
    _CLEAN_MEMBERS.clear()


def test_only_the_same_packed_bytes_checksum_and_size_count_as_seen(tmp_path):
    """A member is skipped only when its packed data, method, checksum and size are those
    of one found clean: another checksum or size is unpacked and refused as before."""
    path = standard(tmp_path / "t.xlsx")
    data = path.read_bytes()
    _CLEAN_MEMBERS.clear()
    check_package(path, data)
    member = "xl/styles.xml"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(member)
        entry = data.index(b"PK\x01\x02", archive.start_dir)
    assert any(key[1] == info.CRC for key in _CLEAN_MEMBERS)
    entry = data.index(member.encode(), entry) - 46  # its directory entry
    outcomes = []
    for offset, value in ((16, info.CRC ^ 1), (24, info.file_size + 1), (24, info.file_size - 1)):
        copy = bytearray(data)  # another checksum or size: zipfile's outcome, whatever it is
        copy[entry + offset:entry + offset + 4] = value.to_bytes(4, "little")
        check_package(path, data)
        remembered = _outcome(path, bytes(copy))
        _CLEAN_MEMBERS.clear()
        assert remembered == _outcome(path, bytes(copy))
        outcomes.append(remembered)
    assert f"{member} 无法解压（校验和不符" in outcomes[0]
    _CLEAN_MEMBERS.clear()


def test_the_members_remembered_stay_few(tmp_path, monkeypatch):
    path = standard(tmp_path / "t.xlsx")
    monkeypatch.setattr(safety, "_CLEAN_LIMIT", 3)
    _CLEAN_MEMBERS.clear()
    check_package(path)
    assert 0 < len(_CLEAN_MEMBERS) <= 3
    assert all(len(content) <= _CHUNK for content in _CLEAN_MEMBERS.values())
    assert _CLEAN_LIMIT >= 16
    _CLEAN_MEMBERS.clear()


# ---------------------------------------------------------------- the kept parts

@pytest.mark.parametrize("kind", ["template", "macro", "gbk-member-names", "chinese-names",
                                  "odd-sheet-names", "external-link", "10mb-comment"])
def test_the_kept_parts_read_as_zipfile_reads_them(corpus, kind):
    path = corpus[kind]
    data = path.read_bytes()
    report = check_package(path, data, keep=True)
    assert check_package(path, data).contents is None
    with zipfile.ZipFile(io.BytesIO(data)) as archive, report.contents as kept:
        assert isinstance(kept, CheckedZip)
        assert kept.namelist() == archive.namelist()
        assert [info.filename for info in kept.infolist()] == archive.namelist()
        for name in archive.namelist():
            assert kept.read(name) == archive.read(name)
            assert kept.open(name).read() == archive.read(name)
            assert kept.getinfo(name).CRC == archive.getinfo(name).CRC
        for info in kept.infolist():
            assert kept.read(info) == archive.read(info)
        with pytest.raises(KeyError) as missing:
            kept.read("xl/nothing.xml")
        with pytest.raises(KeyError) as expected:
            archive.read("xl/nothing.xml")
        assert str(missing.value) == str(expected.value)


def test_the_kept_parts_of_a_file_checked_by_path(corpus):
    path = corpus["template"]
    with check_package(path, keep=True).contents as kept, zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            assert kept.read(name) == archive.read(name)


def test_reading_a_workbook_unpacks_each_member_once(tmp_path, monkeypatch):
    path = standard(tmp_path / "t.xlsx")
    with zipfile.ZipFile(path) as archive:
        deflated = sum(info.compress_type == zipfile.ZIP_DEFLATED for info in archive.infolist())
    made = []
    original = zlib.decompressobj
    monkeypatch.setattr(zlib, "decompressobj", lambda *args: made.append(args) or original(*args))
    _CLEAN_MEMBERS.clear()
    assert read_workbook(path).tables
    assert len(made) == deflated  # python-calamine unpacks in Rust, on its own
    made.clear()
    assert read_workbook(path).tables  # again: the theme, styles … are known clean
    sheets = sum(name.startswith("xl/worksheets/") for name in zipfile.ZipFile(path).namelist())
    assert sheets <= len(made) < deflated
    _CLEAN_MEMBERS.clear()


def test_a_sheet_too_long_is_still_skipped(tmp_path):
    path = standard(tmp_path / "t.xlsx")
    with pytest.raises(UnreadableWorkbook, match="行，超过 10 行的上限"):
        read_workbook(path, max_rows=10)  # counted: the sheet is long enough for more rows
    assert not read_workbook(path).notes


# ---------------------------------------------------------------- the element collector

_DOCUMENTS = [
    b'<a xmlns="u"><b x="1"/><b y="2"><b z="3"/></b></a>', b"<a><b></a>", b"",
    b'<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>', b'<!DOCTYPE a SYSTEM "foo"><a>&e;</a>',
    b"<a>&e;</a>", b'<a xmlns:r="R"><b r:id="3" id="4"/></a>', b'<a x="1" x="2"/>',
    b'<a xmlns:r="R" xmlns:s="R"><b r:id="1" s:id="2"/></a>', b"<a><s:b/></a>",
    b'<?xml version="1.0" encoding="ISO-8859-1"?><a xmlns="u"><b n="\xe9"/></a>',
    "<a xmlns='u'><b n='表'/></a>".encode("utf-16"), b'<a xmlns="u"><b n="&amp;&#x41;"/></a>',
    b'<!DOCTYPE a SYSTEM "http://x/y"><a/>', b'<!DOCTYPE a [<!ENTITY % p "x">]><a/>',
    b'<a xmlns="u"><!-- <b x="1"/> --><![CDATA[<b/>]]><b\ty = "2"\n/></a>', b"<a/><b/>",
    b'<a xmlns="u"><b x="\x01"/></a>', b'<a xmlns="u"><b x="&#xFFFE;"/></a>',
]


def _defused(xml: bytes, tag: str):
    from defusedxml.ElementTree import fromstring

    try:
        return [dict(element.attrib) for element in fromstring(xml).iter(tag)]
    except Exception as error:  # noqa: BLE001 — compared by kind
        return type(error).__name__


def _collected(xml: bytes, tag: str):
    try:
        return _elements(xml, tag)
    except Exception as error:  # noqa: BLE001
        return type(error).__name__


def test_the_element_collector_gives_what_defusedxml_gives(corpus):
    compared = 0
    for xml in _DOCUMENTS:
        for tag in ("{u}b", "b", "{R}b", "a"):
            assert _collected(xml, tag) == _defused(xml, tag), (xml, tag)
    for _, _, archive in _zips(corpus):
        for name in archive.namelist():
            if not re.search(r"(\.rels|workbook\.xml)$", name):
                continue
            try:
                xml = archive.read(name)
            except Exception:  # noqa: BLE001 — a damaged member
                continue
            for tag in ("{http://schemas.openxmlformats.org/package/2006/relationships}"
                        "Relationship",
                        "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}sheet"):
                assert _collected(xml, tag) == _defused(xml, tag), name
                compared += 1
    assert compared > 100


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(['<b x="1">', "</b>", "<b/>", '<r:b r:id="2"/>', "<c>", "</c>",
                                 "&amp;", "&e;", "text", "<!-- c -->", '<b x="1" x="2"/>',
                                 "<![CDATA[<b/>]]>", "<?pi x?>", "<", ">", '"']), max_size=20))
def test_the_element_collector_agrees_on_random_documents(pieces):
    xml = ('<a xmlns="u" xmlns:r="R">' + "".join(pieces) + "</a>").encode()
    for tag in ("{u}b", "{R}b"):
        assert _collected(xml, tag) == _defused(xml, tag)


@pytest.mark.parametrize(("part", "what"), [("ppt/presentation.xml", "PowerPoint 演示文稿")])
def test_a_powerpoint_file_named_xlsx_is_said_to_be_one(tmp_path, part, what):
    """A .pptx renamed .xlsx: said so (before: 已损坏或格式异常（OSError）). A .docx
    renamed .xlsx is read as the Word document it is (tests/xlsx/test_wordtable.py)."""
    path = tmp_path / "自评表.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(part, "<document/>")
    with pytest.raises(UnreadableWorkbook, match=f"“自评表.xlsx”是{what}"):
        read_workbook(path)
