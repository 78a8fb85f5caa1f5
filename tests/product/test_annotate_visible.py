"""The annotated copy shows what it marks: a row or column the unit hid that holds a
marked cell is shown (the input is not touched), and the 校验结果 sheet says so; the
sheet ends with the 总分 line and the notes (注意) the terminal gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from workbooks import standard

from jixiao.checks.base import Finding
from jixiao.pipeline import check_workbook
from jixiao.report.annotate import annotate
from jixiao.report.text import text_report


def _scored_attachment(path: Path) -> Path:
    """A 评分附件表 whose 偏差原因 column G (empty) the clerk hid, with H:I beside it in
    the same hidden span; 交通事故发生率 scored 12/15 without a reason."""
    book = Workbook()
    sheet = book.active
    sheet.title = "评分表"
    sheet.append(["农村公路养护工程绩效自评评分表（2024年度）"])
    sheet.append(["一级指标", "三级指标", "权重", "目标值", "业绩值", "评分结果", "偏差原因"])
    for row in [("产出指标", "养护里程", 30, "≥350公里", "352公里", 30),
                ("产出指标", "养护工程验收合格率", 20, "100%", "100%", 20),
                ("效益指标", "农村公路通行条件改善", 20, "明显改善", "明显改善", 20),
                ("效益指标", "交通事故发生率", 15, "≤0.5%", "0.6%", 12),
                ("满意度指标", "沿线群众满意度", 15, "≥90%", "93%", 15)]:
        sheet.append(list(row))
    sheet.append(["合计", None, 100, None, None, 97])
    sheet.column_dimensions.group("G", "I", hidden=True)
    book.save(path)
    return path


def _openpyxl_only(monkeypatch) -> None:
    from jixiao.report import annotate as annotate_module
    from jixiao.xlsx.xmledit import CannotEdit

    def refuse(*args, **kwargs):
        raise CannotEdit("forced")

    monkeypatch.setattr(annotate_module, "write_annotated", refuse)


@pytest.mark.parametrize("path", ["package", "openpyxl"])
def test_a_hidden_column_holding_a_mark_is_shown_in_the_copy_only(tmp_path, monkeypatch, path):
    if path == "openpyxl":
        _openpyxl_only(monkeypatch)
    source = _scored_attachment(tmp_path / "w4.xlsx")
    before = source.read_bytes()
    result = check_workbook(source)
    assert [(item.code, item.cell) for item in result.findings if item.code == "JX405"] \
        == [("JX405", "G6")]
    copy = annotate(source, tmp_path / "copy.xlsx", result.findings, result=result)
    assert source.read_bytes() == before
    sheet = load_workbook(copy)["评分表"]
    spans = {key: (span.min, span.max, span.hidden) for key, span in sheet.column_dimensions.items()
             if span.min and span.min >= 7}
    assert spans == {"G": (7, 7, False), "H": (8, 9, True)}  # the span split: only G shown
    assert "JX405" in sheet["G6"].comment.text
    rows = [[cell.value for cell in row] for row in load_workbook(copy)["校验结果"].iter_rows()]
    assert rows[-1] == ["注意", None, None, "已取消隐藏工作表“评分表”中的 G 列（其中有标注的单元格），"
                                          "以便看到标注；原文件未改动"]
    assert load_workbook(source)["评分表"].column_dimensions["G"].hidden


@pytest.mark.parametrize("path", ["package", "openpyxl"])
def test_a_hidden_row_holding_a_mark_is_shown_and_another_hidden_row_is_not(
        tmp_path, monkeypatch, path):
    if path == "openpyxl":
        _openpyxl_only(monkeypatch)
    source = standard(tmp_path / "rows.xlsx")
    book = load_workbook(source)
    cells = {cell.value: cell for row in book.active.iter_rows() for cell in row}
    marked, other_row = cells["资金拨付及时性"], cells["网络安全防护能力"].row
    marked_row = marked.row
    book.active.row_dimensions[marked_row].hidden = True
    book.active.row_dimensions[other_row].hidden = True
    book.save(source)
    name = book.active.title
    copy = annotate(source, tmp_path / "copy.xlsx",
                    [Finding("JX999", "info", name, marked.coordinate, "测试")])
    written = load_workbook(copy)
    assert not written[name].row_dimensions[marked_row].hidden
    assert written[name].row_dimensions[other_row].hidden  # nothing marked there: as it was
    assert [cell.value for cell in written["校验结果"][3]] == [
        "注意", None, None, f"已取消隐藏工作表“{name}”中的 第 {marked_row} 行（其中有标注的单元格），"
                          "以便看到标注；原文件未改动"]


def test_the_findings_sheet_ends_with_the_total_and_the_notes_the_terminal_gives(tmp_path):
    """A hidden old indicator row (not read, nothing marked on it): the note about it and
    the 总分 line, word for word as the terminal's; the row stays hidden in the copy."""
    source = standard(tmp_path / "hidden.xlsx", total=(100, 100), rows=[
        ("产出指标", "数量指标", "培训人数", "≥500人次", "520人次", 45, 45, None),
        ("产出指标", "数量指标", "2023年培训人数（旧）", "≥400人次", "410人次", 5, 5, None),
        ("效益指标", "社会效益指标", "参训人员就业率", "≥60%", "65%", 45, 45, None)])
    book = load_workbook(source)
    old = next(cell.row for row in book.active.iter_rows() for cell in row
               if cell.value == "2023年培训人数（旧）")
    book.active.row_dimensions[old].hidden = True
    book.save(source)
    result = check_workbook(source)
    copy = annotate(source, tmp_path / "copy.xlsx", result.findings, result=result)
    sheet = load_workbook(copy)
    assert sheet.worksheets[0].row_dimensions[old].hidden
    rows = [[cell.value for cell in row] for row in sheet["校验结果"].iter_rows(min_row=2)]
    note = (f"工作表“{sheet.worksheets[0].title}”第 {old} 行是隐藏行（“2023年培训人数（旧）”），不显示也不打印，未读取；"
            "若其中是本年的指标或资金，请取消隐藏后再校验")
    assert result.notes == [note]
    assert rows[-3:] == [[None, None, None, None],
                         ["总分", None, None, rows[-2][3]],
                         ["注意", None, None, note]]
    report = text_report([result])
    assert f"  {rows[-2][3]}\n" in report and rows[-2][3].startswith("总分 填报 ")
    assert f"注意：{note}" in report
