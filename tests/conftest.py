"""Every workbook a test writes is also read by both cell sources of the reader,
which must agree (tests/engines.py): the fast path is proved on all of them, and
its number-format predicates on all their format codes."""

import pytest
from engines import assert_engines_agree, assert_number_formats_agree, workbooks_below


@pytest.fixture(autouse=True)
def _cell_sources_agree_on_every_test_workbook(request):
    directory = request.getfixturevalue("tmp_path") if "tmp_path" in request.fixturenames else None
    yield
    if directory is not None and directory.is_dir():
        for path in workbooks_below(directory):
            assert_engines_agree(path)
            assert_number_formats_agree(path)
