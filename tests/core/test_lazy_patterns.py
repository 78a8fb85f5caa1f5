"""The patterns a recalculation never asks for (scoring rules, headings' points, dates in
Chinese numerals …) are kept as text in ``jixiao.parsing`` and compiled by ``_compiled``
when first asked: not at import, which every ``jixiao recalc`` pays; once, not per call,
which the batch (asking for them on every file) would pay; and each is a valid pattern,
found wrong here rather than at its first use."""

import re
import subprocess
import sys
from pathlib import Path

from jixiao import parsing

ROOT = Path(__file__).resolve().parents[2]
_LAZY_NAMES = sorted(set(re.findall(r"_compiled\((_[A-Z_]+)\)",
                                    Path(parsing.__file__).read_text(encoding="utf-8"))))


def test_none_is_compiled_at_import():
    code = "import jixiao.parsing as p; print(p._compiled.cache_info().currsize)"
    found = subprocess.run([sys.executable, "-c", code], cwd=ROOT,
                           capture_output=True, text=True, check=True).stdout.strip()
    assert found == "0"


def test_each_is_a_valid_pattern():
    assert len(_LAZY_NAMES) >= 10
    for name in _LAZY_NAMES:
        source = getattr(parsing, name)
        assert isinstance(source, str), name
        assert parsing._compiled(source) is parsing._compiled(source), name


def test_compiled_once_not_per_call():
    parsing._compiled.cache_clear()
    for text in ["数量指标 (20 分)", "质量指标（权重：10分）", "产出指标", "时效指标(5分)"]:
        parsing.heading_points(text)
    asked = parsing._compiled.cache_info()
    assert (asked.misses, asked.hits) == (1, 3)
    assert parsing.heading_points("数量指标 (20 分)") == ("数量指标", 20.0)


def test_tick_box_forms_compiled_once_when_a_mark_is_first_seen():
    from jixiao import rules

    rules._tick_forms.cache_clear()
    assert rules.ticked_grades("优秀") is None  # no mark: no pattern asked for
    assert rules._tick_forms.cache_info().currsize == 0
    assert rules.ticked_grades("√优 □良 □中 □差") == ("优",)
    assert rules.ticked_grades("优（ ） 良（√）") == ("良",)
    assert rules._tick_forms.cache_info()[:2] == (1, 1)  # (hits, misses)
