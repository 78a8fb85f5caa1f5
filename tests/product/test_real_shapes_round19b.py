"""Round 19, second part (red teams rt19e, rt19b): a 部门整体 form's task list above its
money block, a survey's sample size beside its percent, an .ods without saved results and
a document's notes (each test fails on ee306c2, but the .ods saved with its results, which
holds that reading as it was)."""

import pytest
from test_real_shapes import checked, codes
from workbooks import grid_book, standard

_DEPT_INDICATORS = [
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
     "偏差原因分析及改进措施"],
    [None, "产出指标", "数量指标", "基本公共卫生服务项目数", "≥12类", "12类", 15, 15],
    [None, None, None, "国家免疫规划疫苗接种率", "≥90%", "96%", 15, 15],
    [None, None, "质量指标", "家庭医生重点人群签约率", "≥60%", "65%", 10, 10],
    [None, None, "时效指标", "资金拨付及时率", "100%", "100%", 10, 10],
    [None, "效益指标", "社会效益指标", "居民健康素养水平", "≥25%", "27.5%", 30, 30],
    [None, "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "93%", 10, 10],
]


def _dept_with_tasks(path, task_columns, score=9.6):
    """A 部门整体 form listing its 年度主要任务 (600 / 590, 300 / 294, 150 / 150 under
    ``task_columns``) above its money block: 1350 / 1296, 分值 10, 执行率 96 %."""
    tasks = [["年度主要任务", None, "任务名称", None, "主要内容", None, *task_columns, "完成情况"]]
    for name, what, budget, executed in [
            ("基本公共卫生服务项目", "为辖区居民提供12类基本公共卫生服务", 600, 590),
            ("免疫规划项目", "完成国家免疫规划疫苗接种", 300, 294),
            ("家庭医生签约服务", "重点人群家庭医生签约", 150, 150)]:
        tasks.append([None, None, name, None, what, None, budget, executed, "已完成"])
    return grid_book(path, [
        ["部门整体支出绩效自评表"], ["（2024年度）"], ["部门（单位）名称", None, "某县卫生健康局"],
        *tasks,
        ["年度部门整体支出预算执行情况（万元）", None, None, "年初预算数", "全年预算数(A)",
         "全年执行数(B)", "分值", "执行率(B/A)", "得分"],
        [None, None, "年度资金总额", 1350, 1350, 1296, 10, "96.00%", score],
        [None, None, "其中：财政拨款", 1300, 1300, 1250, "—", "96.15%", "—"],
        [None, None, "其他资金", 50, 50, 46, "—", "92.00%", "—"],
        *_DEPT_INDICATORS,
        ["总分", None, None, None, None, None, 100, 99.6], ["评分等级", None, "优"]])


@pytest.mark.parametrize("task_columns", [("预算数（万元）", "执行数（万元）"),
                                          ("全年预算数", "全年执行数")])
def test_a_task_list_above_the_money_block_is_no_money_block(tmp_path, task_columns):
    """rt19e 1: the task list's 预算数 / 执行数 heads were taken for the money columns
    (A = 10, the 分值; B none; JX307 and no total); the money block below is read."""
    table, data = checked(_dept_with_tasks(tmp_path / "t.xlsx", task_columns))
    assert (table.funds.total.budget, table.funds.total.executed) == (1350, 1296)
    assert [line.label for line in table.funds.parts] == ["财政拨款", "其他资金"]
    assert data["total_computed"] == 99.6
    assert data["findings"] == []


def test_a_wrong_execution_score_under_a_task_list_is_found(tmp_path):
    """rt19e 1 (01i): 执行率得分 10 where 10 × 96 % = 9.6: JX302, and the items then add
    up to 100, not the 99.6 written: JX501 (before: neither, exit 0)."""
    _, data = checked(_dept_with_tasks(tmp_path / "t.xlsx", ("预算数（万元）", "执行数（万元）"),
                                       score=10))
    assert codes(data) == ["JX302", "JX501"]


@pytest.mark.parametrize(("actual", "score", "expected"), [
    ("随机抽取200名接种对象问卷调查，满意度95%", 10, []),
    ("满意度调查样本200份，满意度95%", 10, []),
    ("满意人数190人/调查人数200人=95%", 10, []),
    ("随机抽取200名接种对象问卷调查，满意度85%", 10, ["JX402"]),  # 10 × 85 / 90 = 9.44
])
def test_a_survey_percent_beside_its_sample_size_is_read_without_a_warning(
        tmp_path, actual, score, expected):
    """rt19e 2: 满意度 ≥90%, 完成值 “随机抽取200名…，满意度95%”: the one number in %
    is read and scored — and so no JX203 “无法识别…数值后还有数字” beside it (before:
    scored and warned unreadable at once)."""
    from workbooks import PUTUO_1_ROWS

    rows = [*PUTUO_1_ROWS[:4], ("满意度指标", "服务对象满意度指标", "接种对象满意度", "≥90%",
                                actual, 10, score, None)]
    _, data = checked(standard(tmp_path / "t.xlsx", rows=rows))
    assert codes(data) == expected
    assert data["indicators"][4]["score_computed"] == (10 if not expected else 9.44)


_ODS_HEAD = (
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body>'
    '<office:spreadsheet><table:table table:name="自评表">')
_ODS_TAIL = "</table:table></office:spreadsheet></office:body></office:document-content>"


def _ods_book(path, grid, results=None):
    """An .ods of ``grid``'s lines as LibreOffice writes one: a text "of:=…" is a formula,
    saved with its result from ``results`` (A1 → value), else without one (a file written
    by a program, office:value and office:value-type left out)."""
    import zipfile
    from xml.sax.saxutils import escape, quoteattr

    from jixiao.xlsx.refs import column_letters

    results = results or {}
    lines = []
    for row, values in enumerate(grid, start=1):
        cells = []
        for column, value in enumerate(values, start=1):
            ref = f"{column_letters(column)}{row}"
            if isinstance(value, str) and value.startswith("of:="):
                done = results.get(ref)
                saved = "" if done is None else \
                    f' office:value-type="float" office:value="{done}"><text:p>{done}</text:p'
                cells.append(f"<table:table-cell table:formula={quoteattr(value)}{saved or ''}>"
                             "</table:table-cell>")
            elif isinstance(value, (int, float)):
                cells.append(f'<table:table-cell office:value-type="float" office:value="{value}">'
                             f"<text:p>{value}</text:p></table:table-cell>")
            elif value is None:
                cells.append("<table:table-cell/>")
            else:
                cells.append('<table:table-cell office:value-type="string">'
                             f"<text:p>{escape(value)}</text:p></table:table-cell>")
        lines.append(f"<table:table-row>{''.join(cells)}</table:table-row>")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", _ODS_HEAD + "".join(lines) + _ODS_TAIL)
        archive.writestr("META-INF/manifest.xml", "<manifest/>")
    return path


_FORMULA_GRID = [
    ["项目支出绩效自评表"], ["（2024 年度）"], ["项目名称", "职业技能培训补贴项目"],
    ["主管部门", "某区人力资源和社会保障局", None, None, "实施单位", "某区就业促进中心"],
    ["项目资金（万元）", None, "年初预算数", "全年预算数(A)", "全年执行数(B)", "分值", "执行率(%)", "得分"],
    [None, "年度资金总额", 100, 100, 95, 10, "of:=ROUND([.E6]/[.D6]*100;2)",
     "of:=ROUND([.F6]*[.G6]/100;2)"],
    [None, "其中：当年财政拨款", 100, 100, 95, "—", "of:=ROUND([.E7]/[.D7]*100;2)", "—"],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
     "偏差原因分析及改进措施"],
    ["产出指标", "数量指标", "培训人次", "≥500人次", "520人次", 30, 30],
    [None, "质量指标", "培训合格率", "≥95%", "98%", 20, 20],
    ["效益指标", "社会效益指标", "受益群众人数", "≥1万人", "0.9万人", 30, 27, "部分群众外出务工未参加"],
    ["满意度指标", "服务对象满意度指标", "参训人员满意度", "≥90%", "95%", 10, 10],
    ["总分", None, None, None, None, "of:=[.F6]+SUM([.F9:.F12])", "of:=[.H6]+SUM([.G9:.G12])"],
    ["评分等级", "优"],
]


def test_an_ods_formula_saved_without_its_result_is_uncalculated_not_unfilled(tmp_path):
    """rt19b 3: an .ods whose formulas were saved without results (no office:value):
    calamine gives them empty, so the 执行率得分 read as unfilled (JX406, an error) and the
    total as missing, with no word of the formulas. As an .xlsx's: one JX504 naming the
    five cells, no error; the hint names no jixiao recalc, which writes no .ods."""
    _, data = checked(_ods_book(tmp_path / "t.ods", _FORMULA_GRID))
    assert [(item["code"], item["cell"], item["message"]) for item in data["findings"]] == [
        ("JX504", "G6", "5 个公式单元格（G6、G7、H6、F13、G13）没有计算结果：文件保存前"
                              "未重新计算；请在 Excel、WPS 或 LibreOffice 中打开本表，重算（F9）后保存")]
    assert (data["total_declared"], data["total_computed"]) == (None, 96.5)


def test_an_ods_formula_saved_with_its_result_reads_as_that_result(tmp_path):
    _, data = checked(_ods_book(tmp_path / "t.ods", _FORMULA_GRID, {
        "G6": 95, "H6": 9.5, "G7": 95, "F13": 100, "G13": 96.5}))
    assert data["findings"] == []
    assert data["total_declared"] == data["total_computed"] == 96.5


def test_a_documents_note_names_its_table_as_its_findings_do(tmp_path):
    """rt19e 4: a report's 绩效完成表 (no 分值 nor 得分) after the scored 自评表 in a
    Word file: the note named it by the sheet the document was read as, “文档”（D37),
    while the findings say 第2个表格 第8行第4列; now 第2个表格, as they do."""
    from wordfiles import cell, paragraph, table, workbook_docx

    from jixiao.read.workbook import read_workbook

    done = [["一级指标", "二级指标", "三级指标", "年度指标值", "全年完成值", "未完成原因和改进措施"],
            ["产出指标", "数量指标", "预算资金执行率", "≥90.00(%)", "99.80(%)", ""],
            ["效益指标", "可持续影响指标", "网络安全防护能力", "稳步提升", "达成指标", ""]]
    after = paragraph("绩效完成表") + table([[cell(text) for text in row] for row in done])
    path = workbook_docx(standard(tmp_path / "t.xlsx"), tmp_path / "t.docx", after=after)
    assert read_workbook(path).notes == [
        "没有分值和得分的表（第2个表格）未校验：以有分值、得分的自评表为准"]


def test_a_documents_row_marked_not_applicable_is_named_as_its_findings_are(tmp_path):
    """A Word table's row marked 不适用: its note named 工作表“文档”C12, a sheet the
    document does not have; now its cell as findings name one (第1个表格 第10行第4列)."""
    from wordfiles import workbook_docx
    from workbooks import PUTUO_1_ROWS

    from jixiao.read.workbook import read_workbook

    rows = [*PUTUO_1_ROWS[:1], ("产出指标", "数量指标", "培训场次", "不适用", "不适用", "不适用",
                                "不适用", None), *PUTUO_1_ROWS[1:]]
    path = workbook_docx(standard(tmp_path / "t.xlsx", rows=rows), tmp_path / "t.docx")
    [note] = read_workbook(path).notes
    assert note.startswith("第1个表格 第10行第4列“培训场次”标为不适用")
