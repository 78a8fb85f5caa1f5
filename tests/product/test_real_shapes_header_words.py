"""Header words of submitted tables that were not read (rt15 b2 R5, R7, R9, R11): a target
column headed 全年目标 or 目标任务, a 全年执行数 headed with the treasury's words (支付数,
拨付数, 使用数), a reason column headed 说明, a name column headed 绩效指标 right of the
二级. Each was a false error (JX208 and nothing scored, JX307 with no total, JX405, a
refused file) or hid a real mistake."""

from __future__ import annotations

import pytest
from test_real_shapes import checked, codes
from workbooks import MONEY, PUTUO_1_MONEY, PUTUO_1_ROWS, STANDARD, standard


def _unmet_rows():
    rows = list(PUTUO_1_ROWS)
    rows[0] = (*rows[0][:3], "≥500人", "480人", 5, 5, None)  # unmet at full marks
    return rows


@pytest.mark.parametrize("word", ["全年目标", "全年绩效目标", "绩效目标", "目标", "年度计划", "目标任务"])
def test_the_target_column_in_other_words(tmp_path, word):
    header = (*STANDARD[:3], word, *STANDARD[4:])
    table, data = checked(standard(tmp_path / "t.xlsx", header=header))
    assert codes(data) == []
    assert table.indicators[0].target == PUTUO_1_ROWS[0][3]
    _, data = checked(standard(tmp_path / "u.xlsx", header=header, rows=_unmet_rows()))
    assert codes(data) == ["JX402"]


def test_the_whole_years_target_beside_the_initial_one(tmp_path):
    header = (*STANDARD[:3], "年初目标", "全年目标", "全年实际完成", *STANDARD[5:])
    rows = [(*row[:3], "≥99%", *row[3:]) for row in PUTUO_1_ROWS]
    rows[0] = (*PUTUO_1_ROWS[0][:3], "≥99.9%", "≥90%", "99.80%", 5, 5, None)
    table, data = checked(standard(tmp_path / "t.xlsx", header=header, rows=rows))
    assert table.indicators[0].target == "≥90%"
    assert codes(data) == []


@pytest.mark.parametrize("word", ["全年支付数(B)", "实际支付数", "实际拨付数", "实际使用数",
                                  "已使用资金", "全年完成数"])
def test_the_amount_spent_in_the_treasurys_words(tmp_path, word):
    money_header = (*MONEY[:2], word, *MONEY[3:])
    table, data = checked(standard(tmp_path / "t.xlsx", money_header=money_header))
    assert table.funds.total.executed == PUTUO_1_MONEY[0][3]
    assert codes(data) == []
    low = [(PUTUO_1_MONEY[0][0], 30.03, 31.56, 20, 10, 99.80, 9.98), *PUTUO_1_MONEY[1:]]
    _, data = checked(standard(tmp_path / "u.xlsx", money_header=money_header, money=low))
    assert {"JX301", "JX306"} <= set(codes(data))  # 20 of 31.56 is 63 %, written 99.8 %


@pytest.mark.parametrize("word", ["说明", "情况说明"])
def test_a_reason_column_headed_explanation(tmp_path, word):
    header = (*STANDARD[:-1], word)
    rows = list(PUTUO_1_ROWS)
    rows[4] = (*rows[4][:5], 10, 8, "部分对象对服务时间不满意，下年度调整")
    _, data = checked(standard(tmp_path / "t.xlsx", header=header, rows=rows, total=(100, 97.98)))
    assert "JX405" not in codes(data)
    rows[4] = (*rows[4][:5], 10, 8, None)
    _, data = checked(standard(tmp_path / "u.xlsx", header=header, rows=rows, total=(100, 97.98)))
    assert "JX405" in codes(data)


def test_a_name_column_headed_jixiao_zhibiao_right_of_the_levels(tmp_path):
    header = ("一级指标", "二级指标", "绩效指标", *STANDARD[3:])
    table, data = checked(standard(tmp_path / "t.xlsx", header=header))
    assert [i.name for i in table.indicators] == [row[2] for row in PUTUO_1_ROWS]
    assert codes(data) == []


@pytest.mark.parametrize("label", ["项目", "序号"])
def test_a_money_header_beginning_with_project_or_number(tmp_path, label):
    """rt15 R6: 项目 | 年初预算数 | 全年预算数 | 全年执行数 over 年度资金总额 …: a money
    block, not a list of projects (before: not read, JX307 and no total)."""
    table, data = checked(standard(tmp_path / "t.xlsx", money_header=MONEY,
                                   money=PUTUO_1_MONEY, money_label=label))
    assert table.funds.total.executed == PUTUO_1_MONEY[0][3]
    assert codes(data) == [] and data["total_computed"] == 99.98


@pytest.mark.parametrize("line", ["（2024年）", "2024年", "（二〇二四年度）", "二〇二四年"])
def test_the_year_alone_on_the_line_under_the_title(tmp_path, line):
    """rt15 b2 R13: before, only （2024年度） or a year inside the title was read."""
    table, _ = checked(_titled(tmp_path / "t.xlsx", line, ("某项目", "某局", "某中心")))
    assert table.project.year == 2024


def test_the_local_department_of_a_transfer_payments_form(tmp_path):
    """rt15 b2 R12: 中央主管部门 (the ministry) and 地方主管部门 on a 区域绩效自评表: the
    department is the local one, which submits the table (before: the ministry, so every
    county's table was grouped under it in batch)."""
    from workbooks import Book

    book = Book()
    sheet = book.sheet()
    sheet.title("中央对地方转移支付区域绩效自评表", "（2024年度）")
    sheet.line("转移支付（项目）名称", None, "就业补助资金")
    sheet.line("中央主管部门", None, "人力资源社会保障部、财政部")
    sheet.line("地方主管部门", None, "某县人力资源和社会保障局", None, None, "资金使用单位", "某县就业服务中心")
    sheet.money(PUTUO_1_MONEY)
    sheet.indicators(PUTUO_1_ROWS)
    sheet.total(100, 99.98)
    table, _ = checked(book.save(tmp_path / "t.xlsx"))
    assert table.project.department == "某县人力资源和社会保障局"


def test_a_name_wrapped_by_hand_and_a_units_stamp_note(tmp_path):
    """rt15 L9: a line break typed in the project name stayed in it (JSON, 汇总), and
    （盖章） after the unit was part of its name."""
    project = ("2024年职业技能\n培训补贴项目", "某县人力资源和社会保障局", "某县就业服务中心\n（盖章）")
    table, _ = checked(_titled(tmp_path / "t.xlsx", "（2024年度）", project))
    assert table.project.name == "2024年职业技能培训补贴项目"
    assert table.project.unit == "某县就业服务中心"


def _titled(path, year_line, project):
    """The standard table under its title, ``year_line`` below it, ``project`` (name,
    department, unit) in the usual lines."""
    from workbooks import Book

    book = Book()
    sheet = book.sheet()
    sheet.title("项目支出绩效自评表", year_line)
    sheet.project(*project)
    sheet.money(PUTUO_1_MONEY)
    sheet.indicators(PUTUO_1_ROWS)
    sheet.total(100, 99.98)
    return book.save(path)
