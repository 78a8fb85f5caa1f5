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


def row_cells(row_number: int, row: list[Any],
              merges: dict[tuple[int, int], tuple[int, int, int, int]]) -> Any:
    """Each cell of a sheet's row as a word processor lays it out: (its text, the columns
    it spans, its vertical merge: None, "restart" or "continue" — a continued cell blank)."""
    column = 1
    while column <= len(row):
        box = merges.get((row_number, column))
        if box is None:
            yield _text(row[column - 1]), 1, None
            column += 1
            continue
        top, left, bottom, right = box
        if column != left:
            column += 1
            continue
        merge = None if top == bottom else "restart" if top == row_number else "continue"
        yield ("" if merge == "continue" else _text(row[column - 1])), right - left + 1, merge
        column = right + 1


def workbook_docx(workbook: str | Path, path: str | Path, *, splits: tuple[int, ...] = (),
                  header_again: bool = False, between: str = "",
                  widths: list[int] | None = None, after: str = "",
                  carried: int = 0, nudged: tuple[int, dict[int, int]] | None = None) -> Path:
    """The workbook's first sheet as a Word document: its title lines as paragraphs, the
    rest one table, each merged range a cell spanning (gridSpan) and continued (vMerge).

    ``splits``: the sheet's rows that begin a new w:tbl, as a PDF→Word conversion splits a
    table at each page (a cell merged down across a split begins again, blank); with
    ``header_again`` each new one begins with the indicator header (the row with 三级指标)
    printed again; ``between``: body XML between the parts; ``widths``: every part's
    w:gridCol widths; ``after``: body XML after the table; ``carried``: each part after the
    first leaves out the table's first column (a blank cell merged down from the page
    before dropped, a cell spanning it one column narrower), its grid one column less;
    ``nudged``: (a sheet row, {border k: twips}) — from that row on, the border right of
    column k is dragged that far (with ``widths``): Word keeps both rows' borders as grid
    columns, a cell spanning the grid columns between its own borders."""
    values, merges = _grid(workbook)
    borders = [0]
    for width in widths or ():
        borders.append(borders[-1] + width)
    moved = [at + (nudged[1].get(k, 0) if nudged else 0) for k, at in enumerate(borders)]
    union = sorted(set(borders) | set(moved))
    if nudged:
        widths = [right - left for left, right in zip(union, union[1:], strict=False)]
    titles = _title_rows(values)
    body = "".join(paragraph(_text(row[0])) for row in values[:titles])
    parts: list[list[list[str]]] = [[]]
    header: list[str] | None = None
    for row_number, row in enumerate(values[titles:], start=titles + 1):
        split = row_number in splits
        if split:
            parts.append([header] if header_again and header is not None else [])
        cells = []
        laid = []
        for text, span, merge in row_cells(row_number, row, merges):
            if split and merge == "continue":
                merge = None  # a merge across the split: a blank cell on the new page
            laid.append([text, span, merge])
        if carried and len(parts) > 1 and laid:
            if laid[0][1] == 1 and not laid[0][0]:
                laid = laid[1:]
            else:
                laid[0][1] -= 1
        if nudged:  # each cell over the grid columns between its own borders
            own, column = moved if row_number >= nudged[0] else borders, 0
            for item in laid:
                end = column + item[1]
                item[1] = union.index(own[end]) - union.index(own[column])
                column = end
        cells = [cell(text, span=span, merge=merge) for text, span, merge in laid]
        if any(value == "三级指标" for value in row):
            header = cells
        parts[-1].append(cells)
    return docx(path, body + between.join(
        table(rows, widths=widths if number == 0 or widths is None else widths[carried:])
        for number, rows in enumerate(parts)) + after)


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


# ---------------------------------------------------------------- an embedded Excel worksheet

_V = "urn:schemas-microsoft-com:vml"
_O = "urn:schemas-microsoft-com:office:office"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PNG = bytes.fromhex(  # 1 × 1, white: the object's picture in the document
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408"
    "d763f8ffff3f0005fe02fea7d6a5a80000000049454e44ae426082")


def embedded_object(number: int, prog_id: str = "Excel.Sheet.12") -> str:
    """A paragraph holding an embedded OLE object as Word writes one (ECMA-376 Part 1,
    17.3.3.19 w:object): its VML picture (v:shape, v:imagedata r:id) and the
    o:OLEObject whose r:id is the embedded package part."""
    return (f'<w:p><w:r><w:object w:dxaOrig="9000" w:dyaOrig="6000">'
            f'<v:shape id="_x0000_i10{number:02d}" type="#_x0000_t75" '
            f'style="width:450pt;height:300pt" o:ole="">'
            f'<v:imagedata r:id="rIdImage{number}" o:title=""/></v:shape>'
            f'<o:OLEObject Type="Embed" ProgID="{prog_id}" ShapeID="_x0000_i10{number:02d}" '
            f'DrawAspect="Content" ObjectID="_17000000{number:02d}" r:id="rIdObject{number}"/>'
            f'</w:object></w:r></w:p>')


def embedded_docx(path: str | Path, workbooks: list[bytes], *, body: str = "",
                  names: list[str] | None = None, prog_id: str = "Excel.Sheet.12") -> Path:
    """A .docx showing each of ``workbooks`` (an .xlsx's bytes) as an embedded Excel
    worksheet, after ``body``: word/embeddings/Microsoft_Excel_Worksheet{n}.xlsx, each
    linked from its o:OLEObject by a package relationship, and a picture of it."""
    path = Path(path)
    names = names or [f"Microsoft_Excel_Worksheet{number or ''}.xlsx"
                      for number in range(len(workbooks))]
    objects = "".join(embedded_object(number, prog_id) for number in range(1, len(workbooks) + 1))
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                f'<w:document xmlns:w="{W}" xmlns:v="{_V}" xmlns:o="{_O}" xmlns:r="{_R}">'
                f'<w:body>{body}{objects}<w:sectPr/></w:body></w:document>')
    # an .xlsx is a package part (…/package); an Excel 97 object's .bin an OLE object
    relationships = "".join(
        f'<Relationship Id="rIdObject{number}" Type="{_R}/'
        f'{"oleObject" if name.endswith(".bin") else "package"}" Target="embeddings/{name}"/>'
        f'<Relationship Id="rIdImage{number}" Type="{_R}/image" Target="media/image{number}.png"/>'
        for number, name in enumerate(names, start=1))
    types = _TYPES.replace(
        '<Default Extension="xml"',
        '<Default Extension="png" ContentType="image/png"/>'
        '<Default Extension="bin" ContentType="application/'
        'vnd.openxmlformats-officedocument.oleObject"/>'
        '<Default Extension="xlsx" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sheet"/><Default Extension="xml"')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("word/document.xml", document)
        archive.writestr("word/_rels/document.xml.rels",
                         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                         f'relationships">{relationships}</Relationships>')
        for number, (name, workbook) in enumerate(zip(names, workbooks, strict=True), start=1):
            archive.writestr(f"word/embeddings/{name}", workbook)
            archive.writestr(f"word/media/image{number}.png", _PNG)
    return path
