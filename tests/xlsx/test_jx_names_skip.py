"""A workbook part that can define no JX_ name is not parsed for its names
(``book._may_name_jx``): the answer is the one the parse gives (``SKIP_WITHOUT_JX = False``,
the reference path) — for jixiao's template, for a workbook without JX_ names, and for the
writings a byte search could miss (a character reference, lower case, UTF-16)."""

import io
import sys
import zipfile
from pathlib import Path

import pytest

import jixiao.xlsx.book as book

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import corpus  # noqa: E402

_HEAD = '<?xml version="1.0" encoding="{encoding}" standalone="yes"?>\n'
_BOOK = ('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
         '<sheets><sheet name="自评表" sheetId="1"/></sheets>'
         '<definedNames>{names}</definedNames></workbook>')


def _archive(names: str, encoding: str = "UTF-8") -> zipfile.ZipFile:
    xml = (_HEAD.format(encoding=encoding) + _BOOK.format(names=names)).encode(
        "utf-16" if encoding == "UTF-16" else "utf-8")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", xml)
    return zipfile.ZipFile(buffer)


_PLACED = "'自评表'!$K$2"
_WRITTEN = [
    "",
    f'<definedName name="_xlnm.Print_Area" localSheetId="0">{_PLACED}</definedName>',
    f'<definedName name="JX_Rules">{_PLACED}</definedName>',
    f'<definedName name="jx_rules">{_PLACED}</definedName>',
    f'<definedName name="&#74;X_Rules">{_PLACED}</definedName>',
    f'<definedName name="&#x6A;x_Rules">{_PLACED}</definedName>',
    f'<definedName name="Other" localSheetId="0">{_PLACED}</definedName>'
    f'<definedName name="Jx_Total">{_PLACED}</definedName>',
    '<definedName name="JX_Rules"',  # does not parse
]


def _both(archive: zipfile.ZipFile, monkeypatch) -> tuple[frozenset[str], frozenset[str]]:
    monkeypatch.setattr(book, "SKIP_WITHOUT_JX", False)
    reference = book.jx_name_sheets(archive)
    monkeypatch.setattr(book, "SKIP_WITHOUT_JX", True)
    return reference, book.jx_name_sheets(archive)


@pytest.mark.parametrize("encoding", ["UTF-8", "UTF-16"])
@pytest.mark.parametrize("names", _WRITTEN)
def test_as_parsed(names, encoding, monkeypatch):
    reference, fast = _both(_archive(names, encoding), monkeypatch)
    assert fast == reference
    if "_Rules" in names and names.endswith(">"):
        assert fast == {"自评表"}


def test_the_benchmarks_books(tmp_path, monkeypatch):
    """Every layout of the benchmark's corpus, jixiao's template among them."""
    found = []
    for index in (0, 2, 4, 7):  # standard, sichuan, template, attachment
        with zipfile.ZipFile(corpus.build(tmp_path / f"{index}.xlsx", index)) as archive:
            reference, fast = _both(archive, monkeypatch)
            assert fast == reference
            found.append(bool(fast))
    assert any(found) and not all(found)


def test_no_jx_name_is_not_parsed(monkeypatch):
    parsed = []
    monkeypatch.setattr(book, "defined_names", lambda root: parsed.append(root) or [])
    book.jx_name_sheets(_archive(_WRITTEN[1]))
    assert not parsed
