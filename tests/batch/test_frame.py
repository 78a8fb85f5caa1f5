"""The reviewers' DataFrames (jixiao.batch.frame): the same facts as the JSON of
``jixiao check --json``, one row per table, indicator and finding; pandas only there."""

import io
import json
import os
import subprocess
import sys
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from workbooks import PUTUO_1_ROWS, broken, standard, zizhou

from jixiao.batch.frame import (
    INDICATOR_COLUMNS,
    check_folder,
    findings_frame,
    indicators_frame,
    tables_frame,
)
from jixiao.cli.main import main

ROOT = Path(__file__).resolve().parents[2]


def check_json(path: Path):
    out = io.StringIO()
    with redirect_stdout(out):
        main(["check", str(path), "--json"])
    value = json.loads(out.getvalue())
    return value if isinstance(value, list) else [value]


def plain(value):
    return None if value is None or value != value else value  # NaN is not itself


@pytest.fixture()
def folder(tmp_path):
    (tmp_path / "收件" / "子").mkdir(parents=True)
    standard(tmp_path / "收件" / "a.xlsx")
    standard(tmp_path / "收件" / "b.xlsx", total=(100, 90))  # a wrong 总分: an error
    zizhou(tmp_path / "收件" / "子" / "z.xlsx")
    broken(tmp_path / "收件", "encrypted")
    return tmp_path / "收件"


@pytest.mark.parametrize("workers", [1, 2])
def test_frames_hold_what_the_json_says(folder, workers):
    files = check_folder(str(folder), workers=workers)
    tables, indicators, findings = (tables_frame(files), indicators_frame(files),
                                    findings_frame(files))
    expected = [table for file in sorted(str(path) for path in folder.rglob("*.xlsx"))
                for table in check_json(Path(file))]
    assert list(tables["file"]) == [table["file"] for table in expected]
    assert list(tables["status"]).count("无法读取") == 1
    for (_, row), table in zip(tables.iterrows(), expected, strict=True):
        if "error" in table:
            assert row["error"] == table["error"] and row["status"] == "无法读取"
            continue
        assert row["project"] == table["project"]["name"]
        assert (row["layout"], row["form"]) == (table["layout"], table["form"]) \
            == ("standard", "project")
        assert plain(row["total_computed"]) == table["total_computed"]  # None: NaN in pandas
        assert plain(row["grade_computed"]) == table["grade_computed"]
        errors = sum(item["severity"] == "error" for item in table["findings"])
        assert row["errors"] == errors
        assert row["status"] == ("有错误" if errors else "有警告" if row["warnings"] else "通过")
    rows = [(table["file"], item["name"], item["score_computed"], item["cell"])
            for table in expected for item in table.get("indicators", [])]
    assert len(indicators) == len(rows) > 8
    assert list(indicators.columns) == list(INDICATOR_COLUMNS)
    assert [tuple(map(plain, row)) for row in indicators[
        ["file", "name", "score_computed", "cell"]].itertuples(index=False)] == rows
    assert [tuple(row) for row in findings[["file", "code", "message"]].itertuples(
        index=False)] == [(table["file"], item["code"], item["message"])
                          for table in expected for item in table["findings"]]
    assert "有错误" in set(tables["status"])


def test_a_batch_run_never_imports_pandas(folder, tmp_path):
    code = ("import sys; from jixiao.cli.main import main; "
            "code = main(['batch', sys.argv[1], '-o', sys.argv[2], '--workers', '2']); "
            "print(code, 'pandas' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, str(folder), str(tmp_path / "s.xlsx")],
                         capture_output=True, text=True, cwd=ROOT, check=True,
                         env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}).stdout
    assert out.split()[-2:] == ["2", "False"]


def test_a_word_report_without_a_table_has_no_row_a_word_table_has_its_rows(tmp_path):
    """As in the summary: a 自评报告.docx is left out, a 自评表 typed into Word is checked."""
    from wordfiles import docx, paragraph, workbook_docx

    (tmp_path / "收件").mkdir()
    workbook_docx(standard(tmp_path / "t.xlsx"), tmp_path / "收件" / "自评表.docx")
    docx(tmp_path / "收件" / "自评报告.docx", paragraph("项目支出绩效自评报告"))
    files = check_folder(str(tmp_path / "收件"), workers=1)
    assert [Path(summary.file).name for summary in files] == ["自评表.docx"]
    assert list(tables_frame(files)["status"]) == ["通过"]


def _statistics_by_department(path: Path) -> dict[str, tuple[int, float | None]]:
    """统计›按主管部门 of a summary workbook: 主管部门 → (表数, 平均计算总分)."""
    from openpyxl import load_workbook

    rows, block = {}, False
    for row in load_workbook(path, read_only=True)["统计"].iter_rows(values_only=True):
        if row[0] == "主管部门":
            block = True
        elif block and row[0]:
            rows[row[0]] = (row[1], row[2])
    return rows


def test_frames_mark_duplicates_and_what_the_statistics_sheet_counts(tmp_path):
    """A table sent twice (a copy beside it, a backup deeper down) and a table whose 分值
    total 110: the frame says which rows 统计 counts and averages, as jixiao batch's
    workbook does — a reviewer's groupby gives 统计's numbers, not others."""
    import shutil

    inbox = tmp_path / "收件"
    (inbox / "0备份").mkdir(parents=True)
    original = standard(inbox / "a.xlsx")
    shutil.copyfile(original, inbox / "a - 副本.xlsx")
    shutil.copyfile(original, inbox / "0备份" / "a.xlsx")  # sorts first, lies deeper
    money = [("年度资金总额", 30.03, 31.56, 20.00, 10, 63.37, 6.34),
             ("其中：当年财政拨款", 30.03, 31.56, 20.00, "—", 63.37, "—")]
    standard(inbox / "b.xlsx", money=money, total=(100, 96.34))  # another table, not a copy
    rows = [(*row[:5], 35, 35, None) if row[2] == "预算编制规范性" else row
            for row in PUTUO_1_ROWS]
    standard(inbox / "c.xlsx", rows=rows, total=(110, 109.98))  # JX101: no 计算总分 counted

    files = check_folder(str(inbox), workers=2)
    tables = tables_frame(files)
    assert [(Path(row.file).relative_to(inbox).as_posix(),
             plain(row.duplicate_of) and Path(row.duplicate_of).relative_to(inbox).as_posix(),
             row.counted, row.scored, row.total_computed)
            for row in tables.itertuples()] == [
        ("0备份/a.xlsx", "a.xlsx", False, False, 99.98),
        ("a.xlsx", None, True, True, 99.98),
        ("a - 副本.xlsx", "a.xlsx", False, False, 99.98),
        ("b.xlsx", None, True, True, 96.34),
        ("c.xlsx", None, True, False, 109.98)]
    indicators, findings = indicators_frame(files), findings_frame(files)
    assert set(indicators[indicators.file == str(inbox / "a - 副本.xlsx")].duplicate_of) \
        == {str(inbox / "a.xlsx")}
    assert set(findings[findings.code == "JX101"].duplicate_of.map(plain)) == {None}

    summary = tmp_path / "汇总.xlsx"
    main(["batch", str(inbox), "-o", str(summary), "--workers", "1"])
    department = "上海市普陀区医疗保障局"
    assert _statistics_by_department(summary) == {department: (3, 98.16)}
    counted = tables[tables.counted].groupby("department").size()
    average = tables[tables.scored].groupby("department")["total_computed"].mean().round(2)
    assert (counted[department], average[department]) == (3, 98.16)
    assert round(tables.groupby("department")["total_computed"].mean()[department], 2) \
        == 101.25  # every row, copies and the 110 table too: not what 统计 says


def test_check_folder_from_a_script_on_stdin_checks_without_a_traceback(folder):
    """``python - <<EOF``: a worker started afresh (a fork server, as this process has a
    thread) could not import the script again, and each would die with a traceback;
    the files are checked in this process instead."""
    script = ("import sys, threading\n"
              "threading.Thread(target=threading.Event().wait, daemon=True).start()\n"
              "from jixiao.batch.frame import check_folder, tables_frame\n"
              "tables = tables_frame(check_folder(sys.argv[1], workers=2))\n"
              "print(len(tables), list(tables.status).count('无法读取'))\n")
    done = subprocess.run([sys.executable, "-", str(folder)], input=script,
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert (done.returncode, done.stdout.split(), done.stderr) == (0, ["4", "1"], "")
