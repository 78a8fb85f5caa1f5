"""The instructions a form prints in its 原因 cell (四川 2023, 报表编号 510000_0013zp) are
no reason: ``without_instructions`` drops the whole printed block — each numbered item,
half- or full-width, with or without line breaks, in any order — and keeps what the unit
wrote before or after it."""

import pytest

from jixiao.read.roles import without_instructions

# As the published pages print it (青神, 大英 2023): half-width after NFKC ...
HALF = ("1.预算执行率=预算执行数/调整后预算数,预算执行率未达到90%的需说明原因(100字以内);"
        "2.年中发生预算调整的(追加或调减),应单独说明理由;3.其他资金包括:社会投入资金、银行贷款.")
# ... and full-width as the form itself has it
FULL = ("1.预算执行率=预算执行数/调整后预算数，预算执行率未达到90%的需说明原因（100字以内）；"
        "2.年中发生预算调整的（追加或调减），应单独说明理由；3.其他资金包括：社会投入资金、银行贷款。")
# one item a line, no closing marks
LINES = ("1.预算执行率=预算执行数/调整后预算数\n预算执行率未达到90%的需说明原因（100字以内）\n"
         "2.年中发生预算调整的（追加或调减）\n应单独说明理由\n3.其他资金包括：社会投入资金、银行贷款")
# the items in another order, numbered 、
ORDERED = ("1、其他资金包括：社会投入资金、银行贷款；2、年中发生预算调整的（追加或调减），应单独说明理由；"
           "3、预算执行率=预算执行数/调整后预算数，预算执行率未达到90%的需说明原因（100字以内）")
PRINTED = [HALF, FULL, LINES, ORDERED, FULL.replace("；", "；\n"), HALF.replace(";", "")]
KINDS = ["half", "full", "lines", "ordered", "full-lines", "no-semicolons"]
REASON = "因项目招标延期，资金未能按期支付"


@pytest.mark.parametrize("printed", PRINTED, ids=KINDS)
def test_the_printed_block_alone_is_no_reason(printed):
    assert without_instructions(printed) is None


# A reason typed straight after the block with nothing between; not after the block's last
# words themselves (…银行贷款因…): no reader can tell where the form's list ends.
AFTER = [pytest.param(printed, joint, id=f"{kind}-{joint!r}")
         for printed, kind in zip(PRINTED, KINDS, strict=True) for joint in ("", "\n", "；", ";", "。")
         if joint or not printed[-1].isalnum()]


@pytest.mark.parametrize(("printed", "joint"), AFTER)
def test_a_reason_after_the_printed_block_is_kept(printed, joint):
    assert without_instructions(printed + joint + REASON) == REASON


@pytest.mark.parametrize("printed", PRINTED, ids=KINDS)
@pytest.mark.parametrize("joint", ["", "\n", "。", "；"], ids=repr)
def test_a_reason_before_the_printed_block_is_kept(printed, joint):
    assert without_instructions(REASON + joint + printed) == REASON


@pytest.mark.parametrize(("text", "kept"), [
    # the unit's own numbered reason after item 1 of the form
    ("1.预算执行率=预算执行数/调整后预算数，预算执行率未达到90%的需说明原因（100字以内）；"
     "2.设备尾款按合同于次年支付", "2.设备尾款按合同于次年支付"),
    # a unit's reason naming a printed word is still a reason
    ("执行率偏低：因招标延期需说明情况的项目顺延至次年", "执行率偏低：因招标延期需说明情况的项目顺延至次年"),
    ("其他资金未到位，项目延至次年实施", "其他资金未到位，项目延至次年实施"),
    ("预算执行率为86%，资金于2024.1支付", "预算执行率为86%，资金于2024.1支付"),
    # a unit's own 资金包括… and 资金是指定… (review of rt28: dropped as the printed item 3)
    ("其中上级资金是指定项目资金年底才下达未能支付", "其中上级资金是指定项目资金年底才下达未能支付"),
    ("本项目资金包括中央补助和地方配套，因配套资金未到位导致执行率偏低",
     "本项目资金包括中央补助和地方配套，因配套资金未到位导致执行率偏低"),
    # the prompt under a table, its condition with it
    ("未完成年度指标值的，需分析原因并提出改进措施", None),
    ("扣分指标须在偏差原因分析及改进措施栏说明原因", None),
])
def test_what_is_kept(text, kept):
    assert without_instructions(text) == kept
