"""The package-level parts the annotated copy changes: relationships, content types,
custom document properties, the extended properties' list of sheets (docProps/app.xml),
and xl/workbook.xml (its sheets, print titles, active tab and calculation). Each edit
leaves the rest of the part's text as it was.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping

from jixiao.xlsx.xml import MAIN, PACKAGE_RELATIONSHIPS, RELATIONSHIPS
from jixiao.xlsx.xmledit import (
    CannotEdit,
    Edits,
    Element,
    attribute_value,
    checked_root,
    children,
    escape,
    first,
    namespaces,
    start_tag,
    well_formed,
    with_attribute,
)

CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
CUSTOM_PROPERTIES = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VARIANT_TYPES = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
EXTENDED_PROPERTIES = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def _append(text: str, element: Element, xml: str, edits: Edits) -> None:
    if element.empty:
        tag = start_tag(text, element)
        edits.replace(element.start, element.end, f"{tag[:-2].rstrip()}>{xml}</{element.name}>")
    else:
        edits.insert(element.close_start, xml)


def _done(text: str) -> str:
    well_formed(text.encode("utf-8"))
    return text


# ---------------------------------------------------------------- relationships

def add_relationship(text: str | None, kind: str, target: str) -> tuple[str, str]:
    """A ``.rels`` part (made when None) with one more relationship; and its id."""
    if text is None:
        text = f'{_XML}<Relationships xmlns="{PACKAGE_RELATIONSHIPS}"></Relationships>'
    element, prefix = checked_root(text, PACKAGE_RELATIONSHIPS, "Relationships")
    ids = {attribute_value(start_tag(text, item), "Id") for item in children(text, element)}
    number = len(ids) + 1
    while f"rId{number}" in ids:
        number += 1
    edits = Edits()
    _append(text, element, f'<{prefix}Relationship Id="rId{number}" Type="{kind}" '
                           f'Target="{escape(target, quotes=True)}"/>', edits)
    return _done(edits.apply(text)), f"rId{number}"


def drop_relationships(text: str, kind: str) -> str:
    """A ``.rels`` part without its relationships of type ``kind``."""
    element, _ = checked_root(text, PACKAGE_RELATIONSHIPS, "Relationships")
    edits = Edits()
    for item in children(text, element):
        if attribute_value(start_tag(text, item), "Type") == kind:
            edits.replace(item.start, item.end, "")
    return _done(edits.apply(text))


def relative(source_part: str, target_part: str) -> str:
    """The target of a relationship from ``source_part`` to ``target_part``."""
    return posixpath.relpath(target_part, posixpath.dirname(source_part) or ".")


# ---------------------------------------------------------------- content types

def content_types(text: str, *, overrides: Mapping[str, str | None] = (),  # type: ignore[assignment]
                  defaults: Mapping[str, str] = ()) -> str:  # type: ignore[assignment]
    """[Content_Types].xml with ``overrides`` (part → content type; None: removed) set and
    ``defaults`` (extension → content type) added where the extension has none."""
    element, prefix = checked_root(text, CONTENT_TYPES, "Types")
    items = children(text, element)
    edits, added = Edits(), []
    seen_parts, seen_extensions = set(), set()
    wanted = {name.lower(): kind for name, kind in dict(overrides).items()}
    for item in items:
        tag = start_tag(text, item)
        if item.local == "Override":
            part = (attribute_value(tag, "PartName") or "").lstrip("/").lower()
            if part in wanted:
                seen_parts.add(part)
                kind = wanted[part]
                if kind is None:
                    edits.replace(item.start, item.end, "")
                else:
                    edits.replace(item.start, item.open_end, with_attribute(tag, "ContentType", kind))
        elif item.local == "Default":
            seen_extensions.add((attribute_value(tag, "Extension") or "").lower())
    for extension, kind in dict(defaults).items():
        if extension.lower() not in seen_extensions:
            added.append(f'<{prefix}Default Extension="{extension}" ContentType="{kind}"/>')
    for part, kind in dict(overrides).items():
        if kind is not None and part.lower() not in seen_parts:
            added.append(f'<{prefix}Override PartName="/{escape(part, quotes=True)}" '
                         f'ContentType="{kind}"/>')
    if added:
        _append(text, element, "".join(added), edits)
    return _done(edits.apply(text))


# ---------------------------------------------------------------- custom properties

_PROPERTY = re.compile(r"<((?:[\w.-]+:)?)property(?=[\s/>])[^>]*?(?:/>|>.*?</\1property\s*>)", re.S)
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


def custom_properties(text: str | None, values: Mapping[str, str]) -> str:
    """docProps/custom.xml (made when None) whose text properties ``values`` are set; the
    other properties stay."""
    if text is None:
        text = (f'{_XML}<Properties xmlns="{CUSTOM_PROPERTIES}" xmlns:vt="{VARIANT_TYPES}">'
                "</Properties>")
    element, prefix = checked_root(text, CUSTOM_PROPERTIES, "Properties")
    edits = Edits()
    pids = [1]
    for item in children(text, element):
        tag = start_tag(text, item)
        if item.local != "property":
            continue
        if attribute_value(tag, "name") in values:
            edits.replace(item.start, item.end, "")
        elif (attribute_value(tag, "pid") or "").isdigit():
            pids.append(int(attribute_value(tag, "pid") or 0))
    pid = max(pids) + 1
    added = []
    for name, value in values.items():
        # the value's prefix "vt:" declared on the element itself: marks.py reads it so
        added.append(f'<{prefix}property xmlns:vt="{VARIANT_TYPES}" fmtid="{_FMTID}" pid="{pid}" '
                     f'name="{escape(name, quotes=True)}"><vt:lpwstr>{escape(value)}</vt:lpwstr>'
                     f"</{prefix}property>")
        pid += 1
    _append(text, element, "".join(added), edits)
    return _done(edits.apply(text))


# ---------------------------------------------------------------- extended properties

_SIZE = re.compile(r"""(\ssize\s*=\s*)(["'])[^"']*\2""")


def listed_sheet(text: str, worksheets: list[str], name: str) -> str:
    """docProps/app.xml with worksheet ``name`` listed as Excel lists a workbook's sheets
    (ECMA-376 Part 1 §22.2.2.12 HeadingPairs, §22.2.2.27 TitlesOfParts): its title after
    the last of the group of worksheets, that group's count in HeadingPairs and the size of
    TitlesOfParts one more. The group of worksheets is the first whose titles are all names
    of ``worksheets`` (its heading is Excel's language's: 工作表, Worksheets …). ``text``
    unchanged where ``name`` is listed in it already (an earlier annotation's findings
    sheet, replaced) or it has no such group; ``CannotEdit`` where it cannot be read."""
    element, _ = checked_root(text, EXTENDED_PROPERTIES, "Properties")
    parts = children(text, element)
    vectors = []
    for local in ("HeadingPairs", "TitlesOfParts"):
        holder = next((item for item in parts if item.local == local), None)
        vector = children(text, holder) if holder is not None else []
        if len(vector) != 1 or vector[0].local != "vector":
            return text
        vectors.append(vector[0])
    pairs = [children(text, variant) for variant in children(text, vectors[0])]
    titles = children(text, vectors[1])
    if any(len(item) != 1 for item in pairs) or len(pairs) % 2 \
            or any(title.local not in ("lpstr", "bstr") for title in titles):
        return text
    groups, offset = [], 0
    for heading, count in zip(pairs[::2], pairs[1::2], strict=True):
        value = _inner(text, count[0])
        if heading[0].local not in ("lpstr", "bstr") or not value.isdigit():
            return text
        groups.append((count[0], titles[offset:offset + int(value)]))
        offset += int(value)
    if offset != len(titles):
        return text
    for count, group in groups:
        listed = [_inner(text, title) for title in group]
        if not group or not set(listed) <= set(worksheets):
            continue
        if name in listed:
            return text
        edits, last = Edits(), group[-1]
        edits.insert(last.end, f"<{last.name}>{escape(name)}</{last.name}>")
        edits.replace(count.open_end, count.close_start, str(len(group) + 1))
        tag = start_tag(text, vectors[1])
        sized, found = _SIZE.subn(rf"\g<1>\g<2>{len(titles) + 1}\g<2>", tag, count=1)
        edits.replace(vectors[1].start, vectors[1].open_end,
                      sized if found else with_attribute(tag, "size", str(len(titles) + 1)))
        return _done(edits.apply(text))
    return text


def _inner(text: str, element: Element) -> str:
    from jixiao.xlsx.xml import unescape

    return unescape(text[element.open_end:element.close_start]).strip()


# ---------------------------------------------------------------- workbook.xml

# CT_Workbook, ECMA-376 Part 1 §18.2.27
_WORKBOOK_ORDER = ("fileVersion", "fileSharing", "workbookPr", "workbookProtection", "bookViews",
                   "sheets", "functionGroups", "externalReferences", "definedNames", "calcPr",
                   "oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes",
                   "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst")
_RANK = {name: rank for rank, name in enumerate(_WORKBOOK_ORDER)}
PRINT_TITLES = "_xlnm.Print_Titles"


class WorkbookEditor:
    def __init__(self, text: str) -> None:
        self.text = text
        self.root, self.prefix = checked_root(text, MAIN, "workbook")
        self.children = children(text, self.root)
        sheets = first(self.children, self.prefix, "sheets")
        if sheets is None:
            raise CannotEdit("a workbook without sheets")
        self.sheets = [item for item in children(text, sheets) if item.local == "sheet"]
        self._sheets = sheets
        declared = namespaces(start_tag(text, self.root))
        self.r = next((name for name, uri in declared.items() if uri == RELATIONSHIPS and name),
                      None)
        self.edits = Edits()

    def entries(self) -> list[tuple[str, str | None, str]]:
        """(name, relationship id, sheetId) of each sheet, in tab order."""
        found = []
        for item in self.sheets:
            tag = start_tag(self.text, item)
            rid = attribute_value(tag, f"{self.r}:id") if self.r else None
            found.append((attribute_value(tag, "name") or "", rid, attribute_value(tag, "sheetId")
                          or ""))
        return found

    def _after(self, local: str) -> int:
        """Where an element ``local`` the workbook lacks goes."""
        rank = _RANK[local]
        before = [child for child in self.children
                  if child.prefix == self.prefix and _RANK.get(child.local, len(_RANK)) < rank]
        return before[-1].end if before else self.root.open_end

    def add_sheet(self, name: str, rid: str) -> int:
        """A new sheet at the end of the tabs; its index."""
        ids = [int(sheet_id) for _, _, sheet_id in self.entries() if sheet_id.isdigit()]
        reference = f'{self.r}:id="{rid}"' if self.r else f'xmlns:r="{RELATIONSHIPS}" r:id="{rid}"'
        _append(self.text, self._sheets, f'<{self.prefix}sheet name="{escape(name, quotes=True)}" '
                                         f'sheetId="{max(ids, default=0) + 1}" {reference}/>',
                self.edits)
        return len(self.sheets)

    def show_sheet(self, index: int) -> None:
        """The sheet at ``index`` (kept, its content replaced) made visible."""
        item = self.sheets[index]
        tag = start_tag(self.text, item)
        if attribute_value(tag, "state") is not None:
            self.edits.replace(item.start, item.open_end, with_attribute(tag, "state", None))

    def print_titles(self, index: int, reference: str) -> None:
        """The rows printed on every page of the sheet at ``index``."""
        p = self.prefix
        name = f'<{p}definedName name="{PRINT_TITLES}" localSheetId="{index}">{escape(reference)}' \
               f"</{p}definedName>"
        names = first(self.children, p, "definedNames")
        if names is None:
            self.edits.insert(self._after("definedNames"), f"<{p}definedNames>{name}</{p}definedNames>",
                              _RANK["definedNames"])
            return
        for item in children(self.text, names):
            tag = start_tag(self.text, item)
            if attribute_value(tag, "name") == PRINT_TITLES and \
                    attribute_value(tag, "localSheetId") == str(index):
                self.edits.replace(item.start, item.end, "")
        _append(self.text, names, name, self.edits)

    def activate(self, index: int) -> None:
        views = first(self.children, self.prefix, "bookViews")
        if views is None:
            self.edits.insert(self._after("bookViews"), f'<{self.prefix}bookViews><{self.prefix}'
                              f'workbookView activeTab="{index}"/></{self.prefix}bookViews>',
                              _RANK["bookViews"])
            return
        for view in children(self.text, views):
            tag = start_tag(self.text, view)
            tag = with_attribute(tag, "activeTab", str(index))
            first_sheet = attribute_value(tag, "firstSheet")
            if first_sheet and first_sheet.isdigit() and int(first_sheet) > index:
                tag = with_attribute(tag, "firstSheet", None)
            self.edits.replace(view.start, view.open_end, tag)

    def calculate_on_load(self) -> None:
        calc = first(self.children, self.prefix, "calcPr")
        if calc is None:
            self.edits.insert(self._after("calcPr"), f'<{self.prefix}calcPr fullCalcOnLoad="1"/>',
                              _RANK["calcPr"])
        else:
            self.edits.replace(calc.start, calc.open_end,
                               with_attribute(start_tag(self.text, calc), "fullCalcOnLoad", "1"))

    def result(self) -> str:
        return _done(self.edits.apply(self.text))


__all__ = ["EXTENDED_PROPERTIES", "PRINT_TITLES", "WorkbookEditor", "add_relationship",
           "content_types", "custom_properties", "drop_relationships", "listed_sheet", "relative"]
