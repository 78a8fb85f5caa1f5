"""Round 28: a row the rules cannot judge (“有待加强” against “稳步提升”) whose 得分 the unit
wrote is counted at that 得分, and the report, the JSON, JX410 and the batch summary say
so from one computation (``Evaluation.total_basis`` "rules_and_declared"). Before, JX410
said “按其填报得分计入，按规则计算的总分为 86.37” while the 总分 line said “计算 —” and the
JSON had total_computed null, total_basis null (red team t08, t29)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "checks"))

from test_grade_by_rules import REASON  # noqa: E402
from workbooks import standard  # noqa: E402

from jixiao.batch.summary import MANUAL, TableSummary  # noqa: E402
from jixiao.pipeline import check_workbook  # noqa: E402
from jixiao.report.json import table_json  # noqa: E402
from jixiao.report.text import total_line  # noqa: E402


def _rows(judged="有待加强", judged_score=14, band_score=None):
    """执行率 9.98 (the Putuo money) + 培训人数 20 × 400/500 = 16 + 15 + 15 + 群众生活
    (“有待加强” against “稳步提升”: no rule judges it; written ``judged_score``) + 就业率 or
    服务质量 + 满意度 10 × 80/90 = 8.89. ``band_score``: 服务质量 is 部分达成 (60–80 % of
    10: 6–8) written at that; else 就业率 10 × 60/80 = 7.5."""
    tenth = ("效益指标", "社会效益指标", "就业率", "≥80%", "60%", 10, 7.5, REASON) \
        if band_score is None else \
        ("效益指标", "社会效益指标", "服务质量", "明显改善", "部分达成", 10, band_score, REASON)
    return [
        ("产出指标", "数量指标", "培训人数", "≥500人", "400人", 20, 16, REASON),
        ("产出指标", "质量指标", "合格率", "≥95%", "96%", 15, 15, None),
        ("产出指标", "时效指标", "完成时间", "2024年12月31日前", "2024年12月20日", 15, 15, None),
        ("效益指标", "社会效益指标", "群众生活", "稳步提升", judged, 20, judged_score, REASON),
        tenth,
        ("满意度指标", "服务对象满意度指标", "满意度", "≥90%", "80%", 10, 8.89, REASON),
    ]


def _checked(tmp_path, **options):
    total = options.pop("total")
    path = standard(tmp_path / "t.xlsx", rows=_rows(**options), total=(100, total), grade="良")
    [checked] = check_workbook(path).tables
    return checked, table_json(checked, path)


def _jx410_total(checked):
    return [item.message for item in checked.findings
            if item.code == "JX410" and "总分" in item.message]


def test_a_written_score_the_rules_cannot_judge_is_one_total_everywhere(tmp_path):
    """9.98 + 16 + 15 + 15 + 14 (written) + 7.5 + 8.89 = 86.37, 良."""
    checked, data = _checked(tmp_path, total=86.37)
    evaluation = checked.evaluation
    assert (evaluation.total, evaluation.total_basis, evaluation.grade) == \
        (86.37, "rules_and_declared", "良")
    assert total_line(checked) == ("总分 填报 86.37 / 计算 86.37（含 1 项按填报得分计入：“群众生活”，"
                                   "规则无法核对其得分）；评分等级 填报 良 / 计算 良")
    assert (data["total_computed"], data["total_basis"], data["total_range"],
            data["grade_computed"]) == (86.37, "rules_and_declared", None, "良")
    assert _jx410_total(checked) == ["1 项（“群众生活”）无法按规则核对，按其填报得分计入，"
                                     "计算总分为 86.37"]
    summary = TableSummary.from_json(data, "t.xlsx")
    assert (summary.total_computed, summary.status) == (86.37, MANUAL)
    assert summary.manual_reason == "计算总分含按填报得分计入的指标：其得分无法按评分规则核对"


def test_a_band_beside_a_written_score_gives_the_range(tmp_path):
    """服务质量 部分达成 written 10 (not in 6–8): 9.98 + 16 + 15 + 15 + 14 + 6..8 + 8.89 =
    84.87–86.87, 良 at both ends; no one total, the range in the JSON too."""
    checked, data = _checked(tmp_path, band_score=10, total=88.87)
    evaluation = checked.evaluation
    assert (evaluation.total, evaluation.total_range, evaluation.total_basis) == \
        (None, (84.87, 86.87), "rules_and_declared")
    assert total_line(checked) == ("总分 填报 88.87 / 计算 84.87–86.87（含 1 项按填报得分计入：“群众生活”，"
                                   "规则无法核对其得分；“服务质量”为部分达成，须在 6–8 分之间人工评分）；"
                                   "评分等级 填报 良 / 计算 良")
    assert (data["total_computed"], data["total_basis"], data["total_range"]) == \
        (None, "rules_and_declared", [84.87, 86.87])
    assert _jx410_total(checked) == ["1 项（“群众生活”）无法按规则核对，按其填报得分计入；“服务质量”"
                                     "待人工评分，计算总分在 84.87–86.87 之间"]
    summary = TableSummary.from_json(data, "t.xlsx")
    assert summary.total_computed is None
    assert summary.no_total_reason == ("计算总分待人工评分后确定，在 84.87–86.87 之间（含按填报得分"
                                       "计入的指标），计算总分和计算等级空着")


def test_a_band_alone_keeps_its_range_in_the_json(tmp_path):
    """No row the rules cannot judge: the range is the rules' alone (basis null, as before),
    now in the JSON and the batch's 原因 as in the 总分 line. 群众生活 达成 (20):
    9.98 + 16 + 15 + 15 + 20 + 6..8 + 8.89 = 90.87–92.87."""
    checked, data = _checked(tmp_path, judged="达成", judged_score=20, band_score=10,
                             total=94.87)
    assert (data["total_computed"], data["total_basis"], data["total_range"]) == \
        (None, None, [90.87, 92.87])
    assert total_line(checked).startswith("总分 填报 94.87 / 计算 90.87–92.87（“服务质量”为部分达成")
    summary = TableSummary.from_json(data, "t.xlsx")
    assert summary.no_total_reason == ("计算总分待人工评分后确定，在 90.87–92.87 之间，"
                                       "计算总分和计算等级空着")


def test_a_row_neither_judged_nor_scored_leaves_no_total(tmp_path):
    """群众生活 unjudged and its 得分 blank: no total, as before."""
    checked, data = _checked(tmp_path, judged_score=None, total=86.37)
    assert (data["total_computed"], data["total_basis"], data["total_range"]) == \
        (None, None, None)
    assert "计算 —（1 项得分规则无法计算" in total_line(checked)


def test_a_value_missing_beside_it_leaves_no_total_and_jx410_says_so(tmp_path):
    """就业率's 完成值 blank (JX201: the clerk fills it), its 7.5 written: no rule stands
    behind that score, so no total — the 总分 line, the JSON and JX410 agree (before,
    JX410 counted both written scores: “按规则计算的总分为 86.37”). The rest: 9.98 + 16 +
    15 + 15 + 8.89 = 64.87."""
    rows = _rows()
    rows[4] = rows[4][:4] + (None,) + rows[4][5:]
    path = standard(tmp_path / "t.xlsx", rows=rows, total=(100, 86.37), grade="良")
    [checked] = check_workbook(path).tables
    data = table_json(checked, path)
    assert (data["total_computed"], data["total_basis"], data["total_range"]) == \
        (None, None, None)
    assert "计算 —（2 项得分规则无法计算：“群众生活”、“就业率”，须人工核对）" in total_line(checked)
    assert _jx410_total(checked) == ["总分无法算出：2 项得分待定（“群众生活”、“就业率”）；其余各项得分"
                                     "合计 64.87"]


def test_one_total_gives_no_range_in_the_json(tmp_path):
    """rt28 r6 #3: every ordinary table's JSON said total_range [99.98, 99.98] (docs: null
    where there is one total), so a reader taking a range for scores still to be given by
    hand misread every file. One total: null; the range only where no one total is."""
    path = standard(tmp_path / "plain.xlsx")
    [checked] = check_workbook(path).tables
    data = table_json(checked, path)
    assert data["total_computed"] is not None and data["total_basis"] == "rules"
    assert data["total_range"] is None
