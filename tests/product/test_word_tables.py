"""A 自评表 typed into Word (.docx) gives the same findings as the same table in Excel:
written as OOXML by hand (tests/wordfiles.py) and as a word processor writes it
(LibreOffice Writer converting a page's table to .docx). It is checked by value only:
recalculation and annotated copies refuse it, as they do an .xls; ``jixiao convert``
makes a template of it."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from libreoffice import soffice
from wordfiles import workbook_docx, workbook_html
from workbooks import PUTUO_1_MONEY, PUTUO_1_ROWS, standard

from jixiao.pipeline import check_workbook
from jixiao.report.json import json_report

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}

# The first Putuo table with mistakes: a score over its weight, a 质量指标 not met but
# scored in full, an 执行率 score that is not weight × rate.
MISTAKEN_ROWS = [PUTUO_1_ROWS[0], ("产出指标", "质量指标", "预算编制规范性", "规范", "基本规范", 25, 25, None),
                 *PUTUO_1_ROWS[2:4], ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "95%",
                                      10, 12, None)]
MISTAKEN_MONEY = [("年度资金总额", 30.03, 31.56, 31.50, 10, 99.80, 10), *PUTUO_1_MONEY[1:]]


def findings(path):
    [result] = [check_workbook(path)]
    assert result.error is None, result.error
    data = json.loads(json_report([result]))
    return data, sorted((item["code"], item["cell"]) for item in data["findings"])


def same_as_workbook(document, book):
    data, found = findings(document)
    expected, expected_found = findings(book)
    assert [code for code, _ in found] == [code for code, _ in expected_found]
    for key in ("total_declared", "total_computed", "grade_computed", "grade_declared"):
        assert data[key] == expected[key], key
    assert data["project"] == expected["project"]
    assert [i["score_computed"] for i in data["indicators"]] == \
        [i["score_computed"] for i in expected["indicators"]]
    return found, expected_found


@pytest.mark.parametrize("options", [{}, {"rows": MISTAKEN_ROWS, "money": MISTAKEN_MONEY}],
                         ids=["putuo", "mistaken"])
def test_a_word_table_gives_the_findings_of_the_workbook(tmp_path, options):
    book = standard(tmp_path / "自评表.xlsx", **options)
    document = workbook_docx(book, tmp_path / "自评表.docx")
    found, expected = same_as_workbook(document, book)
    assert found == expected  # the same cells too: the title lines are rows 1 and 2
    if options:
        assert found


# A score under its weight with its reason given (效益), and one without (满意度: JX405).
REASONED_ROWS = [*PUTUO_1_ROWS[:3],
                 ("效益指标", "可持续影响指标", "网络安全防护能力", "≥95%", "90%", 30, 28.42,
                  "设备到货推迟，下年提前采购"),
                 ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "85%", 10, 9.44, None)]
WIDTHS = [900, 1500, 1500, 2000, 1200, 1200, 800, 800, 2400]


@pytest.mark.parametrize("nudged", [{8: -50}, {1: 20, 4: -20, 8: -50},
                                    dict.fromkeys(range(1, 9), -20)],
                         ids=["reason-border", "three-borders", "every-border"])
def test_borders_dragged_a_little_off_in_the_lower_rows_are_the_same_columns(tmp_path, nudged):
    """From the indicators down, column borders dragged 20–50 twips off the ones above
    (Word keeps both as grid columns, each cell spanning the slivers between its own
    borders): the workbook's findings at its cells — the one reason missing (JX405 at
    I15) and no other. Before: the reasons one column off (JX405 at J14 and J15), the
    targets in another column (JX201 on every row), or no indicator read at all (JX001)."""
    book = standard(tmp_path / "自评表.xlsx", rows=REASONED_ROWS, total=(100, 97.84))
    document = workbook_docx(book, tmp_path / "自评表.docx", widths=WIDTHS,
                             nudged=(11, nudged))
    found, expected = same_as_workbook(document, book)
    assert found == expected == [("JX405", "I15")]
    data, _ = findings(document)
    assert [item["place"] for item in data["findings"]] == ["第1个表格 第13行第9列"]


def test_a_word_table_libreoffice_wrote_gives_the_findings_of_the_workbook(tmp_path):
    book = standard(tmp_path / "自评表.xlsx", rows=MISTAKEN_ROWS, money=MISTAKEN_MONEY)
    page = tmp_path / "自评表.html"
    page.write_text(workbook_html(book), encoding="utf-8")
    out = tmp_path / "word"
    out.mkdir()
    subprocess.run([soffice(), f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}",
                    "--headless", "--norestore", "--infilter=HTML (StarWriter)",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), str(page)],
                   capture_output=True, timeout=180, env={**os.environ, "HOME": str(tmp_path)},
                   check=False)
    document = out / "自评表.docx"
    if not document.exists():
        pytest.skip("LibreOffice wrote no .docx")
    found, _ = same_as_workbook(document, book)
    assert found


def jixiao(*args):
    return subprocess.run([sys.executable, "-m", "jixiao", *map(str, args)], capture_output=True,
                          text=True, env=ENV, timeout=180, check=False)


def test_recalc_and_annotate_refuse_a_word_table_convert_makes_a_template(tmp_path):
    book = standard(tmp_path / "自评表.xlsx")
    document = workbook_docx(book, tmp_path / "自评表.docx")
    done = jixiao("check", document)
    assert done.returncode == 0, done.stdout + done.stderr
    for args in (("recalc", document, "-o", tmp_path / "r.xlsx"),
                 ("check", document, "--annotate", tmp_path / "a.xlsx")):
        done = jixiao(*args)
        said = done.stdout + done.stderr
        assert "“自评表.docx”是Word 文档（.docx）文件" in said and "jixiao convert" in said, said
        assert "Traceback" not in said
    done = jixiao("convert", document, "-o", tmp_path / "模板.xlsx")
    assert done.returncode == 0, done.stdout + done.stderr
    converted, _ = findings(tmp_path / "模板.xlsx")
    assert converted["total_computed"] == findings(book)[0]["total_computed"]


@pytest.mark.parametrize("nudged", [dict.fromkeys(range(1, 9), -400),
                                    {1: 300, 2: -400, 3: 250, 5: -300, 7: 350}],
                         ids=["every-border", "some-borders"])
def test_lower_rows_on_a_grid_of_their_own_are_laid_cell_by_cell(tmp_path, nudged):
    """rt27 r6 3: from the indicators down, the column borders dragged far off the ones
    above (Word joining two tables; a .doc LibreOffice exported): Word keeps both rows'
    borders as grid columns, the lower rows spanning other grid columns than the header.
    A lower row with as many cells as the header's is laid cell by cell under it (its
    borders are the header's), and so are the 总分 and 等级 rows on that lower grid: the
    workbook's findings — the one reason missing (JX405 in the 满意度 row's 偏差原因), 总分 97.84
    优. Before: 二级 read as 三级 names, 指标值 and 得分 missing (JX201, JX406 on each)."""
    book = standard(tmp_path / "自评表.xlsx", rows=REASONED_ROWS, total=(100, 97.84))
    document = workbook_docx(book, tmp_path / "自评表.docx", widths=WIDTHS,
                             nudged=(11, nudged))
    found, expected = same_as_workbook(document, book)
    assert [code for code, _ in found] == [code for code, _ in expected] == ["JX405"]
    data, _ = findings(document)
    assert [item["place"] for item in data["findings"]] == ["第1个表格 第13行第9列"]
