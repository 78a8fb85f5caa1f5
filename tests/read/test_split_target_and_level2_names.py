"""System exports and short tables (rt35 r4): the 指标值 split into 符号 | 数值 | 计量单位
under a 年度指标值 merged across them, the value's column named by a bare word (数值, 值,
数量) as much as by 指标值; and a table with no 三级 column whose 二级 column holds the
indicators' names (一级指标 | 二级指标 | 年度指标值 | …)."""

import json

import pytest
from workbooks import grid_book

from jixiao.pipeline import check_workbook
from jixiao.report.json import json_report

HEAD = [["项目支出绩效自评表（2024年度）"], ["项目名称", "高素质农民培育项目"],
        ["主管部门", "某县农业农村局", None, "实施单位", "某县农业技术推广中心"],
        ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", 200, 200, 190, 10, "95%", 9.5]]
# (一级, 二级, 三级, 符号, 指标值, 单位, 完成值, 分值, 得分): 9.5 + 88.83 = 98.33 — 480 of
# ≥500 人次 scores 19.2, 860 against ≤800 元 scores 5 × (1 − 60 / 800) = 4.63
ROWS = [("产出指标", "数量指标", "培训农民人次", "≥", 500, "人次", 480, 20, 19.2),
        ("产出指标", "质量指标", "培训合格率", "≥", 95, "%", 98, 15, 15),
        ("产出指标", "时效指标", "完成时间", "≤", 12, "月", 11, 10, 10),
        ("产出指标", "成本指标", "人均培训成本", "≤", 800, "元", 860, 5, 4.63),
        ("效益指标", "社会效益指标", "带动就业人数", "≥", 200, "人", 210, 15, 15),
        ("效益指标", "可持续影响指标", "农民素质", "定性", "持续提升", None, "持续提升", 15, 15),
        ("满意度指标", "服务对象满意度指标", "学员满意度", "≥", 90, "%", 93, 10, 10)]
TARGETS = ["≥500人次", "≥95%", "≤12月", "≤800元", "≥200人", "持续提升", "≥90%"]
ACTUALS = ["480人次", "98%", "11月", "860元", "210人", "持续提升", "93%"]
TOTAL = 98.33
_REASONS = {"培训农民人次": "部分学员因农忙未参训", "人均培训成本": "食宿价格上涨"}


def _checked(path):
    result = check_workbook(path)
    assert result.error is None, result.error
    return json.loads(json_report([result]))


def _closing(at, score):
    return [["总分", *[None] * (at - 2), 100, score], ["评分等级", "优"]]


@pytest.mark.parametrize("word", ["数值", "值", "数量", "数字", "指标值", "目标值"])
def test_the_target_split_under_a_merged_header_by_any_word(tmp_path, word):
    """年度指标值 merged over 符号 | 数值 | 计量单位 (实际完成值 over 数值 | 计量单位): the
    column under a bare 数值 (值, 数量) is the 指标值's value, as under 指标值 (before: the
    符号 column read as the 指标值 — "≥人次", six JX203, total “—”); the 完成值's own
    计量单位 joins it as the 指标值's does, % included (before: 480人次 but 98)."""
    top = ["一级指标", "二级指标", "三级指标", "年度指标值", None, None, "实际完成值", None,
           "分值", "得分", "偏差原因分析及改进措施"]
    under = [None, None, None, "符号", word, "计量单位", "数值", "计量单位"]
    body = [(*row[:7], row[5], *row[7:], _REASONS.get(row[2])) for row in ROWS]
    at = len(HEAD) + 1
    merges = [(at, 4, 0, 2), (at, 7, 0, 1), *((at, column, 1, 0) for column in (1, 2, 3, 9, 10, 11))]
    data = _checked(grid_book(tmp_path / "split.xlsx", [*HEAD, top, under, *body,
                                                        *_closing(9, TOTAL)], merges=merges))
    assert [item["code"] for item in data["findings"]] == []
    assert [item["target"] for item in data["indicators"]] == TARGETS
    assert [item["actual"] for item in data["indicators"]] == ACTUALS
    assert (data["total_computed"], data["grade_computed"]) == (TOTAL, "优")


@pytest.mark.parametrize("word", ["数值", "值", "数量"])
def test_the_target_split_beside_a_whole_actual(tmp_path, word):
    """The same 指标值 in parts beside a 实际完成值 of one column (480人次 as typed)."""
    top = ["一级指标", "二级指标", "三级指标", "年度指标值", None, None, "实际完成值",
           "分值", "得分", "偏差原因分析及改进措施"]
    under = [None, None, None, "符号", word, "计量单位"]
    body = [(*row[:6], f"{row[6]}{row[5] or ''}", *row[7:], _REASONS.get(row[2]))
            for row in ROWS]
    at = len(HEAD) + 1
    merges = [(at, 4, 0, 2), *((at, column, 1, 0) for column in (1, 2, 3, 7, 8, 9, 10))]
    data = _checked(grid_book(tmp_path / "whole.xlsx", [*HEAD, top, under, *body,
                                                        *_closing(8, TOTAL)], merges=merges))
    assert [item["code"] for item in data["findings"]] == []
    assert [item["target"] for item in data["indicators"]] == TARGETS
    assert (data["total_computed"], data["grade_computed"]) == (TOTAL, "优")


# (一级, 二级 holding the names, 指标值, 完成值, 分值, 得分): 9.5 + 19.2 + 70 = 98.7
NAMED = [("产出指标", "培训农民人次", "≥500人次", "480人次", 20, 19.2, "部分学员因农忙未参训"),
         ("产出指标", "培训合格率", "≥95%", "98%", 15, 15),
         ("产出指标", "完成时间", "2024年12月底前", "2024年11月", 10, 10),
         ("产出指标", "人均培训成本", "≤800元", "760元", 5, 5),
         ("效益指标", "带动就业人数", "≥200人", "210人", 15, 15),
         ("效益指标", "农民素质", "持续提升", "持续提升", 15, 15),
         ("满意度指标", "学员满意度", "≥90%", "93%", 10, 10)]
_LEVEL2 = ["数量指标", "质量指标", "时效指标", "成本指标", "社会效益指标", "可持续影响指标",
           "服务对象满意度指标"]


def test_names_in_the_level2_column_where_no_level3(tmp_path):
    """一级指标 | 二级指标 | 年度指标值 | 实际完成值 | 分值 | 得分, the 二级 column holding
    培训农民人次, 培训合格率 … (no 数量指标, 质量指标): the 二级 column is the names' (before:
    no header found, exit 2), the 一级 the level-1 group — as under 指标名称."""
    top = ["一级指标", "二级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
    data = _checked(grid_book(tmp_path / "named.xlsx", [*HEAD, top, *NAMED, *_closing(5, 98.7)]))
    assert [item["code"] for item in data["findings"]] == []
    assert [(item["level1"], item["level2"], item["name"]) for item in data["indicators"]] \
        == [(row[0], None, row[1]) for row in NAMED]
    assert (data["total_computed"], data["grade_computed"]) == (98.7, "优")


def test_level2_categories_without_names_stay_refused(tmp_path):
    """The same table whose 二级 column holds the categories (数量指标 …), the names inside
    the 指标值 (培训农民≥500人次): no names column, still no table (name and target are not
    parted from one cell)."""
    top = ["一级指标", "二级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
    rows = [(row[0], level2, row[1] + row[2], row[1] + row[3], *row[4:])
            for row, level2 in zip(NAMED, _LEVEL2, strict=True)]
    result = check_workbook(grid_book(tmp_path / "levels.xlsx", [*HEAD, top, *rows,
                                                                  *_closing(5, 98.7)]))
    assert result.error is not None and "没有找到表头" in result.error
