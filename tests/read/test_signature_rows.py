"""A signature line typed between the last indicator and the 总分 row with its phone
number typed as a number (red team rt30): a footer row, never an indicator, and not the
table's end — the 总分 and the 评分等级 below it are read and checked."""

from __future__ import annotations

import pytest
from workbooks import PUTUO_1_ROWS, Book, standard_sheet

from jixiao.checks import run_checks
from jixiao.model import evaluate
from jixiao.parsing import compact_text
from jixiao.read.roles import is_footer_label, is_signature_row
from jixiao.read.workbook import read_tables

# The first Putuo 2024 table: 执行率 9.98 + indicators 90 = 99.98 (优); the 总分 is written
# 90 under a 评分等级 of 良 — both wrong once the rows below the signature line are read.
# Columns: A 绩效指标, B 一级, C 二级, D 三级, E 年度指标值, F 实际完成值, G 分值, H 得分.
SIGNATURES = {
    "phone under 年度指标值": ["填表人：", "张丽", None, "联系电话：", 13812345678],
    "phone under 实际完成值": ["填表人：", "张丽", "联系电话：", 13812345678],
    "phone under 分值": ["填表人：", "张丽", None, None, None, "联系电话：", 13812345678],
    "no colons": ["联系人", "张丽", None, "电话", 86661234],
    "numbers under 分值 and 得分": ["填表人", "张丽", None, "联系电话", None, None,
                                 13812345678, 2025],
}


def _checked(tmp_path, signature):
    book = Book()
    sheet = standard_sheet(book.sheet(), total=None, grade=None)
    sheet.line(*signature)
    total_row = sheet.total(100, 90)
    grade_row = sheet.grade("良")
    (table,) = read_tables(book.save(tmp_path / "t.xlsx"))
    evaluation = evaluate(table)
    return table, [(f.code, f.cell, f.message) for f in run_checks(table, evaluation)], \
        total_row, grade_row


@pytest.mark.parametrize("signature", SIGNATURES.values(), ids=SIGNATURES.keys())
def test_a_signature_line_with_a_number_is_no_indicator_nor_the_end(tmp_path, signature):
    table, found, total_row, grade_row = _checked(tmp_path, signature)
    assert [indicator.name for indicator in table.indicators] == [row[2] for row in PUTUO_1_ROWS]
    assert (table.total_declared, table.grade_declared) == (90, "良")
    assert found == [
        ("JX501", f"H{total_row}", "总分写为 90，各项得分之和为 99.98"),
        ("JX502", f"B{grade_row}",
         "评分等级写为“良”，各项得分之和 99.98 应为“优”（总分写为 90，见 JX501）"),
    ]


def test_an_indicator_named_like_a_footer_label_stays_an_indicator(tmp_path):
    """A 时效 row named 填报时间 with its points: one footer-like name, its target and
    actual no values of a label — an indicator (5 of the 30 points of 网络安全防护能力)."""
    rows = [*PUTUO_1_ROWS[:3],
            ("效益指标", "可持续影响指标", "网络安全防护能力", "稳步提升", "达成指标", 25, 25, None),
            ("效益指标", "可持续影响指标", "填报时间", "2024年12月31日前", "2024年12月20日", 5, 5,
             None),
            PUTUO_1_ROWS[4]]
    book = Book()
    standard_sheet(book.sheet(), rows=rows)
    (table,) = read_tables(book.save(tmp_path / "t.xlsx"))
    assert [indicator.name for indicator in table.indicators][-2:] == ["填报时间", "服务对象满意度"]
    assert run_checks(table, evaluate(table)) == []


@pytest.mark.parametrize("text", ["填表人", "填报人：", "联系人", "联系电话：", "电话", "电话：",
                                  "审核人", "负责人：", "单位负责人", "财务负责人：", "填报日期",
                                  "日期：", "日期"])
def test_the_signature_labels(text):
    assert is_footer_label(compact_text(text))


@pytest.mark.parametrize(("texts", "numbers", "signed"), [
    (["填表人:", "张丽", "联系电话:"], True, True),
    (["联系人", "张丽", "电话"], True, True),
    (["联系电话:"], True, True),       # its colon: no indicator's name
    (["填报时间", "2024年12月31日前", "2024年12月20日"], True, False),  # an indicator
    (["填报时间", "2024年12月31日前"], True, False),  # one label, no colon: a name
    (["填报单位:", "某区", "卫生健康委员会"], False, True),  # no numbers: its label says it
    (["服务对象满意度", "填表人"], False, False),
])
def test_a_signature_row_by_its_texts(texts, numbers, signed):
    assert is_signature_row(texts, numbers) is signed


def _as_text(row):
    return tuple(f"{value:.2f}" if isinstance(value, (int, float)) else value for value in row)


def test_indicators_named_like_footer_labels_with_points_typed_as_text(tmp_path):
    """时效 rows 报送日期 then 审核时间 under a merged 二级, every number typed as text
    ("10.00", red team rt30 r9): each a label's name first, its 分值 a number typed as text
    — still points, and a 指标值 and a 完成值 beside them: indicators, not the table's end.
    5 + 25 + 10 + 10 + 30 + 10 = 90 points scored in full, + 执行率 9.98 = 99.98 (优)."""
    rows = [_as_text(row) for row in [
        *PUTUO_1_ROWS[:2],
        ("产出指标", "时效指标", "报送日期", "2024年6月30日前", "2024年6月28日", 10, 10, None),
        ("产出指标", "时效指标", "审核时间", "≤15个工作日", "12个工作日", 10, 10, None),
        *PUTUO_1_ROWS[3:]]]
    book = Book()
    standard_sheet(book.sheet(), rows=rows, total=("100.00", "99.98"))
    (table,) = read_tables(book.save(tmp_path / "t.xlsx"))
    assert [indicator.name for indicator in table.indicators] == [
        "预算资金执行率", "预算编制规范性", "报送日期", "审核时间", "网络安全防护能力",
        "服务对象满意度"]
    evaluation = evaluate(table)
    assert (round(evaluation.total, 2), evaluation.grade) == (99.98, "优")
    assert run_checks(table, evaluation) == []


@pytest.mark.parametrize(("texts", "numbers", "signed"), [
    (["报送日期", "2024年6月30日前", "2024年6月28日", "10.00", "10.00"], True, False),
    (["填表人:", "张丽", "联系电话:", "13812345678"], True, True),  # a phone typed as text
])
def test_a_row_with_points_typed_as_text(texts, numbers, signed):
    assert is_signature_row(texts, numbers) is signed
