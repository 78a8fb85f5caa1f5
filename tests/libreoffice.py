"""LibreOffice headless as a real spreadsheet program for the tests: what a user sees.

Conversions use a private profile with LibreOffice's defaults, so a file is
shown as a clerk's LibreOffice shows it (cached results kept, recalculated
only where LibreOffice itself decides to). Tests skip when soffice is missing.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
from pathlib import Path

import pytest

# Text CSV, UTF-8, every sheet to its own file (the last token, -1: LibreOffice ≥ 7.2).
_CSV_ALL_SHEETS = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
ERROR_TEXTS = ("#NAME?", "#VALUE!", "#REF!", "#DIV/0!", "#N/A", "#NUM!", "Err:")


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        pytest.skip("LibreOffice (soffice) is not installed: .ci/run installs libreoffice-calc")
    return found


_RECALC_ALWAYS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode"
 oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def convert(path: Path, work: Path, target: str, *, timeout: int = 180,
            recalculate: bool = False) -> Path:
    """Convert ``path`` with LibreOffice into a fresh folder under ``work``; the folder.

    ``recalculate``: LibreOffice set to recalculate every formula on loading
    (Tools → Options → Calc → Formula → Recalculation on file load: Always).
    """
    out = work / f"{path.stem}-{target.split(':')[0]}{'-recalc' if recalculate else ''}"
    out.mkdir(parents=True, exist_ok=True)
    profile_dir = work / ("lo-profile-recalc" if recalculate else "lo-profile")
    if recalculate and not profile_dir.exists():
        (profile_dir / "user").mkdir(parents=True)
        (profile_dir / "user" / "registrymodifications.xcu").write_text(_RECALC_ALWAYS,
                                                                       encoding="utf-8")
    profile = profile_dir.as_uri()
    env = {**os.environ, "HOME": str(work)}
    subprocess.run([soffice(), f"-env:UserInstallation={profile}", "--headless", "--norestore",
                    "--convert-to", target, "--outdir", str(out), str(path)],
                   capture_output=True, timeout=timeout, env=env, check=False)
    return out


def sheets_as_shown(path: Path, work: Path, *, recalculate: bool = False
                    ) -> dict[str, list[list[str]]]:
    """Every sheet as LibreOffice shows it: sheet name → rows of cell texts."""
    out = convert(path, work, _CSV_ALL_SHEETS, recalculate=recalculate)
    produced = sorted(out.glob("*.csv"))
    assert produced, f"LibreOffice produced no CSV for {path.name}"
    sheets = {}
    for file in produced:
        name = file.stem.removeprefix(f"{path.stem}-")
        with open(file, encoding="utf-8", newline="") as handle:
            sheets[name] = list(csv.reader(handle))
    return sheets


def error_cells(sheets: dict[str, list[list[str]]]) -> list[str]:
    """'sheet!A1 #NAME?' for every cell showing a spreadsheet error."""
    found = []
    for name, rows in sheets.items():
        for row_number, row in enumerate(rows, start=1):
            for column, text in enumerate(row):
                if text.strip().startswith(ERROR_TEXTS):
                    found.append(f"{name}!{chr(65 + column) if column < 26 else column}"
                                 f"{row_number} {text}")
    return found


def shown(rows: list[list[str]], ref: str) -> str:
    column, row = ord(ref[0]) - 65, int(ref[1:])
    line = rows[row - 1] if row <= len(rows) else []
    return line[column] if column < len(line) else ""


def pdf_of(path: Path, work: Path) -> Path:
    out = convert(path, work, "pdf")
    pdf = out / f"{path.stem}.pdf"
    assert pdf.is_file(), f"LibreOffice produced no PDF for {path.name}"
    return pdf


def pdf_pages_text(pdf: Path) -> list[str]:
    """The text layer of each page (pdftotext -layout), or skip without poppler-utils."""
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    done = subprocess.run([tool, "-layout", str(pdf), "-"], capture_output=True, text=True,
                          encoding="utf-8", timeout=60, check=True)
    return done.stdout.split("\f")[:-1] if done.stdout.endswith("\f") else \
        done.stdout.split("\f")
