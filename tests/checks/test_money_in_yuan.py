"""A money block in 元 (项目资金（元）), red team rt31 i01, i02, i05: the rounding allowed
for 万元 at 2 decimals (0.01 万元 = 100 元 a line or so) hid a 100 元 and a 1 元 gap
between the 其中 lines and the total, and the findings quoted the 万元 the amounts were
converted to (“全年执行数 20 大于全年预算数 19.99” beside cells of 200000 and 199900). The
allowance is now the table's own rounding, 0.01 of its unit, and the findings quote the
amounts as the cells show them."""

from workbooks import PUTUO_1_ROWS, standard

from jixiao.checks import run_checks
from jixiao.model import evaluate
from jixiao.read.workbook import read_tables

HEADER = ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")
ROWS = [(*PUTUO_1_ROWS[0][:4], "93.39%", *PUTUO_1_ROWS[0][5:]), *PUTUO_1_ROWS[1:]]


def _found(tmp_path, fiscal, carried, total_rate="93.39%", score=9.34, label="项目资金（元）"):
    """年度资金总额 1200000 / 1286400 / 1201350 (93.39 %, 9.34 of 10) over 当年财政拨款
    ``fiscal``, 上年结转资金 ``carried`` and 其他资金 0 (年初 / 全年预算数 / 全年执行数)."""
    money = [("年度资金总额", 1200000, 1286400, 1201350, 10, total_rate, score),
             ("其中：当年财政拨款", *fiscal, "—", None, "—"),
             ("上年结转资金", *carried, "—", None, "—"), ("其他资金", 0, 0, 0, "—", None, "—")]
    path = standard(tmp_path / "t.xlsx", rows=ROWS, money=money, money_header=HEADER,
                    money_label=label, total=(100, 90 + score), grade="优")
    (table,) = read_tables(path)
    return [(f.code, f.cell, f.message) for f in run_checks(table, evaluate(table))
            if f.code.startswith("JX3")]


def test_lines_that_add_up_to_the_yuan(tmp_path):
    assert _found(tmp_path, (1000000, 1086400, 1001350), (200000, 200000, 200000)) == []


def test_a_hundred_yuan_short(tmp_path):
    """i01: 上年结转资金's 全年预算数 199900: 1086400 + 199900 + 0 = 1286300 of 1286400, and
    its 全年执行数 200000 above it."""
    assert _found(tmp_path, (1000000, 1086400, 1001350), (200000, 199900, 200000)) == [
        ("JX303", "E8", "“上年结转资金”全年执行数 200,000 大于全年预算数 199,900"),
        ("JX304", "D6", "全年预算数：各明细合计 1,286,300（当年财政拨款 1,086,400 + 上年结转资金 "
                        "199,900 + 其他资金 0），年度资金总额为 1,286,400")]


def test_one_yuan_short(tmp_path):
    """i02: 当年财政拨款 spent 1001349: 1001349 + 200000 + 0 = 1201349 of 1201350."""
    assert _found(tmp_path, (1000000, 1086400, 1001349), (200000, 200000, 200000)) == [
        ("JX304", "E6", "全年执行数：各明细合计 1,201,349（当年财政拨款 1,001,349 + 上年结转资金 "
                        "200,000 + 其他资金 0），年度资金总额为 1,201,350")]


def test_a_wrong_rate_quotes_the_yuan(tmp_path):
    """i05: 1201350 ÷ 1286400 = 93.39 %, written 100 % (and scored 10, not 9.34)."""
    found = _found(tmp_path, (1000000, 1086400, 1001350), (200000, 200000, 200000),
                   total_rate="100%", score=10)
    assert found[0] == ("JX301", "G6", "“年度资金总额”执行率写为 100%，按 全年执行数 1,201,350 ÷ "
                                       "全年预算数 1,286,400 应为 93.39%")


def test_a_ten_thousand_yuan_table_keeps_its_allowance(tmp_path):
    """The same figures in 万元 (120 / 128.64 / 120.135 …) at 2 decimals: 108.64 + 19.99
    + 0 = 128.63 of 128.64 is three lines' rounding (0.015), as before."""
    money = [("年度资金总额", 120, 128.64, 120.14, 10, "93.39%", 9.34),
             ("其中：当年财政拨款", 100, 108.64, 100.14, "—", None, "—"),
             ("上年结转资金", 20, 19.99, 19.99, "—", None, "—"), ("其他资金", 0, 0, 0, "—", None, "—")]
    path = standard(tmp_path / "t.xlsx", rows=ROWS, money=money, money_header=HEADER,
                    total=(100, 99.34), grade="优")
    (table,) = read_tables(path)
    assert [f.code for f in run_checks(table, evaluate(table)) if f.code.startswith("JX3")] == []
