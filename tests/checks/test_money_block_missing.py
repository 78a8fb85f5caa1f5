"""A table without any money block whose indicators total 90 and whose 总分 row's 分值
says 100 (rt32 m3: a second table pasted without its 项目资金 lines): the missing 10 are
the 执行率's — JX101 and JX501 say the block is missing, not that the 分值 are wrong."""

from workbooks import Book, standard_sheet

from jixiao.pipeline import check_workbook

# 20 + 15 + 15 + 15 + 15 + 10 = 90, every row full: 90; written 99.5 (the 执行率's 9.5 in it)
ROWS = [("产出指标", "数量指标", "享受补贴老人数", "≥2500人", "2530人", 20, 20, None),
        ("产出指标", "质量指标", "补贴发放准确率", "100%", "100%", 15, 15, None),
        ("产出指标", "时效指标", "补贴按月发放", "每月10日前", "按时发放", 15, 15, None),
        ("效益指标", "社会效益指标", "老年人生活质量", "明显改善", "明显改善", 15, 15, None),
        ("效益指标", "可持续影响指标", "居家养老服务体系", "持续完善", "持续完善", 15, 15, None),
        ("满意度指标", "服务对象满意度指标", "服务对象满意度", "≥95%", "96%", 10, 10, None)]

MISSING = "表中没有预算执行情况（项目资金、执行率）一栏，缺执行率的 10 分"


def findings(path):
    return [(f.code, f.cell, f.message) for f in check_workbook(path).findings
            if f.code in ("JX101", "JX501")]


def test_a_missing_money_block_is_named_as_the_missing_points(tmp_path):
    book = Book()
    standard_sheet(book.sheet(), rows=ROWS, money=None, total=(100, 99.5), name="居家养老服务补贴")
    # title 1-2, 项目名称 3, 主管部门 4, header 5, rows 6-11, 总分 12
    assert findings(book.save(tmp_path / "m3.xlsx")) == [
        ("JX101", "G12", f"分值合计为 90（{MISSING}），应为 100"),
        ("JX501", "H12", "总分写为 99.5，各项得分之和为 90；但分值合计为 90，不是 100（见 JX101）："
                         "应补上预算执行情况一栏（全年预算数、全年执行数、执行率得分），再重算总分")]


def test_a_missing_money_block_with_a_total_of_90_keeps_the_weights_advice(tmp_path):
    """The 总分 row's 分值 says 90 (or nothing): nothing says 10 points are missing from
    the form rather than from the 分值 — the advice stays to correct the 分值."""
    book = Book()
    standard_sheet(book.sheet(), rows=ROWS, money=None, total=(90, 99.5), name="居家养老服务补贴")
    assert findings(book.save(tmp_path / "m3.xlsx")) == [
        ("JX101", "G12", "分值合计为 90，应为 100"),
        ("JX501", "H12", "总分写为 99.5，各项得分之和为 90；但分值合计为 90，不是 100（见 JX101）："
                         "应先改正各项分值，再据此重算得分和总分")]
