"""A clerk's hidden rows in jixiao's own templates (user test rt31): the template's formulas
(分值合计 G43, 总分 H43) count every row of the indicator block, shown or not, so
``jixiao check`` counts them too — one rule for the template, ``jixiao recalc`` and check —
and says once, at the hidden row, that it counts. Before, check left a hidden row out (as it
does on other tables: last year's indicator kept hidden): JX101 分值合计为 95 against the
template's 100, and on the recalculated file JX504 “stored 100 should be 95, run recalc”,
which stored 100 again: a loop."""

from __future__ import annotations

import pytest
from test_real_shapes_clerk import filled, findings, recalculated, shown

from jixiao import native
from jixiao.cli.main import main
from jixiao.pipeline import check_workbook

LAST_YEAR = "老旧管网改造长度（上年指标）"


def _last_year_row_hidden(points):
    def change(book, sheet):
        sheet["G16"] = 5  # 扶贫临时救助人数 10 → 5: the shown rows weigh 95 (85 + 执行率 10)
        sheet["D22"], sheet["E22"], sheet["F22"] = LAST_YEAR, "≥8公里", "8.2公里"
        sheet["G22"] = points
        sheet.row_dimensions[22].hidden = True
    return change


@pytest.mark.parametrize("formulas", ["addin", "native"])
def test_a_hidden_row_with_points_counts_in_check_as_in_the_template(tmp_path, formulas):
    """The hidden row 22 (5 points, 8.2 of ≥8公里: full 5) makes the template's G43 100 and
    its 总分 98.84 (the sound fill's: row 16 now 5 of 5 instead of 10 of 10, row 22 5 of 5).
    Check reads the same rows: no JX101, no JX504, the same 98.84 优, and one warning at
    D22 that the hidden row counts."""
    path = recalculated(filled(tmp_path, _last_year_row_hidden(5), formulas))
    assert shown(path, "G43", "H22", "H43", "H44") == [100, 5, 98.84, "优"]
    result = check_workbook(path)
    assert result.tables[0].evaluation.total == 98.84
    assert findings(path) == [
        f"JX110 warning D22 第22行是隐藏行（“{LAST_YEAR}”），不显示也不打印，但模板的分值合计"
        "和总分计入这一行（分值 5，得分 5）：是本年的指标，请取消隐藏；是上年的，请清空"
        "（或删除）这一行"]
    assert not any("隐藏行" in note for note in result.notes)  # said once, at the row
    assert main(["check", str(path)]) == 0


@pytest.mark.parametrize("formulas", ["addin", "native"])
def test_a_hidden_row_without_points_blocks_the_total_in_check_as_in_the_template(
        tmp_path, formulas, capsys):
    """The hidden row 22 has a 指标值 but no 分值: the template shows ⚠ 分值为空 at H22 and
    no 总分 or 等级 (recalc exits 1). Check agrees: no total, JX106 at G22, and the hidden
    row named as what blocks the total — was 98.84 优, no error, and a JX504 saying the
    stored ⚠ was stale."""
    def change(book, sheet):
        _last_year_row_hidden(None)(book, sheet)
        sheet["F22"] = None
        sheet["G16"] = 10  # the shown rows weigh 100 again

    path = filled(tmp_path, change, formulas)
    assert main(["recalc", str(path)]) == 1
    capsys.readouterr()
    path = path.with_name(path.stem + ".recalc.xlsx")
    score, total = shown(path, "H22", "H43")
    assert score.startswith("⚠ 分值为空") and total == native.WARN_TOTAL
    result = check_workbook(path)
    assert result.tables[0].evaluation.total is None
    found = findings(path)
    assert not any(line.startswith("JX504") for line in found)
    assert any(line.startswith("JX106 error G22 ") for line in found)
    assert f"JX110 warning D22 第22行是隐藏行（“{LAST_YEAR}”），不显示也不打印，但模板计入" \
        "这一行：它填了年度指标值，却没有分值，得分显示 ⚠（分值为空），总分和评分等级因此" \
        "算不出。是本年的指标，请取消隐藏并填写分值和实际完成值；是上年的，请清空（或删除）" \
        "这一行" in found
    assert main(["check", str(path)]) == 1


def _two_rows_inserted_as_told(book, sheet):
    """Two rows inserted under row 22 and each given row 22's whole row (M–AD too), as the
    填写说明 says: the 总分 moves from row 43 to 45."""
    from openpyxl.formula.translate import Translator

    sheet.move_range("A23:AD44", rows=2, translate=True)
    for row in (23, 24):
        for column in range(1, 31):  # A:AD
            above = sheet.cell(22, column)
            value = above.value
            if isinstance(value, str) and value.startswith("="):
                value = Translator(value, above.coordinate).translate_formula(
                    sheet.cell(row, column).coordinate)
            sheet.cell(row, column).value = value
    sheet["D23"], sheet["E23"], sheet["F23"], sheet["G23"] = "新增指标", "≥10次", "10次", 5
    sheet["G16"] = 5


def test_recalc_of_a_native_form_with_rows_inserted_as_told_says_so_plainly(tmp_path, capsys):
    """rt31 s1: before, exit 2 (as for an unreadable file) and “第 43 行起的公式位置与模板不同
    （…G43 没有公式）… 给新插入的行从上一行复制整行” — advice the clerk had followed. Now it
    says the form has 2 rows more than the template and is to be recalculated in the
    spreadsheet program; exit 1 (not computed, the file readable); nothing written."""
    path = filled(tmp_path, _two_rows_inserted_as_told, "native")
    assert main(["recalc", str(path), "-o", str(tmp_path / "out.xlsx")]) == 1
    message = capsys.readouterr().err
    assert "本表比模板多了 2 行（插入过行；模板的总分在第 43 行，本表在第 45 行）" in message, message
    assert "jixiao 不重算改动过行的原生公式模板" in message
    assert "复制整行" not in message and "没有公式" not in message
    assert not (tmp_path / "out.xlsx").exists()


ROAD = [("产出指标", "数量指标", "新建道路长度", "≥5公里", "5.2公里", 20, 20),
        (None, None, LAST_YEAR, "≥8公里", "8.2公里", 5, 5),  # row 14, hidden
        (None, "质量指标", "工程验收合格率", "100%", "100%", 15, 15),
        (None, "时效指标", "项目完工及时率", "100%", "100%", 10, 10),
        (None, "成本指标", "每公里建设成本", "≤80万元", "78万元", 5, 5),
        ("效益指标", "社会效益指标", "受益农户人数", "≥3000人", "3200人", 15, 15),
        (None, "可持续影响指标", "道路设计使用年限", "≥15年", "15年", 15, 15),
        ("满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "95%", 10, 10)]


def _typed_sheet_beside(book, sheet):
    """A second project typed by hand on a sheet of its own (no formula, no JX_ name), its
    last-year row 14 hidden: rt31 r10 h_mixed."""
    typed = book.create_sheet("乡村道路养护项目")
    for line in (["项目支出绩效自评表"], ["（2024年度）"], ["项目名称", None, "XX镇乡村道路养护项目"],
                 ["主管部门", None, "XX县交通运输局", None, "实施单位", "XX县农村公路管理所"],
                 ["项目资金（万元）", None, "年初预算数", "全年预算数", "全年执行数", "分值",
                  "执行率", "得分"],
                 [None, "年度资金总额", 100, 100, 95, 10, "95%", 9.5],
                 [None, "其中：当年财政拨款", 100, 100, 95, "—", "95%", "—"],
                 [None, "上年结转资金", 0, 0, 0], [None, "其他资金", 0, 0, 0],
                 ["年度总体目标", "预期目标", None, None, "实际完成情况"],
                 [None, "新建农村公路5公里。", None, None, "完成新建农村公路5.2公里。"],
                 ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                  "偏差原因分析及改进措施"],
                 *ROAD, ["总分", None, None, None, None, 100, 99.5], ["评分等级", "优"]):
        typed.append(line)
    typed.row_dimensions[14].hidden = True


def test_a_typed_sheet_beside_the_template_keeps_its_hidden_row_out(tmp_path):
    """rt31 r10 h_mixed: the template's names and formulas are its own sheet's. The typed
    sheet beside it is read as any typed table: its hidden row 14 is last year's, not
    counted — 分值 20+15+10+5+15+15+10 + 执行率 10 = 100, 得分 90 + 95/100 × 10 = 99.5 优;
    no JX101 (105), JX501, JX110 and no JX503 over formulas it never held (G6, G8, H6, …).
    The template's table stays the sound fill's 98.84 优."""
    path = recalculated(filled(tmp_path, _typed_sheet_beside))
    result = check_workbook(path)
    assert [(table.evaluation.total, table.evaluation.grade) for table in result.tables] \
        == [(98.84, "优"), (99.5, "优")]
    assert findings(path) == []
