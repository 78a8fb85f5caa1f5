"""rt30 r7 p6/p6c: a PDF conversion splits 项目资金（元） over two rows of the first column,
项目资金 beside the money header and （元） under it, beside 年度资金总额. The fragment is the
label's unit: the amounts are 元, read as 万元 (before: 14,800,000 万元, and ``convert``
wrote 15,000,000 / 14,800,000 / 14,063,000 into the 万元 template)."""

import pytest
from workbooks import grid_book

from jixiao.cli.main import main
from jixiao.pipeline import check_workbook
from jixiao.read.by_names import read_template
from jixiao.read.workbook import read_tables

_INDICATORS = [
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ["产出指标", "数量指标", "新建集中供水工程", "≥12处", "12处", "20", "20"],
    [None, "质量指标", "水质检测合格率", "≥95%", "96.5%", "15", "15"],
    [None, "时效指标", "工程完工时间", "2024年11月30日前", "2024年11月25日", "15", "15"],
    ["效益指标", "社会效益指标", "受益人口", "≥25000人", "25000人", "30", "30"],
    ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "93%", "10", "10"],
    ["总分", None, None, None, None, "100", "99.5"],
    ["评分等级", "优"],
]


def _split_label(path, fragment, amounts):
    """The p6 table: 项目资金 in A5, ``fragment`` in A6 beside 年度资金总额; ``amounts``
    the four lines' (年初, 全年预算数, 全年执行数) as the PDF printed them."""
    money = [[fragment if index == 0 else None, label, *figures, points, rate, score]
             for index, (label, figures, points, rate, score) in enumerate(zip(
                 ["年度资金总额", "其中：当年财政拨款", "上年结转资金", "其他资金"], amounts,
                 ["10", "—", "—", "—"], ["95.02%", "95.15%", "93.87%", "—"],
                 ["9.50", "—", "—", "—"], strict=True))]
    grid = [["项目支出绩效自评表"], ["（2024年度）"],
            ["项目名称", "2024年农村饮水安全巩固提升工程"],
            ["主管部门", "某县水利局", None, None, "实施单位", "某县农村供水管理站"],
            ["项目资金", None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
            *money, *_INDICATORS]
    return grid_book(path, grid)


_IN_YUAN = [("15,000,000.00", "14,800,000.00", "14,063,000.00"),
            ("13,500,000.00", "13,300,000.00", "12,655,000.00"),
            ("1,500,000.00", "1,500,000.00", "1,408,000.00"), ("0.00", "0.00", "0.00")]
_IN_WAN = [("1,500.00", "1,480.00", "1,406.30"), ("1,350.00", "1,330.00", "1,265.50"),
           ("150.00", "150.00", "140.80"), ("0.00", "0.00", "0.00")]
# (年初预算数, 全年预算数, 全年执行数) of each line in 万元: 15,000,000 元 = 1500 万元
_READ = [("年度资金总额", 1500.0, 1480.0, 1406.3), ("当年财政拨款", 1350.0, 1330.0, 1265.5),
         ("上年结转资金", 150.0, 150.0, 140.8), ("其他资金", 0.0, 0.0, 0.0)]


@pytest.mark.parametrize(("fragment", "amounts"), [
    ("（元）", _IN_YUAN), ("(元)", _IN_YUAN), ("（单位：元）", _IN_YUAN),
    ("（万元）", _IN_WAN), (None, _IN_WAN),
])
def test_a_unit_under_the_money_label_is_the_label_s(tmp_path, fragment, amounts):
    (table,) = read_tables(_split_label(tmp_path / "t.xlsx", fragment, amounts))
    assert [(line.label, line.initial_budget, line.budget, line.executed)
            for line in [table.funds.total, *table.funds.parts]] == _READ
    [result] = [check_workbook(_split_label(tmp_path / "c.xlsx", fragment, amounts))]
    assert [f.code for checked in result.tables for f in checked.findings] == []


def test_convert_writes_the_split_label_s_yuan_as_wan(tmp_path):
    """p6 through ``convert``: the template holds 1500 / 1480 / 1406.3 万元."""
    path = _split_label(tmp_path / "t.xlsx", "（元）", _IN_YUAN)
    out = tmp_path / "converted.xlsx"
    assert main(["convert", str(path), "-o", str(out)]) == 0
    funds = read_template(out).funds
    assert [(line.initial_budget, line.budget, line.executed)
            for line in [funds.total, *funds.parts]] == [row[1:] for row in _READ]
