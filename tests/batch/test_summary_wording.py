"""rt30 r3: what the summary says of a Word document's tables (第1个表格, not a sheet “文档”
that no Word document has), a 主管部门's average rounded half-up as Excel's ROUND is, and a
closing line that does not count the archives and PDFs (never opened, never cached) as
changed files."""

from pathlib import Path

from openpyxl import load_workbook

from jixiao.batch.run import BatchRun, Outcome
from jixiao.batch.summary_book import Summary, write_summary


def _table(file: str, total: float, **more) -> dict:
    return {"file": file, "sheet": "自评表", "findings": [],
            "project": {"name": f"项目{total}", "department": "某局", "unit": "甲单位"},
            "total_declared": total, "total_computed": total, "grade_declared": "优",
            "grade_computed": "优", "weight_total": 100, **more}


def _written(tmp_path: Path, outcomes: list[Outcome]) -> Path:
    files = [outcome.file for outcome in outcomes]
    output = tmp_path / "汇总.xlsx"
    with Summary() as summary:
        for outcome in outcomes:
            summary.add(outcome)
        write_summary(output, summary, BatchRun(files, files, {}))
    return output


def _rows(path: Path, name: str) -> list[tuple]:
    return list(load_workbook(path)[name].iter_rows(values_only=True))


def test_a_word_document_s_tables_are_named_as_the_document_names_them(tmp_path):
    """A .docx of two tables is read as one sheet “文档”; its rows say 第1个表格, 第2个表格
    (the JSON's place), as its findings do. A workbook's rows still name their sheets."""
    word = "收件/区司法局/自评表（2个项目）.docx"
    book = "收件/区文旅局/汇总.xlsx"
    output = _written(tmp_path, [
        Outcome(word, [_table(word, 99.5, sheet="文档", place="第1个表格"),
                       _table(word, 98.0, sheet="文档", place="第2个表格")]),
        Outcome(book, [_table(book, 97.0, sheet="项目甲"), _table(book, 96.0, sheet="项目乙")])])
    rows = _rows(output, "汇总")
    reasons = [row[rows[0].index("原因")] for row in rows[1:]]
    assert reasons == ["本文件共 2 张表，此为第 1 张（第1个表格）",
                       "本文件共 2 张表，此为第 2 张（第2个表格）",
                       "本文件共 2 张表，此为第 1 张（工作表“项目甲”）",
                       "本文件共 2 张表，此为第 2 张（工作表“项目乙”）"]


def test_a_department_s_average_is_rounded_half_up(tmp_path):
    """(99.81 + 99.82) / 2 = 99.815: ROUND gives 99.82 (Python's round of the float 99.81);
    (99.98 + 99.99 + 99.99) / 3 = 99.98666… → 99.99."""
    outcomes = [Outcome(f"收件/某局/{number}.xlsx", _table(f"收件/某局/{number}.xlsx", total))
                for number, total in enumerate((99.81, 99.82))]
    other = [Outcome(f"收件/乙局/{number}.xlsx", dict(_table(
        f"收件/乙局/{number}.xlsx", total), project={"name": f"乙{number}", "department": "乙局"}))
        for number, total in enumerate((99.98, 99.99, 99.99))]
    output = _written(tmp_path, outcomes + other)
    rows = _rows(output, "统计")
    header = next(number for number, row in enumerate(rows) if row[0] == "主管部门")
    averages = {row[0]: row[2] for row in rows[header + 1:header + 3]}
    assert averages == {"某局": 99.82, "乙局": 99.99}


def test_the_closing_line_does_not_count_a_pdf_as_changed(tmp_path):
    """rt30 r3: after the inbox was renamed, the line read “36/36 个文件（34 个未变化，取自
    缓存）”: the PDF and the zip, never opened nor hashed, are never cached, which read as
    two files changed. They are said apart: one workbook cached, one PDF not opened."""
    import io
    from contextlib import redirect_stdout

    from workbooks import standard

    from jixiao.cli.main import main

    inbox = tmp_path / "收件"
    (inbox / "甲单位").mkdir(parents=True)
    (inbox / "乙单位").mkdir()
    standard(inbox / "甲单位" / "自评表.xlsx")
    (inbox / "乙单位" / "盖章版.pdf").write_bytes(b"%PDF-1.4")

    def closing(output: str) -> str:
        out = io.StringIO()
        with redirect_stdout(out):
            main(["batch", str(inbox), "-o", str(tmp_path / output), "--workers", "1"])
        return next(line for line in out.getvalue().splitlines() if line.startswith("已校验"))

    assert closing("汇总.xlsx").startswith(
        "已校验 2/2 个文件（0 个未变化，取自缓存；1 个未打开：压缩包、PDF 等），")
    assert closing("汇总.xlsx").startswith(
        "已校验 2/2 个文件（1 个未变化，取自缓存；1 个未打开：压缩包、PDF 等），")
    overview = {row[0]: row[1] for row in load_workbook(tmp_path / "汇总.xlsx")["统计"]
                .iter_rows(values_only=True)}
    assert (overview["已校验的文件"], overview["其中未变化、取自缓存"],
            overview["其中未打开（压缩包、PDF 等）"]) == (2, 1, 1)
