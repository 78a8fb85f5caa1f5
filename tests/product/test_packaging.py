"""The built wheel holds every module and data file of the source tree.

An editable install hides a forgotten subpackage (the wheel once lacked
``jixiao.checks``, and every installed ``jixiao check`` failed); this test builds
the real wheel — or takes the one CI built, from ``JIXIAO_WHEEL`` — and compares
its file list with the folders on disk.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# source folder → the import name it has in the wheel, and the data files it ships
PACKAGES = {"jixiao": ("jixiao", ()), "udfs": ("jixiao_udfs", ()),
            "addin": ("jixiao_addin", ("*.xlam", "*.xml", "vba/*.bas"))}
SCRATCH = (".git", ".venv*", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache",
           ".hypothesis", ".ruff_cache", "*.xlsx.bak")


@pytest.fixture(scope="module")
def wheel_files(tmp_path_factory) -> set[str]:
    given = os.environ.get("JIXIAO_WHEEL")
    if given:
        wheel = Path(given)
    else:
        out = tmp_path_factory.mktemp("wheel")
        source = out / "source"  # a copy: a stale build/ in the checkout would hide a gap
        shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(*SCRATCH))
        subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out),
                        str(source)], check=True, capture_output=True, timeout=600)
        wheel = next(out.glob("jixiao-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def _expected() -> set[str]:
    expected = set()
    for folder, (name, data) in PACKAGES.items():
        base = ROOT / folder
        files = [p for p in base.rglob("*.py") if "__pycache__" not in p.parts]
        for pattern in data:
            files += base.glob(pattern)
        expected |= {f"{name}/{path.relative_to(base).as_posix()}" for path in files}
    return expected


def test_the_wheel_ships_every_module_and_data_file(wheel_files):
    expected = _expected()
    assert "jixiao/checks/__init__.py" in expected  # the subpackage once forgotten
    missing = sorted(expected - wheel_files)
    assert not missing, f"missing from the built wheel: {missing}"


def test_the_wheel_ships_nothing_from_tests_or_scripts(wheel_files):
    stray = sorted(name for name in wheel_files
                   if name.split("/")[0] in ("tests", "scripts", "benchmarks", "fuzz", "docs"))
    assert not stray
