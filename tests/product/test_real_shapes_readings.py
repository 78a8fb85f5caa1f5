"""Whole tables whose 指标值/完成值 a published table writes in a way read wrong before
(round 5): 每亩300元, a grading scale as the 定性 target, a rate of something bad without
its ≤, and the money lines' labels of other provinces' forms."""

import pytest
from test_real_shapes import QUALITATIVE_MET, checked, codes, medical_insurance


def _with_row(row, at=2):
    return [*QUALITATIVE_MET[:at], row, *QUALITATIVE_MET[at + 1:]]


def test_a_standard_per_unit_written_with_mei_is_read(tmp_path):
    """造林补助 每亩300 → 每亩300 under 成本指标 (零陵 2021): met, nothing to say (before:
    JX203 on both cells, no total computed). An overrun still loses points."""
    row = ("产出指标", "成本指标", "造林补助标准", "每亩300元", "300元/亩", 10, 10, None)
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", _with_row(row, 3), total=100))
    assert codes(data) == []
    assert data["total_computed"] == 100
    over = ("产出指标", "成本指标", "造林补助标准", "每亩300元", "每亩360元", 10, 10, None)
    _, data = checked(medical_insurance(tmp_path / "o.xlsx", _with_row(over, 3), total=100))
    assert "JX402" in codes(data)


@pytest.mark.parametrize(("target", "actual", "expected"), [
    ("优良中低差", "优", []), ("好坏", "好", []), ("优良中低差", "良", ["JX402", "JX408"]),
    ("好坏", "好坏", ["JX410", "JX410"])])
def test_a_grading_scale_as_the_target(tmp_path, target, actual, expected):
    """管理机制健全性 优良中低差 (四川, the 一体化 system's scale), 优 reached, full marks:
    达成 (before: JX410, no total); 良 with full marks is 部分达成 (a person scores 60–80 %);
    the scale copied as the actual is no answer (before: 达成, full marks unchecked)."""
    row = ("效益指标", "可持续影响指标", "管理机制健全性", target, actual, 10, 10, None)
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", _with_row(row, 5), total=100))
    assert [code for code in codes(data) if code != "JX405"] == expected


@pytest.mark.parametrize("name", ["森林火灾受害率", "林业有害生物成灾率", "农药残留超标率",
                                  "贷款违约率", "城镇登记失业率"])
def test_a_rate_of_something_bad_without_its_sign(tmp_path, name):
    """森林火灾受害率 0.9% (no ≤), done 0, full marks (重庆 梁平 2022): JX203 says to write
    ≤0.9%, as for 差错率 (before: a JX402 error and a JX404 as if 0 missed a goal)."""
    row = ("效益指标", "生态效益指标", name, "0.9%", "0", 10, 10, None)
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", _with_row(row, 5), total=100))
    assert codes(data) == ["JX203"]
    assert "应写“≤0.9%”" in data["findings"][0]["message"]


def test_a_rate_of_something_bad_with_its_sign_is_judged(tmp_path):
    """With the ≤ written, a rate over its ceiling still loses its points."""
    row = ("效益指标", "生态效益指标", "森林火灾受害率", "≤0.9%", "1.5%", 10, 10, None)
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", _with_row(row, 5), total=100))
    assert "JX402" in codes(data)
