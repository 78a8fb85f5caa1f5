"""Reading submitted workbooks in every layout, and refusing what cannot be read."""

import re
import sys
import time
import zipfile

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook
from workbooks import (
    ATTACHMENT,
    MONEY_NO_BUDGET,
    PUTUO_1_ROWS,
    THIRD_PARTY,
    Book,
    Formula,
    Percent,
    big_sheet,
    several_tables,
    sichuan,
    standard,
    standard_sheet,
    zizhou,
)

from jixiao.errors import EmptyWorkbook, NotASelfEvaluation, UnreadableWorkbook
from jixiao.model import Source
from jixiao.parsing import compact_text
from jixiao.read.headers import (
    _EXACT_ROLES,
    _FUND_ROLES,
    _INDICATOR_ROLES,
    fund_role,
    indicator_role,
    names_a_payout,
    names_a_progress,
    rate_kind,
)
from jixiao.read.workbook import read_tables, read_workbook


def only(path):
    tables = read_tables(path)
    assert len(tables) == 1
    return tables[0]


# ---------------------------------------------------------------- layouts

def test_standard_layout_is_read_with_sources(tmp_path):
    table = only(standard(tmp_path / "t.xlsx"))
    assert table.layout == "standard" and table.rules.name == "mof2020"
    assert table.project.name.startswith("普陀区医疗保险事务中心")
    assert (table.project.department, table.project.year) == ("上海市普陀区医疗保障局", 2024)
    total = table.funds.total
    assert (total.initial_budget, total.budget, total.executed, total.rate_declared) == (
        30.03, 31.56, 31.50, 99.80)
    assert total.sources["budget"] == Source("自评表", "D6")
    assert table.funds.weight == 10 and table.funds.score_declared == 9.98
    assert [line.label for line in table.funds.parts] == ["当年财政拨款", "上年结转资金", "其他资金"]
    names = [i.name for i in table.indicators]
    assert names == [row[2] for row in PUTUO_1_ROWS]
    first = table.indicators[0]
    assert (first.target, first.actual, first.weight, first.score_declared) == (
        "≥90.00(%)", "99.80(%)", 5, 5)
    assert first.sources["score"] == Source("自评表", "H11")
    assert (table.total_declared, table.grade_declared) == (99.98, "优")
    assert table.sources["total"] == Source("自评表", "H16")


def test_merged_level1_and_level2_are_carried_down(tmp_path):
    rows = [("产出指标", "数量指标", "a", "≥1", "1", 20, 20, None),
            ("产出指标", "数量指标", "b", "≥1", "1", 20, 20, None),
            ("产出指标", "质量指标", "c", "≥1", "1", 10, 10, None),
            ("效益指标", "社会效益指标", "d", "≥1", "1", 30, 30, None)]
    table = only(standard(tmp_path / "t.xlsx", rows=rows))
    assert [(i.level1, i.level2) for i in table.indicators] == [
        ("产出指标", "数量指标"), ("产出指标", "数量指标"), ("产出指标", "质量指标"),
        ("效益指标", "社会效益指标")]
    # the merged cell's top-left is the source of every row under it
    assert table.indicators[1].sources["level1"] == table.indicators[0].sources["level1"]


def test_zizhou_layout_without_budget_column_and_points_in_headings(tmp_path):
    table = only(zizhou(tmp_path / "z.xlsx"))
    total = table.funds.total
    assert (total.budget, total.executed, total.rate_declared) == (30, 30, 100)
    assert total.sources["budget"] == total.sources["initial_budget"]  # A = 年初预算数
    assert table.indicators[0].level2 == "数量指标 (20 分)"
    assert [i.weight for i in table.indicators] == [20, 10, 10, 10, 30, 10]
    assert table.indicators[-1].score_declared == 7
    assert table.total_declared == 97 and table.grade_declared is None
    assert table.project.year == 2023


def test_standard_without_budget_column_header(tmp_path):
    money = [("年度资金总额", 40, 38, 10, "95%", 9.5)]
    table = only(standard(tmp_path / "t.xlsx", money=money, money_header=MONEY_NO_BUDGET))
    assert table.funds.total.budget == 40 and table.funds.total.executed == 38


def test_sichuan_layout_with_a_two_row_header(tmp_path):
    table = only(sichuan(tmp_path / "s.xlsx"))
    assert table.layout == "sichuan" and table.rules.name == "sichuan"
    first = table.indicators[0]
    assert (first.nature, first.target, first.unit, first.weight, first.actual) == (
        "≥", 20, "台", 30, 20)
    assert first.score_declared is None and "score" not in table.columns
    assert not table.execution_line and table.funds.weight is None
    assert table.funds.total.rate_declared == 75


def test_the_workbook_states_its_rule_set(tmp_path):
    assert only(sichuan(tmp_path / "s.xlsx", rules="ratio")).rules.name == "ratio"


def test_a_rule_set_stated_once_holds_for_every_table(tmp_path):
    book = Book()
    sheet = standard_sheet(book.sheet("两张表"))
    sheet.blank(2)
    standard_sheet(sheet, name="第二个项目")
    book.sheet("说明").line("评分规则", "ratio")
    tables = read_tables(book.save(tmp_path / "rules.xlsx"))
    assert [t.rules.name for t in tables] == ["ratio", "ratio"]
    assert [t.sources["rules"] for t in tables] == [Source("说明", "B1")] * 2


def test_attachment_layout_with_money_on_another_sheet(tmp_path):
    book = Book()
    money = book.sheet("资金情况")
    money.project("某某项目")
    money.money([("年度资金总额", 50, 48, Percent(0.96))],
                header=("全年预算数", "全年执行数", "执行率"), label="资金")
    sheet = book.sheet("评分附件表")
    sheet.indicators([("预算执行率", "预算执行率", 10, "100%", "96%", 9.6, "年底合同尾款未付"),
                      ("产出指标", "完成数量", 50, "≥100 户", "100 户", 50, None),
                      ("效益指标", "群众受益", 30, "明显", "达成", 30, None),
                      ("满意度指标", "满意度", 10, "≥90%", "90%", 10, None)],
                     header=ATTACHMENT, lead=None)
    sheet.total(100, 99.6, label="合计")
    table = only(book.save(tmp_path / "a.xlsx"))
    assert table.layout == "attachment" and table.project.name == "某某项目"
    assert table.funds.total.rate_declared == 96 and table.funds.total.sources["rate"].sheet == "资金情况"
    assert table.indicators[0].level2 is None and table.indicators[0].weight == 10
    assert table.total_declared == 99.6


def test_third_party_index_system(tmp_path):
    book = Book()
    sheet = book.sheet("指标体系")
    rows = [("决策", "项目实施", "实施依据充分性", "…", 22, 20), ("过程", "资金管理", "预算执行率", "…", 18, 18),
            ("产出", "产出数量", "实际完成率", "…", 40, 38), ("效益", "项目效益", "满意度", "…", 20, 20)]
    sheet.indicators(rows, header=THIRD_PARTY, lead=None)
    sheet.total(100, 96, label="合计")
    table = only(book.save(tmp_path / "b.xlsx"))
    assert table.layout == "third_party" and len(table.indicators) == 4
    assert table.indicators[0].target is None and table.total_declared == 96


def test_several_tables_stacked_and_one_per_sheet(tmp_path):
    tables = read_tables(several_tables(tmp_path / "many.xlsx"))
    assert [t.project.name for t in tables][1:] == ["第二个项目", "第三个项目"]
    assert [len(t.indicators) for t in tables] == [5, 5, 5]
    assert tables[1].grade_declared == "良"
    assert tables[1].funds.total.sources["budget"].cell == "D25"


def test_percent_formatted_numbers_and_formulas(tmp_path):
    rows = [(*PUTUO_1_ROWS[0][:4], Percent(0.998), 5, Formula("=G11", 5), None),
            *PUTUO_1_ROWS[1:]]
    table = only(standard(tmp_path / "t.xlsx", rows=rows))
    first = table.indicators[0]
    assert first.actual == "99.8%" and first.score_declared == 5
    info = table.cell(first.sources["score"])
    assert info.formula == "=G11" and info.cached and info.value == 5


def test_the_jixiao_template_is_read_like_any_standard_table(tmp_path):
    from jixiao.samples import sample
    from jixiao.template.build import build_template

    path = tmp_path / "tpl.xlsx"
    build_template(path, table=sample("putuo-1"))
    table = only(path)
    assert table.template and table.layout == "standard"
    assert [i.name for i in table.indicators] == [i.name for i in sample("putuo-1").indicators]
    assert table.cell(table.indicators[0].sources["score"]).formula.startswith("=JX_SCORE(")
    assert table.cell(table.indicators[0].sources["score"]).cached  # results are stored
    assert table.indicators[0].score_declared == 5.0


# ---------------------------------------------------------------- refusals

def refused(path, error=UnreadableWorkbook):
    with pytest.raises(error) as caught:
        read_workbook(path)
    message = str(caught.value)
    assert path.name in message and "Traceback" not in message
    return message


def test_corrupt_zip(tmp_path):
    good = standard(tmp_path / "good.xlsx").read_bytes()
    path = tmp_path / "corrupt.xlsx"
    path.write_bytes(good[: len(good) // 2])
    assert "损坏" in refused(path)


def test_zip_with_a_broken_sheet(tmp_path):
    good = standard(tmp_path / "good.xlsx")
    path = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data[:200]
            target.writestr(info, data)
    assert "损坏" in refused(path)


def test_old_xls(tmp_path):
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2000)
    assert ".xls" in refused(path) and "另存为 .xlsx" in refused(path)


def test_encrypted(tmp_path):
    path = tmp_path / "secret.xlsx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 500
                     + "EncryptionInfo".encode("utf-16-le") + b"\0" * 500)
    assert "密码" in refused(path)


def test_html_saved_as_xls_and_ods_and_empty_file(tmp_path):
    html = tmp_path / "export.xls"
    html.write_bytes("<html><table><tr><td>项目名称</td></tr></table></html>".encode())
    assert "没有找到项目支出绩效自评表" in refused(html, NotASelfEvaluation)  # read as a page
    ods = tmp_path / "table.ods"
    with zipfile.ZipFile(ods, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<x/>")
    assert ".ods" in refused(ods)
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    assert refused(empty, EmptyWorkbook) == "“empty.xlsx”是空文件（0 字节）"  # a failed upload
    missing = tmp_path / "missing.xlsx"
    with pytest.raises(UnreadableWorkbook, match="找不到"):
        read_workbook(missing)


def test_empty_workbook_and_a_sheet_without_a_table(tmp_path):
    path = tmp_path / "empty.xlsx"
    Workbook().save(path)
    assert "是空的工作簿：没有任何内容" in refused(path, NotASelfEvaluation)  # rt19 #6
    book = Book()
    sheet = book.sheet("说明")
    sheet.line("项目名称", "某项目")
    sheet.line("年度指标值", "实际完成值", "偏差原因")  # no 三级指标 / 分值: not a table
    assert "没有找到" in refused(book.save(tmp_path / "notes.xlsx"), NotASelfEvaluation)


def test_a_100000_row_sheet_is_refused_quickly(tmp_path):
    path = big_sheet(tmp_path / "big.xlsx", 100_000, table=False)
    started = time.perf_counter()
    message = refused(path)
    assert time.perf_counter() - started < 5
    assert "过大" in message and "100000 行" in message


def test_a_large_sheet_beside_the_table_is_skipped_with_a_note(tmp_path):
    workbook = read_workbook(big_sheet(tmp_path / "big.xlsx", 100_000))
    assert len(workbook.tables) == 1 and len(workbook.tables[0].indicators) == 5
    assert "明细" in workbook.notes[0]


def test_headings_on_their_own_rows_and_inline_labels(tmp_path):
    book = Book()
    sheet = book.sheet("表")
    sheet.line("项目名称：乡村公路养护")
    sheet.line("主管部门：某县交通运输局", None, "实施单位：某县公路段")
    sheet.indicators([("产出指标（50 分）", None, None, None, None, None, None, None),
                      (None, "数量指标（30 分）", "养护里程", "≥120 公里", "126 公里", 20, 20, None),
                      (None, None, "桥梁检查", "≥12 座", "12 座", 10, 10, None),
                      (None, "质量指标（20 分）", "优良路率", "≥80%", "85%", 20, 20, None)],
                     merge=False)
    table = only(book.save(tmp_path / "h.xlsx"))
    assert (table.project.name, table.project.department, table.project.unit) == (
        "乡村公路养护", "某县交通运输局", "某县公路段")
    assert [(i.level1, i.level2, i.name) for i in table.indicators] == [
        ("产出指标（50 分）", "数量指标（30 分）", "养护里程"),
        ("产出指标（50 分）", "数量指标（30 分）", "桥梁检查"),
        ("产出指标（50 分）", "质量指标（20 分）", "优良路率")]


@pytest.mark.parametrize(("lines", "expected"), [
    # the transfer payment's form: the local one of its two departments (which submits the
    # table; rt15 R12 — before, the ministry), the unit using the money
    ([("转移支付（项目）名称", "农业产业发展资金"), ("中央主管部门", "农业农村部"),
      ("地方主管部门", "某省农业农村厅", None, "资金使用单位", "某县农业农村局")],
     ("农业产业发展资金", "某省农业农村厅", "某县农业农村局")),
    ([("项目名称", "乡村公路养护"), ("部门（单位）名称", "某县交通运输局", None, "填报单位", "某县公路段")],
     ("乡村公路养护", "某县交通运输局", "某县公路段")),
])
def test_the_labels_other_forms_give_the_project(tmp_path, lines, expected):
    book = Book()
    sheet = book.sheet("表")
    for line in lines:
        sheet.line(*line)
    sheet.indicators([("产出指标", "数量指标", "养护里程", "≥120 公里", "126 公里", 50, 50, None)])
    table = only(book.save(tmp_path / "p.xlsx"))
    assert (table.project.name, table.project.department, table.project.unit) == expected


# 区商务局 2020 服务贸易发展资金: the reporting unit's 单位名称 above the table, the project's
# own 项目实施单位 in it.
_COMMERCE = ("项目名称", "服务贸易发展资金", "主管部门", "区商务局", "项目实施单位", "投资促进中心")


@pytest.mark.parametrize(("lines", "unit"), [
    ([("单位名称:区商务局", None, "填报日期:2021 年 4 月 22 日"), _COMMERCE], "投资促进中心"),
    ([("单位名称", "区商务局"), _COMMERCE], "投资促进中心"),
    ([("填报单位：区商务局",), _COMMERCE], "投资促进中心"),
    ([_COMMERCE, ("单位名称", "区商务局")], "投资促进中心"),
    ([("单位名称：区商务局    实施单位：投资促进中心",), _COMMERCE[:4]], "投资促进中心"),
    ([("填报单位：区商务局",),
      ("项目名称：服务贸易发展资金", None, "主管部门：区商务局", None, "实施单位：投资促进中心")],
     "投资促进中心"),
    # no 实施单位 given: the 单位名称 is all there is
    ([("单位名称:区商务局",), _COMMERCE[:4]], "区商务局"),
    ([_COMMERCE[:4], ("单位名称", "区商务局")], "区商务局"),
], ids=["inline-above", "cells-above", "填报单位-above", "below", "one-cell", "both-inline",
        "fallback-inline", "fallback-cells"])
def test_the_implementing_unit_is_the_one_its_own_label_names(tmp_path, lines, unit):
    """单位名称 / 填报单位 name who filled the form in; the 实施单位 is what 项目实施单位 (实施单位)
    says wherever the two stand (before: 单位名称 above the table was taken for it), and
    the 单位名称 only where no 实施单位 is given."""
    book = Book()
    sheet = book.sheet("表")
    sheet.title("2020 年市级服务贸易发展资金项目自评表")
    for line in lines:
        sheet.line(*line)
    sheet.indicators([("产出指标", "数量指标", "支持企业数量", "≥10 家", "12 家", 50, 50, None)])
    table = only(book.save(tmp_path / "p.xlsx"))
    assert (table.project.name, table.project.department, table.project.unit) == (
        "服务贸易发展资金", "区商务局", unit)
    assert unit in str(table.cells[table.sources["project_unit"]].value)  # where it was read


# ---------------------------------------------------------------- matching header texts

def test_compact_text_drops_what_the_whitespace_pattern_matches():
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    assert "".join(every.split()) == re.sub(r"\s+", "", every)  # compact_text uses split()
    assert compact_text(" 三级\u3000指标\n（A） ") == "三级指标(A)"


def _role_by_every_word(text, roles):
    """A role as found by trying every word of every role, in order."""
    if not text:
        return None
    text = re.sub(r"[(（][^)）]*[)）]$", "", text) or text
    for role, words in roles:
        if any(word in text for word in words):
            return role
    return None


_ROLE_CHARACTERS = "".join(sorted({character for roles in (_INDICATOR_ROLES, _FUND_ROLES)
                                   for _, words in roles for word in words
                                   for character in word})) + "()（）%A单位指标"


@given(st.text(_ROLE_CHARACTERS, max_size=24)
       | st.sampled_from([word + suffix for roles in (_INDICATOR_ROLES, _FUND_ROLES)
                          for _, words in roles for word in words
                          for suffix in ("", "(A)", "（%）", "说明")]))
def test_roles_are_those_every_word_gives(text):
    expected = None if len(text) > 20 else (
        _EXACT_ROLES.get(text) or _role_by_every_word(text, _INDICATOR_ROLES))
    if expected == "deduction" and re.search("原因|说明|理由|依据|事由", text):
        expected = "reason"  # 扣分说明, 扣分及原因: the text explaining the deduction
    assert indicator_role(text) == expected
    assert fund_role(text) == _role_by_every_word(text, _FUND_ROLES)


def test_every_column_the_header_reader_knows_is_one_a_table_built_in_code_has():
    """A table built in code has every indicator column (model.INDICATOR_COLUMNS), so a
    check that asks for one never tells a read table from a built one."""
    from jixiao.model import INDICATOR_COLUMNS
    from jixiao.read.headers import _EXACT_ROLES, _INDICATOR_ROLES, _NO_COLUMN, _RENAMED

    known = {role for role, _ in _INDICATOR_ROLES} | set(_EXACT_ROLES.values())
    assert known - set(_NO_COLUMN) - set(_RENAMED) == INDICATOR_COLUMNS


@pytest.mark.parametrize("code", ["#GETTING_DATA", "#FIELD!", "#BUSY!", "#DIV/0!", "Err:502"])
def test_a_cell_showing_an_error_value_is_read_as_no_value(tmp_path, code):
    """Every error value Excel has (model.ERROR_CODES) and LibreOffice's Err:NNN reads
    as no value, as the template's name reader reads it: not as a 完成值 text."""
    rows = [(*PUTUO_1_ROWS[0][:4], code, *PUTUO_1_ROWS[0][5:]), *PUTUO_1_ROWS[1:]]
    [table] = read_tables(standard(tmp_path / "t.xlsx", rows=rows))
    first = table.indicators[0]
    assert first.actual is None
    assert table.cells[first.sources["actual"]].error == code


@pytest.mark.parametrize("lines", [
    ("项目支出绩效自评表", "评价年度：2024年"),
    ("项目支出绩效自评表", "评价年度2024"),
    ("某县财政局2024年项目支出绩效自评表",),
    ("（2024年度）",),
])
def test_the_year_where_units_write_it(tmp_path, lines):
    """评价年度：2024年 under the title, or the year inside the title after the unit's name."""
    book = Book()
    sheet = book.sheet("自评表")
    sheet.title(*lines)
    sheet.project("医保经办能力提升")
    sheet.money([("年度资金总额", 30, 30, 30, 10, "100%", 10)])
    sheet.indicators([("产出指标", "数量指标", "经办业务量", "≥2 万件", "2.3 万件", 90, 90, None)])
    sheet.total(100, 100)
    path = book.save(tmp_path / "t.xlsx")
    assert only(path).project.year == 2024


@pytest.mark.parametrize(("text", "role"), [
    ("全年执行", "executed"), ("全年执行（万元）", "executed"), ("全年执行数(B)", "executed"),
    ("全年执行率", "rate"), ("全年预算", "budget")])
def test_money_header_words(text, role):
    """全年执行 alone heads the 全年执行数 column; 全年执行率 is still the rate."""
    assert fund_role(text) == role


@pytest.mark.parametrize(("text", "role"), [
    # 转移支付 and investment forms' budget: what was allotted (下达), approved (批复), planned
    *((text, "budget") for text in ("下达资金", "下达数", "资金下达数", "预算下达数", "全年下达数",
                                    "指标下达数", "批复金额", "预算批复数", "年度预算", "计划投资")),
    # …what was spent or paid of it
    *((text, "executed") for text in ("支出资金", "已支出资金", "资金支出", "累计支出", "已拨付资金",
                                      "完成投资", "实际完成投资")),
    # …and the rate under their words
    *((text, "rate") for text in ("支出率", "支出进度", "支付进度", "资金支付率", "资金使用率",
                                  "资金支出率")),
    # money received is neither A nor B; the year's start is no A beside the year's budget
    ("到位资金", None), ("实际到位资金", None), ("到位数", None), ("年初预算数", "initial"),
    # rt29 review: what arrived of a budget named by its new words is neither A nor B; the
    # investment planned is A, not the 完成投资 B
    ("预算资金到位数", "ignore"), ("下达资金到位数", "ignore"), ("计划完成投资", "budget")])
def test_money_header_words_of_transfer_payment_forms(text, role):
    assert fund_role(text) == role


@pytest.mark.parametrize(("text", "payout", "progress", "kind"), [
    # rt30: what was passed on is B only beside no column of what was spent
    ("已拨付资金", True, False, None), ("资金拨付数", True, False, None),
    ("实际拨付数", True, False, None), ("拨付资金", True, False, None),
    ("全年执行数", False, False, None), ("支出资金", False, False, None),
    # a rate names what it divides; a progress beside a rate is a schedule's
    ("执行率", False, False, "执行"), ("预算执行率(%)", False, False, "执行"),
    ("资金支出率", False, False, "支出"), ("支付进度", False, True, "支付"),
    ("资金使用率", False, False, "使用"), ("支出进度", False, True, "支出"),
    ("预算执行进度(%)", False, True, "执行")])
def test_money_header_words_that_give_way(text, payout, progress, kind):
    assert (names_a_payout(text), names_a_progress(text), rate_kind(text)) == \
        (payout, progress, kind)


@pytest.mark.parametrize("text", ["序时进度执行率", "序时进度", "序时支出进度", "序时执行进度",
                                  "时间进度"])
def test_a_schedule_heads_no_money_column(text):
    """rt27 r5, rt30 m8b: the share of the year gone (100 % at its end) is no 执行率."""
    assert fund_role(text) == "ignore"


# rt30 m5, m5c: B named twice — what was passed on (100) beside what was spent (96)
@pytest.mark.parametrize(("header", "amounts", "executed"), [
    (("全年预算数", "已拨付资金", "全年执行数"), (100, 100, 96), 96),
    (("全年预算数", "全年执行数", "已拨付资金"), (100, 96, 100), 96),
    (("下达资金", "拨付资金", "支出资金"), (100, 100, 96), 96),
    (("全年预算数", "资金拨付数"), (100, 96), 96),  # alone: B
    # two alike: the rate's own (实际支付数 100 | 全年执行数 96: 执行率 → 96, 支付率 → 100)
    (("全年预算数", "实际支付数", "全年执行数"), (100, 100, 96), 96),
    (("全年预算数", "全年执行数", "实际支付数"), (100, 96, 100), 96),
    (("全年预算数", "实际支付数", "全年执行数"), (100, 100, 96), 100)])
def test_the_spending_beside_what_was_passed_on(tmp_path, header, amounts, executed):
    rate = "支付率" if executed == 100 else "支出率" if "支出资金" in header else "执行率"
    money = [("年度资金总额", *amounts, 10, "96%", 9.6)]
    table = only(standard(tmp_path / "t.xlsx", money=money,
                          money_header=(*header, "分值", rate, "得分")))
    assert (table.funds.total.budget, table.funds.total.executed) == (100, executed)


# rt29 d0–d4: a money header naming the budget twice, 450 beside the year's 500. 全年预算数,
# 调整后预算数 (调整预算数 beside no year's column) are A; a 转移支付 or investment form's
# name (批复金额, 下达资金, 计划投资) or 年度预算(数), 预算资金 is A only where no such column is
@pytest.mark.parametrize(("first", "second", "budget"), [
    ("年度预算数", "调整后预算数", 500), ("批复金额", "调整后预算数", 500),
    ("计划投资", "全年预算数", 500), ("年度预算", "全年预算数", 500),
    ("下达资金", "全年预算数(A)", 500), ("预算资金", "调整后预算数", 500),
    ("批复数", "调整预算数", 500), ("全年预算数", "下达数", 450),
    ("调整后预算数(A)", "年度预算数", 450),
    # two of the forms' own names, or the year's start beside one: the first, as before
    ("批复金额", "下达资金", 450), ("年初预算数", "下达资金", 500)])
def test_the_years_budget_beside_another_budget_name(tmp_path, first, second, budget):
    money = [("年度资金总额", 450, 500, 470, 10, "94%", 9.4)]
    header = (first, second, "全年执行数", "分值", "执行率", "得分")
    table = only(standard(tmp_path / "t.xlsx", money=money, money_header=header))
    assert (table.funds.total.budget, table.funds.total.executed) == (budget, 470)


@pytest.mark.parametrize(("text", "role"), [
    ("自评分数", "score"), ("评价分数", "score"), ("实得分数", "score"), ("考核分数", "score"),
    ("分数", "weight"), ("指标分数", "weight"), ("标准分值", "weight")])
def test_points_scored_and_points_to_score(text, role):
    """自评分数 / 评价分数 head the score (they were read as the 分值, 分数 being in them);
    分数 alone stays the 分值, as the 普陀 money block uses it."""
    assert indicator_role(text) == role
    assert fund_role(text) == role


@pytest.mark.parametrize("text", ["得分计算方法", "评分标准", "计分方法", "评分办法", "得分依据",
                                  "评分计算公式", "打分规则", "扣分标准", "得分计算方法(B/A)"])
def test_how_a_score_is_computed_is_no_score_column(text):
    """得分计算方法, 评分标准 … describe how to score (北京 2016): neither the 得分 nor
    the 分值, in the indicator block or the money block. In the indicator block the ones
    stating a rule are read as the row's own rule (``method``); 得分依据 stays unread."""
    assert indicator_role(text) == ("ignore" if text == "得分依据" else "method")
    assert fund_role(text) == "ignore"


@pytest.mark.parametrize(("text", "role"), [
    ("得分", "score"), ("自评得分", "score"), ("评分结果", "score"), ("得分(20分*执行率)", "score"),
    ("得分说明", "reason"), ("扣分说明", "reason")])
def test_the_score_itself_and_the_clerks_explanation_of_it(text, role):
    assert indicator_role(text) == role


def test_an_evaluation_index_column_names_the_indicator_only_where_nothing_else_does(tmp_path):
    """一级 | 二级 | 评价指标 | 分值 | 得分 (a 第三方 index system): 评价指标 is the 三级 column;
    beside a 三级指标 column it is no column at all (a lead label over the levels)."""
    from jixiao.read.headers import _roles
    assert _roles({1: "一级指标", 2: "二级指标", 3: "评价指标", 4: "分值", 5: "得分"})["name"] == 3
    assert _roles({1: "评价指标", 2: "一级指标", 3: "三级指标", 4: "分值"})["name"] == 3
    assert "other_name" not in _roles({1: "评价指标", 2: "三级指标", 3: "分值"})
    assert indicator_role("计划完成值") == "target"  # planned, not done


@pytest.mark.parametrize(("header", "roles"), [
    # 一级指标 | 分值 | 得分 | 二级指标 | 三级指标 | 分值 | 得分: the pair after the 三级 is
    # the rows' own, the pair after the 一级 the 一级's
    (("一级指标", "分值", "得分", "二级指标", "三级指标", "分值", "得分"),
     {"weight": 6, "score": 7, "level1_weight": 2, "level1_score": 3}),
    (("一级指标", "一级分值", "一级得分", "二级指标", "三级指标", "分值", "得分"),
     {"weight": 6, "score": 7, "level1_weight": 2, "level1_score": 3}),
    (("一级指标", "一级指标分值", "一级指标得分", "二级指标", "三级指标", "三级指标分值",
      "三级指标得分"), {"weight": 6, "score": 7, "level1_weight": 2, "level1_score": 3}),
    (("一级指标", "分值", "得分", "二级指标", "三级指标", "三级指标分值", "三级指标得分"),
     {"weight": 6, "score": 7, "level1_weight": 2, "level1_score": 3}),
    (("一级指标", "分值", "得分", "二级指标", "分值", "得分", "三级指标", "分值", "得分"),
     {"weight": 8, "score": 9, "level1_weight": 2, "level1_score": 3, "level2_weight": 5,
      "level2_score": 6}),
    # two scores right of the names: the unit's own, no level's
    (("一级指标", "二级指标", "三级指标", "分值", "主管部门评分", "自评得分"), {"weight": 4, "score": 6}),
])
def test_each_points_and_score_pair_belongs_to_the_level_before_it(header, roles):
    from jixiao.read.headers import _roles
    columns = _roles(dict(enumerate(header, 1)))
    assert {role: column for role, column in columns.items()
            if role.endswith(("weight", "score"))} == roles


@pytest.mark.parametrize(("text", "role"), [
    ("一级指标:产出指标", None), ("一级指标：效益指标", None), ("二级指标:数量指标", None),
    ("一级:产出指标", None),  # a heading row's text, no header cell
    ("一级指标", "level1"), ("一级指标:", "level1"), ("二级指标：", "level2"),
    ("三级指标:指标名称", "name"),  # the rest a header word itself: still a header cell
])
def test_a_level_written_before_its_name_is_a_heading_not_a_header(text, role):
    assert indicator_role(text) == role
