"""Tables without a 分值 column (湖北 省直, 襄阳, 黄冈 forms): what can still be computed and
checked from the 得分 the unit wrote and the points its headings state."""

import pytest
from test_real_shapes import checked, codes
from test_real_shapes_headers import NO_WEIGHT_ROWS, _hubei, _no_weights
from workbooks import Book

from jixiao.cli.main import main

# ---------------------------------------------------------------- the 总分 of the written scores


def test_the_total_without_a_weight_column_is_the_sum_of_the_written_scores(tmp_path):
    """襄阳 2021: every 得分 filled, no 分值 column. JX501 computed their sum, but the summary
    said “计算 —” (for the 总分 and the 等级): now the sum (indicators as written, the
    执行率得分 by the rules: 80 + 19.8) and its grade, marked as made of the written scores."""
    _, data = checked(_no_weights(tmp_path / "t.xlsx", NO_WEIGHT_ROWS, 99.8))
    assert (data["total_computed"], data["grade_computed"], data["total_basis"]) == (
        99.8, "优", "declared")
    assert codes(data) == ["JX108"]


def test_a_wrong_total_without_a_weight_column_is_still_found(tmp_path):
    _, data = checked(_no_weights(tmp_path / "t.xlsx", NO_WEIGHT_ROWS, 100))
    assert codes(data) == ["JX108", "JX501"]
    assert (data["total_computed"], data["total_basis"]) == (99.8, "declared")


def test_the_summary_says_what_the_total_is_made_of(tmp_path, capsys):
    path = _no_weights(tmp_path / "t.xlsx", NO_WEIGHT_ROWS, 100)
    main(["check", str(path)])
    out = capsys.readouterr().out
    assert "总分 填报 100 / 计算 99.8（表中没有分值列，各指标按填报得分计）；评分等级 填报 — / 计算 优" \
        in out


def test_a_row_without_its_score_leaves_the_total_unknown(tmp_path):
    rows = list(NO_WEIGHT_ROWS)
    rows[1] = (*rows[1][:5], None)
    _, data = checked(_no_weights(tmp_path / "t.xlsx", rows, 84.8))
    assert (data["total_computed"], data["grade_computed"], data["total_basis"]) == (
        None, None, None)


def test_a_scored_table_keeps_its_rule_total(tmp_path):
    _, data = checked(_hubei(tmp_path / "t.xlsx"))
    assert (data["total_computed"], data["total_basis"]) == (99.8, "rules")


# ---------------------------------------------------------------- a block's points (黄冈 2020)

def huanggang(path, second=(20, 20), merge=True, satisfaction=19.6, total=99.6,
              every_row=False):
    """湖北's form with two blocks, each headed in the column left of 一级指标
    (`年度绩效目标1（40分）`, `年度绩效目标2（40分）`, merged down over the block), the header
    printed again for the second; no 分值 column, the money's 20 points in its header."""
    book = Book()
    sheet = book.sheet("Sheet1")
    sheet.line("2020年度水土保持监测项目绩效自评表")
    sheet.line("项目名称", "水土保持监测")
    sheet.line("预算执行情况（万元）（20分）", None, None, "预算数（A）", "执行数（B）", "执行率（B/A）",
               "得分（20分*执行率）")
    sheet.line(None, "年度财政资金总额", None, 10, 10, "100%", 20)
    header = ("一级指标", "二级指标", "三级指标", "年初目标值（A）", "实际完成值（B）", "得分")
    blocks = [("年度绩效目标1（40分）",
               [("产出指标", "质量指标", "监测数据必须合格", "100%", "100%", 10),
                ("效益指标", "社会效益指标", "水土流失防治", "有效防治", "有效防治", 10),
                ("满意度指标", "服务对象满意度指标", "整编资料审核", "98%", "98%", satisfaction)]),
              ("年度绩效目标2（40分）",
               [("产出指标", "质量指标", "监测数据资料整编", "100%", "100%", second[0]),
                ("产出指标", "时效指标", "完成年度资料上报", "100%", "100%", second[1])])]
    for heading, rows in blocks:
        top = sheet.line(heading, *header)
        for row in rows:
            sheet.line(heading if every_row else None, *row)
        if merge:
            sheet.merge(top, 1, 1, sheet.row - 1)
    sheet.line("总分", None, None, None, None, None, total)
    return book.save(path)


@pytest.mark.parametrize("merge", [True, False])
def test_the_points_of_each_block_are_read(tmp_path, merge):
    """Before: JX108 said no heading states points, though both blocks state 40."""
    _, data = checked(huanggang(tmp_path / "t.xlsx", merge=merge))
    assert codes(data) == ["JX108"]
    [note] = data["findings"]
    assert "标题中也没有写分值" not in note["message"]
    assert "“年度绩效目标1”40 分、“年度绩效目标2”40 分" in note["message"]
    assert (data["total_computed"], data["total_basis"]) == (99.6, "declared")


@pytest.mark.parametrize("merge", [True, False])
def test_a_block_scored_above_its_points_is_found(tmp_path, merge):
    """20 + 21 under `年度绩效目标2（40分）`: JX103 on the block's heading (and JX501)."""
    _, data = checked(huanggang(tmp_path / "t.xlsx", second=(20, 21), merge=merge, total=99.6))
    [found] = [f for f in data["findings"] if f["code"] == "JX103"]
    assert (found["cell"], found["message"]) == (
        "A9", "“年度绩效目标2”标明 40 分，其下各指标得分合计 41 分，超过标明的分值")
    assert codes(data) == ["JX103", "JX108", "JX501"]


def _xiangyang_head():
    """襄阳 2021 down to its header: the money (20 points in its header) and
    `年度绩效指标（80分）` merged across the table above the header, no 分值 column."""
    book = Book()
    sheet = book.sheet("Sheet1")
    sheet.line("项目名称", "东津院区建设补助")
    sheet.line("预算执行情况（万元）（20分）", None, "预算数（A）", "执行数（B）", "执行率（B/A）",
               "得分（20分*执行率）")
    sheet.line(None, "年度财政资金总额", 1000, 1000, "100%", 20)
    row = sheet.line("年度绩效指标（80分）")
    sheet.merge(row, 1, 6)
    sheet.line("一级指标", "二级指标", "三级指标", "年初目标值（A）", "实际完成值（B）", "得分")
    return book, sheet


def test_a_heading_over_the_whole_table_is_its_block(tmp_path):
    """襄阳 2021: `年度绩效指标（80分）` in a row of its own above the header; rows that score
    more than 80 between them are JX103."""
    def xiangyang(path, scores):
        book, sheet = _xiangyang_head()
        sheet.line("产出指标", "数量指标", "完成院区建设", "1个", "1个", scores[0])
        sheet.line("效益指标", "社会效益指标", "改善群众就医条件", "明显改善", "明显改善", scores[1])
        sheet.line("满意度指标", "服务对象满意度指标", "患者满意度", "≥90%", "95%", scores[2])
        sheet.line("总分", None, None, None, None, 20 + sum(scores))
        return book.save(path)

    _, good = checked(xiangyang(tmp_path / "good.xlsx", (40, 30, 10)))
    assert codes(good) == ["JX108"] and "“年度绩效指标”80 分" in good["findings"][0]["message"]
    _, wrong = checked(xiangyang(tmp_path / "wrong.xlsx", (50, 30, 10)))
    assert codes(wrong) == ["JX103", "JX108", "JX501"]  # and the 总分 110, over 100
    assert [f["cell"] for f in wrong["findings"] if f["code"] == "JX103"] == ["A4"]


def test_a_block_with_a_weight_column_is_compared_with_its_rows_points(tmp_path):
    """`年度绩效目标（70分）` over rows weighing 80 between them (the 分值 column there)."""
    _, good = checked(_hubei(tmp_path / "good.xlsx"))
    assert codes(good) == []
    _, wrong = checked(_hubei(tmp_path / "wrong.xlsx", block="年度绩效目标（70分）"))
    [found] = [f for f in wrong["findings"] if f["code"] == "JX103"]
    assert found["cell"] == "A5" and "分值 70" in found["message"] and "合计 80" in found["message"]


def test_a_block_label_written_on_every_row_keeps_one_table(tmp_path):
    """The block label unmerged and typed on each of its rows (a clerk's fill-down): still
    one table of two blocks (before: the last row of block 1 and the header printed again
    under it were taken for one header over two rows — two tables, a row lost, JX501)."""
    _, data = checked(huanggang(tmp_path / "t.xlsx", merge=False, every_row=True))
    assert codes(data) == ["JX108"]
    assert data["total_computed"] == 99.6


# ---------------------------------------------------------------- an unmet row scored like the met ones

def _every_row_ten(path, scores):
    """襄阳's form: no 分值 column, `年度绩效指标（80分）` over eight rows; ``scores`` for the
    rows (the second's target 1,000 人次 is missed: 500)."""
    book, sheet = _xiangyang_head()
    rows = [("产出指标", "数量指标", "完成院区建设", "1个", "1个"),
            ("产出指标", "数量指标", "新增门诊服务", "1000人次", "500人次"),
            ("产出指标", "质量指标", "工程验收合格率", "100%", "100%"),
            ("产出指标", "时效指标", "建设周期", "1年", "1年"),
            ("效益指标", "经济效益指标", "医疗收入", "5亿元", "6.47亿元"),
            ("效益指标", "社会效益指标", "服务范围", "服务范围扩大", "服务范围扩大"),
            ("效益指标", "可持续影响指标", "改善群众就医条件", "明显改善", "明显改善"),
            ("满意度指标", "服务对象满意度指标", "患者满意度", "≥90%", "95%")]
    for row, score in zip(rows, scores, strict=True):
        sheet.line(*row, score)
    sheet.line("总分", None, None, None, None, 20 + sum(scores))
    return book.save(path)


def test_an_unmet_target_scored_like_every_met_one_is_questioned(tmp_path):
    """rt10 M3 (襄阳, 隆阳): no 分值 column, every met row scored 10, the missed target
    (1,000 人次 → 500) scored 10 too: before, only the JX108 note. Now a JX402 warning."""
    _, data = checked(_every_row_ten(tmp_path / "t.xlsx", [10] * 8))
    assert codes(data) == ["JX108", "JX402"]
    [found] = [f for f in data["findings"] if f["code"] == "JX402"]
    assert (found["cell"], found["severity"]) == ("F7", "warning")
    assert found["message"].startswith("“新增门诊服务”未达到指标值（指标值 1000人次，完成值 500人次），"
                                       "得分 10 与已达到指标值的各指标相同")


def test_an_unmet_target_scored_less_or_among_unequal_scores_is_not_questioned(tmp_path):
    _, lower = checked(_every_row_ten(tmp_path / "lower.xlsx", [10, 5, 10, 10, 10, 10, 10, 10]))
    assert "JX402" not in codes(lower)
    _, unequal = checked(_every_row_ten(tmp_path / "unequal.xlsx", [15, 10, 5, 10, 10, 10, 10, 10]))
    assert "JX402" not in codes(unequal)
