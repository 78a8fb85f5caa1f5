"""Round 20 of real shapes (red teams rt20a, rt20b): facts above a 部门整体 form (each
test fails on ff75f65)."""

import pytest
from test_real_shapes import checked
from test_real_shapes_round19b import _DEPT_INDICATORS
from workbooks import grid_book


def _dept(path, body_label, department_row):
    """A 部门整体 form: ``body_label`` | 某县农业农村局, then ``department_row``."""
    return grid_book(path, [
        ["部门整体支出绩效自评表"], ["（2023年度）"], [body_label, None, "某县农业农村局"],
        department_row,
        ["年度部门整体支出预算执行情况（万元）", None, None, "年初预算数", "全年预算数(A)",
         "全年执行数(B)", "分值", "执行率(B/A)", "得分"],
        [None, None, "年度资金总额", 1000, 1000, 1000, 10, "100.00%", 10],
        *_DEPT_INDICATORS,
        ["总分", None, None, None, None, None, 100, 100], ["评分等级", None, "优"]])


@pytest.mark.parametrize("body_label", ["部门（单位）名称", "部门名称", "单位名称"])
@pytest.mark.parametrize("unit_label", ["填报单位", "实施单位"])
def test_a_department_row_names_the_department_of_a_body_evaluated(tmp_path, body_label,
                                                                  unit_label):
    """rt20b 1: 部门（单位）名称 | 某县农业农村局, then 主管部门 | 某县人民政府: the body
    evaluated names the table, and the department it reports to is the 主管部门 the row
    states (before: the body taken for the 主管部门 too, so a reviewer's summary grouped
    every 部门整体 table under itself)."""
    path = _dept(tmp_path / "t.xlsx", body_label,
                 ["主管部门", None, "某县人民政府", None, unit_label, "某县农业农村局"])
    _, data = checked(path)
    assert data["project"] == {"name": "某县农业农村局", "department": "某县人民政府",
                               "unit": "某县农业农村局", "year": 2023}
    assert data["findings"] == []


def test_a_body_without_a_department_row_is_its_own_department(tmp_path):
    """Without a 主管部门 row the body's 部门名称 still gives both (湖南 县级专项资金)."""
    path = _dept(tmp_path / "t.xlsx", "部门名称", ["填报单位", None, "某县农业农村局"])
    _, data = checked(path)
    assert data["project"]["name"] == data["project"]["department"] == "某县农业农村局"
