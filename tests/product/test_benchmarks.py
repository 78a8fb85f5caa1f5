"""The batch benchmark's corpus (benchmarks/corpus.py): distinct, realistic tables.

No timing here: speed is measured in benchmarks/, these only prove that what is timed
is what it claims to be.
"""

import json
import sys
from pathlib import Path

import pytest

from jixiao.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import corpus  # noqa: E402

COUNT = 20  # one cycle of the layouts


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    return corpus.ensure_corpus(COUNT, tmp_path_factory.mktemp("corpus"), workers=1)


def check_json(capsys, paths):
    code = main(["check", "--json", *map(str, paths)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert code in (0, 1), err  # 1: some files carry a planted mistake
    return json.loads(out)


def test_no_two_files_share_their_content(files):
    assert len(files) == COUNT and all(path.is_file() for path in files)
    corpus.assert_distinct(files)
    assert len({corpus.content_hash(path) for path in files}) == COUNT


def test_the_distinctness_check_catches_a_copy(files, tmp_path):
    copy = tmp_path / "copy.xlsx"
    copy.write_bytes(files[3].read_bytes())
    with pytest.raises(AssertionError, match="same content"):
        corpus.assert_distinct([*files[:5], copy])


def test_check_reads_each_as_one_table_of_4_to_9_indicators(files, capsys):
    tables = check_json(capsys, files)
    assert [Path(table["file"]) for table in tables] == files  # one table per file
    for index, table in enumerate(tables):
        assert "error" not in table, table
        assert 4 <= len(table["indicators"]) <= 9, (index, len(table["indicators"]))
        expected = corpus.layout_of(index)
        assert table["layout"] == ("standard" if expected == "template" else expected), index
    assert {corpus.layout_of(index) for index in range(COUNT)} == set(corpus.LAYOUTS.values())


def test_files_without_a_planted_mistake_have_no_error(files, capsys):
    tables = check_json(capsys, files)
    planted = [corpus.Table(corpus.DEFAULT_SEED, index).mistake for index in range(COUNT)]
    assert any(planted) and not all(planted)
    for table, mistake in zip(tables, planted, strict=True):
        errors = [f["code"] for f in table["findings"] if f["severity"] == "error"]
        if mistake is None:
            assert errors == [], (table["file"], errors)


def test_a_file_is_the_same_whatever_the_size_of_the_corpus(files, tmp_path):
    again = corpus.build(tmp_path / "again.xlsx", 7)
    assert corpus.content_hash(again) == corpus.content_hash(files[7])
    other_seed = corpus.build(tmp_path / "other.xlsx", 7, seed=corpus.DEFAULT_SEED + 1)
    assert corpus.content_hash(other_seed) != corpus.content_hash(files[7])


def test_writing_a_section_replaces_its_numbers_and_its_intro_only(tmp_path, monkeypatch):
    import bench_md

    (tmp_path / "BENCHMARKS.md").write_text(
        "# Benchmarks\n\n## `jixiao recalc`\n\nrecalc intro\n\n<!-- recalc:start -->\nr\n"
        "<!-- recalc:end -->\n\n## `jixiao batch`\n\nold method\n\n<!-- batch:start -->\n"
        "old numbers\n<!-- batch:end -->\n", encoding="utf-8")
    monkeypatch.setattr(bench_md, "ROOT", tmp_path)
    bench_md.write_section("batch", "`jixiao batch`", "new numbers", "new method\n\n")
    body = (tmp_path / "BENCHMARKS.md").read_text(encoding="utf-8")
    assert "old" not in body
    assert "## `jixiao batch`\n\nnew method\n\n<!-- batch:start -->\nnew numbers\n" in body
    assert "## `jixiao recalc`\n\nrecalc intro\n\n<!-- recalc:start -->\nr\n" in body
    bench_md.write_section("recalc", "`jixiao recalc`", "r2", "")  # no intro: kept
    assert "recalc intro\n\n<!-- recalc:start -->\nr2\n" in \
        (tmp_path / "BENCHMARKS.md").read_text(encoding="utf-8")
