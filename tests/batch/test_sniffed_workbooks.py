"""A file without an extension (an .xlsx whose name WeChat or QQ cut) is a workbook by its
bytes (``discover._sniffed_workbook``): an .xlsx, an .xls or an .ods is one, a Word
document, a zip of other files or a text is not — each file opened once, its first
and last bytes read, not opened again to tell an .xls or an .ods."""

import builtins
import os
import zipfile

import pytest
from workbooks import standard

from jixiao.batch.discover import _sniffed_workbook

_CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _write(folder, kind):
    """A file named ``kind`` (no extension) of that kind."""
    path = folder / kind
    if kind == "xlsx":
        os.replace(standard(folder / "t.xlsx"), path)
    elif kind == "xls":
        path.write_bytes(_CFB + bytes(4096))  # an OLE2 file, no Word stream: an .xls
    elif kind == "doc":
        path.write_bytes(_CFB + bytes(100) + "WordDocument".encode("utf-16-le") + bytes(100))
    elif kind == "ods":
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
            archive.writestr("content.xml", "<office:document-content/>")
    elif kind == "docx":
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
            archive.writestr("word/document.xml", "<w:document/>")
    elif kind == "zip":
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("自评表.xlsx", b"x")
    else:
        path.write_text("不是工作簿", "utf-8")


@pytest.mark.parametrize(("kind", "workbook"), [
    ("xlsx", True), ("xls", True), ("ods", True), ("doc", False), ("docx", False),
    ("zip", False), ("text", False)])
def test_a_file_without_extension_is_told_by_one_read(tmp_path, monkeypatch, kind, workbook):
    _write(tmp_path, kind)
    (entry,) = (entry for entry in os.scandir(tmp_path) if entry.name == kind)
    opened = []
    real_open = builtins.open

    def counted(file, *args, **kwargs):
        opened.append(os.fspath(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", counted)
    assert _sniffed_workbook(entry) is workbook
    assert opened == [entry.path]
