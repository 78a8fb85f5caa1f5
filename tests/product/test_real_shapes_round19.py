"""Round 19 of real shapes: names, forms and cell formats reviewers' inboxes hold (each
test fails on 138ffd2)."""

import pytest
from test_real_shapes import checked
from workbooks import standard


@pytest.mark.parametrize("name", ["低执行率项目", "2024年预算执行率提升项目", "全年预算数据平台建设项目",
                                  "得分系统建设项目", "分值评估项目"])
def test_a_project_name_holding_a_money_word_is_still_its_name(tmp_path, name):
    """项目名称 | 低执行率项目: one name holding 执行率, 全年预算数, 得分 or 分值 is the
    project's name (before: taken for the head of a list of projects, the name left empty
    in the report and the batch summary)."""
    _, data = checked(standard(tmp_path / "t.xlsx", name=name))
    assert data["project"]["name"] == name
