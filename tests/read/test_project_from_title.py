"""A table without a 项目名称 row whose title names its project: the standard form's
(…项目支出绩效自评表) and a 第三方评价 index system's (…项目绩效评价指标体系及评分表)."""

import json

import pytest
from workbooks import ATTACHMENT, PUTUO_1_MONEY, PUTUO_1_ROWS, THIRD_PARTY, Book, Percent

from jixiao.cli.main import main
from jixiao.read.project import title_name
from jixiao.read.workbook import read_workbook

ROWS = [("决策", "项目实施", "实施依据充分性", "…", 22, 20), ("过程", "资金管理", "预算执行率", "…", 18, 18),
        ("产出", "产出数量", "实际完成率", "…", 40, 38), ("效益", "项目效益", "满意度", "…", 20, 20)]


def _third_party(tmp_path, title):
    book = Book()
    sheet = book.sheet("Sheet1")
    sheet.title(title)
    sheet.indicators(ROWS, header=THIRD_PARTY, lead=None)
    sheet.total(100, 96, label="合计")
    return book.save(tmp_path / "第三方.xlsx")


@pytest.mark.parametrize(("title", "name", "heading"), [
    ("博湖县医保信息化建设经费项目绩效评价指标体系及评分表", "博湖县医保信息化建设经费项目",
     "博湖县医保信息化建设经费项目\n"),
    ("博湖县医保信息化建设经费项目绩效评价指标体系", "博湖县医保信息化建设经费项目",
     "博湖县医保信息化建设经费项目\n"),
    ("附件1：博湖县医保信息化建设经费项目绩效评价指标体系评分表", "博湖县医保信息化建设经费项目",
     "博湖县医保信息化建设经费项目\n"),
    ("2022年度博湖县医保信息化建设经费项目评分表", "博湖县医保信息化建设经费项目",
     "博湖县医保信息化建设经费项目（2022 年度）\n"),
    ("项目绩效评价指标体系及评分表", None, "（未写项目名称）\n"),
    ("绩效评价指标评分表", None, "（未写项目名称）\n"), ("绩效自评评分表", None, "（未写项目名称）\n"),
    ("XX街道社区养老服务补贴项目绩效自评评分表", "XX街道社区养老服务补贴项目",
     "XX街道社区养老服务补贴项目\n"),
    ("附表2 某县污水处理厂运行项目支出绩效自评价评分表", "某县污水处理厂运行项目",
     "某县污水处理厂运行项目\n"),
    # rt24 I: 评分 without 表 ends the form's phrase too (before: （未写项目名称）)
    ("附件 1：和静县医保经办能力建设项目绩效评价指标体系及评分", "和静县医保经办能力建设项目",
     "和静县医保经办能力建设项目\n"),
    ("和静县医保经办能力建设项目支出绩效评价评分", "和静县医保经办能力建设项目",
     "和静县医保经办能力建设项目\n"),
    ("项目绩效评价指标体系及评分", None, "（未写项目名称）\n"),  # only the form's words
    ("和静县医保经办能力建设项目专家评分", None, "（未写项目名称）\n"),  # a label's 评分
])
def test_a_third_party_title_names_its_project(tmp_path, capsys, title, name, heading):
    """rt23 R: the index system named its project only in its title: （未写项目名称）."""
    path = _third_party(tmp_path, title)
    tables = read_workbook(path).tables
    assert [(table.layout, table.project.name) for table in tables] == [("third_party", name)]
    main(["check", str(path)])
    assert f"表 1/1：{heading}" in capsys.readouterr().out


@pytest.mark.parametrize(("title", "name"), [
    ("新型职业农民培育项目绩效自评表", "新型职业农民培育项目"),
    ("附件2：新型职业农民培育项目支出绩效自评表", "新型职业农民培育项目"),
    ("项目支出绩效自评表", None),
    # rt29 review: 附件 right before the year (附件 2023年度…) is no attachment's number
    ("附件 2023年度新型职业农民培育项目绩效自评表", "新型职业农民培育项目"),
])
def test_a_standard_title_names_its_project(tmp_path, title, name):
    book = Book()
    sheet = book.sheet("Sheet1")
    sheet.title(title, "（2024 年度）")
    sheet.money(PUTUO_1_MONEY)
    sheet.indicators(PUTUO_1_ROWS)
    sheet.total(100, 99.98)
    path = book.save(tmp_path / "标准.xlsx")
    assert [table.project.name for table in read_workbook(path).tables] == [name]


ATTACHMENT_TITLE = "XX街道社区养老服务补贴项目绩效自评评分表"


def _attachment(tmp_path, title=ATTACHMENT_TITLE, name="社区养老服务补贴", own_name=None):
    """A 评分附件表 titled ``title``, its money, 主管部门 and 实施单位 (and 项目名称 ``name``)
    on a 资金情况 sheet; ``own_name`` a 项目名称 row of the table's own under its title."""
    book = Book()
    sheet = book.sheet("评分表")
    sheet.title(title)
    if own_name is not None:
        sheet.project(own_name)
    sheet.indicators([("预算执行率", "预算执行率", 10, "≥90%", "96%", 9.6, None),
                      ("产出指标", "补贴发放人数", 50, "≥1200人", "1250人", 50, None),
                      ("效益指标", "老年人生活质量", 30, "明显改善", "明显改善", 30, None),
                      ("满意度指标", "服务对象满意度", 10, "≥90%", "92%", 10, None)],
                     header=ATTACHMENT, lead=None)
    sheet.total(100, 99.6, label="合计")
    money = book.sheet("资金情况")
    if name is not None:
        money.line("项目名称", name)
    money.line("主管部门", "某某区民政局", "实施单位", "某某街道办事处")
    money.money([("年度资金总额", 50, 50, 48, Percent(0.96))],
                header=("年初预算数", "全年预算数", "全年执行数", "执行率"), label="项目资金（万元）")
    return book.save(tmp_path / "附件表.xlsx")


def _json_project(path, capsys):
    assert main(["check", str(path), "--json"]) == 0
    return json.loads(capsys.readouterr().out)["project"]


def test_a_name_written_beside_the_money_wins_over_the_title(tmp_path, capsys):
    """rt24 B: 资金情况 says 项目名称 | 社区养老服务补贴, and its 主管部门 and 实施单位 were
    taken, but the name was what the title left: XX街道社区养老服务补贴项目绩效自评."""
    path = _attachment(tmp_path)
    assert _json_project(path, capsys) == {"name": "社区养老服务补贴", "department": "某某区民政局",
                                           "unit": "某某街道办事处", "year": None}
    table, = read_workbook(path).tables
    assert (table.sources["project_name"].sheet, table.sources["project_name"].cell) == ("资金情况", "B1")
    main(["check", str(path)])
    assert "表 1/1：社区养老服务补贴\n" in capsys.readouterr().out


def test_without_a_written_name_the_title_names_the_attachment(tmp_path, capsys):
    """No 项目名称 on the 资金情况 sheet: the title's name, the form's whole phrase left off."""
    path = _attachment(tmp_path, name=None)
    assert _json_project(path, capsys)["name"] == "XX街道社区养老服务补贴项目"
    table, = read_workbook(path).tables
    assert table.sources["project_name"].cell == "A1"


def test_the_tables_own_name_wins_over_the_money_sheets(tmp_path, capsys):
    """A 项目名称 row of the table's own is its name: another sheet's does not replace it."""
    path = _attachment(tmp_path, own_name="社区居家养老服务补贴项目")
    assert _json_project(path, capsys)["name"] == "社区居家养老服务补贴项目"


# ---------------------------------------------------------------- rt29 r5: 评价 titles

def _scored_attachment(tmp_path, title, money_sheet=False):
    """A 评分附件表 under ``title`` (rt29 r5 a1_ok), with no 项目名称 of its own; its money,
    where ``money_sheet``, on a 资金情况 sheet listing the one project (项目名称 | 全年预算数
    | 全年执行数 | 预算执行率 over 2023年高素质农民培育项目 | 80 | 74 | 92.5%)."""
    book = Book()
    if money_sheet:
        money = book.sheet("资金情况")
        money.line("2023年高素质农民培育项目资金使用情况")
        money.line("单位：万元")
        money.line("项目名称", "全年预算数", "全年执行数", "预算执行率")
        money.line("2023年高素质农民培育项目", 80, 74, "92.5%")
    sheet = book.sheet("评分附件表")
    sheet.title(title)
    sheet.indicators([("预算执行率", "预算执行率", 10, "100%", "92.5%", 9.25, None),
                      ("产出指标", "培训人次", 50, "≥500人次", "520人次", 50, None),
                      ("效益指标", "学员就业率", 30, "≥60%", "65%", 30, None),
                      ("满意度指标", "学员满意度", 10, "≥90%", "95%", 10, None)],
                     header=ATTACHMENT, lead=None)
    sheet.total(100, 99.25, label="合计")
    return book.save(tmp_path / "附件表.xlsx")


@pytest.mark.parametrize(("title", "name", "year"), [
    # the form's words 评分附件表, 得分表, 结果表 after 绩效评价 (before: no name)
    ("附件2：2023年高素质农民培育项目绩效评价评分附件表", "高素质农民培育项目", 2023),
    ("2023年高素质农民培育项目绩效评价评分附件表", "高素质农民培育项目", 2023),
    ("高素质农民培育项目绩效评价得分表", "高素质农民培育项目", None),
    ("附表1 高素质农民培育项目绩效评价结果表", "高素质农民培育项目", None),
    ("2023年度高素质农民培育项目支出绩效评价评分表", "高素质农民培育项目", 2023),
    ("项目绩效评价评分附件表", None, None), ("绩效评价结果表", None, None),
])
def test_an_evaluations_title_names_the_attachment(tmp_path, title, name, year):
    """rt29 r5 (2): …项目绩效评价评分附件表 / 得分表 / 结果表 gave （未写项目名称）; (3) the
    year after 附件2： was dropped (the title without it gave （2023 年度））."""
    table, = read_workbook(_scored_attachment(tmp_path, title)).tables
    assert (table.project.name, table.project.year) == (name, year)


def test_the_year_after_an_attachments_number_heads_the_table(tmp_path, capsys):
    path = _scored_attachment(tmp_path, "附件2：2023年高素质农民培育项目绩效评价评分附件表")
    main(["check", str(path)])
    assert "表 1/1：高素质农民培育项目（2023 年度）\n" in capsys.readouterr().out


def test_the_money_sheets_project_column_names_the_attachment(tmp_path, capsys):
    """a1_ok: 资金情况's 项目名称 column names the one project its money is: a name written as
    a name, over what the title leaves of itself (as a 项目名称 | X row on that sheet is)."""
    path = _scored_attachment(tmp_path, "附件2：2023年高素质农民培育项目绩效评价评分附件表",
                              money_sheet=True)
    table, = read_workbook(path).tables
    assert table.project.name == "2023年高素质农民培育项目"
    assert (table.sources["project_name"].sheet, table.sources["project_name"].cell) == ("资金情况", "A4")
    assert table.funds.scored.budget == 80


def test_a_money_sheets_project_column_names_an_untitled_attachment(tmp_path):
    """The title names no project (绩效评价评分附件表): the money sheet's 项目名称 does."""
    path = _scored_attachment(tmp_path, "绩效评价评分附件表", money_sheet=True)
    table, = read_workbook(path).tables
    assert table.project.name == "2023年高素质农民培育项目"


def _report(tmp_path, cover, table_title="附件 1：项目支出绩效评价指标体系及评分"):
    """A 绩效评价报告 (rt29 r5 w4, 博湖): the cover's title over its lines ``cover``, a
    sentence, then the index system under a title naming no project."""
    from wordfiles import cell, docx, paragraph, table

    rows = [[cell(text) for text in ("一级指标", "二级指标", "三级指标", "指标解释", "分值", "得分")]]
    rows += [[cell(value) for value in row] for row in ROWS]
    rows.append([cell("合计", span=4), cell(100), cell(96)])
    body = "".join(paragraph(line) for line in cover) \
        + paragraph("受博湖县财政局的委托，某咨询公司承担了项目的绩效评价工作。") \
        + paragraph(table_title) + table(rows)
    return docx(tmp_path / "报告.docx", body)


@pytest.mark.parametrize(("cover", "name"), [
    (["博湖县医保信息化建设经费项目支出", "绩效评价报告"], "博湖县医保信息化建设经费项目"),
    (["博湖县医保信息化建设经费项目支出绩效评价报告"], "博湖县医保信息化建设经费项目"),
    (["2023年度博湖县医保信息化建设经费项目", "绩效自评报告"], "博湖县医保信息化建设经费项目"),
    (["绩效评价报告"], None),  # the form's words only
    # rt29 review: a task about a report is no cover's title (请于… named 请于3月底前按时报送)
    (["请于3月底前按时报送绩效自评报告"], None),
    (["是否按时报送绩效自评报告"], None),
    (["按时提交绩效评价报告"], None),
])
def test_a_reports_cover_names_its_index_system(tmp_path, cover, name):
    """rt29 r5 w4: the name only on the cover, over two lines (…经费项目支出 / 绩效评价报告)."""
    table, = read_workbook(_report(tmp_path, cover)).tables
    assert (table.layout, table.project.name) == ("third_party", name)


def test_the_tables_own_title_wins_over_the_cover(tmp_path):
    path = _report(tmp_path, ["博湖县医保信息化建设项目", "绩效评价报告"],
                   "附件1：博湖县医保信息化建设经费项目绩效评价指标体系及评分表")
    table, = read_workbook(path).tables
    assert table.project.name == "博湖县医保信息化建设经费项目"


def test_a_year_right_after_the_attachment_label_is_the_tables_year(tmp_path):
    """rt29 review: 附件 2023年度…自评表 lost its year (the attachment's number took 2023)."""
    book = Book()
    sheet = book.sheet("Sheet1")
    sheet.title("附件 2023年度新型职业农民培育项目绩效自评表")
    sheet.money(PUTUO_1_MONEY)
    sheet.indicators(PUTUO_1_ROWS)
    sheet.total(100, 99.98)
    table, = read_workbook(book.save(tmp_path / "附件.xlsx")).tables
    assert (table.project.name, table.project.year) == ("新型职业农民培育项目", 2023)


@pytest.mark.parametrize(("report_title", "name"), [
    # rt30 r1 p1: the report's title names no project, only the kind of money (重点项目)
    ("2023年度重点项目绩效评价报告", None), ("2023年度重点项目支出绩效评价报告", None),
    ("博湖县财政局2023年度重点项目绩效评价报告", None), ("2023年度项目支出绩效评价报告", None),
    ("2023年度专项资金绩效评价报告", None), ("2023年度部门整体支出绩效评价报告", None),
    ("2023年度财政支出绩效评价报告", None), ("2023年度项目绩效自评报告", None),
    ("2023年度博湖县农村饮水安全重点项目绩效评价报告", "博湖县农村饮水安全重点项目"),
])
def test_a_report_title_of_a_generic_word_names_no_project(tmp_path, capsys, report_title,
                                                           name):
    """博湖县财政局 / 2023年度重点项目绩效评价报告 / 项目绩效评价指标体系及评分表: before,
    the project “重点项目” — and in a batch two unrelated projects “同一项目” of 2 files."""
    book = Book()
    sheet = book.sheet("评分表")
    sheet.title("博湖县财政局", report_title, "项目绩效评价指标体系及评分表")
    sheet.indicators(ROWS, header=THIRD_PARTY, lead=None)
    sheet.total(100, 96, label="合计")
    path = book.save(tmp_path / "评分表.xlsx")
    table, = read_workbook(path).tables
    assert (table.layout, table.project.name) == ("third_party", name)
    main(["check", str(path)])
    assert f"表 1/1：{name or '（未写项目名称）'}（2023 年度）\n" in capsys.readouterr().out


@pytest.mark.parametrize("title", ["2023年度重点项目绩效自评表", "财政支出绩效自评表",
                                   "重点项目支出绩效评价指标体系及评分表"])
def test_a_table_title_of_a_generic_word_names_no_project(tmp_path, title):
    table, = read_workbook(_third_party(tmp_path, title)).tables
    assert table.project.name is None


# ------------------------------------- rt32 r8: the kind of evaluation is the form's words

@pytest.mark.parametrize("title", [
    "某区2023年度居家养老服务补贴项目财政重点绩效评价指标体系及评分表",
    "某区2023年度居家养老服务补贴项目重点绩效评价指标体系及评分表",
    "某区2023年度居家养老服务补贴项目财政支出绩效评价评分表",
    "某区2023年度居家养老服务补贴项目第三方绩效评价评分表",
    "某区2023年度居家养老服务补贴项目绩效评价（复核）评分表",
])
def test_the_kind_of_evaluation_is_no_part_of_the_name(tmp_path, title):
    """n2c_keyeval: the name kept 财政重点 (…项目财政重点), 重点, 财政 (of 财政支出), 第三方,
    or 绩效评价（复核 — the evaluation's kind, not the project's words."""
    table, = read_workbook(_third_party(tmp_path, title)).tables
    assert table.project.name == "某区2023年度居家养老服务补贴项目"


@pytest.mark.parametrize(("title", "name"), [
    ("智慧养老服务平台建设项目事前绩效评估评分表", "智慧养老服务平台建设项目"),
    ("智慧养老服务平台建设项目事前评估评分表", "智慧养老服务平台建设项目"),
    # the same words inside the name stay in it
    ("农村饮水安全重点项目绩效评价指标体系及评分表", "农村饮水安全重点项目"),
    ("第三方检测服务项目绩效评价指标体系及评分表", "第三方检测服务项目"),
    ("事前评估体系建设项目支出绩效自评表", "事前评估体系建设项目"),
    # only the form's words: no name
    ("财政重点绩效评价指标体系及评分表", None), ("2023年度财政支出绩效评价评分表", None),
    ("第三方绩效评价评分表", None), ("事前绩效评估评分表", None),
])
def test_a_titles_name_ends_before_the_evaluations_kind(title, name):
    """``title_name`` of a title (or a report's cover) naming the kind of evaluation
    (事前绩效评估: 评估 as 评价) after the project's name."""
    assert title_name(title) == name


def test_a_covers_kind_of_evaluation_is_no_part_of_the_name(tmp_path):
    table, = read_workbook(_report(tmp_path, ["居家养老服务补贴项目财政重点绩效评价报告"])).tables
    assert table.project.name == "居家养老服务补贴项目"
