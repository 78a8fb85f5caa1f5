"""A 自评表 in Word laid out inside another table, or with its title or 自评结论 in a text
box (rt33 r8): read as the same table typed plainly. Before: a table inside a frame's
cell was that cell's text ("没有找到项目支出绩效自评表", exit 2), a text box's text was
never read (no year; a conclusion contradicting the table unchecked)."""

import json
import zipfile

import pytest
from wordfiles import paragraph, workbook_docx
from workbooks import standard

from jixiao.pipeline import check_workbook
from jixiao.report.json import json_report

_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _checked(path):
    [result] = [check_workbook(path)]
    assert result.error is None, result.error
    return json.loads(json_report([result]))


def _rewritten(made, path, change):
    """The .docx ``made`` with its word/document.xml passed through ``change``."""
    with zipfile.ZipFile(made) as archive:
        parts = {member: archive.read(member) for member in archive.namelist()}
    parts["word/document.xml"] = change(parts["word/document.xml"].decode()).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for member, data in parts.items():
            archive.writestr(member, data)
    return path


def _box(text):
    """A paragraph anchoring a text box of ``text`` (a drawing with its VML fallback)."""
    inner = paragraph(text)
    return (f'<w:p><w:r><mc:AlternateContent xmlns:mc="{_MC}"><mc:Choice Requires="wps">'
            '<w:drawing><wps:txbx xmlns:wps="http://schemas.microsoft.com/office/word/2010/'
            f'wordprocessingShape"><w:txbxContent>{inner}</w:txbxContent></wps:txbx></w:drawing>'
            '</mc:Choice><mc:Fallback><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml">'
            f'<v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox></v:shape></w:pict>'
            '</mc:Fallback></mc:AlternateContent></w:r></w:p>')


@pytest.mark.parametrize("rows", [1, 2], ids=["one-cell", "note-row-above"])
def test_a_table_inside_a_frame_is_read_as_the_table(tmp_path, rows):
    """The first Putuo table (9.98 + 5 + 25 + 20 + 30 + 10 = 99.98, 优) in the cell of an
    outer table — one cell holding 附件1 and the table, or 附件1 a row above it: the
    plain table's result, no finding, named 第1个表格 (the frame is no table of its own)."""
    book = standard(tmp_path / "t.xlsx")
    plain = workbook_docx(book, tmp_path / "plain.docx")

    def framed(xml):
        start, end = xml.index("<w:tbl>"), xml.rindex("</w:tbl>") + len("</w:tbl>")
        note = paragraph("附件1")
        cells = (f"<w:tr><w:tc>{note}{xml[start:end]}</w:tc></w:tr>" if rows == 1 else
                 f"<w:tr><w:tc>{note}</w:tc></w:tr><w:tr><w:tc><w:p/>{xml[start:end]}</w:tc></w:tr>")
        return f"{xml[:start]}<w:tbl>{cells}</w:tbl>{xml[end:]}"

    data = _checked(_rewritten(plain, tmp_path / "framed.docx", framed))
    assert (data["total_declared"], data["total_computed"], data["grade_computed"]) == \
        (99.98, 99.98, "优")
    assert data["findings"] == [] and data["place"] == "第1个表格"
    assert data["project"]["year"] == 2024


def test_a_title_in_a_text_box_names_the_year(tmp_path):
    book = standard(tmp_path / "t.xlsx", year=None)
    made = workbook_docx(book, tmp_path / "plain.docx")
    data = _checked(_rewritten(made, tmp_path / "box.docx", lambda xml: xml.replace(
        "<w:body>", "<w:body>" + _box("（2024年度）"), 1)))
    assert data["project"]["year"] == 2024


def test_a_conclusion_in_a_text_box_is_checked(tmp_path):
    """The table 99.98 优; a text box under it says 等级为“良”: JX506 at that paragraph."""
    book = standard(tmp_path / "t.xlsx")
    made = workbook_docx(book, tmp_path / "r.docx",
                         after=_box("自评结论：本项目自评得分99.98分，等级为“良”。"))
    [found] = [item for item in _checked(made)["findings"] if item["code"] == "JX506"]
    assert found["place"] == "第1个表格之后的第1段文字"
    assert "此处写评分等级“良”" in found["message"]
