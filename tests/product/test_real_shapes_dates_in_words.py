"""Whole tables whose 时效 rows write the date in words (red team round 25): a part of the
year after the table's (次年一季度, 翌年上半年), a date in Chinese numerals (十二月底前,
二〇二五年十二月三十一日前) and a quarter written the English way (2025年Q4); the middle of
the year (年中, 次年年中) and a run of quarters (Q1-Q3, 1-3季度) in rt26."""

import pytest
from test_real_shapes import QUALITATIVE_MET, checked, codes, medical_insurance


def _with_row(row, at=1):
    return [*QUALITATIVE_MET[:at], row, *QUALITATIVE_MET[at + 1:]]


def _findings(data):
    return [(item["code"], item["cell"]) for item in data["findings"]]


@pytest.mark.parametrize(("target", "actual"), [
    ("2025年12月31日前", "次年一季度"), ("12月底前", "翌年上半年"), ("第四季度", "明年一季度")])
def test_done_in_a_part_of_the_year_after_with_full_marks_is_found(tmp_path, target, actual):
    """Before: 次年 dropped, the table's own first quarter — on time, full marks, nothing
    said. Now late, as 2026年一季度 was: JX402, and the band it is scored in (JX408)."""
    row = ("产出指标", "时效指标", "项目竣工时间", target, actual, 10, 10, None)
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", _with_row(row), total=100))
    assert _findings(data) == [("JX402", "H6"), ("JX408", "H6")]
    assert data["findings"][1]["message"] == (
        f"“项目竣工时间”逾期完成（指标值 {target}，完成值 {actual}），得分应在 6–8 之间，填写为 10")


def test_a_late_row_scored_in_its_band_is_accepted(tmp_path):
    """年底前 done 次年第一季度, 7 of 10 with the reason (before: JX408 said 按时完成, the
    score should be 8–10)."""
    row = ("产出指标", "时效指标", "审计时间", "年底前", "次年第一季度", 10, 7, "施工单位延误，已约谈")
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", _with_row(row), total=97))
    assert codes(data) == []
    assert data["total_computed"] == 97  # the person's score, in the band


@pytest.mark.parametrize(("target", "actual"), [
    ("十二月底前", "12月20日"), ("二〇二五年十二月三十一日前", "2025年12月20日"),
    ("2025年12月31日前", "二〇二五年十二月"), ("2025年第四季度", "2025年Q4"),
    # neighbours read before as well
    ("12月底前", "十二月"), ("第四季度", "12月"), ("2025年12月31日前", "次年1月底前完成")])
def test_a_date_in_words_is_compared(tmp_path, target, actual):
    """十二月底前 against 12月20日 (before: JX204 — a 定性 target a date cannot answer),
    二〇二五年十二月 (before: 不是数值), 2025年Q4 (before: JX203 无法识别)."""
    late = actual.startswith("次年")
    row = ("产出指标", "时效指标", "验收时间", target, actual, 10, 10, "已整改" if late else None)
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", _with_row(row), total=100))
    assert codes(data) == (["JX402", "JX408"] if late else [])
    assert data["total_computed"] == (None if late else 100)


@pytest.mark.parametrize(("target", "actual"), [
    ("年中前", "9月30日"), ("12月底前", "次年年中"), ("Q1-Q3", "10月"), ("一季度至三季度", "11月")])
def test_late_against_the_middle_of_the_year_or_a_run_of_quarters_is_found(tmp_path, target,
                                                                          actual):
    """Done after 6月30日 or after the third quarter's end at full 10: late, 6–8 (before:
    JX204 年中前 a 定性 target, 次年年中 no date, JX203 Q1-Q3 无法识别 — no total; 第一季度
    至第三季度 read as the first quarter's end)."""
    row = ("产出指标", "时效指标", "设备验收时间", target, actual, 10, 10, None)
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", _with_row(row), total=100))
    assert _findings(data) == [("JX402", "H6"), ("JX408", "H6")]
    assert data["findings"][1]["message"] == (
        f"“设备验收时间”逾期完成（指标值 {target}，完成值 {actual}），得分应在 6–8 之间，填写为 10")


@pytest.mark.parametrize(("target", "actual"), [
    ("年中前", "6月20日"), ("1-3季度", "9月20日"), ("Q1-Q3", "三季度"), ("次年年中前", "次年3月")])
def test_on_time_against_the_middle_of_the_year_or_a_run_of_quarters_is_clean(tmp_path, target,
                                                                             actual):
    """1-3季度 done 9月20日 (before: JX410 无法判断…是否在指标值区间内, 1 to 3 季度 a count)."""
    row = ("产出指标", "时效指标", "设备验收时间", target, actual, 10, 10, None)
    _, data = checked(medical_insurance(tmp_path / "t.xlsx", _with_row(row), total=100))
    assert (codes(data), data["total_computed"]) == ([], 100)
