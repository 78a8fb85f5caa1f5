"""Pure readings of a cell's words: the grade ticked in a tick box (rules), and 一级 and 二级
written in one cell (levels)."""

from __future__ import annotations

import pytest

from jixiao import rules

# ---------------------------------------------------------------- tick boxes


@pytest.mark.parametrize(("text", "ticked"), [
    ("√优 □良 □中 □差", ("优",)), ("☑优 ☐良 ☐中 ☐差", ("优",)), ("■优 □良 □中 □差", ("优",)),
    ("优（√） 良（ ） 中（ ） 差（ ）", ("优",)), ("优√", ("优",)), ("优☑", ("优",)), ("✔良", ("良",)),
    ("□优 ✓良 □中 □差", ("良",)), ("R优 £良 £中 £差", ("优",)), ("þ优 ¨良 ¨中 ¨差", ("优",)),
    ("口优 口良 √中 口差", ("中",)), ("优(√)、良( )", ("优",)), ("【√】优【 】良", ("优",)),
    ("☐优秀 ☐良好 ☐合格 ☑不合格", ("差",)), ("☒优 ☐良", ("优",)),
    ("√优 √良 □中 □差", ("优", "良")), ("□优 □良 □中 □差", ()), ("优（ ） 良（ ）", ()),
    ("优", None), ("优秀", None), ("优（95分）", None), ("√", None), ("甲", None), (None, None),
    (95, None)])
def test_ticked_grades(text, ticked):
    assert rules.ticked_grades(text) == ticked


@pytest.mark.parametrize(("text", "grade"), [
    ("√优 □良 □中 □差", "优"), ("□优 √良 □中 □差", "良"), ("优√", "优"),
    ("√优 √良 □中 □差", None), ("□优 □良 □中 □差", None),
    ("优", "优"), ("优（95分）", "优"), ("良好 86.5", "良"), ("优良", None)])
def test_grade_name_of_a_tick_box_is_the_one_ticked(text, grade):
    assert rules.grade_name(text) == grade
