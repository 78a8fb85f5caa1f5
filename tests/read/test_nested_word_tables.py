"""A table nested in a cell of a Word 自评表 of many columns is read in place: its rows
take the place of the row holding it (the row's other cells merged down beside them), so a
绩效目标表 pasted into the "绩效指标" row's one wide cell, or the funds block pasted into the
"项目资金（万元）" cell, is read as part of the table. A nested cell is named by the outer
cell and its place in the nested table: "第1个表格 第5行第2列（嵌套表格第2行第3列）"
(rt35-r6: b19.docx said "没有找到项目支出绩效自评表"; b4.docx/.doc gave a false JX101 and
JX501 "应补上预算执行情况一栏"). Before, only a one-cell frame around a table was read so."""

import json

from docfiles import Cell, doc
from wordfiles import cell, docx, paragraph, table

from jixiao.pipeline import check_workbook
from jixiao.report.json import json_report

# mof2020: 执行率 95/100 → 9.5; indicators 15+10+10+5+10+14.25+15+8.95 = 88.2; total 97.7, 优
INDICATORS = [
    ("产出指标", "数量指标", "培训人数", "≥500人", "520人", 15, 15, ""),
    ("产出指标", "数量指标", "培训场次", "≥10场", "10场", 10, 10, ""),
    ("产出指标", "质量指标", "培训合格率", "≥90%", "96%", 10, 10, ""),
    ("产出指标", "时效指标", "培训完成时间", "2024年12月31日前", "2024年11月30日", 5, 5, ""),
    ("产出指标", "成本指标", "人均培训成本", "≤800元", "760元", 10, 10, ""),
    ("效益指标", "社会效益指标", "培训后就业率", "≥60%", "57%", 15, 14.25,
     "部分学员年底返乡，未及时就业；下年加强就业跟踪服务。"),
    ("效益指标", "可持续影响指标", "培训长效机制", "健全", "健全", 15, 15, ""),
    ("满意度指标", "服务对象满意度指标", "学员满意度", "≥95%", "85%", 10, 8.95,
     "部分学员反映培训时间安排不合理；下年按农闲时间安排。"),
]
HEAD = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
        "偏差原因分析及改进措施"]
FUNDS = [["", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
         ["年度资金总额", 100, 100, 95, 10, "95%", 9.5],
         ["其中：当年财政拨款", 100, 100, 95, "—", "95%", "—"],
         ["其他资金", "", "", "", "—", "", "—"]]
TITLE = paragraph("项目支出绩效自评表") + paragraph("（2024年度）")
CONCLUSION = paragraph("经自评，本项目自评得分97.7分，等级为“优”。")


def _row(values):
    return [cell(value) for value in values]


def _funds_rows():
    """The funds block laid out in the outer table itself (label merged down)."""
    rows = []
    for number, values in enumerate(FUNDS):
        label = cell("项目资金（万元）" if number == 0 else "",
                     merge="restart" if number == 0 else "continue")
        rows.append([label, *_row(values)])
    return rows


def checked(path):
    result = check_workbook(path)
    assert result.error is None, result.error
    return json.loads(json_report([result]))


def test_an_indicator_table_nested_in_the_indicator_row_is_read(tmp_path):
    """b19: the outer 8-column table holds the project, the funds, 总分 and 等级; its
    "绩效指标" row is one cell (spanning 7 columns) holding the 8-column indicator table."""
    inner = table([_row(HEAD), *[_row(values) for values in INDICATORS]])
    body = TITLE + table([
        [cell("项目名称"), cell("农村劳动力转移就业培训项目", span=7)],
        *_funds_rows(),
        [cell("绩效指标"), cell("", span=7, inner=inner)],
        [cell("总分", span=6), cell(100), cell(97.7)],
        [cell("评分等级"), cell("优", span=7)],
    ]) + CONCLUSION
    data = checked(docx(tmp_path / "b19.docx", body))
    assert data["total_computed"] == 97.7 and data["grade_computed"] == "优"
    assert data["funds"]["score_computed"] == 9.5
    assert [item["name"] for item in data["indicators"]] == [row[2] for row in INDICATORS]
    assert data["findings"] == []
    first = data["indicators"][0]  # the nested table's 2nd row, its 3rd cell
    assert first["place"] == "第1个表格 第6行第2列（嵌套表格第2行第3列）"


def test_the_funds_block_nested_in_its_cell_is_read(tmp_path):
    """b4: "项目资金（万元）" | one cell holding the 7-column funds table; the indicators
    in the outer table below. Before: no funds, JX101 (分值合计 90) and JX501 (补上预算执行情况)."""
    funds = table([_row(values) for values in FUNDS])
    body = TITLE + table([
        [cell("项目名称"), cell("农村劳动力转移就业培训项目", span=8)],
        [cell("项目资金（万元）"), cell("", span=8, inner=funds)],
        _row(["绩效指标", *HEAD]),
        *[[cell("", merge="continue"), *_row(values)] for values in INDICATORS],
        [cell("总分", span=6), cell(100), cell(97.7), cell("")],
        [cell("评分等级"), cell("优", span=8)],
    ]) + CONCLUSION
    data = checked(docx(tmp_path / "b4.docx", body))
    assert data["funds"]["budget"] == 100 and data["funds"]["executed"] == 95
    assert data["total_computed"] == 97.7 and data["grade_computed"] == "优"
    assert [item["code"] for item in data["findings"]] == []
    # the rows under the nested table are the Word table's own again
    assert data["indicators"][0]["place"] == "第1个表格 第4行第4列"


def test_the_funds_block_nested_in_a_word_97_cell_is_read(tmp_path):
    """The same in a .doc (the nested table at depth 2, as Word writes it)."""
    wide = [Cell("项目名称", 1500), Cell("农村劳动力转移就业培训项目", 8000)]
    inner = tuple(tuple(Cell(value, 8000 // 7) for value in values) for values in FUNDS)
    rows = [wide, [Cell("项目资金（万元）", 1500), Cell("", 8000, inner=inner)],
            [Cell("绩效指标", 1500, merge=3), *[Cell(text) for text in HEAD]]]
    rows += [[Cell("", 1500, merge=1), *[Cell(value) for value in values]]
             for values in INDICATORS]
    rows += [[Cell("总分", 1500 + 5000), Cell(100), Cell(97.7), Cell("")],
             [Cell("评分等级", 1500), Cell("优", 8000)]]
    path = doc(tmp_path / "b4.doc", ["项目支出绩效自评表", "（2024年度）", rows,
                                     "经自评，本项目自评得分97.7分，等级为“优”。"])
    data = checked(path)
    assert data["funds"]["score_computed"] == 9.5
    assert data["total_computed"] == 97.7 and data["grade_computed"] == "优"
    assert [item["code"] for item in data["findings"]] == []


def test_a_small_table_in_a_narrow_cell_stays_that_cell_s_text(tmp_path):
    """A list typed as a table in one indicator's cell is that cell's text, as before."""
    inner = table([[cell("甲"), cell("乙")], [cell("丙"), cell("丁")]])
    body = TITLE + table([
        _row(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]),
        [*_row(["产出指标", "数量指标"]), cell("培训人数", inner=inner),
         *_row(["≥500人", "520人", 100, 100])],
    ])
    data = checked(docx(tmp_path / "t.docx", body))
    assert data["indicators"][0]["name"] == "培训人数\n甲\n乙\n丙\n丁"
    assert data["indicators"][0]["place"] == "第1个表格 第2行第3列"
