"""A table without a 项目名称 row whose title names its project: the standard form's
(…项目支出绩效自评表) and a 第三方评价 index system's (…项目绩效评价指标体系及评分表)."""

import pytest
from workbooks import PUTUO_1_MONEY, PUTUO_1_ROWS, THIRD_PARTY, Book

from jixiao.cli.main import main
from jixiao.read.workbook import read_workbook

ROWS = [("决策", "项目实施", "实施依据充分性", "…", 22, 20), ("过程", "资金管理", "预算执行率", "…", 18, 18),
        ("产出", "产出数量", "实际完成率", "…", 40, 38), ("效益", "项目效益", "满意度", "…", 20, 20)]


def _third_party(tmp_path, title):
    book = Book()
    sheet = book.sheet("Sheet1")
    sheet.title(title)
    sheet.indicators(ROWS, header=THIRD_PARTY, lead=None)
    sheet.total(100, 96, label="合计")
    return book.save(tmp_path / "第三方.xlsx")


@pytest.mark.parametrize(("title", "name", "heading"), [
    ("博湖县医保信息化建设经费项目绩效评价指标体系及评分表", "博湖县医保信息化建设经费项目",
     "博湖县医保信息化建设经费项目\n"),
    ("博湖县医保信息化建设经费项目绩效评价指标体系", "博湖县医保信息化建设经费项目",
     "博湖县医保信息化建设经费项目\n"),
    ("附件1：博湖县医保信息化建设经费项目绩效评价指标体系评分表", "博湖县医保信息化建设经费项目",
     "博湖县医保信息化建设经费项目\n"),
    ("2022年度博湖县医保信息化建设经费项目评分表", "博湖县医保信息化建设经费项目",
     "博湖县医保信息化建设经费项目（2022 年度）\n"),
    ("项目绩效评价指标体系及评分表", None, "（未写项目名称）\n"),
    ("绩效评价指标评分表", None, "（未写项目名称）\n"), ("绩效自评评分表", None, "（未写项目名称）\n"),
    ("XX街道社区养老服务补贴项目绩效自评评分表", "XX街道社区养老服务补贴项目",
     "XX街道社区养老服务补贴项目\n"),
    ("附表2 某县污水处理厂运行项目支出绩效自评价评分表", "某县污水处理厂运行项目",
     "某县污水处理厂运行项目\n"),
])
def test_a_third_party_title_names_its_project(tmp_path, capsys, title, name, heading):
    """rt23 R: the index system named its project only in its title: （未写项目名称）."""
    path = _third_party(tmp_path, title)
    tables = read_workbook(path).tables
    assert [(table.layout, table.project.name) for table in tables] == [("third_party", name)]
    main(["check", str(path)])
    assert f"表 1/1：{heading}" in capsys.readouterr().out


@pytest.mark.parametrize(("title", "name"), [
    ("新型职业农民培育项目绩效自评表", "新型职业农民培育项目"),
    ("附件2：新型职业农民培育项目支出绩效自评表", "新型职业农民培育项目"),
    ("项目支出绩效自评表", None),
])
def test_a_standard_title_names_its_project(tmp_path, title, name):
    book = Book()
    sheet = book.sheet("Sheet1")
    sheet.title(title, "（2024 年度）")
    sheet.money(PUTUO_1_MONEY)
    sheet.indicators(PUTUO_1_ROWS)
    sheet.total(100, 99.98)
    path = book.save(tmp_path / "标准.xlsx")
    assert [table.project.name for table in read_workbook(path).tables] == [name]
