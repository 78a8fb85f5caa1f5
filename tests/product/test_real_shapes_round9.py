"""Tables of red team round 9 (云南 丽江 2020, 四川 中江 2022, 武汉 蔡甸 2019): the
一体化 two-row header whose 偏差原因分析 | 改进措施 are merged down beside the second
row, 得分 written as 满分, and the name under 专项（项目）名称."""

import pytest
from test_real_shapes import checked, codes, medical_insurance
from workbooks import Book

from jixiao.pipeline import check_workbook

# 丽江 2020 (云南 一体化 form): 年度指标值 over 指标性质 | 指标值 | 度量单位; 实际完成值,
# 分值, 得分, 偏差原因分析 and 改进措施 merged down over the two header rows.
LIJIANG_ROWS = [
    ("产出指标", "数量指标", "卫片执法补助经费", "＝", 72890, "元", 72890, 10, 10),
    (None, "质量指标", "项目验收合格率", "＝", 100, "%", 100, 20, 20),
    (None, "时效指标", "项目完成及时率", "＝", 100, "%", 100, 20, 20),
    ("效益指标", "社会效益指标", "违法行为责停率", "≥", 95, "%", 95, 30, 30),
    ("满意度指标", "服务对象满意度指标", "满意度", "≥", 95, "%", 95, 10, 10),
]


def lijiang(path, rows=LIJIANG_ROWS, reasons=None, total=100, merged_down=range(7, 12)):
    """``reasons``: {row index: (偏差原因分析, 改进措施)}."""
    book = Book()
    sheet = book.sheet("自评表")
    sheet.line("项目支出绩效自评表")
    sheet.line("（2020年度）")
    sheet.line("项目名称", "2020年省级自然资源卫片执法补助经费")
    sheet.money([("年度资金总额", 7.289, 7.289, 7.289, 10, "100%", 10)],
                header=("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"))
    first = sheet.line("绩效指标", None, None, "年度指标值", None, None, "实际完成值", "分值", "得分",
                       "偏差原因分析", "改进措施")
    sheet.line("一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位")
    sheet.merge(first, 4, 6)
    for column in merged_down:
        sheet.merge(first, column, column, first + 1)
    for index, row in enumerate(rows):
        sheet.line(*row, *(reasons or {}).get(index, ()))
    sheet.line("总分", None, None, None, None, None, None, 100, total)
    return book.save(path)


def _cells(data, code):
    return [item["cell"] for item in data["findings"] if item["code"] == code]


def test_a_reason_in_the_improvement_column_of_a_two_row_header_explains(tmp_path):
    """丽江 K13 "下一年度加强资金管理" under 改进措施 (with a cause: a measure alone gives
    none, rt26e), 偏差原因分析 empty: the deduction is
    explained (before: JX405 "未说明偏差原因" — the 改进措施 column, merged down beside the
    second header row, was not read). A deduction explained nowhere is still JX405."""
    rows = [(*LIJIANG_ROWS[0][:-1], 9), (*LIJIANG_ROWS[1][:-1], 19), *LIJIANG_ROWS[2:]]
    _, data = checked(lijiang(tmp_path / "t.xlsx", rows,
                              {0: (None, "资金下达较晚，下一年度加强资金管理")}, 98))
    assert _cells(data, "JX405") == ["J9"], data["findings"]  # 19/20, explained nowhere
    # the measure alone gives no cause (rt26e): JX405 there too (at the cell read)
    _, data = checked(lijiang(tmp_path / "u.xlsx", rows, {0: (None, "下一年度加强资金管理")}, 98))
    assert _cells(data, "JX405") == ["K8", "J9"], data["findings"]


def test_a_score_written_as_full_marks_is_the_points(tmp_path):
    """中江 2022 H13 "满分": the row's 分值 (before: JX406 "未填写得分", and the 总分
    against the sum went unchecked). A 满分 on a missed target is still 未完成却得满分."""
    rows = [(*LIJIANG_ROWS[0][:-1], "满分"), *LIJIANG_ROWS[1:]]
    table, data = checked(lijiang(tmp_path / "t.xlsx", rows))
    assert codes(data) == [] and table.indicators[0].score_declared == 10
    assert data["total_computed"] == 100
    missed = [(*LIJIANG_ROWS[0][:6], 60000, 10, "满分。"), *LIJIANG_ROWS[1:]]
    _, data = checked(lijiang(tmp_path / "m.xlsx", missed))
    assert "JX402" in codes(data)


# 隆阳 2022 (云南 省直 form): 一、示范区建立 over the rows numbered 1、2、3、 that make it up.
GROUPED = [
    ("产出指标", "数量指标", "一、示范区建立", "≥20000亩", "20000亩", 30, 30, None),
    ("产出指标", "数量指标", "1、水稻侧深施肥+缓控释肥", "≥500亩", "500亩", 10, 10, None),
    ("产出指标", "数量指标", "2、玉米种肥同播+缓控释肥", "≥1000亩", "1000亩", 10, 10, None),
    ("产出指标", "数量指标", "3、施用配方肥", "≥18500亩", "18500亩", 10, 10, None),
    ("产出指标", "质量指标", "二、化验合格率", "≥95%", "98%", 20, 20, None),
    ("效益指标", "社会效益指标", "化肥使用量减少率", "≥3%", "3.5%", 30, 30, None),
    ("满意度指标", "服务对象满意度指标", "农户满意度", "≥90%", "95%", 10, 10, None),
]


def test_a_group_numbered_in_words_over_its_numbered_rows_is_counted_once(tmp_path):
    """一、示范区建立 | 30 over 1、2、3、 | 10 each: the group sums its rows (before: four
    indicators, its points counted twice — JX101 "分值合计为 130"). 二、 with no rows
    numbered under it is an indicator of its own."""
    table, data = checked(medical_insurance(tmp_path / "t.xlsx", GROUPED, total=100))
    assert codes(data) == [] and data["total_computed"] == 100
    assert [row.name for row in table.indicators][:3] == [
        "1、水稻侧深施肥+缓控释肥", "2、玉米种肥同播+缓控释肥", "3、施用配方肥"]
    assert [s.label for s in table.subtotals] == ["一、示范区建立"]


def test_a_group_whose_rows_do_not_add_up_is_told(tmp_path):
    rows = [*GROUPED[:3], ("产出指标", "数量指标", "3、施用配方肥", "≥18500亩", "18500亩", 5, 5, None),
            *GROUPED[4:]]
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", rows, total=95))
    assert "JX103" in codes(data)


def _with(row, at=5):
    from test_real_shapes import QUALITATIVE_MET
    return [*QUALITATIVE_MET[:at], row, *QUALITATIVE_MET[at + 1:]]


@pytest.mark.parametrize(("name", "target", "actual"), [
    ("财政供养人员控制率", "100%", "92%"), ("公用经费控制率", "100%", "97%"),
    ("预算调整率", "3%", "0"), ("结转结余率", "2%", "0"), ("“三公”经费变动率", "5%", "2%")])
def test_department_ceilings_without_their_sign(tmp_path, name, target, actual):
    """部门整体 tables (重庆 2023): 控制率, 预算调整率, 结转结余率 and 变动率 are ceilings —
    under them is met. Written without ≤, JX203 says to write it (before: JX402 "未达到
    指标值，却得满分" on each)."""
    row = ("效益指标", "社会效益指标", name, target, actual, 10, 10, None)
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", _with(row), total=100))
    assert codes(data) == ["JX203"], data["findings"]


def test_blood_pressure_control_rate_is_still_a_goal(tmp_path):
    """血压控制率 ≥40% is a share of patients whose pressure is controlled: more is better."""
    row = ("效益指标", "社会效益指标", "高血压患者血压控制率", "40%", "30%", 10, 10, None)
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", _with(row), total=100))
    assert "JX402" in codes(data)


def test_a_procurement_execution_rate_is_an_indicator_like_any_other(tmp_path):
    """重庆 部门整体 2023: 政府采购执行率 100% → 72.74%, in a table without 一级 column. It
    is a plan's execution, not the budget's: scored 分值 × 完成值 / 指标值 like any goal
    (before: taken as the 预算执行率 — JX306 "72.74% 低于 90%", its points a 一级 of
    their own)."""
    book = Book()
    sheet = book.sheet("自评表")
    sheet.line("部门整体支出绩效自评表（2023年度）")
    sheet.line("项目名称", "某融媒体中心部门整体支出")
    sheet.money([("年度资金总额", 100, 100, 100, 10, "100%", 10)],
                header=("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"))
    sheet.indicators([("政府采购执行率", "100%", "72.74%", 10, 7.27, "部分采购延至次年"),
                      ("组织宣传活动次数", "≥40次", "43次", 40, 40, None),
                      ("宣传覆盖人数", "≥5万人", "6万人", 30, 30, None),
                      ("群众满意度", "≥90%", "95%", 10, 10, None)],
                     header=("三级指标", "年度指标值", "实际完成值", "分值", "得分",
                             "偏差原因分析及改进措施"), lead=None)
    sheet.total(100, 97.27)
    table, data = checked(book.save(tmp_path / "t.xlsx"))
    assert [c for c in codes(data) if c not in ("JX104", "JX108")] == [], data["findings"]
    assert data["total_computed"] == 97.27


def test_a_shixian_qingkuang_column_is_the_actual(tmp_path):
    """发改 中央预算内投资绩效自评表 (湖南 2021): 一级 | 二级 | 三级 | 绩效指标值 | 实现情况 |
    三级指标测算依据, no 分值 or 得分. 实现情况 is the 完成值 (before: no table found, exit
    2), the 测算依据 no name; a shortfall is still told."""
    book = Book()
    sheet = book.sheet("Sheet1")
    sheet.line("2021年度资源型地区转型发展中央预算内投资绩效自评表")
    sheet.indicators([("实施效果指标", "数量指标", "支持项目数量（个）", 3, 3, None),
                      ("实施效果指标", "数量指标", "支持居民避险搬迁户数（户）", 120, 98, None),
                      ("实施效果指标", "社会效益指标", "受益群众满意度", "≥90%", "95%", None)],
                     header=("一级指标", "二级指标", "三级指标", "绩效指标值", "实现情况",
                             "三级指标测算依据"), lead=None)
    table, data = checked(book.save(tmp_path / "t.xlsx"))
    assert [row.actual for row in table.indicators] == [3, 98, "95%"]
    assert [row.name for row in table.indicators][0] == "支持项目数量（个）"
    assert [item["cell"] for item in data["findings"] if item["code"] == "JX405"] == ["E4"]


def test_a_met_target_scored_low_is_told_once(tmp_path):
    """丽江 2020: four met targets scored below their points each got JX403 and JX404, the
    same fact twice (10 warnings for 5 rows). JX403 says it; JX404 stays for a missed
    target scored other than the rules give."""
    rows = [(*LIJIANG_ROWS[0][:-1], 9), (*LIJIANG_ROWS[1][:6], 90, 20, 15), *LIJIANG_ROWS[2:]]
    _, data = checked(lijiang(tmp_path / "t.xlsx", rows, {0: ("x", None), 1: ("y", None)}, 94))
    assert [(item["code"], item["cell"]) for item in data["findings"]
            if item["code"] in ("JX403", "JX404")] == [("JX403", "I8"), ("JX404", "I9")]


def _unscored_sheet(book, name, label="专项（项目）名称", year="2019"):
    sheet = book.sheet("急救运营")
    sheet.line(f"{year}年度项目绩效自评表")
    sheet.line(label, name)
    sheet.indicators([("产出指标", "数量指标", "医疗保障次数", "30次", "69次", None),
                      ("产出指标", "数量指标", "精准扶贫服务人次", "12人次", "20人次", None),
                      ("效益指标", "社会效益指标", "急救响应及时率", "≥95%", "98%", None),
                      ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", None)],
                     header=("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值",
                             "偏差原因分析及改进措施"), lead=None)


def test_a_table_without_points_of_another_project_is_checked(tmp_path):
    """蔡甸 2019 beside 中江 2022 in one workbook: the table without 分值/得分 names another
    project under 专项（项目）名称, so it restates nothing and is checked (before: "未校验：以有
    分值、得分的自评表为准", its two JX206 lost; and its name was not read)."""
    from workbooks import standard_sheet
    book = Book()
    standard_sheet(book.sheet("水标尺"))
    _unscored_sheet(book, "急救运营专项")
    [result] = [check_workbook(book.save(tmp_path / "t.xlsx"))]
    assert [t.table.project.name for t in result.tables][1] == "急救运营专项"
    assert [item.code for item in result.tables[1].findings if item.code != "JX108"] == [
        "JX206", "JX206"]


def test_a_table_without_points_restating_the_scored_one_is_still_a_note(tmp_path):
    from workbooks import standard_sheet
    book = Book()
    standard_sheet(book.sheet("自评表"), name="急救运营专项")
    _unscored_sheet(book, "急救运营专项", year="2024")
    [result] = [check_workbook(book.save(tmp_path / "t.xlsx"))]
    assert len(result.tables) == 1 and "未校验" in result.notes[0]


@pytest.mark.parametrize(("score", "reason", "told"), [
    (None, "没有轮换、动用库存", False), (5, "没有轮换、动用库存", False),
    (10, "没有轮换、动用库存", True), (5, None, True)])
def test_an_actual_of_wu_explained_by_its_reason(tmp_path, score, reason, told):
    """衡山 2020 储备粮: 政策性挂账利息补贴保障率 100% → 无, 偏差原因 "没有轮换、动用库存":
    the reason says why (before: JX202 "只写了“无”，看不出是否达到"). Unexplained, or
    scored in full, it is still asked about."""
    row = ("效益指标", "社会效益指标", "政策性挂账利息补贴保障率", "100%", "无", 10, score, reason)
    from test_real_shapes import QUALITATIVE_MET
    rows = [*QUALITATIVE_MET[:5], row, *QUALITATIVE_MET[6:]]
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", rows, total=None))
    assert ("JX202" in codes(data)) is told


def test_a_targets_table_without_points_is_named_so(tmp_path):
    """宁乡 2021 项目绩效目标表 (一级 | 二级 | 指标内容 | 指标值 | 备注, no 分值): refused as a
    绩效目标表, not with the message of a workbook without any table."""
    book = Book()
    sheet = book.sheet("Sheet1")
    sheet.line("项目绩效目标表（2021年度）")
    sheet.line("项目名称", "镇域内基础设施建设")
    sheet.indicators([("产出指标", "数量指标", "新建道路", "≥5公里", None)],
                     header=("一级指标", "二级指标", "指标内容", "指标值", "备注"), lead=None)
    [result] = [check_workbook(book.save(tmp_path / "t.xlsx"))]
    assert result.no_table and "是绩效目标表" in result.error


def test_an_improvement_column_left_unmerged_beside_a_merged_reason_explains(tmp_path):
    """丽江, as a clerk redid it: 偏差原因分析 merged down over the two header rows,
    改进措施 beside it not (its lower cell empty). The 改进措施 column is still read
    (before: JX405 on the row it explains)."""
    rows = [(*LIJIANG_ROWS[0][:-1], 9), (*LIJIANG_ROWS[1][:-1], 19), *LIJIANG_ROWS[2:]]
    path = lijiang(tmp_path / "t.xlsx", rows, {0: (None, "资金下达较晚，下一年度加强资金管理")}, 98,
                   merged_down=range(7, 11))
    _, data = checked(path)
    assert _cells(data, "JX405") == ["J9"], data["findings"]


def test_a_score_sheets_empty_remark_column_is_no_reason_column(tmp_path):
    """The 2017 four-level 评价得分表 with a 备注 column, empty: an evaluator's remark, not a
    偏差原因 the unit owes for each deduction (before: JX405 on each deduction, which the
    same sheet without its 备注 column does not get)."""
    from test_real_shapes_exports import FOUR_LEVELS
    book = Book()
    sheet = book.sheet("得分表")
    sheet.line("项目支出绩效评价得分表（2017年度）")
    sheet.line("一级指标", "二级指标", "三级指标", "四级指标", "分值", "得分", "备注")
    for values in FOUR_LEVELS:
        sheet.line(*values)
    sheet.line("总分", None, None, None, 100, 99)
    _, data = checked(book.save(tmp_path / "t.xlsx"))
    assert codes(data) == []


@pytest.mark.parametrize("reason", ["无", "暂无", " 无 "])
def test_a_reason_of_wu_explains_no_deduction(tmp_path, reason):
    """满意度 85% against ≥95%, 8.95 of 10, 偏差原因 "无": nothing is explained (before:
    accepted as a reason, no JX405)."""
    row = ("满意度指标", "服务对象满意度指标", "受益脱贫户满意度", "≥95%", "85%", 10, 8.95, reason)
    from test_real_shapes import QUALITATIVE_MET
    rows = [*QUALITATIVE_MET[:-1], row]
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", rows, total=None))
    assert "JX405" in codes(data)


@pytest.mark.parametrize(("sheet", "file", "year"), [
    ("自评表", "社保缴费2023年度自评表.xlsx", 2023), ("2022年", "自评表.xlsx", 2022),
    ("自评表", "2024年3月报送.xlsx", None), ("2021年度", "2020年度.xlsx", 2021)])
def test_the_year_from_the_sheets_or_files_name(tmp_path, sheet, file, year):
    """No 年度 above the table: the sheet's name, else the file's, gives it (before: none,
    so a 12月底前 deadline had no year to be judged in). A date of sending is no year."""
    from workbooks import PUTUO_1_ROWS
    book = Book()
    ws = book.sheet(sheet)
    ws.project("社保缴费")
    ws.indicators(PUTUO_1_ROWS)
    table, _ = checked(book.save(tmp_path / file))
    assert table.project.year == year
