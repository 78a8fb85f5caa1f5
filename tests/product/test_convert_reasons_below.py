"""``jixiao convert`` keeps the explanations written under a table (rt24 q): a table-wide
偏差原因分析 row (``SelfEvaluation.reason``) and a 备注 naming an indicator
(``SelfEvaluation.notes``) explain its deductions, but the template has no place under its
table — before, the converted file said JX405 for every deducted row the source had
explained, and JX306 for a 四川 执行率 explained under the table. Now the explaining words
go into each deducted row's 偏差原因 (and the 执行率's into J6); a row nothing explains
still says JX405."""

import json

from workbooks import Book, sichuan, standard_sheet

from jixiao.cli.main import main
from jixiao.layout import COLUMN, FUND_REASON
from jixiao.read.by_names import read_template

TABLE_REASON = "发放补贴户数因部分申请人资格审核未通过未达标；参训人员就业率因部分学员选择升学未达标"
NOTE = "备注：发放补贴户数未达标，原因是部分申请人资格审核未通过。"
# 分值 20 + 20 + 10 + 30 + 10 and the money's 10; two rows deducted, their 偏差原因 empty
_ROWS = [
    ("产出指标", "数量指标", "培训人数", "≥500人", "520人", 20, 20, None),
    ("产出指标", "数量指标", "发放补贴户数", "≥1200户", "1150户", 20, 19.17, None),
    ("产出指标", "质量指标", "培训合格率", "≥95%", "96.5%", 10, 10, None),
    ("效益指标", "社会效益指标", "参训人员就业率", "≥80%", "76%", 30, 28.5, None),
    ("满意度指标", "服务对象满意度指标", "受训人员满意度", "≥90%", "93%", 10, 10, None),
]


def _source(path, *under):
    book = Book()
    sheet = standard_sheet(book.sheet(), rows=_ROWS, total=(100, 97.65),
                           name="职业技能培训补贴项目")
    for line in under:
        sheet.line(*line)
    return book.save(path)


def _check(capsys, path):
    main(["check", str(path), "--json"])
    return json.loads(capsys.readouterr().out)


def _converted(tmp_path, capsys, source):
    """convert → recalc → check --json: (convert's output, the template, the check)."""
    out, recalculated = tmp_path / "模板.xlsx", tmp_path / "重算.xlsx"
    assert main(["convert", str(source), "-o", str(out)]) == 0
    said = capsys.readouterr().out
    assert main(["recalc", str(out), "-o", str(recalculated)]) == 0
    capsys.readouterr()
    return said, read_template(recalculated), _check(capsys, recalculated)


def _codes(data):
    return [(f["code"], f["cell"]) for f in data["findings"]]


def _reasons(template):
    return {indicator.name: indicator.reason for indicator in template.indicators
            if indicator.reason is not None}


def test_a_table_wide_reason_goes_into_each_deducted_row(tmp_path, capsys):
    source = _source(tmp_path / "原表.xlsx", ("偏差原因分析及改进措施", TABLE_REASON))
    before = _check(capsys, source)
    assert _codes(before) == []
    said, template, data = _converted(tmp_path, capsys, source)
    assert "表下的偏差原因说明已写入各扣分行的偏差原因栏" in said
    assert _reasons(template) == {  # each row its own sentence: the row names them (rt28)
        "发放补贴户数": "发放补贴户数因部分申请人资格审核未通过未达标",
        "参训人员就业率": "参训人员就业率因部分学员选择升学未达标"}
    assert _codes(data) == []
    assert (data["total_computed"], data["grade_computed"]) == (
        before["total_computed"], before["grade_computed"])


def test_a_note_explains_the_row_it_names_and_no_other(tmp_path, capsys):
    """The note names 发放补贴户数 only: its sentence goes there; 参训人员就业率, deducted
    and explained nowhere, says JX405 in the source and in the template alike."""
    source = _source(tmp_path / "原表.xlsx", (NOTE,))
    before = _check(capsys, source)
    assert [code for code, _ in _codes(before)] == ["JX405"]
    said, template, data = _converted(tmp_path, capsys, source)
    assert "表下的偏差原因说明已写入各扣分行的偏差原因栏" in said
    assert _reasons(template) == {"发放补贴户数": "发放补贴户数未达标，原因是部分申请人资格审核未通过"}
    assert _codes(data) == [("JX405", f"{COLUMN['reason']}30")]  # 参训人员就业率's
    assert data["total_computed"] == before["total_computed"]


def test_nothing_under_the_table_carries_nothing(tmp_path, capsys):
    """The neighbouring shape: no reason under the table: nothing written, both rows JX405."""
    source = _source(tmp_path / "原表.xlsx")
    said, template, data = _converted(tmp_path, capsys, source)
    assert "偏差原因说明已写入" not in said
    assert _reasons(template) == {}
    assert [code for code, _ in _codes(data)] == ["JX405", "JX405"]


def test_a_sichuan_rate_explained_under_the_table_goes_into_j6(tmp_path, capsys):
    """A 四川 table (权重 90, the 执行率's 10 the money's) at 75%, its reason in a line
    under the table: before, the template's J6 stayed empty and said JX306."""
    book_path = sichuan(tmp_path / "四川.xlsx", rate="75%", rows=[
        ("产出指标", "数量指标", "购置设备数量", "≥", 20, "台", 30, 20, None),
        ("产出指标", "质量指标", "设备验收合格率", "＝", 100, "%", 20, 100, None),
        ("效益指标", "社会效益指标", "基层诊疗能力", "定性", "明显提升", None, 30, "达成", None),
        ("满意度指标", "服务对象满意度指标", "患者满意度", "≥", 90, "%", 10, 92, None)])
    from openpyxl import load_workbook

    wb = load_workbook(book_path)
    ws = wb.active
    ws.append(["执行率偏低原因：部分设备尾款按合同于质保期满后支付，导致执行率为75%。"])
    wb.save(book_path)
    assert [code for code, _ in _codes(_check(capsys, book_path))] == []
    said, template, data = _converted(tmp_path, capsys, book_path)
    cell = FUND_REASON.replace("$", "")
    assert f"表下的执行率偏低原因已写入执行率偏低原因说明（{cell}）" in said
    # the sentence naming the 执行率, as a note's sentences are taken (rt28)
    assert template.funds.reason == "部分设备尾款按合同于质保期满后支付，导致执行率为75%"
    assert "JX306" not in [code for code, _ in _codes(data)]
