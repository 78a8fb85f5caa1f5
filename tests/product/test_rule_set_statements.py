"""How a workbook states its 评分规则 (rt24 x3): 比例法 is a rule set only where it is named
and chosen; 四川 titles and notes in their other wordings. Each case failed on 2d59ffd."""

import pytest
from test_real_shapes import checked, codes
from test_real_shapes_round16 import CLOSING, HEAD, ROWS
from workbooks import grid_book

from jixiao.model import Source

INDICATOR_HEADER = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                    "偏差原因分析及改进措施"]


def _book(path, score, total, title="项目支出绩效自评表", above=(), below=(), points=10,
          executed=98, rate="98%", exec_score=9.8):
    """HEAD with ``title``, ``above`` lines under the year, the 人均培训成本 row over its
    ≤600元 (750元 done) scored ``score`` — ratio 4 (10 × 600/750 of 5), mof2020 3.75 —,
    ``below`` lines under the 评分等级."""
    rows = [list(row) for row in ROWS]
    rows[3][4], rows[3][6], rows[3][7] = "750元", score, "物价上涨，成本超支"
    money = [HEAD[4], ["年度资金总额", 100, 100, executed, points, rate, exec_score]]
    closing = [CLOSING[0][:1] + [None] * 4 + [100, total], CLOSING[1]]
    grid = [[title], HEAD[1], *map(list, above), *HEAD[2:4], *money, INDICATOR_HEADER, *rows,
            *closing, *map(list, below)]
    return grid_book(path, grid)


@pytest.mark.parametrize(("stated", "cell"), [
    ({"above": [["评分办法", "比例法"]]}, "B3"),
    ({"above": [["评分标准", "比例法"]]}, "B3"),
    ({"above": [["（本表采用比例法评分）"]]}, "A3"),
    ({"below": [["注：本表各指标按比例法评分。"]]}, "A17"),
])
def test_bilifa_stated_by_other_labels_or_a_line_about_the_table_is_ratio(tmp_path, stated, cell):
    """Was: mof2020 — JX404 “按财政部规则应为 3.75” on a correct ratio table."""
    table, data = checked(_book(tmp_path / "t.xlsx", 4, 98.24, **stated))
    assert (table.rules.name, table.sources["rules"], codes(data)) == (
        "ratio", Source("表", cell), [])


@pytest.mark.parametrize(("stated", "cell"), [
    ({"above": [["评分方法：定量指标未完成的按完成比例计分，定性指标按达成程度分档计分"]]}, None),
    ({"below": [["评分方法：完成指标值得满分，未完成的按比例计分。"]]}, None),
    ({"above": [["评分规则", "按财预〔2020〕10号文件，未达标按比例扣分"]]}, "B3"),
    ({"above": [["评分规则", "□比例法  ☑财政部（财预〔2020〕10号）"]]}, "B3"),
    ({"above": [["评分规则", "财政部规则（不采用比例法）"]]}, "B3"),
    ({"below": [["注：本表按比例计分。"]]}, None),
])
def test_proportional_words_that_name_no_bilifa_stay_mof2020(tmp_path, stated, cell):
    """按比例计分 is how the 财政部 rule scores too; 比例法 unticked or negated is not chosen.
    Was: ratio — JX404 “按比例法规则应为 4” and JX502 on a correct mof2020 table."""
    table, data = checked(_book(tmp_path / "t.xlsx", 3.75, 97.99, **stated))
    assert (table.rules.name, table.sources.get("rules"), codes(data)) == (
        "mof2020", Source("表", cell) if cell else None, [])


@pytest.mark.parametrize(("title", "below", "cell"), [
    ("四川省省级项目支出绩效自评评分表", (), "A1"),
    ("四川省财政支出项目绩效自评情况表", (), "A1"),
    ("四川省某县2024年度项目支出绩效自评结果表", (), "A1"),
    ("成都市某区项目支出绩效自评表（四川省规则）", (), "A1"),
    ("项目支出绩效自评表", [["注：本表按四川省项目支出绩效自评规则评分。"]], "A17"),
])
def test_sichuan_stated_in_other_wordings(tmp_path, title, below, cell):
    """The 执行率's 分值 left “—” as 四川's forms have it (90 + 10). Was: mof2020 —
    JX101 “分值合计为 90，应为 100” and JX106 “执行率未填写分值”."""
    table, data = checked(_book(tmp_path / "t.xlsx", 3.75, 97.99, title=title, below=below,
                                points="—"))
    assert (table.rules.name, table.sources["rules"], codes(data)) == (
        "sichuan", Source("表", cell), [])


@pytest.mark.parametrize(("stated", "cell"), [
    ({"above": [["（本表采用比例法评分）"]]}, "A3"),
    ({"below": [["注：本表各指标按比例法评分。"]]}, "A17"),
    ({"above": [["评分规则：比例法"]]}, "A3"),
])
def test_a_stated_bilifa_wins_over_a_sichuan_title(tmp_path, stated, cell):
    """四川省…自评表 names the province the form comes from; a line (or a 评分规则 cell)
    says how this table is scored. Was, for the two lines: sichuan — JX404 “人均培训成本”
    得分 4，按四川省规则应为 3.75 on a correct ratio table."""
    table, data = checked(_book(tmp_path / "t.xlsx", 4, 98.24,
                                title="四川省专项预算项目绩效目标完成情况自评表", **stated))
    assert (table.rules.name, table.sources["rules"], codes(data)) == (
        "ratio", Source("表", cell), [])


@pytest.mark.parametrize("title", ["项目支出绩效自评表", "援建四川灾区项目支出绩效自评表"])
def test_a_title_not_stating_sichuan_keeps_the_default_rules(tmp_path, title):
    """The neighbour that must not change: no 四川省 form, no 四川省…规则: the 分值 “—” is
    missing under mof2020."""
    table, data = checked(_book(tmp_path / "t.xlsx", 3.75, 97.99, title=title, points="—"))
    assert table.rules.name == "mof2020" and codes(data) == ["JX101", "JX106"]


def test_a_rate_a_hair_below_90_is_shown_below_90(tmp_path):
    """89.996 %: was “执行率 90% 低于 90%”."""
    _, data = checked(_book(tmp_path / "t.xlsx", 3.75, 97.19, title="四川省项目支出绩效自评表",
                            executed=89.996, rate="89.996%", exec_score=9.0))
    [message] = [f["message"] for f in data["findings"] if f["code"] == "JX306"]
    assert message == "执行率 89.996% 低于 90%，未说明原因"
