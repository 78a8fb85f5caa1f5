"""Round 20 (red team rt20e): a money column's own unit over the block's corner label, a
一级 typed in the second row of its group, and a grade written with its letter
(each test fails on 6fb78de)."""

import pytest
from test_real_shapes import checked
from workbooks import Book, standard_sheet

from jixiao.cli.main import main
from jixiao.read.by_names import read_template


def _money_units(path, corner, column_unit, amounts):
    """The standard table (first Putuo 2024 indicators) whose money block is labelled
    ``corner`` and whose amount columns say ``column_unit``; ``amounts`` the 年度资金总额
    line's (年初, A, B)."""
    initial, budget, executed = amounts
    header = (f"年初预算数{column_unit}", f"全年预算数(A){column_unit}",
              f"全年执行数(B){column_unit}", "分值", "执行率(B/A)", "得分")
    money = [("年度资金总额", initial, budget, executed, 10, 99.80, 9.98),
             ("其中：当年财政拨款", initial, budget, executed, "—", 99.80, "—"),
             ("上年结转资金", 0, 0, 0, "—", 0, "—"),
             ("其他资金", 0, 0, 0, "—", 0, "—")]
    book = Book()
    standard_sheet(book.sheet(), money=money, money_header=header, money_label=corner)
    return book.save(path)


@pytest.mark.parametrize(("corner", "column_unit", "amounts"), [
    ("项目资金（万元）", "（元）", (300300, 315600, 315000)),  # read as 315600 万元
    ("项目资金（元）", "（万元）", (30.03, 31.56, 31.50)),  # read as 0.003156 万元
])
def test_a_money_column_s_own_unit_wins_over_the_block_s_label(tmp_path, corner, column_unit,
                                                               amounts):
    """rt20e y1/y2: the block's label says one unit, its amount columns another: each
    amount is in its column's unit — 31.56 万元 and 31.50 万元 either way (before: the
    label's, 315,600 万元 or 0.003156 万元, and ``convert`` wrote that into the template)."""
    path = _money_units(tmp_path / "t.xlsx", corner, column_unit, amounts)
    table, data = checked(path)
    assert (data["funds"]["budget"], data["funds"]["executed"], data["funds"]["rate"]) \
        == (31.56, 31.5, 99.81)
    assert [(line.label, line.initial_budget, line.budget, line.executed)
            for line in [table.funds.total, *table.funds.parts]] == [
        ("年度资金总额", 30.03, 31.56, 31.5), ("当年财政拨款", 30.03, 31.56, 31.5),
        ("上年结转资金", 0.0, 0.0, 0.0), ("其他资金", 0.0, 0.0, 0.0)]
    assert not [f for f in data["findings"] if f["code"].startswith("JX3")]
    out = tmp_path / "converted.xlsx"
    assert main(["convert", str(path), "-o", str(out)]) == 0
    converted = read_template(out)
    assert (converted.funds.total.budget, converted.funds.total.executed) == (31.56, 31.5)


_L1_MIDDLE_ROWS = [
    (None, "数量指标", "新建供水工程", "≥5个", "5个", 20, 20, None),
    ("产出指标", "质量指标", "工程验收合格率", "≥95%", "98%", 10, 10, None),
    ("产出指标", "时效指标", "工程完工时间", "≤180天", "180天", 10, 10, None),
    ("产出指标", "成本指标", "单处工程成本", "≤20万元", "19万元", 10, 10, None),
    ("效益指标", "社会效益指标", "受益人口", "≥5000人", "5000人", 30, 30, None),
    ("满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "92%", 10, 10, None),
]


def test_a_blank_level1_above_the_first_typed_one_is_that_one_s(tmp_path):
    """rt20e m1: 产出指标 typed in its group's second row, not merged over the first: the
    first row (数量指标) is 产出's (before: 一级 none, no finding, and its 20 points in no
    一级). rt30 r7 c1: the label is the group's, as a PDF conversion's centred label is —
    no JX107 (which rt20e gave: the row was classed by its 二级)."""
    book = Book()
    standard_sheet(book.sheet(), rows=_L1_MIDDLE_ROWS, merged=())
    table, data = checked(book.save(tmp_path / "t.xlsx"))
    assert [row.level1 for row in table.indicators] == [
        "产出指标", "产出指标", "产出指标", "产出指标", "效益指标", "满意度指标"]
    assert data["findings"] == []


@pytest.mark.parametrize("written", ["A（优秀）", "优秀（A）", "A(优)", "A级（优秀）", "A-优秀"])
def test_a_grade_written_with_its_letter_is_read_by_its_word(tmp_path, written):
    """rt20e v11: “A（优秀）” with a 总分 of 99.98 states 优 in words: it is read as 优, no
    JX502 (before: “A（优秀）”不是优、良、中、差之一)."""
    book = Book()
    standard_sheet(book.sheet(), grade=written)
    _, data = checked(book.save(tmp_path / "t.xlsx"))
    assert (data["grade_declared"], data["grade_computed"]) == (written, "优")
    assert data["findings"] == []


def test_a_grade_written_as_a_word_that_is_not_the_total_s_is_still_wrong(tmp_path):
    """A（良好） under a 总分 of 99.98: the word, 良, is read, and it is not the 优 due."""
    book = Book()
    standard_sheet(book.sheet(), grade="A（良好）")
    _, data = checked(book.save(tmp_path / "t.xlsx"))
    assert [(f["code"], f["message"]) for f in data["findings"]] == [
        ("JX502", "评分等级写为“A（良好）”，总分 99.98 应为“优秀”")]


@pytest.mark.parametrize("written", ["A", "A级"])
def test_a_bare_letter_grade_is_told_to_be_written_in_words(tmp_path, written):
    """rt20e v11: a bare “A”: what the letters stand for is no national rule (DOMAIN.md
    knows 优/良/中/差 only), so it stays a JX502 error — one that says the letter is no
    grade jixiao reads and how to write it (before: only “不是优、良、中、差之一”)."""
    book = Book()
    standard_sheet(book.sheet(), grade=written)
    _, data = checked(book.save(tmp_path / "t.xlsx"))
    assert [(f["code"], f["severity"], f["message"]) for f in data["findings"]] == [
        ("JX502", "error", f"评分等级“{written}”是字母等级，不是优、良、中、差之一（字母各地含义"
                           "不一，请写优、良、中、差，或在字母后注明，如“A（优）”），总分 99.98 应为“优”")]
