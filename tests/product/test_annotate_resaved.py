"""An annotated copy the unit saved in LibreOffice and sent back, annotated again (rt21):
LibreOffice writes every note's author as " ", splits a note's text into runs by script
and renumbers the cell formats, so jixiao's notes were no longer known for its own (each
round added the same lines once more) and its fills stayed on cells that were corrected.
jixiao's lines are known by their text; the fill each marked cell had is recorded by cell
(``jixiao-fills``), which LibreOffice keeps."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hostile import member, rezip
from libreoffice import convert
from openpyxl import load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill
from workbooks import zizhou

from jixiao.checks import SEVERITY_NAMES
from jixiao.pipeline import check_workbook
from jixiao.report.annotate import annotate
from jixiao.xlsx.annotate_comments import our_spans, without_ours

GREY = "FFD9D9D9"  # F12's own fill in the unit's table


def _source(tmp_path: Path) -> Path:
    """子洲 (findings on F12 警告, H17 警告, I17 错误) with the unit's notes on A1 and on I17,
    and F12 filled grey by the unit."""
    source = zizhou(tmp_path / "unit.xlsx")
    book = load_workbook(source)
    sheet = book["自评表"]
    sheet["A1"].comment = Comment("表头请勿改动", "张三")
    sheet["I17"].comment = Comment("得分已复核", "李四")
    sheet["F12"].fill = PatternFill("solid", fgColor=GREY)
    book.save(source)
    return source


def _saved_by_libreoffice(path: Path, work: Path) -> Path:
    """``path`` opened and saved as .xlsx by LibreOffice (soffice --convert-to xlsx)."""
    out = convert(path, work, "xlsx")
    saved = out / path.name
    assert saved.is_file(), f"LibreOffice did not save {path.name}"
    moved = work / f"{path.stem}-lo.xlsx"
    shutil.move(saved, moved)
    shutil.rmtree(out)
    return moved


def _marks(path: Path) -> dict[str, tuple[str | None, str | None, str | None]]:
    """cell → (fill RRGGBB, note's author, note's text) of every filled or noted cell."""
    sheet = load_workbook(path)["自评表"]
    return {cell.coordinate: (cell.fill.fgColor.rgb[2:] if cell.fill.fill_type == "solid" else None,
                              cell.comment.author if cell.comment else None,
                              cell.comment.text if cell.comment else None)
            for row in sheet.iter_rows() for cell in row
            if cell.fill.fill_type == "solid" or cell.comment}


def _lines(source: Path) -> dict[str, str]:
    return {item.cell: f"[{item.code} {SEVERITY_NAMES[item.severity]}] {item.message}"
            for item in check_workbook(source).findings if item.cell}


@pytest.fixture
def openpyxl_path(request, monkeypatch):
    """The copy of the LibreOffice-saved copy written by the package edits, or through
    openpyxl (its fallback)."""
    if request.param:
        from jixiao.report import annotate as annotate_module
        from jixiao.xlsx.xmledit import CannotEdit

        def refuse(*args, **kwargs):
            raise CannotEdit("forced")

        monkeypatch.setattr(annotate_module, "write_annotated", refuse)
    return request.param


def test_libreoffice_renames_the_authors_of_jixiaos_notes(tmp_path):
    """What the fix stands on: after LibreOffice the notes' author is " ", the colours and
    the custom properties (``jixiao-fills`` among them) are kept."""
    source = _source(tmp_path)
    copy = annotate(source, tmp_path / "copy.xlsx", check_workbook(source).findings)
    lines = _lines(source)
    saved = _saved_by_libreoffice(copy, tmp_path)
    assert _marks(saved) == {
        "A1": (None, " ", "表头请勿改动"),
        "F12": ("FFEB9C", " ", lines["F12"]),
        "H17": ("FFEB9C", " ", lines["H17"]),
        "I17": ("FFC7CE", " ", "得分已复核\n—\n" + lines["I17"])}
    assert re.search(r'name="jixiao-fills"><vt:lpwstr>\{&quot;自评表&quot;: \{'
                     r'&quot;F12&quot;: \[&quot;FFEB9C&quot;, &quot;&lt;fill&gt;&lt;patternFill '
                     r'patternType=\\&quot;solid\\&quot;&gt;&lt;fgColor rgb=\\&quot;FFD9D9D9',
                     member(saved, "docProps/custom.xml").decode())


@pytest.mark.parametrize("openpyxl_path", [False, True], indirect=True)
def test_a_copy_saved_by_libreoffice_annotated_again_has_each_note_once(tmp_path, openpyxl_path):
    """rt21 (a): each round through LibreOffice added jixiao's lines to its own notes once
    more ("[JX405 错误] …\\n—\\n[JX405 错误] …"). Three rounds: each cell's note holds its
    current lines once, the unit's note its own text and jixiao's lines after it."""
    source = _source(tmp_path)
    lines = _lines(source)
    copy = annotate(source, tmp_path / "copy.xlsx", check_workbook(source).findings)
    expected = {"A1": (None, " ", "表头请勿改动"),
                "F12": ("FFEB9C", "jixiao", lines["F12"]),
                "H17": ("FFEB9C", "jixiao", lines["H17"]),
                "I17": ("FFC7CE", " ", "得分已复核\n—\n" + lines["I17"])}
    for round_ in (1, 2, 3):
        saved = _saved_by_libreoffice(copy, tmp_path)
        findings = check_workbook(saved).findings
        assert _lines(saved) == lines
        copy = annotate(saved, tmp_path / f"again{round_}.xlsx", findings)
        assert _marks(copy) == expected, round_


@pytest.mark.parametrize("openpyxl_path", [False, True], indirect=True)
@pytest.mark.parametrize("recorded", [True, False])
def test_a_copy_corrected_in_libreoffice_loses_every_old_mark(tmp_path, openpyxl_path, recorded):
    """rt21 (b): the unit corrected the table in LibreOffice; the copy annotated again said
    未发现问题 and still showed the old notes and the red fill. Now the notes lose jixiao's
    lines (the unit's keeps its text), and each cell gets back the fill it had: F12 its grey
    (recorded by cell), H17 and I17 none. Without the record (a copy of an older version)
    a cell in jixiao's colour that had jixiao's note loses the fill: F12 too."""
    source = _source(tmp_path)
    copy = annotate(source, tmp_path / "copy.xlsx", check_workbook(source).findings)
    saved = _saved_by_libreoffice(copy, tmp_path)
    if not recorded:
        custom = re.sub(r'<property [^>]*name="jixiao-fills".*?</property>', "",
                        member(saved, "docProps/custom.xml").decode())
        saved = rezip(saved, tmp_path / "older.xlsx", replace={"docProps/custom.xml": custom.encode()})
    again = annotate(saved, tmp_path / "again.xlsx", [])  # every finding corrected
    assert _marks(again) == {"A1": (None, " ", "表头请勿改动"),
                             "I17": (None, " ", "得分已复核")} | (
        {"F12": (GREY[2:], None, None)} if recorded else {})
    results = load_workbook(again)["校验结果"]
    assert [[cell.value for cell in row] for row in results.iter_rows()][-1][-1] == "未发现问题。"


def test_a_cell_in_jixiaos_colour_without_its_note_or_record_keeps_its_fill(tmp_path):
    """A unit's own cell in one of jixiao's colours (the template fills column K so) is not
    taken for a mark: no note of jixiao's, nothing recorded."""
    source = zizhou(tmp_path / "unit.xlsx")
    book = load_workbook(source)
    book["自评表"]["K12"].fill = PatternFill("solid", fgColor="FFDDEBF7")
    book.save(source)
    copy = annotate(source, tmp_path / "copy.xlsx", check_workbook(source).findings)
    again = annotate(_saved_by_libreoffice(copy, tmp_path), tmp_path / "again.xlsx", [])
    assert _marks(again) == {"K12": ("DDEBF7", None, None)}


def test_batch_annotates_a_libreoffice_saved_copy_with_each_note_once(tmp_path):
    """rt21 (a) through ``jixiao batch --annotate-dir``."""
    from jixiao.cli.main import main

    source = _source(tmp_path)
    lines = _lines(source)
    copy = annotate(source, tmp_path / "copy.xlsx", check_workbook(source).findings)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.move(_saved_by_libreoffice(copy, tmp_path), inbox / "unit.xlsx")
    main(["batch", str(inbox), "-o", str(tmp_path / "s.xlsx"), "--annotate-dir",
          str(tmp_path / "标注"), "--workers", "1"])
    assert _marks(tmp_path / "标注" / "unit-校验.xlsx") == {
        "A1": (None, " ", "表头请勿改动"),
        "F12": ("FFEB9C", "jixiao", lines["F12"]),
        "H17": ("FFEB9C", "jixiao", lines["H17"]),
        "I17": ("FFC7CE", " ", "得分已复核\n—\n" + lines["I17"])}


@pytest.mark.parametrize(("text", "kept"), [
    ("[JX405 错误] 扣 3 分\n[JX404 警告] 得分 7", ""),
    ("得分已复核\n—\n[JX405 错误] 扣 3 分", "得分已复核"),
    ("[JX405 错误] 扣 3 分\n—\n[JX405 错误] 扣 3 分", ""),  # a copy of an earlier version
    ("[JX405 错误] 扣 3 分\n已补充偏差原因", "已补充偏差原因"),  # the unit's reply in it
    ("第一行\n—\n第二行", "第一行\n—\n第二行"),
    ("[JX405 错误]扣分", "[JX405 错误]扣分"),  # not the form jixiao writes
])
def test_jixiaos_lines_are_known_by_their_form(text, kept):
    assert without_ours(text) == kept
    assert bool(our_spans(text)) is (kept != text)
