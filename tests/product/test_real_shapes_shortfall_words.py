"""A deduction explained under the table in the words units write (rt26 e): a note naming
the indicator and its cause says the shortfall in numbers as often as in 未达标 (培训班次
少1期，因汛期停课; 比计划少办1期; 仅完成9期; 扣1分，因…), an overrun as 比目标多700人 or
多于计划; and a 问题/改进 section below the 总分 (三、存在的问题及改进措施 / 1.培训班次比计划
少1期，主要是汛期停课；…) lists each deducted indicator with its cause. A reviewer reads
them as explained; before, each gave JX405 (JX206). A note naming the indicator without a
cause, or with a cause but no shortfall, still explains nothing."""

import pytest
from test_real_shapes import checked
from workbooks import Book, standard_sheet

from jixiao.model import Indicator, SelfEvaluation, explained

MONEY = [("年度资金总额", 100, 100, 100, 10, 100.0, 10),
         ("其中：当年财政拨款", 100, 100, 100, "—", 100.0, "—")]
NAME = "2024年农村劳动力技能培训项目"


def _rows(**changed):
    """The training table, every row at full marks but those ``changed`` (row name →
    (完成值, 得分)); no 偏差原因 anywhere."""
    rows = [["产出指标", "数量指标", "培训人数", "≥500人", "520人", 10, 10, None],
            ["产出指标", "数量指标", "培训班次", "≥10期", "10期", 10, 10, None],
            ["产出指标", "质量指标", "培训合格率", "≥95%", "96%", 10, 10, None],
            ["产出指标", "时效指标", "培训完成时间", "2024年11月30日前", "2024年11月20日", 10, 10, None],
            ["产出指标", "成本指标", "人均培训成本", "≤800元/人", "760元/人", 10, 10, None],
            ["效益指标", "社会效益指标", "学员就业率", "≥80%", "85%", 15, 15, None],
            ["效益指标", "可持续影响指标", "培训机制长效运行", "长期", "长期", 15, 15, None],
            ["满意度指标", "服务对象满意度指标", "学员满意度", "≥95%", "96%", 10, 10, None]]
    for row in rows:
        if row[2] in changed:
            row[4], row[6] = changed[row[2]]
    return rows


SHORT = {"培训班次": ("9期", 9)}
THREE_SHORT = {"培训班次": ("9期", 9), "培训合格率": ("92%", 9.68), "学员满意度": ("90%", 9.47)}


def _book(tmp_path, changed, *lines):
    """The training table with its rows ``changed``, and under its 评分等级 the rows
    ``lines``: one text merged across the table, or a (label, text) pair."""
    rows = _rows(**changed)
    total = round(10 + sum(row[6] for row in rows), 2)
    book = Book()
    sheet = standard_sheet(book.sheet(), rows=rows, money=MONEY, total=(100, total), name=NAME)
    for cells in lines:
        row = sheet.line(*cells)
        sheet.merge(row, len(cells), 9)
    return book.save(tmp_path / "t.xlsx")


def _found(data):
    return [(item["code"], item["cell"]) for item in data["findings"]]


@pytest.mark.parametrize("said", [
    "培训班次少1期，因汛期停课", "培训班次比计划少办1期，因汛期停课", "培训班次仅完成9期，因汛期停课",
    "培训班次只办了9期，原因是汛期停课", "培训班次差1期，因汛期停课",
    "培训班次完成9期，较目标10期少1期，因汛期停课", "培训班次扣1分，因汛期停课",
    "培训班次较计划缺少1期（受汛期影响）", "培训班次少办一期，主要是汛期停课"])
def test_a_note_saying_the_shortfall_in_numbers_explains_it(tmp_path, said):
    """rt26 e t13: before, JX405 at I10 — only 未达标, 减少, 差距 … were read as a shortfall."""
    table, data = checked(_book(tmp_path, SHORT, (f"说明：{said}。",)))
    assert _found(data) == []
    assert table.notes == [f"{said}。"]


@pytest.mark.parametrize("said", [
    "说明：培训班次少1期。",  # the shortfall, no cause
    "说明：培训班次（汛期停课）。",  # a bracket, no cause word
    "说明：培训班次至少办10期，因群众需求大。",  # a cause, but 至少 is no shortfall
    "说明：培训班次比较多，因群众需求大。",
    "说明：培训班次较上年多2期，因群众需求大。"])  # a change on last year, not on the target
def test_a_note_without_a_cause_of_the_shortfall_still_leaves_it_told(tmp_path, said):
    """What must not change: a note naming the indicator without saying a cause of its
    shortfall explains nothing."""
    _, data = checked(_book(tmp_path, SHORT, (said,)))
    assert _found(data) == [("JX405", "I10")]
    assert data["findings"][0]["message"] == "“培训班次”扣 1 分（9/10），未说明偏差原因"


OVER = {"培训人数": ("1200人", 10)}


@pytest.mark.parametrize("said", ["培训人数比目标多700人，因上级追加任务",
                                  "培训人数多于计划，因上级追加任务",
                                  "培训人数超额完成，因上级追加任务"])  # as before
def test_a_note_saying_an_overrun_in_numbers_explains_it(tmp_path, said):
    """rt26 e t14: before, JX206 at I9 for all but 超额完成."""
    _, data = checked(_book(tmp_path, OVER, (f"说明：{said}。",)))
    assert _found(data) == []


def test_an_unexplained_overrun_says_what_share_of_the_target_was_done(tmp_path):
    """rt26 e t10: the message said “超出指标值 ≥500人 的 140%” — read as 140% of the target
    — for 1200 of 500: 240% of the target, 140% over it. Now both, plainly. A note saying
    only that the number rose on last year explains no overrun: still told."""
    _, data = checked(_book(tmp_path, OVER, ("说明：培训人数较上年多300人，因群众需求大。",)))
    assert _found(data) == [("JX206", "I9")]
    assert data["findings"][0]["message"] == (
        "“培训人数”完成值 1200人 是指标值 ≥500人 的 240%（超出 140%），未说明原因"
        "（年度指标值是否定得过低？请在偏差原因中说明）")


ITEMS = "1.培训班次比计划少1期，主要是汛期停课；2.培训合格率92%，低于95%，因部分学员文化基础薄弱；"
LAST = "3.学员满意度90%，低于目标，因部分课程与需求脱节。"


@pytest.mark.parametrize("lines", [
    (("三、存在的问题及改进措施",), (ITEMS,), (LAST,)),
    (("存在问题及整改措施：",), (ITEMS,), (LAST,)),
    (("问题及改进措施",), (ITEMS + LAST,)),
    (("存在的问题",), (ITEMS,), (LAST,)),
    (("主要问题：" + ITEMS + LAST,),),
    (("存在问题及改进措施", ITEMS + LAST),),
    (("二、存在的主要问题及原因分析",), (ITEMS,), (LAST,))])  # as before
def test_a_problems_section_below_the_total_explains_what_it_names(tmp_path, lines):
    """rt26 e t3/t7: a 问题/改进 section whose items name each deducted indicator with its
    cause. Before: JX405 at I10, I11 and I16 under every heading but a 原因 one — a
    …及改进措施 heading was read as measures only, 存在的问题 not at all."""
    table, data = checked(_book(tmp_path, THREE_SHORT, *lines))
    assert _found(data) == []


def test_a_problems_section_explains_only_what_it_names_with_a_cause(tmp_path):
    """The item naming 学员满意度 without a cause (and the one leaving out 合格率) leaves
    those told, with the note's hint where it names the indicator not at all."""
    _, data = checked(_book(tmp_path, THREE_SHORT, ("三、存在的问题及改进措施",),
                            ("1.培训班次比计划少1期，主要是汛期停课；",),
                            ("2.学员满意度90%，低于目标，下一步将加强课程调研。",)))
    assert _found(data) == [("JX405", "I11"), ("JX405", "I16")]
    assert [item["message"] for item in data["findings"]] == [
        "“培训合格率”扣 0.32 分（9.68/10），未说明偏差原因（表下备注未写明该指标）",
        "“学员满意度”扣 0.53 分（9.47/10），未说明偏差原因"]


def test_a_measures_section_giving_no_cause_explains_nothing(tmp_path):
    """What must not change: an 改进措施 section of plans only (the 四川 closing row's kind)
    is no explanation, and no note."""
    table, data = checked(_book(tmp_path, THREE_SHORT, ("三、存在的问题及改进措施",),
                                ("1.培训班次比计划少1期，下一步将合理安排培训时间；",),
                                ("2.加强学员基础教学，提高合格率与满意度。",)))
    assert _found(data) == [("JX405", "I10"), ("JX405", "I11"), ("JX405", "I16")]
    assert (table.notes, table.reason) == ([], None)


@pytest.mark.parametrize(("note", "explains"), [
    ("培训班次少1期，因汛期停课", [True, False]),
    ("培训班次扣0.5分，由于汛期停课", [True, False]),
    ("青少年培训班次10期，因需求大", [False, False]),  # 青少年 is no 少
    ("培训班次不少于10期，因需求大", [False, False]),  # the target's words
    ("培训班次差旅费1万元，因路途远", [False, False]),
    ("就业比例提高，因经济回暖", [False, False]),
    ("就业率比目标低5个百分点，因经济下行", [False, True])])
def test_shortfall_words_in_numbers(note, explains):
    table = SelfEvaluation(indicators=[Indicator("产出指标", "数量指标", "培训班次"),
                                       Indicator("效益指标", "社会效益指标", "学员就业率")],
                           notes=[note])
    assert [explained(table, indicator) for indicator in table.indicators] == explains


def test_an_indicator_named_problems_in_time_is_no_problems_heading():
    """Review: 问题及时整改率 (an indicator: problems put right in time) is no 问题及… heading
    of a problems section under the table; 问题及整改措施 is one."""
    from jixiao.read.roles import is_note_label

    assert not is_note_label("问题及时整改率") and not is_note_label("问题及时发现率")
    assert is_note_label("问题及整改措施")
