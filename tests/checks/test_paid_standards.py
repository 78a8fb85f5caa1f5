"""JX205 and a standard paid to each person listed under 成本指标 (rt29 std): 基础养老金
最低标准 ≥143元/人·月 is at least what is paid — ≥ its right way, no cost to keep under; a
real cost (单位成本, 每公里造价, 人均成本, 培训成本) written ≥ is still JX205."""

import pytest
from test_validator import findings, rows
from workbooks import standard


def _cost_row(tmp_path, name, target, actual):
    """Putuo's first row (E11, 5 points) moved under 成本指标 as ``name``."""
    changed = rows((0, {"level2": "成本指标", "name": name, "target": target, "actual": actual}))
    return findings(standard(tmp_path / "t.xlsx", rows=changed), ["JX205"])


@pytest.mark.parametrize(("name", "target", "actual"), [
    ("基础养老金最低标准", "≥143元/人·月", "143元/人·月"),
    ("特困人员基本生活标准", "≥1.3倍低保标准", "1.3倍低保标准"),
    ("集中养育孤儿基本生活费标准", "≥1800元/人·月", "1800元/人·月"),
    ("农村低保标准", "≥6500元/人·年", "6500元/人·年"),
    ("孤儿基本生活费月人均标准", "≥1400元", "1400元"),
    ("城乡居民最低生活保障金标准", "≥600元/人·月", "600元/人·月"),
    ("临时救助金发放标准", "≥1000元/人·次", "1000元/人·次"),
    ("人均财政补助标准", "≥610元/人", "610元/人"),  # exempt before
])
def test_a_standard_paid_per_person_may_be_at_least(tmp_path, name, target, actual):
    """Before: JX205 “成本指标“基础养老金最低标准”的指标值“≥143元/人·月”方向为“≥”，
    成本应写“≤””."""
    assert _cost_row(tmp_path, name, target, actual) == []


@pytest.mark.parametrize(("name", "target"), [
    ("单位成本", "≥300元"),
    ("每公里造价", "≥120万元"),
    ("人均成本", "≥500元/人"),
    ("培训成本", "≥2万元"),
    ("人均培训成本标准", "≥300元/人"),  # a standard, but of a cost
    ("基础养老金发放成本", "≥2万元"),   # names a pension, but its cost
    ("项目投入资金", "≥30 万元"),
])
def test_a_real_cost_written_at_least_is_still_flagged(tmp_path, name, target):
    found = _cost_row(tmp_path, name, target, target.lstrip("≥"))
    assert [(item.cell, item.message) for item in found] == [
        ("E11", f"成本指标“{name}”的指标值“{target}”方向为“≥”，成本应写“≤”；"
                "得分暂不核对，改正符号后再核对")]


@pytest.mark.parametrize(("name", "target"), [
    ("抚恤金支出", "≥100万元"),          # rt29 r7 p0–p4: spending totals, not a standard per head
    ("救助金发放总额", "≥200万元"),
    ("保障金", "≥500万元"),
    ("津贴补贴", "≥30万元"),
    ("养老金发放金额", "≥1200万元"),
    ("生活费补助资金", "≥80万元"),
])
def test_a_total_paid_out_is_a_cost(tmp_path, name, target):
    """Before (ed7df7a): no JX205 — 抚恤, 救助金, 保障金, 养老金 named a standard paid."""
    found = _cost_row(tmp_path, name, target, target.lstrip("≥"))
    assert [(item.cell, item.message) for item in found] == [
        ("E11", f"成本指标“{name}”的指标值“{target}”方向为“≥”，成本应写“≤”；"
                "得分暂不核对，改正符号后再核对")]


@pytest.mark.parametrize(("name", "target"), [
    ("人均救助补助", "≥200元/人/月"),   # per head by its unit and 人均
    ("养老服务补贴", "≥300元/人·月"),   # per head by its unit
    ("困难家庭救助金", "≥1000元/户"),
    ("低保金发放标准金额", "≥800元/人"),   # 金额, but per person: a standard (rt29 review)
    ("人均补助金额", "≥610元/人"),
    ("家庭经济困难学生生活补助", "≥1000元/生·年"),   # per pupil
    ("耕地地力保护补贴", "≥100元/亩"),              # per 亩 of land
])
def test_an_amount_per_head_is_a_standard(tmp_path, name, target):
    assert _cost_row(tmp_path, name, target, target.lstrip("≥")) == []
