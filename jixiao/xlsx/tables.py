"""The Excel tables of a workbook (套用表格格式, Ctrl+T): each sheet's ``tableParts``
relationships to ``xl/tables/tableN.xml`` (ECMA-376 Part 1 §18.5), read as name, place and
columns — what a structured reference (``资金表[预算数]``) names."""

from __future__ import annotations

from dataclasses import dataclass
from xml.etree import ElementTree

from jixiao.xlsx.package import Package
from jixiao.xlsx.refs import split_area
from jixiao.xlsx.xml import MAIN, RELATIONSHIPS, parse_xml

_TABLE = RELATIONSHIPS + "/table"


@dataclass(frozen=True)
class ExcelTable:
    """One table: its area on its sheet, header and totals rows included."""

    name: str                  # displayName, the name formulas use
    sheet: str
    top: int
    left: int
    bottom: int
    right: int
    columns: tuple[str, ...]   # the column names, left to right
    header_rows: int = 1       # headerRowCount: 0 when the table shows no header row
    totals_rows: int = 0       # totalsRowCount

    @property
    def data_rows(self) -> tuple[int, int]:
        """(first, last) row of the data body (#Data)."""
        return self.top + self.header_rows, self.bottom - self.totals_rows


def workbook_tables(package: Package) -> list[ExcelTable]:
    """Every table of the workbook's worksheets; one whose part cannot be read is left out
    (its references then stay unresolved)."""
    found = []
    for sheet in package.sheets:
        # (the package's own relationship reader, as ``recalc.workload`` uses it)
        for kind, target, _ in package._relationships(sheet.part):
            if kind != _TABLE or target not in package.members:
                continue
            table = _read_table(sheet.name, package.members[target])
            if table is not None:
                found.append(table)
    return found


def _read_table(sheet: str, xml: bytes) -> ExcelTable | None:
    try:
        root = parse_xml(xml)
        top, left, bottom, right = split_area(root.get("ref", ""))
        header_rows = int(root.get("headerRowCount", "1"))
        totals_rows = int(root.get("totalsRowCount", "0"))
    except (ElementTree.ParseError, ValueError):
        return None
    name = root.get("displayName") or root.get("name") or ""
    columns = tuple(column.get("name", "") for column in root.iter(f"{{{MAIN}}}tableColumn"))
    if not name or len(columns) != right - left + 1:
        return None
    return ExcelTable(name, sheet, top, left, bottom, right, columns,
                      header_rows, totals_rows)


__all__ = ["ExcelTable", "workbook_tables"]
