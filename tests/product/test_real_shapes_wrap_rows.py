"""An indicator wrapped over two rows, the second holding the rest of its texts (rt30 r7):

* a PDF→Excel conversion puts the rest of the name, the unit of the 指标值 and 完成值 and
  the second line of the 偏差原因 on the row under the numbers ("农村集中供水工程受 | ≥2.5
  | 2.38 | 15 | 14.28 | 部分村庄入户管网受征地影" over "益人口 | 万人 | 万人 | | |
  响未完工，2025年一季度完成"): one indicator — before, a row with the reason's rest was
  read as an indicator of its own (“益人口”未填写分值, JX106; 总分 not computed);
* a Word table holds the same rows, its 2.38 read as a number: the unit goes on after
  the number as after a text — before, the row was never merged (JX106);
* a page break splits the rows into two tables, the next one beginning with the rest of
  the name (and the units): the rest of the last row of the page before — before, JX106,
  JX201 and JX202 on 第2个表格 第1行.

Every right table here: 执行率 29.94 / 30 = 99.80% → 10 × 0.998 = 9.98; 分值 15 + 10 + 10
+ 10 + 5 + 15 + 15 + 10 = 90; 受益人口 ≥2.5万人, 2.38万人 → 15 × 2.38 / 2.5 = 14.28, the
other rows met in full: 50 + 14.28 + 15 + 10 = 89.28; 总分 9.98 + 89.28 = 99.26, 优.
"""

import pytest
from openpyxl import Workbook
from test_real_shapes import checked, codes
from wordfiles import workbook_docx

TOP = [["项目支出绩效自评表"], ["（2024年度）"],
       ["项目名称", "2024年农村饮水安全巩固提升工程"],
       ["主管部门", "某县水利局", None, None, "实施单位", "某县农村供水管理站"],
       ["项目资金（万元）", None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
       [None, "年度资金总额", "30", "30", "29.94", "10", "99.80%", "9.98"],
       [None, "其中：当年财政拨款", "30", "30", "29.94", "—", "99.80%", "—"],
       [None, "上年结转资金", "0", "0", "0", "—", "—", "—"],
       [None, "其他资金", "0", "0", "0", "—", "—", "—"],
       ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
        "偏差原因分析及改进措施"],
       ["产出指标", "数量指标", "新建集中供水工程", "≥12处", "12处", "15", "15"],
       [None, None, "改造供水管网长度", "≥35公里", "36.5公里", "10", "10"],
       [None, "质量指标", "水质检测合格率", "≥95%", "96.5%", "10", "10"],
       [None, "时效指标", "工程完工时间", "2024年11月30日前", "2024年11月25日", "10", "10"],
       [None, "成本指标", "单位管网造价", "≤8万元/公里", "7.6万元/公里", "5", "5"]]
WRAPPED = 16  # the sheet's row of the wrapped indicator (its first line)
END = [[None, "可持续影响指标", "工程运行管护机制", "健全", "健全", "15", "15"],
       ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "93%", "10", "10"],
       ["总分", None, None, None, None, "100", "99.26"], ["评分等级", None, "优"]]
REASON = "部分村庄入户管网受征地影响未完工，2025年一季度完成"


def _lines(name, target, actual, rest, reason="部分村庄入户管网受征地影"):
    """The wrapped indicator's two rows: its first line (the numbers, points, and the
    reason's first line) and ``rest`` (三级, 指标值, 完成值, 偏差原因 — None for nothing)."""
    return [["效益指标", "社会效益指标", name, target, actual, "15", "14.28", reason],
            [None, None, *rest]]


def _workbook(path, lines):
    book = Workbook()
    sheet = book.active
    sheet.title = "Table 1"
    for line in [*TOP, *lines, *END]:
        sheet.append(line)
    book.save(path)
    return path


def _right(path):
    table, data = checked(path)
    assert codes(data) == []
    assert data["total_computed"] == pytest.approx(99.26)
    assert data["grade_computed"] == "优"
    assert len(table.indicators) == 8
    return table.indicators[5]


@pytest.mark.parametrize("target, actual, unit", [("≥2.5", "2.38", "万人"),
                                                  ("≥25,000", "23,800", "人"),
                                                  ("≥2.5", 2.38, "万人")])
def test_a_name_unit_and_reason_wrapped_together_are_one_indicator(tmp_path, target, actual,
                                                                   unit):
    # p13 / p9: 益人口 | 万人 | 万人 | … | 响未完工… under the numbers; a 2.38 typed as a
    # number goes on with its unit as the text does (25,000 人: 15 × 23800 / 25000 = 14.28)
    lines = _lines("农村集中供水工程受", target, actual, ["益人口", unit, unit, None, None,
                                                      "响未完工，2025年一季度完成"])
    indicator = _right(_workbook(tmp_path / "p13.xlsx", lines))
    assert indicator.name == "农村集中供水工程受益人口"
    assert (indicator.target, indicator.actual) == (f"{target}{unit}", f"{actual}{unit}")
    assert indicator.reason == REASON
    assert indicator.score_declared == 14.28


def test_units_and_a_reason_wrapped_without_the_name(tmp_path):
    # p14: only the units and the reason's rest on the second row
    lines = _lines("受益人口", "≥2.5", "2.38", [None, "万人", "万人", None, None,
                                             "响未完工，2025年一季度完成"])
    indicator = _right(_workbook(tmp_path / "p14.xlsx", lines))
    assert (indicator.name, indicator.target, indicator.actual, indicator.reason) \
        == ("受益人口", "≥2.5万人", "2.38万人", REASON)


@pytest.mark.parametrize("rest, score", [(["益人口", "万人", "万人", "5", None], None),
                                         (["益人口", "万人", "万人", None, "5"], 5)])
def test_a_second_row_with_its_own_points_or_score_stays_a_row(tmp_path, rest, score):
    # a row of its own 分值 (or 得分) is no wrapped rest, whatever it holds: 益人口 is read as
    # an indicator (its 分值 5 puts the 分值 total at 95, JX101; or no 分值, JX106)
    lines = _lines("农村集中供水工程受", "≥2.5", "2.38", [*rest, "响未完工，2025年一季度完成"])
    table, data = checked(_workbook(tmp_path / "own.xlsx", lines))
    assert len(table.indicators) == 9
    assert table.indicators[6].name == "益人口"
    assert table.indicators[6].score_declared == score
    assert ("JX101" if score is None else "JX106") in codes(data)


WORD_SHAPES = {  # s5 / s4, s6 / s7, s2: the second row's cells (三级, 指标值, 完成值)
    "name and units": ("农村集中供水工程受", "≥2.5", "2.38", ["益人口", "万人", "万人"]),
    "name": ("农村集中供水工程受", "≥2.5万人", "2.38万人", ["益人口"]),
    "bracketed name": ("受益人口", "≥2.5万人", "2.38万人", ["（农村常住人口）"]),
}


@pytest.mark.parametrize("shape, split", [("name and units", False), ("name", False),
                                          *((shape, True) for shape in WORD_SHAPES)])
def test_a_word_table_reads_the_wrapped_rest_as_excel_does(tmp_path, shape, split):
    # s5: one table (2.38 read as a number there); s4, s6, s2: the page's table ends after the
    # numbers, the next begins with the rest of the name (and the units) — all of the cell's
    # lines the break carried over, longer than its first at times (（农村常住人口）)
    name, target, actual, rest = WORD_SHAPES[shape]
    lines = _lines(name, target, actual, rest, reason=REASON)
    book = _workbook(tmp_path / "w.xlsx", lines)
    path = workbook_docx(book, tmp_path / "w.docx", splits=(WRAPPED + 1,) if split else ())
    indicator = _right(path)
    assert indicator.name == name + rest[0]
    assert (indicator.target, indicator.actual) == ("≥2.5万人", "2.38万人")
    assert indicator.reason == REASON


NEW_ROWS = {  # r8 D1–D5: an unfilled indicator of its own at the top of the next page
    "a qualitative row": (["管护制度", "健全", "健全"], ["JX106"]),
    "a rate row": (["饮水安全知晓率", "≥90%", "92%"], ["JX106"]),
    "a name alone": (["水费收缴率"], ["JX106", "JX201", "JX202"]),
    "a name and a reason": (["工程管护", None, None, None, None, "尚未建立"],
                            ["JX106", "JX201", "JX202"]),
    "达标 and a reason": (["水质达标", "达标", "达标", None, None, "无"], ["JX106"]),
}


@pytest.mark.parametrize("shape", NEW_ROWS)
def test_a_new_row_at_the_top_of_the_next_page_stays_a_row(tmp_path, shape):
    # the row above is whole (农村集中供水工程受益人口 | ≥2.5万人 | 2.38万人): a name that
    # is one already, a full value (健全, ≥90%, 达标) below it begin an indicator of their
    # own, not the rest of it — before, 管护制度 | 健全 | 健全 made 农村集中供水工程受益人口
    # 管护制度 | ≥2.5万人健全 | 2.38万人健全 and nothing was found. The new row has no 分值
    # (JX106; the 分值 total stays 90, so 总分 is not computed), nor 指标值/完成值 if none
    rest, found = NEW_ROWS[shape]
    lines = [["效益指标", "社会效益指标", "农村集中供水工程受益人口", "≥2.5万人", "2.38万人",
              "15", "14.28", REASON], [None, None, *rest]]
    book = _workbook(tmp_path / "n.xlsx", lines)
    path = workbook_docx(book, tmp_path / "n.docx", splits=(WRAPPED + 1,))
    table, data = checked(path)
    assert sorted(codes(data)) == found
    assert len(table.indicators) == 9
    above, new = table.indicators[5:7]
    assert (above.name, above.target, above.actual) \
        == ("农村集中供水工程受益人口", "≥2.5万人", "2.38万人")
    assert above.reason == REASON
    assert new.name == rest[0]
    assert (new.target, new.actual) == ((rest[1], rest[2]) if len(rest) > 1 else (None, None))
    assert new.weight is None
