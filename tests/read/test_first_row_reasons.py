"""The first indicator row under a header whose 偏差原因分析及改进措施 is merged across two
columns: its reason cell may begin with a label that is also a header word (未完成原因：,
改进措施：, 扣分原因：…); the row holds an indicator's values (a name, a target and an
actual, numbers under 分值 and 得分), so it is the first data row, never a second header
row under the merged reason header."""

import pytest
from workbooks import Book

from jixiao.checks import run_checks
from jixiao.model import evaluate
from jixiao.read.workbook import read_tables

# 云南 2023 高素质农民培育: 执行率 128.82 / 135.6 = 95.00% → 10 × 0.95 = 9.5; weights
# 10 + 15+10+10+5+10+10+10+10+10 = 100; 带动增收 1850 / 2000 × 10 = 9.25, the rest met.
ROWS = [
    ("产出指标", "数量指标", "建设示范基地数量", "≥5个", "5个", 10, 10, None),
    ("产出指标", "质量指标", "培训合格率", "≥95%", "97.5%", 10, 10, None),
    ("产出指标", "时效指标", "项目完成时间", "2023年12月31日前", "2023年12月20日", 5, 5, None),
    ("产出指标", "成本指标", "人均培训成本", "≤800元/人次", "760元/人次", 10, 10, None),
    ("效益指标", "经济效益指标", "带动参训农户增收", "≥2000元/户", "1850元/户", 10, 9.25,
     "受农产品价格下行影响，增收幅度未达预期；下一步加强产销对接。"),
    ("效益指标", "社会效益指标", "受益农户数", "≥3000户", "3120户", 10, 10, None),
    ("效益指标", "可持续影响指标", "农业技术推广持续发挥作用", "长期", "长期", 10, 10, None),
    ("满意度指标", "服务对象满意度指标", "参训农民满意度", "≥90%", "93.6%", 10, 10, None),
]
HEADER = ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
          "偏差原因分析及改进措施")


def _yunnan(path, first_reason: str, actual: str, score: float, total: float):
    """The 云南 table: 绩效指标 in column A merged down, 偏差原因分析及改进措施 merged
    across I:J in the header and in every row (as the province's form has it)."""
    book = Book()
    sheet = book.sheet("Sheet1")
    sheet.title("项目支出绩效自评表", "（2023年度）")
    sheet.project("2023年高素质农民培育项目", "红河州农业农村局", "红河州农业技术推广中心")
    sheet.money([("年度资金总额", 120, 135.6, 128.82, 10, "95.00%", 9.5),
                 ("其中：当年财政拨款", 120, 120, 115.2, "—", "96.00%", "—"),
                 ("上年结转资金", 0, 15.6, 13.62, "—", "87.31%", "—"),
                 ("其他资金", 0, 0, 0, "—", "—", "—")],
                header=("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"))
    header = sheet.row
    first = ("产出指标", "数量指标", "培训高素质农民人次", "≥1200人次", actual, 15, score,
             first_reason)
    sheet.indicators([first, *ROWS], header=HEADER)
    for row in range(header, sheet.row):
        sheet.merge(row, 9, 10)
    sheet.total(100, total)
    sheet.grade("优")
    return book.save(path)


SHORT = "部分学员外出务工"  # short: a long sentence is never read as a header


@pytest.mark.parametrize("reason", [
    f"未完成原因：{SHORT}", f"扣分原因：{SHORT}", f"未达标原因：{SHORT}",
    f"偏差原因分析：{SHORT}", f"偏差原因：{SHORT}", f"改进措施：{SHORT}",
    f"未达到年度指标值，原因是{SHORT}"])
def test_a_labelled_reason_on_the_first_row_of_a_deduction(tmp_path, reason):
    # 1140 / 1200 × 15 = 14.25; 总分 98.75 − 0.75 = 98.00, 优
    table, = read_tables(_yunnan(tmp_path / "t.xlsx", reason, "1140人次", 14.25, 98.0))
    assert len(table.indicators) == 9
    one = table.indicators[0]
    assert (one.name, one.target, one.actual, one.weight, one.score_declared, one.reason) == (
        "培训高素质农民人次", "≥1200人次", "1140人次", 15, 14.25, reason)
    assert sum(indicator.weight for indicator in table.indicators) == 90
    result = evaluate(table)
    assert result.scores[0].value == 14.25
    assert (result.total, result.grade) == (98.0, "优")
    assert [f.code for f in run_checks(table, result)] == []


def test_a_labelled_reason_on_the_first_row_of_a_target_exceeded(tmp_path):
    # 1260 ≥ 1200: full 15; 总分 98.75, 优
    reason = "超额完成原因：群众参训积极性高"
    table, = read_tables(_yunnan(tmp_path / "t.xlsx", reason, "1260人次", 15, 98.75))
    assert [i.name for i in table.indicators][:2] == ["培训高素质农民人次", "建设示范基地数量"]
    assert table.indicators[0].reason == reason
    result = evaluate(table)
    assert (result.total, result.grade) == (98.75, "优")
    assert [f.code for f in run_checks(table, result)] == []
