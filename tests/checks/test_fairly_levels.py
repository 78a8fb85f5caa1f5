"""A qualitative 完成值 that is the 指标值's word a degree less (规范 → 较规范, 制度健全 →
制度较健全, 大幅提升 → 提升) is 部分达成 whatever the word, as 满意 → 较满意 and 明显 →
较明显 were (rt26 wb12: every 较X but those two passed at full marks)."""

import json

import pytest
from workbooks import PUTUO_1_ROWS, standard

from jixiao.cli.main import main
from jixiao.rules import indicator_score


def checked(tmp_path, capsys, changes, scores=None, total=(100, 99.98), grade="优"):
    """The first Putuo table with rows' 指标值/完成值 (and 得分) changed, checked as JSON."""
    rows = [list(row) for row in PUTUO_1_ROWS]
    for index, (target, actual) in changes.items():
        rows[index][3], rows[index][4] = target, actual
    for index, score in (scores or {}).items():
        rows[index][6], rows[index][7] = score, "个别环节尚有不足，下一步加以改进"
    path = standard(tmp_path / "t.xlsx", rows=[tuple(row) for row in rows], total=total,
                    grade=grade)
    code = main(["check", str(path), "--json"])
    return code, json.loads(capsys.readouterr().out)


@pytest.mark.parametrize(("target", "actual"), [
    ("规范", "较规范"), ("完善", "较完善"), ("及时", "较及时"), ("准确", "较准确"),
    ("合理", "较合理"), ("有效", "较有效"), ("健全", "较健全"), ("规范", "较为规范"),
    ("规范", "比较规范"), ("制度健全", "制度较健全"), ("规范", "较规范。"),
    ("满意", "较满意"), ("明显", "较明显")])
def test_the_word_a_degree_less_at_full_marks_is_flagged(tmp_path, capsys, target, actual):
    """规范 | 较规范 with the full 25 points: JX402 and JX408 (15–20) on the 得分, as 满意 |
    较满意 had; before, 达成 and no finding."""
    code, data = checked(tmp_path, capsys, {1: (target, actual)})
    assert code == 1
    assert data["indicators"][1]["met"] is False
    assert [(found["code"], found["cell"], found["message"]) for found in data["findings"]] == [
        ("JX402", "H12", f"“预算编制规范性”未达到指标值（指标值 {target}，完成值 {actual}），"
                         "却得满分 25"),
        ("JX408", "H12", f"“预算编制规范性”部分达成（指标值 {target}，完成值 {actual}），"
                         "得分应在 15–20 之间，填写为 25")]


@pytest.mark.parametrize(("target", "actual"), [
    ("大幅提升", "提升"), ("显著提高", "提高"), ("明显提升", "稳步提升"), ("较大提升", "提升")])
def test_a_change_wanted_large_answered_with_no_degree_is_partial(tmp_path, capsys, target,
                                                                  actual):
    """大幅提升 | 提升 at full marks (30): JX402 and JX408 (18–24), as 大幅提升 | 小幅提升
    was; before, 达成."""
    code, data = checked(tmp_path, capsys, {3: (target, actual)})
    assert code == 1
    assert [(found["code"], found["cell"], found["message"]) for found in data["findings"]] == [
        ("JX402", "H14", f"“网络安全防护能力”未达到指标值（指标值 {target}，完成值 {actual}），"
                         "却得满分 30"),
        ("JX408", "H14", f"“网络安全防护能力”部分达成（指标值 {target}，完成值 {actual}），"
                         "得分应在 18–24 之间，填写为 30")]


def test_the_word_a_degree_less_scored_in_its_band_is_accepted(tmp_path, capsys):
    """较规范 scored 18 of 25 and 提升 against 大幅提升 scored 21 of 30, each with a reason:
    no finding, the 总分 computed with the scores given."""
    code, data = checked(tmp_path, capsys, {1: ("规范", "较规范"), 3: ("大幅提升", "提升")},
                         scores={1: 18, 3: 21}, total=(100, 83.98), grade="良")
    assert (code, data["findings"]) == (0, [])
    assert [data["indicators"][index]["score_computed"] for index in (1, 3)] == [18, 21]
    assert data["total_computed"] == 83.98


@pytest.mark.parametrize(("target", "actual"), [
    ("完善", "完善"), ("较好", "好"), ("有效保障", "有效"), ("较完善", "较完善"),
    ("基本完善", "较完善"), ("较完善", "完善"), ("上年有所提高", "较上年有所提高"),
    ("稳步提升", "提升"), ("明显提升", "显著提升"), ("规范", "规范，较上年有所改进")])
def test_the_same_degree_or_more_stays_met(tmp_path, capsys, target, actual):
    """Neighbours that keep full marks: the word itself, better than asked (较好 | 好), a 较
    the 指标值 has too (较完善 | 较完善; 基本完善 | 较完善), a 较 that compares (较上年), a
    change wanted with no degree (稳步提升 | 提升) or a degree as large (明显 | 显著)."""
    code, data = checked(tmp_path, capsys, {1: (target, actual)})
    assert (code, data["findings"]) == (0, [])
    assert data["indicators"][1]["met"] is True
    assert data["total_computed"] == 99.98


@pytest.mark.parametrize(("target", "actual", "level"), [
    ("完善", "基本完善", "partial"), ("较完善", "基本完善", "partial"),
    ("明显改善", "有所改善", "partial"), ("大幅提升", "下降", "not"),
    ("规范", "较规范，个别档案归档滞后", "not"), ("满意", "满意度较高", "achieved")])
def test_other_readings_beside_the_degree_are_as_before(target, actual, level):
    """基本完善 as before (部分达成 against 完善 and 较完善), 有所改善 a degree short as
    before, a fall against a rise 未达成, a comment of lateness its own 未达成, 满意度较高
    达成 against 满意 (a height, not a level of 满意)."""
    assert indicator_score(target, actual, 10).level == level
