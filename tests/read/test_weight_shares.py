"""权重 written as decimal shares beside the 执行率's points written plainly
(``read.shares.read_weight_shares``): the money's 分值 10 (or a 预算执行率 row's 10) and
indicators 0.3, 0.2, 0.15, 0.15, 0.1 — 10 + 0.9 × 100 = 100 — are 30, 20, 15, 15 and 10
points; a column whose shares leave the 100 short (0.8) is still JX101.

The table (hand-computed, 财政部 rules):
  执行率 95 / 100 = 95 %: 10 × 0.95 = 9.5
  培训人次 ≥1000人次, 950: 30 × 950 / 1000 = 28.5
  培训合格率 ≥95%, 96%: 20
  学员技能提升 明显, 达成: 15;  长效机制 健全, 达成: 15
  学员满意度 ≥90%, 85%: 10 × 85 / 90 = 9.44
  总分 9.5 + 28.5 + 20 + 15 + 15 + 9.44 = 97.44, 优."""

import json

import pytest
from workbooks import ATTACHMENT, STANDARD, Book, Formula, Percent, standard, standard_sheet

from jixiao.pipeline import check_workbook
from jixiao.report.json import json_report

HEADER = tuple("权重" if name == "分值" else name for name in STANDARD)
NO_POINTS_MONEY = ("年初预算数", "全年预算数(A)", "全年执行数(B)", "执行率(B/A)")
SHARES = (0.3, 0.2, 0.15, 0.15, 0.1)
POINTS = (28.5, 20, 15, 15, 9.44)
MEASURES = [("产出指标", "数量指标", "培训人次", "≥1000人次", "950人次"),
            ("产出指标", "质量指标", "培训合格率", "≥95%", "96%"),
            ("效益指标", "社会效益指标", "学员技能提升", "明显", "达成指标"),
            ("效益指标", "可持续影响指标", "长效机制", "健全", "达成指标"),
            ("满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "85%")]
REASONS = ("部分学员因病未到课", None, None, None, "培训场地偏远，满意度未达目标")


def _rows(weights=SHARES, scores=POINTS):
    return [(*measure, weight, score, reason) for measure, weight, score, reason
            in zip(MEASURES, weights, scores, REASONS, strict=True)]


def _table(path, weights=SHARES, scores=POINTS, money_weight=10, money_score=9.5,
           total=(100, 97.44)):
    money = [("年度资金总额", 100, 100, 95, money_weight, "95%", money_score),
             ("其中：当年财政拨款", 100, 100, 95, "—", "95%", "—")]
    return standard(path, rows=_rows(weights, scores), header=HEADER, money=money, total=total)


def _checked(path):
    result = check_workbook(path)
    assert result.error is None, result.error
    [checked] = result.tables
    data = json.loads(json_report([result]))  # one table: its object
    return checked.table, data["total_computed"], \
        [(item["code"], item["cell"], item["message"]) for item in data["findings"]]


def test_shares_of_the_90_beside_the_money_10_are_points(tmp_path):
    """Before: JX101 分值合计为 10.9, three JX102, five JX401, JX402 …"""
    table, total, found = _checked(_table(tmp_path / "t.xlsx"))
    assert [i.weight for i in table.indicators] == [30, 20, 15, 15, 10]
    assert table.funds.weight == 10 and table.funds_weight_source == "money"
    assert total == 97.44 and found == []


def test_a_score_off_the_rules_is_reported_on_the_100_scale(tmp_path):
    """培训人次 written at full marks 30 for 950 of 1000: 28.5 by the rules (JX402)."""
    scores = (30, *POINTS[1:])
    table, total, found = _checked(_table(tmp_path / "t.xlsx", scores=scores,
                                          total=(100, 98.94)))
    assert total == 97.44
    assert [code for code, _, _ in found] == ["JX402"]
    assert found[0][2].endswith("却得满分 30，按财政部规则应为 28.5"
                                "（正向指标：分值 × 实际完成值 ÷ 年度指标值）")


def test_the_money_10_where_the_table_lists_no_points_for_it(tmp_path):
    """A money block without 分值 column: the rule set's 10 (四川's 90 + 10) + 0.9 × 100."""
    book = Book()
    standard_sheet(book.sheet(), rows=_rows(), header=HEADER, money_header=NO_POINTS_MONEY,
                   money=[("年度资金总额", 100, 100, 95, "95%")], total=(100, 97.44))
    table, total, found = _checked(book.save(tmp_path / "t.xlsx"))
    assert table.funds_weight_source == "rules"
    assert [i.weight for i in table.indicators] == [30, 20, 15, 15, 10]
    assert total == 97.44 and found == []


def test_a_budget_rate_row_with_its_10_beside_shares(tmp_path):
    """评分附件表: 预算执行率 | 预算执行率 | 10 | 100% | 95% | 9.5, the rest 0.3 … 0.1."""
    book = Book()
    money = book.sheet("资金情况")
    money.project("某某培训项目", "某县人力资源和社会保障局")
    money.money([("年度资金总额", 100, 95, Percent(0.95))],
                header=("全年预算数", "全年执行数", "执行率"), label="资金")
    sheet = book.sheet("评分附件表")
    rows = [("预算执行率", "预算执行率", 10, "100%", "95%", 9.5, "年底尾款未付")]
    rows += [(measure[0], measure[2], weight, measure[3], measure[4], score, reason)
             for measure, weight, score, reason in zip(MEASURES, SHARES, POINTS, REASONS,
                                                       strict=True)]
    sheet.indicators(rows, header=ATTACHMENT, lead=None)
    sheet.total(100, 97.44, label="合计")
    table, total, found = _checked(book.save(tmp_path / "a.xlsx"))
    assert [i.weight for i in table.indicators] == [10, 30, 20, 15, 15, 10]
    assert total == 97.44 and found == []


def test_the_whole_column_in_shares_the_money_0_1_as_before(tmp_path):
    table, total, found = _checked(_table(tmp_path / "t.xlsx", money_weight=0.1, total=(1, 97.44)))
    assert [i.weight for i in table.indicators] == [30, 20, 15, 15, 10]
    assert table.funds.weight == 10 and total == 97.44 and found == []


def test_shares_that_leave_the_100_short_are_still_jx101(tmp_path):
    """0.3 + 0.2 + 0.1 + 0.1 + 0.1 = 0.8: 10 + 80 = 90, not 100 — left as written."""
    table, _, found = _checked(_table(tmp_path / "t.xlsx", weights=(0.3, 0.2, 0.1, 0.1, 0.1)))
    assert [i.weight for i in table.indicators] == [0.3, 0.2, 0.1, 0.1, 0.1]
    assert ("JX101", "G14", "分值合计为 10.8（各指标 0.8 + 执行率 10），应为 100") in found


def test_scores_in_the_same_shares_leave_the_weights_as_written(tmp_path):
    """得分 0.285 … beside 权重 0.3 … (total 0.8794 ≤ 0.9): as with shares totalling 1, no
    points say the 权重 are not on the table's own scale."""
    scores = (0.285, 0.2, 0.15, 0.15, 0.0944)
    table, _, found = _checked(_table(tmp_path / "t.xlsx", scores=scores))
    assert [i.weight for i in table.indicators] == list(SHARES)
    assert ("JX101", "G14", "分值合计为 10.9（各指标 0.9 + 执行率 10），应为 100") in found


def test_no_scores_beside_the_money_10_written_in_the_table(tmp_path):
    """No 得分 yet (a 目标表 filled in): the money's written 10 alone sets the scale."""
    table, total, found = _checked(_table(tmp_path / "t.xlsx", scores=(None,) * 5,
                                          money_score=None, total=(100, None)))
    assert [i.weight for i in table.indicators] == [30, 20, 15, 15, 10]
    assert total == 97.44 and not [item for item in found if item[0] == "JX101"]


def _summed(path, written_total, written_sum=None):
    """The table with its 总分 row's 权重 written ``written_total`` (a formula over the
    column, its result cached), under a 合计 row =SUM(G9:G13) cached ``written_sum`` (its
    得分 87.94, the indicators' without the 执行率's 9.5)."""
    book = Book()
    sheet = standard_sheet(book.sheet(), rows=_rows(), header=HEADER, total=None, grade=None,
                           money=[("年度资金总额", 100, 100, 95, 10, "95%", 9.5),
                                  ("其中：当年财政拨款", 100, 100, 95, "—", "95%", "—")])
    if written_sum is not None:
        sheet.total(Formula("=SUM(G9:G13)", written_sum), Formula("=SUM(H9:H13)", 87.94),
                    label="合计")
    sheet.total(written_total, 97.44)
    sheet.grade("优")
    return book.save(path)


@pytest.mark.parametrize("written", [Formula("=SUM(G9:G13)+F6", 10.9),
                                     Formula("=SUM(G9:G13)", 0.9), 1])
def test_the_weight_total_summed_over_the_shares_as_written(tmp_path, written):
    """Before: JX101 分值合计写为 10.9（0.9），各指标与执行率分值之和为 100: the sum
    over the column as written — 10 + 0.9, or the shares' 0.9 — states the 100 too."""
    table, total, found = _checked(_summed(tmp_path / "t.xlsx", written))
    assert [i.weight for i in table.indicators] == [30, 20, 15, 15, 10]
    assert total == 97.44 and found == []


def test_a_subtotal_row_summing_the_shares_as_written(tmp_path):
    """Before: JX103 小计行“合计”分值 0.9，所汇总的 5 项指标分值合计 90 (and JX101 on
    the 总分 row's 10.9)."""
    path = _summed(tmp_path / "t.xlsx", Formula("=G14+F6", 10.9), written_sum=0.9)
    table, total, found = _checked(path)
    assert [i.weight for i in table.indicators] == [30, 20, 15, 15, 10]
    assert [s.weight for s in table.subtotals] == [0.9]
    assert total == 97.44 and found == []


@pytest.mark.parametrize(("written", "shown"), [(0.8, "0.8"), (95, "95"), (10.8, "10.8")])
def test_a_weight_total_matching_neither_scale_is_still_jx101(tmp_path, written, shown):
    _, _, found = _checked(_summed(tmp_path / "t.xlsx", written))
    assert found == [("JX101", "G14", f"分值合计写为 {shown}，各指标与执行率分值之和为 100"
                                      "（各指标 90 + 执行率 10）")]


def test_a_subtotal_matching_neither_scale_is_still_jx103(tmp_path):
    _, _, found = _checked(_summed(tmp_path / "t.xlsx", 100, written_sum=0.8))
    assert found == [("JX103", "G14", "小计行“合计”分值 0.8，所汇总的 5 项指标分值合计 90")]
