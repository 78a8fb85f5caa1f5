"""xl/styles.xml with what the annotated copy adds: a solid fill per colour, and per (cell
format, colour) one cell format cloned from the cell's own with that fill; a bold font, a
wrapping format and a link format for the findings sheet. The link format has Excel's
built-in cell style Hyperlink (``cellStyle builtinId="8"``, ECMA-376 Part 1 §18.8.7 and
§18.8.8), the workbook's own where it has one, else added with its ``cellStyleXfs``
entry, as Excel does when a link is typed; a styles part without ``cellStyleXfs`` and
``cellStyles`` gets a link font only. Only appended elements and the ``count`` attributes
change; every format already there keeps its index.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from jixiao.xlsx.xml import MAIN
from jixiao.xlsx.xmledit import (
    CannotEdit,
    Edits,
    Element,
    attribute_value,
    checked_root,
    children,
    first,
    start_tag,
    with_attribute,
)

# A styles part for a package that has none, Excel's defaults (the add-in's package has
# the same: addin/package.py)
MINIMAL_STYLESHEET = (
    f'<styleSheet xmlns="{MAIN}">'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>")
EMPTY_STYLES = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + MINIMAL_STYLESHEET
LINK_COLOUR = "FF0563C1"  # Excel's Hyperlink style
_SOLID = re.compile(r"""<(?:[\w.-]+:)?patternFill\b[^>]*?patternType\s*=\s*["']solid["'][^>]*>\s*"""
                    r"""<(?:[\w.-]+:)?fgColor\b[^>]*?\brgb\s*=\s*["']([0-9A-Fa-f]{8})["']""")
_FILL_ATTRIBUTES = re.compile(r"""\s(?:fillId|applyFill)\s*=\s*(?:"[^"]*"|'[^']*')""")
_PAIR = re.compile(r"(\d+):(\d+)")
_ITEM = {"fonts": "font", "fills": "fill", "cellXfs": "xf", "cellStyleXfs": "xf",
         "cellStyles": "cellStyle"}
HYPERLINK_STYLE = "8"  # the builtinId of the cell style Hyperlink (§18.8.7)
_COLOR = re.compile(r"<(?:[\w.-]+:)?color(?=[\s/>])[^>]*?(?:/>|>.*?</(?:[\w.-]+:)?color\s*>)", re.S)


class StyleEditor:
    def __init__(self, text: str) -> None:
        self.text = text
        root, self.prefix = checked_root(text, MAIN, "styleSheet")
        parts = children(text, root)
        self._lists: dict[str, tuple[Element, list[Element]]] = {}
        for name in ("fonts", "fills", "cellXfs"):
            element = first(parts, self.prefix, name)
            if element is None or element.empty:
                raise CannotEdit(f"styles without {name}")
            self._lists[name] = (element, [item for item in children(text, element)
                                           if item.name == self.prefix + _ITEM[name]])
        self._cell_style_xfs = first(parts, self.prefix, "cellStyleXfs")
        for name in ("cellStyleXfs", "cellStyles"):  # optional: named styles
            element = first(parts, self.prefix, name)
            if element is not None and not element.empty:
                self._lists[name] = (element, [item for item in children(text, element)
                                               if item.name == self.prefix + _ITEM[name]])
        self._added: dict[str, list[str]] = {name: [] for name in self._lists}
        self._hyperlink: tuple[int, int] | None = None  # (its cellStyleXfs index, font)
        self._fills: dict[str, int] = {}
        self._xfs: dict[tuple[object, ...], int] = {}
        self._fonts: dict[str, int] = {}
        self.clones: dict[int, int] = {}  # a format filled by jixiao → the one it was cloned from
        self._refilled: dict[int, str] = {}  # a format ``refilled`` → its fill
        self._shapes: list[tuple[int, str]] | None = None  # each format's (fillId, the rest)

    def _add(self, name: str, xml: str) -> int:
        index = len(self._lists[name][1]) + len(self._added[name])
        self._added[name].append(xml)
        return index

    def _source(self, name: str, index: int) -> str:
        items = self._lists[name][1]
        item = items[index] if 0 <= index < len(items) else items[0] if items else None
        if item is None:
            return f"<{self.prefix}{_ITEM[name]}/>"
        return self.text[item.start:item.end]

    def fill(self, colour: str) -> int:
        """The index of a solid fill of ``colour`` (RRGGBB), added once."""
        if colour not in self._fills:
            p = self.prefix
            self._fills[colour] = self._add(
                "fills", f'<{p}fill><{p}patternFill patternType="solid"><{p}fgColor rgb="FF{colour}"/>'
                         f'<{p}bgColor indexed="64"/></{p}patternFill></{p}fill>')
        return self._fills[colour]

    def our_filled(self, colours: Sequence[str]) -> dict[int, str]:
        """The cell formats whose fill is a solid fill of one of ``colours`` (jixiao's exact
        colours, RRGGBB; any alpha): format → its colour. What LibreOffice and Excel keep of
        an earlier annotation's fills when they renumber the formats."""
        wanted = {colour.upper(): colour for colour in colours}
        our_fills: dict[int, str] = {}
        for index, fill in enumerate(self._lists["fills"][1]):
            xml = self.text[fill.start:fill.end]
            solid = _SOLID.search(xml)
            if solid and solid.group(1)[2:].upper() in wanted and "gradientFill" not in xml:
                our_fills[index] = wanted[solid.group(1)[2:].upper()]
        found = {}
        for index, xf in enumerate(self._lists["cellXfs"][1]):
            fill = _attribute_int(start_tag(self.text, xf), "fillId")
            if fill in our_fills:
                found[index] = our_fills[fill]
        return found

    def earlier(self, colours: Sequence[str], recorded: str | None) -> dict[int, int]:
        """The cell formats an earlier annotation cloned to fill its cells: clone → the
        format it was cloned from. A clone is a format whose fill is a solid fill of one of
        ``colours`` (``our_filled``); its source is the one ``recorded`` names (the
        copy's property ``jixiao-xf``: "clone:source …") if the two still differ only in
        their fill, else the only other format that differs from it only in its fill (Excel
        may renumber formats when it saves). A clone whose source is not certain stays."""
        filled = self.our_filled(colours)
        xfs = self._lists["cellXfs"][1]
        shapes = [_without_fill(self.text[xf.start:xf.end]) for xf in xfs]
        pairs = dict(_PAIR.findall(recorded or ""))
        found: dict[int, int] = {}
        for clone in filled:
            source = pairs.get(str(clone))
            if (source is not None and int(source) < len(xfs) and int(source) not in filled
                    and shapes[int(source)] == shapes[clone]):
                found[clone] = int(source)
                continue
            like = [index for index, shape in enumerate(shapes)
                    if index not in filled and shape == shapes[clone]]
            if len(like) == 1:
                found[clone] = like[0]
        for clone, source in found.items():
            self._xfs.setdefault(("filled", source, filled[clone]), clone)
            self.clones[clone] = source
        return found

    def fill_of(self, xf: int) -> str:
        """The fill cell format ``xf`` shows, as prefix-free XML (``NO_FILL`` for none): what
        the copy records (``jixiao-fills``) to give the cell back its look."""
        if xf in self._refilled:
            return self._refilled[xf]
        fills = self._lists["fills"][1]
        xfs = self._lists["cellXfs"][1]
        index = _attribute_int(start_tag(self.text, xfs[xf]), "fillId") if xf < len(xfs) else 0
        if index >= len(fills):
            return NO_FILL
        return neutral_fill(self.text[fills[index].start:fills[index].end])

    def refilled(self, xf: int, fill: str) -> int:
        """A cell format like ``xf`` but with ``fill`` (``fill_of``'s XML): the first format
        there that is so, else one added (and the fill with it, where the part has none
        alike)."""
        key = ("refilled", xf, fill)
        if key not in self._xfs:
            fills = self._lists["fills"][1]
            known = [neutral_fill(self.text[item.start:item.end]) for item in fills] + \
                [neutral_fill(item) for item in self._added["fills"]]
            if fill in known:
                fill_id = known.index(fill)
            else:
                fill_id = self._add("fills", re.sub(r"<(/?)(?=[A-Za-z])", rf"<\1{self.prefix}", fill))
            xml = self._source("cellXfs", xf)
            shape = _without_fill(xml)
            if self._shapes is None:
                self._shapes = [(_attribute_int(start_tag(self.text, item), "fillId"),
                                 _without_fill(self.text[item.start:item.end]))
                                for item in self._lists["cellXfs"][1]]
            same = next((index for index, (given, like) in enumerate(self._shapes)
                         if given == fill_id and like == shape), None)
            if same is None:
                tag_end = xml.index(">") + 1
                tag = with_attribute(with_attribute(xml[:tag_end], "fillId", str(fill_id)),
                                     "applyFill", "1")
                same = self._add("cellXfs", tag + xml[tag_end:])
            self._xfs[key] = same
            self._refilled[same] = fill
        return self._xfs[key]

    def filled(self, xf: int, colour: str) -> int:
        """A cell format like ``xf`` (an index into cellXfs) but filled with ``colour``."""
        key = ("filled", xf, colour)
        if key not in self._xfs:
            xml = self._source("cellXfs", xf)
            tag_end = xml.index(">") + 1
            tag = with_attribute(with_attribute(xml[:tag_end], "fillId", str(self.fill(colour))),
                                 "applyFill", "1")
            self._xfs[key] = self._add("cellXfs", tag + xml[tag_end:])
            self.clones[self._xfs[key]] = xf
        return self._xfs[key]

    def recorded(self) -> str:
        """The clones and their sources, for the copy's property ``jixiao-xf``."""
        return " ".join(f"{clone}:{source}" for clone, source in sorted(self.clones.items()))

    def _font(self, kind: str) -> int:
        """Font 0 in bold ("bold") or as a link ("link": underlined, blue)."""
        if kind not in self._fonts:
            xml = self._source("fonts", 0)
            p = self.prefix
            if xml.endswith("/>"):
                xml = xml[:-2].rstrip() + f"></{p}font>"
            tag_end = xml.index(">") + 1
            if kind == "bold":
                added = f"<{p}b/>"
            else:
                xml = xml[:tag_end] + _COLOR.sub("", xml[tag_end:])
                added = f'<{p}u/><{p}color rgb="{LINK_COLOUR}"/>'
            self._fonts[kind] = self._add("fonts", xml[:tag_end] + added + xml[tag_end:])
        return self._fonts[kind]

    def _hyperlink_style(self) -> tuple[int, int] | None:
        """(the cellStyleXfs index, the font) of the cell style Hyperlink: the workbook's
        own, or added (a cellStyleXfs entry with the link font, a cellStyle naming it);
        None without cellStyleXfs and cellStyles to add it to."""
        if self._hyperlink is None and {"cellStyleXfs", "cellStyles"} <= set(self._lists):
            style_xfs = self._lists["cellStyleXfs"][1]
            for style in self._lists["cellStyles"][1]:
                tag = start_tag(self.text, style)
                index = _attribute_int(tag, "xfId")
                if attribute_value(tag, "builtinId") == HYPERLINK_STYLE and \
                        index < len(style_xfs):
                    font = _attribute_int(start_tag(self.text, style_xfs[index]), "fontId")
                    if font < len(self._lists["fonts"][1]):
                        self._hyperlink = index, font
                        return self._hyperlink
            p, font = self.prefix, self._font("link")
            index = self._add("cellStyleXfs", f'<{p}xf numFmtId="0" fontId="{font}" fillId="0" '
                                              'borderId="0" applyNumberFormat="0" applyFill="0" '
                                              'applyBorder="0" applyAlignment="0" '
                                              'applyProtection="0"/>')
            self._add("cellStyles", f'<{p}cellStyle name="Hyperlink" xfId="{index}" '
                                    f'builtinId="{HYPERLINK_STYLE}"/>')
            self._hyperlink = index, font
        return self._hyperlink

    def plain(self, *, font: str | None = None, colour: str | None = None,
              wrap: bool = False) -> int:
        """A cell format of the findings sheet: bold or link font (with the cell style
        Hyperlink where the part has named styles), a fill, wrapped text."""
        key = ("plain", font, colour, wrap)
        if key not in self._xfs:
            p = self.prefix
            hyperlink = self._hyperlink_style() if font == "link" else None
            style, font_id = hyperlink if hyperlink is not None else (
                0, self._font(font) if font else 0)
            attributes = [f'numFmtId="0" fontId="{font_id}" '
                          f'fillId="{self.fill(colour) if colour else 0}" borderId="0"']
            if self._cell_style_xfs is not None and not self._cell_style_xfs.empty:
                attributes.append(f'xfId="{style}"')
            attributes += ['applyFont="1"'] * bool(font) + ['applyFill="1"'] * bool(colour)
            if wrap:
                self._xfs[key] = self._add("cellXfs", f'<{p}xf {" ".join(attributes)} applyAlignment='
                                           f'"1"><{p}alignment vertical="top" wrapText="1"/></{p}xf>')
            else:
                self._xfs[key] = self._add("cellXfs", f'<{p}xf {" ".join(attributes)}/>')
        return self._xfs[key]

    def result(self) -> str:
        edits = Edits()
        for name, added in self._added.items():
            if not added:
                continue
            element, items = self._lists[name]
            tag = start_tag(self.text, element)
            edits.replace(element.start, element.open_end,
                          with_attribute(tag, "count", str(len(items) + len(added))))
            edits.insert(element.close_start, "".join(added))
        return edits.apply(self.text)


NO_FILL = '<fill><patternFill patternType="none"/></fill>'
_NONE = re.compile(r'<fill><patternFill(?: patternType="none")?/></fill>')


_FILL_XML = re.compile(r'<fill>(?:</?(?:patternFill|gradientFill|fgColor|bgColor|stop|color)'
                       r'(?: [A-Za-z]+="[^"<>&]*")*/?>)*</fill>')


def is_fill(xml: str) -> bool:
    """Whether ``xml`` is a fill as ``fill_of`` writes it (a record read back from a copy is
    written into the styles only if it is)."""
    return _FILL_XML.fullmatch(xml) is not None


def neutral_fill(xml: str) -> str:
    """A ``<fill>``'s XML without namespace prefixes and blanks between or closing tags:
    one fill's, however a program wrote it (no fill: ``NO_FILL``)."""
    xml = re.sub(r"\s*/>", "/>", re.sub(r">\s+<", "><", re.sub(r"<(/?)[\w.-]+:", r"<\1", xml.strip())))
    return NO_FILL if _NONE.fullmatch(xml) else xml


def _without_fill(xml: str) -> str:
    """A cell format's XML without its fill (``fillId``, ``applyFill``): what a clone and
    its source have alike."""
    end = xml.index(">") + 1
    return _FILL_ATTRIBUTES.sub("", xml[:end]) + xml[end:]


def _attribute_int(tag: str, name: str) -> int:
    value = attribute_value(tag, name)
    return int(value) if value and value.strip().isdigit() else 0


__all__ = ["EMPTY_STYLES", "MINIMAL_STYLESHEET", "NO_FILL", "StyleEditor", "is_fill", "neutral_fill"]
