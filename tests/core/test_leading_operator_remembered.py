"""``parsing._leading_operator`` is remembered (lru_cache): it answers as its reference
path ``_read_leading_operator`` reads, for symbols, words, 控制在 with or without a sign,
and texts with none — asked again, from the cache."""

import pytest

from jixiao import parsing

_TEXTS = ["≥95%", ">=90%", "＞＝98%", "≤5天", "<3", "=100%", "不低于95%", "不少于10人",
          "大于=90", "达到100%", "控制在≥98%", "控制在不低于98%", "控制在5%以内", "控制在",
          "100%", "", "  ≥ 1", "高于上年", "小于等于3次", "至少2次", "不超过预算", "完成",
          "≧9", "⩾80%", "约100", "≥", "不低于"]


@pytest.mark.parametrize("text", _TEXTS)
def test_as_read(text):
    parsing._leading_operator.cache_clear()
    first = parsing._leading_operator(text)
    assert first == parsing._read_leading_operator(text)
    assert parsing._leading_operator(text) == first  # from the cache
