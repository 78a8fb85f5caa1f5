"""A 第三方评价 得分表 (分值 and 得分 only, no 指标值 or 完成值) whose 过程 | 资金管理 |
预算执行率 row is scored 分值 × 执行率 by the money the workbook gives — a block above the
table, a sheet of its own (rt29 r5 tp13, tp13b, tp13c) — as a 评分附件表's 预算执行率 row is:
before, the row was taken at its written 得分 (full marks at 70 %) and nothing was said."""

import json

from workbooks import THIRD_PARTY, Book

from jixiao.cli.main import main
from jixiao.pipeline import check_workbook
from jixiao.report.json import json_report

# 决策 20 of 22, 过程 预算执行率 10 and 资金使用合规性 8, 产出 38 of 40, 效益 20: the written
# scores add up to 96 with the rate row at full marks
ROWS = [("项目决策", "项目立项", "立项依据充分性", "…", 22, 20),
        ("项目过程", "资金管理", "预算执行率", "…", 10, 10),
        (None, None, "资金使用合规性", "…", 8, 8),
        ("项目产出", "产出数量", "实际完成率", "…", 40, 38),
        ("项目效益", "项目效益", "满意度", "…", 20, 20)]
TITLE = "附件1：博湖县医保信息化建设经费项目绩效评价指标体系及评分表"


def _rows(rate_score):
    rows = [list(row) for row in ROWS]
    rows[1][5] = rate_score
    return [tuple(row) for row in rows]


def _money_above(path, rate_score=10, total=96, executed=70):
    """The money block above the index system: 全年预算数 100, 全年执行数 ``executed``."""
    book = Book()
    sheet = book.sheet("评分表")
    sheet.title(TITLE)
    sheet.project("博湖县医保信息化建设经费项目")
    sheet.money([("年度资金总额", 100, 100, executed, f"{executed}%")],
                header=("年初预算数", "全年预算数", "全年执行数", "执行率"))
    sheet.blank()
    sheet.indicators(_rows(rate_score), header=THIRD_PARTY, lead=None)
    sheet.total(100, total, label="合计")
    sheet.grade("优", label="评价等级")
    return book.save(path)


def _money_sheet(path, by_rows=False):
    """The money on a sheet of its own before the index system's: a list of one project
    (项目名称 | 年初预算数 | 全年预算数 | 全年执行数 | 执行率), or labels down the rows
    (``by_rows``: 全年预算数 | 100, 全年执行数 | 70, 预算执行率 | 70%)."""
    book = Book()
    money = book.sheet("资金情况")
    money.line("项目资金使用情况表")
    money.line("单位：万元")
    if by_rows:
        money.line("项目", "金额")
        money.line("全年预算数", 100)
        money.line("全年执行数", 70)
        money.line("预算执行率", "70%")
    else:
        money.line("项目名称", "年初预算数", "全年预算数", "全年执行数", "执行率")
        money.line("博湖县医保信息化建设经费项目", 100, 100, 70, "70%")
    sheet = book.sheet("评分表")
    sheet.title(TITLE)
    sheet.indicators(ROWS, header=THIRD_PARTY, lead=None)
    sheet.total(100, 96, label="合计")
    sheet.grade("优", label="评价等级")
    return book.save(path)


def _checked(path):
    [result] = [check_workbook(path)]
    assert result.error is None, result.error
    [checked] = result.tables
    return checked, json.loads(json_report([result]))


def _found(data, code):
    return [(item["cell"], item["message"]) for item in data["findings"] if item["code"] == code]


def test_full_marks_at_a_rate_of_70_percent_above_the_table(tmp_path, capsys):
    """tp13b: 100 / 70 above the table, the row 10 of 10: 10 × 70 % = 7 (JX402, the score
    of a rate that fell short), the 总分 20 + 7 + 8 + 38 + 20 = 93, not the 96 written."""
    checked, data = _checked(_money_above(tmp_path / "t.xlsx"))
    assert data["layout"] == "third_party"
    assert data["funds"]["rate"] == 70.0
    rate_row = data["indicators"][1]
    assert (rate_row["name"], rate_row["score_computed"]) == ("预算执行率", 7.0)
    assert checked.evaluation.total == 93.0
    [(cell, message)] = _found(data, "JX402")
    assert cell == "F8"  # title, 项目名称, money header and line, a blank, header: row 8
    assert message == ("“预算执行率”执行率 70%，不到 100%，却得满分 10，按财政部规则应为 7（预算执行率："
                       "分值 × 执行率，执行率按全年执行数 ÷ 全年预算数为 70%）；总分 96 随之应为 93")
    assert "JX404" not in [item["code"] for item in data["findings"]]
    main(["check", str(tmp_path / "t.xlsx")])
    out = capsys.readouterr().out
    assert "总分 填报 96 / 计算 93" in out


def test_a_deduction_short_of_the_rate_is_the_rules_warning(tmp_path):
    """The row 8 of 10 at 70 %: not full marks, still not 7 (JX404); 总分 94 written."""
    checked, data = _checked(_money_above(tmp_path / "t.xlsx", rate_score=8, total=94))
    assert [cell for cell, _ in _found(data, "JX404")] == ["F8"]
    assert "应为 7（预算执行率：分值 × 执行率" in _found(data, "JX404")[0][1]
    assert _found(data, "JX404")[0][1].endswith("总分 94 随之应为 93")
    assert "JX402" not in [item["code"] for item in data["findings"]]
    assert checked.evaluation.total == 93.0


def test_the_rates_score_written_right_is_no_finding(tmp_path):
    """The row 7 of 10 at 70 % and the 总分 93: nothing to say of the score or the total."""
    checked, data = _checked(_money_above(tmp_path / "t.xlsx", rate_score=7, total=93))
    codes = {item["code"] for item in data["findings"]}
    assert not codes & {"JX402", "JX404", "JX501"}
    assert checked.evaluation.total == 93.0


def test_a_rate_of_100_percent_keeps_the_full_marks(tmp_path):
    """100 / 100 spent: 10 × 100 % = 10, the 总分 the 96 written."""
    checked, data = _checked(_money_above(tmp_path / "t.xlsx", executed=100))
    assert data["indicators"][1]["score_computed"] == 10.0
    assert checked.evaluation.total == 96.0
    assert not {item["code"] for item in data["findings"]} & {"JX402", "JX404", "JX501"}


def test_a_money_sheet_listing_the_project_scores_the_row(tmp_path):
    """tp13: 资金情况 | 博湖县… | 100 | 100 | 70 | 70% on a sheet of its own."""
    checked, data = _checked(_money_sheet(tmp_path / "t.xlsx"))
    assert data["funds"]["rate"] == 70.0
    assert data["indicators"][1]["score_computed"] == 7.0
    assert [cell for cell, _ in _found(data, "JX402")] == ["F4"]
    assert checked.evaluation.total == 93.0


def test_a_money_sheet_by_rows_scores_the_row(tmp_path):
    """tp13c: 全年预算数 | 100, 全年执行数 | 70, 预算执行率 | 70% down a sheet of its own."""
    checked, data = _checked(_money_sheet(tmp_path / "t.xlsx", by_rows=True))
    assert data["funds"]["rate"] == 70.0
    assert data["indicators"][1]["score_computed"] == 7.0
    assert [cell for cell, _ in _found(data, "JX402")] == ["F4"]
    assert checked.evaluation.total == 93.0
