"""Round 23 (red team rt6): what ``jixiao convert`` tells the clerk. A correct table
converted ``--formulas native`` gave a template whose 总分 showed ⚠ — 13000 万元 beside
≥1.2亿元 and 已建立 beside the 定性 建立 are rows the native formulas cannot score (918226 人
beside ≥96.7万人, the red team's, they convert since rt33) — and
convert said only 已转换; now it names each such cell and what to write there. A table
with no 分值 at all was told 模板按执行率 10 分计，请相应调整各指标分值 (there were none to
adjust, and the template then had a JX106 a row); now it is told the template needs them."""

from openpyxl import load_workbook
from workbooks import standard

from jixiao import native
from jixiao.cli.main import main

ROWS = [("产出指标", "数量指标", "带动社会投资", "≥ 1.2 亿元", "13000 万元", 20, 20, None),
        ("产出指标", "质量指标", "培训合格率", "≥95%", "97%", 30, 30, None),
        ("效益指标", "可持续影响指标", "长效机制建立", "建立", "已建立", 30, 30, None),
        ("满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "94%", 10, 10, None)]
MONEY = [("年度资金总额", 100, 100, 98, 10, 98, 9.8),
         ("其中：当年财政拨款", 100, 100, 98, "—", 98, "—")]
NATIVE_NOTE = [
    "  注意：原生公式不能为以下指标计分，得分显示 ⚠，总分无法合计；请按提示修改：",
    "    自评表!F13 “带动社会投资”：完成值“13000 万元”与指标值“≥ 1.2 亿元”单位不同，"
    "请把完成值按指标值的单位“亿元”填写（如“1.3亿元”）",
    "    自评表!F37 “长效机制建立”：定性指标（指标值“建立”），完成值“已建立”，"
    "请在完成值的下拉框中选择达成、部分达成或未达成",
    "  或不加 --formulas native 重新转换：默认模板用 jixiao 加载项的 JX_ 函数，可按规则为这些写法计分"]


def _convert(capsys, *args):
    code = main(["convert", *map(str, args)])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    return code, captured.out.splitlines()


def test_native_rows_the_formulas_cannot_score_are_named_with_what_to_write(tmp_path, capsys):
    source = standard(tmp_path / "in.xlsx", rows=ROWS, money=MONEY, total=(100, 99.8))
    out = tmp_path / "out.xlsx"
    code, lines = _convert(capsys, source, "-o", out, "--formulas", "native")
    assert code == 0
    assert lines[1:] == NATIVE_NOTE
    shown = load_workbook(out, data_only=True)["自评表"]
    assert [shown[ref].value for ref in ("H13", "H37", "H43")] == [
        native.WARN_INPUT, native.WARN_INPUT, native.WARN_TOTAL]


def test_no_note_where_the_template_scores_every_row(tmp_path, capsys):
    """The default template (JX_ functions) scores both rows; --year clears the 完成值,
    rows to fill, not to rewrite; written in the 指标值's unit and a level chosen, the
    native template scores them."""
    source = standard(tmp_path / "in.xlsx", rows=ROWS, money=MONEY, total=(100, 99.8))
    assert _convert(capsys, source, "-o", tmp_path / "addin.xlsx")[1][1:] == []
    assert _convert(capsys, source, "-o", tmp_path / "year.xlsx", "--formulas", "native",
                    "--year", "2025")[1][1:] == []
    fixed = [row[:4] + (actual,) + row[5:] for row, actual in
             zip(ROWS, ("1.3亿元", "97%", "达成", "94%"), strict=True)]
    source = standard(tmp_path / "fixed.xlsx", rows=fixed, money=MONEY, total=(100, 99.8))
    assert _convert(capsys, source, "-o", tmp_path / "fixed_out.xlsx",
                    "--formulas", "native")[1][1:] == []


_NO_POINTS = ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "偏差原因分析及改进措施")
_MONEY_NO_POINTS = ("年初预算数", "全年预算数(A)", "全年执行数(B)", "执行率(B/A)")


def test_a_table_without_any_points_is_told_the_template_needs_them(tmp_path, capsys):
    source = standard(tmp_path / "in.xlsx", rows=[row[:5] + row[7:] for row in ROWS],
                      header=_NO_POINTS, money=[line[:4] + line[5:6] for line in MONEY],
                      money_header=_MONEY_NO_POINTS, total=None, grade=None)
    code, lines = _convert(capsys, source, "-o", tmp_path / "out.xlsx")
    assert code == 0
    assert lines[1:] == ["  注意：原表没有分值，转换后的模板须逐项填写分值后才能计分"]


def test_points_without_an_execution_rate_keep_the_execution_note(tmp_path, capsys):
    """The neighbour: the indicators given all 100 points, the money's 分值 and 得分 left
    “—” — the template's 10 points for the 执行率 are the ones to make room for."""
    rows = [row[:5] + ((40, 40) if row[2] == "长效机制建立" else row[5:7]) + row[7:]
            for row in ROWS]
    money = [line[:4] + ("—", line[5], "—") for line in MONEY]
    source = standard(tmp_path / "in.xlsx", rows=rows, money=money, total=(100, 100))
    code, lines = _convert(capsys, source, "-o", tmp_path / "out.xlsx")
    assert code == 0
    assert lines[1:] == ["  注意：原表没有单独计分的执行率，模板按执行率 10 分计，请相应调整各指标分值",
                         "  注意：模板按规则计算得分，原表的以下内容未照原样转入：",
                         "    总分原表为 100，模板计为 109.8"]
