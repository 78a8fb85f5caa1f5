"""The rows above a table are scanned once for its project facts: ``read_project`` takes
the scan ``year_above`` made of the same rows before the table's rows were read. The
reference path (``REUSE_SCAN = False``: every reading scans anew) gives the same report."""

import sys
from pathlib import Path

import pytest

import jixiao.read.project as project_reader
from jixiao.pipeline import check_workbook
from jixiao.report.json import json_report

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import corpus  # noqa: E402

_INDICES = range(8)  # every layout of the benchmark's corpus (standard, sichuan, template, attachment)


@pytest.fixture(scope="module")
def books(tmp_path_factory):
    folder = tmp_path_factory.mktemp("books")
    return [corpus.build(folder / f"{index}.xlsx", index) for index in _INDICES]


def _reports(books, monkeypatch, reuse: bool) -> tuple[list[str], int]:
    """Each book's JSON report, and how many scans of a project's rows were made."""
    monkeypatch.setattr(project_reader, "REUSE_SCAN", reuse)
    scan, scans = project_reader._scan_project, []

    def counted(grid, top, bottom):
        scans.append((top, bottom))
        return scan(grid, top, bottom)

    monkeypatch.setattr(project_reader, "_scan_project", counted)
    return [json_report([check_workbook(path)]) for path in books], len(scans)


def test_one_scan_serves_both_readings(books, monkeypatch):
    reference, scanned = _reports(books, monkeypatch, reuse=False)
    fast, fewer = _reports(books, monkeypatch, reuse=True)
    assert fast == reference
    assert fewer <= scanned - len(books)  # each table's head scanned once less
