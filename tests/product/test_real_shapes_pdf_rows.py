"""Rows a PDF→Excel conversion prints between or across a table's rows (rt27 r6):

* a 一级/二级 name wrapped in its narrow column, split over two rows ("成本" | "指标", the
  putuo table's "可持 续影" | "响指标"): the tail continues the name above it — before,
  "指标" was read as a new 二级, so a bare "600 元/人" under 成本指标 was no ceiling (false
  JX402 "应为4.8"), or as a new 一级 "指标" (two false JX102);
* a page's bare number alone on a row between the pages ("2" in column D or E): no row —
  before, the 成本指标 row above read as unscored (false JX106, total unchecked);
* a page header (打印日期：2024-03-28, or the unit's name and a date) over the header
  printed again: the same table goes on — before, it split the table in two (表 1/2 and
  2/2: JX101 60/40, JX104, JX501).

Every table here is right: 分值 10 (执行率) + 50 + 30 + 10 = 100; 得分 9.98 + 50 + 30 + 8.95
= 98.93 (满意度 85% of ≥95%: 10 × 85 / 95 = 8.95), 等级 优.
"""

import pytest
from openpyxl import Workbook
from test_real_shapes import checked, codes

HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
          "偏差原因分析及改进措施"]
TOP = [["项目支出绩效自评表"], ["（2023 年度）"], [],
       ["项目名称", None, "城乡居民就业技能培训项目"],
       ["主管部门", None, "某县人力资源和社会保障局", None, "实施单位", "某县就业服务中心"],
       ["项目资金 (万元)", None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率(%)", "得分"],
       [None, "年度资金总额", "30", "30", "29.94", "10", "99.80%", "9.98"],
       [None, "其中：当年财政拨款", "30", "30", "29.94", "—", "99.80%", "—"],
       [None, "上年结转资金", "0", "0", "0", "—", "—", "—"],
       [None, "其他资金", "0", "0", "0", "—", "—", "—"],
       ["年度总体目标", "预期目标", None, None, "实际完成情况"],
       [None, "开展城乡居民就业技能培训，提升就业能力。", None, None, "完成培训520人，就业能力明显提升。"],
       HEADER]
PAGE1 = [["产出指标", "数量指标", "培训人数", "≥500 人", "520 人", "15", "15"],
         [None, None, "补贴发放户数", "＝ 47 户", "47 户", "10", "10"],
         [None, "质量指标", "培训考核合格率", "≥ 95％", "98％", "10", "10"],
         [None, "时效指标", "项目完成时限", "2023 年 12 月 31 日前完成", "2023 年 12 月 31 日前全部完成",
          "10", "10"],
         [None, "成本指标", "项目投入资金", "30 万元", "29.94 万元", "5", "5"]]
PAGE2 = [["效益指标", "社会效益指标", "群众知晓率", "≥ 90%", "92%", "15", "15"],
         [None, "可持续影响指标", "长效培训机制", "健全", "达成指标", "15", "15"],
         ["满意度指标", "服务对象满意度指标", "参训人员满意度", "≥95%", "85%", "10", "8.95",
          "部分学员对培训时间安排不满意，下一步将优化课程安排。"]]
END = [["总分", None, None, None, None, "100", "98.93"], ["评分等级", None, "优"]]


def converted(path, rows):
    book = Workbook()
    sheet = book.active
    sheet.title = "Table 1"
    for line in [*TOP, *rows, *END]:
        sheet.append(line)
    book.save(path)
    return path


def right(path, rows):
    tables_and_data = checked(converted(path, rows))
    table, data = tables_and_data
    assert codes(data) == []
    assert data["total_computed"] == pytest.approx(98.93)
    return table


def test_a_cost_level2_split_over_two_rows_keeps_its_ceiling(tmp_path):
    # X18: 人均培训成本 600 元/人 under 成本 | 指标: a bare 600 under 成本指标 is ≤600, and
    # 575.8 ≤ 600 earns the full 5 (not 5 × 575.8 / 600 = 4.8)
    page1 = [["产出指标", "数量指标", "培训人数", "≥500 人", "520 人", "10", "10"], *PAGE1[1:4],
             [None, "成本", "项目投入资金", "30 万元", "29.94 万元", "5", "5"],
             [None, "指标", "人均培训成本", "600 元/人", "575.8 元/人", "5", "5"]]
    table = right(tmp_path / "X18.xlsx", [*page1, *PAGE2])
    assert [item.level2 for item in table.indicators[4:6]] == ["成本指标", "成本指标"]


def test_a_level2_split_mid_word_over_three_rows(tmp_path):
    # the putuo table: 可持 | 续影 | 响指标 — one 可持续影响指标 over three rows (15 + 5 + 10)
    page2 = [PAGE2[0],
             [None, "可持", "长效培训机制", "健全", "达成指标", "5", "5"],
             [None, "续影", "培训档案完整率", "≥90%", "95%", "5", "5"],
             [None, "响指标", "跟踪回访率", "≥80%", "85%", "5", "5"], PAGE2[2]]
    table = right(tmp_path / "putuo.xlsx", [*PAGE1, *page2])
    assert {item.level2 for item in table.indicators[6:9]} == {"可持续影响指标"}


def test_a_level1_split_over_two_rows(tmp_path):
    # X16: 产出 | 指标 and 效益 | 指标 — 产出 15 + 10 + 10 + 10 + 5 = 50, 效益 15 + 15 = 30
    page1 = [list(PAGE1[0]), list(PAGE1[1]), *PAGE1[2:]]
    page1[1][0] = "指标"
    page2 = [list(PAGE2[0]), list(PAGE2[1]), PAGE2[2]]
    page2[0][0], page2[1][0] = "效益", "指标"
    page1[0][0] = "产出"
    table = right(tmp_path / "X16.xlsx", [*page1, *page2])
    assert [item.level1 for item in table.indicators] == ["产出指标"] * 5 + ["效益指标"] * 2 \
        + ["满意度指标"]


@pytest.mark.parametrize("column", [3, 4])
@pytest.mark.parametrize("blank", [True, False])
def test_a_bare_page_number_between_the_pages_is_no_row(tmp_path, column, blank):
    # X27/X28: a lone "2" in column D or E, blank rows around it; X25: none
    number = [None] * 8
    number[column] = "2"
    between = [[], number, []] if blank else [number]
    table = right(tmp_path / "X27.xlsx", [*PAGE1, *between, *PAGE2])
    assert len(table.indicators) == 8


def test_a_wrong_score_after_a_bare_page_number_is_still_flagged(tmp_path):
    # X31: 群众知晓率 80% of ≥90% scored the full 15: 15 × 80 / 90 = 13.33
    page2 = [["效益指标", "社会效益指标", "群众知晓率", "≥ 90%", "80%", "15", "15"], *PAGE2[1:]]
    _, data = checked(converted(tmp_path / "X31.xlsx",
                                [*PAGE1, [], [None, None, None, "2"], [], *page2]))
    assert [(item["code"], item["cell"]) for item in data["findings"]] == [("JX402", "G22")]


@pytest.mark.parametrize("line", [["打印日期：2024-03-28"],
                                  ["某县就业服务中心", None, None, None, None, None, None,
                                   "2024/3/28"]])
def test_a_page_header_over_the_reprinted_header_keeps_one_table(tmp_path, line):
    # X30 / X23: one table of 8 rows, 分值 100, total 98.93
    right(tmp_path / "X30.xlsx", [*PAGE1, [], line, HEADER, *PAGE2])
