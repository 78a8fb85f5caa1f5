"""Mutated workbooks (zip members, XML bytes, cell values, merged ranges, formulas):
``jixiao check`` and ``jixiao recalc`` either succeed or refuse the file with a
JixiaoError — one Chinese line, exit 2 — never another exception. The long run
of the same mutations is fuzz/run.py (figures in BENCHMARKS.md)."""

import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "fuzz"))

from harness import base_workbooks, exercise  # noqa: E402
from mutate import DrawChoices, mutate  # noqa: E402


class _Bases(dict):
    def __repr__(self) -> str:  # hypothesis prints the arguments of a failing example
        return f"<{len(self)} base workbooks>"


@pytest.fixture(scope="module")
def bases():
    return _Bases(base_workbooks())


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    return tmp_path_factory.mktemp("fuzz")  # outside tmp_path: no cell-source comparison


def test_the_bases_are_sound(bases, workdir):
    for name, data in bases.items():
        path = workdir / name
        path.write_bytes(data)
        assert exercise(path, workdir) == [], name


@settings(max_examples=200, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                 HealthCheck.data_too_large])
@given(data=st.data())
def test_a_mutated_workbook_is_checked_or_refused_never_crashes(bases, workdir, data):
    name = data.draw(st.sampled_from(sorted(bases)))
    mutated = mutate(bases[name], DrawChoices(data))
    path = workdir / f"case{Path(name).suffix}"
    path.write_bytes(mutated)
    assert exercise(path, workdir) == []
