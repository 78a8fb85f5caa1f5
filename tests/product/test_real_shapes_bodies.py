"""A 部门整体支出绩效自评表 evaluates a body, not a project (金寨县 2023: `部门 | 金寨县茶谷和
美丽乡村建设服务中心` under the title): the body its 部门 / 部门名称 / 单位名称 label names is
the table's name where no 项目名称 gives one; a 项目名称 still wins."""

import pytest
from test_real_shapes import FULLY_SPENT, QUALITATIVE_MET, checked
from workbooks import Book


def body_table(path, *lines, title="部门整体支出绩效自评表"):
    book = Book()
    sheet = book.sheet("自评表")
    sheet.title(title, "(2023年度)")
    for line in lines:
        sheet.line(*line)
    sheet.money(FULLY_SPENT)
    sheet.indicators(QUALITATIVE_MET)
    sheet.total(100, 100)
    sheet.grade("优")
    return book.save(path)


BODY = "金寨县茶谷和美丽乡村建设服务中心"


@pytest.mark.parametrize("lines", [
    [("部门", BODY)],
    [("部 门", None, BODY)],
    [("部门：" + BODY,)],
    [("部门名称", BODY)],
    [("部门（单位）名称", BODY)],
    [("单位名称", BODY)],
    [("单位名称：" + BODY, None, None, "填报日期：2024年3月1日")],
], ids=["部门", "部门-spaced", "部门-inline", "部门名称", "部门(单位)名称", "单位名称",
        "单位名称-inline"])
def test_a_department_table_is_named_by_its_body(tmp_path, lines):
    table, data = checked(body_table(tmp_path / "d.xlsx", *lines))
    assert data["project"]["name"] == BODY
    assert BODY in str(table.cells[table.sources["project_name"]].value)  # where it was read


@pytest.mark.parametrize("lines", [
    [("项目名称", "美丽乡村建设"), ("部门", BODY)],
    [("部门", BODY), ("项目名称", "美丽乡村建设")],
    [("单位名称：" + BODY,), ("项目名称", "美丽乡村建设")],
    [("部门名称", BODY), ("项目名称：美丽乡村建设",)],
])
def test_a_project_name_still_wins(tmp_path, lines):
    _, data = checked(body_table(tmp_path / "p.xlsx", *lines))
    assert data["project"]["name"] == "美丽乡村建设"


def test_a_title_naming_its_project_wins_over_the_unit(tmp_path):
    _, data = checked(body_table(tmp_path / "t.xlsx", ("单位名称", BODY),
                                 title="2023年度农村公路养护项目支出绩效自评表"))
    assert data["project"]["name"] == "农村公路养护项目"


def test_a_title_starting_with_bumen_is_no_label(tmp_path):
    """部门整体支出绩效自评表 begins with 部门 but labels nothing: with no label at all the
    table has no name, and the title is not taken for one."""
    _, data = checked(body_table(tmp_path / "n.xlsx"))
    assert data["project"]["name"] is None
    assert data["project"]["department"] is None
