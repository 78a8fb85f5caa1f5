"""rt33: JX502 asked for a 评分等级 where the 分值 do not total 100 — “评分等级未填写，总分
105 应为“优”” beside JX101 — while the report, the JSON (grade_computed null), the
template and rules.md give none there (“分值合计 105，不是 100，不评等级”). A blank grade
there stays unasked for. A grade written is wrong only where it is wrong for every total
the table can have once its 分值 are made up or corrected (rt33 r11 c4: 分值 90, 总分 86.22
graded 差 — 86.22–96.22 is 良 or 优, never 差)."""

import pytest
from workbooks import PUTUO_1_ROWS, Book, standard, standard_sheet

from jixiao.checks import run_checks
from jixiao.model import evaluate
from jixiao.read.workbook import read_tables


def codes(path):
    (table,) = read_tables(path)
    return [f.code for f in run_checks(table, evaluate(table))]


def satisfaction(points):
    """Putuo's rows (99.98 with the 执行率's 9.98) with the 满意度 row given ``points`` (and
    scored them in full): 分值合计 90 + ``points``."""
    *rest, (level1, level2, name, target, actual, _, _, reason) = PUTUO_1_ROWS
    return [*rest, (level1, level2, name, target, actual, points, points, reason)]


@pytest.mark.parametrize(("points", "grade"), [(15, ""), (5, ""), (15, "优"), (5, "优")])
def test_no_grade_is_asked_for_where_the_weights_do_not_total_100(tmp_path, points, grade):
    # 分值合计 105 (or 95): 总分 104.98 (94.98) is no 优 — JX101 alone says what to correct;
    # once the 分值 are, 99.98–100 (94.98–99.98) is 优 whatever the points moved
    path = standard(tmp_path / "t.xlsx", rows=satisfaction(points),
                    total=(90 + points, round(89.98 + points, 2)), grade=grade)
    found = codes(path)
    assert "JX101" in found and "JX502" not in found, found


def test_a_blank_grade_under_weights_of_100_is_still_asked_for(tmp_path):
    path = standard(tmp_path / "t.xlsx", rows=satisfaction(10), total=(100, 99.98), grade="")
    assert "JX502" in codes(path)


def messages(path):
    (table,) = read_tables(path)
    return [f.message for f in run_checks(table, evaluate(table)) if f.code == "JX502"]


# No money block (the 执行率's 10 points missing), indicators 20+15+15+15+15+10 = 90,
# scored 86.22: the 10 missing make the total anything from 86.22 to 96.22 — 良 or 优
_NO_MONEY = [("产出指标", "数量指标", "享受补贴老人数", "≥2500人", "2530人", 20, 20, None),
             ("产出指标", "质量指标", "补贴发放准确率", "100%", "100%", 15, 15, None),
             ("产出指标", "时效指标", "补贴按月发放", "每月10日前", "按时发放", 15, 15, None),
             ("效益指标", "社会效益指标", "老年人生活质量", "明显改善", "明显改善", 15, 15, None),
             ("效益指标", "可持续影响指标", "居家养老服务体系", "持续完善", "基本完善", 15,
              11.22, "部分街道站点未建成"),
             ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥95%", "96%", 10, 10, None)]


def _no_money(tmp_path, grade):
    book = Book()
    standard_sheet(book.sheet(), rows=_NO_MONEY, money=None, total=(100, 86.22), grade=grade,
                   name="居家养老服务补贴")
    return book.save(tmp_path / "t.xlsx")


@pytest.mark.parametrize("grade", ["差", "中"])
def test_a_grade_no_total_of_the_made_up_weights_has_is_asked_for(tmp_path, grade):
    assert messages(_no_money(tmp_path, grade)) == [
        f"评分等级写为“{grade}”，总分 86.22 应为“良”或“优”（分值合计 90，不是 100：按补足"
        "分值后的总分 86.22–96.22）"]


@pytest.mark.parametrize("grade", ["良", "优", ""])
def test_a_grade_some_total_of_the_made_up_weights_has_stands(tmp_path, grade):
    assert messages(_no_money(tmp_path, grade)) == []


def test_a_letter_grade_beside_weights_off_100_names_the_grades_possible(tmp_path):
    (message,) = messages(_no_money(tmp_path, "A"))
    assert message.startswith("评分等级“A”是字母等级") and message.endswith(
        "总分 86.22 应为“良”或“优”（分值合计 90，不是 100：按补足分值后的总分 86.22–96.22）")


@pytest.mark.parametrize(("points", "grade", "named", "span"), [
    # 分值 101: 总分 100.98 is 99.98–100 once the 1 point too many is taken off — 优
    (11, "良", "优", "99.98–100"),
    # 分值 95: 总分 94.98 is 94.98–99.98 once the 5 missing are added — 优
    (5, "良", "优", "94.98–99.98"),
])
def test_a_grade_wrong_for_every_corrected_total_is_asked_for(tmp_path, points, grade, named,
                                                               span):
    path = standard(tmp_path / "t.xlsx", rows=satisfaction(points),
                    total=(90 + points, round(89.98 + points, 2)), grade=grade)
    verb = "改正" if points > 10 else "补足"
    assert messages(path) == [
        f"评分等级写为“{grade}”，总分 {round(89.98 + points, 2):g} 应为“{named}”（分值合计 "
        f"{90 + points}，不是 100：按{verb}分值后的总分 {span}）"]
