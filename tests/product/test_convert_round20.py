"""Round 20 (red team rt20a): ``jixiao convert`` — a 评分附件表's money on a sheet of its
own listing the project (项目名称 | 全年预算数 | 全年执行数 | 执行率), its 预算执行率 row
under 产出 moved into the money block once, declared scores the template recomputes
told, the 年度总体目标 in one row kept whole, a 四川 table's actuals with their unit, and
the template's own ⚠ in its grade cell no declared grade (each test fails on ff75f65)."""

import json

from test_real_shapes import checked
from workbooks import Book, Percent

from jixiao.cli.main import main
from jixiao.read.by_names import read_template

PROJECT = "职业技能培训补贴项目"
_ANNEX_ROWS = [
    ("产出指标", "培训人数", 20, "≥1200人", "1150人", 19.17, "部分学员推迟报名，下年加强宣传"),
    ("产出指标", "培训合格率", 20, "≥95%", "97.5%", 20, None),
    ("产出指标", "人均培训成本", 10, "≤1500元", "1650元", 9, "教材涨价，下年集中采购"),
    ("效益指标", "带动就业人数", 15, "≥500人", "520人", 15, None),
    ("效益指标", "政策知晓度", 15, "明显提升", "达成", 15, None),
    ("满意度指标", "培训对象满意度", 10, "≥95%", "85%", 8.95, "部分学员对课时安排不满意，下年调整"),
]


def _annex(path, rate_level1="预算执行率", money_name=PROJECT, money=True):
    """A 评分附件表 (一级 | 三级 | 权重 | 目标值 | 业绩值 | 评分结果 | 备注) whose 预算执行率
    row (10 points, 94.44 %) stands under ``rate_level1``; the money, 1250 / 1180.5, on a
    sheet of its own as a one-project list labelled ``money_name``."""
    book = Book()
    sheet = book.sheet("评分表")
    sheet.line(f"{PROJECT}绩效自评评分表（2024年度）")
    sheet.line("项目名称", PROJECT)
    sheet.line("一级指标", "三级指标", "权重", "目标值", "业绩值", "评分结果", "备注")
    for row in _ANNEX_ROWS:
        sheet.line(*row)
    sheet.line(rate_level1, "预算执行率", 10, "100%", "94.44%", 9.44, "部分结余资金下年使用")
    sheet.line("总分", None, 100, None, None, 96.56)
    sheet.line("评价等级", None, None, None, None, "优")
    if money:
        funds = book.sheet("资金情况")
        funds.line("项目资金情况（万元）")
        funds.line("项目名称", "全年预算数", "全年执行数", "执行率")
        funds.line(money_name, 1250, 1180.5, Percent(0.9444))
    return book.save(path)


def _convert(capsys, source, out, *options):
    code = main(["convert", str(source), "-o", str(out), *map(str, options)])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    return code, captured.out, captured.err


def _check_json(capsys, path):
    main(["check", str(path), "--json"])
    return json.loads(capsys.readouterr().out)


# ------------------------------------------------------------ 1. the money on a sheet of its own

def test_a_one_project_money_list_on_its_own_sheet_is_the_money(tmp_path, capsys):
    """项目名称 | 全年预算数 | 全年执行数 | 执行率 over the project's one line: before, no
    money (a list of projects), and convert stopped at “二级指标“”不在标准模板中”."""
    _, data = checked(_annex(tmp_path / "a.xlsx"))
    assert (data["funds"]["budget"], data["funds"]["executed"]) == (1250, 1180.5)
    assert data["funds"]["rate_declared"] == 94.44
    out = tmp_path / "模板.xlsx"
    code, text, _ = _convert(capsys, tmp_path / "a.xlsx", out)
    assert code == 0 and "“预算执行率”行（10 分）改由模板的资金栏按执行率计分" in text
    table = read_template(out)
    assert (table.funds.total.budget, table.funds.total.executed, table.funds.weight) == (
        1250, 1180.5, 10)
    assert table.funds.reason == "部分结余资金下年使用"
    assert len(table.indicators) == 6


def test_a_money_list_naming_another_project_is_not_this_ones(tmp_path):
    _, data = checked(_annex(tmp_path / "a.xlsx", money_name="另一个项目"))
    assert data["funds"]["budget"] is None


def test_convert_without_the_money_says_so(tmp_path, capsys):
    code, _, err = _convert(capsys, _annex(tmp_path / "a.xlsx", money=False),
                            tmp_path / "o.xlsx")
    assert code == 2
    assert "“预算执行率”行在标准模板中由资金栏按执行率计分，但原表中没有找到资金情况" in err
    assert "二级指标" not in err


# ------------------------------------------------------------ 2. the rate row under 产出

def test_a_rate_row_under_output_moves_into_the_money_block_once(tmp_path, capsys):
    """预算执行率 under 一级 产出, its 10 points among the 100: before, kept as an indicator
    and the template's money block scored 10 more (JX101 110), the money left empty."""
    source = _annex(tmp_path / "a.xlsx", rate_level1="产出指标")
    out = tmp_path / "模板.xlsx"
    code, text, _ = _convert(capsys, source, out)
    assert code == 0 and "“预算执行率”行（10 分）改由模板的资金栏按执行率计分" in text
    table = read_template(out)
    assert [i.name for i in table.indicators] == [row[1] for row in _ANNEX_ROWS]
    assert (table.funds.total.budget, table.funds.total.executed, table.funds.weight) == (
        1250, 1180.5, 10)
    recalculated = tmp_path / "重算.xlsx"
    assert main(["recalc", str(out), "-o", str(recalculated)]) == 0
    capsys.readouterr()
    data = _check_json(capsys, recalculated)
    assert (data["weight_total"], data["total_computed"], data["grade_computed"]) == (
        100, 96.56, "优")
    assert [f["code"] for f in data["findings"]] == []


# ------------------------------------------------------------ 3. declared scores the template recomputes

_STD_ROWS = [
    ("产出指标", "数量指标（20分）", "培训人数", "≥1200人", "1150人", 10, 9.58,
     "部分学员推迟报名，下年加强宣传"),
    ("产出指标", "数量指标（20分）", "培训班次", "≥40期", "42期", 10, 10, None),
    ("产出指标", "质量指标（15分）", "培训合格率", "≥95%", "97.5%", 15, 15, None),
    ("产出指标", "成本指标（15分）", "人均培训成本", "≤1500元", "1650元", 15, 13.5,
     "教材涨价，下年集中采购"),
    ("效益指标", "社会效益指标（30分）", "带动就业人数", "≥500人", "520人", 15, 15, None),
    ("效益指标", "社会效益指标（30分）", "政策知晓度", "明显提升", "达成", 15, 15, None),
    ("满意度指标", "服务对象满意度指标（10分）", "培训对象满意度", "≥95%", "85%", 10, 8.95,
     "部分学员对课时安排不满意，下年调整"),
]


def _std(path, rows=_STD_ROWS, total=96.47, grade="优", goal_rows=None):
    """A standard table (money 1250 / 1180.5, 10 points, 9.44; indicators 90 points, the
    rule's 87.03): its 年度总体目标 as ``goal_rows`` give it, by default in one row."""
    book = Book()
    sheet = book.sheet("Sheet1")
    sheet.title("项目支出绩效自评表（2024年度）")
    sheet.line("项目名称", PROJECT)
    sheet.line("主管部门", "某县人力资源和社会保障局", None, None, None, "实施单位", "某县就业服务中心")
    sheet.line("项目资金（万元）", None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率",
               "得分")
    sheet.line("年度资金总额", None, 1250, 1250, 1180.5, 10, Percent(0.9444), 9.44)
    sheet.line("其中：当年财政拨款", None, 1000, 1000, 950, None, Percent(0.95))
    sheet.line("上年结转资金", None, 250, 250, 230.5, None, Percent(0.922))
    for goal in goal_rows or [("年度总体目标", "预期目标：完成职业技能培训1200人", None, None,
                               None, "实际完成情况：完成培训1150人")]:
        sheet.line(*goal)
    sheet.indicators(rows)
    sheet.total(100, total)
    sheet.grade(grade)
    return book.save(path)


def test_convert_tells_each_declared_score_it_does_not_keep(tmp_path, capsys):
    """满意度 declared 7 (the rule: 8.95), the 总分 94.52 and the grade 良 (the rule's:
    96.47, 优), 数量指标（25分） over 20 points: before, the template's scores replaced
    them without a word, and the original's JX404, JX501, JX502 and JX103 were gone."""
    rows = [list(row) for row in _STD_ROWS]
    rows[0][1] = rows[1][1] = "数量指标（25分）"
    rows[6][6] = 7
    source = _std(tmp_path / "bad.xlsx", rows, total=94.52, grade="良")
    code, text, _ = _convert(capsys, source, tmp_path / "o.xlsx")
    assert code == 0
    assert text.splitlines()[1:] == [
        "  注意：模板按规则计算得分，原表的以下内容未照原样转入：",
        "    “培训对象满意度”得分原表为 7，模板按财政部规则计为 8.95",
        "    总分原表为 94.52，模板计为 96.47",
        "    评分等级原表为“良”，模板评为“优”",
        "    原表“数量指标”标明 25 分，其下各指标分值合计 20 分；模板的二级指标标题不写分值"]


def test_convert_of_a_table_scored_by_the_rules_tells_nothing(tmp_path, capsys):
    code, text, _ = _convert(capsys, _std(tmp_path / "t.xlsx"), tmp_path / "o.xlsx")
    assert code == 0 and len(text.splitlines()) == 1
    code, text, _ = _convert(capsys, _annex(tmp_path / "a.xlsx"), tmp_path / "a-o.xlsx")
    assert code == 0 and len(text.splitlines()) == 2  # the rate row's note alone


# ------------------------------------------------------------ 4. the 年度总体目标 in one row

def test_a_goal_in_one_row_naming_its_parts_keeps_both(tmp_path):
    """年度总体目标 | 预期目标：… | … | 实际完成情况：…: before, the whole first text the
    预期目标 and the 实际完成情况 lost (the template's G11 empty)."""
    out = tmp_path / "o.xlsx"
    assert main(["convert", str(_std(tmp_path / "t.xlsx")), "-o", str(out)]) == 0
    project = read_template(out).project
    assert (project.goal_expected, project.goal_actual) == ("完成职业技能培训1200人",
                                                            "完成培训1150人")
    two_rows = _std(tmp_path / "two.xlsx", goal_rows=[
        ("年度总体目标", "预期目标", None, None, None, "实际完成情况"),
        (None, "完成职业技能培训1200人", None, None, None, "完成培训1150人")])
    assert main(["convert", str(two_rows), "-o", str(tmp_path / "o2.xlsx")]) == 0
    project = read_template(tmp_path / "o2.xlsx").project
    assert (project.goal_expected, project.goal_actual) == ("完成职业技能培训1200人",
                                                            "完成培训1150人")


# ------------------------------------------------------------ 5. a 四川 table's actuals with their unit

_SICHUAN_ROWS = [
    ("产出指标", "数量指标", "培训人数", "≥", 1200, "人", 30, 1150, "部分学员推迟报名"),
    ("产出指标", "质量指标", "培训合格率", "≥", 95, "%", 20, 0.975, None),
    ("效益指标", "社会效益指标", "政策知晓度", "定性", "明显提升", None, 30, "达成", None),
    ("满意度指标", "服务对象满意度指标", "培训对象满意度", "≥", 95, "%", 10, 85,
     "部分学员对课时安排不满意"),
]


def test_sichuan_actuals_in_percent_carry_the_unit(tmp_path, capsys):
    """度量单位 % beside a bare 0.975 and 85: before, the template got ≥95% | 0.975 and
    ≥95% | 85, and JX409 said “完成值 85”."""
    from workbooks import sichuan

    source = sichuan(tmp_path / "s.xlsx", rows=_SICHUAN_ROWS)
    _, data = checked(source)
    assert [f["message"] for f in data["findings"] if f["code"] == "JX409"][-1] == (
        "“培训对象满意度”未达到指标值（指标值 ≥95%，完成值 85%）；按四川省规则得 8.95 分（满分 10）")
    out = tmp_path / "o.xlsx"
    assert main(["convert", str(source), "-o", str(out)]) == 0
    table = read_template(out)
    assert [(i.target, i.actual) for i in table.indicators] == [
        ("≥1200人", "1150人"), ("≥95%", "97.5%"), ("明显提升", "达成"), ("≥95%", "85%")]


# ------------------------------------------------------------ 6. the template's ⚠ in its grade cell

def test_the_templates_own_warning_in_its_grade_cell_is_no_declared_grade(tmp_path, capsys):
    """A converted 四川 table whose 权重 total 70 (80 with the 执行率's 10), recalculated:
    the grade formula shows “⚠ 分值合计 80，不是 100，不评等级”. Before, check printed
    that as the grade 填报; it is the template's word, no grade declared."""
    from workbooks import sichuan

    rows = [list(row) for row in _SICHUAN_ROWS]
    rows[2][6] = 10  # 政策知晓度 10 points, not 30: the 权重 total 70
    source = sichuan(tmp_path / "s.xlsx", rows=rows)
    for formulas in ("native", "addin"):
        out, recalculated = tmp_path / f"{formulas}.xlsx", tmp_path / f"{formulas}-重算.xlsx"
        assert main(["convert", str(source), "-o", str(out), "--formulas", formulas]) == 0
        assert main(["recalc", str(out), "-o", str(recalculated)]) == 1  # the ⚠ named
        capsys.readouterr()
        assert main(["check", str(recalculated)]) == 1
        text = capsys.readouterr().out
        assert "评分等级 填报 — / 计算 —（分值合计 80，不是 100，不评等级）" in text
        data = _check_json(capsys, recalculated)
        # 28.75 (30 × 1150/1200) + 20 + 10 + 8.95 (10 × 85/95) + 7.5 (10 × 75 %)
        assert (data["grade_declared"], data["total_declared"]) == (None, 75.2)
        assert [f["code"] for f in data["findings"]] == ["JX101", "JX306"]  # 75 %, no 原因
