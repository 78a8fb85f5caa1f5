"""The quick paths of jixiao.safety give exactly what the general ones give: the
scanner's cell placing and area counting — on every file of the hostile corpus,
on the test workbooks and on random XML."""

import itertools
import zipfile
import zlib

import pytest
from hostile import CORPUS, build
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from workbooks import putuo, standard

from jixiao.safety import (
    _AREA,
    _CELL_OR_FORMULA,
    _CELL_REF,
    _CELL_TAG,
    _CHUNK,
    _DDE,
    _DOCTYPES,
    _R,
    _ROW_OR_CELL,
    _column,
    _Scanner,
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

class _Reference(_Scanner):
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
            total += 1_048_576 * (abs(_column(last) - _column(first)) + 1)
        else:
            start, end = _CELL_REF.fullmatch(first), _CELL_REF.fullmatch(last)
            if start and end:
                total += (abs(int(end.group(2)) - int(start.group(2))) + 1) * (
                    abs(_column(end.group(1)) - _column(start.group(1))) + 1)
    return total


def _state(scanner: _Scanner) -> tuple:
    return (scanner.cells, scanner.top, scanner.left, scanner.bottom, scanner.right,
            scanner.outside, scanner._row, scanner._column, scanner.doctype, scanner.dde,
            scanner._cell, scanner.keep)


def _both(part: str, chunks) -> tuple[_Scanner, _Scanner]:
    """Feed the chunks to the quick scanner and the reference, comparing after each."""
    quick, reference = _Scanner(part, scan=True), _Reference(part, scan=True)
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
        fresh = _Scanner("xl/worksheets/sheet1.xml", scan=True)
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
