"""The annotated copy of a workbook that asks to be recalculated on opening with stale
stored results (an Apache POI template export: ``fullCalcOnLoad`` and the template's old
95 %, 9.5, 99.5). check reads it as Excel shows it (99.81 %, 9.98, 99.98); before, the copy
kept the stale results, which LibreOffice (it does not recalculate an .xlsx on opening by
default), openpyxl and previewers showed beside a 校验结果 sheet quoting the computed ones
(red team rt25-m 2). The copy stores the results check read, and still asks Excel and WPS
to recalculate."""

from __future__ import annotations

import re
import zipfile

from openpyxl import load_workbook
from workbooks import PUTUO_1_MONEY, Formula, standard

from jixiao.cli.main import main
from jixiao.xlsx.marks import ANNOTATED_MARK, written_by_jixiao

RATE, SCORE, TOTAL = "=ROUND(E6/D6*100,2)", "=ROUND(F6*G6/100,2)", "=H6+SUM(H11:H15)"


def _export(path, full_calc=True):
    money = [list(line) for line in PUTUO_1_MONEY]
    money[0][5:7] = [Formula(RATE, 95), Formula(SCORE, 9.5)]
    standard(path, money=[tuple(line) for line in money], total=(100, Formula(TOTAL, 99.5)))
    if full_calc:
        with zipfile.ZipFile(path) as archive:
            parts = {info.filename: archive.read(info) for info in archive.infolist()}
        workbook = re.sub(r"<calcPr[^>]*/>", "", parts["xl/workbook.xml"].decode())
        parts["xl/workbook.xml"] = workbook.replace(
            "</workbook>", '<calcPr calcId="0" fullCalcOnLoad="1"/></workbook>').encode()
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in parts.items():
                archive.writestr(name, data)
    return path


def _stored(copy):
    sheet = load_workbook(copy, data_only=True)["自评表"]
    return [sheet[ref].value for ref in ("G6", "H6", "H16")]


def test_the_copy_stores_the_results_check_read_and_still_asks_to_recalculate(tmp_path, capsys):
    path = _export(tmp_path / "poi.xlsx")
    before = path.read_bytes()
    copy = tmp_path / "标注.xlsx"
    assert main(["check", "--annotate", str(copy), str(path)]) == 0
    out = capsys.readouterr().out
    assert "总分 填报 99.98 / 计算 99.98" in out and "已写入标注副本" in out
    assert _stored(copy) == [99.81, 9.98, 99.98]
    assert re.search(r'<calcPr[^>]*fullCalcOnLoad="1"',
                     zipfile.ZipFile(copy).read("xl/workbook.xml").decode())
    assert written_by_jixiao(str(copy)) == ANNOTATED_MARK  # its record names these sheets
    assert path.read_bytes() == before


def test_without_the_flag_the_stored_results_are_the_units_and_stay(tmp_path, capsys):
    """Saved by Excel: 95 % and 9.5 are what the unit saw (JX301, JX302), kept as stored."""
    path = _export(tmp_path / "excel.xlsx", full_calc=False)
    copy = tmp_path / "标注.xlsx"
    assert main(["check", "--annotate", str(copy), str(path)]) == 1
    assert "JX302" in capsys.readouterr().out
    assert _stored(copy) == [95, 9.5, 99.5]
    assert written_by_jixiao(str(copy)) == ANNOTATED_MARK


def test_the_copy_takes_the_results_check_computed_without_computing_them_again(
        tmp_path, capsys, monkeypatch):
    """check --annotate recalculates the flagged workbook once: the copy stores the results
    the check read (``FileResult.opened``, for the same content), not a second computation."""
    import jixiao.recalc.on_load as on_load

    computed = []
    as_opened = on_load.as_opened
    monkeypatch.setattr(on_load, "as_opened",
                        lambda *args: computed.append(args[0]) or as_opened(*args))
    path = _export(tmp_path / "poi.xlsx")
    copy = tmp_path / "标注.xlsx"
    assert main(["check", "--annotate", str(copy), str(path)]) == 0
    assert "已写入标注副本" in capsys.readouterr().out
    assert _stored(copy) == [99.81, 9.98, 99.98]
    assert len(computed) == 1


def test_results_checked_of_other_content_are_not_taken(tmp_path):
    """The results a check computed are the copy's only for the content checked (its
    SHA-256): a file changed since is computed again, never given another's results."""
    from jixiao.pipeline import check_workbook
    from jixiao.report.annotate import annotate

    path = _export(tmp_path / "poi.xlsx")
    result = check_workbook(path)
    result.opened = ("0" * 64, b"not the copy")  # of some other content
    copy = annotate(path, tmp_path / "标注.xlsx", result.findings, result=result)
    assert _stored(copy) == [99.81, 9.98, 99.98]


def test_check_of_many_files_keeps_no_computed_copy_past_its_file(tmp_path, capsys, monkeypatch):
    """``FileResult.opened`` (the recalculated copy, as large as the workbook) is the annotated
    copy's only: ``jixiao check`` of many flagged files held every one of them until the
    report, memory growing with the number of files. Three files, the second annotated: when
    each file is checked, no earlier result still holds its copy; the second's copy is
    still taken from its check (one computation per file: 3, not 4)."""
    import jixiao.pipeline as pipeline
    import jixiao.recalc.on_load as on_load

    files = [_export(tmp_path / f"poi{number}.xlsx") for number in range(3)]
    computed, held, checked = [], [], []
    as_opened, check_workbook = on_load.as_opened, pipeline.check_workbook
    monkeypatch.setattr(on_load, "as_opened",
                        lambda *args: computed.append(args[0]) or as_opened(*args))

    def check(*args, **options):
        held.append([result.path.name for result in checked if result.opened is not None])
        checked.append(check_workbook(*args, **options))
        return checked[-1]

    monkeypatch.setattr(pipeline, "check_workbook", check)
    annotated = tmp_path / "标注"
    annotated.mkdir()
    from jixiao.cli import check as check_command

    targets = check_command._annotation_targets

    def second_only(names, out):
        named, folder = targets(names, out)
        return {name: path for name, path in named.items() if name == str(files[1])}, folder

    monkeypatch.setattr(check_command, "_annotation_targets", second_only)
    assert main(["check", "--annotate", str(annotated), *map(str, files)]) == 0
    assert "已写入标注副本" in capsys.readouterr().out
    assert held == [[], [], []]
    assert all(result.opened is None for result in checked)
    assert len(computed) == 3 and [copy.name for copy in annotated.iterdir()] == ["poi1-校验.xlsx"]
