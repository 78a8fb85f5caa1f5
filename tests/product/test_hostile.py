"""The corpus of broken and hostile workbooks (tests/hostile.py): each gives its
documented outcome for ``jixiao check`` and ``jixiao recalc`` — exit 0/1 with
results, or exit 2 with one Chinese line and no traceback — in bounded time, printing
no control character from the file, and strict JSON for ``check --json``."""

import json
import time
import zipfile
from pathlib import Path

import pytest
from hostile import CORPUS, LONG_STRINGS_RATIO, build, hold_lock, outcomes_markdown

from jixiao.cli.main import main
from jixiao.terminal import has_control
from jixiao.xlsx.limits import Limits

ROOT = Path(__file__).resolve().parents[2]
SECONDS = 30  # each run takes at most 2.5 s here; the bound leaves room for slow machines


class _Built(dict):
    """Corpus files by kind, each built when first asked for: ``-k long-strings`` builds one."""

    def __init__(self, directory: Path) -> None:
        super().__init__()
        self.directory = directory

    def __missing__(self, kind: str) -> Path:
        self[kind] = build(kind, self.directory / kind)
        return self[kind]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Every corpus file, built once (outside tmp_path: no cell-source comparison)."""
    return _Built(tmp_path_factory.mktemp("corpus"))


def test_the_corpus_has_at_least_30_files():
    assert len(CORPUS) >= 30


def _run(capsys, argv):
    started = time.perf_counter()
    code = main([str(arg) for arg in argv])
    elapsed = time.perf_counter() - started
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert not has_control(out + err), [line for line in (out + err).splitlines()
                                        if has_control(line)]
    assert elapsed < SECONDS, f"{argv}: {elapsed:.1f} s"
    return code, out, err


def _no_constant(name):
    raise ValueError(f"not JSON: {name}")


@pytest.mark.parametrize("kind", [kind for kind in CORPUS if kind != "locked"])
def test_check_json_is_strict_json(kind, corpus, capsys):
    """NaN/Infinity are not JSON (jq and JSON.parse refuse them): an infinite number is
    null, with a JX601 finding."""
    code, out, _ = _run(capsys, ["check", "--json", corpus[kind]])
    assert code == CORPUS[kind].check
    data = json.loads(out, parse_constant=_no_constant)
    if kind == "odd-numbers":
        [table] = [data] if isinstance(data, dict) else data
        [item] = [item for item in table["indicators"] if item["name"] == "服务对象满意度"]
        assert item["score_declared"] is None
        assert any(finding["code"] == "JX601" and finding["cell"] == "H15"
                   for finding in table["findings"]), table["findings"]


@pytest.mark.parametrize("kind", list(CORPUS))
def test_check_gives_the_documented_outcome(kind, corpus, capsys):
    outcome, path = CORPUS[kind], corpus[kind]
    holder = hold_lock(path) if kind == "locked" else None
    try:
        code, out, err = _run(capsys, ["check", path])
    finally:
        if holder is not None:
            holder.kill()
            holder.wait()
    assert code == outcome.check, out + err
    assert outcome.check_says in out, out
    if code == 2:
        [line] = [line for line in out.splitlines() if line.startswith("无法校验：")]
        assert path.name in line


@pytest.mark.parametrize("kind", list(CORPUS))
def test_recalc_gives_the_documented_outcome(kind, corpus, capsys, tmp_path_factory):
    outcome, path = CORPUS[kind], corpus[kind]
    from jixiao.recalc.workbook import output_suffix

    output = tmp_path_factory.mktemp("out") / f"out{output_suffix(path)}"  # .xls: written .xlsx
    holder = hold_lock(path) if kind == "locked" else None
    try:
        code, out, err = _run(capsys, ["recalc", path, "-o", output])
    finally:
        if holder is not None:
            holder.kill()
            holder.wait()
    assert code == outcome.recalc, out + err
    if code == 2:
        assert err.count("\n") == 1 and err.startswith("jixiao：") and path.name in err, err
        assert outcome.recalc_says in err, err
        assert not output.exists()
    else:
        assert outcome.recalc_says in out, out
        assert output.is_file()


def test_long_strings_stays_far_from_the_compression_ratio_guard(corpus):
    """Its outcome must not hang on the machine's zlib or load: every member packs at
    most LONG_STRINGS_RATIO:1 (its long parts: the guard looks at no small one), a
    twenty-fifth of the guard's 100:1."""
    with zipfile.ZipFile(corpus["long-strings"]) as archive:
        long_parts = [info for info in archive.infolist() if info.file_size >= 64 * 1024]
    assert long_parts
    for info in long_parts:
        assert info.file_size <= LONG_STRINGS_RATIO * info.compress_size, info.filename
    assert LONG_STRINGS_RATIO * 25 <= Limits().max_ratio


def test_docs_hardening_md_lists_every_outcome():
    text = (ROOT / "docs" / "hardening.md").read_text(encoding="utf-8")
    start, end = "<!-- corpus:start -->\n", "<!-- corpus:end -->"
    assert text[text.index(start) + len(start):text.index(end)] == outcomes_markdown(), (
        "regenerate the table: python tests/hostile.py")


def test_amounts_each_finite_whose_sum_is_not_are_jx601_never_inf(tmp_path, capsys):
    """当年财政拨款 and 上年结转资金 of 1e308 each: their sum is infinite. JX304 said
    “各明细合计 inf” — an English token, and a check that cannot be made (rt14-b A4). Now
    JX601 at the total's cell, and no JX304."""
    from workbooks import PUTUO_1_MONEY, standard

    money = [PUTUO_1_MONEY[0], ("其中：当年财政拨款", 1e308, 1e308, 1e308, "—", 99.8, "—"),
             ("上年结转资金", 1e308, 1e308, 1e308, "—", 0, "—"), PUTUO_1_MONEY[3]]
    path = standard(tmp_path / "t.xlsx", money=money)
    code, out, _ = _run(capsys, ["check", str(path)])
    assert "inf" not in out.lower() and "JX304" not in out and code == 1, out
    assert "全年预算数各明细之和的计算结果为无穷大" in out
    assert "全年执行数各明细之和的计算结果为无穷大" in out
