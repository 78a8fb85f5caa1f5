"""Both cell sources of the reader (python-calamine and openpyxl) must give the same
result: the same tables, cell for cell and type for type, the same findings, the
same refusal. ``assert_engines_agree(path)`` checks one file."""

from __future__ import annotations

from pathlib import Path

from jixiao.checks import run_checks
from jixiao.errors import JixiaoError
from jixiao.model import evaluate
from jixiao.read.workbook import read_workbook

MAX_COMPARED_BYTES = 2 * 1024 * 1024


def reading(path: Path, engine: str) -> str:
    """Everything read from ``path`` with ``engine``, as a text to compare (``repr``
    tells 10 from 10.0 and a date from a datetime, which ``==`` would not)."""
    try:
        workbook = read_workbook(path, engine=engine)
    except JixiaoError as error:
        return f"{type(error).__name__}: {error}"
    findings = [run_checks(table, evaluate(table)) for table in workbook.tables]
    return repr((workbook.tables, workbook.notes, findings))


def assert_engines_agree(path: Path) -> None:
    fast, reference = reading(path, "calamine"), reading(path, "openpyxl")
    assert fast == reference, f"python-calamine and openpyxl read {path.name} differently"


def assert_number_formats_agree(path: Path) -> None:
    """jixiao.xlsx.numformats tells the workbook's format codes as openpyxl does."""
    import zipfile
    from xml.etree import ElementTree

    from openpyxl.styles import numbers as reference

    from jixiao.xlsx import numformats
    try:
        with zipfile.ZipFile(path) as archive:
            root = ElementTree.fromstring(archive.read("xl/styles.xml"))
    except Exception:  # no stylesheet, or a broken one: nothing to compare
        return
    for item in root.iter("{http://schemas.openxmlformats.org/spreadsheetml/2006/main}numFmt"):
        code = item.get("formatCode")
        assert numformats.is_date_format(code) == reference.is_date_format(code), code
        assert numformats.is_timedelta_format(code) == reference.is_timedelta_format(code), code


def workbooks_below(directory: Path) -> list[Path]:
    """The workbooks in ``directory``, one of each content (copies are read once)."""
    import hashlib

    seen: set[str] = set()
    found = []
    for path in sorted(directory.rglob("*")):
        if path.suffix.lower() in (".xlsx", ".xlsm") and path.is_file() \
                and path.stat().st_size <= MAX_COMPARED_BYTES:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            if digest not in seen:
                seen.add(digest)
                found.append(path)
    return found


def store_json_snapshot(root: str, test: str, directory: Path, path: Path) -> None:
    """``jixiao check --json`` of one workbook, stored as ROOT/<test>/<path in tmp>.json."""
    import re

    from jixiao.pipeline import check_workbook
    from jixiao.report.json import json_report

    text = json_report([check_workbook(path)])
    text = text.replace(str(directory), "<tmp>")
    test = test.split("::", 1)[0].rsplit("/", 1)[-1] + "::" + test.split("::", 1)[1]  # by file name:
    name = re.sub(r"[^\w.\-\[\]]+", "_", test)[:150]  # the same wherever the tests folder puts it
    target = Path(root) / name / (path.relative_to(directory).as_posix().replace("/", "__")
                                  + ".json")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
