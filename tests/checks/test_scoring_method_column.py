"""rt27 f13: a 评分标准 (评分方法, 计分办法 …) column states the unit's own rule per row
(完成得满分，每少1场扣0.5分). A score written by that rule, above what the rule set gives,
is JX404's warning — not its error — and the grade it lifts JX502's warning; a row whose
column is blank, or only restates the default rule (未完成按比例扣分), keeps the error."""

import pytest
from openpyxl import load_workbook
from workbooks import STANDARD, standard

from jixiao.checks import run_checks
from jixiao.model import evaluate
from jixiao.read.workbook import read_tables

REASON = "受汛期影响部分活动停办，下年提前安排。"
OWN_RULE = "完成12场得满分，每少1场扣0.5分"
FULL = "达成得满分，未达成不得分"


def rows(method=OWN_RULE, days=8.5, leaflets=9):
    """Each row: 一级, 二级, 三级, 指标值, 完成值, 分值, 得分, 偏差原因, 评分标准.
    By the rules (hand-computed): 执行率 9.98 (the money's); 场次 9 of ≥12 at 10:
    10 × 9 ÷ 12 = 7.5 (7.5 at most by any rounding); 资料 4000 of ≥5000 at 10: 8;
    知晓率 70% of ≥90% at 15: 11.666… → 11.67; 满意度 70% of ≥95% at 10: 7.37; the
    定性 rows full marks (45). Rules' 总分 9.98 + 7.5 + 8 + 20 + 10 + 11.67 + 15 + 7.37
    = 89.52, 良. By the 场次 row's own rule: 10 − 3 × 0.5 = 8.5."""
    return [
        ("产出指标", "数量指标", "宣传活动场次", "≥12场", "9场", 10, days, REASON, method),
        ("产出指标", "数量指标", "发放宣传资料", "≥5000份", "4000份", 10, leaflets, REASON, None),
        ("产出指标", "质量指标", "预算编制规范性", "规范", "达成指标", 20, 20, None, FULL),
        ("产出指标", "时效指标", "资金拨付及时性", "及时", "达成指标", 10, 10, None, FULL),
        ("效益指标", "社会效益指标", "参保群众政策知晓率", "≥90%", "70%", 15, 11.67, REASON,
         "知晓率≥90%得满分，未达到按比例得分"),
        ("效益指标", "可持续影响指标", "长效管理机制", "健全", "达成指标", 15, 15, None, FULL),
        ("满意度指标", "服务对象满意度指标", "参保群众满意度", "≥95%", "70%", 10, 7.37, REASON,
         "满意度≥95%得满分，未达到按比例得分"),
    ]


def placed(table_rows, after_score):
    """The rows and header with 评分标准 between 分值 and 得分 (``after_score``: after 得分)."""
    at = 7 if after_score else 6
    header = (*STANDARD[:at], "评分标准", *STANDARD[at:])
    return header, [(*row[:at], row[8], *row[at:8]) for row in table_rows]


def findings(path):
    (table,) = read_tables(path)
    evaluation = evaluate(table)
    return table, evaluation, [(f.code, f.severity) for f in run_checks(table, evaluation)]


@pytest.mark.parametrize("after_score", [False, True])
def test_a_score_by_the_rows_own_rule_stays_a_warning(tmp_path, after_score):
    """场次 written 8.5 by its 评分标准 (rules 7.5): a warning. 资料 written 9 (rules 8),
    its 评分标准 blank: an error. Written 总分 9.98 + 8.5 + 9 + 20 + 10 + 11.67 + 15 + 7.37
    = 91.52, 优; the rules give 89.52, 良 — but granting the 场次 as written, 89.52 + 1 =
    90.52, 优: the grade may rest on the row's own rule, JX502's warning."""
    header, table_rows = placed(rows(), after_score)
    path = standard(tmp_path / "t.xlsx", rows=table_rows, header=header,
                    total=(100, 91.52), grade="优")
    table, evaluation, found = findings(path)
    assert (evaluation.total, evaluation.grade) == (89.52, "良")
    assert table.indicators[0].method == OWN_RULE
    assert table.indicators[1].method is None
    assert found == [("JX404", "warning"), ("JX404", "error"), ("JX502", "warning")]
    messages = [f.message for f in run_checks(table, evaluation) if f.code == "JX404"]
    assert messages[0].endswith(f"；该行评分标准为“{OWN_RULE}”，得分可能按此计算，请核对")
    assert "评分标准" not in messages[1]


@pytest.mark.parametrize(("method", "severity"), [
    (OWN_RULE, "warning"),
    ("完成率≥90%得满分，每降低1%扣1分", "warning"),
    ("根据完成情况酌情扣分", "warning"),
    # blank, a dash, or the default rule in words: nothing but the rules can be meant
    (None, "error"),
    ("—", "error"),
    ("完成得满分，未完成按比例扣分", "error"),
    ("实际完成值/年度指标值×分值", "error"),
    ("按完成比例计分", "error"),
])
def test_which_method_texts_keep_the_warning(tmp_path, method, severity):
    """场次 written 9 (rules 7.5; its own rule 8.5 — either way above the rules'): the
    error stays unless the column states a rule of the row's own. 资料 at the rules' 8."""
    header, table_rows = placed(rows(method=method, days=9, leaflets=8), False)
    path = standard(tmp_path / "t.xlsx", rows=table_rows, header=header)
    found = [entry for entry in findings(path)[2] if entry[0] == "JX404"]
    assert found == [("JX404", severity)]


def test_a_rule_merged_down_over_rows_is_each_rows(tmp_path):
    """One 评分标准 merged down over 场次 and 资料 (每少1场/1000份扣0.5分): each row's own
    rule — 场次 written 8.5, 资料 written 9.5 (10 − 0.5), both above the rules' 7.5 and 8
    (9.98 + 8.5 + 9.5 + 20 + 10 + 11.67 + 15 + 7.37 = 92.02): warnings, and the 优 they
    lift JX502's warning (granting both: 92.02, 优)."""
    rule = "完成得满分，每少1场（1000份）扣0.5分"
    header, table_rows = placed(rows(method=rule, leaflets=9.5), False)
    path = standard(tmp_path / "t.xlsx", rows=table_rows, header=header,
                    total=(100, 92.02), grade="优")
    book = load_workbook(path)
    sheet = book.worksheets[0]
    (cell,) = [cell for line in sheet.iter_rows() for cell in line if cell.value == rule]
    sheet.merge_cells(start_row=cell.row, end_row=cell.row + 1, start_column=cell.column,
                      end_column=cell.column)
    book.save(path)
    table, _, found = findings(path)
    assert [indicator.method for indicator in table.indicators[:2]] == [rule, rule]
    assert found == [("JX404", "warning"), ("JX404", "warning"), ("JX502", "warning")]
