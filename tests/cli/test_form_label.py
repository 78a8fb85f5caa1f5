"""The report names the form it recognised: a 部门整体支出绩效自评表 and a 转移支付 区域绩效
自评表 were reported as 标准格式（财预〔2020〕10号） (JSON layout "standard"), the project's
form — a reviewer could not see what jixiao took them for. The 位置 line now names them,
JSON says it in ``form`` (``layout`` unchanged), and a project's table reads as before."""

import json

from workbooks import Book, standard

from jixiao.cli.main import main
from jixiao.model import form_label

_DEPARTMENT_ROWS = [
    ("运行成本", "经济成本指标", "“三公”经费控制率", "≤100%", "92%", 20, 20, None),
    ("管理效率", "预算管理", "预算编制准确率", "≥95%", "96%", 20, 20, None),
    ("履职效能", "部门履职目标", "完成重点工作任务数", "≥12项", "12项", 20, 20, None),
    ("社会效应", "社会效益", "农村人居环境整治村覆盖率", "≥90%", "95%", 20, 20, None),
    ("服务对象满意度", "服务对象满意度", "农户满意度", "≥90%", "93%", 10, 10, None),
]
_TRANSFER_ROWS = [
    ("产出指标", "数量指标", "支持村数量", "≥500个", "500个", 40, 40, None),
    ("效益指标", "社会效益指标", "农村人居环境改善", "明显改善", "明显改善", 40, 40, None),
    ("满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "94%", 10, 10, None),
]
_MONEY = [("年度资金总额", 1000, 1000, 1000, 10, "100%", 10)]


def _book(path, title, label, name, rows, sheet_name="自评表"):
    book = Book()
    sheet = book.sheet(sheet_name)
    if title:
        sheet.title(title, "（2023年度）")
    row = sheet.line(label, None, name)
    sheet.merge(row, 1, 2)
    sheet.money(_MONEY)
    sheet.indicators(rows)
    sheet.total(100, 100)
    sheet.grade("优")
    return book.save(path)


def _check(capsys, path):
    assert main(["check", str(path)]) == 0
    text = capsys.readouterr().out
    assert main(["check", str(path), "--json"]) == 0
    table = json.loads(capsys.readouterr().out)
    table = table[0] if isinstance(table, list) else table
    place = next(line for line in text.splitlines() if line.startswith("  位置 "))
    return place, table["layout"], table["form"]


def test_a_department_form_is_named_in_the_report(tmp_path, capsys):
    path = _book(tmp_path / "d.xlsx", "部门整体支出绩效自评表", "部门（单位）名称",
                 "某县农业农村局", _DEPARTMENT_ROWS)
    assert _check(capsys, path) == (
        "  位置 自评表 · 部门整体支出绩效自评表 · 评分规则 mof2020", "standard", "department")


def test_a_transfer_region_form_is_named_by_its_title(tmp_path, capsys):
    path = _book(tmp_path / "t.xlsx", "中央对地方转移支付区域绩效自评表", "项目名称",
                 "农村综合改革转移支付", _TRANSFER_ROWS)
    assert _check(capsys, path) == (
        "  位置 自评表 · 转移支付区域绩效自评表 · 评分规则 mof2020", "standard", "transfer")


def test_a_transfer_form_is_named_by_its_label_without_a_title(tmp_path, capsys):
    path = _book(tmp_path / "t.xlsx", None, "转移支付（项目）名称", "农村综合改革转移支付",
                 _TRANSFER_ROWS)
    assert _check(capsys, path) == (
        "  位置 自评表 · 转移支付区域绩效自评表 · 评分规则 mof2020", "standard", "transfer")


def test_a_project_table_still_reads_standard(tmp_path, capsys):
    assert _check(capsys, standard(tmp_path / "p.xlsx")) == (
        "  位置 自评表 · 标准格式（财预〔2020〕10号） · 评分规则 mof2020", "standard", "project")


def test_a_project_named_for_a_region_or_a_transfer_stays_a_project(tmp_path, capsys):
    """区域 in a project's name, a 转移支付 in its 项目名称: still the project's form."""
    path = _book(tmp_path / "p.xlsx", "2023年度区域医疗中心建设项目支出绩效自评表", "项目名称",
                 "中央转移支付区域医疗中心建设", _TRANSFER_ROWS)
    assert _check(capsys, path) == (
        "  位置 自评表 · 标准格式（财预〔2020〕10号） · 评分规则 mof2020", "standard", "project")


def test_another_layout_follows_the_form_name():
    assert form_label("department", "sichuan") == \
        "部门整体支出绩效自评表 · 四川/一体化格式（指标性质/指标值/度量单位）"
    assert form_label("project", "sichuan") == "四川/一体化格式（指标性质/指标值/度量单位）"
