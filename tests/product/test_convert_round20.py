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
