"""A 总分 row whose cells do not stand under 分值 and 得分 (rt27 r6 2): Word's
"总分 | 100 | 98.95 | 评分等级 | 优", its 总分 cell spanning one grid column fewer (or
more) than the 一级 … 完成值 above, every cell after it one column off. The row is read
by its own labels: of the two numbers between 总分 and 评分等级, the first is the 分值
total, the second the 总分; the cell after 评分等级 the grade."""

import pytest
from test_real_shapes import checked, codes
from wordfiles import workbook_docx
from workbooks import Book

HEADER = ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
          "偏差原因分析及改进措施")
# 分值 50 + 30 + 10 + 执行率 10 = 100; 总分 50 + 30 + 8.95 + 执行率 10 (100%) = 98.95, 优
ROWS = [
    ("产出指标", "数量指标", "培训人数", "≥500人", "520人", 50, 50),
    ("效益指标", "社会效益指标", "群众知晓率", "≥90%", "92%", 30, 30),
    ("满意度指标", "服务对象满意度指标", "参训人员满意度", "≥95%", "85%", 10, 8.95,
     "课时偏少，下年度增加实操课时"),
]


def _book(path, total_span, grade, total_line=None):
    """The form, its 总分 cell merged over ``total_span`` columns, then 100 | 98.95 |
    评分等级 | ``grade`` (or the 总分 row ``total_line``)."""
    book = Book()
    sheet = book.sheet("自评表")
    sheet.title("项目支出绩效自评表", "(2023 年度)")
    sheet.line("项目名称", None, "城乡居民就业技能培训项目")
    sheet.money([("年度资金总额", 30, 30, 30, 10, "100%", 10)],
                header=("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"),
                label="项目资金（万元）")
    for values in (HEADER, *ROWS):
        sheet.line(*values)
    row = sheet.line(*total_line) if total_line else \
        sheet.line("总分", *([None] * (total_span - 1)), 100, 98.95, "评分等级", grade)
    if total_span > 1:
        sheet.merge(row, 1, total_span)
    return book.save(path)


@pytest.mark.parametrize("word", [False, True])
@pytest.mark.parametrize("total_span", [4, 3])  # one, two columns left of 分值 | 得分
@pytest.mark.parametrize(("grade", "found"), [("优", []), ("良", ["JX502"])])
def test_a_total_row_off_the_columns_is_read_by_its_labels(tmp_path, word, total_span, grade,
                                                           found):
    path = _book(tmp_path / "表.xlsx", total_span, grade)
    if word:
        path = workbook_docx(path, tmp_path / "表.docx")
    table, data = checked(path)
    assert (table.total_declared, data["weight_total"], table.grade_declared) == \
        (98.95, 100, grade)
    assert data["total_computed"] == 98.95
    # no 分值合计 written as 98.95 (JX101), no 总分 missing (JX501); 良 for 98.95 is JX502
    assert codes(data) == found


def test_a_lone_number_under_the_weights_is_their_total_not_the_score(tmp_path):
    """总分 | … | 100 (under 分值) | 评分等级 (under 得分) | 优: the 100 is the 分值 total, the
    总分 left blank (JX501 总分未填写) — not a 总分 of 100 (rt27 review: “总分写为 100”)."""
    path = _book(tmp_path / "表.xlsx", 1, None,
                 total_line=("总分", None, None, None, None, 100, "评分等级", "优"))
    table, data = checked(path)
    assert table.total_declared is None and data["total_computed"] == 98.95
    assert [f["message"][:5] for f in data["findings"] if f["code"] == "JX501"] == ["总分未填写"]
