"""Mutations of valid workbooks, for fuzzing ``jixiao check`` and ``jixiao recalc``.

    mutated = mutate(base_bytes, RandomChoices(seed))     # fuzz/run.py: many seeds
    mutated = mutate(base_bytes, DrawChoices(data))       # tests/product/test_fuzz.py: hypothesis

One function, two sources of choices: a seeded ``random.Random`` for the long
run (every case is reproduced from its seed) and hypothesis's ``data.draw`` in
the test suite (failures shrink). A mutation changes one to three things, at
the level a damaged or hostile file differs: the zip (bytes, members), the XML
of a part (bytes, tags, entities, attributes), cell values and types, merged
ranges, formulas and defined names.
"""

from __future__ import annotations

import io
import random
import re
import zipfile
from collections.abc import Callable, Sequence
from typing import Any, Protocol, TypeVar

T = TypeVar("T")


class Choices(Protocol):
    def integer(self, low: int, high: int) -> int: ...
    def pick(self, options: Sequence[T]) -> T: ...


class RandomChoices:
    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)

    def integer(self, low: int, high: int) -> int:
        return self.random.randint(low, high)

    def pick(self, options: Sequence[T]) -> T:
        return options[self.random.randrange(len(options))]


class DrawChoices:
    """Choices drawn from hypothesis (``st.data()``), so a failing case shrinks."""

    def __init__(self, data: Any) -> None:
        from hypothesis import strategies

        self.data, self.strategies = data, strategies

    def integer(self, low: int, high: int) -> int:
        return self.data.draw(self.strategies.integers(low, high))

    def pick(self, options: Sequence[T]) -> T:
        return self.data.draw(self.strategies.sampled_from(list(options)))


# ---------------------------------------------------------------- what to insert

NUMBERS = ("0", "-0", "1", "-1", "0.5", "1e999", "-1e999", "1E+308", "1E-320", "NaN", "inf",
           "99999999999999999999", "4294967296", "1.5E-400", " 7 ", "", "0x10", "1,5", "七",
           "2024-12-31", "#DIV/0!", "TRUE")
ERRORS = ("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA",
          "#SPILL!", "#CALC!", "#BOGUS!")
TYPES = ("n", "s", "str", "inlineStr", "b", "e", "d", "z", "")
TEXTS = ("三级指标", "分值", "得分", "总分", "评分等级", "≥90%", "≤", "100%", "达成", "优",
         "年度资金总额", "全年预算数", "执行率", "=SUM(A1)", "&amp;", "&lt;", "&#0;", "&#x110000;",
         "&#xD800;", "&#65;", "&bogus;", "&", "<", "]]>", "_x0000_", "_xD800_", "\x00", "\x1f",
         "\ufffe", "\U0001F600", "a" * 300, "𠀀" * 50, "")
REFS = ("A1", "B2", "$A$1", "XFD1", "A1048576", "XFD1048576", "A0", "XFE1", "AAAA1", "A99999999",
        "1A", "", "a1", "A1:B2", "B2:A1", "A1:XFD1048576", "Z100", "H13", "G6", "自评表!A1")
FUNCTIONS = ("SUM", "IF", "ROUND", "JX_SCORE", "JX_RATE", "JX_TOTAL", "JX_GRADE", "JX_SCORES",
             "VLOOKUP", "INDIRECT", "OFFSET", "INDEX", "MATCH", "SUMPRODUCT", "TEXT", "NOSUCH",
             "_xludf.JX_SCORE", "[1]!JX_SCORE", "IFERROR", "AVERAGE", "MIN", "MAX", "CONCATENATE",
             "MUNIT", "MAKEARRAY", "EXPAND", "MMULT", "REPT")
OPERANDS = ("A1", "B2", "$C$3", "H13:H20", "A:A", "1:1", "'自评表'!G6", "'x''y'!A1", "Sheet9!A1",
            "[1]Sheet1!A1", "1", "0", "-1", "1e308", '"≥90%"', '"达成"', '""', "TRUE", "#REF!",
            "#DIV/0!", "JX_NAME", "{1,2;3,4}", "A1:B2 B1:C3", "cmd|' /C calc'!A0", "%", "(", ")",
            'INDIRECT("A:J")', 'INDIRECT("1:9")', "100000", "1E9")
OPERATORS = ("+", "-", "*", "/", "^", "&", "=", "<>", "<=", ",", ":", " ", "%")


def formula(choices: Choices, depth: int = 0) -> str:
    """A formula text, more often almost right than right."""
    kind = choices.integer(0, 5 if depth < 3 else 2)
    if kind <= 1:
        return choices.pick(OPERANDS)
    if kind == 2:
        return f"{formula(choices, depth + 1)}{choices.pick(OPERATORS)}{formula(choices, depth + 1)}"
    arguments = ",".join(formula(choices, depth + 1) for _ in range(choices.integer(0, 4)))
    text = f"{choices.pick(FUNCTIONS)}({arguments})"
    if choices.integer(0, 9) == 0:
        text = text[:choices.integer(0, len(text))]  # unbalanced
    return text


# ---------------------------------------------------------------- the package

def unzip(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


def rezip(members: list[tuple[str, bytes]], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, data in members:
            archive.writestr(zipfile.ZipInfo(name, (2024, 1, 1, 0, 0, 0)), data)
    return out.getvalue()


Members = list[tuple[str, bytes]]


def _xml_member(members: Members, choices: Choices, prefer: str = "") -> int:
    indexes = [i for i, (name, _) in enumerate(members) if name.endswith((".xml", ".rels"))]
    preferred = [i for i in indexes if prefer and prefer in members[i][0]]
    return choices.pick(preferred or indexes or [0])


def _edit(members: Members, index: int, function: Callable[[str], str]) -> None:
    name, data = members[index]
    text = data.decode("utf-8", "replace")
    members[index] = (name, function(text).encode("utf-8", "surrogatepass"))


def _at(choices: Choices, text: str) -> int:
    return choices.integer(0, len(text))


_TAG = re.compile(r"<[^<>]+>")
_V = re.compile(r"<v>([^<]*)</v>")
_T_ATTR = re.compile(r'\st="[^"]*"')
_CELL_START = re.compile(r"<c\s[^>]*?>")
_ATTRIBUTE = re.compile(r'(\s[\w:]+=")([^"]*)(")')


def _some(pattern: re.Pattern[str], text: str, choices: Choices) -> re.Match[str] | None:
    matches = list(pattern.finditer(text))
    return choices.pick(matches) if matches else None


def _replace_match(text: str, match: re.Match[str] | None, group: int, new: str) -> str:
    if match is None:
        return text
    return text[:match.start(group)] + new + text[match.end(group):]


# Each mutation takes the members (edited in place) and the choices.

def flip_xml_bytes(members: Members, choices: Choices) -> None:
    index = _xml_member(members, choices)
    name, data = members[index]
    raw = bytearray(data)
    for _ in range(choices.integer(1, 8)):
        if raw:
            raw[choices.integer(0, len(raw) - 1)] = choices.integer(0, 255)
    members[index] = (name, bytes(raw))


def cut_xml(members: Members, choices: Choices) -> None:
    index = _xml_member(members, choices)
    name, data = members[index]
    start = choices.integer(0, len(data))
    members[index] = (name, data[:start] + data[start + choices.integer(1, 200):])


def insert_text(members: Members, choices: Choices) -> None:
    piece = choices.pick(TEXTS + ("<", ">", "</c>", "<c>", "<v>1</v>", "<row>", "<!-- -->",
                                  "<?pi x?>", "<![CDATA[x]]>", '<c r="A1"/>', "<x:c/>"))
    _edit(members, _xml_member(members, choices, "sheet"),
          lambda text: (lambda at: text[:at] + piece + text[at:])(_at(choices, text)))


def duplicate_tag(members: Members, choices: Choices) -> None:
    def edit(text: str) -> str:
        match = _some(_TAG, text, choices)
        return text if match is None else text[:match.end()] + match.group() + text[match.end():]
    _edit(members, _xml_member(members, choices), edit)


def drop_tag(members: Members, choices: Choices) -> None:
    _edit(members, _xml_member(members, choices),
          lambda text: _replace_match(text, _some(_TAG, text, choices), 0, ""))


def change_attribute(members: Members, choices: Choices) -> None:
    value = choices.pick(REFS + TYPES + NUMBERS + ("9999", "-1", "rId999", "true", "x"))
    _edit(members, _xml_member(members, choices),
          lambda text: _replace_match(text, _some(_ATTRIBUTE, text, choices), 2, value))


def change_value(members: Members, choices: Choices) -> None:
    value = choices.pick(NUMBERS + ERRORS + TEXTS)
    _edit(members, _xml_member(members, choices, "worksheets/"),
          lambda text: _replace_match(text, _some(_V, text, choices), 1, value))


def change_type(members: Members, choices: Choices) -> None:
    kind = choices.pick(TYPES)

    def edit(text: str) -> str:
        cell = _some(_CELL_START, text, choices)
        if cell is None:
            return text
        start = _T_ATTR.sub("", cell.group())
        new = start[:-1].rstrip("/") + (f' t="{kind}"' if kind else "") + \
            ("/>" if start.endswith("/>") else ">")
        return text[:cell.start()] + new + text[cell.end():]
    _edit(members, _xml_member(members, choices, "worksheets/"), edit)


def add_cell(members: Members, choices: Choices) -> None:
    ref, kind, value = choices.pick(REFS), choices.pick(TYPES), choices.pick(NUMBERS + TEXTS)
    body = f"<f>{_escape(formula(choices))}</f>" if choices.integer(0, 1) else ""
    cell = f'<row r="{choices.integer(1, 60)}"><c r="{ref}" t="{kind}">{body}<v>{value}</v></c></row>'
    _edit(members, _xml_member(members, choices, "worksheets/"),
          lambda text: text.replace("</sheetData>", cell + "</sheetData>", 1))


def change_merges(members: Members, choices: Choices) -> None:
    merges = "".join(f'<mergeCell ref="{choices.pick(REFS)}:{choices.pick(REFS)}"/>'
                     if choices.integer(0, 2) else f'<mergeCell ref="{choices.pick(REFS)}"/>'
                     for _ in range(choices.integer(1, 4)))

    def edit(text: str) -> str:
        if "</mergeCells>" in text and choices.integer(0, 1):
            return text.replace("</mergeCells>", merges + "</mergeCells>", 1)
        if "</sheetData>" in text:
            return text.replace("</sheetData>", f"</sheetData><mergeCells>{merges}</mergeCells>",
                                1)
        return text
    _edit(members, _xml_member(members, choices, "worksheets/"), edit)


def change_formula(members: Members, choices: Choices) -> None:
    new = _escape(formula(choices))
    kind = choices.pick(("", "", "", ' t="shared" si="0"', ' t="shared" si="0" ref="A1:B9"',
                         ' t="array" ref="A1:B2"', ' t="dataTable" ref="A1:B2"', ' t="shared"'))

    def edit(text: str) -> str:
        found = _some(re.compile(r"<f(\s[^>]*)?>([^<]*)</f>|<f(\s[^>]*)?/>"), text, choices)
        if found is None:
            cell = _some(_CELL_START, text, choices)
            if cell is None or cell.group().endswith("/>"):
                return text
            return text[:cell.end()] + f"<f{kind}>{new}</f>" + text[cell.end():]
        return text[:found.start()] + f"<f{kind}>{new}</f>" + text[found.end():]
    _edit(members, _xml_member(members, choices, "worksheets/"), edit)


def add_defined_name(members: Members, choices: Choices) -> None:
    name = choices.pick(("JX_RATE_CELL", "x", "_xlnm.Print_Area", "1bad", "A1", "名称", ""))
    value = _escape(choices.pick(REFS + ("#REF!", formula(choices), "'自评表'!$A$1:$XFD$1048576")))
    local = f' localSheetId="{choices.integer(-1, 5)}"' if choices.integer(0, 2) == 0 else ""
    element = f'<definedName name="{name}"{local}>{value}</definedName>'

    def edit(text: str) -> str:
        if "</definedNames>" in text:
            return text.replace("</definedNames>", element + "</definedNames>", 1)
        return text.replace("</sheets>", f"</sheets><definedNames>{element}</definedNames>", 1)
    _edit(members, _xml_member(members, choices, "workbook.xml"), edit)


def drop_member(members: Members, choices: Choices) -> None:
    if members:
        del members[choices.integer(0, len(members) - 1)]


def duplicate_member(members: Members, choices: Choices) -> None:
    if members:
        name, data = choices.pick(members)
        members.append((choices.pick((name, name.upper(), "xl/worksheets/sheet9.xml",
                                      "xl/sharedStrings.xml", "xl/media/图.png")), data))


def swap_members(members: Members, choices: Choices) -> None:
    if len(members) > 1:
        first, second = choices.integer(0, len(members) - 1), choices.integer(0, len(members) - 1)
        (name1, data1), (name2, data2) = members[first], members[second]
        members[first], members[second] = (name1, data2), (name2, data1)


def rename_member(members: Members, choices: Choices) -> None:
    if members:
        index = choices.integer(0, len(members) - 1)
        name = choices.pick(("", "/", "../evil.xml", "xl/../xl/workbook.xml", "xl\\workbook.xml",
                             "XL/WORKBOOK.XML", "xl/worksheets/sheet1.xml", "工作表.xml",
                             members[index][0] + "\x00"))
        members[index] = (name, members[index][1])


def add_dtd(members: Members, choices: Choices) -> None:
    dtd = choices.pick(('<!DOCTYPE x [<!ENTITY a "aaaa">]>',
                        '<!DOCTYPE x SYSTEM "http://127.0.0.1:9/x.dtd">',
                        '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/hostname">]>'))
    _edit(members, _xml_member(members, choices), lambda text: _after_declaration(text, dtd))


def _after_declaration(text: str, insert: str) -> str:
    """``insert`` after the XML declaration, or at the start where there is none (or where
    an earlier mutation cut its "?>")."""
    end = text.find("?>") if text.startswith("<?xml") else -1
    return insert + text if end < 0 else text[:end + 2] + insert + text[end + 2:]


# Many unclosed start tags, bare or inside a comment, a processing instruction or a CDATA
# section: a pattern searching from each tag to the end of the part takes the square of
# their number (issue 11: 60,000 in a comment hung recalc for 13 minutes).
_FLOODED = ('<c r="B1">', '<c r="B1"><v>', '<c r="B1"><f>', '<row r="9">', "<v>", "<f>", "<t>",
            "<is>", '<c a="', "<!--", "<?x ", "<![CDATA[", "<rPh>", "<mergeCell ")
_WRAPPERS = (("<!--", "-->"), ("<?jixiao ", "?>"), ("<![CDATA[", "]]>"), ("", ""),
             ("<!--", ""), ("<?jixiao ", ""), ("<![CDATA[", ""))


def flood_markup(members: Members, choices: Choices) -> None:
    tag, wrapper = choices.pick(_FLOODED), choices.pick(_WRAPPERS)
    flood = wrapper[0] + tag * choices.pick((10, 1_000, 20_000, 60_000)) + wrapper[1]

    def edit(text: str) -> str:
        end = text.find("</sheetData>")
        at = end if end >= 0 and choices.integer(0, 1) else _at(choices, text)
        return text[:at] + flood + text[at:]
    _edit(members, _xml_member(members, choices, prefer="worksheets/sheet"), edit)


def reencode_member(members: Members, choices: Choices) -> None:
    """A part in another encoding (declared or not), or renamed as a picture or a binary."""
    index = _xml_member(members, choices, prefer="worksheets/sheet")
    name, data = members[index]
    encoding = choices.pick(("utf-16", "utf-16-be", "utf-32", "cp500", "gbk", "latin-1", None))
    if encoding is None:
        new_name = name.rsplit(".", 1)[0] + choices.pick((".png", ".bin", ".jpg", ""))
        members[index] = (new_name, data)
        for position, (other, body) in enumerate(members):
            if other.endswith(".rels"):
                members[position] = (other, body.replace(name.rsplit("/", 1)[-1].encode(),
                                                         new_name.rsplit("/", 1)[-1].encode()))
        return
    text = data.decode("utf-8", "replace")
    if choices.integer(0, 1):
        text = re.sub(r'encoding="[^"]*"', f'encoding="{encoding}"', text, count=1)
    members[index] = (name, text.encode(encoding, "replace"))


MEMBER_MUTATIONS = (flip_xml_bytes, cut_xml, insert_text, duplicate_tag, drop_tag,
                    change_attribute, change_value, change_value, change_type, add_cell,
                    change_merges, change_merges, change_formula, change_formula,
                    change_formula, add_defined_name, drop_member, duplicate_member,
                    swap_members, rename_member, add_dtd, flood_markup, flood_markup,
                    reencode_member)


def flip_file_bytes(data: bytes, choices: Choices) -> bytes:
    raw = bytearray(data)
    for _ in range(choices.integer(1, 16)):
        raw[choices.integer(0, len(raw) - 1)] = choices.integer(0, 255)
    return bytes(raw)


def truncate_file(data: bytes, choices: Choices) -> bytes:
    return data[:choices.integer(0, len(data))]


FILE_MUTATIONS = (flip_file_bytes, truncate_file)


def mutate(data: bytes, choices: Choices) -> bytes:
    """``data`` (a workbook) with one to three random changes."""
    if choices.integer(0, 9) == 0:  # the file itself: bytes flipped or cut
        return choices.pick(FILE_MUTATIONS)(data, choices)
    members = unzip(data)
    for _ in range(choices.integer(1, 3)):
        choices.pick(MEMBER_MUTATIONS)(members, choices)
    method = zipfile.ZIP_STORED if choices.integer(0, 7) == 0 else zipfile.ZIP_DEFLATED
    try:
        return rezip(members, method)
    except ValueError:  # a name zipfile will not write ("", NUL): keep the member unrenamed
        return rezip([(name.replace("\x00", "") or "x", body) for name, body in members], method)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


__all__ = ["DrawChoices", "RandomChoices", "formula", "mutate"]

