"""Word documents (.docx) for the tests, written as OOXML by hand: a paragraph, a table
of cells with their spans, and a workbook's table laid out as a Word table (the title
rows above it as paragraphs), the way a unit types its 自评表 into Word.

    body = paragraph("项目支出绩效自评表") + table([[cell("项目名称", span=2), cell("x")]])
    docx(tmp_path / "t.docx", body)
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_TYPES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/'
          'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
         'relationships/officeDocument" Target="word/document.xml"/></Relationships>')


def document_xml(body: str) -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<w:document xmlns:w="{W}"><w:body>{body}<w:sectPr/></w:body></w:document>'
            ).encode()


def docx(path: str | Path, body: str, *, document: bytes | None = None) -> Path:
    """A minimal .docx whose body is ``body`` (or whose word/document.xml is ``document``)."""
    path = Path(path)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("word/document.xml", document if document is not None
                         else document_xml(body))
    return path


def runs(text: str) -> str:
    """``text`` as runs: a line break a <w:br/>, a tab a <w:tab/>."""
    parts = []
    for number, line in enumerate(text.split("\n")):
        if number:
            parts.append("<w:br/>")
        for piece_number, piece in enumerate(line.split("\t")):
            if piece_number:
                parts.append("<w:tab/>")
            if piece:
                parts.append(f'<w:t xml:space="preserve">{escape(piece)}</w:t>')
    return f"<w:r>{''.join(parts)}</w:r>"


def paragraph(text: str) -> str:
    return f"<w:p>{runs(text)}</w:p>" if text else "<w:p/>"


def cell(text: Any = "", *, span: int = 1, merge: str | None = None, inner: str = "") -> str:
    """A <w:tc>: ``span`` grid columns, ``merge`` "restart" or "continue" (vMerge);
    its paragraphs are the text's lines; ``inner`` more body XML (a nested table)."""
    properties = (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "") + (
        '<w:vMerge w:val="restart"/>' if merge == "restart" else
        "<w:vMerge/>" if merge == "continue" else "")
    text = "" if text is None else str(text)
    paragraphs = "".join(paragraph(line) for line in text.split("\n")) if text else "<w:p/>"
    return f"<w:tc><w:tcPr>{properties}</w:tcPr>{paragraphs}{inner}</w:tc>"


def table(rows: list[list[str]], *, before: dict[int, int] | None = None,
          widths: list[int] | None = None) -> str:
    """A <w:tbl> of rows of ``cell``s; ``before``: row index → its w:gridBefore;
    ``widths``: its grid's columns (w:gridCol, twips), else an empty w:tblGrid."""
    before = before or {}
    lines = []
    for number, row in enumerate(rows):
        shift = (f'<w:trPr><w:gridBefore w:val="{before[number]}"/></w:trPr>'
                 if number in before else "")
        lines.append(f"<w:tr>{shift}{''.join(row)}</w:tr>")
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths or ())
    return f"<w:tbl><w:tblPr/><w:tblGrid>{grid}</w:tblGrid>{''.join(lines)}</w:tbl>"


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _grid(workbook: str | Path) -> tuple[list[list[Any]], dict[tuple[int, int], tuple[int, int, int, int]]]:
    """The first sheet's values by row, and each merged range by its cells."""
    from openpyxl import load_workbook

    sheet = load_workbook(workbook).worksheets[0]
    values = [[sheet.cell(row, column).value for column in range(1, sheet.max_column + 1)]
              for row in range(1, sheet.max_row + 1)]
    merges = {}
    for found in sheet.merged_cells.ranges:
        box = (found.min_row, found.min_col, found.max_row, found.max_col)
        for row in range(found.min_row, found.max_row + 1):
            for column in range(found.min_col, found.max_col + 1):
                merges[(row, column)] = box
    return values, merges


def _title_rows(values: list[list[Any]]) -> int:
    """The rows at the top holding one text only (the title, the year): paragraphs."""
    count = 0
    for row in values:
        if sum(value is not None for value in row) != 1 or row[0] is None:
            break
        count += 1
    return count


def workbook_docx(workbook: str | Path, path: str | Path, *, splits: tuple[int, ...] = (),
                  header_again: bool = False, between: str = "",
                  widths: list[int] | None = None, after: str = "") -> Path:
    """The workbook's first sheet as a Word document: its title lines as paragraphs, the
    rest one table, each merged range a cell spanning (gridSpan) and continued (vMerge).

    ``splits``: the sheet's rows that begin a new w:tbl, as a PDF→Word conversion splits a
    table at each page (a cell merged down across a split begins again, blank); with
    ``header_again`` each new one begins with the indicator header (the row with 三级指标)
    printed again; ``between``: body XML between the parts; ``widths``: every part's
    w:gridCol widths; ``after``: body XML after the table."""
    values, merges = _grid(workbook)
    titles = _title_rows(values)
    body = "".join(paragraph(_text(row[0])) for row in values[:titles])
    parts: list[list[list[str]]] = [[]]
    header: list[str] | None = None
    for row_number, row in enumerate(values[titles:], start=titles + 1):
        split = row_number in splits
        if split:
            parts.append([header] if header_again and header is not None else [])
        cells = []
        column = 1
        while column <= len(row):
            box = merges.get((row_number, column))
            if box is None:
                cells.append(cell(_text(row[column - 1])))
                column += 1
                continue
            top, left, bottom, right = box
            if column != left:
                column += 1
                continue
            merge = None if top == bottom else "restart" if top == row_number else "continue"
            if split and merge == "continue":
                merge = None  # a merge across the split: a blank cell on the new page
            cells.append(cell("" if merge in ("continue", None) and top != row_number
                              else _text(row[column - 1]), span=right - left + 1, merge=merge))
            column = right + 1
        if any(value == "三级指标" for value in row):
            header = cells
        parts[-1].append(cells)
    return docx(path, body + between.join(table(rows, widths=widths) for rows in parts) + after)


def workbook_html(workbook: str | Path) -> str:
    """The same document as a web page: the title lines as paragraphs, one table."""
    values, merges = _grid(workbook)
    titles = _title_rows(values)
    lines = ['<html><head><meta charset="utf-8"></head><body>']
    lines += [f"<p>{escape(_text(row[0]))}</p>" for row in values[:titles]]
    lines.append('<table border="1">')
    for row_number, row in enumerate(values[titles:], start=titles + 1):
        cells = []
        for column in range(1, len(row) + 1):
            box = merges.get((row_number, column))
            if box is not None and (box[0], box[1]) != (row_number, column):
                continue
            spans = "" if box is None else (f' rowspan="{box[2] - box[0] + 1}"'
                                            f' colspan="{box[3] - box[1] + 1}"')
            cells.append(f"<td{spans}>{escape(_text(row[column - 1]))}</td>")
        lines.append(f"<tr>{''.join(cells)}</tr>")
    lines.append("</table></body></html>")
    return "\n".join(lines)
