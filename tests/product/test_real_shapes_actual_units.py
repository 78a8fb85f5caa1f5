"""System exports that give the 完成值 a 计量单位 column of its own, beside the 指标值's
(年度指标值 | 计量单位 | 实际完成值 | 计量单位; 实际完成值 over 完成值 | 计量单位): the
完成值 is read in its own unit (before: in the 指标值's — 25 分钟 beside ≤0.5 小时 was
25 小时, a false JX402; 0.5 小时 beside ≤20 分钟 was 0.5 分钟, an overrun missed)."""

import pytest
from test_real_shapes import FULLY_SPENT, checked, codes, medical_insurance
from workbooks import Book

ONE_ROW = ("一级指标", "二级指标", "三级指标", "年度指标值", "计量单位", "实际完成值", "计量单位",
           "分值", "得分", "偏差原因分析及改进措施")


def _rows(time_target, time_unit, time_done, time_done_unit):
    return [
        ("产出指标", "数量指标", "参保人数", "≥25", "万人", 241000, "人", 25, 24.1,
         "部分外出务工人员在务工地参保"),
        ("产出指标", "时效指标", "医保窗口平均办理时长", time_target, time_unit, time_done,
         time_done_unit, 25, 25, None),
        ("效益指标", "社会效益指标", "政策范围内住院费用支付比例", "≥70", "%", 71, "%", 30, 30,
         None),
        ("满意度指标", "服务对象满意度指标", "参保群众满意度", "≥90", "%", 93, "%", 10, 10, None)]


def test_one_header_row_with_a_unit_column_for_each_value(tmp_path):
    """≤0.5 小时 done in 25 分钟, ≥25 万人 with 241000 人: both met as the units say, no
    finding (before: JX402 “完成值 25小时” and JX207 “241000 未写单位”)."""
    rows = _rows("≤0.5", "小时", 25, "分钟")
    table, data = checked(medical_insurance(tmp_path / "t.xlsx", rows, total=99.1,
                                            header=ONE_ROW, lead=None))
    assert codes(data) == []
    assert [(i.unit, i.actual_unit) for i in table.indicators] == [
        ("万人", "人"), ("小时", "分钟"), ("%", "%"), ("%", "%")]
    assert [i["actual"] for i in data["indicators"]] == ["241000人", "25分钟", "71%", "93%"]
    assert data["total_computed"] == 99.1


def test_an_overrun_in_the_actuals_own_unit_is_found(tmp_path):
    """≤20 分钟 done in 0.5 小时 (30 分钟) with full marks: JX402 (before: 0.5 分钟, met)."""
    rows = _rows("≤20", "分钟", 0.5, "小时")
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", rows, total=99.1,
                                        header=ONE_ROW, lead=None))
    [found] = [item for item in data["findings"] if item["code"] == "JX402"]
    assert found["cell"] == "I6"
    assert found["message"] == (
        "“医保窗口平均办理时长”未达到指标值（指标值 ≤20分钟，完成值 0.5小时），却得满分 25，"
        "按财政部规则应为 12.5（反向指标：分值 × (1 − (实际完成值 − 年度指标值) ÷ 年度指标值)）")


def _two_rows(path, top, under, rows):
    """A table whose header takes two rows: ``top`` (None under a merge from the left, or
    merged down when nothing stands under it) over ``under``."""
    book = Book()
    sheet = book.sheet("自评表")
    sheet.project("医保经办能力提升")
    sheet.money(FULLY_SPENT)
    first = sheet.line(*top)
    sheet.line(*under)
    column = 0
    while column < len(top):
        last = column
        while last + 1 < len(top) and top[last + 1] is None:
            last += 1
        if last > column:
            sheet.merge(first, column + 1, last + 1)
        elif under[column] is None:
            sheet.merge(first, column + 1, column + 1, first + 1)
        column = last + 1
    for row in rows:
        sheet.line(*row)
    sheet.columns = {text: index + 1 for index, text in enumerate(top) if text}
    sheet.total(100, 10 + sum(row[top.index("得分")] for row in rows))
    sheet.grade("优")
    return checked(book.save(path))


def test_two_header_rows_actual_over_value_and_unit(tmp_path):
    """年度指标值 over 指标方向 | 指标值 | 计量单位, 实际完成值 over 完成值 | 计量单位."""
    top = ("一级指标", "二级指标", "三级指标", "年度指标值", None, None, "实际完成值", None,
           "分值", "得分", "偏差原因分析及改进措施")
    under = (None, None, None, "指标方向", "指标值", "计量单位", "完成值", "计量单位",
             None, None, None)
    rows = [("产出指标", "数量指标", "参保人数", "正向", 25, "万人", 241000, "人", 25, 24.1,
             "部分外出务工人员在务工地参保"),
            ("产出指标", "时效指标", "医保窗口平均办理时长", "反向", 0.5, "小时", 25, "分钟",
             25, 25, None),
            ("效益指标", "社会效益指标", "医保基金运行", "定性", "平稳运行", None, "平稳运行", None,
             30, 30, None),
            ("满意度指标", "服务对象满意度指标", "参保群众满意度", "正向", 90, "%", 93, "%", 10, 10,
             None)]
    table, data = _two_rows(tmp_path / "t.xlsx", top, under, rows)
    assert codes(data) == []
    assert [i.actual_unit for i in table.indicators] == ["人", "分钟", None, "%"]
    assert data["total_computed"] == 99.1


def test_two_header_rows_both_values_named_zhibiaozhi(tmp_path):
    """全年目标 over 指标值 | 单位, 实际完成 over 指标值 | 单位 (both sub-columns 指标值)."""
    top = ("一级指标", "二级指标", "三级指标", "全年目标", None, "实际完成", None, "分值", "得分",
           "偏差原因分析及改进措施")
    under = (None, None, None, "指标值", "单位", "指标值", "单位", None, None, None)
    rows = [("产出指标", "时效指标", "窗口平均办理时长", "≤0.5", "小时", 25, "分钟", 50, 50, None),
            ("效益指标", "社会效益指标", "受益人口", "≥2", "万人", 23000, "人", 30, 30, None),
            ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90", "%", 93, "%", 10, 10, None)]
    table, data = _two_rows(tmp_path / "t.xlsx", top, under, rows)
    assert codes(data) == []
    assert [(i.unit, i.actual_unit) for i in table.indicators] == [
        ("小时", "分钟"), ("万人", "人"), ("%", "%")]
    assert data["total_computed"] == 100


def test_one_unit_column_after_the_actual_is_still_both_values(tmp_path):
    """年度指标值 | 实际完成值 | 计量单位: the one unit column is the 指标值's and the 完成值's,
    a bare 241000 beside ≥25 万人 is still read in 人 and JX207 says so."""
    header = ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "计量单位", "分值",
              "得分", "偏差原因分析及改进措施")
    rows = [("产出指标", "数量指标", "参保人数", "≥25", 241000, "万人", 50, 48.2,
             "部分外出务工人员在务工地参保"),
            ("效益指标", "社会效益指标", "政策范围内住院费用支付比例", "≥70", 71, "%", 30, 30, None),
            ("满意度指标", "服务对象满意度指标", "参保群众满意度", "≥90", 93, "%", 10, 10, None)]
    table, data = checked(medical_insurance(tmp_path / "t.xlsx", rows, total=98.2,
                                            header=header, lead=None))
    assert [(i.unit, i.actual_unit) for i in table.indicators] == [
        ("万人", None), ("%", None), ("%", None)]
    assert codes(data) == ["JX207"]
    assert data["findings"][0]["cell"] == "E5"


# A number saved as text (a 文本-formatted cell of a government template, a system
# export): the 完成值's own 计量单位 is its unit as for a number cell — 25 分钟 beside
# ≤0.5 小时 is met (before: "25" was read bare, in 小时, a false JX402; "241000" bare
# beside 万人, a false JX207). Thousands grouped, full-width digits, spaces around it
# alike; a unit written in the cell itself is kept.
TEXT_NUMBERS = [("241000", "25"), ("241,000", " 25 "), ("２４１０００", "２５"),
                ("241000\u00a0", "25\u3000")]


@pytest.mark.parametrize(("people", "minutes"), TEXT_NUMBERS)
def test_a_number_as_text_takes_its_own_unit_column(tmp_path, people, minutes):
    rows = _rows("≤0.5", "小时", minutes, "分钟")
    rows[0] = (*rows[0][:5], people, *rows[0][6:])
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", rows, total=99.1,
                                        header=ONE_ROW, lead=None))
    assert codes(data) == []
    assert [i["actual"] for i in data["indicators"]][:2] == ["241000人", "25分钟"]
    assert data["total_computed"] == 99.1


def test_a_number_as_text_takes_its_own_unit_column_under_two_header_rows(tmp_path):
    """实际完成值 over 数量 | 单位, every value a text (as v04h: 11400 | 人 beside ≥1.2 万人,
    25 | 分钟 beside ≤0.5 小时)."""
    top = ("一级指标", "二级指标", "三级指标", "年度指标值", None, "实际完成值", None, "分值",
           "得分", "偏差原因分析及改进措施")
    under = (None, None, None, "数量", "单位", "数量", "单位", None, None, None)
    rows = [("产出指标", "数量指标", "培训人数", "≥1.2", "万人", "11400", "人", 15, 14.25,
             "部分学员因工作调动未能参训"),
            ("产出指标", "时效指标", "咨询响应时间", "≤0.5", "小时", "25", "分钟", 35, 35, None),
            ("效益指标", "社会效益指标", "参训人员就业率", "≥80", "%", "85", "%", 30, 30, None),
            ("满意度指标", "服务对象满意度指标", "学员满意度", "≥90", "%", "93", "%", 10, 10,
             None)]
    table, data = _two_rows(tmp_path / "t.xlsx", top, under, rows)
    assert codes(data) == []
    assert [i.actual for i in table.indicators] == ["11400", "25", "85", "93"]
    assert [i["actual"] for i in data["indicators"]][:2] == ["11400人", "25分钟"]
    assert data["total_computed"] == 99.25


def test_a_unit_written_in_a_text_actual_wins_over_its_column(tmp_path):
    """"25分钟" under a 计量单位 of 小时 (the column left as the 指标值's): read as written."""
    rows = _rows("≤0.5", "小时", "25分钟", "小时")
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", rows, total=99.1,
                                        header=ONE_ROW, lead=None))
    assert codes(data) == []
    assert [i["actual"] for i in data["indicators"]][1] == "25分钟"


# A date typed as text ("2024.10", "2024.12") on a 时效 row keeps its own shape whatever the
# unit column says (月, 年, 年月, 时间, 日期): read as the month it is, 按时完成 — not as
# a number with the unit glued on ("2024.1月": its trailing 0 dropped, 单位不一致, unscored;
# reviewer's finding on ae9ef5d6). A plain number beside a date still takes it: "12" | 月.
@pytest.mark.parametrize(("target", "unit", "actual"), [
    ("2024年10月", "月", "2024.10"), ("2024年12月", "月", "2024.12"),
    ("2024年12月", "年", "2024.12"), ("2024年12月", "年月", "2024.12"),
    ("2024年12月", "时间", "2024.10"), ("2024年12月", "日期", "2024.12"),
    ("2024年12月31日前", "日期", "2024.12.31")])
def test_a_date_as_text_is_not_read_as_a_number_of_its_unit(target, unit, actual):
    from jixiao.model import Indicator, indicator_actual, score_indicator
    indicator = Indicator("产出指标", "时效指标", "完成时间", target=target, actual=actual,
                          unit=unit, weight=10)
    assert indicator_actual(indicator) == actual
    score = score_indicator(indicator)
    assert (score.value, score.note) == (10.0, "按时完成")


def test_a_month_as_a_number_text_beside_a_date_takes_its_unit():
    from jixiao.model import Indicator, indicator_actual
    indicator = Indicator("产出指标", "时效指标", "完成时间", target="12月底前", actual="12",
                          unit="月", weight=10)
    assert indicator_actual(indicator) == "12月"


def test_a_date_as_text_in_a_workbook_is_on_time(tmp_path):
    rows = _rows("2024年10月", "月", "2024.10", "月")
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", rows, total=99.1,
                                        header=ONE_ROW, lead=None))
    assert codes(data) == []
    assert [i["actual"] for i in data["indicators"]][1] == "2024.10"
