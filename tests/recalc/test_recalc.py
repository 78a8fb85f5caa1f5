"""Headless recalculation: values, the untouched package, both engines, the command, LibreOffice."""

from __future__ import annotations

import csv
import hashlib
import os
import re
import shutil
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import openpyxl
import pytest
from openpyxl.comments import Comment

from jixiao.cli.main import main
from jixiao.errors import JixiaoError, UnreadableWorkbook
from jixiao.model import evaluate
from jixiao.read.by_names import read_template
from jixiao.recalc.workbook import default_output, recalc_file, recalculate
from jixiao.samples import sample, zizhou_2023
from jixiao.template.build import build_template
from jixiao.xlsx.package import ExcelError, Package
from jixiao.xlsx.writeback import (
    BLANK_RESULT,
    KEEP_CALC_ID,
    cached_text,
    keep_cached_results,
    write_cached_values,
)

ROOT = Path(__file__).resolve().parents[2]
SHEET = "自评表"
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


# ---------------------------------------------------------------- test workbooks

def uncalculated(path: Path) -> Path:
    """The file without its formulas' results, as a program that computes nothing saves it
    (jixiao's template stores them)."""
    package = Package(path)
    write_cached_values(package, path, {sheet.name: {cell.ref: None for cell in
                                                     package.cells(sheet) if cell.formula}
                                        for sheet in package.sheets})
    return path


def putuo(path: Path) -> Path:
    build_template(path, table=sample("putuo-1"))
    return uncalculated(path)


def zizhou(path: Path) -> Path:
    build_template(path, table=zizhou_2023().table)
    return uncalculated(path)


def clerk_formulas(path: Path) -> Path:
    """The Putuo template plus what a clerk adds: SUM, IF, ROUND, other sheets."""
    putuo(path)
    wb = openpyxl.load_workbook(path)
    ws = wb[SHEET]
    ws["L6"] = "=ROUND(H6*100,1)"
    ws["L43"] = "=SUM(G13:G42)+G6"
    summary = wb.create_sheet("汇总")
    summary["A1"] = "总分"
    summary["B1"] = f"='{SHEET}'!H43"
    summary["B2"] = f'=IF(\'{SHEET}\'!H43>=90,"优秀","待改进")'
    summary["B3"] = f"=ROUND(SUM('{SHEET}'!H13:H42)/COUNT('{SHEET}'!H13:H42),2)"
    summary["B4"] = f"=JX_GRADE('{SHEET}'!H43-10)"
    summary["B5"] = f"='{SHEET}'!L43*2"
    wb.save(path)
    return path


def macro_workbook(path: Path) -> Path:
    """An .xlsm: the Putuo template with a VBA project member."""
    plain = putuo(path.with_suffix(".plain.xlsx"))
    vba = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 8  # stands in for VBA
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(
                    b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                    b"application/vnd.ms-excel.sheet.macroEnabled.main+xml").replace(
                    b"</Types>", b'<Default Extension="bin" '
                    b'ContentType="application/vnd.ms-office.vbaProject"/></Types>')
            elif info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(b"</Relationships>", (
                    b'<Relationship Id="rIdVba" Target="vbaProject.bin" '
                    b'Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject"/>'
                    b"</Relationships>"))
            out.writestr(info, data)
        out.writestr("xl/vbaProject.bin", vba)
    plain.unlink()
    return path


def image_and_comment(path: Path) -> Path:
    """The Putuo template with a comment on a cell and a picture on the sheet."""
    putuo(path)
    wb = openpyxl.load_workbook(path)
    wb[SHEET]["D3"].comment = Comment("项目名称以批复文件为准", "财务科")
    wb.save(path)
    with zipfile.ZipFile(path) as source:
        members = [(info, source.read(info)) for info in source.infolist()]
    drawing = (
        '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"'
        ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
        f' xmlns:r="{REL_NS}"><xdr:oneCellAnchor><xdr:from><xdr:col>9</xdr:col><xdr:colOff>0'
        "</xdr:colOff><xdr:row>5</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>"
        '<xdr:ext cx="952500" cy="952500"/><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="印章"/>'
        "<xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip r:embed=\"rIdPng\"/><a:stretch>"
        "<a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:prstGeom prst=\"rect\"/>"
        "</xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in members:
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", (
                    b'<Default Extension="png" ContentType="image/png"/>'
                    b'<Override PartName="/xl/drawings/drawing1.xml" ContentType='
                    b'"application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>'
                ))
            elif info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"<legacyDrawing", (
                    f'<drawing xmlns:r="{REL_NS}" r:id="rIdDrawing"/><legacyDrawing').encode(), 1)
            elif info.filename == "xl/worksheets/_rels/sheet1.xml.rels":
                data = data.replace(b"</Relationships>", (
                    '<Relationship Id="rIdDrawing" Target="/xl/drawings/drawing1.xml" Type='
                    f'"{REL_NS}/drawing"/></Relationships>').encode())
            out.writestr(info, data)
        out.writestr("xl/drawings/drawing1.xml", drawing)
        out.writestr("xl/drawings/_rels/drawing1.xml.rels", (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rIdPng" Type="{REL_NS}/image" Target="../media/image1.png"/>'
            "</Relationships>"))
        out.writestr("xl/media/image1.png", _png())
    return path


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    pixels = zlib.compress(b"".join(b"\x00" + b"\xcc\x00\x00" * 4 for _ in range(4)))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", pixels) + chunk(b"IEND", b""))


def raw_workbook(path: Path, sheets: dict[str, str], names: dict[str, str] | None = None,
                 generator: str = "Microsoft Excel", strings: list[str] | None = None) -> Path:
    """A package written by hand: sheet name → the XML inside <sheetData>; ``strings``
    become the shared strings (t="s" cells index them)."""
    sheet_entries = "".join(f'<sheet name="{name}" sheetId="{i}" r:id="rId{i}"/>'
                            for i, name in enumerate(sheets, start=1))
    defined = "".join(f'<definedName name="{name}">{ref}</definedName>'
                      for name, ref in (names or {}).items())
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("[Content_Types].xml", (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType='
            '"application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType='
            '"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            + "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType='
                      '"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                      for i in range(1, len(sheets) + 1))
            + ('<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
               'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
               if strings else "")
            + '<Override PartName="/docProps/app.xml" ContentType='
            '"application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>'))
        out.writestr("_rels/.rels", (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/>'
            f'<Relationship Id="rId2" Type="{REL_NS}/extended-properties" '
            'Target="docProps/app.xml"/></Relationships>'))
        out.writestr("docProps/app.xml", (
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
            f'extended-properties"><Application>{generator}</Application></Properties>'))
        out.writestr("xl/workbook.xml", (
            f'<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}"><sheets>{sheet_entries}</sheets>'
            + (f"<definedNames>{defined}</definedNames>" if defined else "") + "</workbook>"))
        out.writestr("xl/_rels/workbook.xml.rels", (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(f'<Relationship Id="rId{i}" Type="{REL_NS}/worksheet" '
                      f'Target="worksheets/sheet{i}.xml"/>' for i in range(1, len(sheets) + 1))
            + (f'<Relationship Id="rIdStrings" Type="{REL_NS}/sharedStrings" '
               'Target="sharedStrings.xml"/>' if strings else "")
            + "</Relationships>"))
        if strings:
            out.writestr("xl/sharedStrings.xml", (
                f'<sst xmlns="{MAIN_NS}" count="{len(strings)}" uniqueCount="{len(strings)}">'
                + "".join(f"<si><t>{text}</t></si>" for text in strings) + "</sst>"))
        for i, data in enumerate(sheets.values(), start=1):
            out.writestr(f"xl/worksheets/sheet{i}.xml",
                         f'<worksheet xmlns="{MAIN_NS}"><sheetData>{data}</sheetData></worksheet>')
    return path


def shared_and_array(path: Path) -> Path:
    """JX_ formulas as Excel saves them: shared down a column, and one array formula."""
    rows = []
    targets = [("≥95%", "85%", 10), ("100%", "100%", 20), ("≤3 小时", "4 小时", 10)]
    for row, (target, actual, weight) in enumerate(targets, start=1):
        f = ('<f t="shared" ref="D1:D3" si="0">JX_SCORE(A1,B1,C1,Rules)</f>' if row == 1
             else '<f t="shared" si="0"/>')
        rows.append(
            f'<row r="{row}"><c r="A{row}" t="inlineStr"><is><t>{target}</t></is></c>'
            f'<c r="B{row}" t="inlineStr"><is><t>{actual}</t></is></c>'
            f'<c r="C{row}"><v>{weight}</v></c><c r="D{row}">{f}<v>0</v></c>'
            + (f'<c r="E{row}"><f t="array" ref="E1:E3">_xludf.JX_SCORES(A1:A3,B1:B3,C1:C3)</f>'
               "<v>0</v></c>" if row == 1 else f'<c r="E{row}"><v>0</v></c>')
            + ('<c r="F1" t="inlineStr"><is><t>mof2020</t></is></c>' if row == 1 else "")
            + "</row>")
    rows.append('<row r="4"><c r="D4"><f>JX_TOTAL(D1:D3)</f></c>'
                '<c r="E4" t="str"><f>JX_GRADE(D4)</f><v></v></c></row>')
    return raw_workbook(path, {"表": "".join(rows)}, {"Rules": "'表'!$F$1"})


def excel_style(path: Path) -> Path:
    """As Excel saves the template: shared strings, shared formulas, the add-in's
    functions as [1]!JX_… (external workbook 1 is the .xlam), cached values present."""
    strings = ["≥95%", "85%", "100%", "mof2020", "满意度指标", "成本指标", "≤30 万元", "45 万元"]
    rows = [('<row r="1"><c r="F1" t="s"><v>3</v></c></row>')]
    for row, (target, actual, weight, level2) in enumerate(
            [(0, 1, 10, 4), (2, 2, 20, 4), (6, 7, 10, 5)], start=2):
        f = ('<f t="shared" ref="D2:D4" si="0">[1]!JX_SCORE(A2,B2,C2,$F$1,,E2)</f>' if row == 2
             else '<f t="shared" si="0"/>')
        rows.append(f'<row r="{row}"><c r="A{row}" t="s"><v>{target}</v></c>'
                    f'<c r="B{row}" t="s"><v>{actual}</v></c><c r="C{row}"><v>{weight}</v></c>'
                    f'<c r="D{row}">{f}<v>7</v></c><c r="E{row}" t="s"><v>{level2}</v></c>'
                    f'<c r="G{row}" t="b"><f>_xludf.JX_MET(A{row},B{row},E{row})</f><v>0</v></c>'
                    "</row>")
    rows.append('<row r="5"><c r="D5"><f>[1]!JX_TOTAL(D2:D4)</f><v>37</v></c>'
                '<c r="E5" t="str"><f>[1]!JX_GRADE(D5)</f><v>差</v></c></row>')
    return raw_workbook(path, {"自评表": "".join(rows)}, strings=strings)


WORKBOOKS = {
    "putuo": (putuo, ".xlsx"),
    "zizhou": (zizhou, ".xlsx"),
    "clerk": (clerk_formulas, ".xlsx"),
    "macro": (macro_workbook, ".xlsm"),
    "image_comment": (image_and_comment, ".xlsx"),
    "shared_array": (shared_and_array, ".xlsx"),
    "excel_style": (excel_style, ".xlsx"),
}


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory):
    folder = tmp_path_factory.mktemp("workbooks")
    return {key: make(folder / f"{key}{suffix}") for key, (make, suffix) in WORKBOOKS.items()}


@pytest.fixture(scope="module")
def recalculated(workbooks, tmp_path_factory):
    folder = tmp_path_factory.mktemp("recalculated")
    out = {}
    for key, path in workbooks.items():
        target = folder / f"{key}.recalc{path.suffix}"
        written, result = recalc_file(path, target)
        out[key] = (written, result)
    return out


# ---------------------------------------------------------------- the values

def cached(path: Path, sheet: str = SHEET) -> dict[str, object]:
    """The cached values as a reader sees them (openpyxl, data_only)."""
    wb = openpyxl.load_workbook(path, data_only=True)
    return {cell.coordinate: cell.value for row in wb[sheet].iter_rows() for cell in row}


@pytest.mark.parametrize("key", ["putuo", "zizhou", "macro", "image_comment"])
def test_cached_values_are_the_core_model_numbers(key, workbooks, recalculated):
    written, result = recalculated[key]
    assert result.engine == "core" and not result.failures and not result.cycles
    table = read_template(workbooks[key])
    evaluation = evaluate(table)
    values = cached(written)
    assert values["I6"] == evaluation.execution_score
    assert values["H6"] == pytest.approx(evaluation.rate / 100, abs=1e-15)
    if evaluation.total is None:
        assert values["H43"].startswith("⚠") and values["H44"] == BLANK_RESULT
    else:
        assert (values["H43"], values["H44"]) == (evaluation.total, evaluation.grade)
    assert values["G43"] == 100
    for indicator, score in zip(table.indicators, evaluation.scores, strict=True):
        shown_score = values["H" + indicator.sources["name"].cell[1:]]
        if score.value is None:
            assert shown_score.startswith("⚠")
        else:
            assert shown_score == score.value
    again = read_template(written)  # the reader sees the scores as declared now
    assert again.total_declared == evaluation.total  # None for a ⚠ text
    assert again.funds.score_declared == evaluation.execution_score


def test_putuo_shows_the_published_numbers(recalculated):
    values = cached(recalculated["putuo"][0])
    assert (values["I6"], values["H43"], values["H44"]) == (9.98, 99.98, "优")
    assert values["K13"] == "是"
    assert values["H14"] == BLANK_RESULT  # an unused row: shown blank (writeback.cached_text)


def test_zizhou_scores_the_satisfaction_by_the_rules_and_flags_the_unit_mismatch(recalculated):
    values = cached(recalculated["zizhou"][0])
    scores = [v for k, v in values.items() if re.fullmatch(r"H(1[3-9]|[23]\d|4[0-2])", k)]
    assert 8.95 in scores
    assert any(isinstance(v, str) and v.startswith("⚠") for v in scores)  # 25 万参保 vs 100%
    assert values["H43"].startswith("⚠") and values["H44"] == BLANK_RESULT


def test_clerk_formulas_use_the_general_engine_with_the_same_jx_numbers(recalculated):
    written, result = recalculated["clerk"]
    assert result.engine == "formulas" and not result.failures
    values, plain = cached(written), cached(recalculated["putuo"][0])
    assert all(values[ref] == plain[ref] for ref in plain if ref[0] in "GHIK")
    assert values["L6"] == 99.8
    assert values["L43"] == 100
    summary = cached(written, "汇总")
    assert summary["B1"] == 99.98
    assert summary["B2"] == "优秀"
    assert summary["B3"] == round(99.98 - 9.98, 2) / 5  # 90 over five scored rows
    assert summary["B4"] == "良"
    assert summary["B5"] == 200


def test_shared_and_array_formulas(recalculated):
    written, result = recalculated["shared_array"]
    assert result.engine == "core"
    values = cached(written, "表")
    assert [values[f"D{row}"] for row in (1, 2, 3)] == [8.95, 20, 6.67]
    assert [values[f"E{row}"] for row in (1, 2, 3)] == [8.95, 20, 6.67]
    assert values["D4"] == 35.62
    assert values["E4"] == "差"


def test_a_shared_formulas_followers_have_their_masters_text(tmp_path):
    from jixiao.recalc.workload import cells_with_texts

    package = Package(shared_and_array(tmp_path / "shared.xlsx"))
    [sheet] = package.sheets
    texts = {cell.ref: text for cell, text in cells_with_texts(package, sheet)}
    assert [texts[f"D{row}"] for row in (1, 2, 3)] == ["JX_SCORE(A1,B1,C1,Rules)"] * 3
    assert texts["E1"] == "_xludf.JX_SCORES(A1:A3,B1:B3,C1:C3)"
    assert texts["A1"] == texts["E2"] == ""  # a value, and a cell an array formula fills
    assert texts["E4"] == "JX_GRADE(D4)"


def test_excel_style_workbook(recalculated):
    written, result = recalculated["excel_style"]
    assert result.engine == "core" and not result.failures
    values = cached(written)
    # 满意度 ≥95% vs 85% → 8.95; 100% → 20; a 成本 ceiling of 30 万元 overrun to 45 → 5.
    assert [values[f"D{row}"] for row in (2, 3, 4)] == [8.95, 20, 5]
    assert [values[f"G{row}"] for row in (2, 3, 4)] == ["否", "是", "否"]
    assert (values["D5"], values["E5"]) == (33.95, "差")


# ---------------------------------------------------------------- both engines agree

@pytest.mark.parametrize("key", sorted(WORKBOOKS))
def test_both_engines_give_identical_values(key, workbooks):
    general = recalculate(workbooks[key], engine="formulas")
    if key == "clerk":
        with pytest.raises(JixiaoError, match="JX_ 函数以外的公式") as refused:
            recalculate(workbooks[key], engine="core")
        said = str(refused.value).split("”", 1)[1].replace("--engine formulas 或 auto", "")
        assert not re.search("[a-z]{4}", said)  # Chinese only, no English reason
        assert recalculate(workbooks[key]).engine == "formulas"
        plain = recalculate(workbooks["putuo"], engine="core").values[SHEET]
        assert {ref: general.values[SHEET][ref] for ref in plain} == plain
        return
    fast = recalculate(workbooks[key], engine="core")
    assert fast.values == general.values
    assert recalculate(workbooks[key]).engine == "core"


@pytest.mark.parametrize("table", ["putuo-2", "putuo-3", "putuo-4", "putuo-5", "putuo-6",
                                   "putuo-7"])
def test_both_engines_agree_on_every_published_table(table, tmp_path):
    path = tmp_path / "t.xlsx"
    build_template(path, table=sample(table))
    assert recalculate(path, engine="core").values == recalculate(path, engine="formulas").values


def test_both_engines_agree_on_awkward_inputs(tmp_path):
    """Blanks, texts in number cells, judged scores, a bad rule name, errors in inputs."""
    rows = "".join(
        f'<row r="{row}">'
        + "".join(f'<c r="{col}{row}" t="inlineStr"><is><t>{text}</t></is></c>' if text else ""
                  for col, text in zip("ABC", cells, strict=True))
        + f'<c r="D{row}"><f>JX_SCORE(A{row},B{row},C{row},$F$1,E{row},"成本指标")</f></c>'
        + f'<c r="G{row}"><f>JX_MET(A{row},B{row})</f></c>'
        + f'<c r="H{row}"><f>_xludf.JX_SCORE(A{row},B{row},C{row},,,)</f></c></row>'
        for row, cells in enumerate([
            ("≥90%", "部分达成", "10"), ("", "", ""), ("及时", "达成", "x"),
            ("30 万元", "45 万元", "10"), ("≥95%", "85 %", "-1"), ("2023-12-31", "2024-01-02", "5"),
        ], start=2))
    sheet = ('<row r="1"><c r="F1" t="inlineStr"><is><t>nosuch</t></is></c></row>' + rows
             + '<row r="9"><c r="D9"><f>JX_TOTAL(D2:D7,0.5)</f></c>'
             '<c r="E9"><f>JX_WEIGHT_TOTAL(C2:C7)</f></c><c r="F9"><f>JX_RATE(31.56,"31.50万元")</f>'
             '</c><c r="G9"><f>JX_EXEC_SCORE(F9)</f></c>'
             '<c r="H9"><f>JX_RATE("1,234.56","１，２００")</f></c>'
             '<c r="I9"><f>JX_RATE("1,2,3",1)</f></c></row>')
    path = raw_workbook(tmp_path / "awkward.xlsx", {"S": sheet})
    fast = recalculate(path, engine="core")
    assert fast.values == recalculate(path, engine="formulas").values
    # a money cell holds a number (or a text plainly one, "31.50"): a unit is refused as
    # the native template and check refuse it (rules.template_amount), never read one way
    # here and another there
    assert fast.values["S"]["F9"] == "⚠ 全年执行数(B)“31.50万元”是文字，不是数值：请只填数字（单位已是万元；单元格为文本格式的，改为常规格式后重新输入）"
    assert fast.values["S"]["G9"] == fast.values["S"]["F9"]
    # thousands grouped, full-width digits: numbers as Excel reads them; "1,2,3" is not one
    assert fast.values["S"]["H9"] == 1200 / 1234.56
    assert fast.values["S"]["I9"] == "⚠ 全年预算数(A)“1,2,3”是文字，不是数值：请只填数字（单位已是万元；单元格为文本格式的，改为常规格式后重新输入）"


# ---------------------------------------------------------------- the package stays as it was

def _mask(xml: str, cells: set[str]) -> str:
    """Sheet XML with the t= and <v> of the given cells removed."""
    def strip(match: re.Match[str]) -> str:
        start, body = match.group(1), match.group(3) or ""
        start = re.sub(r'\st="[^"]*"', "", start)
        body = re.sub(r"<v(?:\s[^>]*)?(?:/>|>.*?</v>)", "", body, flags=re.S)
        return f"{start}>{body}</c>"

    pattern = re.compile(r'(<c r="([A-Z]+\d+)"[^>]*?)(?:/>|>(.*?)</c>)', re.S)
    return pattern.sub(lambda m: strip(m) if m.group(2) in cells else m.group(0), xml)


@pytest.mark.parametrize("key", sorted(WORKBOOKS))
def test_output_differs_only_in_computed_values_and_calc_properties(key, workbooks, recalculated):
    source, (written, result) = workbooks[key], recalculated[key]
    package = Package(source)
    parts = {sheet.part: sheet.name for sheet in package.sheets}
    with zipfile.ZipFile(source) as before, zipfile.ZipFile(written) as after:
        assert [i.filename for i in before.infolist()] == [i.filename for i in after.infolist()]
        for info in before.infolist():
            old, new = before.read(info), after.read(info.filename)
            if info.filename in parts:
                computed = set(result.values.get(parts[info.filename], {}))
                assert _mask(old.decode(), computed) == _mask(new.decode(), computed)
            elif info.filename == package.workbook_part:
                calc_pr = re.compile(r"<calcPr[^>]*>")
                assert calc_pr.sub("", old.decode()) == calc_pr.sub("", new.decode())
                assert f'<calcPr calcId="{KEEP_CALC_ID}"' in new.decode()
                assert "fullCalcOnLoad" not in new.decode()
            else:
                assert old == new, info.filename
    if key == "macro":
        assert written.suffix == ".xlsm"
        with zipfile.ZipFile(written) as archive:
            assert archive.read("xl/vbaProject.bin").startswith(b"\xd0\xcf\x11\xe0")
    if key == "image_comment":
        wb = openpyxl.load_workbook(written)
        assert wb[SHEET]["D3"].comment.text == "项目名称以批复文件为准"
        with zipfile.ZipFile(written) as archive:
            assert archive.read("xl/media/image1.png") == _png()


def test_formulas_are_kept_and_a_second_run_changes_nothing(recalculated, tmp_path):
    written = recalculated["putuo"][0]
    assert openpyxl.load_workbook(written)[SHEET]["H43"].value == \
        "=JX_TOTAL(I6,INDEX(H:H,ROW(H12)+1):INDEX(H:H,ROW()-1))"
    again, _ = recalc_file(written, tmp_path / "again.xlsx")
    with zipfile.ZipFile(written) as first, zipfile.ZipFile(again) as second:
        for info in first.infolist():
            assert first.read(info) == second.read(info.filename), info.filename


def test_cached_text_encodings():
    assert cached_text(9.98) == (None, "9.98")
    assert cached_text(100.0) == (None, "100")
    assert cached_text(1e-20) == (None, "1E-20")
    assert cached_text(True) == ("b", "1")
    assert cached_text(ExcelError("#DIV/0!")) == ("e", "#DIV/0!")
    assert cached_text(float("nan")) == ("e", "#NUM!")
    assert cached_text("优") == ("str", "优")
    assert cached_text("") == ("str", BLANK_RESULT)  # a no-break space: LibreOffice keeps it
    assert cached_text("a<b & _x0041_\x01") == ("str", "a&lt;b &amp; _x005F_x0041__x0001_")


def test_calc_pr_is_added_where_the_schema_wants_it():
    bare = f'<workbook xmlns="{MAIN_NS}"><sheets><sheet name="S"/></sheets></workbook>'
    assert keep_cached_results(bare).endswith(
        f'</sheets><calcPr calcId="{KEEP_CALC_ID}"/></workbook>')
    named = bare.replace("</sheets>", "</sheets><definedNames><definedName>x</definedName>"
                         "</definedNames>")
    assert f'</definedNames><calcPr calcId="{KEEP_CALC_ID}"/>' in keep_cached_results(named)


def test_calc_pr_asks_no_program_to_recalculate_on_opening():
    """fullCalcOnLoad goes, an old calcId (openpyxl's 124519) is raised, the rest stays."""
    bare = f'<workbook xmlns="{MAIN_NS}"><sheets><sheet name="S"/></sheets></workbook>'
    old = bare.replace("</workbook>", '<calcPr calcId="124519" fullCalcOnLoad="1" '
                       'iterate="1"/></workbook>')
    assert f'<calcPr calcId="{KEEP_CALC_ID}" iterate="1"/>' in keep_cached_results(old)
    newer = bare.replace("</workbook>", f'<calcPr calcId="{KEEP_CALC_ID + 1}"/></workbook>')
    assert f'<calcPr calcId="{KEEP_CALC_ID + 1}"/>' in keep_cached_results(newer)
    prefixed = bare.replace("</workbook>", "<x:calcPr fullCalcOnLoad='1'/></workbook>")
    assert f'<x:calcPr calcId="{KEEP_CALC_ID}"/>' in keep_cached_results(prefixed)


def test_prefixed_xml_and_cells_without_addresses(tmp_path):
    """Other generators write <x:c> with a namespace prefix, or leave out r=."""
    path = raw_workbook(tmp_path / "p.xlsx", {"S": "", "T": (
        '<row><c t="inlineStr"><is><t>≥95%</t></is></c><c t="inlineStr"><is><t>85%</t></is>'
        "</c><c><v>10</v></c><c><f>JX_SCORE(A1,B1,C1)</f></c><c><f>C1*2</f></c></row>")})
    with zipfile.ZipFile(path) as source:
        members = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w") as out:
        for info, data in members:
            if info.filename == "xl/worksheets/sheet1.xml":
                data = (f'<x:worksheet xmlns:x="{MAIN_NS}"><x:sheetData><x:row r="2">'
                        '<x:c r="B2"><x:v>4</x:v></x:c><x:c r="C2" s="0"><x:f>JX_GRADE(B2*20)'
                        '</x:f></x:c><x:c r="D2" t="str"><x:f>JX_GRADE(B2)</x:f><x:v>良</x:v></x:c>'
                        "</x:row></x:sheetData></x:worksheet>").encode()
            out.writestr(info, data)
    written, result = recalc_file(path)
    assert result.engine == "formulas"  # B2*20 is not a plain JX_ call
    assert result.values == {"S": {"C2": "良", "D2": "差"}, "T": {"D1": 8.95, "E1": 20.0}}
    shown_s = cached(written, "S")
    assert (shown_s["B2"], shown_s["C2"], shown_s["D2"]) == (4, "良", "差")
    assert cached(written, "T")["D1"] == 8.95
    text = zipfile.ZipFile(written).read("xl/worksheets/sheet1.xml").decode()
    assert '<x:c r="D2" t="str"><x:f>JX_GRADE(B2)</x:f><x:v>差</x:v></x:c>' in text


# ---------------------------------------------------------------- failures and cycles

def broken(path: Path) -> Path:
    return raw_workbook(path, {"S": (
        '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f>A1/0</f></c><c r="C1"><f>NOSUCH(A1)</f>'
        '</c><c r="D1"><f>E1+1</f></c><c r="E1"><f>D1+1</f></c><c r="F1"><f>SUM(A1:F1)</f></c>'
        '<c r="G1"><f>JX_TOTAL(B1,A1)</f></c><c r="H1"><f>A1*3</f><v>999</v></c></row>')})


def test_failed_cells_get_error_values_and_are_listed(tmp_path):
    written, result = recalc_file(broken(tmp_path / "b.xlsx"))
    assert written == tmp_path / "b.recalc.xlsx"
    failed = {failure.source.cell: (failure.value, failure.reason) for failure in result.failures}
    assert failed["B1"] == ("#DIV/0!", "除数为 0")
    assert failed["C1"][0] == "#NAME?"
    assert failed["D1"][1] == failed["E1"][1] == failed["F1"][1] == "循环引用"
    assert failed["G1"][0] == "#DIV/0!"  # an error argument is passed on
    assert "H1" not in failed
    assert sorted(map(sorted, ([s.cell for s in c] for c in result.cycles))) == [
        ["D1", "E1"], ["F1"]]
    values = cached(written, "S")
    assert values["B1"] == "#DIV/0!" and values["H1"] == 3
    assert openpyxl.load_workbook(written)["S"]["C1"].value == "=NOSUCH(A1)"


def test_whole_columns_are_computed_and_nothing_hides_a_cell_not_computed(tmp_path):
    """资金!A:D is cut to the used rows (LibreOffice gives the same numbers); a cell that
    depends on one not computed is not computed either, even through IFERROR."""
    book = openpyxl.Workbook()
    funds = book.active
    funds.title = "资金"
    for row in (["项目", "预算", "执行"], ["年度资金总额", 140, 132.15], ["其他", 0, 0]):
        funds.append(row)
    sheet = book.create_sheet("表")
    formulas = {"A1": '=VLOOKUP("年度资金总额",资金!A:C,3,FALSE)',
                "A2": "=IFERROR(A1/VLOOKUP(\"年度资金总额\",资金!A:C,2,FALSE),0)",
                "A3": '=COUNTIF(资金!B:B,">=100")+SUM(资金!$C:$C)',
                "A4": "=COUNTBLANK(资金!B:B)",           # blanks count: not cut
                "A5": "=IFERROR(A4*2,0)",
                "A6": "=IFERROR(SUM(A4:A5),0)",
                "A7": "=IFERROR(NOSUCHFN(1),5)",          # formulas has no such function
                "A8": '=IF(ISERROR(A7),"坏","好")'}
    for ref, formula in formulas.items():
        sheet[ref] = formula
    source = tmp_path / "整列.xlsx"
    book.save(source)
    written, result = recalc_file(source)
    values = cached(written, "表")
    assert values["A1"] == 132.15
    assert values["A2"] == pytest.approx(132.15 / 140)
    assert values["A3"] == 133.15
    failed = {failure.source.cell: (failure.value, failure.reason) for failure in result.failures}
    assert set(failed) == {"A4", "A5", "A6", "A7", "A8"}
    assert "引用的区域过大" in failed["A4"][1]
    assert failed["A5"] == failed["A6"] == ("#VALUE!", "依赖未算出的单元格 表!A4")
    assert failed["A7"] == ("#NAME?", "计算引擎没有函数 NOSUCHFN，未计算")
    assert failed["A8"] == ("#VALUE!", "依赖未算出的单元格 表!A7")
    assert values["A5"] == values["A6"] == values["A8"] == "#VALUE!"


def test_a_name_defined_for_one_sheet_is_found_on_that_sheet(tmp_path):
    from openpyxl.workbook.defined_name import DefinedName

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "表"
    for row, score in enumerate([10, 8.5, 4], start=1):
        sheet.cell(row, 7, score)
    sheet.defined_names["指标得分"] = DefinedName("指标得分", attr_text="表!$G$1:$G$3")
    sheet.defined_names["满分"] = DefinedName("满分", attr_text="表!$G$1")
    book.defined_names["满分"] = DefinedName("满分", attr_text="999")  # the sheet's wins
    sheet["A1"] = '=SUM(指标得分)+满分&"指标得分"'
    source = tmp_path / "名称.xlsx"
    book.save(source)
    written, result = recalc_file(source)
    assert not result.failures
    assert cached(written, "表")["A1"] == "32.5指标得分"


def test_a_data_table_is_refused_in_chinese(tmp_path):
    path = raw_workbook(tmp_path / "t.xlsx", {"S": (
        '<row r="1"><c r="A1"><f t="dataTable" ref="A1:A2" dt2D="0" dtr="0" r1="B1"/>'
        "<v>1</v></c></row>")})
    with pytest.raises(JixiaoError, match="模拟运算表"):
        recalculate(path)


# ---------------------------------------------------------------- files and the command

def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_input_is_never_touched(workbooks, tmp_path):
    source = shutil.copy(workbooks["putuo"], tmp_path / "自评表.xlsx")
    before = (digest(source), source.stat().st_mtime_ns)
    assert main(["recalc", str(source)]) == 0
    assert main(["recalc", str(source), "-o", str(tmp_path / "out.xlsx")]) == 0
    assert (digest(source), source.stat().st_mtime_ns) == before
    assert (tmp_path / "自评表.recalc.xlsx").is_file() and (tmp_path / "out.xlsx").is_file()


def test_the_default_output_never_replaces_an_earlier_one(workbooks, tmp_path, capsys):
    """rt30: recalc without -o replaced 自评表.recalc.xlsx, which the clerk may have opened
    and edited, and 自评表.et's result replaced 自评表.xlsx's (both 自评表.recalc.xlsx). As
    demo does, a second run writes 自评表.recalc (2).xlsx …; --force replaces (-o: the
    next test)."""
    source = shutil.copy(workbooks["putuo"], tmp_path / "自评表.xlsx")
    edited = tmp_path / "自评表.recalc.xlsx"
    edited.write_bytes(b"the clerk's edited result")
    assert main(["recalc", str(source)]) == 0
    out = capsys.readouterr().out
    second = tmp_path / "自评表.recalc (2).xlsx"
    assert f"结果已写入：{second}（“自评表.recalc.xlsx”已存在，未覆盖；要覆盖它请加 --force）" in out
    assert edited.read_bytes() == b"the clerk's edited result"
    assert cached(second)["H43"] == 99.98
    assert main(["recalc", str(source)]) == 0  # and the next one beside both
    assert cached(tmp_path / "自评表.recalc (3).xlsx")["H43"] == 99.98
    et = shutil.copy(source, tmp_path / "自评表.et")  # an .xlsx saved as .et: 自评表.recalc.xlsx
    assert main(["recalc", str(et)]) == 0
    assert cached(tmp_path / "自评表.recalc (4).xlsx")["H43"] == 99.98
    assert edited.read_bytes() == b"the clerk's edited result"
    capsys.readouterr()
    assert main(["recalc", str(source), "--force"]) == 0
    assert "未覆盖" not in capsys.readouterr().out
    assert cached(edited)["H43"] == 99.98
    assert not list(tmp_path.glob(".*.tmp"))


def test_a_named_output_that_exists_is_kept_unless_force(workbooks, tmp_path, capsys):
    """rt35 r9 #1: recalc -o 乙单位.xlsx replaced another unit's workbook (or a text file)
    without a word. As the default output and check --annotate do, -o writes 乙单位 (2).xlsx
    and says so; --force replaces the file named."""
    source = shutil.copy(workbooks["putuo"], tmp_path / "甲单位.xlsx")
    other = tmp_path / "乙单位.xlsx"
    other.write_bytes(b"another unit's workbook")
    assert main(["recalc", str(source), "-o", str(other)]) == 0
    second = tmp_path / "乙单位 (2).xlsx"
    assert f"结果已写入：{second}（“乙单位.xlsx”已存在，未覆盖；要覆盖它请加 --force）" \
        in capsys.readouterr().out
    assert other.read_bytes() == b"another unit's workbook"
    assert cached(second)["H43"] == 99.98
    assert main(["recalc", str(source), "-o", str(other), "--force"]) == 0
    assert "未覆盖" not in capsys.readouterr().out
    assert cached(other)["H43"] == 99.98
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "乙单位 (2).xlsx", "乙单位.xlsx", "甲单位.xlsx"]


@pytest.mark.parametrize("args, target", [
    (["--in-place"], "自评表.xlsx"),
    (["-o", "乙.xlsx", "--force"], "乙.xlsx"),
    (["-o", "乙.xlsx"], "乙.xlsx"),  # written to 乙 (2).xlsx: 乙.xlsx's are swept all the same
    ([], "自评表.recalc.xlsx"),
])
def test_a_later_run_removes_the_temporary_file_a_killed_one_left(workbooks, tmp_path, args,
                                                                  target):
    """rt35 r9 #4: recalc --in-place killed (kill -9) while writing leaves its hidden
    .自评表.xlsx.XXXXXXXX.tmp. The next finished write of the same target removes it
    (``fileio._sweep``, as batch does its own); a temporary of another target, or a
    file only like one, is left alone."""
    source = shutil.copy(workbooks["putuo"], tmp_path / "自评表.xlsx")
    (tmp_path / "乙.xlsx").write_bytes(b"another unit's workbook")
    stale = tmp_path / f".{target}.y1vnneg8.tmp"
    stale.write_bytes(b"PK half a workbook")
    others = [tmp_path / ".其他.xlsx.abcdefgh.tmp", tmp_path / f"{target}.abcdefgh.tmp",
              tmp_path / f".{target}.short.tmp"]
    for other in others:
        other.write_bytes(b"not jixiao's for this target")
    args = [str(tmp_path / arg) if arg.endswith(".xlsx") else arg for arg in args]
    assert main(["recalc", str(source), *args]) == 0
    assert not stale.exists()
    assert all(other.read_bytes() == b"not jixiao's for this target" for other in others)


def test_in_place_keeps_a_backup(workbooks, tmp_path):
    source = Path(shutil.copy(workbooks["macro"], tmp_path / "m.xlsm"))
    original = digest(source)
    assert main(["recalc", str(source), "--in-place"]) == 0
    assert digest(tmp_path / "m.xlsm.bak") == original
    assert digest(source) != original
    assert cached(source)["H43"] == 99.98
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.xlsm", "m.xlsm.bak"]


def test_default_output_names():
    assert default_output("a/自评表.xlsx") == Path("a/自评表.recalc.xlsx")
    assert default_output("b.XLSM") == Path("b.recalc.XLSM")


def test_command_lists_failures_and_cycles_and_exits_1(tmp_path, capsys):
    assert main(["recalc", str(broken(tmp_path / "b.xlsx"))]) == 1
    out = capsys.readouterr().out
    assert "S!B1  #DIV/0!  除数为 0  =A1/0" in out
    assert "S!C1  #NAME?  计算引擎没有函数 NOSUCH  =NOSUCH(A1)" in out  # not “未知”
    assert "发现 2 处循环引用" in out and "  S!D1、S!E1\n" in out and "  S!F1\n" in out
    # what the engine could not compute, apart from the errors the formulas give as Excel does
    assert "有 4 个单元格无法计算，已写入错误值，公式保留：" in out
    assert out.index("S!C1  #NAME?") < out.index("有 2 个单元格的公式结果是错误值") \
        < out.index("S!B1  #DIV/0!")


def test_an_error_a_formula_gives_as_excel_does_is_computed_and_exits_0(tmp_path, capsys):
    """rt33 r10 a11: =F9/E9 of an unused money line (0 ÷ 0) is #DIV/0! in Excel and
    LibreOffice alike — the formula's result, computed, not a cell jixiao could not compute:
    written and listed as a note, exit 0 (before: “无法计算”, exit 1)."""
    path = raw_workbook(tmp_path / "z.xlsx", {"S": (
        '<row r="9"><c r="E9"><v>0</v></c><c r="F9"><v>0</v></c><c r="H9"><f>F9/E9</f></c>'
        '</row>')})
    assert main(["recalc", str(path), "-o", str(tmp_path / "out.xlsx")]) == 0
    out = capsys.readouterr().out
    assert "无法计算" not in out
    assert "有 1 个单元格的公式结果是错误值（Excel 中同样如此），已写入：\n" \
           "  S!H9  #DIV/0!  除数为 0  =F9/E9\n" in out
    assert cached(tmp_path / "out.xlsx", "S")["H9"] == "#DIV/0!"
    [failure] = recalculate(path).failures
    assert failure.computed


@pytest.mark.parametrize(("make", "args", "message"), [
    (lambda d: d / "missing.xlsx", (), "找不到文件"),
    # rt31 r6: what is no zip is told as check tells it (``book.sniff``)
    (lambda d: _write(d / "bad.xlsx", b"not a zip"), (), "是文本文件，只是扩展名改成了 Excel 的"),
    (lambda d: _write(d / "old.xlsx", b"\xd0\xcf\x11\xe0" + b"\0" * 600), (),
     "“old.xlsx”不是 Excel 工作簿（.xlsx/.xlsm），或文件已损坏"),
    (lambda d: _write(d / "data.csv", b"a,b"), (), "是 CSV 文本文件，不是 Excel 工作簿"),
    (lambda d: _renamed(putuo(d / "p.xlsx"), "p.et"), ("-o", "{d}/out.et"),
     "“p.et”实际是 .xlsx 工作簿，输出文件须以 .xlsx 结尾"),
    (lambda d: putuo(d / "p.xlsx"), ("-o", "{d}/p.xlsm"), "须与输入一样以 .xlsx 结尾"),
    (lambda d: putuo(d / "p.xlsx"), ("-o", "{d}/p.xlsx"), "--in-place"),
    (lambda d: putuo(d / "p.xlsx"), ("-o", "/nonexistent-dir/p.xlsx"), "目录"),
    # rt29 review: a template's copy under .xlsx keeps its template type, which Excel refuses
    (lambda d: _template(d / "t.xltx"), (), "“t.xltx”是 Excel 模板（.xltx/.xltm），不能重新计算"),
    (lambda d: _renamed(_template(d / "t.xltx"), "t.et"), (), "是 Excel 模板"),
])
def test_bad_input_is_one_chinese_line_and_exit_2(tmp_path, capsys, make, args, message):
    path = make(tmp_path)
    code = main(["recalc", str(path), *(a.format(d=tmp_path) for a in args)])
    captured = capsys.readouterr()
    assert code == 2
    assert message in captured.err and "Traceback" not in captured.err


def test_output_that_is_the_input_is_named(tmp_path, capsys, monkeypatch):
    """rt33: the refusal names the file (as check --annotate's does), and both names
    where the output reaches the input under another (a hard link)."""
    monkeypatch.chdir(tmp_path)
    putuo(tmp_path / "in1.xlsx")
    assert main(["recalc", "in1.xlsx", "-o", "in1.xlsx"]) == 2
    assert capsys.readouterr().err == ("jixiao：输出文件“in1.xlsx”就是输入文件；"
                                       "要覆盖原文件请使用 --in-place\n")
    os.link(tmp_path / "in1.xlsx", tmp_path / "链接.xlsx")
    assert main(["recalc", "in1.xlsx", "-o", "链接.xlsx"]) == 2
    assert capsys.readouterr().err == ("jixiao：输出文件“链接.xlsx”就是输入文件“in1.xlsx”；"
                                       "要覆盖原文件请使用 --in-place\n")


def _template(path: Path) -> Path:
    book = openpyxl.Workbook()
    book.template = True
    book.active["A1"], book.active["B1"] = 2, "=A1*3"
    book.save(path)
    return path


def _renamed(path: Path, name: str) -> Path:
    return path.rename(path.with_name(name))


@pytest.mark.parametrize("name", ["p.et", "p.xls", "p"])
def test_an_xlsx_under_another_name_is_recalculated_as_xlsx(tmp_path, capsys, name):
    # rt29 r1: the content decides, as in check and annotate; the copy is named .xlsx
    source = _renamed(putuo(tmp_path / "p.xlsx"), name)
    assert main(["recalc", str(source)]) == 0
    out = capsys.readouterr().out
    assert default_output(source, Package(source)) == tmp_path / "p.recalc.xlsx"
    assert f"“{name}”实际是 .xlsx 工作簿" in out and "以 .xlsx 为扩展名写出" in out
    assert cached(tmp_path / "p.recalc.xlsx")["H43"] == 99.98


@pytest.mark.parametrize("name", ["s.et", "s.xls", "s"])
def test_an_xlsx_under_another_name_with_own_formulas_is_recalculated_by_the_general_engine(
        tmp_path, capsys, name):
    # rt29 r7: the general engine's loader (openpyxl) refused the file by its name
    # ("openpyxl does not support .et file format") although recalc had read it as .xlsx
    book = openpyxl.Workbook()
    book.active["A1"], book.active["B1"] = 2, "=A1*3"
    book.save(tmp_path / "s.xlsx")
    source = _renamed(tmp_path / "s.xlsx", name)
    assert main(["recalc", str(source)]) == 0
    assert "通用公式引擎" in capsys.readouterr().out
    assert openpyxl.load_workbook(tmp_path / "s.recalc.xlsx", data_only=True).active["B1"].value == 6


def test_an_xls_named_xlsx_is_refused_as_annotate_refuses_it(tmp_path, capsys):
    from jixiao.xlsx.cfb import write

    source = _write(tmp_path / "old.xlsx", write({"Workbook": bytes(4096)}))  # an .xls's stream
    assert main(["recalc", str(source)]) == 2
    said = capsys.readouterr().err
    assert "“old.xlsx”是旧版 Excel 97-2003（.xls）文件，不是 .xlsx 或 .xlsm 工作簿：jixiao 可以校验它，" \
        "但不能重新计算" in said, said
    from jixiao.report.annotate import annotate

    with pytest.raises(UnreadableWorkbook) as refused:
        annotate(source, tmp_path / "a.xlsx", [])
    assert str(refused.value) == said.removeprefix("jixiao：").strip().replace("重新计算", "制作标注副本")


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_the_fast_path_process_imports_no_engine(workbooks, tmp_path):
    source = shutil.copy(workbooks["putuo"], tmp_path / "p.xlsx")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "jixiao", "recalc",
                           str(source)], capture_output=True, text=True, encoding="utf-8",
                          env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "核心快速计算" in done.stdout
    imported = {line.split("|")[-1].strip() for line in done.stderr.splitlines()}
    assert not imported & {"formulas", "openpyxl", "numpy"}  # the fast path loads none


# ---------------------------------------------------------------- a real spreadsheet program

def libreoffice_csv(path: Path, work: Path) -> list[list[str]]:
    """The first sheet as LibreOffice shows it, converted without recalculating."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice is not None
    out = work / path.stem
    out.mkdir()
    profile = (work / f"profile-{path.stem}").as_uri()
    env = {**os.environ, "HOME": str(work)}
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false",
                    "--outdir", str(out), str(path)],
                   capture_output=True, timeout=120, env=env, check=False)
    produced = sorted(out.glob("*.csv"))
    assert produced, f"LibreOffice produced no CSV for {path.name}"
    with open(produced[0], encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def shown(rows: list[list[str]], ref: str) -> str:
    column, row = ord(ref[0]) - 65, int(ref[1:])
    line = rows[row - 1] if row <= len(rows) else []
    return line[column] if column < len(line) else ""


@pytest.mark.parametrize("key", ["putuo", "zizhou"])
def test_libreoffice_shows_the_core_numbers_only_after_recalc(key, workbooks, recalculated,
                                                              tmp_path):
    if not (shutil.which("soffice") or shutil.which("libreoffice")):
        pytest.skip("LibreOffice (soffice) is not installed: .ci/run installs libreoffice-calc")
    source, (written, _) = workbooks[key], recalculated[key]
    evaluation = evaluate(read_template(source))
    after = libreoffice_csv(written, tmp_path)
    before = libreoffice_csv(source, tmp_path)
    assert float(shown(after, "I6")) == evaluation.execution_score
    assert float(shown(after, "H6").rstrip("%")) == pytest.approx(evaluation.rate, abs=1e-9)
    for indicator, score in zip(read_template(source).indicators, evaluation.scores, strict=True):
        cell = "H" + indicator.sources["name"].cell[1:]
        if score.value is not None:
            assert float(shown(after, cell)) == score.value
            assert shown(before, cell) in ("", "#NAME?")
    if evaluation.total is not None:
        assert float(shown(after, "H43")) == evaluation.total
        assert shown(after, "H44") == evaluation.grade
    assert shown(before, "H43") in ("", "#NAME?") and shown(before, "I6") in ("", "#NAME?")
    assert shown(after, "H14").strip() == "" and shown(before, "H14") == "#NAME?"  # unused row


def test_unreadable_is_the_exception_for_garbage(tmp_path):
    with pytest.raises(UnreadableWorkbook):
        recalculate(_write(tmp_path / "x.xlsx", b"PK\x03\x04garbage"))


def test_a_file_last_saved_by_wps_is_written_as_excels(tmp_path):
    """LibreOffice recalculates on opening every text result of a file whose writer is
    neither Excel nor itself — WPS's: the JX_ 等级 and 是否达成 showed #NAME? (rt18-b 5).
    The results jixiao writes are Excel's: docProps/app.xml names Microsoft Excel."""
    source = putuo(tmp_path / "wps.xlsx")
    with zipfile.ZipFile(source) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    app = parts["docProps/app.xml"].decode()
    parts["docProps/app.xml"] = re.sub(r"<Application>[^<]*</Application>",
                                       "<Application>WPS Office_11.1.0.11664</Application>",
                                       app).encode()
    with zipfile.ZipFile(source, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    written, _ = recalc_file(source, tmp_path / "out.xlsx")
    app = zipfile.ZipFile(written).read("docProps/app.xml").decode()
    assert "<Application>Microsoft Excel</Application>" in app and "WPS" not in app


def test_the_formulas_engine_sends_a_native_template_to_the_default_engine(tmp_path, capsys):
    """rt20 item 5: ``--engine formulas`` refused every native template as too big (about
    113,000 units of work over 60,000) and advised Excel; the default engine computes it."""
    from jixiao.template.build import build_template

    path = tmp_path / "native.xlsx"
    build_template(path, formulas="native")
    with pytest.raises(JixiaoError) as refused:
        recalculate(path, engine="formulas")
    assert str(refused.value) == (
        "“native.xlsx”是 jixiao 的原生公式模板（--formulas native），通用公式引擎算它要几分钟"
        "（超过工作量上限）；请去掉 --engine formulas，用默认的计算方式（auto），它按模板的公式"
        "逐格精确计算，结果与 Excel、WPS、LibreOffice 相同")
    assert recalculate(path).engine == "native"


def test_a_template_whose_stylesheet_is_broken_is_refused_in_one_chinese_line(tmp_path, capsys):
    """Found by the fuzz test: recalc of a template whose xl/styles.xml is not well-formed
    (a start tag written twice) ended in a ParseError traceback — the fast path reads the
    cells' number formats for JX_POINTS. It is refused as check refuses it: exit 2, one
    line naming the file."""
    from jixiao.cli.main import main
    from jixiao.template.build import build_template

    build_template(tmp_path / "t.xlsx")
    with zipfile.ZipFile(tmp_path / "t.xlsx") as source, \
            zipfile.ZipFile(tmp_path / "坏样式.xlsx", "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/styles.xml":
                tag = re.search(rb"<styleSheet[^>]*>", data)
                data = data[:tag.end()] + tag.group(0) + data[tag.end():]
            target.writestr(item, data)
    assert main(["recalc", str(tmp_path / "坏样式.xlsx"), "-o", str(tmp_path / "out.xlsx")]) == 2
    error = capsys.readouterr().err
    assert error.strip() == ("jixiao：无法读取“坏样式.xlsx”：不是有效的 .xlsx/.xlsm 工作簿"
                             "（xl/styles.xml：XML 格式错误，第 1 行第 7713 列）")
    assert not (tmp_path / "out.xlsx").exists()


@pytest.mark.parametrize(("formula", "row", "written"), [
    ("JX_TOTAL(I6,H13:INDEX(H:H,ROW()-1))", 43, "JX_TOTAL(I6,H13:H42)"),
    ("SUM($G13:index($g:$G, ROW() - 2))", 44, "SUM($G13:$G42)"),
    ("SUM(H1:INDEX(H:H,ROW()-5))", 3, "SUM(H1:#REF!)"),
    # rt23: from the row below the header cell, which no row inserted or deleted below moves
    ("JX_TOTAL(I6,INDEX(H:H,ROW(H12)+1):INDEX(H:H,ROW()-1))", 44, "JX_TOTAL(I6,H13:H43)"),
    ("SUM(INDEX($AB:$AB,ROW($AB$12)+1):INDEX($AB:$AB,ROW()-1))", 39, "SUM($AB13:$AB38)"),
    # the same words in other shapes stay as they are: the engine computes them
    ("SUM(H13:INDEX(H13:H42,5))", 43, "SUM(H13:INDEX(H13:H42,5))"),
    ("SUM(H13:INDEX(H:G,ROW()-1))", 43, "SUM(H13:INDEX(H:G,ROW()-1))"),
    ('IF(A1="INDEX(H:H,ROW()-1)",1,0)', 43, 'IF(A1="INDEX(H:H,ROW()-1)",1,0)')])
def test_index_of_a_column_at_the_row_above_is_written_as_that_cell(formula, row, written):
    """rt23: the template's 总分 reads H13:INDEX(H:H,ROW()-1), down to the row above it."""
    from jixiao.recalc.offset import resolved_row_index

    assert resolved_row_index(formula, row) == written


@pytest.mark.parametrize(("formula", "written"), [
    ("JX_SCORE(E13,F13,$C$14:$C13)", "JX_SCORE(E13,F13,$C13:$C$14)"),
    ("SUM(B5:A1)", "SUM(A1:B5)"),
    ("SUM($B1:A$5)", "SUM(A1:$B$5)"),
    ("SUM('资金 表'!C9:C3)+SUM(表!b2:A1)", "SUM('资金 表'!C3:C9)+SUM(表!A1:b2)"),
    # ranges already in order, texts, and chains stay as they are
    ("JX_SCORE(E14,F14,$C$14:$C14)", "JX_SCORE(E14,F14,$C$14:$C14)"),
    ('IF(A1="B5:A1",SUM(A1:B5),0)', 'IF(A1="B5:A1",SUM(A1:B5),0)'),
    ("SUM(A5:A1:B2)", "SUM(A5:A1:B2)")])
def test_a_reversed_range_is_written_top_left_first(formula, written):
    """rt7: row 14's formulas copied up into a row inserted at 13 read $C$14:$C13, which
    Excel reads as C13:C14; formulas gave #NULL! and the fast path declined."""
    from jixiao.recalc.prepare import ordered_ranges

    assert ordered_ranges(formula) == written


def test_both_engines_read_a_shared_reversed_range_as_excel_does(tmp_path):
    """B1 = JX_TOTAL($A$2:$A1) shared down to B3: A1:A2, then A2, then A2:A3."""
    rows = "".join(
        f'<row r="{row}"><c r="A{row}"><v>{row}</v></c><c r="B{row}">'
        + ('<f t="shared" ref="B1:B3" si="0">JX_TOTAL($A$2:$A1)</f>' if row == 1
           else '<f t="shared" si="0"/>') + "<v>0</v></c></row>" for row in (1, 2, 3))
    path = raw_workbook(tmp_path / "reversed.xlsx", {"表": rows})
    fast, general = recalculate(path, engine="core"), recalculate(path, engine="formulas")
    assert fast.values == general.values
    assert [fast.values["表"][f"B{row}"] for row in (1, 2, 3)] == [3, 2, 5]
    assert (fast.engine, general.failures) == ("core", [])


def test_an_array_result_in_a_plain_cell_is_its_first_value_in_both_engines(tmp_path):
    """rt30 r6 4: =JX_SCORES(…) typed as an ordinary one-cell formula. Excel before dynamic
    arrays shows the top-left value of an array result there, and a dynamic-array Excel opens
    such a cell as =@JX_SCORES(…), whose implicit intersection of an array is its top-left
    value too: 10 × 85 / 95 = 8.95, the first row's score. The general engine gave #VALUE!."""
    rows = "".join(
        f'<row r="{row}"><c r="A{row}" t="inlineStr"><is><t>{target}</t></is></c>'
        f'<c r="B{row}" t="inlineStr"><is><t>{actual}</t></is></c><c r="C{row}"><v>{weight}</v></c>'
        + ('<c r="D1"><f>JX_SCORES(A1:A3,B1:B3,C1:C3)</f></c>'
           '<c r="E1"><f>JX_TOTAL(JX_SCORES(A1:A3,B1:B3,C1:C3))</f></c>' if row == 1 else "")
        + "</row>"
        for row, (target, actual, weight) in enumerate(
            [("≥95%", "85%", 10), ("100%", "100%", 20), ("≤3 小时", "4 小时", 10)], start=1))
    path = raw_workbook(tmp_path / "one_cell.xlsx", {"表": rows})
    fast, general = (recalculate(path, engine=engine) for engine in ("core", "formulas"))
    assert fast.values == general.values
    # the whole array where a function takes it: 8.95 + 20 + 6.67 (4 hours of ≤3: 10 × 2/3)
    assert general.values["表"] == {"D1": 8.95, "E1": 35.62}
