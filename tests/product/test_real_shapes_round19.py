"""Round 19 of real shapes: names, forms and cell formats reviewers' inboxes hold (each
test fails on 138ffd2)."""

import pytest
from test_real_shapes import checked
from workbooks import standard


@pytest.mark.parametrize("name", ["低执行率项目", "2024年预算执行率提升项目", "全年预算数据平台建设项目",
                                  "得分系统建设项目", "分值评估项目"])
def test_a_project_name_holding_a_money_word_is_still_its_name(tmp_path, name):
    """项目名称 | 低执行率项目: one name holding 执行率, 全年预算数, 得分 or 分值 is the
    project's name (before: taken for the head of a list of projects, the name left empty
    in the report and the batch summary)."""
    _, data = checked(standard(tmp_path / "t.xlsx", name=name))
    assert data["project"]["name"] == name


@pytest.mark.parametrize("number_format", ['0.00"%"', '0.0\\%', '#,##0.00"%"'])
def test_a_number_shown_with_a_percent_sign_of_its_format_is_that_percent(tmp_path, number_format):
    """差错率 ≤5 %, 完成值 0.8 in a cell formatted 0.00"%" (shows 0.80%): 0.8 %, met
    (rt19-c 3: before, read as 80 %, 0 points and a false JX402)."""
    from openpyxl import load_workbook
    from workbooks import PUTUO_1_ROWS

    rows = [("产出指标", "质量指标", "差错率", "≤5%", "0.8%", 10, 10, None),
            *[row for row in PUTUO_1_ROWS if row[2] != PUTUO_1_ROWS[0][2]]]
    path = standard(tmp_path / "t.xlsx", rows=rows)
    before, plain = checked(path)
    book = load_workbook(path)
    [cell] = [cell for row in book.active.iter_rows() for cell in row if cell.value == "0.8%"]
    cell.value, cell.number_format = 0.8, number_format
    book.save(path)
    _, data = checked(path)
    assert data["indicators"][0]["actual"] == "0.8%"
    assert data["indicators"][0]["met"] is True
    assert data["findings"] == plain["findings"]


def test_a_percent_over_100_typed_into_the_template_is_scored_as_typed(tmp_path):
    """The template keeps 指标值 and 完成值 as text: 105% typed there stays “105%”, which
    the JX_ functions read as 105 % (rt19-a 1: a General cell turned it into 1.05, which a
    function, seeing no format, read as 1.05 %: 0.95 of 90 points, total 10.95 差)."""
    from openpyxl import load_workbook

    from jixiao.layout import SHEET
    from jixiao.recalc.workbook import recalc_file
    from jixiao.template.build import build_template

    path = tmp_path / "t.xlsx"
    build_template(path)
    book = load_workbook(path)
    sheet = book[SHEET]
    assert {sheet[cell].number_format for cell in ("E13", "F13", "E40", "F40")} == {"@"}
    for ref, value in {"D3": "项目", "D6": 100, "E6": 100, "F6": 100, "D13": "覆盖率",
                       "E13": "≥100%", "F13": "105%", "G13": 90}.items():
        sheet[ref] = value
    book.save(path)
    recalc_file(path, tmp_path / "r.xlsx")
    data = checked(tmp_path / "r.xlsx")[1]
    assert data["indicators"][0]["score_declared"] == data["indicators"][0]["score_computed"] == 90
    assert data["total_computed"] == 100


def _monitoring(path, title):
    from workbooks import grid_book

    return grid_book(path, [
        [title], ["（2024年度）"], ["项目名称", "免疫规划项目"],
        ["项目资金（万元）", "年初预算数", "全年预算数", "1-7月执行数", "1-7月执行率", "全年预计执行数"],
        ["年度资金总额", 100, 100, 45, "45%", 98],
        ["一级指标", "二级指标", "三级指标", "年度指标值", "1-7月执行情况", "全年预计完成情况",
         "偏差原因分析", "完成目标可能性"],
        ["产出指标", "数量指标", "免疫接种人数", "≥5000人", "2600人", "5200人", None, "确定能"],
        [None, "质量指标", "接种合格率", "≥98%", "99%", "99%", None, "确定能"],
        ["满意度指标", "服务对象满意度指标", "接种对象满意度", "≥90%", "未开展调查", "95%", None, "确定能"]])


@pytest.mark.parametrize("title", ["项目支出绩效目标执行监控表", "2024年度项目绩效运行监控表",
                                   "部门项目绩效监控情况表"])
def test_a_mid_year_monitoring_form_is_no_self_evaluation(tmp_path, title):
    """A 绩效监控表 (1-7月执行情况, 全年预计; no 得分): refused like a 绩效目标表, exit 2
    (rt19-e 2: before, scored as a 自评表 — three JX405 errors, JX306 for the 45 % of July)."""
    from jixiao.errors import NotASelfEvaluation
    from jixiao.read.workbook import read_workbook

    with pytest.raises(NotASelfEvaluation, match="是绩效监控表"):
        read_workbook(_monitoring(tmp_path / "t.xlsx", title))



def test_a_reports_cover_does_not_rename_its_tables_project(tmp_path):
    """A 自评报告 whose cover says 自评项目名称：医保工作专项经费 / 自评项目单位：…经办机构
    above the table naming 项目名称 and 实施单位 of its own: the table's own are the
    project's (rt19-e 3: before, the cover's went into the report and the batch summary)."""
    import zipfile

    from wordfiles import paragraph, workbook_docx

    source = workbook_docx(standard(tmp_path / "t.xlsx"), tmp_path / "t.docx")
    _, alone = checked(source)
    with zipfile.ZipFile(source) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    cover = paragraph("自评项目名称：医保工作专项经费") + paragraph("自评项目单位：某县医疗保险经办机构")
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        b"<w:body>", b"<w:body>" + cover.encode(), 1)
    path = tmp_path / "report.docx"
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    _, data = checked(path)
    assert (data["project"]["name"], data["project"]["unit"]) == (
        alone["project"]["name"], alone["project"]["unit"])
    assert data["project"]["name"] == "普陀区医疗保险事务中心信息安全等保项目机房设施升级改造"



def test_a_template_row_waiting_for_its_missing_target_points_at_the_target(tmp_path):
    """The template, a row with 完成值 and 分值 but no 指标值: the 总分 line (JX410, the
    total waits for it) points where JX201 does, at the empty 指标值 (rt19-c 9: before,
    at the 完成值 the clerk had filled)."""
    from openpyxl import load_workbook

    from jixiao.layout import SHEET
    from jixiao.recalc.workbook import recalc_file
    from jixiao.template.build import build_template

    path = tmp_path / "t.xlsx"
    build_template(path)
    book = load_workbook(path)
    sheet = book[SHEET]
    for ref, value in {"D3": "项目", "D6": 100, "E6": 100, "F6": 100, "D13": "培训人次",
                       "F13": "100人次", "G13": 90}.items():
        sheet[ref] = value
    book.save(path)
    recalc_file(path, tmp_path / "r.xlsx")
    _, data = checked(tmp_path / "r.xlsx")
    cells = {f["code"]: f["cell"] for f in data["findings"]}
    assert cells["JX201"] == cells["JX410"] == "E13"
