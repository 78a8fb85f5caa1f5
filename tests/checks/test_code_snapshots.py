"""One snapshot per check code, as ruff keeps one per rule: the findings (code, severity,
cell, message) that ``pipeline.check_workbook`` gives for each failing workbook of
test_validator's cases, stored in tests/snapshots/codes/<code>.txt.

A changed message, cell or severity shows as a diff of that one file. After a deliberate
change, write the files again with ``JIXIAO_UPDATE_SNAPSHOTS=1 python -m pytest
tests/checks/test_code_snapshots.py`` and review the diff before committing."""

import os
from pathlib import Path

import pytest
from test_validator import CASES
from workbooks import standard

from jixiao.checks import REGISTRY
from jixiao.pipeline import check_workbook

SNAPSHOTS = Path(__file__).resolve().parents[1] / "snapshots" / "codes"


def findings_text(code: str, folder: Path) -> str:
    lines = []
    for number, description in enumerate(CASES[code][0]):
        result = check_workbook(standard(folder / f"bad{number}.xlsx", **description))
        assert result.error is None, result.error
        lines.append(f"# case {number}")
        lines += [f"{item.code} {item.severity} {item.where} {item.message}"
                  for item in result.findings if item.code == code]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("code", sorted(REGISTRY))
def test_the_findings_of_each_code_match_its_snapshot(code, tmp_path):
    text = findings_text(code, tmp_path)
    assert f"\n{code} " in f"\n{text}", f"no {code} finding in its failing cases:\n{text}"
    snapshot = SNAPSHOTS / f"{code}.txt"
    if os.environ.get("JIXIAO_UPDATE_SNAPSHOTS"):
        snapshot.parent.mkdir(parents=True, exist_ok=True)
        snapshot.write_text(text, encoding="utf-8")
    assert snapshot.is_file(), f"no snapshot for {code}: write it with JIXIAO_UPDATE_SNAPSHOTS=1"
    assert text == snapshot.read_text(encoding="utf-8")


def test_every_snapshot_belongs_to_a_registered_code():
    assert {path.stem for path in SNAPSHOTS.glob("*.txt")} == set(REGISTRY)
