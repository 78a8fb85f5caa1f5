"""rt29: tables of one project for different years (the 2023 table kept beside the 2024
one — on the same sheet, on another sheet, in another file) are two years, not two
versions of one table. 汇总 has a 年度 column, the note of last year's table is on that
table's row only, and a table of another year than the inbox's is kept out of that
year's grade distribution and averages (统计 says how many). Through the real batch."""

import io
from contextlib import redirect_stdout
from pathlib import Path

from openpyxl import load_workbook
from workbooks import Book, standard, standard_sheet

from jixiao.batch.frame import check_folder, tables_frame
from jixiao.cli.main import main

PROJECT = "妇女两癌免费检查项目"
OTHER = "基本公共卫生服务项目"
DEPARTMENT = "上海市普陀区医疗保障局"  # (standard_sheet's)
# the money of a lower 执行率: 20.00 of 31.56, 63.37 %, 6.34 of 10: total 96.34
LOW_MONEY = [("年度资金总额", 30.03, 31.56, 20.00, 10, 63.37, 6.34),
             ("其中：当年财政拨款", 30.03, 31.56, 20.00, "—", 63.37, "—")]


def _batch(inbox: Path, output: Path) -> None:
    with redirect_stdout(io.StringIO()):
        main(["batch", str(inbox), "-o", str(output), "--workers", "1"])


def _sheet(path: Path, name: str) -> list[dict]:
    rows = list(load_workbook(path)[name].iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def _statistics(path: Path) -> tuple[dict, list[str], list[tuple], dict]:
    """统计: 概况 (项目 → 数值, the 注意 lines apart), 评分等级分布, 按主管部门."""
    overview, notes, grades, departments, block = {}, [], [], {}, None
    for row in load_workbook(path)["统计"].iter_rows(values_only=True):
        if row[0] in ("概况", "评分等级分布", "问题代码统计（按次数）", "按主管部门"):
            block = row[0]
        elif row[0] is None or row[0] in ("项目", "等级", "代码", "主管部门"):
            continue
        elif block == "概况":
            if row[0] == "注意":
                notes.append(row[1])
            else:
                overview[row[0]] = row[1]
        elif block == "评分等级分布":
            grades.append(row[:3])
        elif block == "按主管部门":
            departments[row[0]] = (row[1], row[2])
    return overview, notes, grades, departments


def test_last_years_table_in_another_file_is_another_year_not_a_version(tmp_path):
    """a.xlsx: the project's 2023 table (99.98, 优); b.xlsx: its 2024 table (96.34, 优);
    c.xlsx: another project's 2024 table (99.98). Not two versions of one project: the
    2023 row says it is of another year and is not counted in 2024's grades and average."""
    inbox = tmp_path / "收件"
    inbox.mkdir()
    standard(inbox / "a.xlsx", name=PROJECT, year=2023)
    standard(inbox / "b.xlsx", name=PROJECT, year=2024, money=LOW_MONEY, total=(100, 96.34))
    standard(inbox / "c.xlsx", name=OTHER, year=2024)
    output = tmp_path / "汇总.xlsx"
    _batch(inbox, output)

    rows = _sheet(output, "汇总")
    assert [(row["文件名"], row["项目名称"], row["年度"], row["计算总分"], row["原因"])
            for row in rows] == [
        ("a.xlsx", PROJECT, 2023, 99.98,
         "此表是 2023 年度的（本次汇总的表以 2024 年度为主）："
         "不计入评分等级分布和按主管部门的平均计算总分"),
        ("b.xlsx", PROJECT, 2024, 96.34, None),
        ("c.xlsx", OTHER, 2024, 99.98, None)]

    overview, notes, grades, departments = _statistics(output)
    assert overview["其中不同的项目（项目名称和单位相同的算一个）"] == 2
    assert overview["其中 2024 年度以外的表（不计入评分等级分布和平均计算总分）"] == 1
    assert notes == ["另有 1 张其他年度的表未计入评分等级分布和按主管部门的平均计算总分"
                     "（2023 年度 1 张：“收件/a.xlsx”），这两项只计 2024 年度的表"]
    assert grades[0] == ("优", 2, 2)  # b and c; a's 优 is 2023's
    # (96.34 + 99.98) / 2 = 98.16; with a's 99.98 it would be 98.77. 表数 counts every table.
    assert departments == {DEPARTMENT: (3, 98.16)}

    # a reviewer's frame scores the rows 统计 averages
    tables = tables_frame(check_folder(str(inbox), workers=1))
    assert [(Path(row.file).name, row.year, row.scored) for row in tables.itertuples()] == [
        ("a.xlsx", 2023, False), ("b.xlsx", 2024, True), ("c.xlsx", 2024, True)]
    assert round(tables[tables.scored]["total_computed"].mean(), 2) == 98.16


def test_both_years_stacked_on_one_sheet(tmp_path):
    """Sheet “3” holds the 2024 table and, below it, the same project's 2023 table, whose
    总分 is written 98.5 (JX501: 99.98). Not versions; last year's note on the 2023 row
    only; its finding says 2023 in 问题明细; 2024's grades count one table."""
    inbox = tmp_path / "收件"
    inbox.mkdir()
    book = Book()
    sheet = book.sheet("3")
    standard_sheet(sheet, name=PROJECT, year=2024)
    sheet.blank(2)
    standard_sheet(sheet, name=PROJECT, year=2023, total=(100, 98.5))
    book.save(inbox / "卫健委.xlsx")
    output = tmp_path / "汇总.xlsx"
    _batch(inbox, output)

    rows = _sheet(output, "汇总")
    assert [(row["年度"], row["填报总分"], row["原因"]) for row in rows] == [
        (2024, 99.98, "本文件共 2 张表，此为第 1 张（工作表“3”）"),
        (2023, 98.5, "本文件共 2 张表，此为第 2 张（工作表“3”）；此表是 2023 年度的，"
                     "本文件中最新的是 2024 年度：请确认是否应一并提交；"
                     "不计入 2024 年度的评分等级分布和按主管部门的平均计算总分")]
    findings = _sheet(output, "问题明细")
    assert [(row["项目名称"], row["年度"], row["代码"]) for row in findings] == [
        (PROJECT, 2023, "JX501")]
    overview, notes, grades, departments = _statistics(output)
    assert not any("版本" in note for note in notes)
    assert grades[0] == ("优", 1, 1)
    assert departments == {DEPARTMENT: (2, 99.98)}

    # jixiao check names the 2023 table by its header (三级指标, D29): the sheet holds both
    out = io.StringIO()
    with redirect_stdout(out):
        main(["check", str(inbox / "卫健委.xlsx")])
    assert "工作表“3”（D29）上的表是 2023 年度的，本文件中最新的是 2024 年度" in out.getvalue()


def test_a_table_without_a_year_is_a_version_of_the_projects_one_year(tmp_path):
    """a.xlsx, its title without a year (nor its sheet's or file's name), and b.xlsx, the
    project's 2024 table corrected: versions, as before; 年度 blank where none is written."""
    inbox = tmp_path / "收件"
    inbox.mkdir()
    standard(inbox / "a.xlsx", name=PROJECT, year=None, total=(100, 98.5))
    standard(inbox / "b.xlsx", name=PROJECT, year=2024)
    output = tmp_path / "汇总.xlsx"
    _batch(inbox, output)
    rows = _sheet(output, "汇总")
    assert [(row["文件名"], row["年度"], row["原因"]) for row in rows] == [
        ("a.xlsx", None, "同一项目共 2 个文件：另见“b.xlsx”（项目名称和单位相同，内容不同）"),
        ("b.xlsx", 2024, "同一项目共 2 个文件：另见“a.xlsx”（项目名称和单位相同，内容不同）")]
    overview, notes, grades, _ = _statistics(output)
    assert "其中 2024 年度以外的表（不计入评分等级分布和平均计算总分）" not in overview
    assert grades[0] == ("优", 2, 2)
    assert any(note.startswith("1 个项目各有多份内容不同的表") for note in notes)
