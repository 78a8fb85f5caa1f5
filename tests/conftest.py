"""Every workbook a test writes is also read by both cell sources of the reader,
which must agree (tests/engines.py): the fast path is proved on all of them, and
its number-format predicates on all their format codes.

With ``JIXIAO_JSON_SNAPSHOT=DIR`` set, the ``jixiao check --json`` of every workbook a
test writes is also stored below DIR (one file per test and workbook), so two trees of
the code can be compared on all of them: ``python scripts/compare_snapshots.py A B``.

The add-in's 校验 button (run on a recorded fake of xlwings, tests/addin_fake.py) must
also write, finding for finding, what ``jixiao check --json`` says about every workbook a
test writes (``JIXIAO_BUTTON_IDENTITY=0`` turns this off for a quicker local run)."""

import os

import pytest
from engines import (
    assert_engines_agree,
    assert_number_formats_agree,
    store_json_snapshot,
    workbooks_below,
)

SNAPSHOT = os.environ.get("JIXIAO_JSON_SNAPSHOT")
BUTTON = os.environ.get("JIXIAO_BUTTON_IDENTITY", "1") != "0"


@pytest.fixture(autouse=True)
def _cell_sources_agree_on_every_test_workbook(request):
    directory = request.getfixturevalue("tmp_path") if "tmp_path" in request.fixturenames else None
    yield
    if directory is not None and directory.is_dir():
        for path in workbooks_below(directory):
            assert_engines_agree(path)
            assert_number_formats_agree(path)
            if SNAPSHOT:
                store_json_snapshot(SNAPSHOT, request.node.nodeid, directory, path)
            if BUTTON:
                from addin_fake import assert_button_agrees

                assert_button_agrees(path)
