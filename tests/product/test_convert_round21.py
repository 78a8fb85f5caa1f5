"""Round 21 (red team rt21b): ``jixiao convert`` — a 部门整体支出绩效自评表 refused up front
in one line (before: refused for its money lines or a 二级, or converted with its 一级
renamed 产出/效益), the workbook's project tables converted all the same; a money line
the template has no line for listed, never typed into a line of another meaning (before:
基本支出 / 项目支出 became 当年财政拨款 / 上年结转资金); and a 四川 actual beside a
度量单位 with 万 carrying its unit as the others do (before: 96 beside ≤100 万元 lost it)."""

from test_real_shapes import QUALITATIVE_MET, medical_insurance
from workbooks import Book, paste_beside, standard

from jixiao.cli.main import main
from jixiao.read.by_names import read_template
from jixiao.read.workbook import read_workbook

_REFUSED = ("是部门整体支出绩效自评表，未转换：标准模板是项目支出绩效自评表，部门整体表不能转入；"
            "jixiao check 可按原样读取和校验部门整体表")
DEPARTMENT = "某县农业农村局"
# 履职效能 / 管理效率 / 社会效应 / 服务对象满意度 (the 部门整体 framework), with a project's
# 二级: before, convert put them under 产出 / 效益 and titled the result 项目支出
_FRAMEWORK_ROWS = [
    ("履职效能", "数量指标", "高标准农田建设面积", "≥2000亩", "2100亩", 20, 20, None),
    ("履职效能", "质量指标", "农产品抽检合格率", "≥98%", "99.2%", 15, 15, None),
    ("管理效率", "成本指标", "“三公”经费控制率", "≤100%", "92%", 10, 10, None),
    ("管理效率", "时效指标", "政务服务事项按时办结率", "100%", "100%", 10, 10, None),
    ("社会效应", "社会效益指标", "带动就业人数", "≥300人", "320人", 10, 10, None),
    ("社会效应", "可持续影响指标", "耕地保护面积", "≥10万亩", "10.2万亩", 15, 15, None),
    ("服务对象满意度", "服务对象满意度指标", "农户满意度", "≥90%", "95%", 10, 10, None),
]


def _department(path, rows=QUALITATIVE_MET, split=True):
    """A 部门整体支出绩效自评表 of 某县农业农村局: its money 1350 / 1296, by 收入性质
    (财政拨款, 其他资金) and — ``split`` — by 支出性质 (基本支出, 项目支出) too."""
    book = Book()
    sheet = book.sheet("部门整体自评表")
    sheet.title("部门整体支出绩效自评表", "（2023年度）")
    row = sheet.line("部门（单位）名称", None, DEPARTMENT)
    sheet.merge(row, 1, 2)
    money = [("年度资金总额", 1200, 1350, 1296, 10, "96%", 9.6),
             ("其中：财政拨款", 1150, 1250, 1200, "—", None, "—"),
             ("其他资金", 50, 100, 96, "—", None, "—")]
    if split:
        money += [("按支出性质分：",), ("其中：基本支出", 800, 850, 845, "—", None, "—"),
                  ("项目支出", 400, 500, 451, "—", None, "—")]
    sheet.money(money, label="年度预算执行情况（万元）")
    sheet.indicators(rows)
    sheet.total(100, 99.6)
    sheet.grade("优")
    return book.save(path)


def _convert(capsys, source, out):
    code = main(["convert", str(source), "-o", str(out)])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    return code, captured.out, captured.err


# ------------------------------------------------------------ 1. a 部门整体 form, refused up front

def test_the_reader_marks_a_department_form_by_its_title(tmp_path):
    department = read_workbook(_department(tmp_path / "d.xlsx")).tables[0]
    project = read_workbook(standard(tmp_path / "p.xlsx")).tables[0]
    assert (department.project.name, department.whole_department) == (DEPARTMENT, True)
    assert project.whole_department is False


def test_a_department_form_is_refused_in_one_line(tmp_path, capsys):
    """Two money breakdowns (before: “资金明细有 4 行，标准模板只有 3 行”), the 部门整体
    framework's 一级 with a project's 二级 (before: converted as 产出/效益), a money block
    by 收入性质 alone: each the same one line, exit 2, no file written."""
    for name, options in (("两种分法.xlsx", {}),
                          ("履职效能.xlsx", {"rows": _FRAMEWORK_ROWS, "split": False})):
        source, out = _department(tmp_path / name, **options), tmp_path / f"out-{name}"
        code, stdout, stderr = _convert(capsys, source, out)
        assert (code, stdout, stderr) == (2, "", f"jixiao：“{name}”{_REFUSED}\n")
        assert not out.exists()


def test_a_workbooks_project_table_is_converted_beside_a_refused_department_one(tmp_path,
                                                                                  capsys):
    """A project table with a 部门整体 table pasted right of it: the project's converted to
    -1, the department's refused by its number and name (before: -1 written, then the
    money refusal for the second)."""
    source = paste_beside(standard(tmp_path / "两张.xlsx"), _department(tmp_path / "d.xlsx"))
    out = tmp_path / "out.xlsx"
    code, stdout, stderr = _convert(capsys, source, out)
    assert code == 2
    assert stdout.startswith("已转换：普陀区医疗保险事务中心信息安全等保项目机房设施升级改造")
    assert stderr == f"jixiao：“两张.xlsx”第 2 张表（{DEPARTMENT}）{_REFUSED}\n"
    assert read_template(tmp_path / "out-1.xlsx").project.name.startswith("普陀区")
    assert not (tmp_path / "out-2.xlsx").exists()


# ------------------------------------------------------------ 2. money lines the template has no line for

def _project_money(path, lines):
    total = ("年度资金总额", 1200, 1350, 1296, 10, "96%", 9.6)
    money = [total, *[(label, None, budget, executed, "—", None, "—")
                      for label, budget, executed in lines]]
    return medical_insurance(path, QUALITATIVE_MET, 99.6, money=money)


def _money_cells(path):
    """The template's money lines (年度资金总额, 当年财政拨款, 上年结转资金, 其他资金):
    (全年预算数, 全年执行数) as typed in."""
    from openpyxl import load_workbook

    from jixiao.layout import FUND_ROWS

    sheet = load_workbook(path)["自评表"]
    return [(sheet[f"E{row}"].value, sheet[f"F{row}"].value) for row in FUND_ROWS]


def test_money_lines_without_a_template_line_are_listed_not_relabelled(tmp_path, capsys):
    """基本支出 / 项目支出 (by what was spent on): the template's lines are by where the
    money came from — before, they became 当年财政拨款 and 上年结转资金."""
    source = _project_money(tmp_path / "p.xlsx", [("基本支出", 850, 845), ("项目支出", 500, 451)])
    out = tmp_path / "o.xlsx"
    code, stdout, _ = _convert(capsys, source, out)
    assert code == 0
    assert stdout.splitlines()[1:] == [
        "  注意：模板的资金栏只有当年财政拨款、上年结转资金、其他资金三行，原表的以下资金明细"
        "没有对应的行，未转入：",
        "    “基本支出”（全年预算数 850，全年执行数 845）",
        "    “项目支出”（全年预算数 500，全年执行数 451）"]
    assert _money_cells(out) == [(1350, 1296), (None, None), (None, None), (None, None)]


def test_each_money_line_goes_to_the_line_its_label_means(tmp_path, capsys):
    """其他资金 listed first and 自筹资金 after it: 其他资金 in the third line, 财政拨款 in
    the first, 上年结转 empty (before: 自筹资金 into the free 上年结转资金); 自筹资金, of
    the third line's meaning too, summed into it and named (rt24: before, listed and left
    out, the lines written adding up to less than the total)."""
    source = _project_money(tmp_path / "p.xlsx", [
        ("其他资金", 100, 96), ("财政拨款", 1200, 1150), ("自筹资金", 50, 50)])
    out = tmp_path / "o.xlsx"
    code, stdout, _ = _convert(capsys, source, out)
    assert code == 0
    assert stdout.splitlines()[-1] == ("  注意：原表的“其他资金”、“自筹资金”合计转入模板的"
                                       "“其他资金”（全年预算数 150，全年执行数 146）")
    assert _money_cells(out) == [(1350, 1296), (1200, 1150), (None, None), (150, 146)]


# ------------------------------------------------------------ 3. a 四川 actual's unit with 万

def test_a_sichuan_actual_beside_a_unit_with_wan_keeps_it(tmp_path, capsys):
    """度量单位 万元 beside a bare 96 (≤100): 96万元, as 台 beside 18 gives 18台; a bare
    960000 beside it, read in 元 (``units.bare_in_base``) as the table reads it, stays bare."""
    from workbooks import sichuan

    rows = [("产出指标", "数量指标", "购置设备数量", "≥", 20, "台", 30, 18, "供货延迟"),
            ("产出指标", "成本指标", "设备购置成本", "≤", 100, "万元", 30, 96, None),
            ("产出指标", "成本指标", "运维成本", "≤", 10, "万元", 10, 95000, None),
            ("满意度指标", "服务对象满意度指标", "患者满意度", "≥", 90, "%", 20, 95, None)]
    source = sichuan(tmp_path / "s.xlsx", rate="96%", money=(100, 96), rows=rows,
                     rules="sichuan")
    out = tmp_path / "o.xlsx"
    assert _convert(capsys, source, out)[0] == 0
    assert [(i.target, i.actual) for i in read_template(out).indicators] == [
        ("≥20台", "18台"), ("≤100万元", "96万元"), ("≤10万元", 95000), ("≥90%", "95%")]
