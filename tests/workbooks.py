"""Build small workbooks in every layout from a compact description.

    book = Book()
    sheet = book.sheet("自评表")
    sheet.title("项目支出绩效自评表", "（2024 年度）")
    sheet.project("信息安全等保项目", "普陀区医疗保障局", "普陀区医疗保险事务中心")
    sheet.money([("年度资金总额", 30.03, 31.56, 31.50, 10, "99.80", 9.98), …])
    sheet.indicators([("产出指标", "数量指标", "预算资金执行率", "≥90%", "99.8%", 5, 5, None), …])
    sheet.total(100, 99.98)
    sheet.grade("优")
    path = book.save(tmp_path / "t.xlsx")

Rows are tuples in the order of the header given (``STANDARD`` by default);
equal consecutive 一级/二级 cells are merged vertically, as on paper. A value
``Percent(0.998)`` is a number shown as 99.80%; ``Formula("=…", cached)`` a
formula cell whose cached result is written into the file (openpyxl cannot,
so ``Book.save`` patches the sheet XML, and drops openpyxl's fullCalcOnLoad: Excel
shows these results, as a file Excel saved).
"""

from __future__ import annotations

import os
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook

STANDARD = ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
            "偏差原因分析及改进措施")
NO_REASON = STANDARD[:-1]
SICHUAN = ("一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重",
           "实际完成指标值", "偏差原因分析及改进措施")
ATTACHMENT = ("一级指标", "三级指标", "权重", "目标值", "业绩值", "评分结果", "偏差原因")
THIRD_PARTY = ("一级指标", "二级指标", "三级指标", "指标解释", "分值", "得分")
MONEY = ("年初预算数", "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分")
MONEY_NO_BUDGET = ("年初预算数", "全年执行数", "分值", "执行率", "得分")

_MERGED_ROLES = ("一级指标", "二级指标")


@dataclass(frozen=True)
class Percent:
    value: float


@dataclass(frozen=True)
class Formula:
    text: str
    cached: Any = None


class Sheet:
    def __init__(self, book: Book, ws: Any) -> None:
        self.book, self.ws = book, ws
        self.row = 1
        self.columns: dict[str, int] = {}  # header text → column of the last indicator block

    # ------------------------------------------------------------ cells
    def put(self, row: int, column: int, value: Any) -> None:
        cell = self.ws.cell(row, column)
        if isinstance(value, Percent):
            cell.value = value.value
            cell.number_format = "0.00%"
        elif isinstance(value, Formula):
            cell.value = value.text
            if value.cached is not None:
                self.book.cached[(self.ws.title, cell.coordinate)] = value.cached
        else:
            cell.value = value
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # "=100%" typed as a text, not a formula

    def line(self, *values: Any, start: int = 1) -> int:
        row = self.row
        for offset, value in enumerate(values):
            if value is not None:
                self.put(row, start + offset, value)
        self.row += 1
        return row

    def merge(self, row: int, first: int, last: int, last_row: int | None = None) -> None:
        self.ws.merge_cells(start_row=row, start_column=first, end_row=last_row or row,
                            end_column=last)

    def blank(self, rows: int = 1) -> None:
        self.row += rows

    # ------------------------------------------------------------ blocks
    def title(self, *lines: str) -> None:
        for text in lines:
            row = self.line(text)
            self.merge(row, 1, 8)

    def project(self, name: str | None, department: str | None = None,
                unit: str | None = None) -> None:
        row = self.line("项目名称", None, name)
        self.merge(row, 1, 2)
        self.merge(row, 3, 8)
        if department is not None or unit is not None:
            row = self.line("主管部门", None, department, None, "实施单位", unit)
            self.merge(row, 1, 2)
            self.merge(row, 3, 4)
            self.merge(row, 6, 8)

    def money(self, lines: Sequence[Sequence[Any]], header: Sequence[str] = MONEY,
              label: str = "项目资金（万元）") -> None:
        """lines: (label, *values in header order)."""
        first = self.line(label, None, *header)
        for values in lines:
            self.line(None, *values)
        self.merge(first, 1, 1, self.row - 1)

    def indicators(self, rows: Sequence[Sequence[Any]], header: Sequence[str] = STANDARD,
                   lead: str | None = "绩效指标", merge: bool = True,
                   merged: Sequence[str] = _MERGED_ROLES) -> None:
        start = 2 if lead else 1
        header_row = self.line(*header, start=start)
        self.columns = {text: start + i for i, text in enumerate(header)}
        first_data = self.row
        for values in rows:
            self.line(*values, start=start)
        if lead:
            self.put(header_row, 1, lead)
            self.merge(header_row, 1, 1, max(header_row, self.row - 1))
        if merge:
            for role in merged:  # a value and the blank cells under it: one merged cell
                if role in self.columns:
                    self._merge_runs(self.columns[role], first_data, self.row - 1)

    def _merge_runs(self, column: int, first: int, last: int) -> None:
        run_start = first
        for row in range(first + 1, last + 2):
            value = self.ws.cell(run_start, column).value
            if row <= last and self.ws.cell(row, column).value in (value, None) \
                    and value is not None:
                self.ws.cell(row, column).value = None
                continue
            if row - 1 > run_start:
                self.merge(run_start, column, column, row - 1)
            run_start = row

    def total(self, weight: Any = None, score: Any = None, label: str = "总分") -> int:
        row = self.row
        self.put(row, 1, label)
        weight_column = self._column("分值", "权重")
        score_column = self._column("得分", "评分结果")
        if weight_column:
            self.merge(row, 1, weight_column - 1)
            if weight is not None:
                self.put(row, weight_column, weight)
        if score_column and score is not None:
            self.put(row, score_column, score)
        self.row += 1
        return row

    def grade(self, value: Any, label: str = "评分等级") -> int:
        row = self.line(label, value)
        return row

    def _column(self, *names: str) -> int | None:
        return next((self.columns[name] for name in names if name in self.columns), None)


class Book:
    def __init__(self) -> None:
        self.wb = Workbook()
        self.wb.remove(self.wb.active)
        self.cached: dict[tuple[str, str], Any] = {}

    def sheet(self, name: str = "自评表") -> Sheet:
        return Sheet(self, self.wb.create_sheet(name))

    def save(self, path: str | Path) -> Path:
        path = Path(path)
        if not self.wb.worksheets:
            self.wb.create_sheet("Sheet1")
        self.wb.save(path)
        if self.cached:
            _write_cached(path, self.wb, self.cached)
        return path


def _write_cached(path: Path, wb: Workbook, cached: dict[tuple[str, str], Any]) -> None:
    """Give formula cells a cached result, as Excel would have saved it."""
    members = {}
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            members[info.filename] = archive.read(info)
    for index, ws in enumerate(wb.worksheets, start=1):
        member = f"xl/worksheets/sheet{index}.xml"
        xml = members[member].decode()
        for (sheet, ref), value in cached.items():
            if sheet != ws.title:
                continue
            if isinstance(value, str):
                kind, text = ' t="str"', value
            else:
                kind, text = "", repr(float(value))
            pattern = re.compile(rf'<c r="{ref}"([^>]*)><f>(.*?)</f><v\s*/?>(?:</v>)?')
            xml, count = pattern.subn(
                lambda m, k=kind, t=text, r=ref: f'<c r="{r}"{m.group(1)}{k}><f>{m.group(2)}</f>'
                                          f"<v>{t}</v>", xml)
            assert count == 1, (ref, xml[:2000])
        members[member] = xml.encode()
    # Excel saves without openpyxl's "recalculate on opening": the results shown are these
    members["xl/workbook.xml"] = re.sub(rb'\s*fullCalcOnLoad="1"', b"", members["xl/workbook.xml"])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


# ---------------------------------------------------------------- whole tables

PUTUO_1_ROWS = [
    ("产出指标", "数量指标", "预算资金执行率", "≥90.00(%)", "99.80(%)", 5, 5, None),
    ("产出指标", "质量指标", "预算编制规范性", "规范", "达成指标", 25, 25, None),
    ("产出指标", "时效指标", "资金拨付及时性", "及时", "达成指标", 20, 20, None),
    ("效益指标", "可持续影响指标", "网络安全防护能力", "稳步提升", "达成指标", 30, 30, None),
    ("满意度指标", "服务对象满意度指标", "服务对象满意度", "满意", "达成指标", 10, 10, None),
]
PUTUO_1_MONEY = [
    ("年度资金总额", 30.03, 31.56, 31.50, 10, 99.80, 9.98),
    ("其中：当年财政拨款", 30.03, 31.56, 31.50, "—", 99.80, "—"),
    ("上年结转资金", 0, 0, 0, "—", 0, "—"),
    ("其他资金", 0, 0, 0, "—", 0, "—"),
]


def standard_sheet(sheet: Sheet, rows: Sequence[Sequence[Any]] = PUTUO_1_ROWS,
                   money: Sequence[Sequence[Any]] | None = PUTUO_1_MONEY,
                   total: tuple[Any, Any] | None = (100, 99.98), grade: Any = "优",
                   header: Sequence[str] = STANDARD, money_header: Sequence[str] = MONEY,
                   money_label: str = "项目资金（万元）",
                   name: str = "普陀区医疗保险事务中心信息安全等保项目机房设施升级改造",
                   merged: Sequence[str] = _MERGED_ROLES, conclusion: str | None = None,
                   year: int | None = 2024) -> Sheet:
    """A standard table: by default the first Putuo 2024 table, as published.
    ``conclusion``: a 自评结论 | <text> row under the 评分等级; ``year``: the title's
    （2024 年度） line (None: a title without one)."""
    sheet.title("项目支出绩效自评表", *([f"（{year} 年度）"] if year is not None else []))
    sheet.project(name, "上海市普陀区医疗保障局", "上海市普陀区医疗保险事务中心")
    if money is not None:
        sheet.money(money, header=money_header, label=money_label)
    sheet.indicators(rows, header=header, merged=merged)
    if total is not None:
        sheet.total(*total)
    if grade is not None:
        sheet.grade(grade)
    if conclusion is not None:
        sheet.merge(sheet.line("自评结论", conclusion), 2, 9)
    return sheet


def standard(path: str | Path, rules_cell: Any = None, hidden: Sequence[int] = (),
             **options: Any) -> Path:
    """``rules_cell``: a 评分规则 cell as jixiao's template has it (J2 评分规则 | K2 the
    value, named JX_Rules), holding this ("" for blank); ``hidden``: sheet rows to hide."""
    book = Book()
    sheet = standard_sheet(book.sheet(), **options)
    for row in hidden:
        sheet.ws.row_dimensions[row].hidden = True
    if rules_cell is not None:
        from openpyxl.workbook.defined_name import DefinedName

        sheet.ws["J2"] = "评分规则"
        sheet.ws["K2"] = rules_cell or None
        book.wb.defined_names["JX_Rules"] = DefinedName("JX_Rules",
                                                        attr_text=f"'{sheet.ws.title}'!$K$2")
    return book.save(path)


def putuo(path: str | Path, key: str = "putuo-1") -> Path:
    """A published Putuo 2024 table typed into its own layout (money with 全年预算数,
    执行率 typed as "99.80", 分数 for 分值, no 绩效指标 column)."""
    from jixiao.samples import PUTUO_2024

    published = next(item for item in PUTUO_2024 if item.key == key)
    table = published.table
    funds = table.funds
    money = [(f"{line.label}：" if line is funds.total else
              ("其中：" if index == 0 else "") + line.label,
              f"{line.initial_budget:,.2f}", f"{line.budget:,.2f}", f"{line.executed:,.2f}",
              "10.00" if line is funds.total else "-", f"{line.rate_declared:.2f}",
              f"{funds.score_declared:.2f}" if line is funds.total else "-")
             for index, line in enumerate([funds.total, *funds.parts], start=-1)]
    rows = [(i.level1, i.level2, i.name, i.target, i.actual, f"{i.weight:.2f}",
             f"{i.score_declared:.2f}", None) for i in table.indicators]
    book = Book()
    sheet = book.sheet("自评表")
    sheet.title("财政项目支出绩效自评表", "（2024 年度）")
    sheet.project(table.project.name, table.project.department, table.project.unit)
    sheet.money(money, header=("年初预算数", "全年预算数", "全年执行数", "分数", "执行率(%)",
                               "得分"), label="项目资金 (万元)")
    sheet.line("年度总体目标", "预期目标", None, None, "实际完成情况")
    sheet.line(None, "（略）", None, None, "（略）")
    sheet.indicators(rows, lead=None)
    sheet.total(f"{100:.2f}", f"{published.total:.2f}")
    sheet.grade(published.grade)
    return book.save(path)


ZIZHOU_ROWS = [
    ("产出指标", "数量指标 (20 分)", "全县 25 万城乡居民医保工作", "25 万参保居民医保待遇", "100%",
     "20 分", "20 分", None),
    ("产出指标", "质量指标 (10 分)", "足额投入项目活动经费;", "100%", "100%", "10 分", "10 分", None),
    ("产出指标", "时效指标 (10 分)", "项目完成时限", "2023 年 12 月 31 日前完成",
     "2023 年 12 月 31 日前全部完成", "10 分", "10 分", None),
    ("产出指标", "成本指标 (10 分)", "项目投入资金", "30 万元", "30 万元", "10 分", "10 分", None),
    ("效益指标", "社会效益指标 (30 分)", "覆盖全县城乡居民医保管理", "≥75%", "85%", "30 分", "30 分",
     None),
    ("满意度指标", "服务对象满意度指标 (10 分)", "群众满意度", "≥95%", "85%", "10 分", "7 分", None),
]


def zizhou(path: str | Path) -> Path:
    """子洲县 2023 as published: no 全年预算数 column, amounts as "30 万元", 二级
    headings with their points, weights written "20 分", reasons under 未完成原因分析."""
    book = Book()
    sheet = book.sheet("自评表")
    sheet.title("项目支出绩效自评表", "(2023 年度)")
    row = sheet.line("项目名称", None, "医疗保障经办和服务能力提升")
    sheet.merge(row, 1, 2)
    sheet.line("主管部门及代码", None, "子洲县医疗保障局 171001", None, "实施单位", None,
               "子洲县医疗保险经办中心")
    sheet.money([("年度资金总额", "30 万元", "30 万元", "100%", 10, "100%", 10),
                 ("其中:财政拨款", "30 万元", "30 万元", "100%", "—", "100%", "—"),
                 ("其他资金", None, None, None, "—", None, "—")],
                header=("年初预算数", "全年执行数", "全年执行率", "分值", "执行率", "得分"),
                label="项目资金 (万元)")
    sheet.line("年度总体目标", "预期目标", None, None, "实际完成情况")
    sheet.line(None, "进一步提升医疗保障经办和服务水平。", None, None,
               "进一步提升医疗保障经办和服务水平。")
    sheet.indicators(ZIZHOU_ROWS, header=("一级指标", "二级指标", "三级指标", "年度指标值",
                                          "实际完成值", "分值", "得分", "未完成原因分析"))
    sheet.total("100 分", "97 分")
    return book.save(path)


def sichuan_head(book: Book, name: str = "四川", money: Sequence[Any] = (100, 75),
                 rate: Any = "75%", reason: str | None = None, *,
                 project: Sequence[str] = ("乡村医疗设备购置", "某县卫生健康局", "某县人民医院"),
                 rules: str | None = None) -> Sheet:
    """A 四川 sheet down to its money block (title, project, 评分规则 if given, funds)."""
    sheet = book.sheet(name)
    sheet.title("专项预算项目绩效目标完成情况自评表")
    sheet.project(*project)
    if rules:
        sheet.line("评分规则", rules)
    sheet.money([("年度资金总额", *money, rate, reason)],
                header=("全年预算数", "全年执行数", "执行率", "执行率偏低原因说明"),
                label="专项资金（万元）")
    return sheet


def sichuan_scored_rows(book: Book, rows: Sequence[Sequence[Any]]) -> Sheet:
    """A 四川 sheet with a 得分 column (money 100 → 96 万元, 执行率 96 %, no 分值: the
    执行率's 10 points are the rule set's), down to its indicator ``rows``."""
    sheet = sichuan_head(book, "自评表", (100, 96), "96%")
    row = sheet.line(None, "一级指标", "二级指标", "三级指标", "指标值", None, None, "权重",
                     "实际完成指标值", "得分", "偏差原因分析及改进措施")
    sheet.merge(row, 5, 7)
    sheet.line(None, None, None, None, "指标性质", "指标值", "度量单位")
    for values in rows:
        sheet.line(None, *values)
    return sheet


def sichuan(path: str | Path, rate: Any = "75%", reason: str | None = None,
            rows: Sequence[Sequence[Any]] | None = None, rules: str | None = None, *,
            project: Sequence[str] = ("乡村医疗设备购置", "某县卫生健康局", "某县人民医院"),
            money: Sequence[Any] = (100, 75), name: str = "四川") -> Path:
    """A 四川-style table: 指标性质 | 指标值 | 度量单位 under a two-row header, no 得分.

    ``money``: (全年预算数, 全年执行数); ``name``: the sheet's."""
    book = Book()
    sheet = sichuan_head(book, name, money, rate, reason, project=project, rules=rules)
    row = sheet.line(None, "一级指标", "二级指标", "三级指标", "指标值", None, None, "权重",
                     "实际完成指标值", "偏差原因分析及改进措施")
    sheet.merge(row, 5, 7)
    sheet.line(None, None, None, None, "指标性质", "指标值", "度量单位")
    for values in rows or [
            ("产出指标", "数量指标", "购置设备数量", "≥", 20, "台", 30, 20, None),
            ("产出指标", "质量指标", "设备验收合格率", "＝", 100, "%", 20, 100, None),
            ("产出指标", "成本指标", "设备购置成本", "≤", 100, "万元", 10, 75, None),
            ("效益指标", "社会效益指标", "基层诊疗能力", "定性", "明显提升", None, 30, "达成", None),
            ("满意度指标", "服务对象满意度指标", "患者满意度", "≥", 90, "%", 10, 92, None)]:
        sheet.line(None, *values)
    return book.save(path)


# ---------------------------------------------------------------- unreadable files

def big_sheet(path: str | Path, rows: int, table: bool = True) -> Path:
    """A workbook with a sheet of ``rows`` rows (beside the Putuo table, if ``table``)."""
    import io

    book = Book()
    if table:
        standard_sheet(book.sheet())
    book.sheet("明细").line("x")
    path = book.save(path)
    big = io.StringIO()
    big.write('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
              'openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
    for row in range(1, rows + 1):
        big.write(f'<row r="{row}"><c r="A{row}"><v>{row}</v></c></row>')
    big.write("</sheetData></worksheet>")
    _replace_member(path, f"xl/worksheets/sheet{2 if table else 1}.xml", big.getvalue().encode())
    return path


def _replace_member(path: Path, member: str, data: bytes) -> None:
    members = {}
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            members[info.filename] = archive.read(info)
    members[member] = data
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)


_CFB = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
BROKEN_KINDS = ("corrupt-zip", "xls", "encrypted", "empty-workbook", "no-table", "100000-rows")


def broken(directory: str | Path, kind: str) -> Path:
    """A file jixiao must refuse (exit 2), of one of ``BROKEN_KINDS``."""
    directory = Path(directory)
    if kind == "corrupt-zip":
        data = standard(directory / "good.xlsx").read_bytes()
        path = directory / "corrupt.xlsx"
        path.write_bytes(data[: len(data) // 2])
        os.utime(path, (1_700_000_000, 1_700_000_000))  # old: damaged, not still being copied
    elif kind == "xls":
        path = directory / "old.xls"
        path.write_bytes(_CFB + b"\0" * 2000)
    elif kind == "encrypted":
        path = directory / "secret.xlsx"
        path.write_bytes(_CFB + b"\0" * 500 + "EncryptionInfo".encode("utf-16-le") + b"\0" * 500)
    elif kind == "empty-workbook":
        path = directory / "empty.xlsx"
        Workbook().save(path)
    elif kind == "no-table":
        book = Book()
        book.sheet("说明").line("项目名称", "某项目")
        path = book.save(directory / "notes.xlsx")
    elif kind == "100000-rows":
        path = big_sheet(directory / "big.xlsx", 100_000, table=False)
    else:
        raise ValueError(kind)
    return path


# ---------------------------------------------------------------- other layouts

def attachment(path, rate=0.96):
    book = Book()
    money = book.sheet("资金情况")
    money.project("某某项目", "某县农业农村局")
    money.money([("年度资金总额", 50, 48, Percent(rate))],
                header=("全年预算数", "全年执行数", "执行率"), label="资金")
    sheet = book.sheet("评分附件表")
    sheet.indicators([("预算执行率", "预算执行率", 10, "100%", f"{rate:.0%}", rate * 10, "年底尾款"),
                      ("产出指标", "完成数量", 50, "≥100 户", "100 户", 50, None),
                      ("效益指标", "群众受益", 30, "明显", "达成", 30, None),
                      ("满意度指标", "满意度", 10, "≥90%", "90%", 10, None)],
                     header=ATTACHMENT, lead=None)
    sheet.total(100, round(90 + rate * 10, 2), label="合计")
    return book.save(path)


def third_party(path, decision=20, total=None):
    """A 第三方 得分表 (分值 and 得分 only), its 合计 the written scores' sum unless ``total``."""
    book = Book()
    sheet = book.sheet("指标体系")
    sheet.project("第三方评价项目", "某市财政局")
    rows = [("决策", "项目实施", "实施依据充分性", "…", 22, decision),
            ("过程", "资金管理", "预算执行率", "…", 18, 18),
            ("产出", "产出数量", "实际完成率", "…", 40, 38), ("效益", "项目效益", "满意度", "…", 20, 20)]
    sheet.indicators(rows, header=THIRD_PARTY, lead=None)
    sheet.total(100, decision + 76 if total is None else total, label="合计")
    return book.save(path)


def low_scores(path, actual="50%", score=2.78):
    """A standard table whose first indicator missed its target: lower total and grade."""
    rows = [("产出指标", "数量指标", "预算资金执行率", "≥90%", actual, 5, score, "进度滞后"),
            *[(*row[:7], None) for row in PUTUO_1_ROWS[1:]]]
    return standard(path, rows=rows, total=(100, 97.76), grade="优")


def several_tables(path):
    book = Book()
    sheet = standard_sheet(book.sheet("两张表"))
    sheet.blank(2)
    standard_sheet(sheet, name="第二个项目", grade="良")
    standard_sheet(book.sheet("第三张"), name="第三个项目")
    return book.save(path)


def beside(path, right=None, gap=2, down=0, left=None):
    """Two standard tables side by side on one sheet "自评表", as a unit pastes project B's
    table right of project A's: ``left`` and ``right`` are ``standard_sheet`` options
    (right: "第二个项目", 良 by default); the right one begins ``gap`` empty columns right of
    the left one's last column (its 偏差原因, column I) and ``down`` rows lower."""
    import tempfile

    standard(path, **(left or {}))
    with tempfile.TemporaryDirectory() as folder:
        other = standard(Path(folder) / "right.xlsx",
                         **({"name": "第二个项目", "grade": "良"} | (right or {})))
        return paste_beside(path, other, gap, down)


def paste_beside(path, other, gap=2, down=0):
    """The first sheet of workbook ``other`` pasted, with its merges, ``gap`` empty columns
    right of the last column of the first sheet of workbook ``path``, ``down`` rows
    lower (values and number formats)."""
    from openpyxl import load_workbook

    book, pasted = load_workbook(path), load_workbook(other).worksheets[0]
    sheet = book.worksheets[0]
    width = sheet.max_column + gap
    for cells in pasted.iter_rows():
        for cell in cells:
            if cell.value is not None:
                target = sheet.cell(cell.row + down, cell.column + width)
                target.value, target.number_format = cell.value, cell.number_format
    for merged in pasted.merged_cells.ranges:
        sheet.merge_cells(start_row=merged.min_row + down, end_row=merged.max_row + down,
                          start_column=merged.min_col + width,
                          end_column=merged.max_col + width)
    book.save(path)
    return Path(path)


def grid_book(path, grid, header=None, at=0, merges=()):
    """A sheet "表" of ``grid``'s lines, the ``header`` line inserted before line ``at``,
    and each (row, column, height, width) merge that overlaps no earlier one."""
    if header is not None:
        grid = [*grid[:at], list(header), *grid[at:]]
    book = Book()
    sheet = book.sheet("表")
    for values in grid:
        sheet.line(*values)
    taken: set[tuple[int, int]] = set()
    for row, column, height, width in merges:
        cells = {(r, c) for r in range(row, row + height + 1)
                 for c in range(column, column + width + 1)}
        if (height or width) and not cells & taken:
            sheet.merge(row, column, column + width, row + height)
            taken |= cells
    return book.save(path)


# ---------------------------------------------------------------- a package written by hand

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPES = "application/vnd.openxmlformats-officedocument.spreadsheetml."


def raw_package(path: Path, sheet_data: str, *, sheet: str = "表", calc: str = "",
                after_data: str = "", styles: str | None = None,
                names: dict[str, str] | None = None) -> Path:
    """A workbook of one sheet written part by part as an exporter writes it: ``sheet_data``
    is sheetData's content as given (rows and cells with or without r=), ``calc`` the
    workbook's calcPr, ``after_data`` what follows sheetData (mergeCells), ``styles`` a
    styles part, ``names`` part → the zip member name it is stored under."""
    names = names or {}
    parts = {
        "[Content_Types].xml":
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{_TYPES}sheet.main+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_TYPES}worksheet+xml"/>'
            "</Types>",
        "_rels/.rels": f'<Relationships xmlns="{_PACKAGE}"><Relationship Id="R1" Type="{_RELS}/'
                       'officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{_MAIN}" xmlns:r="{_RELS}"><sheets><sheet '
                           f'name="{sheet}" sheetId="1" r:id="R1"/></sheets>{calc}</workbook>',
        "xl/_rels/workbook.xml.rels":
            f'<Relationships xmlns="{_PACKAGE}"><Relationship Id="R1" Type="{_RELS}/worksheet" '
            'Target="worksheets/sheet1.xml"/>'
            + (f'<Relationship Id="R2" Type="{_RELS}/styles" Target="styles.xml"/>' if styles
               else "") + "</Relationships>",
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{_MAIN}"><sheetData>{sheet_data}'
                                    f"</sheetData>{after_data}</worksheet>",
    }
    if styles:
        parts["xl/styles.xml"] = styles
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in parts.items():
            archive.writestr(names.get(name, name), text)
    return path


_ROW_XML = re.compile(r'<row r="(\d+)"([^>]*?)(\s*/>|>(.*?)</row>)', re.S)
_CELL_XML = re.compile(r'<c r="([A-Z]+)(\d+)"([^>]*?)(\s*/>|>(.*?)</c>)', re.S)
_FORMULA_XML = re.compile(r"<f>(.*?)</f>", re.S)


def references_dropped(source: Path, target: Path, shared: str | None = None) -> Path:
    """A copy of the workbook ``source`` (as openpyxl writes one) as the .NET Open XML SDK
    writes it: no r= on any row or cell of its worksheets, an empty <row/> or <c/> holding
    each gap. ``shared`` (one column's cells, "K13:K42"): their formulas stored as one shared
    formula, the first cell's text and the rest <f t="shared" si="0"/>, as Excel saves a
    formula filled down."""
    from openpyxl.utils.cell import column_index_from_string, range_boundaries

    first = last = column = None
    if shared is not None:
        column, first, _, last = range_boundaries(shared)

    def cells(row: int, content: str) -> str:
        out, at = [], 0
        for letters, _, attributes, whole, inner in _CELL_XML.findall(content):
            index = column_index_from_string(letters)
            out += ["<c/>"] * (index - at - 1)
            at = index
            if column == index and first <= row <= last and inner and "<f>" in inner:
                inner = _FORMULA_XML.sub(
                    (lambda m: f'<f t="shared" ref="{shared}" si="0">{m.group(1)}</f>')
                    if row == first else '<f t="shared" si="0"/>', inner, count=1)
            out.append(f"<c{attributes}>{inner}</c>" if whole.lstrip() != "/>" else f"<c{attributes}/>")
        return "".join(out)

    def rows(data: str) -> str:
        out, at = [], 0
        for number, attributes, whole, content in _ROW_XML.findall(data):
            out += ["<row/>"] * (int(number) - at - 1)
            at = int(number)
            out.append(f"<row{attributes}/>" if whole.lstrip() == "/>"
                       else f"<row{attributes}>{cells(at, content)}</row>")
        return "".join(out)

    with zipfile.ZipFile(source) as archive, zipfile.ZipFile(target, "w") as copy:
        for info in archive.infolist():
            data = archive.read(info)
            if info.filename.startswith("xl/worksheets/sheet"):
                text = data.decode("utf-8")
                start, end = text.find("<sheetData>") + len("<sheetData>"), text.find("</sheetData>")
                if start > len("<sheetData>") - 1 and end > start:
                    data = (text[:start] + rows(text[start:end]) + text[end:]).encode("utf-8")
            copy.writestr(info, data)
    return target


def road_template(path: Path, rows: Sequence[Sequence[Any]], percent_typed: Sequence[int] = ()):
    """The add-in template (``jixiao new``) for 农村公路养护工程 with 执行率 100 % (10) and
    ``rows`` (row, 三级, 指标值, 完成值, 分值, 偏差原因) filled in; the 完成值 of the
    ``percent_typed`` rows formatted 0% (typed as 105%: Excel stores 1.05). Returns the open
    workbook and its 自评表, unsaved."""
    import openpyxl

    from jixiao.template.build import build_template

    build_template(path, year=2024)
    wb = openpyxl.load_workbook(path)
    ws = wb["自评表"]
    ws["D3"], ws["D4"], ws["G4"] = "农村公路养护工程", "某县交通运输局", "某县公路事务中心"
    for cell in ("D6", "E6", "F6", "D7", "E7", "F7"):
        ws[cell] = 100
    for row, name, target, actual, weight, reason in rows:
        ws[f"D{row}"], ws[f"E{row}"], ws[f"F{row}"], ws[f"G{row}"] = name, target, actual, weight
        ws[f"I{row}"] = reason
        if row in percent_typed:
            ws[f"F{row}"].number_format = "0%"
    return wb, ws
