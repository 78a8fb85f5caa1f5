"""A message naming another cell of a table read from a Word document names it as the
document shows it (第1个表格 第13行第8列), as the finding's own place is named: the A1 of
the sheet jixiao lays the document out on is nothing the document shows (rt33 r8:
JX501's "H20 “受益群众满意度”得分 8" at 第1个表格 第19行第8列)."""

import json
import re

from wordfiles import workbook_docx
from workbooks import PUTUO_1_ROWS, standard

from jixiao.pipeline import check_workbook
from jixiao.report.json import json_report

_A1 = re.compile(r"(?<![A-Za-z])[A-Z]{1,2}\d+\b")
# 服务对象满意度 ≥90%, 81% done: the rules give 10 × 81 ÷ 90 = 9, the table writes 10
_SATISFACTION_OFF = ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "81%", 10, 10, None)


def _found(path, code):
    [result] = [check_workbook(path)]
    assert result.error is None, result.error
    data = json.loads(json_report([result]))
    [found] = [item for item in data["findings"] if item["code"] == code]
    return found


def test_jx501_names_the_score_written_off_the_rules_by_its_place(tmp_path):
    """Money 9.98 + 5 + 25 + 20 + 30 + 9 (the rules' 满意度) = 98.98, the 总分 written;
    the scores written add to 99.98. In Excel the score is H15; in Word the same cell is
    the table's 13th row (the title lines are paragraphs), 8th column."""
    rows = [*PUTUO_1_ROWS[:4], _SATISFACTION_OFF]
    book = standard(tmp_path / "t.xlsx", rows=rows, total=(100, 98.98))
    assert "：H15 “服务对象满意度”得分 10（应为 9）" in _found(book, "JX501")["message"]
    found = _found(workbook_docx(book, tmp_path / "t.docx"), "JX501")
    assert "：第1个表格 第13行第8列 “服务对象满意度”得分 10（应为 9）" in found["message"]
    assert _A1.search(found["message"]) is None


def test_jx502_lists_the_scores_off_the_rules_by_their_place(tmp_path):
    """网络安全防护能力 ≥100, 70 done, scored 21 (the rules' 30 × 0.7); 满意度 10 (the
    rules' 9): written 90.98 优, the rules' 89.98 良 — JX502 lists the score off the rules."""
    rows = [*PUTUO_1_ROWS[:3], ("效益指标", "可持续影响指标", "网络安全防护能力", "≥100", "70", 30,
                                21, None), _SATISFACTION_OFF]
    book = standard(tmp_path / "t.xlsx", rows=rows, total=(100, 90.98))
    assert "各项得分与规则相差：H15 10（规则 9）" in _found(book, "JX502")["message"]
    found = _found(workbook_docx(book, tmp_path / "t.docx"), "JX502")
    assert "各项得分与规则相差：第1个表格 第13行第8列 10（规则 9）" in found["message"]
    assert _A1.search(found["message"]) is None
