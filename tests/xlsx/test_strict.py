"""A workbook saved as “Strict Open XML 电子表格” (Excel's Save As; ISO/IEC 29500 strict): the
same parts as an .xlsx, its namespaces and relationship types the strict ones
(http://purl.oclc.org/ooxml/…). LibreOffice reads it; before, jixiao refused it (“jixiao 不读取
这种格式”). Now ``check`` reads it as the .xlsx it maps onto (xlsx/strict.py); ``recalc`` and
the annotated copy, which write into the file, refuse it in words."""

from __future__ import annotations

import json
import zipfile

from workbooks import standard

from jixiao.cli.main import main
from jixiao.xlsx.strict import transitional_part

MAIN = b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"

# transitional → strict, as Excel's Save As “Strict Open XML 电子表格” writes them
_TO_STRICT = [
    (b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
     b"http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties"),
    (b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/",
     b"http://purl.oclc.org/ooxml/officeDocument/relationships/"),
    (b'"http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
     b'"http://purl.oclc.org/ooxml/officeDocument/relationships"'),
    (b"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
     b"http://purl.oclc.org/ooxml/officeDocument/extendedProperties"),
    (MAIN, b"http://purl.oclc.org/ooxml/spreadsheetml/main"),
    (b"http://schemas.openxmlformats.org/drawingml/2006/main",
     b"http://purl.oclc.org/ooxml/drawingml/main"),
]


def _table(path, **options):
    """The standard table, 总分 written 90 against 99.98 (JX501 at H16)."""
    return standard(path, total=(100, 90), **options)


def _as_strict(path, target, sheet=lambda xml: xml):
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(target, "w",
                                                          zipfile.ZIP_DEFLATED) as copy:
        for item in source.infolist():
            data = source.read(item)
            for old, new in _TO_STRICT:
                data = data.replace(old, new)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = sheet(data)
            copy.writestr(item, data)
    with zipfile.ZipFile(target) as archive:  # nothing transitional left but the package's
        assert not any(b"schemas.openxmlformats.org/spreadsheetml" in archive.read(name)
                       or b"schemas.openxmlformats.org/officeDocument" in archive.read(name)
                       for name in archive.namelist())
    return target


def test_a_strict_workbook_is_checked_as_the_xlsx_it_maps_onto(tmp_path, capsys):
    path = _as_strict(_table(tmp_path / "t.xlsx"), tmp_path / "strict.xlsx")
    before = path.read_bytes()
    assert main(["check", "--json", str(path)]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["sheet"] == "自评表" and data["total_declared"] == 90
    assert [(item["code"], item["sheet"], item["cell"], item["message"])
            for item in data["findings"]] == [("JX501", "自评表", "H16", "总分写为 90，各项得分之和为 99.98")]
    assert path.read_bytes() == before


def test_what_writes_into_the_file_refuses_it_in_words(tmp_path, capsys):
    path = _as_strict(_table(tmp_path / "t.xlsx"), tmp_path / "strict.xlsx")
    before = path.read_bytes()
    said = ("jixiao：“strict.xlsx”是“Strict Open XML 电子表格”格式：jixiao 能校验它，但不能按这种"
            "格式写出重算结果或标注副本。请在 Excel 中“另存为”，保存类型选“Excel 工作簿(*.xlsx)”，"
            "或在 WPS、LibreOffice 中另存为 Excel 工作簿（.xlsx）后再试\n")
    # the check is reported; the copy asked for is not made, which the exit code (2, as
    # batch gives for copies not written), the report and the JSON say
    assert main(["check", "--annotate", str(tmp_path / "标注.xlsx"), str(path)]) == 2
    out, err = capsys.readouterr()
    assert "JX501  自评表!H16" in out and "已写入标注副本" not in out
    assert f"注意：未能写出标注副本：{said.removeprefix('jixiao：')}" in out and err == ""
    assert main(["check", "--json", "--annotate", str(tmp_path / "标注.xlsx"), str(path)]) == 2
    out, err = capsys.readouterr()
    assert json.loads(out)["notes"] == [f"未能写出标注副本：{said.removeprefix('jixiao：').strip()}"]
    assert err == said
    assert main(["recalc", str(path)]) == 2
    out, err = capsys.readouterr()
    assert err == said
    assert sorted(item.name for item in tmp_path.iterdir()) == ["strict.xlsx", "t.xlsx"]
    assert path.read_bytes() == before


def test_the_guard_reads_a_strict_package_before_any_parser(tmp_path):
    """A DTD (billion laughs, external entities) in a strict package is refused as in an
    .xlsx: the guard checks the file before its namespaces are renamed."""
    from jixiao.pipeline import check_workbook

    def dtd(xml):
        return xml.replace(b"<worksheet", b'<!DOCTYPE worksheet [<!ENTITY a "aaaa">]><worksheet', 1)

    plain = tmp_path / "plain.xlsx"
    _table(plain)
    with zipfile.ZipFile(plain) as source:
        members = {item.filename: source.read(item) for item in source.infolist()}
    members["xl/worksheets/sheet1.xml"] = dtd(members["xl/worksheets/sheet1.xml"])
    with zipfile.ZipFile(plain, "w") as target:
        for name, data in members.items():
            target.writestr(name, data)
    strict = _as_strict(_table(tmp_path / "t.xlsx"), tmp_path / "strict.xlsx", sheet=dtd)
    refused = check_workbook(plain).error
    assert "DTD" in refused
    assert check_workbook(strict).error == refused.replace("plain.xlsx", "strict.xlsx")


def test_only_namespace_declarations_and_relationship_types_are_renamed():
    strict = (b'<?xml version="1.0"?>\n<x:worksheet xmlns:x="http://purl.oclc.org/ooxml/'
              b'spreadsheetml/main" xmlns:r=\'http://purl.oclc.org/ooxml/officeDocument/'
              b'relationships\' xmlns:o="http://purl.oclc.org/ooxml/unknown/main"><x:c>'
              b'<x:is><x:t>http://purl.oclc.org/ooxml/spreadsheetml/main</x:t></x:is></x:c>'
              b'</x:worksheet>')
    assert transitional_part(strict) == strict.replace(
        b'"http://purl.oclc.org/ooxml/spreadsheetml/main"', b'"' + MAIN + b'"').replace(
        b"'http://purl.oclc.org/ooxml/officeDocument/relationships'",
        b"'http://schemas.openxmlformats.org/officeDocument/2006/relationships'")
    rels = (b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            b'<Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/officeDocument/'
            b'relationships/extendedProperties" Target="docProps/app.xml"/><Relationship '
            b'Id="rId2" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/hyperlink" '
            b'Target="http://purl.oclc.org/ooxml/spreadsheetml/main" TargetMode="External"/>'
            b'</Relationships>')
    assert transitional_part(rels) == rels.replace(
        b"http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties",
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
    ).replace(b"http://purl.oclc.org/ooxml/officeDocument/relationships/hyperlink",
              b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink")


def test_an_xlsx_quoting_the_strict_namespace_in_a_cell_is_not_changed(tmp_path, capsys):
    """Not changed: a transitional workbook whose text holds the strict namespace's address
    is no strict workbook; it is read as written (the address kept in its cell)."""
    from jixiao.read.workbook import read_workbook

    address = "http://purl.oclc.org/ooxml/spreadsheetml/main"
    path = _table(tmp_path / "t.xlsx",
                  name=f"普陀区医疗保险事务中心信息安全等保项目（{address}）")
    [table] = read_workbook(path).tables
    assert table.project.name == f"普陀区医疗保险事务中心信息安全等保项目（{address}）"


def test_a_package_whose_relationships_are_cut_short_is_refused_not_crashed(tmp_path, capsys):
    """A damaged _rels/.rels (not well-formed: a ParseError, which is no ValueError) is no
    strict workbook: check and recalc refuse the file in words, as for any damaged package
    (fuzz seed 3 crashed both with the ParseError)."""
    from jixiao.xlsx.strict import is_strict

    rels = b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Rel'
    assert is_strict(["_rels/.rels"], lambda name: rels) is False
    path = _table(tmp_path / "t.xlsx")
    damaged = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            target.writestr(item, data[: len(data) // 2] if item.filename == "_rels/.rels" else data)
    capsys.readouterr()
    assert main(["check", str(damaged)]) == 2
    assert "damaged.xlsx" in capsys.readouterr().out
    assert main(["recalc", str(damaged), "-o", str(tmp_path / "out.xlsx")]) == 2
    assert "无法读取“damaged.xlsx”" in capsys.readouterr().err
