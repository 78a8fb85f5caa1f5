"""Round 16 of real shapes: correct tables laid out as other offices lay them out, each
read before as no table at all or with a false finding (each test fails on d769608)."""

from test_real_shapes import checked, codes
from workbooks import grid_book

HEAD = [["项目支出绩效自评表"], ["（2024年度）"], ["项目名称", "职业技能培训项目"],
        ["主管部门", "某市人力资源和社会保障局", None, "实施单位", "某市职业技能培训中心"],
        ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", 100, 100, 98, 10, "98%", 9.8]]
# (一级, 二级, 三级, 指标值, 完成值, 分值, 得分, 偏差原因): 9.8 + 89.44 = 99.24
ROWS = [("产出指标", "数量指标", "培训人数", "≥500人", "520人", 20, 20, None),
        ("产出指标", "质量指标", "培训合格率", "≥95%", "96%", 15, 15, None),
        ("产出指标", "时效指标", "按期完成率", "100%", "100%", 10, 10, None),
        ("产出指标", "成本指标", "人均培训成本", "≤600元", "580元", 5, 5, None),
        ("效益指标", "社会效益指标", "从业人员技能提升", "明显提升", "明显提升", 20, 20, None),
        ("效益指标", "可持续影响指标", "长效培训机制", "健全", "健全", 10, 10, None),
        ("满意度指标", "服务对象满意度指标", "参训人员满意度", "≥90%", "85%", 10, 9.44,
         "部分学员对课程安排不满意，下年度优化课程设置")]
CLOSING = [["总分", None, None, None, None, 100, 99.24], ["评分等级", "优"]]


def test_one_header_row_with_jixiao_zhibiao_merged_over_the_three_levels(tmp_path):
    """绩效指标 merged across the 一级/二级/三级 columns, no second header row under it:
    before, “没有找到项目支出绩效自评表” — the file was refused."""
    header = ["绩效指标", None, None, "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
    at = len(HEAD) + 1
    path = grid_book(tmp_path / "t.xlsx", [*HEAD, header, *map(list, ROWS), CLOSING[0][:1] +
                                           [None] * 4 + [100, 99.24], CLOSING[1]],
                     merges=[(at, 1, 0, 2)])
    table, data = checked(path)
    assert codes(data) == []
    assert [(i.level1, i.level2, i.name) for i in table.indicators][:2] == [
        ("产出指标", "数量指标", "培训人数"), ("产出指标", "质量指标", "培训合格率")]
    assert data["total_computed"] == 99.24


def test_a_word_table_whose_names_column_is_headed_jixiao_zhibiao(tmp_path):
    """绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因, the levels written as
    heading rows (一、产出指标 / （一）数量指标 / 1.培训人数): before, refused as no table
    (the same table headed 指标名称 was read)."""
    body = [["绩效指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]]
    seen: set[str] = set()
    first = {"产出指标": "一、", "效益指标": "二、", "满意度指标": "三、"}
    for number, (level1, level2, name, target, actual, weight, score, reason) in \
            enumerate(ROWS, start=1):
        if level1 not in seen:
            seen.add(level1)
            body.append([first[level1] + level1])
        body.append([f"（{number}）{level2}"])
        body.append([f"{number}.{name}", target, actual, weight, score, reason])
    path = grid_book(tmp_path / "t.xlsx", [*HEAD, *body, ["总分", None, None, 100, 99.24],
                                           ["评分等级", "优"]])
    table, data = checked(path)
    assert codes(data) == []
    assert len(table.indicators) == 7 and data["total_computed"] == 99.24


def _standard(path, header, rows):
    return grid_book(path, [*HEAD, header, *rows, CLOSING[0][:1] + [None] * 4 + [100, 99.24],
                            CLOSING[1]])


def test_a_deduction_explained_in_a_defen_yiju_column(tmp_path):
    """No 偏差原因 column; why the score is what it is written in 得分依据 (评分依据,
    打分依据): the reason for the deduction. Before: JX405 “未说明偏差原因”."""
    header = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "得分依据"]
    rows = [[*row[:7], row[7] or "佐证材料齐全，完成指标得满分"] for row in ROWS]
    _, data = checked(_standard(tmp_path / "t.xlsx", header, rows))
    assert codes(data) == []
    rows[-1][-1] = None  # the deduction left unexplained: still JX405
    _, data = checked(_standard(tmp_path / "u.xlsx", header, rows))
    assert codes(data) == ["JX405"]


def test_a_reason_column_named_defen_liyou_is_no_score_column(tmp_path):
    """得分理由 before 得分: a text column, not the score (before: taken as the 得分)."""
    header = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分理由", "得分"]
    rows = [[*row[:6], row[7], row[6]] for row in ROWS]
    _, data = checked(_standard(tmp_path / "t.xlsx", header, rows))
    assert codes(data) == []
    assert [item["score_declared"] for item in data["indicators"]][-1] == 9.44


def test_a_direction_column_on_every_row_qualitative_ones_too(tmp_path):
    """指标方向 (正向/反向) filled on every row, no 指标性质 column (budget-system exports):
    正向 beside 明显提升 adds nothing. Before: “≥明显提升” — JX203, no total."""
    header = ["一级指标", "二级指标", "三级指标", "指标方向", "年度指标值", "实际完成值", "分值", "得分",
              "偏差原因分析及改进措施"]
    rows = [[*row[:3], "反向" if row[3].startswith("≤") else "正向", row[3].lstrip("≥≤"),
             *row[4:]] for row in ROWS]
    grid = [*HEAD, header, *rows, ["总分", None, None, None, None, None, 100, 99.24], ["评分等级", "优"]]
    table, data = checked(grid_book(tmp_path / "t.xlsx", grid))
    assert codes(data) == []
    assert data["total_computed"] == 99.24


def test_a_range_missed_is_named_not_passed_over(tmp_path):
    """A 完成值 outside a range 指标值 (3-5次 done 2次, scored 6.67 by the unit): the rules
    give no score, a person does — JX410 names the row. Before: “未发现问题”, total 99.24
    as if checked."""
    rows = [*ROWS[:3], ("产出指标", "数量指标", "督导检查次数", "3-5次", "2次", 5, 3.33,
                        "人员调整，检查次数不足"), *ROWS[4:]]
    header = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
              "偏差原因分析及改进措施"]
    path = grid_book(tmp_path / "t.xlsx", [*HEAD, header, *map(list, rows),
                                           ["总分", None, None, None, None, 100, 97.57],
                                           ["评分等级", "优"]])
    _, data = checked(path)
    found = [item for item in data["findings"] if item["code"] == "JX410"]
    assert found and "督导检查次数" in found[0]["message"] and "3-5次" in found[0]["message"]


def _money_table(path, lines):
    """HEAD's money block with ``lines`` (label, 年初, 全年预算, 全年执行) under 年度资金总额
    1000 / 1000 / 980, then ROWS."""
    money = [HEAD[4], ["年度资金总额", 1000, 1000, 980, 10, "98%", 9.8],
             *[[label, *amounts] for label, *amounts in lines]]
    header = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
              "偏差原因分析及改进措施"]
    return grid_book(path, [*HEAD[:4], *money, header, *map(list, ROWS),
                            ["总分", None, None, None, None, 100, 99.24], ["评分等级", "优"]])


def test_government_bonds_listed_under_the_fiscal_appropriation(tmp_path):
    """专项债 projects: 当年财政拨款 600 = 一般公共预算 200 + 专项债券 400, then 上年结转 400:
    the bonds are part of the appropriation. Before: taken as a line of their own beside
    it — JX304 “各明细合计 1400” in all three columns of a correct table."""
    for bonds in ("专项债券", "其中：地方政府专项债券", "新增债券资金", "抗疫特别国债"):
        path = _money_table(tmp_path / f"{bonds[-2:]}.xlsx", [
            ("其中：当年财政拨款", 600, 600, 590), ("其中：一般公共预算", 200, 200, 190),
            (bonds, 400, 400, 400), ("上年结转资金", 400, 400, 390), ("其他资金", 0, 0, 0)])
        _, data = checked(path)
        assert codes(data) == [], bonds
    wrong = _money_table(tmp_path / "wrong.xlsx", [
        ("其中：当年财政拨款", 600, 600, 590), ("其中：一般公共预算", 200, 200, 190),
        ("专项债券", 300, 300, 300), ("上年结转资金", 400, 400, 390), ("其他资金", 0, 0, 0)])
    _, data = checked(wrong)
    assert codes(data) == ["JX304"] * 3  # 200 + 300 is not the 600 of the appropriation


def test_one_qizhong_line_is_part_of_the_line_above(tmp_path):
    """当年财政拨款 600, 其中：中央资金 400 (of which), 上年结转 400: one 其中 line is a part,
    not the whole. Before: JX304 “按来源分列的合计 400，当年财政拨款为 600” three times.
    More than the line above is still wrong."""
    _, data = checked(_money_table(tmp_path / "t.xlsx", [
        ("其中：当年财政拨款", 600, 600, 590), ("其中：中央资金", 400, 400, 400),
        ("上年结转资金", 400, 400, 390), ("其他资金", 0, 0, 0)]))
    assert codes(data) == []
    _, data = checked(_money_table(tmp_path / "u.xlsx", [
        ("其中：当年财政拨款", 600, 600, 590), ("其中：中央资金", 700, 700, 690),
        ("上年结转资金", 400, 400, 390), ("其他资金", 0, 0, 0)]))
    assert codes(data) == ["JX304"] * 3


def _closing(path, closing):
    header = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
              "偏差原因分析及改进措施"]
    grid = [*HEAD, header, *map(list, ROWS), *closing]
    return grid_book(path, grid, merges=[(len(HEAD) + len(ROWS) + 2 + at, 2, 0, 6)
                                         for at, line in enumerate(closing)
                                         if line[0] not in ("总分", "评分等级")])


def test_a_conclusion_between_the_total_and_the_grade(tmp_path):
    """总分 | 自评结论 | <sentence> | 评分等级 | 良: the grade is the 评分等级 row's (良 for
    99.24 is wrong: JX502). Before: the 自评结论 row was taken for the grade row, the grade
    read as none and never checked."""
    _, data = checked(_closing(tmp_path / "t.xlsx", [
        ["总分", None, None, None, None, 100, 99.24],
        ["自评结论", "满意度未达目标，已优化课程"], ["评分等级", "良"]]))
    assert codes(data) == ["JX502"] and data["grade_declared"] == "良"


def test_a_reason_row_above_the_total(tmp_path):
    """偏差原因分析及改进措施 | <text> between the last indicator and the 总分 (总分 97 for
    99.24: JX501). Before: that row ended the table; 总分 and 等级 were not read at all."""
    _, data = checked(_closing(tmp_path / "t.xlsx", [
        ["偏差原因分析及改进措施", "满意度未达目标，下年度优化课程设置"],
        ["总分", None, None, None, None, 100, 97], ["评分等级", "优"]]))
    assert codes(data) == ["JX501"]
    assert (data["total_declared"], data["grade_declared"]) == (97, "优")
