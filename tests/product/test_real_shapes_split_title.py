"""A table split across two pages (two sheets, or one sheet with a page break typed in)
whose second part prints the title again — as it stands over the first part or with 续,
with or without the header and the same 项目名称 — is one table. Before, two: the first
“分值合计为 60”, missing 效益 and 满意度 (JX101, JX104), the second “（未写项目名称）” with
分值合计 40 and a “wrong” 总分 (JX101, JX104, JX501). A second part naming another project
is still another table."""

import pytest
from test_real_shapes import checked
from workbooks import PUTUO_1_MONEY, PUTUO_1_ROWS, Book

from jixiao.pipeline import check_workbook

NAME = "普陀区医疗保险事务中心信息安全等保项目机房设施升级改造"
TITLE = ("项目支出绩效自评表", "（2024 年度）")
# 产出 5 + 25 + 20 on the first page, 效益 30 and 满意度 10 on the second, all met: 90
# points; the money's 10 points at 31.50 / 31.56 = 99.81 %: 9.98. 总分 99.98, 优.


def _split(path, head, header_again=True, sheets=("Table 1", "Table 2")):
    """PUTUO_1 with its first three indicators on the first sheet and the rest, under
    ``head``'s lines (and its header again), on the second — or, one sheet named, on the
    same sheet under them."""
    book = Book()
    first = book.sheet(sheets[0])
    first.title(*TITLE)
    first.project(NAME, "上海市普陀区医疗保障局", "上海市普陀区医疗保险事务中心")
    first.money(PUTUO_1_MONEY)
    first.indicators(PUTUO_1_ROWS[:3])
    second = book.sheet(sheets[1]) if len(sheets) > 1 else first
    if second is first:
        first.blank()
    for line in head:
        second.line(*line)
    if header_again:
        second.indicators(PUTUO_1_ROWS[3:])
    else:
        second.columns = first.columns
        for row in PUTUO_1_ROWS[3:]:
            second.line(*row, start=2)
    second.total(100, 99.98)
    second.grade("优")
    return book.save(path)


def _one_table(path):
    table, data = checked(path)
    assert data["findings"] == []
    assert [indicator.name for indicator in table.indicators] == [row[2] for row in PUTUO_1_ROWS]
    assert (data["weight_total"], data["total_computed"], data["grade_computed"]) == (
        100, 99.98, "优")
    assert data["project"]["name"] == NAME


@pytest.mark.parametrize("sheets", [("Table 1", "Table 2"), ("第1页", "第2页"),
                                    ("自评表（一）", "自评表（二）"), ("自评表", "自评表(续)")])
@pytest.mark.parametrize("head", [
    [TITLE[:1], TITLE[1:]],  # the title as over the first part
    [["项目支出绩效自评表（续）"]],
    [TITLE[:1], TITLE[1:], ["项目名称", None, NAME]],  # and the same 项目名称
])
def test_a_table_going_on_on_the_next_sheet_under_its_title_printed_again(tmp_path, sheets,
                                                                        head):
    _one_table(_split(tmp_path / "t.xlsx", head, sheets=sheets))


@pytest.mark.parametrize("head", [[TITLE[:1], TITLE[1:]], [["项目支出绩效自评表（续）"]]])
def test_the_title_printed_again_without_the_header(tmp_path, head):
    _one_table(_split(tmp_path / "t.xlsx", head, header_again=False))


@pytest.mark.parametrize("head", [[TITLE[:1], TITLE[1:]], [TITLE[:1]]])
def test_the_title_and_header_printed_again_in_the_same_sheet(tmp_path, head):
    """The whole title (no 续) and the header again in the middle of one sheet, no 总分
    before them (a page break typed in)."""
    _one_table(_split(tmp_path / "t.xlsx", head, sheets=("自评表",)))


@pytest.mark.parametrize("sheets", [("Table 1", "Table 2"), ("自评表",)])
def test_a_title_over_another_projects_name_is_another_table(tmp_path, sheets):
    """The second part names another project under the same title: two tables, as before
    — the first 分值合计 5 + 25 + 20 + 10 = 60, missing 效益 and 满意度; the second 40,
    its 总分 99.98 against 30 + 10 = 40, missing 产出."""
    head = [TITLE[:1], TITLE[1:], ["项目名称", None, "另一个项目"]]
    result = check_workbook(_split(tmp_path / "t.xlsx", head, sheets=sheets))
    assert [t.table.project.name for t in result.tables] == [NAME, "另一个项目"]
    assert [sorted(f.code for f in t.findings) for t in result.tables] == [
        ["JX101", "JX104", "JX104"], ["JX101", "JX104", "JX501"]]
