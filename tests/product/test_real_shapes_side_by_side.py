"""Two complete tables side by side on one sheet: a unit pasted project B's table (its
title, project name, money block, indicators, 总分 and 等级) to the right of project A's,
one or more empty columns between. Each is read and checked as two tables stacked on a
sheet are, its findings at its own cells; before, only the left one was read and the
right one's mistakes went unreported.

What tells a second table is what the columns mean — a second header naming 一级指标 |
三级指标 | 分值 | 得分 … right of the first table's last column — never the empty columns
alone: one wide table with an empty column inside (a column inserted, a 偏差原因 left
blank), a notes block or a small calculation beside a table, and the 湖北 市县 form's two
blocks stay one table each."""

import io
import json
from contextlib import redirect_stdout

from openpyxl import load_workbook
from test_real_shapes import checked, codes
from test_real_shapes_chongqing import ROWS, chongqing
from test_real_shapes_hubei_blocks import hubei
from workbooks import (
    NO_REASON,
    PUTUO_1_MONEY,
    PUTUO_1_ROWS,
    STANDARD,
    Book,
    beside,
    paste_beside,
    standard,
    standard_sheet,
)

from jixiao.cli.main import main
from jixiao.pipeline import check_workbook
from jixiao.read.workbook import read_tables
from jixiao.report.json import json_report

LEFT_NAME = "普陀区医疗保险事务中心信息安全等保项目机房设施升级改造"
WRONG_SCORE = [(*PUTUO_1_ROWS[0][:6], 4, None), *PUTUO_1_ROWS[1:]]  # met, yet 4 of 5


def report(path):
    """Each table's (project name, sorted (code, cell) of its findings)."""
    [result] = [check_workbook(path)]
    assert result.error is None, result.error
    data = json.loads(json_report([result]))
    data = data if isinstance(data, list) else [data]
    return [(table["project"]["name"], sorted((item["code"], item["cell"])
                                              for item in table["findings"]))
            for table in data]


def test_both_tables_are_read_each_at_its_own_cells(tmp_path):
    left, right = read_tables(beside(tmp_path / "side.xlsx"))
    assert (left.project.name, right.project.name) == (LEFT_NAME, "第二个项目")
    assert [i.name for i in right.indicators] == [i.name for i in left.indicators]
    assert len(right.indicators) == 5
    # the right table's columns are L … T (two empty columns J, K between)
    assert right.sources["header"].cell == "O10" and left.sources["header"].cell == "D10"
    assert right.indicators[0].sources["score"].cell == "S11"
    assert right.funds.total.sources["budget"].cell == "O6" and right.funds.total.budget == 31.56
    assert right.funds.score_declared == 9.98
    assert right.total_declared == 99.98 and right.grade_declared == "良"
    assert left.grade_declared == "优"


def test_the_right_tables_mistakes_are_reported_at_its_cells(tmp_path):
    path = beside(tmp_path / "side.xlsx", right={"rows": WRONG_SCORE, "total": (100, 95)})
    [(left, left_findings), (right, right_findings)] = report(path)
    assert (left, left_findings) == (LEFT_NAME, [])
    assert right == "第二个项目"
    assert ("JX403", "S11") in right_findings  # 得分 4 of 5 for a target met
    assert ("JX501", "S16") in right_findings  # 总分 95, the scores add up to 98.98
    assert ("JX502", "M17") in right_findings  # 良 for the 总分


def test_the_left_tables_mistakes_still_are_and_only_there(tmp_path):
    path = beside(tmp_path / "side.xlsx", left={"rows": WRONG_SCORE}, right={"grade": "优"})
    [(_, left_findings), (_, right_findings)] = report(path)
    # the 总分 99.98 is the rules' own: JX501 names the score written off it, at its cell
    assert ("JX403", "H11") in left_findings and ("JX501", "H11") in left_findings
    assert right_findings == []


def test_one_table_lower_than_the_other_or_further_right(tmp_path):
    for down, gap in ((2, 1), (0, 4)):
        path = beside(tmp_path / f"side{down}{gap}.xlsx", right={"total": (100, 95)},
                      down=down, gap=gap)
        [(_, left_findings), (_, right_findings)] = report(path)
        assert left_findings == []
        column = chr(ord("H") + 9 + gap)  # the right table's 得分
        assert ("JX501", f"{column}{16 + down}") in right_findings, (down, gap, right_findings)
    # the right table higher: the left one's money block a line longer
    money = [*PUTUO_1_MONEY, ("其他", 0, 0, 0, "—", 0, "—")]
    path = beside(tmp_path / "higher.xlsx", left={"rows": WRONG_SCORE, "money": money})
    [(_, left_findings), (_, right_findings)] = report(path)
    assert ("JX403", "H12") in left_findings and right_findings == [("JX502", "M17")]


def test_tables_of_two_forms_side_by_side(tmp_path):
    """The right table without a 偏差原因 column, one empty column between."""
    path = beside(tmp_path / "forms.xlsx", gap=1,
                  right={"header": NO_REASON, "rows": [row[:7] for row in WRONG_SCORE]})
    left, right = read_tables(path)
    assert right.sources["header"].cell == "N10" and len(right.indicators) == 5
    [(_, left_findings), (_, right_findings)] = report(path)
    assert left_findings == [] and ("JX403", "R11") in right_findings


def test_two_flat_lists_without_levels_side_by_side(tmp_path):
    """重庆 部门整体 tables (指标名称 | … | 指标权重 | 指标得分, no 一级 or 二级), the right
    one's 得分 above its 权重 (JX401 at its cell)."""
    left = chongqing(tmp_path / "cq.xlsx")
    rows = [(*ROWS[0][:7], 45), *ROWS[1:]]
    right = chongqing(tmp_path / "cq-right.xlsx", rows=rows, total=102.6)
    path = paste_beside(left, right)
    tables = read_tables(path)
    assert [len(table.indicators) for table in tables] == [len(ROWS), len(ROWS)]
    [(_, left_findings), (_, right_findings)] = report(path)
    assert "JX401" not in {code for code, _ in left_findings}
    assert ("JX401", "U6") in right_findings  # columns A … J, then two empty ones


def test_two_hubei_forms_of_two_blocks_side_by_side(tmp_path):
    """Each table printed in two blocks (湖北 市县): each band joins its own two blocks."""
    left = hubei(tmp_path / "hubei.xlsx")
    path = paste_beside(left, hubei(tmp_path / "hubei-right.xlsx", total=97))
    tables = read_tables(path)
    assert [len(table.indicators) for table in tables] == [12, 12]
    assert [table.total_declared for table in tables] == [98, 97]
    [(_, left_findings), (_, right_findings)] = report(path)
    assert "JX501" not in {code for code, _ in left_findings}
    assert "JX501" in {code for code, _ in right_findings}  # 97 written, 98 scored


def test_a_left_table_without_its_total_takes_no_rows_of_the_right_one(tmp_path):
    path = beside(tmp_path / "side.xlsx", left={"total": None, "grade": None})
    left, right = read_tables(path)
    assert len(left.indicators) == len(right.indicators) == 5
    assert left.total_declared is None and right.total_declared == 99.98


def test_three_tables_side_by_side(tmp_path):
    path = beside(tmp_path / "two.xlsx")
    book = load_workbook(path)
    sheet = book["自评表"]
    for row in list(sheet.iter_rows(min_col=12, max_col=20)):
        for cell in row:
            if cell.value is not None:
                sheet.cell(cell.row, cell.column + 11).value = cell.value
    sheet.cell(3, 25).value = "第三个项目"
    book.save(path)
    assert [t.project.name for t in read_tables(path)] == [LEFT_NAME, "第二个项目", "第三个项目"]


def test_annotate_marks_the_right_tables_cells(tmp_path):
    path = beside(tmp_path / "side.xlsx", right={"rows": WRONG_SCORE, "total": (100, 95)})
    target = tmp_path / "side-校验.xlsx"
    with redirect_stdout(io.StringIO()):
        assert main(["check", str(path), "--annotate", str(target)]) == 1
    sheet = load_workbook(target)["自评表"]
    assert "JX403" in sheet["S11"].comment.text and "JX501" in sheet["S16"].comment.text
    assert sheet["H11"].comment is None and sheet["H16"].comment is None


def test_batch_shows_a_row_for_each_table(tmp_path):
    inbox = tmp_path / "in"
    inbox.mkdir()
    beside(inbox / "side.xlsx", right={"total": (100, 95)})
    with redirect_stdout(io.StringIO()):
        main(["batch", str(inbox), "-o", str(tmp_path / "s.xlsx"), "--workers", "1"])
    sheet = load_workbook(tmp_path / "s.xlsx", read_only=True)["汇总"]
    rows = [row for row in sheet.iter_rows(min_row=2, values_only=True) if row[0]]
    assert [row[1] for row in rows] == [LEFT_NAME, "第二个项目"]
    assert [row[4] for row in rows] == [99.98, 95]


# ---------------------------------------------------------------- still one table

def _one(path):
    table, data = checked(path)
    return len(table.indicators), codes(data), table.total_declared


def test_an_empty_column_inside_one_table_is_no_second_table(tmp_path):
    plain = _one(standard(tmp_path / "plain.xlsx", rows=WRONG_SCORE))
    for at in (2, 3, 5, 7):  # after 二级, 三级, 实际完成值, 得分: a column inserted, empty
        header = (*STANDARD[:at], None, *STANDARD[at:])
        rows = [(*row[:at], None, *row[at:]) for row in WRONG_SCORE]
        path = standard(tmp_path / f"wide{at}.xlsx", rows=rows, header=header)
        assert len(read_tables(path)) == 1
        if at >= 5:
            assert _one(path) == plain, at
    # a 偏差原因 column headed but left blank, then another empty column, then 备注
    header = (*STANDARD, None, "备注")
    path = standard(tmp_path / "remark.xlsx", rows=WRONG_SCORE, header=header)
    assert _one(path) == plain
    # a hidden column inside the table (a clerk's working, its header cell left empty)
    book = Book()
    rows = [(*row[:5], index, *row[5:]) for index, row in enumerate(WRONG_SCORE)]
    sheet = standard_sheet(book.sheet(), rows=rows, header=(*STANDARD[:5], None, *STANDARD[5:]))
    sheet.ws.column_dimensions["G"].hidden = True
    assert _one(book.save(tmp_path / "hidden.xlsx")) == plain


def test_a_notes_block_or_a_calculation_beside_the_table_is_no_second_table(tmp_path):
    plain = _one(standard(tmp_path / "plain.xlsx", rows=WRONG_SCORE))
    book = Book()
    sheet = standard_sheet(book.sheet(), rows=WRONG_SCORE)
    ws = sheet.ws
    ws.cell(10, 11).value = "填报说明"
    ws.cell(11, 11).value = "1、三级指标的分值由单位自行设定，合计 90 分；2、得分按评分规则计算。"
    ws.cell(5, 12).value = "说明"
    ws.cell(10, 13).value = "指标"  # a clerk's small calculation: 指标 | 分值 | 得分
    ws.cell(10, 14).value = "分值"
    ws.cell(10, 15).value = "得分"
    for row, (name, weight, score) in enumerate((("产出", 50, 49), ("效益", 30, 30),
                                                 ("满意度", 10, 10)), start=11):
        ws.cell(row, 13).value, ws.cell(row, 14).value, ws.cell(row, 15).value = \
            name, weight, score
    ws.cell(14, 13).value = "合计"
    ws.cell(14, 14).value = "=SUM(N11:N13)"
    assert _one(book.save(tmp_path / "notes.xlsx")) == plain


def test_an_example_row_beside_the_table_is_no_second_table(tmp_path):
    """填报示例： over 指标名称 | 指标值 | 实际完成值 | 分值 | 得分 | 偏差原因 and one made-up
    row, right of the table (before: a second table 评分附件表 with a JX101 of its own, rt13);
    a real second table beside, with its own header, is still one."""
    plain = _one(standard(tmp_path / "plain.xlsx", rows=WRONG_SCORE))
    book = Book()
    sheet = standard_sheet(book.sheet(), rows=WRONG_SCORE)
    ws = sheet.ws
    header_row = next(cell.row for line in ws.iter_rows() for cell in line
                      if cell.value == "三级指标")
    ws.cell(header_row - 1, 11).value = "填报示例："
    for column, (title, value) in enumerate(zip(
            ("指标名称", "指标值", "实际完成值", "分值", "得分", "偏差原因"),
            ("群众满意度", "≥95%", "85%", 10, 8.95, "宣传不到位，下年加强宣传"),
            strict=True), start=11):
        ws.cell(header_row, column).value = title
        ws.cell(header_row + 1, column).value = value
    path = book.save(tmp_path / "example.xlsx")
    assert len(read_tables(path)) == 1 and _one(path) == plain


def test_the_hubei_two_blocks_stay_one_table(tmp_path):
    [table] = read_tables(hubei(tmp_path / "hubei.xlsx"))
    assert len(table.indicators) == 12


def test_two_tables_side_by_side_without_an_empty_column_between(tmp_path):
    """Project B's table pasted against project A's, its first column (项目名称, 绩效指标)
    right after A's 偏差原因 (rt18-d 1: before, B was not read at all — its wrong 总分 and
    等级 passed, exit 0)."""
    path = beside(tmp_path / "side.xlsx", right={"total": (100, 95)}, gap=0)
    left, right = read_tables(path)
    assert (left.project.name, right.project.name) == (LEFT_NAME, "第二个项目")
    assert len(left.indicators) == len(right.indicators) == 5
    assert "reason" in left.columns
    [(_, left_findings), (_, right_findings)] = report(path)
    assert left_findings == []
    assert [code for code, _ in right_findings] == ["JX501", "JX502"]


# ------------------------------------------ no empty column, header rows not in line

# rt29: two county tables, each with a 年度总体目标 block of two rows (预期目标 | 实际完成情况),
# project B's pasted against project A's 偏差原因. A: 228 of 240 万元 spent, 9.5 of 10;
# every target met: 9.5 + 20 + 15 + 15 + 30 + 10 = 99.5. B: 620 of 620, 10; 满意度 88% for
# ≥90%: 10 × 88 ÷ 90 = 9.78, no reason written (JX405): 10 + 20 + 15 + 15 + 30 + 9.78 = 99.78.
_PENSION = [
    ("产出指标", "数量指标", "运营养老服务驿站数量", "≥12个", "12个", 20, 20, None),
    ("产出指标", "质量指标", "驿站服务规范达标率", "≥90%", "95%", 15, 15, None),
    ("产出指标", "时效指标", "补贴拨付及时性", "及时", "及时", 15, 15, None),
    ("效益指标", "社会效益指标", "居家老人服务覆盖率", "≥60%", "62%", 30, 30, None),
    ("满意度指标", "服务对象满意度指标", "老年人满意度", "≥90%", "93%", 10, 10, None),
]
_ALLOWANCE = [
    ("产出指标", "数量指标", "高龄津贴发放人数", "≥9000人", "9350人", 20, 20, None),
    ("产出指标", "质量指标", "津贴发放准确率", "＝100%", "100%", 15, 15, None),
    ("产出指标", "时效指标", "津贴发放时间", "每季度末前", "每季度末前", 15, 15, None),
    ("效益指标", "社会效益指标", "高龄老人生活质量", "有所提高", "有所提高", 30, 30, None),
    ("满意度指标", "服务对象满意度指标", "高龄老人满意度", "≥90%", "88%", 10, 9.78, None),
]


def _money(initial, budget, executed, rate, score):
    return [("年度资金总额", initial, budget, executed, 10, rate, score),
            ("其中：当年财政拨款", initial, budget, executed, "—", rate, "—"),
            ("上年结转资金", 0, 0, 0, "—", "—", "—"),
            ("其他资金", 0, 0, 0, "—", "—", "—")]


def _county(path, name, money, rows, total, year=True):
    """A county's table: title, (年度 line), 项目名称, money, a 年度总体目标 block of two
    rows, the indicators under a 绩效指标 label, 总分 and 等级 (columns A … I)."""
    book = Book()
    sheet = book.sheet()
    sheet.title("项目支出绩效自评表", *(("（2024年度）",) if year else ()))
    sheet.project(name, "某县民政局", "某县民政局")
    sheet.money(money)
    first = sheet.line("年度总体目标", "预期目标", None, None, None, "实际完成情况")
    sheet.line(None, "按照年度计划完成各项工作任务。", None, None, None, "已按计划完成各项工作任务。")
    sheet.merge(first, 1, 1, first + 1)
    for row in (first, first + 1):
        sheet.merge(row, 2, 5)
        sheet.merge(row, 6, 9)
    sheet.indicators(rows)
    sheet.total(100, total)
    sheet.grade("优")
    return book.save(path)


def test_two_tables_without_an_empty_column_their_headers_not_in_line(tmp_path):
    """B's 三级指标 header a row higher (no 年度 line), two rows higher (two money lines)
    or two rows lower than A's (rt29: before, A and B were read as one table and a
    headless one — JX001 “是空表”, JX101 分值合计为 90, B's name lost)."""
    pension = _money(240, 240, 228, "95.00%", 9.5)
    allowance = _money(600, 620, 620, "100.00%", 10)
    for label, options, down, row in (("in-line", {}, 0, 17), ("no-year", {"year": False}, 0, 16),
                                      ("two-money-lines", {"money": allowance[:2]}, 0, 15),
                                      ("lower", {}, 2, 19)):
        left = _county(tmp_path / f"{label}.xlsx", "社区养老服务驿站运营补贴", pension,
                       _PENSION, 99.5)
        right = _county(tmp_path / f"{label}-b.xlsx", "老年人高龄津贴",
                        options.pop("money", allowance), _ALLOWANCE, 99.78, **options)
        path = paste_beside(left, right, gap=0, down=down)
        tables = read_tables(path)
        assert [(table.project.name, len(table.indicators)) for table in tables] == [
            ("社区养老服务驿站运营补贴", 5), ("老年人高龄津贴", 5)], label
        [result] = [check_workbook(path)]
        assert [(checked.evaluation.total, checked.grade) for checked in result.tables] == [
            (99.5, "优"), (99.78, "优")], label
        assert report(path) == [("社区养老服务驿站运营补贴", []),
                                ("老年人高龄津贴", [("JX405", f"R{row}")])], label
