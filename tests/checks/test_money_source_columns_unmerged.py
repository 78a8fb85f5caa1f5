"""Sources split into columns under a group header that is not merged across them (rt32 r4
M1, M4, M5, M6: PDF and WPS conversions): 全年预算数（A） in one cell above 中央 | 省级 |
市级 | 县级 | 合计, 全年执行数（B） starting right after them. The sub-headers are the
group's as under a merged header: 100 + 40 + 20 + 20 = 180, not the 合计 185 (JX304); 县级
spent 22 of 20 (JX303). Before, the sources were not read without the merge: both missed."""

import pytest
from workbooks import PUTUO_1_ROWS, Book

from jixiao.checks import run_checks
from jixiao.model import evaluate
from jixiao.read.workbook import read_tables

_SOURCES = ("中央", "省级", "市级", "县级", "合计")


def _found(tmp_path, merged):
    book = Book()
    sheet = book.sheet("自评表")
    sheet.title("项目支出绩效自评表", "（2024 年度）")
    sheet.project("高素质农民培育项目", "某县农业农村局", "某县农业技术推广中心")
    top = sheet.line("项目资金（万元）", None, "全年预算数（A）", None, None, None, None,
                     "全年执行数（B）", None, None, None, None, "执行率（B/A）", "分值", "得分")
    sheet.line(None, None, *_SOURCES, *_SOURCES)
    sheet.line("年度资金总额", None, 100, 40, 20, 20, 185, 98, 38.6, 20, 22, 178.6, "96.54%",
               10, 9.65)
    if merged:
        sheet.merge(top, 3, 7)
        sheet.merge(top, 8, 12)
    sheet.indicators([(*PUTUO_1_ROWS[0][:4], "96.54%", *PUTUO_1_ROWS[0][5:]), *PUTUO_1_ROWS[1:]])
    sheet.total(100, 99.65)
    sheet.grade("优")
    (table,) = read_tables(book.save(tmp_path / "t.xlsx"))
    return [(f.code, f.message) for f in run_checks(table, evaluate(table))
            if f.code in ("JX303", "JX304")]


@pytest.mark.parametrize("merged", [True, False])
def test_the_sources_are_added_up(tmp_path, merged):
    assert sorted(_found(tmp_path, merged)) == [
        ("JX303", "“县级”全年执行数 22 大于全年预算数 20"),
        ("JX304", "全年预算数：各明细合计 180（中央 100 + 省级 40 + 市级 20 + 县级 20），"
                  "年度资金总额为 185")]
