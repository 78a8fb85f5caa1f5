"""A batch worker checks a workbook without importing openpyxl (and the numpy and PIL
it pulls in): the fast cell source and the grid have their own small equivalents,
which give what openpyxl gives."""

import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl.utils.cell import coordinate_to_tuple, get_column_letter
from workbooks import standard

from jixiao.read.grid import _column_letter, row_column

ROOT = Path(__file__).resolve().parents[2]


def test_checking_a_workbook_imports_no_openpyxl(tmp_path):
    path = standard(tmp_path / "t.xlsx")
    code = ("import sys; from jixiao.batch.run import check_one; check_one(sys.argv[1]); "
            "print(sorted(name for name in sys.modules if name.startswith('openpyxl')))")
    found = subprocess.run([sys.executable, "-c", code, str(path)], cwd=ROOT,
                           capture_output=True, text=True, check=True).stdout.strip()
    assert found == "[]"


def _outcome(function, argument):
    try:
        return function(argument)
    except Exception as error:  # the same kind of refusal
        return type(error)


def test_column_letters_are_openpyxls():
    for column in [*range(-2, 800), 16383, 16384, 16385, 18277, 18278, 18279, 10 ** 6]:
        assert _outcome(_column_letter, column) == _outcome(get_column_letter, column)


REFS = ["A1", "Z9", "AA10", "XFD1048576", "ZZZ1", "A0", "A01", "a1", "$A$1", "A$1", "AAAA1",
        "1A", "", " A1", "A1 ", "A1\n", "A-1", "A1.5", "A١", "Ａ1"]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(REFS) | st.from_regex(r"\$?[A-Za-z]{0,4}\$?[0-9]{0,8}", fullmatch=True))
def test_cell_references_are_read_as_openpyxl_reads_them(ref):
    assert _outcome(row_column, ref) == _outcome(coordinate_to_tuple, ref)
