"""jixiao batch: a folder of submissions in every layout, good and bad, into one summary."""

import contextlib
import io
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from contextlib import redirect_stdout
from pathlib import Path

import pytest
from openpyxl import load_workbook
from workbooks import (
    BROKEN_KINDS,
    PUTUO_1_ROWS,
    attachment,
    broken,
    low_scores,
    putuo,
    several_tables,
    sichuan,
    standard,
    third_party,
    zizhou,
)

from jixiao.batch.outcome import path_order
from jixiao.batch.summary import NO_TOTAL_REASON
from jixiao.batch.summary_book import FINDING_COLUMNS, SUMMARY_COLUMNS
from jixiao.cli.main import main
from jixiao.samples import PUTUO_2024

ROOT = Path(__file__).resolve().parents[2]
# 汇总's 原因 of 子洲's 2023 table (zizhou) among Putuo's of 2024 (standard): rt29
OTHER_YEAR = ("此表是 2023 年度的（本次汇总的表以 2024 年度为主）："
              "不计入评分等级分布和按主管部门的平均计算总分")
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}


# ---------------------------------------------------------------- the inbox

def build_inbox(root: Path) -> dict[str, str]:
    """~50 submissions; returns file (relative to root) → what it is."""
    made: dict[str, str] = {}

    def put(relative, builder, what):
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        produced = builder(target)
        if Path(produced) != target:  # broken() names its own files
            target.unlink(missing_ok=True)
            shutil.move(produced, target)
        made[relative] = what

    for number in range(12):
        put(f"普陀区/标准{number:02d}.xlsx",
            lambda p, n=number: standard(p, name=f"普陀项目{n:02d}"), "standard")
    for item in PUTUO_2024:
        put(f"普陀区/公开/{item.key}.xlsx", lambda p, k=item.key: putuo(p, k), "putuo")
    for number in range(3):
        put(f"子洲县/子洲{number}.xlsx", zizhou, "zizhou")
    for number, (rate, reason) in enumerate([("75%", None), ("95%", None), ("80%", "采购延期"),
                                             ("100%", None)]):
        put(f"四川/四川{number}.xlsx", lambda p, r=rate, s=reason: sichuan(p, rate=r, reason=s),
            "sichuan")
    put("四川/写明比例法.xlsx", lambda p: sichuan(p, rules="ratio"), "sichuan")
    for number, rate in enumerate([0.96, 0.8, 1.0]):
        put(f"附件表/附件{number}.xlsx", lambda p, r=rate: attachment(p, r), "attachment")
    for number, decision in enumerate([20, 10, 22]):
        put(f"第三方/评价{number}.xlsx", lambda p, d=decision: third_party(p, d), "third_party")
    for number, (actual, score) in enumerate([("50%", 2.78), ("0%", 0), ("80%", 4.44)]):
        put(f"低分/低分{number}.xlsx", lambda p, a=actual, s=score: low_scores(p, a, s), "low")
    put("普陀区/总分写错.xlsx", lambda p: standard(p, total=(100, 90), grade="优"), "wrong-total")
    put("多表/三张表.xlsx", several_tables, "several")
    put("宏/带宏.xlsm", standard, "xlsm")
    for sample in ("putuo-1", "zizhou-2023"):
        with redirect_stdout(io.StringIO()):
            put(f"模板/{sample}.xlsx",
                lambda p, s=sample: main(["demo", "-o", str(p), "--sample", s]) == 0 and p,
                "template")
    scratch = root.parent / "scratch"  # broken() leaves a good copy beside the corrupt one
    scratch.mkdir(exist_ok=True)
    for kind in BROKEN_KINDS:
        suffix = ".xls" if kind == "xls" else ".xlsx"
        put(f"坏文件/{kind}{suffix}", lambda p, k=kind: broken(scratch, k), kind)
    (root / "普陀区" / "~$标准00.xlsx").write_bytes(b"lock file of an open workbook")
    (root / "普陀区" / "说明.txt").write_text("not a workbook", encoding="utf-8")
    (root / ".hidden").mkdir()
    shutil.copy(root / "普陀区" / "标准00.xlsx", root / ".hidden" / "x.xlsx")
    return made


def batch(*args, capsys=None):
    """``jixiao batch …`` in this process; returns (exit code, stdout)."""
    out = io.StringIO()
    with redirect_stdout(out):
        code = main(["batch", *map(str, args)])
    return code, out.getvalue()


def check_json(path: str):
    out = io.StringIO()
    with redirect_stdout(out):
        main(["check", path, "--json"])
    return json.loads(out.getvalue())


def sheet_rows(path: Path, sheet: str) -> list[tuple]:
    """The rows of a sheet; in 汇总, the file's path (文件夹 and 文件名) in the first column."""
    rows = [tuple(row) for row in load_workbook(path)[sheet].iter_rows(values_only=True)]
    if sheet == "汇总":
        folder = SUMMARY_COLUMNS.index("文件夹")
        rows[1:] = [(os.path.join(row[folder], row[0]) if row[folder] else row[0], *row[1:])
                    for row in rows[1:]]
    return rows


@pytest.fixture(scope="module")
def inbox(tmp_path_factory):
    work = tmp_path_factory.mktemp("batch")
    made = build_inbox(work / "收件")
    os.chdir(work)  # paths in the summary and the JSONL are as found: relative to here
    code, out = batch("收件", "-o", "汇总.xlsx", "--json", "结果.jsonl", "--workers", "2")
    return work, made, code, out


@pytest.fixture(autouse=True)
def _keep_cwd():
    cwd = os.getcwd()
    yield
    os.chdir(cwd)


def test_every_submission_is_a_row_and_skipped_files_are_not(inbox):
    work, made, code, out = inbox
    os.chdir(work)
    assert code == 2  # some files cannot be read: that wins over errors
    assert len(made) >= 45
    rows = sheet_rows(work / "汇总.xlsx", "汇总")
    assert rows[0] == SUMMARY_COLUMNS
    files = [row[0] for row in rows[1:]]
    assert sorted(set(files)) == sorted(str(Path("收件") / name) for name in made)
    assert files == sorted(files, key=path_order)
    assert files.count(str(Path("收件/多表/三张表.xlsx"))) == 3  # one row per table
    assert not any("~$" in name or ".hidden" in name or name.endswith(".txt") for name in files)
    assert f"已校验 {len(made)}/{len(made)} 个文件" in out


def test_summary_rows_say_what_each_file_is(inbox):
    work, made, _, _ = inbox
    rows = {row[0]: dict(zip(SUMMARY_COLUMNS, row, strict=True))
            for row in sheet_rows(work / "汇总.xlsx", "汇总")[1:]}

    def row(name):
        return rows[str(Path("收件") / name)]

    good = row("普陀区/标准03.xlsx")
    assert (good["项目名称"], good["主管部门"], good["实施单位"]) == (
        "普陀项目03", "上海市普陀区医疗保障局", "上海市普陀区医疗保险事务中心")
    assert (good["填报总分"], good["计算总分"], good["填报等级"], good["计算等级"]) == (
        99.98, 99.98, "优", "优")
    assert (good["错误数"], good["警告数"], good["状态"], good["原因"]) == (0, 0, "通过", None)
    assert row("子洲县/子洲0.xlsx")["状态"] == "有错误"
    wrong = row("普陀区/总分写错.xlsx")
    assert wrong["状态"] == "有错误" and wrong["填报总分"] == 90 and wrong["计算总分"] == 99.98
    assert row("低分/低分1.xlsx")["计算总分"] < 99
    reasons = {"corrupt-zip": "已损坏", "xls": "97-2003", "encrypted": "密码",
               "empty-workbook": "是空的工作簿", "no-table": "没有找到", "100000-rows": "过大"}
    for name, what in made.items():
        if what in reasons:
            broken_row = row(name)
            # a workbook read that holds no 自评表 is 不是自评表 (rt27 #3), not damaged; one
            # with nothing in it is 空文件 (rt28)
            status = {"empty-workbook": "空文件", "no-table": "不是自评表"}.get(what, "无法读取")
            assert broken_row["状态"] == status and reasons[what] in broken_row["原因"], name
            assert broken_row["项目名称"] is None and broken_row["错误数"] is None
    several = [value for key, value in rows.items() if key.endswith("三张表.xlsx")]
    assert len(several) == 1  # the dict keeps one; the sheet has three (see above)


def test_each_jsonl_line_is_what_jixiao_check_json_prints(inbox):
    work, made, _, _ = inbox
    os.chdir(work)
    lines = (work / "结果.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(made)
    for line in lines:
        value = json.loads(line)
        file = value[0]["file"] if isinstance(value, list) else value["file"]
        assert value == check_json(file), file


def test_summary_rows_agree_with_the_json(inbox):
    work, _, _, _ = inbox
    os.chdir(work)
    rows = sheet_rows(work / "汇总.xlsx", "汇总")[1:]
    findings = sheet_rows(work / "汇总.xlsx", "问题明细")
    assert findings[0] == FINDING_COLUMNS
    expected_rows, expected_findings = [], []
    for line in (work / "结果.jsonl").read_text(encoding="utf-8").splitlines():
        value = json.loads(line)
        for table in value if isinstance(value, list) else [value]:
            if "error" in table:
                expected_rows.append((table["file"], "无法读取" if not table.get("no_table")
                                      or table.get("encrypted") else "空文件"
                                      if table.get("empty") else "未识别表格"
                                      if table.get("unrecognised") else "不是自评表"))
                continue
            severities = [item["severity"] for item in table["findings"]]
            expected_rows.append((table["file"], table["project"]["name"],
                                  table["total_computed"], severities.count("error"),
                                  severities.count("warning")))
            expected_findings.extend((table["file"], item["code"], item["message"])
                                     for item in table["findings"])
    assert [(r[0], r[10]) if r[10] in ("无法读取", "空文件", "不是自评表", "未识别表格") else (r[0], r[1], r[5], r[8], r[9])
            for r in rows] == expected_rows
    assert [(r[0], r[2], r[5]) for r in findings[1:]] == expected_findings


def test_summary_is_ready_to_sort_filter_and_print(inbox):
    work, _, _, _ = inbox
    book = load_workbook(work / "汇总.xlsx")
    assert book.sheetnames == ["汇总", "问题明细", "统计"]
    for name in ("汇总", "问题明细"):
        ws = book[name]
        assert ws.freeze_panes == "B2"
        assert ws.auto_filter.ref == ws.dimensions
        assert ws.print_title_rows == "$1:$1"
        assert ws.column_dimensions["A"].width > 10
    for ws in book.worksheets:
        assert ws.page_setup.orientation == "landscape"
        # one page wide, as many tall; fitToWidth is left out when 1, its default (as Excel does)
        assert (ws.page_setup.fitToWidth or 1) == 1 and ws.page_setup.fitToHeight == 0
        assert ws.sheet_properties.pageSetUpPr.fitToPage
    # 文件 links to the file (relative to the summary), 问题明细 to the cell as well
    link = book["汇总"]["A2"].hyperlink
    assert (work / link.target).is_file()
    detail = book["问题明细"]["A2"].hyperlink
    assert (work / detail.target).is_file() and "!" in detail.location


def test_statistics_and_native_charts(inbox):
    work, made, _, _ = inbox
    stats = sheet_rows(work / "汇总.xlsx", "统计")
    labels = {row[0]: row[1] for row in stats if row and row[0]}
    assert labels["找到的文件"] == len(made) and labels["已校验的文件"] == len(made)
    assert labels["无法读取的文件"] == 4 and labels["空文件（没有任何内容，请单位重新提交）"] == 1
    assert labels["不是自评表的文件（如只交了绩效目标表）"] == 1 == len(BROKEN_KINDS) - 5
    assert labels["未识别出表格的文件（有自评表的标题，须人工查看）"] == 0
    grades = {row[0]: row[1] for row in stats if row[0] in ("优", "良", "中", "差")}
    assert grades["优"] >= 20 and sum(grades.values()) >= 30
    codes = [row for row in stats if row[0] and str(row[0]).startswith("JX")]
    assert codes and codes == sorted(codes, key=lambda row: (-row[3], row[0]))
    with zipfile.ZipFile(work / "汇总.xlsx") as archive:
        charts = sorted(name for name in archive.namelist() if name.startswith("xl/charts/chart"))
        assert len(charts) == 2
        xml = [archive.read(name).decode() for name in charts]
    assert all("barChart>" in text and "'统计'!" in text for text in xml)
    assert 'barDir val="col"' in xml[0] and 'barDir val="bar"' in xml[1]


def test_summary_opens_in_libreoffice(inbox, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: .ci/run installs libreoffice-calc")
    work, _, _, _ = inbox
    profile = (tmp_path / "profile").as_uri()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), str(work / "汇总.xlsx")],
                   capture_output=True, timeout=180, check=False,
                   env={**os.environ, "HOME": str(tmp_path)})
    pdf = tmp_path / "汇总.pdf"
    assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF")
    assert pdf.stat().st_size > 10_000


# ---------------------------------------------------------------- the cache

def small_inbox(root: Path) -> Path:
    (root / "in" / "sub").mkdir(parents=True)
    standard(root / "in" / "a.xlsx")
    zizhou(root / "in" / "sub" / "z.xlsx")
    broken(root / "in", "encrypted")
    return root / "in"


def test_a_jsonl_line_carries_the_notes_of_its_file(tmp_path):
    """The 注意 of a file (a hidden row not read) is in its JSON line, as in the 原因
    of its row in 汇总 and in ``jixiao check --json``."""
    (tmp_path / "in").mkdir()
    rows = [*PUTUO_1_ROWS[:3], ("产出指标", "时效指标", "上年度旧指标（已停用）", "≥50%", "30%",
                                10, 3, None), *PUTUO_1_ROWS[3:]]
    standard(tmp_path / "in" / "a.xlsx", rows=rows, hidden=[14])
    batch(tmp_path / "in", "-o", tmp_path / "汇总.xlsx", "--json", tmp_path / "a.jsonl",
          "--workers", "1")
    [line] = (tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()
    [note] = json.loads(line)["notes"]
    assert note.startswith("工作表“自评表”第 14 行是隐藏行（“上年度旧指标（已停用）”）")
    [row] = sheet_rows(tmp_path / "汇总.xlsx", "汇总")[1:]
    assert note in row[SUMMARY_COLUMNS.index("原因")]


def cached_rows(output: Path) -> int:
    with sqlite3.connect(output.parent / ".jixiao-cache.sqlite") as db:
        return db.execute("SELECT count(*) FROM result").fetchone()[0]


def test_unchanged_files_come_from_the_cache_unless_forced(tmp_path, monkeypatch):
    folder = small_inbox(tmp_path)
    output = tmp_path / "汇总.xlsx"
    code, out = batch(folder, "-o", output, "--json", tmp_path / "a.jsonl", "--workers", "1")
    assert code == 2 and "（0 个未变化" in out and cached_rows(output) == 3
    first = (tmp_path / "a.jsonl").read_text(encoding="utf-8")

    import jixiao.batch.work

    def must_not_run(*args):
        raise AssertionError("an unchanged file was checked again")

    monkeypatch.setattr(jixiao.batch.work, "check_one", must_not_run)
    code, out = batch(folder, "-o", output, "--json", tmp_path / "b.jsonl", "--workers", "1")
    assert code == 2 and "（3 个未变化" in out
    assert (tmp_path / "b.jsonl").read_text(encoding="utf-8") == first
    monkeypatch.undo()

    standard(folder / "a.xlsx", total=(100, 90))  # changed: checked again
    code, out = batch(folder, "-o", output, "--workers", "1")
    assert "（2 个未变化" in out
    assert "有错误" in [row[10] for row in sheet_rows(output, "汇总") if row[0].endswith("a.xlsx")]
    code, out = batch(folder, "-o", output, "--workers", "1", "--force")
    assert "（0 个未变化" in out


def test_a_renamed_or_moved_inbox_is_all_cache_hits(tmp_path):
    """The cache is keyed by content, not by path: check a folder, rename it, check it
    again: every file from the cache, and the same summary and JSON Lines a forced run
    gives (the paths in them are the new ones)."""
    folder = small_inbox(tmp_path)
    output = tmp_path / "汇总.xlsx"
    first, out = batch(folder, "-o", output, "--json", tmp_path / "a.jsonl", "--workers", "2")
    assert "（0 个未变化" in out
    renamed = folder.rename(tmp_path / "收件-改名")
    code, out = batch(renamed, "-o", output, "--json", tmp_path / "b.jsonl", "--workers", "2")
    assert code == first and "已校验 3/3 个文件（3 个未变化" in out
    forced = tmp_path / "forced" / "汇总.xlsx"
    code, out = batch(renamed, "-o", forced, "--json", tmp_path / "c.jsonl", "--force")
    assert code == first and "（0 个未变化" in out
    for sheet in ("汇总", "问题明细"):
        rows = sheet_rows(output, sheet)
        assert rows == sheet_rows(forced, sheet)
        assert any("收件-改名" in str(row[0]) for row in rows[1:])
    assert (tmp_path / "b.jsonl").read_text(encoding="utf-8") == (
        tmp_path / "c.jsonl").read_text(encoding="utf-8")
    # moved again, checked in this process: hits again, from the rows just stored
    moved = renamed.rename(tmp_path / "归档")
    code, out = batch(moved, "-o", output, "--workers", "1")
    assert code == first and "（3 个未变化" in out


def test_a_renamed_file_is_a_hit_unless_its_messages_name_it(tmp_path):
    """A renamed file is taken from the cache when nothing but its file fields names it;
    an outcome quoting the old name (an unreadable file's message) is checked again."""
    folder = small_inbox(tmp_path)
    output = tmp_path / "汇总.xlsx"
    batch(folder, "-o", output, "--workers", "1")
    (folder / "a.xlsx").rename(folder / "改名.xlsx")
    [encrypted] = [path for path in folder.iterdir() if path.suffix == ".xlsx"
                   and path.name != "改名.xlsx"]
    encrypted.rename(folder / "另一个名字.xlsx")
    code, out = batch(folder, "-o", output, "--json", tmp_path / "a.jsonl", "--workers", "1")
    assert "（2 个未变化" in out  # a.xlsx and sub/z.xlsx; the encrypted one checked again
    batch(folder, "-o", tmp_path / "f" / "s.xlsx", "--json", tmp_path / "b.jsonl", "--force")
    assert (tmp_path / "a.jsonl").read_text(encoding="utf-8") == (
        tmp_path / "b.jsonl").read_text(encoding="utf-8")
    assert "另一个名字.xlsx" in (tmp_path / "a.jsonl").read_text(encoding="utf-8")


def test_the_cache_is_keyed_by_rule_set(tmp_path):
    folder = small_inbox(tmp_path)
    output = tmp_path / "汇总.xlsx"
    batch(folder, "-o", output, "--workers", "1")
    code, out = batch(folder, "-o", output, "--workers", "1", "--rules", "ratio")
    assert "（0 个未变化" in out


def test_the_cache_keeps_what_was_used_in_the_last_180_days(tmp_path):
    from jixiao.batch.run import Outcome, ResultCache

    day = 86400
    cache = ResultCache(tmp_path, None)
    ages = {"today": 3600, "last year": 365 * day, "unused": 365 * day}
    for name, age in ages.items():
        cache.put(name, Outcome(name, {"file": name, "findings": []}))
        cache.db.execute("UPDATE result SET used = ? WHERE key = ?", (time.time() - age, name))
    before = dict(cache.db.execute("SELECT key, used FROM result"))
    cache.touch(["today", "last year"])
    after = dict(cache.db.execute("SELECT key, used FROM result"))
    assert after["today"] == before["today"]  # marked today already: not rewritten
    assert after["last year"] > time.time() - 60
    cache.close()
    cache = ResultCache(tmp_path, None)
    assert sorted(key for (key,) in cache.db.execute("SELECT key FROM result")) == [
        "last year", "today"]
    cache.close()


def test_rows_of_another_jixiao_version_are_dropped_and_their_space_given_back(
        tmp_path, monkeypatch):
    from jixiao.batch import cache as cache_module
    from jixiao.batch.run import CACHE_NAME, Outcome, ResultCache

    monkeypatch.setattr(cache_module, "code_fingerprint", lambda: "0123456789abcdef")
    old = ResultCache(tmp_path, None)
    old.put_rows([(f"k{index}", f"c{index}", 0, "a.xlsx", "x" * 4000, "{}", time.time(),
                   "", "") for index in range(500)])
    old.close()
    grown = (tmp_path / CACHE_NAME).stat().st_size
    assert grown > 2_000_000
    again = ResultCache(tmp_path, "ratio")  # the same code, another rule set: rows kept
    assert again.db.execute("SELECT count(*) FROM result").fetchone() == (500,)
    again.close()

    monkeypatch.setattr(cache_module, "code_fingerprint", lambda: "fedcba9876543210")
    new = ResultCache(tmp_path, None)
    assert new.db.execute("SELECT count(*) FROM result").fetchone() == (0,)
    assert (tmp_path / CACHE_NAME).stat().st_size < grown / 10
    new.put("k", Outcome("b.xlsx", {"file": "b.xlsx", "findings": []}))
    new.close()
    kept = ResultCache(tmp_path, None)  # the same version again: its row is still there
    assert kept.get("k") == Outcome("b.xlsx", {"file": "b.xlsx", "findings": []})
    kept.close()


def test_the_cache_keeps_each_outcome_in_full_and_in_brief(tmp_path):
    from jixiao.batch.run import CACHE_NAME, Outcome, ResultCache

    with sqlite3.connect(tmp_path / CACHE_NAME) as db:  # a cache an older jixiao made
        db.execute("CREATE TABLE outcome (key TEXT PRIMARY KEY, file TEXT, outcome TEXT, "
                   "used REAL)")
        db.execute("INSERT INTO outcome VALUES ('k', 'a.xlsx', '{}', 0)")
    db.close()
    table = {"file": "a.xlsx", "sheet": "表", "funds": {"budget": 1}, "indicators": [{}],
             "findings": [{"code": "JX101"}], "total_computed": 90}
    outcome = Outcome("a.xlsx", [table, {**table, "sheet": "表二"}], ["注"])
    cache = ResultCache(tmp_path, None)
    assert cache.get("k") is None  # the older table is gone: its outcomes were stale
    assert [name for (name,) in cache.db.execute("SELECT name FROM sqlite_master")] == [
        "result", "sqlite_autoindex_result_1", "result_content"]
    cache.put("k", outcome)
    assert cache.get("k") == outcome
    brief = {key: value for key, value in table.items() if key not in ("funds", "indicators")}
    assert cache.get("k", brief=True) == Outcome(
        "a.xlsx", [brief, {**brief, "sheet": "表二"}], ["注"])
    cache.close()


def test_exit_codes(tmp_path):
    good = tmp_path / "good"
    good.mkdir()
    standard(good / "a.xlsx")
    sichuan(good / "s.xlsx", reason="设备到货延期")  # a warning only
    assert batch(good, "-o", tmp_path / "g.xlsx", "--workers", "1")[0] == 0
    zizhou(good / "z.xlsx")
    assert batch(good, "-o", tmp_path / "g.xlsx", "--workers", "1")[0] == 1
    broken(good, "corrupt-zip")
    assert batch(good, "-o", tmp_path / "g.xlsx", "--workers", "1")[0] == 2


def test_bad_arguments_are_one_chinese_line(tmp_path, capsys):
    assert main(["batch", str(tmp_path / "nowhere"), "-o", str(tmp_path / "s.xlsx")]) == 2
    assert "找不到" in capsys.readouterr().err
    assert main(["batch", str(tmp_path), "-o", str(tmp_path / "s.csv")]) == 2
    assert "须以 .xlsx 结尾" in capsys.readouterr().err
    assert main(["batch", str(tmp_path), "-o", str(tmp_path / "s.xlsx"), "--rules", "x"]) == 2


def test_the_summary_inside_the_folder_is_never_checked_and_globs_work(tmp_path):
    folder = small_inbox(tmp_path)
    output = folder / "汇总.xlsx"
    batch(folder, "-o", output, "--json", folder / "r.jsonl", "--workers", "1")
    assert "已校验 3/3" in batch(folder, "-o", output, "--workers", "1")[1]
    output.unlink()
    pattern = str(folder / "**" / "*.xlsx")
    assert "已校验 3/3" in batch(pattern, "-o", tmp_path / "g.xlsx", "--workers", "1")[1]
    code, out = batch(str(folder / "sub" / "*.xlsx"), "-o", tmp_path / "g.xlsx")
    assert "已校验 1/1" in out and code == 1


def test_a_workbook_of_the_reviewers_own_is_never_overwritten_by_the_summary(tmp_path, capsys):
    """-o naming the reviewer's own 汇总.xlsx (a 台账): kept, the summary written to
    汇总 (2).xlsx (rt18-e 4: before, replaced without a word; rt35 r2 1: refused, now kept
    as an edited summary is: tests/batch/test_summary_kept.py); jixiao's own summary is
    rewritten as before; --json into a folder not there yet is made first, as -o is
    (before: refused at the end)."""
    from openpyxl import Workbook

    folder = small_inbox(tmp_path)
    ledger = tmp_path / "汇总.xlsx"
    book = Workbook()
    book.active.title = "台账"
    book.save(ledger)
    before = ledger.read_bytes()
    code, out = batch(folder, "-o", ledger, "--workers", "1")
    assert code == 2 and "“汇总.xlsx”已存在，未覆盖" in out
    assert ledger.read_bytes() == before and (tmp_path / "汇总 (2).xlsx").is_file()
    output = tmp_path / "结果" / "汇总.xlsx"
    batch(folder, "-o", output, "--json", tmp_path / "新目录" / "r.jsonl", "--workers", "1")
    assert (tmp_path / "新目录" / "r.jsonl").read_text(encoding="utf-8").count("\n") == 3
    assert "已校验 3/3" in batch(folder, "-o", output, "--workers", "1")[1]


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_a_pattern_skips_lock_files_and_a_link_never_hides_its_file(tmp_path):
    """收件/*.xlsx matching Office's ~$ lock file (rt18-e 6: before, a row 无法读取 and exit
    2); a link in one unit's folder to a file in another's (rt18-e 2: before, the file's own
    row was dropped for the link's, whichever the walk met first)."""
    folder = small_inbox(tmp_path)
    first = folder / "sub" / "z.xlsx"
    (first.parent / f"~${first.name}").write_bytes(b"\x00" * 165)
    code, _ = batch(str(first.parent / "*.xlsx"), "-o", tmp_path / "g.xlsx", "--workers", "1",
                    "--json", tmp_path / "g.jsonl")
    files = [json.loads(line)["file"] for line in (tmp_path / "g.jsonl").read_text("utf-8").split("\n") if line]
    assert files == [str(first)] and code == 1
    linked = folder / "0丁单位"
    linked.mkdir()
    (linked / "引用.xlsx").symlink_to(first)
    batch(folder, "-o", tmp_path / "h.xlsx", "--workers", "1", "--json", tmp_path / "h.jsonl")
    files = [json.loads(line)["file"] for line in (tmp_path / "h.jsonl").read_text("utf-8").split("\n") if line]
    assert str(first) in files and not any("引用" in name for name in files)


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_every_kind_of_workbook_a_unit_sends_is_checked(tmp_path):
    """.xls, .xlsb, .ods and WPS's own .et are found by the batch like .xlsx; an .et saved
    in the .xls format is read as one, a damaged .xlsb is a row saying why (and an empty
    .docx: Word documents are checked too — of 0 bytes, a failed upload: 空文件)."""
    import shutil

    from workbooks import standard

    folder = tmp_path / "收件"
    folder.mkdir()
    source = standard(tmp_path / "t.xlsx")
    from libreoffice import convert

    [converted] = convert(source, tmp_path, "xls").glob("*.xls")
    shutil.copy(converted, folder / "甲.xls")
    shutil.copy(converted, folder / "乙.et")
    (folder / "丙.xlsb").write_bytes(b"PK\x03\x04 not a workbook")
    (folder / "丁.docx").write_bytes(b"")
    code, out = batch(str(folder), "-o", tmp_path / "汇总.xlsx", "--workers", "1")
    assert "已校验 4/4" in out and "1 个文件无法读取，1 个文件是空的" in out and code == 2


def test_discovery_takes_each_real_file_once_and_skips_through_links(tmp_path, monkeypatch):
    from jixiao.batch.discover import discover

    for name in ("收件/a.xlsx", "收件/~$a.xlsx", "收件/.h.xlsx", "收件/子/b.XLSX", "收件/.隐藏/c.xlsx",
                 "收件/d.txt", "输出/汇总.xlsx", "输出/标注/a-校验.xlsx", "别处/e.xlsm"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"")
    (tmp_path / "收件" / "0链接.xlsx").symlink_to(tmp_path / "收件" / "a.xlsx")  # found first, but the file itself is listed
    (tmp_path / "收件" / "看得见.xlsx").symlink_to(tmp_path / "收件" / ".h.xlsx")
    (tmp_path / "收件" / "别处").symlink_to(tmp_path / "别处")  # a linked folder is not entered
    (tmp_path / "出").symlink_to(tmp_path / "输出")
    monkeypatch.chdir(tmp_path)
    assert discover(["收件"]) == ["收件/a.xlsx", "收件/子/b.XLSX", "收件/看得见.xlsx"]
    assert discover(["./收件/", "收件/子", "收件/a.xlsx"]) == [
        "收件/a.xlsx", "收件/子/b.XLSX", "收件/看得见.xlsx"]
    assert discover(["收件/.h.xlsx", "收件"]) == [  # named: taken, even hidden
        "收件/.h.xlsx", "收件/a.xlsx", "收件/子/b.XLSX"]
    assert discover(["."], skip=["出/汇总.xlsx", "出/标注"]) == [
        "别处/e.xlsm", "收件/a.xlsx", "收件/子/b.XLSX", "收件/看得见.xlsx"]
    assert discover(["出", "输出"], skip=["输出/标注"]) == ["出/汇总.xlsx"]
    assert discover(["."], skip=[tmp_path]) == []


def test_a_copy_from_the_cache_is_always_of_the_file_as_it_is(tmp_path):
    """A file changed (总分 95) and changed back, then taken from the cache: its annotated
    copy is made again of it (rt18-e 1: before, the copy of the changed file was kept and
    linked — a JX501 comment on a table that has none)."""
    folder = tmp_path / "收件"
    folder.mkdir()
    table, marked = folder / "表.xlsx", tmp_path / "标注"
    standard(table)
    right = table.read_bytes()
    run = ("-o", tmp_path / "s.xlsx", "--annotate-dir", marked, "--workers", "1")
    assert batch(folder, *run)[0] == 0
    standard(table, total=(100, 95))
    assert batch(folder, *run)[0] == 1
    table.write_bytes(right)
    code, out = batch(folder, *run)
    assert code == 0 and "缓存" in out
    copy = load_workbook(marked / "表-校验.xlsx")
    assert not any(cell.comment for row in copy.worksheets[0].iter_rows() for cell in row)


def test_annotated_copies_keep_the_folders(tmp_path):
    folder = small_inbox(tmp_path)
    marked = tmp_path / "标注"
    code, out = batch(folder, "-o", tmp_path / "s.xlsx", "--annotate-dir", marked)
    assert (marked / "a-校验.xlsx").is_file() and (marked / "sub" / "z-校验.xlsx").is_file()
    assert not (marked / "secret-校验.xlsx").exists()  # unreadable: nothing to mark
    assert "校验结果" in load_workbook(marked / "sub" / "z-校验.xlsx").sheetnames
    (marked / "a-校验.xlsx").unlink()  # a missing copy is made again, even from the cache
    code, out = batch(folder, "-o", tmp_path / "s.xlsx", "--annotate-dir", marked)
    assert (marked / "a-校验.xlsx").is_file() and "（2 个未变化" in out


def test_batch_imports_nothing_heavy():
    code = ("import sys, jixiao.cli.main, jixiao.cli.batch; print(sorted(m for m in "
            "('openpyxl', 'pandas', 'formulas', 'rich', 'distributed', 'python_calamine', "
            "'xlsxwriter') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, check=True, env=ENV).stdout
    assert out.strip() == "[]"


# ---------------------------------------------------------------- Ctrl-C

def test_ctrl_c_keeps_a_valid_summary_of_what_was_done(tmp_path_factory):
    # not tmp_path: conftest would read all 12,000 distinct copies after the test
    tmp_path = tmp_path_factory.mktemp("ctrl_c")
    folder = tmp_path / "many"
    folder.mkdir()
    first = standard(folder / "s0000.xlsx")
    # distinct contents (the cache knows a file by its bytes), enough of them that the batch
    # (some 1,300 files a second) is still running when its first results are kept (2 s)
    for number in range(1, 12_000):
        copy = shutil.copy(first, folder / f"s{number:04d}.xlsx")
        with zipfile.ZipFile(copy, "a") as archive:
            archive.comment = f"{number}".encode()
    output = tmp_path / "汇总.xlsx"
    process = subprocess.Popen(
        [sys.executable, "-m", "jixiao", "batch", str(folder), "-o", str(output), "--json",
         str(tmp_path / "r.jsonl"), "--workers", "2"],
        cwd=tmp_path, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:  # until results are kept
        time.sleep(0.2)
        try:
            if cached_rows(output) > 0:
                break
        except sqlite3.Error:
            continue
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=120)
    assert process.returncode == 130, err
    assert "已中断" in err and "Traceback" not in err
    rows = sheet_rows(output, "汇总")[1:]
    assert 0 < len(rows) < 12_000
    assert all(row[10] == "通过" for row in rows)
    stats = {row[0]: row[1] for row in sheet_rows(output, "统计") if row[0]}
    notes = [row[1] for row in sheet_rows(output, "统计") if row[0] == "注意"]
    assert any("校验被中断" in note for note in notes) and stats["已校验的文件"] == len(rows)
    lines = (tmp_path / "r.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(rows)


def _interrupted_with_copies(tmp_path, count, *options):
    """A batch of ``count`` distinct tables with annotated copies, interrupted by Ctrl-C
    (to the whole process group, as a terminal sends it) once three copies are made;
    asserts what any engine must leave: exit 130, no traceback, no temporary file, every
    copy in 标注 a row of the summary and of the JSONL."""
    folder = tmp_path / "收件"
    folder.mkdir()
    first = standard(folder / "s000.xlsx")
    for number in range(1, count):  # distinct contents, enough to be still running
        copy = shutil.copy(first, folder / f"s{number:03d}.xlsx")
        with zipfile.ZipFile(copy, "a") as archive:
            archive.comment = f"{number}".encode()
    marked, output = tmp_path / "标注", tmp_path / "汇总.xlsx"
    process = subprocess.Popen(
        [sys.executable, "-m", "jixiao", "batch", str(folder), "-o", str(output), "--json",
         str(tmp_path / "r.jsonl"), "--annotate-dir", str(marked), *options, "--workers", "2"],
        cwd=tmp_path, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:  # the first copies made
        if len(list(marked.glob("*-校验.xlsx"))) >= 3:
            break
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGINT)  # main and workers: what Ctrl-C does
    try:
        _, err = process.communicate(timeout=120)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == 130, err
    assert "Traceback" not in err
    assert [path.name for path in tmp_path.rglob("*.tmp")] == []
    lines = [json.loads(line) for line in
             (tmp_path / "r.jsonl").read_text(encoding="utf-8").splitlines()]
    listed = sorted(Path(line["annotated"]).name for line in lines)
    assert 0 < len(listed) < count
    assert sorted(path.name for path in marked.iterdir()) == listed
    assert len(sheet_rows(output, "汇总")) - 1 == len(lines)
    assert f"已中断，正在写出已完成的 {len(lines)} 个文件" in err


def test_ctrl_c_leaves_no_temporary_file_and_lists_every_annotated_copy(tmp_path_factory):
    """rt19 #1, #2: Ctrl-C during a batch with annotated copies left hidden, truncated
    ``.NAME-校验.xlsx.XXXX.tmp`` files in 标注 (the workers were killed mid-write), and
    finished copies the summary and the JSONL did not list (76 copies, 64 rows; "已完成的
    0 个文件" beside 21 copies). Now every copy in 标注 is a row, and no temporary file
    is left."""
    _interrupted_with_copies(tmp_path_factory.mktemp("ctrl_c_annotated"), 400)


def test_ctrl_c_stops_the_dask_engine_as_it_stops_the_local_one(tmp_path_factory):
    """A reviewer's batch: with --engine dask, Ctrl-C (to the whole process group, as a
    terminal sends it) killed the LocalCluster's workers, each printing a traceback,
    instead of the run stopping as the local engine's does. Now the workers leave it to
    the main process, which hands back the files finished and writes the summary: exit
    130, no traceback, every annotated copy in 标注 a row of the summary and the JSONL."""
    pytest.importorskip("distributed", reason="pip install 'jixiao[dask]'")
    _interrupted_with_copies(tmp_path_factory.mktemp("ctrl_c_dask"), 300, "--engine", "dask")


def test_a_dask_worker_prints_no_traceback_for_a_heartbeat_to_a_closed_scheduler():
    """CI, stop 51: the dask Ctrl-C run above printed a worker's "Failed to communicate
    with scheduler during heartbeat." with a CommClosedError traceback (a heartbeat in
    flight as the batch closed the cluster). The workers drop that one record; the same
    message for another error, and any other record, still reach the terminal."""
    pytest.importorskip("distributed", reason="pip install 'jixiao[dask]'")
    import logging

    from distributed.comm.core import CommClosedError

    from jixiao.batch.dask_worker import _SchedulerGone

    logger = logging.getLogger("jixiao.test.dask_worker")
    seen: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: seen.append(record.getMessage())  # type: ignore[method-assign]
    logger.addHandler(handler)
    logger.addFilter(_SchedulerGone())
    logger.propagate = False
    try:
        for error in (CommClosedError("in <TCP (closed)>: Stream is closed"),
                      ConnectionRefusedError("refused")):
            try:
                raise error
            except OSError:
                logger.exception("Failed to communicate with scheduler during heartbeat.")
        logger.warning("Scheduler was unaware of this worker; shutting down.")
    finally:
        logger.removeHandler(handler)
    assert seen == ["Failed to communicate with scheduler during heartbeat.",
                    "Scheduler was unaware of this worker; shutting down."]


def test_a_later_run_removes_the_temporary_files_a_killed_one_left(tmp_path):
    """rt19 #1: a batch killed outright (kill -9, a power cut) while writing leaves its
    hidden temporary files; the next run removes those of its own names in the folders
    it writes to, and nothing else."""
    folder = small_inbox(tmp_path)
    marked = tmp_path / "标注"
    (marked / "sub").mkdir(parents=True)
    stale = [marked / ".a-校验.xlsx.sd15sbph.tmp", marked / "sub" / ".old-校验-2.xlsm.abcd_123.tmp",
             tmp_path / ".s.xlsx.k2j4h5g6.tmp", tmp_path / ".r.jsonl.q1w2e3r4.tmp"]
    kept = [marked / ".notes.txt.abcdefgh.tmp", marked / "a-校验.xlsx.abcdefgh.tmp",
            tmp_path / ".other.xlsx.abcdefgh.tmp"]
    for path in stale + kept:
        path.write_bytes(b"PK\x03\x04 cut short")
    code, out = batch(folder, "-o", tmp_path / "s.xlsx", "--json", tmp_path / "r.jsonl",
                      "--annotate-dir", marked, "--workers", "1")
    assert [path for path in stale if path.exists()] == []
    assert [path for path in kept if not path.exists()] == []
    assert (marked / "a-校验.xlsx").is_file()


@pytest.mark.skipif(os.name != "posix", reason="flock")
def test_a_temporary_file_being_written_is_not_swept(tmp_path):
    """The sweep of stale temporary files leaves one another process is writing now
    (held locked while written), so two runs writing the same folder do not collide."""
    from jixiao.fileio import atomic_output, remove_stale_temporaries

    target = tmp_path / "x-校验.xlsx"
    with atomic_output(target, derived=True) as temporary:
        temporary.write_bytes(b"half")
        assert remove_stale_temporaries(tmp_path, "x-校验.xlsx".__eq__) == 0
        assert temporary.exists()
    assert target.read_bytes() == b"half"
    (tmp_path / ".x-校验.xlsx.abcdefgh.tmp").write_bytes(b"left")
    assert remove_stale_temporaries(tmp_path, "x-校验.xlsx".__eq__) == 1
    assert sorted(path.name for path in tmp_path.iterdir()) == ["x-校验.xlsx"]


def test_documents_that_are_no_workbooks_are_named_not_passed_over(tmp_path, capsys):
    """A folder of submissions holds a table exported as CSV (before: not mentioned at
    all): no row, but the closing line and the 统计 sheet say how many were not checked
    and which. Images and text files are not mentioned."""
    inbox = tmp_path / "收件"
    (inbox / "甲单位").mkdir(parents=True)
    standard(inbox / "甲单位" / "自评表.xlsx")
    for name in ("~$自评报告.docx", "说明.txt", "扫描.jpg", "丁单位导出.csv", "甲单位/导出.CSV"):
        (inbox / name).write_bytes(b"x")
    code, out = batch(inbox, "-o", tmp_path / "汇总.xlsx")
    line = (f"另有 2 个文件不是工作簿，未校验（CSV 文本 2 个：{os.path.join('收件', '丁单位导出.csv')}、"
            f"{os.path.join('收件', '甲单位', '导出.CSV')}）；其中若有自评表，须人工审核，或请填报单位提交 Excel 版")
    assert line in out.splitlines()
    assert code == 0  # the one workbook passes: the documents are no failure of the batch
    overview = load_workbook(tmp_path / "汇总.xlsx")["统计"]
    assert ("注意", line) in [row[:2] for row in overview.iter_rows(values_only=True)]
    # rt12 #9: the long note wraps within its column, on a row tall enough to show it
    # whole — before, one line running on under the charts and off the page
    [note] = [row[1] for row in overview.iter_rows() if row[1].value == line]
    assert note.alignment.wrap_text
    assert overview.row_dimensions[note.row].height >= 3 * 14
    assert load_workbook(tmp_path / "汇总.xlsx")["汇总"].max_row == 2  # one row: the table

    (inbox / "甲单位" / "自评表.xlsx").unlink()
    code, _ = batch(inbox, "-o", tmp_path / "汇总2.xlsx")
    assert code == 2 and line in capsys.readouterr().err


def test_templates_and_extensionless_workbooks_are_checked_web_pages_named(tmp_path):
    """rt31 r3: ``jixiao check`` reads an Excel template (.xltx), an .xlsx whose extension
    WeChat or QQ dropped (or a Mac left a space after), and a table saved as a web page
    (.htm/.html), but the batch passed them over in silence: no row, no count, not in the
    closing line. The templates, ``x.xlsx␠`` and a file without extension whose bytes are
    a workbook are checked, each a row; the web pages are named with the documents not
    checked (a page is seldom a table), with how to check one."""
    inbox = tmp_path / "收件"
    (inbox / "甲单位").mkdir(parents=True)
    template = load_workbook(standard(tmp_path / "t.xlsx", name="模板项目"))
    template.template = True
    template.save(inbox / "甲单位" / "模板.xltx")
    shutil.copy(standard(tmp_path / "w.xlsx", name="微信项目"), inbox / "甲单位" / "微信文件")
    shutil.copy(standard(tmp_path / "s.xlsx", name="空格项目"), inbox / "甲单位" / "空格.xlsx ")
    (inbox / "甲单位" / "说明").write_text("不是工作簿", "utf-8")  # no extension, no workbook
    page = "<html><body><table><tr><td>项目名称</td><td>网页项目</td></tr></table></body></html>"
    (inbox / "甲单位" / "网页版.htm").write_text(page, "utf-8")
    (inbox / "乙单位.html").write_text(page, "utf-8")
    code, out = batch(inbox, "-o", tmp_path / "汇总.xlsx", "--workers", "1")
    assert code == 0, out
    rows = sheet_rows(tmp_path / "汇总.xlsx", "汇总")[1:]
    assert [(os.path.basename(row[0]), row[1], row[10]) for row in rows] == [
        ("微信文件", "微信项目", "通过"), ("模板.xltx", "模板项目", "通过"),
        ("空格.xlsx ", "空格项目", "通过")]
    line = (f"另有 2 个文件不是工作簿，未校验（网页 2 个：{os.path.join('收件', '乙单位.html')}、"
            f"{os.path.join('收件', '甲单位', '网页版.htm')}）；"
            "其中若有自评表，须人工审核，或请填报单位提交 Excel 版；"
            "网页格式的表格可用 jixiao check 逐个校验")
    assert line in out.splitlines()
    overview = dict(row[:2] for row in load_workbook(tmp_path / "汇总.xlsx")["统计"]
                    .iter_rows(values_only=True) if row[0] in ("找到的文件", "注意"))
    assert overview == {"找到的文件": 3, "注意": line}


def test_an_archive_or_a_pdf_sent_instead_of_a_workbook_is_a_row_of_its_own(tmp_path, capsys):
    """rt21 #1: five units each sent 报送材料.zip, one a PDF: the batch exited 0, with
    no row and no JSON line for them, and only one line in 统计›注意 naming three of the
    zips without their folders — which unit's submission went unchecked was nowhere.
    Each is now a row (无法读取) in its folder, saying what to do, a JSON line, and
    the exit code is 2, as for any file that could not be checked."""
    inbox = tmp_path / "收件"
    inbox.mkdir()
    standard(inbox / "a.xlsx")
    for unit in ("甲单位", "乙单位", "丙单位"):
        (inbox / unit).mkdir()
        with zipfile.ZipFile(inbox / unit / "报送材料.zip", "w") as archive:
            archive.writestr("自评表.xlsx", b"x")
    (inbox / "丁单位").mkdir()
    for name in ("丁单位/盖章版.PDF", "丁单位/自评表.ofd", "乙单位/材料.rar", "乙单位/材料.7z"):
        (inbox / name).write_bytes(b"%PDF-1.4" if "PDF" in name else b"x")
    # A unit that sent its workbook with a stamped PDF and the zip it was unpacked from
    # (the workbook one folder down): both only named in the closing line, no row.
    (inbox / "戊单位" / "报送材料").mkdir(parents=True)
    standard(inbox / "戊单位" / "报送材料" / "自评表.xlsx", name="戊单位项目")
    (inbox / "戊单位" / "盖章版.pdf").write_bytes(b"%PDF-1.4")
    (inbox / "戊单位" / "报送材料.zip").write_bytes(b"PK\x05\x06" + bytes(18))
    code, out = batch(inbox, "-o", tmp_path / "汇总.xlsx", "--json", tmp_path / "r.jsonl",
                      "--workers", "1")
    assert code == 2
    assert "2 张通过，7 个文件无法读取" in out
    unit = os.path.join("收件", "戊单位")
    others = (f"另有 2 个文件不是工作簿，未校验（压缩包 1 个、PDF/OFD 1 个：{unit}{os.sep}报送材料.zip、"
              f"{unit}{os.sep}盖章版.pdf）")
    assert others in out
    unpack = "是压缩包，其中的文件未校验：请解压后再校验（jixiao batch 可校验解压后的整个文件夹）"
    ask = "其中的表格无法校验：请向填报单位索取 Excel 版（或 Word 原文件）"
    sheet = load_workbook(tmp_path / "汇总.xlsx")["汇总"]
    rows = [(row[0], row[10], row[11], row[12]) for row in sheet.iter_rows(min_row=2,
                                                                        values_only=True)]
    assert rows == [
        ("a.xlsx", "通过", None, "收件"),
        ("盖章版.PDF", "无法读取", f"“盖章版.PDF”是 PDF 文件（打印的版面），{ask}", "收件/丁单位"),
        ("自评表.ofd", "无法读取", f"“自评表.ofd”是 OFD 版式文件（与 PDF 一样是打印的版面），{ask}",
         "收件/丁单位"),
        ("报送材料.zip", "无法读取", f"“报送材料.zip”{unpack}", "收件/丙单位"),
        ("报送材料.zip", "无法读取", f"“报送材料.zip”{unpack}", "收件/乙单位"),
        ("材料.7z", "无法读取", f"“材料.7z”{unpack}", "收件/乙单位"),
        ("材料.rar", "无法读取", f"“材料.rar”{unpack}", "收件/乙单位"),
        ("自评表.xlsx", "通过", None, "收件/戊单位/报送材料"),
        ("报送材料.zip", "无法读取", f"“报送材料.zip”{unpack}", "收件/甲单位")]
    lines = [json.loads(line) for line in (tmp_path / "r.jsonl").read_text("utf-8").splitlines()]
    assert [(Path(line["file"]).relative_to(inbox).as_posix(), line.get("error"))
            for line in lines if "error" in line][-3:] == [
        ("乙单位/材料.7z", f"“材料.7z”{unpack}"),
        ("乙单位/材料.rar", f"“材料.rar”{unpack}"),
        ("甲单位/报送材料.zip", f"“报送材料.zip”{unpack}")]
    assert len(lines) == 9
    overview = dict(row[:2] for row in load_workbook(tmp_path / "汇总.xlsx")["统计"]
                    .iter_rows(values_only=True) if row[0] in ("找到的文件", "无法读取的文件", "注意"))
    assert overview == {"找到的文件": 9, "无法读取的文件": 7, "注意": (
        f"{others}；其中若有自评表，须人工审核，或请填报单位提交 Excel 版")}

    # named among the files of a pattern: the same row
    code, out = batch(str(inbox / "甲单位" / "*"), "-o", tmp_path / "汇总2.xlsx")
    assert code == 2 and "0 张通过，1 个文件无法读取" in out


def test_word_documents_are_checked_a_report_without_a_table_gets_no_row(tmp_path):
    """A table typed into Word (.docx) is checked like a workbook; a 自评报告.docx or .doc
    without a table gets no row, only a count in the closing line and the 统计 sheet; a
    damaged .docx is a row like any damaged file (before: every .docx named, none checked;
    a .doc only counted, never read)."""
    from docfiles import doc, workbook_doc
    from wordfiles import document_xml, docx, paragraph, workbook_docx

    inbox = tmp_path / "收件"
    for unit in ("甲单位", "乙单位", "戊单位"):
        (inbox / unit).mkdir(parents=True)
    book = standard(tmp_path / "自评表.xlsx", rows=[*PUTUO_1_ROWS[:4], (
        "满意度指标", "服务对象满意度指标", "服务对象满意度", "≥90%", "95%", 10, 12, None)])
    workbook_docx(book, inbox / "甲单位" / "自评表.docx")
    workbook_doc(book, inbox / "乙单位" / "自评表.doc")
    for unit in ("甲单位", "乙单位"):
        docx(inbox / unit / "自评报告.docx", paragraph("2023年度项目支出绩效自评报告")
             + paragraph("一、项目基本情况"))
    docx(inbox / "丙单位自评表.docx", "", document=document_xml(paragraph("x"))[:-30])
    doc(inbox / "丁单位自评报告.doc", ["2023年度项目支出绩效自评报告", "一、项目基本情况"])
    # WPS 文字 saves its .wps in Word 97-2003's binary format: read as the .doc it is
    workbook_doc(book, inbox / "戊单位" / "自评表.wps")
    doc(inbox / "戊单位" / "自评报告.wps", ["2023年度项目支出绩效自评报告"])
    code, out = batch(inbox, "-o", tmp_path / "汇总.xlsx", "--workers", "1")
    assert code == 2  # the damaged one
    rows = {Path(row[0]).name: row for row in sheet_rows(tmp_path / "汇总.xlsx", "汇总")[1:]}
    assert sorted(rows) == ["丙单位自评表.docx", "自评表.doc", "自评表.docx", "自评表.wps"]
    assert rows["自评表.wps"][2:11] == rows["自评表.doc"][2:11]
    assert rows["自评表.docx"][10] == "有错误" and rows["自评表.docx"][8] >= 1
    assert rows["自评表.doc"][2:11] == rows["自评表.docx"][2:11]
    assert rows["丙单位自评表.docx"][10] == "无法读取" and "Word 文档" in rows["丙单位自评表.docx"][11]
    findings = sheet_rows(tmp_path / "汇总.xlsx", "问题明细")[1:]
    assert findings and {Path(row[0]).name for row in findings} == {
        "自评表.docx", "自评表.doc", "自评表.wps"}
    # the place as the document shows it (第1个表格 第13行第8列), not 文档!H15
    assert all(str(row[4]).startswith("第1个表格 第") for row in findings), findings
    line = (f"Word 文档 4 个中没有自评表（{os.path.join('收件', '丁单位自评报告.doc')}、"
            f"{os.path.join('收件', '乙单位', '自评报告.docx')}、"
            f"{os.path.join('收件', '戊单位', '自评报告.wps')} 等），未列入汇总；"
            "多为自评报告，若其中应有自评表，请人工审核")
    assert line in out.splitlines(), out
    overview = sheet_rows(tmp_path / "汇总.xlsx", "统计")
    assert ("注意", line) in [row[:2] for row in overview]
    stats = {row[0]: row[1] for row in overview if row[0]}
    # the .wps holds the very bytes of the .doc: one table sent twice (rt21 #3), counted once
    assert rows["自评表.wps"][11] == f"与“{Path('收件', '乙单位', '自评表.doc')}”内容相同"
    assert stats["找到的文件"] == 8 and stats["读出的自评表"] == 2


def test_the_notes_name_each_unnamed_file_with_its_folder(tmp_path, capsys):
    """rt32 #2: every unit sent 指标明细.csv and 自评报告.docx beside its table: the closing
    line and 统计›注意 read "CSV 文本 4 个：指标明细.csv、指标明细.csv、指标明细.csv 等" —
    which units' files went unchecked was nowhere. Each file is named below the inbox's
    folder, as the note on a project's versions names its files."""
    from wordfiles import docx, paragraph

    inbox = tmp_path / "收件"
    for unit in ("甲单位", "乙单位", "丙单位", "丁单位"):
        (inbox / unit).mkdir(parents=True)
        standard(inbox / unit / "自评表.xlsx", name=f"{unit}项目")
        (inbox / unit / "指标明细.csv").write_text("一级指标,二级指标\n", "utf-8")
        docx(inbox / unit / "自评报告.docx", paragraph("2023年度项目支出绩效自评报告"))
    code, out = batch(inbox, "-o", tmp_path / "汇总.xlsx", "--workers", "1")
    assert code == 0, out
    others = ("另有 4 个文件不是工作簿，未校验（CSV 文本 4 个：收件/丁单位/指标明细.csv、"
              "收件/丙单位/指标明细.csv、收件/乙单位/指标明细.csv 等）；"
              "其中若有自评表，须人工审核，或请填报单位提交 Excel 版")
    reports = ("Word 文档 4 个中没有自评表（收件/丁单位/自评报告.docx、收件/丙单位/自评报告.docx、"
               "收件/乙单位/自评报告.docx 等），未列入汇总；多为自评报告，若其中应有自评表，请人工审核")
    note = f"{others}；{reports}"
    assert note.replace("/", os.sep) in out.splitlines(), out
    overview = dict(row[:2] for row in sheet_rows(tmp_path / "汇总.xlsx", "统计") if row[0])
    assert overview["注意"] == note.replace("/", os.sep)

    for unit in ("甲单位", "乙单位", "丙单位", "丁单位"):  # no workbook at all: said on stderr
        (inbox / unit / "自评表.xlsx").unlink()
        (inbox / unit / "自评报告.docx").unlink()
    code, _ = batch(inbox, "-o", tmp_path / "汇总2.xlsx")
    assert code == 2 and others.replace("/", os.sep) in capsys.readouterr().err


def test_the_notes_on_own_outputs_and_results_lists_name_folders_too(tmp_path):
    """rt32 #2: the other notes of files without a row name their folders as well."""
    from jixiao.batch.summary_book import Summary

    inbox = tmp_path / "收件"
    own = {str(inbox / unit / "自评表-校验.xlsx"): "标注副本" for unit in ("甲单位", "乙单位")}
    with Summary(own=own, roots=[inbox]) as summary:
        summary.results_lists = [str(inbox / "乙单位" / "汇总表.xlsx")]
        assert summary.notice == (
            "另有 2 个文件是 jixiao 的输出，未校验（标注副本 2 个：收件/乙单位/自评表-校验.xlsx、"
            "收件/甲单位/自评表-校验.xlsx）；"
            "自评结果汇总表 1 个（收件/乙单位/汇总表.xlsx）不是自评表，未校验，未列入汇总"
        ).replace("/", os.sep)


def test_a_folder_of_reports_without_any_table_exits_2(tmp_path):
    """Only 自评报告.docx in the folder: no 自评表 at all — exit 2, as ``jixiao check`` of
    that document (rt18-e 9: before, exit 0 and an empty summary a script took for fine)."""
    from wordfiles import docx, paragraph

    inbox = tmp_path / "收件"
    inbox.mkdir()
    docx(inbox / "自评报告.docx", paragraph("2023年度项目支出绩效自评报告"))
    code, out = batch(inbox, "-o", tmp_path / "汇总.xlsx", "--workers", "1")
    assert code == 2 and "没有自评表" in out


def test_plain_progress_lines_when_not_on_a_terminal(tmp_path, capsys):
    from jixiao.batch.run import Progress

    progress = Progress(10, interval=0)
    for _ in range(3):
        progress.advance()
    progress.close()
    err = capsys.readouterr().err
    assert "已完成 3/10 个文件" in err


def test_no_estimate_before_the_rate_is_steady(monkeypatch):
    """rt19 #4: the first line of a 41 s job said 已完成 1/305 个文件（0 个/秒，预计还需
    1689 秒）: the rate counted the start-up. Now none is shown until 20 files (or 10 s)
    after the first, and it is measured from the first file done."""
    from jixiao.batch import progress as module

    now = [100.0]
    monkeypatch.setattr(module.time, "monotonic", lambda: now[0])
    progress = module.Progress(305, quiet=True)
    now[0] = 105.0  # the workers start, the first file is done 5 s in
    progress.advance()
    assert progress.line() == "已完成 1/305 个文件"
    for _ in range(20):
        now[0] += 0.1
        progress.advance()
    assert progress.line() == "已完成 21/305 个文件（10 个/秒，预计还需 28 秒）"
    slow = module.Progress(100, quiet=True)
    now[0] = 200.0
    slow.advance()
    now[0] = 205.0
    slow.advance()
    slow.advance()
    assert slow.line() == "已完成 3/100 个文件"  # 2 files in 5 s: not yet
    now[0] = 210.0
    assert slow.line() == "已完成 3/100 个文件（0.2 个/秒，预计还需 485 秒）"


def test_the_rich_bar_shows_no_estimate_before_the_rate_is_steady(monkeypatch):
    """A reviewer's batch: the plain line waits for a steady rate (rt19 #4), but the bar
    on a terminal showed rich's own speed and time remaining from the first file (the
    start-up counted). Now it shows the plain line's estimate, by the same rule."""
    from rich.console import Console

    from jixiao.batch import progress as module

    now = [200.0]
    monkeypatch.setattr(module.time, "monotonic", lambda: now[0])
    monkeypatch.setattr(module.sys, "stderr", io.StringIO())
    progress = module.Progress(100)
    progress._wants_bar = True  # as on a terminal

    def shown() -> str:
        console = Console(file=io.StringIO(), width=150, color_system=None)
        console.print(progress._bar.make_tasks_table(progress._bar.tasks))
        return " ".join(console.file.getvalue().split())

    try:
        progress.advance()
        now[0] = 205.0
        progress.advance()
        progress.advance()
        assert shown().endswith("3/100")  # no rate, no time left: 2 files in 5 s
        now[0] = 210.0
        assert shown().endswith("3/100 0.2 个/秒，预计还需 485 秒")
    finally:
        progress.close()


# ---------------------------------------------------------------- Dask

def test_a_dask_cluster_on_loopback_gives_the_same_results(inbox, tmp_path):
    distributed = pytest.importorskip("distributed", reason="pip install 'jixiao[dask]'")
    work, made, code, _ = inbox
    os.chdir(work)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  protocol="tcp", host="127.0.0.1", dashboard_address=None,
                                  scheduler_kwargs={"dashboard_address": "127.0.0.1:0"}
                                  ) as cluster:
        assert cluster.scheduler_address.startswith("tcp://127.0.0.1:")
        dask_code, out = batch("收件", "-o", tmp_path / "dask.xlsx", "--json",
                               tmp_path / "dask.jsonl", "--engine", "dask", "--scheduler",
                               cluster.scheduler_address, "--force")
    assert dask_code == code
    assert (tmp_path / "dask.jsonl").read_text(encoding="utf-8") == (
        work / "结果.jsonl").read_text(encoding="utf-8")
    for sheet in ("汇总", "问题明细"):
        assert sheet_rows(tmp_path / "dask.xlsx", sheet) == sheet_rows(work / "汇总.xlsx", sheet)


def test_engine_dask_without_an_address_starts_a_local_cluster(tmp_path):
    pytest.importorskip("distributed", reason="pip install 'jixiao[dask]'")
    folder = small_inbox(tmp_path)
    local = batch(folder, "-o", tmp_path / "l.xlsx", "--json", tmp_path / "l.jsonl")
    dask = batch(folder, "-o", tmp_path / "d.xlsx", "--json", tmp_path / "d.jsonl",
                 "--engine", "dask", "--workers", "2", "--force")
    assert local[0] == dask[0] == 2
    assert (tmp_path / "l.jsonl").read_text(encoding="utf-8") == (
        tmp_path / "d.jsonl").read_text(encoding="utf-8")


def test_a_dask_worker_checks_the_content_it_is_sent_not_the_path(inbox, tmp_path):
    """A remote Dask worker cannot see the reviewer's folder: the file's bytes travel with
    the job, and the outcome is the one checking the file in place gives, under its path."""
    from jixiao.batch.work import _check_sent, _sendable, check_one

    work, made, _, _ = inbox
    os.chdir(work)
    for name in made:
        original = Path("收件") / name
        moved = tmp_path / "elsewhere" / name  # the path the worker is told, then gone
        moved.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(original, moved)
        job = (str(moved), None, None, 60.0)
        content = _sendable(job)
        expected = check_one(*job).texts()
        moved.unlink()
        assert content is not None and check_one(*job).texts() != expected  # really gone
        assert _check_sent(job, content).texts() == expected, name
    annotated = (str(Path("收件") / next(iter(made))), None, str(tmp_path / "a.xlsx"), 60.0)
    assert _sendable(annotated) is None  # an annotated copy is written where the path is
    assert _sendable((str(tmp_path / "missing.xlsx"), None, None, 60.0)) is None


def test_a_worker_reads_each_file_once(tmp_path, monkeypatch):
    """The bytes hashed for the cache are the bytes checked: the same hash as reading the
    file on its own, the same findings as checking the path; a file over the size kept is
    hashed as it streams and read by the check itself."""
    import hashlib

    from jixiao.batch.cache import content_hash, hashed_content
    from jixiao.batch.work import RunSettings, _check_here
    from jixiao.pipeline import check_workbook
    from jixiao.report.json import json_objects

    file = standard(tmp_path / "a.xlsx")
    raw = file.read_bytes()
    digest, data = hashed_content(str(file), len(raw))
    assert data == raw and digest == hashlib.sha256(raw).hexdigest() == content_hash(str(file))
    assert hashed_content(str(file), len(raw) - 1) == (digest, None)
    assert json_objects([check_workbook(file, data=data)]) == json_objects([check_workbook(file)])

    opened = []
    real_open, path_open = os.open, Path.open
    monkeypatch.setattr(os, "open", lambda path, *args: (opened.append(str(path)),
                                                         real_open(path, *args))[1])
    monkeypatch.setattr(Path, "open", lambda path, *args, **kwargs: (
        opened.append(str(path)), path_open(path, *args, **kwargs))[1])
    checked = _check_here((str(file), None, None, None), RunSettings(salt="s", secret=b"k"))
    assert checked.texts is not None and opened == [str(file)]  # hashed and checked: one open
    opened.clear()
    check_workbook(file)  # the check on its own opens the file itself
    assert opened == [str(file)]


@pytest.mark.skipif(sys.platform != "linux", reason="file names that are not UTF-8: Linux")
def test_a_gbk_file_name_in_the_batch_is_shown_readable_linked_and_in_path_order(tmp_path):
    """A Windows archive unzipped on Linux: a name in GBK bytes. Its row comes in path
    order with the others (rows are written as files come), shows the name as meant, and
    links to the file's own bytes."""
    from urllib.parse import unquote_to_bytes

    inbox = tmp_path / "收件"
    inbox.mkdir()
    model = standard(tmp_path / "model.xlsx")
    names = ["a.xlsx", os.fsdecode("甲乙".encode("gbk")) + ".xlsx", "z.xlsx"]
    for name in names:
        shutil.copyfile(model, inbox / name)
    output = tmp_path / "汇总.xlsx"
    with redirect_stdout(io.StringIO()):
        assert main(["batch", str(inbox), "-o", str(output), "--workers", "2"]) == 0
    sheet = load_workbook(output)["汇总"]
    shown = [Path(row[0].value).name for row in sheet.iter_rows(min_row=2)]
    assert shown == ["a.xlsx", "z.xlsx", "甲乙.xlsx"]  # the bytes' order: 0xBC… after "z"
    targets = [os.fsdecode(unquote_to_bytes(row[0].hyperlink.target.removeprefix("./收件/")))
               for row in sheet.iter_rows(min_row=2)]
    assert targets == sorted(names) and (inbox / targets[2]).is_file()


@pytest.mark.skipif(sys.platform != "linux", reason="file names that are not UTF-8: Linux")
def test_a_gbk_name_is_read_whole_not_only_its_runs_that_are_not_utf8(tmp_path_factory):
    """rt21 #2: in GBK, 乙单位自评表 holds D2 B5 and CE BB, pairs that happen to be UTF-8
    (ҵ, λ): reading only the other bytes as GBK showed `�ҵ�λ自评表.xlsx` and the folder
    丙单位 as `丙单λ`. A name that is not UTF-8 is read as GBK whole — in 文件名,
    文件夹, 标注副本, 问题明细 and a duplicate's 原因. (Not in ``tmp_path``: the fake
    add-in of conftest's check cannot open a book whose name is not Unicode, which Excel
    never has.)"""
    tmp_path = tmp_path_factory.mktemp("gbk")
    inbox = tmp_path / "收件"
    unit = inbox / "甲单位"
    other = os.fsencode(inbox) + b"/" + "丙单位".encode("gbk")
    os.makedirs(unit)
    os.makedirs(other)
    standard(unit / os.fsdecode("乙单位自评表.xlsx".encode("gbk")), total=(100, 90), grade="优")
    standard(os.path.join(os.fsdecode(other), "x.xlsx"), name="丙单位项目")
    shutil.copyfile(os.path.join(os.fsdecode(other), "x.xlsx"),
                    os.path.join(os.fsdecode(other), os.fsdecode("副本".encode("gbk")) + ".xlsx"))
    output = tmp_path / "汇总.xlsx"
    os.chdir(tmp_path)
    with redirect_stdout(io.StringIO()):
        assert main(["batch", "收件", "-o", str(output), "--annotate-dir", "标注",
                     "--workers", "1"]) == 1
    book = load_workbook(output)
    rows = [(row[0], row[11], row[12], row[13])
            for row in book["汇总"].iter_rows(min_row=2, values_only=True)]
    assert rows == [
        ("乙单位自评表.xlsx", None, "收件/甲单位", "标注/甲单位/乙单位自评表-校验.xlsx"),
        ("x.xlsx", None, "收件/丙单位", "标注/丙单位/x-校验.xlsx"),
        ("副本.xlsx", "与“收件/丙单位/x.xlsx”内容相同", "收件/丙单位", "标注/丙单位/副本-校验.xlsx")]
    assert {row[0] for row in book["问题明细"].iter_rows(min_row=2, values_only=True)} == {
        "收件/甲单位/乙单位自评表.xlsx"}


def test_the_code_counts_keep_each_severity_a_code_was_given(tmp_path):
    """JX306 is a 警告 under the sichuan rules, a 提示 under the others: the 统计 sheet
    counted both as 警告, the code's default (rt14-b D9). Each severity is its own row."""
    import sys

    sys.path.insert(0, str(Path(__file__).parents[1] / "product"))
    from test_real_shapes import SICHUAN_90
    from workbooks import sichuan

    inbox = tmp_path / "收件"
    inbox.mkdir()
    sichuan(inbox / "四川规则.xlsx", rows=SICHUAN_90, rules="sichuan")
    standard(inbox / "默认规则.xlsx", money=[("年度资金总额", 30, 30, 24, 10, 80, 8)],
             total=(100, 97.98))
    batch(inbox, "-o", tmp_path / "汇总.xlsx")
    stats = sheet_rows(tmp_path / "汇总.xlsx", "统计")
    assert sorted(row[:2] + row[3:5] for row in stats if row[0] == "JX306") == [
        ("JX306", "提示", 1, 1), ("JX306", "警告", 1, 1)]


def test_statistics_count_each_content_once(tmp_path):
    """rt20 #5: a file identical to another (the same table sent twice) has its row in
    汇总, saying so, but 统计 and the closing line counted it as a second submission."""
    folder = tmp_path / "in"
    (folder / "乙单位").mkdir(parents=True)
    zizhou(folder / "z.xlsx")                       # 1 error (JX405), 2 warnings
    shutil.copy(folder / "z.xlsx", folder / "z - 副本.xlsx")
    shutil.copy(folder / "z.xlsx", folder / "乙单位" / "子洲.xlsx")
    standard(folder / "a.xlsx")                     # passes
    code, out = batch(folder, "-o", tmp_path / "汇总.xlsx", "--workers", "1")
    assert code == 1
    assert "1 张表有错误，0 张只有警告，0 张须人工审核（得分无法按规则核对），1 张通过，0 个文件无法读取；" \
           "另有 2 个文件与另一文件内容相同（重复提交），不重复计数" in out
    rows = sheet_rows(tmp_path / "汇总.xlsx", "汇总")
    assert len(rows) == 1 + 4  # every file keeps its row
    stats = sheet_rows(tmp_path / "汇总.xlsx", "统计")
    labels = {row[0]: row[1] for row in stats if row and row[0]}
    assert [labels[label] for label in (
        "找到的文件", "含自评表的文件", "无法读取的文件", "Word 文档中没有自评表",
        "jixiao 的输出（汇总表、标注副本），未校验",
        "重复提交的文件（与另一文件内容相同，不重复计数）")] == [4, 2, 0, 0, 0, 2]
    assert [labels[label] for label in ("读出的自评表", "有错误的表", "只有警告的表", "通过的表",
                                        "已校验的文件")] == [2, 1, 0, 1, 4]
    codes = {row[0]: (row[3], row[4]) for row in stats if row[0] and str(row[0]).startswith("JX")}
    assert codes == {"JX405": (1, 1), "JX204": (1, 1), "JX404": (1, 1)}
    grades = {row[0]: row[1:3] for row in stats if row[0] in ("优", "良", "中", "差", "无法计算/未填写")}
    # 子洲's table is 2023's, a.xlsx 2024's: the later is the inbox's year (one table
    # each); 子洲's, counted once, is left out of 2024's grades (rt29)
    assert grades == {"优": (1, 1), "良": (0, 0), "中": (0, 0), "差": (0, 0),
                      "无法计算/未填写": (0, 0)}
    assert labels["其中 2024 年度以外的表（不计入评分等级分布和平均计算总分）"] == 1
    departments = {row[0]: row[1:6] for row in stats if row[0] == "子洲县医疗保障局 171001"}
    assert departments == {"子洲县医疗保障局 171001": (1, None, 1, 1, 2)}


def test_the_same_bytes_are_a_duplicate_whatever_the_suffix(tmp_path):
    """rt21 #3: the content key held the suffix, so 自评表.xls and a byte-identical
    自评表.et (or x.xlsx and x（WPS）.et) were no duplicates; and the copy's name was
    matched with its suffix's case: 项目表 - 副本.XLSX was taken for the original of
    项目表.xlsx. The duplicate is told by the bytes alone (the cache still keys the
    reading by suffix: what a refusal or an annotated copy says can depend on it)."""
    folder = tmp_path / "收件" / "甲单位"
    folder.mkdir(parents=True)
    zizhou(folder / "自评表.xls")  # an .xlsx package, read as one whatever its name
    shutil.copy(folder / "自评表.xls", folder / "自评表.et")
    standard(folder / "项目表.xlsx")
    for name in ("项目表 - 副本.XLSX", "项目表（WPS）.et"):
        shutil.copy(folder / "项目表.xlsx", folder / name)
    code, out = batch(tmp_path / "收件", "-o", tmp_path / "汇总.xlsx", "--workers", "1")
    assert code == 1
    assert "1 张表有错误，0 张只有警告，0 张须人工审核（得分无法按规则核对），1 张通过，" \
           "0 个文件无法读取；另有 3 个文件与另一文件内容相同（重复提交），不重复计数" in out
    rows = [(row[0], row[11]) for row in load_workbook(tmp_path / "汇总.xlsx")["汇总"]
            .iter_rows(min_row=2, values_only=True)]
    same = "与“{}”内容相同".format
    # 子洲's table: no total computed, which 原因 says (rt27 #1); 2023's, not 2024's (rt29)
    assert dict(rows) == {
        "自评表.et": NO_TOTAL_REASON + "；" + OTHER_YEAR,
        "自评表.xls": same(os.path.join("收件", "甲单位", "自评表.et")) + "；" + NO_TOTAL_REASON,
        "项目表.xlsx": None, "项目表 - 副本.XLSX": same(os.path.join("收件", "甲单位", "项目表.xlsx")),
        "项目表（WPS）.et": same(os.path.join("收件", "甲单位", "项目表.xlsx"))}


def test_the_original_of_the_same_bytes_is_the_file_nearest_the_root(tmp_path):
    """rt23 #1: of byte-identical files the first in path order was the original, so a
    backup in 收件/0备份 (or 收件/备份: 备 sorts before 自) was called the original and the
    reviewer's own 收件/x.xlsx its copy. The original is the file with the fewest folders
    above it, then the first in path order (x.xlsx, not x - 副本.xlsx): in 原因, in 统计,
    in the closing line, and in the versions a project names. Two copies side by side
    (乙单位/y.xlsx, 甲单位/y.xlsx: equally deep) keep the path order."""
    inbox = tmp_path / "收件"
    for folder in ("0备份", "备份", "甲单位", "乙单位", "丙单位"):
        (inbox / folder).mkdir(parents=True)
    standard(inbox / "x.xlsx", name="项目甲", total=(100, 90), grade="优")
    standard(inbox / "丙单位" / "x2.xlsx", name="项目甲")  # another version of 项目甲
    zizhou(inbox / "自评表.xlsx")
    standard(inbox / "甲单位" / "y.xlsx", name="项目乙")
    for source, copy in (("x.xlsx", "0备份/x.xlsx"), ("x.xlsx", "x - 副本.xlsx"),
                         ("自评表.xlsx", "备份/自评表.xlsx"), ("甲单位/y.xlsx", "乙单位/y.xlsx")):
        shutil.copy(inbox / source, inbox / copy)
    code, out = batch(inbox, "-o", tmp_path / "汇总.xlsx", "--workers", "2")
    assert code == 1
    assert "已校验 8/8 个文件" in out and "2 张表有错误，0 张只有警告，0 张须人工审核（得分无法按规则核对），" \
        "2 张通过，0 个文件无法读取；另有 4 个文件与另一文件内容相同（重复提交），不重复计数" in out
    same = "与“{}”内容相同".format
    version = "同一项目共 2 个文件：另见“{}”（项目名称和单位相同，内容不同）".format
    rows = [(Path(row[12], row[0]).as_posix(), row[11])
            for row in load_workbook(tmp_path / "汇总.xlsx")["汇总"].iter_rows(min_row=2, values_only=True)]
    assert rows == [
        ("收件/0备份/x.xlsx", same(os.path.join("收件", "x.xlsx"))),
        ("收件/x.xlsx", version(os.path.join("收件", "丙单位", "x2.xlsx"))),
        ("收件/x - 副本.xlsx", same(os.path.join("收件", "x.xlsx"))),
        ("收件/丙单位/x2.xlsx", version(os.path.join("收件", "x.xlsx"))),
        ("收件/乙单位/y.xlsx", None),
        ("收件/备份/自评表.xlsx", same(os.path.join("收件", "自评表.xlsx")) + "；" + NO_TOTAL_REASON),
        ("收件/甲单位/y.xlsx", same(os.path.join("收件", "乙单位", "y.xlsx"))),
        ("收件/自评表.xlsx", NO_TOTAL_REASON + "；" + OTHER_YEAR)]  # 子洲's: no total
    # computed (rt27 #1), and 2023's among 2024's (rt29)
    stats = {row[0]: row[1] for row in sheet_rows(tmp_path / "汇总.xlsx", "统计") if row and row[0]}
    assert [stats[label] for label in ("找到的文件", "含自评表的文件", "读出的自评表",
                                       "重复提交的文件（与另一文件内容相同，不重复计数）")] == [8, 4, 4, 4]


def test_names_are_sorted_naturally_everywhere(tmp_path):
    """rt21 #4: 汇总 came in code point order: 项目10 before 项目2, x - 副本.xlsx before
    x.xlsx (the space sorts before the dot). One order (``path_order``) everywhere the
    batch sorts names: discovery, 汇总, 问题明细, the JSON Lines, the names in 统计."""
    from jixiao.batch.discover import discover

    inbox = tmp_path / "收件"
    (inbox / "单位10").mkdir(parents=True)
    (inbox / "单位9").mkdir()
    for name in ("项目10.xlsx", "项目2.xlsx", "单位10/a.xlsx", "单位9/a.xlsx"):
        # a total written wrong: a finding row apiece; each its own project
        standard(inbox / name, name=name, total=(100, 90), grade="优")
    shutil.copy(inbox / "单位9" / "a.xlsx", inbox / "单位9" / "a - 副本.xlsx")
    for name in ("表10.csv", "表2.csv", "表1.csv", "表3.csv"):
        (inbox / name).write_text("x", encoding="utf-8")
    code, out = batch(inbox, "-o", tmp_path / "汇总.xlsx", "--json", tmp_path / "r.jsonl",
                      "--workers", "2")
    order = ["单位9/a.xlsx", "单位9/a - 副本.xlsx", "单位10/a.xlsx", "项目2.xlsx", "项目10.xlsx"]
    assert [Path(path).relative_to(inbox).as_posix() for path in discover([str(inbox)])] == order
    book = load_workbook(tmp_path / "汇总.xlsx")
    rows = [(row[12], row[0], row[11]) for row in book["汇总"].iter_rows(min_row=2, values_only=True)]
    assert rows == [
        ("收件/单位9", "a.xlsx", None),
        ("收件/单位9", "a - 副本.xlsx", "与“收件/单位9/a.xlsx”内容相同"),
        ("收件/单位10", "a.xlsx", None), ("收件", "项目2.xlsx", None), ("收件", "项目10.xlsx", None)]
    findings = [row[0] for row in book["问题明细"].iter_rows(min_row=2, values_only=True)]
    assert list(dict.fromkeys(findings)) == [f"收件/{name}" for name in order]
    lines = (tmp_path / "r.jsonl").read_text("utf-8").splitlines()
    assert [Path(json.loads(line)["file"]).relative_to(inbox).as_posix() for line in lines] == order
    shown = "、".join(os.path.join("收件", f"表{number}.csv") for number in (1, 2, 3))
    assert f"（CSV 文本 4 个：{shown} 等）" in out
    assert code == 1


def test_annotated_copies_into_the_inbox_itself(tmp_path):
    """rt20 #6: ``--annotate-dir`` naming the inbox itself left the whole inbox out as the
    copies' folder: “没有找到工作簿”. Now the inbox is checked, the copies go beside the
    files, a later run lists them as jixiao's own, and no copy takes the name of a
    submitted file (a unit's own z-校验.xlsx is not overwritten)."""
    folder = tmp_path / "收件"
    folder.mkdir()
    zizhou(folder / "z.xlsx")
    standard(folder / "z-校验.xlsx", name="另一个项目")  # a unit's file of that name
    submitted = (folder / "z-校验.xlsx").read_bytes()
    for run in range(2):
        code, out = batch(folder, "-o", tmp_path / "汇总.xlsx", "--annotate-dir", folder,
                          "--workers", "1")
        assert code == 1 and "已校验 2/2 个文件" in out, out
        assert sorted(p.name for p in folder.iterdir()) == [
            "z-校验-2.xlsx", "z-校验-校验.xlsx", "z-校验.xlsx", "z.xlsx"]
        assert (folder / "z-校验.xlsx").read_bytes() == submitted
        rows = {row[0]: row for row in sheet_rows(tmp_path / "汇总.xlsx", "汇总")[1:]}
        assert sorted(os.path.basename(name) for name in rows) == ["z-校验.xlsx", "z.xlsx"]
        assert rows[os.path.join("收件", "z.xlsx")][13] == os.path.join("收件", "z-校验-2.xlsx")
        assert (f"另有 2 个文件是 jixiao 的输出，未校验（标注副本 2 个：{os.path.join('收件', 'z-校验-2.xlsx')}、"
                f"{os.path.join('收件', 'z-校验-校验.xlsx')}）" in out) == (run == 1)


def test_findings_name_the_file_below_the_inbox_as_the_folder_column_does(tmp_path):
    """A reviewer's batch: given the inbox by its absolute path, 问题明细's 文件 showed
    “/tmp/…/收件 箱 改名/乙 单位/总分 写错.xlsx” while 汇总's 文件夹 showed “收件 箱 改名/乙 单位”
    (docs/batch.md: never the whole absolute path). Now both start at the inbox's name;
    the link is the same relative one as before."""
    inbox = tmp_path / "收件 箱 改名"
    (inbox / "乙 单位").mkdir(parents=True)
    standard(inbox / "乙 单位" / "总分 写错.xlsx", total=(100, 90), grade="优")
    output = tmp_path / "out" / "汇总.xlsx"
    code, out = batch(inbox.resolve(), "-o", output, "--workers", "1")
    assert code == 1
    book = load_workbook(output)
    assert [row[12] for row in book["汇总"].iter_rows(min_row=2, values_only=True)] == [
        os.path.join("收件 箱 改名", "乙 单位")]
    cells = [row[0] for row in book["问题明细"].iter_rows(min_row=2)]
    assert [cell.value for cell in cells] == [os.path.join("收件 箱 改名", "乙 单位", "总分 写错.xlsx")]
    assert (cells[0].hyperlink.target, cells[0].hyperlink.location) == (
        "../收件%20箱%20改名/乙%20单位/总分%20写错.xlsx", "'自评表'!H16")


def test_a_file_read_by_value_says_why_it_has_no_annotated_copy(tmp_path):
    """A reviewer's batch with --annotate-dir: a Word document (read by value, as .xls and
    .ods are) got no copy and no word why; its 原因 now says so and what to do."""
    from wordfiles import workbook_docx

    from jixiao.batch.run import NO_COPY_BY_VALUE

    inbox = tmp_path / "收件"
    inbox.mkdir()
    workbook_docx(standard(tmp_path / "t.xlsx"), inbox / "自评.docx")
    standard(inbox / "x.xlsx")
    code, _ = batch(inbox, "-o", tmp_path / "汇总.xlsx", "--annotate-dir", tmp_path / "标注",
                    "--workers", "1")
    assert code == 0
    header, *rows = sheet_rows(tmp_path / "汇总.xlsx", "汇总")
    reason, copy = header.index("原因"), header.index("标注副本")
    by_file = {row[0]: (row[reason], row[copy]) for row in rows}
    # (the same table in both: two files of one project, each naming the other, the
    # table's content the same — only the bytes of the files differ)
    versions = "同一项目共 2 个文件：另见“{}”（项目名称和单位相同，内容相同）"
    assert by_file[os.path.join("收件", "自评.docx")] == (
        NO_COPY_BY_VALUE + "；" + versions.format("x.xlsx"), None)
    assert by_file[os.path.join("收件", "x.xlsx")] == (versions.format("自评.docx"),
                                                     os.path.join("标注", "x-校验.xlsx"))


def test_every_row_of_a_project_in_several_folders_names_all_its_versions(tmp_path):
    """Red team rt22 (收件C): 8 versions of one project in several unit folders said
    共 2, 共 5, 共 7 … 个文件 in 汇总 — each folder's rows were written with the versions
    seen so far; only the last row said 共 8. Now every row of the group says the same
    count and names all the others (its folder's by their names), the first folder's too."""
    inbox = tmp_path / "收件"
    versions = {"丙单位": {"c1.xlsx": (100, 99.98), "c2.xlsx": (100, 95)},
                "乙单位": {"b1.xlsx": (100, 90)},
                "甲单位": {"a1.xlsx": (100, 85), "a2.xlsx": (100, 80)}}
    for unit, files in versions.items():
        (inbox / unit).mkdir(parents=True)
        for name, total in files.items():
            standard(inbox / unit / name, total=total)
    code, _ = batch(inbox, "-o", tmp_path / "汇总.xlsx", "--workers", "1")
    assert code == 1  # the declared totals but the first are wrong
    header, *rows = sheet_rows(tmp_path / "汇总.xlsx", "汇总")
    reason = header.index("原因")

    def note(*others):
        return ("同一项目共 5 个文件：另见" + "、".join(f"“{other}”" for other in others)
                + "（项目名称和单位相同，内容不同）")

    c1, c2, b1, a1, a2 = (os.path.join("收件", unit, name)
                          for unit, files in versions.items() for name in files)
    assert [(row[0], row[reason]) for row in rows] == [
        (c1, note("c2.xlsx", b1, a1, a2)),
        (c2, note("c1.xlsx", b1, a1, a2)),
        (b1, note(c1, c2, a1, a2)),
        (a1, note(c1, c2, b1, "a2.xlsx")),
        (a2, note(c1, c2, b1, "a1.xlsx"))]


def test_departments_with_as_many_tables_are_in_natural_order(tmp_path):
    """rt31 r3: 统计›按主管部门 put 某县第10局 before 某县第1局 (code points) where they
    have as many tables, while the 汇总 rows are in natural order (项目2 before 项目10).
    The most tables first, as before; ties in the same natural order."""
    inbox = tmp_path / "收件"
    inbox.mkdir()
    for number, department in enumerate(["某县第10局", "某县第1局", "某县第2局", "某县第2局"]):
        book = load_workbook(standard(inbox / f"表{number}.xlsx", name=f"项目{number}"))
        sheet = book.active
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value == "上海市普陀区医疗保障局":
                    cell.value = department
        book.save(inbox / f"表{number}.xlsx")
    code, _ = batch(inbox, "-o", tmp_path / "汇总.xlsx", "--workers", "1")
    assert code == 0
    stats = sheet_rows(tmp_path / "汇总.xlsx", "统计")
    at = stats.index(("按主管部门", None, None, None, None, None, None))
    assert [row[:2] for row in stats[at + 2:at + 5]] == [
        ("某县第2局", 2), ("某县第1局", 1), ("某县第10局", 1)]


def _no_unit(path, rate):
    """A 评分表 of 办公设备购置项目 that names neither 主管部门 nor 实施单位 (DOMAIN §4's
    评分附件表: 一级指标 | 三级指标 | 权重 | 目标值 | 业绩值 | 评分结果)."""
    from openpyxl import Workbook

    path.parent.mkdir(parents=True, exist_ok=True)
    book = Workbook()
    sheet = book.active
    sheet.title = "评分表"
    sheet.append(["办公设备购置项目绩效自评评分表"])
    sheet.append(["一级指标", "三级指标", "权重", "目标值", "业绩值", "评分结果"])
    for row in (["预算执行率", "预算执行率", 10, "100%", f"{rate}%", rate / 10],
                ["产出指标", "购置设备数量", 30, "≥20台", "22台", 30],
                ["产出指标", "设备验收合格率", 20, "100%", "100%", 20],
                ["效益指标", "办公效率提升", 30, "明显提升", "明显提升", 30],
                ["满意度指标", "干部职工满意度", 10, "≥90%", "95%", 10]):
        sheet.append(row)
    sheet.append(["合计", "", 100, "", "", 90 + rate / 10])
    book.save(path)


def test_tables_without_a_unit_are_versions_only_in_one_folder(tmp_path):
    """rt25 L2 #1: 县财政局/ and 县统计局/ each sent a 评分附件表 of a 办公设备购置项目
    naming no unit: two units' projects, not versions of one (the rows said 同一项目共 2 个
    文件（项目名称和单位相同…）, 统计 one project). With no unit written the folder is
    the unit; two such tables in one folder are still versions, said without 单位相同."""
    inbox = tmp_path / "收件"
    _no_unit(inbox / "县财政局" / "办公设备购置-自评.xlsx", 98)
    _no_unit(inbox / "县统计局" / "办公设备购置-自评.xlsx", 95)
    _no_unit(inbox / "县统计局" / "办公设备购置-自评(修改).xlsx", 96)
    code, _ = batch(inbox, "-o", tmp_path / "汇总.xlsx", "--workers", "1")
    assert code == 0
    header, *rows = sheet_rows(tmp_path / "汇总.xlsx", "汇总")
    reason = header.index("原因")
    assert [(row[0], row[reason]) for row in rows] == [
        (os.path.join("收件", "县统计局", "办公设备购置-自评.xlsx"),
         "同一项目共 2 个文件：另见“办公设备购置-自评(修改).xlsx”（项目名称相同（未写单位），内容不同）"),
        (os.path.join("收件", "县统计局", "办公设备购置-自评(修改).xlsx"),
         "同一项目共 2 个文件：另见“办公设备购置-自评.xlsx”（项目名称相同（未写单位），内容不同）"),
        (os.path.join("收件", "县财政局", "办公设备购置-自评.xlsx"), None)]
    stats = {row[0]: row[1] for row in sheet_rows(tmp_path / "汇总.xlsx", "统计") if row[0]}
    assert stats["其中不同的项目（项目名称和单位相同的算一个）"] == 2
    assert stats["注意"] == (
        "1 个项目各有多份内容不同的表（项目名称相同（未写单位），可能是修改后重新提交的版本），"
        "各自计数，请确认以哪一份为准：“办公设备购置项目”：“收件/县统计局/办公设备购置-自评.xlsx”、"
        "“收件/县统计局/办公设备购置-自评(修改).xlsx”")


def test_a_row_to_review_says_why_and_a_blank_department_is_not_unfilled(tmp_path):
    """rt25 L2 #2, #3: a table without a 分值 column (JX108, no error, no warning) was
    须人工审核 with 原因 empty — now it names why; a table naming no 主管部门 was listed in
    按主管部门 as “（未填写）”, beside the 未填写的表 column: now “（未写主管部门）”."""
    from openpyxl import Workbook

    inbox = tmp_path / "收件"
    inbox.mkdir()
    book = Workbook()
    sheet = book.active
    sheet.title = "自评表"
    for row in (["项目支出绩效自评表"], ["项目名称", "森林防火"],
                ["主管部门", "某县林业局", "实施单位", "某县林场"],
                ["项目资金（万元）", "全年预算数", "全年执行数", "执行率", "得分"],
                ["年度资金总额", 50, 50, "100%", 10],
                ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "得分"],
                ["产出指标（50分）", "数量指标（30分）", "巡护面积", "≥10万亩", "10.5万亩", 30],
                ["", "时效指标（20分）", "火情处置时间", "≤2小时", "1.5小时", 20],
                ["效益指标（30分）", "生态效益指标（30分）", "森林火灾受害率", "≤0.9‰", "0.3‰", 30],
                ["满意度指标（10分）", "服务对象满意度指标（10分）", "群众满意度", "≥90%", "95%", 10],
                ["总分", "", "", "", "", 100], ["评分等级", "优"]):
        sheet.append(row)
    book.save(inbox / "无分值列.xlsx")
    _no_unit(inbox / "无主管部门.xlsx", 98)
    code, _ = batch(inbox, "-o", tmp_path / "汇总.xlsx", "--workers", "1")
    assert code == 0
    header, *rows = sheet_rows(tmp_path / "汇总.xlsx", "汇总")
    status, reason = header.index("状态"), header.index("原因")
    assert [(row[0], row[status], row[reason]) for row in rows] == [
        (os.path.join("收件", "无主管部门.xlsx"), "通过", None),
        (os.path.join("收件", "无分值列.xlsx"), "须人工审核",
         "表中没有分值列（JX108）：各指标得分无法按评分规则核对")]
    stats = sheet_rows(tmp_path / "汇总.xlsx", "统计")
    at = stats.index(("按主管部门", None, None, None, None, None, None))
    assert [row[:2] for row in stats[at + 2:at + 4]] == [("某县林业局", 1), ("（未写主管部门）", 1)]


def _department(path, total_b=(100, 99.98)):
    """A 部门's workbook: 项目甲 and 项目乙 a sheet each (乙's 总分 ``total_b``), and 项目丙
    twice — a （初稿） whose 总分 100 is wrong, and its corrected （修改稿）."""
    from workbooks import Book, standard_sheet

    book = Book()
    standard_sheet(book.sheet("项目甲"), name="项目甲")
    standard_sheet(book.sheet("项目乙"), name="项目乙", total=total_b)
    standard_sheet(book.sheet("项目丙（初稿）"), name="项目丙", total=(100, 100))
    standard_sheet(book.sheet("项目丙（修改稿）"), name="项目丙")
    return book.save(path)


def test_versions_are_told_table_by_table_not_file_by_file(tmp_path):
    """rt25 P4: a 部门 sent its whole workbook again with one table corrected: every
    project of the two files was called 内容不同, and 统计›注意 named the pair of files
    once a project, no project. Now each table is compared with its project's others by
    what it declares (JSON ``content``): the unchanged ones are 内容相同, the corrected
    one 内容不同, and a project twice in one workbook (初稿 beside 修改稿) is a version
    too, its rows naming the sheets; 统计 names the projects."""
    inbox = tmp_path / "收件"
    inbox.mkdir()
    _department(inbox / "部门.xlsx", total_b=(100, 95))  # 项目乙's 总分 wrong
    _department(inbox / "部门v2.xlsx")
    code, _ = batch(inbox, "-o", tmp_path / "汇总.xlsx", "--workers", "1")
    assert code == 1
    header, *rows = sheet_rows(tmp_path / "汇总.xlsx", "汇总")
    reasons = [(os.path.basename(row[0]), row[1], row[header.index("原因")].split("；")[-1])
               for row in rows]
    drafts = "项目“项目丙”在本文件中有 2 张内容不同的表（工作表“项目丙（初稿）”、“项目丙（修改稿）”），" \
             "各自校验、计数，请确认以哪一份为准"
    assert all(drafts in row[header.index("原因")] for row in rows)
    assert reasons == [
        ("部门.xlsx", "项目甲", "同一项目共 2 个文件：另见“部门v2.xlsx”（项目名称和单位相同，内容相同）"),
        ("部门.xlsx", "项目乙", "同一项目共 2 个文件：另见“部门v2.xlsx”（项目名称和单位相同，内容不同）"),
        ("部门.xlsx", "项目丙", "同一项目共 4 张表（项目名称和单位相同）：与“部门v2.xlsx”工作表“项目丙（初稿）”"
                              "内容相同，与本文件工作表“项目丙（修改稿）”、“部门v2.xlsx”工作表“项目丙（修改稿）”内容不同"),
        ("部门.xlsx", "项目丙", "同一项目共 4 张表（项目名称和单位相同）：与“部门v2.xlsx”工作表“项目丙（修改稿）”"
                              "内容相同，与本文件工作表“项目丙（初稿）”、“部门v2.xlsx”工作表“项目丙（初稿）”内容不同"),
        ("部门v2.xlsx", "项目甲", "同一项目共 2 个文件：另见“部门.xlsx”（项目名称和单位相同，内容相同）"),
        ("部门v2.xlsx", "项目乙", "同一项目共 2 个文件：另见“部门.xlsx”（项目名称和单位相同，内容不同）"),
        ("部门v2.xlsx", "项目丙", "同一项目共 4 张表（项目名称和单位相同）：与“部门.xlsx”工作表“项目丙（初稿）”"
                                "内容相同，与“部门.xlsx”工作表“项目丙（修改稿）”、本文件工作表“项目丙（修改稿）”内容不同"),
        ("部门v2.xlsx", "项目丙", "同一项目共 4 张表（项目名称和单位相同）：与“部门.xlsx”工作表“项目丙（修改稿）”"
                                "内容相同，与“部门.xlsx”工作表“项目丙（初稿）”、本文件工作表“项目丙（初稿）”内容不同")]
    notes = [row[1] for row in sheet_rows(tmp_path / "汇总.xlsx", "统计") if row and row[0] == "注意"]
    assert notes == [
        "2 个项目各有多份内容不同的表（项目名称和单位相同，可能是修改后重新提交的版本），各自计数，"
        "请确认以哪一份为准：“项目乙”：“收件/部门.xlsx”、“收件/部门v2.xlsx”；“项目丙”："
        "“收件/部门.xlsx”工作表“项目丙（初稿）”、“收件/部门.xlsx”工作表“项目丙（修改稿）”、"
        "“收件/部门v2.xlsx”工作表“项目丙（初稿）”、“收件/部门v2.xlsx”工作表“项目丙（修改稿）”",
        "1 个项目的表在几个文件中内容完全相同（同一张表又交了一次），各自计数：“项目甲”"]


def test_a_project_twice_in_one_workbook_alone_names_its_other_sheet(tmp_path):
    """rt25 P3c in a batch: the 初稿's JX501 marked the project 有错误, nothing linked its
    row to the 修改稿's. A single workbook of two drafts: each row names the other sheet."""
    inbox = tmp_path / "收件"
    inbox.mkdir()
    _department(inbox / "部门.xlsx")
    code, _ = batch(inbox, "-o", tmp_path / "汇总.xlsx", "--workers", "1")
    assert code == 1
    header, *rows = sheet_rows(tmp_path / "汇总.xlsx", "汇总")
    assert [(row[1], row[header.index("状态")], row[header.index("原因")].split("；")[-1])
            for row in rows] == [
        ("项目甲", "通过", "项目“项目丙”在本文件中有 2 张内容不同的表（工作表“项目丙（初稿）”、“项目丙（修改稿）”），"
                         "各自校验、计数，请确认以哪一份为准"),
        ("项目乙", "通过", "项目“项目丙”在本文件中有 2 张内容不同的表（工作表“项目丙（初稿）”、“项目丙（修改稿）”），"
                         "各自校验、计数，请确认以哪一份为准"),
        ("项目丙", "有错误", "同一项目共 2 张表：另见本文件工作表“项目丙（修改稿）”（项目名称和单位相同，内容不同）"),
        ("项目丙", "通过", "同一项目共 2 张表：另见本文件工作表“项目丙（初稿）”（项目名称和单位相同，内容不同）")]


def test_an_xlsx_renamed_xls_gets_an_annotated_copy(tmp_path):
    """A reviewer's batch: an .xlsx renamed x.xls was checked (its bytes are an .xlsx) but
    got no annotated copy and no word why. Now it gets one, named as an .xlsx is; the
    x.xlsx beside it keeps x-校验.xlsx; one holding macros gets an .xlsm that keeps them;
    a real .xls (read by value) still takes no name and gets no copy."""
    inbox = tmp_path / "收件"
    (inbox / "乙单位").mkdir(parents=True)
    standard(inbox / "乙单位" / "x.xls", total=(100, 90), grade="优")  # an .xlsx by its bytes
    standard(inbox / "乙单位" / "x.xlsx")
    standard(inbox / "宏.et")
    with zipfile.ZipFile(inbox / "宏.et", "a") as archive:
        archive.writestr("xl/vbaProject.bin", b"VBA project")
    broken(inbox, "xls")  # old.xls: an OLE2 file, read by value, damaged
    marked = tmp_path / "标注"
    code, out = batch(inbox, "-o", tmp_path / "汇总.xlsx", "--annotate-dir", marked,
                      "--workers", "1")
    assert code == 2  # old.xls cannot be read
    assert sorted(str(path.relative_to(marked)) for path in marked.rglob("*.xls*")) == [
        os.path.join("乙单位", "x-校验-2.xlsx"), os.path.join("乙单位", "x-校验.xlsx"),
        "宏-校验.xlsm"]
    copies = {row[0]: row[13] for row in sheet_rows(tmp_path / "汇总.xlsx", "汇总")[1:]}
    assert copies == {
        os.path.join("收件", "old.xls"): None,
        os.path.join("收件", "宏.et"): os.path.join("标注", "宏-校验.xlsm"),
        os.path.join("收件", "乙单位", "x.xls"): os.path.join("标注", "乙单位", "x-校验-2.xlsx"),
        os.path.join("收件", "乙单位", "x.xlsx"): os.path.join("标注", "乙单位", "x-校验.xlsx")}
    copy = load_workbook(marked / "乙单位" / "x-校验-2.xlsx")
    assert copy["自评表"]["H16"].comment.text.startswith("[JX501 错误] 总分写为 90")
    with zipfile.ZipFile(marked / "宏-校验.xlsm") as archive:
        assert archive.read("xl/vbaProject.bin") == b"VBA project"


def _statistics_notes(summary: Path) -> list[str]:
    return [row[1] for row in sheet_rows(summary, "统计") if row[0] == "注意"]


def test_copies_of_files_no_longer_in_the_inbox_are_named(tmp_path):
    """rt21: a unit replaced 自评表.xlsx by 自评表（修改版）.xlsx; the re-run left the old
    标注/甲单位/自评表-校验.xlsx beside the new copy, its old marks unmentioned, and a
    reviewer forwarding 标注 sent them out. Now 统计›注意 and the closing lines name the
    copies jixiao wrote for files not of this run (by its mark: a reviewer's own workbook
    named "…-校验" is none), and nothing in 标注 is changed."""
    inbox, marked, summary = tmp_path / "收件", tmp_path / "标注", tmp_path / "汇总.xlsx"
    (inbox / "甲单位").mkdir(parents=True)
    zizhou(inbox / "甲单位" / "自评表.xlsx")
    standard(inbox / "甲单位" / "b.xlsx")
    run = (inbox, "-o", summary, "--annotate-dir", marked, "--workers", "1")
    code, out = batch(*run)
    assert "以前的标注副本" not in out
    assert "以前的标注副本" not in "".join(_statistics_notes(summary))
    (inbox / "甲单位" / "自评表.xlsx").rename(inbox / "甲单位" / "自评表（修改版）.xlsx")
    standard(marked / "甲单位" / "说明-校验.xlsx")  # the reviewer's, not jixiao's
    before = {path: (path.read_bytes(), path.stat().st_mtime_ns) for path in marked.rglob("*")
              if path.is_file()}
    code, out = batch(*run)
    text = ("标注文件夹中另有 1 个以前的标注副本，对应的原文件已不在收件夹中（可能已改名或换成"
            f"修改版）：{os.path.join('甲单位', '自评表-校验.xlsx')}；转发前请删除")
    assert out.splitlines()[-2:] == [text, f"已写入汇总：{summary}"]
    # (and 子洲's 2023 table beside b.xlsx of 2024: rt29)
    years = ("另有 1 张其他年度的表未计入评分等级分布和按主管部门的平均计算总分（2023 年度 1 张："
             f"“{os.path.join('收件', '甲单位', '自评表（修改版）.xlsx')}”），这两项只计 2024 年度的表")
    assert _statistics_notes(summary) == [text, years]
    assert {path: (path.read_bytes(), path.stat().st_mtime_ns) for path in before} == before
    assert sorted(path.name for path in (marked / "甲单位").iterdir()) == [
        "b-校验.xlsx", "自评表-校验.xlsx", "自评表（修改版）-校验.xlsx", "说明-校验.xlsx"]
    # four: the first three named (natural order), 等
    for name in ("x10-校验.xlsx", "x2-校验.xlsx", "x1-校验.xlsx"):
        shutil.copy(marked / "甲单位" / "自评表-校验.xlsx", marked / "甲单位" / name)
    code, out = batch(*run)
    names = "、".join(os.path.join("甲单位", name) for name in ("x1-校验.xlsx", "x2-校验.xlsx",
                                                               "x10-校验.xlsx"))
    text = ("标注文件夹中另有 4 个以前的标注副本，对应的原文件已不在收件夹中（可能已改名或换成"
            f"修改版）：{names} 等；转发前请删除")
    assert out.splitlines()[-2] == text and _statistics_notes(summary) == [text, years]
    # a folder where this run wrote no copy (another unit's, a run on part of the inbox):
    # its copies are not called stale
    (marked / "乙单位").mkdir()
    shutil.copy(marked / "甲单位" / "自评表-校验.xlsx", marked / "乙单位" / "y-校验.xlsx")
    code, out = batch(*run)
    assert out.splitlines()[-2] == text and _statistics_notes(summary) == [text, years]


def test_earlier_copies_reads_only_the_marks_of_copies_not_of_this_run(tmp_path, monkeypatch):
    """A big 标注 folder stays fast: the copies this run's files have are not opened at
    all, the others only for jixiao's mark; hidden (temporary) files, lock files and the
    folders discovery walks are passed over."""
    import jixiao.xlsx.marks as marks
    from jixiao.batch.discover import earlier_copies

    marked = tmp_path / "标注"
    (marked / "a").mkdir(parents=True)
    (marked / "收件").mkdir()
    for name in ("a/x-校验.xlsx", "a/y-校验.xlsx", "a/.y-校验.xlsx.abcdefgh.tmp",
                 "a/~$y-校验.xlsx", "a/z.xlsm", "收件/w-校验.xlsx", "a/notes.txt"):
        (marked / name).write_bytes(b"PK")
    opened = []
    monkeypatch.setattr(marks, "written_by_jixiao",
                        lambda path: opened.append(os.path.relpath(path, marked)) or
                        (marks.ANNOTATED_MARK if os.path.basename(path).startswith("y") else None))
    found = earlier_copies(marked, [str(marked / "a" / "x-校验.xlsx")], [marked / "收件"])
    assert found == [str(marked / "a" / "y-校验.xlsx")]
    assert sorted(opened) == [os.path.join("a", "y-校验.xlsx"), os.path.join("a", "z.xlsm")]


def test_copies_in_the_inbox_itself_are_named_as_jixiao_outputs_only(tmp_path):
    """--annotate-dir 收件 itself: discovery finds the copies of earlier runs (jixiao's
    own outputs, not checked); they are not named a second time as earlier copies."""
    inbox = tmp_path / "收件"
    inbox.mkdir()
    zizhou(inbox / "z.xlsx")
    run = (inbox, "-o", tmp_path / "汇总.xlsx", "--annotate-dir", inbox, "--workers", "1")
    batch(*run)
    (inbox / "z.xlsx").rename(inbox / "z2.xlsx")
    code, out = batch(*run)
    assert f"另有 1 个文件是 jixiao 的输出，未校验（标注副本 1 个：{os.path.join('收件', 'z-校验.xlsx')}）" in out
    assert "以前的标注副本" not in out


def test_a_file_read_by_value_under_an_xlsx_name_has_no_copy_and_no_failure(tmp_path):
    """rt30 r3: .xls content saved as 村级河长制工作经费自评表.xlsx, with --annotate-dir: its
    copy “could not be written” (1 个文件的标注副本未能写出……请处理后重新运行) and the batch
    exited 2, where an .xls by its own name gets NO_COPY_BY_VALUE and 0. Files are taken by
    their content: a Word document saved as 自评.xlsx is read by value, so it gets the same
    note, takes no copy's name, and the batch exits 0 — from the cache too."""
    from wordfiles import workbook_docx

    from jixiao.batch.run import NO_COPY_BY_VALUE

    inbox = tmp_path / "收件"
    inbox.mkdir()
    workbook_docx(standard(tmp_path / "t.xlsx", name="乙项目"), tmp_path / "自评.docx")
    (inbox / "自评.xlsx").write_bytes((tmp_path / "自评.docx").read_bytes())
    standard(inbox / "x.xlsx")
    for _ in range(2):  # checked, then from the cache
        code, out = batch(inbox, "-o", tmp_path / "汇总.xlsx", "--annotate-dir",
                          tmp_path / "标注", "--workers", "1")
        assert code == 0 and "未能写出" not in out
        header, *rows = sheet_rows(tmp_path / "汇总.xlsx", "汇总")
        reason, copy = header.index("原因"), header.index("标注副本")
        assert [(row[0], row[reason], row[copy]) for row in rows] == [
            (os.path.join("收件", "x.xlsx"), None, os.path.join("标注", "x-校验.xlsx")),
            (os.path.join("收件", "自评.xlsx"), NO_COPY_BY_VALUE, None)]
    assert "（2 个未变化" in out
    assert sorted(path.name for path in (tmp_path / "标注").iterdir()) == ["x-校验.xlsx"]
