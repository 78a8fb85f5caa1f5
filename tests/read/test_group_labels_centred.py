"""rt30 r7 c1: a PDF conversion puts a group's label in the row at its middle (产出指标 on
the 3rd of 5 rows, 数量指标 on the 2nd of 2). The rows between the header and a column's
first label are that label's: 新建集中供水工程 is 产出指标 / 数量指标 (before: no 一级,
产出 40 — JX102 “默认为 50” — and JX107 on the 数量指标 row)."""

from workbooks import grid_book

from jixiao.pipeline import check_workbook
from jixiao.read.workbook import read_tables

_HEAD = [["项目支出绩效自评表"], ["（2024年度）"], ["项目名称", "2024年农村饮水安全巩固提升工程"],
         ["项目资金（万元）", None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
         [None, "年度资金总额", "1500", "1480", "1406.3", "10", "95.02%", "9.50"],
         ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
          "偏差原因分析及改进措施"]]
_TAIL = [["效益指标", "社会效益指标", "受益人口", "≥25000人", "25000人", "30", "30"],
         ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "93%", "10", "10"],
         ["总分", None, None, None, None, "100", "99.5"], ["评分等级", "优"]]


def _centred(path, first_rows):
    return grid_book(path, [*_HEAD, *first_rows, *_TAIL])


_C1 = [[None, None, "新建集中供水工程", "≥12处", "12处", "10", "10"],
       [None, "数量指标", "改造供水管网长度", "≥35公里", "36.5公里", "10", "10"],
       ["产出指标", "质量指标", "水质检测合格率", "≥95%", "96.5%", "10", "10"],
       [None, "时效指标", "工程完工时间", "2024年11月30日前", "2024年11月25日", "10", "10"],
       [None, "成本指标", "单位管网造价", "≤8万元/公里", "7.6万元/公里", "10", "10"]]


def test_rows_above_a_column_s_first_label_are_that_label_s(tmp_path):
    (table,) = read_tables(_centred(tmp_path / "t.xlsx", _C1))
    assert [(row.level1, row.level2, row.name) for row in table.indicators] == [
        ("产出指标", "数量指标", "新建集中供水工程"), ("产出指标", "数量指标", "改造供水管网长度"),
        ("产出指标", "质量指标", "水质检测合格率"), ("产出指标", "时效指标", "工程完工时间"),
        ("产出指标", "成本指标", "单位管网造价"), ("效益指标", "社会效益指标", "受益人口"),
        ("满意度指标", "服务对象满意度指标", "受益群众满意度")]
    [result] = [check_workbook(_centred(tmp_path / "c.xlsx", _C1))]
    [checked] = result.tables
    # 产出 10 × 5 = 50, 效益 30, 满意度 10, 执行率 10: nothing to tell
    assert [(f.code, f.message) for f in checked.findings] == []
    assert checked.evaluation.total == 99.5


def test_a_leading_row_whose_level2_names_another_level1_keeps_its_level2_s(tmp_path):
    """社会效益指标 above the first 一级 typed (产出指标): the 二级 wins, as under a carried
    一级, and JX107 tells it."""
    rows = [[None, "社会效益指标", "带动就业人数", "≥20人", "20人", "10", "10"],
            ["产出指标", "数量指标", "新建集中供水工程", "≥12处", "12处", "40", "40"]]
    path = grid_book(tmp_path / "t.xlsx", [*_HEAD, *rows, *_TAIL[1:]])
    [result] = [check_workbook(path)]
    [checked] = result.tables
    assert [(row.level1, row.level2) for row in checked.table.indicators] == [
        ("效益指标", "社会效益指标"), ("产出指标", "数量指标"), ("满意度指标", "服务对象满意度指标")]
    assert [(f.code, f.message) for f in checked.findings if f.code == "JX107"] == [
        ("JX107", "“社会效益指标”所在行一级指标为空，按二级指标归入“效益指标”（上方没有一级指标）")]


def test_a_leading_budget_rate_row_is_no_group_s(tmp_path):
    """预算执行率 | 10 first, without 一级 or 二级: the 执行率's row, not the 产出's."""
    rows = [[None, None, "预算执行率", None, None, "10", "9.5"],
            ["产出指标", "数量指标", "新建集中供水工程", "≥12处", "12处", "50", "50"]]
    head = [_HEAD[0], _HEAD[1], _HEAD[2], _HEAD[5]]  # no money block: the row is its points
    (table,) = read_tables(grid_book(tmp_path / "t.xlsx", [*head, *rows, *_TAIL]))
    assert table.execution_row is not None and table.execution_row.name == "预算执行率"
    assert [(row.level1, row.name) for row in table.indicators] == [
        ("产出指标", "新建集中供水工程"), ("效益指标", "受益人口"), ("满意度指标", "受益群众满意度")]
